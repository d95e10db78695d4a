"""Proves that ``automl-job preflight REQUEST.json`` with no DATA reads each channel where its
``S3Uri`` points, against a real S3-compatible server: moto's server mode (``moto_server``
from PyPI), started here on a free port of 127.0.0.1 and stopped at the end.

The test uploads its own objects with boto3 (prefixes holding several CSV files and a folder
marker, gzip objects, a nested key, manifests, an empty prefix), then turns on moto's IAM
authentication (``/moto-api/reset-auth``) so that every read below is signed and checked:
one IAM user may read S3, another may not.

- What the command reads from S3 is what the same files give as local DATA arguments: each
  object's channel summary (rows, columns, target classes, …) equals the local run's, and a
  request whose channels each name one object gives the very same JSON report and exit code.
- An ``S3Prefix`` is matched as written, in key order, folder markers skipped; a
  ``ManifestFile`` is read in its own order.
- Located messages and exit 2 for an empty prefix, a missing bucket, a missing manifest, a
  manifest entry that does not exist, access denied, an unknown access key, an endpoint
  that refuses connections and one that never answers (no hang).
- Credentials, region and endpoint from a profile in the shared files.
- The same for a ``CreateAutoMLJobV2`` request (``AutoMLJobInputDataConfig``, the target in
  ``TabularJobConfig``), its findings at the V2 members.
- The progress bar: nothing on standard error when it is not a terminal; drawn on a
  pseudo-terminal.

Usage: s3_preflight.py --cli PATH/TO/automl-job --venv PATH/TO/VENV (run by the venv's Python)
Prints one line per check and ``N passed, M failed``; exits 1 on any failure.
"""

import argparse
import gzip
import json
import os
import pty
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from driver import difference
from parquet import parquet

BUCKET = "data-bucket"
HOST = "127.0.0.1"
PARQUET_ROWS = 1_200_000


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def churn_csv(rows, start=0):
    """A churn table with a quoted field holding a line break every 50th row."""
    lines = ["customer_id,plan,notes,churn"]
    for i in range(start, start + rows):
        notes = '"called twice,\nthen left"' if i % 50 == 7 else "none"
        lines.append(f"{i},{['basic', 'premium'][i % 2]},{notes},{['yes', 'no'][i % 3 == 0]}")
    return ("\n".join(lines) + "\n").encode()


class Moto:
    """moto's S3 and IAM server on a free loopback port."""

    def __init__(self, venv, log):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.proc = subprocess.Popen(
            [os.path.join(venv, "bin", "moto_server"), "-H", HOST, "-p", str(self.port)],
            stdout=log,
            stderr=log,
            env={k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.2)

    def post(self, path, body):
        request = urllib.request.Request(
            self.url + path, data=body, method="POST", headers={"Content-Type": "text/plain"}
        )
        return urllib.request.urlopen(request, timeout=10).read()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def setup(moto, local):
    """Uploads the objects (kept in `local` as files too) and makes the two IAM users; then
    turns authentication on. Returns {user: (key id, secret)}."""
    import boto3

    def client(service):
        return boto3.client(
            service,
            endpoint_url=moto.url,
            region_name="us-east-1",
            aws_access_key_id="setup",
            aws_secret_access_key="setup",
        )

    s3 = client("s3")
    s3.create_bucket(Bucket=BUCKET)
    objects = {
        "train/": b"",
        "train/part-0.csv": churn_csv(300),
        "train/part-1.csv": churn_csv(250, 300),
        "train/sub/part-2.csv": churn_csv(100, 550),
        "trainer/other.csv": churn_csv(20, 900),
        "gz/part-0.csv.gz": gzip.compress(churn_csv(520, 1000), mtime=0),
        "gz/part-1.csv.gz": gzip.compress(churn_csv(40, 2000), mtime=0),
        "valid/v.csv": churn_csv(120, 3000),
        # Over 8 MiB: preflight reads its first bytes, then its footer by a ranged GET.
        "pq/big.parquet": parquet(
            [
                ("customer_id", "int64", list(range(PARQUET_ROWS))),
                ("churn", "utf8", [["yes", "no"][i % 3 == 0] for i in range(PARQUET_ROWS)]),
            ],
            PARQUET_ROWS,
        ),
        "empty/": b"",
        "manifests/train.manifest": json.dumps(
            [{"prefix": f"s3://{BUCKET}/train/"}, "sub/part-2.csv", "part-0.csv"]
        ).encode(),
        "manifests/missing-entry.manifest": json.dumps(
            [{"prefix": f"s3://{BUCKET}/"}, "train/part-0.csv", "train/nope.csv"]
        ).encode(),
    }
    for key, body in objects.items():
        s3.put_object(Bucket=BUCKET, Key=key, Body=body)
        if not key.endswith("/"):
            path = os.path.join(local, key)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(body)
    iam = client("iam")
    users = {}
    for name, actions in [("reader", ["s3:*"]), ("denied", ["iam:GetUser"])]:
        iam.create_user(UserName=name)
        iam.put_user_policy(
            UserName=name,
            PolicyName="only",
            PolicyDocument=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}],
                }
            ),
        )
        key = iam.create_access_key(UserName=name)["AccessKey"]
        users[name] = (key["AccessKeyId"], key["SecretAccessKey"])
    # From here on every request is authenticated and authorised by moto's IAM.
    moto.post("/moto-api/reset-auth", b"0")
    return users


