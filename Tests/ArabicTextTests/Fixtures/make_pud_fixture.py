#!/usr/bin/env python3
"""Derive the orthographic-word gold of UD Arabic-PUD (CC BY-SA 3.0) for the tokenizer tests.

Reads ar_pud-ud-test.conllu (from ../shared/eval/tokenization, or the path given) and writes
pud_orthographic.tsv: sent_id <TAB> text <TAB> gold tokens separated by U+0020.

Orthographic words are the text split at white space with punctuation split off: consecutive
non-punctuation tokens joined when the first carries SpaceAfter=No (clitics ب ال، نشرت ها are
rejoined), every PUNCT token on its own. Each gold token is checked against the sentence text:
the tokens, in order, must spell the text exactly once spaces are skipped.
"""
import sys
from pathlib import Path

source = Path(sys.argv[1] if len(sys.argv) > 1 else
              Path(__file__).resolve().parents[3] / "../shared/eval/tokenization/ar_pud-ud-test.conllu")
out = Path(__file__).with_name("pud_orthographic.tsv")

rows = []
sent_id = text = None
tokens = []
word = ""

def flush():
    global word
    if word:
        tokens.append(word)
        word = ""

for line in source.read_text(encoding="utf-8").splitlines():
    if line.startswith("# sent_id = "):
        sent_id = line.split("= ", 1)[1]
    elif line.startswith("# text = "):
        text = line.split("= ", 1)[1]
    elif line and line[0].isdigit():
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form, upos, misc = cols[1], cols[3], cols[9]
        if upos == "PUNCT":
            flush()
            tokens.append(form)
        else:
            word += form
            if "SpaceAfter=No" not in misc.split("|"):
                flush()
    elif not line.strip() and sent_id is not None:
        flush()
        # Check that the tokens spell the text.
        position = 0
        for token in tokens:
            while position < len(text) and text[position].isspace():
                position += 1
            if text[position:position + len(token)] != token:
                raise SystemExit(f"{sent_id}: token {token!r} does not match text at {position}: "
                                 f"{text[position:position + 20]!r}")
            position += len(token)
        rows.append(f"{sent_id}\t{text}\t{' '.join(tokens)}")
        sent_id, text, tokens = None, None, []

out.write_text("# UD Arabic-PUD orthographic words, derived by make_pud_fixture.py. CC BY-SA 3.0.\n"
               + "\n".join(rows) + "\n", encoding="utf-8")
print(f"{len(rows)} sentences, {sum(len(r.split(chr(9))[2].split(' ')) for r in rows)} tokens -> {out}")
