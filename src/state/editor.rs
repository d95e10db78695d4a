//! The editor: everything the components share, in signals behind one named type in
//! context, and every change to it (typing, replacing the draft, undo and redo). The
//! decisions themselves are plain functions of the other `state` modules; this module
//! only keeps the signals in step with them. (Named `Editor`, not `Store`, so it is not
//! taken for Leptos' `Store` derive.)

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use automl_rules::diag::Diagnostic;
use leptos::prelude::*;

use super::api::ApiMemo;
use super::shared::effect;
use super::shared::Shared;

use super::api::{is_ready, split_saved, Api};
pub use super::api_load::ApiLoad;
use super::draft::{self, Draft};
use super::findings::{plural, Findings, Reveal};
use super::history::{step_draft, step_of, History, Step};
use super::layout::{field_id, is_required, Layout};
use super::tabs::{other_tab_line, Origin, KEPT_MINE, LOADED_OTHER};
use super::verdict::Verdict;
use super::WORDING_KEY;
use crate::browser;

/// The editor the page provides in context (see [`crate::components::Page`]).
pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

/// Everything the components share, behind one named type in context.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The operation the draft is a request for (which layout the form follows); changes
    /// only when the whole draft does (a choice of operation, an import, Undo).
    pub api: ApiMemo,
    /// The request being written.
    pub draft: RwSignal<Draft>,
    /// Which fields show their findings.
    pub reveal: Shared<Reveal>,
    /// The rules' verdict on the draft, recomputed on every edit.
    pub findings: Memo<Findings>,
    /// Ids of the open sections.
    pub open: Shared<OpenSections>,
    /// The requests that "new request", imports, share links and other tabs took away
    /// (Undo), and those Undo took away (Redo).
    pub history: Shared<History>,
    /// A short message for screen readers and eyes: what just happened.
    pub notice: RwSignal<String>,
    /// One set of signals per field on the page, kept in step with the draft and the findings
    /// by two effects (see [`Editor::sync`]), so a keystroke wakes the field it changed rather
    /// than every field.
    pub fields: StoredValue<BTreeMap<String, SharedField>>,
    /// Notified when the export panel should render again: at once when the whole draft is
    /// replaced, and 120 ms after the last keystroke while typing, so a keystroke does not
    /// pay for rendering and laying out the export (see [`Editor::sync`]). A trigger, not a
    /// counter signal: no value is read, and a `RwSignal<u64>` would be one more signal type
    /// in the wasm (each costs its own get, set, update and with).
    pub export_tick: Trigger,
    /// What changed in the draft since the fields were last brought in step.
    pending: StoredValue<Pending>,
    /// Whether keystrokes have changed the draft without telling its readers yet (see
    /// [`Editor::edit`]).
    unannounced: StoredValue<bool>,
    /// The field being typed in, revealed once typing pauses (see [`Editor::edit`]).
    pause: StoredValue<Option<TimeoutHandle>>,
    /// Notified when fields appear on the page, so findings with no field of their own find
    /// their place (see [`super::findings::home`]). How many have appeared is the size of
    /// [`Editor::fields`], which only grows.
    fields_added: Trigger,
    /// Whether each message shows the service's (or the CLI's) own wording under it.
    pub wording: RwSignal<bool>,
    /// What the findings add up to (the Check panel's headline, the export's line, the
    /// phone's status bar): one memo for the three, not one each.
    pub verdict: Memo<Verdict>,
    /// The job name of the `describe-auto-ml-job` output the draft was imported from: while
    /// AutoMLJobName is still that, a warning says the new job needs a name of its own.
    pub described_name: RwSignal<Option<String>>,
    /// The line of edits this tab's draft belongs to (see [`super::tabs`]): a new one
    /// whenever the whole draft is replaced.
    pub origin: StoredValue<Origin>,
    /// While this tab offers keep mine or load the other (see [`Editor::other_tab_saved`]):
    /// the banner's line. A signal of a type the page already has (a `RwSignal<Option<
    /// OtherTab>>` was its own copy of the signal code); the request is in `other_request`.
    pub other_tab: RwSignal<Option<String>>,
    /// The different request another tab saved, while this tab offers the choice.
    other_request: StoredValue<Option<OtherTab>>,
    /// The line of edits of the other tab's request kept as the newest Undo step.
    stashed_from: StoredValue<Option<String>>,
    /// The holes of the last import (`runtime-value` findings): each stands while its
    /// member still holds what the import left there (see [`Findings::check_with_holes`]).
    pub holes: RwSignal<Vec<Diagnostic>>,
    /// The settings of problem types chosen before (V2), by union member, kept while another
    /// is chosen: choosing that one again brings them back (see [`Editor::choose_member`]).
    /// A few at most, so a vector of the type [`Draft::choose_member`] returns (a map would
    /// be its own copy of the B-tree code in the wasm).
    pub set_aside: StoredValue<Vec<(String, automl_rules::json::Node)>>,
    /// The findings of the last "Check my data" (the data files against the request), shown
    /// at the channels' fields and in the Check panel beside the request's own.
    pub data: RwSignal<Vec<Diagnostic>>,
    /// An operation's tables being loaded before the draft can become its request (V2, in
    /// the release page: see [`super::api::load`]), or why they could not be (see
    /// [`Editor::when_ready`]).
    pub api_load: Shared<Option<ApiLoad>>,
    /// What waits for them: the latest change that makes the draft a request of that
    /// operation.
    pub(super) waiting: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
}

