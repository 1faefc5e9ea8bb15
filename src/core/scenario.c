/* scenario.c -- the rules' default parameters and the check that a scenario
 * is fit to run. Loaders (the Lua one in src/script) fill a cp_scenario;
 * this file says what a sound one looks like. */
#include <math.h>
#include <string.h>

#include "world_internal.h"

/* Market defaults per good. Reference prices are early-2025 levels:
 * - ore: US concentrate, $260M for 45,000 t REO = $5.8/kg (USGS MCS 2025);
 * - light oxide (NdPr): ~$55/kg, China domestic, Q1 2024 $54 (Benchmark),
 *   Dec 2024 $49 (Lynas);
 * - heavy oxide (Dy/Tb blend 4:1): Dy $260, Tb $810 (USGS MCS 2025, 2024e)
 *   -> ~$370/kg [E];
 * - magnets: China's 2024 exports, 58,152 t for $2.86bn = ~$49/kg (Adamas).
 * Short-run demand elasticity 0.2-0.4 and substitution 4-8 (DESIGN.md s3).
 * Growth: magnet rare earths ~8%/yr (Adamas 2024 outlook, 8.2% CAGR),
 * split by sector so that EV and wind grow fastest. */
void cp_scenario_defaults(cp_scenario *sc)
{
    memset(sc, 0, sizeof *sc);
    strcpy(sc->name, "unnamed");
    sc->start_year = 2025;
    sc->start_quarter = 1;
    sc->default_turns = 40;
    static const double ref[CP_GOOD_COUNT] = {5.8, 55.0, 370.0, 49.0};
    static const double transport[CP_GOOD_COUNT] = {0.30, 0.60, 0.60, 1.00};
    static const double growth[CP_SECTOR_COUNT] = {0.15, 0.08, 0.04, 0.03, 0.05};
    /* How far plants' use of capacity answers their margin within a
     * quarter [E]: mines half as far as plants (a pit's costs are mostly
     * fixed; mined metals' short-run supply elasticities are usually put
     * well below 1), processing plants in proportion. */
    static const double supply_eps[CP_GOOD_COUNT] = {0.5, 1.0, 1.0, 1.0};

    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cp_good_params *p = &sc->goods[g];
        p->reference_price_usd_per_kg = ref[g];
        p->demand_elasticity = 0.2;
        p->substitution = 6.0;
        p->supply_elasticity = supply_eps[g];
        p->transport_usd_per_kg_per_10000km = transport[g];
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            p->growth_per_yr[s] = growth[s];
    }
    /* Sintered NdFeB is about 30% rare earth by mass: ~26% NdPr and 1-4% Dy/Tb
     * ("Dy ~4% of magnet" in direct-drive wind, encyclopedia.pub review;
     * fleet averages are lower) [E]. */
    sc->magnet_light_t_per_t = 0.26;
    sc->magnet_heavy_t_per_t = 0.012;
    sc->leakage_share = 0.15;
    sc->leakage_share_tracked = 0.03;
    sc->random_events = 1.0;
    sc->stock_target_quarters = 0.5;
    for (int i = 0; i < CP_MAX_NATIONS; i++) {
        cp_nation *n = &sc->nations[i];
        n->permitting_factor = 1.0;
        /* most ex-China projects need $75-85/kg NdPr against ~$54 (Benchmark
         * 2024 via Reuters [S]): firms invest at ~1.5x the reference price */
        n->hurdle_price_ratio = 1.5;
        n->expansion_cap_per_yr = 0.35;
        n->trust = 1.0;
        n->weights = (cp_weights){0.25, 0.25, 0.25, 0.25};
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            n->policy.export_quota_t[g] = -1.0;
    }
}

/* Every number a scenario states, with the range it must lie in. The
 * bounds are generous for any real world (the notes say against what) and
 * keep the rules finite: prices stay within a million times either way of
 * the reference (market.c), so a reference price, a tonnage and a sum of
 * money at the bounds below, multiplied together over 100,000 turns, are
 * still far from the largest double. Ranges named by a table ("stock_t",
 * "ore", "tech") hold for each of its entries. */
enum { CP_MAX_STAGE_TURNS = 1000 }; /* a stage's length, 250 years; as the loader's limit */

