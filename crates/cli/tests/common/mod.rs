//! What the command's integration tests share: where the rules' fixtures are, and running the
//! built `automl-job` with a text on standard input. (Each test file is its own crate, so
//! each one that needs these says `mod common;`, and uses what it needs of them.)
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The path of one of the rules crate's fixtures (`crates/rules/tests/fixtures/NAME`).
pub fn fixture(name: &str) -> String {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rules/tests/fixtures"
    ))
    .join(name)
    .to_string_lossy()
    .into_owned()
}

/// Runs `automl-job ARGS` with `stdin` written from another thread (so a command that answers
/// before reading it all cannot block the test): (exit code, stdout, stderr).
pub fn run(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_automl-job"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run automl-job");
    let input = stdin.to_string();
    let mut pipe = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A directory of its own for one test's files, emptied first: `GROUP/TEST` under cargo's
/// scratch directory for integration tests.
pub fn scratch(group: &str, test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` as `dir/name`; its path as text, for the command's arguments.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}
