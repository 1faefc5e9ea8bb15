/* test_teacher.c -- the teacher's controls in the core: the policy lock (refused with a
 * message, accepted after unlocking, saved and loaded), every event kind a teacher can
 * inject doing what it says, and the tariff collected route by route for the debrief. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "save_internal.h"

static cp_scenario sc;

static void advance(cp_world *w, int turns)
{
    for (int t = 0; t < turns; t++)
        cp_world_advance(w);
}

static int news_has(const cp_world *w, const char *fragment)
{
    for (int k = 0; k < cp_world_news_count(w); k++)
        if (strstr(cp_world_news(w, k)->text, fragment))
            return 1;
    return 0;
}

static cp_order tariff_order(int nation, double rate)
{
    cp_order o = fixture_order(CP_ORDER_SET_TARIFF, nation);
    o.good = CP_MAGNET;
    o.partner = 0;
    o.amount = rate;
    return o;
}

/* A locked nation's policy orders are refused, with a message naming it;
 * its other orders and other nations' orders go through; unlocking lets
 * the same order through. */
static void test_lock_refuses_policy_orders(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    cp_error err;
    uint64_t before = cp_world_hash(w);
    CHECK(cp_world_lock_policy(w, 2, 1, &err) == CP_OK, "%s", err.message);
    CHECK(cp_world_policy_locked(w, 2) == 1 && cp_world_policy_locked(w, 0) == 0, "USR locked only");
    CHECK(cp_world_hash(w) != before, "a lock is part of the state hash");
    cp_order o = tariff_order(2, 0.25);
    CHECK(cp_world_check(w, &o, &err) == CP_ERR_LOCKED, "check refuses: %s", err.message);
    CHECK(strstr(err.message, "USR's policy is locked by the teacher") != NULL, "message: %s",
          err.message);
    CHECK(cp_world_submit(w, &o, &err) == CP_ERR_LOCKED && cp_world_pending_count(w) == 0,
          "submit refuses and queues nothing");
    cp_order ctl = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 2);
    ctl.good = CP_MAGNET;
    ctl.mode = CP_CONTROL_BANNED;
    CHECK(cp_world_submit(w, &ctl, &err) == CP_ERR_LOCKED, "export controls are policy too");
    cp_order pile = fixture_order(CP_ORDER_BUY_STOCKPILE, 2);
    pile.good = CP_MAGNET;
    pile.amount = 10;
    CHECK(cp_world_submit(w, &pile, &err) == CP_OK, "a stockpile purchase is not policy: %s",
          err.message);
    cp_order other = tariff_order(1, 0.1);
    CHECK(cp_world_submit(w, &other, &err) == CP_OK, "another nation is not locked: %s",
          err.message);
    CHECK(cp_world_lock_policy(w, 7, 1, &err) == CP_ERR_UNKNOWN_NATION, "unknown nation");
    CHECK(cp_world_lock_policy(w, 2, 0, &err) == CP_OK, "unlock");
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "accepted after unlocking: %s", err.message);
    advance(w, 1);
    CHECK(cp_world_nation(w, 2)->policy.tariff[CP_MAGNET][0] == 0.25, "and applied");
    CHECK(news_has(w, "USR's policy is locked by the teacher") &&
              news_has(w, "USR's policy is unlocked by the teacher"),
          "locking and unlocking are news");
    cp_world_destroy(w);
}

/* An order queued before the lock is refused at the turn end, and a
 * scheduled policy order of a locked nation does not happen. */
static void test_lock_holds_at_turn_end_and_schedule(void)
{
    fixture_three(&sc, 0);
    cp_scheduled *s = &sc.scheduled[sc.scheduled_count++];
    memset(s, 0, sizeof *s);
    s->turn = 2;
    s->order = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    s->order.good = CP_MAGNET;
    s->order.mode = CP_CONTROL_BANNED;
    cp_world *w = fixture_world(&sc, 1);
    cp_error err;
    cp_order o = tariff_order(2, 0.3);
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    cp_world_lock_policy(w, 2, 1, &err);
    cp_world_lock_policy(w, 0, 1, &err);
    advance(w, 2);
    CHECK(cp_world_nation(w, 2)->policy.tariff[CP_MAGNET][0] == 0, "the queued tariff is refused");
    CHECK(news_has(w, "order refused at turn end: set_tariff: USR's policy is locked"),
          "and the news says why");
    CHECK(cp_world_nation(w, 0)->policy.control[CP_MAGNET][2].mode == CP_CONTROL_OPEN,
          "the scheduled ban of a locked nation does not happen");
    cp_world_destroy(w);
}

