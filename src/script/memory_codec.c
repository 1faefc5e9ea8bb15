/* memory_codec.c -- an agent's memory as compact bytes and back (see memory_codec.h). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "memory_codec.h"
#include "agent.h"
#include "sandbox.h"

/* ---- encoding ------------------------------------------------------------------------ */

typedef struct {
    unsigned char *buf; /* malloc'd; freed by the caller on failure */
    size_t len, cap, limit;
    long long work;
    char path[256]; /* where the writer is, for messages: ".plan[3]" */
    int seen;       /* stack index of the table of tables already written */
} writer;

static void fail_at(lua_State *L, const writer *w, const char *what)
{
    luaL_error(L, "memory%s: %s (memory holds plain data: tables, strings, numbers, booleans)",
               w->path, what);
}

static void put(lua_State *L, writer *w, const void *p, size_t n)
{
    if (n > w->limit - w->len) {
        char what[96];
        snprintf(what, sizeof what, "larger than %zu KiB, the most memory an agent may keep",
                 w->limit >> 10);
        fail_at(L, w, what);
    }
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        while (cap < w->len + n)
            cap *= 2;
        unsigned char *b = realloc(w->buf, cap);
        if (!b)
            luaL_error(L, "memory: out of memory while keeping it");
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put_u32(lua_State *L, writer *w, uint32_t v)
{
    unsigned char b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    put(L, w, b, 4);
}

static void put_u64(lua_State *L, writer *w, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    put(L, w, b, 8);
}

static void put_tag(lua_State *L, writer *w, char tag) { put(L, w, &tag, 1); }

/* A string, number or boolean (a key, or a value that is not a table). */
static void put_scalar(lua_State *L, writer *w, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        if (n > UINT32_MAX)
            fail_at(L, w, "a string longer than 4 GiB");
        put_tag(L, w, 'S');
        put_u32(L, w, (uint32_t)n);
        put(L, w, s, n);
        w->work += (long long)(n / 64);
        return;
    }
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            put_tag(L, w, 'I');
            put_u64(L, w, (uint64_t)lua_tointeger(L, idx));
        } else {
            double d = lua_tonumber(L, idx);
            uint64_t bits;
            memcpy(&bits, &d, sizeof bits);
            put_tag(L, w, 'F');
            put_u64(L, w, bits);
        }
        return;
    case LUA_TBOOLEAN: {
        unsigned char b[2] = {'B', (unsigned char)lua_toboolean(L, idx)};
        put(L, w, b, 2);
        return;
    }
    default: {
        char what[64];
        snprintf(what, sizeof what, "a %s cannot be kept", luaL_typename(L, idx));
        fail_at(L, w, what);
    }
    }
}

