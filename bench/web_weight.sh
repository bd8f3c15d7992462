#!/usr/bin/env bash
# The web app's JavaScript weight per first screen (issue 5: at most 150 KB
# compressed on the first page). Usage: bash bench/web_weight.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
build/src/app/kakari demo --scale small --db "$work/demo.db" >/dev/null
port=$((20000 + RANDOM % 20000))
build/src/app/kakari serve --db "$work/demo.db" --listen "127.0.0.1:$port" --web web/dist 2>/dev/null &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
node bench/web_weight.mjs "http://127.0.0.1:$port"
