#!/usr/bin/env python3
"""Side-by-side speed comparison of Nazif's CLI and the Python libraries
people use for the same jobs (`make compare`).

Every tool is run as a whole process on the same input file (stdin from
/dev/null, stdout to /dev/null), its wall time measured with
time.perf_counter() around the process.  Within each round the tools of a row
run one after another (Nazif, peer A, peer B, ...), and the rounds repeat
--runs times, so a slow drift of the machine (thermal, another job) hits every
tool alike; the table reports the median of the runs.

A Nazif subcommand that fails (exit status != 0, e.g. not implemented yet) is
reported as "failed: <first stderr line>" and the harness carries on; so is a
peer that fails (with the last stderr line, where Python puts the error).

Rows (pick some with --only):
  normalize  nazif normalize --profile search   vs CAMeL chain, PyArabic chain, PyICU NFKC
  tokenize   nazif tokenize                     vs CAMeL simple_word_tokenize, PyICU word BreakIterator
  clean      nazif clean --jsonl --field text --threads 1 / 2
                                                vs CCNet-style line dedup, datatrove C4QualityFilter
  translit   nazif translit --scheme buckwalter vs CAMeL ar2bw, PyICU Arabic-Latin
  names      nazif names key                    (names/s; no peer)
  dedup      nazif dedup --jsonl --threads 1 / 2
                                                vs datasketch and rensa MinHash-LSH, same parameters
                                                (Tools/dedup/peers.py, in NAZIF_DEDUP_PYTHON's venv)
  dedup-signatures  nazif dedup signatures --jsonl --threads 1 (MB/s per core; no peer)

Environment (defaults of the options, handy from `make compare`):
  NAZIF_PEERS_VENV     venv made by setup_peers.sh (default ~/.cache/nazif/peers-venv)
  NAZIF_COMPARE_OUT    --out      NAZIF_COMPARE_RUNS  --runs
  NAZIF_COMPARE_SIZE   --size     NAZIF_COMPARE_ONLY  --only
  NAZIF_DEDUP_PYTHON   interpreter with datasketch and rensa (default: mk/dedup.mk's venv,
                       ~/.cache/nazif/dedup-venv/bin/python)
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PEERS = HERE / "peers"
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402  (sibling module)

DEFAULT_VENV = Path(os.environ.get("NAZIF_PEERS_VENV", Path.home() / ".cache" / "nazif" / "peers-venv"))
DEDUP_PYTHON = os.environ.get("NAZIF_DEDUP_PYTHON", str(Path.home() / ".cache" / "nazif" / "dedup-venv" / "bin" / "python"))
DEDUP_PEERS = REPO / "Tools" / "dedup" / "peers.py"

# Distributions whose versions are printed in the report.
PEER_DISTS = ["camel-tools", "pyarabic", "PyICU", "datatrove", "spacy", "numpy"]


# --- what is measured -------------------------------------------------------

@dataclass
class Tool:
    label: str
    argv: list[str]          # without the input file, which is appended
    nazif: bool              # Nazif's CLI (vs a Python peer)
    suffix: list[str] = field(default_factory=list)  # arguments after the input file
    times: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and not self.error else None


@dataclass
class Row:
    task: str
    input: str               # file name inside --out
    per_line: bool = False   # speed in lines (names) per second instead of MB/s
    tools: list[Tool] = field(default_factory=list)


def make_rows(nazif: str, python: str, with_nazif: bool, with_peers: bool) -> list[Row]:
    def nz(label: str, *args: str) -> Tool:
        return Tool(label, [nazif, *args], nazif=True)

    def peer(label: str, script: str) -> Tool:
        return Tool(label, [python, str(PEERS / script)], nazif=False)

    rows = [
        Row("normalize", "corpus.txt", tools=[
            nz("nazif normalize --profile search", "normalize", "--profile", "search"),
            peer("CAMeL Tools unicode→alef→maksura→teh→dediac", "camel_normalize.py"),
            peer("PyArabic strip_tashkeel→strip_tatweel→normalize_hamza", "pyarabic_normalize.py"),
            peer("PyICU NFKC (Normalizer2)", "pyicu_nfkc.py"),
        ]),
        Row("tokenize", "corpus.txt", tools=[
            nz("nazif tokenize", "tokenize"),
            peer("CAMeL Tools simple_word_tokenize", "camel_tokenize.py"),
            peer("PyICU word BreakIterator (ar)", "pyicu_wordbreak.py"),
        ]),
        Row("clean", "corpus.jsonl", tools=[
            nz("nazif clean --jsonl --field text --threads 1", "clean", "--jsonl", "--field", "text", "--threads", "1"),
            nz("nazif clean --jsonl --field text --threads 2", "clean", "--jsonl", "--field", "text", "--threads", "2"),
            peer("Python CCNet-style line dedup", "python_dedup.py"),
            peer("datatrove C4QualityFilter", "datatrove_c4.py"),
        ]),
        Row("translit", "corpus.txt", tools=[
            nz("nazif translit --scheme buckwalter", "translit", "--scheme", "buckwalter"),
            peer("CAMeL Tools CharMapper ar2bw", "camel_ar2bw.py"),
            peer("PyICU Transliterator Arabic-Latin", "pyicu_arabic_latin.py"),
        ]),
        Row("names", "names.txt", per_line=True, tools=[
            nz("nazif names key", "names", "key"),
        ]),
        Row("dedup", "corpus.jsonl", tools=[
            nz("nazif dedup --jsonl --threads 1", "dedup", "--jsonl", "--threads", "1"),
            nz("nazif dedup --jsonl --threads 2", "dedup", "--jsonl", "--threads", "2"),
            Tool("datasketch MinHashLSH 16×7, 5-word shingles", [DEDUP_PYTHON, str(DEDUP_PEERS), "datasketch"], nazif=False, suffix=["text"]),
            Tool("rensa RMinHashLSH 16×7, 5-word shingles", [DEDUP_PYTHON, str(DEDUP_PEERS), "rensa"], nazif=False, suffix=["text"]),
        ]),
        Row("dedup-signatures", "corpus.jsonl", tools=[
            nz("nazif dedup signatures --jsonl --threads 1", "dedup", "signatures", "--jsonl", "--threads", "1",
               "-o", os.path.join(tempfile.gettempdir(), f"nazif-compare-{os.getpid()}.sig")),
        ]),
    ]
    for row in rows:
        row.tools = [t for t in row.tools if (with_nazif if t.nazif else with_peers)]
    return [r for r in rows if r.tools]


# --- running ----------------------------------------------------------------

def run_once(tool: Tool, path: Path, timeout: float) -> None:
    """Run the tool once on `path`; append its wall time or set its error.

    The child is waited for with a blocking waitpid and killed by a timer thread on timeout:
    subprocess.run(timeout=...) polls with sleeps of up to 50 ms, which rounded every time up
    to the next 50 ms step (a 37 ms run showed as 65 ms)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(tool.argv + [str(path)] + tool.suffix, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err)
        except OSError as e:  # binary missing, not executable...
            tool.error = f"cannot run {tool.argv[0]}: {e.strerror or e}"
            return
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            returncode = proc.wait()
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        if timed_out.is_set():
            tool.error = f"timeout after {timeout:.0f} s"
            return
        if returncode != 0:
            err.seek(0)
            lines = [l.strip() for l in err.read().decode("utf-8", "replace").splitlines() if l.strip()]
            # Nazif: its first line; Python: the last line (the exception).
            msg = (lines[0] if tool.nazif else lines[-1]) if lines else "(no stderr)"
            tool.error = f"exit {returncode}: {msg}"[:200]
            return
    tool.times.append(elapsed)


