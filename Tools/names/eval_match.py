#!/usr/bin/env python3
"""Pair matching of `nazif names match` on real spelling variants and real near-miss names.

    python3 Tools/names/eval_match.py [--nazif .build/debug/nazif] [--eval-dir ../shared/eval/names]
    python3 Tools/names/eval_match.py --details 20     # also: 20 misses of each half, to read
    python3 Tools/names/eval_match.py --write-pairs /tmp/pairs.tsv   # the pairs, for reading

The pairs are built at run time from `name_variants.tsv` (see ../shared/eval/README.md, section
names/: Wikidata name tokens CC0, google/transliteration Apache-2.0, GeoNames cities CC BY 4.0);
nothing of it is written into the repository.

Names. A GeoNames city is one name (all its Arabic-script forms, by geonameid); the Wikidata and
Google Latin tokens with one phonetic Latin key (`build_names.latin_key`: Sergei = Sergey) are one
name.

Positive pairs: two different Arabic-script forms of one name whose difference is only of the
kinds the README lists: ج/غ/ق/ك/گ for a foreign g, Persian letters (ی ک ە ہ ۀ ھ پ ڤ ژ), hamza
forms (أ إ آ ٱ ؤ ئ ء), ة/ه, ى/ي, tashkeel, tatweel, long vowels و ي ا written or not inside a word,
و/او at the start of a word, and word breaks. Each pair is labelled with the kinds it needs (a
pair that needs other changes, such as another consonant, is not used).

Negative pairs: two different names (Latin names not one name by `same_name` of their phonetic
keys, so two cities called Grand Island are not a negative pair; no Arabic form shared) whose
search-folded forms are 1-2 edits apart (1 when the shorter has at most 4 letters), multi-word
names only with the same first word; a spelling listed under both names is never used.

Split by name: each name falls in the tune or the check half by SHA-256 of its id; a negative pair
is used only when both its names fall in one half. Per half, at most --per-half positive and as
many negative pairs (chosen by hash), so accuracy is over a balanced set. Precision and recall are
those of the answer "same". Deterministic; standard library only.
"""
import argparse, collections, hashlib, os, re, subprocess, sys, unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_names import DEFAULT_EVAL, ROOT, edit_distance, fold_latin, latin_key, same_name  # noqa: E402

SALT = 'nazif-names-match-v1'

# The two pairs issue 14 names: different people / names that must stay apart.
MUST_SEPARATE = [('كيم جونغ إيل', 'كيم جونغ أون'), ('فولوديمير', 'فلاديمير')]

TASHKEEL = set(chr(c) for c in range(0x064B, 0x0653)) | {'\u0670'}
TATWEEL = '\u0640'
FORMAT = {'\u200c', '\u200d', '\u200e', '\u200f', '\u061c'}
STANDARD = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)}
PERSIAN = {'ی': 'ي', 'ک': 'ك', 'ە': 'ه', 'ہ': 'ه', 'ۀ': 'ه', 'ھ': 'ه', 'پ': 'ب', 'ڤ': 'ف', 'ژ': 'ز',
           'گ': 'گ'}   # گ stays: it is a g, folded with the g letters
ALLOWED = STANDARD | set(PERSIAN) | TASHKEEL | {TATWEEL, ' '} | FORMAT
HAMZA = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ؤ': 'و', 'ئ': 'ي', 'ء': ''}
G_LETTERS = set('جغقكگ')

# The kinds, in the order they are folded.
KINDS = ['tashkeel', 'tatweel', 'persian', 'hamza', 'ta-marbuta', 'alef-maqsura', 'g-letters',
         'waw-alef', 'long-vowels', 'spaces']


def fold(form: str, kinds: set) -> str:
    """The form with the variation of each kind in `kinds` folded away."""
    s = form
    if 'tashkeel' in kinds:
        s = ''.join(ch for ch in s if ch not in TASHKEEL)
    if 'tatweel' in kinds:
        s = s.replace(TATWEEL, '')
    if 'persian' in kinds:
        s = ''.join(PERSIAN.get(ch, ch) for ch in s)
    if 'hamza' in kinds:
        s = ''.join(HAMZA.get(ch, ch) for ch in s)
    if 'ta-marbuta' in kinds:
        s = s.replace('ة', 'ه')
    if 'alef-maqsura' in kinds:
        s = s.replace('ى', 'ي')
    if 'g-letters' in kinds:
        s = ''.join('ج' if ch in G_LETTERS else ch for ch in s)
    if 'waw-alef' in kinds:
        s = ' '.join(re.sub(r'^[اأ]و', 'و', w) for w in s.split(' '))
    if 'spaces' in kinds:
        s = s.replace(' ', '')
    return s


