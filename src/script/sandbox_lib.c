/* sandbox_lib.c -- the library a sandboxed chunk sees, and the wrappers that keep it metered.
 *
 * Opened: base, string, table, math (and for agents utf8 and coroutine).
 * Removed: dofile, loadfile, collectgarbage, warn, string.dump; load takes
 * text strings only; math.random draws from the game's stream (agents) or is
 * absent (scenarios are data). Never opened: io, os, package/require, debug.
 *
 * Replaced, to keep every call bounded (see sandbox.c for the design):
 *  - pcall, xpcall: re-raise once the call is killed; xpcall calls its
 *    handler after unwinding, as ordinary metered code;
 *  - coroutine.wrap, coroutine.close: never close a coroutine of a killed
 *    call (closing would run __close handlers with hooks off);
 *  - setmetatable, getmetatable, rawset: refuse __gc (finalizers run
 *    unmetered) and __mode (weak tables empty at moments that differ between
 *    runs), also when written into a metatable after setmetatable;
 *  - string.rep, table.move, table.insert, table.remove, table.sort,
 *    table.concat, table.unpack, and the string and utf8 functions that scan
 *    their whole first argument: charge the budget for the work they do in C;
 *  - tostring, pairs, next, string.format: deterministic (sandbox_det.c);
 *  - string.find, match, gmatch, gsub: the bounded matcher (pattern.c).
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "pattern.h"
#include "sanitize.h"
#include "sandbox.h"

/* ---- protected calls ----------------------------------------------------- */

/* Shared tail of pcall: 'extra' counts the values below the results
 * (the status boolean). A killed call's error goes on up. */
static int finish_pcall(lua_State *L, int status, lua_KContext extra)
{
    cps_sandbox *sb = cps_sandbox_of(L);
    if (status == LUA_ERRMEM && !sb->killed)
        sb->killed = CPS_KILL_MEMORY;
    if (status != LUA_OK && status != LUA_YIELD) {
        if (sb->killed)
            return lua_error(L);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int sb_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    cps_sandbox_charge(L, lua_gettop(L)); /* its arguments, copied (sb_counted) */
    lua_pushboolean(L, 1);
    lua_insert(L, 1); /* true, f, args... */
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
    return finish_pcall(L, status, 0);
}

/* xpcall(f, handler, ...): f runs protected; on an error the handler is
 * called on the error value *after* unwinding, like any other function, so
 * it is metered. It cannot see the stack where the error happened (there is
 * no debug library in the sandbox anyway). */
static int finish_handler(lua_State *L, int status, lua_KContext ctx)
{
    (void)status;
    (void)ctx;
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

static int finish_xpcall(lua_State *L, int status, lua_KContext ctx)
{
    (void)ctx;
    cps_sandbox *sb = cps_sandbox_of(L);
    if (status == LUA_ERRMEM && !sb->killed)
        sb->killed = CPS_KILL_MEMORY;
    if (status != LUA_OK && status != LUA_YIELD) {
        if (sb->killed)
            return lua_error(L);
        /* stack: f, handler, true, err */
        lua_pushvalue(L, 2);
        lua_insert(L, -2);
        lua_callk(L, 1, 1, 0, finish_handler);
        return finish_handler(L, LUA_OK, 0);
    }
    return lua_gettop(L) - 2; /* true and the results, above f and handler */
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    cps_sandbox_charge(L, n); /* its arguments, copied (sb_counted) */
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2); /* f, handler, true, f, args... */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 0, 0, finish_xpcall);
    return finish_xpcall(L, status, 0);
}

/* ---- coroutines -------------------------------------------------------------- */

/* The function coroutine.wrap returns: resume the coroutine (upvalue 1) and
 * pass its results or its error on. A coroutine that died by an error is
 * closed (its __close handlers run) only if the call is not being killed. */
static int wrap_call(lua_State *L)
{
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int narg = lua_gettop(L);
    int st = lua_status(co);
    if (st == LUA_OK && lua_gettop(co) == 0)
        return luaL_error(L, "cannot resume dead coroutine");
    if (st != LUA_OK && st != LUA_YIELD)
        return luaL_error(L, "cannot resume dead coroutine");
    if (!lua_checkstack(co, narg))
        return luaL_error(L, "too many arguments to resume");
    cps_sandbox_charge(L, narg); /* the values it moves (sb_counted) */
    lua_xmove(L, co, narg);
    int nres = 0;
    st = lua_resume(co, L, narg, &nres);
    cps_sandbox *sb = cps_sandbox_of(L);
    if (sb->killed)
        return luaL_error(L, "stopped");
    if (st == LUA_OK || st == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            return luaL_error(L, "too many results to resume");
        }
        lua_xmove(co, L, nres);
        cps_sandbox_charge(L, nres);
        return nres;
    }
    lua_xmove(co, L, 1); /* the error */
    if (lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    lua_resetthread(co);
    return lua_error(L);
}

