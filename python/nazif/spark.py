"""Nazif on Apache Spark: the two passes of ``nazif clean`` over an RDD or a DataFrame column.

Pass 1: every partition pipes its records through ``nazif learn`` into a repetition table
(``mapPartitionsWithIndex``); the tables are added with ``nazif merge`` in a tree
(``fanin`` tables per task, so no task sees them all), and the one table left is shipped to
every executor with ``SparkContext.addFile`` (``SparkFiles.get`` inside the task). Pass 2:
every partition streams its records through ``nazif clean --table``. The result is the
result of one ``nazif clean`` over all the records, record for record, in the same order.

Every executor needs the ``nazif`` package (ship the wheel: ``spark-submit --py-files`` does
not carry the binary, use ``--archives`` with a venv or ``pip install`` the wheel on the
nodes), or pass ``binary=`` a path valid on the executors.

Pitfalls handled here: ``RDD.pipe`` is not used (it takes one command string and gives the
child an empty environment, and a failing child only shows as missing output); the child is
started with ``subprocess`` and a non-zero exit fails the task with the CLI's message; the
child's output is decoded as strict UTF-8 (it never writes anything else; a failure to decode
fails the task); skewed groups do not matter for correctness, since tables count per group
whatever the partitioning, but a huge group makes a big table (12 bytes per distinct line).

Example::

    from nazif.spark import clean_dataframe
    cleaned = clean_dataframe(spark.read.json("crawl/*.jsonl"), "text", group_by="site")
    cleaned.write.json("clean/")
"""

from __future__ import annotations

import collections
import math
import os
import shutil
import tempfile
import uuid
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from ._cli import NazifError
from ._clean import clean
from ._table import Table, merge_table_bytes

__all__ = ["clean_rdd", "clean_dataframe", "learn_table", "dedup_rdd"]

_GROUP = "nazif_group"


def _use_binary(binary: Optional[str]) -> None:
    if binary:
        os.environ["NAZIF_BINARY"] = binary


def _learn_partition(field: str, group_by: Optional[str], binary: Optional[str],
                     to_record: Callable[[Any], Any]) -> Callable[[int, Iterable[Any]], Iterator[Tuple[int, bytes]]]:
    def learn(index: int, items: Iterable[Any]) -> Iterator[Tuple[int, bytes]]:
        _use_binary(binary)
        directory = tempfile.mkdtemp(prefix="nazif-learn-")
        try:
            path = os.path.join(directory, f"part-{index}.table")
            try:
                Table.learn((to_record(item) for item in items), path, field=field, group_by=group_by)
            except NazifError as error:
                raise NazifError(f"nazif learn failed on partition {index}: {error.message}",
                                 error.exit_code, error.command) from None
            with open(path, "rb") as table:
                yield index, table.read()
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    return learn


def _merge_group(binary: Optional[str]) -> Callable[[Tuple[int, Iterable[bytes]]], Tuple[int, bytes]]:
    def merge(group: Tuple[int, Iterable[bytes]]) -> Tuple[int, bytes]:
        _use_binary(binary)
        key, tables = group
        return key, merge_table_bytes(tables)
    return merge


