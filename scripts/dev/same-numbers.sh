#!/usr/bin/env bash
# same-numbers.sh -- does a change keep every game's numbers?
#
# Runs the same commands with two builds of chokepoint and compares what they
# print, their exit statuses and every CSV file they write. A refactor or a
# speed-up must pass it; a change to the rules must not, and says so in its
# commit. It plays:
#   games       every shipped scenario, seeds 1 and 7, with and without agents
#               (sim --csv): the per-turn lines, the final hash, every CSV file;
#   record      sim --record, then `replay` of that recording (and --quiet);
#   save        sim --save half way, then sim --load for the rest (the
#               continuation's lines, hash and CSV files), and the same through
#               --autosave and the newest autosave;
#   sweep       free-trade over a 2x2 grid of its declared parameters and two
#               seeds, without and with agents (the CSV file);
#   tournament  two agents in one seat over two seeds (--jobs 1): the table,
#               the CSV file, and `replay` of every match it kept;
#   check-agent every agent in scripts/agents/ and tests/script/hostile/*.lua.
# Saved games and replays themselves are not compared byte for byte (their
# formats may grow, plan 17 says where); what loading and replaying them does
# is. Paths that differ between the two builds (their data directories, the
# binaries, this script's work folders) and wall times are normalised away.
#
#   scripts/dev/same-numbers.sh [--quick] [--games] OLD_BINARY NEW_BINARY [TURNS]
#
# --games plays only the first group (every scenario, with and without agents):
# what test.sh compares between two compilers, where instruction counts and
# memory figures in the other groups' output may differ by build and mean nothing.
#
# TURNS (default 40; 8 with --quick) is the length of every game. --quick
# plays seed 1 only and check-agent's shortest run (--turns 1). Both builds
# run side by side (two processes at a time).
# Exit 0 when everything matches, 1 after naming every difference (what, and
# the first lines of the diff), 2 on bad arguments.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
root=$(pwd)
quick=0 games_only=0
while [ "${1:-}" = "--quick" ] || [ "${1:-}" = "--games" ]; do
  [ "$1" = "--quick" ] && quick=1
  [ "$1" = "--games" ] && games_only=1
  shift
