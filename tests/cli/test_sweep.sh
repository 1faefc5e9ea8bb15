#!/usr/bin/env bash
# test_sweep.sh -- `chokepoint sweep` as a teacher meets it: every combination
# of parameter values and seeds written as runs of one tidy CSV, the same
# file for the same command, and exit status 2 with a message for bad flags.
# Usage: test_sweep.sh PATH/TO/chokepoint
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

# 2 values x 3 seeds, 2 turns
cmd=(sweep --scenario licensing-2025 --vary heavy_approval=0.025,0.5 --seeds 1-3 --turns 2 --jobs 2)
"$bin" "${cmd[@]}" --csv "$tmp/a.csv" 2> "$tmp/err"; status=$?
check "sweep exits 0" '[ $status -eq 0 ]'
check "no progress bar when stderr is not a terminal" '! grep -q "\[#" "$tmp/err"'
# what made the file is in its sidecar a.datapackage.json (docs/csv.md), never in comment lines
pkg() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
side=$tmp/a.datapackage.json
check "no comment lines: the first line is the column row" '! grep -q "^#" "$tmp/a.csv"'
check "the sidecar records the version" '[ -n "$(pkg "$side" "d[\"chokepoint\"][\"version\"]")" ]'
check "the sidecar records the scenario" '[ "$(pkg "$side" "d[\"chokepoint\"][\"scenario\"]")" = licensing-2025 ]'
check "the sidecar records the exact command, runnable: this program by its full path" '[ "$(pkg "$side" "d[\"chokepoint\"][\"command\"]")" = "$(realpath "$bin") sweep --scenario licensing-2025 --vary heavy_approval=0.025,0.5 --seeds 1-3 --turns 2 --jobs 2 --csv $tmp/a.csv" ]'
check "the sidecar lists the declared parameters" '[ "$(pkg "$side" "[p[\"default\"] for p in d[\"chokepoint\"][\"parameters\"] if p[\"name\"] == \"heavy_approval\"]")" = "[0.025]" ]'
check "the sidecar names the file and every column, in order" '[ "$(pkg "$side" "d[\"resources\"][0][\"path\"]")" = a.csv ] && [ "$(pkg "$side" "\",\".join(f[\"name\"] for f in d[\"resources\"][0][\"schema\"][\"fields\"])")" = "$(head -1 "$tmp/a.csv")" ]'
check "columns: run, the parameter, seed, turn, date, nation, metrics" 'head -1 "$tmp/a.csv" | grep -q "^run,heavy_approval,seed,turn,date,nation,mined_t,separated_t,magnets_t,demand_t,shortage_t,price_ore_usd_per_kg,price_light_oxide_usd_per_kg,price_heavy_oxide_usd_per_kg,price_magnet_usd_per_kg,treasury_musd,score,gdp_loss_busd"'
data() { tail -n +2 "$1"; }
check "6 runs" '[ "$(data "$tmp/a.csv" | cut -d, -f1 | sort -u | wc -l)" -eq 6 ]'
check "each run has one value and one seed" '[ "$(data "$tmp/a.csv" | cut -d, -f1-3 | sort -u | wc -l)" -eq 6 ]'
check "runs cover every value x seed" '[ "$(data "$tmp/a.csv" | cut -d, -f2,3 | sort -u | tr "\n" " ")" = "0.025,1 0.025,2 0.025,3 0.5,1 0.5,2 0.5,3 " ]'
check "run 1 is the first value and seed, run 6 the last" 'data "$tmp/a.csv" | grep -q "^1,0.025,1,0," && data "$tmp/a.csv" | grep -q "^6,0.5,3,2,"'
nations=$(data "$tmp/a.csv" | awk -F, '$1==1 && $4==0' | wc -l)
check "every run: turns 0-2 x every nation" '[ "$nations" -gt 10 ] && [ "$(data "$tmp/a.csv" | wc -l)" -eq $((6 * 3 * nations)) ]'
check "turn 1 carries its date" 'data "$tmp/a.csv" | grep -q "^1,0.025,1,1,2025Q2,CHN,"'
jpn() { data "$tmp/a.csv" | awk -F, -v r=$1 '$1==r && $4==2 && $6=="JPN" {print $14}'; }
check "the parameter changes the game (JPN heavy-oxide price, turn 2)" '[ "$(jpn 1)" != "$(jpn 4)" ]'
check "turn 0 is the same for every seed (chance starts with play)" '[ "$(data "$tmp/a.csv" | awk -F, "\$1==1 && \$4==0" | cut -d, -f4-)" = "$(data "$tmp/a.csv" | awk -F, "\$1==2 && \$4==0" | cut -d, -f4-)" ]'

