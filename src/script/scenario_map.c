/* scenario_map.c -- map a scenario table's fields onto cp_scenario (top level, goods, nations, facilities).
 *
 * Every field is optional unless said otherwise; what is absent keeps the
 * value cp_scenario_defaults gave it. The field names, their units and
 * their limits are documented in docs/scenarios.md; a test keeps the lists
 * below and that page in step.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>

#include "paths.h"
#include "scenario_internal.h"
#include "scenario_read.h"


static const char *const top_fields[] = {
    "name",  "title",          "start",         "turns",          "briefing",
    "objectives", "debrief",   "goods",         "magnet_recipe",  "leakage_share",
    "leakage_share_tracked",   "random_events", "stock_target_quarters",
    "nations", "facilities",   "policies",      "schedule",       "parameters",
    NULL};

static const char *const good_fields[] = {"reference_price_usd_per_kg",
                                          "demand_elasticity",
                                          "substitution",
                                          "supply_elasticity",
                                          "transport_usd_per_kg_per_10000km",
                                          "growth_per_yr",
                                          NULL};

static const char *const nation_fields[] = {
    "iso3",          "name",            "lat",           "lon",
    "agent",         "reserves_t",      "treasury_musd", "budget_musd_per_yr",
    "gdp_busd_per_yr", "permitting_factor", "ore",       "tech",
    "stock_t",       "stockpile_t",     "demand_t_per_yr", "sector_gdp_busd",
    "weights",       "trust",           "pressure",      "conflict_risk_per_yr",
    "hurdle_price_ratio", "expansion_cap_per_yr", "foreign_investment", "goals", NULL};

static const char *const goal_fields[] = {"kind", "measure", "good", "plant", "target",
                                          "by_turn", NULL};

static const char *const facility_fields[] = {
    "name", "kind", "host", "funder", "capacity_t_per_yr", "stage", "turns_in_stage",
    "stage_turns", "private", NULL};

/* ---- small pieces ------------------------------------------------------------- */

/* "2025Q1" -> year and quarter. */
static void read_start(cps_reader *r, int t)
{
    char s[16];
    if (!rd_string(r, t, "start", s, sizeof s))
        return;
    int y = 0, q = 0;
    char tail = 0;
    if (sscanf(s, "%4dQ%1d%c", &y, &q, &tail) != 2 || q < 1 || q > 4 || y < 1900 || y > 2999 ||
        strlen(s) != 6)
        rd_fail(r, t, "start", "must look like \"2025Q1\" (year, Q, quarter 1-4), got \"%s\"", s);
    r->sc->start_year = y;
    r->sc->start_quarter = q;
}

/* A list of strings into heap copies. */
static void read_strings(cps_reader *r, int t, const char *key, int *count, char ***out)
{
    if (!rd_table(r, t, key))
        return;
    int lt = lua_gettop(r->L);
    size_t old = rd_path_push(r, "%s", key);
    int n = rd_list(r, lt, 64);
    rd_path_pop(r, old);
    char **a = calloc((size_t)(n ? n : 1), sizeof *a);
    if (!a)
        rd_fail(r, t, key, "out of memory");
    *out = a;
    for (int i = 0; i < n; i++) {
        lua_rawgeti(r->L, lt, i + 1);
        if (lua_type(r->L, -1) != LUA_TSTRING) {
            old = rd_path_push(r, "%s[%d]", key, i + 1);
            rd_fail(r, lt, NULL, "must be a string, got %s", lua_typename(r->L, lua_type(r->L, -1)));
        }
        size_t len;
        const char *text = lua_tolstring(r->L, -1, &len);
        a[i] = malloc(len + 1);
        if (!a[i])
            rd_fail(r, lt, NULL, "out of memory");
        memcpy(a[i], text, len + 1);
        *count = i + 1;
        lua_pop(r->L, 1);
    }
    lua_pop(r->L, 1);
}

