//! The "Check my data" panel's decisions, in plain Rust: which channels the draft has (V1's
//! `InputDataConfig` or V2's `AutoMLJobInputDataConfig`), the request text the preflight
//! worker reads (the preflight's own choice of members, V1's or V2's), the worker's
//! findings as the form's diagnostics (at the channel's fields, with their place in the file),
//! and the progress line (bytes, MB/s, time left) in integer arithmetic (the page links no
//! float formatting).

use std::cell::RefCell;

use automl_preflight_worker::{ChannelView, FindingView, ReportView};
use automl_rules::diag::{Diagnostic, Severity};
use automl_rules::json::Node;

/// The V2 channel list (API, CreateAutoMLJobV2: `AutoMLJobInputDataConfig`).
const V2_CHANNELS: &str = "AutoMLJobInputDataConfig";

/// One channel of the draft a file can be chosen for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataChannel {
    /// Its place in the preflight's order: training channels first, then validation, each in
    /// request order (`automl_preflight::Plan::channels`).
    pub slot: usize,
    /// Its index in the request's channel list.
    pub index: usize,
    pub validation: bool,
    /// The channel's JSON Pointer (`/InputDataConfig/0`).
    pub pointer: String,
}

impl DataChannel {
    /// "Training data (channel 1)".
    pub fn label(&self) -> String {
        format!(
            "{} data (channel {})",
            if self.validation {
                "Validation"
            } else {
                "Training"
            },
            self.index + 1
        )
    }
}

/// Whether the request is a `CreateAutoMLJobV2` body (its channels are
/// `AutoMLJobInputDataConfig`), by the rule the preflight and `automl_rules::detect` share.
pub fn is_v2(root: &Node) -> bool {
    automl_preflight::is_v2(root)
}

/// The draft's channels, in the preflight's order.
pub fn channels(root: &Node) -> Vec<DataChannel> {
    let list = if is_v2(root) {
        V2_CHANNELS
    } else {
        "InputDataConfig"
    };
    let items = root.get(list).and_then(Node::as_array).unwrap_or_default();
    let mut out: Vec<DataChannel> = Vec::new();
    for validation in [false, true] {
        for (index, c) in items.iter().enumerate() {
            if c.as_object().is_none() {
                continue;
            }
            let is_validation = c.get("ChannelType").and_then(Node::as_str) == Some("validation");
            if is_validation == validation {
                out.push(DataChannel {
                    slot: out.len(),
                    index,
                    validation,
                    pointer: format!("/{list}/{index}"),
                });
            }
        }
    }
    out
}

/// A channel of the draft as a chosen file follows it: its place (slot, list index, JSON
/// Pointer) and its whole JSON text, by which it is told apart when the draft's channels
/// change (one removed, added, moved, or the draft replaced by Undo).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelKey {
    pub index: usize,
    pub pointer: String,
    pub text: String,
}

/// The draft's channels as [`ChannelKey`]s, in the preflight's order (slot `i` is
/// `channels(root)[i]`).
pub fn channel_keys(root: &Node) -> Vec<ChannelKey> {
    let list = if is_v2(root) {
        V2_CHANNELS
    } else {
        "InputDataConfig"
    };
    let items = root.get(list).and_then(Node::as_array).unwrap_or_default();
    channels(root)
        .into_iter()
        .map(|c| ChannelKey {
            index: c.index,
            text: items
                .get(c.index)
                .map(automl_rules::json::to_compact)
                .unwrap_or_default(),
            pointer: c.pointer,
        })
        .collect()
}

