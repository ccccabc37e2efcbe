#!/usr/bin/env python3
"""Precision and recall of `nazif names find` on the seeds against Tools/names/seeds_names_gold.tsv.

    python3 Tools/names/eval_names.py [--nazif .build/debug/nazif] [--details]

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--nazif', default=os.path.join(ROOT, '.build/debug/nazif'))
    parser.add_argument('--gold', default=os.path.join(ROOT, 'Tools/names/seeds_names_gold.tsv'))
    parser.add_argument('--details', action='store_true', help='list false and missed mentions')
    args = parser.parse_args()
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
