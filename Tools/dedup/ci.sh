#!/usr/bin/env bash
# CI for nazif dedup (measured 0.3 s after `make test`, which builds .build/debug/nazif). Checks
# that signatures + clusters + apply give the same output as one `nazif dedup` over the same
# inputs, and that a second copy of every seed document is removed. No pip/apt packages.
set -euo pipefail
N=.build/debug/nazif
test -x "$N" || swift build --product nazif
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for f in seeds/*.txt; do python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1]).read()}, ensure_ascii=False))' "$f"; done > "$T/a.jsonl"
cat "$T/a.jsonl" "$T/a.jsonl" > "$T/b.jsonl"
"$N" dedup --jsonl "$T/a.jsonl" "$T/b.jsonl" > "$T/one.jsonl"
cmp "$T/one.jsonl" "$T/a.jsonl"
"$N" dedup signatures --jsonl --source a -o "$T/a.sig" "$T/a.jsonl"
"$N" dedup signatures --jsonl --source b -o "$T/b.sig" "$T/b.jsonl"
"$N" dedup clusters "$T/a.sig" "$T/b.sig" -o "$T/r.tsv"
{ "$N" dedup apply --removals "$T/r.tsv" --source a "$T/a.jsonl"; "$N" dedup apply --removals "$T/r.tsv" --source b "$T/b.jsonl"; } | cmp - "$T/one.jsonl"
echo "dedup ci: ok"
