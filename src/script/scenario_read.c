/* scenario_read.c -- typed, path-naming readers for the scenario loader. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "scenario_read.h"
#include "suggest.h"

size_t rd_path_push(cps_reader *r, const char *fmt, ...)
{
    size_t old = strlen(r->path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->path + old, sizeof r->path - old, fmt, ap);
    va_end(ap);
    return old;
}

void rd_path_pop(cps_reader *r, size_t old_len) { r->path[old_len] = '\0'; }

/* ---- line numbers -------------------------------------------------------------- */

static const char *line_start(const char *src, size_t len, int line)
{
    const char *p = src, *end = src + len;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    return p;
}

static int line_of(const char *src, const char *at)
{
    int l = 1;
    for (const char *p = src; p < at; p++)
        if (*p == '\n')
            l++;
    return l;
}

/* Skip a string or comment starting at 'p'; returns where it ends, or 'p'
 * when nothing is skipped there. Long brackets of level 0 and 1 only. */
static const char *skip_literal(const char *p, const char *end)
{
    if (*p == '"' || *p == '\'') {
        char q = *p++;
        while (p < end && *p != q && *p != '\n') {
            if (*p == '\\' && p + 1 < end)
                p++;
            p++;
        }
        return p < end ? p + 1 : p;
    }
    if (p + 1 < end && p[0] == '-' && p[1] == '-') {
        p += 2;
        if (p + 1 < end && p[0] == '[' && (p[1] == '[' || p[1] == '=')) {
            const char *close = p[1] == '[' ? "]]" : "]=]";
            const char *e = strstr(p, close);
            return e ? e + strlen(close) : end;
        }
        while (p < end && *p != '\n')
            p++;
        return p;
    }
    if (p + 1 < end && p[0] == '[' && (p[1] == '[' || (p[1] == '=' && p + 2 < end && p[2] == '['))) {
        const char *close = p[1] == '[' ? "]]" : "]=]";
        const char *e = strstr(p + 2, close);
        return e ? e + strlen(close) : end;
    }
    return p;
}

/* Where the constructor opened at 'open' ends (its '}' or the end of text). */
static const char *constructor_end(const char *open, const char *end)
{
    int depth = 0;
    for (const char *p = open; p < end;) {
        const char *q = skip_literal(p, end);
        if (q > p) {
            p = q;
            continue;
        }
        if (*p == '{')
            depth++;
        else if (*p == '}' && --depth == 0)
            return p;
        p++;
    }
    return end;
}

static int is_ident_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The position of "key =" directly inside the constructor at 'open' (not in
 * a nested table), or NULL. */
static const char *find_key(const char *src, const char *open, const char *close, const char *key)
{
    size_t kl = strlen(key);
    int depth = 0;
    for (const char *p = open; p < close;) {
        const char *q = skip_literal(p, close);
        if (q > p) {
            p = q;
            continue;
        }
        if (*p == '{' || *p == '(' || *p == '[') {
            depth++;
        } else if (*p == '}' || *p == ')' || *p == ']') {
            depth--;
        } else if (depth == 1 && (p == src || !is_ident_char(p[-1])) &&
                   (size_t)(close - p) > kl && strncmp(p, key, kl) == 0 &&
                   !is_ident_char(p[kl])) {
            const char *e = p + kl;
            while (e < close && (*e == ' ' || *e == '\t'))
                e++;
            if (e < close && *e == '=' && (e + 1 >= close || e[1] != '='))
                return p;
        }
        p++;
    }
    return NULL;
}

/* Some string key of the table at 't' (the bytewise smallest), to recognise
 * its constructor in the text; NULL if it has none. */
static const char *some_key(lua_State *L, int t, char *buf, size_t len)
{
    int have = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            if (strlen(k) < len && (!have || strcmp(k, buf) < 0)) {
                strcpy(buf, k);
                have = 1;
            }
        }
    }
    return have ? buf : NULL;
}

static int count_lines(const char *a, const char *b)
{
    int n = 0;
    for (; a < b; a++)
        n += *a == '\n';
    return n;
}

const char *rd_chunk_display(const cps_reader *r, int chunk)
{
    return chunk > 0 && chunk <= r->lib_count ? r->libs[chunk - 1].display : r->display;
}

/* The line of a table comes from the allocator, which saw the line the line
 * hook reported last: the line of the token just *before* the table's '{'.
 * So scan forward from that line: a '{' is a candidate when the last token
 * before it lies on that line. Of the candidates, the table's constructor is
 * the first that holds 'key' (or, for the table itself, one of its own
 * keys) directly. The text scanned is that of the chunk the table was built
 * in: the scenario file, or the lib an include ran (scenario_include.c). */