def vowel_gaps(form: str):
    """The letters other than ا و ي after a word's first letter, and the long vowels between them."""
    letters, gaps = [], [[]]
    for word in form.split(' '):
        for i, ch in enumerate(word):
            if i > 0 and ch in 'اوي':
                if not gaps[-1] or gaps[-1][-1] != ch:
                    gaps[-1].append(ch)
            else:
                letters.append(ch)
                gaps.append([])
    return letters, gaps


def is_subsequence(short, long) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def one_spelling(a: str, b: str, kinds: set) -> bool:
    """a and b are one spelling once the kinds are folded. Long vowels written or not: the same
    letters otherwise, and between two letters the vowels of one are some of the other's (زارداري =
    زرداري, but not a vowel for another: بالدري ≠ بولدري, فولوديمير ≠ فلاديمير)."""
    fa, fb = fold(a, kinds - {'long-vowels'}), fold(b, kinds - {'long-vowels'})
    if 'long-vowels' not in kinds or fa == fb:
        return fa == fb
    (la, ga), (lb, gb) = vowel_gaps(fa), vowel_gaps(fb)
    return la == lb and all(is_subsequence(x, y) or is_subsequence(y, x) for x, y in zip(ga, gb))


def kinds_needed(a: str, b: str):
    """The kinds that make a and b one spelling (a minimal set), or None if they do not."""
    needed = set(KINDS)
    if not one_spelling(a, b, needed):
        return None
    for kind in KINDS:       # greedy: drop each kind the pair does not need
        if one_spelling(a, b, needed - {kind}):
            needed.discard(kind)
    return tuple(k for k in KINDS if k in needed)


def search_form(form: str) -> str:
    """Search-folded letters (as Nazif's `search` profile folds them), for near-miss distance."""
    s = fold(form, {'tashkeel', 'tatweel', 'persian', 'hamza', 'ta-marbuta', 'alef-maqsura'})
    return ' '.join(s.split())


def clean_form(raw: str, source: str):
    """The Arabic-script form as listed (variants kept), or None when it is not a name spelling."""
    s = unicodedata.normalize('NFC', raw.strip())
    if source.startswith('NETransliteration') and ' ' in s and all(len(p) == 1 for p in s.split()):
        s = s.replace(' ', '')
    if source.startswith('geonames'):
        s = re.split(r'[،,/(؛]', s)[0].replace('-', ' ')
    s = ' '.join(''.join(ch for ch in s if ch not in FORMAT).split())
    if not s or not all(ch in ALLOWED for ch in s):
        return None
    letters = [ch for ch in s if ch in STANDARD or ch in PERSIAN]
    if len(letters) < 2 or len(s.split()) > 4 or any(not any(c in STANDARD or c in PERSIAN for c in w)
                                                   for w in s.split()):
        return None
    return s


def bucket(name_id: str) -> str:
    return 'tune' if hashlib.sha256((SALT + name_id).encode()).digest()[0] % 2 == 0 else 'check'


def rank(text: str) -> bytes:
    return hashlib.sha256((SALT + 'pick' + text).encode()).digest()


