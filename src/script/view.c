/* view.c -- the read-only view of the world an agent receives: proxies served from the API table.
 *
 * Every object of the view (the view itself, nations, policies, facilities,
 * markets, the tables of numbers by good or sector) is a small userdata
 * that reads the live world when a field is asked for: nothing is copied
 * each turn, which keeps a turn of 24 agents cheap, and nothing can be
 * written (userdata have no raw fields; __newindex refuses). Field names,
 * types and visibility come from api_table.c. Proxies are made once and
 * cached, so after the first turn reading the view allocates nothing.
 * The lists (view.nations, ...) are in view_list.c, the functions
 * (view.flow, policy.tariff, history, ...) and view.constants in view_fn.c.
 */
#include <string.h>

#include <lauxlib.h>

#include "agent.h"
#include "api.h"
#include "script.h"
#include "suggest.h"
#include "view_internal.h"

/* The kind of proxy beyond the API classes: a table of numbers by name. */
enum { PX_VECTOR = 100 };

/* Where a proxy's data lives: a struct found by (root, index), plus an offset. */
enum { ROOT_NONE = 0, ROOT_NATION, ROOT_FACILITY, ROOT_MARKET };

typedef struct {
    int kind;      /* a cps_class_id or a PX_* */
    int root;      /* ROOT_* */
    int index;     /* nation index, facility id or good */
    int full;      /* 1: a nation's own agent (private fields readable) */
    int vtype;     /* for PX_VECTOR: the CPS_V_BY_* type */
    size_t offset; /* of this object within its root struct */
} proxy;

static const char PROXY_META[] = "chokepoint.view";
static const char NAMES_KEY = 0; /* registry: name -> index tables (see build_names) */
static const char META_KEY = 0;  /* registry: the proxies' metatable, by address */
/* lists of interned names in the names table */
enum { LIST_ISO3 = -10, LIST_KINDS = -11, LIST_STAGES = -12 };
static const char CACHE_KEY = 0; /* registry: canonical proxies by root and index */

const cp_world *vw_world(lua_State *L) { return cps_agent_of(L)->world; }

static const char *root_base(lua_State *L, const proxy *p)
{
    const cp_world *w = vw_world(L);
    switch (p->root) {
    case ROOT_NATION: return (const char *)cp_world_nation(w, p->index);
    case ROOT_FACILITY: return (const char *)cp_world_facility(w, p->index);
    case ROOT_MARKET: return (const char *)cp_world_market(w, (cp_good)p->index);
    default: return NULL;
    }
}

static proxy *new_proxy(lua_State *L, int kind, int root, int index, int full, size_t offset)
{
    proxy *p = lua_newuserdatauv(L, sizeof *p, 1);
    p->kind = kind;
    p->root = root;
    p->index = index;
    p->full = full;
    p->vtype = 0;
    p->offset = offset;
    luaL_setmetatable(L, PROXY_META);
    return p;
}

/* The cache table of the proxy at 'idx' (its user value), created on demand. */
static void push_cache(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_getiuservalue(L, idx, 1) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setiuservalue(L, idx, 1);
    }
}

/* Canonical proxies for nations, facilities and markets live in one registry
 * table, keyed by kind * 1000 + index, so view.me, view.nations.CHN and
 * view.nation("CHN") are the same object. */
void vw_push_canonical(lua_State *L, int kind, int index)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &CACHE_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &CACHE_KEY);
    }
    lua_Integer key = (lua_Integer)kind * 1000 + index;
    if (lua_rawgeti(L, -1, key) != LUA_TNIL) {
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 1);
    cps_agent *a = cps_agent_of(L);
    switch (kind) {
    case CPS_CLS_NATION: new_proxy(L, kind, ROOT_NATION, index, index == a->nation, 0); break;
    case CPS_CLS_FACILITY: new_proxy(L, kind, ROOT_FACILITY, index, 0, 0); break;
    case CPS_CLS_MARKET: new_proxy(L, kind, ROOT_MARKET, index, 0, 0); break;
    default: new_proxy(L, kind, ROOT_NONE, index, 0, 0); break;
    }
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, key);
    lua_remove(L, -2);
}

/* ---- names as arguments ------------------------------------------------------ */


/* Name tables, built once per agent: registry[NAMES_KEY][CPS_NAMES_NATIONS]
 * maps ISO3 to nation index, [CPS_NAMES_GOODS] good names to goods, and
 * [cls] the field names of each class served by proxies to field indices. A hash lookup instead of
 * a string comparison per candidate keeps reading the view cheap. */
