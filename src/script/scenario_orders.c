/* scenario_orders.c -- a scenario's policies (orders in force at turn 0) and its schedule of orders and events.
 *
 * An order in a scenario is a table naming the issuing nation, the order
 * kind, and the kind's parameters, by the names the agent API uses
 * (order_spec.c: "destination", "approval_share", ...) or by the generic
 * cp_order field names ("partner", "amount", ...). Policies become
 * scheduled orders at turn 0, which the core applies when it creates the
 * world; schedule entries carry a turn and either an order or an event.
 */
#include <math.h>
#include <string.h>

#include <lua.h>

#include "order_spec.h"
#include "scenario_internal.h"
#include "scenario_read.h"


static const char *const event_fields[] = {"kind",      "nation", "partner", "good", "facility",
                                           "magnitude", "turns",  NULL};
static const char *const schedule_fields[] = {"turn", "order", "event", "note", NULL};

/* A facility named by its scenario name or by its 1-based place in the
 * facilities list; the core numbers scenario facilities from 0 in order. */
static int read_facility_ref(cps_reader *r, int t, const char *key)
{
    lua_State *L = r->L;
    int ty = rd_get(r, t, key);
    int id = -1;
    if (ty == LUA_TSTRING) {
        const char *name = lua_tostring(L, -1);
        for (int i = 0; i < r->sc->facility_count && id < 0; i++)
            if (strcmp(r->sc->facilities[i].name, name) == 0)
                id = i;
        if (id < 0)
            rd_fail(r, t, key, "no facility named \"%s\" in facilities", name);
    } else if (ty == LUA_TNUMBER && lua_isinteger(L, -1)) {
        lua_Integer k = lua_tointeger(L, -1);
        if (k < 1 || k > r->sc->facility_count)
            rd_fail(r, t, key, "facilities has no entry %d", (int)k);
        id = (int)k - 1;
    } else {
        rd_fail(r, t, key, "must be a facility's name or its number in facilities");
    }
    lua_pop(L, 1);
    return id;
}

static int read_good(cps_reader *r, int t, const char *key, int allow_all)
{
    char buf[32];
    rd_string(r, t, key, buf, sizeof buf);
    if (allow_all && strcmp(buf, "all") == 0)
        return CP_ALL;
    int g = cp_good_from_name(buf);
    if (g < 0)
        rd_fail(r, t, key, "unknown good \"%s\" (ore, light_oxide, heavy_oxide, magnet%s)", buf,
                allow_all ? " or all" : "");
    return g;
}

static int read_nation_ref(cps_reader *r, int t, const char *key, int allow_all)
{
    char buf[32];
    rd_string(r, t, key, buf, sizeof buf);
    if (allow_all && strcmp(buf, "all") == 0)
        return CP_ALL;
    return cps_map_nation(r, t, key, buf);
}

/* Read one parameter of an order from field 'key' into 'o'. */
static void read_param(cps_reader *r, int t, const char *key, const cps_param *p, cp_order *o)
{
    lua_State *L = r->L;
    int ivalue = 0;
    double dvalue = 0;
    switch (p->type) {
    case CPS_P_GOOD:
    case CPS_P_GOOD_OR_ALL:
        ivalue = read_good(r, t, key, p->type == CPS_P_GOOD_OR_ALL);
        break;
    case CPS_P_NATION:
    case CPS_P_NATION_OR_ALL:
        ivalue = read_nation_ref(r, t, key, p->type == CPS_P_NATION_OR_ALL);
        break;
    case CPS_P_FACILITY:
        ivalue = read_facility_ref(r, t, key);
        break;
    case CPS_P_KIND: {
        char buf[32];
        rd_string(r, t, key, buf, sizeof buf);
        ivalue = cps_map_kind(r, t, key, buf);
        break;
    }
    case CPS_P_MODE: {
        char buf[32];
        rd_string(r, t, key, buf, sizeof buf);
        ivalue = cp_control_mode_from_name(buf);
        if (ivalue < 0)
            rd_fail(r, t, key, "unknown mode \"%s\" (open, licensed or banned)", buf);
        break;
    }
    case CPS_P_NUMBER: {
        static const int cons[] = {RD_ANY, RD_NONNEG, RD_POSITIVE, RD_SHARE};
        rd_number(r, t, key, &dvalue, cons[p->constraint]);
        break;
    }
    case CPS_P_TURNS:
        rd_int(r, t, key, &ivalue, 1, 400);
        break;
    case CPS_P_FLAG: {
        int ty = rd_get(r, t, key);
        if (ty == LUA_TBOOLEAN)
            ivalue = lua_toboolean(L, -1);
        else if (ty == LUA_TNUMBER && (lua_tonumber(L, -1) == 0 || lua_tonumber(L, -1) == 1))
            ivalue = (int)lua_tonumber(L, -1);
        else
            rd_fail(r, t, key, "must be true or false (or 1 or 0)");
        lua_pop(L, 1);
        break;
    }
    }
    cps_order_set(o, p->field, ivalue, dvalue);
}

