#!/usr/bin/env python3
"""Writes crates/rules/src/model/request_v2.rs, the CreateAutoMLJobV2 request table, from the
vendored extract (crates/rules/model/create-auto-ml-job-v2.json) and the V1 table
(crates/rules/src/model/request.rs): a shape the V1 table already has under the same name is
reused (`super::request::X`), every other shape gets one static, members in the model's
order. Labels, help and defaults: HELP below, keyed by (structure, member), else the V1
member of the same name and shape. Run it after scripts/refresh-model.py, then `cargo fmt --all`; the drift test holds
the result to the extract. Usage: scripts/gen-model-v2.py"""
import json, os, re, sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "crates", "rules")
EXTRACT = os.path.join(ROOT, "model", "create-auto-ml-job-v2.json")
V1 = os.path.join(ROOT, "src", "model", "request.rs")
OUT = os.path.join(ROOT, "src", "model", "request_v2.rs")

# (structure, member): (label, help, default or None). Our own words, one line each.
HELP = {
    ("CreateAutoMLJobV2Request", "AutoMLJobInputDataConfig"): ("Input data", "One training channel, and optionally one validation channel.", None),
    ("CreateAutoMLJobV2Request", "AutoMLProblemTypeConfig"): ("Problem type", "Exactly one of the five problem types, with its settings.", None),
    ("CreateAutoMLJobV2Request", "SecurityConfig"): ("Security", "Volume encryption, traffic encryption and VPC.", None),
    ("CreateAutoMLJobV2Request", "DataSplitConfig"): ("Data split", "How much of a single training channel is held out for validation (tabular and text only).", None),
    ("CreateAutoMLJobV2Request", "AutoMLComputeConfig"): ("Compute", "Where large tabular and time-series jobs run: EMR Serverless.", "SageMaker training instances"),
    ("CreateAutoMLJobV2Request", "AutoMLJobObjective"): ("Objective", "The metric Autopilot optimizes; it must suit the problem type.", "chosen by problem type"),
    ("AutoMLJobChannel", "ContentType"): ("Content type", "text/csv;header=present or x-application/vnd.amazon+parquet; image/png, image/jpeg or image/* for images.", None),
    ("AutoMLProblemTypeConfig", "ImageClassificationJobConfig"): ("Image classification", "Classify images into labels.", None),
    ("AutoMLProblemTypeConfig", "TextClassificationJobConfig"): ("Text classification", "Classify text in a column into labels.", None),
    ("AutoMLProblemTypeConfig", "TimeSeriesForecastingJobConfig"): ("Time-series forecasting", "Forecast future values of time series.", None),
    ("AutoMLProblemTypeConfig", "TabularJobConfig"): ("Tabular", "Regression or classification on a table of columns.", None),
    ("AutoMLProblemTypeConfig", "TextGenerationJobConfig"): ("Text generation", "Fine-tune a large language model on your text.", None),
    ("TextClassificationJobConfig", "ContentColumn"): ("Text column", "The column that holds the text to classify.", None),
    ("TextClassificationJobConfig", "TargetLabelColumn"): ("Label column", "The column that holds each text's label.", None),
    ("TimeSeriesForecastingJobConfig", "ForecastFrequency"): ("Forecast frequency", "How often predictions are made: 1Y, 1-11M, 1-4W, 1-6D, 1-23H or 1-59min (no number means 1).", None),
    ("TimeSeriesForecastingJobConfig", "ForecastHorizon"): ("Forecast horizon", "How many time steps ahead to predict, at least 1.", None),
    ("TimeSeriesForecastingJobConfig", "ForecastQuantiles"): ("Forecast quantiles", "Up to 5 quantiles p1 to p99, such as p10, p50, p90.", "p10, p50, p90"),
    ("TimeSeriesForecastingJobConfig", "Transformations"): ("Transformations", "How missing values are filled and how values are aggregated.", None),
    ("TimeSeriesForecastingJobConfig", "TimeSeriesConfig"): ("Time-series columns", "Which columns hold the target, the timestamp and the item ID.", None),
    ("TimeSeriesForecastingJobConfig", "HolidayConfig"): ("Holidays", "One country whose public holidays become a feature.", "no holiday feature"),
    ("TimeSeriesForecastingJobConfig", "CandidateGenerationConfig"): ("Candidate generation", "Which forecasting algorithms candidates may use.", None),
    ("TimeSeriesTransformations", "Filling"): ("Filling", "Per column (up to 50): how missing values are filled, such as backfill: zero.", None),
    ("TimeSeriesTransformations", "Aggregation"): ("Aggregation", "Per column (up to 50): sum, avg, first, min or max when values are combined.", None),
    ("TimeSeriesConfig", "TargetAttributeName"): ("Target column", "The column to forecast.", None),
    ("TimeSeriesConfig", "TimestampAttributeName"): ("Timestamp column", "The column that holds each row's time.", None),
    ("TimeSeriesConfig", "ItemIdentifierAttributeName"): ("Item ID column", "The column that tells the time series apart.", None),
    ("TimeSeriesConfig", "GroupingAttributeNames"): ("Grouping columns", "Up to 5 columns that group items, such as store or region.", None),
    ("HolidayConfigAttributes", "CountryCode"): ("Country code", "Two capital letters (ISO 3166-1 alpha-2), such as US or DE.", None),
    ("CandidateGenerationConfig", "AlgorithmsConfig"): ("Algorithms", "Restrict the algorithms candidates may use.", "every algorithm"),
    ("TabularJobConfig", "CandidateGenerationConfig"): ("Candidate generation", "Which algorithms candidates may use.", None),
    ("TabularJobConfig", "TargetAttributeName"): ("Target column", "The column to predict.", None),
    ("TabularJobConfig", "ProblemType"): ("Problem type", "Leave unset to let Autopilot infer it from the target column; then leave the objective unset too.", "inferred from the data"),
    ("TextGenerationJobConfig", "BaseModelName"): ("Base model", "The model to fine-tune, such as Falcon7BInstruct or Llama2-7B.", "Falcon7BInstruct"),
    ("TextGenerationJobConfig", "TextGenerationHyperParameters"): ("Hyperparameters", "Up to 30 names and values: epochCount, batchSize, learningRate, learningRateWarmupSteps.", None),
    ("TextGenerationJobConfig", "ModelAccessConfig"): ("Model access", "Accept the model's end-user license where it has one.", None),
    ("ModelAccessConfig", "AcceptEula"): ("Accept the EULA", "True accepts the base model's end-user license agreement.", None),
    ("AutoMLComputeConfig", "EmrServerlessComputeConfig"): ("EMR Serverless", "Let Autopilot use EMR Serverless for large data.", None),
    ("EmrServerlessComputeConfig", "ExecutionRoleARN"): ("EMR Serverless role ARN", "The role EMR Serverless assumes to run the job.", None),
}

