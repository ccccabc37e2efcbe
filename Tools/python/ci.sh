#!/bin/sh
# CI for the distribution and the Python package (issue 12), run from the repository root after
# `make test`: builds the self-contained binary and checks it (ldd, seeds with no library path),
# builds the wheel, installs it with the test, datatrove and spark extras in a fresh venv and
# runs pytest there against the binary the wheel carries (Spark tests in local[2], Java 17).
# Measured: about 6 min on the 2-core CI machine, most of it the release build and pip
# (pyspark builds from its sdist in ~30 s); the tests themselves take ~35 s. See the end of
# docs/README-python.md for the numbers.
set -eu
PYTHON=${PYTHON:-python3}
VENV=${NAZIF_CI_VENV:-.build/python-ci-venv}

make dist
Tools/dist/check_dist.sh dist/nazif-*-linux-"$(uname -m)"/nazif
make wheel PYTHON="$PYTHON"

if ! command -v java >/dev/null 2>&1; then
    echo "ci: java missing, installing openjdk-17-jre-headless (for the pyspark tests)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
wheel=$(ls dist/nazif-*.whl)
"$VENV/bin/pip" install -q "$wheel[test,datatrove,spark]"
# The tests must use the binary inside the wheel: no NAZIF_BINARY, and not the source tree.
cd python/tests
env -u NAZIF_BINARY PYSPARK_PYTHON="$(cd ../.. && pwd)/$VENV/bin/python" \
    "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider --rootdir=. .
