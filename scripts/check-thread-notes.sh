#!/usr/bin/env bash
# Fails, naming each header, when a header under src/ does not say whether
# its types are safe to share between threads (services and caches are
# called from worker threads). Run by `make test` (ctest thread_notes).
set -uo pipefail
cd "$(dirname "$0")/.."
missing=()
while IFS= read -r f; do
  [ -f "$f" ] || continue
  grep -qiE "thread-safe|thread safe|not thread-safe|one thread|thread" "$f" || missing+=("$f")
done < <(git ls-files --cached --others --exclude-standard 'src/*.hpp')
if [ "${#missing[@]}" -gt 0 ]; then
  echo "headers that do not say whether they are thread-safe:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "every header says whether it is thread-safe"
