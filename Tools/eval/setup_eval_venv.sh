#!/usr/bin/env bash
# A venv outside the repository with the peers the scorer compares against (jusText, trafilatura).
#   Tools/eval/setup_eval_venv.sh [DIR]      (default ~/.cache/nazif/eval-venv)
# Prints the venv's python; run Tools/eval/eval_boilerplate.py with it.
set -euo pipefail
venv="${1:-$HOME/.cache/nazif/eval-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || { echo "setup_eval_venv: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 1; }
fi
if ! "$venv/bin/python" -c "import justext, trafilatura" 2>/dev/null; then
  "$venv/bin/pip" install -q justext trafilatura lxml_html_clean >&2
fi
echo "$venv/bin/python"
