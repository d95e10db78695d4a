"""Reading a wasm module's sections, for scripts/split-page.py (which rewrites the import and
export sections) and scripts/size-gate.py (which reads the function names). Hand-written: a few lines
of the binary format (LEB128 numbers, sections as id, size, body); no package on PyPI that the
project already installs reads it."""
from collections.abc import Iterator

MAGIC = b"\0asm\x01\0\0\0"


def leb128(data: bytes, at: int) -> tuple[int, int]:
    """The unsigned LEB128 number at `at`, and where the next field starts."""
    value = shift = 0
    while True:
        if at >= len(data):
            raise ValueError("a wasm module ends inside a number")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def to_leb128(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | 0x80 if value else byte)
        if not value:
            return bytes(out)


def sections(data: bytes) -> Iterator[tuple[int, int, int, int]]:
    """Each section of the module `data`: (id, where the section starts, where its body
    starts, where it ends)."""
    if data[:8] != MAGIC:
        raise ValueError("not a wasm module")
    at = 8
    while at < len(data):
        size, body = leb128(data, at + 1)
        yield data[at], at, body, body + size
        at = body + size


def name_at(data: bytes, at: int) -> tuple[str, int]:
    """The name (a length and UTF-8 bytes) at `at`, and where the next field starts."""
    length, start = leb128(data, at)
    end = start + length
    if end > len(data):
        raise ValueError("a wasm module ends inside a name")
    return data[start:end].decode("utf-8"), end


def encode_name(name: str) -> bytes:
    raw = name.encode("utf-8")
    return to_leb128(len(raw)) + raw


def _limits_end(data: bytes, at: int) -> int:
    flags = data[at]
    _, at = leb128(data, at + 1)
    if flags & 1:
        _, at = leb128(data, at)
    return at


def imports(data: bytes, body: int) -> list[tuple[str, str, bytes]]:
    """The entries of the import section whose body starts at `body`: (module, name, the
    import's description as its bytes)."""
    count, at = leb128(data, body)
    found = []
    for _ in range(count):
        module, at = name_at(data, at)
        name, at = name_at(data, at)
        kind, start = data[at], at
        at += 1
        if kind == 0:  # a function: its type's index
            _, at = leb128(data, at)
        elif kind == 1:  # a table: its element type, its limits
            at = _limits_end(data, at + 1)
        elif kind == 2:  # a memory: its limits
            at = _limits_end(data, at)
        elif kind == 3:  # a global: its value type, whether mutable
            at += 2
        elif kind == 4:  # a tag: an attribute byte, its type's index
            _, at = leb128(data, at + 1)
        else:
            raise ValueError(f"an import of unknown kind {kind}")
        found.append((module, name, data[start:at]))
    return found


def exports(data: bytes, body: int) -> list[tuple[str, bytes]]:
    """The entries of the export section whose body starts at `body`: (name, its kind and
    index as their bytes)."""
    count, at = leb128(data, body)
    found = []
    for _ in range(count):
        name, at = name_at(data, at)
        _, end = leb128(data, at + 1)  # the kind's byte, then the index
        found.append((name, data[at:end]))
        at = end
    return found


def section(section_id: int, body: bytes) -> bytes:
    return bytes([section_id]) + to_leb128(len(body)) + body
