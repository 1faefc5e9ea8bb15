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

static int bad(double x) { return !isfinite(x) || x < 0; }
static int bad_share(double x) { return !isfinite(x) || x < 0 || x > 1; }

static cp_status check_order_fields(const cp_scenario *sc, const cp_order *o, int k, cp_error *err)
{
    if (o->kind < 0 || o->kind >= CP_ORDER_KIND_COUNT)
        return cp_fail(err, CP_ERR_UNKNOWN_ORDER, "scheduled[%d]: unknown order kind", k);
    if (o->nation < 0 || o->nation >= sc->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "scheduled[%d]: unknown nation", k);
    return CP_OK;
}

/* Refuse what the core cannot run with; loaders are expected to catch most
 * of this with better messages, but the core never trusts its input. */
cp_status cp_scenario_validate(const cp_scenario *sc, cp_error *err)
{
    if (sc->nation_count < 1 || sc->nation_count > CP_MAX_NATIONS)
        return cp_fail(err, CP_ERR_BAD_VALUE, "scenario %s: needs 1 to %d nations, has %d",
                       sc->name, CP_MAX_NATIONS, sc->nation_count);
    if (sc->start_quarter < 1 || sc->start_quarter > 4)
        return cp_fail(err, CP_ERR_BAD_VALUE, "scenario %s: start quarter must be 1-4", sc->name);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        const cp_good_params *p = &sc->goods[g];
        if (!(p->reference_price_usd_per_kg > 0) || bad(p->demand_elasticity) ||
            !(p->substitution > 1.0) || bad(p->supply_elasticity) ||
            bad(p->transport_usd_per_kg_per_10000km))
            return cp_fail(err, CP_ERR_BAD_VALUE,
                           "scenario %s: goods.%s: prices must be positive, elasticities "
                           "non-negative and substitution above 1",
                           sc->name, cp_good_name((cp_good)g));
    }
    if (bad(sc->magnet_light_t_per_t) || bad(sc->magnet_heavy_t_per_t) ||
        sc->magnet_light_t_per_t + sc->magnet_heavy_t_per_t > 1.0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "scenario %s: magnet recipe out of range", sc->name);
    if (bad_share(sc->leakage_share) || bad_share(sc->leakage_share_tracked) ||
        bad(sc->random_events) || bad(sc->stock_target_quarters))
        return cp_fail(err, CP_ERR_BAD_VALUE, "scenario %s: leakage shares must be 0..1",
                       sc->name);
    for (int i = 0; i < sc->nation_count; i++) {
        const cp_nation *n = &sc->nations[i];
        if (strlen(n->iso3) != 3)
            return cp_fail(err, CP_ERR_BAD_VALUE, "nations[%d]: iso3 must have 3 letters", i + 1);
        for (int j = 0; j < i; j++)
            if (strcmp(sc->nations[j].iso3, n->iso3) == 0)
                return cp_fail(err, CP_ERR_BAD_VALUE, "nations[%d]: %s appears twice", i + 1,
                               n->iso3);
        if (bad(n->reserves_t) || bad(n->gdp_busd_per_yr) || bad(n->budget_musd_per_yr) ||
            !isfinite(n->treasury_musd) || !(n->permitting_factor > 0))
            return cp_fail(err, CP_ERR_BAD_VALUE, "nation %s: reserves, GDP, budget must be "
                           "non-negative and permitting_factor positive", n->iso3);
        if (bad_share(n->ore_light_share) || bad_share(n->ore_heavy_share) ||
            n->ore_light_share + n->ore_heavy_share > 1.0)
            return cp_fail(err, CP_ERR_BAD_VALUE, "nation %s: ore shares must be 0..1", n->iso3);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            if (bad(n->stock_t[g]) || bad(n->stockpile_t[g]))
                return cp_fail(err, CP_ERR_BAD_VALUE, "nation %s: stock of %s is negative",
                               n->iso3, cp_good_name((cp_good)g));
            for (int s = 0; s < CP_SECTOR_COUNT; s++)
                if (bad(n->demand_t_per_yr[s][g]))
                    return cp_fail(err, CP_ERR_BAD_VALUE, "nation %s: demand %s/%s is negative",
                                   n->iso3, cp_sector_name((cp_sector)s),
                                   cp_good_name((cp_good)g));
        }
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            if (bad(n->sector_gdp_busd[s]))
                return cp_fail(err, CP_ERR_BAD_VALUE, "nation %s: sector_gdp_busd.%s is negative",
                               n->iso3, cp_sector_name((cp_sector)s));
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            if (bad_share(n->tech[k]))
                return cp_fail(err, CP_ERR_BAD_VALUE, "nation %s: tech levels must be 0..1",
                               n->iso3);
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
        if (!(f->capacity_t_per_yr > 0) || !isfinite(f->capacity_t_per_yr))
            return cp_fail(err, CP_ERR_BAD_VALUE, "facility %s: capacity must be positive",
                           f->name);
        if (f->stage < 0 || f->stage >= CP_STAGE_COUNT || f->turns_in_stage < 0)
            return cp_fail(err, CP_ERR_BAD_VALUE, "facility %s: bad stage", f->name);
        for (int s = 0; s < CP_STAGE_COUNT; s++)
            if (f->stage_turns[s] < 0)
                return cp_fail(err, CP_ERR_BAD_VALUE, "facility %s: negative stage length",
                               f->name);
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
