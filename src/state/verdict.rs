//! The verdict on the request, as the Check panel and the phone's status bar word it.

use super::findings::{plural, Findings};

/// What the findings add up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No errors (warnings allowed): the service would accept it.
    Ready,
    /// Only required members are missing (what a new form has): not written yet, rather
    /// than rejected. It says so whether or not fields were touched, so leaving a field does
    /// not change the panel's wording (and shift what is below it under the pointer) until a
    /// real mistake appears.
    Incomplete(usize),
    /// This many errors the service (or the AWS CLI) would refuse.
    Rejected(usize),
}

impl Verdict {
    /// The verdict on `findings`.
    pub fn of(findings: &Findings) -> Self {
        match findings.errors {
            0 => Verdict::Ready,
            e if findings.only_missing_members() => Verdict::Incomplete(e),
            e => Verdict::Rejected(e),
        }
    }

    /// The Check panel's class and line.
    pub fn summary(self, findings: &Findings) -> (&'static str, String) {
        match self {
            Verdict::Ready => ("verdict ok", findings.status_line()),
            Verdict::Incomplete(n) => (
                "verdict todo",
                format!("Incomplete: {} to fill in.", plural(n, "required member")),
            ),
            Verdict::Rejected(_) => ("verdict bad", findings.status_line()),
        }
    }

    /// The phone's status bar: its class and its few words.
    pub fn mobile(self) -> (&'static str, String) {
        match self {
            Verdict::Ready => ("mobile-status ok", "Ready to send".to_string()),
            Verdict::Incomplete(n) => (
                "mobile-status todo",
                format!("To fill in: {}", plural(n, "required member")),
            ),
            Verdict::Rejected(n) => (
                "mobile-status bad",
                format!("Would be rejected: {}", plural(n, "error")),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::layout::CREATE_AUTO_ML_JOB;
    use automl_rules::json;

    fn verdict(text: &str) -> (Verdict, Findings) {
        let f = Findings::check(&json::parse(text).unwrap(), None, &CREATE_AUTO_ML_JOB);
        (Verdict::of(&f), f)
    }

    #[test]
    fn a_new_request_is_incomplete_and_a_mistake_is_rejected() {
        let (v, f) = verdict("{}");
        assert_eq!(v, Verdict::Incomplete(f.errors));
        assert_eq!(
            v.summary(&f).1,
            format!("Incomplete: {} required members to fill in.", f.errors)
        );
        assert_eq!(v.mobile().0, "mobile-status todo");
        let (v, f) = verdict(r#"{"AutoMLJobName":"bad_name"}"#);
        assert_eq!(v, Verdict::Rejected(f.errors));
        assert_eq!(v.summary(&f), ("verdict bad", f.status_line()));
        assert_eq!(
            v.mobile().1,
            format!("Would be rejected: {} errors", f.errors)
        );
        let (v, f) = verdict(crate::state::EXAMPLE);
        assert_eq!(v, Verdict::Ready);
        assert!(v.summary(&f).1.starts_with("Ready to send"));
        assert_eq!(
            v.mobile(),
            ("mobile-status ok", "Ready to send".to_string())
        );
    }
}
