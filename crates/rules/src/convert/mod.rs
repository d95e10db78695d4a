//! Converting a request between `CreateAutoMLJob` (V1) and `CreateAutoMLJobV2` (V2): every
//! member moved to its place in the other API, and every member with no place there named with
//! the reason, never dropped silently. Hand-written: the mapping is the two service models'
//! own correspondence, which no crate knows.
//!
//! The correspondence is one table of places, [`PLACES`], read in both directions; it follows
//! botocore's service model (`model/request.rs`, `model/request_v2.rs`, the extract
//! `model/create-auto-ml-job-v2.json`), the API reference of `CreateAutoMLJobV2`
//! (<https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html>:
//! "Similar to the InputDataConfig attribute in the CreateAutoMLJob input parameters"), and the
//! developer guide's "Migrate a CreateAutoMLJob to CreateAutoMLJobV2" and "Create Regression or
//! Classification Jobs for Tabular Data Using the AutoML API"
//! (<https://docs.aws.amazon.com/sagemaker/latest/dg/autopilot-automate-model-development-create-experiment.html>):
//! the channels become `AutoMLJobInputDataConfig` and their target and sample weight columns
//! move to `TabularJobConfig`; `ProblemType`, the completion criteria, the candidate generation
//! settings, `Mode` and `GenerateCandidateDefinitionsOnly` move to `TabularJobConfig`;
//! `SecurityConfig` and `DataSplitConfig` leave `AutoMLJobConfig` for the top level; the rest
//! keeps its place.
//!
//! What the walk does with each member of the input, by its JSON Pointer:
//! - a place of the table (or a member under one) goes where the table says;
//! - a member above a place of the table (the request, a channel, `AutoMLJobConfig`) is opened
//!   and its members placed one by one;
//! - anything else keeps its pointer. A member neither API knows (`roleArn`) is carried and
//!   named in [`Conversion::unknown`], so the target's check reports it where it was.
//!
//! Values are carried as they are, wrong types included, so the target's check reports them
//! at the corresponding place; a value the source's model accepts and the target's rejects (a
//! member the target's shape lacks, a value its enum lacks) is left out and named. Objects the
//! target's model describes are written in its order (unknown members last).

//!
//! Layout: this file has the answer's types, the tables and the pointer arithmetic; `walk.rs`
//! walks the input and places each member; `tree.rs` builds the output tree (a leaf).

use crate::detect::detect;
use crate::json::{escape_pointer_token, Node, Value};
use crate::operation::{Operation, CREATE_AUTO_ML_JOB_V2};

mod tree;
mod walk;

use tree::{in_model_order, insert};
use walk::Walk;

/// A request converted to another operation, with what moved and what was left out.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// The converted request (the input itself when nothing was converted).
    pub request: Node,
    /// The operation the input was read as (told from its members by [`detect`]).
    pub from: &'static Operation,
    /// The operation the request was converted to.
    pub to: &'static Operation,
    /// Members whose place changed, in the order of the input.
    pub moved: Vec<Moved>,
    /// Members of the input with no place in the target, each with the reason.
    pub left_out: Vec<LeftOut>,
    /// Members neither operation knows (a misspelt name), carried to the corresponding place
    /// so the target's check names them as it would have in the source.
    pub unknown: Vec<Moved>,
    /// Why the request cannot be converted at all (a V2 problem type other than tabular
    /// converted to V1); then `request` is the input unchanged and nothing moved.
    pub refused: Option<String>,
}

/// A member moved: from its JSON Pointer in the input to its pointer in the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub from: String,
    pub to: String,
}

/// A member of the input with no place in the target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// Its JSON Pointer in the input.
    pub pointer: String,
    /// Why it has no place in the target, in plain words.
    pub why: String,
}

/// The place of tabular settings in `CreateAutoMLJobV2`.
const TABULAR: &str = "/AutoMLProblemTypeConfig/TabularJobConfig";

