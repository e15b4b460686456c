#!/usr/bin/env python3
"""Turns the shared public data sets into `luister answers eval` input:
JSON lines of {"text","answer_id"}, split into our own train and test
halves (docs/answers.md, docs/benchmarks.md).

  bench/answers/prepare.py OUTDIR

- bitext: ../shared/data/bitext_customer_support: a customer's request
  (`instruction`) -> its intent, whose canonical `response` is the answer;
  80 % train / 20 % test, by a hash of the line (the same split every run).
- tweets: ../shared/data/twitter_cdp_ibm/dev.json: the customer's tweets
  before the agent's link -> the help document linked; half / half by a
  hash of the conversation. Test conversations whose document never occurs
  in training cannot be matched by anything learnt from it; they stay in
  (the figure is honest), and `tweets_seen` keeps only the others.
- banking77: ../shared/data/banking77/train.csv (the official test split is
  not used): a question -> its intent; 80 % train / 20 % test by a hash of
  the text, and banking77_8 with only 8 training questions per intent.
"""
import csv
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent.parent.parent / 'shared' / 'data'


def bucket(key, n=100):
    return int(hashlib.sha256(key.encode('utf-8')).hexdigest()[:8], 16) % n


def write(path, rows):
    with open(path, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else 'build/answers-data')
    out.mkdir(parents=True, exist_ok=True)
    train, test = [], []
    with open(DATA / 'bitext_customer_support' / 'Bitext_Sample_Customer_Support_Training_Dataset.csv',
              encoding='utf-8') as f:
        for i, row in enumerate(csv.DictReader(f)):
            r = {'text': row['instruction'], 'answer_id': row['intent']}
            (test if bucket(f'{i}:{row["instruction"]}') < 20 else train).append(r)
    write(out / 'bitext.train.jsonl', train)
    write(out / 'bitext.test.jsonl', test)

    convs = json.load(open(DATA / 'twitter_cdp_ibm' / 'dev.json', encoding='utf-8'))
    train, test = [], []
    for c in convs:
        text = '\n'.join(m['message'] for m in c['dialogContent'])
        r = {'text': text, 'answer_id': c['agentURL']['doc_id']}
        (test if bucket(c['dialogHeader']['sessionID'], 2) else train).append(r)
    seen = {r['answer_id'] for r in train}
    write(out / 'tweets.train.jsonl', train)
    write(out / 'tweets.test.jsonl', test)
    write(out / 'tweets_seen.test.jsonl', [r for r in test if r['answer_id'] in seen])

    # BANKING77's training file only (the official test split is not used):
    # 80 % train / 20 % test by a hash of the text; banking77_8 learns from
    # the first 8 training questions of each intent, as a new library knows
    # an answer by a handful of questions.
    train, test = [], []
    with open(DATA / 'banking77' / 'train.csv', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            r = {'text': row['text'], 'answer_id': row['category']}
            (test if bucket(f'bk:{row["text"]}') < 20 else train).append(r)
    few, per_intent = [], {}
    for r in train:
        per_intent[r['answer_id']] = per_intent.get(r['answer_id'], 0) + 1
        if per_intent[r['answer_id']] <= 8:
            few.append(r)
    write(out / 'banking77.train.jsonl', train)
    write(out / 'banking77.test.jsonl', test)
    write(out / 'banking77_8.train.jsonl', few)
    write(out / 'banking77_8.test.jsonl', test)
    print(json.dumps({'dir': str(out)}))


if __name__ == '__main__':
    main()
