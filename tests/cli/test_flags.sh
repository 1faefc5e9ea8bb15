#!/usr/bin/env bash
# test_flags.sh -- every command's flags as a user mistypes them: an unknown
# flag, a flag without its value, --flag=value, a bad number and `help COMMAND`,
# with the exact message (the first line of stderr), the command's usage line
# after it, and exit status 2. The messages were recorded from the hand-written
# parsers, so that a rewrite on getopt_long (issue 17, step L1) must keep them
# word for word; --flag=value must play the same game as --flag value.
# Usage: test_flags.sh PATH/TO/chokepoint SOURCE_DIR [window]
# ("window": the build has the game window, so `play` parses its own flags;
# without it `play` falls back to a headless `sim` and is not checked here.)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
window=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

# Each command's usage line, as `help COMMAND` prints it first and as every
# refusal prints it after the message.
declare -A synopsis=(
  [sim]="usage: chokepoint sim [--scenario NAME|FILE] [--turns N] [--seed K] [--csv DIR]"
  [sweep]="usage: chokepoint sweep --scenario S [--vary NAME=V1,V2,...]... [--seeds 1-20]"
  [tournament]="usage: chokepoint tournament --agents A.lua,B.lua,... --seat ISO3 [--scenario S]"
  [check-agent]="usage: chokepoint check-agent FILE [--scenario S] [--turns N] [--agent-budget N]"
  [replay]="usage: chokepoint replay FILE [--quiet] [--orders] [--log] [--seat ISO3] [--turns A-B] [--json]"
  [gen-api-docs]="usage: chokepoint gen-api-docs [DIR]"
  [play]="usage: chokepoint play [--scenario NAME|FILE] [--seed K] [--screenshot FILE] [--no-briefing]"
)

# run ARGS...: stdout, stderr and status into out, err, $status
run() { "$bin" "$@" > out 2> err; status=$?; }

# refuse MESSAGE ARGS...: exit 2, nothing on stdout, MESSAGE as the first
# line of stderr and the command's usage line as the second.
refuse() {
  local want=$1; shift
  local cmd=$1 what="$*"
  [ "${cmd#-}" != "$cmd" ] && cmd=play # flags alone: the game
  run "$@"
  local first second
  first=$(sed -n 1p err); second=$(sed -n 2p err)
  if [ $status -eq 2 ] && [ ! -s out ] && [ "$first" = "$want" ] && [ "$second" = "${synopsis[$cmd]}" ]; then
    ok "$what: $want"
  else
    bad "$what: status $status (want 2), stdout $(wc -c < out) bytes (want 0)"
    [ "$first" = "$want" ] || echo "     stderr line 1: '$first'"$'\n'"     wanted:        '$want'"
    [ "$second" = "${synopsis[$cmd]}" ] || echo "     stderr line 2: '$second'"$'\n'"     wanted:        '${synopsis[$cmd]}'"
  fi
}

# refuse_alone STDERR ARGS...: exit 2, nothing on stdout, STDERR the whole of stderr.
refuse_alone() {
  local want=$1; shift
  run "$@"
  if [ $status -eq 2 ] && [ ! -s out ] && [ "$(cat err)" = "$want" ]; then
    ok "$*: $want"
  else
    bad "$*: status $status (want 2), stdout $(wc -c < out) bytes; stderr:"
    sed 's/^/     /' err
  fi
}

# helps COMMAND: `help COMMAND` and `COMMAND --help` print the same usage on
# stdout, starting with the usage line, and exit 0.
helps() {
  local cmd=$1
  run help "$cmd"
  local first
  first=$(sed -n 1p out)
  cp out help.out
  if [ $status -eq 0 ] && [ ! -s err ] && [ "$first" = "${synopsis[$cmd]}" ] && [ "$(wc -l < out)" -ge 1 ]; then
    ok "help $cmd: $first"
  else
    bad "help $cmd: status $status, first line '$first', stderr $(wc -c < err) bytes"
  fi
  run "$cmd" --help
  if [ $status -eq 0 ] && cmp -s out help.out; then ok "$cmd --help = help $cmd"; else bad "$cmd --help (status $status) differs from help $cmd"; fi
}

# same NAME -- ARGS_A -- ARGS_B: both exit 0 with the same stdout (which
# FILTER, a sed script in $filter, may trim first).
filter=''
same() {
  local name=$1; shift; shift
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  run "${a[@]}"; local sa=$status; sed -e "$filter" out > a.out
  run "${b[@]}"; local sb=$status; sed -e "$filter" out > b.out
  if [ $sa -eq 0 ] && [ $sb -eq 0 ] && [ -s a.out ] && cmp -s a.out b.out; then
    ok "$name"
  else
    bad "$name: status $sa and $sb, $(wc -l < a.out) and $(wc -l < b.out) lines"
    diff a.out b.out | head -5 | sed 's/^/     /'
  fi
}

