#!/usr/bin/env bash
# The command-line package (scripts/package.sh --cli): vmatlas-cli's .deb and .tar.gz hold the vmatlas binary and
# its man page, no window module, no desktop entry, no dependency on Qt; the binary runs and serves --host
# requests. Prints "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
passed=0 failed=0
check() { # description command...
    local what="$1"; shift
    if "$@" >/tmp/vmatlas-cli-package-check.log 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what"
        sed 's/^/    /' /tmp/vmatlas-cli-package-check.log | head -20
    fi
}

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/scripts/package.sh" --cli "$out" >/dev/null || { echo "FAIL: scripts/package.sh --cli"; echo "0 passed, 1 failed"; exit 1; }
deb="$(ls "$out"/vmatlas-cli_*.deb | head -1)"
tgz="$(ls "$out"/vmatlas-cli-*.tar.gz | head -1)"
check "a .deb was built" test -f "$deb"
check "a .tar.gz was built" test -f "$tgz"
tree="$out/tree"
dpkg-deb -x "$deb" "$tree"
check "the binary is there" test -x "$tree/usr/bin/vmatlas"
check "the man page is there" test -f "$tree/usr/share/man/man1/vmatlas.1.gz"
check "no window module" test ! -e "$tree/usr/lib/vmatlas/libvmatlas_gui.so"
check "no desktop entry" test ! -e "$tree/usr/share/applications/io.github.vmatlas.vmatlas.desktop"
check "the package is vmatlas-cli" bash -c "dpkg-deb -f '$deb' Package | grep -qx vmatlas-cli"
check "it conflicts with vmatlas" bash -c "dpkg-deb -f '$deb' Conflicts | grep -qx vmatlas"
check "no Qt among its dependencies" bash -c "! dpkg-deb -f '$deb' Depends | grep -qi qt"
check "the binary links no Qt" bash -c "! ldd '$tree/usr/bin/vmatlas' | grep -qi qt"
check "it runs" bash -c "'$tree/usr/bin/vmatlas' --version | grep -q '^vmatlas '"
check "it serves --host requests" bash -c "echo quit | '$tree/usr/bin/vmatlas' serve | grep -q '^vmatlas-serve 1 '"
check "it reads a process" bash -c "'$tree/usr/bin/vmatlas' snapshot --pid \$\$ | head -1 | grep -q '^start,end,size,'"
check "the tarball holds the binary" bash -c "tar -tzf '$tgz' | grep -q '/bin/vmatlas$'"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
