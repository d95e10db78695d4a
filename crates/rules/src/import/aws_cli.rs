//! An `aws sagemaker create-auto-ml-job` command: its options read as the AWS CLI reads them
//! (global options left out, JSON or shorthand values, paramfiles refused).

use super::shell::{
    fill_holes, is_whole_hole, shell_assignments, shown, words_with, Hole, Word, HOLE,
};
use super::shorthand::{looks_like_json, shorthand_value};
use super::windows::{cmd_continuation, powershell_continuation, POWERSHELL};
use super::{
    error, is_assignment, is_aws, lines_at, note_lone_surrogates, remap, ImportError, OPERATIONS,
};
use crate::diag::Diagnostic;
use crate::export::in_model_order_for;
use crate::json;
use crate::json::{Member, Node, Span, Value};
use crate::model::aws_cli::{GLOBAL_OPTIONS, PARAMFILE_PREFIXES};
use crate::model::{Kind, Shape};
use crate::operation::Operation;

/// The request of an `aws sagemaker …` command (with the shell variables set before it), and
/// the one of `ops` whose command it runs (the first when it runs none): what only the
/// running shell knows is a hole, named in `diagnostics` at the member it feeds; the AWS
/// CLI's own options and the environment a prefix gives it (`AWS_PROFILE=ml aws …`) go in
/// `left_out`.
pub(super) fn command<'o>(
    ops: &[&'o Operation],
    text: &str,
    left_out: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(&'o Operation, Node), ImportError> {
    let mut holes = Vec::new();
    let (vars, blanked) = shell_assignments(text, &mut holes);
    let text = blanked.as_str();
    if let Some(e) = not_a_command(ops[0], text) {
        return Err(e);
    }
    let words = words_with(text, &vars, &mut holes).map_err(|e| {
        powershell_continuation(text)
            .or_else(|| cmd_continuation(text))
            .unwrap_or(e)
    })?;
    // The operation is the one whose command is the first word that names one (the word
    // after `sagemaker`, global options aside).
    let op = words
        .iter()
        .find_map(|w| ops.iter().find(|op| op.cli_command == w.text))
        .copied()
        .unwrap_or(ops[0]);
    // `NAME=value aws …`: the shell gives the variable to the aws command's environment only,
    // after expanding the command's words with the value it had before.
    let prefixes = words
        .iter()
        .take_while(|w| env_prefix(text, w).is_some())
        .count();
    for word in &words[..prefixes] {
        left_out.push(shown(&word.text, &holes));
        let name = env_prefix(text, word).unwrap_or_default();
        for h in holes.iter_mut().filter(|h| {
            !h.command && h.via.is_empty() && h.at.start > word.span.start && {
                let used = h.expression.trim_start_matches(['$', '{']);
                used.strip_prefix(name).is_some_and(|rest| {
                    !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                })
            }
        }) {
            h.prefix = Some(word.span.start);
        }
    }
    let words = &words[prefixes..];
    let Some(first) = words.first() else {
        return Err(error(
            text,
            text.len(),
            &format!("nothing to import: {}", expected(op)),
        ));
    };
    if !is_aws(&first.text) {
        return Err(error(text, first.span.start, &expected(op)));
    }
    let request = read_options(op, text, words, &holes, left_out, diagnostics)?;
    let mut request = in_model_order_for(op, &request);
    fill_holes(text, &mut request, "", &holes, diagnostics);
    for item in left_out.iter_mut() {
        *item = shown(item, &holes);
    }
    Ok((op, request))
}

/// The name of the variable `word` sets when it is an assignment the shell reads as one
/// (`NAME=value`, the name and `=` unquoted).
fn env_prefix<'w>(text: &str, word: &'w Word) -> Option<&'w str> {
    let (name, _) = word.text.split_once('=')?;
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
    (valid && text[word.span.start..].starts_with(&word.text[..=name.len()])).then_some(name)
}

