//! Ready-to-send exports of a request: the JSON body, the AWS CLI for POSIX shells (one option
//! per member, or the whole body through `--cli-input-json`), PowerShell and cmd.exe scripts,
//! and a boto3 program.
//!
//! Every export writes the members in the service model's order (unknown members after the
//! known ones, as given) and keeps the request as it is otherwise: an invalid request exports
//! too, so the page can show what would be sent. `scripts/test-clients.sh` proves each POSIX
//! and Python export with the real AWS CLI v1 and boto3 against a loopback stand-in endpoint;
//! the Windows scripts follow the documented quoting rules cited in [`windows`].
//!
//! Characters that display as something else are written as JSON or Python `\u` escapes in
//! every export, so the text a person reads is the text that is sent: the bidirectional
//! formatting characters behind "Trojan Source" (CVE-2021-42574, Unicode TR 9) and the
//! zero-width ones. The JSON value is the same either way.

use crate::json::{self, Member, Node, Value};
use crate::model::{Kind, Shape};
use crate::operation::{Operation, CREATE_AUTO_ML_JOB};

mod posix;
mod python;
mod windows;

pub(crate) use windows::CMD_ECHO;

/// The forms a request can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The JSON body, for `aws sagemaker create-auto-ml-job --cli-input-json file://…`.
    Json,
    /// `aws sagemaker create-auto-ml-job` with one option per member, for bash, zsh and dash.
    Cli,
    /// `aws sagemaker create-auto-ml-job --cli-input-json '…'`, for bash, zsh and dash.
    CliInputJson,
    /// A PowerShell script that writes the body to a file and sends it.
    PowerShell,
    /// A cmd.exe batch file that writes the body to a file and sends it.
    Cmd,
    /// A Python program calling boto3.
    Boto3,
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::Json,
        Target::Cli,
        Target::CliInputJson,
        Target::PowerShell,
        Target::Cmd,
        Target::Boto3,
    ];

    /// The name used on the command line (`automl-job export --to NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Target::Json => "json",
            Target::Cli => "cli",
            Target::CliInputJson => "cli-input-json",
            Target::PowerShell => "powershell",
            Target::Cmd => "cmd",
            Target::Boto3 => "boto3",
        }
    }

    /// The target called `name` (see [`Target::name`]).
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// A label for a menu.
    pub fn label(self) -> &'static str {
        match self {
            Target::Json => "JSON body",
            Target::Cli => "AWS CLI (bash, zsh)",
            Target::CliInputJson => "AWS CLI --cli-input-json",
            Target::PowerShell => "PowerShell",
            Target::Cmd => "cmd.exe",
            Target::Boto3 => "boto3 (Python)",
        }
    }

    /// A file name to save the export as.
    pub fn file_name(self) -> &'static str {
        match self {
            Target::Json => "create-auto-ml-job.json",
            Target::Cli | Target::CliInputJson => "create-auto-ml-job.sh",
            Target::PowerShell => "create-auto-ml-job.ps1",
            Target::Cmd => "create-auto-ml-job.cmd",
            Target::Boto3 => "create-auto-ml-job.py",
        }
    }

    /// A file name to save the export of a request of `op` as (`create-auto-ml-job-v2.py`).
    pub fn file_name_for(self, op: &Operation) -> String {
        let extension = match self {
            Target::Json => "json",
            Target::Cli | Target::CliInputJson => "sh",
            Target::PowerShell => "ps1",
            Target::Cmd => "cmd",
            Target::Boto3 => "py",
        };
        format!("{}.{extension}", op.cli_command)
    }

    /// The MIME type to save the export with: JSON for the body, plain text for the scripts
    /// (a browser that knows a script type may offer to run it rather than save it).
    pub fn mime_type(self) -> &'static str {
        match self {
            Target::Json => "application/json",
            Target::Cli
            | Target::CliInputJson
            | Target::PowerShell
            | Target::Cmd
            | Target::Boto3 => "text/plain",
        }
    }
}

