/* sandbox.c -- limits for untrusted Lua: allocator cap, count hook, metered calls.
 *
 * How a call is bounded, and why this way. A count hook fires every
 * CPS_HOOK_STEP instructions and adds them to the call's total. When the
 * total passes the budget (or the wall clock passes its limit) the call is
 * marked killed and the hook *yields*: every call runs inside a fresh
 * coroutine, so the yield suspends the whole call at once and control comes
 * back to lua_resume here. A pcall inside the sandbox cannot catch a yield,
 * so a "pcall loop" cannot swallow the budget. Where Lua cannot yield (inside
 * a C function such as table.sort's comparator) the hook raises an error
 * instead; the sandbox's pcall, xpcall and coroutine wrappers (sandbox_lib.c)
 * re-raise any error once the call is killed, and the hook keeps firing, so
 * the code unwinds to a place where it can yield or to the top.
 *
 * Other known escapes are closed elsewhere: xpcall handlers never run as Lua
 * message handlers (they would run with hooks off), setmetatable refuses
 * __gc (finalizers run with hooks off), string patterns use a bounded matcher,
 * and C functions whose cost is not bounded by memory charge for their work.
 * The memory cap is the allocator's: it refuses growth beyond the cap while
 * sandboxed code runs; host code between calls is never refused.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>

#include "chunk_cache.h"
#include "file_read.h"
#include "sandbox.h"
#include "sanitize.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Remember at which line a table was built. Called from the allocator, so
 * it must not touch Lua; it uses the line the line hook saw last. */
static void note_table_line(cps_sandbox *sb, const void *p)
{
    if (sb->table_line_count == sb->table_line_cap) {
        size_t cap = sb->table_line_cap ? sb->table_line_cap * 2 : 256;
        if (cap > (size_t)1 << 22)
            return;
        cps_table_line *a = realloc(sb->table_lines, cap * sizeof *a);
        if (!a)
            return;
        sb->table_lines = a;
        sb->table_line_cap = cap;
    }
    sb->table_lines[sb->table_line_count].table = p;
    sb->table_lines[sb->table_line_count].line = sb->current_line;
    sb->table_lines[sb->table_line_count].chunk = sb->current_chunk;
    sb->table_line_count++;
}

int cps_sandbox_table_line(const cps_sandbox *sb, const void *table, int *chunk)
{
    if (chunk)
        *chunk = 0;
    /* newest first: an address freed and reused belongs to the later table */
    for (size_t i = sb->table_line_count; i-- > 0;)
        if (sb->table_lines[i].table == table) {
            if (chunk)
                *chunk = sb->table_lines[i].chunk;
            return sb->table_lines[i].line;
        }
    return 0;
}

int cps_sandbox_note_chunk(cps_sandbox *sb, lua_State *L, int chunk)
{
    if (sb->chunk_source_count == sb->chunk_source_cap) {
        size_t cap = sb->chunk_source_cap ? sb->chunk_source_cap * 2 : 8;
        cps_chunk_source *a = realloc(sb->chunk_sources, cap * sizeof *a);
        if (!a)
            return -1;
        sb->chunk_sources = a;
        sb->chunk_source_cap = cap;
    }
    lua_Debug ar;
    lua_pushvalue(L, -1);
    if (!lua_getinfo(L, ">S", &ar)) /* pops the copy */
        return -1;
    /* keep the function, and so its source string, alive */
    if (sb->ref_chunks == LUA_NOREF) {
        lua_newtable(L);
        sb->ref_chunks = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->ref_chunks);
    lua_pushvalue(L, -2);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
    sb->chunk_sources[sb->chunk_source_count].source = ar.source;
    sb->chunk_sources[sb->chunk_source_count].chunk = chunk;
    sb->chunk_source_count++;
    sb->cached_source = NULL; /* the map changed */
    return 0;
}

/* The chunk of the function 'ar' describes (lua_getinfo "S" done): all the
 * functions of a chunk share its source string, so its address names the
 * chunk. The last answer is cached: the hook asks at every line. */
static int chunk_of(cps_sandbox *sb, const lua_Debug *ar)
{
    if (sb->cached_source && ar->source == sb->cached_source)
        return sb->cached_chunk;
    int c = 0;
    for (size_t i = sb->chunk_source_count; i-- > 0;)
        if (sb->chunk_sources[i].source == ar->source) {
            c = sb->chunk_sources[i].chunk;
            break;
        }
    sb->cached_source = ar->source;
    sb->cached_chunk = c;
    return c;
}

