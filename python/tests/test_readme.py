"""The Python examples of docs/README-python.md and of the package's README.md, run as they are
(they assert their results)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
READMES = [HERE.parent.parent / "docs" / "README-python.md", HERE.parent / "README.md"]


def blocks(readme):
    return re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("readme,least", [(READMES[0], 3), (READMES[1], 1)], ids=["docs", "package"])
def test_the_readme_has_examples(readme, least):
    assert len(blocks(readme)) >= least


@pytest.mark.parametrize("readme", READMES, ids=["docs", "package"])
def test_the_readme_examples_run(readme):
    namespace: dict = {}
    for number, code in enumerate(blocks(readme)):
        if "datatrove" in code:
            pytest.importorskip("datatrove")
        exec(compile(code, f"{readme.name} block {number + 1}", "exec"), namespace)
