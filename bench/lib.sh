# shellcheck shell=bash disable=SC2034 # (the variables are the callers')
# Shell helpers shared by bench/run.sh and bench/scaling.sh; sourced, never
# run. The caller sets LUISTER (the binary), HERE (this folder) and TMP (a
# scratch folder it removes); this file reads the knobs both scripts share:
#   BENCH_DURATION [10s], BENCH_CONNECTIONS ["1 8 32 128"], BENCH_THREADS [2],
#   BENCH_MAX_LOAD [0.7] and BENCH_LOAD_WAIT [600], BENCH_IMPORT_BATCH [100],
#   BENCH_IMPORT_CONNECTIONS ["1 8"], BENCH_PORT [18080]
# (each script's header says what they mean there).

DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 8 32 128"}
THREADS=${BENCH_THREADS:-2}
MAX_LOAD=${BENCH_MAX_LOAD-0.7}
LOAD_WAIT=${BENCH_LOAD_WAIT:-600}
PORT=${BENCH_PORT:-18080}
IMPORT_BATCH=${BENCH_IMPORT_BATCH:-100}
IMPORT_CONNECTIONS=${BENCH_IMPORT_CONNECTIONS:-"1 8"}
SEED_CUSTOMERS=200
SEED_CONVERSATIONS=1000 # 5 per customer
BENCH_EMAIL=bench@luister.local
PASSWORD='wrk tulip harbour 1984'
export LUISTER_BENCH_CONVERSATIONS=$SEED_CONVERSATIONS
ME=$(basename "$0")

log() { echo "== $*" >&2; }
die() { echo "$ME: $*" >&2; exit 1; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# The machine in one line, for the summaries.
machine() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  echo "$(nproc) x $cpu, $(uname -sr), $(${CXX:-c++} --version 2>/dev/null | head -1)"
}

# Waits until the 1-minute load average is below MAX_LOAD (others share this
# machine); records the load seen when measuring starts.
wait_quiet() {
  [[ -z $MAX_LOAD ]] && return 0
  local waited=0
  while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN { exit !(l >= m) }'; do
    if ((waited >= LOAD_WAIT)); then
      log "load $(load1) still >= $MAX_LOAD after ${LOAD_WAIT}s; measuring anyway"
      return 0
    fi
    ((waited == 0)) && log "waiting for the 1-minute load ($(load1)) to drop below $MAX_LOAD"
    sleep 10
    waited=$((waited + 10))
  done
}

ms_now() { echo $(($(date +%s%N) / 1000000)); }
us_now() { echo $(($(date +%s%N) / 1000)); }

