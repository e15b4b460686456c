#!/usr/bin/env bash
# PostgreSQL and several nodes, measured on this machine against an already
# built tree (`make bench` builds it): bench/scaling.sh [build-dir=build-bench]
#
#   1. run.sh's API load (GET /api/v1/conversations/{id},
#      POST /api/v1/conversations/{id}/messages, POST /api/v1/messages/import)
#      on SQLite and on PostgreSQL, one node each
#   2. the same load on PostgreSQL through nginx running
#      deploy/nginx/luister.conf with only its addresses replaced (as the e2e
#      test MultiNodeTest runs it): one node behind nginx, then two nodes
#   3. `luister migrate-data` of a copy of the 1M-message SQLite fixture
#      (luister_store_bench's; built and cached on first use, as run.sh does)
#      into PostgreSQL: time and rows/s
#   4. search through the API over those 1M messages (bench/search.lua's
#      query mix, one connection, as run.sh step 5) on PostgreSQL and SQLite,
#      and each query on its own
# and prints a Markdown summary (also written to <build>/bench/scaling-results.md).
#
# Every load run starts from the same desk, seeded through the API as run.sh
# seeds it (200 customers, 1,000 conversations): on SQLite a fresh file, on
# PostgreSQL a copy (CREATE DATABASE ... TEMPLATE) of one seeded database.
# PostgreSQL is a throw-away cluster of scripts/pg_test_cluster.sh, stopped
# and removed at exit, but configured as a production server would be
# (BENCH_PG_SETTINGS): fsync and full-page writes on, shared_buffers a quarter
# of this machine's memory, and synchronous_commit off, which is the same
# promise as SQLite's WAL with synchronous=NORMAL (a power cut may lose the
# last commits, never corrupts). Everything runs on this machine: PostgreSQL, nginx, wrk
# and the nodes share its cores, which the summary states; CPU seconds per
# process during each configuration's runs show where they went.
#
# Loopback only. Environment knobs (defaults in brackets):
#   BENCH_DURATION [10s]   wrk duration per run
#   BENCH_PG_SETTINGS      PostgreSQL server options (default: see above)
#   BENCH_CONNECTIONS ["1 8 32 128"]
#   BENCH_THREADS [2]      server threads per luister node
#   BENCH_MAX_LOAD [0.7]   wait (up to BENCH_LOAD_WAIT [600] s) for the
#                          1-minute load average to drop below this before
#                          each configuration; "" disables waiting
#   BENCH_IMPORT_BATCH [100], BENCH_IMPORT_CONNECTIONS ["1 8"]: bulk import runs
#   BENCH_SKIP_1M [0]      1 skips steps 3 and 4
#   BENCH_PORT [18080]     first node; the second node uses BENCH_PORT+1, nginx +2
#   BENCH_NGINX_WORKERS [1] nginx worker_processes (1, as the e2e test runs it)
#   LUISTER_BENCH_MESSAGES, LUISTER_BENCH_DB, LUISTER_BENCH_DATA: the fixture, see store_bench.cc
set -euo pipefail

BUILD=${1:-build-bench}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
LUISTER=$BUILD/luister
STORE_BENCH=$BUILD/bench/luister_store_bench
PG_CLUSTER=$ROOT/scripts/pg_test_cluster.sh
MEM_MB=$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)
PG_SERVER_SETTINGS=${BENCH_PG_SETTINGS:-"-c fsync=on -c full_page_writes=on -c synchronous_commit=off \
-c shared_buffers=$((MEM_MB / 4))MB -c effective_cache_size=$((MEM_MB / 2))MB -c work_mem=16MB"}
NGINX=/usr/sbin/nginx
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh" # the knobs above, log, wait_quiet, start_server, run_wrk, login, seed_desk, ...
NODE2_PORT=$((PORT + 1))
LB_PORT=$((PORT + 2))
SKIP_1M=${BENCH_SKIP_1M:-0}
NGINX_WORKERS=${BENCH_NGINX_WORKERS:-1}
RESULTS=$BUILD/bench/scaling-results.md

