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

/// Why a file that starts like Parquet cannot be read by its footer (the part at its end
/// where Parquet lists the file's columns, their types and its rows). Said to a person in
/// plain words by [`Unreadable::message`]; the footer reader's own words, when any, only as
/// a detail at its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Fewer bytes (the file's size) than a Parquet file's start and end marks take.
    TooShort(u64),
    /// The footer is encrypted (the file ends with `PARE`).
    Encrypted,
    /// The file does not end with `PAR1` (its last four bytes): cut short, or still being
    /// written.
    CutShort([u8; 4]),
    /// The footer says it is longer (`len`) than the whole file (`total` bytes).
    LongerThanFile { len: u64, total: u64 },
    /// The footer is longer (`len`) than [`MAX_FOOTER_BYTES`]: not read, so not checked.
    TooLarge(u64),
    /// The footer's bytes do not decode: the decoder's reason.
    Damaged(String),
}

/// What to do with a file cut short or damaged.
const COPY_AGAIN: &str = "copy or export it again in full, then check it again";

impl Unreadable {
    /// Whether this stops the job: every case but [`Unreadable::TooLarge`] (a footer too
    /// large for this check is not a fault of the file).
    pub fn is_error(&self) -> bool {
        !matches!(self, Unreadable::TooLarge(_))
    }

    /// The message about `file`: what is wrong with it, where, and what to do.
    pub fn message(&self, file: &str) -> String {
        match self {
            Unreadable::TooShort(bytes) => format!(
                "{file} is cut short: it starts like a Parquet file, but at {bytes} bytes it ends before the part where Parquet lists the file's columns and rows; {COPY_AGAIN}"
            ),
            Unreadable::Encrypted => format!(
                "{file} is an encrypted Parquet file: the list of its columns and rows at its end cannot be read without its key, and a job request has no member for that key. Write it without Parquet encryption (to keep the data encrypted, encrypt the S3 objects with a KMS key instead)"
            ),
            Unreadable::CutShort(last) => format!(
                "{file} is cut short: it starts like a Parquet file but does not end like one (a copy or download that stopped early, or a file still being written), so the list of its columns and rows, kept at its end, is missing; {COPY_AGAIN} (its last 4 bytes are {}, where a Parquet file ends with PAR1)",
                hex(last)
            ),
            Unreadable::LongerThanFile { len, total } => format!(
                "{file} is damaged: its last bytes say the list of its columns and rows takes {len} bytes, more than the whole file ({total} bytes); {COPY_AGAIN}"
            ),
            Unreadable::TooLarge(len) => format!(
                "{file} lists its columns and rows in {} MB at its end, more than the {} MB this check reads: its columns and rows were not checked",
                len.div_ceil(1 << 20),
                MAX_FOOTER_BYTES >> 20
            ),
            Unreadable::Damaged(why) => format!(
                "{file} is damaged: it starts and ends like a Parquet file, but the list of its columns and rows at its end cannot be read; write it again (pandas' to_parquet, pyarrow or Spark), then check it again (detail: {why})"
            ),
        }
    }
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
    pub fn finish(&self) -> Result<ParquetInfo, Unreadable> {
        let buf = &self.buf;
        if self.total < 12 || buf.len() < 8 {
            return Err(Unreadable::TooShort(self.total));
        }
        let trailer = &buf[buf.len() - 8..];
        let magic = [trailer[4], trailer[5], trailer[6], trailer[7]];
        if &magic == b"PARE" {
            return Err(Unreadable::Encrypted);
        }
        if &magic != b"PAR1" {
            return Err(Unreadable::CutShort(magic));
        }
        let len = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]) as u64;
        if len + 12 > self.total {
            return Err(Unreadable::LongerThanFile {
                len,
                total: self.total,
            });
        }
        if len as usize + 8 > buf.len() {
            return Err(Unreadable::TooLarge(len));
        }
        let meta = &buf[buf.len() - 8 - len as usize..buf.len() - 8];
        thrift::decode(meta).map_err(Unreadable::Damaged)
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
