//! How the form is laid out: the request's members grouped the way a person thinks about a
//! job, rather than the way the API nests them. Each item is the JSON Pointer of a member;
//! the form renders it (and everything below it) from the service model table, so the
//! controls, labels, help and defaults all come from `automl_rules::model`.
//!
//! A [`Layout`] is data for one operation: its request shape and its sections. The
//! components take the layout from the editor ([`super::editor::Editor::layout`]), so a
//! second operation (CreateAutoMLJobV2) is a second table like [`CREATE_AUTO_ML_JOB`], not
//! a second set of components.

use automl_rules::model::{
    self, Kind, Shape, CREATE_AUTO_ML_JOB_REQUEST, CREATE_AUTO_ML_JOB_V2_REQUEST,
};

use automl_rules::json::Value;

use leptos::prelude::AnyView;

use super::api::Api;
use super::draft::{self, child, Draft, KEPT_WHEN_EMPTY};
use super::editor::Editor;

/// How the form of one operation is laid out.
#[derive(Debug)]
pub struct Layout {
    /// The operation.
    pub api: Api,
    /// The operation's request, from the model table.
    pub request: &'static Shape,
    /// The sections, in the order a person fills them in.
    pub sections: &'static [Section],
}

/// One section of the form.
#[derive(Debug)]
pub struct Section {
    /// Stable id, used in element ids.
    pub id: &'static str,
    pub title: &'static str,
    /// One line under the title.
    pub intro: &'static str,
    /// The members the section edits, as pointers (no list indexes).
    pub items: &'static [&'static str],
    /// Whether the section starts open on an empty request.
    pub open: bool,
    /// Whether each item of its list is a form of its own (the tags), rather than the whole
    /// section being one form.
    ///
    /// Each section's fields are a form of their own (each tag's, in the Tags section):
    /// after every keystroke Chromium's autofill looks over each control of the form that
    /// holds the field, forcing a style and layout update per control — on a request with 50
    /// tags and every section open, one form of 347 controls cost several milliseconds before
    /// the next frame. Within a form, a phone keyboard's Next still moves from field to field.
    pub form_per_item: bool,
    /// A union (exactly one member set) the section chooses the member of, with a radio
    /// group: V2's problem type.
    pub union: Option<Union>,
    /// The section is on the page only while this member is in the request: the settings
    /// of one problem type, shown once it is chosen.
    pub when: Option<&'static str>,
}

/// A union a section chooses the member of: where it is, and the control that chooses it.
///
/// The layout names the control (the form's radio group) rather than the form drawing one
/// for any section with a union, so only a layout with a union links its code: V2's, which
/// the release page fetches on demand with V2's tables (see [`super::api`]), takes the
/// control's code into that chunk, and a first visit (a V1 draft) does not load it.
#[derive(Debug)]
pub struct Union {
    /// The union's pointer.
    pub at: &'static str,
    /// Draws the choice of its member ([`crate::components::form::union_choice`]).
    pub choice: fn(Editor, &'static str) -> AnyView,
}

/// A section with nothing special: no union to choose, always on the page.
const fn section(
    id: &'static str,
    title: &'static str,
    intro: &'static str,
    items: &'static [&'static str],
    open: bool,
) -> Section {
    Section {
        id,
        title,
        intro,
        items,
        open,
        form_per_item: false,
        union: None,
        when: None,
    }
}