/// The request body: pretty JSON with two-space indentation and a final newline, members in
/// the model's order, non-ASCII kept as UTF-8 (only invisible formatting characters are
/// escaped, see the module notes). Ready for
/// `aws sagemaker create-auto-ml-job --cli-input-json file://create-auto-ml-job.json`.
pub fn json_body(request: &Node) -> String {
    body(&in_model_order(request))
}

/// [`json_body`] of a request of `op`, its members in that operation's model order.
pub fn json_body_for(op: &Operation, request: &Node) -> String {
    body(&in_model_order_for(op, request))
}

/// A request already in its model's order as the body [`json_body`] writes.
fn body(ordered: &Node) -> String {
    let mut body = json_text(ordered, true, false);
    body.push('\n');
    body
}

/// The request exported as `target`.
pub fn render(request: &Node, target: Target) -> String {
    render_for(&CREATE_AUTO_ML_JOB, request, target)
}

/// A request of `op` exported as `target`.
pub fn render_for(op: &Operation, request: &Node, target: Target) -> String {
    let request = in_model_order_for(op, request);
    match target {
        Target::Json => body(&request),
        Target::Cli => posix::per_option(op, &request),
        Target::CliInputJson => posix::cli_input_json(op, &request),
        Target::PowerShell => windows::powershell(op, &json_text(&request, true, true)),
        Target::Cmd => windows::cmd(op, &json_text(&request, true, true)),
        Target::Boto3 => python::program(op, &request),
    }
}

/// The request with the members of every known structure in the model's order; unknown
/// members follow the known ones in their given order. Values are not changed.
pub fn in_model_order(request: &Node) -> Node {
    in_model_order_for(&CREATE_AUTO_ML_JOB, request)
}

/// [`in_model_order`] for a request of `op`.
pub fn in_model_order_for(op: &Operation, request: &Node) -> Node {
    order(request, op.request)
}

fn order(node: &Node, shape: &'static Shape) -> Node {
    let value = match (&node.value, &shape.kind) {
        (Value::Object(members), Kind::Structure { members: defs }) => {
            // The members of each definition in turn, then the unknown ones: a stable
            // order by definition (member names are unique in a structure), without a sort.
            let member = |m: &Member, value: Node| Member {
                key: m.key.clone(),
                key_span: m.key_span,
                value,
            };
            let mut out = Vec::with_capacity(members.len());
            for def in defs.iter() {
                for m in members.iter().filter(|m| m.key == def.name) {
                    out.push(member(m, order(&m.value, def.shape)));
                }
            }
            for m in members
                .iter()
                .filter(|m| !defs.iter().any(|d| d.name == m.key))
            {
                out.push(member(m, m.value.clone()));
            }
            Value::Object(out)
        }
        (Value::Array(items), Kind::List { member, .. }) => {
            Value::Array(items.iter().map(|i| order(i, member)).collect())
        }
        (value, _) => value.clone(),
    };
    Node {
        value,
        span: node.span,
    }
}

