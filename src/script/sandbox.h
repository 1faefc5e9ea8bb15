/* sandbox.h -- a lua_State with limits: the one road into Lua for src/script.
 *
 * Both the scenario loader and the agent host run untrusted Lua. They get it
 * from here: a fresh state with a vetted library (sandbox_lib.c), a memory cap
 * enforced by the allocator, an instruction budget enforced by a count hook,
 * and a wall-clock backstop. A call is run as a coroutine so that the hook can
 * stop it by yielding, which no pcall inside the sandbox can intercept.
 *
 * This header is private to src/script: it includes lua.h.
 */
#ifndef CPS_SANDBOX_H
#define CPS_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#include "objid.h"
#include "xoshiro.h"

/* Why a call was stopped from outside (as opposed to an error it raised). */
typedef enum {
    CPS_KILL_NONE = 0,
    CPS_KILL_BUDGET, /* ran out of instructions */
    CPS_KILL_MEMORY, /* an allocation went over the memory cap */
    CPS_KILL_WALL    /* the wall-clock backstop fired */
} cps_kill;

/* The instruction count is charged in steps of this many VM instructions. */
#define CPS_HOOK_STEP 100

/* Where the numbers of the host's objects (stable_serial) start: beyond
 * creation serials and first-seen numbers. */
#define CPS_STABLE_SERIAL ((uint64_t)1 << 61)

/* Strings whose block is at least this large are long strings (Lua 5.4
 * interns strings of up to 40 bytes, whose blocks are smaller), and their
 * making is charged to the running call (sandbox.c). */
#define CPS_LONG_STRING_BYTES 128

typedef struct {
    size_t mem_cap_bytes;          /* allocations beyond this fail */
    long long budget_instructions; /* per call */
    double wall_limit_s;           /* per call */
    int agent_libs;                /* 1: utf8, coroutine, seeded math.random */
    int track_table_lines;         /* 1: remember the line each table was built at */
    /* where print() goes; NULL drops it */
    void (*print)(void *ud, const char *text);
    void *print_ud;
} cps_sandbox_opts;

/* The line at which a table was built (see track_table_lines), and in
 * which chunk: 0 the file the sandbox loaded first or any chunk not noted,
 * else the number given to cps_sandbox_note_chunk. */
typedef struct {
    const void *table;
    int line;
    int chunk;
} cps_table_line;

/* A chunk noted by cps_sandbox_note_chunk: the source string its functions share. */
typedef struct {
    const void *source;
    int chunk;
} cps_chunk_source;

typedef struct cps_sandbox {
    lua_State *L;
    cps_sandbox_opts opts;

    /* memory */
    size_t mem_used_bytes;
    size_t mem_peak_bytes; /* since the last call started */
    int mem_enforce;       /* the cap applies only while sandboxed code runs */

    /* instructions and time, per call */
    long long budget_instructions;
    long long used_instructions;
    double start_s;
    int in_call;

    /* a call stopped from outside */
    cps_kill killed;
    char kill_where[96]; /* "file:line" where it was stopped, if known */

    /* deterministic identity of tables, closures, userdata and threads
     * (objid.h); where a full userdata's memory lies in its block, by its
     * number of user values (measured when the sandbox starts, see
     * cps_det_open), and the block the allocator made last for one */
    cps_objid objid;
    size_t udata_off0, udata_off_base, udata_off_step;
    const void *last_udata_block;

    /* the stream math.random draws from (agents only): cps_rand_seed */
    xo_state rand;

    /* table lines, for the scenario loader's messages */
    int current_line;
    int current_chunk;
    cps_table_line *table_lines;
    size_t table_line_count, table_line_cap;
    /* noted chunks, newest last, and the last source the line hook mapped */
    cps_chunk_source *chunk_sources;
    size_t chunk_source_count, chunk_source_cap;
    const void *cached_source;
    int cached_chunk;
    int ref_chunks; /* registry table keeping noted chunks alive, or LUA_NOREF */

    /* the file being run, for messages ("scripts/agents/x.lua") */
    char display[256];

    /* a finished coroutine kept for the next call (registry ref, or LUA_NOREF) */
    int ref_thread;

    /* the owner of the sandbox (the agent host), for C functions it runs */
    void *user;

    /* Objects the host makes when an agent first asks for them (the view's
     * proxies and functions) would be numbered by when that was, which is
     * not the same in a game and in that game saved and loaded; the host
     * gives them a number by what they are instead: nonzero, at least
     * CPS_STABLE_SERIAL (NULL: none). */
    uint64_t (*stable_serial)(lua_State *L, int idx);
} cps_sandbox;

