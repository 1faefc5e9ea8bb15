/* test_market.c -- the market answers policies the way trade theory says:
 * tariff incidence, export bans, licences, suspensions, quotas, tracking. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

static cp_scenario sc;

/* The route share the market applies, read back through the public
 * policy record. */
static double mkt_route_share_for_test(const cp_world *w, int from, int to, int *licensed)
{
    const cp_export_control *c = &cp_world_nation(w, from)->policy.control[CP_MAGNET][to];
    double share;
    *licensed = cp_export_control_now(c, &share) == CP_CONTROL_LICENSED;
    return share;
}

static void run(cp_world *w, int turns)
{
    for (int t = 0; t < turns; t++)
        cp_world_advance(w);
}

static void submit(cp_world *w, cp_order o)
{
    cp_error err;
    cp_status st = cp_world_submit(w, &o, &err);
    CHECK(st == CP_OK, "submit %s: %s", cp_order_kind_name(o.kind), err.message);
}

/* Two-country incidence: the importer bears e_X / (e_X + e_M) of a tariff,
 * with e_X the exporter's supply elasticity and e_M the importer's demand
 * elasticity. Compared in logs at the steady state before and after, sixty
 * quarters on: demand then answers with its long-run elasticity, and the
 * plants' supply with the scenario's elasticity times that of the smooth
 * approach to full use at their normal use u, 1 - u^8 (production.c). */
static void test_tariff_incidence(void)
{
    fixture_two(&sc);
    cp_world *w = fixture_world(&sc, 1);
    double u = cp_world_normal_utilisation(w, CP_FAC_MAGNET), u8 = pow(u, 8);
    double eX = sc.goods[CP_MAGNET].supply_elasticity * (1.0 - u8);
    double eM = cp_long_run_elasticity(CP_MAGNET);
    run(w, 40);
    double p_imp0 = cp_world_nation(w, 1)->price_paid_usd_per_kg[CP_MAGNET];
    double p_exp0 = cp_world_nation(w, 0)->producer_price_usd_per_kg[CP_MAGNET];
    const double t = 0.30;
    cp_order o = fixture_order(CP_ORDER_SET_TARIFF, 1);
    o.good = CP_MAGNET;
    o.partner = 0;
    o.amount = t;
    submit(w, o);
    run(w, 60);
    double p_imp1 = cp_world_nation(w, 1)->price_paid_usd_per_kg[CP_MAGNET];
    double p_exp1 = cp_world_nation(w, 0)->producer_price_usd_per_kg[CP_MAGNET];
    double share = log(p_imp1 / p_imp0) / log(1.0 + t);
    double expect = eX / (eX + eM);
    printf("    importer bears %.3f of the tariff (theory %.3f); exporter price %.2f -> %.2f\n",
           share, expect, p_exp0, p_exp1);
    CHECK(fabs(share - expect) < 0.1, "incidence %.3f vs %.3f", share, expect);
    CHECK(p_exp1 < p_exp0, "the exporter's price falls");
    CHECK(cp_world_nation(w, 1)->tariff_revenue_musd > 0, "the importer collects the tariff");
    cp_world_destroy(w);
}

/* The dominant supplier bans magnet exports: prices rise abroad and fall at home. */
static void test_export_ban(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    run(w, 20);
    double home0 = cp_world_nation(w, 0)->price_paid_usd_per_kg[CP_MAGNET];
    double abroad0 = cp_world_nation(w, 2)->price_paid_usd_per_kg[CP_MAGNET];
    double imports0 = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    o.good = CP_MAGNET;
    o.mode = CP_CONTROL_BANNED;
    submit(w, o);
    run(w, 4);
    double home1 = cp_world_nation(w, 0)->price_paid_usd_per_kg[CP_MAGNET];
    double abroad1 = cp_world_nation(w, 2)->price_paid_usd_per_kg[CP_MAGNET];
    double imports1 = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    printf("    ban: home %.1f -> %.1f, abroad %.1f -> %.1f, flow %.0f -> %.0f t\n", home0, home1,
           abroad0, abroad1, imports0, imports1);
    CHECK(abroad1 > abroad0 * 1.2, "price abroad rises");
    CHECK(home1 < home0, "home price falls");
    CHECK(imports1 <= sc.leakage_share * imports0 * 1.05, "only leakage passes: %.0f", imports1);
    CHECK(cp_world_nation(w, 2)->shortage_t[CP_MAGNET] > 0, "the importer is short");
    cp_world_destroy(w);
}