/* The allocator: counts every byte, refuses growth past the cap while the
 * sandbox is running code, and numbers new tables, closures, userdata and
 * threads (objid.h).
 * When 'ptr' is NULL, Lua passes the type of the new object in 'osize'. */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    cps_sandbox *sb = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        if (ptr) {
            sb->mem_used_bytes -= old;
            cps_objid_forget(&sb->objid, ptr);
            free(ptr);
        }
        return NULL;
    }
    if (nsize > old && sb->mem_enforce &&
        sb->mem_used_bytes - old + nsize > sb->opts.mem_cap_bytes)
        return NULL;
    if (!ptr && osize == LUA_TSTRING && nsize >= CPS_LONG_STRING_BYTES && sb->in_call) {
        /* a long string built while the agent runs ('..', string.format,
         * table.concat, gsub, a view's text...): copying it cost the C side
         * its length, so the agent pays one instruction per 8 bytes. Only
         * long strings: Lua interns short ones, and whether one is still
         * there depends on when the collector last ran. Once the budget is
         * spent every allocation fails, and the call unwinds. */
        sb->used_instructions += (long long)(nsize / 8);
        if (!sb->killed && sb->used_instructions > sb->budget_instructions)
            sb->killed = CPS_KILL_BUDGET;
    }
    if (sb->killed && sb->in_call && nsize > old)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    sb->mem_used_bytes = sb->mem_used_bytes - old + nsize;
    if (sb->mem_used_bytes > sb->mem_peak_bytes)
        sb->mem_peak_bytes = sb->mem_used_bytes;
    if (!ptr && (osize == LUA_TTABLE || osize == LUA_TFUNCTION || osize == LUA_TUSERDATA ||
                 osize == LUA_TTHREAD)) {
        cps_objid_note(&sb->objid, p);
        if (osize == LUA_TTABLE && sb->opts.track_table_lines)
            note_table_line(sb, p);
        if (osize == LUA_TUSERDATA)
            sb->last_udata_block = p;
    }
    return p;
}

static void set_where(cps_sandbox *sb, lua_State *L, lua_Debug *ar)
{
    if (ar && lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
        snprintf(sb->kill_where, sizeof sb->kill_where, "%s:%d", ar->short_src, ar->currentline);
}

static const char *kill_text(cps_kill k)
{
    switch (k) {
    case CPS_KILL_BUDGET: return "instruction budget exceeded";
    case CPS_KILL_MEMORY: return "memory cap exceeded";
    case CPS_KILL_WALL: return "wall-clock limit exceeded";
    default: return "stopped";
    }
}

/* Stop the running code: yield if this thread can, else raise an error that
 * the sandbox's protected-call wrappers will not swallow. */
static void stop(lua_State *L)
{
    cps_sandbox *sb = cps_sandbox_of(L);
    if (lua_isyieldable(L)) {
        lua_yield(L, 0);
        return;
    }
    lua_pushstring(L, kill_text(sb->killed));
    lua_error(L);
}

static void kill_call(cps_sandbox *sb, lua_State *L, lua_Debug *ar, cps_kill why)
{
    if (sb->killed)
        return;
    sb->killed = why;
    set_where(sb, L, ar);
}

static void hook(lua_State *L, lua_Debug *ar)
{
    cps_sandbox *sb = cps_sandbox_of(L);
    if (ar->event == LUA_HOOKLINE) {
        sb->current_line = ar->currentline;
        /* with no chunk noted everything is chunk 0: skip the lookup */
        if (sb->chunk_source_count && lua_getinfo(L, "S", ar))
            sb->current_chunk = chunk_of(sb, ar);
        return;
    }
    if (ar->event == LUA_HOOKRET) {
        /* back in the caller, whose line may not change again before it
         * builds its next table: take its line (and chunk) now */
        lua_Debug caller;
        if (lua_getstack(L, 1, &caller) &&
            lua_getinfo(L, sb->chunk_source_count ? "Sl" : "l", &caller) &&
            caller.currentline > 0) {
            sb->current_line = caller.currentline;
            if (sb->chunk_source_count)
                sb->current_chunk = chunk_of(sb, &caller);
        }
        return;
    }
    if (!sb->in_call)
        return;
    sb->used_instructions += CPS_HOOK_STEP;
    if (!sb->killed) {
        if (sb->used_instructions > sb->budget_instructions)
            kill_call(sb, L, ar, CPS_KILL_BUDGET);
        else if (now_s() - sb->start_s > sb->opts.wall_limit_s)
            kill_call(sb, L, ar, CPS_KILL_WALL);
    }
    if (sb->killed)
        stop(L);
}

void cps_sandbox_charge(lua_State *L, long long instructions)
{
    cps_sandbox *sb = cps_sandbox_of(L);
    if (!sb->in_call)
        return;
    sb->used_instructions += instructions;
    if (!sb->killed && sb->used_instructions > sb->budget_instructions) {
        lua_Debug ar;
        sb->killed = CPS_KILL_BUDGET;
        if (lua_getstack(L, 1, &ar))
            set_where(sb, L, &ar);
    }
    if (sb->killed)
        stop(L);
}

static int at_panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "chokepoint: unprotected Lua error in the host: %s\n", msg ? msg : "?");
    abort();
}

