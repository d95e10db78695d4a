//! A complete boto3 program: the request as Python literals, one keyword argument per
//! top-level member, printing the new job's ARN.
//!
//! Literals (Python Language Reference, "Lexical analysis", 2.4 Literals,
//! <https://docs.python.org/3/reference/lexical_analysis.html#literals>): `True`, `False`,
//! `None`; a JSON number text is a valid Python int or float literal as it is; strings are
//! double-quoted with `\\`, `\"`, `\n`, `\r`, `\t`, `\xNN` for other control characters and
//! `\uNNNN` for invisible characters and the line and paragraph separators. Every other
//! character is kept: Python 3 reads source files as UTF-8 (PEP 3120).

use super::{is_invisible, last_of_each};
use crate::json::{push_hex, Node, Value};
use crate::operation::Operation;

/// The program.
pub(super) fn program(op: &Operation, request: &Node) -> String {
    let mut out = format!(
        "\"\"\"Creates the SageMaker Autopilot job with boto3, the AWS SDK for Python.\n\n\
         Credentials and the Region come from the usual places: environment variables,\n\
         ~/.aws/credentials and ~/.aws/config.\n\
         \"\"\"\n\n\
         import boto3\n\n\
         client = boto3.client(\"sagemaker\")\n\
         response = client.{}(\n",
        op.python_method
    );
    match request.as_object() {
        Some(members) => {
            let members = last_of_each(members);
            let (named, other): (Vec<_>, Vec<_>) =
                members.into_iter().partition(|m| is_identifier(&m.key));
            for m in named {
                out.push_str(&format!("    {}=", m.key));
                literal(&mut out, &m.value, 1);
                out.push_str(",\n");
            }
            if !other.is_empty() {
                out.push_str("    **{\n");
                for m in other {
                    out.push_str("        ");
                    string(&mut out, &m.key);
                    out.push_str(": ");
                    literal(&mut out, &m.value, 2);
                    out.push_str(",\n");
                }
                out.push_str("    },\n");
            }
        }
        None => {
            out.push_str("    **");
            literal(&mut out, request, 1);
            out.push('\n');
        }
    }
    out.push_str(")\nprint(response[\"AutoMLJobArn\"])\n");
    out
}

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Whether `key` can be a keyword argument: an ASCII identifier that is not a keyword.
fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&key)
}

fn indent(out: &mut String, level: usize) {
    out.extend(std::iter::repeat_n("    ", level));
}

/// A value as a Python literal, nested lines indented from `level`.
fn literal(out: &mut String, node: &Node, level: usize) {
    match &node.value {
        Value::Null => out.push_str("None"),
        Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Value::Number(text) => out.push_str(text),
        Value::String(s) => string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push_str("[\n");
            for item in items {
                indent(out, level + 1);
                literal(out, item, level + 1);
                out.push_str(",\n");
            }
            indent(out, level);
            out.push(']');
        }
        Value::Object(members) => {
            out.push_str("{\n");
            for m in members {
                indent(out, level + 1);
                string(out, &m.key);
                out.push_str(": ");
                literal(out, &m.value, level + 1);
                out.push_str(",\n");
            }
            indent(out, level);
            out.push('}');
        }
    }
}

/// A Python string literal that reads back as `s`.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x100 => {
                out.push_str("\\x");
                push_hex(out, c as u32, 2, false);
            }
            c if is_invisible(c) || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str("\\u");
                push_hex(out, c as u32, 4, false);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use crate::operation::CREATE_AUTO_ML_JOB;

    #[test]
    fn string_escapes() {
        let cases = [
            ("plain", r#""plain""#),
            ("a\"b'c", r#""a\"b'c""#),
            ("back\\slash", r#""back\\slash""#),
            ("\n\r\t\u{0}\u{7f}\u{85}", r#""\n\r\t\x00\x7f\x85""#),
            ("{x} %s $(y) `z`", r#""{x} %s $(y) `z`""#),
            ("é😀", "\"é😀\""),
            ("\u{202e}\u{2028}", r#""\u202e\u2028""#),
        ];
        for (raw, lit) in cases {
            let mut out = String::new();
            string(&mut out, raw);
            assert_eq!(out, lit, "{raw:?}");
        }
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("AutoMLJobName"));
        for key in ["", "1a", "a-b", "é", "class", "None"] {
            assert!(!is_identifier(key), "{key}");
        }
    }

    #[test]
    fn program_shape() {
        let node = json::parse(
            r#"{"AutoMLJobName":"j","Tags":[{"Key":"k","Value":""}],"GenerateCandidateDefinitionsOnly":true,"x-y":null,"N":1.5}"#,
        )
        .unwrap();
        let text = program(&CREATE_AUTO_ML_JOB, &node);
        let call = &text[text.find("response =").unwrap()..];
        assert_eq!(
            call,
            "response = client.create_auto_ml_job(\n    AutoMLJobName=\"j\",\n    Tags=[\n        {\n            \"Key\": \"k\",\n            \"Value\": \"\",\n        },\n    ],\n    GenerateCandidateDefinitionsOnly=True,\n    N=1.5,\n    **{\n        \"x-y\": None,\n    },\n)\nprint(response[\"AutoMLJobArn\"])\n"
        );
    }
}
