//! What a first visit does not use, loaded on its first use: the import readers (a JSON body,
//! AWS CLI commands, scripts, boto3 programs, notebooks) and the exports other than the JSON
//! body on screen (AWS CLI, `--cli-input-json`, PowerShell, cmd.exe, boto3). They are the
//! `automl-job-rules` JavaScript package (crates/js, the same rules library behind the same
//! `importText` and `exportAs` every JavaScript user gets), which scripts/build-page.sh copies
//! into `dist/rules/`; the page fetches it by a dynamic `import()` of a relative URL the first
//! time a person imports or picks one of those exports, so the page's own wasm does not link
//! that code (the size gate's `not_linked` rules check it) and a first visit does not load it.
//!
//! Hand-written glue (a JavaScript loader of ten lines, and the two calls through `Reflect`):
//! the package already carries these readers for JavaScript users, so the page loads it rather
//! than a wasm-split chunk of its own (the data panel is one: src/components/data_check/mod.rs,
//! scripts/split-page.py; measured choices in docs/benchmarks.md). Built with the `linked-rules` feature (the
//! component tests, which have no `dist/`), the same functions call the rules library in the
//! page's own module, and the module is "loaded" from the start.

use automl_rules::export::{self, Target};
use automl_rules::import::{ImportError, Imported};
use automl_rules::json::Node;

use crate::state::api::Api;

/// Where `dist/` holds the module, relative to the page (any sub-path of any static host).
#[cfg(not(feature = "linked-rules"))]
const MODULE_PATH: &str = "rules/automl_job_rules.js";

/// Whether the module is loaded: then [`import_text`] and [`export`] answer at once.
pub fn is_loaded() -> bool {
    imp::is_loaded()
}

/// Loads the module unless it is loaded or loading, then tells `then` how it went (once it is
/// loaded, at once). A load that failed (offline before the first use) is tried again on the
/// next call.
pub fn load_then(then: impl FnOnce(Result<(), String>) + 'static) {
    imp::load_then(then)
}

/// The request in a pasted text and the operation it is for, read as `automl-job import`
/// reads it (the operation told from the text itself: the command a script runs, the method a
/// program calls, else a body's members), with its holes (the `runtime-value` findings; the
/// other findings the page makes itself, as for any draft); `None` while the module is not
/// loaded.
pub fn import_text(text: &str) -> Option<Result<(Api, Imported), ImportError>> {
    imp::import_text(text)
}

/// `request` exported as `target`, as `automl-job export --to TARGET --allow-invalid` prints
/// it; `None` while the module is not loaded. The JSON body needs no module.
/// `api` is the operation it is sent as (`create-auto-ml-job` or `create-auto-ml-job-v2`).
pub fn export(request: &Node, target: Target, api: Api) -> Option<String> {
    if target == Target::Json {
        return Some(export::json_body(request));
    }
    imp::export(request, target, api)
}

/// `request` converted to `to`, as the offer to switch the operation shows it (the package's
/// `convert`, the one `automl-job convert` gives); `None` while the module is not loaded.
/// A request the package cannot convert (a V2 problem type other than tabular, to V1) comes
/// back refused, with the package's reason.
pub fn convert(request: &Node, to: Api) -> Option<crate::state::api::Converted> {
    imp::convert(request, to)
}

/// A JSON text without the whitespace between its tokens (strings kept as they are).
#[cfg_attr(feature = "linked-rules", allow(dead_code))]
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            (escaped, in_string) = (!escaped && c == '\\', escaped || c != '"');
        } else if matches!(c, ' ' | '\n' | '\r' | '\t') {
            continue;
        } else {
            in_string = c == '"';
        }
        out.push(c);
    }
    out
}

#[cfg(feature = "linked-rules")]
mod imp {
    use super::*;

    pub fn is_loaded() -> bool {
        true
    }

    pub fn load_then(then: impl FnOnce(Result<(), String>) + 'static) {
        then(Ok(()))
    }

