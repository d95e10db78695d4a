//! An `aws sagemaker create-auto-ml-job` command: its options read as the AWS CLI reads them
//! (global options left out, JSON or shorthand values, paramfiles refused).

use super::shell::{shell_assignments, words_with, Word};
use super::shorthand::{looks_like_json, shorthand_value};
use super::windows::{cmd_continuation, powershell_continuation, POWERSHELL};
use super::{error, is_aws, lines_at, remap, ImportError};
use crate::export::in_model_order_for;
use crate::json;
use crate::json::{Member, Node, Span, Value};
use crate::model::aws_cli::{GLOBAL_OPTIONS, PARAMFILE_PREFIXES};
use crate::model::{Kind, Shape};
use crate::operation::Operation;

pub(super) fn command(
    op: &Operation,
    text: &str,
    left_out: &mut Vec<String>,
) -> Result<Node, ImportError> {
    let aws = op.aws_command();
    let (vars, blanked) = shell_assignments(text);
    let text = blanked.as_str();
    if let Some(e) = not_a_command(op, text) {
        return Err(e);
    }
    let words = words_with(text, &vars).map_err(|e| {
        powershell_continuation(text)
            .or_else(|| cmd_continuation(text))
            .unwrap_or(e)
    })?;
    let err = |at: usize, message: String| error(text, at, &message);
    let Some(first) = words.first() else {
        return Err(err(
            text.len(),
            format!("nothing to import: {}", expected(op)),
        ));
    };
    if !is_aws(&first.text) {
        return Err(error(text, first.span.start, &expected(op)));
    }

    let mut members: Vec<Member> = Vec::new();
    let mut input_json: Option<Node> = None;
    let mut positional = 0;
    let mut i = 1;
    while let Some(word) = words.get(i) {
        i += 1;
        let Some(option) = word.text.strip_prefix("--") else {
            let want = ["sagemaker", op.cli_command];
            match want.get(positional) {
                Some(w) if word.text == *w => {
                    positional += 1;
                    continue;
                }
                Some(w) if positional == 1 && word.text == format!("{w}-v2") => {
                    return Err(err(
                        word.span.start,
                        format!(
                            "this is {}, the V2 API (CreateAutoMLJobV2): this tool reads {aws} requests, and V2 requests are not read yet",
                            word.text
                        ),
                    ))
                }
                Some(w) => {
                    return Err(err(
                        word.span.start,
                        format!(
                            "expected '{w}' here, found '{}': only {aws} can be imported",
                            word.text
                        ),
                    ))
                }
                None => {
                    return Err(err(
                        word.span.start,
                        format!(
                            "unexpected argument '{}': every value follows its option",
                            word.text
                        ),
                    ))
                }
            }
        };
        let (name, inline) = match option.split_once('=') {
            Some((name, value)) => (name, Some(word.text.len() - value.len())),
            None => (option, None),
        };
        if let Some((_, takes_value)) = GLOBAL_OPTIONS.iter().find(|(g, _)| *g == name) {
            if *takes_value {
                let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
                left_out.push(format!("--{name} {}", &value.text[from..]));
            } else if inline.is_some() {
                return Err(err(word.span.start, format!("--{name} takes no value")));
            } else {
                left_out.push(format!("--{name}"));
            }
            continue;
        }
        if positional < 2 {
            return Err(err(
                word.span.start,
                format!("expected 'sagemaker {}' before --{name}", op.cli_command),
            ));
        }
        if name == "cli-input-json" {
            if input_json.is_some() {
                return Err(error(
                    text,
                    word.span.start,
                    "--cli-input-json is given twice",
                ));
            }
            let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
            let node = json_word(text, value, from, "--cli-input-json")?;
            if node.as_object().is_none() {
                return Err(error(
                    text,
                    node.span.start,
                    "--cli-input-json must be a JSON object",
                ));
            }
            input_json = Some(node);
            continue;
        }
        let (key, negated) = match op.cli_options.iter().find(|(_, o)| *o == name) {
            Some((key, _)) => (*key, false),
            None => match name
                .strip_prefix("no-")
                .and_then(|n| op.cli_options.iter().find(|(_, o)| *o == n))
            {
                Some((key, _)) => (*key, true),
                None => {
                    return Err(err(
                        word.span.start,
                        format!("unknown option '--{name}' for {aws}"),
                    ))
                }
            },
        };
        let Some(def) = op.request.member(key) else {
            continue;
        };
        if members.iter().any(|m| m.key == key) {
            return Err(err(
                word.span.start,
                format!("the member {key} is given twice (--{name})"),
            ));
        }
        let is_bool = matches!(def.shape.kind, Kind::Boolean);
        if negated && !is_bool {
            return Err(err(
                word.span.start,
                format!("unknown option '--{name}' for {aws}"),
            ));
        }
        let value = match &def.shape.kind {
            Kind::Boolean => {
                if inline.is_some() {
                    return Err(err(
                        word.span.start,
                        format!(
                            "--{name} is a flag and takes no value: write --{name} or --no-{name}"
                        ),
                    ));
                }
                Node {
                    value: Value::Bool(!negated),
                    span: word.span,
                }
            }
            Kind::Structure { .. } => {
                let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
                let option = format!("--{name}");
                if looks_like_json(&value.text[from..]) {
                    json_word(text, value, from, &option)?
                } else {
                    check_paramfile(text, value, from, &option)?;
                    shorthand_value(text, value, from, &option, def.shape)?
                }
            }
            Kind::List { member, .. } => {
                list_value(text, &words, &mut i, word, inline, name, member)?
            }
            _ => {
                let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
                let s = &value.text[from..];
                check_paramfile(text, value, from, &format!("--{name}"))?;
                Node {
                    value: Value::String(s.to_string()),
                    span: Span {
                        start: value.at(from),
                        end: value.end_at(value.text.len()),
                    },
                }
            }
        };
        members.push(Member {
            key: key.to_string(),
            key_span: Span {
                start: word.span.start,
                end: word.span.start + 2 + name.len(),
            },
            value,
        });
    }
    if positional < 2 {
        return Err(error(
            text,
            text.trim_end().len(),
            &format!("expected '{aws}'"),
        ));
    }
    // The options override the members of --cli-input-json (awscli/customizations/cliinputjson.py).
    let mut all = match input_json {
        Some(Node {
            value: Value::Object(base),
            ..
        }) => base
            .into_iter()
            .filter(|b| !members.iter().any(|m| m.key == b.key))
            .collect(),
        _ => Vec::new(),
    };
    all.extend(members);
    let root = Node {
        value: Value::Object(all),
        span: Span {
            start: words.first().map_or(0, |w| w.span.start),
            end: words.last().map_or(0, |w| w.span.end),
        },
    };
    Ok(in_model_order_for(op, &root))
}

