//! The request being written, as a JSON tree (`automl_rules::json::Node`), and every edit
//! the form can make to it. Plain Rust with ordinary tests: the components only call these.
//!
//! The tree is the single source of truth: what the form shows, what the rules check and
//! what the exports render all come from it, so an imported request with members the form
//! has no control for (or values of the wrong type) is kept exactly and reported, never
//! silently dropped.

use automl_rules::json::{self, Member, Node, Value};
use automl_rules::model::{Kind, Shape};

use super::api::{saved_text, split_saved, Api};

/// The pointers of optional structures the form shows as a section of their own, opened
/// with a button: they stay in the request while open, even when empty.
///
/// V2's chosen problem type stays too: clearing its last setting keeps the choice.
pub const KEPT_WHEN_EMPTY: &[&str] = &[
    "/AutoMLJobConfig/SecurityConfig/VpcConfig",
    "/SecurityConfig/VpcConfig",
    "/AutoMLProblemTypeConfig/TabularJobConfig",
    "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig",
    "/AutoMLProblemTypeConfig/ImageClassificationJobConfig",
    "/AutoMLProblemTypeConfig/TextClassificationJobConfig",
    "/AutoMLProblemTypeConfig/TextGenerationJobConfig",
];

/// The request being written.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub root: Node,
    /// The operation the request is for (V1 unless chosen, imported or read as V2).
    pub api: Api,
}

impl Default for Draft {
    fn default() -> Self {
        Draft::new()
    }
}

/// Splits a JSON Pointer into its unescaped reference tokens.
pub fn tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The pointer of the parent of `pointer` (the root's parent is the root).
pub fn parent(pointer: &str) -> &str {
    pointer.rsplit_once('/').map_or("", |(p, _)| p)
}

/// A pointer with one more token.
pub fn child(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", json::escape_pointer_token(token))
}

fn object() -> Node {
    Node::new(Value::Object(Vec::new()))
}

fn string(s: &str) -> Node {
    Node::new(Value::String(s.to_string()))
}

/// What a control's text means for a member of `shape`: `None` when the member should be
/// left out of the request.
pub fn value_from_text(shape: &Shape, text: &str, keep_empty: bool) -> Option<Node> {
    match &shape.kind {
        Kind::Boolean => match text {
            "true" => Some(Node::new(Value::Bool(true))),
            "false" => Some(Node::new(Value::Bool(false))),
            "" => None,
            other => Some(string(other)),
        },
        // A map (time-series transformations, text-generation hyperparameters) is edited as
        // its JSON object; text that is not one stays a string and is reported as one.
        Kind::Map { .. } => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return None;
            }
            match json::parse(trimmed) {
                Ok(node) if matches!(node.value, Value::Object(_)) => Some(node),
                _ => Some(string(text)),
            }
        }
        Kind::Integer { .. } | Kind::Float { .. } => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return None;
            }
            // A number when the text is a JSON number (so `5.0` stays `5.0` and the rules can
            // say it is not an integer); anything else stays a string and is reported as one.
            match json::parse(trimmed) {
                Ok(Node {
                    value: Value::Number(n),
                    ..
                }) => Some(Node::new(Value::Number(n))),
                _ => Some(string(text)),
            }
        }
        _ => {
            if text.is_empty() && !keep_empty {
                None
            } else {
                Some(string(text))
            }
        }
    }
}

/// The text a control shows for a value: strings as they are, numbers as written, booleans
/// as `true`/`false`, anything else (an imported value of the wrong type) as compact JSON.
pub fn text_of(node: Option<&Node>) -> String {
    let Some(node) = node else {
        return String::new();
    };
    match &node.value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.clone(),
        Value::Bool(b) => b.to_string(),
        _ => json::to_compact(node),
    }
}

impl Draft {
    /// A new request: one training channel reading every object under an S3 prefix, the
    /// rest empty.
    pub fn new() -> Self {
        Draft::new_for(Api::V1)
    }

