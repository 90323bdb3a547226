#!/usr/bin/env bash
# Soak benchmark: the sampler at 100 ms on a busy process for 10 minutes (or SECONDS).
#   tests/bench/soak.sh [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_build >&2
exec "$VMATLAS_BUILD/bin/vmatlas_bench_soak" "${1:-600}" "$VMATLAS_BUILD/bin/vmatlas_testchild"
