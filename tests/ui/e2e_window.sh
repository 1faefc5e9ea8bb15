#!/bin/sh
# e2e_window.sh -- drive the real game window under Xvfb with xdotool, as a player would.
#
# Starts `chokepoint play --scenario baseline` on a virtual screen, clicks
# China on the map, closes its panel with the x in the panel's corner (that
# click crashed the game once: the panel went on drawing the figures of no
# nation), opens China's panel again, opens the charts (the price chart)
# with a click on their tab, ends two turns (the End turn button, then the
# Enter key), saves a screenshot with F12 and quits with Ctrl+Q (twice: the
# first asks, as two quarters were not saved). It checks
# what the player would see: the window title names the selected nation
# and says "turn 2 of 40", the screenshot is a PNG under saves/, and the
# game reports turn 2 when it quits.
#
#   e2e_window.sh CHOKEPOINT_BINARY WORK_DIR
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool: ctest's SKIP_RETURN_CODE).
set -u
bin=${1:?usage: e2e_window.sh CHOKEPOINT_BINARY WORK_DIR}
work=${2:?usage: e2e_window.sh CHOKEPOINT_BINARY WORK_DIR}
for tool in Xvfb xdotool; do
    if ! command -v "$tool" > /dev/null 2>&1; then
        echo "e2e_window: $tool not installed (apt-get install xvfb xdotool); skipped"
        exit 77
    fi
done
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" || exit 1
cd "$work" || exit 1

# where the window draws its controls ("id<TAB>value<TAB>x y w h", src/ui/trace.h)
trace=$work/trace.txt
export CHOKEPOINT_UI_TRACE=$trace
xvfb_pid=
game_pid=
cleanup() {
    [ -n "$game_pid" ] && kill "$game_pid" 2> /dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null
}
trap cleanup EXIT
fail() {
    echo "e2e_window: FAIL: $*"
    [ -f game.err ] && sed 's/^/  game stderr: /' game.err | tail -20
    exit 1
}

. "$here/xvfb_start.sh"
xvfb_start 91 140

game_window --scenario baseline --seed 1 --no-briefing
sleep 1

title() { xdotool getwindowname "$win"; }
# wait until the title contains $1 (up to 20 s)
wait_title() {
    j=0
    until title | grep -q -- "$1"; do
        j=$((j + 1))
        [ $j -gt 200 ] && fail "the title never said '$1': it says '$(title)'"
        sleep 0.1
    done
}
click() { xdotool mousemove --window "$win" "$1" "$2" sleep 0.2 click 1 sleep 0.3; }

wait_title "turn 0 of 40"

# China on the map (its anchor is near x 940, y 235 at 1280x720; this is
# inside its territory, beside its label)
click 925 215
wait_title "China"

# the x in the corner of China's panel closes it, and the game goes on
j=0
until r=$(awk -F'\t' '$1 == "Panel/Close" { print $3; exit }' "$trace" 2> /dev/null) && [ -n "$r" ]; do
    j=$((j + 1))
    [ $j -gt 200 ] && fail "the panel's close button is not in the trace"
    sleep 0.1
done
set -- $r
click $(($1 + $3 / 2)) $(($2 + $4 / 2))
j=0
while title | grep -q -- "- China"; do
    j=$((j + 1))
    kill -0 "$game_pid" 2> /dev/null || fail "the game died when the panel's x was clicked"
    [ $j -gt 200 ] && fail "the panel's x did not close the panel: the title says '$(title)'"
    sleep 0.1
done
sleep 0.5
kill -0 "$game_pid" 2> /dev/null || fail "the game died after the panel's x closed the panel"
click 925 215
wait_title "China"

# the charts tab (the price chart is its first card)
click 166 73
sleep 0.5

# end two turns: the End turn button, then the Enter key
click 1198 26
wait_title "turn 1 of 40"
xdotool key --delay 100 Return
wait_title "turn 2 of 40"

# F12: a screenshot under saves/
xdotool key F12
j=0
until ls saves/*.png > /dev/null 2>&1; do
    j=$((j + 1))
    [ $j -gt 100 ] && fail "F12 wrote no PNG under $work/saves/"
    sleep 0.1
done
shot=$(ls saves/*.png | head -n 1)
sleep 0.3
magic=$(od -An -c -N 4 "$shot" | tr -d ' ')
[ "$magic" = "\\211PNG" ] || [ "$magic" = "211PNG" ] || fail "$shot is not a PNG ($magic)"
size=$(wc -c < "$shot")
[ "$size" -gt 20000 ] || fail "$shot is only $size bytes"

# two quarters not saved: Ctrl+Q asks first ("Quit without saving?"), Ctrl+Q again quits
xdotool key ctrl+q
j=0
until awk -F'\t' '$1 == "Confirm" && $2 == "quit" { f = 1 } END { exit !f }' "$trace" 2> /dev/null; do
    j=$((j + 1))
    kill -0 "$game_pid" 2> /dev/null || fail "Ctrl+Q quit without asking, with two quarters not saved"
    [ $j -gt 200 ] && fail "Ctrl+Q did not ask before quitting with two quarters not saved"
    sleep 0.1
done
xdotool key ctrl+q
j=0
while kill -0 "$game_pid" 2> /dev/null; do
    j=$((j + 1))
    [ $j -gt 100 ] && fail "the game did not quit on Ctrl+Q"
    sleep 0.1
done
wait "$game_pid"
status=$?
game_pid=
[ $status -eq 0 ] || fail "the game exited with status $status"
grep -q "turn 2," game.out || fail "the game did not quit at turn 2: $(cat game.out)"
echo "e2e_window: ok: China selected, its panel closed with the x and opened again, charts opened, two turns ended, $shot ($size bytes)"
exit 0
