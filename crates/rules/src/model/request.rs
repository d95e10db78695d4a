//! The `CreateAutoMLJob` request table: one static per shape of botocore's service model,
//! members in the model's order, each with its label, help and default.

use super::{Kind, MemberDef, Shape};

macro_rules! string_shape {
    ($ident:ident, $name:literal, min $min:expr, max $max:expr, pattern $pattern:expr, values $values:expr) => {
        pub static $ident: Shape = Shape {
            name: $name,
            kind: Kind::String {
                min: $min,
                max: $max,
                pattern: $pattern,
                values: $values,
            },
        };
    };
}

// ---- the request -------------------------------------------------------------------------

pub static CREATE_AUTO_ML_JOB_REQUEST: Shape = Shape {
    name: "CreateAutoMLJobRequest",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "AutoMLJobName",
                shape: &AUTO_ML_JOB_NAME,
                required: true,
                label: "Job name",
                help: "Unique in your account and Region: letters, digits and hyphens, starting and ending with a letter or digit.",
                default: None,
            },
            MemberDef {
                name: "InputDataConfig",
                shape: &AUTO_ML_INPUT_DATA_CONFIG,
                required: true,
                label: "Input data",
                help: "One training channel, and optionally one validation channel.",
                default: None,
            },
            MemberDef {
                name: "OutputDataConfig",
                shape: &AUTO_ML_OUTPUT_DATA_CONFIG,
                required: true,
                label: "Output",
                help: "Where Autopilot writes its artifacts.",
                default: None,
            },
            MemberDef {
                name: "ProblemType",
                shape: &PROBLEM_TYPE,
                required: false,
                label: "Problem type",
                help: "Leave unset to let Autopilot infer it from the target column; then leave the objective unset too (Autopilot chooses the metric).",
                default: Some("inferred from the data"),
            },
            MemberDef {
                name: "AutoMLJobObjective",
                shape: &AUTO_ML_JOB_OBJECTIVE,
                required: false,
                label: "Objective",
                help: "The metric Autopilot optimizes.",
                default: None,
            },
            MemberDef {
                name: "AutoMLJobConfig",
                shape: &AUTO_ML_JOB_CONFIG,
                required: false,
                label: "Job configuration",
                help: "Limits, security, candidate generation, data split and training mode.",
                default: None,
            },
            MemberDef {
                name: "RoleArn",
                shape: &ROLE_ARN,
                required: true,
                label: "IAM role ARN",
                help: "The role SageMaker assumes to read your data and write the results.",
                default: None,
            },
            MemberDef {
                name: "GenerateCandidateDefinitionsOnly",
                shape: &GENERATE_CANDIDATE_DEFINITIONS_ONLY,
                required: false,
                label: "Generate candidate definitions only",
                help: "True produces the candidate notebooks without training any model.",
                default: Some("false"),
            },
            MemberDef {
                name: "Tags",
                shape: &TAG_LIST,
                required: false,
                label: "Tags",
                help: "Key-value pairs to organize and control access to the job (at most 50).",
                default: None,
            },
            MemberDef {
                name: "ModelDeployConfig",
                shape: &MODEL_DEPLOY_CONFIG,
                required: false,
                label: "Model deployment",
                help: "Deploy the best candidate to an endpoint when the job ends.",
                default: Some("no deployment"),
            },
        ],
    },
};

string_shape!(AUTO_ML_JOB_NAME, "AutoMLJobName", min Some(1), max Some(32),
    pattern Some("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}"), values &[]);

pub static AUTO_ML_INPUT_DATA_CONFIG: Shape = Shape {
    name: "AutoMLInputDataConfig",
    kind: Kind::List {
        member: &AUTO_ML_CHANNEL,
        min: Some(1),
        max: Some(2),
    },
};