/// Where each channel of `old` (by slot) went in `new`: the channel with the same JSON text
/// (at the same index first), else, when the draft has as many channels as before (one of
/// them was edited, not removed), the channel at the same index. `None`: the channel was
/// removed from the request.
pub fn follow(old: &[ChannelKey], new: &[ChannelKey]) -> Vec<Option<usize>> {
    let mut taken = vec![false; new.len()];
    let mut out: Vec<Option<usize>> = vec![None; old.len()];
    let same_text_and_index =
        |o: &ChannelKey, n: &ChannelKey| o.text == n.text && o.index == n.index;
    let same_text = |o: &ChannelKey, n: &ChannelKey| o.text == n.text;
    let same_index = |o: &ChannelKey, n: &ChannelKey| o.index == n.index;
    let rules: [&dyn Fn(&ChannelKey, &ChannelKey) -> bool; 3] =
        [&same_text_and_index, &same_text, &same_index];
    for (pass, rule) in rules.iter().enumerate() {
        if pass == 2 && old.len() != new.len() {
            break;
        }
        for (slot, o) in old.iter().enumerate() {
            if out[slot].is_some() {
                continue;
            }
            if let Some(n) = (0..new.len()).find(|&n| !taken[n] && rule(o, &new[n])) {
                taken[n] = true;
                out[slot] = Some(n);
            }
        }
    }
    out
}

/// Where V2 tabular keeps the members V1 keeps in each channel (API, CreateAutoMLJobV2:
/// `AutoMLProblemTypeConfig.TabularJobConfig`), and its `ProblemType`.
const V2_TABULAR: &str = "/AutoMLProblemTypeConfig/TabularJobConfig";
/// The members a V1 channel has and V2 tabular keeps in [`V2_TABULAR`], for every channel.
const PER_CHANNEL_IN_V1: [&str; 2] = ["TargetAttributeName", "SampleWeightAttributeName"];

/// `path` (a JSON Pointer) of a finding about the channel at `from`, now that the channel is
/// at `to`: a member of the channel follows it, and when the request changed operation
/// (`CreateAutoMLJob` <-> `CreateAutoMLJobV2`, told by the channel list's name in `to`), the
/// target and sample weight go to where that operation keeps them (each channel in V1,
/// `TabularJobConfig` in V2), as does `ProblemType`. Other paths stay.
fn repoint(path: &str, from: &str, to: &str) -> String {
    let to_v2 = to
        .strip_prefix('/')
        .and_then(|t| t.strip_prefix(V2_CHANNELS))
        .is_some_and(|rest| rest.starts_with('/'));
    let in_channel = path
        .strip_prefix(from)
        .filter(|rest| rest.is_empty() || rest.starts_with('/'));
    let in_v2_tabular = path.strip_prefix(V2_TABULAR).filter(|rest| {
        PER_CHANNEL_IN_V1
            .iter()
            .any(|m| rest.strip_prefix('/').and_then(|r| r.strip_prefix(m)) == Some(""))
    });
    match in_channel.or(in_v2_tabular) {
        Some(rest) => {
            let member = rest.trim_start_matches('/');
            if to_v2 && PER_CHANNEL_IN_V1.contains(&member) {
                format!("{V2_TABULAR}{rest}")
            } else {
                format!("{to}{rest}")
            }
        }
        None => problem_type_at(path, to_v2),
    }
}

/// `path` in the operation `v2` says: `ProblemType` is V1's top-level member and V2's
/// `TabularJobConfig.ProblemType`; any other path stays.
fn problem_type_at(path: &str, v2: bool) -> String {
    let v2_path = format!("{V2_TABULAR}/ProblemType");
    match (path == "/ProblemType", path == v2_path, v2) {
        (true, _, true) => v2_path,
        (_, true, false) => "/ProblemType".to_string(),
        _ => path.to_string(),
    }
}

