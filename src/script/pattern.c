/* pattern.c -- Lua patterns, matched step by step against the sandbox budget.
 *
 * The language is Lua 5.4's: single-character classes (., %a, [set], ...)
 * with the quantifiers * + - ?, anchors ^ and $, captures ( ) and position
 * captures (), back-references %1-%9, %bxy and %f[set]. The matcher is a
 * recursive backtracker; each step (a class test or a match attempt) adds to
 * a counter that is charged to the budget every STEP_CHUNK steps, and the
 * recursion is capped at MAX_DEPTH ("pattern too complex").
 */
#include <ctype.h>
#include <string.h>

#include <lauxlib.h>

#include "pattern.h"
#include "sandbox.h"

enum { MAX_CAPTURES = 32, MAX_DEPTH = 200, STEP_CHUNK = 1024 };
#define CAP_OPEN (-1)     /* capture still open */
#define CAP_POSITION (-2) /* () */

typedef struct {
    lua_State *L;
    const char *src, *src_end; /* subject */
    const char *pat_end;
    int depth;
    long steps;
    int level; /* captures in use */
    struct {
        const char *start;
        ptrdiff_t len;
    } cap[MAX_CAPTURES];
} matcher;

static void step(matcher *m)
{
    if (++m->steps >= STEP_CHUNK) {
        cps_sandbox_charge(m->L, m->steps);
        m->steps = 0;
    }
}

/* Where the single-character class starting at 'p' ends. */
static const char *class_end(matcher *m, const char *p)
{
    char c = *p++;
    if (c == '%') {
        if (p >= m->pat_end)
            luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (p < m->pat_end && *p == '^')
            p++;
        do { /* the first character of a set may be ']' */
            if (p >= m->pat_end)
                luaL_error(m->L, "malformed pattern (missing ']')");
            c = *p++;
            if (c == '%') {
                if (p >= m->pat_end)
                    luaL_error(m->L, "malformed pattern (missing ']')");
                p++;
            }
        } while (p >= m->pat_end || *p != ']');
        return p + 1;
    }
    return p;
}

/* Does 'c' belong to the class letter 'cl' (%a, %D, ...)? Letters that name
 * no class, and all other characters, stand for themselves. */
static int in_class(int c, int cl)
{
    int r;
    switch (tolower(cl)) {
    case 'a': r = isalpha(c); break;
    case 'c': r = iscntrl(c); break;
    case 'd': r = isdigit(c); break;
    case 'g': r = isgraph(c); break;
    case 'l': r = islower(c); break;
    case 'p': r = ispunct(c); break;
    case 's': r = isspace(c); break;
    case 'u': r = isupper(c); break;
    case 'w': r = isalnum(c); break;
    case 'x': r = isxdigit(c); break;
    case 'z': r = (c == 0); break; /* deprecated in 5.2, still matched by stock Lua */
    default: return cl == c;
    }
    r = r != 0;
    return isupper(cl) ? !r : r;
}

/* Does 'c' belong to the set from '[' at 'p' to its ']' at 'close'? */
static int in_set(int c, const char *p, const char *close)
{
    int negate = 0;
    p++; /* '[' */
    if (*p == '^') {
        negate = 1;
        p++;
    }
    for (; p < close; p++) {
        if (*p == '%') {
            p++;
            if (in_class(c, (unsigned char)*p))
                return !negate;
        } else if (p + 2 < close && p[1] == '-') {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return !negate;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return !negate;
        }
    }
    return negate;
}

/* Does the character at 's' match the class from 'p' to 'ep'? */
static int single(matcher *m, const char *s, const char *p, const char *ep)
{
    step(m);
    if (s >= m->src_end)
        return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case '%': return in_class(c, (unsigned char)p[1]);
    case '[': return in_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

static const char *match(matcher *m, const char *s, const char *p);

static const char *greedy(matcher *m, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;
    while (single(m, s + n, p, ep))
        n++;
    for (; n >= 0; n--) {
        const char *r = match(m, s + n, ep + 1);
        if (r)
            return r;
    }
    return NULL;
}

static const char *lazy(matcher *m, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = match(m, s, ep + 1);
        if (r)
            return r;
        if (!single(m, s, p, ep))
            return NULL;
        s++;
    }
}

