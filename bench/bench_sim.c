/* bench_sim.c -- turns per second of the headless simulation on baseline
 * with no agents (issue target: 20,000 turns/s on the 2-core machine), on
 * one thread, as one `chokepoint sim` plays.
 *
 * Plays 40-turn games from a cloned starting world, as a sweep would, in
 * several rounds: a shared virtual machine's speed drifts by half or more
 * from minute to minute, so one round says little. It prints every round,
 * then the median and the best; the check sum of the games' final hashes
 * must be the same in every round and from one build to the next unless
 * the rules changed.
 *
 * Then the same games on every core at once, one world per thread, as
 * `chokepoint sweep` and `tournament` play them: the machine's throughput,
 * printed apart from the one-thread figure that the target is judged by.
 *
 *   bench_sim [SCENARIO [GAMES_PER_ROUND [ROUNDS]]]    (baseline 300 7) */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "chokepoint.h"
#include "script.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Play 'games' 40-turn games from 'start'; the sum of their final hashes. */
static uint64_t play(const cp_world *start, int games)
{
    uint64_t check = 0;
    for (int g = 0; g < games; g++) {
        cp_world *w = cp_world_clone(start);
        for (int t = 0; t < 40; t++)
            cp_world_advance(w);
        check += cp_world_hash(w);
        cp_world_destroy(w);
    }
    return check;
}

typedef struct {
    const cp_world *start;
    int games;
    uint64_t check;
} share;

static void *play_share(void *arg)
{
    share *sh = arg;
    sh->check = play(sh->start, sh->games);
    return NULL;
}

/* Sort a handful of rates; the median of the sorted list. */
static double sort_median(double *rate, int n)
{
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && rate[k] < rate[k - 1]; k--) {
            double t = rate[k];
            rate[k] = rate[k - 1];
            rate[k - 1] = t;
        }
    return n % 2 ? rate[n / 2] : (rate[n / 2 - 1] + rate[n / 2]) / 2;
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
    int games = argc > 2 ? atoi(argv[2]) : 300;
    int rounds = argc > 3 ? atoi(argv[3]) : 7;
    if (games < 1 || rounds < 1 || rounds > 99) {
        fprintf(stderr, "usage: bench_sim [SCENARIO [GAMES_PER_ROUND [ROUNDS (1-99)]]]\n");
        return 2;
    }
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
    double rate[99];
    uint64_t first = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now_s();
        uint64_t check = play(start, games);
        double dt = now_s() - t0;
        rate[r] = games * 40 / dt;
        printf("round %d: %d games x 40 turns in %.3f s: %.0f turns/s (check %016llx)\n", r + 1,
               games, dt, rate[r], (unsigned long long)check);
        if (r == 0)
            first = check;
        else if (check != first) {
            fprintf(stderr, "bench_sim: round %d ended differently: the simulation is not "
                            "deterministic\n", r + 1);
            return 1;
        }
    }
    double median = sort_median(rate, rounds);
    printf("bench_sim: %s, one thread: median %.0f turns/s, best %.0f, worst %.0f over %d rounds "
           "(check %016llx)\n",
           scenario, median, rate[rounds - 1], rate[0], rounds, (unsigned long long)first);

    /* every core at once: each thread plays the round's games on its own worlds */
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
    if (threads > 1) {
        share sh[64];
        pthread_t tid[64];
        for (int r = 0; r < rounds; r++) {
            double t0 = now_s();
            for (int k = 0; k < threads; k++) {
                sh[k] = (share){start, games, 0};
                if (pthread_create(&tid[k], NULL, play_share, &sh[k]) != 0) {
                    fprintf(stderr, "bench_sim: cannot start a thread\n");
                    return 1;
                }
            }
            for (int k = 0; k < threads; k++)
                pthread_join(tid[k], NULL);
            double dt = now_s() - t0;
            rate[r] = (double)threads * games * 40 / dt;
            for (int k = 0; k < threads; k++)
                if (sh[k].check != first) {
                    fprintf(stderr, "bench_sim: a thread's games ended differently\n");
                    return 1;
                }
        }
        median = sort_median(rate, rounds);
        printf("bench_sim: %s, %d threads at once: median %.0f turns/s in all, best %.0f, worst "
               "%.0f\n",
               scenario, threads, median, rate[rounds - 1], rate[0]);
    }
    cps_scenario_info_free(&info);
    cp_world_destroy(start);
    return 0;
}
