#!/usr/bin/env bash
# test_headless_libs.sh -- a headless command loads no window library: the
# chokepoint binary links no SDL, X11, xcb, Wayland, PulseAudio, ALSA, DRM or
# GBM library (ldd), and `sim --turns 1`, with and without --debrief, opens
# none of them at run time either (LD_DEBUG=libs, which also sees dlopen).
# The window is a program of its own (chokepoint-window, next to chokepoint),
# which still links SDL2. Issue 17, plan section 7.
# Usage: test_headless_libs.sh PATH/TO/chokepoint
# Exit 0 when no window library is linked or opened, 1 naming those that are,
# 77 (skipped) without ldd.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v ldd > /dev/null 2>&1 || { echo "no ldd: skipped"; exit 77; }
window_libs='SDL|X11|xcb|wayland|pulse|asound|drm|gbm'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

# linked
ldd "$bin" > ldd.txt 2>&1
if ! grep -q 'libc\.so' ldd.txt; then
  bad "ldd $bin lists no libc: $(head -3 ldd.txt)"
elif grep -Eq "$window_libs" ldd.txt; then
  bad "chokepoint links $(grep -Ec "$window_libs" ldd.txt) window libraries (of $(wc -l < ldd.txt)):"
  grep -E "$window_libs" ldd.txt | awk '{print "     " $1}'
else
  ok "chokepoint links no window library ($(wc -l < ldd.txt) entries)"
fi

# opened at run time, by the loader or by dlopen
opens() { # NAME ARGS...: run chokepoint under LD_DEBUG=libs; no window library opened
  local name=$1; shift
  rm -f ld.*
  LD_DEBUG=libs LD_DEBUG_OUTPUT="$tmp/ld" "$bin" "$@" > out.txt 2> err.txt
  local status=$?
  cat ld.* > ld.txt 2> /dev/null
  if [ $status -ne 0 ]; then
    bad "$name: exit $status: $(head -2 err.txt)"
  elif ! grep -q 'libc\.so' ld.txt; then
    bad "$name: LD_DEBUG=libs reported nothing"
  elif grep -E 'library=|file=|init:' ld.txt | grep -Eq "$window_libs"; then
    bad "$name opens window libraries:"
    grep -E 'find library=' ld.txt | grep -E "$window_libs" | sed -E 's/.*find library=([^ ;]*).*/     \1/' | sort -u
  else
    ok "$name opens no window library"
  fi
}
opens "sim --turns 1" sim --turns 1 --quiet
opens "sim --turns 1 --debrief" sim --turns 1 --quiet --debrief pack

# the window still has its libraries (once it is a program of its own)
win=$(dirname "$bin")/chokepoint-window
if [ -x "$win" ]; then
  if ldd "$win" | grep -q 'libSDL2'; then ok "chokepoint-window links SDL2"; else bad "chokepoint-window links no SDL2"; fi
else
  echo "skip no chokepoint-window next to chokepoint"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
