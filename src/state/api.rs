//! Which operation the draft is a request for: `CreateAutoMLJob` (V1) or
//! `CreateAutoMLJobV2` (V2). The draft carries it ([`super::draft::Draft::api`]), so the saved
//! draft, share links and Undo steps carry it too: their text is the request's compact JSON,
//! after [`V2_MARK`] for a V2 request. A text without the mark (every draft and link written
//! before V2 came to the page) is a V1 request.

use automl_rules::model::{self, MemberDef, Shape};
#[cfg(not(automl_split))]
use automl_rules::operation::CREATE_AUTO_ML_JOB_V2;
use automl_rules::operation::{Operation, CREATE_AUTO_ML_JOB};

use leptos::prelude::*;

use super::draft::Draft;
use super::layout::{self, Layout};
use crate::components::operation::Switching;

/// `CreateAutoMLJobV2`'s operation (the request table, the rules and their messages), its
/// form's layout and the code of switching a written request between the operations (a
/// switch always has V2 on one side): what a page that never meets a V2 request does not
/// need. In the release page (built with `--cfg automl_split`) they are in a wasm chunk of
/// their own, fetched by [`load`] the first time a draft becomes a V2 request; every path
/// that makes it one waits for that first ([`crate::state::editor::Editor::when_ready`]).
/// Everywhere else (the component tests, the native tests) they are linked in and always
/// ready.
#[cfg(automl_split)]
type V2Parts = (&'static Operation, &'static Layout, &'static Switching);

#[cfg(automl_split)]
static V2: std::sync::OnceLock<V2Parts> = std::sync::OnceLock::new();

/// V2's tables, once loaded. Before that, V1's: no path puts a V2 draft in the editor
/// before [`is_ready`] (see [`load`]), so this is never read for one; it only keeps a
/// mistake from being a panic, which would abort the whole page.
#[cfg(automl_split)]
fn v2_tables() -> (&'static Operation, &'static Layout) {
    V2.get()
        .map_or((&CREATE_AUTO_ML_JOB, &layout::CREATE_AUTO_ML_JOB), |p| {
            (p.0, p.1)
        })
}

#[cfg(not(automl_split))]
fn v2_tables() -> (&'static Operation, &'static Layout) {
    (&CREATE_AUTO_ML_JOB_V2, &layout::CREATE_AUTO_ML_JOB_V2)
}

/// The code of switching a written request to the other operation, once V2 is here (`None`
/// before: no switch is offered before V2's tables are, see
/// [`crate::components::operation::Switching`]).
#[cfg(automl_split)]
pub fn switching() -> Option<&'static Switching> {
    V2.get().map(|p| p.2)
}

#[cfg(not(automl_split))]
pub fn switching() -> Option<&'static Switching> {
    Some(&crate::components::operation::SWITCHING)
}

/// The split point: the only code of the main module that names V2's statics, so they and
/// everything only they reach (V2's rules, their messages, the V2 request table) go to the
/// chunk. `fallible`: a chunk that does not arrive is an `Err`, never a panic.
#[cfg(automl_split)]
#[leptos::wasm_split::wasm_split(v2, wasm_split_path = ::leptos::wasm_split, fallible)]
fn v2_chunk() -> Result<V2Parts, leptos::wasm_split::SplitLoaderError> {
    Ok((
        &automl_rules::operation::CREATE_AUTO_ML_JOB_V2,
        &layout::CREATE_AUTO_ML_JOB_V2,
        &crate::components::operation::SWITCHING,
    ))
}

/// Whether `api`'s tables are here (V1's always are).
pub fn is_ready(api: Api) -> bool {
    match api {
        Api::V1 => true,
        #[cfg(automl_split)]
        Api::V2 => V2.get().is_some(),
        #[cfg(not(automl_split))]
        Api::V2 => true,
    }
}

/// Fetches `api`'s tables when they are not here yet; `Err` says why they could not be
/// loaded (then a later call tries again).
pub async fn load(api: Api) -> Result<(), String> {
    if is_ready(api) {
        return Ok(());
    }
    #[cfg(automl_split)]
    {
        let parts = v2_chunk().await.map_err(|e| e.to_string())?;
        let _ = V2.set(parts);
    }
    Ok(())
}

/// What starts the saved text of a `CreateAutoMLJobV2` request.
pub const V2_MARK: &str = "v2:";

/// The operation a draft is written for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Api {
    /// `CreateAutoMLJob`: tabular problems only.
    #[default]
    V1,
    /// `CreateAutoMLJobV2`: every problem type; the one AWS recommends.
    V2,
}

impl Api {
    /// Both, in the order the page offers them.
    pub const ALL: [Api; 2] = [Api::V1, Api::V2];

