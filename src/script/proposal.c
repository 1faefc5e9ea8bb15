/* proposal.c -- ask an agent about a deal offered to it: call on_proposal, carry out its answer.
 *
 * The seats call cps_agent_proposal before an agent's turn for every deal
 * waiting for its answer. on_proposal(view, deal, memory) runs metered like
 * turn (same budget, memory cap and wall clock); if it fails, no answer is
 * given. What it returns -- "accept", "reject" (or true, false), a counter
 * table, or nil for no answer yet -- is read into the core's terms and
 * handed to cp_world_answer or cp_world_counter, which decide; a refusal is
 * logged with the core's message and counted, never a failure. Building
 * the deal table and reading the answer happen in protected calls: both
 * allocate, and the host must not raise a Lua error outside one.
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "agent.h"

int cps_agent_answers(const cps_agent *a) { return a->ref_proposal != LUA_NOREF; }

/* What on_proposal returned, read in a protected call (reading may
 * allocate, and the host must not raise errors outside one). */
typedef struct {
    int what; /* 0 nothing, 1 accept, 2 reject, 3 counter, -1 garbage, -2 a counter that does not read */
    cp_deal terms;
    char msg[CP_TEXT_LEN + 64];
} proposal_answer;

static int read_answer(lua_State *L)
{
    proposal_answer *ans = lua_touserdata(L, 2);
    cps_agent *a = cps_agent_of(L);
    switch (lua_type(L, 1)) {
    case LUA_TNIL: ans->what = 0; break;
    case LUA_TBOOLEAN: ans->what = lua_toboolean(L, 1) ? 1 : 2; break;
    case LUA_TSTRING: {
        const char *s = lua_tostring(L, 1);
        ans->what = strcmp(s, "accept") == 0 ? 1 : strcmp(s, "reject") == 0 ? 2 : -1;
        if (ans->what < 0)
            snprintf(ans->msg, sizeof ans->msg, "%.120s: on_proposal returned \"%.40s\" (\"accept\", "
                     "\"reject\", a counter table or nil)", a->display, s);
        break;
    }
    case LUA_TTABLE:
        ans->what = cps_deal_read(L, 1, a->nation, &ans->terms, ans->msg, sizeof ans->msg) == 0 ? 3 : -2;
        break;
    default:
        ans->what = -1;
        snprintf(ans->msg, sizeof ans->msg, "%.120s: on_proposal returned a %s (\"accept\", "
                 "\"reject\", a counter table or nil)", a->display, luaL_typename(L, 1));
    }
    return 0;
}

/* The deal as a table, built in a protected call for the same reason. */
static int push_deal(lua_State *L)
{
    cps_agent *a = cps_agent_of(L);
    const cp_deal *d = cp_world_deal(a->world, (int)lua_tointeger(L, 1));
    cps_deal_push(L, a->world, d, a->nation);
    return 1;
}

int cps_agent_proposal(cps_agent *a, int deal_id, cps_turn_report *rep)
{
    lua_State *L = a->sb->L;
    memset(rep, 0, sizeof *rep);
    if (a->ref_proposal == LUA_NOREF || !cp_world_deal(a->world, deal_id))
        return 0;
    int top = lua_gettop(L);
    a->report = rep;
    a->prints = 0;
    /* a stream of its own for each deal and turn, apart from turn()'s */
    cps_rand_seed(&a->sb->rand, cp_world_seed(a->world) ^ (0x9E3779B97F4A7C15ull * (uint64_t)(deal_id + 1)),
                  a->nation, cp_world_turn(a->world));
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_proposal);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_view);
    lua_pushcfunction(L, push_deal);
    lua_pushinteger(L, deal_id);
    cps_call_result res;
    memset(&res, 0, sizeof res);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        lua_settop(L, top);
        a->report = NULL;
        rep->fail = CPS_FAIL_MEMORY;
        snprintf(rep->message, sizeof rep->message, "%s: memory cap exceeded (building deal %d)",
                 a->display, deal_id);
        return -1;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->ref_memory);
    cps_sandbox_call(a->sb, 3, 2, 0, &res); /* the answer, and a reason (optional) */
    a->report = NULL;
    rep->instructions = res.instructions;
    rep->mem_bytes = res.mem_peak_bytes;
    rep->fail = cps_agent_fail_of(&res);
    if (rep->fail != CPS_FAIL_NONE) {
        snprintf(rep->message, sizeof rep->message, "%.480s (in on_proposal, deal %d)", res.message, deal_id);
        lua_settop(L, top);
        cps_agent_memory_restore(a);
        return -1;
    }

    /* the reason the other side reads in its turn report: a string, cut to
     * fit (copying it allocates nothing); anything else is ignored */
    char reason[CP_TEXT_LEN] = "";
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        if (n >= sizeof reason)
            n = sizeof reason - 1;
        memcpy(reason, s, n);
        reason[n] = '\0';
    }
    lua_pop(L, 1);
    proposal_answer ans;
    memset(&ans, 0, sizeof ans);
    lua_pushcfunction(L, read_answer);
    lua_insert(L, -2);
    lua_pushlightuserdata(L, &ans);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        lua_settop(L, top);
        rep->fail = CPS_FAIL_MEMORY;
        snprintf(rep->message, sizeof rep->message, "%s: memory cap exceeded (reading the answer "
                 "to deal %d)", a->display, deal_id);
        cps_agent_memory_restore(a);
        return -1;
    }
    lua_settop(L, top);
    if (ans.what == -1) {
        rep->fail = CPS_FAIL_GARBAGE;
        snprintf(rep->message, sizeof rep->message, "%s", ans.msg);
        cps_agent_memory_restore(a);
        return -1;
    }
    char why[sizeof rep->message];
    if (cps_agent_keep_memory(a, rep->instructions, &rep->fail, &rep->instructions, why,
                              sizeof why) != 0) {
        snprintf(rep->message, sizeof rep->message, "%.480s (in on_proposal, deal %d)", why, deal_id);
        cps_agent_memory_restore(a);
        return -1;
    }
    cp_error err;
    cp_status st = CP_OK;
    const char *iso = cp_world_nation(a->world, a->nation)->iso3;
    if (ans.what == -2) {
        st = CP_ERR_BAD_VALUE;
        snprintf(err.message, sizeof err.message, "%.199s", ans.msg);
    } else if (ans.what == 1 || ans.what == 2) {
        st = cp_world_answer_why(a->world, deal_id, a->nation,
                                 ans.what == 1 ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT,
                                 reason[0] ? reason : NULL, &err);
    } else if (ans.what == 3) {
        st = cp_world_counter(a->world, deal_id, a->nation, &ans.terms, &err);
    }
    if (ans.what != 0 && st == CP_OK)
        rep->deals++;
    if (st != CP_OK) {
        cps_agent_log(a, "turn %d %s: %s: its %s to deal %d is refused: %s", cp_world_turn(a->world),
                      iso, a->display, ans.what == 3 || ans.what == -2 ? "counter" : "answer", deal_id,
                      err.message);
        snprintf(rep->refusals[0], sizeof rep->refusals[0], "%s", err.message);
        rep->refused = 1;
    }
    return 0;
}
