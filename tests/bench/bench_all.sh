#!/usr/bin/env bash
# Every performance figure of VM Atlas with its target, on this machine: the reads (bench_snapshot.sh), the
# window (vmatlas_bench_gui), and with --soak the window's memory over 10 minutes of live refresh
# (window_soak.sh). Run it on an idle machine.
#   tests/bench/bench_all.sh [--soak]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_build >&2
echo "== Reading a process"
"$root/tests/bench/bench_snapshot.sh" 15
echo
echo "== The window (offscreen)"
QT_QPA_PLATFORM=offscreen "$VMATLAS_BUILD/bin/vmatlas_bench_gui" 2>/dev/null
if [ "${1:-}" = --soak ]; then
    echo
    echo "== The window live on 20,000 mappings for 10 minutes"
    "$root/tests/bench/window_soak.sh" 600 20000
fi
