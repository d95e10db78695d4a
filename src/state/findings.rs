//! The rules' diagnostics as the form uses them: indexed by the field they belong to, with
//! exact counts, and the "does not shout" policy — a field shows its findings only once it
//! has been touched, imported or checked.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use automl_rules::diag::{self, Diagnostic, Severity};
use automl_rules::json::Node;

use super::draft;
use super::layout::Layout;

/// Every finding about the current request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    pub list: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    /// How many of the errors are holes of an import (values computed when the program
    /// runs, to fill in).
    pub holes: usize,
    /// How many of the errors are about the data files ("Check my data"), not the request.
    pub data_errors: usize,
    by_path: HashMap<String, Vec<usize>>,
    /// The id of the section of `layout` each finding of `list` is in ("" for none).
    sections: Vec<&'static str>,
}

impl Findings {
    /// Checks a request with the shared rules, ordered as `layout` shows the fields. While
    /// the job name is still `described_name` (the job a `describe-auto-ml-job` output was
    /// imported from), a warning says the new job needs a name of its own.
    pub fn check(request: &Node, described_name: Option<&str>, layout: &Layout) -> Self {
        let mut list = automl_rules::check_node_for(layout.api.operation(), request);
        let name = request.get("AutoMLJobName").and_then(Node::as_str);
        if described_name.is_some() && name == described_name {
            list.push(old_job_name());
        }
        Findings::from_list(list, layout)
    }

    /// [`Findings::check`] of an imported request with the import's `holes`: each hole
    /// stands while its member still holds what the import left there (its `{expression}`
    /// marker, or nothing), and the checker says nothing about a standing hole's stand-in.
    pub fn check_with_holes(
        request: &Node,
        described_name: Option<&str>,
        holes: &[Diagnostic],
        layout: &Layout,
    ) -> Self {
        if holes.is_empty() {
            return Findings::check(request, described_name, layout);
        }
        let standing: Vec<Diagnostic> = holes
            .iter()
            .filter(|h| stands(request, h))
            .cloned()
            .collect();
        let mut list = automl_rules::import::with_import_findings(
            &standing,
            automl_rules::check_node_for(layout.api.operation(), request),
        );
        let name = request.get("AutoMLJobName").and_then(Node::as_str);
        if described_name.is_some() && name == described_name {
            list.push(old_job_name());
        }
        let mut findings = Findings::from_list(list, layout);
        findings.holes = standing.len();
        findings
    }

    /// These findings with the data preflight's (`data`, from "Check my data") among
    /// them, ordered as the form shows their fields; the holes are still counted.
    pub fn with_data(self, data: &[Diagnostic], layout: &Layout) -> Self {
        if data.is_empty() {
            return self;
        }
        let holes = self.holes;
        let mut list = self.list;
        list.extend(data.iter().cloned());
        let mut findings = Findings::from_list(list, layout);
        findings.holes = holes;
        findings.data_errors = data.iter().filter(|d| d.is_error()).count();
        findings
    }

    /// Indexes `list`, ordered as the fields appear on the page (the rules report in the
    /// request's order, which is not the form's).
    pub fn from_list(found: Vec<Diagnostic>, layout: &Layout) -> Self {
        let keys: Vec<FormOrder> = found.iter().map(|d| layout.form_order(&d.path)).collect();
        let mut found: Vec<Option<Diagnostic>> = found.into_iter().map(Some).collect();
        let list: Vec<Diagnostic> = stable_order(&keys)
            .into_iter()
            .filter_map(|i| found[i].take())
            .collect();
        let (errors, warnings) = diag::counts(&list);
        let mut by_path: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in list.iter().enumerate() {
            by_path.entry(d.path.clone()).or_default().push(i);
        }
        let sections = list
            .iter()
            .map(|d| layout.section_of(&d.path).map_or("", |s| s.id))
            .collect();
        Findings {
            list,
            errors,
            warnings,
            holes: 0,
            data_errors: 0,
            by_path,
            sections,
        }
    }

