/* tariffs.c -- who paid each tariff: the tariff collected route by route
 * over the game, and the model's incidence share, for the debrief.
 *
 * market.c adds each quarter's tariff on every route (importer, good,
 * origin) to w->tariff_paid_musd as it settles trade. The tariff is
 * collected by the importer's treasury, but its burden is shared: in the
 * model's market the importer's price rises by e_X / (e_X + e_M) of the
 * wedge and the exporter's producer price falls by the rest, e_X being the
 * good's supply elasticity and e_M its demand elasticity (DESIGN.md s3; the
 * test of tariff incidence in tests/core/test_market.c holds the market to
 * it within 0.1).
 */
#include "world_internal.h"

double cp_world_tariff_paid_musd(const cp_world *w, int importer, cp_good good, int origin)
{
    if (importer < 0 || importer >= w->nation_count || origin < 0 ||
        origin >= w->nation_count || good < 0 || good >= CP_GOOD_COUNT)
        return 0;
    return w->tariff_paid_musd[good][importer][origin];
}

double cp_world_tariff_importer_share(const cp_world *w, cp_good good)
{
    if (good < 0 || good >= CP_GOOD_COUNT)
        return 0;
    double ex = w->sc->goods[good].supply_elasticity, em = w->sc->goods[good].demand_elasticity;
    return ex + em > 0 ? ex / (ex + em) : 0.5;
}
