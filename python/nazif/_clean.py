"""``nazif.clean``: documents streamed through one ``nazif clean --jsonl`` process."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from typing import (Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Set, TypedDict,
                    Union, overload)
from typing import Literal

from ._cli import NazifError
from . import _feed
from ._feed import finish, line_blocks, loads_line, start, stop
from ._table import Table

__all__ = ["clean", "Cleaned", "Removal"]

Record = Union[str, bytes, Dict[str, Any]]

class Removal(TypedDict, total=False):
    """One removed line, as ``nazif clean --explain`` gives it: line number (from 1), UTF-8
    byte range in the document's text, rule (``marker.source``, ``template``, ``promo``, ...)
    and the reason.

    Example: ``{"line": 2, "start": 2, "end": 28, "rule": "marker.source", "detail": "المصدر"}``
    """

    line: int
    start: int
    end: int
    rule: str
    detail: str


class Cleaned(NamedTuple):
    """A cleaned record with what was removed from it (``clean(..., explain=True)``).

    Example::

        for record, removed in nazif.clean(docs, explain=True):
            print(record["id"], [r["rule"] for r in removed])
    """

    record: Any
    removed: List[Removal]


def _arguments(field: str, group_by: Optional[str], table: Union[Table, str, os.PathLike, None],
               threads: Optional[int], min_count: Optional[int]) -> List[str]:
    args = ["clean", "--jsonl", "--field", field]
    if group_by is not None:
        args += ["--group-by", group_by]
    if table is not None:
        args += ["--table", os.fspath(table.path if isinstance(table, Table) else table)]
    if threads is not None:
        args += ["--threads", str(threads)]
    if min_count is not None:
        args += ["--min-count", str(min_count)]
    return args


def _decode(line: bytes, kind: Optional[type], field: str, fast: bool = True) -> Any:
    if kind is bytes:
        return line.rstrip(b"\n")
    record = loads_line(line, fast)
    return record[field] if kind is str else record


def _decoded(lines: List[bytes], first: int, kind: Optional[type], field: str,
             slow: Set[int]) -> List[Any]:
    """A block of output lines (without line breaks) as what clean() yields; ``first`` is the
    number of the block's first record, ``slow`` the records json (not orjson) reads."""
    if kind is bytes:
        return lines
    orjson = _feed._orjson
    if orjson is None:
        # One parse for the whole block, as a JSON array of its lines (strict UTF-8).
        records = json.loads((b"[" + b",".join(lines) + b"]").decode("utf-8")) if lines else []
    elif not slow:
        loads = orjson.loads
        records = [loads(line) for line in lines]
    else:
        records = [loads_line(line, first + n not in slow) for n, line in enumerate(lines)]
    if kind is str:
        return [record[field] for record in records]
    return records


@overload
def clean(docs: Iterable[Record], field: str = ..., group_by: Optional[str] = ...,
          table: Union[Table, str, os.PathLike, None] = ..., explain: Literal[False] = ...,
          threads: Optional[int] = ..., min_count: Optional[int] = ...) -> Iterator[Any]: ...
@overload
def clean(docs: Iterable[Record], field: str = ..., group_by: Optional[str] = ...,
          table: Union[Table, str, os.PathLike, None] = ..., explain: Literal[True] = ...,
          threads: Optional[int] = ..., min_count: Optional[int] = ...) -> Iterator[Cleaned]: ...
def clean(docs: Iterable[Record], field: str = "text", group_by: Optional[str] = None,
          table: Union[Table, str, os.PathLike, None] = None, explain: bool = False,
          threads: Optional[int] = None, min_count: Optional[int] = None) -> Iterator[Any]:
    """Removes boilerplate (bylines, "read also" blocks, tags, share bars, site templates) from
    documents, yielding them cleaned, in order, as the type given: strings give strings,
    dicts give dicts whose ``field`` is cleaned (every other key kept), and ``bytes`` holding
    one JSON object each (a JSON Lines line, e.g. read from a file) give the cleaned line as
    ``bytes`` without decoding it in Python: the fastest way. With
    ``explain=True`` it yields :class:`Cleaned` pairs ``(record, removed)``.

    All records go through ONE ``nazif clean --jsonl`` process: a thread writes them to its
    standard input while this generator reads its output, so memory stays flat (the pipes are
    the bounded buffers; neither side can deadlock). Site templates are lines repeated across
    many documents of a group (``group_by`` field, else the host of a ``url`` field, else one
    group), so they can only be known after seeing the documents:

    - with ``table`` (a :class:`Table` or the path of one, from :meth:`Table.learn` or
      ``nazif learn``), records come back while later ones are still being written: true
      streaming, for inputs of any size;
    - without it, the ``nazif`` process keeps its standard input in a temporary file (in
      ``$TMPDIR``, the size of the input) and counts templates in a first pass, so the first
      record comes back only once the last has been written. The result is exactly that of
      ``nazif clean --jsonl`` on the same records.

    With ``explain=True`` the process writes its output and its explanations to two
    temporary files, which are read together (record by record) once it has finished.
    A failure raises :class:`NazifError` with the CLI's message (``<stdin>:LINE: ...``) and
    exit code; a record that is neither str nor dict raises ``TypeError``.

    Example::

        >>> list(nazif.clean(["قال الوزير إن الاتفاق وقع.\\nالمصدر: رويترز"]))
        ['قال الوزير إن الاتفاق وقع.']
        >>> [r["rule"] for _, removed in nazif.clean(docs, explain=True) for r in removed]
        ['marker.source']
    """
    args = _arguments(field, group_by, table, threads, min_count)
    if explain:
        return _clean_explained(docs, field, group_by, args)
    return _clean_streaming(docs, field, group_by, args)


def _clean_streaming(docs: Iterable[Record], field: str, group_by: Optional[str],
                     args: List[str]) -> Iterator[Any]:
    process, writer, drain = start(args, docs, field, group_by, subprocess.PIPE)
    assert process.stdout is not None
    finished = False
    try:
        count = 0
        for lines in line_blocks(process.stdout):
            # writer.kind is set before the first record reaches the child, so before any output
            yield from _decoded(lines, count, writer.kind, field, writer.slow)
            count += len(lines)
        finish(process, writer, drain)
        finished = True
    finally:
        if not finished:  # the consumer stopped early, or something failed: end the child
            stop(process)
        process.stdout.close()


def _clean_explained(docs: Iterable[Record], field: str, group_by: Optional[str],
                     args: List[str]) -> Iterator[Cleaned]:
    with tempfile.TemporaryDirectory(prefix="nazif-py-") as directory:
        output = os.path.join(directory, "clean.jsonl")
        explanations = os.path.join(directory, "explain.jsonl")
        process, writer, drain = start(args + ["-o", output, "--explain-file", explanations],
                                        docs, field, group_by, subprocess.DEVNULL)
        try:
            finish(process, writer, drain)
        finally:
            stop(process)
        with open(output, "rb") as cleaned, open(explanations, "rb") as explained:
            for number, line in enumerate(cleaned):
                why = explained.readline()
                if not why:
                    raise NazifError(f"explanations end before record {number + 1}", 74, args)
                yield Cleaned(_decode(line, writer.kind, field, number not in writer.slow),
                              json.loads(why)["removed"])
