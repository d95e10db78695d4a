"""Proves that ``automl-job import`` reads the SageMaker Python SDK's ``AutoML`` class as the
SDK itself does.

Each program below (our own, in the style of public example notebooks: ``AutoML(…)`` then
``.fit(…)``, ``'{}/{}'.format(…)``, ``sagemaker.Session().default_bucket()``,
``get_execution_role()``, ``if`` guards, ``%%time``) is run by real Python with the real
``sagemaker`` package (v2, installed by scripts/test-clients.sh) against the loopback stand-in
for SageMaker. Only what needs AWS is stood in: the session's default bucket, the execution
role, IAM's answer for a role name (each returning the values below), and the clock. S3 is
moto's server on loopback (``AWS_ENDPOINT_URL_S3``): the SDK's own ``Session.upload_data`` and
``S3Uploader.upload`` upload the local files of ``FILES`` there and return their URIs (and the
objects must be there at those keys). The body the SDK puts on the wire is recorded.
``automl-job import --format json`` reads the same text: every run-time value must be a hole, named by its marker
``{expression}``, exactly those of the case; filled with the same values, the imported request
must be the body sent. A program the SDK refuses (Python's TypeError, the SDK's ValueError)
sends nothing, and the import must name the place with an error.

Not covered: the SDK's ``AutoMLV2`` class (import names it and reads no request), and what the
SageMaker config file or a Studio project adds to a request (not in the program).

Usage: sdk_import.py --cli PATH/TO/automl-job --venv PATH/TO/VENV (run by the venv's Python)
Prints one line per case and ``N passed, M failed``; exits 1 on any failure.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

from driver import Driver, difference
from driver import same as unordered  # JSON equality with types, any key order
from python_import import STAND_IN_BUCKET, STAND_IN_ROLE, as_python, fill, load, notebook
from s3_preflight import Moto
from standin import StandIn

STAND_IN_TIME = 1733400000.123  # 2024-12-05 12:00:00.123 UTC
ACCOUNT = "123456789012"

# The real SDK, with what needs AWS stood in. Everything else (AutoML, AutoMLInput, fit,
# AutoMLJob._load_config, Session.auto_ml, Session.upload_data, S3Uploader.upload,
# Session.expand_role's test for an ARN, botocore) is
# the installed package's own code.
RUNNER = f"""import sys, time, types
_gmtime = time.gmtime
time.time = lambda: {STAND_IN_TIME!r}
time.gmtime = lambda secs=None: _gmtime({STAND_IN_TIME!r} if secs is None else secs)
import sagemaker, sagemaker.session
from sagemaker.session import Session

Session.default_bucket = lambda self: {STAND_IN_BUCKET!r}


def _role(sagemaker_session=None, use_default=False):
    return {STAND_IN_ROLE!r}


sagemaker.get_execution_role = sagemaker.session.get_execution_role = _role

_expand = Session.expand_role


class _Iam:
    def __init__(self, real):
        self.real = real

    def resource(self, name, *args, **kwargs):
        if name == "iam":
            return types.SimpleNamespace(
                Role=lambda role: types.SimpleNamespace(arn="arn:aws:iam::{ACCOUNT}:role/" + role))
        return self.real.resource(name, *args, **kwargs)


def _expand_role(self, role):
    real = self.boto_session
    self.boto_session = _Iam(real)
    try:
        return _expand(self, role)
    finally:
        self.boto_session = real


Session.expand_role = _expand_role
exec(open(sys.argv[1]).read(), {{"__name__": "__main__"}})
"""


def sdk_stamp():
    """sagemaker.utils.sagemaker_timestamp() at the stand-in's time."""
    ms = repr(STAND_IN_TIME).split(".")[1][:3]
    return time.strftime("%Y-%m-%d-%H-%M-%S-{}".format(ms), time.gmtime(STAND_IN_TIME))


def strftime(fmt):
    return time.strftime(fmt, time.gmtime(STAND_IN_TIME))


