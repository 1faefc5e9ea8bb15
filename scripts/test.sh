#!/usr/bin/env bash
# test.sh -- install what the tests need, build with AddressSanitizer and
# UndefinedBehaviorSanitizer (warnings are errors), run every test (among them
# a minute of the monkey test on the real window, ui_monkey), check that a
# clang -march=native build plays every scenario alike, then fuzz the loaders
# and the agent host for a minute (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
need_packages "${CP_BUILD_PACKAGES[@]}" "${CP_WINDOW_TEST_PACKAGES[@]}" "${CP_CLI_TEST_PACKAGES[@]}" \
  "${CP_FUZZ_PACKAGES[@]}" "${CP_PACKAGE_TEST_PACKAGES[@]}" "${CP_SERVER_TEST_PACKAGES[@]}" \
  "${CP_WEB_TEST_PACKAGES[@]}"
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DCP_SANITIZE=ON -DCP_WERROR=ON > /dev/null
cmake --build build/test -j"$(nproc)"
# leak checks need ptrace, which some sandboxes forbid; ASan still checks memory errors
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
if ! ASAN_OPTIONS=detect_leaks=1 build/test/chokepoint --version > /dev/null 2>&1; then
  export ASAN_OPTIONS=detect_leaks=0
fi
ctest --test-dir build/test --output-on-failure -j"$(nproc)"
# the same game with another compiler and fused multiply-add at hand: a clang
# release build for this CPU (-march=native) must play every scenario exactly
# as the default build does, per-turn lines, hashes and CSV files
# (docs/model.md, "Time and determinism")
CC=clang cmake -S . -B build/clang-native -DCMAKE_BUILD_TYPE=Release -DCP_WITH_UI=OFF \
  -DCMAKE_C_FLAGS=-march=native > /dev/null
cmake --build build/clang-native -j"$(nproc)" --target chokepoint > /dev/null
scripts/dev/same-numbers.sh --games build/test/chokepoint build/clang-native/chokepoint 20
# the loaders and the agent host under libFuzzer for 15 seconds each, in build/fuzz (docs/saves.md)
scripts/fuzz.sh 15
