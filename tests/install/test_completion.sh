#!/usr/bin/env bash
# test_completion.sh -- the bash completion the build generates completes every
# command `chokepoint --help` lists and every flag `chokepoint help COMMAND`
# prints, from its first letters; and the manual page holds every command's help.
# Usage: test_completion.sh PATH/TO/chokepoint BUILD_DIR
set -u
bin=$1 build=$2
comp=$build/packaging/chokepoint.bash-completion
man=$build/packaging/chokepoint.6
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
[ -f "$comp" ] && [ -f "$man" ] || { echo "FAIL no $comp or $man: build target chokepoint_docs"; exit 1; }
# shellcheck disable=SC1090
. "$comp"
# complete WORDS...: what _chokepoint offers for the last word
complete_words() {
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _chokepoint
  printf '%s\n' "${COMPREPLY[@]}"
}
commands=$("$bin" --help | sed -n 's/^.*chokepoint \[*\([a-z][a-z-]*\).*$/\1/p' | awk '!seen[$0]++')
[ "$(echo "$commands" | wc -w)" -ge 8 ] || bad "too few commands read from --help: $commands"
for c in $commands; do
  if complete_words chokepoint "${c:0:2}" | grep -qx "$c"; then ok "command $c"; else bad "command $c is not completed from '${c:0:2}'"; fi
done
for c in $commands; do
  [ "$c" = help ] && continue
  # every --flag the help prints, but for commands it quotes and the shortening example
  for f in $("$bin" help "$c" | sed -e 's/`[^`]*`//g' -e '/shortened to any prefix/d' | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    if complete_words chokepoint "$c" "${f:0:4}" | grep -qx -- "$f"; then
      passed=$((passed + 1))
    else
      bad "chokepoint $c ${f:0:4}<TAB> does not offer $f"
    fi
  done
  ok "every flag of $c"
  # the manual page carries the command's help, line for line (roff's escapes undone)
  missing=$("$bin" help "$c" | while IFS= read -r line; do
    sed -e 's/\\-/-/g' -e 's/\\e/\\/g' -e 's/^\\&//' "$man" | grep -qxF -- "$line" || echo "$line"; done)
  if [ -z "$missing" ]; then ok "the manual page holds chokepoint help $c"; else bad "chokepoint.6 lacks lines of help $c: $missing"; fi
done
if complete_words chokepoint sim --scenario emb | grep -qx embargo-2010; then
  ok "--scenario completes scenario names"
else
  bad "--scenario does not complete embargo-2010"
fi
if command -v man > /dev/null 2>&1; then
  warn=$(man --warnings -l "$man" 2>&1 > /dev/null)
  if [ -z "$warn" ]; then ok "man reads chokepoint.6 without a warning"; else bad "man warns: $warn"; fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