# (what the case guards, the program or notebook, the values of its holes, the codes of the
# findings it must also have)
CASES = [
    ("a notebook: S3 URI string, format, default bucket, role, a prefix guard, %%time",
     notebook(
         ("md", "# Churn prediction with the SageMaker Python SDK's AutoML\n", None),
         ("code", "%%time\n!pip install -q 'sagemaker>=2.200,<3'\nimport sagemaker\n"
                  "from sagemaker import AutoML, get_execution_role\nfrom time import gmtime, strftime\n\n"
                  "sess = sagemaker.Session()\nbucket = sess.default_bucket()\n"
                  "prefix = 'sagemaker/DEMO-automl-churn'\ndefault_bucket_prefix = ''\n"
                  "if default_bucket_prefix:\n    prefix = f'{default_bucket_prefix}/{prefix}'\n"
                  "role = get_execution_role()\n", 2),
         ("code", "train_s3 = 's3://{}/{}/train/churn.csv'.format(bucket, prefix)\n"
                  "auto_ml_job_name = 'automl-churn-' + strftime('%d-%H-%M-%S', gmtime())\n"
                  "print('AutoMLJobName: ' + auto_ml_job_name)\n", 3),
         ("md", "## Launch the job\n", None),
         ("code", "automl = AutoML(role=role, target_attribute_name='Churn?', sagemaker_session=sess,\n"
                  "                max_candidates=20, output_path='s3://{}/{}/output'.format(bucket, prefix),\n"
                  "                problem_type='BinaryClassification', job_objective={'MetricName': 'F1'})\n"
                  "automl.fit(train_s3, job_name=auto_ml_job_name, wait=False, logs=False)\n", 5),
         ("code", "automl.describe_auto_ml_job()\n", None),
     ),
     {"bucket": STAND_IN_BUCKET, "role": STAND_IN_ROLE,
      "strftime('%d-%H-%M-%S', gmtime())": strftime("%d-%H-%M-%S")}, set()),
    ("AutoMLInput with compression and channel type; no output_path, no job_name",
     "import sagemaker\nfrom sagemaker.automl.automl import AutoML, AutoMLInput\n\n"
     "session = sagemaker.Session()\nrole = sagemaker.get_execution_role()\n"
     "train = AutoMLInput(inputs='s3://housing-data/train.csv.gz', target_attribute_name='median_house_value',\n"
     "                    compression='Gzip', channel_type='training', content_type='text/csv;header=present')\n"
     "automl = AutoML(role=role, sagemaker_session=session, base_job_name='housing-prices',\n"
     "                total_job_runtime_in_seconds=4 * 60 * 60, problem_type='Regression',\n"
     "                job_objective={'MetricName': 'MSE'}, mode='ENSEMBLING', validation_fraction=0.2)\n"
     "automl.fit(inputs=train, wait=False)\n",
     {"role": STAND_IN_ROLE, "session.default_bucket()": STAND_IN_BUCKET,
      "sagemaker_timestamp()": sdk_stamp()}, set()),
    ("two AutoMLInput channels in a list; security, VPC, KMS, tags, mode, validation, endpoint",
     "import sagemaker\nfrom sagemaker import AutoML, AutoMLInput\n\n"
     "sess = sagemaker.Session()\nbucket = sess.default_bucket()\n"
     "role = 'arn:aws:iam::123456789012:role/service-role/AutoML'\n"
     "kms = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'\n"
     "channels = [\n"
     "    AutoMLInput(f's3://{bucket}/fraud/train/', 'is_fraud', channel_type='training',\n"
     "                sample_weight_attribute_name='weight', s3_data_type='S3Prefix'),\n"
     "    AutoMLInput(inputs=f's3://{bucket}/fraud/validation/', target_attribute_name='is_fraud',\n"
     "                channel_type='validation', content_type='text/csv;header=present'),\n"
     "]\n"
     "automl = AutoML(\n    role=role,\n    target_attribute_name='ignored_here',\n"
     "    output_path=f's3://{bucket}/fraud/output/',\n    output_kms_key=kms,\n"
     "    volume_kms_key=kms,\n    encrypt_inter_container_traffic=True,\n"
     "    vpc_config={'SecurityGroupIds': ['sg-0123456789abcdef0'], 'Subnets': ['subnet-0123456789abcdef0']},\n"
     "    problem_type='BinaryClassification',\n    job_objective={'MetricName': 'AUC'},\n"
     "    max_candidates=50,\n    max_runtime_per_training_job_in_seconds=1800,\n"
     "    total_job_runtime_in_seconds=6 * 3600,\n    generate_candidate_definitions_only=False,\n"
     "    tags={'team': 'risk', 'cost-centre': 42},\n    mode='ENSEMBLING',\n"
     "    validation_fraction=None,\n    feature_specification_s3_uri=f's3://{bucket}/fraud/features.json',\n"
     "    auto_generate_endpoint_name=False,\n    endpoint_name='fraud-endpoint',\n    sagemaker_session=sess,\n)\n"
     "automl.fit(channels, job_name='fraud-detection-v3', wait=False, logs=False)\n",
     {"bucket": STAND_IN_BUCKET}, {"sdk-unused"}),
    ("a local file uploaded, a role name, a list of tags, AutoML(...).fit(...) chained, positional",
     "import sagemaker\nfrom sagemaker import AutoML\n\nsession = sagemaker.Session()\n"
     "AutoML('AutoMLRole', 'species', sagemaker_session=session, output_path='s3://iris-ml/output',\n"
     "       tags=[{'Key': 'project', 'Value': 'iris'}], validation_fraction=0.0,\n"
     "       auto_generate_endpoint_name=True, endpoint_name='not-sent', compression_type=None,\n"
     "       content_type='text/csv;header=present', mode='').fit('data/iris.csv', False, False, 'iris-v1')\n",
     {"session.upload_data('data/iris.csv', key_prefix=\"auto-ml-input-data\")":
      f"s3://{STAND_IN_BUCKET}/auto-ml-input-data/iris.csv",
      "session.expand_role('AutoMLRole')": f"arn:aws:iam::{ACCOUNT}:role/AutoMLRole"}, set()),
    ("a list of one S3 URI, a function called with the values, a base job name cut to 8 characters",
     "import sagemaker\nfrom sagemaker import AutoML, get_execution_role\n\n\n"
     "def launch(bucket, role, target='label'):\n"
     "    automl = sagemaker.AutoML(role=role, target_attribute_name=target, base_job_name='demand-forecast',\n"
     "                              output_path='s3://%s/out' % bucket, s3_data_type='S3Prefix',\n"
     "                              compression_type='Gzip', sample_weight_attribute_name='w')\n"
     "    automl.fit(inputs=['s3://%s/a/' % bucket], wait=False)\n\n\n"
     "if __name__ == '__main__':\n"
     "    launch(sagemaker.Session().default_bucket(), get_execution_role(), target='units')\n",
     {"bucket": STAND_IN_BUCKET, "role": STAND_IN_ROLE, "sagemaker_timestamp()": sdk_stamp()},
     set()),
]