/// A report read against the channels `old`, shown against `new` (`map`: [`follow`]) of a
/// draft that is a V2 request or not (`v2`): each file's summary and findings go with its
/// channel (at its new slot and pointer, and at the members the draft's operation has: a
/// request converted between V1 and V2 keeps its findings at their fields), those of a
/// channel removed go, and the report is valid when no error is left.
pub fn follow_report(
    report: &mut ReportView,
    map: &[Option<usize>],
    old: &[ChannelKey],
    new: &[ChannelKey],
    v2: bool,
) {
    let to = |slot: usize| map.get(slot).copied().flatten().filter(|&n| n < new.len());
    let errors_before = report.findings.iter().filter(|f| f.error).count();
    // In slot order again (placed by slot: the page links no sort).
    let mut placed: Vec<Option<ChannelView>> = (0..new.len()).map(|_| None).collect();
    for mut c in std::mem::take(&mut report.channels) {
        if let Some(n) = to(c.slot) {
            c.slot = n;
            c.channel = new[n].index;
            placed[n] = Some(c);
        }
    }
    report.channels = placed.into_iter().flatten().collect();
    report.findings.retain_mut(|f| {
        let Some(slot) = f.slot else {
            f.path = problem_type_at(&f.path, v2);
            for r in &mut f.related {
                *r = problem_type_at(r, v2);
            }
            return true;
        };
        let (Some(n), Some(o)) = (to(slot), old.get(slot)) else {
            return false;
        };
        f.slot = Some(n);
        f.path = repoint(&f.path, &o.pointer, &new[n].pointer);
        for r in &mut f.related {
            *r = repoint(r, &o.pointer, &new[n].pointer);
        }
        true
    });
    // Errors gone with their channel leave a report without one valid (one that was not
    // valid without any error, a file that could not be read, stays so).
    let errors = report.findings.iter().filter(|f| f.error).count();
    if errors == 0 && errors_before > 0 {
        report.valid = true;
    }
}

/// The request text the worker checks the data against: the members the preflight reads of
/// the draft, V1's or V2's (`automl_preflight::request_text`, as the command line reads
/// them), so editing the job's name does not make a check stale.
pub fn request_text(root: &Node) -> String {
    automl_preflight::request_text(root)
}

/// The worker's findings as the form's diagnostics, each message ending with its place in the
/// file (`train.csv, line 13`). The preflight reads a V2 request as V2, so its paths are
/// the draft's own for either operation (`v2` is not needed to map them).
pub fn to_diagnostics(report: &ReportView, _v2: bool) -> Vec<Diagnostic> {
    report.findings.iter().map(diagnostic).collect()
}

fn diagnostic(f: &FindingView) -> Diagnostic {
    let place = match (&f.file, f.line, f.offset) {
        (Some(file), Some(line), _) => format!(" ({file}, line {line})"),
        (Some(file), None, Some(offset)) => format!(" ({file}, byte {offset})"),
        _ => String::new(),
    };
    Diagnostic {
        severity: if f.error {
            Severity::Error
        } else {
            Severity::Warning
        },
        code: intern(&f.code),
        path: f.path.clone(),
        message: format!("{}{place}", f.message),
        service_message: None,
        cli_message: None,
        span: None,
        service_clause: None,
        related: f.related.clone(),
    }
}

/// Distinct codes kept as `&'static str` (a diagnostic's code is one): the preflight has a
/// few dozen, each leaked once; past 64 (never, unless the worker is not ours) the code is
/// `data`.
fn intern(code: &str) -> &'static str {
    thread_local! {
        static CODES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    CODES.with(|codes| {
        let mut codes = codes.borrow_mut();
        if let Some(c) = codes.iter().find(|c| **c == code) {
            return *c;
        }
        if codes.len() >= 64 {
            return "data";
        }
        let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
        codes.push(leaked);
        leaked
    })
}

/// Whether a file is a data file (CSV or Parquet, gzip or not), by its name or its type: one
/// dropped on the page is never read as a request; it is for a channel of "Check my data".
pub fn is_data_file(name: &str, mime: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".csv", ".gz", ".parquet", ".pq"]
        .iter()
        .any(|end| name.ends_with(end))
        || [
            "text/csv",
            "application/gzip",
            "application/x-gzip",
            "application/vnd.apache.parquet",
            "application/x-parquet",
        ]
        .contains(&mime)
}