[[ -x $LUISTER ]] || die "$LUISTER is missing; run \`make bench\` first"
for tool in wrk curl psql python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (scripts/setup.sh --bench installs what the benchmarks need)"
done
[[ -x $NGINX ]] || die "nginx is missing (scripts/setup.sh installs it)"
mkdir -p "$BUILD/bench"

TMP=$(mktemp -d /tmp/luister-scaling.XXXXXX)
PGDIR=$(mktemp -d /tmp/luister-scaling-pg.XXXXXX) # pg_test_cluster.sh gives it to the postgres user when run as root
NGINX_DIR=""
NGINX_PID=""
NODE_PIDS=()
# shellcheck disable=SC2317 # (run by the trap)
cleanup() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do stop_pid "$pid"; done
  if [[ -n $NGINX_PID ]]; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  "$PG_CLUSTER" stop "$PGDIR" >/dev/null 2>&1 || log "could not stop the PostgreSQL cluster in $PGDIR"
  rm -rf "$TMP" "$PGDIR" ${NGINX_DIR:+"$NGINX_DIR"}
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# ------------------------------------------------------------------ helpers
start_node() { # start_node DB-URL PORT: one more luister node
  start_server "$1" "$2"
  NODE_PIDS+=("$SERVER_PID")
}
stop_nodes() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do stop_pid "$pid"; done
  NODE_PIDS=()
}

pg() { PGOPTIONS='-c client_min_messages=warning' psql "$PG_BASE/postgres" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
pg_url() { echo "$PG_BASE/$1"; }

# fresh_pg NAME: database NAME as a new copy of the seeded desk (database "luister")
fresh_pg() {
  pg "DROP DATABASE IF EXISTS $1" >/dev/null
  local tries=0
  # The template must have no sessions: a stopped node's may take a moment to end.
  until pg "CREATE DATABASE $1 TEMPLATE luister" >/dev/null 2>"$TMP/createdb.err"; do
    tries=$((tries + 1))
    ((tries < 50)) || { cat "$TMP/createdb.err" >&2; die "could not copy the seeded database"; }
    sleep 0.2
  done
}

# start_nginx NODE-A-PORT NODE-B-PORT: nginx on LB_PORT running
# deploy/nginx/luister.conf with only its addresses replaced, under a
# throw-away prefix that the unprivileged worker may write to (as
# tests/e2e/live_e2e_test.cc's Nginx does)
start_nginx() {
  NGINX_DIR=$(mktemp -d /tmp/luister-nginx.XXXXXX)
  chmod 777 "$NGINX_DIR"
  local conf pair what with
  conf=$(cat "$ROOT/deploy/nginx/luister.conf")
  for pair in "server 127.0.0.1:8081|server 127.0.0.1:$1" "server 127.0.0.1:8082|server 127.0.0.1:$2" \
    "listen 8080;|listen 127.0.0.1:$LB_PORT;"; do
    what=${pair%%|*} with=${pair#*|}
    [[ $conf == *"$what"* ]] || die "the nginx example lacks \"$what\""
    conf=${conf/"$what"/"$with"}
  done
  printf '%s\n' "$conf" >"$NGINX_DIR/luister.conf"
  cat >"$NGINX_DIR/nginx.conf" <<EOF
daemon off;
worker_processes $NGINX_WORKERS;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/body;
  proxy_temp_path $NGINX_DIR/proxy;
  fastcgi_temp_path $NGINX_DIR/fcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi;
  scgi_temp_path $NGINX_DIR/scgi;
  include $NGINX_DIR/luister.conf;
}
EOF
  "$NGINX" -p "$NGINX_DIR" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" &
  NGINX_PID=$!
  local tries=0
  until healthy "$LB_PORT"; do
    tries=$((tries + 1))
    if ! kill -0 "$NGINX_PID" 2>/dev/null || ((tries > 100)); then
      cat "$NGINX_DIR/error.log" >&2
      die "nginx did not come up"
    fi
    sleep 0.05
  done
}

stop_nginx() {
  kill -QUIT "$NGINX_PID" 2>/dev/null || true
  wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
  rm -rf "$NGINX_DIR"
  NGINX_DIR=""
}

# CPU time in clock ticks: of processes with their reaped children
# (ticks PID...), and of the whole machine, busy (machine_ticks).
ticks() {
  local p sum=0 t
  for p in "$@"; do
    t=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }') || t=0
    sum=$((sum + ${t:-0}))
  done
  echo "$sum"
}
tree_ticks() { # tree_ticks PID: ticks of a process and its children
  local -a kids
  mapfile -t kids < <(ps -o pid= --ppid "$1" | tr -d ' ')
  ticks "$1" "${kids[@]}"
}
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
postmaster() { head -1 "$PGDIR/data/postmaster.pid"; }

