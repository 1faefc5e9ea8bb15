#!/usr/bin/env bash
# test_deals_baseline.sh -- issue 4's showcase: 40 turns of baseline played by the shipped
# personalities sign a suspension-for-concession deal and an offtake deal, both carried out
# (started and not breached), as deals.csv shows. Usage: test_deals_baseline.sh PATH/TO/chokepoint
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

"$bin" sim --scenario baseline --turns 40 --csv "$tmp" --quiet > "$tmp/out" 2>&1; status=$?
check "sim exits 0" '[ $status -eq 0 ]'
deals=$tmp/deals.csv
check "deals.csv has its header" 'head -1 "$deals" | grep -q "^turn,date,deal_id,proposer,parties,clauses,status,event,by$"'

# deal ids whose row for 'event' has clauses matching both patterns
ids() { # event pattern1 pattern2
  awk -v ev="$1" -v p1="$2" -v p2="$3" -F, '
    { n = split($0, f, ","); event = f[n - 1] }
    event == ev && index($0, p1) && index($0, p2) { print $3 }' "$deals" | sort -u
}
# the first id in $1 that never has a "breached" row
kept() {
  for id in $1; do
    if ! awk -F, -v id="$id" '$3 == id && /,breached,/' "$deals" | grep -q .; then echo "$id"; return; fi
  done
}
suspend=$(ids started "suspends its controls" "caps its tariff")
offtake=$(ids started "delivers" "t/qtr")
check "a suspension for a tariff cut is signed and starts" '[ -n "$suspend" ]'
check "an offtake is signed and starts" '[ -n "$offtake" ]'
check "a suspension deal is carried out without breach" '[ -n "$(kept "$suspend")" ]'
check "an offtake deal is carried out without breach" '[ -n "$(kept "$offtake")" ]'
check "proposals and answers are logged" 'grep -q ",proposed,USA\|,proposed,CHN" "$deals" && grep -q ",accepted," "$deals"'
check "the news reports the agreements" 'grep -q "agreed:" "$tmp/news.csv"'
# what was signed, for whoever reads the test's log
grep ",started," "$deals" | cut -d, -f1-6 | head -20

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
