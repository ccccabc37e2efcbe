"""Scores and tables for Tools/eval/eval_boilerplate.py: C (article lines kept) and B (boilerplate
lines removed) per set, kind of page and site, and the lines Nazif got wrong.

    from eval_report import score
    a_kept, a_all, b_gone, b_all = score(docs, "nazif")
"""
from __future__ import annotations

import sys

from eval_sets import Doc

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
