#!/usr/bin/env python3
"""The Swift romanizer's decoder, step for step, in Python: the reference its output is tested
against (Tests/ArabicTextTests/RomanizerAgreementTests.swift).

    python3 Tools/names/romanizer_reference.py                 # writes the agreement fixture
    python3 Tools/names/romanizer_reference.py --word بوتين     # the 5 best of one word

It reads the model file as RomanizerModel.swift parses it (Sources/ArabicText/Data/
romanizer_model.tsv) and decodes as `RomanizerModel.candidates(for:count:)` does: the same beam
(16 histories per letter, up to `count` paths per history, paths 6 (log10) below the best of a
letter dropped), the same 12 likeliest graphones per Arabic chunk, the same tie-breaks, and
float32 sums, so the two agree candidate for candidate. The fixture
(Tests/ArabicTextTests/Fixtures/romanizer_reference.tsv) holds the 5 best, with scores, of
the first 300 one-word held-out spellings. Standard library only.
"""
import argparse
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MODEL = ROOT / "Sources" / "ArabicText" / "Data" / "romanizer_model.tsv"
HELDOUT = ROOT / "Tests" / "ArabicTextTests" / "Fixtures" / "names_heldout.tsv"
FIXTURE = ROOT / "Tests" / "ArabicTextTests" / "Fixtures" / "romanizer_reference.tsv"

BEAM = 16            # RomanizerModel.defaultBeam
SCORE_BEAM = 6.0     # RomanizerModel.scoreBeam
OPTIONS = 12         # RomanizerModel.optionsPerChunk
FLOOR = -99.0        # RomanizerModel.floor
START, END = 0, 1
FIXTURE_WORDS = 300


def f32(x):
    """x rounded to float32, as Swift's Float holds it."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def swift_decimal(text):
    """RomanizerModel.decimal: the digits summed in a double, then rounded to float32."""
    negative, value, scale, digits = False, 0.0, 0.0, 0
    for index, ch in enumerate(text):
        if ch == "-" and index == 0:
            negative = True
            continue
        if ch == "." and scale == 0:
            scale = 1.0
            continue
        if not ch.isdigit():
            return None
        digits += 1
        if scale == 0:
            value = value * 10 + int(ch)
        else:
            scale /= 10
            value += int(ch) * scale
    return f32(-value if negative else value) if digits else None


def letter_codes(word):
    """Arabic letters U+0621–U+064A as codes 1–42; other characters skipped."""
    return [ord(ch) - 0x0620 for ch in word if 0x0621 <= ord(ch) <= 0x064A]


class Decoder:
    def __init__(self, path=MODEL):
        self.order = 1
        self.latin = {}
        self.chunks = {}
        self.logp, self.backoff, self.context = {}, {}, set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if fields[0] == "g" and len(fields) == 4:
                gid = int(fields[1])
                codes = letter_codes(fields[2])
                self.latin[gid] = fields[3]
                slot = codes[0] if len(codes) == 1 else 64 + codes[0] * 64 + codes[1]
                self.chunks.setdefault(slot, []).append(gid)
            elif fields[0] == "order" and len(fields) == 2:
                self.order = int(fields[1])
            elif len(fields) >= 2:
                key = tuple(int(x) for x in fields[0].split(" "))
                self.logp[key] = swift_decimal(fields[1])
                self.backoff[key] = swift_decimal(fields[2]) if len(fields) > 2 else 0.0
        for key in self.logp:
            if len(key) > 1:
                self.context.add(key[:-1])

        def unigram(gid):
            return self.logp.get((gid,), FLOOR)
        for slot, ids in self.chunks.items():
            if len(ids) > OPTIONS:
                self.chunks[slot] = sorted(ids, key=lambda g: (-unigram(g), g))[:OPTIONS]

    def log_probability(self, gid, history):
        """history: a tuple of ids, oldest first."""
        total = 0.0
        while True:
            p = self.logp.get(history + (gid,))
            if p is not None:
                return f32(total + p)
            if not history:
                return f32(total + FLOOR)
            if history in self.backoff:
                total = f32(total + self.backoff[history])
            history = history[1:]

    def state_after(self, history, gid):
        history = (history + (gid,))[-(self.order - 1):] if self.order > 1 else ()
        while history and not (history in self.logp and history in self.context):
            history = history[1:]
        return history

    @staticmethod
    def packed(history):
        value = 0
        for gid in history:
            value = value << 16 | (gid + 1)
        return value

    def prune(self, layer, per_state, width):
        if not layer:
            return layer
        best = max(h[0] for h in layer)
        layer = [h for h in layer if not h[0] < best - SCORE_BEAM]
        layer.sort(key=lambda h: (-h[0], self.packed(h[1])))
        kept, taken = [], {}
        for h in layer:
            if h[1] in taken:
                if taken[h[1]] >= per_state:
                    continue
                taken[h[1]] += 1
            else:
                if len(taken) >= width:
                    continue
                taken[h[1]] = 1
            kept.append(h)
        return kept

    def candidates(self, word, count=5, beam=BEAM):
        wanted = max(1, count)
        letters = letter_codes(word)
        if not letters:
            return []
        layers = [[] for _ in range(len(letters) + 1)]
        layers[0] = [(0.0, (START,), "")]
        for position in range(len(letters)):
            layer = self.prune(layers[position], wanted, beam)
            for score, history, text in layer:
                for span in (1, 2):
                    if position + span > len(letters):
                        break
                    slot = letters[position] if span == 1 else 64 + letters[position] * 64 + letters[position + 1]
                    for gid in self.chunks.get(slot, ()):
                        layers[position + span].append((
                            f32(score + self.log_probability(gid, history)),
                            self.state_after(history, gid), text + self.latin[gid]))
            layers[position] = []
        results = {}
        for score, history, text in self.prune(layers[len(letters)], wanted, beam):
            total = f32(score + self.log_probability(END, history))
            results[text] = max(results.get(text, -1e30), total)
        ranked = sorted(results.items(), key=lambda item: (-item[1], item[0]))
        return ranked[:wanted]


def fixture_words():
    words = []
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        arabic = line.split("\t")[0]
        if " " not in arabic:
            words.append(arabic)
    return words[:FIXTURE_WORDS]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--word", help="print the 5 best spellings of one (search-folded) word")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from build_names import search_fold
    decoder = Decoder()
    if args.word:
        for latin, score in decoder.candidates(search_fold(args.word)):
            print(f"{latin}\t{score:.4f}")
        return 0
    lines = [
        "# The Swift romanizer's decoder in Python (Tools/names/romanizer_reference.py) on the first",
        f"# {FIXTURE_WORDS} one-word spellings of names_heldout.tsv: arabic<TAB>latin<TAB>log10 score, 5 best.",
        "# Generated — do not edit; regenerate after retraining the model.",
    ]
    for word in fixture_words():
        fields = [word]
        for latin, score in decoder.candidates(search_fold(word)):
            fields += [latin, f"{score:.4f}"]
        lines.append("\t".join(fields))
    FIXTURE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{FIXTURE.relative_to(ROOT)}: {len(lines) - 3} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
