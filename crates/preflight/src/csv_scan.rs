//! The CSV pass: a push-based state machine around `csv_core` (RFC 4180 quoting, CRLF, LF or
//! CR line ends, blank lines skipped as pandas does) that counts records, not lines, and
//! profiles every column in one pass with bounded memory: one reused record buffer (at most
//! [`MAX_RECORD_BYTES`]), per-column counters for at most [`MAX_COLUMNS`] columns, at most
//! [`MAX_CLASSES`] target classes, and a few line numbers per finding.
//!
//! Fed by `feed(&[u8])` with chunks cut anywhere (inside a quoted field, between CR and LF,
//! inside a UTF-8 sequence): the result is the same whatever the chunk boundaries.
//!
//! Speed: a data record that lies whole in the bytes given, on one line ended by LF or CRLF,
//! with no quote and no other CR, has nothing for RFC 4180 to decode: its fields are the bytes
//! between its commas. Such a record is split where it lies (`memchr` finds the line end and
//! the commas) instead of going byte by byte through `csv_core`'s state machine, which still
//! reads the header and every other record; both give the same fields (the chunk-cutting
//! property tests hold them to it, as one-byte chunks send every record through `csv_core`).

use std::collections::HashMap;

use csv_core::{ReadRecordResult, Reader};
use memchr::memchr3;

use crate::text::{self, Lines};

/// Longest record whose fields are profiled (the bytes of its fields, quotes removed).
/// A longer one is counted, its fields counted, its values skipped and reported; it is
/// almost always a quote never closed.
pub const MAX_RECORD_BYTES: usize = 4 << 20;
/// Most columns profiled (and fields kept per record).
pub const MAX_COLUMNS: usize = 100_000;
/// Most distinct target values counted one by one; the rest are counted together.
pub const MAX_CLASSES: usize = 1_000;
/// Longest target value counted as a class of its own.
pub const MAX_CLASS_BYTES: usize = 256;
/// Longest line split directly (see the module's note on speed); longer ones go through
/// `csv_core`. Small enough that such a line can reach neither [`MAX_RECORD_BYTES`] nor
/// [`MAX_COLUMNS`], so neither path has a cap to apply to it.
const DIRECT_LINE_BYTES: usize = 64 * 1024;

/// Per-column counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnCounts {
    /// Rows with a value (not empty, not a missing-value spelling).
    pub values: u64,
    /// Some value does not look like a number.
    pub text: bool,
}

/// What the target column holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetCounts {
    /// Rows whose target is empty or missing (short rows included).
    pub missing: Lines,
    /// Count per distinct value, for the first [`MAX_CLASSES`] distinct values.
    pub classes: Classes,
    /// Rows whose value is not among `classes` (more distinct values, or too long).
    pub other: u64,
    /// Values that are numbers.
    pub numeric: u64,
    /// Values that are not numbers.
    pub text: u64,
    /// Some number has a fractional part.
    pub fractional: bool,
    /// The first value that is not a number, for messages.
    pub first_text: Option<(String, u64)>,
}

impl TargetCounts {
    /// Distinct values seen: exact when `other == 0`, else a lower bound.
    pub fn distinct(&self) -> usize {
        self.classes.len()
    }
    pub fn more_classes(&self) -> bool {
        self.other > 0
    }

    /// Adds another file's counts of the same column (the next file of one channel), within
    /// the same bounds: a value new here past [`MAX_CLASSES`] distinct values counts in
    /// `other`. `first_text` stays the first file's when it has one; `missing` is not
    /// merged (its line numbers are per file).
    pub fn merge(&mut self, next: &TargetCounts) {
        for (value, n, numeric) in &next.classes.entries {
            if let Some(i) = self.classes.find(value) {
                self.classes.entries[i].1 += n;
            } else if self.classes.len() < MAX_CLASSES {
                self.classes.insert(value, *numeric);
                let last = self.classes.entries.len() - 1;
                self.classes.entries[last].1 = *n;
            } else {
                self.other += n;
            }
        }
        self.other += next.other;
        self.numeric += next.numeric;
        self.text += next.text;
        self.fractional |= next.fractional;
        if self.first_text.is_none() {
            self.first_text.clone_from(&next.first_text);
        }
    }
}

