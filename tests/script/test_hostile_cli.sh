#!/usr/bin/env bash
# test_hostile_cli.sh -- hostile agents across processes and through saves (issue 14): what an
# agent does must give the same game in every process, and whatever a game accepted it saves
# and loads back to the game never stopped.
# Usage: test_hostile_cli.sh CHOKEPOINT SOURCE_DIR
set -uo pipefail
bin=$(realpath "$1"); src=$(realpath "$2")
hostile=$src/tests/script/hostile
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# ---- pairs visits keys of every type in the same order in every process ----------------------
# (finding 3: userdata, coroutines and C functions were visited in address order)
for i in 1 2 3 4; do
  "$bin" sim --turns 2 --seed 3 --agent "USA=$hostile/pairs_keys.lua" > "pairs$i.txt" 2>&1 || bad "pairs run $i exited $?"
done
grep -q "ORDER " pairs1.txt || bad "pairs_keys printed no order: $(head -5 pairs1.txt)"
for i in 2 3 4; do
  cmp -s pairs1.txt "pairs$i.txt" || bad "pairs order differs between processes 1 and $i: $(diff pairs1.txt "pairs$i.txt" | head -6)"
done

# ---- memory that saves exactly: deep tables, integers, floats, bytes (findings 1 and 8) ------
shapes=(--seed 5 --agent "USA=$hostile/memory_shapes.lua")
"$bin" sim --turns 6 "${shapes[@]}" --quiet > whole.txt 2> whole.err || bad "memory_shapes: 6 turns exited $?"
"$bin" sim --turns 3 "${shapes[@]}" --quiet --save "$work/shapes.cpsave" > /dev/null 2> half.err \
  || bad "memory_shapes: the save at turn 3 exited $? ($(head -3 half.err))"
"$bin" sim --load "$work/shapes.cpsave" --turns 3 --quiet > rest.txt 2> rest.err \
  || bad "memory_shapes: the load exited $? ($(head -3 rest.err))"
cmp -s whole.txt rest.txt || bad "memory_shapes: saved and loaded at turn 3 gives $(cat rest.txt), not $(cat whole.txt)"
if grep -q "failed" whole.err half.err rest.err; then bad "memory_shapes failed a turn: $(grep -h failed whole.err half.err rest.err | head -3)"; fi

# ---- memory that is not plain data fails the agent's turn, never the game (finding 6) ---------
for agent in memory_function memory_cycle memory_metatable memory_deep; do
  rm -rf auto
  "$bin" sim --turns 3 --agent "USA=$hostile/$agent.lua" --autosave auto --save "$work/$agent.cpsave" \
    --quiet > "$agent.txt" 2> "$agent.err" || bad "$agent: the game stopped with status $? ($(head -2 "$agent.err"))"
  grep -q "^hash: " "$agent.txt" || bad "$agent: no hash"
  [ "$(ls auto 2> /dev/null | wc -l)" -eq 3 ] || bad "$agent: $(ls auto 2> /dev/null | wc -l) autosaves, not 3"
  grep -q "agent failed (memory not plain data)" "$agent.err" || bad "$agent: no failure logged: $(head -2 "$agent.err")"
  "$bin" sim --load "$work/$agent.cpsave" --turns 1 --quiet > /dev/null 2>&1 || bad "$agent: its save does not load"
done