cps_sandbox *cps_sandbox_new(const cps_sandbox_opts *opts, char *err, size_t errlen)
{
    cps_sandbox *sb = calloc(1, sizeof *sb);
    if (!sb) {
        snprintf(err, errlen, "out of memory creating a Lua sandbox");
        return NULL;
    }
    sb->opts = *opts;
    if (!sb->opts.mem_cap_bytes)
        sb->opts.mem_cap_bytes = (size_t)32 << 20;
    if (sb->opts.budget_instructions <= 0)
        sb->opts.budget_instructions = 2000000;
    if (!(sb->opts.wall_limit_s > 0))
        sb->opts.wall_limit_s = 2.0;
    sb->L = lua_newstate(sb_alloc, sb);
    if (!sb->L) {
        free(sb);
        snprintf(err, errlen, "out of memory creating a Lua sandbox");
        return NULL;
    }
    *(cps_sandbox **)lua_getextraspace(sb->L) = sb;
    sb->ref_thread = LUA_NOREF;
    sb->ref_chunks = LUA_NOREF;
    lua_atpanic(sb->L, at_panic);
    /* The hook is set before any sandboxed code exists, so every coroutine
     * the code ever creates inherits it. */
    int mask = LUA_MASKCOUNT | (sb->opts.track_table_lines ? LUA_MASKLINE | LUA_MASKRET : 0);
    lua_sethook(sb->L, hook, mask, CPS_HOOK_STEP);
    cps_rand_seed(&sb->rand, 0, 0, 0);
    cps_sandbox_open_libs(sb->L, sb->opts.agent_libs);
    return sb;
}

void cps_sandbox_free(cps_sandbox *sb)
{
    if (!sb)
        return;
    lua_close(sb->L);
    cps_objid_free(&sb->objid);
    free(sb->table_lines);
    free(sb->chunk_sources);
    free(sb);
}

/* Loading compiles only: no sandboxed code runs, but the cap applies so a
 * huge file cannot take the host's memory. Text chunks only. */
void cps_load_error(const char *display, const char *msg, char *err, size_t errlen)
{
    size_t n = strlen(display);
    if (!msg)
        msg = "cannot load";
    /* Lua's syntax errors start with "display:line:"; a few (a nesting too
     * deep for the parser: "C stack overflow") carry no position at all */
    if (strncmp(msg, display, n) == 0 && msg[n] == ':')
        snprintf(err, errlen, "%s", msg);
    else
        snprintf(err, errlen, "%s: %s", display, msg);
}

int cps_sandbox_load_buffer(cps_sandbox *sb, const char *text, size_t len, const char *display,
                            char *err, size_t errlen)
{
    char chunkname[300];
    snprintf(chunkname, sizeof chunkname, "@%s", display);
    snprintf(sb->display, sizeof sb->display, "%s", display);
    sb->mem_enforce = 1;
    int st = luaL_loadbufferx(sb->L, text, len, chunkname, "t");
    sb->mem_enforce = 0;
    if (st != LUA_OK) {
        const char *m = lua_tostring(sb->L, -1);
        if (st == LUA_ERRMEM)
            snprintf(err, errlen, "%s: file too large for the sandbox's memory cap", display);
        else
            cps_load_error(display, m, err, errlen);
        lua_pop(sb->L, 1);
        return -1;
    }
    return 0;
}

