"""Finding the ``nazif`` binary and running it: the one place that starts processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import IO, Optional, Sequence

__all__ = ["NazifError", "binary_path", "run", "StderrDrain"]

_PACKAGED = Path(__file__).resolve().parent / "bin" / "nazif"


class NazifError(RuntimeError):
    """The ``nazif`` command failed: ``message`` is what it wrote on standard error (file, line
    and byte for bad data), ``exit_code`` its documented exit code (64 usage, 65 bad data,
    66 missing input, 74 I/O; -N for a signal).

    Example::

        try:
            nazif.normalize(b"\\xff".decode("latin-1"), profile="bogus")
        except nazif.NazifError as error:
            print(error.exit_code, error.message)   # 64 Error: The value 'bogus' ...
    """

    def __init__(self, message: str, exit_code: int, command: Sequence[str] = ()) -> None:
        self.message = message.strip()
        self.exit_code = exit_code
        self.command = list(command)
        super().__init__(f"nazif exited {exit_code}: {self.message}")


def binary_path() -> str:
    """The ``nazif`` executable used: ``$NAZIF_BINARY``, else the one inside this package (the
    wheel carries it), else ``nazif`` on ``PATH``.

    Example::

        >>> nazif.binary_path()          # doctest: +SKIP
        '/venv/lib/python3.11/site-packages/nazif/bin/nazif'
    """
    override = os.environ.get("NAZIF_BINARY")
    if override:
        if not os.access(override, os.X_OK):
            raise NazifError(f"NAZIF_BINARY={override} is not an executable file", 66)
        return override
    if os.access(_PACKAGED, os.X_OK):
        return str(_PACKAGED)
    found = shutil.which("nazif")
    if found:
        return found
    raise NazifError("no nazif binary: install the nazif wheel, put nazif on PATH, or set NAZIF_BINARY", 66)


class StderrDrain:
    """Reads a child's standard error on a thread (so a chatty child never blocks on a full
    pipe) and keeps its last 64 KiB for the error message.

    Example::

        drain = StderrDrain(process.stderr); ...; drain.join(); print(drain.text)
    """

    LIMIT = 64 << 10

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._chunks: list[bytes] = []
        self._size = 0
        self._thread = threading.Thread(target=self._run, name="nazif-stderr", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        read = getattr(self._stream, "read1", self._stream.read)  # read1: whatever is there
        for chunk in iter(lambda: read(1 << 16), b""):
            self._chunks.append(chunk)
            self._size += len(chunk)
            while self._size > self.LIMIT and len(self._chunks) > 1:
                self._size -= len(self._chunks.pop(0))

    def join(self) -> None:
        """Waits until the child closed its standard error."""
        self._thread.join()

    @property
    def text(self) -> str:
        """What the child wrote (its last 64 KiB), decoded leniently."""
        return b"".join(self._chunks).decode("utf-8", "replace")


def run(args: Sequence[str], data: Optional[bytes] = None) -> bytes:
    """Runs ``nazif ARGS`` on ``data`` (standard input) and returns its standard output;
    raises :class:`NazifError` with its message on a non-zero exit.

    Example::

        >>> nazif._cli.run(["normalize", "--profile", "search"], "أحمد\\n".encode())
        b'\\xd8\\xa7\\xd8\\xad\\xd9\\x85\\xd8\\xaf\\n'
    """
    command = [binary_path(), *args]
    completed = subprocess.run(command, input=data if data is not None else b"",
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if completed.returncode != 0:
        raise NazifError(completed.stderr.decode("utf-8", "replace"), completed.returncode, command)
    return completed.stdout
