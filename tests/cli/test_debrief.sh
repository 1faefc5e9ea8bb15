#!/usr/bin/env bash
# test_debrief.sh -- `chokepoint sim --debrief DIR` writes the whole debrief pack: every chart
# as a PNG of the right size that shows something, the CSV files, and summary.html with the
# scenario's debrief questions and the key figures of the game.
# Usage: test_debrief.sh PATH/TO/chokepoint PATH/TO/png_check SOURCE_DIR
set -u
bin=$1 png_check=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

# no display: the charts are drawn in memory
unset DISPLAY WAYLAND_DISPLAY
export SDL_VIDEODRIVER=offscreen

dir="$tmp/pack/nested"
out=$("$bin" sim --scenario licensing-2025 --turns 8 --seed 1 --debrief "$dir" 2>&1); status=$?
check "sim --debrief exits 0" '[ $status -eq 0 ]'
check "still ends with the hash" 'printf "%s\n" "$out" | tail -1 | grep -Eq "^hash: [0-9a-f]{16}$"'
check "says where the summary is" 'printf "%s\n" "$out" | grep -q "^debrief: $dir/summary.html$"'
same=$("$bin" sim --scenario licensing-2025 --turns 8 --seed 1 --quiet)
check "--debrief does not change the game" '[ "$same" = "$(printf "%s\n" "$out" | tail -1)" ]'

# every chart: a PNG of its size, with many colours, mostly not background, and its data
# drawn in the data's colours (Okabe-Ito: d55e00 China / exporters, 56b4e9 elsewhere /
# importers / EVs, e69f00 industrial motors, cc79a7 permitting, 009e73 producing)
charts="prices:1400:1100:d55e00:2000:56b4e9:2000
supply:1400:760:d55e00:50000
shortages:1400:760:e69f00:2000:56b4e9:1000
pipeline:1400:760:cc79a7:2000:009e73:500
tariffs:1400:760:56b4e9:5000:d55e00:2000"
while IFS=: read -r name w h c1 n1 c2 n2; do
    f="$dir/$name.png"
    check "$name.png written" '[ -s "$f" ]'
    msg=$("$png_check" "$f" "$w" "$h" "$c1:$n1" ${c2:+"$c2:$n2"} 2>&1); st=$?
    check "$name.png is ${w}x${h} and shows its data ($msg)" '[ $st -eq 0 ]'
done <<< "$charts"

for csv in nations markets facilities news deals; do
    check "$csv.csv in the pack" '[ -s "$dir/$csv.csv" ]'
done

html="$dir/summary.html"
check "summary.html written" '[ -s "$html" ]'
check "it is one HTML page" 'head -1 "$html" | grep -q "<!DOCTYPE html>" && tail -1 "$html" | grep -q "</html>"'
# the scenario's debrief questions, word for word (HTML-escaped apostrophes are not used)
q1=$(grep -A1 "debrief = {" "$src/scripts/scenarios/licensing-2025.lua" | tail -1 | sed -e 's/^ *"//' -e 's/",$//')
check "the first debrief question" 'grep -qF "$q1" "$html"'
check "all five debrief questions" '[ $(grep -c "^<li>" "$html") -ge 8 ]' # 5 questions + 3 objectives
check "the objectives" 'grep -q "Learning objectives" "$html" && grep -qF "Measure a policy" "$html"'
check "a briefing excerpt" 'grep -q "MOFCOM Announcement No. 18" "$html"'
check "the seed and dates" 'grep -q "seed <b>1</b>, 2025Q1 to 2027Q1" "$html"'
# key figures, the same numbers as the CSV files hold
p0=$(awk -F, '$1==0 && $3=="heavy_oxide" {printf "%.2f", $4}' "$dir/markets.csv")
p8=$(awk -F, '$1==8 && $3=="heavy_oxide" {printf "%.2f", $4}' "$dir/markets.csv")
check "heavy-oxide price start and end ($p0, $p8) as in markets.csv" \
    'grep -q "World price of Dy/Tb oxide</th><td>\$$p0/kg → \$$p8/kg; peak" "$html"'
check "the worst magnet shortage" 'grep -Eq "Worst world magnet shortage</th><td>[0-9,]+ t in 20[0-9]{2}Q[1-4] \(" "$html"'
check "China's shares" 'grep -Eq "China.s share of world output</th><td>mining [0-9.]+% → [0-9.]+%; separation" "$html"'
check "new capacity outside China" 'grep -q "New capacity decided outside China" "$html" && grep -q "New capacity producing outside China" "$html"'
check "deals signed" 'grep -Eq "Deals</th><td>[0-9]+ signed" "$html"'
for name in prices supply shortages pipeline tariffs; do
    check "summary shows $name.png" 'grep -q "<img src=\"$name.png\"" "$html"'
done

# a folder that cannot be made is refused with a message and status 2
touch "$tmp/file"
"$bin" sim --turns 1 --debrief "$tmp/file/pack" --quiet > /dev/null 2> "$tmp/err"; status=$?
check "an impossible folder: status 2" '[ $status -eq 2 ]'
check "and a message naming it" 'grep -q "debrief.*$tmp/file" "$tmp/err"'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