/// Distinct target values with their counts, in the order first seen: a linear scan while
/// there are few (most targets have a handful of classes), a hash index past [`SMALL`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Classes {
    /// Value, count, whether it is a number.
    entries: Vec<(Vec<u8>, u64, bool)>,
    index: HashMap<Vec<u8>, usize>,
}

const SMALL: usize = 16;

impl Classes {
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], u64)> {
        self.entries.iter().map(|(v, n, _)| (v.as_slice(), *n))
    }
    pub fn get(&self, value: &[u8]) -> Option<u64> {
        self.find(value).map(|i| self.entries[i].1)
    }
    fn find(&self, value: &[u8]) -> Option<usize> {
        if self.entries.len() <= SMALL {
            self.entries.iter().position(|e| e.0 == value)
        } else {
            self.index.get(value).copied()
        }
    }
    fn insert(&mut self, value: &[u8], numeric: bool) {
        self.entries.push((value.to_vec(), 1, numeric));
        let n = self.entries.len();
        if n == SMALL + 1 {
            for (i, e) in self.entries.iter().enumerate() {
                self.index.insert(e.0.clone(), i);
            }
        } else if n > SMALL + 1 {
            self.index.insert(value.to_vec(), n - 1);
        }
    }
}

/// What the sample weight column holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeightCounts {
    pub missing: Lines,
    pub not_numeric: Lines,
    pub negative: Lines,
}

/// Everything one pass learns about a CSV file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvStats {
    /// Header names (lossy UTF-8), `None` when the file has no record at all.
    pub header: Option<Vec<String>>,
    /// The header has more than [`MAX_COLUMNS`] names or [`MAX_RECORD_BYTES`] bytes.
    pub header_truncated: bool,
    /// Data records (the header not counted).
    pub rows: u64,
    pub columns: Vec<ColumnCounts>,
    /// Records with another number of fields than the header, and the first one's count.
    pub field_count: Lines,
    pub first_field_count: Option<u64>,
    /// Records with bytes that are not UTF-8.
    pub not_utf8: Lines,
    /// Records too long to profile.
    pub long_records: Lines,
    /// The first record with a wrong number of fields that runs over several lines: a
    /// quote opened in it is likely closed only by a quote in a later row.
    pub misfit_span: Option<(u64, u64)>,
    /// A quoted field opened on this line is never closed: the file ends inside it.
    pub unclosed_quote: Option<u64>,
    /// Lines in the file (line breaks inside quoted fields included).
    pub lines: u64,
    pub target_index: Option<usize>,
    pub weight_index: Option<usize>,
    pub target: TargetCounts,
    pub weight: WeightCounts,
}

/// The push-based scanner.
pub struct CsvScan {
    core: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    outlen: usize,
    endlen: usize,
    /// Fields of the current record so far (even past `ends`' capacity).
    nfields: u64,
    /// The current record's bytes or fields went past the caps.
    overflow: bool,
    in_record: bool,
    record_line: u64,
    target_name: Option<String>,
    weight_name: Option<String>,
    finished: bool,
    /// The last byte read is not a line feed.
    open_line: bool,
    pub stats: CsvStats,
}

impl CsvScan {
    pub fn new(target: Option<&str>, weight: Option<&str>) -> CsvScan {
        CsvScan {
            core: Reader::new(),
            out: vec![0; 64 * 1024],
            ends: vec![0; 256],
            outlen: 0,
            endlen: 0,
            nfields: 0,
            overflow: false,
            in_record: false,
            record_line: 1,
            target_name: target.map(String::from),
            weight_name: weight.map(String::from),
            finished: false,
            open_line: false,
            stats: CsvStats::default(),
        }
    }

