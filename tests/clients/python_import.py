"""Proves that ``automl-job import`` reads a boto3 program as boto3 itself does.

Each program of the corpus below (hand-written in the styles people use, and our own boto3
export of every request fixture) is run by the real Python and boto3 against the loopback
stand-in for SageMaker, with an observer on ``botocore.validate.ParamValidator.validate``
that records the parameters boto3 hands to botocore. ``automl-job import`` reads the same
text, and:

- ``send``: botocore accepts the parameters and puts a body on the wire; the import must be
  that body (parsed JSON equal, types included: 1 is not 1.0 nor true, and a float's digits
  as botocore wrote them).
- ``invalid``: botocore's parameter validation refuses them; the import must be exactly the
  parameters it was handed, and ``automl-job check`` must report an error.

Programs and notebooks with values known only when they run (a session's bucket, the
execution role, a timestamp) are run by real Python with stand-ins giving those values; the
import must name exactly those holes, and filled with the same values be the body sent
(``HOLE_CASES``).

Then it compares the import of generated Python literals (strings with every quote, prefix
and escape, numbers in every base and form, nested dicts, lists and tuples, comments and
line breaks inside brackets, adjacent strings, f-strings) with what Python's own ``eval``
makes of them: equal values, types and key order included; and arithmetic on written numbers (ints exactly, floats as
``repr()`` writes them) and strings joined with ``+``, against the same ``eval``.

Usage: python_import.py --cli PATH/TO/automl-job --venv PATH/TO/VENV (run by the venv's Python)
Prints one line per case and ``N passed, M failed``; exits 1 on any failure.
"""

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

from driver import Driver, difference
from driver import same as unordered  # JSON equality with types, any key order
from standin import StandIn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# The observer: records the parameters boto3 hands to botocore, then runs the program.
RUNNER = """import json, os, runpy, sys
import botocore.validate

_validate = botocore.validate.ParamValidator.validate


def _observe(self, params, shape):
    if getattr(shape, "name", "") in ("CreateAutoMLJobRequest", "CreateAutoMLJobV2Request"):
        with open(os.environ["PYTHON_SPY"], "w") as f:
            json.dump(params, f)
    return _validate(self, params, shape)


botocore.validate.ParamValidator.validate = _observe
runpy.run_path(sys.argv[1], run_name="__main__")
"""

REQUIRED = """    InputDataConfig=[{
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/train/"}},
        "TargetAttributeName": "churned",
    }],
    OutputDataConfig={"S3OutputPath": "s3://my-bucket/out/"},
    RoleArn="arn:aws:iam::123456789012:role/AutoML",
"""

