#!/usr/bin/env bash
# rerecord-replays.sh -- record again the current-format replays the tests keep, after a change
# that is meant to change every game's state hash or numbers (and says so in its commit; a
# change of the rules' numbers also bumps CP_MODEL_VERSION in src/core/chokepoint.h). A replay
# holds the hash of every turn, so such a change makes each of them "differ at the start"; what
# they exercise stays the same:
#   tests/fuzz/regressions/replay/agents-v2.cprep  the replay fuzz_make_seeds writes (three
#       nations, deals, events, queued orders, agents' records)
#   tests/fixtures/replays/v5-baseline-4turns.cprep  baseline, seed 3, 4 turns, no agents, at
#       difficulty hard, in the current replay format (5: the agents' difficulty in the start)
# v4-baseline-4turns.cprep, the last file of format 4, is not re-recorded: this build would write
# format 5 into it. (Its game has no agents, so a change of the agents' play leaves it matching;
# a change of the rules' numbers makes it differ, and then the test expects that.)
# The older formats' fixtures (v1-, v2- and v3-baseline-4turns.cprep) are not re-recorded: each
# is a replay of model version 1 as the builds of that model wrote it, which this build reads to
# its end and refuses for its model (tests/fixtures/replays/README.md). A format 1 to 3 file
# cannot say which model it was recorded under (its header has no room: it means model 1), so
# writing one from this build would make a file that lies.
# Usage: scripts/dev/rerecord-replays.sh [BUILD_DIR]   (default build/test)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/test}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=0

"$build/fuzz_make_seeds" "$tmp" > /dev/null
cp "$tmp/game.cprep" tests/fuzz/regressions/replay/agents-v2.cprep

out=tests/fixtures/replays/v5-baseline-4turns.cprep
"$build/chokepoint" sim --scenario baseline --turns 4 --seed 3 --no-agents --difficulty hard \
  --record "$out" --quiet > /dev/null
echo "re-recorded tests/fuzz/regressions/replay/agents-v2.cprep and $out"
