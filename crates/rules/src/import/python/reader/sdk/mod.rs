//! The SageMaker Python SDK's `AutoML` class (`sagemaker>=2.200,<3`, the API public example
//! notebooks use): `automl = AutoML(role=…, target_attribute_name=…, …)` then
//! `automl.fit(inputs, job_name=…)`, read as the `CreateAutoMLJob` request the SDK sends.
//!
//! The truth is the SDK's own code, followed step by step (the tests run the real SDK and
//! compare): `AutoML.__init__` and `AutoML.fit` (sagemaker/automl/automl.py) keep the
//! arguments and, when `fit` runs, `AutoML._prepare_for_auto_ml_job` names the job and the
//! output path; `AutoMLJob._load_config` and `_format_inputs_to_input_config` build the
//! channels (`AutoMLInput.to_request_dict`, or `_Job._format_string_uri_input`'s
//! `TrainingInput` in sagemaker/job.py and sagemaker/inputs.py), the output, the job config
//! and the model deploy config; `Session.auto_ml` and `Session._get_auto_ml_request`
//! (sagemaker/session.py) put them in the request. What the SDK fills in when the program
//! runs (a job name from a timestamp, the session's default bucket, a local file uploaded, a
//! role name turned into its ARN by IAM) is a hole naming it ([`Why::Sdk`]). What the
//! SageMaker config file (`sagemaker.config`) or a SageMaker Studio project may add is not
//! read: it is not in the program.
//!
//! An argument the SDK does not have, `*`/`**` arguments, and what makes the SDK raise are
//! located findings; nothing is dropped silently. `AutoMLV2` is not read (see
//! `super::super::sdk_program`).
//!
//! [`args`] finds the calls and reads their arguments, [`channels`] builds the channels `fit`
//! sends, and this file the rest of the request.

use super::*;
use crate::import::finding;

mod args;
mod channels;

/// `AutoML.__init__`'s parameters, in order (sagemaker/automl/automl.py).
const AUTOML: [&str; 25] = [
    "role",
    "target_attribute_name",
    "output_kms_key",
    "output_path",
    "base_job_name",
    "compression_type",
    "sagemaker_session",
    "volume_kms_key",
    "encrypt_inter_container_traffic",
    "vpc_config",
    "problem_type",
    "max_candidates",
    "max_runtime_per_training_job_in_seconds",
    "total_job_runtime_in_seconds",
    "job_objective",
    "generate_candidate_definitions_only",
    "tags",
    "content_type",
    "s3_data_type",
    "feature_specification_s3_uri",
    "validation_fraction",
    "mode",
    "auto_generate_endpoint_name",
    "endpoint_name",
    "sample_weight_attribute_name",
];

/// `AutoML.fit`'s parameters, in order.
const FIT: [&str; 4] = ["inputs", "wait", "logs", "job_name"];

/// `AutoMLInput.__init__`'s parameters, in order.
const AUTOML_INPUT: [&str; 7] = [
    "inputs",
    "target_attribute_name",
    "compression",
    "channel_type",
    "content_type",
    "s3_data_type",
    "sample_weight_attribute_name",
];

/// `AutoML`'s arguments that shape the channels only when `fit` is given S3 URIs: an
/// `AutoMLInput` carries its own.
const CHANNEL_SETTINGS: [&str; 5] = [
    "target_attribute_name",
    "compression_type",
    "content_type",
    "s3_data_type",
    "sample_weight_attribute_name",
];

