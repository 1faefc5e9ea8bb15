#!/usr/bin/env bash
# test_files.sh -- what the program does with files that are not plain files.
#
# Reading: a FIFO (named pipe) given as a scenario, an agent, a save, a
# replay or to check-agent, or named inside a scenario (an agent, an
# included lib) or inside a save (a seat's agent), is refused at once with
# exit status 2 and a message that says it is a FIFO; before, each of these
# waited for a writer for ever. A directory and a character device are
# refused the same way. Every command runs under `timeout`, so a hang fails
# the test instead of stalling it.
#
# Writing (--save): a save over an existing file keeps its permissions (a
# 0600 save stays 0600; it used to become 0644); a save onto a symbolic link
# writes through it (the link stays, the file it points to gets the game);
# a save onto a device, a FIFO, a directory or a dangling link is refused
# and nothing is written (docs/saves.md).
# Usage: test_files.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
# status, name, fragment of the message, command...: the command must end
# within 20 s (a hang is status 124)
expect() {
  local want=$1 name=$2 frag=$3; shift 3
  local out; out=$(timeout 20 "$@" 2>&1 < /dev/null); local st=$?
  if [ $st -eq "$want" ] && printf "%s" "$out" | grep -q -- "$frag"; then ok "$name"
  else bad "$name (status $st: $(printf "%s" "$out" | head -3))"; fi
}
mini=$src/tests/script/fixtures/scenarios/minimal.lua

# ---- reading ---------------------------------------------------------------
mkfifo pipe.lua pipe.cpsave pipe.cprep
expect 2 "a FIFO as the scenario" "pipe.lua.*FIFO" "$bin" sim --scenario "$tmp/pipe.lua" --turns 1
expect 2 "a FIFO as an agent" "pipe.lua.*FIFO" "$bin" sim --agent "USA=$tmp/pipe.lua" --turns 1
expect 2 "a FIFO as --load" "pipe.cpsave.*FIFO" "$bin" sim --load "$tmp/pipe.cpsave" --turns 1
expect 2 "a FIFO as a replay" "pipe.cprep.*FIFO" "$bin" replay "$tmp/pipe.cprep"
expect 2 "a FIFO to check-agent" "pipe.lua.*FIFO" "$bin" check-agent "$tmp/pipe.lua"
expect 2 "a directory as the scenario" "directory" "$bin" sim --scenario "$tmp/" --turns 1
expect 2 "a device as --load" "/dev/null.*character device" "$bin" sim --load /dev/null --turns 1

# a scenario that names a FIFO as a nation's agent
sed "s|agent = \"tests/script/fixtures/agents/x.lua\"|agent = \"$tmp/pipe.lua\"|" "$mini" > names-pipe.lua
check "the scenario names the FIFO" 'grep -q "$tmp/pipe.lua" names-pipe.lua'
expect 2 "a FIFO named as an agent in a scenario" "pipe.lua.*FIFO" \
  "$bin" sim --scenario "$tmp/names-pipe.lua" --turns 1

# a scenario that includes a FIFO as a lib (libs live under the data folder)
mkdir -p data/scripts/scenarios/lib
mkfifo data/scripts/scenarios/lib/pipe.lua
printf 'local w = include("pipe")\nreturn w\n' > includes-pipe.lua
expect 2 "a FIFO included as a lib" "pipe.lua.*FIFO" \
  env CHOKEPOINT_DATA="$tmp/data" "$bin" sim --scenario "$tmp/includes-pipe.lua" --turns 1

# a save whose seat names an agent that has since become a FIFO
cp "$src/scripts/agents/do_nothing.lua" seat.lua
"$bin" sim --scenario "$mini" --turns 1 --seed 3 --agent "BBB=$tmp/seat.lua" --agent CCC=none --save "$tmp/seat.cpsave" \
  --quiet > /dev/null 2>&1