# ---- the command line as a whole ----------------------------------------------
run nosuch
check_first() { [ $status -eq 2 ] && [ "$(sed -n 1p err)" = "$1" ] && grep -q "^Chokepoint .* -- a geopolitical trade game" err; }
if check_first "chokepoint: unknown command 'nosuch'"; then ok "an unknown command"; else bad "an unknown command: $status $(head -1 err)"; fi
run help nosuch
if check_first "chokepoint help: no command 'nosuch'"; then ok "help for an unknown command"; else bad "help nosuch: $status $(head -1 err)"; fi
run help
if [ $status -eq 0 ] && grep -q "^       chokepoint help COMMAND " out; then ok "help lists the commands"; else bad "help: $status"; fi

# ---- sim ----------------------------------------------------------------------------
helps sim
refuse "chokepoint sim: unknown flag '--bogus'" sim --bogus
refuse "chokepoint sim: unknown flag '--bogus=1'" sim --bogus=1
refuse "chokepoint sim: unknown flag '--quiet=1'" sim --quiet=1
refuse "chokepoint sim: --turns needs a value" sim --turns
refuse "chokepoint sim: --scenario needs a value" sim --seed 3 --scenario
refuse "chokepoint sim: --turns: 'abc' is not a whole number from 0 to 100000" sim --turns abc
refuse "chokepoint sim: --turns: 'abc' is not a whole number from 0 to 100000" sim --turns=abc
refuse "chokepoint sim: --turns: '' is not a whole number from 0 to 100000" sim --turns=
refuse "chokepoint sim: --turns: '-5' is not a whole number from 0 to 100000" sim --turns -5
refuse "chokepoint sim: --turns: '100001' is not a whole number from 0 to 100000" sim --turns 100001
refuse "chokepoint sim: --seed: '-1' is not a non-negative whole number" sim --seed -1
refuse "chokepoint sim: --seed: '1x' is not a non-negative whole number" sim --seed=1x
refuse "chokepoint sim: --agent-budget: '999' is not a whole number from 1000 to 2000000000" sim --agent-budget 999
refuse "chokepoint sim: --agent-mem: '0' is not a whole number from 1 to 4096" sim --agent-mem=0
same "sim: --flag=value plays the game --flag value does" \
  -- sim --scenario=free-trade --seed=3 --turns=2 --no-agents --quiet \
  -- sim --scenario free-trade --seed 3 --turns 2 --no-agents --quiet
grep -q "^hash: [0-9a-f]\{16\}$" a.out && ok "sim --flag=value: a hash line" || bad "sim --flag=value: no hash line"

# ---- sweep --------------------------------------------------------------------------
helps sweep
refuse "chokepoint sweep: unknown flag '--bogus'" sweep --scenario free-trade --bogus
refuse "chokepoint sweep: --seeds needs a value" sweep --scenario free-trade --seeds
refuse "chokepoint sweep: --scenario needs a value" sweep --scenario
refuse "chokepoint sweep: --jobs: 'x' is not a whole number from 1 to 256" sweep --scenario=free-trade --jobs=x
refuse "chokepoint sweep: --jobs: '0' is not a whole number from 1 to 256" sweep --scenario free-trade --jobs 0
refuse "chokepoint sweep: --turns: '4001' is not a whole number from 0 to 4000" sweep --scenario free-trade --turns 4001
refuse "chokepoint sweep: --seeds: 'x' is not a non-negative whole number" sweep --scenario free-trade --seeds x
filter='/^# command: /d'
same "sweep: --flag=value writes the rows --flag value does" \
  -- sweep --scenario=free-trade --turns=1 --seeds=2 --vary=us_magnet_tariff=0.5 --jobs=1 --csv=- --quiet \
  -- sweep --scenario free-trade --turns 1 --seeds 2 --vary us_magnet_tariff=0.5 --jobs 1 --csv - --quiet
filter=''
[ "$(grep -c '^1,0.5,2,1,' a.out)" -gt 10 ] && ok "sweep --flag=value: the run's rows" || bad "sweep --flag=value: no rows of run 1"

# ---- tournament ----------------------------------------------------------------------
helps tournament
refuse "chokepoint tournament: unknown flag '--bogus'" tournament --bogus
refuse "chokepoint tournament: --agents needs a value" tournament --seat=JPN --agents
refuse "chokepoint tournament: --turns: 'x' is not a whole number from 1 to 4000" tournament --agents do_nothing --seat USA --turns=x
refuse "chokepoint tournament: --jobs: '0' is not a whole number from 1 to 256" tournament --agents do_nothing --seat USA --jobs 0
refuse "chokepoint tournament: --seed: '-1' is not a non-negative whole number" tournament --agents do_nothing --seat USA --seed -1
refuse "chokepoint tournament: --seeds: 'x' is not a non-negative whole number" tournament --agents=do_nothing --seat=USA --seeds=x
same "tournament: --flag=value plays the games --flag value does" \
  -- tournament --agents=do_nothing --seat=JPN --seeds=1 --turns=1 --jobs=1 --quiet \
  -- tournament --agents do_nothing --seat JPN --seeds 1 --turns 1 --jobs 1 --quiet
