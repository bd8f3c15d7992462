#!/usr/bin/env bash
# Import on both engines (issue 14): `kakari import credits` of a generated
# 5,000,000-row CSV into SQLite and into PostgreSQL, each beside that engine's
# own bulk loader with the same unique index on a credit's identity
# (`sqlite3 .import` + CREATE UNIQUE INDEX; psql `\copy` + CREATE UNIQUE INDEX).
# Two files: the usual one (~30,000 distinct lectures) and one where 90 % of
# the rows name a lecture no other row names.
#   bash bench/import_engines.sh [ROWS]
# ENGINES="sqlite pg" and FILES="usual distinct" choose what runs (default all).
# PostgreSQL is a throw-away cluster in bench/out/pg (fsync on, max_wal_size
# raised to 4 GB as a bulk-loading server would have it).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-5000000}
out=bench/out
mkdir -p "$out"
out=$(cd "$out" && pwd)
kakari=build/src/app/kakari
pgdir=$out/pg
port=55491

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

make_file() {  # $1: name, $2: distinct percent
  if [ ! -f "$out/$1.csv" ]; then
    build/bench/make_bench_csv "$out/doctors-$1.csv" "$out/$1.csv" 340000 "$rows" "$2"
  fi
}
make_file "credits-$rows" 0
make_file "credits-$rows-distinct" 90

KAKARI_PG_OPTS="-c max_wal_size=4GB -c shared_buffers=1GB" \
  scripts/pg-throwaway.sh start "$pgdir" "$port" >/dev/null
trap 'scripts/pg-throwaway.sh stop "$pgdir"' EXIT
psql_admin() { PGOPTIONS=-cclient_min_messages=warning psql -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -p "$port" -U postgres -d postgres "$@"; }
pg_url="postgresql:///bench?host=$pgdir&port=$port&user=postgres"

fresh_pg() {
  psql_admin -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
}

identity_index="CREATE UNIQUE INDEX credits_identity ON credits(registry_number, date, title, organizer, units)"
plain_table="CREATE TABLE credits(registry_number TEXT, date TEXT, units TEXT, curriculum_code TEXT, title TEXT, organizer TEXT)"

sqlite_anchor() {  # $1: csv
  rm -f "$out/plain.db"*
  local t0; t0=$(now)
  sqlite3 "$out/plain.db" "$plain_table;" ".import --csv --skip 1 $1 credits" "$identity_index;"
  since "$t0"
}

pg_anchor() {  # $1: csv
  fresh_pg
  local t0; t0=$(now)
  psql -X -q -v ON_ERROR_STOP=1 -d "$pg_url" -c "$plain_table" \
    -c "\\copy credits FROM '$1' WITH (FORMAT csv, HEADER true)" -c "$identity_index"
  since "$t0"
}

kakari_import() {  # $1: db, $2: file stem
  $kakari init --db "$1" >/dev/null
  $kakari import doctors "$out/doctors-$2.csv" --db "$1" >/dev/null
  local t0; t0=$(now)
  $kakari import credits "$out/$2.csv" --db "$1" --json > "$out/import-report.json"
  local took; took=$(since "$t0")
  grep -q "\"imported\": $rows" "$out/import-report.json" \
    || { echo "kakari imported a wrong count" >&2; cat "$out/import-report.json" >&2; exit 1; }
  echo "$took"
}

kakari_sqlite() { rm -rf "$out/kakari.db"*; kakari_import "$out/kakari.db" "$1"; }
kakari_pg() { fresh_pg; kakari_import "$pg_url" "$1"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(psql --version)"
echo "| file | engine | anchor s | kakari s | kakari rows/s | kakari / anchor |"
echo "|---|---|---:|---:|---:|---:|"
stems=()
for f in ${FILES:-usual distinct}; do
  case $f in usual) stems+=("credits-$rows") ;; distinct) stems+=("credits-$rows-distinct") ;; esac
done
for stem in "${stems[@]}"; do
  lectures=$(cut -d, -f5,6 "$out/$stem.csv" | tail -n +2 | sort -u | wc -l)
  for engine in ${ENGINES:-sqlite pg}; do
    anchor=$("${engine}_anchor" "$out/$stem.csv")
    ours=$("kakari_${engine}" "$stem")
    awk -v f="$stem ($lectures lectures)" -v e="$engine" -v a="$anchor" -v k="$ours" -v n="$rows" \
      'BEGIN { printf "| %s | %s | %.1f | %.1f | %.0f | %.2f |\n", f, e, a, k, n / k, k / a }'
  done
done
