//! Each check of the data against the request, as a named function with its source.
//!
//! Sources (quoted in each function's comment):
//! - API = Amazon SageMaker API Reference: `CreateAutoMLJob`
//!   (<https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJob.html>),
//!   `AutoMLChannel`
//!   (<https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLChannel.html>),
//!   `AutoMLJobObjective`
//!   (<https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLJobObjective.html>).
//! - Guide = SageMaker developer guide, "Autopilot datasets and problem types"
//!   (<https://docs.aws.amazon.com/sagemaker/latest/dg/autopilot-datasets-problem-types.html>).
//! - RFC 4180 (the `text/csv` format), RFC 1952 (gzip).
//!
//! Errors are what the documentation requires (the job would fail); warnings are what it
//! advises against or what very likely is not meant.

use automl_rules::diag::Severity;

use crate::csv_scan::{CsvStats, TargetCounts};
use crate::parquet_footer::{self, ParquetInfo};
use crate::plan::{Format, Plan};
use crate::report::Finding;
use crate::stream::Content;
use crate::text::{close_match, plural, shown};
use crate::ChannelResult;

mod target;
pub use target::{inferred_problem_type, metrics_for, problem_type_suits_target};

/// Fewest training rows (API, CreateAutoMLJob.InputDataConfig).
pub const MIN_TRAINING_ROWS: u64 = 500;
/// Largest training data, bytes (API, AutoMLChannel: "less than 100 GB").
pub const MAX_TRAINING_BYTES: u64 = 100 * GB;
/// Largest validation data, bytes (API, AutoMLChannel: "less than 2 GB").
pub const MAX_VALIDATION_BYTES: u64 = 2 * GB;
const GB: u64 = 1 << 30;

fn error(code: &'static str, path: String, message: String) -> Finding {
    Finding::new(Severity::Error, code, path, message)
}

fn warning(code: &'static str, path: String, message: String) -> Finding {
    Finding::new(Severity::Warning, code, path, message)
}

/// The file's column names, whatever its format.
pub fn column_names(r: &ChannelResult) -> Option<Vec<String>> {
    if let Some(csv) = &r.stream.inner.csv {
        return csv.stats.header.clone();
    }
    match &r.stream.inner.parquet {
        Some(Ok(info)) => Some(info.columns.iter().map(|c| c.name.clone()).collect()),
        _ => None,
    }
}

/// Data rows, whatever the format.
pub fn rows(r: &ChannelResult) -> Option<u64> {
    if let Some(csv) = &r.stream.inner.csv {
        return Some(csv.stats.rows);
    }
    match &r.stream.inner.parquet {
        Some(Ok(info)) => Some(info.rows),
        _ => None,
    }
}

fn csv_stats(r: &ChannelResult) -> Option<&CsvStats> {
    r.stream.inner.csv.as_ref().map(|c| &c.stats)
}

fn parquet_info(r: &ChannelResult) -> Option<&ParquetInfo> {
    match &r.stream.inner.parquet {
        Some(Ok(info)) => Some(info),
        _ => None,
    }
}

/// Every check of one channel's file on its own.
pub fn check_channel(r: &ChannelResult, pos: usize, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    file_not_empty(r, &mut found);
    compression_matches(r, &mut found);
    gzip_stream_intact(r, &mut found);
    content_type_matches(r, &mut found);
    parquet_footer_readable(r, &mut found);
    unclosed_quote(r, &mut found);
    target_column_present(r, &mut found);
    sample_weight_column_present(r, &mut found);
    header_names(r, &mut found);
    field_counts(r, &mut found);
    text_is_utf8(r, &mut found);
    long_records(r, &mut found);
    empty_columns(r, &mut found);
    missing_targets(r, &mut found);
    sample_weight_values(r, &mut found);
    validation_has_rows(r, &mut found);
    out.extend(found.into_iter().map(|f| f.in_channel(pos)));
}

/// Every check across channels and against the request's problem type.
pub fn check_all(plan: &Plan, results: &[ChannelResult], out: &mut Vec<Finding>) {
    // The 500-row minimum and the problem-type checks are tabular's (V1, V2 TabularJobConfig).
    if plan.tabular() {
        training_rows_minimum(results, out);
    }
    size_limit(results, out);
    validation_headers_match(results, out);
    named_columns_present(plan, results, out);
    if plan.tabular() {
        problem_type_suits_target(plan, results, out);
        inferred_problem_type(plan, results, out);
    }
}