int rd_line(cps_reader *r, int t, const char *key, int *chunk_out)
{
    if (chunk_out)
        *chunk_out = 0;
    if (!t || !r->src || lua_type(r->L, t) != LUA_TTABLE)
        return 0;
    int chunk = 0;
    int line = cps_sandbox_table_line(r->sb, lua_topointer(r->L, t), &chunk);
    if (line <= 0)
        return 0;
    /* the text the line counts in: the scenario file's or a lib's */
    const char *src = r->src;
    size_t src_len = r->src_len;
    if (chunk > 0 && chunk <= r->lib_count) {
        src = r->libs[chunk - 1].src;
        src_len = r->libs[chunk - 1].src_len;
    } else {
        chunk = 0;
    }
    if (chunk_out)
        *chunk_out = chunk;
    char own[64];
    const char *probe = key ? key : some_key(r->L, t, own, sizeof own);
    const char *end = src + src_len;
    const char *p = line_start(src, src_len, line);
    const char *first = NULL;
    int cur = line, last_token_line = line - 1;
    while (p < end && last_token_line <= line) {
        if (*p == '\n') {
            cur++;
            p++;
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\r') {
            p++;
            continue;
        }
        const char *q = skip_literal(p, end);
        if (q > p) {
            int is_comment = p[0] == '-';
            cur += count_lines(p, q);
            if (!is_comment)
                last_token_line = cur;
            p = q;
            continue;
        }
        if (*p == '{' && last_token_line == line) {
            if (!first)
                first = p;
            if (!probe)
                break;
            const char *close = constructor_end(p, end);
            const char *at = find_key(src, p, close, probe);
            if (at)
                return line_of(src, key ? at : p);
        }
        last_token_line = cur;
        p++;
    }
    return first ? line_of(src, first) : line;
}

void rd_fail(cps_reader *r, int t, const char *key, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int chunk = 0;
    int line = rd_line(r, t ? lua_absindex(r->L, t) : 0, key, &chunk);
    char where[64] = "";
    if (line > 0)
        snprintf(where, sizeof where, ":%d", line);
    const char *sep = (r->path[0] && key) ? "." : "";
    if (chunk > 0) /* built in a lib: the scenario may have changed it after */
        lua_pushfstring(r->L, "%s%s: %s%s%s: %s (included by %s)", rd_chunk_display(r, chunk),
                        where, r->path, sep, key ? key : "", msg, r->display);
    else
        lua_pushfstring(r->L, "%s%s: %s%s%s: %s", r->display, where, r->path, sep,
                        key ? key : "", msg);
    lua_error(r->L);
}

/* ---- names ---------------------------------------------------------------------- */

const char *rd_closest(const char *got, const char *const *allowed)
{
    return cps_suggest(got, allowed);
}

void rd_keys(cps_reader *r, int t, const char *const *allowed)
{
    lua_State *L = r->L;
    t = lua_absindex(L, t);
    /* Report the bytewise-smallest bad key, so the message is the same in
     * every run whatever the hash order. */
    char bad[64] = "";
    int have_bad = 0, nonstring = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            nonstring = 1;
            continue;
        }
        const char *k = lua_tostring(L, -1);
        int ok = 0;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp(k, allowed[i]) == 0;
        if (!ok && (!have_bad || strcmp(k, bad) < 0)) {
            snprintf(bad, sizeof bad, "%s", k);
            have_bad = 1;
        }
    }
    if (have_bad) {
        const char *near = rd_closest(bad, allowed);
        if (near)
            rd_fail(r, t, bad, "unknown field (did you mean '%s'?)", near);
        rd_fail(r, t, bad, "unknown field");
    }
    if (nonstring)
        rd_fail(r, t, NULL, "expected named fields, found a list entry or a non-string key");
}

int rd_list(cps_reader *r, int t, int max)
{
    lua_State *L = r->L;
    t = lua_absindex(L, t);
    lua_Integer n = 0, count = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
            lua_pop(L, 1);
            rd_fail(r, t, NULL, "must be a list { ... }, { ... } without named fields");
        }
        lua_Integer k = lua_tointeger(L, -1);
        if (k > n)
            n = k;
        count++;
    }
    if (n != count)
        rd_fail(r, t, NULL, "list has holes (entry %d is missing)", (int)count + 1);
    if (n > max)
        rd_fail(r, t, NULL, "too many entries (%d, at most %d)", (int)n, max);
    return (int)n;
}

int rd_get(cps_reader *r, int t, const char *key)
{
    t = lua_absindex(r->L, t);
    lua_pushstring(r->L, key);
    return lua_rawget(r->L, t);
}

static const char *type_text(lua_State *L, int idx) { return luaL_typename(L, idx); }

