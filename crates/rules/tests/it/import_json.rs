//! A JSON body is imported as `check` reads it: text that is not JSON gets check's message
//! at check's place (the import used to fall back to reading it as a Python dict, which takes
//! `"y\x41"`, trailing commas and raw tabs in strings), and what check reads is what the import
//! gives. A table of the cases found by fuzzing, and the property over generated JSON-ish texts.

use crate::located;

use automl_rules::check::check_text;
use automl_rules::import::import;
use automl_rules::json;
use proptest::prelude::*;

/// (what the case guards, text, part of the message, line, column): each is also refused by
/// `check` with the same message at the same place (see [`check_refuses_the_same`]).
const NOT_JSON: &[(&str, &str, &str, usize, usize)] = &[
    (
        "a \\x escape (Python reads it as A)",
        "{\"AutoMLJobName\": \"y\\x41\"}",
        "invalid escape '\\x' in a string",
        1,
        21,
    ),
    (
        "a \\' escape",
        "{\"AutoMLJobName\": \"it\\'s\"}",
        "invalid escape '\\''",
        1,
        22,
    ),
    (
        "a trailing comma in an object",
        "{\"AutoMLJobName\": \"y\",}",
        "trailing comma before '}'",
        1,
        23,
    ),
    (
        "a trailing comma in a list",
        "{\"Tags\": [{\"Key\": \"k\", \"Value\": \"v\"},\n]}",
        "trailing comma before ']'",
        2,
        1,
    ),
    (
        "a raw tab in a string",
        "{\"AutoMLJobName\": \"y\tz\"}",
        "the control character U+0009 inside a string must be escaped",
        1,
        21,
    ),
    (
        "a raw line break in a string",
        "{\"AutoMLJobName\": \"y\nz\"}",
        "inside a string must be escaped",
        1,
        21,
    ),
    (
        "a raw NUL in a string",
        "{\"RoleArn\": \"a\u{0}\"}",
        "U+0000 inside a string must be escaped",
        1,
        15,
    ),
    (
        "a doubled byte order mark",
        "\u{feff}\u{feff}{\"AutoMLJobName\": \"y\"}",
        "expected a JSON value",
        1,
        2,
    ),
    (
        "a byte order mark inside the white space",
        " \u{feff}{}",
        "expected a JSON value",
        1,
        2,
    ),
    (
        "a leading zero",
        "{\"Tags\": [], \"X\": 01}",
        "leading zeros",
        1,
        20,
    ),
    (
        "a fraction without digits",
        "[1.]",
        "expected a digit after the decimal point",
        1,
        4,
    ),
    (
        "a bad \\u escape",
        "{\"RoleArn\": \"\\u12\"}",
        "four hexadecimal digits",
        1,
        16,
    ),
    (
        "text after the body",
        "{\"AutoMLJobName\": \"y\"}\n}",
        "unexpected text after the JSON value",
        2,
        1,
    ),
    (
        "a list with a trailing comma",
        "[{},]",
        "trailing comma",
        1,
        5,
    ),
];

#[test]
fn text_that_is_not_json_gets_checks_located_error() {
    located::assert_refusals(NOT_JSON);
}

#[test]
fn check_refuses_the_same() {
    for &(guard, text, _, _, _) in NOT_JSON {
        assert_eq!(same_as_check(text), Ok(()), "{guard}");
    }
}