int cps_sandbox_read_file(const char *path, const char *display, size_t cap_bytes, char **text,
                          size_t *len, char *err, size_t errlen)
{
    /* file_read refuses a FIFO or a device at once, rather than block */
    unsigned char *data;
    char why[256];
    int r = file_read(path, cap_bytes, &data, len, why, sizeof why);
    if (r == FILE_READ_TOO_BIG) {
        snprintf(err, errlen, "%s: file larger than the sandbox's memory cap", display);
        return -1;
    }
    if (r != FILE_READ_OK) {
        snprintf(err, errlen, "%s: cannot %s file: %s", display,
                 r == FILE_READ_MISSING ? "open" : "read", why);
        return -1;
    }
    *text = (char *)data;
    return 0;
}

int cps_sandbox_load_source(cps_sandbox *sb, const char *source, size_t len, const char *display,
                            char *err, size_t errlen)
{
    /* a leading "#!" line is allowed, as in the stand-alone interpreter */
    const char *text = source;
    size_t tlen = len;
    if (tlen > 0 && text[0] == '#') {
        while (tlen > 0 && *text != '\n') {
            text++;
            tlen--;
        }
    }
    /* Keep the line numbers right when a '#' line was dropped: its newline
     * stays. The same file is compiled once per process (chunk_cache.c). */
    return cps_chunk_load(sb, text, tlen, display, err, errlen);
}

int cps_sandbox_load_file(cps_sandbox *sb, const char *path, const char *display, char *err,
                          size_t errlen)
{
    char *buf;
    size_t len;
    if (cps_sandbox_read_file(path, display, sb->opts.mem_cap_bytes, &buf, &len, err, errlen) != 0)
        return -1;
    int st = cps_sandbox_load_source(sb, buf, len, display, err, errlen);
    free(buf);
    return st;
}

/* The innermost Lua frame of a stopped coroutine, as "file:line". */
static void frame_where(lua_State *co, char *out, size_t len)
{
    lua_Debug ar;
    out[0] = '\0';
    for (int level = 0; lua_getstack(co, level, &ar); level++) {
        if (lua_getinfo(co, "Sl", &ar) && ar.currentline > 0) {
            snprintf(out, len, "%s:%d", ar.short_src, ar.currentline);
            return;
        }
    }
}

/* The Lua frames of a stopped coroutine, innermost first, as " (traceback:
 * a.lua:5 in helper < a.lua:12 in turn)": at most five, and only when there
 * are two or more -- an error in a helper says who called it; an error in
 * turn itself says nothing more than its position. */
static void traceback(lua_State *co, char *out, size_t len)
{
    lua_Debug ar;
    size_t used = 0;
    int frames = 0, more = 0;
    out[0] = '\0';
    char buf[400] = "";
    for (int level = 0; lua_getstack(co, level, &ar); level++) {
        if (!lua_getinfo(co, "Sln", &ar) || ar.currentline <= 0)
            continue;
        if (frames == 5) {
            more = 1;
            break;
        }
        int n = snprintf(buf + used, sizeof buf - used, "%s%s:%d%s%s", frames ? " < " : "",
                         ar.short_src, ar.currentline, ar.name ? " in " : "", ar.name ? ar.name : "");
        if (n < 0 || (size_t)n >= sizeof buf - used)
            break;
        used += (size_t)n;
        frames++;
    }
    if (frames >= 2)
        snprintf(out, len, " (traceback: %s%s)", buf, more ? " < ..." : "");
}

/* Describe the error object on top of 'co'. Lua's own errors already start
 * with "file:line:"; anything else gets the innermost frame's position; an
 * error below turn, init or on_proposal ends with its traceback. */
static void error_text(cps_sandbox *sb, lua_State *co, char *out, size_t len)
{
    char where[128];
    frame_where(co, where, sizeof where);
    const char *msg = NULL;
    char buf[80];
    int t = lua_type(co, -1);
    if (t == LUA_TSTRING || t == LUA_TNUMBER) {
        msg = lua_tostring(co, -1);
    } else {
        snprintf(buf, sizeof buf, "error object is a %s value", lua_typename(co, t));
        msg = buf;
    }
    size_t dl = strlen(sb->display);
    int positioned = (dl > 0 && strncmp(msg, sb->display, dl) == 0 && msg[dl] == ':') ||
                     (where[0] && strncmp(msg, where, strlen(where)) == 0);
    char tb[420] = ""; /* agents' errors (a scenario's name their include chain instead) */
    if (sb->opts.agent_libs)
        traceback(co, tb, sizeof tb);
    /* the message keeps room for the traceback when there is one */
    int keep = tb[0] ? 300 : (int)len;
    if (!positioned && where[0])
        snprintf(out, len, "%s: %.*s%s", where, keep, msg, tb);
    else
        snprintf(out, len, "%.*s%s", keep, msg, tb);
}

