"""Nazif: clean scraped Arabic text fast, from Python.

The work is done by the ``nazif`` binary the wheel carries (Swift, every core, UTF-8 bytes end
to end); this package streams your records through it.

Example::

    import nazif
    docs = [{"url": "https://a.example/1", "text": "قال الوزير...\\nالمصدر: رويترز"}, ...]
    for record in nazif.clean(docs):
        print(record["text"])
    nazif.normalize("أَحْمَد")      # 'احمد'
    nazif.romanize("كيم جونج أون")  # 'Kim Jong Un'
"""

from ._cli import NazifError, binary_path
from ._clean import Cleaned, Removal, clean
from ._table import Table
from ._text import Token, name_key, normalize, romanize, tokenize

__version__ = "0.1.0"

__all__ = ["clean", "Cleaned", "Removal", "Table", "normalize", "tokenize", "Token", "romanize",
           "name_key", "NazifError", "binary_path", "__version__"]
