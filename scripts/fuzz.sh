#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz/ and runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s, every target)
# Corpora grow in build-fuzz/corpus/TARGET (seeded from tests/data and tests/fuzz/seeds); a crash is
# written to build-fuzz/ as crash-*: add it to tests/fuzz/regressions/TARGET/ so the suite replays it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_install clang libclang-rt-dev cmake make
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(smaps json csv pagemap args elfcore minidump)
build="$root/build-fuzz"
if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DVMATLAS_BUILD_FUZZERS=ON -DVMATLAS_BUILD_GUI=OFF \
        -DVMATLAS_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j"$(nproc)" -- --no-print-directory 2>&1 | grep -vE '^\[ *[0-9]+%\]' || true
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    mkdir -p "$corpus"
    # Seeds: the captured /proc fixtures, saved snapshots, and the regression inputs.
    case "$t" in
        smaps) cp "$root"/tests/data/*.smaps "$root"/tests/data/*.maps "$corpus"/ 2>/dev/null || true ;;
        json|csv|pagemap|args|elfcore|minidump) cp "$root"/tests/fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true ;;
    esac
    cp "$root"/tests/fuzz/regressions/"$t"/* "$corpus"/ 2>/dev/null || true
    # Inputs up to a size where each run stays cheap: the parsers are line- or record-based.
    case "$t" in smaps|json) len=4096 ;; csv|pagemap) len=1024 ;; elfcore) len=20000 ;; minidump) len=10000 ;; *) len=512 ;; esac
    echo "== fuzz_$t for ${seconds}s (inputs up to $len bytes)"
    (cd "$build" && ./bin/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 -max_len="$len" "$corpus" 2>&1 \
        | grep -E '^stat::number_of_executed_units|^stat::peak_rss|^#[0-9]+[[:space:]]+DONE|ERROR|SUMMARY' || true)
done