/// The form of `CreateAutoMLJob`: the request's members grouped the way a person thinks
/// about a job.
pub static CREATE_AUTO_ML_JOB: Layout = Layout {
    api: Api::V1,
    request: &CREATE_AUTO_ML_JOB_REQUEST,
    sections: &[
        Section {
            id: "name",
            title: "Name and role",
            intro: "What the job is called and the IAM role it runs as.",
            items: &["/AutoMLJobName", "/RoleArn"],
            open: true,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "data",
            title: "Data",
            intro: "Where the training data is, and the column to predict.",
            items: &["/InputDataConfig"],
            open: true,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "output",
            title: "Output",
            intro: "Where Autopilot writes the candidates, reports and models.",
            items: &[
                "/OutputDataConfig/S3OutputPath",
                "/OutputDataConfig/KmsKeyId",
            ],
            open: true,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "problem",
            title: "Problem and objective",
            intro: "What kind of prediction, and the metric that ranks the candidates.",
            items: &["/ProblemType", "/AutoMLJobObjective/MetricName"],
            open: true,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "limits",
            title: "Limits",
            intro:
                "How many candidates and how much time the job may use, and the validation split.",
            items: &[
                "/AutoMLJobConfig/CompletionCriteria/MaxCandidates",
                "/AutoMLJobConfig/CompletionCriteria/MaxRuntimePerTrainingJobInSeconds",
                "/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds",
                "/AutoMLJobConfig/DataSplitConfig/ValidationFraction",
            ],
            open: false,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "security",
            title: "Security",
            intro: "Encryption of volumes and traffic, and the VPC the training runs in.",
            items: &[
                "/AutoMLJobConfig/SecurityConfig/VolumeKmsKeyId",
                "/AutoMLJobConfig/SecurityConfig/EnableInterContainerTrafficEncryption",
                "/AutoMLJobConfig/SecurityConfig/VpcConfig",
            ],
            open: false,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "candidates",
            title: "Candidates and mode",
            intro: "How candidates are trained, and which features and algorithms they may use.",
            items: &[
                "/AutoMLJobConfig/Mode",
                "/GenerateCandidateDefinitionsOnly",
                "/AutoMLJobConfig/CandidateGenerationConfig/FeatureSpecificationS3Uri",
                "/AutoMLJobConfig/CandidateGenerationConfig/AlgorithmsConfig",
            ],
            open: false,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "deployment",
            title: "Deployment",
            intro: "Deploy the best candidate to an endpoint when the job ends.",
            items: &[
                "/ModelDeployConfig/AutoGenerateEndpointName",
                "/ModelDeployConfig/EndpointName",
            ],
            open: false,
            form_per_item: false,
            union: None,
            when: None,
        },
        Section {
            id: "tags",
            title: "Tags",
            intro: "Key-value pairs attached to the job.",
            items: &["/Tags"],
            open: false,
            form_per_item: true,
            union: None,
            when: None,
        },
    ],
};

/// Where V2's problem types are: the union the "Problem type" section chooses in.
pub const PROBLEM_TYPE_CONFIG: &str = "/AutoMLProblemTypeConfig";

/// The five problem types of `CreateAutoMLJobV2` (members of `AutoMLProblemTypeConfig`),
/// in the order the page offers them, each with its label and one line of what it is for
/// (from the developer guide's "Create a regression or classification job …", "… time-series
/// forecasting …", "… image classification …", "… text classification …" and "Fine-tune
/// large language models (LLMs) using AutoML" pages:
/// <https://docs.aws.amazon.com/sagemaker/latest/dg/autopilot-create-experiment.html>).
pub const PROBLEM_TYPES: [(&str, &str, &str); 5] = [
    (
        "TabularJobConfig",
        "Tabular",
        "Regression or classification of rows of a CSV or Parquet table.",
    ),
    (
        "TimeSeriesForecastingJobConfig",
        "Time-series forecasting",
        "Future values of one or more series, from their history.",
    ),
    (
        "ImageClassificationJobConfig",
        "Image classification",
        "A label for each image.",
    ),
    (
        "TextClassificationJobConfig",
        "Text classification",
        "A label for each text, from a CSV or Parquet table.",
    ),
    (
        "TextGenerationJobConfig",
        "Text generation",
        "Fine-tune a large language model on your prompts and answers.",
    ),
];

