//! The findings shown under a field or a group, each with the service's wording beside it.

use automl_rules::diag::{Diagnostic, Severity};
use leptos::prelude::*;

use super::use_editor;

/// The findings shown at a field or a group (a list, a channel, a section of its own).
#[component]
pub fn Messages(
    /// The pointer of the field or group.
    pointer: String,
    /// The list's id, for the field's `aria-describedby`.
    #[prop(optional)]
    id: Option<String>,
) -> impl IntoView {
    let shown = use_editor().field(&pointer).shown;
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
    let editor = use_editor();
    // Plain text under the message, not a disclosure per message: a keyboard user tabbing
    // through the form meets no extra stops (one switch in the Check panel shows them all).
    view! {
        <li class=class>
            <span class="visually-hidden">{prefix}</span>
            <span class="text">{move || read(|d| Some(d.message.clone()))}</span>
            <Show when=move || wording && editor.wording.get()>
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
