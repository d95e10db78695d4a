//! The "Check my data" panel, in two parts. A first visit draws only a light stand-in
//! ([`DataCheck`]): the panel's heading, its hint and a file input per channel of the draft,
//! with the same markup and ids as the panel. The panel itself ([`panel`]: reading the file
//! in slices, the worker bridge, the progress bar, the summary and its charts) is a chunk of
//! its own, split from the page's wasm by wasm-split (`scripts/build-page.sh` builds with
//! `AUTOML_SPLIT=1`, see build.rs) and fetched when a person first chooses or drops a file; the stand-in
//! then gives it that file and steps aside. Meanwhile the channel says "Loading the data
//! checker…" with a Cancel button, and the page goes on working. A chunk that does not come
//! (offline, a host without it) is said at the channel, and choosing the file again retries.
//!
//! Without `automl_split` (the component tests, `cargo build`), [`load_panel`] is a plain
//! `async fn` in the same module and the stand-in steps aside on the next tick.

use leptos::prelude::*;

use super::form::live::live_view;
use super::shared::button;
use crate::state::data_check::{channels, DataChannel};
use crate::state::editor::use_editor;

mod panel;

/// What the stand-in says at a channel.
#[derive(Clone, Debug, PartialEq)]
enum Shell {
    Idle,
    /// The panel's chunk is on its way; `file` waits for it. `refused`: a file dropped on
    /// another channel meanwhile, refused and said there (one signal for both, not a second
    /// signal of another type: each signal type is its own code in the wasm).
    Loading {
        slot: usize,
        file: String,
        refused: Refused,
    },
    /// The chunk did not come.
    Failed {
        slot: usize,
        file: String,
    },
}

/// The files a channel's input offers (the stand-in's and the panel's).
const ACCEPT: &str = ".csv,.gz,.parquet,.txt,text/csv,application/gzip,application/octet-stream";

/// The file a channel's input was given; the input is emptied, so choosing the same file
/// again is a change too (the stand-in's and the panel's inputs).
fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// The first file dropped on a channel.
fn dropped_file(ev: &leptos::ev::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()
        .and_then(|dt| dt.files())
        .and_then(|f| f.get(0))
}

/// The message at the channel when the panel's chunk did not load.
const NOT_LOADED: &str = "The data checker could not be loaded (its code did not arrive: offline?). The request is untouched; choose the file again to retry.";

/// What a channel says of a file dropped on it while another file waits or is read (one
/// file is read at a time): the drop is refused, not taken in the first one's place.
fn one_at_a_time(first: &str) -> String {
    format!("One file at a time: drop it again once {first} is read.")
}

/// A file refused at a channel (its slot), and the file read meanwhile.
type Refused = Option<(usize, String)>;

/// The panel, built in its own chunk, reading `first` at once.
#[cfg(automl_split)]
#[leptos::wasm_split::wasm_split(
    data_panel,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(fetch_panel)
)]
fn load_panel(
    first: Option<(usize, web_sys::File)>,
    refused: Refused,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <panel::DataCheckPanel first=first refused=refused/> }.into_any())
}

/// Fetches the panel's chunk without building it (a build without wasm-split: nothing to fetch).
#[cfg(not(automl_split))]
async fn fetch_panel() -> Result<(), leptos::wasm_split::SplitLoaderError> {
    Ok(())
}

/// The panel, in the page's own module (a build without wasm-split).
#[cfg(not(automl_split))]
async fn load_panel(
    first: Option<(usize, web_sys::File)>,
    refused: Refused,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <panel::DataCheckPanel first=first refused=refused/> }.into_any())
}

