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
#   tests/fixtures/replays/v2-baseline-4turns.cprep  baseline, seed 3, 4 turns,
#       an agent that always fails in the USA seat, in replay format 2: format 3
#       with its agents' records lacking the wall-clock stops that version 3
#       added (python3 rewrites them)
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

"$build/chokepoint" sim --turns 4 --seed 3 --quiet --agent USA=tests/script/agents/always_fails.lua \
  --record "$tmp/v3.cprep" > /dev/null
python3 - "$tmp/v3.cprep" tests/fixtures/replays/v2-baseline-4turns.cprep <<'EOF'
# format 3 -> 2: the header's version, and each AGNT seat without its last i32 (wall stops)
import struct, sys
src = open(sys.argv[1], 'rb').read()
def fnv(data):
    h = 0xcbf29ce484222325
    for c in data:
        h = ((h ^ c) * 0x100000001b3) & 0xffffffffffffffff
    return h
out = bytearray(src[:8] + struct.pack('<II', 2, 0))
pos = 16
while pos < len(src):
    tag = src[pos:pos + 4]
    n, = struct.unpack_from('<I', src, pos + 4)
    body = src[pos + 8:pos + 8 + n]
    if tag == b'AGNT':
        b, q = bytearray(body[:8]), 8
        turn, seats = struct.unpack_from('<ii', body, 0)
        for _ in range(seats):
            start = q
            q += 4
            k, = struct.unpack_from('<I', body, q); q += 4 + k   # agent
            q += 3 * 8 + 3 * 4                                    # counts
            k, = struct.unpack_from('<I', body, q); q += 4 + k   # message
            b += body[start:q]
            q += 4                                                # wall stops: dropped
        b += body[q:]
        body = bytes(b)
    rec = tag + struct.pack('<I', len(body)) + body
    out += rec + struct.pack('<Q', fnv(rec))
    pos += 8 + n + 8
open(sys.argv[2], 'wb').write(out)
EOF
echo "re-recorded tests/fuzz/regressions/replay/agents-v2.cprep, $out and tests/fixtures/replays/v2-baseline-4turns.cprep"
