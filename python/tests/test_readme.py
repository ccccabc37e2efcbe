"""The Python examples of docs/README-python.md, run as they are (they assert their results)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent.parent / "docs" / "README-python.md"


def blocks():
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_the_readme_has_examples():
    assert len(blocks()) >= 3


def test_the_readme_examples_run():
    namespace: dict = {}
    for number, code in enumerate(blocks()):
        if "datatrove" in code:
            pytest.importorskip("datatrove")
        exec(compile(code, f"README-python.md block {number + 1}", "exec"), namespace)
