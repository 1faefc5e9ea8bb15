/* test_seat.c -- what a seat is told: its goals and how they stand, its
 * score in parts, whether a host consents to its plants abroad, what each of
 * its orders and deals did in the quarter and where its money went, and the
 * news grouped for reading. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

enum { BIG = 0, SML = 1, USR = 2 };

static cp_scenario sc;

static void weigh(cp_scenario *s)
{
    for (int n = 0; n < s->nation_count; n++) {
        cp_weights *w = &s->nations[n].weights;
        w->security = 0.4;
        w->prosperity = 0.3;
        w->leverage = 0.2;
        w->stability = 0.1;
    }
}

static cp_world *fresh(void)
{
    fixture_three(&sc, 0);
    weigh(&sc);
    return fixture_world(&sc, 7);
}

static cp_status submit(cp_world *w, cp_order o, cp_error *err)
{
    return cp_world_submit(w, &o, err);
}

/* ---- the score in parts ---- */

/* Every turn and nation: the parts lie in 0..100 and their weighted sum is
 * the score the rules kept (to rounding), also after a save and a load. */
static void check_parts(const cp_world *w, const char *when)
{
    for (int t = 0; t <= cp_world_turn(w); t++)
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            cp_score_parts p;
            CHECK(cp_world_score_parts(w, n, t, &p) == CP_OK, "%s: parts of %d at %d", when, n, t);
            double sum = 0;
            for (int k = 0; k < CP_PART_COUNT; k++) {
                CHECK(p.part[k] >= 0 && p.part[k] <= 100 + 1e-9, "%s: %s is %g",
                      when, cp_score_part_name((cp_score_part)k), p.part[k]);
                sum += p.weight[k] * p.part[k];
            }
            CHECK_NEAR(sum, cp_world_nation_history(w, t, n)->score, 1e-9,
                       "%s: weighted parts %.12f = score %.12f (nation %d, turn %d)", when, sum,
                       cp_world_nation_history(w, t, n)->score, n, t);
            CHECK(p.total == cp_world_nation_history(w, t, n)->score, "%s: total is the score",
                  when);
        }
}

static void test_score_parts(void)
{
    cp_world *w = fresh();
    /* a shortage for USR: BIG bans magnets to it */
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, BIG);
    o.good = CP_MAGNET;
    o.partner = USR;
    o.mode = CP_CONTROL_BANNED;
    cp_error err;
    CHECK(submit(w, o, &err) == CP_OK, "ban: %s", err.message);
    for (int t = 0; t < 6; t++)
        cp_world_advance(w);
    check_parts(w, "played");
    cp_score_parts usr, big;
    cp_world_score_parts(w, USR, 6, &usr);
    cp_world_score_parts(w, BIG, 6, &big);
    CHECK(usr.quarter[CP_PART_SECURITY] < 90, "USR's security falls under the ban: %.1f",
          usr.quarter[CP_PART_SECURITY]);
    CHECK(big.part[CP_PART_LEVERAGE] > usr.part[CP_PART_LEVERAGE] + 50,
          "BIG, the processing power, has the leverage: %.1f against %.1f",
          big.part[CP_PART_LEVERAGE], usr.part[CP_PART_LEVERAGE]);
    cp_score_parts dummy;
    CHECK(cp_world_score_parts(w, 3, 0, &dummy) == CP_ERR_UNKNOWN_NATION, "unknown nation");
    CHECK(cp_world_score_parts(w, 0, 7, &dummy) == CP_ERR_BAD_VALUE, "a turn not played");
    CHECK(cp_world_score_parts(w, 0, -1, &dummy) == CP_ERR_BAD_VALUE, "a negative turn");

    unsigned char *buf = NULL;
    size_t len = 0;
    CHECK(cp_world_save(w, &buf, &len, &err) == CP_OK, "save: %s", err.message);
    cp_world *back = cp_world_load(buf, len, &err);
    CHECK(back != NULL, "load: %s", err.message);
    if (back) {
        check_parts(back, "loaded");
        cp_score_parts a, b;
        for (int n = 0; n < 3; n++) {
            cp_world_score_parts(w, n, 6, &a);
            cp_world_score_parts(back, n, 6, &b);
            CHECK(memcmp(&a, &b, sizeof a) == 0, "nation %d's parts survive a load", n);
        }
        cp_world *twin = cp_world_clone(back);
        cp_world_advance(back);
        cp_world_advance(twin);
        check_parts(twin, "cloned");
        cp_world_score_parts(back, USR, 7, &a);
        cp_world_score_parts(twin, USR, 7, &b);
        CHECK(memcmp(&a, &b, sizeof a) == 0, "a clone's parts go on as the original's");
        cp_world_destroy(twin);
        cp_world_destroy(back);
    }
    free(buf);
    cp_world_destroy(w);
}

