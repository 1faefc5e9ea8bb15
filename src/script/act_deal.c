/* act_deal.c -- act.propose, act.answer, act.counter and act.withdraw: an agent's deal actions, carried out when its turn ends.
 *
 * Each function reads its arguments into the core's structs (deal_lua.c),
 * asks the core whether it would be allowed (cp_world_check_deal,
 * cp_world_check_answer, cp_world_check_counter) and answers at once: true
 * (and for propose the id the deal will have), or false and the core's
 * message. The action itself is queued in the agent and carried out by
 * cps_act_deal_commit after the turn call succeeded, in the order issued;
 * a failed turn drops them (cps_act_deal_drop), like its orders. Deals are
 * not orders: they happen during the turn, not at its resolution, so there
 * is no pending queue in the core to withdraw them from.
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"
#include "api.h"

/* The body of every deal function: upvalue 1 the cps_deal_action_kind,
 * upvalue 2 true for the can_* twin. */
static int deal_call(lua_State *L)
{
    cps_agent *a = cps_agent_of(L);
    cps_deal_action_kind kind = (cps_deal_action_kind)lua_tointeger(L, lua_upvalueindex(1));
    int dry = lua_toboolean(L, lua_upvalueindex(2));
    const char *name = cps_deal_acts[kind].name;
    char msg[CP_TEXT_LEN + 64];
    cps_sandbox_charge(L, 20); /* the core's checks; reading the deal charges for its size */
    int arg = 1;
    if (lua_type(L, 1) == LUA_TTABLE) { /* act:propose(...) works like act.propose(...) */
        lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_act);
        if (lua_rawequal(L, 1, -1))
            arg = 2;
        lua_pop(L, 1);
    }
    if (!a->in_turn && !dry) {
        snprintf(msg, sizeof msg, "%s: deals can only be made inside turn() (on_proposal "
                 "answers by returning)", name);
        return cps_act_refuse(L, a, dry, msg);
    }
    cps_deal_action act;
    memset(&act, 0, sizeof act);
    act.kind = kind;
    act.deal_id = -1;
    int nargs = kind == CPS_DEAL_PROPOSE || kind == CPS_DEAL_WITHDRAW ? 1 : 2;
    if (lua_gettop(L) - arg + 1 > nargs) {
        snprintf(msg, sizeof msg, "%s takes %d argument%s, got %d", name, nargs,
                 nargs == 1 ? "" : "s", lua_gettop(L) - arg + 1);
        return cps_act_refuse(L, a, dry, msg);
    }
    if (kind != CPS_DEAL_PROPOSE) {
        int whole = 0;
        lua_Integer id = lua_type(L, arg) == LUA_TNUMBER ? lua_tointegerx(L, arg, &whole) : 0;
        if (!whole) {
            snprintf(msg, sizeof msg, "%s: argument 1 (id): a deal id, got %s", name,
                     luaL_typename(L, arg));
            return cps_act_refuse(L, a, dry, msg);
        }
        act.deal_id = id < -1 || id > CP_MAX_DEALS ? -1 : (int)id;
        arg++;
    }
    cp_error err;
    cp_status st;
    if (kind == CPS_DEAL_WITHDRAW) {
        st = cp_world_check_withdraw_deal(a->world, act.deal_id, a->nation, &err);
    } else if (kind == CPS_DEAL_ANSWER) {
        const char *s = lua_type(L, arg) == LUA_TSTRING ? lua_tostring(L, arg) : NULL;
        if (!s || (strcmp(s, "accept") != 0 && strcmp(s, "reject") != 0)) {
            snprintf(msg, sizeof msg, "answer: argument 2 (answer): \"accept\" or \"reject\", got %s",
                     s ? s : luaL_typename(L, arg));
            return cps_act_refuse(L, a, dry, msg);
        }
        act.answer = strcmp(s, "accept") == 0 ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT;
        st = cp_world_check_answer(a->world, act.deal_id, a->nation, &err);
    } else {
        char why[CP_TEXT_LEN + 64];
        if (cps_deal_read(L, arg, a->nation, &act.deal, why, sizeof why) != 0) {
            snprintf(msg, sizeof msg, "%s: %.200s", name, why);
            return cps_act_refuse(L, a, dry, msg);
        }
        st = kind == CPS_DEAL_PROPOSE
                 ? cp_world_check_deal(a->world, &act.deal, &err)
                 : cp_world_check_counter(a->world, act.deal_id, a->nation, &act.deal, &err);
    }
    if (st != CP_OK) {
        snprintf(msg, sizeof msg, "%s: %s", name, err.message);
        return cps_act_refuse(L, a, dry, msg);
    }
    if (dry) {
        lua_pushboolean(L, 1);
        return 1;
    }
    if (a->deal_action_count >= CPS_MAX_DEAL_ACTIONS) {
        snprintf(msg, sizeof msg, "%s: too many deal actions this turn (at most %d)", name,
                 CPS_MAX_DEAL_ACTIONS);
        return cps_act_refuse(L, a, dry, msg);
    }
    if (kind == CPS_DEAL_PROPOSE) {
        /* the id it will get: no other nation proposes before this turn ends */
        act.deal_id = cp_world_deal_count(a->world) + a->proposals_queued;
        if (act.deal_id >= CP_MAX_DEALS) {
            snprintf(msg, sizeof msg, "propose: deal: too many deals (%d)", CP_MAX_DEALS);
            return cps_act_refuse(L, a, dry, msg);
        }
        a->proposals_queued++;
    }
    a->deal_actions[a->deal_action_count++] = act;
    lua_pushboolean(L, 1);
    if (kind != CPS_DEAL_PROPOSE)
        return 1;
    lua_pushinteger(L, act.deal_id);
    return 2;
}

