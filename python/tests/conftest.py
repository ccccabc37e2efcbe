"""Shared fixtures: the seed articles of the repository (seeds/) and their goldens.

The tests run the real binary: $NAZIF_BINARY, else the one the installed wheel carries, else
nazif on PATH (see nazif.binary_path).
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
SEEDS = sorted((REPO / "seeds").glob("[0-9][0-9][0-9]_*.txt"))
EXPECTED = REPO / "seeds" / "expected"


def seed_number(path: Path) -> str:
    return path.name[:3]


@pytest.fixture(scope="session")
def seeds() -> List[Tuple[str, str]]:
    """(number, text) of every seed article."""
    assert SEEDS, f"no seed articles in {REPO / 'seeds'}"
    return [(seed_number(p), p.read_text(encoding="utf-8")) for p in SEEDS]


@pytest.fixture(scope="session")
def expected() -> Dict[str, Dict[str, str]]:
    """Per seed number: the golden outputs (clean, search, removed)."""
    out: Dict[str, Dict[str, str]] = {}
    for path in SEEDS:
        n = seed_number(path)
        out[n] = {kind: (EXPECTED / f"{n}.{kind}").read_text(encoding="utf-8")
                  for kind in ("clean.txt", "search.txt", "removed.tsv", "tokens.txt")}
    return out
