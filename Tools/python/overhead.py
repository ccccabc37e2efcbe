#!/usr/bin/env python3
"""How much nazif.clean() costs over the raw CLI on the compare corpus.

    python3 Benchmarks/compare/make_corpus.py --out /tmp/nazif-compare
    NAZIF_BINARY=dist/nazif-0.1.0-linux-x86_64/nazif python3 Tools/python/overhead.py

Times (best of --runs, wall clock) `nazif clean --jsonl corpus.jsonl > /dev/null` against
`for r in nazif.clean(records): ...` where records are the corpus's dicts already in memory
(and the same for plain strings), so the difference is what the package adds: encoding the
records to JSON Lines, the pipe, decoding the output. Also checks both give the same records.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "python"))
import nazif  # noqa: E402


def best(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description="nazif.clean() overhead over the raw CLI")
    parser.add_argument("--corpus", default="/tmp/nazif-compare/corpus.jsonl", type=Path)
    parser.add_argument("--runs", default=5, type=int)
    args = parser.parse_args()
    binary = nazif.binary_path()
    raw = args.corpus.read_bytes()
    records = [json.loads(line) for line in raw.splitlines()]
    texts = [r["text"] for r in records]
    lines = raw.splitlines()

    def cli() -> None:
        subprocess.run([binary, "clean", "--jsonl", str(args.corpus)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cli_stdin() -> None:
        subprocess.run([binary, "clean", "--jsonl"], input=raw, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def python_dicts() -> None:
        for _ in nazif.clean(records):
            pass

    text_file = Path(tempfile.mkdtemp(prefix="nazif-overhead-")) / "texts.jsonl"
    text_file.write_bytes("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts).encode())

    def cli_texts() -> None:
        # Strings have no url, so they make one group: the CLI's own work differs; this is
        # the baseline for nazif.clean(strings).
        subprocess.run([binary, "clean", "--jsonl", str(text_file)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def python_strings() -> None:
        for _ in nazif.clean(texts):
            pass

    def python_bytes() -> None:
        for _ in nazif.clean(lines):
            pass

    def by_hand() -> None:
        # What a Python user does without the package: dump, run the CLI, load.
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
        out = subprocess.run([binary, "clean", "--jsonl"], input=data, check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
        [json.loads(line) for line in out.splitlines()]

    expected = [json.loads(line) for line in subprocess.run(
        [binary, "clean", "--jsonl", str(args.corpus)], check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.splitlines()]
    assert list(nazif.clean(records)) == expected, "nazif.clean differs from the CLI"
    assert [json.loads(line) for line in nazif.clean(lines)] == expected, "nazif.clean(bytes) differs"
    # Strings have no url, so they are one group: compare with the CLI on text-only records.
    text_only = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts).encode()
    expected_texts = [json.loads(line)["text"] for line in subprocess.run(
        [binary, "clean", "--jsonl"], input=text_only, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.splitlines()]
    assert list(nazif.clean(texts)) == expected_texts, "nazif.clean(str) differs from the CLI"

    base = best(args.runs, cli)
    text_base = best(args.runs, cli_texts)
    fast = "orjson" if nazif._feed._orjson is not None else "json (orjson not installed)"
    print(f"corpus {args.corpus} ({len(raw) / 1e6:.1f} MB, {len(records)} records), binary {binary}, "
          f"best of {args.runs}, JSON by {fast}")
    print(f"  {'raw CLI, file argument':<34} {base:7.3f} s")
    print(f"  {'raw CLI, text-only records':<34} {text_base:7.3f} s   (baseline of the strings row)")
    for name, work, against in [("raw CLI, standard input", cli_stdin, base),
                                ("nazif.clean(JSON lines as bytes)", python_bytes, base),
                                ("nazif.clean(dicts)", python_dicts, base),
                                ("nazif.clean(strings)", python_strings, text_base),
                                ("by hand: json.dumps, CLI, json.loads", by_hand, base)]:
        seconds = best(args.runs, work)
        print(f"  {name:<34} {seconds:7.3f} s  {100 * (seconds / against - 1):+6.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
