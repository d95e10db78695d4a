//! The outcome of a preflight: findings (each an `automl_rules` diagnostic, located in the
//! request by its JSON Pointer and in the data file by line or byte offset) and a summary of
//! each channel's data for the page's data panel; rendered as one JSON object.

use std::fmt::Write as _;

use automl_rules::diag::{Diagnostic, Severity};
use automl_rules::json::write_string;

/// One finding about the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Code, severity, message, and the JSON Pointer of the request member it is about
    /// (the channel's `TargetAttributeName`, `ContentType`, … or its `S3Uri` for the data
    /// itself).
    pub diagnostic: Diagnostic,
    /// Index in [`Report::channels`] of the file it is about.
    pub channel: Option<usize>,
    /// The (first) line of that file it is about, 1-based; line breaks inside quoted fields
    /// count.
    pub line: Option<u64>,
    /// The byte offset in that file it is about.
    pub offset: Option<u64>,
}

impl Finding {
    pub fn new(severity: Severity, code: &'static str, path: String, message: String) -> Finding {
        Finding {
            diagnostic: Diagnostic {
                severity,
                code,
                path,
                message,
                service_message: None,
                cli_message: None,
                span: None,
                service_clause: None,
                related: Vec::new(),
            },
            channel: None,
            line: None,
            offset: None,
        }
    }
    pub fn is_error(&self) -> bool {
        self.diagnostic.is_error()
    }
    pub fn in_channel(mut self, channel: usize) -> Finding {
        self.channel = Some(channel);
        self
    }
    pub fn at_line(mut self, line: Option<u64>) -> Finding {
        self.line = line;
        self
    }
    pub fn at_offset(mut self, offset: u64) -> Finding {
        self.offset = Some(offset);
        self
    }
    pub fn about(mut self, paths: &[&str]) -> Finding {
        self.diagnostic = self.diagnostic.about(paths);
        self
    }
}

/// One column of a channel's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSummary {
    pub name: String,
    /// `numeric`, `text`, `empty` (CSV); `numeric`, `text`, `boolean`, `date/time`, `binary`,
    /// `nested` (Parquet, from the schema).
    pub kind: &'static str,
    /// Rows without a value; `None` when not known (Parquet without statistics).
    pub missing: Option<u64>,
}

/// The target column's values.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetSummary {
    pub column: String,
    /// Count per value, most frequent first (at most 1,000 values).
    pub classes: Vec<(String, u64)>,
    /// Rows whose value is not in `classes` (there were more distinct values).
    pub other: u64,
    pub missing: u64,
    /// Every value is a number.
    pub numeric: bool,
}

/// What was found in one channel's file.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelSummary {
    pub file: String,
    /// Index of the channel in `InputDataConfig`.
    pub channel: usize,
    /// `training` or `validation`.
    pub channel_type: &'static str,
    /// `CSV`, `Parquet`, or `None` when it is neither.
    pub format: Option<&'static str>,
    pub gzip: bool,
    /// Bytes of the file.
    pub bytes: u64,
    /// Bytes of the data (after decompression).
    pub data_bytes: u64,
    /// Data rows (records after the header; from the footer for Parquet).
    pub rows: Option<u64>,
    pub columns: Vec<ColumnSummary>,
    pub target: Option<TargetSummary>,
    /// What this preflight could not check in this file.
    pub not_checked: Option<String>,
}

/// Everything a preflight found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub channels: Vec<ChannelSummary>,
    /// A file could not be read at all (set by the caller that reads files).
    pub unreadable: bool,
}

impl Report {
    /// The job would start: every file read, no error.
    pub fn valid(&self) -> bool {
        !self.unreadable && !self.findings.iter().any(Finding::is_error)
    }

    pub fn counts(&self) -> (usize, usize) {
        let errors = self.findings.iter().filter(|f| f.is_error()).count();
        (errors, self.findings.len() - errors)
    }

    /// `{"valid", "diagnostics": [...], "channels": [...]}` on one line.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let _ = write!(out, "{{\"valid\":{},\"diagnostics\":[", self.valid());
        for (i, f) in self.findings.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let d = &f.diagnostic;
            out.push_str("{\"severity\":");
            write_string(&mut out, d.severity.as_str());
            out.push_str(",\"code\":");
            write_string(&mut out, d.code);
            out.push_str(",\"path\":");
            write_string(&mut out, &d.path);
            out.push_str(",\"message\":");
            write_string(&mut out, &d.message);
            if !d.related.is_empty() {
                out.push_str(",\"related\":[");
                for (j, r) in d.related.iter().enumerate() {
                    if j > 0 {
                        out.push(',');
                    }
                    write_string(&mut out, r);
                }
                out.push(']');
            }
            out.push_str(",\"file\":");
            match f.channel.and_then(|c| self.channels.get(c)) {
                Some(c) => write_string(&mut out, &c.file),
                None => out.push_str("null"),
            }
            out.push_str(",\"line\":");
            optional_number(&mut out, f.line);
            out.push_str(",\"offset\":");
            optional_number(&mut out, f.offset);
            out.push('}');
        }
        out.push_str("],\"channels\":[");
        for (i, c) in self.channels.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            channel_json(&mut out, c);
        }
        out.push_str("]}");
        out
    }
}

fn optional_number(out: &mut String, n: Option<u64>) {
    match n {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
}

fn channel_json(out: &mut String, c: &ChannelSummary) {
    out.push_str("{\"file\":");
    write_string(out, &c.file);
    let _ = write!(out, ",\"channel\":{},\"channel_type\":", c.channel);
    write_string(out, c.channel_type);
    out.push_str(",\"format\":");
    match c.format {
        Some(f) => write_string(out, f),
        None => out.push_str("null"),
    }
    let _ = write!(
        out,
        ",\"compression\":\"{}\",\"bytes\":{},\"data_bytes\":{},\"rows\":",
        if c.gzip { "Gzip" } else { "None" },
        c.bytes,
        c.data_bytes
    );
    optional_number(out, c.rows);
    out.push_str(",\"columns\":[");
    for (i, col) in c.columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"name\":");
        write_string(out, &col.name);
        out.push_str(",\"kind\":");
        write_string(out, col.kind);
        out.push_str(",\"missing\":");
        optional_number(out, col.missing);
        out.push('}');
    }
    out.push_str("],\"target\":");
    match &c.target {
        None => out.push_str("null"),
        Some(t) => {
            out.push_str("{\"column\":");
            write_string(out, &t.column);
            out.push_str(",\"classes\":{");
            for (i, (value, n)) in t.classes.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, value);
                let _ = write!(out, ":{n}");
            }
            let _ = write!(
                out,
                "}},\"distinct\":{},\"more_classes\":{},\"other\":{},\"missing\":{},\"numeric\":{}}}",
                t.classes.len(),
                t.other > 0,
                t.other,
                t.missing,
                t.numeric
            );
        }
    }
    out.push_str(",\"not_checked\":");
    match &c.not_checked {
        Some(s) => write_string(out, s),
        None => out.push_str("null"),
    }
    out.push('}');
}
