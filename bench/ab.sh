#!/usr/bin/env bash
# A/B of two luister binaries on one machine, interleaved, so that a change
# is measured against the code before it under the same conditions (a shared
# machine's speed drifts by more than most changes):
#
#   bench/ab.sh OLD-BINARY NEW-BINARY [rounds=2]
#
# Each round runs, for A then B, a fresh SQLite database seeded through the
# API as bench/run.sh seeds it (200 customers, 1,000 conversations), then
# wrk on GET /api/v1/conversations/{id} at 8 and 32 connections and POST
# .../messages at 8 connections (BENCH_DURATION each). Prints the RESULT
# lines and, per measure, the median of the rounds for A and B and B / A.
# Knobs as in bench/lib.sh (BENCH_DURATION, BENCH_THREADS, BENCH_PORT, ...).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
[[ $# -ge 2 ]] || { echo "usage: $0 OLD-BINARY NEW-BINARY [rounds]" >&2; exit 2; }
A=$(realpath "$1")
B=$(realpath "$2")
ROUNDS=${3:-2}
TMP=$(mktemp -d /tmp/luister-ab.XXXXXX)
LUISTER=$A
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
SERVER_PID=""
cleanup() {
  [[ -z $SERVER_PID ]] || stop_server
  rm -rf "$TMP"
}
trap cleanup EXIT
command -v wrk >/dev/null || die "wrk is missing (scripts/setup.sh --bench)"

declare -A RESULTS # "<side> <measure>" -> " rps rps ..."
one_side() { # one_side SIDE BINARY
  local side=$1 db
  LUISTER=$2
  db=$TMP/$side-$RANDOM.db
  "$LUISTER" migrate --db "sqlite:$db" >/dev/null
  add_bench_user "sqlite:$db"
  start_server "sqlite:$db"
  login "$PORT" "$TMP/jar"
  new_token "$PORT" "$TMP/jar"
  seed_desk
  wait_quiet
  local line
  for c in 8 32; do
    line=$(run_wrk "$side GET" "$PORT" get_conversation.lua "$c" -H "Authorization: Bearer $TOKEN")
    RESULTS["$side get$c"]+=" $(field rps "$line")"
  done
  line=$(run_wrk "$side POST" "$PORT" post_message.lua 8 -H "Authorization: Bearer $TOKEN")
  RESULTS["$side post8"]+=" $(field rps "$line")"
  stop_server
  rm -f "$db" "$db-wal" "$db-shm"
}

log "machine: $(machine)"
log "A = $A"
log "B = $B"
for r in $(seq 1 "$ROUNDS"); do
  log "round $r"
  one_side A "$A"
  one_side B "$B"
done

echo "| measure | A (median req/s) | B (median req/s) | B / A |"
echo "|---|---:|---:|---:|"
for m in get8 get32 post8; do
  a=$(median <<<"${RESULTS["A $m"]}")
  b=$(median <<<"${RESULTS["B $m"]}")
  echo "| $m | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.0f %%", 100 * b / a }') |"
done
