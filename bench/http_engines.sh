#!/usr/bin/env bash
# HTTP on both engines (issue 14): wrk against a logged-in doctor's progress
# and a staff queue page, in one run, on
#   - one `kakari serve` on SQLite (the national demo),
#   - one `kakari serve` on PostgreSQL (the same national demo),
#   - three `kakari serve` on PostgreSQL behind nginx (least_conn, keepalive),
#   - one on PostgreSQL with KAKARI_WORKERS=1 (SQLite's worker pool),
# with nginx serving a static file of the progress page's size as the ceiling.
#   bash bench/http_engines.sh        (DURATION=15s, SCALE=national by default;
#                                      SCALE=small makes the demos in seconds;
#                                      PostgreSQL gets the SQLite demo by
#                                      `kakari copy`, PG_DEMO=make builds it there)
# Everything shares this machine's cores: wrk, nginx, the servers and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
out=$(cd "$out" && pwd)
kakari=$PWD/build/src/app/kakari
duration=${DURATION:-15s}
scale=${SCALE:-national}
for tool in wrk nginx sqlite3; do
  command -v "$tool" >/dev/null || { ${SUDO:-} apt-get install -y -q wrk nginx-light sqlite3 >/dev/null; break; }
done

work=$(mktemp -d /tmp/kakari-http-engines-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/pg-throwaway.sh stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

sqlite_db=$out/http-engines.db
rm -rf "$sqlite_db"* "$out"/http-engines-*.keys
t0=$(now)
KAKARI_KEYS=$out/http-engines-sqlite.keys "$kakari" demo --scale "$scale" --db "$sqlite_db" > "$out/http-engines-demo-sqlite.log"
echo "$scale demo into SQLite: $(since "$t0") s"

KAKARI_PG_OPTS="-c shared_buffers=2GB -c max_wal_size=4GB" \
  scripts/pg-throwaway.sh start "$work/pg" 55493 >/dev/null
pg_db="postgresql:///postgres?host=$work/pg&port=55493&user=postgres"
t0=$(now)
if [ "${PG_DEMO:-copy}" = make ]; then
  KAKARI_KEYS=$out/http-engines-pg.keys "$kakari" demo --scale "$scale" --db "$pg_db" > "$out/http-engines-demo-pg.log"
  echo "$scale demo into PostgreSQL: $(since "$t0") s"
else
  # The same registry copied (and checked) by `kakari copy`: minutes instead of ten.
  "$kakari" copy --from "$sqlite_db" --to "$pg_db" > "$out/http-engines-demo-pg.log"
  cp -r "$out/http-engines-sqlite.keys" "$out/http-engines-pg.keys"
  echo "$scale demo copied into PostgreSQL: $(since "$t0") s"
fi
# Settle the load first: no autovacuum or checkpoint during the measurements.
psql -X -q -d "$pg_db" -c "VACUUM ANALYZE" -c "CHECKPOINT" >/dev/null

serve() {  # port db keys
  KAKARI_KEYS=$out/http-engines-$3.keys "$kakari" serve --db "$2" --listen "127.0.0.1:$1" 2> "$work/serve-$1.log" &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return; sleep 0.2; done
  echo "server on $1 did not start" >&2; cat "$work/serve-$1.log" >&2; exit 1
}
serve 18100 "$sqlite_db" sqlite
serve 18101 "$pg_db" pg
serve 18102 "$pg_db" pg
serve 18103 "$pg_db" pg
serve 18104 "$pg_db" pg
# The worker pool as it was before PostgreSQL got its own default (4): the anchor
# for the queue page, whose audit records share a commit only across threads.
KAKARI_WORKERS=1 serve 18107 "$pg_db" pg

login() {  # port login; prints the cookie header
  curl -s -D "$work/h" -o /dev/null -H 'content-type: application/json' \
    -d "{\"login\":\"$2\",\"password\":\"kakari-demo-2026\"}" "http://127.0.0.1:$1/api/v1/session"
  grep -i '^set-cookie:' "$work/h" | sed 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/' | paste -sd';' -
}

curl -s -H "Cookie: $(login 18100 99100001)" "http://127.0.0.1:18100/api/v1/me/progress" > "$work/progress.json"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  upstream kakari {
    least_conn;
    server 127.0.0.1:18102;
    server 127.0.0.1:18103;
    server 127.0.0.1:18104;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:18105;
    location / {
      proxy_pass http://kakari;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
  server {
    listen 127.0.0.1:18106;
    root $work;
    location / { default_type application/json; }
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 0.5

run_wrk() {  # name url [cookie]
  local args=(-t2 -c64 -d"$duration" --latency)
  [ -n "${3:-}" ] && args+=(-H "Cookie: $3")
  wrk "${args[@]}" "$2" > "$out/wrk-engines-$1.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-engines-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$out/wrk-engines-$1.txt")
  local errors
  errors=$(awk '/Non-2xx/ {print $NF}' "$out/wrk-engines-$1.txt")
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "${errors:-0}"
}

echo "payload: $(stat -c %s "$work/progress.json") bytes (progress JSON); $(nproc) cores shared by everything"
echo "| target | req/s | p99 | non-2xx |"
echo "|---|---:|---:|---:|"
run_wrk nginx-static "http://127.0.0.1:18106/progress.json"
queue="api/v1/staff/queue?status=submitted&per_page=50"
for target in sqlite:18100 postgres:18101 postgres-1-worker:18107 postgres-3-behind-nginx:18105; do
  name=${target%:*}; port=${target#*:}
  run_wrk "$name-progress" "http://127.0.0.1:$port/api/v1/me/progress" "$(login "$port" 99100001)"
  # The first run starts with the server's queue cache cold (as after a start
  # or a decision in that prefecture); the second measures the page in steady state.
  cookie=$(login "$port" admin-13)
  run_wrk "$name-queue" "http://127.0.0.1:$port/$queue" "$cookie"
  run_wrk "$name-queue-again" "http://127.0.0.1:$port/$queue" "$cookie"
done
# The queue page while a reminder run reads the whole registry (each server
# makes one a day, at 07:00 in Japan; a December day reminds every doctor
# close to completion), then how long the run took.
for target in sqlite:18100:$sqlite_db postgres:18101:$pg_db; do
  name=${target%%:*}; rest=${target#*:}; port=${rest%%:*}; db=${rest#*:}
  cookie=$(login "$port" admin-13)
  t0=$(now)
  KAKARI_KEYS=$out/http-engines-${name/postgres/pg}.keys "$kakari" remind --as-of 2026-12-07 --json --db "$db" \
    > "$work/remind-$name.json" &
  remind=$!
  run_wrk "$name-queue-during-reminder-run" "http://127.0.0.1:$port/$queue" "$cookie"
  wait "$remind"
  echo "reminder run on $name: $(since "$t0") s, $(cat "$work/remind-$name.json")"
done
