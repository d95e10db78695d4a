//! Parquet files written by the `parquet` crate's own writer, read back by their footer.

use std::sync::Arc;

use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::data::{churn_csv, request, run, Style};

/// A churn table: `customer_id` (INT64), `plan` (UTF8), `churn` (optional UTF8, `nulls`
/// of them null), in two row groups.
pub fn churn_parquet(rows: usize, nulls: usize) -> Vec<u8> {
    let schema = Arc::new(
        parse_message_type(
            "message churn { REQUIRED INT64 customer_id; REQUIRED BYTE_ARRAY plan (UTF8); OPTIONAL BYTE_ARRAY churn (UTF8); }",
        )
        .unwrap(),
    );
    let mut out = Vec::new();
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(&mut out, schema, props).unwrap();
    let half = rows / 2;
    for (from, to) in [(0, half), (half, rows)] {
        let mut group = writer.next_row_group().unwrap();
        let ids: Vec<i64> = (from as i64..to as i64).collect();
        let mut col = group.next_column().unwrap().unwrap();
        col.typed::<Int64Type>()
            .write_batch(&ids, None, None)
            .unwrap();
        col.close().unwrap();
        let plans: Vec<ByteArray> = (from..to)
            .map(|i| ByteArray::from(["basic", "premium"][i % 2]))
            .collect();
        let mut col = group.next_column().unwrap().unwrap();
        col.typed::<ByteArrayType>()
            .write_batch(&plans, None, None)
            .unwrap();
        col.close().unwrap();
        let defs: Vec<i16> = (from..to).map(|i| i16::from(i >= nulls)).collect();
        let values: Vec<ByteArray> = (from..to)
            .filter(|&i| i >= nulls)
            .map(|i| ByteArray::from(if i % 4 == 0 { "yes" } else { "no" }))
            .collect();
        let mut col = group.next_column().unwrap().unwrap();
        col.typed::<ByteArrayType>()
            .write_batch(&values, Some(&defs), None)
            .unwrap();
        col.close().unwrap();
        group.close().unwrap();
    }
    writer.close().unwrap();
    out
}

const PARQUET: &str = r#", "ContentType": "x-application/vnd.amazon+parquet""#;
const BINARY: &str = r#", "ProblemType": "BinaryClassification""#;

fn codes(report: &automl_preflight::Report) -> Vec<(&'static str, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.diagnostic.code, f.diagnostic.message.clone()))
        .collect()
}

#[test]
fn a_parquet_file_is_read_by_its_footer() {
    let file = churn_parquet(600, 0);
    for chunk in [1, 1000, usize::MAX] {
        let report = run(
            &request(PARQUET, None, BINARY),
            &[("train.parquet", file.clone())],
            chunk,
        );
        assert!(report.valid(), "{:?}", codes(&report));
        assert!(report.findings.is_empty(), "{:?}", codes(&report));
        let c = &report.channels[0];
        assert_eq!((c.format, c.rows), (Some("Parquet"), Some(600)));
        let columns: Vec<(&str, &str, Option<u64>)> = c
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c.kind, c.missing))
            .collect();
        assert_eq!(
            columns,
            [
                ("customer_id", "numeric", Some(0)),
                ("plan", "text", Some(0)),
                ("churn", "text", Some(0))
            ]
        );
        assert!(c
            .not_checked
            .as_deref()
            .unwrap()
            .contains("the target's classes and the problem type"));
    }
}

#[test]
fn parquet_findings_from_the_footer() {
    // 499 rows, 7 of them without a target, announced as CSV, target spelt Churn.
    let file = churn_parquet(499, 7);
    let req = request("", None, BINARY).replacen(
        r#""TargetAttributeName": "churn""#,
        r#""TargetAttributeName": "Churn""#,
        1,
    );
    let report = run(&req, &[("train.parquet", file.clone())], 4096);
    let got: Vec<&str> = report.findings.iter().map(|f| f.diagnostic.code).collect();
    assert_eq!(
        got,
        ["content-type-mismatch", "target-missing", "too-few-rows"],
        "{:?}",
        codes(&report)
    );
    assert!(report.findings[0].diagnostic.message.contains(
        "train.parquet is Parquet, but ContentType is text/csv;header=present (CSV): set ContentType to x-application/vnd.amazon+parquet"
    ));
    assert!(report.findings[1]
        .diagnostic
        .message
        .contains("did you mean 'churn'?"));

    let report = run(
        &request(PARQUET, None, BINARY),
        &[("train.parquet", churn_parquet(600, 7))],
        4096,
    );
    let got: Vec<(&str, String)> = codes(&report);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "target-values-missing");
    assert!(got[0].1.contains("7 rows of train.parquet have no value in the target column 'churn' (from the footer's statistics)"));
}