/// Whether a problem type's value holds any setting (not an empty object).
fn has_settings(node: &automl_rules::json::Node) -> bool {
    !matches!(&node.value, automl_rules::json::Value::Object(m) if m.is_empty())
}

/// The ids of the open sections: a handful, so a vector (a `BTreeSet<&str>` was its own copy
/// of the B-tree code in the wasm, for this one use).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenSections(Vec<&'static str>);

impl OpenSections {
    /// Whether the section `id` is open.
    pub fn contains(&self, id: &str) -> bool {
        self.0.contains(&id)
    }

    /// Opens the section `id`; `false` when it was open.
    pub fn insert(&mut self, id: &'static str) -> bool {
        let new = !self.contains(id);
        if new {
            self.0.push(id);
        }
        new
    }

    /// Closes the section `id`; `false` when it was closed.
    pub fn remove(&mut self, id: &str) -> bool {
        let at = self.0.iter().position(|s| *s == id);
        if let Some(i) = at {
            self.0.swap_remove(i);
        }
        at.is_some()
    }
}

/// A different request another tab saved: its compact JSON and its line of edits.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherTab {
    pub text: String,
    pub origin: Origin,
}

/// What the effect that keeps the fields in step has to look at.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    /// Nothing changed.
    Clean,
    /// One field's text changed and nothing appeared or disappeared: only that field.
    Text(String),
    /// Anything else: every field.
    Full,
}

/// The registry's copy of a field's signals: reference-counted, so they outlive the
/// component that shows them (a list item can be removed and added again).
#[derive(Clone)]
pub struct SharedField {
    value: ArcRwSignal<String>,
    shown: ArcRwSignal<Vec<Diagnostic>>,
    required: ArcRwSignal<bool>,
}

/// What one field (or group) of the form shows.
#[derive(Clone, Copy)]
pub struct FieldSignals {
    /// The control's text.
    pub value: RwSignal<String>,
    /// The findings shown at the field (empty until it is touched, imported or checked).
    pub shown: RwSignal<Vec<Diagnostic>>,
    /// Whether the request needs this member.
    pub required: RwSignal<bool>,
}

impl Editor {
    /// An editor holding `draft` (of the operation it carries), with the sections that have
    /// content open.
    pub fn new(draft: Draft) -> Self {
        Editor::with_origin(
            draft,
            Origin::new(browser::new_id(), "Started a new request."),
        )
    }

