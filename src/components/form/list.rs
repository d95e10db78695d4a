//! A list with add, remove and reorder within its bounds, and its items.

use automl_rules::model::{Kind, MemberDef, Shape};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use super::super::messages::messages;
use super::live::{live_view, memo, text_attr};
use super::rows::{keyed, rows};
use super::scalar::scalar_view;
use super::{group_box, named, structure_members};
use crate::browser;
use crate::state::editor::Editor;
use crate::state::findings::plural;
use crate::state::layout::{field_id, first_control, help_id, rows_drawn};
use crate::state::words::{capitalize, item_noun, more_items, with_article};

/// A list with add, remove and reorder within its bounds. It draws at most
/// [`rows_drawn`] items; the rest are one row that counts them and removes them (one step).
pub(super) fn list_view(
    editor: Editor,
    pointer: String,
    shape: &'static Shape,
    def: Option<&'static MemberDef>,
) -> AnyView {
    let Kind::List { member, min, max } = &shape.kind else {
        return ().into_any();
    };
    let (member, min, max) = (*member, min.unwrap_or(0) as usize, max.map(|m| m as usize));
    let noun = item_noun(shape);
    let len = {
        let pointer = pointer.clone();
        memo(move || editor.draft.with(|d| d.len(&pointer)))
    };
    let drawn = rows_drawn(max);
    let drawn_rows = memo(move || len.get().min(drawn));
    let more = {
        let pointer = pointer.clone();
        live_view(move || {
            let more = len.get().saturating_sub(drawn);
            if more == 0 {
                return ().into_any();
            }
            {
                let (text, button) = more_items(more, drawn, noun, max.is_some());
                let pointer = pointer.clone();
                let remove = move |_| {
                    let them = if more == 1 { "it" } else { "them" };
                    editor.change_undoably(
                        format!(
                            "Removed the {} after the first {drawn}. Undo puts {them} back.",
                            plural(more, noun)
                        ),
                        |d| d.truncate_list(&pointer, drawn),
                    );
                    editor.touch(&pointer);
                    browser::focus(&field_id(&pointer));
                };
                view! {
                    <div class="more-items" role="group" aria-label=format!("{} not shown", plural(more, noun))>
                        <p>{text}</p>
                        <button type="button" class="secondary" on:click=remove>{button}</button>
                    </div>
                }
                .into_any()
            }
        })
    };
    let label = def.map_or("", |d| d.label);
    let help = def.map_or("", |d| d.help);
    let bounds = match max {
        // The help already says how many.
        Some(max) if help.contains(&max.to_string()) => String::new(),
        Some(max) if min > 0 => format!("({min} to {max} {noun}s)"),
        Some(max) => format!("(up to {max} {noun}s)"),
        None => format!("(at least {min} {noun}s)"),
    };
    let add = {
        let pointer = pointer.clone();
        move |_| {
            editor.mutate(|d| d.add_item(&pointer));
            let i = editor.draft.with_untracked(|d| d.len(&pointer)) - 1;
            let target = first_control(&format!("{pointer}/{i}"), member);
            editor.touch(&pointer);
            editor.go_to(&target);
        }
    };
    let items_pointer = pointer.clone();
    let items = keyed(
        move || (0..drawn_rows.get()).map(|i| (i, "", 0)).collect(),
        move |(i, ..)| {
            list_item(editor, items_pointer.clone(), i, member, noun, len, min).into_any()
        },
    );
    view! {
        <fieldset class="group list" id=field_id(&pointer) tabindex="-1">
            <legend>{named(label.into_any(), def.map_or("", |d| d.name))}</legend>
            <p class="help" id=help_id(&pointer)>
                {help}" "<span class="bounds">{bounds}</span>
            </p>
            {messages(&pointer, None)}
            <ol class="items" use:rows=items></ol>
            {more}
            <button
                type="button"
                class="secondary add"
                on:click=add
                disabled=move || { max.is_some_and(|m| len.get() >= m) }
            >
                {format!("Add {}", with_article(noun))}
            </button>
        </fieldset>
    }
    .into_any()
}