# (what the case guards, what boto3 does, the program)
CASES = [
    ("a notebook cell: names, f-strings, single quotes, comments", "send", """
import boto3
sm = boto3.client('sagemaker', region_name='us-east-1')  # the client
bucket = 'my-bucket'
prefix = "churn/2024"
role = 'arn:aws:iam::123456789012:role/AutoML'
job_name = f"churn-{prefix[:0]}v1" if False else 'churn-v1'
job_name = 'churn-v1'
sm.create_auto_ml_job(
    AutoMLJobName=job_name,
    InputDataConfig=[
        {
            'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': f's3://{bucket}/{prefix}/train/'}},
            'TargetAttributeName': 'churned',  # the label
        },
    ],
    OutputDataConfig={'S3OutputPath': f"s3://{bucket}/{prefix}/output/"},
    RoleArn=role,
    ProblemType='BinaryClassification',
    AutoMLJobObjective={'MetricName': 'F1'},
)
"""),
    ("a request dict passed with **, built with dict() and tuples", "send", """
import boto3

request = dict(
    AutoMLJobName="churn-2",
    InputDataConfig=(
        dict(
            DataSource=dict(S3DataSource=dict(S3DataType="S3Prefix", S3Uri="s3://my-bucket/t/")),
            TargetAttributeName="churned",
            ContentType="text/csv;header=present",
        ),
    ),
    OutputDataConfig=dict(S3OutputPath="s3://my-bucket/o/"),
    RoleArn="arn:aws:iam::123456789012:role/AutoML",
    Tags=[dict(Key="team", Value="growth"), dict(Key="cost-centre", Value="")],
)
client = boto3.Session(region_name="us-east-1").client("sagemaker")
client.create_auto_ml_job(**request)
"""),
    ("numbers in every form, adjacent strings, booleans", "send", """
import boto3
boto3.client("sagemaker").create_auto_ml_job(
    AutoMLJobName=("churn"
                   "-3"),
""" + REQUIRED + """    AutoMLJobConfig={
        "CompletionCriteria": {
            "MaxCandidates": 0x10,
            "MaxRuntimePerTrainingJobInSeconds": 3_600,
            "MaxAutoMLJobRuntimeInSeconds": +14400,
        },
        "DataSplitConfig": {"ValidationFraction": .25},
        "SecurityConfig": {"EnableInterContainerTrafficEncryption": True},
        "Mode": "ENSEMBLING",
    },
    GenerateCandidateDefinitionsOnly=False,
    ModelDeployConfig={"AutoGenerateEndpointName": True},
)
"""),
    ("escapes, raw and triple-quoted strings in tags", "send", """
import boto3
boto3.client("sagemaker").create_auto_ml_job(
    AutoMLJobName="churn-4",
""" + REQUIRED + """    Tags=[
        {"Key": "quote's \\"and\\" \\\\ back", "Value": '\\x41\\u00e9\\U0001F600\\101'},
        {"Key": r"raw \\d+", "Value": '''two
lines'''},
        {"Key": "tab\\tand\\x7f", "Value": "continued \\
line"},
    ],
)
"""),
    ("a dict with a repeated key keeps its first place and its last value", "send", """
import boto3
boto3.client("sagemaker").create_auto_ml_job(
    AutoMLJobName="churn-5",
""" + REQUIRED + """    AutoMLJobObjective={"MetricName": "F1", "MetricName": "AUC"},
)
"""),
    ("the last setting of a name before the call", "send", """
import boto3
name = "first"
name = "churn-6"
params = {"AutoMLJobName": name}
boto3.client("sagemaker").create_auto_ml_job(
    **params,
""" + REQUIRED + """)
"""),
    ("a float where an integer belongs", "invalid", """
import boto3
boto3.client("sagemaker").create_auto_ml_job(
    AutoMLJobName="churn-7",
""" + REQUIRED + """    AutoMLJobConfig={"CompletionCriteria": {"MaxAutoMLJobRuntimeInSeconds": 3600.0}},
)
"""),
    ("a string where an integer belongs, True where a string belongs", "invalid", """
import boto3
boto3.client("sagemaker").create_auto_ml_job(
    AutoMLJobName=True,
""" + REQUIRED + """    AutoMLJobConfig={"CompletionCriteria": {"MaxCandidates": "10"}},
)
"""),
    ("an unknown parameter and None", "invalid", """
import boto3
boto3.client("sagemaker").create_auto_ml_job(
    AutoMLJobName="churn-9",
""" + REQUIRED + """    ProblemType=None,
    Unknown={"a": [1, 2.5, (3,)]},
)
"""),
    ("a required member missing", "invalid", """
import boto3
boto3.client("sagemaker").create_auto_ml_job(AutoMLJobName="churn-10", RoleArn="r")
"""),
    ("V2: a text-generation fine-tuning call with a map of hyperparameters", "send", """
import boto3
sm = boto3.client("sagemaker", region_name="us-east-1")
hyperparameters = {"epochCount": "3", "learningRate": "0.00002", "batchSize": "8"}
sm.create_auto_ml_job_v2(
    AutoMLJobName="llm-faq-tuning",
    AutoMLJobInputDataConfig=[{"ChannelType": "training", "ContentType": "text/csv;header=present",
                               "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://llm-data/faq/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://llm-data/output/"},
    AutoMLProblemTypeConfig={"TextGenerationJobConfig": {
        "BaseModelName": "Llama2-7B",
        "TextGenerationHyperParameters": hyperparameters,
        "ModelAccessConfig": {"AcceptEula": True},
        "CompletionCriteria": {"MaxAutoMLJobRuntimeInSeconds": 12 * 60 * 60},
    }},
    RoleArn="arn:aws:iam::123456789012:role/AutoML",
    DataSplitConfig={"ValidationFraction": 0.15},
)
"""),
    ("V2: a tabular request as ** of a dict, security and compute settings", "send", """
import boto3
request = {
    "AutoMLJobName": "credit-scoring-v2",
    "AutoMLJobInputDataConfig": [{"ChannelType": "training", "CompressionType": "Gzip",
                                  "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://credit/train/"}}}],
    "OutputDataConfig": {"S3OutputPath": "s3://credit/out/"},
    "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "default", "ProblemType": "BinaryClassification",
                                                      "Mode": "ENSEMBLING", "SampleWeightAttributeName": "w"}},
    "RoleArn": "arn:aws:iam::123456789012:role/AutoML",
    "SecurityConfig": {"EnableInterContainerTrafficEncryption": True,
                       "VpcConfig": {"SecurityGroupIds": ["sg-12345678"], "Subnets": ["subnet-12345678"]}},
    "AutoMLJobObjective": {"MetricName": "AUC"},
    "AutoMLComputeConfig": {"EmrServerlessComputeConfig": {"ExecutionRoleARN": "arn:aws:iam::123456789012:role/Emr"}},
}
boto3.client("sagemaker", region_name="us-east-1").create_auto_ml_job_v2(**request)
"""),
    ("V2: a V1 member in a V2 call is refused by botocore and found by the checker", "invalid", """
import boto3
boto3.client("sagemaker", region_name="us-east-1").create_auto_ml_job_v2(
    AutoMLJobName="mixed",
    AutoMLJobInputDataConfig=[{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://b/o/"},
    AutoMLProblemTypeConfig={"ImageClassificationJobConfig": {}},
    RoleArn="arn:aws:iam::123456789012:role/AutoML",
    ProblemType="BinaryClassification",
)
"""),
]


