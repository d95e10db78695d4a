//! A table of realistic files and the exact findings each gives: every finding's code, JSON
//! Pointer and line, no more and no fewer, and a fragment of its message.

use automl_preflight::Report;

use crate::data::{churn_csv, gzip, request, run, Style, HEADER};

const DATA0: &str = "/InputDataConfig/0/DataSource/S3DataSource/S3Uri";
const DATA1: &str = "/InputDataConfig/1/DataSource/S3DataSource/S3Uri";
const TARGET0: &str = "/InputDataConfig/0/TargetAttributeName";
const CONTENT0: &str = "/InputDataConfig/0/ContentType";
const COMPRESSION0: &str = "/InputDataConfig/0/CompressionType";
const WEIGHT0: &str = "/InputDataConfig/0/SampleWeightAttributeName";
const PROBLEM: &str = "/ProblemType";
const BINARY: &str = r#", "ProblemType": "BinaryClassification""#;

/// One expected finding: code, path, line, a fragment of the message.
type Expect = (&'static str, &'static str, Option<u64>, &'static str);

struct Case {
    name: &'static str,
    request: String,
    files: Vec<(&'static str, Vec<u8>)>,
    rows: Vec<Option<u64>>,
    expect: Vec<Expect>,
}

fn lines(rows: &[String]) -> Vec<u8> {
    let mut out = format!("{HEADER}\n");
    for r in rows {
        out.push_str(r);
        out.push('\n');
    }
    out.into_bytes()
}

/// `n` plain rows of the churn file, as text lines.
fn plain_rows(n: usize) -> Vec<String> {
    String::from_utf8(churn_csv(n, Style::default()))
        .unwrap()
        .lines()
        .skip(1)
        .map(String::from)
        .collect()
}

fn with_target(req: String, target: &str) -> String {
    req.replacen(
        r#""TargetAttributeName": "churn""#,
        &format!(r#""TargetAttributeName": "{target}""#),
        1,
    )
}

fn cases() -> Vec<Case> {
    let multiline = Style {
        multiline: true,
        ..Style::default()
    };
    let mut v = Vec::new();

    v.push(Case {
        name: "exactly 500 records with quoted commas, doubled quotes and quoted line breaks",
        request: request("", None, BINARY),
        files: vec![("train.csv", churn_csv(500, multiline))],
        rows: vec![Some(500)],
        expect: vec![],
    });
    v.push(Case {
        name: "499 records in 570 lines",
        request: request("", None, BINARY),
        files: vec![("train.csv", churn_csv(499, multiline))],
        rows: vec![Some(499)],
        expect: vec![(
            "too-few-rows",
            DATA0,
            None,
            "train.csv has 499 data rows: Autopilot needs at least 500 training rows",
        )],
    });
    v.push(Case {
        name: "CRLF line ends and a UTF-8 byte-order mark",
        request: request("", None, BINARY),
        files: vec![(
            "train.csv",
            churn_csv(
                500,
                Style {
                    crlf: true,
                    bom: true,
                    multiline: true,
                },
            ),
        )],
        rows: vec![Some(500)],
        expect: vec![],
    });
    v.push(Case {
        name: "TargetAttributeName Churn, header churn",
        request: with_target(request("", None, BINARY), "Churn"),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![(
            "target-missing",
            TARGET0,
            None,
            "train.csv has no column named 'Churn' (TargetAttributeName); did you mean 'churn'?",
        )],
    });
    v.push(Case {
        name: "a target column the header does not have",
        request: with_target(request("", None, BINARY), "label"),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![(
            "target-missing",
            TARGET0,
            None,
            "its columns are 'customer_id', 'plan', 'monthly_charges', 'notes', 'churn'",
        )],
    });
    v.push(Case {
        name: "semicolon-separated file",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut s = "customer_id;plan;churn\n".to_string();
            for i in 0..500 {
                s.push_str(&format!("{i};basic;no\n"));
            }
            s.into_bytes()
        })],
        rows: vec![Some(500)],
        expect: vec![(
            "target-missing",
            TARGET0,
            None,
            "the file seems separated by something other than commas",
        )],
    });
    v.push(Case {
        name: "Latin-1 bytes in two rows",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut rows: Vec<Vec<u8>> = plain_rows(500)
                .into_iter()
                .map(String::into_bytes)
                .collect();
            rows[9] = b"1009,basic,20.00,caf\xe9 au lait,no".to_vec();
            rows[19] = b"1019,basic,20.00,na\xefve,no".to_vec();
            let mut out = format!("{HEADER}\n").into_bytes();
            for r in rows {
                out.extend(r);
                out.push(b'\n');
            }
            out
        })],
        rows: vec![Some(500)],
        expect: vec![(
            "not-utf8",
            DATA0,
            Some(11),
            "2 rows of train.csv have text that is not UTF-8 (lines 11 and 21)",
        )],
    });
    v.push(Case {
        name: "gzip with two members (files concatenated), CompressionType Gzip",
        request: request(r#", "CompressionType": "Gzip""#, None, BINARY),
        files: vec![("train.csv.gz", {
            let csv = churn_csv(500, multiline);
            let cut = csv.len() / 2;
            let cut = cut + csv[cut..].iter().position(|&b| b == b'\n').unwrap() + 1;
            let mut gz = gzip(&csv[..cut]);
            gz.extend(gzip(&csv[cut..]));
            gz
        })],
        rows: vec![Some(500)],
        expect: vec![],
    });
    v.push(Case {
        name: "a gzip file without CompressionType",
        request: request("", None, BINARY),
        files: vec![("train.csv.gz", gzip(&churn_csv(500, Style::default())))],
        rows: vec![Some(500)],
        expect: vec![("compression-mismatch", COMPRESSION0, None, "train.csv.gz is gzip, but CompressionType is not set (it defaults to None): set CompressionType to Gzip")],
    });
    v.push(Case {
        name: "a gzip file with CompressionType None",
        request: request(r#", "CompressionType": "None""#, None, BINARY),
        files: vec![(
            "churn_train.csv.gz",
            gzip(&churn_csv(500, Style::default())),
        )],
        rows: vec![Some(500)],
        expect: vec![(
            "compression-mismatch",
            COMPRESSION0,
            None,
            "churn_train.csv.gz is gzip, but CompressionType is None: set CompressionType to Gzip",
        )],
    });
    v.push(Case {
        name: "CompressionType Gzip on a plain file",
        request: request(r#", "CompressionType": "Gzip""#, None, BINARY),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![(
            "compression-mismatch",
            COMPRESSION0,
            None,
            "CompressionType is Gzip, but train.csv is not gzip",
        )],
    });
    v.push(Case {
        name: "a truncated gzip file (the last 4 bytes lost)",
        request: request(r#", "CompressionType": "Gzip""#, None, BINARY),
        files: vec![("train.csv.gz", {
            let gz = gzip(&churn_csv(600, Style::default()));
            gz[..gz.len() - 4].to_vec()
        })],
        rows: vec![Some(600)],
        expect: vec![(
            "gzip-corrupt",
            DATA0,
            None,
            "train.csv.gz ends before its gzip data does",
        )],
    });
    v.push(Case {
        name: "a header only",
        request: request("", None, BINARY),
        files: vec![("train.csv", format!("{HEADER}\n").into_bytes())],
        rows: vec![Some(0)],
        expect: vec![(
            "too-few-rows",
            DATA0,
            None,
            "train.csv has 0 data rows (a header only)",
        )],
    });
    v.push(Case {
        name: "an empty file",
        request: request("", None, BINARY),
        files: vec![("train.csv", Vec::new())],
        rows: vec![None],
        expect: vec![("data-empty", DATA0, None, "train.csv is empty")],
    });
    v.push(Case {
        name: "binary garbage",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut b = b"\x7fELF\x02\x01\x01\x00".to_vec();
            b.extend((0..5000u32).map(|i| (i * 31 % 251) as u8));
            b
        })],
        rows: vec![None],
        expect: vec![(
            "content-not-tabular",
            DATA0,
            None,
            "train.csv is not text (a NUL byte at byte 7 of the data), and not Parquet",
        )],
    });
    v.push(Case {
        name: "an Excel workbook (a ZIP archive)",
        request: request("", None, BINARY),
        files: vec![("train.xlsx", {
            let mut b = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
            b.extend(b"[Content_Types].xml");
            b
        })],
        rows: vec![None],
        expect: vec![("content-not-tabular", DATA0, None, "train.xlsx is a ZIP archive (an Excel workbook is one), not CSV or Parquet: export it as CSV (UTF-8)")],
    });
    v.push(Case {
        name: "UTF-16 text",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut b = vec![0xff, 0xfe];
            for unit in "customer_id,churn\n1,yes\n".encode_utf16() {
                b.extend(unit.to_le_bytes());
            }
            b
        })],
        rows: vec![None],
        expect: vec![(
            "content-not-tabular",
            DATA0,
            None,
            "train.csv is UTF-16 text: save it as CSV in UTF-8",
        )],
    });
    v.push(Case {
        name: "gzip data that holds nothing",
        request: request(r#", "CompressionType": "Gzip""#, None, BINARY),
        files: vec![("train.csv.gz", gzip(b""))],
        rows: vec![None],
        expect: vec![(
            "data-empty",
            DATA0,
            None,
            "train.csv.gz holds no data: it decompresses to 0 bytes",
        )],
    });
    v.push(Case {
        name: "a CSV file announced as Parquet",
        request: request(r#", "ContentType": "x-application/vnd.amazon+parquet""#, None, BINARY),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![("content-type-mismatch", CONTENT0, None, "train.csv is CSV, but ContentType is x-application/vnd.amazon+parquet (Parquet): set ContentType to text/csv;header=present")],
    });
    v.push(Case {
        name: "a validation file with the same headers and few rows",
        request: request("", Some(""), BINARY),
        files: vec![
            ("train.csv", churn_csv(500, multiline)),
            (
                "validation.csv",
                churn_csv(
                    20,
                    Style {
                        crlf: true,
                        ..Style::default()
                    },
                ),
            ),
        ],
        rows: vec![Some(500), Some(20)],
        expect: vec![],
    });
    v.push(Case {
        name: "a validation file with other headers",
        request: request("", Some(""), BINARY),
        files: vec![
            ("train.csv", churn_csv(500, Style::default())),
            ("validation.csv", {
                let csv = String::from_utf8(churn_csv(20, Style::default())).unwrap();
                csv.replacen("monthly_charges", "monthly_charge", 1).into_bytes()
            }),
        ],
        rows: vec![Some(500), Some(20)],
        expect: vec![("headers-differ", DATA1, Some(1), "the header of validation.csv differs from the training file train.csv: it lacks 'monthly_charges'; it has 'monthly_charge' that the training file does not")],
    });
    v.push(Case {
        name: "the target held by a longer column name past the tenth column",
        request: request("", None, BINARY),
        files: vec![(
            "train.csv",
            wide_csv(500, "c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,notes,churned"),
        )],
        rows: vec![Some(500)],
        expect: vec![(
            "target-missing",
            TARGET0,
            None,
            "train.csv has no column named 'churn' (TargetAttributeName); did you mean 'churned'?",
        )],
    });
    v.push(Case {
        name: "a validation file lacking nine columns: the list says how many more",
        request: request("", Some(""), BINARY),
        files: vec![
            ("train.csv", wide_csv(500, "f1,f2,f3,f4,f5,f6,f7,f8,f9,churn")),
            ("validation.csv", wide_csv(20, "g1,g2,g3,g4,g5,g6,g7,g8,g9,churn")),
        ],
        rows: vec![Some(500), Some(20)],
        expect: vec![("headers-differ", DATA1, Some(1), "the header of validation.csv differs from the training file train.csv: it lacks 'f1', 'f2', 'f3', 'f4', 'f5' and 4 more; it has 'g1', 'g2', 'g3', 'g4', 'g5' and 4 more that the training file does not")],
    });
    v.push(Case {
        name: "binary classification with three classes",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut rows = plain_rows(500);
            rows[1] = "1001,basic,20.00,no notes,maybe".to_string();
            lines(&rows)
        })],
        rows: vec![Some(500)],
        expect: vec![("problem-type-target", PROBLEM, None, "ProblemType is BinaryClassification, which needs exactly two classes, but the target 'churn' in train.csv has 3 distinct values ('no', 'yes', 'maybe')")],
    });
    v.push(Case {
        name: "multiclass classification with two classes",
        request: request("", None, r#", "ProblemType": "MulticlassClassification""#),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![(
            "problem-type-target",
            PROBLEM,
            None,
            "has 2 distinct values ('no', 'yes'): use BinaryClassification",
        )],
    });
    v.push(Case {
        name: "regression on a target that is not numeric",
        request: request("", None, r#", "ProblemType": "Regression""#),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![("problem-type-target", PROBLEM, None, "ProblemType is Regression, but the target 'churn' in train.csv is not numeric: 500 values are not numbers, the first 'yes' on line 2")],
    });
    v.push(Case {
        name: "regression on numbers",
        request: with_target(
            request("", None, r#", "ProblemType": "Regression""#),
            "monthly_charges",
        ),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![],
    });
    v.push(Case {
        name: "no problem type: the inferred one and its metric",
        request: request("", None, ""),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![("problem-type-inferred", PROBLEM, None, "the target 'churn' holds two distinct values, so it will most likely be BinaryClassification, and the objective metric would be F1")],
    });
    v.push(Case {
        name: "no problem type, a metric that does not suit the inferred one",
        request: with_target(request("", None, r#", "AutoMLJobObjective": {"MetricName": "F1"}"#), "monthly_charges"),
        files: vec![("train.csv", churn_csv(500, Style::default()))],
        rows: vec![Some(500)],
        expect: vec![("problem-type-inferred", PROBLEM, None, "so it will most likely be Regression, and the objective metric F1 does not suit it (use one of MAE, MSE, R2, RMSE)")],
    });
    v.push(Case {
        name: "rows with a missing target",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut rows = plain_rows(500);
            rows[4] = "1004,basic,20.00,no notes,".to_string();
            rows[9] = "1009,basic,20.00,no notes,".to_string();
            rows[14] = "1014,basic,20.00,no notes,NA".to_string();
            lines(&rows)
        })],
        rows: vec![Some(500)],
        expect: vec![(
            "target-values-missing",
            TARGET0,
            Some(6),
            "3 rows of train.csv have no value in the target column 'churn' (lines 6, 11 and 16)",
        )],
    });
    v.push(Case {
        name: "sample weights that are not numbers, negative or missing",
        request: request(r#", "SampleWeightAttributeName": "weight""#, None, BINARY),
        files: vec![("train.csv", {
            let mut s = "customer_id,weight,churn\n".to_string();
            for i in 0..500 {
                let w = match i {
                    1 => "abc",
                    2 => "-1",
                    3 => "",
                    _ => "1.5",
                };
                s.push_str(&format!("{i},{w},{}\n", if i % 2 == 0 { "yes" } else { "no" }));
            }
            s.into_bytes()
        })],
        rows: vec![Some(500)],
        expect: vec![("sample-weight-invalid", WEIGHT0, Some(3), "3 rows of train.csv will be dropped by the service for their sample weight in 'weight': 1 not a number (line 3), 1 negative (line 4), 1 missing (line 5); 497 rows left, fewer than the 500 training rows required")],
    });
    v.push(Case {
        name: "a sample weight column the header does not have",
        request: request(r#", "SampleWeightAttributeName": "Weight""#, None, BINARY),
        files: vec![("train.csv", {
            let mut s = "customer_id,weight,churn\n".to_string();
            for i in 0..500 {
                s.push_str(&format!(
                    "{i},1,{}\n",
                    if i % 2 == 0 { "yes" } else { "no" }
                ));
            }
            s.into_bytes()
        })],
        rows: vec![Some(500)],
        expect: vec![(
            "sample-weight-missing",
            WEIGHT0,
            None,
            "no column named 'Weight' (SampleWeightAttributeName); did you mean 'weight'?",
        )],
    });
    v.push(Case {
        name: "an unquoted comma and a short row",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut rows = plain_rows(500);
            rows[5] = "1005,basic,20.00,called twice, unhappy,no".to_string();
            rows[8] = "1008,basic,20.00,yes".to_string();
            lines(&rows)
        })],
        rows: vec![Some(500)],
        expect: vec![
            ("field-count", DATA0, Some(7), "2 rows of train.csv have another number of fields than the header's 5 (lines 7 and 10; the first has 6)"),
            ("target-values-missing", TARGET0, Some(10), "1 row of train.csv has no value in the target column 'churn' (line 10)"),
            ("problem-type-target", PROBLEM, None, "has 3 distinct values ('no', 'yes', ' unhappy')"),
        ],
    });
    v.push(Case {
        name: "a repeated and an empty header name",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let csv = String::from_utf8(churn_csv(500, Style::default())).unwrap();
            csv.replacen(HEADER, "customer_id,plan,plan,,churn", 1)
                .into_bytes()
        })],
        rows: vec![Some(500)],
        expect: vec![
            (
                "header-duplicate",
                DATA0,
                Some(1),
                "the header of train.csv repeats 'plan'",
            ),
            ("header-empty", DATA0, Some(1), "has no name for column 4"),
        ],
    });
    v.push(Case {
        name: "a column with no values",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let rows: Vec<String> = (0..500)
                .map(|i| format!("{i},basic,20.00,,{}", if i % 2 == 0 { "yes" } else { "no" }))
                .collect();
            lines(&rows)
        })],
        rows: vec![Some(500)],
        expect: vec![(
            "column-empty",
            DATA0,
            None,
            "1 column of train.csv has no value in any row: 'notes'",
        )],
    });
    v.push(Case {
        name: "a stray quote that a quote in a later row closes",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut rows = plain_rows(600);
            rows[550] = "1550,basic,20.00,\"called, never closed,no".to_string();
            lines(&rows)
        })],
        rows: vec![Some(596)],
        expect: vec![
            ("field-count", DATA0, Some(552), "1 row of train.csv has another number of fields than the header's 5 (line 552; the first has 6); the row on line 552 runs on to line 556: a quote in it is probably not closed where it should be"),
            ("problem-type-target", PROBLEM, None, "has 3 distinct values ('no', 'yes', ' unhappy\"')"),
        ],
    });
    v.push(Case {
        name: "a quote never closed",
        request: request("", None, BINARY),
        files: vec![("train.csv", {
            let mut rows: Vec<String> = (0..600)
                .map(|i| format!("{i},basic,20.00,no notes,{}", if i % 2 == 0 { "yes" } else { "no" }))
                .collect();
            rows[550] = "1550,basic,20.00,\"called, never closed,no".to_string();
            lines(&rows)
        })],
        rows: vec![Some(551)],
        expect: vec![
            ("unclosed-quote", DATA0, Some(552), "a quoted field that starts on line 552 of train.csv is never closed"),
            ("field-count", DATA0, Some(552), "1 row of train.csv has another number of fields than the header's 5 (line 552; the first has 4)"),
            ("target-values-missing", TARGET0, Some(552), "(line 552)"),
        ],
    });
    v
}