    pub fn import_text(text: &str) -> Option<Result<(Api, Imported), ImportError>> {
        Some(
            automl_rules::import::import_detect(text).map(|(op, mut imported)| {
                imported
                    .diagnostics
                    .retain(|d| d.code == automl_rules::import::RUNTIME_VALUE);
                (Api::of(op), imported)
            }),
        )
    }

    pub fn export(request: &Node, target: Target, api: Api) -> Option<String> {
        Some(export::render_for(api.operation(), request, target))
    }

    pub fn convert(request: &Node, to: Api) -> Option<crate::state::api::Converted> {
        Some(crate::state::api::Converted::of(
            automl_rules::convert::convert(request, to.operation()),
        ))
    }
}

#[cfg(not(feature = "linked-rules"))]
mod imp {
    use std::cell::RefCell;

    use automl_rules::diag::{Diagnostic, Severity};
    use automl_rules::import::RUNTIME_VALUE;
    use automl_rules::json;
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::*;

    // A browser keeps a module that failed to load as failed for the page's life, so a retry
    // asks under a new URL (`?try=1`; a static host ignores the query).
    #[wasm_bindgen(inline_js = r#"
let loading = null, tries = 0;
export function load_rules(path) {
  if (loading === null) {
    const url = new URL(path, document.baseURI);
    if (tries++ > 0) url.searchParams.set("try", String(tries - 1));
    loading = import(url.href).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}"#)]
    extern "C" {
        fn load_rules(path: &str) -> js_sys::Promise;
    }

    thread_local! {
        /// The module's namespace object, once loaded.
        static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    pub fn is_loaded() -> bool {
        MODULE.with_borrow(Option::is_some)
    }

    pub fn load_then(then: impl FnOnce(Result<(), String>) + 'static) {
        if is_loaded() {
            return then(Ok(()));
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(load_rules(super::MODULE_PATH)).await {
                Ok(module) => {
                    MODULE.with_borrow_mut(|m| *m = Some(module));
                    then(Ok(()))
                }
                Err(e) => then(Err(message(&e))),
            }
        });
    }

    /// The module's function `name`, when loaded.
    fn function(name: &str) -> Option<Function> {
        MODULE.with_borrow(|m| {
            Reflect::get(m.as_ref()?, &JsValue::from_str(name))
                .ok()?
                .dyn_into()
                .ok()
        })
    }

    fn get(value: &JsValue, key: &str) -> JsValue {
        Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn string(value: &JsValue, key: &str) -> String {
        get(value, key).as_string().unwrap_or_default()
    }

    /// A thrown value's message.
    fn message(thrown: &JsValue) -> String {
        match thrown.dyn_ref::<js_sys::Error>() {
            Some(e) => String::from(e.message()),
            None => thrown
                .as_string()
                .unwrap_or_else(|| "the module did not load".to_string()),
        }
    }

    pub fn import_text(text: &str) -> Option<Result<(Api, Imported), ImportError>> {
        let import_text = function("importText")?;
        let result = match import_text.call1(&JsValue::NULL, &JsValue::from_str(text)) {
            Ok(result) => result,
            Err(thrown) => {
                let (line, column) = (get(&thrown, "line"), get(&thrown, "column"));
                let line = line.as_f64().unwrap_or(1.0) as usize;
                let column = column.as_f64().unwrap_or(1.0) as usize;
                // The package words it as the command does: "cannot import the text: WHY
                // (line L, column C)"; the page says the first and last parts its own way.
                let whole = message(&thrown);
                let why = whole
                    .strip_prefix("cannot import the text: ")
                    .unwrap_or(&whole);
                let why = why
                    .strip_suffix(&format!(" (line {line}, column {column})"))
                    .unwrap_or(why);
                return Some(Err(ImportError {
                    message: why.to_string(),
                    offset: 0,
                    line,
                    column,
                }));
            }
        };
        // The body as `automl-job import` prints it, read by the page's own JSON reader (so
        // numbers keep their digits) once compact: pretty, a request near the input limit
        // (60,000 tags) would be over it.
        let request = match json::parse(&super::compact(&string(&result, "json"))) {
            Ok(request) => request,
            Err(e) => {
                return Some(Err(ImportError {
                    message: e.message,
                    offset: 0,
                    line: 1,
                    column: 1,
                }))
            }
        };
        let left_out = Array::from(&get(&result, "leftOut"))
            .iter()
            .filter_map(|item| item.as_string())
            .collect();
        let diagnostics = Array::from(&get(&result, "diagnostics"))
            .iter()
            .filter(|d| string(d, "code") == RUNTIME_VALUE)
            .map(|d| Diagnostic {
                severity: Severity::Error,
                code: RUNTIME_VALUE,
                path: string(&d, "path"),
                message: string(&d, "message"),
                service_message: None,
                cli_message: None,
                span: None,
                service_clause: None,
                related: Vec::new(),
            })
            .collect();
        // The operation the package read the text as (`v1` or `v2`, as `--api` names them).
        let api = if string(&result, "api") == Api::V2.id() {
            Api::V2
        } else {
            Api::V1
        };
        Some(Ok((
            api,
            Imported {
                request,
                left_out,
                diagnostics,
            },
        )))
    }

    pub fn export(request: &Node, target: Target, api: Api) -> Option<String> {
        let export_as = function("exportAs")?;
        let options = Object::new();
        // Reflect::set on a fresh plain object cannot fail.
        let _ = Reflect::set(&options, &"allowInvalid".into(), &JsValue::TRUE);
        let _ = Reflect::set(&options, &"api".into(), &JsValue::from_str(api.id()));
        // Compact, so a request near the rules' input limit (60,000 tags) still fits it.
        let text = JsValue::from_str(&json::to_compact(request));
        Some(
            match export_as.call3(
                &JsValue::NULL,
                &text,
                &JsValue::from_str(target.name()),
                &options,
            ) {
                Ok(text) => text.as_string().unwrap_or_default(),
                Err(thrown) => format!("Could not export this: {}", message(&thrown)),
            },
        )
    }

    pub fn convert(request: &Node, to: Api) -> Option<crate::state::api::Converted> {
        let convert = function("convert")?;
        let refused = |why: String| crate::state::api::Converted {
            request: request.clone(),
            moved: 0,
            left_out: Vec::new(),
            unknown: 0,
            refused: Some(why),
        };
        // Compact, as for an export: a request near the input limit still fits it.
        let text = JsValue::from_str(&json::to_compact(request));
        let result = match convert.call2(&JsValue::NULL, &text, &JsValue::from_str(to.id())) {
            Ok(result) => result,
            // The package throws the command's reason for a request it cannot convert.
            Err(thrown) => return Some(refused(message(&thrown))),
        };
        // The converted body as the command prints it, read by the page's own JSON reader
        // (numbers keep their digits), as an import's.
        let request = match json::parse(&super::compact(&string(&result, "json"))) {
            Ok(request) => request,
            Err(e) => return Some(refused(e.message)),
        };
        let left_out = Array::from(&get(&result, "leftOut"))
            .iter()
            .map(|l| (string(&l, "pointer"), string(&l, "why")))
            .collect();
        Some(crate::state::api::Converted {
            request,
            moved: Array::from(&get(&result, "moved")).length() as usize,
            left_out,
            unknown: Array::from(&get(&result, "unknown")).length() as usize,
            refused: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn compact_drops_the_space_between_tokens_and_keeps_strings_whole() {
        let pretty = "{\n  \"a b\": \"x \\\" y\\\\\",\n  \"c\": [\n    1,\t2\r\n  ],\n  \"d\": \" \\n \"\n}\n";
        assert_eq!(
            compact(pretty),
            "{\"a b\":\"x \\\" y\\\\\",\"c\":[1,2],\"d\":\" \\n \"}"
        );
        assert_eq!(compact(""), "");
        // Not JSON: whatever it is, no panic, and the JSON reader then says what is wrong.
        assert_eq!(compact("\"open"), "\"open");
    }
}
