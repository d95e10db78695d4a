//! The "Check my data" panel once loaded (see [`super`]): a box per channel of the draft with
//! its file input (and drop target), progress, Cancel and the data summary (rows, columns with
//! their kind and missing share, the target's classes as bars with their counts); the
//! findings also go to the channel's fields and the Check panel. Reading the files and
//! talking to the worker is [`run`]. Nothing leaves the page.

use leptos::prelude::*;

use automl_preflight_worker::{ChannelView, TargetView};

use crate::state::data_check::{
    channel_keys, channels, file_size, per_mille, request_text, share, DataChannel,
};
use crate::state::editor::use_editor;
use crate::state::findings::plural;

mod read;
mod run;

use run::{Panel, Status};

/// The "Check my data" panel, which starts reading the file chosen or dropped on its
/// stand-in (`first`: the channel's slot and the file).
#[component]
pub(super) fn DataCheckPanel(
    first: Option<(usize, web_sys::File)>,
    /// A file the stand-in refused meanwhile (dropped on another channel).
    refused: Option<(usize, String)>,
) -> impl IntoView {
    let editor = use_editor();
    let panel = Panel::new(editor, refused);
    if let Some((slot, file)) = first {
        panel.check(slot, file);
    }
    let list = Memo::new(move |_| editor.draft.with(|d| channels(&d.root)));
    // Each file follows its channel as the draft's channels change.
    // (A memo: a keystroke that leaves the channels as they were wakes nothing.)
    let keys = Memo::new(move |_| editor.draft.with(|d| channel_keys(&d.root)));
    Effect::new(move |_| panel.follow(keys.get()));
    // What the preflight reads of the draft now: a check against another is stale. Until a
    // file has been checked there is nothing to compare, and the memo does not follow the
    // draft, so a keystroke does not write the channels out as text for nothing.
    let now = Memo::new(move |_| {
        if panel.checked_with.with(Option::is_none) {
            return None;
        }
        Some(editor.draft.with(|d| request_text(&d.root)))
    });
    let busy = move || {
        status_any(panel, |s| {
            matches!(s, Status::Loading { .. } | Status::Reading { .. })
        })
    };
    // Files read against another request, or kept and not in the report (their channel
    // moved, or another file was read against a changed request since).
    let stale = move || {
        if busy() {
            return false;
        }
        let checked: Vec<usize> = panel.status.with(|all| {
            all.iter()
                .enumerate()
                .filter(|(_, s)| matches!(s, Status::Checked { .. }))
                .map(|(slot, _)| slot)
                .collect()
        });
        if checked.is_empty() {
            return false;
        }
        let changed = panel.checked_with.with(|c| {
            c.as_ref()
                .is_some_and(|c| now.with(|n| n.as_ref() != Some(c)))
        });
        changed
            || panel.report.with(|r| {
                checked.iter().any(|slot| {
                    !r.as_ref()
                        .is_some_and(|r| r.channels.iter().any(|c| c.slot == *slot))
                })
            })
    };
    let verdict = move || {
        panel.report.with(|r| {
            r.as_ref().filter(|r| !r.channels.is_empty()).map(|r| {
                let errors = r.findings.iter().filter(|f| f.error).count();
                let warnings = r.findings.len() - errors;
                // A job needs a training channel and its file: without them nothing says it
                // would start.
                let training_channel = list.with(|l| l.iter().any(|c| !c.validation));
                let training_read = list.with(|l| {
                    r.channels.iter().any(|c| {
                        c.channel_type == "training"
                            && l.get(c.slot).is_some_and(|l| !l.validation)
                    })
                });
                if r.valid && !training_channel {
                    (
                        "data-verdict bad",
                        "The job would not start: the request has no training channel.".to_string(),
                    )
                } else if r.valid && !training_read {
                    (
                        "data-verdict",
                        "No training file was read: choose the training channel's file to learn whether the job would start.".to_string(),
                    )
                } else if r.valid {
                    (
                        "data-verdict ok",
                        match warnings {
                            0 => "The job would start with these files.".to_string(),
                            w => format!(
                                "The job would start with these files ({}).",
                                plural(w, "warning")
                            ),
                        },
                    )
                } else {
                    (
                        "data-verdict bad",
                        format!(
                            "The job would fail with these files: {}{}.",
                            plural(errors, "error"),
                            match warnings {
                                0 => String::new(),
                                w => format!(" and {}", plural(w, "warning")),
                            }
                        ),
                    )
                }
            })
        })
    };
    view! {
        <section class="data-check" id="data-check" aria-labelledby="data-check-title">
            <h2 id="data-check-title" tabindex="-1">"Check my data"</h2>
            <p class="hint">
                "Choose or drop each channel's file (CSV or Parquet, gzip or not) to learn whether the job would start with it. "
                "It is read in this browser: nothing is uploaded."
            </p>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="hint">"Add a training channel under Data first."</p> }
            >
                <For each=move || list.get() key=|c| (c.slot, c.pointer.clone(), c.validation) let:channel>
                    <ChannelBox panel=panel channel=channel busy=Signal::derive(busy)/>
                </For>
            </Show>
            {move || {
                panel
                    .gone
                    .get()
                    .into_iter()
                    .map(|name| view! {
                        <p class="msg warning data-gone">
                            {format!("{name}: its channel was removed from the request; choose it again")}
                        </p>
                    })
                    .collect_view()
            }}
            <p role="status" class=move || verdict().map(|v| v.0).unwrap_or("data-verdict")>
                {move || verdict().map(|v| v.1)}
            </p>
            <Show when=stale>
                <p class="msg warning data-stale">
                    "The request's channels, target or problem type changed since these files were checked. "
                    <button type="button" class="secondary small" on:click=move |_| { panel.check_again(); keep_focus("data-check-title".to_string()) }>
                        "Check again"
                    </button>
                </p>
            </Show>
        </section>
    }
}

