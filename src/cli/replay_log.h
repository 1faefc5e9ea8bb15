/* replay_log.h -- a recorded turn as text or JSON lines (replay_log.c, for `chokepoint replay --orders --log`). */
#ifndef CP_CLI_REPLAY_LOG_H
#define CP_CLI_REPLAY_LOG_H

#include <stdio.h>

#include "session.h"

typedef struct {
    int orders, log, json; /* what to print, and how */
    int seat;              /* a nation index, or -1 for every seat */
    int from_turn, to_turn; /* the turns played to print, inclusive */
} replay_log_opts;

/* Print what replay turn 't' recorded, read against 'w' as the turn left it (the core's report
 * of each order: done or refused and what it spent). */
void replay_log_turn(FILE *f, const cp_world *w, const replay_turn *t, const replay_log_opts *o);

#endif