    /// `V2` when `v2`, else `V1`.
    pub fn of_v2(v2: bool) -> Api {
        if v2 {
            Api::V2
        } else {
            Api::V1
        }
    }

    /// The rules crate's operation.
    pub fn operation(self) -> &'static Operation {
        match self {
            Api::V1 => &CREATE_AUTO_ML_JOB,
            Api::V2 => v2_tables().0,
        }
    }

    /// How its form is laid out.
    pub fn layout(self) -> &'static Layout {
        match self {
            Api::V1 => &layout::CREATE_AUTO_ML_JOB,
            Api::V2 => v2_tables().1,
        }
    }

    /// The operation of the rules crate's `detect` (an import or a pasted body).
    pub fn of(operation: &Operation) -> Api {
        if operation.name == Api::V2.name() {
            Api::V2
        } else {
            Api::V1
        }
    }

    /// The other one.
    pub fn other(self) -> Api {
        match self {
            Api::V1 => Api::V2,
            Api::V2 => Api::V1,
        }
    }

    /// The shape a pointer into this operation's request edits.
    pub fn shape_at(self, pointer: &str) -> Option<&'static Shape> {
        model::shape_in(self.operation().request, pointer)
    }

    /// The member definition a pointer names (`None` for list items, map entries and the
    /// root).
    pub fn member_at(self, pointer: &str) -> Option<&'static MemberDef> {
        let (parent, last) = pointer.rsplit_once('/')?;
        self.shape_at(parent)?.member(last)
    }

    /// The API name (`CreateAutoMLJobV2`), known before its tables are loaded.
    pub fn name(self) -> &'static str {
        match self {
            Api::V1 => "CreateAutoMLJob",
            Api::V2 => "CreateAutoMLJobV2",
        }
    }

    /// The label of the operation chooser.
    pub fn label(self) -> &'static str {
        match self {
            Api::V1 => "CreateAutoMLJob",
            Api::V2 => "CreateAutoMLJobV2 (recommended)",
        }
    }

    /// One line under the chooser saying what the operation is for.
    pub fn explanation(self) -> &'static str {
        match self {
            Api::V1 => "The first Autopilot API: tabular data only (regression and classification).",
            Api::V2 => "The API AWS recommends: tabular, time-series forecasting, image and text classification, and text generation (fine-tuning a large language model).",
        }
    }

    /// Stable short name (element ids, the e2e tests).
    pub fn id(self) -> &'static str {
        match self {
            Api::V1 => "v1",
            Api::V2 => "v2",
        }
    }
}

/// A request converted to the other operation (by `automl_rules::convert`): what it
/// becomes, how many members moved, the members that have no place there (pointer, why),
/// how many members neither API knows are carried as they are, and why it cannot be
/// converted at all when it cannot (a V2 problem type other than tabular, to V1).
#[derive(Clone, Debug, PartialEq)]
pub struct Converted {
    pub request: automl_rules::json::Node,
    pub moved: usize,
    pub left_out: Vec<(String, String)>,
    pub unknown: usize,
    pub refused: Option<String>,
}

/// Switching the draft to the other operation: to which, whether anything is written yet
/// (then the switch is made at once), and the conversion when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Switch {
    pub from: Api,
    pub to: Api,
    /// Nothing written: the draft is a new request of `from`.
    pub untouched: bool,
    pub conversion: Option<Converted>,
}

impl Switch {
    /// What switching `draft` to `to` means.
    pub fn plan(draft: &Draft, to: Api) -> Switch {
        let untouched = draft.to_compact() == Draft::new_for(draft.api).to_compact()
            || matches!(&draft.root.value, automl_rules::json::Value::Object(m) if m.is_empty());
        Switch {
            from: draft.api,
            to,
            untouched,
            conversion: None,
        }
    }

    /// Whether the offer needs a conversion it does not have yet (it is made by the rules
    /// package, loaded on demand: src/on_demand.rs).
    pub fn needs_conversion(&self) -> bool {
        !self.untouched && self.conversion.is_none()
    }

    /// The switch with `draft` converted (by the rules package, `None` while it is not
    /// loaded).
    pub fn with_conversion(mut self, draft: &Draft) -> Switch {
        if !self.untouched {
            self.conversion = crate::on_demand::convert(&draft.root, self.to);
        }
        self
    }

    /// The switch when the conversion could not be loaded: the offer says why and offers to
    /// start empty.
    pub fn unconverted(mut self, draft: &Draft, why: &str) -> Switch {
        self.conversion = Some(Converted {
            request: draft.root.clone(),
            moved: 0,
            left_out: Vec::new(),
            unknown: 0,
            refused: Some(format!("the conversion could not be loaded ({why})")),
        });
        self
    }

    /// A new request of the operation switched to.
    pub fn empty(&self) -> Draft {
        Draft::new_for(self.to)
    }

