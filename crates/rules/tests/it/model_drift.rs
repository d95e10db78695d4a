//! The model-drift test: `src/model/` must say exactly what the vendored extract of the AWS
//! service model (`model/create-auto-ml-job.json`, written by `scripts/refresh-model.py` from
//! botocore) says, shape by shape: kind, members and their order, required members, length and
//! count bounds, numeric ranges, patterns and enum values. After a refresh this fails until
//! the table is brought up to date.

use automl_rules::json::{self, Node, Value};
use automl_rules::model::{
    Kind, Shape, CREATE_AUTO_ML_JOB_REQUEST, DESCRIBE_ONLY, DESCRIBE_V2_ONLY, V2_ONLY,
};

fn extract() -> Node {
    let text = include_str!("../../model/create-auto-ml-job.json");
    json::parse(text).expect("the extract is JSON")
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
        Kind::Boolean => {
            if ty != "boolean" {
                problem(format!("the model says {ty}, the table says boolean"));
            }
        }
    }
}

#[test]
fn the_table_agrees_with_the_service_model() {
    let extract = extract();
    assert_eq!(
        extract.get("input").and_then(Node::as_str),
        Some(CREATE_AUTO_ML_JOB_REQUEST.name)
    );
    let shapes = extract.get("shapes").expect("shapes");
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    compare(
        &CREATE_AUTO_ML_JOB_REQUEST,
        shapes,
        &mut problems,
        &mut seen,
    );
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
}

#[test]
fn every_pattern_of_the_model_has_a_matcher() {
    let extract = extract();
    let Value::Object(all) = &extract.get("shapes").unwrap().value else {
        panic!()
    };
    for shape in all {
        if let Some(p) = shape.value.get("pattern").and_then(Node::as_str) {
            assert!(automl_rules::pattern::has_matcher(p), "{}: {p}", shape.key);
        }
    }
}
