//! Value renderers and text helpers the checker and the rules share. A leaf: it reads the
//! JSON tree and the number formatter below it, and nothing that checks or rules, so no two
//! modules of the crate import each other for wording.

use crate::json::{Node, Value};
use crate::number::parse_f64;
use java::java_number;
use python::{python_float, python_string};
use text::{int_text, is_integer_text};

pub mod java;
pub mod python;
pub mod text;

/// Writes Java's `toString` (`python` false) or Python's `repr` (`python` true) of a value
/// into one buffer: both render lists as `[a, b]` and maps as `{k: v}`, and differ only in
/// scalars and in how keys and strings are quoted.
fn write_repr(out: &mut String, node: &Node, python: bool) {
    match &node.value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item, python);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if python {
                    python_string(out, &m.key);
                } else {
                    out.push_str(&m.key);
                }
                out.push_str(": ");
                write_repr(out, &m.value, python);
            }
            out.push('}');
        }
        Value::String(s) if python => python_string(out, s),
        Value::String(s) => out.push_str(s),
        Value::Null => out.push_str(if python { "None" } else { "null" }),
        Value::Bool(b) => out.push_str(match (python, b) {
            (true, true) => "True",
            (true, false) => "False",
            (false, true) => "true",
            (false, false) => "false",
        }),
        Value::Number(text) if is_integer_text(text) => out.push_str(&int_text(text)),
        Value::Number(text) if python => match parse_f64(text) {
            Some(x) => out.push_str(&python_float(x)),
            None => out.push_str(text),
        },
        Value::Number(text) => out.push_str(&java_number(text)),
    }
}