static const cp_number_range RANGES[] = {
    /* goods: ore ~$6/kg (USGS MCS 2025) to terbium ~$800/kg: a thousand
     * times the dearest; elasticities per DESIGN.md s3 (substitution 4-8),
     * with room to experiment; growth from -100% to +1000% a year */
    {"reference_price_usd_per_kg", 0.01, 1e6, 0, "USD/kg"},
    {"demand_elasticity", 0, 5, 0, ""},
    {"substitution", 1, 20, 1, ""},
    {"supply_elasticity", 0, 10, 0, ""},
    {"transport_usd_per_kg_per_10000km", 0, 1000, 0, "USD/kg per 10,000 km"},
    {"growth_per_yr", -1, 10, 1, "a year"},
    /* the world */
    {"light_oxide_t_per_t", 0, 1, 0, "t per t of magnet"},
    {"heavy_oxide_t_per_t", 0, 1, 0, "t per t of magnet"},
    {"leakage_share", 0, 1, 0, ""},
    {"leakage_share_tracked", 0, 1, 0, ""},
    {"random_events", 0, 100, 0, "times the default rates"},
    {"stock_target_quarters", 0, 40, 0, "quarters"},
    /* nations: world reserves ~90 Mt REO and production ~0.4 Mt/yr (USGS
     * MCS 2025), world GDP ~110,000 USD bn/yr (IMF 2024): a hundred times
     * that and more */
    {"lat", -90, 90, 0, "degrees"},
    {"lon", -180, 180, 0, "degrees"},
    {"reserves_t", 0, 1e10, 0, "t"},
    {"treasury_musd", -1e9, 1e9, 0, "USD millions"},
    {"budget_musd_per_yr", 0, 1e9, 0, "USD millions a year"},
    {"gdp_busd_per_yr", 0, 1e7, 0, "USD billions a year"},
    {"sector_gdp_busd", 0, 1e7, 0, "USD billions a year"},
    {"permitting_factor", 0.01, 100, 0, ""},
    {"trust", 0, 1, 0, ""},
    {"pressure", 0, 1, 0, ""},
    {"conflict_risk_per_yr", 0, 1, 0, ""},
    {"hurdle_price_ratio", 0, 100, 0, ""},
    /* a share of a kind's capacity a year: China's quotas ~0.10, firms
     * elsewhere 0.35 (facility.c); ten times a year is far past any real
     * build-out */
    {"expansion_cap_per_yr", 0, 10, 0, "a year"},
    {"ore", 0, 1, 0, ""},
    {"tech", 0, 1, 0, ""},
    {"weights", 0, 1, 0, ""},
    {"stock_t", 0, 1e10, 0, "t"},
    {"stockpile_t", 0, 1e10, 0, "t"},
    {"demand_t_per_yr", 0, 1e10, 0, "t a year"},
    /* facilities: the largest mine, Bayan Obo, ~0.1 Mt/yr; a pilot plant
     * makes tens of tonnes */
    {"capacity_t_per_yr", 1, 1e9, 0, "t a year"},
};

const cp_number_range *cp_scenario_range(const char *field)
{
    for (size_t i = 0; field && i < sizeof RANGES / sizeof RANGES[0]; i++)
        if (strcmp(RANGES[i].field, field) == 0)
            return &RANGES[i];
    return NULL;
}

int cp_range_holds(const cp_number_range *r, double v)
{
    return isfinite(v) && (r->above_min ? v > r->min : v >= r->min) && v <= r->max;
}

/* Refuse 'v', the number 'field' (its range's name) shown as 'shown', of
 * 'owner' ("nation AUS", "goods.magnet", "scenario baseline"), unless it
 * lies in its range. */
static cp_status in_range(const char *owner, const char *field, const char *shown, double v,
                          cp_error *err)
{
    const cp_number_range *r = cp_scenario_range(field);
    if (!r || cp_range_holds(r, v))
        return CP_OK;
    return cp_fail(err, CP_ERR_BAD_VALUE, "%s: %s is %g; it must lie %s %g and %s%g%s%s",
                   owner, shown ? shown : field, v, r->above_min ? "above" : "between", r->min,
                   r->above_min ? "at most " : "", r->max, r->unit[0] ? " " : "", r->unit);
}

#define RANGE(owner, field, v)                                                                 \
    do {                                                                                       \
        cp_status st_ = in_range((owner), (field), NULL, (v), err);                            \
        if (st_ != CP_OK)                                                                      \
            return st_;                                                                        \
    } while (0)
/* an entry of a table: "stock_t.ore" */
#define RANGE_OF(owner, field, entry, v)                                                       \
    do {                                                                                       \
        char shown_[96];                                                                       \
        text_format(shown_, sizeof shown_, "%s.%s", (field), (entry));                         \
        cp_status st_ = in_range((owner), (field), shown_, (v), err);                          \
        if (st_ != CP_OK)                                                                      \
            return st_;                                                                        \
    } while (0)

