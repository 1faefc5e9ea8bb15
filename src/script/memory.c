/* memory.c -- an agent's memory table as text and back, for saves.
 *
 * Memory is plain data: tables (a tree: no table twice, no metatables),
 * strings, finite numbers and booleans, with string, number or boolean
 * keys. It is written as one Lua table constructor with keys in the
 * sandbox's deterministic order, so the same memory always gives the same
 * text, and read back by running that constructor in the agent's own
 * sandbox with an empty environment and the usual limits.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"

enum { MAX_DEPTH = 64 };

typedef struct {
    char *buf; /* the text, grown with realloc; freed by the caller */
    size_t len, cap;
    lua_State *L;
    char path[256];
    int seen; /* stack index of the table of tables already written */
} writer;

static void add(writer *w, const char *s, size_t n)
{
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        while (w->len + n + 1 > cap)
            cap *= 2;
        if (cap > ((size_t)256 << 20))
            luaL_error(w->L, "memory: too large to save");
        char *b = realloc(w->buf, cap);
        if (!b)
            luaL_error(w->L, "memory: out of memory while saving");
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

static void add_str(writer *w, const char *s) { add(w, s, strlen(s)); }
static void add_chr(writer *w, char c) { add(w, &c, 1); }

static void fail_at(lua_State *L, const writer *w, const char *what)
{
    luaL_error(L, "memory%s: %s (memory holds plain data: tables, strings, numbers, booleans)",
               w->path, what);
}

static void add_string(writer *b, const char *s, size_t len)
{
    add_chr(b, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        if (c == '"' || c == '\\') {
            add_chr(b, '\\');
            add_chr(b, (char)c);
        } else if (c == '\n') {
            add_str(b, "\\n");
        } else if (c < 32 || c == 127) {
            snprintf(esc, sizeof esc, "\\%03d", c);
            add_str(b, esc);
        } else {
            add_chr(b, (char)c);
        }
    }
    add_chr(b, '"');
}

/* A number in a form that reads back as the same value and subtype. */
static void add_number(lua_State *L, writer *w, int idx)
{
    char buf[64];
    if (lua_isinteger(L, idx)) {
        snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
    } else {
        double d = lua_tonumber(L, idx);
        if (!isfinite(d))
            fail_at(L, w, "numbers must be finite");
        snprintf(buf, sizeof buf, "%.17g", d);
        if (!strpbrk(buf, ".eEn"))
            strcat(buf, ".0");
    }
    add_str(w, buf);
}

static void write_value(lua_State *L, writer *w, int idx, int depth);

static void write_table(lua_State *L, writer *w, int t, int depth)
{
    if (depth > MAX_DEPTH)
        fail_at(L, w, "nested too deep");
    if (lua_getmetatable(L, t))
        fail_at(L, w, "a table with a metatable cannot be saved");
    lua_pushvalue(L, t);
    if (lua_rawget(L, w->seen) != LUA_TNIL)
        fail_at(L, w, "the same table appears twice (memory must be a tree)");
    lua_pop(L, 1);
    lua_pushvalue(L, t);
    lua_pushboolean(L, 1);
    lua_rawset(L, w->seen);

    size_t n = cps_det_sorted_keys(L, t);
    int keys = lua_gettop(L);
    add_chr(w, '{');
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, keys, (lua_Integer)i);
        int k = lua_gettop(L);
        size_t old = strlen(w->path);
        int kt = lua_type(L, k);
        if (kt == LUA_TSTRING) {
            size_t kl;
            const char *ks = lua_tolstring(L, k, &kl);
            snprintf(w->path + old, sizeof w->path - old, ".%s", ks);
            add_chr(w, '[');
            add_string(w, ks, kl);
        } else if (kt == LUA_TNUMBER) {
            if (lua_isinteger(L, k))
                snprintf(w->path + old, sizeof w->path - old, "[%lld]",
                         (long long)lua_tointeger(L, k));
            else
                snprintf(w->path + old, sizeof w->path - old, "[%g]", lua_tonumber(L, k));
            add_chr(w, '[');
            add_number(L, w, k);
        } else if (kt == LUA_TBOOLEAN) {
            snprintf(w->path + old, sizeof w->path - old, "[%s]", lua_toboolean(L, k) ? "true" : "false");
            add_str(w, lua_toboolean(L, k) ? "[true" : "[false");
        } else {
            fail_at(L, w, "keys must be strings, numbers or booleans");
        }
        add_str(w, "]=");
        lua_pushvalue(L, k);
        lua_rawget(L, t);
        write_value(L, w, lua_gettop(L), depth + 1);
        lua_pop(L, 2); /* value, key */
        add_chr(w, ',');
        w->path[old] = '\0';
    }
    add_chr(w, '}');
    lua_pop(L, 1); /* keys */
}

static void write_value(lua_State *L, writer *w, int idx, int depth)
{
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN: add_str(w, lua_toboolean(L, idx) ? "true" : "false"); break;
    case LUA_TNUMBER: add_number(L, w, idx); break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        add_string(w, s, len);
        break;
    }
    case LUA_TTABLE: write_table(L, w, idx, depth); break;
    default: {
        char what[64];
        snprintf(what, sizeof what, "a %s cannot be saved", luaL_typename(L, idx));
        fail_at(L, w, what);
    }
    }
}

/* Protected: [writer, memory table] -> text in w->buf. */
static int save_protected(lua_State *L)
{
    writer *w = lua_touserdata(L, 1);
    lua_newtable(L);
    w->seen = lua_gettop(L);
    w->path[0] = '\0';
    w->L = L;
    write_table(L, w, 2, 0);
    return 0;
}

int cps_agent_memory_save(cps_agent *a, char **text, size_t *len, char *err, size_t errlen)
{
    lua_State *L = a->sb->L;
    writer w;
    memset(&w, 0, sizeof w);
    lua_pushcfunction(L, save_protected);
    lua_pushlightuserdata(L, &w);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_memory);
    int st = lua_pcall(L, 2, 0, 0);
    if (st != LUA_OK) {
        free(w.buf);
        snprintf(err, errlen, "%s: %s", a->display, lua_tostring(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    *text = w.buf;
    *len = w.len;
    return 0;
}

int cps_agent_memory_load(cps_agent *a, const char *text, size_t len, char *err, size_t errlen)
{
    lua_State *L = a->sb->L;
    char *chunk = malloc(len + 8);
    if (!chunk) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memcpy(chunk, "return ", 7);
    memcpy(chunk + 7, text, len);
    char name[300];
    snprintf(name, sizeof name, "%s (memory)", a->display);
    int st = cps_sandbox_load_buffer(a->sb, chunk, len + 7, name, err, errlen);
    free(chunk);
    if (st != 0)
        return -1;
    lua_newtable(L); /* an empty environment: the text can only build tables */
    lua_setupvalue(L, -2, 1);
    cps_call_result res;
    if (cps_sandbox_call(a->sb, 0, 1, 0, &res) != CPS_CALL_OK) {
        snprintf(err, errlen, "%s", res.message);
        return -1;
    }
    if (lua_type(L, -1) != LUA_TTABLE) {
        lua_pop(L, 1);
        snprintf(err, errlen, "%s: saved memory is not a table", a->display);
        return -1;
    }
    luaL_unref(L, LUA_REGISTRYINDEX, a->ref_memory);
    a->ref_memory = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}
