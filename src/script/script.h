/* script.h -- what the rest of the program uses from the Lua host (src/script): the one
 * header others include; it never includes lua.h.
 *
 * It offers, in this order:
 *   - scenarios: load a scenario file into a cp_scenario;
 *   - seats: the agents that play a world's nations, run once a turn before
 *     cp_world_advance;
 *   - paths: where scenario and agent files are found, and how saves name them;
 *   - file stamps: how a file looks on disk, for hot reload;
 *   - check-agent, and the generator of the agent API documentation.
 */
#ifndef CPS_SCRIPT_H
#define CPS_SCRIPT_H

#include <stddef.h>
#include <stdio.h>

#include "chokepoint.h"

/* ==== scenarios ==================================================================== */

/* Read a scenario file (Lua, data only) into a cp_scenario.
 *
 * The file runs in a data-only sandbox (no io/os/require, no math.random, an
 * instruction budget and a memory cap) and returns a table; every field is
 * checked and mapped onto a cp_scenario, and anything the core does not need
 * (briefing text, default agents, sweep parameters) goes into a
 * cps_scenario_info. docs/scenarios.md documents the format.
 */

/* A sweep parameter a scenario declares. */
typedef struct {
    char name[CP_NAME_LEN];
    double value;   /* the value used for this load */
    double dflt, min, max;
    char *description; /* heap, may be NULL */
} cps_parameter;

/* What a scenario says that the core does not need. */
typedef struct {
    char path[1024];    /* the file that was read */
    char display[256];  /* its name in messages */
    /* default agent per nation index: a resolved file path, "" when none */
    char agent[CP_MAX_NATIONS][1024];
    char *briefing;     /* heap, NULL when none */
    int objective_count;
    char **objectives;  /* heap strings */
    int debrief_count;
    char **debrief;     /* heap strings: debrief questions */
    int parameter_count;
    cps_parameter *parameters;
} cps_scenario_info;

/* Load 'name_or_path' (a name resolves to <datadir>/scripts/scenarios/NAME.lua)
 * into 'out' (and 'info' if not NULL). Returns 0; or -1 with a message in
 * 'err' naming the file, line and field, and nothing usable in 'out'. */
int cps_scenario_load(const char *name_or_path, cp_scenario *out, cps_scenario_info *info,
                      char *err, size_t errlen);

/* The same with sweep parameters overridden: 'overrides' is NULL or
 * "NAME=VALUE,NAME=VALUE"; each NAME must be declared by the scenario and
 * each VALUE lie in its min..max. */
int cps_scenario_load_with(const char *name_or_path, const char *overrides, cp_scenario *out,
                           cps_scenario_info *info, char *err, size_t errlen);

/* Free the heap strings in 'info' (safe on a zeroed or already-freed info). */
void cps_scenario_info_free(cps_scenario_info *info);

/* ==== seats ======================================================================== */

/* The agents that play a world's nations, run once a turn before it advances.
 *
 * A scenario names a default agent for each nation (cps_scenario_info.agent);
 * "ISO3=FILE" assignments put another agent in a seat ("ISO3=none" empties
 * it). Every agent is loaded and its init run when the seats are created: an
 * agent that fails to load refuses the whole game before it starts. During
 * the game an agent that fails (error, budget, memory, garbage) loses that
 * turn's orders and a log line names its file, line and the reason; after
 * CPS_FALLBACK_AFTER failures in a row (cps_seat_opts.fallback_after) its seat falls back
 * to the scenario's default agent (or to no agent if that is the one failing). The game never
 * stops because of an agent. No Lua types appear here.
 */

enum { CPS_FALLBACK_AFTER = 3 };

/* How well the shipped personalities play (issue 22), as agents read it in view.difficulty.
 * The rules never change with it: only what an agent chooses to do. Zero is "normal", so a
 * zeroed cps_seat_opts (and an old save or replay that does not name one) plays normal. */
typedef enum { CPS_DIFFICULTY_NORMAL = 0, CPS_DIFFICULTY_EASY, CPS_DIFFICULTY_HARD } cps_difficulty;
enum { CPS_DIFFICULTY_COUNT = 3 };

/* "easy", "normal" or "hard" (anything else asserts in a debug build, "normal" otherwise). */
const char *cps_difficulty_name(cps_difficulty d);
/* Read "easy", "normal" or "hard" into '*out': 0, or -1 (and '*out' untouched) for anything
 * else; the caller's message names its flag or field and CPS_DIFFICULTY_CHOICES. */
