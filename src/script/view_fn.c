/* view_fn.c -- the functions of the view (view.nation, view.flow, view.news, view.deals, history, policy lookups) and view.constants. */
#include <lauxlib.h>

#include "api.h"
#include "view_internal.h"

/* ---- functions ---------------------------------------------------------------------- */

/* What the view's functions charge (in instructions, see vw_fn_call): a
 * call, a row built (a news item, a deal clause: a table and its fields),
 * and one per CHARGE_SCAN items looked at. */
enum { CHARGE_CALL = 16, CHARGE_ROW = 64, CHARGE_SCAN = 2 };

/* A fresh plain table with the fields of 'cls' read from 'base'. */
static void push_row(lua_State *L, cps_class_id cls, const char *base, int full)
{
    const cps_class *c = &cps_classes[cls];
    lua_createtable(L, 0, c->nfields);
    for (int i = 0; i < c->nfields; i++) {
        const cps_field *f = &c->fields[i];
        if (f->visibility == CPS_PRIVATE && !full)
            continue;
        const char *at = base + f->offset;
        switch (f->type) {
        case CPS_V_NUMBER: lua_pushnumber(L, *(const double *)at); break;
        case CPS_V_INT: lua_pushinteger(L, *(const int *)at); break;
        case CPS_V_BY_GOOD:
        case CPS_V_BY_SECTOR: {
            int n = vw_vector_count(f->type);
            lua_createtable(L, 0, n);
            for (int k = 0; k < n; k++) {
                lua_pushnumber(L, ((const double *)at)[k]);
                lua_setfield(L, -2, vw_vector_name(f->type, k));
            }
            vw_strict_vector(L, -1, f->type);
            break;
        }
        default: lua_pushnil(L); break;
        }
        lua_setfield(L, -2, f->name);
    }
    vw_strict(L, -1, cls, full);
}

/* Which history row 'turn' (argument 'arg') names: default the latest,
 * negative counts back. -1 when outside the game so far. */
static int history_turn(lua_State *L, int arg)
{
    int now = cp_world_turn(vw_world(L));
    lua_Integer t = luaL_optinteger(L, arg, now);
    if (t < 0)
        t = now + t;
    return (t < 0 || t > now) ? -1 : (int)t;
}

/* The quarter history row 't' describes, as the row's date: the figures
 * are taken when turn t begins, so they are those of turn t - 1's quarter
 * (row 0, the opening position: the quarter before the game). */
static void push_row_date(lua_State *L, int t)
{
    char date[16];
    vw_push_text(L, cp_world_date_text(vw_world(L), t - 1, date, sizeof date));
    lua_setfield(L, -2, "date");
}

static void push_news(lua_State *L, const cp_news *n)
{
    const cp_world *w = vw_world(L);
    lua_createtable(L, 0, 8);
    lua_pushinteger(L, n->turn);
    lua_setfield(L, -2, "turn");
    lua_pushstring(L, cp_news_kind_name(n->kind));
    lua_setfield(L, -2, "kind");
    if (cp_world_nation(w, n->partner)) {
        vw_push_iso3(L, n->partner);
        lua_setfield(L, -2, "partner");
    }
    if (n->facility >= 0 && n->facility < cp_world_facility_count(w)) {
        lua_pushinteger(L, n->facility);
        lua_setfield(L, -2, "facility");
    }
    lua_pushboolean(L, n->routine);
    lua_setfield(L, -2, "routine");
    const cp_nation *who = cp_world_nation(w, n->nation);
    if (who) {
        lua_pushstring(L, who->iso3);
        lua_setfield(L, -2, "nation");
    }
    if (n->good >= 0 && n->good < CP_GOOD_COUNT) {
        lua_pushstring(L, cp_good_name((cp_good)n->good));
        lua_setfield(L, -2, "good");
    }
    vw_push_text(L, n->text);
    lua_setfield(L, -2, "text");
    vw_strict(L, -1, CPS_CLS_NEWS, 1);
}

/* Every function of the view: upvalue 1 is the CPS_FN_* code, upvalue 2 the
 * nation of the proxy it was read from (for policy functions). */
