#!/usr/bin/env bash
# test_save_cli.sh -- saves and replays as a user meets them: `sim --save`,
# `sim --load`, `sim --record`, `chokepoint replay`. A game saved at any
# turn and continued ends with the hash of the game never stopped; damaged,
# foreign, future and wrong-scenario saves are refused with exit status 2
# and a message naming the file, and refusing one changes nothing on disk;
# a replay matches (0), differs at a named turn (1) or is bad (2).
# Usage: test_save_cli.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
expect() { # status, name, fragment of the message, args...
  local want=$1 name=$2 frag=$3; shift 3
  local out; out=$("$bin" "$@" 2>&1); local st=$?
  if [ $st -eq "$want" ] && printf "%s" "$out" | grep -q -- "$frag"; then ok "$name"
  else bad "$name (status $st: $out)"; fi
}

straight=$("$bin" sim --turns 12 --seed 7 --quiet)
# every nation plays its scenario's default agent, so the saves below carry agents' memories
passive=$("$bin" sim --turns 12 --seed 7 --quiet --no-agents)
check "the agents play: their game differs from the scenario alone" '[ "$passive" != "$straight" ]'
for k in 0 1 5 11 12; do
  "$bin" sim --turns $k --seed 7 --quiet --save "k$k.cpsave" > /dev/null
  rest=$("$bin" sim --load "k$k.cpsave" --turns $((12 - k)) --quiet)
  check "saved at turn $k, loaded, played on: the same hash" '[ "$rest" = "$straight" ]'
done
check "a bare file name is saved into saves/" '[ -f saves/k5.cpsave ] && [ ! -e k5.cpsave ]'
"$bin" sim --load k1.cpsave --turns 6 --save k7b.cpsave --quiet > /dev/null
chained=$("$bin" sim --load k7b.cpsave --turns 5 --quiet)
check "saved, loaded, saved again, loaded: the same hash" '[ "$chained" = "$straight" ]'
full=$("$bin" sim --seed 7 --quiet)
rest=$("$bin" sim --load saves/k5.cpsave --quiet)
check "--load without --turns plays the rest of the scenario" '[ "$rest" = "$full" ]'
out=$("$bin" sim --load k5.cpsave --turns 1)
check "the header says where the game comes from" 'printf "%s\n" "$out" | head -1 | grep -q "from saves/k5.cpsave at turn 5, 1 more turns"'
check "the scenario matches with --load" '"$bin" sim --scenario baseline --load k5.cpsave --turns 1 --quiet > /dev/null'

