#!/usr/bin/env bash
# test_watch.sh -- `chokepoint sim --watch` from the command line: the flag is
# known and documented, and watching files that do not change plays exactly
# the same game. (Edits during a game are tested in tests/script/test_reload.c,
# where the turns can wait for them.)
# Usage: test_watch.sh PATH/TO/chokepoint
set -u
bin=$1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

plain=$("$bin" sim --turns 6 --seed 4 --agent USA=example_planner --quiet 2>&1); s1=$?
watched=$("$bin" sim --turns 6 --seed 4 --agent USA=example_planner --quiet --watch 2>&1); s2=$?
check "sim --watch runs" '[ $s1 -eq 0 ] && [ $s2 -eq 0 ]'
check "same hash with --watch when no file changes" '[ -n "$plain" ] && [ "$plain" = "$watched" ]'
check "sim --help documents --watch" '"$bin" sim --help | grep -q -- "--watch .*reload"'
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