int cps_difficulty_parse(const char *text, cps_difficulty *out);
#define CPS_DIFFICULTY_CHOICES "easy, normal or hard"

typedef struct {
    long long budget_instructions; /* per agent call; 0 = 2,000,000 (--agent-budget) */
    size_t mem_bytes;              /* per agent; 0 = 32 MiB (--agent-mem) */
    double wall_s;                 /* per agent call; 0 = 2 s */
    /* log lines (failures, fallbacks, agents' print output); NULL = stderr */
    void (*log)(void *ud, const char *line);
    void *log_ud;
    int quiet; /* 1: drop the agents' print() output (unless 'print' takes it) */
    void (*print)(void *ud, const char *line); /* print() lines instead of 'log' (log_ud) */
    /* failed calls in a row before a seat falls back: 0 = CPS_FALLBACK_AFTER, < 0 never
     * (check-agent counts every failure of the agent it checks) */
    int fallback_after;
    int last_turn; /* the turn the game ends at, as agents read it (view.turns); 0 = the scenario's default */
    cps_difficulty difficulty; /* view.difficulty of every seated agent (--difficulty) */
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
    int answers;                /* the agent has an on_proposal: deals are put to it */
} cps_seat_stats;

/* What became of a deal put to a seat's on_proposal. */
typedef enum {
    CPS_ANSWER_OPEN = 0,  /* no answer: the deal still waits */
    CPS_ANSWER_ACCEPTED,
    CPS_ANSWER_REJECTED,
    CPS_ANSWER_COUNTERED,
    CPS_ANSWER_FAILED     /* the call failed: no answer was given */
} cps_answer;

enum { CPS_REPORT_ORDERS = 64, CPS_REPORT_REFUSALS = 16, CPS_REPORT_ANSWERS = 8 };

/* A seat's last turn in detail, as cps_seats_run_turn left it: the turn call and the
 * on_proposal calls before it (check-agent reports them; a server can tell a student
 * why an order was refused). All zero for a seat that did not play. */
typedef struct {
    int played;                 /* 1: an agent played this seat's last turn */
    /* the turn call */
    long long instructions;
    size_t mem_bytes;
    int failed;                 /* 1: it failed, its orders were discarded */
    int memory_bad;             /* 1: it failed by leaving memory that is not plain data */
    char message[512];          /* why it failed, "file:line: ..." */
    int order_count;            /* the orders it kept, in the order it queued them */
    cp_order orders[CPS_REPORT_ORDERS];
    int refused;                /* its action calls the core refused */
    char refusals[CPS_REPORT_REFUSALS][CP_TEXT_LEN]; /* the first refusals' messages */
    /* on_proposal, once for each deal waiting for the seat's answer */
    int proposal_calls, proposal_failures, proposal_memory_bad;
    long long proposal_instructions_max;
    char proposal_message[512]; /* the last failed call's reason */
    int proposal_refused;       /* their action calls the core refused */
    char proposal_refusals[CPS_REPORT_REFUSALS][CP_TEXT_LEN];
    int answer_count;           /* the deals put to it, in order (the first CPS_REPORT_ANSWERS) */
    struct {
        int deal_id;
        cps_answer answer;
    } answers[CPS_REPORT_ANSWERS];
} cps_seat_report;

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

/* The turn the game now ends at (sim --turns, a longer game after a load), for
 * every seated agent's view.turns and those seated later; 0 = the scenario's default. */
void cps_seats_set_last_turn(cps_seats *s, int last_turn);

/* The level every seated agent reads in view.difficulty, now and for those seated later (a
 * save's level after a load). */
void cps_seats_set_difficulty(cps_seats *s, cps_difficulty d);
cps_difficulty cps_seats_difficulty(const cps_seats *s);

/* Point the seats at another world with the same scenario (after a load). */
void cps_seats_set_world(cps_seats *s, cp_world *w);

/* Stats of one seat (nation index). */
const cps_seat_stats *cps_seats_stats(const cps_seats *s, int nation);

/* The last turn of one seat (nation index) in detail; NULL for a seat that does not exist. */
const cps_seat_report *cps_seats_report(const cps_seats *s, int nation);

/* Load the agent 'file' (a name under scripts/agents/ or a path) for the first seat of a
 * throwaway world of 'sc', with the limits of 'opts' (may be NULL), and run nothing but its
 * top level: its name (its 'name' field, else the file's) into 'name', or its load error
 * "file:line: reason" into 'err'. Returns 0 or -1. */
