#!/usr/bin/env python3
"""Build the benchmark corpus for `make compare`.

The corpus is made from the seed articles in <repo>/seeds/*.txt (five Arabic
news articles).  They are repeated until the plain-text corpus reaches
--size bytes, but every copy is edited a little with a seeded RNG (adjacent
words swapped, a word replaced by another seed word, a number inserted, a
word given diacritics or a tatweel), so that no two copies are identical and
no tool can win by caching whole lines or documents.  Roughly --edit-rate of
the lines of each copy are edited; the rest repeat earlier copies verbatim,
which gives the line-dedup row real duplicates to drop.

Outputs (in --out, default /tmp/nazif-compare):
  corpus.txt     all articles, one text line per line (input of the
                 normalize / tokenize / translit rows)
  corpus.jsonl   one article per line: {"id", "url", "text"}, text holding the
                 article with "\\n"-separated lines (input of the clean row);
                 the urls use a handful of fake hosts so grouping by host
                 means something
  names.txt      person / place names, one per line, 2-3 name tokens each
                 (input of the names-key row)
  manifest.json  the parameters and the files' sizes; compare.py reads it to
                 decide whether the corpus must be rebuilt

Everything is deterministic for a given set of parameters and seed files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_SEEDS = REPO / "seeds"
# shared/ sits beside the repository (in CI too).
DEFAULT_NAME_TOKENS = REPO.parent / "shared" / "eval" / "names" / "wikidata_name_tokens.tsv"

# Bump when the generation logic changes, so stale corpora are rebuilt.
GENERATOR_VERSION = 1

ARABIC_LETTER = re.compile(r"^[\u0621-\u064A\u0671-\u06D3]+$")
HARAKAT = ["\u064E", "\u064F", "\u0650", "\u0652", "\u0651", "\u064B", "\u064D"]
TATWEEL = "\u0640"
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
HOSTS = [f"site-{n}.example" for n in range(1, 9)]
SECTIONS = ["news", "world", "economy", "sport", "culture", "opinion"]


def read_seeds(seed_dir: Path) -> list[list[str]]:
    """Each seed article as a list of lines (trailing blank lines dropped)."""
    files = sorted(seed_dir.glob("*.txt"))
    if not files:
        sys.exit(f"make_corpus: no seed articles in {seed_dir}")
    articles = []
    for f in files:
        lines = f.read_text(encoding="utf-8").split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        articles.append(lines)
    return articles


def arabic_words(articles: list[list[str]]) -> list[str]:
    """Distinct all-Arabic-letter words of the seeds (the replacement pool)."""
    words = {w for art in articles for line in art for w in line.split() if ARABIC_LETTER.match(w)}
    return sorted(words)


class Editor:
    """Applies small random edits to a line's words."""

    def __init__(self, rng: random.Random, vocab: list[str]):
        self.rng = rng
        self.vocab = vocab
        self.ops = [self.swap, self.replace, self.number, self.diacritize, self.tatweel]

    def edit(self, line: str, n_edits: int) -> str:
        words = line.split(" ")
        if len([w for w in words if w]) < 2:
            # Too short to shuffle: just append a number so the line changes.
            return line + " " + str(self.rng.randint(1, 9999))
        for _ in range(n_edits):
            self.rng.choice(self.ops)(words)
        return " ".join(words)

    def _pick(self, words: list[str]) -> int:
        return self.rng.randrange(len(words))

    def swap(self, words: list[str]) -> None:
        i = self.rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]

    def replace(self, words: list[str]) -> None:
        words[self._pick(words)] = self.rng.choice(self.vocab)

    def number(self, words: list[str]) -> None:
        num = str(self.rng.randint(1, 99999))
        if self.rng.random() < 0.3:  # some Arabic-Indic digits, as in real news text
            num = num.translate(ARABIC_INDIC_DIGITS)
        words.insert(self._pick(words), num)

    def diacritize(self, words: list[str]) -> None:
        i = self._pick(words)
        w = words[i]
        if ARABIC_LETTER.match(w):
            words[i] = "".join(c + (self.rng.choice(HARAKAT) if self.rng.random() < 0.6 else "") for c in w)
        else:
            self.replace(words)

    def tatweel(self, words: list[str]) -> None:
        i = self._pick(words)
        w = words[i]
        if ARABIC_LETTER.match(w) and len(w) >= 3:
            k = self.rng.randrange(1, len(w) - 1)
            words[i] = w[:k] + TATWEEL * self.rng.randint(1, 3) + w[k:]
        else:
            self.swap(words)