cps_call_status cps_sandbox_call(cps_sandbox *sb, int nargs, int nresults, long long budget,
                                 cps_call_result *res)
{
    lua_State *L = sb->L;
    memset(res, 0, sizeof *res);
    int base = lua_gettop(L) - nargs - 1; /* below the function */
    /* A coroutine that finished its last call normally is reused: a fresh
     * one per call costs an allocation and garbage. */
    lua_State *co;
    if (sb->ref_thread != LUA_NOREF) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, sb->ref_thread);
        co = lua_tothread(L, -1);
    } else {
        co = lua_newthread(L);
    }
    lua_insert(L, base + 1); /* thread, function, args */
    lua_xmove(L, co, nargs + 1);

    sb->budget_instructions = budget > 0 ? budget : sb->opts.budget_instructions;
    sb->used_instructions = 0;
    sb->killed = CPS_KILL_NONE;
    sb->kill_where[0] = '\0';
    sb->mem_peak_bytes = sb->mem_used_bytes;
    sb->start_s = now_s();
    sb->in_call = 1;
    sb->mem_enforce = 1;
    int nres = 0;
    int st = lua_resume(co, L, nargs, &nres);
    sb->mem_enforce = 0;
    sb->in_call = 0;
    res->instructions = sb->used_instructions;
    res->mem_peak_bytes = sb->mem_peak_bytes;
    res->wall_s = now_s() - sb->start_s;

    if (st == LUA_ERRMEM && !sb->killed)
        sb->killed = CPS_KILL_MEMORY;
    if (sb->killed) {
        res->status = CPS_CALL_KILLED;
        res->kill = sb->killed;
        char where[128];
        if (sb->kill_where[0])
            snprintf(where, sizeof where, "%s", sb->kill_where);
        else
            frame_where(co, where, sizeof where);
        if (sb->killed == CPS_KILL_BUDGET)
            snprintf(res->message, sizeof res->message, "%s: %s (%lld instructions)",
                     where[0] ? where : sb->display, kill_text(sb->killed),
                     sb->budget_instructions);
        else if (sb->killed == CPS_KILL_MEMORY)
            snprintf(res->message, sizeof res->message, "%s: %s (%zu KiB)",
                     where[0] ? where : sb->display, kill_text(sb->killed),
                     sb->opts.mem_cap_bytes >> 10);
        else
            snprintf(res->message, sizeof res->message, "%s: %s (%.1f s)",
                     where[0] ? where : sb->display, kill_text(sb->killed), sb->opts.wall_limit_s);
    } else if (st == LUA_YIELD) {
        res->status = CPS_CALL_YIELD;
        char where[128];
        frame_where(co, where, sizeof where);
        snprintf(res->message, sizeof res->message, "%s: yielded outside a coroutine",
                 where[0] ? where : sb->display);
    } else if (st != LUA_OK) {
        res->status = CPS_CALL_ERROR;
        error_text(sb, co, res->message, sizeof res->message);
    } else {
        res->status = CPS_CALL_OK;
        if (nres > nresults)
            lua_pop(co, nres - nresults);
        lua_xmove(co, L, nres < nresults ? nres : nresults);
        for (int i = nres; i < nresults; i++)
            lua_pushnil(L);
    }
    if (res->status != CPS_CALL_OK) { /* the agent's words: one printable line */
        char clean[sizeof res->message];
        cps_sanitize(res->message, strlen(res->message), clean, sizeof clean);
        memcpy(res->message, clean, sizeof clean);
    }
    /* After a failure the thread is dropped without closing: a killed
     * call's pending to-be-closed variables never run. */
    if (res->status != CPS_CALL_OK) {
        luaL_unref(L, LUA_REGISTRYINDEX, sb->ref_thread);
        sb->ref_thread = LUA_NOREF;
        lua_settop(L, base);
    } else {
        if (sb->ref_thread == LUA_NOREF && lua_status(co) == LUA_OK && lua_gettop(co) == 0) {
            lua_pushvalue(L, base + 1);
            sb->ref_thread = luaL_ref(L, LUA_REGISTRYINDEX);
        }
        lua_remove(L, base + 1); /* the thread */
    }
    return res->status;
}
