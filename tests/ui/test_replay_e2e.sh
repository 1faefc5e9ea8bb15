#!/usr/bin/env bash
# test_replay_e2e.sh -- the replay viewer in the real window under Xvfb, driven with xdotool:
# a recorded game in saves/ is opened from the start screen (R, "Watch a replay", Watch), then
# stepped with the keys a player uses (Right, Left, End, Home), the Next button and a click on
# the slider; Space (end the turn) must not move a replay on; at Ctrl+Q the window prints the
# turn shown and whether its hash matches the recording.
#
#   test_replay_e2e.sh CHOKEPOINT_BINARY
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool).
set -u
bin=${1:?usage: test_replay_e2e.sh CHOKEPOINT_BINARY}
for tool in Xvfb xdotool; do
    if ! command -v "$tool" > /dev/null 2>&1; then
        echo "test_replay_e2e: $tool not installed (apt-get install xvfb xdotool); skipped"
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

d=150
while [ -e "/tmp/.X$d-lock" ] && [ $d -lt 199 ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp -noreset > xvfb.log 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
i=0
until xdotool getmouselocation > /dev/null 2>&1; do
    i=$((i + 1))
    [ $i -gt 50 ] && fail "Xvfb did not start on $DISPLAY: $(cat xvfb.log)"
    sleep 0.1
done

win=
start_game() { # args for chokepoint play
    rm -f "$trace"
    ASAN_OPTIONS=detect_leaks=0 SDL_VIDEODRIVER=x11 "$bin" play "$@" > game.out 2> game.err &
    game_pid=$!
    win=
    i=0
    while [ -z "$win" ]; do
        win=$(xdotool search --onlyvisible --name '^Chokepoint' 2> /dev/null | head -n 1)
        i=$((i + 1))
        [ $i -gt 300 ] && fail "no window titled Chokepoint after 30 s"
        kill -0 "$game_pid" 2> /dev/null || fail "the game exited before opening its window"
        [ -z "$win" ] && sleep 0.1
    done
    xdotool windowfocus --sync "$win" 2> /dev/null || xdotool windowfocus "$win"
    wait_trace Turn
}
quit_game() {
    xdotool key --window "$win" ctrl+q
    i=0
    while kill -0 "$game_pid" 2> /dev/null; do
        i=$((i + 1))
        [ $i -gt 200 ] && fail "the game did not quit on Ctrl+Q"
        sleep 0.1
    done
    wait "$game_pid"
    game_pid=
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
# wait until the replay panel shows turn $1
wait_turn() {
    j=0
    until value ReplayTurn | grep -q "^Replay: turn $1 of "; do
        j=$((j + 1))
        [ $j -gt 200 ] && fail "the replay never showed turn $1 (it shows '$(value ReplayTurn)')"
        sleep 0.1
    done
}

mkdir -p saves
"$bin" sim --turns 6 --seed 4 --record saves/e2e.cprep --quiet > sim.out 2> /dev/null || fail "sim: $(cat sim.out)"
hash6=$(sed -n 's/^hash: //p' sim.out)

start_game --start
key r
wait_trace Load/0 e2e.cprep
ok "the start screen lists the replay in saves/"
click Load/Go
wait_turn 0
ok "the replay opens at its start"
key Right
wait_turn 1
key Right
key Right
wait_turn 3
ok "Right steps forward"
key Left
wait_turn 2
ok "Left steps back"
key End
wait_turn 6
[ "$(value ReplayHash)" = match ] && ok "the last turn matches the recording" || fail "hash: $(value ReplayHash)"
key Home
wait_turn 0
ok "End and Home jump"
click ReplayNext
wait_turn 1
ok "the Next button steps"
set -- $(rect ReplaySlider)
xdotool mousemove --window "$win" $(($1 + $3 * 2 / 3)) $(($2 + $4 / 2)) sleep 0.2 click 1 sleep 0.3
wait_turn 4
ok "a click two thirds along the slider jumps to turn 4"
key space
sleep 0.5
wait_turn 4
ok "Space does not move a replay on"
key End
wait_turn 6
quit_game
grep -q "replay at turn 6, hash $hash6, recorded $hash6: matches" game.out &&
    ok "at quit the world is the recorded game's last ($hash6)" || fail "stdout: $(cat game.out)"
echo "$passed passed"
