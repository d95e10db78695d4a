//! Parquet: the footer alone (schema, row count, per-column null counts when the writer kept
//! statistics), decoded by the `parquet` crate (default features off: no Arrow, no codecs).
//! The data pages are never read, so values are not checked (see [`NOT_CHECKED`]).
//!
//! A file fed from its start keeps only its last [`MAX_FOOTER_BYTES`] (a rolling tail); a
//! reader that can seek calls [`ParquetTail::skip_to`] and feeds only the end.

use parquet::basic::{ConvertedType, LogicalType, Type as PhysicalType};
use parquet::file::metadata::ParquetMetaDataReader;

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
        let metadata = ParquetMetaDataReader::decode_metadata(meta)
            .map_err(|err| format!("the footer cannot be decoded: {err}"))?;
        let file = metadata.file_metadata();
        let rows = u64::try_from(file.num_rows()).unwrap_or(0);
        let schema = file.schema_descr();
        let mut columns: Vec<ParquetColumn> = schema
            .root_schema()
            .get_fields()
            .iter()
            .map(|field| ParquetColumn {
                name: field.name().to_string(),
                kind: if !field.is_primitive() {
                    "nested"
                } else {
                    kind_of(
                        field.get_physical_type(),
                        field.get_basic_info().logical_type_ref(),
                        field.get_basic_info().converted_type(),
                    )
                },
                nulls: None,
            })
            .collect();
        // Null counts of top-level primitive columns, summed over the row groups.
        for column in &mut columns {
            let mut sum = Some(0u64);
            for group in metadata.row_groups() {
                let chunk = group.columns().iter().find(|c| {
                    let parts = c.column_path().parts();
                    parts.len() == 1 && parts[0] == column.name
                });
                let nulls = chunk
                    .and_then(|c| c.statistics())
                    .and_then(|s| s.null_count_opt());
                sum = match (sum, nulls) {
                    (Some(a), Some(b)) => Some(a.saturating_add(b)),
                    _ => None,
                };
            }
            if column.kind != "nested" && !metadata.row_groups().is_empty() {
                column.nulls = sum;
            }
        }
        Ok(ParquetInfo {
            rows,
            row_groups: metadata.num_row_groups(),
            columns,
        })
    }
}

fn kind_of(
    physical: PhysicalType,
    logical: Option<&LogicalType>,
    converted: ConvertedType,
) -> &'static str {
    // Files from older writers carry only the converted type.
    match converted {
        ConvertedType::UTF8 | ConvertedType::ENUM | ConvertedType::JSON => return "text",
        ConvertedType::DATE
        | ConvertedType::TIME_MILLIS
        | ConvertedType::TIME_MICROS
        | ConvertedType::TIMESTAMP_MILLIS
        | ConvertedType::TIMESTAMP_MICROS => return "date/time",
        ConvertedType::DECIMAL => return "numeric",
        _ => {}
    }
    match logical {
        Some(LogicalType::String | LogicalType::Enum | LogicalType::Json) => return "text",
        Some(LogicalType::Date | LogicalType::Time { .. } | LogicalType::Timestamp { .. }) => {
            return "date/time"
        }
        Some(LogicalType::Decimal { .. } | LogicalType::Integer { .. }) => return "numeric",
        _ => {}
    }
    match physical {
        PhysicalType::BOOLEAN => "boolean",
        PhysicalType::INT32 | PhysicalType::INT64 | PhysicalType::FLOAT | PhysicalType::DOUBLE => {
            "numeric"
        }
        // The old Impala timestamp.
        PhysicalType::INT96 => "date/time",
        PhysicalType::BYTE_ARRAY | PhysicalType::FIXED_LEN_BYTE_ARRAY => "binary",
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}
