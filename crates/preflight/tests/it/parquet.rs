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
            "train.parquet is cut short: it starts like a Parquet file but does not end like one",
        ),
        (
            "only its magic",
            b"PAR1".to_vec(),
            "train.parquet is cut short: it starts like a Parquet file, but at 4 bytes it ends",
        ),
        (
            "a footer longer than the file",
            {
                let mut b = b"PAR1xxxxxxxx".to_vec();
                b.extend(1_000_000u32.to_le_bytes());
                b.extend(b"PAR1");
                b
            },
            "more than the whole file (20 bytes); copy or export it again in full",
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
            "train.parquet is damaged: it starts and ends like a Parquet file, but the list of its columns and rows at its end cannot be read; write it again",
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
        // Plain words: no reader's jargon before the detail, if any, at the end.
        let plain = got[0].1.split(" (detail:").next().unwrap_or_default();
        for jargon in ["footer", "magic", "metadata", "thrift", "schema"] {
            assert!(!plain.contains(jargon), "{what}: {jargon} in {plain}");
        }
        assert!(!report.valid(), "{what}");
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

/// What the `parquet` crate's own decoder reads from a footer, put as the preflight puts it
/// (the reader the preflight used before its footer reader was written).
fn read_by_the_parquet_crate(meta: &[u8]) -> automl_preflight::parquet_footer::ParquetInfo {
    use automl_preflight::parquet_footer::{ParquetColumn, ParquetInfo};
    use parquet::basic::{ConvertedType, LogicalType, Type};
    let metadata = parquet::file::metadata::ParquetMetaDataReader::decode_metadata(meta).unwrap();
    let file = metadata.file_metadata();
    let kind = |f: &parquet::schema::types::Type| -> &'static str {
        if !f.is_primitive() {
            return "nested";
        }
        let info = f.get_basic_info();
        match info.converted_type() {
            ConvertedType::UTF8 | ConvertedType::ENUM | ConvertedType::JSON => return "text",
            ConvertedType::DATE
            | ConvertedType::TIME_MILLIS
            | ConvertedType::TIME_MICROS
            | ConvertedType::TIMESTAMP_MILLIS
            | ConvertedType::TIMESTAMP_MICROS => return "date/time",
            ConvertedType::DECIMAL => return "numeric",
            _ => {}
        }
        match info.logical_type_ref() {
            Some(LogicalType::String | LogicalType::Enum | LogicalType::Json) => return "text",
            Some(LogicalType::Date | LogicalType::Time { .. } | LogicalType::Timestamp { .. }) => {
                return "date/time"
            }
            Some(LogicalType::Decimal { .. } | LogicalType::Integer { .. }) => return "numeric",
            _ => {}
        }
        match f.get_physical_type() {
            Type::BOOLEAN => "boolean",
            Type::INT32 | Type::INT64 | Type::FLOAT | Type::DOUBLE => "numeric",
            Type::INT96 => "date/time",
            Type::BYTE_ARRAY | Type::FIXED_LEN_BYTE_ARRAY => "binary",
        }
    };
    let columns = file
        .schema_descr()
        .root_schema()
        .get_fields()
        .iter()
        .map(|field| {
            let kind = kind(field);
            let mut sum = Some(0u64);
            for group in metadata.row_groups() {
                let nulls = group
                    .columns()
                    .iter()
                    .find(|c| c.column_path().parts() == [field.name().to_string()])
                    .and_then(|c| c.statistics())
                    .and_then(|s| s.null_count_opt());
                sum = sum.zip(nulls).map(|(a, b)| a + b);
            }
            let nested = kind == "nested" || metadata.row_groups().is_empty();
            ParquetColumn {
                name: field.name().to_string(),
                kind,
                nulls: if nested { None } else { sum },
            }
        })
        .collect();
    ParquetInfo {
        rows: file.num_rows() as u64,
        row_groups: metadata.num_row_groups(),
        columns,
    }
}

