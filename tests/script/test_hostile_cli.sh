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

[ $fail -eq 0 ] && echo "hostile cli: ok"
exit $fail
