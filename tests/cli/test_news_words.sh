#!/usr/bin/env bash
# test_news_words.sh -- the news a person reads is in plain words (issue 15): no
# machine names of goods, plants or orders, and no nation's ISO code standing for
# its name, in any scenario's news.csv text, with its agents playing. A funder's
# code in a plant's own name ("(IND-funded)", "(USA co-investment)") and the
# order check's own refusal quoted after "not possible: " (it still speaks in
# codes, to agents and the command line as well) are the places left out.
# Usage: test_news_words.sh PATH/TO/chokepoint
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
failed=0 checked=0
for sc in "$(dirname "$0")"/../../scripts/scenarios/*.lua; do
  name=$(basename "$sc" .lua)
  out=$tmp/$name
  if ! "$bin" sim --scenario "$name" --seed 1 --quiet --csv "$out" > /dev/null 2> "$tmp/err"; then
    echo "FAIL $name: sim failed: $(head -1 "$tmp/err")"; failed=$((failed + 1)); continue
  fi
  codes=$(cut -d, -f3 "$out/nations.csv" | sed 1d | sort -u | paste -sd'|')
  # the text column (the fifth, quoted), funders' codes in plant names removed
  texts=$(awk -F'"' 'NR > 1 { print $2 }' "$out/news.csv" |
          sed -E 's/\((\w+ )?[A-Z]{3}(-funded| co-investment)\)//g; s/ not possible: .*/ not possible/')
  machine=$(printf '%s\n' "$texts" | grep -E '\b(light_oxide|heavy_oxide|magnet_plant|heavy_separation|set_[a-z_]+|buy_stockpile|release_stockpile)\b' | head -1)
  iso=$(printf '%s\n' "$texts" | grep -Ew "$codes" | head -1)
  checked=$((checked + $(printf '%s\n' "$texts" | wc -l)))
  [ -z "$machine" ] || { echo "FAIL $name: a machine name in the news: $machine"; failed=$((failed + 1)); }
  [ -z "$iso" ] || { echo "FAIL $name: an ISO code in the news: $iso"; failed=$((failed + 1)); }
done
[ "$checked" -gt 100 ] || { echo "FAIL only $checked news lines read"; failed=$((failed + 1)); }
echo "$checked news lines read, $failed failure(s)"
[ "$failed" -eq 0 ]