CASES += [
    ("every AutoML argument that shapes the request, on a list of S3 URIs (ManifestFile, a "
     "dict of tags with a number, GenerateCandidateDefinitionsOnly)", "from sagemaker.automl.automl import AutoML\nkms = 'arn:aws:kms:us-east-1:111122223333:key/k'\nautoml = AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', target_attribute_name='label', output_kms_key=kms, output_path='s3://b-1/o/', compression_type='Gzip', volume_kms_key=kms, encrypt_inter_container_traffic=True, vpc_config={'SecurityGroupIds': ['sg-1'], 'Subnets': ['subnet-1']}, problem_type='Regression', max_candidates=5, max_runtime_per_training_job_in_seconds=600, total_job_runtime_in_seconds=3600, job_objective={'MetricName': 'MSE'}, generate_candidate_definitions_only=True, tags={'team': 'ml', 'n': 7}, content_type='text/csv;header=present', s3_data_type='ManifestFile', feature_specification_s3_uri='s3://b-1/f.json', validation_fraction=0.25, mode='ENSEMBLING', auto_generate_endpoint_name=False, endpoint_name='ep', sample_weight_attribute_name='w')\nautoml.fit(inputs=['s3://b-1/manifest'], job_name='every', wait=False)\n", {}, set()),
    ("false values the SDK leaves out and None ones; an endpoint name not sent beside a "
     "generated one",
     "from sagemaker import AutoML\n"
     "automl = AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', target_attribute_name='y',\n"
     "                output_path='s3://b-1/o/', mode='', validation_fraction=0.0, vpc_config={},\n"
     "                volume_kms_key=None, max_candidates=None, tags=None,\n"
     "                auto_generate_endpoint_name=True, endpoint_name='unused')\n"
     "automl.fit('s3://b-1/t/', job_name='falsy', wait=False)\n", {}, set()),
]

