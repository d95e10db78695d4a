//! The verdict on the request: one function decides it ([`Verdict::of`]), and every place
//! that states it — the Check panel, the toolbar's line after "Check all", the phone's
//! status bar, the export panel and its Copy and Download messages — words it from here,
//! so no two places can disagree.

use super::findings::{plural, Findings};

/// What the findings add up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No errors (warnings allowed): the service would accept it.
    Ready { warnings: usize },
    /// Every error is a required member left out (what a new form has): not written yet,
    /// rather than rejected. It says so whether or not fields were touched, so leaving a
    /// field does not change the panel's wording until a real mistake appears.
    Incomplete { missing: usize, warnings: usize },
    /// This many errors the service (or the AWS CLI) would refuse, at least one of them
    /// more than a missing member.
    Rejected { errors: usize, warnings: usize },
    /// An imported program's values computed only when it runs (`runtime-value` holes) are
    /// still to be filled in, beside `others` errors of any other kind: not written yet, as
    /// for missing members, so its kind is [`Kind::Incomplete`].
    Holes {
        holes: usize,
        others: usize,
        warnings: usize,
    },
    /// The request is fine but the data files checked ("Check my data") would fail the job
    /// once it starts: its kind is [`Kind::Rejected`], worded as the job failing.
    DataFails { errors: usize, warnings: usize },
}

/// The kind of a verdict, without its counts: what a live region announces, so a screen
/// reader hears a change of verdict once, not a new count at every keystroke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Ready,
    Incomplete,
    Rejected,
}

impl Verdict {
    /// The verdict on `findings`: ready with no errors, incomplete when every error is a
    /// missing required member (warnings do not make a request rejected), else rejected.
    pub fn of(findings: &Findings) -> Self {
        let warnings = findings.warnings;
        if findings.holes > 0 {
            return Verdict::Holes {
                holes: findings.holes,
                others: findings.errors.saturating_sub(findings.holes),
                warnings,
            };
        }
        match findings.errors {
            0 => Verdict::Ready { warnings },
            missing
                if findings
                    .list
                    .iter()
                    .filter(|d| d.is_error())
                    // A `more` finding counts findings of one kind: required or not.
                    .all(|d| automl_rules::diag::counted_code(d) == "required") =>
            {
                Verdict::Incomplete { missing, warnings }
            }
            errors if errors == findings.data_errors => Verdict::DataFails { errors, warnings },
            errors => Verdict::Rejected { errors, warnings },
        }
    }

    /// Its kind.
    pub fn kind(self) -> Kind {
        match self {
            Verdict::Ready { .. } => Kind::Ready,
            Verdict::Incomplete { .. } | Verdict::Holes { .. } => Kind::Incomplete,
            Verdict::Rejected { .. } | Verdict::DataFails { .. } => Kind::Rejected,
        }
    }

