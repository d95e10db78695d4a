//! The few browser services the page uses, each a small function that fails softly: saved
//! draft (localStorage), the URL fragment, clipboard, file download and upload, focus.
//! Nothing here talks to a network.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// The page's waiting is done here, so components stay plain closures: each `async` block
// keeps its source file's name in the wasm (for a panic message), one string per file.

// Each takes its callback boxed and hands it to one function that is not generic: the task
// (its future, its poll and its spawn) is then one copy in the wasm, not one per caller.

/// Runs `then` after the next tick, once the views a change brings are on the page.
pub fn after_tick(then: impl FnOnce() + 'static) {
    after_tick_boxed(Box::new(then));
}

fn after_tick_boxed(then: Box<dyn FnOnce()>) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        then();
    });
}

/// Copies `text` to the clipboard (see [`copy`]), then tells `then` how it went.
pub fn copy_then(text: String, then: impl FnOnce(Result<(), String>) + 'static) {
    copy_then_boxed(text, Box::new(then));
}

fn copy_then_boxed(text: String, then: Box<dyn FnOnce(Result<(), String>)>) {
    leptos::task::spawn_local(async move { then(copy(&text).await) });
}

/// Reads `file` as text (see [`read_file`]), then hands `then` what it read.
pub fn read_file_then(file: web_sys::File, then: impl FnOnce(Result<String, String>) + 'static) {
    read_file_then_boxed(file, Box::new(then));
}

fn read_file_then_boxed(file: web_sys::File, then: Box<dyn FnOnce(Result<String, String>)>) {
    leptos::task::spawn_local(async move { then(read_file(file).await) });
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The saved value under `key`.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves `value` under `key`; `false` when the browser refuses (private mode, full).
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes the value under `key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// An id no other tab will pick: the time and a random number (no float is formatted).
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    format!("{now}-{random}")
}

/// For a `storage` event (another tab changed localStorage): the key and its new value
/// (`None` when it was removed).
pub fn storage_change(ev: &web_sys::Event) -> Option<(String, Option<String>)> {
    let get = |name: &str| js_sys::Reflect::get(ev, &wasm_bindgen::JsValue::from_str(name)).ok();
    let key = get("key")?.as_string()?;
    Some((key, get("newValue").and_then(|v| v.as_string())))
}

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Drops the fragment from the address bar without reloading or adding a history entry.
pub fn clear_fragment() {
    let Some(w) = window() else { return };
    let (Ok(path), Ok(search)) = (w.location().pathname(), w.location().search()) else {
        return;
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&(path + &search)),
        );
    }
}

/// This page's address with `fragment` as its fragment.
pub fn url_with_fragment(fragment: &str) -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let w = window().ok_or("no window")?;
    let promise = w.navigator().clipboard().write_text(text);
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying; select the text and copy it".to_string())
}

/// Offers `text` as a file download called `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_| "the browser did not allow the download".to_string();
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a chosen or dropped file as text.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// Moves focus to the element with this id and scrolls it into view; `false` when there is
/// no such element.
pub fn focus(id: &str) -> bool {
    focus_element(
        window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id)),
    )
}

/// The id of the element that has focus ("" when it has none, or nothing has focus).
pub fn focused_id() -> String {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|el| el.id())
        .unwrap_or_default()
}

/// Gives focus back to the element with this id where it stands, without scrolling the page
/// beyond what the browser does for focus (a part of the page drawn again under the person's
/// caret). Nothing when there is no such element.
pub fn refocus(id: &str) {
    if let Some(Ok(el)) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|el| el.dyn_into::<web_sys::HtmlElement>())
    {
        let _ = el.focus();
    }
}

/// Focuses `el` and scrolls it into view; `false` when there is none or it cannot take focus.
fn focus_element(el: Option<web_sys::Element>) -> bool {
    match el.map(|el| el.dyn_into::<web_sys::HtmlElement>()) {
        Some(Ok(el)) => {
            let _ = el.focus();
            el.scroll_into_view_with_bool(false);
            true
        }
        _ => false,
    }
}

/// Opens the `<details>` element with this id (nothing when there is none).
pub fn open_details(id: &str) {
    if let Some(details) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        // The attribute reflects the property (no web-sys feature for one setter).
        let _ = details.set_attribute("open", "");
    }
}

/// Scrolls the element with this id into view as little as needed (block "nearest"),
/// leaving focus where it is; at once, as the page's other scrolling is.
pub fn scroll_to(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The text field with this id.
pub fn text_field(id: &str) -> Option<web_sys::HtmlInputElement> {
    window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
}

/// Gives `files` to the file input with this id as if they were chosen there (its `change`
/// listeners hear of it); `false` when there is no such input.
pub fn choose_files(id: &str, files: &web_sys::FileList) -> bool {
    let Some(input) = text_field(id) else {
        return false;
    };
    input.set_files(Some(files));
    web_sys::Event::new("change").is_ok_and(|ev| input.dispatch_event(&ev).is_ok())
}

/// Replaces the whole text of a focused text field as typing would, so the browser's own
/// undo (Ctrl+Z) takes it back and the field's `input` listeners hear of it; `false` when the
/// browser cannot (then the caller sets the text).
pub fn type_over(input: &web_sys::HtmlInputElement, text: &str) -> bool {
    let document = window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    let Some(document) = document else {
        return false;
    };
    input.select();
    let typed = document
        .exec_command_with_show_ui_and_value("insertText", false, text)
        .unwrap_or(false)
        && input.value() == text;
    if !typed {
        // Not left selected, for the next key to replace.
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
    typed
}

/// Whether `target` is a field that edits text (its Ctrl+Z is its own).
pub fn is_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    if el.is_content_editable() || el.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some() {
        return true;
    }
    el.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(|i| {
        !matches!(
            i.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        )
    })
}

/// Whether an element with this id is in the document.
pub fn exists(id: &str) -> bool {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .is_some()
}

/// Moves focus to the first element, in document order, whose id starts with `prefix`;
/// `false` when there is none.
pub fn focus_first_with_id_prefix(prefix: &str) -> bool {
    let escaped = prefix.replace('\\', "\\\\").replace('"', "\\\"");
    focus_element(window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector(&format!("[id^=\"{escaped}\"]"))
            .ok()
            .flatten()
    }))
}
