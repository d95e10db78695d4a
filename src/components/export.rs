//! The export panel.

use automl_rules::export::Target;
use leptos::prelude::*;

use super::form::live::live_view;
use super::use_editor;
use crate::browser;
use crate::on_demand;
use crate::state::verdict::Kind;
use crate::state::words::export_preview;
use crate::state::WRAP_KEY;

/// The exports, always live: every target of the shared exporter, with copy and download.
#[component]
pub fn Export() -> impl IntoView {
    let editor = use_editor();
    let target = RwSignal::new(Target::Json);
    // Long lines (a JSON option of the AWS CLI command) wrap in the box when asked: shown,
    // not copied, so the copy stays exact.
    let wrap = RwSignal::new(browser::load(WRAP_KEY).as_deref() == Some("wrap"));
    // The exports other than the JSON body load when first chosen (see `on_demand`): until
    // then the box says so, and Copy and Download wait.
    let ready = RwSignal::new(on_demand::is_loaded());
    let load_failed = RwSignal::new(None::<String>);
    let choose = move |t: Target| {
        target.set(t);
        if t != Target::Json && !ready.get_untracked() {
            load_failed.set(None);
            on_demand::load_then(move |loaded| match loaded {
                Ok(()) => ready.set(true),
                Err(e) => load_failed.set(Some(e)),
            });
        }
    };
    let waiting = move || target.get() != Target::Json && !ready.get();
    // What the box shows: the export, cut when very long (see `export_preview`).
    let text = Memo::new(move |_| {
        editor.export_tick.track();
        ready.track();
        let t = target.get();
        match editor.draft.with_untracked(|d| on_demand::export(&d.root, t, d.api)) {
            Some(whole) => {
                let (shown, note) = export_preview(&whole);
                (shown.to_string(), note)
            }
            None => (
                match load_failed.get() {
                    Some(e) => format!(
                        "Could not load this export ({e}): check the connection and choose it again."
                    ),
                    None => format!("Loading the {} export…", t.label()),
                },
                None,
            ),
        }
    });
    let verdict = editor.verdict;
    let done = RwSignal::new(String::new());
    // What is copied or downloaded is rendered from the draft as it is now: the panel may
    // still be waiting out the pause after the last keystroke.
    let current = move || {
        editor
            .draft
            .with_untracked(|d| on_demand::export(&d.root, target.get_untracked(), d.api))
    };
    // What was copied, and whether the service would take it.
    let caveat = move || {
        editor.announce();
        editor.verdict.get_untracked().caveat()
    };
    let copy = move |_| {
        let (t, caveat) = (target.get_untracked(), caveat());
        let Some(text) = current() else {
            return done.set(format!("The {} export is still loading.", t.label()));
        };
        browser::copy_then(text, move |copied| {
            done.set(match copied {
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
        let Some(text) = current() else {
            return done.set(format!("The {} export is still loading.", t.label()));
        };
        done.set(match browser::download(t.file_name(), &text, mime) {
            Ok(()) => format!("Downloaded {}{}", t.file_name(), caveat()),
            Err(e) => e,
        });
    };
    view! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            // One plain line in the verdict's words, not a second banner (that is under Check).
            <p class=move || match verdict.get().kind() {
                Kind::Ready => "export-state ok",
                _ => "export-state bad",
            }>
                {move || verdict.get().export_line()}
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
                                    on:change=move |_| choose(t)
                                />
                                {t.label()}
                            </label>
                        }
                        // Erased: a list of the one view type the form's lists are.
                        .into_any()
                    })
                    .collect_view()}
            </fieldset>
            <pre
                class=move || if wrap.get() { "code wrap" } else { "code" }
                tabindex="0"
                aria-label=move || target.get().label()
                aria-busy=move || waiting().then_some("true")
            >
                <code id="export-text">{move || text.with(|t| t.0.clone())}</code>
            </pre>
            {live_view(move || {
                text.with(|t| t.1.clone())
                    .map_or_else(|| ().into_any(), |note| view! { <p class="export-more">{note}</p> }.into_any())
            })}
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
                <button type="button" id="export-copy" on:click=copy disabled=waiting>
                    "Copy"
                </button>
                <button type="button" id="export-download" on:click=download disabled=waiting>
                    {move || format!("Download {}", target.get().file_name())}
                </button>
            </div>
            <p class="notice" role="status">{move || done.get()}</p>
        </section>
    }
}
