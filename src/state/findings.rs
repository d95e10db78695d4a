//! The rules' diagnostics as the form uses them: indexed by the field they belong to, with
//! exact counts, and the "does not shout" policy — a field shows its findings only once it
//! has been touched, imported or checked.

use std::collections::{BTreeSet, HashMap};

use automl_rules::diag::{self, Diagnostic};
use automl_rules::json::Node;

/// Every finding about the current request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    pub list: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    by_path: HashMap<String, Vec<usize>>,
}

impl Findings {
    /// Checks a request with the shared rules.
    pub fn check(request: &Node) -> Self {
        Findings::from_list(automl_rules::check_node(request))
    }

    /// Indexes `list`, ordered as the fields appear on the page (the rules report in the
    /// request's order, which is not the form's).
    pub fn from_list(found: Vec<Diagnostic>) -> Self {
        // A stable insertion by binary search: the lists are short, and the page need not
        // carry a general sort (about 5 KB of wasm).
        let mut keys = Vec::with_capacity(found.len());
        let mut list = Vec::with_capacity(found.len());
        for d in found {
            let key = crate::layout::form_order(&d.path);
            let at = keys.partition_point(|k| *k <= key);
            keys.insert(at, key);
            list.insert(at, d);
        }
        let (errors, warnings) = diag::counts(&list);
        let mut by_path: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in list.iter().enumerate() {
            by_path.entry(d.path.clone()).or_default().push(i);
        }
        Findings {
            list,
            errors,
            warnings,
            by_path,
        }
    }

    /// Whether every finding is a required member left out (what a new form has).
    pub fn only_missing_members(&self) -> bool {
        self.list.iter().all(|d| d.code == "required")
    }

    /// The paths that have findings.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_path.keys().map(String::as_str)
    }

    /// The findings whose path is exactly `pointer`.
    pub fn at(&self, pointer: &str) -> Vec<Diagnostic> {
        self.by_path
            .get(pointer)
            .map(|ids| ids.iter().map(|&i| self.list[i].clone()).collect())
            .unwrap_or_default()
    }

    /// The whole error text the service would answer, when it would reject the request.
    pub fn service_response(&self) -> Option<String> {
        diag::service_response(&self.list)
    }

    /// What the AWS CLI prints when it refuses to send the request.
    pub fn cli_response(&self) -> Option<String> {
        diag::cli_response(&self.list)
    }

    /// "ready to send" or what stands in the way, counted exactly.
    pub fn status_line(&self) -> String {
        match (self.errors, self.warnings) {
            (0, 0) => "Ready to send: the service would accept this request.".to_string(),
            (0, w) => format!(
                "Ready to send: the service would accept this request ({}).",
                plural(w, "warning")
            ),
            (e, 0) => format!("The service would reject this: {}.", plural(e, "error")),
            (e, w) => format!(
                "The service would reject this: {} and {}.",
                plural(e, "error"),
                plural(w, "warning")
            ),
        }
    }
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Which fields show their findings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reveal {
    /// Pointers of the fields a person has edited or left.
    pub touched: BTreeSet<String>,
    /// After "check all" or an import: everything shows.
    pub all: bool,
}

impl Reveal {
    /// Whether a finding at `path` is shown at its field: everything after "check all" or an
    /// import, else findings at a touched field or at a group that holds one.
    pub fn shows(&self, path: &str) -> bool {
        let below = format!("{path}/");
        self.all
            || self.touched.contains(path)
            || self
                .touched
                .range(below.clone()..)
                .next()
                .is_some_and(|t| t.starts_with(&below))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use automl_rules::json;

    fn findings(text: &str) -> Findings {
        Findings::check(&json::parse(text).unwrap())
    }

    #[test]
    fn findings_are_indexed_by_field_and_counted() {
        let f = findings(r#"{"AutoMLJobName":"bad_name"}"#);
        assert!(f.errors >= 4, "{:#?}", f.list); // name pattern + 3 required members
        assert_eq!(f.errors + f.warnings, f.list.len());
        let at_name = f.at("/AutoMLJobName");
        assert_eq!(at_name.len(), 1);
        assert_eq!(at_name[0].code, "pattern");
        assert!(f.at("/RoleArn").iter().any(|d| d.code == "required"));
        assert!(f
            .status_line()
            .starts_with("The service would reject this: "));
        assert!(f.service_response().unwrap().contains("validation error"));
    }

    #[test]
    fn a_valid_request_is_ready_to_send() {
        let f = findings(
            r#"{"AutoMLJobName":"job-1","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/in"}},"TargetAttributeName":"y"}],"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out"},"RoleArn":"arn:aws:iam::123456789012:role/r"}"#,
        );
        assert_eq!(f.errors, 0, "{:#?}", f.list);
        assert!(f.status_line().starts_with("Ready to send"));
        assert!(f.service_response().is_none());
    }

    /// The "start from an example" request is one the service accepts. Its only warnings are
    /// about its bucket, `amzn-s3-demo-bucket`, the placeholder of AWS's own examples: the
    /// one thing every job must change.
    #[test]
    fn the_example_request_is_valid() {
        let f = findings(crate::app::EXAMPLE);
        assert_eq!((f.errors, f.warnings), (0, 2), "{:#?}", f.list);
        assert!(
            f.list.iter().all(
                |d| d.code == "s3-bucket-name" && d.message.contains("\"amzn-s3-demo-bucket\"")
            ),
            "{:#?}",
            f.list
        );
    }

    #[test]
    fn pristine_fields_do_not_shout() {
        let mut r = Reveal::default();
        assert!(!r.shows("/AutoMLJobName"));
        r.touched
            .insert("/InputDataConfig/0/TargetAttributeName".into());
        assert!(r.shows("/InputDataConfig/0/TargetAttributeName"));
        assert!(
            r.shows("/InputDataConfig/0"),
            "a group shows when a field in it was touched"
        );
        assert!(r.shows("/InputDataConfig"));
        assert!(!r.shows("/InputDataConfig/1"));
        assert!(!r.shows("/InputDataConfig/0/Target"));
        assert!(!r.shows("/AutoMLJobName"));
        r.all = true;
        assert!(r.shows("/AutoMLJobName"));
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(3, "warning"), "3 warnings");
    }
}
