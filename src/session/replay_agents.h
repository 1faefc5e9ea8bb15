/* replay_agents.h -- what the seated agents did each turn, taken down into
 * a replay's optional AGNT records for the replay viewer: their budget
 * use, memory, orders and failures (cps_seats_stats) and their log lines. */
#ifndef CP_CLI_REPLAY_AGENTS_H
#define CP_CLI_REPLAY_AGENTS_H

#include "replay_file.h"
#include "script.h"

/* Stands between the seats and their log: set cps_seat_opts.log to
 * replay_tap_log and log_ud to the tap. Each line still goes to stderr (as
 * with no log set) and, once 'rec' is set, into the turn being recorded. */
typedef struct {
    replay_rec *rec;         /* NULL: not recording (yet) */
    const cp_world *world;   /* to tell which seat a line names */
    const cps_seats *seats;
    long long budget;        /* instructions per call, 0 = the default */
    int quiet_stderr;        /* 1: record only */
    /* optional: rewrites text before it is recorded (a tournament names its
     * agents' own files rather than its snapshots of them) */
    void (*rewrite)(const void *ctx, const char *in, char *out, size_t cap);
    const void *rewrite_ctx;
} replay_tap;

void replay_tap_log(void *ud, const char *line);
/* The same, into the recording only: the agents' print() lines under
 * `sim --quiet` (cps_seat_opts.print). */
void replay_tap_record(void *ud, const char *line);
/* After cps_seats_run_turn: each seated agent's stats for the turn. */
void replay_tap_turn(replay_tap *t);

#endif