class F(str):
    """A float's digits as written in JSON, so 1.0 and 1.00000001 stay apart."""


def load(text):
    return json.loads(text, parse_float=F)


def same(a, b):
    """JSON equality with types and key order: True is not 1, 1 is not 1.0."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


class Programs(Driver):
    def run_python(self, source, folder):
        program = os.path.join(folder, "program.py")
        spy = os.path.join(folder, "params.json")
        with open(program, "w", encoding="utf-8") as f:
            f.write(source)
        if os.path.exists(spy):
            os.remove(spy)
        before = len(self.standin.records)
        env = dict(self.env, PYTHON_SPY=spy)
        run = subprocess.run(
            [os.path.join(self.venv, "bin", "python"), os.path.join(folder, "runner.py"), program],
            capture_output=True, env=env, cwd=folder, timeout=120,
        )
        params = None
        if os.path.exists(spy):
            with open(spy, encoding="utf-8") as f:
                params = load(f.read())
        bodies = [r["body"] for r in self.standin.records[before:]]
        return run, params, bodies

    def import_text(self, source):
        return subprocess.run([self.cli, "import", "-"], input=source.encode(), capture_output=True)

    def case(self, does, source, folder):
        run, params, bodies = self.run_python(source, folder)
        imported = self.import_text(source)
        if imported.returncode == 2:
            return f"import refused it: {imported.stderr.decode().strip()}"
        got = load(imported.stdout.decode())
        if params is None:
            return f"boto3 handed botocore nothing: {run.stderr.decode()[-400:]}"
        if does == "send":
            if run.returncode != 0 or len(bodies) != 1:
                return f"boto3 did not send it: {run.stderr.decode()[-400:]}"
            sent = load(bodies[0].decode())
            # The import gives the members in the model's order, as its JSON body.
            if not unordered(sent, got):
                return "import differs from the body boto3 sent: " + str(difference(sent, got))
            if not unordered(params, got):
                return "import differs from the parameters: " + str(difference(params, got))
            return None
        if run.returncode == 0 or bodies:
            return "boto3 sent it, but the case says botocore refuses it"
        if b"ParamValidationError" not in run.stderr:
            return f"boto3 failed otherwise: {run.stderr.decode()[-400:]}"
        if not unordered(params, got):
            return "import differs from what boto3 handed botocore: " + str(difference(params, got))
        if imported.returncode != 1:
            return f"automl-job found no error (exit {imported.returncode})"
        return None


# ---- programs and notebooks with run-time values: holes filled ------------------------------
#
# Programs and notebooks written as people write them (our own, in the style of public
# examples): the bucket from ``sagemaker.Session().default_bucket()``, the role from
# ``get_execution_role()``, a timestamp in the job name, ``'{}/{}'.format(...)``, ``%``
# formatting, ``if`` guards, a function called with the values, IPython magics. Real Python runs
# each (a notebook's code cells in order, its magics left out as IPython would run them for no
# effect on the request) with stand-ins for what only AWS knows: a ``sagemaker`` module whose
# session and role give the values below, and ``time.gmtime()`` fixed. ``automl-job import
# --format json`` reads the same text: every run-time value must be a hole, named by its marker
# ``{expression}``, exactly those of the case; filled with the same values, the imported request
# must be the body boto3 sent.

STAND_IN_BUCKET = "sagemaker-us-east-1-123456789012"
STAND_IN_ROLE = "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole"
STAND_IN_TIME = 1733400000  # 2024-12-05 12:00:00 UTC

SAGEMAKER_STAND_IN = f"""class Session:
    boto_region_name = "us-east-1"

    def default_bucket(self):
        return {STAND_IN_BUCKET!r}

    def default_bucket_prefix(self):
        return None


