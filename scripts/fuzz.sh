#!/usr/bin/env bash
# make fuzz: builds the fuzz targets with clang-14 + libFuzzer (ASan, UBSan)
# in build-fuzz/ and runs each for FUZZ_SECONDS (default 60). New inputs that
# add coverage go to a scratch corpus; a crash is written to
# fuzz/crashes/<target>/ where `make test` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGETS:-csv json payload route date proof}"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DKAKARI_FUZZ=ON -DKAKARI_WERROR=OFF >/dev/null
for t in $TARGETS; do cmake --build build-fuzz --target "fuzz_$t"; done
status=0
for t in $TARGETS; do
  mkdir -p "fuzz/crashes/$t" "build-fuzz/corpus/$t"
  echo "== fuzz_$t for ${SECONDS_EACH}s"
  if ! "build-fuzz/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=65536 \
      -artifact_prefix="fuzz/crashes/$t/" "build-fuzz/corpus/$t" "fuzz/corpus/$t" \
      2>&1 | tail -n 3; then
    status=1
  fi
done
exit $status