/* A deal is not an order: the tariff cap a locked nation agreed to still
 * takes effect, so the lock never puts it in breach of its word. */
static void test_lock_lets_deals_stand(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    cp_order o = tariff_order(2, 0.3);
    cp_error err;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    advance(w, 1);
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = 0;
    d.party_count = 2;
    d.parties[0] = 0;
    d.parties[1] = 2;
    d.term_turns = 4;
    d.clause_count = 1;
    d.clauses[0].kind = CP_CLAUSE_TARIFF;
    d.clauses[0].from = 2;
    d.clauses[0].to = 0;
    d.clauses[0].good = CP_MAGNET;
    d.clauses[0].amount = 0.1;
    int id = cp_world_propose(w, &d, &err);
    CHECK(id >= 0, "propose: %s", err.message);
    CHECK(cp_world_answer(w, id, 2, CP_ANSWER_ACCEPT, &err) == CP_OK, "%s", err.message);
    cp_world_lock_policy(w, 2, 1, &err);
    advance(w, 2);
    CHECK(cp_world_deal(w, id)->status == CP_DEAL_ACTIVE, "the deal is in force (%s)",
          cp_deal_status_name(cp_world_deal(w, id)->status));
    CHECK(cp_world_nation(w, 2)->policy.tariff[CP_MAGNET][0] == 0.1, "its tariff cap applies: %.2f",
          cp_world_nation(w, 2)->policy.tariff[CP_MAGNET][0]);
    CHECK(!news_has(w, "could not be carried out"), "no clause refused");
    CHECK(cp_world_submit(w, &o, &err) == CP_ERR_LOCKED, "but its own orders are still refused");
    cp_world_destroy(w);
}

/* The lock is saved: a loaded world refuses the same orders, continues
 * with the same hashes, and unlocks like the original. */
static void test_lock_survives_save_and_load(void)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 5);
    advance(w, 3);
    cp_error err;
    cp_world_lock_policy(w, 1, 1, &err);
    unsigned char *buf = NULL;
    size_t len = 0;
    CHECK(cp_world_save(w, &buf, &len, &err) == CP_OK, "%s", err.message);
    cp_world *x = cp_world_load(buf, len, &err);
    CHECK(x != NULL, "load: %s", err.message);
    if (!x) {
        free(buf);
        cp_world_destroy(w);
        return;
    }
    CHECK(cp_world_policy_locked(x, 1) == 1 && cp_world_policy_locked(x, 0) == 0,
          "the lock comes back");
    CHECK(cp_world_hash(x) == cp_world_hash(w), "same hash after load");
    cp_order o = tariff_order(1, 0.2);
    CHECK(cp_world_submit(x, &o, &err) == CP_ERR_LOCKED, "still refused after load");
    advance(w, 2);
    advance(x, 2);
    CHECK(cp_world_hash(x) == cp_world_hash(w), "continues identically");
    cp_world_lock_policy(x, 1, 0, &err);
    CHECK(cp_world_submit(x, &o, &err) == CP_OK, "unlocked after load: %s", err.message);
    free(buf);
    cp_world_destroy(x);
    cp_world_destroy(w);
}

/* A save from another model version of the rules is refused by the public
 * loader, with a message that names the versions; the format's migration
 * (save_load with any model, tests/cli/test_migrate.c) still reads it. A
 * save of format 1 or 2 (reserved header field 0) counts as model 1. */