"$bin" "${cmd[@]}" --csv "$tmp/a.csv.again" 2> /dev/null
check "same command twice: identical CSV" 'cmp -s "$tmp/a.csv" "$tmp/a.csv.again"'
cd "$tmp" && "$bin" "${cmd[@]}" --csv same.csv 2> /dev/null && mv same.csv first.csv && "$bin" "${cmd[@]}" --csv same.csv 2> /dev/null; cd - > /dev/null
check "same command twice: identical files" 'cmp -s "$tmp/first.csv" "$tmp/same.csv"'
"$bin" sweep --scenario licensing-2025 --vary heavy_approval=0.025,0.5 --seeds 1-3 --turns 2 --jobs 1 --csv "$tmp/b.csv" 2> /dev/null
check "--jobs does not change the rows" 'cmp -s <(data "$tmp/a.csv") <(data "$tmp/b.csv")'

"$bin" sweep --scenario escalation-and-pause-2025 --vary pause_quarters=1,4 --vary october_heavy_approval=0.1,0.2,0.3 --seeds 5,9 --turns 1 --csv "$tmp/c.csv" --quiet 2> "$tmp/err"; status=$?
check "two parameters: every combination (2 x 3 values x 2 seeds = 12 runs)" '[ $status -eq 0 ] && [ "$(data "$tmp/c.csv" | cut -d, -f1 | sort -u | wc -l)" -eq 12 ] && head -1 "$tmp/c.csv" | grep -q "^run,pause_quarters,october_heavy_approval,seed,turn,"'
check "--quiet prints nothing" '[ ! -s "$tmp/err" ]'
"$bin" sweep --scenario free-trade --turns 1 --csv - --quiet > "$tmp/d.csv"; status=$?
check "no --vary: one run per seed, to standard output with --csv -" '[ $status -eq 0 ] && [ "$(data "$tmp/d.csv" | cut -d, -f1 | sort -u)" = "1" ] && head -1 "$tmp/d.csv" | grep -q "^run,seed,turn,"'
"$bin" sweep --scenario alliance --turns 2 --agents --csv "$tmp/e.csv" --quiet; status=$?
check "--agents seats the scenario's agents" '[ $status -eq 0 ] && [ "$(pkg "$tmp/e.datapackage.json" "d[\"chokepoint\"][\"agents\"]")" = "scenario defaults" ]'

expect_2() { # name, fragment of the message, args...
  local name=$1 frag=$2; shift 2
  local err; err=$("$bin" "$@" 2>&1 >/dev/null); local st=$?
  if [ $st -eq 2 ] && printf "%s" "$err" | grep -q -- "$frag"; then ok "$name"; else bad "$name (status $st: $err)"; fi
}
expect_2 "undeclared --vary name" "--vary nosuch: licensing-2025 declares no such parameter" sweep --scenario licensing-2025 --vary nosuch=1,2 --csv "$tmp/x.csv"
expect_2 "the message lists the declared names" "heavy_approval" sweep --scenario licensing-2025 --vary nosuch=1,2 --csv "$tmp/x.csv"
expect_2 "usage shown with a bad --vary" "usage: chokepoint sweep" sweep --scenario licensing-2025 --vary nosuch=1,2 --csv "$tmp/x.csv"
check "nothing written for a refused sweep" '[ ! -e "$tmp/x.csv" ]'
expect_2 "value out of range" "--vary heavy_approval: 2 is outside 0..1" sweep --scenario licensing-2025 --vary heavy_approval=0.5,2
expect_2 "value not a number" "--vary heavy_approval: 'lots' is not a number" sweep --scenario licensing-2025 --vary heavy_approval=lots
expect_2 "--vary without values" "--vary: 'heavy_approval' is not NAME=V1,V2" sweep --scenario licensing-2025 --vary heavy_approval
expect_2 "--vary twice for one name" "given twice" sweep --scenario licensing-2025 --vary heavy_approval=0.1 --vary heavy_approval=0.2
expect_2 "bad --seeds" "--seeds" sweep --scenario licensing-2025 --seeds 5-2
expect_2 "bad --jobs" "--jobs: '0'" sweep --scenario licensing-2025 --jobs 0
expect_2 "missing --scenario" "--scenario is required" sweep --seeds 1-2
expect_2 "unknown flag" "unknown flag '--bogus'" sweep --scenario licensing-2025 --bogus
expect_2 "unknown scenario" "nosuch" sweep --scenario nosuch
expect_2 "unwritable --csv" "cannot write" sweep --scenario free-trade --turns 1 --csv "$tmp/no/such/dir.csv"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
