/* batch.h -- many games at once: the worker pool that `sweep` and `tournament`
 * share, so that neither writes its own threads twice, the sweep engine
 * (every combination of a scenario's parameters over a range of seeds, one
 * game each, rows written in run order) and the tournament engine (agents
 * ranked in one seat over many seeds). The command line keeps its flags,
 * messages and headers; the games are played here, on the session (session.h).
 *
 * Pool tasks are handed out in index order from one counter; each runs on
 * whichever thread asks next, so they must share nothing they write. A task
 * that fails stops the pool handing out more (the first message is kept);
 * those already running finish. */
#ifndef CPG_BATCH_H
#define CPG_BATCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "chokepoint.h"
#include "script.h"

/* ---- the pool ---- */

typedef struct {
    const char *label;   /* the bar's name: "sweep", "tournament" */
    const char *unit;    /* what a task is: "runs", "games" */
    int total;           /* tasks 0..total-1 */
    int jobs;            /* worker threads (at most total) */
    int progress;        /* 1: draw a bar on stderr */
    /* Play task 'i' and return 0 with its result in *result (may stay
     * NULL), or -1 with a message in 'err'. Runs on a worker thread. */
    int (*run)(void *ud, int i, void **result, char *err, size_t errlen);
    /* Take the result of task 'i' (optional): called under the pool's lock,
     * so it may touch state shared between tasks (write rows in order). */
    void (*finish)(void *ud, int i, void *result);
    void *ud;
} pool_job;

typedef struct {
    int done;            /* tasks that finished */
    int failed;          /* 1: a task failed, see message */
    char message[1024];
    int threads;         /* threads that ran (1 when none could start) */
    double elapsed_s;
} pool_result;

/* Run every task of 'job' and wait for them. Returns 0, or -1 when a task
 * failed (res->message says which and why). */
int pool_run(const pool_job *job, pool_result *res);

/* Cores online, at least 1 and at most POOL_MAX_JOBS: the default --jobs. */
enum { POOL_MAX_JOBS = 256 };
int pool_default_jobs(void);

/* A monotonic clock, seconds. */
double pool_now_s(void);

/* ---- the sweep ---- */

enum { CPG_SWEEP_MAX_VARY = 8, CPG_SWEEP_MAX_VALUES = 1000 };

/* One varied parameter: its name and the values to try. */
typedef struct {
    char name[CP_NAME_LEN];
    int count;
    double value[CPG_SWEEP_MAX_VALUES];
    const char *text[CPG_SWEEP_MAX_VALUES]; /* as typed, pointing into argv */
} cpg_vary;

/* A sweep: what the caller fills in, then what cpg_sweep_prepare loads (immutable once the
 * workers start), then the little the workers share (under the pool's lock). */
typedef struct {
    /* the caller's */
    int vary_count;
    const cpg_vary *vary;
    int seed_count;
    const unsigned long long *seeds;
    int turns;                   /* quarters every run plays */
    int agents;                  /* 1: seat the scenario's default agents, then 'assign' */
    const char *const *assign;   /* "ISO3=FILE", "ISO3=none" */
    int assign_count;
    FILE *csv;                   /* where the rows go, run after run */

    /* cpg_sweep_prepare's */
    int combos;
    cp_scenario *scen;           /* one per combination */
    cps_scenario_info *info;     /* one per combination (default agents) */
    cp_world **start;            /* one per combination: its world at turn 0, which every
                                    run's world is made like (cp_world_create_like) */
    int total;                   /* runs: combos x seed_count */

    /* under the pool's lock */
    int next_write;              /* next run to write */
    char **out;                  /* finished runs' rows, NULL until written */
    size_t *out_len;
    int write_failed;
} cpg_sweep;

/* Load 'scenario' once per combination of the varied values (run r plays combination
 * r / seed_count with seed seeds[r % seed_count]), then check what would fail in every run
 * before any is played: a world the core will not build, an agent that does not load.
 * 0, or -1 with the message (the combination's overrides named). */
int cpg_sweep_prepare(cpg_sweep *s, const char *scenario, char *err, size_t errlen);
/* Play every run on 'jobs' threads (a progress bar on stderr with 'progress'), writing each
 * run's rows to s->csv in run order: run, the varied values, seed, turn, date, nation and the
 * nation's figures of that turn. 0, or -1 when a run failed (res->message). */
