#!/usr/bin/env bash
# test_class.sh -- a class game on loopback: `chokepoint serve` with every nation of
# licensing-2025 as a human seat (24 of them), one `chokepoint bot` per seat and one teacher
# connection (teacher.py), played to the end. The server's final hash must equal `chokepoint
# replay` of the server's own recording and the hash every bot printed. Modes:
#   class      20 quarters, the scenario's deal-making agents among the bots
#   reconnect  8 quarters; one bot is killed with SIGKILL mid-game and started again with its
#              code: the game still ends, with every hash equal
#   restart    8 quarters played twice with the same seed and agents whose decisions depend only
#              on the world (example_tariff, random_baseline, do_nothing: no memory, no deals, so
#              the order in which bots' messages arrive changes nothing): once unbroken, once
#              with the server killed with SIGKILL mid-game (a quarter held open by a stopped
#              bot, the others' orders queued) and started again with `--load` of its newest
#              autosave on the same port; the bots and the teacher rejoin by themselves, send
#              the lost quarter's orders again, and the final hash equals the unbroken run's
#   errors     the bot's refusals, each with its exit status and a message naming the fault: a
#              bad flag, an address that is not http:// or ws://, a port nobody listens on, a
#              code the server refuses, a broken agent (its file and line), the teacher's code
# Only 127.0.0.1 is used. Usage: test_class.sh PATH/TO/chokepoint MODE
set -u
bin=$1
mode=${2:-class}
py=/usr/bin/python3 # the Debian python, which has python3-websocket
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2> /dev/null; done
  wait 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL $mode: $*"
  for f in "$tmp"/serve*.err "$tmp"/*.err; do
    [ -s "$f" ] && { echo "--- $f"; tail -5 "$f"; }
  done
  exit 1
}
"$py" -c "import websocket" 2> /dev/null || { echo "skip: $py has no websocket module (python3-websocket)"; exit 77; }
case $mode in
  class) turns=20 ;;
  reconnect | restart) turns=8 ;;
  errors) turns=4 ;;
  *) echo "test_class.sh: unknown mode '$mode'"; exit 2 ;;
esac
seed=5

# every nation of the scenario, from its nations.csv (column 3, the ISO3 code)
"$bin" sim --scenario licensing-2025 --turns 1 --seed 1 --no-agents --csv "$tmp/csv" \
  > /dev/null 2>&1 || fail "sim --csv"
isos=$(awk -F, 'NR > 1 && !seen[$3]++ { print $3 }' "$tmp/csv/nations.csv")
n=$(printf "%s\n" $isos | wc -l)
[ "$n" -ge 20 ] || fail "only $n nations in licensing-2025"
seats=$(printf "%s\n" $isos | paste -sd, -)

# The agent a seat's bot plays: in the class game the scenario's deal makers where they fit,
# in the restart game only agents that decide from the world alone.
agent_for() {
  local i=$2
  if [ "$mode" = restart ]; then
    local pool=(example_tariff random_baseline do_nothing)
    echo "${pool[$((i % 3))]}"
    return
  fi
  case $1 in
    CHN) echo rhythm_card ;;
    KAZ | UZB) echo partner_seeker ;;
    *) local pool=(example_tariff random_baseline stability_buyer do_nothing)
       echo "${pool[$((i % 4))]}" ;;
  esac
}

# start_server NAME ARGS...: serve in the background; sets spid, addr, port, teacher and the
# seat codes (code_ISO) from its stdout.
start_server() {
  local name=$1
  shift
  : > "$tmp/$name.out"
  "$bin" serve "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" &
  spid=$!
  pids+=("$spid")
  for _ in $(seq 1 600); do
    grep -q '^ready' "$tmp/$name.out" && break
    kill -0 "$spid" 2> /dev/null || fail "$name exited before 'ready'"
    sleep 0.1
  done
  grep -q '^ready' "$tmp/$name.out" || fail "$name printed no 'ready' in 60 s"
  addr=$(sed -n 's/^address: //p' "$tmp/$name.out" | head -1)
  port=$(printf "%s" "$addr" | sed -n 's|^http://127\.0\.0\.1:\([0-9]*\)/$|\1|p')
  [ -n "$port" ] || fail "$name's address is not on 127.0.0.1: '$addr'"
  teacher=$(sed -n 's/^teacher: //p' "$tmp/$name.out" | head -1)
  [ -n "$teacher" ] || fail "$name printed no teacher code"
  while read -r _ iso rest; do
    eval "code_$iso=\${rest##* }"
  done < <(grep '^seat: ' "$tmp/$name.out")
}

# start_bot ISO I RUN: the seat's bot in the background (bpid_ISO).
start_bot() {
  local code
  eval "code=\${code_$1:-}"
  [ -n "$code" ] || fail "no code printed for seat $1"
  "$bin" bot --join "$addr" --code "$code" --agent "$(agent_for "$1" "$2")" --name "bot $1" \
    > "$tmp/bot-$3-$1.out" 2> "$tmp/bot-$3-$1.err" &
  eval "bpid_$1=$!"
  pids+=("$!")
}

# wait_for PID SECONDS WHAT: the process's exit status, failing after SECONDS.
wait_for() {
  for _ in $(seq 1 $(($2 * 10))); do
    kill -0 "$1" 2> /dev/null || break
    sleep 0.1
  done
  kill -0 "$1" 2> /dev/null && fail "$3 still running after $2 s"
  wait "$1"
}

# autosaves DIR: how many autosaves the server has written (it keeps the newest five)
autosaves() { ls "$1"/autosave-*.cpsave 2> /dev/null | wc -l; }

# play RUN [KILL]: one game in $tmp/RUN; echoes nothing, sets hash (the server's final hash).
play() {
  local run=$1 dir="$tmp/$1"
  start_server "serve-$run" --scenario licensing-2025 --turns "$turns" --seed "$seed" \
    --seats "$seats" --bind 127.0.0.1 --port 0 --dir "$dir"
  "$py" "$here/teacher.py" "$addr" "$teacher" > "$tmp/teacher-$run.out" 2>&1 &
  local tpid=$!
  pids+=("$tpid")
  local i=0
  for iso in $isos; do
    start_bot "$iso" "$i" "$run"
    i=$((i + 1))
  done
  if [ "${2:-}" = bot ]; then
    for _ in $(seq 1 1200); do [ "$(autosaves "$dir")" -ge 2 ] && break; sleep 0.1; done
    [ "$(autosaves "$dir")" -ge 2 ] || fail "no second autosave in 120 s"
    kill -KILL "$bpid_USA"
    wait "$bpid_USA" 2> /dev/null
    start_bot USA 0 "$run-again"
    echo "killed the USA bot after $(autosaves "$dir") quarters and started it again"
  fi
  if [ "${2:-}" = server ]; then
    for _ in $(seq 1 1200); do [ "$(autosaves "$dir")" -ge 3 ] && break; sleep 0.1; done
    [ "$(autosaves "$dir")" -ge 3 ] || fail "no third autosave in 120 s"
    # hold the quarter open: the USA bot stops (SIGSTOP), the others send this quarter's
    # orders and wait; the server dies with them queued and comes back without them, so
    # the bots must send them again, once
    kill -STOP "$bpid_USA"
    sleep 3
    kill -KILL "$spid"
    wait "$spid" 2> /dev/null
    local newest
    newest=$(ls -t "$dir"/autosave-*.cpsave | head -1)
    echo "killed the server; restarting from $(basename "$newest")"
    local old_port=$port
    start_server "serve-$run-again" --load "$newest" --bind 127.0.0.1 --port "$old_port" \
      --dir "$dir"
    [ "$port" = "$old_port" ] || fail "the restarted server is on port $port, not $old_port"
    kill -CONT "$bpid_USA"
    run="$run-again"
  fi
  wait_for "$spid" 400 "the server" || fail "the server exited with status $?"
  hash=$(sed -n 's/^hash: //p' "$tmp/serve-$run.out" | tail -1)
  [ -n "$hash" ] || fail "the server printed no hash"
  for iso in $isos; do
    local p h f
    eval "p=\$bpid_$iso"
    wait_for "$p" 60 "the $iso bot" || fail "the $iso bot exited with status $?"
    f=$(ls -t "$tmp"/bot-"$1"*-"$iso".out | head -1)
    h=$(sed -n 's/^hash: //p' "$f")
    [ "$h" = "$hash" ] || fail "the $iso bot printed hash '$h', the server $hash"
  done
  wait_for "$tpid" 30 "the teacher" || fail "teacher: $(cat "$tmp/teacher-$1.out")"
  grep -q "^teacher: welcome=1 .* over=$hash$" "$tmp/teacher-$1.out" ||
    fail "teacher: $(cat "$tmp/teacher-$1.out")"
  # the server's recording (after a restart, the one the restarted server began from its
  # autosave), played again by `chokepoint replay`
  local rec
  rec=$(ls -t "$dir"/*.cprep 2> /dev/null | head -1)
  [ -n "$rec" ] || fail "no recording in $dir"
  local rh
  rh=$("$bin" replay "$rec" 2> /dev/null | sed -n 's/.*: identical (hash \([0-9a-f]*\)).*/\1/p' | tail -1)
  [ "$rh" = "$hash" ] || fail "replay of $(basename "$rec") gives '$rh', the server $hash"
  echo "$1: $n seats, $turns quarters, hash $hash (server, $n bots, teacher, replay agree)"
}

