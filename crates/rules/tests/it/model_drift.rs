//! The model-drift test: `src/model/` must say exactly what the vendored extracts of the AWS
//! service model (`model/create-auto-ml-job.json` and `model/create-auto-ml-job-v2.json`,
//! written by `scripts/refresh-model.py` from botocore) say, for both requests, shape by shape: kind, members and their order, required members, length and
//! count bounds, numeric ranges, patterns and enum values. After a refresh this fails until
//! the table is brought up to date.

use automl_rules::json::{self, Node, Value};
use automl_rules::model::{
    Kind, Shape, CREATE_AUTO_ML_JOB_REQUEST, CREATE_AUTO_ML_JOB_V2_REQUEST, DESCRIBE_ONLY,
    DESCRIBE_V2_ONLY, V1_ONLY, V2_ONLY,
};

fn extract() -> Node {
    let text = include_str!("../../model/create-auto-ml-job.json");
    json::parse(text).expect("the extract is JSON")
}

fn extract_v2() -> Node {
    let text = include_str!("../../model/create-auto-ml-job-v2.json");
    json::parse(text).expect("the V2 extract is JSON")
}

fn num(node: Option<&Node>) -> Option<f64> {
    node.and_then(Node::as_f64)
}

fn compare(shape: &Shape, shapes: &Node, problems: &mut Vec<String>, seen: &mut Vec<String>) {
    if seen.iter().any(|s| s == shape.name) {
        return;
    }
    seen.push(shape.name.to_string());
    let Some(def) = shapes.get(shape.name) else {
        problems.push(format!("{}: not in the service model", shape.name));
        return;
    };
    let ty = def.get("type").and_then(Node::as_str).unwrap_or("");
    let min = num(def.get("min"));
    let max = num(def.get("max"));
    let mut problem = |what: String| problems.push(format!("{}: {what}", shape.name));
    match &shape.kind {
        Kind::Structure { members } => {
            if ty != "structure" {
                problem(format!("the model says {ty}, the table says structure"));
                return;
            }
            let model_members: Vec<&str> = def
                .get("members")
                .and_then(Node::as_object)
                .unwrap_or_default()
                .iter()
                .map(|m| m.key.as_str())
                .collect();
            let ours: Vec<&str> = members.iter().map(|m| m.name).collect();
            if model_members != ours {
                problem(format!(
                    "members {model_members:?} in the model, {ours:?} in the table"
                ));
            }
            let required: Vec<&str> = def
                .get("required")
                .and_then(Node::as_array)
                .unwrap_or_default()
                .iter()
                .filter_map(Node::as_str)
                .collect();
            for m in members.iter() {
                if m.required != required.contains(&m.name) {
                    problem(format!(
                        "{} required: model {}, table {}",
                        m.name, !m.required, m.required
                    ));
                }
                let model_shape = def
                    .at(&["members", m.name, "shape"])
                    .and_then(Node::as_str)
                    .unwrap_or("");
                if model_shape != m.shape.name {
                    problem(format!(
                        "{} has shape {model_shape} in the model, {} in the table",
                        m.name, m.shape.name
                    ));
                }
            }
            for m in members.iter() {
                compare(m.shape, shapes, problems, seen);
            }
        }
        Kind::List {
            member,
            min: lmin,
            max: lmax,
        } => {
            if ty != "list" {
                problem(format!("the model says {ty}, the table says list"));
                return;
            }
            if min != lmin.map(f64::from) || max != lmax.map(f64::from) {
                problem(format!(
                    "count bounds {min:?}..{max:?} in the model, {lmin:?}..{lmax:?} in the table"
                ));
            }
            let model_member = def
                .at(&["member", "shape"])
                .and_then(Node::as_str)
                .unwrap_or("");
            if model_member != member.name {
                problem(format!(
                    "items are {model_member} in the model, {} in the table",
                    member.name
                ));
            }
            compare(member, shapes, problems, seen);
        }
        Kind::String {
            min: smin,
            max: smax,
            pattern,
            values,
        } => {
            if ty != "string" {
                problem(format!("the model says {ty}, the table says string"));
                return;
            }
            if min != smin.map(f64::from) || max != smax.map(f64::from) {
                problem(format!(
                    "length bounds {min:?}..{max:?} in the model, {smin:?}..{smax:?} in the table"
                ));
            }
            let model_pattern = def.get("pattern").and_then(Node::as_str);
            if model_pattern != *pattern {
                problem(format!(
                    "pattern {model_pattern:?} in the model, {pattern:?} in the table"
                ));
            }
            let model_values: Vec<&str> = def
                .get("enum")
                .and_then(Node::as_array)
                .unwrap_or_default()
                .iter()
                .filter_map(Node::as_str)
                .collect();
            if model_values != *values {
                problem(format!(
                    "enum {model_values:?} in the model, {values:?} in the table"
                ));
            }
        }
        Kind::Integer {
            min: imin,
            max: imax,
        } => {
            if ty != "integer" {
                problem(format!("the model says {ty}, the table says integer"));
            }
            if min != imin.map(|v| v as f64) || max != imax.map(|v| v as f64) {
                problem(format!(
                    "range {min:?}..{max:?} in the model, {imin:?}..{imax:?} in the table"
                ));
            }
        }
        Kind::Float {
            min: fmin,
            max: fmax,
        } => {
            if ty != "float" {
                problem(format!("the model says {ty}, the table says float"));
            }
            if min != *fmin || max != *fmax {
                problem(format!(
                    "range {min:?}..{max:?} in the model, {fmin:?}..{fmax:?} in the table"
                ));
            }
        }
        Kind::Map {
            key,
            value,
            min: mmin,
            max: mmax,
        } => {
            if ty != "map" {
                problem(format!("the model says {ty}, the table says map"));
                return;
            }
            if min != mmin.map(f64::from) || max != mmax.map(f64::from) {
                problem(format!(
                    "entry bounds {min:?}..{max:?} in the model, {mmin:?}..{mmax:?} in the table"
                ));
            }
            for (part, ours) in [("key", key), ("value", value)] {
                let model_shape = def
                    .at(&[part, "shape"])
                    .and_then(Node::as_str)
                    .unwrap_or("");
                if model_shape != ours.name {
                    problem(format!(
                        "{part}s are {model_shape} in the model, {} in the table",
                        ours.name
                    ));
                }
            }
            compare(key, shapes, problems, seen);
            compare(value, shapes, problems, seen);
        }
        Kind::Boolean => {
            if ty != "boolean" {
                problem(format!("the model says {ty}, the table says boolean"));
            }
        }
    }
}