static int sb_co_wrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, wrap_call, 1);
    return 1;
}

/* coroutine.close, refused while the call is being killed; the stock close
 * (upvalue 1) does the work. */
static int sb_co_close(lua_State *L)
{
    if (cps_sandbox_of(L)->killed)
        return luaL_error(L, "stopped");
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* ---- metatables: no finalizers, no weak tables ----------------------------------
 *
 * __gc and __mode are refused because finalizers run unmetered and weak
 * tables empty when the collector runs, which is not the same moment in
 * every run. Refusing them in setmetatable is not enough: Lua reads __mode
 * from a metatable at every collection, so a field written after
 * setmetatable would make the table weak all the same. So a table the
 * sandbox installs as a metatable gets a guard as its own metatable: a
 * table of the host's, out of the agent's reach, whose __newindex refuses
 * __gc and __mode (the fields are absent, so every write of them goes
 * through __newindex), while rawset refuses them on a guarded table. A
 * metatable that already had a metatable of its own (a class that inherits
 * through __index) gets as guard a copy of that metatable with the same
 * fields, its __newindex wrapped; getmetatable still answers the agent's
 * own table. The copy is taken when the table becomes a metatable. */

static const char GUARD_KEY = 0;  /* in a guard: the agent's metatable it stands for, or true */
static const char PLAIN_GUARD = 0; /* registry: the shared guard of tables with no metatable */

static int is_protected_key(lua_State *L, int k)
{
    if (lua_type(L, k) != LUA_TSTRING)
        return 0;
    const char *s = lua_tostring(L, k);
    return strcmp(s, "__mode") == 0 || strcmp(s, "__gc") == 0;
}

static int refuse_field(lua_State *L)
{
    return luaL_error(L, "%s on a metatable is not allowed in the sandbox (weak tables and "
                         "finalizers behave differently from run to run)",
                      lua_tostring(L, 2));
}

/* Is the table at 'idx' a guard? */
static int is_guard(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE)
        return 0;
    int found = lua_rawgetp(L, idx, &GUARD_KEY) != LUA_TNIL;
    lua_pop(L, 1);
    return found;
}

/* Does the value at 'idx' have a guard as its metatable (is it a metatable
 * in use)? */
static int is_guarded(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))
        return 0;
    int g = is_guard(L, -1);
    lua_pop(L, 1);
    return g;
}

/* A guard's __newindex: refuse __gc and __mode, else write as the agent's
 * own metatable (upvalue 1, nil for none) would have: rawset, its
 * __newindex function, or an assignment into its __newindex table. */
static int guard_newindex(lua_State *L)
{
    if (is_protected_key(L, 2))
        return refuse_field(L);
    lua_settop(L, 3);
    lua_pushliteral(L, "__newindex");
    switch (lua_rawget(L, lua_upvalueindex(1))) { /* raw, as Lua reads metamethods */
    case LUA_TFUNCTION:
        lua_insert(L, 1);
        lua_call(L, 3, 0);
        return 0;
    case LUA_TNIL:
        lua_pop(L, 1);
        lua_rawset(L, 1);
        return 0;
    default: /* a table (or anything indexable): assign into it */
        lua_replace(L, 1);
        lua_settable(L, 1);
        return 0;
    }
}

/* Push the guard for a table whose own metatable would be the one at
 * 'mt' (nil for none). */
static void push_guard(lua_State *L, int mt)
{
    mt = lua_absindex(L, mt);
    if (lua_isnil(L, mt)) {
        if (lua_rawgetp(L, LUA_REGISTRYINDEX, &PLAIN_GUARD) == LUA_TTABLE)
            return;
        lua_pop(L, 1);
        lua_createtable(L, 0, 2);
        lua_pushboolean(L, 1);
        lua_rawsetp(L, -2, &GUARD_KEY);
        lua_newtable(L); /* no metatable of its own: __newindex forwards to rawset */
        lua_pushcclosure(L, guard_newindex, 1);
        lua_setfield(L, -2, "__newindex");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &PLAIN_GUARD);
        return;
    }
    lua_newtable(L);
    int g = lua_gettop(L);
    long long n = 0;
    lua_pushnil(L);
    while (lua_next(L, mt)) {
        n++;
        if (is_protected_key(L, -2)) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, g);
    }
    cps_sandbox_charge(L, n);
    lua_pushvalue(L, mt);
    lua_pushcclosure(L, guard_newindex, 1);
    lua_setfield(L, g, "__newindex");
    lua_pushvalue(L, mt);
    lua_rawsetp(L, g, &GUARD_KEY);
}

