//! The "Check my data" panel's decisions, in plain Rust: which channels the draft has (V1's
//! `InputDataConfig` or V2's `AutoMLJobInputDataConfig`), the request text the preflight
//! worker reads (the preflight's own choice of members, V1's or V2's), the worker's
//! findings as the form's diagnostics (at the channel's fields, with their place in the file),
//! and the progress line (bytes, MB/s, time left) in integer arithmetic (the page links no
//! float formatting).

use std::cell::RefCell;

use automl_preflight_worker::{FindingView, ReportView};
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
        assert_eq!(per_mille(5, 0), 0);
        assert_eq!(per_mille(u64::MAX, u64::MAX), 1000);
    }
}