/* A licence passes the approved share; tracking shrinks a ban's leakage. */
static void test_licence_and_tracking(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    run(w, 12);
    double flow0 = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    o.good = CP_MAGNET;
    o.mode = CP_CONTROL_LICENSED;
    o.amount = 0.5;
    submit(w, o);
    run(w, 6);
    double flow1 = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    printf("    licence 50%%: flow %.0f -> %.0f t\n", flow0, flow1);
    CHECK(flow1 < flow0 * 0.75 && flow1 > flow0 * 0.3, "about half passes: %.0f of %.0f", flow1, flow0);

    cp_world *tracked = cp_world_clone(w);
    o.mode = CP_CONTROL_BANNED;
    submit(w, o);
    submit(tracked, o);
    cp_order tr = fixture_order(CP_ORDER_SET_TRACKING, 0);
    tr.flag = 1;
    submit(tracked, tr);
    run(w, 4);
    run(tracked, 4);
    double leak = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    double leak_tracked = cp_world_market(tracked, CP_MAGNET)->flow_t[0][2];
    printf("    ban leakage %.0f t, with tracking %.0f t\n", leak, leak_tracked);
    CHECK(leak_tracked < leak * 0.5, "tracking shrinks leakage");
    cp_world_destroy(w);
    cp_world_destroy(tracked);
}

/* A control suspended for 4 turns is off for exactly 4 turns, then back. */
static void test_suspension_returns(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    o.good = CP_MAGNET;
    o.partner = 2;
    o.mode = CP_CONTROL_BANNED;
    submit(w, o);
    run(w, 6);
    double banned_flow = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    cp_order s = fixture_order(CP_ORDER_SUSPEND_EXPORT_CONTROL, 0);
    s.good = CP_MAGNET;
    s.partner = 2;
    s.turns = 4;
    submit(w, s);
    int start = cp_world_turn(w) + 1;
    double open_flow = 0;
    for (int k = 0; k < 6; k++) {
        cp_world_advance(w);
        const cp_export_control *c = &cp_world_nation(w, 0)->policy.control[CP_MAGNET][2];
        double flow = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
        int turn = cp_world_turn(w);
        if (turn < start + 4) {
            CHECK(flow > banned_flow * 4, "turn %d: suspended, flow %.0f", turn, flow);
            if (flow > open_flow)
                open_flow = flow;
        } else {
            CHECK(c->suspended_turns == 0 && c->mode == CP_CONTROL_BANNED,
                  "turn %d: the ban is back", turn);
            CHECK(flow < open_flow * 0.25, "turn %d: flow back to leakage %.0f", turn, flow);
        }
    }
    int returned = 0;
    for (int k = 0; k < cp_world_news_count(w); k++)
        if (strstr(cp_world_news(w, k)->text, "back in force")) {
            CHECK(cp_world_news(w, k)->turn == start + 3, "return announced at the end of turn %d, got %d",
                  start + 3, cp_world_news(w, k)->turn);
            returned = 1;
        }
    CHECK(returned, "news says the controls are back");
    cp_world_destroy(w);
}

/* A suspension can leave an older regime in force: October's ban suspended,
 * April's licences still apply. */
