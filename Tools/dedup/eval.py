#!/usr/bin/env python3
"""Quality of `nazif dedup` beside datasketch and rensa, each on the raw text and on nazif's key text.

The set is built from the SaudiNewsNet articles (evaluation only, CC BY-NC-SA: read in place from
../shared/eval, never copied; the set lives in a temporary folder):

- every article with words (the ones whose key form is empty are left out: nazif never removes a
  document without words, and a pair of empty documents is no near-duplicate);
- for every third article, copies with 1 %, 5 %, 10 %, 30 % of its words replaced by other words,
  its paragraphs reordered, a site footer added, and spelling variants: hamza forms (أ إ آ → ا),
  final ي → ى, final ة → ه, tashkeel on a third of the words, Persian letters (ک for ك, ی for ي),
  and all of them at once with tatweel and Eastern digits;
- the pairs of articles listed in saudinewsnet_pairs.tsv (beside this script; ids only, each pair
  read and confirmed by a person): the same column or wire story published by two sources or twice
  (`republished`), one release re-edited by each paper (`same-release`), and distinct articles on
  the same story (`same-story`).

Truth: a pair is a duplicate when the 5-word shingle sets of the two key forms (nazif normalize
--profile key) have Jaccard >= 0.8. Predicted: the pairs in one cluster. Every tool runs at the
same threshold (0.8) and parameters (5-word shingles, 16 bands x 7 rows). Prints precision, recall
and F1 of the duplicate pairs per tool, then a table per kind of pair: for each tool the true pairs
found (of how many) and the false pairs joined.
Usage: eval.py NAZIF_BINARY PYTHON_WITH_PEERS [--seed N]   (the seed of the copies' edits; 13)
"""
import itertools, json, random, subprocess, sys, tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parents[2] / "shared/eval/boilerplate/saudinewsnet/articles.jsonl"
if not ARTICLES.exists():
    ARTICLES = Path("/work/shared/eval/boilerplate/saudinewsnet/articles.jsonl")
PAIRS = HERE / "saudinewsnet_pairs.tsv"
FOOTER = "لمزيد من الأخبار تابعونا على تويتر وفيسبوك جميع الحقوق محفوظة للصحيفة ٢٠١٥"
THRESHOLD, SHINGLE = 0.8, 5
TASHKEEL = "\u064e\u064f\u0650\u0651\u064b\u0652"
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def edited(text, rate, rng, vocab):
    words = text.split(" ")
    for i in rng.sample(range(len(words)), max(1, int(rate * len(words)))):
        words[i] = rng.choice(vocab)
    return " ".join(words)


def per_word(text, f):
    return "\n".join(" ".join(f(w) for w in line.split(" ")) for line in text.split("\n"))


def hamza(w):
    return w.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def final_ya(w):
    return w[:-1] + "ى" if w.endswith("ي") else w


def final_teh(w):
    return w[:-1] + "ه" if w.endswith("ة") else w


def persian(w):
    return w.replace("ك", "ک").replace("ي", "ی")


def vocalized(rng):
    return lambda w: w[0] + rng.choice(TASHKEEL) + w[1:] if len(w) > 1 and rng.random() < 1 / 3 else w


def stretched(rng):
    return lambda w: w[:2] + "ـ" + w[2:] if len(w) > 3 and rng.random() < 0.1 else w


def variants(text, rng, vocab):
    """(kind, text) for every copy of one article."""
    out = [(f"edit {int(rate * 100)} %", edited(text, rate, rng, vocab)) for rate in (0.01, 0.05, 0.10, 0.30)]
    paras = text.split("\n")
    shuffled = list(paras)
    while len(paras) > 1 and shuffled == paras:
        rng.shuffle(shuffled)
    out.append(("paragraphs reordered", "\n".join(shuffled)))
    out.append(("footer added", text + "\n" + FOOTER))
    out.append(("spelling: hamza", per_word(text, hamza)))
    out.append(("spelling: final ى", per_word(text, final_ya)))
    out.append(("spelling: final ه", per_word(text, final_teh)))
    out.append(("spelling: tashkeel", per_word(text, vocalized(rng))))
    out.append(("spelling: Persian ک ی", per_word(text, persian)))
    every = per_word(text, lambda w: stretched(rng)(vocalized(rng)(persian(final_teh(final_ya(hamza(w)))))))
    out.append(("spelling: all + tatweel, digits", every.translate(EASTERN)))
    return out


def shingles(words, k=SHINGLE):
    return {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}


def true_pairs(sets):
    """Pairs with Jaccard >= THRESHOLD, found through shared shingles; also every Jaccard > 0."""
    owners = defaultdict(list)
    for n, s in enumerate(sets):
        for x in s:
            owners[x].append(n)
    shared = defaultdict(int)
    for docs in owners.values():
        for p in itertools.combinations(docs, 2):
            shared[p] += 1
    jac = {p: c / (len(sets[p[0]]) + len(sets[p[1]]) - c) for p, c in shared.items()}
    return {p for p, j in jac.items() if j >= THRESHOLD}, jac


def pairs_of(clusters):
    groups = defaultdict(list)
    for doc, c in enumerate(clusters):
        groups[c].append(doc)
    return {p for g in groups.values() for p in itertools.combinations(g, 2)}


def score(pred, truth):
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def listed_pairs(ids):
    """(index a, index b) -> kind from saudinewsnet_pairs.tsv; unknown ids are an error."""
    out = {}
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, kind = line.split("\t")[:3]
        if a not in ids or b not in ids:
            sys.exit(f"eval: {PAIRS.name} names {a if a not in ids else b}, which is not in the set")
        out[tuple(sorted((ids[a], ids[b])))] = kind
    return out


