/* seats.h -- the agents that play a world's nations, run once a turn before it advances.
 *
 * A scenario names a default agent for each nation (cps_scenario_info.agent);
 * "ISO3=FILE" assignments put another agent in a seat ("ISO3=none" empties
 * it). Every agent is loaded and its init run when the seats are created: an
 * agent that fails to load refuses the whole game before it starts. During
 * the game an agent that fails (error, budget, memory, garbage) loses that
 * turn's orders and a log line names its file, line and the reason; after
 * CPS_FALLBACK_AFTER failures in a row its seat falls back to the scenario's
 * default agent (or to no agent if that is the one failing). The game never
 * stops because of an agent. No Lua types appear here.
 */
#ifndef CPS_SEATS_H
#define CPS_SEATS_H

#include <stddef.h>

#include "../core/chokepoint.h"
#include "scenario_load.h"

enum { CPS_FALLBACK_AFTER = 3 };

typedef struct {
    long long budget_instructions; /* per agent call; 0 = 2,000,000 (--agent-budget) */
    size_t mem_bytes;              /* per agent; 0 = 32 MiB (--agent-mem) */
    double wall_s;                 /* per agent call; 0 = 2 s */
    /* log lines (failures, fallbacks, agents' print output); NULL = stderr */
    void (*log)(void *ud, const char *line);
    void *log_ud;
    int quiet; /* 1: drop the agents' print() output (unless 'print' takes it) */
    void (*print)(void *ud, const char *line); /* print() lines instead of 'log' (log_ud) */
} cps_seat_opts;

/* What happened in a seat, for tools and tests. */
typedef struct {
    int has_agent;
    char agent[256];            /* the agent file's name in messages, "" when none */
    int failures_in_row;
    int failures_total;
    int fallbacks;              /* times the seat fell back */
    int last_failed;            /* the last turn failed */
    char last_message[512];     /* its reason, "file:line: ..." */
    long long last_instructions;
    size_t last_mem_bytes;
    int last_orders;            /* orders the last turn queued (kept) */
    int last_refused;           /* action calls the core refused last turn */
    /* calls the wall-clock backstop stopped (turn and on_proposal): such a
     * call ends at a moment that differs from run to run, so a game with one
     * may not play again the same from its seed (a replay still does) */
    int last_wall;              /* in the last turn */
    int wall_total;
} cps_seat_stats;

typedef struct cps_seats cps_seats;

/* Seat agents in every nation of 'w': the scenario defaults from 'info'
 * (may be NULL: no defaults), overridden by 'assign' ("ISO3=FILE", FILE a
 * name under scripts/agents/ or a path, or "none"). Loads every agent and
 * runs its init. Returns NULL with a message ("scripts/agents/x.lua:12: ...")
 * when an assignment is malformed or an agent does not load. */
cps_seats *cps_seats_create(cp_world *w, const cps_scenario_info *info, const char *const *assign,
                            int assign_count, const cps_seat_opts *opts, char *err, size_t errlen);
void cps_seats_destroy(cps_seats *s);

/* Let every seated agent play the coming turn (in nation order): first
 * its on_proposal for each deal waiting for its answer (oldest first,
 * including those proposed earlier in this turn), then its turn. Orders
 * are queued in the world for the caller's cp_world_advance; deal actions
 * happen at once. A failed on_proposal counts as a failure like a failed
 * turn. Returns how many agent calls failed this turn. */
int cps_seats_run_turn(cps_seats *s);

/* Put another agent in a seat mid-game (a teacher hands a nation from a
 * human to an agent or back): 'agent' is a name under scripts/agents/, a
 * path, or NULL/"" /"none" for no agent (a human seat). The new agent's init
 * runs now. A file that does not load leaves the seat as it was and returns
 * -1 with a message. */
int cps_seats_assign(cps_seats *s, int nation, const char *agent, char *err, size_t errlen);

/* The same with the agent's source text in memory (a save's copy of it);
 * 'path' is the file it came from, for messages, --watch and later saves. */
int cps_seats_assign_source(cps_seats *s, int nation, const char *path, const char *source,
                            size_t len, char *err, size_t errlen);

/* Seat an agent from a save: its 'source' (or, when NULL, the file at
 * 'path'), with the seat's count of 'failures_in_row'. Its init runs, but
 * an init that fails now is logged, not fatal: the saved memory replaces
 * what init makes. Returns 0, or -1 when it cannot be read or loaded. */
int cps_seats_restore(cps_seats *s, int nation, const char *path, const char *source, size_t len,
                      int failures_in_row, char *err, size_t errlen);

/* The source text the agent of a seat runs (NULL when the seat is empty). */
const char *cps_seats_agent_source(const cps_seats *s, int nation, size_t *len);

/* How many calls of a seat failed in a row (saved with the game: the seat
 * falls back at CPS_FALLBACK_AFTER). */
int cps_seats_failures_in_row(const cps_seats *s, int nation);

/* Point the seats at another world with the same scenario (after a load). */
void cps_seats_set_world(cps_seats *s, cp_world *w);

/* Stats of one seat (nation index). */
const cps_seat_stats *cps_seats_stats(const cps_seats *s, int nation);

/* The agent file of a seat (a path), "" when the seat is empty. */
const char *cps_seats_agent_path(const cps_seats *s, int nation);

/* An agent's memory as bytes and back, for saves (malloc'd bytes, the
 * binary form of memory_codec.h; load also reads a version 1 save's text). */
int cps_seats_memory_save(cps_seats *s, int nation, char **text, size_t *len, char *err,
                          size_t errlen);
int cps_seats_memory_load(cps_seats *s, int nation, const char *text, size_t len, char *err,
                          size_t errlen);

/* Saved memory bytes shown as a Lua table constructor ({["n"]=6,...}),
 * for people and tests (memory_text.c). Returns 0 with a malloc'd text, or
 * -1 when the bytes are not a memory. */
int cps_memory_text(const char *bytes, size_t len, char **text, size_t *tlen);

/* Hot reload (--watch): call at the start of each turn. Every seated
 * agent whose file changed on disk since the last call (size, modification
 * time or inode) is loaded again with its memory kept (its init runs, then
 * the old memory replaces init's). A file that no longer loads leaves the
 * previous version playing, and a log line names the file, the line and the
 * reason; a broken file is tried once per change. The first call only
 * notes how the files look. Returns how many seats were reloaded and sets
 * *rejected (may be NULL) to how many edits were refused. */
int cps_seats_reload_changed(cps_seats *s, int *rejected);

#endif