def request(*channels, compression=None):
    """A request whose channels are (S3DataType, S3Uri, ChannelType)."""
    config = []
    for data_type, uri, kind in channels:
        channel = {
            "TargetAttributeName": "churn",
            "DataSource": {"S3DataSource": {"S3DataType": data_type, "S3Uri": uri}},
        }
        if kind == "validation":
            channel["ChannelType"] = "validation"
        if compression:
            channel["CompressionType"] = compression
        config.append(channel)
    return {
        "AutoMLJobName": "churn",
        "RoleArn": "arn:aws:iam::123456789012:role/automl",
        "OutputDataConfig": {"S3OutputPath": f"s3://{BUCKET}/out/"},
        "ProblemType": "BinaryClassification",
        "AutoMLJobObjective": {"MetricName": "F1"},
        "InputDataConfig": config,
    }


def request_v2(*channels, compression=None):
    """The same request as ``request`` as a CreateAutoMLJobV2 body: the channels in
    ``AutoMLJobInputDataConfig``, the target and problem type in ``TabularJobConfig``."""
    v1 = request(*channels, compression=compression)
    config = []
    for channel in v1["InputDataConfig"]:
        channel = dict(channel)
        del channel["TargetAttributeName"]
        config.append(channel)
    return {
        "AutoMLJobName": v1["AutoMLJobName"],
        "RoleArn": v1["RoleArn"],
        "OutputDataConfig": v1["OutputDataConfig"],
        "AutoMLJobInputDataConfig": config,
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churn",
                "ProblemType": v1["ProblemType"],
            }
        },
        "AutoMLJobObjective": v1["AutoMLJobObjective"],
    }


def renamed(value, names):
    """A JSON value with each local path in its strings written as its S3 URI."""
    if isinstance(value, str):
        for old, new in names.items():
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [renamed(v, names) for v in value]
    if isinstance(value, dict):
        return {k: renamed(v, names) for k, v in value.items()}
    return value


