/* deal_lua.c -- deals as Lua tables: read an agent's deal into a cp_deal, push a cp_deal as a table.
 *
 * The shape is { parties = {"USA", "AUS"}, term = 8, clauses = { { kind =
 * "offtake", from = "AUS", to = "USA", good = "light_oxide", tonnes_per_turn
 * = 500, price = 60 }, ... } }; the fields of each clause kind come from
 * cps_clause_specs (api_table.c). Reading only translates names and numbers:
 * whether the deal is allowed (amounts, parties, bans) is the core's call
 * (cp_world_check_deal), so its messages reach the agent unchanged. Every
 * read is raw (no metamethod of the agent's runs), because the host also
 * reads what on_proposal returned, outside the agent's metered call.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"
#include "api.h"
#include "suggest.h"
#include "view_internal.h"

/* ---- reading ------------------------------------------------------------------------ */

/* Push t[key] (raw) and return its type. */
static int raw_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

/* A nation's index from the string at the top of the stack, or -1. */
static int nation_at_top(lua_State *L)
{
    return lua_type(L, -1) == LUA_TSTRING ? cps_view_lookup(L, CPS_NAMES_NATIONS, -1) : -1;
}

static const char *type_or_text(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : luaL_typename(L, idx);
}

/* The clause fields every kind may carry, and those of 'spec'. */
static int field_allowed(const cps_clause_spec *spec, const char *key)
{
    if (!strcmp(key, "kind") || !strcmp(key, "from") || !strcmp(key, "to"))
        return 1;
    if (spec->good && !strcmp(key, "good"))
        return 1;
    if (spec->facility && !strcmp(key, "facility"))
        return 1;
    if (spec->amount && !strcmp(key, spec->amount))
        return 1;
    if (!strcmp(spec->kind, "offtake") && !strcmp(key, "price"))
        return 1;
    if (!strcmp(spec->kind, "coinvest") && !strcmp(key, "capacity_t_per_yr"))
        return 1;
    /* what view.deals() adds: a deal read from the view can be sent back */
    return !strcmp(key, "delivered_t") || !strcmp(key, "facility_id");
}

/* Refuse a clause field its kind does not have, naming a near one. When
 * there are several, the first in byte order is named, so the message does
 * not depend on the table's hash order (and nothing is allocated). */
static int check_fields(lua_State *L, int t, const cps_clause_spec *spec, int k, char *msg,
                        size_t len)
{
    const char *worst = NULL;
    int unnamed = 0;
    long long keys = 0;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        lua_pop(L, 1);
        /* a clause of a million fields is read in C: charged (sandbox.h) */
        if (++keys % 64 == 0)
            cps_sandbox_charge(L, 64);
        if (lua_type(L, -1) != LUA_TSTRING)
            unnamed = 1;
        else if (!field_allowed(spec, lua_tostring(L, -1)) &&
                 (!worst || strcmp(lua_tostring(L, -1), worst) < 0))
            worst = lua_tostring(L, -1); /* a key of 't': stays alive */
    }
    if (unnamed) {
        snprintf(msg, len, "clause %d (%s): fields are named: { kind = \"%s\", from = ..., to = "
                 "..., ... }", k, spec->kind, spec->kind);
        return -1;
    }
    if (!worst)
        return 0;
    const char *known[10];
    int n = 0;
    char list[200] = "";
    known[n++] = "kind", known[n++] = "from", known[n++] = "to";
    if (spec->good)
        known[n++] = "good";
    if (spec->facility)
        known[n++] = "facility";
    if (spec->amount)
        known[n++] = spec->amount;
    if (!strcmp(spec->kind, "offtake"))
        known[n++] = "price";
    if (!strcmp(spec->kind, "coinvest"))
        known[n++] = "capacity_t_per_yr";
    known[n] = NULL;
    for (int i = 0; i < n; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", known[i]);
    const char *near = cps_suggest(worst, known);
    if (near)
        snprintf(msg, len, "clause %d (%s): no field '%.60s' (did you mean '%s'?)", k, spec->kind,
                 worst, near);
    else
        snprintf(msg, len, "clause %d (%s): no field '%.60s' (its fields: %s)", k, spec->kind, worst,
                 list);
    return -1;
}

