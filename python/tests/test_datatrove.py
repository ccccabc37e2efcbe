"""nazif.datatrove.NazifClean with datatrove installed (skipped when it is not)."""

from __future__ import annotations

import pytest

datatrove = pytest.importorskip("datatrove")
from datatrove.data import Document  # noqa: E402

import nazif  # noqa: E402
from nazif.datatrove import NazifClean  # noqa: E402


def documents(seeds, copies=6):
    return [Document(text=text.replace("كيم", f"كيم {c}", 1), id=f"{n}-{c}",
                     metadata={"url": f"https://site-{c % 2}.example/{n}/{c}", "lang": "ar", "n": n})
            for c in range(copies) for n, text in seeds]


def test_a_single_seed_is_cleaned_as_the_cli_does_and_removals_recorded(seeds, expected):
    number, text = seeds[0]
    (doc,) = list(NazifClean().run(iter([Document(text=text, id="a", metadata={"k": 1})])))
    assert doc.text.rstrip("\n") == expected[number]["clean.txt"].rstrip("\n")
    assert doc.id == "a" and doc.metadata["k"] == 1
    assert "".join(f"{r['line']}\t{r['rule']}\n" for r in doc.metadata["nazif_removed"]) == \
        expected[number]["removed.tsv"]


def test_batches_keep_order_and_metadata_and_match_clean_per_batch(seeds):
    docs = documents(seeds)
    originals = [(d.id, d.text, dict(d.metadata)) for d in docs]
    step = NazifClean(batch_size=10)
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == [o[0] for o in originals]
    for d, (_, _, metadata) in zip(out, originals):
        assert {k: v for k, v in d.metadata.items() if k != "nazif_removed"} == metadata
    for start in range(0, len(originals), 10):
        batch = [{"text": t, "url": m["url"]} for _, t, m in originals[start:start + 10]]
        assert [r["text"] for r in nazif.clean(batch)] == [d.text for d in out[start:start + 10]]
    assert step.stats["documents"].total == len(docs)
    assert step.stats["removed_lines"].total == sum(len(d.metadata["nazif_removed"]) for d in out)


def test_with_a_table_the_batching_does_not_matter(seeds):
    records = [{"text": d.text, "nazif_group": d.metadata["n"]} for d in documents(seeds)]
    with nazif.Table.learn(records, group_by="nazif_group") as table:
        small = [d.text for d in NazifClean(batch_size=3, table=table, group_by="n").run(iter(documents(seeds)))]
        large = [d.text for d in NazifClean(batch_size=1000, table=table, group_by="n").run(iter(documents(seeds)))]
    assert small == large
    assert small == [r["text"] for r in nazif.clean(records, group_by="nazif_group")]


def test_drop_empty_drops_documents_left_without_text():
    docs = [Document(text="المصدر: رويترز\n", id="empty"), Document(text="قال الوزير إن الاتفاق وقع.\n", id="kept")]
    assert [d.id for d in NazifClean(drop_empty=True).run(iter(docs))] == ["kept"]
