/* scenario_include.c -- include(NAME) for scenario files: run a shared lib from scripts/scenarios/lib.
 *
 * Several scenarios start from the same world. Rather than copy it, a
 * scenario file may call include("world-2025"): the lib
 * scripts/scenarios/lib/world-2025.lua (under the data directory, as
 * cps_resolve_script finds it) is read, loaded as text, run inside the
 * scenario's own metered call (its instruction, memory and wall-clock
 * limits cover the lib too) and its return values are returned. Each
 * include runs the lib again, so every caller gets fresh tables it may
 * change.
 *
 * The loader keeps each lib's text and notes its chunk in the sandbox, so a
 * table a lib built is reported at the lib's line (scenario_read.c). Only
 * the scenario sandbox gets include(); agents never do.
 *
 * Refused, with the including file and line: a name that is not a bare
 * name, a lib that does not exist, an include cycle and nesting deeper than
 * CPS_MAX_INCLUDE_DEPTH. Cycles and depth are read off the Lua call stack
 * (the main functions of the libs running), so an include that failed
 * inside a pcall leaves nothing behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "scenario_internal.h"
#include "script.h"

enum {
    CPS_MAX_INCLUDE_DEPTH = 4,  /* a lib may include a lib ... four deep */
    CPS_MAX_INCLUDE_LOADS = 256, /* includes run by one scenario, repeats counted */
    LIB_NAME_MAX = 32            /* keeps "scripts/scenarios/lib/NAME.lua" whole in messages */
};
static const size_t LIB_MAX_BYTES = (size_t)8 << 20;

/* A lib's name: 1..LIB_NAME_MAX letters, digits, '-' or '_'. */
static int valid_name(const char *s, size_t len)
{
    if (len == 0 || len > LIB_NAME_MAX || strlen(s) != len)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return 0;
    }
    return 1;
}

/* How many libs are running on L's stack (their main functions), and
 * whether 'display' is one of them ('*cycle'). */
static int running_libs(lua_State *L, const cps_reader *r, const char *display, int *cycle)
{
    lua_Debug ar;
    int n = 0;
    *cycle = 0;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "S", &ar) || strcmp(ar.what, "main") != 0 || ar.source[0] != '@')
            continue;
        for (int k = 0; k < r->lib_count; k++)
            if (strcmp(ar.source + 1, r->libs[k].display) == 0) {
                n++;
                if (strcmp(r->libs[k].display, display) == 0)
                    *cycle = 1;
                break;
            }
    }
    return n;
}

/* Refuse the include at the caller's line: "file:line: include("NAME"): why". */
static int refuse(lua_State *L, const char *name, const char *fmt, const char *arg)
{
    char why[1200], shown[LIB_NAME_MAX + 8];
    if (snprintf(why, sizeof why, fmt, arg) >= (int)sizeof why)
        memcpy(why + sizeof why - 4, "...", 4); /* a long path is cut, and says so */
    /* a bad name may be long or hold anything: show its start, printable */
    size_t i = 0;
    for (; name[i] && i < LIB_NAME_MAX + 4; i++)
        shown[i] = (name[i] >= 32 && name[i] < 127 && name[i] != '"') ? name[i] : '?';
    shown[i] = '\0';
    return luaL_error(L, "include(\"%s%s\"): %s", shown, name[i] ? "..." : "", why);
}

static int include_done(lua_State *L, int status, lua_KContext base)
{
    (void)status;
    return lua_gettop(L) - (int)base;
}

/* include(NAME): run scripts/scenarios/lib/NAME.lua, return what it returns. */
static int l_include(lua_State *L)
{
    cps_reader *r = lua_touserdata(L, lua_upvalueindex(1));
    cps_sandbox *sb = r->sb;
    size_t len;
    const char *name = luaL_checklstring(L, 1, &len);
    if (!valid_name(name, len))
        return refuse(L, name, "%s",
                      "a lib is named by letters, digits, '-' and '_' (at most 32), without "
                      "a path or \".lua\": include(\"world-2025\") reads "
                      "scripts/scenarios/lib/world-2025.lua");
    char path[1024], display[sizeof r->libs[0].display];
    if (cps_resolve_script("scripts/scenarios/lib", name, path, sizeof path, display,
                           sizeof display) != 0)
        return refuse(L, name, "%s", "the data directory's path is too long");
    int cycle;
    int depth = running_libs(L, r, display, &cycle);
    if (cycle)
        return refuse(L, name, "include cycle: %s is already being included", display);
    if (depth >= CPS_MAX_INCLUDE_DEPTH)
        return refuse(L, name, "%s", "includes nested more than 4 deep");
    if (r->include_loads >= CPS_MAX_INCLUDE_LOADS)
        return refuse(L, name, "%s", "too many includes (at most 256 in one scenario)");

    int k = 0;
    while (k < r->lib_count && strcmp(r->libs[k].display, display) != 0)
        k++;
    if (k == r->lib_count) {
        if (r->lib_count == CPS_MAX_LIBS)
            return refuse(L, name, "%s", "too many different libs (at most 16)");
        int too_big;
        size_t n = 0;
        char why[256];
        char *text = cps_scenario_read_text(path, LIB_MAX_BYTES, &n, &too_big, why, sizeof why);
        if (!text && too_big)
            return refuse(L, name, "%s is larger than 8 MiB", display);
        if (!text && why[0]) {
            char what[sizeof display + sizeof why + 16];
            snprintf(what, sizeof what, "%s: %s", display, why);
            return refuse(L, name, "cannot read %s", what);
        }
        if (!text)
            return refuse(L, name, "no such lib (looked for %s)", path);
        cps_lib_chunk *c = &r->libs[r->lib_count++];
        snprintf(c->display, sizeof c->display, "%s", display);
        c->src = text;
        c->src_len = n;
    }
    const cps_lib_chunk *c = &r->libs[k];
    r->include_loads++;

    /* the same loader as the scenario file (text only, the memory cap); it
     * loads onto the main thread and names itself the sandbox's file: put
     * both back */
    char saved[sizeof sb->display], err[512];
    memcpy(saved, sb->display, sizeof saved);
    lua_settop(L, 1);
    luaL_checkstack(L, LUA_MINSTACK, "include");
    int st = cps_sandbox_load_buffer(sb, c->src, c->src_len, c->display, err, sizeof err);
    memcpy(sb->display, saved, sizeof saved);
    sb->mem_enforce = 1; /* still inside the scenario's call */
    if (st != 0)
        return refuse(L, name, "%s", err);
    lua_xmove(sb->L, L, 1);
    if (cps_sandbox_note_chunk(sb, L, k + 1) != 0)
        return luaL_error(L, "out of memory");
    lua_callk(L, 0, LUA_MULTRET, 1, include_done);
    return include_done(L, LUA_OK, 1);
}

void cps_scenario_open_include(cps_reader *r)
{
    lua_pushlightuserdata(r->L, r);
    lua_pushcclosure(r->L, l_include, 1);
    lua_setglobal(r->L, "include");
}

void cps_scenario_libs_free(cps_reader *r)
{
    for (int k = 0; k < r->lib_count; k++) {
        free(r->libs[k].src);
        r->libs[k].src = NULL;
    }
    r->lib_count = 0;
}
