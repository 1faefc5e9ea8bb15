/* sandbox_det.c -- deterministic tostring, pairs, next and string.format for the sandbox.
 *
 * Stock Lua 5.4 lets run-to-run noise reach a script in three ways: tostring
 * of a table shows its address, string.format's %p does too, and pairs/next
 * visit keys in hash order, which depends on addresses and on a per-state
 * random string-hash seed. Here pairs visits keys in a fixed order (numbers
 * ascending, then strings bytewise, then false, true, then objects: tables,
 * closures, userdata and threads in creation order, the library's C
 * functions by name, then the host's own objects by what they are, see
 * sandbox.h: stable_serial), and objects print as "table: 17", where 17 is
 * the creation serial kept by the allocator (objid.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "sandbox.h"

/* ---- identity ------------------------------------------------------------ */

static const char SEEN_KEY = 0; /* registry: C functions (and strays) -> serial */

/* The block the allocator numbered for the object at 'idx', or NULL when
 * it has none (a C function without upvalues is a bare C pointer). Tables
 * and closures are their block; a thread's block starts at its extra space
 * (lua.h: lua_getextraspace); a full userdata's memory lies after a header
 * whose size grows with its user values, measured at start-up. */
static const void *object_block(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TTABLE: return lua_topointer(L, idx);
    case LUA_TFUNCTION:
        if (lua_iscfunction(L, idx)) { /* a C closure has upvalues and a block */
            if (!lua_getupvalue(L, idx, 1))
                return NULL;
            lua_pop(L, 1);
        }
        return lua_topointer(L, idx);
    case LUA_TTHREAD: return lua_getextraspace(lua_tothread(L, idx));
    case LUA_TUSERDATA: {
        cps_sandbox *sb = cps_sandbox_of(L);
        int nuv = 0;
        while (nuv < 64 && lua_getiuservalue(L, idx, nuv + 1) != LUA_TNONE) {
            lua_pop(L, 1);
            nuv++;
        }
        lua_pop(L, 1);
        if (nuv >= 64 || !sb->udata_off_step)
            return NULL;
        size_t off = nuv ? sb->udata_off_base + (size_t)nuv * sb->udata_off_step : sb->udata_off0;
        return (const char *)lua_touserdata(L, idx) - off;
    }
    default: return NULL;
    }
}

/* A number for an object: the host's number for an object of its own
 * (stable_serial), its creation serial (tables, closures, userdata,
 * threads), or for a C function without upvalues the number the sandbox
 * gave the library's functions when it opened (cps_det_number_library), or
 * for any other one the order in which the sandbox first saw it, kept in a
 * registry table. */
static uint64_t object_serial(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    cps_sandbox *sb = cps_sandbox_of(L);
    uint64_t s = sb->stable_serial ? sb->stable_serial(L, idx) : 0;
    if (s)
        return s;
    const void *block = object_block(L, idx);
    s = block ? cps_objid_find(&sb->objid, block) : 0;
    if (s)
        return s;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &SEEN_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &SEEN_KEY);
    }
    lua_pushvalue(L, idx);
    if (lua_rawget(L, -2) == LUA_TNUMBER) {
        s = (uint64_t)lua_tointeger(L, -1);
        lua_pop(L, 2);
        return s;
    }
    lua_pop(L, 1);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1) + 1; /* slot 1..n: count */
    lua_pushinteger(L, n);
    lua_rawseti(L, -2, n);
    /* seen first: numbered from 2^40 so they never collide with serials */
    s = ((uint64_t)1 << 40) + (uint64_t)n;
    lua_pushvalue(L, idx);
    lua_pushinteger(L, (lua_Integer)s);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    return s;
}

/* Number every C function the library shows (the globals and the tables
 * they hold, the strings' metatable, and the iterator ipairs returns) in
 * the order of their names, so that a table keyed by them is visited in
 * the same order in every process: their addresses change from run to
 * run. Called once, when the sandbox has opened its library. */
