#!/usr/bin/env bash
# Proves the exports with the real clients: AWS CLI v1 and boto3 from PyPI, in a venv this
# script owns (.tools/venv), against a loopback stand-in for SageMaker; the POSIX exports run
# under bash, dash and zsh. See tests/clients/driver.py for what is checked; shorthand.py,
# shell_import.py and python_import.py hold the import of AWS CLI shorthand, of shell scripts
# and of boto3 programs to the real clients; sdk_import.py the import of the SageMaker Python
# SDK's AutoML class to the real SDK; s3_preflight.py runs `preflight` with no DATA
# against moto's S3 server on loopback.
#
# Idempotent: installs only what is missing (zsh and dash from Debian, the venv, moto, the
# SageMaker Python SDK), then builds
# automl-job and runs the driver over tests/clients/requests. Prints `N passed, M failed` and
# exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV="$ROOT/.tools/venv"
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf 'test-clients: %s\n' "$*" >&2; }

missing=()
for shell in zsh dash; do
  command -v "$shell" >/dev/null 2>&1 || missing+=("$shell")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ ! -x "$VENV/bin/aws" ]] || ! "$VENV/bin/python" -c 'import boto3' 2>/dev/null; then
  log "python venv with awscli and boto3 in $VENV"
  mkdir -p "$ROOT/.tools"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check awscli boto3
fi
if [[ ! -x "$VENV/bin/moto_server" ]]; then
  log "moto[server] in $VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'moto[server]'
fi
# The SageMaker Python SDK v2, the API public example notebooks use (its AutoML class).
if ! "$VENV/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("sagemaker") is None)'; then
  log "the SageMaker Python SDK v2 in $VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'sagemaker>=2.200,<3'
fi

# AWS_ENDPOINT_URL needs botocore 1.31 or later (awscli 1.29); older ones would send to AWS.
"$VENV/bin/python" - <<'EOF'
import sys, botocore
if tuple(int(p) for p in botocore.__version__.split(".")[:2]) < (1, 31):
    sys.exit(f"botocore {botocore.__version__} ignores AWS_ENDPOINT_URL; need 1.31 or later")
EOF

cargo build --quiet -p automl-job
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/automl-job"

shopt -s nullglob
status=0
"$VENV/bin/python" -B "$ROOT/tests/clients/driver.py" --cli "$BIN" --venv "$VENV" \
  "$ROOT"/tests/clients/requests/*.json "$ROOT"/tests/clients/requests/invalid/*.json || status=1
# The AWS CLI shorthand syntax: import reads it as the real AWS CLI does.
"$VENV/bin/python" -B "$ROOT/tests/clients/shorthand.py" --cli "$BIN" --venv "$VENV" || status=1
# Shell scripts: import reads their variables as bash and dash do, with holes where the
# shell's run-time values go.
"$VENV/bin/python" -B "$ROOT/tests/clients/shell_import.py" --cli "$BIN" --venv "$VENV" || status=1
# boto3 programs: import reads them as Python and boto3 do.
"$VENV/bin/python" -B "$ROOT/tests/clients/python_import.py" --cli "$BIN" --venv "$VENV" || status=1
# The SageMaker Python SDK's AutoML(…).fit(…): import reads it as the real SDK sends it.
"$VENV/bin/python" -B "$ROOT/tests/clients/sdk_import.py" --cli "$BIN" --venv "$VENV" || status=1
# preflight with no DATA reads the channels from S3: moto's S3 server on loopback.
"$VENV/bin/python" -B "$ROOT/tests/clients/s3_preflight.py" --cli "$BIN" --venv "$VENV" || status=1
exit "$status"