fn check_case(case: &Case, report: &Report, chunk: usize) {
    let got: Vec<(&str, &str, Option<u64>)> = report
        .findings
        .iter()
        .map(|f| (f.diagnostic.code, f.diagnostic.path.as_str(), f.line))
        .collect();
    let want: Vec<(&str, &str, Option<u64>)> =
        case.expect.iter().map(|e| (e.0, e.1, e.2)).collect();
    let messages: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.diagnostic.message.as_str())
        .collect();
    assert_eq!(got, want, "{} (chunk {chunk}): {messages:#?}", case.name);
    for (f, e) in report.findings.iter().zip(&case.expect) {
        assert!(
            f.diagnostic.message.contains(e.3),
            "{}: message {:?} lacks {:?}",
            case.name,
            f.diagnostic.message,
            e.3
        );
    }
    let rows: Vec<Option<u64>> = report.channels.iter().map(|c| c.rows).collect();
    assert_eq!(rows, case.rows, "{}", case.name);
    assert_eq!(
        report.valid(),
        !case.expect.iter().any(|e| report
            .findings
            .iter()
            .any(|f| f.diagnostic.code == e.0 && f.is_error())),
        "{}",
        case.name
    );
}

#[test]
fn the_table_of_cases() {
    for case in cases() {
        let whole = run(&case.request, &case.files, usize::MAX);
        check_case(&case, &whole, usize::MAX);
        for chunk in [1, 4096, 65_537] {
            let report = run(&case.request, &case.files, chunk);
            assert_eq!(
                report, whole,
                "{}: chunk {chunk} changes the report",
                case.name
            );
        }
    }
}

