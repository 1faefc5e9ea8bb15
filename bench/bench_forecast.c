/* bench_forecast.c -- what a forecast (cp_world_forecast, view.forecast) costs, and what the agent's budget charges for it.
 *
 * At turn 0 and turn 40 of a scenario (default baseline, no agents), for
 * one seat (default USA): the time of copying the world, of one quarter
 * advanced, and of a 4-quarter forecast; then the time of one Lua VM
 * instruction in the agent sandbox (an agent that loops until its budget
 * stops it), so that a forecast quarter can be priced in instructions'
 * worth (view_internal.h, CPS_FORECAST_QUARTER_INSTRUCTIONS). Build it in
 * Release (build/rel) to read the figures.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chokepoint.h"
#include "script.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds of a forecast of 'quarters' quarters of 'nation' at 'w''s turn, the best of 'reps'
 * (the machine may be shared: the best is the least disturbed). */
static double forecast_s(const cp_world *w, int nation, int quarters, int reps)
{
    double best = 1e9;
    for (int i = 0; i < reps; i++) {
        cp_forecast f;
        cp_error e;
        double t0 = now_s();
        if (cp_world_forecast(w, nation, NULL, 0, quarters, 0, &f, &e) != CP_OK) {
            fprintf(stderr, "bench_forecast: %s\n", e.message);
            exit(2);
        }
        double dt = now_s() - t0;
        best = dt < best ? dt : best;
    }
    return best;
}

/* Seconds of a clone and its destruction, the best of 'reps'. */
static double clone_s(const cp_world *w, int reps)
{
    double best = 1e9;
    for (int i = 0; i < reps; i++) {
        double t0 = now_s();
        cp_world_destroy(cp_world_clone(w));
        double dt = now_s() - t0;
        best = dt < best ? dt : best;
    }
    return best;
}

static void drop_line(void *ud, const char *line)
{
    (void)ud;
    (void)line;
}

/* Seconds per VM instruction: an agent that loops until its budget of
 * 'budget' instructions stops it, timed over a few turns. */
static double instruction_s(cp_world *w, int nation, long long budget)
{
    static const char src[] = "return { api_version = 1, turn = function(view, act, memory)\n"
                              "  local x = 0\n  while true do x = x + 1 end\nend }\n";
    cps_seat_opts opts = {0};
    opts.budget_instructions = budget;
    opts.quiet = 1;
    opts.fallback_after = -1;
    opts.log = drop_line;
    char err[600];
    cps_seats *s = cps_seats_create(w, NULL, NULL, 0, &opts, err, sizeof err);
    if (!s || cps_seats_assign_source(s, nation, "loop.lua", src, strlen(src), err, sizeof err)) {
        fprintf(stderr, "bench_forecast: %s\n", err);
        exit(2);
    }
    int turns = 5;
    double t0 = now_s();
    for (int i = 0; i < turns; i++)
        cps_seats_run_turn(s);
    double dt = now_s() - t0;
    long long used = cps_seats_stats(s, nation)->last_instructions;
    cps_seats_destroy(s);
    return dt / ((double)turns * (double)(used > 0 ? used : budget));
}

int main(int argc, char **argv)
{
    const char *scenario = argc > 1 ? argv[1] : "baseline";
    const char *seat = argc > 2 ? argv[2] : "USA";
    static cp_scenario sc;
    cps_scenario_info info;
    char err[600];
    if (cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "bench_forecast: %s\n", err);
        return 2;
    }
    cp_error e;
    cp_world *w = cp_world_create(&sc, 1, &e);
    if (!w) {
        fprintf(stderr, "bench_forecast: %s\n", e.message);
        return 2;
    }
    int nation = cp_world_find_nation(w, seat);
    if (nation < 0) {
        fprintf(stderr, "bench_forecast: no seat %s in %s\n", seat, scenario);
        return 2;
    }
    double per_instr = instruction_s(w, nation, 20000000);
    for (int turn = 0; turn <= 40; turn += 40) {
        while (cp_world_turn(w) < turn)
            cp_world_advance(w);
        double one = forecast_s(w, nation, 1, 40), eight = forecast_s(w, nation, 8, 40);
        double quarter = (eight - one) / 7, base = one - quarter;
        printf("bench_forecast: %s turn %d, %s: a forecast of 1 quarter %.0f us, of 8 %.0f us: "
               "%.0f us a quarter + %.0f us (a clone alone: %.0f us); in instructions' worth: "
               "%.0f a quarter + %.0f, a 4-quarter forecast %.0f\n",
               scenario, turn, seat, 1e6 * one, 1e6 * eight, 1e6 * quarter, 1e6 * base,
               1e6 * clone_s(w, 40), quarter / per_instr, base / per_instr,
               (base + 4 * quarter) / per_instr);
    }
    printf("bench_forecast: a Lua VM instruction in the sandbox: %.2f ns\n", 1e9 * per_instr);
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
    return 0;
}
