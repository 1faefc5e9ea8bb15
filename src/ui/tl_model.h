/* tl_model.h -- each facility's stages as spans of turns, past and projected, for the Gantt view (no SDL).
 *
 * The core keeps only a facility's current stage, how long it has been in
 * it and the planned length of every stage. The window records the stage of
 * every facility after each turn (a tl_log), so past spans are what really
 * happened; stages before the game are reconstructed backwards from the
 * planned lengths, and stages to come are projected forwards from the
 * current stage's progress, the same arithmetic as the core's projected
 * operating turn.
 */
#ifndef UI_TL_MODEL_H
#define UI_TL_MODEL_H

#include "chokepoint.h"

enum {
    TL_MAX_SPANS = 16,
    TL_OPEN_END = 1 << 20,     /* a span that never ends (operating, idled) */
    TL_UNKNOWN_START = -(1 << 20) /* operating since before anyone recorded */
};

typedef struct {
    cp_stage stage;
    int t0, t1;    /* turns [t0, t1); t1 may be TL_OPEN_END, t0 TL_UNKNOWN_START */
    int projected; /* 1: still to come (from the current turn on) */
    int before_game; /* 1: reconstructed from planned lengths */
} tl_span;

typedef struct {
    int first_turn;   /* turn of the first record */
    int turn_count;   /* records kept: turns first_turn .. first_turn + turn_count - 1 */
    int turn_cap;
    signed char *stage; /* [turn][CP_MAX_FACILITIES], -1: no such facility yet */
    int first_tis[CP_MAX_FACILITIES]; /* turns_in_stage when first seen */
} tl_log;

void tl_log_init(tl_log *log);
void tl_log_free(tl_log *log);

/* Record the stage of every facility at the world's current turn; call it
 * once at the start and after every advance. Returns 0, or -1 when out of
 * memory (the log keeps what it had). */
int tl_log_record(tl_log *log, const cp_world *w);

/* The spans of facility 'id', in time order, into 'out' (at most
 * TL_MAX_SPANS); returns how many. The current stage is split at the
 * current turn into a past and a projected span. */
int tl_spans(const tl_log *log, const cp_world *w, int id, tl_span *out);

/* Turn at which facility 'id' reaches (or reached) full operation in the
 * spans above, or TL_OPEN_END if never (closed, idled before). */
int tl_operating_turn(const tl_span *spans, int n);

#endif
