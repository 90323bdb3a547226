#!/usr/bin/env bash
# Builds VM Atlas (installing what is missing) and runs every test, headless.
#   scripts/test.sh          the Release build in build/
#   scripts/test.sh --asan   the whole suite under AddressSanitizer + UBSan, in build-asan/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

extra=()
if [ "${1:-}" = "--asan" ]; then
    VMATLAS_BUILD="$VMATLAS_ROOT/build-asan"
    extra=(-DCMAKE_BUILD_TYPE=RelWithDebInfo
           "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
           "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined")
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
# What the package test validates with, Xvfb for the tests of what only a real window system shows, and gdb
# (gcore) for the core-file tests, OpenSSH for the remote-host tests (their own sshd on 127.0.0.1).
vmatlas_install dpkg-dev file lintian appstream desktop-file-utils man-db xvfb xauth gdb openssh-server openssh-client
vmatlas_build "${extra[@]}"

export QT_QPA_PLATFORM=offscreen
cd "$VMATLAS_BUILD"
status=0
ctest --output-on-failure --no-tests=error -j2 || status=$?

if [ -x "$VMATLAS_ROOT/scripts/test-windows.sh" ] && [ "${1:-}" != "--asan" ] && [ "${VMATLAS_SKIP_WINDOWS:-0}" != 1 ]; then
    "$VMATLAS_ROOT/scripts/test-windows.sh" || status=1
fi
exit $status