/// Whether a character displays as something other than itself: the bidirectional
/// formatting characters (Unicode TR 9: ALM, LRM, RLM, LRE…RLO, LRI…PDI), zero-width
/// characters, the word joiner family and the byte order mark.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// `node` as JSON text (pretty with two-space indentation, or compact). With `ascii`, every
/// non-ASCII character is written as a `\u` escape (UTF-16, so a surrogate pair beyond the
/// BMP); otherwise only invisible characters are.
pub(crate) fn json_text(node: &Node, pretty: bool, ascii: bool) -> String {
    let text = if pretty {
        json::to_pretty(node)
    } else {
        json::to_compact(node)
    };
    // Outside strings JSON text is ASCII, so every non-ASCII character is inside a string,
    // where a character and its `\u` escape mean the same.
    if text.is_ascii() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (ascii && !c.is_ascii()) || is_invisible(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str("\\u");
                json::push_hex(&mut out, u32::from(*unit), 4, false);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The members of an object with only the last of each duplicated key (the one a JSON reader
/// keeps), in order; for exports where a key cannot repeat.
pub(crate) fn last_of_each(members: &[Member]) -> Vec<&Member> {
    members
        .iter()
        .enumerate()
        .filter(|(i, m)| !members.iter().skip(i + 1).any(|n| n.key == m.key))
        .map(|(_, m)| m)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::aws_cli::CLI_OPTIONS;

    #[test]
    fn mime_types_are_what_the_page_saves_with() {
        for t in Target::ALL {
            let want = if t == Target::Json {
                "application/json"
            } else {
                "text/plain"
            };
            assert_eq!(t.mime_type(), want, "{}", t.name());
        }
    }

    #[test]
    fn file_names_follow_the_operation() {
        for t in Target::ALL {
            assert_eq!(
                t.file_name_for(&CREATE_AUTO_ML_JOB),
                t.file_name(),
                "{}",
                t.name()
            );
        }
        let v2 = &crate::operation::CREATE_AUTO_ML_JOB_V2;
        assert_eq!(Target::Boto3.file_name_for(v2), "create-auto-ml-job-v2.py");
        assert_eq!(
            Target::CliInputJson.file_name_for(v2),
            "create-auto-ml-job-v2.sh"
        );
    }

    #[test]
    fn target_names_round_trip() {
        for t in Target::ALL {
            assert_eq!(Target::from_name(t.name()), Some(t));
        }
        assert_eq!(Target::from_name("yaml"), None);
    }

    #[test]
    fn every_top_level_member_has_its_cli_option() {
        let defs = CREATE_AUTO_ML_JOB.request.members();
        assert_eq!(defs.len(), CLI_OPTIONS.len());
        for (def, (name, _)) in defs.iter().zip(CLI_OPTIONS) {
            assert_eq!(def.name, name);
        }
    }

    #[test]
    fn orders_members_recursively_and_keeps_unknown_ones_last() {
        let node = json::parse(
            r#"{"Zed":1,"RoleArn":"r","InputDataConfig":[{"TargetAttributeName":"t","DataSource":{}}],"AutoMLJobName":"n"}"#,
        )
        .unwrap();
        assert_eq!(
            json::to_compact(&in_model_order(&node)),
            r#"{"AutoMLJobName":"n","InputDataConfig":[{"DataSource":{},"TargetAttributeName":"t"}],"RoleArn":"r","Zed":1}"#
        );
    }

    #[test]
    fn json_text_escapes_invisible_and_optionally_all_non_ascii() {
        let node = json::parse("[\"é😀\u{202e}x\"]").unwrap();
        assert_eq!(json_text(&node, false, false), "[\"é😀\\u202ex\"]");
        assert_eq!(
            json_text(&node, false, true),
            "[\"\\u00e9\\ud83d\\ude00\\u202ex\"]"
        );
        let back = json::parse(&json_text(&node, false, true)).unwrap();
        assert!(back.same_as(&node));
    }

    #[test]
    fn json_body_is_pretty_with_a_final_newline() {
        let node = json::parse(r#"{"Tags":[],"AutoMLJobName":"ü"}"#).unwrap();
        assert_eq!(
            json_body(&node),
            "{\n  \"AutoMLJobName\": \"ü\",\n  \"Tags\": []\n}\n"
        );
        assert_eq!(render(&node, Target::Json), json_body(&node));
    }

    #[test]
    fn last_of_each_keeps_the_last_duplicate() {
        let node = json::parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        let kept: Vec<String> = last_of_each(node.as_object().unwrap())
            .iter()
            .map(|m| format!("{}={}", m.key, json::to_compact(&m.value)))
            .collect();
        assert_eq!(kept, ["b=2", "a=3"]);
    }
}
