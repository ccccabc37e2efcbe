#!/usr/bin/env python3
"""Checks a headless-Chromium screenshot of a `nazif clean --report` page.

  check_screenshot.py PAGE.png REPORT.html

1. The page is not blank: enough ink, more than a handful of colours.
2. A removed line's colour is there: the tint of some rule that colours a removed row of the
   page (read from the page's CSS) covers a band of pixels.
3. Arabic is shaped, right to left: the title (Arabic, the first band of ink) and the subtitle
   (plain Latin, the second) are compared. Joined Arabic letters make few large connected shapes
   per 100 px of ink (words are joined strokes); Latin letters, unjoined Arabic (isolated forms)
   and missing-glyph boxes make many. The Arabic band must also sit at the right edge, the Latin
   one at the left.
Exit 0 when every check passes, 1 otherwise; each check prints its numbers.
No dependency beyond the standard library: a small PNG decoder (8-bit RGB/RGBA, not interlaced).
"""
import re
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are read (got depth {depth}, colour type {colour})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 255
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    if channels == 4:   # drop alpha: rows of RGB bytes
        rows = [bytes(b for i, b in enumerate(row) if i % 4 != 3) for row in rows]
    return width, height, rows


def pixel(rows, x, y):
    return rows[y][3 * x], rows[y][3 * x + 1], rows[y][3 * x + 2]


def is_ink(r, g, b):
    return r * 299 + g * 587 + b * 114 < 128 * 1000


def bands(ink_rows, minimum_gap=3):
    """Runs of rows holding ink, separated by at least `minimum_gap` empty rows."""
    found, start, gap = [], None, 0
    for y, has_ink in enumerate(ink_rows):
        if has_ink:
            if start is None:
                start = y
            gap, end = 0, y
        elif start is not None:
            gap += 1
            if gap >= minimum_gap:
                found.append((start, end + 1))
                start = None
    if start is not None:
        found.append((start, end + 1))
    return found


def shapes(rows, top, bottom, width):
    """The band's large connected ink shapes (8-connected, at least 40 % of the band's height):
    how many per 100 px of ink width, the widest one's width over the band's height, and the
    ink's left and right edges."""
    ink = {(x, y) for y in range(top, bottom) for x in range(width) if is_ink(*pixel(rows, x, y))}
    if not ink:
        return 0.0, 0.0, 0, 0
    xs = [x for x, _ in ink]
    left, right = min(xs), max(xs)
    seen, large, widest = set(), 0, 0
    for start in ink:
        if start in seen:
            continue
        stack, low, high = [start], start[1], start[1]
        first, last = start[0], start[0]
        seen.add(start)
        while stack:
            x, y = stack.pop()
            low, high = min(low, y), max(high, y)
            first, last = min(first, x), max(last, x)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    neighbour = (x + dx, y + dy)
                    if neighbour in ink and neighbour not in seen:
                        seen.add(neighbour)
                        stack.append(neighbour)
        if high - low + 1 >= 0.4 * (bottom - top):
            large += 1
            widest = max(widest, last - first + 1)
    return 100.0 * large / (right - left + 1), widest / (bottom - top), left, right


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    png, page = sys.argv[1], sys.argv[2]
    width, height, rows = read_png(png)
    html = open(page, encoding="utf-8").read()
    failures = []

    # 1. Not blank.
    sample = [pixel(rows, x, y) for y in range(0, height, 2) for x in range(0, width, 2)]
    total = len(sample)
    ink = sum(1 for p in sample if is_ink(*p))
    colours = len(set(sample))
    print(f"blank: {ink} ink pixels of {total} sampled ({100.0 * ink / total:.2f} %), {colours} colours")
    if ink < total * 0.005 or colours < 20:
        failures.append("the page looks blank")

    # 2. A removed line's colour.
    styles = dict(re.findall(r"\.(k\d+)\{--c:#[0-9a-f]{6};--t:#([0-9a-f]{6})\}", html))
    used = set(re.findall(r'<tr class="rm (k\d+)', html))
    best = (0, "none")
    for name in used:
        tint = tuple(int(styles[name][i:i + 2], 16) for i in (0, 2, 4))
        count = sum(1 for p in sample if all(abs(p[i] - tint[i]) <= 2 for i in range(3)))
        best = max(best, (count, f"{name} #{styles[name]}"))
    print(f"removed-line colour: {best[0]} pixels of {best[1]} (of {len(used)} rule colours used)")
    if best[0] < 500:
        failures.append("no removed-line colour on the page")

    # 3. Arabic title against the Latin subtitle.
    ink_rows = [any(is_ink(*pixel(rows, x, y)) for x in range(width)) for y in range(min(height, 400))]
    found = bands(ink_rows)
    if len(found) < 2:
        failures.append("fewer than two lines of text at the top")
    else:
        (a_top, a_bottom), (l_top, l_bottom) = found[0], found[1]
        arabic, arabic_widest, a_left, a_right = shapes(rows, a_top, a_bottom, width)
        latin, latin_widest, l_left, l_right = shapes(rows, l_top, l_bottom, width)
        print(f"arabic title rows {a_top}-{a_bottom}, x {a_left}-{a_right}: {arabic:.2f} large shapes per 100 px, widest {arabic_widest:.2f} x height")
        print(f"latin subtitle rows {l_top}-{l_bottom}, x {l_left}-{l_right}: {latin:.2f} large shapes per 100 px, widest {latin_widest:.2f} x height")
        if not (arabic > 0 and latin > 0 and arabic_widest > 1.5 * latin_widest):
            failures.append("the Arabic title is not joined script (as many separate shapes as Latin letters)")
        if not (a_right > width - 80 and l_left < 80):
            failures.append("the Arabic title is not at the right edge or the Latin line not at the left")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("OK" if not failures else f"{len(failures)} check(s) failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
