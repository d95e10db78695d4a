//! The page's components. They only wire signals to the DOM: every decision is made in
//! [`crate::draft`], [`crate::layout`], [`crate::findings`] and the rules library.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use automl_rules::diag::{Diagnostic, Severity};
use automl_rules::export::{self, Target};
use automl_rules::model::{self, Kind, MemberDef, Shape};
use automl_rules::{check, import, json, rules};
use leptos::prelude::*;

use crate::browser;
use crate::draft::{self, Draft, KEPT_WHEN_EMPTY};
use crate::findings::{plural, Findings, Reveal};
use crate::layout::{self, Section, SECTIONS};
use crate::share;

/// A small valid request (`src/example.json`) to start from.
pub const EXAMPLE: &str = include_str!("example.json");

/// The localStorage key of the saved draft.
pub const DRAFT_KEY: &str = "automl-job-web.draft";

/// The localStorage key of the requests Undo puts back (newest last), so a share link, an
/// import or another tab never destroys a saved draft: it stays in the history, after a
/// reload too.
pub const PREVIOUS_KEY: &str = "automl-job-web.previous";

/// The localStorage key of the choice to show the service's wording under each message.
pub const WORDING_KEY: &str = "automl-job-web.wording";
/// Where the export box's line wrapping is kept.
pub const WRAP_KEY: &str = "automl-job-web.wrap";

/// The localStorage key of the requests Redo puts back.
pub const REDO_KEY: &str = "automl-job-web.redo";

/// At most this many steps are kept each way, and at most [`HISTORY_BYTES`] of requests
/// (the newest step is always kept): localStorage holds about 5 MB per site, and the draft
/// needs room too.
const HISTORY_STEPS: usize = 20;
const HISTORY_BYTES: usize = 1 << 20;

/// A request taken away from the form, as compact JSON (what is saved, so a step costs no
/// work until Undo or Redo reads it back), and what took it away ("Started a new request.").
pub type Step = (String, String);

/// A step for `draft`.
fn step_of(draft: &Draft, what: &str) -> Step {
    (draft.to_compact(), what.to_string())
}

/// The requests Undo and Redo put back: newest last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub back: Vec<Step>,
    pub forward: Vec<Step>,
}

/// A list of steps as saved: for each, what took it away on one line and the request as
/// compact JSON (which has no line break) on the next.
fn steps_to_text(steps: &[Step]) -> String {
    let mut text = String::new();
    for (request, what) in steps {
        text.push_str(&what.replace('\n', " "));
        text.push('\n');
        text.push_str(request);
        text.push('\n');
    }
    text
}

/// Reads what [`steps_to_text`] wrote (and the one-step form of earlier versions); a step
/// that is not a JSON object is skipped. The requests are parsed only when Undo or Redo
/// takes them (see [`step_draft`]), not when the page starts.
fn steps_from_text(text: &str) -> Vec<Step> {
    let mut lines = text.lines();
    let mut steps = Vec::new();
    while let (Some(what), Some(request)) = (lines.next(), lines.next()) {
        if request.starts_with('{') && request.ends_with('}') {
            steps.push((request.to_string(), what.to_string()));
        }
    }
    steps
}

/// The request of a step, when it still reads as one.
fn step_draft(request: &str) -> Option<Draft> {
    json::parse(request).ok().and_then(Draft::from_node)
}

/// Drops the oldest steps beyond the bounds, keeping the newest one whatever its size.
fn trim(steps: &mut Vec<Step>) {
    let mut bytes = 0;
    let mut keep = 0;
    for (request, _) in steps.iter().rev() {
        bytes += request.len();
        if keep > 0 && (keep == HISTORY_STEPS || bytes > HISTORY_BYTES) {
            break;
        }
        keep += 1;
    }
    let drop = steps.len() - keep;
    steps.drain(..drop);
}

/// Saves (or clears) one side of the history.
fn save_steps(key: &str, steps: &[Step]) {
    if steps.is_empty() {
        browser::remove(key);
    } else {
        browser::save(key, &steps_to_text(steps));
    }
}

