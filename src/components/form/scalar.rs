//! One control for a scalar member: text, number, enum select or three-state boolean, with
//! its label, help, placeholder, findings, arrow-key stepping and the seconds hint.

use automl_rules::check;
use automl_rules::diag::Diagnostic;
use automl_rules::model::{Kind, MemberDef, Shape};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use super::super::messages::messages;
use super::live::{live_view, maybe_attr, memo, shown_when, text_attr};
use super::named;
use crate::browser;
use crate::state::api::Api;
use crate::state::duration::duration;
use crate::state::editor::{Editor, FieldSignals};
use crate::state::layout::{field_id, help_id, messages_id};
use crate::state::stepper::Stepper;
use crate::state::suited::{self, Depends, Suited, Why};

/// An enum select's group of options: its label (none for the values as they are) and each
/// value with why it suits or not.
type OptionGroup = (Option<String>, Vec<(&'static str, Option<Why>)>);
use crate::state::words::{constraint_text, example_of, metric_default, metric_default_v2};

/// For the fields whose default or example stops applying with the rest of the request:
/// what to show instead (the endpoint name once it is generated, the validation fraction
/// once a validation channel gives the split): while it applies (a `Memo<bool>`, a type the
/// page's other memos already instantiate) and the text.
fn context_placeholder(editor: Editor, pointer: &str) -> Option<(Memo<bool>, &'static str)> {
    match pointer {
        "/ModelDeployConfig/EndpointName" => Some((
            memo(move || {
                editor
                    .draft
                    .with(|d| d.text("/ModelDeployConfig/AutoGenerateEndpointName") == "true")
            }),
            "leave empty: the name is generated",
        )),
        "/AutoMLJobConfig/DataSplitConfig/ValidationFraction"
        | "/DataSplitConfig/ValidationFraction" => {
            let channels = match editor.api.get_untracked() {
                Api::V1 => "/InputDataConfig",
                Api::V2 => "/AutoMLJobInputDataConfig",
            };
            Some((
                memo(move || {
                    editor.draft.with(|d| {
                        (0..d.len(channels))
                            .any(|i| d.text(&format!("{channels}/{i}/ChannelType")) == "validation")
                    })
                }),
                "leave empty with a validation channel",
            ))
        }
        _ => None,
    }
}

/// The options of an enum select, each selected when it is the value (so re-rendering the
/// options keeps the selection). Values that do not suit what the select depends on are
/// listed apart and disabled (still shown, so a person sees why), except the current value,
/// which stays as it is for the rules to report.
///
/// With nothing to depend on yet (no problem type), `grouped` values are listed by what they
/// suit ("For regression", ...), and those no choice can make suitable are disabled.
fn enum_options(
    values: &'static [&'static str],
    value: RwSignal<String>,
    suited: Option<Memo<Suited>>,
    grouped: Option<Why>,
) -> AnyView {
    // A disabled value says what it suits: "MSE (for regression)".
    let option = move |v: &'static str, why: Option<Why>| {
        let text = match why {
            Some(w) => format!("{v} ({})", w.of(v)),
            None => v.to_string(),
        };
        view! {
            <option
                value=v
                prop:selected=move || value.with(|x| x == v)
                disabled=move || why.is_some() && value.with(|x| x != v)
            >
                {text}
            </option>
        }
        .into_any()
    };
    // One path for the three layouts: the values as they are, grouped by what they suit,
    // or those that suit what the select depends on and those it rejects.
    live_view(move || {
        let groups: Vec<OptionGroup> = match suited.and_then(|s| s.get()) {
            None => match grouped {
                None => vec![(None, values.iter().map(|v| (*v, None)).collect())],
                Some(why) => suited::grouped(values, why)
                    .into_iter()
                    .map(|(label, members, never)| {
                        let why = never.then_some(why);
                        (Some(label), members.into_iter().map(|v| (v, why)).collect())
                    })
                    .collect(),
            },
            Some((context, good, why)) => {
                let others = values
                    .iter()
                    .filter(|v| !good.contains(v))
                    .map(|v| (*v, Some(why)))
                    .collect();
                vec![
                    (
                        Some(format!("Suit {context}")),
                        good.into_iter().map(|v| (v, None)).collect(),
                    ),
                    (Some(format!("Rejected with {context}")), others),
                ]
            }
        };
        let mut out: Vec<AnyView> = Vec::new();
        for (label, members) in groups {
            let mut options: Vec<AnyView> = Vec::new();
            for (v, why) in members {
                options.push(option(v, why));
            }
            match label {
                None => out.append(&mut options),
                Some(label) => out.push(optgroup(label, options)),
            }
        }
        out.into_any()
    })
}

/// A group of an enum select's options, under its label.
fn optgroup(label: String, options: Vec<AnyView>) -> AnyView {
    view! { <optgroup {..custom_attribute("label", label)}>{options}</optgroup> }.into_any()
}