static void test_other_model_refused(void)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 9);
    advance(w, 4);
    cp_error err;
    unsigned char *buf = NULL;
    size_t len = 0;
    CHECK(cp_world_save(w, &buf, &len, &err) == CP_OK, "%s", err.message);
    CHECK(save_model_version(buf) == CP_MODEL_VERSION, "a save carries the model version (%u)",
          save_model_version(buf));
    bytes_put_u32(buf + 12, CP_MODEL_VERSION - 1);
    bytes_put_u64(buf + 24, save_checksum(buf, len));
    cp_world *x = cp_world_load(buf, len, &err);
    CHECK(x == NULL && strstr(err.message, "model version 1") &&
              strstr(err.message, "start a new game"),
          "an older model is refused, saying so: %s", x ? "(loaded)" : err.message);
    cp_world_destroy(x);
    x = save_load(buf, len, 1, &err);
    CHECK(x != NULL, "the format itself still reads: %s", x ? "" : err.message);
    if (x)
        CHECK(cp_world_hash(x) == cp_world_hash(w), "to the same state");
    cp_world_destroy(x);
    bytes_put_u32(buf + 12, CP_MODEL_VERSION + 1);
    bytes_put_u64(buf + 24, save_checksum(buf, len));
    x = cp_world_load(buf, len, &err);
    CHECK(x == NULL && strstr(err.message, "model version 3"), "a later model too: %s",
          x ? "(loaded)" : err.message);
    cp_world_destroy(x);
    free(buf);
    cp_world_destroy(w);
}

/* Two copies of a world, one with 'e' injected; both advanced 'turns'. */
static void with_and_without(const cp_event *e, cp_world *base, int turns, cp_world **with,
                             cp_world **without)
{
    *without = cp_world_clone(base);
    *with = cp_world_clone(base);
    cp_error err;
    CHECK(cp_world_inject_event(*with, e, &err) == CP_OK, "inject %s: %s",
          cp_event_kind_name(e->kind), err.message);
    advance(*with, turns);
    advance(*without, turns);
}

static void test_event_mine_flood_and_conflict(void)
{
    fixture_three(&sc, 0);
    cp_world *base = fixture_world(&sc, 1), *a, *b;
    advance(base, 2);
    cp_event flood = {CP_EVENT_MINE_FLOOD, 0, -1, -1, -1, 0.4, 1};
    with_and_without(&flood, base, 1, &a, &b);
    CHECK(cp_world_nation(a, 0)->mined_t < 0.7 * cp_world_nation(b, 0)->mined_t,
          "a flood cuts mining: %.0f vs %.0f", cp_world_nation(a, 0)->mined_t,
          cp_world_nation(b, 0)->mined_t);
    CHECK(news_has(a, "mine flood"), "flood news");
    cp_world_destroy(a);
    cp_world_destroy(b);
    cp_event war = {CP_EVENT_CONFLICT, 1, -1, -1, -1, 0.8, 2};
    with_and_without(&war, base, 2, &a, &b);
    CHECK(cp_world_nation(a, 1)->mined_t < 0.4 * cp_world_nation(b, 1)->mined_t,
          "conflict cuts mining: %.0f vs %.0f", cp_world_nation(a, 1)->mined_t,
          cp_world_nation(b, 1)->mined_t);
    cp_world_destroy(a);
    cp_world_destroy(b);
    cp_world_destroy(base);
}

static void test_event_lawsuit_delays_a_plant(void)
{
    fixture_three(&sc, 0);
    cp_world *base = fixture_world(&sc, 1), *a, *b;
    cp_order build = fixture_order(CP_ORDER_BUILD_FACILITY, 1);
    build.partner = 1;
    build.facility_kind = CP_FAC_SEPARATION;
    build.amount = 5000;
    cp_error err;
    CHECK(cp_world_submit(base, &build, &err) == CP_OK, "%s", err.message);
    advance(base, 1);
    int id = cp_world_facility_count(base) - 1;
    CHECK(cp_world_facility(base, id)->stage <= CP_STAGE_CONSTRUCTION, "a plant in development");
    cp_event suit = {CP_EVENT_LAWSUIT, 1, -1, -1, id, 0, 6};
    with_and_without(&suit, base, 1, &a, &b);
    const cp_facility *fa = cp_world_facility(a, id), *fb = cp_world_facility(b, id);
    CHECK(fa->delay_turns >= fb->delay_turns + 6, "delayed 6 quarters: %d vs %d", fa->delay_turns,
          fb->delay_turns);
    CHECK(fa->operating_turn >= fb->operating_turn + 6, "operates later: %d vs %d",
          fa->operating_turn, fb->operating_turn);
    cp_world_destroy(a);
    cp_world_destroy(b);
    cp_world_destroy(base);
}