/// What the import says of a data file dropped (or opened) as a request when the draft has
/// no channel (`none`) or several (with one, the file is checked against it): which channel
/// it is for is the person's to say, so it is not guessed.
pub fn dropped_elsewhere(file: &str, none: bool) -> String {
    if none {
        format!("{file} is a data file, not a request, so it was not imported: add a training channel under Data, then drop the file on its box under Check my data.")
    } else {
        format!("{file} is a data file, not a request, so it was not imported: drop it on the box of the channel it is for under Check my data, or choose it there.")
    }
}

/// `12.3 MB` (decimal megabytes, one decimal, rounded down).
pub fn megabytes(bytes: u64) -> String {
    let tenths = bytes / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The progress line: `12.3 MB of 200.0 MB · 150 MB/s · 2 s left` after `elapsed_ms`
/// (rate and time left once a tenth of a second has passed).
pub fn progress_line(done: u64, total: u64, elapsed_ms: u64) -> String {
    let mut line = format!("{} of {}", megabytes(done), megabytes(total));
    if elapsed_ms >= 100 && done > 0 {
        let per_second = done.saturating_mul(1000) / elapsed_ms;
        let _ =
            std::fmt::Write::write_fmt(&mut line, format_args!(" · {}/s", megabytes(per_second)));
        let left_ms = total.saturating_sub(done).saturating_mul(elapsed_ms) / done;
        let left = left_ms.div_ceil(1000);
        let _ = std::fmt::Write::write_fmt(&mut line, format_args!(" · {left} s left"));
    }
    line
}

/// Per mille of `part` in `whole` (for a bar's width and a percentage shown as text).
pub fn per_mille(part: u64, whole: u64) -> u64 {
    if whole == 0 {
        0
    } else {
        (part.min(whole) as u128 * 1000 / whole as u128) as u64
    }
}

/// `12.5 %` from per mille.
pub fn percent(per_mille: u64) -> String {
    format!("{}.{} %", per_mille / 10, per_mille % 10)
}

/// The share of `part` in `whole` as text, rounded half up to one decimal (`15.1 %` for
/// 452 of 3,000, which is 15.07 %); `0.0 %` of nothing.
pub fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return percent(0);
    }
    let (part, whole) = (part.min(whole) as u128, whole as u128);
    percent(((part * 2000 + whole) / (2 * whole)) as u64)
}