/* ---- goals ---- */

static void test_derived_goals(void)
{
    cp_world *w = fresh();
    for (int n = 0; n < 3; n++) {
        int c = cp_world_goal_count(w, n);
        CHECK(c >= 2 && c <= CP_MAX_NATION_GOALS, "nation %d has 2 to 4 goals: %d", n, c);
        for (int k = 0; k < c; k++) {
            cp_goal_progress p;
            CHECK(cp_world_goal(w, n, k, 8, &p) == CP_OK, "goal %d of %d", k, n);
            CHECK(p.derived == 1 && p.goal.nation == n && p.goal.by_turn == 8,
                  "derived, its own, judged at the game's end: %d %d %d", p.derived,
                  p.goal.nation, p.goal.by_turn);
            cp_error e;
            CHECK(cp_goal_check(&p.goal, 3, &e) == CP_OK, "a derived goal passes the checks: %s",
                  e.message);
            /* nothing played: a goal to keep something starts on track, one
             * to grow something starts behind */
            cp_goal_status want = p.goal.kind == CP_GOAL_OUTPUT_MIN ? CP_GOAL_BEHIND
                                                                    : CP_GOAL_ON_TRACK;
            CHECK(p.status == want, "%s (%s)", p.text, cp_goal_status_name(p.status));
            CHECK(strlen(p.text) > 20 && strstr(p.text, "_") == NULL,
                  "a sentence without internal names: %s", p.text);
        }
    }
    /* USR, a user of magnets with no processing of its own, is asked to keep
     * its shortage down and to build separation; BIG to keep its hold */
    int usr_kinds = 0, big_kinds = 0;
    for (int k = 0; k < cp_world_goal_count(w, USR); k++) {
        cp_goal_progress p;
        cp_world_goal(w, USR, k, 8, &p);
        usr_kinds |= 1 << p.goal.kind;
    }
    for (int k = 0; k < cp_world_goal_count(w, BIG); k++) {
        cp_goal_progress p;
        cp_world_goal(w, BIG, k, 8, &p);
        big_kinds |= 1 << p.goal.kind;
    }
    CHECK((usr_kinds & (1 << CP_GOAL_SHORTAGE_MAX)) && (usr_kinds & (1 << CP_GOAL_OUTPUT_MIN)),
          "USR: shortage and output goals (%x)", (unsigned)usr_kinds);
    CHECK(big_kinds & (1 << CP_GOAL_SHARE_MIN), "BIG: a share goal (%x)", (unsigned)big_kinds);
    cp_goal_progress p;
    CHECK(cp_world_goal(w, USR, 9, 8, &p) == CP_ERR_BAD_VALUE, "no goal 9");
    CHECK(cp_world_goal(w, 7, 0, 8, &p) == CP_ERR_UNKNOWN_NATION, "no nation 7");
    CHECK(cp_world_goal_count(w, -1) == 0, "no goals for no nation");
    cp_world_destroy(w);
}

