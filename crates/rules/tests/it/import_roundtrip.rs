//! Properties: importing any export of a request gives back the same request, for generated
//! valid requests with hostile strings in every member whose pattern allows them
//! (TargetAttributeName, the S3 URIs, tag keys and values) and for arbitrary JSON objects;
//! exporting never panics; importing never panics, whatever the text.

use automl_rules::export::{in_model_order, render, Target};
use automl_rules::import::import;
use automl_rules::json::{self, Member, Node, Value};
use proptest::prelude::*;

fn s(text: &str) -> Node {
    Node::new(Value::String(text.to_string()))
}

fn obj(members: Vec<(&str, Node)>) -> Node {
    Node::new(Value::Object(
        members
            .into_iter()
            .map(|(key, value)| Member {
                key: key.to_string(),
                key_span: Default::default(),
                value,
            })
            .collect(),
    ))
}

fn obj_opt(members: Vec<(&str, Option<Node>)>) -> Node {
    obj(members
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect())
}

fn arr(items: Vec<Node>) -> Node {
    Node::new(Value::Array(items))
}

fn num(n: u64) -> Node {
    Node::new(Value::Number(n.to_string()))
}

fn boolean(b: bool) -> Node {
    Node::new(Value::Bool(b))
}

/// Characters that mean something to a shell, cmd.exe, PowerShell, Python or JSON.
const HOSTILE: &[&str] = &[
    "'",
    "\"",
    "$(touch x)",
    "`touch x`",
    "\\",
    "!",
    "!!",
    "%PATH%",
    "%%",
    "^",
    "&",
    "|",
    "<",
    ">",
    "(",
    ")",
    ";",
    "*",
    "?",
    "[",
    "]",
    "{",
    "}",
    "~",
    "#",
    "\n",
    "\t",
    "\r",
    "'@",
    "@'",
    "''",
    "\\'",
    "$'x'",
    "${HOME}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{202e}",
    "é",
    "中文",
    "😀",
    "𝄞",
    "\u{feff}",
    "‘",
    "’",
    "“",
    "–",
    " ",
];

/// Any text: hostile pieces, arbitrary characters and plain letters.
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(HOSTILE).prop_map(str::to_string),
            any::<char>().prop_map(String::from),
            "[a-z]{1,3}",
        ],
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

/// Any text without line terminators, for members whose pattern is `.*` (in Java, `.`
/// matches no line terminator).
fn line_text() -> impl Strategy<Value = String> {
    any_text().prop_map(|t| t.replace(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'], " "))
}

/// Text a tag allows: letters (any script), digits, spaces and `_ . : / = + - @`.
fn tag_text(min: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "a", "Z", "0", " ", "_", ".", ":", "/", "=", "+", "-", "@", "é", "ß", "中", "键",
                "𝒜", "٣", "Ω",
            ][..],
        ),
        min..6,
    )
    .prop_map(|parts| parts.concat())
}

/// One channel's own parts: S3 data type, the URI's tail, compression.
fn channel_parts() -> impl Strategy<Value = (&'static str, String, Option<&'static str>)> {
    (
        prop::sample::select(&["S3Prefix", "ManifestFile"][..]),
        line_text(),
        prop::option::of(prop::sample::select(&["None", "Gzip"][..])),
    )
}

fn channel(
    (data_type, uri, compression): (&str, String, Option<&str>),
    channel_type: Option<&str>,
    target: &str,
    content: Option<&str>,
    weight: Option<&str>,
) -> Node {
    obj_opt(vec![
        (
            "DataSource",
            Some(obj(vec![(
                "S3DataSource",
                obj(vec![
                    ("S3DataType", s(data_type)),
                    ("S3Uri", s(&format!("s3://bucket/{uri}"))),
                ]),
            )])),
        ),
        ("CompressionType", compression.map(s)),
        ("TargetAttributeName", Some(s(target))),
        ("ContentType", content.map(s)),
        ("ChannelType", channel_type.map(s)),
        ("SampleWeightAttributeName", weight.map(s)),
    ])
}

