/* test_human_orders.c -- humans and agents speak one language: the orders and deals the window
 * builds (src/ui/orders_ui.c) are the very ones a Lua agent's act.* calls build, and playing the
 * same turns both ways gives the same state hash, turn by turn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "chokepoint.h"
#include "orders_ui.h"
#include "script.h"

#define AGENTS CP_DATA_DIR "/tests/ui/agents/"

static cp_scenario sc;
static cps_scenario_info info;

static void quiet(void *ud, const char *line)
{
    (void)ud;
    fprintf(stderr, "agent: %s\n", line);
}

/* A world of the baseline scenario where nobody plays, except USA by 'usa_agent' (NULL: a
 * human, i.e. nobody). */
static cp_world *game(const char *usa_agent, cps_seats **seats)
{
    cp_error e;
    cp_world *w = cp_world_create(&sc, 1, &e);
    CHECK(w != NULL, "%s", e.message);
    static char text[CP_MAX_NATIONS][300];
    const char *assign[CP_MAX_NATIONS];
    int n = cp_world_nation_count(w);
    for (int i = 0; i < n; i++) {
        const char *iso = cp_world_nation(w, i)->iso3;
        snprintf(text[i], sizeof text[i], "%s=%s", iso, usa_agent && !strcmp(iso, "USA") ? usa_agent : "none");
        assign[i] = text[i];
    }
    cps_seat_opts o;
    memset(&o, 0, sizeof o);
    o.log = quiet;
    char err[1024];
    *seats = cps_seats_create(w, &info, assign, n, &o, err, sizeof err);
    CHECK(*seats != NULL, "%s", err);
    return w;
}

static int nation(const cp_world *w, const char *iso)
{
    return cp_world_find_nation(w, iso);
}

static int facility_id(const cp_world *w, const char *name)
{
    for (int i = 0; i < cp_world_facility_count(w); i++)
        if (!strcmp(cp_world_facility(w, i)->name, name)) return cp_world_facility(w, i)->id;
    return -1;
}

static int same_order(const cp_order *x, const cp_order *y)
{
    return x->kind == y->kind && x->nation == y->nation && x->partner == y->partner && x->good == y->good &&
           x->facility == y->facility && x->facility_kind == y->facility_kind && x->mode == y->mode &&
           x->flag == y->flag && x->turns == y->turns && x->amount == y->amount;
}

static void describe(const cp_order *o, char *buf, size_t len)
{
    snprintf(buf, len, "%s nation %d partner %d good %d facility %d kind %d mode %d flag %d turns %d amount %g",
             cp_order_kind_name(o->kind), o->nation, o->partner, o->good, o->facility, o->facility_kind, o->mode,
             o->flag, o->turns, o->amount);
}

/* The USA's pending orders in 'w' must be 'want', in order. */
static void check_pending(const cp_world *w, const cp_order *want, int n)
{
    int usa = nation(w, "USA"), k = 0;
    for (int i = 0; i < cp_world_pending_count(w); i++) {
        const cp_order *o = cp_world_pending(w, i);
        if (o->nation != usa) continue;
        char got[300], exp[300];
        describe(o, got, sizeof got);
        if (k < n) describe(&want[k], exp, sizeof exp);
        CHECK(k < n && same_order(o, &want[k]), "order %d: agent built %s, window builds %s", k, got,
              k < n ? exp : "nothing");
        k++;
    }
    CHECK(k == n, "the agent queued %d orders, the window %d", k, n);
}

/* Every order kind: the agent's act.* and the window's builders give equal orders, which the
 * core accepts, and equal games. */