# Local files the programs upload (in the folder they run in), and the buckets moto has.
FILES = ["train.csv", "data/iris.csv", "data/val/part-1.csv", "data/val/more/part-2.csv"]
UPLOAD_BUCKETS = [STAND_IN_BUCKET, "automl-uploads"]
FOLDER = ""  # what the SDK puts after the key prefix of a folder: nothing
# The objects the cases' uploads make (bucket/key): a key prefix given with a bucket is taken as
# written, so the SDK's "{key_prefix}/{name}" doubles a slash after "v/".
UPLOADED = {
    f"{STAND_IN_BUCKET}/sagemaker/churn/input/train.csv",
    f"{STAND_IN_BUCKET}/data/train.csv",
    f"{STAND_IN_BUCKET}/iris/in/iris.csv",
    f"{STAND_IN_BUCKET}/iris/iris.csv",
    f"{STAND_IN_BUCKET}/auto-ml-input-data/iris.csv",
    "automl-uploads/v//part-1.csv",
    "automl-uploads/v//more/part-2.csv",
    "automl-uploads/churn/val//part-1.csv",
    "automl-uploads/churn/val//more/part-2.csv",
}

# Uploads whose URI the SDK works out from the arguments (Session.upload_data,
# S3Uploader.upload): the import keeps the written parts; the default bucket and whether the
# path is a file or a folder are holes.
CASES += [
    ("a notebook: upload_data to the default bucket under a key prefix, the URI given to fit",
     notebook(
         ("code", "import sagemaker\nfrom sagemaker import AutoML, get_execution_role\n\n"
                  "sess = sagemaker.Session()\nbucket = sess.default_bucket()\nprefix = 'sagemaker/churn'\n"
                  "role = get_execution_role()\n", 1),
         ("code", "train_s3 = sess.upload_data(path='train.csv', key_prefix=prefix + '/input')\n"
                  "print(train_s3)\n", 2),
         ("code", "automl = AutoML(role=role, target_attribute_name='Churn?', sagemaker_session=sess,\n"
                  "                output_path=f's3://{bucket}/{prefix}/output')\n"
                  "automl.fit(train_s3, job_name='churn-upload', wait=False, logs=False)\n", 3),
     ),
     {"bucket": STAND_IN_BUCKET, "role": STAND_IN_ROLE,
      "/train.csv unless train.csv is a folder": "/train.csv"}, set()),
    ("upload_data with no bucket variable, the default key prefix and a prefix joined as "
     "s3_path_join joins it; a folder given with a bucket",
     "import sagemaker\nfrom sagemaker import AutoML, AutoMLInput\n\n"
     "role = 'arn:aws:iam::123456789012:role/AutoML'\n"
     "train = sagemaker.Session().upload_data('./train.csv')\n"
     "val = sagemaker.Session().upload_data('data/val/', bucket='automl-uploads', key_prefix='v/')\n"
     "also = sagemaker.Session().upload_data('data/iris.csv', key_prefix='//iris//in/')\n"
     "automl = AutoML(role=role, output_path=also)\n"
     "automl.fit([AutoMLInput(train, 'churn', channel_type='training'),\n"
     "            AutoMLInput(val, 'churn', channel_type='validation')], job_name='two', wait=False)\n",
     {"sagemaker.Session().default_bucket()": STAND_IN_BUCKET,
      "/train.csv unless ./train.csv is a folder": "/train.csv",
      "/iris.csv unless data/iris.csv is a folder": "/iris.csv"}, set()),
    ("S3Uploader.upload of a folder and of a file, to a written bucket and to a bucket variable",
     "import sagemaker\nfrom sagemaker.s3 import S3Uploader\nfrom sagemaker import AutoML\n\n"
     "sess = sagemaker.Session()\nbucket = sess.default_bucket()\n"
     "val = S3Uploader.upload('data/val', 's3://automl-uploads/churn/val/', sagemaker_session=sess)\n"
     "train = sagemaker.s3.S3Uploader.upload(local_path='data/iris.csv', desired_s3_uri=f's3://{bucket}/iris')\n"
     "automl = AutoML(role='arn:aws:iam::123456789012:role/AutoML', target_attribute_name='species',\n"
     "                output_path=val, sagemaker_session=sess)\n"
     "automl.fit(train, job_name='uploader', wait=False)\n",
     {"bucket": STAND_IN_BUCKET, "/val unless data/val is a folder": FOLDER,
      "/iris.csv unless data/iris.csv is a folder": "/iris.csv"}, set()),
]

