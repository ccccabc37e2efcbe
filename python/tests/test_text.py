"""normalize, tokenize, romanize, name_key against the real binary."""

from __future__ import annotations

import pytest

import nazif


def test_normalize_search_gives_the_golden_of_each_seed(seeds, expected):
    for number, text in seeds:
        assert nazif.normalize(text, profile="search") == expected[number]["search.txt"], number


def test_normalize_lists_answer_line_for_line():
    assert nazif.normalize(["إلى", "مدرسةٌ", ""], profile="search") == ["الي", "مدرسه", ""]
    assert nazif.normalize("أَحْمَد ١٢") == "احمد 12"
    assert nazif.normalize([]) == []
    with pytest.raises(ValueError):
        nazif.normalize(["two\nlines"])


@pytest.mark.parametrize("profile", ["display", "search", "key"])
def test_every_profile_keeps_the_line_count(seeds, profile):
    text = seeds[0][1]
    assert nazif.normalize(text, profile=profile).count("\n") == text.count("\n")


def test_a_bad_profile_is_a_usage_error():
    with pytest.raises(nazif.NazifError) as caught:
        nazif.normalize("نص", profile="bogus")  # type: ignore[arg-type]
    assert caught.value.exit_code == 64 and "bogus" in caught.value.message


def test_invalid_utf8_is_reported_with_line_and_byte():
    with pytest.raises(nazif.NazifError) as caught:
        nazif._cli.run(["normalize"], b"ok\nbad \xff\n")
    assert caught.value.exit_code == 65 and "<stdin>:2" in caught.value.message


def test_tokenize_gives_words_with_byte_offsets(seeds):
    text = seeds[0][1]
    tokens = nazif.tokenize(text)
    data = text.encode("utf-8")
    assert len(tokens) > 100
    for token in tokens:
        assert data[token["start"]:token["end"]].decode("utf-8") == token["token"]
    assert [t["token"] for t in nazif.tokenize("قال الرئيس 12 مرة.")] == ["قال", "الرئيس", "12", "مرة", "."]
    assert [t["kind"] for t in nazif.tokenize("قال 12")] == ["arabic", "number"]


def test_tokenize_sentences():
    sentences = nazif.tokenize("قال الرئيس 12 مرة. وذهب.", sentences=True)
    assert [s["token"] for s in sentences] == ["قال الرئيس 12 مرة.", "وذهب."]


def test_romanize_and_name_key_on_the_seed_names():
    assert nazif.romanize("كيم جونج أون") == "Kim Jong Un"
    assert nazif.romanize("كيم جونج أون\n") == "Kim Jong Un\n"  # a string keeps its line breaks
    assert nazif.romanize(["كيم جونج أون", "بيونج يانج"]) == ["Kim Jong Un", "Pyongyang"]
    keys = nazif.name_key(["كيم جونغ أون", "كيم جونج أون", "بیونغ یانغ"])
    assert keys[0] == keys[1] == "GMGNGAN" and keys[2] == "BNGANG"