done
if [ $# -lt 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
  echo "usage: $0 [--quick] [--games] OLD_BINARY NEW_BINARY [TURNS]" >&2
  exit 2
fi
old=$(realpath "$1"); new=$(realpath "$2")
if [ $quick -eq 1 ]; then turns=${3:-8}; seeds=(1); else turns=${3:-40}; seeds=(1 7); fi
if ! [[ $turns =~ ^[0-9]+$ ]] || [ "$turns" -lt 2 ]; then
  echo "same-numbers.sh: TURNS must be a whole number of at least 2, not '$turns'" >&2
  exit 2
fi
half=$((turns / 2))
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cases=0 differences=0
started=$SECONDS

# ---- running a case on both builds ------------------------------------------

# step NAME ARGS...: run one command in the current folder; its stdout and
# stderr go to NAME.out and NAME.err, its exit status into status.txt.
step() {
  local name=$1; shift
  "$@" > "$name.out" 2> "$name.err"
  echo "$name: exit $?" >> status.txt
}

# A regex that matches the text $1 literally (for sed, with # as delimiter).
literal() { printf '%s' "$1" | sed 's/[][\.*^$#]/\\&/g'; }

# normalise DIR: saved games and replays become a list of their names; in
# every other file, the paths that differ between the two runs and wall
# times are replaced by placeholders.
normalise() {
  local dir=$1 f
  (cd "$dir" && find . -type f \( -name '*.cpsave' -o -name '*.replay' \) | LC_ALL=C sort > saved-files.txt &&
   find . -type f \( -name '*.cpsave' -o -name '*.replay' \) -delete)
  local o n w
  o=$(literal "$old"); n=$(literal "$new"); w=$(literal "$work")
  find "$dir" -type f -print0 | xargs -0 sed -i -E \
    -e "s#$o#<chokepoint>#g; s#$n#<chokepoint>#g" \
    -e "s#$w/(old|new)#<work>#g" \
    -e 's#(^|[^A-Za-z0-9_.~-])/[^ ()=,"'"'"':]*/(scripts/(scenarios|agents)/)#\1<data>/\2#g' \
    -e 's#in [0-9]+(\.[0-9]+)? s on #in <t> s on #g'
}

# both LABEL FUNCTION ARGS...: FUNCTION BINARY ARGS... runs once per build,
# each in a folder of its own, at the same time; then the folders are
# compared. A difference is reported and counted, and the run goes on.
both() {
  local label=$1; shift
  rm -rf "$work/old" "$work/new"
  mkdir -p "$work/old" "$work/new"
  (cd "$work/old" && "$1" "$old" "${@:2}") &
  local p=$!
  (cd "$work/new" && "$1" "$new" "${@:2}")
  wait $p
  normalise "$work/old"; normalise "$work/new"
  cases=$((cases + 1))
  if ! diff -r "$work/old" "$work/new" > "$work/diff.txt" 2>&1; then
    differences=$((differences + 1))
    echo "DIFFERENT: $label" >&2
    sed -e "s#$work/##g" -e 's/^/    /' "$work/diff.txt" | head -24 >&2
  fi
  rm -rf "$work/old" "$work/new"
}

group() { # NAME FIRST_CASE: one line per group of cases
  echo "  $1: $((cases - $2)) cases compared ($((SECONDS - started)) s so far)"
}

# ---- the cases (each runs in its own empty folder; BINARY is $1) --------------

# a headless game: its lines, hash and CSV files
game() { # BINARY SCENARIO SEED MODE
  local flags=(sim --scenario "$2" --seed "$3" --turns "$turns" --csv csv)
  [ "$4" = no-agents ] && flags+=(--no-agents)
  step sim "$1" "${flags[@]}"
}

# a recorded game, then the recording replayed
record() { # BINARY SCENARIO SEED MODE [--quiet]
  local flags=(sim --scenario "$2" --seed "$3" --turns "$turns" --record game.replay)
  [ "$4" = no-agents ] && flags+=(--no-agents)
  step sim "$1" "${flags[@]}" "${@:5}"
  step replay "$1" replay game.replay
  step replay-quiet "$1" replay game.replay --quiet
}

# a game saved half way, then loaded and played to the end
save_load() { # BINARY SCENARIO SEED MODE
  local flags=(sim --scenario "$2" --seed "$3" --turns "$half" --save ./game.cpsave)
  [ "$4" = no-agents ] && flags+=(--no-agents)
  step first-half "$1" "${flags[@]}"
  step second-half "$1" sim --load ./game.cpsave --turns $((turns - half)) --csv csv
}

# a game autosaved every turn, then the newest autosave loaded and played on
autosave() { # BINARY SCENARIO SEED
  step first-half "$1" sim --scenario "$2" --seed "$3" --turns "$half" --autosave auto
  local newest
  newest=$(ls auto | LC_ALL=C sort | tail -1)
  echo "$newest" > newest.txt
  step second-half "$1" sim --load "auto/$newest" --turns $((turns - half)) --csv csv
}

sweep() { # BINARY EXTRA_FLAGS...
  step sweep "$1" sweep --scenario free-trade --vary us_magnet_tariff=0,0.5 \
    --vary growth_scale=0.5,1.5 --turns "$turns" --jobs 2 --csv sweep.csv --quiet "${@:2}"
}

tournament() { # BINARY
  step tournament "$1" tournament --agents decoupler,do_nothing --seat USA \
    --seeds "$(IFS=,; echo "${seeds[*]}")" --turns "$turns" --jobs 1 --csv tournament.csv \
    --replays reps --quiet
  local r
  for r in reps/*.replay; do
    [ -e "$r" ] && step "replay-$(basename "$r" .replay)" "$1" replay "$r" --quiet
  done
}

# check-agent, run from the source folder so that a path prints as given
check_agent() { # BINARY FILE (a name under scripts/agents/ or a path from the source folder)
  local here=$PWD flags=()
  [ $quick -eq 1 ] && flags=(--turns 1)
  (cd "$root" && "$1" check-agent "$2" "${flags[@]}") > check.out 2> check.err
  echo "check-agent: exit $?" > "$here/status.txt"
}

# ---- the run -----------------------------------------------------------------
echo "same-numbers: $old"
echo "          vs. $new"
echo "  ($turns turns a game, seeds ${seeds[*]}$([ $quick -eq 1 ] && echo ', quick'))"
scenarios=()
for sc in scripts/scenarios/*.lua; do scenarios+=("$(basename "$sc" .lua)"); done

first=$cases
for name in "${scenarios[@]}"; do
  for seed in "${seeds[@]}"; do
    for mode in agents no-agents; do
      both "games: $name seed $seed $mode" game "$name" "$seed" "$mode"
    done
  done
done
group games $first
if [ $games_only -eq 1 ]; then
  if [ $differences -gt 0 ]; then
    echo "NOT the same: $differences of $cases games differ (named above)" >&2
    exit 1
  fi
  echo "same numbers: $cases games, stdout, stderr, exit statuses and every CSV file identical ($((SECONDS - started)) s)"
  exit 0
fi

first=$cases
last_seed=${seeds[$((${#seeds[@]} - 1))]}
for name in "${scenarios[@]}"; do
  both "record: $name seed $last_seed agents (sim --record, replay)" record "$name" "$last_seed" agents
done
both "record: baseline seed 1 no-agents (sim --record, replay)" record baseline 1 no-agents
both "record: baseline seed 1 agents (sim --record --quiet, replay)" record baseline 1 agents --quiet
group record $first

first=$cases
for name in "${scenarios[@]}"; do
  both "save: $name seed 1 agents (--save at turn $half, --load)" save_load "$name" 1 agents
done
both "save: baseline seed $last_seed no-agents (--save at turn $half, --load)" save_load baseline "$last_seed" no-agents
both "save: alliance seed 1 (--autosave, --load the newest)" autosave alliance 1
group save $first

first=$cases
both "sweep: free-trade, 2x2 values x seeds 1,7" sweep --seeds 1,7
both "sweep: free-trade, 2x2 values, seed 1, --agents" sweep --seeds 1 --agents
group sweep $first

first=$cases
both "tournament: decoupler, do_nothing in USA, seeds ${seeds[*]}" tournament
group tournament $first

first=$cases
for f in scripts/agents/*.lua; do
  both "check-agent $(basename "$f" .lua)" check_agent "$(basename "$f" .lua)"
done
for f in tests/script/hostile/*.lua; do
  both "check-agent $f" check_agent "$f"
done
group check-agent $first

if [ $differences -gt 0 ]; then
  echo "NOT the same: $differences of $cases cases differ (named above)" >&2
  exit 1
fi
echo "same numbers: $cases cases, stdout, stderr, exit statuses and every CSV file identical ($((SECONDS - started)) s)"