/// One control for a scalar member: text, number, enum select or three-state boolean.
pub(super) fn scalar_view(
    editor: Editor,
    pointer: String,
    shape: &'static Shape,
    def: Option<&'static MemberDef>,
    label_override: Option<String>,
) -> AnyView {
    let FieldSignals {
        value,
        shown,
        required,
    } = editor.field(&pointer);
    let invalid = memo(move || shown.with(|s| s.iter().any(Diagnostic::is_error)));
    let id = field_id(&pointer);
    let help = help_id(&pointer);
    let messages_list = messages_id(&pointer);
    let described_by = {
        let (help, messages) = (help.clone(), messages_list.clone());
        move || {
            if shown.with(Vec::is_empty) {
                help.clone()
            } else {
                format!("{messages} {help}")
            }
        }
    };
    let label = label_override.unwrap_or_else(|| def.map_or("", |d| d.label).to_string());
    let api = editor.api.get_untracked();
    // The member's own description, unless the field stands for another (a list's item).
    let own = def.filter(|_| api.member_at(&pointer).is_some());
    let api_name = own.map_or(shape.name, |d| d.name);
    let help_text = own.map_or("", |d| d.help);
    let is_metric = pointer == "/AutoMLJobObjective/MetricName";
    let own_default = own.and_then(|d| d.default);
    let default_text = move || -> Option<String> {
        if is_metric && api == Api::V2 {
            return Some(
                editor
                    .draft
                    .with(metric_default_v2)
                    .unwrap_or_else(|| "chosen with the problem type".to_string()),
            );
        }
        if is_metric {
            let problem = editor.draft.with(|d| d.text("/ProblemType"));
            return Some(
                metric_default(&problem)
                    .unwrap_or_else(|| "chosen with the problem type".to_string()),
            );
        }
        own_default.map(str::to_string)
    };
    let on_input = {
        let pointer = pointer.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            editor.edit(&pointer, &text);
        }
    };
    let on_change = {
        let pointer = pointer.clone();
        move |_| editor.touch(&pointer)
    };
    // Booleans and enums are both a select: "not set", then the values.
    let choices: Option<&'static [&'static str]> = match &shape.kind {
        Kind::Boolean => Some(&["true", "false"]),
        Kind::String { values, .. } if !values.is_empty() => Some(values),
        _ => None,
    };
    let control = match (choices, &shape.kind) {
        (Some(values), _) => {
            let mut known = vec![""];
            known.extend_from_slice(values);
            view! {
                <select
                    id=id.clone()
                    name=pointer.clone()
                    prop:value=move || value.get()
                    on:change=move |ev| {
                        on_input(ev);
                        on_change(());
                    }
                    {..text_attr("aria-invalid", move || invalid.get().to_string())}
                    {..text_attr("aria-required", move || required.get().to_string())}
                    {..text_attr("aria-describedby", described_by)}
                >
                    // Short, so it fits the select on a 320 px phone; the default is in
                    // the help line above, which wraps ("...chosen wit" was cut off here).
                    <option value="">"not set"</option>
                    {enum_options(
                        values,
                        value,
                        Depends::of(api, &pointer)
                            .map(|on| memo(move || editor.draft.with(|d| on.suited(d)))),
                        is_metric.then_some(match api {
                            Api::V1 => Why::Metric,
                            Api::V2 => Why::MetricV2,
                        }),
                    )}
                    {unknown_option(value, &known)}
                </select>
            }
            .into_any()
        }
        (None, kind) => {
            let context = context_placeholder(editor, &pointer);
            let step = Stepper::of(kind, own_default);
            let on_key = {
                let pointer = pointer.clone();
                move |ev: leptos::ev::KeyboardEvent| {
                    let Some(step) = step else {
                        return;
                    };
                    let up = match ev.key().as_str() {
                        "ArrowUp" => true,
                        "ArrowDown" => false,
                        _ => return,
                    };
                    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                        return;
                    }
                    // The draft, not the field's signal: that follows a moment later, and a
                    // held key repeats faster.
                    let text = editor.draft.with_untracked(|d| d.text(&pointer));
                    let Some(next) = step.next(&text, up) else {
                        // Not a plain number, or at a bound: the caret stays where it is.
                        if step.next(&text, !up).is_some() {
                            ev.prevent_default();
                        }
                        return;
                    };
                    ev.prevent_default();
                    // As if typed, so Ctrl+Z takes the step back; the field's input
                    // listener then edits the draft.
                    let input = ev
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
                    if !input.is_some_and(|i| browser::type_over(&i, &next)) {
                        editor.edit(&pointer, &next);
                    }
                    value.set(next);
                    editor.touch(&pointer);
                }
            };
            let inputmode = match kind {
                Kind::Integer { .. } => Some("numeric"),
                Kind::Float { .. } => Some("decimal"),
                _ => None,
            };
            view! {
                <input
                    type="text"
                    id=id.clone()
                    name=pointer.clone()
                    spellcheck="false"
                    // With the placeholder, one attribute type (one copy of Leptos' code).
                    {..maybe_attr("inputmode", move || inputmode.map(str::to_string))}
                    {..custom_attribute("autocomplete", "off")}
                    prop:value=move || value.get()
                    on:input=on_input
                    on:change=move |_| on_change(())
                    on:keydown={on_key}
                    {..maybe_attr("placeholder", move || {
                        context
                            .and_then(|(on, text)| on.get().then(|| text.to_string()))
                            .or_else(|| default_text().map(|d| format!("default: {d}")))
                            .or_else(|| example_of(api_name).map(|e| format!("e.g. {e}")))
                    })}
                    {..text_attr("aria-invalid", move || invalid.get().to_string())}
                    {..text_attr("aria-required", move || required.get().to_string())}
                    {..text_attr("aria-describedby", described_by)}
                />
            }
            .into_any()
        }
    };
    let constraint = constraint_text(shape, help_text);
    // A select's default is said in its help line (its "not set" option stays short).
    let select_default = if choices.is_some() {
        view! {
            <span class="default">
                {move || default_text().map(|d| format!(" Not set: {d}."))}
            </span>
        }
        .into_any()
    } else {
        ().into_any()
    };
    let in_seconds = api_name.ends_with("InSeconds");
    // Parts of the help line and the field drawn for some fields only, each an `AnyView`
    // (nothing when left out) rather than an `Option` of its own view type.
    let constraint = if constraint.is_empty() {
        ().into_any()
    } else {
        view! { " "<span class="constraint">{constraint}</span> }.into_any()
    };
    // Seconds read as a duration: 14400 is "4 hours".
    let (duration_text, fix) = if in_seconds {
        (
            view! {
                <span class="duration">
                    {move || value.with(|v| duration(v).map(|d| format!(" {v} s is {d}.")))}
                </span>
            }
            .into_any(),
            seconds_fix(editor, pointer.clone(), id.clone(), shape, value),
        )
    } else {
        (().into_any(), ().into_any())
    };
    view! {
        <div class=move || if invalid.get() { "field has-error" } else { "field" }>
            <label for=id>
                {named(view! { <span class="label">{label}</span> }.into_any(), api_name)}
                {shown_when(move || required.get(), || view! { <span class="required">"required"</span> }.into_any())}
            </label>
            <p class="help" id=help>
                {help_text}
                {constraint}
                {select_default}
                {duration_text}
            </p>
            {control}
            {messages(&pointer, Some(messages_list))}
            {fix}
        </div>
    }
    .into_any()
}

