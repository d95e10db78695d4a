//! The command line of `automl-job`, defined with clap's derive: one struct of arguments per
//! command, so a new command (`preflight`, `convert`) is one more variant of [`Command`] with
//! its own struct, and an option every command takes (`--api v1|v2`) is one `global` field of
//! [`Cli`].
//!
//! clap reads the arguments as the operating system gives them (`args_os`): a file name that is
//! not UTF-8 is a [`PathBuf`] like any other. Wrong usage is a [`clap::Error`] that prints its
//! message and exits 2; `--help` and `--version` print to standard output and exit 0.

use std::path::PathBuf;

use automl_rules::export::Target;
use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check, export and import SageMaker CreateAutoMLJob requests
#[derive(Debug, Parser)]
#[command(
    name = "automl-job",
    version,
    override_usage = "automl-job check [FILE...|-] [--format human|json] [--api v1|v2]\n       \
                      automl-job export --to TARGET [FILE|-] [--allow-invalid] [--api v1|v2]\n       \
                      automl-job import [FILE|-] [--format human|json] [--api v1|v2]\n       \
                      automl-job preflight [--format human|json] REQUEST.json [DATA...]\n       \
                      automl-job convert --to v1|v2 [FILE|-] [--format human|json]\n       \
                      automl-job [COMMAND] --help | --version",
    after_help = "Exit status: 0 every input is valid (warnings allowed), 1 a request has errors,\n\
                  2 an input cannot be read or is not JSON, or the command line is wrong.\n\
                  A closed pipe is not an error.",
    subcommand_required = true,
    // No command is wrong usage: an error line, the usage and exit 2 (not the whole help).
    arg_required_else_help = false,
    // A repeated option takes its last value, as `--format human --format json` always did.
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Export(ExportArgs),
    Import(ImportArgs),
    Preflight(PreflightArgs),
    Convert(ConvertArgs),
}

// Help text is not wrapped to the terminal (clap's `wrap_help` would bring in a terminal-size
// crate): lines are kept under 100 columns by hand.

/// Report every error and warning in each request (a JSON body)
#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 every input is valid (warnings allowed), 1 a request has errors,\n\
                        2 an input cannot be read or is not JSON."
)]
pub struct CheckArgs {
    /// The requests to check; standard input when none or '-' is given
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// How to print the findings
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub format: Format,
    /// The operation to check against; without it, told from each body's members
    /// (CreateAutoMLJobV2 when it has AutoMLJobInputDataConfig or AutoMLProblemTypeConfig)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<Api>,
}

/// Which operation `check --api` checks against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Api {
    /// CreateAutoMLJob
    V1,
    /// CreateAutoMLJobV2
    V2,
}

/// How `check` prints its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style findings, then a summary line per input
    Human,
    /// One JSON object per input per line
    Json,
}

/// Print the request as a JSON body, an AWS CLI command, a script or a boto3 program
#[derive(Debug, Args)]
#[command(
    long_about = "Print the request as a JSON body, an AWS CLI command, a PowerShell or cmd.exe \
                  script or a\nboto3 program. An invalid request is refused (its diagnostics on \
                  stderr, exit 1) unless\n--allow-invalid is given.",
    after_help = "Exit status: 0 exported, 1 the request has errors, 2 the input cannot be read or \
                  is not JSON."
)]
pub struct ExportArgs {
    /// The form to print the request in
    #[arg(long, value_enum, value_name = "TARGET")]
    pub to: ExportTarget,
    /// The request; standard input when none or '-' is given
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Print the export of a request with errors anyway (diagnostics on stderr, exit 0)
    #[arg(long)]
    pub allow_invalid: bool,
    /// The operation to send (default: the one the body's members tell)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<Api>,
}

/// Print the JSON body of a request, a pasted AWS CLI command or a boto3 program
#[derive(Debug, Args)]
#[command(
    long_about = "Read a JSON body, a pasted `aws sagemaker create-auto-ml-job[-v2] ...` command, a \
                  boto3\nprogram's create_auto_ml_job[_v2](...) call or describe-auto-ml-job[-v2] \
                  output, and print\nthe JSON body; a note says which operation it was read as. \
                  Its diagnostics, and what it left\nout, go to stderr, placed in the input. A \
                  value the program works out only when it runs\n\
                  (sagemaker.Session().default_bucket()) is a hole: an error (runtime-value) at \
                  its member,\nwhose value shows it as {expression}.",
    after_help = "Exit status: 0 the request is valid (warnings allowed), 1 it has errors (holes \
                  to fill in among\nthem), 2 the input cannot be read or imported."
)]
pub struct ImportArgs {
    /// What to import; standard input when none or '-' is given
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// human: the JSON body on stdout, the findings on stderr; json: one object
    /// {"request", "api", "left_out", "diagnostics"} on stdout
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub format: Format,
    /// Read the text as this operation (default: the one the text tells)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<Api>,
}

