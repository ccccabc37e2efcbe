"""nazif.clean and nazif.Table against the real binary, on the seed articles."""

from __future__ import annotations

import json
import subprocess
import threading

import pytest

import nazif


def removed_tsv(removals):
    return "".join(f"{r['line']}\t{r['rule']}\n" for r in removals)


def test_each_seed_alone_gives_the_golden_clean_text(seeds, expected):
    for number, text in seeds:
        (cleaned,) = list(nazif.clean([text]))
        # The golden is the plain-text CLI's output; in a JSON field the text's last line
        # break is not kept after the last kept line, so compare without it.
        assert cleaned.rstrip("\n") == expected[number]["clean.txt"].rstrip("\n"), number


def test_explain_joins_the_removed_lines_of_each_seed(seeds, expected):
    for number, text in seeds:
        ((record, removed),) = list(nazif.clean([text], explain=True))
        assert removed_tsv(removed) == expected[number]["removed.tsv"], number
        assert record.rstrip("\n") == expected[number]["clean.txt"].rstrip("\n")
        assert all(r["start"] < r["end"] for r in removed)


def corpus(seeds, copies=40):
    """The seeds as dict records on four sites, each copy a little different (a number)."""
    records = []
    for copy in range(copies):
        for number, text in seeds:
            records.append({"id": f"{number}-{copy}", "site": f"site-{copy % 4}",
                            "url": f"https://site-{copy % 4}.example/{number}/{copy}",
                            "text": text.replace("كيم", f"كيم {copy}", 1), "extra": [copy, None]})
    return records


def cli_clean(records, *args):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    out = subprocess.run([nazif.binary_path(), "clean", "--jsonl", *args], input=data, check=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_dicts_come_back_as_the_cli_gives_them_with_every_key(seeds):
    records = corpus(seeds)
    cleaned = list(nazif.clean(records, group_by="site"))
    assert cleaned == cli_clean(records, "--group-by", "site")
    assert [r["id"] for r in cleaned] == [r["id"] for r in records]
    assert all(c["extra"] == r["extra"] and c["url"] == r["url"] for c, r in zip(cleaned, records))
    # templates were found: the seeds' repeated lines went from most copies
    assert sum(len(c["text"]) for c in cleaned) < sum(len(r["text"]) for r in records)


def test_bytes_records_pass_through_as_json_lines(seeds):
    records = corpus(seeds, copies=8)
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in records]
    assert [json.loads(b) for b in nazif.clean(lines)] == cli_clean(records)


def test_a_learned_table_gives_the_same_result_as_the_two_passes(seeds):
    records = corpus(seeds)
    with nazif.Table.learn(records, group_by="site") as table:
        assert table.size > 0
        assert list(nazif.clean(records, group_by="site", table=table)) == \
            list(nazif.clean(records, group_by="site"))
        path = table.path
    import os
    assert not os.path.exists(path)  # a temporary table goes with its block


def test_merged_halves_equal_the_table_of_the_whole(seeds, tmp_path):
    records = corpus(seeds)
    half = len(records) // 2
    a = nazif.Table.learn(records[:half], tmp_path / "a.table", group_by="site")
    b = nazif.Table.learn(records[half:], tmp_path / "b.table", group_by="site")
    merged = nazif.Table.merge([a, b], tmp_path / "ab.table")
    assert list(nazif.clean(records, group_by="site", table=merged)) == \
        list(nazif.clean(records, group_by="site"))


def test_streams_with_a_table_without_holding_the_input(seeds):
    # A generator of 20,000 records (about 200 MB of text) would not fit the pipes: the
    # first results must come back while the writer is still producing.
    with nazif.Table.learn(corpus(seeds, copies=4)) as table:
        produced = []

        def docs():
            for i in range(20000):
                produced.append(i)
                yield seeds[i % len(seeds)][1]

        stream = nazif.clean(docs(), table=table)
        first = next(stream)
        assert first and len(produced) < 20000
        stream.close()  # stops the child; nothing hangs


def test_bad_table_raises_with_the_cli_message_and_code(tmp_path):
    bogus = tmp_path / "bogus.table"
    bogus.write_bytes(b"not a table at all\n")
    with pytest.raises(nazif.NazifError) as caught:
        list(nazif.clean(["نص"], table=bogus))
    assert caught.value.exit_code == 65 and "bogus.table" in caught.value.message
    with pytest.raises(nazif.NazifError) as missing:
        list(nazif.clean(["نص"], table=tmp_path / "missing.table"))
    assert missing.value.exit_code == 66


def test_a_malformed_json_line_names_its_line_and_byte():
    with pytest.raises(nazif.NazifError) as caught:
        list(nazif.clean([b'{"text": "ok"}', b'{"text": "unterminated}']))
    assert caught.value.exit_code == 65
    assert "<stdin>:2" in caught.value.message


def test_records_of_a_wrong_type_raise_type_error():
    with pytest.raises(TypeError):
        list(nazif.clean([1, 2]))
    with pytest.raises(TypeError):
        list(nazif.clean(["نص", {"text": "نص"}]))
    with pytest.raises(TypeError):
        list(nazif.clean(["نص"], group_by="site"))


def test_an_error_in_the_callers_iterable_reaches_the_caller():
    def docs():
        yield "نص"
        raise KeyError("boom")

    with pytest.raises(KeyError):
        list(nazif.clean(docs()))


def test_no_thread_or_process_is_left_behind(seeds):
    before = threading.active_count()
    list(nazif.clean([t for _, t in seeds]))
    stream = nazif.clean([t for _, t in seeds] * 50)
    next(stream)
    stream.close()
    assert threading.active_count() <= before + 1  # a closed writer may still be unwinding


def test_values_orjson_refuses_still_go_through_json():
    # integers past 64 bits: orjson (the optional fast path) refuses them, json does not
    (record,) = list(nazif.clean([{"text": "قال الوزير إن الاتفاق وقع.", "n": 2 ** 70 + 1}]))
    assert type(record["n"]) is int and record["n"] == 2 ** 70 + 1 and record["text"] == "قال الوزير إن الاتفاق وقع."
