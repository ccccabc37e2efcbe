#!/bin/sh
# Max RSS of `nazif clean` beside input size, for each input shape (issue 16): one document
# (a plain file; refused with exit 65 past --max-document-size, 64 MiB by default), many
# documents (the seeds between form feeds), one line (the same text with its line breaks as spaces, plain and --lines),
# many tiny lines (plain and --lines), JSON Lines (--jsonl, one article a record). Inputs are made from
# seeds/*.txt, repeated to SIZE_MB megabytes (default 100), in $TMPDIR; removed afterwards.
# Usage: Tools/reliability/memory.sh [SIZE_MB] [NAZIF]   (NAZIF default .build/release/nazif)
set -eu
size_mb=${1:-100}
nazif=${2:-.build/release/nazif}
work=$(mktemp -d "${TMPDIR:-/tmp}/nazif-memory-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
python3 - "$work" "$size_mb" <<'PY'
import glob, json, sys
work, size = sys.argv[1], int(sys.argv[2]) << 20
articles = [open(f, 'rb').read() for f in sorted(glob.glob('seeds/*.txt'))]
text = b''.join(articles)
def make(name, piece):
    with open(f'{work}/{name}', 'wb') as f:
        n = 0
        while n < size:
            f.write(piece); n += len(piece)
make('document.txt', text)
make('documents.txt', b'\f\n'.join(articles) + b'\f\n')
make('line.txt', text.replace(b'\n', b' '))
make('tiny.txt', b''.join(w + b'\n' for w in text.split()[:4000]))
make('records.jsonl', b''.join(json.dumps({'url': f'https://s{i % 3}.example/a', 'text': a.decode()},
                                          ensure_ascii=False).encode() + b'\n' for i, a in enumerate(articles)))
PY
printf '%-30s %10s %12s %8s %5s\n' shape input_MB max_RSS_MB ratio exit
run() {
    shape=$1; file=$2; shift 2
    bytes=$(wc -c < "$work/$file")
    /usr/bin/time -v -o "$work/time" "$nazif" clean "$@" "$work/$file" -o "$work/out" 2>"$work/err" >/dev/null \
        && status=0 || status=$?
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    awk -v s="$shape" -v b="$bytes" -v r="$rss" -v x="$status" \
        'BEGIN { printf "%-30s %10.0f %12.0f %8.2f %5d\n", s, b/1048576, r/1024, r*1024/b, x }'
}
run "one document (plain)" document.txt
run "many documents (form feeds)" documents.txt
run "one line (plain)" line.txt
run "one line (--lines)" line.txt --lines
run "tiny lines (plain)" tiny.txt
run "tiny lines (--lines)" tiny.txt --lines
run "JSON Lines (--jsonl)" records.jsonl --jsonl