    /// Reads the next bytes of the file.
    pub fn feed(&mut self, mut input: &[u8]) {
        if self.finished {
            return;
        }
        if let Some(&last) = input.last() {
            self.open_line = last != b'\n';
        }
        while !input.is_empty() {
            if !self.in_record {
                // Line ends between records (and blank lines) belong to no record; skipping
                // them here puts each record's line number on its first byte.
                let skip = input
                    .iter()
                    .position(|&b| b != b'\n' && b != b'\r')
                    .unwrap_or(input.len());
                let skipped = count(&input[..skip], b'\n');
                self.core.set_line(self.core.line() + skipped);
                input = &input[skip..];
                if input.is_empty() {
                    return;
                }
                if self.stats.header.is_some() {
                    if let Some(used) = self.direct_record(input) {
                        input = &input[used..];
                        continue;
                    }
                }
                self.in_record = true;
                self.record_line = self.core.line();
            }
            let (res, nin, nout, nend) = self.core.read_record(
                input,
                &mut self.out[self.outlen..],
                &mut self.ends[self.endlen..],
            );
            let consumed = &input[..nin];
            input = &input[nin..];
            self.advance(nout, nend);
            match res {
                ReadRecordResult::InputEmpty | ReadRecordResult::End => {}
                ReadRecordResult::OutputFull => self.grow_out(),
                ReadRecordResult::OutputEndsFull => self.grow_ends(),
                ReadRecordResult::Record => {
                    // The record's last line: its terminator is a line feed already counted,
                    // or a carriage return before one not yet read.
                    let end_line = if consumed.last() == Some(&b'\n') {
                        self.core.line() - 1
                    } else {
                        self.core.line()
                    };
                    self.record(end_line);
                }
            }
        }
    }

    /// Reads the data record `input` starts with without `csv_core` when it is a plain line
    /// (see the module's note on speed), and returns the bytes it took (its line end
    /// included); `None` leaves it to `csv_core`.
    #[inline]
    fn direct_record(&mut self, input: &[u8]) -> Option<usize> {
        let window = &input[..input.len().min(DIRECT_LINE_BYTES + 2)];
        let at = memchr3(b'\n', b'\r', b'"', window)?;
        let used = match (window[at], window.get(at + 1)) {
            (b'\n', _) => at + 1,
            (b'\r', Some(b'\n')) => at + 2,
            _ => return None,
        };
        let line = &input[..at];
        if line.len() > DIRECT_LINE_BYTES {
            return None;
        }
        // A line of n bytes has at most n + 1 fields.
        if self.ends.len() <= line.len() {
            self.ends.resize(line.len() + 1, 0);
        }
        let mut nfields = commas(line, &mut self.ends);
        self.ends[nfields] = line.len();
        nfields += 1;
        let row = self.core.line();
        self.core.set_line(row + 1);
        data_record::<1>(
            &mut self.stats,
            line,
            &self.ends[..nfields],
            nfields as u64,
            false,
            row,
            row,
        );
        Some(used)
    }

    /// The end of the file: the last record (if it has no line end) and the totals.
    pub fn finish(&mut self) -> &CsvStats {
        if self.finished {
            return &self.stats;
        }
        self.finished = true;
        // A last line without a line end is still a line.
        let lines = self.core.line() - 1 + u64::from(self.open_line);
        if self.in_record {
            let end_line = self.core.line();
            self.finish_record(end_line);
        }
        self.stats.lines = lines;
        &self.stats
    }