/// The options of an `aws sagemaker …` command's `words` (the first is the aws program) as
/// the request's members, in the order written.
fn read_options(
    op: &Operation,
    text: &str,
    words: &[Word],
    holes: &[Hole],
    left_out: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Node, ImportError> {
    let aws = op.aws_command();
    // Messages show a hole as its marker, never its stand-in.
    let err = |at: usize, message: String| error(text, at, &shown(&message, holes));

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
                Some(_) if positional == 1 => {
                    if let Some(other) = OPERATIONS.iter().find(|o| o.cli_command == word.text) {
                        let version = if other.name.ends_with("V2") {
                            "V2"
                        } else {
                            "V1"
                        };
                        return Err(err(
                            word.span.start,
                            format!(
                                "this is {}, the {version} API ({}): this import reads {aws} requests ({})",
                                word.text, other.name, op.name
                            ),
                        ));
                    }
                    return Err(err(
                        word.span.start,
                        format!(
                            "expected '{}' here, found '{}': only {aws} can be imported",
                            op.cli_command, word.text
                        ),
                    ));
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
                let (value, from) = take_value(text, words, &mut i, word, inline, name)?;
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
            let (value, from) = take_value(text, words, &mut i, word, inline, name)?;
            if is_whole_hole(&value.text[from..]) {
                // The whole request comes from a run-time value: a hole at its root.
                let mut root = Node {
                    value: Value::String(value.text[from..].to_string()),
                    span: Span {
                        start: value.at(from),
                        end: value.end_at(value.text.len()),
                    },
                };
                let mut found = Vec::new();
                fill_holes(text, &mut root, "", holes, &mut found);
                diagnostics.extend(found.into_iter().map(|mut d| {
                    d.message = d.message.replace(
                        ": fill in its value",
                        "; it is the whole --cli-input-json, whose members are not known: fill them in",
                    );
                    d
                }));
                input_json = Some(Node {
                    value: Value::Object(Vec::new()),
                    span: root.span,
                });
                continue;
            }
            let node = json_word(text, value, from, "--cli-input-json", diagnostics)?;
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
                let (value, from) = take_value(text, words, &mut i, word, inline, name)?;
                let option = format!("--{name}");
                if is_whole_hole(&value.text[from..]) {
                    whole_hole(value, from)
                } else if looks_like_json(&value.text[from..]) {
                    json_word(text, value, from, &option, diagnostics)?
                } else {
                    check_paramfile(text, value, from, &option)?;
                    shorthand_value(text, value, from, &option, def.shape)?
                }
            }
            Kind::List { member, .. } => {
                list_value(text, words, &mut i, word, inline, name, member, diagnostics)?
            }
            _ => {
                let (value, from) = take_value(text, words, &mut i, word, inline, name)?;
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
    Ok(root)
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
    // An environment prefix (`AWS_PROFILE=ml aws …`) is for the words to tell.
    if is_aws(first.trim_matches(['\'', '"'])) || is_assignment(first) {
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
#[allow(clippy::too_many_arguments)]
fn list_value(
    text: &str,
    words: &[Word],
    i: &mut usize,
    word: &Word,
    inline: Option<usize>,
    name: &str,
    member: &Shape,
    diagnostics: &mut Vec<Diagnostic>,
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
    if parts.len() == 1 && is_whole_hole(&first.text[from..]) {
        return Ok(whole_hole(first, from));
    }
    if parts.len() == 1 && first.text[from..].trim_start().starts_with('[') {
        return json_word(text, first, from, &option, diagnostics);
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
                json_word(text, w, from, &option, diagnostics)
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

/// The value of an option that is one hole and nothing else, as a string holding its
/// stand-in (the import settles it by the member's type).
fn whole_hole(word: &Word, from: usize) -> Node {
    Node {
        value: Value::String(word.text[from..].to_string()),
        span: Span {
            start: word.at(from),
            end: word.end_at(word.text.len()),
        },
    }
}

/// The JSON value in `word` from byte `from`, with spans in the pasted text. A hole outside
/// the JSON's strings (`{"MaxCandidates": $N}`) is read as a string holding it, for the
/// import to settle by the member's type.
fn json_word(
    text: &str,
    word: &Word,
    from: usize,
    option: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Node, ImportError> {
    check_paramfile(text, word, from, option)?;
    let value = &word.text[from..];
    if !value.trim_start().starts_with(['{', '[']) {
        return Err(error(
            text,
            word.at(from),
            &format!("{option} takes JSON here: write it as a JSON value"),
        ));
    }
    let quoted = quote_bare_holes(value);
    let (json_text, map) = match &quoted {
        Some((json_text, map)) => (json_text.as_str(), Some(map)),
        None => (value, None),
    };
    let at = |i: usize| map.map_or(i, |m| m.get(i).copied().unwrap_or(value.len()));
    match json::parse_noting(json_text) {
        Ok((mut node, lone)) => {
            remap(&mut node, &|i| word.at(from + at(i)), &|i| {
                word.end_at(from + at(i))
            });
            note_lone_surrogates(lone.into_iter().map(|i| word.at(from + at(i))), diagnostics);
            Ok(node)
        }
        Err(e) => Err(error(
            text,
            word.at(from + at(e.offset)),
            &format!("{option}: {}", e.message),
        )),
    }
}

/// `value` with each hole's stand-in outside its JSON strings put in double quotes, and the
/// byte of `value` each byte of the result comes from (and its end last); `None` when there
/// is no such hole.
fn quote_bare_holes(value: &str) -> Option<(String, Vec<usize>)> {
    let mut out = String::with_capacity(value.len() + 8);
    let mut map = Vec::with_capacity(value.len() + 8);
    let mut in_string = false;
    let mut escaped = false;
    let mut quoted_any = false;
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !in_string && c == HOLE {
            if let Some(&(j, index)) = chars.peek() {
                chars.next();
                let end = j + index.len_utf8();
                out.push('"');
                map.push(i);
                out.push_str(&value[i..end]);
                map.extend(i..end);
                out.push('"');
                map.push(end - 1);
                quoted_any = true;
                continue;
            }
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
        map.extend(i..i + c.len_utf8());
    }
    map.push(value.len());
    quoted_any.then_some((out, map))
}
