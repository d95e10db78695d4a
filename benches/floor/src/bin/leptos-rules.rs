//! Leptos and the shared rules, with no form: one text box whose request is checked (plain
//! and service wordings), imported (JSON or an AWS CLI command) and exported in every form
//! the page offers, with the model's labels and help reachable — what the page must carry
//! before it draws a single field.
use automl_rules::export::{self, Target};
use leptos::prelude::*;

fn everything(text: &str) -> String {
    let outcome = automl_rules::check_text(text);
    let mut out = automl_rules::diag::snapshot(&outcome.diagnostics);
    for reply in [
        automl_rules::service_response(&outcome.diagnostics),
        automl_rules::diag::cli_response(&outcome.diagnostics),
    ]
    .into_iter()
    .flatten()
    {
        out.push_str(&reply);
    }
    match automl_rules::import::import_noting(text) {
        Ok((request, notes)) => {
            for target in Target::ALL {
                out.push_str(&export::render(&request, target));
            }
            out.push_str(&notes.join("\n"));
        }
        Err(err) => out.push_str(&err.to_string()),
    }
    if let Some(member) = automl_rules::model::member_at(text.trim()) {
        out.push_str(member.label);
        out.push_str(member.help);
        out.push_str(member.default.unwrap_or(""));
    }
    out
}

#[component]
fn Page() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    view! {
        <textarea prop:value=text on:input=move |e| set_text.set(event_target_value(&e))></textarea>
        <pre>{move || everything(&text.get())}</pre>
    }
}

fn main() {
    mount_to_body(Page)
}
