#!/usr/bin/env python3
"""Our own fixed splits of the shared public data for `luister topics eval`
(docs/benchmarks.md, "Topics: classification"). The data stay in
../shared/data (their licences: ../shared/data/README.md); only the split
files are written, to OUTDIR (default /tmp/luister-topics).

  bench/topics_split.py [OUTDIR]

- BANKING77 (train.csv, `text,category`; the official test split is not
  used): within each intent, the texts are ordered by the SHA-256 of the
  text and every fifth (ranks 0, 5, 10, ...: 20 %, stratified) goes to
  validation: banking77.train.csv / banking77.valid.csv. The training
  part is cut again the same way into 5 folds (rank mod 5 over the training
  part) for cross-validation: banking77.cv{0..4}.{train,valid}.csv. Tune
  on the folds or the validation split, never on anything else.
- xSID (nl.valid.tsv and en.valid.tsv, the same 300 sentences in Dutch and
  English, line by line): within each intent, ordered by the SHA-256 of
  the English sentence, rank mod 5 gives the fold, the same for both
  languages: xsid_{nl,en}.fold{0..4}.{train,test}.csv (5-fold
  cross-validation; every sentence is tested once).

All files are CSV with a header `text,label`.
"""
import csv
import hashlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent.parent / 'shared' / 'data'
FOLDS = 5


def digest(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def folds(rows, key):
    """Fold of each row: its rank, within its label, by the hash of key(row), mod 5."""
    by_label = {}
    for i, r in enumerate(rows):
        by_label.setdefault(r['label'], []).append(i)
    fold = [0] * len(rows)
    for members in by_label.values():
        members.sort(key=lambda i: (digest(key(rows[i])), i))
        for rank, i in enumerate(members):
            fold[i] = rank % FOLDS
    return fold


def write(path, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['text', 'label'])
        for r in rows:
            w.writerow([r['text'], r['label']])


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '/tmp/luister-topics')
    out.mkdir(parents=True, exist_ok=True)

    with open(DATA / 'banking77' / 'train.csv', encoding='utf-8', newline='') as f:
        rows = [{'text': r['text'], 'label': r['category']} for r in csv.DictReader(f)]
    fold = folds(rows, lambda r: r['text'])
    train = [r for r, k in zip(rows, fold) if k != 0]
    write(out / 'banking77.train.csv', train)
    write(out / 'banking77.valid.csv', [r for r, k in zip(rows, fold) if k == 0])
    inner = folds(train, lambda r: r['text'])
    for k in range(FOLDS):
        write(out / f'banking77.cv{k}.train.csv', [r for r, j in zip(train, inner) if j != k])
        write(out / f'banking77.cv{k}.valid.csv', [r for r, j in zip(train, inner) if j == k])

    langs = {}
    for lang in ('nl', 'en'):
        with open(DATA / 'xsid_nl' / f'{lang}.valid.tsv', encoding='utf-8', newline='') as f:
            langs[lang] = [{'text': r['text'], 'label': r['intent'], 'en': r['text_en']}
                           for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)]
    assert len(langs['nl']) == len(langs['en'])
    for nl, en in zip(langs['nl'], langs['en']):
        assert nl['label'] == en['label']
        nl['en'] = en['text']
    fold = folds(langs['nl'], lambda r: r['en'])
    for lang, rows in langs.items():
        for k in range(FOLDS):
            write(out / f'xsid_{lang}.fold{k}.train.csv', [r for r, j in zip(rows, fold) if j != k])
            write(out / f'xsid_{lang}.fold{k}.test.csv', [r for r, j in zip(rows, fold) if j == k])
    print(out)


if __name__ == '__main__':
    main()
