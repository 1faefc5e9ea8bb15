/* view_seat.c -- what the view tells an agent about its own seat: its goals
 * and how they stand (view.goals), a nation's score in parts
 * (view.score_parts) and what the last quarter did with its orders, deals
 * and money (view.report). The core judges and keeps all of it; this file
 * only turns it into fresh Lua tables. */
#include <lauxlib.h>

#include "api.h"
#include "view_internal.h"

/* What these calls charge, as view_fn.c's: a row built. */
enum { CHARGE_ROW = 64 };

static void set_num(lua_State *L, const char *key, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

static void set_int(lua_State *L, const char *key, long long v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, key);
}

static void set_text(lua_State *L, const char *key, const char *s)
{
    vw_push_text(L, s);
    lua_setfield(L, -2, key);
}

static int push_parts(lua_State *L, const cp_world *w, int nation, int turn);

/* view.goals(): the agent's own goals, judged now. */
static int push_goals(lua_State *L, const cp_world *w, int nation)
{
    int n = cp_world_goal_count(w, nation);
    lua_createtable(L, n, 0);
    for (int k = 0; k < n; k++) {
        cp_goal_progress p;
        if (cp_world_goal(w, nation, k, 0, &p) != CP_OK)
            continue;
        cps_sandbox_charge(L, CHARGE_ROW);
        lua_createtable(L, 0, 10);
        set_text(L, "kind", cp_goal_kind_name(p.goal.kind));
        set_text(L, "measure", cp_goal_measure_name(p.goal.measure));
        if (p.goal.kind == CP_GOAL_SHORTAGE_MAX)
            set_text(L, "good", p.goal.good >= 0 ? cp_good_name((cp_good)p.goal.good) : "all");
        if (p.goal.kind == CP_GOAL_OUTPUT_MIN || p.goal.kind == CP_GOAL_SHARE_MIN)
            set_text(L, "plant", cp_facility_kind_name((cp_facility_kind)p.goal.facility_kind));
        set_num(L, "target", p.target);
        set_int(L, "by_turn", p.goal.by_turn);
        set_text(L, "status", cp_goal_status_name(p.status));
        set_num(L, "value", p.value);
        lua_pushboolean(L, p.derived);
        lua_setfield(L, -2, "derived");
        set_text(L, "text", p.text);
        vw_strict(L, -1, CPS_CLS_GOAL, 1);
        lua_rawseti(L, -2, k + 1);
    }
    return 1;
}

/* view.score_parts([iso3 [, turn]]): a nation's parts (public, as its
 * score is); nil for a turn not played. */
int vw_push_score_parts(lua_State *L, int nation, int turn)
{
    return push_parts(L, vw_world(L), nation, turn);
}

static int push_parts(lua_State *L, const cp_world *w, int nation, int turn)
{
    cp_score_parts p;
    if (cp_world_score_parts(w, nation, turn, &p) != CP_OK)
        return 0;
    cps_sandbox_charge(L, 3 * CHARGE_ROW);
    lua_createtable(L, 0, CP_PART_COUNT + 3);
    for (int k = 0; k < CP_PART_COUNT; k++)
        set_num(L, cp_score_part_name((cp_score_part)k), p.part[k]);
    set_num(L, "total", p.total);
    const char *names[2] = {"quarter", "weights"};
    const double *from[2] = {p.quarter, p.weight};
    for (int t = 0; t < 2; t++) {
        lua_createtable(L, 0, CP_PART_COUNT);
        for (int k = 0; k < CP_PART_COUNT; k++)
            set_num(L, cp_score_part_name((cp_score_part)k), from[t][k]);
        vw_strict_parts(L, -1);
        lua_setfield(L, -2, names[t]);
    }
    vw_strict(L, -1, CPS_CLS_SCORE_PARTS, 1);
    return 1;
}

/* view.made([iso3]), Nation.made: the host's figure (the session's without-worlds), never
 * computed here. */
int vw_push_made(lua_State *L, int nation)
{
    const cps_agent *a = cps_agent_of(L);
    double v[1 + CP_PART_COUNT];
    if (!a->opts.made || a->opts.made(a->opts.made_ud, nation, v) != 0)
        return 0;
    cps_sandbox_charge(L, CHARGE_ROW);
    lua_createtable(L, 0, 1 + CP_PART_COUNT);
    set_num(L, "total", v[0]);
    for (int k = 0; k < CP_PART_COUNT; k++)
        set_num(L, cp_score_part_name((cp_score_part)k), v[1 + k]);
    vw_strict(L, -1, CPS_CLS_MADE, 1);
    return 1;
}