    /// Ends the record the file ends in, and finds whether it ends inside a quoted field.
    ///
    /// `csv_core` does not expose its state, and a copy of its reader cannot probe it
    /// (csv-core 0.1's `Reader::clone` keeps only part of the DFA's tables), so the reader
    /// itself is given a quote, then a line end: only inside a quoted field does the quote
    /// vanish and the line end close the record. Otherwise the probe's bytes went into the
    /// last field (a scratch buffer), and its end is moved back by as many bytes: at the
    /// start of a field the quote opens one and the line end is kept in it; in a field, or
    /// after a closing quote, the quote is kept.
    fn finish_record(&mut self, end_line: u64) {
        let mut scratch = [0u8; 4];
        let (_, _, mut extra, _) = self.core.read_record(b"\"", &mut scratch, &mut [0usize; 1]);
        if extra == 0 {
            if self.endlen == self.ends.len() {
                self.grow_ends();
            }
            let (res, _, nout, nend) =
                self.core
                    .read_record(b"\n", &mut scratch, &mut self.ends[self.endlen..]);
            if res == ReadRecordResult::Record {
                self.advance(0, nend);
                self.stats.unclosed_quote = Some(self.record_line);
                self.record(end_line);
                return;
            }
            extra = nout;
        }
        loop {
            let (res, _, nout, nend) = self.core.read_record(
                &[],
                &mut self.out[self.outlen..],
                &mut self.ends[self.endlen..],
            );
            self.advance(nout, nend);
            match res {
                ReadRecordResult::OutputEndsFull => self.grow_ends(),
                ReadRecordResult::OutputFull => self.grow_out(),
                ReadRecordResult::Record => {
                    if !self.overflow && self.endlen > 0 {
                        let last = &mut self.ends[self.endlen - 1];
                        *last = last.saturating_sub(extra);
                    }
                    self.record(end_line);
                    return;
                }
                ReadRecordResult::InputEmpty | ReadRecordResult::End => return,
            }
        }
    }

    fn advance(&mut self, nout: usize, nend: usize) {
        self.outlen += nout;
        self.endlen += nend;
        self.nfields += nend as u64;
    }

    fn grow_out(&mut self) {
        if self.out.len() < MAX_RECORD_BYTES {
            let len = (self.out.len() * 2).min(MAX_RECORD_BYTES);
            self.out.resize(len, 0);
        } else {
            // Keep counting the record; its values are no longer kept.
            self.overflow = true;
            self.outlen = 0;
        }
    }

    fn grow_ends(&mut self) {
        if self.ends.len() < MAX_COLUMNS {
            let len = (self.ends.len() * 2).min(MAX_COLUMNS);
            self.ends.resize(len, 0);
        } else {
            self.overflow = true;
            self.endlen = 0;
        }
    }

    /// One whole record, on lines `record_line..=end_line`, is in `out` / `ends`.
    fn record(&mut self, end_line: u64) {
        let line = self.record_line;
        let overflow = self.overflow;
        let nfields = self.nfields;
        self.in_record = false;
        self.overflow = false;
        self.nfields = 0;
        let (outlen, endlen) = (self.outlen, self.endlen);
        self.outlen = 0;
        self.endlen = 0;
        let stats = &mut self.stats;
        if overflow {
            stats.long_records.note(line);
        }
        if stats.header.is_none() {
            let mut names = Vec::with_capacity(endlen);
            let mut start = 0;
            let mut broken = false;
            for &end in &self.ends[..endlen] {
                let end = end.min(outlen).max(start);
                let name = &self.out[start..end];
                start = end;
                broken |= std::str::from_utf8(name).is_err();
                names.push(String::from_utf8_lossy(name).into_owned());
            }
            if broken {
                stats.not_utf8.note(line);
            }
            stats.header_truncated = overflow;
            stats.columns = vec![ColumnCounts::default(); names.len()];
            stats.target_index = self
                .target_name
                .as_ref()
                .and_then(|t| names.iter().position(|n| n == t));
            stats.weight_index = self
                .weight_name
                .as_ref()
                .and_then(|w| names.iter().position(|n| n == w));
            stats.header = Some(names);
            return;
        }
        let ends = &self.ends[..endlen];
        data_record::<0>(
            stats,
            &self.out[..outlen],
            ends,
            nfields,
            overflow,
            line,
            end_line,
        );
    }
}