/// Holds the table rooted at `request` to `extract`, every shape of which it must reach.
fn agrees(extract: &Node, request: &Shape) {
    assert_eq!(
        extract.get("input").and_then(Node::as_str),
        Some(request.name)
    );
    let shapes = extract.get("shapes").expect("shapes");
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    compare(request, shapes, &mut problems, &mut seen);
    assert!(
        problems.is_empty(),
        "the table and the service model disagree:\n{}",
        problems.join("\n")
    );
    // Every shape of the extract is reached by the table, and no other.
    let Value::Object(all) = &shapes.value else {
        panic!("shapes is an object")
    };
    let mut model_names: Vec<&str> = all.iter().map(|m| m.key.as_str()).collect();
    let mut ours: Vec<&str> = seen.iter().map(String::as_str).collect();
    model_names.sort_unstable();
    ours.sort_unstable();
    assert_eq!(model_names, ours);
}

#[test]
fn the_table_agrees_with_the_service_model() {
    agrees(&extract(), &CREATE_AUTO_ML_JOB_REQUEST);
}

#[test]
fn the_v2_table_agrees_with_the_service_model() {
    agrees(&extract_v2(), &CREATE_AUTO_ML_JOB_V2_REQUEST);
}

#[test]
fn the_v2_table_reuses_the_v1_shapes_of_the_same_name() {
    // A shape both requests reach is one static, not a copy.
    fn collect(shape: &'static Shape, out: &mut Vec<&'static Shape>) {
        if out.iter().any(|s| std::ptr::eq(*s, shape)) {
            return;
        }
        out.push(shape);
        match &shape.kind {
            Kind::Structure { members } => members.iter().for_each(|m| collect(m.shape, out)),
            Kind::List { member, .. } => collect(member, out),
            Kind::Map { key, value, .. } => {
                collect(key, out);
                collect(value, out);
            }
            _ => {}
        }
    }
    let (mut v1, mut v2) = (Vec::new(), Vec::new());
    collect(&CREATE_AUTO_ML_JOB_REQUEST, &mut v1);
    collect(&CREATE_AUTO_ML_JOB_V2_REQUEST, &mut v2);
    let mut shared = 0;
    for a in &v2 {
        if let Some(b) = v1.iter().find(|b| b.name == a.name) {
            assert!(std::ptr::eq(*a, *b), "{} is copied", a.name);
            shared += 1;
        }
    }
    assert!(shared >= 30, "only {shared} shapes shared");
    // Every member has a label and one line of help.
    for shape in &v2 {
        for m in shape.members() {
            assert!(
                !m.label.is_empty() && !m.help.is_empty(),
                "{}.{}",
                shape.name,
                m.name
            );
            assert!(!m.help.contains('\n'), "{}.{}", shape.name, m.name);
        }
    }
}

