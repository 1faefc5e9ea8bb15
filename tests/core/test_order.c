/* test_order.c -- every order kind is checked, refused with a message that
 * names what is wrong, and applied as documented. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

static cp_scenario sc;

static cp_world *fresh(void)
{
    fixture_three(&sc, 0);
    return fixture_world(&sc, 7);
}

static int refused(cp_world *w, cp_order o, cp_status want, const char *fragment)
{
    cp_error err;
    uint64_t before = cp_world_hash(w);
    int pending = cp_world_pending_count(w);
    cp_status st = cp_world_submit(w, &o, &err);
    int ok = st == want && strstr(err.message, fragment) != NULL &&
             cp_world_hash(w) == before && cp_world_pending_count(w) == pending;
    if (!ok)
        fprintf(stderr, "  got status %d message '%s', wanted %d with '%s'\n", st, err.message,
                want, fragment);
    return ok;
}

static void test_refusals(void)
{
    cp_world *w = fresh();
    cp_order o = fixture_order(CP_ORDER_SET_TARIFF, 9);
    CHECK(refused(w, o, CP_ERR_UNKNOWN_NATION, "unknown nation"), "unknown nation");
    o = fixture_order(CP_ORDER_SET_TARIFF, 2);
    o.good = 7;
    CHECK(refused(w, o, CP_ERR_UNKNOWN_GOOD, "unknown good"), "unknown good");
    o.good = CP_MAGNET;
    o.amount = -0.1;
    CHECK(refused(w, o, CP_ERR_BAD_VALUE, "tariff rate"), "negative tariff");
    o.amount = 0.1;
    o.partner = 2;
    CHECK(refused(w, o, CP_ERR_UNKNOWN_PARTNER, "itself"), "tariff on itself");
    o = fixture_order(CP_ORDER_BUY_STOCKPILE, 2);
    o.good = CP_MAGNET;
    o.amount = -5;
    CHECK(refused(w, o, CP_ERR_BAD_VALUE, "tonnes"), "negative tonnage");
    o.amount = 1e6; /* a million tonnes of magnets costs ~$49bn */
    CHECK(refused(w, o, CP_ERR_NO_MONEY, "costs"), "not enough money");
    o = fixture_order(CP_ORDER_IDLE_FACILITY, 2);
    o.facility = 0; /* BIG's mines */
    o.flag = 1;
    CHECK(refused(w, o, CP_ERR_NOT_YOURS, "belongs to BIG"), "not your facility");
    o.facility = 99;
    CHECK(refused(w, o, CP_ERR_UNKNOWN_FACILITY, "unknown facility"), "unknown facility");
    o = fixture_order(CP_ORDER_SUSPEND_EXPORT_CONTROL, 0);
    o.good = CP_MAGNET;
    o.turns = 4;
    CHECK(refused(w, o, CP_ERR_BAD_STATE, "no export control"), "nothing to suspend");
    o = fixture_order(CP_ORDER_RELEASE_STOCKPILE, 2);
    o.good = CP_MAGNET;
    o.amount = 10;
    CHECK(refused(w, o, CP_ERR_BAD_VALUE, "cannot release"), "empty stockpile");
    o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    o.good = CP_MAGNET;
    o.mode = CP_CONTROL_LICENSED;
    o.amount = 1.5;
    CHECK(refused(w, o, CP_ERR_BAD_VALUE, "approval share"), "share above 1");
    o = fixture_order(CP_ORDER_BUILD_FACILITY, 1);
    o.partner = 1;
    o.facility_kind = CP_FAC_MINE;
    o.amount = -3;
    CHECK(refused(w, o, CP_ERR_BAD_VALUE, "capacity"), "negative capacity");
    cp_world_destroy(w);
}

static void test_tech_ban_forbids_building_abroad(void)
{
    cp_world *w = fresh();
    cp_error err;
    cp_order ban = fixture_order(CP_ORDER_SET_TECH_BAN, 0);
    ban.flag = 1;
    CHECK(cp_world_submit(w, &ban, &err) == CP_OK, "%s", err.message);
    cp_world_advance(w);
    cp_order b = fixture_order(CP_ORDER_BUILD_FACILITY, 0);
    b.partner = 2;
    b.facility_kind = CP_FAC_SEPARATION;
    b.amount = 5000;
    CHECK(refused(w, b, CP_ERR_FORBIDDEN, "technology export ban"), "tech ban");
    b.facility_kind = CP_FAC_MINE; /* mines need no processing technology */
    CHECK(cp_world_check(w, &b, &err) == CP_OK, "%s", err.message);
    b.partner = 0;
    b.facility_kind = CP_FAC_SEPARATION;
    CHECK(cp_world_check(w, &b, &err) == CP_OK, "at home: %s", err.message);
    cp_world_destroy(w);
}

