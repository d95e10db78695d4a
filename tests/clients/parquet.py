"""A minimal Parquet writer for the tests: one row group, one PLAIN data page per column,
uncompressed, REQUIRED INT64 or UTF8 columns; the footer in Thrift's compact protocol
(Apache Parquet format, parquet.thrift: FileMetaData, SchemaElement, RowGroup, ColumnChunk,
ColumnMetaData, PageHeader).

Hand-written because the tests' venv has no Parquet library: pyarrow is a wheel of tens of
megabytes, for a file the tests need only to be large (so that `preflight` fetches its
footer with a ranged request) and valid.
"""

import struct

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)

def zigzag(n):
    return (n << 1) ^ (n >> 63)

class Struct:
    """A Thrift compact-protocol struct: fields in increasing id order."""
    def __init__(self):
        self.out = bytearray()
        self.last = 0
    def header(self, fid, ftype):
        delta = fid - self.last
        assert 0 < delta <= 15
        self.out.append((delta << 4) | ftype)
        self.last = fid
    def i32(self, fid, v):
        self.header(fid, 5); self.out += varint(zigzag(v)); return self
    def i64(self, fid, v):
        self.header(fid, 6); self.out += varint(zigzag(v)); return self
    def string(self, fid, s):
        b = s.encode(); self.header(fid, 8); self.out += varint(len(b)) + b; return self
    def struct(self, fid, st):
        self.header(fid, 12); self.out += st.end(); return self
    def list(self, fid, etype, items):
        self.header(fid, 9)
        n = len(items)
        self.out.append((n << 4) | etype if n < 15 else 0xF0 | etype)
        if n >= 15:
            self.out += varint(n)
        for item in items:
            if etype == 5:
                self.out += varint(zigzag(item))
            elif etype == 8:
                b = item.encode(); self.out += varint(len(b)) + b
            elif etype == 12:
                self.out += item.end()
        return self
    def end(self):
        return bytes(self.out) + b"\x00"

def parquet(columns, rows):
    """columns: [(name, kind, values)] with kind 'int64' or 'utf8', all REQUIRED, PLAIN,
    uncompressed, one row group, one data page per column."""
    body = bytearray(b"PAR1")
    chunks = []
    for name, kind, values in columns:
        if kind == "int64":
            data = struct.pack(f"<{len(values)}q", *values)
        else:
            data = b"".join(struct.pack("<I", len(v.encode())) + v.encode() for v in values)
        page_header = (
            Struct()
            .i32(1, 0)  # DATA_PAGE
            .i32(2, len(data))
            .i32(3, len(data))
            .struct(5, Struct().i32(1, len(values)).i32(2, 0).i32(3, 3).i32(4, 3))
            .end()
        )
        offset = len(body)
        body += page_header + data
        size = len(page_header) + len(data)
        meta = (
            Struct()
            .i32(1, 2 if kind == "int64" else 6)  # INT64 | BYTE_ARRAY
            .list(2, 5, [0])  # PLAIN
            .list(3, 8, [name])
            .i32(4, 0)  # UNCOMPRESSED
            .i64(5, len(values))
            .i64(6, size)
            .i64(7, size)
            .i64(9, offset)
        )
        chunks.append(Struct().i64(2, offset).struct(3, meta))
    schema = [Struct().string(4, "schema").i32(5, len(columns))]
    for name, kind, _ in columns:
        el = Struct().i32(1, 2 if kind == "int64" else 6).i32(3, 0).string(4, name)
        if kind == "utf8":
            el.i32(6, 0)  # UTF8
        schema.append(el)
    total = sum(len(c.out) for c in chunks)
    group = Struct().list(1, 12, chunks).i64(2, len(body) - 4).i64(3, rows)
    footer = Struct().i32(1, 1).list(2, 12, schema).i64(3, rows).list(4, 12, [group]).end()
    return bytes(body) + footer + struct.pack("<I", len(footer)) + b"PAR1"
