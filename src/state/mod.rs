//! The page's state and every decision about it, in plain Rust tested with `#[test]`:
//!
//! - [`editor`]: the [`Editor`](editor::Editor), everything the components share (the
//!   draft, the findings, what is revealed, undo history) in signals, and every change to it;
//! - [`draft`]: the request tree and every edit; [`history`]: Undo and Redo steps and their
//!   saved text;
//! - [`api`]: which operation the draft is for, and switching it; [`api_load`]: waiting for
//!   an operation's tables (V2's chunk in the release page) before the draft becomes its
//!   request;
//! - [`layout`]: which member goes in which section, as data for one operation;
//! - [`findings`]: the rules' diagnostics per field, and when a field shows them;
//!   [`verdict`]: what they add up to;
//! - [`words`]: labels, nouns, examples and constraint lines; [`suited`]: which values of a
//!   select suit the rest of the request; [`stepper`]: the arrow keys in number fields;
//!   [`duration`]: seconds in words;
//! - [`data_check`]: the "Check my data" panel's channels, worker request and wording;
//! - [`shared`]: a value read reactively as a signal is, with less code; [`share`]: the
//!   share-link compression; [`tabs`]: what a tab makes of a draft another
//!   tab saved.

pub mod api;
pub mod api_load;
pub mod data_check;
pub mod draft;
pub mod duration;
pub mod editor;
pub mod findings;
pub mod history;
pub mod layout;
pub mod share;
pub mod shared;
pub mod stepper;
pub mod suited;
pub mod tabs;
pub mod verdict;
pub mod words;

/// A small valid request (`src/state/example.json`) to start from.
pub const EXAMPLE: &str = include_str!("example.json");

/// The same request as a `CreateAutoMLJobV2` request (`src/state/example-v2.json`, what
/// `automl-job convert --to v2` makes of it; a test holds it to that), so the Example button
/// of a V2 request needs no conversion on the first load.
pub const EXAMPLE_V2: &str = include_str!("example-v2.json");

/// The localStorage key of the saved draft.
pub const DRAFT_KEY: &str = "automl-job-web.draft";

/// The localStorage key of the saved draft's line of edits (see [`tabs::Origin`]), written
/// before the draft, so another tab can tell an edit of its request from a different one.
pub const DRAFT_ORIGIN_KEY: &str = "automl-job-web.draft-origin";

/// The localStorage key of the requests Undo puts back (newest last), so a share link, an
/// import or another tab never destroys a saved draft: it stays in the history, after a
/// reload too.
pub const PREVIOUS_KEY: &str = "automl-job-web.previous";

/// The localStorage key of the requests Redo puts back.
pub const REDO_KEY: &str = "automl-job-web.redo";

/// The localStorage key of the choice to show the service's wording under each message.
pub const WORDING_KEY: &str = "automl-job-web.wording";

/// Where the export box's line wrapping is kept.
pub const WRAP_KEY: &str = "automl-job-web.wrap";
