#!/usr/bin/env python3
"""Writes Sources/ArabicText/Data/name_common_words.txt: frequent Arabic words that are not names,
for NameFinder (a name list also holds مكان McCann, مرة Murrah, مطعم Mutim as name tokens).

    python3 Tools/names/common_words.py [--eval-dir ../shared/eval]

From two corpora whose licences allow copying word lists with a notice:
  - UD Arabic-PUD (CC BY-SA 3.0): every syntactic word tagged other than PROPN/X/PUNCT/NUM more
    often than PROPN;
  - Tashkeela test set of github.com/AliOsm/arabic-text-diacritization (MIT): words seen at least
    3 times (tashkeel removed), unless PUD tags them PROPN mostly.
Words of two letters or less are left out (the finder never takes them alone). Standard library only.
"""
import argparse, collections, pathlib, re

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources" / "ArabicText" / "Data" / "name_common_words.txt"
MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
WORD = re.compile("^[\u0621-\u064a]{3,}$")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    eval_dir = pathlib.Path(parser.parse_args().eval_dir)
    tags = collections.defaultdict(collections.Counter)
    for line in open(eval_dir / "tokenization" / "ar_pud-ud-test.conllu", encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) == 10 and fields[0].isdigit():
            word = MARKS.sub("", fields[1])
            if WORD.match(word):
                tags[word]["PROPN" if fields[3] == "PROPN" else fields[3]] += 1
    words = set()
    for word, counter in tags.items():
        common = sum(n for tag, n in counter.items() if tag not in ("PROPN", "X", "PUNCT", "NUM"))
        if common > counter["PROPN"]:
            words.add(word)
    counts = collections.Counter()
    for line in open(eval_dir / "normalization" / "tashkeela_test.txt", encoding="utf-8"):
        for token in re.findall("[\u0621-\u064a\u064b-\u0652\u0670\u0640]+", line):
            counts[MARKS.sub("", token)] += 1
    for word, n in counts.items():
        if n >= 3 and WORD.match(word) and tags[word]["PROPN"] * 2 <= sum(tags[word].values()):
            words.add(word)
    header = [
        "Frequent Arabic words that are not names (NameFinder). Written by Tools/names/common_words.py;",
        "do not edit by hand. One word a line, as written in the corpora (tashkeel removed).",
        "From: UD Arabic-PUD (github.com/UniversalDependencies/UD_Arabic-PUD, commit",
        "be733f45d21f42d506c62930f806ed2182a5ee3d), CC BY-SA 3.0",
        "(https://creativecommons.org/licenses/by-sa/3.0/): words PUD tags other than PROPN mostly.",
        "And the Tashkeela test set of github.com/AliOsm/arabic-text-diacritization (commit",
        "e083579c03e489936200b69d792fd426bb576743), MIT License, Copyright (c) 2019 Arabic Text",
        "Diacritization Using Deep Neural Networks: words seen at least 3 times.",
        "This list is a derived work of UD Arabic-PUD and is shared under CC BY-SA 3.0.",
        f"Words: {len(words)}.",
    ]
    OUT.write_text("".join(f"# {h}\n" for h in header) + "".join(w + "\n" for w in sorted(words)), encoding="utf-8")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
