//! The page: where it starts (a share link, the saved draft or a new request), what it
//! keeps in localStorage and hears from other tabs, and its layout around the editor.

use std::time::Duration;

use leptos::prelude::*;

use super::data_check::DataCheck;
use super::export::Export;
use super::form::live::live_view;
use super::form::FormSection;
use super::import::Import;
use super::mobile_status::MobileStatus;
use super::operation::OperationChoice;
use super::other_tab::OtherTab;
use super::shared::button;
use super::summary::Summary;
use super::toolbar::Toolbar;
use crate::browser;
use crate::state::api;
use crate::state::draft::Draft;
use crate::state::editor::{ApiLoad, Editor};
use crate::state::history::{step_of, steps_from_text, steps_to_text, History, Step};
use crate::state::shared::{effect, Shared};
use crate::state::tabs::{self, Origin, Saved};
use crate::state::{share, DRAFT_KEY, DRAFT_ORIGIN_KEY, PREVIOUS_KEY, REDO_KEY};

/// Saves (or clears) one side of the history.
fn save_steps(key: &str, steps: &[Step]) {
    if steps.is_empty() {
        browser::remove(key);
    } else {
        browser::save(key, &steps_to_text(steps));
    }
}

/// What the page starts with.
pub struct Initial {
    pub draft: Draft,
    /// Its line of edits: the saved draft's, or a new one.
    pub origin: Origin,
    /// What to tell the person about where it came from, when that needs saying.
    pub notice: Option<String>,
    /// Whether it came from a share link (then every finding shows at once).
    pub from_link: bool,
    /// The draft it replaced (the saved draft a share link replaced, or the V2 draft a new
    /// request took the place of when V2 could not load), for undo, with what replaced it.
    pub replaced: Option<(Draft, &'static str)>,
}

/// What the page says when a new request took the place of a V2 draft whose tables could not
/// load at start.
const NEW_INSTEAD: &str = "Started a new request: CreateAutoMLJobV2 could not be loaded. Undo puts your CreateAutoMLJobV2 draft back.";

/// What opening a share link says when it replaced a saved draft (Undo puts it back, and
/// the line offers Undo right there).
const OPENED_LINK: &str =
    "Opened the request from the share link. Undo puts your previous draft back.";

/// What opening a share link says when there was no other draft to keep (a first visit, or
/// the saved draft is the very request of the link): no Undo is promised.
const OPENED_LINK_ONLY: &str = "Opened the request from the share link.";

/// The request a share link in the address bar carries: `None` when there is no share link,
/// `Some(Err)` with what to tell the person when it cannot be read. The fragment is dropped
/// from the address bar once the page opens with it ([`start`]: a reload does not open the
/// link again), not before: while CreateAutoMLJobV2 loads for a V2 link, the link stays.
fn link_in_address() -> Option<Result<Draft, String>> {
    let found = share::from_fragment(&browser::fragment())?;
    Some(match found {
        Ok(text) => Draft::from_saved(&text).ok_or_else(|| {
            "The share link does not hold a request; your draft is unchanged.".to_string()
        }),
        Err(e) => Err(format!("{e}; your draft is unchanged.")),
    })
}

/// What the page loads with: a share link in the fragment, else the saved draft, else a new
/// request. A share link that cannot be read leaves the saved draft as it is.
pub fn initial_draft() -> Initial {
    let saved = browser::load(DRAFT_KEY).and_then(|text| Draft::from_saved(&text));
    // The saved draft's line of edits, so this tab and others editing it stay one request.
    let saved_origin = saved.as_ref().map(|_| {
        browser::load(DRAFT_ORIGIN_KEY)
            .and_then(|t| Origin::from_text(&t))
            .unwrap_or_else(|| Origin::new(browser::new_id(), "Opened the saved draft."))
    });
    let new_origin = |what: &str| Origin::new(browser::new_id(), what);
    match link_in_address() {
        Some(Ok(draft)) => {
            let replaced = saved
                .filter(|old| old.to_compact() != draft.to_compact())
                .map(|old| (old, OPENED_LINK));
            let notice = if replaced.is_some() {
                OPENED_LINK
            } else {
                OPENED_LINK_ONLY
            };
            Initial {
                draft,
                origin: new_origin(OPENED_LINK),
                notice: Some(notice.into()),
                from_link: true,
                replaced,
            }
        }
        Some(Err(notice)) => Initial {
            origin: saved_origin.unwrap_or_else(|| new_origin("Started a new request.")),
            draft: saved.unwrap_or_default(),
            notice: Some(notice),
            from_link: false,
            replaced: None,
        },
        None => Initial {
            origin: saved_origin.unwrap_or_else(|| new_origin("Started a new request.")),
            draft: saved.unwrap_or_default(),
            notice: None,
            from_link: false,
            replaced: None,
        },
    }
}

/// Saves the draft, its line of edits first: another tab reads that when it hears of the
/// draft. ("Keep mine" calls it too, so the other tab hears of the choice at once.)
pub fn save_draft(editor: Editor) {
    if let Some(text) = editor.draft.try_with_untracked(Draft::to_compact) {
        if let Some(origin) = editor.origin.try_with_value(Origin::to_text) {
            browser::save(DRAFT_ORIGIN_KEY, &origin);
        }
        browser::save(DRAFT_KEY, &text);
    }
}

/// The whole page, for `CreateAutoMLJob` or `CreateAutoMLJobV2` (the draft says which).
#[component]
pub fn App() -> impl IntoView {
    let initial = initial_draft();
    let api = initial.draft.api;
    if api::is_ready(api) {
        return start(initial).into_any();
    }
    // A saved draft or share link of V2 in the release page: V2's tables load first (the
    // page says so, and why when they cannot; nothing is saved meanwhile, so the saved
    // draft stays as it was).
    let waiting = StoredValue::new_local(Some(initial));
    // Always `Some`: of the type the editor's `api_load` has, so the wasm carries one
    // signal type for both.
    let load = Shared::new(Some(ApiLoad::Loading(api)));
    let ready = RwSignal::new(false);
    let attempt = move || {
        load.set(Some(ApiLoad::Loading(api)));
        leptos::task::spawn_local_scoped(async move {
            match api::load(api).await {
                Ok(()) => {
                    ready.try_set(true);
                }
                Err(why) => {
                    load.try_set(Some(ApiLoad::Failed(api, why)));
                }
            }
        });
    };
    attempt();
    // Offline with a V2 draft and V2 not fetched yet: a way on. The V2 draft becomes the step
    // Undo goes back to (saved as such), the page opens a new V1 request.
    let start_new = move || {
        if let Some(Some(old)) = waiting.try_update_value(Option::take) {
            waiting.set_value(Some(Initial {
                draft: Draft::default(),
                origin: Origin::new(browser::new_id(), NEW_INSTEAD),
                notice: Some(NEW_INSTEAD.into()),
                from_link: false,
                replaced: Some((old.draft, NEW_INSTEAD)),
            }));
            ready.set(true);
        }
    };
    let waiting_view = move || {
        let failed = load.with(|l| matches!(l, Some(ApiLoad::Failed(..))));
        view! {
            <main class="form" id="api-start">
                <p id="api-load" class="notice" role=if failed { "alert" } else { "status" }>
                    {move || load.with(|l| l.as_ref().map(ApiLoad::line).unwrap_or_default())}
                </p>
                // Erased, as the other parts drawn on a condition are (no Option of a view
                // type of its own).
                {if failed {
                        view! {
                            <p class="actions">
                                {button("api-load-retry", "", "Try again", Box::new(attempt))}
                                " "
                                {button(
                                    "api-load-new",
                                    "secondary",
                                    "Start a new CreateAutoMLJob request",
                                    Box::new(start_new),
                                )}
                            </p>
                            <p class="hint">
                                "A new request keeps this one one Undo away: Undo opens it once CreateAutoMLJobV2 can load."
                            </p>
                        }
                        .into_any()
                    } else {
                        ().into_any()
                    }}
            </main>
        }
    };
    // Through the form's one closure type for parts drawn again (see `live_view`).
    live_view(move || {
        if ready.get() {
            waiting
                .try_update_value(Option::take)
                .flatten()
                .map_or_else(|| ().into_any(), |initial| start(initial).into_any())
        } else {
            waiting_view().into_any()
        }
    })
}

/// The page with its editor, from what it starts with (whose operation's tables are here).
fn start(initial: Initial) -> impl IntoView {
    if share::from_fragment(&browser::fragment()).is_some() {
        browser::clear_fragment();
    }
    let editor = Editor::with_origin(initial.draft, initial.origin);
    if initial.from_link {
        editor.reveal.update(|r| r.all = true);
    }
    let mut history = History {
        back: browser::load(PREVIOUS_KEY).map_or_else(Vec::new, |t| steps_from_text(&t)),
        forward: browser::load(REDO_KEY).map_or_else(Vec::new, |t| steps_from_text(&t)),
    };
    if let Some((old, why)) = initial.replaced {
        // Saved before the draft is: the new draft replaces the saved one below.
        history.push_back(step_of(&old, why));
        save_steps(PREVIOUS_KEY, &history.back);
    }
    editor.history.set(history);
    if let Some(m) = initial.notice {
        editor.notice.set(m);
    }
    effect(move |first| {
        editor.history.track();
        if !first {
            editor.history.with_untracked(|h| {
                save_steps(PREVIOUS_KEY, &h.back);
                save_steps(REDO_KEY, &h.forward);
            });
        }
    });
    // The draft is saved 300 ms after the last change (a keystroke does not pay for it), and
    // at once when the page is hidden or left (a save when the page becomes visible again
    // finds nothing pending and does nothing).
    let save = move || save_draft(editor);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    effect(move |first| {
        editor.draft.track();
        if first {
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
    // Keystrokes of the last frame are not announced yet (see Editor::edit): they count as
    // pending too, or a reload right after typing would lose them.
    let flush = move |_| {
        let unannounced = editor.unannounced();
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
            pending.try_set_value(None);
            save();
        } else if unannounced {
            save();
        }
        editor.announce();
    };
    // A tab left while it still offers "keep mine or load the other" keeps its own as the
    // draft (the other tab's is in its Undo history already): closing it loses neither.
    let leave = move |ev| {
        if editor.other_tab.try_with_untracked(Option::is_some) == Some(true) {
            save();
        }
        flush(ev);
    };

    // Other tabs (see state::tabs). Every tab saves into the one draft, never silently over
    // another's work: the same request edited in another tab is followed (its own pending
    // save dropped, so it cannot overwrite the newer one; what it had one Undo away); a
    // different request another tab opened is not: this tab keeps its own, says so, and
    // offers keep mine or load the other, the other kept in its Undo history meanwhile.
    let _ = window_event_listener_untyped("storage", move |ev| {
        let Some((key, Some(_))) = browser::storage_change(&ev) else {
            return;
        };
        if key != DRAFT_KEY {
            return;
        }
        // Both as stored now (the origin was written just before the draft).
        let Some(text) = browser::load(DRAFT_KEY) else {
            return;
        };
        let saved = browser::load(DRAFT_ORIGIN_KEY).and_then(|t| Origin::from_text(&t));
        let judged = editor.draft.with_untracked(|d| {
            editor
                .origin
                .with_value(|mine| tabs::judge(&d.to_compact(), mine, &text, saved.as_ref()))
        });
        let Some(newer) = Draft::from_saved(&text) else {
            return;
        };
        match (judged, saved) {
            (Saved::Same, _) => {}
            (Saved::Follow, _) => {
                if let Some(handle) = pending.try_get_value().flatten() {
                    handle.clear();
                    pending.try_set_value(None);
                }
                editor.when_ready(newer.api, move || {
                    editor.follow(newer, tabs::FOLLOWED, false)
                });
            }
            (Saved::Other, saved) => {
                let origin = saved.unwrap_or_else(|| Origin::new(String::new(), ""));
                editor.other_tab_saved(newer.to_compact(), origin);
            }
        }
    });
    // A share link pasted into this tab's address bar changes only the fragment: no reload,
    // so it is opened here as on a fresh load (and can be undone).
    let _ = window_event_listener_untyped("hashchange", move |_| {
        let found = link_in_address();
        if found.is_some() {
            browser::clear_fragment();
        }
        match found {
            Some(Ok(draft)) => {
                editor.when_ready(draft.api, move || editor.replace(draft, OPENED_LINK, true))
            }
            Some(Err(notice)) => editor.notice.set(notice),
            None => {}
        }
    });
    let _ = window_event_listener_untyped("pagehide", leave);
    // Mobile browsers may discard a hidden page without a pagehide; not beforeunload, which
    // keeps some browsers from caching the page for back and forward.
    let _ = window_event_listener_untyped("visibilitychange", flush);
    provide_context(editor);
    view! { <Page editor=editor/> }
}

/// The page's layout around an editor (component tests mount this with their own editor).
#[component]
pub fn Page(
    /// The shared state.
    editor: Editor,
) -> impl IntoView {
    provide_context(editor);
    editor.sync();
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
        let can = editor
            .history
            .with_untracked(|h| !if redo { &h.forward } else { &h.back }.is_empty());
        if !can || browser::is_text_field(ev.target()) {
            return;
        }
        ev.prevent_default();
        if redo {
            editor.redo();
        } else {
            editor.undo();
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
        <OtherTab/>
        <header class="top">
            <h1>{move || format!("{} request", editor.api.get().name())}</h1>
            <p class="lede">
                "Write a SageMaker Autopilot "<code>{move || editor.api.get().name()}</code>
                " request, checked as you type against every constraint the service enforces. Nothing leaves this page: your draft is kept in this browser."
            </p>
            <Toolbar/>
            <ApiLoading/>
        </header>
        <div class="layout">
            <main id="form-start" class="form" tabindex="-1">
                // Each section is a form of its own (see `Section::form_per_item`); Enter in a field
                // submits only that one, and nothing is ever sent.
                <OperationChoice/>
                <div role="form" aria-label="Request" on:submit=|ev| ev.prevent_default()>
                    // The sections of the draft's operation, drawn again when it changes.
                    {live_view(move || {
                        editor
                            .api
                            .get()
                            .layout()
                            .sections
                            .iter()
                            .map(|s| view! { <FormSection section=s/> })
                            .collect_view()
                            .into_any()
                    })}
                </div>
            </main>
            // Import first: on a wide screen the side column is sticky and scrolls on its
            // own, and its top is always in view (at its end, Import needed a scroll of that
            // nested box to be found); the Check panel's place below it does not move.
            <aside class="side">
                <Import/>
                <Summary/>
                <DataCheck/>
                <Export/>
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

/// While an operation's tables load before the draft becomes its request (V2's first use in
/// the release page, see [`Editor::when_ready`]): "Loading CreateAutoMLJobV2…", or why it
/// could not load with Try again and Cancel. The page keeps answering meanwhile.
#[component]
fn ApiLoading() -> impl IntoView {
    let editor = crate::state::editor::use_editor();
    live_view(move || {
        let Some(load) = editor.api_load.get() else {
            return ().into_any();
        };
        let failed = matches!(load, ApiLoad::Failed(..));
        view! {
                <div class="offer" id="api-load" role=if failed { "alert" } else { "status" } aria-busy=(!failed).then_some("true")>
                    <p>{load.line()}</p>
                    {if failed {
                            view! {
                                <div class="actions">
                                    {button("api-load-retry", "", "Try again", Box::new(move || editor.retry_load()))}
                                    {button("api-load-cancel", "secondary", "Cancel", Box::new(move || editor.cancel_load()))}
                                </div>
                            }
                            .into_any()
                        } else {
                            ().into_any()
                        }}
                </div>
            }
            .into_any()
    })
}
