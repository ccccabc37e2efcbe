#!/bin/sh
# CI for the report, progress and documentation area (run from the repository root after
# `make test`): the browser test of `nazif clean --report` (Tests/report/ci.sh: installs chromium
# and fonts-noto-core when missing) and the DocC site (`make docs`).
# Measured: 30 s to 67 s in all (16.5–37 s + 12–30 s) on a shared 2-core machine, chromium installed.
set -eu
sh Tests/report/ci.sh
make docs
