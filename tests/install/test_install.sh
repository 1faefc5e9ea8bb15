#!/usr/bin/env bash
# test_install.sh -- the game as a school's technician installs it: `cmake
# --install` into a staging folder (DESTDIR), the staged tree moved elsewhere,
# and the program run from another folder with CHOKEPOINT_DATA unset, so that
# it can only find its data beside itself (share/chokepoint). There it plays a
# game, writes CSV files with their datapackage.json and a debrief pack, starts
# an agent folder with new-agent whose test.sh passes, saves
# into the player's XDG folder, draws the window offscreen, and a tournament's
# row commands run as written with the program on PATH. A file removed from the
# moved copy's data must be missed: proof that the source tree is not read.
# Usage: test_install.sh BUILD_DIR SOURCE_DIR [window]
set -u
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
window=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

DESTDIR=$tmp/stage cmake --install "$build" --prefix /usr > "$tmp/install.log" 2>&1; status=$?
check "cmake --install into a staging folder exits 0" '[ $status -eq 0 ]'
s=$tmp/stage/usr
check "the program in bin/" '[ -x "$s/bin/chokepoint" ]'
check "scenarios, agents and the map in share/chokepoint with the source layout" \
  '[ -f "$s/share/chokepoint/scripts/scenarios/baseline.lua" ] && [ -f "$s/share/chokepoint/scripts/agents/decoupler.lua" ] && [ -f "$s/share/chokepoint/assets/world-110m.cpmap" ]'
check "every scenario and agent of the source is installed" \
  'diff -r "$src/scripts/scenarios" "$s/share/chokepoint/scripts/scenarios" && diff -r "$src/scripts/agents" "$s/share/chokepoint/scripts/agents"'
check "every asset but the icons is installed" 'diff -r -x icons "$src/assets" "$s/share/chokepoint/assets"'
check "the docs and the agent API stubs in share/doc/chokepoint" \
  '[ -f "$s/share/doc/chokepoint/README.md" ] && [ -f "$s/share/doc/chokepoint/csv.md" ] && [ -f "$s/share/doc/chokepoint/api/chokepoint.lua" ]'
check "the manual page chokepoint(6)" '[ -f "$s/share/man/man6/chokepoint.6.gz" ]'
check "bash completion" '[ -f "$s/share/bash-completion/completions/chokepoint" ]'
check "the menu entry, its icon and the metainfo" \
  '[ -f "$s/share/applications/io.github.chokepoint.Chokepoint.desktop" ] && [ -f "$s/share/icons/hicolor/48x48/apps/chokepoint.png" ] && [ -f "$s/share/icons/hicolor/scalable/apps/chokepoint.svg" ] && [ -f "$s/share/metainfo/io.github.chokepoint.Chokepoint.metainfo.xml" ]'

# the staged tree moved away, one scenario taken out of the copy, and a
# working folder with nothing in it; the program runs with no hint of the source
mv "$tmp/stage" "$tmp/moved"
bin=$tmp/moved/usr/bin/chokepoint
rm "$tmp/moved/usr/share/chokepoint/scripts/scenarios/free-trade.lua"
mkdir "$tmp/work" "$tmp/home"
run() { (cd "$tmp/work" && env -u CHOKEPOINT_DATA -u XDG_DATA_HOME HOME="$tmp/home" "$@"); }

run "$bin" sim --scenario embargo-2010 --turns 3 --seed 4 --csv out --debrief pack --save game1 > "$tmp/sim.txt" 2> "$tmp/sim.err"; status=$?
check "installed: sim plays a game from another folder" '[ $status -eq 0 ] && grep -q "^hash: [0-9a-f]\{16\}$" "$tmp/sim.txt"'
check "the same hash as the build's program" \
  '[ "$(tail -1 "$tmp/sim.txt")" = "$(cd "$tmp" && "$build/chokepoint" sim --scenario embargo-2010 --turns 3 --seed 4 | tail -1)" ]'
