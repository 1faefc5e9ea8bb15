/* session.h -- games as the program plays them: a world, the agents in its seats, the human
 * seats, the game's length, an optional recording and optional autosaves; opened new or from a
 * save and played one quarter at a time by cpg_play_turn, the one place outside the core where
 * the world advances. sim, sweep, tournament, replay, check-agent, the window and the server
 * drive turns here. No SDL, no Lua types.
 *
 * One thread uses a game at a time; games share nothing, so batches (batch.h) play them on
 * worker threads. Every function that can be refused fills a cpg_error: a code and a message
 * naming the thing (a file, a flag, a seat) that callers print as it is.
 */
#ifndef CPG_SESSION_H
#define CPG_SESSION_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "chokepoint.h"
#include "script.h"

typedef enum {
    CPG_OK = 0,
    CPG_ERR_SCENARIO, /* the scenario file does not load (its file, line and field) */
    CPG_ERR_WORLD,    /* the core refused the scenario (cp_world_create's message) */
    CPG_ERR_SEATS,    /* an assignment or an agent file (the seats' message) */
    CPG_ERR_SAVE,     /* a save cannot be read or written ("NAME: what is wrong") */
    CPG_ERR_RESTORE,  /* a save's seats cannot be restored (an agent gone, a nation missing) */
    CPG_ERR_RECORD,   /* the recording cannot be opened or written */
    CPG_ERR_AUTOSAVE, /* an autosave failed; the quarter itself was played */
    CPG_ERR_CSV,      /* a CSV file cannot be written */
    CPG_ERR_MEMORY
} cpg_status;

typedef struct {
    cpg_status code;
    char message[1400];
} cpg_error;

/* How a game is played; zero is the default for every field. */
typedef struct {
    /* the agents' limits and where their lines go: seats.log NULL = stderr, seats.print
     * (optional) takes their print() lines; while the game records, every line also goes into
     * the recording */
    cps_seat_opts seats;
    int no_agents;            /* 1: seat nobody (sim --no-agents, sweep without --agents) */
    int watch;                /* 1: reload changed agent files before each turn (sim --watch) */
    int prints_to_record;     /* 1: the agents' print() lines go into the recording only
                                 (sim --quiet --record) */
    const char *autosave_dir; /* autosave after every quarter into it; NULL: never */
    int autosave_keep;        /* autosaves kept; 0 = 5 */
    int length;               /* the turn the game ends at; 0 = the scenario's default_turns */
    /* rewrites agents' names and lines before they are recorded (a tournament names its agents'
     * own files rather than its copies of them); NULL: as they are */
    void (*rewrite)(const void *ctx, const char *in, char *out, size_t cap);
    const void *rewrite_ctx;
    /* cpg_new_from only: a world cp_world_create made from the same scenario and never
     * touched; the game's world is made like it (cp_world_create_like), without a warm-up of
     * its own. NULL: made from scratch */
    const cp_world *start;
} cpg_opts;

typedef struct cpg_game cpg_game;

/* ---- opening and closing ---- */

/* A new game of 'scenario' (a name under scripts/scenarios/ or a path) with 'seed', every nation
 * seated with the scenario's default agent unless 'assign' ("ISO3=FILE", "ISO3=none") says
 * otherwise. 'o' may be NULL. NULL with CPG_ERR_SCENARIO, _WORLD or _SEATS. */
cpg_game *cpg_new(const char *scenario, uint64_t seed, const char *const *assign, int assign_count,
                  const cpg_opts *o, cpg_error *err);
/* The same from a scenario already loaded, borrowed ('info' must outlive the game; NULL: no
 * default agents): sweeps and tournaments load once and play many games. */
cpg_game *cpg_new_from(const cp_scenario *sc, const cps_scenario_info *info, uint64_t seed,
                       const char *const *assign, int assign_count, const cpg_opts *o,
                       cpg_error *err);
/* A saved game: its world, seats, agents' memories, human seats and length (a save without a
 * "game" section: the scenario's default_turns; o->length, when set, wins). 'scenario' not
 * NULL: loaded first (CPG_ERR_SCENARIO), and the save must be of it; NULL: the scenario's
 * briefing and default agents come from the scenario the world names (a file gone since: none).
 * NULL with CPG_ERR_SCENARIO, _SAVE ("PATH: what is wrong") or _RESTORE. */