static double imports_from(const cp_world *w, cp_good g, int from, int to)
{
    return cp_world_market(w, g)->flow_t[from][to];
}

static void test_event_approvals_slow(void)
{
    fixture_three(&sc, 0);
    cp_world *base = fixture_world(&sc, 1), *a, *b;
    cp_order lic = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    lic.good = CP_MAGNET;
    lic.partner = 2;
    lic.mode = CP_CONTROL_LICENSED;
    lic.amount = 0.6;
    cp_error err;
    CHECK(cp_world_submit(base, &lic, &err) == CP_OK, "%s", err.message);
    advance(base, 4);
    cp_event slow = {CP_EVENT_APPROVALS_SLOW, 0, -1, -1, -1, 0.7, 2};
    with_and_without(&slow, base, 1, &a, &b);
    double fa = imports_from(a, CP_MAGNET, 0, 2), fb = imports_from(b, CP_MAGNET, 0, 2);
    CHECK(fa < 0.6 * fb, "fewer licensed magnets reach USR: %.0f vs %.0f t", fa, fb);
    CHECK(news_has(a, "slows its licence approvals"), "approvals news");
    cp_world_destroy(a);
    cp_world_destroy(b);
    cp_world_destroy(base);
}

static void test_event_summit_suspends_controls(void)
{
    fixture_three(&sc, 0);
    cp_world *base = fixture_world(&sc, 1), *a, *b;
    cp_order ban = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    ban.good = CP_MAGNET;
    ban.partner = 2;
    ban.mode = CP_CONTROL_BANNED;
    cp_error err;
    CHECK(cp_world_submit(base, &ban, &err) == CP_OK, "%s", err.message);
    advance(base, 3);
    cp_event summit = {CP_EVENT_SUMMIT, 0, 2, -1, -1, 0, 4};
    with_and_without(&summit, base, 1, &a, &b);
    CHECK(cp_world_nation(a, 0)->policy.control[CP_MAGNET][2].suspended_turns > 0,
          "the ban is suspended");
    double fa = imports_from(a, CP_MAGNET, 0, 2), fb = imports_from(b, CP_MAGNET, 0, 2);
    CHECK(fa > 2 * fb + 100, "USR gets BIG's magnets again: %.0f vs %.0f t", fa, fb);
    CHECK(news_has(a, "Summit: Nation BIG suspends its export controls on Nation USR"), "summit news");
    /* it counts down like an ordered suspension, although the quarters
     * before it had none to count (turn.c skips the count then) */
    int left = cp_world_nation(a, 0)->policy.control[CP_MAGNET][2].suspended_turns;
    advance(a, left);
    const cp_export_control *c = &cp_world_nation(a, 0)->policy.control[CP_MAGNET][2];
    CHECK(c->suspended_turns == 0 && c->mode == CP_CONTROL_BANNED, "the ban is back after %d quarters",
          left);
    CHECK(news_has(a, "suspended export controls are back in force"), "return news");
    cp_world_destroy(a);
    cp_world_destroy(b);
    cp_world_destroy(base);
}

static void test_event_demand_shock(void)
{
    fixture_three(&sc, 0);
    cp_world *base = fixture_world(&sc, 1), *a, *b;
    advance(base, 2);
    cp_event shock = {CP_EVENT_DEMAND_SHOCK, 2, -1, CP_MAGNET, -1, 0.5, 2};
    with_and_without(&shock, base, 1, &a, &b);
    double da = cp_world_nation(a, 2)->demand_t[CP_MAGNET], db = cp_world_nation(b, 2)->demand_t[CP_MAGNET];
    CHECK(da > 1.3 * db, "USR's magnet demand up by half: %.0f vs %.0f", da, db);
    cp_world_destroy(a);
    cp_world_destroy(b);
    cp_world_destroy(base);
}

