#!/usr/bin/env bash
# test_csv_pandas.sh -- every kind of CSV file the program writes (sim --csv,
# the debrief pack, sweep, tournament) opens with pandas' defaults and with
# the right column types, as its datapackage.json describes them
# (check_csv_pandas.py); with R installed, read.csv's defaults read the same
# columns. Skipped (77) when python3-pandas is missing.
# Usage: test_csv_pandas.sh PATH/TO/chokepoint [window]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3 # Debian's, with python3-pandas
if ! "$py" -c "import pandas" 2> /dev/null; then
  echo "skipped: python3-pandas is not installed (scripts/lib/deps.sh CP_PACKAGE_TEST_PACKAGES)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
# alliance with its agents: deals, news with and without facilities, every file with rows
"$bin" sim --scenario alliance --turns 6 --seed 3 --csv sim > /dev/null 2>&1 || { echo "FAIL sim --csv"; fail=1; }
packages=(sim/datapackage.json)
if [ "${2:-}" = window ]; then
  "$bin" sim --scenario embargo-2010 --turns 3 --debrief pack > /dev/null 2>&1 || { echo "FAIL sim --debrief"; fail=1; }
  packages+=(pack/datapackage.json)
fi
"$bin" sweep --scenario free-trade --vary us_magnet_tariff=0,0.5 --seeds 1-2 --turns 2 --csv sweep.csv --quiet \
  || { echo "FAIL sweep"; fail=1; }
"$bin" tournament --agents decoupler,"$here/../script/agents/always_fails.lua" --seat USA --seeds 1-2 --turns 2 \
  --csv tour.csv --quiet > /dev/null 2>&1 || { echo "FAIL tournament"; fail=1; }
packages+=(sweep.datapackage.json tour.datapackage.json)
"$py" "$here/check_csv_pandas.py" "${packages[@]}" || fail=1
if command -v Rscript > /dev/null 2>&1; then
  for f in sim/*.csv sweep.csv tour.csv; do
    want=$(head -1 "$f")
    got=$(Rscript -e "cat(paste(names(read.csv('$f', check.names = FALSE)), collapse = ','))" 2>&1)
    [ "$got" = "$want" ] && echo "ok   R read.csv $f" || { echo "FAIL R read.csv $f: $got"; fail=1; }
  done
else
  echo "(R is not installed: read.csv not tried)"
fi
exit $fail
