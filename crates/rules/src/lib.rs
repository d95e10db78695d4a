//! Every constraint and documented rule of a SageMaker `CreateAutoMLJob` request.
//!
//! The crate has no browser or terminal dependency: the page (compiled to WebAssembly) and
//! the `automl-job` command are thin edges over it, so both give the same verdicts.
//!
//! - [`model`]: the facts of the AWS service model, as a declarative table.
//! - [`check`]: one walker over that table (types, required and unknown members, lengths,
//!   counts, ranges, enums, patterns), then [`rules`]: each documented cross-field rule as a
//!   named function.
//! - [`diag`]: the flat list of findings and the service's wording.

pub mod check;
pub mod diag;
pub mod export;
mod float;
pub mod import;
pub mod json;
pub mod model;
pub mod pattern;
pub mod rules;
#[cfg(test)]
mod test_rng;
mod unicode_tables;

pub use check::{check_node, check_text, Outcome};
pub use diag::{service_response, Diagnostic, Severity};
pub use float::display_f64;