/// Everything the components share, behind one named type in context.
#[derive(Clone, Copy)]
pub struct Store {
    /// The request being written.
    pub draft: RwSignal<Draft>,
    /// Which fields show their findings.
    pub reveal: RwSignal<Reveal>,
    /// The rules' verdict on the draft, recomputed on every edit.
    pub findings: Memo<Findings>,
    /// Ids of the open sections.
    pub open: RwSignal<BTreeSet<&'static str>>,
    /// The requests that "new request", imports, share links and other tabs took away
    /// (Undo), and those Undo took away (Redo).
    pub history: RwSignal<History>,
    /// A short message for screen readers and eyes: what just happened.
    pub notice: RwSignal<String>,
    /// One set of signals per field on the page, kept in step with the draft and the findings
    /// by two effects (see [`Store::sync`]), so a keystroke wakes the field it changed rather
    /// than every field.
    pub fields: StoredValue<HashMap<String, SharedField>>,
    /// Bumped when the export panel should render again: at once when the whole draft is
    /// replaced, and 120 ms after the last keystroke while typing, so a keystroke does not
    /// pay for rendering and laying out the export (see [`Store::sync`]).
    pub export_tick: RwSignal<u64>,
    /// What changed in the draft since the fields were last brought in step.
    pending: StoredValue<Pending>,
    /// Whether keystrokes have changed the draft without telling its readers yet (see
    /// [`Store::edit`]).
    unannounced: StoredValue<bool>,
    /// The field being typed in, revealed once typing pauses (see [`Store::edit`]).
    pause: StoredValue<Option<TimeoutHandle>>,
    /// Bumped when fields appear on the page, so findings with no field of their own find
    /// their place (see [`home`]).
    fields_added: RwSignal<u64>,
    /// Whether each message shows the service's (or the CLI's) own wording under it.
    pub wording: RwSignal<bool>,
    /// Per section: the errors and warnings shown in it (for the badge on its heading).
    pub section_counts: Memo<Vec<(&'static str, usize, usize)>>,
    /// The job name of the `describe-auto-ml-job` output the draft was imported from: while
    /// AutoMLJobName is still that, a warning says the new job needs a name of its own.
    pub described_name: RwSignal<Option<String>>,
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

impl Store {
    /// A store holding `draft`, with the sections that have content open.
    pub fn new(draft: Draft) -> Self {
        let draft = RwSignal::new(draft);
        let described_name = RwSignal::new(None::<String>);
        let findings = Memo::new(move |_| {
            described_name.with(|old| {
                draft.with(|d| {
                    let mut list = automl_rules::check_node(&d.root);
                    let name = d.root.get("AutoMLJobName").and_then(json::Node::as_str);
                    if old.is_some() && name == old.as_deref() {
                        list.push(old_job_name());
                    }
                    Findings::from_list(list)
                })
            })
        });
        let reveal = RwSignal::new(Reveal::default());
        let section_counts = Memo::new(move |_| {
            reveal.with(|r| {
                findings.with(|f| {
                    let mut counts: Vec<(&'static str, usize, usize)> = Vec::new();
                    for d in f.list.iter().filter(|d| r.shows(&d.path)) {
                        let Some(section) = layout::section_of(&d.path) else {
                            continue;
                        };
                        let i = match counts.iter().position(|(s, ..)| *s == section.id) {
                            Some(i) => i,
                            None => {
                                counts.push((section.id, 0, 0));
                                counts.len() - 1
                            }
                        };
                        if d.is_error() {
                            counts[i].1 += 1;
                        } else {
                            counts[i].2 += 1;
                        }
                    }
                    counts
                })
            })
        });
        let store = Store {
            draft,
            reveal,
            findings,
            section_counts,
            open: RwSignal::new(BTreeSet::new()),
            history: RwSignal::new(History::default()),
            notice: RwSignal::new(String::new()),
            fields: StoredValue::new(HashMap::new()),
            export_tick: RwSignal::new(0),
            pending: StoredValue::new(Pending::Full),
            unannounced: StoredValue::new(false),
            pause: StoredValue::new(None),
            fields_added: RwSignal::new(0),
            wording: RwSignal::new(browser::load(WORDING_KEY).as_deref() == Some("shown")),
            described_name,
        };
        store.open_sections_with_content();
        store
    }

    /// The signals of the field at `pointer`, created on first use.
    pub fn field(&self, pointer: &str) -> FieldSignals {
        let shared = self.fields.with_value(|m| m.get(pointer).cloned());
        let shared = shared.unwrap_or_else(|| {
            let (text, required) = self
                .draft
                .with_untracked(|d| (d.text(pointer), layout::is_required(pointer, |p| d.has(p))));
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
            self.fields_added.try_update(|n| *n += 1);
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
    pub fn sync(&self) {
        let store = *self;
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |first: Option<()>| {
            store.draft.track();
            if first.is_none() {
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let bump = move || {
                pending.try_set_value(None);
                store.export_tick.try_update(|t| *t += 1);
            };
            pending.set_value(set_timeout_with_handle(bump, Duration::from_millis(120)).ok());
        });
        on_cleanup(move || {
            if let Some(handle) = pending.try_get_value().flatten() {
                handle.clear();
            }
        });
        Effect::new(move |_| {
            store.draft.track();
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
                                let required = layout::is_required(pointer, |p| d.has(p));
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
        type Last = (Reveal, u64, BTreeSet<String>);
        let last = StoredValue::new(None::<Last>);
        Effect::new(move |_| {
            let added = store.fields_added.get();
            let changes: Vec<(ArcRwSignal<Vec<Diagnostic>>, Vec<Diagnostic>)> =
                store.reveal.with(|r| {
                    store.findings.with(|f| {
                        store.fields.with_value(|fields| {
                            let mut by_home: HashMap<String, Vec<Diagnostic>> = HashMap::new();
                            for d in &f.list {
                                // At its own field once that is revealed; at the fields of
                                // the other members it is about (a metric and the problem
                                // type) once either is, as a change to any may resolve it.
                                let own = r.shows(&d.path);
                                let places = std::iter::once(&d.path)
                                    .filter(|_| own)
                                    .chain(d.related.iter().filter(|p| own || r.shows(p)));
                                for place in places {
                                    let Some(h) = home(place, fields) else {
                                        continue;
                                    };
                                    // Once per place (places that share a home come in turn).
                                    let shown = by_home.entry(h).or_default();
                                    if shown.last() != Some(d) {
                                        shown.push(d.clone());
                                    }
                                }
                            }
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
                                let want = by_home.remove(pointer).unwrap_or_default();
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
        let mut open = BTreeSet::new();
        self.draft.with_untracked(|d| {
            for s in SECTIONS {
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
        self.described_name.set(None);
        let old = self.draft.with_untracked(|d| step_of(d, what));
        self.set_draft(draft, reveal_all);
        self.push_step(old, what.to_string());
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
        self.export_tick.update(|t| *t += 1);
    }

    /// Takes the newest step from Undo's side (`back`) or Redo's; a step that no longer reads
    /// as a request (a hand-edited localStorage) is dropped.
    fn take_step(&self, back: bool) -> Option<(Draft, String)> {
        self.history
            .try_update(|h| {
                let steps = if back { &mut h.back } else { &mut h.forward };
                std::iter::from_fn(|| steps.pop())
                    .find_map(|(request, what)| Some((step_draft(&request)?, what)))
            })
            .flatten()
    }

    /// Puts back the request the last replacement took away; the one it replaces goes to
    /// Redo, so nothing is lost either way.
    pub fn undo(&self) {
        let Some((old, what)) = self.take_step(true) else {
            return;
        };
        let current = self.draft.with_untracked(|d| step_of(d, &what));
        self.set_draft(old, true);
        let more = self.history.try_update(|h| {
            h.forward.push(current);
            trim(&mut h.forward);
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
        let Some((next, what)) = self.take_step(false) else {
            return;
        };
        let current = self.draft.with_untracked(|d| step_of(d, &what));
        self.set_draft(next, true);
        self.history.update(|h| {
            h.back.push(current);
            trim(&mut h.back);
        });
        self.notice
            .set("Put back the request you had before Undo.".to_string());
    }

    /// Removes something from the draft (a list item, a section's settings, an unknown
    /// member) as a step Undo can take back, and says so.
    pub fn remove_undoably(&self, what: String, f: impl FnOnce(&mut Draft)) {
        self.change_undoably(format!("{what} Undo puts it back."), f);
    }

    /// Changes the draft (a removal, a renamed member) as one step Undo can take back, named
    /// and announced by `what`.
    pub fn change_undoably(&self, what: String, f: impl FnOnce(&mut Draft)) {
        let old = self.draft.with_untracked(|d| step_of(d, &what));
        self.mutate(f);
        self.push_step(old, what);
    }

    /// Keeps `old` for Undo and announces `what` (not generic: one copy in the wasm).
    fn push_step(&self, old: Step, what: String) {
        self.history.update(|h| {
            h.back.push(old);
            trim(&mut h.back);
        });
        self.notice.set(what);
    }

    /// Changes the draft in any way but typing in a field (lists, sections).
    pub fn mutate(&self, f: impl FnOnce(&mut Draft)) {
        self.unannounced.set_value(false);
        self.pending.set_value(Pending::Full);
        self.draft.update(f);
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
    /// download, share) bring it in step first ([`Store::announce`]).
    pub fn edit(&self, pointer: &str, text: &str) {
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

    /// Tells the draft's readers about keystrokes not announced yet (see [`Store::edit`]).
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
        if let Some(section) = layout::section_of(pointer) {
            self.open.update(|o| {
                o.insert(section.id);
            });
        }
        let pointer = pointer.to_string();
        // The section renders its body on the next tick.
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
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

/// The warning on a job name kept from `describe-auto-ml-job` output (see
/// [`Store::described_name`]): job names are unique in an account and Region, and the
/// described job holds it for good.
fn old_job_name() -> Diagnostic {
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

/// The id of the control (or group) that edits `pointer`.
pub fn field_id(pointer: &str) -> String {
    format!("field:{pointer}")
}

/// Where a finding at `path` is shown: at its own field or group; else (a required
/// structure with no control of its own, such as `OutputDataConfig`) at the first field
/// inside it, in page order; else at the nearest enclosing one. `None` for the request as a
/// whole (the summary lists those).
fn home(path: &str, fields: &HashMap<String, SharedField>) -> Option<String> {
    if fields.contains_key(path) {
        return Some(path.to_string());
    }
    let below = format!("{path}/");
    if let Some(first) = fields
        .keys()
        .filter(|k| k.starts_with(&below))
        .min_by_key(|k| layout::form_order(k))
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

fn help_id(pointer: &str) -> String {
    format!("help:{pointer}")
}

fn messages_id(pointer: &str) -> String {
    format!("messages:{pointer}")
}

/// What the page starts with.
pub struct Initial {
    pub draft: Draft,
    /// What to tell the person about where it came from, when that needs saying.
    pub notice: Option<String>,
    /// Whether it came from a share link (then every finding shows at once).
    pub from_link: bool,
    /// The saved draft a share link replaced, for undo.
    pub replaced: Option<Draft>,
}

/// What opening a share link says.
const OPENED_LINK: &str =
    "Opened the request from the share link. Undo puts your previous draft back.";

/// The request a share link in the address bar carries: `None` when there is no share link,
/// `Some(Err)` with what to tell the person when it cannot be read. The fragment is dropped
/// from the address bar once read (so a reload does not open the link again).
fn link_in_address() -> Option<Result<Draft, String>> {
    let found = share::from_fragment(&browser::fragment())?;
    browser::clear_fragment();
    Some(match found {
        Ok(text) => json::parse(&text)
            .ok()
            .and_then(Draft::from_node)
            .ok_or_else(|| {
                "The share link does not hold a request; your draft is unchanged.".to_string()
            }),
        Err(e) => Err(format!("{e}; your draft is unchanged.")),
    })
}

/// What the page loads with: a share link in the fragment, else the saved draft, else a new
/// request. A share link that cannot be read leaves the saved draft as it is.
pub fn initial_draft() -> Initial {
    let saved = browser::load(DRAFT_KEY)
        .and_then(|text| json::parse(&text).ok())
        .and_then(Draft::from_node);
    match link_in_address() {
        Some(Ok(draft)) => Initial {
            draft,
            notice: Some(OPENED_LINK.into()),
            from_link: true,
            replaced: saved,
        },
        Some(Err(notice)) => Initial {
            draft: saved.unwrap_or_default(),
            notice: Some(notice),
            from_link: false,
            replaced: None,
        },
        None => Initial {
            draft: saved.unwrap_or_default(),
            notice: None,
            from_link: false,
            replaced: None,
        },
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let initial = initial_draft();
    let store = Store::new(initial.draft);
    if initial.from_link {
        store.reveal.update(|r| r.all = true);
    }
    let mut history = History {
        back: browser::load(PREVIOUS_KEY).map_or_else(Vec::new, |t| steps_from_text(&t)),
        forward: browser::load(REDO_KEY).map_or_else(Vec::new, |t| steps_from_text(&t)),
    };
    if let Some(old) = initial.replaced {
        // Saved before the draft is: the link's request replaces the saved draft below.
        history.back.push(step_of(&old, OPENED_LINK));
        trim(&mut history.back);
        save_steps(PREVIOUS_KEY, &history.back);
    }
    store.history.set(history);
    if let Some(m) = initial.notice {
        store.notice.set(m);
    }
    Effect::new(move |first: Option<()>| {
        store.history.track();
        if first.is_some() {
            store.history.with_untracked(|h| {
                save_steps(PREVIOUS_KEY, &h.back);
                save_steps(REDO_KEY, &h.forward);
            });
        }
    });
    // The draft is saved 300 ms after the last change (a keystroke does not pay for it), and
    // at once when the page is hidden or left (a save when the page becomes visible again
    // finds nothing pending and does nothing).
    let save = move || {
        if let Some(text) = store.draft.try_with_untracked(Draft::to_compact) {
            browser::save(DRAFT_KEY, &text);
        }
    };
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        store.draft.track();
        if first.is_none() {
            save();
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let later = move || {
            pending.try_set_value(None);
            save();
        };
        pending.set_value(set_timeout_with_handle(later, Duration::from_millis(300)).ok());
    });
    // Keystrokes of the last frame are not announced yet (see Store::edit): they count as
    // pending too, or a reload right after typing would lose them.
    let flush = move |_| {
        let unannounced = store.unannounced();
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
            pending.try_set_value(None);
            save();
        } else if unannounced {
            save();
        }
        store.announce();
    };
    // Other tabs. Every tab edits the one saved draft, so the newest write wins — but never
    // silently: when another tab saves a different draft, this tab shows it at once (its own
    // pending save is dropped, so it cannot overwrite the newer one), says so, and keeps
    // what it had as the undo slot. Nothing is lost and the tabs never disagree for long;
    // no locks, no merging, no clocks to trust.
    let _ = window_event_listener_untyped("storage", move |ev| {
        let Some((key, Some(text))) = browser::storage_change(&ev) else {
            return;
        };
        if key != DRAFT_KEY || store.draft.with_untracked(Draft::to_compact) == text {
            return;
        }
        let Some(newer) = json::parse(&text).ok().and_then(Draft::from_node) else {
            return;
        };
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
            pending.try_set_value(None);
        }
        store.replace(
            newer,
            "Another tab saved a different draft, and this tab now shows it. Undo puts this tab's version back.",
            false,
        );
    });
    // A share link pasted into this tab's address bar changes only the fragment: no reload,
    // so it is opened here as on a fresh load (and can be undone).
    let _ = window_event_listener_untyped("hashchange", move |_| match link_in_address() {
        Some(Ok(draft)) => store.replace(draft, OPENED_LINK, true),
        Some(Err(notice)) => store.notice.set(notice),
        None => {}
    });
    let _ = window_event_listener_untyped("pagehide", flush);
    // Mobile browsers may discard a hidden page without a pagehide; not beforeunload, which
    // keeps some browsers from caching the page for back and forward.
    let _ = window_event_listener_untyped("visibilitychange", flush);
    provide_context(store);
    view! { <Page store=store/> }
}

/// The page's layout around a store (component tests mount this with their own store).
#[component]
pub fn Page(
    /// The shared state.
    store: Store,
) -> impl IntoView {
    provide_context(store);
    store.sync();
    // Ctrl+Z (⌘Z) outside a text field is the page's Undo, Ctrl+Shift+Z or Ctrl+Y its Redo;
    // in a text field they stay the field's own.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let redo = match ev.key().as_str() {
            "z" | "Z" => ev.shift_key(),
            "y" | "Y" if !ev.shift_key() => true,
            _ => return,
        };
        let can = store
            .history
            .with_untracked(|h| !if redo { &h.forward } else { &h.back }.is_empty());
        if !can || browser::is_text_field(ev.target()) {
            return;
        }
        ev.prevent_default();
        if redo {
            store.redo();
        } else {
            store.undo();
        }
        browser::focus("status");
    });
    on_cleanup(move || keys.remove());
    view! {
        <a
            class="skip"
            href="#form-start"
            on:click=|ev| {
                // Straight to the first field (the job name), not to the form around it.
                if browser::focus_first_with_id_prefix("field:/") {
                    ev.prevent_default();
                }
            }
        >
            "Skip to the form"
        </a>
        <header class="top">
            <h1>"CreateAutoMLJob request"</h1>
            <p class="lede">
                "Write a SageMaker Autopilot "<code>"CreateAutoMLJob"</code>
                " request, checked as you type against every constraint the service enforces. "
                "Nothing leaves this page: your draft is kept in this browser."
            </p>
            <Toolbar/>
        </header>
        <div class="layout">
            <main id="form-start" class="form" tabindex="-1">
                // Each section is a form of its own (see `TAGS_SECTION`); Enter in a field
                // submits only that one, and nothing is ever sent.
                <div role="form" aria-label="Request" on:submit=|ev| ev.prevent_default()>
                    {SECTIONS.iter().map(|s| view! { <FormSection section=s/> }).collect_view()}
                </div>
            </main>
            <aside class="side">
                <Summary/>
                <Export/>
                <Import/>
            </aside>
        </div>
        <MobileStatus/>
        <footer class="foot">
            <p>
                "Checks run in your browser with the same rules as the "<code>"automl-job check"</code>
                " command. Nothing is sent anywhere."
            </p>
        </footer>
    }
}

fn use_store() -> Store {
    expect_context::<Store>()
}

/// New request, undo, check all, share link, and what just happened.
#[component]
fn Toolbar() -> impl IntoView {
    let store = use_store();
    let new_request = move |_| {
        store.replace(
            Draft::new(),
            "Started a new request. Undo puts your previous draft back.",
            false,
        );
    };
    let example = move |_| {
        // The example is JSON (a test holds it to that).
        if let Some(d) = json::parse(EXAMPLE).ok().and_then(Draft::from_node) {
            store.replace(
                d,
                "Loaded an example request: change what differs for your job. Undo puts your draft back.",
                true,
            );
        }
    };
    let check_all = move |_| {
        store.announce();
        store.reveal.update(|r| r.all = true);
        store
            .notice
            .set(store.findings.with_untracked(Findings::status_line));
        let first = store
            .findings
            .with_untracked(|f| f.list.first().map(|d| d.path.clone()));
        if first.is_some() {
            browser::focus("summary");
        }
    };
    let share_link = move |_| {
        let text = store.draft.with_untracked(Draft::to_compact);
        let url = browser::url_with_fragment(&share::fragment(&text));
        leptos::task::spawn_local(async move {
            let message = match browser::copy(&url).await {
                Ok(()) => format!(
                    "Copied a share link ({} characters). It holds the whole request in the part after #, which browsers never send to a server.",
                    url.len()
                ),
                Err(e) => e,
            };
            store.notice.set(message);
        });
    };
    // Focus moves to the message saying what Undo or Redo did (always on the page, so at
    // once: the button pressed may be gone).
    let undo = move |_| {
        store.undo();
        browser::focus("status");
    };
    let redo = move |_| {
        store.redo();
        browser::focus("status");
    };
    let steps = move |back: bool| {
        store.history.with(|h| {
            let (steps, verb) = if back {
                (&h.back, "Undo")
            } else {
                (&h.forward, "Redo")
            };
            // "Undo “Imported the request” (2 steps available)": the first sentence of what the
            // step did.
            let last = steps.last()?;
            let did = last
                .1
                .split(". ")
                .next()
                .unwrap_or("")
                .trim_end_matches('.');
            Some(format!(
                "{verb} “{did}” ({} available)",
                plural(steps.len(), "step")
            ))
        })
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Request actions">
            <button type="button" on:click=new_request>"New request"</button>
            <button type="button" on:click=example>"Start from an example"</button>
            // The Import panel is the last of the side column, often below the fold.
            <button type="button" on:click=move |_| { browser::focus("import-text"); }>
                "Import…"
            </button>
            <button type="button" on:click=check_all>"Check all"</button>
            <button type="button" on:click=share_link>"Copy share link"</button>
            <Show when=move || steps(true).is_some()>
                <button type="button" class="undo" title=move || steps(true) on:click=undo>
                    "Undo"
                </button>
            </Show>
            <Show when=move || steps(false).is_some()>
                <button type="button" class="redo" title=move || steps(false) on:click=redo>
                    "Redo"
                </button>
            </Show>
        </div>
        <p class="notice" id="status" tabindex="-1" role="status" aria-live="polite">
            {move || store.notice.get()}
        </p>
    }
}

/// The section of up to 50 tags, where each tag is a form of its own.
///
/// Each section's fields are a form of their own (each tag's, in the Tags section): after
/// every keystroke Chromium's autofill looks over each control of the form that holds the
/// field, forcing a style and layout update per control — on a request with 50 tags and
/// every section open, one form of 347 controls cost several milliseconds before the next
/// frame. Within a form, a phone keyboard's Next still moves from field to field.
const TAGS_SECTION: &str = "tags";

/// One section of the form: a heading that opens and closes it, and its fields.
#[component]
fn FormSection(
    /// Which section.
    section: &'static Section,
) -> impl IntoView {
    let store = use_store();
    let id = section.id;
    let is_open = Memo::new(move |_| store.open.with(|o| o.contains(id)));
    let toggle = move |_| {
        store.open.update(|o| {
            if !o.remove(id) {
                o.insert(id);
            }
        })
    };
    let shown_count = Memo::new(move |_| {
        store.section_counts.with(|counts| {
            counts
                .iter()
                .find(|(s, ..)| *s == id)
                .map_or((0, 0), |&(_, e, w)| (e, w))
        })
    });
    let body_id = format!("section-body-{id}");
    let heading_id = format!("section-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="section" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <button
                    type="button"
                    class="section-toggle"
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=body_id.clone()
                    on:click=toggle
                >
                    <span class="chevron" aria-hidden="true"></span>
                    {section.title}
                    {move || {
                        let (e, w) = shown_count.get();
                        let text = match (e, w) {
                            (0, 0) => String::new(),
                            (0, w) => plural(w, "warning"),
                            (e, 0) => plural(e, "error"),
                            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
                        };
                        (!text.is_empty())
                            .then(|| {
                                view! {
                                    <span class={if e > 0 { "badge error" } else { "badge warning" }}>
                                        {text}
                                    </span>
                                }
                            })
                    }}
                </button>
            </h2>
            <p class="intro">{section.intro}</p>
            <div class="section-body" id=body_id hidden=move || !is_open.get()>
                {
                    let body = section.items.iter().map(|p| member_view(store, p.to_string())).collect_view();
                    if section.id == TAGS_SECTION {
                        body.into_any()
                    } else {
                        view! { <form novalidate=true>{body}</form> }.into_any()
                    }
                }
            </div>
        </section>
    }
}

/// The control for the member at `pointer`, chosen by its shape.
fn member_view(store: Store, pointer: String) -> AnyView {
    let Some(shape) = model::shape_at(&pointer) else {
        return ().into_any();
    };
    let def = layout::describing_member(&pointer);
    match &shape.kind {
        Kind::Structure { .. } if KEPT_WHEN_EMPTY.contains(&pointer.as_str()) => {
            optional_group(store, pointer, shape, def)
        }
        Kind::Structure { .. } if layout::is_transparent(shape) => {
            structure_members(store, &pointer, shape)
        }
        Kind::Structure { .. } => {
            let legend = def.map_or("", |d| d.label);
            view! {
                <fieldset class="group" id=field_id(&pointer) tabindex="-1">
                    <legend>{legend}</legend>
                    <Messages pointer=pointer.clone()/>
                    {structure_members(store, &pointer, shape)}
                </fieldset>
            }
            .into_any()
        }
        Kind::List { .. } => list_view(store, pointer, shape, def),
        _ => scalar_view(store, pointer, shape, def, None),
    }
}

fn structure_members(store: Store, pointer: &str, shape: &'static Shape) -> AnyView {
    shape
        .members()
        .iter()
        .map(|m| member_view(store, draft::child(pointer, m.name)))
        .collect_view()
        .into_any()
}

/// An optional structure shown only once added (the VPC).
fn optional_group(
    store: Store,
    pointer: String,
    shape: &'static Shape,
    def: Option<&'static MemberDef>,
) -> AnyView {
    let present = {
        let pointer = pointer.clone();
        Memo::new(move |_| store.draft.with(|d| d.has(&pointer)))
    };
    let label = def.map_or("", |d| d.label);
    let help = def.map_or("", |d| d.help);
    (move || {
        let pointer = pointer.clone();
        if present.get() {
            let remove = {
                let pointer = pointer.clone();
                move |_| {
                    store.remove_undoably(format!("Removed the {label} settings."), |d| {
                        d.remove(&pointer)
                    });
                }
            };
            view! {
                <fieldset class="group" id=field_id(&pointer) tabindex="-1">
                    <legend>{label}" "<code class="api">{shape.name}</code></legend>
                    <p class="help">{help}</p>
                    <Messages pointer=pointer.clone()/>
                    {structure_members(store, &pointer, shape)}
                    <button type="button" class="secondary" on:click=remove>
                        "Remove the "{label}
                    </button>
                </fieldset>
            }
            .into_any()
        } else {
            let add = {
                let pointer = pointer.clone();
                move |_| {
                    store.mutate(|d| {
                        for m in shape.members() {
                            d.push_item(&draft::child(&pointer, m.name));
                        }
                    });
                    let first = shape.members().first().map(|m| draft::child(&pointer, m.name));
                    if let Some(first) = first {
                        store.go_to(&format!("{first}/0"));
                    }
                }
            };
            view! {
                <div class="field optional" id=field_id(&pointer) tabindex="-1">
                    <p class="help">{help}" "<span class="default">"Not set: "{def.and_then(|d| d.default).unwrap_or("left out")}"."</span></p>
                    <button type="button" class="secondary" on:click=add>{format!("Add {}", with_article(label))}</button>
                </div>
            }
            .into_any()
        }
    })
    .into_any()
}

/// What one item of a list is called in button labels.
fn item_noun(list: &Shape) -> &'static str {
    match list.name {
        "AutoMLInputDataConfig" => "channel",
        "TagList" => "tag",
        "VpcSecurityGroupIds" => "security group",
        "Subnets" => "subnet",
        "AutoMLAlgorithmsConfig" => "algorithm restriction",
        "AutoMLAlgorithms" => "algorithm",
        _ => "item",
    }
}

/// A list with add, remove and reorder within its bounds.
fn list_view(
    store: Store,
    pointer: String,
    shape: &'static Shape,
    def: Option<&'static MemberDef>,
) -> AnyView {
    let Kind::List { member, min, max } = &shape.kind else {
        return ().into_any();
    };
    let (member, min, max) = (*member, min.unwrap_or(0) as usize, max.map(|m| m as usize));
    let noun = item_noun(shape);
    let len = {
        let pointer = pointer.clone();
        Memo::new(move |_| store.draft.with(|d| d.len(&pointer)))
    };
    let label = def.map_or("", |d| d.label);
    let help = def.map_or("", |d| d.help);
    let bounds = match max {
        // The help already says how many.
        Some(max) if help.contains(&max.to_string()) => String::new(),
        Some(max) if min > 0 => format!("({min} to {max} {noun}s)"),
        Some(max) => format!("(up to {max} {noun}s)"),
        None => format!("(at least {min} {noun}s)"),
    };
    let add = {
        let pointer = pointer.clone();
        move |_| {
            store.mutate(|d| d.add_item(&pointer));
            let i = store.draft.with_untracked(|d| d.len(&pointer)) - 1;
            let target = first_control(&format!("{pointer}/{i}"), member);
            store.touch(&pointer);
            store.go_to(&target);
        }
    };
    let items_pointer = pointer.clone();
    view! {
        <fieldset class="group list" id=field_id(&pointer) tabindex="-1">
            <legend>
                {label}" "<code class="api">{def.map_or("", |d| d.name)}</code>
            </legend>
            <p class="help" id=help_id(&pointer)>
                {help}" "<span class="bounds">{bounds}</span>
            </p>
            <Messages pointer=pointer.clone()/>
            <ol class="items">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    {list_item(store, items_pointer.clone(), i, member, noun, len, min)}
                </For>
            </ol>
            <button
                type="button"
                class="secondary add"
                on:click=add
                disabled=move || { max.is_some_and(|m| len.get() >= m) }
            >
                {format!("Add {}", with_article(noun))}
            </button>
        </fieldset>
    }
    .into_any()
}

/// The pointer of the first control inside an item.
fn first_control(item: &str, shape: &'static Shape) -> String {
    match &shape.kind {
        Kind::Structure { members } => match members.first() {
            Some(m) => first_control(&draft::child(item, m.name), m.shape),
            None => item.to_string(),
        },
        _ => item.to_string(),
    }
}

fn list_item(
    store: Store,
    list: String,
    i: usize,
    member: &'static Shape,
    noun: &'static str,
    len: Memo<usize>,
    min: usize,
) -> impl IntoView {
    let pointer = format!("{list}/{i}");
    let n = i + 1;
    let buttons = {
        let list = list.clone();
        let (l1, l2, l3) = (list.clone(), list.clone(), list.clone());
        let (up_id, down_id) = (format!("up:{list}/{i}"), format!("down:{list}/{i}"));
        view! {
            <div class="item-actions">
                <button
                    type="button"
                    class="icon"
                    id=up_id
                    aria-label=format!("Move {noun} {n} up")
                    title="Move up"
                    disabled=move || i == 0
                    on:click=move |_| {
                        store.mutate(|d| d.move_item(&l1, i, i - 1));
                        browser::focus(&format!("up:{l1}/{}", i - 1));
                    }
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="icon"
                    id=down_id
                    aria-label=format!("Move {noun} {n} down")
                    title="Move down"
                    disabled=move || { i + 1 >= len.get() }
                    on:click=move |_| {
                        store.mutate(|d| d.move_item(&l2, i, i + 1));
                        browser::focus(&format!("down:{l2}/{}", i + 1));
                    }
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="icon remove"
                    id=format!("remove:{list}/{i}")
                    aria-label=format!("Remove {noun} {n}")
                    title=move || {
                        if len.get() <= min {
                            format!("Remove (the request needs at least {min})")
                        } else {
                            "Remove".to_string()
                        }
                    }
                    on:click=move |_| {
                        store.remove_undoably(format!("Removed {noun} {n}."), |d| d.remove_item(&l3, i));
                        store.touch(&l3);
                        // Keep keyboard focus in the list: on the item that took this place,
                        // else on the list itself.
                        let (list, here) = (l3.clone(), format!("remove:{l3}/{i}"));
                        leptos::task::spawn_local(async move {
                            leptos::task::tick().await;
                            if !browser::focus(&here) {
                                browser::focus(&field_id(&list));
                            }
                        });
                    }
                >
                    "✕"
                </button>
            </div>
        }
    };
    let body = match &member.kind {
        Kind::Structure { .. } => {
            let title = match noun {
                "channel" => {
                    let p = pointer.clone();
                    view! {
                        {format!("Channel {n}")}
                        <span class="channel-type">
                            {move || {
                                store
                                    .draft
                                    .with(|d| {
                                        let t = d.text(&format!("{p}/ChannelType"));
                                        if t.is_empty() { "(training)".to_string() } else { format!("({t})") }
                                    })
                            }}
                        </span>
                    }
                    .into_any()
                }
                _ => format!("{} {n}", capitalize(noun)).into_any(),
            };
            view! {
                <fieldset class="item" id=field_id(&pointer) tabindex="-1">
                    <legend>{title}</legend>
                    {buttons}
                    <Messages pointer=pointer.clone()/>
                    {if noun == "tag" {
                        view! {
                            <form class="item-fields row" novalidate=true>
                                {structure_members(store, &pointer, member)}
                            </form>
                        }
                        .into_any()
                    } else {
                        view! {
                            <div class="item-fields">{structure_members(store, &pointer, member)}</div>
                        }
                        .into_any()
                    }}
                </fieldset>
            }
            .into_any()
        }
        _ => view! {
            <div class="item scalar-item">
                {scalar_view(store, pointer.clone(), member, None, Some(format!("{} {n}", capitalize(noun))))}
                {buttons}
            </div>
        }
        .into_any(),
    };
    view! { <li>{body}</li> }
}

/// "a tag", "an algorithm".
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// An example value for members without a default, shown as the placeholder so a person
/// sees the shape of what is asked (never sent: an empty field stays out of the request).
fn example_of(member: &str) -> Option<&'static str> {
    Some(match member {
        "AutoMLJobName" => "churn-prediction-1",
        "RoleArn" => "arn:aws:iam::111122223333:role/service-role/SageMakerRole",
        "S3Uri" => "s3://amzn-s3-demo-bucket/train/",
        "S3OutputPath" => "s3://amzn-s3-demo-bucket/output/",
        "TargetAttributeName" => "label",
        "SecurityGroupId" => "sg-0123456789abcdef0",
        "SubnetId" => "subnet-0123456789abcdef0",
        "Key" => "project",
        "Value" => "churn",
        "EndpointName" => "churn-endpoint",
        _ => return None,
    })
}

/// For the fields whose default or example stops applying with the rest of the request:
/// what to show instead (the endpoint name once it is generated, the validation fraction
/// once a validation channel gives the split).
fn context_placeholder(store: Store, pointer: &str) -> Option<Memo<Option<&'static str>>> {
    match pointer {
        "/ModelDeployConfig/EndpointName" => Some(Memo::new(move |_| {
            store
                .draft
                .with(|d| d.text("/ModelDeployConfig/AutoGenerateEndpointName") == "true")
                .then_some("leave empty: the name is generated")
        })),
        "/AutoMLJobConfig/DataSplitConfig/ValidationFraction" => Some(Memo::new(move |_| {
            store
                .draft
                .with(|d| {
                    (0..d.len("/InputDataConfig")).any(|i| {
                        d.text(&format!("/InputDataConfig/{i}/ChannelType")) == "validation"
                    })
                })
                .then_some("leave empty with a validation channel")
        })),
        _ => None,
    }
}

/// The default the service uses for the objective metric, given the problem type.
fn metric_default(problem: &str) -> Option<String> {
    rules::metrics_for(problem).map(|(_, default)| format!("{default} (for {problem})"))
}

/// What a select's values depend on, and the values that suit it (`None`: all alike).
type Suited = Option<(String, Vec<&'static str>, Why)>;

/// Which rule makes some values unsuitable, to say why beside each disabled one.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Why {
    Metric,
    Algorithm,
}

impl Why {
    /// What a value suits, for a disabled option: "for regression", "ENSEMBLING mode only".
    fn of(self, value: &str) -> String {
        match self {
            Why::Metric => {
                let suits: Vec<&str> = [
                    ("BinaryClassification", "binary classification"),
                    ("MulticlassClassification", "multiclass classification"),
                    ("Regression", "regression"),
                ]
                .into_iter()
                .filter(|(p, _)| rules::metrics_for(p).is_some_and(|(m, _)| m.contains(&value)))
                .map(|(_, words)| words)
                .collect();
                match suits.as_slice() {
                    [] => "CreateAutoMLJobV2 only".to_string(),
                    [one] => format!("for {one}"),
                    [init @ .., last] => format!("for {} or {last}", init.join(", ")),
                }
            }
            Why::Algorithm => {
                let ens = rules::ENSEMBLING_ALGORITHMS.contains(&value);
                let hpo = rules::HPO_ALGORITHMS.contains(&value);
                match (ens, hpo) {
                    (true, false) => "ENSEMBLING mode only".to_string(),
                    (false, true) => "HYPERPARAMETER_TUNING mode only".to_string(),
                    _ => "not offered".to_string(),
                }
            }
        }
    }
}

/// For the selects whose accepted values depend on another member (the objective metric on
/// the problem type, algorithms on the training mode): what they depend on, and the values
/// that suit it. The rules decide; this only orders the menu.
fn suited_values(store: Store, pointer: &str) -> Option<Memo<Suited>> {
    if pointer == "/AutoMLJobObjective/MetricName" {
        return Some(Memo::new(move |_| {
            let problem = store.draft.with(|d| d.text("/ProblemType"));
            rules::metrics_for(&problem)
                .map(|(metrics, _)| (problem, metrics.to_vec(), Why::Metric))
        }));
    }
    if layout::is_within(
        pointer,
        "/AutoMLJobConfig/CandidateGenerationConfig/AlgorithmsConfig",
    ) {
        return Some(Memo::new(move |_| {
            let mode = store.draft.with(|d| d.text("/AutoMLJobConfig/Mode"));
            let suited: &[&'static str] = match mode.as_str() {
                "ENSEMBLING" => &rules::ENSEMBLING_ALGORITHMS,
                "HYPERPARAMETER_TUNING" => &rules::HPO_ALGORITHMS,
                _ => return None,
            };
            Some((format!("{mode} mode"), suited.to_vec(), Why::Algorithm))
        }));
    }
    None
}

/// The options of an enum select, each selected when it is the value (so re-rendering the
/// options keeps the selection). Values that do not suit what the select depends on are
/// listed apart and disabled (still shown, so a person sees why), except the current value,
/// which stays as it is for the rules to report.
///
/// With nothing to depend on yet (no problem type), `grouped` values are listed by what they
/// suit ("For regression", ...), and those no choice can make suitable are disabled.
fn enum_options(
    values: &'static [&'static str],
    value: RwSignal<String>,
    suited: Option<Memo<Suited>>,
    grouped: Option<Why>,
) -> impl IntoView {
    // A disabled value says what it suits: "MSE (for regression)".
    let option = move |v: &'static str, why: Option<Why>| {
        let text = match why {
            Some(w) => format!("{v} ({})", w.of(v)),
            None => v.to_string(),
        };
        view! {
            <option
                value=v
                prop:selected=move || value.with(|x| x == v)
                disabled=move || why.is_some() && value.with(|x| x != v)
            >
                {text}
            </option>
        }
    };
    move || match suited.and_then(|s| s.get()) {
        None => match grouped {
            None => values
                .iter()
                .map(|v| option(v, None))
                .collect_view()
                .into_any(),
            Some(why) => {
                let mut groups: Vec<(String, Vec<&'static str>)> = Vec::new();
                for v in values.iter().copied() {
                    let suits = why.of(v);
                    match groups.iter_mut().find(|(g, _)| *g == suits) {
                        Some((_, members)) => members.push(v),
                        None => groups.push((suits, vec![v])),
                    }
                }
                // Single problem types first, then values that suit several, then none (in
                // three passes: a sort would add its code to the page).
                let rank = |g: &str| match (g.starts_with("for "), g.contains(" or ")) {
                    (true, false) => 0,
                    (true, true) => 1,
                    _ => 2,
                };
                (0..3)
                    .flat_map(|r| {
                        groups
                            .iter()
                            .filter(move |(g, _)| rank(g) == r)
                            .cloned()
                            .collect::<Vec<_>>()
                    })
                    .map(|(suits, members)| {
                        let never = !suits.starts_with("for ");
                        view! {
                            <optgroup label=capitalize(&suits)>
                                {members
                                    .into_iter()
                                    .map(|v| option(v, never.then_some(why)))
                                    .collect_view()}
                            </optgroup>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        },
        Some((context, good, why)) => {
            let others: Vec<&'static str> = values
                .iter()
                .copied()
                .filter(|v| !good.contains(v))
                .collect();
            view! {
                <optgroup label=format!("Suit {context}")>
                    {good.into_iter().map(|v| option(v, None)).collect_view()}
                </optgroup>
                <optgroup label=format!("Rejected with {context}")>
                    {others.into_iter().map(|v| option(v, Some(why))).collect_view()}
                </optgroup>
            }
            .into_any()
        }
    }
}

/// One control for a scalar member: text, number, enum select or three-state boolean.
fn scalar_view(
    store: Store,
    pointer: String,
    shape: &'static Shape,
    def: Option<&'static MemberDef>,
    label_override: Option<String>,
) -> AnyView {
    let FieldSignals {
        value,
        shown,
        required,
    } = store.field(&pointer);
    let invalid = Memo::new(move |_| shown.with(|s| s.iter().any(Diagnostic::is_error)));
    let id = field_id(&pointer);
    let help = help_id(&pointer);
    let messages = messages_id(&pointer);
    let described_by = {
        let (help, messages) = (help.clone(), messages.clone());
        move || {
            if shown.with(Vec::is_empty) {
                help.clone()
            } else {
                format!("{messages} {help}")
            }
        }
    };
    let label = label_override.unwrap_or_else(|| def.map_or("", |d| d.label).to_string());
    let api_name = match def {
        Some(d) if model::member_at(&pointer).is_some() => d.name,
        _ => shape.name,
    };
    let help_text = if model::member_at(&pointer).is_some() {
        def.map_or("", |d| d.help)
    } else {
        ""
    };
    let is_metric = pointer == "/AutoMLJobObjective/MetricName";
    let own_default = if model::member_at(&pointer).is_some() {
        def.and_then(|d| d.default)
    } else {
        None
    };
    let default_text = move || -> Option<String> {
        if is_metric {
            let problem = store.draft.with(|d| d.text("/ProblemType"));
            return Some(
                metric_default(&problem)
                    .unwrap_or_else(|| "chosen with the problem type".to_string()),
            );
        }
        own_default.map(str::to_string)
    };
    let on_input = {
        let pointer = pointer.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            store.edit(&pointer, &text);
        }
    };
    let on_change = {
        let pointer = pointer.clone();
        move |_| store.touch(&pointer)
    };
    // Booleans and enums are both a select: "not set", then the values.
    let choices: Option<&'static [&'static str]> = match &shape.kind {
        Kind::Boolean => Some(&["true", "false"]),
        Kind::String { values, .. } if !values.is_empty() => Some(values),
        _ => None,
    };
    let control = match (choices, &shape.kind) {
        (Some(values), _) => {
            let mut known = vec![""];
            known.extend_from_slice(values);
            view! {
                <select
                    id=id.clone()
                    name=pointer.clone()
                    prop:value=move || value.get()
                    on:change=move |ev| {
                        on_input(ev);
                        on_change(());
                    }
                    aria-invalid=move || invalid.get().to_string()
                    aria-required=move || required.get().to_string()
                    aria-describedby=described_by
                >
                    <option value="">
                        {move || match default_text() {
                            Some(d) => format!("not set (service default: {d})"),
                            None => "not set".to_string(),
                        }}
                    </option>
                    {enum_options(
                        values,
                        value,
                        suited_values(store, &pointer),
                        (pointer == "/AutoMLJobObjective/MetricName").then_some(Why::Metric),
                    )}
                    {unknown_option(value, &known)}
                </select>
            }
            .into_any()
        }
        (None, kind) => {
            let context = context_placeholder(store, &pointer);
            let step = Stepper::of(kind, own_default);
            let on_key = {
                let pointer = pointer.clone();
                move |ev: leptos::ev::KeyboardEvent| {
                    let Some(step) = step else {
                        return;
                    };
                    let up = match ev.key().as_str() {
                        "ArrowUp" => true,
                        "ArrowDown" => false,
                        _ => return,
                    };
                    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                        return;
                    }
                    // The draft, not the field's signal: that follows a moment later, and a
                    // held key repeats faster.
                    let text = store.draft.with_untracked(|d| d.text(&pointer));
                    let Some(next) = step.next(&text, up) else {
                        // Not a plain number, or at a bound: the caret stays where it is.
                        if step.next(&text, !up).is_some() {
                            ev.prevent_default();
                        }
                        return;
                    };
                    ev.prevent_default();
                    // As if typed, so Ctrl+Z takes the step back; the field's input
                    // listener then edits the draft.
                    let input = ev
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
                    if !input.is_some_and(|i| browser::type_over(&i, &next)) {
                        store.edit(&pointer, &next);
                    }
                    value.set(next);
                    store.touch(&pointer);
                }
            };
            let inputmode = match kind {
                Kind::Integer { .. } => Some("numeric"),
                Kind::Float { .. } => Some("decimal"),
                _ => None,
            };
            view! {
                <input
                    type="text"
                    id=id.clone()
                    name=pointer.clone()
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || value.get()
                    on:input=on_input
                    on:change=move |_| on_change(())
                    on:keydown=on_key
                    placeholder=move || {
                        context
                            .and_then(|c| c.get())
                            .map(str::to_string)
                            .or_else(|| default_text().map(|d| format!("default: {d}")))
                            .or_else(|| example_of(api_name).map(|e| format!("e.g. {e}")))
                    }
                    aria-invalid=move || invalid.get().to_string()
                    aria-required=move || required.get().to_string()
                    aria-describedby=described_by
                />
            }
            .into_any()
        }
    };
    let constraint = constraint_text(shape, help_text);
    let in_seconds = api_name.ends_with("InSeconds");
    let fix = in_seconds.then(|| seconds_fix(store, pointer.clone(), id.clone(), shape, value));
    view! {
        <div class="field" class:has-error=move || invalid.get()>
            <label for=id>
                <span class="label">{label}</span>
                " "
                <code class="api">{api_name}</code>
                {move || required.get().then(|| view! { <span class="required">"required"</span> })}
            </label>
            <p class="help" id=help>
                {help_text}
                {(!constraint.is_empty()).then(|| view! { " "<span class="constraint">{constraint}</span> })}
                // Seconds read as a duration: 14400 is "4 hours".
                {in_seconds
                    .then(|| {
                        view! {
                            <span class="duration">
                                {move || value.with(|v| duration(v).map(|d| format!(" {v} s is {d}.")))}
                            </span>
                        }
                    })}
            </p>
            {control}
            <Messages pointer=pointer.clone() id=messages/>
            {fix}
        </div>
    }
    .into_any()
}

/// Under a field in seconds, live while its text reads as a duration with units ("4h")
/// that comes to a whole number of seconds within range: what it is in seconds ("4h is
/// 14400 seconds.") and a button that writes it so ("Use 14400") as typing would, so Ctrl+Z
/// in the field takes it back. Shown at once, not once the field is left as its finding
/// is, so the very next Tab reaches the button; announced as it appears.
fn seconds_fix(
    store: Store,
    pointer: String,
    id: String,
    shape: &'static Shape,
    value: RwSignal<String>,
) -> impl IntoView {
    let seconds = Memo::new(move |_| {
        value.with(|v| check::seconds_to_write(shape, v).map(|n| (n, v.trim().to_string())))
    });
    // A live region that is always there, so a screen reader hears the hint as it appears
    // (the field's own description is its help and, once shown, its findings).
    let hint = move || {
        seconds.get().map(|(n, typed)| {
            let (pointer, id, text) = (pointer.clone(), id.clone(), n.to_string());
            let hint = format!("{typed} is {text} seconds. ");
            let write = text.clone();
            let on_click = move |_| {
                // Into the field, as if typed there; the field's input listener then edits
                // the draft.
                let input = browser::text_field(&id);
                if !input.is_some_and(|i| i.focus().is_ok() && browser::type_over(&i, &write)) {
                    store.edit(&pointer, &write);
                }
                value.set(write.clone());
                store.touch(&pointer);
            };
            view! {
                <p class="fix">
                    <span class="hint">{hint}</span>
                    <button
                        type="button"
                        class="secondary small"
                        aria-label=format!("Use {text} seconds")
                        on:click=on_click
                    >
                        {format!("Use {text}")}
                    </button>
                </p>
            }
        })
    };
    view! { <div aria-live="polite">{hint}</div> }
}

/// How the arrow keys step a number field: whole numbers by 1, fractions (0 to 1) by 0.05
/// onto the 0.05 grid, within the bounds, from the service's default (or the minimum) when
/// the field is empty. The field stays text, so what is typed is kept as typed, and only a
/// plain number steps (`5.0` and `1e3` are requests of their own, which the rules judge).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Stepper {
    /// Bounds and start in ticks: ones, or hundredths for fractions.
    min: i64,
    max: i64,
    start: i64,
    /// Whether a tick is a hundredth (a fraction stepping by five of them).
    hundredths: bool,
}

impl Stepper {
    fn of(kind: &Kind, default: Option<&str>) -> Option<Self> {
        // The default's leading number ("250 (for ensembling)" reads as 250).
        let default = default.map(|d| {
            let d = d.trim_start();
            &d[..d
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .unwrap_or(d.len())]
        });
        match *kind {
            Kind::Integer { min, max } => {
                let (min, max) = (min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX));
                let start = default
                    .and_then(|d| d.parse::<i64>().ok())
                    .unwrap_or(min.max(0));
                Some(Stepper {
                    min,
                    max,
                    start,
                    hundredths: false,
                })
            }
            Kind::Float { min, max } => {
                // Bounds in hundredths; the model's fractions lie in 0..=1.
                let ticks = |b: Option<f64>, or: i64| b.map_or(or, |b| (b * 100.0).round() as i64);
                let (min, max) = (ticks(min, 0), ticks(max, 100));
                let start = default
                    .and_then(hundredths)
                    .map_or(min, |(t, _)| t)
                    .clamp(min, max);
                Some(Stepper {
                    min,
                    max,
                    start,
                    hundredths: true,
                })
            }
            _ => None,
        }
    }

    /// The text after one step up or down from `text`; `None` leaves the field alone.
    fn next(&self, text: &str, up: bool) -> Option<String> {
        let text = text.trim();
        let next = if text.is_empty() {
            self.start
        } else if self.hundredths {
            // Onto the 0.05 grid: 0.2 → 0.25, 0.21 → 0.25 (up) or 0.2 (down).
            let (t, more) = hundredths(text)?;
            let on_grid = t % 5 == 0 && !more;
            match (up, on_grid) {
                (true, _) => (t / 5 + 1) * 5,
                (false, true) => t - 5,
                (false, false) => t / 5 * 5,
            }
        } else {
            let n = text.parse::<i64>().ok()?;
            if up {
                n.saturating_add(1)
            } else {
                n.saturating_sub(1)
            }
        };
        let next = next.clamp(self.min, self.max);
        let next = if self.hundredths {
            let (whole, cents) = (next / 100, next % 100);
            match cents {
                0 => whole.to_string(),
                c if c % 10 == 0 => format!("{whole}.{}", c / 10),
                c => format!("{whole}.{c:02}"),
            }
        } else {
            next.to_string()
        };
        // At a bound a step changes nothing: no edit, no undo step.
        (next != text).then_some(next)
    }
}

/// A plain non-negative decimal (`0.2`, `1`, `.5` is not one) in hundredths, rounded down,
/// and whether digits beyond the hundredths are not all zero.
fn hundredths(text: &str) -> Option<(i64, bool)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 9 || !digits(whole) || !digits(fraction) {
        return None;
    }
    if text.ends_with('.') {
        return None;
    }
    let cents: i64 = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(2)
        .fold(0, |n, b| n * 10 + i64::from(b - b'0'));
    let more = fraction.bytes().skip(2).any(|b| b != b'0');
    Some((whole.parse::<i64>().ok()? * 100 + cents, more))
}

/// A whole number of seconds in words, largest units first ("1 hour 30 minutes"); `None`
/// for what is not a plain positive whole number.
fn duration(seconds: &str) -> Option<String> {
    let s = seconds.trim();
    if s.is_empty() || s.len() > 12 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut left = s.parse::<u64>().ok().filter(|&n| n > 0)?;
    let mut parts = Vec::new();
    for (size, unit) in [
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ] {
        if left >= size {
            parts.push(plural((left / size) as usize, unit));
            left %= size;
        }
    }
    Some(parts.join(" "))
}

/// An extra option for an imported value the select does not list, so it is shown as it
/// is (and reported by the rules) instead of silently looking unset.
fn unknown_option(value: RwSignal<String>, known: &[&'static str]) -> impl IntoView {
    let known: Vec<&'static str> = known.to_vec();
    move || {
        let v = value.get();
        (!known.contains(&v.as_str())).then(|| {
            view! { <option value=v.clone()>{format!("{v} (not accepted)")}</option> }
        })
    }
}

/// A short statement of a scalar's constraints, for the help line (nothing when the help
/// already gives the bounds).
fn constraint_text(shape: &Shape, help: &str) -> String {
    let bound = match &shape.kind {
        Kind::String { max: Some(m), .. } => Some(f64::from(*m)),
        Kind::Integer { max: Some(m), .. } => Some(*m as f64),
        Kind::Float { max: Some(m), .. } => Some(*m),
        _ => None,
    };
    if bound.is_some_and(|b| help.contains(&automl_rules::display_f64(b))) {
        return String::new();
    }
    match &shape.kind {
        Kind::String {
            min,
            max,
            values: [],
            ..
        } => match (min, max) {
            (Some(min), Some(max)) if *min > 0 => format!("{min}–{max} characters."),
            (_, Some(max)) => format!("At most {max} characters."),
            (Some(min), None) if *min > 0 => format!("At least {min} character."),
            _ => String::new(),
        },
        Kind::Integer { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("Whole number, {min}–{max}."),
            (Some(min), None) => format!("Whole number, at least {min}."),
            _ => "Whole number.".to_string(),
        },
        Kind::Float { .. } => "A number between 0 and 1.".to_string(),
        _ => String::new(),
    }
}

/// The findings shown at a field or a group (a list, a channel, a section of its own).
#[component]
fn Messages(
    /// The pointer of the field or group.
    pointer: String,
    /// The list's id, for the field's `aria-describedby`.
    #[prop(optional)]
    id: Option<String>,
) -> impl IntoView {
    let shown = use_store().field(&pointer).shown;
    view! {
        <ul class="messages" id=id>
            // Keyed by place and kind, not by text: when only the wording changes (the
            // length while typing), the item's text is updated in place.
            <For
                each=move || {
                    shown
                        .with(|v| {
                            v.iter()
                                .map(|d| (d.code, d.severity, d.service_message.is_some() || d.cli_message.is_some()))
                                .enumerate()
                                .collect::<Vec<_>>()
                        })
                }
                key=|item| *item
                let:item
            >
                <MessageItem shown=shown index=item.0 severity=item.1.1 wording=item.1.2/>
            </For>
        </ul>
    }
}

/// One finding under its field: the message, and the service's wording beside it.
#[component]
fn MessageItem(
    /// The findings shown at the field.
    shown: RwSignal<Vec<Diagnostic>>,
    /// Which of them.
    index: usize,
    /// Its severity.
    severity: Severity,
    /// Whether it has the service's (or the CLI's) wording.
    wording: bool,
) -> impl IntoView {
    let class = match severity {
        Severity::Error => "msg error",
        Severity::Warning => "msg warning",
    };
    let prefix = match severity {
        Severity::Error => "Error: ",
        Severity::Warning => "Warning: ",
    };
    let read = move |f: fn(&Diagnostic) -> Option<String>| {
        shown.with(|v| v.get(index).and_then(f)).unwrap_or_default()
    };
    let store = use_store();
    // Plain text under the message, not a disclosure per message: a keyboard user tabbing
    // through the form meets no extra stops (one switch in the Check panel shows them all).
    view! {
        <li class=class>
            <span class="visually-hidden">{prefix}</span>
            <span class="text">{move || read(|d| Some(d.message.clone()))}</span>
            <Show when=move || wording && store.wording.get()>
                // The finding's own clause of the service's answer (the whole answer, with
                // every clause, is in the Check panel), else the CLI's line.
                <p class="wording">
                    <span class="who">
                        {move || {
                            if read(|d| d.service_clause.clone().or(d.service_message.clone()))
                                .is_empty()
                            {
                                "AWS CLI: "
                            } else {
                                "Service: "
                            }
                        }}
                    </span>
                    <code>
                        {move || {
                            read(|d| {
                                d.service_clause
                                    .clone()
                                    .or(d.service_message.clone())
                                    .or(d.cli_message.clone())
                            })
                        }}
                    </code>
                </p>
            </Show>
        </li>
    }
}

/// The label a person sees for the field at `pointer`, for the summary.
fn field_name(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the request".to_string();
    }
    let def = layout::describing_member(pointer);
    let mut where_ = String::new();
    for (i, token) in draft::tokens(pointer).iter().enumerate() {
        if let Ok(n) = token.parse::<usize>() {
            let list = draft::tokens(pointer)[..i].join("/");
            let noun = model::shape_at(&format!("/{list}")).map_or("item", item_noun);
            where_ = format!("{} {}", noun, n + 1);
        }
    }
    let label = def.map_or_else(
        || draft::tokens(pointer).last().cloned().unwrap_or_default(),
        |d| d.label.to_string(),
    );
    if where_.is_empty() {
        label
    } else {
        format!("{label}, {where_}")
    }
}

/// On narrow screens, where the summary is below the form: the verdict, always in view,
/// with a link to the summary.
#[component]
fn MobileStatus() -> impl IntoView {
    let store = use_store();
    let state = Memo::new(move |_| {
        let errors = store.findings.with(|f| f.errors);
        match errors {
            0 => ("mobile-status ok", "Ready to send".to_string()),
            e if not_written_yet(store) => (
                "mobile-status todo",
                format!("To fill in: {}", plural(e, "required member")),
            ),
            e => (
                "mobile-status bad",
                format!("Would be rejected: {}", plural(e, "error")),
            ),
        }
    });
    // A landmark of its own: on phones it is the one part of the page always in view.
    view! {
        <aside class=move || state.get().0 aria-label="Verdict">
            <span>{move || state.get().1}</span>
            <a
                href="#summary"
                on:click=move |ev| {
                    ev.prevent_default();
                    browser::focus("summary");
                }
            >
                "Review"
            </a>
        </aside>
    }
}

/// Whether the request lacks only required members (what a new form has): not written yet,
/// rather than rejected. It says so whether or not fields were touched, so leaving a field
/// does not change the panel's wording (and shift what is below it under the pointer) until
/// a real mistake appears.
fn not_written_yet(store: Store) -> bool {
    store
        .findings
        .with(|f| f.errors > 0 && f.only_missing_members())
}

/// The verdict and every finding, each a link to its field.
#[component]
fn Summary() -> impl IntoView {
    let store = use_store();
    // A request missing only required members is not "rejected": it is not written yet,
    // and says so calmly.
    let verdict = Memo::new(move |_| {
        let todo = not_written_yet(store);
        store.findings.with(|f| {
            if f.errors == 0 {
                ("verdict ok", f.status_line())
            } else if todo {
                (
                    "verdict todo",
                    format!(
                        "Incomplete: {} to fill in.",
                        plural(f.errors, "required member")
                    ),
                )
            } else {
                ("verdict bad", f.status_line())
            }
        })
    });
    let counts = Memo::new(move |_| store.findings.with(|f| (f.errors, f.warnings)));
    let all_shown = Memo::new(move |_| store.reveal.with(|r| r.all));
    // Worked out only while the switch shows it (it would cost every keystroke otherwise).
    let response = Memo::new(move |_| {
        if !store.wording.get() {
            return None;
        }
        store.findings.with(|f| match f.cli_response() {
            Some(cli) => Some(("The AWS CLI would refuse to send it:", cli)),
            None => f
                .service_response()
                .map(|s| ("The service would answer:", s)),
        })
    });
    let show_wording = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        store.wording.set(on);
        browser::save(WORDING_KEY, if on { "shown" } else { "hidden" });
    };
    view! {
        <section class="summary" id="summary" tabindex="-1" aria-labelledby="summary-title">
            <h2 id="summary-title">"Check"</h2>
            <p class=move || verdict.get().0 role="status">
                {move || verdict.get().1}
            </p>
            <label class="switch">
                <input
                    type="checkbox"
                    id="show-wording"
                    prop:checked=move || store.wording.get()
                    on:change=show_wording
                />
                " Show what the service (or the AWS CLI) would say under each message"
            </label>
            <Show when=move || store.wording.get() && response.with(Option::is_some)>
                <div class="response">
                    <p class="who">{move || response.get().map(|r| r.0)}</p>
                    <pre class="code" tabindex="0" aria-label="The whole answer">
                        <code>{move || response.get().map(|r| r.1)}</code>
                    </pre>
                </div>
            </Show>
            <Show when=move || counts.get() != (0, 0)>
                // Opened by "Check all" and imports; following an entry (which touches its
                // field) leaves it as the person left it.
                <details class="findings" prop:open=move || all_shown.get()>
                    <summary>
                        {move || {
                            let (e, w) = counts.get();
                            format!("{} and {} to review", plural(e, "error"), plural(w, "warning"))
                        }}
                    </summary>
                    <ul class="finding-list">
                        // Keyed by place, path and kind: a finding whose wording changes (a
                        // length while typing) is updated in place.
                        <For
                            each=move || {
                                store
                                    .findings
                                    .with(|f| {
                                        f.list
                                            .iter()
                                            .map(|d| (d.path.clone(), d.code, d.is_error()))
                                            .enumerate()
                                            .collect::<Vec<_>>()
                                    })
                            }
                            key=|item| item.clone()
                            let:item
                        >
                            {
                                let (index, (path, code, is_error)) = item;
                                let href = format!("#{}", field_id(&path));
                                let message = move || {
                                    store
                                        .findings
                                        .with(|f| f.list.get(index).map(|d| d.message.clone()))
                                        .unwrap_or_default()
                                };
                                let (go, remove, rename) = (path.clone(), path.clone(), path.clone());
                                view! {
                                    <li class={if is_error { "error" } else { "warning" }}>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                store.reveal.update(|r| { r.touched.insert(go.clone()); });
                                                store.go_to(&go);
                                            }
                                        >
                                            <span class="where">{field_name(&path)}</span>
                                            ": "
                                            {message}
                                        </a>
                                        {(code == "unknown")
                                            .then(|| {
                                                // Hidden unless the member is spelt with the
                                                // wrong capitals (see Draft::rename_target).
                                                let to = move |p: &str| store.draft.with(|d| d.rename_target(p));
                                                let (hide, text) = (rename.clone(), rename.clone());
                                                view! {
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="secondary small"
                                                        hidden=move || to(&hide).is_none()
                                                        on:click=move |_| rename_member(store, &rename)
                                                    >
                                                        {move || to(&text).map(|n| format!("Rename to {n}"))}
                                                    </button>
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="secondary small"
                                                        on:click=move |_| {
                                                            store
                                                                .remove_undoably(
                                                                    format!("Removed {remove} from the request."),
                                                                    |dr| dr.remove(&remove),
                                                                );
                                                        }
                                                    >
                                                        "Remove it"
                                                    </button>
                                                }
                                            })}
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </details>
            </Show>
        </section>
    }
}

/// Renames an unknown member spelt with the wrong capitals (`RoleARN`) to the member it
/// means (`RoleArn`), keeping its value, as one step Undo takes back, then focuses the
/// renamed field; nothing when no rename fits (see [`Draft::rename_target`]).
fn rename_member(store: Store, pointer: &str) {
    let Some(name) = store.draft.with_untracked(|d| d.rename_target(pointer)) else {
        return;
    };
    let key = draft::tokens(pointer).pop().unwrap_or_default();
    store.change_undoably(
        format!("Renamed {key} to {name}, keeping its value. Undo puts {key} back."),
        |d| d.rename(pointer, name),
    );
    store.go_to(&draft::child(draft::parent(pointer), name));
}

/// The exports, always live: every target of the shared exporter, with copy and download.
#[component]
fn Export() -> impl IntoView {
    let store = use_store();
    let target = RwSignal::new(Target::Json);
    // Long lines (a JSON option of the AWS CLI command) wrap in the box when asked: shown,
    // not copied, so the copy stays exact.
    let wrap = RwSignal::new(browser::load(WRAP_KEY).as_deref() == Some("wrap"));
    let text = Memo::new(move |_| {
        store.export_tick.track();
        let t = target.get();
        store.draft.with_untracked(|d| export::render(&d.root, t))
    });
    let errors = Memo::new(move |_| store.findings.with(|f| f.errors));
    let done = RwSignal::new(String::new());
    // What is copied or downloaded is rendered from the draft as it is now: the panel may
    // still be waiting out the pause after the last keystroke.
    let current = move || {
        store
            .draft
            .with_untracked(|d| export::render(&d.root, target.get_untracked()))
    };
    // What was copied, and whether the service would take it.
    let caveat = move || {
        store.announce();
        match store.findings.with_untracked(|f| f.errors) {
            0 => ".".to_string(),
            n => format!(": the service would reject it ({}).", plural(n, "error")),
        }
    };
    let copy = move |_| {
        let (t, text, caveat) = (target.get_untracked(), current(), caveat());
        leptos::task::spawn_local(async move {
            done.set(match browser::copy(&text).await {
                Ok(()) => format!("Copied ({}){caveat}", t.label()),
                Err(e) => e,
            });
        });
    };
    let download = move |_| {
        let t = target.get_untracked();
        let mime = match t {
            Target::Json => "application/json",
            _ => "text/plain",
        };
        done.set(match browser::download(t.file_name(), &current(), mime) {
            Ok(()) => format!("Downloaded {}{}", t.file_name(), caveat()),
            Err(e) => e,
        });
    };
    view! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            // One line, not a second copy of the verdict banner just above (under Check).
            <p class=move || if errors.get() == 0 { "export-state ok" } else { "export-state bad" }>
                {move || match errors.get() {
                    0 => "Ready to send.",
                    _ => "Not ready to send: the errors are listed under Check.",
                }}
            </p>
            <fieldset class="formats">
                <legend>"Format"</legend>
                {Target::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name="export-target"
                                    value=t.name()
                                    prop:checked=move || target.get() == t
                                    on:change=move |_| target.set(t)
                                />
                                {t.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <pre
                class=move || if wrap.get() { "code wrap" } else { "code" }
                tabindex="0"
                aria-label=move || target.get().label()
            >
                <code id="export-text">{move || text.get()}</code>
            </pre>
            <label class="switch">
                <input
                    type="checkbox"
                    id="export-wrap"
                    prop:checked=move || wrap.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        wrap.set(on);
                        browser::save(WRAP_KEY, if on { "wrap" } else { "no-wrap" });
                    }
                />
                " Wrap long lines (in this box only: what is copied keeps its lines)"
            </label>
            <div class="actions">
                <button type="button" id="export-copy" on:click=copy>"Copy"</button>
                <button type="button" id="export-download" on:click=download>
                    {move || format!("Download {}", target.get().file_name())}
                </button>
            </div>
            <p class="notice" role="status">{move || done.get()}</p>
        </section>
    }
}

/// Import a JSON body, an AWS CLI command or a boto3 program (pasted, dropped or from a file). What cannot be
/// read is reported with its place, and the draft is left as it was.
#[component]
fn Import() -> impl IntoView {
    let store = use_store();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    // The Import box ends the side column, often below the fold: a failure's message is
    // scrolled into view once shown. Focus stays where it was; the box is an alert, so a
    // screen reader reads it out anyway.
    let fail = move |message: String| {
        error.set(message);
        leptos::task::spawn_local(async {
            leptos::task::tick().await;
            browser::scroll_to("import-error");
        });
    };
    let import_text = move |source: String| {
        match import::import_noting(&source) {
        Ok((node, left_out)) => match Draft::from_node(node) {
            Some(d) => {
                // The first sentence names the step (Undo's title quotes it).
                let what = if left_out.is_empty() {
                    "Imported the request. Undo puts your previous draft back.".to_string()
                } else {
                    let rename = if import::left_out_describe_output(&left_out) {
                        " AutoMLJobName is still the described job's: give the new job a name of its own."
                    } else {
                        ""
                    };
                    format!(
                        "Imported the request. Left out {}: they are {}, not part of the request, so no export carries them.{rename} Undo puts your previous draft back.",
                        left_out.join(", "),
                        import::left_out_kind(&left_out[0])
                    )
                };
                store.replace(d, &what, true);
                if import::left_out_describe_output(&left_out) {
                    let name = store.draft.with_untracked(|d| {
                        d.root.get("AutoMLJobName").and_then(json::Node::as_str).map(str::to_string)
                    });
                    store.described_name.set(name);
                }
                error.set(String::new());
                text.set(String::new());
                // Show the verdict and every finding first.
                leptos::task::spawn_local(async {
                    leptos::task::tick().await;
                    browser::focus("summary");
                });
            }
            None => fail(
                "This is JSON but not a request: a request is a JSON object ({ … }). Your draft is unchanged."
                    .to_string(),
            ),
        },
        Err(e) => {
            store.notice.set("Could not import that: your draft is unchanged (see Import).".to_string());
            fail(format!(
                "Could not import this: {} (line {}, column {}). Your draft is unchanged.",
                e.message, e.line, e.column
            ))
        }
    }
    };
    // The newest file dropped or chosen wins, whichever is read first.
    let reads = StoredValue::new(0_u64);
    let read_then_import = move |file: web_sys::File| {
        let name = file.name();
        let kind = file.type_();
        // Twice the rules' limit: a command line may wrap a request of that size.
        let limit = 2 * json::MAX_INPUT_BYTES;
        let refusal = if file.size() > limit as f64 {
            Some(format!(
                "{name} is {} KB; a request is at most {} KB",
                (file.size() / 1024.0) as u64,
                json::MAX_INPUT_BYTES / 1024
            ))
        } else if ["image/", "audio/", "video/", "font/"]
            .iter()
            .any(|p| kind.starts_with(p))
        {
            Some(format!(
                "{name} is a {kind} file, not a request: import reads a JSON body or an aws command"
            ))
        } else {
            None
        };
        let n = reads.try_update_value(|r| {
            *r += 1;
            *r
        });
        if let Some(refusal) = refusal {
            store
                .notice
                .set("Could not import that: your draft is unchanged (see Import).".to_string());
            fail(format!("{refusal}. Your draft is unchanged."));
            return;
        }
        leptos::task::spawn_local(async move {
            let read = browser::read_file(file).await;
            if reads.try_get_value() != n {
                return;
            }
            match read {
                Ok(source) => import_text(source),
                Err(e) => fail(format!("{e}. Your draft is unchanged.")),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_then_import(file);
            }
            input.set_value("");
        }
    };
    // A file dropped anywhere on the page is imported: a browser would otherwise open it in
    // place of the page. Text dragged into a field stays the browser's business.
    let carries_files = |ev: &leptos::ev::DragEvent| {
        ev.data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let dropped = window_event_listener(leptos::ev::drop, move |ev| {
        // The Import box handles its own drops.
        if ev.default_prevented() || !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            read_then_import(file);
        }
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            ev.prevent_default();
            read_then_import(file);
        }
    };
    view! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">"Import"</h2>
            <label for="import-text">
                "Paste a JSON request body, an "<code>"aws sagemaker create-auto-ml-job"</code>
                " command or a boto3 program, or drop its file anywhere on the page"
            </label>
            <textarea
                id="import-text"
                rows="4"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:drop=on_drop
                aria-describedby="import-error"
            ></textarea>
            <div class="actions">
                <button type="button" id="import-button" on:click=move |_| import_text(text.get_untracked())>
                    "Import"
                </button>
                <label class="file">
                    "Open a file"
                    <input
                        type="file"
                        accept=".json,.sh,.txt,.ps1,.cmd,.bat,.py,.ipynb,application/json,text/plain,text/x-python"
                        on:change=on_file
                    />
                </label>
            </div>
            <p id="import-error" class="msg error" role="alert" hidden=move || error.with(String::is_empty)>
                {move || error.get()}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_entries_name_the_field_and_the_item() {
        assert_eq!(field_name("/Tags/2/Key"), "Key, tag 3");
        assert_eq!(
            field_name("/InputDataConfig/1/DataSource/S3DataSource/S3Uri"),
            "S3 URI, channel 2"
        );
        assert_eq!(field_name("/AutoMLJobName"), "Job name");
        assert_eq!(field_name("/autoMLJobName"), "autoMLJobName");
        assert_eq!(field_name(""), "the request");
    }

    #[test]
    fn help_lines_state_bounds_once() {
        let name = model::shape_at("/AutoMLJobName").unwrap();
        assert_eq!(
            constraint_text(name, "Unique in your account"),
            "1–32 characters."
        );
        let candidates = model::shape_at("/AutoMLJobConfig/CompletionCriteria/MaxCandidates");
        assert_eq!(constraint_text(candidates.unwrap(), "1 to 750."), "");
        assert_eq!(
            constraint_text(candidates.unwrap(), "How many."),
            "Whole number, 1–750."
        );
    }

    #[test]
    fn defaults_and_words() {
        assert_eq!(
            metric_default("Regression").as_deref(),
            Some("MSE (for Regression)")
        );
        assert_eq!(metric_default(""), None);
        assert_eq!(with_article("algorithm"), "an algorithm");
        assert_eq!(with_article("tag"), "a tag");
        assert_eq!(capitalize("security group"), "Security group");
        assert_eq!(
            first_control(
                "/InputDataConfig/1",
                model::shape_at("/InputDataConfig/1").unwrap()
            ),
            "/InputDataConfig/1/DataSource/S3DataSource/S3DataType"
        );
    }

    #[test]
    fn arrow_keys_step_whole_numbers_and_fractions() {
        let candidates = Stepper::of(
            &model::shape_at("/AutoMLJobConfig/CompletionCriteria/MaxCandidates")
                .unwrap()
                .kind,
            Some("250 (for ensembling)"),
        )
        .unwrap();
        assert_eq!(candidates.next("", true).as_deref(), Some("250"));
        assert_eq!(candidates.next("7", false).as_deref(), Some("6"));
        assert_eq!(
            candidates.next("750", true),
            None,
            "at the maximum: no step"
        );
        assert_eq!(candidates.next("1", false), None, "at the minimum: no step");
        assert_eq!(candidates.next("751", true).as_deref(), Some("750"));
        assert_eq!(candidates.next("1e3", true), None);
        assert_eq!(candidates.next("5.0", true), None);
        let fraction = Stepper::of(
            &model::shape_at("/AutoMLJobConfig/DataSplitConfig/ValidationFraction")
                .unwrap()
                .kind,
            Some("0.2"),
        )
        .unwrap();
        let steps = |text: &str, up: bool| fraction.next(text, up);
        assert_eq!(steps("", true).as_deref(), Some("0.2"), "from the default");
        assert_eq!(steps("0.2", true).as_deref(), Some("0.25"));
        assert_eq!(steps("0.25", true).as_deref(), Some("0.3"));
        assert_eq!(steps("0.2", false).as_deref(), Some("0.15"));
        assert_eq!(
            steps("0.21", true).as_deref(),
            Some("0.25"),
            "onto the grid"
        );
        assert_eq!(steps("0.21", false).as_deref(), Some("0.2"));
        assert_eq!(steps("0.2000", false).as_deref(), Some("0.15"));
        assert_eq!(steps("0.201", false).as_deref(), Some("0.2"));
        assert_eq!(steps("0.05", false).as_deref(), Some("0"));
        assert_eq!(steps("0", false), None, "not below the minimum");
        assert_eq!(steps("0.95", true).as_deref(), Some("1"));
        assert_eq!(steps("1", true), None, "not past the maximum");
        assert_eq!(steps("1.0", true).as_deref(), Some("1"));
        assert_eq!(
            steps("3", false).as_deref(),
            Some("1"),
            "back within the bounds"
        );
        for plain_or_not in ["2e-1", ".5", "0.", "-0.1", "0,2", "x"] {
            assert_eq!(steps(plain_or_not, true), None, "{plain_or_not}");
        }
    }

    #[test]
    fn seconds_read_as_durations() {
        assert_eq!(duration("14400").as_deref(), Some("4 hours"));
        assert_eq!(duration("86400").as_deref(), Some("1 day"));
        assert_eq!(duration("5400").as_deref(), Some("1 hour 30 minutes"));
        assert_eq!(
            duration(" 90061 ").as_deref(),
            Some("1 day 1 hour 1 minute 1 second")
        );
        for not in ["", "0", "1e3", "-5", "5.0", "4h", "9999999999999"] {
            assert_eq!(duration(not), None, "{not}");
        }
    }

    fn step(name: &str) -> Step {
        let mut d = Draft::new();
        d.set_text("/AutoMLJobName", name);
        step_of(&d, &format!("replaced {name}\nwith a line break"))
    }

    #[test]
    fn history_steps_survive_saving_and_the_one_step_form_still_reads() {
        let steps = vec![step("a"), step("b")];
        let read = steps_from_text(&steps_to_text(&steps));
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].0, steps[1].0);
        assert_eq!(read[1].1, "replaced b with a line break");
        let old = format!("Started a new request.\n{}", steps[0].0);
        assert_eq!(steps_from_text(&old)[0].0, steps[0].0);
        assert_eq!(
            step_draft(&steps_from_text(&old)[0].0).map(|d| d.text("/AutoMLJobName")),
            Some("a".to_string())
        );
        assert!(steps_from_text("what\nnot json\n").is_empty());
    }

    #[test]
    fn history_keeps_the_newest_steps_within_its_bounds() {
        let mut steps: Vec<Step> = (0..30).map(|i| step(&format!("n{i}"))).collect();
        trim(&mut steps);
        assert_eq!(steps.len(), HISTORY_STEPS);
        assert_eq!(
            step_draft(&steps.last().unwrap().0)
                .unwrap()
                .text("/AutoMLJobName"),
            "n29"
        );
        let mut big = Draft::new();
        big.set_text("/AutoMLJobName", &"x".repeat(HISTORY_BYTES));
        let mut steps = vec![step("old"), step_of(&big, "")];
        trim(&mut steps);
        assert_eq!(steps.len(), 1, "the newest is kept whatever its size");
        assert_eq!(steps[0].0, big.to_compact());
    }
}
