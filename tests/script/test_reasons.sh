#!/usr/bin/env bash
# test_reasons.sh -- issue 15: an offtake offered to Australia and rejected says why, in the
# proposer's turn report: the reason Australia's agent gave, or the rules' own (what the
# deal would cost it) when it gave none. Usage: test_reasons.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$1
src=$2
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
agents=$src/tests/script/agents

out=$("$bin" sim --scenario baseline --turns 2 --seed 1 --agent USA="$agents/offer_offtake.lua" \
      --agent AUS="$agents/reject_with_reason.lua" 2>&1); status=$?
check "sim exits 0" '[ $status -eq 0 ]'
line=$(printf "%s\n" "$out" | grep "REPORT AUS rejected")
check "the proposer reads Australia's answer and its reason: $line" \
      'printf "%s" "$line" | grep -q "Australia rejected a deal (Australia delivers .*): we sell NdPr oxide at market prices only"'

out=$("$bin" sim --scenario baseline --turns 2 --seed 1 --agent USA="$agents/offer_offtake.lua" \
      --agent AUS="$agents/reject_silently.lua" 2>&1)
line=$(printf "%s\n" "$out" | grep "REPORT AUS rejected")
check "without one, the rules' reason: $line" \
      'printf "%s" "$line" | grep -Eq "it would cost Australia about \\\$[0-9]+M a year at current prices"'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