/// V2: each column the problem type names (time series' target, timestamp, item identifier
/// and grouping columns; text classification's content and label columns) exists in every
/// file, spelt exactly as written.
///
/// Source: API, TimeSeriesConfig and TextClassificationJobConfig (each member is "the name of
/// the column" holding that data: see `plan::named_columns`); Guide (the column names of
/// the dataset are the ones the job configuration refers to).
pub fn named_columns_present(plan: &Plan, results: &[ChannelResult], out: &mut Vec<Finding>) {
    for (pos, r) in results.iter().enumerate() {
        let Some(names) = column_names(r) else {
            continue;
        };
        for c in &plan.columns {
            if names.iter().any(|n| n == &c.name) {
                continue;
            }
            out.push(
                error(
                    "column-missing",
                    c.pointer.clone(),
                    missing_column_message(r, &names, &c.name, &c.member),
                )
                .in_channel(pos)
                .about(&[&r.plan.data_pointer()]),
            );
        }
    }
}

/// An empty file is no data at all.
///
/// Source: API, CreateAutoMLJob.InputDataConfig ("A minimum of 500 rows is required for the
/// training dataset"); API, AutoMLChannel ("A validation dataset must contain the same
/// headers as the training dataset") — an empty file has neither rows nor headers.
pub fn file_not_empty(r: &ChannelResult, out: &mut Vec<Finding>) {
    if r.stream.raw_bytes == 0 {
        out.push(error(
            "data-empty",
            r.plan.data_pointer(),
            format!(
                "{} is empty: the {} channel needs a header row and data rows",
                r.file,
                r.plan.kind()
            ),
        ));
    } else if r.stream.gzip && r.stream.gzip_error.is_none() && r.stream.inner.bytes == 0 {
        out.push(error(
            "data-empty",
            r.plan.data_pointer(),
            format!("{} holds no data: it decompresses to 0 bytes", r.file),
        ));
    }
}

/// `CompressionType` must say what the file is: `Gzip` for a gzip file (it starts with the
/// bytes 1f 8b), `None` (the default) for any other.
///
/// Source: API, AutoMLChannel.CompressionType ("You can use Gzip or None. The default value
/// is None"); RFC 1952 §2.3.1 (ID1 = 31, ID2 = 139).
pub fn compression_matches(r: &ChannelResult, out: &mut Vec<Finding>) {
    if r.stream.raw_bytes == 0 {
        return;
    }
    let path = r.plan.pointer("CompressionType");
    match (r.plan.gzip, r.stream.gzip) {
        (true, false) => out.push(error(
            "compression-mismatch",
            path,
            format!("CompressionType is Gzip, but {} is not gzip (it does not start with the bytes 1f 8b): remove CompressionType, or compress the file", r.file),
        )),
        (false, true) => out.push(error(
            "compression-mismatch",
            path,
            if let Some(written) = &r.plan.compression {
                format!("{} is gzip, but CompressionType is {written}: set CompressionType to Gzip", r.file)
            } else {
                format!("{} is gzip, but CompressionType is not set (it defaults to None): set CompressionType to Gzip", r.file)
            },
        )),
        _ => {}
    }
}

/// Gzip data must decompress to its end: a truncated or damaged file fails the job when
/// Autopilot reads it.
///
/// Source: RFC 1952 §2.2 (a gzip file is a series of members, each ending in a CRC-32 and
/// the size of the original data); API, AutoMLChannel.CompressionType.
pub fn gzip_stream_intact(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(err) = &r.stream.gzip_error else {
        return;
    };
    let message = if err.at_end {
        format!(
            "{} ends before its gzip data does (after {} bytes: {}): the file is truncated, damaged or still being written",
            r.file, err.offset, err.reason
        )
    } else {
        format!(
            "{} is not valid gzip at or after byte {} ({}): the file is damaged, or has other data after the gzip data",
            r.file, err.offset, err.reason
        )
    };
    out.push(error("gzip-corrupt", r.plan.data_pointer(), message).at_offset(err.offset));
}