    /// What starting empty says (the first sentence names the Undo step).
    pub fn started_empty_line(&self) -> String {
        format!(
            "Started a new {} request. Undo puts your {} request back.",
            self.to.name(),
            self.from.name()
        )
    }

    /// The question the offer asks.
    pub fn question(&self) -> String {
        match &self.conversion {
            Some(Converted {
                refused: Some(why), ..
            }) => format!(
                "{}. Start a new {} request instead? Yours stays one Undo away.",
                super::words::capitalize(why),
                self.to.name()
            ),
            Some(c) => format!(
                "Convert this request to {}: {} {}, {} no place there.",
                self.to.name(),
                super::findings::plural(c.moved, "member"),
                if c.moved == 1 { "moves" } else { "move" },
                match c.left_out.len() {
                    0 => "none has".to_string(),
                    1 => "1 has".to_string(),
                    n => format!("{n} have"),
                },
            ),
            None => format!(
                "Start a new {} request? Your {} request stays one Undo away.",
                self.to.name(),
                self.from.name()
            ),
        }
    }

    /// The converted draft and what converting says.
    pub fn converted(&self) -> Option<(Draft, String)> {
        let c = self.conversion.as_ref().filter(|c| c.refused.is_none())?;
        let draft = Draft::from_node_for(c.request.clone(), self.to)?;
        let mut line = format!(
            "Converted the request to {}: {} moved.",
            self.to.name(),
            super::findings::plural(c.moved, "member")
        );
        if !c.left_out.is_empty() {
            let names: Vec<&str> = c.left_out.iter().map(|(p, _)| p.as_str()).collect();
            line.push_str(&format!(
                " Left out (no place there): {}.",
                names.join(", ")
            ));
        }
        if c.unknown > 0 {
            line.push_str(&format!(
                " {} neither API knows carried as written.",
                super::findings::plural(c.unknown, "member")
            ));
        }
        line.push_str(" Undo puts the request you had back.");
        Some((draft, line))
    }
}

impl Converted {
    /// The rules library's conversion, as the page shows it (the linked build of
    /// src/on_demand.rs and the native tests; the release page gets the same answer from the
    /// rules package).
    #[cfg(any(test, feature = "linked-rules"))]
    pub fn of(c: automl_rules::convert::Conversion) -> Converted {
        Converted {
            moved: c.moved.len(),
            left_out: c.left_out.into_iter().map(|l| (l.pointer, l.why)).collect(),
            unknown: c.unknown.len(),
            refused: c.refused,
            request: c.request,
        }
    }
}

/// The saved text of a request of `api` whose compact JSON is `compact`.
pub fn saved_text(api: Api, compact: String) -> String {
    match api {
        Api::V1 => compact,
        Api::V2 => format!("{V2_MARK}{compact}"),
    }
}

/// Splits a saved text into its operation and its JSON: no mark is V1.
pub fn split_saved(text: &str) -> (Api, &str) {
    match text.strip_prefix(V2_MARK) {
        Some(json) => (Api::V2, json),
        None => (Api::V1, text),
    }
}

/// Which operation the draft is for, kept as a memo of whether it is V2: the page carries
/// `Memo<bool>`'s code for many memos, and a `Memo<Api>` was its own copy of it.
#[derive(Clone, Copy)]
pub struct ApiMemo(pub(super) Memo<bool>);

impl ApiMemo {
    /// The operation, tracked.
    pub fn get(&self) -> Api {
        Api::of_v2(self.0.get())
    }

