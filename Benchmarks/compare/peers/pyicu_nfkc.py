#!/usr/bin/env python3
"""Peer for the `normalize` row: ICU's NFKC normalizer through PyICU.

Per line: Normalizer2.getNFKCInstance().normalize(line).  This is only Unicode
compatibility normalization (no Arabic-specific folding): it is the floor of
what a C++ library costs when called line by line from Python.
Usage: pyicu_nfkc.py FILE > out
"""

import sys

from icu import Normalizer2


def main() -> None:
    nfkc = Normalizer2.getNFKCInstance()
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            out.write(nfkc.normalize(line.rstrip("\n")))
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
