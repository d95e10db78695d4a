#!/usr/bin/env python3
"""Writes crates/rules/model/create-auto-ml-job.json: every shape CreateAutoMLJobRequest
reaches in the SageMaker service model that ships in botocore, documentation stripped, and
the members of DescribeAutoMLJob's output that are not members of the request; and
crates/rules/model/create-auto-ml-job-v2.json: the same for CreateAutoMLJobV2Request and
DescribeAutoMLJobV2.

Usage: scripts/refresh-model.py [path/to/service-2.json.gz]
Without an argument it downloads the newest botocore wheel from PyPI (pip download) into a
temporary folder and reads the model from it. After refreshing, run the tests: the drift test
(crates/rules/tests/it/model_drift.rs) fails until crates/rules/src/model/request.rs and
request_v2.rs agree."""
import gzip, io, json, os, subprocess, sys, tempfile, zipfile

DIR = os.path.join(os.path.dirname(__file__), "..", "crates", "rules", "model")
OUT = os.path.join(DIR, "create-auto-ml-job.json")
OUT_V2 = os.path.join(DIR, "create-auto-ml-job-v2.json")
MODEL = "botocore/data/sagemaker/2017-07-24/service-2.json.gz"

def load():
    if len(sys.argv) > 1:
        path = sys.argv[1]
        source = "local file " + os.path.basename(path)
        # Inside an installed botocore (botocore/data/sagemaker/VERSION/service-2.json.gz),
        # name its version as a download would.
        init = os.path.join(os.path.dirname(path), "..", "..", "..", "__init__.py")
        if os.path.exists(init):
            for line in open(init, encoding="utf-8"):
                if line.startswith("__version__"):
                    source = "botocore " + line.split("=")[1].strip().strip("'\"")
        return json.load(gzip.open(path)), source
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "-d", tmp, "botocore"], check=True)
        wheel = next(f for f in os.listdir(tmp) if f.endswith(".whl"))
        version = wheel.split("-")[1]
        with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
            return json.load(gzip.open(io.BytesIO(z.read(MODEL)))), "botocore " + version

def reach(shapes, root):
    """Every shape `root` reaches, documentation stripped, in the order a walk meets them."""
    keep = {}
    def walk(name):
        if name in keep:
            return
        shape = {k: v for k, v in shapes[name].items() if k != "documentation"}
        if "members" in shape:
            shape["members"] = {m: {k: v for k, v in d.items() if k != "documentation"}
                                for m, d in shape["members"].items()}
        keep[name] = shape
        for d in shape.get("members", {}).values():
            walk(d["shape"])
        for part in ("member", "key", "value"):
            if part in shape:
                walk(shape[part]["shape"])
    walk(root)
    return keep

def write(path, out):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} from {out['source']}: {len(out['shapes'])} shapes")

def main():
    model, source = load()
    shapes = model["shapes"]
    root = model["operations"]["CreateAutoMLJob"]["input"]["shape"]
    keep = reach(shapes, root)
    # What DescribeAutoMLJob reports that a request does not hold: an import of its output
    # leaves these out (crates/rules/src/model/request.rs, DESCRIBE_ONLY).
    described = shapes[model["operations"]["DescribeAutoMLJob"]["output"]["shape"]]["members"]
    describe_only = [m for m in described if m not in shapes[root]["members"]]
    # What CreateAutoMLJobV2's request has that this one does not (model.rs, V2_ONLY), and
    # what DescribeAutoMLJobV2 reports beyond both requests (model.rs, DESCRIBE_V2_ONLY).
    v2 = shapes[model["operations"]["CreateAutoMLJobV2"]["input"]["shape"]]["members"]
    v2_only = [m for m in v2 if m not in shapes[root]["members"]]
    described_v2 = shapes[model["operations"]["DescribeAutoMLJobV2"]["output"]["shape"]]["members"]
    describe_v2_only = [m for m in described_v2
                        if m not in v2 and m not in shapes[root]["members"] and m not in described]
    out = {"source": source, "apiVersion": model["metadata"]["apiVersion"],
           "operation": "CreateAutoMLJob", "input": root, "shapes": keep,
           "describeOnly": describe_only, "v2Only": v2_only, "describeV2Only": describe_v2_only}
    write(OUT, out)
    # CreateAutoMLJobV2 (crates/rules/src/model/request_v2.rs): its shapes, and what
    # DescribeAutoMLJobV2 reports that its request does not hold.
    root_v2 = model["operations"]["CreateAutoMLJobV2"]["input"]["shape"]
    v1 = shapes[root]["members"]
    out_v2 = {"source": source, "apiVersion": model["metadata"]["apiVersion"],
              "operation": "CreateAutoMLJobV2", "input": root_v2, "shapes": reach(shapes, root_v2),
              "describeOnly": [m for m in described_v2 if m not in v2],
              "v1Only": [m for m in v1 if m not in v2]}
    write(OUT_V2, out_v2)

main()
