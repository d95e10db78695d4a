//! Model deployment: the endpoint name, and candidate definitions only without deploying.

use super::{error, warning, Request};
use crate::diag::Findings;
use crate::json::Node;

/// `EndpointName` if and only if `AutoGenerateEndpointName` is not true (its default is
/// false).
///
/// Source: API, ModelDeployConfig.AutoGenerateEndpointName ("If you set
/// AutoGenerateEndpointName to True, do not specify the EndpointName; otherwise a 400 error is
/// thrown") and ModelDeployConfig.EndpointName ("Specify the EndpointName if and only if you
/// set AutoGenerateEndpointName to False").
pub fn model_deploy_endpoint_name(req: &Request, out: &mut Findings) {
    const AUTO_NAME: &str = "/ModelDeployConfig/AutoGenerateEndpointName";
    let Some(config) = req.at(&["ModelDeployConfig"]) else {
        return;
    };
    if config.as_object().is_none() {
        return;
    }
    let auto = match config.get("AutoGenerateEndpointName") {
        None => Some(false),
        Some(n) => n.as_bool(),
    };
    let name = config.get("EndpointName");
    match (auto, name) {
        (Some(true), Some(_)) => out.push(error(
            "endpoint-name",
            "/ModelDeployConfig/EndpointName",
            "EndpointName must be left out when AutoGenerateEndpointName is true",
            "EndpointName must not be specified when AutoGenerateEndpointName is True.",
        ).about(&[AUTO_NAME])),
        (Some(false), None) => out.push(error(
            "endpoint-name",
            "/ModelDeployConfig/EndpointName",
            "EndpointName is required when AutoGenerateEndpointName is false or left out: name the endpoint, or set AutoGenerateEndpointName to true",
            "EndpointName must be specified when AutoGenerateEndpointName is False.",
        ).about(&[AUTO_NAME])),
        _ => {}
    }
}

/// A warning when `GenerateCandidateDefinitionsOnly` is true and a deployment is configured:
/// no model is trained, so nothing is deployed.
///
/// Source: API, CreateAutoMLJob.GenerateCandidateDefinitionsOnly ("Generates possible
/// candidates without training the models") and ModelDeployConfig.
///
/// V2 has the flag in `TabularJobConfig`.
pub fn candidate_definitions_only_with_deployment(req: &Request, out: &mut Findings) {
    let Some(flag) = req.layout.candidates_only else {
        return;
    };
    if req.get(flag).and_then(Node::as_bool) == Some(true)
        && req.at(&["ModelDeployConfig"]).is_some()
    {
        out.push(warning(
            "deploy-without-training",
            "/ModelDeployConfig",
            "ModelDeployConfig has nothing to deploy: GenerateCandidateDefinitionsOnly is true, so no model is trained",
        ).about(&[flag]));
    }
}
