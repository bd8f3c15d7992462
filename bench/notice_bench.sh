#!/usr/bin/env bash
# Notices (issue 15) on the national demo:
#  1. build/bench/notice_bench: a decision's time beside the notice's share of
#     it (2,000 of each), and bulk approval of 10,000 items with its notices;
#  2. delivery of the queued mails to a real SMTP server on loopback
#     (aiosmtpd) by one `kakari serve`, at the server's pace, and the queue
#     page's latency (wrk) while it delivers, beside the same without mail.
#   bash bench/notice_bench.sh        (DURATION=10s by default)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
out=$(cd "$out" && pwd)
kakari=$PWD/build/src/app/kakari
duration=${DURATION:-10s}
source_db=$out/notice-national-source.db
db=$out/notice-national.db
work=$(mktemp -d /tmp/kakari-notice-bench-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

if [ ! -f "$source_db" ]; then
  KAKARI_KEYS=$out/notice-national.keys "$kakari" demo --scale national --db "$source_db" > "$out/notice-demo.log"
fi
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$source_db" ".backup $db"
cp -r "$out/notice-national.keys" "$db.keys" 2>/dev/null || true

echo "in process: $(build/bench/notice_bench "$db")"
echo "notices queued: $(sqlite3 "$db" "SELECT COUNT(*) || ' (' || SUM(email <> '') || ' to mail)' FROM notices")"

login() {  # port login; prints the cookie header
  curl -s -D "$work/h" -o /dev/null -H 'content-type: application/json' \
    -d "{\"login\":\"$2\",\"password\":\"kakari-demo-2026\"}" "http://127.0.0.1:$1/api/v1/session"
  grep -i '^set-cookie:' "$work/h" | sed 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/' | paste -sd';' -
}
serve() {  # port [env...]
  local port=$1; shift
  env KAKARI_REMINDERS=off "$@" "$kakari" serve --db "$db" --listen "127.0.0.1:$port" 2> "$work/serve-$port.log" &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.2; done
  echo "server did not start" >&2; cat "$work/serve-$port.log" >&2; exit 1
}
queue_p99() {  # port
  wrk -t2 -c16 -d"$duration" --latency -H "Cookie: $(login "$1" admin-13)" \
    "http://127.0.0.1:$1/api/v1/staff/queue?status=submitted&per_page=50" > "$work/wrk.txt"
  awk '/Requests\/sec/ {rps=$2} $1 == "99%" {p99=$2} END {printf "%s req/s, p99 %s", rps, p99}' "$work/wrk.txt"
}

serve 18200
echo "queue page, no mail being sent: $(queue_p99 18200)"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

mkdir -p "$work/spool"
/usr/bin/python3 tests/blackbox/smtp_capture.py "$work/spool" 18225 < <(sleep 100000) > "$work/smtp.log" &
pids+=($!)
sleep 1
to_mail=$(sqlite3 "$db" "SELECT COUNT(*) FROM notices WHERE delivery = 'pending'")
t0=$(date +%s.%N)
serve 18201 KAKARI_SMTP_URL=smtp://127.0.0.1:18225 KAKARI_MAIL_FROM=kakari@example.jp KAKARI_OUTBOX_INTERVAL_MS=200
echo "queue page while mail is sent: $(queue_p99 18201)"
while [ "$(ls "$work/spool" | grep -c '\.eml$')" -lt "$to_mail" ]; do sleep 0.5; done
t1=$(date +%s.%N)
awk -v n="$to_mail" -v a="$t0" -v b="$t1" \
  'BEGIN { printf "delivered %d mails in %.1f s (%.0f mails/s, one SMTP connection per mail)\n", n, b - a, n / (b - a) }'
echo "left in the outbox: $(sqlite3 "$db" "SELECT COUNT(*) FROM notices WHERE delivery IN ('pending', 'sending')")"
