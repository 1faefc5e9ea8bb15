/* pool.h -- play many independent tasks (games) on worker threads, with a
 * progress bar on stderr: the batch engine shared by `sweep` and
 * `tournament`, so that neither writes its own threads twice.
 *
 * Tasks are handed out in index order from one counter; each runs on
 * whichever thread asks next, so they must share nothing they write. A task
 * that fails stops the pool handing out more (the first message is kept);
 * those already running finish. */
#ifndef CP_CLI_POOL_H
#define CP_CLI_POOL_H

#include <stddef.h>

typedef struct {
    const char *label;   /* the bar's name: "sweep", "tournament" */
    const char *unit;    /* what a task is: "runs", "games" */
    int total;           /* tasks 0..total-1 */
    int jobs;            /* worker threads (at most total) */
    int progress;        /* 1: draw a bar on stderr */
    /* Play task 'i' and return 0 with its result in *result (may stay
     * NULL), or -1 with a message in 'err'. Runs on a worker thread. */
    int (*run)(void *ud, int i, void **result, char *err, size_t errlen);
    /* Take the result of task 'i' (optional): called under the pool's lock,
     * so it may touch state shared between tasks (write rows in order). */
    void (*finish)(void *ud, int i, void *result);
    void *ud;
} pool_job;

typedef struct {
    int done;            /* tasks that finished */
    int failed;          /* 1: a task failed, see message */
    char message[1024];
    int threads;         /* threads that ran (1 when none could start) */
    double elapsed_s;
} pool_result;

/* Run every task of 'job' and wait for them. Returns 0, or -1 when a task
 * failed (res->message says which and why). */
int pool_run(const pool_job *job, pool_result *res);

/* Cores online, at least 1 and at most POOL_MAX_JOBS: the default --jobs. */
enum { POOL_MAX_JOBS = 256 };
int pool_default_jobs(void);

/* A monotonic clock, seconds. */
double pool_now_s(void);

#endif
