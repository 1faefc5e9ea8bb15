/* test_scenario_ranges.c -- every number a scenario states has a range
 * (cp_scenario_range), cp_scenario_validate refuses a value outside it by
 * name, and a world made at the edges of the ranges stays finite (and so
 * saveable) over a long game.
 *
 * The regression: a reference price, a capacity or a demand of 1e308 was
 * accepted, the world's numbers became infinite in the first turn, and the
 * first autosave failed ("pressure is not a finite number").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

static cp_scenario sc; /* large: off the stack */

/* A scenario number: its range's name, what the message calls it, where it is. */
typedef struct {
    const char *range;
    const char *shown;
    double *at;
} field;

static int fields_of(cp_scenario *s, field *out)
{
    int n = 0;
    cp_nation *a = &s->nations[0];
#define F(r, sh, p) out[n++] = (field){(r), (sh), &(p)}
    F("reference_price_usd_per_kg", "reference_price_usd_per_kg", s->goods[CP_MAGNET].reference_price_usd_per_kg);
    F("demand_elasticity", "demand_elasticity", s->goods[CP_ORE].demand_elasticity);
    F("substitution", "substitution", s->goods[CP_LIGHT_OXIDE].substitution);
    F("supply_elasticity", "supply_elasticity", s->goods[CP_HEAVY_OXIDE].supply_elasticity);
    F("transport_usd_per_kg_per_10000km", "transport_usd_per_kg_per_10000km",
      s->goods[CP_MAGNET].transport_usd_per_kg_per_10000km);
    F("growth_per_yr", "growth_per_yr.ev", s->goods[CP_MAGNET].growth_per_yr[CP_SECTOR_EV]);
    F("light_oxide_t_per_t", "light_oxide_t_per_t", s->magnet_light_t_per_t);
    F("heavy_oxide_t_per_t", "heavy_oxide_t_per_t", s->magnet_heavy_t_per_t);
    F("leakage_share", "leakage_share", s->leakage_share);
    F("leakage_share_tracked", "leakage_share_tracked", s->leakage_share_tracked);
    F("random_events", "random_events", s->random_events);
    F("stock_target_quarters", "stock_target_quarters", s->stock_target_quarters);
    F("lat", "lat", a->lat_deg);
    F("lon", "lon", a->lon_deg);
    F("reserves_t", "reserves_t", a->reserves_t);
    F("treasury_musd", "treasury_musd", a->treasury_musd);
    F("budget_musd_per_yr", "budget_musd_per_yr", a->budget_musd_per_yr);
    F("gdp_busd_per_yr", "gdp_busd_per_yr", a->gdp_busd_per_yr);
    F("sector_gdp_busd", "sector_gdp_busd.wind", a->sector_gdp_busd[CP_SECTOR_WIND]);
    F("permitting_factor", "permitting_factor", a->permitting_factor);
    F("trust", "trust", a->trust);
    F("pressure", "pressure", a->pressure);
    F("conflict_risk_per_yr", "conflict_risk_per_yr", a->conflict_risk_per_yr);
    F("hurdle_price_ratio", "hurdle_price_ratio", a->hurdle_price_ratio);
    F("expansion_cap_per_yr", "expansion_cap_per_yr", a->expansion_cap_per_yr);
    F("ore", "ore.heavy_share", a->ore_heavy_share);
    F("tech", "tech.separation", a->tech[CP_FAC_SEPARATION]);
    F("tech", "tech.heavy_separation", a->tech[CP_FAC_HEAVY_SEPARATION]);
    F("weights", "weights.leverage", a->weights.leverage);
    F("stock_t", "stock_t.magnet", a->stock_t[CP_MAGNET]);
    F("stockpile_t", "stockpile_t.ore", a->stockpile_t[CP_ORE]);
    F("demand_t_per_yr", "demand_t_per_yr.ev.magnet", a->demand_t_per_yr[CP_SECTOR_EV][CP_MAGNET]);
    F("capacity_t_per_yr", "capacity_t_per_yr", s->facilities[1].capacity_t_per_yr);
#undef F
    return n;
}

