#!/usr/bin/env bash
# test_replay_e2e.sh -- the replay viewer in the real window under Xvfb, driven with xdotool:
# a recorded game in saves/ is opened from the start screen (R, "Watch a replay", Watch), then
# stepped with the keys a player uses (Right, Left, End, Home), the Next button and a click on
# the slider; Space (end the turn) must not move a replay on; at Ctrl+Q the window prints the
# turn shown and whether its hash matches the recording.
#
#   test_replay_e2e.sh CHOKEPOINT_BINARY
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool).
e2e_name=test_replay_e2e
e2e_dir=$(cd "$(dirname "$0")" && pwd)
. "$e2e_dir/e2e_lib.sh"
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