    /// The findings whose path is exactly `pointer`.
    pub fn at(&self, pointer: &str) -> Vec<Diagnostic> {
        self.at_ids(self.by_path.get(pointer).map_or(&[], Vec::as_slice))
    }

    /// The findings at these indexes in [`Findings::list`] (of [`Findings::placed`]).
    pub fn at_ids(&self, ids: &[usize]) -> Vec<Diagnostic> {
        ids.iter().map(|&i| self.list[i].clone()).collect()
    }

    /// The whole error text the service would answer, when it would reject the request.
    pub fn service_response(&self) -> Option<String> {
        diag::service_response(&self.list)
    }

    /// What the AWS CLI prints when it refuses to send the request.
    pub fn cli_response(&self) -> Option<String> {
        diag::cli_response(&self.list)
    }

    /// The errors and warnings `reveal` shows in the section `id` (for the badge on its
    /// heading).
    pub fn section_count(&self, reveal: &Reveal, id: &str) -> (usize, usize) {
        let mut count = (0, 0);
        for (d, _) in self
            .list
            .iter()
            .zip(&self.sections)
            .filter(|(d, section)| **section == id && reveal.shows(&d.path))
        {
            if d.is_error() {
                count.0 += 1;
            } else {
                count.1 += 1;
            }
        }
        count
    }

    /// The findings each field shows, by the field's pointer (a key of `fields`, the fields
    /// on the page): a finding at its own field once that is revealed; at the fields of the
    /// other members it is about (a metric and the problem type) once either is, as a change
    /// to any may resolve it. Each goes to its place's [`home`]. The findings are indexes in
    /// [`Findings::list`] (see [`Findings::at_ids`]): the map is then of the one type the
    /// findings are indexed by, one copy of the hash table's code in the wasm.
    pub fn placed<V>(
        &self,
        reveal: &Reveal,
        fields: &BTreeMap<String, V>,
        layout: &Layout,
    ) -> HashMap<String, Vec<usize>> {
        let mut by_home: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in self.list.iter().enumerate() {
            let own = reveal.shows(&d.path);
            let places = std::iter::once(&d.path)
                .filter(|_| own)
                .chain(d.related.iter().filter(|p| own || reveal.shows(p)));
            for place in places {
                let Some(h) = home(place, fields, layout) else {
                    continue;
                };
                // Once per place (places that share a home come in turn).
                let shown = by_home.entry(h).or_default();
                if shown.last().is_none_or(|&j| self.list[j] != *d) {
                    shown.push(i);
                }
            }
        }
        by_home
    }
}

/// Where a pointer is in the form ([`Layout::form_order`]).
type FormOrder = (usize, usize, Vec<usize>);

