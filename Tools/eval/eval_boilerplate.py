#!/usr/bin/env python3
"""Score `nazif clean` (and jusText, trafilatura) on pages labelled line by line.

For every document, each non-empty line has a gold label: A (article) or B (boilerplate).
C = share of A lines a tool keeps; B = share of B lines it removes. Sets:

  tune, check   eval/boilerplate/{tune,check}/SITE-N.{txt,labels} in the repository, plus the
                same layout under ~/.cache/nazif/eval-boilerplate-private/ (pages whose licence
                keeps them out of the repository; NAZIF_EVAL_PRIVATE overrides the folder)
  seeds         seeds/*.txt: every line is A except those seeds/expected/NNN.removed.tsv lists
  cnn           Tests/BoilerplateTests/Fixtures/cnn_page_fulltext.txt: A when the line (without
                white space) is in cnn_gold_main_text.txt
  saudinewsnet  ../shared/eval/boilerplate/saudinewsnet/articles.jsonl (evaluation only, read in
                place): B for the per-site footer lines (the pattern of SaudiNewsNetTests), A for
                paragraphs of 40+ words; other lines are not scored

    Tools/eval/eval_boilerplate.py --nazif .build/release/nazif --sets all --misses
    Tools/eval/eval_boilerplate.py --nazif .build/release/nazif --sets check --together

Peers (skipped with --no-peers, or when not importable): jusText on the plain text (each line a
<p>), trafilatura on the page's HTML where the set has it (SITE-N.html), and trafilatura on the
plain text as <p> lines ("traf-text") for every page. Tools/eval/
setup_eval_venv.sh makes a venv with both; run this script with that venv's python.
Exit codes: 0 ok, 64 usage, 65 bad data (a labels file that does not match its text), 66 missing
input (no nazif binary, no pages).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
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


def labelled_dir(split: str, roots: list[Path]) -> list[Doc]:
    docs = []
    for root in roots:
        folder = root / split
        if not folder.is_dir():
            continue
        for txt in sorted(folder.glob("*.txt")):
            lab = txt.with_suffix(".labels")
            if not lab.exists():
                continue
            lines, labels = read_labels(txt, lab)
            html = txt.with_suffix(".html")
            site = re.sub(r"-\d+$", "", txt.stem)
            docs.append(Doc(f"{split}/{txt.stem}", site, lines, labels, txt,
                            html if html.exists() else None))
    return docs


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
    """No site in both tune and check: the check half must be sites the rules never saw."""
    splits: dict[str, set[str]] = {}
    for row in rows:
        splits.setdefault(row["site"], set()).add(row["split"])
    both = sorted(site for site, s in splits.items() if {"tune", "check"} <= s)
    if both:
        raise BadData(f"{MANIFEST}: site(s) in both tune and check: {', '.join(both)}")


def load_sets(names: list[str]) -> dict[str, list[Doc]]:
    roots = [REPO / "eval/boilerplate", PRIVATE]
    loaders = {"tune": lambda: labelled_dir("tune", roots), "check": lambda: labelled_dir("check", roots),
               "seeds": seeds_set, "cnn": cnn_set, "saudinewsnet": saudinewsnet_set}
    return {name: loaders[name]() for name in names}


# ---------------------------------------------------------------- tools

def run_nazif(binary: str, docs: list[Doc], together: bool = False) -> None:
    """Run `nazif clean` the way a user would: one run per page file (per JSONL file for grouped
    sets); with `together`, one run over all the page files of a site, so lines repeated across a
    site's pages can count as its template (each file is still one document)."""
    with tempfile.TemporaryDirectory() as tmp:
        explain = Path(tmp) / "explain.jsonl"
        grouped = [d for d in docs if d.group]
        plain = [d for d in docs if not d.group]
        batches = ([[d for d in plain if d.site == site] for site in sorted({d.site for d in plain})]
                   if together else [[d] for d in plain])
        for batch in batches:
            cmd = [binary, "clean", "--explain-file", str(explain), "-o", os.devnull] + [str(d.path) for d in batch]
            result = subprocess.run(cmd, capture_output=True, text=True)
            if result.returncode != 0:
                raise BadData(f"{' '.join(cmd)}: exit {result.returncode}: {result.stderr.strip()[:300]}")
            records = [json.loads(r) for r in explain.read_text(encoding="utf-8").splitlines() if r.strip()]
            if len(batch) == 1:
                _apply_removals(batch[0], [rm for rec in records for rm in rec.get("removed", [])])
                continue
            by_source: dict[str, list[dict]] = {}
            for rec in records:
                by_source.setdefault(rec.get("source", ""), []).extend(rec.get("removed", []))
            for doc in batch:
                _apply_removals(doc, by_source.get(str(doc.path), []))
        if grouped:
            path = grouped[0].path
            cmd = [binary, "clean", "--jsonl", "--field", "content", "--group-by", "source",
                   "--explain-file", str(explain), "-o", os.devnull, str(path)]
            result = subprocess.run(cmd, capture_output=True, text=True)
            if result.returncode != 0:
                raise BadData(f"{' '.join(cmd)}: exit {result.returncode}: {result.stderr.strip()[:300]}")
            records = [json.loads(r) for r in explain.read_text(encoding="utf-8").splitlines() if r.strip()]
            by_id = {rec.get("id"): rec for rec in records}
            for doc in grouped:
                rec = by_id.get(doc.name.split("/", 1)[1], {})
                _apply_removals(doc, rec.get("removed", []))


