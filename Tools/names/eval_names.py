#!/usr/bin/env python3
"""Precision and recall of `nazif names find` on the seeds against Tools/names/seeds_names_gold.tsv.

    python3 Tools/names/eval_names.py [--nazif .build/debug/nazif] [--details]
    python3 Tools/names/eval_names.py --romanize [--nazif …]   # also: the romanizer on held-out names

With --romanize: top-1 (any accepted spelling), top-5 and character error rate (CER) of `nazif
names romanize` on Tests/ArabicTextTests/Fixtures/names_heldout.tsv, names the dictionary never
saw, for the trained model and for the old letter rules (`--rules`). Case is ignored.

Mentions are compared by spelling (tashkeel and tatweel ignored), counted: a spelling found 5 times
that the gold has 3 times gives 3 true and 2 false mentions. Also printed: of the mentions found
right, the share whose Latin form is the gold's (case ignored). Standard library only.
"""
import argparse, glob, os, re, subprocess, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARKS = re.compile('[\u064b-\u0652\u0640]')


def clean(spelling):
    return ' '.join(MARKS.sub('', spelling).split())


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def evaluate_romanizer(nazif):
    path = os.path.join(ROOT, 'Tests/ArabicTextTests/Fixtures/names_heldout.tsv')
    rows = []
    with open(path, encoding='utf-8') as file:
        for line in file:
            if line.startswith('#') or not line.strip():
                continue
            fields = line.rstrip('\n').split('\t')
            rows.append((fields[0], [name.lower() for name in fields[1:]]))
    names = ''.join(arabic + '\n' for arabic, _ in rows)
    print('romanizer on held-out names (%d spellings):' % len(rows))
    print('| | top-1 | top-5 | CER |')
    print('|---|---|---|---|')
    for label, flags in (('rules', ['--rules']), ('model', [])):
        try:
            output = subprocess.run([nazif, 'names', 'romanize', '--candidates', '5'] + flags, input=names,
                                    check=True, capture_output=True, text=True).stdout.split('\n')
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(f'eval_names: cannot run {nazif}: {error}')
        top1 = top5 = errors = characters = 0
        for (arabic, expected), line in zip(rows, output):
            fields = line.split('\t')
            candidates = [c.lower() for c in fields[0::2]]
            best = candidates[0] if candidates else ''
            top1 += best in expected
            top5 += any(c in expected for c in candidates[:5])
            errors += min(edit_distance(best, e) for e in expected)
            characters += len(expected[0])
        n = len(rows)
        print(f'| {label} | {top1 / n:.3f} ({top1}) | {top5 / n:.3f} ({top5}) | {errors / characters:.3f} |')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--nazif', default=os.path.join(ROOT, '.build/debug/nazif'))
    parser.add_argument('--gold', default=os.path.join(ROOT, 'Tools/names/seeds_names_gold.tsv'))
    parser.add_argument('--details', action='store_true', help='list false and missed mentions')
    parser.add_argument('--romanize', action='store_true', help='also measure the romanizer on the held-out names')
    args = parser.parse_args()
    if args.romanize:
        evaluate_romanizer(args.nazif)
    gold, gold_latin = Counter(), {}
    with open(args.gold, encoding='utf-8') as file:
        for number, line in enumerate(file, 1):
            if line.startswith('#') or not line.strip():
                continue
            fields = line.rstrip('\n').split('\t')
            if len(fields) != 3 or not fields[2].isdigit():
                sys.exit(f'{args.gold}:{number}: expected arabic<TAB>latin<TAB>count')
            gold[clean(fields[0])] += int(fields[2])
            gold_latin[clean(fields[0])] = fields[1]
    seeds = sorted(glob.glob(os.path.join(ROOT, 'seeds/*.txt')))
    try:
        output = subprocess.run([args.nazif, 'names', 'find'] + seeds, check=True,
                                capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f'eval_names: cannot run {args.nazif}: {error} (build it: swift build --product nazif)')
    found, found_latin = Counter(), {}
    for row in output.splitlines():
        latin, _, spellings = row.split('\t')[:3]
        for item in spellings.split('; '):
            spelling, count = item.rsplit(' (', 1)
            found[clean(spelling)] += int(count.rstrip(')'))
            found_latin[clean(spelling)] = latin
    true = sum(min(count, gold[s]) for s, count in found.items())
    latin_right = sum(min(count, gold[s]) for s, count in found.items()
                      if gold[s] and found_latin[s].lower() == gold_latin[s].lower())
    precision = true / max(1, sum(found.values()))
    recall = true / max(1, sum(gold.values()))
    print(f'names find on the seeds: precision {precision:.3f} ({true}/{sum(found.values())}), '
          f'recall {recall:.3f} ({true}/{sum(gold.values())}), '
          f'gold Latin {latin_right / max(1, true):.3f} of the right mentions')
    if args.details:
        for s, count in sorted(found.items()):
            if count > gold[s]:
                print(f'  false\t{s}\t{found_latin[s]}\t{count - gold[s]}')
        for s, count in sorted(gold.items()):
            if count > found[s]:
                print(f'  missed\t{s}\t{gold_latin[s]}\t{count - found[s]}')
        for s in sorted(found):
            if gold[s] and found_latin[s].lower() != gold_latin[s].lower():
                print(f'  latin\t{s}\t{found_latin[s]} (gold {gold_latin[s]})')


if __name__ == '__main__':
    main()