/// Under a field in seconds, live while its text reads as a duration with units ("4h")
/// that comes to a whole number of seconds within range: what it is in seconds ("4h is
/// 14400 seconds.") and a button that writes it so ("Use 14400") as typing would, so Ctrl+Z
/// in the field takes it back. Shown at once, not once the field is left as its finding
/// is, so the very next Tab reaches the button; announced as it appears.
fn seconds_fix(
    editor: Editor,
    pointer: String,
    id: String,
    shape: &'static Shape,
    value: RwSignal<String>,
) -> AnyView {
    // What was typed and, when it reads so, the seconds it comes to (as text: a memo of this
    // type the page already has, where one of `(u64, String)` would be Leptos' code again).
    let seconds = memo(move || {
        value.with(|v| match check::seconds_to_write(shape, v) {
            Some(n) => (v.trim().to_string(), Some(n.to_string())),
            None => (String::new(), None),
        })
    });
    // A live region that is always there, so a screen reader hears the hint as it appears
    // (the field's own description is its help and, once shown, its findings).
    let hint = live_view(move || {
        let (typed, Some(n)) = seconds.get() else {
            return ().into_any();
        };
        {
            let (pointer, id, text) = (pointer.clone(), id.clone(), n);
            let hint = format!("{typed} is {text} seconds. ");
            let write = text.clone();
            let on_click = move |_| {
                // Into the field, as if typed there; the field's input listener then edits
                // the draft.
                let input = browser::text_field(&id);
                if !input.is_some_and(|i| i.focus().is_ok() && browser::type_over(&i, &write)) {
                    editor.edit(&pointer, &write);
                }
                value.set(write.clone());
                editor.touch(&pointer);
            };
            view! {
                <p class="fix">
                    <span class="hint">{hint}</span>
                    <button
                        type="button"
                        class="secondary small"
                        aria-label=format!("Use {text} seconds")
                        on:click=on_click
                    >
                        {format!("Use {text}")}
                    </button>
                </p>
            }
            .into_any()
        }
    });
    view! { <div aria-live="polite">{hint}</div> }.into_any()
}

/// An extra option for an imported value the select does not list, so it is shown as it
/// is (and reported by the rules) instead of silently looking unset.
fn unknown_option(value: RwSignal<String>, known: &[&'static str]) -> AnyView {
    let known: Vec<&'static str> = known.to_vec();
    live_view(move || {
        let v = value.get();
        if known.contains(&v.as_str()) {
            return ().into_any();
        }
        view! { <option value=v.clone()>{format!("{v} (not accepted)")}</option> }.into_any()
    })
}
