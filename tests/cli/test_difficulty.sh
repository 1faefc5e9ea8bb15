#!/usr/bin/env bash
# test_difficulty.sh -- the difficulty levels on the command line (issue 22): --difficulty of
# sim, tournament, serve and check-agent refuses anything but easy, normal and hard, naming the
# flag and the three; a game at each level with an agent that reads view.difficulty
# (tests/script/agents/difficulty_tariff.lua) ends with its own hash, and no flag plays normal;
# a save and a recording keep the level (sim --load plays on as the game never stopped, replay
# names it); a tournament's agents and other seats play it, its sidecar records it and each
# row's command plays the match again with it. Help, man page and completion name the flag.
# Usage: test_difficulty.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
export CHOKEPOINT_DATA=$src
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
agent=$src/tests/script/agents/difficulty_tariff.lua
hash() { sed -n 's/^hash: //p'; }

# ---- refusals: exit 2, the flag and the three levels named, the usage after it
for cmd in "sim" "tournament --agents do_nothing --seat USA" "serve --scenario baseline" \
           "check-agent do_nothing"; do
  name=${cmd%% *}
  for value in medium HARD "" "easy,hard"; do
    "$bin" $cmd --difficulty "$value" > out 2> err; status=$?
    want="chokepoint $name: --difficulty: '$value' is not a difficulty: easy, normal or hard"
    check "$name --difficulty '$value' refused" \
      '[ $status -eq 2 ] && [ ! -s out ] && [ "$(sed -n 1p err)" = "$want" ] && sed -n 2p err | grep -q "^usage: chokepoint $name"'
  done
  "$bin" help "$name" > help.txt
  check "help $name names --difficulty and its levels" 'grep -q -- "--difficulty.*easy|normal|hard" help.txt && grep -Eq "^ +--difficulty" help.txt'
done

# ---- levels make games: each its own hash, no flag is normal, the header names the level
for level in easy normal hard; do
  "$bin" sim --turns 3 --seed 4 --agent "USA=$agent" --difficulty "$level" > "$level.out" 2> "$level.err"
  check "sim --difficulty $level: the agent reads $level" 'grep -q "difficulty $level turn 2" $level.err'
done
"$bin" sim --turns 3 --seed 4 --agent "USA=$agent" > none.out 2> none.err
h_easy=$(hash < easy.out) h_normal=$(hash < normal.out) h_hard=$(hash < hard.out)
check "three levels, three hashes" '[ -n "$h_easy" ] && [ "$h_easy" != "$h_normal" ] && [ "$h_normal" != "$h_hard" ] && [ "$h_easy" != "$h_hard" ]'
check "no --difficulty plays normal" '[ "$(hash < none.out)" = "$h_normal" ] && grep -q "difficulty normal turn 0" none.err'
check "the header names a level that is not normal" 'grep -q "seed 4, 3 turns, difficulty hard$" hard.out && grep -q "seed 4, 3 turns$" normal.out'
check "--difficulty=hard is --difficulty hard" '[ "$("$bin" sim --turns 3 --seed 4 --agent "USA=$agent" --difficulty=hard --quiet 2>/dev/null | hash)" = "$h_hard" ]'
check "a shortened flag (--diff)" '[ "$("$bin" sim --turns 3 --seed 4 --agent "USA=$agent" --diff easy --quiet 2>/dev/null | hash)" = "$h_easy" ]'

# ---- a save keeps the level; --load plays on with it, or with another one when given
"$bin" sim --turns 1 --seed 4 --agent "USA=$agent" --difficulty hard --save h.cpsave --quiet > /dev/null 2>&1
"$bin" sim --load h.cpsave --turns 2 > load.out 2> load.err
check "a loaded save plays on at its level, as if never stopped" '[ "$(hash < load.out)" = "$h_hard" ] && grep -q "difficulty hard turn 2" load.err'
check "the loaded game's header names its level" 'grep -q "more turns, difficulty hard$" load.out'
"$bin" sim --load h.cpsave --turns 2 --difficulty easy > load2.out 2> load2.err
check "--load with --difficulty changes it from then on" 'grep -q "difficulty easy turn 1" load2.err && [ "$(hash < load2.out)" != "$h_hard" ]'

# ---- a recording keeps it; replay names it and finds every turn identical
"$bin" sim --turns 3 --seed 4 --agent "USA=$agent" --difficulty easy --record e.cprep --quiet > /dev/null 2>&1
"$bin" replay e.cprep > replay.out 2>&1; status=$?
check "the replay of an easy game is identical and says easy" '[ $status -eq 0 ] && grep -q "seed 4, difficulty easy, turns 1 to 3: identical (hash $h_easy)" replay.out'
"$bin" replay "$src/tests/fixtures/replays/v4-baseline-4turns.cprep" > v4.out 2>&1
check "a format 4 replay reads, as normal" 'grep -q "seed 3, turns 1 to 4: identical" v4.out'

# ---- a tournament: every seat at the level, recorded in the sidecar and in each row's command
"$bin" tournament --agents "$agent,do_nothing" --seat USA --seeds 1-2 --turns 3 --jobs 1 --quiet \
  --difficulty hard --csv hard.csv > /dev/null 2>&1
"$bin" tournament --agents "$agent,do_nothing" --seat USA --seeds 1-2 --turns 3 --jobs 1 --quiet \
  --csv normal.csv > /dev/null 2>&1
pkg() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
check "the sidecar records the level" '[ "$(pkg hard.datapackage.json "d[\"chokepoint\"][\"difficulty\"]")" = hard ] && [ "$(pkg normal.datapackage.json "d[\"chokepoint\"][\"difficulty\"]")" = normal ]'
check "the agent's rows differ by level" '[ "$(sed -n 2p hard.csv | cut -d, -f7)" != "$(sed -n 2p normal.csv | cut -d, -f7)" ]'
check "every hard row's command says --difficulty hard, no normal row's does" '[ "$(tail -n +2 hard.csv | grep -c -- "--difficulty hard")" -eq 4 ] && ! grep -q -- --difficulty normal.csv'
for m in 2 3; do
  row=$(sed -n "${m}p" hard.csv)
  rerun=$(printf "%s\n" "$row" | sed -E 's/.*,"?([^,"]*chokepoint sim [^"]*)"?$/\1/')
  want=$(printf "%s\n" "$row" | cut -d, -f7)
  got=$(eval "$rerun" 2>/dev/null | hash)
  check "hard row $((m - 1))'s command gives its hash" '[ -n "$got" ] && [ "$got" = "$want" ]'
done

# ---- check-agent plays the agent at the level it is given
"$bin" check-agent "$agent" --turns 1 --difficulty easy > ca.out 2>&1; status=$?
check "check-agent --difficulty easy: sound, and says the level" '[ $status -eq 0 ] && grep -q "(seed 1, difficulty easy), twice" ca.out'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