/* The three numbers: refused, by name, by the core itself. */
static void test_the_regression(void)
{
    struct {
        const char *shown;
        double *at;
    } cases[] = {
        {"reference_price_usd_per_kg", &sc.goods[CP_MAGNET].reference_price_usd_per_kg},
        {"capacity_t_per_yr", &sc.facilities[0].capacity_t_per_yr},
        {"demand_t_per_yr.ev.magnet", &sc.nations[0].demand_t_per_yr[CP_SECTOR_EV][CP_MAGNET]},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fixture_three(&sc, 1);
        *cases[i].at = 1e308;
        cp_error e;
        cp_world *w = cp_world_create(&sc, 1, &e);
        CHECK(w == NULL && strstr(e.message, cases[i].shown) && strstr(e.message, "1e+308"),
              "1e308 as %s is refused: %s", cases[i].shown, w ? "(accepted)" : e.message);
        cp_world_destroy(w);
    }
}

/* Each field, pushed out of its range or made non-finite, is refused with
 * its name; at its bounds it is accepted. */
static void test_each_field(void)
{
    field fs[64];
    fixture_three(&sc, 1);
    int n = fields_of(&sc, fs);
    for (int i = 0; i < n; i++) {
        const cp_number_range *r = cp_scenario_range(fs[i].range);
        CHECK(r != NULL, "%s has a range", fs[i].range);
        if (!r)
            continue;
        double bad[] = {NAN, INFINITY, -INFINITY, 1e308, -1e308, r->max * 2 + 1,
                        r->min - fabs(r->min) - 1, r->above_min ? r->min : nextafter(r->min, -INFINITY)};
        for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            fixture_three(&sc, 1);
            fields_of(&sc, fs);
            *fs[i].at = bad[k];
            cp_error e;
            cp_status st = cp_scenario_validate(&sc, &e);
            CHECK(st != CP_OK && strstr(e.message, fs[i].shown),
                  "%s = %g is refused by name: %s", fs[i].shown, bad[k], st ? e.message : "accepted");
        }
        double good[] = {r->max, r->above_min ? nextafter(r->min, INFINITY) : r->min};
        for (size_t k = 0; k < sizeof good / sizeof good[0]; k++) {
            fixture_three(&sc, 1);
            fields_of(&sc, fs);
            *fs[i].at = good[k];
            /* shares that must add up: leave room for the other one */
            if (strcmp(fs[i].range, "ore") == 0)
                sc.nations[0].ore_light_share = 0;
            if (strcmp(fs[i].range, "heavy_oxide_t_per_t") == 0 ||
                strcmp(fs[i].range, "light_oxide_t_per_t") == 0)
                sc.magnet_light_t_per_t = good[k] > 0 && fs[i].at != &sc.magnet_light_t_per_t
                                              ? 0 : sc.magnet_light_t_per_t,
                sc.magnet_heavy_t_per_t = fs[i].at == &sc.magnet_light_t_per_t && good[k] > 0
                                              ? 0 : sc.magnet_heavy_t_per_t;
            cp_error e;
            cp_status st = cp_scenario_validate(&sc, &e);
            CHECK(st == CP_OK, "%s = %g, at its bound, is accepted: %s", fs[i].shown, good[k],
                  st ? e.message : "");
        }
    }
    CHECK(cp_scenario_range("no_such_field") == NULL, "a name without a range");
}

/* Every number of the scenario at one end of its range, or anywhere in it. */
typedef enum { AT_MAX, AT_MIN, RANDOM } edge;

static double pick(const cp_number_range *r, edge e, unsigned *seed)
{
    double lo = r->above_min ? nextafter(r->min, INFINITY) : r->min;
    if (e == AT_MAX)
        return r->max;
    if (e == AT_MIN)
        return lo;
    *seed = *seed * 1103515245u + 12345u;
    double u = (double)(*seed >> 8 & 0xffff) / 65535.0;
    /* wide ranges log-uniformly, so that small and huge values both come */
    if (lo >= 0 && r->max / (lo > 1e-3 ? lo : 1e-3) > 1e3) {
        double a = log(lo > 1e-3 ? lo : 1e-3), b = log(r->max);
        return exp(a + u * (b - a));
    }
    return lo + u * (r->max - lo);
}