static const char *open_capture(matcher *m, const char *s, const char *p, ptrdiff_t what)
{
    if (m->level >= MAX_CAPTURES)
        luaL_error(m->L, "too many captures");
    m->cap[m->level].start = s;
    m->cap[m->level].len = what;
    m->level++;
    const char *r = match(m, s, p);
    if (!r)
        m->level--;
    return r;
}

static const char *close_capture(matcher *m, const char *s, const char *p)
{
    int l = m->level - 1;
    while (l >= 0 && m->cap[l].len != CAP_OPEN)
        l--;
    if (l < 0)
        luaL_error(m->L, "invalid pattern capture");
    m->cap[l].len = s - m->cap[l].start;
    const char *r = match(m, s, p);
    if (!r)
        m->cap[l].len = CAP_OPEN;
    return r;
}

static const char *backref(matcher *m, const char *s, int digit)
{
    int l = digit - '1';
    if (l < 0 || l >= m->level || m->cap[l].len == CAP_OPEN)
        luaL_error(m->L, "invalid capture index %%%d", l + 1);
    if (m->cap[l].len == CAP_POSITION)
        return NULL; /* as in stock Lua, whose length check fails on a position */
    size_t len = (size_t)m->cap[l].len;
    m->steps += (long)len / 8;
    if ((size_t)(m->src_end - s) >= len && memcmp(m->cap[l].start, s, len) == 0)
        return s + len;
    return NULL;
}

static const char *balance(matcher *m, const char *s, const char *p)
{
    if (p + 1 >= m->pat_end)
        luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->src_end || *s != p[0])
        return NULL;
    int open = 1;
    while (++s < m->src_end) {
        step(m);
        if (*s == p[1]) {
            if (--open == 0)
                return s + 1;
        } else if (*s == p[0]) {
            open++;
        }
    }
    return NULL;
}

/* Match pattern 'p' at subject position 's': the end of the match or NULL.
 * Straight-line items loop; only choices (quantifiers, captures) recurse. */
