#!/usr/bin/env bash
# Runs Luister's benchmarks against an already built tree (`make bench` builds
# it): bench/run.sh [build-dir=build-bench]
#
#   1. start-up time of `luister serve` (exec to first 200 on /healthz)
#   2. idle RSS, then GET /api/v1/conversations/{id} and
#      POST /api/v1/conversations/{id}/messages under wrk at several
#      connection counts, then loaded RSS (VmHWM)
#   3. the same GET load against bench/minimal_server.cc (the baseline)
#   4. storage benchmarks over a 1M-message SQLite fixture
#      (luister_store_bench; builds and caches the fixture on first use)
#   5. search and timeline latency through the HTTP API on a copy of that
#      fixture
# and prints a Markdown summary (also written to <build>/bench/results.md).
#
# Loopback only. Environment knobs (defaults in brackets):
#   BENCH_DURATION [10s]   wrk duration per run
#   BENCH_CONNECTIONS ["1 8 32 128"]
#   BENCH_THREADS [2]      server threads, for luister and the minimal server
#   BENCH_MAX_LOAD [0.7]   wait (up to BENCH_LOAD_WAIT [600] s) for the
#                          1-minute load average to drop below this before
#                          measuring; "" disables waiting
#   BENCH_IMPORT_BATCH [100], BENCH_IMPORT_CONNECTIONS ["1 8"]: bulk import runs
#   BENCH_SKIP_STORE [0]   1 skips steps 4 and 5
#   BENCH_PORT [18080]     luister; the minimal server uses BENCH_PORT+1
#   BENCH_PERF [0]         1 records `perf record --call-graph dwarf` of the server during the
#                          32-connection GET and POST runs and the 1-connection
#                          import run into <build>/bench/perf-{get,post,import}.data (needs linux-perf;
#                          profiling slows those two runs down)
#   LUISTER_BENCH_MESSAGES, LUISTER_BENCH_DATA, LUISTER_BENCH_ITERS: see store_bench.cc
set -euo pipefail

BUILD=${1:-build-bench}
HERE=$(cd "$(dirname "$0")" && pwd)
LUISTER=$BUILD/luister
MINIMAL=$BUILD/bench/minimal_beast_server
STORE_BENCH=$BUILD/bench/luister_store_bench
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh" # the knobs above, log, wait_quiet, start_server, run_wrk, login, seed_desk, ...
MIN_PORT=$((PORT + 1))

for f in "$LUISTER" "$MINIMAL" "$STORE_BENCH"; do
  [[ -x $f ]] || die "$f is missing; run \`make bench\` first"
done
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
command -v curl >/dev/null || die "curl is missing"

TMP=$(mktemp -d /tmp/luister-bench.XXXXXX)
RESULTS=$BUILD/bench/results.md
SERVER_PID=""
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    stop_pid "$SERVER_PID"
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# run_wrk, and with BENCH_PERF=1 a profile of the server during the
# 32-connection GET and POST runs and the 1-connection import run.
luister_wrk() { # luister_wrk LABEL SCRIPT CONNECTIONS [extra wrk args...]
  local label=$1 c=$3 kind="" perf_pid=""
  if [[ ${BENCH_PERF:-0} == 1 ]]; then
    [[ $c == 32 && $label == "GET conversation" ]] && kind=get
    [[ $c == 32 && $label == "POST message" ]] && kind=post
    [[ $c == 1 && $label == "POST import" ]] && kind=import
  fi
  if [[ -n $kind ]]; then
    perf record -F 499 --call-graph dwarf,16384 -p "$SERVER_PID" -o "$BUILD/bench/perf-$kind.data" -- sleep 5 >/dev/null 2>&1 &
    perf_pid=$!
  fi
  run_wrk "$label" "$PORT" "${@:2}"
  [[ -z $perf_pid ]] || wait "$perf_pid"
}

# ------------------------------------------------------------------ machine
MACHINE=$(machine)
log "machine: $MACHINE"
log "build: $BUILD; wrk $DURATION per run; server threads $THREADS"

# ------------------------------------------------------------------ 1. start-up
DB=$TMP/luister.db
"$LUISTER" migrate --db "sqlite:$DB" >/dev/null
add_bench_user "sqlite:$DB"
wait_quiet
LOAD_START=$(load1)
startups=""
for _ in 1 2 3 4 5 6 7; do
  start_server "sqlite:$DB"
  startups+=" $STARTUP_MS"
  stop_server
done
STARTUP_MEDIAN=$(median <<<"$startups")
log "start-up (empty database), ms:$startups; median $STARTUP_MEDIAN"

