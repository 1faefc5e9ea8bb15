#!/usr/bin/env bash
# test_docs_lua.sh -- every ```lua block of docs/agents.md runs as an agent (issue 19).
#
# A modder copies the examples first; an example that no longer runs teaches the
# wrong thing. Each block is made into an agent file and checked with
# `chokepoint check-agent` (every seat of baseline, four turns, twice): the
# check must load it and find no failed call. A block that is a whole agent
# (it returns the table) runs as it is; a block of agent fields (init = ...,
# turn = ..., on_proposal = ...) goes inside `return { api_version = 1, ... }`;
# any other block is the body of a turn. Then `sim` plays each one in the
# United States' seat (the tutorial's) for four turns, which must not log a
# failed turn either. Usage: test_docs_lua.sh PATH/TO/chokepoint SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

# split the blocks into block-N.lua, each starting with a comment naming its line
awk -v dir="$tmp" '
  /^```lua[[:space:]]*$/ { n++; inb = 1; f = sprintf("%s/block-%d.lua", dir, n);
                           printf "-- docs/agents.md line %d\n", NR > f; next }
  /^```/ && inb { inb = 0; close(f); next }
  inb { print > f }
' "$src/docs/agents.md"

count=$(ls "$tmp"/block-*.lua 2>/dev/null | wc -l)
if [ "$count" -lt 6 ]; then
  bad "docs/agents.md has its lua blocks (found $count)"
fi

for block in "$tmp"/block-*.lua; do
  where=$(head -1 "$block" | sed 's/^-- //')
  agent="$tmp/$(basename "$block" .lua)-agent.lua"
  if grep -q '^return {' "$block"; then
    cp "$block" "$agent"
  elif grep -Eq '^(---@|init = function|turn = function|on_proposal = function)' "$block"; then
    {
      echo "return { api_version = 1,"
      cat "$block"
      grep -Eq '^turn = function' "$block" || echo "turn = function() end,"
      echo "}"
    } > "$agent"
  else
    {
      echo "return { api_version = 1, turn = function(view, act, memory)"
      cat "$block"
      echo "end }"
    } > "$agent"
  fi
  out=$("$bin" check-agent "$agent" 2>&1); status=$?
  if [ $status -eq 0 ] && printf "%s\n" "$out" | grep -q "failed calls: none"; then
    ok "$where runs in every seat (check-agent: sound)"
  else
    bad "$where: check-agent says:"
    printf "%s\n" "$out" | sed 's/^/    /'
  fi
  err=$("$bin" sim --scenario baseline --turns 4 --seed 1 --agent USA="$agent" --quiet 2>&1 >/dev/null)
  if printf "%s\n" "$err" | grep -q "agent failed"; then
    bad "$where fails as the United States in sim:"
    printf "%s\n" "$err" | sed 's/^/    /'
  else
    ok "$where plays the United States in sim"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
