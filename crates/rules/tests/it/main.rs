//! The rules' integration tests: one test binary, a module per area. The fixtures
//! (`tests/fixtures/`) and what the fixture tests share (`tests/common/`) stay beside this
//! folder. The check of the fixture index (`tests/index.rs`) is a binary of its own: it compiles
//! the index in, so a stale index (a fixture removed) must not stop this binary from building
//! and `UPDATE_FIXTURES=1 cargo test -p automl-rules --test it fixtures::` from rewriting it.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/located.rs"]
mod located;

mod convert;
mod converted;
mod export_shells;
mod export_v2;
mod export_windows;
mod fixtures;
mod import_cases;
mod import_holes;
mod import_json;
mod import_pastes;
mod import_python;
mod import_roundtrip;
mod import_sdk;
mod import_shell;
mod import_shorthand;
mod import_upload;
mod import_v2;
mod model_drift;
mod no_panic;
mod related;
mod v2_rules;
mod wording;