#[test]
fn a_valid_file_summary_has_columns_and_classes() {
    let report = run(
        &request("", None, BINARY),
        &[(
            "train.csv",
            churn_csv(
                500,
                Style {
                    multiline: true,
                    ..Style::default()
                },
            ),
        )],
        1000,
    );
    assert!(report.valid());
    let c = &report.channels[0];
    assert_eq!(
        (c.format, c.gzip, c.channel_type),
        (Some("CSV"), false, "training")
    );
    let kinds: Vec<(&str, &str, Option<u64>)> = c
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.kind, c.missing))
        .collect();
    assert_eq!(
        kinds,
        [
            ("customer_id", "numeric", Some(0)),
            ("plan", "text", Some(0)),
            ("monthly_charges", "numeric", Some(0)),
            ("notes", "text", Some(71)),
            ("churn", "text", Some(0)),
        ]
    );
    let target = c.target.as_ref().unwrap();
    assert_eq!(
        target.classes,
        [("no".to_string(), 375), ("yes".to_string(), 125)]
    );
    assert_eq!(
        (target.other, target.missing, target.numeric),
        (0, 0, false)
    );
    let json = report.to_json();
    let parsed = automl_rules::json::parse(&json).expect("the report is JSON");
    assert_eq!(
        parsed.pointer("/valid").and_then(|n| n.as_bool()),
        Some(true)
    );
    assert_eq!(
        parsed
            .pointer("/channels/0/target/classes/no")
            .and_then(|n| n.as_f64()),
        Some(375.0)
    );
}

