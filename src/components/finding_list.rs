//! The Check panel's list of findings: every finding as a link to its field, with "Remove
//! it" and "Rename to …" for members the request does not have. In the release page it is
//! a wasm chunk of its own, fetched when the findings first open (see
//! [`super::summary`]'s `List`).

use leptos::prelude::*;

use crate::state::draft;
use crate::state::editor::Editor;
use crate::state::layout::field_id;
use crate::state::words::field_name;

/// The entries of the list, one per finding, in the order of the findings.
pub fn entries(editor: Editor) -> AnyView {
    view! {
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
    }
    .into_any()
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
