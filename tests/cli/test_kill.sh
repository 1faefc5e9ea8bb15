#!/usr/bin/env bash
# test_kill.sh -- a game that autosaves every turn is killed with SIGKILL at
# random moments, resumed from its newest autosave, and killed again. After
# every kill, each file left in the save directory (finished autosaves and
# the temporary files of an autosave cut off half-way) either loads or is
# refused with exit status 2 and a message, never anything else; the newest
# finished autosave always loads; and no more than five autosaves are kept.
# Usage: test_kill.sh PATH/TO/chokepoint [ROUNDS]
set -u
bin=$1
rounds=${2:-6}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir="$tmp/saves"
passed=0 failed=0 loaded=0 refused=0 temps=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
RANDOM=$$

newest() { ls "$dir"/autosave-baseline-*.cpsave 2> /dev/null | sort | tail -1; }

for round in $(seq 1 "$rounds"); do
  last=$(newest)
  if [ -n "$last" ]; then
    "$bin" sim --load "$last" --turns 400 --autosave "$dir" --quiet > /dev/null 2>&1 &
  else
    "$bin" sim --turns 400 --seed 11 --autosave "$dir" --quiet > /dev/null 2>&1 &
  fi
  pid=$!
  # let the game reach its first autosave of this round (starting takes a while
  # under the sanitizers on a busy machine), then 0.1 to 0.4 s more: a few
  # turns, and a moment that falls anywhere in a turn or in a save
  for _ in $(seq 1 200); do
    [ "$(newest)" != "$last" ] && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.05
  done
  sleep "0.$((10 + RANDOM % 30))"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null

  shopt -s nullglob dotglob
  for f in "$dir"/*; do
    case "$f" in *.tmp-*) temps=$((temps + 1)) ;; esac
    out=$("$bin" sim --load "$f" --turns 0 --quiet 2>&1); st=$?
    if [ $st -eq 0 ]; then
      loaded=$((loaded + 1)); ok
    elif [ $st -eq 2 ] && printf "%s" "$out" | grep -q "^chokepoint sim: --load $f: "; then
      refused=$((refused + 1)); ok
    else
      bad "round $round: $f: status $st: $out"
    fi
  done
  shopt -u nullglob dotglob
  last=$(newest)
  if [ -n "$last" ] && "$bin" sim --load "$last" --turns 1 --quiet > /dev/null 2>&1; then ok
  elif [ -z "$last" ]; then bad "round $round: no autosave after 10 s of play"
  else bad "round $round: the newest autosave ${last:-(none)} does not load"; fi
  count=$(ls "$dir" 2> /dev/null | grep -c '^autosave-baseline-.*\.cpsave$')
  # a kill between writing the new autosave and dropping the oldest leaves one
  # more than five (the new one is safe before the old one goes); the next
  # autosave drops it
  if [ "$count" -eq 6 ] && [ -n "$last" ]; then
    "$bin" sim --load "$last" --turns 1 --autosave "$dir" --quiet > /dev/null 2>&1
    count=$(ls "$dir" 2> /dev/null | grep -c '^autosave-baseline-.*\.cpsave$')
  fi
  if [ "$count" -le 5 ]; then ok; else bad "round $round: $count autosaves kept"; fi
done
last=$(newest)
turn=$(printf "%s" "$last" | sed 's/.*-t0*\([0-9][0-9]*\)\.cpsave$/\1/')
echo "$rounds kills: $loaded files loaded, $refused refused cleanly ($temps temporary files" \
     "of cut-off autosaves seen); the game reached turn ${turn:-0}"
if [ "${turn:-0}" -gt 5 ]; then ok; else bad "the game hardly moved (turn ${turn:-0})"; fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
