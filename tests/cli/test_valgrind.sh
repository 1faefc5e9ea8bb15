#!/usr/bin/env bash
# test_valgrind.sh -- a 40-turn game with saves, loads, autosaves, a replay
# and every nation on an agent, checked for memory errors: under valgrind
# (invalid reads or writes, uninitialised values steering a branch, leaks
# definite or indirect) when the program is a plain build, or by the
# sanitizers themselves when it was built with ASan and UBSan (valgrind
# cannot run those; scripts/valgrind.sh makes a plain build and runs this
# test on it). Skipped (exit 77) on a plain build when valgrind is missing.
# Usage: test_valgrind.sh PATH/TO/chokepoint
set -u
bin=$1
if grep -aq "__asan_init" "$bin" 2> /dev/null || ldd "$bin" 2> /dev/null | grep -q "libasan"; then
  mode=sanitizers
  echo "$bin is built with AddressSanitizer: the sanitizers check the game, not valgrind"
elif command -v valgrind > /dev/null 2>&1; then
  mode=valgrind
else
  echo "skipped: valgrind is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
# vg NAME ARGS...: run the program under valgrind (or as it is, when the
# sanitizers are built in); its output goes to NAME.out, the checker's report
# to NAME.vg; any error or leak fails
vg() {
  local name=$1; shift
  local st
  if [ $mode = valgrind ]; then
    valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
      --errors-for-leak-kinds=definite,indirect --track-origins=yes --log-file="$name.vg" \
      "$bin" "$@" > "$name.out" 2>&1
    st=$?
  else
    "$bin" "$@" > "$name.out" 2>&1
    st=$?
    grep -E "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" "$name.out" > "$name.vg"
  fi
  if [ $st -eq 99 ] || [ -s "$name.vg" ]; then
    bad "$name: $mode report errors (status $st)"
    sed -n 1,60p "$name.vg"
    return 1
  fi
  return $st
}

straight=$("$bin" sim --turns 40 --seed 7 --quiet | grep "^hash:")
if vg first-half sim --turns 20 --seed 7 --save half.cpsave --record first.cprep --quiet; then
  ok "20 turns, saved and recorded: clean"
else bad "the first half failed: $(cat first-half.out)"; fi
if vg second-half sim --load saves/half.cpsave --turns 20 --autosave auto --save end.cpsave --quiet; then
  ok "loaded, 20 more turns with autosaves, saved: clean"
else bad "the second half failed: $(cat second-half.out)"; fi
ended=$(grep "^hash:" second-half.out)
if [ -n "$straight" ] && [ "$ended" = "$straight" ]; then ok "the loaded game ends with the hash of the game never stopped"
else bad "after loading: '$ended', never stopped: '$straight'"; fi
last=$(ls auto/autosave-baseline-*.cpsave 2> /dev/null | tail -1)
if [ -n "$last" ] && vg autosave sim --load "$last" --turns 1 --quiet; then ok "the last autosave loads and plays on: clean"
else bad "the last autosave ($last) did not load cleanly: $(cat autosave.out 2> /dev/null)"; fi
if vg replay replay first.cprep; then ok "the replay matches: clean"
else bad "the replay: $(cat replay.out)"; fi
# refusals free what they read too
head -c 3000 saves/end.cpsave > cut.cpsave
vg refused sim --load cut.cpsave --turns 1
st=$?
if [ $st -eq 2 ] && grep -q "cut.cpsave: truncated" refused.out; then ok "a truncated save is refused: clean"
else bad "a truncated save (status $st): $(cat refused.out)"; fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