/// The indexes of `keys` in the order of their keys, equal keys in the order they come: a
/// bottom-up merge sort (O(n log n): an imported list of thousands of bad items brings
/// thousands of findings). Written here because the standard library's sort is about 5 KB of
/// the page's wasm (the size gate keeps it out), and the B-tree map this used before was a
/// copy of alloc's B-tree code for its key type alone (this: 575 B less gzip).
fn stable_order(keys: &[FormOrder]) -> Vec<usize> {
    let n = keys.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                // The left run's head unless the right one's is strictly before it: stable.
                if right < end && (left == mid || keys[order[right]] < keys[order[left]]) {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Where a finding at `path` is shown: at its own field or group (a key of `fields`); else
/// (a required structure with no control of its own, such as `OutputDataConfig`) at the
/// first field inside it, in page order; else at the nearest enclosing one. `None` for the
/// request as a whole (the summary lists those).
pub fn home<V>(path: &str, fields: &BTreeMap<String, V>, layout: &Layout) -> Option<String> {
    if fields.contains_key(path) {
        return Some(path.to_string());
    }
    // Only the fields below `path`, found in the ordered map: a finding about an item the
    // list does not draw costs no walk over every field.
    let below = format!("{path}/");
    if let Some(first) = fields
        .range(below.clone()..)
        .map(|(k, _)| k)
        .take_while(|k| k.starts_with(&below))
        .min_by_key(|k| layout.form_order(k))
    {
        return Some(first.clone());
    }
    let mut at = path;
    while !at.is_empty() {
        at = draft::parent(at);
        if !at.is_empty() && fields.contains_key(at) {
            return Some(at.to_string());
        }
    }
    None
}

/// Whether the hole `hole` still stands in `request`: its member holds the import's marker
/// (`s3://{bucket}/out`), or is still left out or empty (a number's or a structure's hole).
fn stands(request: &Node, hole: &Diagnostic) -> bool {
    let marker = hole.message.split(": fill in").next().unwrap_or("");
    match request.pointer(&hole.path).map(|n| &n.value) {
        None => true,
        Some(automl_rules::json::Value::String(s)) => !marker.is_empty() && s.contains(marker),
        Some(automl_rules::json::Value::Object(members)) => members.is_empty(),
        Some(_) => false,
    }
}

/// The warning on a job name kept from `describe-auto-ml-job` output (see
/// [`Findings::check`]): job names are unique in an account and Region, and the
/// described job holds it for good.
pub fn old_job_name() -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code: "described-job-name",
        path: "/AutoMLJobName".to_string(),
        message: "AutoMLJobName is still the name of the job this request was imported from: names are unique in your account and Region, so the service would refuse it there; give the new job a name of its own".to_string(),
        service_message: None,
        cli_message: None,
        span: None,
        service_clause: None,
        related: Vec::new(),
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
    use crate::state::layout::CREATE_AUTO_ML_JOB;
    use automl_rules::json;

    fn findings(text: &str) -> Findings {
        Findings::check(&json::parse(text).unwrap(), None, &CREATE_AUTO_ML_JOB)
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
        assert!(f.service_response().unwrap().contains("validation error"));
    }

    #[test]
    fn a_valid_request_is_ready_to_send() {
        let f = findings(
            r#"{"AutoMLJobName":"job-1","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/in"}},"TargetAttributeName":"y"}],"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out"},"RoleArn":"arn:aws:iam::123456789012:role/r"}"#,
        );
        assert_eq!(f.errors, 0, "{:#?}", f.list);
        assert!(f.service_response().is_none());
    }

    /// The "start from an example" request is one the service accepts. Its only warnings are
    /// about its bucket, `amzn-s3-demo-bucket`, the placeholder of AWS's own examples: the
    /// one thing every job must change.
    #[test]
    fn the_example_request_is_valid() {
        let f = findings(crate::state::EXAMPLE);
        assert_eq!((f.errors, f.warnings), (0, 2), "{:#?}", f.list);
        assert!(
            f.list.iter().all(
                |d| d.code == "s3-bucket-name" && d.message.contains("\"amzn-s3-demo-bucket\"")
            ),
            "{:#?}",
            f.list
        );
    }

    /// An import's holes are findings at their fields until a value is typed there; the
    /// summary counts them as values to fill in.
    #[test]
    fn holes_stand_until_their_fields_are_filled() {
        let text = "bucket = sagemaker.Session().default_bucket()\nsm.create_auto_ml_job(AutoMLJobName='j', OutputDataConfig={'S3OutputPath': f's3://{bucket}/out'}, RoleArn=get_execution_role(), AutoMLJobConfig={'CompletionCriteria': {'MaxCandidates': n}})";
        let imported =
            automl_rules::import::import_full(&automl_rules::CREATE_AUTO_ML_JOB, text).unwrap();
        let holes = &imported.diagnostics;
        let f = Findings::check_with_holes(&imported.request, None, holes, &CREATE_AUTO_ML_JOB);
        assert_eq!(f.holes, 3, "{:#?}", f.list);
        assert_eq!(
            f.at("/OutputDataConfig/S3OutputPath")[0].code,
            "runtime-value"
        );
        assert_eq!(
            crate::state::verdict::Verdict::of(&f).line(),
            "Incomplete: 3 values to fill in: computed when the program runs. The service would also reject this: 1 error."
        );
        let filled = json::parse(
            r#"{"AutoMLJobName":"j","OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out"},"RoleArn":"{get_execution_role()}","AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":5}}}"#,
        )
        .unwrap();
        let f = Findings::check_with_holes(&filled, None, holes, &CREATE_AUTO_ML_JOB);
        assert_eq!(f.holes, 1, "{:#?}", f.list);
        assert_eq!(f.at("/RoleArn")[0].code, "runtime-value");
        assert!(f.at("/OutputDataConfig/S3OutputPath").is_empty());
    }

    #[test]
    fn the_merge_sort_is_stable_and_orders_every_length() {
        for n in 0..40_usize {
            // Few distinct keys, so equal keys come often, and in no particular order.
            let keys: Vec<FormOrder> = (0..n).map(|i| (i * 7 % 5, 0, vec![i % 3])).collect();
            let order = stable_order(&keys);
            let mut seen = vec![false; n];
            order.iter().for_each(|&i| seen[i] = true);
            assert!(
                order.len() == n && seen.iter().all(|&s| s),
                "{n}: {order:?}"
            );
            for w in order.windows(2) {
                let (a, b) = (&keys[w[0]], &keys[w[1]]);
                assert!(a < b || (a == b && w[0] < w[1]), "{n}: {order:?}");
            }
        }
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

    #[test]
    fn a_name_kept_from_a_described_job_is_a_warning_until_it_changes() {
        let request = json::parse(r#"{"AutoMLJobName":"old-job"}"#).unwrap();
        let plain = Findings::check(&request, None, &CREATE_AUTO_ML_JOB);
        let kept = Findings::check(&request, Some("old-job"), &CREATE_AUTO_ML_JOB);
        assert_eq!(kept.warnings, plain.warnings + 1);
        assert_eq!(kept.at("/AutoMLJobName")[0].code, "described-job-name");
        let renamed = Findings::check(&request, Some("other"), &CREATE_AUTO_ML_JOB);
        assert_eq!(renamed, plain);
    }

    #[test]
    fn findings_go_to_their_field_or_the_first_inside_and_count_per_section() {
        let f = findings(r#"{"AutoMLJobName":"bad_name"}"#);
        let fields: BTreeMap<String, ()> = [
            "/AutoMLJobName",
            "/RoleArn",
            "/OutputDataConfig/KmsKeyId",
            "/OutputDataConfig/S3OutputPath",
        ]
        .into_iter()
        .map(|p| (p.to_string(), ()))
        .collect();
        let layout = &CREATE_AUTO_ML_JOB;
        assert_eq!(
            home("/OutputDataConfig", &fields, layout).as_deref(),
            Some("/OutputDataConfig/S3OutputPath"),
            "a structure with no control of its own shows at its first field on the page"
        );
        assert_eq!(
            home("/RoleArn/x", &fields, layout).as_deref(),
            Some("/RoleArn")
        );
        assert_eq!(
            home("/Tags/0/Key", &fields, layout),
            None,
            "nowhere on the page"
        );
        let mut reveal = Reveal::default();
        assert!(f.placed(&reveal, &fields, layout).is_empty());
        assert_eq!(f.section_count(&reveal, "name"), (0, 0));
        reveal.touched.insert("/AutoMLJobName".into());
        let placed = f.placed(&reveal, &fields, layout);
        assert_eq!(placed.len(), 1);
        assert_eq!(f.list[placed["/AutoMLJobName"][0]].code, "pattern");
        assert_eq!(f.section_count(&reveal, "name"), (1, 0));
        assert_eq!(f.section_count(&reveal, "data"), (0, 0));
        reveal.all = true;
        assert_eq!(
            f.section_count(&reveal, "name"),
            (2, 0),
            "the name's pattern and the role"
        );
        assert!(
            f.placed(&reveal, &fields, layout)["/OutputDataConfig/S3OutputPath"]
                .iter()
                .any(|&i| f.list[i].code == "required")
        );
    }
}