int rd_number(cps_reader *r, int t, const char *key, double *out, int c)
{
    lua_State *L = r->L;
    t = lua_absindex(L, t);
    int ty = rd_get(r, t, key);
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (ty != LUA_TNUMBER)
        rd_fail(r, t, key, "must be a number, got %s", type_text(L, -1));
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!isfinite(v))
        rd_fail(r, t, key, "must be a finite number");
    if ((c & RD_NONNEG) && v < 0)
        rd_fail(r, t, key, "must not be negative (got %g)", v);
    if ((c & RD_POSITIVE) && !(v > 0))
        rd_fail(r, t, key, "must be positive (got %g)", v);
    if ((c & RD_SHARE) && (v < 0 || v > 1))
        rd_fail(r, t, key, "is a share and must lie in 0..1 (got %g)", v);
    if ((c & RD_INTEGER) && v != floor(v))
        rd_fail(r, t, key, "must be a whole number (got %g)", v);
    if (c & RD_RANGE) {
        /* the core's bounds, so that a scenario it would refuse is refused
         * here, with the line */
        const cp_number_range *rg = cp_scenario_range(r->range ? r->range : key);
        if (rg && !cp_range_holds(rg, v))
            rd_fail(r, t, key, "must lie %s %g and %s%g%s%s (got %g)",
                    rg->above_min ? "above" : "between", rg->min, rg->above_min ? "at most " : "",
                    rg->max, rg->unit[0] ? " " : "", rg->unit, v);
    }
    *out = v;
    return 1;
}

int rd_int(cps_reader *r, int t, const char *key, int *out, int lo, int hi)
{
    double v;
    if (!rd_number(r, t, key, &v, RD_INTEGER))
        return 0;
    if (v < lo || v > hi)
        rd_fail(r, t, key, "must lie in %d..%d (got %g)", lo, hi, v);
    *out = (int)v;
    return 1;
}

int rd_string(cps_reader *r, int t, const char *key, char *out, size_t cap)
{
    lua_State *L = r->L;
    t = lua_absindex(L, t);
    int ty = rd_get(r, t, key);
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (ty != LUA_TSTRING)
        rd_fail(r, t, key, "must be a string, got %s", type_text(L, -1));
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    if (len >= cap)
        rd_fail(r, t, key, "is too long (%zu characters, at most %zu)", len, cap - 1);
    if (strlen(s) != len)
        rd_fail(r, t, key, "must not contain zero bytes");
    memcpy(out, s, len + 1);
    lua_pop(L, 1);
    return 1;
}

char *rd_strdup(cps_reader *r, int t, const char *key)
{
    lua_State *L = r->L;
    t = lua_absindex(L, t);
    int ty = rd_get(r, t, key);
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return NULL;
    }
    if (ty != LUA_TSTRING)
        rd_fail(r, t, key, "must be a string, got %s", type_text(L, -1));
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    char *copy = malloc(len + 1);
    if (!copy)
        rd_fail(r, t, key, "out of memory");
    memcpy(copy, s, len + 1);
    lua_pop(L, 1);
    return copy;
}

int rd_table(cps_reader *r, int t, const char *key)
{
    lua_State *L = r->L;
    t = lua_absindex(L, t);
    int ty = rd_get(r, t, key);
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (ty != LUA_TTABLE)
        rd_fail(r, t, key, "must be a table { ... }, got %s", type_text(L, -1));
    return 1;
}

static void by_names(cps_reader *r, int t, const char *key, double *out, int c,
                     const char *const *names, int count)
{
    if (!rd_table(r, t, key))
        return;
    int sub = lua_gettop(r->L);
    size_t old = rd_path_push(r, "%s%s", r->path[0] ? "." : "", key);
    rd_keys(r, sub, names);
    const char *range = r->range;
    if (!range)
        r->range = key; /* each entry of stock_t is in stock_t's range */
    for (int i = 0; i < count; i++)
        rd_number(r, sub, names[i], &out[i], c);
    r->range = range;
    rd_path_pop(r, old);
    lua_pop(r->L, 1);
}

void rd_by_good(cps_reader *r, int t, const char *key, double *out, int c)
{
    const char *names[CP_GOOD_COUNT + 1];
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        names[g] = cp_good_name((cp_good)g);
    names[CP_GOOD_COUNT] = NULL;
    by_names(r, t, key, out, c, names, CP_GOOD_COUNT);
}

void rd_by_sector(cps_reader *r, int t, const char *key, double *out, int c)
{
    const char *names[CP_SECTOR_COUNT + 1];
    for (int s = 0; s < CP_SECTOR_COUNT; s++)
        names[s] = cp_sector_name((cp_sector)s);
    names[CP_SECTOR_COUNT] = NULL;
    by_names(r, t, key, out, c, names, CP_SECTOR_COUNT);
}