/// One data record, on lines `line..=end_line`, of `nfields` fields (`overflow`: too long to
/// profile). Field `i` ends at `ends[i]` of `record`; the next starts `SEP` bytes later: 0 for
/// `csv_core`'s output (the fields one after the other), 1 for a line split at its commas.
#[inline(always)]
fn data_record<const SEP: usize>(
    stats: &mut CsvStats,
    record: &[u8],
    ends: &[usize],
    nfields: u64,
    overflow: bool,
    line: u64,
    end_line: u64,
) {
    stats.rows += 1;
    let ncols = stats.columns.len() as u64;
    if nfields != ncols && !stats.header_truncated {
        if stats.field_count.is_empty() {
            stats.first_field_count = Some(nfields);
        }
        if end_line > line && stats.misfit_span.is_none() {
            stats.misfit_span = Some((line, end_line));
        }
        stats.field_count.note(line);
    }
    if overflow {
        return;
    }
    let field = |i: usize| -> &[u8] {
        let end = ends[i].min(record.len());
        let start = if i == 0 { 0 } else { ends[i - 1] + SEP }.min(end);
        &record[start..end]
    };
    // Each value is UTF-8 or not (`csv_core` puts the values side by side, where two broken
    // ones could read as one good one; a comma between them cannot).
    if !record.is_ascii() {
        let broken = if SEP == 1 {
            std::str::from_utf8(record).is_err()
        } else {
            (0..ends.len()).any(|i| std::str::from_utf8(field(i)).is_err())
        };
        if broken {
            stats.not_utf8.note(line);
        }
    }
    let mut start = 0;
    for (column, &end) in stats.columns.iter_mut().zip(ends) {
        let end = end.clamp(start, record.len());
        let value = &record[start..end];
        start = (end + SEP).min(record.len());
        if !text::is_missing(value) {
            column.values += 1;
            // Once a column holds text, its values need no more looking at.
            if !column.text && !text::looks_numeric(value) {
                column.text = true;
            }
        }
    }
    let field_at = |i: Option<usize>| -> Option<&[u8]> {
        let i = i?;
        (i < ends.len()).then(|| field(i))
    };
    if stats.target_index.is_some() {
        let value = field_at(stats.target_index).unwrap_or(b"");
        count_target(&mut stats.target, value, line);
    }
    if stats.weight_index.is_some() {
        let value = field_at(stats.weight_index).unwrap_or(b"");
        let weight = &mut stats.weight;
        if text::is_missing(value) {
            weight.missing.note(line);
        } else {
            match text::parse_number(value) {
                None => weight.not_numeric.note(line),
                Some(v) if v.is_nan() || v < 0.0 => weight.negative.note(line),
                Some(_) => {}
            }
        }
    }
}

fn count_target(target: &mut TargetCounts, field: &[u8], line: u64) {
    if text::is_missing(field) {
        target.missing.note(line);
        return;
    }
    // A value seen before: whether it is a number is known.
    if let Some(i) = target.classes.find(field) {
        let entry = &mut target.classes.entries[i];
        entry.1 += 1;
        if entry.2 {
            target.numeric += 1;
        } else {
            target.text += 1;
        }
        return;
    }
    let number = text::parse_number(field);
    match number {
        Some(v) => {
            target.numeric += 1;
            if v.fract() != 0.0 && v.is_finite() {
                target.fractional = true;
            }
        }
        None => {
            target.text += 1;
            if target.first_text.is_none() {
                target.first_text = Some((String::from_utf8_lossy(field).into_owned(), line));
            }
        }
    }
    if field.len() <= MAX_CLASS_BYTES && target.classes.len() < MAX_CLASSES {
        target.classes.insert(field, number.is_some());
    } else {
        target.other += 1;
    }
}

