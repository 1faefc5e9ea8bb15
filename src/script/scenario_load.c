/* scenario_load.c -- run a scenario file in a data-only sandbox and hand the result to the mapper.
 *
 * A scenario file returns either
 *   - the scenario table itself, or
 *   - { parameters = { NAME = { default =, min =, max =, description = } },
 *       scenario = function(p) return { ...the scenario table... } end }
 *     for a scenario that sweeps can vary: the function is called with a
 *     table of parameter values (the defaults, overridden by "NAME=VALUE,..."),
 *     or
 *   - a function, called with an empty table (a scenario function without
 *     declared parameters).
 * Nothing starts when a scenario is refused: every failure returns -1 with a
 * message naming the file, and where possible the line and field.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "file_read.h"
#include "sandbox.h"
#include "scenario_internal.h"
#include "scenario_read.h"
#include "script.h"


/* Limits for scenario files: generous for data, small for an attack. */
enum { SCENARIO_MEM_MIB = 64 };
static const long long SCENARIO_BUDGET = 20000000; /* baseline.lua needs ~0.1% of it */
/* the wall clock is a last resort behind the budget: the budget stops a loop the same way on
 * every machine, while 20M instructions take 2 s in a sanitizer build on a loaded machine */
static const double SCENARIO_WALL_S = 60.0;

static void fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static void print_to_stderr(void *ud, const char *text)
{
    fprintf(stderr, "%s: %s\n", (const char *)ud, text);
}

/* Shared with scenario_include.c, which reads libs the same way: through
 * file_read, which refuses a FIFO or device at once instead of blocking. */
char *cps_scenario_read_text(const char *path, size_t max_bytes, size_t *len, int *too_big,
                             char *why, size_t whylen)
{
    unsigned char *data;
    int r = file_read(path, max_bytes, &data, len, why, whylen);
    *too_big = r == FILE_READ_TOO_BIG;
    if (r == FILE_READ_MISSING)
        why[0] = '\0'; /* the callers say what was looked for */
    return r == FILE_READ_OK ? (char *)data : NULL;
}

void cps_scenario_info_free(cps_scenario_info *info)
{
    if (!info)
        return;
    free(info->briefing);
    for (int i = 0; i < info->objective_count; i++)
        free(info->objectives[i]);
    free(info->objectives);
    for (int i = 0; i < info->debrief_count; i++)
        free(info->debrief[i]);
    free(info->debrief);
    for (int i = 0; i < info->parameter_count; i++)
        free(info->parameters[i].description);
    free(info->parameters);
    info->briefing = NULL;
    info->objectives = info->debrief = NULL;
    info->parameters = NULL;
    info->objective_count = info->debrief_count = info->parameter_count = 0;
}

/* ---- parameters ----------------------------------------------------------------- */

static int param_cmp(const void *a, const void *b)
{
    return strcmp(((const cps_parameter *)a)->name, ((const cps_parameter *)b)->name);
}

/* Read the declarations in the 'parameters' table at the top of the stack
 * into 'r->info' (sorted by name). Runs inside the protected conversion. */
static void read_parameters(cps_reader *r, int pt)
{
    static const char *const fields[] = {"default", "min", "max", "description", NULL};
    lua_State *L = r->L;
    size_t old = rd_path_push(r, "parameters");
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, pt)) {
        lua_pop(L, 1);
        n++;
    }
    if (n > 64)
        rd_fail(r, pt, NULL, "too many parameters (%d, at most 64)", n);
    cps_parameter *a = calloc((size_t)(n ? n : 1), sizeof *a);
    if (!a)
        rd_fail(r, pt, NULL, "out of memory");
    r->info->parameters = a;
    int i = 0;
    lua_pushnil(L);
    while (lua_next(L, pt)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            rd_fail(r, pt, NULL, "parameters are named: parameters = { NAME = { default = ... } }");
        const char *name = lua_tostring(L, -2);
        if (strlen(name) >= CP_NAME_LEN)
            rd_fail(r, pt, NULL, "parameter name too long: %s", name);
        size_t o2 = rd_path_push(r, ".%s", name);
        if (lua_type(L, -1) != LUA_TTABLE)
            rd_fail(r, pt, name, "must be a table { default = ..., min = ..., max = ... }");
        int dt = lua_gettop(L);
        cps_parameter *p = &a[i];
        snprintf(p->name, sizeof p->name, "%s", name);
        rd_keys(r, dt, fields);
        if (!rd_number(r, dt, "default", &p->dflt, RD_ANY))
            rd_fail(r, dt, NULL, "missing field 'default'");
        p->min = -1e300;
        p->max = 1e300;
        rd_number(r, dt, "min", &p->min, RD_ANY);
        rd_number(r, dt, "max", &p->max, RD_ANY);
        if (p->min > p->max || p->dflt < p->min || p->dflt > p->max)
            rd_fail(r, dt, "default", "must lie in min..max");
        p->description = rd_strdup(r, dt, "description");
        p->value = p->dflt;
        r->info->parameter_count = ++i;
        rd_path_pop(r, o2);
        lua_pop(L, 1);
    }
    qsort(a, (size_t)i, sizeof *a, param_cmp);
    rd_path_pop(r, old);
}

