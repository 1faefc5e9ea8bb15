/* fixture.c -- small hand-built worlds for the core's unit tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static void nation(cp_scenario *sc, int i, const char *iso, double lat, double lon)
{
    cp_nation *n = &sc->nations[i];
    snprintf(n->iso3, sizeof n->iso3, "%s", iso);
    snprintf(n->name, sizeof n->name, "Nation %s", iso);
    n->lat_deg = lat;
    n->lon_deg = lon;
    n->ore_light_share = 0.22;
    n->ore_heavy_share = 0.015;
    n->treasury_musd = 5000;
    n->budget_musd_per_yr = 1000;
    n->gdp_busd_per_yr = 2000;
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        n->tech[k] = 0.5;
    for (int s = 0; s < CP_SECTOR_COUNT; s++)
        n->sector_gdp_busd[s] = 50;
}

static void facility(cp_scenario *sc, const char *name, cp_facility_kind k, int host, double cap)
{
    cp_facility_spec *f = &sc->facilities[sc->facility_count++];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "%s", name);
    f->kind = k;
    f->host = f->funder = host;
    f->capacity_t_per_yr = cap;
    f->stage = CP_STAGE_OPERATING;
}

void fixture_three(cp_scenario *sc, int events)
{
    cp_scenario_defaults(sc);
    snprintf(sc->name, sizeof sc->name, "three");
    sc->nation_count = 3;
    sc->random_events = events ? 1.0 : 0.0;
    nation(sc, 0, "BIG", 35, 105);
    nation(sc, 1, "SML", -25, 135);
    nation(sc, 2, "USR", 50, 10);
    sc->nations[0].reserves_t = 40e6;
    sc->nations[1].reserves_t = 5e6;
    sc->nations[0].permitting_factor = 0.3;
    sc->nations[1].conflict_risk_per_yr = events ? 0.4 : 0;
    facility(sc, "BIG mines", CP_FAC_MINE, 0, 200000);
    facility(sc, "SML mine", CP_FAC_MINE, 1, 30000);
    facility(sc, "BIG separation", CP_FAC_SEPARATION, 0, 210000);
    facility(sc, "SML separation", CP_FAC_SEPARATION, 1, 15000);
    facility(sc, "BIG magnets", CP_FAC_MAGNET, 0, 150000);
    facility(sc, "USR magnets", CP_FAC_MAGNET, 2, 5000);
    /* heavy lines for the Dy/Tb in the ore BIG and SML separate */
    facility(sc, "BIG heavy lines", CP_FAC_HEAVY_SEPARATION, 0, 2500);
    facility(sc, "SML heavy line", CP_FAC_HEAVY_SEPARATION, 1, 200);
    /* magnets: ~145 kt/yr made; BIG uses 100 kt, USR 40 kt */
    sc->nations[0].demand_t_per_yr[CP_SECTOR_EV][CP_MAGNET] = 40000;
    sc->nations[0].demand_t_per_yr[CP_SECTOR_INDUSTRIAL][CP_MAGNET] = 60000;
    sc->nations[2].demand_t_per_yr[CP_SECTOR_EV][CP_MAGNET] = 20000;
    sc->nations[2].demand_t_per_yr[CP_SECTOR_INDUSTRIAL][CP_MAGNET] = 19000;
    sc->nations[2].demand_t_per_yr[CP_SECTOR_DEFENSE][CP_MAGNET] = 1000;
    sc->nations[2].demand_t_per_yr[CP_SECTOR_INDUSTRIAL][CP_HEAVY_OXIDE] = 200;
    sc->nations[0].demand_t_per_yr[CP_SECTOR_INDUSTRIAL][CP_LIGHT_OXIDE] = 2000;
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            sc->goods[g].growth_per_yr[s] = 0;
}

void fixture_two(cp_scenario *sc)
{
    cp_scenario_defaults(sc);
    snprintf(sc->name, sizeof sc->name, "two");
    sc->nation_count = 2;
    sc->random_events = 0;
    nation(sc, 0, "EXP", 35, 105);
    nation(sc, 1, "IMP", 36, 138);
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            sc->goods[g].growth_per_yr[s] = 0;
    /* magnets only, made from nothing: with no inputs a magnet plant's margin
     * is its price, so the export supply elasticity is exactly the
     * scenario's supply elasticity */
    sc->magnet_light_t_per_t = 0;
    sc->magnet_heavy_t_per_t = 0;
    facility(sc, "EXP magnets", CP_FAC_MAGNET, 0, 90000);
    sc->nations[1].demand_t_per_yr[CP_SECTOR_INDUSTRIAL][CP_MAGNET] = 80000;
}

cp_world *fixture_world(const cp_scenario *sc, uint64_t seed)
{
    cp_error err;
    cp_world *w = cp_world_create(sc, seed, &err);
    if (!w) {
        fprintf(stderr, "fixture: %s\n", err.message);
        exit(1);
    }
    return w;
}

cp_order fixture_order(cp_order_kind kind, int nation)
{
    cp_order o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    o.nation = nation;
    o.partner = CP_ALL;
    return o;
}
