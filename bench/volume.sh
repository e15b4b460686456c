#!/usr/bin/env bash
# Contact volume rollups on both engines (luister_volume_bench): the heatmap
# over a year of LUISTER_BENCH_CONTACTS (default 10,000,000) contacts, and
# the rollup job's cost per contact beside the writes. SQLite in a scratch
# file, PostgreSQL in a throw-away cluster (scripts/pg_test_cluster.sh, the
# server settings of bench/scaling.sh).
#
#   bench/volume.sh [BENCH-BUILD-DIR]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH_BIN=$(realpath "${1:-$HERE/../build-bench}/bench/luister_volume_bench")
PG_CLUSTER=$HERE/../scripts/pg_test_cluster.sh
[[ -x $BENCH_BIN ]] || { echo "volume.sh: $BENCH_BIN is missing (make bench)" >&2; exit 1; }
TMP=$(mktemp -d /tmp/luister-volume.XXXXXX)
PGDIR=$(mktemp -d /tmp/luister-volume-pg.XXXXXX)
cleanup() {
  "$PG_CLUSTER" stop "$PGDIR" >/dev/null 2>&1 || true
  rm -rf "$TMP" "$PGDIR"
}
trap cleanup EXIT
PG_URL=$(LUISTER_PG_SETTINGS=${BENCH_PG_SETTINGS:-"-c fsync=on -c full_page_writes=on \
-c synchronous_commit=off -c shared_buffers=1GB"} "$PG_CLUSTER" start "$PGDIR")
pg_db() { # a new empty database NAME; prints its URL
  psql "${PG_URL%/*}/postgres" -qAtX -c "CREATE DATABASE $1" >/dev/null
  echo "${PG_URL%/*}/$1"
}

echo "## heatmap, SQLite"
"$BENCH_BIN" heatmap "$TMP/heatmap.db"
echo
echo "## heatmap, PostgreSQL"
"$BENCH_BIN" heatmap "$(pg_db heatmap)"
echo
echo "## rollup cost, SQLite"
"$BENCH_BIN" rollup "$TMP/rollup.db"
echo
echo "## rollup cost, PostgreSQL"
"$BENCH_BIN" rollup "$(pg_db rollup)"