/// A Python dict is still read as one: single quotes, `True`, a trailing comma, `\x` escapes.
#[test]
fn a_python_dict_still_imports() {
    for (text, want) in [
        (
            "{'AutoMLJobName': 'y\\x41', 'GenerateCandidateDefinitionsOnly': True,}",
            r#"{"AutoMLJobName":"yA","GenerateCandidateDefinitionsOnly":true}"#,
        ),
        (
            "{\"AutoMLJobName\": \"y\\x41\", \"GenerateCandidateDefinitionsOnly\": False}",
            r#"{"AutoMLJobName":"yA","GenerateCandidateDefinitionsOnly":false}"#,
        ),
        (
            "{\"AutoMLJobName\": \"a\",  # the name\n}",
            r#"{"AutoMLJobName":"a"}"#,
        ),
        (
            "{\"AutoMLJobConfig\": {\"CompletionCriteria\": {\"MaxCandidates\": 1_0}}}",
            r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":10}}}"#,
        ),
    ] {
        let node = import(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(json::to_compact(&node), want, "{text:?}");
    }
    // A name makes it Python too, with double quotes: the name's value is a hole.
    let got = automl_rules::import::import_full(
        &automl_rules::CREATE_AUTO_ML_JOB,
        "{\"AutoMLJobName\": job_name, \"RoleArn\": \"r\"}",
    )
    .unwrap();
    assert_eq!(
        json::to_compact(&got.request),
        r#"{"AutoMLJobName":"{job_name}","RoleArn":"r"}"#
    );
    assert_eq!(got.holes().count(), 1);
}

/// `Ok` when importing `text` does what `check` does with it: refuses it with the same message
/// at the same place, or reads the same request.
fn same_as_check(text: &str) -> Result<(), String> {
    let checked = check_text(text);
    match (import(text), checked.request) {
        (Ok(imported), Some(read)) => imported.same_as(&read).then_some(()).ok_or_else(|| {
            format!(
                "imported {} but check read {}",
                json::to_compact(&imported),
                json::to_compact(&read)
            )
        }),
        (Ok(imported), None) => Err(format!(
            "imported {} but check refused it: {}",
            json::to_compact(&imported),
            checked.diagnostics[0].message
        )),
        (Err(err), Some(_)) => Err(format!("check read it but import refused it: {err}")),
        (Err(err), None) => {
            let d = &checked.diagnostics[0];
            let at = d.span.map(|s| s.start);
            (at == Some(err.offset) && d.message.contains(&err.message))
                .then_some(())
                .ok_or_else(|| {
                    format!(
                        "import: {err} (offset {}); check: {} ({at:?})",
                        err.offset, d.message
                    )
                })
        }
    }
}

/// The one place import answers a text starting with `{` otherwise than check, by design
/// (`import::import_text`): JSON stopped at what only Python writes (a single quote, a bare
/// word) and reading the text as a Python dict got further before it failed, so Python's
/// message stands (`{"a":["\\"], "''":""}`: Python reads `''` as an empty string and fails
/// later, at a string that is not closed).
fn python_read_further(text: &str) -> bool {
    let checked = check_text(text);
    let Some(at) = checked
        .diagnostics
        .first()
        .and_then(|d| d.span)
        .map(|s| s.start)
    else {
        return false;
    };
    let pythonic = text[at.min(text.len())..]
        .starts_with(|c: char| c == '\'' || c == '_' || c.is_alphabetic());
    matches!(import(text), Err(e) if pythonic && e.offset > at)
}

/// String contents: plain text, the escapes JSON has, lone surrogates.
const STRING_PARTS: &[&str] = &[
    "a",
    "Z9",
    "s3://b/k",
    " ",
    "é",
    "😀",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "'",
    "\\n",
    "\\\"",
    "\\\\",
    "\\/",
    "\\u00e9",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\udc00x",
    "\\ud800\\u0041",
];

/// What JSON refuses in a string: escapes only Python has, raw control characters.
const BAD_STRING_PARTS: &[&str] = &[
    "\\x41", "\\a", "\\'", "\\0", "\\u12", "\\", "\t", "\n", "\r", "\u{0}", "\u{1f}",
];

/// Member names: the request's own and others (never what would make the text a notebook or
/// describe output, which the import reads otherwise).
const KEYS: &[&str] = &[
    "AutoMLJobName",
    "RoleArn",
    "Tags",
    "Key",
    "Value",
    "OutputDataConfig",
    "S3OutputPath",
    "x",
    "",
];

/// Numbers, and (one in ten) numbers JSON refuses, never one only Python writes (`1_0`).
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => prop::sample::select(&["0", "-1", "12", "1.5", "-0.25", "1e5", "2E-3", "2147483648"][..]),
        1 => prop::sample::select(&["01", "1.", ".5", "-", "1e", "+1", "--1", "0.e1"][..]),
    ]
    .prop_map(str::to_string)
}

/// Where the generated text goes wrong (one place in twenty, so that most texts get deep).
fn fault() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        19 => Just(""),
        1 => prop::sample::select(&[",", ",,", " ", "\u{a0}", "\u{c}", "}", "]", ":", "\u{feff}"][..]),
    ]
}

fn string() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        30 => prop::sample::select(STRING_PARTS),
        1 => prop::sample::select(BAD_STRING_PARTS),
    ];
    prop::collection::vec(part, 0..4).prop_map(|parts| format!("\"{}\"", parts.concat()))
}

fn json_ish() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        string(),
        number(),
        prop::sample::select(&["true", "false", "null"][..]).prop_map(str::to_string),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec((inner.clone(), fault()), 0..4).prop_map(|items| {
                let body: Vec<String> = items.iter().map(|(v, f)| format!("{v}{f}")).collect();
                format!("[{}]", body.join(","))
            }),
            prop::collection::vec(
                (
                    prop_oneof![
                        prop::sample::select(KEYS).prop_map(|k| format!("\"{k}\"")),
                        string()
                    ],
                    prop_oneof![
                        20 => prop::sample::select(&[":", ": ", " :"][..]),
                        1 => prop::sample::select(&["", "=", "::"][..]),
                    ],
                    inner,
                    fault()
                ),
                0..4
            )
            .prop_map(|members| {
                let body: Vec<String> = members
                    .iter()
                    .map(|(k, colon, v, f)| format!("{k}{colon}{v}{f}"))
                    .collect();
                format!("{{{}}}", body.join(", "))
            }),
        ]
    })
}

/// A JSON-ish body: an object or a list with something before it, maybe cut short, maybe with
/// something after it.
fn body() -> impl Strategy<Value = String> {
    (
        prop::sample::select(
            &[
                "",
                "",
                "\u{feff}",
                "\u{feff}\u{feff}",
                " \n",
                "\t\r\n",
                "\u{a0}",
                "\u{c}",
            ][..],
        ),
        json_ish().prop_filter("an object or a list", |v| v.starts_with(['{', '['])),
        prop::option::weighted(0.1, any::<prop::sample::Index>()),
        prop_oneof![
            9 => prop::sample::select(&["", "\n", " \r\n"][..]),
            1 => prop::sample::select(&[" 1", "}", "{}", ",", "\"x\""][..]),
        ],
    )
        .prop_map(|(before, value, cut, after)| {
            let value = match cut {
                // Cut after the opening bracket, at a character boundary.
                Some(cut) => {
                    let mut at = 1 + cut.index(value.len());
                    while !value.is_char_boundary(at) {
                        at -= 1;
                    }
                    value[..at].to_string()
                }
                None => value,
            };
            format!("{before}{value}{after}")
        })
}

proptest! {
    // About 40 % of these texts are JSON (measured when this was written).
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn a_json_ish_body_imports_as_check_reads_it(text in body()) {
        if let Err(why) = same_as_check(&text) {
            prop_assert!(python_read_further(&text), "{text:?}: {why}");
        }
    }
}