static void test_suspension_keeps_older_regime(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    run(w, 8);
    double open_flow = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    o.good = CP_MAGNET;
    o.mode = CP_CONTROL_BANNED;
    submit(w, o);
    cp_order s = fixture_order(CP_ORDER_SUSPEND_EXPORT_CONTROL, 0);
    s.good = CP_MAGNET;
    s.turns = 6;
    s.mode = CP_CONTROL_LICENSED;
    s.amount = 0.5;
    cp_world_advance(w);
    submit(w, s);
    run(w, 4);
    double flow = cp_world_market(w, CP_MAGNET)->flow_t[0][2];
    int lic = 0;
    double share = mkt_route_share_for_test(w, 0, 2, &lic);
    printf("    ban suspended under 50%% licences: flow %.0f of %.0f open\n", flow, open_flow);
    CHECK(lic && share == 0.5, "licences apply during the suspension (share %.2f)", share);
    CHECK(flow > open_flow * 0.3 && flow < open_flow * 0.75, "about half passes: %.0f", flow);
    s.mode = CP_CONTROL_BANNED;
    cp_error err;
    CHECK(cp_world_check(w, &s, &err) == CP_ERR_BAD_VALUE, "a suspension cannot ban");
    cp_world_destroy(w);
}

/* An export quota caps exports; a price floor keeps producers going and
 * is paid by the treasury. */
static void test_quota_and_floor(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    run(w, 8);
    cp_order q = fixture_order(CP_ORDER_SET_EXPORT_QUOTA, 0);
    q.good = CP_MAGNET;
    q.amount = 2000;
    submit(w, q);
    run(w, 4);
    double exports = cp_world_nation(w, 0)->exports_t[CP_MAGNET];
    CHECK(exports <= 2000 * 1.0001, "exports %.0f within the quota", exports);
    CHECK(exports > 1000, "the quota is used: %.0f", exports);

    double treasury = cp_world_nation(w, 1)->treasury_musd;
    cp_order f = fixture_order(CP_ORDER_SET_PRICE_FLOOR, 1);
    f.good = CP_ORE;
    f.amount = 30; /* far above the ore price */
    submit(w, f);
    run(w, 2);
    const cp_nation *sml = cp_world_nation(w, 1);
    CHECK(sml->floor_paid_musd > 0, "the treasury pays the floor");
    CHECK(sml->treasury_musd < treasury + 2 * sml->budget_musd_per_yr / 4, "money left the treasury");
    cp_world_destroy(w);
}

/* cp_export_control_now: a control's own regime, or while suspended the
 * one that applies meanwhile, and the share of requests that passes. */
static void test_control_now(void)
{
    cp_export_control c = {CP_CONTROL_LICENSED, 0.4, 0, CP_CONTROL_OPEN, 0.0};
    double share = -1;
    CHECK(cp_export_control_now(&c, &share) == CP_CONTROL_LICENSED && share == 0.4,
          "licensed: its approval share (%g)", share);
    c.mode = CP_CONTROL_BANNED;
    CHECK(cp_export_control_now(&c, &share) == CP_CONTROL_BANNED && share == 0, "banned: 0");
    c.mode = CP_CONTROL_OPEN;
    CHECK(cp_export_control_now(&c, &share) == CP_CONTROL_OPEN && share == 1, "open: 1");
    /* October's ban suspended under April's 50% licences */
    c = (cp_export_control){CP_CONTROL_BANNED, 0.9, 3, CP_CONTROL_LICENSED, 0.5};
    CHECK(cp_export_control_now(&c, &share) == CP_CONTROL_LICENSED && share == 0.5,
          "suspended: the fallback's share (%g), not the control's", share);
    c.fallback_mode = CP_CONTROL_OPEN;
    CHECK(cp_export_control_now(&c, &share) == CP_CONTROL_OPEN && share == 1,
          "suspended to open: 1 (%g)", share);
    c.suspended_turns = 0;
    CHECK(cp_export_control_now(&c, NULL) == CP_CONTROL_BANNED, "back when the suspension ends");
}

int main(void)
{
    RUN(test_control_now);
    RUN(test_tariff_incidence);
    RUN(test_export_ban);
    RUN(test_licence_and_tracking);
    RUN(test_suspension_returns);
    RUN(test_suspension_keeps_older_regime);
    RUN(test_quota_and_floor);
    return DONE();
}
