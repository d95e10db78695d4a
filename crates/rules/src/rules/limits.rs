//! The completion criteria: a training job's runtime within the whole job's.

use super::{warning, Request};
use crate::diag::Findings;

/// A warning when one training job may run longer than the whole job: the per-job limit then
/// never applies.
///
/// Source: API, AutoMLJobCompletionCriteria (MaxRuntimePerTrainingJobInSeconds is per training
/// job; MaxAutoMLJobRuntimeInSeconds stops the whole job).
pub fn runtime_per_job_within_total(req: &Request, out: &mut Findings) {
    let criteria = ["AutoMLJobConfig", "CompletionCriteria"];
    let per_job = req.int_at(&[
        criteria[0],
        criteria[1],
        "MaxRuntimePerTrainingJobInSeconds",
    ]);
    let total = req.int_at(&[criteria[0], criteria[1], "MaxAutoMLJobRuntimeInSeconds"]);
    if let (Some(per_job), Some(total)) = (per_job, total) {
        if per_job > total && total >= 1 {
            out.push(warning(
                "runtime-per-job-exceeds-total",
                "/AutoMLJobConfig/CompletionCriteria/MaxRuntimePerTrainingJobInSeconds",
                &format!("MaxRuntimePerTrainingJobInSeconds ({per_job} s) exceeds MaxAutoMLJobRuntimeInSeconds ({total} s): the whole job stops first, so the per-job limit never applies; lower MaxRuntimePerTrainingJobInSeconds to {total} or less, or raise MaxAutoMLJobRuntimeInSeconds to {per_job} or more"),
            ).about(&["/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds"]));
        }
    }
}
