"""nazif.ray in a local Ray: the two passes equal one nazif clean (skipped without ray)."""

from __future__ import annotations

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

import nazif  # noqa: E402
from nazif.ray import clean_dataset  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=4, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    yield
    ray.shutdown()


def test_clean_dataset_equals_one_nazif_clean(local_ray, seeds):
    records = [{"id": f"{n}-{c}", "site": f"site-{c % 3}", "text": text.replace("كيم", f"كيم {c}", 1)}
               for c in range(12) for n, text in seeds]
    records[5]["text"] = None
    expected = {r["id"]: r["text"] for r in nazif.clean(
        [dict(r, text=r["text"] or "") for r in records], group_by="site")}
    ds = ray.data.from_items(records).repartition(6)
    rows = clean_dataset(ds, "text", group_by="site", batch_size=7, concurrency=1,
                         binary=nazif.binary_path()).take_all()
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in records)
    for row in rows:
        if row["id"] == records[5]["id"]:
            assert row["text"] is None
        else:
            assert row["text"] == expected[row["id"]], row["id"]
    assert sum(len(r["text"] or "") for r in rows) < sum(len(r["text"] or "") for r in records)
