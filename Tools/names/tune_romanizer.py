#!/usr/bin/env python3
"""Chooses the romanizer's training settings on a dev split carved out of the training pairs,
never on the held-out names.

    python3 Tools/names/tune_romanizer.py                          # order 4, cutoffs 1,2,2 (the shipped settings)
    python3 Tools/names/tune_romanizer.py --sweep '5:1,2,2,2;6:1,2,2,2,2'
    python3 Tools/names/tune_romanizer.py --weights log2           # repeat pairs 1 + log2(weight) times
    python3 Tools/names/tune_romanizer.py --weights no-geonames    # leave GeoNames-only pairs out
    python3 Tools/names/tune_romanizer.py --char-lm 6              # also: rerank the 20 best with a letter 6-gram

Dev split: the training pairs (train_romanizer.read_training, held-out names already out) whose
Latin name's phonetic key hashes (SHA-256 of "dev:" + key) to 0 mod 20 go to dev with every
Arabic spelling of them, and no pair with such a name, key or spelling stays in training; a third
of the dev spellings (by a second hash) are decoded (924). The alignment is cached in
--cache-dir. Decoding is train_romanizer.Model (beam 20, every graphone, 20 best kept per
history). Each run of 53 k pairs takes several minutes. Standard library only.
"""
import argparse
import collections
import hashlib
import math
import os
import pickle
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import train_romanizer as T  # noqa: E402
from build_names import latin_key  # noqa: E402
from eval_names import edit_distance  # noqa: E402


def dev_split(pairs, fraction=20):
    def is_dev(latin):
        return int(hashlib.sha256(("dev:" + latin_key(latin)).encode()).hexdigest(), 16) % fraction == 0
    dev = collections.defaultdict(set)
    for a, l in pairs:
        if " " not in l and is_dev(l):
            dev[a].add(l)
    latin = {l for ls in dev.values() for l in ls}
    keys = {latin_key(l) for l in latin}
    train = [(a, l) for a, l in pairs if a not in dev and l not in latin and latin_key(l) not in keys]
    rows = sorted((a, sorted(ls)) for a, ls in dev.items())
    rows = [r for r in rows if int(hashlib.sha256(r[0].encode()).hexdigest(), 16) % 3 == 0]
    return train, rows


def dictionary_weights():
    weights, sources = collections.Counter(), collections.defaultdict(set)
    for line in T.DICTIONARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, l, w, s = line.split("\t")[:4]
        if " " not in a:
            key = (T.arabic_form(a), l.lower())
            weights[key] += int(w)
            sources[key].add(s)
    return weights, sources


def char_lm(names, order):
    """A letter-level interpolated Kneser-Ney model of the training Latin names."""
    saved = T.ORDER, T.CUTOFF
    T.ORDER, T.CUTOFF = order, {n: 1 for n in range(2, order + 1)}
    prob, bow, _ = T.train_ngrams([[ord(c) + 2 for c in l] for l in names], lambda m: None)
    model = T.Model(prob, bow, [("<s>", ""), ("</s>", "")])
    T.ORDER, T.CUTOFF = saved

    def score(latin):
        history, total = (T.BOS,), 0.0
        for c in latin:
            total += model.score(history, ord(c) + 2)
            history = model.state(history + (ord(c) + 2,))
        return total + model.score(history, T.EOS)
    saved_order = order

    def scored(latin):
        keep = T.ORDER
        T.ORDER = saved_order   # Model.state reads the order
        try:
            return score(latin)
        finally:
            T.ORDER = keep
    return scored


def measure(results, rerank=None, weight=0.0):
    top1 = top5 = errors = chars = 0
    for _arabic, expected, candidates in results:
        ranked = candidates
        if rerank:
            ranked = sorted(((s + weight * rerank(l), l) for l, s in candidates), reverse=True)
            ranked = [(l, s) for s, l in ranked]
        best = ranked[0][0] if ranked else ""
        top1 += best in expected
        top5 += any(l in expected for l, _ in ranked[:5])
        errors += min(edit_distance(best, e) for e in expected)
        chars += len(expected[0])
    n = len(results)
    return f"top-1 {top1 / n:.3f} ({top1}/{n}), top-5 {top5 / n:.3f}, CER {errors / chars:.3f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", default="4:1,2,2", help="order:cutoffs[;order:cutoffs…]")
    parser.add_argument("--weights", choices=["none", "log2", "no-geonames"], default="none")
    parser.add_argument("--char-lm", type=int, default=0, help="order of a letter LM to rerank the 20 best with")
    parser.add_argument("--cache-dir", default=os.environ.get("TMPDIR", "/tmp"))
    args = parser.parse_args(argv)
    stats = collections.Counter()
    pairs = T.split_out(T.read_training(stats), T.read_heldout(), stats)
    train, dev = dev_split(pairs)
    print(f"training pairs {len(train)}, dev spellings decoded {len(dev)}", flush=True)
    cache = Path(args.cache_dir) / f"nazif_romanizer_align_{T.MAX_ARABIC}_{T.MAX_LATIN}_{T.PRUNE}_{len(train)}.pkl"
    if cache.exists():
        aligned = pickle.loads(cache.read_bytes())
    else:
        aligned = T.align(train, lambda m: print(m, file=sys.stderr, flush=True))
        cache.write_bytes(pickle.dumps(aligned))
    graphones = [("<s>", ""), ("</s>", "")] + sorted({g for s in aligned for g in s})
    ids = {g: i for i, g in enumerate(graphones)}
    weights, sources = dictionary_weights()
    sequences = []
    for seq in aligned:
        key = ("".join(g[0] for g in seq), "".join(g[1] for g in seq))
        repeat = 1
        if args.weights == "log2":
            repeat = 1 + int(math.log2(max(1, weights.get(key, 1))))
        elif args.weights == "no-geonames" and sources.get(key) == {"n"}:
            repeat = 0
        sequences += [[ids[g] for g in seq]] * repeat
    rerank = char_lm(sorted({l for _, l in train}), args.char_lm) if args.char_lm else None
    for setting in args.sweep.split(";"):
        order, cutoffs = setting.split(":")
        T.ORDER = int(order)
        cuts = [int(x) for x in cutoffs.split(",")]
        T.CUTOFF = {n: cuts[min(n - 2, len(cuts) - 1)] for n in range(2, T.ORDER + 1)}
        prob, bow, kept = T.train_ngrams(sequences, lambda m: None)
        model = T.Model(prob, bow, graphones)
        results = [(a, expected, model.decode(a, beam=20, nbest=20)) for a, expected in dev]
        grams = [len(kept[n]) for n in range(1, T.ORDER + 1)]
        print(f"order {order}, cutoffs {cutoffs}, weights {args.weights}: n-grams {grams}; {measure(results)}", flush=True)
        if rerank:
            for weight in (0.1, 0.2, 0.3, 0.5, 0.7, 1.0):
                print(f"  + letter {args.char_lm}-gram x {weight}: {measure(results, rerank, weight)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
