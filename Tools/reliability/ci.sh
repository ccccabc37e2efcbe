#!/bin/sh
# Reliability CI (issue 16), run from the repository root after `make test` (which already runs
# Tests/NazifCLITests/ReliabilityCLITests.swift and Tests/BoilerplateTests/CraftedTableTests.swift):
# a libFuzzer smoke pass, 5 s per harness, so the harnesses cannot rot. Needs nothing beyond
# the Swift toolchain (its ld.lld and libFuzzer runtime). Duration: the ASan build (~45 s on 2
# shared cores with a fresh Fuzz/.build) and 12 targets × 5 s: 82 s measured with the build
# done and a fresh corpus (a corpus grown by long runs makes it slower: 356 s, the slow
# targets reading every input first).
set -eu
Tools/reliability/fuzz.sh 5