/* An order table at 't' into 'o'. 'extra' names one more allowed field
 * (policies may carry a "note"). */
static void read_order(cps_reader *r, int t, cp_order *o, const char *extra)
{
    char buf[64];
    cp_order_init(o, CP_ORDER_SET_TARIFF, -1);
    if (!rd_string(r, t, "order", buf, sizeof buf))
        rd_fail(r, t, NULL, "missing field 'order' (the order kind, e.g. \"set_tariff\")");
    int k = cp_order_kind_from_name(buf);
    if (k < 0) {
        const char *names[CP_ORDER_KIND_COUNT + 1];
        for (int i = 0; i < CP_ORDER_KIND_COUNT; i++)
            names[i] = cp_order_kind_name((cp_order_kind)i);
        names[CP_ORDER_KIND_COUNT] = NULL;
        const char *near = rd_closest(buf, names);
        if (near)
            rd_fail(r, t, "order", "unknown order \"%s\" (did you mean \"%s\"?)", buf, near);
        rd_fail(r, t, "order", "unknown order \"%s\"", buf);
    }
    o->kind = (cp_order_kind)k;
    const cps_order_spec *spec = &cps_order_specs[k];

    /* allowed fields: nation, order, each parameter by its name or the
     * generic field name, and 'extra' */
    const char *allowed[3 + 2 * CPS_MAX_PARAMS + 1];
    int na = 0;
    allowed[na++] = "nation";
    allowed[na++] = "order";
    if (extra)
        allowed[na++] = extra;
    for (int i = 0; i < spec->nparams; i++) {
        allowed[na++] = spec->params[i].name;
        const char *generic = cps_order_field_name(spec->params[i].field);
        if (strcmp(generic, spec->params[i].name) != 0)
            allowed[na++] = generic;
    }
    allowed[na] = NULL;
    rd_keys(r, t, allowed);

    if (!rd_string(r, t, "nation", buf, sizeof buf))
        rd_fail(r, t, NULL, "missing field 'nation' (ISO3 of the nation issuing the order)");
    o->nation = cps_map_nation(r, t, "nation", buf);

    for (int i = 0; i < spec->nparams; i++) {
        const cps_param *p = &spec->params[i];
        const char *generic = cps_order_field_name(p->field);
        int by_name = rd_get(r, t, p->name) != LUA_TNIL;
        lua_pop(r->L, 1);
        int by_generic = strcmp(generic, p->name) != 0 && rd_get(r, t, generic) != LUA_TNIL;
        if (strcmp(generic, p->name) != 0)
            lua_pop(r->L, 1);
        if (by_name && by_generic)
            rd_fail(r, t, generic, "give either '%s' or '%s', not both", p->name, generic);
        if (by_name || by_generic) {
            read_param(r, t, by_name ? p->name : generic, p, o);
            continue;
        }
        if (!p->optional)
            rd_fail(r, t, NULL, "missing field '%s' (%s needs: %s)", p->name, spec->name,
                    p->doc);
        if (p->type == CPS_P_NATION)
            cps_order_set(o, p->field, o->nation, 0);
        else
            cps_order_set(o, p->field, (int)p->dflt, p->dflt);
    }
}