int cpg_sweep_run(cpg_sweep *s, int jobs, int progress, pool_result *res);
/* Free what cpg_sweep_prepare and cpg_sweep_run allocated. */
void cpg_sweep_free(cpg_sweep *s);

/* ---- the tournament ---- */

/* The tournament: what its parts share: the command (src/cli/tournament.c:
 * flags), the engine (tournament.c: checks, the pool), one match
 * (tournament_match.c) and the report (tournament_report.c: the ranking
 * table and the CSV).
 *
 * Matches. Every agent plays the seat on every seed: match m is seed
 * m / agents and agent m % agents, so the agents of one seed finish
 * together. The game seed of a seed number is derived from the master seed
 * (tour_game_seed); every agent of that seed plays the same game seed, so
 * they face the same draws and the same opponents, and comparing their
 * scores seed by seed (wins) is fair. */

enum {
    TOUR_MAX_AGENTS = 64,
    TOUR_MAX_SEEDS = 100000,
    TOUR_MAX_MATCHES = 200000,   /* a result is ~400 bytes */
    TOUR_MAX_OTHERS = CP_MAX_NATIONS, /* --agent for the other seats */
    TOUR_MAX_COPIES = TOUR_MAX_AGENTS + 2 * CP_MAX_NATIONS
};

typedef struct {
    const char *file;    /* as given (a name under scripts/agents/ or a path) */
    char path[1024];     /* the file it names */
    char display[256];   /* the file as messages name it */
    char label[64];      /* in the table and the CSV: the file's name */
    char assign[1200];   /* "ISO3=COPY": how matches seat it (tournament_snapshot.c) */
    char given[1100];    /* "ISO3=FILE" as given: for commands and replays */
} tour_agent;

/* An agent file every match loads, and the copy it loads instead. */
typedef struct {
    char path[1024];      /* the file */
    char display[256];    /* the file as messages name it */
    char copy[1024];      /* the copy */
    cps_file_stamp stamp; /* how the file looked when it was copied */
} tour_copy;

/* What one match came to (written by the worker that played it). */
typedef struct {
    unsigned long long game_seed;
    double score;                /* the seat's score at the end, 0..100 */
    uint64_t hash;               /* cp_world_hash at the end */
    int failures;                /* the seat's failed turns */
    int fallbacks;               /* times it fell back to the default agent */
    int refused;                 /* its orders the core refused (act returned false) */
    int agent_turns;             /* turns the agent under test played */
    double instructions_per_turn;
    long long max_instructions;
    char first_failure[300];     /* "turn N: file:line: reason" of its first failed turn */
    int wall_stops;              /* agent calls (any seat) the wall clock stopped: the row's
                                    command may then not give its hash again */
    int wall_turn;               /* the first turn with one */
} tour_match;

typedef struct {
    const char *scenario_arg;    /* as given, for commands and replays */
    const cp_scenario *scen;
    const cps_scenario_info *info;
    /* what the matches play: the scenario's agents and those of --agent
     * replaced by their copies (play_info shares info's heap strings) */
    cps_scenario_info play_info;
    char other_copy[TOUR_MAX_OTHERS][1200];
    const char *others_play[TOUR_MAX_OTHERS];
    int seat;                    /* nation index */
    char seat_iso3[4];
    int agent_count;
    tour_agent agent[TOUR_MAX_AGENTS];
    const char *others[TOUR_MAX_OTHERS]; /* --agent ISO3=FILE for other seats */
    int other_count;
    int seed_count;
    unsigned long long *seeds;   /* the seed numbers (--seeds) */
    const char *seeds_text;      /* --seeds as given */
    unsigned long long master;   /* --seed */
    int turns;
    long budget, mem_mib;        /* --agent-budget, --agent-mem (0 = default) */
    long wall_ms;                /* --agent-wall (0 = default) */
    cps_difficulty difficulty;   /* --difficulty: every seat's agents read it */
    const char *replays;         /* --replays DIR, or NULL */
    char copy_dir[512];          /* where the copies are, "" = none */
    int copy_count;
    tour_copy copy[TOUR_MAX_COPIES];
    int total;                   /* agent_count * seed_count */
    tour_match *match;           /* [total] */
} tournament;

/* The game seed of seed number 'seed' under master seed 'master': a
 * splitmix64 mix of both, kept under 2^48 so that it reads in a command. */
unsigned long long tour_game_seed(unsigned long long master, unsigned long long seed);

