#!/usr/bin/env bash
# bench_class.sh -- a class on loopback, timed: `chokepoint serve` with every nation of
# licensing-2025 as a human seat (24: the scenario has no more nations, so no more seats), one
# `chokepoint bot` per seat, no teacher. Reports, for each run and as the median over the runs:
#   - the 95th percentile of an order's round trip: the bot's `order` sent -> its
#     `order_result` received (each bot writes its round trips with --rtt); target < 50 ms;
#   - the server's CPU between quarters: 23 bots have played the first quarter and are ready,
#     the 24th is held back for WINDOW seconds, and the server's utime+stime over that window
#     (from /proc/PID/stat) is divided by the window; target < 20% of one core;
#   - the server's CPU over the whole game (quarters played included), for comparison.
# A benchmark, not a test: it prints figures and passes whatever they are. Loopback only.
# Usage: bench_class.sh PATH/TO/chokepoint [RUNS=3] [TURNS=8] [WINDOW=5]
set -u
bin=$1
runs=${2:-3}
turns=${3:-8}
window=${4:-5}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2> /dev/null; done
  wait 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
die() { echo "bench_class: $*" >&2; exit 1; }
hz=$(getconf CLK_TCK)

"$bin" sim --scenario licensing-2025 --turns 1 --seed 1 --no-agents --csv "$tmp/csv" \
  > /dev/null 2>&1 || die "sim --csv failed"
isos=$(awk -F, 'NR > 1 && !seen[$3]++ { print $3 }' "$tmp/csv/nations.csv")
seats=$(printf "%s\n" $isos | paste -sd, -)
n=$(printf "%s\n" $isos | wc -l)
pool=(example_tariff random_baseline stability_buyer rhythm_card partner_seeker)

# ticks PID: the process's utime + stime so far, in clock ticks
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2> /dev/null; }
now() { date +%s.%N; }

printf "%-4s %12s %12s %14s %14s %14s %8s\n" run orders rtt_p95_ms rtt_median_ms idle_cpu_pct \
  game_cpu_pct seconds
for r in $(seq 1 "$runs"); do
  out="$tmp/serve-$r.out"
  "$bin" serve --scenario licensing-2025 --turns "$turns" --seed "$r" --seats "$seats" \
    --bind 127.0.0.1 --port 0 --dir "$tmp/dir-$r" > "$out" 2> "$tmp/serve-$r.err" &
  spid=$!
  pids+=("$spid")
  for _ in $(seq 1 600); do grep -q '^ready' "$out" && break; sleep 0.1; done
  grep -q '^ready' "$out" || die "the server did not start: $(tail -3 "$tmp/serve-$r.err")"
  addr=$(sed -n 's/^address: //p' "$out" | head -1)
  t0=$(now)
  c0=$(ticks "$spid")
  i=0
  last_iso= last_code=
  while read -r _ iso rest; do
    code=${rest##* }
    if [ $i -eq $((n - 1)) ]; then
      last_iso=$iso last_code=$code
      break
    fi
    "$bin" bot --join "$addr" --code "$code" --agent "${pool[$((i % 5))]}" \
      --rtt "$tmp/rtt-$r-$iso" > /dev/null 2> "$tmp/bot-$r-$iso.err" &
    pids+=("$!")
    i=$((i + 1))
  done < <(grep '^seat: ' "$out")
  # the 23 bots play the first quarter and say ready; then the server only waits
  sleep 3
  w0=$(now)
  i0=$(ticks "$spid")
  sleep "$window"
  i1=$(ticks "$spid")
  w1=$(now)
  "$bin" bot --join "$addr" --code "$last_code" --agent example_tariff \
    --rtt "$tmp/rtt-$r-$last_iso" > /dev/null 2> "$tmp/bot-$r-$last_iso.err" &
  pids+=("$!")
  c1=$c0
  while kill -0 "$spid" 2> /dev/null; do
    c1=$(ticks "$spid" || echo "$c1")
    sleep 0.2
  done
  t1=$(now)
  wait "$spid" || die "the server exited with an error: $(tail -3 "$tmp/serve-$r.err")"
  cat "$tmp"/rtt-"$r"-* | sort -n > "$tmp/rtt-$r"
  count=$(wc -l < "$tmp/rtt-$r")
  [ "$count" -gt 0 ] || die "run $r: no order was sent"
  p95=$(awk -v n="$count" 'NR == int(n * 0.95 + 0.999) { printf "%.2f", $1 / 1000 }' "$tmp/rtt-$r")
  med=$(awk -v n="$count" 'NR == int(n * 0.5 + 0.999) { printf "%.2f", $1 / 1000 }' "$tmp/rtt-$r")
  idle=$(awk -v a="$i0" -v b="$i1" -v s="$w0" -v e="$w1" -v hz="$hz" \
    'BEGIN { printf "%.1f", 100 * (b - a) / hz / (e - s) }')
  game=$(awk -v a="$c0" -v b="$c1" -v s="$t0" -v e="$t1" -v hz="$hz" \
    'BEGIN { printf "%.1f", 100 * (b - a) / hz / (e - s) }')
  secs=$(awk -v s="$t0" -v e="$t1" 'BEGIN { printf "%.1f", e - s }')
  printf "%-4s %12s %12s %14s %14s %14s %8s\n" "$r" "$count" "$p95" "$med" "$idle" "$game" "$secs" |
    tee -a "$tmp/table"
done
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%s", v[int((NR + 1) / 2)] }'; }
echo "median over $runs runs, $n bots, $turns quarters:"
echo "  order round trip p95: $(awk '{ print $3 }' "$tmp/table" | median) ms (target < 50)"
echo "  server CPU between quarters: $(awk '{ print $5 }' "$tmp/table" | median)% of one core (target < 20)"
echo "  server CPU over the game: $(awk '{ print $6 }' "$tmp/table" | median)% of one core"