def get_execution_role(sagemaker_session=None):
    return {STAND_IN_ROLE!r}
"""

HOLES_RUNNER = f"""import sys, time
_gmtime = time.gmtime
time.gmtime = lambda secs=None: _gmtime({STAND_IN_TIME} if secs is None else secs)
sys.path.insert(0, sys.argv[2])
exec(open(sys.argv[3]).read(), {{"__name__": "__main__"}})
"""


def stamp(fmt):
    import time
    return time.strftime(fmt, time.gmtime(STAND_IN_TIME))


def notebook(*cells):
    """An .ipynb with these cells: ("md" | "code", source, execution count or None)."""
    out = []
    for kind, source, count in cells:
        lines = source.splitlines(keepends=True)
        cell = {"cell_type": "markdown" if kind == "md" else "code", "metadata": {}, "source": lines}
        if kind != "md":
            cell.update(execution_count=count, outputs=[])
        out.append(cell)
    return json.dumps({"cells": out, "metadata": {"kernelspec": {"name": "python3"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1)


def as_python(text):
    """What IPython runs of a program or notebook, for the request: the code cells in order,
    without the magics and shell escapes (``%%time`` runs its body)."""
    if text.lstrip().startswith("{"):
        cells = ["".join(c["source"]) for c in json.loads(text)["cells"]
                 if c["cell_type"] == "code"]
    else:
        cells = [text]
    lines = []
    for cell in cells:
        for line in cell.splitlines():
            if line.lstrip().startswith(("%", "!")):
                continue
            lines.append(line)
    return "\n".join(lines) + "\n"


HOLE_CASES = [
    ("an Autopilot notebook: session bucket, role, timestamp, format, a prefix guard, magics",
     notebook(
         ("md", "# Predicting churn with Autopilot\n", None),
         ("code", "%%time\n!pip install -q --upgrade sagemaker\nimport boto3\nimport sagemaker\n"
                  "from sagemaker import get_execution_role\nfrom time import gmtime, strftime, sleep\n\n"
                  "region = 'us-east-1'\nsession = sagemaker.Session()\nbucket = session.default_bucket()\n"
                  "prefix = 'sagemaker/DEMO-autopilot-churn'\ndefault_bucket_prefix = ''\n"
                  "if default_bucket_prefix:\n    prefix = f'{default_bucket_prefix}/{prefix}'\n\n"
                  "role = get_execution_role()\nsm = boto3.Session().client(service_name='sagemaker', region_name=region)\n", 1),
         ("md", "## Set up the job\n", None),
         ("code", "input_data_config = [\n    {\n        'DataSource': {\n            'S3DataSource': {\n"
                  "                'S3DataType': 'S3Prefix',\n                'S3Uri': 's3://{}/{}/train'.format(bucket, prefix),\n"
                  "            }\n        },\n        'TargetAttributeName': 'Churn?',\n    }\n]\n\n"
                  "output_data_config = {'S3OutputPath': 's3://{}/{}/output'.format(bucket, prefix)}\n"
                  "auto_ml_job_config = {'CompletionCriteria': {'MaxCandidates': 10}}\n%store prefix\n", 4),
         ("code", "timestamp_suffix = strftime('%d-%H-%M-%S', gmtime())\n"
                  "auto_ml_job_name = 'automl-churn-' + timestamp_suffix\nprint('AutoMLJobName: ' + auto_ml_job_name)\n\n"
                  "sm.create_auto_ml_job(\n    AutoMLJobName=auto_ml_job_name,\n    InputDataConfig=input_data_config,\n"
                  "    OutputDataConfig=output_data_config,\n    AutoMLJobConfig=auto_ml_job_config,\n"
                  "    ProblemType='BinaryClassification',\n    AutoMLJobObjective={'MetricName': 'F1'},\n    RoleArn=role,\n)\n", 5),
         ("code", "sm.describe_auto_ml_job(AutoMLJobName=auto_ml_job_name)\n", None),
     ),
     {"bucket": STAND_IN_BUCKET, "role": STAND_IN_ROLE, "timestamp_suffix": stamp("%d-%H-%M-%S")}),
    ("a script: a function called with the session's values, % formatting, a decided condition",
     "import boto3\nimport sagemaker\nfrom sagemaker import get_execution_role\n\n\n"
     "def start_job(bucket, role, target='label', kms_key=None):\n"
     "    problem = 'Regression' if target == 'price' else 'MulticlassClassification'\n"
     "    metric = 'Accuracy' if problem != 'Regression' else 'MSE'\n"
     "    client = boto3.client('sagemaker', region_name='us-east-1')\n"
     "    client.create_auto_ml_job(\n"
     "        AutoMLJobName='species-%s-%03d' % ('iris', 7),\n"
     "        InputDataConfig=[{'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix',\n"
     "                          'S3Uri': 's3://%s/%s/' % (bucket, 'iris/train')}},\n"
     "                          'TargetAttributeName': target}],\n"
     "        OutputDataConfig={'S3OutputPath': 's3://' + bucket + '/iris/output'},\n"
     "        ProblemType=problem,\n"
     "        AutoMLJobObjective={'MetricName': metric},\n"
     "        RoleArn=role,\n"
     "    )\n\n\n"
     "if __name__ == '__main__':\n"
     "    session = sagemaker.Session()\n"
     "    start_job(session.default_bucket(), get_execution_role(), target='species')\n",
     {"bucket": STAND_IN_BUCKET, "role": STAND_IN_ROLE}),
    ("a cell: a number from the environment, an f-string with a call in it, a role from a guard",
     "import os, time, boto3\nimport sagemaker\n"
     "max_runtime = int(os.environ.get('MAX_RUNTIME', '7200'))\n"
     "use_default_role = True\n"
     "if use_default_role:\n    role = sagemaker.get_execution_role()\nelse:\n    role = 'arn:aws:iam::123456789012:role/Other'\n"
     "job = f\"housing-{time.strftime('%Y%m%d', time.gmtime())}\"\n"
     "boto3.client('sagemaker', region_name='us-east-1').create_auto_ml_job(\n"
     "    AutoMLJobName=job,\n"
     "    InputDataConfig=[{'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': 's3://housing-data/train/'}},\n"
     "                      'TargetAttributeName': 'median_house_value'}],\n"
     "    OutputDataConfig={'S3OutputPath': 's3://housing-data/output/'},\n"
     "    AutoMLJobConfig={'CompletionCriteria': {'MaxAutoMLJobRuntimeInSeconds': max_runtime}},\n"
     "    RoleArn=role,\n)\n",
     {"max_runtime": 7200, "role": STAND_IN_ROLE,
      "time.strftime('%Y%m%d', time.gmtime())": stamp("%Y%m%d")}),
]


# CreateAutoMLJobV2 (issue 12): the same hole forms around create_auto_ml_job_v2(…).
HOLE_CASES += [
    ("a V2 time-series notebook: session bucket, role, timestamp, format, an if guard, %%time",
     notebook(
         ("md", "# Forecasting store demand with Autopilot (CreateAutoMLJobV2)\n", None),
         ("code", "%%time\nimport boto3, sagemaker\nfrom sagemaker import get_execution_role\n"
                  "from time import gmtime, strftime\n\nsess = sagemaker.Session()\n"
                  "bucket = sess.default_bucket()\nprefix = 'autopilot-v2/demand'\n"
                  "role = get_execution_role()\nhorizon_weeks = 4\n"
                  "if horizon_weeks > 2:\n    frequency = 'W'\nelse:\n    frequency = 'D'\n", 3),
         ("code", "job_name = 'demand-' + strftime('%Y%m%d-%H%M', gmtime())\n"
                  "sm = boto3.client('sagemaker', region_name='us-east-1')\n"
                  "sm.create_auto_ml_job_v2(\n    AutoMLJobName=job_name,\n"
                  "    AutoMLJobInputDataConfig=[{'ChannelType': 'training', 'ContentType': 'text/csv;header=present',\n"
                  "        'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': 's3://{}/{}/train/'.format(bucket, prefix)}}}],\n"
                  "    OutputDataConfig={'S3OutputPath': f's3://{bucket}/{prefix}/output/'},\n"
                  "    AutoMLProblemTypeConfig={'TimeSeriesForecastingJobConfig': {\n"
                  "        'ForecastFrequency': frequency, 'ForecastHorizon': horizon_weeks,\n"
                  "        'ForecastQuantiles': ['p10', 'p50', 'p90'],\n"
                  "        'TimeSeriesConfig': {'TargetAttributeName': 'demand', 'TimestampAttributeName': 'week',\n"
                  "                             'ItemIdentifierAttributeName': 'store_id'}}},\n"
                  "    RoleArn=role,\n)\n", 4),
     ),
     {"bucket": STAND_IN_BUCKET, "role": STAND_IN_ROLE,
      "strftime('%Y%m%d-%H%M', gmtime())": stamp("%Y%m%d-%H%M")}),
]


def fill(request, holes, values):
    """The imported request with each hole filled: its marker in a string replaced by the
    value's text, or the value put at its path when the member was left out."""
    for hole in holes:
        marker = hole["message"].split(": fill in", 1)[0]
        value = values[marker[1:-1]]
        keys = [k.replace("~1", "/").replace("~0", "~") for k in hole["path"].split("/")[1:]]
        parent = request
        for k in keys[:-1]:
            parent = parent[int(k)] if isinstance(parent, list) else parent[k]
        last = int(keys[-1]) if isinstance(parent, list) else keys[-1]
        have = parent[last] if (isinstance(parent, list) or last in parent) else None
        if isinstance(have, str) and marker in have:
            parent[last] = have.replace(marker, value if isinstance(value, str) else json.dumps(value))
        else:
            parent[last] = value
    return request


