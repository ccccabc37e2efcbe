#!/usr/bin/env python3
"""How much nazif.clean() costs over the raw CLI on the compare corpus (`make compare-python`,
which `make compare` runs).

    python3 Benchmarks/compare/make_corpus.py            # /tmp/nazif-compare/corpus.jsonl
    NAZIF_BINARY=.build/release/nazif python3 Tools/python/overhead.py --runs 5

Every variant runs once per round, alternated (so a burst of load on the machine hits all of
them), for --runs rounds; the best and the median wall-clock seconds are printed, with the
overhead of the best over the raw CLI's best. The raw CLI is `nazif clean --jsonl FILE >
/dev/null`; nazif.clean() gets the same records already in memory (dicts as json.loads made
them, the "text" strings, or the lines as bytes) and the loop takes every cleaned record, so
the difference is what the package adds: encoding the records, the pipes, decoding the
output. "py cpu" is the CPU the Python process itself used (its threads; the child's is apart),
which load on the machine disturbs less than wall-clock time. Strings carry no url, so the
CLI sees one group: their baseline is the CLI on text-only records. orjson rows are run only
when orjson is importable (pip install nazif[fast]); json rows always. Before timing, every
variant's output is checked against the CLI's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "python"))
import nazif  # noqa: E402
from nazif import _feed  # noqa: E402

_ORJSON = _feed._orjson


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Variant:
    def __init__(self, name: str, work: Callable[[], None], baseline: Optional[str] = None,
                 orjson: Optional[bool] = None) -> None:
        self.name, self.work, self.baseline, self.orjson = name, work, baseline, orjson
        self.times: List[float] = []
        self.cpu: List[float] = []

    def run(self) -> None:
        if self.orjson is not None:
            _feed._orjson = _ORJSON if self.orjson else None
        try:
            cpu, start = cpu_self(), time.perf_counter()
            self.work()
            self.times.append(time.perf_counter() - start)
            self.cpu.append(cpu_self() - cpu)
        finally:
            _feed._orjson = _ORJSON


def main() -> int:
    parser = argparse.ArgumentParser(description="nazif.clean() overhead over the raw CLI")
    parser.add_argument("--corpus", default="/tmp/nazif-compare/corpus.jsonl", type=Path)
    parser.add_argument("--runs", default=5, type=int)
    parser.add_argument("--only", default="", help="comma-separated variant names' first words: cli,bytes,dicts,strings,hand")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"compare-python: no corpus at {args.corpus} (python3 Benchmarks/compare/make_corpus.py makes it)")
        return 1
    binary = nazif.binary_path()
    raw = args.corpus.read_bytes()
    records = [json.loads(line) for line in raw.splitlines()]
    texts = [r["text"] for r in records]
    lines = raw.splitlines()
    text_file = Path(tempfile.mkdtemp(prefix="nazif-overhead-")) / "texts.jsonl"
    text_file.write_bytes("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts).encode())

    def cli_on(path: Path) -> Callable[[], None]:
        return lambda: subprocess.run([binary, "clean", "--jsonl", str(path)], check=True,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def drain(docs: object) -> Callable[[], None]:
        def work() -> None:
            for _ in nazif.clean(docs):  # type: ignore[arg-type]
                pass
        return work

    def by_hand() -> None:
        # What a Python user does without the package: dump, run the CLI, load.
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
        out = subprocess.run([binary, "clean", "--jsonl"], input=data, check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
        [json.loads(line) for line in out.splitlines()]

    variants = [Variant("cli: nazif clean --jsonl FILE", cli_on(args.corpus)),
                Variant("cli: text-only records FILE", cli_on(text_file)),
                Variant("bytes: nazif.clean(JSON lines)", drain(lines), "cli: nazif clean --jsonl FILE")]
    backends = [("json", False)] + ([("orjson", True)] if _ORJSON is not None else [])
    for backend, fast in backends:
        variants += [Variant(f"dicts: nazif.clean(dicts), {backend}", drain(records), "cli: nazif clean --jsonl FILE", fast),
                     Variant(f"strings: nazif.clean(strings), {backend}", drain(texts), "cli: text-only records FILE", fast)]
    variants.append(Variant("hand: json.dumps, CLI, json.loads", by_hand, "cli: nazif clean --jsonl FILE", False))
    if args.only:
        wanted = set(args.only.split(","))
        variants = [v for v in variants if v.name.split(":")[0] in wanted or v.name.startswith("cli")]

    # Same records as the CLI, with each backend.
    expected = [json.loads(line) for line in subprocess.run(
        [binary, "clean", "--jsonl", str(args.corpus)], check=True, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL).stdout.splitlines()]
    expected_texts = [json.loads(line)["text"] for line in subprocess.run(
        [binary, "clean", "--jsonl", str(text_file)], check=True, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL).stdout.splitlines()]
    for backend, fast in backends:
        _feed._orjson = _ORJSON if fast else None
        assert list(nazif.clean(records)) == expected, f"nazif.clean(dicts) differs from the CLI ({backend})"
        assert list(nazif.clean(texts)) == expected_texts, f"nazif.clean(strings) differs from the CLI ({backend})"
        _feed._orjson = _ORJSON
    assert [json.loads(line) for line in nazif.clean(lines)] == expected, "nazif.clean(bytes) differs"

    for _ in range(args.runs):
        for variant in variants:
            variant.run()

    by_name: Dict[str, Variant] = {v.name: v for v in variants}
    load = os.getloadavg()[0]
    print(f"compare-python: {args.corpus} ({len(raw) / 1e6:.1f} MB, {len(records)} records), {binary}, "
          f"{args.runs} alternated rounds, load average {load:.1f} on {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"orjson {'%s' % getattr(_ORJSON, '__version__', '?') if _ORJSON is not None else 'not importable (its rows skipped)'}")
    print(f"  {'variant':<40} {'best s':>7} {'median s':>8} {'py cpu s':>8} {'overhead':>9}")
    for variant in variants:
        best = min(variant.times)
        overhead = ""
        if variant.baseline is not None:
            overhead = f"{100 * (best / min(by_name[variant.baseline].times) - 1):+8.1f}%"
        cpu = f"{min(variant.cpu):8.3f}" if variant.baseline is not None else f"{'':8}"
        print(f"  {variant.name:<40} {best:7.3f} {statistics.median(variant.times):8.3f} {cpu} {overhead:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