static void read_event(cps_reader *r, int t, cp_event *e)
{
    char buf[64];
    memset(e, 0, sizeof *e);
    e->partner = -1;
    e->good = -1;
    e->facility = -1;
    e->turns = 1;
    rd_keys(r, t, event_fields);
    if (!rd_string(r, t, "kind", buf, sizeof buf))
        rd_fail(r, t, NULL, "missing field 'kind' (the event kind, e.g. \"conflict\")");
    int k = cp_event_kind_from_name(buf);
    if (k < 0)
        rd_fail(r, t, "kind", "unknown event \"%s\" (mine_flood, lawsuit, conflict, "
                "approvals_slow, summit, demand_shock, price_floor)", buf);
    e->kind = (cp_event_kind)k;
    if (!rd_string(r, t, "nation", buf, sizeof buf))
        rd_fail(r, t, NULL, "missing field 'nation' (ISO3 of the nation it happens to)");
    e->nation = cps_map_nation(r, t, "nation", buf);
    if (rd_get(r, t, "partner") != LUA_TNIL)
        e->partner = read_nation_ref(r, t, "partner", 0);
    lua_pop(r->L, 1);
    if (rd_get(r, t, "good") != LUA_TNIL)
        e->good = read_good(r, t, "good", 0);
    lua_pop(r->L, 1);
    if (rd_get(r, t, "facility") != LUA_TNIL)
        e->facility = read_facility_ref(r, t, "facility");
    lua_pop(r->L, 1);
    if (e->kind == CP_EVENT_DEMAND_SHOCK) {
        if (rd_number(r, t, "magnitude", &e->magnitude, RD_ANY) && !(e->magnitude > -1))
            rd_fail(r, t, "magnitude", "a demand shock must be above -1 (-0.2 = demand 20%% lower)");
    } else {
        rd_number(r, t, "magnitude", &e->magnitude, RD_SHARE);
    }
    rd_int(r, t, "turns", &e->turns, 0, 400);
}

static cp_scheduled *next_slot(cps_reader *r, int t)
{
    if (r->sc->scheduled_count >= CP_MAX_SCHEDULED)
        rd_fail(r, t, NULL, "too many policies and scheduled items (at most %d in all)",
                CP_MAX_SCHEDULED);
    r->sched_line[r->sc->scheduled_count] =
        rd_line(r, t, NULL, &r->sched_chunk[r->sc->scheduled_count]);
    cp_scheduled *s = &r->sc->scheduled[r->sc->scheduled_count++];
    memset(s, 0, sizeof *s);
    return s;
}

void cps_map_orders(cps_reader *r, int top)
{
    lua_State *L = r->L;
    if (rd_table(r, top, "policies")) {
        int lt = lua_gettop(L);
        size_t old = rd_path_push(r, "policies");
        int n = rd_list(r, lt, CP_MAX_SCHEDULED);
        rd_path_pop(r, old);
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, lt, i + 1);
            old = rd_path_push(r, "policies[%d]", i + 1);
            if (lua_type(L, -1) != LUA_TTABLE)
                rd_fail(r, lt, NULL, "must be an order table { nation = ..., order = ..., ... }");
            int ot = lua_gettop(L);
            cp_scheduled *s = next_slot(r, ot);
            s->turn = 0;
            read_order(r, ot, &s->order, "note");
            rd_string(r, ot, "note", s->note, sizeof s->note);
            rd_path_pop(r, old);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if (rd_table(r, top, "schedule")) {
        int lt = lua_gettop(L);
        size_t old = rd_path_push(r, "schedule");
        int n = rd_list(r, lt, CP_MAX_SCHEDULED);
        rd_path_pop(r, old);
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, lt, i + 1);
            old = rd_path_push(r, "schedule[%d]", i + 1);
            if (lua_type(L, -1) != LUA_TTABLE)
                rd_fail(r, lt, NULL, "must be a table { turn = ..., order = {...} or event = {...} }");
            int et = lua_gettop(L);
            rd_keys(r, et, schedule_fields);
            cp_scheduled *s = next_slot(r, et);
            if (!rd_int(r, et, "turn", &s->turn, 0, 4000))
                rd_fail(r, et, NULL, "missing field 'turn' (when it happens, 0 = the first turn)");
            rd_string(r, et, "note", s->note, sizeof s->note);
            int has_order = rd_table(r, et, "order");
            if (has_order) {
                size_t o2 = rd_path_push(r, ".order");
                read_order(r, lua_gettop(L), &s->order, NULL);
                rd_path_pop(r, o2);
                lua_pop(L, 1);
            }
            if (rd_table(r, et, "event")) {
                if (has_order)
                    rd_fail(r, et, "event", "an entry holds an order or an event, not both");
                size_t o2 = rd_path_push(r, ".event");
                s->is_event = 1;
                read_event(r, lua_gettop(L), &s->event);
                rd_path_pop(r, o2);
                lua_pop(L, 1);
            } else if (!has_order) {
                rd_fail(r, et, NULL, "needs an 'order' or an 'event'");
            }
            rd_path_pop(r, old);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
}