static void number_functions(lua_State *L, int t, int depth)
{
    t = lua_absindex(L, t);
    size_t n = cps_det_sorted_keys(L, t);
    int keys = lua_gettop(L);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, keys, (lua_Integer)i);
        int vt = lua_rawget(L, t);
        if (vt == LUA_TFUNCTION)
            object_serial(L, -1);
        else if (vt == LUA_TTABLE && depth < 1 && !lua_rawequal(L, -1, t))
            number_functions(L, -1, depth + 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

void cps_det_number_library(lua_State *L)
{
    lua_pushglobaltable(L);
    number_functions(L, -1, 0);
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        number_functions(L, -1, 0);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getglobal(L, "ipairs"); /* its iterator is a C function of its own */
    lua_newtable(L);
    lua_call(L, 1, 1);
    object_serial(L, -1);
    lua_pop(L, 1);
}

/* Measure where a full userdata's memory lies in the block the allocator
 * saw, for 0, 1 and 2 user values (Lua's header grows by one slot per
 * user value). */
static void measure_userdata(lua_State *L)
{
    cps_sandbox *sb = cps_sandbox_of(L);
    size_t off[3];
    for (int nuv = 0; nuv < 3; nuv++) {
        sb->last_udata_block = NULL;
        void *p = lua_newuserdatauv(L, 1, nuv);
        off[nuv] = sb->last_udata_block ? (size_t)((char *)p - (const char *)sb->last_udata_block)
                                        : 0;
        lua_pop(L, 1);
    }
    sb->udata_off0 = off[0];
    sb->udata_off_step = off[2] > off[1] ? off[2] - off[1] : 0;
    sb->udata_off_base = off[1] - sb->udata_off_step;
}

const char *cps_det_tostring(lua_State *L, int idx, size_t *len)
{
    idx = lua_absindex(L, idx);
    if (luaL_callmeta(L, idx, "__tostring")) {
        if (!lua_isstring(L, -1))
            luaL_error(L, "'__tostring' must return a string");
        return lua_tolstring(L, -1, len);
    }
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
    case LUA_TBOOLEAN:
    case LUA_TNUMBER:
    case LUA_TSTRING:
        return luaL_tolstring(L, idx, len);
    case LUA_TFUNCTION:
        if (lua_iscfunction(L, idx)) {
            lua_pushliteral(L, "function: builtin");
            return lua_tolstring(L, -1, len);
        }
        /* fall through */
    default: {
        unsigned long long s = (unsigned long long)object_serial(L, idx);
        lua_pushfstring(L, "%s: %I", luaL_typename(L, idx), (lua_Integer)s);
        return lua_tolstring(L, -1, len);
    }
    }
}

static int det_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    cps_det_tostring(L, 1, NULL);
    return 1;
}

/* ---- key order ----------------------------------------------------------- */

typedef struct {
    int rank; /* 0 number, 1 string, 2 boolean, 3 object */
    int isint;
    lua_Integer i;
    double d;
    const char *s;
    size_t len;
    uint64_t serial;
    int pos; /* position in the unsorted key list */
} key_desc;

/* Describe the key at 'idx'; string pointers stay valid while the key is
 * referenced from the key list. */
static void describe(lua_State *L, int idx, key_desc *k)
{
    memset(k, 0, sizeof *k);
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        k->rank = 0;
        k->isint = lua_isinteger(L, idx);
        if (k->isint)
            k->i = lua_tointeger(L, idx);
        k->d = lua_tonumber(L, idx);
        break;
    case LUA_TSTRING:
        k->rank = 1;
        k->s = lua_tolstring(L, idx, &k->len);
        break;
    case LUA_TBOOLEAN:
        k->rank = 2;
        k->i = lua_toboolean(L, idx);
        break;
    default:
        k->rank = 3;
        k->serial = object_serial(L, idx);
        break;
    }
}

static int key_cmp(const key_desc *a, const key_desc *b)
{
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    switch (a->rank) {
    case 0:
        if (a->isint && b->isint)
            return a->i < b->i ? -1 : a->i > b->i;
        if (a->d != b->d)
            return a->d < b->d ? -1 : 1;
        return b->isint - a->isint; /* equal as doubles: the integer first */
    case 1: {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, n);
        if (c)
            return c < 0 ? -1 : 1;
        return a->len < b->len ? -1 : a->len > b->len;
    }
    case 2:
        return (int)(a->i - b->i);
    default:
        return a->serial < b->serial ? -1 : a->serial > b->serial;
    }
}

static int key_qcmp(const void *a, const void *b) { return key_cmp(a, b); }

static long long sort_cost(size_t n)
{
    double c = (double)n + (n > 1 ? (double)n * log2((double)n) / 4.0 : 0.0);
    return (long long)c;
}

