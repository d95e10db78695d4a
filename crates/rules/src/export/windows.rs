//! Scripts for PowerShell and cmd.exe. Both write the JSON body to a temporary file, as
//! UTF-8 without a byte order mark, and run
//! `aws sagemaker create-auto-ml-job --cli-input-json file://…`: passing JSON as a command-line
//! argument to a native program is mangled differently by each version of these shells
//! (aws-cli issues #3994, #4521, #6035), and the AWS CLI's own advice is to load it from a
//! file (<https://docs.aws.amazon.com/cli/v1/userguide/cli-usage-parameters-quoting-strings.html>).
//!
//! The body is written pure ASCII: every non-ASCII character is a JSON `\u` escape, which the
//! AWS CLI's `json.loads` reads back as the same character. So nothing depends on the code
//! page or on the encoding the script is saved and read in: Windows PowerShell 5.1 reads a
//! `.ps1` without a byte order mark as the ANSI code page (`about_Character_Encoding`), and
//! cmd.exe reads a batch file in the console code page. It also rules out PowerShell's
//! typographic quotes: PowerShell treats U+2018…U+201B as `'` (PowerShell Language
//! Specification 3.0, §2.3.5.2, *single-quote-character*).
//!
//! A pretty JSON text never holds a raw line break inside a string (JSON writes them `\n`),
//! so every line of the body is one line of the script, and each line starts with spaces
//! followed by `{`, `}`, `[`, `]` or `"`.

use crate::operation::Operation;

/// The PowerShell script (Windows PowerShell 5.1 and PowerShell 7).
///
/// The body is a single-quoted here-string, `@'` … `'@`: "A string enclosed in single
/// quotation marks is a verbatim string. … No substitution is performed", and in a
/// here-string "quotation marks are interpreted literally" (`about_Quoting_Rules`,
/// <https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules>).
/// So `$`, backticks, `'`, `"` and `@` need no escape. The here-string ends only at a line
/// that starts with `'@`; no line of a pretty JSON body can (see the module notes). The file
/// is written by `[System.IO.File]::WriteAllText` with `UTF8Encoding($false)`, which writes no
/// byte order mark in either version (`Out-File -Encoding utf8` writes one in 5.1).
pub(super) fn powershell(op: &Operation, ascii_json: &str) -> String {
    let command = op.aws_command();
    format!(
        "# Creates the SageMaker Autopilot job with the AWS CLI (Windows PowerShell 5.1 or PowerShell 7).\n\
         # The request body sits in a single-quoted here-string, where PowerShell substitutes nothing;\n\
         # it is written to a temporary file as UTF-8 without a byte order mark and sent from there.\n\
         $body = @'\n\
         {ascii_json}\n\
         '@\n\
         $path = [System.IO.Path]::GetTempFileName()\n\
         [System.IO.File]::WriteAllText($path, $body, (New-Object System.Text.UTF8Encoding $false))\n\
         try {{\n    \
             {command} --cli-input-json \"file://$path\"\n\
         }} finally {{\n    \
             Remove-Item -LiteralPath $path\n\
         }}\n"
    )
}

/// Longest line written to a batch file. cmd.exe's limit is 8191 characters per command line,
/// after `%` expansion ("Command prompt (Cmd.exe) command-line string limitation",
/// <https://learn.microsoft.com/troubleshoot/windows-client/shell-experience/command-line-string-limitation>);
/// the margin covers the expanded `%REQUEST%` path.
pub(crate) const CMD_LINE_LIMIT: usize = 7800;

/// The prefix of each line that writes one line of the body.
pub(crate) const CMD_ECHO: &str = ">>\"%REQUEST%\" echo(";

