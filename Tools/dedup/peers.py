#!/usr/bin/env python3
"""Peers for the dedup speed row: datasketch and rensa MinHash-LSH with nazif's defaults
(5-word shingles of whitespace tokens, 112 permutations, 16 bands x 7 rows, threshold 0.8),
union-find over the query results, first document of each cluster kept.
Usage: peers.py datasketch|rensa corpus.jsonl FIELD [--clusters] > kept line numbers (or each record's cluster)
"""
import json
import sys

BANDS, ROWS, SHINGLE, THRESHOLD = 16, 7, 5, 0.8


def shingles(text):
    words = text.split()
    if len(words) < SHINGLE:
        return [" ".join(words)]
    return [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def main():
    tool, path, field = sys.argv[1], sys.argv[2], sys.argv[3]
    perms = BANDS * ROWS
    parent = []

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if tool == "datasketch":
        from datasketch import MinHash, MinHashLSH
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=perms, params=(BANDS, ROWS))
        make = lambda s: (lambda m: (m.update_batch([x.encode() for x in s]), m)[1])(MinHash(num_perm=perms, seed=1))
        query = lambda m: lsh.query(m)
        insert = lambda k, m: lsh.insert(k, m)
        similar = lambda a, b: a.jaccard(b) >= THRESHOLD
    else:
        from rensa import RMinHash, RMinHashLSH
        lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=perms, num_bands=BANDS)
        make = lambda s: (lambda m: (m.update(s), m)[1])(RMinHash(num_perm=perms, seed=1))
        query = lambda m: lsh.query(m)
        insert = lambda k, m: lsh.insert(k, m)
        similar = lambda a, b: a.jaccard(b) >= THRESHOLD
    sigs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            m = make(shingles(json.loads(line).get(field, "")))
            parent.append(n)
            sigs.append(m)
            for other in query(m):
                if similar(m, sigs[other]):
                    a, b = find(other), find(n)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
            insert(n, m)
    out = sys.stdout
    clusters = "--clusters" in sys.argv[4:]
    for n in range(len(parent)):
        if clusters:
            out.write(f"{find(n)}\n")
        elif find(n) == n:
            out.write(f"{n + 1}\n")


if __name__ == "__main__":
    main()