static const char *match(matcher *m, const char *s, const char *p)
{
    if (++m->depth > MAX_DEPTH)
        luaL_error(m->L, "pattern too complex");
    const char *r = NULL;
    for (;;) {
        step(m);
        if (p == m->pat_end) {
            r = s;
            break;
        }
        if (*p == '(') {
            r = p + 1 < m->pat_end && p[1] == ')' ? open_capture(m, s, p + 2, CAP_POSITION)
                                                  : open_capture(m, s, p + 1, CAP_OPEN);
            break;
        }
        if (*p == ')') {
            r = close_capture(m, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == m->pat_end) {
            r = s == m->src_end ? s : NULL;
            break;
        }
        if (*p == '%' && p + 1 < m->pat_end && p[1] == 'b') {
            s = balance(m, s, p + 2);
            if (!s)
                break;
            p += 4;
            continue;
        }
        if (*p == '%' && p + 1 < m->pat_end && p[1] == 'f') {
            p += 2;
            if (p >= m->pat_end || *p != '[')
                luaL_error(m->L, "missing '[' after '%%f' in pattern");
            const char *ep = class_end(m, p);
            int prev = s == m->src ? 0 : (unsigned char)s[-1];
            int cur = s < m->src_end ? (unsigned char)*s : 0;
            if (in_set(prev, p, ep - 1) || !in_set(cur, p, ep - 1))
                break;
            p = ep;
            continue;
        }
        if (*p == '%' && p + 1 < m->pat_end && isdigit((unsigned char)p[1])) {
            s = backref(m, s, (unsigned char)p[1]);
            if (!s)
                break;
            p += 2;
            continue;
        }
        const char *ep = class_end(m, p);
        int ok = single(m, s, p, ep);
        char q = ep < m->pat_end ? *ep : '\0';
        if (q == '?') {
            if (ok && (r = match(m, s + 1, ep + 1)) != NULL)
                break;
            p = ep + 1;
            continue;
        }
        if (q == '+') {
            r = ok ? greedy(m, s + 1, p, ep) : NULL;
            break;
        }
        if (q == '*') {
            r = greedy(m, s, p, ep);
            break;
        }
        if (q == '-') {
            r = lazy(m, s, p, ep);
            break;
        }
        if (!ok)
            break;
        s++;
        p = ep;
    }
    m->depth--;
    return r;
}

/* ---- captures to Lua values ---------------------------------------------------- */

static void push_capture(matcher *m, int i, const char *s, const char *e)
{
    if (i >= m->level) {
        if (i != 0)
            luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = m->cap[i].len;
    if (len == CAP_OPEN)
        luaL_error(m->L, "unfinished capture");
    if (len == CAP_POSITION)
        lua_pushinteger(m->L, (lua_Integer)(m->cap[i].start - m->src) + 1);
    else
        lua_pushlstring(m->L, m->cap[i].start, (size_t)len);
}

/* Push every capture, or the whole match when there are none ('s' set). */
static int push_captures(matcher *m, const char *s, const char *e)
{
    int n = (m->level == 0 && s) ? 1 : m->level;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        push_capture(m, i, s, e);
    return n;
}

static void start(matcher *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
    m->L = L;
    m->src = s;
    m->src_end = s + ls;
    m->pat_end = p + lp;
    m->depth = 0;
    m->level = 0;
}

static void finish(matcher *m)
{
    if (m->steps)
        cps_sandbox_charge(m->L, m->steps);
    m->steps = 0;
}

/* Stock position rules: negative counts from the end, 0 means 1. */
static size_t start_pos(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos;
    if (pos == 0)
        return 1;
    if (pos < -(lua_Integer)len)
        return 1;
    return len + (size_t)pos + 1;
}

static int has_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (strchr("^$*+?.([%-", p[i]))
            return 1;
    return 0;
}

static int find_or_match(lua_State *L, int find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_pos(luaL_optinteger(L, 3, 1), ls);
    if (init > ls + 1) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
        /* plain search */
        cps_sandbox_charge(L, (long long)((ls - init + 1) / 8));
        for (size_t i = init - 1; lp <= ls && i + lp <= ls; i++) {
            if (memcmp(s + i, p, lp) == 0) {
                lua_pushinteger(L, (lua_Integer)i + 1);
                lua_pushinteger(L, (lua_Integer)(i + lp));
                return 2;
            }
        }
        luaL_pushfail(L);
        return 1;
    }
    matcher m = {0};
    int anchor = lp > 0 && *p == '^';
    start(&m, L, s, ls, p + anchor, lp - (size_t)anchor);
    const char *s1 = s + init - 1;
    do {
        m.level = 0;
        m.depth = 0;
        const char *e = match(&m, s1, p + anchor);
        if (e) {
            finish(&m);
            if (find) {
                lua_pushinteger(L, (lua_Integer)(s1 - s) + 1);
                lua_pushinteger(L, (lua_Integer)(e - s));
                return push_captures(&m, NULL, NULL) + 2;
            }
            return push_captures(&m, s1, e);
        }
    } while (s1++ < m.src_end && !anchor);
    finish(&m);
    luaL_pushfail(L);
    return 1;
}

static int str_find(lua_State *L) { return find_or_match(L, 1); }
static int str_match(lua_State *L) { return find_or_match(L, 0); }

/* gmatch's iterator: upvalues are the subject, the pattern and a position
 * record; each call resumes the scan where the last match ended. */
