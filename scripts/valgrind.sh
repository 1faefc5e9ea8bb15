#!/usr/bin/env bash
# valgrind.sh -- build the game without sanitizers (build/valgrind) and run
# tests/cli/test_valgrind.sh: a 40-turn game with saves, loads, autosaves and
# a replay, every nation on an agent, under valgrind (memcheck, leaks). Not
# part of scripts/test.sh, whose build uses AddressSanitizer, which valgrind
# cannot run; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
need_packages "${CP_BUILD_PACKAGES[@]}" valgrind
cmake -S . -B build/valgrind -DCMAKE_BUILD_TYPE=Debug -DCP_WITH_UI=OFF > /dev/null
cmake --build build/valgrind -j"$(nproc)" --target chokepoint
bash tests/cli/test_valgrind.sh build/valgrind/chokepoint