healthy() { [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/healthz" 2>/dev/null) == 200 ]]; }

# start_server DB-URL [PORT] -> sets SERVER_PID, STARTUP_MS (exec to first 200 on /healthz)
start_server() {
  local db=$1 port=${2:-$PORT} t0
  t0=$(us_now)
  "$LUISTER" serve --db "$db" --listen "127.0.0.1:$port" --threads "$THREADS" \
    >>"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  local tries=0
  until healthy "$port"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail "$TMP/server.log" >&2; die "luister serve exited; see above"; }
    tries=$((tries + 1))
    ((tries > 5000)) && die "server did not come up"
  done
  STARTUP_MS=$(awk -v a="$t0" -v b="$(us_now)" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

stop_server() {
  stop_pid "$SERVER_PID"
  SERVER_PID=""
}

rss_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
r1() { awk -v v="$1" 'BEGIN { printf "%.1f", v }'; }
r3() { awk -v v="$1" 'BEGIN { printf "%.3f", v }'; }

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# field NAME LINE: the value of NAME=... in a RESULT line
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# clean LINE: the run had only 2xx answers and no socket errors
clean() { [[ $(field non2xx "$1") == 0 && $(field socket_errors "$1") == 0 ]]; }

# run_wrk LABEL PORT SCRIPT CONNECTIONS [extra wrk args...] -> prints the RESULT line
# (wrk -t2, -t1 at one connection; the raw output goes to $TMP/wrk.log)
run_wrk() {
  local label=$1 port=$2 script=$3 c=$4
  shift 4
  local t=2
  ((c < 2)) && t=1
  local out line
  out=$(wrk -t"$t" -c"$c" -d"$DURATION" --latency -s "$HERE/$script" "$@" "http://127.0.0.1:$port" 2>&1)
  echo "$out" >>"$TMP/wrk.log"
  line=$(grep '^RESULT' <<<"$out" || true)
  [[ -n $line ]] || { echo "$out" >&2; die "wrk failed for $label (output above)"; }
  clean "$line" || log "WARNING: $label c=$c had non-2xx answers or socket errors; tables count only 2xx"
  log "$label c=$c: $line"
  echo "$line"
}

# add_bench_user DB-URL: the admin account the benchmarks log in with
add_bench_user() {
  "$LUISTER" user add --db "$1" --email "$BENCH_EMAIL" --name Bench --role admin \
    --password "$PASSWORD" >/dev/null
}

# login PORT JAR: logs the bench user in, cookies in JAR -> sets CSRF, SESSION
login() {
  curl -sf -c "$2" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$1/api/v1/session" >"$2.json"
  CSRF=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$2.json")
  SESSION=$(awk '$6 == "luister_session" { print $7 }' "$2")
}

# new_token PORT JAR: an API token made with the session of `login PORT JAR` -> sets TOKEN
new_token() {
  TOKEN=$(curl -sf -b "$2" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "http://127.0.0.1:$1/api/v1/api-tokens" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [[ $TOKEN == lst_* ]] || die "could not create an API token"
}

api() { # api METHOD PATH [JSON], to the server on PORT with the bearer TOKEN
  curl -sf -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "http://127.0.0.1:$PORT$2"
}

# Seeding through the API: one curl process, one keep-alive connection.
seed() { # seed PATH FILE-OF-JSON-LINES
  local path=$1 cfg=$TMP/seed.cfg
  : >"$cfg"
  while IFS= read -r body; do
    printf 'url = "http://127.0.0.1:%s%s"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = %s\noutput = "/dev/null"\nfail\nnext\n' \
      "$PORT" "$path" "$TOKEN" "$(printf '%s' "$body" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/')" >>"$cfg"
  done <"$2"
  sed -i '$d' "$cfg" # no `next` after the last request
  curl -s -K "$cfg"
}

# seed_desk: the HTTP runs' data, through the API of the server on PORT
# (bearer TOKEN): 2 departments, SEED_CUSTOMERS customers, SEED_CONVERSATIONS
# conversations.
seed_desk() {
  local t0 i
  api POST /api/v1/departments '{"name":"Klantenservice"}' >/dev/null
  api POST /api/v1/departments '{"name":"Billing"}' >/dev/null
  t0=$(ms_now)
  for i in $(seq 1 $SEED_CUSTOMERS); do
    echo "{\"name\":\"Bench Customer $i\",\"language\":\"$([[ $((i % 10)) == 0 ]] && echo nl || echo en)\",\"identities\":[{\"kind\":\"email\",\"value\":\"bench$i@example.org\"}]}"
  done >"$TMP/customers.jsonl"
  seed /api/v1/customers "$TMP/customers.jsonl"
  local channels=(email chat phone social shop webform)
  for i in $(seq 1 $SEED_CONVERSATIONS); do
    echo "{\"customer_id\":$(((i - 1) % SEED_CUSTOMERS + 1)),\"channel\":\"${channels[$((i % 6))]}\",\"department_id\":$((i % 2 + 1)),\"subject\":\"Question $i about my order\"}"
  done >"$TMP/conversations.jsonl"
  seed /api/v1/conversations "$TMP/conversations.jsonl"
  api GET "/api/v1/conversations/$SEED_CONVERSATIONS" >/dev/null ||
    die "seeding failed: conversation $SEED_CONVERSATIONS missing"
  log "seeded $SEED_CUSTOMERS customers, $SEED_CONVERSATIONS conversations through the API in $(($(ms_now) - t0)) ms"
}

# The cached 1M-message SQLite fixture of luister_store_bench (store_bench.cc's
# LUISTER_BENCH_DB / LUISTER_BENCH_MESSAGES; the binary's default folder is
# <build>/bench).
fixture_path() {
  echo "${LUISTER_BENCH_DB:-$BUILD/bench/store_bench_${LUISTER_BENCH_MESSAGES:-1000000}.db}"
}
