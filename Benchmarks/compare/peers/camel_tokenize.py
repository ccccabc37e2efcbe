#!/usr/bin/env python3
"""Peer for the `tokenize` row: CAMeL Tools' simple_word_tokenize.

Per line: the tokens of simple_word_tokenize(line) joined by single spaces.
Usage: camel_tokenize.py FILE > out
"""

import sys

from camel_tools.tokenizers.word import simple_word_tokenize


def main() -> None:
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            out.write(" ".join(simple_word_tokenize(line.rstrip("\n"))))
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