/// Writes the offsets of `line`'s commas to `ends` (which has room for them) and returns how
/// many there are. Eight bytes at a time: fields are a few bytes long, so `memchr` started
/// again for each comma costs more than it saves, and a byte loop mispredicts at every comma.
#[inline]
fn commas(line: &[u8], ends: &mut [usize]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const LOW7: u64 = u64::from_le_bytes([0x7f; 8]);
    let mut n = 0;
    let mut words = line.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let word = word.try_into().map_or(0, u64::from_le_bytes);
        // Bytes equal to a comma become zero; the high bit of each zero byte is set in
        // `found`, exactly (no carry crosses bytes: each byte's low seven bits plus 0x7f
        // stay within the byte).
        let x = word ^ (ONES * u64::from(b','));
        let mut found = !(((x & LOW7) + LOW7) | x | LOW7);
        while found != 0 {
            if let Some(slot) = ends.get_mut(n) {
                *slot = base + (found.trailing_zeros() / 8) as usize;
            }
            n += 1;
            found &= found - 1;
        }
        base += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == b',' {
            if let Some(slot) = ends.get_mut(n) {
                *slot = base + i;
            }
            n += 1;
        }
    }
    n
}

#[inline]
fn count(bytes: &[u8], byte: u8) -> u64 {
    bytes.iter().filter(|&&b| b == byte).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(data: &[u8], chunk: usize) -> CsvStats {
        let mut s = CsvScan::new(Some("y"), Some("w"));
        for piece in data.chunks(chunk.max(1)) {
            s.feed(piece);
        }
        s.finish().clone()
    }

    #[test]
    fn records_not_lines() {
        let data = b"id,text,y\r\n1,\"a, b\",yes\r\n2,\"two\r\nlines\",no\r\n\r\n3,x,yes";
        for chunk in [1, 2, 3, 7, 100] {
            let s = scan(data, chunk);
            assert_eq!(
                s.header.as_deref(),
                Some(&["id".to_string(), "text".into(), "y".into()][..])
            );
            assert_eq!(s.rows, 3, "chunk {chunk}");
            assert!(s.field_count.is_empty());
            assert_eq!(s.lines, 6);
            assert_eq!(s.target.classes.len(), 2);
            assert_eq!(s.target.classes.get(b"yes"), Some(2));
        }
    }

    #[test]
    fn line_numbers_of_short_rows() {
        let data = b"a,y\n1,x\n\"q\nq\",2\n3\n4,5\n";
        let s = scan(data, 4);
        assert_eq!(s.field_count.first, vec![5]);
        assert_eq!(s.first_field_count, Some(1));
        assert_eq!(s.target.missing.first, vec![5]);
    }

    #[test]
    fn unclosed_quote_is_found() {
        let s = scan(b"a,y\n1,\"open\n2,b\n3,c\n", 5);
        assert_eq!(s.unclosed_quote, Some(2));
        assert_eq!(s.rows, 1);
        let s = scan(b"a,y\n1,\"closed\nhere\",b\n", 5);
        assert_eq!(s.unclosed_quote, None);
        for (data, expected) in [
            (&b"a,y\n1,\"closed\nhere\""[..], None),
            (b"a,y\n1,\"said \"\"hi\"\"\"", None),
            (b"a,y\n1,5\"", None),
            (b"a,y\n1,\"open", Some(2)),
            (b"a,y\n1,\"", Some(2)),
            (b"a,y\n1,\"said \"\"hi", Some(2)),
        ] {
            for chunk in [1, 3, 100] {
                assert_eq!(
                    scan(data, chunk).unclosed_quote,
                    expected,
                    "{:?}",
                    String::from_utf8_lossy(data)
                );
            }
        }
    }

    /// The probe for an open quote at the end of the file leaves the last value as it was.
    #[test]
    fn the_last_value_of_a_file_without_a_line_end() {
        for (data, value) in [
            (&b"a,y\n1,xyz"[..], Some(&b"xyz"[..])),
            (b"a,y\n1,\"q\"", Some(b"q")),
            (b"a,y\n1,\"q", Some(b"q")),
            (b"a,y\n1,\"q\"\"\"", Some(b"q\"")),
            (b"a,y\n1,", None),
            (b"a,y\n1,\"", None),
        ] {
            for chunk in [1, 2, 64] {
                let s = scan(data, chunk);
                let classes: Vec<&[u8]> = s.target.classes.iter().map(|(v, _)| v).collect();
                let label = String::from_utf8_lossy(data);
                assert_eq!(s.rows, 1, "{label}");
                match value {
                    Some(v) => assert_eq!(classes, [v], "{label}"),
                    None => assert_eq!(s.target.missing.count, 1, "{label}"),
                }
            }
        }
    }

    /// Plain lines are split at their commas, every other record goes through `csv_core`:
    /// one-byte chunks send every record through `csv_core`, whole input sends the plain
    /// lines past it, and both read the same.
    #[test]
    fn plain_lines_read_as_csv_core_reads_them() {
        let wide = format!("{}\n", vec!["7"; 300].join(","));
        let long = format!("1,{}\n", "x".repeat(DIRECT_LINE_BYTES + 5));
        for data in [
            &b"a,y,w\n1,yes,2\n2,no,-1\n\n\n3,,x\n"[..],
            b"a,y,w\r\n1,yes,2\r\n2,\"no\",1\r\n\r\n3,yes,4\r\n",
            b"a,y,w\n1,y\"es,2\n2,no\r3,yes,1\r\n4,no,1",
            // A broken UTF-8 sequence on each side of a comma is two broken values.
            b"a,y,w\n1,\xc3,\xa9\n2,\xc3\xa9,1\n\"3\",\xc3,\xa9\n",
            b"a,y,w\n1,2\n1,2,3,4\n,,\n,\n",
            b"a,y,w\n\xef\xbb\xbf1,yes,1\n",
            wide.as_bytes(),
            long.as_bytes(),
        ] {
            let mut data = data.to_vec();
            if !data.starts_with(b"a,") {
                data.splice(0..0, b"a,y,w\n".iter().copied());
            }
            let label = String::from_utf8_lossy(&data[..data.len().min(60)]).into_owned();
            let whole = scan(&data, usize::MAX);
            for chunk in [1, 2, 5, 64] {
                assert_eq!(scan(&data, chunk), whole, "chunk {chunk}: {label}");
            }
        }
        let s = scan(b"a,y,w\n1,\xc3,\xa9\n", usize::MAX);
        assert_eq!(s.not_utf8.count, 1);
        assert_eq!(s.rows, 1);
        assert_eq!(s.target.first_text.as_ref().map(|t| t.1), Some(2));
    }

    #[test]
    fn commas_eight_bytes_at_a_time() {
        for line in [
            &b""[..],
            b",",
            b"abc",
            b",,,,,,,,,",
            b"12345678,abcdefgh,,x,\xff\x2c\xac,",
            b"\xac\xac\xac\xac\xac\xac\xac,",
        ] {
            let expected: Vec<usize> = (0..line.len()).filter(|&i| line[i] == b',').collect();
            let mut ends = vec![0; line.len() + 1];
            let n = commas(line, &mut ends);
            assert_eq!(&ends[..n], &expected[..], "{line:?}");
        }
    }

    #[test]
    fn long_records_are_counted_not_kept() {
        let mut data = b"a,y\n1,".to_vec();
        data.extend(std::iter::repeat_n(b'x', MAX_RECORD_BYTES + 10));
        data.extend(b"\n2,b\n");
        let s = scan(&data, 1 << 20);
        assert_eq!(s.rows, 2);
        assert_eq!(s.long_records.first, vec![2]);
        assert_eq!(s.target.classes.len(), 1);
    }
}
