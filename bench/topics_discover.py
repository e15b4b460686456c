#!/usr/bin/env python3
"""Scores `luister topics discover` on the shared public data (figures in
docs/benchmarks.md, "Topics: discovery"). For each data set, with k the
number of labels and with k estimated, one line per seed: the command's
last line ({"nmi","ari","acc","k"}) with the wall-clock seconds of the
run ("run_s"), then the mean over the seeds.

  bench/topics_discover.py [LUISTER] [--seeds 42,1,2] [--only NAME]

- dstc11: dstc11_intent_induction/development.test-utterances.jsonl as it
  is (913 utterances, 22 intents);
- banking77: banking77/train.csv as it is (10,003 texts, 77 intents);
- xsid_nl, xsid_en: xsid_nl/nl.valid.tsv's Dutch `text` and its English
  `text_en` (the same 300 sentences, 15 intents), written as JSON lines to
  a temporary folder (the files are not copied anywhere else).
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent.parent / 'shared' / 'data'


def xsid(out, column):
    path = out / f'xsid_{column}.jsonl'
    lines = (DATA / 'xsid_nl' / 'nl.valid.tsv').read_text(encoding='utf-8').splitlines()
    header = lines[0].split('\t')
    with open(path, 'w', encoding='utf-8') as f:
        for line in lines[1:]:
            row = dict(zip(header, line.split('\t')))
            text = row['text'] if column == 'nl' else row['text_en']
            f.write(json.dumps({'text': text, 'intent': row['intent']}, ensure_ascii=False) + '\n')
    return path, len({l.split('\t')[1] for l in lines[1:]})


def run(luister, path, k, seed):
    start = time.monotonic()
    out = subprocess.run([luister, 'topics', 'discover', '--input', str(path), '--k', str(k),
                          '--seed', str(seed)], check=True, capture_output=True,
                         text=True).stdout
    scores = json.loads(out.strip().splitlines()[-1])
    scores['run_s'] = round(time.monotonic() - start, 2)
    return scores


def main():
    args = sys.argv[1:]
    luister = args[0] if args and not args[0].startswith('--') else 'build/luister'
    seeds = [42, 1, 2]
    only = None
    for i, a in enumerate(args):
        if a == '--seeds':
            seeds = [int(s) for s in args[i + 1].split(',')]
        if a == '--only':
            only = args[i + 1]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        sets = [('dstc11', DATA / 'dstc11_intent_induction' /
                 'development.test-utterances.jsonl', 22),
                ('banking77', DATA / 'banking77' / 'train.csv', 77),
                ('xsid_nl',) + xsid(tmp, 'nl'),
                ('xsid_en',) + xsid(tmp, 'en')]
        for name, path, labels in sets:
            if only and name != only:
                continue
            for k in (labels, 0):
                rows = [run(luister, path, k, seed) for seed in seeds]
                for seed, r in zip(seeds, rows):
                    print(json.dumps({'data': name, 'k_given': k, 'seed': seed, **r}))
                mean = {key: round(sum(r[key] for r in rows) / len(rows), 4)
                        for key in ('nmi', 'ari', 'acc', 'k', 'run_s')}
                print(json.dumps({'data': name, 'k_given': k, 'seed': 'mean', **mean}))
                sys.stdout.flush()


if __name__ == '__main__':
    main()
