#!/usr/bin/env bash
# The Windows build: cross-compiled with MinGW-w64 into build-windows/ (core and CLI, no Qt) and its
# tests run under Wine. Called by scripts/test.sh; installs what it needs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_install g++-mingw-w64-x86-64 wine wine64 cmake make

# The "mingw" preset of CMakePresets.json: the MinGW toolchain file, no GUI, build-windows/.
build="$root/build-windows"
if [ ! -f "$build/CMakeCache.txt" ]; then
    (cd "$root" && cmake --preset mingw >/dev/null)
fi
vmatlas_cmake_build "$build" -j"$(nproc)" -- --no-print-directory
test -f "$build/bin/vmatlas.exe"

# Wine in a throwaway prefix, quiet, no display needed.
scratch="$(mktemp -d)"
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
export WINEPREFIX="$scratch/prefix" HOME="$scratch" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY
wineboot --init >/dev/null 2>&1 || true
cd "$build"
echo "== Windows tests (MinGW-w64 build under $(wine --version))"
ctest --output-on-failure --no-tests=error