check "a save with an agent file in a seat" '[ -s seat.cpsave ]'
rm seat.lua && mkfifo seat.lua
out=$(timeout 20 "$bin" sim --load "$tmp/seat.cpsave" --turns 1 --quiet 2>&1 < /dev/null); st=$?
# (a save that carries its agents' source needs no file: it may load, but never hang)
if [ $st -eq 2 ] && printf "%s" "$out" | grep -q "seat.lua.*FIFO"; then ok "a FIFO named in a save"
elif [ $st -eq 0 ]; then ok "a FIFO named in a save (the save carries the agent)"
else bad "a FIFO named in a save (status $st: $out)"; fi

# ---- writing ---------------------------------------------------------------
"$bin" sim --turns 1 --seed 3 --no-agents --save "$tmp/private.cpsave" --quiet > /dev/null
chmod 600 private.cpsave
"$bin" sim --turns 2 --seed 3 --no-agents --save "$tmp/private.cpsave" --quiet > /dev/null
check "a save over a 0600 save stays 0600" '[ "$(stat -c %a private.cpsave)" = 600 ]'
chmod 640 private.cpsave
"$bin" sim --turns 2 --seed 3 --no-agents --save "$tmp/private.cpsave" --quiet > /dev/null
check "a save over a 0640 save stays 0640" '[ "$(stat -c %a private.cpsave)" = 640 ]'
(umask 077 && "$bin" sim --turns 1 --seed 3 --no-agents --save "$tmp/new.cpsave" --quiet > /dev/null)
check "a new save follows the umask" '[ "$(stat -c %a new.cpsave)" = 600 ]'

mkdir real
"$bin" sim --turns 1 --seed 3 --no-agents --save "$tmp/real/game.cpsave" --quiet > /dev/null
ln -s real/game.cpsave link.cpsave
want=$("$bin" sim --turns 2 --seed 3 --no-agents --quiet)
"$bin" sim --turns 2 --seed 3 --no-agents --save "$tmp/link.cpsave" --quiet > /dev/null
check "a save onto a symbolic link keeps the link" '[ -L link.cpsave ]'
got=$("$bin" sim --load "$tmp/real/game.cpsave" --turns 0 --quiet)
check "... and writes the file it points to" '[ "$got" = "$want" ]'
check "... leaving no temporary file" '[ -z "$(ls -A real | grep tmp)" ] && [ -z "$(ls -A . | grep tmp)" ]'

# a device of our own (as root), never /dev/null: a build with the old bug
# would replace the device it is given with a regular file
if mknod "$tmp/dev" c 1 3 2> /dev/null; then
  ln -s "$tmp/dev" dev.cpsave
  expect 2 "a save onto a link to a device is refused" "link.*character device" \
    "$bin" sim --turns 1 --no-agents --save "$tmp/dev.cpsave"
  check "... the link is still a link to the device" '[ -L dev.cpsave ] && [ -c dev ]'
  expect 2 "a save onto a device is refused" "dev: it is a character device" \
    "$bin" sim --turns 1 --no-agents --save "$tmp/dev"
  check "... and the device is still a device" '[ -c dev ]'
else
  echo "skip the device cases (mknod needs root); the FIFO cases below stand for them"
fi
ln -s nowhere/x.cpsave dangling.cpsave
expect 2 "a save onto a dangling link is refused" "dangling.cpsave.*missing" \
  "$bin" sim --turns 1 --no-agents --save "$tmp/dangling.cpsave"
check "... and nothing was made where it points" '[ ! -e nowhere ]'
expect 2 "a save onto a FIFO is refused" "pipe.cpsave: it is a FIFO" \
  "$bin" sim --turns 1 --no-agents --save "$tmp/pipe.cpsave"
check "... the FIFO is still a FIFO" '[ -p pipe.cpsave ]'
ln -s pipe.cpsave pipelink.cpsave
expect 2 "a save onto a link to a FIFO is refused" "pipelink.cpsave.*FIFO" \
  "$bin" sim --turns 1 --no-agents --save "$tmp/pipelink.cpsave"
mkdir adir
expect 2 "a save onto a directory is refused" "adir: it is a directory" \
  "$bin" sim --turns 1 --no-agents --save "$tmp/adir"
check "no temporary files left anywhere" '[ -z "$(find . -name "*.tmp-*")" ]'

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