# ---- 28 MiB of NUL bytes in memory: a save of about that size, which loads (finding 7) --------
blob=(--agent "USA=$hostile/memory_blob.lua" --agent-budget 10000000)
rm -rf auto
"$bin" sim --turns 2 "${blob[@]}" --autosave auto --quiet > blob2.txt 2> blob.err || bad "memory_blob: exited $? ($(head -2 blob.err))"
last=$(ls auto/*.cpsave 2> /dev/null | tail -1)
size=$(stat -c %s "$last" 2> /dev/null || echo 0)
# the agent's 28 MiB, the world and the game's without-worlds (made, docs/score.md: one world
# per seat, about 0.4 MiB each two quarters in)
[ "$size" -gt $((28 << 20)) ] && [ "$size" -lt $((44 << 20)) ] || bad "memory_blob: an autosave of $size bytes"
"$bin" sim --turns 3 "${blob[@]}" --quiet > blob3.txt 2>&1 || bad "memory_blob: 3 turns exited $?"
"$bin" sim --load "$last" --turns 1 "--agent-budget" 10000000 --quiet > blob1.txt 2> blob1.err \
  || bad "memory_blob: the autosave does not load ($(head -2 blob1.err))"
cmp -s blob3.txt blob1.txt || bad "memory_blob: loaded and played on gives $(cat blob1.txt), not $(cat blob3.txt)"

# ---- a version 1 save (memory as text, full paths) was played under model version 1 of the rules
# (e11d419 played on to 3bd14f442449418e): this build plays model version 2, so it refuses the save,
# saying why, and leaves the file as it was (its world's format still migrates: tests/cli/test_migrate.c)
cp "$src/tests/fixtures/saves/v1-agents-t4.cpsave" v1-agents.cpsave
out=$("$bin" sim --load ./v1-agents.cpsave --turns 4 --quiet 2>&1); st=$?
[ $st -eq 2 ] && printf "%s" "$out" | grep -q "v1-agents.cpsave: .*saved under model version 1 of the rules; this build plays model version 2" \
  || bad "the version 1 save with agents is not refused for its model (status $st): $out"
cmp -s v1-agents.cpsave "$src/tests/fixtures/saves/v1-agents-t4.cpsave" || bad "refusing the version 1 save changed it"

# ---- saves survive a moved data folder and a deleted agent file (finding 9) -------------------
mkdir -p dataA/scripts
cp -r "$src/scripts/agents" "$src/scripts/scenarios" dataA/scripts/
cp "$src/scripts/agents/example_planner.lua" "$work/mine.lua"
moved=(--seed 9 --agent "USA=$work/mine.lua")
CHOKEPOINT_DATA=$work/dataA "$bin" sim --turns 6 "${moved[@]}" --quiet > moved6.txt 2> /dev/null || bad "moved: 6 turns"
CHOKEPOINT_DATA=$work/dataA "$bin" sim --turns 3 "${moved[@]}" --quiet --save "$work/moved.cpsave" > /dev/null 2>&1 \
  || bad "moved: the save"
grep -aq "@data/scripts/agents/decoupler.lua" "$work/moved.cpsave" || bad "moved: the save names agents by their place in the data folder"
mv dataA dataB
rm "$work/mine.lua"
CHOKEPOINT_DATA=$work/dataB "$bin" sim --load "$work/moved.cpsave" --turns 3 --quiet > moved3.txt 2> moved.err \
  || bad "moved: the save does not load from the moved folder: $(head -3 moved.err)"
cmp -s moved6.txt moved3.txt || bad "moved: loaded gives $(cat moved3.txt), not $(cat moved6.txt)"
grep -q "USA: $work/mine.lua is not there any more; the copy kept in the save plays" moved.err \
  || bad "moved: no note that the saved copy plays: $(head -3 moved.err)"

# ---- a loaded game goes on as the one never stopped: failures in a row are kept, an init that
# ---- fails on load does not refuse the save
for agent in "$src/tests/script/agents/always_fails.lua" "$hostile/init_turn0.lua" "$hostile/pairs_after_load.lua"; do
  name=$(basename "$agent" .lua)
  "$bin" sim --turns 5 --seed 2 --agent "USA=$agent" --quiet > "$name-5.txt" 2> /dev/null || bad "$name: 5 turns"
  "$bin" sim --turns 2 --seed 2 --agent "USA=$agent" --quiet --save "$work/$name.cpsave" > /dev/null 2>&1 || bad "$name: save"
  "$bin" sim --load "$work/$name.cpsave" --turns 3 --quiet > "$name-3.txt" 2> "$name.err" || bad "$name: load: $(head -2 "$name.err")"
  cmp -s "$name-5.txt" "$name-3.txt" || bad "$name: loaded at turn 2 gives $(cat "$name-3.txt"), not $(cat "$name-5.txt")"
done
grep -q "turn 2 USA: 3 failures in a row; the seat falls back" always_fails.err \
  || bad "always_fails: after the load the seat does not fall back at turn 2: $(head -3 always_fails.err)"
grep -q "turn 2 USA: init failed when the game was loaded (.*I only start at turn 0 (in init)); the saved memory is used" init_turn0.err \
  || bad "init_turn0: no note of the failed init: $(head -2 init_turn0.err)"

# ---- the wall clock, when it fires, is recorded: replays and tournament rows say so (finding 5)
wall=(--turns 2 --seed 4 --agent "USA=$hostile/wall_clock.lua" --agent-wall 100)
"$bin" sim "${wall[@]}" --quiet --record wall.cprep > wall.txt 2> wall.err || bad "wall_clock: exited $?"
grep -q "agent failed (wall clock)" wall.err || bad "wall_clock: not stopped by the wall clock: $(head -2 wall.err)"
grep -q "note: the wall clock stopped 2 agent calls: playing this game again from its seed may not give the same hash" wall.err \
  || bad "wall_clock: sim says nothing of it: $(tail -2 wall.err)"
"$bin" replay wall.cprep > replay.txt 2>&1 || bad "wall_clock: the replay does not reproduce the game: $(cat replay.txt)"
grep -q "not reproducible from its seed: the wall clock stopped 2 agent calls (first in turn 0)" replay.txt \
  || bad "wall_clock: the replay does not record it: $(cat replay.txt)"
"$bin" tournament --agents "$hostile/wall_clock.lua,do_nothing" --seat USA --seeds 1-1 --turns 1 --agent-wall 100 \
  --jobs 1 --quiet --csv wall.csv > tour.txt 2>&1 || bad "wall_clock: the tournament exited $?: $(tail -3 tour.txt)"
# (the made columns, five numbers, come between it and the command)
grep -Eq ',no: the wall clock stopped an agent in turn 0,([-0-9.]+,){5}[^,]*chokepoint sim .*--agent-wall 100' wall.csv \
  || bad "wall_clock: the tournament row does not say it is not reproducible: $(cat wall.csv)"
grep -Eq ',yes,([-0-9.]+,){5}[^,]*chokepoint sim' wall.csv || bad "wall_clock: the do_nothing row is reproducible: $(cat wall.csv)"
grep -q "note: in 1 game the wall clock stopped an agent" tour.txt || bad "wall_clock: the table says nothing: $(cat tour.txt)"

[ $fail -eq 0 ] && echo "hostile cli: ok"
exit $fail
