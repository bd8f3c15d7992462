#!/usr/bin/env bash
# G-MIS benchmark on the national demo (about 110,000 institutions, 340,000
# doctors with their workplaces, certificates for the approved applications;
# built once into bench/out/national.db, shared with the eligibility bench).
# Usage: bash bench/gmis_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
if [ ! -f "$out/national.db" ] || [ "$(sqlite3 "$out/national.db" "SELECT COUNT(*) FROM certificates")" -lt 1000 ]; then
  rm -f "$out/national.db"
  start=$(date +%s.%N)
  build/src/app/kakari demo --scale national --db "$out/national.db.tmp" > /dev/null
  mv "$out/national.db.tmp" "$out/national.db"
  rm -rf "$out/national.db.keys" && mv "$out/national.db.tmp.keys" "$out/national.db.keys" 2>/dev/null || true
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "national demo built in %.0f s\n", b - a }'
fi
echo "affiliations: $(sqlite3 "$out/national.db" "SELECT state, COUNT(*) FROM affiliations GROUP BY state" | tr '\n' ' ')"
echo "certificates: $(sqlite3 "$out/national.db" 'SELECT COUNT(*) FROM certificates')"
build/bench/gmis_bench "$out/national.db" 5
