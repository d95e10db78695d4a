//! The output tree: values copied without their spans, put at a pointer with the objects on
//! the way made, and written in a model's member order. A leaf: it knows nothing of the
//! conversion.

use crate::json::{Member, Node, Span, Value};
use crate::model::{Kind, Shape};

/// A copy of `node` with every span reset: the output is new text.
pub(super) fn plain_copy(node: &Node) -> Node {
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

pub(super) enum Insert {
    Done,
    /// The same value was already there.
    Same,
    /// Another value is there: (kept, refused).
    Occupied(Node, Node),
    /// The way passes through a value that is not a container.
    Blocked,
}

pub(super) fn insert(at: &mut Node, tokens: &[String], node: Node) -> Insert {
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
pub(super) fn in_model_order(node: &mut Node, shape: Option<&'static Shape>) {
    match (&mut node.value, shape.map(|s| &s.kind)) {
        (Value::Object(members), Some(Kind::Structure { members: defs })) => {
            // In one pass per member of the model, not by a general sort: the page links
            // this (its Convert button), and the standard library's sort is about 5 KB of
            // its wasm (the size gate keeps it out). Stable: equal ranks keep their order.
            let rank = |key: &str| {
                defs.iter()
                    .position(|d| d.name == key)
                    .unwrap_or(defs.len())
            };
            let ranks: Vec<usize> = members.iter().map(|m| rank(&m.key)).collect();
            let mut slots: Vec<Option<Member>> = members.drain(..).map(Some).collect();
            for r in 0..=defs.len() {
                for (i, slot) in slots.iter_mut().enumerate() {
                    if ranks[i] == r {
                        if let Some(m) = slot.take() {
                            members.push(m);
                        }
                    }
                }
            }
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
