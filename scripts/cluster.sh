#!/usr/bin/env bash
# The national shape on one machine, for a demo (make run-cluster):
# PostgreSQL, three `kakari serve` processes and nginx in front of them on
# http://127.0.0.1:8080. Everything lives in one temporary folder and stops
# (and is removed) on Ctrl-C. LISTEN_PORT and FIRST_SERVER_PORT override the ports.
set -euo pipefail
cd "$(dirname "$0")/.."

KAKARI=${KAKARI:-build/src/app/kakari}
LISTEN_PORT=${LISTEN_PORT:-8080}
FIRST=${FIRST_SERVER_PORT:-8081}
PG_PORT=${PG_PORT:-55499}

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "cluster: installing nginx"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq nginx-light || { apt-get update -qq && apt-get install -y -qq nginx-light; }
  else sudo apt-get install -y -qq nginx-light; fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

dir=$(mktemp -d /tmp/kakari-cluster-XXXXXX)
chmod 755 "$dir"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/pg-throwaway.sh stop "$dir/pg"
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

scripts/pg-throwaway.sh start "$dir/pg" "$PG_PORT" >/dev/null
export KAKARI_DB="postgresql:///postgres?host=$dir/pg&port=$PG_PORT&user=postgres"
export KAKARI_KEYS="$dir/keys"
export KAKARI_PUBLIC_URL="http://127.0.0.1:$LISTEN_PORT"
"$KAKARI" demo --scale small >/dev/null

upstream=""
for i in 0 1 2; do
  port=$((FIRST + i))
  "$KAKARI" serve --listen "127.0.0.1:$port" --web web/dist 2>"$dir/server-$port.log" &
  pids+=($!)
  upstream+="    server 127.0.0.1:$port max_fails=2 fail_timeout=5s;"$'\n'
done

mkdir -p "$dir/nginx"
cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  upstream kakari {
    least_conn;
$upstream    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LISTEN_PORT;
    client_max_body_size 64m;
    location /assets/ { root $PWD/web/dist; expires 1y; }
    location / {
      proxy_pass http://kakari;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
    }
  }
}
CONF
"$NGINX" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$LISTEN_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
bash scripts/demo-logins.sh "127.0.0.1:$LISTEN_PORT"
echo "cluster: PostgreSQL on $dir/pg:$PG_PORT, servers on $FIRST-$((FIRST + 2)), nginx on http://127.0.0.1:$LISTEN_PORT (Ctrl-C stops all)"
wait -n "${pids[@]}"