grep -Eq "^ +1  do_nothing\.lua +1 " a.out && ok "tournament --flag=value: the table" || bad "tournament --flag=value: no table"

# ---- check-agent ----------------------------------------------------------------------
helps check-agent
refuse "chokepoint check-agent: unknown flag '--bogus'" check-agent do_nothing --bogus
refuse "chokepoint check-agent: --turns needs a value" check-agent do_nothing --turns
refuse "chokepoint check-agent: --turns: 'abc' is not a whole number from 1 to 400" check-agent do_nothing --turns=abc
refuse "chokepoint check-agent: --turns: '0' is not a whole number from 1 to 400" check-agent do_nothing --turns 0
refuse "chokepoint check-agent: --agent-budget: '5' is not a whole number from 1000 to 2000000000" check-agent --agent-budget=5 do_nothing
refuse "chokepoint check-agent: --agent-mem: '5000' is not a whole number from 1 to 4096" check-agent do_nothing --agent-mem 5000
refuse "chokepoint check-agent: which agent? Give a file." check-agent
refuse "chokepoint check-agent: one agent at a time ('do_nothing' and 'extra')" check-agent --turns=1 do_nothing extra
same "check-agent: --turns=1, after or before the file, checks as --turns 1 does" \
  -- check-agent do_nothing --turns=1 \
  -- check-agent --turns 1 do_nothing
grep -q "played 1 turns in each of" a.out && ok "check-agent --turns=1: one turn" || bad "check-agent --turns=1: not one turn"

# ---- replay (--seat and --turns take values) ----------------------------------------------
helps replay
refuse "chokepoint replay: unexpected argument '--bogus'" replay --bogus
refuse "chokepoint replay: unexpected argument '--quiet=1'" replay game.replay --quiet=1
refuse "chokepoint replay: which replay file?" replay
refuse "chokepoint replay: unexpected argument 'b'" replay a b
refuse_alone "chokepoint replay: cannot read nosuch.replay: No such file or directory" replay nosuch.replay
"$bin" sim --scenario free-trade --turns 2 --no-agents --quiet --record=game.replay > /dev/null 2>&1
run replay game.replay
if [ $status -eq 0 ] && grep -q "identical" out; then ok "sim --record=FILE recorded a replay that plays back"; else bad "sim --record=FILE: replay status $status"; fi
run replay --quiet game.replay
if [ $status -eq 0 ] && [ ! -s out ]; then ok "replay --quiet FILE: quiet"; else bad "replay --quiet FILE: status $status, $(wc -l < out) lines"; fi
run replay game.replay --quiet
if [ $status -eq 0 ] && [ ! -s out ]; then ok "replay FILE --quiet: quiet"; else bad "replay FILE --quiet: status $status, $(wc -l < out) lines"; fi

# ---- gen-api-docs (takes no flags but --help) ---------------------------------------------
helps gen-api-docs
refuse_alone "${synopsis[gen-api-docs]}" gen-api-docs --bogus
refuse_alone "${synopsis[gen-api-docs]}" gen-api-docs --bogus=1
refuse_alone "${synopsis[gen-api-docs]}" gen-api-docs a b
run gen-api-docs gen
if [ $status -eq 0 ] && [ -s gen/agents.md ] && [ -s gen/api/chokepoint.lua ]; then
  ok "gen-api-docs DIR writes DIR/agents.md and DIR/api/chokepoint.lua"
else
  bad "gen-api-docs DIR: status $status"
fi

# ---- play's flags (parsed before any window opens) ----------------------------------------
if [ "$window" = window ]; then
  helps play
  refuse "chokepoint play: unknown flag '--bogus'" play --bogus
  refuse "chokepoint play: unknown flag '--bogus=1'" play --bogus=1
  refuse "chokepoint play: --seed needs a value" play --seed
  refuse "chokepoint play: --turns needs a value" play --turns
  refuse "chokepoint play: --human needs a value" play --human
  refuse "chokepoint play: --seed wants a whole number, not 'abc'" play --seed=abc
  refuse "chokepoint play: --seed wants a whole number, not '-1'" play --seed -1
  refuse "chokepoint play: --turns wants 1 to 400, not '0'" play --turns 0
  refuse "chokepoint play: --turns wants 1 to 400, not 'x'" play --turns=x
  refuse "chokepoint play: --human wants a nation's ISO3 code, not 'USAX'" play --human=USAX
  refuse "chokepoint play: bad value '--view=nope'" play --view=nope
  refuse "chokepoint play: bad value '--advance=x'" play --advance=x
  # a bare `chokepoint` with flags is `chokepoint play`
  refuse "chokepoint play: unknown flag '--bogus'" --bogus
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
