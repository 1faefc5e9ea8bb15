/* agent.c -- load an agent into its own sandbox, call it once a turn, keep or withdraw its orders. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"
#include "api.h"
#include "sanitize.h"

/* A line to the log, or to the print sink when 'to_print' and one is set. */
static void agent_vlog(const cps_agent *a, int to_print, const char *fmt, va_list ap)
{
    char raw[1024], line[1024];
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    /* one line of printable text, whatever the agent wrote into it */
    cps_sanitize(raw, n < 0 ? 0 : (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1, line,
                 sizeof line);
    if (to_print && a->opts.print)
        a->opts.print(a->opts.log_ud, line);
    else if (a->opts.log)
        a->opts.log(a->opts.log_ud, line);
    else
        fprintf(stderr, "%s\n", line);
}

void cps_agent_log(const cps_agent *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    agent_vlog(a, 0, fmt, ap);
    va_end(ap);
}

static void print_line(const cps_agent *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    agent_vlog(a, 1, fmt, ap);
    va_end(ap);
}

static const char *iso_of(const cps_agent *a)
{
    const cp_nation *n = cp_world_nation(a->world, a->nation);
    return n ? n->iso3 : "???";
}

/* print() inside the agent: to the log, prefixed, a few lines a turn. */
static void agent_print(void *ud, const char *text)
{
    cps_agent *a = ud;
    if (a->opts.quiet && !a->opts.print)
        return;
    a->prints++;
    if (a->prints > CPS_MAX_PRINTS_PER_TURN) {
        if (a->prints == CPS_MAX_PRINTS_PER_TURN + 1)
            print_line(a, "%s %s: more print() output this turn dropped", iso_of(a), a->display);
        return;
    }
    /* a line, not a flood: long output is cut (at a character, not inside one) */
    size_t n = strlen(text), cut = n;
    if (cut > 500) {
        cut = 500;
        while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut--;
    }
    print_line(a, "%s %s: %.*s%s", iso_of(a), a->display, (int)cut, text, n > cut ? "..." : "");
}

cps_agent *cps_agent_load(const char *path, const char *display, cp_world *w, int nation,
                          const cps_agent_opts *opts, char *err, size_t errlen)
{
    char *source;
    size_t len;
    size_t cap = opts->mem_bytes ? opts->mem_bytes : (size_t)32 << 20;
    if (cps_sandbox_read_file(path, display, cap, &source, &len, err, errlen) != 0)
        return NULL;
    cps_agent *a = cps_agent_load_source(path, display, source, len, w, nation, opts, err, errlen);
    free(source);
    return a;
}

cps_agent *cps_agent_load_source(const char *path, const char *display, const char *source,
                                 size_t source_len, cp_world *w, int nation,
                                 const cps_agent_opts *opts, char *err, size_t errlen)
{
    cps_agent *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, errlen, "%s: out of memory", display);
        return NULL;
    }
    a->world = w;
    a->nation = nation;
    a->opts = *opts;
    if (a->opts.budget_instructions <= 0)
        a->opts.budget_instructions = 2000000;
    if (!a->opts.mem_bytes)
        a->opts.mem_bytes = (size_t)32 << 20;
    if (!(a->opts.wall_s > 0))
        a->opts.wall_s = 2.0;
    snprintf(a->path, sizeof a->path, "%s", path);
    snprintf(a->display, sizeof a->display, "%s", display);
    a->ref_turn = a->ref_init = a->ref_view = a->ref_act = a->ref_memory = LUA_NOREF;
    a->ref_proposal = LUA_NOREF;

    cps_sandbox_opts so = {0};
    so.mem_cap_bytes = a->opts.mem_bytes;
    so.budget_instructions = a->opts.budget_instructions;
    so.wall_limit_s = a->opts.wall_s;
    so.agent_libs = 1;
    so.print = agent_print;
    so.print_ud = a;
    a->sb = cps_sandbox_new(&so, err, errlen);
    if (!a->sb) {
        free(a);
        return NULL;
    }
    a->sb->user = a;
    a->sb->stable_serial = cps_view_stable_serial;
    lua_State *L = a->sb->L;
    cps_rand_seed(&a->sb->rand, cp_world_seed(w), nation, -1);

    /* the source is kept: a save stores what runs, not what the file holds later */
    a->source = malloc(source_len ? source_len : 1);
    if (!a->source) {
        snprintf(err, errlen, "%s: out of memory", display);
        goto fail;
    }
    memcpy(a->source, source, source_len);
    a->source_len = source_len;
    if (cps_sandbox_load_source(a->sb, source, source_len, display, err, errlen) != 0)
        goto fail;
    cps_call_result res;
    if (cps_sandbox_call(a->sb, 0, 1, 0, &res) != CPS_CALL_OK) {
        snprintf(err, errlen, "%s", res.message);
        goto fail;
    }
    if (lua_type(L, -1) != LUA_TTABLE) {
        snprintf(err, errlen, "%s: the file must return the agent table "
                 "{ api_version = %d, turn = function(view, act, memory) ... end }, got %s",
                 display, CPS_API_VERSION, luaL_typename(L, -1));
        goto fail;
    }
    int t = lua_gettop(L);
    lua_pushliteral(L, "api_version");
    int vt = lua_rawget(L, t);
    if (vt == LUA_TNIL) {
        snprintf(err, errlen, "%s: the agent table has no api_version (write api_version = %d)",
                 display, CPS_API_VERSION);
        goto fail;
    }
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) != CPS_API_VERSION) {
        snprintf(err, errlen, "%s: written for API version %s; this host speaks version %d",
                 display, lua_tostring(L, -1) ? lua_tostring(L, -1) : luaL_typename(L, -1),
                 CPS_API_VERSION);
        goto fail;
    }
    lua_pop(L, 1);
    lua_pushliteral(L, "turn");
    if (lua_rawget(L, t) != LUA_TFUNCTION) {
        snprintf(err, errlen, "%s: the agent table needs turn = function(view, act, memory) ... end "
                 "(turn is %s)", display, luaL_typename(L, -1));
        goto fail;
    }
    a->ref_turn = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushliteral(L, "init");
    int it = lua_rawget(L, t);
    if (it != LUA_TNIL && it != LUA_TFUNCTION) {
        snprintf(err, errlen, "%s: init must be a function (it is %s)", display,
                 luaL_typename(L, -1));
        goto fail;
    }
    a->ref_init = it == LUA_TFUNCTION ? luaL_ref(L, LUA_REGISTRYINDEX) : (lua_pop(L, 1), LUA_NOREF);
    lua_pushliteral(L, "on_proposal");
    int pt = lua_rawget(L, t);
    if (pt != LUA_TNIL && pt != LUA_TFUNCTION) {
        snprintf(err, errlen, "%s: on_proposal must be a function (it is %s)", display,
                 luaL_typename(L, -1));
        goto fail;
    }
    a->ref_proposal = pt == LUA_TFUNCTION ? luaL_ref(L, LUA_REGISTRYINDEX) : (lua_pop(L, 1), LUA_NOREF);
    lua_pushliteral(L, "name");
    if (lua_rawget(L, t) == LUA_TSTRING)
        snprintf(a->name, sizeof a->name, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    if (!a->name[0]) {
        const char *b = strrchr(display, '/');
        snprintf(a->name, sizeof a->name, "%s", b ? b + 1 : display);
        char *dot = strstr(a->name, ".lua");
        if (dot)
            *dot = '\0';
    }
    lua_pop(L, 1); /* the agent table */

    cps_view_push(L);
    a->ref_view = luaL_ref(L, LUA_REGISTRYINDEX);
    cps_act_push(L);
    a->ref_act = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);
    a->ref_memory = luaL_ref(L, LUA_REGISTRYINDEX);
    long long work;
    if (cps_agent_memory_commit(a, &work, err, errlen) != 0)
        goto fail;
    return a;
