#!/usr/bin/env bash
# Chat widget connections: a fresh SQLite desk with one widget, then
# luister_chat_bench opens CHAT_CONNECTIONS (default 2,000) visitor
# WebSockets, each starting a chat, and holds them all open; the server's
# resident memory is read every 500 connections, then the round trip of
# 1,000 visitor messages with every connection open, to the server's
# "sent" and to an agent's live stream (the workspace's WebSocket).
#
#   bench/chat.sh [LUISTER-BINARY] [BENCH-BUILD-DIR]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
LUISTER=$(realpath "${1:-$HERE/../build/luister}")
BENCH_BIN=$(realpath "${2:-$HERE/../build-bench}/bench/luister_chat_bench")
TMP=$(mktemp -d /tmp/luister-chat.XXXXXX)
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
SERVER_PID=""
cleanup() {
  [[ -z $SERVER_PID ]] || stop_server
  rm -rf "$TMP"
}
trap cleanup EXIT
[[ -x $BENCH_BIN ]] || die "$BENCH_BIN is missing (make bench)"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

DB="sqlite:$TMP/chat.db"
"$LUISTER" migrate --db "$DB" >/dev/null
add_bench_user "$DB"
export LUISTER_CHAT_CONNECTIONS_PER_IP=100000
start_server "$DB"
login "$PORT" "$TMP/jar"
post() {
  curl -sf -b "$TMP/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' -d "$2" \
    "http://127.0.0.1:$PORT$1" | sed -n 's/^{"[^}]*"id":\([0-9]*\).*/\1/p;s/.*"id":\([0-9]*\).*/\1/p' | head -1
}
dept=$(post /api/v1/departments '{"name":"Chat"}')
queue=$(post /api/v1/queues "{\"department_id\":$dept,\"name\":\"Chat\"}")
post /api/v1/chat-widgets "{\"slug\":\"bench\",\"name\":\"Bench\",\"queue_id\":$queue}" >/dev/null

echo "machine: $(machine)"
"$BENCH_BIN" "$PORT" bench "$SERVER_PID" "${CHAT_CONNECTIONS:-2000}" 1000 "$SESSION"