    /// A new request of `api`: one training channel reading every object under an S3
    /// prefix, the rest empty.
    pub fn new_for(api: Api) -> Self {
        let mut draft = Draft {
            root: object(),
            api,
        };
        let channels = match api {
            Api::V1 => "/InputDataConfig",
            Api::V2 => "/AutoMLJobInputDataConfig",
        };
        let item = draft.new_item(channels);
        draft.set(channels, Node::new(Value::Array(vec![item])));
        draft
    }

    /// Reads a saved or imported request of `CreateAutoMLJob`. Anything but a JSON object
    /// is refused.
    pub fn from_node(root: Node) -> Option<Self> {
        Draft::from_node_for(root, Api::V1)
    }

    /// Reads a request of `api`. Anything but a JSON object is refused.
    pub fn from_node_for(root: Node, api: Api) -> Option<Self> {
        match root.value {
            Value::Object(_) => Some(Draft { root, api }),
            _ => None,
        }
    }

    /// Reads what [`Draft::to_compact`] wrote (a saved draft, a share link, an Undo step):
    /// a text without the V2 mark is a `CreateAutoMLJob` request.
    pub fn from_saved(text: &str) -> Option<Self> {
        let (api, body) = split_saved(text);
        Draft::from_node_for(json::parse(body).ok()?, api)
    }

    /// The request as compact JSON, the form it is saved and shared in, after the V2 mark
    /// when it is a `CreateAutoMLJobV2` request (see [`super::api`]).
    pub fn to_compact(&self) -> String {
        saved_text(self.api, json::to_compact(&self.root))
    }