/// The data must be CSV with a header row or Parquet, and the one `ContentType` says.
///
/// Source: API, AutoMLChannel.ContentType ("You can use text/csv;header=present or
/// x-application/vnd.amazon+parquet. The default value is text/csv;header=present"); Guide
/// ("Autopilot supports tabular data formatted as CSV files or as Parquet files").
pub fn content_type_matches(r: &ChannelResult, out: &mut Vec<Finding>) {
    let path = r.plan.pointer("ContentType");
    let file = &r.file;
    let found = match r.stream.inner.content {
        Content::Empty => return,
        Content::Csv => Format::Csv,
        Content::Parquet => Format::Parquet,
        other => {
            let what = match other {
                Content::Zip => "a ZIP archive (an Excel workbook is one), not CSV or Parquet: export it as CSV (UTF-8)".to_string(),
                Content::Gzip => "compressed twice: its gzip data holds gzip data again".to_string(),
                Content::Utf16 => "UTF-16 text: save it as CSV in UTF-8".to_string(),
                Content::Binary { offset } => format!("not text (a NUL byte at byte {offset} of the data), and not Parquet"),
                _ => String::new(),
            };
            let mut f = error(
                "content-not-tabular",
                r.plan.data_pointer(),
                format!("{file} is {what}"),
            );
            if let Content::Binary { offset } = other {
                if !r.stream.gzip {
                    f = f.at_offset(offset);
                }
            }
            out.push(f);
            return;
        }
    };
    match r.plan.format {
        Some(announced) if announced != found => out.push(error(
            "content-type-mismatch",
            path,
            format!(
                "{file} is {}, but ContentType is {} ({}): set ContentType to {}",
                found.name(),
                r.plan.content_type,
                announced.name(),
                found.content_type()
            ),
        )),
        _ => {}
    }
}

/// A Parquet file's footer must be readable for Autopilot to find its schema and rows.
///
/// Source: the Parquet format (the footer holds the file metadata: schema, row groups, row
/// count; <https://parquet.apache.org/docs/file-format/>); Guide (Parquet is read as tabular
/// data).
pub fn parquet_footer_readable(r: &ChannelResult, out: &mut Vec<Finding>) {
    if let Some(Err(why)) = &r.stream.inner.parquet {
        let finding = if why.is_error() { error } else { warning };
        out.push(finding(
            "parquet-footer",
            r.plan.data_pointer(),
            why.message(&r.file),
        ));
    }
}

/// Training data under 100 GB, validation data under 2 GB: a channel's files (the objects
/// of an S3 prefix) counted together, at their size as stored.
///
/// Source: API, AutoMLChannel ("The validation dataset size is limited to less than 2 GB.
/// The training dataset size must be less than 100 GB").
pub fn size_limit(results: &[ChannelResult], out: &mut Vec<Finding>) {
    let mut channels: Vec<usize> = results.iter().map(|r| r.plan.index).collect();
    channels.sort_unstable();
    channels.dedup();
    for index in channels {
        let files: Vec<(usize, &ChannelResult)> = results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.plan.index == index)
            .collect();
        let Some(&(pos, first)) = files.first() else {
            continue;
        };
        let (limit, name) = if first.plan.validation {
            (MAX_VALIDATION_BYTES, "2 GB")
        } else {
            (MAX_TRAINING_BYTES, "100 GB")
        };
        let size = files
            .iter()
            .fold(0u64, |sum, (_, r)| sum.saturating_add(r.stream.raw_bytes));
        if size < limit {
            continue;
        }
        let what = if files.len() == 1 {
            format!("{} is", first.file)
        } else {
            format!(
                "the {} files of the {} channel are",
                files.len(),
                first.plan.kind()
            )
        };
        out.push(
            error(
                "too-large",
                first.plan.data_pointer(),
                format!(
                    "{what} {size} bytes ({:.1} GB){}: {} data must be less than {name}",
                    size as f64 / GB as f64,
                    if files.len() == 1 { "" } else { " in all" },
                    first.plan.kind()
                ),
            )
            .in_channel(pos),
        );
    }
}