/// After a button that goes away with what it did (Cancel, Remove this file, Check again),
/// focus goes to where the person goes on from (the channel's input, the panel's heading
/// above the files read again), not to
/// the page's start.
fn keep_focus(id: String) {
    crate::browser::after_tick(move || crate::browser::refocus(&id));
}

fn status_any(panel: Panel, f: impl Fn(&Status) -> bool) -> bool {
    panel.status.with(|all| all.iter().any(f))
}

/// One channel: its file input (and drop target), progress, Cancel and data summary.
#[component]
fn ChannelBox(
    /// The panel's state.
    panel: Panel,
    /// The draft's channel.
    channel: DataChannel,
    /// Another file is being read.
    busy: Signal<bool>,
) -> impl IntoView {
    let slot = channel.slot;
    let input_id = format!("data-file-{slot}");
    let status = Memo::new(move |_| {
        panel
            .status
            .with(|all| all.get(slot).cloned().unwrap_or(Status::Idle))
    });
    let reading = move || {
        matches!(
            status.get(),
            Status::Loading { .. } | Status::Reading { .. }
        )
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = super::chosen_file(&ev) {
            panel.check(slot, file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        // Handled here, not by the page's drop-to-import.
        ev.prevent_default();
        // Another channel's file is being read: this one is refused, not read in its place
        // (the input is disabled meanwhile; a drop is refused the same way).
        let other = panel
            .shared()
            .borrow()
            .reading
            .as_ref()
            .map(|r| r.slot)
            .filter(|s| *s != slot);
        if let Some(other) = other {
            panel.refused.set(Some((slot, panel.file_of(other))));
            return;
        }
        if let Some(file) = super::dropped_file(&ev) {
            panel.check(slot, file);
        }
    };
    let summary = Memo::new(move |_| {
        panel.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.channels.iter().find(|c| c.slot == slot).cloned())
        })
    });
    view! {
        <div
            class="data-channel"
            id=format!("data-channel-{slot}")
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <label for=input_id.clone()>{channel.label()}</label>
            <input
                type="file"
                id=input_id
                accept=super::ACCEPT
                disabled=move || busy.get() && !reading()
                on:change=on_change
            />
            {move || {
                // A file refused here while another is read: said in this place.
                if let Some((_, first)) = panel.refused.get().filter(|(s, _)| *s == slot) {
                    return Some(view! {
                        <p class="msg warning data-refused" role="alert">{super::one_at_a_time(&first)}</p>
                    }.into_any());
                }
                match status.get() {
                    Status::Idle => None,
                    Status::Loading { file } => Some(view! {
                        <div class="data-progress">
                            <progress max="1000" aria-label=format!("Reading {file}")></progress>
                            <span>{format!("Starting the data checker for {file}…")}</span>
                            " "
                            <button type="button" class="secondary small data-cancel" on:click=move |_| { panel.cancel(); keep_focus(format!("data-file-{slot}")) }>"Cancel"</button>
                        </div>
                    }.into_any()),
                    Status::Reading { file, line, per_mille } => Some(view! {
                        <div class="data-progress">
                            <progress max="1000" value=per_mille.to_string() aria-label=format!("Reading {file}")></progress>
                            <span class="data-rate">{line}</span>
                            " "
                            <button type="button" class="secondary small data-cancel" on:click=move |_| { panel.cancel(); keep_focus(format!("data-file-{slot}")) }>"Cancel"</button>
                        </div>
                    }.into_any()),
                    Status::Checked { .. } => None,
                    Status::Failed { file, message } => Some(view! {
                        <p class="msg error" role="alert">{format!("{file}: {message}")}</p>
                    }.into_any()),
                    Status::Cancelled { file } => Some(view! {
                        <p class="msg">{format!("Stopped reading {file}: nothing of it was kept.")}</p>
                    }.into_any()),
                }
            }}
            {move || summary.get().map(|c| view! {
                <ChannelSummary channel=c/>
                <button type="button" class="secondary small" on:click=move |_| { panel.forget(slot); keep_focus(format!("data-file-{slot}")) }>"Remove this file"</button>
            })}
        </div>
    }
}

