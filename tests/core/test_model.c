/* test_model.c -- the economics of the model hold as properties: the
 * opening world rests, every market settles, licences ration (a lower
 * approval share never lowers an importer's price or raises what it gets),
 * tracking cuts leakage and diversion to defense, the extraterritorial rule
 * reaches magnets made abroad with the ruler's oxide, a technology ban
 * makes plants elsewhere slower, dearer and slacker, demand answers over
 * the long run, and projects slip as real ones do. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

static cp_scenario sc;
enum { BIG = 0, SML = 1, USR = 2 };

static void run(cp_world *w, int turns)
{
    for (int t = 0; t < turns; t++)
        cp_world_advance(w);
}

static void submit(cp_world *w, cp_order o)
{
    cp_error err;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "submit %s: %s", cp_order_kind_name(o.kind),
          err.message);
}

static cp_order control(int from, cp_good g, int to, cp_control_mode mode, double share)
{
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, from);
    o.good = g;
    o.partner = to;
    o.mode = mode;
    o.amount = share;
    return o;
}

/* With no growth, no events and no policy, every world price stays within
 * 5% of where it opens for 40 quarters: the opening world is at rest. */
static void test_opening_at_rest(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    double p0[CP_GOOD_COUNT], worst = 0;
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        p0[g] = cp_world_market(w, (cp_good)g)->world_price_usd_per_kg;
    for (int t = 0; t < 40; t++) {
        cp_world_advance(w);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            double p = cp_world_market(w, (cp_good)g)->world_price_usd_per_kg;
            if (p0[g] > 0 && fabs(p / p0[g] - 1) > worst)
                worst = fabs(p / p0[g] - 1);
        }
    }
    printf("    largest price move over 40 quarters at rest: %.2f%%\n", worst * 100);
    CHECK(worst <= 0.05, "prices at rest move by %.1f%%", worst * 100);
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        CHECK_NEAR(p0[g], sc.goods[g].reference_price_usd_per_kg, 0.05,
                   "%s opens at its reference price (%.2f vs %.2f)", cp_good_name((cp_good)g), p0[g],
                   sc.goods[g].reference_price_usd_per_kg);
    cp_world_destroy(w);
}

/* Every market settles to its tolerance every quarter, through policies
 * and events, and says how many passes it took; calm quarters take few. */
static void test_every_market_settles(void)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 3);
    long passes = 0, solves = 0;
    int capped = 0;
    for (int t = 0; t < 60; t++) {
        if (t == 10)
            submit(w, control(BIG, CP_MAGNET, USR, CP_CONTROL_LICENSED, 0.3));
        if (t == 20)
            submit(w, control(BIG, CP_HEAVY_OXIDE, CP_ALL, CP_CONTROL_BANNED, 0));
        if (t == 30) {
            cp_order q = fixture_order(CP_ORDER_SET_EXPORT_QUOTA, BIG);
            q.good = CP_LIGHT_OXIDE;
            q.amount = 500;
            submit(w, q);
        }
        cp_world_advance(w);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            const cp_market *m = cp_world_market(w, (cp_good)g);
            passes += m->solve_iterations;
            solves++;
            capped += m->solve_capped;
            CHECK(m->solve_capped || m->solve_residual <= 1e-3,
                  "turn %d %s: residual %.2g over the tolerance", t, cp_good_name((cp_good)g),
                  m->solve_residual);
        }
    }
    printf("    %ld solves, %.2f passes on average, %d at the cap\n", solves, (double)passes / solves,
           capped);
    CHECK(capped == 0, "%d solves stopped at the iteration cap", capped);
    CHECK((double)passes / solves < 5.0, "warm starts settle in few passes (%.2f)",
          (double)passes / solves);
    cp_world_destroy(w);
}

/* Licences ration: over approval shares from open to nothing, for magnets
 * and heavy oxide, to one importer and to all, from several starting
 * quarters, a lower share never lowers what the importer pays nor raises
 * what it gets from the exporter, two quarters on. */