static void build_names(lua_State *L)
{
    const cp_world *w = vw_world(L);
    lua_newtable(L);
    lua_createtable(L, 0, cp_world_nation_count(w)); /* sized: no rehash while filling */
    for (int i = 0; i < cp_world_nation_count(w); i++) {
        lua_pushinteger(L, i);
        lua_setfield(L, -2, cp_world_nation(w, i)->iso3);
    }
    lua_rawseti(L, -2, CPS_NAMES_NATIONS);
    lua_createtable(L, 0, CP_GOOD_COUNT);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        lua_pushinteger(L, g);
        lua_setfield(L, -2, cp_good_name((cp_good)g));
    }
    lua_rawseti(L, -2, CPS_NAMES_GOODS);
    static const int vtypes[] = {CPS_V_BY_SECTOR, CPS_V_BY_KIND, CPS_V_BY_STAGE_INT};
    static const int which[] = {CPS_NAMES_SECTORS, CPS_NAMES_KINDS, CPS_NAMES_STAGES};
    for (int v = 0; v < 3; v++) {
        lua_createtable(L, 0, vw_vector_count(vtypes[v]));
        for (int i = 0; i < vw_vector_count(vtypes[v]); i++) {
            lua_pushinteger(L, i);
            lua_setfield(L, -2, vw_vector_name(vtypes[v], i));
        }
        lua_rawseti(L, -2, which[v]);
    }
    /* index -> interned name, to push names without hashing them again */
    lua_createtable(L, cp_world_nation_count(w), 0);
    for (int i = 0; i < cp_world_nation_count(w); i++) {
        lua_pushstring(L, cp_world_nation(w, i)->iso3);
        lua_rawseti(L, -2, i + 1);
    }
    lua_rawseti(L, -2, LIST_ISO3);
    lua_createtable(L, CP_FAC_KIND_COUNT, 0);
    for (int i = 0; i < CP_FAC_KIND_COUNT; i++) {
        lua_pushstring(L, cp_facility_kind_name((cp_facility_kind)i));
        lua_rawseti(L, -2, i + 1);
    }
    lua_rawseti(L, -2, LIST_KINDS);
    lua_createtable(L, CP_STAGE_COUNT, 0);
    for (int i = 0; i < CP_STAGE_COUNT; i++) {
        lua_pushstring(L, cp_stage_name((cp_stage)i));
        lua_rawseti(L, -2, i + 1);
    }
    lua_rawseti(L, -2, LIST_STAGES);
    /* field names of the classes served by proxies (CPS_CLS_VIEW up to
     * CPS_CLS_HISTORY); the others (rows, news, constants, deals) are plain
     * tables and need none */
    for (int k = CPS_CLS_VIEW; k <= CPS_CLS_HISTORY; k++) {
        const cps_class *c = &cps_classes[k];
        lua_createtable(L, 0, c->nfields);
        for (int f = 0; f < c->nfields; f++) {
            lua_pushinteger(L, f);
            lua_setfield(L, -2, c->fields[f].name);
        }
        lua_rawseti(L, -2, k);
    }
    lua_rawsetp(L, LUA_REGISTRYINDEX, &NAMES_KEY);
}

/* Push name 'i' of list 'list' (LIST_*), or nil. */
static void push_name(lua_State *L, int list, int i)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &NAMES_KEY);
    lua_rawgeti(L, -1, list);
    lua_rawgeti(L, -1, (lua_Integer)i + 1);
    lua_replace(L, -3);
    lua_pop(L, 1);
}

void vw_push_iso3(lua_State *L, int nation)
{
    push_name(L, LIST_ISO3, nation);
}

/* cps_view_lookup for __index, whose upvalue 1 is the name tables and
 * upvalues 2.. the field-name tables of the proxied classes, in class
 * order (read straight from an upvalue: a field read is the hot path). */
static int lookup_up(lua_State *L, int which, int arg)
{
    if (lua_type(L, arg) != LUA_TSTRING)
        return -1;
    if (which >= CPS_CLS_VIEW && which <= CPS_CLS_HISTORY) {
        lua_pushvalue(L, arg);
        int found = lua_rawget(L, lua_upvalueindex(2 + which - CPS_CLS_VIEW)) == LUA_TNUMBER;
        int v = found ? (int)lua_tointeger(L, -1) : -1;
        lua_pop(L, 1);
        return v;
    }
    if (lua_rawgeti(L, lua_upvalueindex(1), which) != LUA_TTABLE) { /* not a proxied class */
        lua_pop(L, 1);
        return -1;
    }
    lua_pushvalue(L, arg);
    int found = lua_rawget(L, -2) == LUA_TNUMBER;
    int v = found ? (int)lua_tointeger(L, -1) : -1;
    lua_pop(L, 2);
    return v;
}

