#!/usr/bin/env bash
# test_sim_cli.sh -- `chokepoint sim` as a user meets it: output format,
# reproducible hashes, CSV files, and exit status 2 with a message for bad
# flags and scenarios. Usage: test_sim_cli.sh PATH/TO/chokepoint
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

out=$("$bin" sim --scenario baseline --turns 4 --seed 3 2>&1); status=$?
check "sim exits 0" '[ $status -eq 0 ]'
ranked=$(printf "%s\n" "$out" | grep -Ec "^ {0,3}[0-9]+  .* [0-9]+ of [0-9]+  [-+][0-9]+\.[0-9]{2}$")
check "one line per turn plus header, start, the results table (a row per nation), the summary of prices paid (4 lines) and hash" '[ "$ranked" -ge 20 ] && [ $(printf "%s\n" "$out" | wc -l) -eq $((7 + 3 + 4 + ranked)) ] && [ $(printf "%s\n" "$out" | grep -Ec "^20[0-9]{2}Q[1-4] t") -eq 4 ] && [ $(printf "%s\n" "$out" | grep -c "^start  ") -eq 1 ]'
# a line is dated by the quarter its figures describe: --turns 4 plays 2025Q1..2025Q4 (issue 19)
check "the quarters played, each once: 2025Q1 t0 to 2025Q4 t3" 'printf "%s\n" "$out" | grep -q "^2025Q1 t0 " && printf "%s\n" "$out" | grep -q "^2025Q4 t3 " && ! printf "%s\n" "$out" | grep -q "^2026Q1"'
check "the results table: a ranking, the parts, goals met, made" 'printf "%s\n" "$out" | grep -q "^rank  nation  *score  security  prosperity  leverage  stability  goals met  made$" && printf "%s\n" "$out" | grep -Eq "^   1  China  .* [0-9] of [0-9]  [-+][0-9]+\.[0-9]{2}$"'
check "--quiet leaves the table out" '[ "$("$bin" sim --scenario baseline --turns 1 --seed 3 --quiet | wc -l)" -eq 1 ]'
check "ends with a 16-digit hash" 'printf "%s\n" "$out" | tail -1 | grep -Eq "^hash: [0-9a-f]{16}$"'
check "lines carry the date" 'printf "%s\n" "$out" | grep -q "^2025Q3 t2"'
again=$("$bin" sim --scenario baseline --turns 4 --seed 3 --quiet)
check "same seed, same hash" '[ "$again" = "$(printf "%s\n" "$out" | tail -1)" ]'
other=$("$bin" sim --scenario=baseline --turns=4 --seed=4 --quiet)
check "--flag=value form works" 'printf "%s\n" "$other" | grep -Eq "^hash: "'