    /// An editor holding `draft` of the line of edits `origin` (the saved draft's, when the
    /// page starts from it).
    pub fn with_origin(draft: Draft, origin: Origin) -> Self {
        let draft = RwSignal::new(draft);
        let api = ApiMemo(Memo::new(move |_| draft.with(|d| d.api == Api::V2)));
        let described_name = RwSignal::new(None::<String>);
        let holes = RwSignal::new(Vec::<Diagnostic>::new());
        let data = RwSignal::new(Vec::<Diagnostic>::new());
        let findings = Memo::new(move |_| {
            let f = holes.with(|h| {
                described_name.with(|old| {
                    draft.with(|d| {
                        Findings::check_with_holes(&d.root, old.as_deref(), h, d.api.layout())
                    })
                })
            });
            data.with(|data| f.with_data(data, api.get().layout()))
        });
        let reveal = Shared::new(Reveal::default());
        let verdict = Memo::new(move |_| findings.with(Verdict::of));
        let store = Editor {
            api,
            draft,
            reveal,
            findings,
            verdict,
            open: Shared::new(OpenSections::default()),
            history: Shared::new(History::default()),
            notice: RwSignal::new(String::new()),
            fields: StoredValue::new(BTreeMap::new()),
            export_tick: Trigger::new(),
            pending: StoredValue::new(Pending::Full),
            unannounced: StoredValue::new(false),
            pause: StoredValue::new(None),
            fields_added: Trigger::new(),
            wording: RwSignal::new(browser::load(WORDING_KEY).as_deref() == Some("shown")),
            described_name,
            origin: StoredValue::new(origin),
            other_tab: RwSignal::new(None),
            other_request: StoredValue::new(None),
            stashed_from: StoredValue::new(None),
            holes,
            set_aside: StoredValue::new(Vec::new()),
            data,
            api_load: Shared::new(None),
            waiting: StoredValue::new_local(None),
        };
        store.open_sections_with_content();
        store
    }

