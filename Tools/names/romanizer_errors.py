#!/usr/bin/env python3
"""Why the romanizer's first answer is wrong: counts over the held-out names, and a sample to read.

    python3 Tools/names/romanizer_errors.py [--nazif .build/release/nazif] [--sample 50] [--seed 14]

Runs `nazif names romanize --candidates 5` on Tests/ArabicTextTests/Fixtures/names_heldout.tsv and
labels each wrong first answer: same consonant skeleton as the truth (only vowels or doubled
letters differ), same phonetic key (build_names.latin_key), edit distance, truth among the five
best, truth spelled the way another language writes (sz, cz, ou, sch, …) where the answer is
not, Arabic article, several words, and whether the truth can be spelled at all with the
model's graphones. Also: how much accepting every Latin form the raw sources
(../shared/eval/names) pair with a held-out spelling would change top-1 and top-5. Standard
library only; evaluation data is read, never copied.
"""
import argparse
import collections
import functools
import os
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import build_names as B  # noqa: E402
from eval_names import edit_distance  # noqa: E402

VOWELS = set("aeiouy")
OTHER_SPELLING = re.compile(r"sz|cz|ou|tz|sch|ij|ae|oe|ue|ck|w[aeiou]|^j[aeiou]|[^s]j|qu|gu[ei]|lh|nh|x|dj|tj|kh|gh|zh")


def skeleton(s):
    return re.sub(r"(.)\1+", r"\1", "".join(c for c in s if c.isalpha() and c not in VOWELS))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nazif", default=str(ROOT / ".build/release/nazif"))
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--eval-dir", default=os.environ.get("NAZIF_NAMES_DIR", str(ROOT.parent / "shared/eval/names")))
    args = parser.parse_args(argv)
    rows = []
    for line in (ROOT / "Tests/ArabicTextTests/Fixtures/names_heldout.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        rows.append((fields[0], [x.lower() for x in fields[1:]]))
    output = subprocess.run([args.nazif, "names", "romanize", "--candidates", "5"], check=True, text=True,
                            input="".join(a + "\n" for a, _ in rows), capture_output=True).stdout.split("\n")
    graphones = collections.defaultdict(set)
    for line in (ROOT / "Sources/ArabicText/Data/romanizer_model.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("g\t"):
            _, _, arabic, latin = line.split("\t")
            graphones[arabic].add(latin)

    def reachable(arabic, latin):
        a, l = B.search_fold(arabic).replace(" ", ""), latin.replace(" ", "")

        @functools.lru_cache(None)
        def go(i, j):
            if i == len(a):
                return j == len(l)
            return any(l.startswith(x, j) and go(i + da, j + len(x))
                       for da in (1, 2) if i + da <= len(a) for x in graphones.get(a[i:i + da], ()))
        return go(0, 0)

    labels, errors = collections.Counter(), []
    for (arabic, expected), line in zip(rows, output):
        candidates = [x.lower() for x in line.split("\t")[0::2]]
        best = candidates[0] if candidates else ""
        if best in expected:
            continue
        errors.append((arabic, expected, candidates))
        truth = min(expected, key=lambda x: edit_distance(best, x))
        found = ["several words"] if " " in arabic else []
        found += ["article ال"] if arabic.startswith("ال") else []
        found += ["truth among the five best"] if any(c in expected for c in candidates[:5]) else []
        found += [] if any(reachable(arabic, e) for e in expected) else ["truth unreachable with the graphones"]
        found += ["same phonetic key"] if B.latin_key(best) == B.latin_key(truth) else []
        found += ["same consonant skeleton"] if skeleton(best) == skeleton(truth) else []
        d = edit_distance(best, truth)
        found.append("1 edit" if d == 1 else "2 edits" if d == 2 else "3+ edits")
        if OTHER_SPELLING.search(truth) and not OTHER_SPELLING.search(best):
            found.append("truth in another language's spelling")
        labels.update(found)
    n, wrong = len(rows), len(errors)
    print(f"held-out {n}, right {n - wrong}, wrong {wrong}")
    for label, count in labels.most_common():
        print(f"  {label:40s} {count:5d}  {count / wrong:.1%} of the errors")
    # A wider accepted set: every Latin form the raw sources give the Arabic spelling.
    stats, rejects = collections.Counter(), {}
    forms = collections.defaultdict(set)
    for pair in B.read_sources(Path(args.eval_dir), stats, rejects):
        forms[B.search_fold(pair.arabic)].add(pair.latin.lower())
    wider = top1 = top5 = 0
    for (arabic, expected), line in zip(rows, output):
        candidates = [x.lower() for x in line.split("\t")[0::2]]
        accepted = set(expected) | forms.get(B.search_fold(arabic), set())
        wider += len(accepted) > len(expected)
        top1 += bool(candidates) and candidates[0] in accepted
        top5 += any(c in accepted for c in candidates[:5])
    print(f"every source form accepted: {wider} rows widened; top-1 {top1 / n:.3f}, top-5 {top5 / n:.3f}")
    random.seed(args.seed)
    for arabic, expected, candidates in random.sample(errors, min(args.sample, len(errors))):
        mark = "" if any(reachable(arabic, e) for e in expected) else "  (unreachable)"
        print(f"{arabic}\t{', '.join(expected)}\t{' '.join(candidates)}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
