//! The few fields of a Parquet footer the preflight reads, decoded from Thrift's compact
//! protocol (Apache Thrift's `doc/specs/thrift-compact-protocol.md`; the structs and field ids
//! of Apache Parquet's `parquet.thrift`): `FileMetaData.schema` (each top-level column's
//! name, physical, converted and logical type), `num_rows`, and each row group's column
//! chunks' `path_in_schema` and `statistics.null_count`. Every other field is skipped.
//!
//! Hand-written rather than the `parquet` crate's decoder for two reasons. That decoder
//! reserves memory as a list's header says before reading one element: 57.3 asked for 60 GB
//! on a 200-byte footer and the process aborted (the property tests found it; arrow-rs
//! issue 10920, bounded by the bytes left only from 60.0, which still lets an 8 MiB footer
//! declare 8 million schema elements of some hundred bytes each). And it weighs: the
//! preflight's wasm went from 163.5 to 138.7 KB gzip without it (144.7 to 125.3 KB after
//! `wasm-opt -Oz`; KB = 1024 B). Here nothing is kept but the top-level columns (at most [`MAX_COLUMNS`]) and their
//! null counts, every length is checked against the bytes left, and nesting is limited. The
//! integration tests hold it to the `parquet` crate's decoder on files that crate writes.

use super::{kind_of, ParquetColumn, ParquetInfo};

/// Most top-level columns read from a schema (as the CSV scan profiles at most as many).
pub const MAX_COLUMNS: usize = crate::csv_scan::MAX_COLUMNS;
/// Deepest nesting of structs and lists skipped (real footers nest four or five deep).
const MAX_DEPTH: u32 = 64;

/// Compact protocol types.
const STOP: u8 = 0;
const TRUE: u8 = 1;
const FALSE: u8 = 2;
const BYTE: u8 = 3;
const I16: u8 = 4;
const I32: u8 = 5;
const I64: u8 = 6;
const DOUBLE: u8 = 7;
const BINARY: u8 = 8;
const LIST: u8 = 9;
const SET: u8 = 10;
const MAP: u8 = 11;
const STRUCT: u8 = 12;
const UUID: u8 = 13;

type Result<T> = std::result::Result<T, String>;

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

/// A field header: its id and type (`STOP` ends the struct).
struct Field {
    id: i16,
    kind: u8,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self
            .buf
            .get(self.pos)
            .ok_or_else(|| format!("it ends inside a field (at byte {})", self.pos))?;
        self.pos += 1;
        Ok(b)
    }

    fn bytes(&mut self, len: u64) -> Result<&'a [u8]> {
        let left = (self.buf.len() - self.pos) as u64;
        if len > left {
            return Err(format!(
                "a field of {len} bytes at byte {} is longer than the {left} bytes left",
                self.pos
            ));
        }
        let out = &self.buf[self.pos..self.pos + len as usize];
        self.pos += len as usize;
        Ok(out)
    }

    fn varint(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            if shift == 63 && b > 1 {
                break;
            }
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(format!("a number too long at byte {}", self.pos))
    }

    fn int(&mut self) -> Result<i64> {
        let n = self.varint()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    fn field(&mut self, last: i16) -> Result<Field> {
        let b = self.byte()?;
        let kind = b & 0x0f;
        if kind == STOP {
            return Ok(Field { id: 0, kind });
        }
        let delta = i16::from(b >> 4);
        let id = if delta == 0 {
            i16::try_from(self.int()?).map_err(|_| "a field id out of range".to_string())?
        } else {
            last.saturating_add(delta)
        };
        Ok(Field { id, kind })
    }

    /// A list's (or set's) element type and length; each element takes a byte at least, so
    /// a length past the bytes left is refused before anything is read.
    fn list(&mut self) -> Result<(u8, u64)> {
        let b = self.byte()?;
        let len = match b >> 4 {
            15 => self.varint()?,
            n => u64::from(n),
        };
        if len > (self.buf.len() - self.pos) as u64 {
            return Err(format!(
                "a list of {len} items at byte {} in fewer bytes",
                self.pos
            ));
        }
        Ok((b & 0x0f, len))
    }

    fn i64_value(&mut self, kind: u8) -> Result<Option<i64>> {
        match kind {
            I16 | I32 | I64 => self.int().map(Some),
            _ => self.skip(kind, 0).map(|()| None),
        }
    }

    fn skip(&mut self, kind: u8, depth: u32) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err("structs nested too deep".to_string());
        }
        match kind {
            TRUE | FALSE => Ok(()),
            BYTE => self.byte().map(drop),
            I16 | I32 | I64 => self.varint().map(drop),
            DOUBLE => self.bytes(8).map(drop),
            UUID => self.bytes(16).map(drop),
            BINARY => {
                let len = self.varint()?;
                self.bytes(len).map(drop)
            }
            LIST | SET => {
                let (item, len) = self.list()?;
                for _ in 0..len {
                    // A boolean in a list takes a byte.
                    if matches!(item, TRUE | FALSE) {
                        self.byte()?;
                    } else {
                        self.skip(item, depth + 1)?;
                    }
                }
                Ok(())
            }
            MAP => {
                let len = self.varint()?;
                if len == 0 {
                    return Ok(());
                }
                if len > (self.buf.len() - self.pos) as u64 {
                    return Err(format!("a map of {len} entries in fewer bytes"));
                }
                let types = self.byte()?;
                for _ in 0..len {
                    for t in [types >> 4, types & 0x0f] {
                        if matches!(t, TRUE | FALSE) {
                            self.byte()?;
                        } else {
                            self.skip(t, depth + 1)?;
                        }
                    }
                }
                Ok(())
            }
            STRUCT => self.each_field(|r, f| r.skip(f.kind, depth + 1)),
            other => Err(format!(
                "an unknown field type {other} at byte {}",
                self.pos
            )),
        }
    }

    /// Calls `read` with each field of a struct until its end; `read` reads or skips it.
    fn each_field(&mut self, mut read: impl FnMut(&mut Self, &Field) -> Result<()>) -> Result<()> {
        let mut last = 0;
        loop {
            let f = self.field(last)?;
            if f.kind == STOP {
                return Ok(());
            }
            last = f.id;
            read(self, &f)?;
        }
    }

    /// A list field's items, each read by `item` (a list of another type is skipped).
    fn each_item(
        &mut self,
        f: &Field,
        want: u8,
        mut item: impl FnMut(&mut Self) -> Result<()>,
    ) -> Result<()> {
        if f.kind != LIST {
            return self.skip(f.kind, 1);
        }
        let (kind, len) = self.list()?;
        for _ in 0..len {
            if kind == want {
                item(self)?;
            } else {
                self.skip(kind, 1)?;
            }
        }
        Ok(())
    }
}

