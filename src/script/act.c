/* act.c -- the action functions: one per order kind, each with a dry-run can_* twin.
 *
 * act.set_tariff("magnet", "CHN", 0.25) builds a cp_order from its
 * arguments (order_spec.c says which, in which order), asks the core, and
 * returns true, or false and the core's message. The order is queued at
 * once; agent.c withdraws everything the turn queued if the turn fails.
 * act.can_set_tariff(...) asks the same question without queueing.
 * Bad arguments are refusals too (false, message): an agent's mistake
 * costs it the order, never the turn. The deal functions (propose, answer,
 * counter) are in act_deal.c.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"
#include "api.h"
#include "order_spec.h"

/* Fill 'o' from the arguments starting at 'arg'; on a bad argument, write
 * a message into 'msg' and return -1. view.forecast reads its order tables
 * with it too (view_forecast.c), so both say the same about a bad one. */
int cps_act_parse_args(lua_State *L, int arg, const cps_order_spec *spec, cp_order *o, char *msg,
                      size_t len)
{
    cps_agent *a = cps_agent_of(L);
    int given = lua_gettop(L) - arg + 1;
    if (given > spec->nparams) {
        snprintf(msg, len, "%s takes at most %d argument%s, got %d", spec->name, spec->nparams,
                 spec->nparams == 1 ? "" : "s", given);
        return -1;
    }
    for (int i = 0; i < spec->nparams; i++) {
        const cps_param *p = &spec->params[i];
        int at = arg + i, t = lua_type(L, at);
        int ivalue = 0;
        double dvalue = 0;
        if (t == LUA_TNIL || t == LUA_TNONE) {
            if (!p->optional) {
                snprintf(msg, len, "%s: missing argument %d (%s: %s)", spec->name, i + 1, p->name,
                         p->doc);
                return -1;
            }
            if (p->type == CPS_P_NATION)
                ivalue = a->nation;
            else
                ivalue = (int)p->dflt;
            cps_order_set(o, p->field, ivalue, p->dflt);
            continue;
        }
        const char *s = t == LUA_TSTRING ? lua_tostring(L, at) : NULL;
        switch (p->type) {
        case CPS_P_GOOD:
        case CPS_P_GOOD_OR_ALL:
            ivalue = s ? cps_view_lookup(L, CPS_NAMES_GOODS, at) : -2;
            if (s && p->type == CPS_P_GOOD_OR_ALL && strcmp(s, "all") == 0)
                ivalue = CP_ALL;
            else if (ivalue < 0) {
                snprintf(msg, len, "%s: argument %d (%s): unknown good '%s' (ore, light_oxide, "
                         "heavy_oxide, magnet%s)", spec->name, i + 1, p->name,
                         s ? s : luaL_typename(L, at),
                         p->type == CPS_P_GOOD_OR_ALL ? " or all" : "");
                return -1;
            }
            break;
        case CPS_P_NATION:
        case CPS_P_NATION_OR_ALL:
            ivalue = s ? cps_view_lookup(L, CPS_NAMES_NATIONS, at) : -2;
            if (s && p->type == CPS_P_NATION_OR_ALL && strcmp(s, "all") == 0)
                ivalue = CP_ALL;
            else if (ivalue < 0) {
                snprintf(msg, len, "%s: argument %d (%s): unknown nation '%s'%s", spec->name, i + 1,
                         p->name, s ? s : luaL_typename(L, at),
                         p->type == CPS_P_NATION_OR_ALL ? " (an ISO3 code or \"all\")"
                                                        : " (an ISO3 code)");
                return -1;
            }
            break;
        case CPS_P_FACILITY:
            ivalue = cps_view_facility_id(L, at);
            if (ivalue < 0 && lua_isinteger(L, at)) {
                /* range-checked before the conversion: 2^32 must not become
                 * facility 0 */
                lua_Integer id = lua_tointeger(L, at);
                if (id < 0 || id > INT_MAX) {
                    snprintf(msg, len, "%s: argument %d (facility): unknown facility %lld", spec->name,
                             i + 1, (long long)id);
                    return -1;
                }
                ivalue = (int)id;
            } else if (ivalue < 0) {
                snprintf(msg, len, "%s: argument %d (facility): a facility id (f.id) or a "
                         "facility from view.facilities, got %s", spec->name, i + 1,
                         luaL_typename(L, at));
                return -1;
            }
            break;
        case CPS_P_KIND:
            ivalue = s ? cp_facility_kind_from_name(s) : -2;
            if (ivalue < 0 && s && strcmp(s, "magnet") == 0)
                ivalue = CP_FAC_MAGNET;
            if (ivalue < 0) {
                snprintf(msg, len, "%s: argument %d (%s): unknown facility kind '%s' (mine, "
                         "separation or magnet_plant)", spec->name, i + 1, p->name,
                         s ? s : luaL_typename(L, at));
                return -1;
            }
            break;
        case CPS_P_MODE:
            ivalue = s ? cp_control_mode_from_name(s) : -2;
            if (ivalue < 0) {
                snprintf(msg, len, "%s: argument %d (mode): unknown mode '%s' (open, licensed or "
                         "banned)", spec->name, i + 1, s ? s : luaL_typename(L, at));
                return -1;
            }
            break;
        case CPS_P_NUMBER:
        case CPS_P_TURNS: {
            int isnum = 0;
            dvalue = lua_tonumberx(L, at, &isnum);
            if (t != LUA_TNUMBER || !isnum || !isfinite(dvalue)) {
                snprintf(msg, len, "%s: argument %d (%s): a number, got %s", spec->name, i + 1,
                         p->name, luaL_typename(L, at));
                return -1;
            }
            if (p->type == CPS_P_TURNS) {
                if (dvalue != floor(dvalue) || dvalue < 1 || dvalue > 1e6) {
                    snprintf(msg, len, "%s: argument %d (turns): a whole number of turns, got %g",
                             spec->name, i + 1, dvalue);
                    return -1;
                }
                ivalue = (int)dvalue;
            }
            if ((p->constraint == CPS_C_NONNEG && dvalue < 0) ||
                (p->constraint == CPS_C_POSITIVE && !(dvalue > 0)) ||
                (p->constraint == CPS_C_SHARE && (dvalue < 0 || dvalue > 1))) {
                snprintf(msg, len, "%s: argument %d (%s) must be %s, got %g", spec->name, i + 1,
                         p->name,
                         p->constraint == CPS_C_SHARE  ? "a share in 0..1"
                         : p->constraint == CPS_C_NONNEG ? "at least 0"
                                                         : "positive",
                         dvalue);
                return -1;
            }
            break;
        }
        case CPS_P_FLAG:
            if (t != LUA_TBOOLEAN) {
                snprintf(msg, len, "%s: argument %d (%s): true or false, got %s", spec->name, i + 1,
                         p->name, luaL_typename(L, at));
                return -1;
            }
            ivalue = lua_toboolean(L, at);
            break;
        }
        cps_order_set(o, p->field, ivalue, dvalue);
    }
    return 0;
}