void cps_act_deal_push(lua_State *L)
{
    for (int k = 0; k < CPS_DEAL_ACT_COUNT; k++)
        for (int dry = 0; dry <= 1; dry++) {
            char name[64];
            lua_pushinteger(L, k);
            lua_pushboolean(L, dry);
            lua_pushcclosure(L, deal_call, 2);
            snprintf(name, sizeof name, "%s%s", dry ? "can_" : "", cps_deal_acts[k].name);
            lua_setfield(L, -2, name);
        }
}

void cps_act_deal_drop(cps_agent *a)
{
    a->deal_action_count = 0;
    a->proposals_queued = 0;
}

void cps_act_deal_commit(cps_agent *a, cps_turn_report *rep)
{
    const char *iso = cp_world_nation(a->world, a->nation)->iso3;
    for (int k = 0; k < a->deal_action_count; k++) {
        cps_deal_action *x = &a->deal_actions[k];
        cp_error err;
        cp_status st = CP_OK;
        switch (x->kind) {
        case CPS_DEAL_PROPOSE: {
            int id = cp_world_propose(a->world, &x->deal, &err);
            if (id < 0)
                st = err.code ? err.code : CP_ERR_BAD_VALUE;
            else if (id != x->deal_id) /* cannot happen while agents play one at a time */
                cps_agent_log(a, "turn %d %s: deal %d was announced as %d", cp_world_turn(a->world),
                              iso, id, x->deal_id);
            break;
        }
        case CPS_DEAL_ANSWER:
            st = cp_world_answer(a->world, x->deal_id, a->nation, x->answer, &err);
            break;
        case CPS_DEAL_COUNTER:
            st = cp_world_counter(a->world, x->deal_id, a->nation, &x->deal, &err);
            break;
        case CPS_DEAL_WITHDRAW:
            st = cp_world_withdraw_deal(a->world, x->deal_id, a->nation, &err);
            break;
        }
        if (st == CP_OK)
            rep->deals++;
        else
            cps_agent_log(a, "turn %d %s: %s: %s of deal %d refused when the turn ended: %s",
                          cp_world_turn(a->world), iso, a->display, cps_deal_acts[x->kind].name,
                          x->deal_id, err.message);
    }
    cps_act_deal_drop(a);
}
