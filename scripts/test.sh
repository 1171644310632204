#!/usr/bin/env bash
# Set up (once) and run every check: ruff, mypy, and the whole pytest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
quiet() { "$@" 2> >(grep -v "^WARNING: Location" >&2); }
quiet python -m pip install -q --upgrade pip >/dev/null
quiet python -m pip install -q -e ".[dev,spark]"
echo "== ruff"; ruff check src tests $([ -d benchmarks ] && echo benchmarks)
echo "== mypy"; mypy
echo "== pytest"; python -m pytest -q "$@"