/* The second answer of a can_* twin that accepts: what the order would
 * cost (cp_order_cost_musd) and the deal it would break, if any
 * (cp_world_order_breaks_deal). */
static void push_quote(lua_State *L, const cp_world *w, const cp_order *o)
{
    double now = 0, total = 0;
    char why[CP_TEXT_LEN];
    cp_order_cost_musd(w, o, &now, &total);
    int deal = cp_world_order_breaks_deal(w, o, why, sizeof why);
    lua_createtable(L, 0, 4);
    lua_pushnumber(L, now);
    lua_setfield(L, -2, "cost_now_musd");
    lua_pushnumber(L, total);
    lua_setfield(L, -2, "cost_total_musd");
    if (deal >= 0) {
        lua_pushinteger(L, deal);
        lua_setfield(L, -2, "breaks_deal");
        lua_pushlstring(L, why, strlen(why));
        lua_setfield(L, -2, "warning");
    }
    cps_view_strict(L, -1, CPS_CLS_QUOTE);
}

int cps_act_refuse(lua_State *L, cps_agent *a, int dry, const char *msg)
{
    if (!dry && a->report) {
        cps_turn_report *r = a->report;
        if (r->refused < CPS_KEEP_REFUSALS) {
            size_t n = strlen(msg);
            if (n >= sizeof r->refusals[0])
                n = sizeof r->refusals[0] - 1;
            memcpy(r->refusals[r->refused], msg, n);
            r->refusals[r->refused][n] = '\0';
        }
        r->refused++;
    }
    lua_pushboolean(L, 0);
    lua_pushlstring(L, msg, strlen(msg)); /* not lua_pushstring: see vw_push_text */
    return 2;
}

