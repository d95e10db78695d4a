//! The toolbar: new request, example, import, check all, share link, undo and redo, and
//! the line that says what just happened.

use automl_rules::json;
use leptos::prelude::*;

use super::form::live::live_view;
use super::shared::button;
use super::use_editor;
use crate::browser;
use crate::state::api::Api;
use crate::state::draft::Draft;
use crate::state::editor::Editor;
use crate::state::verdict::Verdict;
use crate::state::{share, EXAMPLE, EXAMPLE_V2};

/// New request, undo, check all, share link, and what just happened.
#[component]
pub fn Toolbar() -> impl IntoView {
    let editor = use_editor();
    let new_request = move || {
        editor.replace(
            Draft::new_for(editor.api.get_untracked()),
            "Started a new request. Undo puts your previous draft back.",
            false,
        );
    };
    let example = move || {
        // The example is JSON (a test holds it to that), a CreateAutoMLJob request; while a
        // V2 request is written, its tabular V2 form (as "Convert" makes it; a test holds it
        // to that).
        let api = editor.api.get_untracked();
        let text = match api {
            Api::V1 => EXAMPLE,
            Api::V2 => EXAMPLE_V2,
        };
        let example = json::parse(text)
            .ok()
            .and_then(|node| Draft::from_node_for(node, api));
        if let Some(d) = example {
            editor.replace(
                d,
                "Loaded an example request: change what differs for your job. Undo puts your draft back.",
                true,
            );
        }
    };
    let check_all = move || {
        editor.announce();
        editor.reveal.update(|r| r.all = true);
        // The Check panel's words, from the same verdict.
        editor
            .notice
            .set(editor.findings.with_untracked(Verdict::of).line());
        let first = editor
            .findings
            .with_untracked(|f| f.list.first().map(|d| d.path.clone()));
        if first.is_some() {
            browser::focus("summary");
        }
    };
    let share_link = move || {
        let text = editor.draft.with_untracked(Draft::to_compact);
        let url = browser::url_with_fragment(&share::fragment(&text));
        let length = url.len();
        browser::copy_then(url, move |copied| {
            let message = match copied {
                Ok(()) => format!(
                    "Copied a share link ({length} characters). It holds the whole request in the part after #, which browsers never send to a server."
                ),
                Err(e) => e,
            };
            editor.notice.set(message);
        });
    };
    let undo = move |_| step(editor, true);
    // A line that promises Undo ("Undo puts your previous draft back") is the step Undo
    // takes back: it offers Undo right beside it, so the promise is always kept in view.
    // (No memo of its own: the attribute is written only when the answer changes.)
    let offers_undo = move || {
        editor.notice.with(|n| {
            !n.is_empty()
                && editor
                    .history
                    .with(|h| h.back.last().is_some_and(|s| s.1 == *n))
        })
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Request actions">
            {button("", "", "New request", Box::new(new_request))}
            {button("", "", "Start from an example", Box::new(example))}
            // The Import panel heads the side column: below the form on a phone.
            {button(
                "",
                "",
                "Import…",
                Box::new(|| {
                    browser::focus("import-text");
                }),
            )}
            {button("", "", "Check all", Box::new(check_all))}
            {button("", "", "Copy share link", Box::new(share_link))}
            {step_button(editor, true)}
            {step_button(editor, false)}
        </div>
        <div class="notice-row">
            <p class="notice" id="status" tabindex="-1" role="status" aria-live="polite">
                {move || editor.notice.get()}
            </p>
            <button
                type="button"
                class="secondary small undo-here"
                hidden=move || !offers_undo()
                on:click=undo
            >
                "Undo"
            </button>
        </div>
    }
}

/// Takes the step back (Undo) or forward (Redo). Focus moves to the message saying what it
/// did (always on the page, so at once: the button pressed may be gone).
fn step(editor: Editor, back: bool) {
    if back {
        editor.undo();
    } else {
        editor.redo();
    }
    browser::focus("status");
}

/// Undo (`back`) or Redo while there is a step to take, its title naming the step: drawn by
/// the closure that reads the title (no <Show> of its own type, and the form's one closure
/// type for parts drawn again), so a new title updates the button in place.
fn step_button(editor: Editor, back: bool) -> AnyView {
    let (class, label) = if back {
        ("undo", "Undo")
    } else {
        ("redo", "Redo")
    };
    live_view(move || {
        editor.history.with(|h| h.title(back)).map_or_else(
            || ().into_any(),
            |title| {
                view! {
                    <button type="button" class=class title=title on:click=move |_| step(editor, back)>
                        {label}
                    </button>
                }
                .into_any()
            },
        )
    })
}