# issue 19: view.turns is the game's real length, not the scenario's 40
printf 'return { api_version = 1, turn = function(view) if view.turn == 0 then print("turns " .. view.turns) end end }\n' > "$tmp/turns.lua"
check "view.turns under --turns 12 is 12" '"$bin" sim --turns 12 --seed 1 --agent USA="$tmp/turns.lua" 2>&1 | grep -q "turns.lua: turns 12$"'
check "view.turns under --turns 1 is 1" '"$bin" sim --turns 1 --seed 1 --agent USA="$tmp/turns.lua" 2>&1 | grep -q "turns.lua: turns 1$"'
# issue 19: --pace slows the run, never the game
check "--pace gives the same game" '[ "$("$bin" sim --turns 2 --seed 3 --pace 50 --quiet)" = "$("$bin" sim --turns 2 --seed 3 --quiet)" ]'
check "--pace needs a number of milliseconds" '! "$bin" sim --turns 1 --pace soon > /dev/null 2>&1 && ! "$bin" sim --turns 1 --pace -5 > /dev/null 2>&1'
# issue 19: a replay read as text and as JSON lines, without a window
printf 'return { api_version = 1, turn = function(view, act) print("hello from turn " .. view.turn); act.set_tariff("magnet", "CHN", 0.1 + view.turn / 100) end }\n' > "$tmp/talker.lua"
"$bin" sim --turns 4 --seed 2 --agent USA="$tmp/talker.lua" --record "$tmp/r.cprep" --quiet > /dev/null 2>&1
rl=$("$bin" replay "$tmp/r.cprep" --orders --log --seat USA 2>&1); status=$?
check "replay --orders --log exits 0 after checking the hashes" '[ $status -eq 0 ] && printf "%s\n" "$rl" | grep -q ": identical"'
check "replay --orders: each turn's orders with what became of them" '[ $(printf "%s\n" "$rl" | grep -v "(scheduled)" | grep -Ec "^2025Q[1-4] t[0-3] +USA order set_tariff +done ") -eq 4 ] && printf "%s\n" "$rl" | grep -q "^2025Q3 t2   USA order set_tariff  *done .*12% tariff on magnets from China"'
check "replay --log: the agent's budget use and its print lines" 'printf "%s\n" "$rl" | grep -Eq "^2025Q1 t0   USA agent .*talker.lua: [0-9]+ of 2000000 instructions" && printf "%s\n" "$rl" | grep -q "^2025Q4 t3   USA log .*hello from turn 3$"'
check "replay --seat USA: no other nation" '! printf "%s\n" "$rl" | grep -Eq "^20[0-9]{2}Q[1-4] t[0-9]+ +(CHN|JPN|AUS) "'
rt=$("$bin" replay "$tmp/r.cprep" --orders --turns 2-2 --seat USA 2>&1)
check "replay --turns 2-2: that turn alone" '[ $(printf "%s\n" "$rt" | grep -Ec "^20") -ge 1 ] && [ -z "$(printf "%s\n" "$rt" | grep -E "^20" | grep -v "^2025Q3 t2 ")" ]'
"$bin" replay "$tmp/r.cprep" --json --seat USA > "$tmp/r.jsonl" 2> /dev/null; status=$?
check "replay --json: one JSON object a line, orders, agents and lines" '[ $status -eq 0 ] && python3 -c "import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; kinds={r[\"kind\"] for r in rows}; assert {\"order\",\"agent\",\"line\"} <= kinds and all(r[\"nation\"] == \"USA\" for r in rows)" "$tmp/r.jsonl"'
"$bin" replay "$tmp/r.cprep" --seat XXX > /dev/null 2>&1; status=$?
check "replay --seat of no nation exits 2" '[ $status -eq 2 ]'
"$bin" replay "$tmp/r.cprep" --turns 3-1 > /dev/null 2>&1; status=$?
check "replay --turns backwards exits 2" '[ $status -eq 2 ]'
"$bin" sim --turns 2 --csv "$tmp/csv" --quiet > /dev/null; status=$?
check "--csv exits 0" '[ $status -eq 0 ]'
check "nations.csv header" 'head -1 "$tmp/csv/nations.csv" | grep -q "^turn,date,nation,mined_t,separated_t,magnets_t,demand_t,shortage_t,stockpile_t,treasury_musd,score,price_ore_usd_per_kg,price_light_oxide_usd_per_kg,price_heavy_oxide_usd_per_kg,price_magnet_usd_per_kg"'
nations=$("$bin" sim --turns 0 --csv "$tmp/c0" --quiet >/dev/null; tail -n +2 "$tmp/c0/nations.csv" | wc -l)
check "nations.csv: turn 0 to N, one row per nation" '[ $(tail -n +2 "$tmp/csv/nations.csv" | wc -l) -eq $((nations * 3)) ]'
check "markets.csv: 4 goods x 3 turns" '[ $(tail -n +2 "$tmp/csv/markets.csv" | wc -l) -eq 12 ] && head -1 "$tmp/csv/markets.csv" | grep -q "^turn,date,good,world_price_usd_per_kg,production_t,traded_t"'
check "nations.csv: the score's parts, then made" 'head -1 "$tmp/csv/nations.csv" | grep -q ",tariff_revenue_musd,score_security,score_prosperity,score_leverage,score_stability,score_without,made,made_security,made_prosperity,made_leverage,made_stability$"'
check "news.csv: kind, nations involved, plant, routine" 'head -1 "$tmp/csv/news.csv" | grep -q "^turn,date,kind,nation,text,partner,facility,routine$"'
check "facilities.csv, news.csv, deals.csv" '[ -s "$tmp/csv/facilities.csv" ] && [ -s "$tmp/csv/news.csv" ] && head -1 "$tmp/csv/deals.csv" | grep -q "^turn,date,deal_id,proposer,parties,clauses,status"'

