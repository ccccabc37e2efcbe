"""Line-by-line text functions: normalize, tokenize, romanize, name_key.

Each call runs the ``nazif`` binary once (about 5 ms to start), so hand over many lines at a
time: every function takes one string or an iterable of strings (one line each) and answers
in kind.
"""

from __future__ import annotations

import json
from typing import Iterable, List, Literal, TypedDict, Union, overload

from ._cli import run

__all__ = ["normalize", "tokenize", "romanize", "name_key", "Token"]

Profile = Literal["display", "search", "key"]


class Token(TypedDict):
    """One token of :func:`tokenize`: its text, kind (``arabic``, ``latin``, ``number``,
    ``punctuation``, ... or ``sentence``) and UTF-8 byte offsets into the text given.

    Example: ``{"token": "قال", "kind": "arabic", "start": 0, "end": 6}``
    """

    token: str
    kind: str
    start: int
    end: int


def _lines_in(items: Iterable[str]) -> bytes:
    parts = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"expected str, got {type(item).__name__}")
        if "\n" in item or "\r" in item:
            raise ValueError("each item of a list is one line: split texts with line breaks first")
        parts.append(item)
    return ("\n".join(parts) + "\n").encode("utf-8") if parts else b""


def _line_filter(args: List[str], text: Union[str, Iterable[str]]) -> Union[str, List[str]]:
    if isinstance(text, str):
        # One text, any number of lines: the output has as many, with the same line breaks.
        return run(args, text.encode("utf-8")).decode("utf-8")
    data = _lines_in(text)
    if not data:
        return []
    return run(args, data).decode("utf-8").split("\n")[:-1]


@overload
def normalize(text: str, profile: Profile = "search") -> str: ...  # type: ignore[overload-overlap]
@overload
def normalize(text: Iterable[str], profile: Profile = "search") -> List[str]: ...
def normalize(text: Union[str, Iterable[str]], profile: Profile = "search") -> Union[str, List[str]]:
    """Normalizes Arabic text with a profile: ``display`` (NFC, controls out), ``search``
    (also tashkeel and tatweel out, alef/yeh/teh marbuta folded, digits to 0-9) or ``key``
    (also digits to 0, punctuation out). A string gives a string (line for line), a list of
    lines gives a list.

    Example::

        >>> nazif.normalize("أَحْمَد ١٢")
        'احمد 12'
        >>> nazif.normalize(["إلى", "مدرسةٌ"], profile="search")
        ['الي', 'مدرسه']
    """
    return _line_filter(["normalize", "--profile", profile], text)


@overload
def romanize(names: str) -> str: ...  # type: ignore[overload-overlap]
@overload
def romanize(names: Iterable[str]) -> List[str]: ...
def romanize(names: Union[str, Iterable[str]]) -> Union[str, List[str]]:
    """The readable Latin form of Arabic names (``nazif names romanize``), one per line.

    Example::

        >>> nazif.romanize("كيم جونج أون")
        'Kim Jong Un'
    """
    return _line_filter(["names", "romanize"], names)


@overload
def name_key(names: str) -> str: ...  # type: ignore[overload-overlap]
@overload
def name_key(names: Iterable[str]) -> List[str]: ...
def name_key(names: Union[str, Iterable[str]]) -> Union[str, List[str]]:
    """The phonetic key of Arabic names (``nazif names key``): spellings of one name that
    house styles vary on share a key.

    Example::

        >>> nazif.name_key(["كيم جونغ أون", "كيم جونج أون"])
        ['GMGNGAN', 'GMGNGAN']
    """
    return _line_filter(["names", "key"], names)


def tokenize(text: str, sentences: bool = False) -> List[Token]:
    """Splits text into words (or, with ``sentences=True``, sentences), each with its kind and
    UTF-8 byte offsets into ``text`` encoded as UTF-8.

    Example::

        >>> [t["token"] for t in nazif.tokenize("قال الرئيس 12 مرة.")]
        ['قال', 'الرئيس', '12', 'مرة', '.']
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    args = ["tokenize", "--format", "jsonl"] + (["--sentences"] if sentences else [])
    output = run(args, text.encode("utf-8"))
    return [json.loads(line) for line in output.splitlines() if line]
