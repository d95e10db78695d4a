//! The CreateAutoMLJob request editor: a Leptos page over the shared rules library.
//!
//! The logic lives in [`state`], plain modules with ordinary tests (the editor, the draft
//! and its history, the form layout, findings and verdict, share links); the components in
//! [`components`] only wire them to the DOM, and [`browser`] is the page's one door to the
//! browser's APIs.

pub mod browser;
pub mod components;
pub mod on_demand;
pub mod state;

/// Mounts the page on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(components::App);
}
