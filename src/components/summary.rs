//! The Check panel: the verdict, the service's whole answer, and every finding as a link to
//! its field (with "Remove it" and "Rename to …" for members the request does not have).

use leptos::prelude::*;

use super::finding_list;
use super::form::live::{live_view, shown_when};
use super::shared::button;
use super::use_editor;
use crate::browser;
use crate::state::editor::Editor;
use crate::state::findings::plural;
use crate::state::WORDING_KEY;

/// Draws the findings list's entries ([`finding_list::entries`]).
type Entries = fn(Editor) -> AnyView;

/// The code of the findings list's entries, once here. A first visit does not see them
/// (they are inside the closed `<details>`), so in the release page (built with
/// `--cfg automl_split`) they are the wasm chunk `finding_list`, fetched when the findings
/// first open (a click on their summary, "Check all", "Review", an import, a share link):
/// "Loading the list…" meanwhile, and a failed fetch says so with Try again. The page keeps
/// them here once fetched (kept in a cell rather than in a signal of a type of its own: each
/// signal type is its own code in the wasm; the panel follows them with `bool` signals).
#[cfg(automl_split)]
static ENTRIES: std::sync::OnceLock<Entries> = std::sync::OnceLock::new();

/// The entries, when their code is here.
#[cfg(automl_split)]
fn entries_here() -> Option<Entries> {
    ENTRIES.get().copied()
}

/// Everywhere but the release page (the component tests) the entries are linked in and here
/// from the start.
#[cfg(not(automl_split))]
fn entries_here() -> Option<Entries> {
    Some(finding_list::entries)
}

/// Keeps the entries fetched.
#[cfg(automl_split)]
fn keep_entries(entries: Entries) {
    let _ = ENTRIES.set(entries);
}

/// Linked in: nothing to keep.
#[cfg(not(automl_split))]
fn keep_entries(_: Entries) {}

/// The split point: the only code of the main module that names the entries, so they and
/// what only they use go to the chunk. `fallible`: a chunk that does not arrive is an `Err`.
#[cfg(automl_split)]
#[leptos::wasm_split::wasm_split(finding_list, wasm_split_path = ::leptos::wasm_split, fallible)]
fn entries_chunk() -> Result<Entries, leptos::wasm_split::SplitLoaderError> {
    Ok(finding_list::entries)
}

/// The entries, linked in (a build without wasm-split).
#[cfg(not(automl_split))]
async fn entries_chunk() -> Result<Entries, leptos::wasm_split::SplitLoaderError> {
    Ok(finding_list::entries)
}

/// The verdict and every finding, each a link to its field.
#[component]
pub fn Summary() -> impl IntoView {
    let editor = use_editor();
    // A request missing only required members is not "rejected": it is not written yet,
    // and says so calmly.
    let verdict = editor.verdict;
    // Only the headline is a live region, and it changes only with the verdict's kind: a
    // screen reader hears "The service would reject this" once when it becomes so, not a
    // new count at every keystroke (ten announcements for a name, a role and a duration).
    // The counts beside it update silently; they are one arrow key away. (A debounced
    // region would still announce a count at every pause in typing, and late.) No memo of
    // its own: a text node is written only when its text changes.
    let counts = Memo::new(move |_| editor.findings.with(|f| (f.errors, f.warnings)));
    // Whether there is anything to review: the findings' `<details>` is drawn while so
    // (through the form's one closure type for parts shown on a condition, not a `<Show>`
    // of its own type), and drawn again only when this changes.
    let any = Memo::new(move |_| counts.get() != (0, 0));
    let all_shown = Memo::new(move |_| editor.reveal.with(|r| r.all));
    // Worked out only while the switch shows it (it would cost every keystroke otherwise),
    // and drawn by the one closure that works it out: no memo and no <Show> of their own
    // types (each is its own code in the wasm), through the form's one closure type for
    // parts drawn again. A new answer of the same shape updates the text in place.
    let response = move || {
        if !editor.wording.get() {
            return ().into_any();
        }
        let Some((who, text)) = editor.findings.with(|f| match f.cli_response() {
            Some(cli) => Some(("The AWS CLI would refuse to send it:", cli)),
            None => f
                .service_response()
                .map(|s| ("The service would answer:", s)),
        }) else {
            return ().into_any();
        };
        view! {
            <div class="response">
                <p class="who">{who}</p>
                <pre class="code" tabindex="0" aria-label="The whole answer">
                    <code>{text}</code>
                </pre>
            </div>
        }
        .into_any()
    };
    // The entries' code, fetched when the findings first open (see [`ENTRIES`]): here,
    // or its fetch failed; a fetch under way is not started again.
    let here = RwSignal::new(entries_here().is_some());
    let failed = RwSignal::new(false);
    let fetching = StoredValue::new(false);
    let load = move || {
        if entries_here().is_some() || fetching.get_value() {
            return;
        }
        fetching.set_value(true);
        failed.set(false);
        leptos::task::spawn_local(async move {
            let fetched = entries_chunk().await;
            fetching.try_set_value(false);
            match fetched {
                Ok(entries) => {
                    keep_entries(entries);
                    here.try_set(true);
                }
                Err(_) => {
                    failed.try_set(true);
                }
            }
        });
    };
    let show_wording = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        editor.wording.set(on);
        browser::save(WORDING_KEY, if on { "shown" } else { "hidden" });
    };
    view! {
        <section class="summary" id="summary" tabindex="-1" aria-labelledby="summary-title">
            <h2 id="summary-title">"Check"</h2>
            <p class=move || verdict.get().class()>
                <span id="verdict-kind" role="status">{move || verdict.get().headline()}</span>
                " "
                <span class="verdict-detail">{move || verdict.get().detail()}</span>
            </p>
            <label class="switch">
                <input
                    type="checkbox"
                    id="show-wording"
                    prop:checked=move || editor.wording.get()
                    on:change=show_wording
                />
                " Show what the service (or the AWS CLI) would say under each message"
            </label>
            {live_view(response)}
            {shown_when(move || any.get(), move || view! {
                // Opened by "Check all" and imports; following an entry (which touches its
                // field) leaves it as the person left it.
                <details
                    class="findings"
                    id="findings"
                    prop:open=move || all_shown.get()
                    on:toggle=move |ev| {
                        if event_target::<web_sys::Element>(&ev).has_attribute("open") {
                            load();
                        }
                    }
                >
                    <summary>
                        {move || {
                            let (e, w) = counts.get();
                            format!("{} and {} to review", plural(e, "error"), plural(w, "warning"))
                        }}
                    </summary>
                    {move || match (here.get().then(entries_here).flatten(), failed.get()) {
                        (Some(entries), _) => view! { <ul class="finding-list">{entries(editor)}</ul> }.into_any(),
                        (None, true) => view! {
                            <p class="list-load" role="alert">
                                "The list of findings could not load. "
                                {button("", "secondary small", "Try again", Box::new(load))}
                            </p>
                        }
                        .into_any(),
                        (None, false) => view! {
                            <p class="list-load" role="status" aria-busy="true">"Loading the list…"</p>
                        }
                        .into_any(),
                    }}
                </details>
            }.into_any())}
        </section>
    }
}