int cps_view_lookup(lua_State *L, int which, int arg)
{
    if (lua_type(L, arg) != LUA_TSTRING)
        return -1;
    arg = lua_absindex(L, arg);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &NAMES_KEY);
    if (lua_rawgeti(L, -1, which) != LUA_TTABLE) {
        lua_pop(L, 2);
        return -1;
    }
    lua_pushvalue(L, arg);
    int found = lua_rawget(L, -2) == LUA_TNUMBER;
    int v = found ? (int)lua_tointeger(L, -1) : -1;
    lua_pop(L, 3);
    return v;
}

int vw_check_nation(lua_State *L, int arg)
{
    const char *iso = luaL_checkstring(L, arg);
    int i = cps_view_lookup(L, CPS_NAMES_NATIONS, arg);
    if (i < 0)
        luaL_error(L, "unknown nation '%s'", iso);
    return i;
}

int vw_check_good(lua_State *L, int arg)
{
    const char *name = luaL_checkstring(L, arg);
    int g = cps_view_lookup(L, CPS_NAMES_GOODS, arg);
    if (g < 0)
        luaL_error(L, "unknown good '%s' (ore, light_oxide, heavy_oxide, magnet)", name);
    return g;
}

/* Is the value at 'idx' one of our proxies? (A metatable comparison: no
 * string lookup, unlike luaL_testudata.) */
static int is_proxy(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx))
        return 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &META_KEY);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same;
}

/* Allow both view.f(x) and view:f(x): skip a first argument that is a proxy. */
int vw_first_arg(lua_State *L)
{
    return is_proxy(L, 1) ? 2 : 1;
}

/* ---- vectors ----------------------------------------------------------------- */

int vw_vector_count(int vtype)
{
    switch (vtype) {
    case CPS_V_BY_GOOD: return CP_GOOD_COUNT;
    case CPS_V_BY_SECTOR:
    case CPS_V_SECTOR_GOOD: return CP_SECTOR_COUNT;
    case CPS_V_BY_KIND: return CP_FAC_KIND_COUNT;
    case CPS_V_BY_STAGE_INT: return CP_STAGE_COUNT;
    default: return 0;
    }
}

const char *vw_vector_name(int vtype, int i)
{
    switch (vtype) {
    case CPS_V_BY_GOOD: return cp_good_name((cp_good)i);
    case CPS_V_BY_SECTOR:
    case CPS_V_SECTOR_GOOD: return cp_sector_name((cp_sector)i);
    case CPS_V_BY_KIND: return cp_facility_kind_name((cp_facility_kind)i);
    case CPS_V_BY_STAGE_INT: return cp_stage_name((cp_stage)i);
    default: return "?";
    }
}

static int vector_names(int vtype)
{
    switch (vtype) {
    case CPS_V_BY_GOOD: return CPS_NAMES_GOODS;
    case CPS_V_BY_SECTOR:
    case CPS_V_SECTOR_GOOD: return CPS_NAMES_SECTORS;
    case CPS_V_BY_KIND: return CPS_NAMES_KINDS;
    default: return CPS_NAMES_STAGES;
    }
}

/* Push element 'i' of the vector proxy at 'idx'. */
static void push_vector_item(lua_State *L, int idx, const proxy *p, int i)
{
    const char *base = root_base(L, p);
    if (!base) {
        lua_pushnil(L);
        return;
    }
    switch (p->vtype) {
    case CPS_V_BY_STAGE_INT:
        lua_pushinteger(L, ((const int *)(base + p->offset))[i]);
        return;
    case CPS_V_SECTOR_GOOD: {
        push_cache(L, idx);
        if (lua_rawgeti(L, -1, i + 1) == LUA_TNIL) {
            lua_pop(L, 1);
            proxy *q = new_proxy(L, PX_VECTOR, p->root, p->index, p->full,
                                 p->offset + (size_t)i * CP_GOOD_COUNT * sizeof(double));
            q->vtype = CPS_V_BY_GOOD;
            lua_pushvalue(L, -1);
            lua_rawseti(L, -3, i + 1);
        }
        lua_remove(L, -2);
        return;
    }
    default:
        lua_pushnumber(L, ((const double *)(base + p->offset))[i]);
        return;
    }
}