def read_names(eval_dir: Path) -> dict:
    """name id → set of forms. Ids: 'city:<geonameid>' or 'token:<latin key>'."""
    cities = collections.defaultdict(set)
    city_keys = {}                             # city id → phonetic key of its Latin name
    tokens = collections.defaultdict(set)      # latin key → forms
    with open(eval_dir / 'name_variants.tsv', encoding='utf-8') as file:
        next(file)
        for line in file:
            fields = line.rstrip('\n').split('\t')
            if len(fields) < 6:
                continue
            latin, _, arabic, source, _, extra = fields[:6]
            form = clean_form(arabic, source)
            if form is None:
                continue
            if source.startswith('geonames'):
                cities['city:' + extra].add(form)
                city_keys['city:' + extra] = latin_key(fold_latin(latin))
            else:
                key = latin_key(fold_latin(latin))
                if key:
                    tokens[key].add(form)
    # One name per phonetic Latin key (Sergei = Sergey); keys only close (Mohammed, Muhammad) are
    # not joined (joining them chains unrelated names), but never make a negative pair.
    names = {'token:' + k: forms for k, forms in tokens.items()}
    names.update(cities)
    LATIN_KEYS.update(city_keys)
    LATIN_KEYS.update({n: n[6:] for n in names if n.startswith('token:')})
    return {n: f for n, f in names.items() if f}


LATIN_KEYS = {}   # name id → phonetic key of its Latin name (two cities called Grand Island are one name)


def near_pairs(strings, limit):
    """Pairs of strings that may be within limit(s) edits: they share a deletion variant."""
    index = collections.defaultdict(list)
    for s in strings:
        variants = {s}
        for _ in range(limit(s)):
            variants |= {v[:i] + v[i + 1:] for v in variants for i in range(len(v))}
        for v in variants:
            index[v].append(s)
    pairs = set()
    for group in index.values():
        if 2 <= len(group) <= 200:
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


def build_pairs(names: dict, per_half: int):
    owners = collections.defaultdict(set)       # search form → name ids
    for name, forms in names.items():
        for form in forms:
            owners[search_form(form)].add(name)
    ambiguous = {s for s, o in owners.items() if len(o) > 1}

    positives = {'tune': [], 'check': []}
    for name, forms in sorted(names.items()):
        forms = sorted(forms)
        for i, a in enumerate(forms):
            for b in forms[i + 1:]:
                kinds = kinds_needed(a, b)
                if kinds:
                    positives[bucket(name)].append((a, b, '+'.join(kinds), name))

    # Near misses: search forms 1-2 edits apart, found through shared deletion variants.
    forms = sorted(s for s in owners if s not in ambiguous)
    candidates = near_pairs(forms, lambda s: 1 if len(s.replace(' ', '')) <= 4 else 2)
    negatives = {'tune': [], 'check': []}
    for a, b in sorted(candidates, key=lambda p: rank(p[0] + '\t' + p[1])):
        if all(len(negatives[h]) >= len(positives[h]) for h in negatives):
            break
        wa, wb = a.split(' '), b.split(' ')
        if len(wa) != len(wb) or (len(wa) > 1 and wa[0] != wb[0]):
            continue
        shortest = min(len(a.replace(' ', '')), len(b.replace(' ', '')))
        distance = edit_distance(a, b)
        if distance == 0 or distance > (1 if shortest <= 4 else 2):
            continue
        (na,), (nb,) = owners[a], owners[b]
        if na == nb or names[na] & names[nb]:
            continue
        if same_name(LATIN_KEYS[na], LATIN_KEYS[nb]):
            continue
        half = bucket(na)
        if bucket(nb) != half or len(negatives[half]) >= len(positives[half]):
            continue
        # The listed spellings themselves: one form of each name with this search form.
        fa = min(f for f in names[na] if search_form(f) == a)
        fb = min(f for f in names[nb] if search_form(f) == b)
        label = ('multi-word' if len(wa) > 1 else 'one word') + f', {distance} edit' + ('s' if distance > 1 else '')
        negatives[half].append((fa, fb, label, na + ' / ' + nb))

    chosen = {}
    for half in ('tune', 'check'):
        pos = sorted(positives[half], key=lambda p: rank(p[0] + '\t' + p[1]))[:per_half]
        neg = negatives[half][:len(pos)]
        chosen[half] = [(a, b, True, k, n) for a, b, k, n in pos] + [(a, b, False, k, n) for a, b, k, n in neg]
        print(f'{half}: {len(positives[half]):,} positive and {len(negatives[half]):,} negative pairs '
              f'built, {len(pos):,} + {len(neg):,} used', file=sys.stderr)
    return chosen


