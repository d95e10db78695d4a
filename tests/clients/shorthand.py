"""Proves that ``automl-job import`` reads the AWS CLI shorthand syntax as AWS CLI v1 does.

For each command line of the corpus below it runs the real ``aws sagemaker
create-auto-ml-job …`` (or ``create-auto-ml-job-v2 …``, for the V2 cases) under bash, in an empty temporary folder, against the loopback
stand-in for SageMaker, and ``automl-job import`` on the same text. Each case says what the
AWS CLI does with it, and the driver checks that first:

- ``send``: the AWS CLI puts a body on the wire; the import must be that body (parsed JSON
  equal, types included: 1 is not 1.0 nor true).
- ``invalid``: the AWS CLI reads the value but botocore's parameter validation refuses it
  (an unknown key, a string where a list belongs…). The import must be exactly what the AWS
  CLI handed to botocore (seen by running the same CLI with an observer on
  ``botocore.validate.ParamValidator.validate``), and the checker must report an error at each
  parameter botocore names.
- ``refuse``: the AWS CLI cannot read the value (it exits non-zero before validation); the
  import must refuse it too, with a located message.

Then it compares the import of generated values (random keys, nesting, quotes, escapes,
numbers, spaces and stray punctuation, for each structure, list and map option of both
operations) with what AWS CLI
v1's own code makes of them in this process (``awscli.shorthand.ShorthandParser``, then
``BackCompatVisitor`` with the option's botocore model): equal values, types included, or
both refused.

Usage: shorthand.py --cli PATH/TO/automl-job --venv PATH/TO/VENV (run by the venv's Python)
Prints one line per case and ``N passed, M failed``; exits 1 on any failure.
"""

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile

from driver import Driver, difference, same
from standin import StandIn

NAME = "--auto-ml-job-name n --role-arn arn:aws:iam::123456789012:role/r"
INPUT = ("--input-data-config 'TargetAttributeName=t,"
         "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://my-bucket/i}}'")
OUTPUT = "--output-data-config S3OutputPath=s3://my-bucket/o"