/* ---- fields -------------------------------------------------------------------- */


/* Push the value of field 'f' (number 'fi' of its class) of the proxy at
 * 'idx'. Sub-objects and functions are cached in the proxy under fi + 1. */
static void push_field(lua_State *L, int idx, const proxy *p, const cps_field *f, int fi)
{
    const cp_world *w = vw_world(L);
    cps_agent *a = cps_agent_of(L);
    if (f->type == CPS_V_SPECIAL) {
        int year, quarter;
        char buf[16];
        switch ((int)f->offset) {
        case CPS_SPECIAL_TURN: lua_pushinteger(L, cp_world_turn(w)); return;
        case CPS_SPECIAL_DATE: lua_pushstring(L, cp_world_date_text(w, cp_world_turn(w), buf, sizeof buf)); return;
        case CPS_SPECIAL_YEAR:
        case CPS_SPECIAL_QUARTER:
            cp_world_date(w, cp_world_turn(w), &year, &quarter);
            lua_pushinteger(L, f->offset == CPS_SPECIAL_YEAR ? year : quarter);
            return;
        case CPS_SPECIAL_TURNS: /* the game's real length: sim --turns, a game lengthened after a load */
            lua_pushinteger(L, a->opts.last_turn > 0 ? a->opts.last_turn : cp_world_scenario(w)->default_turns);
            return;
        case CPS_SPECIAL_DIFFICULTY:
            lua_pushstring(L, cps_difficulty_name((cps_difficulty)a->opts.difficulty));
            return;
        case CPS_SPECIAL_ISO3: push_name(L, LIST_ISO3, a->nation); return;
        case CPS_SPECIAL_ME: vw_push_canonical(L, CPS_CLS_NATION, a->nation); return;
        case CPS_SPECIAL_NATIONS: vw_push_list(L, LIST_NATIONS); return;
        case CPS_SPECIAL_MARKETS: vw_push_list(L, LIST_MARKETS); return;
        case CPS_SPECIAL_FACILITIES: vw_push_list(L, LIST_FACILITIES); return;
        case CPS_SPECIAL_HISTORY: vw_push_canonical(L, CPS_CLS_HISTORY, 0); return;
        case CPS_SPECIAL_CONSTANTS: vw_push_constants(L); return;
        case CPS_SPECIAL_SCORE_PARTS:
            if (!vw_push_score_parts(L, p->index, cp_world_turn(w)))
                lua_pushnil(L);
            return;
        default: lua_pushnil(L); return;
        }
    }
    if (f->type == CPS_V_FUNCTION) {
        /* a closure remembering the function code and the proxy's nation */
        push_cache(L, idx);
        if (lua_rawgeti(L, -1, fi + 1) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushinteger(L, (lua_Integer)f->offset);
            lua_pushinteger(L, p->index);
            lua_pushcclosure(L, vw_fn_call, 2);
            lua_pushvalue(L, -1);
            lua_rawseti(L, -3, fi + 1);
        }
        lua_remove(L, -2);
        return;
    }
    const char *base = root_base(L, p);
    if (!base) {
        lua_pushnil(L);
        return;
    }
    const char *at = base + p->offset + f->offset;
    switch (f->type) {
    case CPS_V_NUMBER: lua_pushnumber(L, *(const double *)at); return;
    case CPS_V_INT: lua_pushinteger(L, *(const int *)at); return;
    case CPS_V_BOOL: lua_pushboolean(L, *(const int *)at != 0); return;
    case CPS_V_STRING:
        /* a nation's code, read in every loop over nations: the interned name */
        if (p->root == ROOT_NATION && p->offset == 0 && f->offset == offsetof(cp_nation, iso3))
            push_name(L, LIST_ISO3, p->index);
        else
            lua_pushlstring(L, at, strlen(at)); /* not lua_pushstring: see vw_push_text */
        return;
    case CPS_V_NATION_REF: push_name(L, LIST_ISO3, *(const int *)at); return;
    case CPS_V_KIND: push_name(L, LIST_KINDS, *(const int *)at); return;
    case CPS_V_STAGE: push_name(L, LIST_STAGES, *(const int *)at); return;
    default: break;
    }
    /* objects and vectors: a cached sub-proxy */
    push_cache(L, idx);
    if (lua_rawgeti(L, -1, fi + 1) == LUA_TNIL) {
        lua_pop(L, 1);
        if (f->type == CPS_V_OBJECT) {
            new_proxy(L, (int)f->cls, p->root, p->index, p->full, p->offset + f->offset);
        } else {
            proxy *q = new_proxy(L, PX_VECTOR, p->root, p->index, p->full, p->offset + f->offset);
            q->vtype = (int)f->type;
        }
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, fi + 1);
    }
    lua_remove(L, -2);
}