/// Each `CreateAutoMLJob` place with its `CreateAutoMLJobV2` place (`*` is any channel
/// index). A member under a place moves with it; the longest place that holds a pointer wins.
/// Read left to right when converting to V2, right to left when converting to V1 (the one V2
/// target column then goes into every channel).
pub const PLACES: [(&str, &str); 12] = [
    (
        "/InputDataConfig/*/TargetAttributeName",
        "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName",
    ),
    (
        "/InputDataConfig/*/SampleWeightAttributeName",
        "/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName",
    ),
    ("/InputDataConfig", "/AutoMLJobInputDataConfig"),
    (
        "/ProblemType",
        "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType",
    ),
    (
        "/GenerateCandidateDefinitionsOnly",
        "/AutoMLProblemTypeConfig/TabularJobConfig/GenerateCandidateDefinitionsOnly",
    ),
    (
        "/AutoMLJobConfig/CompletionCriteria",
        "/AutoMLProblemTypeConfig/TabularJobConfig/CompletionCriteria",
    ),
    ("/AutoMLJobConfig/SecurityConfig", "/SecurityConfig"),
    ("/AutoMLJobConfig/DataSplitConfig", "/DataSplitConfig"),
    (
        "/AutoMLJobConfig/Mode",
        "/AutoMLProblemTypeConfig/TabularJobConfig/Mode",
    ),
    (
        "/AutoMLJobConfig/CandidateGenerationConfig/FeatureSpecificationS3Uri",
        "/AutoMLProblemTypeConfig/TabularJobConfig/FeatureSpecificationS3Uri",
    ),
    (
        "/AutoMLJobConfig/CandidateGenerationConfig",
        "/AutoMLProblemTypeConfig/TabularJobConfig/CandidateGenerationConfig",
    ),
    ("/AutoMLJobConfig", TABULAR),
];

/// `CreateAutoMLJobV2` places with no `CreateAutoMLJob` counterpart, and why.
const NO_PLACE_IN_V1: [(&str, &str); 5] = [
    (
        "/AutoMLComputeConfig",
        "CreateAutoMLJob has no compute setting: its jobs run on SageMaker training instances (EMR Serverless compute is CreateAutoMLJobV2 only)",
    ),
    (
        "/AutoMLProblemTypeConfig/ImageClassificationJobConfig",
        "CreateAutoMLJob has no place for image classification: it handles only tabular problems (regression and classification)",
    ),
    (
        "/AutoMLProblemTypeConfig/TextClassificationJobConfig",
        "CreateAutoMLJob has no place for text classification: it handles only tabular problems (regression and classification)",
    ),
    (
        "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig",
        "CreateAutoMLJob has no place for time-series forecasting: it handles only tabular problems (regression and classification)",
    ),
    (
        "/AutoMLProblemTypeConfig/TextGenerationJobConfig",
        "CreateAutoMLJob has no place for text generation: it handles only tabular problems (regression and classification)",
    ),
];

/// Converts `request` to the operation `to`. A request already of that operation (as
/// [`detect`] tells it) comes back unchanged with nothing moved.
pub fn convert(request: &Node, to: &'static Operation) -> Conversion {
    let from = detect(request);
    let unchanged = |refused: Option<String>, left_out: Vec<LeftOut>| Conversion {
        request: request.clone(),
        from,
        to,
        moved: Vec::new(),
        left_out,
        unknown: Vec::new(),
        refused,
    };
    if std::ptr::eq(from, to) {
        return unchanged(None, Vec::new());
    }
    let to_v2 = std::ptr::eq(to, &CREATE_AUTO_ML_JOB_V2);
    if !to_v2 {
        if let Some((pointer, why)) = no_tabular_problem(request) {
            let refused = format!(
                "this request cannot be converted to CreateAutoMLJob: {why}; keep it as CreateAutoMLJobV2"
            );
            return unchanged(Some(refused), vec![LeftOut { pointer, why }]);
        }
    }
    let mut walk = Walk::new(from, to, to_v2);
    walk.visit(request, &mut Vec::new(), None);
    walk.fan_out();
    if to_v2 && walk.out.as_object().is_some() {
        // A CreateAutoMLJob request is a tabular one, whatever it holds: its V2 form says so,
        // and misses what the V1 one missed (its target column) at the V2 place.
        let tabular = tokens(TABULAR).unwrap_or_default();
        let _ = insert(
            &mut walk.out,
            &tabular,
            Node::new(Value::Object(Vec::new())),
        );
    }
    let mut out = walk.out;
    in_model_order(&mut out, Some(to.request));
    Conversion {
        request: out,
        from,
        to,
        moved: walk.moved,
        left_out: walk.left_out,
        unknown: walk.unknown,
        refused: None,
    }
}

