#!/usr/bin/env bash
# fuzz.sh -- fuzz the loaders (saves, scenarios, replays) and the agent host
# (bytes played as an agent, tests/fuzz/fuzz_agent.c) with libFuzzer: build
# the harnesses in tests/fuzz/ with clang in build/fuzz (ASan and UBSan on),
# make seed inputs from real files, run each harness for a while, and keep
# every input that crashes one as a regression under tests/fuzz/regressions/.
# Usage: scripts/fuzz.sh [SECONDS_PER_HARNESS]   (default 15; test.sh runs it)
# CP_FUZZ_BUILD=DIR builds in DIR instead of build/fuzz.
# Exit status: 0 nothing found; otherwise a crash (its input is saved) or a failed build.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
build=${CP_FUZZ_BUILD:-build/fuzz} # another folder for a second checkout
mkdir -p "$build"
build=$(cd "$build" && pwd)
CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCP_WITH_UI=OFF -DCP_SANITIZE=ON \
  -DCP_FUZZ=ON > /dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz_save fuzz_scenario fuzz_replay fuzz_agent fuzz_make_seeds \
  chokepoint > /dev/null

# leak checks need ptrace, which some sandboxes forbid (as in test.sh)
if [ -z "${ASAN_OPTIONS:-}" ] && ! ASAN_OPTIONS=detect_leaks=1 "$build/chokepoint" --version > /dev/null 2>&1; then
  export ASAN_OPTIONS=detect_leaks=0
fi

# seeds: real files, made fresh by this build (kept out of git)
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{save,scenario,replay,agent}
bin=$build/chokepoint
mini=$PWD/tests/script/fixtures/scenarios/minimal.lua
(
  cd "$seeds"
  export ASAN_OPTIONS=detect_leaks=0
  "$bin" sim --scenario "$mini" --turns 3 --seed 3 --no-agents --quiet \
    --save "$PWD/save/minimal-t3.cpsave" --record "$PWD/replay/minimal.cprep" > /dev/null
  "$bin" sim --scenario "$mini" --turns 2 --seed 4 --agent AAA=example_planner --agent CCC=none \
    --quiet --save "$PWD/save/agents-t2.cpsave" > /dev/null
  "$bin" sim --load "$PWD/save/minimal-t3.cpsave" --turns 2 --quiet \
    --record "$PWD/replay/from-save.cprep" > /dev/null
  "$bin" sim --turns 3 --seed 7 --quiet --record "$PWD/replay/baseline.cprep" > /dev/null
)
# the world inside a save, alone: cp_world_load's own input
f=$seeds/save/minimal-t3.cpsave
meta=$(od -An -tu8 -j40 -N8 "$f" | tr -d ' ')
at=$((32 + 4 + 4 + 8 + meta + 4 + 5))
len=$(od -An -tu8 -j"$at" -N8 "$f" | tr -d ' ')
# (tail is cut off once head has its bytes: a save with made sections runs past the pipe's
# buffer, and under pipefail tail's SIGPIPE would end the script)
{ tail -c +$((at + 9)) "$f" || true; } | head -c "$len" > "$seeds/save/minimal-t3.cpworld"
# deals, events and pending orders, from the core tests' random decisions
ASAN_OPTIONS=detect_leaks=0 "$build/fuzz_make_seeds" "$seeds/save" > /dev/null
mv "$seeds/save/game.cprep" "$seeds/replay/"
cp tests/fixtures/saves/*.cpsave "$seeds/save/"
# the scenarios, and the loader's test files but those that test the sandbox's
# time and memory limits (seconds each: they would use up the run)
cp scripts/scenarios/*.lua tests/script/fixtures/scenarios/*.lua "$seeds/scenario/"
rm -f "$seeds"/scenario/*loop*.lua "$seeds"/scenario/*membomb*.lua "$seeds"/scenario/bad_pattern.lua \
  "$seeds"/scenario/bad_gc.lua

# the agent harness: bytes of every kind, short and long, and the inputs that once found a bug
for n in 1 2 3 4 5 6 7 8; do head -c $((n * 300)) /dev/urandom > "$seeds/agent/random-$n.bin"; done
cp tests/fuzz/regressions/agent/* "$seeds/agent/"

status=0
for h in save scenario replay agent; do
  corpus=$build/corpus/$h # grows from run to run
  found=$build/found/$h
  mkdir -p "$corpus" "$found"
  dict=()
  [ -f "tests/fuzz/$h.dict" ] && dict=(-dict="tests/fuzz/$h.dict")
  echo "fuzz_$h: ${secs}s"
  if ! "$build/fuzz_$h" "${dict[@]}" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -close_fd_mask=2 \
      -print_final_stats=1 -artifact_prefix="$found/" "$corpus" "$seeds/$h" > "$build/fuzz_$h.log" 2>&1; then
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss" "$build/fuzz_$h.log" | sed 's/^/  /' || true
  for crash in "$found"/*; do
    [ -e "$crash" ] || continue
    status=1
    dest=tests/fuzz/regressions/$h/$(basename "$crash")
    mv "$crash" "$dest"
    echo "  FOUND: $dest (report: $build/fuzz_$h.log); fix the loader, then ctest replays it"
  done
done
[ $status -eq 0 ] && echo "fuzzing found nothing"
exit $status