check "its data is the moved copy's, not the source tree's (free-trade is missed)" \
  '! run "$bin" sim --scenario free-trade --turns 1 > /dev/null 2> "$tmp/missing.err" && grep -q "$tmp/moved/usr/share/chokepoint/scripts/scenarios/free-trade.lua" "$tmp/missing.err"'
check "CSV files with their datapackage.json" \
  'for f in nations markets facilities news deals; do [ -s "$tmp/work/out/$f.csv" ] || exit 1; done; [ -s "$tmp/work/out/datapackage.json" ]'
check "the debrief pack" '[ -s "$tmp/work/pack/summary.html" ] && [ -s "$tmp/work/pack/nations.csv" ] && [ -s "$tmp/work/pack/datapackage.json" ] && ls "$tmp/work/pack"/*.png > /dev/null'
check "a save goes to the player's folder (~/.local/share/chokepoint), not saves/ here" \
  '[ -s "$tmp/home/.local/share/chokepoint/game1" ] && [ ! -e "$tmp/work/saves" ]'
run env XDG_DATA_HOME="$tmp/xdg" "$bin" sim --scenario baseline --turns 1 --save game2 > /dev/null 2>&1
check "\$XDG_DATA_HOME moves the player's folder" '[ -s "$tmp/xdg/chokepoint/game2" ]'
run "$bin" sim --load game1 --turns 1 > "$tmp/load.txt" 2>&1
check "and a bare name loads from there" 'grep -q "^hash: " "$tmp/load.txt"'
run "$bin" new-agent scout --seat JPN > "$tmp/new.txt" 2>&1; status=$?
check "installed: new-agent makes a folder from the moved copy's template" \
  '[ $status -eq 0 ] && [ -s "$tmp/work/scout/scout.lua" ] && [ -x "$tmp/work/scout/test.sh" ]'
check "its .luarc.json names the installed stubs (share/doc/chokepoint/api)" \
  'grep -qF "\"$tmp/moved/usr/share/doc/chokepoint/api\"" "$tmp/work/scout/.luarc.json"'
run "$tmp/work/scout/test.sh" > "$tmp/newtest.txt" 2>&1; status=$?
check "and its test.sh passes with the installed program" \
  '[ $status -eq 0 ] && grep -q "verdict: sound" "$tmp/newtest.txt" && grep -qF "$bin" "$tmp/work/scout/test.sh"'
run env CHOKEPOINT_DATA="$src" "$bin" sim --scenario free-trade --turns 1 > /dev/null 2>&1; status=$?
check "CHOKEPOINT_DATA still overrides (the source tree has free-trade)" '[ $status -eq 0 ]'

# a tournament with the installed program on PATH: its rows call `chokepoint`
run env PATH="$tmp/moved/usr/bin:$PATH" chokepoint tournament --agents decoupler,do_nothing --seat USA \
  --seeds 1-2 --turns 2 --jobs 1 --csv t.csv --quiet > /dev/null 2>&1
row=$(sed -n 2p "$tmp/work/t.csv")
check "a tournament row's command calls chokepoint on PATH" 'printf "%s\n" "$row" | grep -q ",chokepoint sim --scenario baseline "'
cmd=${row##*,}
got=$(run env PATH="$tmp/moved/usr/bin:$PATH" sh -c "$cmd" | sed -n 's/^hash: //p')
check "and runs as written, giving the row's hash" '[ -n "$got" ] && printf "%s\n" "$row" | grep -q ",$got,"'

if [ "$window" = window ]; then
  run env SDL_VIDEODRIVER=offscreen "$bin" play --scenario baseline --advance 1 --screenshot shot.png > "$tmp/play.txt" 2>&1; status=$?
  check "installed: the window draws the map offscreen" '[ $status -eq 0 ] && [ -s "$tmp/work/shot.png" ]'
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