/// The "Check my data" panel: its stand-in until a file is chosen, then the panel.
#[component]
pub fn DataCheck() -> impl IntoView {
    let editor = use_editor();
    let list = Memo::new(move |_| editor.draft.with(|d| channels(&d.root)));
    let shell = RwSignal::new(Shell::Idle);
    // The panel, once built; `ready` turns true once, when it is here to be drawn.
    let ready = RwSignal::new(false);
    let built: StoredValue<Option<AnyView>, LocalStorage> = StoredValue::new_local(None);
    // The file waiting for the chunk (the last one chosen); None once cancelled.
    let waiting: StoredValue<Option<(usize, web_sys::File)>, LocalStorage> =
        StoredValue::new_local(None);

    // A fetch of the chunk is under way.
    let fetching = StoredValue::new(false);
    // The panel's signals belong to this component, not to the stand-in's view (which is
    // gone once the panel is drawn), so the panel is built under this owner.
    let owner = StoredValue::new(Owner::current());

    let choose = move |slot: usize, file: web_sys::File| {
        let name = file.name();
        waiting.set_value(Some((slot, file)));
        // A file refused while the chunk is on its way stays refused.
        shell.update(|s| {
            let refused = match s {
                Shell::Loading { refused, .. } => refused.take(),
                _ => None,
            };
            *s = Shell::Loading {
                slot,
                file: name,
                refused,
            };
        });
        if fetching.get_value() {
            return;
        }
        fetching.set_value(true);
        let spawn = |task| match owner.get_value() {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(task)),
            None => leptos::task::spawn_local_scoped(task),
        };
        spawn(async move {
            let fetched = fetch_panel().await;
            fetching.set_value(false);
            // The file is taken once the chunk is here: the last one chosen, or none after
            // a Cancel (the panel then shows as the stand-in did).
            let built_now = match fetched {
                Ok(()) => {
                    let first = waiting.try_update_value(Option::take).flatten();
                    // The chunk is in memory: this answers on its first poll.
                    let refused = shell.with_untracked(|s| match s {
                        Shell::Loading { refused, .. } => refused.clone(),
                        _ => None,
                    });
                    load_panel(first, refused).await.ok()
                }
                Err(_) => None,
            };
            match built_now {
                Some(view) => {
                    // A keyboard user who chose the file from the stand-in's input keeps
                    // their place: the same input in the panel takes focus.
                    let focused = crate::browser::focused_id();
                    built.set_value(Some(view));
                    ready.set(true);
                    if focused.starts_with("data-") {
                        crate::browser::after_tick(move || crate::browser::refocus(&focused));
                    }
                }
                None => fail(shell, waiting),
            }
        });
    };
    let cancel = move || {
        waiting.set_value(None);
        shell.set(Shell::Idle);
    };

    // The channels drawn again as a whole when the draft's channels or the wait change: a
    // few rows, and one view type instead of a keyed list (the stand-in stays small).
    let rows = move || {
        let chans = list.get();
        if chans.is_empty() {
            return view! { <p class="hint">"Add a training channel under Data first."</p> }
                .into_any();
        }
        chans
            .into_iter()
            // Each row erased: a list of the one view type the form's lists are.
            .map(|c| stand_in_channel(c, shell, choose, cancel).into_any())
            .collect_view()
            .into_any()
    };
    let stand_in = move || {
        view! {
            <section class="data-check" id="data-check" aria-labelledby="data-check-title">
                <h2 id="data-check-title">"Check my data"</h2>
                <p class="hint">
                    "Choose or drop each channel's file (CSV or Parquet, gzip or not) to learn whether the job would start with it. It is read in this browser: nothing is uploaded."
                </p>
                {live_view(rows)}
                <p role="status" class="data-verdict"></p>
                // The wait, for screen readers (the channel shows it; a region that is on the
                // page before its text changes is the one they announce).
                <p class="visually-hidden" aria-live="polite">
                    {move || shell.with(|s| match s {
                        Shell::Loading { file, .. } => format!("Loading the data checker for {file}…"),
                        _ => String::new(),
                    })}
                </p>
            </section>
        }
    };
    // The stand-in, then the panel: through the form's one closure type for parts drawn
    // again (see `live_view`), as are the channels' rows and what a channel says.
    live_view(move || {
        if ready.get() {
            built
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| ().into_any())
        } else {
            stand_in().into_any()
        }
    })
}

/// The chunk did not come: said at the channel whose file waited.
fn fail(
    shell: RwSignal<Shell>,
    waiting: StoredValue<Option<(usize, web_sys::File)>, LocalStorage>,
) {
    match waiting.try_update_value(Option::take).flatten() {
        Some((slot, file)) => shell.set(Shell::Failed {
            slot,
            file: file.name(),
        }),
        None => shell.set(Shell::Idle),
    }
}

/// One channel of the stand-in: its label and file input (and drop target), as the panel
/// draws them before a file is chosen.
fn stand_in_channel(
    channel: DataChannel,
    shell: RwSignal<Shell>,
    choose: impl Fn(usize, web_sys::File) + Copy + Send + Sync + 'static,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let slot = channel.slot;
    let input_id = format!("data-file-{slot}");
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            choose(slot, file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        // Handled here, not by the page's drop-to-import.
        ev.prevent_default();
        // Another channel's file waits for the chunk: this one is refused, not taken in
        // its place (the input is disabled meanwhile; a drop is refused the same way).
        if shell.with_untracked(|s| matches!(s, Shell::Loading { slot: s, .. } if *s != slot)) {
            shell.update(|s| {
                if let Shell::Loading { file, refused, .. } = s {
                    *refused = Some((slot, file.clone()));
                }
            });
            return;
        }
        if let Some(file) = dropped_file(&ev) {
            choose(slot, file);
        }
    };
    // Another channel's file waits for the chunk: one file is read at a time.
    let other_waits =
        move || shell.with(|s| matches!(s, Shell::Loading { slot: s, .. } if *s != slot));
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
                accept=ACCEPT
                disabled=other_waits
                on:change=on_change
            />
            {live_view(move || {
                // A file refused here while another is read: said in this place.
                let refused = shell.with(|s| match s {
                    Shell::Loading { refused: Some((at, first)), .. } if *at == slot => Some(first.clone()),
                    _ => None,
                });
                if let Some(first) = refused {
                    return view! {
                        <p class="msg warning data-refused" role="alert">{one_at_a_time(&first)}</p>
                    }.into_any();
                }
                match shell.get() {
                    Shell::Loading { slot: s, file, .. } if s == slot => view! {
                        <div class="data-progress">
                            <progress max="1000" aria-label=format!("Reading {file}")></progress>
                            <span>{format!("Loading the data checker for {file}…")}</span>
                            " "
                            {button("", "secondary small data-cancel", "Cancel", Box::new(move || {
                                cancel();
                                let id = format!("data-file-{slot}");
                                crate::browser::after_tick(move || crate::browser::refocus(&id));
                            }))}
                        </div>
                    }.into_any(),
                    Shell::Failed { slot: s, file } if s == slot => view! {
                        <p class="msg error" role="alert">{format!("{file}: {NOT_LOADED}")}</p>
                    }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </div>
    }
}
