/* view_forecast.c -- view.forecast(orders [, quarters]): "what if" for agents.
 *
 * The core plays the forecast (cp_world_forecast: a copy of the world, the
 * agent's nation's queued orders and the ones given here, everyone else
 * holding still); this file only reads the order tables, charges the agent
 * for the work and turns the figures into a fresh table. An order table
 * names its kind and its parameters as act's function takes them,
 *
 *   { order = "set_tariff", good = "magnet", origin = "CHN", rate = 0.25 }
 *
 * (or by their generic names, partner and amount, as scenario files may),
 * and is read by act's own reader (cps_act_parse_args), so a bad order gets
 * the message act would give. A bad argument is a Lua error naming it; an
 * order the core refuses is reported in the result's 'refused' list and the
 * rest still play, as in a real turn.
 *
 * Cost. A forecast is real work in C, which the instruction count hook
 * never sees, so it is charged up front (before any of it is done: an
 * agent that cannot pay is stopped without the host doing it):
 * FORECAST_QUARTER_INSTRUCTIONS a quarter played, and as much again for
 * copying the world. The figure is a forecast quarter's C time in VM
 * instructions' worth, measured (docs/benchmarks.md): with the default
 * budget of 2,000,000 an agent affords about four 4-quarter forecasts a
 * turn besides its own work, and one that calls it in a loop runs out of
 * budget and fails that turn, as any agent that loops does.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"
#include "api.h"
#include "order_spec.h"
#include "view_internal.h"

/* What a default forecast plays when 'quarters' is left out: a year. */
enum { FORECAST_DEFAULT_QUARTERS = 4 };

