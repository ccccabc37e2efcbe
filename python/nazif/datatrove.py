"""A datatrove pipeline step that cleans ``Document.text`` with nazif (``pip install nazif[datatrove]``).

Example::

    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove.executor import LocalPipelineExecutor
    from nazif.datatrove import NazifClean

    LocalPipelineExecutor(pipeline=[
        JsonlReader("crawl/"),
        NazifClean(batch_size=10_000),           # or NazifClean(table="site.table")
        JsonlWriter("clean/"),
    ], tasks=4).run()
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import Any, Dict, Iterator, List, Optional, Union

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from ._clean import clean
from ._table import Table

__all__ = ["NazifClean"]

_GROUP_FIELD = "nazif_group"


class NazifClean(PipelineStep):
    """Removes boilerplate from each ``Document.text`` (``nazif clean``), keeps ``id``, media and
    metadata, and records what went in ``metadata[metadata_key]``: a list of
    ``{"line", "start", "end", "rule", "detail"}`` (empty when nothing was removed).

    Documents are cleaned ``batch_size`` at a time, one ``nazif`` process per batch. Site
    templates (lines repeated over many documents of a site) are counted within each batch,
    grouped by ``metadata[group_by]`` when given, else by the host of ``metadata["url"]``
    (datatrove's readers keep it there), else one group. For templates counted over the whole
    corpus, learn a table first (``nazif learn`` or :meth:`nazif.Table.learn`) and pass
    ``table=``: then every batch uses it and the result does not depend on the batching.
    ``drop_empty=True`` drops documents left with no text.

    Stats: ``documents``, ``removed_lines``, ``removed_bytes``, ``rule:RULE``, ``emptied``.

    Example::

        step = NazifClean(batch_size=1000, group_by="domain")
        for doc in step.run(iter(docs)):
            print(doc.id, len(doc.metadata["nazif_removed"]))
    """

    name = "🧹 Nazif clean"
    type = "✂️ - FORMAT"

    def __init__(self, batch_size: int = 10_000, table: Union[Table, str, None] = None,
                 group_by: Optional[str] = None, metadata_key: str = "nazif_removed",
                 drop_empty: bool = False, min_count: Optional[int] = None,
                 threads: Optional[int] = None) -> None:
        super().__init__()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.batch_size = batch_size
        self.table = table
        self.group_by = group_by
        self.metadata_key = metadata_key
        self.drop_empty = drop_empty
        self.min_count = min_count
        self.threads = threads

    def _record(self, doc: Document) -> Dict[str, Any]:
        record: Dict[str, Any] = {"text": doc.text}
        if self.group_by is not None:
            value = doc.metadata.get(self.group_by)
            record[_GROUP_FIELD] = "" if value is None else str(value)
        elif isinstance(doc.metadata.get("url"), str):
            record["url"] = doc.metadata["url"]
        return record

    def _clean_batch(self, batch: List[Document]) -> Iterator[Document]:
        results = clean((self._record(d) for d in batch), explain=True,
                        group_by=_GROUP_FIELD if self.group_by is not None else None,
                        table=self.table, min_count=self.min_count, threads=self.threads)
        for doc, (record, removed) in zip(batch, results):
            self.stat_update("documents")
            rules = Counter(r["rule"] for r in removed)
            for rule, count in rules.items():
                self.stat_update(f"rule:{rule}", value=count)
            self.stat_update("removed_lines", value=len(removed))
            self.stat_update("removed_bytes", value=sum(r["end"] - r["start"] for r in removed))
            doc.text = record["text"]
            doc.metadata[self.metadata_key] = removed
            if not doc.text.strip():
                self.stat_update("emptied")
                if self.drop_empty:
                    continue
            self.update_doc_stats(doc)
            yield doc

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Cleans the documents of ``data``, batch by batch, in order.

        Example: ``list(NazifClean().run(iter(docs)))``
        """
        if data is None:
            return
        documents = iter(data)
        while True:
            batch = list(islice(documents, self.batch_size))
            if not batch:
                return
            with self.track_time(unit="batch"):
                cleaned = list(self._clean_batch(batch))
            yield from cleaned
