#!/usr/bin/env bash
# rerecord-replays.sh -- record again the replays the tests keep, after a change
# that is meant to change every game's state hash or numbers (and says so in
# its commit). A replay holds the hash of every turn, so such a change makes
# each of them "differ at the start"; their formats and what they exercise
# stay the same:
#   tests/fuzz/regressions/replay/agents-v2.cprep  the replay fuzz_make_seeds
#       writes (three nations, deals, events, queued orders, agents' records)
#   tests/fixtures/replays/v1-baseline-4turns.cprep  baseline, seed 3, 4 turns,
#       the default agents, in replay format 1: format 2 without its agents'
#       records (AGNT), which are all that version 2 added
# Usage: scripts/dev/rerecord-replays.sh [BUILD_DIR]   (default build/test)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/test}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=0

"$build/fuzz_make_seeds" "$tmp" > /dev/null
cp "$tmp/game.cprep" tests/fuzz/regressions/replay/agents-v2.cprep

"$build/chokepoint" sim --turns 4 --seed 3 --record "$tmp/v2.cprep" --quiet > /dev/null
in=$tmp/v2.cprep
out=tests/fixtures/replays/v1-baseline-4turns.cprep
size=$(stat -c %s "$in")
{
  printf 'CPREPLAY\001\000\000\000\000\000\000\000'
  pos=16
  while [ "$pos" -lt "$size" ]; do
    tag=$(dd if="$in" iflag=skip_bytes,count_bytes skip=$pos count=4 2> /dev/null)
    len=$(od -An -tu4 -j$((pos + 4)) -N4 "$in" | tr -d ' ')
    [ "$tag" = AGNT ] ||
      dd if="$in" iflag=skip_bytes,count_bytes skip=$pos count=$((16 + len)) 2> /dev/null
    pos=$((pos + 16 + len))
  done
} > "$out"
echo "re-recorded tests/fuzz/regressions/replay/agents-v2.cprep and $out"
