#!/usr/bin/env python3
"""Peer for the `clean` row: CCNet-style exact line dedup over a JSONL corpus.

For each document (one JSON object per line, article in field "text"):
json.loads, split the text into lines, normalize each line the way CCNet's
text_normalizer.normalize(line, accent=True, case=True, numbers=True, punct=2)
does (strip, lowercase, NFD + drop combining marks, digits -> 0, remove
Unicode punctuation and non-printing characters), hash the normalized line
(first 8 bytes of SHA-1, as CCNet's str_hash), and drop every line whose hash
was already seen earlier in the file.  Empty lines are kept as they are;
documents left with no text are dropped.  The rest is written back with
json.dumps.  Pure standard library, single process.
Usage: python_dedup.py corpus.jsonl > out.jsonl
"""

import hashlib
import json
import re
import sys
import unicodedata

# The punctuation table of CCNet's text_normalizer (UNICODE_PUNCT keys).
UNICODE_PUNCT = "，。、„”“«»１」「《》´∶：？！（）；–—．～’…━〈〉【】％►"
NON_PRINTING = "".join(map(chr, list(range(0, 32)) + list(range(127, 160))))
PUNCT_OR_NON_PRINTING_RE = re.compile("[" + re.escape(UNICODE_PUNCT + NON_PRINTING) + "]")
DIGIT_RE = re.compile(r"\d")


def strip_accents(line: str) -> str:
    nfd = unicodedata.normalize("NFD", line)
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn")


def normalize(line: str) -> str:
    line = line.strip()
    if not line:
        return line
    line = line.lower()
    line = strip_accents(line)
    line = DIGIT_RE.sub("0", line)
    return PUNCT_OR_NON_PRINTING_RE.sub("", line)


def line_hash(line: str) -> int:
    return int.from_bytes(hashlib.sha1(line.encode("utf-8")).digest()[:8], "little")


def main() -> None:
    seen: set[int] = set()
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for raw in f:
            doc = json.loads(raw)
            kept = []
            for line in doc["text"].split("\n"):
                norm = normalize(line)
                if not norm:
                    kept.append(line)
                    continue
                h = line_hash(norm)
                if h in seen:
                    continue
                seen.add(h)
                kept.append(line)
            text = "\n".join(kept).strip()
            if not text:
                continue
            doc["text"] = text
            out.write(json.dumps(doc, ensure_ascii=False))
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
