//! The AWS CLI command for POSIX shells (bash, zsh, dash): one option per line, ` \`
//! continuations, every argument in single quotes.
//!
//! Quoting rules relied on:
//! - "Enclosing characters in single-quotes shall preserve the literal value of each
//!   character within the single-quotes. A single-quote cannot occur within single-quotes."
//!   (POSIX.1-2017, Shell Command Language, 2.2.2 Single-Quotes). So `$( )`, backticks,
//!   `\`, `"`, newlines, `%VAR%` and non-ASCII bytes pass through untouched.
//! - bash and zsh do not apply history expansion (`!`) inside single quotes (bash manual,
//!   "History Expansion": "Only `\` and `'` may be used to escape the history expansion
//!   character"; zsh manual, "History Expansion").
//! - A `'` of the payload is written as `\'` outside the quotes (`'it'\''s'`, 2.2.1 Escape
//!   Character). A run of quotes becomes `\'\'…`, so the output never holds two adjacent
//!   quotes: zsh's `RC_QUOTES` option would read `''` inside a quoted word as one quote.
//!
//! AWS CLI v1 traps, checked with awscli 1.46 (see `scripts/test-clients.sh`):
//! - a string option whose value starts with `file://`, `fileb://`, `http://` or `https://`
//!   gets replaced by that file's or URL's contents (paramfile), so such a member goes in a
//!   `--cli-input-json` object instead, whose values the CLI never expands; so do strings with
//!   control characters (a NUL cannot be in an argument at all) or invisible characters,
//!   which JSON can escape;
//! - argparse reads a separate argument starting with `-` as an option ("expected one
//!   argument"), so such a value is attached with `=`: `--auto-ml-job-name='-x'`;
//! - options override the members of `--cli-input-json` (`awscli/customizations/
//!   cliinputjson.py`), so a repeated member keeps only its last value, as JSON readers do.

use super::{is_invisible, json_text, last_of_each};
use crate::json::{Member, Node, Value};
use crate::model::aws_cli::PARAMFILE_PREFIXES;
use crate::model::Kind;
use crate::operation::Operation;

/// One option per member; members the options cannot carry faithfully go in a
/// `--cli-input-json` object first.
pub(super) fn per_option(op: &Operation, request: &Node) -> String {
    let Some(members) = request.as_object() else {
        return cli_input_json(op, request);
    };
    let mut args = Vec::new();
    let mut rest = Vec::new();
    for member in last_of_each(members) {
        match option(op, member) {
            Some(arg) => args.push(arg),
            None => rest.push(member.clone()),
        }
    }
    if !rest.is_empty() {
        args.insert(0, cli_input_json_arg(&Node::new(Value::Object(rest))));
    }
    command(op, &args)
}

/// The whole request as the one `--cli-input-json` argument.
pub(super) fn cli_input_json(op: &Operation, request: &Node) -> String {
    command(op, &[cli_input_json_arg(request)])
}

fn cli_input_json_arg(node: &Node) -> String {
    format!("--cli-input-json {}", quote(&json_text(node, false, false)))
}

fn command(op: &Operation, args: &[String]) -> String {
    let mut out = op.aws_command();
    for arg in args {
        out.push_str(" \\\n  ");
        out.push_str(arg);
    }
    out.push('\n');
    out
}

/// The option for a top-level member, when its value can be passed that way unchanged.
fn option(op: &Operation, member: &Member) -> Option<String> {
    let (_, name) = op.cli_options.iter().find(|(key, _)| *key == member.key)?;
    let def = op.request.member(&member.key)?;
    match (&def.shape.kind, &member.value.value) {
        (Kind::String { .. }, Value::String(s)) if !needs_json(s) => {
            let sep = if s.starts_with('-') { '=' } else { ' ' };
            Some(format!("--{name}{sep}{}", quote(s)))
        }
        (Kind::Boolean, Value::Bool(true)) => Some(format!("--{name}")),
        (Kind::Boolean, Value::Bool(false)) => Some(format!("--no-{name}")),
        (Kind::Structure { .. }, Value::Object(_)) | (Kind::List { .. }, Value::Array(_)) => {
            Some(format!(
                "--{name} {}",
                quote(&json_text(&member.value, false, false))
            ))
        }
        _ => None,
    }
}

