#!/usr/bin/env bash
# test_new_agent.sh -- `chokepoint new-agent NAME` (issue 19) run from an empty
# folder outside the repository: it makes NAME/ with an agent that check-agent
# calls sound and that issues orders, a test.sh that passes and names this very
# program, a .luarc.json naming the API stubs (the source tree's docs/api, and
# share/doc/chokepoint/api for an installed layout), a README; it refuses a
# second run over the same folder naming it, bad names and bad flags naming them.
# Usage: test_new_agent.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/work"
cd "$tmp/work" || exit 1
unset CHOKEPOINT_DATA
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
# status, name, fragment of the message, command...
expect() {
  local want=$1 name=$2 frag=$3; shift 3
  local out; out=$(timeout 60 "$@" 2>&1 < /dev/null); local st=$?
  if [ $st -eq "$want" ] && printf "%s" "$out" | grep -q -- "$frag"; then ok "$name"
  else bad "$name (status $st: $(printf "%s" "$out" | head -3))"; fi
}

expect 0 "new-agent makes the folder" "made ./scout/" "$bin" new-agent scout --seat jpn
for f in scout.lua test.sh .luarc.json README.md; do
  if [ -s "scout/$f" ]; then ok "scout/$f written"; else bad "scout/$f missing"; fi
done
if [ -x scout/test.sh ]; then ok "test.sh is executable"; else bad "test.sh is not executable"; fi
if grep -qF -- "$bin" scout/test.sh; then ok "test.sh runs this program by its full path"
else bad "test.sh does not name $bin: $(grep prog= scout/test.sh)"; fi
if grep -q -- "--agent JPN=scout.lua" scout/test.sh; then ok "test.sh plays the seat given (upper-cased)"
else bad "test.sh lacks --agent JPN=scout.lua"; fi
if grep -qF "\"$src/docs/api\"" scout/.luarc.json && [ -f "$src/docs/api/chokepoint.lua" ]; then
  ok ".luarc.json names the source tree's stubs"
else bad ".luarc.json: $(cat scout/.luarc.json)"; fi
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' scout/.luarc.json 2> /dev/null; then
  ok ".luarc.json is JSON"
else bad ".luarc.json does not parse"; fi
out=$(timeout 120 "$bin" check-agent scout/scout.lua 2>&1); st=$?
if [ $st -eq 0 ] && printf "%s" "$out" | grep -q "verdict: sound"; then ok "check-agent: the new agent is sound"
else bad "check-agent (status $st): $(printf "%s" "$out" | tail -5)"; fi
issued=$(printf "%s" "$out" | sed -n 's/^ *orders issued: \([0-9]*\).*/\1/p')
if [ "${issued:-0}" -gt 0 ]; then ok "the new agent plays ($issued orders issued)"
else bad "the new agent issued no orders: $(printf "%s" "$out" | grep orders)"; fi
out=$(cd / && timeout 180 "$tmp/work/scout/test.sh" 2>&1); st=$?
if [ $st -eq 0 ] && printf "%s" "$out" | grep -q "verdict: sound"; then ok "scout/test.sh passes (run from /)"
else bad "scout/test.sh (status $st): $(printf "%s" "$out" | tail -5)"; fi
expect 2 "a second new-agent is refused, naming the folder" "\./scout already exists" "$bin" new-agent scout
if [ "$(cat scout/scout.lua)" = "$(sed -e 's/@NAME@/scout/g' -e 's/@SEAT@/JPN/g' "$src/scripts/agents/templates/starter.lua")" ]
then ok "the refused run left the agent as it was"; else bad "the refused run changed scout.lua"; fi
mkdir -p sub && touch sub/plainfile
expect 2 "a file in the way is refused, naming it" "sub/plainfile already exists" "$bin" new-agent plainfile --dir sub
mkdir empty
expect 0 "an empty folder is used" "made ./empty/" "$bin" new-agent empty
expect 0 "--dir makes the folder there (parents too)" "made deep/er/bot/" "$bin" new-agent bot --dir deep/er
if grep -q -- "--agent USA=bot.lua" deep/er/bot/test.sh; then ok "the seat defaults to USA"; else bad "no USA seat in bot/test.sh"; fi
expect 2 "an unknown flag is refused, naming it" "'--colour'" "$bin" new-agent x --colour red
expect 2 "a flag without its value is refused, naming it" "\-\-seat" "$bin" new-agent x --seat
expect 2 "a bad seat is refused, naming the flag" "\-\-seat 'US1'" "$bin" new-agent x --seat US1
expect 2 "a seat that is no nation is refused, naming the flag" "\-\-seat 'ZZZ' is not a nation of baseline" "$bin" new-agent x --seat zzz
expect 2 "a bad name is refused, naming it" "name '../evil'" "$bin" new-agent ../evil
expect 2 "a --dir too long is refused, naming the flag" "\-\-dir '.*' is too long" "$bin" new-agent x --dir "$(printf 'd%.0s' $(seq 1200))"
expect 2 "no name is refused" "which name" "$bin" new-agent
expect 2 "two names are refused" "one name at a time" "$bin" new-agent a b
[ ! -e x ] && [ ! -e a ] && [ ! -e ../evil ] && ok "refused runs made nothing" || bad "a refused run made a folder"

# an installed layout: data in PREFIX/share/chokepoint, stubs in PREFIX/share/doc/chokepoint/api
mkdir -p "$tmp/prefix/share/chokepoint" "$tmp/prefix/share/doc/chokepoint"
cp -r "$src/scripts" "$tmp/prefix/share/chokepoint/"
cp -r "$src/docs/api" "$tmp/prefix/share/doc/chokepoint/"
expect 0 "new-agent with installed data" "made ./inst/" env CHOKEPOINT_DATA="$tmp/prefix/share/chokepoint" "$bin" new-agent inst
if grep -qF "\"$(realpath "$tmp/prefix/share/doc/chokepoint/api")\"" inst/.luarc.json; then
  ok ".luarc.json names the installed stubs"
else bad ".luarc.json (installed): $(cat inst/.luarc.json)"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