static void test_licences_ration(void)
{
    static const double shares[] = {1.0, 0.75, 0.5, 0.25, 0.1, 0.025, 0.0};
    static const cp_good goods[] = {CP_MAGNET, CP_HEAVY_OXIDE};
    int cases = 0;
    for (int start = 4; start <= 20; start += 8)
        for (int gi = 0; gi < 2; gi++)
            for (int to_all = 0; to_all < 2; to_all++) {
                fixture_three(&sc, 0);
                cp_world *base = fixture_world(&sc, 1);
                run(base, start);
                double last_price = 0, last_got = 1e300;
                cp_good g = goods[gi];
                for (size_t k = 0; k < sizeof shares / sizeof shares[0]; k++) {
                    cp_world *w = cp_world_clone(base);
                    if (shares[k] < 1.0)
                        submit(w, control(BIG, g, to_all ? CP_ALL : USR, CP_CONTROL_LICENSED, shares[k]));
                    run(w, 2);
                    double price = cp_world_nation(w, USR)->price_paid_usd_per_kg[g];
                    double got = cp_world_market(w, g)->flow_t[BIG][USR];
                    CHECK(price >= last_price * (1 - 2e-3),
                          "start %d %s%s: approval %.3f lowers the price to %.2f from %.2f", start,
                          cp_good_name(g), to_all ? " to all" : "", shares[k], price, last_price);
                    CHECK(got <= last_got * (1 + 2e-3) + 1e-6,
                          "start %d %s%s: approval %.3f raises receipts to %.2f t from %.2f", start,
                          cp_good_name(g), to_all ? " to all" : "", shares[k], got, last_got);
                    last_price = price;
                    last_got = got;
                    cases++;
                    cp_world_destroy(w);
                }
                cp_world_destroy(base);
            }
    printf("    %d approval levels checked\n", cases);
}

/* Tracking cuts what leaks round a licence and what licensed material is
 * diverted to defense use anyway: with it, an importer whose defense needs
 * only licensed magnets can reach is shorter, and gets less. */
static void test_tracking_under_licences(void)
{
    fixture_three(&sc, 0);
    sc.facilities[5].capacity_t_per_yr = 1; /* USR makes next to no magnets (the least a scenario may state) */
    sc.nations[USR].demand_t_per_yr[CP_SECTOR_DEFENSE][CP_MAGNET] = 4000;
    cp_world *base = fixture_world(&sc, 1);
    run(base, 8);
    submit(base, control(BIG, CP_MAGNET, CP_ALL, CP_CONTROL_LICENSED, 0.4));
    cp_world *tracked = cp_world_clone(base);
    cp_order tr = fixture_order(CP_ORDER_SET_TRACKING, BIG);
    tr.flag = 1;
    submit(tracked, tr);
    double def[2] = {0, 0}, got[2] = {0, 0};
    for (int t = 0; t < 6; t++) {
        cp_world_advance(base);
        cp_world_advance(tracked);
        def[0] += cp_world_nation(base, USR)->sector_shortage_t[CP_SECTOR_DEFENSE];
        def[1] += cp_world_nation(tracked, USR)->sector_shortage_t[CP_SECTOR_DEFENSE];
        got[0] += cp_world_market(base, CP_MAGNET)->flow_t[BIG][USR];
        got[1] += cp_world_market(tracked, CP_MAGNET)->flow_t[BIG][USR];
    }
    printf("    licence 40%%: defense short %.0f t untracked, %.0f t tracked; imports %.0f t, %.0f t\n",
           def[0], def[1], got[0], got[1]);
    CHECK(def[1] > def[0] * 1.1, "tracking cuts diversion to defense (%.0f vs %.0f t short)", def[1],
          def[0]);
    CHECK(got[1] < got[0], "tracking cuts leakage (%.0f vs %.0f t)", got[1], got[0]);
    cp_world_destroy(base);
    cp_world_destroy(tracked);
}

