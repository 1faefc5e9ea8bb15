/* test_forecast.c -- cp_world_forecast: it never changes the world, it is
 * the world played forward (checked against a clone advanced by hand), it
 * repeats, it keeps the seat's own queued orders and drops everyone
 * else's, it reports refused orders and plays the rest, it does not tell
 * the world's future chance, and it refuses bad arguments. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

enum { BIG = 0, SML = 1, USR = 2 };

static cp_scenario sc;

/* The three-nation world with random events on, played 'turns' quarters
 * with a tariff of BIG's on the way so that the history is not flat. */
static cp_world *world_at(int turns, uint64_t seed)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, seed);
    for (int t = 0; t < turns; t++) {
        if (t == 1) {
            cp_order o = fixture_order(CP_ORDER_SET_EXPORT_TAX, BIG);
            o.good = CP_MAGNET;
            o.amount = 0.15;
            cp_error e;
            CHECK(cp_world_submit(w, &o, &e) == CP_OK, "export tax: %s", e.message);
        }
        cp_world_advance(w);
    }
    return w;
}

static cp_order tariff(int nation, int origin, double rate)
{
    cp_order o = fixture_order(CP_ORDER_SET_TARIFF, nation);
    o.good = CP_MAGNET;
    o.partner = origin;
    o.amount = rate;
    return o;
}

static cp_order stockpile(int nation, double tonnes)
{
    cp_order o = fixture_order(CP_ORDER_BUY_STOCKPILE, nation);
    o.good = CP_MAGNET;
    o.amount = tonnes;
    return o;
}

/* The saved bytes of 'w': the whole state, pending orders included. */
static unsigned char *bytes_of(const cp_world *w, size_t *len)
{
    unsigned char *buf = NULL;
    cp_error e;
    CHECK(cp_world_save(w, &buf, len, &e) == CP_OK, "save: %s", e.message);
    return buf;
}

/* Every figure of two forecasts, bit for bit. */
static int same_forecast(const cp_forecast *a, const cp_forecast *b)
{
    if (a->nation != b->nation || a->quarters != b->quarters || a->from_turn != b->from_turn ||
        a->to_turn != b->to_turn || a->refused_count != b->refused_count)
        return 0;
    if (memcmp(&a->score, &b->score, sizeof a->score) != 0 ||
        memcmp(a->window, b->window, sizeof a->window) != 0 || a->window_total != b->window_total ||
        memcmp(a->price_usd_per_kg, b->price_usd_per_kg, sizeof a->price_usd_per_kg) != 0 ||
        memcmp(a->paid_usd_per_kg, b->paid_usd_per_kg, sizeof a->paid_usd_per_kg) != 0 ||
        memcmp(a->shortage_share, b->shortage_share, sizeof a->shortage_share) != 0 ||
        memcmp(a->stockpile_t, b->stockpile_t, sizeof a->stockpile_t) != 0 ||
        a->treasury_musd != b->treasury_musd || a->gdp_busd_per_yr != b->gdp_busd_per_yr ||
        a->gdp_loss_busd != b->gdp_loss_busd)
        return 0;
    for (int k = 0; k < a->refused_count; k++)
        if (a->refused[k].index != b->refused[k].index ||
            a->refused[k].at_turn_end != b->refused[k].at_turn_end ||
            strcmp(a->refused[k].error.message, b->refused[k].error.message) != 0)
            return 0;
    return 1;
}

/* No number of forecasts, with any orders, changes the world: its hash,
 * its saved bytes (pending orders included) and its next quarter. */