static int readable(const proxy *p, const cps_field *f)
{
    return f->visibility == CPS_PUBLIC || p->full;
}

static void no_field(lua_State *L, const char *cls, const char *key, const cps_class *c)
{
    const char *names[64];
    int n = 0;
    for (int i = 0; c && i < c->nfields && n < 63; i++)
        names[n++] = c->fields[i].name;
    names[n] = NULL;
    const char *near = c ? cps_suggest(key, names) : NULL;
    if (near)
        luaL_error(L, "%s has no field '%s' (did you mean '%s'?)", cls, key, near);
    luaL_error(L, "%s has no field '%s'", cls, key);
}

/* Field 'key' (a string at stack index 2, read only for error messages:
 * the hot path never converts it) of the proxy at 'idx'. */
static int class_index(lua_State *L, int idx, const proxy *p)
{
    const cps_class *c = &cps_classes[p->kind];
    int fi = lookup_up(L, p->kind, 2);
    if (fi < 0)
        no_field(L, c->name, lua_tostring(L, 2), c);
    const cps_field *f = &c->fields[fi];
    if (!readable(p, f))
        luaL_error(L, "%s of %s is private: only that nation's own agent can read it (view.me)",
                   lua_tostring(L, 2), cp_world_nation(vw_world(L), p->index)->iso3);
    push_field(L, idx, p, f, fi);
    return 1;
}

/* ---- metamethods ------------------------------------------------------------------ */

/* The metamethods are reachable only through the proxies' metatable, which
 * agents cannot get (__metatable), so argument 1 is always a proxy. */
static int px_index(lua_State *L)
{
    proxy *p = lua_touserdata(L, 1);
    cps_sandbox_charge(L, 1); /* a C call on top of the instruction that asked */
    switch (p->kind) {
    case PX_VECTOR: {
        int i = lookup_up(L, vector_names(p->vtype), 2);
        if (i < 0) {
            const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
            const char *names[16];
            int n = vw_vector_count(p->vtype);
            for (int k = 0; k < n; k++)
                names[k] = vw_vector_name(p->vtype, k);
            names[n] = NULL;
            const char *near = key ? cps_suggest(key, names) : NULL;
            return luaL_error(L, "no entry '%s' here (entries: %s, %s, ...)%s%s%s",
                              key ? key : luaL_typename(L, 2), names[0], names[1],
                              near ? " -- did you mean '" : "", near ? near : "", near ? "'?" : "");
        }
        push_vector_item(L, 1, p, i);
        return 1;
    }
    default:
        if (lua_type(L, 2) != LUA_TSTRING)
            return luaL_error(L, "%s fields are named by strings", cps_classes[p->kind].name);
        return class_index(L, 1, p);
    }
}

static int px_newindex(lua_State *L)
{
    return luaL_error(L, "the view is read-only (change the world through act.* functions)");
}

static int px_len(lua_State *L)
{
    proxy *p = lua_touserdata(L, 1);
    switch (p->kind) {
    case PX_VECTOR: lua_pushinteger(L, vw_vector_count(p->vtype)); break;
    default: lua_pushinteger(L, 0); break;
    }
    return 1;
}

static int px_tostring(lua_State *L)
{
    proxy *p = lua_touserdata(L, 1);
    const cp_world *w = vw_world(L);
    switch (p->kind) {
    case CPS_CLS_NATION: lua_pushfstring(L, "Nation %s", cp_world_nation(w, p->index)->iso3); break;
    case CPS_CLS_FACILITY: {
        const cp_facility *f = cp_world_facility(w, p->index);
        lua_pushfstring(L, "Facility %d (%s)", p->index, f ? f->name : "?");
        break;
    }
    case CPS_CLS_MARKET: lua_pushfstring(L, "Market %s", cp_good_name((cp_good)p->index)); break;
    case PX_VECTOR: lua_pushliteral(L, "table of numbers (read-only)"); break;
    default: lua_pushstring(L, cps_classes[p->kind].name); break;
    }
    return 1;
}

