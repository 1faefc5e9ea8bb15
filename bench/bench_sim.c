/* bench_sim.c -- turns per second of the headless simulation on baseline
 * with no agents (issue target: 20,000 turns/s on the 2-core machine).
 * Plays 40-turn games from a cloned starting world, as a sweep would. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "chokepoint.h"
#include "scenario_load.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* a batch run frees and makes worlds by the thousand: keep freed memory
     * in the process rather than handing it back to the kernel each time
     * (the CLI's batch commands do the same) */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
    const char *scenario = argc > 1 ? argv[1] : "baseline";
    int games = argc > 2 ? atoi(argv[2]) : 500;
    static cp_scenario sc;
    cps_scenario_info info;
    char err[512];
    if (cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "bench_sim: %s\n", err);
        return 2;
    }
    cp_error e;
    cp_world *start = cp_world_create(&sc, 1, &e);
    if (!start) {
        fprintf(stderr, "bench_sim: %s\n", e.message);
        return 2;
    }
    uint64_t check = 0;
    double t0 = now_s();
    for (int g = 0; g < games; g++) {
        cp_world *w = cp_world_clone(start);
        for (int t = 0; t < 40; t++)
            cp_world_advance(w);
        check += cp_world_hash(w);
        cp_world_destroy(w);
    }
    double dt = now_s() - t0;
    printf("bench_sim: %s, %d games x 40 turns in %.3f s: %.0f turns/s (check %016llx)\n",
           scenario, games, dt, games * 40 / dt, (unsigned long long)check);
    cps_scenario_info_free(&info);
    cp_world_destroy(start);
    return 0;
}
