//! The exports of `CreateAutoMLJobV2` requests (issue 12, "every edge"): each form runs
//! `aws sagemaker create-auto-ml-job-v2` or calls `create_auto_ml_job_v2(…)`, with the V2
//! members as the AWS CLI's options, in V2's model order; and each is read back by
//! `import_detect` as the same request of the same operation. `scripts/test-clients.sh` sends
//! the same exports with the real AWS CLI v1 and boto3 (`tests/clients/requests/v2-*.json`).

use automl_rules::export::{in_model_order_for, json_body_for, render_for, Target};
use automl_rules::import::import_detect;
use automl_rules::json::{self, Node};
use automl_rules::{check_node_for, CREATE_AUTO_ML_JOB_V2};

/// The client fixtures of the five problem types and the one with every member.
fn v2_requests() -> Vec<(String, Node)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/clients/requests");
    let mut found: Vec<(String, Node)> = std::fs::read_dir(dir)
        .expect("tests/clients/requests")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.starts_with("v2-").then_some(name)
        })
        .map(|name| {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            (name, json::parse(&text).unwrap())
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn the_client_fixtures_cover_every_problem_type_and_member() {
    let requests = v2_requests();
    let mut problem_types: Vec<String> = requests
        .iter()
        .filter_map(|(_, r)| {
            r.get("AutoMLProblemTypeConfig")?
                .as_object()?
                .first()
                .map(|m| m.key.clone())
        })
        .collect();
    problem_types.sort();
    problem_types.dedup();
    assert_eq!(
        problem_types,
        [
            "ImageClassificationJobConfig",
            "TabularJobConfig",
            "TextClassificationJobConfig",
            "TextGenerationJobConfig",
            "TimeSeriesForecastingJobConfig"
        ]
    );
    let every = &requests
        .iter()
        .find(|(name, _)| name == "v2-every-member.json")
        .expect("v2-every-member.json")
        .1;
    for def in CREATE_AUTO_ML_JOB_V2.request.members() {
        assert!(every.get(def.name).is_some(), "{} is missing", def.name);
    }
    for (name, request) in &requests {
        let errors: Vec<String> = check_node_for(&CREATE_AUTO_ML_JOB_V2, request)
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {}", d.path, d.message))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn every_form_names_the_v2_operation() {
    for (name, request) in v2_requests() {
        for (target, says) in [
            (Target::Cli, "aws sagemaker create-auto-ml-job-v2 \\\n  --auto-ml-job-name '"),
            (Target::CliInputJson, "aws sagemaker create-auto-ml-job-v2 \\\n  --cli-input-json '{\"AutoMLJobName\":"),
            (Target::PowerShell, "    aws sagemaker create-auto-ml-job-v2 --cli-input-json \"file://$path\"\n"),
            (Target::Cmd, "call aws sagemaker create-auto-ml-job-v2 --cli-input-json \"file://%REQUEST%\"\r\n"),
            (Target::Cmd, "\\create-auto-ml-job-v2-%RANDOM%%RANDOM%.json\"\r\n"),
            (Target::Boto3, "response = client.create_auto_ml_job_v2(\n    AutoMLJobName=\""),
        ] {
            let text = render_for(&CREATE_AUTO_ML_JOB_V2, &request, target);
            assert!(text.contains(says), "{name} as {}: {text}", target.name());
            assert!(!text.contains("create-auto-ml-job ") && !text.contains("create_auto_ml_job("));
        }
    }
}

/// Every top-level member is its own option, the V2 names (`--auto-ml-problem-type-config`),
/// structures and lists as JSON, in the model's order.
#[test]
fn the_cli_export_has_one_option_per_v2_member() {
    let (_, every) = v2_requests()
        .into_iter()
        .find(|(name, _)| name == "v2-every-member.json")
        .unwrap();
    let text = render_for(&CREATE_AUTO_ML_JOB_V2, &every, Target::Cli);
    let options: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.trim_start().split([' ', '=']).next().unwrap())
        .collect();
    assert_eq!(
        options,
        [
            "--auto-ml-job-name",
            "--auto-ml-job-input-data-config",
            "--output-data-config",
            "--auto-ml-problem-type-config",
            "--role-arn",
            "--tags",
            "--security-config",
            "--auto-ml-job-objective",
            "--model-deploy-config",
            "--data-split-config",
            "--auto-ml-compute-config",
        ]
    );
    assert!(text.contains("\n  --data-split-config '{\"ValidationFraction\":0.25}' \\\n"));
}

#[test]
fn the_json_body_is_in_v2_model_order() {
    let request = json::parse(
        r#"{"RoleArn":"r","AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"y","ProblemType":"Regression"}},"AutoMLJobName":"j","Zed":1}"#,
    )
    .unwrap();
    assert_eq!(
        json::to_compact(&in_model_order_for(&CREATE_AUTO_ML_JOB_V2, &request)),
        r#"{"AutoMLJobName":"j","AutoMLProblemTypeConfig":{"TabularJobConfig":{"ProblemType":"Regression","TargetAttributeName":"y"}},"RoleArn":"r","Zed":1}"#
    );
    assert_eq!(
        json_body_for(&CREATE_AUTO_ML_JOB_V2, &request),
        render_for(&CREATE_AUTO_ML_JOB_V2, &request, Target::Json)
    );
}

/// Each export of each fixture is read back as the same request, and as V2: a JSON body by
/// its members, a command by its `create-auto-ml-job-v2`, a script by the command it runs, a
/// program by its `create_auto_ml_job_v2(…)` call.
#[test]
fn every_export_imports_back_as_the_same_v2_request() {
    for (name, request) in v2_requests() {
        let ordered = in_model_order_for(&CREATE_AUTO_ML_JOB_V2, &request);
        for target in Target::ALL {
            let text = render_for(&CREATE_AUTO_ML_JOB_V2, &request, target);
            let (op, imported) =
                import_detect(&text).unwrap_or_else(|e| panic!("{name} as {}: {e}", target.name()));
            assert_eq!(op.name, "CreateAutoMLJobV2", "{name} as {}", target.name());
            assert!(
                imported.diagnostics.is_empty(),
                "{name} as {}: {:?}",
                target.name(),
                imported.diagnostics
            );
            assert_eq!(
                json::to_compact(&in_model_order_for(op, &imported.request)),
                json::to_compact(&ordered),
                "{name} as {}",
                target.name()
            );
        }
    }
}

/// A V2 request too small to be told by its members (no `AutoMLJobInputDataConfig` or
/// `AutoMLProblemTypeConfig`) still imports as V2 from any form that names the operation.
#[test]
fn a_form_that_names_the_operation_tells_it_without_v2_members() {
    let request =
        json::parse(r#"{"AutoMLJobName":"j","RoleArn":"arn:aws:iam::111122223333:role/r"}"#)
            .unwrap();
    for target in [
        Target::Cli,
        Target::CliInputJson,
        Target::PowerShell,
        Target::Cmd,
        Target::Boto3,
    ] {
        let text = render_for(&CREATE_AUTO_ML_JOB_V2, &request, target);
        let (op, _) = import_detect(&text).unwrap();
        assert_eq!(op.name, "CreateAutoMLJobV2", "{}", target.name());
    }
    let (op, _) =
        import_detect(&render_for(&CREATE_AUTO_ML_JOB_V2, &request, Target::Json)).unwrap();
    assert_eq!(op.name, "CreateAutoMLJob", "a bare body tells nothing: V1");
}