#[test]
fn classes_are_counted_up_to_a_thousand() {
    let rows: Vec<String> = (0..1500)
        .map(|i| format!("{i},basic,20.00,,c{i}"))
        .collect();
    let report = run(&request("", None, ""), &[("train.csv", lines(&rows))], 8192);
    let target = report.channels[0].target.as_ref().unwrap();
    assert_eq!((target.classes.len(), target.other), (1000, 500));
    let inferred = report
        .findings
        .iter()
        .find(|f| f.diagnostic.code == "problem-type-inferred")
        .unwrap();
    assert!(
        inferred
            .diagnostic
            .message
            .contains("holds more than 1000 distinct values, not all numbers, so it will most likely be MulticlassClassification, and the objective metric would be Accuracy"),
        "{}",
        inferred.diagnostic.message
    );
}

#[test]
fn a_training_file_over_100_gb_is_refused_without_reading_it_all() {
    // The size rule reads the byte count; a Parquet file may skip to its footer, so a huge
    // file is fed as its start, a jump, and its end.
    use automl_preflight::{Plan, Preflight};
    let plan = Plan::from_text(&request(
        r#", "ContentType": "x-application/vnd.amazon+parquet""#,
        None,
        BINARY,
    ))
    .unwrap();
    let file = crate::parquet::churn_parquet(600, 0);
    let huge = 101u64 << 30;
    let mut check = Preflight::channel(&plan, 0, "train.parquet").unwrap();
    check.feed(&file[..4]);
    let start = check
        .parquet_tail_start(huge)
        .expect("a Parquet file may skip to its end");
    let resume = huge - (file.len() as u64 - 4);
    assert!(resume >= start);
    assert!(check.skip_to(resume));
    check.feed(&file[4..]);
    let report = Preflight::report(&plan, vec![check.finish()]);
    let codes: Vec<&str> = report.findings.iter().map(|f| f.diagnostic.code).collect();
    assert_eq!(codes, ["too-large"], "{:?}", report.findings);
    assert_eq!(report.channels[0].bytes, huge);
}

