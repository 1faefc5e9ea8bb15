#!/usr/bin/env bash
# test_confirm_e2e.sh -- the questions the window asks before what cannot be taken back, in the
# real window under Xvfb, driven with xdotool as a player would:
#   - Space asks before ending the turn ("End the turn?"): Esc goes back, Space again ends it;
#     Enter ends it at once;
#   - an order composed in the dock and never queued makes Enter and the End turn button ask,
#     naming the order; "Go back" keeps the turn; once queued, the turn ends without a question;
#   - with quarters played since the last save, Ctrl+Q and the window's close button (the
#     window manager's WM_DELETE_WINDOW) ask ("Quit without saving?"); Esc stays, a second
#     close quits; "Save and quit..." saves under a typed name, then quits (Backspace after a
#     letter of two UTF-8 bytes removes the whole letter);
#   - with nothing unsaved (a game just loaded), Ctrl+Q quits at once.
#
#   test_confirm_e2e.sh CHOKEPOINT_BINARY MONKEY_BINARY
# (the monkey test's driver sends the window's close, which xdotool cannot)
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool).
e2e_name=test_confirm_e2e
e2e_dir=$(cd "$(dirname "$0")" && pwd)
monkey=${2:?usage: test_confirm_e2e.sh CHOKEPOINT_BINARY MONKEY_BINARY}
monkey=$(cd "$(dirname "$monkey")" && pwd)/$(basename "$monkey")
. "$e2e_dir/e2e_lib.sh"
alive() { kill -0 "$game_pid" 2> /dev/null; }

start_game --scenario baseline --seed 3 --human USA --no-briefing

# ---- Space asks; Esc goes back; Space twice ends the turn --------------------------------
key space
wait_trace Confirm end-turn
[ "$(value Turn)" = 0 ] && ok "Space asks before ending the turn" || fail "the turn moved on to $(value Turn)"
value Confirm/Text | grep -q "United States ends its turn for 2025Q1 with 0 orders queued" &&
    ok "the question says who ends which quarter" || fail "question: $(value Confirm/Text)"
key Escape
wait_gone Confirm
sleep 0.5
[ "$(value Turn)" = 0 ] && ok "Esc goes back: still turn 0" || fail "Esc ended the turn"
key space
wait_trace Confirm end-turn
key space
wait_trace Turn 1
ok "Space, Space ends the turn"
close_report
key Return
wait_trace Turn 2
[ -z "$(rect Confirm)" ] && ok "Enter ends it at once" || fail "Enter asked with nothing composed"
close_report

# ---- an order composed and not queued -------------------------------------------------------
click Tab/Tariffs
wait_trace Tariffs/Rate 25%
click "Tariffs/Rate/>"
wait_trace Tariffs/Rate 30%
click EndTurn
wait_trace Confirm end-turn
value Confirm/Text | grep -q "Tariffs: Tariff of 30% on NdFeB magnets from China" &&
    ok "the End turn button asks, naming the order not queued" || fail "question: $(value Confirm/Text)"
click Confirm/No
wait_gone Confirm
[ "$(value Turn)" = 2 ] && ok "Go back keeps the turn" || fail "Go back ended the turn"
key Return
wait_trace Confirm end-turn
ok "Enter asks too while the order is not queued"
key Escape
wait_gone Confirm
click Queue
wait_trace Undo/0
key Return
wait_trace Turn 3
[ -z "$(rect Confirm)" ] && ok "once queued, Enter ends the turn without a question" || fail "asked after queueing"
close_report

# ---- quitting with quarters not saved ---------------------------------------------------------
key ctrl+q
wait_trace Confirm quit
value Confirm/Text | grep -q "3 quarters were played since this game was last saved" &&
    ok "Ctrl+Q asks: 3 quarters not saved" || fail "question: $(value Confirm/Text)"
value Confirm/Text | grep -q "autosave keeps turn 3" && ok "and says where the autosave is" ||
    fail "no autosave named: $(value Confirm/Text)"
key Escape
wait_gone Confirm
sleep 0.5
alive && ok "Esc: the game goes on" || fail "the game quit on Esc"
"$monkey" --close-window "$win"
wait_trace Confirm quit
sleep 0.3
alive && ok "the window's close button asks too" || fail "the window closed without asking"
"$monkey" --close-window "$win"
j=0
while alive; do
    j=$((j + 1)); [ $j -gt 200 ] && fail "a second close did not quit"; sleep 0.1
done
wait "$game_pid"
status=$?
game_pid=
[ $status -eq 0 ] && grep -q "turn 3" game.out && ok "a second close quits (turn 3)" || fail "status $status: $(cat game.out)"

# ---- save and quit ------------------------------------------------------------------------------
start_game --scenario baseline --seed 3 --human USA --no-briefing
key Return
wait_trace Turn 1
close_report
key ctrl+q
wait_trace Confirm quit
click Confirm/Save
wait_trace Save/Name
for _ in $(seq 1 40); do xdotool key --window "$win" BackSpace; done
# a letter of two bytes and Backspace: the whole letter goes (a byte at a time left a broken one)
xdotool type --window "$win" --delay 50 keepm
wait_trace Save/Name keepm
"$monkey" --keys "$win" eacute || fail "could not type é" # xdotool's own remapping races the game
wait_trace Save/Name "keepmé"
key BackSpace
wait_trace Save/Name keepm
xdotool type --window "$win" --delay 50 e
wait_trace Save/Name keepme
key Return
j=0
while alive; do
    j=$((j + 1)); [ $j -gt 200 ] && fail "Save and quit did not quit"; sleep 0.1
done
wait "$game_pid"
game_pid=
[ -f saves/keepme.cpsave ] && ok "Save and quit saves saves/keepme.cpsave, then quits" || fail "no saves/keepme.cpsave"

# ---- nothing unsaved: no question ---------------------------------------------------------------
start_game --load keepme.cpsave
wait_trace Seat USA
xdotool key --window "$win" ctrl+q
j=0
while alive; do
    [ -n "$(rect Confirm)" ] && fail "asked with nothing unsaved"
    j=$((j + 1)); [ $j -gt 200 ] && fail "Ctrl+Q did not quit a game just loaded"; sleep 0.1
done
wait "$game_pid"
game_pid=
ok "a game just loaded quits at once"
echo "$passed passed, 0 failed"