    /// The class of the Check panel's banner.
    pub fn class(self) -> &'static str {
        match self.kind() {
            Kind::Ready => "verdict ok",
            Kind::Incomplete => "verdict todo",
            Kind::Rejected => "verdict bad",
        }
    }

    /// The Check panel's whole line: [`Kind::headline`] then [`Verdict::detail`]
    /// ("Incomplete: 5 required members to fill in.").
    pub fn line(self) -> String {
        format!("{} {}", self.headline(), self.detail())
    }

    /// [`Kind::headline`], but the data failing the job is not the service rejecting the
    /// request.
    pub fn headline(self) -> &'static str {
        match self {
            Verdict::DataFails { .. } => "The job would fail:",
            _ => self.kind().headline(),
        }
    }

    /// What follows the headline: the counts, which change while typing.
    pub fn detail(self) -> String {
        let and_warnings = |w: usize| match w {
            0 => String::new(),
            w => format!(" and {}", plural(w, "warning")),
        };
        match self {
            Verdict::Ready { warnings: 0 } => "the service would accept this request.".into(),
            Verdict::Ready { warnings } => format!(
                "the service would accept this request ({}).",
                plural(warnings, "warning")
            ),
            Verdict::Incomplete { missing, warnings } => format!(
                "{} to fill in{}.",
                plural(missing, "required member"),
                match warnings {
                    0 => String::new(),
                    w => format!(" (and {})", plural(w, "warning")),
                }
            ),
            Verdict::Rejected { errors, warnings } => {
                format!("{}{}.", plural(errors, "error"), and_warnings(warnings))
            }
            Verdict::DataFails { errors, warnings } => format!(
                "the service would accept the request, but the data files checked have {}{}.",
                plural(errors, "error"),
                and_warnings(warnings)
            ),
            Verdict::Holes { holes, others, .. } => format!(
                "{} to fill in: computed when the program runs.{}",
                plural(holes, "value"),
                match others {
                    0 => String::new(),
                    e => format!(
                        " The service would also reject this: {}.",
                        plural(e, "error")
                    ),
                }
            ),
        }
    }

    /// The phone's status bar: its class and its few words.
    pub fn mobile(self) -> (&'static str, String) {
        match self {
            Verdict::Ready { .. } => ("mobile-status ok", "Ready to send".to_string()),
            Verdict::Incomplete { missing, .. } => (
                "mobile-status todo",
                format!("Incomplete: {missing} to fill in"),
            ),
            Verdict::Rejected { errors, .. } => (
                "mobile-status bad",
                format!("Would be rejected: {}", plural(errors, "error")),
            ),
            Verdict::Holes { holes, .. } => (
                "mobile-status todo",
                format!("Incomplete: {} to fill in", plural(holes, "value")),
            ),
            Verdict::DataFails { errors, .. } => (
                "mobile-status bad",
                format!("Job would fail: {} in the data", plural(errors, "error")),
            ),
        }
    }

    /// The export panel's one line (plain text under its heading, not a second banner):
    /// the same headline as the Check panel, and where the findings are.
    pub fn export_line(self) -> String {
        match self {
            Verdict::Ready { .. } => "Ready to send.".to_string(),
            Verdict::Incomplete { missing, .. } => format!(
                "Incomplete: {} to fill in, listed under Check.",
                plural(missing, "required member")
            ),
            Verdict::Rejected { errors, .. } => format!(
                "The service would reject this: {}, listed under Check.",
                plural(errors, "error")
            ),
            Verdict::Holes { holes, .. } => format!(
                "Incomplete: {} to fill in (computed when the program runs), listed under Check.",
                plural(holes, "value")
            ),
            Verdict::DataFails { errors, .. } => format!(
                "Ready to send, but the job would fail with the data checked: {}, listed under Check.",
                plural(errors, "error")
            ),
        }
    }

    /// What ends "Copied (JSON body)" and "Downloaded request.json": whether the service
    /// would take what was copied.
    pub fn caveat(self) -> String {
        match self {
            Verdict::Ready { .. } => ".".to_string(),
            Verdict::Incomplete { missing, .. } => format!(
                ": incomplete, {} to fill in.",
                plural(missing, "required member")
            ),
            Verdict::Rejected { errors, .. } => format!(
                ": the service would reject it ({}).",
                plural(errors, "error")
            ),
            Verdict::Holes { holes, .. } => format!(
                ": incomplete, {} to fill in (computed when the program runs).",
                plural(holes, "value")
            ),
            Verdict::DataFails { errors, .. } => format!(
                ", but the job would fail with the data checked ({}).",
                plural(errors, "error")
            ),
        }
    }
}