/* setmetatable(t, mt), refusing __gc and __mode now and guarding 'mt'
 * against them later. A table that is itself a metatable in use keeps a
 * guard: the copy of 'mt' becomes its guard. */
static int sb_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "setmetatable: __gc is not allowed in the sandbox "
                                 "(finalizers cannot be metered)");
        lua_pop(L, 1);
        lua_pushliteral(L, "__mode");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "setmetatable: weak tables (__mode) are not allowed in the "
                                 "sandbox (they empty at moments that differ between runs)");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    if (is_guarded(L, 1)) { /* a metatable in use: it stays guarded */
        push_guard(L, 2);
        lua_setmetatable(L, 1);
        lua_settop(L, 1);
        return 1;
    }
    lua_pushvalue(L, 2);
    lua_setmetatable(L, 1);
    if (t == LUA_TTABLE && !is_guarded(L, 2)) {
        if (lua_getmetatable(L, 2) == 0)
            lua_pushnil(L);
        push_guard(L, -1);
        lua_setmetatable(L, 2);
        lua_pop(L, 1);
    }
    lua_settop(L, 1);
    return 1;
}

/* getmetatable: a guard stands for the agent's own metatable (or none). */
static int sb_getmetatable(lua_State *L)
{
    luaL_checkany(L, 1);
    if (!lua_getmetatable(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return 1;
    if (is_guard(L, -1)) {
        lua_rawgetp(L, -1, &GUARD_KEY);
        if (lua_isboolean(L, -1))
            lua_pushnil(L);
    }
    return 1;
}

/* rawset, refusing __gc and __mode on a metatable in use. */
static int sb_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (is_protected_key(L, 2) && is_guarded(L, 1))
        return refuse_field(L);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* ---- loading, printing ---------------------------------------------------------- */

/* load(text [, chunkname [, mode [, env]]]): text only, never binary. */
static int sb_load(lua_State *L)
{
    size_t len;
    if (lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, "load: only strings can be loaded in the sandbox");
    const char *s = lua_tolstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "=(load)");
    const char *mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 't') == NULL)
        return luaL_error(L, "load: binary chunks are not allowed in the sandbox");
    cps_sandbox_charge(L, (long long)(len / 16));
    int env = !lua_isnone(L, 4) ? 4 : 0;
    int st = luaL_loadbufferx(L, s, len, name, "t");
    if (st != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (env) {
        lua_pushvalue(L, env);
        if (!lua_setupvalue(L, -2, 1))
            lua_pop(L, 1);
    }
    return 1;
}

static int sb_print(lua_State *L)
{
    cps_sandbox *sb = cps_sandbox_of(L);
    int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        /* the tab before the value is pushed: a buffer that grows needs its
         * box on top of the stack (the fuzz harness found this) */
        if (i > 1)
            luaL_addchar(&b, '\t');
        cps_det_tostring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    cps_sandbox_charge(L, (long long)len / 8);
    if (sb->opts.print) {
        /* one printable line per call: newlines, escape sequences and NUL
         * bytes are written as escapes (sanitize.h); the log cuts it later */
        char line[2048];
        cps_sanitize(text, len, line, sizeof line);
        sb->opts.print(sb->opts.print_ud, line);
    }
    return 0;
}

static int sb_unavailable(lua_State *L)
{
    return luaL_error(L, "%s is not available in the sandbox",
                      lua_tostring(L, lua_upvalueindex(1)));
}

/* ---- C functions that charge for their work ---------------------------------- */

/* Does 'msg' start with a "chunk:line:" position? */
static int has_position(const char *msg)
{
    const char *colon = strchr(msg, ':');
    const char *space = strchr(msg, ' ');
    if (!colon || colon == msg || (space && space < colon))
        return 0;
    const char *d = colon + 1;
    while (*d >= '0' && *d <= '9')
        d++;
    return d > colon + 1 && *d == ':';
}

/* Call the stock function in upvalue 1 with all the arguments. Called from
 * C, the stock function cannot name itself or its caller in an argument
 * error ("bad argument #1 to '?'"), so such a message is rewritten with the
 * name in upvalue 3 and the caller's position; a killed call's error passes
 * unchanged. */