class Checks:
    def __init__(self, cli, moto, users, work):
        self.cli = cli
        self.moto = moto
        self.users = users
        self.work = work
        self.passed = 0
        self.failed = 0
        self.count = 0
        base = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        base.pop("AUTOML_JOB_S3_TIMEOUT", None)
        home = os.path.join(work, "home")
        os.makedirs(home, exist_ok=True)
        base.update(HOME=home, LC_ALL="C.UTF-8", AUTOML_JOB_S3_TIMEOUT="10")
        self.base = base

    def env(self, user="reader", **extra):
        env = dict(self.base)
        env.update(AWS_ENDPOINT_URL=self.moto.url, AWS_REGION="us-east-1")
        if user is not None:
            key, secret = self.users[user] if user in self.users else (user, "not-a-secret")
            env.update(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret)
        env.update(extra)
        return env

    def write_request(self, body):
        self.count += 1
        path = os.path.join(self.work, f"request-{self.count}.json")
        with open(path, "w") as f:
            json.dump(body, f)
        return path

    def run(self, args, env, timeout=120):
        return subprocess.run(
            [self.cli, "preflight", *args],
            capture_output=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )

    def result(self, name, problem):
        if problem:
            self.failed += 1
            print(f"FAIL {name}: {problem}", flush=True)
        else:
            self.passed += 1
            print(f"ok   {name}", flush=True)

    def s3_json(self, body, **env):
        run = self.run(["--format", "json", self.write_request(body)], self.env(**env))
        try:
            report = json.loads(run.stdout)
        except ValueError:
            report = None
        return run, report

    def local_json(self, body, files):
        run = self.run(
            ["--format", "json", self.write_request(body), *[self.local(f) for f in files]],
            self.base,
        )
        return run, json.loads(run.stdout)

    def local(self, key):
        return os.path.join(self.work, "local", key)

    # --- what is read, compared with the same files given as DATA -----------------------

    def same_report_as_local(self, name, body, keys):
        """A request whose channels each hold one object: the S3 run's whole JSON report and
        exit status are the local run's, file names aside."""
        run, got = self.s3_json(body)
        local_run, expected = self.local_json(body, keys)
        if got is None:
            return self.result(name, f"no JSON (exit {run.returncode}): {run.stderr[-800:]!r}")
        expected = renamed(expected, {self.local(k): f"s3://{BUCKET}/{k}" for k in keys})
        problem = difference(expected, got)
        if run.returncode != local_run.returncode:
            problem = f"exit {run.returncode}, locally {local_run.returncode}"
        if not problem and run.stderr:
            problem = f"stderr is not empty without a terminal: {run.stderr[-300:]!r}"
        self.result(name, problem)

    def objects_match_local(self, name, body, expected_keys, exit_code):
        """Every object's channel summary equals the local run of that object in the same
        channel of the same request; the objects come in the expected order."""
        run, got = self.s3_json(body)
        if got is None:
            return self.result(name, f"no JSON (exit {run.returncode}): {run.stderr[-800:]!r}")
        files = [c["file"] for c in got["channels"]]
        wanted = [f"s3://{BUCKET}/{k}" for k in expected_keys]
        if files != wanted:
            return self.result(name, f"read {files}, expected {wanted}")
        if run.returncode != exit_code:
            return self.result(name, f"exit {run.returncode}, expected {exit_code}: {got['diagnostics']}")
        slots = {}
        for channel in body.get("InputDataConfig") or body["AutoMLJobInputDataConfig"]:
            slots.setdefault(channel.get("ChannelType", "training"), len(slots))
        for key, summary in zip(expected_keys, got["channels"]):
            # The local run: this one file in its channel's slot, one file per other channel.
            by_type = {}
            for other_key, other in zip(expected_keys, got["channels"]):
                by_type.setdefault(other["channel_type"], other_key)
            by_type[summary["channel_type"]] = key
            order = sorted(slots, key=lambda t: (t == "validation", slots[t]))
            _, local = self.local_json(body, [by_type[t] for t in order if t in by_type])
            mine = next(c for c in local["channels"] if c["file"] == self.local(key))
            problem = difference(
                {**mine, "file": None}, {**summary, "file": None}
            )
            if problem:
                return self.result(name, f"{key}: {problem}")
        if run.stderr:
            return self.result(name, f"stderr is not empty without a terminal: {run.stderr[-300:]!r}")
        self.result(name, None)

    def parquet_by_its_footer(self, name, body, key, log_path):
        """A large uncompressed Parquet object: the same schema and row count as the local
        file, and moto answered one ranged GET for it (206): the middle was not fetched."""
        run, got = self.s3_json(body)
        if got is None or run.returncode != 0:
            return self.result(name, f"exit {run.returncode}: {run.stdout[-800:]!r} {run.stderr[-300:]!r}")
        _, local = self.local_json(body, [key])
        fields = ("format", "compression", "rows", "columns", "target")
        mine = {f: local["channels"][0][f] for f in fields}
        theirs = {f: got["channels"][0][f] for f in fields}
        problem = difference(mine, theirs)
        if problem:
            return self.result(name, problem)
        if got["channels"][0]["bytes"] != os.path.getsize(self.local(key)):
            return self.result(name, f"bytes {got['channels'][0]['bytes']}, the object has {os.path.getsize(self.local(key))}")
        ranged = []
        deadline = time.monotonic() + 5
        while not ranged and time.monotonic() < deadline:
            with open(log_path, "rb") as f:
                ranged = [l for l in f if f"GET /{BUCKET}/{key} ".encode() in l and b'" 206' in l]
            time.sleep(0.1)
        self.result(name, None if len(ranged) == 1 else f"{len(ranged)} ranged GETs of {key} in moto's log")

    # --- messages --------------------------------------------------------------------

    def found_at(self, name, body, code, path, exit_code):
        """The S3 run finds `code` at the JSON Pointer `path` and exits with `exit_code`."""
        run, got = self.s3_json(body)
        if got is None:
            return self.result(name, f"no JSON (exit {run.returncode}): {run.stderr[-800:]!r}")
        found = [(d["code"], d["path"]) for d in got["diagnostics"]]
        if (code, path) not in found:
            return self.result(name, f"no {code} at {path}: {found}")
        if run.returncode != exit_code:
            return self.result(name, f"exit {run.returncode}, expected {exit_code}")
        self.result(name, None)

    def unreadable(self, name, body, says, user="reader", timeout=120, within=None, **env):
        started = time.monotonic()
        try:
            run = self.run([self.write_request(body)], self.env(user=user, **env), timeout=timeout)
        except subprocess.TimeoutExpired:
            return self.result(name, f"still running after {timeout} s")
        took = time.monotonic() - started
        out = run.stdout.decode("utf-8", "replace")
        if run.returncode != 2:
            return self.result(name, f"exit {run.returncode}, expected 2: {out[-800:]}")
        if f"error[unreadable]: {says}" not in out:
            return self.result(name, f"expected 'error[unreadable]: {says}' in: {out[-800:]}")
        channels = "AutoMLJobInputDataConfig" if "AutoMLJobInputDataConfig" in body else "InputDataConfig"
        if f"= path: /{channels}/" not in out:
            return self.result(name, f"the message is not located at its channel: {out[-800:]}")
        if within is not None and took > within:
            return self.result(name, f"took {took:.1f} s, more than {within} s")
        self.result(name, None)

    # --- the progress bar ----------------------------------------------------------------

    def progress_on_a_terminal(self, name, body):
        """stderr a pseudo-terminal: the bar is drawn there (and cleared at the end); stdout,
        a pipe, holds only the report."""
        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [self.cli, "preflight", self.write_request(body)],
            stdout=subprocess.PIPE,
            stderr=slave,
            stdin=subprocess.DEVNULL,
            env=self.env(TERM="xterm"),
        )
        os.close(slave)
        drawn = b""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                drawn += chunk
            elif proc.poll() is not None:
                break
        os.close(master)
        out = proc.stdout.read().decode("utf-8", "replace")
        proc.wait(timeout=30)
        if b"B/" not in drawn or b"\x1b[" not in drawn:
            return self.result(name, f"no progress bar on the terminal: {drawn[-300:]!r}")
        if "\x1b" in out or "preflight: the job would start" not in out:
            return self.result(name, f"stdout is not the plain report: {out[-500:]!r}")
        self.result(name, None)


