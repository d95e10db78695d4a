"""Proves the exports with the real clients.

For each request fixture it asks ``automl-job export`` for every export, runs the POSIX ones
(``cli``, ``cli-input-json``) under each shell here, the ``boto3`` program under the venv's
Python and the ``json`` body through ``aws ... --cli-input-json file://request.json``, each in
an empty temporary working folder, against a loopback stand-in for SageMaker. Each run must
put exactly the fixture's body on the wire (parsed JSON equal, types included, and every
string equal byte for byte), with ``X-Amz-Target: SageMaker.CreateAutoMLJob`` (or
``SageMaker.CreateAutoMLJobV2`` for a ``CreateAutoMLJobV2`` request: one with
``AutoMLJobInputDataConfig`` or ``AutoMLProblemTypeConfig``, as ``automl-job`` tells it), print the ARN,
and leave the working folder as it was (nothing executed). It also checks that
``automl-job import`` reads every pasteable export back to the fixture.

Fixtures under ``requests/invalid/`` are requests the service rejects but the AWS CLI sends
anyway (it does not check patterns or enums); they carry the CLI's traps (paramfile prefixes,
values that look like options) and are exported with ``--allow-invalid``.

Usage: driver.py --cli PATH/TO/automl-job --venv PATH/TO/VENV FIXTURE...
Prints one line per check and ``N passed, M failed``; exits 1 on any failure.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from standin import ARN, StandIn

# The X-Amz-Target of CreateAutoMLJob, the operation of a body without V2's members.
TARGET = "SageMaker.CreateAutoMLJob"
# The members that make a body a CreateAutoMLJobV2 request (crates/rules/src/detect.rs).
V2_MARKERS = ("AutoMLJobInputDataConfig", "AutoMLProblemTypeConfig")


def operation(request):
    """(X-Amz-Target, aws sagemaker command) of the operation a request body is for."""
    if isinstance(request, dict) and any(m in request for m in V2_MARKERS):
        return "SageMaker.CreateAutoMLJobV2", "create-auto-ml-job-v2"
    return "SageMaker.CreateAutoMLJob", "create-auto-ml-job"


def shells():
    """(name, argv prefix, stdin mode) for every shell run; missing ones are reported."""
    found = []
    for name, argv in [
        ("bash", ["bash"]),
        ("bash --posix", ["bash", "--posix"]),
        ("dash", ["dash"]),
        ("zsh", ["zsh", "-f"]),
        ("zsh -o rcquotes", ["zsh", "-f", "-o", "rcquotes"]),
        ("sh", ["sh"]),
    ]:
        program = shutil.which(argv[0])
        if name == "sh" and program and any(
            os.path.realpath(program) == os.path.realpath(shutil.which(f[1][0])) for f in found
        ):
            continue  # /bin/sh is one of the shells already run (dash on Debian)
        if program:
            found.append((name, argv, False))
        else:
            print(f"note: {argv[0]} not found; {name} skipped")
    if shutil.which("bash"):
        # Pasted into an interactive bash, where `!` is history expansion outside quotes.
        found.append(("bash -i (pasted)", ["bash", "--norc", "--noprofile", "-i"], True))
    if shutil.which("zsh"):
        found.append(("zsh -i (pasted)", ["zsh", "-f", "-i"], True))
    return found


def strings(value):
    """Every string in a JSON value (keys too), in a fixed order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key in sorted(value):
            yield key
            yield from strings(value[key])