static void write_table(lua_State *L, writer *w, int t, int depth)
{
    if (depth > CPS_MEMORY_MAX_DEPTH) {
        char what[64];
        snprintf(what, sizeof what, "nested too deep (more than %d tables)", CPS_MEMORY_MAX_DEPTH);
        fail_at(L, w, what);
    }
    /* each level holds its keys, a key and a value, and sorting them needs a few more */
    luaL_checkstack(L, 10, "memory: nested too deep");
    if (lua_getmetatable(L, t)) {
        /* a table of the view (a history row, a news item...) is kept as
         * the plain data it holds; any other metatable is refused */
        if (!cps_view_is_strict_meta(L, -1))
            fail_at(L, w, "a table with a metatable cannot be kept");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, t);
    if (lua_rawget(L, w->seen) != LUA_TNIL)
        fail_at(L, w, "the same table appears twice (memory must be a tree)");
    lua_pop(L, 1);
    lua_pushvalue(L, t);
    lua_pushboolean(L, 1);
    lua_rawset(L, w->seen);

    size_t n = cps_det_sorted_keys(L, t);
    int keys = lua_gettop(L);
    if (n > UINT32_MAX)
        fail_at(L, w, "a table with more than 2^32 entries");
    put_tag(L, w, 'T');
    put_u32(L, w, (uint32_t)n);
    w->work += (long long)n;
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, keys, (lua_Integer)i);
        int k = lua_gettop(L);
        size_t old = strlen(w->path);
        switch (lua_type(L, k)) {
        case LUA_TSTRING:
            snprintf(w->path + old, sizeof w->path - old, ".%s", lua_tostring(L, k));
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, k))
                snprintf(w->path + old, sizeof w->path - old, "[%lld]",
                         (long long)lua_tointeger(L, k));
            else
                snprintf(w->path + old, sizeof w->path - old, "[%g]", lua_tonumber(L, k));
            break;
        case LUA_TBOOLEAN:
            snprintf(w->path + old, sizeof w->path - old, "[%s]",
                     lua_toboolean(L, k) ? "true" : "false");
            break;
        default:
            snprintf(w->path + old, sizeof w->path - old, "[%s]", luaL_typename(L, k));
            fail_at(L, w, "keys must be strings, numbers or booleans");
        }
        put_scalar(L, w, k);
        lua_pushvalue(L, k);
        if (lua_rawget(L, t) == LUA_TTABLE)
            write_table(L, w, lua_gettop(L), depth + 1);
        else
            put_scalar(L, w, lua_gettop(L));
        lua_pop(L, 2); /* value, key */
        w->path[old] = '\0';
    }
    lua_pop(L, 1); /* keys */
}

/* Protected: [writer, the memory] -> bytes in the writer. */
static int encode_protected(lua_State *L)
{
    writer *w = lua_touserdata(L, 1);
    lua_newtable(L);
    w->seen = lua_gettop(L);
    put(L, w, CPS_MEMORY_MAGIC, CPS_MEMORY_MAGIC_LEN);
    if (lua_type(L, 2) != LUA_TTABLE)
        fail_at(L, w, "is not a table");
    write_table(L, w, 2, 1);
    return 0;
}

int cps_memory_encode(lua_State *L, int idx, size_t limit, unsigned char **out, size_t *len,
                      long long *work, char *err, size_t errlen)
{
    writer w;
    memset(&w, 0, sizeof w);
    w.limit = limit;
    idx = lua_absindex(L, idx);
    int top = lua_gettop(L);
    *out = NULL;
    *len = 0;
    *work = 0;
    if (!lua_checkstack(L, 4)) {
        snprintf(err, errlen, "memory: out of stack");
        return -1;
    }
    lua_pushcfunction(L, encode_protected);
    lua_pushlightuserdata(L, &w);
    lua_pushvalue(L, idx);
    int st = lua_pcall(L, 2, 0, 0);
    *work = w.work;
    if (st != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        snprintf(err, errlen, "%s", st == LUA_ERRMEM ? "memory: out of memory while keeping it"
                                    : m ? m : "memory: cannot be kept");
        lua_settop(L, top);
        free(w.buf);
        return -1;
    }
    lua_settop(L, top);
    *out = w.buf;
    *len = w.len;
    return 0;
}

/* ---- decoding ------------------------------------------------------------------------ */

typedef struct {
    const unsigned char *p;
    size_t len, pos;
    char why[160]; /* what is wrong, set before raising */
} reader;

static void bad(lua_State *L, reader *r, const char *what)
{
    snprintf(r->why, sizeof r->why, "byte %zu: %s", r->pos, what);
    luaL_error(L, "%s", r->why);
}

static uint64_t get_n(lua_State *L, reader *r, int n)
{
    if ((size_t)n > r->len - r->pos)
        bad(L, r, "cut short");
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint64_t)r->p[r->pos + (size_t)i] << (8 * i);
    r->pos += (size_t)n;
    return v;
}

