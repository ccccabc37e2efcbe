#!/bin/sh
# CI for the distribution and the Python package (issue 12), run from the repository root after
# `make test`: builds the self-contained binary and checks it (ldd, seeds with no library path),
# builds the wheel, installs it with the test, datatrove and spark extras in a fresh venv and
# runs pytest there against the binary the wheel carries (Spark tests in local[2], Java 17;
# Ray Data on a local Ray).
# Measured 14:52 UTC 2026-12-02 on the shared 2-core machine: 2 min 33 s with a warm .build and
# pip cache (relink ~30 s, wheel 10 s, pip install, 39 tests in 59 s: Spark ~20 s, Ray ~18 s).
# A fresh clone adds the release build (~2 min), pyspark's sdist build (~30 s), ray's download.
set -eu
PYTHON=${PYTHON:-python3}
VENV=${NAZIF_CI_VENV:-.build/python-ci-venv}

make wheel PYTHON="$PYTHON"          # builds dist/ (the self-contained binary) first
Tools/dist/check_dist.sh dist/nazif-*-linux-"$(uname -m)"/nazif

if ! command -v java >/dev/null 2>&1; then
    echo "ci: java missing, installing openjdk-17-jre-headless (for the pyspark tests)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
wheel=$(ls dist/nazif-*.whl)
"$VENV/bin/pip" install -q "$wheel[test,datatrove,spark,ray,fast]"
# The tests must use the binary inside the wheel: no NAZIF_BINARY, and not the source tree.
cd python/tests
env -u NAZIF_BINARY PYSPARK_PYTHON="$(cd ../.. && pwd)/$VENV/bin/python" \
    "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider --rootdir=. .
