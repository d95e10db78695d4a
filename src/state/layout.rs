//! How the form is laid out: the request's members grouped the way a person thinks about a
//! job, rather than the way the API nests them. Each item is the JSON Pointer of a member;
//! the form renders it (and everything below it) from the service model table, so the
//! controls, labels, help and defaults all come from `automl_rules::model`.

use automl_rules::model::{self, Kind, Shape, CREATE_AUTO_ML_JOB_REQUEST};

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
}

/// The sections, in the order a person fills them in.
pub static SECTIONS: &[Section] = &[
    Section {
        id: "name",
        title: "Name and role",
        intro: "What the job is called and the IAM role it runs as.",
        items: &["/AutoMLJobName", "/RoleArn"],
        open: true,
    },
    Section {
        id: "data",
        title: "Data",
        intro: "Where the training data is, and the column to predict.",
        items: &["/InputDataConfig"],
        open: true,
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
    },
    Section {
        id: "problem",
        title: "Problem and objective",
        intro: "What kind of prediction, and the metric that ranks the candidates.",
        items: &["/ProblemType", "/AutoMLJobObjective/MetricName"],
        open: true,
    },
    Section {
        id: "limits",
        title: "Limits",
        intro: "How many candidates and how much time the job may use, and the validation split.",
        items: &[
            "/AutoMLJobConfig/CompletionCriteria/MaxCandidates",
            "/AutoMLJobConfig/CompletionCriteria/MaxRuntimePerTrainingJobInSeconds",
            "/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds",
            "/AutoMLJobConfig/DataSplitConfig/ValidationFraction",
        ],
        open: false,
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
    },
    Section {
        id: "tags",
        title: "Tags",
        intro: "Key-value pairs attached to the job.",
        items: &["/Tags"],
        open: false,
    },
];

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

/// The section that edits `pointer`, if any.
pub fn section_of(pointer: &str) -> Option<&'static Section> {
    let bare = without_indexes(pointer);
    SECTIONS
        .iter()
        .find(|s| s.items.iter().any(|item| is_within(&bare, item)))
}

/// Where the field (or group) at `pointer` comes on the page, for listing findings in the
/// order a person meets them: its section, its item in the section, then members in the
/// order the form shows them (the model's) and list items by index. The request itself
/// comes first; members the form does not know come last.
pub fn form_order(pointer: &str) -> (usize, usize, Vec<usize>) {
    if pointer.is_empty() {
        return (0, 0, Vec::new());
    }
    let bare = without_indexes(pointer);
    let place = SECTIONS.iter().enumerate().find_map(|(i, s)| {
        s.items
            .iter()
            .position(|item| is_within(&bare, item) || is_within(item, &bare))
            .map(|j| (i + 1, j))
    });
    let (section, item) = place.unwrap_or((usize::MAX, 0));
    let mut ranks = Vec::new();
    let mut shape: Option<&'static Shape> = Some(&CREATE_AUTO_ML_JOB_REQUEST);
    for token in pointer.split('/').skip(1) {
        let (rank, next) = match shape.map(|s| &s.kind) {
            Some(Kind::Structure { members }) => match members.iter().position(|m| m.name == token)
            {
                Some(i) => (i, Some(members[i].shape)),
                None => (usize::MAX, None),
            },
            Some(Kind::List { member, .. }) => (token.parse().unwrap_or(usize::MAX), Some(*member)),
            _ => (usize::MAX, None),
        };
        ranks.push(rank);
        shape = next;
    }
    (section, item, ranks)
}

/// Whether a structure's members are shown directly in its parent, without a box of its own:
/// single-member structures (a channel's data source, an algorithms config) add nothing a
/// person needs to see.
pub fn is_transparent(shape: &Shape) -> bool {
    shape.name == "AutoMLS3DataSource"
        || matches!(shape.kind, Kind::Structure { members } if members.len() == 1)
}

