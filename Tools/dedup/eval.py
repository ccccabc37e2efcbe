#!/usr/bin/env python3
"""Quality of `nazif dedup` beside datasketch (raw text and key text) and rensa (raw text).

Builds a set with known duplicates from the SaudiNewsNet articles (evaluation only: read in
place from ../shared/eval, never copied; the set lives in a temporary folder): each article,
plus copies of every third one with 1 %, 5 %, 10 %, 30 % of words replaced, a site footer
added, paragraphs reordered, and spelling variants (hamza forms, ى/ي, ة/ه, tashkeel, Persian
letters). Truth: pairs whose 5-word shingle sets of the key form (nazif normalize --profile key)
have Jaccard >= 0.8. Predicted: pairs in one cluster. Prints precision, recall, F1.
Usage: eval.py NAZIF_BINARY PYTHON_WITH_PEERS
"""
import itertools, json, os, random, subprocess, sys, tempfile
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[3] / "shared/eval/boilerplate/saudinewsnet/articles.jsonl"
if not ARTICLES.exists():
    ARTICLES = Path("/work/shared/eval/boilerplate/saudinewsnet/articles.jsonl")
FOOTER = "لمزيد من الأخبار تابعونا على تويتر وفيسبوك جميع الحقوق محفوظة للصحيفة ٢٠١٥"


def variants(text, rng, vocab):
    words = text.split(" ")
    out = []
    for rate in (0.01, 0.05, 0.10, 0.30):
        w = list(words)
        for i in rng.sample(range(len(w)), max(1, int(rate * len(w)))):
            w[i] = rng.choice(vocab)
        out.append(" ".join(w))
    out.append(text + "\n" + FOOTER)
    paras = text.split("\n")
    rng.shuffle(paras)
    out.append("\n".join(paras))
    spelled = text.replace("ي", "ى").replace("ة", "ه").replace("أ", "ا").replace("إ", "ا").replace("ك", "ک")
    out.append("َ".join(spelled.split("ب", 3)))
    return out


def shingles(words, k=5):
    return {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}


def pairs_of(clusters):
    groups = {}
    for doc, c in enumerate(clusters):
        groups.setdefault(c, []).append(doc)
    return {p for g in groups.values() for p in itertools.combinations(g, 2)}


def score(pred, truth):
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    nazif, python = sys.argv[1], sys.argv[2]
    rng = random.Random(13)
    docs = [json.loads(l)["content"] for l in open(ARTICLES, encoding="utf-8")]
    vocab = [w for d in docs[:50] for w in d.split()]
    texts = list(docs)
    for d in docs[::3]:
        texts += variants(d, rng, vocab)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "set.jsonl"
        corpus.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
        lines = Path(tmp) / "lines.txt"
        lines.write_text("".join(t.replace("\n", " ") + "\n" for t in texts), encoding="utf-8")
        keys = subprocess.run([nazif, "normalize", "--profile", "key", str(lines)], capture_output=True, text=True, check=True).stdout.split("\n")[:len(texts)]
        keyset = Path(tmp) / "key.jsonl"
        keyset.write_text("".join(json.dumps({"text": k}, ensure_ascii=False) + "\n" for k in keys), encoding="utf-8")
        sets = [shingles(k.split()) for k in keys]
        truth = {(i, j) for i, j in itertools.combinations(range(len(texts)), 2)
                 if sets[i] & sets[j] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= 0.8}
        out = subprocess.run([nazif, "dedup", "--jsonl", "--mark", "cluster", str(corpus)], capture_output=True, text=True, check=True).stdout
        rows = {"nazif (key form)": pairs_of([json.loads(l)["cluster"] for l in out.splitlines()])}
        peers = Path(__file__).with_name("peers.py")
        for tool, path, label in (("datasketch", corpus, "datasketch raw"), ("datasketch", keyset, "datasketch key"), ("rensa", corpus, "rensa raw")):
            kept = subprocess.run([python, str(peers), tool, str(path), "text", "--clusters"], capture_output=True, text=True, check=True).stdout.split()
            rows[label] = pairs_of([int(c) for c in kept])
        print(f"{len(texts)} documents, {len(truth)} true pairs (key-form Jaccard >= 0.8)")
        for label, pred in rows.items():
            p, r, f = score(pred, truth)
            print(f"{label:18} precision {p:.3f} recall {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
