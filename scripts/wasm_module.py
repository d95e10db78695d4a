"""Reading a wasm module's sections, for scripts/split-page.py (which rewrites the export
section) and scripts/size-gate.py (which reads the function names). Hand-written: a few lines
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
