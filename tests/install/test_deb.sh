#!/usr/bin/env bash
# test_deb.sh -- the Debian package: CPack builds it from this build folder (into a
# temporary folder), it holds the program in /usr/games, the data, the manual page,
# completion, menu entry, icons and metainfo, declares the libraries the program
# links (dpkg-shlibdeps) and the fonts, and lintian reports no error on it. Its
# warnings are printed. Skipped (77) with a message when cpack's DEB tools or
# lintian are missing.
# Usage: test_deb.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
for t in cpack dpkg-deb dpkg-shlibdeps lintian; do
  if ! command -v "$t" > /dev/null 2>&1; then
    echo "skipped: $t is not installed (apt-get install lintian dpkg-dev; scripts/lib/deps.sh CP_PACKAGE_TEST_PACKAGES)"
    exit 77
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

(cd "$build" && cpack -G DEB -B "$tmp" > "$tmp/cpack.log" 2>&1); status=$?
deb=$(ls "$tmp"/chokepoint_*.deb 2> /dev/null | head -1)
check "cpack -G DEB builds a package" '[ $status -eq 0 ] && [ -n "$deb" ]' || { tail -20 "$tmp/cpack.log"; }
[ -n "$deb" ] || { echo "$passed passed, $failed failed"; exit 1; }
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's#^\./#/#' > "$tmp/files"
has() { grep -qx "$1" "$tmp/files"; }
check "the program in /usr/games" 'has /usr/games/chokepoint'
check "the data in /usr/share/chokepoint" 'has /usr/share/chokepoint/scripts/scenarios/baseline.lua && has /usr/share/chokepoint/assets/world-110m.cpmap'
check "the manual page, completion, menu entry, icon, metainfo, copyright" \
  'has /usr/share/man/man6/chokepoint.6.gz && has /usr/share/bash-completion/completions/chokepoint && has /usr/share/applications/io.github.chokepoint.Chokepoint.desktop && has /usr/share/icons/hicolor/scalable/apps/chokepoint.svg && has /usr/share/metainfo/io.github.chokepoint.Chokepoint.metainfo.xml && has /usr/share/doc/chokepoint/copyright'
depends=$(dpkg-deb -f "$deb" Depends)
check "it depends on the libraries the program links and the fonts ($depends)" \
  'for p in libc6 liblua5.4 fonts-dejavu-core; do printf "%s\n" "$depends" | grep -q "$p" || exit 1; done'
check "section games" '[ "$(dpkg-deb -f "$deb" Section)" = games ]'

lintian --no-cfg "$deb" > "$tmp/lintian.txt" 2>&1
grep -v "running with root privileges" "$tmp/lintian.txt" | sed 's/^/    lintian: /'
check "lintian: no error" '! grep -q "^E: " "$tmp/lintian.txt"'
echo "lintian warnings: $(grep -c "^W: " "$tmp/lintian.txt")"
if command -v appstreamcli > /dev/null 2>&1; then
  mkdir "$tmp/x" && dpkg-deb -x "$deb" "$tmp/x"
  check "appstreamcli validates the metainfo" 'appstreamcli validate --no-net "$tmp"/x/usr/share/metainfo/*.xml > "$tmp/as.txt" 2>&1 || { cat "$tmp/as.txt"; false; }'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
