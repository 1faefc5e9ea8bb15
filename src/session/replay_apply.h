/* replay_apply.h -- playing a recorded game again, one turn at a time: the
 * start world and the per-turn step under cpg_playback (playback.c), which
 * the window's replay viewer still calls directly until it plays on the
 * session, so that both see the same game. Internal to src/session. */
#ifndef CP_CLI_REPLAY_APPLY_H
#define CP_CLI_REPLAY_APPLY_H

#include <stddef.h>

#include "chokepoint.h"
#include "replay_file.h"

typedef enum {
    REPLAY_STEP_OK = 0,  /* decisions made, advanced, the hash matches */
    REPLAY_STEP_REFUSED, /* the world refused a recorded decision: not advanced */
    REPLAY_STEP_DIFFERS  /* advanced, but the hash differs from the recording */
} replay_step_result;

/* The world the recording 'r' starts from: the saved one it carries, or a
 * new world of its scenario and seed. NULL with a message ("NAME: ...")
 * when neither works. */
cp_world *replay_start_world(const replay *r, const char *name, char *err, size_t errlen);

/* Play recorded turn 't' on 'w': make its decisions (orders, injected
 * events, deal actions), advance, compare the hash. On anything but
 * REPLAY_STEP_OK, 'why' says what differs ("its order 2 (tariff by USA) is
 * refused: ..." or "hash 0123..., recorded 4567..."). */
replay_step_result replay_step(cp_world *w, const replay_turn *t, char *why, size_t len);

#endif