# CPU seconds of this script's reaped children (wrk, curl, migrate-data) so
# far: bash's `times`, run in this shell (a $(…) subshell has none of them),
# says "1m2.345s 0m0.123s" (user, system) on its second line.
children_cpu() {
  times >"$TMP/times"
  awk 'function s(x) { split(x, p, "m"); return p[1] * 60 + p[2] } NR == 2 { print s($1) + s($2) }' "$TMP/times"
}

# cpu_mark, cpu_since NAME: CPU seconds of the luister nodes (each),
# PostgreSQL, nginx, this script's children (wrk; migrate-data) and the whole
# machine between the two calls -> CPU[NAME], one line
# "wall=… busy=… luister=a+b postgres=… nginx=… children=…"
cpu_mark() {
  local pid
  children_cpu >"$TMP/children0"
  CPU0_WALL=$(ms_now) CPU0_BUSY=$(machine_ticks) CPU0_NODES=()
  for pid in "${NODE_PIDS[@]}"; do CPU0_NODES+=("$(ticks "$pid")"); done
  CPU0_PG=$(tree_ticks "$(postmaster)")
  CPU0_NGINX=0
  [[ -z $NGINX_PID ]] || CPU0_NGINX=$(tree_ticks "$NGINX_PID")
}
cpu_since() {
  local name=$1 hz nodes="" i=0 pid nginx=0
  hz=$(getconf CLK_TCK)
  for pid in "${NODE_PIDS[@]}"; do
    nodes+="${nodes:++}$(awk -v a="${CPU0_NODES[$i]}" -v b="$(ticks "$pid")" -v hz="$hz" 'BEGIN { printf "%.1f", (b - a) / hz }')"
    i=$((i + 1))
  done
  [[ -z $NGINX_PID ]] || nginx=$(($(tree_ticks "$NGINX_PID") - CPU0_NGINX))
  children_cpu >"$TMP/children1"
  CPU[$name]=$(awk -v hz="$hz" -v wall="$(($(ms_now) - CPU0_WALL))" -v busy="$(($(machine_ticks) - CPU0_BUSY))" \
    -v pg="$(($(tree_ticks "$(postmaster)") - CPU0_PG))" -v ngx="$nginx" -v nodes="$nodes" \
    -v kids="$(cat "$TMP/children1")" -v kids0="$(cat "$TMP/children0")" \
    'BEGIN { printf "wall=%.1f busy=%.1f luister=%s postgres=%.1f nginx=%.1f children=%.1f\n", wall / 1000, busy / hz, nodes, pg / hz, ngx / hz, kids - kids0 }')
}