static void test_policies_apply(void)
{
    cp_world *w = fresh();
    cp_error err;
    cp_order o = fixture_order(CP_ORDER_SET_TARIFF, 2);
    o.good = CP_MAGNET;
    o.partner = 0;
    o.amount = 0.25;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    CHECK(cp_world_nation(w, 2)->policy.tariff[CP_MAGNET][0] == 0, "not before the turn ends");
    o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    o.good = CP_HEAVY_OXIDE;
    o.mode = CP_CONTROL_LICENSED;
    o.amount = 0.4;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    o = fixture_order(CP_ORDER_SET_EXPORT_QUOTA, 1);
    o.good = CP_ORE;
    o.amount = 100;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    o = fixture_order(CP_ORDER_SET_EXPORT_TAX, 1);
    o.good = CP_ORE;
    o.amount = 0.1;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    o = fixture_order(CP_ORDER_SET_SUBSIDY, 2);
    o.facility_kind = CP_FAC_MAGNET;
    o.amount = 0.3;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    o = fixture_order(CP_ORDER_SET_PRICE_FLOOR, 1);
    o.good = CP_LIGHT_OXIDE;
    o.amount = 110;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    o = fixture_order(CP_ORDER_SET_TRACKING, 0);
    o.flag = 1;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    o = fixture_order(CP_ORDER_BUY_STOCKPILE, 2);
    o.good = CP_HEAVY_OXIDE;
    o.amount = 20;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    CHECK(cp_world_pending_count(w) == 8, "8 pending, got %d", cp_world_pending_count(w));
    cp_world_advance(w);
    CHECK(cp_world_pending_count(w) == 0, "queue emptied");
    const cp_nation *big = cp_world_nation(w, 0), *sml = cp_world_nation(w, 1),
                    *usr = cp_world_nation(w, 2);
    CHECK(usr->policy.tariff[CP_MAGNET][0] == 0.25, "tariff set");
    CHECK(usr->policy.tariff[CP_MAGNET][1] == 0, "tariff only on BIG");
    CHECK(big->policy.control[CP_HEAVY_OXIDE][2].mode == CP_CONTROL_LICENSED &&
              big->policy.control[CP_HEAVY_OXIDE][1].approval_share == 0.4,
          "licence to all");
    CHECK(sml->policy.export_quota_t[CP_ORE] == 100, "quota");
    CHECK(sml->policy.export_tax[CP_ORE] == 0.1, "export tax");
    CHECK(usr->policy.subsidy[CP_FAC_MAGNET] == 0.3, "subsidy");
    CHECK(sml->policy.price_floor_usd_per_kg[CP_LIGHT_OXIDE] == 110, "floor");
    CHECK(big->policy.tracking == 1, "tracking");
    CHECK(usr->stockpile_t[CP_HEAVY_OXIDE] > 0, "stockpile bought: %g", usr->stockpile_t[CP_HEAVY_OXIDE]);
    double pile = usr->stockpile_t[CP_HEAVY_OXIDE], stock = usr->stock_t[CP_HEAVY_OXIDE];
    o = fixture_order(CP_ORDER_RELEASE_STOCKPILE, 2);
    o.good = CP_HEAVY_OXIDE;
    o.amount = pile / 2;
    CHECK(cp_world_submit(w, &o, &err) == CP_OK, "%s", err.message);
    o.amount = pile; /* together with the first, more than it holds */
    CHECK(cp_world_submit(w, &o, &err) == CP_ERR_BAD_VALUE, "release counts pending releases");
    (void)stock;
    cp_world_advance(w);
    CHECK_NEAR(cp_world_nation(w, 2)->stockpile_t[CP_HEAVY_OXIDE], pile / 2, 1e-9, "released half");
    CHECK(cp_world_news_count(w) > 0, "policies make news");
    cp_world_destroy(w);
}

