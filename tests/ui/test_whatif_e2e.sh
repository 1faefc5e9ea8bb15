#!/usr/bin/env bash
# test_whatif_e2e.sh -- the orders dock's "What if?" in the real window under Xvfb (issue 22).
#
# As the United States: the Tariffs tab's order (25% on Chinese magnets), What if? (the button),
# the card beside the dock with the score and its parts, the price and the shortage without and
# with the order; its close button; W opens it again; changing the order drops it (it no longer
# describes the form). Then the quarter is ended and the game quit: its state hash must be the
# one of the same game played with the same clicks but no What if?, since a forecast never
# changes the game.
#
#   test_whatif_e2e.sh CHOKEPOINT_BINARY
# Exit 0 passed, 1 failed, 77 skipped (no Xvfb or xdotool).
e2e_name=test_whatif_e2e
e2e_dir=$(cd "$(dirname "$0")" && pwd)
. "$e2e_dir/e2e_lib.sh"
space_end() {
    key space
    wait_trace Confirm end-turn
    key space
}
# "a -> b (c)": the figures of a What if? row
row_ok() { printf "%s" "$1" | grep -Eq '^[-0-9.$/kg%]+ -> [-0-9.$/kg%]+ \([-+0-9.]+( pts)?\)$'; }

play_quarter() { # $1 = 1: ask What if? on the way
    start_game --scenario baseline --seed 3 --human USA --no-briefing
    click Tab/Tariffs
    wait_trace Tariffs/Rate 25%
    if [ "$1" = 1 ]; then
        click WhatIf
        wait_trace WhatIf/Score
        for id in Score security prosperity leverage stability Price Shortage; do
            v=$(value "WhatIf/$id")
            row_ok "$v" || fail "What if? row $id reads '$v'"
        done
        ok "What if? shows the score, its parts, the price and the shortage without and with the order"
        s=$(value WhatIf/Score)
        [ "${s%% -> *}" != "$(printf "%s" "$s" | sed 's/.* -> \([^ ]*\) .*/\1/')" ] &&
            ok "a 25% tariff moves the forecast score ($s)" || fail "the tariff changed no score: $s"
        click WhatIf/Close
        wait_gone WhatIf/Score
        ok "the close button hides it"
        key w
        wait_trace WhatIf/Score
        ok "W asks again"
    fi
    click "Tariffs/Rate/>"
    wait_trace Tariffs/Rate 30%
    if [ "$1" = 1 ]; then
        wait_gone WhatIf/Score
        ok "changing the order drops the answer about the old one"
        click WhatIf
        wait_trace WhatIf/Score
    fi
    space_end
    wait_trace Turn 1
    wait_trace Report/Ok
    key Escape
    wait_gone Report/Ok
    quit_game
    hash=$(sed -n 's/.*hash \([0-9a-f]*\).*/\1/p' game.out)
}

play_quarter 1
with=$hash
play_quarter 0
without=$hash
[ -n "$with" ] && [ "$with" = "$without" ] && ok "the game is the same with and without What if? ($with)" ||
    fail "hash $with with What if?, $without without"
echo "$passed passed"
