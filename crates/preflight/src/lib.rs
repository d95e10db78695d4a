//! Preflight: checks a `CreateAutoMLJob` (or `CreateAutoMLJobV2`) request's training and validation data before the
//! job starts — what Autopilot would only find minutes into the job (fewer than 500 rows, a
//! target column spelt `Churn` when the header says `churn`, a validation file with other
//! headers, gzip data announced as plain, …).
//!
//! No browser or terminal dependency, and no I/O of its own: the data is pushed in, in
//! chunks of any size, so the command line (reading files) and a Web Worker (reading `File`
//! slices) run the same code. Memory stays bounded whatever the file size.
//!
//! ```
//! use automl_preflight::{Plan, Preflight};
//!
//! let plan = Plan::from_text(r#"{"InputDataConfig": [{"TargetAttributeName": "churn"}]}"#).unwrap();
//! let mut check = Preflight::channel(&plan, 0, "train.csv").unwrap();
//! check.feed(b"id,churn\n1,yes\n");
//! check.feed(b"2,no\n");
//! let report = Preflight::report(&plan, vec![check.finish()]);
//! assert!(!report.valid()); // 2 rows: Autopilot needs 500
//! assert_eq!(report.channels[0].rows, Some(2));
//! ```
//!
//! Layout: [`plan`] reads the request; [`stream`] takes the bytes (gzip or not, then CSV,
//! Parquet or neither); [`csv_scan`] is the one pass over CSV records; [`parquet_footer`]
//! reads a Parquet footer; [`rules`] holds each check as a named function with its source;
//! [`report`] the findings and the data summary.

use std::io::{self, Read};

pub mod csv_scan;
pub mod parquet_footer;
pub mod plan;
pub mod report;
pub mod rules;
pub mod stream;
mod text;

pub use plan::{is_v2, request_text, ChannelPlan, Format, NamedColumn, Plan};
pub use report::{ChannelSummary, ColumnSummary, Finding, Report, TargetSummary};
pub use stream::Content;

use stream::{Stream, StreamResult};

/// The preflight's entry points.
pub struct Preflight;

impl Preflight {
    /// Starts checking the file of the `slot`-th channel (training channels first, then
    /// validation: [`Plan::channels`]); `None` when the request has no such channel.
    pub fn channel(plan: &Plan, slot: usize, file: &str) -> Option<ChannelCheck> {
        plan.channels.get(slot).map(|c| ChannelCheck::new(c, file))
    }

    /// Puts the channels' results together with the checks across channels.
    pub fn report(plan: &Plan, results: Vec<ChannelResult>) -> Report {
        Preflight::report_of(plan, &results)
    }

    /// [`Preflight::report`] of results kept for later: the page's worker keeps each
    /// channel's result and reports again when another channel's file has been read.
    pub fn report_of(plan: &Plan, results: &[ChannelResult]) -> Report {
        let mut findings = Vec::new();
        for (pos, r) in results.iter().enumerate() {
            rules::check_channel(r, pos, &mut findings);
        }
        rules::check_all(plan, results, &mut findings);
        // By file, errors first; within that, in the order the rules run (a stable sort).
        findings.sort_by_key(|f| (f.channel.unwrap_or(usize::MAX), !f.is_error()));
        let channels = results.iter().map(summary).collect();
        Report {
            findings,
            channels,
            unreadable: false,
        }
    }
}

/// One channel's file being read: push its bytes in order with [`ChannelCheck::feed`], then
/// [`ChannelCheck::finish`].
pub struct ChannelCheck {
    plan: ChannelPlan,
    file: String,
    stream: Stream,
}

/// What one channel's file holds; [`Preflight::report`] turns results into findings.
pub struct ChannelResult {
    pub plan: ChannelPlan,
    pub file: String,
    pub stream: StreamResult,
}

impl ChannelCheck {
    pub fn new(plan: &ChannelPlan, file: &str) -> ChannelCheck {
        ChannelCheck {
            plan: plan.clone(),
            file: file.to_string(),
            stream: Stream::new(plan.target.as_deref(), plan.sample_weight.as_deref()),
        }
    }

    /// The next bytes of the file (any size, including empty).
    pub fn feed(&mut self, bytes: &[u8]) {
        self.stream.push(bytes);
    }

    /// Bytes of the file fed so far (or skipped).
    pub fn bytes_read(&self) -> u64 {
        self.stream.bytes_read()
    }

    /// What the data is, once its first bytes are in.
    pub fn content(&self) -> Option<Content> {
        self.stream.content()
    }