/* The extraterritorial rule: BIG bans magnets to USR; SML makes magnets
 * from BIG's oxide and sells them to USR. With the rule, BIG's ban reaches
 * SML's magnets in the share of their oxide that came from BIG. */
static void test_extraterritorial_rule(void)
{
    fixture_three(&sc, 0);
    sc.facilities[4].capacity_t_per_yr = 110000; /* BIG makes fewer magnets ... */
    cp_facility_spec *f = &sc.facilities[sc.facility_count++];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "SML magnets");
    f->kind = CP_FAC_MAGNET;
    f->host = f->funder = SML;
    f->capacity_t_per_yr = 40000; /* ... and SML makes them from oxide it buys */
    f->stage = CP_STAGE_OPERATING;
    cp_world *base = fixture_world(&sc, 1);
    run(base, 8);
    submit(base, control(BIG, CP_MAGNET, USR, CP_CONTROL_BANNED, 0));
    cp_world *ruled = cp_world_clone(base);
    cp_order et = fixture_order(CP_ORDER_SET_EXTRATERRITORIAL, BIG);
    et.flag = 1;
    submit(ruled, et);
    run(base, 4);
    run(ruled, 4);
    double free_flow = cp_world_market(base, CP_MAGNET)->flow_t[SML][USR];
    double ruled_flow = cp_world_market(ruled, CP_MAGNET)->flow_t[SML][USR];
    printf("    SML's magnets to USR under BIG's ban: %.0f t, with the 0.1%% rule %.0f t\n", free_flow,
           ruled_flow);
    CHECK(free_flow > 100, "without the rule, SML's magnets go round the ban (%.0f t)", free_flow);
    CHECK(ruled_flow < 0.5 * free_flow, "the rule reaches them (%.0f vs %.0f t)", ruled_flow,
          free_flow);
    CHECK(cp_world_nation(ruled, USR)->price_paid_usd_per_kg[CP_MAGNET] >
              cp_world_nation(base, USR)->price_paid_usd_per_kg[CP_MAGNET],
          "and USR pays more");
    cp_world_destroy(base);
    cp_world_destroy(ruled);
}

/* A technology ban by the leader: a separation plant in a nation behind it
 * costs more, ramps up longer, and the nation's separators run slacker. */
static void test_tech_ban_bites(void)
{
    fixture_three(&sc, 0);
    sc.nations[BIG].tech[CP_FAC_SEPARATION] = 0.95;
    sc.nations[USR].treasury_musd = 50000;
    cp_world *base = fixture_world(&sc, 1);
    cp_world *banned = cp_world_clone(base);
    cp_order ban = fixture_order(CP_ORDER_SET_TECH_BAN, BIG);
    ban.flag = 1;
    submit(banned, ban);
    cp_world *w[2] = {base, banned};
    int id = cp_world_facility_count(base);
    int ramp[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        cp_order b = fixture_order(CP_ORDER_BUILD_FACILITY, USR);
        b.partner = USR;
        b.facility_kind = CP_FAC_SEPARATION;
        b.amount = 5000;
        submit(w[k], b);
    }
    double sml_out[2] = {0, 0};
    for (int t = 0; t < 60; t++)
        for (int k = 0; k < 2; k++) {
            cp_world_advance(w[k]);
            const cp_facility *f = cp_world_facility(w[k], id);
            if (f->stage == CP_STAGE_RAMP_UP)
                ramp[k]++;
            if (t >= 40)
                sml_out[k] += cp_world_nation(w[k], SML)->separated_t;
        }
    const cp_facility *f0 = cp_world_facility(base, id), *f1 = cp_world_facility(banned, id);
    printf("    USR separation plant: capex %.0f vs %.0f $M, ramp-up %d vs %d quarters; SML separates "
           "%.0f vs %.0f t\n", f0->capex_musd, f1->capex_musd, ramp[0], ramp[1], sml_out[0], sml_out[1]);
    CHECK(f1->capex_musd > 1.3 * f0->capex_musd, "dearer under the ban");
    CHECK(ramp[1] > ramp[0], "a longer ramp-up under the ban (%d vs %d)", ramp[1], ramp[0]);
    CHECK(sml_out[1] < sml_out[0], "SML's plants run slacker (%.0f vs %.0f t)", sml_out[1], sml_out[0]);
    cp_world_destroy(base);
    cp_world_destroy(banned);
}

