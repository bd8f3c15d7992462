#!/usr/bin/env bash
# HTTP benchmark (issue 3): wrk at 64 connections against a logged-in
# doctor's progress and a staff queue page on the national demo, side by
# side with nginx serving a static JSON file of the same size (the ceiling),
# and the time to bulk-approve 10,000 items. Usage: bench/http_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
kakari=build/src/app/kakari
duration=${DURATION:-15s}
for tool in wrk nginx sqlite3; do
  command -v "$tool" >/dev/null || { ${SUDO:-} apt-get install -y -q wrk nginx-light sqlite3 >/dev/null; break; }
done

db=$out/http-national.db
# Each run approves 10,000 submitted activities: start afresh when fewer remain.
if [ -f "$db" ] && [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM practical_activities \
    WHERE status = 'submitted'")" -lt 10000 ]; then
  rm -rf "$db"*
fi
if [ ! -f "$db" ]; then
  rm -rf "$db"*
  "$kakari" demo --scale national --db "$db" > "$out/http-demo.log"
fi

port=18090
"$kakari" serve --db "$db" --listen 127.0.0.1:$port 2> "$out/http-serve.log" &
server=$!
nginx_dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" || true; rm -rf "$nginx_dir"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

login() {  # prints "cookie-header csrf"
  local body
  body=$(curl -s -D "$nginx_dir/h" -H 'content-type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"kakari-demo-2026\"}" "http://127.0.0.1:$port/api/v1/session")
  local cookie
  cookie=$(grep -i '^set-cookie:' "$nginx_dir/h" | sed 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/' | paste -sd';' -)
  echo "$cookie $(echo "$body" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')"
}
read -r doctor_cookie _ < <(login 99100001)
read -r staff_cookie staff_csrf < <(login admin-13)
read -r jma_cookie jma_csrf < <(login jma-admin)

run_wrk() {  # name url [cookie]
  local args=(-t2 -c64 -d"$duration" --latency)
  [ -n "${3:-}" ] && args+=(-H "Cookie: $3")
  wrk "${args[@]}" "$2" > "$out/wrk-$1.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$out/wrk-$1.txt")
  printf '%-22s %12s req/s   p99 %s\n' "$1" "$rps" "$p99"
}

progress_url="http://127.0.0.1:$port/api/v1/me/progress"
queue_url="http://127.0.0.1:$port/api/v1/staff/queue?status=submitted&per_page=50"
curl -s -H "Cookie: $doctor_cookie" "$progress_url" > "$nginx_dir/progress.json"
size=$(stat -c %s "$nginx_dir/progress.json")
cat > "$nginx_dir/nginx.conf" <<CONF
worker_processes 2;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:18091;
    root $nginx_dir;
    location / { default_type application/json; }
  }
}
CONF
nginx -c "$nginx_dir/nginx.conf"
sleep 0.3

echo "payload: $size bytes (progress JSON); $(nproc) cores shared by server and wrk"
run_wrk nginx-static "http://127.0.0.1:18091/progress.json"
run_wrk kakari-progress "$progress_url" "$doctor_cookie"
run_wrk kakari-queue "$queue_url" "$staff_cookie"

# The same while Tokyo's desk decides 20 items a second (each decision
# changes the prefecture's generation, so cached pages go stale).
sqlite3 "$db" "SELECT a.id FROM practical_activities a JOIN organisations o ON o.id = \
  a.routed_to_association_id WHERE a.status = 'submitted' AND o.code LIKE '13%' LIMIT 400" \
  > "$nginx_dir/tokyo-ids"
(
  end=$((SECONDS + ${duration%s}))
  while read -r id && [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -H "Cookie: $staff_cookie" -H "X-CSRF-Token: $staff_csrf" \
      -H 'content-type: application/json' -d '{"action":"approve"}' \
      "http://127.0.0.1:$port/api/v1/staff/items/activity/$id/decision"
    sleep 0.05
  done < "$nginx_dir/tokyo-ids"
) &
deciding=$!
run_wrk kakari-queue-deciding "$queue_url" "$staff_cookie"
kill $deciding 2>/dev/null || true
wait $deciding 2>/dev/null || true
echo "decisions during that run: $(sqlite3 "$db" "SELECT COUNT(*) FROM review_history WHERE action = 'approve' AND actor_role = 'admin'")"

# Bulk approval: 10,000 submitted items across the country, one request.
ids=$(sqlite3 "$db" "SELECT '{\"kind\":\"' || kind || '\",\"id\":' || id || '}' FROM review_items \
  WHERE status = 'submitted' AND kind = 'activity' LIMIT 10000" | paste -sd, -)
echo "{\"items\":[$ids]}" > "$nginx_dir/bulk.json"
start=$(date +%s.%N)
curl -s -o "$out/bulk.json" -w '%{http_code}' -H "Cookie: $jma_cookie" -H "X-CSRF-Token: $jma_csrf" \
  -H 'content-type: application/json' --data-binary @"$nginx_dir/bulk.json" \
  "http://127.0.0.1:$port/api/v1/staff/bulk-approve" > "$nginx_dir/code"
end=$(date +%s.%N)
printf 'bulk approve 10,000:   HTTP %s, %.2f s, %s\n' "$(cat "$nginx_dir/code")" \
  "$(echo "$end - $start" | bc)" "$(grep -o '"approved":[0-9]*,"failed":[0-9]*' "$out/bulk.json")"