# (what the case guards, what the AWS CLI does, options after the required ones). The
# command gets --auto-ml-job-name and --role-arn, and the INPUT and OUTPUT above unless the
# case gives its own --input-data-config or --output-data-config.
CASES = [
    # Structures, as key=value pairs.
    ("a structure", "send", "--output-data-config S3OutputPath=s3://my-bucket/o,KmsKeyId=alias/k"),
    ("spaces around = and ,", "send",
     "--output-data-config 'S3OutputPath = s3://my-bucket/o , KmsKeyId = k '"),
    ("the --name=value form", "send", "--output-data-config=S3OutputPath=s3://my-bucket/o"),
    ("a one-member structure", "send", "--auto-ml-job-objective MetricName=F1"),
    ("booleans, any case", "send",
     "--model-deploy-config AutoGenerateEndpointName=TRUE --auto-ml-job-config "
     "'SecurityConfig={EnableInterContainerTrafficEncryption=False}'"),
    ("a string member and a boolean", "send",
     "--model-deploy-config EndpointName=ep,AutoGenerateEndpointName=false"),
    # Nesting, lists and the conversions of the model's types.
    ("nested structures, two channels as two words", "send",
     "--input-data-config 'TargetAttributeName=t,CompressionType=Gzip,"
     "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://my-bucket/i}}' "
     "'TargetAttributeName=t,ChannelType=validation,ContentType=text/csv\\,x'"),
    ("integers with signs, zeros and underscores", "send",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=+0007,"
     "MaxRuntimePerTrainingJobInSeconds= 1_000 ,MaxAutoMLJobRuntimeInSeconds=+0_9}'"),
    ("an integer in Arabic-Indic digits", "send",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=\u0663\u0665}'"),
    ("a float written as .25", "send",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=.25}'"),
    ("a float with an exponent (repr 1e-05)", "send",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=1E-5}'"),
    ("a whole float (1.0)", "send",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=1}'"),
    ("a float with underscores", "send",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=0.1_5e0_1}'"),
    ("a float with 18 digits (sent as repr 1.2345678901234568e+17)", "send",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=123456789012345678}'"),
    ("nan goes out as the string NaN", "send",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=nan}'"),
    ("1e400 goes out as the string Infinity", "send",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=1e400}'"),
    ("a scalar where the model has a list becomes a list", "send",
     "--auto-ml-job-config 'SecurityConfig={VpcConfig={Subnets=subnet-1,SecurityGroupIds=sg-1}}'"),
    ("explicit lists", "send",
     "--auto-ml-job-config 'SecurityConfig={VpcConfig={Subnets=[a, b],SecurityGroupIds=[sg-1]}},"
     "CandidateGenerationConfig={AlgorithmsConfig=[{AutoMLAlgorithms=[xgboost,lightgbm]}]},"
     "Mode=ENSEMBLING'"),
    ("whitespace and line breaks inside braces", "send",
     "--auto-ml-job-config 'CompletionCriteria={\n  MaxCandidates = 5 ,\n"
     "  MaxAutoMLJobRuntimeInSeconds=7 }'"),
    ("a key given twice in braces keeps the last value", "send",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=1,MaxCandidates=2}'"),
    # Lists of structures: one word per item.
    ("tags, one word each", "send", "--tags Key=team,Value=ml Key=env,Value=prod"),
    ("quoted values with spaces, commas and =", "send",
     "--tags 'Key=\"a b\",Value=x=y' \"Key='c,d',Value='it\\\\'s'\""),
    ("an empty value", "send", "--tags Key=k,Value="),
    ("non-ASCII values", "send", "--tags 'Key=\u00e9,Value=\u65e5\u672c'"),
    ("an astral character inside quotes", "send", "--tags \"Key='a\U0001F600',Value=b\""),
    ("@= without a file prefix", "send", "--tags Key@=k,Value=v"),
    ("a backslash before a comma escapes it", "send", "--tags 'Key=a\\,b,Value=c'"),
    ("a quote that never closes ends at its last escaped quote", "send",
     "--tags \"Key='a\\\\',Value=b\""),
    ("unquoted braces the shell leaves as they are", "send",
     "--auto-ml-job-config CompletionCriteria={MaxAutoMLJobRuntimeInSeconds=14400}"),
    ("unquoted braces with a comma after them, not inside", "send",
     "--auto-ml-job-config DataSplitConfig={ValidationFraction=0.25},Mode=ENSEMBLING"),
    ("unquoted braces holding a URI", "send",
     "--auto-ml-job-config CandidateGenerationConfig={FeatureSpecificationS3Uri=s3://my-bucket/f.json}"),
    # Mixed with JSON.
    ("JSON and shorthand options together", "send",
     "--output-data-config '{\"S3OutputPath\":\"s3://my-bucket/o\"}' --tags Key=a,Value=b"),
    ("JSON after leading spaces", "send",
     "--output-data-config ' {\"S3OutputPath\":\"s3://my-bucket/o\"}' --tags '  [{\"Key\":\"a\",\"Value\":\"b\"}]'"),
    ("shorthand beside --cli-input-json", "send",
     "--cli-input-json '{\"Tags\":[{\"Key\":\"x\",\"Value\":\"y\"}],\"ProblemType\":\"Regression\"}' "
     "--tags Key=a,Value=b"),
    # Values the AWS CLI reads and botocore's validation refuses.
    ("an unknown key", "invalid", "--tags Key=a,Value=b,Foo=1"),
    ("keys are case-sensitive", "invalid", "--output-data-config s3outputpath=s3://my-bucket/o"),
    ("a backslash-comma then a key: the parser backtracks into it", "invalid",
     "--tags 'Key=a,Value=b,c\\,d=e'"),
    ("a boolean that is not true or false stays a string", "invalid",
     "--model-deploy-config AutoGenerateEndpointName=yes"),
    ("a comma list where a string belongs", "invalid", "--tags Key=a,b,Value=c"),
    ("a string where a structure belongs", "invalid",
     "--input-data-config TargetAttributeName=t,DataSource=s3://my-bucket/i"),
    ("a wrapped list item is not converted further", "invalid",
     "--auto-ml-job-config "
     "'CandidateGenerationConfig={AlgorithmsConfig={AutoMLAlgorithms=xgboost}}'"),
    ("an empty key", "invalid", "--tags Key=a,Value=b,=x"),
    ("a top-level comma list", "invalid",
     "--auto-ml-job-config 'Mode=a,b,CompletionCriteria={MaxCandidates=2}'"),
    ("an empty explicit list", "invalid",
     "--auto-ml-job-config 'SecurityConfig={VpcConfig={Subnets=[],SecurityGroupIds=[ ]}}'"),
    ("-0 is 0, below the minimum", "invalid",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=-0}'"),
    # Values the AWS CLI cannot read.
    ("a key given twice at the top", "refuse", "--tags Key=a,Value=b,Key=c"),
    ("a trailing comma", "refuse", "--tags 'Key=a,Value=b,'"),
    ("no = after a key", "refuse", "--output-data-config S3OutputPath"),
    ("an empty value for a structure", "refuse", "--output-data-config ''"),
    ("--name=value takes one word", "refuse", "--tags=Key=a,Value=b Key=c,Value=d"),
    ("a space before the first key", "refuse", "--tags ' Key=a,Value=b'"),
    ("a quote that never closes", "refuse", "--tags \"Key='a,Value=b\""),
    ("unquoted braces the shell expands into two words", "refuse",
     "--auto-ml-job-config CompletionCriteria={MaxCandidates=1,MaxRuntimePerTrainingJobInSeconds=60}"),
    ("a brace that never closes", "refuse",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=1'"),
    ("a comma list inside braces", "refuse",
     "--auto-ml-job-config 'SecurityConfig={VpcConfig={Subnets=a,b}}'"),
    ("an unquoted astral character", "refuse", "--tags 'Key=a\U0001F600,Value=b'"),
    ("a decimal where an integer belongs", "refuse",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=1.5}'"),
    ("an integer with a doubled underscore", "refuse",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=1__0}'"),
    ("a list where an integer belongs", "refuse",
     "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=[1]}'"),
    ("a word where a float belongs", "refuse",
     "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=half}'"),
    ("a list where a boolean belongs", "refuse",
     "--model-deploy-config 'AutoGenerateEndpointName=[true]'"),
    ("a JSON word after a shorthand word", "refuse",
     "--tags Key=a,Value=b '{\"Key\":\"c\",\"Value\":\"d\"}'"),
    ("a shorthand word after a JSON word", "refuse",
     "--tags '{\"Key\":\"c\",\"Value\":\"d\"}' Key=a,Value=b"),
    ("@= names a file", "refuse", "--tags Key@=file://k.txt,Value=v"),
]

# CreateAutoMLJobV2 (create-auto-ml-job-v2): every structure, list and map option of V2 takes
# shorthand in AWS CLI v1 (none is a document type), the problem type's union included.
V2_INPUT = ("--auto-ml-job-input-data-config 'ChannelType=training,"
            "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://my-bucket/i}}'")
V2_OUTPUT = "--output-data-config S3OutputPath=s3://my-bucket/o"
V2_PROBLEM = "--auto-ml-problem-type-config 'TabularJobConfig={TargetAttributeName=t}'"

# (what the case guards, what the AWS CLI does, options after --auto-ml-job-name and
# --role-arn); V2_INPUT, V2_OUTPUT and V2_PROBLEM are added unless the case gives its own.
CASES_V2 = [
    ("V2: the problem type's union, nested structures and a boolean", "send",
     "--auto-ml-problem-type-config 'TabularJobConfig={TargetAttributeName=Churn?,"
     "ProblemType=BinaryClassification,GenerateCandidateDefinitionsOnly=true,"
     "CompletionCriteria={MaxCandidates=+05,MaxAutoMLJobRuntimeInSeconds=3_600}}'"),
    ("V2: time series: a list, a map of maps and a map of enums", "send",
     "--auto-ml-problem-type-config 'TimeSeriesForecastingJobConfig={ForecastFrequency=1D,"
     "ForecastHorizon=14,ForecastQuantiles=[p10,p50,p90],"
     "Transformations={Filling={demand={middlefill=zero,backfill=zero}},Aggregation={demand=sum}},"
     "TimeSeriesConfig={TargetAttributeName=demand,TimestampAttributeName=ts,"
     "ItemIdentifierAttributeName=sku,GroupingAttributeNames=[store,region]},"
     "HolidayConfig=[{CountryCode=US}]}'"),
    ("V2: text generation: a map of strings keeps numbers as strings", "send",
     "--auto-ml-problem-type-config 'TextGenerationJobConfig={BaseModelName=Falcon7BInstruct,"
     "TextGenerationHyperParameters={epochCount=3,learningRate=0.0001,batchSize=08},"
     "ModelAccessConfig={AcceptEula=TRUE}}'"),
    ("V2: image classification", "send",
     "--auto-ml-problem-type-config 'ImageClassificationJobConfig={CompletionCriteria={MaxCandidates=2}}'"),
    ("V2: two channels as two words", "send",
     "--auto-ml-job-input-data-config 'ChannelType=training,ContentType=\"text/csv;header=present\","
     "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://my-bucket/t}}' "
     "'ChannelType=validation,CompressionType=Gzip,"
     "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://my-bucket/v}}'"),
    ("V2: security, split, compute, objective, deployment and tags", "send",
     "--security-config 'EnableInterContainerTrafficEncryption=false,VolumeKmsKeyId=k,"
     "VpcConfig={Subnets=[subnet-1,subnet-2],SecurityGroupIds=[sg-1]}' "
     "--data-split-config ValidationFraction=.2 "
     "--auto-ml-compute-config 'EmrServerlessComputeConfig={ExecutionRoleARN=arn:aws:iam::123456789012:role/e}' "
     "--auto-ml-job-objective MetricName=F1 "
     "--model-deploy-config AutoGenerateEndpointName=true --tags Key=a,Value=1 Key=b,Value="),
    ("V2: an unknown key of the union", "invalid",
     "--auto-ml-problem-type-config 'TabularJobConfig={TargetAttributeName=t},Nope={}'"),
    ("V2: a word where a map belongs", "invalid",
     "--auto-ml-problem-type-config 'TextGenerationJobConfig={TextGenerationHyperParameters=x}'"),
    ("V2: a word where an integer belongs", "refuse",
     "--auto-ml-problem-type-config 'TimeSeriesForecastingJobConfig={ForecastHorizon=two}'"),
]

SPY = """import json, math, os, sys
import botocore.validate

_validate = botocore.validate.ParamValidator.validate


def _plain(x):
    # As botocore's JSON serializer writes floats that are not finite.
    if isinstance(x, float) and not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_plain(v) for v in x]
    return x


def _observe(self, params, shape):
    path = os.environ["SHORTHAND_SPY"]
    if not os.path.exists(path):
        with open(path, "w") as f:
            json.dump(_plain(params), f)
    return _validate(self, params, shape)


botocore.validate.ParamValidator.validate = _observe
import awscli.clidriver

sys.exit(awscli.clidriver.main())
"""


def command(options):
    parts = ["aws sagemaker create-auto-ml-job", NAME]
    if "--input-data-config" not in options:
        parts.append(INPUT)
    if "--output-data-config" not in options:
        parts.append(OUTPUT)
    parts.append(options)
    return " ".join(parts) + "\n"


def command_v2(options):
    parts = ["aws sagemaker create-auto-ml-job-v2", NAME]
    for option, default in [("--auto-ml-job-input-data-config", V2_INPUT),
                            ("--output-data-config", V2_OUTPUT),
                            ("--auto-ml-problem-type-config", V2_PROBLEM)]:
        if option not in options:
            parts.append(default)
    parts.append(options)
    return " ".join(parts) + "\n"


def botocore_paths(stderr):
    """JSON Pointers of the parameters botocore's validation names."""
    paths = []
    for line in stderr.splitlines():
        m = re.match(r'(?:Unknown parameter|Missing required parameter) in (\S+?): "(.*)"', line)
        if m:
            paths.append(pointer(m.group(1)) + "/" + m.group(2))
        m = re.match(r"Invalid (?:type|value|length) for parameter (\S+),", line)
        if m:
            paths.append(pointer(m.group(1)))
    return paths


def pointer(dotted):
    return "/" + re.sub(r"\[(\d+)\]", r"/\1", dotted).replace(".", "/")


class Shorthand(Driver):
    def run_aws(self, script, work, spy_dir=None, spy_out=None):
        env = dict(self.env)
        if spy_dir:
            env["PATH"] = spy_dir + os.pathsep + env["PATH"]
            env["SHORTHAND_SPY"] = spy_out
        self.standin.take()
        run = subprocess.run(["bash", script], capture_output=True, cwd=work, env=env,
                             timeout=120)
        return run, self.standin.take()

    def case(self, label, does, options, spy_dir, text=None):
        text = text or command(options)
        with tempfile.TemporaryDirectory(prefix="clients-shorthand-") as work:
            script = os.path.join(work, "..", os.path.basename(work) + ".sh")
            with open(script, "w", encoding="utf-8") as f:
                f.write(text)
            try:
                run, records = self.run_aws(script, work)
                imported = subprocess.run([self.cli, "import", script], capture_output=True,
                                          env=self.env)
                seen = None
                if not records:
                    spy_out = os.path.join(work, "..", os.path.basename(work) + ".params")
                    self.run_aws(script, work, spy_dir, spy_out)
                    if os.path.exists(spy_out):
                        with open(spy_out, encoding="utf-8") as f:
                            seen = json.load(f)
                        os.remove(spy_out)
            finally:
                os.remove(script)
        stderr = run.stderr.decode("utf-8", "replace")
        ours = imported.stderr.decode("utf-8", "replace")
        got = None
        if imported.returncode in (0, 1) and imported.stdout:
            got = json.loads(imported.stdout.decode("utf-8"))

        if records and run.returncode == 0:
            actual = "send"
        elif seen is not None and "Parameter validation failed" in stderr:
            actual = "invalid"
        elif run.returncode != 0:
            actual = "refuse"
        else:
            actual = f"exit {run.returncode} with {len(records)} requests"
        if actual != does:
            return f"the AWS CLI did {actual!r}, the case says {does!r}: {stderr[-600:]}"

        if does == "refuse":
            if imported.returncode != 2 or "cannot import" not in ours:
                return (f"the AWS CLI refuses ({stderr.strip()[-300:]!r}) but import "
                        f"exited {imported.returncode}: {ours[-300:]!r}")
            return None
        if got is None:
            return f"import exited {imported.returncode}: {ours[-600:]}"
        if does == "send":
            body = json.loads(records[0]["body"].decode("utf-8"))
            if not same(body, got):
                return "the body differs: " + (difference(body, got) or "in types")
            return None
        if not same(seen, got):
            return "what the AWS CLI read differs: " + (difference(seen, got) or "in types")
        check = subprocess.run([self.cli, "check", "--format", "json", "-"],
                               input=imported.stdout, capture_output=True, env=self.env)
        found = {d["path"] for line in check.stdout.decode().splitlines()
                 for d in json.loads(line)["diagnostics"] if d["severity"] == "error"}
        named = botocore_paths(stderr)
        if not named:
            return f"no parameter named in {stderr!r}"
        missing = [p for p in named if p not in found]
        if missing:
            return f"botocore names {missing}, the checker reports {sorted(found)}"
        return None


# ---- generated values, against awscli's own parser ----------------------------------------

# (operation, its command) of each option table below.
OPERATIONS = {"CreateAutoMLJob": "create-auto-ml-job", "CreateAutoMLJobV2": "create-auto-ml-job-v2"}
OPTIONS_V2 = {
    "--auto-ml-problem-type-config": ["TabularJobConfig", "TimeSeriesForecastingJobConfig",
                                      "TextGenerationJobConfig", "TextGenerationHyperParameters",
                                      "ImageClassificationJobConfig", "Transformations",
                                      "Filling", "Aggregation", "ForecastHorizon",
                                      "ForecastQuantiles", "ModelAccessConfig", "AcceptEula",
                                      "CompletionCriteria", "MaxCandidates", "HolidayConfig",
                                      "CountryCode", "x"],
    "--auto-ml-job-input-data-config": ["ChannelType", "ContentType", "DataSource",
                                        "S3DataSource", "S3Uri", "CompressionType"],
    "--security-config": ["VpcConfig", "Subnets", "EnableInterContainerTrafficEncryption",
                          "VolumeKmsKeyId"],
    "--data-split-config": ["ValidationFraction", "x"],
    "--auto-ml-compute-config": ["EmrServerlessComputeConfig", "ExecutionRoleARN"],
}
OPTIONS = {
    "--auto-ml-job-config": ["CompletionCriteria", "MaxCandidates", "SecurityConfig",
                             "VpcConfig", "Subnets", "SecurityGroupIds",
                             "EnableInterContainerTrafficEncryption", "DataSplitConfig",
                             "ValidationFraction", "CandidateGenerationConfig",
                             "AlgorithmsConfig", "AutoMLAlgorithms", "Mode",
                             "MaxAutoMLJobRuntimeInSeconds", "x"],
    "--tags": ["Key", "Value", "k"],
    "--model-deploy-config": ["AutoGenerateEndpointName", "EndpointName"],
    "--input-data-config": ["TargetAttributeName", "DataSource", "S3DataSource", "S3Uri",
                            "ChannelType"],
    "--output-data-config": ["S3OutputPath", "KmsKeyId"],
    "--auto-ml-job-objective": ["MetricName"],
}
ATOMS = ["1", "0", "-2", "1.5", "1e3", "true", "False", "nan", "a", "a b", "\u00e9",
         "\U0001F600", "", " ", "x y ", "'q,r'", '"s\\"t"', "'u\\'", "\\,", "a\\,b", "\u0661",
         "1_0", "+7", "inf", "s3://my-bucket/o", "[", "]", "{", "}", ",", "=", "@", "\n", "\t", "\\\\",
         "'", '"']


def plain(x):
    """A parsed value as botocore writes it: floats that are not finite become strings."""
    if isinstance(x, float) and not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return x


def generated_value(rng, keys, depth):
    r = rng.random()
    if depth < 3 and r < 0.2:
        pairs = [generated_pair(rng, keys, depth + 1) for _ in range(rng.randint(0, 3))]
        return "{" + ",".join(pairs) + "}"
    if depth < 3 and r < 0.35:
        items = [generated_value(rng, keys, depth + 1) for _ in range(rng.randint(0, 3))]
        return "[" + rng.choice([",", ", "]).join(items) + "]"
    return "".join(rng.choice(ATOMS) for _ in range(rng.randint(0, 2)))


def generated_pair(rng, keys, depth):
    sep = rng.choice(["=", "=", "=", " = ", "@=", ""])
    return rng.choice(keys) + sep + generated_value(rng, keys, depth)


def generated_word(rng, keys):
    if rng.random() < 0.1:
        return "".join(rng.choice(ATOMS + keys) for _ in range(rng.randint(1, 6)))
    pairs = [generated_pair(rng, keys, 0) for _ in range(rng.randint(1, 3))]
    return rng.choice([",", ",", ", "]).join(pairs)


def shell_quoted(s):
    return "'" + s.replace("'", "'\\''") + "'"


def differential(driver, count, seed, operation="CreateAutoMLJob", options=None):
    """Generated values: import against awscli's ShorthandParser and BackCompatVisitor."""
    import botocore.session
    from botocore import xform_name
    from awscli.shorthand import BackCompatVisitor, ShorthandParser

    options = options or OPTIONS
    model = botocore.session.get_session().get_service_model("sagemaker")
    members = model.operation_model(operation).input_shape.members
    names = {"--" + xform_name(name, "-"): name for name in members}
    rng = random.Random(seed)
    tally = {option: [0, 0, []] for option in options}  # accepted, refused, problems
    with tempfile.TemporaryDirectory(prefix="clients-shorthand-gen-") as work:
        for n in range(count):
            option = rng.choice(sorted(options))
            member = names[option]
            shape = members[member]
            many = shape.type_name == "list"
            words = [generated_word(rng, options[option])
                     for _ in range(rng.randint(1, 2) if many else 1)]
            if words[0].strip().startswith(("[", "{")) or (
                    len(words) == 1 and words[0].startswith(("file://", "fileb://", "http"))):
                continue  # JSON, or a whole value from a file: not shorthand
            try:
                parsed = ([ShorthandParser().parse(w) for w in words] if many
                          else ShorthandParser().parse(words[0]))
                BackCompatVisitor().visit(parsed, shape)
                want = plain(parsed)
            except Exception as e:  # any exception makes the AWS CLI exit 255
                want = e
            path = os.path.join(work, f"{n}.sh")
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"aws sagemaker {OPERATIONS[operation]} {option} "
                        + " ".join(shell_quoted(w) for w in words) + "\n")
            run = subprocess.run([driver.cli, "import", path], capture_output=True,
                                 env=driver.env)
            entry = tally[option]
            if isinstance(want, Exception):
                entry[1] += 1
                if run.returncode != 2:
                    entry[2].append(f"{words!r}: awscli refuses ({want}), import reads it")
                continue
            entry[0] += 1
            if run.returncode not in (0, 1):
                entry[2].append(f"{words!r}: awscli reads {want!r}, import refuses: "
                                + run.stderr.decode("utf-8", "replace")[:300])
                continue
            got = json.loads(run.stdout.decode("utf-8")).get(member)
            if not same(want, got):
                entry[2].append(f"{words!r}: awscli reads {want!r}, import {got!r}")
    for option, (accepted, refused, problems) in sorted(tally.items()):
        label = (f"generated {OPERATIONS[operation]} {option} values: {accepted} read and "
                 f"{refused} refused "
                 "alike by awscli's parser and import")
        driver.result(label, "; ".join(problems[:5]) if problems else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the automl-job binary")
    parser.add_argument("--venv", required=True, help="the venv with awscli")
    args = parser.parse_args()
    assert len(CASES) >= 30
    with StandIn() as standin, tempfile.TemporaryDirectory(prefix="clients-spy-") as spy_dir:
        driver = Shorthand(os.path.abspath(args.cli), os.path.abspath(args.venv), standin)
        spy = os.path.join(spy_dir, "aws")
        with open(spy, "w") as f:
            f.write(f"#!{os.path.join(driver.venv, 'bin', 'python')}\n{SPY}")
        os.chmod(spy, 0o755)
        aws = subprocess.run(["aws", "--version"], capture_output=True, env=driver.env)
        print("using " + (aws.stdout or aws.stderr).decode().strip(), flush=True)
        for label, does, options in CASES:
            driver.result(f"shorthand {does}: {label}", driver.case(label, does, options, spy_dir))
        for label, does, options in CASES_V2:
            driver.result(f"shorthand {does}: {label}",
                          driver.case(label, does, options, spy_dir, command_v2(options)))
        differential(driver, 3000, 20261129)
        differential(driver, 1500, 20261206, "CreateAutoMLJobV2", OPTIONS_V2)
    print(f"{driver.passed} passed, {driver.failed} failed")
    return 1 if driver.failed or not driver.passed else 0


if __name__ == "__main__":
    sys.exit(main())