class Silent:
    """A loopback server that accepts connections and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind((HOST, 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--venv", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="automl-job-s3-") as work:
        log = open(os.path.join(work, "moto.log"), "wb")
        moto = Moto(args.venv, log)
        try:
            users = setup(moto, os.path.join(work, "local"))
            checks = Checks(os.path.abspath(args.cli), moto, users, work)
            run_checks(checks, moto)
        finally:
            moto.stop()
            log.close()
        print(f"{checks.passed} passed, {checks.failed} failed")
        return 1 if checks.failed or not checks.passed else 0


def run_checks(c, moto):
    b = f"s3://{BUCKET}"
    c.same_report_as_local(
        "one gzip object and one CSV object: the same report as local files",
        request(
            ("S3Prefix", f"{b}/gz/part-0.csv.gz", "training"),
            ("S3Prefix", f"{b}/valid/", "validation"),
            compression="Gzip",
        ),
        ["gz/part-0.csv.gz", "valid/v.csv"],
    )
    c.same_report_as_local(
        "a training set too small: the same findings and exit 1 as local files",
        request(("S3Prefix", f"{b}/valid/v.csv", "training")),
        ["valid/v.csv"],
    )
    c.objects_match_local(
        "a prefix of several files (folder marker skipped, key order) and a validation prefix",
        request(("S3Prefix", f"{b}/train/", "training"), ("S3Prefix", f"{b}/valid/", "validation")),
        ["train/part-0.csv", "train/part-1.csv", "train/sub/part-2.csv", "valid/v.csv"],
        0,
    )
    c.objects_match_local(
        "a prefix is matched as written: s3://…/train reads trainer/ too",
        request(("S3Prefix", f"{b}/train", "training")),
        ["train/part-0.csv", "train/part-1.csv", "train/sub/part-2.csv", "trainer/other.csv"],
        0,
    )
    c.objects_match_local(
        "gzip objects under a prefix with CompressionType Gzip",
        request(("S3Prefix", f"{b}/gz/", "training"), compression="Gzip"),
        ["gz/part-0.csv.gz", "gz/part-1.csv.gz"],
        0,
    )
    c.objects_match_local(
        "a manifest: its objects in its own order",
        request(("ManifestFile", f"{b}/manifests/train.manifest", "training")),
        ["train/sub/part-2.csv", "train/part-0.csv"],
        1,  # 400 rows in all
    )
    c.parquet_by_its_footer(
        "a large Parquet object: read by its first bytes and a ranged GET of its footer",
        {
            **request(("S3Prefix", f"{b}/pq/", "training")),
            "InputDataConfig": [
                {**request(("S3Prefix", f"{b}/pq/", "training"))["InputDataConfig"][0],
                 "ContentType": "x-application/vnd.amazon+parquet"}
            ],
        },
        "pq/big.parquet",
        os.path.join(c.work, "moto.log"),
    )
    # CreateAutoMLJobV2: the channels of AutoMLJobInputDataConfig, the target of TabularJobConfig.
    c.same_report_as_local(
        "V2: one gzip object and one CSV object: the same report as local files",
        request_v2(
            ("S3Prefix", f"{b}/gz/part-0.csv.gz", "training"),
            ("S3Prefix", f"{b}/valid/", "validation"),
            compression="Gzip",
        ),
        ["gz/part-0.csv.gz", "valid/v.csv"],
    )
    c.objects_match_local(
        "V2: a manifest: its objects in its own order",
        request_v2(("ManifestFile", f"{b}/manifests/train.manifest", "training")),
        ["train/sub/part-2.csv", "train/part-0.csv"],
        1,  # 400 rows in all
    )
    c.found_at(
        "V2: a training set too small is found at the V2 channel",
        request_v2(("S3Prefix", f"{b}/valid/v.csv", "training")),
        "too-few-rows",
        "/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri",
        1,
    )
    c.unreadable(
        "V2: an empty prefix (a folder marker only)",
        request_v2(("S3Prefix", f"{b}/empty/", "training")),
        f"no objects under {b}/empty/",
    )
    c.unreadable(
        "an empty prefix (a folder marker only)",
        request(("S3Prefix", f"{b}/empty/", "training")),
        f"no objects under {b}/empty/",
    )
    c.unreadable(
        "a missing bucket",
        request(("S3Prefix", "s3://no-such-bucket/train/", "training")),
        'bucket "no-such-bucket" does not exist (s3://no-such-bucket/train/)',
    )
    c.unreadable(
        "a missing manifest",
        request(("ManifestFile", f"{b}/manifests/nope.manifest", "training")),
        f"manifest {b}/manifests/nope.manifest does not exist",
    )
    c.unreadable(
        "a manifest entry that does not exist",
        request(("ManifestFile", f"{b}/manifests/missing-entry.manifest", "training")),
        f"manifest {b}/manifests/missing-entry.manifest: 1 of its 2 entries cannot be read: entry 2: no object at {b}/train/nope.csv",
    )
    c.unreadable(
        "access denied (an IAM user with no S3 permission)",
        request(("S3Prefix", f"{b}/train/", "training")),
        f"access denied to {b}/train/: the credentials may not read it (AccessDenied) (credentials: AWS_ACCESS_KEY_ID from the environment)",
        user="denied",
    )
    c.unreadable(
        "an access key S3 does not know",
        request(("S3Prefix", f"{b}/train/", "training")),
        f"{b}/train/: the access key ID is not accepted by S3 (InvalidAccessKeyId)",
        user="AKIAUNKNOWN000000000",
    )
    refused = free_port()
    c.unreadable(
        "an endpoint that refuses connections",
        request(("S3Prefix", f"{b}/train/", "training")),
        f"cannot reach the endpoint http://{HOST}:{refused} for {b}/train/: connection refused",
        AWS_ENDPOINT_URL=f"http://{HOST}:{refused}",
        within=30,
    )
    silent = Silent()
    c.unreadable(
        "an endpoint that never answers: a timeout, no hang",
        request(("S3Prefix", f"{b}/train/", "training")),
        f"cannot reach the endpoint http://{HOST}:{silent.port} for {b}/train/: no answer within 1 s (AUTOML_JOB_S3_TIMEOUT)",
        AWS_ENDPOINT_URL=f"http://{HOST}:{silent.port}",
        AUTOML_JOB_S3_TIMEOUT="1",
        timeout=60,
        within=30,
    )
    no_credentials = (
        "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE "
        f"to a profile with keys in {c.base['HOME']}/.aws/credentials (none in the environment, "
        'no keys in profile "default", '
    )
    c.unreadable(
        "no credentials anywhere, instance metadata disabled",
        request(("S3Prefix", f"{b}/train/", "training")),
        f"{no_credentials}AWS_EC2_METADATA_DISABLED is true)",
        user=None,
        AWS_EC2_METADATA_DISABLED="true",
        within=10,
    )
    no_metadata = free_port()
    c.unreadable(
        "no credentials anywhere, no instance metadata service: told at once",
        request(("S3Prefix", f"{b}/train/", "training")),
        f"{no_credentials}no instance metadata service answers at http://{HOST}:{no_metadata})",
        user=None,
        AWS_METADATA_ENDPOINT=f"http://{HOST}:{no_metadata}",
        within=10,
    )
    # A profile: credentials from the credentials file, region and endpoint from the config.
    key, secret = c.users["reader"]
    credentials = os.path.join(c.work, "credentials")
    config = os.path.join(c.work, "config")
    with open(credentials, "w") as f:
        f.write(f"[default]\naws_access_key_id = AKIAWRONGDEFAULT0000\naws_secret_access_key = x\n\n[ml]\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n")
    with open(config, "w") as f:
        f.write(f"[profile ml]\nregion = us-east-1\nendpoint_url = {moto.url}\n")
    env = dict(c.base)
    env.update(AWS_PROFILE="ml", AWS_SHARED_CREDENTIALS_FILE=credentials, AWS_CONFIG_FILE=config)
    body = request(("S3Prefix", f"{b}/valid/", "training"))
    run = c.run(["--format", "json", c.write_request(body)], env)
    files = [ch["file"] for ch in json.loads(run.stdout or b"{}").get("channels", [])]
    c.result(
        "credentials, region and endpoint from a profile (AWS_PROFILE)",
        None if files == [f"{b}/valid/v.csv"] else f"exit {run.returncode}: {run.stdout[-500:]!r} {run.stderr[-300:]!r}",
    )
    c.progress_on_a_terminal(
        "a progress bar on a terminal",
        request(("S3Prefix", f"{b}/train/", "training")),
    )


if __name__ == "__main__":
    sys.exit(main())
