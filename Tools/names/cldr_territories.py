#!/usr/bin/env python3
"""Writes Tools/names/cldr_territories_ar.tsv: country and territory names in Arabic with their
English names, from the Unicode CLDR data that the Babel package ships.

    pip install babel==2.19.0 && python3 Tools/names/cldr_territories.py

CLDR is under the Unicode License v3 (https://www.unicode.org/license.txt), which allows copying
with the notice; the notice is in the output's header. build_names.py reads the output (source
code c) and needs no Babel itself.
"""
import pathlib, re, babel

OUT = pathlib.Path(__file__).with_name("cldr_territories_ar.tsv")
ARABIC_ONLY = re.compile("^[\u0621-\u064a ]+$")
# Codes that name no country: European Union, Eurozone, United Nations, Outlying Oceania, pseudo-locales, unknown.
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

arabic, english = babel.Locale("ar").territories, babel.Locale("en").territories
rows = sorted({(arabic[c], english[c]) for c in arabic
               if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES and c in english and ARABIC_ONLY.match(arabic[c])
               and "&" not in english[c] and "(" not in english[c]})
OUT.write_text(
    "# Country and territory names in Arabic and English: arabic<TAB>english.\n"
    f"# From Unicode CLDR as shipped by Babel {babel.__version__} (babel.Locale('ar'/'en').territories,\n"
    "# two-letter codes only). Written by Tools/names/cldr_territories.py; do not edit by hand.\n"
    "# Copyright (c) 1991-2025 Unicode, Inc. Unicode License v3: https://www.unicode.org/license.txt\n"
    + "".join(f"{a}\t{e}\n" for a, e in rows), encoding="utf-8")
print(f"{OUT}: {len(rows)} names")
