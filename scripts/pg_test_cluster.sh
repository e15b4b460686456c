#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks, on 127.0.0.1 only.
#
#   scripts/pg_test_cluster.sh start DIR [PORT]   initdb into DIR (if new), start,
#                                                 create database "luister",
#                                                 print the connection URL
#   scripts/pg_test_cluster.sh stop DIR           stop it (fast shutdown)
#   scripts/pg_test_cluster.sh url DIR            print the URL of a running cluster
#
# PostgreSQL refuses to run as root, and CI runs as root: then the cluster runs
# as the Debian "postgres" user (created by the postgresql package), which gets
# DIR. Trust authentication is fine here: the server listens on loopback and
# a private socket directory only, and lives as long as the test run.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[[ -n $cmd && -n $dir ]] || { sed -n '2,9p' "$0" >&2; exit 2; }

pg_bin() {
  local b
  for b in /usr/lib/postgresql/*/bin; do
    [[ -x $b/pg_ctl ]] && { echo "$b"; return 0; }
  done
  echo "pg_test_cluster: PostgreSQL server binaries not found; run scripts/setup.sh" >&2
  exit 1
}
BIN=$(pg_bin)

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case $cmd in
  start)
    port=${3:-$(free_port)}
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      as_owner "$BIN/initdb" -D "$dir/data" -U luister --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if [[ -f $dir/port ]] && as_owner "$BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "postgres://luister@127.0.0.1:$(cat "$dir/port")/luister"  # already running
      exit 0
    fi
    # Test settings: durability off (a crashed test cluster is thrown away),
    # small shared memory, no background noise. LUISTER_PG_SETTINGS adds
    # server options that win over these (bench/scaling.sh runs a durable,
    # production-sized server: "-c fsync=on -c shared_buffers=4GB ...").
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
       -c full_page_writes=off -c shared_buffers=64MB -c max_connections=200 \
       -c log_min_messages=warning ${LUISTER_PG_SETTINGS:-}" >/dev/null ||
      { tail -20 "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$port" -U luister -d postgres -qAt \
      -c "SELECT 1 FROM pg_database WHERE datname = 'luister'" | grep -q 1 ||
      as_owner "$BIN/createdb" -h 127.0.0.1 -p "$port" -U luister luister
    echo "postgres://luister@127.0.0.1:$port/luister"
    ;;
  stop)
    [[ -f $dir/data/postmaster.pid ]] || exit 0
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  url)
    echo "postgres://luister@127.0.0.1:$(cat "$dir/port")/luister"
    ;;
  *)
    sed -n '2,9p' "$0" >&2
    exit 2
    ;;
esac