/// The form of `CreateAutoMLJobV2`: the same sections a person thinks in as V1's, with the
/// problem type chosen first and only its settings shown
/// (<https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html>).
pub static CREATE_AUTO_ML_JOB_V2: Layout = Layout {
    api: Api::V2,
    request: &CREATE_AUTO_ML_JOB_V2_REQUEST,
    sections: &[
        section(
            "name",
            "Name and role",
            "What the job is called and the IAM role it runs as.",
            &["/AutoMLJobName", "/RoleArn"],
            true,
        ),
        section(
            "data",
            "Data",
            "Where the training data is (one training channel, at most one validation channel), and how much is held out.",
            &["/AutoMLJobInputDataConfig", "/DataSplitConfig/ValidationFraction"],
            true,
        ),
        section(
            "output",
            "Output",
            "Where Autopilot writes the candidates, reports and models.",
            &[
                "/OutputDataConfig/S3OutputPath",
                "/OutputDataConfig/KmsKeyId",
            ],
            true,
        ),
        Section {
            id: "problem",
            title: "Problem type",
            intro: "What the job learns; only the settings of the chosen type are shown.",
            items: &[],
            open: true,
            form_per_item: false,
            union: Some(Union {
                at: PROBLEM_TYPE_CONFIG,
                choice: crate::components::form::union_choice,
            }),
            when: None,
        },
        Section {
            id: "tabular",
            title: "Tabular settings",
            intro: "The column to predict, the kind of prediction, limits and candidates.",
            items: &[
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName",
                "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType",
                "/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName",
                "/AutoMLProblemTypeConfig/TabularJobConfig/CompletionCriteria",
                "/AutoMLProblemTypeConfig/TabularJobConfig/Mode",
                "/AutoMLProblemTypeConfig/TabularJobConfig/FeatureSpecificationS3Uri",
                "/AutoMLProblemTypeConfig/TabularJobConfig/GenerateCandidateDefinitionsOnly",
                "/AutoMLProblemTypeConfig/TabularJobConfig/CandidateGenerationConfig/AlgorithmsConfig",
            ],
            open: true,
            form_per_item: false,
            union: None,
            when: Some("/AutoMLProblemTypeConfig/TabularJobConfig"),
        },
        Section {
            id: "time-series",
            title: "Time-series forecasting settings",
            intro: "The columns of the series, how far and how often to forecast, and limits.",
            items: &[
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/ForecastFrequency",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/ForecastHorizon",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/ForecastQuantiles",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/Transformations",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/HolidayConfig",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/CompletionCriteria",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/FeatureSpecificationS3Uri",
                "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/CandidateGenerationConfig/AlgorithmsConfig",
            ],
            open: true,
            form_per_item: false,
            union: None,
            when: Some("/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig"),
        },
        Section {
            id: "image",
            title: "Image classification settings",
            intro: "How many candidates and how much time the job may use.",
            items: &["/AutoMLProblemTypeConfig/ImageClassificationJobConfig/CompletionCriteria"],
            open: true,
            form_per_item: false,
            union: None,
            when: Some("/AutoMLProblemTypeConfig/ImageClassificationJobConfig"),
        },
        Section {
            id: "text",
            title: "Text classification settings",
            intro: "The column holding the text, the column holding its label, and limits.",
            items: &[
                "/AutoMLProblemTypeConfig/TextClassificationJobConfig/ContentColumn",
                "/AutoMLProblemTypeConfig/TextClassificationJobConfig/TargetLabelColumn",
                "/AutoMLProblemTypeConfig/TextClassificationJobConfig/CompletionCriteria",
            ],
            open: true,
            form_per_item: false,
            union: None,
            when: Some("/AutoMLProblemTypeConfig/TextClassificationJobConfig"),
        },
        Section {
            id: "text-generation",
            title: "Text generation settings",
            intro: "The model to fine-tune, its hyperparameters, its licence, and limits.",
            items: &[
                "/AutoMLProblemTypeConfig/TextGenerationJobConfig/BaseModelName",
                "/AutoMLProblemTypeConfig/TextGenerationJobConfig/TextGenerationHyperParameters",
                "/AutoMLProblemTypeConfig/TextGenerationJobConfig/ModelAccessConfig",
                "/AutoMLProblemTypeConfig/TextGenerationJobConfig/CompletionCriteria",
            ],
            open: true,
            form_per_item: false,
            union: None,
            when: Some("/AutoMLProblemTypeConfig/TextGenerationJobConfig"),
        },
        section(
            "objective",
            "Objective",
            "The metric that ranks the candidates; it must suit the problem type.",
            &["/AutoMLJobObjective/MetricName"],
            true,
        ),
        section(
            "security",
            "Security",
            "Encryption of volumes and traffic, and the VPC the training runs in.",
            &[
                "/SecurityConfig/VolumeKmsKeyId",
                "/SecurityConfig/EnableInterContainerTrafficEncryption",
                "/SecurityConfig/VpcConfig",
            ],
            false,
        ),
        section(
            "compute",
            "Compute",
            "Where a large tabular or time-series job runs: EMR Serverless, with its own role.",
            &["/AutoMLComputeConfig/EmrServerlessComputeConfig/ExecutionRoleARN"],
            false,
        ),
        section(
            "deployment",
            "Deployment",
            "Deploy the best candidate to an endpoint when the job ends.",
            &[
                "/ModelDeployConfig/AutoGenerateEndpointName",
                "/ModelDeployConfig/EndpointName",
            ],
            false,
        ),
        Section {
            id: "tags",
            title: "Tags",
            intro: "Key-value pairs attached to the job.",
            items: &["/Tags"],
            open: false,
            form_per_item: true,
            union: None,
            when: None,
        },
    ],
};

