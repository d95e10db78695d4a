//! The operation a request is for, as data: its request table, the names the AWS CLI, boto3
//! and the service's wire protocol know it by, and its documented rules. The checker, the
//! exports and the imports take an [`Operation`]; their older entry points pass
//! [`CREATE_AUTO_ML_JOB`]. A second operation (`CreateAutoMLJobV2`) is a new request table in
//! `model/`, its rule files in `rules/`, and one more static here.

use crate::model::{self, Shape};
use crate::rules::{self, Rule};

/// One operation of the SageMaker API this crate checks, exports and imports.
#[derive(Debug)]
pub struct Operation {
    /// The API name (`CreateAutoMLJob`).
    pub name: &'static str,
    /// The request shape: the root of the model table the walker and the form follow.
    pub request: &'static Shape,
    /// The AWS CLI command under `aws sagemaker` (`create-auto-ml-job`); also the stem of
    /// the files the exports are saved as.
    pub cli_command: &'static str,
    /// The AWS CLI option of each top-level member (`("AutoMLJobName", "auto-ml-job-name")`).
    pub cli_options: &'static [(&'static str, &'static str)],
    /// The boto3 client method (`create_auto_ml_job`).
    pub python_method: &'static str,
    /// The `X-Amz-Target` header of the service's JSON protocol (`SageMaker.CreateAutoMLJob`).
    pub target_header: &'static str,
    /// The documented cross-field rules, run in this order after the model's constraints.
    pub rules: &'static [Rule],
}

/// `CreateAutoMLJob`: what every entry point without an operation argument checks.
pub static CREATE_AUTO_ML_JOB: Operation = Operation {
    name: "CreateAutoMLJob",
    request: &model::CREATE_AUTO_ML_JOB_REQUEST,
    cli_command: "create-auto-ml-job",
    cli_options: &model::aws_cli::CLI_OPTIONS,
    python_method: "create_auto_ml_job",
    target_header: "SageMaker.CreateAutoMLJob",
    rules: rules::CREATE_AUTO_ML_JOB_RULES,
};

/// `CreateAutoMLJobV2`: every problem type, the API AWS recommends for new jobs.
pub static CREATE_AUTO_ML_JOB_V2: Operation = Operation {
    name: "CreateAutoMLJobV2",
    request: &model::CREATE_AUTO_ML_JOB_V2_REQUEST,
    cli_command: "create-auto-ml-job-v2",
    cli_options: &model::aws_cli::CLI_OPTIONS_V2,
    python_method: "create_auto_ml_job_v2",
    target_header: "SageMaker.CreateAutoMLJobV2",
    rules: rules::CREATE_AUTO_ML_JOB_V2_RULES,
};

impl Operation {
    /// The shape a JSON Pointer into this operation's request edits (list indexes are any
    /// number).
    pub fn shape_at(&self, pointer: &str) -> Option<&'static Shape> {
        model::shape_in(self.request, pointer)
    }

    /// The `aws sagemaker …` command line that sends this operation.
    pub fn aws_command(&self) -> String {
        format!("aws sagemaker {}", self.cli_command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{render_for, Target};
    use crate::import::{import, import_for};
    use crate::{check_node, check_node_for, json};

    /// Not an operation of the service: the V1 table under other names and without rules,
    /// to show that the entry points follow the operation they are given.
    static OTHER: Operation = Operation {
        name: "CreateOtherJob",
        request: &model::CREATE_AUTO_ML_JOB_REQUEST,
        cli_command: "create-other-job",
        cli_options: &model::aws_cli::CLI_OPTIONS,
        python_method: "create_other_job",
        target_header: "SageMaker.CreateOtherJob",
        rules: &[],
    };

    #[test]
    fn exports_and_imports_follow_the_operation() {
        let request = json::parse(r#"{"AutoMLJobName":"j","RoleArn":"r"}"#).unwrap();
        let compact = json::to_compact(&request);
        for (target, says) in [
            (Target::Cli, "aws sagemaker create-other-job \\\n"),
            (Target::CliInputJson, "aws sagemaker create-other-job \\\n"),
            (Target::Boto3, "response = client.create_other_job(\n"),
            (
                Target::PowerShell,
                "aws sagemaker create-other-job --cli-input-json",
            ),
            (
                Target::Cmd,
                "call aws sagemaker create-other-job --cli-input-json",
            ),
        ] {
            let text = render_for(&OTHER, &request, target);
            assert!(text.contains(says), "{}: {text}", target.name());
            let back = import_for(&OTHER, &text).unwrap();
            assert_eq!(json::to_compact(&back), compact, "{}", target.name());
        }
        let cli = render_for(&OTHER, &request, Target::Cli);
        let refused = import(&cli).unwrap_err();
        assert!(
            refused.message.contains("create-auto-ml-job"),
            "{}",
            refused.message
        );
    }

    #[test]
    fn the_check_runs_the_operations_rules() {
        // A training job's runtime over the whole job's: a documented rule, not the model.
        let request = json::parse(
            r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxRuntimePerTrainingJobInSeconds":7200,"MaxAutoMLJobRuntimeInSeconds":3600}}}"#,
        )
        .unwrap();
        let codes =
            |list: Vec<crate::Diagnostic>| list.into_iter().map(|d| d.code).collect::<Vec<_>>();
        let v1 = codes(check_node(&request));
        let other = codes(check_node_for(&OTHER, &request));
        assert!(v1.len() > other.len(), "{v1:?} {other:?}");
        assert!(other.iter().all(|c| v1.contains(c)), "{v1:?} {other:?}");
    }

    #[test]
    fn the_names_agree_with_each_other() {
        for op in [&CREATE_AUTO_ML_JOB, &CREATE_AUTO_ML_JOB_V2] {
            assert_eq!(op.request.name, format!("{}Request", op.name));
            assert_eq!(op.target_header, format!("SageMaker.{}", op.name));
            assert_eq!(op.python_method, op.cli_command.replace('-', "_"));
            assert_eq!(
                op.aws_command(),
                format!("aws sagemaker {}", op.cli_command)
            );
            let names: Vec<&str> = op.request.members().iter().map(|m| m.name).collect();
            let options: Vec<&str> = op.cli_options.iter().map(|o| o.0).collect();
            assert_eq!(names, options, "{}", op.name);
        }
        assert_eq!(
            CREATE_AUTO_ML_JOB_V2.aws_command(),
            "aws sagemaker create-auto-ml-job-v2"
        );
        assert!(std::ptr::eq(
            CREATE_AUTO_ML_JOB.shape_at("/InputDataConfig/0").unwrap(),
            model::shape_at("/InputDataConfig/0").unwrap()
        ));
        // V2's channel pieces are V1's statics; a map's values are reached by any key.
        assert!(std::ptr::eq(
            CREATE_AUTO_ML_JOB_V2
                .shape_at("/AutoMLJobInputDataConfig/0/DataSource")
                .unwrap(),
            model::shape_at("/InputDataConfig/0/DataSource").unwrap()
        ));
        let filling = "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/Transformations/Filling/price/backfill";
        assert_eq!(
            CREATE_AUTO_ML_JOB_V2.shape_at(filling).unwrap().name,
            "FillingTransformationValue"
        );
    }
}