static cp_status check_order_fields(const cp_scenario *sc, const cp_order *o, int k, cp_error *err)
{
    if (o->kind < 0 || o->kind >= CP_ORDER_KIND_COUNT)
        return cp_fail(err, CP_ERR_UNKNOWN_ORDER, "scheduled[%d]: unknown order kind", k);
    if (o->nation < 0 || o->nation >= sc->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "scheduled[%d]: unknown nation", k);
    return CP_OK;
}

/* A nation's starting figures, each within its range. */
static cp_status check_nation(const cp_nation *n, cp_error *err)
{
    char who[32];
    text_format(who, sizeof who, "nation %s", n->iso3);
    RANGE(who, "lat", n->lat_deg);
    RANGE(who, "lon", n->lon_deg);
    RANGE(who, "reserves_t", n->reserves_t);
    RANGE(who, "treasury_musd", n->treasury_musd);
    RANGE(who, "budget_musd_per_yr", n->budget_musd_per_yr);
    RANGE(who, "gdp_busd_per_yr", n->gdp_busd_per_yr);
    RANGE(who, "permitting_factor", n->permitting_factor);
    RANGE(who, "trust", n->trust);
    RANGE(who, "pressure", n->pressure);
    RANGE(who, "conflict_risk_per_yr", n->conflict_risk_per_yr);
    RANGE(who, "hurdle_price_ratio", n->hurdle_price_ratio);
    RANGE(who, "expansion_cap_per_yr", n->expansion_cap_per_yr);
    RANGE_OF(who, "ore", "light_share", n->ore_light_share);
    RANGE_OF(who, "ore", "heavy_share", n->ore_heavy_share);
    if (n->ore_light_share + n->ore_heavy_share > 1.0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "%s: ore shares add up to more than 1", who);
    RANGE_OF(who, "weights", "security", n->weights.security);
    RANGE_OF(who, "weights", "prosperity", n->weights.prosperity);
    RANGE_OF(who, "weights", "leverage", n->weights.leverage);
    RANGE_OF(who, "weights", "stability", n->weights.stability);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        const char *good = cp_good_name((cp_good)g);
        RANGE_OF(who, "stock_t", good, n->stock_t[g]);
        RANGE_OF(who, "stockpile_t", good, n->stockpile_t[g]);
        for (int s = 0; s < CP_SECTOR_COUNT; s++) {
            char entry[48];
            text_format(entry, sizeof entry, "%s.%s", cp_sector_name((cp_sector)s), good);
            RANGE_OF(who, "demand_t_per_yr", entry, n->demand_t_per_yr[s][g]);
        }
    }
    for (int s = 0; s < CP_SECTOR_COUNT; s++)
        RANGE_OF(who, "sector_gdp_busd", cp_sector_name((cp_sector)s), n->sector_gdp_busd[s]);
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        RANGE_OF(who, "tech", cp_facility_kind_name((cp_facility_kind)k), n->tech[k]);
    return CP_OK;
}

/* Refuse what the core cannot run with; loaders are expected to catch most
 * of this with better messages (the file's line), but the core never trusts
 * its input: a save carries its scenario, and any program may fill one. */
