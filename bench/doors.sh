#!/usr/bin/env bash
# Webhook ingest of the doors: how many calls a telephone system and how
# many signed posts a social source can deliver per second, each stored with
# its customer, conversation or timeline entry. A fresh SQLite desk, then
# wrk at 8 connections (BENCH_DURATION, default 10s) on
#   POST /api/v1/channels/phone/calls   (a phone_integration token)
#   POST /api/v1/channels/social/bench  (HMAC-signed, one event id each)
#
#   bench/doors.sh [LUISTER-BINARY]
# Prints the RESULT lines; requests/s of 2xx answers is stored items/s.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
LUISTER=$(realpath "${1:-$HERE/../build/luister}")
TMP=$(mktemp -d /tmp/luister-doors.XXXXXX)
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
SERVER_PID=""
cleanup() {
  [[ -z $SERVER_PID ]] || stop_server
  rm -rf "$TMP"
}
trap cleanup EXIT
command -v wrk >/dev/null || die "wrk is missing (scripts/setup.sh --bench)"

DB="sqlite:$TMP/doors.db"
"$LUISTER" migrate --db "$DB" >/dev/null
add_bench_user "$DB"
"$LUISTER" user add --db "$DB" --email pbx@bench.local --name PBX --role phone_integration \
  --password "$PASSWORD" >/dev/null
start_server "$DB"
login "$PORT" "$TMP/jar"
dept=$(curl -sf -b "$TMP/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d '{"name":"Doors"}' "http://127.0.0.1:$PORT/api/v1/departments" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
queue=$(curl -sf -b "$TMP/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"department_id\":$dept,\"name\":\"In\"}" "http://127.0.0.1:$PORT/api/v1/queues" |
  sed -n 's/.*"id":\([0-9]*\).*/\1/p')
pbx=$(curl -sf -b "$TMP/jar" "http://127.0.0.1:$PORT/api/v1/users" |
  python3 -c 'import json,sys; print([u["id"] for u in json.load(sys.stdin)["items"] if u["email"]=="pbx@bench.local"][0])')
TOKEN=$(curl -sf -b "$TMP/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"name\":\"pbx\",\"user_id\":$pbx}" "http://127.0.0.1:$PORT/api/v1/api-tokens" |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
secret=$(curl -sf -b "$TMP/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"slug\":\"bench\",\"name\":\"Bench\",\"queue_id\":$queue}" \
  "http://127.0.0.1:$PORT/api/v1/social-sources" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')

echo "machine: $(machine)"
run_wrk calls "$PORT" phone_calls.lua 8 -H "Authorization: Bearer $TOKEN"
# Signed posts: more than wrk can send in the run, each with its own event
# id, from 2,000 authors, a third of them replies to an earlier post.
python3 - "$secret" "$TMP/posts.txt" <<'PY'
import hashlib, hmac, json, random, sys, time
secret, out = sys.argv[1].encode(), sys.argv[2]
ts = str(int(time.time()))
with open(out, "w") as f:
    for i in range(120000):
        post = {"event_id": f"e{i}", "id": f"p{i}", "kind": "post",
                "author": {"handle": f"user{random.randrange(2000)}"},
                "text": "Mijn pakket is nog steeds niet bezorgd, kunnen jullie kijken?"}
        if i > 10 and i % 3 == 0:
            post.update(kind="reply", in_reply_to=f"p{random.randrange(i - 10)}")
        body = json.dumps(post, separators=(",", ":"))
        sig = "sha256=" + hmac.new(secret, f"{ts}.{body}".encode(), hashlib.sha256).hexdigest()
        f.write(f"{sig}\t{ts}\t{body}\n")
PY
LUISTER_BENCH_POSTS=$TMP/posts.txt BENCH_SOURCE=bench run_wrk posts "$PORT" social_posts.lua 8
