#!/usr/bin/env python3
"""Scores `luister topics eval` on our own splits of the shared public data
(bench/topics_split.py; figures in docs/benchmarks.md, "Topics:
classification"). One line per data set: the command's JSON, with the
wall-clock seconds of the whole run (training included) as "run_s".

  bench/topics_eval.py [LUISTER] [--model ensemble|svm|softmax] [--cv]

- banking77: trained on banking77.train.csv, scored on banking77.valid.csv;
  with --cv also the 5 folds of the training part (what tuning used).
- xsid_nl, xsid_en: 5-fold cross-validation over the 300 parallel
  sentences; accuracy and latency pooled over the folds (every sentence
  tested once), macro-F1 the mean of the folds', p99 latency the median of
  the folds' (60 queries each: one preemption by another process is their
  p99).
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent


def run(luister, train, test, model):
    start = time.monotonic()
    out = subprocess.run([luister, 'topics', 'eval', '--train', str(train), '--test', str(test),
                          '--model', model], check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    r['run_s'] = round(time.monotonic() - start, 2)
    return r


def pooled(results):
    n = sum(r['n_test'] for r in results)
    return {
        'accuracy': round(sum(r['accuracy'] * r['n_test'] for r in results) / n, 4),
        'macro_f1': round(sum(r['macro_f1'] for r in results) / len(results), 4),
        'latency_ms_p50': round(sum(r['latency_ms_p50'] * r['n_test'] for r in results) / n, 4),
        'latency_ms_p99': sorted(r['latency_ms_p99'] for r in results)[len(results) // 2],
        'n_test': n,
        'run_s': round(sum(r['run_s'] for r in results) / len(results), 2),
    }


def main():
    args = sys.argv[1:]
    model = 'ensemble'
    if '--model' in args:
        i = args.index('--model')
        model = args[i + 1]
        del args[i:i + 2]
    cv = '--cv' in args
    args = [a for a in args if a != '--cv']
    luister = args[0] if args else str(HERE.parent / 'build' / 'luister')
    out = pathlib.Path(tempfile.gettempdir()) / 'luister-topics'
    subprocess.run([sys.executable, str(HERE / 'topics_split.py'), str(out)], check=True,
                   capture_output=True)
    print('banking77 valid', json.dumps(
        run(luister, out / 'banking77.train.csv', out / 'banking77.valid.csv', model)))
    if cv:
        print('banking77 cv', json.dumps(pooled([
            run(luister, out / f'banking77.cv{k}.train.csv', out / f'banking77.cv{k}.valid.csv',
                model) for k in range(5)])))
    for lang in ('nl', 'en'):
        print(f'xsid_{lang} 5-fold', json.dumps(pooled([
            run(luister, out / f'xsid_{lang}.fold{k}.train.csv',
                out / f'xsid_{lang}.fold{k}.test.csv', model) for k in range(5)])))


if __name__ == '__main__':
    main()