/* Push a table holding the keys of table 't' in sandbox order (1..n). */
size_t cps_det_sorted_keys(lua_State *L, int t)
{
    t = lua_absindex(L, t);
    lua_newtable(L); /* raw keys, in hash order */
    int raw = lua_gettop(L);
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, raw, (lua_Integer)++n);
    }
    cps_sandbox_charge(L, sort_cost(n));
    key_desc *d = lua_newuserdatauv(L, n ? n * sizeof *d : 1, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, raw, (lua_Integer)(i + 1));
        describe(L, -1, &d[i]);
        d[i].pos = (int)(i + 1);
        lua_pop(L, 1); /* the key stays referenced from 'raw' */
    }
    qsort(d, n, sizeof *d, key_qcmp);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, raw, d[i].pos);
        lua_rawseti(L, -2, (lua_Integer)(i + 1));
    }
    lua_replace(L, raw);
    lua_pop(L, 1); /* the descriptors */
    return n;
}

/* The iterator pairs returns: upvalues are the table, the sorted keys and
 * the position. Keys whose value became nil during the loop are skipped, so
 * clearing fields while iterating works as with stock next. */
static int pairs_iter(lua_State *L)
{
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3));
    for (;;) {
        pos++;
        if (lua_rawgeti(L, lua_upvalueindex(2), pos) == LUA_TNIL) {
            lua_pushinteger(L, pos - 1);
            lua_replace(L, lua_upvalueindex(3));
            return 1;
        }
        lua_pushvalue(L, -1);
        if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) {
            lua_pushinteger(L, pos);
            lua_replace(L, lua_upvalueindex(3));
            return 2;
        }
        lua_pop(L, 2);
    }
}

static int pairs_cont(lua_State *L, int status, lua_KContext ctx)
{
    (void)L;
    (void)status;
    (void)ctx;
    return 3;
}

static int det_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_callk(L, 1, 3, 0, pairs_cont);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushvalue(L, 1);
    cps_det_sorted_keys(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, pairs_iter, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* next(t, k) in sandbox order: a scan for the smallest key above 'k'. It
 * costs a pass over the table per call, so pairs is the way to loop. */
static int det_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    int have_after = !lua_isnil(L, 2);
    key_desc after, best, cur;
    if (have_after)
        describe(L, 2, &after);
    int found = 0;
    long long n = 0;
    lua_pushnil(L); /* best key, at 3 */
    lua_pushnil(L); /* iteration key, at 4 */
    while (lua_next(L, 1)) {
        n++;
        lua_pop(L, 1);
        describe(L, 4, &cur);
        if ((!have_after || key_cmp(&cur, &after) > 0) && (!found || key_cmp(&cur, &best) < 0)) {
            best = cur;
            found = 1;
            lua_pushvalue(L, 4);
            lua_replace(L, 3);
            describe(L, 3, &best); /* re-point string data at the kept copy */
        }
    }
    cps_sandbox_charge(L, n);
    if (!found) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 3);
    lua_rawget(L, 1);
    return 2;
}

/* ---- string.format --------------------------------------------------------- */

/* string.format without %p, with %s of tables and functions through the
 * deterministic tostring. The real formatter is upvalue 1. */
static int det_format(lua_State *L)
{
    size_t flen;
    const char *f = luaL_checklstring(L, 1, &flen);
    int arg = 1, top = lua_gettop(L);
    /* its arguments and the format's length; a long result is charged when
     * it is made (sandbox.c) */
    cps_sandbox_charge(L, top + (long long)(flen / 16));
    for (size_t i = 0; i < flen; i++) {
        if (f[i] != '%')
            continue;
        i++;
        if (i < flen && f[i] == '%')
            continue;
        while (i < flen && strchr("-+ #0123456789.", f[i]))
            i++;
        if (i >= flen)
            break;
        arg++;
        if (f[i] == 'p')
            return luaL_error(L, "string.format: '%%p' is not available in the sandbox "
                                 "(addresses differ between runs)");
        if (f[i] == 's' && arg <= top) {
            int t = lua_type(L, arg);
            if (t != LUA_TSTRING && t != LUA_TNUMBER) {
                cps_det_tostring(L, arg, NULL);
                lua_replace(L, arg);
            }
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, top, 1);
    return 1;
}

/* Install the deterministic functions over the stock ones. */
void cps_det_open(lua_State *L)
{
    measure_userdata(L);
    lua_pushcfunction(L, det_tostring);
    lua_setglobal(L, "tostring");
    lua_pushcfunction(L, det_pairs);
    lua_setglobal(L, "pairs");
    lua_pushcfunction(L, det_next);
    lua_setglobal(L, "next");
    lua_getglobal(L, "string");
    lua_getfield(L, -1, "format");
    lua_pushcclosure(L, det_format, 1);
    lua_setfield(L, -2, "format");
    lua_pop(L, 1);
}