/// The pointer in `to`'s request where the member at `pointer` of a request of the other
/// operation goes, by [`PLACES`] (list indexes kept); `None` where it has no place. The
/// `CreateAutoMLJobV2` target column, which goes into every channel, is answered with the
/// first channel's.
pub fn place_in(to: &'static Operation, pointer: &str) -> Option<String> {
    let tokens = tokens(pointer)?;
    let to_v2 = std::ptr::eq(to, &CREATE_AUTO_ML_JOB_V2);
    if !to_v2 && no_place_in_v1(&tokens).is_some() {
        return None;
    }
    Some(match rewrite(&tokens, to_v2) {
        Some((_, target)) => to_pointer(
            &target
                .iter()
                .map(|t| if t == "*" { "0".to_string() } else { t.clone() })
                .collect::<Vec<_>>(),
        ),
        None => pointer.to_string(),
    })
}

impl Conversion {
    /// Whether the request came back as it was (already of the target operation, or refused).
    pub fn is_unchanged(&self) -> bool {
        std::ptr::eq(self.from, self.to) || self.refused.is_some()
    }

    /// What a person reads about the conversion: one sentence per line, lowercase, in the
    /// order moved, left out, unknown.
    pub fn summary(&self) -> Vec<String> {
        if let Some(refused) = &self.refused {
            return vec![refused.clone()];
        }
        if std::ptr::eq(self.from, self.to) {
            return vec![format!(
                "the request is already a {} request: nothing to convert",
                self.to.name
            )];
        }
        let mut lines = vec![format!(
            "converted from {} to {}: {} moved, {} left out, {} unknown carried",
            self.from.name,
            self.to.name,
            self.moved.len(),
            self.left_out.len(),
            self.unknown.len()
        )];
        listed(
            &mut lines,
            self.moved
                .iter()
                .map(|m| format!("moved {} to {}", shown(&m.from), shown(&m.to))),
            "moved",
        );
        listed(
            &mut lines,
            self.left_out
                .iter()
                .map(|l| format!("left out {}: {}", shown(&l.pointer), l.why)),
            "left out",
        );
        listed(
            &mut lines,
            self.unknown.iter().map(|m| {
                format!(
                    "carried {} to {}: neither API has this member (check its spelling)",
                    shown(&m.from),
                    shown(&m.to)
                )
            }),
            "unknown members carried",
        );
        lines
    }
}

/// How many sentences of each list [`Conversion::summary`] gives (the lists themselves stay
/// whole): a request may hold a million channels, and nobody reads past the first few.
const SHOWN: usize = 20;

/// The first [`SHOWN`] sentences, then one that counts the rest.
fn listed(lines: &mut Vec<String>, sentences: impl ExactSizeIterator<Item = String>, what: &str) {
    let count = sentences.len();
    lines.extend(sentences.take(SHOWN));
    if count > SHOWN {
        lines.push(format!("and {} more {what}", count - SHOWN));
    }
}

/// A pointer as a person reads it (`/` for the whole request).
fn shown(pointer: &str) -> &str {
    if pointer.is_empty() {
        "the request"
    } else {
        pointer
    }
}

/// For a V2 request without `TabularJobConfig` whose problem type is another one: that
/// problem type's pointer and why V1 has no place for it.
fn no_tabular_problem(request: &Node) -> Option<(String, String)> {
    let config = request.get("AutoMLProblemTypeConfig")?;
    if config.get("TabularJobConfig").is_some() {
        return None;
    }
    let members = config.as_object()?;
    members.iter().find_map(|m| {
        let pointer = format!("/AutoMLProblemTypeConfig/{}", escape_pointer_token(&m.key));
        NO_PLACE_IN_V1
            .iter()
            .find(|(place, _)| *place == pointer)
            .map(|(_, why)| (pointer, why.to_string()))
    })
}

fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    Some(
        pointer
            .strip_prefix('/')?
            .split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

fn to_pointer(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("/{}", escape_pointer_token(t)))
        .collect()
}

