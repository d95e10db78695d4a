//! The Check panel: the verdict, the service's whole answer, and every finding as a link to
//! its field (with "Remove it" and "Rename to …" for members the request does not have).

use leptos::prelude::*;

use super::use_editor;
use crate::browser;
use crate::state::draft;
use crate::state::editor::Editor;
use crate::state::findings::plural;
use crate::state::layout::field_id;
use crate::state::verdict::Verdict;
use crate::state::words::field_name;
use crate::state::WORDING_KEY;

/// The verdict and every finding, each a link to its field.
#[component]
pub fn Summary() -> impl IntoView {
    let editor = use_editor();
    // A request missing only required members is not "rejected": it is not written yet,
    // and says so calmly.
    let verdict = Memo::new(move |_| editor.findings.with(Verdict::of));
    // Only the headline is a live region, and it changes only with the verdict's kind: a
    // screen reader hears "The service would reject this" once when it becomes so, not a
    // new count at every keystroke (ten announcements for a name, a role and a duration).
    // The counts beside it update silently; they are one arrow key away. (A debounced
    // region would still announce a count at every pause in typing, and late.)
    let kind = Memo::new(move |_| verdict.get().headline());
    let counts = Memo::new(move |_| editor.findings.with(|f| (f.errors, f.warnings)));
    let all_shown = Memo::new(move |_| editor.reveal.with(|r| r.all));
    // Worked out only while the switch shows it (it would cost every keystroke otherwise).
    let response = Memo::new(move |_| {
        if !editor.wording.get() {
            return None;
        }
        editor.findings.with(|f| match f.cli_response() {
            Some(cli) => Some(("The AWS CLI would refuse to send it:", cli)),
            None => f
                .service_response()
                .map(|s| ("The service would answer:", s)),
        })
    });
    let show_wording = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        editor.wording.set(on);
        browser::save(WORDING_KEY, if on { "shown" } else { "hidden" });
    };
    view! {
        <section class="summary" id="summary" tabindex="-1" aria-labelledby="summary-title">
            <h2 id="summary-title">"Check"</h2>
            <p class=move || verdict.get().class()>
                <span id="verdict-kind" role="status">{move || kind.get()}</span>
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
            <Show when=move || editor.wording.get() && response.with(Option::is_some)>
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
                <details class="findings" id="findings" prop:open=move || all_shown.get()>
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
                                editor
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
                                    editor
                                        .findings
                                        .with(|f| f.list.get(index).map(|d| d.message.clone()))
                                        .unwrap_or_default()
                                };
                                let (go, remove, rename) = (path.clone(), path.clone(), path.clone());
                                // Named from the draft when drawn (a channel's type changed
                                // later shows once the entry is drawn again): a name that
                                // followed the draft cost 1.5 KB of the first load.
                                let where_ = editor.draft.with_untracked(|d| field_name(d.api, &path, &d.root));
                                view! {
                                    <li class={if is_error { "error" } else { "warning" }}>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                editor.reveal.update(|r| { r.touched.insert(go.clone()); });
                                                editor.go_to(&go);
                                            }
                                        >
                                            <span class="where">{where_}</span>
                                            ": "
                                            {message}
                                        </a>
                                        {(code == "unknown")
                                            .then(|| {
                                                // Hidden unless the member is spelt with the
                                                // wrong capitals (see Draft::rename_target).
                                                let to = move |p: &str| editor.draft.with(|d| d.rename_target(p));
                                                let (hide, text) = (rename.clone(), rename.clone());
                                                view! {
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="secondary small"
                                                        hidden=move || to(&hide).is_none()
                                                        on:click=move |_| rename_member(editor, &rename)
                                                    >
                                                        {move || to(&text).map(|n| format!("Rename to {n}"))}
                                                    </button>
                                                    " "
                                                    <button
                                                        type="button"
                                                        class="secondary small"
                                                        on:click=move |_| {
                                                            editor
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
fn rename_member(editor: Editor, pointer: &str) {
    let Some(name) = editor.draft.with_untracked(|d| d.rename_target(pointer)) else {
        return;
    };
    let key = draft::tokens(pointer).pop().unwrap_or_default();
    editor.change_undoably(
        format!("Renamed {key} to {name}, keeping its value. Undo puts {key} back."),
        |d| d.rename(pointer, name),
    );
    editor.go_to(&draft::child(draft::parent(pointer), name));
}