/* Apply "NAME=VALUE,..." to the declared parameters. */
static int apply_overrides(const char *overrides, cps_scenario_info *info, const char *display,
                           char *err, size_t errlen)
{
    const char *s = overrides;
    while (s && *s) {
        const char *end = strchr(s, ',');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        char item[160];
        if (len >= sizeof item) {
            fail(err, errlen, "%s: parameter override too long", display);
            return -1;
        }
        memcpy(item, s, len);
        item[len] = '\0';
        s = end ? end + 1 : NULL;
        if (len == 0)
            continue;
        char *eq = strchr(item, '=');
        if (!eq) {
            fail(err, errlen, "%s: parameter override \"%s\" must be NAME=VALUE", display, item);
            return -1;
        }
        *eq = '\0';
        char *vend;
        double v = strtod(eq + 1, &vend);
        if (vend == eq + 1 || *vend != '\0') {
            fail(err, errlen, "%s: parameter %s: \"%s\" is not a number", display, item, eq + 1);
            return -1;
        }
        cps_parameter *p = NULL;
        for (int i = 0; i < info->parameter_count; i++)
            if (strcmp(info->parameters[i].name, item) == 0)
                p = &info->parameters[i];
        if (!p) {
            char known[400] = "";
            for (int i = 0; i < info->parameter_count; i++) {
                size_t kl = strlen(known);
                snprintf(known + kl, sizeof known - kl, "%s%s", i ? ", " : "",
                         info->parameters[i].name);
            }
            fail(err, errlen, "%s: unknown parameter \"%s\" (%s%s)", display, item,
                 info->parameter_count ? "this scenario has: " : "this scenario declares none",
                 known);
            return -1;
        }
        if (v < p->min || v > p->max) {
            fail(err, errlen, "%s: parameter %s = %g is outside %g..%g", display, item, v, p->min,
                 p->max);
            return -1;
        }
        p->value = v;
    }
    return 0;
}

/* ---- the protected steps ------------------------------------------------------------ */

typedef struct {
    cps_reader *r;
    int what; /* 0: read declarations, 1: map the scenario */
} step_args;

/* Runs under lua_pcall: stack is [lightuserdata args, table]. */
static int protected_step(lua_State *L)
{
    step_args *a = lua_touserdata(L, 1);
    if (a->what == 0)
        read_parameters(a->r, 2);
    else
        cps_map_scenario(a->r, 2);
    return 0;
}

/* Run one protected step on the table at the top; -1 with 'err' filled on failure. */
static int run_step(cps_reader *r, int what, char *err, size_t errlen)
{
    lua_State *L = r->L;
    step_args a = {r, what};
    lua_pushcfunction(L, protected_step);
    lua_pushlightuserdata(L, &a);
    lua_pushvalue(L, -3);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        fail(err, errlen, "%s", m ? m : "error reading the scenario");
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}

static void base_name(const char *path, char *out, size_t len)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".lua") == 0)
        n -= 4;
    if (n >= len)
        n = len - 1;
    memcpy(out, b, n);
    out[n] = '\0';
}

