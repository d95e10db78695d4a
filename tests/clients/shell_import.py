"""Proves that ``automl-job import`` reads a shell script's variables as the shell does, and
puts its holes where the shell's run-time values go.

Each script below (``create-auto-ml-job`` or ``create-auto-ml-job-v2``) is run by real bash
and dash, in an empty temporary folder, with the real AWS CLI v1 against the loopback
stand-in for SageMaker, and ``automl-job import`` reads the same text. The scripts set variables (``BUCKET=…``, ``export ROLE="…"``, one built from
another), give the aws command an environment prefix (``AWS_DEFAULT_REGION=… aws …``), and
use values only the running shell knows: ``$(date +%s)``, backticks, a variable the script
never sets (given to the shell in its environment). ``date`` is the system's own, behind a
wrapper on the PATH that logs each output, so the value the shell produced is known.

For each script: the import names exactly the holes the case lists (``error[runtime-value]``
at each path), its body holds each hole's marker (``{$(date +%s)}``) with the written parts
around it, and once every marker is replaced by the value the shell produced (the logged
output, or the variable's value in the environment), the body equals the request on the
wire (parsed JSON equal, types included). A script with no hole must import with exit
status 0 to exactly the wire's body, and the environment prefix must be named as left out.

Usage: shell_import.py --cli PATH/TO/automl-job --venv PATH/TO/VENV (run by the venv's Python)
Prints one line per case and ``N passed, M failed``; exits 1 on any failure.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from driver import TARGET, Driver, difference, same
from standin import StandIn

CALL = "aws sagemaker create-auto-ml-job"
INPUT = ('--input-data-config "[{\\"DataSource\\":{\\"S3DataSource\\":{\\"S3DataType\\":'
         '\\"S3Prefix\\",\\"S3Uri\\":\\"$PREFIX/train/\\"}},\\"TargetAttributeName\\":\\"churn\\"}]"')

# (what the case guards, the script, the environment the shell gets, the holes: marker →
# (the paths it is named at, where its value comes from: "log:N" for the N-th logged output,
# "env:NAME")).
CASES = [
    (
        "variables set, exported, built from one another, and an environment prefix",
        f"""#!/bin/sh
# Train a churn model.
BUCKET=my-bucket
export ROLE="arn:aws:iam::123456789012:role/AutoML"
PREFIX="s3://$BUCKET/churn"
OUT=${{PREFIX}}/out
AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 {CALL} \\
  --auto-ml-job-name churn-1 \\
  {INPUT} \\
  --output-data-config S3OutputPath=$OUT \\
  --role-arn "$ROLE" \\
  --tags Key=bucket,Value=$BUCKET 'Key=prefix,Value='"$PREFIX"
""",
        {},
        {},
    ),
    (
        "a job name from $(date +%s) is a hole: filled with what the shell produced",
        f"""BUCKET=my-bucket
PREFIX=s3://$BUCKET/churn
JOB=churn-$(date +%s)
{CALL} --auto-ml-job-name "$JOB" \\
  {INPUT} \\
  --output-data-config "{{\\"S3OutputPath\\": \\"$PREFIX/out\\"}}" \\
  --role-arn arn:aws:iam::123456789012:role/AutoML
""",
        {},
        {"{$(date +%s)}": (["/AutoMLJobName"], "log:0")},
    ),
    (
        "a variable from the environment and backticks in the command are holes",
        f"""PREFIX="s3://$BUCKET/churn"
ROLE=arn:aws:iam::123456789012:role/AutoML
{CALL} \\
  --auto-ml-job-name churn-2 \\
  {INPUT} \\
  --output-data-config S3OutputPath=s3://$BUCKET/out \\
  --role-arn $ROLE \\
  --tags "Key=year,Value=`date +%Y`"
""",
        {"BUCKET": "env-bucket"},
        {
            "{$BUCKET}": (["/InputDataConfig/0/DataSource/S3DataSource/S3Uri",
                           "/OutputDataConfig/S3OutputPath"], "env:BUCKET"),
            "{`date +%Y`}": (["/Tags/0/Value"], "log:0"),
        },
    ),
    (
        "an environment prefix does not set the variable for the command's own words",
        f"""PREFIX=s3://my-bucket/churn
BUCKET=prefix-bucket {CALL} \\
  --auto-ml-job-name churn-3 \\
  {INPUT} \\
  --output-data-config S3OutputPath=s3://${{BUCKET}}/out \\
  --role-arn arn:aws:iam::123456789012:role/AutoML
""",
        {"BUCKET": "env-bucket"},
        {"{${BUCKET}}": (["/OutputDataConfig/S3OutputPath"], "env:BUCKET")},
    ),
    (
        "V2: variables in shorthand of the union and the channels, a timestamp and a role hole",
        """#!/bin/sh
BUCKET=forecast-bucket
HORIZON=14
JOB="demand-$(date +%s)"
aws sagemaker create-auto-ml-job-v2 \\
  --auto-ml-job-name "$JOB" \\
  --auto-ml-job-input-data-config "ChannelType=training,DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://$BUCKET/train/}}" \\
  --output-data-config S3OutputPath=s3://$BUCKET/out/ \\
  --auto-ml-problem-type-config "TimeSeriesForecastingJobConfig={ForecastFrequency=D,ForecastHorizon=$HORIZON,TimeSeriesConfig={TargetAttributeName=demand,TimestampAttributeName=ts,ItemIdentifierAttributeName=sku}}" \\
  --role-arn "$SAGEMAKER_ROLE"