int cps_agent_probe(const cp_scenario *sc, const char *file, const cps_seat_opts *opts, char *name,
                    size_t nlen, char *err, size_t errlen);

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

/* ==== paths ======================================================================== */

/* Where scenario and agent files are found: names vs paths, the data dir. */

/* The data directory (data_dir.c, docs/install.md): $CHOKEPOINT_DATA if set,
 * else <executable's folder>/../share/chokepoint (installed), or the source
 * tree for a program in its build folder, else the install prefix's
 * share/chokepoint, else ".". */
const char *cps_data_dir(void);

/* Where the player's files go (saves, autosaves, screenshots, debrief
 * packs): "saves" (in the current folder) when the program runs from its
 * build folder, $XDG_DATA_HOME/chokepoint (~/.local/share/chokepoint) when
 * it runs installed. Not created here. */
const char *cps_saves_dir(void);

/* How a command line written into a file calls this program: "chokepoint"
 * when that name on $PATH runs this very program, else its full path. */
const char *cps_program_command(void);

/* Resolve 'name_or_path' under 'subdir' ("scripts/scenarios", "scripts/agents").
 * A name (no '/', no ".lua" ending) becomes <datadir>/<subdir>/<name>.lua; a
 * path is used as it is. 'display' gets the name used in messages: the path
 * relative to the data dir when it lies inside it. Returns 0, or -1 when the
 * result does not fit. */
int cps_resolve_script(const char *subdir, const char *name_or_path, char *path, size_t plen,
                       char *display, size_t dlen);

/* 1 if 'name_or_path' is a bare name rather than a path. */
int cps_is_bare_name(const char *name_or_path);

/* How a save names a file: "@data/<path in the data directory>" for a
 * file inside it (so that moving or reinstalling the folder keeps saves
 * working), any other path as it is. Returns 0, or -1 when it does not fit. */
int cps_path_for_save(const char *path, char *out, size_t len);

/* The file a save's name stands for: "@data/..." under this data
 * directory; any other path as it is, or, when that file is gone (a save
 * from before "@data/" names, of a folder since moved), the same file
 * under this data directory if there is one. Returns 0, or -1 when it
 * does not fit. */
int cps_path_from_save(const char *stored, char *out, size_t len);

/* The NAMEs of the files <datadir>/<subdir>/NAME.lua ("scripts/agents",
 * "scripts/scenarios"), sorted, at most 'max' (names of 63 bytes or more and
 * hidden files are left out). Returns how many. */
int cps_list_scripts(const char *subdir, char names[][64], int max);

/* ==== file stamps ================================================================== */

/* How a file looks on disk (size, modification time, inode), so that hot reload
 * (cps_seats_reload_changed) can tell that an agent file was edited without reading it
 * every turn. */

typedef struct {
    int exists;
    long long size;
    long long mtime_ns;
    unsigned long long inode; /* editors that save by renaming change it */
} cps_file_stamp;

/* Stamp 'path' into 'out' (exists = 0 when it cannot be stat'ed). */
void cps_file_stamp_of(const char *path, cps_file_stamp *out);

/* 1 when the two stamps differ. */
int cps_file_stamp_changed(const cps_file_stamp *a, const cps_file_stamp *b);

/* ==== tools ======================================================================== */

/* `chokepoint check-agent FILE`: load the agent (a name under scripts/agents/
 * or a path), play it in every seat of the baseline scenario for a few
 * turns, twice, and report to 'out': load and run errors with their lines,
 * instructions and memory per turn (maximum and mean), how it answered two
 * deals offered to it (when it has an on_proposal), orders refused and why,
 * memory that cannot be saved, and whether the two runs issued the same
 * orders. Returns 0 when the agent is sound, 1 when it is not, 2 when FILE
 * cannot be read or the baseline scenario cannot be loaded. */
int cps_check_agent(const char *file, FILE *out);

/* The same with options: 'scenario' (NULL = "baseline"), 'turns' per seat
 * (0 = 4), and limits as in sim (NULL = defaults). */
int cps_check_agent_with(const char *file, const char *scenario, int turns,
                         const cps_seat_opts *limits, FILE *out);

/* `chokepoint gen-api-docs DIR`: write DIR/api/chokepoint.lua (editor stubs
 * for lua-language-server) and the API reference part of DIR/agents.md,
 * both from the table that registers the API. Returns 0, or -1 with a
 * message on stderr. */
int cps_api_write_docs(const char *dir);

#endif
