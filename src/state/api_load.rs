//! Loading an operation's tables before the draft becomes its request: V2's, which the
//! release page fetches as a wasm-split chunk on first use (see [`super::api::load`]). One
//! gate, [`Editor::when_ready`], for every path that makes the draft a V2 request; what the
//! page says meanwhile is [`ApiLoad`].

use leptos::prelude::*;

use super::api::Api;
use super::editor::Editor;

/// An operation's tables on their way (see [`Editor::when_ready`]).
#[derive(Clone, Debug, PartialEq)]
pub enum ApiLoad {
    /// Being fetched.
    Loading(Api),
    /// Not fetched, and why; the change waits for a retry.
    Failed(Api, String),
}

impl ApiLoad {
    /// What the page says meanwhile, in plain words.
    pub fn line(&self) -> String {
        match self {
            ApiLoad::Loading(api) => format!("Loading {}…", api.name()),
            ApiLoad::Failed(api, why) => format!(
                "{} could not be loaded ({why}). Check the connection and try again; your request is unchanged.",
                api.name()
            ),
        }
    }
}

impl Editor {
    /// Runs `change`, which makes the draft a request of `api`, once `api`'s tables are here:
    /// at once when they are (always, but for V2 in the release page before its first use);
    /// else after loading them, the page saying "Loading CreateAutoMLJobV2…" meanwhile
    /// ([`Editor::api_load`]) and still answering. A failed load says why and keeps
    /// `change` for [`Editor::retry_load`]; the draft stays as it is. A newer change (an
    /// import, Undo, another choice of operation) overtakes one still waiting.
    pub fn when_ready(&self, api: Api, change: impl FnOnce() + 'static) {
        // Boxed at once, so each change's code is there once (a direct call beside the
        // boxed one would be a second copy of it in the wasm).
        self.when_ready_boxed(api, Box::new(change));
    }

    fn when_ready_boxed(&self, api: Api, change: Box<dyn FnOnce()>) {
        if super::api::is_ready(api) {
            // A change waiting for another operation's tables is overtaken by this one.
            if self.waiting.with_value(Option::is_some) {
                self.cancel_load();
            }
            change();
            return;
        }
        self.waiting.set_value(Some(change));
        self.load_then_run(api);
    }

    /// Loads `api`'s tables again after a failure, then makes the change that waits.
    pub fn retry_load(&self) {
        if let Some(ApiLoad::Failed(api, _)) = self.api_load.get_untracked() {
            self.load_then_run(api);
        }
    }

    /// Gives up the change waiting for an operation's tables (the draft stays as it is).
    pub fn cancel_load(&self) {
        self.waiting.set_value(None);
        self.api_load.set(None);
    }

    fn load_then_run(&self, api: Api) {
        let editor = *self;
        if editor.api_load.get_untracked() == Some(ApiLoad::Loading(api)) {
            return;
        }
        editor.api_load.set(Some(ApiLoad::Loading(api)));
        // Under the current owner, so the change runs as a click handler would.
        leptos::task::spawn_local_scoped(async move {
            let loaded = super::api::load(api).await;
            match loaded {
                Ok(()) => {
                    editor.api_load.try_set(None);
                    if let Some(change) = editor.waiting.try_update_value(Option::take).flatten() {
                        change();
                    }
                }
                Err(why) => {
                    editor.api_load.try_set(Some(ApiLoad::Failed(api, why)));
                }
            }
        });
    }
}