static int call_stock(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int st = lua_pcall(L, n, LUA_MULTRET, 0);
    if (st == LUA_OK)
        return lua_gettop(L);
    cps_sandbox *sb = cps_sandbox_of(L);
    if (st == LUA_ERRMEM && !sb->killed)
        sb->killed = CPS_KILL_MEMORY;
    if (sb->killed || lua_type(L, -1) != LUA_TSTRING)
        return lua_error(L);
    const char *msg = lua_tostring(L, -1);
    const char *q = strstr(msg, " to '?'");
    int n_parts = 0;
    if (!has_position(msg)) {
        luaL_where(L, 1);
        n_parts++;
    }
    if (q) {
        lua_pushlstring(L, msg, (size_t)(q - msg));
        lua_pushfstring(L, " to '%s'", lua_tostring(L, lua_upvalueindex(3)));
        lua_pushstring(L, q + 7);
        n_parts += 3;
    } else {
        lua_pushstring(L, msg);
        n_parts++;
    }
    lua_concat(L, n_parts);
    return lua_error(L);
}

/* string.rep: stock rep loops n times even when the result is empty, and
 * copies as many bytes as asked; here an empty result returns at once and a
 * result larger than the memory cap is refused before any work. */
static int sb_rep(lua_State *L)
{
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || (l == 0 && lsep == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    double total = (double)n * (double)l + (double)(n - 1) * (double)lsep;
    if (total > (double)cps_sandbox_of(L)->opts.mem_cap_bytes)
        return luaL_error(L, "resulting string too large");
    cps_sandbox_charge(L, (long long)(total / 16) + n / 4);
    return call_stock(L);
}

/* Functions whose work grows with the length of their first argument
 * (upper, lower, reverse, sub, byte, utf8.len, ...): one instruction per 16
 * bytes, so a loop over a huge string runs out of budget, the same on every
 * machine, long before the wall clock would stop it. */
static int sb_linear(lua_State *L)
{
    size_t len = 0;
    if (lua_type(L, 1) == LUA_TSTRING)
        lua_tolstring(L, 1, &len);
    if (len > 256)
        cps_sandbox_charge(L, (long long)(len / 16));
    return call_stock(L);
}

static lua_Integer checked_len(lua_State *L, int idx)
{
    return luaL_len(L, idx);
}

static int sb_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    if (e >= f) {
        double n = (double)e - (double)f + 1.0;
        cps_sandbox_charge(L, n > 1e15 ? (long long)1e15 : (long long)n);
    }
    return call_stock(L);
}

static int sb_insert_remove(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    cps_sandbox_charge(L, checked_len(L, 1) / 2 + 1);
    return call_stock(L);
}

static int sb_sort(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = checked_len(L, 1);
    if (n > 1)
        cps_sandbox_charge(L, (long long)((double)n * log2((double)n)));
    return call_stock(L);
}

/* table.concat(list, sep, i, j) and table.unpack(list, i, j): upvalue 2 says
 * which of the two argument layouts applies. */
static int sb_concat_unpack(lua_State *L)
{
    int is_concat = lua_toboolean(L, lua_upvalueindex(2));
    int iarg = is_concat ? 3 : 2, jarg = iarg + 1;
    lua_Integer i = luaL_optinteger(L, iarg, 1);
    lua_Integer j = lua_isnoneornil(L, jarg) ? checked_len(L, 1) : luaL_checkinteger(L, jarg);
    if (j >= i) {
        double n = (double)j - (double)i + 1.0;
        cps_sandbox_charge(L, n > 1e15 ? (long long)1e15 : (long long)n);
    }
    return call_stock(L);
}

/* Functions whose work grows with how many values they take or give
 * (select, string.char, math.max, table.pack, coroutine.resume, ...): an
 * instruction per value, so that shuffling a million values through them
 * costs what it takes in C. */
static int sb_counted(lua_State *L)
{
    cps_sandbox_charge(L, lua_gettop(L));
    int n = call_stock(L);
    cps_sandbox_charge(L, n);
    return n;
}

/* ---- math.random ------------------------------------------------------------ */

void cps_rand_seed(xo_state *r, uint64_t game_seed, int nation, int turn)
{
    /* Mix the three parts through splitmix so nearby seeds give unrelated streams. */
    uint64_t x = game_seed;
    x = xo_splitmix(&x) ^ ((uint64_t)(uint32_t)nation << 32 | (uint32_t)turn);
    for (int i = 0; i < 4; i++)
        r->s[i] = xo_splitmix(&x);
}

static int sb_random(lua_State *L)
{
    xo_state *r = &cps_sandbox_of(L)->rand;
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)xo_unit(r));
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        if (hi == 0) { /* math.random(0): a whole random integer, as in stock Lua */
            lua_pushinteger(L, (lua_Integer)xo_next(r));
            return 1;
        }
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    lua_pushinteger(L, (lua_Integer)xo_range(r, lo, hi));
    return 1;
}

