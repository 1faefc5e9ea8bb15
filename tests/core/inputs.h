/* inputs.h -- reproducible random decisions for a turn of a test game:
 * orders (many refused), deals proposed, answered and countered, injected
 * events, and the odd withdrawal. The stream is keyed by (game, turn), so
 * a game stopped, saved and loaded gets the very inputs it would have had. */
#ifndef CP_TEST_INPUTS_H
#define CP_TEST_INPUTS_H

#include "chokepoint.h"

typedef struct {
    unsigned long long s;
    int orders, deals, events; /* accepted so far: orders, proposals, injections */
    /* called for every event injected (a replay recorder notes them) */
    void (*on_event)(void *ud, const cp_event *e);
    void *ud;
} inputs;

void inputs_seed(inputs *in, int game, int turn);
/* One turn's decisions, queued in 'w' for its next advance. */
void inputs_turn(inputs *in, cp_world *w);
/* A number 0..n-1 from the stream (tests' own choices). */
int inputs_pick(inputs *in, int n);

#endif
