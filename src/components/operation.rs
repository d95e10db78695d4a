//! The choice of operation at the top of the form: `CreateAutoMLJob` or `CreateAutoMLJobV2`.
//! Choosing the other one with a request written offers to convert it, to start an empty
//! one, or to stay; each switch is a step Undo takes back.

use leptos::prelude::*;

use super::use_editor;
use crate::browser;
use crate::state::api::{Api, Switch};

/// The operation chooser, and the offer made when switching a written request.
#[component]
pub fn OperationChoice() -> impl IntoView {
    let editor = use_editor();
    // The switch being offered (a request is written): convert, start empty or cancel.
    let offer = RwSignal::new(None::<Switch>);
    let choose = move |to: Api| {
        let from = editor.api.get_untracked();
        if from == to {
            offer.set(None);
            return;
        }
        let switch = editor.draft.with_untracked(|d| Switch::plan(d, to));
        if switch.untouched {
            editor.replace(switch.empty(), &switch.started_empty_line(), false);
            offer.set(None);
        } else {
            offer.set(Some(switch));
            browser::after_tick(|| {
                browser::focus("operation-offer");
            });
        }
    };
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
    let offer_view = move || {
        offer.get().map(|s| {
            let has_conversion = s.conversion.as_ref().is_some_and(|c| c.refused.is_none());
            let left_out = s
                .conversion
                .as_ref()
                .map(|c| c.left_out.clone())
                .unwrap_or_default();
            view! {
                <div class="offer" id="operation-offer" tabindex="-1" role="group" aria-labelledby="operation-offer-title">
                    <p id="operation-offer-title">{s.question()}</p>
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
                </div>
            }
        })
    };
    view! {
        <fieldset class="operation" id="operation" tabindex="-1">
            <legend>"Operation"</legend>
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
                                prop:checked=move || offer.with(|o| o.as_ref().map(|s| s.to)).unwrap_or_else(|| editor.api.get()) == api
                                on:change=move |_| choose(api)
                            />
                            " "
                            <span class="label">{api.label()}</span>
                            <span class="line">{api.explanation()}</span>
                        </label>
                    }
                })
                .collect_view()}
            {offer_view}
        </fieldset>
    }
}