static void test_event_price_floor(void)
{
    fixture_three(&sc, 0);
    cp_world *base = fixture_world(&sc, 1), *a, *b;
    advance(base, 2);
    double world = cp_world_market(base, CP_LIGHT_OXIDE)->world_price_usd_per_kg;
    cp_event floor = {CP_EVENT_PRICE_FLOOR, 1, -1, -1, -1, 0.5, 0};
    with_and_without(&floor, base, 2, &a, &b);
    double set = cp_world_nation(a, 1)->policy.price_floor_usd_per_kg[CP_LIGHT_OXIDE];
    CHECK(set > world * 1.3 && set < world * 1.7, "a floor 50%% above the world price: %.1f vs %.1f",
          set, world);
    CHECK(cp_world_nation(b, 1)->policy.price_floor_usd_per_kg[CP_LIGHT_OXIDE] == 0, "none without");
    CHECK(cp_world_nation(a, 1)->floor_paid_musd > 0, "the treasury pays its producers the gap");
    CHECK(cp_world_nation(a, 1)->treasury_musd < cp_world_nation(b, 1)->treasury_musd,
          "and is poorer for it");
    CHECK(news_has(a, "SML announces a price floor of $"), "price floor news");
    CHECK(cp_world_hash(a) != cp_world_hash(b), "the floor is in the state");
    cp_event bad = {CP_EVENT_PRICE_FLOOR, 1, -1, 9, -1, 0.5, 0};
    cp_error err;
    CHECK(cp_world_inject_event(a, &bad, &err) == CP_ERR_UNKNOWN_GOOD, "unknown good refused");
    cp_world_destroy(a);
    cp_world_destroy(b);
    cp_world_destroy(base);
}

/* Every event kind is injectable and named. */
static void test_every_kind_injectable(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    for (int k = 0; k < CP_EVENT_KIND_COUNT; k++) {
        cp_event e = {(cp_event_kind)k, 0, 1, CP_MAGNET, -1, 0.3, 2};
        cp_error err;
        CHECK(cp_world_inject_event(w, &e, &err) == CP_OK, "%s: %s",
              cp_event_kind_name((cp_event_kind)k), err.message);
        CHECK(cp_event_kind_from_name(cp_event_kind_name((cp_event_kind)k)) == k, "name %d", k);
    }
    advance(w, 1);
    cp_world_destroy(w);
}

/* The tariff collected route by route adds up to the ledger's total. */
static void test_tariff_by_route(void)
{
    fixture_two(&sc);
    /* a tariff in force from the start: the warm-up before turn 0 does not count */
    cp_scheduled *s = &sc.scheduled[sc.scheduled_count++];
    memset(s, 0, sizeof *s);
    s->order = fixture_order(CP_ORDER_SET_TARIFF, 1);
    s->order.good = CP_MAGNET;
    s->order.partner = 0;
    s->order.amount = 0.1;
    cp_world *w = fixture_world(&sc, 1);
    CHECK(cp_world_tariff_paid_musd(w, 1, CP_MAGNET, 0) == 0, "nothing counted at turn 0");
    advance(w, 4);
    cp_order o = fixture_order(CP_ORDER_SET_TARIFF, 1);
    o.good = CP_MAGNET;
    o.partner = 0;
    o.amount = 0.25;
    cp_error err;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    advance(w, 6);
    double route = cp_world_tariff_paid_musd(w, 1, CP_MAGNET, 0);
    cp_ledger l;
    cp_world_ledger(w, &l);
    CHECK(route > 0, "IMP collected a tariff on EXP's magnets: %.1f", route);
    CHECK_NEAR(route, l.tariffs_musd, 1e-9, "the route is all the ledger's tariffs");
    CHECK(cp_world_tariff_paid_musd(w, 0, CP_MAGNET, 1) == 0, "none the other way");
    CHECK(cp_world_tariff_paid_musd(w, 5, CP_MAGNET, 0) == 0, "out of range is 0");
    double share = cp_world_tariff_importer_share(w, CP_MAGNET);
    CHECK(share > 0 && share < 1, "importer share %.3f", share);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_lock_refuses_policy_orders);
    RUN(test_lock_holds_at_turn_end_and_schedule);
    RUN(test_lock_lets_deals_stand);
    RUN(test_lock_survives_save_and_load);
    RUN(test_other_model_refused);
    RUN(test_event_mine_flood_and_conflict);
    RUN(test_event_lawsuit_delays_a_plant);
    RUN(test_event_approvals_slow);
    RUN(test_event_summit_suspends_controls);
    RUN(test_event_demand_shock);
    RUN(test_event_price_floor);
    RUN(test_every_kind_injectable);
    RUN(test_tariff_by_route);
    return DONE();
}