def _apply_removals(doc: Doc, removed: list[dict]) -> None:
    kept = [True] * len(doc.lines)
    for rm in removed:
        n = int(rm["line"])
        if 1 <= n <= len(kept):
            kept[n - 1] = False
            doc.rules[n] = rm.get("rule", "?") + (f" ({rm['detail']})" if rm.get("detail") else "")
    doc.verdicts["nazif"] = kept


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return " ".join(re.sub(r"[\u064b-\u0652\u0640]", "", text).split())


def run_justext(docs: list[Doc]) -> bool:
    try:
        import justext  # type: ignore
    except ImportError:
        return False
    from html import escape
    stoplist = justext.get_stoplist("Arabic")
    for doc in docs:
        body = "".join(f"<p>{escape(line)}</p>" for line in doc.lines if line.strip())
        paragraphs = justext.justext(f"<html><body>{body}</body></html>".encode("utf-8"), stoplist,
                                     encoding="utf-8")
        # Each non-empty line is one paragraph, in order; match them up by text to be safe.
        kept = [False] * len(doc.lines)
        queue = [(_norm(p.text), not p.is_boilerplate) for p in paragraphs]
        position = 0
        for index, line in enumerate(doc.lines):
            target = _norm(line)
            if not target:
                continue
            for probe in range(position, min(position + 5, len(queue))):
                if queue[probe][0] == target:
                    kept[index] = queue[probe][1]
                    position = probe + 1
                    break
        doc.verdicts["jusText"] = kept
    return True


def _kept_in(text: str, lines: list[str]) -> list[bool]:
    """Per line: does an extractor's output `text` hold it (as a line, or, 4+ words, inside one)?"""
    out_lines = {_norm(line) for line in text.splitlines()}
    joined = " " + " ".join(_norm(line) for line in text.splitlines()) + " "
    kept = []
    for line in lines:
        target = _norm(line)
        kept.append(bool(target) and (target in out_lines
                                      or (len(target.split()) >= 4 and f" {target} " in joined)))
    return kept


def run_trafilatura(docs: list[Doc]) -> bool:
    """trafilatura on the page's HTML where the set has it ("trafilatura"), and on the plain text
    with each line as a <p> for every page ("traf-text": the same input Nazif and jusText get)."""
    try:
        import trafilatura  # type: ignore
    except ImportError:
        return False
    from html import escape
    from html_to_lines import read_html  # type: ignore
    for doc in docs:
        if doc.html is not None:
            text = trafilatura.extract(read_html(str(doc.html)), include_comments=False,
                                       include_tables=True) or ""
            doc.verdicts["trafilatura"] = _kept_in(text, doc.lines)
        body = "".join(f"<p>{escape(line)}</p>" for line in doc.lines if line.strip())
        text = trafilatura.extract(f"<html><body>{body}</body></html>", include_comments=False,
                                   include_tables=True) or ""
        doc.verdicts["traf-text"] = _kept_in(text, doc.lines)
    return True


# ---------------------------------------------------------------- scores

def score(docs: list[Doc], tool: str) -> tuple[int, int, int, int] | None:
    """(A kept, A total, B removed, B total) over the docs that `tool` ran on."""
    a_kept = a_all = b_gone = b_all = 0
    ran = False
    for doc in docs:
        kept = doc.verdicts.get(tool)
        if kept is None:
            continue
        ran = True
        for label, k in zip(doc.labels, kept):
            if label == "A":
                a_all += 1
                a_kept += k
            elif label == "B":
                b_all += 1
                b_gone += not k
    return (a_kept, a_all, b_gone, b_all) if ran else None


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:6.1f}" if whole else "     -"


def _cells(docs: list[Doc], tools: list[str]) -> tuple[int, int, str]:
    """A and B line counts of `docs`, and each tool's C% and B% columns."""
    a = sum(l == "A" for d in docs for l in d.labels)
    b = sum(l == "B" for d in docs for l in d.labels)
    cells = ""
    for tool in tools:
        s = score(docs, tool)
        cells += (f"{pct(s[0], s[1]):>15}{pct(s[2], s[3]):>15}" if s else f"{'-':>15}{'-':>15}")
    return a, b, cells


def _row(label: str, docs: list[Doc], tools: list[str]) -> str:
    a, b, cells = _cells(docs, tools)
    return f"  {label:<22}{len(docs):>3}{a:>6}{b:>6}  {cells}"


