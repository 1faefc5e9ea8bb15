#!/usr/bin/env bash
# test_difficulty_e2e.sh -- the difficulty on the start screen of the real window under Xvfb,
# driven with xdotool (issue 22): it starts at Normal; the D key steps it (Easy, Normal, Hard,
# round again) and its arrows too; the game started at Hard says so in the menu, and its save
# keeps it (read headless by `chokepoint sim --load SAVE --turns 0`, and by the window again);
# `play --difficulty easy` opens the start screen at Easy.
#
#   test_difficulty_e2e.sh CHOKEPOINT_BINARY
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool).
e2e_name=test_difficulty_e2e
e2e_dir=$(cd "$(dirname "$0")" && pwd)
. "$e2e_dir/e2e_lib.sh"

start_game
wait_trace Start/Difficulty Normal
ok "the start screen offers the difficulty, Normal first"
key d
wait_trace Start/Difficulty Hard
key d
wait_trace Start/Difficulty Easy
ok "the D key steps the difficulty: Normal, Hard, Easy"
click 'Start/Difficulty/>'
wait_trace Start/Difficulty Normal
click 'Start/Difficulty/>'
wait_trace Start/Difficulty Hard
ok "its arrow steps it too"
click Start/Seat/USA/\<
wait_trace Start/Seat/USA Human
key Return
wait_trace Seat USA
wait_trace Briefing/Body # the briefing shows first: Esc closes it
key Escape
wait_gone Briefing/Body
click Menu
wait_trace Menu/Difficulty hard
ok "the game started at Hard says so in its menu"
key Escape
wait_gone Menu/Difficulty
key ctrl+s
wait_trace Save/Name
for _ in $(seq 1 40); do xdotool key --window "$win" BackSpace; done
xdotool type --window "$win" --delay 50 hardgame
wait_trace Save/Name hardgame
key Return
j=0; until [ -f saves/hardgame.cpsave ]; do j=$((j + 1)); [ $j -gt 100 ] && fail "no saves/hardgame.cpsave"; sleep 0.1; done
quit_game
ASAN_OPTIONS=detect_leaks=0 "$bin" sim --load saves/hardgame.cpsave --turns 0 > sim.out 2>&1
grep -q "more turns, difficulty hard$" sim.out && ok "the window's save keeps Hard (sim --load reads it)" ||
    fail "sim --load: $(head -3 sim.out)"

start_game --load saves/hardgame.cpsave --no-briefing
click Menu
wait_trace Menu/Difficulty hard
ok "the window loads the save at Hard"
key Escape
quit_game

start_game --difficulty easy
wait_trace Start/Difficulty Easy
ok "play --difficulty easy opens the start screen at Easy"
quit_game
echo "$passed passed"