static void test_facility_orders(void)
{
    cp_world *w = fresh();
    cp_error err;
    int before = cp_world_facility_count(w);
    double treasury = cp_world_nation(w, 2)->treasury_musd;
    cp_order b = fixture_order(CP_ORDER_BUILD_FACILITY, 2);
    b.partner = 1; /* USR builds a mine in SML */
    b.facility_kind = CP_FAC_MINE;
    b.amount = 10000;
    CHECK(cp_world_submit(w, &b, &err) == CP_OK, "%s", err.message);
    cp_world_advance(w);
    CHECK(cp_world_facility_count(w) == before + 1, "facility added");
    const cp_facility *f = cp_world_facility(w, before);
    CHECK(f->host == 1 && f->funder == 2 && f->kind == CP_FAC_MINE, "host and funder");
    CHECK(f->stage == CP_STAGE_ANNOUNCED || f->stage == CP_STAGE_PERMITTING, "new project: %s",
          cp_stage_name(f->stage));
    CHECK(cp_world_nation(w, 2)->treasury_musd < treasury + 1000 / 4.0, "down payment taken");
    cp_order fund = fixture_order(CP_ORDER_FUND_FACILITY, 2);
    fund.facility = f->id;
    fund.amount = 50;
    CHECK(cp_world_submit(w, &fund, &err) == CP_OK, "%s", err.message);
    cp_order idle = fixture_order(CP_ORDER_IDLE_FACILITY, 2);
    idle.facility = f->id;
    idle.flag = 1;
    CHECK(cp_world_check(w, &idle, &err) == CP_ERR_BAD_STATE, "cannot idle a project");
    cp_world_advance(w);
    CHECK(cp_world_facility(w, before)->funds_musd > 0 || cp_world_facility(w, before)->capex_paid_musd > 0,
          "funds arrived");
    idle = fixture_order(CP_ORDER_IDLE_FACILITY, 0);
    idle.facility = 0;
    idle.flag = 1;
    CHECK(cp_world_submit(w, &idle, &err) == CP_OK, "%s", err.message);
    cp_world_advance(w);
    CHECK(cp_world_facility(w, 0)->stage == CP_STAGE_IDLED, "idled");
    CHECK(cp_world_nation(w, 0)->mined_t == 0, "an idled mine digs nothing");
    idle.flag = 0;
    CHECK(cp_world_submit(w, &idle, &err) == CP_OK, "%s", err.message);
    cp_world_advance(w);
    CHECK(cp_world_facility(w, 0)->stage == CP_STAGE_OPERATING, "resumed");
    cp_order close = fixture_order(CP_ORDER_CLOSE_FACILITY, 0);
    close.facility = 0;
    CHECK(cp_world_submit(w, &close, &err) == CP_OK, "%s", err.message);
    cp_world_advance(w);
    CHECK(cp_world_facility(w, 0)->stage == CP_STAGE_CLOSED, "closed");
    CHECK(cp_world_check(w, &close, &err) == CP_ERR_BAD_STATE, "closed is final");
    cp_world_destroy(w);
}

/* The cost the core quotes for an order is what the turn then takes. */
static void test_order_costs(void)
{
    cp_world *w = fresh();
    cp_error err;
    double now, total;
    cp_order t = fixture_order(CP_ORDER_SET_TARIFF, 2);
    t.good = CP_MAGNET;
    t.amount = 0.3;
    cp_order_cost_musd(w, &t, &now, &total);
    CHECK(now == 0 && total == 0, "a tariff costs nothing");
    cp_order b = fixture_order(CP_ORDER_BUILD_FACILITY, 2);
    b.partner = 2;
    b.facility_kind = CP_FAC_SEPARATION;
    b.amount = 5000;
    cp_order_cost_musd(w, &b, &now, &total);
    CHECK(total > 0 && fabs(now - 0.05 * total) < 1e-9, "a plant: %g now of %g", now, total);
    int id = cp_world_facility_count(w);
    CHECK(cp_world_submit(w, &b, &err) == CP_OK, "%s", err.message);
    cp_world_advance(w);
    const cp_facility *f = cp_world_facility(w, id);
    CHECK(fabs(f->capex_musd - total) < 1e-9, "the plant costs what was quoted (%g, %g)",
          f->capex_musd, total);
    CHECK(f->capex_paid_musd >= now - 1e-9, "the quoted down payment was paid (%g of %g)",
          f->capex_paid_musd, now);
    cp_order fund = fixture_order(CP_ORDER_FUND_FACILITY, 2);
    fund.facility = f->id;
    fund.amount = 40;
    cp_order_cost_musd(w, &fund, &now, &total);
    CHECK(now == 40 && total == 40, "funds put in are paid now");
    cp_order buy = fixture_order(CP_ORDER_BUY_STOCKPILE, 2);
    buy.good = CP_MAGNET;
    buy.amount = 100;
    cp_order_cost_musd(w, &buy, &now, &total);
    double p = cp_world_nation(w, 2)->price_paid_usd_per_kg[CP_MAGNET];
    CHECK(fabs(now - 100 * p * 1000 / 1e6) < 1e-9 && total == now,
          "a stockpile at this quarter's price (%g)", now);
    /* the money check uses the same figure: a purchase beyond the treasury is refused */
    buy.amount = 1e6;
    cp_order_cost_musd(w, &buy, &now, NULL);
    CHECK((now > cp_world_nation(w, 2)->treasury_musd) ==
              (cp_world_check(w, &buy, &err) == CP_ERR_NO_MONEY),
          "the refusal for money follows the quoted cost (%g against %g)", now,
          cp_world_nation(w, 2)->treasury_musd);
    cp_world_destroy(w);
}

