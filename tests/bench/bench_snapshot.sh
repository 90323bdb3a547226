#!/usr/bin/env bash
# Benchmark: vmatlas snapshot --csv against `cat /proc/PID/smaps` and `pmap -X PID`, for processes with
# 1k, 10k and 60k mappings. Prints medians and ratios, and the snapshot's memory per region.
#   tests/bench/bench_snapshot.sh [RUNS]     (default 15 runs per measurement, interleaved)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_build >&2
bin="$VMATLAS_BUILD/bin"
runs="${1:-15}"

elapsed_us() { # command... ; prints its wall time in microseconds
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000))
}

median_ms() { # numbers (us) -> median in ms
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

printf '%-9s %10s %10s %10s %12s %12s %14s\n' mappings "vmatlas" "cat smaps" "pmap -X" "vs cat" "vs pmap" "bytes/region"
for n in 1000 10000 60000; do
    coproc CHILD { exec "$bin/vmatlas_testchild" many "$n"; }
    pid=$CHILD_PID
    while read -r line <&"${CHILD[0]}"; do [ "$line" = ready ] && break; done
    # Interleaved, so that a busy moment of the machine hits all three alike.
    tv=() tc=() tp=()
    for ((i = 0; i < runs; i++)); do
        tv+=("$(elapsed_us "$bin/vmatlas" snapshot --pid "$pid" --csv -)")
        tc+=("$(elapsed_us cat "/proc/$pid/smaps")")
        tp+=("$(elapsed_us pmap -X "$pid")")
    done
    v=$(median_ms "${tv[@]}")
    c=$(median_ms "${tc[@]}")
    p=$(median_ms "${tp[@]}")
    mem=$("$bin/vmatlas_bench_memory" "$pid" | sed -E 's/.* ([0-9.]+) bytes per region.*/\1/')
    printf '%-9s %8s ms %8s ms %8s ms %11.2fx %11.2fx %14s\n' "$n" "$v" "$c" "$p" \
        "$(echo "$v / $c" | bc -l)" "$(echo "$p / $v" | bc -l)" "$mem"
    exec {CHILD[1]}>&-
    wait "$pid" 2>/dev/null || true
done
echo "vs cat: vmatlas time / cat smaps time (target <= 1.3); vs pmap: pmap time / vmatlas time (target >= 4)"