/// A file of `schema` in `groups` row groups of 10 rows, a value in every leaf (a third of
/// the rows null where the column may be), statistics as `stats` says.
fn parquet_file(
    schema: &str,
    groups: usize,
    stats: parquet::file::properties::EnabledStatistics,
) -> Vec<u8> {
    use parquet::column::writer::ColumnWriter;
    use parquet::data_type::{ByteArray, FixedLenByteArray, Int96};
    let schema = Arc::new(parse_message_type(schema).unwrap());
    let props = Arc::new(
        WriterProperties::builder()
            .set_statistics_enabled(stats)
            .build(),
    );
    let mut out = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut out, schema, props).unwrap();
    for _ in 0..groups {
        let mut group = writer.next_row_group().unwrap();
        while let Some(mut col) = group.next_column().unwrap() {
            let (max_def, max_rep) = {
                let d = col.untyped();
                let descr = match d {
                    ColumnWriter::BoolColumnWriter(w) => w.get_descriptor().clone(),
                    ColumnWriter::Int32ColumnWriter(w) => w.get_descriptor().clone(),
                    ColumnWriter::Int64ColumnWriter(w) => w.get_descriptor().clone(),
                    ColumnWriter::Int96ColumnWriter(w) => w.get_descriptor().clone(),
                    ColumnWriter::FloatColumnWriter(w) => w.get_descriptor().clone(),
                    ColumnWriter::DoubleColumnWriter(w) => w.get_descriptor().clone(),
                    ColumnWriter::ByteArrayColumnWriter(w) => w.get_descriptor().clone(),
                    ColumnWriter::FixedLenByteArrayColumnWriter(w) => w.get_descriptor().clone(),
                };
                (descr.max_def_level(), descr.max_rep_level())
            };
            let defs: Vec<i16> = (0..10)
                .map(|i| {
                    if max_def > 0 && i % 3 == 0 {
                        0
                    } else {
                        max_def
                    }
                })
                .collect();
            let reps = [0i16; 10];
            let n = defs.iter().filter(|&&d| d == max_def).count();
            let defs = (max_def > 0).then_some(&defs[..]);
            let reps = (max_rep > 0).then_some(&reps[..]);
            match col.untyped() {
                ColumnWriter::BoolColumnWriter(w) => w.write_batch(&vec![true; n], defs, reps),
                ColumnWriter::Int32ColumnWriter(w) => w.write_batch(&vec![7; n], defs, reps),
                ColumnWriter::Int64ColumnWriter(w) => w.write_batch(&vec![7; n], defs, reps),
                ColumnWriter::Int96ColumnWriter(w) => {
                    w.write_batch(&vec![Int96::from(vec![1, 2, 3]); n], defs, reps)
                }
                ColumnWriter::FloatColumnWriter(w) => w.write_batch(&vec![0.5; n], defs, reps),
                ColumnWriter::DoubleColumnWriter(w) => w.write_batch(&vec![0.5; n], defs, reps),
                ColumnWriter::ByteArrayColumnWriter(w) => {
                    w.write_batch(&vec![ByteArray::from("yes"); n], defs, reps)
                }
                ColumnWriter::FixedLenByteArrayColumnWriter(w) => {
                    w.write_batch(&vec![FixedLenByteArray::from(vec![9u8; 16]); n], defs, reps)
                }
            }
            .unwrap();
            col.close().unwrap();
        }
        group.close().unwrap();
    }
    writer.close().unwrap();
    out
}

/// The footer reader reads what the `parquet` crate's decoder reads, on files its writer
/// makes: every physical, converted and logical type the preflight tells apart, nested groups
/// and lists, statistics kept or not, no row group or several.
#[test]
fn the_footer_reader_reads_what_the_parquet_crate_reads() {
    use parquet::file::properties::EnabledStatistics;
    let schemas = [
        "message m { REQUIRED INT64 id; OPTIONAL BYTE_ARRAY name (UTF8); OPTIONAL BOOLEAN flag; OPTIONAL INT32 day (DATE); OPTIONAL INT64 at (TIMESTAMP(MILLIS,true)); OPTIONAL INT64 t (TIME(MICROS,false)); OPTIONAL INT96 old; OPTIONAL FIXED_LEN_BYTE_ARRAY (16) uid (UUID); OPTIONAL INT32 price (DECIMAL(9,2)); OPTIONAL FLOAT f; OPTIONAL DOUBLE d; OPTIONAL BYTE_ARRAY j (JSON); OPTIONAL BYTE_ARRAY e (ENUM); OPTIONAL BYTE_ARRAY raw; OPTIONAL INT32 small (INTEGER(8,true)); OPTIONAL BYTE_ARRAY b (BSON); }",
        "message m { REQUIRED INT64 id; OPTIONAL group address { OPTIONAL BYTE_ARRAY city (UTF8); REQUIRED INT32 zip; } OPTIONAL group tags (LIST) { REPEATED group list { OPTIONAL BYTE_ARRAY element (UTF8); } } OPTIONAL BYTE_ARRAY churn (UTF8); REQUIRED group deep { REQUIRED group deeper { OPTIONAL INT32 x; } } OPTIONAL DOUBLE weight; }",
    ];
    for schema in schemas {
        for groups in [0, 1, 3] {
            for stats in [
                EnabledStatistics::None,
                EnabledStatistics::Chunk,
                EnabledStatistics::Page,
            ] {
                let file = parquet_file(schema, groups, stats);
                let len =
                    u32::from_le_bytes(file[file.len() - 8..file.len() - 4].try_into().unwrap())
                        as usize;
                let meta = &file[file.len() - 8 - len..file.len() - 8];
                let ours = automl_preflight::parquet_footer::thrift::decode(meta).unwrap();
                assert_eq!(
                    ours,
                    read_by_the_parquet_crate(meta),
                    "{schema}, {groups} groups, {stats:?}"
                );
                if groups > 0 && stats != EnabledStatistics::None {
                    assert!(
                        ours.columns
                            .iter()
                            .any(|c| c.nulls == Some(groups as u64 * 4)),
                        "{ours:?}"
                    );
                }
            }
        }
    }
}

/// A footer whose lists say they hold more than the bytes left, nests without end, or names
/// two billion columns: refused with a reason, in bounded memory (the `parquet` crate's
/// decoder reserved what such a list header said and the process aborted).
#[test]
fn hostile_footers_are_refused_in_bounded_memory() {
    use automl_preflight::parquet_footer::thrift::decode;
    for (what, meta) in [
        (
            "a schema list of 2^31 elements",
            vec![0x29, 0xfc, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00],
        ),
        (
            "a binary field of 2^40 bytes",
            vec![0x18, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20],
        ),
        (
            "structs nested a thousand deep",
            [vec![0x1c; 1000], vec![0; 1000]].concat(),
        ),
        (
            "a number of eleven bytes",
            vec![
                0x16, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
            ],
        ),
        ("no schema", vec![0x36, 0x02, 0x00]),
    ] {
        let err = decode(&meta).expect_err(what);
        assert!(!err.is_empty(), "{what}");
    }
}