def hole_case(driver, source, values, folder):
    with open(os.path.join(folder, "holes_runner.py"), "w") as f:
        f.write(HOLES_RUNNER)
    stubs = os.path.join(folder, "stubs")
    os.makedirs(os.path.join(stubs, "sagemaker"), exist_ok=True)
    with open(os.path.join(stubs, "sagemaker", "__init__.py"), "w") as f:
        f.write(SAGEMAKER_STAND_IN)
    program = os.path.join(folder, "holes_program.py")
    with open(program, "w", encoding="utf-8") as f:
        f.write(as_python(source))
    before = len(driver.standin.records)
    run = subprocess.run(
        [os.path.join(driver.venv, "bin", "python"), os.path.join(folder, "holes_runner.py"),
         os.path.join(folder, "runner.py"), stubs, program],
        capture_output=True, env=driver.env, cwd=folder, timeout=120,
    )
    bodies = [r["body"] for r in driver.standin.records[before:]
              if r["target"] in ("SageMaker.CreateAutoMLJob", "SageMaker.CreateAutoMLJobV2")]
    if run.returncode != 0 or len(bodies) != 1:
        return f"Python did not send it: {run.stderr.decode()[-600:]}"
    sent = load(bodies[0].decode())
    imported = subprocess.run([driver.cli, "import", "--format", "json", "-"],
                              input=source.encode(), capture_output=True)
    if imported.returncode != 1:
        return f"import exit {imported.returncode} (holes are errors: 1): {imported.stderr.decode()}"
    answer = load(imported.stdout.decode())
    holes = [d for d in answer["diagnostics"] if d["code"] == "runtime-value"]
    named = {d["message"].split(": fill in", 1)[0][1:-1] for d in holes}
    if named != set(values):
        return f"holes {sorted(named)}, the case supplies {sorted(values)}"
    if any("line" not in d for d in holes):
        return "a hole without its place"
    errors = [d for d in answer["diagnostics"] if d["severity"] == "error" and d["code"] != "runtime-value"]
    if errors:
        return f"findings besides the holes: {errors}"
    filled = fill(answer["request"], holes, values)
    if not unordered(sent, filled):
        return "the filled import differs from the body sent: " + str(difference(sent, filled))
    return None


