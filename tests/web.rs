//! Component tests of the page in headless Chromium: mount the page, act through the real
//! DOM as a person would, await a tick, and assert on what a person would see.
#![cfg(target_arch = "wasm32")]

use automl_job_web::components::Page;
use automl_job_web::state::api::Api;
use automl_job_web::state::draft::Draft;
use automl_job_web::state::editor::Editor;
use automl_job_web::state::layout::{CREATE_AUTO_ML_JOB_V2, PROBLEM_TYPES};
use automl_rules::json::{self, Value};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The page, mounted on a fresh element, with its editor. Dropping it unmounts the page.
struct Mounted {
    editor: Editor,
    root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn mount(draft: Draft) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let editor = Editor::new(draft);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Page editor=editor/> }.into_any()
    });
    Mounted {
        editor,
        root,
        _handle: handle,
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }

    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    fn field(&self, pointer: &str) -> HtmlElement {
        self.find(&format!("[name=\"{pointer}\"]"))
    }

    fn button(&self, text: &str) -> HtmlElement {
        let all = self.root.query_selector_all("button").unwrap();
        (0..all.length())
            .map(|i| all.item(i).unwrap().unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button says {text}"))
    }

    /// Types `text` into a text field (input, then change as when leaving it).
    async fn type_into(&self, pointer: &str, text: &str) {
        let input: HtmlInputElement = self.field(pointer).unchecked_into();
        input.set_value(text);
        fire(&input, "input");
        fire(&input, "change");
        leptos::task::tick().await;
    }

    async fn choose(&self, pointer: &str, value: &str) {
        let select: HtmlSelectElement = self.field(pointer).unchecked_into();
        select.set_value(value);
        fire(&select, "change");
        leptos::task::tick().await;
    }

    fn messages(&self, pointer: &str) -> String {
        self.root
            .query_selector(&format!("[id=\"messages:{pointer}\"]"))
            .unwrap()
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default()
    }
}

/// A keydown of `key` on `target`, as the keyboard sends it (bubbling, cancelable).
fn key_down(target: &web_sys::EventTarget, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Waits `ms` milliseconds (the export panel renders 120 ms after the last keystroke).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits for the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The element that has the keyboard focus.
fn focused() -> web_sys::Element {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap()
}

async fn click(el: &HtmlElement) {
    el.click();
    leptos::task::tick().await;
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn a_bad_name_shows_its_error_once_left_and_clears_when_fixed() {
    let page = mount(Draft::new());
    let name = page.field("/AutoMLJobName");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));
    page.type_into("/AutoMLJobName", "my_job").await;
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    let shown = page.messages("/AutoMLJobName");
    assert!(shown.contains("letters, digits and hyphens"), "{shown}");
    assert!(!shown.contains("failed to satisfy constraint"), "{shown}");
    // One switch shows the service's own wording under every message (no stop per message).
    click(&page.find("#show-wording")).await;
    let shown = page.messages("/AutoMLJobName");
    assert!(
        shown.contains("Service: Value 'my_job' at 'autoMLJobName' failed to satisfy constraint"),
        "the service's clause beside it: {shown}"
    );
    // The whole answer is in the Check panel: here the AWS CLI stops first (required
    // members are missing), so the service never answers.
    let whole = || page.find(".summary .response").text_content().unwrap();
    assert!(
        whole().starts_with("The AWS CLI would refuse to send it:Parameter validation failed:"),
        "{}",
        whole()
    );
    click(&page.button("Start from an example")).await;
    page.type_into("/AutoMLJobName", "my_job").await;
    assert!(
        whole().starts_with(
            "The service would answer:1 validation error detected: Value 'my_job' at 'autoMLJobName'"
        ),
        "{}",
        whole()
    );
    page.type_into("/AutoMLJobName", "my_job").await;
    assert_eq!(
        page.count(".messages details, .messages summary, .messages [tabindex]"),
        0
    );
    click(&page.find("#show-wording")).await;
    assert!(name
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("messages:/AutoMLJobName"));
    page.type_into("/AutoMLJobName", "my-job").await;
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(page.messages("/AutoMLJobName"), "");
}

/// A keystroke's frame carries only the typed character: the findings follow in the task
/// after the frame, and at once when the field is left before that.
#[wasm_bindgen_test]
async fn findings_follow_a_keystroke_after_its_frame() {
    let page = mount(Draft::new());
    page.type_into("/AutoMLJobName", "my-job").await;
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    let status = || page.find(".summary .verdict").text_content().unwrap();
    let before = status();

    name.set_value("my_job");
    fire(&name, "input");
    leptos::task::tick().await;
    assert_eq!(page.messages("/AutoMLJobName"), "", "not before the frame");
    assert_eq!(status(), before);
    next_frame().await;
    sleep(0).await;
    leptos::task::tick().await;
    let shown = page.messages("/AutoMLJobName");
    assert!(shown.contains("letters, digits and hyphens"), "{shown}");
    assert_ne!(status(), before, "the summary counts the new error");

    // Three keystrokes before a frame, then leaving the field: checked at once, once.
    for text in ["a", "ab", "ab_"] {
        name.set_value(text);
        fire(&name, "input");
    }
    fire(&name, "change");
    leptos::task::tick().await;
    let shown = page.messages("/AutoMLJobName");
    assert!(shown.contains("letters, digits and hyphens"), "{shown}");
    name.set_value("ab");
    fire(&name, "input");
    fire(&name, "change");
    leptos::task::tick().await;
    assert_eq!(page.messages("/AutoMLJobName"), "");
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/AutoMLJobName")),
        "ab"
    );
}

#[wasm_bindgen_test]
async fn a_pristine_form_does_not_shout_but_counts_exactly() {
    let page = mount(Draft::new());
    leptos::task::tick().await;
    assert_eq!(
        page.count(".field .msg"),
        0,
        "no field message before any edit"
    );
    let errors = page.editor.findings.with_untracked(|f| f.errors);
    assert!(errors > 0);
    let verdict = || page.find(".summary .verdict").text_content().unwrap();
    assert_eq!(
        verdict(),
        format!("Incomplete: {errors} required members to fill in."),
        "a form missing only required members is not written yet, rather than rejected"
    );
    let listed = page.count(".finding-list li") as usize;
    assert_eq!(
        listed,
        errors,
        "{}",
        page.find(".finding-list").text_content().unwrap()
    );
    click(&page.button("Check all")).await;
    assert!(
        page.count(".field .msg.error") > 0,
        "check all shows every field's errors"
    );
    // Regression: the toolbar said "The service would reject this: 5 errors" here while
    // the Check panel said "Incomplete": one verdict, the same words.
    assert_eq!(
        page.find("#status").text_content().unwrap(),
        format!("Incomplete: {errors} required members to fill in.")
    );
    let role = page.messages("/RoleArn");
    assert!(role.contains("RoleArn"), "{role}");
    assert_eq!(
        verdict(),
        format!("Incomplete: {errors} required members to fill in.")
    );
    page.type_into("/AutoMLJobName", "bad_name").await;
    assert!(
        verdict().contains(&format!("would reject this: {errors} errors")),
        "{}",
        verdict()
    );
}

/// Removing a list item is a step Undo takes back; what was typed before it stays.
#[wasm_bindgen_test]
async fn removing_an_item_can_be_undone() {
    let mut draft = Draft::new();
    draft.push_item("/Tags");
    draft.set_text("/Tags/0/Key", "team");
    draft.set_text("/Tags/0/Value", "ml");
    let page = mount(draft);
    page.editor.open.update(|o| {
        o.insert("tags");
    });
    leptos::task::tick().await;
    page.type_into("/AutoMLJobName", "edited").await;
    click(&page.find("[id=\"remove:/Tags/0\"]")).await;
    assert_eq!(page.count("[name=\"/Tags/0/Key\"]"), 0);
    let notice = page.find("#status").text_content().unwrap();
    assert_eq!(notice, "Removed tag 1. Undo puts it back.");
    click(&page.button("Undo")).await;
    leptos::task::tick().await;
    let key: HtmlInputElement = page.field("/Tags/0/Key").unchecked_into();
    assert_eq!(key.value(), "team");
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    assert_eq!(name.value(), "edited");
}