/// The cmd.exe batch file: `echo(` lines appended to the file, each escaped by
/// [`cmd_escape`]. The redirection comes first, so a line ending in a digit cannot be read
/// as a handle number (`…10>>file`). Delayed expansion is turned off, so `!` is literal.
/// `call aws` because the AWS CLI v1 is a batch file (`aws.cmd`) and a batch file run
/// without `call` never returns to its caller (`call /?`).
pub(super) fn cmd(op: &Operation, ascii_json: &str) -> String {
    let lines: Vec<String> = ascii_json.lines().map(cmd_escape).collect();
    let mut out = String::from(
        "@echo off\r\n\
         rem Creates the SageMaker Autopilot job with the AWS CLI: writes the request body to a\r\n\
         rem temporary file (ASCII JSON, so the code page does not matter) and sends it from there.\r\n\
         setlocal EnableExtensions DisableDelayedExpansion\r\n",
    );
    if let Some(long) = lines
        .iter()
        .find(|l| CMD_ECHO.len() + l.len() > CMD_LINE_LIMIT)
    {
        out.push_str(&format!(
            "echo This request has a line of {} characters; cmd.exe reads at most 8191 per line. 1>&2\r\n\
             echo Use the PowerShell or JSON export instead. 1>&2\r\n\
             exit /b 1\r\n",
            long.len()
        ));
        return out;
    }
    out.push_str(&format!(
        "set \"REQUEST=%TEMP%\\{}-%RANDOM%%RANDOM%.json\"\r\n",
        op.cli_command
    ));
    out.push_str("type nul >\"%REQUEST%\"\r\n");
    for line in &lines {
        out.push_str(CMD_ECHO);
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str(&format!(
        "call {} --cli-input-json \"file://%REQUEST%\"\r\n\
         set \"STATUS=%ERRORLEVEL%\"\r\n\
         del \"%REQUEST%\"\r\n\
         exit /b %STATUS%\r\n",
        op.aws_command()
    ));
    out
}

/// One line of text escaped for `echo(` in a batch file.
///
/// The rules, in cmd.exe's order of parsing (Microsoft's `echo` reference,
/// <https://learn.microsoft.com/windows-server/administration/windows-commands/echo>, and the
/// phase-by-phase account in <https://stackoverflow.com/a/4095133>):
/// 1. `%` starts a variable or argument reference everywhere, even inside quotes; in a batch
///    file `%%` stands for one `%`.
/// 2. `"` toggles quoting; inside quotes `^ & | < > ( )` are literal, and a `^` would be
///    kept, so nothing else is escaped there. Outside quotes each of them is escaped by a
///    `^` in front. The JSON's `\"` is a quote to cmd, so the state is tracked per character.
/// 3. `!` only matters under delayed expansion, which the script turns off
///    (`setlocal DisableDelayedExpansion`); with it on, `!` would need `^^!`.
pub(crate) fn cmd_escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            '%' => out.push('%'),
            '^' | '&' | '|' | '<' | '>' | '(' | ')' if !quoted => out.push('^'),
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::CREATE_AUTO_ML_JOB;

    #[test]
    fn cmd_escapes_each_special_character_outside_quotes_only() {
        // (line, escaped): outside quotes, then inside, then after a JSON \" flipped the state.
        let cases = [
            ("^", "^^"),
            ("&", "^&"),
            ("|", "^|"),
            ("<", "^<"),
            (">", "^>"),
            ("(", "^("),
            (")", "^)"),
            ("%", "%%"),
            ("!", "!"),
            ("\"^&|<>()%!\"", "\"^&|<>()%%!\""),
            ("%PATH%", "%%PATH%%"),
            ("%1 %* %~dp0", "%%1 %%* %%~dp0"),
            (r#"  "a\"&b": "c","#, r#"  "a\"^&b": "c","#),
            (r#"  "a\"&b\"&c","#, r#"  "a\"^&b\"&c","#),
            ("  \"k\": [1, 2]", "  \"k\": [1, 2]"),
        ];
        for (line, escaped) in cases {
            assert_eq!(cmd_escape(line), escaped, "{line}");
        }
    }

    #[test]
    fn cmd_script_shape() {
        let script = cmd(&CREATE_AUTO_ML_JOB, "{\n  \"A\": \"x&y\"\n}");
        assert!(script.starts_with("@echo off\r\n"));
        assert!(script.contains("setlocal EnableExtensions DisableDelayedExpansion\r\n"));
        assert!(script.contains(
            ">>\"%REQUEST%\" echo({\r\n>>\"%REQUEST%\" echo(  \"A\": \"x&y\"\r\n>>\"%REQUEST%\" echo(}\r\n"
        ));
        assert!(script.contains(
            "call aws sagemaker create-auto-ml-job --cli-input-json \"file://%REQUEST%\"\r\n"
        ));
        assert!(script.is_ascii());
    }

    #[test]
    fn cmd_refuses_lines_over_the_limit_with_a_message() {
        let long = format!("{{\n  \"A\": \"{}\"\n}}", "x".repeat(CMD_LINE_LIMIT));
        let script = cmd(&CREATE_AUTO_ML_JOB, &long);
        assert!(script.contains("exit /b 1"));
        assert!(!script.contains("create-auto-ml-job --cli-input-json"));
    }

    #[test]
    fn powershell_here_string_holds_the_body_verbatim() {
        let body = "{\n  \"A\": \"$(x) `y' '@ @' \\\"\"\n}";
        let script = powershell(&CREATE_AUTO_ML_JOB, body);
        let start = script.find("@'\n").unwrap() + 3;
        let end = script.find("\n'@\n").unwrap();
        assert_eq!(&script[start..end], body);
        // Only the closing line starts with '@.
        assert_eq!(script.lines().filter(|l| l.starts_with("'@")).count(), 1);
        assert!(script.contains("New-Object System.Text.UTF8Encoding $false"));
        assert!(script.contains("--cli-input-json \"file://$path\""));
    }
}
