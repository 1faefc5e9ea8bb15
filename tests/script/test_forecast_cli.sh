#!/usr/bin/env bash
# test_forecast_cli.sh -- view.forecast across processes (issue 22): a game with an agent that
# forecasts every turn records and replays to the same hash, and plays the same game as the
# agent that gives the same orders without forecasting.
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
[ $fail -eq 0 ] && echo "ok: forecasts across processes and replays"
exit $fail
