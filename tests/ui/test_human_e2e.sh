#!/usr/bin/env bash
# test_human_e2e.sh -- play the United States in the real window under Xvfb, driven with xdotool.
#
# Three quarters as a player would play them: a 25% tariff on Chinese magnets (the Tariffs tab
# of the orders dock), a mine at home (the Build tab), an offtake deal offered to Australia (the
# deal dialog, D, then A to jump to Australia), each turn ended with Space (asked, and Space again);
# then save (Ctrl+S,
# a typed name), quit (Ctrl+Q), start again on the start screen, load the save (L, click it
# twice) and check that the loaded game shows those orders: the tariff in force in the dock,
# the deal in the Deals tab, the same state hash at both quits, and, read headless by
# `chokepoint sim --load SAVE --turns 0 --csv DIR`, the mine and the deal in the CSV files.
# Then hotseat, the United States and Japan sharing the window: the United States offers Japan
# an offtake, Japan counters it with a longer term (Deals tab, Counter..., Term, Send counter),
# the United States sees the new terms and accepts, and the deal is in force a quarter later.
#
# The window writes where each control of the play layer is into $CHOKEPOINT_UI_TRACE
# ("id<TAB>value<TAB>x y w h"), so the clicks land on the controls wherever the layout puts them.
#
#   test_human_e2e.sh CHOKEPOINT_BINARY
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool).
e2e_name=test_human_e2e
e2e_dir=$(cd "$(dirname "$0")" && pwd)
. "$e2e_dir/e2e_lib.sh"
# Space asks first ("End the turn?"), and Space again ends it
space_end() {
    key space
    wait_trace Confirm end-turn
    key space
}
end_turn() { # and wait for quarter $1, and read its report
    space_end
    wait_trace Turn "$1"
    close_report
}

# ---- first session: three quarters as the United States -------------------------------
start_game --scenario baseline --seed 3 --human USA --no-briefing
[ "$(value Seat)" = USA ] && ok "the United States is the human seat" || fail "seat is '$(value Seat)'"

# quarter 1: a 25% tariff on Chinese magnets
click Tab/Tariffs
wait_trace Tariffs/Good "NdFeB magnets"
wait_trace Tariffs/From China
wait_trace Tariffs/Rate 25%
[ "$(value Check)" = ok ] || fail "the core refuses the tariff: $(value Check)"
click Queue
wait_trace Undo/0
value Order/0 | grep -q "Tariff of 25% on NdFeB magnets from China" && ok "the tariff is queued" ||
    fail "queued: $(value Order/0)"
end_turn 1
[ -z "$(rect Undo/0)" ] && ok "the queue empties when the turn ends" || fail "orders still queued"
echo "$last_report" | grep '^Report/Order/' | grep -qi "tariff" && ok "the end-of-turn report says what the tariff order did" ||
    fail "report: $last_report"

# quarter 2: a mine at home
click Tab/Build
wait_trace Build/What Mine
wait_trace Build/Where "United States"
click Queue
wait_trace Undo/0
value Order/0 | grep -q "Build a mine of 5,000 t/yr in United States" && ok "the mine is queued" ||
    fail "queued: $(value Order/0)"
# undo works until the turn ends: withdraw it and queue it again
click Undo/0
j=0; while [ -n "$(rect Undo/0)" ]; do j=$((j + 1)); [ $j -gt 100 ] && fail "undo left the order"; sleep 0.1; done
ok "undo withdraws the order"
click Queue
wait_trace Undo/0
end_turn 2

# quarter 3: an offtake deal offered to Australia
key d
wait_trace Deal/With
key a
wait_trace Deal/With Australia
wait_trace Deal/Clause "Offtake contract"
click Deal/Add
wait_trace Deal/ClauseText
value Deal/ClauseText | grep -q "Australia" && ok "the clause names Australia" || fail "clause: $(value Deal/ClauseText)"
click Deal/Propose
j=0
until value Message | grep -q "proposed to Australia"; do
    j=$((j + 1)); [ $j -gt 100 ] && fail "no proposal: $(value Message) $(value Deal/Message)"; sleep 0.1
