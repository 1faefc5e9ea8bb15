#!/usr/bin/env bash
# bench_personalities.sh -- do the shipped AI nations play better than an empty seat?
#
# For each major seat and scenario, a tournament of the seat's default personality, do_nothing
# and random_baseline on the same seeds. Each agent's figure is the paired difference from
# do_nothing on the same seed (the world's own noise cancels): its mean and 95% interval, with
# the absolute mean score beside it. A seat passes when the default's interval lies above zero
# and above random_baseline's. A benchmark: it prints the table whatever the figures are.
# Usage: bench_personalities.sh PATH/TO/chokepoint [SEEDS=1-100] [SCENARIOS="baseline licensing-2025"]
#        [SEATS="CHN USA JPN DEU KOR AUS KAZ"] [EXTRA_FLAGS...]
set -eu
bin=$1
seeds=${2:-1-100}
scenarios=${3:-baseline licensing-2025}
seats=${4:-CHN USA JPN DEU KOR AUS KAZ}
shift $(( $# < 4 ? $# : 4 ))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

default_of() { # the personality a seat plays by default in the 2025 world
    case $1 in
    CHN) echo rhythm_card ;; USA | CAN) echo decoupler ;; DEU | FRA | EST) echo green_bloc ;;
    JPN | KOR | IND | RUS) echo stability_buyer ;; KAZ | UZB) echo partner_seeker ;;
    *) echo resource_seller ;;
    esac
}

printf '%-15s %-4s %-18s %10s %22s %s\n' scenario seat agent "mean score" "vs do_nothing (95%)" verdict
for sc in $scenarios; do
    for seat in $seats; do
        def=$(default_of "$seat")
        "$bin" tournament --scenario "$sc" --seat "$seat" --seeds "$seeds" --quiet \
            --agents "$def,do_nothing,random_baseline" --csv "$tmp/t.csv" "$@" >/dev/null
        python3 - "$tmp/t.csv" "$sc" "$seat" "$def" <<'PY'
import csv, math, sys
path, sc, seat, default = sys.argv[1:5]
rows = list(csv.DictReader(open(path)))
by = {}
for r in rows:
    by.setdefault(r["agent"].removesuffix(".lua"), {})[r["seed"]] = float(r["score"])
base = by["do_nothing"]
def stats(name):
    xs = [by[name][s] - base[s] for s in base]
    n = len(xs); m = sum(xs) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1)) if n > 1 else 0.0
    h = 1.96 * sd / math.sqrt(n)
    return m, m - h, m + h, sum(by[name].values()) / n
d = stats(default); r = stats("random_baseline")
ok = d[1] > 0 and d[1] > r[2]
for name, s in ((default, d), ("do_nothing", stats("do_nothing")), ("random_baseline", r)):
    verdict = ("pass" if ok else "FAIL") if name == default else ""
    print(f"{sc:<15} {seat:<4} {name:<18} {s[3]:10.2f} {s[0]:+8.2f} ({s[1]:+.2f}..{s[2]:+.2f}) {verdict}")
PY
    done
done