static cp_goal goal(int nation, cp_goal_kind kind, cp_goal_measure m, double target, int by)
{
    cp_goal g;
    memset(&g, 0, sizeof g);
    g.nation = nation;
    g.kind = kind;
    g.measure = m;
    g.good = -1;
    g.facility_kind = CP_FAC_SEPARATION;
    g.target = target;
    g.by_turn = by;
    return g;
}

static void test_stated_goals(void)
{
    fixture_three(&sc, 0);
    weigh(&sc);
    sc.goal_count = 0;
    /* USR: never below $5,200M (its budget pays $250M a quarter: it holds);
     * never below $5,300M (missed in the first quarter, before the budget
     * can lift it); magnets short under 1% on average by turn 4 (the ban
     * below breaks it) */
    sc.goals[sc.goal_count++] = goal(USR, CP_GOAL_TREASURY_MIN, CP_MEASURE_ALWAYS, 5200, 0);
    sc.goals[sc.goal_count++] = goal(USR, CP_GOAL_TREASURY_MIN, CP_MEASURE_END, 1e6, 4);
    sc.goals[sc.goal_count] = goal(USR, CP_GOAL_SHORTAGE_MAX, CP_MEASURE_AVERAGE, 0.01, 4);
    sc.goals[sc.goal_count++].good = CP_MAGNET;
    /* BIG: keep 60% of the world's separation at the end */
    sc.goals[sc.goal_count++] = goal(BIG, CP_GOAL_SHARE_MIN, CP_MEASURE_END, 0.6, 0);
    cp_error err;
    CHECK(cp_scenario_validate(&sc, &err) == CP_OK, "valid goals: %s", err.message);
    cp_world *w = fixture_world(&sc, 7);
    CHECK(cp_world_goal_count(w, USR) == 3 && cp_world_goal_count(w, BIG) == 1,
          "stated goals replace derived ones: %d %d", cp_world_goal_count(w, USR),
          cp_world_goal_count(w, BIG));
    CHECK(cp_world_goal_count(w, SML) >= 2, "SML, given none, gets derived ones");
    cp_goal_progress p;
    cp_world_goal(w, USR, 1, 10, &p);
    CHECK(p.status == CP_GOAL_BEHIND && p.derived == 0 && p.goal.by_turn == 4,
          "a goal out of reach is behind before play: %s", p.text);
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, BIG);
    o.good = CP_MAGNET;
    o.partner = USR;
    o.mode = CP_CONTROL_BANNED;
    CHECK(submit(w, o, &err) == CP_OK, "ban: %s", err.message);
    for (int t = 0; t < 5; t++)
        cp_world_advance(w);
    cp_world_goal(w, USR, 0, 10, &p);
    CHECK(p.status == CP_GOAL_ON_TRACK && p.value >= 5200, "the floor holds so far: %s", p.text);
    cp_world_goal(w, USR, 1, 10, &p);
    CHECK(p.status == CP_GOAL_MISSED, "judged at its deadline, turn 4: %s", p.text);
    CHECK(p.value == cp_world_nation_history(w, 4, USR)->treasury_musd,
          "its value is the treasury at turn 4: %g", p.value);
    cp_world_goal(w, USR, 2, 10, &p);
    double mean = 0;
    for (int t = 1; t <= 4; t++) {
        const cp_nation_history *h = cp_world_nation_history(w, t, USR);
        mean += h->shortage_good_t[CP_MAGNET] / h->demand_good_t[CP_MAGNET] / 4;
    }
    CHECK(p.status == CP_GOAL_MISSED && fabs(p.value - mean) < 1e-12,
          "the ban breaks the shortage goal: mean %g, %s", mean, p.text);
    cp_world_goal(w, BIG, 0, 10, &p);
    CHECK(p.status == CP_GOAL_ON_TRACK && p.value > 0.6, "BIG holds its share: %s", p.text);
    cp_world_goal(w, BIG, 0, 5, &p);
    CHECK(p.status == CP_GOAL_MET, "and meets it at a game's end: %s", p.text);

    /* the goals are saved with the scenario and judged alike after a load */
    unsigned char *buf = NULL;
    size_t len = 0;
    CHECK(cp_world_save(w, &buf, &len, &err) == CP_OK, "save: %s", err.message);
    cp_world *back = cp_world_load(buf, len, &err);
    CHECK(back && cp_world_goal_count(back, USR) == 3, "goals survive a load");
    for (int k = 0; back && k < 3; k++) {
        cp_goal_progress a, b;
        cp_world_goal(w, USR, k, 10, &a);
        cp_world_goal(back, USR, k, 10, &b);
        CHECK(memcmp(&a, &b, sizeof a) == 0, "goal %d is judged alike after a load", k);
    }
    /* the state hash covers them */
    cp_scenario other = sc;
    other.goals[0].target = 5100;
    cp_world *w1 = fixture_world(&sc, 7), *w2 = fixture_world(&other, 7);
    CHECK(cp_world_hash(w1) != cp_world_hash(w2), "a goal's target is in the state hash");
    cp_world_destroy(w1);
    cp_world_destroy(w2);
    cp_world_destroy(back);
    free(buf);
    cp_world_destroy(w);
}