expect_2() { # name, fragment of the message, args...
  local name=$1 frag=$2; shift 2
  local err; err=$("$bin" "$@" 2>&1 >/dev/null); local st=$?
  if [ $st -eq 2 ] && printf "%s" "$err" | grep -q -- "$frag"; then ok "$name"; else bad "$name (status $st: $err)"; fi
}
expect_2 "unknown flag" "unknown flag '--bogus'" sim --bogus
expect_2 "missing value" "--turns needs a value" sim --turns
expect_2 "bad number" "--turns: 'many'" sim --turns many
expect_2 "negative seed" "--seed" sim --seed -3
expect_2 "unknown scenario" "nosuch" sim --scenario nosuch
expect_2 "usage shown on a bad flag" "usage: chokepoint sim" sim --bogus
expect_2 "unknown command" "unknown command 'fly'" fly
printf 'return { name = "broken", nations = { { iso3 = "XXX", reserves_t = -5 } } }\n' > "$tmp/broken.lua"
expect_2 "broken scenario names the file" "broken.lua" sim --scenario "$tmp/broken.lua"
# seats: agents by default, --agent to change one, --no-agents for the scenario alone
expect_2 "an agent that does not exist is named" "nonexistent.lua" sim --agent CHN=nonexistent --turns 1
expect_2 "a malformed seat is named" "USA" sim --agent USA --turns 1
expect_2 "--agent and --no-agents contradict" "contradict" sim --agent USA=none --no-agents
expect_2 "a bad --agent-budget is named" "--agent-budget" sim --agent-budget lots
one=$("$bin" sim --turns 3 --quiet --agent USA=do_nothing)
two=$("$bin" sim --turns 3 --quiet)
check "seating another agent changes the game" '[ "$one" != "$two" ]'
printf 'return { api_version = 1, turn = function(view, act)\n  error("boom")\nend }\n' > "$tmp/boom.lua"
err=$("$bin" sim --turns 2 --quiet --agent "USA=$tmp/boom.lua" 2>&1 >/dev/null); status=$?
check "a failing agent never stops the game" '[ $status -eq 0 ]'
check "its failure is logged with file and line" 'printf "%s\n" "$err" | grep -q "boom.lua:2:.*boom"'
out=$("$bin" check-agent do_nothing); status=$?
check "check-agent passes a sound agent" '[ $status -eq 0 ] && printf "%s\n" "$out" | grep -q "verdict: sound"'
"$bin" check-agent "$tmp/boom.lua" > "$tmp/ca.txt"; status=$?
check "check-agent fails a broken agent, naming the line" '[ $status -eq 1 ] && grep -q "boom.lua:2" "$tmp/ca.txt"'
expect_2 "check-agent without a file" "which agent" check-agent
"$bin" gen-api-docs "$tmp/docs" > /dev/null; status=$?
check "gen-api-docs writes the stubs the repository ships" '[ $status -eq 0 ] && cmp -s "$tmp/docs/api/chokepoint.lua" "$(dirname "$0")/../../docs/api/chokepoint.lua"'

mkdir -p "$tmp/ro"; chmod 500 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then expect_2 "unwritable csv dir" "cannot" sim --turns 1 --csv "$tmp/ro/x"; fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
