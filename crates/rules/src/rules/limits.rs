//! The completion criteria: a training job's runtime within the whole job's.

use super::{warning, Request};
use crate::diag::Findings;

/// A warning when one training job may run longer than the whole job: the per-job limit then
/// never applies.
///
/// Source: API, AutoMLJobCompletionCriteria (MaxRuntimePerTrainingJobInSeconds is per training
/// job; MaxAutoMLJobRuntimeInSeconds stops the whole job).
///
/// V2 keeps the criteria in the problem type's settings (`TabularJobConfig.CompletionCriteria`, …).
pub fn runtime_per_job_within_total(req: &Request, out: &mut Findings) {
    let Some(criteria) = req.layout.completion else {
        return;
    };
    let per_job_path = format!("{criteria}/MaxRuntimePerTrainingJobInSeconds");
    let total_path = format!("{criteria}/MaxAutoMLJobRuntimeInSeconds");
    let per_job = req.int(&per_job_path);
    let total = req.int(&total_path);
    if let (Some(per_job), Some(total)) = (per_job, total) {
        if per_job > total && total >= 1 {
            out.push(warning(
                "runtime-per-job-exceeds-total",
                &per_job_path,
                &format!("MaxRuntimePerTrainingJobInSeconds ({per_job} s) exceeds MaxAutoMLJobRuntimeInSeconds ({total} s): the whole job stops first, so the per-job limit never applies; lower MaxRuntimePerTrainingJobInSeconds to {total} or less, or raise MaxAutoMLJobRuntimeInSeconds to {per_job} or more"),
            ).about(&[&total_path]));
        }
    }
}