done
deal=$(value Proposed)
wait_trace "Deal/$deal" proposed
ok "deal #$deal proposed to Australia"
end_turn 3
echo "$last_report" | grep '^Report/Deal/' | grep -q "Australia" && ok "the report gives the deal's answer: $(echo "$last_report" | grep '^Report/Deal/' | head -1 | cut -f2)" ||
    fail "report: $last_report"
status=$(value "Deal/$deal")
[ -n "$status" ] && ok "after the turn the deal is $status" || fail "the deal is gone from the Deals tab"
value Message | grep -q "Deal with Australia (.*): $(echo "$status" | sed 's/^./\U&/')" && ok "the dock says what became of it" ||
    fail "message: $(value Message)"

# save under a typed name, then quit
key ctrl+s
wait_trace Save/Name
for _ in $(seq 1 40); do xdotool key --window "$win" BackSpace; done
xdotool type --window "$win" --delay 50 e2egame
wait_trace Save/Name e2egame
key Return
j=0; until [ -f saves/e2egame.cpsave ]; do j=$((j + 1)); [ $j -gt 100 ] && fail "no saves/e2egame.cpsave"; sleep 0.1; done
ok "saved to saves/e2egame.cpsave"
ls saves/autosave-baseline-*.cpsave > /dev/null 2>&1 && ok "autosaves every quarter" || fail "no autosave"
quit_game
hash1=$(sed -n 's/.*hash \([0-9a-f]*\).*/\1/p' game.out)
grep -q "turn 3" game.out && ok "quit at turn 3" || fail "quit: $(cat game.out)"

# ---- second session: the start screen, load, and the orders are there -------------------
start_game
wait_trace Start/Go
ok "the start screen shows without --scenario"
key l
wait_trace Load/0
row=$(awk -F'\t' '$1 ~ /^Load\/[0-9]+$/ && $2 == "e2egame.cpsave" { print $1; exit }' "$trace")
[ -n "$row" ] || fail "the load dialog does not list e2egame.cpsave"
click "$row"
wait_trace Load/Go
click Load/Go
wait_trace Turn 3
wait_trace Seat USA
ok "loaded at turn 3 with the United States as the human seat"
click Tab/Tariffs
wait_trace Tariffs/From China
wait_trace Tariffs/Good "NdFeB magnets"
wait_trace Tariffs/Now "Now: 25%"
ok "the loaded game shows the tariff in force"
click Tab/Deals
wait_trace "Deal/$deal" "$status"
ok "the loaded game shows deal #$deal ($status)"
quit_game
hash2=$(sed -n 's/.*hash \([0-9a-f]*\).*/\1/p' game.out)
[ -n "$hash1" ] && [ "$hash1" = "$hash2" ] && ok "same state hash before saving and after loading ($hash1)" ||
    fail "hash $hash1 before, $hash2 after"

# ---- the save read headless ---------------------------------------------------------------
"$bin" sim --load saves/e2egame.cpsave --turns 0 --csv csv --quiet > sim.out 2>&1 || fail "sim --load: $(cat sim.out)"
grep -q "hash: $hash1" sim.out && ok "sim --load gives the same hash" || fail "sim: $(cat sim.out)"
grep -Eq ',mine,USA,USA,5000(\.0*)?,' csv/facilities.csv && ok "facilities.csv has the new 5,000 t mine in the United States" ||
    fail "no new mine in facilities.csv: $(grep USA csv/facilities.csv)"
grep -q "tariff" csv/news.csv && grep "tariff" csv/news.csv | grep -q "USA" && ok "news.csv has the tariff" ||
    fail "no tariff in news.csv"
[ -f csv/deals.csv ] && grep -q "AUS" csv/deals.csv && ok "deals.csv has the deal with Australia" ||
    fail "no deal in deals.csv: $(ls csv)"
# ---- a new game from the start screen: a scenario, a human seat, a seed --------------------
start_game
click Start/Scenario/licensing-2025
wait_trace Start/Seat/USA
click Start/Seat/USA/\<
wait_trace Start/Seat/USA Human
click Start/Seed/\>
wait_trace Start/Seed 2
value Start/Scenario/licensing-2025 | grep -q "^Licensing 2025" && ok "the start screen lists scenarios by title" ||
    fail "scenario shown as: $(value Start/Scenario/licensing-2025)"
