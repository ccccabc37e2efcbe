#!/usr/bin/env bash
# Create the Python venv holding the peer libraries that `make compare`
# measures Nazif against.  The venv lives OUTSIDE the repository:
#
#   NAZIF_PEERS_VENV   venv folder (default ~/.cache/nazif/peers-venv)
#   NAZIF_PEERS_PYTHON interpreter that creates it (default python3, >= 3.10)
#
# Idempotent: a stamp file inside the venv records what was installed; when
# it matches this script's package list the script exits at once.  Delete the
# venv (or change a pin below) to reinstall.
#
# Needs PyPI only.  PyICU has no binary wheel for Linux: pip compiles it
# against the system ICU, which needs a C++ compiler, pkg-config and the ICU
# headers (Debian: apt-get install g++ pkg-config libicu-dev python3-dev
# python3-venv).  The build takes ~5 minutes on one core; pip caches the wheel.
set -euo pipefail

VENV="${NAZIF_PEERS_VENV:-$HOME/.cache/nazif/peers-venv}"
PYTHON="${NAZIF_PEERS_PYTHON:-python3}"

# Top-level pins: the versions the harness was checked with.  Transitive
# dependencies are left to pip.
CAMEL_TOOLS=camel-tools==1.6.0
PYARABIC=pyarabic==0.6.15
PYICU=PyICU==2.17
DATATROVE=datatrove==0.10.1
SPACY=spacy==3.8.18

# Everything that decides the venv's content; a change forces a reinstall.
SPEC="v1 $CAMEL_TOOLS $PYARABIC $PYICU $DATATROVE $SPACY $("$PYTHON" -c 'import sys; print(sys.version.split()[0])')"
STAMP="$VENV/.nazif-peers-stamp"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$SPEC" && -x "$VENV/bin/python" ]]; then
    echo "setup_peers: $VENV is up to date"
    exit 0
fi

# --- prerequisites of the PyICU build -------------------------------------
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=("pkg-config")
if command -v pkg-config >/dev/null 2>&1 && ! pkg-config --exists icu-uc icu-i18n; then
    missing+=("libicu-dev")
fi
command -v c++ >/dev/null 2>&1 || command -v g++ >/dev/null 2>&1 || missing+=("g++")
"$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=("python3-venv")
if [[ ! -f "$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')/Python.h" ]]; then
    missing+=("python3-dev")
fi
if (( ${#missing[@]} )); then
    echo "setup_peers: missing prerequisites: ${missing[*]}" >&2
    echo "  on Debian/Ubuntu: apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "setup_peers: building against ICU $(pkg-config --modversion icu-uc) with $("$PYTHON" --version)"

# --- the venv --------------------------------------------------------------
rm -f "$STAMP"
mkdir -p "$(dirname "$VENV")"
[[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip install --disable-pip-version-check --quiet)
echo "setup_peers: (pip's resolver will list camel-tools' and datatrove's unmet" \
     "dependencies: expected, they are left out on purpose, see below)"

# CAMeL Tools: only the pure-Python utilities are used (normalize, dediac,
# charmap, simple_word_tokenize).  Its declared dependencies include torch,
# transformers, scikit-learn, pandas... which those modules never import, so
# it is installed without them plus the three small modules they do import.
"${PIP[@]}" --no-deps "$CAMEL_TOOLS" six emoji regex

# PyArabic (pure Python).
"${PIP[@]}" "$PYARABIC"

# PyICU, compiled against the system ICU (found through pkg-config/icu-config).
"${PIP[@]}" "$PYICU"

# datatrove: its core dependencies include multiprocess and dill, which the
# filter does not need.  `from datatrove.pipeline.filters import
# C4QualityFilter` imports (through datatrove.io and the other filters in the
# package) numpy, loguru, fsspec, huggingface_hub, humanize, tqdm and regex;
# C4QualityFilter's sentence count then needs spaCy (blank "ar" pipeline +
# rule-based sentencizer: no model download).
"${PIP[@]}" --no-deps "$DATATROVE"
"${PIP[@]}" numpy loguru fsspec huggingface_hub humanize tqdm regex "$SPACY"

# --- smoke test --------------------------------------------------------------
"$VENV/bin/python" - <<'EOF'
from camel_tools.utils.normalize import normalize_unicode
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.charmap import CharMapper
from camel_tools.tokenizers.word import simple_word_tokenize
from pyarabic import araby
import icu
from datatrove.data import Document
from datatrove.pipeline.filters import C4QualityFilter
from datatrove.utils.typeshelper import Languages

assert dediac_ar("كَتَبَ") == "كتب"
assert CharMapper.builtin_mapper("ar2bw").map_string("كتب") == "ktb"
assert simple_word_tokenize("قال، ثم") == ["قال", "،", "ثم"]
assert araby.strip_tashkeel("كَتَبَ") == "كتب"
assert icu.Normalizer2.getNFKCInstance().normalize("ﻻ") == "لا"
line = "هذه جملة عربية طويلة بما يكفي لتبقى في النص."
doc = Document(text="\n".join([line] * 6), id="x")
assert C4QualityFilter(language=Languages.standard_arabic__arab).filter(doc) is True
print("setup_peers: smoke test passed (ICU %s)" % icu.ICU_VERSION)
EOF

echo "$SPEC" > "$STAMP"
echo "setup_peers: ready: $VENV"
