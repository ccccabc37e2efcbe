"""nazif.ray: the pass-2 actor (one nazif process for all its batches) on pandas batches, and
the two passes in a local Ray equal to one nazif clean (the Ray test is skipped without ray)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

pandas = pytest.importorskip("pandas")

import nazif  # noqa: E402
from nazif._table import merge_table_bytes  # noqa: E402
from nazif.ray import CleanBatches, _records  # noqa: E402


def corpus(seeds, copies=12):
    records = [{"id": f"{n}-{c}", "site": f"site-{c % 3}", "text": text.replace("كيم", f"كيم {c}", 1)}
               for c in range(copies) for n, text in seeds]
    records[5]["text"] = None
    return records


def expected_texts(records):
    """One single-process nazif clean (both passes) over all the records."""
    return {r["id"]: r["text"] for r in nazif.clean(
        [dict(r, text=r["text"] or "") for r in records], group_by="site")}


def table_of(frame, pieces):
    """Pass 1 as clean_dataset does it: a table per batch, merged."""
    tables = []
    for number in range(pieces):
        part = frame.iloc[number::pieces]
        with nazif.Table.learn(_records(part, "text", "site"), group_by="nazif_group") as table:
            with open(table.path, "rb") as data:
                tables.append(data.read())
    return merge_table_bytes(tables)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie has exited
        return stat.read().split(")")[-1].split()[0] != "Z"


def wait_gone(pid, seconds=10.0):
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


@pytest.mark.parametrize("sizes", [[1, 7, 13, 1000], [60], [3] * 20 + [1000]])
def test_one_process_cleans_every_batch_of_an_actor(seeds, sizes):
    records = corpus(seeds)
    expected = expected_texts(records)
    frame = pandas.DataFrame(records)
    actor = CleanBatches(table_of(frame, 3), "text", group_by="site")
    pids, out, start, called = set(), [], 0, 0
    for size in sizes:
        batch = frame.iloc[start:start + size]
        start += size
        if len(batch) == 0:
            continue
        cleaned = actor(batch)
        called += 1
        pids.add(actor.pid)
        assert list(cleaned["id"]) == list(batch["id"]) and list(cleaned["site"]) == list(batch["site"])
        out.extend(cleaned.to_dict("records"))
    assert len(pids) == 1 and actor.batches == called
    (pid,) = pids
    assert len(out) == len(records)
    for row in out:
        if row["id"] == records[5]["id"]:
            assert pandas.isna(row["text"])  # a missing text stays missing (None or NaN)
        else:
            assert row["text"] == expected[row["id"]], row["id"]
    assert sum(len(r["text"]) for r in out if isinstance(r["text"], str)) < sum(len(r["text"] or "") for r in records)
    actor.close()
    assert actor.pid is None and not alive(pid)


def test_the_table_file_goes_once_the_process_has_it(seeds):
    before = set(os.listdir(tempfile.gettempdir()))
    frame = pandas.DataFrame(corpus(seeds, copies=2))
    actor = CleanBatches(table_of(frame, 1), "text", group_by="site")
    actor(frame.iloc[:4])
    made = {name for name in set(os.listdir(tempfile.gettempdir())) - before if name.startswith("nazif-ray-")}
    assert made == set()
    pid = actor.pid
    del actor
    gc.collect()
    assert wait_gone(pid)


def test_a_bad_table_fails_the_batch_with_the_cli_message():
    actor = CleanBatches(b"not a table at all\n", "text")
    with pytest.raises(nazif.NazifError) as caught:
        actor(pandas.DataFrame({"text": ["نص"]}))
    assert caught.value.exit_code == 65 and "table" in caught.value.message


def test_a_process_that_dies_mid_batch_fails_the_batch(seeds):
    frame = pandas.DataFrame(corpus(seeds, copies=2))
    actor = CleanBatches(table_of(frame, 1), "text", group_by="site")
    actor(frame.iloc[:2])
    os.kill(actor.pid, 9)
    with pytest.raises(nazif.NazifError) as caught:
        actor(frame)
    assert caught.value.exit_code == -9 and "ended after" in caught.value.message
    # the next batch starts a new process
    assert len(actor(frame.iloc[:3])) == 3
    actor.close()


def test_a_killed_actor_process_leaves_no_nazif_process(seeds, tmp_path):
    # The actor's worker dies without running any Python cleanup (as ray.kill does): the
    # nazif child sees the end of its input and exits by itself.
    frame = pandas.DataFrame(corpus(seeds, copies=2))
    frame.to_json(tmp_path / "batch.json", orient="records", force_ascii=False)
    (tmp_path / "table").write_bytes(table_of(frame, 1))
    script = textwrap.dedent(f"""
        import os, sys, pandas
        sys.path.insert(0, {os.path.dirname(os.path.dirname(nazif.__file__))!r})
        from nazif.ray import CleanBatches
        actor = CleanBatches(open({str(tmp_path / "table")!r}, "rb").read(), "text", group_by="site")
        actor(pandas.read_json({str(tmp_path / "batch.json")!r}, orient="records"))
        print(actor.pid, flush=True)
        os.kill(os.getpid(), 9)
    """)
    done = subprocess.run([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert done.returncode == -9
    assert wait_gone(int(done.stdout))


# ---- in a local Ray -------------------------------------------------------------------------

def nazif_children():
    """Running processes whose command line names a nazif-ray table (this module's children)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    if b"nazif-ray-" in cmdline.read() and alive(int(entry)):
                        pids.append(int(entry))
            except OSError:
                pass
    return pids


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=4, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.mark.parametrize("concurrency,batch_size", [(1, 7), (2, 16)])
def test_clean_dataset_equals_one_nazif_clean(local_ray, seeds, concurrency, batch_size):
    from nazif.ray import clean_dataset
    records = corpus(seeds)
    expected = expected_texts(records)
    ds = local_ray.data.from_items(records).repartition(6)
    rows = clean_dataset(ds, "text", group_by="site", batch_size=batch_size, concurrency=concurrency,
                         binary=nazif.binary_path()).take_all()
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in records)
    for row in rows:
        if row["id"] == records[5]["id"]:
            assert row["text"] is None
        else:
            assert row["text"] == expected[row["id"]], row["id"]
    assert sum(len(r["text"] or "") for r in rows) < sum(len(r["text"] or "") for r in records)
    # the actors' processes end with the actors (Ray ends them once the dataset is done)
    deadline = time.monotonic() + 60
    while nazif_children() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert nazif_children() == []
