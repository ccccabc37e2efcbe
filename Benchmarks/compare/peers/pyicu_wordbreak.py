#!/usr/bin/env python3
"""Peer for the `tokenize` row: ICU's word BreakIterator (locale ar) via PyICU.

Per line: the segments between word boundaries that are not whitespace
(words, numbers and punctuation) joined by single spaces.
ICU reports boundaries as UTF-16 offsets; they equal Python string indices
unless the line has characters outside the BMP (emoji...), in which case the
line is sliced as an icu.UnicodeString instead.
Usage: pyicu_wordbreak.py FILE > out
"""

import sys

from icu import BreakIterator, Locale, UnicodeString


def segments(bi, line: str) -> list[str]:
    bi.setText(line)
    text = line if max(line) <= "\uffff" else UnicodeString(line)
    toks = []
    start = bi.first()
    for end in bi:
        seg = str(text[start:end])
        if not seg.isspace():
            toks.append(seg)
        start = end
    return toks


def main() -> None:
    bi = BreakIterator.createWordInstance(Locale("ar"))
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                out.write(" ".join(segments(bi, line)))
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