/* Demand's long run: a heavy-oxide squeeze makes users redesign over the
 * years (demand per unit of activity falls, magnet makers thrift Dy/Tb)
 * and draws recycled scrap. */
static void test_long_run_demand(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    run(w, 4);
    submit(w, control(BIG, CP_HEAVY_OXIDE, CP_ALL, CP_CONTROL_LICENSED, 0.2));
    double adj[3], rec[3];
    int at[] = {1, 4, 16}, t = 0;
    for (int k = 0; k < 3; k++) {
        run(w, at[k] - t);
        t = at[k];
        adj[k] = cp_world_nation(w, USR)->demand_adjust[CP_HEAVY_OXIDE];
        rec[k] = cp_world_nation(w, USR)->recycled_share[CP_HEAVY_OXIDE];
    }
    printf("    USR's Dy/Tb demand per unit of activity %.3f, %.3f, %.3f; recycled %.1f%%, %.1f%%, "
           "%.1f%% after 1, 4, 16 quarters\n", adj[0], adj[1], adj[2], rec[0] * 100, rec[1] * 100,
           rec[2] * 100);
    CHECK(adj[0] > adj[1] && adj[1] > adj[2] && adj[2] < 0.95, "demand adjusts over the years");
    CHECK(adj[0] > 0.97, "little at once: the short run is the short-run elasticity");
    CHECK(rec[2] > rec[1] && rec[2] > 0.012, "recycling grows with the price");
    cp_world_destroy(w);
}

/* Projects slip as real ones did: one in five on time, the rest by 30% of
 * their timeline on average (a mine's ten years: three), so 2.4 years on
 * average for mines in an OECD permitting regime. */
static void test_slippage(void)
{
    fixture_three(&sc, 0);
    sc.nations[USR].reserves_t = 1e7;
    sc.nations[USR].treasury_musd = 1e6;
    sc.nations[USR].permitting_factor = 1.0;
    cp_world *w = fixture_world(&sc, 1);
    int first = cp_world_facility_count(w), count = 0, on_time = 0;
    double sum = 0;
    for (int k = 0; k < 120; k++) {
        cp_order b = fixture_order(CP_ORDER_BUILD_FACILITY, USR);
        b.partner = USR;
        b.facility_kind = CP_FAC_MINE;
        b.amount = 1000;
        cp_error err;
        if (cp_world_submit(w, &b, &err) != CP_OK)
            break;
        cp_world_advance(w);
    }
    for (int f = first; f < cp_world_facility_count(w); f++) {
        const cp_facility *x = cp_world_facility(w, f);
        if (x->host != USR || x->kind != CP_FAC_MINE)
            continue;
        int slip = x->slip_turns + x->delay_turns;
        sum += slip;
        on_time += slip == 0;
        count++;
    }
    double mean_yr = count ? sum / count / 4.0 : 0, share = count ? (double)on_time / count : 0;
    printf("    %d mines: mean slip %.2f years, %.0f%% on time\n", count, mean_yr, share * 100);
    CHECK(count >= 60, "enough projects (%d)", count);
    CHECK(mean_yr >= 2.0 && mean_yr <= 3.0, "mean slip 2-3 years (%.2f)", mean_yr);
    CHECK(share >= 0.1 && share <= 0.3, "about one in five on time (%.0f%%)", share * 100);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_opening_at_rest);
    RUN(test_every_market_settles);
    RUN(test_licences_ration);
    RUN(test_tracking_under_licences);
    RUN(test_extraterritorial_rule);
    RUN(test_tech_ban_bites);
    RUN(test_long_run_demand);
    RUN(test_slippage);
    return DONE();
}
