#!/usr/bin/env bash
# monkey.sh -- the monkey test: random input sent to the real game window under Xvfb, in
# sessions, each a different way into the game, until the time is up.
#
#   monkey.sh CHOKEPOINT_BINARY MONKEY_BINARY [SECONDS] [SEED]
#
# SECONDS (default 60) is split into sessions (20 s each up to a minute, 45 s beyond). Session
# k plays setup (SEED + k) mod 10 with the driver's seed SEED*100 + k, a UI scale and a window
# size of its own:
#   start    the start screen (scenarios, seats, seed, load, continue, watch a replay)
#   human    the baseline as the United States, briefing first
#   hotseat  the United States and Japan sharing the window (hand-over screens)
#   replay   the replay viewer on a recorded game (play --replay)
#   short    a 3-quarter game as China (the scenario's end, the debrief pack)
#   watch    every nation an agent (escalation-and-pause-2025)
#   load     a saved game (play --load)
#   dialogs  tech-ban-2023 as Japan, opened on the deal dialog
#   late     the baseline as the United States after 37 quarters played (long charts, a full
#            news feed, many plants), two quarters from the scenario's end
#   ended    a 2-quarter game played to its end: the end screen (ranking, charts, the free-trade
#            twin worked out while it shows), looking around, back to the results, a new game
# The driver (tests/ui/monkey/monkey.c) sends clicks, drags, wheel turns, keys and resizes,
# biased towards the controls on screen and the keys that open screens, and pings the window
# after each; a crash, a sanitizer report or a hang fails. SEED defaults to
# $CHOKEPOINT_MONKEY_SEED or a new one each run (printed); CHOKEPOINT_MONKEY_SESSION=k runs
# session k alone. A failure leaves the session's log (every action and its X input), the
# game's stderr and the command to replay it in $CHOKEPOINT_MONKEY_OUT (default /tmp).
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool).
set -u
bin=${1:?usage: monkey.sh CHOKEPOINT_BINARY MONKEY_BINARY [SECONDS] [SEED]}
monkey=${2:?usage: monkey.sh CHOKEPOINT_BINARY MONKEY_BINARY [SECONDS] [SEED]}
seconds=${3:-60}
seed=${4:-${CHOKEPOINT_MONKEY_SEED:-$(( ($(date +%s) * 7919 + $$) % 1000000 ))}}
only=${CHOKEPOINT_MONKEY_SESSION:-}
out=${CHOKEPOINT_MONKEY_OUT:-/tmp}
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xdotool; do # xdotool: xvfb_start.sh's readiness probe
    if ! command -v "$tool" > /dev/null 2>&1; then
        echo "monkey: $tool not installed (apt-get install xvfb xdotool); skipped"
        exit 77
    fi
done
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
monkey=$(cd "$(dirname "$monkey")" && pwd)/$(basename "$monkey")
work=$(mktemp -d)
cd "$work" || exit 1
xvfb_pid=
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null
    cd / && rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "monkey: FAIL: $*"; exit 1; }
. "$here/xvfb_start.sh"
xvfb_start 200 249 1920x1080

# a saved game and a recorded one, for the load and replay screens
mkdir -p saves
"$bin" sim --scenario baseline --turns 4 --seed 5 --save saves/monkey-game.cpsave --record saves/monkey.cprep \
    --quiet > sim.out 2>&1 || fail "sim: $(cat sim.out)"

setups=(start human hotseat replay short watch load dialogs late ended)
setup_args() {
    case $1 in
    start) echo "--start" ;;
    human) echo "--scenario baseline --human USA" ;;
    hotseat) echo "--scenario baseline --human USA --human JPN --no-briefing" ;;
    replay) echo "--replay saves/monkey.cprep" ;;
    short) echo "--scenario licensing-2025 --human CHN --turns 3 --no-briefing" ;;
    watch) echo "--scenario escalation-and-pause-2025 --no-briefing" ;;
    load) echo "--load saves/monkey-game.cpsave" ;;
    dialogs) echo "--scenario tech-ban-2023 --human JPN --no-briefing --open deal" ;;
    late) echo "--scenario baseline --human USA --no-briefing --advance 37" ;;
    ended) echo "--scenario baseline --human USA --turns 2 --no-briefing --advance 2" ;;
    esac
}
scales=(1 1 1.5 2 1 1.5)
sizes=(1280x720 1280x720 1920x1080 1280x800 1024x640 1920x1080)

slice=20
[ "$seconds" -gt 60 ] && slice=45
sessions=$(( (seconds + slice - 1) / slice ))
echo "monkey: seed $seed, $seconds s in $sessions sessions (replay: scripts/monkey.sh $seconds $seed)"
for ((k = 0; k < sessions; k++)); do
    [ -n "$only" ] && [ "$k" != "$only" ] && continue
    left=$(( seconds - k * slice ))
    [ "$left" -gt "$slice" ] && left=$slice
    setup=${setups[$(( (seed + k) % ${#setups[@]} ))]}
    scale=${scales[$(( (seed / 8 + k) % ${#scales[@]} ))]}
    size=${sizes[$(( (seed / 8 + k) % ${#sizes[@]} ))]}
    s=$(( seed * 100 + k ))
    # a fresh game.err, and the saves as they were, for each session
    rm -f game.err game.out
    echo "monkey: session $k: $setup, scale $scale, $size, monkey seed $s, $left s"
    # leak checks see the X libraries' allocations: off for the window and the driver
    ASAN_OPTIONS=detect_leaks=0 SDL_VIDEODRIVER=x11 CHOKEPOINT_UI_SCALE=$scale \
        "$monkey" --seed "$s" --seconds "$left" --log "monkey-$k.log" --trace trace.txt -- \
        "$bin" play --size "$size" $(setup_args "$setup")
    status=$?
    if [ "$status" -ne 0 ]; then
        keep="$out/monkey-$seed-$k"
        rm -rf "$keep" && mkdir -p "$keep" && cp "monkey-$k.log" game.err game.out "$keep/" 2> /dev/null
        echo "monkey: session $k ($setup) failed with status $status; its log and the game's output: $keep"
        echo "monkey: to replay it: CHOKEPOINT_MONKEY_SESSION=$k scripts/monkey.sh $seconds $seed"
        echo "monkey:   or the same input again: (under Xvfb, in a folder with those saves)"
        echo "monkey:   CHOKEPOINT_UI_SCALE=$scale $monkey --replay $keep/monkey-$k.log -- $bin play --size $size $(setup_args "$setup")"
        exit 1
    fi
done
echo "monkey: ok: seed $seed, $seconds s, no crash, no sanitizer report, no hang"
exit 0
