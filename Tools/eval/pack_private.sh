#!/usr/bin/env bash
# Pack the private evaluation pages (never committed) so another machine can unpack them:
#   Tools/eval/pack_private.sh [OUT]   (default /tmp/nazif-eval-private.tar.gz)
#   tar xzf OUT -C ~/.cache/nazif      (unpacks eval-boilerplate-private/)
set -euo pipefail
src="${NAZIF_EVAL_PRIVATE:-$HOME/.cache/nazif/eval-boilerplate-private}"
out="${1:-/tmp/nazif-eval-private.tar.gz}"
[ -d "$src" ] || { echo "pack_private: no folder $src" >&2; exit 66; }
tmp="$out.tmp.$$"
tar czf "$tmp" -C "$(dirname "$src")" "$(basename "$src")"
mv "$tmp" "$out"
echo "pack_private: $(find "$src" -name '*.labels' | wc -l) labelled pages -> $out"
