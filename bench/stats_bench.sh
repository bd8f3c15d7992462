#!/usr/bin/env bash
# Statistics and exports (issue 17) on the national demo (about 340,000
# doctors; built once into bench/out/notice-national-source.db, shared with
# the notices bench, and copied so the source stays as built):
#  - build/bench/stats_bench: national statistics five times in one process
#    (the first cold, the rest as a running server answers), a prefecture's
#    and a county's, and the 340,000-row completions export as XLSX, CSV and
#    CP932 CSV with the process's peak memory after each;
#  - the same XLSX through `kakari export` under /usr/bin/time, and the file
#    read back by openpyxl (row count).
#   bash bench/stats_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
out=$(cd "$out" && pwd)
kakari=$PWD/build/src/app/kakari
source_db=$out/notice-national-source.db
db=$out/stats-national.db
work=$(mktemp -d /tmp/kakari-stats-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

if [ ! -f "$source_db" ]; then
  KAKARI_KEYS=$out/notice-national.keys "$kakari" demo --scale national --db "$source_db" > "$out/notice-demo.log"
fi
rm -f "$db" "$db-wal" "$db-shm"
cp "$source_db" "$db"

echo "== in process (build/bench/stats_bench)"
build/bench/stats_bench "$db" "$work"
echo "== kakari stats (one process, cold)"
/usr/bin/time -f "%e s, peak %M KB" "$kakari" stats --db "$db" > /dev/null
echo "== kakari export completions --format xlsx"
/usr/bin/time -f "%e s, peak %M KB" "$kakari" export completions --db "$db" --format xlsx --out "$work/c.xlsx"
/usr/bin/python3 -c "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1], read_only=True).active; print('openpyxl rows:', sum(1 for _ in ws.iter_rows()) - 1)" "$work/c.xlsx"
echo "== kakari export completions for one county (memory beside the national one)"
/usr/bin/time -f "%e s, peak %M KB" "$kakari" export completions --db "$db" --format xlsx --association 13001 --out "$work/county.xlsx"
ls -l "$work"
