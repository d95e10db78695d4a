//! The findings shown under a field or a group, each with the service's wording beside it.

use automl_rules::diag::{Diagnostic, Severity};
use leptos::prelude::*;

use super::form::live::shown_when;
use super::form::rows::{keyed, rows};
use super::use_editor;

/// A finding's kind in its row's key ([`keyed`]): a warning, and with the service's (or
/// the CLI's) wording.
const WARNING: u8 = 1;
const WORDING: u8 = 2;

fn kind_bits(d: &Diagnostic) -> u8 {
    let warning = if d.severity == Severity::Warning {
        WARNING
    } else {
        0
    };
    let wording = if d.service_message.is_some() || d.cli_message.is_some() {
        WORDING
    } else {
        0
    };
    warning | wording
}

/// The findings shown at a field or a group (a list, a channel, a section of its own), at
/// `pointer`; `id` is the list's, for the field's `aria-describedby`. A function rather than a
/// component: the same view without a component's props builder. Like a component's body, it
/// runs untracked.
pub fn messages(pointer: &str, id: Option<String>) -> AnyView {
    untrack(|| messages_list(pointer, id))
}

fn messages_list(pointer: &str, id: Option<String>) -> AnyView {
    let shown = use_editor().field(pointer).shown;
    // Keyed by place and kind, not by text: when only the wording changes (the length while
    // typing), the item's text is updated in place.
    let findings = keyed(
        move || {
            shown.with(|v| {
                v.iter()
                    .enumerate()
                    .map(|(i, d)| (i, d.code, kind_bits(d)))
                    .collect()
            })
        },
        move |(index, _, bits)| {
            let severity = if bits & WARNING != 0 {
                Severity::Warning
            } else {
                Severity::Error
            };
            untrack(|| message_item(shown, index, severity, bits & WORDING != 0))
        },
    );
    view! {
        <ul class="messages" id=id use:rows=findings>
        </ul>
    }
    .into_any()
}

/// One finding under its field (the `index`th of those `shown`, of this `severity`): the
/// message, and the service's wording beside it when it has one (`wording`).
fn message_item(
    shown: RwSignal<Vec<Diagnostic>>,
    index: usize,
    severity: Severity,
    wording: bool,
) -> AnyView {
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
            {shown_when(move || wording && editor.wording.get(), move || view! {
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
            }.into_any())}
        </li>
    }
    .into_any()
}
