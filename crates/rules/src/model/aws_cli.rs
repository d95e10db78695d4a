//! The AWS CLI's own facts about the command (botocore and awscli, not the service model):
//! the option of each top-level member, the global options, and the prefixes that make a
//! value be read from a file or URL. The export writes them and the import reads them.

/// The AWS CLI option of each top-level member: botocore's `xform_name(name, '-')`, as
/// `aws sagemaker create-auto-ml-job help` lists them. The boolean member also has the
/// negated flag `--no-generate-candidate-definitions-only`.
pub const CLI_OPTIONS: [(&str, &str); 10] = [
    ("AutoMLJobName", "auto-ml-job-name"),
    ("InputDataConfig", "input-data-config"),
    ("OutputDataConfig", "output-data-config"),
    ("ProblemType", "problem-type"),
    ("AutoMLJobObjective", "auto-ml-job-objective"),
    ("AutoMLJobConfig", "auto-ml-job-config"),
    ("RoleArn", "role-arn"),
    (
        "GenerateCandidateDefinitionsOnly",
        "generate-candidate-definitions-only",
    ),
    ("Tags", "tags"),
    ("ModelDeployConfig", "model-deploy-config"),
];

/// [`CLI_OPTIONS`] of `aws sagemaker create-auto-ml-job-v2`: the same rule
/// (`xform_name(name, '-')`) over `CreateAutoMLJobV2Request`'s members.
pub const CLI_OPTIONS_V2: [(&str, &str); 11] = [
    ("AutoMLJobName", "auto-ml-job-name"),
    ("AutoMLJobInputDataConfig", "auto-ml-job-input-data-config"),
    ("OutputDataConfig", "output-data-config"),
    ("AutoMLProblemTypeConfig", "auto-ml-problem-type-config"),
    ("RoleArn", "role-arn"),
    ("Tags", "tags"),
    ("SecurityConfig", "security-config"),
    ("AutoMLJobObjective", "auto-ml-job-objective"),
    ("ModelDeployConfig", "model-deploy-config"),
    ("DataSplitConfig", "data-split-config"),
    ("AutoMLComputeConfig", "auto-ml-compute-config"),
];

/// Prefixes that make AWS CLI v1 replace a parameter's value with the contents of a file or
/// URL ("paramfile", `awscli/paramfile.py`: `LOCAL_PREFIX_MAP` and `REMOTE_PREFIX_MAP`;
/// <https://docs.aws.amazon.com/cli/v1/userguide/cli-usage-parameters-file.html>). It checks
/// the whole argument of an option, never strings nested in a JSON argument, and never the
/// values inside `--cli-input-json`.
pub const PARAMFILE_PREFIXES: [&str; 4] = ["file://", "fileb://", "http://", "https://"];

/// Global options of AWS CLI v1 and v2 (`aws help`), with whether each takes a value. They do
/// not change the request body, so they are accepted and left out.
pub(crate) const GLOBAL_OPTIONS: [(&str, bool); 17] = [
    ("debug", false),
    ("endpoint-url", true),
    ("no-verify-ssl", false),
    ("no-paginate", false),
    ("output", true),
    ("query", true),
    ("profile", true),
    ("region", true),
    ("color", true),
    ("no-sign-request", false),
    ("ca-bundle", true),
    ("cli-read-timeout", true),
    ("cli-connect-timeout", true),
    ("cli-binary-format", true),
    ("no-cli-pager", false),
    ("cli-auto-prompt", false),
    ("no-cli-auto-prompt", false),
];