#[test]
fn a_reader_gives_the_same_report_as_pushed_chunks() {
    use automl_preflight::{check_reader, Plan, Preflight};
    let req = request(r#", "CompressionType": "Gzip""#, None, BINARY);
    let file = gzip(&churn_csv(
        700,
        Style {
            multiline: true,
            ..Style::default()
        },
    ));
    let plan = Plan::from_text(&req).unwrap();
    let check = Preflight::channel(&plan, 0, "train.csv.gz").unwrap();
    let result = check_reader(check, std::io::Cursor::new(file.clone())).unwrap();
    let report = Preflight::report(&plan, vec![result]);
    assert_eq!(report, run(&req, &[("train.csv.gz", file)], 333));
    assert_eq!(report.channels[0].rows, Some(700));
    assert!(report.valid());
}

/// Several files of one channel (the objects of an S3 prefix), in `(slot, name, bytes)`.
fn run_objects(
    request: &str,
    files: &[(usize, &str, Vec<u8>)],
) -> Vec<automl_preflight::ChannelResult> {
    use automl_preflight::{Plan, Preflight};
    let plan = Plan::from_text(request).unwrap();
    files
        .iter()
        .map(|(slot, name, bytes)| {
            let mut check = Preflight::channel(&plan, *slot, name).unwrap();
            check.feed(bytes);
            check.finish()
        })
        .collect()
}

fn one_class(class: &str, rows: usize) -> Vec<u8> {
    let rows: Vec<String> = (0..rows)
        .map(|i| format!("{i},basic,20.00,none,{class}"))
        .collect();
    lines(&rows)
}

#[test]
fn the_problem_type_sees_every_file_of_the_training_channel() {
    use automl_preflight::{Plan, Preflight};
    let objects = [
        (0, "s3://bucket/train/a.csv", one_class("yes", 300)),
        (0, "s3://bucket/train/b.csv", one_class("no", 300)),
    ];
    // BinaryClassification: the two files hold one class each, two in all.
    let req = request("", None, BINARY);
    let plan = Plan::from_text(&req).unwrap();
    let report = Preflight::report(&plan, run_objects(&req, &objects));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // No ProblemType: inferred from both files.
    let req = request("", None, "");
    let plan = Plan::from_text(&req).unwrap();
    let report = Preflight::report(&plan, run_objects(&req, &objects));
    let messages: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.diagnostic.message.as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("the target 'churn' holds two distinct values, so it will most likely be BinaryClassification"),
        "{messages:?}"
    );
    // Multiclass over three files of one class each; the validation file is not counted.
    let req = request(
        "",
        Some(""),
        r#", "ProblemType": "MulticlassClassification""#,
    );
    let plan = Plan::from_text(&req).unwrap();
    let three = [
        (0, "a.csv", one_class("red", 200)),
        (0, "b.csv", one_class("green", 200)),
        (0, "c.csv", one_class("blue", 200)),
        (1, "validation.csv", one_class("red", 10)),
    ];
    let report = Preflight::report(&plan, run_objects(&req, &three));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // BinaryClassification on three classes: the message names the channel's files.
    let req = request("", None, BINARY);
    let plan = Plan::from_text(&req).unwrap();
    let report = Preflight::report(&plan, run_objects(&req, &three[..3]));
    let messages: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.diagnostic.message.as_str())
        .collect();
    assert_eq!(messages, ["ProblemType is BinaryClassification, which needs exactly two classes, but the target 'churn' in the 3 files of the training channel has 3 distinct values ('blue', 'green', 'red')"]);
    // Regression: the first value that is not a number is located in its own file.
    let req = request("", None, r#", "ProblemType": "Regression""#);
    let plan = Plan::from_text(&req).unwrap();
    let numbers = [
        (0, "a.csv", one_class("1.5", 300)),
        (0, "b.csv", one_class("high", 300)),
    ];
    let report = Preflight::report(&plan, run_objects(&req, &numbers));
    let messages: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.diagnostic.message.as_str())
        .collect();
    assert_eq!(messages, ["ProblemType is Regression, but the target 'churn' in the 2 files of the training channel is not numeric: 300 values are not numbers, the first 'high' on line 2 of b.csv"]);
}

