#!/usr/bin/env bash
# Builds the packages: a .deb and a .tar.gz (Linux), into OUT (default build/packages).
#   scripts/package.sh [OUT]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
vmatlas_install dpkg-dev file
vmatlas_build
out="${1:-$VMATLAS_BUILD/packages}"
mkdir -p "$out"
cd "$VMATLAS_BUILD"
cpack -G "DEB;TGZ" -B "$out" >/dev/null
rm -rf "$out/_CPack_Packages"
ls "$out"/vmatlas*
