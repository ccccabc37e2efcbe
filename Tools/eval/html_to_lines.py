#!/usr/bin/env python3
"""Turn an HTML page into the text a naive scraper writes: one line per visible text block.

Block elements (p, div, li, td, headings, br, ...) end a line; script, style, noscript,
template, svg and the <head> are skipped; white space is collapsed; empty lines are dropped.
Only the standard library is used, so CI needs nothing installed.

    python3 Tools/eval/html_to_lines.py page.html > page.txt
    python3 Tools/eval/html_to_lines.py page.html -o page.txt
"""
from __future__ import annotations

import argparse
import re
import sys
from html.parser import HTMLParser

# Elements whose start and end cut the text into lines.
BLOCK = frozenset("""
address article aside blockquote body br caption center dd details dialog dir div dl dt
fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html
iframe legend li main menu nav noframes ol option p pre section summary table tbody td tfoot
th thead title tr ul button label select textarea
""".split())
# Elements whose content is never visible text.
SKIP = frozenset("script style noscript template svg head math object embed".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SPACE = re.compile(r"[\s\u00a0\u200b\ufeff]+")


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buffer: list[str] = []
        self._skip: list[str] = []  # stack of open skipped elements

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._buffer)).strip()
        self._buffer.clear()
        if text:
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs) -> None:
        if self._skip:
            if tag in SKIP and tag not in VOID:
                self._skip.append(tag)
            return
        if tag in SKIP and tag not in VOID:
            self._skip.append(tag)
            self._flush()
            return
        if tag in BLOCK:
            self._flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self._skip and tag in BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:  # badly nested: close up to the matching element
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_lines(html: str) -> list[str]:
    """The visible text blocks of `html`, one per list item, white space collapsed.

    >>> html_to_lines("<p>a <b>b</b></p><script>x</script><li>c<br>d</li>")
    ['a b', 'c', 'd']
    """
    parser = _Lines()
    parser.feed(html)
    parser.close()
    return parser.lines


def read_html(path: str) -> str:
    """The page's text: UTF-8, else the charset its <meta> names, else Windows-1256."""
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        match = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096])
        for encoding in ([match.group(1).decode()] if match else []) + ["cp1256"]:
            try:
                return raw.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
        return raw.decode("utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", help="the HTML file")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    args = parser.parse_args(argv)
    try:
        text = "".join(line + "\n" for line in html_to_lines(read_html(args.html)))
    except OSError as error:
        print(f"html_to_lines: {args.html}: {error.strerror}", file=sys.stderr)
        return 66
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(text)
        import os
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
