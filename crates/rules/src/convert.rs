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

use std::collections::HashMap;

use crate::detect::detect;
use crate::json::{escape_pointer_token, Member, Node, Span, Value};
use crate::model::{shape_in, Kind, Shape};
use crate::operation::{Operation, CREATE_AUTO_ML_JOB_V2};

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
    let mut walk = Walk {
        from,
        to,
        to_v2,
        out: Node::new(Value::Null),
        placed: HashMap::new(),
        deferred: Vec::new(),
        moved: Vec::new(),
        left_out: Vec::new(),
        unknown: Vec::new(),
    };
    walk.visit(request, &mut Vec::new(), None);
    walk.fan_out();
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
        lines.extend(
            self.moved
                .iter()
                .map(|m| format!("moved {} to {}", shown(&m.from), shown(&m.to))),
        );
        lines.extend(
            self.left_out
                .iter()
                .map(|l| format!("left out {}: {}", shown(&l.pointer), l.why)),
        );
        lines.extend(self.unknown.iter().map(|m| {
            format!(
                "carried {} to {}: neither API has this member (check its spelling)",
                shown(&m.from),
                shown(&m.to)
            )
        }));
        lines
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

/// A value in a message: its compact JSON, cut after 60 characters.
fn short(node: &Node) -> String {
    let text = crate::json::to_compact(node);
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

struct Walk {
    from: &'static Operation,
    to: &'static Operation,
    to_v2: bool,
    out: Node,
    /// The source pointer of the first value placed at each target pointer, to name a clash.
    placed: HashMap<String, String>,
    /// Values bound for every channel (the V2 target column going to V1): (target tokens with
    /// `*`, value, source pointer), placed once the channels are.
    deferred: Vec<(Vec<String>, Node, String)>,
    moved: Vec<Moved>,
    left_out: Vec<LeftOut>,
    unknown: Vec<Moved>,
}

impl Walk {
    fn leave_out(&mut self, pointer: String, why: impl Into<String>) {
        self.left_out.push(LeftOut {
            pointer,
            why: why.into(),
        });
    }

    /// Places `node` (at `src` in the input); `parent_place` is the [`PLACES`] index its
    /// parent moved by, so a member that moves with its parent is not listed again.
    fn visit(&mut self, node: &Node, src: &mut Vec<String>, parent_place: Option<usize>) {
        let pointer = to_pointer(src);
        if !self.to_v2 {
            if let Some(why) = no_place_in_v1(src) {
                self.leave_out(pointer, why);
                return;
            }
        }
        let opens = holds_places(src, self.to_v2);
        match rewrite(src, self.to_v2) {
            Some((place, target)) => {
                // A member that moves with its parent is not listed again; a structure opened
                // here is listed by its members (they go to different places); a value bound
                // for every channel is listed channel by channel.
                let opened_structure = opens && node.as_object().is_some_and(|m| !m.is_empty());
                if target != *src
                    && parent_place != Some(place)
                    && !opened_structure
                    && !target.iter().any(|t| t == "*")
                {
                    self.moved.push(Moved {
                        from: pointer.clone(),
                        to: to_pointer(&target),
                    });
                }
                if opens {
                    self.open(node, src, &target, Some(place));
                } else {
                    self.place(node, &pointer, target);
                }
            }
            None if src.is_empty() => {
                if node.as_object().is_some() {
                    self.out = Node::new(Value::Object(Vec::new()));
                    self.open(node, src, &[], None);
                } else {
                    self.out = plain_copy(node);
                }
            }
            None if opens => {
                // AutoMLProblemTypeConfig converted to V1: only its tabular member has a place.
                if node.as_object().is_some() {
                    self.open(node, src, &[], None);
                } else {
                    self.leave_out(
                        pointer,
                        format!(
                            "it is {} {}, not an object: there is no problem type to convert",
                            article(node),
                            node.type_name()
                        ),
                    );
                }
            }
            None if src.len() > 1 && holds_places(&src[..src.len() - 1], self.to_v2) => {
                self.leave_out(
                    pointer,
                    format!(
                        "it is not a problem type of {}, so {} has no place for it",
                        self.from.name, self.to.name
                    ),
                );
            }
            None => {
                let target = src.clone();
                self.place(node, &pointer, target);
            }
        }
    }

    /// Opens a container that holds places: a list or a structure gets an empty container at
    /// `target` when its parent is a list (a channel keeps its index) or it is empty (so `{}`
    /// stays `{}`); its members are then placed one by one.
    fn open(
        &mut self,
        node: &Node,
        src: &mut Vec<String>,
        target: &[String],
        place: Option<usize>,
    ) {
        match &node.value {
            Value::Object(members) => {
                let in_list = src
                    .last()
                    .is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()) && !t.is_empty());
                if place.is_some()
                    && (in_list || members.is_empty())
                    && !self.put(
                        &to_pointer(src),
                        target,
                        Node::new(Value::Object(Vec::new())),
                    )
                {
                    return;
                }
                // Which members a later one of the same name overrides (JSON readers keep the
                // last), found in one pass from the end.
                let mut seen = std::collections::HashSet::new();
                let overridden: Vec<bool> = members
                    .iter()
                    .rev()
                    .map(|m| !seen.insert(m.key.as_str()))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                for (member, overridden) in members.iter().zip(overridden) {
                    src.push(member.key.clone());
                    if overridden {
                        self.leave_out(
                            to_pointer(src),
                            format!(
                                "{} is repeated in this object; JSON readers keep the last one, so this one is dropped",
                                member.key
                            ),
                        );
                    } else {
                        self.visit(&member.value, src, place);
                    }
                    src.pop();
                }
            }
            Value::Array(items) if place.is_some() => {
                if !self.put(
                    &to_pointer(src),
                    target,
                    Node::new(Value::Array(Vec::new())),
                ) {
                    return;
                }
                for (i, item) in items.iter().enumerate() {
                    src.push(i.to_string());
                    let mut item_target = target.to_vec();
                    item_target.push(i.to_string());
                    if item.as_object().is_some() {
                        self.open(item, src, &item_target, place);
                    } else {
                        let _ = self.put(&to_pointer(src), &item_target, plain_copy(item));
                    }
                    src.pop();
                }
            }
            _ => {
                // Not a container of the right kind: carried whole, so the target's check
                // names its type where the source's did.
                let pointer = to_pointer(src);
                self.place(node, &pointer, target.to_vec());
            }
        }
    }

    /// Places a whole value: checked member by member against the two models (what the target
    /// lacks is left out, what neither has is carried and named), then put at `target`.
    fn place(&mut self, node: &Node, pointer: &str, target: Vec<String>) {
        if target.iter().any(|t| t == "*") {
            self.deferred
                .push((target, plain_copy(node), pointer.to_string()));
            return;
        }
        let target_pointer = to_pointer(&target);
        if let Some((parent, key)) = target.split_last().map(|(k, p)| (p, k)) {
            let src_tokens = tokens(pointer).unwrap_or_default();
            let src_parent = src_tokens
                .split_last()
                .and_then(|(_, p)| shape_in(self.from.request, &to_pointer(p)));
            let dst_parent = shape_in(self.to.request, &to_pointer(parent));
            let in_structure = |shape: Option<&'static Shape>| {
                shape.and_then(|s| match s.kind {
                    Kind::Structure { .. } => Some(s.member(key).is_some()),
                    _ => None,
                })
            };
            match (in_structure(src_parent), in_structure(dst_parent)) {
                (Some(false), Some(false)) => self.unknown.push(Moved {
                    from: pointer.to_string(),
                    to: target_pointer.clone(),
                }),
                (Some(true), Some(false)) => {
                    self.leave_out(
                        pointer.to_string(),
                        format!(
                            "{} has no {key} in {}",
                            self.to.name,
                            dst_parent.map_or("", |s| s.name)
                        ),
                    );
                    return;
                }
                _ => {}
            }
        }
        let src_shape = shape_in(self.from.request, pointer);
        let dst_shape = shape_in(self.to.request, &target_pointer);
        let Some(fitted) = self.fit(node, src_shape, dst_shape, pointer, &target_pointer) else {
            return;
        };
        let _ = self.put(pointer, &target, fitted);
    }

    /// Puts `node` at `target` in the output, creating the objects on the way; a clash with a
    /// different value already there leaves this one out, naming the one kept.
    fn put(&mut self, pointer: &str, target: &[String], node: Node) -> bool {
        let target_pointer = to_pointer(target);
        match insert(&mut self.out, target, node) {
            Insert::Done | Insert::Same => {
                self.placed
                    .entry(target_pointer)
                    .or_insert_with(|| pointer.to_string());
                true
            }
            Insert::Occupied(kept, new) => {
                let from = self
                    .placed
                    .get(&target_pointer)
                    .cloned()
                    .unwrap_or_else(|| target_pointer.clone());
                self.leave_out(
                    pointer.to_string(),
                    format!(
                        "{} has one place for it, {}, which already holds {} from {}; this one is {}",
                        self.to.name,
                        target_pointer,
                        short(&kept),
                        from,
                        short(&new)
                    ),
                );
                false
            }
            Insert::Blocked => {
                self.leave_out(
                    pointer.to_string(),
                    format!("its place {target_pointer} is inside a value that is not an object"),
                );
                false
            }
        }
    }

    /// A copy of `node` without spans, with what the target's model lacks left out.
    fn fit(
        &mut self,
        node: &Node,
        src: Option<&'static Shape>,
        dst: Option<&'static Shape>,
        pointer: &str,
        target: &str,
    ) -> Option<Node> {
        let kind = |s: Option<&'static Shape>| s.map(|s| &s.kind);
        let value = match (&node.value, kind(dst)) {
            (Value::Object(members), Some(Kind::Structure { .. } | Kind::Map { .. })) => {
                let mut out = Vec::new();
                for member in members {
                    let key = escape_pointer_token(&member.key);
                    let (from, to) = (format!("{pointer}/{key}"), format!("{target}/{key}"));
                    let child = |s: Option<&'static Shape>| {
                        s.and_then(|s| match &s.kind {
                            Kind::Structure { .. } => s.member(&member.key).map(|m| m.shape),
                            Kind::Map { value, .. } => Some(*value),
                            _ => None,
                        })
                    };
                    let (s, d) = (child(src), child(dst));
                    if matches!(kind(dst), Some(Kind::Structure { .. })) && d.is_none() {
                        if s.is_some() {
                            let name = dst.map_or("", |s| s.name);
                            self.leave_out(
                                from,
                                format!("{} has no {} in {name}", self.to.name, member.key),
                            );
                            continue;
                        }
                        if matches!(kind(src), Some(Kind::Structure { .. }) | None) {
                            self.unknown.push(Moved {
                                from: from.clone(),
                                to: to.clone(),
                            });
                        }
                    }
                    if let Some(value) = self.fit(&member.value, s, d, &from, &to) {
                        out.push(Member {
                            key: member.key.clone(),
                            key_span: Span::default(),
                            value,
                        });
                    }
                }
                Value::Object(out)
            }
            (Value::Array(items), Some(Kind::List { member, .. })) => {
                let src_member = src.and_then(|s| match &s.kind {
                    Kind::List { member, .. } => Some(*member),
                    _ => None,
                });
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let (from, to) = (format!("{pointer}/{i}"), format!("{target}/{i}"));
                    // An item left out would shift the later ones: keep it as it is instead.
                    out.push(
                        self.fit(item, src_member, Some(member), &from, &to)
                            .unwrap_or_else(|| plain_copy(item)),
                    );
                }
                Value::Array(out)
            }
            (Value::String(s), Some(Kind::String { values, .. })) if !values.is_empty() => {
                let source_takes = src.is_some_and(|src| match &src.kind {
                    Kind::String { values, .. } => values.contains(&s.as_str()),
                    _ => false,
                });
                if source_takes && !values.contains(&s.as_str()) {
                    self.leave_out(
                        pointer.to_string(),
                        format!(
                            "{} does not take \"{s}\" here: {} is one of {}",
                            self.to.name,
                            dst.map_or("", |d| d.name),
                            values.join(", ")
                        ),
                    );
                    return None;
                }
                Value::String(s.clone())
            }
            _ => return Some(plain_copy(node)),
        };
        Some(Node::new(value))
    }

    /// Puts the values bound for every channel into each channel of the output, as far as the
    /// target's model allows channels.
    fn fan_out(&mut self) {
        for (target, node, pointer) in std::mem::take(&mut self.deferred) {
            let Some(star) = target.iter().position(|t| t == "*") else {
                continue;
            };
            let list = to_pointer(&target[..star]);
            let count = self
                .out
                .pointer(&list)
                .and_then(Node::as_array)
                .map_or(0, <[Node]>::len);
            let max = shape_in(self.to.request, &list)
                .and_then(|s| match s.kind {
                    Kind::List { max, .. } => max,
                    _ => None,
                })
                .map_or(count, |m| count.min(m as usize));
            if max == 0 {
                self.leave_out(
                    pointer,
                    format!(
                        "{} keeps it in each channel of {list}, and there is none",
                        self.to.name
                    ),
                );
                continue;
            }
            for i in 0..max {
                let mut at = target.clone();
                at[star] = i.to_string();
                let to = to_pointer(&at);
                let src_shape = shape_in(self.from.request, &pointer);
                let dst_shape = shape_in(self.to.request, &to);
                if let Some(fitted) = self.fit(&node, src_shape, dst_shape, &pointer, &to) {
                    if self.put(&pointer, &at, fitted) {
                        self.moved.push(Moved {
                            from: pointer.clone(),
                            to,
                        });
                    }
                }
            }
            if count > max {
                self.leave_out(
                    pointer,
                    format!(
                        "not copied into the channels after the first {max}: {} takes at most {max}",
                        self.to.name
                    ),
                );
            }
        }
    }
}