# ------------------------------------------------------------------ 2. seed + HTTP load
start_server "sqlite:$DB"
IDLE_RSS_START=$(rss_kb "$SERVER_PID" VmRSS)
login "$PORT" "$TMP/jar"
new_token "$PORT" "$TMP/jar"
HWM_LOGIN=$(rss_kb "$SERVER_PID" VmHWM) # the login hashed a password (Argon2id)

seed_desk
sleep 1
IDLE_RSS_SEEDED=$(rss_kb "$SERVER_PID" VmRSS)

declare -A GET POST IMPORT MIN
wait_quiet
LOAD_HTTP=$(load1)
for c in $CONNECTIONS; do
  GET[$c]=$(luister_wrk "GET conversation" get_conversation.lua "$c" -H "Authorization: Bearer $TOKEN")
done
GET_SESSION=$(luister_wrk "GET conversation (session cookie)" get_conversation.lua 32 \
  -H "Cookie: luister_session=$SESSION")
for c in $CONNECTIONS; do
  POST[$c]=$(luister_wrk "POST message" post_message.lua "$c" -H "Authorization: Bearer $TOKEN")
done
for c in $IMPORT_CONNECTIONS; do
  IMPORT[$c]=$(LUISTER_BENCH_BATCH=$IMPORT_BATCH luister_wrk "POST import" import_messages.lua "$c" \
    -H "Authorization: Bearer $TOKEN")
done
LOADED_RSS=$(rss_kb "$SERVER_PID" VmRSS)
LOADED_HWM=$(rss_kb "$SERVER_PID" VmHWM)
stop_server

# ------------------------------------------------------------------ 3. baseline
"$MINIMAL" 127.0.0.1 "$MIN_PORT" "$THREADS" >"$TMP/minimal.log" 2>&1 &
SERVER_PID=$!
until curl -s -o /dev/null "http://127.0.0.1:$MIN_PORT/"; do sleep 0.01; done
MIN_IDLE_RSS=$(rss_kb "$SERVER_PID" VmRSS)
wait_quiet
for c in $CONNECTIONS; do
  MIN[$c]=$(run_wrk "minimal Beast server" "$MIN_PORT" get_conversation.lua "$c")
done
MIN_HWM=$(rss_kb "$SERVER_PID" VmHWM)
stop_server

# ------------------------------------------------------------------ 4 + 5. store
STORE_OUT=$TMP/store_bench.txt
if [[ ${BENCH_SKIP_STORE:-0} != 1 ]]; then
  # Builds the cached fixture first if it is missing (about 7 minutes, once).
  wait_quiet
  LOAD_STORE=$(load1)
  "$STORE_BENCH" 2>&1 | tee "$STORE_OUT" >&2
  FIXTURE=$(sed -n 's/^store_bench: fixture "\([^"]*\)".*/\1/p' "$STORE_OUT")
  INSERT_RATE=$(sed -n 's/.*built at \([0-9.]*\) messages\/s.*/\1/p' "$STORE_OUT")
  FIXTURE_MSGS=$(sed -n 's/^store_bench: fixture "[^"]*": \([0-9]*\) messages.*/\1/p' "$STORE_OUT")
  TIMELINE_CUSTOMER=$(sed -n 's/^timeline_customer //p' "$FIXTURE.info")

  # Search and timeline through the API on a copy of the fixture.
  cp "$FIXTURE" "$TMP/fixture.db"
  "$LUISTER" migrate --db "sqlite:$TMP/fixture.db" >/dev/null
  add_bench_user "sqlite:$TMP/fixture.db"
  startups_big=""
  for _ in 1 2 3; do
    start_server "sqlite:$TMP/fixture.db"
    startups_big+=" $STARTUP_MS"
    stop_server
  done
  STARTUP_BIG=$(median <<<"$startups_big")
  log "start-up (1M-message database), ms:$startups_big; median $STARTUP_BIG"
  start_server "sqlite:$TMP/fixture.db"
  login "$PORT" "$TMP/jar2"
  SESSION2=$SESSION
  IDLE_RSS_BIG=$(rss_kb "$SERVER_PID" VmRSS)
  wait_quiet
  API_SEARCH=$(run_wrk "API search (1M messages)" "$PORT" search.lua 1 -H "Cookie: luister_session=$SESSION2")
  API_TIMELINE=$(LUISTER_BENCH_TIMELINE_CUSTOMER=$TIMELINE_CUSTOMER run_wrk \
    "API timeline (5,000 contacts)" "$PORT" timeline.lua 1 -H "Cookie: luister_session=$SESSION2")
  HWM_BIG=$(rss_kb "$SERVER_PID" VmHWM)
  stop_server
fi
LOAD_END=$(load1)

