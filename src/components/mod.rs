//! The page's components. They only wire signals to the DOM: every decision is made in
//! [`crate::state`] and the rules library. One file per component or family: the page
//! ([`app`]), the [`toolbar`], the form ([`form`]: sections, members, lists, scalar
//! controls), the findings under a field ([`messages`]), the Check panel ([`summary`]), the "Check my data" panel ([`data_check`]), the
//! phone's status bar ([`mobile_status`]), the [`export`] and [`import`] panels, and the
//! choice offered when another tab opened a different request ([`other_tab`]).

pub mod app;
pub mod data_check;
pub mod export;
pub mod finding_list;
pub mod form;
pub mod import;
pub mod messages;
pub mod mobile_status;
pub mod operation;
pub mod other_tab;
pub mod shared;
pub mod summary;
pub mod toolbar;

pub use app::{App, Page};

use crate::state::editor::use_editor;