    /// How the form of the draft's operation is laid out (not tracked: the form follows
    /// [`Editor::api`]).
    pub fn layout(&self) -> &'static Layout {
        self.api.get_untracked().layout()
    }

    /// The errors and warnings shown in the section `id` (for the badge on its heading),
    /// tracked. Each section's badge reads it (no memo of every section's counts: a
    /// `Memo<Vec<…>>` of its own type in the wasm); the findings know their sections.
    pub fn section_count(&self, id: &str) -> (usize, usize) {
        self.reveal
            .with(|r| self.findings.with(|f| f.section_count(r, id)))
    }

    /// The signals of the field at `pointer`, created on first use.
    pub fn field(&self, pointer: &str) -> FieldSignals {
        let shared = self.fields.with_value(|m| m.get(pointer).cloned());
        let shared = shared.unwrap_or_else(|| {
            let (text, required) = self
                .draft
                .with_untracked(|d| (d.text(pointer), is_required(pointer, d)));
            let shown = self.reveal.with_untracked(|r| {
                if r.shows(pointer) {
                    self.findings.with_untracked(|f| f.at(pointer))
                } else {
                    Vec::new()
                }
            });
            let shared = SharedField {
                value: ArcRwSignal::new(text),
                shown: ArcRwSignal::new(shown),
                required: ArcRwSignal::new(required),
            };
            self.fields.update_value(|m| {
                m.insert(pointer.to_string(), shared.clone());
            });
            self.fields_added.notify();
            shared
        });
        FieldSignals {
            value: shared.value.into(),
            shown: shared.shown.into(),
            required: shared.required.into(),
        }
    }

    /// Keeps every field's signals in step: one effect follows the draft (text, required),
    /// one the findings and what is revealed. Each sets only the signals whose value changed.
    /// The effect that follows the draft also times the export's next rendering (one effect,
    /// not two: each effect's closure is its own code in the wasm).
    pub fn sync(&self) {
        let store = *self;
        let pending = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(handle) = pending.try_get_value().flatten() {
                handle.clear();
            }
        });
        effect(move |first| {
            store.draft.track();
            // The export renders again 120 ms after the last change (not on the first run).
            if !first {
                if let Some(handle) = pending.get_value() {
                    handle.clear();
                }
                let bump = move || {
                    pending.try_set_value(None);
                    store.export_tick.notify();
                };
                pending.set_value(set_timeout_with_handle(bump, Duration::from_millis(120)).ok());
            }
            let pending = store
                .pending
                .try_update_value(|p| std::mem::replace(p, Pending::Clean));
            if let Some(Pending::Text(pointer)) = pending {
                let text = store.draft.with_untracked(|d| d.text(&pointer));
                let field = store.fields.with_value(|m| m.get(&pointer).cloned());
                if let Some(f) = field {
                    if f.value.with_untracked(|t| *t != text) {
                        f.value.set(text);
                    }
                }
                return;
            }
            let changes: Vec<(SharedField, Option<String>, Option<bool>)> =
                store.draft.with_untracked(|d| {
                    store.fields.with_value(|fields| {
                        fields
                            .iter()
                            .filter_map(|(pointer, f)| {
                                let text = d.text(pointer);
                                let text = f.value.with_untracked(|t| *t != text).then_some(text);
                                let required = is_required(pointer, d);
                                let required =
                                    (f.required.get_untracked() != required).then_some(required);
                                (text.is_some() || required.is_some())
                                    .then(|| (f.clone(), text, required))
                            })
                            .collect()
                    })
                });
            for (f, text, required) in changes {
                if let Some(t) = text {
                    f.value.set(t);
                }
                if let Some(r) = required {
                    f.required.set(r);
                }
            }
        });
        // Findings to fields. While only the findings change (typing), just the fields that
        // had or have a finding can differ, so only those are compared: the cost follows the
        // number of findings, not of fields (a request with 50 tags has hundreds). When what
        // is revealed changes, or fields appear, every field is looked at.
        type Last = (Reveal, usize, BTreeSet<String>);
        let last = StoredValue::new(None::<Last>);
        effect(move |_| {
            store.fields_added.track();
            let added = store.fields.with_value(BTreeMap::len);
            let changes: Vec<(ArcRwSignal<Vec<Diagnostic>>, Vec<Diagnostic>)> =
                store.reveal.with(|r| {
                    store.findings.with(|f| {
                        store.fields.with_value(|fields| {
                            let mut by_home = f.placed(r, fields, store.layout());
                            // Inserted one by one: collecting into a set sorts, and the
                            // sort is 5 KB of the page's wasm.
                            let mut now = BTreeSet::new();
                            for home in by_home.keys() {
                                now.insert(home.clone());
                            }
                            let before = last
                                .try_update_value(|l| l.replace((r.clone(), added, now.clone())));
                            let only = match before.flatten() {
                                Some((was, n, mut homes)) if was == *r && n == added => {
                                    homes.extend(now);
                                    Some(homes)
                                }
                                _ => None,
                            };
                            let mut want = |pointer: &str, s: &SharedField| {
                                let want =
                                    f.at_ids(by_home.remove(pointer).as_deref().unwrap_or(&[]));
                                s.shown
                                    .with_untracked(|cur| *cur != want)
                                    .then(|| (s.shown.clone(), want))
                            };
                            match &only {
                                Some(homes) => homes
                                    .iter()
                                    .filter_map(|p| fields.get(p).and_then(|s| want(p, s)))
                                    .collect(),
                                None => fields.iter().filter_map(|(p, s)| want(p, s)).collect(),
                            }
                        })
                    })
                });
            for (signal, value) in changes {
                signal.set(value);
            }
        });
    }

    fn open_sections_with_content(&self) {
        let mut open = OpenSections::default();
        self.draft.with_untracked(|d| {
            for s in d.api.layout().sections {
                if s.open || s.items.iter().any(|p| d.has(p)) {
                    open.insert(s.id);
                }
            }
        });
        self.open.set(open);
    }

    /// Replaces the whole draft (import, share link, new request), keeping the old one for
    /// undo.
    pub fn replace(&self, draft: Draft, what: &str, reveal_all: bool) {
        self.new_origin(what);
        self.follow(draft, what, reveal_all);
    }

    /// Replaces the whole draft with a newer text of the same line of edits (the same
    /// request, edited in another tab), keeping the old one for undo.
    pub fn follow(&self, draft: Draft, what: &str, reveal_all: bool) {
        self.described_name.set(None);
        self.holes.set(Vec::new());
        let old = self.draft.with_untracked(|d| step_of(d, what));
        self.set_draft(draft, reveal_all);
        self.push_step(old, what.to_string());
    }

    /// Starts a new line of edits, started by `what`; a choice between this tab's request
    /// and another's is settled by it.
    fn new_origin(&self, what: &str) {
        self.origin.set_value(Origin::new(browser::new_id(), what));
        self.take_other();
    }

    /// Ends the offer of another tab's request, and hands the request back if there was one.
    fn take_other(&self) -> Option<OtherTab> {
        if self.other_tab.with_untracked(Option::is_some) {
            self.other_tab.set(None);
        }
        self.other_request.try_update_value(Option::take).flatten()
    }

    /// Another tab saved `text`, a different request of line `origin`: this tab keeps its
    /// own on screen and says so, and keeps the other one step of Undo away at once (so it
    /// survives whatever the person does next, closing this tab included). A newer text of
    /// the same other request replaces that step rather than adding one.
    pub fn other_tab_saved(&self, text: String, origin: Origin) {
        let same_other = self
            .stashed_from
            .with_value(|s| s.as_ref() == Some(&origin.id));
        self.stashed_from.set_value(Some(origin.id.clone()));
        self.history.update(|h| match h.back.last_mut() {
            Some(last) if same_other && last.1 == KEPT_MINE => last.0 = text.clone(),
            _ => h.push_back((text.clone(), KEPT_MINE.to_string())),
        });
        let line = other_tab_line(&origin);
        self.notice.set(line.clone());
        self.other_tab.set(Some(line));
        self.other_request
            .set_value(Some(OtherTab { text, origin }));
    }

    /// Keeps this tab's request over the other tab's (which stays one Undo away), and says
    /// so; the page then saves this tab's request as the draft.
    pub fn keep_mine(&self) {
        if self.take_other().is_some() {
            self.notice.set(KEPT_MINE.to_string());
        }
    }

    /// Loads the other tab's request here, this tab's one Undo away, and joins the other
    /// tab's line of edits (so the two tabs now edit one request).
    pub fn load_other(&self) {
        let api = self
            .other_request
            .with_value(|o| o.as_ref().map(|o| split_saved(&o.text).0));
        if let Some(api) = api.filter(|api| !is_ready(*api)) {
            let editor = *self;
            self.when_ready(api, move || editor.load_other());
            return;
        }
        let Some(other) = self.take_other() else {
            return;
        };
        let Some(draft) = step_draft(&other.text) else {
            return;
        };
        // The step that kept the other request is spent: it is on screen now.
        self.history.update(|h| {
            if h.back
                .last()
                .is_some_and(|s| s.1 == KEPT_MINE && s.0 == other.text)
            {
                h.back.pop();
            }
        });
        self.follow(draft, LOADED_OTHER, true);
        self.origin.set_value(other.origin);
    }

    fn set_draft(&self, draft: Draft, reveal_all: bool) {
        self.unannounced.set_value(false);
        self.pending.set_value(Pending::Full);
        self.draft.set(draft);
        self.reveal.set(Reveal {
            touched: BTreeSet::new(),
            all: reveal_all,
        });
        self.open_sections_with_content();
        self.export_tick.notify();
    }

    /// Puts back the request the last replacement took away; the one it replaces goes to
    /// Redo, so nothing is lost either way.
    pub fn undo(&self) {
        let Some((old, what)) = self.history.try_update(|h| h.take(true)).flatten() else {
            return;
        };
        if !is_ready(old.api) {
            // Its operation's tables first: the step stays where it was meanwhile.
            self.history.update(|h| h.back.push(step_of(&old, &what)));
            let editor = *self;
            self.when_ready(old.api, move || editor.undo());
            return;
        }
        let current = self.draft.with_untracked(|d| step_of(d, &what));
        self.new_origin("Restored the previous request.");
        self.set_draft(old, true);
        let more = self.history.try_update(|h| {
            h.push_forward(current);
            h.back.len()
        });
        self.notice.set(match more.unwrap_or(0) {
            0 => "Restored the previous request. Redo puts back the one you had.".to_string(),
            n => format!(
                "Restored the previous request ({} further back). Redo puts back the one you had.",
                plural(n, "step")
            ),
        });
    }

    /// Puts back the request the last Undo took away; the one it replaces goes back to Undo.
    pub fn redo(&self) {
        let Some((next, what)) = self.history.try_update(|h| h.take(false)).flatten() else {
            return;
        };
        if !is_ready(next.api) {
            // Its operation's tables first: the step stays where it was meanwhile.
            self.history
                .update(|h| h.forward.push(step_of(&next, &what)));
            let editor = *self;
            self.when_ready(next.api, move || editor.redo());
            return;
        }
        let current = self.draft.with_untracked(|d| step_of(d, &what));
        self.new_origin("Put back the request you had before Undo.");
        self.set_draft(next, true);
        self.history.update(|h| h.push_back(current));
        self.notice
            .set("Put back the request you had before Undo.".to_string());
    }

    /// Removes something from the draft (a list item, a section's settings, an unknown
    /// member) as a step Undo can take back, and says so.
    pub fn remove_undoably(&self, what: String, f: impl FnOnce(&mut Draft)) {
        self.change_undoably(format!("{what} Undo puts it back."), f);
    }

    /// Chooses `member` (labelled `label`) of the union at `union`, V2's problem type, as one
    /// step Undo takes back. The settings of the one chosen before are set aside, and come
    /// back when it is chosen again; the notice says so.
    pub fn choose_member(&self, union: &str, member: &'static str, label: &str) {
        if self.draft.with_untracked(|d| {
            matches!(d.get(union).map(|n| &n.value),
                Some(automl_rules::json::Value::Object(m)) if m.len() == 1 && m[0].key == member)
        }) {
            return;
        }
        let back = self
            .set_aside
            .try_update_value(|s| {
                let i = s.iter().position(|(key, _)| key == member)?;
                Some(s.remove(i).1)
            })
            .flatten();
        let leaving: Vec<String> =
            self.draft
                .with_untracked(|d| match d.get(union).map(|n| &n.value) {
                    Some(automl_rules::json::Value::Object(members)) => members
                        .iter()
                        .filter(|m| m.key != member && has_settings(&m.value))
                        .map(|m| super::words::problem_type_label(&m.key))
                        .collect(),
                    _ => Vec::new(),
                });
        let mut what = format!("Chose {label}.");
        if back.is_some() {
            what.push_str(" Its settings you wrote before are back.");
        }
        if !leaving.is_empty() {
            what.push_str(&format!(
                " The {} settings are set aside, not sent: choosing it again brings them back.",
                leaving.join(" and ")
            ));
        }
        what.push_str(" Undo puts the previous choice back.");
        let mut taken = Vec::new();
        self.change_undoably(what, |d| taken = d.choose_member(union, member, back));
        self.set_aside.update_value(|s| {
            for (key, node) in taken {
                if has_settings(&node) {
                    match s.iter_mut().find(|(k, _)| *k == key) {
                        Some(kept) => kept.1 = node,
                        None => s.push((key, node)),
                    }
                }
            }
        });
        self.touch(union);
    }

    /// Changes the draft (a removal, a renamed member) as one step Undo can take back, named
    /// and announced by `what`.
    pub fn change_undoably(&self, what: String, f: impl FnOnce(&mut Draft)) {
        let mut f = Some(f);
        self.change_undoably_dyn(what, &mut |d| {
            if let Some(f) = f.take() {
                f(d)
            }
        });
    }

    /// [`Editor::change_undoably`] not generic: its body (the step, the signal's update) is
    /// one copy in the wasm, not one per caller.
    #[inline(never)]
    fn change_undoably_dyn(&self, what: String, f: &mut dyn FnMut(&mut Draft)) {
        let old = self.draft.with_untracked(|d| step_of(d, &what));
        self.mutate_dyn(f);
        self.push_step(old, what);
    }

    /// Keeps `old` for Undo and announces `what` (not generic: one copy in the wasm).
    fn push_step(&self, old: Step, what: String) {
        self.history.update(|h| h.push_back(old));
        self.notice.set(what);
    }

    /// Changes the draft in any way but typing in a field (lists, sections).
    pub fn mutate(&self, f: impl FnOnce(&mut Draft)) {
        let mut f = Some(f);
        self.mutate_dyn(&mut |d| {
            if let Some(f) = f.take() {
                f(d)
            }
        });
    }

    /// [`Editor::mutate`] not generic: one copy of the signal's update in the wasm.
    #[inline(never)]
    fn mutate_dyn(&self, f: &mut dyn FnMut(&mut Draft)) {
        self.unannounced.set_value(false);
        self.pending.set_value(Pending::Full);
        self.draft.update(|d| f(d));
    }

    /// A keystroke in the field at `pointer`. When the member was there before and after (or
    /// absent before and after), nothing else on the page can have changed but that field's
    /// text, and the fields are brought in step by looking at that one field alone.
    ///
    /// The draft changes at once, but its readers (the check, the messages, the summary)
    /// hear of it only after the browser has painted the typed character: the keystroke's
    /// own frame carries nothing but the character, and the findings follow in the next task
    /// (typically within a frame). Keystrokes that come faster than that are checked once.
    /// Leaving the field, any other change and every reader that acts on the draft (copy,
    /// download, share) bring it in step first ([`Editor::announce`]).
    pub fn edit(&self, pointer: &str, text: &str) {
        // Typing a value in a hole's field fills it.
        if self
            .holes
            .with_untracked(|h| h.iter().any(|d| d.path == pointer))
        {
            self.holes.update(|h| h.retain(|d| d.path != pointer));
        }
        let before = self.draft.with_untracked(|d| d.has(pointer));
        self.draft.update_untracked(|d| d.set_text(pointer, text));
        let after = self.draft.with_untracked(|d| d.has(pointer));
        self.pending.update_value(|p| {
            *p = match p {
                Pending::Clean if before == after => Pending::Text(pointer.to_string()),
                Pending::Text(q) if before == after && q == pointer => Pending::Text(q.clone()),
                _ => Pending::Full,
            }
        });
        // A field being typed in for the first time shows its findings once typing pauses
        // for a second (or when it is left), not at every keystroke.
        if !self.reveal.with_untracked(|r| r.shows(pointer)) {
            if let Some(h) = self.pause.get_value() {
                h.clear();
            }
            let (store, pointer) = (*self, pointer.to_string());
            let reveal = move || {
                store.pause.try_set_value(None);
                store.touch(&pointer);
            };
            self.pause
                .set_value(set_timeout_with_handle(reveal, Duration::from_millis(1000)).ok());
        }
        if !self.unannounced.get_value() {
            self.unannounced.set_value(true);
            let store = *self;
            // After the next paint; the timer alone if frames are not running (a hidden tab).
            request_animation_frame(move || set_timeout(move || store.announce(), Duration::ZERO));
            set_timeout(move || store.announce(), Duration::from_millis(100));
        }
    }

    /// Whether keystrokes have changed the draft without telling its readers yet.
    pub fn unannounced(&self) -> bool {
        self.unannounced.try_get_value() == Some(true)
    }

    /// Tells the draft's readers about keystrokes not announced yet (see [`Editor::edit`]).
    pub fn announce(&self) {
        if self.unannounced.try_get_value() == Some(true) {
            self.unannounced.set_value(false);
            self.draft.notify();
        }
    }

    /// Records that a person has edited or left a field.
    pub fn touch(&self, pointer: &str) {
        self.announce();
        if let Some(h) = self.pause.try_update_value(Option::take).flatten() {
            h.clear();
        }
        if !self.reveal.with_untracked(|r| r.touched.contains(pointer)) {
            self.reveal.update(|r| {
                r.touched.insert(pointer.to_string());
            });
        }
    }

    /// Opens the section that holds `pointer` and moves focus to its field (or the nearest
    /// enclosing one that is on the page).
    pub fn go_to(&self, pointer: &str) {
        if let Some(section) = self.layout().section_of(pointer) {
            self.open.update(|o| {
                o.insert(section.id);
            });
        }
        let pointer = pointer.to_string();
        // The section renders its body on the next tick.
        browser::after_tick(move || {
            if browser::focus(&field_id(&pointer))
                || browser::focus_first_with_id_prefix(&field_id(&format!("{pointer}/")))
            {
                return;
            }
            let mut at = pointer.as_str();
            loop {
                if browser::focus(&field_id(at)) {
                    return;
                }
                if at.is_empty() {
                    browser::focus("summary");
                    return;
                }
                at = draft::parent(at);
            }
        });
    }
}
