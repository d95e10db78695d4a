//! Parquet: the footer alone (schema, row count, per-column null counts when the writer kept
//! statistics), decoded by [`thrift`] (those fields only, with bounded memory). The data
//! pages are never read, so values are not checked (see [`NOT_CHECKED`]).
//!
//! A file fed from its start keeps only its last [`MAX_FOOTER_BYTES`] (a rolling tail); a
//! reader that can seek calls [`ParquetTail::skip_to`] and feeds only the end.

pub mod thrift;

/// Largest footer read (metadata plus its 8-byte trailer). Footers are kilobytes; a wide
/// file with many row groups may reach a few megabytes.
pub const MAX_FOOTER_BYTES: usize = 8 << 20;

/// What the footer does not tell, said with every Parquet channel.
pub const NOT_CHECKED: &str = "the values themselves (the footer holds only the schema, the row count and, when the writer kept them, null counts): the target's classes and the problem type, sample weights, text encoding and whether the data pages can be decoded are not checked";

/// One top-level column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParquetColumn {
    pub name: String,
    /// `numeric`, `text`, `boolean`, `date/time` or `nested`/`binary`.
    pub kind: &'static str,
    /// Nulls in the column, when every row group's statistics say.
    pub nulls: Option<u64>,
}

/// What the footer says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParquetInfo {
    pub rows: u64,
    pub row_groups: usize,
    pub columns: Vec<ParquetColumn>,
}

/// The rolling tail of a Parquet file being read.
#[derive(Default)]
pub struct ParquetTail {
    buf: Vec<u8>,
    total: u64,
}

impl ParquetTail {
    pub fn push(&mut self, bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if bytes.len() >= MAX_FOOTER_BYTES {
            self.buf.clear();
            self.buf
                .extend_from_slice(&bytes[bytes.len() - MAX_FOOTER_BYTES..]);
            return;
        }
        self.buf.extend_from_slice(bytes);
        if self.buf.len() > 2 * MAX_FOOTER_BYTES {
            let cut = self.buf.len() - MAX_FOOTER_BYTES;
            self.buf.drain(..cut);
        }
    }

    /// The next bytes pushed are those from `offset` of the file on.
    pub fn skip_to(&mut self, offset: u64) {
        if offset != self.total {
            self.buf.clear();
            self.total = offset;
        }
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    /// Decodes the footer, or says why it cannot be read.
    pub fn finish(&self) -> Result<ParquetInfo, String> {
        let buf = &self.buf;
        if self.total < 12 || buf.len() < 8 {
            return Err(format!(
                "the file is {} bytes: too short for Parquet (it starts with PAR1 but has no footer)",
                self.total
            ));
        }
        let trailer = &buf[buf.len() - 8..];
        let magic = &trailer[4..];
        if magic == b"PARE" {
            return Err(
                "the footer is encrypted: its schema and row count cannot be read without the key"
                    .to_string(),
            );
        }
        if magic != b"PAR1" {
            return Err(format!(
                "the file does not end with PAR1 (it ends with {}): it is truncated, or still being written",
                hex(magic)
            ));
        }
        let len = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]) as u64;
        if len + 12 > self.total {
            return Err(format!(
                "the footer says its metadata is {len} bytes, more than the file holds ({} bytes): the file is damaged",
                self.total
            ));
        }
        if len as usize + 8 > buf.len() {
            return Err(format!(
                "the footer's metadata is {len} bytes, more than the {MAX_FOOTER_BYTES} bytes read: not checked"
            ));
        }
        let meta = &buf[buf.len() - 8 - len as usize..buf.len() - 8];
        thrift::decode(meta).map_err(|why| format!("the footer cannot be decoded: {why}"))
    }
}

/// A column's kind from its types (`parquet.thrift`'s numbers): the converted type first, as
/// older writers keep only that, then the logical type (the id of its union's member), then
/// the physical type; `None` for a physical type the format does not have.
fn kind_of(physical: i64, logical: Option<i16>, converted: Option<i64>) -> Option<&'static str> {
    match converted {
        // UTF8, ENUM, JSON
        Some(0 | 4 | 19) => return Some("text"),
        // DATE, TIME_MILLIS, TIME_MICROS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS
        Some(6..=10) => return Some("date/time"),
        // DECIMAL
        Some(5) => return Some("numeric"),
        _ => {}
    }
    match logical {
        // STRING, ENUM, JSON
        Some(1 | 4 | 12) => return Some("text"),
        // DATE, TIME, TIMESTAMP
        Some(6..=8) => return Some("date/time"),
        // DECIMAL, INTEGER
        Some(5 | 10) => return Some("numeric"),
        _ => {}
    }
    Some(match physical {
        0 => "boolean",
        // INT32, INT64, FLOAT, DOUBLE
        1 | 2 | 4 | 5 => "numeric",
        // INT96, the old Impala timestamp.
        3 => "date/time",
        // BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY
        6 | 7 => "binary",
        _ => return None,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}