/// What the import reads, for a text it cannot.
fn expected(op: &Operation) -> String {
    format!(
        "expected a JSON body, an {} command or a boto3 {}(…) call",
        op.aws_command(),
        op.python_method
    )
}

/// When the first line that is not blank or a comment does not start with the aws program, what
/// the text looks like instead (YAML, a PowerShell session, a boto3 program, anything else),
/// before the shell words are read: prose is not told about quoting.
fn not_a_command(op: &Operation, text: &str) -> Option<ImportError> {
    let (at, line) = lines_at(text)
        .find(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))?;
    let indent = line.len() - line.trim_start().len();
    let first = line.split_whitespace().next()?;
    if is_aws(first.trim_matches(['\'', '"'])) {
        return None;
    }
    let at = at + indent;
    let line = line.trim();
    let key = line.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let yaml = line == "---"
        || (key.len() < line.len()
            && key
                .strip_prefix(':')
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t'])));
    let message = if yaml {
        "this looks like YAML; paste the JSON body".to_string()
    } else if first == "PS" && line.contains("> ") {
        POWERSHELL.to_string()
    } else if first == "import" || first == "from" {
        format!(
            "{}: this Python has no boto3 {}(…) call",
            expected(op),
            op.python_method
        )
    } else {
        expected(op)
    };
    Some(error(text, at, &message))
}