/// A valid request: the documented cross-field rules hold (one training channel and an
/// optional validation channel sharing target and content type, no validation fraction with
/// two channels, sample weights only when ensembling).
fn request() -> impl Strategy<Value = Node> {
    let channels = (
        channel_parts(),
        prop::option::of(channel_parts()),
        any_text().prop_filter("TargetAttributeName has a minimum length of 1", |t| {
            !t.is_empty()
        }),
        prop::option::of(prop::sample::select(
            &[
                "text/csv;header=present",
                "x-application/vnd.amazon+parquet",
            ][..],
        )),
        any::<bool>(),
        prop::option::of("[a-zA-Z0-9_-]{1,8}"),
    );
    (
        "[a-zA-Z0-9](-?[a-zA-Z0-9]){0,10}",
        channels,
        prop::option::of("[a-z0-9/_:-]{0,12}"),
        prop::option::of((1u64..=750, any::<bool>(), any::<bool>())),
        prop::option::of(any::<bool>()),
        prop::option::of(prop::collection::vec((tag_text(1), tag_text(0)), 0..4)),
        prop::option::of((any::<bool>(), "[a-z0-9]{1,8}")),
    )
        .prop_map(
            |(name, channels, kms, config, candidates_only, tags, deploy)| {
                let (first, second, target, content, typed, weight) = channels;
                let ensembling = matches!(config, Some((_, _, true)));
                let weight = weight.as_deref().filter(|_| ensembling);
                let mut list = vec![channel(
                    first,
                    typed.then_some("training"),
                    &target,
                    content,
                    weight,
                )];
                let two = second.is_some();
                if let Some(second) = second {
                    list.push(channel(
                        second,
                        Some("validation"),
                        &target,
                        content,
                        weight,
                    ));
                }
                obj_opt(vec![
                    ("AutoMLJobName", Some(s(&name))),
                    ("InputDataConfig", Some(arr(list))),
                    (
                        "OutputDataConfig",
                        Some(obj_opt(vec![
                            ("KmsKeyId", kms.map(|k| s(&k))),
                            ("S3OutputPath", Some(s("s3://bucket/out/"))),
                        ])),
                    ),
                    ("ProblemType", Some(s("Regression"))),
                    (
                        "AutoMLJobObjective",
                        Some(obj(vec![("MetricName", s("MSE"))])),
                    ),
                    (
                        "AutoMLJobConfig",
                        config.map(|(max, encrypt, ensembling)| {
                            let split = obj(vec![(
                                "ValidationFraction",
                                Node::new(Value::Number("0.25".into())),
                            )]);
                            let mode = if ensembling {
                                "ENSEMBLING"
                            } else {
                                "HYPERPARAMETER_TUNING"
                            };
                            obj_opt(vec![
                                (
                                    "CompletionCriteria",
                                    Some(obj(vec![("MaxCandidates", num(max))])),
                                ),
                                (
                                    "SecurityConfig",
                                    Some(obj(vec![(
                                        "EnableInterContainerTrafficEncryption",
                                        boolean(encrypt),
                                    )])),
                                ),
                                ("DataSplitConfig", (!two).then_some(split)),
                                ("Mode", Some(s(mode))),
                            ])
                        }),
                    ),
                    (
                        "RoleArn",
                        Some(s("arn:aws:iam::123456789012:role/service-role/x")),
                    ),
                    (
                        "GenerateCandidateDefinitionsOnly",
                        candidates_only.map(boolean),
                    ),
                    (
                        "Tags",
                        tags.map(|mut tags| {
                            let mut seen = Vec::new();
                            tags.retain(|(k, _)| {
                                let fresh = !seen.contains(&k.to_lowercase());
                                seen.push(k.to_lowercase());
                                fresh
                            });
                            arr(tags
                                .into_iter()
                                .map(|(k, v)| obj(vec![("Key", s(&k)), ("Value", s(&v))]))
                                .collect())
                        }),
                    ),
                    (
                        "ModelDeployConfig",
                        deploy.map(|(auto, name)| {
                            if auto {
                                obj(vec![("AutoGenerateEndpointName", boolean(true))])
                            } else {
                                obj(vec![("EndpointName", s(&name))])
                            }
                        }),
                    ),
                ])
            },
        )
}

/// Every export a person can paste back.
const IMPORTABLE: [Target; 6] = [
    Target::Json,
    Target::Cli,
    Target::CliInputJson,
    Target::PowerShell,
    Target::Cmd,
    Target::Boto3,
];

