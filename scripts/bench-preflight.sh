#!/usr/bin/env bash
# Benchmark of the data preflight (not a test): generates a realistic 200 MB churn CSV (and,
# with --big, a 2 GB one) into target/bench-preflight/, then on each file, in the same run:
#   - the release `automl-job preflight` (MB/s, peak memory as /usr/bin/time's max RSS);
#   - pandas: read_csv plus the target's value_counts, from .tools/venv (MB/s, peak memory).
# Targets (issue 13): natively at least 5x pandas' speed, under 100 MB of memory whatever the
# file size; and, when the release page is built (dist/, scripts/build-page.sh), the page's
# "Check my data" worker on the same file in headless Chromium (tests/e2e/bench-data.mjs; the
# target there is at least 100 MB/s).
#
# usage: scripts/bench-preflight.sh [--big]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# BENCH_DIR: where the files are generated (the 2 GB one may rather go under /tmp).
OUT="${BENCH_DIR:-$ROOT/target/bench-preflight}"
VENV="$ROOT/.tools/venv"
BIG=0
for arg in "$@"; do
  case "$arg" in
    --big) BIG=1 ;;
    *) echo "usage: scripts/bench-preflight.sh [--big]" >&2; exit 2 ;;
  esac
done

log() { printf '\n== %s\n' "$*" >&2; }

# /usr/bin/time (Debian's `time` package) for the peak memory.
if [[ ! -x /usr/bin/time ]]; then
  log "installing time (apt)"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq time >/dev/null
fi

# pandas in the project's venv (created as scripts/setup.sh creates it), installed once.
if [[ ! -x "$VENV/bin/python" ]]; then
  log "python venv in .tools/venv"
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import pandas' 2>/dev/null; then
  log "pandas into .tools/venv (PyPI)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check pandas
fi

log "building automl-job (release)"
cargo build --release -p automl-job --offline 2>/dev/null || cargo build --release -p automl-job
BIN="$ROOT/target/release/automl-job"

mkdir -p "$OUT"
cat > "$OUT/request.json" <<'EOF'
{"AutoMLJobName": "churn-bench", "ProblemType": "BinaryClassification",
 "InputDataConfig": [{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}},
                      "TargetAttributeName": "churn"}],
 "OutputDataConfig": {"S3OutputPath": "s3://bucket/out/"},
 "RoleArn": "arn:aws:iam::123456789012:role/autopilot"}
EOF
cat > "$OUT/pandas_check.py" <<'EOF'
import sys
import pandas as pd

df = pd.read_csv(sys.argv[1])
counts = df[sys.argv[2]].value_counts()
print(len(df), "rows;", ", ".join(f"{k} {v}" for k, v in counts.items()))
EOF

sizes=(200)
[[ $BIG -eq 1 ]] && sizes+=(2000)

# "wall_seconds peak_kB cpu_seconds" of a command (cpu = user + system), its standard output
# kept in $OUT/last.out. On a shared machine the CPU time is the steadier figure.
measure() {
  /usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "$@" > "$OUT/last.out" 2> "$OUT/last.err" || true
  tail -n 1 "$OUT/time.txt" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}

printf '\n%-8s %-34s %9s %10s %9s %10s %9s\n' "file" "run" "seconds" "MB/s" "cpu s" "cpu MB/s" "peak MB"
for mb in "${sizes[@]}"; do
  csv="$OUT/churn-${mb}MB.csv"
  if [[ ! -s "$csv" ]]; then
    log "generating $csv"
    python3 "$ROOT/scripts/gen-bench-csv.py" "$csv" "$mb"
  fi
  bytes=$(stat -c %s "$csv")
  cat "$csv" > /dev/null  # both runs start from the page cache

  read -r n_s n_kb n_cpu < <(measure "$BIN" preflight "$OUT/request.json" "$csv")
  native_summary=$(grep -E "rows|preflight:" "$OUT/last.out" | tr '\n' ' ')
  read -r p_s p_kb p_cpu < <(measure "$VENV/bin/python" "$OUT/pandas_check.py" "$csv" churn)
  pandas_summary=$(cat "$OUT/last.out" "$OUT/last.err" | tail -n 1)

  python3 - "$mb" "$bytes" "$n_s" "$n_kb" "$n_cpu" "$p_s" "$p_kb" "$p_cpu" <<'EOF'
import sys
mb, size = sys.argv[1], int(sys.argv[2])
n_s, n_kb, n_cpu, p_s, p_kb, p_cpu = map(float, sys.argv[3:])
def rate(s):
    return size / 1e6 / s if s > 0 else float("inf")
def row(run, s, kb, cpu):
    print(f"{mb + ' MB':<8} {run:<34} {s:9.2f} {rate(s):10.1f} {cpu:9.2f} {rate(cpu):10.1f} {kb / 1024:9.1f}")
row("automl-job preflight (release)", n_s, n_kb, n_cpu)
row("pandas read_csv + value_counts", p_s, p_kb, p_cpu)
print(f"{'':<8} native is {p_s / n_s:.1f}x pandas' speed by the clock, {p_cpu / n_cpu:.1f}x by CPU time "
      f"(target 5x); native peak {n_kb / 1024:.1f} MB (target < 100 MB)")
EOF
  printf '%-8s native:  %s\n%-8s pandas:  %s\n' "" "$native_summary" "" "$pandas_summary"
  if [[ -f "$ROOT/dist/index.html" && -d "$ROOT/tools/node_modules/playwright-core" ]]; then
    printf '%-8s page:    %s\n' "" "$(node "$ROOT/tests/e2e/bench-data.mjs" "$csv" 2>&1 | tail -n 1)"
  else
    printf '%-8s page:    not measured (build dist/ with scripts/build-page.sh; tools/node_modules)\n' ""
  fi
done
printf '\nmachine: %s cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