/// Regression (issue 10, 3.1): every item of a list was drawn, and an imported list of
/// thousands of tags froze the page. The list draws as many rows as the service accepts,
/// then one row that counts the rest, which stay in the draft, and removes them as one step.
#[wasm_bindgen_test]
async fn a_list_longer_than_the_service_accepts_draws_its_rows_and_counts_the_rest() {
    let tags: Vec<String> = (0..130)
        .map(|i| format!("{{\"Key\":\"k{i}\",\"Value\":\"v{i}\"}}"))
        .collect();
    let text = format!("{{\"Tags\":[{}]}}", tags.join(","));
    let draft = Draft::from_node(json::parse(&text).unwrap()).unwrap();
    let page = mount(draft);
    leptos::task::tick().await;
    assert_eq!(page.count("#section-body-tags ol.items > li"), 50);
    assert_eq!(page.count("[name=\"/Tags/49/Key\"]"), 1);
    assert_eq!(page.count("[name=\"/Tags/50/Key\"]"), 0, "not drawn");
    let more = page.find("#section-body-tags .more-items");
    let said = more.text_content().unwrap();
    assert!(
        said.starts_with("80 tags more, after the first 50: the service accepts at most 50"),
        "{said}"
    );
    // Kept in the draft and the exports until removed.
    assert_eq!(page.editor.draft.with_untracked(|d| d.len("/Tags")), 130);
    assert!(page.editor.findings.with_untracked(|f| f
        .list
        .iter()
        .any(|d| d.code == "count" && d.path == "/Tags")));

    // Removing one drawn tag brings the next one into view; the count follows.
    click(&page.find("[id=\"remove:/Tags/0\"]")).await;
    leptos::task::tick().await;
    let key: HtmlInputElement = page.field("/Tags/49/Key").unchecked_into();
    assert_eq!(key.value(), "k50");
    assert!(more.text_content().unwrap().starts_with("79 tags more"));

    click(&page.button("Remove the 79 tags after the first 50")).await;
    assert_eq!(page.editor.draft.with_untracked(|d| d.len("/Tags")), 50);
    assert_eq!(page.count(".more-items"), 0);
    assert_eq!(page.count("#section-body-tags ol.items > li"), 50);
    assert_eq!(
        page.find("#status").text_content().unwrap(),
        "Removed the 79 tags after the first 50. Undo puts them back."
    );
    assert!(!page.editor.findings.with_untracked(|f| f
        .list
        .iter()
        .any(|d| d.code == "count" && d.path == "/Tags")));
    // One step: Undo brings every one of them back.
    click(&page.button("Undo")).await;
    leptos::task::tick().await;
    assert_eq!(page.editor.draft.with_untracked(|d| d.len("/Tags")), 129);
    assert_eq!(page.count("#section-body-tags ol.items > li"), 50);
    assert!(page
        .find("#section-body-tags .more-items")
        .text_content()
        .unwrap()
        .starts_with("79 tags more"));
}

/// The rows a list draws follow the model's maximum: two channels, then the count.
#[wasm_bindgen_test]
async fn a_list_of_channels_draws_two_and_counts_one_more() {
    let channel = r#"{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/x"}},"TargetAttributeName":"y"}"#;
    let text = format!(r#"{{"InputDataConfig":[{channel},{channel},{channel}]}}"#);
    let page = mount(Draft::from_node(json::parse(&text).unwrap()).unwrap());
    leptos::task::tick().await;
    assert_eq!(
        page.count("[name=\"/InputDataConfig/1/TargetAttributeName\"]"),
        1
    );
    assert_eq!(
        page.count("[name=\"/InputDataConfig/2/TargetAttributeName\"]"),
        0
    );
    let said = page
        .find("#section-body-data .more-items")
        .text_content()
        .unwrap();
    assert!(
        said.starts_with("1 channel more, after the first 2"),
        "{said}"
    );
    click(&page.button("Remove the channel after the first 2")).await;
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.len("/InputDataConfig")),
        2
    );
    assert_eq!(page.count(".more-items"), 0);
}

/// Following a summary entry leaves the list of findings open.
#[wasm_bindgen_test]
async fn the_findings_list_stays_open_when_an_entry_is_followed() {
    let page = mount(Draft::new());
    leptos::task::tick().await;
    click(&page.find(".findings summary")).await;
    assert!(page.find(".findings").has_attribute("open"));
    click(&page.find("a[href=\"#field:/RoleArn\"]")).await;
    leptos::task::tick().await;
    assert!(page.find(".findings").has_attribute("open"));
    assert_eq!(focused().id(), "field:/RoleArn");
}

/// A required structure with no control of its own (OutputDataConfig) shows its finding at
/// the first field inside it, and its summary entry leads there.
#[wasm_bindgen_test]
async fn a_missing_structure_is_reported_at_its_first_field() {
    let page = mount(Draft::new());
    click(&page.button("Check all")).await;
    leptos::task::tick().await;
    let at = page.messages("/OutputDataConfig/S3OutputPath");
    assert!(at.contains("OutputDataConfig"), "{at}");
    click(&page.find("a[href=\"#field:/OutputDataConfig\"]")).await;
    leptos::task::tick().await;
    assert_eq!(focused().id(), "field:/OutputDataConfig/S3OutputPath");
}

/// A field typed in for the first time shows its findings once typing pauses, without
/// being left.
#[wasm_bindgen_test]
async fn a_pause_in_typing_shows_the_fields_findings() {
    let page = mount(Draft::new());
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    name.set_value("my_job");
    fire(&name, "input");
    sleep(300).await;
    assert_eq!(page.messages("/AutoMLJobName"), "", "not while typing");
    sleep(900).await;
    leptos::task::tick().await;
    let shown = page.messages("/AutoMLJobName");
    assert!(shown.contains("letters, digits and hyphens"), "{shown}");
}

/// Numbers step with the arrow keys within their bounds, from the service's default.
#[wasm_bindgen_test]
async fn arrow_keys_step_numbers_within_bounds() {
    let page = mount(Draft::new());
    page.editor.open.update(|o| {
        o.insert("limits");
    });
    leptos::task::tick().await;
    let pointer = "/AutoMLJobConfig/CompletionCriteria/MaxCandidates";
    let input: HtmlInputElement = page.field(pointer).unchecked_into();
    input.focus().unwrap();
    let press = |key: &str| key_down(&input, key);
    press("ArrowUp");
    leptos::task::tick().await;
    assert_eq!(input.value(), "250", "from the service's default");
    assert!(
        page.field(pointer).is_same_node(Some(&input)),
        "the control stays (and keeps the focus)"
    );
    assert!(focused().is_same_node(Some(&input)));
    press("ArrowDown");
    press("ArrowDown");
    leptos::task::tick().await;
    assert_eq!(input.value(), "248");
    assert_eq!(page.editor.draft.with_untracked(|d| d.text(pointer)), "248");
    page.type_into(pointer, "750").await;
    press("ArrowUp");
    leptos::task::tick().await;
    assert_eq!(input.value(), "750", "not past the maximum");
    page.type_into(pointer, "1e3").await;
    press("ArrowUp");
    leptos::task::tick().await;
    assert_eq!(
        input.value(),
        "1e3",
        "what is not a plain whole number is left alone"
    );

    // A fraction steps by 0.05, from the service's default 0.2.
    let pointer = "/AutoMLJobConfig/DataSplitConfig/ValidationFraction";
    let fraction: HtmlInputElement = page.field(pointer).unchecked_into();
    fraction.focus().unwrap();
    let press = |key: &str| key_down(&fraction, key);
    press("ArrowUp");
    press("ArrowUp");
    leptos::task::tick().await;
    assert_eq!(fraction.value(), "0.25");
    press("ArrowDown");
    press("ArrowDown");
    press("ArrowDown");
    leptos::task::tick().await;
    assert_eq!(fraction.value(), "0.1");
    assert_eq!(page.editor.draft.with_untracked(|d| d.text(pointer)), "0.1");
}

/// A metric that does not suit the problem type is disabled and says what it suits.
#[wasm_bindgen_test]
async fn unsuitable_choices_say_what_they_suit() {
    let page = mount(Draft::new());
    page.editor.open.update(|o| {
        o.insert("problem");
    });
    leptos::task::tick().await;
    // No problem type yet: the metrics are listed by what they suit.
    let select = page.field("/AutoMLJobObjective/MetricName");
    let groups = select.query_selector_all("optgroup").unwrap();
    let labels: Vec<String> = (0..groups.length())
        .map(|i| {
            groups
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("label")
                .unwrap()
        })
        .collect();
    assert_eq!(
        labels,
        [
            "For regression",
            "For binary classification",
            "For multiclass classification",
            "For binary classification or multiclass classification",
            "CreateAutoMLJobV2 only"
        ]
    );
    let regression = select
        .query_selector("optgroup[label=\"For regression\"]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        regression.contains("MSE") && !regression.contains("AUC"),
        "{regression}"
    );
    assert!(select
        .query_selector("optgroup[label=\"CreateAutoMLJobV2 only\"] option:not([disabled])")
        .unwrap()
        .is_none());
    page.choose("/ProblemType", "BinaryClassification").await;
    leptos::task::tick().await;
    let select = page.field("/AutoMLJobObjective/MetricName");
    let mse = select
        .query_selector("option[value=\"MSE\"]")
        .unwrap()
        .unwrap();
    assert!(mse.has_attribute("disabled"));
    assert_eq!(mse.text_content().unwrap(), "MSE (for regression)");
    let accuracy = select
        .query_selector("option[value=\"Accuracy\"]")
        .unwrap()
        .unwrap();
    assert!(!accuracy.has_attribute("disabled"));
    assert_eq!(accuracy.text_content().unwrap(), "Accuracy");
}