/// Check the data files against a request before the job starts
#[derive(Debug, Args)]
#[command(
    long_about = "Check the training and validation data against a request before the job starts: \
                  the\n500-row minimum, the target and sample weight columns, the validation \
                  headers, ContentType\nand CompressionType against the files, the size limits, \
                  and what would make the job go\nwrong (the problem type against the target, \
                  missing targets, bad sample weights, rows with\nanother number of fields, \
                  text that is not UTF-8). Nothing leaves the machine.",
    after_help = "Exit status: 0 the job would start (warnings allowed), 1 something in the data \
                  would fail it,\n2 a file cannot be read, the request is not JSON, or its data are images (image\n  classification: the preflight reads tabular data only)."
)]
pub struct PreflightArgs {
    /// The request (a CreateAutoMLJob JSON body)
    #[arg(value_name = "REQUEST.json")]
    pub request: PathBuf,
    /// The data files in channel order, training first, then validation (gzip is read as
    /// gzip, whatever the name); none: each channel is read where its S3Uri points, with the
    /// AWS credentials of the environment or profile
    #[arg(value_name = "DATA")]
    pub data: Vec<PathBuf>,
    /// How to print the findings
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub format: Format,
}

/// Convert a request between CreateAutoMLJob (v1) and CreateAutoMLJobV2 (v2)
#[derive(Debug, Args)]
#[command(
    long_about = "Convert a request between CreateAutoMLJob (v1) and CreateAutoMLJobV2 (v2): \
                  every member moved to its\nplace in the other API, and the result checked. \
                  The JSON body goes to stdout; what moved, what\nwas left out (with why) and \
                  the findings go to stderr. Only a tabular v2 request converts to v1.",
    after_help = "Exit status: 0 the converted request is valid (warnings allowed), 1 it has \
                  errors, 2 the input\ncannot be read, is not JSON, or cannot be converted."
)]
pub struct ConvertArgs {
    /// The operation to convert to
    #[arg(long, value_enum, value_name = "API")]
    pub to: Api,
    /// The request; standard input when none or '-' is given
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// human: the JSON body on stdout, the rest on stderr; json: one object {"request",
    /// "moved", "left_out", "unknown", "refused", "summary", "check"} on stdout
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub format: Format,
}

/// An export target as `--to` takes it: [`Target`]'s own names and labels, so the command line
/// and the library cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportTarget(pub Target);

/// Every target, in the library's order.
const TARGETS: [ExportTarget; Target::ALL.len()] = {
    let mut all = [ExportTarget(Target::Json); Target::ALL.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = ExportTarget(Target::ALL[i]);
        i += 1;
    }
    all
};

impl ValueEnum for ExportTarget {
    fn value_variants<'a>() -> &'a [Self] {
        &TARGETS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()).help(self.0.label()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// clap's own consistency checks of the definition (names, value names, conflicts), which
    /// otherwise run only on the code path a given command line takes.
    #[test]
    fn the_parser_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_export_target_is_offered_by_its_name() {
        let names: Vec<String> = ExportTarget::value_variants()
            .iter()
            .filter_map(|t| t.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        let expected: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
        assert_eq!(names, expected);
        for target in Target::ALL {
            assert_eq!(
                ExportTarget::from_str(target.name(), false),
                Ok(ExportTarget(target))
            );
        }
    }

    #[test]
    fn preflight_takes_a_request_then_data_files_in_channel_order() {
        let parsed = Cli::try_parse_from([
            "automl-job",
            "preflight",
            "r.json",
            "train.csv.gz",
            "--format=json",
            "validation.csv",
        ])
        .map(|cli| cli.command);
        let Ok(Command::Preflight(args)) = parsed else {
            panic!("preflight")
        };
        assert_eq!(args.request, PathBuf::from("r.json"));
        assert_eq!(
            args.data,
            [
                PathBuf::from("train.csv.gz"),
                PathBuf::from("validation.csv")
            ]
        );
        assert_eq!(args.format, Format::Json);
    }

    /// Every spelling the hand-written parser accepted is still read the same way.
    #[test]
    fn the_documented_spellings_parse() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).map(|cli| cli.command);
        let Ok(Command::Check(check)) = parse(&["automl-job", "check", "--format=json", "a", "-"])
        else {
            panic!("check --format=json")
        };
        assert_eq!(check.format, Format::Json);
        assert_eq!(check.files, [PathBuf::from("a"), PathBuf::from("-")]);
        let Ok(Command::Check(check)) = parse(&[
            "automl-job",
            "check",
            "a",
            "--format",
            "human",
            "b",
            "--format",
            "json",
            "--",
            "--c",
        ]) else {
            panic!("check with options between files")
        };
        assert_eq!(check.format, Format::Json);
        assert_eq!(
            check.files,
            [PathBuf::from("a"), PathBuf::from("b"), PathBuf::from("--c")]
        );
        let Ok(Command::Check(check)) = parse(&["automl-job", "check"]) else {
            panic!("check alone")
        };
        assert_eq!((check.format, check.files.len()), (Format::Human, 0));
        let Ok(Command::Export(export)) = parse(&[
            "automl-job",
            "export",
            "r.json",
            "--allow-invalid",
            "--to=cli-input-json",
        ]) else {
            panic!("export")
        };
        assert_eq!(export.to, ExportTarget(Target::CliInputJson));
        assert_eq!(export.file, Some(PathBuf::from("r.json")));
        assert!(export.allow_invalid);
        let Ok(Command::Import(import)) = parse(&["automl-job", "import"]) else {
            panic!("import")
        };
        assert_eq!(import.file, None);
    }
}
