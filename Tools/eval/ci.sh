#!/usr/bin/env bash
# CI for the evaluation tools. Measured: 9.7 s with a built binary and the venv in place (61 private
# pages scored too); creating the venv (pip install justext trafilatura lxml_html_clean) took 21 s.
# Runs the converter/scorer tests, then scores the sets the repository holds (seeds, the CNN page,
# eval/boilerplate when it has pages; SaudiNewsNet when ../shared/eval is there) with the release
# binary if `make test`/`make build` left one. Peers (jusText, trafilatura) run when pip can
# install them into a venv outside the repository; without them the scores are Nazif's alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=python3
if venv_py=$(Tools/eval/setup_eval_venv.sh "${NAZIF_EVAL_VENV:-$HOME/.cache/nazif/eval-venv}" 2>/dev/null); then
  py="$venv_py"
else
  echo "eval ci: no venv with jusText/trafilatura (pip unavailable?): peers skipped"
fi
NAZIF_BIN="${NAZIF_BIN:-.build/release/nazif}" "$py" Tools/eval/run_tests.py
if [ -x .build/release/nazif ]; then
  "$py" Tools/eval/eval_boilerplate.py --nazif .build/release/nazif --sets all --no-sites
else
  echo "eval ci: no .build/release/nazif: scores not computed (make build)"
fi
