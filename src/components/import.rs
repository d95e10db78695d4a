//! The import panel, and files dropped anywhere on the page.

use automl_rules::{import, json};
use leptos::prelude::*;

use super::shared::button;
use super::use_editor;
use crate::browser;
use crate::on_demand;
use crate::state::api::Api;
use crate::state::data_check::{channels, dropped_elsewhere, is_data_file};
use crate::state::draft::Draft;

/// Import a JSON body, an AWS CLI command or a boto3 program (pasted, dropped or from a file). What cannot be
/// read is reported with its place, and the draft is left as it was.
#[component]
pub fn Import() -> impl IntoView {
    let editor = use_editor();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    // The Import box ends the side column, often below the fold: a failure's message is
    // scrolled into view once shown. Focus stays where it was; the box is an alert, so a
    // screen reader reads it out anyway.
    let fail = move |message: String| {
        error.set(message);
        browser::after_tick(|| browser::scroll_to("import-error"));
    };
    // The import readers load on first use (see `on_demand`): meanwhile the panel says so.
    let loading = RwSignal::new(false);
    let apply = move |result: Result<(Api, import::Imported), import::ImportError>| {
        match result {
        // The operation is the one the text was read as, told from the text itself as
        // `automl-job import` tells it: the command a script runs (create-auto-ml-job-v2), the
        // method a program calls (create_auto_ml_job_v2), else a body's members. So a V2
        // command whose body has no V2-only member still opens as V2.
        Ok((api, import::Imported { request: node, left_out, diagnostics })) => match Draft::from_node_for(
            node,
            api,
        ) {
            Some(d) => {
                // The first sentence names the step (Undo's title quotes it); the second says
                // which operation the text was read as.
                let read_as = format!("Read as a {} request, told from the text.", api.name());
                let what = if left_out.is_empty() {
                    format!("Imported the request. {read_as} Undo puts your previous draft back.")
                } else {
                    let rename = if import::left_out_describe_output(&left_out) {
                        " AutoMLJobName is still the described job's: give the new job a name of its own."
                    } else {
                        ""
                    };
                    format!(
                        "Imported the request. {read_as} Left out {}: they are {}, not part of the request, so no export carries them.{rename} Undo puts your previous draft back.",
                        left_out.join(", "),
                        import::left_out_kind_for(api.operation(), &left_out[0])
                    )
                };
                let holes: Vec<_> = diagnostics
                    .into_iter()
                    .filter(|h| h.code == import::RUNTIME_VALUE)
                    .collect();
                let first = holes.first().map(|h| h.path.clone());
                let what = if holes.is_empty() {
                    what
                } else {
                    format!(
                        "{what} {} to fill in: computed when the program runs, each marked at its field.",
                        crate::state::findings::plural(holes.len(), "value")
                    )
                };
                editor.replace(d, &what, true);
                // Every hole's section opens, so each field to fill in is in view.
                editor.open.update(|open| {
                    for h in &holes {
                        if let Some(section) = editor.layout().section_of(&h.path) {
                            open.insert(section.id);
                        }
                    }
                });
                editor.holes.set(holes);
                if import::left_out_describe_output(&left_out) {
                    let name = editor.draft.with_untracked(|d| {
                        d.root.get("AutoMLJobName").and_then(json::Node::as_str).map(str::to_string)
                    });
                    editor.described_name.set(name);
                }
                error.set(String::new());
                text.set(String::new());
                // Show the first value to fill in, else the verdict and every finding.
                match first {
                    Some(path) => editor.go_to(&path),
                    None => browser::after_tick(|| {
                        browser::focus("summary");
                    }),
                }
            }
            None => fail(
                "This is JSON but not a request: a request is a JSON object ({ … }). Your draft is unchanged."
                    .to_string(),
            ),
        },
        Err(e) => {
            editor.notice.set("Could not import that: your draft is unchanged (see Import).".to_string());
            fail(format!(
                "Could not import this: {} (line {}, column {}). Your draft is unchanged.",
                e.message, e.line, e.column
            ))
        }
    }
    };
    let import_text = move |source: String| {
        if !on_demand::is_loaded() {
            loading.set(true);
        }
        on_demand::load_then(move |loaded| {
            loading.set(false);
            match loaded.map(|()| on_demand::import_text(&source)) {
                // A V2 request waits for V2's tables (loaded on its first use).
                Ok(Some(result)) => {
                    let api = result.as_ref().map_or(Api::V1, |(api, _)| *api);
                    editor.when_ready(api, move || apply(result))
                }
                Ok(None) => fail("The import reader did not load. Your draft is unchanged.".to_string()),
                Err(e) => fail(format!(
                    "Could not load the import reader ({e}): check the connection and import again. Your draft is unchanged."
                )),
            }
        });
    };
    // Loaded as soon as an import looks likely, so it is usually there before it is needed.
    let prefetch = move || on_demand::load_then(|_| ());
    // The newest file dropped or chosen wins, whichever is read first.
    let reads = StoredValue::new(0_u64);
    let read_then_import = move |files: web_sys::FileList| {
        let Some(file) = files.get(0) else { return };
        let name = file.name();
        // A data file (CSV, Parquet) is never read as a request: with one channel it is that
        // channel's, as if chosen at its box in "Check my data"; with none or several, which
        // channel it is for is the person's to say, so it is not guessed (a training file
        // taken for the validation channel would be checked, and pass, as one): said here.
        if is_data_file(&name, &file.type_()) {
            let chans = editor.draft.with_untracked(|d| channels(&d.root));
            match chans.as_slice() {
                [only] if browser::choose_files(&format!("data-file-{}", only.slot), &files) => {
                    error.set(String::new());
                    browser::after_tick(|| browser::scroll_to("data-check"));
                }
                _ => fail(dropped_elsewhere(&name, chans.is_empty())),
            }
            return;
        }
        let kind = file.type_();
        // Twice the rules' limit: a command line may wrap a request of that size.
        let limit = 2 * json::MAX_INPUT_BYTES;
        let refusal = if file.size() > limit as f64 {
            Some(format!(
                "{name} is {} KB; a request is at most {} KB",
                (file.size() / 1024.0) as u64,
                json::MAX_INPUT_BYTES / 1024
            ))
        } else if ["image/", "audio/", "video/", "font/"]
            .iter()
            .any(|p| kind.starts_with(p))
        {
            Some(format!(
                "{name} is a {kind} file, not a request: import reads a JSON body or an aws command"
            ))
        } else {
            None
        };
        let n = reads.try_update_value(|r| {
            *r += 1;
            *r
        });
        if let Some(refusal) = refusal {
            editor
                .notice
                .set("Could not import that: your draft is unchanged (see Import).".to_string());
            fail(format!("{refusal}. Your draft is unchanged."));
            return;
        }
        browser::read_file_then(file, move |read| {
            if reads.try_get_value() != n {
                return;
            }
            match read {
                Ok(source) => import_text(source),
                Err(e) => fail(format!("{e}. Your draft is unchanged.")),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(files) = input.files() {
                read_then_import(files);
            }
            input.set_value("");
        }
    };
    // A file dropped anywhere on the page is imported: a browser would otherwise open it in
    // place of the page. Text dragged into a field stays the browser's business.
    let carries_files = |ev: &leptos::ev::DragEvent| {
        ev.data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            prefetch();
            ev.prevent_default();
        }
    });
    let dropped = window_event_listener(leptos::ev::drop, move |ev| {
        // The Import box handles its own drops.
        if ev.default_prevented() || !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|dt| dt.files()) {
            read_then_import(files);
        }
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some(files) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .filter(|f| f.length() > 0)
        {
            ev.prevent_default();
            read_then_import(files);
        }
    };
    view! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">"Import"</h2>
            <label for="import-text">
                "Paste a JSON request body, an "<code>"aws sagemaker create-auto-ml-job"</code>
                " command or a boto3 program, or drop its file anywhere on the page"
            </label>
            <textarea
                id="import-text"
                rows="4"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:focus=move |_| prefetch()
                on:drop=on_drop
                aria-describedby="import-error"
                aria-busy=move || loading.get().then_some("true")
            ></textarea>
            <div class="actions">
                {button("import-button", "", "Import", Box::new(move || import_text(text.get_untracked())))}
                <label class="file">
                    "Open a file"
                    <input
                        type="file"
                        accept=".json,.sh,.txt,.ps1,.cmd,.bat,.py,.ipynb,application/json,text/plain,text/x-python"
                        on:change=on_file
                    />
                </label>
            </div>
            <p id="import-status" class="notice" role="status">
                {move || loading.get().then_some("Loading the import reader…")}
            </p>
            <p id="import-error" class="msg error" role="alert" hidden=move || error.with(String::is_empty)>
                {move || error.get()}
            </p>
        </section>
    }
}
