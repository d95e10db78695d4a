//! The `CreateAutoMLJob` request as the AWS service model describes it (botocore's
//! `sagemaker/2017-07-24/service-2.json`), one static per shape, members in the model's
//! order. `tests/it/model_drift.rs` compares this table with the vendored extract in
//! `model/create-auto-ml-job.json`; `scripts/refresh-model.py` refreshes the extract.
//!
//! Besides the model's facts each member carries what a person needs to fill it in: a label,
//! one line of help in our own words, and the value the service uses when it is left out.

pub mod aws_cli;
mod request;
pub mod request_v2;

pub use request::*;
pub use request_v2::CREATE_AUTO_ML_JOB_V2_REQUEST;

/// A shape of the service model.
#[derive(Debug)]
pub struct Shape {
    /// The shape's name in the service model.
    pub name: &'static str,
    pub kind: Kind,
}

/// What a shape is, with its constraints.
#[derive(Debug)]
pub enum Kind {
    Structure {
        members: &'static [MemberDef],
    },
    List {
        member: &'static Shape,
        min: Option<u32>,
        max: Option<u32>,
    },
    String {
        min: Option<u32>,
        max: Option<u32>,
        pattern: Option<&'static str>,
        values: &'static [&'static str],
    },
    /// A 32-bit signed integer.
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    /// The model's `float`.
    Float {
        min: Option<f64>,
        max: Option<f64>,
    },
    Boolean,
    /// A JSON object whose keys are `key` strings and whose values are `value`s; `min` and
    /// `max` bound the number of entries.
    Map {
        key: &'static Shape,
        value: &'static Shape,
        min: Option<u32>,
        max: Option<u32>,
    },
}

/// A member of a structure.
#[derive(Debug)]
pub struct MemberDef {
    pub name: &'static str,
    pub shape: &'static Shape,
    pub required: bool,
    /// A short label for a form.
    pub label: &'static str,
    /// One line of help, in plain words.
    pub help: &'static str,
    /// What the service uses when the member is left out, as a person would read it.
    pub default: Option<&'static str>,
}

impl Shape {
    /// The members of a structure shape (empty for other kinds).
    pub fn members(&self) -> &'static [MemberDef] {
        match self.kind {
            Kind::Structure { members } => members,
            _ => &[],
        }
    }

    /// The member definition called `name`, when this is a structure that has it.
    pub fn member(&self, name: &str) -> Option<&'static MemberDef> {
        self.members().iter().find(|m| m.name == name)
    }

    /// The names of the members a structure must have.
    pub fn required(&self) -> impl Iterator<Item = &'static str> {
        self.members().iter().filter(|m| m.required).map(|m| m.name)
    }
}

/// Finds the shape a JSON Pointer into a request edits (list indexes are any number).
pub fn shape_at(pointer: &str) -> Option<&'static Shape> {
    shape_in(&CREATE_AUTO_ML_JOB_REQUEST, pointer)
}

/// Finds the shape a JSON Pointer into a request of shape `root` edits (list indexes are any
/// number): [`shape_at`] for any operation.
pub fn shape_in(root: &'static Shape, pointer: &str) -> Option<&'static Shape> {
    let mut shape = root;
    if pointer.is_empty() {
        return Some(shape);
    }
    for token in pointer.strip_prefix('/')?.split('/') {
        shape = match &shape.kind {
            Kind::Structure { .. } => shape.member(token)?.shape,
            Kind::List { member, .. } => {
                token.parse::<usize>().ok()?;
                member
            }
            Kind::Map { value, .. } => value,
            _ => return None,
        };
    }
    Some(shape)
}

/// Finds the member definition a JSON Pointer names (`None` for list items and the root).
pub fn member_at(pointer: &str) -> Option<&'static MemberDef> {
    let (parent, last) = pointer.rsplit_once('/')?;
    shape_at(parent)?.member(last)
}

/// What `DescribeAutoMLJob` reports about a job beyond the members of its request, in the
/// model's order: an import of `aws sagemaker describe-auto-ml-job` output leaves these out
/// (the drift test holds the list to the service model).
pub const DESCRIBE_ONLY: [&str; 12] = [
    "AutoMLJobArn",
    "CreationTime",
    "EndTime",
    "LastModifiedTime",
    "FailureReason",
    "PartialFailureReasons",
    "BestCandidate",
    "AutoMLJobStatus",
    "AutoMLJobSecondaryStatus",
    "AutoMLJobArtifacts",
    "ResolvedAttributes",
    "ModelDeployResult",
];

