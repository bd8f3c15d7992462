#!/usr/bin/env bash
# House rule checked, not hoped for: every C++ source under src/ (but the
# tests and the RESTinio translation unit, whose headers take minutes to
# analyse) passes the checks in .clang-tidy. Run by `make test` (ctest
# clang_tidy) after the build, with the build's compile_commands.json.
# About 2.5 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
tidy="$(command -v clang-tidy-14 || command -v clang-tidy || true)"
if [ -z "$tidy" ]; then
  echo "clang-tidy is not installed: run scripts/setup.sh" >&2
  exit 1
fi
jobs="$(nproc 2>/dev/null || echo 2)"
out="$(git ls-files 'src/*.cpp' | grep -v -e '_test\.cpp$' -e '^src/http/server\.cpp$' |
  xargs -P "$jobs" -n 4 "$tidy" -p "$build" --quiet 2>&1 || true)"
problems="$(printf '%s\n' "$out" | grep -E '(warning|error):' || true)"
if [ -n "$problems" ]; then
  printf '%s\n' "$problems" >&2
  echo "clang-tidy found $(printf '%s\n' "$problems" | wc -l) problem(s) (see .clang-tidy)" >&2
  exit 1
fi
echo "every source passes .clang-tidy"