/* view.report(): the last quarter's report for the agent's own nation. */
static int push_report(lua_State *L, const cp_world *w, int nation)
{
    int orders = cp_world_order_report_count(w, nation);
    int deals = cp_world_deal_report_count(w, nation);
    cps_sandbox_charge(L, (long long)(orders + deals + 1) * CHARGE_ROW);
    lua_createtable(L, 0, 4);
    set_int(L, "turn", cp_world_report_turn(w));
    lua_createtable(L, orders, 0);
    for (int k = 0; k < orders; k++) {
        const cp_order_report *r = cp_world_order_report(w, nation, k);
        lua_createtable(L, 0, 9);
        set_text(L, "kind", cp_order_kind_name(r->order.kind));
        set_text(L, "outcome", cp_outcome_name(r->outcome));
        set_num(L, "asked", r->asked);
        set_num(L, "done", r->done);
        set_num(L, "spent_musd", r->spent_musd);
        set_num(L, "price_usd_per_kg", r->price_usd_per_kg);
        if (r->facility >= 0)
            set_int(L, "facility", r->facility);
        lua_pushboolean(L, r->scheduled);
        lua_setfield(L, -2, "scheduled");
        set_text(L, "text", r->text);
        vw_strict(L, -1, CPS_CLS_ORDER_REPORT, 1);
        lua_rawseti(L, -2, k + 1);
    }
    lua_setfield(L, -2, "orders");
    lua_createtable(L, deals, 0);
    for (int k = 0; k < deals; k++) {
        const cp_deal_report *r = cp_world_deal_report(w, nation, k);
        lua_createtable(L, 0, 5);
        set_int(L, "deal", r->deal_id);
        if (r->nation >= 0) {
            vw_push_iso3(L, r->nation);
            lua_setfield(L, -2, "by");
        }
        set_text(L, "what", r->what);
        set_text(L, "status", cp_deal_status_name(r->status));
        set_text(L, "text", r->text);
        vw_strict(L, -1, CPS_CLS_DEAL_REPORT, 1);
        lua_rawseti(L, -2, k + 1);
    }
    lua_setfield(L, -2, "deals");
    cp_money_report m;
    cp_world_money_report(w, nation, &m);
    lua_createtable(L, 0, CP_MONEY_COUNT + 2);
    set_num(L, "before_musd", m.before_musd);
    set_num(L, "after_musd", m.after_musd);
    for (int k = 0; k < CP_MONEY_COUNT; k++)
        set_num(L, cp_money_part_name((cp_money_part)k), m.part_musd[k]);
    vw_strict(L, -1, CPS_CLS_MONEY_REPORT, 1);
    lua_setfield(L, -2, "money");
    vw_strict(L, -1, CPS_CLS_TURN_REPORT, 1);
    return 1;
}

int vw_seat_fn(lua_State *L, int code, int arg)
{
    const cp_world *w = vw_world(L);
    cps_agent *a = cps_agent_of(L);
    switch (code) {
    case CPS_FN_GOALS:
        return push_goals(L, w, a->nation);
    case CPS_FN_SCORE_PARTS: {
        int nation = lua_isnoneornil(L, arg) ? a->nation : vw_check_nation(L, arg);
        int now = cp_world_turn(w);
        lua_Integer t = luaL_optinteger(L, arg + 1, now);
        if (t < 0)
            t = now + t;
        return (t < 0 || t > now) ? 0 : push_parts(L, w, nation, (int)t);
    }
    case CPS_FN_REPORT:
        return push_report(L, w, a->nation);
    case CPS_FN_MADE:
        return vw_push_made(L, lua_isnoneornil(L, arg) ? a->nation : vw_check_nation(L, arg));
    case CPS_FN_DEAL_VALUE: {
        /* the terms read as act.propose reads them; a bad one is an error
         * here, as a bad argument of any view function is */
        cp_deal d;
        char msg[CP_TEXT_LEN + 64];
        luaL_checktype(L, arg, LUA_TTABLE);
        if (cps_deal_read(L, arg, a->nation, &d, msg, sizeof msg) != 0)
            return luaL_error(L, "deal_value: %s", msg);
        cps_sandbox_charge(L, CHARGE_ROW * (1 + (long long)d.clause_count));
        lua_createtable(L, 0, d.party_count);
        for (int k = 0; k < d.party_count; k++) {
            lua_pushnumber(L, cp_world_deal_value_musd(w, &d, d.parties[k]));
            vw_push_iso3(L, d.parties[k]);
            lua_insert(L, -2);
            lua_rawset(L, -3);
        }
        return 1;
    }
    default:
        return 0;
    }
}