/* pairs over a proxy: fields in API order (readable ones only), vector
 * entries in name order. Upvalue 1 is the position. */
static int px_next(lua_State *L)
{
    if (!is_proxy(L, 1))
        return luaL_error(L, "bad argument to a view iterator");
    proxy *p = lua_touserdata(L, 1);
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(1));
    cps_sandbox_charge(L, 1);
    for (;;) {
        pos++;
        lua_pushinteger(L, pos);
        lua_replace(L, lua_upvalueindex(1));
        switch (p->kind) {
        case PX_VECTOR:
            if (pos > vw_vector_count(p->vtype))
                return 0;
            lua_pushstring(L, vw_vector_name(p->vtype, (int)pos - 1));
            push_vector_item(L, 1, p, (int)pos - 1);
            return 2;
        default: {
            const cps_class *c = &cps_classes[p->kind];
            if (pos > c->nfields)
                return 0;
            const cps_field *f = &c->fields[pos - 1];
            if (!readable(p, f))
                continue;
            lua_pushstring(L, f->name);
            push_field(L, 1, p, f, (int)pos - 1);
            return 2;
        }
        }
    }
}

static int px_pairs(lua_State *L)
{
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, px_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* ---- the view --------------------------------------------------------------------------- */

void cps_view_push(lua_State *L)
{
    build_names(L);
    if (luaL_newmetatable(L, PROXY_META)) {
        static const luaL_Reg meta[] = {{"__newindex", px_newindex}, {"__len", px_len},
                                        {"__tostring", px_tostring}, {"__pairs", px_pairs},
                                        {NULL, NULL}};
        luaL_setfuncs(L, meta, 0);
        lua_rawgetp(L, LUA_REGISTRYINDEX, &NAMES_KEY);
        for (int k = CPS_CLS_VIEW; k <= CPS_CLS_HISTORY; k++)
            lua_rawgeti(L, -1 - (k - CPS_CLS_VIEW), k);
        lua_pushcclosure(L, px_index, 1 + CPS_CLS_HISTORY - CPS_CLS_VIEW + 1);
        lua_setfield(L, -2, "__index");
        lua_pushliteral(L, "the view is read-only");
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &META_KEY);
    }
    lua_pop(L, 1);
    vw_strict_init(L);
    /* the lists and the constants are tables: made now, not when first read,
     * so that they are older than anything the agent makes in any game,
     * saved and loaded or not (pairs orders tables by age) */
    for (int which = LIST_NATIONS; which <= LIST_MARKETS; which++) {
        vw_push_list(L, which);
        lua_pop(L, 1);
    }
    vw_push_constants(L);
    lua_pop(L, 1);
    vw_push_canonical(L, CPS_CLS_VIEW, 0);
}

/* The number of a proxy or a view function by what it is (kind, root,
 * index, offset, vector type; function code and owner), for pairs' order
 * (sandbox.h: stable_serial). 0 for anything else. */
uint64_t cps_view_stable_serial(lua_State *L, int idx)
{
    if (is_proxy(L, idx)) {
        const proxy *p = lua_touserdata(L, idx);
        uint64_t id = ((uint64_t)(p->kind & 0x7f) << 53) | ((uint64_t)(p->root & 3) << 51) |
                      ((uint64_t)(p->index & 0xfffff) << 31) |
                      ((uint64_t)(p->offset & 0xfffffff) << 3) | (uint64_t)(p->vtype & 7);
        return CPS_STABLE_SERIAL + id;
    }
    if (lua_type(L, idx) == LUA_TFUNCTION && lua_tocfunction(L, idx) == vw_fn_call &&
        lua_getupvalue(L, idx, 1)) {
        lua_Integer code = lua_tointeger(L, -1);
        lua_pop(L, 1);
        lua_getupvalue(L, idx, 2);
        lua_Integer owner = lua_tointeger(L, -1);
        lua_pop(L, 1);
        return CPS_STABLE_SERIAL + ((uint64_t)1 << 60) + ((uint64_t)(code & 0xffff) << 20) +
               (uint64_t)(owner & 0xfffff);
    }
    return 0;
}

int cps_view_facility_id(lua_State *L, int idx)
{
    if (!is_proxy(L, idx))
        return -1;
    proxy *p = lua_touserdata(L, idx);
    return p->kind == CPS_CLS_FACILITY ? p->index : -1;
}
