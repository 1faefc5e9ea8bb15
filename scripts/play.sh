#!/usr/bin/env bash
# play.sh -- install what the game needs, build a release build, start the game.
# Any arguments go to the game, e.g. scripts/play.sh --scenario licensing-2025
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
need_packages "${CP_BUILD_PACKAGES[@]}"
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build/release -j"$(nproc)" --target chokepoint
exec build/release/chokepoint play "$@"