    /// For an uncompressed Parquet file of `file_len` bytes, the offset a reader that can
    /// seek may jump to (then [`ChannelCheck::skip_to`] it and feed from there): only the
    /// footer is read. `None` when every byte must be fed.
    pub fn parquet_tail_start(&self, file_len: u64) -> Option<u64> {
        if self.stream.is_gzip() != Some(false) || self.content() != Some(Content::Parquet) {
            return None;
        }
        let start = file_len.saturating_sub(parquet_footer::MAX_FOOTER_BYTES as u64);
        (start > self.bytes_read()).then_some(start)
    }

    /// Goes on at `offset` of the file (an uncompressed Parquet file, at or past the bytes
    /// fed so far, as [`ChannelCheck::parquet_tail_start`] offers); returns whether it did.
    /// A reader seeks only when it did: otherwise it goes on feeding every byte.
    pub fn skip_to(&mut self, offset: u64) -> bool {
        self.stream.is_gzip() == Some(false)
            && self.content() == Some(Content::Parquet)
            && self.stream.skip_to(offset)
    }

    /// Whether the rest of the file can still change the findings: `false` once the first
    /// bytes of a file that is not gzip showed data that is neither CSV nor Parquet (empty,
    /// binary, ZIP, UTF-16, gzip inside): that finding is made, and a reader may stop and
    /// [`ChannelCheck::skip_rest`] instead of reading, say, 10 GB of zeros.
    pub fn needs_rest(&self) -> bool {
        !(self.stream.is_gzip() == Some(false)
            && matches!(
                self.content(),
                Some(Content::Empty | Content::Zip | Content::Gzip | Content::Utf16)
                    | Some(Content::Binary { .. })
            ))
    }

    /// Counts the file's bytes up to `file_len` as read without their being fed, when
    /// [`ChannelCheck::needs_rest`] says they cannot change the findings; returns whether it
    /// did (otherwise every byte must still be fed).
    pub fn skip_rest(&mut self, file_len: u64) -> bool {
        !self.needs_rest() && self.stream.skip_rest(file_len)
    }

    pub fn finish(self) -> ChannelResult {
        ChannelResult {
            plan: self.plan,
            file: self.file,
            stream: self.stream.finish(),
        }
    }
}

/// Reads a whole file through `check`, from start to end. I/O errors are returned as they
/// are. (A reader that can seek does better with a Parquet file: see
/// [`ChannelCheck::parquet_tail_start`].)
pub fn check_reader<R: Read>(mut check: ChannelCheck, mut reader: R) -> io::Result<ChannelResult> {
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        check.feed(&buf[..n]);
    }
    Ok(check.finish())
}

fn summary(r: &ChannelResult) -> ChannelSummary {
    let inner = &r.stream.inner;
    let format = match inner.content {
        Content::Csv => Some("CSV"),
        Content::Parquet => Some("Parquet"),
        _ => None,
    };
    let mut columns = Vec::new();
    let mut target = None;
    let rows = rules::rows(r);
    if let Some(scan) = &inner.csv {
        let stats = &scan.stats;
        for (name, c) in stats.header.iter().flatten().zip(&stats.columns) {
            columns.push(ColumnSummary {
                name: name.clone(),
                kind: if c.values == 0 {
                    "empty"
                } else if !c.text {
                    "numeric"
                } else {
                    "text"
                },
                missing: Some(stats.rows - c.values.min(stats.rows)),
            });
        }
        if let (Some(i), Some(header)) = (stats.target_index, &stats.header) {
            let t = &stats.target;
            let mut merged: Vec<(String, u64)> = Vec::with_capacity(t.classes.len());
            // Values that are not UTF-8 are shown lossily; two may then read the same.
            let mut classes: Vec<(String, u64)> = t
                .classes
                .iter()
                .map(|(v, n)| (String::from_utf8_lossy(v).into_owned(), n))
                .collect();
            classes.sort();
            for (value, n) in classes {
                match merged.last_mut() {
                    Some((last, count)) if *last == value => *count += n,
                    _ => merged.push((value, n)),
                }
            }
            merged.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            target = Some(TargetSummary {
                column: header[i].clone(),
                classes: merged,
                other: t.other,
                missing: t.missing.count,
                numeric: t.text == 0 && t.numeric > 0,
            });
        }
    } else if let Some(Ok(info)) = &inner.parquet {
        for c in &info.columns {
            columns.push(ColumnSummary {
                name: c.name.clone(),
                kind: c.kind,
                missing: c.nulls,
            });
        }
    }
    ChannelSummary {
        file: r.file.clone(),
        channel: r.plan.index,
        channel_type: r.plan.kind(),
        format,
        gzip: r.stream.gzip,
        bytes: r.stream.raw_bytes,
        data_bytes: inner.bytes,
        rows,
        columns,
        target,
        not_checked: rules::not_checked(r),
    }
}
