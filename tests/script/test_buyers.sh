#!/usr/bin/env bash
# test_buyers.sh -- the shipped buyers (decoupler, green_bloc, stability_buyer: issue 22) answer
# a supplier that licenses them: each asks it to suspend its controls in the first quarter, a
# refusal is answered with a sweeter offer (an offtake at a premium; the decoupler also freezes
# its tariffs), two refusals with a year's wait; at "easy" the first ask comes a year late. And
# the default agents of baseline break no deal (seed 5 once broke deal 15 in turn 10, when the
# decoupler let two deals cap one tariff). Reads deals.csv.
# Usage: test_buyers.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
no="CHN=$src/tests/script/agents/supplier_says_no.lua"

"$bin" sim --scenario baseline --turns 10 --seed 2 --agent "$no" --csv "$tmp/n" --quiet > /dev/null 2>&1
check "normal: the game plays" '[ -f "$tmp/n/deals.csv" ]'
# turns at which ISO proposed a deal to CHN whose clauses match PATTERN
asks() { # dir iso pattern
  awk -F, -v iso="$2" -v pat="$3" '$4 == iso && $(NF-1) == "proposed" && $5 == iso " CHN" &&
    index($0, pat) { print $1 }' "$1/deals.csv" | tr '\n' ' '
}
for iso in USA DEU JPN KOR; do
  plain=$(asks "$tmp/n" "$iso" "CHN suspends its controls on all goods to $iso")
  sweet=$(asks "$tmp/n" "$iso" "CHN delivers")
  check "normal: $iso asks CHN for a suspension in the first quarter, again after each refusal, then waits a year (asks at 0 1 6 7, got $plain)" '[ "$plain" = "0 1 6 7 " ]'
  check "normal: $iso sweetens the ask after a refusal with an offtake (at 1 and 7, got $sweet)" '[ "$sweet" = "1 7 " ]'
done
check "normal: the decoupler's sweetened ask freezes its tariffs" \
  '[ "$(asks "$tmp/n" USA "USA caps its tariff on light_oxide from CHN")" = "1 7 " ]'

"$bin" sim --scenario baseline --turns 10 --seed 2 --agent "$no" --difficulty easy --csv "$tmp/e" --quiet > /dev/null 2>&1
for iso in USA DEU JPN KOR; do
  first=$(asks "$tmp/e" "$iso" "CHN suspends" | cut -d' ' -f1)
  check "easy: $iso asks only after a year under licence (first ask at 4, got ${first:-none})" '[ "$first" = 4 ]'
done

"$bin" sim --scenario baseline --turns 12 --seed 5 --csv "$tmp/d" --quiet > /dev/null 2>&1
check "baseline seed 5: deals are signed" 'grep -q ",started," "$tmp/d/deals.csv"'
check "baseline seed 5: no deal is breached" '! grep -q ",breached," "$tmp/d/deals.csv"'

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