def report(sets: dict[str, list[Doc]], tools: list[str], per_site: bool, misses: bool, out=sys.stdout) -> None:
    print(f"{'set':<14}{'pages':>6}{'sites':>6}{'A lines':>9}{'B lines':>9}  "
          + "".join(f"{t + ' C%':>15}{t + ' B%':>15}" for t in tools), file=out)
    for name, docs in sets.items():
        if not docs:
            print(f"{name:<14}  (not present)", file=out)
            continue
        a, b, cells = _cells(docs, tools)
        print(f"{name:<14}{len(docs):>6}{len({d.site for d in docs}):>6}{a:>9}{b:>9}  {cells}", file=out)
    for name, docs in sets.items():
        if name not in ("tune", "check") or not docs:
            continue
        print(f"\n{name}: per kind of page (manifest)", file=out)
        for kind in sorted({d.kind for d in docs}):
            print(_row(kind or "?", [d for d in docs if d.kind == kind], tools), file=out)
        if per_site:
            print(f"{name}: per site", file=out)
            for site in sorted({d.site for d in docs}):
                print(_row(site, [d for d in docs if d.site == site], tools), file=out)
    if misses:
        for name, docs in sets.items():
            dropped: dict[str, int] = {}
            for doc in docs:
                for n, (label, k) in enumerate(zip(doc.labels, doc.verdicts.get("nazif", [])), 1):
                    if label == "A" and not k:
                        rule = doc.rules.get(n, "?").split(" (")[0]
                        dropped[rule] = dropped.get(rule, 0) + 1
            if dropped:
                print(f"\n{name}: article lines removed, by rule: "
                      + ", ".join(f"{r} {c}" for r, c in sorted(dropped.items(), key=lambda x: -x[1])), file=out)
        for name, docs in sets.items():
            for doc in docs:
                kept = doc.verdicts.get("nazif")
                if kept is None:
                    continue
                for n, (line, label, k) in enumerate(zip(doc.lines, doc.labels, kept), 1):
                    if label == "A" and not k:
                        print(f"DROPPED {doc.name}:{n} [{doc.rules.get(n, '?')}] {line[:110]}", file=out)
                    elif label == "B" and k:
                        print(f"MISSED  {doc.name}:{n} {line[:110]}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score nazif clean against line-labelled pages.")
    parser.add_argument("--nazif", help="the nazif binary (default: .build/release/nazif)")
    parser.add_argument("--sets", default="all",
                        help="tune, check, seeds, cnn, saudinewsnet, comma-separated, or all (default)")
    parser.add_argument("--no-peers", action="store_true", help="do not run jusText and trafilatura")
    parser.add_argument("--misses", action="store_true",
                        help="list boilerplate lines nazif kept and article lines it removed (with the rule)")
    parser.add_argument("--no-sites", action="store_true", help="no per-site table")
    parser.add_argument("--together", action="store_true",
                        help="clean all pages of a site in one nazif run (site templates can count)")
    args = parser.parse_args(argv)
    names = ["tune", "check", "seeds", "cnn", "saudinewsnet"] if args.sets == "all" else args.sets.split(",")
    unknown = [n for n in names if n not in ("tune", "check", "seeds", "cnn", "saudinewsnet")]
    if unknown:
        print(f"eval_boilerplate: unknown set {unknown[0]!r}", file=sys.stderr)
        return 64
    binary = args.nazif or str(REPO / ".build/release/nazif")
    if not os.access(binary, os.X_OK):
        print(f"eval_boilerplate: no nazif binary at {binary} (build it, or give --nazif)", file=sys.stderr)
        return 66
    try:
        rows = read_manifest()
        check_split(rows)
        sets = load_sets(names)
        kinds = {row["file"]: row.get("kind", "") for row in rows}
        for docs in sets.values():
            for doc in docs:
                doc.kind = kinds.get(doc.name + ".txt", "")
        listed = {row["file"] for row in rows}
        for row in rows:
            root = REPO / "eval/boilerplate" if row.get("location") == "repo" else PRIVATE
            if (root.is_dir() or row.get("location") == "repo") and not (root / row["file"]).exists():
                print(f"eval_boilerplate: {row['file']} ({row.get('location')}) is in the manifest but not in {root}",
                      file=sys.stderr)
        for docs in sets.values():
            for doc in docs:
                if doc.name.split("/")[0] in ("tune", "check") and doc.name + ".txt" not in listed:
                    print(f"eval_boilerplate: {doc.name}.txt is not in {MANIFEST.name}", file=sys.stderr)
        every = [d for docs in sets.values() for d in docs]
        if not every:
            print("eval_boilerplate: no pages in the chosen sets", file=sys.stderr)
            return 66
        run_nazif(binary, every, together=args.together)
        tools = ["nazif"]
        if not args.no_peers:
            plain = [d for d in every if not d.group]
            if run_justext(plain):
                tools.append("jusText")
            else:
                print("eval_boilerplate: jusText not importable: skipped (Tools/eval/setup_eval_venv.sh)",
                      file=sys.stderr)
            if run_trafilatura(plain):
                tools += ["trafilatura", "traf-text"]
            else:
                print("eval_boilerplate: trafilatura not importable: skipped", file=sys.stderr)
    except BadData as error:
        print(f"eval_boilerplate: {error}", file=sys.stderr)
        return 65
    report(sets, tools, per_site=not args.no_sites, misses=args.misses)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
