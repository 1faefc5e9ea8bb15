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
    # the print theme: white paper (at least half the pixels) and dark ink (#111111 text)
    msg=$("$png_check" "$f" "$w" "$h" "ffffff:$((w * h / 2))" "111111:2000" 2>&1); st=$?
    check "$name.png is printed in dark ink on white ($msg)" '[ $st -eq 0 ]'
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
# key figures by nation, never only world averages: each main actor's price paid, start and end,
# the same numbers as nations.csv holds (column 14: price paid for Dy/Tb oxide, 15: magnets)
check "a table by nation" 'grep -q "<h2>Key figures by nation</h2>" "$html"'
for iso in CHN JPN USA DEU; do
    h0=$(awk -F, -v n=$iso '$1==0 && $3==n {printf "%.2f", $14}' "$dir/nations.csv")
    h8=$(awk -F, -v n=$iso '$1==8 && $3==n {printf "%.2f", $14}' "$dir/nations.csv")
    m8=$(awk -F, -v n=$iso '$1==8 && $3==n {printf "%.2f", $15}' "$dir/nations.csv")
    row=$(grep "<tr data-iso3=\"$iso\">" "$html")
    check "$iso: Dy/Tb paid \$$h0 → \$$h8 and magnets paid ending \$$m8 as in nations.csv" \
        'printf "%s" "$row" | grep -qF "<td>\$$h0/kg → \$$h8/kg" && printf "%s" "$row" | grep -qF "→ \$$m8/kg"'
done
# made, the difference each nation's decisions made, as nations.csv has it at the last turn
for iso in CHN JPN; do
    md=$(awk -F, -v n=$iso '$1==8 && $3==n {printf "%+.1f", $31}' "$dir/nations.csv")
    check "$iso: made by its decisions $md points, as nations.csv's made" \
        'grep "<tr data-iso3=\"$iso\">" "$html" | grep -qF "<td>$md points</td>"'
done
check "the made column explained" 'grep -q "<th>Made by its decisions</th>" "$html" && grep -q "without its own decisions" "$html"'
# Japan's dearest quarter for Dy/Tb oxide, as in nations.csv (the licensing's first months)
peak=$(awk -F, '$3=="JPN" && $1>=0 && $14+0>p {p=$14+0; d=$2} END {printf "%s %s", d, p}' "$dir/nations.csv")
pk_date=${peak% *} pk_usd=$(printf "%.0f" "${peak#* }" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
check "Japan's Dy/Tb peak (\$$pk_usd/kg in $pk_date) beside its start and end" \
    'grep "<tr data-iso3=\"JPN\">" "$html" | grep -qF "peak \$$pk_usd/kg in $pk_date"'
check "the peak paid outside China, and how many times the start it was" \
    'grep -Eq "Paid for Dy/Tb oxide outside China</th><td>.*; peak [$][0-9.,]+/kg in 20[0-9]{2}Q[1-4] \([0-9.]+× the start\)" "$html"'
check "China's row comes first" '[ "$(grep -o "<tr data-iso3=\"[A-Z]*\">" "$html" | head -1)" = "<tr data-iso3=\"CHN\">" ]'
usd='[$][0-9.,]+/kg'
check "price paid in China beside the price paid outside it" \
    'grep -Eq "Paid for Dy/Tb oxide in China</th><td>$usd → $usd</td>" "$html" &&
     grep -Eq "Paid for Dy/Tb oxide outside China</th><td>$usd → $usd \([+-][0-9]+%\)" "$html"'
# the console's end-of-game summary: world prices and what buyers in and outside China paid
c8=$(awk -F, '$1==8 && $3=="CHN" {printf "%.2f", $14}' "$dir/nations.csv")
check "sim prints the world price of Dy/Tb oxide, start and end" \
    'printf "%s\n" "$out" | grep -E "^  world price \(producers\)" | grep -qF "\$$p0 -> \$$p8"'
check "sim prints what China paid for Dy/Tb oxide (\$$c8)" \
    'printf "%s\n" "$out" | grep -E "^  paid in China" | grep -qF " -> \$$c8 "'
two='[$][0-9.]+ -> [$][0-9.]+'
check "sim prints what buyers outside China paid" \
    'printf "%s\n" "$out" | grep -Eq "^  paid outside China +$two +$two +$two$"'

# the full legend of prices.png: every numbered quarter of policy moves and every event, none
# left to news.csv (a move is a policy news item after turn 0 that is not a refusal)
quarters=$(awk -F, '$1>=1 && $3=="policy" && !/order refused|not possible|could not be carried out/ {print $1}' \
    "$dir/news.csv" | sort -un | wc -l)
listed=$(sed -n '/<ol class="moves">/,/<\/ol>/p' "$html" | grep -c "^<li>")
check "every quarter with policy moves is numbered in the legend ($listed of $quarters)" \
    '[ "$quarters" -gt 5 ] && [ "$listed" -eq "$quarters" ]'
first=$(awk -F, '$1>=1 && $3=="policy" && !/order refused|not possible|could not be carried out/ {print $2; exit}' "$dir/news.csv")
check "the legend starts with the first quarter of moves ($first)" \
    '[ "$(sed -n "/<ol class=\"moves\">/{n;p}" "$html" | grep -o "<b>[0-9Q]*</b>")" = "<b>$first</b>" ]'
events=$(awk -F, '$1>=1 && $3=="event"' "$dir/news.csv" | wc -l)
check "every event is listed ($events)" \
    '[ "$(sed -n "/<ul class=\"events\">/,/<\/ul>/p" "$html" | grep -c "^<li>")" -eq "$events" ] ||
     { [ "$events" -eq 0 ] && grep -q "No events during the game" "$html"; }'
check "each kind of move in the list is explained" \
    '[ "$(for k in "export licences" stockpile tariffs; do grep -c "<dt>$k</dt><dd>[a-z]" "$html"; done | tr -d "\n")" = 111 ]'
check "the markers and lines are explained" \
    'grep -q "<b>Numbered box</b>" "$html" && grep -q "<b>Dot</b> on a panel" "$html" && grep -q "price paid in China" "$html"'
check "no figure is left to news.csv" '! grep -q "see news.csv\|dated in news.csv" "$html"'

# printed on A4: page size, the legend and the charts each start a page, white paper, dark ink
check "A4 print styles" 'grep -q "@page{size:A4" "$html" && grep -q "\.newpage{break-before:page}" "$html"'
check "the legend and the charts start their own printed pages" \
    '[ "$(grep -c "<h2 class=\"newpage\">" "$html")" -eq 2 ] && grep -q "<h2 class=\"newpage\">Charts" "$html"'
check "white paper and dark ink" 'grep -q "html{background:#fff}" "$html" && grep -q "color:#111" "$html"'

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