pub static AUTO_ML_CHANNEL: Shape = Shape {
    name: "AutoMLChannel",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "DataSource",
                shape: &AUTO_ML_DATA_SOURCE,
                required: false,
                label: "Data source",
                help: "Where the channel's data is in Amazon S3.",
                default: None,
            },
            MemberDef {
                name: "CompressionType",
                shape: &COMPRESSION_TYPE,
                required: false,
                label: "Compression",
                help: "Gzip when the files are gzip-compressed.",
                default: Some("None"),
            },
            MemberDef {
                name: "TargetAttributeName",
                shape: &TARGET_ATTRIBUTE_NAME,
                required: true,
                label: "Target column",
                help: "The column to predict; the same in both channels.",
                default: None,
            },
            MemberDef {
                name: "ContentType",
                shape: &CONTENT_TYPE,
                required: false,
                label: "Content type",
                help: "text/csv;header=present or x-application/vnd.amazon+parquet.",
                default: Some("text/csv;header=present"),
            },
            MemberDef {
                name: "ChannelType",
                shape: &AUTO_ML_CHANNEL_TYPE,
                required: false,
                label: "Channel type",
                help: "training, or validation for a separate validation set.",
                default: Some("training"),
            },
            MemberDef {
                name: "SampleWeightAttributeName",
                shape: &SAMPLE_WEIGHT_ATTRIBUTE_NAME,
                required: false,
                label: "Sample weight column",
                help: "A column of non-negative row weights; ensembling mode only.",
                default: Some("every row weighs the same"),
            },
        ],
    },
};

pub static AUTO_ML_DATA_SOURCE: Shape = Shape {
    name: "AutoMLDataSource",
    kind: Kind::Structure {
        members: &[MemberDef {
            name: "S3DataSource",
            shape: &AUTO_ML_S3_DATA_SOURCE,
            required: true,
            label: "S3 data source",
            help: "The S3 location and how to read it.",
            default: None,
        }],
    },
};

pub static AUTO_ML_S3_DATA_SOURCE: Shape = Shape {
    name: "AutoMLS3DataSource",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "S3DataType",
                shape: &AUTO_ML_S3_DATA_TYPE,
                required: true,
                label: "S3 data type",
                help: "S3Prefix: every object under a prefix; ManifestFile: a list of objects.",
                default: None,
            },
            MemberDef {
                name: "S3Uri",
                shape: &S3_URI,
                required: true,
                label: "S3 URI",
                help: "s3://bucket/prefix of the data (or of the manifest file).",
                default: None,
            },
        ],
    },
};

string_shape!(AUTO_ML_S3_DATA_TYPE, "AutoMLS3DataType", min None, max None, pattern None,
    values &["ManifestFile", "S3Prefix", "AugmentedManifestFile"]);
string_shape!(S3_URI, "S3Uri", min Some(0), max Some(1024),
    pattern Some("(https|s3)://([^/]+)/?(.*)"), values &[]);
string_shape!(COMPRESSION_TYPE, "CompressionType", min None, max None, pattern None,
    values &["None", "Gzip"]);
string_shape!(TARGET_ATTRIBUTE_NAME, "TargetAttributeName", min Some(1), max None,
    pattern None, values &[]);
string_shape!(CONTENT_TYPE, "ContentType", min Some(0), max Some(256), pattern Some(".*"),
    values &[]);
string_shape!(AUTO_ML_CHANNEL_TYPE, "AutoMLChannelType", min None, max None, pattern None,
    values &["training", "validation"]);
string_shape!(SAMPLE_WEIGHT_ATTRIBUTE_NAME, "SampleWeightAttributeName", min Some(1),
    max Some(256), pattern Some("[a-zA-Z0-9_-]+"), values &[]);

pub static AUTO_ML_OUTPUT_DATA_CONFIG: Shape = Shape {
    name: "AutoMLOutputDataConfig",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "KmsKeyId",
                shape: &KMS_KEY_ID,
                required: false,
                label: "KMS key",
                help: "Key ID, key ARN, alias name or alias ARN to encrypt the output.",
                default: Some("the S3 bucket's default encryption"),
            },
            MemberDef {
                name: "S3OutputPath",
                shape: &S3_URI,
                required: true,
                label: "S3 output path",
                help: "s3://bucket/prefix where Autopilot writes its output.",
                default: None,
            },
        ],
    },
};

