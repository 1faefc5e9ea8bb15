/* bench_tournament.c -- wall time of a tournament of 1,000 games of 40 turns
 * on baseline, every nation played by its Lua agent (issue 9's target:
 * under a minute on the 2-core machine). It runs `chokepoint tournament`
 * itself, in process, on every core: two agents in the USA seat over 500
 * seeds. Usage: bench_tournament [GAMES] [JOBS]. A benchmark, not a test:
 * it prints the time and passes whatever it is. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/cli.h"
#include "batch.h"

int main(int argc, char **argv)
{
    int games = argc > 1 ? atoi(argv[1]) : 1000;
    int jobs = argc > 2 ? atoi(argv[2]) : pool_default_jobs();
    if (games < 2 || jobs < 1) {
        fprintf(stderr, "usage: bench_tournament [GAMES >= 2] [JOBS]\n");
        return 2;
    }
    char seeds[32], jobs_text[16];
    snprintf(seeds, sizeof seeds, "1-%d", games / 2);
    snprintf(jobs_text, sizeof jobs_text, "%d", jobs);
    char *args[] = {"--agents", "decoupler,random_baseline", "--seat", "USA",
                    "--scenario", "baseline", "--turns", "40", "--seeds", seeds,
                    "--jobs", jobs_text, "--quiet", NULL};
    double t0 = pool_now_s();
    clock_t c0 = clock();
    int rc = cmd_tournament((int)(sizeof args / sizeof args[0]) - 1, args);
    double dt = pool_now_s() - t0;
    /* CPU time of every thread: what the games cost whatever else the machine
     * is doing (wall time = CPU / cores only when the cores are free) */
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    int played = games / 2 * 2;
    printf("bench_tournament: %d games x 40 turns of baseline (24 Lua agents each) in %.2f s "
           "on %d thread%s: %.1f games/s, %.0f turns/s; CPU %.2f s (%.1f ms a game) "
           "(target: 1000 games under 60 s)\n",
           played, dt, jobs, jobs == 1 ? "" : "s", played / dt, played * 40 / dt, cpu,
           1000 * cpu / played);
    return rc;
}
