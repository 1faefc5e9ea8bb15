/* memory.c -- an agent's memory: checked after every call, kept as bytes, restored after a failure.
 *
 * Memory must be plain data (memory_codec.h) because a save keeps it. It is
 * checked when it matters least to the agent and most to the game: right
 * after each call that could change it (init, turn, on_proposal), by
 * encoding it. Memory that encodes becomes the agent's snapshot; memory that
 * does not (a function, a cycle, a metatable, too deep, too large) fails the
 * call like an error does, and a failed call -- for that reason or any
 * other -- leaves the memory as the snapshot was: the game never meets
 * memory it cannot save, so a save never fails for an agent's sake, and
 * what it saves always loads. Encoding costs the agent instructions, like
 * any work done in C on its behalf.
 *
 * Saves made before the binary format (version 1 save files) hold memory as
 * a Lua table constructor; those are read by running the text in the
 * agent's own sandbox with an empty environment and the usual limits, then
 * kept in the new form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"
#include "memory_codec.h"

/* The most memory an agent may keep, once encoded: its memory cap. */
static size_t memory_limit(const cps_agent *a) { return a->opts.mem_bytes; }

/* Replace the agent's memory table by the one on top of the stack (popped). */
static void set_memory(cps_agent *a)
{
    lua_State *L = a->sb->L;
    luaL_unref(L, LUA_REGISTRYINDEX, a->ref_memory);
    a->ref_memory = luaL_ref(L, LUA_REGISTRYINDEX);
}

int cps_agent_memory_commit(cps_agent *a, long long *work, char *err, size_t errlen)
{
    lua_State *L = a->sb->L;
    unsigned char *bytes;
    size_t len;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_memory);
    int st = cps_memory_encode(L, -1, memory_limit(a), &bytes, &len, work, err, errlen);
    lua_pop(L, 1);
    if (st != 0)
        return -1;
    free(a->memory_bytes);
    a->memory_bytes = bytes;
    a->memory_len = len;
    return 0;
}

void cps_agent_memory_restore(cps_agent *a)
{
    lua_State *L = a->sb->L;
    if (!a->memory_bytes)
        return;
    /* unchanged memory keeps its tables (an agent may hold them in upvalues) */
    unsigned char *now = NULL;
    size_t len = 0;
    long long work;
    char err[8];
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_memory);
    int st = cps_memory_encode(L, -1, memory_limit(a), &now, &len, &work, err, sizeof err);
    lua_pop(L, 1);
    int same = st == 0 && len == a->memory_len && memcmp(now, a->memory_bytes, len) == 0;
    free(now);
    if (same)
        return;
    /* drop the broken memory first, so its space is free for the snapshot */
    lua_newtable(L);
    set_memory(a);
    lua_gc(L, LUA_GCCOLLECT);
    char why[200];
    if (cps_memory_decode(L, a->memory_bytes, a->memory_len, why, sizeof why) == 0)
        set_memory(a);
    else /* cannot happen: the snapshot decoded before, into less memory */
        cps_agent_log(a, "%s: its memory could not be restored (%s); it starts empty",
                      a->display, why);
}

int cps_agent_memory_save(cps_agent *a, char **bytes, size_t *len, char *err, size_t errlen)
{
    if (!a->memory_bytes) {
        long long work;
        if (cps_agent_memory_commit(a, &work, err, errlen) != 0)
            return -1;
    }
    char *copy = malloc(a->memory_len ? a->memory_len : 1);
    if (!copy) {
        snprintf(err, errlen, "%s: out of memory saving its memory", a->display);
        return -1;
    }
    memcpy(copy, a->memory_bytes, a->memory_len);
    *bytes = copy;
    *len = a->memory_len;
    return 0;
}

/* A version 1 save's memory: a Lua table constructor, run as data. */
static int load_text(cps_agent *a, const char *text, size_t len, char *err, size_t errlen)
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
    return 0;
}

int cps_agent_memory_load(cps_agent *a, const char *bytes, size_t len, char *err, size_t errlen)
{
    lua_State *L = a->sb->L;
    if (len > memory_limit(a)) {
        snprintf(err, errlen, "%s: saved memory of %zu KiB is larger than the agent's cap (%zu KiB)",
                 a->display, len >> 10, memory_limit(a) >> 10);
        return -1;
    }
    int top = lua_gettop(L);
    if (cps_memory_is_binary((const unsigned char *)bytes, len)) {
        /* the cap holds while it is built (a damaged file cannot take the
         * host's memory), with room for what init left behind */
        char why[200];
        lua_gc(L, LUA_GCCOLLECT);
        size_t cap = a->sb->opts.mem_cap_bytes;
        a->sb->opts.mem_cap_bytes = cap + len + ((size_t)1 << 20);
        a->sb->mem_enforce = 1;
        int st = cps_memory_decode(L, (const unsigned char *)bytes, len, why, sizeof why);
        a->sb->mem_enforce = 0;
        a->sb->opts.mem_cap_bytes = cap;
        if (st != 0) {
            snprintf(err, errlen, "%s: saved memory: %s", a->display, why);
            return -1;
        }
    } else if (load_text(a, bytes, len, err, errlen) != 0) {
        lua_settop(L, top);
        return -1;
    }
    /* what was loaded becomes the snapshot: checked as after a call */
    unsigned char *enc;
    size_t elen;
    long long work;
    char why[400];
    if (cps_memory_encode(L, -1, memory_limit(a), &enc, &elen, &work, why, sizeof why) != 0) {
        lua_settop(L, top);
        snprintf(err, errlen, "%s: saved %s", a->display, why);
        return -1;
    }
    set_memory(a);
    lua_settop(L, top);
    free(a->memory_bytes);
    a->memory_bytes = enc;
    a->memory_len = elen;
    return 0;
}