# ---- generated literals, against Python's own eval ------------------------------------------

ESCAPES = ["\\n", "\\t", "\\\\", "\\'", '\\"', "\\a", "\\b", "\\f", "\\v", "\\r", "\\0",
           "\\7", "\\101", "\\777", "\\d", "\\ ", "\\\n"]
CHARS = "abc XYZ019_-./:=,{}[]()#'\"é日😀\t"


def gen_string(rng):
    quote = rng.choice(["'", '"', "'''", '"""'])
    prefix = rng.choice(["", "", "", "r", "R", "u", "U", "f", "F", "rf", "Rf", "fR"])
    raw = "r" in prefix.lower()
    fmt = "f" in prefix.lower()
    parts = []
    for _ in range(rng.randrange(0, 8)):
        kind = rng.randrange(10)
        if kind < 5:
            c = rng.choice(CHARS)
            if c in "{}" and fmt:
                c = c * 2
            if c == quote[0]:
                c = "x"
            parts.append(c)
        elif kind < 7 and not raw:
            parts.append(rng.choice(ESCAPES))
        elif kind < 8 and not raw:
            cp = rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0xd800),
                             rng.randrange(0xe000, 0x110000)])
            if cp < 0x100:
                parts.append("\\x%02x" % cp)
            elif cp < 0x10000:
                parts.append("\\u%04X" % cp)
            else:
                parts.append("\\U%08x" % cp)
        elif kind < 9 and raw:
            parts.append("\\" + rng.choice("dnw'\""[: 3 if len(quote) == 1 else 5]))
        elif fmt:
            parts.append("{v}")
        elif len(quote) == 3:
            parts.append("\n")
    # Every backslash is part of a whole escape and no bare quote is the string's own, so
    # the body never closes early nor ends in a lone backslash.
    body = "".join(parts)
    return prefix + quote + body + quote


