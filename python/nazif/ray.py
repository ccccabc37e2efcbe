"""Nazif on Ray Data: the two passes of ``nazif clean`` over a Dataset column.

Pass 1: ``map_batches`` runs ``nazif learn`` on every batch, giving one table per batch;
the driver adds them with ``nazif merge`` (tables are small: 12 bytes per distinct line and
group). Pass 2: ``map_batches`` with :class:`CleanBatches`, Ray's callable-class form: each
actor holds the merged table and ONE long-lived ``nazif clean --table`` process that cleans
every batch the actor is given; ``concurrency=N`` actors give N processes. The result equals
one ``nazif clean`` over all the records.

The actor's process runs with ``--threads 1``: with one thread, ``nazif clean`` writes each
record as soon as it has read it, so a batch's last record comes back without a following
one (with worker threads the output is handed on only when later input arrives). Ray's
parallelism is the actors: give ``concurrency`` the number of cores. When the actor goes
(:meth:`CleanBatches.close`, garbage collection, or its worker process being killed, which
closes the pipe) the process reads the end of its input and exits; the table file is removed
as soon as the process has loaded it, so a killed actor leaves no file behind.

Ray is not imported by this module: ``clean_dataset`` takes a Dataset made by the caller.

Example::

    import ray
    from nazif.ray import clean_dataset
    cleaned = clean_dataset(ray.data.read_json("crawl/"), "text", group_by="site", concurrency=8)
    cleaned.write_json("clean/")
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from typing import Any, Dict, List, Optional

from ._cli import NazifError, StderrDrain, binary_path
from ._feed import dumps_line, loads_line
from ._table import Table, merge_table_bytes

__all__ = ["clean_dataset", "learn_dataset_table", "CleanBatches"]

_GROUP = "nazif_group"
_WARM_UP = b'{"text":""}\n'


def _records(batch: Any, column: str, group_by: Optional[str]) -> List[Dict[str, Any]]:
    texts = batch[column].tolist()
    groups = batch[group_by].tolist() if group_by is not None else None
    records: List[Dict[str, Any]] = []
    for number, text in enumerate(texts):
        record: Dict[str, Any] = {"text": text if isinstance(text, str) else ""}
        if groups is not None:
            record[_GROUP] = "" if groups[number] is None else str(groups[number])
        records.append(record)
    return records


class CleanBatches:
    """The pass-2 actor: one ``nazif clean --jsonl --table`` process for all its batches,
    cleaning ``column`` of each pandas batch (other columns kept, nulls stay null).

    The process is started by the first batch and kept; each batch is written to it on a
    thread while its records are read back (the pipes bound the buffering both ways). A
    failing process raises :class:`nazif.NazifError` with its message, failing the task.

    Example::

        ds.map_batches(CleanBatches, fn_constructor_kwargs={"table": data, "column": "text"},
                       batch_format="pandas", concurrency=4)
    """

    def __init__(self, table: bytes, column: str, group_by: Optional[str] = None,
                 binary: Optional[str] = None) -> None:
        if binary:
            os.environ["NAZIF_BINARY"] = binary
        self.column, self.group_by = column, group_by
        self._table = table
        self._process: Optional["subprocess.Popen[bytes]"] = None
        self._drain: Optional[StderrDrain] = None
        self._lock = threading.Lock()
        self.batches = 0

    @property
    def pid(self) -> Optional[int]:
        """The process id of the actor's ``nazif`` process (None before the first batch)."""
        return self._process.pid if self._process is not None else None

    def _failure(self, what: str) -> NazifError:
        process = self._process
        assert process is not None and self._drain is not None
        code = process.wait()
        self._drain.join()
        self._process = None
        return NazifError(f"{what}: {self._drain.text}", code if code != 0 else 74, process.args)  # type: ignore[arg-type]

    def _start(self) -> "subprocess.Popen[bytes]":
        directory = tempfile.mkdtemp(prefix="nazif-ray-")
        try:
            path = os.path.join(directory, "merged.table")
            with open(path, "wb") as out:
                out.write(self._table)
            args = [binary_path(), "clean", "--jsonl", "--threads", "1", "--table", path]
            if self.group_by is not None:
                args += ["--group-by", _GROUP]
            process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, bufsize=1 << 16)
            assert process.stdin is not None and process.stdout is not None and process.stderr is not None
            self._process, self._drain = process, StderrDrain(process.stderr)
            # One empty record: once it is back, the process has loaded the table (so the
            # file can go) and is known to work.
            try:
                process.stdin.write(_WARM_UP)
                process.stdin.flush()
            except BrokenPipeError:
                pass
            if not process.stdout.readline():
                raise self._failure("nazif clean did not start")
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        return process

    def __call__(self, batch: Any) -> Any:
        with self._lock:
            process = self._process or self._start()
            assert process.stdin is not None and process.stdout is not None
            records = _records(batch, self.column, self.group_by)
            data = b"".join(dumps_line(r)[0] for r in records)
            failed: List[BaseException] = []

            def write() -> None:
                try:
                    assert process.stdin is not None
                    process.stdin.write(data)
                    process.stdin.flush()
                except BrokenPipeError:
                    pass  # the process ended: reading tells why
                except BaseException as error:  # pragma: no cover - re-raised below
                    failed.append(error)

            writer = threading.Thread(target=write, name="nazif-ray-writer", daemon=True)
            writer.start()
            cleaned: List[str] = []
            for _ in records:
                line = process.stdout.readline()
                if not line:
                    writer.join()
                    raise self._failure(f"nazif clean ended after {len(cleaned)} of {len(records)} records")
                cleaned.append(loads_line(line)["text"])
            writer.join()
            if failed:
                raise failed[0]
            self.batches += 1
        originals = batch[self.column].tolist()
        batch = batch.copy()
        batch[self.column] = [c if isinstance(o, str) else o for c, o in zip(cleaned, originals)]
        return batch

    def close(self) -> None:
        """Ends the process (end of input, then its exit) and raises if it failed.

        Example: ``actor.close()``
        """
        with self._lock:
            process, self._process = self._process, None
            if process is None:
                return
            assert process.stdin is not None and process.stdout is not None and self._drain is not None
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass
            rest = process.stdout.read()
            process.stdout.close()
            code = process.wait()
            self._drain.join()
            if code != 0:
                raise NazifError(self._drain.text, code, process.args)  # type: ignore[arg-type]
            if rest:
                raise NazifError(f"nazif clean wrote {len(rest)} bytes past the last record", 74, process.args)  # type: ignore[arg-type]

    def __del__(self) -> None:
        process = getattr(self, "_process", None)
        if process is not None and process.poll() is None:
            try:
                self.close()
            except Exception:  # pragma: no cover - nothing to report to at collection
                process.kill()