/// A quoted field that is never closed swallows the rest of the file into one field.
///
/// Source: RFC 4180 §2.5–2.7 (a field that starts with a double quote ends at the next
/// double quote that is not doubled).
pub fn unclosed_quote(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(stats) = csv_stats(r) else { return };
    if let Some(line) = stats.unclosed_quote {
        out.push(
            error(
                "unclosed-quote",
                r.plan.data_pointer(),
                format!(
                    "a quoted field that starts on line {line} of {} is never closed: every line after it reads as part of that one field; close the quote, or double a quote inside a field (\"\")",
                    r.file
                ),
            )
            .at_line(Some(line)),
        );
    }
}

fn missing_column_message(
    r: &ChannelResult,
    names: &[String],
    wanted: &str,
    member: &str,
) -> String {
    let mut message = format!(
        "{} has no column named '{}' ({member}); ",
        r.file,
        shown(wanted)
    );
    if names.len() == 1 && names[0].contains([';', '\t', '|']) {
        message.push_str(&format!(
            "the header is one column, '{}': the file seems separated by something other than commas, and Autopilot reads commas",
            shown(&names[0])
        ));
    } else if let Some(close) = close_match(wanted, names) {
        message.push_str(&format!(
            "did you mean '{}'? Column names must match exactly, capitals included",
            shown(close)
        ));
    } else {
        let listed: Vec<String> = names
            .iter()
            .take(10)
            .map(|n| format!("'{}'", shown(n)))
            .collect();
        let more = names.len().saturating_sub(10);
        message.push_str(&format!(
            "its columns are {}{}",
            listed.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    message
}

/// The target column exists, spelt exactly as `TargetAttributeName`.
///
/// Source: API, AutoMLChannel.TargetAttributeName ("The name of the target variable in
/// supervised learning, usually represented by 'y'"); Guide (each column of the tabular
/// data is a feature; the target is the one predicted).
pub fn target_column_present(r: &ChannelResult, out: &mut Vec<Finding>) {
    let (Some(target), Some(names)) = (&r.plan.target, column_names(r)) else {
        return;
    };
    if names.iter().any(|n| n == target) {
        return;
    }
    out.push(error(
        "target-missing",
        r.plan.pointer("TargetAttributeName"),
        missing_column_message(r, &names, target, "TargetAttributeName"),
    ));
}

/// The sample weight column exists, spelt exactly as `SampleWeightAttributeName`.
///
/// Source: API, AutoMLChannel.SampleWeightAttributeName ("If specified, this column name
/// indicates which column of the dataset should be treated as sample weights").
pub fn sample_weight_column_present(r: &ChannelResult, out: &mut Vec<Finding>) {
    let (Some(weight), Some(names)) = (&r.plan.sample_weight, column_names(r)) else {
        return;
    };
    if names.iter().any(|n| n == weight) {
        return;
    }
    out.push(error(
        "sample-weight-missing",
        r.plan.pointer("SampleWeightAttributeName"),
        missing_column_message(r, &names, weight, "SampleWeightAttributeName"),
    ));
}

/// Header names should be unique and not empty: pandas renames a repeated name (`a.1`) and
/// names an empty one `Unnamed: 3`, so the columns Autopilot sees are not the ones written.
///
/// Source: API, AutoMLChannel.ContentType (`text/csv;header=present`: the first record
/// names the columns); Guide ("each column contains a feature").
pub fn header_names(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(names) = column_names(r) else { return };
    let mut duplicates: Vec<&str> = Vec::new();
    let mut empty: Vec<usize> = Vec::new();
    let mut sorted: Vec<(&str, usize)> = names.iter().map(String::as_str).zip(0..).collect();
    sorted.sort();
    for pair in sorted.windows(2) {
        if pair[0].0 == pair[1].0
            && duplicates.last() != Some(&pair[0].0)
            && !pair[0].0.trim().is_empty()
        {
            duplicates.push(pair[0].0);
        }
    }
    for (i, name) in names.iter().enumerate() {
        if name.trim().is_empty() {
            empty.push(i + 1);
        }
    }
    let path = r.plan.data_pointer();
    if !duplicates.is_empty() {
        let listed: Vec<String> = duplicates
            .iter()
            .take(10)
            .map(|n| format!("'{}'", shown(n)))
            .collect();
        out.push(
            warning(
                "header-duplicate",
                path.clone(),
                format!(
                    "the header of {} repeats {}{}: each column needs its own name",
                    r.file,
                    listed.join(", "),
                    if duplicates.len() > 10 {
                        format!(" and {} more", duplicates.len() - 10)
                    } else {
                        String::new()
                    }
                ),
            )
            .at_line(Some(1)),
        );
    }
    if !empty.is_empty() {
        let listed: Vec<String> = empty.iter().take(10).map(usize::to_string).collect();
        out.push(
            warning(
                "header-empty",
                path,
                format!(
                    "the header of {} has no name for column {}{}: name every column",
                    r.file,
                    listed.join(", "),
                    if empty.len() > 10 {
                        format!(" and {} more", empty.len() - 10)
                    } else {
                        String::new()
                    }
                ),
            )
            .at_line(Some(1)),
        );
    }
}

/// Every record has as many fields as the header.
///
/// Source: RFC 4180 §2.4 ("Each line should contain the same number of fields throughout
/// the file"); API, AutoMLChannel.ContentType (`text/csv;header=present`).
pub fn field_counts(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(stats) = csv_stats(r) else { return };
    if stats.field_count.is_empty() {
        return;
    }
    let columns = stats.columns.len();
    let first = stats.first_field_count.unwrap_or(0);
    let span = match stats.misfit_span {
        Some((from, to)) if stats.unclosed_quote.is_none() => format!(
            "; the row on line {from} runs on to line {to}: a quote in it is probably not closed where it should be"
        ),
        _ => String::new(),
    };
    out.push(
        warning(
            "field-count",
            r.plan.data_pointer(),
            format!(
                "{} of {} {} another number of fields than the header's {columns} ({}; the first has {first}){span}: a comma inside a value needs quotes around the value",
                plural(stats.field_count.count, "row", "rows"),
                r.file,
                if stats.field_count.count == 1 { "has" } else { "have" },
                stats.field_count.describe(),
            ),
        )
        .at_line(stats.field_count.first.first().copied()),
    );
}

/// Text is UTF-8.
///
/// Source: RFC 4180 §3 (`text/csv` takes a `charset` parameter, and Autopilot's content type
/// `text/csv;header=present` names none); pandas, which reads CSV in UTF-8 by default.
/// Autopilot documents no other encoding.
pub fn text_is_utf8(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(stats) = csv_stats(r) else { return };
    if stats.not_utf8.is_empty() {
        return;
    }
    out.push(
        warning(
            "not-utf8",
            r.plan.data_pointer(),
            format!(
                "{} of {} {} text that is not UTF-8 ({}): save the file as UTF-8 (a file saved as Latin-1 or Windows-1252 shows this)",
                plural(stats.not_utf8.count, "row", "rows"),
                r.file,
                if stats.not_utf8.count == 1 { "has" } else { "have" },
                stats.not_utf8.describe()
            ),
        )
        .at_line(stats.not_utf8.first.first().copied()),
    );
}

/// A record over 4 MiB is counted but its values are not checked.
///
/// Source: none in the documentation; a bound of this checker (constant memory), said so
/// that nothing goes unchecked silently.
pub fn long_records(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(stats) = csv_stats(r) else { return };
    if stats.long_records.is_empty() || stats.unclosed_quote.is_some() {
        return;
    }
    out.push(
        warning(
            "record-too-long",
            r.plan.data_pointer(),
            format!(
                "{} of {} {} more than 4 MiB long ({}); their values were not checked",
                plural(stats.long_records.count, "record is", "records are"),
                r.file,
                if stats.long_records.count == 1 {
                    "is"
                } else {
                    "are"
                },
                stats.long_records.describe()
            ),
        )
        .at_line(stats.long_records.first.first().copied()),
    );
}

/// A column with no value in any row gives the model nothing.
///
/// Source: Guide ("each column contains a feature with a specific data type and each row
/// contains an observation").
pub fn empty_columns(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(names) = column_names(r) else { return };
    let Some(rows) = rows(r).filter(|&n| n > 0) else {
        return;
    };
    let empty: Vec<&str> = if let Some(stats) = csv_stats(r) {
        names
            .iter()
            .zip(&stats.columns)
            .filter(|(_, c)| c.values == 0)
            .map(|(n, _)| n.as_str())
            .collect()
    } else if let Some(info) = parquet_info(r) {
        info.columns
            .iter()
            .filter(|c| c.nulls == Some(rows))
            .map(|c| c.name.as_str())
            .collect()
    } else {
        Vec::new()
    };
    if empty.is_empty() {
        return;
    }
    let listed: Vec<String> = empty
        .iter()
        .take(10)
        .map(|n| format!("'{}'", shown(n)))
        .collect();
    out.push(warning(
        "column-empty",
        r.plan.data_pointer(),
        format!(
            "{} of {} {} no value in any row: {}{}",
            plural(empty.len() as u64, "column", "columns"),
            r.file,
            if empty.len() == 1 { "has" } else { "have" },
            listed.join(", "),
            if empty.len() > 10 {
                format!(" and {} more", empty.len() - 10)
            } else {
                String::new()
            }
        ),
    ));
}

/// Rows without a target value teach nothing (values counted missing: empty, or one of
/// pandas' missing-value spellings such as `NA`).
///
/// Source: API, AutoMLChannel.TargetAttributeName (the target of supervised learning);
/// Guide ("supervised learning", each observation labelled with its target).
pub fn missing_targets(r: &ChannelResult, out: &mut Vec<Finding>) {
    let Some(target) = &r.plan.target else { return };
    let path = r.plan.pointer("TargetAttributeName");
    if let Some(stats) = csv_stats(r) {
        if stats.target_index.is_none() || stats.target.missing.is_empty() {
            return;
        }
        let missing = &stats.target.missing;
        out.push(
            warning(
                "target-values-missing",
                path,
                format!(
                    "{} of {} {} no value in the target column '{}' ({})",
                    plural(missing.count, "row", "rows"),
                    r.file,
                    if missing.count == 1 { "has" } else { "have" },
                    shown(target),
                    missing.describe()
                ),
            )
            .at_line(missing.first.first().copied()),
        );
    } else if let Some(info) = parquet_info(r) {
        let nulls = info
            .columns
            .iter()
            .find(|c| &c.name == target)
            .and_then(|c| c.nulls)
            .unwrap_or(0);
        if nulls > 0 {
            out.push(warning(
                "target-values-missing",
                path,
                format!(
                    "{} of {} {} no value in the target column '{}' (from the footer's statistics)",
                    plural(nulls, "row", "rows"),
                    r.file,
                    if nulls == 1 { "has" } else { "have" },
                    shown(target)
                ),
            ));
        }
    }
}

/// Sample weights must be numbers, not negative; rows with no or an invalid weight are
/// dropped by the service.
///
/// Source: API, AutoMLChannel.SampleWeightAttributeName ("Sample weights should be numeric,
/// non-negative, with larger values indicating which rows are more important than others.
/// Data points that have invalid or no weight value are excluded").
pub fn sample_weight_values(r: &ChannelResult, out: &mut Vec<Finding>) {
    let (Some(weight), Some(stats)) = (&r.plan.sample_weight, csv_stats(r)) else {
        return;
    };
    if stats.weight_index.is_none() {
        return;
    }
    let w = &stats.weight;
    let dropped = w.missing.count + w.not_numeric.count + w.negative.count;
    if dropped == 0 {
        return;
    }
    let mut parts = Vec::new();
    for (lines, what) in [
        (&w.not_numeric, "not a number"),
        (&w.negative, "negative"),
        (&w.missing, "missing"),
    ] {
        if !lines.is_empty() {
            parts.push(format!("{} {what} ({})", lines.count, lines.describe()));
        }
    }
    let first = [&w.not_numeric, &w.negative, &w.missing]
        .iter()
        .filter_map(|l| l.first.first().copied())
        .min();
    let left = stats.rows.saturating_sub(dropped);
    let mut message = format!(
        "{} of {} will be dropped by the service for their sample weight in '{}': {}; {} left",
        plural(dropped, "row", "rows"),
        r.file,
        shown(weight),
        parts.join(", "),
        plural(left, "row", "rows"),
    );
    if !r.plan.validation && left < MIN_TRAINING_ROWS && stats.rows >= MIN_TRAINING_ROWS {
        message.push_str(&format!(
            ", fewer than the {MIN_TRAINING_ROWS} training rows required"
        ));
    }
    out.push(
        warning(
            "sample-weight-invalid",
            r.plan.pointer("SampleWeightAttributeName"),
            message,
        )
        .at_line(first),
    );
}

/// A validation file with a header and no rows validates nothing.
///
/// Source: API, CreateAutoMLJob.InputDataConfig ("There is not a minimum number of rows
/// required for the validation dataset") — so a warning, not an error.
pub fn validation_has_rows(r: &ChannelResult, out: &mut Vec<Finding>) {
    if r.plan.validation && column_names(r).is_some() && rows(r) == Some(0) {
        out.push(warning(
            "no-rows",
            r.plan.data_pointer(),
            format!("{} has a header but no data rows", r.file),
        ));
    }
}

/// The training data has at least 500 rows (records: a quoted field may hold line breaks).
///
/// Source: API, CreateAutoMLJob.InputDataConfig ("A minimum of 500 rows is required for the
/// training dataset. There is not a minimum number of rows required for the validation
/// dataset").
pub fn training_rows_minimum(results: &[ChannelResult], out: &mut Vec<Finding>) {
    let training: Vec<(usize, &ChannelResult)> = results
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.plan.validation)
        .collect();
    let mut total = 0u64;
    for (_, r) in &training {
        match rows(r) {
            Some(n) => total += n,
            None => return,
        }
    }
    let Some((pos, first)) = training.first() else {
        return;
    };
    if total >= MIN_TRAINING_ROWS {
        return;
    }
    let what = if training.len() == 1 {
        format!(
            "{} has {}",
            first.file,
            plural(total, "data row", "data rows")
        )
    } else {
        format!(
            "the training files have {} in all",
            plural(total, "data row", "data rows")
        )
    };
    let header_only = if total == 0 { " (a header only)" } else { "" };
    out.push(
        error(
            "too-few-rows",
            first.plan.data_pointer(),
            format!(
                "{what}{header_only}: Autopilot needs at least {MIN_TRAINING_ROWS} training rows"
            ),
        )
        .in_channel(*pos),
    );
}

/// A validation file has the same headers as the training file (same names, same order).
///
/// Source: API, AutoMLChannel ("A validation dataset must contain the same headers as the
/// training dataset").
pub fn validation_headers_match(results: &[ChannelResult], out: &mut Vec<Finding>) {
    let Some(training) = results.iter().find(|r| !r.plan.validation) else {
        return;
    };
    let Some(train_names) = column_names(training) else {
        return;
    };
    for (pos, r) in results
        .iter()
        .enumerate()
        .filter(|(_, r)| r.plan.validation)
    {
        let Some(names) = column_names(r) else {
            continue;
        };
        if names == train_names {
            continue;
        }
        let missing: Vec<&String> = train_names.iter().filter(|n| !names.contains(n)).collect();
        let extra: Vec<&String> = names.iter().filter(|n| !train_names.contains(n)).collect();
        let mut detail = Vec::new();
        if !missing.is_empty() {
            detail.push(format!("it lacks {}", first_five(&missing)));
        }
        if !extra.is_empty() {
            detail.push(format!(
                "it has {} that the training file does not",
                first_five(&extra)
            ));
        }
        if detail.is_empty() {
            detail.push(if names.len() == train_names.len() {
                "the same names in another order".to_string()
            } else {
                "a name repeated another number of times".to_string()
            });
        }
        out.push(
            error(
                "headers-differ",
                r.plan.data_pointer(),
                format!(
                    "the header of {} differs from the training file {}: {}",
                    r.file,
                    training.file,
                    detail.join("; ")
                ),
            )
            .in_channel(pos)
            .at_line(Some(1))
            .about(&[&training.plan.data_pointer()]),
        );
    }
}

/// The first five names quoted, and how many more there are: `'a', 'b' and 4 more`.
fn first_five(names: &[&String]) -> String {
    let listed: Vec<String> = names
        .iter()
        .take(5)
        .map(|n| format!("'{}'", shown(n)))
        .collect();
    match names.len().saturating_sub(5) {
        0 => listed.join(", "),
        more => format!("{} and {more} more", listed.join(", ")),
    }
}

/// What a channel's summary says is not checked.
pub fn not_checked(r: &ChannelResult) -> Option<String> {
    match r.stream.inner.content {
        Content::Parquet => Some(format!("Parquet: {}", parquet_footer::NOT_CHECKED)),
        _ => None,
    }
}
