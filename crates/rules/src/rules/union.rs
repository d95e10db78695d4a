//! The model's tagged unions: a structure marked `"union": true` takes exactly one member.

use super::{error, Request};
use crate::diag::Findings;
use crate::json::escape_pointer_token;

/// The members of `AutoMLProblemTypeConfig`, in the model's order.
const PROBLEM_TYPES: [&str; 5] = [
    "ImageClassificationJobConfig",
    "TextClassificationJobConfig",
    "TimeSeriesForecastingJobConfig",
    "TabularJobConfig",
    "TextGenerationJobConfig",
];

/// `AutoMLProblemTypeConfig` holds exactly one member: the problem type and its settings.
///
/// Source: the service model marks the shape `"union": true` (botocore's
/// `sagemaker/2017-07-24/service-2.json`), and API, AutoMLProblemTypeConfig ("This is a union
/// type: only one of its members can be specified"). botocore refuses both an empty union and
/// one with two or more keys before sending (`botocore/validate.py`,
/// `ParamValidator._validate_structure`, `is_tagged_union`: "empty input" and "more than one
/// input"); the CLI lines below are its wording, the service's text is ours.
pub fn problem_type_config_holds_one(req: &Request, out: &mut Findings) {
    const PATH: &str = "/AutoMLProblemTypeConfig";
    let Some(given) = req
        .at(&["AutoMLProblemTypeConfig"])
        .and_then(|n| n.as_object())
    else {
        return;
    };
    // Where a key repeats, the last one is sent: count each key once, as botocore's dict does.
    let mut keys: Vec<&str> = Vec::new();
    for member in given {
        if !keys.contains(&member.key.as_str()) {
            keys.push(member.key.as_str());
        }
    }
    let all = PROBLEM_TYPES.join(", ");
    if keys.is_empty() {
        let mut d = error(
            "union-empty",
            PATH,
            &format!("AutoMLProblemTypeConfig needs one problem type: one of {all}"),
            "AutoMLProblemTypeConfig must set exactly one problem type.",
        );
        d.cli_message = Some(format!(
            "Must set one of the following keys for tagged unionstructure AutoMLProblemTypeConfig: {all}."
        ));
        out.push(d);
    } else if keys.len() > 1 {
        let mut d = error(
            "union-two-members",
            PATH,
            &format!(
                "AutoMLProblemTypeConfig holds exactly one problem type, and this one holds {}: {}; keep one, and start a job per problem type",
                keys.len(),
                keys.join(", ")
            ),
            "AutoMLProblemTypeConfig must set exactly one problem type.",
        );
        d.cli_message = Some(format!(
            "Invalid number of parameters set for tagged union structure AutoMLProblemTypeConfig. Can only set one of the following keys: {all}."
        ));
        let related: Vec<String> = keys
            .iter()
            .map(|k| format!("{PATH}/{}", escape_pointer_token(k)))
            .collect();
        let related: Vec<&str> = related.iter().map(String::as_str).collect();
        out.push(d.about(&related));
    }
}