def _learn_batches(column: str, group_by: Optional[str], binary: Optional[str]) -> Any:
    def learn(batch: Any) -> Any:
        import pandas
        if binary:
            os.environ["NAZIF_BINARY"] = binary
        directory = tempfile.mkdtemp(prefix="nazif-ray-learn-")
        try:
            path = os.path.join(directory, "batch.table")
            Table.learn(_records(batch, column, group_by), path,
                        group_by=_GROUP if group_by else None)
            with open(path, "rb") as table:
                return pandas.DataFrame({"table": [table.read()]})
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    return learn


def learn_dataset_table(ds: Any, column: str, group_by: Optional[str] = None,
                        binary: Optional[str] = None) -> bytes:
    """Pass 1 alone: the merged repetition table of the column, as bytes.

    Example: ``data = learn_dataset_table(ds, "text", group_by="site")``
    """
    rows = ds.map_batches(_learn_batches(column, group_by, binary), batch_format="pandas").take_all()
    return merge_table_bytes(row["table"] for row in rows)


def clean_dataset(ds: Any, column: str, group_by: Optional[str] = None, concurrency: int = 2,
                  binary: Optional[str] = None, batch_size: Optional[int] = 4096) -> Any:
    """Cleans the string column ``column`` of a Ray Dataset with the two passes (templates
    grouped by the column ``group_by``, else one group); other columns are kept, nulls stay
    null. The input is read twice: materialize it first (``ds.materialize()``) if reading is
    costly. Pass 2 runs ``concurrency`` :class:`CleanBatches` actors, each with one
    single-threaded ``nazif`` process for all its batches: give it the number of cores.

    Example::

        >>> clean_dataset(ray.data.from_items(docs), "text", group_by="site").take(1)
    """
    table = learn_dataset_table(ds, column, group_by, binary)
    return ds.map_batches(CleanBatches, batch_format="pandas", batch_size=batch_size,
                          concurrency=concurrency,
                          fn_constructor_kwargs={"table": table, "column": column,
                                                 "group_by": group_by, "binary": binary})
