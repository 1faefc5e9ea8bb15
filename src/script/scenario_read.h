/* scenario_read.h -- checked reading of a Lua data table, with messages that name the field.
 *
 * The scenario loader reads the table a scenario file returns through these
 * helpers. Each keeps track of the path to the field being read
 * ("nations[3] (AUS).stock_t.ore") and, on a bad value, raises a Lua error
 * whose message names the file, the line and that path. They run inside a
 * lua_pcall on the host side of the sandbox, so raising is how they stop.
 * Only raw access is used: a scenario's metatables are never triggered.
 */
#ifndef CPS_SCENARIO_READ_H
#define CPS_SCENARIO_READ_H

#include <stddef.h>

#include <lua.h>

#include "../core/chokepoint.h"
#include "sandbox.h"
#include "script.h"

/* How many different libs one scenario may include (scenario_include.c). */
enum { CPS_MAX_LIBS = 16 };

/* A lib the scenario included: its name in messages and its text, kept
 * for line numbers while the table is read. */
typedef struct {
    char display[96];      /* "scripts/scenarios/lib/NAME.lua" */
    char *src;             /* heap */
    size_t src_len;
} cps_lib_chunk;

typedef struct {
    lua_State *L;
    cps_sandbox *sb;
    const char *display;   /* file name in messages */
    const char *src;       /* the file's text, for line numbers */
    size_t src_len;
    char path[256];        /* path of the table being read */
    cp_scenario *sc;
    cps_scenario_info *info;
    int sched_line[CP_MAX_SCHEDULED];  /* the line of each of sc->scheduled, 0 unknown */
    int sched_chunk[CP_MAX_SCHEDULED]; /* ... and its chunk (0 the file, k lib k-1) */
    /* chunk k > 0 of the sandbox (cps_sandbox_note_chunk) is libs[k - 1] */
    cps_lib_chunk libs[CPS_MAX_LIBS];
    int lib_count;
    int include_loads; /* includes run so far, libs counted again */
    /* RD_RANGE: the name of the range (cp_scenario_range) the numbers being
     * read must lie in, when it is not their key ("stock_t" for the entries
     * of stock_t); NULL: the key */
    const char *range;
} cps_reader;

/* Constraints for numbers. */
enum {
    RD_ANY = 0,
    RD_NONNEG = 1,   /* >= 0 */
    RD_POSITIVE = 2, /* > 0 */
    RD_SHARE = 4,    /* 0..1 */
    RD_INTEGER = 8,
    RD_RANGE = 16    /* within the core's range for the field (cp_scenario_range) */
};

/* Append "[i]" / ".name" / " (label)" to the path; returns the old length,
 * which rd_path_pop restores. */
size_t rd_path_push(cps_reader *r, const char *fmt, ...);
void rd_path_pop(cps_reader *r, size_t old_len);

/* Refuse: "<file>:<line>: <path>.<key>: <message>". 't' is the stack index
 * of the table holding 'key' (0 if none); 'key' may be NULL. <file> is the
 * file the table was built in: for a table built by an included lib, the
 * lib, and the message ends with "(included by <scenario file>)". Never
 * returns. */
void rd_fail(cps_reader *r, int t, const char *key, const char *fmt, ...);

/* The line of 'key' in the table at 't' (or of the table itself), 0 if
 * unknown; '*chunk' (if not NULL) gets the chunk whose text it is in: 0 the
 * scenario file, k > 0 r->libs[k - 1]. */
int rd_line(cps_reader *r, int t, const char *key, int *chunk);

/* The name in messages of chunk 'chunk' (see rd_line). */
const char *rd_chunk_display(const cps_reader *r, int chunk);

/* Refuse any key of the table at 't' not in the NULL-terminated 'allowed'. */
void rd_keys(cps_reader *r, int t, const char *const *allowed);

/* The table at 't' must be a list (keys 1..n, n <= max); returns n. */
int rd_list(cps_reader *r, int t, int max);

/* Push field 'key' of the table at 't' (raw) and return its type. */
int rd_get(cps_reader *r, int t, const char *key);

/* Read optional fields; each returns 1 when present (and stores it), 0 when
 * absent (and leaves 'out' alone), and refuses a value of the wrong type. */
int rd_number(cps_reader *r, int t, const char *key, double *out, int constraint);
int rd_int(cps_reader *r, int t, const char *key, int *out, int lo, int hi);
int rd_string(cps_reader *r, int t, const char *key, char *out, size_t cap);
/* A heap copy of a string field, NULL when absent. */
char *rd_strdup(cps_reader *r, int t, const char *key);
/* If field 'key' is present it must be a table: push it and return 1; else
 * push nothing and return 0. */
int rd_table(cps_reader *r, int t, const char *key);

/* A table keyed by good names ("ore", ...) of numbers, into out[CP_GOOD_COUNT]. */
void rd_by_good(cps_reader *r, int t, const char *key, double *out, int constraint);
/* A table keyed by sector names, into out[CP_SECTOR_COUNT]. */
void rd_by_sector(cps_reader *r, int t, const char *key, double *out, int constraint);

/* Suggest the allowed name closest to 'got' (NULL if none is close). */
const char *rd_closest(const char *got, const char *const *allowed);

#endif
