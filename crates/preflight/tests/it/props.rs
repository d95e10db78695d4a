//! Whatever the bytes and however they are cut: no panic, and the same report.

use proptest::prelude::*;

use crate::data::{gzip, request, run};

/// Bytes drawn mostly from what makes CSV interesting: delimiters, quotes, line ends, bytes
/// that are not UTF-8, NUL.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop::sample::select(vec![
            b'a', b'b', b'1', b'.', b'-', b',', b',', b'"', b'\n', b'\r', b' ', 0xc3, 0xa9, 0xff, 0,
        ]),
        0..600,
    )
    .prop_map(|mut body| {
        let mut file = b"id,churn,w\n".to_vec();
        file.append(&mut body);
        file
    })
}

/// Any bytes, gzip of CSV (whole, cut short, or with a byte changed), or Parquet-looking.
fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..800),
        csvish(),
        (csvish(), any::<prop::sample::Index>(), any::<u8>(), 0u8..3).prop_map(
            |(csv, at, byte, how)| {
                let mut gz = gzip(&csv);
                let i = at.index(gz.len());
                match how {
                    0 => gz.truncate(i),
                    1 => gz[i] ^= byte | 1,
                    _ => gz.extend(gzip(&csv)),
                }
                gz
            }
        ),
        prop::collection::vec(any::<u8>(), 0..200).prop_map(|mut body| {
            let mut file = b"PAR1".to_vec();
            let len = body.len() as u32;
            file.append(&mut body);
            file.extend(len.to_le_bytes());
            file.extend(b"PAR1");
            file
        }),
    ]
}

/// Cut points, as chunk lengths taken in turn.
fn chunking() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..300, 1..8)
}

fn run_cut(request: &str, bytes: &[u8], cuts: &[usize]) -> automl_preflight::Report {
    use automl_preflight::{Plan, Preflight};
    let plan = Plan::from_text(request).unwrap();
    let mut check = Preflight::channel(&plan, 0, "data").unwrap();
    let mut rest = bytes;
    let mut i = 0;
    while !rest.is_empty() {
        let n = cuts[i % cuts.len()].min(rest.len());
        check.feed(&rest[..n]);
        check.feed(&[]);
        rest = &rest[n..];
        i += 1;
    }
    Preflight::report(&plan, vec![check.finish()])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_bytes_any_chunks_same_report(bytes in input(), cuts in chunking(), weighted in any::<bool>()) {
        let req = if weighted {
            request(r#", "SampleWeightAttributeName": "w", "CompressionType": "Gzip""#, None, "")
        } else {
            request("", None, r#", "ProblemType": "Regression""#)
        };
        let whole = run(&req, &[("data", bytes.clone())], usize::MAX);
        let cut = run_cut(&req, &bytes, &cuts);
        prop_assert_eq!(&cut, &whole);
        // The JSON rendering is always JSON.
        prop_assert!(automl_rules::json::parse(&whole.to_json()).is_ok());
    }
}
