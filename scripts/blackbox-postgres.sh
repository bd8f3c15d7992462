#!/usr/bin/env bash
# The black-box HTTP and CLI suite once more, with every database a new
# schema of a throw-away PostgreSQL cluster (started here, removed on exit).
# Left out: what only an SQLite file has (backup/restore of a file, a full
# disk under the file) and the browser stories, which run on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."

port=$((40000 + RANDOM % 10000))
dir=$(mktemp -d /tmp/kakari-blackbox-pg-XXXXXX)
trap 'scripts/pg-throwaway.sh stop "$dir"' EXIT
KAKARI_PG_FSYNC=off scripts/pg-throwaway.sh start "$dir" "$port" >/dev/null

files=()
for f in tests/blackbox/*.test.mjs; do
  case "$(basename "$f")" in
    backup_restore.test.mjs | disk_full.test.mjs | browser*.test.mjs | e2e_web.test.mjs) ;;
    *) files+=("$f") ;;
  esac
done
KAKARI_BLACKBOX_PG="$dir:$port" node --test "${files[@]}"