string_shape!(KMS_KEY_ID, "KmsKeyId", min Some(0), max Some(2048),
    pattern Some("[a-zA-Z0-9:/_-]*"), values &[]);
string_shape!(PROBLEM_TYPE, "ProblemType", min None, max None, pattern None,
    values &["BinaryClassification", "MulticlassClassification", "Regression"]);

pub static AUTO_ML_JOB_OBJECTIVE: Shape = Shape {
    name: "AutoMLJobObjective",
    kind: Kind::Structure {
        members: &[MemberDef {
            name: "MetricName",
            shape: &AUTO_ML_METRIC_ENUM,
            required: true,
            label: "Objective metric",
            help: "Must suit the problem type.",
            default: Some("MSE for regression, F1 for binary, Accuracy for multiclass"),
        }],
    },
};

string_shape!(AUTO_ML_METRIC_ENUM, "AutoMLMetricEnum", min None, max None, pattern None,
    values &["Accuracy", "MSE", "F1", "F1macro", "AUC", "RMSE", "BalancedAccuracy", "R2",
        "Recall", "RecallMacro", "Precision", "PrecisionMacro", "MAE", "MAPE", "MASE", "WAPE",
        "AverageWeightedQuantileLoss"]);

pub static AUTO_ML_JOB_CONFIG: Shape = Shape {
    name: "AutoMLJobConfig",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "CompletionCriteria",
                shape: &AUTO_ML_JOB_COMPLETION_CRITERIA,
                required: false,
                label: "Limits",
                help: "How many candidates and how much time the job may use.",
                default: None,
            },
            MemberDef {
                name: "SecurityConfig",
                shape: &AUTO_ML_SECURITY_CONFIG,
                required: false,
                label: "Security",
                help: "Volume encryption, traffic encryption and VPC.",
                default: None,
            },
            MemberDef {
                name: "CandidateGenerationConfig",
                shape: &AUTO_ML_CANDIDATE_GENERATION_CONFIG,
                required: false,
                label: "Candidate generation",
                help: "Which features and algorithms candidates may use.",
                default: None,
            },
            MemberDef {
                name: "DataSplitConfig",
                shape: &AUTO_ML_DATA_SPLIT_CONFIG,
                required: false,
                label: "Data split",
                help: "How much of a single training channel is held out for validation.",
                default: None,
            },
            MemberDef {
                name: "Mode",
                shape: &AUTO_ML_MODE,
                required: false,
                label: "Training mode",
                help: "ENSEMBLING, HYPERPARAMETER_TUNING, or AUTO to choose by dataset size.",
                default: Some("AUTO"),
            },
        ],
    },
};

pub static AUTO_ML_JOB_COMPLETION_CRITERIA: Shape = Shape {
    name: "AutoMLJobCompletionCriteria",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "MaxCandidates",
                shape: &MAX_CANDIDATES,
                required: false,
                label: "Maximum candidates",
                help: "Most training jobs the job may run (hyperparameter tuning mode), 1 to 750.",
                default: Some("250"),
            },
            MemberDef {
                name: "MaxRuntimePerTrainingJobInSeconds",
                shape: &MAX_RUNTIME_PER_TRAINING_JOB_IN_SECONDS,
                required: false,
                label: "Maximum runtime per training job (s)",
                help: "Seconds one training job may run.",
                default: Some("86400 (one day)"),
            },
            MemberDef {
                name: "MaxAutoMLJobRuntimeInSeconds",
                shape: &MAX_AUTO_ML_JOB_RUNTIME_IN_SECONDS,
                required: false,
                label: "Maximum job runtime (s)",
                help: "Seconds the whole job may run.",
                default: Some("2592000 (30 days)"),
            },
        ],
    },
};

