#!/usr/bin/env bash
# Builds VM Atlas (installing what is missing) and runs it: scripts/run.sh [ARGS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
vmatlas_build >&2
exec "$VMATLAS_BUILD/bin/vmatlas" "$@"
