#!/usr/bin/env bash
# The Windows build: cross-compiled with MinGW-w64 into build-windows/ (core and CLI, no Qt) and its
# tests run under Wine. Called by scripts/test.sh; installs what it needs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
vmatlas_install g++-mingw-w64-x86-64 wine wine64 cmake make

build="$root/build-windows"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64-x86_64.cmake" \
          -DCMAKE_BUILD_TYPE=Release -DVMATLAS_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" -- --no-print-directory 2>&1 | grep -vE '^\[ *[0-9]+%\]' || true
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