static void set_num(lua_State *L, const char *key, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

/* A fresh strict table of numbers by good. */
static void push_by_good(lua_State *L, const double v[CP_GOOD_COUNT])
{
    lua_createtable(L, 0, CP_GOOD_COUNT);
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        set_num(L, cp_good_name((cp_good)g), v[g]);
    vw_strict_vector(L, -1, CPS_V_BY_GOOD);
}

/* A fresh table of the four parts (0..100) and 'total'. */
static void push_parts(lua_State *L, const double part[CP_PART_COUNT], double total)
{
    lua_createtable(L, 0, CP_PART_COUNT + 1);
    for (int p = 0; p < CP_PART_COUNT; p++)
        set_num(L, cp_score_part_name((cp_score_part)p), part[p]);
    set_num(L, "total", total);
}

/* The score at the forecast's end, shaped as view.score_parts gives it. */
static void push_score(lua_State *L, const cp_score_parts *s)
{
    push_parts(L, s->part, s->total);
    lua_createtable(L, 0, CP_PART_COUNT);
    for (int p = 0; p < CP_PART_COUNT; p++)
        set_num(L, cp_score_part_name((cp_score_part)p), s->quarter[p]);
    vw_strict_parts(L, -1);
    lua_setfield(L, -2, "quarter");
    lua_createtable(L, 0, CP_PART_COUNT);
    for (int p = 0; p < CP_PART_COUNT; p++)
        set_num(L, cp_score_part_name((cp_score_part)p), s->weight[p]);
    vw_strict_parts(L, -1);
    lua_setfield(L, -2, "weights");
    vw_strict(L, -1, CPS_CLS_SCORE_PARTS, 1);
}

/* Is 'key' a name order table 'spec' may hold: "order", a parameter's name
 * or its generic field name? */
static int known_key(const cps_order_spec *spec, const char *key)
{
    if (strcmp(key, "order") == 0)
        return 1;
    for (int i = 0; i < spec->nparams; i++)
        if (strcmp(key, spec->params[i].name) == 0 ||
            strcmp(key, cps_order_field_name(spec->params[i].field)) == 0)
            return 1;
    return 0;
}

/* "good, origin (or partner), rate (or amount)": what 'spec' takes. */
static void param_list(const cps_order_spec *spec, char *out, size_t len)
{
    size_t at = 0;
    out[0] = '\0';
    for (int i = 0; i < spec->nparams && at < len; i++) {
        const char *generic = cps_order_field_name(spec->params[i].field);
        int n = strcmp(generic, spec->params[i].name) != 0
                    ? snprintf(out + at, len - at, "%s%s (or %s)", i ? ", " : "",
                               spec->params[i].name, generic)
                    : snprintf(out + at, len - at, "%s%s", i ? ", " : "", spec->params[i].name);
        if (n < 0)
            break;
        at += (size_t)n;
    }
}

/* Read order table 'k' (1-based) at stack index 't' into 'o', or raise a
 * Lua error naming the order and what is wrong with it. Unknown fields are
 * named in byte order of their names (a table's traversal order is no
 * order at all), the first of them. */
static void read_order(lua_State *L, int t, int k, int nation, cp_order *o)
{
    if (lua_type(L, t) != LUA_TTABLE)
        luaL_error(L, "forecast: order %d must be a table { order = \"set_tariff\", ... }, got %s",
                   k, luaL_typename(L, t));
    if (lua_getfield(L, t, "order") != LUA_TSTRING)
        luaL_error(L, "forecast: order %d: field 'order' must name the order kind (\"set_tariff\", "
                   "view.constants.order_kinds lists them), got %s", k, luaL_typename(L, -1));
    int kind = cp_order_kind_from_name(lua_tostring(L, -1));
    if (kind < 0)
        luaL_error(L, "forecast: order %d: unknown order '%s' (view.constants.order_kinds lists "
                   "them)", k, lua_tostring(L, -1));
    lua_pop(L, 1);
    const cps_order_spec *spec = &cps_order_specs[kind];

    /* every field must be one the order takes: a misspelt one would
     * otherwise be a parameter silently left at its default */
    char unknown[64] = "";
    int bad_key = 0;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            bad_key = 1;
            continue;
        }
        const char *key = lua_tostring(L, -1);
        if (!known_key(spec, key) && (!unknown[0] || strcmp(key, unknown) < 0))
            snprintf(unknown, sizeof unknown, "%s", key);
    }
    if (unknown[0] || bad_key) {
        char takes[CP_TEXT_LEN];
        param_list(spec, takes, sizeof takes);
        luaL_error(L, "forecast: order %d (%s): %s%s%s; it takes %s", k, spec->name,
                   unknown[0] ? "unknown field '" : "a field whose name is not a string",
                   unknown[0] ? unknown : "", unknown[0] ? "'" : "", takes);
    }

    /* the parameters in act's order, by name or generic name, then act's reader */
    int first = lua_gettop(L) + 1;
    for (int i = 0; i < spec->nparams; i++) {
        const cps_param *p = &spec->params[i];
        const char *generic = cps_order_field_name(p->field);
        int by_name = lua_getfield(L, t, p->name) != LUA_TNIL;
        if (strcmp(generic, p->name) != 0) {
            int by_generic = lua_getfield(L, t, generic) != LUA_TNIL;
            if (by_name && by_generic)
                luaL_error(L, "forecast: order %d (%s): give either '%s' or '%s', not both", k,
                           spec->name, p->name, generic);
            if (by_name)
                lua_pop(L, 1);
            else
                lua_remove(L, -2);
        }
    }
    cp_order_init(o, (cp_order_kind)kind, nation);
    char msg[CP_TEXT_LEN + 64];
    if (cps_act_parse_args(L, first, spec, o, msg, sizeof msg) != 0)
        luaL_error(L, "forecast: order %d: %s", k, msg);
    lua_settop(L, first - 1);
}

/* 'quarters' at 'arg': a whole number 1..CP_FORECAST_MAX_QUARTERS, default
 * FORECAST_DEFAULT_QUARTERS; anything else (0, -1, 1e9, NaN, "4") is an
 * error that names it. */
static int check_quarters(lua_State *L, int arg)
{
    if (lua_isnoneornil(L, arg))
        return FORECAST_DEFAULT_QUARTERS;
    double q = lua_type(L, arg) == LUA_TNUMBER ? lua_tonumber(L, arg) : NAN;
    if (lua_type(L, arg) != LUA_TNUMBER)
        luaL_error(L, "forecast: quarters must be a whole number 1 to %d, got %s",
                   CP_FORECAST_MAX_QUARTERS, luaL_typename(L, arg));
    if (!(q >= 1 && q <= CP_FORECAST_MAX_QUARTERS) || q != floor(q))
        luaL_error(L, "forecast: quarters must be a whole number 1 to %d, got %s",
                   CP_FORECAST_MAX_QUARTERS, lua_tostring(L, arg));
    return (int)q;
}

