#!/usr/bin/env bash
# test_replay_view.sh -- the replay viewer (`chokepoint play --replay FILE`), offscreen: a
# 6-turn game recorded with an agent that prints and one that fails is opened at given turns;
# the viewer must reach the turn with the world the recording has (its hash equals the
# recorded one and that of the same game played that far with `sim`), and its agents' panel
# must show the failing agent's message and the printing agent's line (read through the
# widget trace, $CHOKEPOINT_UI_TRACE). Also: a replay of the previous format (version 1) still
# opens, a replay of a loaded game opens from the world it carries, and a replay whose scenario
# has changed opens with a warning that it differs.
# Usage: test_replay_view.sh PATH/TO/chokepoint PATH/TO/png_check SOURCE_DIR
set -u
bin=$1
png=$2
src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
export SDL_VIDEODRIVER=offscreen CHOKEPOINT_DATA="$src"
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

agents=(--agent "USA=$src/tests/ui/agents/prints.lua" --agent "JPN=$src/tests/ui/agents/fails.lua")
"$bin" sim --turns 6 --seed 5 "${agents[@]}" --record game.cprep > sim6.out 2> sim6.err
check "the game with a printing and a failing agent is recorded" '[ -s game.cprep ]'
check "the recording replays identically" '"$bin" replay game.cprep | grep -q identical'
check "\`chokepoint replay\` sums up the agents' records (3 failures before the fallback)" \
  '"$bin" replay game.cprep | grep -q "agents: 6 turns recorded, 3 failed agent turns"'
hash6=$(sed -n 's/^hash: //p' sim6.out)
hash4=$("$bin" sim --turns 4 --seed 5 "${agents[@]}" --quiet 2> /dev/null | sed -n 's/^hash: //p')

# view: open the replay at turn N, screenshot and trace; prints the exit line
view() { # turn, replay file, png
  CHOKEPOINT_UI_TRACE="$tmp/trace$1.txt" "$bin" play --replay "$2" --replay-turn "$1" --screenshot "$3" 2> "$3.err"
}
out=$(view 4 game.cprep t4.png)
check "the viewer reaches turn 4" 'printf "%s" "$out" | grep -q "replay at turn 4, hash "'
check "turn 4 matches the recording" 'printf "%s" "$out" | grep -q ": matches$"'
check "turn 4's world is the game played 4 turns with sim ($hash4)" 'printf "%s" "$out" | grep -q "hash $hash4, recorded $hash4"'
check "the panel says turn 4 of 6" 'grep -q "^ReplayTurn	Replay: turn 4 of 6" trace4.txt'
check "the panel shows the hash matches" 'grep -q "^ReplayHash	match	" trace4.txt'
check "at turn 4 the failing seat has fallen back and no longer fails" \
  'grep "^ReplayAgent/JPN" trace4.txt | grep -q " ok "'
check "the screenshot is drawn" '"$png" t4.png 1280 720 > /dev/null'

out=$(view 6 game.cprep t6.png)
check "the last turn's hash is the game's ($hash6)" 'printf "%s" "$out" | grep -q "replay at turn 6, hash $hash6, recorded $hash6: matches"'

out=$(view 1 game.cprep t1.png)
check "turn 1 matches" 'printf "%s" "$out" | grep -q "replay at turn 1, .*: matches"'
check "the panel shows the failing agent's message" \
  'grep "^ReplayAgent/JPN" trace1.txt | grep -q "failed: .*fails.lua:5: fails on purpose"'
check "the panel shows the printing agent's line" \
  'grep -q "^ReplayLine/USA	USA .*prints.lua: prints sees turn 0" trace1.txt'
check "the panel shows the agents' budget use" 'grep "^ReplayAgent/USA" trace1.txt | grep -q "/2000000 ok"'
check "the failing agent is listed first" '[ "$(grep -m1 "^ReplayAgent/" trace1.txt | cut -f1)" = "ReplayAgent/JPN" ]'
# recorded with --quiet: the terminal stays quiet, the recording still has the print() lines
"$bin" sim --turns 2 --seed 5 "${agents[@]}" --record quiet.cprep --quiet > quiet.out 2> quiet.err
check "sim --quiet prints no agent's print() line" '! grep -q "prints sees" quiet.err'
check "but still says that an agent failed" 'grep -q "fails.lua:5: fails on purpose" quiet.err'
out=$(CHOKEPOINT_UI_TRACE="$tmp/traceq.txt" "$bin" play --replay quiet.cprep --replay-turn 1 --screenshot q1.png 2>&1)
check "a --quiet recording keeps the print() lines for the viewer" \
  'grep -q "^ReplayLine/USA	USA .*prints.lua: prints sees turn 0" traceq.txt'