static void test_every_order(void)
{
    cps_seats *sa, *sb;
    cp_world *a = game(NULL, &sa), *b = game(AGENTS "every_order.lua", &sb);
    int usa = nation(a, "USA"), chn = nation(a, "CHN"), aus = nation(a, "AUS"), jpn = nation(a, "JPN");
    cp_order t0[] = {
        oui_build(usa, aus, CP_FAC_SEPARATION, 3000),
        oui_fund(usa, facility_id(a, "eVAC Sumter"), 50),
        oui_idle(usa, facility_id(a, "Noveon San Marcos"), 1),
        oui_close(usa, facility_id(a, "Mountain Pass separation")),
        oui_tariff(usa, CP_ALL, chn, 0.1),
        oui_export_control(usa, CP_HEAVY_OXIDE, chn, CP_CONTROL_LICENSED, 0.4),
        oui_export_control(usa, CP_MAGNET, CP_ALL, CP_CONTROL_BANNED, 0.4),
        oui_export_quota(usa, CP_ORE, 2000),
        oui_export_tax(usa, CP_LIGHT_OXIDE, 0.15),
        oui_stockpile(usa, CP_MAGNET, 250, 0),
        oui_subsidy(usa, CP_FAC_MAGNET, 0.3),
        oui_price_floor(usa, CP_LIGHT_OXIDE, 80),
        oui_tracking(usa, 1),
        oui_tech_ban(usa, 0),
        oui_extraterritorial(usa, 1),
        oui_foreign_investment(usa, 0),
    };
    cp_order t1[] = {oui_stockpile(usa, CP_MAGNET, 100, 1), oui_suspend(usa, CP_MAGNET, jpn, 6, CP_CONTROL_OPEN, 1),
                     oui_idle(usa, facility_id(a, "Noveon San Marcos"), 0)};
    int covered[CP_ORDER_KIND_COUNT] = {0};
    for (size_t i = 0; i < sizeof t0 / sizeof t0[0]; i++) covered[t0[i].kind] = 1;
    for (size_t i = 0; i < sizeof t1 / sizeof t1[0]; i++) covered[t1[i].kind] = 1;
    for (int k = 0; k < CP_ORDER_KIND_COUNT; k++) CHECK(covered[k], "no test of %s", cp_order_kind_name((cp_order_kind)k));

    for (int turn = 0; turn < 2; turn++) {
        const cp_order *list = turn == 0 ? t0 : t1;
        int n = turn == 0 ? (int)(sizeof t0 / sizeof t0[0]) : (int)(sizeof t1 / sizeof t1[0]);
        for (int i = 0; i < n; i++) {
            cp_error e;
            CHECK(cp_world_submit(a, &list[i], &e) == CP_OK, "window's order %d: %s", i, e.message);
        }
        CHECK(cps_seats_run_turn(sb) == 0, "the agent failed");
        check_pending(b, list, n);
        cps_seats_run_turn(sa);
        cp_world_advance(a);
        cp_world_advance(b);
        CHECK(cp_world_hash(a) == cp_world_hash(b), "turn %d: hash %016llx (window) vs %016llx (agent)", turn,
              (unsigned long long)cp_world_hash(a), (unsigned long long)cp_world_hash(b));
    }
    cps_seats_destroy(sa);
    cps_seats_destroy(sb);
    cp_world_destroy(a);
    cp_world_destroy(b);
}

/* The end-to-end test's three turns (tests/ui/test_human_e2e.sh plays them in the window). */
static void test_three_turns(void)
{
    cps_seats *sa, *sb;
    cp_world *a = game(NULL, &sa), *b = game(AGENTS "human_mirror.lua", &sb);
    int usa = nation(a, "USA"), chn = nation(a, "CHN"), aus = nation(a, "AUS");
    for (int turn = 0; turn < 3; turn++) {
        cp_error e;
        cp_order o;
        if (turn == 0) {
            o = oui_tariff(usa, CP_MAGNET, chn, 0.25);
            CHECK(cp_world_submit(a, &o, &e) == CP_OK, "%s", e.message);
        } else if (turn == 1) {
            o = oui_build(usa, -1, CP_FAC_MINE, 5000);
            CHECK(cp_world_submit(a, &o, &e) == CP_OK, "%s", e.message);
        } else {
            cp_deal d;
            oui_deal_init(&d, usa, aus, 8);
            oui_deal_add(&d, CP_CLAUSE_OFFTAKE, aus, usa, CP_LIGHT_OXIDE, CP_FAC_SEPARATION, 250, 0, 5000);
            CHECK(cp_world_propose(a, &d, &e) >= 0, "%s", e.message);
        }
        cps_seats_run_turn(sa);
        CHECK(cps_seats_run_turn(sb) == 0, "the agent failed in turn %d", turn);
        cp_world_advance(a);
        cp_world_advance(b);
        CHECK(cp_world_hash(a) == cp_world_hash(b), "turn %d: hash %016llx (window) vs %016llx (agent)", turn,
              (unsigned long long)cp_world_hash(a), (unsigned long long)cp_world_hash(b));
    }
    /* and the orders did what they say */
    const cp_nation *us = cp_world_nation(a, usa);
    CHECK(us->policy.tariff[CP_MAGNET][chn] == 0.25, "tariff %g", us->policy.tariff[CP_MAGNET][chn]);
    int mines = 0;
    for (int i = 0; i < cp_world_facility_count(a); i++) {
        const cp_facility *f = cp_world_facility(a, i);
        mines += f->host == usa && f->kind == CP_FAC_MINE && f->start_turn == 1 && f->capacity_t_per_yr == 5000;
    }
    CHECK(mines == 1, "%d new mines", mines);
    int deals = 0;
    for (int i = 0; i < cp_world_deal_count(a); i++) {
        const cp_deal *d = cp_world_deal(a, i);
        deals += d->proposer == usa && d->party_count == 2 && d->parties[1] == aus && d->proposed_turn == 2;
    }
    CHECK(deals == 1, "%d deals", deals);
    cps_seats_destroy(sa);
    cps_seats_destroy(sb);
    cp_world_destroy(a);
    cp_world_destroy(b);
}