/* The result: a fresh strict Forecast table. */
static void push_forecast(lua_State *L, const cp_forecast *f, const cp_order *orders)
{
    lua_createtable(L, 0, 14);
    lua_pushinteger(L, f->quarters);
    lua_setfield(L, -2, "quarters");
    lua_pushinteger(L, f->from_turn);
    lua_setfield(L, -2, "from_turn");
    lua_pushinteger(L, f->to_turn);
    lua_setfield(L, -2, "to_turn");
    push_score(L, &f->score);
    lua_setfield(L, -2, "score");
    push_parts(L, f->window, f->window_total);
    vw_strict_parts(L, -1);
    lua_setfield(L, -2, "window");
    push_by_good(L, f->price_usd_per_kg);
    lua_setfield(L, -2, "prices");
    push_by_good(L, f->paid_usd_per_kg);
    lua_setfield(L, -2, "paid");
    push_by_good(L, f->shortage_share);
    lua_setfield(L, -2, "shortage");
    set_num(L, "treasury_musd", f->treasury_musd);
    set_num(L, "gdp_busd_per_yr", f->gdp_busd_per_yr);
    set_num(L, "gdp_loss_busd", f->gdp_loss_busd);
    push_by_good(L, f->stockpile_t);
    lua_setfield(L, -2, "stockpile_t");
    lua_createtable(L, f->refused_count, 0);
    for (int k = 0; k < f->refused_count; k++) {
        const cp_forecast_refusal *r = &f->refused[k];
        lua_createtable(L, 0, 4);
        lua_pushinteger(L, r->index + 1);
        lua_setfield(L, -2, "index");
        lua_pushstring(L, cp_order_kind_name(orders[r->index].kind));
        lua_setfield(L, -2, "order");
        lua_pushboolean(L, r->at_turn_end);
        lua_setfield(L, -2, "at_turn_end");
        vw_push_text(L, r->error.message);
        lua_setfield(L, -2, "message");
        vw_strict(L, -1, CPS_CLS_FORECAST_REFUSAL, 1);
        lua_rawseti(L, -2, k + 1);
    }
    lua_setfield(L, -2, "refused");
    vw_strict(L, -1, CPS_CLS_FORECAST, 1);
}

int vw_forecast(lua_State *L, int arg)
{
    cps_agent *a = cps_agent_of(L);
    if (!cps_sandbox_of(L)->in_call)
        return luaL_error(L, "forecast: only inside the agent's own calls (turn, init, "
                          "on_proposal)");
    if (lua_type(L, arg) != LUA_TTABLE)
        return luaL_error(L, "forecast: argument 1 (orders) must be a list of order tables ({} "
                          "for none), got %s", luaL_typename(L, arg));
    int quarters = check_quarters(L, arg + 1);
    lua_Unsigned n = lua_rawlen(L, arg);
    if (n > CP_FORECAST_MAX_ORDERS)
        return luaL_error(L, "forecast: at most %d orders, got %d", CP_FORECAST_MAX_ORDERS,
                          n > 1000000000u ? 1000000000 : (int)n);
    /* read every order before any work is charged or done */
    cp_order orders[CP_FORECAST_MAX_ORDERS];
    for (int k = 1; k <= (int)n; k++) {
        lua_rawgeti(L, arg, k);
        read_order(L, lua_gettop(L), k, a->nation, &orders[k - 1]);
        lua_pop(L, 1);
    }
    cps_sandbox_charge(L, (long long)(quarters + 1) * CPS_FORECAST_QUARTER_INSTRUCTIONS);
    cp_forecast f;
    cp_error err;
    if (cp_world_forecast(vw_world(L), a->nation, orders, (int)n, quarters, 0, &f, &err) != CP_OK)
        return luaL_error(L, "forecast: %s", err.message);
    push_forecast(L, &f, orders);
    return 1;
}