/// Whether a place's tokens (`*` for any index) begin `tokens`.
fn place_holds(place: &str, tokens: &[String]) -> bool {
    let place: Vec<&str> = place.split('/').skip(1).collect();
    place.len() <= tokens.len()
        && place.iter().zip(tokens).all(|(p, t)| {
            *p == t || (*p == "*" && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The place (index into [`PLACES`]) that holds `tokens` and its target tokens, the longest
/// place winning; `None` when no place holds it (it keeps its pointer).
fn rewrite(tokens: &[String], to_v2: bool) -> Option<(usize, Vec<String>)> {
    let side = |pair: &(&'static str, &'static str)| if to_v2 { pair.0 } else { pair.1 };
    let other = |pair: &(&'static str, &'static str)| if to_v2 { pair.1 } else { pair.0 };
    let (index, pair) = PLACES
        .iter()
        .enumerate()
        .filter(|(_, pair)| place_holds(side(pair), tokens))
        .max_by_key(|(_, pair)| side(pair).len())?;
    let depth = side(pair).split('/').skip(1).count();
    let mut target: Vec<String> = other(pair).split('/').skip(1).map(String::from).collect();
    target.extend(tokens[depth..].iter().cloned());
    Some((index, target))
}

/// Whether some place lies strictly under `tokens` (the request, a channel, `AutoMLJobConfig`):
/// then the member is opened and its members placed one by one.
fn holds_places(tokens: &[String], to_v2: bool) -> bool {
    PLACES.iter().any(|pair| {
        let place = if to_v2 { pair.0 } else { pair.1 };
        let place: Vec<&str> = place.split('/').skip(1).collect();
        place.len() > tokens.len()
            && place
                .iter()
                .zip(tokens)
                .all(|(p, t)| *p == t || (*p == "*" && t.bytes().all(|b| b.is_ascii_digit())))
    })
}

fn no_place_in_v1(tokens: &[String]) -> Option<&'static str> {
    NO_PLACE_IN_V1
        .iter()
        .find(|(place, _)| place_holds(place, tokens))
        .map(|(_, why)| *why)
}

#[cfg(test)]
mod tests {
    use super::tree::plain_copy;
    use super::*;
    use crate::json::{parse, to_compact, to_pretty};
    use crate::model::{Kind, Shape};
    use crate::{check_node_for, Severity, CREATE_AUTO_ML_JOB};

    fn v1_to_v2(text: &str) -> Conversion {
        convert(&parse(text).unwrap(), &CREATE_AUTO_ML_JOB_V2)
    }

    fn errors(op: &'static Operation, node: &Node) -> Vec<(String, &'static str)> {
        check_node_for(op, node)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.path, d.code))
            .collect()
    }

    const EVERY_V1_MEMBER: &str = r#"{
      "AutoMLJobName": "churn",
      "InputDataConfig": [
        {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}},
         "CompressionType": "Gzip", "TargetAttributeName": "y", "ContentType": "text/csv;header=present",
         "ChannelType": "training", "SampleWeightAttributeName": "w"},
        {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/val/"}},
         "TargetAttributeName": "y", "ChannelType": "validation", "SampleWeightAttributeName": "w"}
      ],
      "OutputDataConfig": {"S3OutputPath": "s3://b/out/"},
      "ProblemType": "BinaryClassification",
      "AutoMLJobObjective": {"MetricName": "F1"},
      "AutoMLJobConfig": {
        "CompletionCriteria": {"MaxCandidates": 10},
        "SecurityConfig": {"EnableInterContainerTrafficEncryption": true},
        "CandidateGenerationConfig": {"FeatureSpecificationS3Uri": "s3://b/f.json",
          "AlgorithmsConfig": [{"AutoMLAlgorithms": ["xgboost"]}]},
        "Mode": "ENSEMBLING"
      },
      "RoleArn": "arn:aws:iam::123456789012:role/r",
      "GenerateCandidateDefinitionsOnly": false,
      "Tags": [{"Key": "k", "Value": "v"}],
      "ModelDeployConfig": {"AutoGenerateEndpointName": true}
    }"#;

    #[test]
    fn every_v1_member_goes_to_its_v2_place() {
        let c = v1_to_v2(EVERY_V1_MEMBER);
        assert_eq!(c.from.name, "CreateAutoMLJob");
        assert!(c.left_out.is_empty(), "{:?}", c.left_out);
        assert!(c.unknown.is_empty(), "{:?}", c.unknown);
        let expected = r#"{"AutoMLJobName":"churn","AutoMLJobInputDataConfig":[{"ChannelType":"training","ContentType":"text/csv;header=present","CompressionType":"Gzip","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b/train/"}}},{"ChannelType":"validation","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b/val/"}}}],"OutputDataConfig":{"S3OutputPath":"s3://b/out/"},"AutoMLProblemTypeConfig":{"TabularJobConfig":{"CandidateGenerationConfig":{"AlgorithmsConfig":[{"AutoMLAlgorithms":["xgboost"]}]},"CompletionCriteria":{"MaxCandidates":10},"FeatureSpecificationS3Uri":"s3://b/f.json","Mode":"ENSEMBLING","GenerateCandidateDefinitionsOnly":false,"ProblemType":"BinaryClassification","TargetAttributeName":"y","SampleWeightAttributeName":"w"}},"RoleArn":"arn:aws:iam::123456789012:role/r","Tags":[{"Key":"k","Value":"v"}],"SecurityConfig":{"EnableInterContainerTrafficEncryption":true},"AutoMLJobObjective":{"MetricName":"F1"},"ModelDeployConfig":{"AutoGenerateEndpointName":true}}"#;
        assert_eq!(
            to_compact(&c.request),
            expected,
            "{}",
            to_pretty(&c.request)
        );
        assert!(errors(&CREATE_AUTO_ML_JOB_V2, &c.request).is_empty());
        let moved: Vec<(&str, &str)> = c
            .moved
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        for pair in [
            ("/InputDataConfig", "/AutoMLJobInputDataConfig"),
            (
                "/InputDataConfig/0/TargetAttributeName",
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName",
            ),
            (
                "/InputDataConfig/1/TargetAttributeName",
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName",
            ),
            ("/AutoMLJobConfig/SecurityConfig", "/SecurityConfig"),
            (
                "/AutoMLJobConfig/CandidateGenerationConfig/FeatureSpecificationS3Uri",
                "/AutoMLProblemTypeConfig/TabularJobConfig/FeatureSpecificationS3Uri",
            ),
            (
                "/ProblemType",
                "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType",
            ),
        ] {
            assert!(moved.contains(&pair), "{pair:?} not in {moved:?}");
        }
        // Members that keep their place are not listed.
        assert!(!moved.iter().any(|m| m.0 == "/RoleArn"), "{moved:?}");
        let back = convert(&c.request, &CREATE_AUTO_ML_JOB);
        assert!(back.left_out.is_empty(), "{:?}", back.left_out);
        let original = parse(EVERY_V1_MEMBER).unwrap();
        assert_eq!(to_compact(&back.request), to_compact(&original));
    }

    #[test]
    fn the_same_operation_comes_back_unchanged() {
        let v1 = parse(EVERY_V1_MEMBER).unwrap();
        let c = convert(&v1, &CREATE_AUTO_ML_JOB);
        assert!(c.is_unchanged() && c.moved.is_empty() && c.left_out.is_empty());
        assert_eq!(c.request, v1);
        assert_eq!(
            c.summary(),
            ["the request is already a CreateAutoMLJob request: nothing to convert"]
        );
        let v2 = v1_to_v2(EVERY_V1_MEMBER).request;
        let c = convert(&v2, &CREATE_AUTO_ML_JOB_V2);
        assert!(c.is_unchanged() && c.moved.is_empty());
        assert_eq!(c.request, v2);
    }

    #[test]
    fn channels_that_disagree_keep_the_first_and_name_the_other() {
        let c = v1_to_v2(
            r#"{"InputDataConfig":[{"TargetAttributeName":"y"},{"TargetAttributeName":"label","ChannelType":"validation"}]}"#,
        );
        assert_eq!(
            c.request
                .pointer("/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName")
                .and_then(Node::as_str),
            Some("y")
        );
        assert_eq!(c.left_out.len(), 1, "{:?}", c.left_out);
        assert_eq!(
            c.left_out[0].pointer,
            "/InputDataConfig/1/TargetAttributeName"
        );
        // What is left out is not also listed as moved.
        assert!(
            !c.moved.iter().any(|m| m.from == c.left_out[0].pointer),
            "{:?}",
            c.moved
        );
        let why = &c.left_out[0].why;
        assert!(
            why.contains("\"y\" from /InputDataConfig/0/TargetAttributeName"),
            "{why}"
        );
        assert!(why.contains("this one is \"label\""), "{why}");
        assert!(c.summary().iter().any(|l| l.starts_with(
            "left out /InputDataConfig/1/TargetAttributeName: CreateAutoMLJobV2 has one place"
        )));
    }

    #[test]
    fn unknown_members_are_carried_and_named() {
        let c = v1_to_v2(
            r#"{"roleArn":"x","InputDataConfig":[{"Target":"y"}],"AutoMLJobConfig":{"Foo":1,"CandidateGenerationConfig":{"Bar":2}},"OutputDataConfig":{"Path":"p"}}"#,
        );
        let unknown: Vec<(&str, &str)> = c
            .unknown
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        assert_eq!(
            unknown,
            [
                ("/roleArn", "/roleArn"),
                (
                    "/InputDataConfig/0/Target",
                    "/AutoMLJobInputDataConfig/0/Target"
                ),
                (
                    "/AutoMLJobConfig/Foo",
                    "/AutoMLProblemTypeConfig/TabularJobConfig/Foo"
                ),
                (
                    "/AutoMLJobConfig/CandidateGenerationConfig/Bar",
                    "/AutoMLProblemTypeConfig/TabularJobConfig/CandidateGenerationConfig/Bar"
                ),
                ("/OutputDataConfig/Path", "/OutputDataConfig/Path"),
            ]
        );
        let v2_unknown: Vec<String> = check_node_for(&CREATE_AUTO_ML_JOB_V2, &c.request)
            .into_iter()
            .filter(|d| d.code == "unknown")
            .map(|d| d.path)
            .collect();
        let carried: Vec<String> = unknown.iter().map(|u| u.1.to_string()).collect();
        assert_eq!(v2_unknown.len(), carried.len(), "{v2_unknown:?}");
        assert!(
            carried.iter().all(|p| v2_unknown.contains(p)),
            "{v2_unknown:?}"
        );
        assert!(c.summary().iter().any(|l| l
            == "carried /roleArn to /roleArn: neither API has this member (check its spelling)"));
    }

    #[test]
    fn wrong_types_are_carried_to_the_corresponding_place() {
        let c = v1_to_v2(
            r#"{"InputDataConfig":{"a":1},"ProblemType":3,"AutoMLJobConfig":{"CandidateGenerationConfig":"x"}}"#,
        );
        assert!(c.left_out.is_empty(), "{:?}", c.left_out);
        let types: Vec<String> = check_node_for(&CREATE_AUTO_ML_JOB_V2, &c.request)
            .into_iter()
            .filter(|d| d.code == "type")
            .map(|d| d.path)
            .collect();
        for path in [
            "/AutoMLJobInputDataConfig",
            "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType",
            "/AutoMLProblemTypeConfig/TabularJobConfig/CandidateGenerationConfig",
        ] {
            assert!(types.iter().any(|p| p == path), "{path}: {types:?}");
        }
        // A request that is not an object stays what it is.
        let c = v1_to_v2("[1, 2]");
        assert_eq!(to_compact(&c.request), "[1,2]");
        assert!(c.moved.is_empty() && c.left_out.is_empty());
    }

    #[test]
    fn a_v1_request_becomes_a_tabular_one_even_when_empty() {
        let c = v1_to_v2("{}");
        assert_eq!(
            to_compact(&c.request),
            r#"{"AutoMLProblemTypeConfig":{"TabularJobConfig":{}}}"#
        );
        let missing: Vec<String> = check_node_for(&CREATE_AUTO_ML_JOB_V2, &c.request)
            .into_iter()
            .filter(|d| d.code == "required")
            .map(|d| d.path)
            .collect();
        assert!(missing.contains(
            &"/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName".to_string()
        ));
    }

    #[test]
    fn a_repeated_member_keeps_the_last_and_names_the_first() {
        let c = v1_to_v2(r#"{"AutoMLJobName":"a","AutoMLJobName":"b"}"#);
        assert_eq!(
            c.request.get("AutoMLJobName").and_then(Node::as_str),
            Some("b")
        );
        assert_eq!(to_compact(&c.request).matches("AutoMLJobName").count(), 1);
        assert_eq!(c.left_out[0].pointer, "/AutoMLJobName");
        assert!(c.left_out[0].why.contains("repeated"));
    }

    #[test]
    fn a_v2_member_in_a_v1_body_keeps_its_place_unless_the_v1_one_takes_it() {
        let c = v1_to_v2(
            r#"{"AutoMLJobConfig":{"SecurityConfig":{"VolumeKmsKeyId":"a"}},"SecurityConfig":{"VolumeKmsKeyId":"b"},"DataSplitConfig":{"ValidationFraction":0.1}}"#,
        );
        assert_eq!(
            to_compact(c.request.get("SecurityConfig").unwrap()),
            r#"{"VolumeKmsKeyId":"a"}"#
        );
        assert_eq!(
            to_compact(c.request.get("DataSplitConfig").unwrap()),
            r#"{"ValidationFraction":0.1}"#
        );
        assert_eq!(c.left_out.len(), 1);
        assert_eq!(c.left_out[0].pointer, "/SecurityConfig");
        assert!(c.left_out[0]
            .why
            .contains("from /AutoMLJobConfig/SecurityConfig"));
    }

    const V2_TABULAR: &str = r#"{
      "AutoMLJobName": "j",
      "AutoMLJobInputDataConfig": [{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}},
                                   {"ChannelType": "validation", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/v/"}}}],
      "OutputDataConfig": {"S3OutputPath": "s3://b/o/"},
      "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y", "Mode": "AUTO"}},
      "RoleArn": "arn:aws:iam::123456789012:role/r",
      "DataSplitConfig": {"ValidationFraction": 0.3},
      "AutoMLComputeConfig": {"EmrServerlessComputeConfig": {"ExecutionRoleARN": "arn:aws:iam::123456789012:role/e"}}
    }"#;

    #[test]
    fn v2_tabular_goes_to_v1_with_the_target_in_every_channel() {
        let c = convert(&parse(V2_TABULAR).unwrap(), &CREATE_AUTO_ML_JOB);
        assert!(c.refused.is_none());
        assert_eq!(
            to_compact(&c.request),
            r#"{"AutoMLJobName":"j","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b/t/"}},"TargetAttributeName":"y"},{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b/v/"}},"TargetAttributeName":"y","ChannelType":"validation"}],"OutputDataConfig":{"S3OutputPath":"s3://b/o/"},"AutoMLJobConfig":{"DataSplitConfig":{"ValidationFraction":0.3},"Mode":"AUTO"},"RoleArn":"arn:aws:iam::123456789012:role/r"}"#
        );
        assert_eq!(
            c.left_out,
            [LeftOut {
                pointer: "/AutoMLComputeConfig".into(),
                why: NO_PLACE_IN_V1[0].1.into()
            }]
        );
        let target = "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName";
        for i in 0..2 {
            let to = format!("/InputDataConfig/{i}/TargetAttributeName");
            assert!(
                c.moved.contains(&Moved {
                    from: target.into(),
                    to
                }),
                "{:?}",
                c.moved
            );
        }
        assert_eq!(
            place_in(&CREATE_AUTO_ML_JOB, target).as_deref(),
            Some("/InputDataConfig/0/TargetAttributeName")
        );
        assert_eq!(place_in(&CREATE_AUTO_ML_JOB, "/AutoMLComputeConfig"), None);
        // Back to V2: the same request but AutoMLComputeConfig.
        let back = convert(&c.request, &CREATE_AUTO_ML_JOB_V2);
        assert!(back.left_out.is_empty(), "{:?}", back.left_out);
        let mut expected = parse(V2_TABULAR).unwrap();
        if let Value::Object(members) = &mut expected.value {
            members.retain(|m| m.key != "AutoMLComputeConfig");
        }
        in_model_order(&mut expected, Some(CREATE_AUTO_ML_JOB_V2.request));
        assert_eq!(
            to_compact(&back.request),
            to_compact(&plain_copy(&expected))
        );
    }

    #[test]
    fn another_problem_type_is_refused_by_name() {
        let text = r#"{"AutoMLJobInputDataConfig":[],"AutoMLProblemTypeConfig":{"TextGenerationJobConfig":{"BaseModelName":"Falcon7B"}}}"#;
        let input = parse(text).unwrap();
        let c = convert(&input, &CREATE_AUTO_ML_JOB);
        let refused = c.refused.clone().unwrap();
        assert!(
            refused.contains("no place for text generation"),
            "{refused}"
        );
        assert_eq!(c.summary(), [refused]);
        assert!(c.is_unchanged() && c.moved.is_empty());
        assert_eq!(c.request, input);
        assert_eq!(
            c.left_out[0].pointer,
            "/AutoMLProblemTypeConfig/TextGenerationJobConfig"
        );
        // Beside a tabular config (a union with two members), it is left out instead.
        let c = convert(
            &parse(r#"{"AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"y"},"ImageClassificationJobConfig":{},"Odd":{}}}"#).unwrap(),
            &CREATE_AUTO_ML_JOB,
        );
        assert!(c.refused.is_none());
        let left: Vec<&str> = c.left_out.iter().map(|l| l.pointer.as_str()).collect();
        assert_eq!(
            left,
            [
                "/AutoMLProblemTypeConfig/ImageClassificationJobConfig",
                "/AutoMLProblemTypeConfig/Odd",
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName"
            ]
        );
        assert!(
            c.left_out[2].why.contains("there is none"),
            "{:?}",
            c.left_out[2]
        );
    }

    #[test]
    fn a_value_the_target_model_lacks_is_left_out() {
        // The two tables share their enums today; the walk still holds a value the source
        // takes and the target does not (here a stand-in pair of shapes) out of the output.
        static WIDE: Shape = Shape {
            name: "Wide",
            kind: Kind::String {
                min: None,
                max: None,
                pattern: None,
                values: &["a", "b"],
            },
        };
        static NARROW: Shape = Shape {
            name: "Narrow",
            kind: Kind::String {
                min: None,
                max: None,
                pattern: None,
                values: &["a"],
            },
        };
        let mut walk = Walk::new(&CREATE_AUTO_ML_JOB, &CREATE_AUTO_ML_JOB_V2, true);
        let b = Node::new(Value::String("b".into()));
        assert!(walk
            .fit(&b, Some(&WIDE), Some(&NARROW), "/X", "/Y")
            .is_none());
        assert_eq!(walk.left_out[0].pointer, "/X");
        assert!(walk.left_out[0].why.contains("Narrow is one of a"));
        // A value neither takes is carried, for the target's check to name.
        let c = Node::new(Value::String("c".into()));
        assert!(walk
            .fit(&c, Some(&WIDE), Some(&NARROW), "/X", "/Y")
            .is_some());
    }

    #[test]
    fn places_read_both_ways() {
        for (v1, v2) in PLACES {
            let concrete = |p: &str| p.replace('*', "1");
            assert_eq!(
                place_in(&CREATE_AUTO_ML_JOB_V2, &concrete(v1)),
                Some(concrete(v2))
            );
            assert_eq!(
                place_in(&CREATE_AUTO_ML_JOB, v2).map(|p| p.replace("/0/", "/1/")),
                Some(concrete(v1))
            );
            // Every place is a member of its model.
            assert!(CREATE_AUTO_ML_JOB.shape_at(&concrete(v1)).is_some(), "{v1}");
            assert!(CREATE_AUTO_ML_JOB_V2.shape_at(v2).is_some(), "{v2}");
        }
        assert_eq!(
            place_in(
                &CREATE_AUTO_ML_JOB_V2,
                "/AutoMLJobConfig/CompletionCriteria/MaxCandidates"
            )
            .as_deref(),
            Some("/AutoMLProblemTypeConfig/TabularJobConfig/CompletionCriteria/MaxCandidates")
        );
        assert_eq!(
            place_in(&CREATE_AUTO_ML_JOB_V2, "/Tags/3/Key").as_deref(),
            Some("/Tags/3/Key")
        );
        assert_eq!(place_in(&CREATE_AUTO_ML_JOB_V2, "bad"), None);
    }

    #[test]
    fn v1_members_cover_the_v1_model() {
        // Every top-level V1 member either keeps its name in V2 or is a place of the table.
        for member in CREATE_AUTO_ML_JOB.request.members() {
            let pointer = format!("/{}", member.name);
            let kept = CREATE_AUTO_ML_JOB_V2.request.member(member.name).is_some();
            let placed = PLACES.iter().any(|(v1, _)| v1.starts_with(&pointer));
            assert!(kept || placed, "{}", member.name);
        }
        for member in CREATE_AUTO_ML_JOB_V2.request.members() {
            let pointer = format!("/{}", member.name);
            let kept = CREATE_AUTO_ML_JOB.request.member(member.name).is_some();
            let placed = PLACES.iter().any(|(_, v2)| v2.starts_with(&pointer))
                || NO_PLACE_IN_V1.iter().any(|(p, _)| *p == pointer);
            assert!(kept || placed, "{}", member.name);
        }
    }

    #[test]
    fn the_summary_lists_the_first_twenty_of_each_list() {
        let channels = vec![r#"{"TargetAttributeName":"y"}"#; 30].join(",");
        let c = v1_to_v2(&format!(r#"{{"InputDataConfig":[{channels}],"x":1}}"#));
        assert_eq!(c.moved.len(), 31);
        let summary = c.summary();
        assert_eq!(summary.len(), 1 + 20 + 1 + 1, "{summary:#?}");
        assert_eq!(summary[21], "and 11 more moved");
        assert!(summary[22].starts_with("carried /x to /x"));
    }

    #[test]
    fn the_fan_out_is_bounded_by_the_model() {
        let mut text = String::from(
            r#"{"AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"y"}},"AutoMLJobInputDataConfig":["#,
        );
        text.push_str(&vec!["{}"; 1000].join(","));
        text.push_str("]}");
        let c = convert(&parse(&text).unwrap(), &CREATE_AUTO_ML_JOB);
        assert_eq!(to_compact(&c.request).matches("\"y\"").count(), 2);
        assert!(c
            .left_out
            .iter()
            .any(|l| l.why.contains("after the first 2")));
    }
}