# errors: each refusal of `chokepoint bot`, against a running server
bot_errors() {
  start_server serve-errors --scenario licensing-2025 --turns "$turns" --seed "$seed" \
    --seats "$seats" --bind 127.0.0.1 --port 0 --dir "$tmp/errors"
  local out st
  # expect STATUS PATTERN ARGS...: the bot exits with STATUS and says PATTERN on stderr
  expect() {
    local want=$1 pattern=$2
    shift 2
    out=$(timeout 60 "$bin" bot "$@" 2>&1 > /dev/null)
    st=$?
    [ "$st" -eq "$want" ] || fail "bot $*: exit $st, not $want: $out"
    printf "%s" "$out" | grep -q -- "$pattern" || fail "bot $*: no '$pattern' in: $out"
    # plain words only (an unset message buffer once printed its garbage after the reason)
    printf "%s" "$out" | LC_ALL=C grep -q '[^[:print:][:space:]]' && fail "bot $*: garbage in: $out"
    echo "ok bot $1 $2 ...: exit $st: $(printf "%s" "$out" | tail -1)"
  }
  expect 2 "--code is needed" --join "$addr" --agent do_nothing
  expect 2 "unknown flag '--bogus'" --bogus --join "$addr" --code X --agent do_nothing
  expect 2 "only http:// and ws://" --join "ftp://127.0.0.1:$port/" --code X --agent do_nothing
  expect 2 "port must be a number" --join "http://127.0.0.1:99999/" --code X --agent do_nothing
  # a port nobody listens on: the port of a socket just closed
  local dead
  dead=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  expect 1 "cannot reach http://127.0.0.1:$dead/" --join "http://127.0.0.1:$dead/" --code X \
    --agent do_nothing
  expect 2 "refused the code WRONG-CODE" --join "$addr" --code WRONG-CODE --agent do_nothing
  expect 2 "a bot plays a seat" --join "$addr" --code "$teacher" --agent do_nothing
  printf -- "-- broken.lua\nlocal M = {}\n\nfunction M.turn(view, act\n  return\nend\nreturn M\n" \
    > "$tmp/broken.lua"
  expect 2 "broken.lua:[45]" --join "$addr" --code "$code_USA" --agent "$tmp/broken.lua"
  expect 2 "no_such_agent" --join "$addr" --code "$code_USA" --agent no_such_agent
}

case $mode in
  errors) bot_errors ;;
  class) play class ;;
  reconnect) play reconnect bot ;;
  restart)
    play unbroken
    unbroken=$hash
    play broken server
    [ "$hash" = "$unbroken" ] || fail "after the restart the hash is $hash, unbroken $unbroken"
    echo "restart: the same hash as the unbroken run"
    ;;
esac
echo "ok $mode"