/* ---- opening ----------------------------------------------------------------- */

static void remove_field(lua_State *L, const char *table, const char *name)
{
    if (table) {
        lua_getglobal(L, table);
        lua_pushnil(L);
        lua_setfield(L, -2, name);
        lua_pop(L, 1);
    } else {
        lua_pushnil(L);
        lua_setglobal(L, name);
    }
}

/* Replace table.name by 'fn' with the stock function as upvalue 1, 'flag'
 * as upvalue 2 and "table.name" as upvalue 3 (table "_G": a global). */
static void wrap_field(lua_State *L, const char *table, const char *name, lua_CFunction fn,
                       int flag)
{
    lua_getglobal(L, table);
    lua_getfield(L, -1, name);
    lua_pushboolean(L, flag);
    if (strcmp(table, "_G") == 0) /* a global: named as Lua names it */
        lua_pushstring(L, name);
    else
        lua_pushfstring(L, "%s.%s", table, name);
    lua_pushcclosure(L, fn, 3);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

static void set_unavailable(lua_State *L, const char *table, const char *name, const char *what)
{
    lua_getglobal(L, table);
    lua_pushstring(L, what);
    lua_pushcclosure(L, sb_unavailable, 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

void cps_sandbox_open_libs(lua_State *L, int agent_libs)
{
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    lua_pop(L, 4);
    if (agent_libs) {
        luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
        luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
        lua_pop(L, 2);
        static const char *const linear[] = {"len", "codepoint", "offset", NULL};
        for (int i = 0; linear[i]; i++)
            wrap_field(L, "utf8", linear[i], sb_linear, 0);
        wrap_field(L, "utf8", "char", sb_counted, 0);
        wrap_field(L, "coroutine", "resume", sb_counted, 0);
    }

    static const char *const gone[] = {"dofile", "loadfile", "collectgarbage", "warn", NULL};
    for (int i = 0; gone[i]; i++)
        remove_field(L, NULL, gone[i]);
    remove_field(L, "string", "dump");

    static const luaL_Reg base[] = {{"pcall", sb_pcall},
                                    {"xpcall", sb_xpcall},
                                    {"setmetatable", sb_setmetatable},
                                    {"getmetatable", sb_getmetatable},
                                    {"rawset", sb_rawset},
                                    {"load", sb_load},
                                    {"print", sb_print},
                                    {NULL, NULL}};
    lua_pushglobaltable(L);
    luaL_setfuncs(L, base, 0);
    lua_pop(L, 1);
    cps_det_open(L);
    cps_math_open(L);

    wrap_field(L, "string", "rep", sb_rep, 0);
    static const char *const linear[] = {"upper", "lower", "reverse", "sub", "byte", NULL};
    for (int i = 0; linear[i]; i++)
        wrap_field(L, "string", linear[i], sb_linear, 0);
    wrap_field(L, "table", "move", sb_move, 0);
    wrap_field(L, "table", "insert", sb_insert_remove, 0);
    wrap_field(L, "table", "remove", sb_insert_remove, 0);
    wrap_field(L, "table", "sort", sb_sort, 0);
    wrap_field(L, "table", "concat", sb_concat_unpack, 1);
    wrap_field(L, "table", "unpack", sb_concat_unpack, 0);
    static const char *const counted[][2] = {
        {"_G", "select"}, {"_G", "assert"}, {"string", "char"}, {"string", "pack"},
        {"string", "unpack"}, {"math", "max"}, {"math", "min"}, {"table", "pack"}, {NULL, NULL}};
    for (int i = 0; counted[i][0]; i++)
        wrap_field(L, counted[i][0], counted[i][1], sb_counted, 0);
    cps_pattern_open(L);

    if (agent_libs) {
        lua_getglobal(L, "math");
        lua_pushcfunction(L, sb_random);
        lua_setfield(L, -2, "random");
        lua_pop(L, 1);
        set_unavailable(L, "math", "randomseed",
                        "math.randomseed (the game seeds math.random for every turn)");
        lua_getglobal(L, "coroutine");
        lua_pushcfunction(L, sb_co_wrap);
        lua_setfield(L, -2, "wrap");
        lua_getfield(L, -1, "close");
        lua_pushcclosure(L, sb_co_close, 1);
        lua_setfield(L, -2, "close");
        lua_pop(L, 1);
    } else {
        set_unavailable(L, "math", "random", "math.random (scenarios are data)");
        set_unavailable(L, "math", "randomseed", "math.randomseed (scenarios are data)");
    }
    cps_det_number_library(L);
}