/* The body of every act function: upvalue 1 the order kind, upvalue 2 true
 * for the can_* twin. */
static int act_call(lua_State *L)
{
    cps_agent *a = cps_agent_of(L);
    cp_order_kind kind = (cp_order_kind)lua_tointeger(L, lua_upvalueindex(1));
    int dry = lua_toboolean(L, lua_upvalueindex(2));
    const cps_order_spec *spec = &cps_order_specs[kind];
    cps_sandbox_charge(L, 10); /* the core's check (a dry run costs the same) */
    char msg[CP_TEXT_LEN + 64];
    /* act:set_tariff(...) works like act.set_tariff(...) */
    int arg = 1;
    if (lua_type(L, 1) == LUA_TTABLE) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_act);
        if (lua_rawequal(L, 1, -1))
            arg = 2;
        lua_pop(L, 1);
    }
    if (!a->in_turn && !dry) {
        snprintf(msg, sizeof msg, "%s: orders can only be issued inside turn()", spec->name);
        return cps_act_refuse(L, a, dry, msg);
    }
    cp_order o;
    cp_order_init(&o, kind, a->nation);
    if (cps_act_parse_args(L, arg, spec, &o, msg, sizeof msg) != 0)
        return cps_act_refuse(L, a, dry, msg);
    cp_error err;
    if (dry) {
        if (cp_world_check(a->world, &o, &err) != CP_OK)
            return cps_act_refuse(L, a, dry, err.message);
        lua_pushboolean(L, 1);
        push_quote(L, a->world, &o);
        return 2;
    }
    cps_turn_report *r = a->report;
    if (r->orders >= CPS_MAX_ORDERS_PER_TURN) {
        snprintf(msg, sizeof msg, "%s: too many orders this turn (at most %d)", spec->name,
                 CPS_MAX_ORDERS_PER_TURN);
        return cps_act_refuse(L, a, dry, msg);
    }
    if (cp_world_submit(a->world, &o, &err) != CP_OK)
        return cps_act_refuse(L, a, dry, err.message);
    a->queued[r->orders] = cp_world_pending_count(a->world) - 1;
    r->order_list[r->orders] = o;
    r->orders++;
    lua_pushboolean(L, 1);
    if (kind != CP_ORDER_BUILD_FACILITY)
        return 1;
    /* the id its plant will get when the turn is resolved */
    lua_pushinteger(L, cp_world_pending_facility_id(a->world, a->queued[r->orders - 1]));
    return 2;
}

void cps_act_push(lua_State *L)
{
    lua_createtable(L, 0, 2 * (CP_ORDER_KIND_COUNT + CPS_DEAL_ACT_COUNT));
    for (int k = 0; k < CP_ORDER_KIND_COUNT; k++) {
        char name[64];
        for (int dry = 0; dry <= 1; dry++) {
            lua_pushinteger(L, k);
            lua_pushboolean(L, dry);
            lua_pushcclosure(L, act_call, 2);
            snprintf(name, sizeof name, "%s%s", dry ? "can_" : "", cps_order_specs[k].name);
            lua_setfield(L, -2, name);
        }
    }
    cps_act_deal_push(L);
}
