#!/usr/bin/env python3
"""Score `nazif clean` (and jusText, trafilatura) on pages labelled line by line.

For every document, each non-empty line has a gold label: A (article) or B (boilerplate).
C = share of A lines a tool keeps; B = share of B lines it removes. Sets:

  tune, check   eval/boilerplate/{tune,check}/SITE-N.{txt,labels} in the repository, plus the
                same layout under ~/.cache/nazif/eval-boilerplate-private/ (pages whose licence
                keeps them out of the repository; NAZIF_EVAL_PRIVATE overrides the folder)
  holdout       the same layout, sites in no other split; never tuned on: scored only when named
                (not in `all`) and never with --misses
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
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_report import report  # noqa: E402
from eval_sets import (ALL, LABELLED, MANIFEST, PRIVATE, REPO, ROOTS, SETS, BadData, check_split,  # noqa: E402
                       load_sets, missing_texts, read_manifest)
from eval_tools import run_justext, run_nazif, run_trafilatura  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score nazif clean against line-labelled pages.")
    parser.add_argument("--nazif", help="the nazif binary (default: .build/release/nazif)")
    parser.add_argument("--sets", default="all",
                        help="tune, check, holdout, seeds, cnn, saudinewsnet, comma-separated, or all "
                             "(default: every set but holdout)")
    parser.add_argument("--no-peers", action="store_true", help="do not run jusText and trafilatura")
    parser.add_argument("--misses", action="store_true",
                        help="list boilerplate lines nazif kept and article lines it removed (with the rule)")
    parser.add_argument("--no-sites", action="store_true", help="no per-site table")
    parser.add_argument("--together", action="store_true",
                        help="clean all pages of a site in one nazif run (site templates can count)")
    args = parser.parse_args(argv)
    names = list(ALL) if args.sets == "all" else args.sets.split(",")
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print(f"eval_boilerplate: unknown set {unknown[0]!r}", file=sys.stderr)
        return 64
    if args.misses and "holdout" in names:
        print("eval_boilerplate: --misses is not given for holdout (it is never tuned on; its table is the measure)",
              file=sys.stderr)
        return 64
    binary = args.nazif or str(REPO / ".build/release/nazif")
    if not os.access(binary, os.X_OK):
        print(f"eval_boilerplate: no nazif binary at {binary} (build it, or give --nazif)", file=sys.stderr)
        return 66
    try:
        rows = read_manifest()
        check_split(rows)
        sets = load_sets(names, rows)
        for split in LABELLED:
            absent = missing_texts(split, ROOTS) if split in names else []
            if absent:
                print(f"eval_boilerplate: {len(absent)} labelled {split} page(s) have no text here (not scored; "
                      f"refetch them as Tools/eval/RECOVER.md says): {', '.join(absent[:5])}"
                      + (" ..." if len(absent) > 5 else ""), file=sys.stderr)
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
                if doc.name.split("/")[0] in LABELLED and doc.name + ".txt" not in listed:
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