#[test]
fn the_unions_of_the_v2_model_are_the_ones_the_rules_hold() {
    // The table has no union flag: the rule `problem_type_config_holds_one` holds the one
    // union the request reaches, so a second union in a refresh must fail here.
    let extract = extract_v2();
    let Value::Object(all) = &extract.get("shapes").unwrap().value else {
        panic!()
    };
    let unions: Vec<&str> = all
        .iter()
        .filter(|s| s.value.get("union").and_then(Node::as_bool) == Some(true))
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(unions, ["AutoMLProblemTypeConfig"]);
}

/// A list of member names the extract holds under `key`.
fn names(extract: &Node, key: &str) -> Vec<String> {
    extract
        .get(key)
        .and_then(Node::as_array)
        .unwrap_or_else(|| panic!("the extract has {key}"))
        .iter()
        .filter_map(Node::as_str)
        .map(str::to_string)
        .collect()
}

#[test]
fn what_describe_and_v2_have_beyond_the_request_is_the_model_s() {
    let extract = extract();
    assert_eq!(names(&extract, "describeOnly"), DESCRIBE_ONLY);
    assert_eq!(names(&extract, "describeV2Only"), DESCRIBE_V2_ONLY);
    let v2: Vec<&str> = V2_ONLY.iter().map(|(name, _)| *name).collect();
    assert_eq!(names(&extract, "v2Only"), v2);
    let extract = extract_v2();
    assert_eq!(names(&extract, "v1Only"), V1_ONLY);
    // DescribeAutoMLJobV2's extra members: V1's, and the problem type's name.
    let mut describe: Vec<&str> = DESCRIBE_ONLY.to_vec();
    describe.extend(DESCRIBE_V2_ONLY);
    let mut model = names(&extract, "describeOnly");
    model.sort();
    describe.sort_unstable();
    assert_eq!(model, describe);
}

#[test]
fn every_pattern_of_the_model_has_a_matcher() {
    for extract in [extract(), extract_v2()] {
        let Value::Object(all) = &extract.get("shapes").unwrap().value else {
            panic!()
        };
        for shape in all {
            if let Some(p) = shape.value.get("pattern").and_then(Node::as_str) {
                assert!(automl_rules::pattern::has_matcher(p), "{}: {p}", shape.key);
            }
        }
    }
}
