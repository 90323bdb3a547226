#!/usr/bin/env bash
# Benchmark: reading a process, for processes with 1k, 10k and 60k mappings (medians of interleaved runs):
#  - the command line: `vmatlas snapshot --csv` (full) and `snapshot --live --csv` against `cat /proc/PID/smaps`
#    and `pmap -X PID`, each a process of its own;
#  - in process (vmatlas_bench_tiers): the window's live tick and full read against reading smaps and maps;
#  - the snapshot's memory per region.
# Every ratio is printed with its target.
#   tests/bench/bench_snapshot.sh [RUNS]     (default 15 runs per measurement)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_build >&2
bin="$VMATLAS_BUILD/bin"
runs="${1:-15}"

export LC_ALL=C # EPOCHREALTIME with a decimal point

elapsed_us() { # command... ; prints its wall time in microseconds (bash's clock: no process started to read it)
    local t0=$EPOCHREALTIME
    "$@" >/dev/null
    local t1=$EPOCHREALTIME
    echo $((${t1/./} - ${t0/./}))
}

median_ms() { # numbers (us) -> median in ms
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

# The median of run-by-run ratios A[i] / B[i]: runs i of both were taken one after the other, so a slow moment
# of the machine (this 2-vCPU machine has them) weighs on both.
paired_ratio() { # "A values" "B values"
    paste <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | awk '{print $1 / $2}' | sort -g |
        awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'
}

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }

echo "Command line (each a process: start-up included), medians of $runs interleaved runs:"
printf '%-9s %10s %10s %10s %10s %10s %12s %12s %10s\n' mappings "snapshot" "--live" "cat smaps" "cat maps" \
    "pmap -X" "snap / cat" "pmap / snap" "B/region"
echo "          (ratios: of the medians, and in brackets the median of run-by-run ratios)"
declare -A inproc
for n in 1000 10000 60000; do
    coproc CHILD { exec "$bin/vmatlas_testchild" many "$n"; }
    pid=$CHILD_PID
    while read -r line <&"${CHILD[0]}"; do [ "$line" = ready ] && break; done
    # Interleaved, so that a busy moment of the machine hits all alike, in a new random order each round: what
    # runs just before a command (pmap's exit, say, whose freeing the kernel finishes later) weighs on each alike.
    tv=() tl=() tc=() tm=() tp=()
    for ((i = 0; i < runs; i++)); do
        for k in $(shuf -e v l c m p); do
            case $k in
            v) tv+=("$(elapsed_us "$bin/vmatlas" snapshot --pid "$pid" --csv -)") ;;
            l) tl+=("$(elapsed_us "$bin/vmatlas" snapshot --live --pid "$pid" --csv -)") ;;
            c) tc+=("$(elapsed_us cat "/proc/$pid/smaps")") ;;
            m) tm+=("$(elapsed_us cat "/proc/$pid/maps")") ;;
            p) tp+=("$(elapsed_us pmap -X "$pid")") ;;
            esac
        done
    done
    v=$(median_ms "${tv[@]}") l=$(median_ms "${tl[@]}") c=$(median_ms "${tc[@]}") m=$(median_ms "${tm[@]}")
    p=$(median_ms "${tp[@]}")
    mem=$("$bin/vmatlas_bench_memory" "$pid" | sed -E 's/.* ([0-9.]+) bytes per region.*/\1/')
    printf '%-9s %7s ms %7s ms %7s ms %7s ms %7s ms %5sx (%sx) %5sx (%sx) %7s\n' "$n" "$v" "$l" "$c" "$m" "$p" \
        "$(ratio "$v" "$c")" "$(paired_ratio "${tv[*]}" "${tc[*]}")" "$(ratio "$p" "$v")" \
        "$(paired_ratio "${tp[*]}" "${tv[*]}")" "$mem"
    inproc[$n]=$("$bin/vmatlas_bench_tiers" "$pid" "$runs")
    exec {CHILD[1]}>&-
    wait "$pid" 2>/dev/null || true
done
echo "targets: snap / cat <= 1.15 at 10k and 60k; pmap / snap >= 5 at every size"
echo
echo "In process (the window's reads, no start-up, no output), medians of $runs interleaved runs:"
printf '%-9s %12s %12s %12s %12s %12s %12s\n' mappings "live tick" "full read" "read smaps" "read maps" \
    "live / smaps" "full / smaps"
for n in 1000 10000 60000; do
    read -r regions live full smaps maps lr fr <<<"${inproc[$n]}"
    printf '%-9s %9s ms %9s ms %9s ms %9s ms %11sx %11sx\n' "$n" "$live" "$full" "$smaps" "$maps" "$lr" "$fr"
done
echo "targets: live / smaps <= 0.35 at 60k; full / smaps <= 1.15 at 10k and 60k"