# refusals, and nothing on disk changes
cp saves/k5.cpsave good.cpsave
head -c 5000 good.cpsave > trunc.cpsave
cp good.cpsave flipped.cpsave
printf '\125' | dd of=flipped.cpsave bs=1 seek=40000 conv=notrunc 2> /dev/null
cp good.cpsave future.cpsave
printf '\377' | dd of=future.cpsave bs=1 seek=8 conv=notrunc 2> /dev/null # version 255
echo "just some text" > foreign.cpsave
: > empty.cpsave
before=$(ls -l --full-time . saves; md5sum ./*.cpsave saves/*)
expect 2 "a truncated save" "trunc.cpsave: truncated" sim --load trunc.cpsave
expect 2 "a damaged save" "flipped.cpsave: corrupted" sim --load flipped.cpsave
expect 2 "a save from a later version" "future.cpsave: saved by a newer Chokepoint" sim --load future.cpsave
expect 2 "a foreign file" "foreign.cpsave: not a Chokepoint save file" sim --load foreign.cpsave
expect 2 "an empty file" "empty.cpsave: truncated" sim --load empty.cpsave
expect 2 "a missing file" "cannot read saves/nosuch.cpsave" sim --load nosuch.cpsave
expect 2 "a directory" "saves/: it is a directory" sim --load saves/
expect 2 "a save of another scenario" "a save of scenario 'baseline', not 'free-trade'" sim --scenario free-trade --load good.cpsave
expect 2 "another seed with --load" "was played with seed 7" sim --load good.cpsave --seed 8
after=$(ls -l --full-time . saves; md5sum ./*.cpsave saves/*)
check "refusing changed nothing on disk" '[ "$before" = "$after" ]'
mkdir -p ro && touch ro/x
expect 2 "an unwritable save" "cannot write" sim --turns 1 --save ro/x/y.cpsave

# replays
"$bin" sim --turns 12 --seed 7 --record game.cprep --quiet > /dev/null
expect 0 "a replay matches" "identical" replay game.cprep
"$bin" sim --load k5.cpsave --turns 6 --record loaded.cprep --quiet > /dev/null
expect 0 "a replay of a loaded game matches" "turns 6 to 11: identical" replay loaded.cprep
cp "$src/scripts/scenarios/baseline.lua" mine.lua
"$bin" sim --scenario ./mine.lua --turns 6 --seed 2 --record mine.cprep --quiet > /dev/null
expect 0 "a replay of a scenario file matches" "identical" replay mine.cprep
sed -i 's/^  goods = world.goods(1),/  goods = world.goods(3),/' mine.lua
check "the scenario was changed for the next test" '! cmp -s mine.lua "$src/scripts/scenarios/baseline.lua"'
# (the state hash covers the scenario a world was made from: it differs from the start)
expect 1 "a changed scenario: the replay names the turn that differs" \
  "differs at turn 0, the start: .*has the scenario './mine.lua' changed" replay mine.cprep
head -c $(( $(stat -c %s game.cprep) * 2 / 3 )) game.cprep > cut.cprep
expect 2 "a cut replay" "cut.cprep: incomplete: the recording stops after turn" replay cut.cprep
expect 2 "a save is no replay" "not a Chokepoint replay" replay good.cpsave
expect 2 "replay needs a file" "which replay file" replay
expect 2 "a missing replay" "nosuch.cprep" replay nosuch.cprep
# damaged replays are refused by name, and refusing changes nothing on disk
cp game.cprep rfuture.cprep
printf '\377' | dd of=rfuture.cprep bs=1 seek=8 conv=notrunc 2> /dev/null # version 255
cp game.cprep rflipped.cprep
printf 'X' | dd of=rflipped.cprep bs=1 seek=30 conv=notrunc 2> /dev/null # in the scenario's name
head -c 10 game.cprep > rshort.cprep
echo "hello" > rforeign.cprep
cp "$src/tests/fuzz/regressions/replay/start-turn-int-max.cprep" rlate.cprep # checksums intact
"$bin" sim --turns 10 --seed 4 --record agents.cprep --quiet > /dev/null 2>&1 # with the agents' records
before=$(ls -lR --full-time .; md5sum ./*.cprep)
expect 2 "a replay from a later version" "rfuture.cprep: recorded by a newer Chokepoint" replay rfuture.cprep
expect 2 "a damaged replay" "rflipped.cprep: damaged: record 1 (at byte 16) fails its checksum" replay rflipped.cprep
expect 2 "a replay cut inside its header" "rshort.cprep: truncated" replay rshort.cprep
expect 2 "a foreign file as a replay" "rforeign.cprep: not a Chokepoint replay" replay rforeign.cprep
expect 2 "a replay starting at turn 2^31-1" "rlate.cprep: damaged: the start record does not read" replay rlate.cprep
# the agents' records (replay format 2 on): read with the turns, needed by none of them
expect 0 "a replay with agents' records matches" "turns 1 to 10: identical" replay agents.cprep
expect 2 "an agents' record before any turn" "damaged: the agents' record after turn 0 does not read" \
  replay "$src/tests/fuzz/regressions/replay/agents-before-any-turn.cprep"
expect 2 "two agents' records for one turn" "damaged: the agents' record after turn 1 does not read" \
  replay "$src/tests/fuzz/regressions/replay/agents-twice.cprep"
# the fixture this model version recorded (replay format 4) still matches: the game's numbers
# have not moved
expect 0 "this model's replay fixture (format 4) still matches" "turns 1 to 4: identical" \
  replay "$src/tests/fixtures/replays/v4-baseline-4turns.cprep"
# format 5 adds the agents' difficulty to the start record (issue 22): its fixture, recorded at
# hard, matches and says so; format 4's above reads as normal
expect 0 "this model's replay fixture (format 5, difficulty hard) still matches" \
  "seed 3, difficulty hard, turns 1 to 4: identical" \
  replay "$src/tests/fixtures/replays/v5-baseline-4turns.cprep"
# replays of formats 1 to 3 were all recorded under model version 1: each reads to its end in its
# own layout (format 2's agents' records without the wall-clock stops, format 3's with them; a
# layout misread would be refused as damaged first), then is refused, naming the model version
for v in 1 2 3; do
  expect 2 "a replay of format $v (model version 1) reads to its end and is refused, saying so" \
    "v$v-baseline-4turns.cprep: recorded under model version 1 of the rules; this build plays model version 2" \
    replay "$src/tests/fixtures/replays/v$v-baseline-4turns.cprep"
done
after=$(ls -lR --full-time .; md5sum ./*.cprep)
check "refusing replays changed nothing on disk" '[ "$before" = "$after" ]'
# a refused --load writes nothing: no save, autosave folder, replay or CSV files
before=$(ls -lR --full-time .)
expect 2 "a refused load with outputs asked for" "trunc.cpsave: truncated" \
  sim --load trunc.cpsave --save never.cpsave --autosave neverauto --record never.cprep --csv nevercsv
after=$(ls -lR --full-time .)
check "a refused load creates no file" '[ "$before" = "$after" ]'
out=$("$bin" help replay)
check "help replay" 'printf "%s\n" "$out" | grep -q "usage: chokepoint replay FILE"'
out=$("$bin" sim --help)
check "sim --help lists --save, --load, --autosave and --record" 'printf "%s\n" "$out" | grep -q -- "--autosave" && printf "%s\n" "$out" | grep -q -- "--record"'

# autosaves: every turn, the newest five kept
"$bin" sim --turns 9 --seed 7 --autosave auto --quiet > /dev/null
check "five autosaves kept" '[ $(ls auto | grep -c "^autosave-baseline-.*\.cpsave$") -eq 5 ]'
last=$(ls auto/autosave-baseline-*.cpsave | tail -1)
check "the last autosave is turn 9" 'printf "%s" "$last" | grep -q "t0009.cpsave$"'
rest=$("$bin" sim --load "$last" --turns 3 --quiet)
check "an autosave loads and plays on" '[ "$rest" = "$straight" ]'

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