/// One schema element's fields that the preflight uses.
#[derive(Default)]
struct Element {
    name: Vec<u8>,
    physical: Option<i64>,
    converted: Option<i64>,
    /// The id of the `LogicalType` union's member.
    logical: Option<i16>,
    children: i64,
}

fn element(r: &mut Reader) -> Result<Element> {
    let mut e = Element::default();
    r.each_field(|r, f| {
        match (f.id, f.kind) {
            (1, I32) => e.physical = Some(r.int()?),
            (4, BINARY) => {
                let len = r.varint()?;
                e.name = r.bytes(len)?.to_vec();
            }
            (5, I32) => e.children = r.int()?,
            (6, I32) => e.converted = Some(r.int()?),
            (10, STRUCT) => {
                let mut member = None;
                r.each_field(|r, f| {
                    member.get_or_insert(f.id);
                    r.skip(f.kind, 2)
                })?;
                e.logical = member;
            }
            _ => r.skip(f.kind, 1)?,
        }
        Ok(())
    })?;
    Ok(e)
}

/// Decodes `FileMetaData` (the footer's bytes before its length and magic).
pub fn decode(meta: &[u8]) -> Result<ParquetInfo> {
    let mut r = Reader { buf: meta, pos: 0 };
    let mut rows = None;
    let mut columns: Vec<ParquetColumn> = Vec::new();
    let mut schema_seen = false;
    // Per column: nulls summed over the row groups so far (`None` once a group lacks them).
    let mut nulls: Vec<Option<u64>> = Vec::new();
    let mut groups = 0usize;
    r.each_field(|r, f| {
        match (f.id, f.kind) {
            (2, LIST) => {
                schema_seen = true;
                columns = schema(r)?;
                nulls = vec![Some(0); columns.len()];
            }
            (3, I64) => rows = Some(r.int()?),
            (4, LIST) => {
                if !schema_seen {
                    return Err("the row groups come before the schema".to_string());
                }
                r.each_item(f, STRUCT, |r| {
                    groups += 1;
                    row_group(r, &columns, &mut nulls)
                })?;
            }
            _ => r.skip(f.kind, 1)?,
        }
        Ok(())
    })?;
    let rows = rows.ok_or("it has no row count")?;
    if !schema_seen {
        return Err("it has no schema".to_string());
    }
    for (column, n) in columns.iter_mut().zip(nulls) {
        if column.kind != "nested" && groups > 0 {
            column.nulls = n;
        }
    }
    Ok(ParquetInfo {
        rows: u64::try_from(rows).unwrap_or(0),
        row_groups: groups,
        columns,
    })
}

