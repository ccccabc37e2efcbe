#!/usr/bin/env python3
"""Peer for the `normalize` row: PyArabic's usual normalization chain.

Per line: araby.strip_tashkeel -> araby.strip_tatweel -> araby.normalize_hamza,
one output line per input line.
Usage: pyarabic_normalize.py FILE > out
"""

import sys

from pyarabic import araby


def main() -> None:
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            s = araby.strip_tashkeel(line.rstrip("\n"))
            s = araby.strip_tatweel(s)
            s = araby.normalize_hamza(s)
            out.write(s)
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