/* A scenario that loads must start. Its starting policies are orders that
 * the core checks against the world they make (a rate in range, a facility
 * its funder owns ...), which the mapper cannot: make that world once and
 * refuse here, naming the file and the policy's line, rather than when the
 * game starts. Found by fuzzing (docs/saves.md). */
static int check_starts(cps_reader *r, char *err, size_t errlen)
{
    cp_error e;
    cp_world *w = cp_world_create(r->sc, 1, &e);
    if (w) {
        cp_world_destroy(w);
        return 0;
    }
    /* the core names the policy by its place in sc->scheduled: "policy N (" */
    const char *p = strstr(e.message, ": policy ");
    int k = 0, line = 0, chunk = 0;
    if (p && sscanf(p, ": policy %d (", &k) == 1 && k >= 1 && k <= r->sc->scheduled_count) {
        line = r->sched_line[k - 1];
        chunk = r->sched_chunk[k - 1];
    }
    if (line > 0 && chunk > 0)
        fail(err, errlen, "%s:%d: %s (included by %s)", rd_chunk_display(r, chunk), line,
             e.message, r->display);
    else if (line > 0)
        fail(err, errlen, "%s:%d: %s", r->display, line, e.message);
    else
        fail(err, errlen, "%s: %s", r->display, e.message);
    return -1;
}

/* The message of a call that failed. An error raised inside an included
 * lib names the lib's file and line; say which scenario was loading it. */
static void call_failed(const cps_reader *r, const cps_call_result *res, char *err,
                        size_t errlen)
{
    for (int k = 0; k < r->lib_count; k++) {
        size_t dl = strlen(r->libs[k].display);
        if (strncmp(res->message, r->libs[k].display, dl) == 0 && res->message[dl] == ':') {
            fail(err, errlen, "%s (included by %s)", res->message, r->display);
            return;
        }
    }
    fail(err, errlen, "%s", res->message);
}