/// One item of a list: its controls, and buttons to move it up or down and remove it.
fn list_item(
    editor: Editor,
    list: String,
    i: usize,
    member: &'static Shape,
    noun: &'static str,
    len: Memo<usize>,
    min: usize,
) -> impl IntoView {
    let pointer = format!("{list}/{i}");
    let n = i + 1;
    let name = format!("{} {n}", capitalize(noun));
    let buttons = view! {
        <div class="item-actions">
            {item_button(editor, &list, i, noun, len, min, Move::Up)}
            {item_button(editor, &list, i, noun, len, min, Move::Down)}
            {item_button(editor, &list, i, noun, len, min, Move::Remove)}
        </div>
    };
    let body = match &member.kind {
        Kind::Structure { .. } => {
            let title = match noun {
                "channel" => {
                    let p = pointer.clone();
                    view! {
                        {format!("Channel {n}")}
                        <span class="channel-type">
                            {move || {
                                editor
                                    .draft
                                    .with(|d| {
                                        let t = d.text(&format!("{p}/ChannelType"));
                                        if t.is_empty() { "(training)".to_string() } else { format!("({t})") }
                                    })
                            }}
                        </span>
                    }
                    .into_any()
                }
                _ => name.into_any(),
            };
            let members = structure_members(editor, &pointer, member);
            let fields = if noun == "tag" {
                view! { <form class="item-fields row" {..custom_attribute("novalidate", "")}>{members}</form> }.into_any()
            } else {
                view! { <div class="item-fields">{members}</div> }.into_any()
            };
            group_box("item", &pointer, title, buttons.into_any(), fields)
        }
        _ => view! {
            <div class="item scalar-item">
                {scalar_view(editor, pointer.clone(), member, None, Some(name))}
                {buttons}
            </div>
        }
        .into_any(),
    };
    view! { <li>{body}</li> }
}

/// What one of an item's buttons does.
#[derive(Clone, Copy)]
enum Move {
    Up,
    Down,
    Remove,
}

/// One of an item's buttons: one view for the three, so their code is there once.
fn item_button(
    editor: Editor,
    list: &str,
    i: usize,
    noun: &'static str,
    len: Memo<usize>,
    min: usize,
    action: Move,
) -> AnyView {
    let n = i + 1;
    let (prefix, class, label, glyph) = match action {
        Move::Up => ("up", "icon", format!("Move {noun} {n} up"), "↑"),
        Move::Down => ("down", "icon", format!("Move {noun} {n} down"), "↓"),
        Move::Remove => ("remove", "icon remove", format!("Remove {noun} {n}"), "✕"),
    };
    let list = list.to_string();
    view! {
        <button
            type="button"
            class=class
            id=format!("{prefix}:{list}/{i}")
            aria-label={label}
            {..text_attr("title", move || match action {
                Move::Up => "Move up".to_string(),
                Move::Down => "Move down".to_string(),
                Move::Remove if len.get() <= min => {
                    format!("Remove (the request needs at least {min})")
                }
                Move::Remove => "Remove".to_string(),
            })}
            disabled=move || match action {
                Move::Up => i == 0,
                Move::Down => i + 1 >= len.get(),
                Move::Remove => false,
            }
            on:click=move |_| match action {
                Move::Up => {
                    editor.mutate(|d| d.move_item(&list, i, i - 1));
                    browser::focus(&format!("up:{list}/{}", i - 1));
                }
                Move::Down => {
                    editor.mutate(|d| d.move_item(&list, i, i + 1));
                    browser::focus(&format!("down:{list}/{}", i + 1));
                }
                Move::Remove => {
                    editor.remove_undoably(format!("Removed {noun} {n}."), |d| d.remove_item(&list, i));
                    editor.touch(&list);
                    // Keep keyboard focus in the list: on the item that took this place,
                    // else on the list itself.
                    let (list, here) = (list.clone(), format!("remove:{list}/{i}"));
                    browser::after_tick(move || {
                        if !browser::focus(&here) {
                            browser::focus(&field_id(&list));
                        }
                    });
                }
            }
        >
            {glyph}
        </button>
    }
    .into_any()
}
