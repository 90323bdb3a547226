#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs what is missing (Debian/Ubuntu), then configures and
# builds the Release tree in build/. Quick when everything is already there.
set -euo pipefail

VMATLAS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VMATLAS_BUILD="${VMATLAS_BUILD:-$VMATLAS_ROOT/build}"

vmatlas_packages=(cmake g++ make qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev
                  qt6-l10n-tools libxkbcommon-dev libgl-dev qt6-translations-l10n)

vmatlas_install() {
    local missing=()
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "vmatlas: please install: ${missing[*]}" >&2
        return 1
    fi
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "vmatlas: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# cmake --build ARGS..., its progress lines filtered out; returns cmake's status, so a failed build
# fails the caller (a filter's status must not hide it, nor an old binary left from an earlier build).
vmatlas_cmake_build() {
    local -
    set +e
    cmake --build "$@" 2>&1 | grep -vE '^\[ *[0-9]+%\]|^Consolidate|^Scanning'
    local status=${PIPESTATUS[0]}
    if [ "$status" -ne 0 ]; then
        echo "vmatlas: the build failed (cmake --build $* exited with $status)" >&2
    fi
    return "$status"
}

vmatlas_build() {
    if command -v dpkg-query >/dev/null; then
        vmatlas_install "${vmatlas_packages[@]}"
    fi
    if [ ! -f "$VMATLAS_BUILD/CMakeCache.txt" ]; then
        cmake -S "$VMATLAS_ROOT" -B "$VMATLAS_BUILD" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
    fi
    vmatlas_cmake_build "$VMATLAS_BUILD" -j"$(nproc)" -- --no-print-directory
    test -x "$VMATLAS_BUILD/bin/vmatlas"
}
