#!/usr/bin/env python3
"""Peer for the `clean` row: datatrove's C4QualityFilter on a JSONL corpus.

Each line of the file is json.loads-ed into a datatrove Document and fed
through C4QualityFilter.run() (the same generator a datatrove pipeline calls,
stats bookkeeping included); kept documents are written back with json.dumps
carrying the filtered text.

Configuration: the filter's defaults (split on "\\n", terminal punctuation,
>= 3 words per line, >= 5 sentences per page, javascript / policy / lorem
ipsum / curly bracket rules) with language=Standard Arabic (arb_Arab), as an
Arabic pipeline such as FineWeb-2's would set it.  The sentence count calls
datatrove's word-tokenizer registry, which maps arb_Arab to spaCy's blank
Arabic pipeline plus its rule-based "sentencizer": spaCy must be installed but
no model is downloaded, so this works offline.  (Older datatrove releases used
NLTK punkt here, which needs a download.)
Usage: datatrove_c4.py corpus.jsonl > out.jsonl
"""

import json
import sys

from datatrove.data import Document
from datatrove.pipeline.filters import C4QualityFilter
from datatrove.utils.typeshelper import Languages


def documents(path: str):
    with open(path, encoding="utf-8") as f:
        for raw in f:
            d = json.loads(raw)
            yield Document(text=d["text"], id=d["id"], metadata={"url": d.get("url")})


def main() -> None:
    c4 = C4QualityFilter(language=Languages.standard_arabic__arab)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    for doc in c4.run(documents(sys.argv[1])):
        out.write(json.dumps({"id": doc.id, "url": doc.metadata.get("url"), "text": doc.text}, ensure_ascii=False))
        out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
