#!/bin/sh
# Names (issue 14): precision and recall of `nazif names find` on the seeds' gold list.
# Measured duration: under 5 s after the debug build (make test builds it). Needs python3 only.
set -e
python3 Tools/names/eval_names.py