check "no order dock in a replay" '! grep -q "^Orders	" trace1.txt'
out=$(CHOKEPOINT_UI_TRACE="$tmp/adv.txt" "$bin" play --replay game.cprep --replay-turn 2 --advance 3 --screenshot adv.png 2>&1)
check "ending the turn does nothing in a replay (still turn 2)" 'printf "%s" "$out" | grep -q "replay at turn 2, .*: matches"'
out=$(view 0 game.cprep t0.png)
check "turn 0 is the start" 'printf "%s" "$out" | grep -q "replay at turn 0, .*: matches"'
out=$(view 99 game.cprep t99.png)
check "a turn past the end shows the last" 'printf "%s" "$out" | grep -q "replay at turn 6, hash $hash6"'

# this model version's replay fixture (recorded with no agents) opens and matches
out=$(view 4 "$src/tests/fixtures/replays/v4-baseline-4turns.cprep" v4.png)
check "the replay fixture opens and matches" 'printf "%s" "$out" | grep -q "replay at turn 4, .*: matches"'
check "it has no agents' record to show" '! grep -q "^ReplayAgent" trace4.txt && grep -q "^ReplayTurn	Replay: turn 4 of 4" trace4.txt'
# a replay recorded under model version 1 is refused, saying so
view 4 "$src/tests/fixtures/replays/v1-baseline-4turns.cprep" v1.png > /dev/null
check "a model version 1 replay is refused, saying so" 'grep -q "recorded under model version 1 of the rules" v1.png.err'

# a replay of a loaded game carries its start world
"$bin" sim --turns 3 --seed 9 --save "$tmp/k3.cpsave" --quiet > /dev/null 2>&1
"$bin" sim --load "$tmp/k3.cpsave" --turns 3 --record loaded.cprep --quiet > loaded.out 2> /dev/null
out=$(view 6 loaded.cprep loaded.png)
check "a replay of a loaded game opens at its turns" \
  'printf "%s" "$out" | grep -q "replay at turn 6, hash $(sed -n "s/^hash: //p" loaded.out), .*: matches"'

# a changed scenario: the viewer opens and says it differs
cp "$src/scripts/scenarios/baseline.lua" mine.lua
"$bin" sim --scenario ./mine.lua --turns 3 --seed 2 --record mine.cprep --quiet > /dev/null 2>&1
sed -i 's/^  goods = world.goods(1),/  goods = world.goods(3),/' mine.lua
out=$(view 2 mine.cprep mine.png)
check "a replay of a changed scenario shows that it differs" 'printf "%s" "$out" | grep -q ": DIFFERS$"'
check "the panel warns" 'grep -q "^ReplayHash	differs	" trace2.txt'

# a tournament's replays carry the agents' records, naming the agent's own file
"$bin" tournament --agents "$src/tests/ui/agents/prints.lua,$src/tests/ui/agents/fails.lua" --seat USA \
  --seeds 1 --turns 3 --replays tour > tour.out 2>&1
out=$(view 1 tour/fails-seed1.replay tour.png)
check "a tournament replay opens and matches" 'printf "%s" "$out" | grep -q "replay at turn 1, .*: matches"'
check "its failing agent's message names the agent's file, not the tournament's copy" \
  'grep "^ReplayAgent/USA" trace1.txt | grep -q "failed: [^	]*tests/ui/agents/fails.lua:5: fails on purpose" &&
   ! grep -q "chokepoint-tournament-" trace1.txt'
out=$(view 1 tour/prints-seed1.replay tour.png)
check "a tournament replay keeps the agent's print() lines" \
  'grep -q "^ReplayLine/USA	USA .*prints.lua: prints sees turn 0" trace1.txt'

# refusals
out=$("$bin" play --replay nosuch.cprep --screenshot x.png 2>&1); st=$?
check "a missing replay is refused by name (status $st)" '[ $st -eq 2 ] && printf "%s" "$out" | grep -q "nosuch.cprep"'
check "a version 2 recording replays with \`chokepoint replay\` too" '"$bin" replay --quiet loaded.cprep'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
