#!/usr/bin/env bash
# monkey.sh -- the monkey test for as long as you ask: random clicks, drags, wheel turns, keys
# and resizes sent to the real game window under Xvfb, in the sanitizer build (build/test),
# across the start screen, games as a human seat, hotseat, the replay viewer, the dialogs...
# (tests/ui/monkey.sh says which). A crash, a sanitizer report or a hang stops it with the
# seed, the last actions and the game's stderr, and says how to replay it.
#
#   scripts/monkey.sh [SECONDS] [SEED]     default: 600 seconds, a new seed (printed)
#
# The same SEED replays the same sessions with the same choices; test.sh runs a minute of it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
need_packages "${CP_BUILD_PACKAGES[@]}" "${CP_WINDOW_TEST_PACKAGES[@]}"
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DCP_SANITIZE=ON -DCP_WERROR=ON > /dev/null
cmake --build build/test -j"$(nproc)" --target chokepoint monkey > /dev/null
CHOKEPOINT_DATA="$PWD" exec bash tests/ui/monkey.sh build/test/chokepoint build/test/monkey "${1:-600}" ${2:+"$2"}