def warm_cache(path: Path) -> None:
    """Read the input once so that no tool pays for the first disk read."""
    with open(path, "rb") as f:
        while f.read(1 << 22):
            pass


def run_row(row: Row, out: Path, runs: int, timeout: float) -> None:
    path = out / row.input
    warm_cache(path)
    for r in range(runs):
        for tool in row.tools:
            if tool.error:
                continue
            run_once(tool, path, timeout)
            status = f"{tool.times[-1]:.3f} s" if not tool.error else f"FAILED ({tool.error})"
            print(f"  [{row.task} {r + 1}/{runs}] {tool.label}: {status}", file=sys.stderr, flush=True)


# --- report -----------------------------------------------------------------

def sh(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def peer_versions(python: str) -> str:
    code = (
        "import importlib.metadata as m, sys\n"
        f"for d in {PEER_DISTS!r}:\n"
        "    try: print(f'{d} {m.version(d)}')\n"
        "    except m.PackageNotFoundError: print(f'{d} missing')\n"
        "try:\n    import icu; print(f'ICU (PyICU) {icu.ICU_VERSION}')\nexcept Exception: pass\n"
        "print('Python', sys.version.split()[0])\n"
    )
    got = sh([python, "-c", code])
    return ", ".join(got.splitlines()) if got else "unavailable"


def header(args: argparse.Namespace, manifest: dict) -> list[str]:
    files = manifest["files"]
    icu = sh(["pkg-config", "--modversion", "icu-uc"]) or "unknown (pkg-config icu-uc not found)"
    nazif_version = sh([args.nazif, "--version"]) if not args.no_nazif else ""
    lines = [
        "# Nazif vs Python peers",
        "",
        f"- date: {_dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- machine: `{sh(['uname', '-m']) or platform.machine()}`, {cpu_model()}, {os.cpu_count()} cores",
        f"- ICU (system, pkg-config icu-uc): {icu}",
        f"- nazif: " + ("not run" if args.no_nazif else f"`{args.nazif}`")
        + (f" ({nazif_version.splitlines()[0]})" if nazif_version else ""),
        f"- peers: {peer_versions(args.python) if not args.no_peers else 'not run'}",
        f"- dedup peers (`{DEDUP_PYTHON}`): "
        + (sh([DEDUP_PYTHON, "-c", "import importlib.metadata as m; print(', '.join(d + ' ' + m.version(d) for d in ('datasketch', 'rensa')))"]) or "unavailable"
           if not args.no_peers else "not run"),
        f"- input: corpus.txt {files['corpus.txt']['bytes'] / 1e6:.1f} MB ({files['corpus.txt']['lines']:,} lines), "
        f"corpus.jsonl {files['corpus.jsonl']['bytes'] / 1e6:.1f} MB ({files['corpus.jsonl']['lines']:,} docs), "
        f"names.txt {files['names.txt']['lines']:,} names",
        f"- method: whole processes, stdout to /dev/null, tools alternated within each round, "
        f"median of {args.runs} run(s); MB = 10^6 bytes of input",
        "",
    ]
    return lines


def speed(row: Row, t: float, manifest: dict) -> str:
    info = manifest["files"][row.input]
    if row.per_line:
        return f"{info['lines'] / t:,.0f} names/s"
    return f"{info['bytes'] / 1e6 / t:.1f}"


def ratio_cell(row: Row, tool: Tool) -> str:
    """Nazif's speed ÷ this tool's speed (= this tool's time ÷ Nazif's time)."""
    refs = [t for t in row.tools if t.nazif and t.median]
    if tool.median is None or not refs:
        return "—"
    if tool.nazif:
        if tool is refs[0]:
            return "1.00 (reference)"
        return f"{tool.median / refs[0].median:.2f}"
    cells = [f"{tool.median / refs[0].median:.1f}×"]
    for ref in refs[1:]:  # e.g. clean --threads 2
        extra = ref.label.split("--threads")[-1].strip()
        tag = f"{extra} threads" if "--threads" in ref.label else ref.label
        cells.append(f"{tool.median / ref.median:.1f}× vs {tag}")
    return cells[0] if len(cells) == 1 else f"{cells[0]} ({', '.join(cells[1:])})"


def table(rows: list[Row], manifest: dict) -> list[str]:
    lines = [
        "| task | tool | median s | MB/s | Nazif's speed ÷ this tool's |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        for tool in row.tools:
            if tool.error:
                lines.append(f"| {row.task} | {tool.label} | failed: {tool.error.replace('|', '/')} | — | — |")
                continue
            m = tool.median
            lines.append(f"| {row.task} | {tool.label} | {m:.3f} | {speed(row, m, manifest)} | {ratio_cell(row, tool)} |")
    return lines


# --- main -------------------------------------------------------------------

def ensure_corpus(args: argparse.Namespace) -> dict:
    """Build the corpus unless --out already holds one made with these parameters."""
    out = Path(args.out)
    margs = make_corpus.parser().parse_args(["--out", str(out), "--size", str(args.size)]
                                            + (["--names", str(args.names)] if args.names else []))
    if margs.names is None:
        margs.names = make_corpus.default_names(margs.size)
    manifest_path = out / "manifest.json"
    if manifest_path.is_file():
        m = json.loads(manifest_path.read_text(encoding="utf-8"))
        if (m.get("generator_version") == make_corpus.GENERATOR_VERSION
                and m.get("params") == make_corpus.params_of(margs)
                and all((out / f).is_file() for f in m.get("files", {}))):
            return m
    print(f"compare: building a {args.size / 1e6:.1f} MB corpus in {out} ...", file=sys.stderr, flush=True)
    return make_corpus.build(margs)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    env = os.environ.get
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nazif", default=str(REPO / ".build" / "release" / "nazif"), help="Nazif binary (default %(default)s)")
    p.add_argument("--out", default=env("NAZIF_COMPARE_OUT", "/tmp/nazif-compare"), help="corpus and report folder (default %(default)s)")
    p.add_argument("--runs", type=int, default=int(env("NAZIF_COMPARE_RUNS", "3")), help="rounds; the median is reported (default %(default)s)")
    p.add_argument("--size", type=int, default=int(env("NAZIF_COMPARE_SIZE", "20000000")), help="corpus.txt size in bytes (default %(default)s)")
    p.add_argument("--names", type=int, default=None, help="names.txt lines (default size/20, 1M for 20 MB)")
    p.add_argument("--only", default=env("NAZIF_COMPARE_ONLY", ""), help="comma-separated rows: normalize,tokenize,clean,translit,names,dedup,dedup-signatures")
    p.add_argument("--python", default=None, help="interpreter with the peers installed (default: the setup_peers.sh venv)")
    p.add_argument("--no-setup", action="store_true", help="do not run setup_peers.sh first")
    p.add_argument("--no-nazif", action="store_true", help="run the peers only")
    p.add_argument("--no-peers", action="store_true", help="run Nazif only")
    p.add_argument("--timeout", type=float, default=3600, help="seconds before one run is given up (default %(default)s)")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be >= 1")
    if args.python is None:
        args.python = str(DEFAULT_VENV / "bin" / "python")
    elif not args.no_setup:
        args.no_setup = True  # an explicit interpreter is the caller's business
    args.nazif = str(Path(args.nazif).expanduser())
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rows = make_rows(args.nazif, args.python, not args.no_nazif, not args.no_peers)
    if args.only:
        wanted = [w.strip() for w in args.only.split(",") if w.strip()]
        unknown = set(wanted) - {r.task for r in rows}
        if unknown:
            print(f"compare: unknown or empty rows: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        rows = [r for r in rows if r.task in wanted]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    if not args.no_peers and not args.no_setup:
        env = dict(os.environ, NAZIF_PEERS_VENV=str(Path(args.python).parent.parent))
        setup = subprocess.run(["bash", str(HERE / "setup_peers.sh")], env=env, stdout=sys.stderr)
        if setup.returncode != 0:
            print("compare: setup_peers.sh failed; the peers will be reported as failed", file=sys.stderr)

    manifest = ensure_corpus(args)

    for row in rows:
        run_row(row, out, args.runs, args.timeout)
    Path(tempfile.gettempdir(), f"nazif-compare-{os.getpid()}.sig").unlink(missing_ok=True)

    report = "\n".join(header(args, manifest) + table(rows, manifest)) + "\n"
    print(report)
    (out / "compare.md").write_text(report, encoding="utf-8")
    raw = {r.task: {t.label: {"argv": t.argv + [str(out / r.input)] + t.suffix, "times_s": t.times, "error": t.error}
                    for t in r.tools} for r in rows}
    (out / "compare.json").write_text(json.dumps({"manifest": manifest, "rows": raw}, indent=2,
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"compare: wrote {out / 'compare.md'} and {out / 'compare.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
