/* replay_file.h -- replay files: a game's start and every turn's decisions,
 * with the state hash after each turn, so that `chokepoint replay` can play
 * the game again and name the first turn that comes out differently.
 *
 * A replay is a stream of records, each with its own length and checksum,
 * written and flushed turn by turn: a game that is killed leaves a replay
 * of every turn it finished. docs/saves.md describes the format.
 *
 * What a turn holds: the orders queued just before the advance (from
 * cp_world_pending), the events a teacher injected (the caller reports them
 * with replay_rec_inject), and the deal actions of the turn (proposals,
 * answers, counters, withdrawals), read from the deal log with the deal's
 * terms. One limit: when a deal is proposed and countered in the same turn
 * the replay proposes it with the countered terms, since the log keeps only
 * the latest; the hash, the deals and their log come out the same, only the
 * news line of the proposal differs.
 */
#ifndef CP_CLI_REPLAY_FILE_H
#define CP_CLI_REPLAY_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "chokepoint.h"
#include "session.h"

enum {
    /* 2 added the optional AGNT record, 3 its seats' wall-clock stops, 4
     * the model version in the header (CP_MODEL_VERSION; versions 1 to 3
     * were all recorded under model 1), 5 the agents' difficulty at the end
     * of the start record. Versions 1 to 4 still read (as "normal"), and a
     * replay under another model version than this build's is refused. */
    REPLAY_VERSION = 5
};
#define REPLAY_MAX_BYTES ((size_t)1 << 30)

/* The records (replay, replay_turn, replay_action, ...) are session.h's: the replay viewer
 * shows them. */

/* ---- recording ---- */

typedef struct replay_rec replay_rec;

/* Start recording into 'path' (replaced). 'scenario' is how sim named the
 * scenario; 'from_save' = 1 stores the world itself as the start (a game
 * loaded from a save cannot be rebuilt from its scenario). 'seats' are
 * "ISO3=agent" strings (may be NULL); 'difficulty' the agents' level.
 * Returns NULL with a message. */
replay_rec *replay_rec_open(const char *path, const char *scenario, const cp_world *w,
                            int from_save, const char *const *seats, int seat_count,
                            cps_difficulty difficulty, char *err, size_t errlen);
/* Note an event injected (cp_world_inject_event) for the coming advance. */
void replay_rec_inject(replay_rec *r, const cp_event *e);
/* Just before cp_world_advance: take the turn's orders and deal actions. */
int replay_rec_before(replay_rec *r, const cp_world *w, char *err, size_t errlen);
/* The agents' side of the coming turn (optional; recorded in an AGNT
 * record after the turn's): what seat 's' did, and a log line ('nation'
 * the seat it names or -1; lines past REPLAY_MAX_LOG_LINES a turn are
 * dropped). Call them between replay_rec_after of the previous turn and
 * that of this one. NULL 'r' is fine. */
void replay_rec_seat(replay_rec *r, const replay_seat_turn *s);
void replay_rec_log(replay_rec *r, int nation, const char *line);
/* Just after it: write the turn with the new hash (and the agents' record
 * when there is one), and flush it. */
int replay_rec_after(replay_rec *r, const cp_world *w, char *err, size_t errlen);
/* Mark the recording complete and close it (NULL is fine). Returns 0 or -1. */
int replay_rec_close(replay_rec *r, char *err, size_t errlen);
/* Close it without marking it complete (a run that failed; NULL is fine):
 * `chokepoint replay` checks its turns and reports it incomplete. */
void replay_rec_abandon(replay_rec *r);

/* ---- reading ---- */

/* Read a replay from bytes ('name' in messages). A recording cut short
 * (no end record) still reads, with complete = 0 and the turns it has; a
 * damaged one is refused: -1 and a message "NAME: what is wrong". */
int replay_decode(const unsigned char *buf, size_t len, const char *name, replay *out,
                  char *err, size_t errlen);
int replay_read(const char *path, replay *out, char *err, size_t errlen);
void replay_free(replay *r);

#endif