#[test]
fn the_size_limits_count_a_channels_files_together() {
    use automl_preflight::{Plan, Preflight};
    let req = request("", Some(""), BINARY);
    let plan = Plan::from_text(&req).unwrap();
    let gb = 1u64 << 30;
    let sized = |sizes: &[(usize, u64)]| {
        let files: Vec<(usize, &str, Vec<u8>)> = sizes
            .iter()
            .map(|(slot, _)| (*slot, "part.csv", one_class("yes", 300)))
            .collect();
        let mut results = run_objects(&req, &files);
        for (r, (_, size)) in results.iter_mut().zip(sizes) {
            // The size as stored, as a file of that size would give it.
            r.stream.raw_bytes = *size;
        }
        Preflight::report(&plan, results)
    };
    let too_large = |report: &Report| -> Vec<String> {
        report
            .findings
            .iter()
            .filter(|f| f.diagnostic.code == "too-large")
            .map(|f| f.diagnostic.message.clone())
            .collect()
    };
    // Each under its limit, but not together.
    let report = sized(&[(0, 60 * gb), (0, 50 * gb), (1, gb), (1, gb + gb / 2)]);
    assert_eq!(
        too_large(&report),
        [
            format!("the 2 files of the training channel are {} bytes (110.0 GB) in all: training data must be less than 100 GB", 110 * gb),
            format!("the 2 files of the validation channel are {} bytes (2.5 GB) in all: validation data must be less than 2 GB", gb * 5 / 2),
        ]
    );
    assert_eq!(report.findings[0].channel, Some(0));
    assert_eq!(report.findings[0].diagnostic.path, DATA0);
    assert_eq!(
        report
            .findings
            .iter()
            .find(|f| f.diagnostic.code == "too-large" && f.channel == Some(2))
            .map(|f| f.diagnostic.path.as_str()),
        Some(DATA1)
    );
    // Together under the limits: nothing.
    let report = sized(&[(0, 60 * gb), (0, 39 * gb), (1, gb), (1, gb / 2)]);
    assert!(too_large(&report).is_empty(), "{:?}", report.findings);
}

