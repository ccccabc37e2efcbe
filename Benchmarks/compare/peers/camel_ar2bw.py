#!/usr/bin/env python3
"""Peer for the `translit` row: CAMeL Tools' Arabic -> Buckwalter mapper.

Per line: CharMapper.builtin_mapper('ar2bw').map_string(line).
Usage: camel_ar2bw.py FILE > out
"""

import sys

from camel_tools.utils.charmap import CharMapper


def main() -> None:
    ar2bw = CharMapper.builtin_mapper("ar2bw")
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            out.write(ar2bw.map_string(line.rstrip("\n")))
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