def build(args: argparse.Namespace) -> dict:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    seeds = read_seeds(Path(args.seeds))
    vocab = arabic_words(seeds)
    editor = Editor(rng, vocab)

    txt_bytes = 0
    txt_lines = 0
    n_docs = 0
    with open(out / "corpus.txt", "w", encoding="utf-8", newline="\n") as txt, \
         open(out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as jsonl:
        copy = 0
        while txt_bytes < args.size:
            for art in seeds:
                lines = list(art)
                editable = [i for i, l in enumerate(lines) if len(l.split()) >= 1]
                edited = False
                for i in editable:
                    if rng.random() < args.edit_rate:
                        lines[i] = editor.edit(lines[i], rng.randint(1, 2))
                        edited = True
                if not edited and editable:  # every copy differs from every other
                    i = editable[0]
                    lines[i] = editor.edit(lines[i], 1)
                text = "\n".join(lines)
                chunk = text + "\n"
                txt.write(chunk)
                txt_bytes += len(chunk.encode("utf-8"))
                txt_lines += len(lines)
                doc_id = f"doc-{n_docs:07d}"
                url = f"https://{rng.choice(HOSTS)}/{rng.choice(SECTIONS)}/{2020 + copy % 5}/{n_docs:07d}.html"
                jsonl.write(json.dumps({"id": doc_id, "url": url, "text": text}, ensure_ascii=False) + "\n")
                n_docs += 1
                if txt_bytes >= args.size:
                    break
            copy += 1

    # Names: 2-3 tokens per line from the Wikidata name-token list (column 2,
    # letters separated by spaces there), or from the seed words if missing.
    tokens = name_tokens(Path(args.name_tokens)) or vocab
    names_bytes = 0
    with open(out / "names.txt", "w", encoding="utf-8", newline="\n") as nf:
        buf = []
        for n in range(args.names):
            k = 2 if rng.random() < 0.6 else 3
            buf.append(" ".join(rng.choices(tokens, k=k)))
            if len(buf) == 10000 or n == args.names - 1:
                chunk = "\n".join(buf) + "\n"
                nf.write(chunk)
                names_bytes += len(chunk.encode("utf-8"))
                buf = []

    manifest = {
        "generator_version": GENERATOR_VERSION,
        "params": params_of(args),
        "files": {
            "corpus.txt": {"bytes": txt_bytes, "lines": txt_lines},
            "corpus.jsonl": {"bytes": (out / "corpus.jsonl").stat().st_size, "lines": n_docs},
            "names.txt": {"bytes": names_bytes, "lines": args.names},
        },
        "name_tokens_source": str(args.name_tokens) if tokens is not vocab else "seed words",
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def name_tokens(path: Path) -> list[str]:
    """Column 2 of the Wikidata name-token TSV with its spaces removed."""
    if not path.is_file():
        return []
    toks = set()
    with open(path, encoding="utf-8") as f:
        for row in f:
            cols = row.rstrip("\n").split("\t")
            if len(cols) >= 2:
                t = cols[1].replace(" ", "")
                if t and ARABIC_LETTER.match(t):
                    toks.add(t)
    return sorted(toks)


def params_of(args: argparse.Namespace) -> dict:
    """The parameters that determine the output (compared by compare.py)."""
    return {
        "size": args.size,
        "names": args.names,
        "seed": args.seed,
        "edit_rate": args.edit_rate,
    }


def default_names(size: int) -> int:
    """1M names for the default 20 MB corpus, scaled with --size."""
    return max(1000, size // 20)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default="/tmp/nazif-compare", help="output directory (default %(default)s)")
    p.add_argument("--size", type=int, default=20_000_000, help="target size of corpus.txt in bytes (default %(default)s)")
    p.add_argument("--names", type=int, default=None, help="lines in names.txt (default size/20, i.e. 1M for 20 MB)")
    p.add_argument("--seed", type=int, default=20240601, help="RNG seed (default %(default)s)")
    p.add_argument("--edit-rate", type=float, default=0.6, help="share of lines edited in each copy (default %(default)s)")
    p.add_argument("--seeds", default=str(DEFAULT_SEEDS), help="folder of seed articles (default %(default)s)")
    p.add_argument("--name-tokens", default=str(DEFAULT_NAME_TOKENS), help="Wikidata name-token TSV (default %(default)s)")
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    if args.names is None:
        args.names = default_names(args.size)
    m = build(args)
    for name, info in m["files"].items():
        print(f"{args.out}/{name}: {info['bytes']:,} bytes, {info['lines']:,} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