def learn_table(rdd: Any, path: str, field: str = "text", group_by: Optional[str] = None,
                fanin: int = 8, binary: Optional[str] = None,
                to_record: Callable[[Any], Any] = lambda item: item) -> Table:
    """Pass 1 alone: the repetition table of every record of ``rdd`` (str or dict records),
    learned per partition and merged in a tree of ``fanin``-table merges, written to ``path``
    on the driver.

    Example::

        table = learn_table(sc.parallelize(docs, 64), "/tmp/site.table", group_by="site")
    """
    if fanin < 2:
        raise ValueError("fanin must be at least 2")
    level = rdd.mapPartitionsWithIndex(_learn_partition(field, group_by, binary, to_record))
    count = rdd.getNumPartitions()
    while count > 1:
        count = math.ceil(count / fanin)
        level = (level.map(lambda kv, f=fanin: (kv[0] // f, kv[1]))
                 .groupByKey(numPartitions=count)
                 .map(_merge_group(binary)))
    ((_, data),) = level.collect()
    with open(path, "wb") as out:
        out.write(data)
    return Table(path)


def _clean_partition(name: str, field: str, group_by: Optional[str], binary: Optional[str],
                     min_count: Optional[int], to_record: Callable[[Any], Any],
                     from_record: Callable[[Any, Any], Any]) -> Callable[[int, Iterable[Any]], Iterator[Any]]:
    def run(index: int, items: Iterable[Any]) -> Iterator[Any]:
        from pyspark import SparkFiles
        _use_binary(binary)
        table = SparkFiles.get(name)
        pending: "collections.deque[Any]" = collections.deque()

        def records() -> Iterator[Any]:
            for item in items:
                pending.append(item)  # the writer thread appends, this generator pops: in order
                yield to_record(item)

        try:
            for cleaned in clean(records(), field=field, group_by=group_by, table=table, min_count=min_count):
                yield from_record(pending.popleft(), cleaned)
        except NazifError as error:
            raise NazifError(f"nazif clean failed on partition {index}: {error.message}",
                             error.exit_code, error.command) from None
    return run


def _clean_with(rdd: Any, field: str, group_by: Optional[str], fanin: int, binary: Optional[str],
                min_count: Optional[int], to_record: Callable[[Any], Any],
                from_record: Callable[[Any, Any], Any]) -> Any:
    context = rdd.context
    rdd = rdd.cache()  # two passes over the input
    directory = tempfile.mkdtemp(prefix="nazif-spark-")
    name = f"nazif-{uuid.uuid4().hex}.table"
    path = os.path.join(directory, name)
    learn_table(rdd, path, field=field, group_by=group_by, fanin=fanin, binary=binary, to_record=to_record)
    context.addFile(path)
    return rdd.mapPartitionsWithIndex(
        _clean_partition(name, field, group_by, binary, min_count, to_record, from_record))


def clean_rdd(rdd: Any, field: str = "text", group_by: Optional[str] = None, fanin: int = 8,
              binary: Optional[str] = None, min_count: Optional[int] = None) -> Any:
    """Cleans an RDD of records (str, dict, or bytes JSON lines, as :func:`nazif.clean` takes)
    with the two passes, giving an RDD of the cleaned records in the same order. The input is
    cached (it is read twice).

    Example::

        >>> cleaned = clean_rdd(sc.parallelize(docs, 8), group_by="site").collect()
    """
    return _clean_with(rdd, field, group_by, fanin, binary, min_count,
                       lambda item: item, lambda item, cleaned: cleaned)


def clean_dataframe(df: Any, column: str, group_by: Optional[str] = None, fanin: int = 8,
                    binary: Optional[str] = None, min_count: Optional[int] = None) -> Any:
    """Cleans the string column ``column`` of a DataFrame (templates grouped by the column
    ``group_by``, else one group), keeping every other column and the schema; nulls stay
    null.

    Example::

        >>> clean_dataframe(spark.read.json("crawl.jsonl"), "text", group_by="site").show()
    """
    names = df.columns
    if column not in names:
        raise ValueError(f"no column {column!r} in {names}")
    if group_by is not None and group_by not in names:
        raise ValueError(f"no column {group_by!r} in {names}")
    position = names.index(column)
    group_position = names.index(group_by) if group_by is not None else None

    def to_record(row: Any) -> Dict[str, Any]:
        text = row[position]
        record: Dict[str, Any] = {"text": "" if text is None else text}
        if group_position is not None:
            value = row[group_position]
            record[_GROUP] = "" if value is None else str(value)
        return record

    def from_record(row: Any, cleaned: Dict[str, Any]) -> Tuple[Any, ...]:
        values: List[Any] = list(row)
        if values[position] is not None:
            values[position] = cleaned["text"]
        return tuple(values)

    rows = _clean_with(df.rdd, "text", _GROUP if group_by is not None else None, fanin, binary,
                       min_count, to_record, from_record)
    return df.sparkSession.createDataFrame(rows, df.schema)


# --- Near-duplicate documents -------------------------------------------------------------------

def _json_line(item: Any) -> bytes:
    if isinstance(item, bytes):
        return item.rstrip(b"\n")
    if isinstance(item, str):
        return item.rstrip("\n").encode("utf-8")
    import json
    return json.dumps(item, ensure_ascii=False).encode("utf-8")


def _signature_partition(field: str, binary: Optional[str]) -> Callable[[int, Iterable[Any]], Iterator[Tuple[int, bytes]]]:
    def sign(index: int, items: Iterable[Any]) -> Iterator[Tuple[int, bytes]]:
        import subprocess
        from ._cli import binary_path
        _use_binary(binary)
        directory = tempfile.mkdtemp(prefix="nazif-dedup-")
        try:
            records = os.path.join(directory, "part.jsonl")
            with open(records, "wb") as out:
                for item in items:
                    out.write(_json_line(item) + b"\n")
            signatures = os.path.join(directory, "part.sig")
            done = subprocess.run([binary_path(), "dedup", "signatures", "--jsonl", "--field", field,
                                   "--source", f"part-{index}", "-o", signatures, records],
                                  capture_output=True)
            if done.returncode != 0:
                raise NazifError(f"nazif dedup signatures failed on partition {index}: "
                                 f"{done.stderr.decode('utf-8', 'replace').strip()}", done.returncode, "dedup")
            with open(signatures, "rb") as file:
                yield index, file.read()
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    return sign


def _drop_partition(name: str) -> Callable[[int, Iterable[Any]], Iterator[Any]]:
    def drop(index: int, items: Iterable[Any]) -> Iterator[Any]:
        from pyspark import SparkFiles
        source = f"part-{index}"
        removed = set()
        with open(SparkFiles.get(name), encoding="utf-8") as removals:
            for line in removals:
                if line.startswith("#"):
                    continue
                fields = line.rstrip("\n").split("\t")
                if fields[0] == source:
                    removed.add(int(fields[1]))
        for number, item in enumerate(items, start=1):
            if number not in removed:
                yield item
    return drop


def dedup_rdd(rdd: Any, field: str = "text", binary: Optional[str] = None) -> Any:
    """Removes near-duplicate records from an RDD of JSON records (str or bytes JSON lines, or
    dicts), as one ``nazif dedup --jsonl --field FIELD`` over the records in RDD order would:
    each partition writes its signatures (``nazif dedup signatures``: band keys and a 112-byte
    sketch per record, not the text); the driver joins them (``nazif dedup clusters``, in
    partition order, so the first record of a cluster stays) into a removal list that goes to
    every executor (``addFile``); each partition then drops the records the list names. The
    input is cached (it is read twice). What crosses to the driver is the signatures, about
    200 bytes a record, not the records.

    Example::

        >>> kept = dedup_rdd(sc.textFile("crawl/*.jsonl")).collect()
    """
    import subprocess
    from ._cli import binary_path
    _use_binary(binary)
    context = rdd.context
    rdd = rdd.cache()
    signatures = sorted(rdd.mapPartitionsWithIndex(_signature_partition(field, binary)).collect())
    directory = tempfile.mkdtemp(prefix="nazif-dedup-")
    paths = []
    for index, data in signatures:
        paths.append(os.path.join(directory, f"part-{index}.sig"))
        with open(paths[-1], "wb") as out:
            out.write(data)
    name = f"nazif-{uuid.uuid4().hex}.removals.tsv"
    removals = os.path.join(directory, name)
    done = subprocess.run([binary_path(), "dedup", "clusters", *paths, "-o", removals], capture_output=True)
    if done.returncode != 0:
        raise NazifError(f"nazif dedup clusters failed: {done.stderr.decode('utf-8', 'replace').strip()}",
                         done.returncode, "dedup")
    context.addFile(removals)
    return rdd.mapPartitionsWithIndex(_drop_partition(name))