/// Binary data is named by its first bytes; a reader may then count the rest without reading
/// it (`skip_rest`), and the report is the one reading every byte gives. CSV, Parquet and gzip
/// data need every byte.
#[test]
fn the_rest_of_binary_data_is_counted_not_read() {
    use automl_preflight::{Plan, Preflight};
    let req = request("", None, "");
    let plan = Plan::from_text(&req).unwrap();
    let mut zeros = b"id,churn".to_vec();
    zeros.resize(1 << 20, 0);
    let mut check = Preflight::channel(&plan, 0, "data").unwrap();
    check.feed(&zeros[..8192]);
    assert!(!check.needs_rest());
    assert!(!check.skip_rest(100));
    assert!(check.skip_rest(zeros.len() as u64));
    assert_eq!(check.bytes_read(), zeros.len() as u64);
    let skipped = Preflight::report(&plan, vec![check.finish()]);
    assert_eq!(skipped, run(&req, &[("data", zeros)], 8192));
    for data in [churn_csv(10, Style::default()), gzip(&[0u8; 9000])] {
        let mut check = Preflight::channel(&plan, 0, "data").unwrap();
        check.feed(&data);
        assert!(check.needs_rest());
        assert!(!check.skip_rest(1 << 30));
    }
}

/// A CSV of `rows` rows under `header`: a number in each column, the last one `yes` or `no`.
fn wide_csv(rows: usize, header: &str) -> Vec<u8> {
    let columns = header.split(',').count();
    let mut text = format!("{header}\n");
    for i in 0..rows {
        for c in 0..columns - 1 {
            text.push_str(&format!("{},", i * 7 + c));
        }
        text.push_str(if i % 3 == 0 { "yes\n" } else { "no\n" });
    }
    text.into_bytes()
}