#[wasm_bindgen_test]
async fn a_summary_entry_moves_focus_to_its_field() {
    let page = mount(Draft::new());
    leptos::task::tick().await;
    let link = page.find("a[href=\"#field:/RoleArn\"]");
    click(&link).await;
    leptos::task::tick().await;
    let active = focused();
    assert_eq!(active.id(), "field:/RoleArn");
}

#[wasm_bindgen_test]
async fn a_summary_entry_opens_a_closed_section() {
    let mut draft = Draft::new();
    draft.push_item("/Tags");
    draft.set_text("/Tags/0/Key", "aws:reserved");
    draft.set_text("/Tags/0/Value", "x");
    let page = mount(draft);
    page.editor.open.update(|o| {
        o.remove("tags");
    });
    leptos::task::tick().await;
    let body = page.find("#section-body-tags");
    assert!(body.hidden());
    click(&page.find("a[href=\"#field:/Tags/0/Key\"]")).await;
    leptos::task::tick().await;
    assert!(!body.hidden());
}

#[wasm_bindgen_test]
async fn channels_can_be_added_within_their_bounds_and_removed() {
    let page = mount(Draft::new());
    let add = page.button("Add a channel");
    assert_eq!(page.count("fieldset.item"), 1);
    click(&add).await;
    assert_eq!(page.count("fieldset.item"), 2);
    assert!(add.has_attribute("disabled"), "at most two channels");
    page.type_into("/InputDataConfig/1/TargetAttributeName", "y")
        .await;
    click(&page.find("[aria-label=\"Move channel 2 up\"]")).await;
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/InputDataConfig/0/TargetAttributeName")),
        "y"
    );
    click(&page.find("[aria-label=\"Remove channel 1\"]")).await;
    assert_eq!(page.count("fieldset.item"), 1);
    assert!(!add.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn booleans_have_three_states() {
    let page = mount(Draft::new());
    page.choose("/GenerateCandidateDefinitionsOnly", "false")
        .await;
    let value = page
        .editor
        .draft
        .with_untracked(|d| d.get("/GenerateCandidateDefinitionsOnly").cloned());
    assert_eq!(value.map(|n| n.value), Some(Value::Bool(false)));
    page.choose("/GenerateCandidateDefinitionsOnly", "").await;
    assert!(!page
        .editor
        .draft
        .with_untracked(|d| d.has("/GenerateCandidateDefinitionsOnly")));
}

#[wasm_bindgen_test]
async fn numbers_keep_what_was_typed_and_the_rules_judge_it() {
    let page = mount(Draft::new());
    page.editor.open.update(|o| {
        o.insert("limits");
    });
    leptos::task::tick().await;
    let p = "/AutoMLJobConfig/CompletionCriteria/MaxCandidates";
    page.type_into(p, "5.0").await;
    assert!(
        page.messages(p).contains("whole number") || page.messages(p).contains("integer"),
        "{}",
        page.messages(p)
    );
    page.type_into(p, "5").await;
    assert_eq!(page.messages(p), "");
}

#[wasm_bindgen_test]
async fn importing_fills_the_form_and_a_bad_import_keeps_the_draft() {
    let page = mount(Draft::new());
    page.type_into("/AutoMLJobName", "mine").await;
    let textarea: web_sys::HtmlTextAreaElement = page.find("#import-text").unchecked_into();
    // Neither JSON nor Python (a bare name would be a Python dict with a hole).
    textarea.set_value("{\"AutoMLJobName\": [}");
    fire(&textarea, "input");
    click(&page.button("Import")).await;
    let error = page.find("#import-error");
    assert!(!error.hidden());
    let said = error.text_content().unwrap();
    assert!(said.contains("line 1, column 20"), "{said}");
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/AutoMLJobName")),
        "mine"
    );

    textarea.set_value(
        "aws sagemaker create-auto-ml-job --auto-ml-job-name imported-job \\\n  --role-arn arn:aws:iam::123456789012:role/r",
    );
    fire(&textarea, "input");
    click(&page.button("Import")).await;
    assert!(error.hidden());
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    assert_eq!(name.value(), "imported-job");
    // An import shows every finding at once.
    assert!(
        page.messages("/OutputDataConfig").contains("required") || page.count(".msg.error") > 0
    );
    click(&page.button("Undo")).await;
    assert_eq!(name.value(), "mine");
}

#[wasm_bindgen_test]
async fn the_export_is_live_and_says_whether_it_would_be_accepted() {
    let valid = json::parse(
        r#"{"AutoMLJobName":"job-1","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/in"}},"TargetAttributeName":"y"}],"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out"},"RoleArn":"arn:aws:iam::123456789012:role/r"}"#,
    )
    .unwrap();
    let page = mount(Draft::from_node(valid).unwrap());
    leptos::task::tick().await;
    let state = page.find(".export .export-state");
    assert_eq!(state.text_content().unwrap(), "Ready to send.");
    page.type_into("/AutoMLJobName", "job_1").await;
    assert_eq!(
        state.text_content().unwrap(),
        "The service would reject this: 1 error, listed under Check."
    );
    sleep(200).await;
    let code = page.find("#export-text").text_content().unwrap();
    assert!(code.contains("\"AutoMLJobName\": \"job_1\""), "{code}");
    let cli: HtmlInputElement = page.find("input[value=\"cli\"]").unchecked_into();
    cli.click();
    leptos::task::tick().await;
    let code = page.find("#export-text").text_content().unwrap();
    assert!(
        code.starts_with("aws sagemaker create-auto-ml-job"),
        "{code}"
    );
}