/// Rows, columns (kind and missing share) and the target's classes of one file.
#[component]
fn ChannelSummary(
    /// What the worker found in the file.
    channel: ChannelView,
) -> impl IntoView {
    let rows = channel.rows;
    let head = format!(
        "{}: {}{}, {}{}, {}",
        channel.file,
        channel
            .format
            .clone()
            .unwrap_or_else(|| "neither CSV nor Parquet".into()),
        if channel.gzip { " (gzip)" } else { "" },
        file_size(channel.bytes),
        match rows {
            Some(n) => format!(", {} rows", n),
            None => String::new(),
        },
        plural(channel.columns.len() + channel.more_columns, "column"),
    );
    let columns = channel.columns.clone();
    let more = channel.more_columns;
    view! {
        <div class="data-summary">
            <p class="data-head">{head}</p>
            // A part with nothing in it is not drawn: a header-only file has no classes
            // (its finding says it has no rows), nor has a target with no value in any row.
            {channel
                .target
                .filter(|t| !t.classes.is_empty() || t.rest > 0)
                .map(|t| view! { <ClassChart target=t/> })}
            {(!columns.is_empty()).then(|| view! {
                <details class="data-columns">
                    <summary>"Columns"</summary>
                    <table>
                        <thead><tr><th scope="col">"Column"</th><th scope="col">"Kind"</th><th scope="col">"Missing"</th></tr></thead>
                        <tbody>
                            {columns.into_iter().map(|c| {
                                let missing = match (c.missing, rows) {
                                    // No share of no rows ("0 (0.0 %)" of a header-only file).
                                    (Some(_), Some(0)) => "no rows".to_string(),
                                    (Some(m), Some(r)) => format!("{} ({})", m, share(m, r)),
                                    (Some(m), None) => m.to_string(),
                                    (None, _) => "not known".to_string(),
                                };
                                view! { <tr><td>{c.name}</td><td>{c.kind}</td><td>{missing}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(more > 0).then(|| view! { <p class="hint">{format!("and {more} more columns")}</p> })}
                </details>
            })}
            {channel.not_checked.map(|n| view! { <p class="hint">{format!("Not checked: {n}")}</p> })}
        </div>
    }
}

/// The target's classes as bars (inline SVG, hidden from screen readers) beside their
/// values, counts and shares as text.
#[component]
fn ClassChart(
    /// The target column's values.
    target: TargetView,
) -> impl IntoView {
    let total: u64 = target
        .classes
        .iter()
        .fold(target.rest, |sum, (_, n)| sum.saturating_add(*n));
    let most = target.classes.first().map(|c| c.1).unwrap_or(0).max(1);
    let distinct = if target.more {
        format!("more than {} values", target.distinct)
    } else {
        plural(target.distinct, "value")
    };
    let caption = format!(
        "Target {}: {}{}{}",
        target.column,
        distinct,
        if target.numeric { ", all numbers" } else { "" },
        match target.missing {
            0 => String::new(),
            m => format!(", {m} rows without a value"),
        }
    );
    let mut rows: Vec<(String, u64)> = target.classes.clone();
    if target.rest > 0 {
        rows.push(("(all other values)".to_string(), target.rest));
    }
    view! {
        <table class="class-chart">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">"Value"</th><th scope="col">"Rows"</th><th scope="col">"Share"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(value, n)| {
                    let width = per_mille(n, most).to_string();
                    view! {
                        <tr>
                            <th scope="row">{value}</th>
                            <td class="count">{n}</td>
                            <td class="share">
                                <svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                    <rect width=width height="10"></rect>
                                </svg>
                                {share(n, total)}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