/// Whether `pointer` is `prefix` or below it.
pub fn is_within(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// Drops list indexes from a pointer: `/InputDataConfig/1/ContentType` →
/// `/InputDataConfig/ContentType`, for matching against section items.
fn without_indexes(pointer: &str) -> String {
    pointer
        .split('/')
        .filter(|t| t.parse::<usize>().is_err())
        .collect::<Vec<_>>()
        .join("/")
}

impl Layout {
    /// The section that edits `pointer`, if any.
    pub fn section_of(&self, pointer: &str) -> Option<&'static Section> {
        let bare = without_indexes(pointer);
        self.sections
            .iter()
            .find(|s| s.items.iter().any(|item| is_within(&bare, item)))
            .or_else(|| {
                self.sections
                    .iter()
                    .find(|s| s.when.is_some_and(|w| is_within(&bare, w)))
            })
            .or_else(|| {
                self.sections
                    .iter()
                    .find(|s| s.union.as_ref().is_some_and(|u| is_within(&bare, u.at)))
            })
    }

    /// The shape a pointer into this layout's request edits.
    pub fn shape_at(&self, pointer: &str) -> Option<&'static Shape> {
        model::shape_in(self.request, pointer)
    }

    /// Where the field (or group) at `pointer` comes on the page, for listing findings in
    /// the order a person meets them: its section, its item in the section, then members in
    /// the order the form shows them (the model's) and list items by index. The request
    /// itself comes first; members the form does not know come last.
    pub fn form_order(&self, pointer: &str) -> (usize, usize, Vec<usize>) {
        if pointer.is_empty() {
            return (0, 0, Vec::new());
        }
        let bare = without_indexes(pointer);
        let place = self.sections.iter().enumerate().find_map(|(i, s)| {
            s.items
                .iter()
                .position(|item| is_within(&bare, item) || is_within(item, &bare))
                .map(|j| (i + 1, j))
        });
        let place = place.or_else(|| {
            let s = self.section_of(pointer)?;
            let i = self.sections.iter().position(|t| std::ptr::eq(t, s))?;
            Some((i + 1, 0))
        });
        let (section, item) = place.unwrap_or((usize::MAX, 0));
        let mut ranks = Vec::new();
        let mut shape: Option<&'static Shape> = Some(self.request);
        for token in pointer.split('/').skip(1) {
            let (rank, next) = match shape.map(|s| &s.kind) {
                Some(Kind::Structure { members }) => {
                    match members.iter().position(|m| m.name == token) {
                        Some(i) => (i, Some(members[i].shape)),
                        None => (usize::MAX, None),
                    }
                }
                Some(Kind::List { member, .. }) => {
                    (token.parse().unwrap_or(usize::MAX), Some(*member))
                }
                _ => (usize::MAX, None),
            };
            ranks.push(rank);
            shape = next;
        }
        (section, item, ranks)
    }

    /// Every member a request can have, as pointers with `/0` for list items, depth first.
    pub fn all_member_pointers(&self) -> Vec<String> {
        fn walk(shape: &'static Shape, at: String, out: &mut Vec<String>) {
            match &shape.kind {
                Kind::Structure { members } => {
                    for m in *members {
                        let p = format!("{at}/{}", m.name);
                        out.push(p.clone());
                        walk(m.shape, p, out);
                    }
                }
                Kind::List { member, .. } => walk(member, format!("{at}/0"), out),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(self.request, String::new(), &mut out);
        out
    }
}

/// How many rows a list without a maximum in the model draws (every list of
/// `CreateAutoMLJob` has one; a second operation may not).
pub const UNBOUNDED_ROWS: usize = 100;

/// How many of a list's items the form draws as rows: the model's maximum (items after it
/// cannot be sent), else the first [`UNBOUNDED_ROWS`]. The rest stay in the draft, the
/// exports and the check, and are one row that counts them and offers to remove them:
/// drawing every item of an imported list of 60,000 tags froze the page for good.
pub fn rows_drawn(max: Option<usize>) -> usize {
    max.unwrap_or(UNBOUNDED_ROWS)
}

/// Whether a structure's members are shown directly in its parent, without a box of its own:
/// single-member structures (a channel's data source, an algorithms config) add nothing a
/// person needs to see.
pub fn is_transparent(shape: &Shape) -> bool {
    shape.name == "AutoMLS3DataSource"
        || matches!(shape.kind, Kind::Structure { members } if members.len() == 1)
}

/// Whether the member at `pointer` must be set for `draft` to be accepted, as the model
/// says: it is required in its structure, and that structure is in the request whether or
/// not this member is set — the request itself, a list item, a structure that holds
/// something else (or is there empty, or stays when emptied, as the VPC does), or one that
/// is required itself.
///
/// A structure that is there only because of this member is not enough: clearing the
/// member removes it (see [`Draft::remove`]). Regression: once an objective metric was
/// chosen, `AutoMLJobObjective` was there and its `MetricName` turned "required", while its
/// help says the service chooses one when it is left unset (and clearing it is allowed).
pub fn is_required(pointer: &str, draft: &Draft) -> bool {
    let Some(def) = draft.api.member_at(pointer) else {
        return false;
    };
    if !def.required {
        return false;
    }
    let parent = draft::parent(pointer);
    if parent.is_empty() || draft.api.member_at(parent).is_none() {
        return true; // the request, or a list item
    }
    stays_without(parent, pointer, draft) || is_required(parent, draft)
}

/// Whether the structure at `parent` stays in `draft` when the member at `pointer` is
/// cleared.
fn stays_without(parent: &str, pointer: &str, draft: &Draft) -> bool {
    let Some(node) = draft.get(parent) else {
        return false;
    };
    let key = draft::tokens(pointer).pop().unwrap_or_default();
    match &node.value {
        Value::Object(members) => {
            members.is_empty()
                || members.iter().any(|m| m.key != key)
                || KEPT_WHEN_EMPTY.contains(&parent)
        }
        // Not a structure at all: the rules say so; the member is still asked for.
        _ => true,
    }
}

/// Whether the value at `pointer` is a scalar (gets one control).
pub fn is_scalar(api: Api, pointer: &str) -> bool {
    matches!(
        api.shape_at(pointer).map(|s| &s.kind),
        Some(Kind::String { .. } | Kind::Integer { .. } | Kind::Float { .. } | Kind::Boolean)
    )
}

/// The pointer of the structure member whose help and label describe `pointer` (list items
/// take their list's).
pub fn describing_member(api: Api, pointer: &str) -> Option<&'static model::MemberDef> {
    api.member_at(pointer).or_else(|| {
        let (list, _) = pointer.rsplit_once('/')?;
        api.member_at(list)
    })
}

