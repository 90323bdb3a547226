#!/usr/bin/env bash
# Soak benchmark of the window: VM Atlas (offscreen) live on a 20,000-mapping process at its default 1 s
# refresh for 10 minutes (or SECONDS). Prints the window's RSS every 30 s, then its RSS after the first 30 s
# against the end (target: flat, bounded history) and its CPU time per second of refresh.
#   tests/bench/window_soak.sh [SECONDS] [MAPPINGS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_build >&2
bin="$VMATLAS_BUILD/bin"
seconds="${1:-600}"
mappings="${2:-20000}"

coproc CHILD { exec "$bin/vmatlas_testchild" many "$mappings"; }
child=$CHILD_PID
while read -r line <&"${CHILD[0]}"; do [ "$line" = ready ] && break; done
QT_QPA_PLATFORM=offscreen "$bin/vmatlas" --pid "$child" >/dev/null 2>&1 &
window=$!
trap 'kill "$window" 2>/dev/null || true; exec {CHILD[1]}>&- || true' EXIT

rss_mb() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$window/status"; }
cpu_s() { awk '{printf "%.2f", ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$window/stat"; }

sleep 30
start_rss=$(rss_mb)
start_cpu=$(cpu_s)
printf '%6s %10s %10s\n' seconds "RSS (MB)" "CPU (s)"
printf '%6d %10s %10s\n' 30 "$start_rss" "$start_cpu"
for ((t = 60; t <= seconds; t += 30)); do
    sleep 30
    kill -0 "$window" 2>/dev/null || { echo "the window exited" >&2; exit 1; }
    printf '%6d %10s %10s\n' "$t" "$(rss_mb)" "$(cpu_s)"
done
end_rss=$(rss_mb)
end_cpu=$(cpu_s)
echo "window RSS: $start_rss MB after 30 s, $end_rss MB after $seconds s (target: flat);" \
    "CPU $(echo "($end_cpu - $start_cpu) * 1000 / ($seconds - 30)" | bc -l | xargs printf '%.0f') ms per second" \
    "of live refresh of $mappings mappings"
