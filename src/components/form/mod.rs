//! The form: one section per entry of the editor's layout, and in it the control for each
//! member chosen by its shape — a box of members for a structure ([`member_view`]), a list
//! ([`list`]) or a scalar control ([`scalar`]).

mod list;
pub(crate) mod live;
pub mod rows;
mod scalar;

use automl_rules::model::{Kind, MemberDef, Shape};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use self::live::{live_view, memo, shown_when, text_attr};
use super::messages::messages;
use super::use_editor;
use crate::state::draft::{self, KEPT_WHEN_EMPTY};
use crate::state::editor::Editor;
use crate::state::findings::plural;
use crate::state::layout::{self, field_id, Section, PROBLEM_TYPES};
use crate::state::words::with_article;

/// One section of the form: a heading that opens and closes it, and its fields.
#[component]
pub fn FormSection(
    /// Which section.
    section: &'static Section,
) -> impl IntoView {
    let editor = use_editor();
    let id = section.id;
    let is_open = memo(move || editor.open.with(|o| o.contains(id)));
    let toggle = move |_| {
        editor.open.update(|o| {
            if !o.remove(id) {
                o.insert(id);
            }
        })
    };
    let shown_count = memo(move || editor.section_count(id));
    // A problem type's settings are on the page while it is chosen.
    let present = section
        .when
        .map(|at| memo(move || editor.draft.with(|d| d.has(at))));
    let body_id = format!("section-body-{id}");
    let heading_id = format!("section-{id}");
    let labelled_by = heading_id.clone();
    let whole = move || {
        let (body_id, heading_id, labelled_by) =
            (body_id.clone(), heading_id.clone(), labelled_by.clone());
        view! {
        <section class="section" {..custom_attribute("aria-labelledby", labelled_by)}>
            <h2 id=heading_id>
                <button
                    type="button"
                    class="section-toggle"
                    {..text_attr("aria-expanded", move || is_open.get().to_string())}
                    {..custom_attribute("aria-controls", body_id.clone())}
                    on:click=toggle
                >
                    <span class="chevron" {..custom_attribute("aria-hidden", "true")}></span>
                    {section.title}
                    {live_view(move || {
                        let (e, w) = shown_count.get();
                        let text = match (e, w) {
                            (0, 0) => String::new(),
                            (0, w) => plural(w, "warning"),
                            (e, 0) => plural(e, "error"),
                            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
                        };
                        if text.is_empty() {
                            return ().into_any();
                        }
                        view! {
                            <span class={if e > 0 { "badge error" } else { "badge warning" }}>
                                {text}
                            </span>
                        }
                        .into_any()
                    })}
                </button>
            </h2>
            <p class="intro">{section.intro}</p>
            <div class="section-body" id=body_id hidden=move || !is_open.get()>
                {section.union.as_ref().map(|union| (union.choice)(editor, union.at))}
                {
                    let body = section.items.iter().map(|p| member_view(editor, p.to_string())).collect_view();
                    if section.form_per_item {
                        body.into_any()
                    } else {
                        view! { <form {..custom_attribute("novalidate", "")}>{body}</form> }.into_any()
                    }
                }
            </div>
        </section>
        }
    };
    shown_when(
        move || present.is_none_or(|p| p.get()),
        move || whole().into_any(),
    )
}

