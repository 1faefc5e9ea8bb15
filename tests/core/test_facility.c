/* test_facility.c -- capacity timelines: how long each kind of plant takes,
 * what stalls it and what speeds it up. */
#include "check.h"
#include "fixture.h"

static cp_scenario sc;

/* Build a facility of 'kind' in 'host' for 'funder' and return its id. */
static int build(cp_world *w, int funder, int host, cp_facility_kind kind, double cap)
{
    cp_order o = fixture_order(CP_ORDER_BUILD_FACILITY, funder);
    o.partner = host;
    o.facility_kind = kind;
    o.amount = cap;
    cp_error err;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    int id = cp_world_facility_count(w);
    cp_world_advance(w);
    return id;
}

/* Turns from the order until the facility first produces. */
static int turns_to_output(cp_world *w, int id, int limit)
{
    for (int t = 1; t <= limit; t++) {
        if (cp_world_facility(w, id)->output_t > 0)
            return t;
        cp_world_advance(w);
    }
    return -1;
}

/* The slippage a new project drew when it was announced (shown in its
 * delays once construction starts). */
static int slip_of(const cp_world *w, int id)
{
    const cp_facility *f = cp_world_facility(w, id);
    return f->slip_turns + f->delay_turns;
}

static void test_mine_takes_years(void)
{
    fixture_three(&sc, 0);
    sc.nations[2].permitting_factor = 1.0; /* an OECD regime */
    sc.nations[2].reserves_t = 1e6;
    cp_world *w = fixture_world(&sc, 1);
    int id = build(w, 2, 2, CP_FAC_MINE, 10000);
    int t = turns_to_output(w, id, 120);
    int slip = slip_of(w, id);
    printf("    OECD mine: first ore after %d quarters (%d of them slippage)\n", t, slip);
    CHECK(t - slip >= 28, "no ore for at least 7 years as planned (got %d quarters)", t - slip);
    CHECK(t - slip <= 44, "ore within 11 years as planned (got %d quarters)", t - slip);
    CHECK(slip <= 40, "a slip of at most the timeline (%d)", slip);
    cp_world_destroy(w);

    fixture_three(&sc, 0);
    w = fixture_world(&sc, 1);
    id = build(w, 0, 0, CP_FAC_MINE, 10000); /* BIG: fast permitting */
    int fast = turns_to_output(w, id, 80) - slip_of(w, id);
    printf("    fast-permitting mine: %d quarters as planned\n", fast);
    CHECK(fast > 0 && fast < t - slip - 8, "a fast regime builds sooner (%d vs %d)", fast, t - slip);
    cp_world_destroy(w);
}

static void test_plants(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    int mag = build(w, 2, 2, CP_FAC_MAGNET, 2000);
    int t = turns_to_output(w, mag, 40) - slip_of(w, mag);
    printf("    magnet plant: %d quarters as planned\n", t);
    CHECK(t >= 6 && t <= 11, "magnet plant about 2 years (got %d quarters)", t);
    int sep = build(w, 2, 2, CP_FAC_SEPARATION, 5000);
    int s = turns_to_output(w, sep, 80) - slip_of(w, sep);
    printf("    separation plant: %d quarters as planned\n", s);
    CHECK(s >= 14 && s <= 24, "separation plant 3.5-6 years (got %d)", s);
    const cp_facility *f = cp_world_facility(w, mag);
    CHECK(f->capex_paid_musd >= f->capex_musd * 0.999, "paid in full: %.0f of %.0f",
          f->capex_paid_musd, f->capex_musd);
    cp_world_destroy(w);
}

static void test_no_money_stalls_and_funding_speeds(void)
{
    fixture_three(&sc, 0);
    sc.nations[2].treasury_musd = 20;
    sc.nations[2].budget_musd_per_yr = 0;
    cp_world *broke = fixture_world(&sc, 1);
    int id = build(broke, 2, 2, CP_FAC_MAGNET, 2000);
    for (int k = 0; k < 30; k++)
        cp_world_advance(broke);
    CHECK(cp_world_facility(broke, id)->stage == CP_STAGE_CONSTRUCTION,
          "an unfunded plant stalls in construction (%s)",
          cp_stage_name(cp_world_facility(broke, id)->stage));
    cp_world_destroy(broke);

    fixture_three(&sc, 0);
    cp_world *a = fixture_world(&sc, 1);
    int ida = build(a, 2, 2, CP_FAC_SEPARATION, 5000);
    cp_world *b = cp_world_clone(a);
    cp_order fund = fixture_order(CP_ORDER_FUND_FACILITY, 2);
    fund.facility = ida;
    fund.amount = 300;
    cp_error err;
    CHECK(cp_world_submit(b, &fund, &err) == CP_OK, "%s", err.message);
    int ta = turns_to_output(a, ida, 60), tb = turns_to_output(b, ida, 60);
    printf("    separation plant: %d quarters, prepaid %d\n", ta, tb);
    CHECK(tb < ta, "prepaying speeds construction (%d vs %d)", tb, ta);
    cp_world_destroy(a);
    cp_world_destroy(b);
}

static void test_lawsuit_delays(void)
{
    fixture_three(&sc, 0);
    cp_world *a = fixture_world(&sc, 1);
    int id = build(a, 2, 2, CP_FAC_MAGNET, 2000);
    cp_world *b = cp_world_clone(a);
    cp_event e = {CP_EVENT_LAWSUIT, 2, -1, -1, id, 0, 3};
    cp_error err;
    CHECK(cp_world_inject_event(b, &e, &err) == CP_OK, "%s", err.message);
    int ta = turns_to_output(a, id, 40), tb = turns_to_output(b, id, 40);
    CHECK(tb == ta + 3, "a 3-quarter lawsuit delays by 3 (%d vs %d)", tb, ta);
    CHECK(cp_world_facility(b, id)->delay_turns == cp_world_facility(a, id)->delay_turns + 3,
          "delay recorded");
    cp_world_destroy(a);
    cp_world_destroy(b);
}

int main(void)
{
    RUN(test_mine_takes_years);
    RUN(test_plants);
    RUN(test_no_money_stalls_and_funding_speeds);
    RUN(test_lawsuit_delays);
    return DONE();
}
