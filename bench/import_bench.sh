#!/usr/bin/env bash
# Import benchmark: `kakari import credits` on a generated 5,000,000-row CSV
# (UTF-8, then the same file in CP932), side by side with the sqlite3 shell's
# .import of the same file into a plain table plus the index Kakari keeps for
# a credit's identity. Usage: bash bench/import_bench.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-5000000}
out=bench/out
mkdir -p "$out"
kakari=build/src/app/kakari

if [ ! -f "$out/credits-$rows.csv" ]; then
  build/bench/make_bench_csv "$out/doctors.csv" "$out/credits-$rows.csv" 340000 "$rows"
  iconv -f UTF-8 -t CP932 < "$out/credits-$rows.csv" > "$out/credits-$rows-cp932.csv"
fi

now() { date +%s.%N; }
rate() { awk -v n="$rows" -v s="$1" 'BEGIN { printf "%.1f s, %.0f rows/s", s, n / s }'; }

kakari_run() {  # $1: csv file
  rm -f "$out/kakari.db"*
  $kakari init --db "$out/kakari.db" >/dev/null
  $kakari import doctors "$out/doctors.csv" --db "$out/kakari.db" >/dev/null
  local t0; t0=$(now)
  $kakari import credits "$1" --db "$out/kakari.db" --json > "$out/import-report.json"
  awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }'
}

sqlite_run() {
  rm -f "$out/plain.db"*
  local t0; t0=$(now)
  sqlite3 "$out/plain.db" \
    "CREATE TABLE credits(registry_number TEXT, date TEXT, units TEXT, curriculum_code TEXT, title TEXT, organizer TEXT);" \
    ".import --csv --skip 1 $out/credits-$rows.csv credits"
  local t1; t1=$(now)
  sqlite3 "$out/plain.db" \
    "CREATE UNIQUE INDEX credits_identity ON credits(registry_number, date, title, organizer, units);"
  local t2; t2=$(now)
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { print b - a, c - b, c - a }'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
read -r s_load s_index s_total < <(sqlite_run)
k_utf8=$(kakari_run "$out/credits-$rows.csv")
grep -q "\"imported\": $rows" "$out/import-report.json" || { echo "kakari imported a wrong count"; cat "$out/import-report.json"; exit 1; }
k_cp932=$(kakari_run "$out/credits-$rows-cp932.csv")
echo "sqlite3 .import:             $(rate "$s_load")"
echo "sqlite3 CREATE INDEX:        ${s_index} s"
echo "sqlite3 .import + index:     $(rate "$s_total")"
echo "kakari import (UTF-8):       $(rate "$k_utf8")"
echo "kakari import (CP932):       $(rate "$k_cp932")"
awk -v k="$k_utf8" -v s="$s_total" 'BEGIN { printf "kakari UTF-8 / sqlite3 time: %.2f (below 1.00 is faster)\n", k / s }'
