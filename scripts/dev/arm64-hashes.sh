#!/usr/bin/env bash
# arm64-hashes.sh -- does the same seed give the same game on ARM64? Builds the
# core (and the two base files it uses; no Lua, no SDL) with tests/core/print_hashes.c for this machine
# (GCC, and clang -march=native) and for ARM64 (aarch64-linux-gnu-gcc, static,
# run under qemu-user), plays hand-built worlds and every shipped scenario's
# turn-0 world 40 turns on each, and compares the hashes. A cross-check by
# hand, not part of test.sh: it needs gcc-aarch64-linux-gnu,
# libc6-dev-arm64-cross and qemu-user (apt-get install them).
# Usage: scripts/dev/arm64-hashes.sh [CHOKEPOINT_BINARY]   (default build/test/chokepoint)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-build/test/chokepoint}")
for tool in aarch64-linux-gnu-gcc qemu-aarch64 clang; do
  command -v "$tool" > /dev/null || { echo "arm64-hashes: $tool is missing" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=0
worlds=()
for sc in scripts/scenarios/*.lua; do
  name=$(basename "$sc" .lua)
  "$bin" sim --scenario "$name" --turns 0 --no-agents --quiet --save "$tmp/$name.cpsave" > /dev/null
  # the world section of the save file (docs/saves.md, "File layouts")
  f=$tmp/$name.cpsave
  meta=$(od -An -tu8 -j40 -N8 "$f" | tr -d ' ')
  at=$((32 + 4 + 4 + 8 + meta + 4 + 5))
  len=$(od -An -tu8 -j"$at" -N8 "$f" | tr -d ' ')
  tail -c +$((at + 9)) "$f" | head -c "$len" > "$tmp/$name.cpworld" || true
  worlds+=("$tmp/$name.cpworld")
done
src=(src/core/*.c src/base/bytes.c src/base/xoshiro.c tests/core/fixture.c tests/core/print_hashes.c)
flags=(-std=c11 -O2 -ffp-contract=off -Isrc/core -Isrc/base -Itests/core)
gcc "${flags[@]}" "${src[@]}" -lm -o "$tmp/gcc"
clang "${flags[@]}" -march=native "${src[@]}" -lm -o "$tmp/clang"
aarch64-linux-gnu-gcc "${flags[@]}" -static "${src[@]}" -lm -o "$tmp/arm64"
(cd "$tmp" && ./gcc ./*.cpworld) > "$tmp/gcc.txt"
(cd "$tmp" && ./clang ./*.cpworld) > "$tmp/clang.txt"
(cd "$tmp" && qemu-aarch64 ./arm64 ./*.cpworld) > "$tmp/arm64.txt"
status=0
for other in clang arm64; do
  if ! diff "$tmp/gcc.txt" "$tmp/$other.txt" > /dev/null; then
    echo "DIFFERENT: $other against gcc x86-64:"; diff "$tmp/gcc.txt" "$tmp/$other.txt" | head -10
    status=1
  fi
done
[ $status -eq 0 ] && echo "same hashes: gcc x86-64, clang -march=native and gcc ARM64, $(wc -l < "$tmp/gcc.txt") hashes"
exit $status