/// A file's size: `46 KB` under a tenth of a megabyte (`512 B` under a kilobyte), else as
/// [`megabytes`].
pub fn file_size(bytes: u64) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else if bytes < 100_000 {
        format!("{} KB", (bytes + 500) / 1000)
    } else {
        megabytes(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use automl_rules::json;

    fn node(text: &str) -> Node {
        json::parse(text).unwrap()
    }

    #[test]
    fn channels_come_training_first_from_v1_or_v2() {
        let v1 = node(
            r#"{"InputDataConfig": [{"ChannelType": "validation"}, {}, "junk", {"ChannelType": "training"}]}"#,
        );
        let got: Vec<(usize, usize, bool)> = channels(&v1)
            .iter()
            .map(|c| (c.slot, c.index, c.validation))
            .collect();
        assert_eq!(got, vec![(0, 1, false), (1, 3, false), (2, 0, true)]);
        assert_eq!(channels(&v1)[2].label(), "Validation data (channel 1)");
        let v2 = node(r#"{"AutoMLJobInputDataConfig": [{}, {"ChannelType": "validation"}]}"#);
        assert!(is_v2(&v2));
        assert_eq!(channels(&v2)[1].pointer, "/AutoMLJobInputDataConfig/1");
        assert!(channels(&node("{}")).is_empty());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_v2_request_is_told_to_the_worker_as_v2_and_its_findings_are_at_its_members() {
        let v2 = node(
            r#"{"AutoMLJobName": "x", "AutoMLJobInputDataConfig": [{"ChannelType": "training", "CompressionType": "Gzip"}],
                "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y", "ProblemType": "Regression"}},
                "AutoMLJobObjective": {"MetricName": "MSE"}}"#,
        );
        let text = request_text(&v2);
        assert!(!text.contains("AutoMLJobName"), "{text}");
        let plan = automl_preflight::Plan::from_text(&text).unwrap();
        assert_eq!(plan.channels[0].target.as_deref(), Some("y"));
        assert!(plan.channels[0].gzip);
        assert_eq!(plan.problem_type.as_deref(), Some("Regression"));
        assert_eq!(plan.metric.as_deref(), Some("MSE"));
        assert_eq!(
            plan.channels[0].pointer("TargetAttributeName"),
            "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName"
        );
        assert_eq!(
            plan.channels[0].data_pointer(),
            "/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri"
        );
    }

    #[test]
    fn a_v1_request_is_told_by_what_the_preflight_reads() {
        let a = node(
            r#"{"AutoMLJobName": "a", "InputDataConfig": [{"TargetAttributeName": "y"}], "ProblemType": "Regression"}"#,
        );
        let b = node(
            r#"{"AutoMLJobName": "b", "ProblemType": "Regression", "InputDataConfig": [{"TargetAttributeName": "y"}]}"#,
        );
        assert_eq!(request_text(&a), request_text(&b));
        assert_eq!(
            request_text(&a),
            r#"{"InputDataConfig":[{"TargetAttributeName":"y"}],"ProblemType":"Regression"}"#
        );
        assert_eq!(request_text(&node("{}")), "{}");
    }

    #[test]
    fn findings_keep_their_place_in_the_file() {
        let report = ReportView {
            valid: false,
            findings: vec![FindingView {
                error: false,
                code: "field-count".into(),
                path: "/InputDataConfig/0/DataSource/S3DataSource/S3Uri".into(),
                related: vec![],
                message: "1 row has another number of fields".into(),
                slot: Some(0),
                file: Some("train.csv".into()),
                line: Some(13),
                offset: None,
            }],
            channels: vec![],
        };
        let d = &to_diagnostics(&report, false)[0];
        assert_eq!(
            d.message,
            "1 row has another number of fields (train.csv, line 13)"
        );
        assert_eq!((d.code, d.severity), ("field-count", Severity::Warning));
        assert!(std::ptr::eq(intern("field-count"), d.code));
    }

    fn finding(slot: usize, path: &str, error: bool) -> FindingView {
        FindingView {
            error,
            code: "x".into(),
            path: path.into(),
            related: vec![],
            message: "m".into(),
            slot: Some(slot),
            file: None,
            line: None,
            offset: None,
        }
    }

    fn channel_view(slot: usize, file: &str, channel_type: &str) -> ChannelView {
        ChannelView {
            slot,
            file: file.into(),
            channel: slot,
            channel_type: channel_type.into(),
            format: Some("CSV".into()),
            gzip: false,
            bytes: 1,
            rows: Some(1),
            columns: vec![],
            more_columns: 0,
            target: None,
            not_checked: None,
        }
    }

    #[test]
    fn a_file_follows_its_channel_when_another_is_removed_moved_or_edited() {
        let two = node(
            r#"{"InputDataConfig": [{"ChannelType": "training", "S3": "t"}, {"ChannelType": "validation", "S3": "v"}]}"#,
        );
        let old = channel_keys(&two);
        // The training channel removed: the validation channel (slot 1) is slot 0 now.
        let valid_only = node(r#"{"InputDataConfig": [{"ChannelType": "validation", "S3": "v"}]}"#);
        assert_eq!(
            follow(&old, &channel_keys(&valid_only)),
            vec![None, Some(0)]
        );
        // The validation channel removed, then put back (Undo).
        let train_only = node(r#"{"InputDataConfig": [{"ChannelType": "training", "S3": "t"}]}"#);
        assert_eq!(
            follow(&old, &channel_keys(&train_only)),
            vec![Some(0), None]
        );
        assert_eq!(follow(&channel_keys(&train_only), &old), vec![Some(0)]);
        // Moved: each keeps its file.
        let a = node(r#"{"InputDataConfig": [{"S3": "a"}, {"S3": "b"}]}"#);
        let b = node(r#"{"InputDataConfig": [{"S3": "b"}, {"S3": "a"}]}"#);
        assert_eq!(
            follow(&channel_keys(&a), &channel_keys(&b)),
            vec![Some(1), Some(0)]
        );
        // Edited in place (its S3Uri typed, its type changed): the same channel.
        let edited = node(
            r#"{"InputDataConfig": [{"ChannelType": "validation", "S3": "t2"}, {"ChannelType": "validation", "S3": "v"}]}"#,
        );
        let map = follow(&old, &channel_keys(&edited));
        assert_eq!(map, vec![Some(0), Some(1)]);
    }

    #[test]
    fn a_report_follows_its_channels_and_loses_those_removed() {
        let two = node(
            r#"{"InputDataConfig": [{"ChannelType": "training", "S3": "t"}, {"ChannelType": "validation", "S3": "v"}]}"#,
        );
        let valid_only = node(r#"{"InputDataConfig": [{"ChannelType": "validation", "S3": "v"}]}"#);
        let (old, new) = (channel_keys(&two), channel_keys(&valid_only));
        let mut report = ReportView {
            valid: false,
            findings: vec![
                finding(0, "/InputDataConfig/0/DataSource", true),
                finding(1, "/InputDataConfig/1/DataSource/S3DataSource/S3Uri", false),
                finding(1, "/InputDataConfig/10", false),
            ],
            channels: vec![
                channel_view(0, "train.csv", "training"),
                channel_view(1, "valid.csv", "validation"),
            ],
        };
        follow_report(&mut report, &follow(&old, &new), &old, &new, false);
        assert_eq!(report.channels.len(), 1);
        assert_eq!(
            (report.channels[0].slot, report.channels[0].file.as_str()),
            (0, "valid.csv")
        );
        let paths: Vec<&str> = report.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "/InputDataConfig/0/DataSource/S3DataSource/S3Uri",
                "/InputDataConfig/10"
            ]
        );
        assert!(report.valid, "the error went with its channel");
    }

    #[test]
    fn a_request_converted_between_v1_and_v2_keeps_its_findings_at_their_fields() {
        let v1 = node(
            r#"{"InputDataConfig": [{"ChannelType": "training", "TargetAttributeName": "churned"}, {"ChannelType": "validation", "TargetAttributeName": "churned"}], "ProblemType": "BinaryClassification"}"#,
        );
        let v2 = node(
            r#"{"AutoMLJobInputDataConfig": [{"ChannelType": "training"}, {"ChannelType": "validation"}],
                "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "churned", "ProblemType": "BinaryClassification"}}}"#,
        );
        let (k1, k2) = (channel_keys(&v1), channel_keys(&v2));
        let report = ReportView {
            valid: false,
            findings: vec![
                finding(0, "/InputDataConfig/0/TargetAttributeName", true),
                finding(1, "/InputDataConfig/1/TargetAttributeName", true),
                finding(1, "/InputDataConfig/1/DataSource/S3DataSource/S3Uri", false),
                FindingView {
                    related: vec!["/InputDataConfig/0/TargetAttributeName".into()],
                    ..finding(0, "/ProblemType", false)
                },
                FindingView {
                    slot: None,
                    ..finding(0, "/AutoMLJobObjective/MetricName", false)
                },
            ],
            channels: vec![
                channel_view(0, "train.csv", "training"),
                channel_view(1, "valid.csv", "validation"),
            ],
        };
        let paths =
            |r: &ReportView| -> Vec<String> { r.findings.iter().map(|f| f.path.clone()).collect() };
        // V1 -> V2: the target is TabularJobConfig's, for both files.
        let mut to_v2 = report.clone();
        follow_report(&mut to_v2, &follow(&k1, &k2), &k1, &k2, true);
        assert_eq!(
            paths(&to_v2),
            vec![
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName",
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName",
                "/AutoMLJobInputDataConfig/1/DataSource/S3DataSource/S3Uri",
                "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType",
                "/AutoMLJobObjective/MetricName",
            ]
        );
        assert_eq!(
            to_v2.findings[3].related,
            vec!["/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName".to_string()]
        );
        // And back: each file's target at its own channel again.
        let mut back = to_v2.clone();
        follow_report(&mut back, &follow(&k2, &k1), &k2, &k1, false);
        assert_eq!(paths(&back), paths(&report));
        // V2 to V2 with a channel moved: TabularJobConfig stays where it is.
        assert_eq!(
            repoint(
                "/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName",
                "/AutoMLJobInputDataConfig/1",
                "/AutoMLJobInputDataConfig/0"
            ),
            "/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName"
        );
        assert_eq!(
            repoint(
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeNames",
                "/AutoMLJobInputDataConfig/1",
                "/InputDataConfig/1"
            ),
            "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeNames"
        );
    }

    #[test]
    fn a_data_file_is_told_by_its_name_or_type_and_never_read_as_a_request() {
        for (name, mime) in [
            ("train.csv", ""),
            ("TRAIN.CSV", ""),
            ("train.csv.gz", ""),
            ("part-0.parquet", ""),
            ("data", "text/csv"),
        ] {
            assert!(is_data_file(name, mime), "{name} {mime}");
        }
        for (name, mime) in [
            ("request.json", "application/json"),
            ("create.sh", "text/x-sh"),
            ("notebook.ipynb", ""),
            ("csv.txt", "text/plain"),
        ] {
            assert!(!is_data_file(name, mime), "{name} {mime}");
        }
        assert_eq!(
            dropped_elsewhere("train.csv", false),
            "train.csv is a data file, not a request, so it was not imported: drop it on the box of the channel it is for under Check my data, or choose it there."
        );
        assert!(dropped_elsewhere("train.csv", true).contains("add a training channel"));
    }

    #[test]
    fn progress_is_worded_in_whole_tenths() {
        assert_eq!(progress_line(0, 200_000_000, 0), "0.0 MB of 200.0 MB");
        assert_eq!(
            progress_line(50_000_000, 200_000_000, 500),
            "50.0 MB of 200.0 MB · 100.0 MB/s · 2 s left"
        );
        assert_eq!(
            progress_line(5, 5, 1000),
            "0.0 MB of 0.0 MB · 0.0 MB/s · 0 s left"
        );
        assert_eq!(percent(per_mille(1, 3)), "33.3 %");
        // Shares are rounded, not cut.
        assert_eq!(share(452, 3000), "15.1 %");
        assert_eq!(share(1016, 1200), "84.7 %");
        assert_eq!(share(400, 600), "66.7 %");
        assert_eq!(share(1, 3), "33.3 %");
        assert_eq!(share(1, 2000), "0.1 %");
        assert_eq!(share(5, 0), "0.0 %");
        assert_eq!(share(u64::MAX, u64::MAX), "100.0 %");
        // A small file in KB, not 0.0 MB.
        assert_eq!(file_size(46_400), "46 KB");
        assert_eq!(file_size(46_500), "47 KB");
        assert_eq!(file_size(999), "999 B");
        assert_eq!(file_size(99_999), "100 KB");
        assert_eq!(file_size(100_000), "0.1 MB");
        assert_eq!(per_mille(5, 0), 0);
        assert_eq!(per_mille(u64::MAX, u64::MAX), 1000);
    }
}