# the seed is typed: click its value, Backspace, digits, Enter
click Start/SeedField
wait_trace Start/SeedField typing
key BackSpace
xdotool type --window "$win" --delay 50 4711
key Return
wait_trace Start/Seed 4711
ok "a seed is typed into the start screen"
key Return
wait_trace Seat USA
quit_game
grep -q "seed 4711" game.out && ok "the start screen starts licensing-2025 with the typed seed 4711, the United States human" ||
    fail "quit line: $(cat game.out)"

# ---- hotseat: two human seats share the window ---------------------------------------------
start_game --scenario baseline --seed 3 --human USA --human JPN
wait_trace Handover USA
value Screen | grep -q "handover briefing" && ok "hotseat shows the briefing too, over the hand-over screen" ||
    fail "screen: $(value Screen)"
key Return
j=0
until ! value Screen | grep -q briefing; do
    j=$((j + 1)); [ $j -gt 50 ] && fail "Enter did not close the briefing: $(value Screen)"; sleep 0.1
done
value Screen | grep -q handover && ok "Enter closes the briefing first, the hand-over stays" || fail "screen: $(value Screen)"
ok "hotseat opens on the hand-over screen: Pass to United States"
[ -z "$(rect Tab/Build)" ] && ok "the hand-over screen hides the orders dock" || fail "the dock shows under the hand-over"
key Return
wait_trace Seat USA
click Tab/Tariffs
click Queue
wait_trace Order/0
# and an offtake offered to Japan, the other human seat
key d
wait_trace Deal/With
key j
wait_trace Deal/With Japan
wait_trace Deal/Clause "Offtake contract"
click Deal/Add
wait_trace Deal/ClauseText
click Deal/Propose
j=0
until value Message | grep -q "proposed to Japan"; do
    j=$((j + 1)); [ $j -gt 100 ] && fail "no proposal to Japan: $(value Message) $(value Deal/Message)"; sleep 0.1
done
offer=$(value Proposed)
space_end
wait_trace Handover JPN
[ "$(value Turn)" = 0 ] && ok "ending the first seat's turn passes to Japan, same quarter" || fail "turn $(value Turn)"
[ -z "$(rect Order/0)" ] && ok "nothing of the United States' orders shows on the hand-over" || fail "orders visible"
key Return
wait_trace Seat JPN
[ -z "$(rect Order/0)" ] && ok "Japan does not see the United States' queued orders" || fail "Japan sees $(value Order/0)"
# Japan counters: a longer term
click Tab/Deals
wait_trace "Deal/$offer" proposed
click "Deal/$offer/Counter"
wait_trace Deal/Title "Counter the offer from United States"
ok "Counter opens the dialog on deal #$offer"
wait_trace Deal/Term "8 quarters"
click "Deal/Term/>"
wait_trace Deal/Term "12 quarters"
click Deal/Propose
j=0
until value Message | grep -q "Counter sent to United States"; do
    j=$((j + 1)); [ $j -gt 100 ] && fail "no counter: $(value Message) $(value Deal/Message)"; sleep 0.1
done
ok "Japan's counter is sent"
space_end
wait_trace Turn 1
wait_trace Handover USA
ok "when the last seat ends, the quarter resolves and passes back to the United States"
# the United States sees the counter, waiting for its answer, and accepts it
key Return
wait_trace Seat USA
close_report
click Tab/Deals
wait_trace "Deal/$offer" proposed
value "Deal/$offer/Text" | grep -q "for 12 quarters" && ok "the United States sees Japan's terms (12 quarters)" ||
    fail "terms shown: $(value "Deal/$offer/Text")"
click "Deal/$offer/Accept"
j=0
until value Message | grep -q "You accepted the deal with Japan"; do
    j=$((j + 1)); [ $j -gt 100 ] && fail "no acceptance: $(value Message)"; sleep 0.1
done
space_end
wait_trace Handover JPN
key Return
wait_trace Seat JPN
close_report
ok "Japan reads its own report of the quarter"
space_end
wait_trace Turn 2
wait_trace Handover USA
key Return
wait_trace Seat USA
close_report
click Tab/Deals
wait_trace "Deal/$offer" active
value "Deal/$offer/Terms" | grep -q "in force to 2028Q2" && ok "the countered deal is in force after the next quarter, for 12 quarters" ||
    fail "in force: $(value "Deal/$offer/Terms")"
quit_game

echo "$passed passed, 0 failed"
