"""The installed package: the binary it runs, and its typing marker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import nazif


def test_the_binary_answers_its_version():
    assert nazif._cli.run(["--version"]).decode().strip() == nazif.__version__


@pytest.mark.skipif(bool(os.environ.get("NAZIF_BINARY")), reason="NAZIF_BINARY overrides the packaged binary")
def test_without_override_the_packaged_binary_is_used():
    package = Path(nazif.__file__).resolve().parent
    assert Path(nazif.binary_path()).resolve() == package / "bin" / "nazif"
    assert (package / "py.typed").exists()


def test_a_missing_override_is_an_error(monkeypatch):
    monkeypatch.setenv("NAZIF_BINARY", "/nonexistent/nazif")
    with pytest.raises(nazif.NazifError) as caught:
        nazif.normalize("نص")
    assert caught.value.exit_code == 66
