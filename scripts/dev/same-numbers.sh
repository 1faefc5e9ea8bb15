#!/usr/bin/env bash
# same-numbers.sh -- does a change keep every game's numbers?
#
# Plays every shipped scenario with two seeds, with and without agents, on
# two builds of chokepoint, and compares what they print (the per-turn lines
# and the final hash) and every CSV file they write. A refactor or a speed-up
# must pass it; a change to the rules must not, and says so in its commit.
#
#   scripts/dev/same-numbers.sh OLD_BINARY NEW_BINARY [TURNS]
#
# Exit 0 when every game matches, 1 on the first difference (named), 2 on
# bad arguments.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
  echo "usage: $0 OLD_BINARY NEW_BINARY [TURNS]" >&2
  exit 2
fi
old=$(realpath "$1"); new=$(realpath "$2"); turns=${3:-40}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
games=0
for sc in scripts/scenarios/*.lua; do
  name=$(basename "$sc" .lua)
  for seed in 1 7; do
    for mode in agents no-agents; do
      flags=(sim --scenario "$name" --seed "$seed" --turns "$turns")
      [ "$mode" = no-agents ] && flags+=(--no-agents)
      for side in old new; do
        bin=$old; [ "$side" = new ] && bin=$new
        mkdir -p "$work/$side"
        (cd "$work/$side" && "$bin" "${flags[@]}" --csv csv > out.txt 2> err.txt) || true
      done
      if ! diff -r "$work/old" "$work/new" > "$work/diff.txt"; then
        echo "DIFFERENT: $name seed $seed $mode" >&2
        head -20 "$work/diff.txt" >&2
        exit 1
      fi
      rm -rf "$work/old" "$work/new"
      games=$((games + 1))
    done
  done
done
echo "same numbers: $games games ($turns turns each), stdout, stderr and every CSV file identical"