declare -A R CPU LOAD
# run_loads NAME PORT: run.sh's HTTP loads through PORT with the bearer TOKEN
# -> R[NAME/get|post|import/CONNECTIONS] (RESULT lines), CPU[NAME], LOAD[NAME]
run_loads() {
  local name=$1 port=$2 c
  wait_quiet
  LOAD[$name]=$(load1)
  cpu_mark
  for c in $CONNECTIONS; do
    R[$name/get/$c]=$(run_wrk "$name: GET conversation" "$port" get_conversation.lua "$c" -H "Authorization: Bearer $TOKEN")
  done
  for c in $CONNECTIONS; do
    R[$name/post/$c]=$(run_wrk "$name: POST message" "$port" post_message.lua "$c" -H "Authorization: Bearer $TOKEN")
  done
  for c in $IMPORT_CONNECTIONS; do
    R[$name/import/$c]=$(LUISTER_BENCH_BATCH=$IMPORT_BATCH run_wrk "$name: POST import" "$port" import_messages.lua "$c" \
      -H "Authorization: Bearer $TOKEN")
  done
  cpu_since "$name"
  log "$name: CPU seconds during the runs: ${CPU[$name]}"
}

# repair_subjects DB: fixtures built before store_bench.cc cut subjects
# between characters hold a few that end inside one (invalid UTF-8), which
# PostgreSQL refuses and so migrate-data stops at; drops the broken tail.
# Prints how many. The subject's FTS trigger needs luister's tokenizer, so it
# is set aside for the update (those rows keep their old index terms).
repair_subjects() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.text_factory = bytes
bad = []
for rid, subject in db.execute("SELECT id, subject FROM conversations WHERE subject IS NOT NULL"):
    try:
        subject.decode("utf-8")
    except UnicodeDecodeError:
        bad.append((subject.decode("utf-8", "ignore"), rid))
if bad:
    (trigger,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'conversations_fts_update'").fetchone()
    db.execute("BEGIN")
    db.execute("DROP TRIGGER conversations_fts_update")
    db.executemany("UPDATE conversations SET subject = ? WHERE id = ?", bad)
    db.execute(trigger.decode())
    db.execute("COMMIT")
print(len(bad))
EOF
}

# The queries of search.lua, URL-encoded as there.
mapfile -t QUERIES < <(sed -n '/^local queries = {/,/^}/p' "$HERE/search.lua" | grep -o '"[^"]*"' | tr -d '"')
declare -A QMS QHITS
# query_each NAME: each search query alone, 1 warm-up + 5 timed calls with the
# session cookie -> QMS[NAME/query] (median ms), QHITS[NAME/query] (items on the first page)
query_each() {
  local q times t i
  for q in "${QUERIES[@]}"; do
    times=""
    for i in 0 1 2 3 4 5; do
      t=$(curl -sf -o "$TMP/search.json" -w '%{time_total}' -H "Cookie: luister_session=$SESSION" \
        "http://127.0.0.1:$PORT/api/v1/search?q=$q") || die "search for $q failed on $1"
      ((i == 0)) || times+=" $(awk -v t="$t" 'BEGIN { printf "%.2f", t * 1000 }')"
    done
    QMS[$1/$q]=$(median <<<"$times")
    QHITS[$1/$q]=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$TMP/search.json")
  done
}

declare -A SEARCH
# search_1m NAME DB-URL LABEL: search.lua's mix on one connection, then each
# query alone, through a node on DB-URL -> SEARCH[NAME], QMS, QHITS, LOAD[search_NAME]
search_1m() {
  start_node "$2" "$PORT"
  login "$PORT" "$TMP/jar"
  wait_quiet
  LOAD[search_$1]=$(load1)
  SEARCH[$1]=$(run_wrk "$3: API search (1M messages)" "$PORT" search.lua 1 --timeout 10s \
    -H "Cookie: luister_session=$SESSION")
  query_each "$1"
  stop_nodes
}

# ------------------------------------------------------------------ machine
MACHINE=$(machine)
CORES=$(nproc)
log "machine: $MACHINE"
log "$CORES cores: PostgreSQL, nginx, wrk and every luister node share them"
log "build: $BUILD; wrk $DURATION per run; server threads $THREADS per node"

