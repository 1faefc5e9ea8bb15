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

enum {
    /* 2 added the optional AGNT record, 3 its seats' wall-clock stops, 4
     * the model version in the header (CP_MODEL_VERSION; versions 1 to 3
     * were all recorded under model 1). Versions 1 to 3 still read, and a
     * replay under another model version than this build's is refused. */
    REPLAY_VERSION = 4,
    REPLAY_MAX_LOG_LINES = 256, /* agents' log lines kept for one turn */
    REPLAY_MAX_SEATS = CP_MAX_NATIONS,
    REPLAY_MAX_ACTIONS = 4096, /* deal actions in one turn */
    /* the latest turn a replay may start at: far beyond any game, and far
     * enough from INT_MAX that counting turns on from it cannot overflow */
    REPLAY_MAX_TURN = 1000000
};
#define REPLAY_MAX_BYTES ((size_t)1 << 30)

typedef enum {
    REPLAY_PROPOSE = 0, /* 'deal' holds the terms; the new deal must get 'deal_id' */
    REPLAY_ACCEPT,
    REPLAY_REJECT,
    REPLAY_COUNTER,     /* 'deal' holds the new terms */
    REPLAY_WITHDRAW,
    REPLAY_ACTION_COUNT
} replay_action_kind;

typedef struct {
    replay_action_kind kind;
    int deal_id;
    int nation;
    cp_deal deal; /* proposer, parties, clauses, term (propose and counter) */
} replay_action;

/* What one seated agent did in a turn (AGNT record, from cps_seats_stats),
 * for the replay viewer; `chokepoint replay` needs none of it. */
typedef struct {
    int nation;
    char agent[256];            /* the agent file's name */
    long long instructions;     /* used this turn */
    long long budget;           /* instructions allowed per call */
    uint64_t mem_bytes;
    int orders, refused;        /* orders kept; action calls the core refused */
    int failed;                 /* 1: the agent failed this turn */
    char message[512];          /* why, "file:line: ..." ("" unless failed) */
    int wall;                   /* its calls the wall clock stopped this turn (version 3;
                                   the game may not play again the same from its seed) */
} replay_seat_turn;

/* A line the seats logged during the turn (print output, failures). */
typedef struct {
    int nation;                 /* the seat it names, or -1 */
    char text[1024];
} replay_log_line;

typedef struct {
    int turn; /* the turn the advance led to */
    /* the agents (AGNT record; counts 0 in version 1 or without agents) */
    int seat_count;
    replay_seat_turn *seats;
    int line_count;
    replay_log_line *lines;
    int order_count;
    cp_order *orders;
    int event_count;
    cp_event *events;
    int action_count;
    replay_action *actions;
    uint64_t hash; /* cp_world_hash after the advance */
} replay_turn;

typedef struct {
    char scenario[1024];          /* as given to sim: a name or a path */
    char scenario_name[CP_NAME_LEN];
    uint64_t seed;
    int start_turn;
    unsigned char *world;         /* the starting world when the game was loaded
                                     from a save (cp_world_save bytes), else NULL */
    size_t world_len;
    int seat_count;
    char seats[REPLAY_MAX_SEATS][300]; /* "ISO3=agent", for the record */
    uint64_t start_hash;
    int turn_count;
    replay_turn *turns;
    int complete;                 /* 1: the recording was closed properly */
} replay;

/* ---- recording ---- */

typedef struct replay_rec replay_rec;

/* Start recording into 'path' (replaced). 'scenario' is how sim named the
 * scenario; 'from_save' = 1 stores the world itself as the start (a game
 * loaded from a save cannot be rebuilt from its scenario). 'seats' are
 * "ISO3=agent" strings (may be NULL). Returns NULL with a message. */
replay_rec *replay_rec_open(const char *path, const char *scenario, const cp_world *w,
                            int from_save, const char *const *seats, int seat_count, char *err,
                            size_t errlen);
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