/// Regression: the per-field signals of a removed list item were disposed with it, and the
/// effect that keeps fields in step with the draft then stopped for every field.
#[wasm_bindgen_test]
async fn removing_a_channel_keeps_every_other_field_in_step() {
    let page = mount(Draft::new());
    click(&page.button("Add a channel")).await;
    page.type_into("/InputDataConfig/1/TargetAttributeName", "y")
        .await;
    click(&page.find("[aria-label=\"Remove channel 2\"]")).await;
    page.editor.replace(
        Draft::from_node(json::parse(r#"{"AutoMLJobName":"replaced"}"#).unwrap()).unwrap(),
        "test",
        true,
    );
    leptos::task::tick().await;
    leptos::task::tick().await;
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    assert_eq!(name.value(), "replaced");
    click(&page.button("Undo")).await;
    click(&page.button("Add a channel")).await;
    let target: HtmlInputElement = page
        .field("/InputDataConfig/1/TargetAttributeName")
        .unchecked_into();
    assert_eq!(target.value(), "", "a new channel starts empty");
}

#[wasm_bindgen_test]
async fn a_member_the_request_does_not_have_can_be_removed_from_the_summary() {
    let node = json::parse(r#"{"AutoMLJobName":"job","autoMLJobName":"wrong-case"}"#).unwrap();
    let page = mount(Draft::from_node(node).unwrap());
    leptos::task::tick().await;
    let summary = page.find(".finding-list").text_content().unwrap();
    assert!(summary.contains("autoMLJobName"), "{summary}");
    click(&page.button("Remove it")).await;
    assert!(!page
        .editor
        .draft
        .with_untracked(|d| d.has("/autoMLJobName")));
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/AutoMLJobName")),
        "job"
    );
}

/// Regression: the only fix offered for a wrongly capitalised member ("RoleARN") was
/// "Remove it", which threw its value away. "Rename to RoleArn" keeps it, as one step Undo
/// takes back, and focuses the renamed field.
#[wasm_bindgen_test]
async fn a_wrongly_capitalised_member_is_renamed_keeping_its_value() {
    let page = mount(Draft::new());
    let textarea: web_sys::HtmlTextAreaElement = page.find("#import-text").unchecked_into();
    textarea.set_value(
        r#"{"AutoMLJobName":"churn-12", "RoleARN":"arn:aws:iam::111122223333:role/SageMakerRole"}"#,
    );
    fire(&textarea, "input");
    click(&page.button("Import")).await;
    let summary = page.find(".finding-list").text_content().unwrap();
    assert!(summary.contains("write RoleArn"), "{summary}");
    let rename = page.button("Rename to RoleArn");
    assert!(!rename.hidden());
    page.button("Remove it");
    click(&rename).await;
    sleep(50).await;
    let role: HtmlInputElement = page.field("/RoleArn").unchecked_into();
    assert_eq!(role.value(), "arn:aws:iam::111122223333:role/SageMakerRole");
    assert!(
        focused().is_same_node(Some(&role)),
        "focus is on the renamed field"
    );
    assert!(!page.editor.draft.with_untracked(|d| d.has("/RoleARN")));
    let summary = page.find(".finding-list").text_content().unwrap();
    assert!(!summary.contains("RoleARN"), "{summary}");
    assert_eq!(
        page.button("Undo").title(),
        "Undo “Renamed RoleARN to RoleArn, keeping its value” (2 steps available)"
    );
    click(&page.button("Undo")).await;
    assert_eq!(role.value(), "");
    assert_eq!(
        page.editor.draft.with_untracked(|d| d.text("/RoleARN")),
        "arn:aws:iam::111122223333:role/SageMakerRole"
    );
    page.button("Rename to RoleArn");
}

/// The same for a nested member in camelCase, with a value below it; and when the right
/// name is there too, renaming would make a duplicate: only "Remove it" is offered.
#[wasm_bindgen_test]
async fn a_nested_camel_case_member_is_renamed_and_a_duplicate_is_not_made() {
    let node = json::parse(
        r#"{"AutoMLJobName":"churn-12","OutputDataConfig":{"s3OutputPath":"s3://my-bucket/out"},"inputDataConfig":[{"TargetAttributeName":"churned"}],"RoleArn":"arn:aws:iam::1:role/a","roleArn":"arn:aws:iam::1:role/b"}"#,
    )
    .unwrap();
    let page = mount(Draft::from_node(node).unwrap());
    leptos::task::tick().await;
    let shown = ".finding-list button:not([hidden])";
    assert_eq!(page.count(shown), 5, "3 Remove, 2 Rename");
    click(&page.button("Rename to S3OutputPath")).await;
    sleep(50).await;
    let out: HtmlInputElement = page
        .field("/OutputDataConfig/S3OutputPath")
        .unchecked_into();
    assert_eq!(out.value(), "s3://my-bucket/out");
    assert!(focused().is_same_node(Some(&out)));
    click(&page.button("Rename to InputDataConfig")).await;
    sleep(50).await;
    let target: HtmlInputElement = page
        .field("/InputDataConfig/0/TargetAttributeName")
        .unchecked_into();
    assert_eq!(target.value(), "churned");
    assert_eq!(page.count(shown), 1, "roleArn: Remove it only");
    page.button("Remove it");
}

/// Regression: "Add a channel" made a second training channel, which the service rejects.
#[wasm_bindgen_test]
async fn a_second_channel_is_a_validation_channel_matching_the_first() {
    let page = mount(Draft::new());
    page.type_into("/InputDataConfig/0/TargetAttributeName", "churned")
        .await;
    page.type_into(
        "/InputDataConfig/0/ContentType",
        "x-application/vnd.amazon+parquet",
    )
    .await;
    click(&page.button("Add a channel")).await;
    let channel_type: HtmlSelectElement = page
        .field("/InputDataConfig/1/ChannelType")
        .unchecked_into();
    assert_eq!(channel_type.value(), "validation");
    let target: HtmlInputElement = page
        .field("/InputDataConfig/1/TargetAttributeName")
        .unchecked_into();
    assert_eq!(target.value(), "churned");
    let content: HtmlInputElement = page
        .field("/InputDataConfig/1/ContentType")
        .unchecked_into();
    assert_eq!(content.value(), "x-application/vnd.amazon+parquet");
    let channel_errors: Vec<String> = page.editor.findings.with_untracked(|f| {
        f.list
            .iter()
            .filter(|d| d.is_error() && d.path.starts_with("/InputDataConfig"))
            .map(|d| format!("{}: {}", d.path, d.message))
            .collect()
    });
    assert!(
        channel_errors
            .iter()
            .all(|e| e.contains("S3Uri") || e.contains("/S3DataSource")),
        "only the second channel's S3 URI is left to fill in: {channel_errors:?}"
    );
}

/// Regression: the Undo button disappeared once used, and keyboard focus went with it.
/// Undo is now a swap ("Redo" puts back what it replaced), and focus goes to the message.
#[wasm_bindgen_test]
async fn after_undo_focus_is_on_the_message_saying_what_happened() {
    let page = mount(Draft::new());
    page.type_into("/AutoMLJobName", "mine").await;
    click(&page.button("New request")).await;
    let undo = page.button("Undo");
    undo.focus().unwrap();
    click(&undo).await;
    sleep(50).await;
    let active = focused();
    assert_eq!(active.id(), "status");
    let said = active.text_content().unwrap();
    assert!(said.starts_with("Restored the previous request."), "{said}");
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    assert_eq!(name.value(), "mine");
    click(&page.button("Redo")).await;
    assert_eq!(name.value(), "", "Redo puts back the new request");
    click(&page.button("Undo")).await;
    assert_eq!(name.value(), "mine");
}

/// Every replacement is a step back: an import over a "new request" over the draft can be
/// undone to the draft, and redone forward again; nothing is lost either way.
#[wasm_bindgen_test]
async fn undo_goes_back_step_by_step_and_redo_forward() {
    let page = mount(Draft::new());
    page.type_into("/AutoMLJobName", "mine").await;
    click(&page.button("New request")).await;
    page.type_into("/AutoMLJobName", "second").await;
    click(&page.button("Start from an example")).await;
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    let example = name.value();
    assert_ne!(example, "second");
    assert_eq!(page.count("button.redo"), 0, "nothing to redo yet");
    assert_eq!(
        page.button("Undo").title(),
        "Undo “Loaded an example request: change what differs for your job” (2 steps available)"
    );
    click(&page.button("Undo")).await;
    assert_eq!(name.value(), "second");
    click(&page.button("Undo")).await;
    assert_eq!(name.value(), "mine");
    assert_eq!(page.count("button.undo"), 0, "nothing further back");
    click(&page.button("Redo")).await;
    assert_eq!(name.value(), "second");
    // An edit after Undo is kept: Redo sends it back to the Undo side.
    page.type_into("/AutoMLJobName", "second-edited").await;
    click(&page.button("Redo")).await;
    assert_eq!(name.value(), example);
    click(&page.button("Undo")).await;
    assert_eq!(name.value(), "second-edited");
}

/// Regression: an empty form showed the same red "would reject this" banner twice (the
/// summary and the export panel). One banner; the export panel's plain line says the same
/// verdict in the same words (it said "Not ready to send" of a request only incomplete).
#[wasm_bindgen_test]
async fn the_verdict_is_stated_once() {
    let page = mount(Draft::new());
    leptos::task::tick().await;
    assert_eq!(page.count(".verdict"), 1);
    let export = || page.find(".export .export-state").text_content().unwrap();
    assert_eq!(
        export(),
        "Incomplete: 5 required members to fill in, listed under Check."
    );
    assert!(!page.root.text_content().unwrap().contains("reject"));
    page.type_into("/AutoMLJobName", "bad_name").await;
    assert_eq!(page.count(".verdict"), 1);
    assert_eq!(page.count(".verdict.bad"), 1);
    assert_eq!(
        export(),
        "The service would reject this: 5 errors, listed under Check."
    );
}

/// The Check panel's live region says the verdict's kind only: filling in members changes
/// the count beside it (not live) and leaves what a screen reader hears as it was; a real
/// change of verdict changes it once.
#[wasm_bindgen_test]
async fn the_live_verdict_changes_with_its_kind_not_its_counts() {
    let page = mount(Draft::new());
    leptos::task::tick().await;
    let live = page.find("#verdict-kind");
    assert_eq!(live.get_attribute("role").as_deref(), Some("status"));
    let detail = page.find(".verdict .verdict-detail");
    assert!(
        detail
            .closest("[role=status], [aria-live]")
            .unwrap()
            .is_none(),
        "the counts are not in a live region"
    );
    let text = || live.text_content().unwrap();
    assert_eq!(text(), "Incomplete:");
    page.type_into("/AutoMLJobName", "my-job").await;
    page.type_into("/InputDataConfig/0/TargetAttributeName", "label")
        .await;
    assert_eq!(
        detail.text_content().unwrap(),
        "3 required members to fill in."
    );
    assert_eq!(text(), "Incomplete:", "same kind, nothing new to hear");
    page.type_into("/RoleArn", "arn:aws:iam::1").await;
    assert_eq!(text(), "The service would reject this:");
    page.type_into("/RoleArn", "arn:aws:iam::123456789012:role/r")
        .await;
    assert_eq!(text(), "Incomplete:");
}

/// On a phone, "Review" in the status bar goes to the Check panel with its findings open.
#[wasm_bindgen_test]
async fn review_opens_the_findings() {
    let page = mount(Draft::new());
    leptos::task::tick().await;
    let details = page.find("details.findings");
    assert!(!details.has_attribute("open"), "closed on a fresh page");
    click(&page.find(".mobile-status a")).await;
    assert!(details.has_attribute("open"), "Review opens them");
    assert_eq!(focused().id(), "summary");
}

/// Regression: once an objective metric was chosen it gained a REQUIRED badge, while its
/// help says the service chooses one when it is left unset.
#[wasm_bindgen_test]
async fn a_chosen_metric_stays_optional() {
    let page = mount(Draft::new());
    let metric = "/AutoMLJobObjective/MetricName";
    let badge = || {
        page.find(&format!("label[for=\"field:{metric}\"]"))
            .query_selector(".required")
            .unwrap()
            .is_some()
    };
    assert!(!badge());
    page.choose(metric, "F1").await;
    assert!(!badge(), "chosen, still optional");
    assert_eq!(
        page.field(metric).get_attribute("aria-required").as_deref(),
        Some("false")
    );
    let help = page
        .find(&format!("[id=\"help:{metric}\"]"))
        .text_content()
        .unwrap();
    assert!(
        help.contains("Not set: chosen with the problem type."),
        "{help}"
    );
    // Still required where the model requires it: the job name, always.
    assert!(page
        .find("label[for=\"field:/AutoMLJobName\"] .required")
        .is_connected());
}

/// A line that promises Undo has an Undo right beside it, and it works.
#[wasm_bindgen_test]
async fn a_line_that_promises_undo_offers_it() {
    let page = mount(Draft::new());
    page.type_into("/AutoMLJobName", "mine").await;
    assert_eq!(page.count(".undo-here:not([hidden])"), 0);
    click(&page.button("New request")).await;
    let said = page.find("#status").text_content().unwrap();
    assert!(said.contains("Undo puts"), "{said}");
    click(&page.find(".notice-row .undo-here")).await;
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    assert_eq!(name.value(), "mine");
    assert_eq!(
        page.count(".undo-here:not([hidden])"),
        0,
        "the line now says what Undo did"
    );
}

/// Another tab saved a different request: this tab keeps its own, says so, and offers
/// both; whichever is chosen, the other is one Undo away.
#[wasm_bindgen_test]
async fn another_tabs_request_is_offered_not_taken() {
    use automl_job_web::state::tabs::Origin;
    let page = mount(Draft::new());
    page.type_into("/AutoMLJobName", "mine").await;
    let other = r#"{"AutoMLJobName":"theirs"}"#.to_string();
    let origin = || {
        Origin::new(
            "other".into(),
            "Opened the request from the share link. Undo puts your previous draft back.",
        )
    };
    page.editor.other_tab_saved(other.clone(), origin());
    leptos::task::tick().await;
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    assert_eq!(name.value(), "mine", "this tab keeps its work");
    let banner = page.find(".other-tab").text_content().unwrap();
    assert!(
        banner.starts_with(
            "Another tab opened a different request (“Opened the request from the share link”)"
        ),
        "{banner}"
    );
    click(&page.button("Keep mine")).await;
    assert_eq!(page.count(".other-tab:not([hidden])"), 0);
    assert_eq!(name.value(), "mine");
    // The other is one Undo away, offered beside the line that says so.
    click(&page.find(".notice-row .undo-here")).await;
    assert_eq!(name.value(), "theirs");
    click(&page.button("Redo")).await;
    assert_eq!(name.value(), "mine");

    // Load the other: it is shown, and this tab's is one Undo away.
    page.editor.other_tab_saved(other, origin());
    leptos::task::tick().await;
    click(&page.button("Load the other")).await;
    assert_eq!(name.value(), "theirs");
    assert_eq!(page.count(".other-tab:not([hidden])"), 0);
    click(&page.find(".notice-row .undo-here")).await;
    assert_eq!(name.value(), "mine");
}

/// Regression: "e.g. churn-endpoint" showed while the name is generated, and "default: 0.2"
/// while a validation channel makes the split.
#[wasm_bindgen_test]
async fn placeholders_follow_the_rest_of_the_request() {
    let page = mount(Draft::new());
    let endpoint = page.field("/ModelDeployConfig/EndpointName");
    let fraction = page.field("/AutoMLJobConfig/DataSplitConfig/ValidationFraction");
    let placeholder = |e: &HtmlElement| e.get_attribute("placeholder").unwrap_or_default();
    assert_eq!(placeholder(&endpoint), "e.g. churn-endpoint");
    assert_eq!(placeholder(&fraction), "default: 0.2");
    page.choose("/ModelDeployConfig/AutoGenerateEndpointName", "true")
        .await;
    assert_eq!(placeholder(&endpoint), "leave empty: the name is generated");
    click(&page.button("Add a channel")).await;
    assert_eq!(
        placeholder(&fraction),
        "leave empty with a validation channel"
    );
    page.choose("/ModelDeployConfig/AutoGenerateEndpointName", "false")
        .await;
    assert_eq!(placeholder(&endpoint), "e.g. churn-endpoint");
}

/// Regression: the summary listed findings in the request's order (the role after the data
/// and output), not in the order the fields appear on the page.
#[wasm_bindgen_test]
async fn the_summary_lists_findings_in_the_order_of_the_page() {
    let node = json::parse(
        r#"{"AutoMLJobName":"bad_name","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"nope"}}}],"OutputDataConfig":{"S3OutputPath":"nope"},"ProblemType":"Regression","AutoMLJobObjective":{"MetricName":"F1"},"RoleArn":"nope","Tags":[{"Key":"aws:x","Value":"y"}]}"#,
    )
    .unwrap();
    let page = mount(Draft::from_node(node).unwrap());
    leptos::task::tick().await;
    let fields = page.root.query_selector_all("[id^=\"field:\"]").unwrap();
    let on_page: Vec<String> = (0..fields.length())
        .map(|i| fields.item(i).unwrap().unchecked_into::<HtmlElement>().id())
        .collect();
    let links = page.root.query_selector_all(".finding-list a").unwrap();
    let listed: Vec<String> = (0..links.length())
        .map(|i| {
            let href = links
                .item(i)
                .unwrap()
                .unchecked_into::<HtmlElement>()
                .get_attribute("href")
                .unwrap();
            href.trim_start_matches('#').to_string()
        })
        .collect();
    assert!(listed.len() >= 6, "{listed:?}");
    let places: Vec<usize> = listed
        .iter()
        .map(|id| {
            on_page
                .iter()
                .position(|f| f == id)
                .unwrap_or_else(|| panic!("{id} is not on the page"))
        })
        .collect();
    assert!(
        places.windows(2).all(|w| w[0] <= w[1]),
        "listed {listed:?}, at places {places:?}"
    );
}

/// Metrics that do not suit the problem type are shown but cannot be chosen; one already
/// chosen (or imported) stays as it is, for the rules to report.
#[wasm_bindgen_test]
async fn unsuited_metrics_are_disabled_not_hidden() {
    let page = mount(Draft::new());
    let option = |v: &str| -> HtmlElement {
        page.find(&format!(
            "[name=\"/AutoMLJobObjective/MetricName\"] option[value=\"{v}\"]"
        ))
    };
    assert!(!option("F1").has_attribute("disabled"));
    page.choose("/AutoMLJobObjective/MetricName", "F1").await;
    page.choose("/ProblemType", "Regression").await;
    assert!(!option("MSE").has_attribute("disabled"));
    assert!(
        !option("F1").has_attribute("disabled"),
        "the chosen value stays choosable"
    );
    assert!(option("Accuracy").has_attribute("disabled"));
    page.choose("/AutoMLJobObjective/MetricName", "MSE").await;
    assert!(option("F1").has_attribute("disabled"));
}

/// A finding about two members (the per-job limit above the whole job's) shows at both
/// fields: changing either may resolve it.
#[wasm_bindgen_test]
async fn a_finding_about_two_members_shows_at_both_fields() {
    let page = mount(Draft::new());
    page.editor.open.update(|o| {
        o.insert("limits");
        o.insert("problem");
    });
    leptos::task::tick().await;
    let per_job = "/AutoMLJobConfig/CompletionCriteria/MaxRuntimePerTrainingJobInSeconds";
    let total = "/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds";
    page.type_into(per_job, "7200").await;
    leptos::task::tick().await;
    sleep(50).await;
    let help = page
        .root
        .query_selector(&format!("[id=\"help:{per_job}\"]"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        help.contains("7200 s is 2 hours."),
        "seconds read as a duration: {help}"
    );
    assert_eq!(page.messages(total), "", "the total is not set yet");
    page.type_into(total, "3600").await;
    sleep(50).await;
    for at in [per_job, total] {
        let shown = page.messages(at);
        assert!(
            shown.contains("exceeds MaxAutoMLJobRuntimeInSeconds"),
            "{at}: {shown}"
        );
    }
    assert_eq!(
        page.editor.findings.with_untracked(|f| f.warnings),
        1,
        "counted once"
    );
    // Raising the total clears it at both.
    page.type_into(total, "86400").await;
    sleep(50).await;
    assert!(!page.messages(per_job).contains("exceeds"));
    assert!(!page.messages(total).contains("exceeds"));

    // The metric and the problem type: changing the problem type shows the finding there.
    page.choose("/AutoMLJobObjective/MetricName", "F1").await;
    page.choose("/ProblemType", "Regression").await;
    sleep(50).await;
    assert!(
        page.messages("/ProblemType")
            .contains("F1 does not measure a regression"),
        "{}",
        page.messages("/ProblemType")
    );
    assert!(page
        .messages("/AutoMLJobObjective/MetricName")
        .contains("F1 does not measure a regression"));
}

/// A duration with units in a field in seconds: the finding says what it is in seconds, and
/// a button writes it so, as typing would (Ctrl+Z in the field takes it back).
#[wasm_bindgen_test]
async fn a_duration_in_a_seconds_field_can_be_written_in_seconds_with_one_click() {
    let page = mount(Draft::new());
    page.editor.open.update(|o| {
        o.insert("limits");
    });
    leptos::task::tick().await;
    let total = "/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds";
    let input: HtmlInputElement = page.field(total).unchecked_into();
    // While typing, before the field is left: what it is in seconds and the button, under
    // the field (so the next Tab reaches it); the finding waits for the field to be left.
    input.set_value("4h");
    fire(&input, "input");
    // The field's signals follow the keystroke's frame (see Editor::edit).
    next_frame().await;
    sleep(50).await;
    assert_eq!(page.messages(total), "");
    assert_eq!(
        page.find(".fix").text_content().unwrap(),
        "4h is 14400 seconds. Use 14400"
    );
    // Inside a live region that was there before it, so it is announced as it appears.
    let region = page.find(".fix").parent_element().unwrap();
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    fire(&input, "change");
    leptos::task::tick().await;
    sleep(50).await;
    let shown = page.messages(total);
    assert!(
        shown.contains("MaxAutoMLJobRuntimeInSeconds is in seconds: 4h is 14400 — write 14400"),
        "{shown}"
    );
    let fix = page.button("Use 14400");
    assert_eq!(
        fix.get_attribute("aria-label").as_deref(),
        Some("Use 14400 seconds")
    );
    assert_eq!(fix.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(page.count(".fix button"), 1, "at this field only, once");

    click(&fix).await;
    sleep(50).await;
    assert_eq!(input.value(), "14400");
    assert_eq!(page.editor.draft.with_untracked(|d| d.text(total)), "14400");
    assert_eq!(page.messages(total), "", "the finding clears");
    assert_eq!(page.count(".fix"), 0, "and the button with it");
    assert!(
        focused().is_same_node(Some(&input)),
        "focus is in the field"
    );

    // Typed as if by hand: the field's own undo brings "4h" back.
    let document: web_sys::HtmlDocument = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .unchecked_into();
    assert!(document.exec_command("undo").unwrap());
    leptos::task::tick().await;
    sleep(50).await;
    assert_eq!(input.value(), "4h");
    assert_eq!(page.editor.draft.with_untracked(|d| d.text(total)), "4h");

    // What is not whole, or out of range, gets the message but no button.
    for (typed, says) in [
        ("0.5s", "0.5s is 0.5, not a whole number"),
        ("0s", "0s is 0, below the minimum 1"),
        ("30000d", "outside the 32-bit integer range"),
    ] {
        page.type_into(total, typed).await;
        sleep(50).await;
        assert!(
            page.messages(total).contains(says),
            "{}",
            page.messages(total)
        );
        assert_eq!(page.count(".fix"), 0, "{typed}");
    }
}

/// Issue 10, 2.2: a repeated finding is listed 20 times, then one line counts the rest, in
/// the page as in the command; the verdict still counts every one.
#[wasm_bindgen_test]
async fn a_repeated_finding_is_listed_twenty_times_then_counted() {
    let tags = vec![r#"{"Value":"v"}"#; 45].join(",");
    let text = format!(
        r#"{{"AutoMLJobName":"job-1","InputDataConfig":[{{"DataSource":{{"S3DataSource":{{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/in"}}}},"TargetAttributeName":"y"}}],"OutputDataConfig":{{"S3OutputPath":"s3://my-bucket/out"}},"RoleArn":"arn:aws:iam::123456789012:role/r","Tags":[{tags}]}}"#
    );
    let page = mount(Draft::from_node(json::parse(&text).unwrap()).unwrap());
    click(&page.button("Check all")).await;
    let list = page.find(".finding-list").text_content().unwrap();
    assert_eq!(list.matches("Key is required").count(), 20, "{list}");
    assert!(list.contains("and 25 more with the same finding"), "{list}");
    let verdict = page.find(".summary .verdict").text_content().unwrap();
    assert!(verdict.contains("45 required members"), "{verdict}");
}

// CreateAutoMLJobV2 (issue 12, the page).

impl Mounted {
    fn has(&self, selector: &str) -> bool {
        self.root.query_selector(selector).unwrap().is_some()
    }

    /// Checks a radio button (by id), as a click does.
    async fn pick(&self, id: &str) {
        let input: HtmlInputElement = self.find(&format!("[id=\"{id}\"]")).unchecked_into();
        input.set_checked(true);
        fire(&input, "change");
        leptos::task::tick().await;
    }

    fn checked(&self, id: &str) -> bool {
        self.find(&format!("[id=\"{id}\"]"))
            .unchecked_into::<HtmlInputElement>()
            .checked()
    }
}

/// The section of V2's layout that holds a problem type's settings.
fn section_of_problem(member: &str) -> &'static str {
    let at = format!("/AutoMLProblemTypeConfig/{member}");
    CREATE_AUTO_ML_JOB_V2
        .sections
        .iter()
        .find(|s| s.when == Some(at.as_str()))
        .unwrap()
        .id
}

const V2_TARGET: &str = "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName";
const HORIZON: &str = "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/ForecastHorizon";

#[wasm_bindgen_test]
async fn choosing_v2_on_a_new_request_switches_at_once_and_undo_comes_back() {
    let page = mount(Draft::new());
    assert!(page.checked("operation:v1"));
    assert!(page.has("[name=\"/ProblemType\"]"));
    page.pick("operation:v2").await;
    assert_eq!(page.editor.api.get_untracked(), Api::V2);
    assert!(page.checked("operation:v2") && !page.checked("operation:v1"));
    assert!(
        !page.has("#operation-offer"),
        "nothing written: nothing to ask"
    );
    assert!(page.has("[name=\"/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri\"]"));
    assert!(!page.has("[name=\"/ProblemType\"]"));
    assert!(page.has("#section-problem"));
    assert!(page
        .find("h1")
        .text_content()
        .unwrap()
        .contains("CreateAutoMLJobV2"));
    page.editor.undo();
    leptos::task::tick().await;
    assert_eq!(page.editor.api.get_untracked(), Api::V1);
    assert!(page.has("[name=\"/ProblemType\"]"));
    assert!(page.checked("operation:v1"));
}

#[wasm_bindgen_test]
async fn each_problem_type_shows_its_section_and_hides_the_others() {
    let page = mount(Draft::new_for(Api::V2));
    for (member, ..) in PROBLEM_TYPES {
        assert!(!page.has(&format!("#section-{}", section_of_problem(member))));
    }
    for (member, label, _) in PROBLEM_TYPES {
        page.pick(&format!("problem-type:{member}")).await;
        for (other, ..) in PROBLEM_TYPES {
            let shown = page.has(&format!("#section-{}", section_of_problem(other)));
            assert_eq!(
                shown,
                other == member,
                "{label} chosen, {other} shown: {shown}"
            );
        }
        assert!(page.checked(&format!("problem-type:{member}")));
        let request = page.editor.draft.with_untracked(Draft::to_compact);
        assert!(
            request.contains(&format!("\"AutoMLProblemTypeConfig\":{{\"{member}\"")),
            "{request}"
        );
    }
    // Text generation's settings: its base model with its default and help.
    let base = "/AutoMLProblemTypeConfig/TextGenerationJobConfig/BaseModelName";
    assert!(page.has(&format!("[name=\"{base}\"]")));
}

#[wasm_bindgen_test]
async fn a_v2_field_shows_its_findings_label_and_api_name() {
    let page = mount(Draft::new_for(Api::V2));
    page.pick("problem-type:TimeSeriesForecastingJobConfig")
        .await;
    page.type_into(HORIZON, "0").await;
    let shown = page.messages(HORIZON);
    assert!(shown.contains('1'), "{shown}");
    let field = page.field(HORIZON).parent_element().unwrap();
    let text = field.text_content().unwrap();
    assert!(text.contains("ForecastHorizon"), "{text}");
    page.type_into(HORIZON, "14").await;
    assert_eq!(page.messages(HORIZON), "");
    // No problem type chosen is a finding at the choice, once checked.
    let page = mount(Draft::new_for(Api::V2));
    page.editor.reveal.update(|r| r.all = true);
    leptos::task::tick().await;
    assert!(!page.messages("/AutoMLProblemTypeConfig").is_empty());
}

#[wasm_bindgen_test]
async fn another_problem_type_sets_the_settings_aside_says_so_and_undo_restores_them() {
    let page = mount(Draft::new_for(Api::V2));
    page.pick("problem-type:TabularJobConfig").await;
    page.type_into(V2_TARGET, "churn").await;
    page.pick("problem-type:TimeSeriesForecastingJobConfig")
        .await;
    let notice = page.editor.notice.get_untracked();
    assert!(
        notice.contains("Tabular settings are set aside"),
        "{notice}"
    );
    assert!(!page.has(&format!("[name=\"{V2_TARGET}\"]")));
    assert!(!page.editor.draft.with_untracked(|d| d.has(V2_TARGET)));
    // Chosen again, they are back.
    page.pick("problem-type:TabularJobConfig").await;
    assert_eq!(
        page.editor.draft.with_untracked(|d| d.text(V2_TARGET)),
        "churn"
    );
    // And Undo takes each choice back.
    page.editor.undo();
    leptos::task::tick().await;
    assert!(page.checked("problem-type:TimeSeriesForecastingJobConfig"));
    page.editor.undo();
    leptos::task::tick().await;
    assert!(page.checked("problem-type:TabularJobConfig"));
    assert_eq!(
        page.editor.draft.with_untracked(|d| d.text(V2_TARGET)),
        "churn"
    );
}

#[wasm_bindgen_test]
async fn a_written_request_is_asked_about_before_switching_and_undo_brings_it_back() {
    let mut d = Draft::new();
    d.set_text("/AutoMLJobName", "churn");
    let page = mount(d);
    page.pick("operation:v2").await;
    assert!(page.has("#operation-offer"));
    assert_eq!(
        page.editor.api.get_untracked(),
        Api::V1,
        "nothing switched yet"
    );
    click(&page.find("#operation-cancel")).await;
    assert!(!page.has("#operation-offer"));
    assert!(page.checked("operation:v1"));
    page.pick("operation:v2").await;
    click(&page.find("#operation-empty")).await;
    assert_eq!(page.editor.api.get_untracked(), Api::V2);
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/AutoMLJobName")),
        ""
    );
    page.editor.undo();
    leptos::task::tick().await;
    assert_eq!(page.editor.api.get_untracked(), Api::V1);
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/AutoMLJobName")),
        "churn"
    );
}

#[wasm_bindgen_test]
async fn the_export_is_of_the_drafts_operation() {
    let page = mount(Draft::new_for(Api::V2));
    page.type_into("/AutoMLJobName", "sales").await;
    page.pick_export("cli").await;
    sleep(200).await;
    let text = page.find("#export-text").text_content().unwrap();
    assert!(
        text.contains("aws sagemaker create-auto-ml-job-v2"),
        "{text}"
    );
    assert!(text.contains("--auto-ml-job-input-data-config"), "{text}");
}

impl Mounted {
    async fn pick_export(&self, name: &str) {
        let input: HtmlInputElement = self
            .find(&format!("input[name=export-target][value={name}]"))
            .unchecked_into();
        input.set_checked(true);
        fire(&input, "change");
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
async fn the_saved_draft_and_a_share_link_keep_v2_and_old_ones_open_as_v1() {
    use automl_job_web::components::app::initial_draft;
    use automl_job_web::state::{share, DRAFT_KEY};
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut v2 = Draft::new_for(Api::V2);
    v2.set_text(HORIZON, "7");
    storage.set_item(DRAFT_KEY, &v2.to_compact()).unwrap();
    let opened = initial_draft().draft;
    assert_eq!(opened.api, Api::V2);
    assert_eq!(opened.text(HORIZON), "7");
    // A draft saved before V2 came to the page.
    storage
        .set_item(DRAFT_KEY, r#"{"AutoMLJobName":"old"}"#)
        .unwrap();
    let opened = initial_draft().draft;
    assert_eq!(
        (opened.api, opened.text("/AutoMLJobName").as_str()),
        (Api::V1, "old")
    );
    // Share links, new and old.
    let location = web_sys::window().unwrap().location();
    location
        .set_hash(&share::fragment(&v2.to_compact()))
        .unwrap();
    let opened = initial_draft();
    assert!(opened.from_link);
    assert_eq!(opened.draft.api, Api::V2);
    assert_eq!(opened.draft.text(HORIZON), "7");
    location
        .set_hash(&share::fragment(r#"{"AutoMLJobName":"linked"}"#))
        .unwrap();
    let opened = initial_draft();
    assert_eq!(
        (
            opened.draft.api,
            opened.draft.text("/AutoMLJobName").as_str()
        ),
        (Api::V1, "linked")
    );
    storage.remove_item(DRAFT_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn a_v1_request_is_converted_to_v2_and_undo_brings_the_v1_one_back() {
    let mut d = Draft::new();
    d.set_text("/AutoMLJobName", "churn");
    d.set_text("/InputDataConfig/0/TargetAttributeName", "churned");
    d.set_text("/ProblemType", "BinaryClassification");
    let page = mount(d);
    page.pick("operation:v2").await;
    let offer = page.find("#operation-offer").text_content().unwrap();
    assert!(
        offer.starts_with("Convert this request to CreateAutoMLJobV2: "),
        "{offer}"
    );
    click(&page.find("#operation-convert")).await;
    assert_eq!(page.editor.api.get_untracked(), Api::V2);
    assert!(page.checked("problem-type:TabularJobConfig"));
    let target: HtmlInputElement = page.field(V2_TARGET).unchecked_into();
    assert_eq!(target.value(), "churned");
    let notice = page.editor.notice.get_untracked();
    assert!(
        notice.starts_with("Converted the request to CreateAutoMLJobV2"),
        "{notice}"
    );
    page.editor.undo();
    leptos::task::tick().await;
    assert_eq!(page.editor.api.get_untracked(), Api::V1);
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/InputDataConfig/0/TargetAttributeName")),
        "churned"
    );
    sleep(50).await;
    let target: HtmlInputElement = page
        .field("/InputDataConfig/0/TargetAttributeName")
        .unchecked_into();
    assert_eq!(target.value(), "churned");
}

/// "Check my data": a box per channel of the draft, training first, with no worker fetched
/// until a file is chosen; the data's findings show at the channel's field, and when they are
/// the only errors the Check panel says the job would fail, not that the service would reject.
#[wasm_bindgen_test]
async fn the_data_panel_follows_the_channels_and_its_findings_reach_the_fields() {
    let text = crate_example_with_validation();
    let page = mount(Draft::from_node(json::parse(&text).unwrap()).unwrap());
    leptos::task::tick().await;
    let labels: Vec<String> = (0..page.count(".data-channel label"))
        .map(|i| {
            page.find(&format!("#data-channel-{i} label"))
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(
        labels,
        ["Training data (channel 2)", "Validation data (channel 1)"]
    );
    assert_eq!(page.count("#data-file-0[type=file]"), 1);
    assert_eq!(page.count(".data-progress"), 0);
    let pointer = "/InputDataConfig/1/DataSource/S3DataSource/S3Uri";
    page.editor.data.set(vec![automl_rules::diag::Diagnostic {
        severity: automl_rules::diag::Severity::Error,
        code: "too-few-rows",
        path: pointer.to_string(),
        message: "train.csv has 499 data rows: Autopilot needs at least 500 training rows".into(),
        service_message: None,
        cli_message: None,
        span: None,
        service_clause: None,
        related: Vec::new(),
    }]);
    page.editor.reveal.update(|r| {
        r.touched.insert(pointer.to_string());
    });
    leptos::task::tick().await;
    let at = page
        .find(&format!("[id=\"messages:{pointer}\"]"))
        .text_content()
        .unwrap();
    assert!(at.contains("499 data rows"), "{at}");
    let verdict = page.find("#verdict-kind").text_content().unwrap();
    assert_eq!(verdict, "The job would fail:");
    page.editor.data.set(Vec::new());
    leptos::task::tick().await;
    assert_ne!(
        page.find("#verdict-kind").text_content().unwrap(),
        "The job would fail:"
    );
}

/// The example request with a validation channel put first.
fn crate_example_with_validation() -> String {
    let mut node = json::parse(automl_job_web::state::EXAMPLE).unwrap();
    let channel = node.pointer("/InputDataConfig/0").unwrap().clone();
    let mut validation = channel.clone();
    if let Value::Object(members) = &mut validation.value {
        for m in members.iter_mut() {
            if m.key == "ChannelType" {
                m.value = json::Node::new(Value::String("validation".into()));
            }
        }
    }
    if let Some(Value::Array(items)) = node.get_mut("InputDataConfig").map(|n| &mut n.value) {
        items.insert(0, validation);
    }
    json::to_compact(&node)
}

/// Types `text` into the Import box and presses Import.
async fn import(page: &Mounted, text: &str) {
    let textarea: web_sys::HtmlTextAreaElement = page.find("#import-text").unchecked_into();
    textarea.set_value(text);
    fire(&textarea, "input");
    click(&page.button("Import")).await;
    leptos::task::tick().await;
}

const V2_S3_URI: &str = "/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri";

// Issue 12: an import's operation is the one the text names (the command, the method), not
// only what its body's members say: a create-auto-ml-job-v2 command with only a name and a
// role opened as V1.
#[wasm_bindgen_test]
async fn a_v2_command_without_v2_only_members_opens_as_v2_and_undo_brings_v1_back() {
    let mut d = Draft::new();
    d.set_text("/AutoMLJobName", "mine");
    let page = mount(d);
    assert_eq!(page.editor.api.get_untracked(), Api::V1);
    import(
        &page,
        "aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name churn-v2 --role-arn arn:aws:iam::111122223333:role/x",
    )
    .await;
    assert!(page.find("#import-error").hidden());
    assert_eq!(page.editor.api.get_untracked(), Api::V2);
    assert!(page.checked("operation:v2") && !page.checked("operation:v1"));
    assert!(!page.has("[name=\"/ProblemType\"]"));
    assert!(page
        .find("h1")
        .text_content()
        .unwrap()
        .contains("CreateAutoMLJobV2"));
    let name: HtmlInputElement = page.field("/AutoMLJobName").unchecked_into();
    assert_eq!(name.value(), "churn-v2");
    let said = page.editor.notice.get_untracked();
    assert!(
        said.starts_with("Imported the request. Read as a CreateAutoMLJobV2 request"),
        "{said}"
    );
    // One Undo step: the V1 draft, as it was.
    page.editor.undo();
    leptos::task::tick().await;
    assert_eq!(page.editor.api.get_untracked(), Api::V1);
    assert!(page.checked("operation:v1"));
    assert!(page.has("[name=\"/ProblemType\"]"));
    assert_eq!(
        page.editor
            .draft
            .with_untracked(|d| d.text("/AutoMLJobName")),
        "mine"
    );

    // The same request as a boto3 call: the method names the operation.
    import(
        &page,
        "import boto3\nsm = boto3.client('sagemaker')\nsm.create_auto_ml_job_v2(AutoMLJobName='churn-v2', RoleArn='arn:aws:iam::111122223333:role/x')\n",
    )
    .await;
    assert_eq!(page.editor.api.get_untracked(), Api::V2);
    // And V1's command still opens as V1, from V2.
    import(
        &page,
        "aws sagemaker create-auto-ml-job --auto-ml-job-name churn-v1 --role-arn arn:aws:iam::111122223333:role/x",
    )
    .await;
    assert_eq!(page.editor.api.get_untracked(), Api::V1);
    assert!(page
        .editor
        .notice
        .get_untracked()
        .starts_with("Imported the request. Read as a CreateAutoMLJob request"));
}

/// A notebook cell of a V2 job whose bucket and role are known only when it runs.
const V2_NOTEBOOK_CELL: &str = r#"import boto3, sagemaker
from sagemaker import get_execution_role

bucket = sagemaker.Session().default_bucket()
role = get_execution_role()
prefix = 'attrition'

client = boto3.client('sagemaker', region_name='eu-west-1')
client.create_auto_ml_job_v2(
    AutoMLJobName='attrition-v2',
    AutoMLJobInputDataConfig=[{
        'ChannelType': 'training',
        'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix',
                                        'S3Uri': 's3://{}/{}/train/'.format(bucket, prefix)}},
    }],
    OutputDataConfig={'S3OutputPath': 's3://{}/{}/out/'.format(bucket, prefix)},
    RoleArn=role,
)
"#;

#[wasm_bindgen_test]
async fn a_v2_notebook_cell_opens_as_v2_with_its_holes_at_their_fields() {
    let page = mount(Draft::new());
    import(&page, V2_NOTEBOOK_CELL).await;
    assert!(page.find("#import-error").hidden());
    assert_eq!(page.editor.api.get_untracked(), Api::V2);
    let uri: HtmlInputElement = page.field(V2_S3_URI).unchecked_into();
    assert_eq!(uri.value(), "s3://{bucket}/attrition/train/");
    assert!(page.messages(V2_S3_URI).contains("default_bucket()"));
    assert!(page
        .messages("/OutputDataConfig/S3OutputPath")
        .contains("default_bucket()"));
    assert!(page.messages("/RoleArn").contains("get_execution_role()"));
    let said = page.editor.notice.get_untracked();
    for part in [
        "Read as a CreateAutoMLJobV2 request",
        "Left out region_name='eu-west-1'",
        "3 values to fill in",
    ] {
        assert!(said.contains(part), "{part} not in {said}");
    }
    page.editor.undo();
    leptos::task::tick().await;
    assert_eq!(page.editor.api.get_untracked(), Api::V1);
}

#[wasm_bindgen_test]
async fn describe_auto_ml_job_v2_output_opens_as_v2_naming_what_it_left_out() {
    let page = mount(Draft::new());
    import(
        &page,
        r#"{"AutoMLJobName":"sales","AutoMLJobArn":"arn:aws:sagemaker:us-east-1:111122223333:automl-job/sales","AutoMLJobInputDataConfig":[{"ChannelType":"training","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://example-bucket/sales/train/"}}}],"OutputDataConfig":{"S3OutputPath":"s3://example-bucket/sales/out/"},"RoleArn":"arn:aws:iam::111122223333:role/r","AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"y"}},"AutoMLProblemTypeConfigName":"Tabular","CreationTime":"2024-03-01T10:00:00Z","AutoMLJobStatus":"Completed"}"#,
    )
    .await;
    assert_eq!(page.editor.api.get_untracked(), Api::V2);
    let uri: HtmlInputElement = page.field(V2_S3_URI).unchecked_into();
    assert_eq!(uri.value(), "s3://example-bucket/sales/train/");
    let said = page.editor.notice.get_untracked();
    assert!(
        said.contains("Left out AutoMLJobArn, AutoMLProblemTypeConfigName, CreationTime, AutoMLJobStatus: they are what describe-auto-ml-job-v2 reports about the job"),
        "{said}"
    );
    assert!(
        said.contains("Read as a CreateAutoMLJobV2 request"),
        "{said}"
    );
}

/// A row taken out of a list drawn by place (`use:rows`, the form's lists and the findings
/// under each field) is disposed of with everything it owns, a list of its own included (a
/// list item's findings): that inner list's effect holds the row's owner, so only an explicit
/// cleanup frees it, and a removed row must not keep running.
#[wasm_bindgen_test]
async fn rows_taken_out_of_a_list_drawn_by_place_are_disposed_with_their_own_rows() {
    use automl_job_web::components::form::rows::{keyed, rows, RowKey};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let count = RwSignal::new(3usize);
    let cleaned = Arc::new(AtomicUsize::new(0));
    let inner_cleaned = cleaned.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let cleaned = inner_cleaned.clone();
        let outer = keyed(
            move || (0..count.get()).map(|i| (i, "item", 0)).collect(),
            move |(i, _, _): RowKey| {
                let cleaned = cleaned.clone();
                let inner = keyed(
                    || vec![(0, "finding", 0)],
                    move |_| {
                        let cleaned = cleaned.clone();
                        on_cleanup(move || {
                            cleaned.fetch_add(1, Ordering::Relaxed);
                        });
                        view! { <li class="inner">"finding"</li> }.into_any()
                    },
                );
                view! { <li class="outer">{format!("item {i}")}<ul use:rows=inner></ul></li> }
                    .into_any()
            },
        );
        view! { <ol use:rows=outer></ol> }.into_any()
    });
    leptos::task::tick().await;
    let count_of = |selector: &str| root.query_selector_all(selector).unwrap().length();
    assert_eq!(count_of("li.outer"), 3);
    assert_eq!(count_of("li.inner"), 3);
    assert_eq!(cleaned.load(Ordering::Relaxed), 0);
    count.set(1);
    leptos::task::tick().await;
    assert_eq!(count_of("li.outer"), 1);
    assert_eq!(
        cleaned.load(Ordering::Relaxed),
        2,
        "the two removed rows' own rows were disposed of"
    );
    count.set(2);
    leptos::task::tick().await;
    assert_eq!(count_of("li.outer"), 2);
    assert_eq!(
        cleaned.load(Ordering::Relaxed),
        2,
        "a kept row is not drawn again"
    );
    drop(handle);
    root.remove();
}
