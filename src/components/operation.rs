//! The choice of operation at the top of the form: `CreateAutoMLJob` or `CreateAutoMLJobV2`.
//! Choosing the other one with a request written offers to convert it, to start an empty
//! one, or to stay; each switch is a step Undo takes back. The conversion is the rules
//! package's (src/on_demand.rs), loaded on the first such offer: meanwhile the offer says
//! "Preparing the conversion…" and can already start empty or be cancelled.

use leptos::prelude::*;

use super::form::live::live_view;
use super::use_editor;
use crate::browser;
use crate::on_demand;
use crate::state::api::{self, Api, Switch};
use crate::state::editor::{ApiLoad, Editor};

/// The operation chooser, and the offer made when switching a written request.
#[component]
pub fn OperationChoice() -> impl IntoView {
    let editor = use_editor();
    // The switch being offered (a request is written): convert, start empty or cancel.
    let offer = RwSignal::new(None::<Switch>);
    // Switching a written request is V2's code (see [`Switching`]): a switch always has V2
    // on one side, so its code is here whenever it runs.
    let choose_now = move |to: Api| {
        if editor.api.get_untracked() == to {
            offer.set(None);
        } else if let Some(switching) = api::switching() {
            (switching.choose)(editor, offer, to);
        }
    };
    // V2's tables load on its first choice (src/state/api.rs): the page says so meanwhile,
    // and the choice is made once they are here.
    let choose = move |to: Api| {
        editor.when_ready(to, move || choose_now(to));
    };
    let open = Memo::new(move |_| offer.with(Option::is_some));
    // Through the form's one closure type for parts drawn again (see `live_view`).
    let offer_view = move || {
        open.get().then(api::switching).flatten().map_or_else(
            || ().into_any(),
            |switching| (switching.offer)(editor, offer),
        )
    };
    view! {
        <fieldset class="operation" id="operation" tabindex="-1">
            <legend>"Operation"</legend>
            // Each option erased: a list of the one view type the form's lists are.
            {Api::ALL
                .into_iter()
                .map(|api| {
                    view! {
                        <label class="option">
                            <input
                                type="radio"
                                name="operation"
                                id=format!("operation:{}", api.id())
                                value=api.id()
                                prop:checked=move || {
                                    let loading = match editor.api_load.get() {
                                        Some(ApiLoad::Loading(to)) => Some(to),
                                        _ => None,
                                    };
                                    loading
                                        .or_else(|| offer.with(|o| o.as_ref().map(|s| s.to)))
                                        .unwrap_or_else(|| editor.api.get())
                                        == api
                                }
                                on:change=move |_| choose(api)
                            />
                            " "
                            <span class="label">{api.label()}</span>
                            <span class="line">{api.explanation()}</span>
                        </label>
                    }
                    .into_any()
                })
                .collect_view()}
            {live_view(offer_view)}
        </fieldset>
    }
}

/// The code of switching a written request to the other operation: making the offer
/// (convert, start empty or cancel) and drawing it. A switch always has V2 on one side, so it
/// runs only once V2's tables are here: V2's parts carry it ([`api::switching`]), and the
/// release page loads it with them (the wasm-split chunk split_v2), not on a first visit.
pub struct Switching {
    /// Offers to switch the draft to the operation given (not the draft's).
    pub choose: fn(Editor, RwSignal<Option<Switch>>, Api),
    /// Draws the offer being made.
    pub offer: fn(Editor, RwSignal<Option<Switch>>) -> AnyView,
}

/// What V2's parts carry.
pub static SWITCHING: Switching = Switching {
    choose: offer_switch,
    offer: offer_view,
};