/// Whether a string option's value would not reach the wire as written (see the module notes).
fn needs_json(s: &str) -> bool {
    PARAMFILE_PREFIXES.iter().any(|p| s.starts_with(p))
        || s.chars().any(|c| c.is_control() || is_invisible(c))
}

/// `s` as one shell word that every POSIX shell reads back unchanged.
pub(crate) fn quote(s: &str) -> String {
    if s.is_empty() {
        return "''".to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    let mut open = false;
    for c in s.chars() {
        if c == '\'' {
            if open {
                out.push('\'');
                open = false;
            }
            out.push_str("\\'");
        } else {
            if !open {
                out.push('\'');
                open = true;
            }
            out.push(c);
        }
    }
    if open {
        out.push('\'');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use crate::operation::CREATE_AUTO_ML_JOB;

    #[test]
    fn quote_table() {
        let cases = [
            ("", "''"),
            ("abc", "'abc'"),
            ("it's", r"'it'\''s'"),
            ("'", r"\'"),
            ("''", r"\'\'"),
            ("'x'", r"\''x'\'"),
            ("a''b", r"'a'\'\''b'"),
            (
                "$(touch x) `id` \\ \" ! %PATH% *",
                "'$(touch x) `id` \\ \" ! %PATH% *'",
            ),
            ("a\nb\tc", "'a\nb\tc'"),
            ("é😀", "'é😀'"),
        ];
        for (raw, quoted) in cases {
            assert_eq!(quote(raw), quoted, "{raw:?}");
        }
    }

    fn export(text: &str) -> String {
        per_option(&CREATE_AUTO_ML_JOB, &json::parse(text).unwrap())
    }

    #[test]
    fn options_for_each_kind() {
        assert_eq!(
            export(
                r#"{"AutoMLJobName":"j","OutputDataConfig":{"S3OutputPath":"s3://my-bucket/o'"},"GenerateCandidateDefinitionsOnly":false,"Tags":[]}"#
            ),
            "aws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name 'j' \\\n  \
             --output-data-config '{\"S3OutputPath\":\"s3://my-bucket/o'\\''\"}' \\\n  \
             --no-generate-candidate-definitions-only \\\n  --tags '[]'\n"
        );
        assert!(export(r#"{"GenerateCandidateDefinitionsOnly":true}"#)
            .ends_with("\n  --generate-candidate-definitions-only\n"));
    }

    #[test]
    fn values_the_options_would_alter_go_through_cli_input_json() {
        for value in [
            "file:///etc/passwd",
            "fileb://x",
            "http://169.254.169.254/",
            "https://x",
            "a\u{0}b",
            "a\nb",
            "a\u{202e}b",
        ] {
            let mut text = String::from(r#"{"AutoMLJobName":"#);
            json::write_string(&mut text, value);
            text.push_str(r#","RoleArn":"r"}"#);
            let out = export(&text);
            assert!(
                out.contains("\n  --cli-input-json '{\"AutoMLJobName\":"),
                "{out}"
            );
            assert!(out.ends_with("\n  --role-arn 'r'\n"), "{out}");
        }
        assert!(export(r#"{"AutoMLJobName":"-x"}"#).contains("--auto-ml-job-name='-x'"));
        // Wrong types, nulls and unknown members are sent as given, through the JSON.
        let out = export(r#"{"AutoMLJobName":1,"Tags":null,"Nope":"x"}"#);
        assert_eq!(
            out,
            "aws sagemaker create-auto-ml-job \\\n  --cli-input-json '{\"AutoMLJobName\":1,\"Tags\":null,\"Nope\":\"x\"}'\n"
        );
    }

    #[test]
    fn repeated_members_keep_the_last() {
        let out = export(r#"{"AutoMLJobName":"a","AutoMLJobName":"b"}"#);
        assert_eq!(
            out,
            "aws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name 'b'\n"
        );
    }

    #[test]
    fn a_request_that_is_not_an_object_goes_whole() {
        assert_eq!(
            export("[1]"),
            "aws sagemaker create-auto-ml-job \\\n  --cli-input-json '[1]'\n"
        );
    }
}