typedef struct {
    size_t pos;       /* next start, 0-based */
    ptrdiff_t last;   /* end of the last match, -1 before the first */
} gm_state;

static int gmatch_next(lua_State *L)
{
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    gm_state *g = lua_touserdata(L, lua_upvalueindex(3));
    matcher m = {0};
    start(&m, L, s, ls, p, lp);
    for (const char *src = s + g->pos; src <= m.src_end; src++) {
        m.level = 0;
        m.depth = 0;
        const char *e = match(&m, src, p);
        if (e && (g->last < 0 || e != s + g->last)) {
            g->pos = (size_t)(e - s);
            g->last = e - s;
            finish(&m);
            return push_captures(&m, src, e);
        }
    }
    g->pos = ls + 1;
    finish(&m);
    return 0;
}

static int str_gmatch(lua_State *L)
{
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    size_t init = start_pos(luaL_optinteger(L, 3, 1), ls);
    lua_settop(L, 2);
    gm_state *g = lua_newuserdatauv(L, sizeof *g, 0);
    g->pos = init > ls + 1 ? ls + 1 : init - 1;
    g->last = -1;
    lua_pushcclosure(L, gmatch_next, 3);
    return 1;
}

/* Append the replacement for the match s..e to 'b'. */
static void add_replacement(matcher *m, luaL_Buffer *b, const char *s, const char *e, int rt)
{
    lua_State *L = m->L;
    if (rt == LUA_TSTRING || rt == LUA_TNUMBER) {
        size_t lr;
        const char *r = lua_tolstring(L, 3, &lr);
        for (size_t i = 0; i < lr; i++) {
            step(m);
            if (r[i] != '%') {
                luaL_addchar(b, r[i]);
                continue;
            }
            i++;
            if (i < lr && r[i] == '%') {
                luaL_addchar(b, '%');
            } else if (i < lr && isdigit((unsigned char)r[i])) {
                if (r[i] == '0')
                    lua_pushlstring(L, s, (size_t)(e - s));
                else
                    push_capture(m, r[i] - '1', s, e);
                luaL_tolstring(L, -1, NULL);
                lua_remove(L, -2);
                m->steps += (long)lua_rawlen(L, -1) / 8;
                luaL_addvalue(b);
            } else {
                luaL_error(L, "invalid use of '%%' in replacement string");
            }
        }
        return;
    }
    if (rt == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(m, s, e);
        lua_call(L, n, 1);
    } else { /* table */
        push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    } else {
        m->steps += (long)lua_rawlen(L, -1) / 8;
        luaL_addvalue(b);
    }
}

static int str_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int rt = lua_type(L, 3);
    lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, rt == LUA_TNUMBER || rt == LUA_TSTRING || rt == LUA_TFUNCTION ||
                            rt == LUA_TTABLE, 3, "string/function/table");
    int anchor = lp > 0 && *p == '^';
    matcher m = {0};
    start(&m, L, s, ls, p + anchor, lp - (size_t)anchor);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const char *src = s, *last = NULL;
    lua_Integer n = 0;
    while (n < max_n) {
        m.level = 0;
        m.depth = 0;
        const char *e = match(&m, src, p + anchor);
        if (e && e != last) {
            n++;
            add_replacement(&m, &b, src, e, rt);
            src = last = e;
        } else if (src < m.src_end) {
            step(&m);
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor)
            break;
    }
    luaL_addlstring(&b, src, (size_t)(m.src_end - src));
    finish(&m);
    luaL_pushresult(&b);
    lua_pushinteger(L, n);
    return 2;
}

void cps_pattern_open(lua_State *L)
{
    static const luaL_Reg fns[] = {{"find", str_find},
                                   {"match", str_match},
                                   {"gmatch", str_gmatch},
                                   {"gsub", str_gsub},
                                   {NULL, NULL}};
    lua_getglobal(L, "string");
    luaL_setfuncs(L, fns, 0);
    lua_pop(L, 1);
}
