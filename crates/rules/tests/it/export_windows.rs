//! The PowerShell and cmd.exe exports cannot run here, so they are checked against the
//! documented rules they rely on (see `src/export/windows.rs` for the sources), with a small
//! model of each shell written independently of the exporter:
//! - cmd.exe, for a batch-file line: percent expansion first (`%%` is one `%`, any other `%`
//!   starts a variable reference), then `"` toggles quoting and, outside quotes, `^` makes the
//!   next character literal while an unescaped `& | < > ( )` is a command separator,
//!   redirection or block (and `!` is literal with delayed expansion off);
//! - PowerShell: a single-quoted here-string runs from the line after `@'` to the first line
//!   that starts with `'@`, taken verbatim; `‘ ’ ‚ ‛` count as `'`.
//!
//! For every special character, and for arbitrary generated requests, the file each script
//! writes must be a JSON text equal to the request.

use automl_rules::export::{in_model_order, render, Target};
use automl_rules::json::{self, Member, Node, Value};
use proptest::prelude::*;

/// What cmd.exe's `echo(` writes for one line after the prefix, or why the line would do
/// something else than echo.
fn cmd_echo(line: &str) -> Result<String, String> {
    // Phase 1: percent expansion.
    let mut expanded = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if chars.peek() == Some(&'%') {
                chars.next();
                expanded.push('%');
            } else {
                return Err(format!("a lone % would expand a variable in {line:?}"));
            }
        } else {
            expanded.push(c);
        }
    }
    // Phase 2: quotes, carets and special characters.
    let mut out = String::new();
    let mut quoted = false;
    let mut chars = expanded.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                out.push(c);
            }
            '^' if !quoted => match chars.next() {
                Some(next) => out.push(next),
                None => return Err(format!("a trailing caret continues the line {line:?}")),
            },
            '&' | '|' | '<' | '>' | '(' | ')' if !quoted => {
                return Err(format!("an unescaped {c:?} outside quotes in {line:?}"))
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

/// The file the cmd.exe script writes.
fn cmd_file(script: &str) -> Result<String, String> {
    assert!(script.contains("setlocal EnableExtensions DisableDelayedExpansion\r\n"));
    let mut file = String::new();
    for line in script.split("\r\n") {
        if let Some(rest) = line.strip_prefix(">>\"%REQUEST%\" echo(") {
            file.push_str(&cmd_echo(rest)?);
            file.push_str("\r\n");
        } else if line.contains("echo(") {
            return Err(format!("an echo line of another form: {line:?}"));
        }
    }
    Ok(file)
}

/// The text of the PowerShell script's single-quoted here-string.
fn powershell_here_string(script: &str) -> Result<String, String> {
    let is_quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}');
    let mut lines = script.lines();
    lines
        .by_ref()
        .find(|l| l.ends_with("@'"))
        .ok_or("no here-string")?;
    let mut body = Vec::new();
    for line in lines {
        let mut chars = line.chars();
        if chars.next().is_some_and(is_quote) && chars.next() == Some('@') {
            return Ok(body.join("\n"));
        }
        body.push(line);
    }
    Err("the here-string is never closed".to_string())
}

fn string_request(value: &str) -> Node {
    let mut text =
        String::from(r#"{"AutoMLJobName":"j","InputDataConfig":[{"TargetAttributeName":"#);
    json::write_string(&mut text, value);
    text.push_str(r#"}],"Tags":[{"Key":"#);
    json::write_string(&mut text, value);
    text.push_str(r#","Value":"v"}]}"#);
    json::parse(&text).unwrap()
}

fn check_windows_exports(request: &Node) -> Result<(), String> {
    let expected = in_model_order(request);
    let cmd = render(request, Target::Cmd);
    if !cmd.is_ascii() {
        return Err("the cmd.exe script is not ASCII".into());
    }
    let file = cmd_file(&cmd)?;
    let written = json::parse(&file).map_err(|e| format!("cmd.exe writes bad JSON: {e}"))?;
    if !written.same_as(&expected) {
        return Err(format!("cmd.exe writes another request:\n{file}"));
    }
    let ps = render(request, Target::PowerShell);
    if !ps.is_ascii() {
        return Err("the PowerShell script is not ASCII".into());
    }
    let body = powershell_here_string(&ps)?;
    let written = json::parse(&body).map_err(|e| format!("PowerShell writes bad JSON: {e}"))?;
    if !written.same_as(&expected) {
        return Err(format!("PowerShell writes another request:\n{body}"));
    }
    Ok(())
}

#[test]
fn every_special_character_reaches_the_file() {
    let specials = [
        "%",
        "%%",
        "%PATH%",
        "%1",
        "%~dp0",
        "%*",
        "!",
        "!PATH!",
        "^",
        "^^",
        "&",
        "&&",
        "|",
        "<",
        ">",
        "(",
        ")",
        "\"",
        "\\\"",
        "\"&\"",
        "'",
        "'@",
        "@'",
        "\n'@\n",
        "`",
        "$",
        "$(x)",
        "${x}",
        "@",
        "#",
        ";",
        ",",
        "=",
        "\t",
        "\r\n",
        "\u{0}",
        "\u{1a}",
        "\u{7f}",
        "é",
        "😀",
        "\u{2018}@",
        "\u{2019}",
        "\u{201c}",
        "\u{2013}",
        "\u{202e}",
        "\u{feff}",
    ];
    for special in specials {
        for value in [
            special.to_string(),
            format!("a{special}b"),
            format!("\"{special}\""),
        ] {
            if let Err(e) = check_windows_exports(&string_request(&value)) {
                panic!("{value:?}: {e}");
            }
        }
    }
}

#[test]
fn the_model_of_cmd_catches_a_missing_escape() {
    assert!(cmd_echo("a&b").is_err());
    assert!(cmd_echo("50%").is_err());
    assert_eq!(cmd_echo("\"a&b\" ^& %%x"), Ok("\"a&b\" & %x".to_string()));
    assert_eq!(
        powershell_here_string("$b = @'\nx\n\u{2019}@\n'@\n"),
        Ok("x".to_string())
    );
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(
                &["%", "^", "&", "|", "<", ">", "(", ")", "\"", "!", "'@", "\n"][..]
            )
            .prop_map(str::to_string),
            any::<char>().prop_map(String::from),
        ],
        0..12,
    )
    .prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_strings_reach_the_file(values in prop::collection::vec(any_text(), 1..4)) {
        let members = values
            .iter()
            .enumerate()
            .map(|(i, v)| Member {
                key: format!("K{i}{v}"),
                key_span: Default::default(),
                value: Node::new(Value::String(v.clone())),
            })
            .collect();
        let request = Node::new(Value::Object(members));
        if let Err(e) = check_windows_exports(&request) {
            prop_assert!(false, "{e}");
        }
    }
}
