//! Markup the page around the form repeats, drawn by one non-generic function: Leptos'
//! `view!` builds every element, attribute and text of a view where it is written (each an
//! erased value put together in place), so a button written out thirteen times is thirteen
//! copies of that code in the wasm; through [`button`] it is one, and a call.

use leptos::prelude::*;

/// A `<button type="button">` with a fixed label, calling `on_click` when clicked; `id` and
/// `class` are left out when empty.
#[inline(never)]
pub fn button(
    id: &'static str,
    class: &'static str,
    label: &'static str,
    on_click: Box<dyn Fn()>,
) -> AnyView {
    view! {
        <button
            type="button"
            id=(!id.is_empty()).then_some(id)
            class=(!class.is_empty()).then_some(class)
            on:click=move |_| on_click()
        >
            {label}
        </button>
    }
    .into_any()
}
