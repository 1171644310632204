#!/usr/bin/env bash
# Set up (once) and run the main job on the embedded data: the monthly report for the latest month.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
quiet() { "$@" 2> >(grep -v "^WARNING: Location" >&2); }
quiet python -m pip install -q --upgrade pip >/dev/null
quiet python -m pip install -q -e .
tradelane report --latest -o report.html
