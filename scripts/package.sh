#!/usr/bin/env bash
# Builds the packages: a .deb and a .tar.gz (Linux), into OUT (default build/packages).
#   scripts/package.sh [OUT]          vmatlas: the window and the command line
#   scripts/package.sh --cli [OUT]    vmatlas-cli: the command line alone, without Qt (for hosts reached with
#                                     --host), built in build-cli/ (default OUT build-cli/packages)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cli=0
if [ "${1:-}" = "--cli" ]; then
    cli=1
    shift
    VMATLAS_BUILD="$VMATLAS_ROOT/build-cli"
    vmatlas_packages=(cmake make g++ gzip)
fi
vmatlas_install dpkg-dev file
if [ $cli = 1 ]; then
    vmatlas_build -DVMATLAS_BUILD_GUI=OFF -DVMATLAS_BUILD_TESTS=OFF -DVMATLAS_CLI_PACKAGE=ON
else
    vmatlas_build
fi
out="${1:-$VMATLAS_BUILD/packages}"
mkdir -p "$out"
cd "$VMATLAS_BUILD"
cpack -G "DEB;TGZ" -B "$out" >/dev/null
rm -rf "$out/_CPack_Packages"
ls "$out"/vmatlas*