static void read_goods(cps_reader *r, int t)
{
    if (!rd_table(r, t, "goods"))
        return;
    int gt = lua_gettop(r->L);
    const char *names[CP_GOOD_COUNT + 1];
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        names[g] = cp_good_name((cp_good)g);
    names[CP_GOOD_COUNT] = NULL;
    size_t old = rd_path_push(r, "goods");
    rd_keys(r, gt, names);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        if (!rd_table(r, gt, names[g]))
            continue;
        int pt = lua_gettop(r->L);
        size_t o2 = rd_path_push(r, ".%s", names[g]);
        rd_keys(r, pt, good_fields);
        cp_good_params *p = &r->sc->goods[g];
        rd_number(r, pt, "reference_price_usd_per_kg", &p->reference_price_usd_per_kg,
                  RD_POSITIVE | RD_RANGE);
        rd_number(r, pt, "demand_elasticity", &p->demand_elasticity, RD_NONNEG | RD_RANGE);
        rd_number(r, pt, "substitution", &p->substitution, RD_RANGE); /* above 1 */
        rd_number(r, pt, "supply_elasticity", &p->supply_elasticity, RD_NONNEG | RD_RANGE);
        rd_number(r, pt, "transport_usd_per_kg_per_10000km", &p->transport_usd_per_kg_per_10000km,
                  RD_NONNEG | RD_RANGE);
        rd_by_sector(r, pt, "growth_per_yr", p->growth_per_yr, RD_RANGE);
        rd_path_pop(r, o2);
        lua_pop(r->L, 1);
    }
    rd_path_pop(r, old);
    lua_pop(r->L, 1);
}

/* A table of named shares (ore, tech, weights). */
static void read_shares(cps_reader *r, int t, const char *key, const char *const *names,
                        double *const *out)
{
    if (!rd_table(r, t, key))
        return;
    int st = lua_gettop(r->L);
    size_t old = rd_path_push(r, ".%s", key);
    rd_keys(r, st, names);
    r->range = key; /* ore, tech, weights: shares */
    for (int i = 0; names[i]; i++)
        if (out[i])
            rd_number(r, st, names[i], out[i], RD_SHARE | RD_RANGE);
    r->range = NULL;
    rd_path_pop(r, old);
    lua_pop(r->L, 1);
}

/* ---- nations ------------------------------------------------------------------ */

/* One goal table of nation 'index': { kind = "shortage_max", good = "magnet",
 * target = 0.1, measure = "average", by_turn = 20 }. The core checks what
 * is left (cp_goal_check); its message is given with this goal's path. */
static void read_goal(cps_reader *r, int gt, int index, cp_goal *g)
{
    rd_keys(r, gt, goal_fields);
    memset(g, 0, sizeof *g);
    g->nation = index;
    g->good = -1;
    g->facility_kind = CP_FAC_SEPARATION;
    char buf[64];
    if (!rd_string(r, gt, "kind", buf, sizeof buf))
        rd_fail(r, gt, NULL, "missing field 'kind' (shortage_max, treasury_min, output_min, "
                "share_min or pressure_max)");
    int k = cp_goal_kind_from_name(buf);
    if (k < 0)
        rd_fail(r, gt, "kind", "unknown goal kind \"%s\" (shortage_max, treasury_min, "
                "output_min, share_min or pressure_max)", buf);
    g->kind = (cp_goal_kind)k;
    g->measure = CP_MEASURE_END;
    if (rd_string(r, gt, "measure", buf, sizeof buf)) {
        int m = cp_goal_measure_from_name(buf);
        if (m < 0)
            rd_fail(r, gt, "measure", "unknown measure \"%s\" (end, average or always)", buf);
        g->measure = (cp_goal_measure)m;
    }
    if (rd_string(r, gt, "good", buf, sizeof buf)) {
        int good = strcmp(buf, "all") == 0 ? -1 : cp_good_from_name(buf);
        if (good < 0 && strcmp(buf, "all") != 0)
            rd_fail(r, gt, "good", "unknown good \"%s\" (ore, light_oxide, heavy_oxide, "
                    "magnet or all)", buf);
        g->good = good;
    }
    if (rd_string(r, gt, "plant", buf, sizeof buf))
        g->facility_kind = cps_map_kind(r, gt, "plant", buf);
    if (!rd_number(r, gt, "target", &g->target, 0))
        rd_fail(r, gt, NULL, "missing field 'target'");
    rd_int(r, gt, "by_turn", &g->by_turn, 0, 100000);
    cp_error e;
    if (cp_goal_check(g, r->sc->nation_count, &e) != CP_OK)
        rd_fail(r, gt, NULL, "%s", e.message);
}