impl Kind {
    /// The words that name the kind, the start of the Check panel's line and the text of
    /// its live region.
    pub fn headline(self) -> &'static str {
        match self {
            Kind::Ready => "Ready to send:",
            Kind::Incomplete => "Incomplete:",
            Kind::Rejected => "The service would reject this:",
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

    /// Regression: after "Check all" on a new request the toolbar said "The service would
    /// reject this: 5 errors" while the Check panel said "Incomplete: 5 required members to
    /// fill in". Every wording now comes from the one verdict.
    #[test]
    fn a_new_request_is_incomplete_in_every_wording() {
        let (v, f) = verdict(&crate::state::draft::Draft::new().to_compact());
        assert_eq!(
            v,
            Verdict::Incomplete {
                missing: f.errors,
                warnings: 0
            }
        );
        assert_eq!(f.errors, 5, "{:#?}", f.list);
        assert_eq!(v.line(), "Incomplete: 5 required members to fill in.");
        assert_eq!(v.class(), "verdict todo");
        assert_eq!(
            v.mobile(),
            ("mobile-status todo", "Incomplete: 5 to fill in".to_string())
        );
        assert_eq!(
            v.export_line(),
            "Incomplete: 5 required members to fill in, listed under Check."
        );
        assert_eq!(v.caveat(), ": incomplete, 5 required members to fill in.");
        for words in [v.line(), v.mobile().1, v.export_line()] {
            assert!(!words.contains("reject"), "{words}");
        }
    }

    #[test]
    fn data_that_would_fail_the_job_is_not_a_rejected_request() {
        let (_, f) = verdict(EXAMPLE_REQUEST);
        assert_eq!(f.errors, 0, "{:#?}", f.list);
        let data = automl_rules::diag::Diagnostic {
            severity: automl_rules::diag::Severity::Error,
            code: "too-few-rows",
            path: "/InputDataConfig/0/DataSource/S3DataSource/S3Uri".into(),
            message: "train.csv has 499 data rows".into(),
            service_message: None,
            cli_message: None,
            span: None,
            service_clause: None,
            related: Vec::new(),
        };
        let warnings = f.warnings;
        let f = f.with_data(&[data], &CREATE_AUTO_ML_JOB);
        let v = Verdict::of(&f);
        assert_eq!(
            v,
            Verdict::DataFails {
                errors: 1,
                warnings
            }
        );
        assert_eq!(v.kind(), Kind::Rejected);
        assert!(
            v.line().starts_with(
                "The job would fail: the service would accept the request, but the data files checked have 1 error"
            ),
            "{}",
            v.line()
        );
        for words in [v.line(), v.mobile().1, v.export_line(), v.caveat()] {
            assert!(!words.contains("reject"), "{words}");
        }
        // With a mistake in the request too, the request is rejected.
        let (_, bad) = verdict(r#"{"AutoMLJobName":"bad_name"}"#);
        let n = bad.errors;
        let data: Vec<_> = f.list.iter().filter(|d| d.is_error()).cloned().collect();
        let both = bad.with_data(&data, &CREATE_AUTO_ML_JOB);
        assert_eq!(Verdict::of(&both).kind(), Kind::Rejected);
        assert!(matches!(Verdict::of(&both), Verdict::Rejected { errors, .. } if errors == n + 1));
    }

    const EXAMPLE_REQUEST: &str = crate::state::EXAMPLE;

    #[test]
    fn a_mistake_is_rejected_in_every_wording() {
        let (v, f) = verdict(r#"{"AutoMLJobName":"bad_name"}"#);
        assert_eq!(
            v,
            Verdict::Rejected {
                errors: f.errors,
                warnings: 0
            }
        );
        let n = f.errors;
        assert_eq!(
            v.line(),
            format!("The service would reject this: {n} errors.")
        );
        assert_eq!(v.mobile().1, format!("Would be rejected: {n} errors"));
        assert_eq!(
            v.export_line(),
            format!("The service would reject this: {n} errors, listed under Check.")
        );
        assert_eq!(
            v.caveat(),
            format!(": the service would reject it ({n} errors).")
        );
        let one = Verdict::Rejected {
            errors: 1,
            warnings: 2,
        };
        assert_eq!(
            one.line(),
            "The service would reject this: 1 error and 2 warnings."
        );
    }

    #[test]
    fn a_valid_request_is_ready_in_every_wording() {
        let (v, f) = verdict(crate::state::EXAMPLE);
        assert_eq!(v, Verdict::Ready { warnings: 2 }, "{:#?}", f.list);
        assert_eq!(
            v.line(),
            "Ready to send: the service would accept this request (2 warnings)."
        );
        assert_eq!(
            Verdict::Ready { warnings: 0 }.line(),
            "Ready to send: the service would accept this request."
        );
        assert_eq!(v.class(), "verdict ok");
        assert_eq!(
            v.mobile(),
            ("mobile-status ok", "Ready to send".to_string())
        );
        assert_eq!(v.export_line(), "Ready to send.");
        assert_eq!(v.caveat(), ".");
    }

    /// Regression: a warning beside the missing members (a bucket name no bucket can have)
    /// made a request that only lacks members "rejected".
    #[test]
    fn warnings_do_not_make_an_incomplete_request_rejected() {
        let (v, _) = verdict(r#"{"OutputDataConfig":{"S3OutputPath":"s3://My_Bucket/out"}}"#);
        assert_eq!(v.kind(), Kind::Incomplete, "{v:?}");
        let Verdict::Incomplete { warnings, .. } = v else {
            unreachable!()
        };
        assert!(warnings > 0);
        assert!(v
            .line()
            .ends_with(&format!("(and {}).", plural(warnings, "warning"))));
    }

    /// What a live region says changes with the kind only: typing that changes the counts
    /// (a member filled in) leaves the headline as it was.
    #[test]
    fn the_headline_follows_the_kind_not_the_counts() {
        let (a, _) = verdict("{}");
        let (b, _) = verdict(r#"{"AutoMLJobName":"my-job"}"#);
        assert_ne!(a, b, "the counts differ");
        assert_eq!(a.kind().headline(), b.kind().headline());
        assert!(a.line().starts_with(a.kind().headline()));
        let (c, _) = verdict(r#"{"AutoMLJobName":"my_job"}"#);
        assert_eq!(c.kind().headline(), "The service would reject this:");
    }
}
