"""Gold sets for Tools/eval/eval_boilerplate.py: labelled pages (tune, check, holdout), the seeds,
the CNN page and SaudiNewsNet, each a list of Doc (lines with an A/B label each), and the manifest.

`holdout` is the third labelled split, of sites in no other split, that no one tunes on: it is
scored only when named (`--sets holdout`; `all` leaves it out) and never with `--misses`.

    from eval_sets import load_sets
    sets = load_sets(["tune", "check"])
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PRIVATE = Path(os.environ.get("NAZIF_EVAL_PRIVATE",
                              Path.home() / ".cache/nazif/eval-boilerplate-private"))
SHARED = REPO.parent / "shared/eval/boilerplate"
for candidate in (REPO / "../shared/eval/boilerplate", Path("/work/shared/eval/boilerplate")):
    if candidate.is_dir():
        SHARED = candidate.resolve()
        break


class BadData(Exception):
    """A labels file that does not fit its text, or a set that cannot be read."""


@dataclass
class Doc:
    """One document: its lines (1-based numbering as nazif's --explain), gold labels, source."""
    name: str
    site: str
    lines: list[str]
    labels: list[str | None]  # None: an empty line, not scored
    path: Path | None = None  # the plain-text file nazif reads
    html: Path | None = None
    group: str | None = None  # documents cleaned together (one nazif run), e.g. SaudiNewsNet
    kind: str = ""  # manifest kind: article, extract, forum, list, home
    verdicts: dict[str, list[bool]] = field(default_factory=dict)  # tool -> kept per line
    rules: dict[int, str] = field(default_factory=dict)  # nazif: line -> rule


# ---------------------------------------------------------------- gold sets

def read_labels(txt: Path, lab: Path) -> tuple[list[str], list[str | None]]:
    """Lines of `txt` and the label of each from `lab` (one A or B per line; blank lines None)."""
    lines = txt.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    raw = lab.read_text(encoding="utf-8").split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    if len(raw) != len(lines):
        raise BadData(f"{lab}: {len(raw)} labels for {len(lines)} lines of {txt.name}")
    labels: list[str | None] = []
    for number, (line, label) in enumerate(zip(lines, raw), 1):
        label = label.strip()[:1]
        if blank(line):
            labels.append(None)
        elif label in ("A", "B"):
            labels.append(label)
        else:
            raise BadData(f"{lab}:{number}: label {label!r} is neither A nor B")
    return lines, labels


LABELS = REPO / "eval/boilerplate/labels"


def text_sha256(path: Path) -> str:
    """The SHA-256 of a page text, as `sha256sum` prints it (the manifest's text_sha256 column)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def labels_for(split: str, txt: Path) -> Path | None:
    """The labels of a page text: beside it (the old private layout) or committed under
    eval/boilerplate/labels/SPLIT/ (the text may live elsewhere; only the labels are ours)."""
    beside = txt.with_suffix(".labels")
    if beside.exists():
        return beside
    committed = LABELS / split / (txt.stem + ".labels")
    return committed if committed.exists() else None


def labelled_dir(split: str, roots: list[Path], sha256: dict[str, str] | None = None) -> list[Doc]:
    """Every page of `split` that has both a text (in one of `roots`) and labels. When `sha256`
    (manifest file -> text_sha256) names a page, its text must have that digest: a refetched
    page that changed would otherwise be scored against labels made for other lines."""
    docs = []
    seen: set[str] = set()
    for root in roots:
        folder = root / split
        if not folder.is_dir():
            continue
        for txt in sorted(folder.glob("*.txt")):
            if txt.stem in seen:
                continue
            lab = labels_for(split, txt)
            if lab is None:
                continue
            want = (sha256 or {}).get(f"{split}/{txt.name}", "")
            if want and want != "-" and text_sha256(txt) != want:
                raise BadData(f"{txt}: its SHA-256 is not the manifest's text_sha256 {want[:12]}...: the page "
                              f"text changed since it was labelled (refetch it as Tools/eval/RECOVER.md says)")
            lines, labels = read_labels(txt, lab)
            html = txt.with_suffix(".html")
            site = re.sub(r"-\d+$", "", txt.stem)
            seen.add(txt.stem)
            docs.append(Doc(f"{split}/{txt.stem}", site, lines, labels, txt,
                            html if html.exists() else None))
    return docs


def missing_texts(split: str, roots: list[Path]) -> list[str]:
    """Committed labels whose page text is in none of `roots` (to refetch, Tools/eval/RECOVER.md)."""
    folder = LABELS / split
    if not folder.is_dir():
        return []
    return [f"{split}/{lab.stem}.txt" for lab in sorted(folder.glob("*.labels"))
            if not any((root / split / (lab.stem + ".txt")).exists() for root in roots)]


def seeds_set() -> list[Doc]:
    docs = []
    for txt in sorted((REPO / "seeds").glob("*.txt")):
        if txt.name == "README.md":
            continue
        removed = REPO / "seeds/expected" / (txt.name[:3] + ".removed.tsv")
        gone = set()
        if removed.exists():
            for row in removed.read_text(encoding="utf-8").splitlines():
                if row.strip():
                    gone.add(int(row.split("\t")[0]))
        lines = txt.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        labels = [None if blank(line) else ("B" if n in gone else "A")
                  for n, line in enumerate(lines, 1)]
        docs.append(Doc(f"seeds/{txt.stem}", "seed-" + txt.name[:3], lines, labels, txt))
    return docs


def _compact(text: str) -> str:
    return "".join(text.replace("\ufeff", "").replace("\u200b", "").split())


def blank(line: str) -> bool:
    """A line with no visible character (white space, BOM, zero-width space) is not scored."""
    return not _compact(line)


def cnn_set() -> list[Doc]:
    fixtures = REPO / "Tests/BoilerplateTests/Fixtures"
    page, gold = fixtures / "cnn_page_fulltext.txt", fixtures / "cnn_gold_main_text.txt"
    if not page.exists() or not gold.exists():
        return []
    compact_gold = _compact(gold.read_text(encoding="utf-8"))
    lines = page.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    labels: list[str | None] = []
    for line in lines:
        c = _compact(line)
        labels.append(None if not c else ("A" if len(c) >= 15 and c[:200] in compact_gold else "B"))
    html = SHARED / "cnn-arabic/page.html"
    return [Doc("cnn/page", "cnn", lines, labels, page, html if html.exists() else None)]


def _snn_footer(text: str) -> bool:
    """The footer pattern of Tests/BoilerplateTests/SaudiNewsNetTests.swift."""
    text = text.strip(" \u00a0")
    return ((("@" in text) and (" " not in text) and ("." in text))
            or ("sms" in text.lower() and any(ch.isdigit() for ch in text) and len(text.split(" ")) < 30)
            or text.startswith("* خدمة") or text.startswith("...المزيد") or text.endswith("– عين اليوم"))


def saudinewsnet_set() -> list[Doc]:
    path = SHARED / "saudinewsnet/articles.jsonl"
    if not path.exists():
        return []
    docs = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        obj = json.loads(row)
        lines = obj["content"].split("\n")
        # Only what the text says for sure is scored: footers (B) and paragraphs of 40+ words (A).
        labels = [None if blank(line) else "B" if _snn_footer(line)
                  else "A" if len(line.split()) >= 40 else None for line in lines]
        docs.append(Doc(f"saudinewsnet/{obj['id']}", obj["source"], lines, labels, path,
                        group="saudinewsnet"))
    return docs


MANIFEST = REPO / "eval/boilerplate/manifest.tsv"


def read_manifest(path: Path = MANIFEST) -> list[dict[str, str]]:
    """The manifest's rows (tab-separated, first line the column names); [] when it is absent."""
    if not path.exists():
        return []
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise BadData(f"{path}:{number}: {len(cells)} columns, the header has {len(header)}")
        rows.append(dict(zip(header, cells)))
    return rows


def check_split(rows: list[dict[str, str]]) -> None:
    """No site in two labelled splits: check and holdout must be sites the rules never saw."""
    splits: dict[str, set[str]] = {}
    for row in rows:
        if row["split"] in LABELLED:
            splits.setdefault(row["site"], set()).add(row["split"])
    both = sorted(f"{site} ({' and '.join(sorted(s))})" for site, s in splits.items() if len(s) > 1)
    if both:
        raise BadData(f"{MANIFEST}: site(s) in two labelled splits: {', '.join(both)}")


# The labelled splits (pages under SPLIT/ with committed labels), every set, and what `all` means:
# holdout is scored only when named.
LABELLED = ("tune", "check", "holdout")
SETS = ("tune", "check", "holdout", "seeds", "cnn", "saudinewsnet")
ALL = ("tune", "check", "seeds", "cnn", "saudinewsnet")


ROOTS = [REPO / "eval/boilerplate", PRIVATE]


def load_sets(names: list[str], rows: list[dict[str, str]] | None = None) -> dict[str, list[Doc]]:
    """The chosen sets; `rows` (the manifest) gives the text digests the pages must have."""
    sha256 = {row["file"]: row.get("text_sha256", "") for row in rows or []}
    loaders = {"tune": lambda: labelled_dir("tune", ROOTS, sha256),
               "check": lambda: labelled_dir("check", ROOTS, sha256),
               "holdout": lambda: labelled_dir("holdout", ROOTS, sha256),
               "seeds": seeds_set, "cnn": cnn_set, "saudinewsnet": saudinewsnet_set}
    return {name: loaders[name]() for name in names}
