#!/usr/bin/env bash
# Fails, naming each file, when a tracked C++ file differs from .clang-format.
# Run by `make test` (ctest `format_check`); fix with:
#   git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  echo "clang-format is missing (scripts/setup.sh installs it)" >&2
  exit 1
fi
# Files in the working tree, tracked or new (a fresh clone has no untracked ones).
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp')
bad=()
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ "${#bad[@]}" -gt 0 ]; then
  echo "not formatted with .clang-format (${#bad[@]} files):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "${#files[@]} C++ files formatted"