int vw_fn_call(lua_State *L)
{
    int code = (int)lua_tointeger(L, lua_upvalueindex(1));
    int owner = (int)lua_tointeger(L, lua_upvalueindex(2));
    const cp_world *w = vw_world(L);
    cps_agent *a = cps_agent_of(L);
    int arg = vw_first_arg(L);
    /* every function is charged for the work it makes the C side do, the
     * same on every machine (sandbox.h): a base for the call, and so much
     * for every item it scans or builds */
    cps_sandbox_charge(L, CHARGE_CALL);
    switch (code) {
    case CPS_FN_NATION: {
        luaL_checkstring(L, arg);
        int i = cps_view_lookup(L, CPS_NAMES_NATIONS, arg);
        if (i < 0)
            return 0;
        vw_push_canonical(L, CPS_CLS_NATION, i);
        return 1;
    }
    case CPS_FN_FACILITIES_OF: {
        int i = vw_check_nation(L, arg);
        int n = cp_world_facility_count(w), k = 0;
        cps_sandbox_charge(L, n / CHARGE_SCAN);
        lua_newtable(L);
        for (int id = 0; id < n; id++) {
            const cp_facility *f = cp_world_facility(w, id);
            if (f->host == i || f->funder == i) {
                vw_push_canonical(L, CPS_CLS_FACILITY, id);
                lua_rawseti(L, -2, ++k);
            }
        }
        cps_sandbox_charge(L, k);
        return 1;
    }
    case CPS_FN_FLOW: {
        int g = vw_check_good(L, arg), from = vw_check_nation(L, arg + 1), to = vw_check_nation(L, arg + 2);
        lua_pushnumber(L, cp_world_market(w, (cp_good)g)->flow_t[from][to]);
        return 1;
    }
    case CPS_FN_NEWS: {
        /* default: the news stamped this turn -- what the quarter just
         * resolved did (the rules stamp it with the turn it leads to) and
         * the deal moves made so far this turn -- so that an agent that
         * reads it every turn sees each item of the quarter once */
        int now = cp_world_turn(w);
        lua_Integer since = luaL_optinteger(L, arg, now);
        int count = cp_world_news_count(w), first = count;
        while (first > 0 && cp_world_news(w, first - 1)->turn >= since)
            first--;
        cps_sandbox_charge(L, (long long)(count - first) * CHARGE_ROW);
        lua_createtable(L, count - first, 0);
        for (int i = first; i < count; i++) {
            push_news(L, cp_world_news(w, i));
            lua_rawseti(L, -2, i - first + 1);
        }
        return 1;
    }
    case CPS_FN_TARIFF: {
        int g = vw_check_good(L, arg), origin = vw_check_nation(L, arg + 1);
        lua_pushnumber(L, cp_world_nation(w, owner)->policy.tariff[g][origin]);
        return 1;
    }
    case CPS_FN_EXPORT_CONTROL: {
        int g = vw_check_good(L, arg), dest = vw_check_nation(L, arg + 1);
        const cp_export_control *c = &cp_world_nation(w, owner)->policy.control[g][dest];
        lua_pushstring(L, cp_control_mode_name(c->mode));
        lua_pushnumber(L, c->approval_share);
        lua_pushinteger(L, c->suspended_turns);
        lua_pushstring(L, cp_control_mode_name(c->fallback_mode));
        lua_pushnumber(L, c->fallback_share);
        return 5;
    }
    case CPS_FN_HISTORY_NATION: {
        int i = vw_check_nation(L, arg), t = history_turn(L, arg + 1);
        const cp_nation_history *row = t < 0 ? NULL : cp_world_nation_history(w, t, i);
        if (!row)
            return 0;
        cps_sandbox_charge(L, cps_classes[CPS_CLS_NATION_ROW].nfields * 2);
        push_row(L, CPS_CLS_NATION_ROW, (const char *)row, i == a->nation);
        push_row_date(L, t);
        return 1;
    }
    case CPS_FN_HISTORY_MARKET: {
        int g = vw_check_good(L, arg), t = history_turn(L, arg + 1);
        const cp_market_history *row = t < 0 ? NULL : cp_world_market_history(w, t, (cp_good)g);
        if (!row)
            return 0;
        cps_sandbox_charge(L, cps_classes[CPS_CLS_MARKET_ROW].nfields * 2);
        push_row(L, CPS_CLS_MARKET_ROW, (const char *)row, 1);
        push_row_date(L, t);
        return 1;
    }
    case CPS_FN_DEALS: {
        /* the deals this nation is party to that still matter: waiting,
         * agreed or in force */
        int n = cp_world_deal_count(w), k = 0;
        cps_sandbox_charge(L, n / CHARGE_SCAN);
        lua_newtable(L);
        for (int id = 0; id < n; id++) {
            const cp_deal *d = cp_world_deal(w, id);
            if (d->status != CP_DEAL_PROPOSED && d->status != CP_DEAL_AGREED &&
                d->status != CP_DEAL_ACTIVE)
                continue;
            int party = 0;
            for (int p = 0; p < d->party_count; p++)
                party |= d->parties[p] == a->nation;
            if (!party)
                continue;
            cps_sandbox_charge(L, CHARGE_ROW * (2 + (long long)d->clause_count));
            cps_deal_push(L, w, d, a->nation);
            lua_rawseti(L, -2, ++k);
        }
        return 1;
    }
    case CPS_FN_DEAL: {
        lua_Integer id = luaL_checkinteger(L, arg);
        const cp_deal *d = id < 0 || id > CP_MAX_DEALS ? NULL : cp_world_deal(w, (int)id);
        if (!d)
            return 0;
        cps_sandbox_charge(L, CHARGE_ROW * (2 + (long long)d->clause_count));
        cps_deal_push(L, w, d, a->nation);
        return 1;
    }
    case CPS_FN_FORECAST:
        return vw_forecast(L, arg);
    default:
        return vw_seat_fn(L, code, arg);
    }
}