static void read_goals(cps_reader *r, int nt, int index)
{
    if (!rd_table(r, nt, "goals"))
        return;
    int lt = lua_gettop(r->L);
    size_t old = rd_path_push(r, ".goals");
    int n = rd_list(r, lt, CP_MAX_NATION_GOALS);
    for (int i = 0; i < n; i++) {
        if (r->sc->goal_count >= CP_MAX_GOALS)
            rd_fail(r, lt, NULL, "more than %d goals in the scenario", CP_MAX_GOALS);
        lua_rawgeti(r->L, lt, i + 1);
        size_t o2 = rd_path_push(r, "[%d]", i + 1);
        if (lua_type(r->L, -1) != LUA_TTABLE)
            rd_fail(r, lt, NULL, "must be a table { kind = ..., target = ..., ... }");
        read_goal(r, lua_gettop(r->L), index, &r->sc->goals[r->sc->goal_count++]);
        rd_path_pop(r, o2);
        lua_pop(r->L, 1);
    }
    rd_path_pop(r, old);
    lua_pop(r->L, 1);
}

static void read_nation(cps_reader *r, int nt, int index)
{
    cp_nation *n = &r->sc->nations[index];
    char iso[8];
    if (!rd_string(r, nt, "iso3", iso, sizeof iso))
        rd_fail(r, nt, NULL, "missing field 'iso3' (three capital letters, e.g. \"AUS\")");
    if (strlen(iso) != 3 || strspn(iso, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3)
        rd_fail(r, nt, "iso3", "must be three capital letters, got \"%s\"", iso);
    for (int j = 0; j < index; j++)
        if (strcmp(r->sc->nations[j].iso3, iso) == 0)
            rd_fail(r, nt, "iso3", "%s appears twice (also nations[%d])", iso, j + 1);
    memcpy(n->iso3, iso, 4);
    size_t old = rd_path_push(r, " (%s)", iso);
    rd_keys(r, nt, nation_fields);
    snprintf(n->name, sizeof n->name, "%s", iso);
    rd_string(r, nt, "name", n->name, sizeof n->name);
    rd_number(r, nt, "lat", &n->lat_deg, RD_RANGE);
    rd_number(r, nt, "lon", &n->lon_deg, RD_RANGE);
    char agent[256];
    if (rd_string(r, nt, "agent", agent, sizeof agent) && r->info) {
        char display[256];
        if (cps_resolve_script("scripts/agents", agent, r->info->agent[index],
                               sizeof r->info->agent[index], display, sizeof display) != 0)
            rd_fail(r, nt, "agent", "name too long");
    }
    rd_number(r, nt, "reserves_t", &n->reserves_t, RD_NONNEG | RD_RANGE);
    rd_number(r, nt, "treasury_musd", &n->treasury_musd, RD_RANGE);
    rd_number(r, nt, "budget_musd_per_yr", &n->budget_musd_per_yr, RD_NONNEG | RD_RANGE);
    rd_number(r, nt, "gdp_busd_per_yr", &n->gdp_busd_per_yr, RD_NONNEG | RD_RANGE);
    rd_number(r, nt, "permitting_factor", &n->permitting_factor, RD_POSITIVE | RD_RANGE);
    rd_number(r, nt, "trust", &n->trust, RD_SHARE | RD_RANGE);
    rd_number(r, nt, "pressure", &n->pressure, RD_SHARE | RD_RANGE);
    rd_number(r, nt, "conflict_risk_per_yr", &n->conflict_risk_per_yr, RD_SHARE | RD_RANGE);
    rd_number(r, nt, "hurdle_price_ratio", &n->hurdle_price_ratio, RD_NONNEG | RD_RANGE);
    rd_number(r, nt, "expansion_cap_per_yr", &n->expansion_cap_per_yr, RD_NONNEG | RD_RANGE);
    char investment[16];
    if (rd_string(r, nt, "foreign_investment", investment, sizeof investment)) {
        if (strcmp(investment, "open") != 0 && strcmp(investment, "closed") != 0)
            rd_fail(r, nt, "foreign_investment", "must be \"open\" or \"closed\", got \"%s\"",
                    investment);
        n->policy.investment_closed = strcmp(investment, "closed") == 0;
    }
    read_goals(r, nt, index);

    static const char *const ore_names[] = {"light_share", "heavy_share", NULL};
    double *ore_out[] = {&n->ore_light_share, &n->ore_heavy_share};
    read_shares(r, nt, "ore", ore_names, ore_out);
    if (n->ore_light_share + n->ore_heavy_share > 1)
        rd_fail(r, nt, "ore", "light_share + heavy_share must not exceed 1");

    /* tech is keyed by facility kind; "magnet" is accepted for magnet_plant */
    static const char *const tech_names[] = {"mine", "separation", "magnet_plant", "magnet",
                                             "heavy_separation", NULL};
    double magnet_alias = -1;
    double *tech_out[] = {&n->tech[CP_FAC_MINE], &n->tech[CP_FAC_SEPARATION],
                          &n->tech[CP_FAC_MAGNET], &magnet_alias,
                          &n->tech[CP_FAC_HEAVY_SEPARATION]};
    read_shares(r, nt, "tech", tech_names, tech_out);
    if (magnet_alias >= 0)
        n->tech[CP_FAC_MAGNET] = magnet_alias;

    rd_by_good(r, nt, "stock_t", n->stock_t, RD_NONNEG | RD_RANGE);
    rd_by_good(r, nt, "stockpile_t", n->stockpile_t, RD_NONNEG | RD_RANGE);
    rd_by_sector(r, nt, "sector_gdp_busd", n->sector_gdp_busd, RD_NONNEG | RD_RANGE);

    if (rd_table(r, nt, "demand_t_per_yr")) {
        int dt = lua_gettop(r->L);
        const char *names[CP_SECTOR_COUNT + 1];
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            names[s] = cp_sector_name((cp_sector)s);
        names[CP_SECTOR_COUNT] = NULL;
        size_t o2 = rd_path_push(r, ".demand_t_per_yr");
        rd_keys(r, dt, names);
        r->range = "demand_t_per_yr";
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            rd_by_good(r, dt, names[s], n->demand_t_per_yr[s], RD_NONNEG | RD_RANGE);
        r->range = NULL;
        rd_path_pop(r, o2);
        lua_pop(r->L, 1);
    }

    static const char *const weight_names[] = {"security", "prosperity", "leverage", "stability",
                                               NULL};
    double *w_out[] = {&n->weights.security, &n->weights.prosperity, &n->weights.leverage,
                       &n->weights.stability};
    if (rd_get(r, nt, "weights") != LUA_TNIL) {
        lua_pop(r->L, 1);
        n->weights = (cp_weights){0, 0, 0, 0};
        read_shares(r, nt, "weights", weight_names, w_out);
        double sum = n->weights.security + n->weights.prosperity + n->weights.leverage +
                     n->weights.stability;
        if (fabs(sum - 1.0) > 1e-3)
            rd_fail(r, nt, "weights", "must sum to 1 (they sum to %g)", sum);
    } else {
        lua_pop(r->L, 1);
    }
    rd_path_pop(r, old);
}

static void read_nations(cps_reader *r, int t)
{
    if (!rd_table(r, t, "nations"))
        rd_fail(r, t, "nations", "missing: a scenario needs at least one nation");
    int lt = lua_gettop(r->L);
    size_t old = rd_path_push(r, "nations");
    int n = rd_list(r, lt, CP_MAX_NATIONS);
    if (n < 1)
        rd_fail(r, lt, NULL, "a scenario needs at least one nation");
    rd_path_pop(r, old);
    r->sc->nation_count = n;
    for (int i = 0; i < n; i++) {
        lua_rawgeti(r->L, lt, i + 1);
        old = rd_path_push(r, "nations[%d]", i + 1);
        if (lua_type(r->L, -1) != LUA_TTABLE)
            rd_fail(r, lt, NULL, "must be a table { iso3 = ..., ... }");
        read_nation(r, lua_gettop(r->L), i);
        rd_path_pop(r, old);
        lua_pop(r->L, 1);
    }
    lua_pop(r->L, 1);
}

/* ---- facilities ---------------------------------------------------------------- */

int cps_map_nation(cps_reader *r, int t, const char *key, const char *iso)
{
    for (int i = 0; i < r->sc->nation_count; i++)
        if (strcmp(r->sc->nations[i].iso3, iso) == 0)
            return i;
    rd_fail(r, t, key, "unknown nation \"%s\" (not in nations)", iso);
    return -1;
}

int cps_map_kind(cps_reader *r, int t, const char *key, const char *name)
{
    int k = cp_facility_kind_from_name(name);
    if (k < 0 && strcmp(name, "magnet") == 0)
        k = CP_FAC_MAGNET;
    if (k < 0)
        rd_fail(r, t, key, "unknown facility kind \"%s\" (mine, separation, heavy_separation or "
                "magnet_plant)", name);
    return k;
}

static void read_facility(cps_reader *r, int ft, int index)
{
    cp_facility_spec *f = &r->sc->facilities[index];
    rd_keys(r, ft, facility_fields);
    char buf[64];
    if (!rd_string(r, ft, "kind", buf, sizeof buf))
        rd_fail(r, ft, NULL, "missing field 'kind' (mine, separation, heavy_separation or "
                "magnet_plant)");
    f->kind = (cp_facility_kind)cps_map_kind(r, ft, "kind", buf);
    if (!rd_string(r, ft, "host", buf, sizeof buf))
        rd_fail(r, ft, NULL, "missing field 'host' (ISO3 of the nation where it stands)");
    f->host = cps_map_nation(r, ft, "host", buf);
    f->funder = f->host;
    if (rd_string(r, ft, "funder", buf, sizeof buf))
        f->funder = cps_map_nation(r, ft, "funder", buf);
    snprintf(f->name, sizeof f->name, "%s %s %d", r->sc->nations[f->host].iso3,
             cp_facility_kind_name(f->kind), index + 1);
    rd_string(r, ft, "name", f->name, sizeof f->name);
    if (!rd_number(r, ft, "capacity_t_per_yr", &f->capacity_t_per_yr, RD_POSITIVE | RD_RANGE))
        rd_fail(r, ft, NULL, "missing field 'capacity_t_per_yr'");
    f->stage = CP_STAGE_OPERATING;
    if (rd_string(r, ft, "stage", buf, sizeof buf)) {
        int s = cp_stage_from_name(buf);
        if (s < 0)
            rd_fail(r, ft, "stage", "unknown stage \"%s\" (announced, permitting, construction, "
                    "ramp_up, operating, idled, closed)", buf);
        f->stage = (cp_stage)s;
    }
    rd_int(r, ft, "turns_in_stage", &f->turns_in_stage, 0, 1000);
    /* private = true: firms pay, and build only once prices justify it */
    if (rd_get(r, ft, "private") != LUA_TNIL) {
        if (!lua_isboolean(r->L, -1))
            rd_fail(r, ft, "private", "must be true or false");
        f->private_capital = lua_toboolean(r->L, -1);
    }
    lua_pop(r->L, 1);
    if (rd_table(r, ft, "stage_turns")) {
        int st = lua_gettop(r->L);
        const char *names[CP_STAGE_COUNT + 1];
        for (int s = 0; s < CP_STAGE_COUNT; s++)
            names[s] = cp_stage_name((cp_stage)s);
        names[CP_STAGE_COUNT] = NULL;
        size_t old = rd_path_push(r, ".stage_turns");
        rd_keys(r, st, names);
        for (int s = 0; s < CP_STAGE_COUNT; s++)
            rd_int(r, st, names[s], &f->stage_turns[s], 0, 1000);
        rd_path_pop(r, old);
        lua_pop(r->L, 1);
    }
}

static void read_facilities(cps_reader *r, int t)
{
    if (!rd_table(r, t, "facilities"))
        return;
    int lt = lua_gettop(r->L);
    size_t old = rd_path_push(r, "facilities");
    int n = rd_list(r, lt, CP_MAX_FACILITIES);
    rd_path_pop(r, old);
    r->sc->facility_count = n;
    for (int i = 0; i < n; i++) {
        lua_rawgeti(r->L, lt, i + 1);
        old = rd_path_push(r, "facilities[%d]", i + 1);
        if (lua_type(r->L, -1) != LUA_TTABLE)
            rd_fail(r, lt, NULL, "must be a table { kind = ..., host = ..., ... }");
        int ft = lua_gettop(r->L);
        char name[CP_NAME_LEN];
        if (rd_string(r, ft, "name", name, sizeof name))
            rd_path_push(r, " (%s)", name);
        read_facility(r, ft, i);
        rd_path_pop(r, old);
        lua_pop(r->L, 1);
    }
    lua_pop(r->L, 1);
}

/* ---- the whole table ----------------------------------------------------------- */

/* Map the scenario table at 'top' onto r->sc (already holding the defaults)
 * and r->info. The parameters field is read by the caller. */
void cps_map_scenario(cps_reader *r, int top)
{
    cp_scenario *sc = r->sc;
    rd_keys(r, top, top_fields);
    rd_string(r, top, "name", sc->name, sizeof sc->name);
    rd_string(r, top, "title", sc->title, sizeof sc->title);
    read_start(r, top);
    rd_int(r, top, "turns", &sc->default_turns, 1, 4000);
    if (r->info) {
        r->info->briefing = rd_strdup(r, top, "briefing");
        read_strings(r, top, "objectives", &r->info->objective_count, &r->info->objectives);
        read_strings(r, top, "debrief", &r->info->debrief_count, &r->info->debrief);
    } else {
        char *b = rd_strdup(r, top, "briefing");
        free(b);
    }
    read_goods(r, top);
    if (rd_table(r, top, "magnet_recipe")) {
        int mt = lua_gettop(r->L);
        static const char *const names[] = {"light_oxide_t_per_t", "heavy_oxide_t_per_t", NULL};
        size_t old = rd_path_push(r, "magnet_recipe");
        rd_keys(r, mt, names);
        rd_number(r, mt, "light_oxide_t_per_t", &sc->magnet_light_t_per_t, RD_SHARE | RD_RANGE);
        rd_number(r, mt, "heavy_oxide_t_per_t", &sc->magnet_heavy_t_per_t, RD_SHARE | RD_RANGE);
        if (sc->magnet_light_t_per_t + sc->magnet_heavy_t_per_t > 1)
            rd_fail(r, mt, NULL, "a tonne of magnet cannot hold more than a tonne of oxide");
        rd_path_pop(r, old);
        lua_pop(r->L, 1);
    }
    rd_number(r, top, "leakage_share", &sc->leakage_share, RD_SHARE | RD_RANGE);
    rd_number(r, top, "leakage_share_tracked", &sc->leakage_share_tracked, RD_SHARE | RD_RANGE);
    rd_number(r, top, "random_events", &sc->random_events, RD_NONNEG | RD_RANGE);
    rd_number(r, top, "stock_target_quarters", &sc->stock_target_quarters, RD_NONNEG | RD_RANGE);
    read_nations(r, top);
    read_facilities(r, top);
    cps_map_orders(r, top);
}