/* Words and costs come from the core's figures. */
static void test_words_and_costs(void)
{
    cps_seats *s;
    cp_world *w = game(NULL, &s);
    int usa = nation(w, "USA"), chn = nation(w, "CHN");
    char buf[200];
    cp_order o = oui_tariff(usa, CP_MAGNET, chn, 0.25);
    oui_describe(w, &o, buf, sizeof buf);
    CHECK(strstr(buf, "25") && strstr(buf, "China"), "%s", buf);
    double now, total;
    cp_order_cost_musd(w, &o, &now, &total);
    CHECK(now == 0 && total == 0, "a tariff costs nothing");
    o = oui_build(usa, usa, CP_FAC_MINE, 5000);
    cp_order_cost_musd(w, &o, &now, &total);
    CHECK(total > 50 && total < 500, "a 5,000 t mine costs $%g M", total);
    CHECK_NEAR(now, 0.05 * total, 1e-9, "a 5%% down payment this turn ($%g M)", now);
    cp_order big = oui_build(usa, usa, CP_FAC_MINE, 10000);
    double big_total;
    cp_order_cost_musd(w, &big, NULL, &big_total);
    CHECK_NEAR(big_total, 2 * total, 1e-9, "capital cost is per tonne of capacity");
    /* a refusal carries the core's message, which the window shows as it is */
    o = oui_build(usa, usa, CP_FAC_MINE, 10);
    cp_error e;
    CHECK(cp_world_check(w, &o, &e) != CP_OK && e.message[0], "a 10 t mine should be refused");
    o = oui_stockpile(usa, CP_MAGNET, 100, 0);
    cp_order_cost_musd(w, &o, &now, &total);
    CHECK(now > 0 && now == total, "buying magnets costs money, all of it this turn");
    cps_seats_destroy(s);
    cp_world_destroy(w);
}

/* The window's steppers stop where the core does: the tariff stepper reaches the core's 1000%
 * (it stopped at 300% when the window kept its own limit), and every stop is an amount the core
 * accepts while one more step would not be. */
static void test_steppers(void)
{
    cps_seats *s;
    cp_world *w = game(NULL, &s);
    int usa = nation(w, "USA"), chn = nation(w, "CHN");
    double rate = 0;
    for (int i = 0; i < 400; i++)
        rate = oui_step_amount(CP_ORDER_SET_TARIFF, 0, rate, 0.05);
    CHECK(rate == 10, "the tariff stepper reaches 10 (1000%%) and stays: %g", rate);
    cp_error e;
    cp_order o = oui_tariff(usa, CP_MAGNET, chn, rate);
    CHECK(cp_world_check(w, &o, &e) == CP_OK, "its top is accepted: %s", e.message);
    o.amount = rate + 0.05;
    CHECK(cp_world_check(w, &o, &e) != CP_OK && strstr(e.message, "tariff rate"),
          "one step more would be refused: %s", e.message);
    CHECK(oui_step_amount(CP_ORDER_SET_TARIFF, 0, 0, -0.05) == 0, "no negative tariff");
    double share = 0.9;
    for (int i = 0; i < 5; i++)
        share = oui_step_amount(CP_ORDER_SET_EXPORT_CONTROL, CP_CONTROL_LICENSED, share, 0.05);
    CHECK(share == 1, "an approval share stops at 1: %g", share);
    double tax = 4.9;
    for (int i = 0; i < 5; i++)
        tax = oui_step_amount(CP_ORDER_SET_EXPORT_TAX, 0, tax, 0.05);
    CHECK(tax == 5, "an export tax stops at the core's 5: %g", tax);
    o = oui_export_tax(usa, CP_MAGNET, tax);
    CHECK(cp_world_check(w, &o, &e) == CP_OK, "and is accepted: %s", e.message);
    CHECK(oui_step_amount(CP_ORDER_IDLE_FACILITY, 0, 1.5, 0.05) == 1.5,
          "a kind that reads no amount leaves the value alone");
    cps_seats_destroy(s);
    cp_world_destroy(w);
}

int main(void)
{
    char err[1024];
    if (cps_scenario_load("baseline", &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    RUN(test_every_order);
    RUN(test_three_turns);
    RUN(test_words_and_costs);
    RUN(test_steppers);
    cps_scenario_info_free(&info);
    return DONE();
}
