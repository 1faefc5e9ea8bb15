#!/usr/bin/env bash
# test_forecast_cli.sh -- view.forecast across processes (issue 22): a game with an agent that
# forecasts every turn records and replays to the same hash, and plays the same game as the
# agent that gives the same orders without forecasting; a game whose orders follow forecasts
# (scripts/agents/example_forecast.lua) repeats, replays, and saved and loaded plays on the same.
# Usage: test_forecast_cli.sh CHOKEPOINT SOURCE_DIR
set -uo pipefail
bin=$(realpath "$1"); src=$(realpath "$2")
agents=$src/tests/script/agents
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$bin" sim --turns 6 --seed 4 --agent "USA=$agents/forecast_then_tariff.lua" --record game.cprec --quiet \
  > with.txt 2> with.err || bad "the game with forecasts exited $? ($(head -3 with.err))"
"$bin" sim --turns 6 --seed 4 --agent "USA=$agents/tariff_only.lua" --quiet > without.txt 2> without.err \
  || bad "the game without exited $? ($(head -3 without.err))"
grep -q "^hash: " with.txt || bad "no hash: $(cat with.txt)"
cmp -s with.txt without.txt || bad "forecasting changed the game: $(cat with.txt) vs $(cat without.txt)"
if grep -q "failed" with.err; then bad "an agent turn failed: $(grep failed with.err | head -3)"; fi
out=$("$bin" replay game.cprec 2>&1) || bad "replay exited $?: $out"
printf "%s" "$out" | grep -q "identical (hash $(sed -n 's/^hash: //p' with.txt))" \
  || bad "the replay does not give the recorded hash: $out"
# an agent whose orders follow its forecasts (the worked example) plays the same game whole and
# saved half way and loaded, and replays it
ex=(--seed 2 --agent "USA=$src/scripts/agents/example_forecast.lua" --agent "JPN=$src/scripts/agents/example_forecast.lua")
"$bin" sim --turns 9 "${ex[@]}" --quiet --record ex.cprec > ex9.txt 2> ex9.err || bad "example_forecast: 9 turns exited $? ($(head -3 ex9.err))"
"$bin" sim --turns 5 "${ex[@]}" --quiet --save "$work/ex.cpsave" > /dev/null 2> ex5.err || bad "example_forecast: the save exited $?"
"$bin" sim --load "$work/ex.cpsave" --turns 4 --quiet > ex4.txt 2> ex4.err || bad "example_forecast: the load exited $? ($(head -3 ex4.err))"
cmp -s ex9.txt ex4.txt || bad "example_forecast: saved at turn 5 and loaded gives $(cat ex4.txt), not $(cat ex9.txt)"
if grep -q "failed" ex9.err ex4.err; then bad "example_forecast failed a turn: $(grep -h failed ex9.err ex4.err | head -3)"; fi
out=$("$bin" replay ex.cprec 2>&1) || bad "example_forecast: replay exited $?: $out"
printf "%s" "$out" | grep -q "identical (hash $(sed -n 's/^hash: //p' ex9.txt))" || bad "example_forecast: replay: $out"
"$bin" sim --turns 9 "${ex[@]}" --quiet > ex9b.txt 2> /dev/null
cmp -s ex9.txt ex9b.txt || bad "example_forecast: two runs differ: $(cat ex9.txt) vs $(cat ex9b.txt)"

# the worked example in docs/agents.md is the shipped file, word for word
awk '/^```lua$/ { inb = 1; n = 0; next } /^```/ { inb = 0 } inb { block[++n] = $0 }
     inb && n == 1 && $0 ~ /^-- example_forecast.lua / { keep = 1 }
     !inb && keep { for (i = 1; i <= n; i++) print block[i]; keep = 0 }' "$src/docs/agents.md" > example.lua
cmp -s example.lua "$src/scripts/agents/example_forecast.lua" \
  || bad "docs/agents.md's worked example differs from scripts/agents/example_forecast.lua: $(diff example.lua "$src/scripts/agents/example_forecast.lua" | head -5)"

[ $fail -eq 0 ] && echo "ok: forecasts across processes and replays"
exit $fail
