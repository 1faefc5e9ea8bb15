/* pool.c -- the worker threads and progress bar of batch commands (batch.h). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"

typedef struct {
    const pool_job *job;
    pool_result *res;
    pthread_mutex_t lock;
    int next;            /* next task to hand out */
    double t0, drawn;    /* start, last time the bar was drawn */
} pool_state;

double pool_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int pool_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : (n > POOL_MAX_JOBS ? POOL_MAX_JOBS : (int)n);
}

/* Redraw the bar on stderr, at most ten times a second and once at the end
 * (caller holds the lock). */
static void draw_progress(pool_state *p)
{
    enum { WIDTH = 30 };
    int done = p->res->done, total = p->job->total;
    double now = pool_now_s();
    if (done < total && now - p->drawn < 0.1)
        return;
    p->drawn = now;
    int filled = total ? done * WIDTH / total : WIDTH;
    char bar[WIDTH + 1];
    for (int i = 0; i < WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[WIDTH] = '\0';
    double el = now - p->t0;
    fprintf(stderr, "\r%s [%s] %d/%d %s  %.1f s", p->job->label, bar, done, total, p->job->unit,
            el);
    if (done > 0 && done < total)
        fprintf(stderr, ", about %.0f s left ", el * (total - done) / done);
    else
        fputs("                 ", stderr);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

static void *worker(void *arg)
{
    pool_state *p = arg;
    const pool_job *job = p->job;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        int i = p->res->failed ? job->total : p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= job->total)
            break;
        char err[1024] = "";
        void *result = NULL;
        int rc = job->run(job->ud, i, &result, err, sizeof err);
        pthread_mutex_lock(&p->lock);
        if (rc != 0) {
            if (!p->res->failed) {
                p->res->failed = 1;
                snprintf(p->res->message, sizeof p->res->message, "%s", err);
            }
        } else {
            if (job->finish)
                job->finish(job->ud, i, result);
            p->res->done++;
            if (job->progress)
                draw_progress(p);
        }
        pthread_mutex_unlock(&p->lock);
    }
    return NULL;
}

int pool_run(const pool_job *job, pool_result *res)
{
    memset(res, 0, sizeof *res);
    pool_state p;
    memset(&p, 0, sizeof p);
    p.job = job;
    p.res = res;
    pthread_mutex_init(&p.lock, NULL);
    p.t0 = pool_now_s();
    int n = job->jobs < job->total ? job->jobs : job->total;
    if (n < 1)
        n = 1;
    if (n > POOL_MAX_JOBS)
        n = POOL_MAX_JOBS;
    pthread_t tid[POOL_MAX_JOBS];
    int started = 0;
    for (int i = 0; i < n; i++) {
        if (pthread_create(&tid[i], NULL, worker, &p) != 0)
            break;
        started++;
    }
    if (started == 0)
        worker(&p); /* no threads to be had: play them here */
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    pthread_mutex_destroy(&p.lock);
    res->threads = started ? started : 1;
    res->elapsed_s = pool_now_s() - p.t0;
    return res->failed ? -1 : 0;
}
