"""``nazif.Table``: a repetition table (``nazif learn`` / ``nazif merge``) as a Python object."""

from __future__ import annotations

import os
import subprocess
import tempfile
from typing import Any, Dict, Iterable, Optional, Sequence, Union

from ._cli import run
from ._feed import finish, start, stop

__all__ = ["Table"]

PathLike = Union[str, "os.PathLike[str]"]


def _temporary_path() -> str:
    descriptor, path = tempfile.mkstemp(prefix="nazif-", suffix=".table")
    os.close(descriptor)
    return path


class Table:
    """A repetition table file: in how many documents of each group (site) every line occurs.
    ``nazif.clean(docs, table=...)`` uses it to drop site templates while streaming.
    Tables counted on shards add up with :meth:`merge`.

    A table made without a ``path`` lives in a temporary file that is removed by
    :meth:`close` (or leaving a ``with`` block); one given a path stays.

    Example::

        with nazif.Table.learn(docs, group_by="site") as table:
            for record in nazif.clean(more_docs, group_by="site", table=table):
                ...
    """

    def __init__(self, path: PathLike, *, temporary: bool = False) -> None:
        """Wraps an existing table file (from ``nazif learn`` or ``nazif merge``).

        Example: ``nazif.Table("site.table")``
        """
        self.path = os.fspath(path)
        self._temporary = temporary

    @classmethod
    def learn(cls, docs: Iterable[Union[str, Dict[str, Any]]], path: Optional[PathLike] = None,
              field: str = "text", group_by: Optional[str] = None,
              threads: Optional[int] = None) -> "Table":
        """Counts the lines of ``docs`` (strings, or dicts holding ``field``) into a table
        (``nazif learn --jsonl``), written to ``path`` or a temporary file.

        Example::

            >>> table = nazif.Table.learn(docs, group_by="site")
            >>> table.size > 0
            True
        """
        target = os.fspath(path) if path is not None else _temporary_path()
        args = ["learn", "--jsonl", "--field", field, "-o", target]
        if group_by is not None:
            args += ["--group-by", group_by]
        if threads is not None:
            args += ["--threads", str(threads)]
        try:
            process, writer, drain = start(args, docs, field, group_by, subprocess.DEVNULL)
            try:
                finish(process, writer, drain)
            finally:
                stop(process)
        except BaseException:
            if path is None and os.path.exists(target):
                os.unlink(target)
            raise
        return cls(target, temporary=path is None)

    @classmethod
    def merge(cls, tables: Sequence[Union["Table", PathLike]],
              path: Optional[PathLike] = None) -> "Table":
        """Adds tables counted apart (``nazif merge``) into one, at ``path`` or a temporary file.

        Example::

            >>> both = nazif.Table.merge([nazif.Table.learn(a), nazif.Table.learn(b)])
        """
        if not tables:
            raise ValueError("merge needs at least one table")
        target = os.fspath(path) if path is not None else _temporary_path()
        names = [t.path if isinstance(t, Table) else os.fspath(t) for t in tables]
        try:
            run(["merge", *names, "-o", target])
        except BaseException:
            if path is None and os.path.exists(target):
                os.unlink(target)
            raise
        return cls(target, temporary=path is None)

    @property
    def size(self) -> int:
        """The table file's size in bytes (12 bytes per distinct line and group, and a header).

        Example: ``nazif.Table("site.table").size``
        """
        return os.path.getsize(self.path)

    def __fspath__(self) -> str:
        return self.path

    def close(self) -> None:
        """Removes the file if this table made it as a temporary one.

        Example: ``table.close()``
        """
        if self._temporary and os.path.exists(self.path):
            os.unlink(self.path)
        self._temporary = False

    def __enter__(self) -> "Table":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Table({self.path!r})"


def merge_table_bytes(tables: Iterable[bytes]) -> bytes:
    """Adds tables given as bytes (as distributed engines hand them around) with ``nazif merge``
    and gives the merged table's bytes; the files it needs live in a temporary folder.

    Example::

        >>> merged = merge_table_bytes([open(a, "rb").read(), open(b, "rb").read()])
    """
    import shutil
    directory = tempfile.mkdtemp(prefix="nazif-merge-")
    try:
        paths = []
        for number, data in enumerate(tables):
            paths.append(os.path.join(directory, f"{number}.table"))
            with open(paths[-1], "wb") as out:
                out.write(data)
        merged = Table.merge(paths, os.path.join(directory, "merged.table"))
        with open(merged.path, "rb") as table:
            return table.read()
    finally:
        shutil.rmtree(directory, ignore_errors=True)