static void test_goal_checks(void)
{
    fixture_three(&sc, 0);
    struct {
        cp_goal g;
        const char *says;
    } bad[] = {
        {goal(5, CP_GOAL_TREASURY_MIN, CP_MEASURE_END, 1, 0), "unknown nation 5"},
        {goal(0, (cp_goal_kind)9, CP_MEASURE_END, 1, 0), "kind 9"},
        {goal(0, CP_GOAL_TREASURY_MIN, (cp_goal_measure)7, 1, 0), "measure 7"},
        {goal(0, CP_GOAL_SHORTAGE_MAX, CP_MEASURE_END, 1.5, 0), "target must be between 0 and 1"},
        {goal(0, CP_GOAL_SHARE_MIN, CP_MEASURE_END, NAN, 0), "target"},
        {goal(0, CP_GOAL_PRESSURE_MAX, CP_MEASURE_END, 0.5, -2), "by_turn"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        sc.goal_count = 1;
        sc.goals[0] = bad[k].g;
        cp_error err;
        CHECK(cp_scenario_validate(&sc, &err) != CP_OK && strstr(err.message, bad[k].says) &&
                  strstr(err.message, "goal 1"),
              "bad goal %zu refused naming '%s': %s", k, bad[k].says, err.message);
    }
    sc.goal_count = 1;
    sc.goals[0] = goal(0, CP_GOAL_OUTPUT_MIN, CP_MEASURE_END, 1000, 0);
    sc.goals[0].facility_kind = 12;
    cp_error err;
    CHECK(cp_scenario_validate(&sc, &err) != CP_OK && strstr(err.message, "facility_kind 12"),
          "a bad plant kind: %s", err.message);
    sc.goal_count = CP_MAX_GOALS + 1;
    CHECK(cp_scenario_validate(&sc, &err) != CP_OK, "too many goals");
}

/* ---- consent ---- */

/* The case: a 40 kt/yr mine funded by the user of magnets inside
 * the processing power, which is closed to foreign investment. */
static void test_consent(void)
{
    fixture_three(&sc, 0);
    sc.nations[BIG].policy.investment_closed = 1;
    cp_world *w = fixture_world(&sc, 7);
    cp_order o = fixture_order(CP_ORDER_BUILD_FACILITY, USR);
    o.partner = BIG;
    o.facility_kind = CP_FAC_MINE;
    o.amount = 40000;
    cp_error err;
    uint64_t before = cp_world_hash(w);
    CHECK(submit(w, o, &err) == CP_ERR_NO_CONSENT, "refused: %s", err.message);
    CHECK(strstr(err.message, "Nation BIG does not consent") &&
              strstr(err.message, "closed to foreign investment") &&
              strstr(err.message, "Nation USR"),
          "saying why, naming both: %s", err.message);
    CHECK(cp_world_hash(w) == before && cp_world_pending_count(w) == 0, "and changes nothing");
    char why[CP_TEXT_LEN];
    CHECK(!cp_world_host_consents(w, USR, BIG, why, sizeof why) && why[0], "no consent: %s", why);
    CHECK(cp_world_host_consents(w, BIG, BIG, NULL, 0), "a nation consents to itself");
    CHECK(cp_world_host_consents(w, BIG, SML, NULL, 0), "an open host consents");
    CHECK(!cp_world_host_consents(w, USR, 9, NULL, 0), "no unknown host");
    /* at home and in an open host it goes ahead */
    cp_order home = o;
    home.partner = SML;
    CHECK(submit(w, home, &err) == CP_OK, "in SML: %s", err.message);

    /* a co-investment deal between them is consent */
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = USR;
    d.party_count = 2;
    d.parties[0] = USR;
    d.parties[1] = BIG;
    d.term_turns = 8;
    d.clause_count = 1;
    d.clauses[0].kind = CP_CLAUSE_COINVEST;
    d.clauses[0].from = USR;
    d.clauses[0].to = BIG;
    d.clauses[0].facility_kind = CP_FAC_MINE;
    d.clauses[0].amount = 0.3;
    d.clauses[0].capacity_t_per_yr = 1000;
    d.clauses[0].good = -1;
    int id = cp_world_propose(w, &d, &err);
    CHECK(id >= 0, "propose: %s", err.message);
    CHECK(submit(w, o, &err) == CP_ERR_NO_CONSENT, "a proposal is not consent yet");
    CHECK(cp_world_answer(w, id, BIG, CP_ANSWER_ACCEPT, &err) == CP_OK, "accept: %s",
          err.message);
    CHECK(submit(w, o, &err) == CP_OK, "an agreed co-investment is consent: %s", err.message);
    cp_world_destroy(w);

    /* or the host opens itself by an order, from the next quarter */
    w = fixture_world(&sc, 7);
    cp_order open = fixture_order(CP_ORDER_SET_FOREIGN_INVESTMENT, BIG);
    open.flag = 1;
    CHECK(submit(w, open, &err) == CP_OK, "BIG opens: %s", err.message);
    CHECK(submit(w, o, &err) == CP_ERR_NO_CONSENT, "not before the order applies");
    cp_world_advance(w);
    CHECK(cp_world_nation(w, BIG)->policy.investment_closed == 0, "open after the quarter");
    CHECK(submit(w, o, &err) == CP_OK, "then the mine goes ahead: %s", err.message);
    cp_world_advance(w);
    int built = -1;
    for (int k = 0; k < cp_world_facility_count(w); k++)
        if (cp_world_facility(w, k)->host == BIG && cp_world_facility(w, k)->funder == USR)
            built = k;
    CHECK(built >= 0, "USR's mine stands in BIG");
    /* BIG closes again: funding it is refused, the plant stands */
    cp_order close = open;
    close.flag = 0;
    CHECK(submit(w, close, &err) == CP_OK, "BIG closes: %s", err.message);
    cp_world_advance(w);
    cp_order fund = fixture_order(CP_ORDER_FUND_FACILITY, USR);
    fund.facility = built;
    fund.amount = 10;
    CHECK(submit(w, fund, &err) == CP_ERR_NO_CONSENT, "funding refused once closed: %s",
          err.message);
    CHECK(cp_world_facility(w, built)->stage != CP_STAGE_CLOSED, "the plant stands");
    cp_world_destroy(w);
}

/* ---- the turn report ---- */

static double money_sum(const cp_money_report *m)
{
    double s = 0;
    for (int k = 0; k < CP_MONEY_COUNT; k++)
        s += m->part_musd[k];
    return s;
}

static void test_turn_report(void)
{
    cp_world *w = fresh();
    cp_error err;
    CHECK(cp_world_report_turn(w) == 0 && cp_world_order_report_count(w, USR) == 0,
          "a new world has no report");
    /* USR: a tariff (done), a stockpile purchase of Dy/Tb oxide, a plant at
     * home; SML: a tariff that a teacher's lock refuses at the turn's end */
    cp_order tariff = fixture_order(CP_ORDER_SET_TARIFF, USR);
    tariff.good = CP_MAGNET;
    tariff.partner = BIG;
    tariff.amount = 0.2;
    CHECK(submit(w, tariff, &err) == CP_OK, "tariff: %s", err.message);
    cp_order buy = fixture_order(CP_ORDER_BUY_STOCKPILE, USR);
    buy.good = CP_HEAVY_OXIDE;
    buy.amount = 50;
    CHECK(submit(w, buy, &err) == CP_OK, "buy: %s", err.message);
    cp_order build = fixture_order(CP_ORDER_BUILD_FACILITY, USR);
    build.partner = USR;
    build.facility_kind = CP_FAC_SEPARATION;
    build.amount = 5000;
    CHECK(submit(w, build, &err) == CP_OK, "build: %s", err.message);
    cp_order locked = tariff;
    locked.nation = SML;
    CHECK(submit(w, locked, &err) == CP_OK, "SML's tariff: %s", err.message);
    CHECK(cp_world_lock_policy(w, SML, 1, &err) == CP_OK, "lock: %s", err.message);
    double pile_before = cp_world_nation(w, USR)->stockpile_t[CP_HEAVY_OXIDE];
    cp_world_advance(w);

    CHECK(cp_world_report_turn(w) == 1, "the report is of turn 1");
    CHECK(cp_world_order_report_count(w, USR) == 3, "USR's three orders: %d",
          cp_world_order_report_count(w, USR));
    const cp_order_report *r = cp_world_order_report(w, USR, 0);
    CHECK(r && r->order.kind == CP_ORDER_SET_TARIFF && r->outcome == CP_OUTCOME_DONE &&
              strstr(r->text, "tariff"),
          "the tariff was set: %s", r ? r->text : "");
    r = cp_world_order_report(w, USR, 1);
    double pile_after = cp_world_nation(w, USR)->stockpile_t[CP_HEAVY_OXIDE];
    CHECK(r && r->order.kind == CP_ORDER_BUY_STOCKPILE, "the purchase");
    if (r) {
        CHECK(fabs(r->done - (pile_after - pile_before)) < 1e-9,
              "tonnes bought are what the stockpile gained: %g against %g", r->done,
              pile_after - pile_before);
        CHECK(r->outcome == (r->done >= 50 - 1e-9 ? CP_OUTCOME_DONE : CP_OUTCOME_PARTIAL),
              "done or partly done by what it got: %s", r->text);
        CHECK(r->price_usd_per_kg > 0 && r->spent_musd > 0 &&
                  fabs(r->spent_musd - r->done * r->price_usd_per_kg / 1000) < 1e-9,
              "paid tonnes times price: %s", r->text);
        CHECK(strstr(r->text, "Dy/Tb") || strstr(r->text, "heavy_oxide"), "names the good: %s",
              r->text);
    }
    r = cp_world_order_report(w, USR, 2);
    CHECK(r && r->outcome == CP_OUTCOME_DONE && r->facility >= 0 &&
              cp_world_facility(w, r->facility)->funder == USR && r->spent_musd > 0,
          "the plant was announced, its down payment paid");
    CHECK(cp_world_order_report(w, USR, 3) == NULL, "no fourth");
    r = cp_world_order_report(w, SML, 0);
    CHECK(r && r->outcome == CP_OUTCOME_REFUSED && strstr(r->text, "locked"),
          "SML's tariff refused, saying why: %s", r ? r->text : "");

    for (int n = 0; n < 3; n++) {
        cp_money_report m;
        cp_world_money_report(w, n, &m);
        CHECK(m.turn == 1, "money report of turn 1");
        CHECK(fabs(m.before_musd + money_sum(&m) - m.after_musd) < 1e-6,
              "nation %d: %.6f + parts %.6f = %.6f", n, m.before_musd, money_sum(&m),
              m.after_musd);
        CHECK(m.after_musd == cp_world_nation(w, n)->treasury_musd, "after is the treasury");
        CHECK(m.part_musd[CP_MONEY_BUDGET] == 250, "a quarter's budget: %g",
              m.part_musd[CP_MONEY_BUDGET]);
    }
    cp_money_report m;
    cp_world_money_report(w, USR, &m);
    CHECK(m.part_musd[CP_MONEY_STOCKPILE] < 0 && m.part_musd[CP_MONEY_CONSTRUCTION] < 0 &&
              m.part_musd[CP_MONEY_TARIFFS] > 0,
          "USR paid for the stockpile and the plant and collected its tariff: %g %g %g",
          m.part_musd[CP_MONEY_STOCKPILE], m.part_musd[CP_MONEY_CONSTRUCTION],
          m.part_musd[CP_MONEY_TARIFFS]);

    /* an offtake offered to SML and rejected: USR reads why */
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = USR;
    d.party_count = 2;
    d.parties[0] = USR;
    d.parties[1] = SML;
    d.term_turns = 8;
    d.clause_count = 1;
    d.clauses[0].kind = CP_CLAUSE_OFFTAKE;
    d.clauses[0].from = SML;
    d.clauses[0].to = USR;
    d.clauses[0].good = CP_LIGHT_OXIDE;
    d.clauses[0].amount = 100;
    d.clauses[0].price_usd_per_kg = 1; /* far under the market */
    int id = cp_world_propose(w, &d, &err);
    CHECK(id >= 0, "propose: %s", err.message);
    CHECK(cp_world_answer(w, id, SML, CP_ANSWER_REJECT, &err) == CP_OK, "reject");
    int id2 = cp_world_propose(w, &d, &err);
    CHECK(cp_world_answer_why(w, id2, SML, CP_ANSWER_REJECT, "we sell at market prices only",
                              &err) == CP_OK, "reject with a reason");
    cp_world_advance(w);
    CHECK(cp_world_order_report_count(w, USR) == 0, "no orders this quarter");
    int found = 0, found2 = 0;
    for (int k = 0; k < cp_world_deal_report_count(w, USR); k++) {
        const cp_deal_report *x = cp_world_deal_report(w, USR, k);
        CHECK(x->for_nation == USR, "USR's report");
        if (x->deal_id == id && strcmp(x->what, "rejected") == 0 && x->nation == SML) {
            found = 1;
            CHECK(strstr(x->text, "would cost Nation SML about $") && strstr(x->text, "a year"),
                  "the core's reason: %s", x->text);
        }
        if (x->deal_id == id2 && strcmp(x->what, "rejected") == 0)
            found2 = strstr(x->text, "we sell at market prices only") != NULL;
    }
    CHECK(found && found2, "both rejections reported to USR (%d %d)", found, found2);
    CHECK(cp_world_deal_report_count(w, BIG) == 0, "BIG, no party, hears nothing");

    /* not state: a loaded world starts with an empty report, the same hash */
    unsigned char *buf = NULL;
    size_t len = 0;
    CHECK(cp_world_save(w, &buf, &len, &err) == CP_OK, "save");
    cp_world *back = cp_world_load(buf, len, &err);
    CHECK(back && cp_world_report_turn(back) == 0 && cp_world_hash(back) == cp_world_hash(w),
          "loaded: no report, same hash");
    cp_world *twin = cp_world_clone(w);
    CHECK(twin && cp_world_deal_report_count(twin, USR) == cp_world_deal_report_count(w, USR),
          "a clone keeps the report");
    cp_world_destroy(twin);
    cp_world_destroy(back);
    free(buf);
    cp_world_destroy(w);
}

/* ---- news grouped ---- */

static void test_news_groups(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 7);
    cp_error err;
    /* many plants at once: their stage changes come in bunches */
    for (int k = 0; k < 6; k++) {
        cp_order b = fixture_order(CP_ORDER_BUILD_FACILITY, USR);
        b.partner = USR;
        b.facility_kind = CP_FAC_MAGNET;
        b.amount = 1000 + k;
        CHECK(submit(w, b, &err) == CP_OK, "build %d: %s", k, err.message);
    }
    cp_order tariff = fixture_order(CP_ORDER_SET_TARIFF, USR);
    tariff.good = CP_MAGNET;
    tariff.partner = BIG;
    tariff.amount = 0.1;
    CHECK(submit(w, tariff, &err) == CP_OK, "tariff: %s", err.message);
    for (int t = 0; t < 12; t++)
        cp_world_advance(w);
    int items = 0, routine = 0;
    for (int k = 0; k < cp_world_news_count(w); k++) {
        items++;
        routine += cp_world_news(w, k)->routine;
    }
    CHECK(routine >= 12, "the plants moved on in routine items: %d", routine);
    int total = cp_world_news_groups(w, 0, 12, ~0u, -1, NULL, 0);
    CHECK(total < items, "grouping folds: %d groups of %d items", total, items);
    cp_news_group *g = calloc((size_t)total + 1, sizeof *g);
    CHECK(cp_world_news_groups(w, 0, 12, ~0u, -1, g, total + 1) == total, "the same count");
    int covered = 0, folded = 0;
    for (int k = 0; k < total; k++) {
        covered += g[k].count;
        if (g[k].count > 1) {
            folded = 1;
            CHECK(strstr(g[k].text, "plants moved on"), "a folded line says so: %s", g[k].text);
            CHECK(g[k].kind == CP_NEWS_FACILITY, "of plants");
        }
        CHECK(k == 0 || g[k].turn >= g[k - 1].turn, "in feed order");
    }
    CHECK(covered == items && folded, "every item in one group (%d of %d)", covered, items);
    /* a smaller window counts the same groups */
    cp_news_group few[3];
    CHECK(cp_world_news_groups(w, 0, 12, ~0u, -1, few, 3) == total, "count past max");
    /* filters: plants only, USR only */
    int plants = cp_world_news_groups(w, 0, 12, 1u << CP_NEWS_FACILITY, -1, NULL, 0);
    int policy = cp_world_news_groups(w, 0, 12, 1u << CP_NEWS_POLICY, -1, NULL, 0);
    CHECK(plants > 0 && plants < total, "plants: %d of %d", plants, total);
    CHECK(cp_world_news_groups(w, 0, 12, 1u << CP_NEWS_DEAL, -1, NULL, 0) == 0, "no deals");
    CHECK(cp_world_news_groups(w, 0, 12, ~0u, SML, NULL, 0) < total, "SML's own are fewer");
    CHECK(policy == 1, "one policy item: %d", policy);
    CHECK(cp_world_news_groups(w, 0, 12, 1u << CP_NEWS_POLICY, BIG, NULL, 0) == 1,
          "the tariff involves BIG as its partner");
    CHECK(strcmp(cp_news_kind_name(CP_NEWS_DEAL), "deal") == 0, "kind names");
    free(g);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_score_parts);
    RUN(test_derived_goals);
    RUN(test_stated_goals);
    RUN(test_goal_checks);
    RUN(test_consent);
    RUN(test_turn_report);
    RUN(test_news_groups);
    return DONE();
}