/// An option's value: after `=` in the same word (`inline` is where it starts), or the next
/// word when that is not an option.
fn take_value<'w>(
    text: &str,
    words: &'w [Word],
    i: &mut usize,
    word: &'w Word,
    inline: Option<usize>,
    name: &str,
) -> Result<(&'w Word, usize), ImportError> {
    if let Some(from) = inline {
        return Ok((word, from));
    }
    match words.get(*i) {
        Some(next) if !next.text.starts_with("--") => {
            *i += 1;
            Ok((next, 0))
        }
        _ => Err(error(
            text,
            word.span.start,
            &format!("--{name} needs a value"),
        )),
    }
}

/// A list option's value: one JSON array, or one item per word (AWS CLI v1 list parameters
/// take one or more words), each JSON or, when the first word does not start with `{` or `[`,
/// each shorthand. `--name=value` takes that one word only, as argparse does.
fn list_value(
    text: &str,
    words: &[Word],
    i: &mut usize,
    word: &Word,
    inline: Option<usize>,
    name: &str,
    member: &Shape,
) -> Result<Node, ImportError> {
    let option = format!("--{name}");
    let mut parts: Vec<(&Word, usize)> = Vec::new();
    if let Some(from) = inline {
        parts.push((word, from));
    }
    while let Some(next) = words.get(*i).filter(|_| inline.is_none()) {
        if next.text.starts_with("--") {
            break;
        }
        parts.push((next, 0));
        *i += 1;
    }
    let Some(&(first, from)) = parts.first() else {
        return Err(error(
            text,
            word.span.start,
            &format!("{option} needs a value"),
        ));
    };
    if parts.len() == 1 && first.text[from..].trim_start().starts_with('[') {
        return json_word(text, first, from, &option);
    }
    let shorthand =
        matches!(member.kind, Kind::Structure { .. }) && !looks_like_json(&first.text[from..]);
    if shorthand && parts.len() == 1 {
        check_paramfile(text, first, from, &option)?;
    }
    let items = parts
        .iter()
        .map(|&(w, from)| {
            if shorthand {
                shorthand_value(text, w, from, &option, member)
            } else {
                json_word(text, w, from, &option)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let span = Span {
        start: items.first().map_or(0, |n| n.span.start),
        end: items.last().map_or(0, |n| n.span.end),
    };
    Ok(Node {
        value: Value::Array(items),
        span,
    })
}

fn check_paramfile(text: &str, word: &Word, from: usize, option: &str) -> Result<(), ImportError> {
    let value = &word.text[from..];
    if PARAMFILE_PREFIXES.iter().any(|p| value.starts_with(p)) {
        return Err(error(
            text,
            word.at(from),
            &format!(
                "the AWS CLI would read {option} from '{value}'; files and URLs are not read here: paste the contents instead"
            ),
        ));
    }
    Ok(())
}

/// The JSON value in `word` from byte `from`, with spans in the pasted text.
fn json_word(text: &str, word: &Word, from: usize, option: &str) -> Result<Node, ImportError> {
    check_paramfile(text, word, from, option)?;
    let value = &word.text[from..];
    if !value.trim_start().starts_with(['{', '[']) {
        return Err(error(
            text,
            word.at(from),
            &format!("{option} takes JSON here: write it as a JSON value"),
        ));
    }
    match json::parse(value) {
        Ok(mut node) => {
            remap(&mut node, &|i| word.at(from + i), &|i| {
                word.end_at(from + i)
            });
            Ok(node)
        }
        Err(e) => Err(error(
            text,
            word.at(from + e.offset),
            &format!("{option}: {}", e.message),
        )),
    }
}