fn article(node: &Node) -> &'static str {
    match node.value {
        Value::Array(_) | Value::Object(_) => "an",
        _ => "a",
    }
}

/// A copy of `node` with every span reset: the output is new text.
fn plain_copy(node: &Node) -> Node {
    Node::new(match &node.value {
        Value::Array(items) => Value::Array(items.iter().map(plain_copy).collect()),
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| Member {
                    key: m.key.clone(),
                    key_span: Span::default(),
                    value: plain_copy(&m.value),
                })
                .collect(),
        ),
        other => other.clone(),
    })
}

enum Insert {
    Done,
    /// The same value was already there.
    Same,
    /// Another value is there: (kept, refused).
    Occupied(Node, Node),
    /// The way passes through a value that is not a container.
    Blocked,
}

fn insert(at: &mut Node, tokens: &[String], node: Node) -> Insert {
    let Some((first, rest)) = tokens.split_first() else {
        return if at.same_as(&node) {
            Insert::Same
        } else if matches!(at.value, Value::Null) {
            *at = node;
            Insert::Done
        } else {
            Insert::Occupied(at.clone(), node)
        };
    };
    match &mut at.value {
        Value::Object(members) => {
            let index = match members.iter().rposition(|m| m.key == *first) {
                Some(index) => index,
                None if rest.is_empty() => {
                    members.push(Member {
                        key: first.clone(),
                        key_span: Span::default(),
                        value: node,
                    });
                    return Insert::Done;
                }
                None => {
                    members.push(Member {
                        key: first.clone(),
                        key_span: Span::default(),
                        value: Node::new(Value::Object(Vec::new())),
                    });
                    members.len() - 1
                }
            };
            let slot = &mut members[index].value;
            if rest.is_empty() {
                if slot.same_as(&node) {
                    Insert::Same
                } else {
                    Insert::Occupied(slot.clone(), node)
                }
            } else {
                insert(slot, rest, node)
            }
        }
        Value::Array(items) => match first.parse::<usize>() {
            Ok(i) if i == items.len() && rest.is_empty() => {
                items.push(node);
                Insert::Done
            }
            Ok(i) if i < items.len() => {
                if rest.is_empty() {
                    if items[i].same_as(&node) {
                        Insert::Same
                    } else {
                        Insert::Occupied(items[i].clone(), node)
                    }
                } else {
                    insert(&mut items[i], rest, node)
                }
            }
            _ => Insert::Blocked,
        },
        _ => Insert::Blocked,
    }
}

