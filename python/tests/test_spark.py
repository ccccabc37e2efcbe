"""nazif.spark in pyspark local mode: the two distributed passes equal one nazif clean."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("pyspark needs Java", allow_module_level=True)

import nazif  # noqa: E402
from nazif.spark import clean_dataframe, clean_rdd, dedup_rdd  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("nazif-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def corpus(seeds, copies=30):
    return [{"id": f"{n}-{c}", "site": f"site-{c % 3}", "url": f"https://site-{c % 3}.example/{n}/{c}",
             "text": text.replace("كيم", f"كيم {c}", 1)}
            for c in range(copies) for n, text in seeds]


@pytest.mark.parametrize("partitions,fanin", [(1, 8), (7, 2), (16, 3)])
def test_clean_rdd_equals_one_nazif_clean(spark, seeds, partitions, fanin):
    records = corpus(seeds)
    expected = list(nazif.clean(records, group_by="site"))
    rdd = spark.sparkContext.parallelize(records, partitions)
    got = clean_rdd(rdd, group_by="site", fanin=fanin, binary=nazif.binary_path()).collect()
    assert got == expected
    assert sum(len(r["text"]) for r in got) < sum(len(r["text"]) for r in records)  # templates went


def test_clean_rdd_of_strings_and_empty_partitions(spark, seeds):
    texts = [r["text"] for r in corpus(seeds, copies=4)]
    rdd = spark.sparkContext.parallelize(texts, len(texts) + 5)  # some partitions hold nothing
    assert clean_rdd(rdd, binary=nazif.binary_path()).collect() == list(nazif.clean(texts))


def test_clean_dataframe_keeps_the_other_columns(spark, seeds):
    records = corpus(seeds)
    records[3]["text"] = None
    df = spark.createDataFrame(records).select("id", "site", "text", "url").repartition(5, "id")
    order = [row["id"] for row in df.collect()]  # repartitioning fixes an order of its own
    by_id = {r["id"]: r for r in records}
    ordered = [by_id[i] for i in order]
    expected = {r["id"]: r for r in nazif.clean(
        [dict(r, text=r["text"] or "") for r in ordered], group_by="site")}
    cleaned = clean_dataframe(df, "text", group_by="site", binary=nazif.binary_path())
    assert cleaned.schema == df.schema
    for row in cleaned.collect():
        original = by_id[row["id"]]
        assert row["site"] == original["site"] and row["url"] == original["url"]
        if original["text"] is None:
            assert row["text"] is None
        else:
            assert row["text"] == expected[row["id"]]["text"]


def test_a_failing_child_fails_the_job_with_its_message(spark):
    rdd = spark.sparkContext.parallelize([b'{"text": "ok"}', b'{"text": broken}'], 2)
    with pytest.raises(Exception) as caught:
        clean_rdd(rdd, binary=nazif.binary_path()).collect()
    assert "nazif learn failed on partition 1" in str(caught.value)
    assert "exited 65" in str(caught.value)


def near_duplicates(seeds):
    """The seeds, each with copies: exact, one word changed, a footer added; and the seeds' own
    paragraphs as short documents (not duplicates of the whole)."""
    import json
    records = []
    for n, text in seeds:
        records.append({"id": f"{n}", "text": text})
        records.append({"id": f"{n}-copy", "text": text})
        records.append({"id": f"{n}-edit", "text": text.replace("روسيا", "موسكو", 1)})
        records.append({"id": f"{n}-footer", "text": text + "\nتابعونا على فيسبوك\n"})
        for k, paragraph in enumerate(p for p in text.split("\n") if len(p) > 200):
            records.append({"id": f"{n}-p{k}", "text": paragraph})
    return [json.dumps(r, ensure_ascii=False) for r in records]


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_dedup_rdd_equals_one_nazif_dedup(spark, seeds, partitions, tmp_path):
    import subprocess
    lines = near_duplicates(seeds)
    corpus = tmp_path / "all.jsonl"
    corpus.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    one = subprocess.run([nazif.binary_path(), "dedup", "--jsonl", str(corpus)], capture_output=True, check=True)
    expected = one.stdout.decode("utf-8").splitlines()
    assert 0 < len(expected) < len(lines)  # some copies go, not everything
    got = dedup_rdd(spark.sparkContext.parallelize(lines, partitions), binary=nazif.binary_path()).collect()
    assert got == expected