/// An argument bound to its parameter: (parameter, token of the value, byte offset of the
/// keyword, or of the value when given by position).
type Arg = (&'static str, usize, usize);

fn get(args: &[Arg], name: &str) -> Option<Arg> {
    args.iter().copied().find(|a| a.0 == name)
}

fn member(key: &str, value: Node) -> Member {
    Member {
        key: key.to_string(),
        key_span: value.span,
        value,
    }
}

fn object(members: Vec<Member>, span: Span) -> Node {
    Node {
        value: Value::Object(members),
        span,
    }
}

fn string(s: &str, span: Span) -> Node {
    Node {
        value: Value::String(s.to_string()),
        span,
    }
}

/// A JSON Pointer's tokens.
fn path(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

/// Where the S3 URI of channel `index` goes.
fn uri_path(index: usize) -> String {
    format!("/InputDataConfig/{index}/DataSource/S3DataSource/S3Uri")
}

impl Reader<'_, '_> {
    /// The request `AutoML(…)` (its `(` at `ctor`) sends when `.fit(…)` (its name at `fit`)
    /// runs, in the order of `Session._get_auto_ml_request`. The SDK's own arguments that run
    /// the job (`sagemaker_session`, `wait`, `logs`) go in `left_out`.
    pub(in crate::import::python) fn sdk_request(
        &mut self,
        ctor: usize,
        fit: usize,
        left_out: &mut Vec<String>,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        self.call_at = t.at(fit);
        let fit_end = t.after_brackets(fit + 1);
        let span = self.span_of(fit, fit_end);
        let at = t.at(fit);
        let made = self.span_of(ctor - 1, t.after_brackets(ctor));
        let args = self.sdk_args(ctor, "AutoML", &AUTOML);
        let fit_args = self.sdk_args(fit + 1, "fit", &FIT);
        for (function, list, names) in [
            ("AutoML", &args, &["sagemaker_session"][..]),
            ("fit", &fit_args, &["wait", "logs"][..]),
        ] {
            for name in names {
                if let Some(a) = get(list, name) {
                    let note = format!("{function}({name}={})", self.arg_text(a));
                    if !left_out.contains(&note) {
                        left_out.push(note);
                    }
                }
            }
        }
        let session = match get(&args, "sagemaker_session") {
            Some(a) => self.arg_text(a),
            None => "sagemaker.Session()".to_string(),
        };
        let mut request: Vec<Member> = Vec::new();

        // AutoMLJobName: fit's job_name, else name_from_base(base_job_name or "automl",
        // max_length=32) (AutoML._prepare_for_auto_ml_job; sagemaker/utils.py).
        let name_path = path(&["AutoMLJobName"]);
        let name = match self.sdk_read(get(&fit_args, "job_name"), &name_path)? {
            Some((node, _)) => node,
            None => {
                let mark = self.holes.len();
                let base = self.sdk_read(get(&args, "base_job_name"), &name_path)?;
                let stamp = "the time as %Y-%m-%d-%H-%M-%S-<milliseconds> (sagemaker_timestamp, sagemaker/utils.py)";
                // `if self.base_job_name:` … `else: base_name = "automl"`.
                let written = match &base {
                    None => Some("automl".to_string()),
                    Some((node, false)) => match node.as_str() {
                        Some("") => Some("automl".to_string()),
                        other => other.map(str::to_string),
                    },
                    Some((_, true)) => None,
                };
                match written {
                    Some(b) => {
                        let cut: String = b.chars().take(8).collect();
                        let what = format!("fit() is given no job_name, so the SDK names the job name_from_base(\"{b}\", max_length=32): \"{cut}-\" and {stamp}");
                        let hole = self.sdk_hole(
                            &name_path,
                            at,
                            span,
                            "sagemaker_timestamp()".to_string(),
                            what,
                        );
                        let marker = hole.as_str().unwrap_or_default().to_string();
                        string(&format!("{cut}-{marker}"), span)
                    }
                    None => {
                        self.holes.truncate(mark);
                        let base_text = get(&args, "base_job_name")
                            .map_or_else(|| "\"automl\"".to_string(), |a| self.arg_text(a));
                        let what = format!("fit() is given no job_name, so the SDK names the job from base_job_name: its first 8 characters, '-' and {stamp}");
                        self.sdk_hole(
                            &name_path,
                            at,
                            span,
                            format!("name_from_base({base_text}, max_length=32)"),
                            what,
                        )
                    }
                }
            }
        };
        request.push(member("AutoMLJobName", name));

        // InputDataConfig (AutoMLJob._load_config).
        if let Some(inputs) = get(&fit_args, "inputs") {
            let channels = match self.sdk_input_calls(inputs.1, 0, &mut 500) {
                Some(calls) => {
                    for name in CHANNEL_SETTINGS {
                        if let Some(a) = get(&args, name) {
                            self.sdk_finding(
                                Severity::Warning,
                                "sdk-unused",
                                "",
                                a.1.saturating_sub(2).max(ctor),
                                format!("AutoML(…)'s {name} is not used: fit() is given AutoMLInput channels, which carry their own (AutoMLJob._load_config)"),
                            );
                        }
                    }
                    self.sdk_input_channels(&calls)?
                }
                None => self.sdk_uri_channels(inputs, &args, &session, span)?,
            };
            if !channels.is_empty() {
                request.push(member(
                    "InputDataConfig",
                    Node {
                        value: Value::Array(channels),
                        span,
                    },
                ));
            }
        }

        // OutputDataConfig (_Job._prepare_output_config): output_path, else
        // s3_path_join("s3://", default_bucket(), default_bucket_prefix, with_end_slash=True).
        let out_path = path(&["OutputDataConfig", "S3OutputPath"]);
        let output = match self.sdk_read(get(&args, "output_path"), &out_path)? {
            Some((node, _)) => node,
            None => {
                let what = "AutoML(…) is given no output_path, so the SDK writes to s3://<the session's default bucket>/ (AutoML._prepare_for_auto_ml_job; with the session's default_bucket_prefix after the bucket when the SageMaker config sets one)".to_string();
                let hole = self.sdk_hole(
                    &out_path,
                    at,
                    span,
                    format!("{session}.default_bucket()"),
                    what,
                );
                let marker = hole.as_str().unwrap_or_default().to_string();
                string(&format!("s3://{marker}/"), span)
            }
        };
        let mut output = vec![member("S3OutputPath", output)];
        let kms = path(&["OutputDataConfig", "KmsKeyId"]);
        if let Some((node, _)) = self.sdk_read(get(&args, "output_kms_key"), &kms)? {
            output.push(member("KmsKeyId", node));
        }
        request.push(member("OutputDataConfig", object(output, span)));

        // AutoMLJobConfig (AutoMLJob._load_config, _prepare_auto_ml_stop_condition).
        let mut criteria = Vec::new();
        for (param, key) in [
            ("max_candidates", "MaxCandidates"),
            (
                "max_runtime_per_training_job_in_seconds",
                "MaxRuntimePerTrainingJobInSeconds",
            ),
            (
                "total_job_runtime_in_seconds",
                "MaxAutoMLJobRuntimeInSeconds",
            ),
        ] {
            let pointer = path(&["AutoMLJobConfig", "CompletionCriteria", key]);
            if let Some((node, _)) = self.sdk_read(get(&args, param), &pointer)? {
                criteria.push(member(key, node));
            }
        }
        let mut config = vec![member("CompletionCriteria", object(criteria, span))];
        let pointer = path(&[
            "AutoMLJobConfig",
            "SecurityConfig",
            "EnableInterContainerTrafficEncryption",
        ]);
        // resolve_value_from_config(…, default_value=False).
        let encrypt =
            match self.sdk_read(get(&args, "encrypt_inter_container_traffic"), &pointer)? {
                Some((node, _)) => node,
                None => Node {
                    value: Value::Bool(false),
                    span: made,
                },
            };
        let mut security = vec![member("EnableInterContainerTrafficEncryption", encrypt)];
        for (param, key) in [
            ("volume_kms_key", "VolumeKmsKeyId"),
            ("vpc_config", "VpcConfig"),
        ] {
            let pointer = path(&["AutoMLJobConfig", "SecurityConfig", key]);
            if let Some(node) = self.sdk_read_if_true(get(&args, param), &pointer)? {
                security.push(member(key, node));
            }
        }
        config.push(member("SecurityConfig", object(security, span)));
        let pointer = path(&[
            "AutoMLJobConfig",
            "CandidateGenerationConfig",
            "FeatureSpecificationS3Uri",
        ]);
        if let Some(node) =
            self.sdk_read_if_true(get(&args, "feature_specification_s3_uri"), &pointer)?
        {
            config.push(member(
                "CandidateGenerationConfig",
                object(vec![member("FeatureSpecificationS3Uri", node)], span),
            ));
        }
        let pointer = path(&["AutoMLJobConfig", "DataSplitConfig", "ValidationFraction"]);
        if let Some(node) = self.sdk_read_if_true(get(&args, "validation_fraction"), &pointer)? {
            config.push(member(
                "DataSplitConfig",
                object(vec![member("ValidationFraction", node)], span),
            ));
        }
        if let Some(node) =
            self.sdk_read_if_true(get(&args, "mode"), &path(&["AutoMLJobConfig", "Mode"]))?
        {
            config.push(member("Mode", node));
        }
        request.push(member("AutoMLJobConfig", object(config, span)));

        // RoleArn: Session.expand_role keeps an ARN (a role with '/') and asks IAM for the
        // ARN of a role name.
        let role_path = path(&["RoleArn"]);
        match self.sdk_read(get(&args, "role"), &role_path)? {
            Some((node, holed)) => {
                let name_only = !holed && node.as_str().is_some_and(|r| !r.contains('/'));
                let node = if name_only {
                    let role = get(&args, "role").map(|a| self.arg_text(a)).unwrap_or_default();
                    let what = "the SDK turns a role name into its ARN by asking IAM (Session.expand_role, sagemaker/session.py)".to_string();
                    let key = get(&args, "role").map_or(at, |a| a.2);
                    self.sdk_hole(&role_path, key, node.span, format!("{session}.expand_role({role})"), what)
                } else {
                    node
                };
                request.push(member("RoleArn", node));
            }
            None => self.sdk_finding(
                Severity::Warning,
                "sdk-error",
                "/RoleArn",
                ctor - 1,
                "AutoML(…) is given no role: the SDK raises ValueError (\"An AWS IAM role is required to create an AutoML job.\") unless the SageMaker config file sets one".to_string(),
            ),
        }

        // GenerateCandidateDefinitionsOnly: always sent, False by default.
        let only = match get(&args, "generate_candidate_definitions_only") {
            Some(a) => {
                let (mut i, key) = (a.1, a.2);
                self.path
                    .push(("GenerateCandidateDefinitionsOnly".to_string(), key));
                let read = self.value(&mut i);
                self.path.pop();
                read?
            }
            None => Node {
                value: Value::Bool(false),
                span: made,
            },
        };
        request.push(member("GenerateCandidateDefinitionsOnly", only));

        // ModelDeployConfig (AutoMLJob._load_config).
        let mut deploy = Vec::new();
        let pointer = path(&["ModelDeployConfig", "AutoGenerateEndpointName"]);
        let auto = self.sdk_read(get(&args, "auto_generate_endpoint_name"), &pointer)?;
        let auto_true =
            matches!(&auto, Some((node, false)) if eval::truthy(&node.value) == Some(true));
        if let Some((node, _)) = auto {
            deploy.push(member("AutoGenerateEndpointName", node));
        }
        if !auto_true {
            let pointer = path(&["ModelDeployConfig", "EndpointName"]);
            if let Some((node, _)) = self.sdk_read(get(&args, "endpoint_name"), &pointer)? {
                deploy.push(member("EndpointName", node));
            }
        }
        if !deploy.is_empty() {
            request.push(member("ModelDeployConfig", object(deploy, span)));
        }

        // AutoMLJobObjective and ProblemType, each when not None; AutoML.__init__ raises
        // ValueError when only one of them is true (_check_problem_type_and_job_objective).
        let objective =
            self.sdk_read(get(&args, "job_objective"), &path(&["AutoMLJobObjective"]))?;
        let problem = self.sdk_read(get(&args, "problem_type"), &path(&["ProblemType"]))?;
        let truth = |x: &Option<(Node, bool)>| match x {
            None => Some(false),
            Some((_, true)) => None,
            Some((node, false)) => eval::truthy(&node.value),
        };
        if let (Some(a), Some(b)) = (truth(&objective), truth(&problem)) {
            if a != b {
                self.sdk_finding(
                    Severity::Error,
                    "sdk-error",
                    "",
                    ctor - 1,
                    "AutoML(…) raises ValueError: problem_type and job_objective go together (\"Either both of them should be provided or none of them should be provided.\"): give both or neither".to_string(),
                );
            }
        }
        if let Some((node, _)) = objective {
            request.push(member("AutoMLJobObjective", node));
        }
        if let Some((node, _)) = problem {
            request.push(member("ProblemType", node));
        }

        // Tags (format_tags, sagemaker/utils.py): a dict becomes Key/Value pairs, its values
        // as str() writes them.
        let mark = self.holes.len();
        if let Some((node, _)) = self.sdk_read(get(&args, "tags"), &path(&["Tags"]))? {
            let node = match node.value {
                Value::Object(members) => {
                    let mut tags = Vec::new();
                    for (i, m) in members.into_iter().enumerate() {
                        let from = format!("/Tags/{}", escape_pointer_token(&m.key));
                        self.repath(mark, &from, &format!("/Tags/{i}/Value"));
                        let value = match &m.value.value {
                            Value::String(_) => m.value.clone(),
                            other => match eval::py_str(other) {
                                Some(s) => string(&s, m.value.span),
                                None => m.value.clone(),
                            },
                        };
                        let key_node = string(&m.key, m.key_span);
                        tags.push(object(
                            vec![member("Key", key_node), member("Value", value)],
                            m.key_span,
                        ));
                    }
                    Node {
                        value: Value::Array(tags),
                        span: node.span,
                    }
                }
                _ => node,
            };
            request.push(member("Tags", node));
        }
        Ok(object(request, span))
    }
}
