#!/usr/bin/env python3
"""Peer for the `translit` row: ICU's Arabic-Latin transliterator via PyICU.

Per line: Transliterator.createInstance('Arabic-Latin').transliterate(line).
(ICU's scheme is not Buckwalter, it is a romanization; the row compares cost,
not output.)
Usage: pyicu_arabic_latin.py FILE > out
"""

import sys

from icu import Transliterator


def main() -> None:
    tr = Transliterator.createInstance("Arabic-Latin")
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            out.write(tr.transliterate(line.rstrip("\n")))
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
