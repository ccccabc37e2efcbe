#!/bin/sh
# Browser test of `nazif clean --report`: renders the seeds' report in headless Chromium and
# checks the screenshot (Tests/report/check_screenshot.py): not blank, a removed line's colour,
# the Arabic title shaped (joined) and at the right against the Latin subtitle at the left; and a
# control page whose Arabic letters are kept apart (ZWNJ between them) must fail that last check.
# Installs chromium and fonts-noto-core with apt-get when missing. Run from the repository root
# after a build (uses .build/release/nazif or .build/debug/nazif, else builds the debug one).
# Measured: 16.5 s to 37 s (load of the shared 2-core machine), chromium installed (time sh Tests/report/ci.sh),
# plus the apt-get install the first time.
set -eu
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Naskh Arabic\|Noto Sans Arabic"; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
NAZIF=.build/release/nazif
[ -x "$NAZIF" ] || NAZIF=.build/debug/nazif
[ -x "$NAZIF" ] || { swift build --product nazif; NAZIF=.build/debug/nazif; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$NAZIF" clean --report "$OUT/report.html" -o /dev/null seeds/*.txt

shot() {  # shot PAGE.html PAGE.png
  # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --window-size=1280,2600 --screenshot="$2" "file://$1" >/dev/null 2>&1
  [ -s "$2" ] || { echo "report ci: chromium wrote no screenshot of $1" >&2; exit 1; }
}
shot "$OUT/report.html" "$OUT/report.png"
python3 Tests/report/check_screenshot.py "$OUT/report.png" "$OUT/report.html"

# The control: the same page with every Arabic letter of the title kept apart.
python3 - "$OUT/report.html" "$OUT/control.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
title = re.search(r"<h1>(.*?)</h1>", page).group(1)
apart = "\u200c".join(title)
open(sys.argv[2], "w", encoding="utf-8").write(page.replace(f"<h1>{title}</h1>", f"<h1>{apart}</h1>", 1))
PY
shot "$OUT/control.html" "$OUT/control.png"
if python3 Tests/report/check_screenshot.py "$OUT/control.png" "$OUT/control.html" > "$OUT/control.txt"; then
  cat "$OUT/control.txt"
  echo "report ci: the check passed a page whose Arabic letters are not joined" >&2
  exit 1
fi
grep "arabic title\|FAIL" "$OUT/control.txt"
echo "report ci: OK (the unjoined control was rejected)"