/// Writes every object the model describes as a structure in the model's member order
/// (members it does not know last, in their order).
fn in_model_order(node: &mut Node, shape: Option<&'static Shape>) {
    match (&mut node.value, shape.map(|s| &s.kind)) {
        (Value::Object(members), Some(Kind::Structure { members: defs })) => {
            members.sort_by_key(|m| {
                defs.iter()
                    .position(|d| d.name == m.key)
                    .unwrap_or(defs.len())
            });
            for m in members.iter_mut() {
                let child = defs.iter().find(|d| d.name == m.key).map(|d| d.shape);
                in_model_order(&mut m.value, child);
            }
        }
        (Value::Object(members), Some(Kind::Map { value, .. })) => {
            for m in members.iter_mut() {
                in_model_order(&mut m.value, Some(value));
            }
        }
        (Value::Array(items), Some(Kind::List { member, .. })) => {
            for item in items.iter_mut() {
                in_model_order(item, Some(member));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, to_compact, to_pretty};
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
        let mut walk = Walk {
            from: &CREATE_AUTO_ML_JOB,
            to: &CREATE_AUTO_ML_JOB_V2,
            to_v2: true,
            out: Node::new(Value::Null),
            placed: HashMap::new(),
            deferred: Vec::new(),
            moved: Vec::new(),
            left_out: Vec::new(),
            unknown: Vec::new(),
        };
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