def main():
    nazif, python = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv[3:] else 13
    rng = random.Random(seed)
    records = [json.loads(l) for l in open(ARTICLES, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        def keys_of(texts):
            lines = Path(tmp) / "lines.txt"
            lines.write_text("".join(t.replace("\n", " ") + "\n" for t in texts), encoding="utf-8")
            run = subprocess.run([nazif, "normalize", "--profile", "key", str(lines)], capture_output=True, text=True, check=True)
            return run.stdout.split("\n")[:len(texts)]

        article_keys = keys_of([r["content"] for r in records])
        empty = [r["id"] for r, k in zip(records, article_keys) if not k.split()]
        records = [r for r, k in zip(records, article_keys) if k.split()]
        docs = [r["content"] for r in records]
        vocab = [w for d in docs[:50] for w in d.split()]
        texts, origin, kind_of = list(docs), list(range(len(docs))), [None] * len(docs)
        for n in range(0, len(docs), 3):
            for kind, text in variants(docs[n], rng, vocab):
                texts.append(text)
                origin.append(n)
                kind_of.append(kind)
        keys = keys_of(texts)
        corpus = Path(tmp) / "set.jsonl"
        corpus.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
        keyset = Path(tmp) / "key.jsonl"
        keyset.write_text("".join(json.dumps({"text": k}, ensure_ascii=False) + "\n" for k in keys), encoding="utf-8")
        truth, jac = true_pairs([shingles(k.split()) for k in keys])

        out = subprocess.run([nazif, "dedup", "--jsonl", "--mark", "cluster", str(corpus)], capture_output=True, text=True, check=True).stdout
        rows = {"nazif (key form)": pairs_of([json.loads(l)["cluster"] for l in out.splitlines()])}
        for tool, path, label in (("datasketch", corpus, "datasketch raw"), ("datasketch", keyset, "datasketch key"),
                                  ("rensa", corpus, "rensa raw"), ("rensa", keyset, "rensa key")):
            got = subprocess.run([python, str(HERE / "peers.py"), tool, str(path), "text", "--clusters"], capture_output=True, text=True, check=True).stdout.split()
            rows[label] = pairs_of([int(c) for c in got])

    listed = listed_pairs({r["id"]: n for n, r in enumerate(records)})

    def kind(p):
        a, b = p
        if kind_of[a] is None and kind_of[b] is None:
            return listed.get(p, "other: two articles")
        if origin[a] == origin[b]:
            return kind_of[b] if kind_of[a] is None else "two copies of one article"
        return "other: copies of two articles"

    kinds = defaultdict(lambda: [0, set()])  # kind -> [pairs of that kind, true pairs]
    n = len(texts)
    for p in itertools.combinations(range(len(docs)), 2):  # every pair of two articles
        if p in listed:
            kinds[listed[p]][0] += 1
    for a in range(len(docs), n):
        kinds[kind((origin[a], a))][0] += 1
    per_article = defaultdict(list)
    for a in range(len(docs), n):
        per_article[origin[a]].append(a)
    kinds["two copies of one article"][0] = sum(len(v) * (len(v) - 1) // 2 for v in per_article.values())
    listed_count = sum(1 for p in itertools.combinations(range(len(docs)), 2) if p in listed)
    kinds["other: two articles"][0] = len(docs) * (len(docs) - 1) // 2 - listed_count
    kinds["other: copies of two articles"][0] = n * (n - 1) // 2 - sum(v[0] for k, v in kinds.items() if k != "other: copies of two articles")
    for p in truth:
        kinds[kind(p)][1].add(p)

    print(f"seed {seed}: {n} documents ({len(docs)} SaudiNewsNet articles with words, {len(empty)} without words left out; "
          f"{n - len(docs)} copies of every third), {len(truth)} true pairs (key-form {SHINGLE}-shingle Jaccard >= {THRESHOLD})")
    unlisted = sorted(p for p in truth if kind(p) == "other: two articles")
    if unlisted:
        print(f"unlisted article pairs at Jaccard >= {THRESHOLD}: " + ", ".join(f"{records[a]['id']}/{records[b]['id']}" for a, b in unlisted))
    for p, k in sorted(listed.items()):
        if (k == "republished") != (p in truth):
            print(f"note: {records[p[0]]['id']}/{records[p[1]]['id']} listed {k}, key-form Jaccard {jac.get(p, 0.0):.3f}")
    print()
    print("| tool | precision | recall | F1 | pairs joined | true pairs joined |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, pred in rows.items():
        p, r, f = score(pred, truth)
        print(f"| {label} | {p:.4f} | {r:.4f} | {f:.4f} | {len(pred)} | {len(pred & truth)} |")
    print()
    print("Per kind of pair: true pairs found / true pairs of the kind, then false pairs joined (+N).")
    head = ["kind", "pairs", "true"] + list(rows)
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * 1 + " ---: |" * (len(head) - 1))
    order = [k for k, _ in variants("ا ب\nج د", random.Random(0), ["x"])] + ["two copies of one article", "republished", "same-release", "same-story", "same-template", "other: two articles", "other: copies of two articles"]
    for k in order + sorted(set(kinds) - set(order)):
        if k not in kinds:
            continue
        total, true = kinds[k]
        cells = []
        for pred in rows.values():
            mine = {p for p in pred if kind(p) == k}
            found, false = len(mine & true), len(mine - true)
            cells.append(f"{found}/{len(true)}" + (f" +{false}" if false else ""))
        print(f"| {k} | {total} | {len(true)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