static void at_edges(edge e, unsigned seed)
{
    fixture_three(&sc, 1);
    for (int i = 0; i < sc.nation_count; i++) {
        cp_scenario *s = &sc;
        cp_nation *a = &s->nations[i];
        a->reserves_t = pick(cp_scenario_range("reserves_t"), e, &seed);
        a->treasury_musd = pick(cp_scenario_range("treasury_musd"), e, &seed);
        a->budget_musd_per_yr = pick(cp_scenario_range("budget_musd_per_yr"), e, &seed);
        a->gdp_busd_per_yr = pick(cp_scenario_range("gdp_busd_per_yr"), e, &seed);
        a->permitting_factor = pick(cp_scenario_range("permitting_factor"), e, &seed);
        a->hurdle_price_ratio = pick(cp_scenario_range("hurdle_price_ratio"), e, &seed);
        a->expansion_cap_per_yr = pick(cp_scenario_range("expansion_cap_per_yr"), e, &seed);
        a->conflict_risk_per_yr = pick(cp_scenario_range("conflict_risk_per_yr"), e, &seed);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            a->stock_t[g] = pick(cp_scenario_range("stock_t"), e, &seed);
            a->stockpile_t[g] = pick(cp_scenario_range("stockpile_t"), e, &seed);
            for (int k = 0; k < CP_SECTOR_COUNT; k++)
                a->demand_t_per_yr[k][g] = pick(cp_scenario_range("demand_t_per_yr"), e, &seed);
        }
        for (int k = 0; k < CP_SECTOR_COUNT; k++)
            a->sector_gdp_busd[k] = pick(cp_scenario_range("sector_gdp_busd"), e, &seed);
    }
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cp_good_params *p = &sc.goods[g];
        p->reference_price_usd_per_kg = pick(cp_scenario_range("reference_price_usd_per_kg"), e, &seed);
        p->demand_elasticity = pick(cp_scenario_range("demand_elasticity"), e, &seed);
        p->substitution = pick(cp_scenario_range("substitution"), e, &seed);
        p->supply_elasticity = pick(cp_scenario_range("supply_elasticity"), e, &seed);
        p->transport_usd_per_kg_per_10000km =
            pick(cp_scenario_range("transport_usd_per_kg_per_10000km"), e, &seed);
        for (int k = 0; k < CP_SECTOR_COUNT; k++)
            p->growth_per_yr[k] = pick(cp_scenario_range("growth_per_yr"), e, &seed);
    }
    for (int k = 0; k < sc.facility_count; k++)
        sc.facilities[k].capacity_t_per_yr = pick(cp_scenario_range("capacity_t_per_yr"), e, &seed);
    sc.random_events = pick(cp_scenario_range("random_events"), e, &seed);
    sc.stock_target_quarters = pick(cp_scenario_range("stock_target_quarters"), e, &seed);
    sc.leakage_share = pick(cp_scenario_range("leakage_share"), e, &seed);
}

/* A world at the edges plays a long game and can be saved all along. */
static void test_edges_stay_finite(void)
{
    static const char *const names[] = {"every number at its maximum", "every number at its minimum",
                                        "random numbers within the ranges"};
    for (int e = AT_MAX; e <= RANDOM; e++) {
        for (unsigned seed = 1; seed <= (e == RANDOM ? 6u : 1u); seed++) {
            at_edges((edge)e, seed);
            cp_error err;
            cp_world *w = cp_world_create(&sc, seed, &err);
            CHECK(w != NULL, "%s (%u): the world starts: %s", names[e], seed, w ? "" : err.message);
            if (!w)
                continue;
            int saved = 1;
            for (int t = 1; t <= (e == AT_MAX ? 4000 : 400) && saved; t++) {
                cp_world_advance(w);
                if (t % 500 != 0 && t != 400)
                    continue;
                unsigned char *buf;
                size_t len;
                saved = cp_world_save(w, &buf, &len, &err) == CP_OK;
                CHECK(saved, "%s (%u), turn %d: the world saves: %s", names[e], seed, t,
                      saved ? "" : err.message);
                if (saved)
                    free(buf);
            }
            cp_world_destroy(w);
        }
    }
}

int main(void)
{
    RUN(test_the_regression);
    RUN(test_each_field);
    RUN(test_edges_stay_finite);
    return DONE();
}
