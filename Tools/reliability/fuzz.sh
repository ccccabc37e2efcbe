#!/bin/sh
# Builds the libFuzzer harnesses (Fuzz/) and runs each for SECONDS seconds (default 60) from a
# seed corpus: seeds/*.txt, Fuzz/Corpus/<target>/ and every regression case in
# Fuzz/Regressions/<target>/. Crashes land in .build/fuzz/artifacts/<target>/; the run stops
# with exit 1 at the first target that crashes.
# Usage: Tools/reliability/fuzz.sh [SECONDS] [TARGET...]     (from the repository root)
# NICE=10 runs the fuzzers at that niceness (the build too), for long runs beside other work.
set -eu
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"FuzzNormalize FuzzTokenize FuzzJSON FuzzTable FuzzClean FuzzUTF8 FuzzOffsets FuzzTranslit FuzzICURules FuzzNames FuzzLexicon FuzzSignatures"}
root=$(pwd)
work="$root/.build/fuzz"
nice=${NICE:-0}
(cd Fuzz && nice -n "$nice" swift build -c debug -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table -Xswiftc -use-ld=lld)
status=0
for target in $targets; do
    corpus="$work/corpus/$target"
    mkdir -p "$corpus" "$work/artifacts/$target"
    cp seeds/*.txt "$corpus/" 2>/dev/null || true
    for dir in "Fuzz/Corpus/$target" "Fuzz/Regressions/$target"; do
        [ -d "$dir" ] && cp "$dir"/* "$corpus/" 2>/dev/null || true
    done
    echo "== $target: $seconds s"
    if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 nice -n "$nice" "Fuzz/.build/debug/$target" \
        -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/$target/" "$corpus" 2>"$work/$target.log"; then
        status=1
        echo "   crashed: see $work/$target.log and $work/artifacts/$target/"
    fi
    grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE|cov:" "$work/$target.log" | tail -2
done
exit $status
