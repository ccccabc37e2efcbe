#!/bin/sh
# Checks a self-contained nazif binary: ldd names no libicu and no libswift, and with
# LD_LIBRARY_PATH pointing nowhere it cleans every seed into exactly seeds/expected/NNN.clean.txt.
# Usage: Tools/dist/check_dist.sh dist/nazif-VERSION-linux-ARCH/nazif   (from the repository root)
set -eu
bin=${1:?usage: check_dist.sh BINARY}
[ -x "$bin" ] || { echo "check_dist: $bin is not an executable" >&2; exit 1; }
libs=$(ldd "$bin" 2>&1 || true)
echo "$libs" | sed 's/^/  ldd: /'
if echo "$libs" | grep -Eiq 'libicu|libswift|not found'; then
    echo "check_dist: FAIL: $bin still needs ICU or Swift libraries" >&2; exit 1
fi
failed=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for seed in seeds/[0-9]*.txt; do
    n=$(basename "$seed" .txt | cut -c1-3)
    LD_LIBRARY_PATH=/nonexistent "$bin" clean "$seed" > "$tmp/$n.clean.txt" \
        || { echo "check_dist: FAIL: clean $seed exited $?" >&2; failed=1; continue; }
    if cmp -s "$tmp/$n.clean.txt" "seeds/expected/$n.clean.txt"; then
        echo "  ok: $seed"
    else
        echo "check_dist: FAIL: $seed differs from seeds/expected/$n.clean.txt" >&2; failed=1
    fi
done
[ "$failed" = 0 ] && echo "check_dist: $bin is self-contained and cleans the seeds as expected"
exit "$failed"
