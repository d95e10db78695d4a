//! The preflight as its callers use it: a request, files pushed in chunks, a report.
//!
//! - `cases`: a table of realistic files (generated here) with the exact findings expected;
//! - `parquet`: Parquet files written by the `parquet` crate, read by their footer;
//! - `v2`: `CreateAutoMLJobV2` requests, findings at their own members;
//! - `props`: random bytes and random chunkings never panic and never change the result.

mod cases;
mod data;
mod parquet;
mod props;
mod v2;