/// What `DescribeAutoMLJobV2` reports beyond the members of either request: an import of
/// `describe-auto-ml-job-v2` output leaves it out too.
pub const DESCRIBE_V2_ONLY: [&str; 1] = ["AutoMLProblemTypeConfigName"];

/// The members of `CreateAutoMLJobV2`'s request that this request does not have, in the
/// model's order, each with where its setting goes in this API: a V2 request or V2 describe
/// output pasted here is told so, member by member.
pub const V2_ONLY: [(&str, &str); 5] = [
    (
        "AutoMLJobInputDataConfig",
        "the channels go in InputDataConfig, with TargetAttributeName in each",
    ),
    (
        "AutoMLProblemTypeConfig",
        "the problem type goes in ProblemType and the limits in AutoMLJobConfig.CompletionCriteria",
    ),
    (
        "SecurityConfig",
        "it goes in AutoMLJobConfig.SecurityConfig",
    ),
    (
        "DataSplitConfig",
        "it goes in AutoMLJobConfig.DataSplitConfig",
    ),
    (
        "AutoMLComputeConfig",
        "it has no counterpart: leave it out, or use CreateAutoMLJobV2",
    ),
];

/// The members of `CreateAutoMLJob`'s request that `CreateAutoMLJobV2`'s does not have, in the
/// model's order (the drift test holds the list to the extract's `v1Only`).
pub const V1_ONLY: [&str; 4] = [
    "InputDataConfig",
    "ProblemType",
    "AutoMLJobConfig",
    "GenerateCandidateDefinitionsOnly",
];

/// [`V1_ONLY`] with where each setting goes in `CreateAutoMLJobV2`: a V1 request pasted as a
/// V2 one is told so, member by member (the reverse of [`V2_ONLY`]).
pub const V1_ONLY_IN_V2: [(&str, &str); 4] = [
    (
        "InputDataConfig",
        "the channels go in AutoMLJobInputDataConfig, and TargetAttributeName and SampleWeightAttributeName in AutoMLProblemTypeConfig.TabularJobConfig",
    ),
    (
        "ProblemType",
        "it goes in AutoMLProblemTypeConfig.TabularJobConfig.ProblemType",
    ),
    (
        "AutoMLJobConfig",
        "CompletionCriteria, Mode and CandidateGenerationConfig go in AutoMLProblemTypeConfig.TabularJobConfig (or the problem type's config), DataSplitConfig and SecurityConfig at the top of the request",
    ),
    (
        "GenerateCandidateDefinitionsOnly",
        "it goes in AutoMLProblemTypeConfig.TabularJobConfig.GenerateCandidateDefinitionsOnly",
    ),
];

/// The members of V1's channels (`AutoMLChannel`) that V2's (`AutoMLJobChannel`) do not have,
/// with where each goes in `CreateAutoMLJobV2`.
pub const V1_CHANNEL_ONLY_IN_V2: [(&str, &str); 2] = [
    (
        "TargetAttributeName",
        "it goes in AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName, or TimeSeriesConfig.TargetAttributeName for time series and TargetLabelColumn for text classification",
    ),
    (
        "SampleWeightAttributeName",
        "it goes in AutoMLProblemTypeConfig.TabularJobConfig.SampleWeightAttributeName",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_v1_members_go_in_v2_lists_every_v1_only_member() {
        let names: Vec<&str> = V1_ONLY_IN_V2.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, V1_ONLY);
        let v1 = shape_at("/InputDataConfig/0").unwrap();
        let v2 = crate::operation::CREATE_AUTO_ML_JOB_V2
            .shape_at("/AutoMLJobInputDataConfig/0")
            .unwrap();
        let v2_names: Vec<&str> = v2.members().iter().map(|m| m.name).collect();
        let only: Vec<&str> = v1
            .members()
            .iter()
            .map(|m| m.name)
            .filter(|n| !v2_names.contains(n))
            .collect();
        let listed: Vec<&str> = V1_CHANNEL_ONLY_IN_V2.iter().map(|(n, _)| *n).collect();
        assert_eq!(only, listed);
    }

    #[test]
    fn pointers_find_their_shapes() {
        assert_eq!(shape_at("").unwrap().name, "CreateAutoMLJobRequest");
        assert_eq!(
            shape_at("/InputDataConfig/1/DataSource/S3DataSource/S3Uri")
                .unwrap()
                .name,
            "S3Uri"
        );
        assert_eq!(
            shape_at("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets/15")
                .unwrap()
                .name,
            "SubnetId"
        );
        assert!(shape_at("/Nope").is_none());
        assert!(shape_at("/Tags/x").is_none());
        assert_eq!(member_at("/Tags/0/Key").unwrap().label, "Key");
        assert!(member_at("/Tags/0").is_none());
    }
}