pub static MAX_CANDIDATES: Shape = Shape {
    name: "MaxCandidates",
    kind: Kind::Integer {
        min: Some(1),
        max: Some(750),
    },
};
pub static MAX_RUNTIME_PER_TRAINING_JOB_IN_SECONDS: Shape = Shape {
    name: "MaxRuntimePerTrainingJobInSeconds",
    kind: Kind::Integer {
        min: Some(1),
        max: None,
    },
};
pub static MAX_AUTO_ML_JOB_RUNTIME_IN_SECONDS: Shape = Shape {
    name: "MaxAutoMLJobRuntimeInSeconds",
    kind: Kind::Integer {
        min: Some(1),
        max: None,
    },
};

pub static AUTO_ML_SECURITY_CONFIG: Shape = Shape {
    name: "AutoMLSecurityConfig",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "VolumeKmsKeyId",
                shape: &KMS_KEY_ID,
                required: false,
                label: "Volume KMS key",
                help: "Key to encrypt the training instances' storage volumes.",
                default: Some("AWS managed encryption"),
            },
            MemberDef {
                name: "EnableInterContainerTrafficEncryption",
                shape: &BOOLEAN,
                required: false,
                label: "Encrypt inter-container traffic",
                help: "Encrypts traffic between the containers of distributed training.",
                default: Some("false"),
            },
            MemberDef {
                name: "VpcConfig",
                shape: &VPC_CONFIG,
                required: false,
                label: "VPC",
                help: "Run the training jobs in your VPC.",
                default: Some("no VPC"),
            },
        ],
    },
};

pub static BOOLEAN: Shape = Shape {
    name: "Boolean",
    kind: Kind::Boolean,
};

pub static VPC_CONFIG: Shape = Shape {
    name: "VpcConfig",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "SecurityGroupIds",
                shape: &VPC_SECURITY_GROUP_IDS,
                required: true,
                label: "Security group IDs",
                help: "1 to 5 security groups, such as sg-0123456789abcdef0.",
                default: None,
            },
            MemberDef {
                name: "Subnets",
                shape: &SUBNETS,
                required: true,
                label: "Subnet IDs",
                help: "1 to 16 subnets, such as subnet-0123456789abcdef0.",
                default: None,
            },
        ],
    },
};

pub static VPC_SECURITY_GROUP_IDS: Shape = Shape {
    name: "VpcSecurityGroupIds",
    kind: Kind::List {
        member: &SECURITY_GROUP_ID,
        min: Some(1),
        max: Some(5),
    },
};
string_shape!(SECURITY_GROUP_ID, "SecurityGroupId", min Some(0), max Some(32),
    pattern Some("[-0-9a-zA-Z]+"), values &[]);
pub static SUBNETS: Shape = Shape {
    name: "Subnets",
    kind: Kind::List {
        member: &SUBNET_ID,
        min: Some(1),
        max: Some(16),
    },
};
string_shape!(SUBNET_ID, "SubnetId", min Some(0), max Some(32),
    pattern Some("[-0-9a-zA-Z]+"), values &[]);

pub static AUTO_ML_CANDIDATE_GENERATION_CONFIG: Shape = Shape {
    name: "AutoMLCandidateGenerationConfig",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "FeatureSpecificationS3Uri",
                shape: &S3_URI,
                required: false,
                label: "Feature specification S3 URI",
                help: "A JSON file listing the columns candidates may use.",
                default: Some("every column"),
            },
            MemberDef {
                name: "AlgorithmsConfig",
                shape: &AUTO_ML_ALGORITHMS_CONFIG,
                required: false,
                label: "Algorithms",
                help: "Restrict the algorithms of the chosen training mode.",
                default: Some("every algorithm of the mode"),
            },
        ],
    },
};

pub static AUTO_ML_ALGORITHMS_CONFIG: Shape = Shape {
    name: "AutoMLAlgorithmsConfig",
    kind: Kind::List {
        member: &AUTO_ML_ALGORITHM_CONFIG,
        min: Some(0),
        max: Some(1),
    },
};

pub static AUTO_ML_ALGORITHM_CONFIG: Shape = Shape {
    name: "AutoMLAlgorithmConfig",
    kind: Kind::Structure {
        members: &[MemberDef {
            name: "AutoMLAlgorithms",
            shape: &AUTO_ML_ALGORITHMS,
            required: true,
            label: "Algorithm list",
            help: "The algorithms candidates may use.",
            default: None,
        }],
    },
};