static int load_into(const char *name_or_path, const char *overrides, cp_scenario *out,
                     cps_scenario_info *info, char *err, size_t errlen)
{
    char path[1024], display[256];
    if (cps_resolve_script("scripts/scenarios", name_or_path, path, sizeof path, display,
                           sizeof display) != 0) {
        fail(err, errlen, "%s: scenario name too long", name_or_path);
        return -1;
    }
    snprintf(info->path, sizeof info->path, "%s", path);
    snprintf(info->display, sizeof info->display, "%s", display);
    size_t src_len = 0;
    int too_big;
    char why[256];
    char *src = cps_scenario_read_text(path, (size_t)SCENARIO_MEM_MIB << 20, &src_len, &too_big,
                                       why, sizeof why);
    if (!src) {
        if (why[0] && !too_big)
            fail(err, errlen, "%s: cannot read file: %s", display, why);
        else if (cps_is_bare_name(name_or_path))
            fail(err, errlen, "%s: no such scenario (looked for %s)", name_or_path, path);
        else
            fail(err, errlen, "%s: cannot read file", display);
        return -1;
    }

    cps_sandbox_opts opts = {0};
    opts.mem_cap_bytes = (size_t)SCENARIO_MEM_MIB << 20;
    opts.budget_instructions = SCENARIO_BUDGET;
    opts.wall_limit_s = SCENARIO_WALL_S;
    opts.track_table_lines = 1;
    opts.print = print_to_stderr;
    opts.print_ud = info->display;
    cps_sandbox *sb = cps_sandbox_new(&opts, err, errlen);
    if (!sb) {
        free(src);
        return -1;
    }
    lua_State *L = sb->L;
    int rc = -1;
    cps_reader r = {.L = L, .sb = sb, .display = info->display, .src = src, .src_len = src_len,
                    .sc = out, .info = info};
    cps_scenario_open_include(&r);
    /* a "#!" first line is skipped; its newline stays so lines keep their numbers */
    size_t skip = 0;
    if (src_len && src[0] == '#')
        while (skip < src_len && src[skip] != '\n')
            skip++;
    cps_call_result res;
    if (cps_sandbox_load_buffer(sb, src + skip, src_len - skip, display, err, errlen) != 0)
        goto done;
    if (cps_sandbox_call(sb, 0, 1, 0, &res) != CPS_CALL_OK) {
        call_failed(&r, &res, err, errlen);
        goto done;
    }
    int result_type = lua_type(L, -1);
    int has_function = 0;
    if (result_type == LUA_TFUNCTION) {
        lua_newtable(L);
        lua_insert(L, -2);
        lua_setfield(L, -2, "scenario");
        has_function = 1;
    } else if (result_type == LUA_TTABLE) {
        lua_pushliteral(L, "scenario");
        has_function = lua_rawget(L, -2) == LUA_TFUNCTION;
        lua_pop(L, 1);
    } else {
        fail(err, errlen, "%s: the file must return the scenario table, got %s", display,
             lua_typename(L, result_type));
        goto done;
    }
    /* the declarations: in the wrapper for a scenario function, else in the table */
    lua_pushliteral(L, "parameters");
    int pt = lua_rawget(L, -2);
    if (pt == LUA_TTABLE) {
        if (run_step(&r, 0, err, errlen) != 0)
            goto done;
    } else if (pt != LUA_TNIL) {
        fail(err, errlen, "%s: parameters must be a table", display);
        goto done;
    }
    lua_pop(L, 1);
    if (has_function) {
        /* the wrapper holds only these two fields */
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pop(L, 1);
            const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
            if (strcmp(k, "parameters") != 0 && strcmp(k, "scenario") != 0) {
                fail(err, errlen, "%s: a scenario with a scenario function returns only "
                     "{ parameters = ..., scenario = function(p) ... end }; found '%s'", display, k);
                goto done;
            }
        }
    }
    if (overrides && *overrides && !has_function) {
        fail(err, errlen, "%s: parameters can only be varied in a scenario written as "
             "{ parameters = ..., scenario = function(p) ... end } (see docs/scenarios.md)",
             display);
        goto done;
    }
    if (apply_overrides(overrides, info, display, err, errlen) != 0)
        goto done;
    if (has_function) {
        lua_pushliteral(L, "scenario");
        lua_rawget(L, -2);
        lua_createtable(L, 0, info->parameter_count);
        for (int i = 0; i < info->parameter_count; i++) {
            lua_pushnumber(L, info->parameters[i].value);
            lua_setfield(L, -2, info->parameters[i].name);
        }
        if (cps_sandbox_call(sb, 1, 1, 0, &res) != CPS_CALL_OK) {
            call_failed(&r, &res, err, errlen);
            goto done;
        }
        if (lua_type(L, -1) != LUA_TTABLE) {
            fail(err, errlen, "%s: the scenario function must return the scenario table, got %s",
                 display, luaL_typename(L, -1));
            goto done;
        }
        lua_remove(L, -2); /* the wrapper */
    }

    cp_scenario_defaults(out);
    base_name(path, out->name, sizeof out->name);
    if (run_step(&r, 1, err, errlen) != 0)
        goto done;
    cp_error e;
    if (cp_scenario_validate(out, &e) != CP_OK) {
        fail(err, errlen, "%s: %s", display, e.message);
        goto done;
    }
    if (check_starts(&r, err, errlen) != 0)
        goto done;
    rc = 0;
done:
    cps_sandbox_free(sb);
    cps_scenario_libs_free(&r);
    free(src);
    return rc;
}

int cps_scenario_load_with(const char *name_or_path, const char *overrides, cp_scenario *out,
                           cps_scenario_info *info, char *err, size_t errlen)
{
    cps_scenario_info local;
    cps_scenario_info *inf = info ? info : &local;
    memset(inf, 0, sizeof *inf);
    if (errlen)
        err[0] = '\0';
    int rc = load_into(name_or_path, overrides, out, inf, err, errlen);
    if (rc != 0 || !info)
        cps_scenario_info_free(inf);
    if (rc != 0 && info) {
        char path[sizeof info->path], display[sizeof info->display];
        memcpy(path, info->path, sizeof path);
        memcpy(display, info->display, sizeof display);
        memset(info, 0, sizeof *info);
        memcpy(info->path, path, sizeof path);
        memcpy(info->display, display, sizeof display);
    }
    return rc;
}

int cps_scenario_load(const char *name_or_path, cp_scenario *out, cps_scenario_info *info,
                      char *err, size_t errlen)
{
    return cps_scenario_load_with(name_or_path, NULL, out, info, err, errlen);
}
