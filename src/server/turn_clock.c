/* turn_clock.c -- when a quarter ends: every human seat ready, the timer run out (unready seats
 * keep their policies) or the teacher's end_quarter, never while paused; and the main thread's
 * loop that plays each quarter (cpg_play_turn, the one place the world advances), tells every
 * client and, after the last, sends `over` and prints the hash as `sim` does. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "server.h"

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

double srv_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double srv_seconds_left(const srv *s)
{
    if (s->turn_seconds <= 0)
        return -1;
    if (s->paused)
        return s->paused_left_s;
    double left = s->deadline_s - srv_now_s();
    return left < 0 ? 0 : left;
}

void srv_clock_start_quarter(srv *s)
{
    s->end_now = 0;
    if (s->turn_seconds > 0) {
        s->deadline_s = srv_now_s() + s->turn_seconds;
        s->paused_left_s = s->turn_seconds;
    } else {
        s->deadline_s = 0;
    }
}

void srv_clock_pause(srv *s, int paused)
{
    if (paused == s->paused)
        return;
    if (paused && s->turn_seconds > 0)
        s->paused_left_s = srv_seconds_left(s);
    if (!paused && s->turn_seconds > 0)
        s->deadline_s = srv_now_s() + s->paused_left_s;
    s->paused = paused;
    pthread_cond_broadcast(&s->wake);
}

void srv_clock_set_timer(srv *s, int seconds)
{
    s->turn_seconds = seconds;
    s->deadline_s = seconds > 0 ? srv_now_s() + seconds : 0;
    s->paused_left_s = seconds;
    pthread_cond_broadcast(&s->wake);
}

/* Every human seat ready (a game without human seats waits for the timer or the teacher). */
static int all_ready(const srv *s)
{
    const cp_world *w = cpg_world(s->g);
    int humans = 0;
    for (int n = 0; n < cp_world_nation_count(w); n++)
        if (cpg_is_human(s->g, n)) {
            humans++;
            if (!cpg_is_ready(s->g, n))
                return 0;
        }
    return humans > 0;
}

static int quarter_due(const srv *s)
{
    if (s->paused)
        return 0;
    if (s->end_now || all_ready(s))
        return 1;
    return s->turn_seconds > 0 && srv_now_s() >= s->deadline_s;
}

static void send_all(srv *s, cJSON *j)
{
    if (!j)
        return;
    for (int k = 0; k < s->conn_count; k++)
        if (s->conns[k]->role != ROLE_NONE && !s->conns[k]->detached)
            conn_send(s->conns[k], j);
    cJSON_Delete(j);
}

/* A quarter has been played: `quarter` to everyone, then each one's `state` (and `world` to
 * bots). */
static void tell_quarter(srv *s)
{
    const cp_world *w = cpg_world(s->g);
    char date[16];
    cJSON *q = cJSON_CreateObject();
    if (q) {
        cJSON_AddStringToObject(q, "type", "quarter");
        cJSON_AddNumberToObject(q, "turn", cp_world_turn(w));
        cJSON_AddStringToObject(q, "date", cp_world_date_text(w, cp_world_turn(w), date, sizeof date));
    }
    send_all(s, q);
    cJSON *world = NULL;
    for (int k = 0; k < s->conn_count; k++) {
        srv_conn *c = s->conns[k];
        if (c->role == ROLE_NONE || c->detached)
            continue;
        if (c->is_bot) {
            if (!world)
                world = srv_world_json(s);
            if (world)
                conn_send(c, world);
        }
        srv_send_state(s, c);
    }
    cJSON_Delete(world);
    srv_broadcast_class(s);
}

/* Wait (up to 'seconds') for every outbox to be written, so that `over` reaches the clients
 * before the server stops. */
static void drain(srv *s, double seconds)
{
    double until = srv_now_s() + seconds;
    for (;;) {
        pthread_mutex_lock(&s->mu);
        int busy = 0;
        for (int k = 0; k < s->conn_count; k++) {
            srv_conn *c = s->conns[k];
            pthread_mutex_lock(&c->omu);
            busy |= c->head != NULL && !c->dead;
            pthread_mutex_unlock(&c->omu);
        }
        pthread_mutex_unlock(&s->mu);
        if (!busy || srv_now_s() >= until)
            return;
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

int srv_run(srv *s)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    pthread_mutex_lock(&s->mu);
    srv_clock_start_quarter(s);
    while (!cpg_is_over(s->g)) {
        while (!quarter_due(s) && !stop_signal) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 200 * 1000 * 1000; /* the timer and signals are looked at 5 times a second */
            if (ts.tv_nsec >= 1000000000) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000;
            }
            int rc = pthread_cond_timedwait(&s->wake, &s->mu, &ts);
            if (rc != 0 && rc != ETIMEDOUT)
                break;
        }
        if (stop_signal)
            break;
        cpg_error err;
        if (cpg_play_turn(s->g, &err) != 0)
            fprintf(stderr, "chokepoint serve: %s\n", err.message);
        const cp_world *w = cpg_world(s->g);
        char date[16];
        printf("quarter: %d %s\n", cp_world_turn(w), cp_world_date_text(w, cp_world_turn(w), date, sizeof date));
        fflush(stdout);
        srv_clock_start_quarter(s);
        tell_quarter(s);
    }
    if (stop_signal) {
        int turn;
        const char *autosave = cpg_last_autosave(s->g, &turn);
        pthread_mutex_unlock(&s->mu);
        fprintf(stderr, "chokepoint serve: stopped by a signal; resume with --load %s\n",
                autosave[0] ? autosave : "(no autosave yet)");
        return 1;
    }
    cpg_error err;
    if (cpg_record_finish(s->g, &err) != 0)
        fprintf(stderr, "chokepoint serve: %s\n", err.message);
    const cp_world *w = cpg_world(s->g);
    s->over = 1;
    s->final_hash = cp_world_hash(w);
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)s->final_hash);
    cJSON *o = cJSON_CreateObject();
    if (o) {
        cJSON_AddStringToObject(o, "type", "over");
        cJSON_AddNumberToObject(o, "turn", cp_world_turn(w));
        cJSON_AddStringToObject(o, "hash", hex);
    }
    send_all(s, o);
    pthread_mutex_unlock(&s->mu);
    drain(s, 3.0);
    printf("hash: %016llx\n", (unsigned long long)s->final_hash);
    fflush(stdout);
    return 0;
}
