/* test_market_bounds.c -- the market's prices stay where an economist would
 * put them in its corner cases: a zero export quota passes nothing (its
 * buyers turn to other sellers, or with none left pay the choke price), a
 * seller asked for more than it has is priced no higher than the choke, and
 * ore that holds nothing sells at the floor. Each case once ran a price off
 * to 1e23-1e62 or to NaN (after issue 13's settling solver). */
#include <math.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

static cp_scenario sc;

enum { BIG = 0, SML = 1, USR = 2 };

/* The market's bounds (market.c): producer prices lie between 5% of the
 * reference (where sellers keep their stock) and the choke, twenty times
 * the reference (for ore, times what a seller's ore is worth over standard
 * ore: 'ore_worth'); a buyer's price index is finite and positive. And the
 * solve settled. */
static void check_bounds(const cp_world *w, const char *what, double ore_worth)
{
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        const cp_market *m = cp_world_market(w, (cp_good)g);
        double ref = m->reference_price_usd_per_kg;
        double top = 20.0 * ref * (g == CP_ORE ? ore_worth : 1.0);
        CHECK(!m->solve_capped, "%s, turn %d, %s: the market settled (%d passes, residual %g)", what,
              cp_world_turn(w), cp_good_name((cp_good)g), m->solve_iterations, m->solve_residual);
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            const cp_nation *x = cp_world_nation(w, n);
            double p = x->producer_price_usd_per_kg[g], paid = x->price_paid_usd_per_kg[g];
            CHECK(p >= 0.05 * ref * (1 - 1e-9) && p <= top * (1 + 1e-9),
                  "%s, turn %d: %s's producer price of %s is %g (reference %g)", what, cp_world_turn(w),
                  x->iso3, cp_good_name((cp_good)g), p, ref);
            CHECK(isfinite(paid) && paid > 0 && paid <= 1e3 * ref,
                  "%s, turn %d: %s pays %g for %s (reference %g)", what, cp_world_turn(w), x->iso3, paid,
                  cp_good_name((cp_good)g), ref);
        }
    }
}

/* The most a tonne of the fixture's ore (22% NdPr, 1.5% Dy/Tb of its REO)
 * can be worth over standard ore (21%, 0.4%) at any oxide prices: its
 * worth is a weighted mean of the two ratios. */
static const double FIXTURE_ORE_WORTH = 0.015 / 0.004;

static void submit(cp_world *w, cp_order o)
{
    cp_error err;
    cp_status st = cp_world_submit(w, &o, &err);
    CHECK(st == CP_OK, "submit %s: %s", cp_order_kind_name(o.kind), err.message);
}

static void quota(cp_world *w, int nation, cp_good g, double t)
{
    cp_order q = fixture_order(CP_ORDER_SET_EXPORT_QUOTA, nation);
    q.good = g;
    q.amount = t;
    submit(w, q);
}

/* A zero export quota passes nothing: no exports, no premium searched to
 * infinity. USR buys its Dy/Tb from SML when BIG's quota is zero, and when
 * both quotas are zero it has no seller left and pays the no-supply price,
 * the choke (embargo-2010 with quota_cut=1 once turned China's own price
 * of Dy/Tb into 2e-62 and its stock into NaN). */
static void test_zero_quota(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    cp_world_advance(w);
    quota(w, BIG, CP_HEAVY_OXIDE, 0);
    quota(w, BIG, CP_MAGNET, 0);
    quota(w, BIG, CP_LIGHT_OXIDE, 0);
    for (int t = 0; t < 4; t++) {
        cp_world_advance(w);
        check_bounds(w, "BIG's zero quotas", FIXTURE_ORE_WORTH);
        CHECK(cp_world_nation(w, BIG)->exports_t[CP_MAGNET] == 0 &&
                  cp_world_nation(w, BIG)->exports_t[CP_HEAVY_OXIDE] == 0,
              "turn %d: nothing leaves under a zero quota", cp_world_turn(w));
    }
    CHECK(cp_world_market(w, CP_HEAVY_OXIDE)->flow_t[SML][USR] > 0, "USR turns to SML's Dy/Tb");
    quota(w, SML, CP_HEAVY_OXIDE, 0);
    for (int t = 0; t < 4; t++) {
        cp_world_advance(w);
        check_bounds(w, "every Dy/Tb quota zero", FIXTURE_ORE_WORTH);
        const cp_nation *usr = cp_world_nation(w, USR);
        double ref = cp_world_market(w, CP_HEAVY_OXIDE)->reference_price_usd_per_kg;
        CHECK(usr->imports_t[CP_HEAVY_OXIDE] == 0, "turn %d: USR imports no Dy/Tb", cp_world_turn(w));
        CHECK(fabs(usr->price_paid_usd_per_kg[CP_HEAVY_OXIDE] - 20.0 * ref) <= 1e-9 * ref,
              "turn %d: USR, with no seller, pays the choke price: %g (reference %g)", cp_world_turn(w),
              usr->price_paid_usd_per_kg[CP_HEAVY_OXIDE], ref);
    }
    /* the quota lifted, trade comes back */
    quota(w, BIG, CP_HEAVY_OXIDE, -1);
    quota(w, SML, CP_HEAVY_OXIDE, -1);
    cp_world_advance(w);
    cp_world_advance(w);
    check_bounds(w, "quotas lifted", FIXTURE_ORE_WORTH);
    CHECK(cp_world_nation(w, USR)->imports_t[CP_HEAVY_OXIDE] > 0, "USR imports Dy/Tb again");
    cp_world_destroy(w);
}

/* An offtake that owes far more than the seller has (SML's 1e5 t of ore a
 * quarter) leaves it nothing to sell at any price: its price stops at the
 * choke, where what it cannot ship is rationed, instead of running to 8e23
 * (the fixture's random deals, test_deal's breached offtake). The same for
 * magnets. */
static void test_seller_with_nothing(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    cp_world_advance(w);
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = USR;
    d.party_count = 2;
    d.parties[0] = USR;
    d.parties[1] = SML;
    d.term_turns = 8;
    d.clause_count = 2;
    d.clauses[0] = (cp_clause){.kind = CP_CLAUSE_OFFTAKE, .from = SML, .to = USR, .good = CP_ORE, .amount = 1e5};
    d.clauses[1] = (cp_clause){.kind = CP_CLAUSE_OFFTAKE, .from = USR, .to = SML, .good = CP_MAGNET, .amount = 1e5};
    cp_error err;
    int id = cp_world_propose(w, &d, &err);
    CHECK(id >= 0, "propose: %s", err.message);
    CHECK(cp_world_answer(w, id, SML, CP_ANSWER_ACCEPT, &err) == CP_OK, "accept: %s", err.message);
    for (int t = 0; t < 3; t++) {
        cp_world_advance(w);
        check_bounds(w, "an offtake owing more than the seller has", FIXTURE_ORE_WORTH);
    }
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_zero_quota);
    RUN(test_seller_with_nothing);
    return DONE();
}