/// The choice of one member of a union (V2's problem type), as a radio group: choosing one
/// sets it aside the others' settings (see [`Editor::choose_member`]); the union's findings
/// (none chosen, two chosen) show under its legend. Named by the layout of an operation
/// with a union ([`crate::state::layout::Union`]), so the release page loads it with V2.
pub fn union_choice(editor: Editor, union: &'static str) -> AnyView {
    let api = editor.api.get_untracked();
    let def = api.member_at(union);
    let required = editor.field(union).required;
    let chosen = Memo::new(move |_| {
        editor.draft.with(|d| {
            PROBLEM_TYPES
                .iter()
                .filter(|p| d.has(&draft::child(union, p.0)))
                .map(|p| p.0)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset
            class="group choice"
            id=field_id(union)
            tabindex="-1"
            aria-describedby=layout::messages_id(union)
        >
            <legend>
                <span class="label">{def.map_or("", |d| d.label)}</span>
                " "
                <code class="api">{def.map_or("", |d| d.name)}</code>
                {move || required.get().then(|| view! { <span class="required">"required"</span> })}
            </legend>
            <p class="help">{def.map_or("", |d| d.help)}</p>
            {messages(union, Some(layout::messages_id(union)))}
            {PROBLEM_TYPES
                .iter()
                .map(|&(member, label, line)| {
                    view! {
                        <label class="option">
                            <input
                                type="radio"
                                name="problem-type"
                                id=format!("problem-type:{member}")
                                value=member
                                prop:checked=move || chosen.with(|c| c.contains(&member))
                                on:change=move |_| editor.choose_member(union, member, label)
                            />
                            " "
                            <span class="label">{label}</span>
                            " "
                            <code class="api">{member}</code>
                            <span class="line">{line}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
    .into_any()
}

/// The control for the member at `pointer`, chosen by its shape.
fn member_view(editor: Editor, pointer: String) -> AnyView {
    let api = editor.api.get_untracked();
    let Some(shape) = api.shape_at(&pointer) else {
        return ().into_any();
    };
    let def = layout::describing_member(api, &pointer);
    match &shape.kind {
        Kind::Structure { .. } if KEPT_WHEN_EMPTY.contains(&pointer.as_str()) => {
            optional_group(editor, pointer, shape, def)
        }
        Kind::Structure { .. } if layout::is_transparent(shape) => {
            structure_members(editor, &pointer, shape)
        }
        Kind::Structure { .. } => {
            let legend = def.map_or("", |d| d.label);
            group_box(
                "group",
                &pointer,
                legend.into_any(),
                ().into_any(),
                structure_members(editor, &pointer, shape),
            )
        }
        Kind::List { .. } => list::list_view(editor, pointer, shape, def),
        _ => scalar::scalar_view(editor, pointer, shape, def, None),
    }
}

/// A field's or a group's name as a person reads it, then as the API spells it
/// (`Label <code class="api">Name</code>`): one view for a field's label, a list's legend
/// and an optional group's.
fn named(label: AnyView, api: &'static str) -> AnyView {
    view! { {label}" "<code class="api">{api}</code> }.into_any()
}

/// A box of fields: a fieldset with its legend, what comes before its findings, its findings
/// and what comes after them. One view for a structure's box, the VPC's and a list item's.
fn group_box(
    class: &'static str,
    pointer: &str,
    legend: AnyView,
    before: AnyView,
    after: AnyView,
) -> AnyView {
    view! {
        <fieldset class=class id=field_id(pointer) tabindex="-1">
            <legend>{legend}</legend>
            {before}
            {messages(pointer, None)}
            {after}
        </fieldset>
    }
    .into_any()
}

/// The controls of a structure's members, in the model's order.
fn structure_members(editor: Editor, pointer: &str, shape: &'static Shape) -> AnyView {
    shape
        .members()
        .iter()
        .map(|m| member_view(editor, draft::child(pointer, m.name)))
        .collect_view()
        .into_any()
}

/// An optional structure shown only once added (the VPC).
fn optional_group(
    editor: Editor,
    pointer: String,
    shape: &'static Shape,
    def: Option<&'static MemberDef>,
) -> AnyView {
    let present = {
        let pointer = pointer.clone();
        memo(move || editor.draft.with(|d| d.has(&pointer)))
    };
    let label = def.map_or("", |d| d.label);
    let help = def.map_or("", |d| d.help);
    live_view(move || {
        let pointer = pointer.clone();
        if present.get() {
            let remove = {
                let pointer = pointer.clone();
                move |_| {
                    editor.remove_undoably(format!("Removed the {label} settings."), |d| {
                        d.remove(&pointer)
                    });
                }
            };
            group_box(
                "group",
                &pointer,
                named(label.into_any(), shape.name),
                view! { <p class="help">{help}</p> }.into_any(),
                view! {
                    {structure_members(editor, &pointer, shape)}
                    <button type="button" class="secondary" on:click=remove>
                        "Remove the "{label}
                    </button>
                }
                .into_any(),
            )
        } else {
            let add = {
                let pointer = pointer.clone();
                move |_| {
                    editor.mutate(|d| {
                        for m in shape.members() {
                            d.push_item(&draft::child(&pointer, m.name));
                        }
                    });
                    let first = shape
                        .members()
                        .first()
                        .map(|m| draft::child(&pointer, m.name));
                    if let Some(first) = first {
                        editor.go_to(&format!("{first}/0"));
                    }
                }
            };
            view! {
                <div class="field optional" id=field_id(&pointer) tabindex="-1">
                    <p class="help">{help}" "<span class="default">"Not set: "{def.and_then(|d| d.default).unwrap_or("left out")}"."</span></p>
                    <button type="button" class="secondary" on:click=add>{format!("Add {}", with_article(label))}</button>
                </div>
            }
            .into_any()
        }
    })
}