# Programs the SDK refuses before it sends anything: the import must say where, as an error.
REFUSED = [
    ("an argument AutoML does not have (a typo)", "sdk-argument",
     "from sagemaker import AutoML\n"
     "automl = AutoML(role='arn:aws:iam::123456789012:role/AutoML', target_attribute_name='y',\n"
     "                max_candidate=5, output_path='s3://b/o/')\n"
     "automl.fit('s3://b/train/', job_name='typo', wait=False)\n", 3),
    ("a problem type without an objective", "sdk-error",
     "from sagemaker import AutoML\n"
     "automl = AutoML(role='arn:aws:iam::123456789012:role/AutoML', target_attribute_name='y',\n"
     "                problem_type='Regression', output_path='s3://b/o/')\n"
     "automl.fit('s3://b/train/', job_name='half', wait=False)\n", 2),
]


class Sdk(Driver):
    def run(self, source, folder):
        program = os.path.join(folder, "sdk_program.py")
        with open(program, "w", encoding="utf-8") as f:
            f.write(as_python(source))
        before = len(self.standin.records)
        run = subprocess.run(
            [os.path.join(self.venv, "bin", "python"), os.path.join(folder, "sdk_runner.py"), program],
            capture_output=True, env=self.env, cwd=folder, timeout=300,
        )
        bodies = [r["body"] for r in self.standin.records[before:]
                  if r["target"] == "SageMaker.CreateAutoMLJob"]
        return run, bodies

    def imported(self, source):
        run = subprocess.run([self.cli, "import", "--format", "json", "-"],
                             input=source.encode(), capture_output=True)
        if run.returncode == 2:
            return run, None
        return run, load(run.stdout.decode())

    def case(self, source, values, codes, folder):
        run, bodies = self.run(source, folder)
        if run.returncode != 0 or len(bodies) != 1:
            return f"the SDK did not send it: {(run.stdout + run.stderr).decode()[-800:]}"
        sent = load(bodies[0].decode())
        imported, answer = self.imported(source)
        if answer is None:
            return f"import refused it: {imported.stderr.decode().strip()}"
        holes = [d for d in answer["diagnostics"] if d["code"] == "runtime-value"]
        if imported.returncode != (1 if holes else 0):
            return f"import exit {imported.returncode} with {len(holes)} holes"
        named = {d["message"].split(": fill in", 1)[0][1:-1] for d in holes}
        if named != set(values):
            return f"holes {sorted(named)}, the case supplies {sorted(values)}"
        if any("line" not in d for d in answer["diagnostics"]):
            return "a finding without its place"
        errors = [d for d in answer["diagnostics"]
                  if d["severity"] == "error" and d["code"] != "runtime-value"]
        if errors:
            return f"findings besides the holes: {errors}"
        found = {d["code"] for d in answer["diagnostics"] if d["code"] != "runtime-value"}
        if not codes <= found:
            return f"findings {sorted(found)}, the case expects {sorted(codes)}"
        if answer.get("api") != "CreateAutoMLJob":
            return f"read as {answer.get('api')}"
        filled = fill(answer["request"], holes, values)
        if not unordered(sent, filled):
            return "the filled import differs from the body the SDK sent: " + str(difference(sent, filled))
        return None

    def refused(self, source, code, line, folder):
        run, bodies = self.run(source, folder)
        if run.returncode == 0 or bodies:
            return "the SDK sent it, but the case says it refuses it"
        # The SDK prints its traceback with rich, on stdout or stderr.
        said = run.stdout + run.stderr
        if b"TypeError" not in said and b"ValueError" not in said:
            return f"the SDK failed otherwise: {said.decode()[-400:]}"
        imported, answer = self.imported(source)
        if answer is None or imported.returncode != 1:
            return f"import exit {imported.returncode}: {imported.stderr.decode().strip()}"
        at = [d for d in answer["diagnostics"] if d["code"] == code and d["severity"] == "error"]
        if not at:
            return f"no {code} error: {answer['diagnostics']}"
        if at[0].get("line") != line:
            return f"{code} at line {at[0].get('line')}, the case says {line}"
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the automl-job binary")
    parser.add_argument("--venv", required=True, help="the venv with the sagemaker package")
    args = parser.parse_args()
    with StandIn() as standin, tempfile.TemporaryDirectory(prefix="clients-sdk-") as folder, \
            open(os.devnull, "wb") as log:
        moto = Moto(os.path.abspath(args.venv), log)
        try:
            run_cases(args, standin, folder, moto)
        finally:
            moto.stop()
    return 1 if RESULT["failed"] or not RESULT["passed"] else 0