/* What became of a call. */
typedef enum {
    CPS_CALL_OK = 0,
    CPS_CALL_ERROR,  /* the code raised an error */
    CPS_CALL_KILLED, /* budget, memory or wall clock */
    CPS_CALL_YIELD   /* the code yielded at top level (not allowed) */
} cps_call_status;

typedef struct {
    cps_call_status status;
    cps_kill kill;
    char message[512];          /* "file:line: reason" */
    long long instructions;     /* used by the call, in CPS_HOOK_STEP steps */
    size_t mem_peak_bytes;      /* highest memory in use during the call */
    double wall_s;
} cps_call_result;

/* The sandbox that runs the code of a call: found through the extra space
 * every lua_State (and every thread made from it) carries. */
static inline cps_sandbox *cps_sandbox_of(lua_State *L)
{
    return *(cps_sandbox **)lua_getextraspace(L);
}

/* Create a sandbox; NULL with a message in 'err' when out of memory. */
cps_sandbox *cps_sandbox_new(const cps_sandbox_opts *opts, char *err, size_t errlen);
void cps_sandbox_free(cps_sandbox *sb);

/* Load the file 'path' as a text chunk named 'display' and push it as a
 * function on the main stack. Returns 0, or -1 with "display:line: message". */
int cps_sandbox_load_file(cps_sandbox *sb, const char *path, const char *display, char *err,
                          size_t errlen);
/* The two halves of it: read a file of at most 'cap_bytes' into a malloc'd
 * buffer, and load source text held in memory (a first line starting with
 * '#' is skipped, as lua does). Both return 0, or -1 with a message. */
int cps_sandbox_read_file(const char *path, const char *display, size_t cap_bytes, char **text,
                          size_t *len, char *err, size_t errlen);
int cps_sandbox_load_source(cps_sandbox *sb, const char *source, size_t len, const char *display,
                            char *err, size_t errlen);
/* The same for a chunk held in memory. */
/* The message for a chunk that does not load, always naming 'display'. */
void cps_load_error(const char *display, const char *msg, char *err, size_t errlen);

int cps_sandbox_load_buffer(cps_sandbox *sb, const char *text, size_t len, const char *display,
                            char *err, size_t errlen);

/* Call the function below 'nargs' arguments on the main stack, metered by
 * the limits in the sandbox's options (or 'budget' instructions if > 0).
 * On CPS_CALL_OK the results (at most 'nresults', padded with nil) replace
 * the function and arguments; otherwise they are popped and 'res' says why. */
cps_call_status cps_sandbox_call(cps_sandbox *sb, int nargs, int nresults, long long budget,
                                 cps_call_result *res);

/* Charge 'instructions' of work done inside a C function to the running
 * call; raises the budget error (yielding when it can) when it is spent. */
void cps_sandbox_charge(lua_State *L, long long instructions);

/* Open the sandbox library into the state (sandbox_lib.c). */
void cps_sandbox_open_libs(lua_State *L, int agent_libs);

/* Seed 'r', the stream an agent's math.random draws from, from the three
 * numbers that name a turn of a seat (sandbox_lib.c). Stock Lua seeds
 * math.random from the clock; this stream instead replays exactly, and one
 * agent's draws never shift another's. */
void cps_rand_seed(xo_state *r, uint64_t game_seed, int nation, int turn);

/* Replace math.sin, cos, tan, asin, acos, atan, exp and log with the core's
 * machine-independent versions (sandbox_math.c). */
void cps_math_open(lua_State *L);

/* Install the deterministic tostring, pairs, next, string.format (sandbox_det.c). */
void cps_det_open(lua_State *L);
/* Number the C functions of the opened library (sandbox_det.c): call once,
 * after the library is complete. */
void cps_det_number_library(lua_State *L);
/* Push a deterministic tostring of the value at 'idx' (sandbox_det.c). */
const char *cps_det_tostring(lua_State *L, int idx, size_t *len);
/* Push a list of the keys of the table at 't' in the sandbox's
 * deterministic order (numbers, strings, booleans, then objects); returns
 * how many. */
size_t cps_det_sorted_keys(lua_State *L, int t);
/* The line at which 'table' was built, 0 if unknown; '*chunk' (if not
 * NULL) gets the chunk it was built in (see cps_sandbox_note_chunk). */
int cps_sandbox_table_line(const cps_sandbox *sb, const void *table, int *chunk);

/* Note that tables built by the function on top of L's stack (a chunk just
 * loaded), and by every function defined in it, belong to chunk 'chunk' > 0.
 * The function stays alive as long as the sandbox, so the source string that
 * identifies its chunk is never freed and reused. Leaves the stack as it
 * was. Returns 0, or -1 when out of memory. */
int cps_sandbox_note_chunk(cps_sandbox *sb, lua_State *L, int chunk);

#endif