cpg_game *cpg_load(const char *path, const char *scenario, const cpg_opts *o, cpg_error *err);
/* Close the game (NULL is fine); an unfinished recording is left marked incomplete. */
void cpg_close(cpg_game *g);

/* ---- reading ---- */

cp_world *cpg_world(const cpg_game *g);               /* read it; submit orders and deals to it */
cps_seats *cpg_seats(const cpg_game *g);              /* the agents; NULL when nobody is seated */
const cps_scenario_info *cpg_info(const cpg_game *g); /* briefing, agents, debrief; NULL if gone */
int cpg_is_loaded(const cpg_game *g);                 /* 1: opened from a save */
int cpg_length(const cpg_game *g);                    /* the turn the game ends at */
void cpg_set_length(cpg_game *g, int last_turn);      /* sim --turns N: the turn now + N */
int cpg_is_over(const cpg_game *g);                   /* 1 once the world's turn >= the length */
/* How well the agents are asked to play (view.difficulty): o->seats.difficulty for a new game,
 * the save's for a loaded one (saved in its "game" section; "normal" for a save from before
 * levels, whatever o says). Setting it reaches every seated agent now and those seated later,
 * and the next save and recording keep it. */
cps_difficulty cpg_difficulty(const cpg_game *g);
void cpg_set_difficulty(cpg_game *g, cps_difficulty d);

/* ---- seats and human players ---- */

int cpg_is_human(const cpg_game *g, int nation); /* a person plays it (saved with the game) */
/* Who plays 'nation' from now: an agent (a name under scripts/agents/ or a path) whose init runs
 * now, NULL a person, "" nobody. 0, or -1 with CPG_ERR_SEATS and the seat as it was. */
int cpg_seat(cpg_game *g, int nation, const char *agent, cpg_error *err);
/* A human seat has ended its quarter (hotseat: one after another; a server: all at once).
 * cpg_play_turn clears every seat's readiness. */
void cpg_set_ready(cpg_game *g, int nation, int ready);
int cpg_is_ready(const cpg_game *g, int nation);
int cpg_next_unready(const cpg_game *g, int from); /* first human seat >= from not ready, or -1 */
/* "ISO3=agent path" of each seated agent, in nation order; returns how many (at most 'max'). */
int cpg_seat_names(const cpg_game *g, char names[][300], int max);

/* ---- playing ---- */

/* A teacher's event for the coming quarter: the core checks it (its refusal in 'err'), and an
 * accepted one is noted in the recording. */
cp_status cpg_inject(cpg_game *g, const cp_event *e, cp_error *err);
/* One quarter, in this order: the deals' statuses kept for cpg_deal_news; changed agent files
 * reloaded (o->watch); the seated agents play (cps_seats_run_turn); their stats and the
 * quarter's decisions into the recording; cp_world_advance; the new hash into the recording;
 * every seat's readiness cleared; the autosave. 0, or -1 with CPG_ERR_RECORD (the recording
 * stops) or CPG_ERR_AUTOSAVE: the quarter has been played either way. */
int cpg_play_turn(cpg_game *g, cpg_error *err);
/* What became of 'nation''s deals in the last quarter played ("Deal #2 with Australia:
 * rejected; Deal #3 with Japan: active"), "" when nothing: 'buf'. */
const char *cpg_deal_news(const cpg_game *g, int nation, char *buf, size_t len);
/* The newest autosave this game wrote, "" before the first; the turn it holds in '*turn'
 * (may be NULL). */
const char *cpg_last_autosave(const cpg_game *g, int *turn);

/* ---- recording ---- */

/* Record the game from now into 'path' (replaced): the start (a game loaded or already played
 * stores its world, a new one its scenario and seed) and every quarter cpg_play_turn plays.
 * 'scenario' is the scenario as the user named it (for the reader); 'names' ("ISO3=agent", for
 * the record) NULL: cpg_seat_names. 0, or -1 with CPG_ERR_RECORD. */
int cpg_record_start(cpg_game *g, const char *path, const char *scenario, const char *const *names,
                     int name_count, cpg_error *err);
/* Mark the recording complete and close it (nothing when not recording). 0, or -1 with
 * CPG_ERR_RECORD. */
int cpg_record_finish(cpg_game *g, cpg_error *err);

/* ---- saves ---- */

#define CPG_SAVE_DIR "saves" /* where a bare file name goes */

/* Save the game to 'path' atomically: the world, the seats and their agents' memories, the
 * human seats and the length (docs/saves.md). 0, or -1 with CPG_ERR_SAVE naming the file. */