""",
        {"SAGEMAKER_ROLE": "arn:aws:iam::123456789012:role/AutoML"},
        {
            "{$(date +%s)}": (["/AutoMLJobName"], "log:0"),
            "{$SAGEMAKER_ROLE}": (["/RoleArn"], "env:SAGEMAKER_ROLE"),
        },
    ),
]

# `date` as the system has it, its output logged: the values the shell produced, in order.
DATE = """#!/bin/sh
out=$({date} "$@") || exit
printf '%s\\n' "$out" >> "$SHELL_IMPORT_LOG"
printf '%s\\n' "$out"
"""


def holes_named(stderr):
    """The paths of the runtime-value findings in a human report, in order."""
    paths = []
    current = False
    for line in stderr.splitlines():
        if re.match(r"^\w+\[", line):
            current = line.startswith("error[runtime-value]:")
        m = re.match(r"^   = path: (.*)$", line)
        if m and current:
            paths.append(m.group(1))
            current = False
    return paths


def filled(value, values):
    """`value` with each marker in its strings replaced by the value the shell produced."""
    if isinstance(value, str):
        for marker, produced in values.items():
            value = value.replace(marker, produced)
        return value
    if isinstance(value, list):
        return [filled(v, values) for v in value]
    if isinstance(value, dict):
        return {k: filled(v, values) for k, v in value.items()}
    return value


class ShellImport(Driver):
    def case(self, label, script, environment, holes, shell, bin_dir):
        with tempfile.TemporaryDirectory(prefix="clients-shell-") as work:
            path = os.path.join(work, "..", os.path.basename(work) + ".sh")
            log = path + ".log"
            with open(path, "w", encoding="utf-8") as f:
                f.write(script)
            try:
                env = dict(self.env, **environment)
                env["PATH"] = bin_dir + os.pathsep + env["PATH"]
                env["SHELL_IMPORT_LOG"] = log
                self.standin.take()
                run = subprocess.run([shell, path], capture_output=True, cwd=work, env=env,
                                     timeout=120)
                records = self.standin.take()
                imported = subprocess.run([self.cli, "import", path], capture_output=True,
                                          env=self.env)
                produced = []
                if os.path.exists(log):
                    with open(log, encoding="utf-8") as f:
                        produced = f.read().splitlines()
                left = os.listdir(work)
            finally:
                for file in (path, log):
                    if os.path.exists(file):
                        os.remove(file)
        target = TARGET + "V2" if "create-auto-ml-job-v2" in script else TARGET
        if run.returncode != 0 or len(records) != 1 or records[0]["target"] != target:
            return (f"{shell} exited {run.returncode} with {len(records)} requests: "
                    + run.stderr.decode("utf-8", "replace")[-800:])
        if left:
            return f"the run created {left} in its working folder"
        wire = json.loads(records[0]["body"].decode("utf-8"))
        ours = imported.stderr.decode("utf-8", "replace")
        if imported.returncode != (1 if holes else 0) or not imported.stdout:
            return f"import exited {imported.returncode}: {ours[-1500:]}"
        body = json.loads(imported.stdout.decode("utf-8"))
        named = holes_named(ours)
        want = sorted(path for paths, _ in holes.values() for path in paths)
        if sorted(named) != want:
            return f"import names holes at {named}, the case says {want}: {ours[-1500:]}"
        values = {}
        for marker, (_, source) in holes.items():
            kind, _, key = source.partition(":")
            if kind == "log":
                if int(key) >= len(produced):
                    return f"the shell produced {produced}, no value {key}"
                values[marker] = produced[int(key)]
            else:
                values[marker] = environment[key]
            if marker not in imported.stdout.decode("utf-8"):
                return f"the body has no {marker}: {imported.stdout.decode()}"
        got = filled(body, values)
        if not same(wire, got):
            return "the filled body differs from the wire: " + (difference(wire, got) or "in types")
        if "AWS_DEFAULT_REGION=" in script and "note: left out AWS_DEFAULT_REGION=us-east-1, AWS_MAX_ATTEMPTS=1" not in ours:
            return f"the environment prefix is not named as left out: {ours[-800:]}"
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the automl-job binary")
    parser.add_argument("--venv", required=True, help="the venv with awscli")
    args = parser.parse_args()
    date = shutil.which("date")
    with StandIn() as standin, tempfile.TemporaryDirectory(prefix="clients-bin-") as bin_dir:
        driver = ShellImport(os.path.abspath(args.cli), os.path.abspath(args.venv), standin)
        wrapper = os.path.join(bin_dir, "date")
        with open(wrapper, "w") as f:
            f.write(DATE.format(date=date))
        os.chmod(wrapper, 0o755)
        for shell in ["bash", "dash"]:
            if not shutil.which(shell):
                print(f"note: {shell} not found; skipped")
                continue
            for label, script, environment, holes in CASES:
                driver.result(f"shell import ({shell}): {label}",
                              driver.case(label, script, environment, holes, shell, bin_dir))
    print(f"{driver.passed} passed, {driver.failed} failed")
    return 1 if driver.failed or not driver.passed else 0


if __name__ == "__main__":
    sys.exit(main())