def run_match(nazif: str, pairs) -> list:
    text = ''.join(f'{a}\t{b}\n' for a, b, *_ in pairs)
    try:
        out = subprocess.run([nazif, 'names', 'match'], input=text, check=True, capture_output=True,
                             text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f'eval_match: cannot run {nazif}: {error} (build it: swift build --product nazif)')
    if len(out) != len(pairs):
        sys.exit(f'eval_match: {len(out)} answers for {len(pairs)} pairs')
    return [line.split('\t')[0] == 'same' for line in out]


def scores(rows):
    tp = sum(1 for truth, got, *_ in rows if truth and got)
    fp = sum(1 for truth, got, *_ in rows if not truth and got)
    fn = sum(1 for truth, got, *_ in rows if truth and not got)
    tn = len(rows) - tp - fp - fn
    return tp, fp, fn, tn


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--nazif', default=os.path.join(ROOT, '.build/debug/nazif'))
    parser.add_argument('--eval-dir', type=Path, default=Path(os.environ.get('NAZIF_NAMES_DIR', DEFAULT_EVAL)))
    parser.add_argument('--per-half', type=int, default=5000, help='positive pairs per half (as many negatives)')
    parser.add_argument('--details', type=int, default=0, metavar='N', help='print N misses of each half')
    parser.add_argument('--write-pairs', metavar='FILE', help='write the pairs (half, truth, kind, a, b, names)')
    args = parser.parse_args()
    if 'NAZIF_NAMES_DIR' not in os.environ and not (args.eval_dir / 'name_variants.tsv').exists():
        args.eval_dir = Path('/work/shared/eval/names')     # a worktree of /work/main
    if not (args.eval_dir / 'name_variants.tsv').exists():
        sys.exit(f'eval_match: {args.eval_dir}/name_variants.tsv not found (see ../shared/eval/README.md)')
    chosen = build_pairs(read_names(args.eval_dir), args.per_half)
    if args.write_pairs:
        with open(args.write_pairs, 'w', encoding='utf-8') as file:
            for half, pairs in chosen.items():
                for a, b, truth, kind, name in pairs:
                    file.write(f'{half}\t{"same" if truth else "different"}\t{kind}\t{a}\t{b}\t{name}\n')

    print('| half | pairs (same + different) | accuracy | precision | recall |')
    print('|---|---|---|---|---|')
    results = {}
    for half in ('tune', 'check'):
        pairs = chosen[half]
        answers = run_match(args.nazif, pairs)
        rows = [(truth, got, kind, a, b, name) for (a, b, truth, kind, name), got in zip(pairs, answers)]
        results[half] = rows
        tp, fp, fn, tn = scores(rows)
        n_pos, n_neg = tp + fn, fp + tn
        print(f'| {half} | {len(rows):,} ({n_pos:,} + {n_neg:,}) | {(tp + tn) / len(rows):.3f} | '
              f'{tp / max(1, tp + fp):.3f} | {tp / max(1, n_pos):.3f} |')
    for half, rows in results.items():
        print(f'\n{half}, per kind (same pairs: recall; different pairs: share kept apart):')
        per = collections.defaultdict(lambda: [0, 0])
        for truth, got, kind, *_ in rows:
            label = kind if truth else 'different: ' + kind
            if '+' in label:
                label = 'several kinds (' + str(label.count('+') + 1) + ')' if truth else label
            per[label][0] += 1
            per[label][1] += got == truth
        for label in sorted(per, key=lambda k: (k.startswith('different'), k)):
            total, right = per[label]
            print(f'  {label:40s} {right:5,} / {total:5,}  {right / total:.3f}')
    answers = run_match(args.nazif, [(a, b) for a, b in MUST_SEPARATE])
    for (a, b), same in zip(MUST_SEPARATE, answers):
        print(f'must stay apart: {a} / {b}: {"same (WRONG)" if same else "different"}')
    if args.details:
        for half, rows in results.items():
            misses = [r for r in rows if r[0] != r[1]]
            print(f'\n{half}: {len(misses)} misses, {min(args.details, len(misses))} of them:')
            for truth, got, kind, a, b, name in sorted(misses, key=lambda r: rank(r[3] + r[4]))[:args.details]:
                print(f'  {"same" if truth else "different"}\t{kind}\t{a}\t{b}\t{name}')


if __name__ == '__main__':
    main()