fail:
    cps_agent_free(a);
    return NULL;
}

void cps_agent_free(cps_agent *a)
{
    if (!a)
        return;
    cps_sandbox_free(a->sb);
    cp_forecaster_destroy(a->forecaster);
    free(a->memory_bytes);
    free(a->source);
    free(a);
}

void cps_agent_set_world(cps_agent *a, cp_world *w) { a->world = w; }

int cps_agent_init(cps_agent *a, char *err, size_t errlen)
{
    if (a->ref_init == LUA_NOREF)
        return 0;
    lua_State *L = a->sb->L;
    cps_rand_seed(&a->sb->rand, cp_world_seed(a->world), a->nation, -1);
    a->prints = 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_init);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_view);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_memory);
    cps_call_result res;
    if (cps_sandbox_call(a->sb, 2, 0, 0, &res) != CPS_CALL_OK) {
        snprintf(err, errlen, "%s (in init)", res.message);
        return -1;
    }
    char why[400];
    long long work;
    if (cps_agent_memory_commit(a, &work, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s: %s (in init)", a->display, why);
        return -1;
    }
    return 0;
}

int cps_agent_keep_memory(cps_agent *a, long long used, cps_fail_kind *fail, long long *total,
                          char *msg, size_t len)
{
    char why[400];
    long long work = 0;
    long long budget = a->opts.budget_instructions;
    int st = cps_agent_memory_commit(a, &work, why, sizeof why);
    *total = used + work;
    if (st != 0) {
        *fail = CPS_FAIL_DATA;
        if (snprintf(msg, len, "%s: %s", a->display, why) >= (int)len)
            msg[len - 1] = '\0'; /* already cut and ended by snprintf: a long path cuts the reason short */
        return -1;
    }
    if (*total > budget) {
        *fail = CPS_FAIL_BUDGET;
        snprintf(msg, len, "%s: instruction budget exceeded (%lld instructions) keeping its memory",
                 a->display, budget);
        return -1;
    }
    return 0;
}