# ------------------------------------------------------------------ summary
store() { # store BENCHMARK COUNTER: from the STORE lines luister_store_bench prints last
  field "$2" "$(grep "^STORE $1 " "$STORE_OUT")"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? 100 * a / b : 0) }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "NOT met"; fi; }

{
  echo "## Luister benchmark results ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $MACHINE. Server threads: $THREADS; wrk -t2 (-t1 at c=1) -d$DURATION on the same machine."
  echo "1-minute load: $LOAD_START at start, $LOAD_HTTP before the HTTP runs, ${LOAD_STORE:-n/a} before the store runs, $LOAD_END at the end."
  echo
  echo "### HTTP: GET /api/v1/conversations/{id} (bearer token) vs minimal Beast server"
  echo
  echo "| connections | luister req/s | p50 ms | p99 ms | minimal req/s | minimal p50 ms | minimal p99 ms | ratio |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in $CONNECTIONS; do
    g=${GET[$c]} m=${MIN[$c]}
    echo "| $c | $(field ok_rps "$g") | $(field p50_ms "$g") | $(field p99_ms "$g") | $(field ok_rps "$m") | $(field p50_ms "$m") | $(field p99_ms "$m") | $(ratio "$(field ok_rps "$g")" "$(field ok_rps "$m")") |"
  done
  echo
  echo "GET with a session cookie instead of a bearer token, 32 connections: $(field ok_rps "$GET_SESSION") req/s, p50 $(field p50_ms "$GET_SESSION") ms, p99 $(field p99_ms "$GET_SESSION") ms."
  echo
  echo "### HTTP: POST /api/v1/conversations/{id}/messages (one message per request)"
  echo
  echo "| connections | messages/s | p50 ms | p99 ms | non-2xx |"
  echo "|---:|---:|---:|---:|---:|"
  for c in $CONNECTIONS; do
    p=${POST[$c]}
    echo "| $c | $(field ok_rps "$p") | $(field p50_ms "$p") | $(field p99_ms "$p") | $(field non2xx "$p") |"
  done
  echo
  echo "### HTTP: POST /api/v1/messages/import (bulk import, $IMPORT_BATCH messages per request)"
  echo
  echo "| connections | requests/s | messages/s | p50 ms | p99 ms | non-2xx |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for c in $IMPORT_CONNECTIONS; do
    p=${IMPORT[$c]}
    echo "| $c | $(field ok_rps "$p") | $(awk -v r="$(field ok_rps "$p")" -v b="$IMPORT_BATCH" 'BEGIN { printf "%.0f", r * b }') | $(field p50_ms "$p") | $(field p99_ms "$p") | $(field non2xx "$p") |"
  done
  echo
  echo "### Process"
  echo
  echo "| measure | value |"
  echo "|---|---:|"
  echo "| start-up, empty database (median of 7, exec to first /healthz 200) | $STARTUP_MEDIAN ms |"
  [[ -n ${STARTUP_BIG:-} ]] && echo "| start-up, ${FIXTURE_MSGS}-message database (median of 3) | $STARTUP_BIG ms |"
  echo "| idle RSS right after start | $(mib "$IDLE_RSS_START") MiB |"
  echo "| idle RSS after seeding ($SEED_CONVERSATIONS conversations) | $(mib "$IDLE_RSS_SEEDED") MiB |"
  echo "| RSS after the GET + POST runs | $(mib "$LOADED_RSS") MiB |"
  echo "| peak RSS (VmHWM) after one login, before any load | $(mib "$HWM_LOGIN") MiB |"
  echo "| peak RSS (VmHWM) after the GET + POST runs | $(mib "$LOADED_HWM") MiB |"
  [[ -n ${IDLE_RSS_BIG:-} ]] && echo "| idle RSS on the ${FIXTURE_MSGS}-message database / peak after search | $(mib "$IDLE_RSS_BIG") / $(mib "$HWM_BIG") MiB |"
  echo "| minimal Beast server idle / peak RSS | $(mib "$MIN_IDLE_RSS") / $(mib "$MIN_HWM") MiB |"
  if [[ ${BENCH_SKIP_STORE:-0} != 1 ]]; then
    echo
    echo "### Storage ($FIXTURE_MSGS messages; luister_store_bench)"
    echo
    echo "| benchmark | p50 ms | p95 ms | p99 ms |"
    echo "|---|---:|---:|---:|"
    grep -E '^STORE BM_(Search|Timeline)' "$STORE_OUT" | while read -r _ name _; do
      echo "| $name | $(r3 "$(store "$name" p50_ms)") | $(r3 "$(store "$name" p95_ms)") | $(r3 "$(store "$name" p99_ms)") |"
    done
    echo "| BM_GetConversation (in us) | $(r1 "$(store BM_GetConversation p50_us)") us | $(r1 "$(store BM_GetConversation p95_us)") us | $(r1 "$(store BM_GetConversation p99_us)") us |"
    echo
    echo "Matches per query: $(sed -n 's/^store_bench: query \([a-z_]*\) = \(.*\): \(.*\) matches$/\1 (\2): \3/p' "$STORE_OUT" | paste -sd ';' | sed 's/;/; /g')."
    echo
    echo "Storage insert rate (ConversationRepository::AddMessage, one transaction each, FTS + timeline included): $(r1 "$INSERT_RATE") messages/s while building the fixture (0 to $FIXTURE_MSGS messages); $(r1 "$(store BM_AddMessage/scratch_db calls_per_s)") messages/s into a fresh database (p50 $(r1 "$(store BM_AddMessage/scratch_db p50_us)") us, p99 $(r1 "$(store BM_AddMessage/scratch_db p99_us)") us)."
    echo
    echo "Through the API on the fixture, one connection: search (9 queries in turn) p50 $(field p50_ms "$API_SEARCH") ms, p95 $(field p95_ms "$API_SEARCH") ms, p99 $(field p99_ms "$API_SEARCH") ms; timeline first page p50 $(field p50_ms "$API_TIMELINE") ms, p95 $(field p95_ms "$API_TIMELINE") ms."
  fi
  echo
  ERRORS=""
  for c in $CONNECTIONS; do
    for kind in GET POST MIN; do
      declare -n runs=$kind
      l=${runs[$c]}
      [[ $(field non2xx "$l") == 0 && $(field socket_errors "$l") == 0 ]] || ERRORS+=" $kind(c=$c)"
    done
  done
  for c in $IMPORT_CONNECTIONS; do
    l=${IMPORT[$c]}
    [[ $(field non2xx "$l") == 0 && $(field socket_errors "$l") == 0 ]] || ERRORS+=" IMPORT(c=$c)"
  done
  [[ -n $ERRORS ]] && echo "**Runs with non-2xx answers or socket errors:$ERRORS** (see wrk.log)." && echo
  echo "### Targets"
  echo
  echo "| target | measured | verdict |"
  echo "|---|---|---|"
  best_get=0 best_min=0 worst_ratio=1000 best_post=0
  for c in $CONNECTIONS; do
    r=$(awk -v a="$(field ok_rps "${GET[$c]}")" -v b="$(field ok_rps "${MIN[$c]}")" 'BEGIN { printf "%.1f", 100 * a / b }')
    worst_ratio=$(awk -v a="$r" -v b="$worst_ratio" 'BEGIN { print (a < b ? a : b) }')
    best_post=$(awk -v a="$(field ok_rps "${POST[$c]}")" -v b="$best_post" 'BEGIN { print (a > b ? a : b) }')
  done
  echo "| read endpoints >= 50 % of the minimal server | lowest ratio over c=${CONNECTIONS// /,}: $worst_ratio % | $(verdict "$worst_ratio >= 50") |"
  best_import=0
  for c in $IMPORT_CONNECTIONS; do
    best_import=$(awk -v r="$(field ok_rps "${IMPORT[$c]}")" -v b="$IMPORT_BATCH" -v m="$best_import" 'BEGIN { x = r * b; printf "%.0f", (x > m ? x : m) }')
  done
  echo "| write endpoints >= 5,000 messages/s | bulk import: $best_import messages/s; one message per request: $best_post messages/s | $(verdict "$best_import >= 5000") |"
  if [[ ${BENCH_SKIP_STORE:-0} != 1 ]]; then
    worst_p95=$(grep '^STORE BM_Search' "$STORE_OUT" | grep -o 'p95_ms=[0-9.e+-]*' | cut -d= -f2 | sort -g | tail -1)
    worst_p95=$(r3 "$worst_p95")
    echo "| search p95 < 30 ms at 1M messages | worst query p95 (storage): $worst_p95 ms; API, all queries: $(field p95_ms "$API_SEARCH") ms | $(verdict "$worst_p95 < 30 && $(field p95_ms "$API_SEARCH") < 30") |"
  fi
  echo "| idle RSS < 30 MB | $(mib "$IDLE_RSS_SEEDED") MiB after seeding | $(verdict "$IDLE_RSS_SEEDED * 1024 < 30000000") |"
} | tee "$RESULTS"
log "summary written to $RESULTS; raw wrk output was in $TMP/wrk.log (removed on exit)"
cp "$TMP/wrk.log" "$BUILD/bench/wrk.log"
[[ -f $STORE_OUT ]] && cp "$STORE_OUT" "$BUILD/bench/store_bench.txt"
exit 0
