#!/usr/bin/env bash
# Eligibility benchmark on the national demo (about 340,000 doctors and over
# 10,000,000 lecture credits; built once into bench/out/national.db).
# Usage: bash bench/eligibility_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
if [ ! -f "$out/national.db" ]; then
  start=$(date +%s.%N)
  build/src/app/kakari demo --scale national --db "$out/national.db.tmp"
  mv "$out/national.db.tmp" "$out/national.db"
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "national demo built in %.0f s\n", b - a }'
fi
echo "credits: $(sqlite3 "$out/national.db" 'SELECT COUNT(*) FROM lecture_credits')"
build/bench/eligibility_bench "$out/national.db" 5