pub static AUTO_ML_ALGORITHMS: Shape = Shape {
    name: "AutoMLAlgorithms",
    kind: Kind::List {
        member: &AUTO_ML_ALGORITHM,
        min: Some(0),
        max: Some(11),
    },
};

string_shape!(AUTO_ML_ALGORITHM, "AutoMLAlgorithm", min None, max None, pattern None,
    values &["xgboost", "linear-learner", "mlp", "lightgbm", "catboost", "randomforest",
        "extra-trees", "nn-torch", "fastai", "cnn-qr", "deepar", "prophet", "npts", "arima",
        "ets"]);

pub static AUTO_ML_DATA_SPLIT_CONFIG: Shape = Shape {
    name: "AutoMLDataSplitConfig",
    kind: Kind::Structure {
        members: &[MemberDef {
            name: "ValidationFraction",
            shape: &VALIDATION_FRACTION,
            required: false,
            label: "Validation fraction",
            help: "Share of the training data held out for validation, between 0 and 1 (below 0.5 advised).",
            default: Some("0.2"),
        }],
    },
};

pub static VALIDATION_FRACTION: Shape = Shape {
    name: "ValidationFraction",
    kind: Kind::Float {
        min: Some(0.0),
        max: Some(1.0),
    },
};

string_shape!(AUTO_ML_MODE, "AutoMLMode", min None, max None, pattern None,
    values &["AUTO", "ENSEMBLING", "HYPERPARAMETER_TUNING"]);
string_shape!(ROLE_ARN, "RoleArn", min Some(20), max Some(2048),
    pattern Some(r"arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+"), values &[]);

pub static GENERATE_CANDIDATE_DEFINITIONS_ONLY: Shape = Shape {
    name: "GenerateCandidateDefinitionsOnly",
    kind: Kind::Boolean,
};

pub static TAG_LIST: Shape = Shape {
    name: "TagList",
    kind: Kind::List {
        member: &TAG,
        min: Some(0),
        max: Some(50),
    },
};

pub static TAG: Shape = Shape {
    name: "Tag",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "Key",
                shape: &TAG_KEY,
                required: true,
                label: "Key",
                help:
                    "Up to 128 letters, digits, spaces and _ . : / = + - @; not starting with aws:.",
                default: None,
            },
            MemberDef {
                name: "Value",
                shape: &TAG_VALUE,
                required: true,
                label: "Value",
                help: "Required, and may be empty: up to 256 letters, digits, spaces and _ . : / = + - @.",
                default: None,
            },
        ],
    },
};

string_shape!(TAG_KEY, "TagKey", min Some(1), max Some(128),
    pattern Some(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)"), values &[]);
string_shape!(TAG_VALUE, "TagValue", min Some(0), max Some(256),
    pattern Some(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)"), values &[]);

pub static MODEL_DEPLOY_CONFIG: Shape = Shape {
    name: "ModelDeployConfig",
    kind: Kind::Structure {
        members: &[
            MemberDef {
                name: "AutoGenerateEndpointName",
                shape: &AUTO_GENERATE_ENDPOINT_NAME,
                required: false,
                label: "Generate the endpoint name",
                help: "True lets SageMaker name the endpoint; then leave the endpoint name empty.",
                default: Some("false"),
            },
            MemberDef {
                name: "EndpointName",
                shape: &ENDPOINT_NAME,
                required: false,
                label: "Endpoint name",
                help:
                    "Required unless the name is generated: letters, digits and hyphens, up to 63.",
                default: None,
            },
        ],
    },
};

pub static AUTO_GENERATE_ENDPOINT_NAME: Shape = Shape {
    name: "AutoGenerateEndpointName",
    kind: Kind::Boolean,
};

string_shape!(ENDPOINT_NAME, "EndpointName", min Some(0), max Some(63),
    pattern Some("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"), values &[]);