int cpg_save(cpg_game *g, const char *path, cpg_error *err);
/* Where --load NAME is read: NAME itself when it exists or holds a '/', else saves/NAME. */
void cpg_save_resolve(const char *name, char *out, size_t len);
/* Where --save NAME is written: a bare file name goes into saves/ (created), a path stays. */
int cpg_save_path(const char *name, char *out, size_t len, cpg_error *err);
/* Whether --save NAME could be written, checked before a game is played; creates nothing. */
int cpg_save_check(const char *name, cpg_error *err);
/* A name typed in the window, as a path under saves/ ("my game" -> "saves/my game.cpsave"). */
int cpg_save_path_typed(const char *name, char *out, size_t len, cpg_error *err);

/* A save or replay file found in a folder. */
typedef struct {
    char path[800];
    char name[256];  /* the file name without the folder */
    long long mtime; /* seconds */
    int autosave;    /* 1: an autosave ("autosave-...") */
} cpg_file;
/* The .cpsave files in 'dir', newest first (autosaves of one second by sequence); at most
 * 'max'. Returns how many (0 when the folder is missing). */
int cpg_list_saves(const char *dir, cpg_file *out, int max);
/* The replays in 'dir' (.cprep from `sim --record`, .replay from `tournament --replays`). */
int cpg_list_replays(const char *dir, cpg_file *out, int max);
/* The newest autosave in 'dir' into 'path' (a restarted server or the window's Continue):
 * 0, or -1 when there is none. */
int cpg_newest_autosave(const char *dir, char *path, size_t len);

/* ---- replays ---- */

/* A recording as it reads (sim --record, tournament --replays; docs/saves.md): its start and
 * every quarter's decisions, with the hash after each, and the agents' side of each quarter
 * for the replay viewer. */
enum {
    REPLAY_MAX_LOG_LINES = 256, /* agents' log lines kept for one turn */
    REPLAY_MAX_SEATS = CP_MAX_NATIONS,
    REPLAY_MAX_ACTIONS = 4096, /* deal actions in one turn */
    /* the latest turn a replay may start at: far beyond any game, and far
     * enough from INT_MAX that counting turns on from it cannot overflow */
    REPLAY_MAX_TURN = 1000000
};

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
    cps_difficulty difficulty;    /* the agents' level (format 5; "normal" before) */
    uint64_t start_hash;
    int turn_count;
    replay_turn *turns;
    int complete;                 /* 1: the recording was closed properly */
} replay;

/* A recording played again from its start, quarter by quarter, checked against its hashes:
 * `chokepoint replay`. */
typedef struct cpg_playback cpg_playback;
typedef enum {
    CPG_STEP_OK = 0,  /* decisions made, advanced, the hash matches */
    CPG_STEP_REFUSED, /* the world refused a recorded decision (or none is left): not advanced */
    CPG_STEP_DIFFERS  /* advanced, but the hash differs from the recording */
} cpg_step;
/* Read 'path' and build its start world: the saved world it carries, or a new one of its
 * scenario and seed. NULL with CPG_ERR_RECORD and a message naming the file (damaged, of
 * another model version, its scenario gone). A recording cut short opens (complete = 0). */
cpg_playback *cpg_playback_open(const char *path, cpg_error *err);
void cpg_playback_close(cpg_playback *p); /* NULL is fine */
const replay *cpg_playback_recording(const cpg_playback *p);
/* 1 when the start world's hash is not the one recorded (the scenario changed since). */
int cpg_playback_start_differs(const cpg_playback *p);
/* Play the next recorded quarter: its orders, injected events and deal actions, the advance,
 * the hash compared. On anything but CPG_STEP_OK, 'why' says what ("its order 2 (tariff by
 * USA) is refused: ..." or "hash 0123..., recorded 4567..."). */
cpg_step cpg_playback_step(cpg_playback *p, char *why, size_t len);
int cpg_playback_played(const cpg_playback *p);        /* recorded quarters played so far */
const cp_world *cpg_playback_world(const cpg_playback *p); /* the world as played so far */

/* ---- CSV ---- */

/* nations.csv, markets.csv, facilities.csv, news.csv and deals.csv into 'dir' (created if
 * missing), as docs/csv.md describes them. 0, or -1 with CPG_ERR_CSV naming the file. */
int cpg_write_csv(const cp_world *w, const char *dir, cpg_error *err);

#endif
