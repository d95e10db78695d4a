//! The walk over the input: each member placed where the table of places says, checked
//! against the two models on the way; what finds no place is named.

use std::collections::HashMap;

use super::tree::{insert, plain_copy, Insert};
use super::{holds_places, no_place_in_v1, rewrite, to_pointer, tokens, LeftOut, Moved};
use crate::json::{escape_pointer_token, Member, Node, Span, Value};
use crate::model::{shape_in, Kind, Shape};
use crate::operation::Operation;

/// A value in a message: its compact JSON, cut after 60 characters.
fn short(node: &Node) -> String {
    let text = crate::json::to_compact(node);
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

pub(super) struct Walk {
    pub(super) from: &'static Operation,
    pub(super) to: &'static Operation,
    pub(super) to_v2: bool,
    pub(super) out: Node,
    /// The source pointer of the first value placed at each target pointer, to name a clash.
    pub(super) placed: HashMap<String, String>,
    /// Values bound for every channel (the V2 target column going to V1): (target tokens with
    /// `*`, value, source pointer), placed once the channels are.
    pub(super) deferred: Vec<(Vec<String>, Node, String)>,
    pub(super) moved: Vec<Moved>,
    pub(super) left_out: Vec<LeftOut>,
    pub(super) unknown: Vec<Moved>,
}

impl Walk {
    pub(super) fn new(from: &'static Operation, to: &'static Operation, to_v2: bool) -> Self {
        Walk {
            from,
            to,
            to_v2,
            out: Node::new(Value::Null),
            placed: HashMap::new(),
            deferred: Vec::new(),
            moved: Vec::new(),
            left_out: Vec::new(),
            unknown: Vec::new(),
        }
    }

    fn leave_out(&mut self, pointer: String, why: impl Into<String>) {
        self.left_out.push(LeftOut {
            pointer,
            why: why.into(),
        });
    }

    /// Places `node` (at `src` in the input); `parent_place` is the [`PLACES`] index its
    /// parent moved by, so a member that moves with its parent is not listed again.
    pub(super) fn visit(
        &mut self,
        node: &Node,
        src: &mut Vec<String>,
        parent_place: Option<usize>,
    ) {
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
                let listed = target != *src
                    && parent_place != Some(place)
                    && !opened_structure
                    && !target.iter().any(|t| t == "*");
                let at = self.moved.len();
                if listed {
                    self.moved.push(Moved {
                        from: pointer.clone(),
                        to: to_pointer(&target),
                    });
                }
                // Children of a structure opened here are listed unless they follow a parent
                // that is listed.
                let children_follow = (listed || parent_place == Some(place)).then_some(place);
                let placed = if opens {
                    self.open(node, src, &target, Some(place), children_follow)
                } else {
                    self.place(node, &pointer, target)
                };
                let unknown = self.unknown.last().is_some_and(|u| u.from == pointer);
                if listed && (!placed || unknown) {
                    // Left out instead, or carried as unknown (and named there).
                    self.moved.remove(at);
                }
            }
            None if src.is_empty() => {
                if node.as_object().is_some() {
                    self.out = Node::new(Value::Object(Vec::new()));
                    let _ = self.open(node, src, &[], None, None);
                } else {
                    self.out = plain_copy(node);
                }
            }
            None if opens => {
                // AutoMLProblemTypeConfig converted to V1: only its tabular member has a place.
                if node.as_object().is_some() {
                    let _ = self.open(node, src, &[], None, None);
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
                let _ = self.place(node, &pointer, target);
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
        children_follow: Option<usize>,
    ) -> bool {
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
                    return false;
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
                        self.visit(&member.value, src, children_follow);
                    }
                    src.pop();
                }
                true
            }
            Value::Array(items) if place.is_some() => {
                if !self.put(
                    &to_pointer(src),
                    target,
                    Node::new(Value::Array(Vec::new())),
                ) {
                    return false;
                }
                for (i, item) in items.iter().enumerate() {
                    src.push(i.to_string());
                    let mut item_target = target.to_vec();
                    item_target.push(i.to_string());
                    if item.as_object().is_some() {
                        let _ = self.open(item, src, &item_target, place, children_follow);
                    } else {
                        let _ = self.put(&to_pointer(src), &item_target, plain_copy(item));
                    }
                    src.pop();
                }
                true
            }
            _ => {
                // Not a container of the right kind: carried whole, so the target's check
                // names its type where the source's did.
                let pointer = to_pointer(src);
                self.place(node, &pointer, target.to_vec())
            }
        }
    }

    /// Places a whole value: checked member by member against the two models (what the target
    /// lacks is left out, what neither has is carried and named), then put at `target`. Whether
    /// it found its place (a value bound for every channel is placed later, and says so then).
    fn place(&mut self, node: &Node, pointer: &str, target: Vec<String>) -> bool {
        if target.iter().any(|t| t == "*") {
            self.deferred
                .push((target, plain_copy(node), pointer.to_string()));
            return true;
        }
        let mut unknown = false;
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
                (Some(false), Some(false)) => unknown = true,
                (Some(true), Some(false)) => {
                    self.leave_out(
                        pointer.to_string(),
                        format!(
                            "{} has no {key} in {}",
                            self.to.name,
                            dst_parent.map_or("", |s| s.name)
                        ),
                    );
                    return false;
                }
                _ => {}
            }
        }
        let src_shape = shape_in(self.from.request, pointer);
        let dst_shape = shape_in(self.to.request, &target_pointer);
        let unknown_before = self.unknown.len();
        let Some(fitted) = self.fit(node, src_shape, dst_shape, pointer, &target_pointer) else {
            return false;
        };
        let placed = self.put(pointer, &target, fitted);
        if !placed {
            // Members found unknown inside it went nowhere: the whole value is left out.
            self.unknown.truncate(unknown_before);
        }
        if placed && unknown {
            self.unknown.push(Moved {
                from: pointer.to_string(),
                to: target_pointer,
            });
        }
        placed
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
    pub(super) fn fit(
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
    pub(super) fn fan_out(&mut self) {
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