def gen_number(rng):
    sign = rng.choice(["", "", "-", "+"])
    kind = rng.randrange(7)
    if kind == 0:
        return sign + str(rng.randrange(0, 10 ** rng.randrange(1, 30)))
    if kind == 1:
        digits = str(rng.randrange(1, 10 ** 9))
        return sign + "_".join(digits[i:i + 3] for i in range(0, len(digits), 3))
    if kind == 2:
        return sign + rng.choice(["0x1F", "0XfF_ff", "0o7_7", "0O17", "0b1_0_1", "0B0"])
    if kind == 3:
        return sign + "%d.%d" % (rng.randrange(0, 10 ** 6), rng.randrange(0, 10 ** 6))
    if kind == 4:
        return sign + "%d.%de%s%d" % (rng.randrange(0, 1000), rng.randrange(0, 1000),
                                       rng.choice(["", "+", "-"]), rng.randrange(0, 300))
    if kind == 5:
        return sign + "." + str(rng.randrange(0, 10 ** 8))
    return sign + rng.choice(["0", "00", "0_0", "0.0", "1.", "1e5", "1E-5", "2.5e+3",
                              "123456789.123456789123", "0.1", "0.30000000000000004"])


def gen_small(rng):
    return rng.choice([str(rng.randrange(0, 100)), str(rng.randrange(0, 10 ** 9)), "%d.%d" % (
        rng.randrange(0, 1000), rng.randrange(0, 1000)), "1e3", "2.5e-3", "0", "0.0", "n", "(3)"])


def gen_arithmetic(rng):
    """Arithmetic on written numbers (and + on strings), with signs and brackets."""
    if rng.randrange(5) == 0:
        words = ["'s3://'", "v", "'/x/'", '"a"', '"""b"""']
        return " + ".join(rng.choice(words) for _ in range(rng.randrange(2, 4)))
    # '**' on whole numbers only (a float power is the C library's pow(), not worked out here).
    text = gen_small(rng) if rng.randrange(4) else f"{rng.randrange(0, 50)} ** {rng.randrange(0, 4)}"
    for _ in range(rng.randrange(1, 4)):
        op = rng.choice(["+", "-", "*", "//", "%", "/"])
        right = gen_small(rng)
        text += f" {op} " + rng.choice(["", "-", "- -", "+"]) + right
        if rng.randrange(3) == 0:
            text = f"({text})"
    return rng.choice(["", "-"]) + text


