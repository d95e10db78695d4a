//! The phone's status bar.

use leptos::prelude::*;

use super::use_editor;
use crate::browser;

/// On narrow screens, where the summary is below the form: the verdict, always in view,
/// with a link to the summary.
#[component]
pub fn MobileStatus() -> impl IntoView {
    let editor = use_editor();
    let verdict = editor.verdict;
    // A landmark of its own: on phones it is the one part of the page always in view.
    view! {
        <aside class=move || verdict.get().mobile().0 aria-label="Verdict">
            <span>{move || verdict.get().mobile().1}</span>
            <a
                href="#summary"
                on:click=move |ev| {
                    ev.prevent_default();
                    // What there is to review: the findings, opened (they stay as the
                    // person leaves them afterwards).
                    browser::open_details("findings");
                    browser::focus("summary");
                }
            >
                "Review"
            </a>
        </aside>
    }
}
