#!/usr/bin/env bash
# The packages: the .deb's files and dependencies, lintian, AppStream and desktop-entry validation,
# and (as root) installing it and running the installed vmatlas. Prints "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
passed=0 failed=0
check() { # description command...
    local what="$1"; shift
    if "$@" >/tmp/vmatlas-package-check.log 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what"
        sed 's/^/    /' /tmp/vmatlas-package-check.log | head -20
    fi
}

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/scripts/package.sh" "$out" >/dev/null || { echo "FAIL: scripts/package.sh"; echo "0 passed, 1 failed"; exit 1; }
deb="$(ls "$out"/vmatlas_*.deb | head -1)"
tgz="$(ls "$out"/vmatlas-*.tar.gz | head -1)"
check "a .deb was built" test -f "$deb"
check "a .tar.gz was built" test -f "$tgz"

tree="$out/tree"
dpkg-deb -x "$deb" "$tree"
for f in usr/bin/vmatlas usr/lib/vmatlas/libvmatlas_gui.so \
         usr/share/applications/io.github.vmatlas.vmatlas.desktop \
         usr/share/metainfo/io.github.vmatlas.vmatlas.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/vmatlas.svg \
         usr/share/icons/hicolor/48x48/apps/vmatlas.png usr/share/icons/hicolor/256x256/apps/vmatlas.png \
         usr/share/man/man1/vmatlas.1.gz usr/share/doc/vmatlas/copyright; do
    check "the .deb holds /$f" test -s "$tree/$f"
done
depends="$(dpkg-deb -f "$deb" Depends)"
for d in libqt6widgets6 libqt6charts6 libqt6concurrent6 libqt6gui6 libc6 libstdc++6; do
    check "the .deb depends on $d" grep -q "$d" <<<"$depends"
done
check "the .tar.gz holds the binary and the module" bash -c "tar tzf '$tgz' | grep -q 'bin/vmatlas\$' && tar tzf '$tgz' | grep -q 'lib/vmatlas/libvmatlas_gui.so'"
check "the desktop entry is valid" desktop-file-validate "$tree/usr/share/applications/io.github.vmatlas.vmatlas.desktop"
check "the AppStream metainfo is valid" appstreamcli validate --no-net --explain "$tree/usr/share/metainfo/io.github.vmatlas.vmatlas.metainfo.xml"
check "lintian finds no errors" bash -c "! lintian --tag-display-limit 0 '$deb' 2>&1 | tee /dev/stderr | grep -q '^E:'"
# One version everywhere: project(VERSION) in CMakeLists.txt.
version="$(sed -n 's/^project(vmatlas VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")"
check "the version is known" test -n "$version"
check "the .deb is version $version" test "$(dpkg-deb -f "$deb" Version)" = "$version"
check "the .tar.gz is named for $version" bash -c "basename '$tgz' | grep -q -- '-$version-'"
check "vmatlas --version says $version" bash -c "'${VMATLAS_BUILD:-$root/build}/bin/vmatlas' --version | grep -qx 'vmatlas $version'"
check "the man page is for $version" bash -c "zcat '$tree/usr/share/man/man1/vmatlas.1.gz' | head -1 | grep -qF 'vmatlas $version'"
check "the AppStream release is $version" grep -qF "<release version=\"$version\"" "$tree/usr/share/metainfo/io.github.vmatlas.vmatlas.metainfo.xml"
check "the changelog is for $version" bash -c "zcat '$tree/usr/share/doc/vmatlas/changelog.gz' | head -1 | grep -qF 'vmatlas ($version)'"
check "the man page renders" bash -c "MANWIDTH=80 man -l '$tree/usr/share/man/man1/vmatlas.1.gz' | grep -q 'ptrace-read access'"

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    check "apt installs the .deb" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
    check "the installed vmatlas says its version" bash -c "/usr/bin/vmatlas --version | grep -qx 'vmatlas [0-9.]*'"
    check "the installed vmatlas takes a snapshot" bash -c "/usr/bin/vmatlas snapshot --pid $$ | head -1 | grep -q '^start,end,size,type,state'"
    check "the installed vmatlas renders a PNG (its module)" bash -c "QT_QPA_PLATFORM=offscreen /usr/bin/vmatlas snapshot --pid $$ --png '$out/installed.png' && file '$out/installed.png' | grep -q 'PNG image data, 1600 x 1000'"
    env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq vmatlas >/dev/null 2>&1
    check "apt removes it" bash -c "! test -e /usr/bin/vmatlas"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
