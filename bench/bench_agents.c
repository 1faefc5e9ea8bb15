/* bench_agents.c -- turns per second of baseline with every nation played by its shipped agent (issue 3 target: 2,000 turns/s).
 *
 * Plays 40-turn games from a fresh world each time, as a tournament would:
 * agents are loaded and initialised per game. Prints the rate with and
 * without that set-up, and how much of a turn the agents take.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "chokepoint.h"
#include "script.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    const char *scenario = argc > 1 ? argv[1] : "baseline";
    int games = argc > 2 ? atoi(argv[2]) : 50;
    static cp_scenario sc;
    cps_scenario_info info;
    char err[600];
    if (cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "bench_agents: %s\n", err);
        return 2;
    }
    cps_seat_opts opts = {0};
    opts.quiet = 1;
    double t_setup = 0, t_agents = 0, t_core = 0;
    uint64_t check = 0;
    int failures = 0;
    double t0 = now_s();
    for (int g = 0; g < games; g++) {
        double a = now_s();
        cp_error e;
        cp_world *w = cp_world_create(&sc, (uint64_t)g + 1, &e);
        cps_seats *s = w ? cps_seats_create(w, &info, NULL, 0, &opts, err, sizeof err) : NULL;
        if (!s) {
            fprintf(stderr, "bench_agents: %s\n", w ? err : e.message);
            return 2;
        }
        double b = now_s();
        t_setup += b - a;
        for (int t = 0; t < 40; t++) {
            double c = now_s();
            failures += cps_seats_run_turn(s);
            double d = now_s();
            cp_world_advance(w);
            t_agents += d - c;
            t_core += now_s() - d;
        }
        check ^= cp_world_hash(w);
        cps_seats_destroy(s);
        cp_world_destroy(w);
    }
    double dt = now_s() - t0;
    int turns = games * 40;
    printf("bench_agents: %s, %d games x 40 turns, %d agents: %.0f turns/s with set-up, "
           "%.0f turns/s playing (agents %.0f us/turn, core %.0f us/turn, set-up %.1f ms/game); "
           "%d failed agent turns (check %016llx)\n",
           scenario, games, sc.nation_count, turns / dt, turns / (t_agents + t_core),
           1e6 * t_agents / turns, 1e6 * t_core / turns, 1e3 * t_setup / games, failures,
           (unsigned long long)check);
    cps_scenario_info_free(&info);
    return failures ? 1 : 0;
}