/// The id of the control (or group) that edits `pointer`.
pub fn field_id(pointer: &str) -> String {
    format!("field:{pointer}")
}

/// The id of the help line under the field at `pointer`.
pub fn help_id(pointer: &str) -> String {
    format!("help:{pointer}")
}

/// The id of the list of findings under the field at `pointer`.
pub fn messages_id(pointer: &str) -> String {
    format!("messages:{pointer}")
}

/// The pointer of the first control inside an item.
pub fn first_control(item: &str, shape: &'static Shape) -> String {
    match &shape.kind {
        Kind::Structure { members } => match members.first() {
            Some(m) => first_control(&child(item, m.name), m.shape),
            None => item.to_string(),
        },
        _ => item.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every member of the request is editable in exactly one section, and every section
    /// item is a real member: the form cannot drift from the model table.
    #[test]
    fn every_member_has_exactly_one_place() {
        for layout in [&CREATE_AUTO_ML_JOB, &CREATE_AUTO_ML_JOB_V2] {
            let api = layout.api;
            for item in layout.sections.iter().flat_map(|s| s.items) {
                assert!(api.shape_at(item).is_some(), "{item} is not a member");
            }
            for pointer in layout.all_member_pointers() {
                if !is_scalar(api, &pointer)
                    && !matches!(
                        api.shape_at(&pointer).map(|s| &s.kind),
                        Some(Kind::List { .. } | Kind::Map { .. })
                    )
                {
                    continue; // structures are containers, their members are checked
                }
                let bare = without_indexes(&pointer);
                let places: Vec<_> = layout
                    .sections
                    .iter()
                    .flat_map(|s| s.items)
                    .filter(|item| is_within(&bare, item))
                    .collect();
                assert_eq!(places.len(), 1, "{pointer} is edited in {places:?}");
            }
        }
        // Each problem type has its section, shown while it is chosen.
        for (member, ..) in PROBLEM_TYPES {
            let at = child(PROBLEM_TYPE_CONFIG, member);
            let section = CREATE_AUTO_ML_JOB_V2.section_of(&at).unwrap();
            assert_eq!(section.when, Some(at.as_str()));
        }
        assert_eq!(
            CREATE_AUTO_ML_JOB_V2
                .section_of(PROBLEM_TYPE_CONFIG)
                .unwrap()
                .id,
            "problem"
        );
        let names: Vec<&str> = Api::V2
            .shape_at(PROBLEM_TYPE_CONFIG)
            .unwrap()
            .members()
            .iter()
            .map(|m| m.name)
            .collect();
        let mut ours: Vec<&str> = PROBLEM_TYPES.iter().map(|p| p.0).collect();
        ours.sort_unstable();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(ours, sorted, "every member of the union, and no other");
    }

    #[test]
    fn form_order_is_the_order_of_the_page() {
        let on_page = [
            "",
            "/AutoMLJobName",
            "/RoleArn",
            "/InputDataConfig",
            "/InputDataConfig/0",
            "/InputDataConfig/0/DataSource/S3DataSource/S3Uri",
            "/InputDataConfig/0/TargetAttributeName",
            "/InputDataConfig/1/DataSource/S3DataSource/S3Uri",
            "/OutputDataConfig/S3OutputPath",
            "/ProblemType",
            "/AutoMLJobObjective/MetricName",
            "/AutoMLJobConfig/CompletionCriteria/MaxCandidates",
            "/Tags/0/Key",
            "/Tags/1/Key",
            "/autoMLJobName",
        ];
        let mut sorted = on_page.to_vec();
        sorted.reverse();
        sorted.sort_by_key(|p| CREATE_AUTO_ML_JOB.form_order(p));
        assert_eq!(sorted, on_page);
    }

    #[test]
    fn pointers_find_their_section() {
        assert_eq!(
            CREATE_AUTO_ML_JOB.section_of("/AutoMLJobName").unwrap().id,
            "name"
        );
        assert_eq!(
            CREATE_AUTO_ML_JOB
                .section_of("/InputDataConfig/1/DataSource/S3DataSource/S3Uri")
                .unwrap()
                .id,
            "data"
        );
        assert_eq!(
            CREATE_AUTO_ML_JOB.section_of("/Tags/49/Key").unwrap().id,
            "tags"
        );
        assert_eq!(
            CREATE_AUTO_ML_JOB
                .section_of("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets/3")
                .unwrap()
                .id,
            "security"
        );
        assert!(CREATE_AUTO_ML_JOB.section_of("/AutoMLJobConfig").is_none());
        assert!(CREATE_AUTO_ML_JOB.section_of("/AutoMLJobNameX").is_none());
    }

    #[test]
    fn required_means_required_where_the_member_is() {
        let parse = |t: &str| Draft::from_node(automl_rules::json::parse(t).unwrap()).unwrap();
        let empty = parse("{}");
        assert!(is_required("/AutoMLJobName", &empty));
        assert!(is_required("/OutputDataConfig/S3OutputPath", &empty));
        assert!(!is_required("/OutputDataConfig/KmsKeyId", &empty));
        assert!(is_required("/Tags/3/Key", &empty));
        assert!(is_required(
            "/InputDataConfig/0/DataSource/S3DataSource/S3Uri",
            &Draft::new()
        ));
        // The objective is optional: its metric is required only when the objective is
        // there without it (imported empty), not because the metric itself put it there.
        let metric = "/AutoMLJobObjective/MetricName";
        assert!(!is_required(metric, &empty));
        let chosen = parse(r#"{"AutoMLJobObjective":{"MetricName":"F1"}}"#);
        assert!(
            !is_required(metric, &chosen),
            "chosen, it is still optional: clearing it removes the objective"
        );
        assert!(is_required(metric, &parse(r#"{"AutoMLJobObjective":{}}"#)));
        assert!(is_required(
            metric,
            &parse(r#"{"AutoMLJobObjective":{"MetricName":"F1","Extra":1}}"#)
        ));
        // A VPC, once added, stays when emptied: both its lists are required.
        let mut vpc = Draft::new();
        vpc.push_item("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets");
        let subnets = "/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets";
        assert!(is_required(subnets, &vpc));
        assert!(is_required(
            "/AutoMLJobConfig/SecurityConfig/VpcConfig/SecurityGroupIds",
            &vpc
        ));
        assert!(!is_required(subnets, &empty));
    }

    #[test]
    fn list_items_are_described_by_their_list() {
        assert_eq!(
            describing_member(
                Api::V1,
                "/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets/2"
            )
            .unwrap()
            .name,
            "Subnets"
        );
        assert_eq!(
            describing_member(Api::V1, "/Tags/0/Key").unwrap().name,
            "Key"
        );
    }

    #[test]
    fn only_the_tags_are_a_form_per_item_and_items_start_at_their_first_control() {
        let per_item: Vec<_> = CREATE_AUTO_ML_JOB
            .sections
            .iter()
            .filter(|s| s.form_per_item)
            .map(|s| s.id)
            .collect();
        assert_eq!(per_item, ["tags"]);
        assert_eq!(
            first_control(
                "/InputDataConfig/1",
                model::shape_at("/InputDataConfig/1").unwrap()
            ),
            "/InputDataConfig/1/DataSource/S3DataSource/S3DataType"
        );
        assert_eq!(field_id("/Tags/0/Key"), "field:/Tags/0/Key");
    }
}
