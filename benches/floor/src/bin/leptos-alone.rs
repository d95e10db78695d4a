//! Leptos with nothing of ours: one text field bound to a signal, a derived message, a
//! `<Show>` and a keyed `<For>` — the framework pieces every form page uses.
use leptos::prelude::*;

#[component]
fn Page() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let chars = move || text.get().chars().collect::<Vec<_>>();
    view! {
        <label>
            "Name "
            <input prop:value=text on:input=move |e| set_text.set(event_target_value(&e)) />
        </label>
        <p>{move || if text.get().len() > 32 { "too long" } else { "" }}</p>
        <Show when=move || text.get().is_empty()>
            <span>"empty"</span>
        </Show>
        <For each=chars key=|c| *c let:c>
            <i>{c.to_string()}</i>
        </For>
    }
}

fn main() {
    mount_to_body(Page)
}