/* A number field: 'required' or 0 when absent. */
static int number_field(lua_State *L, int t, const char *key, int required, double *out, int k,
                        const char *kind, char *msg, size_t len)
{
    int ty = raw_field(L, t, key);
    *out = 0;
    if (ty == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return 0;
    }
    if (ty != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1))) {
        snprintf(msg, len, "clause %d (%s): %s must be a number, got %s", k, kind, key,
                 luaL_typename(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    *out = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return 0;
}

static int read_clause(lua_State *L, int t, int k, cp_clause *c, char *msg, size_t len)
{
    memset(c, 0, sizeof *c);
    c->good = -1;
    c->facility_kind = -1;
    c->facility = -1;
    if (lua_type(L, t) != LUA_TTABLE) {
        snprintf(msg, len, "clause %d: a table { kind = ..., from = ..., to = ... }, got %s", k,
                 luaL_typename(L, t));
        return -1;
    }
    raw_field(L, t, "kind");
    int kind = lua_type(L, -1) == LUA_TSTRING ? cp_clause_kind_from_name(lua_tostring(L, -1)) : -1;
    if (kind < 0) {
        snprintf(msg, len, "clause %d: unknown kind '%s' (tariff, licence, suspend, offtake, "
                 "coinvest, tech_transfer, stockpile or alliance)", k, type_or_text(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    lua_pop(L, 1);
    const cps_clause_spec *spec = &cps_clause_specs[kind];
    c->kind = (cp_clause_kind)kind;
    if (check_fields(L, t, spec, k, msg, len) != 0)
        return -1;
    static const char *const ends[2] = {"from", "to"};
    for (int e = 0; e < 2; e++) {
        raw_field(L, t, ends[e]);
        int n = nation_at_top(L);
        if (n < 0) {
            snprintf(msg, len, "clause %d (%s): %s: unknown nation '%s' (an ISO3 code)", k,
                     spec->kind, ends[e], type_or_text(L, -1));
            lua_pop(L, 1);
            return -1;
        }
        lua_pop(L, 1);
        if (e == 0)
            c->from = n;
        else
            c->to = n;
    }
    if (spec->good) {
        int ty = raw_field(L, t, "good");
        const char *g = ty == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (spec->good == 2 && (ty == LUA_TNIL || (g && !strcmp(g, "all"))))
            c->good = CP_ALL;
        else if ((c->good = g ? cps_view_lookup(L, CPS_NAMES_GOODS, -1) : -1) < 0) {
            snprintf(msg, len, "clause %d (%s): unknown good '%s' (ore, light_oxide, heavy_oxide, "
                     "magnet%s)", k, spec->kind, type_or_text(L, -1), spec->good == 2 ? " or all" : "");
            lua_pop(L, 1);
            return -1;
        }
        lua_pop(L, 1);
    }
    if (spec->facility) {
        raw_field(L, t, "facility");
        const char *f = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        c->facility_kind = f ? cp_facility_kind_from_name(f) : -1;
        if (c->facility_kind < 0) {
            snprintf(msg, len, "clause %d (%s): facility: unknown kind '%s' (mine, separation or "
                     "magnet_plant)", k, spec->kind, type_or_text(L, -1));
            lua_pop(L, 1);
            return -1;
        }
        lua_pop(L, 1);
    }
    if (spec->amount && number_field(L, t, spec->amount, 1, &c->amount, k, spec->kind, msg, len))
        return -1;
    if (c->kind == CP_CLAUSE_OFFTAKE &&
        number_field(L, t, "price", 0, &c->price_usd_per_kg, k, spec->kind, msg, len))
        return -1;
    if (c->kind == CP_CLAUSE_COINVEST &&
        number_field(L, t, "capacity_t_per_yr", 1, &c->capacity_t_per_yr, k, spec->kind, msg, len))
        return -1;
    return 0;
}

/* Is nation 'n' among the first 'count' parties? */
static int listed(const cp_deal *d, int n)
{
    for (int k = 0; k < d->party_count && k < CP_MAX_PARTIES; k++)
        if (d->parties[k] == n)
            return 1;
    return 0;
}

static void add_party(cp_deal *d, int n)
{
    if (!listed(d, n) && d->party_count < CP_MAX_PARTIES)
        d->parties[d->party_count++] = n;
}

/* Read the deal at 'idx' proposed by 'proposer' into 'd'. Counts beyond
 * what a cp_deal holds are passed on as counts, so that the core refuses
 * them with its own message. Returns 0, or -1 with a message. */
int cps_deal_read(lua_State *L, int idx, int proposer, cp_deal *d, char *msg, size_t len)
{
    idx = lua_absindex(L, idx);
    memset(d, 0, sizeof *d);
    d->proposer = proposer;
    d->breacher = -1;
    if (!lua_checkstack(L, 8)) {
        snprintf(msg, len, "deal: out of stack");
        return -1;
    }
    if (lua_type(L, idx) != LUA_TTABLE) {
        snprintf(msg, len, "deal: a table { parties = {...}, term = quarters, clauses = {...} }, "
                 "got %s", luaL_typename(L, idx));
        return -1;
    }
    int whole = 0;
    lua_Integer term = raw_field(L, idx, "term") == LUA_TNUMBER ? lua_tointegerx(L, -1, &whole) : 0;
    if (!whole) {
        snprintf(msg, len, "deal: term must be a whole number of quarters, got %s",
                 lua_type(L, -1) == LUA_TNUMBER ? "a fraction" : luaL_typename(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    d->term_turns = term < -1 ? -1 : term > 100000 ? 100000 : (int)term;
    lua_pop(L, 1);
    if (raw_field(L, idx, "clauses") != LUA_TTABLE) {
        snprintf(msg, len, "deal: clauses must be a list of clauses, got %s", luaL_typename(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    int clauses = lua_gettop(L);
    size_t n = lua_rawlen(L, clauses);
    d->clause_count = n > 1000 ? 1000 : (int)n;
    cps_sandbox_charge(L, 8 * (long long)(n < CP_MAX_CLAUSES ? n : CP_MAX_CLAUSES));
    for (size_t k = 1; k <= n && k <= CP_MAX_CLAUSES; k++) {
        lua_rawgeti(L, clauses, (lua_Integer)k);
        int rc = read_clause(L, lua_gettop(L), (int)k, &d->clauses[k - 1], msg, len);
        lua_pop(L, 1);
        if (rc != 0) {
            lua_pop(L, 1);
            return -1;
        }
    }
    lua_pop(L, 1);
    int ty = raw_field(L, idx, "parties");
    if (ty == LUA_TNIL) { /* the proposer and every nation a clause names */
        add_party(d, proposer);
        for (int k = 0; k < d->clause_count && k < CP_MAX_CLAUSES; k++) {
            add_party(d, d->clauses[k].from);
            add_party(d, d->clauses[k].to);
        }
    } else if (ty == LUA_TTABLE) {
        int parties = lua_gettop(L);
        size_t m = lua_rawlen(L, parties);
        d->party_count = m > 1000 ? 1000 : (int)m;
        for (size_t k = 1; k <= m && k <= CP_MAX_PARTIES; k++) {
            lua_rawgeti(L, parties, (lua_Integer)k);
            int p = nation_at_top(L);
            if (p < 0) {
                snprintf(msg, len, "deal: parties[%d]: unknown nation '%s' (an ISO3 code)", (int)k,
                         type_or_text(L, -1));
                lua_pop(L, 2);
                return -1;
            }
            d->parties[k - 1] = p;
            lua_pop(L, 1);
        }
    } else {
        snprintf(msg, len, "deal: parties must be a list of ISO3 codes, got %s", luaL_typename(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    lua_pop(L, 1);
    return 0;
}

/* ---- pushing -------------------------------------------------------------------------- */

static void set_iso(lua_State *L, const cp_world *w, const char *key, int n)
{
    if (!cp_world_nation(w, n))
        return;
    vw_push_iso3(L, n);
    lua_setfield(L, -2, key);
}

static void set_num(lua_State *L, const char *key, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

static void set_int(lua_State *L, const char *key, int v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, key);
}

static void push_clause(lua_State *L, const cp_world *w, const cp_deal *d, const cp_clause *c)
{
    const cps_clause_spec *spec = &cps_clause_specs[c->kind];
    lua_createtable(L, 0, 6);
    lua_pushstring(L, spec->kind);
    lua_setfield(L, -2, "kind");
    set_iso(L, w, "from", c->from);
    set_iso(L, w, "to", c->to);
    if (spec->good) {
        lua_pushstring(L, c->good == CP_ALL ? "all" : cp_good_name((cp_good)c->good));
        lua_setfield(L, -2, "good");
    }
    if (spec->facility) {
        lua_pushstring(L, cp_facility_kind_name((cp_facility_kind)c->facility_kind));
        lua_setfield(L, -2, "facility");
    }
    if (spec->amount)
        set_num(L, spec->amount, c->amount);
    if (c->kind == CP_CLAUSE_OFFTAKE)
        set_num(L, "price", c->price_usd_per_kg);
    if (c->kind == CP_CLAUSE_COINVEST)
        set_num(L, "capacity_t_per_yr", c->capacity_t_per_yr);
    if (d->status == CP_DEAL_ACTIVE || d->status == CP_DEAL_EXPIRED || d->status == CP_DEAL_BREACHED) {
        if (c->kind == CP_CLAUSE_OFFTAKE || c->kind == CP_CLAUSE_STOCKPILE)
            set_num(L, "delivered_t", c->delivered_t);
        if (c->kind == CP_CLAUSE_COINVEST && c->facility >= 0)
            set_int(L, "facility_id", c->facility);
    }
}

void cps_deal_push(lua_State *L, const cp_world *w, const cp_deal *d, int nation)
{
    char text[CP_TEXT_LEN];
    lua_createtable(L, 0, 14);
    set_int(L, "id", d->id);
    set_iso(L, w, "proposer", d->proposer);
    lua_createtable(L, d->party_count, 0);
    for (int k = 0; k < d->party_count; k++) {
        vw_push_iso3(L, d->parties[k]);
        lua_rawseti(L, -2, k + 1);
    }
    lua_setfield(L, -2, "parties");
    if (d->status == CP_DEAL_PROPOSED) { /* acceptances matter only while it is open */
        lua_createtable(L, 0, d->party_count);
        for (int k = 0; k < d->party_count; k++) {
            vw_push_iso3(L, d->parties[k]);
            lua_pushboolean(L, d->accepted[k]);
            lua_rawset(L, -3);
        }
        lua_setfield(L, -2, "accepted");
    }
    set_int(L, "term", d->term_turns);
    lua_createtable(L, d->clause_count, 0);
    for (int k = 0; k < d->clause_count; k++) {
        push_clause(L, w, d, &d->clauses[k]);
        lua_rawseti(L, -2, k + 1);
    }
    lua_setfield(L, -2, "clauses");
    lua_pushstring(L, cp_deal_status_name(d->status));
    lua_setfield(L, -2, "status");
    set_int(L, "revision", d->revision);
    set_int(L, "proposed_turn", d->proposed_turn);
    if (d->start_turn >= 0) {
        set_int(L, "start_turn", d->start_turn);
        set_int(L, "end_turn", d->end_turn);
    }
    set_iso(L, w, "breacher", d->breacher);
    set_num(L, "value_musd", cp_world_deal_value_musd(w, d, nation));
    vw_push_text(L, cp_deal_describe(w, d, text, sizeof text));
    lua_setfield(L, -2, "text");
}