    /// The shape a pointer into this draft's request edits.
    pub fn shape_at(&self, pointer: &str) -> Option<&'static Shape> {
        self.api.shape_at(pointer)
    }

    /// The value at a pointer.
    pub fn get(&self, pointer: &str) -> Option<&Node> {
        self.root.pointer(pointer)
    }

    /// The text a control at `pointer` shows.
    pub fn text(&self, pointer: &str) -> String {
        text_of(self.get(pointer))
    }

    /// How many items the list at `pointer` has (0 when absent or not a list).
    pub fn len(&self, pointer: &str) -> usize {
        self.get(pointer)
            .and_then(Node::as_array)
            .map_or(0, <[Node]>::len)
    }

    /// Whether anything is set at `pointer`.
    pub fn has(&self, pointer: &str) -> bool {
        self.get(pointer).is_some()
    }

    /// An empty item for the list at `pointer`: a channel reads an S3 prefix, a string list
    /// gets an empty string, an algorithms config an empty algorithm list.
    pub fn new_item(&self, pointer: &str) -> Node {
        let item_shape = match self.shape_at(pointer).map(|s| &s.kind) {
            Some(Kind::List { member, .. }) => *member,
            _ => return object(),
        };
        match (item_shape.name, &item_shape.kind) {
            ("AutoMLChannel" | "AutoMLJobChannel", _) => {
                let source = Node::new(Value::Object(vec![member(
                    "S3DataSource",
                    Node::new(Value::Object(vec![member(
                        "S3DataType",
                        string("S3Prefix"),
                    )])),
                )]));
                Node::new(Value::Object(vec![member("DataSource", source)]))
            }
            ("AutoMLAlgorithmConfig", _) => Node::new(Value::Object(vec![member(
                "AutoMLAlgorithms",
                Node::new(Value::Array(Vec::new())),
            )])),
            // An empty Value box means "" (a tag's value may be empty); the key must be typed.
            ("Tag", _) => Node::new(Value::Object(vec![member("Value", string(""))])),
            (_, Kind::Structure { .. }) => object(),
            _ => string(""),
        }
    }

    /// Sets the value at `pointer`, creating missing parent objects. New members go where the
    /// service model lists them, so the request reads in the API's order.
    pub fn set(&mut self, pointer: &str, value: Node) {
        let tokens = tokens(pointer);
        let Some((last, parents)) = tokens.split_last() else {
            if matches!(value.value, Value::Object(_)) {
                self.root = value;
            }
            return;
        };
        let api = self.api;
        let mut node = &mut self.root;
        let mut at = String::new();
        for token in parents {
            let parent_ptr = at.clone();
            at = child(&at, token);
            let is_list_next =
                matches!(api.shape_at(&at).map(|s| &s.kind), Some(Kind::List { .. }));
            node = match ensure_child(api, node, &parent_ptr, token, is_list_next) {
                Some(n) => n,
                None => return,
            };
        }
        match &mut node.value {
            Value::Object(members) => {
                if let Some(m) = members.iter_mut().rev().find(|m| &m.key == last) {
                    m.value = value;
                } else {
                    let index = insert_index(api, members, &at, last);
                    members.insert(index, member(last, value));
                }
            }
            Value::Array(items) => {
                if let Ok(i) = last.parse::<usize>() {
                    if let Some(slot) = items.get_mut(i) {
                        *slot = value;
                    }
                }
            }
            _ => {}
        }
    }

    /// Sets a control's text at `pointer`: an empty control removes the member (and parent
    /// objects it leaves empty), except where the member's empty value means something.
    pub fn set_text(&mut self, pointer: &str, text: &str) {
        let Some(shape) = self.shape_at(pointer) else {
            return;
        };
        // List items and required members that may be empty (a tag's Value) keep "".
        let in_list = matches!(
            self.shape_at(parent(pointer)).map(|s| &s.kind),
            Some(Kind::List { .. })
        );
        let may_be_empty = matches!(
            shape.kind,
            Kind::String {
                min: Some(0),
                values: [],
                ..
            }
        );
        let keep_empty =
            in_list || (may_be_empty && self.api.member_at(pointer).is_some_and(|m| m.required));
        match value_from_text(shape, text, keep_empty) {
            Some(value) => self.set(pointer, value),
            None => self.remove(pointer),
        }
    }

    /// Removes the member at `pointer` (all duplicates of it), then every parent object that
    /// is left empty, up to a list item or a section that stays open.
    pub fn remove(&mut self, pointer: &str) {
        let mut pointer = pointer.to_string();
        loop {
            if pointer.is_empty() {
                return;
            }
            let tokens = tokens(&pointer);
            let (last, parents) = tokens.split_last().expect("not the root");
            let parent_ptr = parent(&pointer).to_string();
            let Some(parent_node) = pointer_mut(&mut self.root, parents) else {
                return;
            };
            let now_empty = match &mut parent_node.value {
                Value::Object(members) => {
                    members.retain(|m| &m.key != last);
                    members.is_empty()
                }
                _ => return,
            };
            let parent_in_list = matches!(
                self.shape_at(parent(&parent_ptr)).map(|s| &s.kind),
                Some(Kind::List { .. })
            );
            if !now_empty
                || parent_ptr.is_empty()
                || parent_in_list
                || KEPT_WHEN_EMPTY.contains(&parent_ptr.as_str())
            {
                return;
            }
            pointer = parent_ptr;
        }
    }

    /// The member name that the unknown member at `pointer` spells with the wrong
    /// capitals ("RoleArn" for `/RoleARN`), when renaming it would not make a duplicate
    /// (no member by that name is there yet); the rules' message says "write RoleArn".
    pub fn rename_target(&self, pointer: &str) -> Option<&'static str> {
        let at = parent(pointer);
        let key = tokens(pointer).pop()?;
        let name = self
            .shape_at(at)?
            .members()
            .iter()
            .map(|m| m.name)
            .find(|n| *n != key && n.eq_ignore_ascii_case(&key))?;
        (!self.has(&child(at, name))).then_some(name)
    }

    /// Makes `member` the one member of the union at `union` (V2's problem type), holding
    /// `settings` (an empty object when `None`); returns the members it took out, with their
    /// values, so they can be set aside.
    pub fn choose_member(
        &mut self,
        union: &str,
        member: &str,
        settings: Option<Node>,
    ) -> Vec<(String, Node)> {
        let others: Vec<(String, Node)> = match self.get(union).map(|n| &n.value) {
            Some(Value::Object(members)) => members
                .iter()
                .filter(|m| m.key != member)
                .map(|m| (m.key.clone(), m.value.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let at = child(union, member);
        if !self.has(&at) {
            self.set(&at, settings.unwrap_or_else(object));
        }
        if let Some(Value::Object(members)) = self.get_mut(union).map(|n| &mut n.value) {
            members.retain(|m| m.key == member);
        }
        others
    }

    /// Renames the member at `pointer` to `name` where it stands, keeping its value (nested
    /// members included).
    pub fn rename(&mut self, pointer: &str, name: &str) {
        let Some(key) = tokens(pointer).pop() else {
            return;
        };
        if let Some(Value::Object(members)) = self.get_mut(parent(pointer)).map(|n| &mut n.value) {
            for m in members.iter_mut().filter(|m| m.key == key) {
                m.key = name.to_string();
            }
        }
    }

    /// Appends a new empty item to the list at `pointer`, creating the list when absent.
    pub fn push_item(&mut self, pointer: &str) {
        let item = self.new_item(pointer);
        match self.get(pointer).map(|n| &n.value) {
            Some(Value::Array(_)) => {
                if let Some(Value::Array(items)) = self.get_mut(pointer).map(|n| &mut n.value) {
                    items.push(item);
                }
            }
            _ => self.set(pointer, Node::new(Value::Array(vec![item]))),
        }
    }

    /// Appends an item to the list at `pointer` as [`Draft::push_item`] does; for the second
    /// data channel, one that works with the first: a `validation` channel when the first
    /// trains (or leaves its type unset), with the first's target column and content type,
    /// which the service requires to match (a V2 channel has no target column: the problem
    /// type's settings name it).
    pub fn add_item(&mut self, pointer: &str) {
        self.push_item(pointer);
        if !matches!(pointer, "/InputDataConfig" | "/AutoMLJobInputDataConfig")
            || self.len(pointer) != 2
        {
            return;
        }
        let first = |m: &str| format!("{pointer}/0/{m}");
        let second = |m: &str| format!("{pointer}/1/{m}");
        if !matches!(self.text(&first("ChannelType")).as_str(), "" | "training") {
            return;
        }
        self.set_text(&second("ChannelType"), "validation");
        for member in ["TargetAttributeName", "ContentType"] {
            let text = self.text(&first(member));
            if !text.is_empty() {
                self.set_text(&second(member), &text);
            }
        }
    }

    /// Removes item `index` of the list at `pointer`. An optional list left empty is removed
    /// too; a required one stays (empty), so the rules can say it needs an item.
    pub fn remove_item(&mut self, pointer: &str, index: usize) {
        let empty = match self.get_mut(pointer).map(|n| &mut n.value) {
            Some(Value::Array(items)) if index < items.len() => {
                items.remove(index);
                items.is_empty()
            }
            _ => return,
        };
        if empty && !self.api.member_at(pointer).is_some_and(|m| m.required) {
            self.remove(pointer);
        }
    }

    /// Removes every item of the list at `pointer` after the first `keep` (the items a list
    /// has beyond what the service accepts); nothing when it has no more. The list itself
    /// stays, as [`Draft::remove_item`] leaves it.
    pub fn truncate_list(&mut self, pointer: &str, keep: usize) {
        let empty = match self.get_mut(pointer).map(|n| &mut n.value) {
            Some(Value::Array(items)) if items.len() > keep => {
                items.truncate(keep);
                items.is_empty()
            }
            _ => return,
        };
        if empty && !self.api.member_at(pointer).is_some_and(|m| m.required) {
            self.remove(pointer);
        }
    }

    /// Moves item `from` of the list at `pointer` to position `to`.
    pub fn move_item(&mut self, pointer: &str, from: usize, to: usize) {
        if let Some(Value::Array(items)) = self.get_mut(pointer).map(|n| &mut n.value) {
            if from < items.len() && to < items.len() && from != to {
                let item = items.remove(from);
                items.insert(to, item);
            }
        }
    }

    fn get_mut(&mut self, pointer: &str) -> Option<&mut Node> {
        pointer_mut(&mut self.root, &tokens(pointer))
    }
}

fn member(key: &str, value: Node) -> Member {
    Member {
        key: key.to_string(),
        key_span: Default::default(),
        value,
    }
}

fn pointer_mut<'a>(mut node: &'a mut Node, tokens: &[String]) -> Option<&'a mut Node> {
    for token in tokens {
        node = match &mut node.value {
            Value::Object(members) => {
                &mut members.iter_mut().rev().find(|m| &m.key == token)?.value
            }
            Value::Array(items) => items.get_mut(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Where a new member `key` goes among the members of the object at `parent_ptr`: after
/// every member the model lists before it.
fn insert_index(api: Api, members: &[Member], parent_ptr: &str, key: &str) -> usize {
    let Some(shape) = api.shape_at(parent_ptr) else {
        return members.len();
    };
    let order = |name: &str| shape.members().iter().position(|m| m.name == name);
    let Some(mine) = order(key) else {
        return members.len();
    };
    members
        .iter()
        .rposition(|m| order(&m.key).is_some_and(|o| o < mine))
        .map_or(0, |i| i + 1)
}

/// The child `token` of `node`, created as an empty object (or list) when absent; `None` when
/// `node` is a value of another type, which an edit never overwrites.
fn ensure_child<'a>(
    api: Api,
    node: &'a mut Node,
    node_ptr: &str,
    token: &str,
    list: bool,
) -> Option<&'a mut Node> {
    match &mut node.value {
        Value::Object(members) => {
            let position = match members.iter().rposition(|m| m.key == token) {
                Some(i) => i,
                None => {
                    let index = insert_index(api, members, node_ptr, token);
                    let fresh = if list {
                        Node::new(Value::Array(Vec::new()))
                    } else {
                        object()
                    };
                    members.insert(index, member(token, fresh));
                    index
                }
            };
            Some(&mut members[position].value)
        }
        Value::Array(items) => items.get_mut(token.parse::<usize>().ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Draft {
        Draft::from_node(json::parse(text).unwrap()).unwrap()
    }

    #[test]
    fn a_second_channel_validates_what_the_first_trains_on() {
        let mut d = Draft::new();
        d.set_text("/InputDataConfig/0/TargetAttributeName", "churned");
        d.set_text(
            "/InputDataConfig/0/ContentType",
            "x-application/vnd.amazon+parquet",
        );
        d.add_item("/InputDataConfig");
        assert_eq!(d.text("/InputDataConfig/1/ChannelType"), "validation");
        assert_eq!(d.text("/InputDataConfig/1/TargetAttributeName"), "churned");
        assert_eq!(
            d.text("/InputDataConfig/1/ContentType"),
            "x-application/vnd.amazon+parquet"
        );
        // A first channel that validates: the second is left as a new channel.
        let mut d = Draft::new();
        d.set_text("/InputDataConfig/0/ChannelType", "validation");
        d.add_item("/InputDataConfig");
        assert_eq!(d.text("/InputDataConfig/1/ChannelType"), "");
        // Other lists: a new empty item.
        d.add_item("/Tags");
        assert_eq!(d.text("/Tags/0/Key"), "");
    }

    #[test]
    fn new_request_has_one_training_channel_reading_a_prefix() {
        assert_eq!(
            Draft::new().to_compact(),
            r#"{"InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix"}}}]}"#
        );
    }

    #[test]
    fn members_are_inserted_in_the_api_order() {
        let mut d = Draft::new();
        d.set_text("/RoleArn", "arn:aws:iam::123456789012:role/r");
        d.set_text("/AutoMLJobName", "job");
        d.set_text("/OutputDataConfig/S3OutputPath", "s3://my-bucket/o");
        d.set_text("/OutputDataConfig/KmsKeyId", "k");
        let keys: Vec<_> = d
            .root
            .as_object()
            .unwrap()
            .iter()
            .map(|m| m.key.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "AutoMLJobName",
                "InputDataConfig",
                "OutputDataConfig",
                "RoleArn"
            ]
        );
        assert_eq!(
            json::to_compact(d.get("/OutputDataConfig").unwrap()),
            r#"{"KmsKeyId":"k","S3OutputPath":"s3://my-bucket/o"}"#
        );
    }

    #[test]
    fn clearing_a_field_removes_it_and_prunes_empty_parents() {
        let mut d = Draft::new();
        d.set_text("/AutoMLJobConfig/CompletionCriteria/MaxCandidates", "10");
        assert_eq!(
            d.text("/AutoMLJobConfig/CompletionCriteria/MaxCandidates"),
            "10"
        );
        d.set_text("/AutoMLJobConfig/CompletionCriteria/MaxCandidates", "");
        assert!(!d.has("/AutoMLJobConfig"));
        // List items stay, even when empty.
        d.set_text("/InputDataConfig/0/DataSource/S3DataSource/S3DataType", "");
        assert_eq!(d.to_compact(), r#"{"InputDataConfig":[{}]}"#);
    }

    #[test]
    fn an_open_vpc_section_stays_when_emptied() {
        let mut d = Draft::new();
        d.set("/AutoMLJobConfig/SecurityConfig/VpcConfig", object());
        d.push_item("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets");
        d.remove_item("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets", 0);
        assert_eq!(
            json::to_compact(d.get("/AutoMLJobConfig").unwrap()),
            r#"{"SecurityConfig":{"VpcConfig":{"Subnets":[]}}}"#
        );
    }

    #[test]
    fn numbers_keep_their_text_and_non_numbers_stay_strings() {
        let mut d = Draft::new();
        let p = "/AutoMLJobConfig/CompletionCriteria/MaxCandidates";
        d.set_text(p, "5.0");
        assert_eq!(d.get(p).unwrap().value, Value::Number("5.0".into()));
        d.set_text(p, "ten");
        assert_eq!(d.get(p).unwrap().value, Value::String("ten".into()));
        d.set_text(
            "/AutoMLJobConfig/DataSplitConfig/ValidationFraction",
            " 0.25 ",
        );
        assert_eq!(
            d.get("/AutoMLJobConfig/DataSplitConfig/ValidationFraction")
                .unwrap()
                .value,
            Value::Number("0.25".into())
        );
    }

    #[test]
    fn booleans_have_three_states() {
        let mut d = Draft::new();
        let p = "/GenerateCandidateDefinitionsOnly";
        d.set_text(p, "false");
        assert_eq!(d.get(p).unwrap().value, Value::Bool(false));
        d.set_text(p, "true");
        assert_eq!(d.text(p), "true");
        d.set_text(p, "");
        assert!(!d.has(p));
    }

    #[test]
    fn an_empty_tag_value_is_kept_an_empty_key_is_removed() {
        let mut d = Draft::new();
        d.push_item("/Tags");
        d.set_text("/Tags/0/Value", "");
        d.set_text("/Tags/0/Key", "");
        assert_eq!(
            json::to_compact(d.get("/Tags").unwrap()),
            r#"[{"Value":""}]"#
        );
    }

    #[test]
    fn lists_add_remove_and_reorder() {
        let mut d = Draft::new();
        for key in ["a", "b", "c"] {
            d.push_item("/Tags");
            let i = d.len("/Tags") - 1;
            d.set_text(&format!("/Tags/{i}/Key"), key);
        }
        d.move_item("/Tags", 2, 0);
        let keys: Vec<_> = (0..3).map(|i| d.text(&format!("/Tags/{i}/Key"))).collect();
        assert_eq!(keys, ["c", "a", "b"]);
        d.move_item("/Tags", 0, 5); // out of range: nothing happens
        d.remove_item("/Tags", 1);
        assert_eq!(d.len("/Tags"), 2);
        d.remove_item("/Tags", 0);
        d.remove_item("/Tags", 0);
        assert!(!d.has("/Tags"), "an optional list left empty goes away");
        d.remove_item("/InputDataConfig", 0);
        assert_eq!(d.len("/InputDataConfig"), 0);
        assert!(d.has("/InputDataConfig"), "a required list stays, empty");
    }

    #[test]
    fn a_list_is_cut_to_its_first_items_and_an_empty_optional_one_goes_away() {
        let mut d = Draft::new();
        for i in 0..60 {
            d.push_item("/Tags");
            d.set_text(&format!("/Tags/{i}/Key"), &format!("k{i}"));
        }
        d.truncate_list("/Tags", 70);
        assert_eq!(d.len("/Tags"), 60, "nothing beyond the end");
        d.truncate_list("/Tags", 50);
        assert_eq!(d.len("/Tags"), 50);
        assert_eq!(d.text("/Tags/49/Key"), "k49");
        d.truncate_list("/Tags", 0);
        assert!(!d.has("/Tags"), "an optional list left empty goes away");
        d.truncate_list("/InputDataConfig", 0);
        assert!(d.has("/InputDataConfig"), "a required list stays, empty");
        let mut d = parse(r#"{"Tags":"oops"}"#);
        d.truncate_list("/Tags", 0);
        assert_eq!(
            d.to_compact(),
            r#"{"Tags":"oops"}"#,
            "not a list: left alone"
        );
    }

    #[test]
    fn new_items_fit_their_list() {
        assert_eq!(
            text_of(Some(&Draft::new().new_item("/Tags"))),
            r#"{"Value":""}"#
        );
        assert_eq!(
            json::to_compact(
                &Draft::new()
                    .new_item("/AutoMLJobConfig/CandidateGenerationConfig/AlgorithmsConfig")
            ),
            r#"{"AutoMLAlgorithms":[]}"#
        );
        assert_eq!(
            Draft::new()
                .new_item("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets")
                .value,
            Value::String(String::new())
        );
    }

    #[test]
    fn imported_values_of_any_type_are_kept_and_shown() {
        let mut d = parse(r#"{"AutoMLJobName":5,"Unknown":{"x":1},"Tags":"oops"}"#);
        assert_eq!(d.text("/AutoMLJobName"), "5");
        assert_eq!(d.text("/Unknown"), r#"{"x":1}"#);
        // An edit below a value of the wrong type does not overwrite it.
        d.set_text("/Tags/0/Key", "k");
        assert_eq!(d.text("/Tags"), "\"oops\"".trim_matches('"'));
        assert!(Draft::from_node(json::parse("[1]").unwrap()).is_none());
    }

    #[test]
    fn a_wrongly_capitalised_member_is_renamed_keeping_its_value() {
        let mut d = parse(
            r#"{"AutoMLJobName":"churn-12","RoleARN":"arn:aws:iam::111122223333:role/SageMakerRole","OutputDataConfig":{"s3OutputPath":"s3://my-bucket/out","KmsKeyId":"k"},"inputDataConfig":[{"TargetAttributeName":"y"}]}"#,
        );
        assert_eq!(d.rename_target("/RoleARN"), Some("RoleArn"));
        assert_eq!(
            d.rename_target("/OutputDataConfig/s3OutputPath"),
            Some("S3OutputPath")
        );
        assert_eq!(d.rename_target("/inputDataConfig"), Some("InputDataConfig"));
        assert_eq!(d.rename_target("/Nonsense"), None, "no member is called so");
        assert_eq!(d.rename_target("/AutoMLJobName"), None, "already right");
        d.rename("/RoleARN", "RoleArn");
        d.rename("/OutputDataConfig/s3OutputPath", "S3OutputPath");
        d.rename("/inputDataConfig", "InputDataConfig");
        assert_eq!(
            d.to_compact(),
            r#"{"AutoMLJobName":"churn-12","RoleArn":"arn:aws:iam::111122223333:role/SageMakerRole","OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out","KmsKeyId":"k"},"InputDataConfig":[{"TargetAttributeName":"y"}]}"#
        );
    }

    #[test]
    fn a_rename_that_would_make_a_duplicate_is_not_offered() {
        let d = parse(r#"{"RoleArn":"arn:aws:iam::1:role/a","RoleARN":"arn:aws:iam::1:role/b"}"#);
        assert_eq!(d.rename_target("/RoleARN"), None);
    }

    #[test]
    fn pointer_tokens_are_unescaped() {
        assert_eq!(tokens("/a~1b/~0c"), ["a/b", "~c"]);
        assert_eq!(parent("/a/b"), "/a");
        assert_eq!(child("/a", "b/c"), "/a/b~1c");
    }
}

#[cfg(test)]
mod v2_tests {
    use super::*;

    #[test]
    fn a_v2_draft_keeps_its_operation_when_saved_and_old_texts_read_as_v1() {
        let mut d = Draft::new_for(Api::V2);
        assert_eq!(
            d.to_compact(),
            r#"v2:{"AutoMLJobInputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix"}}}]}"#
        );
        d.set_text(
            "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/ForecastHorizon",
            "14",
        );
        let back = Draft::from_saved(&d.to_compact()).unwrap();
        assert_eq!(back.to_compact(), d.to_compact());
        assert_eq!(back.api, Api::V2);
        let old = Draft::from_saved(r#"{"AutoMLJobName":"a"}"#).unwrap();
        assert_eq!(old.api, Api::V1);
        assert!(Draft::from_saved("v2:[1]").is_none());
    }

    #[test]
    fn choosing_a_problem_type_keeps_one_and_hands_back_the_others() {
        let union = "/AutoMLProblemTypeConfig";
        let mut d = Draft::new_for(Api::V2);
        let target = "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName";
        d.choose_member(union, "TabularJobConfig", None);
        d.set_text(target, "y");
        let taken = d.choose_member(union, "TextGenerationJobConfig", None);
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].0, "TabularJobConfig");
        assert!(!d.has(target));
        assert!(d.has("/AutoMLProblemTypeConfig/TextGenerationJobConfig"));
        // Clearing the last setting keeps the choice.
        let base = "/AutoMLProblemTypeConfig/TextGenerationJobConfig/BaseModelName";
        d.set_text(base, "Falcon7BInstruct");
        d.set_text(base, "");
        assert!(d.has("/AutoMLProblemTypeConfig/TextGenerationJobConfig"));
        // Chosen again with its settings, they are back.
        d.choose_member(union, "TabularJobConfig", Some(taken[0].1.clone()));
        assert_eq!(d.text(target), "y");
        // A map is edited as its JSON object.
        let params =
            "/AutoMLProblemTypeConfig/TextGenerationJobConfig/TextGenerationHyperParameters";
        d.choose_member(union, "TextGenerationJobConfig", None);
        d.set_text(params, r#"{"epochCount":"3"}"#);
        assert!(matches!(
            d.get(params).map(|n| &n.value),
            Some(Value::Object(_))
        ));
        assert_eq!(d.text(params), r#"{"epochCount":"3"}"#);
        d.set_text(params, "{epochCount");
        assert!(matches!(
            d.get(params).map(|n| &n.value),
            Some(Value::String(_))
        ));
    }
}
