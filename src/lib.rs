//! The CreateAutoMLJob request editor: a Leptos page over the shared rules library.
//!
//! The logic lives in plain modules with ordinary tests — [`draft`] (the request tree and
//! every edit), [`layout`] (which member goes in which section), [`findings`] (diagnostics
//! per field, and when a field shows them), [`share`] (the share-link compression) — and
//! the components in [`app`] only wire them to the DOM.

#[path = "state/draft.rs"]
pub mod draft;
#[path = "state/findings.rs"]
pub mod findings;
#[path = "state/layout.rs"]
pub mod layout;
#[path = "state/share.rs"]
pub mod share;

#[path = "state/editor.rs"]
pub mod app;
pub mod browser;

/// Mounts the page on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