/// The schema list: the root, then its children depth first; the root's children are the
/// columns.
fn schema(r: &mut Reader) -> Result<Vec<ParquetColumn>> {
    let (kind, len) = r.list()?;
    if kind != STRUCT {
        return Err("the schema is not a list of elements".to_string());
    }
    if len == 0 {
        return Err("the schema is empty".to_string());
    }
    let root = element(r)?;
    if root.children < 0 || root.physical.is_some() {
        return Err("the schema's root is not a group".to_string());
    }
    let mut columns = Vec::new();
    // Children still to come at each depth below the root.
    let mut pending: Vec<i64> = vec![root.children];
    for _ in 1..len {
        let e = element(r)?;
        // The depth this element is at: close the groups whose children are all read.
        while pending.last() == Some(&0) {
            pending.pop();
        }
        let Some(left) = pending.last_mut() else {
            return Err("the schema has more elements than its groups hold".to_string());
        };
        *left -= 1;
        let top = pending.len() == 1;
        if e.children < 0 {
            return Err("a schema element has a negative number of children".to_string());
        }
        if e.children > 0 {
            if pending.len() as u32 >= MAX_DEPTH {
                return Err("the schema is nested too deep".to_string());
            }
            pending.push(e.children);
        }
        if !top {
            continue;
        }
        if columns.len() == MAX_COLUMNS {
            return Err(format!("it has more than {MAX_COLUMNS} columns: not read"));
        }
        let kind = if e.children > 0 {
            "nested"
        } else {
            let physical = e.physical.ok_or("a column has no type")?;
            kind_of(physical, e.logical, e.converted)
                .ok_or_else(|| format!("a column has the unknown type {physical}"))?
        };
        columns.push(ParquetColumn {
            name: String::from_utf8_lossy(&e.name).into_owned(),
            kind,
            nulls: None,
        });
    }
    while pending.last() == Some(&0) {
        pending.pop();
    }
    if !pending.is_empty() {
        return Err("the schema has fewer elements than its groups say".to_string());
    }
    Ok(columns)
}

/// A row group: for each top-level column, the null count of the first chunk whose path is
/// that column's name alone; a column with none in this group has no count at all.
fn row_group(r: &mut Reader, columns: &[ParquetColumn], nulls: &mut [Option<u64>]) -> Result<()> {
    // Per column: `None` not found in this group yet, `Some(count)` found.
    let mut found: Vec<Option<Option<u64>>> = vec![None; columns.len()];
    r.each_field(|r, f| {
        if f.id != 1 {
            return r.skip(f.kind, 1);
        }
        r.each_item(f, STRUCT, |r| {
            let (path, count) = column_chunk(r)?;
            if let Some(name) = path {
                for (i, c) in columns.iter().enumerate() {
                    if found[i].is_none() && c.name.as_bytes() == name {
                        found[i] = Some(count);
                    }
                }
            }
            Ok(())
        })
    })?;
    for (sum, got) in nulls.iter_mut().zip(found) {
        *sum = match (*sum, got.flatten()) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
    }
    Ok(())
}

/// A column chunk's path when it is one name (a top-level column) and its null count.
fn column_chunk<'a>(r: &mut Reader<'a>) -> Result<(Option<&'a [u8]>, Option<u64>)> {
    let mut path = None;
    let mut nulls = None;
    r.each_field(|r, f| {
        if (f.id, f.kind) != (3, STRUCT) {
            return r.skip(f.kind, 1);
        }
        // ColumnMetaData
        r.each_field(|r, f| match (f.id, f.kind) {
            (3, LIST) => {
                let mut parts = 0;
                let mut first = None;
                r.each_item(f, BINARY, |r| {
                    let len = r.varint()?;
                    let part = r.bytes(len)?;
                    parts += 1;
                    first.get_or_insert(part);
                    Ok(())
                })?;
                path = if parts == 1 { first } else { None };
                Ok(())
            }
            (12, STRUCT) => r.each_field(|r, f| {
                if (f.id, f.kind) == (3, I64) {
                    nulls = r.i64_value(f.kind)?.and_then(|n| u64::try_from(n).ok());
                    Ok(())
                } else {
                    r.skip(f.kind, 2)
                }
            }),
            _ => r.skip(f.kind, 2),
        })
    })?;
    Ok((path, nulls))
}
