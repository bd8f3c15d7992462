#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and demos, in a folder of its own.
#   pg-throwaway.sh start DIR PORT   initdb (if needed) and start; prints the conninfo
#   pg-throwaway.sh stop DIR         stop and remove the folder
# The cluster listens on a Unix socket in DIR only (no TCP port is opened
# unless KAKARI_PG_TCP=1), trusts local connections, and sorts text byte-wise
# (--no-locale). initdb refuses root, so as root it runs as `postgres`.
# KAKARI_PG_OPTS adds server settings (e.g. "-c max_wal_size=4GB").
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "pg-throwaway: PostgreSQL server binaries not found (run scripts/setup.sh)" >&2; exit 2; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2; }

case "$cmd" in
  start)
    port=${3:?port}
    # A folder left by an interrupted run: start from nothing.
    if [ -f "$dir/data/postmaster.pid" ]; then "$0" stop "$dir"; fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    listen="''"
    [ "${KAKARI_PG_TCP:-0}" = 1 ] && listen=127.0.0.1
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses=$listen -c fsync=${KAKARI_PG_FSYNC:-on} -c max_connections=200 ${KAKARI_PG_OPTS:-}" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "host=$dir port=$port user=postgres dbname=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
