#!/usr/bin/env bash
# test_tournament.sh -- `chokepoint tournament` as a modder meets it: two
# agents over ten seeds give a ranking table and twenty CSV rows, any row's
# command plays its match again alone with the same hash, the same command
# writes the same rows whatever --jobs says, replays are kept on request,
# failures are counted, and bad flags exit 2 with a message naming the flag.
# Usage: test_tournament.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
data() { tail -n +2 "$1"; }
# the last field of a CSV row: the command, quoted when it needs to be
command_of() { sed -E 's/.*,"?([^,"]*chokepoint sim [^"]*)"?$/\1/'; }
pkg() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

cd "$tmp"
cmd=(tournament --agents decoupler,do_nothing --seat USA --seeds 1-10 --turns 8 --jobs 2)
"$bin" "${cmd[@]}" --csv a.csv > out 2> err; status=$?
check "tournament exits 0" '[ $status -eq 0 ]'
check "no progress bar when stderr is not a terminal" '! grep -q "\[#" err'
check "the table has its columns" 'grep -q "^rank  agent .*games.*mean score.*95% interval.*wins.*failures.*fallbacks.*instr/turn" out'
check "the table ranks both agents" 'grep -Eq "^ +1  (decoupler|do_nothing)\.lua +10 " out && grep -Eq "^ +2  (decoupler|do_nothing)\.lua +10 " out'
check "each row gives an interval lo..hi around its mean" 'awk "/^ +[12]  /{split(\$5, r, \"\\\\.\\\\.\"); if (!(r[1] <= \$4 && \$4 <= r[2])) bad=1} END {exit bad}" out'
check "wins: at least one per seed in all" '[ $(awk "/^ +[12]  /{w += \$6} END {print w}" out) -ge 10 ]'
check "do_nothing uses no instructions" '[ "$(awk "/do_nothing.lua/{print \$(NF-2)}" out)" = "0" ]'
check "do_nothing made exactly nothing" '[ "$(awk "/do_nothing.lua/{print \$(NF-1), \$NF}" out)" = "+0.00 +0.00..+0.00" ]'
check "the table says what it ranks by and what made is" 'grep -q "^ranked by mean score; made: " out'
check "20 rows" '[ "$(data a.csv | wc -l)" -eq 20 ]'
# what made the file is in its sidecar a.datapackage.json (docs/csv.md), never in comment lines
check "no comment lines" '! grep -q "^#" a.csv'
check "the sidecar records the version" '[ -n "$(pkg a.datapackage.json "d[\"chokepoint\"][\"version\"]")" ]'
check "the sidecar records the scenario" '[ "$(pkg a.datapackage.json "d[\"chokepoint\"][\"scenario\"]")" = baseline ]'
what='" ".join(str(d["chokepoint"][k]) for k in ("seat", "seeds", "seed", "turns")) + " " + ",".join(d["chokepoint"]["agents"])'
check "the sidecar records the seat, seeds, master seed, turns and agents" '[ "$(pkg a.datapackage.json "$what")" = "USA 1-10 1 8 decoupler,do_nothing" ]'
check "the sidecar records the exact command, this program by its full path" '[ "$(pkg a.datapackage.json "d[\"chokepoint\"][\"command\"]")" = "$(realpath "$bin") tournament --agents decoupler,do_nothing --seat USA --seeds 1-10 --turns 8 --jobs 2 --csv a.csv" ]'
check "columns" 'head -1 a.csv | grep -qx "match,agent,file,seed,game_seed,score,hash,failures,fallbacks,refused,instructions_per_turn,max_instructions,first_failure,reproducible,made,made_security,made_prosperity,made_leverage,made_stability,command"'
check "10 rows per agent" '[ "$(data a.csv | cut -d, -f2 | sort | uniq -c | awk "{print \$1}" | tr "\n" " ")" = "10 10 " ]'
check "every seed 1-10 twice" '[ "$(data a.csv | cut -d, -f4 | sort -n | uniq -c | awk "\$1 == 2" | wc -l)" -eq 10 ]'
check "both agents of a seed share its game seed" '[ "$(data a.csv | cut -d, -f4,5 | sort -u | wc -l)" -eq 10 ]'
check "seeds give different games" '[ "$(data a.csv | cut -d, -f5 | sort -u | wc -l)" -eq 10 ]'
check "hashes are 16 hex digits" '[ "$(data a.csv | cut -d, -f7 | grep -Ec "^[0-9a-f]{16}$")" -eq 20 ]'

# re-run matches alone from their rows
for m in 1 14; do
  row=$(data a.csv | sed -n "${m}p")
  rerun=$(printf "%s\n" "$row" | command_of)
  want=$(printf "%s\n" "$row" | cut -d, -f7)
  got=$(eval "$rerun" 2>/dev/null | sed -n "s/^hash: //p") # run as written: the program's full path
  check "row $m's command ($rerun) runs as written and gives its hash" '[ -n "$got" ] && [ "$got" = "$want" ]'
done

# an agent that reads view.turns: a match of --turns 8 is the game its row's `sim --turns 8` plays
"$bin" tournament --agents "$src/tests/cli/agents/turns_reader.lua" --seat USA --seeds 1 --turns 8 \
  --quiet --csv t.csv > /dev/null 2>&1
