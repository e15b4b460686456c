#!/bin/sh
# Scores the answer matcher against the BM25 baseline on the shared public
# data (bench/answers/prepare.py makes our own train/test split), and on
# the project's own Dutch/English questions (tests/data/answers).
#   bench/answers/eval.sh [LUISTER]
set -e
here=$(cd "$(dirname "$0")" && pwd)
luister=${1:-$here/../../build/luister}
out=${TMPDIR:-/tmp}/luister-answers-data
python3 "$here/prepare.py" "$out" >/dev/null
for set in bitext tweets tweets_seen banking77 banking77_8; do
  train=$out/${set%_seen}.train.jsonl
  for method in hybrid bm25; do
    echo "$set $method $("$luister" answers eval --train "$train" --test "$out/$set.test.jsonl" --method "$method")"
  done
done
for method in hybrid bm25; do
  echo "own $method $("$luister" answers eval --train "$here/../../tests/data/answers/train.jsonl" \
    --test "$here/../../tests/data/answers/test.jsonl" --method "$method")"
done
