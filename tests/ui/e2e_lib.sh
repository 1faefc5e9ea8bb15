# e2e_lib.sh -- what the window's end-to-end tests share: start Xvfb, start and quit the
# game, and find and click its controls through the trace the window writes
# ($CHOKEPOINT_UI_TRACE: "id<TAB>value<TAB>x y w h"). Sourced by a test after it sets
# e2e_name; the test's first argument is the chokepoint binary. Exits 77 (skipped) when Xvfb
# or xdotool is missing.
set -u
bin=${1:?usage: $e2e_name.sh CHOKEPOINT_BINARY}
for tool in Xvfb xdotool; do
    if ! command -v "$tool" > /dev/null 2>&1; then
        echo "$e2e_name: $tool not installed (apt-get install xvfb xdotool); skipped"
        exit 77
    fi
done
work=$(mktemp -d)
cd "$work" || exit 1
trace=$work/trace.txt
export CHOKEPOINT_UI_TRACE=$trace

xvfb_pid= game_pid=
cleanup() {
    [ -n "$game_pid" ] && kill "$game_pid" 2> /dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null
    rm -rf "$work"
}
trap cleanup EXIT
passed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() {
    echo "FAIL $*"
    [ -f game.err ] && sed 's/^/  game stderr: /' game.err | tail -20
    [ -f game.out ] && sed "s/^/  game stdout: /" game.out | tail -5
    [ -f "$trace" ] && sed 's/^/  trace: /' "$trace" | head -60
    exit 1
}

. "$e2e_dir/xvfb_start.sh"
xvfb_start 150 199

win=
start_game() { # args for chokepoint play
    rm -f "$trace"
    game_window "$@"
    wait_trace Turn
}
# Ctrl+Q; when the game asks first (quarters not saved), Enter says yes
quit_game() {
    xdotool key --window "$win" ctrl+q
    i=0
    asked=
    while kill -0 "$game_pid" 2> /dev/null; do
        if [ -z "$asked" ] && [ "$(value Confirm)" = quit ]; then
            asked=1
            xdotool key --window "$win" Return
        fi
        i=$((i + 1))
        [ $i -gt 200 ] && fail "the game did not quit on Ctrl+Q"
        sleep 0.1
    done
    wait "$game_pid"
    game_pid=
}
# the end-of-turn report shows when a human seat's turn begins: keep its lines in $last_report,
# then close it (Esc)
close_report() {
    wait_trace Report/Ok
    last_report=$(grep '^Report/' "$trace" | cut -f1,2)
    key Escape
    wait_gone Report/Ok
}

# wait until control $1 is gone from the screen, up to 20 s
wait_gone() {
    j=0
    while [ -n "$(rect "$1")" ]; do
        j=$((j + 1))
        [ $j -gt 200 ] && fail "control '$1' never went away"
        sleep 0.1
    done
}

# the value of control $1 in the trace, and its rectangle
value() { awk -F'\t' -v id="$1" '$1 == id { print $2; exit }' "$trace" 2> /dev/null; }
rect() { awk -F'\t' -v id="$1" '$1 == id { print $3; exit }' "$trace" 2> /dev/null; }
# wait until control $1 is on screen (with value $2 when given), up to 20 s
wait_trace() {
    j=0
    while :; do
        if [ -n "$(rect "$1")" ] && { [ $# -lt 2 ] || [ "$(value "$1")" = "$2" ]; }; then return 0; fi
        j=$((j + 1))
        [ $j -gt 200 ] && fail "control '$1' never showed${2:+ '$2'} (it shows '$(value "$1")')"
        sleep 0.1
    done
}
click() { # the centre of control $1
    local r=
    j=0
    while [ -z "$r" ]; do
        r=$(rect "$1")
        j=$((j + 1)); [ $j -gt 200 ] && fail "control '$1' never showed"
        [ -z "$r" ] && sleep 0.1
    done
    set -- $r
    xdotool mousemove --window "$win" $(($1 + $3 / 2)) $(($2 + $4 / 2)) sleep 0.2 click 1 sleep 0.3
}
key() { xdotool key --window "$win" "$@"; sleep 0.3; }
