#!/bin/sh
# Reliability CI (issue 16), run from the repository root after `make test` (which already runs
# Tests/NazifCLITests/ReliabilityCLITests.swift and Tests/BoilerplateTests/CraftedTableTests.swift):
# a libFuzzer smoke pass, 10 s per harness, so the harnesses cannot rot. Needs nothing beyond
# the Swift toolchain (its ld.lld and libFuzzer runtime). Measured duration: about 1 min 40 s
# on 2 shared cores with a fresh Fuzz/.build (the ASan build ~45 s, then 5 targets × 10 s).
set -eu
Tools/reliability/fuzz.sh 10