/// `node` as Python reads it written as literals: a repeated key of a dict keeps its first
/// place and takes its last value.
fn as_python_reads(node: &Node) -> Node {
    match &node.value {
        Value::Array(items) => Node::new(Value::Array(items.iter().map(as_python_reads).collect())),
        Value::Object(members) => {
            let mut out: Vec<Member> = Vec::new();
            for m in members {
                let value = as_python_reads(&m.value);
                match out.iter_mut().find(|o| o.key == m.key) {
                    Some(o) => o.value = value,
                    None => out.push(Member {
                        key: m.key.clone(),
                        key_span: Default::default(),
                        value,
                    }),
                }
            }
            Node::new(Value::Object(out))
        }
        _ => node.clone(),
    }
}

/// Arbitrary JSON, for the no-panic properties.
fn any_json() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        Just(Node::new(Value::Null)),
        any::<bool>().prop_map(boolean),
        any::<u32>().prop_map(|n| num(n.into())),
        any_text().prop_map(|t| s(&t)),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        let keys = prop_oneof![
            prop::sample::select(
                &[
                    "AutoMLJobName",
                    "InputDataConfig",
                    "Tags",
                    "RoleArn",
                    "GenerateCandidateDefinitionsOnly",
                    "DataSource",
                    "Key",
                ][..]
            )
            .prop_map(str::to_string),
            any_text(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(arr),
            prop::collection::vec((keys, inner), 0..5).prop_map(|members| {
                Node::new(Value::Object(
                    members
                        .into_iter()
                        .map(|(key, value)| Member {
                            key,
                            key_span: Default::default(),
                            value,
                        })
                        .collect(),
                ))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_export_imports_back_to_the_request(request in request()) {
        for target in IMPORTABLE {
            let text = render(&request, target);
            match import(&text) {
                Ok(back) => prop_assert!(
                    back.same_as(&request),
                    "{}: {}\nbecame {}\nexport:\n{text}",
                    target.name(),
                    json::to_compact(&request),
                    json::to_compact(&back)
                ),
                Err(e) => prop_assert!(false, "{}: {e}\nexport:\n{text}", target.name()),
            }
        }
    }

    #[test]
    fn generated_requests_are_valid(request in request()) {
        let errors: Vec<_> = automl_rules::check_node(&request)
            .into_iter()
            .filter(|d| d.severity == automl_rules::Severity::Error)
            .map(|d| format!("{} {}: {}", d.code, d.path, d.message))
            .collect();
        prop_assert!(errors.is_empty(), "{}\n{}", json::to_compact(&request), errors.join("\n"));
    }

    #[test]
    fn exports_of_arbitrary_objects_import_back(node in any_json()) {
        for target in Target::ALL {
            let text = render(&node, target);
            let Some(members) = node.as_object() else { continue };
            let unique = members.iter().enumerate().all(|(i, m)| members[..i].iter().all(|n| n.key != m.key));
            if matches!(target, Target::Cli | Target::Boto3) && !unique {
                continue;
            }
            // Exports write the members in the model's order; the boto3 program gives those
            // that cannot be keyword arguments last (in a ** dict).
            let ordered = in_model_order(&node);
            let expected = if target == Target::Boto3 {
                let keyword = |key: &str| {
                    key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                };
                let (mut named, other): (Vec<Member>, Vec<Member>) =
                    ordered.as_object().unwrap_or_default().iter().cloned().partition(|m| keyword(&m.key));
                named.extend(other);
                as_python_reads(&Node::new(Value::Object(named)))
            } else {
                ordered
            };
            match import(&text) {
                Ok(back) => prop_assert!(back.same_as(&expected), "{}:\n{text}", target.name()),
                Err(e) => prop_assert!(false, "{}: {e}\n{text}", target.name()),
            }
        }
    }

    #[test]
    fn import_never_panics(text in any_text(), cut in 0usize..400) {
        let _ = import(&text);
        // Truncated and spliced exports exercise every unfinished construct.
        let request = json::parse(r#"{"AutoMLJobName":"a'b","Tags":[{"Key":"k","Value":"$'\\x41'"}]}"#).unwrap();
        for target in Target::ALL {
            let export = render(&request, target);
            let mut at = cut.min(export.len());
            while !export.is_char_boundary(at) {
                at -= 1;
            }
            let _ = import(&export[..at]);
            let _ = import(&format!("{}{text}{}", &export[..at], &export[at..]));
        }
    }
}
