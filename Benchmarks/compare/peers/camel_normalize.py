#!/usr/bin/env python3
"""Peer for the `normalize` row: CAMeL Tools' usual normalization chain.

Per line: normalize_unicode -> normalize_alef_ar -> normalize_alef_maksura_ar
-> normalize_teh_marbuta_ar -> dediac_ar, one output line per input line.
Usage: camel_normalize.py FILE > out
"""

import sys

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)


def main() -> None:
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            s = normalize_unicode(line.rstrip("\n"))
            s = normalize_alef_ar(s)
            s = normalize_alef_maksura_ar(s)
            s = normalize_teh_marbuta_ar(s)
            s = dediac_ar(s)
            out.write(s)
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