static void test_withdraw(void)
{
    cp_world *a = fresh(), *b = cp_world_clone(a);
    cp_error err;
    cp_order o = fixture_order(CP_ORDER_SET_TARIFF, 2);
    o.good = CP_MAGNET;
    o.amount = 0.5;
    CHECK(cp_world_submit(a, &o, &err) == CP_OK, "%s", err.message);
    CHECK(cp_world_pending(a, 0)->amount == 0.5, "pending readable");
    CHECK(cp_world_withdraw(a, 0, &err) == CP_OK, "%s", err.message);
    CHECK(cp_world_withdraw(a, 0, &err) == CP_ERR_BAD_VALUE, "nothing left to withdraw");
    cp_world_advance(a);
    cp_world_advance(b);
    CHECK(cp_world_hash(a) == cp_world_hash(b), "a withdrawn order leaves no trace");
    cp_world_destroy(a);
    cp_world_destroy(b);
}

/* cp_order_init: every field unused, whatever the memory held before, so
 * two orders built the same way are the same bytes (the window's orders are
 * compared with the agents' byte for byte, and replays store them). */
static void test_order_init(void)
{
    cp_order a, b;
    memset(&a, 0xAB, sizeof a);
    memset(&b, 0x5C, sizeof b);
    cp_order_init(&a, CP_ORDER_SET_TARIFF, 2);
    cp_order_init(&b, CP_ORDER_SET_TARIFF, 2);
    CHECK(a.kind == CP_ORDER_SET_TARIFF && a.nation == 2, "kind and nation kept");
    CHECK(a.partner == CP_ALL && a.good == -1 && a.facility == -1 && a.facility_kind == -1,
          "partner every nation, good and facilities none");
    CHECK(a.mode == 0 && a.flag == 0 && a.turns == 0 && a.amount == 0.0, "the rest 0");
    CHECK(memcmp(&a, &b, sizeof a) == 0, "equal orders are equal bytes, padding included");
    /* an initialised order with its fields filled is one the core accepts */
    cp_world *w = fresh();
    a.good = CP_MAGNET;
    a.amount = 0.25;
    cp_error err;
    CHECK(cp_world_check(w, &a, &err) == CP_OK, "a tariff built on it: %s", err.message);
    cp_world_destroy(w);
}

/* cp_order_amount_range is the range the checks hold orders to: its ends
 * are accepted, a step beyond is refused with its name, and kinds that read
 * no amount have none. */
static void test_amount_ranges(void)
{
    cp_range r;
    CHECK(cp_order_amount_range(CP_ORDER_SET_TARIFF, 0, &r) && r.lo == 0 && r.hi == 10 &&
              strcmp(r.what, "tariff rate") == 0,
          "tariffs 0..10");
    CHECK(!cp_order_amount_range(CP_ORDER_IDLE_FACILITY, 0, &r), "idling reads no amount");
    CHECK(!cp_order_amount_range(CP_ORDER_SET_EXPORT_CONTROL, CP_CONTROL_BANNED, &r),
          "a ban reads no amount");
    CHECK(cp_order_amount_range(CP_ORDER_SET_EXPORT_CONTROL, CP_CONTROL_LICENSED, &r) &&
              r.hi == 1,
          "a licence's approval share up to 1");
    cp_world *w = fresh();
    static const cp_order_kind kinds[] = {CP_ORDER_SET_TARIFF, CP_ORDER_SET_EXPORT_TAX,
                                          CP_ORDER_SET_SUBSIDY, CP_ORDER_SET_PRICE_FLOOR,
                                          CP_ORDER_SET_EXPORT_CONTROL};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        cp_order o;
        cp_order_init(&o, kinds[k], 0);
        o.good = CP_MAGNET;
        o.facility_kind = CP_FAC_MINE;
        o.mode = CP_CONTROL_LICENSED;
        CHECK(cp_order_amount_range(o.kind, o.mode, &r), "%s has a range",
              cp_order_kind_name(o.kind));
        cp_error err;
        o.amount = r.lo;
        CHECK(cp_world_check(w, &o, &err) == CP_OK, "%s at %g: %s", cp_order_kind_name(o.kind),
              o.amount, err.message);
        o.amount = r.hi;
        CHECK(cp_world_check(w, &o, &err) == CP_OK, "%s at %g: %s", cp_order_kind_name(o.kind),
              o.amount, err.message);
        o.amount = r.hi * 1.01 + 0.01;
        CHECK(cp_world_check(w, &o, &err) == CP_ERR_BAD_VALUE && strstr(err.message, r.what),
              "%s above its range: %s", cp_order_kind_name(o.kind), err.message);
    }
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_order_init);
    RUN(test_amount_ranges);
    RUN(test_refusals);
    RUN(test_tech_ban_forbids_building_abroad);
    RUN(test_policies_apply);
    RUN(test_facility_orders);
    RUN(test_order_costs);
    RUN(test_withdraw);
    return DONE();
}