def upper_snake(name):
    s = name.replace("AutoML", "AutoMl")
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", s)
    return s.upper()

def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def opt(v, conv=lambda v: str(v)):
    return "None" if v is None else f"Some({conv(v)})"

def main():
    extract = json.load(open(EXTRACT, encoding="utf-8"))
    shapes = extract["shapes"]
    v1 = open(V1, encoding="utf-8").read()
    v1_idents = dict((n, i) for i, n in re.findall(r'string_shape!\(\s*(\w+),\s*"(\w+)"', v1))
    v1_idents.update((n, i) for i, n in re.findall(r'pub static (\w+): Shape = Shape \{\s*name: "(\w+)"', v1))
    v1_members = {}
    for m in re.finditer(r'MemberDef \{\s*name: "([^"]+)",\s*shape: &(\w+),\s*required: \w+,\s*label: ("(?:[^"\\]|\\.)*"),\s*help: ("(?:[^"\\]|\\.)*"),\s*default: (None|Some\("(?:[^"\\]|\\.)*"\)),', v1):
        v1_members[(m.group(1), m.group(2))] = (m.group(3), m.group(4), m.group(5))
    ident = {n: ("super::request::" + v1_idents[n] if n in v1_idents else upper_snake(n)) for n in shapes}
    out = ["// Generated by scripts/gen-model-v2.py from model/create-auto-ml-job-v2.json; edit HELP there.",
           "//! The `CreateAutoMLJobV2` request table: one static per shape of botocore's service model",
           "//! that the V1 table (`request.rs`) does not already have under the same name, members in",
           "//! the model's order, each with its label, help and default.",
           "", "use super::{Kind, MemberDef, Shape};", ""]
    missing = []
    for name, s in shapes.items():
        if name in v1_idents:
            continue
        ty = s["type"]
        out.append(f"pub static {ident[name]}: Shape = Shape {{")
        out.append(f"    name: {rust_str(name)},")
        if ty == "structure":
            req = s.get("required", [])
            out.append("    kind: Kind::Structure {")
            out.append("        members: &[")
            for m, d in s["members"].items():
                if (name, m) in HELP:
                    label, help_, default = HELP[(name, m)]
                    label, help_ = rust_str(label), rust_str(help_)
                    default = opt(default, rust_str)
                elif (m, ident[d["shape"]].split("::")[-1]) in v1_members:
                    label, help_, default = v1_members[(m, ident[d["shape"]].split("::")[-1])]
                else:
                    missing.append(f"{name}.{m}")
                    continue
                out += ["            MemberDef {",
                        f"                name: {rust_str(m)},",
                        f"                shape: &{ident[d['shape']]},",
                        f"                required: {'true' if m in req else 'false'},",
                        f"                label: {label},",
                        f"                help: {help_},",
                        f"                default: {default},",
                        "            },"]
            out += ["        ],", "    },"]
        elif ty == "list":
            out += ["    kind: Kind::List {", f"        member: &{ident[s['member']['shape']]},",
                    f"        min: {opt(s.get('min'))},", f"        max: {opt(s.get('max'))},", "    },"]
        elif ty == "map":
            out += ["    kind: Kind::Map {", f"        key: &{ident[s['key']['shape']]},",
                    f"        value: &{ident[s['value']['shape']]},",
                    f"        min: {opt(s.get('min'))},", f"        max: {opt(s.get('max'))},", "    },"]
        elif ty == "string":
            values = ", ".join(rust_str(v) for v in s.get("enum", []))
            out += ["    kind: Kind::String {", f"        min: {opt(s.get('min'))},", f"        max: {opt(s.get('max'))},",
                    f"        pattern: {opt(s.get('pattern'), rust_str)},", f"        values: &[{values}],", "    },"]
        elif ty == "integer":
            out += ["    kind: Kind::Integer {", f"        min: {opt(s.get('min'))},", f"        max: {opt(s.get('max'))},", "    },"]
        elif ty == "float":
            out += ["    kind: Kind::Float {", f"        min: {opt(s.get('min'), lambda v: repr(float(v)))},",
                    f"        max: {opt(s.get('max'), lambda v: repr(float(v)))},", "    },"]
        elif ty == "boolean":
            out.append("    kind: Kind::Boolean,")
        else:
            sys.exit(f"{name}: type {ty} has no Kind")
        out += ["};", ""]
    if missing:
        sys.exit("no label and help for: " + ", ".join(missing))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print(f"wrote {os.path.relpath(OUT)}")

main()