row=$(data t.csv | sed -n 1p)
want=$(printf "%s\n" "$row" | cut -d, -f7)
got=$(eval "$(printf "%s\n" "$row" | command_of)" 2>/dev/null | sed -n "s/^hash: //p")
check "an agent reading view.turns: the row's command gives the match's hash" '[ -n "$got" ] && [ "$got" = "$want" ]'

"$bin" "${cmd[@]}" --jobs 1 --csv b.csv > out1 2> /dev/null
check "--jobs 1 writes the same rows" 'cmp -s <(data a.csv) <(data b.csv)'
check "and prints the same table" 'cmp -s out out1'
"$bin" "${cmd[@]}" --seed 2 --csv c.csv > /dev/null 2>&1
check "another master seed: other game seeds" '[ -z "$(comm -12 <(data a.csv | cut -d, -f5 | sort -u) <(data c.csv | cut -d, -f5 | sort -u))" ]'

# replays, and an agent that fails every turn
"$bin" tournament --agents decoupler,"$src/tests/script/agents/always_fails.lua" --seat CAN \
  --seeds 3,5 --turns 5 --replays reps --csv d.csv --quiet > out2 2> err2; status=$?
check "a failing agent does not stop the tournament" '[ $status -eq 0 ] && [ "$(data d.csv | wc -l)" -eq 4 ]'
check "--quiet prints no timing line" '[ ! -s err2 ]'
check "one replay per match" '[ "$(ls reps | wc -l)" -eq 4 ] && [ -f reps/decoupler-seed3.replay ] && [ -f reps/always_fails-seed5.replay ]'
check "a replay plays back identical" '"$bin" replay reps/always_fails-seed3.replay | grep -q identical'
check "failures counted in the rows" '[ "$(data d.csv | awk -F, "\$2 == \"always_fails.lua\" {print \$8}" | sort -u)" = "3" ]'
check "its first failure names file and line" 'data d.csv | grep -q "turn 0: tests/script/agents/always_fails.lua:2: always fails"'
check "the table counts failures and fallbacks" 'grep -Eq "always_fails.lua +2 .* 6 +2 +0 +[-+][0-9.]+ +[-+0-9.]+$" out2'

# on a terminal, a progress bar (script(1) gives the command one, when installed)
if command -v script > /dev/null 2>&1; then
  script -qc "'$bin' tournament --agents do_nothing --seat JPN --seeds 1-4 --turns 1" /dev/null > tty.txt 2>&1
  check "a progress bar on a terminal" 'grep -q "tournament \[#*\.*\] [0-9]*/4 games" tty.txt && grep -q "4/4 games" tty.txt'
fi

# the agents are played from private copies, removed at the end
mkdir own_tmp
TMPDIR="$tmp/own_tmp" "$bin" tournament --agents do_nothing --seat JPN --seeds 1 --turns 1 --quiet > /dev/null 2>&1
check "the agents' copies are removed" '[ -z "$(ls -A own_tmp)" ]'

expect_2() { # name, fragment of the message, args...
  local name=$1 frag=$2; shift 2
  local err; err=$("$bin" "$@" 2>&1 >/dev/null); local st=$?
  if [ $st -eq 2 ] && printf "%s" "$err" | grep -q -- "$frag"; then ok "$name"; else bad "$name (status $st: $err)"; fi
}
expect_2 "missing --agents" "--agents is required" tournament --seat USA
expect_2 "missing --seat" "--seat is required" tournament --agents decoupler
expect_2 "unknown seat" "--seat XYZ: no nation XYZ in baseline" tournament --agents decoupler --seat XYZ
expect_2 "unknown flag" "unknown flag '--bogus'" tournament --agents decoupler --seat USA --bogus
expect_2 "bad --seeds" "--seeds" tournament --agents decoupler --seat USA --seeds 9-2
expect_2 "bad --jobs" "--jobs: '0'" tournament --agents decoupler --seat USA --jobs 0
expect_2 "bad --turns" "--turns: 'x'" tournament --agents decoupler --seat USA --turns x
expect_2 "bad --seed" "--seed: '-1'" tournament --agents decoupler --seat USA --seed -1
expect_2 "a value missing" "--csv needs a value" tournament --agents decoupler --seat USA --csv
expect_2 "an agent listed twice" "decoupler is listed twice" tournament --agents decoupler,decoupler --seat USA
expect_2 "an empty agent name" "--agents: an empty name" tournament --agents decoupler,,do_nothing --seat USA
expect_2 "a missing agent file" "--agents nosuch.lua: " tournament --agents decoupler,nosuch.lua --seat USA
printf 'return {\n  api_version = 1,\n  turn = function( end }\n' > broken.lua
expect_2 "an agent that does not load: file and line" "broken.lua:3:" tournament --agents decoupler,broken.lua --seat USA
expect_2 "--agent for the seat under test" "USA is the seat the agents play" tournament --agents decoupler --seat USA --agent USA=do_nothing
expect_2 "--watch is for sim" "--watch: a tournament plays the agents as they were" tournament --agents decoupler --seat USA --watch
expect_2 "unknown scenario" "--scenario: " tournament --agents decoupler --seat USA --scenario nosuch
expect_2 "unwritable --csv" "cannot write" tournament --agents decoupler --seat USA --seeds 1 --turns 1 --csv no/such/dir.csv
"$bin" help tournament > help 2>&1; status=$?
check "help tournament" '[ $status -eq 0 ] && grep -q "usage: chokepoint tournament" help'
check "chokepoint --help lists it" '"$bin" --help | grep -q "chokepoint tournament"'

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