PG_URL=$(LUISTER_PG_SETTINGS=$PG_SERVER_SETTINGS "$PG_CLUSTER" start "$PGDIR")
PG_BASE=${PG_URL%/*}
PG_VERSION=$(pg "SHOW server_version" | cut -d' ' -f1)
PG_SETTINGS=$(pg "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections')")
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's/.*nginx\///')
log "PostgreSQL $PG_VERSION at $PG_BASE ($PG_SETTINGS); nginx $NGINX_VERSION"
LOAD_START=$(load1)

# ------------------------------------------------------------------ 1. SQLite, one node
"$LUISTER" migrate --db "sqlite:$TMP/sqlite.db" >/dev/null
add_bench_user "sqlite:$TMP/sqlite.db"
start_node "sqlite:$TMP/sqlite.db" "$PORT"
login "$PORT" "$TMP/jar"
new_token "$PORT" "$TMP/jar"
seed_desk
run_loads sqlite "$PORT"
stop_nodes

# ------------------------------------------------------------------ 1 + 2. PostgreSQL
# The seeded desk: database "luister", the template of every run's database.
"$LUISTER" migrate --db "$PG_URL" >/dev/null
add_bench_user "$PG_URL"
start_node "$PG_URL" "$PORT"
login "$PORT" "$TMP/jar"
new_token "$PORT" "$TMP/jar"
seed_desk
stop_nodes

fresh_pg bench_pg1
start_node "$(pg_url bench_pg1)" "$PORT"
run_loads pg1 "$PORT"
stop_nodes
pg "DROP DATABASE bench_pg1" >/dev/null

fresh_pg bench_pg1n # nginx in front of one node: both upstream entries name it
start_node "$(pg_url bench_pg1n)" "$PORT"
start_nginx "$PORT" "$PORT"
run_loads pg1n "$LB_PORT"
stop_nginx
stop_nodes
pg "DROP DATABASE bench_pg1n" >/dev/null

fresh_pg bench_pg2n
start_node "$(pg_url bench_pg2n)" "$PORT"
start_node "$(pg_url bench_pg2n)" "$NODE2_PORT"
start_nginx "$PORT" "$NODE2_PORT"
run_loads pg2n "$LB_PORT"
stop_nginx
stop_nodes
pg "DROP DATABASE bench_pg2n" >/dev/null

# ------------------------------------------------------------------ 3. migrate-data
if [[ $SKIP_1M != 1 ]]; then
  FIXTURE=$(fixture_path)
  target=${LUISTER_BENCH_MESSAGES:-1000000}
  if [[ ! -f $FIXTURE ]] || ! awk -v t="$target" '$1 == "messages" && $2 >= t { ok = 1 } END { exit !ok }' "$FIXTURE.info" 2>/dev/null; then
    [[ -x $STORE_BENCH ]] || die "$STORE_BENCH is missing; run \`make bench\` first"
    log "building the $target-message fixture with luister_store_bench (about 7 minutes, once)"
    # As run.sh: the store benchmark builds and caches the fixture first; no benchmark runs here.
    "$STORE_BENCH" --benchmark_filter='^$' 2>&1 | tee "$TMP/store_bench.txt" >&2
    FIXTURE=$(sed -n 's/^store_bench: fixture "\([^"]*\)".*/\1/p' "$TMP/store_bench.txt")
    [[ -f $FIXTURE ]] || die "luister_store_bench did not leave a fixture"
  fi
  log "fixture $FIXTURE"
  cp "$FIXTURE" "$TMP/fixture.db"
  repaired=$(repair_subjects "$TMP/fixture.db")
  ((repaired == 0)) || log "repaired $repaired conversation subjects cut inside a character (fixture built before store_bench.cc's fix)"
  "$LUISTER" migrate --db "sqlite:$TMP/fixture.db" >/dev/null
  add_bench_user "sqlite:$TMP/fixture.db"
  SQLITE_BYTES=$(stat -c %s "$TMP/fixture.db")

  pg "CREATE DATABASE luister_1m" >/dev/null
  wait_quiet
  LOAD[migrate]=$(load1)
  cpu_mark
  log "migrate-data of $(mib $((SQLITE_BYTES / 1024))) MiB into PostgreSQL (1M messages: several minutes)"
  t0=$(ms_now)
  "$LUISTER" migrate-data --from "sqlite:$TMP/fixture.db" --to "$(pg_url luister_1m)" >"$TMP/migrate-data.log" 2>&1 ||
    { tail -c 2000 "$TMP/migrate-data.log" >&2; die "migrate-data failed"; }
  MIGRATE_S=$(awk -v ms="$(($(ms_now) - t0))" 'BEGIN { printf "%.1f", ms / 1000 }')
  cpu_since migrate
  grep -E '^(  verified|migrate-data)' "$TMP/migrate-data.log" >&2 || true # not the progress lines
  MIGRATE_LINE=$(grep '^migrate-data: copied' "$TMP/migrate-data.log")
  MIGRATE_ROWS=$(sed -n 's/^migrate-data: copied and verified \([0-9]*\) rows in \([0-9]*\) tables.*/\1/p' <<<"$MIGRATE_LINE")
  MIGRATE_TABLES=$(sed -n 's/^migrate-data: copied and verified \([0-9]*\) rows in \([0-9]*\) tables.*/\2/p' <<<"$MIGRATE_LINE")
  MIGRATE_MESSAGES=$(sed -n 's/^  verified messages: \([0-9]*\) rows.*/\1/p' "$TMP/migrate-data.log")
  PG_BYTES=$(pg "SELECT pg_database_size('luister_1m')")
  PG_MESSAGES_BYTES=$(psql "$(pg_url luister_1m)" -qAtX -c "SELECT pg_total_relation_size('messages')")
  log "migrate-data: $MIGRATE_ROWS rows in $MIGRATE_S s; CPU seconds: ${CPU[migrate]} (children: migrate-data)"

  # ---------------------------------------------------------------- 4. search, 1M messages
  search_1m sqlite "sqlite:$TMP/fixture.db" SQLite
  search_1m pg "$(pg_url luister_1m)" PostgreSQL
fi
LOAD_END=$(load1)
# Every node logged to server.log: what it said besides its access lines.
grep -E '^\[[^]]*\] \[(warning|error|critical)\] ' "$TMP/server.log" >"$TMP/problems.log" || true
SERVER_PROBLEMS=$(wc -l <"$TMP/problems.log")
head -50 "$TMP/problems.log" >"$BUILD/bench/scaling-server-problems.log"

# ------------------------------------------------------------------ summary
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
cpu() { field "$2" " ${CPU[$1]}"; } # cpu CONFIG KEY
# cols CONFIG KIND C: "req/s | p50 | p99" of one run
cols() {
  local l=${R[$1/$2/$3]}
  echo "$(field ok_rps "$l") | $(field p50_ms "$l") | $(field p99_ms "$l")"
}
rps() { field ok_rps "${R[$1/$2/$3]}"; }
# loads: "KIND C LABEL" per run, in run order
loads() {
  local c
  for c in $CONNECTIONS; do echo "get $c GET conversation"; done
  for c in $CONNECTIONS; do echo "post $c POST message"; done
  for c in $IMPORT_CONNECTIONS; do echo "import $c POST import ($IMPORT_BATCH messages)"; done
}
PG_NOTE="each PostgreSQL node pools at most 8 database connections"

{
  echo "## Luister scaling results: PostgreSQL and several nodes ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $MACHINE. **$CORES cores, shared by everything below**: PostgreSQL, nginx, wrk (-t2, -t1 at c=1, -d$DURATION) and every luister node ($THREADS server threads each; $PG_NOTE) run on them."
  echo "PostgreSQL $PG_VERSION, a throw-away cluster of scripts/pg_test_cluster.sh on the same machine ($PG_SETTINGS). nginx $NGINX_VERSION running deploy/nginx/luister.conf with only the addresses replaced, worker_processes $NGINX_WORKERS."
  echo "Every configuration starts from the same desk seeded through the API ($SEED_CUSTOMERS customers, $SEED_CONVERSATIONS conversations); runs in the order of the tables (GET, then POST, then import, so the POST and import runs write into conversations that grew during the runs before)."
  echo "1-minute load: $LOAD_START at start; before the runs: SQLite ${LOAD[sqlite]}, PostgreSQL ${LOAD[pg1]}, nginx + 1 node ${LOAD[pg1n]}, nginx + 2 nodes ${LOAD[pg2n]}${LOAD[migrate]:+, migrate-data ${LOAD[migrate]}}${LOAD[search_sqlite]:+, search ${LOAD[search_sqlite]} / ${LOAD[search_pg]}}; $LOAD_END at the end."
  echo
  echo "### 1. SQLite vs PostgreSQL, one node"
  echo
  echo "Requests/s of 2xx answers (an import request stores $IMPORT_BATCH messages); latency in ms."
  echo
  echo "| load | connections | SQLite req/s | p50 | p99 | PostgreSQL req/s | p50 | p99 | PostgreSQL / SQLite |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  while read -r kind c label; do
    echo "| $label | $c | $(cols sqlite "$kind" "$c") | $(cols pg1 "$kind" "$c") | $(ratio "$(rps pg1 "$kind" "$c")" "$(rps sqlite "$kind" "$c")") |"
  done < <(loads)
  echo
  echo "### 2. PostgreSQL: one node vs two nodes behind nginx"
  echo
  echo "| load | connections | 1 node req/s | p50 | p99 | nginx + 1 node req/s | p50 | p99 | nginx + 2 nodes req/s | p50 | p99 | 2 nodes / 1 node | 2 nodes / nginx + 1 node |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  while read -r kind c label; do
    echo "| $label | $c | $(cols pg1 "$kind" "$c") | $(cols pg1n "$kind" "$c") | $(cols pg2n "$kind" "$c") | $(ratio "$(rps pg2n "$kind" "$c")" "$(rps pg1 "$kind" "$c")") | $(ratio "$(rps pg2n "$kind" "$c")" "$(rps pg1n "$kind" "$c")") |"
  done < <(loads)
  echo
  echo "\"nginx + 1 node\" is the same example config with both upstream entries naming one node: it separates the proxy's cost from the second node's gain."
  echo
  echo "### Where the CPU went during the runs ($CORES cores)"
  echo
  echo "| configuration | wall s | busy CPU s (of $CORES × wall) | luister (per node) | PostgreSQL | nginx | wrk | rest of the machine |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for name in sqlite pg1 pg1n pg2n ${CPU[migrate]:+migrate}; do
    case $name in
      sqlite) label="SQLite, 1 node" ;; pg1) label="PostgreSQL, 1 node" ;;
      pg1n) label="PostgreSQL, nginx + 1 node" ;; pg2n) label="PostgreSQL, nginx + 2 nodes" ;;
      migrate) label="migrate-data (luister: the migrate-data process)" ;;
    esac
    nodes=$(cpu "$name" luister) own=$(cpu "$name" children)
    rest=$(awk -v b="$(cpu "$name" busy)" -v n="${nodes//+/ }" -v p="$(cpu "$name" postgres)" -v x="$(cpu "$name" nginx)" \
      -v k="$own" 'BEGIN { split(n, a, " "); s = 0; for (i in a) s += a[i]; r = b - s - p - x - k; printf "%.1f", (r > 0 ? r : 0) }')
    if [[ $name == migrate ]]; then # the child is migrate-data itself
      echo "| $label | $(cpu "$name" wall) | $(cpu "$name" busy) | $own | $(cpu "$name" postgres) | | | $rest |"
    else
      echo "| $label | $(cpu "$name" wall) | $(cpu "$name" busy) | $nodes | $(cpu "$name" postgres) | $(cpu "$name" nginx) | $own | $rest |"
    fi
  done
  if [[ $SKIP_1M != 1 ]]; then
    echo
    echo "### 3. migrate-data, SQLite → PostgreSQL ($MIGRATE_MESSAGES messages)"
    echo
    echo "| rows (tables) | wall time | rows/s | messages/s | SQLite file | PostgreSQL database (messages table with indexes) |"
    echo "|---:|---:|---:|---:|---:|---:|"
    echo "| $MIGRATE_ROWS ($MIGRATE_TABLES) | $MIGRATE_S s | $(awk -v r="$MIGRATE_ROWS" -v s="$MIGRATE_S" 'BEGIN { printf "%.0f", r / s }') | $(awk -v r="$MIGRATE_MESSAGES" -v s="$MIGRATE_S" 'BEGIN { printf "%.0f", r / s }') | $(mib $((SQLITE_BYTES / 1024))) MiB | $(mib $((PG_BYTES / 1024))) MiB ($(mib $((PG_MESSAGES_BYTES / 1024))) MiB) |"
    echo
    echo "\`luister migrate-data --from sqlite:<copy of $(basename "$FIXTURE")> --to postgres://…\` into an empty database: copy, then row counts and checksums of every table compared (\`$MIGRATE_LINE\`)."
    echo
    echo "### 4. Search through the API, $MIGRATE_MESSAGES messages"
    echo
    echo "search.lua's nine queries in turn, one connection, session cookie, -d$DURATION:"
    echo
    echo "| engine | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx + socket errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for e in SQLite PostgreSQL; do
      [[ $e == SQLite ]] && l=${SEARCH[sqlite]} || l=${SEARCH[pg]}
      echo "| $e | $(field ok_rps "$l") | $(field p50_ms "$l") | $(field p95_ms "$l") | $(field p99_ms "$l") | $(field max_ms "$l") | $(($(field non2xx "$l") + $(field socket_errors "$l"))) |"
    done
    search_ratio() { ratio "$(field "$1" "${SEARCH[pg]}")" "$(field "$1" "${SEARCH[sqlite]}")"; }
    echo "| PostgreSQL / SQLite | $(search_ratio ok_rps) | $(search_ratio p50_ms) | $(search_ratio p95_ms) | $(search_ratio p99_ms) | | |"
    echo
    echo "Each query alone (median of 5 after one warm-up, curl's total time; hits on the first page of 20):"
    echo
    echo "| query | SQLite ms | hits | PostgreSQL ms | hits | PostgreSQL / SQLite |"
    echo "|---|---:|---:|---:|---:|---:|"
    for q in "${QUERIES[@]}"; do
      echo "| \`$(printf '%b' "${q//%/\\x}")\` | ${QMS[sqlite/$q]} | ${QHITS[sqlite/$q]} | ${QMS[pg/$q]} | ${QHITS[pg/$q]} | $(ratio "${QMS[pg/$q]}" "${QMS[sqlite/$q]}") |"
    done
  fi
  echo
  ERRORS=""
  for key in "${!R[@]}"; do
    clean "${R[$key]}" || ERRORS+=" $key"
  done
  [[ -n $ERRORS ]] && echo "**Runs with non-2xx answers or socket errors:$ERRORS** (see scaling-wrk.log)." && echo
  echo "Warnings and errors in the nodes' logs: $SERVER_PROBLEMS (the first 50 in <build>/bench/scaling-server-problems.log)."
  echo "Raw wrk output: <build>/bench/scaling-wrk.log."
} | tee "$RESULTS"
log "summary written to $RESULTS"
cp "$TMP/wrk.log" "$BUILD/bench/scaling-wrk.log"
exit 0
