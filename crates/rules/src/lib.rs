//! Every constraint and documented rule of a SageMaker `CreateAutoMLJob` request.
//!
//! The crate has no browser or terminal dependency: the page (compiled to WebAssembly) and
//! the `automl-job` command are thin edges over it, so both give the same verdicts.
//!
//! - [`model`]: the facts of the AWS service model, as a declarative table, and the AWS CLI's
//!   own facts about the command (`model::aws_cli`).
//! - [`operation`]: the operation a request is for, as data (its table, names and rules).
//! - [`check`]: one walker over that table (types, required and unknown members, lengths,
//!   counts, ranges, enums, patterns), then [`rules`]: each documented cross-field rule as a
//!   named function, one file per family.
//! - [`diag`]: the flat list of findings and the service's wording.
//! - [`json`]: the JSON reader that keeps every value's place; `number`: numbers read and
//!   written as `str::parse` and `Display` do; [`pattern`]: the model's patterns.
//! - [`export`] and [`import`]: the request as a command or program, and back.
//! - [`convert`]: a request moved between `CreateAutoMLJob` and `CreateAutoMLJobV2`, with what
//!   moved and what has no place in the target.
//! - `wording`: value renderers and text helpers the checker and the rules share (a leaf).

pub mod check;
pub mod convert;
pub mod detect;
pub mod diag;
pub mod export;
pub mod import;
pub mod json;
pub mod model;
mod number;
pub mod operation;
pub mod pattern;
pub mod rules;
#[cfg(test)]
mod test_rng;
mod unicode_tables;
mod wording;

pub use check::{check_node, check_node_for, check_text, check_text_for, Outcome};
pub use detect::{check_text_as, detect};
pub use diag::{service_response, Diagnostic, Severity};
pub use number::display_f64;
pub use operation::{Operation, CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};