/// Whether the member at `pointer` must be set for the request to be accepted, as far as
/// the form can tell: it is required in its structure, and that structure is the request,
/// a list item, required itself, or already there (`present`).
pub fn is_required(pointer: &str, present: impl Fn(&str) -> bool) -> bool {
    let Some(def) = model::member_at(pointer) else {
        return false;
    };
    if !def.required {
        return false;
    }
    let parent = pointer.rsplit_once('/').map_or("", |(p, _)| p);
    if parent.is_empty() || present(parent) {
        return true;
    }
    match model::member_at(parent) {
        Some(_) => is_required(parent, present),
        None => true, // a list item
    }
}

/// Every member a request can have, as pointers with `/0` for list items, depth first.
pub fn all_member_pointers() -> Vec<String> {
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
    walk(&CREATE_AUTO_ML_JOB_REQUEST, String::new(), &mut out);
    out
}

/// Whether the value at `pointer` is a scalar (gets one control).
pub fn is_scalar(pointer: &str) -> bool {
    matches!(
        model::shape_at(pointer).map(|s| &s.kind),
        Some(Kind::String { .. } | Kind::Integer { .. } | Kind::Float { .. } | Kind::Boolean)
    )
}

/// The pointer of the structure member whose help and label describe `pointer` (list items
/// take their list's).
pub fn describing_member(pointer: &str) -> Option<&'static model::MemberDef> {
    model::member_at(pointer).or_else(|| {
        let (list, _) = pointer.rsplit_once('/')?;
        model::member_at(list)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every member of the request is editable in exactly one section, and every section
    /// item is a real member: the form cannot drift from the model table.
    #[test]
    fn every_member_has_exactly_one_place() {
        for item in SECTIONS.iter().flat_map(|s| s.items) {
            assert!(model::shape_at(item).is_some(), "{item} is not a member");
        }
        for pointer in all_member_pointers() {
            if !is_scalar(&pointer)
                && !matches!(
                    model::shape_at(&pointer).map(|s| &s.kind),
                    Some(Kind::List { .. })
                )
            {
                continue; // structures are containers, their members are checked
            }
            let bare = without_indexes(&pointer);
            let places: Vec<_> = SECTIONS
                .iter()
                .flat_map(|s| s.items)
                .filter(|item| is_within(&bare, item))
                .collect();
            assert_eq!(places.len(), 1, "{pointer} is edited in {places:?}");
        }
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
        sorted.sort_by_key(|p| form_order(p));
        assert_eq!(sorted, on_page);
    }

    #[test]
    fn pointers_find_their_section() {
        assert_eq!(section_of("/AutoMLJobName").unwrap().id, "name");
        assert_eq!(
            section_of("/InputDataConfig/1/DataSource/S3DataSource/S3Uri")
                .unwrap()
                .id,
            "data"
        );
        assert_eq!(section_of("/Tags/49/Key").unwrap().id, "tags");
        assert_eq!(
            section_of("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets/3")
                .unwrap()
                .id,
            "security"
        );
        assert!(section_of("/AutoMLJobConfig").is_none());
        assert!(section_of("/AutoMLJobNameX").is_none());
    }

    #[test]
    fn required_means_required_where_the_member_is() {
        let nothing = |_: &str| false;
        assert!(is_required("/AutoMLJobName", nothing));
        assert!(is_required("/OutputDataConfig/S3OutputPath", nothing));
        assert!(!is_required("/OutputDataConfig/KmsKeyId", nothing));
        // The objective is optional: its metric is required only once it is there.
        assert!(!is_required("/AutoMLJobObjective/MetricName", nothing));
        assert!(is_required("/AutoMLJobObjective/MetricName", |p| p
            == "/AutoMLJobObjective"));
        assert!(is_required("/Tags/3/Key", nothing));
        assert!(is_required(
            "/InputDataConfig/0/DataSource/S3DataSource/S3Uri",
            |p| p == "/InputDataConfig/0/DataSource/S3DataSource"
        ));
    }

    #[test]
    fn list_items_are_described_by_their_list() {
        assert_eq!(
            describing_member("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets/2")
                .unwrap()
                .name,
            "Subnets"
        );
        assert_eq!(describing_member("/Tags/0/Key").unwrap().name, "Key");
    }
}