/* ---- constants ------------------------------------------------------------------------ */

static void push_names(lua_State *L, const char *(*name)(int), int count)
{
    lua_createtable(L, count, 0);
    for (int i = 0; i < count; i++) {
        lua_pushstring(L, name(i));
        lua_rawseti(L, -2, i + 1);
    }
}

static const char *good_n(int i) { return cp_good_name((cp_good)i); }
static const char *sector_n(int i) { return cp_sector_name((cp_sector)i); }
static const char *kind_n(int i) { return cp_facility_kind_name((cp_facility_kind)i); }
static const char *stage_n(int i) { return cp_stage_name((cp_stage)i); }
static const char *mode_n(int i) { return cp_control_mode_name((cp_control_mode)i); }
static const char *event_n(int i) { return cp_event_kind_name((cp_event_kind)i); }
static const char *order_n(int i) { return cp_order_kind_name((cp_order_kind)i); }

/* view.constants: a plain table, built once per agent (a copy: changing it
 * changes nothing but the agent's own copy). */
void vw_push_constants(lua_State *L)
{
    static const char KEY = 0;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY) == LUA_TTABLE)
        return;
    lua_pop(L, 1);
    const cp_scenario *sc = cp_world_scenario(vw_world(L));
    /* not charged: made once in an agent's life (a charge would differ
     * between a game and the same game saved and loaded) */
    lua_newtable(L);
    lua_pushinteger(L, CPS_API_VERSION);
    lua_setfield(L, -2, "api_version");
    push_names(L, good_n, CP_GOOD_COUNT);
    lua_setfield(L, -2, "goods");
    push_names(L, sector_n, CP_SECTOR_COUNT);
    lua_setfield(L, -2, "sectors");
    push_names(L, kind_n, CP_FAC_KIND_COUNT);
    lua_setfield(L, -2, "facility_kinds");
    push_names(L, stage_n, CP_STAGE_COUNT);
    lua_setfield(L, -2, "stages");
    push_names(L, mode_n, CP_CONTROL_BANNED + 1);
    lua_setfield(L, -2, "control_modes");
    push_names(L, event_n, CP_EVENT_KIND_COUNT);
    lua_setfield(L, -2, "event_kinds");
    push_names(L, order_n, CP_ORDER_KIND_COUNT);
    lua_setfield(L, -2, "order_kinds");
    lua_pushinteger(L, sc->start_year);
    lua_setfield(L, -2, "start_year");
    lua_pushinteger(L, sc->start_quarter);
    lua_setfield(L, -2, "start_quarter");
    vw_push_text(L, sc->name);
    lua_setfield(L, -2, "scenario");
    lua_pushnumber(L, sc->magnet_light_t_per_t);
    lua_setfield(L, -2, "magnet_light_t_per_t");
    lua_pushnumber(L, sc->magnet_heavy_t_per_t);
    lua_setfield(L, -2, "magnet_heavy_t_per_t");
    lua_pushnumber(L, sc->leakage_share);
    lua_setfield(L, -2, "leakage_share");
    lua_pushnumber(L, sc->leakage_share_tracked);
    lua_setfield(L, -2, "leakage_share_tracked");
    lua_pushnumber(L, sc->stock_target_quarters);
    lua_setfield(L, -2, "stock_target_quarters");
    lua_pushinteger(L, CPS_FORECAST_QUARTER_INSTRUCTIONS);
    lua_setfield(L, -2, "forecast_quarter_instructions");
    lua_pushinteger(L, CP_FORECAST_MAX_QUARTERS);
    lua_setfield(L, -2, "forecast_max_quarters");
    lua_createtable(L, 0, CP_GOOD_COUNT);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        push_row(L, CPS_CLS_GOOD_PARAMS, (const char *)&sc->goods[g], 1);
        lua_setfield(L, -2, cp_good_name((cp_good)g));
    }
    lua_setfield(L, -2, "goods_params");
    vw_strict(L, -1, CPS_CLS_CONSTANTS, 1);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &KEY);
}

