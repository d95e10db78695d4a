//! The choice a tab offers when another tab opened a different request: keep mine, or load
//! the other (see [`crate::state::tabs`]).

use leptos::prelude::*;

use super::app::save_draft;
use super::shared::button;
use super::use_editor;
use crate::browser;
use crate::state::tabs::other_tab_line;

/// Shown while another tab's different request waits for a choice; it stays at the top of
/// the window (the person may be anywhere in the form). What happened is announced by the
/// toolbar's status line; focus stays where the person is.
#[component]
pub fn OtherTab() -> impl IntoView {
    let editor = use_editor();
    // Hidden rather than behind <Show>: the lighter wasm.
    view! {
            <div
                class="other-tab"
                role="group"
                aria-labelledby="other-tab-text"
                hidden=move || editor.other_tab.with(Option::is_none)
            >
                <p id="other-tab-text">
                    {move || {
                        editor
                            .other_tab
                            .with(|o| o.as_ref().map(|o| other_tab_line(&o.origin)))
                    }}
                </p>
                <div class="actions">
                    {button(
                        "keep-mine",
                        "",
                        "Keep mine",
                        Box::new(move || {
                            editor.keep_mine();
                            // This tab's request is the draft again: the other tab hears of it.
                            save_draft(editor);
                            browser::focus("status");
                        }),
                    )}
                    {button(
                        "load-other",
                        "secondary",
                        "Load the other",
                        Box::new(move || {
                            editor.load_other();
                            browser::focus("status");
                        }),
                    )}
                </div>
            </div>
    }
}