#[test]
fn a_validation_parquet_file_with_other_columns_and_a_csv_training_file() {
    let report = run(
        &request("", Some(PARQUET), BINARY),
        &[
            ("train.csv", churn_csv(500, Style::default())),
            ("validation.parquet", churn_parquet(50, 0)),
        ],
        65_536,
    );
    let got: Vec<&str> = report.findings.iter().map(|f| f.diagnostic.code).collect();
    assert_eq!(got, ["headers-differ"], "{:?}", codes(&report));
    assert!(report.findings[0]
        .diagnostic
        .message
        .contains("it lacks 'monthly_charges', 'notes'"));
}

#[test]
fn a_truncated_or_damaged_parquet_file_is_named() {
    let file = churn_parquet(600, 0);
    for (what, bytes, fragment) in [
        (
            "cut short",
            file[..file.len() - 100].to_vec(),
            "the file does not end with PAR1",
        ),
        ("only its magic", b"PAR1".to_vec(), "too short for Parquet"),
        (
            "a footer longer than the file",
            {
                let mut b = b"PAR1xxxxxxxx".to_vec();
                b.extend(1_000_000u32.to_le_bytes());
                b.extend(b"PAR1");
                b
            },
            "more than the file holds",
        ),
        (
            "garbage metadata",
            {
                let mut b = b"PAR1".to_vec();
                b.extend([0xffu8; 40]);
                b.extend(40u32.to_le_bytes());
                b.extend(b"PAR1");
                b
            },
            "the footer cannot be decoded",
        ),
    ] {
        let report = run(
            &request(PARQUET, None, BINARY),
            &[("train.parquet", bytes)],
            7,
        );
        let got = codes(&report);
        assert_eq!(got.len(), 1, "{what}: {got:?}");
        assert_eq!(got[0].0, "parquet-footer", "{what}");
        assert!(got[0].1.contains(fragment), "{what}: {}", got[0].1);
    }
}

/// A churn table with a `notes` column of 100 distinct bytes per row, so that a few tens of
/// thousands of rows make a file of megabytes.
fn padded_parquet(rows: usize) -> Vec<u8> {
    let schema = Arc::new(
        parse_message_type(
            "message churn { REQUIRED INT64 customer_id; REQUIRED BYTE_ARRAY notes (UTF8); REQUIRED BYTE_ARRAY churn (UTF8); }",
        )
        .unwrap(),
    );
    let mut out = Vec::new();
    let props = Arc::new(
        WriterProperties::builder()
            .set_dictionary_enabled(false)
            .build(),
    );
    let mut writer = SerializedFileWriter::new(&mut out, schema, props).unwrap();
    let mut group = writer.next_row_group().unwrap();
    let ids: Vec<i64> = (0..rows as i64).collect();
    let mut col = group.next_column().unwrap().unwrap();
    col.typed::<Int64Type>()
        .write_batch(&ids, None, None)
        .unwrap();
    col.close().unwrap();
    let notes: Vec<ByteArray> = (0..rows)
        .map(|i| ByteArray::from(format!("{i:0>100}").as_str()))
        .collect();
    let mut col = group.next_column().unwrap().unwrap();
    col.typed::<ByteArrayType>()
        .write_batch(&notes, None, None)
        .unwrap();
    col.close().unwrap();
    let churn: Vec<ByteArray> = (0..rows)
        .map(|i| ByteArray::from(if i % 4 == 0 { "yes" } else { "no" }))
        .collect();
    let mut col = group.next_column().unwrap().unwrap();
    col.typed::<ByteArrayType>()
        .write_batch(&churn, None, None)
        .unwrap();
    col.close().unwrap();
    group.close().unwrap();
    writer.close().unwrap();
    out
}

#[test]
fn a_parquet_file_over_8_mib_read_as_a_seeking_reader_does() {
    // The command line feeds the first 1 MiB, then jumps to where the check asks for the
    // footer: between 9 and 17 MiB that jump was refused while the reader had already
    // seeked, so the bytes counted were not the file's.
    use automl_preflight::{Plan, Preflight};
    let file = padded_parquet(110_000);
    let len = file.len() as u64;
    assert!(len > 10 << 20 && len < 16 << 20, "{len} bytes");
    let plan = Plan::from_text(&request(PARQUET, None, BINARY)).unwrap();
    let mut check = Preflight::channel(&plan, 0, "train.parquet").unwrap();
    check.feed(&file[..1 << 20]);
    let start = check
        .parquet_tail_start(len)
        .expect("an uncompressed Parquet file may skip to its footer");
    assert!(check.skip_to(start), "the offset it offered is taken");
    for piece in file[start as usize..].chunks(1 << 20) {
        check.feed(piece);
    }
    assert_eq!(check.bytes_read(), len);
    let report = Preflight::report(&plan, vec![check.finish()]);
    assert!(report.findings.is_empty(), "{:?}", codes(&report));
    assert_eq!(report.channels[0].bytes, len);
    assert_eq!(report.channels[0].rows, Some(110_000));
    // Not Parquet, or gzip: no jump.
    let mut csv = Preflight::channel(&plan, 0, "train.csv").unwrap();
    csv.feed(b"customer_id,churn\n1,yes\n");
    assert!(!csv.skip_to(1 << 30));
}