/* Copy every agent file the matches load (the agents under test, the
 * scenario's agents of 'nations' seats, those of --agent) into a private
 * folder, so that every match plays the versions the tournament started
 * with even if someone edits a file meanwhile; set each agent's assign,
 * play_info and others_play to the copies. t->agent[k].path and .display
 * must be set. Returns 0, or -1 with a message naming the file
 * (tournament_snapshot.c). */
int tour_snapshot_take(tournament *t, int nations, char *err, size_t errlen);
/* Remove the copies (nothing when none were taken). */
void tour_snapshot_drop(tournament *t);
/* 'in' with every copy's path replaced by the file as the modder knows it,
 * for messages ("/tmp/.../2/my.lua:17: ..." -> "my.lua:17: ..."). */
void tour_unsnap(const tournament *t, const char *in, char *out, size_t cap);
/* Print a note to 'f' for every copied file that changed since it was
 * copied (the rows' commands, which name the files, play the new version). */
void tour_snapshot_note_changes(const tournament *t, FILE *f);

/* Play match 'm' into t->match[m]. Returns 0, or -1 with a message. */
int tour_play_match(const tournament *t, int m, char *err, size_t errlen);

/* The `chokepoint sim` command that plays match 'm' again alone. */
void tour_match_command(const tournament *t, int m, char *cmd, size_t cap);

/* Everything after `chokepoint tournament`'s flags (t: the agents, seeds, others, limits and
 * replays folder filled in): load the scenario, find the seat, check that every agent loads in
 * it, play on 'jobs' threads, print the table (and write the CSV, 'argv' recorded in it).
 * Messages go to stderr as "chokepoint tournament: ...". Returns the exit status: 0, 1 when a
 * match failed, 2 when something was refused before any was played. Frees t->seeds. */
int tour_run(tournament *t, const char *scenario, const char *seat, long turns, int jobs,
             const char *csv_path, int quiet, int argc, char **argv);

/* The ranking table to 'out'. */
void tour_print_table(const tournament *t, FILE *out);

/* One header row, then one row per match to 'f' (what made the file is in
 * its sidecar, tour_write_package). Returns 0, or -1 when writing failed. */
int tour_write_csv(const tournament *t, FILE *f);

/* The CSV file's sidecar (cpg_datapackage_beside): its columns, the scenario,
 * seat, agents, seeds and the command. Returns 0, or -1 with a message. */
int tour_write_package(const tournament *t, const char *csv_path, const char *command, char *err,
                       size_t errlen);

/* ---- command lines ---- */

/* Append ' ARG' to 'cmd', quoted for a POSIX shell when it needs it: CSV provenance, the command
 * that plays one tournament match again. */
void cpg_shell_append(char *cmd, size_t cap, const char *arg);

/* The command line this process was started with (main calls
 * cpg_set_command_line once), beginning with how to call the program
 * (script.h's cps_program_command: "chokepoint" when that is this program on
 * $PATH, else its full path), each argument quoted as needed. */
void cpg_set_command_line(int argc, char **argv);
const char *cpg_command_line(void);

/* 'cmd' = how to call this program, then SUBCOMMAND: the start of a command
 * written into a file that a person runs again (the tournament's rows). */
void cpg_program_call(char *cmd, size_t cap, const char *subcommand);

/* ---- provenance beside CSV files (datapackage.c, docs/csv.md) ---- */

/* One column: its name, Frictionless type ("integer", "number", "string"),
 * unit (NULL if none) and meaning. */
typedef struct {
    const char *name, *type, *unit, *description;
} cpg_field;

/* One CSV file: its resource name, path relative to the package file, and columns. */
typedef struct {
    const char *name, *path, *description;
    const cpg_field *fields;
    int field_count;
} cpg_resource;

/* A provenance entry: a string, or raw JSON (a number, an array) when 'raw'. */
typedef struct {
    const char *key, *value;
    int raw;
} cpg_meta;

typedef struct {
    const char *name, *title;
    const char *command; /* NULL: this process's command line */
    const cpg_meta *meta;
    int meta_count;
    const cpg_resource *resources;
    int resource_count;
} cpg_package;

/* Write 'p' as a Frictionless Data Package to 'path'. Returns 0, or -1 with
 * a message naming the file. */
int cpg_write_datapackage(const char *path, const cpg_package *p, char *err, size_t errlen);

/* The sidecar of one CSV file: "out.csv" -> "out.datapackage.json". Returns
 * 0, or -1 when it does not fit. */
int cpg_datapackage_beside(const char *csv_path, char *out, size_t len);

#endif