cp_status cp_scenario_validate(const cp_scenario *sc, cp_error *err)
{
    if (sc->nation_count < 1 || sc->nation_count > CP_MAX_NATIONS)
        return cp_fail(err, CP_ERR_BAD_VALUE, "scenario %s: needs 1 to %d nations, has %d",
                       sc->name, CP_MAX_NATIONS, sc->nation_count);
    if (sc->start_quarter < 1 || sc->start_quarter > 4)
        return cp_fail(err, CP_ERR_BAD_VALUE, "scenario %s: start quarter must be 1-4", sc->name);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        const cp_good_params *p = &sc->goods[g];
        char who[32];
        text_format(who, sizeof who, "goods.%s", cp_good_name((cp_good)g));
        RANGE(who, "reference_price_usd_per_kg", p->reference_price_usd_per_kg);
        RANGE(who, "demand_elasticity", p->demand_elasticity);
        RANGE(who, "substitution", p->substitution);
        RANGE(who, "supply_elasticity", p->supply_elasticity);
        RANGE(who, "transport_usd_per_kg_per_10000km", p->transport_usd_per_kg_per_10000km);
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            RANGE_OF(who, "growth_per_yr", cp_sector_name((cp_sector)s), p->growth_per_yr[s]);
    }
    char who[CP_NAME_LEN + 16];
    text_format(who, sizeof who, "scenario %s", sc->name);
    RANGE(who, "light_oxide_t_per_t", sc->magnet_light_t_per_t);
    RANGE(who, "heavy_oxide_t_per_t", sc->magnet_heavy_t_per_t);
    if (sc->magnet_light_t_per_t + sc->magnet_heavy_t_per_t > 1.0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "%s: magnet recipe out of range", who);
    RANGE(who, "leakage_share", sc->leakage_share);
    RANGE(who, "leakage_share_tracked", sc->leakage_share_tracked);
    RANGE(who, "random_events", sc->random_events);
    RANGE(who, "stock_target_quarters", sc->stock_target_quarters);
    if (sc->goal_count < 0 || sc->goal_count > CP_MAX_GOALS)
        return cp_fail(err, CP_ERR_BAD_VALUE, "%s: %d goals, at most %d", who, sc->goal_count,
                       CP_MAX_GOALS);
    for (int k = 0; k < sc->goal_count; k++) {
        cp_error e;
        if (cp_goal_check(&sc->goals[k], sc->nation_count, &e) != CP_OK)
            return cp_fail(err, e.code, "%s: goal %d: %s", who, k + 1, e.message);
    }
    for (int i = 0; i < sc->nation_count; i++) {
        const cp_nation *n = &sc->nations[i];
        if (strlen(n->iso3) != 3)
            return cp_fail(err, CP_ERR_BAD_VALUE, "nations[%d]: iso3 must have 3 letters", i + 1);
        for (int j = 0; j < i; j++)
            if (strcmp(sc->nations[j].iso3, n->iso3) == 0)
                return cp_fail(err, CP_ERR_BAD_VALUE, "nations[%d]: %s appears twice", i + 1,
                               n->iso3);
        cp_status st = check_nation(n, err);
        if (st != CP_OK)
            return st;
    }
    if (sc->facility_count < 0 || sc->facility_count > CP_MAX_FACILITIES)
        return cp_fail(err, CP_ERR_FULL, "scenario %s: too many facilities", sc->name);
    for (int k = 0; k < sc->facility_count; k++) {
        const cp_facility_spec *f = &sc->facilities[k];
        if (f->kind < 0 || f->kind >= CP_FAC_KIND_COUNT)
            return cp_fail(err, CP_ERR_BAD_VALUE, "facility %s: unknown kind", f->name);
        if (f->host < 0 || f->host >= sc->nation_count || f->funder < 0 ||
            f->funder >= sc->nation_count)
            return cp_fail(err, CP_ERR_UNKNOWN_NATION, "facility %s: unknown host or funder",
                           f->name);
        char who_f[CP_NAME_LEN + 16];
        text_format(who_f, sizeof who_f, "facility %s", f->name);
        RANGE(who_f, "capacity_t_per_yr", f->capacity_t_per_yr);
        if (f->stage < 0 || f->stage >= CP_STAGE_COUNT || f->turns_in_stage < 0 ||
            f->turns_in_stage > CP_MAX_STAGE_TURNS)
            return cp_fail(err, CP_ERR_BAD_VALUE, "facility %s: bad stage", f->name);
        for (int s = 0; s < CP_STAGE_COUNT; s++)
            if (f->stage_turns[s] < 0 || f->stage_turns[s] > CP_MAX_STAGE_TURNS)
                return cp_fail(err, CP_ERR_BAD_VALUE, "facility %s: stage_turns.%s is %d, not "
                               "0..%d", f->name, cp_stage_name((cp_stage)s), f->stage_turns[s],
                               (int)CP_MAX_STAGE_TURNS);
    }
    if (sc->scheduled_count < 0 || sc->scheduled_count > CP_MAX_SCHEDULED)
        return cp_fail(err, CP_ERR_FULL, "scenario %s: too many scheduled items", sc->name);
    for (int k = 0; k < sc->scheduled_count; k++) {
        const cp_scheduled *s = &sc->scheduled[k];
        if (s->turn < 0)
            return cp_fail(err, CP_ERR_BAD_VALUE, "scheduled[%d]: negative turn", k + 1);
        if (!s->is_event) {
            cp_status st = check_order_fields(sc, &s->order, k + 1, err);
            if (st)
                return st;
        } else if (s->event.kind < 0 || s->event.kind >= CP_EVENT_KIND_COUNT ||
                   s->event.nation < 0 || s->event.nation >= sc->nation_count) {
            return cp_fail(err, CP_ERR_BAD_VALUE, "scheduled[%d]: unknown event or nation", k + 1);
        }
    }
    return CP_OK;
}