RESULT = {}


def run_cases(args, standin, folder, moto):
    driver = Sdk(os.path.abspath(args.cli), os.path.abspath(args.venv), standin)
    # No SageMaker config file from this machine: the SDK reads its defaults from
    # $XDG_CONFIG_DIRS and $XDG_CONFIG_HOME (sagemaker/config/config.py).
    driver.env.update(HOME=folder, XDG_CONFIG_HOME=folder, XDG_CONFIG_DIRS=folder,
                      SAGEMAKER_SUPPRESS_V2_WARNING="1")
    with open(os.path.join(folder, "sdk_runner.py"), "w") as f:
        f.write(RUNNER)
    for name in FILES:
        os.makedirs(os.path.join(folder, os.path.dirname(name)), exist_ok=True)
        with open(os.path.join(folder, name), "w") as f:
            f.write("churn,plan\nyes,basic\n")
    driver.env["AWS_ENDPOINT_URL_S3"] = moto.url
    for bucket in UPLOAD_BUCKETS:
        subprocess.run([os.path.join(driver.venv, "bin", "python"), "-c",
                        "import boto3, sys; boto3.client('s3').create_bucket(Bucket=sys.argv[1])", bucket],
                       env=driver.env, check=True, capture_output=True, timeout=60)
    for label, source, values, codes in CASES:
        driver.result(f"SageMaker SDK sends: {label}", driver.case(source, values, codes, folder))
    for label, code, source, line in REFUSED:
        driver.result(f"SageMaker SDK refuses: {label}", driver.refused(source, code, line, folder))
    # The SDK's real uploads went to moto, at the keys of the URIs the import worked out.
    listed = subprocess.run(
        [os.path.join(driver.venv, "bin", "python"), "-c",
         "import boto3, sys\nfor b in sys.argv[1:]:\n"
         "    for o in boto3.client('s3').list_objects_v2(Bucket=b).get('Contents', []):\n"
         "        print(b + '/' + o['Key'])", *UPLOAD_BUCKETS],
        env=driver.env, capture_output=True, timeout=60)
    keys = set(listed.stdout.decode().split())
    missing = sorted(UPLOADED - keys)
    driver.result("SageMaker SDK uploads: the local files are in moto's S3 at those URIs",
                  f"not uploaded: {missing} (have {sorted(keys)})" if missing else None)
    print(f"{driver.passed} passed, {driver.failed} failed")
    RESULT.update(passed=driver.passed, failed=driver.failed)


if __name__ == "__main__":
    sys.exit(main())
