#!/usr/bin/env bash
# test_validate.sh -- `chokepoint validate` plays the reference runs and holds the game to the
# record (shared/data/rare-earths.md): every fact must pass, and docs/validation.md must be the
# table the build writes (regenerate it with `chokepoint validate --markdown docs/validation.md`).
#   test_validate.sh CHOKEPOINT_BINARY SOURCE_DIR
set -u
bin=${1:?usage: test_validate.sh CHOKEPOINT_BINARY SOURCE_DIR}
src=${2:?usage: test_validate.sh CHOKEPOINT_BINARY SOURCE_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

out=$("$bin" validate --markdown "$tmp/validation.md" 2>&1); st=$?
printf "%s\n" "$out" | grep "^FAIL" -A3
check "validate passes every fact (status $st)" '[ $st -eq 0 ]'
check "it says how many facts passed" 'printf "%s\n" "$out" | grep -Eq "^validate: ([0-9]+) of \1 facts pass"'
check "no market solve stopped at its iteration cap" 'printf "%s\n" "$out" | grep -q "; 0 market solves stopped at the iteration cap"'
check "every fact has its source, figure and target" \
  '[ $(printf "%s\n" "$out" | grep -c "^     source: ") -ge 20 ] && [ $(printf "%s\n" "$out" | grep -c "^     target: ") -ge 20 ]'
check "the facts the issue asks for are there" \
  'for f in "share of world mine output" "World mine output" "share of separation, 2025" "magnet making" \
     "IEA 2030 outlook: China" "Malaysia" "Licensing 2025: Dy/Tb" "China.s own Dy/Tb" "magnet exports, 2025Q2" \
     "magnet exports, 2025Q3" "Embargo 2010: the Dy/Tb boom" "Embargo 2010: the bust" "Free trade" \
     "A new US mine" "Allies" "Technology ban" "Central Asia" "Opening world at rest"; do
     printf "%s\n" "$out" | grep -q "$f" || exit 1; done'
check "docs/validation.md is the table this build writes (run: chokepoint validate --markdown docs/validation.md)" \
  'cmp -s "$tmp/validation.md" "$src/docs/validation.md"'
q=$("$bin" validate --quiet 2>&1)
check "--quiet prints only the misses and the summary" '[ "$(printf "%s\n" "$q" | wc -l)" -eq 1 ]'
u=$("$bin" validate --bogus 2>&1); st=$?
check "an unknown flag is refused by name (status 2)" '[ $st -eq 2 ] && printf "%s" "$u" | grep -q "unknown flag .--bogus."'
h=$("$bin" help validate 2>&1)
check "help validate" 'printf "%s" "$h" | grep -q "usage: chokepoint validate"'
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