def same(a, b):
    """JSON equality with types: True is not 1, 1 is not 1.0."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def difference(expected, got, path=""):
    """Where two JSON values first differ, for the failure message."""
    if type(expected) is not type(got):
        return f"{path or '/'}: {expected!r} became {got!r}"
    if isinstance(expected, dict):
        for key in sorted(set(expected) | set(got)):
            if key not in got:
                return f"{path}/{key}: missing"
            if key not in expected:
                return f"{path}/{key}: unexpected {got[key]!r}"
            found = difference(expected[key], got[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if len(expected) != len(got):
            return f"{path}: {len(expected)} items became {len(got)}"
        for i, (x, y) in enumerate(zip(expected, got)):
            found = difference(x, y, f"{path}/{i}")
            if found:
                return found
        return None
    return None if expected == got else f"{path or '/'}: {expected!r} became {got!r}"


class Driver:
    def __init__(self, cli, venv, standin):
        self.cli = cli
        self.venv = venv
        self.standin = standin
        self.passed = 0
        self.failed = 0
        path = os.path.join(venv, "bin") + os.pathsep + os.environ.get("PATH", "")
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(
            PATH=path,
            AWS_ENDPOINT_URL=f"http://127.0.0.1:{standin.port}",
            AWS_ACCESS_KEY_ID="x",
            AWS_SECRET_ACCESS_KEY="x",
            AWS_DEFAULT_REGION="us-east-1",
            AWS_CONFIG_FILE=os.devnull,
            AWS_SHARED_CREDENTIALS_FILE=os.devnull,
            AWS_EC2_METADATA_DISABLED="true",
            AWS_MAX_ATTEMPTS="1",
            LC_ALL="C.UTF-8",
        )
        env.pop("HISTFILE", None)
        self.env = env

    def result(self, name, problem):
        if problem:
            self.failed += 1
            print(f"FAIL {name}: {problem}", flush=True)
        else:
            self.passed += 1
            print(f"ok   {name}", flush=True)

    def export(self, fixture, target, invalid):
        args = [self.cli, "export", "--to", target, fixture]
        if invalid:
            args.append("--allow-invalid")
        run = subprocess.run(args, capture_output=True, env=self.env)
        if run.returncode not in ((0, 1) if invalid else (0,)) or not run.stdout:
            raise RuntimeError(
                f"automl-job export --to {target} exited {run.returncode}: "
                + run.stderr.decode("utf-8", "replace")[-2000:]
            )
        return run.stdout

    def check_wire(self, expected, run):
        """The problem with a finished run, or None."""
        records = self.standin.take()
        if run.returncode != 0:
            return (
                f"exit status {run.returncode}; stderr: "
                + run.stderr.decode("utf-8", "replace")[-1500:]
            )
        if len(records) != 1:
            return f"{len(records)} requests reached the endpoint: {[r['target'] for r in records]}"
        record = records[0]
        target, _ = operation(expected)
        if record["target"] != target:
            return f"X-Amz-Target was {record['target']!r}"
        try:
            got = json.loads(record["body"].decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            return f"the body is not UTF-8 JSON: {e}"
        if not same(expected, got):
            return "the body differs: " + (difference(expected, got) or "in types")
        want = [s.encode("utf-8", "surrogatepass") for s in strings(expected)]
        have = [s.encode("utf-8", "surrogatepass") for s in strings(got)]
        if want != have:
            return "a string changed on the way"
        if ARN.encode() not in run.stdout:
            return "the ARN was not printed"
        return None

    def in_empty_folder(self, name, expected, argv, stdin=None, files=None):
        """Runs argv in a new folder holding only `files`; checks the wire and the folder."""
        with tempfile.TemporaryDirectory(prefix="clients-run-") as work:
            for file_name, data in (files or {}).items():
                with open(os.path.join(work, file_name), "wb") as f:
                    f.write(data)
            self.standin.take()
            try:
                run = subprocess.run(
                    argv, input=stdin, capture_output=True, cwd=work, env=self.env, timeout=120
                )
            except subprocess.TimeoutExpired:
                self.result(name, "timed out")
                return
            problem = self.check_wire(expected, run)
            left = sorted(set(os.listdir(work)) - set(files or {}))
            if left:
                created = f"the run created {left} in its working folder"
                problem = f"{problem}; {created}" if problem else created
            self.result(name, problem)

    def fixture(self, path, invalid):
        label = os.path.relpath(path, os.path.join(os.path.dirname(__file__), "requests"))
        with open(path, "rb") as f:
            expected = json.loads(f.read().decode("utf-8"))
        exports = {}
        for target in ["json", "cli", "cli-input-json", "powershell", "cmd", "boto3"]:
            try:
                exports[target] = self.export(path, target, invalid)
            except RuntimeError as e:
                self.result(f"{label} export {target}", str(e))
        with tempfile.TemporaryDirectory(prefix="clients-scripts-") as scripts:
            for target, text in exports.items():
                with open(os.path.join(scripts, target), "wb") as f:
                    f.write(text)
            # Import reads every pasteable export back to the fixture.
            for target in ["json", "cli", "cli-input-json", "powershell", "cmd", "boto3"]:
                if target not in exports:
                    continue
                run = subprocess.run(
                    [self.cli, "import", os.path.join(scripts, target)],
                    capture_output=True,
                    env=self.env,
                )
                problem = None
                # An invalid request imports too, with its diagnostics and exit status 1.
                if run.returncode not in ((0, 1) if invalid else (0,)) or not run.stdout:
                    problem = run.stderr.decode("utf-8", "replace")[-1500:]
                else:
                    back = json.loads(run.stdout.decode("utf-8"))
                    if not same(expected, back):
                        problem = "imported " + (difference(expected, back) or "with other types")
                if problem is None:
                    # The operation it was read as is the one the export sends.
                    api = operation(expected)[0].split(".", 1)[1]
                    note = f"note: read as a {api} request (told from the text".encode()
                    if note not in run.stderr:
                        problem = f"import did not say it read a {api} request: " + \
                            run.stderr.decode("utf-8", "replace")[-500:]
                self.result(f"{label} import {target}", problem)
            if "json" in exports:
                self.in_empty_folder(
                    f"{label} json via aws --cli-input-json file://request.json",
                    expected,
                    ["aws", "sagemaker", operation(expected)[1], "--cli-input-json",
                     "file://request.json"],
                    files={"request.json": exports["json"]},
                )
            for target in ["cli", "cli-input-json"]:
                if target not in exports:
                    continue
                script = os.path.join(scripts, target)
                for name, argv, pasted in shells():
                    if pasted:
                        text = b"set -o histexpand 2>/dev/null\n" if "bash" in name else b""
                        text += exports[target] + b"exit\n"
                        self.in_empty_folder(f"{label} {target} {name}", expected, argv, stdin=text)
                    else:
                        self.in_empty_folder(f"{label} {target} {name}", expected, argv + [script])
                if target == "cli":
                    # The C locale: Python still reads the arguments as UTF-8 (PEP 538, 540).
                    saved = self.env
                    self.env = dict(saved, LC_ALL="C", LANG="C")
                    self.in_empty_folder(f"{label} {target} bash LC_ALL=C", expected,
                                         ["bash", script])
                    self.env = saved
            if "boto3" in exports:
                self.in_empty_folder(
                    f"{label} boto3",
                    expected,
                    [os.path.join(self.venv, "bin", "python"), os.path.join(scripts, "boto3")],
                )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the automl-job binary")
    parser.add_argument("--venv", required=True, help="the venv with awscli and boto3")
    parser.add_argument("fixtures", nargs="+")
    args = parser.parse_args()
    with StandIn() as standin:
        driver = Driver(os.path.abspath(args.cli), os.path.abspath(args.venv), standin)
        aws = subprocess.run(["aws", "--version"], capture_output=True, env=driver.env)
        print("using " + (aws.stdout or aws.stderr).decode().strip(), flush=True)
        for fixture in args.fixtures:
            invalid = os.sep + "invalid" + os.sep in os.path.abspath(fixture)
            driver.fixture(os.path.abspath(fixture), invalid)
    print(f"{driver.passed} passed, {driver.failed} failed")
    return 1 if driver.failed or not driver.passed else 0


if __name__ == "__main__":
    sys.exit(main())
