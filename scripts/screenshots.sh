#!/usr/bin/env bash
# Takes the README's screenshots (docs/*.png) from the real window under Xvfb: a JVM, a process with 20,000
# mappings, a narrow window, every lab, the tabs, the picker, Chinese. Needs what scripts/setup.sh installs
# plus Xvfb, xdotool, ImageMagick and a JDK (installed here when missing).
#   scripts/screenshots.sh            all of them
#   scripts/screenshots.sh lab-fork   only those whose name contains the word
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
vmatlas_install xvfb xauth xdotool imagemagick fonts-droid-fallback
command -v java >/dev/null || vmatlas_install default-jdk-headless
vmatlas_build
only="${1:-}"
bin="$VMATLAS_BUILD/bin"
docs="$VMATLAS_ROOT/docs"
scratch="$(mktemp -d)"
children=()
cleanup() {
    for p in "${children[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT

want() { [ -z "$only" ] || [[ "$1" == *"$only"* ]]; }

# shot NAME WxH SECONDS KEYS -- ARGS: starts the window with ARGS on a screen of WxH, waits, types KEYS
# (xdotool key names, or click:X,Y; space-separated, '-' for none), waits a second, and saves docs/NAME.png.
shot() {
    local name=$1 size=$2 wait=$3 keys=$4
    shift 5
    want "$name" || return 0
    local config="$scratch/config-$name"
    mkdir -p "$config/VM Atlas"
    [ -n "${LANGUAGE_SETTING:-}" ] && printf '[General]\nlanguage=%s\n' "$LANGUAGE_SETTING" >"$config/VM Atlas/vmatlas.conf"
    XDG_CONFIG_HOME="$config" QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        "$0" "$@" -geometry '"$size"'+0+0 &
        app=$!
        sleep '"$wait"'
        if [ "'"$keys"'" != "-" ]; then
            # No window manager gives the window the keyboard: focus it first.
            xdotool search --onlyvisible --name "VM Atlas" windowfocus --sync 2>/dev/null || true
            for k in '"$keys"'; do
                case $k in
                click:*) xy=${k#click:}; xdotool mousemove "${xy%,*}" "${xy#*,}" click 1 ;; # click:X,Y
                *) xdotool key --clearmodifiers "$k" ;;
                esac
                sleep 0.4
            done
            sleep 1.5
        fi
        import -window root "'"$docs/$name.png"'"
        kill $app' "$bin/vmatlas" "$@"
    echo "docs/$name.png"
}

# A JVM with a heap in use.
cat >"$scratch/Idle.java" <<'EOF'
public class Idle {
    public static void main(String[] args) throws Exception {
        byte[][] keep = new byte[64][];
        for (int i = 0; i < keep.length; ++i) keep[i] = new byte[256 * 1024];
        Thread.sleep(3_600_000);
    }
}
EOF
java -Xmx512m "$scratch/Idle.java" >/dev/null 2>&1 &
children+=($!)
jvm=$!
# 20,000 mappings; the helper ends when its standard input closes, which is when this script ends.
mkfifo "$scratch/hold"
"$bin/vmatlas_testchild" many 20000 <"$scratch/hold" >"$scratch/many.out" 2>&1 &
children+=($!)
exec 4>"$scratch/hold"
sleep 4
many=$(pgrep -f "vmatlas_testchild many 20000" | head -1)

shot vmatlas-main 1600x1000 5 - -- --pid "$jvm"
# The class data sharing archive: file pages, beside the metaspace's anon pages.
cds=$(grep -m1 classes.jsa "/proc/$jvm/maps" | cut -d- -f1)
shot vmatlas-pages 1600x1000 6 - -- --pid "$jvm" --address "0x$cds"
shot vmatlas-summary-use 1600x1000 5 "alt+s" -- --pid "$jvm"
# By type: the Summary tab, then a click on its second page's tab.
shot vmatlas-summary 1600x1000 5 "alt+s click:105,615" -- --pid "$jvm"
shot vmatlas-use-map 1600x1000 5 "ctrl+u" -- --pid "$jvm"
shot vmatlas-timeline 1600x1000 9 "alt+t" -- --pid "$jvm"
shot vmatlas-picker 1600x1000 4 "ctrl+p" -- --pid "$jvm"
shot vmatlas-bigprocess 1600x1000 6 - -- --pid "$many"
shot vmatlas-narrow 1024x700 5 - -- --pid "$jvm"
shot vmatlas-lab-narrow 1024x768 11 - -- --lab copy-on-write --step 3
if want vmatlas-export-jvm; then
    "$bin/vmatlas" snapshot --pid "$jvm" --png "$docs/vmatlas-export-jvm.png" --size 1600x1000 && echo docs/vmatlas-export-jvm.png
fi
for lab in reserve-commit:3 shared-section:4 copy-on-write:3 fork-cow:3 page-out:3 image-sharing:2; do
    shot "lab-${lab%%:*}" 1600x1000 $((5 + 2 * ${lab##*:})) - -- --lab "${lab%%:*}" --step "${lab##*:}"
done
LANGUAGE_SETTING=zh_CN shot vmatlas-zh_CN 1600x1000 11 - -- --lab copy-on-write --step 3
