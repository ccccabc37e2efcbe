"""The tools Tools/eval/eval_boilerplate.py scores: nazif (the binary, via --explain-file), jusText
and trafilatura; each sets doc.verdicts[tool] to one kept/removed flag per line.

    from eval_tools import run_nazif
    run_nazif(".build/release/nazif", docs)
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from eval_sets import BadData, Doc

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