    /// The operation, not tracked.
    pub fn get_untracked(&self) -> Api {
        Api::of_v2(self.0.get_untracked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_text_carries_the_operation_and_old_texts_are_v1() {
        let v2 = saved_text(Api::V2, "{}".into());
        assert_eq!(v2, "v2:{}");
        assert_eq!(split_saved(&v2), (Api::V2, "{}"));
        assert_eq!(
            split_saved(r#"{"AutoMLJobName":"a"}"#),
            (Api::V1, r#"{"AutoMLJobName":"a"}"#)
        );
        assert_eq!(saved_text(Api::V1, "{}".into()), "{}");
    }

    #[test]
    fn each_api_finds_its_members() {
        assert_eq!(
            Api::V1.member_at("/ProblemType").unwrap().name,
            "ProblemType"
        );
        assert!(Api::V2.member_at("/ProblemType").is_none());
        assert_eq!(
            Api::V2
                .member_at(
                    "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/ForecastHorizon"
                )
                .unwrap()
                .name,
            "ForecastHorizon"
        );
        assert_eq!(Api::of(Api::V2.operation()), Api::V2);
        assert_eq!(Api::of(Api::V1.operation()), Api::V1);
    }
}

#[cfg(test)]
mod switch_tests {
    use super::*;

    /// A switch planned with the rules library's conversion (what the page gets from the
    /// rules package, src/on_demand.rs).
    fn planned(draft: &Draft, to: Api) -> Switch {
        let mut switch = Switch::plan(draft, to);
        if switch.needs_conversion() {
            switch.conversion = Some(Converted::of(automl_rules::convert::convert(
                &draft.root,
                to.operation(),
            )));
        }
        switch
    }

    #[test]
    fn a_new_request_switches_at_once_and_a_written_one_is_asked_about() {
        let fresh = Switch::plan(
            &Draft::from_saved(&Draft::new().to_compact()).unwrap(),
            Api::V2,
        );
        assert!(fresh.untouched);
        assert_eq!(fresh.empty(), Draft::new_for(Api::V2));
        let mut written = Draft::new();
        written.set_text("/AutoMLJobName", "churn");
        let asked = Switch::plan(&written, Api::V2);
        assert!(!asked.untouched);
        // The conversion comes from the rules package, loaded on demand: until then the
        // offer knows it needs one.
        assert!(asked.needs_conversion() && !fresh.needs_conversion());
        assert!(!planned(&written, Api::V2).needs_conversion());
        // Not loaded (offline): the offer says why and offers to start empty, not to convert.
        let failed = asked.clone().unconverted(&written, "network error");
        assert!(!failed.needs_conversion() && failed.converted().is_none());
        assert!(
            failed
                .question()
                .starts_with("The conversion could not be loaded (network error). Start a new CreateAutoMLJobV2 request instead?"),
            "{}",
            failed.question()
        );
        assert!(asked
            .started_empty_line()
            .starts_with("Started a new CreateAutoMLJobV2 request."));
        assert!(
            asked.question().contains("CreateAutoMLJobV2"),
            "{}",
            asked.question()
        );
    }

    #[test]
    fn a_v1_request_converts_to_v2_saying_what_moved_and_what_has_no_place() {
        let mut d = Draft::new();
        d.set_text("/AutoMLJobName", "churn");
        d.set_text("/InputDataConfig/0/TargetAttributeName", "churned");
        d.set_text("/ProblemType", "BinaryClassification");
        d.set_text("/AutoMLJobConfig/CompletionCriteria/MaxCandidates", "10");
        let switch = planned(&d, Api::V2);
        let c = switch.conversion.as_ref().unwrap();
        assert!(c.moved >= 3, "{c:?}");
        assert!(c.refused.is_none());
        let question = switch.question();
        assert!(
            question.starts_with("Convert this request to CreateAutoMLJobV2: ")
                && question.contains(" move, ")
                && question.ends_with("no place there."),
            "{question}"
        );
        let (v2, line) = switch.converted().unwrap();
        assert_eq!(v2.api, Api::V2);
        assert_eq!(
            v2.text("/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName"),
            "churned"
        );
        assert_eq!(
            v2.text("/AutoMLProblemTypeConfig/TabularJobConfig/CompletionCriteria/MaxCandidates"),
            "10"
        );
        assert!(
            line.starts_with("Converted the request to CreateAutoMLJobV2:"),
            "{line}"
        );
        // Back to V1 it goes, tabular as it is.
        let back = planned(&v2, Api::V1).converted().unwrap().0;
        assert_eq!(back.api, Api::V1);
        assert_eq!(back.text("/ProblemType"), "BinaryClassification");
        // The example converts to a V2 request the V2 rules accept as the V1 rules do.
        let example =
            Draft::from_node(automl_rules::json::parse(super::super::EXAMPLE).unwrap()).unwrap();
        let (v2, _) = planned(&example, Api::V2).converted().unwrap();
        let errors: Vec<_> = automl_rules::check_node_for(Api::V2.operation(), &v2.root)
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {}", d.path, d.message))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        // Text generation has no place in V1: the offer says why, and offers no conversion.
        let mut gen = Draft::new_for(Api::V2);
        gen.set_text("/AutoMLJobName", "llm");
        gen.choose_member("/AutoMLProblemTypeConfig", "TextGenerationJobConfig", None);
        let refused = planned(&gen, Api::V1);
        assert!(refused.converted().is_none());
        assert!(
            refused.question().contains("text generation"),
            "{}",
            refused.question()
        );
    }

    #[test]
    fn the_v2_example_is_the_example_converted() {
        // The Example button of a V2 request loads src/state/example-v2.json, so it needs no
        // conversion (the rules package) on the first load.
        let example =
            Draft::from_node(automl_rules::json::parse(super::super::EXAMPLE).unwrap()).unwrap();
        let (converted, _) = planned(&example, Api::V2).converted().unwrap();
        let v2 = automl_rules::json::parse(super::super::EXAMPLE_V2).unwrap();
        assert_eq!(
            automl_rules::json::to_compact(&v2),
            automl_rules::json::to_compact(&converted.root)
        );
    }
}