def gen_value(rng, depth):
    kind = rng.randrange(11 if depth < 3 else 6)
    if kind == 10:
        return gen_arithmetic(rng)
    if kind < 3:
        if rng.randrange(4) == 0:
            return gen_string(rng) + rng.choice([" ", "\n", " # c\n"]) + gen_string(rng)
        return gen_string(rng)
    if kind < 5:
        return gen_number(rng)
    if kind == 5:
        return rng.choice(["True", "False", "None", "v", "n"])
    gap = lambda: rng.choice(["", " ", "\n    ", "  # note\n  "])  # noqa: E731
    items = [gen_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    trailing = "," if items and rng.randrange(2) else ""
    if kind == 6:
        return "[" + gap() + ("," + gap()).join(items) + trailing + gap() + "]"
    if kind == 7:
        if len(items) == 1:
            return "(" + items[0] + ",)"
        return "(" + gap() + ", ".join(items) + trailing + gap() + ")"
    if kind == 8:
        keys = [gen_string(rng) for _ in items]
        if keys and rng.randrange(3) == 0:
            keys[-1] = keys[0]
        pairs = [k + gap() + ":" + gap() + v for k, v in zip(keys, items)]
        return "{" + gap() + ("," + gap()).join(pairs) + trailing + gap() + "}"
    return "dict(" + ", ".join(f"k{i}={v}" for i, v in enumerate(items)) + ")"


def expected(value):
    """A Python value as botocore's JSON serializer writes it."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return F(repr(value))
    if isinstance(value, (list, tuple)):
        return [expected(v) for v in value]
    return {k: expected(v) for k, v in value.items()}


PRELUDE = "v = 'fx'\nn = 17\n"


def differential(driver, count, seed):
    rng = random.Random(seed)
    literals = []
    while len(literals) < count:
        text = gen_value(rng, 0)
        try:
            value = eval(text, {"__builtins__": {}, "dict": dict, "v": "fx", "n": 17})
        except (SyntaxError, ValueError, ZeroDivisionError, OverflowError, TypeError):
            continue
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2 ** 127:
            continue
        if "inf" in repr(value) or "nan" in repr(value):
            continue
        literals.append((text, value))
    mismatches = []
    for start in range(0, count, 100):
        batch = literals[start:start + 100]
        source = PRELUDE + "client.create_auto_ml_job(\n" + "".join(
            f"    K{start + i}={text},\n" for i, (text, _) in enumerate(batch)) + ")\n"
        imported = driver.import_text(source)
        if imported.returncode == 2:
            # Find the literal it refused, for the message.
            for i, (text, value) in enumerate(batch):
                one = driver.import_text(PRELUDE + f"client.create_auto_ml_job(K={text})\n")
                if one.returncode == 2:
                    mismatches.append(f"{text!r}: refused: {one.stderr.decode().strip()}")
                    break
            else:
                mismatches.append(f"batch {start}: refused: {imported.stderr.decode().strip()}")
            continue
        got = load(imported.stdout.decode())
        for i, (text, value) in enumerate(batch):
            want = expected(value)
            have = got.get(f"K{start + i}")
            if not same(want, have):
                mismatches.append(f"{text!r}: Python {want!r}, import {have!r}")
    driver.result(f"{count} generated literals read as Python's eval reads them",
                  "; ".join(mismatches[:5]) + (f" (and {len(mismatches) - 5} more)"
                                               if len(mismatches) > 5 else "") or None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the automl-job binary")
    parser.add_argument("--venv", required=True, help="the venv with boto3")
    args = parser.parse_args()
    with StandIn() as standin, tempfile.TemporaryDirectory(prefix="clients-python-") as folder:
        driver = Programs(os.path.abspath(args.cli), os.path.abspath(args.venv), standin)
        with open(os.path.join(folder, "runner.py"), "w") as f:
            f.write(RUNNER)
        for label, does, source in CASES:
            driver.result(f"boto3 {does}: {label}", driver.case(does, source, folder))
        # Our own boto3 export of every valid request fixture.
        fixtures = sorted(glob.glob(os.path.join(ROOT, "crates/rules/tests/fixtures/valid-*.json"))
                          + glob.glob(os.path.join(ROOT, "crates/rules/tests/fixtures/v2-valid-*.json"))
                          + glob.glob(os.path.join(HERE, "requests/*.json")))
        for path in fixtures:
            export = subprocess.run([driver.cli, "export", "--to", "boto3", path],
                                    capture_output=True)
            if export.returncode != 0:
                driver.result(f"boto3 export of {os.path.basename(path)}",
                              "export failed: " + export.stderr.decode().strip())
                continue
            driver.result(f"boto3 send: our export of {os.path.basename(path)}",
                          driver.case("send", export.stdout.decode(), folder))
        for label, source, values in HOLE_CASES:
            driver.result(f"holes filled: {label}", hole_case(driver, source, values, folder))
        differential(driver, 2000, 20261130)
    print(f"{driver.passed} passed, {driver.failed} failed")
    return 1 if driver.failed or not driver.passed else 0


if __name__ == "__main__":
    sys.exit(main())
