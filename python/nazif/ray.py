"""Nazif on Ray Data: the two passes of ``nazif clean`` over a Dataset column.

Pass 1: ``map_batches`` runs ``nazif learn`` on every batch, giving one table per batch;
the driver adds them with ``nazif merge`` (tables are small: 12 bytes per distinct line and
group). Pass 2: ``map_batches`` with :class:`CleanBatches`, an actor class that holds the
merged table (shipped once per actor through the object store) and cleans each batch with
``nazif clean --table``. The result equals one ``nazif clean`` over all the records.

One ``nazif`` process per batch, not one per actor: ``nazif clean`` writes a record's output
only once the next record has begun, so a process kept open across batches cannot hand back
a batch's last record without a following one. Starting the binary costs about 5 ms, small
next to a batch of thousands of documents.

Example::

    import ray
    from nazif.ray import clean_dataset
    cleaned = clean_dataset(ray.data.read_json("crawl/"), "text", group_by="site")
    cleaned.write_json("clean/")
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any, Dict, List, Optional

from ._clean import clean
from ._table import Table, merge_table_bytes

__all__ = ["clean_dataset", "CleanBatches"]

_GROUP = "nazif_group"


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
    """The pass-2 actor: holds the merged table, cleans ``column`` of each pandas batch.

    Example::

        ds.map_batches(CleanBatches, fn_constructor_kwargs={"table": data, "column": "text"},
                       batch_format="pandas", concurrency=4)
    """

    def __init__(self, table: bytes, column: str, group_by: Optional[str] = None,
                 binary: Optional[str] = None) -> None:
        if binary:
            os.environ["NAZIF_BINARY"] = binary
        self.directory = tempfile.mkdtemp(prefix="nazif-ray-")
        self.table = os.path.join(self.directory, "merged.table")
        with open(self.table, "wb") as out:
            out.write(table)
        self.column, self.group_by = column, group_by

    def __call__(self, batch: Any) -> Any:
        records = _records(batch, self.column, self.group_by)
        cleaned = [r["text"] for r in clean(records, group_by=_GROUP if self.group_by else None,
                                            table=self.table)]
        originals = batch[self.column].tolist()
        batch = batch.copy()
        batch[self.column] = [c if isinstance(o, str) else o for c, o in zip(cleaned, originals)]
        return batch

    def __del__(self) -> None:
        shutil.rmtree(getattr(self, "directory", ""), ignore_errors=True)


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
    costly.

    Example::

        >>> clean_dataset(ray.data.from_items(docs), "text", group_by="site").take(1)
    """
    table = learn_dataset_table(ds, column, group_by, binary)
    return ds.map_batches(CleanBatches, batch_format="pandas", batch_size=batch_size,
                          concurrency=concurrency,
                          fn_constructor_kwargs={"table": table, "column": column,
                                                 "group_by": group_by, "binary": binary})
