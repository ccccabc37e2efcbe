#!/usr/bin/env bash
# Behaviour check for refactors: runs two nazif binaries on the same inputs and compares every
# output byte for byte (clean, --explain, learn tables, normalize, tokenize, translit, names).
#   Tools/identity/compare_binaries.sh OLD_NAZIF NEW_NAZIF [CORPUS_DIR]
# CORPUS_DIR defaults to /tmp/nazif-compare (python3 Benchmarks/compare/make_corpus.py makes it).
# Reads ../shared/eval when present (CNN page, SaudiNewsNet); writes nothing into the repository.
set -uo pipefail
old=$1 new=$2 corpus=${3:-/tmp/nazif-compare}
repo=$(cd "$(dirname "$0")/../.." && pwd)
eval_dir="$repo/../shared/eval"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
status=0
check() {  # name, then the command line after the binary
    local name=$1; shift
    "$old" "$@" > "$work/old.out" 2> "$work/old.err"; local old_rc=$?
    "$new" "$@" > "$work/new.out" 2> "$work/new.err"; local new_rc=$?
    if [ $old_rc != $new_rc ] || ! cmp -s "$work/old.out" "$work/new.out"; then
        echo "DIFFERS  $name (exit $old_rc vs $new_rc)"; status=1
    else
        echo "same     $name ($(wc -c < "$work/new.out") bytes)"
    fi
}
seeds=("$repo"/seeds/*.txt)
check "clean seeds" clean "${seeds[@]}"
check "clean --explain seeds" clean --explain-file /dev/stdout -o /dev/null "${seeds[@]}"
check "learn seeds" learn -o /dev/stdout "${seeds[@]}"
if [ -d "$eval_dir/boilerplate/cnn-arabic" ]; then
    check "clean cnn" clean "$eval_dir/boilerplate/cnn-arabic/page_fulltext.txt"
    check "clean --explain cnn" clean --explain-file /dev/stdout -o /dev/null "$eval_dir/boilerplate/cnn-arabic/page_fulltext.txt"
fi
snn="$eval_dir/boilerplate/saudinewsnet/articles.jsonl"
if [ -f "$snn" ]; then
    check "clean saudinewsnet" clean --jsonl --field content --group-by source "$snn"
    check "clean --explain saudinewsnet" clean --jsonl --field content --group-by source --explain-file /dev/stdout -o /dev/null "$snn"
    check "learn saudinewsnet" learn --jsonl --field content --group-by source -o /dev/stdout "$snn"
fi
if [ -f "$corpus/corpus.jsonl" ]; then
    check "clean corpus.jsonl" clean --jsonl --field text "$corpus/corpus.jsonl"
    check "clean --explain corpus.jsonl" clean --jsonl --field text --explain-file /dev/stdout -o /dev/null "$corpus/corpus.jsonl"
    check "learn corpus.jsonl" learn --jsonl --field text -o /dev/stdout "$corpus/corpus.jsonl"
    check "clean --lines corpus.txt" clean --lines "$corpus/corpus.txt"
    for profile in display search key; do check "normalize $profile" normalize --profile $profile "$corpus/corpus.txt"; done
    check "tokenize" tokenize "$corpus/corpus.txt"
    check "tokenize --sentences" tokenize --sentences "$corpus/corpus.txt"
    for scheme in buckwalter safebw xmlbw hsb; do check "translit $scheme" translit --scheme $scheme "$corpus/corpus.txt"; done
    check "translit icu" translit --scheme "icu:Any-Latin; Latin-ASCII" "${seeds[@]}"
    head -200000 "$corpus/names.txt" > "$work/names.txt"
    check "names key" names key "$work/names.txt"
    check "names romanize" names romanize "$work/names.txt"
fi
check "names find seeds" names find "${seeds[@]}"
exit $status