/* Push one value; tables only where 'table_ok'. */
static void read_value(lua_State *L, reader *r, int depth, int table_ok)
{
    if (r->pos >= r->len)
        bad(L, r, "cut short");
    unsigned char tag = r->p[r->pos++];
    switch (tag) {
    case 'S': {
        uint64_t n = get_n(L, r, 4);
        if (n > r->len - r->pos)
            bad(L, r, "a string longer than the bytes left");
        lua_pushlstring(L, (const char *)r->p + r->pos, (size_t)n);
        r->pos += (size_t)n;
        return;
    }
    case 'I': lua_pushinteger(L, (lua_Integer)get_n(L, r, 8)); return;
    case 'F': {
        uint64_t bits = get_n(L, r, 8);
        double d;
        memcpy(&d, &bits, sizeof d);
        lua_pushnumber(L, d);
        return;
    }
    case 'B': {
        uint64_t b = get_n(L, r, 1);
        if (b > 1)
            bad(L, r, "a boolean that is neither 0 nor 1");
        lua_pushboolean(L, (int)b);
        return;
    }
    case 'T': {
        if (!table_ok)
            bad(L, r, "a table as a key");
        if (depth > CPS_MEMORY_MAX_DEPTH)
            bad(L, r, "tables nested too deep");
        luaL_checkstack(L, 6, "memory: nested too deep");
        uint64_t n = get_n(L, r, 4);
        if (n > (r->len - r->pos) / 4) /* every entry takes at least 4 bytes */
            bad(L, r, "more entries than the bytes left could hold");
        lua_createtable(L, 0, n > 64 ? 64 : (int)n);
        int t = lua_gettop(L);
        for (uint64_t i = 0; i < n; i++) {
            read_value(L, r, depth, 0);
            if (lua_type(L, -1) == LUA_TNUMBER && !lua_isinteger(L, -1) &&
                isnan(lua_tonumber(L, -1)))
                bad(L, r, "a key that is not a number (NaN)");
            lua_pushvalue(L, -1);
            if (lua_rawget(L, t) != LUA_TNIL)
                bad(L, r, "a key twice in one table");
            lua_pop(L, 1);
            read_value(L, r, depth + 1, 1);
            lua_rawset(L, t);
        }
        return;
    }
    default: {
        char what[48];
        snprintf(what, sizeof what, "unknown tag 0x%02x", tag);
        bad(L, r, what);
    }
    }
}

/* Protected: [reader] -> the memory table. */
static int decode_protected(lua_State *L)
{
    reader *r = lua_touserdata(L, 1);
    r->pos = CPS_MEMORY_MAGIC_LEN;
    if (r->pos >= r->len || r->p[r->pos] != 'T')
        bad(L, r, "memory is not a table");
    read_value(L, r, 1, 1);
    if (r->pos != r->len)
        bad(L, r, "bytes after the memory");
    return 1;
}

int cps_memory_is_binary(const unsigned char *buf, size_t len)
{
    return len >= CPS_MEMORY_MAGIC_LEN && memcmp(buf, CPS_MEMORY_MAGIC, CPS_MEMORY_MAGIC_LEN) == 0;
}

int cps_memory_decode(lua_State *L, const unsigned char *buf, size_t len, char *err,
                      size_t errlen)
{
    if (!cps_memory_is_binary(buf, len)) {
        snprintf(err, errlen, "not an agent's memory (no CPMEM1 header)");
        return -1;
    }
    reader r;
    memset(&r, 0, sizeof r);
    r.p = buf;
    r.len = len;
    int top = lua_gettop(L);
    if (!lua_checkstack(L, 4)) {
        snprintf(err, errlen, "out of stack");
        return -1;
    }
    lua_pushcfunction(L, decode_protected);
    lua_pushlightuserdata(L, &r);
    int st = lua_pcall(L, 1, 1, 0);
    if (st != LUA_OK) {
        if (st == LUA_ERRMEM)
            snprintf(err, errlen, "larger than the agent's memory cap once loaded");
        else if (r.why[0])
            snprintf(err, errlen, "%s", r.why);
        else
            snprintf(err, errlen, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "damaged");
        lua_settop(L, top);
        return -1;
    }
    return 0;
}
