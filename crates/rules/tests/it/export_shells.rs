//! The POSIX exports read back by the shells themselves: each export's arguments, as bash,
//! dash, zsh (also with `RC_QUOTES`) and an interactive bash with history expansion see
//! them, must be exactly the words the export meant. The `aws` program is a shell function
//! that prints its arguments, so nothing is sent; `scripts/test-clients.sh` does the same with
//! the real AWS CLI. A shell that is not installed is skipped with a note.

use std::io::Write;
use std::process::{Command, Stdio};

use automl_rules::export::{render, Target};
use automl_rules::json;

/// (name, program, arguments before the script)
const SHELLS: &[(&str, &str, &[&str])] = &[
    ("bash", "bash", &["-c"]),
    ("dash", "dash", &["-c"]),
    ("zsh", "zsh", &["-c"]),
    ("zsh -o rcquotes", "zsh", &["-o", "rcquotes", "-c"]),
    ("bash -o posix", "bash", &["-o", "posix", "-c"]),
];

/// Prints each argument followed by a NUL byte.
const PRINT_ARGS: &str = "aws() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n";

fn run(program: &str, args: &[&str], script: &str, stdin: Option<&str>) -> Option<Vec<u8>> {
    let mut command = Command::new(program);
    command.args(args);
    if stdin.is_none() {
        command.arg(script);
    }
    let dir = std::env::temp_dir().join(format!("export-shells-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let mut child = command
        .current_dir(&dir)
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    if let Some(input) = stdin {
        child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    }
    let out = child.wait_with_output().ok()?;
    let left: Vec<_> = std::fs::read_dir(&dir).ok()?.collect();
    assert!(left.is_empty(), "{program} created files: {left:?}");
    std::fs::remove_dir(&dir).ok()?;
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out.stdout)
}

fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text.split('\0').map(str::to_string).collect();
    out.pop();
    out
}

/// The hostile strings every export carries.
const HOSTILE: &str = "it's \"q\" '' $(touch x) `touch y` ${HOME} \\ \\n ! !! %PATH% ^& | < > ( ) ; * ? [a] {b} ~ # \n\t\r é 中文 😀 𝄞 '@ \u{202e} \u{0}";

fn request() -> json::Node {
    let mut text = String::from(
        r#"{"AutoMLJobName":"j","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/i"}},"TargetAttributeName":"#,
    );
    json::write_string(&mut text, HOSTILE);
    text.push_str(r#"}],"RoleArn":"-r","GenerateCandidateDefinitionsOnly":true,"Tags":[{"Key":"k","Value":"é 中"}],"ProblemType":"file:///etc/passwd"}"#);
    json::parse(&text).unwrap()
}

#[test]
fn posix_exports_reach_the_program_as_meant() {
    let request = request();
    // What the program must receive: the words of the per-option form, computed directly.
    let input_data = json::to_compact(request.get("InputDataConfig").unwrap());
    assert!(input_data.contains("\\u0000"));
    let cli_expected: Vec<String> = [
        "sagemaker",
        "create-auto-ml-job",
        "--cli-input-json",
        r#"{"ProblemType":"file:///etc/passwd"}"#,
        "--auto-ml-job-name",
        "j",
        "--input-data-config",
        &input_data.replace('\u{202e}', "\\u202e"),
        "--role-arn=-r",
        "--generate-candidate-definitions-only",
        "--tags",
        r#"[{"Key":"k","Value":"é 中"}]"#,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut ran = 0;
    for target in [Target::Cli, Target::CliInputJson] {
        let export = render(&request, target);
        let script = format!("{PRINT_ARGS}{export}");
        for (name, program, args) in SHELLS {
            let Some(out) = run(program, args, &script, None) else {
                eprintln!("note: {name} is not installed; skipped");
                continue;
            };
            let got = words(std::str::from_utf8(&out).unwrap());
            if target == Target::Cli {
                assert_eq!(got, cli_expected, "{name}");
            } else {
                assert_eq!(got.len(), 4, "{name}");
                let body = json::parse(&got[3]).unwrap();
                assert!(body.same_as(&automl_rules::export::in_model_order(&request)));
            }
            ran += 1;
        }
        // An interactive bash, where `!` would be history expansion outside single quotes.
        if let Some(out) = run(
            "bash",
            &["--norc", "--noprofile", "-i"],
            "",
            Some(&format!("set -o histexpand\n{script}exit\n")),
        ) {
            let got = words(std::str::from_utf8(&out).unwrap());
            if target == Target::Cli {
                assert_eq!(got, cli_expected, "interactive bash");
            }
        }
    }
    assert!(ran > 0, "no POSIX shell found");
}