/// Offers to switch the draft to `to`: at once when nothing is written, else the offer,
/// whose conversion follows once the rules package is here.
fn offer_switch(editor: Editor, offer: RwSignal<Option<Switch>>, to: Api) {
    let switch = editor.draft.with_untracked(|d| {
        let switch = Switch::plan(d, to);
        if on_demand::is_loaded() {
            switch.with_conversion(d)
        } else {
            switch
        }
    });
    if switch.untouched {
        editor.replace(switch.empty(), &switch.started_empty_line(), false);
        offer.set(None);
        return;
    }
    let preparing = switch.needs_conversion();
    offer.set(Some(switch));
    browser::after_tick(|| {
        browser::focus("operation-offer");
    });
    if preparing {
        on_demand::load_then(move |loaded| {
            // Unless the offer was answered or changed meanwhile, it gets its conversion
            // (of the draft as it is now), or says why there is none.
            let waiting = offer
                .try_with_untracked(|o| {
                    o.as_ref()
                        .is_some_and(|s| s.to == to && s.needs_conversion())
                })
                .unwrap_or(false);
            if !waiting {
                return;
            }
            let switch = editor.draft.with_untracked(|d| {
                let switch = Switch::plan(d, to);
                let switch = match &loaded {
                    Ok(()) => switch.with_conversion(d),
                    Err(_) => switch,
                };
                if switch.needs_conversion() {
                    let why = loaded
                        .as_ref()
                        .err()
                        .map_or("the rules package has no convert", |e| e.as_str());
                    switch.unconverted(d, why)
                } else {
                    switch
                }
            });
            offer.set(Some(switch));
        });
    }
}

/// The offer being made: its question (or "Preparing the conversion…"), what a conversion
/// leaves out, and its buttons.
fn offer_view(editor: Editor, offer: RwSignal<Option<Switch>>) -> AnyView {
    let close = move || {
        offer.set(None);
        browser::after_tick(|| {
            browser::focus("operation");
        });
    };
    let start_empty = move |_| {
        if let Some(s) = offer.get_untracked() {
            editor.replace(s.empty(), &s.started_empty_line(), false);
        }
        close();
    };
    let convert = move |_| {
        if let Some((draft, line)) = offer.get_untracked().and_then(|s| s.converted()) {
            editor.replace(draft, &line, true);
        }
        close();
    };
    let offer_body = move || {
        offer.get().map(|s| {
            // Until the rules package is here (the conversion needs it), the question waits
            // and only Start empty and Cancel are offered.
            let preparing = s.needs_conversion();
            let has_conversion =
                !preparing && s.conversion.as_ref().is_some_and(|c| c.refused.is_none());
            let left_out = s
                .conversion
                .as_ref()
                .filter(|_| !preparing)
                .map(|c| c.left_out.clone())
                .unwrap_or_default();
            view! {
                <p id="operation-offer-title" role=preparing.then_some("status")>
                    {if preparing { "Preparing the conversion…".to_string() } else { s.question() }}
                </p>
                {(!left_out.is_empty())
                    .then(|| {
                        view! {
                            <ul class="left-out">
                                {left_out
                                    .into_iter()
                                    .map(|(pointer, why)| view! { <li><code>{pointer}</code>": "{why}</li> })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <div class="actions">
                    {has_conversion
                        .then(|| {
                            view! {
                                <button type="button" id="operation-convert" on:click=convert>
                                    "Convert"
                                </button>
                            }
                        })}
                    <button type="button" class="secondary" id="operation-empty" on:click=start_empty>
                        "Start empty"
                    </button>
                    <button type="button" class="secondary" id="operation-cancel" on:click=move |_| close()>
                        "Cancel"
                    </button>
                </div>
            }
        })
    };
    // The offer's box stays while its words change (the conversion arriving), so the focus
    // stays in it: the page draws it while there is an offer.
    view! {
        <div
            class="offer"
            id="operation-offer"
            tabindex="-1"
            role="group"
            aria-labelledby="operation-offer-title"
            aria-busy=move || offer.with(|o| o.as_ref().is_some_and(Switch::needs_conversion)).then_some("true")
        >
            {offer_body}
        </div>
    }
    .into_any()
}