static void test_world_untouched(void)
{
    cp_world *w = world_at(5, 3);
    cp_world *twin = cp_world_clone(w);
    cp_error e;
    cp_order mine = tariff(USR, BIG, 0.3);
    cp_order theirs = stockpile(BIG, 100);
    CHECK(cp_world_submit(w, &mine, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_submit(w, &theirs, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_submit(twin, &mine, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_submit(twin, &theirs, &e) == CP_OK, "%s", e.message);
    uint64_t hash = cp_world_hash(w);
    size_t len0, len1;
    unsigned char *before = bytes_of(w, &len0);
    cp_order build = fixture_order(CP_ORDER_BUILD_FACILITY, USR);
    build.partner = USR;
    build.facility_kind = CP_FAC_MAGNET;
    build.amount = 3000;
    cp_order list[] = {tariff(USR, BIG, 0.5), stockpile(USR, 500), build, tariff(USR, 7, 0.1)};
    for (int i = 0; i < 20; i++) {
        cp_forecast f;
        int nation = i % 3;
        for (int k = 0; k < 4; k++)
            list[k].nation = nation;
        CHECK(cp_world_forecast(w, nation, list, 1 + i % 4, 1 + i % CP_FORECAST_MAX_QUARTERS,
                                (i & 1) ? CP_FORECAST_EXACT : 0, &f, &e) == CP_OK,
              "forecast %d: %s", i, e.message);
    }
    unsigned char *after = bytes_of(w, &len1);
    CHECK(cp_world_hash(w) == hash, "the hash moved: %016llx, was %016llx",
          (unsigned long long)cp_world_hash(w), (unsigned long long)hash);
    CHECK(len0 == len1 && before && after && memcmp(before, after, len0) == 0,
          "the saved bytes changed (%zu, then %zu bytes)", len0, len1);
    CHECK(cp_world_pending_count(w) == 2, "pending orders: %d, not 2", cp_world_pending_count(w));
    for (int t = 0; t < 4; t++) {
        cp_world_advance(w);
        cp_world_advance(twin);
    }
    CHECK(cp_world_hash(w) == cp_world_hash(twin), "the game played on differently after forecasts");
    free(before);
    free(after);
    cp_world_destroy(w);
    cp_world_destroy(twin);
}

/* The forecast is the world played forward: a forecast with
 * CP_FORECAST_EXACT equals a clone with every other seat's pending orders
 * withdrawn, the given orders submitted and 'n' quarters advanced by hand;
 * its figures are read from that clone here, each its own way. */
static void check_against_clone(cp_world *w, int nation, const cp_order *orders, int count, int n)
{
    cp_forecast f;
    cp_error e;
    CHECK(cp_world_forecast(w, nation, orders, count, n, CP_FORECAST_EXACT, &f, &e) == CP_OK,
          "forecast: %s", e.message);
    cp_world *c = cp_world_clone(w);
    for (int k = cp_world_pending_count(c) - 1; k >= 0; k--)
        if (cp_world_pending(c, k)->nation != nation)
            CHECK(cp_world_withdraw(c, k, &e) == CP_OK, "withdraw: %s", e.message);
    for (int k = 0; k < count; k++)
        cp_world_submit(c, &orders[k], &e); /* a refused one is left out, as the forecast does */
    for (int q = 0; q < n; q++)
        cp_world_advance(c);
    int to = cp_world_turn(c);
    CHECK(f.to_turn == to && f.from_turn == cp_world_turn(w) && f.quarters == n,
          "turns %d..%d over %d, expected %d..%d", f.from_turn, f.to_turn, f.quarters,
          cp_world_turn(w), to);
    cp_score_parts p;
    CHECK(cp_world_score_parts(c, nation, to, &p) == CP_OK, "parts");
    CHECK(memcmp(&p, &f.score, sizeof p) == 0, "score %.12f, the clone's %.12f", f.score.total,
          p.total);
    CHECK(f.score.total == cp_world_nation(c, nation)->score, "the score is the nation's");
    const cp_nation *nat = cp_world_nation(c, nation);
    CHECK(f.treasury_musd == nat->treasury_musd, "treasury %.6f, the clone's %.6f",
          f.treasury_musd, nat->treasury_musd);
    CHECK(f.gdp_busd_per_yr == nat->gdp_busd_per_yr, "gdp");
    double loss = 0, window_total = 0;
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        CHECK(f.price_usd_per_kg[g] == cp_world_market(c, (cp_good)g)->world_price_usd_per_kg,
              "%s price %.6f, the clone's %.6f", cp_good_name((cp_good)g), f.price_usd_per_kg[g],
              cp_world_market(c, (cp_good)g)->world_price_usd_per_kg);
        CHECK(f.paid_usd_per_kg[g] == nat->price_paid_usd_per_kg[g], "%s paid",
              cp_good_name((cp_good)g));
        CHECK(f.stockpile_t[g] == nat->stockpile_t[g], "%s stockpile", cp_good_name((cp_good)g));
        double need = 0, unmet = 0;
        for (int t = cp_world_turn(w) + 1; t <= to; t++) {
            need += cp_world_nation_history(c, t, nation)->demand_good_t[g];
            unmet += cp_world_nation_history(c, t, nation)->shortage_good_t[g];
        }
        CHECK_NEAR(f.shortage_share[g], need > 0 ? unmet / need : 0, 1e-12, "%s shortage %.9f",
                   cp_good_name((cp_good)g), f.shortage_share[g]);
    }
    for (int part = 0; part < CP_PART_COUNT; part++) {
        double sum = 0;
        for (int t = cp_world_turn(w) + 1; t <= to; t++) {
            cp_score_parts q;
            cp_world_score_parts(c, nation, t, &q);
            sum += q.quarter[part];
        }
        CHECK_NEAR(f.window[part], sum / n, 1e-12, "%s over the window: %.9f, expected %.9f",
                   cp_score_part_name((cp_score_part)part), f.window[part], sum / n);
        window_total += p.weight[part] * f.window[part];
    }
    for (int t = cp_world_turn(w) + 1; t <= to; t++)
        loss += cp_world_nation_history(c, t, nation)->gdp_loss_busd;
    CHECK_NEAR(f.gdp_loss_busd, loss, 1e-12, "gdp loss");
    CHECK_NEAR(f.window_total, window_total, 1e-12, "window total");
    cp_world_destroy(c);
}

static void test_equals_clone(void)
{
    cp_error e;
    for (int turns = 0; turns <= 12; turns += 6) {
        cp_world *w = world_at(turns, 5);
        /* no orders at all */
        check_against_clone(w, USR, NULL, 0, 1);
        check_against_clone(w, SML, NULL, 0, CP_FORECAST_MAX_QUARTERS);
        /* others' pending orders are dropped, the seat's own kept */
        cp_order theirs = tariff(BIG, USR, 2.0);
        cp_order own = stockpile(USR, 300);
        CHECK(cp_world_submit(w, &theirs, &e) == CP_OK, "%s", e.message);
        CHECK(cp_world_submit(w, &own, &e) == CP_OK, "%s", e.message);
        check_against_clone(w, USR, NULL, 0, 4);
        cp_order mine[] = {tariff(USR, BIG, 0.4), stockpile(USR, 200)};
        check_against_clone(w, USR, mine, 2, 3);
        cp_world_destroy(w);
    }
}

/* The seat's own queued orders count: a forecast with order X queued
 * equals one with X given, on a world without it. */
static void test_own_pending_counts(void)
{
    cp_world *w = world_at(4, 9);
    cp_world *plain = cp_world_clone(w);
    cp_order x = tariff(USR, BIG, 0.6);
    cp_error e;
    CHECK(cp_world_submit(w, &x, &e) == CP_OK, "%s", e.message);
    cp_forecast queued, given, none;
    CHECK(cp_world_forecast(w, USR, NULL, 0, 4, 0, &queued, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(plain, USR, &x, 1, 4, 0, &given, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(plain, USR, NULL, 0, 4, 0, &none, &e) == CP_OK, "%s", e.message);
    CHECK(same_forecast(&queued, &given), "queued and given differ: %.9f vs %.9f",
          queued.window_total, given.window_total);
    CHECK(!same_forecast(&queued, &none), "a 60%% tariff changed nothing in the forecast");
    /* and another seat's queued order is not in its picture */
    cp_forecast other;
    CHECK(cp_world_forecast(w, BIG, NULL, 0, 4, 0, &other, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(plain, BIG, NULL, 0, 4, 0, &none, &e) == CP_OK, "%s", e.message);
    CHECK(same_forecast(&other, &none), "BIG's forecast saw USR's queued tariff");
    cp_world_destroy(w);
    cp_world_destroy(plain);
}

/* The same forecast twice gives the same figures, from the world and from
 * its copy. */
static void test_repeats(void)
{
    cp_world *w = world_at(7, 11);
    cp_world *copy = cp_world_clone(w);
    cp_order list[] = {tariff(USR, BIG, 0.25), stockpile(USR, 50)};
    cp_forecast a, b, c;
    cp_error e;
    CHECK(cp_world_forecast(w, USR, list, 2, 6, 0, &a, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(w, USR, list, 2, 6, 0, &b, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(copy, USR, list, 2, 6, 0, &c, &e) == CP_OK, "%s", e.message);
    CHECK(same_forecast(&a, &b), "twice from the same world");
    CHECK(same_forecast(&a, &c), "from a copy");
    cp_world_destroy(w);
    cp_world_destroy(copy);
}

/* A forecast does not tell the world's own chance: over seeds whose next
 * quarters draw events, the forecast's figures differ from the exact ones
 * at least once (and are still a forecast of the same world: same turns). */
static void test_own_chance(void)
{
    int differ = 0;
    for (uint64_t seed = 1; seed <= 12 && !differ; seed++) {
        cp_world *w = world_at(3, seed);
        cp_forecast own, exact;
        cp_error e;
        CHECK(cp_world_forecast(w, SML, NULL, 0, 8, 0, &own, &e) == CP_OK, "%s", e.message);
        CHECK(cp_world_forecast(w, SML, NULL, 0, 8, CP_FORECAST_EXACT, &exact, &e) == CP_OK, "%s",
              e.message);
        differ += !same_forecast(&own, &exact);
        cp_world_destroy(w);
    }
    CHECK(differ, "in 12 seeds with events on, every forecast was the world's own future");
    /* a teacher's injected event is left out, and kept by CP_FORECAST_EXACT */
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 2);
    cp_world *plain = cp_world_clone(w);
    cp_event ev = {CP_EVENT_MINE_FLOOD, BIG, -1, -1, -1, 0.8, 4};
    cp_error e;
    CHECK(cp_world_inject_event(w, &ev, &e) == CP_OK, "%s", e.message);
    cp_forecast with, without, exact;
    CHECK(cp_world_forecast(w, USR, NULL, 0, 4, 0, &with, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(plain, USR, NULL, 0, 4, 0, &without, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(w, USR, NULL, 0, 4, CP_FORECAST_EXACT, &exact, &e) == CP_OK, "%s",
          e.message);
    CHECK(same_forecast(&with, &without), "the injected flood leaked into the forecast");
    CHECK(exact.price_usd_per_kg[CP_ORE] != without.price_usd_per_kg[CP_ORE],
          "the exact forecast missed an 80%% flood of BIG's mines");
    cp_world_destroy(w);
    cp_world_destroy(plain);
}

/* A refused order is reported with its index and the core's message, and
 * the rest play as if it had not been given. */
static void test_refusals(void)
{
    cp_world *w = world_at(2, 4);
    cp_order bad_rate = tariff(USR, BIG, -1);
    cp_order not_mine = tariff(BIG, USR, 0.1);
    cp_order good = tariff(USR, BIG, 0.3);
    cp_order list[] = {bad_rate, good, not_mine};
    cp_forecast f, g;
    cp_error e;
    CHECK(cp_world_forecast(w, USR, list, 3, 2, 0, &f, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_forecast(w, USR, &good, 1, 2, 0, &g, &e) == CP_OK, "%s", e.message);
    CHECK(f.refused_count == 2, "%d refused, not 2", f.refused_count);
    CHECK(f.refused[0].index == 0 && !f.refused[0].at_turn_end &&
              strstr(f.refused[0].error.message, "tariff") != NULL,
          "refusal 0: index %d: %s", f.refused[0].index, f.refused[0].error.message);
    CHECK(f.refused[1].index == 2 && strstr(f.refused[1].error.message, "BIG's, not USR's"),
          "refusal 1: index %d: %s", f.refused[1].index, f.refused[1].error.message);
    g.refused_count = f.refused_count;
    memcpy(g.refused, f.refused, sizeof g.refused);
    CHECK(same_forecast(&f, &g), "the good order did not play as if alone");
    /* a purchase beyond the treasury: refused when submitted */
    cp_order huge = stockpile(USR, 1e6);
    CHECK(cp_world_forecast(w, USR, &huge, 1, 1, 0, &f, &e) == CP_OK, "%s", e.message);
    CHECK(f.refused_count == 1 && f.refused[0].index == 0, "the 1 Mt purchase was not refused");
    cp_world_destroy(w);
}

/* Bad arguments are refused with a message and 'out' untouched. */
static void test_bad_arguments(void)
{
    cp_world *w = world_at(1, 1);
    cp_order many[CP_FORECAST_MAX_ORDERS + 1];
    for (int k = 0; k <= CP_FORECAST_MAX_ORDERS; k++)
        many[k] = tariff(USR, BIG, 0.01 * k);
    static const struct {
        int nation, count, quarters;
        cp_status code;
        const char *fragment;
    } cases[] = {
        {USR, 0, 0, CP_ERR_BAD_VALUE, "quarters must be 1 to 8, got 0"},
        {USR, 0, -1, CP_ERR_BAD_VALUE, "got -1"},
        {USR, 0, CP_FORECAST_MAX_QUARTERS + 1, CP_ERR_BAD_VALUE, "got 9"},
        {USR, 0, INT_MAX, CP_ERR_BAD_VALUE, "quarters must be"},
        {USR, -1, 4, CP_ERR_FULL, "at most 64 orders, got -1"},
        {USR, CP_FORECAST_MAX_ORDERS + 1, 4, CP_ERR_FULL, "at most 64 orders, got 65"},
        {-1, 0, 4, CP_ERR_UNKNOWN_NATION, "unknown nation -1"},
        {3, 0, 4, CP_ERR_UNKNOWN_NATION, "unknown nation 3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cp_forecast f;
        memset(&f, 0xA5, sizeof f);
        cp_error e = {CP_OK, ""};
        cp_status st = cp_world_forecast(w, cases[i].nation, many, cases[i].count,
                                         cases[i].quarters, 0, &f, &e);
        CHECK(st == cases[i].code && e.code == st && strstr(e.message, cases[i].fragment),
              "case %zu: status %d, '%s'", i, st, e.message);
        unsigned char *b = (unsigned char *)&f;
        int untouched = 1;
        for (size_t k = 0; k < sizeof f; k++)
            untouched &= b[k] == 0xA5;
        CHECK(untouched, "case %zu: 'out' was written", i);
    }
    cp_forecast f;
    cp_error e;
    CHECK(cp_world_forecast(w, USR, many, CP_FORECAST_MAX_ORDERS, 1, 0, &f, &e) == CP_OK,
          "64 orders: %s", e.message);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_world_untouched);
    RUN(test_equals_clone);
    RUN(test_own_pending_counts);
    RUN(test_repeats);
    RUN(test_own_chance);
    RUN(test_refusals);
    RUN(test_bad_arguments);
    return DONE();
}