cps_fail_kind cps_agent_fail_of(const cps_call_result *res)
{
    switch (res->status) {
    case CPS_CALL_OK: return CPS_FAIL_NONE;
    case CPS_CALL_KILLED:
        return res->kill == CPS_KILL_MEMORY ? CPS_FAIL_MEMORY
               : res->kill == CPS_KILL_WALL ? CPS_FAIL_WALL
                                            : CPS_FAIL_BUDGET;
    default: return CPS_FAIL_ERROR;
    }
}

int cps_agent_turn(cps_agent *a, cps_turn_report *rep)
{
    lua_State *L = a->sb->L;
    memset(rep, 0, sizeof *rep);
    a->report = rep;
    a->in_turn = 1;
    a->prints = 0;
    cps_rand_seed(&a->sb->rand, cp_world_seed(a->world), a->nation, cp_world_turn(a->world));
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_turn);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_view);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_act);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_memory);
    cps_call_result res;
    cps_sandbox_call(a->sb, 3, 1, 0, &res);
    a->in_turn = 0;
    a->report = NULL;
    rep->instructions = res.instructions;
    rep->mem_bytes = res.mem_peak_bytes;
    rep->fail = cps_agent_fail_of(&res);
    if (rep->fail != CPS_FAIL_NONE) {
        snprintf(rep->message, sizeof rep->message, "%s", res.message);
    } else {
        int t = lua_type(L, -1);
        if (t != LUA_TNIL && t != LUA_TBOOLEAN) {
            rep->fail = CPS_FAIL_GARBAGE;
            snprintf(rep->message, sizeof rep->message,
                     "%s: turn returned a %s (an agent's turn returns nothing)", a->display,
                     lua_typename(L, t));
        }
        lua_pop(L, 1);
    }
    if (rep->fail == CPS_FAIL_NONE &&
        cps_agent_keep_memory(a, rep->instructions, &rep->fail, &rep->instructions, rep->message,
                              sizeof rep->message) == 0) {
        cps_act_deal_commit(a, rep);
        return 0;
    }
    /* Discard the turn: its deal actions, what it queued (newest first so
     * the indices of the older ones stay valid) and what it did to its
     * memory. */
    cps_act_deal_drop(a);
    for (int i = rep->orders - 1; i >= 0; i--) {
        cp_error e;
        cp_world_withdraw(a->world, a->queued[i], &e);
    }
    rep->orders = 0;
    cps_agent_memory_restore(a);
    return -1;
}
