/* test_misc.c -- the smaller core modules: names, dates, scenario checks,
 * history, technology diffusion, scores and the news formatter. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "world_internal.h"

static cp_scenario sc;

static void test_names_round_trip(void)
{
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        CHECK(cp_good_from_name(cp_good_name((cp_good)g)) == g, "good %d", g);
    for (int s = 0; s < CP_SECTOR_COUNT; s++)
        CHECK(cp_sector_from_name(cp_sector_name((cp_sector)s)) == s, "sector %d", s);
    for (int k = 0; k < CP_ORDER_KIND_COUNT; k++)
        CHECK(cp_order_kind_from_name(cp_order_kind_name((cp_order_kind)k)) == k, "order %d", k);
    for (int k = 0; k < CP_EVENT_KIND_COUNT; k++)
        CHECK(cp_event_kind_from_name(cp_event_kind_name((cp_event_kind)k)) == k, "event %d", k);
    for (int k = 0; k < CP_STAGE_COUNT; k++)
        CHECK(cp_stage_from_name(cp_stage_name((cp_stage)k)) == k, "stage %d", k);
    CHECK(cp_good_from_name("unobtainium") == -1, "unknown name");
    CHECK(strcmp(cp_good_name((cp_good)99), "?") == 0, "out of range");
}

static void test_dates(void)
{
    fixture_three(&sc, 0);
    sc.start_year = 2025;
    sc.start_quarter = 3;
    cp_world *w = fixture_world(&sc, 1);
    char buf[8];
    CHECK(strcmp(cp_world_date_text(w, 0, buf, sizeof buf), "2025Q3") == 0, "%s", buf);
    CHECK(strcmp(cp_world_date_text(w, 2, buf, sizeof buf), "2026Q1") == 0, "%s", buf);
    CHECK(strcmp(cp_world_date_text(w, -3, buf, sizeof buf), "2024Q4") == 0, "%s", buf);
    cp_world_destroy(w);
}

static void test_scenario_validation(void)
{
    cp_error err;
    fixture_three(&sc, 0);
    CHECK(cp_scenario_validate(&sc, &err) == CP_OK, "the fixture is sound: %s", err.message);
    sc.nations[1].reserves_t = -1;
    CHECK(cp_scenario_validate(&sc, &err) == CP_ERR_BAD_VALUE && strstr(err.message, "SML"),
          "negative reserves named: %s", err.message);
    fixture_three(&sc, 0);
    snprintf(sc.nations[2].iso3, sizeof sc.nations[2].iso3, "BIG");
    CHECK(cp_scenario_validate(&sc, &err) != CP_OK && strstr(err.message, "twice"), "%s", err.message);
    fixture_three(&sc, 0);
    sc.facilities[0].host = 7;
    CHECK(cp_world_create(&sc, 1, &err) == NULL && strstr(err.message, "BIG mines"),
          "a bad facility stops creation: %s", err.message);
    fixture_three(&sc, 0);
    sc.goods[CP_MAGNET].substitution = 0.5;
    CHECK(cp_scenario_validate(&sc, &err) != CP_OK && strstr(err.message, "magnet"), "%s", err.message);
    fixture_three(&sc, 0);
    sc.scheduled_count = 1;
    memset(&sc.scheduled[0], 0, sizeof sc.scheduled[0]);
    sc.scheduled[0].order = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    sc.scheduled[0].order.good = CP_MAGNET;
    sc.scheduled[0].order.mode = CP_CONTROL_LICENSED;
    sc.scheduled[0].order.amount = 3; /* share above 1 */
    CHECK(cp_world_create(&sc, 1, &err) == NULL && strstr(err.message, "approval share"),
          "a bad starting policy stops creation: %s", err.message);
}

static void test_history_and_scores(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    for (int t = 0; t < 12; t++)
        cp_world_advance(w);
    CHECK(cp_world_nation_history(w, 13, 0) == NULL, "no history beyond the present");
    CHECK(cp_world_nation_history(w, -1, 0) == NULL, "nor before the start");
    const cp_nation_history *h = cp_world_nation_history(w, 12, 0);
    const cp_nation *n = cp_world_nation(w, 0);
    CHECK(h && h->turn == 12 && h->mined_t == n->mined_t && h->score == n->score, "last row is now");
    for (int i = 0; i < 3; i++) {
        double s = cp_world_nation(w, i)->score;
        CHECK(s > 0 && s <= 100, "score of %s in range: %g", cp_world_nation(w, i)->iso3, s);
    }
    const cp_market_history *m = cp_world_market_history(w, 12, CP_MAGNET);
    CHECK(m && m->production_t > 0 && m->world_price_usd_per_kg > 0, "market history");
    cp_world_destroy(w);
}

/* The price paid by buyers outside one nation: a weighted mean of the
 * nations' own prices paid, so it lies between the cheapest and the dearest
 * of them; an export tax raises it above what the taxing nation pays at home;
 * outside the history it is 0. */
static void test_price_paid_outside_a_nation(void)
{
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 1);
    cp_order tax = fixture_order(CP_ORDER_SET_EXPORT_TAX, 0);
    tax.good = CP_MAGNET;
    tax.amount = 0.5;
    cp_error err;
    CHECK(cp_world_submit(w, &tax, &err) == CP_OK, "%s", err.message);
    for (int t = 0; t < 4; t++)
        cp_world_advance(w);
    for (int t = 0; t <= 4; t++)
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            for (int except = -1; except < 3; except++) {
                double lo = 1e300, hi = 0;
                for (int i = 0; i < 3; i++) {
                    const cp_nation_history *h = cp_world_nation_history(w, t, i);
                    if (i == except || h->demand_good_t[g] + h->imports_t[g] <= 0) continue;
                    if (h->price_paid_usd_per_kg[g] < lo) lo = h->price_paid_usd_per_kg[g];
                    if (h->price_paid_usd_per_kg[g] > hi) hi = h->price_paid_usd_per_kg[g];
                }
                double p = cp_world_price_paid_usd_per_kg(w, t, (cp_good)g, except);
                if (hi == 0) CHECK(p == 0, "t%d %s except %d: nobody bought, %g", t, cp_good_name((cp_good)g), except, p);
                else CHECK(p >= lo * (1 - 1e-12) && p <= hi * (1 + 1e-12), "t%d %s except %d: %g within %g..%g", t,
                           cp_good_name((cp_good)g), except, p, lo, hi);
            }
    double home = cp_world_nation_history(w, 4, 0)->price_paid_usd_per_kg[CP_MAGNET];
    double abroad = cp_world_price_paid_usd_per_kg(w, 4, CP_MAGNET, 0);
    CHECK(abroad > home * 1.2, "the export tax shows abroad: $%.2f against $%.2f at home", abroad, home);
    CHECK(cp_world_price_paid_usd_per_kg(w, 5, CP_MAGNET, 0) == 0, "no figure beyond the present");
    CHECK(cp_world_price_paid_usd_per_kg(w, -1, CP_MAGNET, 0) == 0, "nor before the start");
    CHECK(cp_world_price_paid_usd_per_kg(w, 2, (cp_good)CP_GOOD_COUNT, 0) == 0, "nor for a good that is not one");
    cp_world_destroy(w);
}

/* A technology leader's export ban slows everyone else's catching up. */
static void test_tech_ban_slows_diffusion(void)
{
    fixture_three(&sc, 0);
    sc.nations[0].tech[CP_FAC_SEPARATION] = 0.95;
    sc.nations[2].tech[CP_FAC_SEPARATION] = 0.2; /* USR has no separation plant */
    cp_world *open = fixture_world(&sc, 1), *banned = cp_world_clone(open);
    cp_order ban = fixture_order(CP_ORDER_SET_TECH_BAN, 0);
    ban.flag = 1;
    cp_error err;
    CHECK(cp_world_submit(banned, &ban, &err) == CP_OK, "%s", err.message);
    for (int t = 0; t < 20; t++) {
        cp_world_advance(open);
        cp_world_advance(banned);
    }
    double a = cp_world_nation(open, 2)->tech[CP_FAC_SEPARATION];
    double b = cp_world_nation(banned, 2)->tech[CP_FAC_SEPARATION];
    printf("    USR separation technology after 5 years: %.3f open, %.3f under a ban\n", a, b);
    CHECK(a > 0.2 && b > 0.2 && b < a - 0.05, "the ban slows catching up");
    cp_world_destroy(open);
    cp_world_destroy(banned);
}

/* cutting is the point here */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

/* The core's own formatter gives snprintf's bytes: its fast path (%s, %d,
 * %.0f, %%) and what it hands over, cut at every buffer size. */
static void test_text_format_is_snprintf(void)
{
    static const char *name = "Mountain Pass (mine, USA)";
    for (size_t size = 1; size <= 48; size++) {
        char got[64], want[64];
#define SAME(...)                                                                                 \
    do {                                                                                           \
        memset(got, 'x', sizeof got);                                                              \
        memset(want, 'x', sizeof want);                                                            \
        text_format(got, size, __VA_ARGS__);                                                       \
        snprintf(want, size, __VA_ARGS__);                                                         \
        CHECK(memcmp(got, want, sizeof got) == 0, "size %zu: \"%s\" vs \"%s\"", size, got, want); \
    } while (0)
        SAME("%s (%s, %s) enters %s", name, "mine", "USA", "construction");
        SAME("%s delayed %d quarters: %s", name, 4, "a lawsuit");
        SAME("%d %d %d%%", INT_MIN, INT_MAX, 0);
        SAME("%d", -7);
        SAME("100%% %s", "");
        SAME("no conversions at all, just a long plain sentence");
        SAME("%s cuts mining by %.0f%% for %d quarters", "MMR", 72.6, 5);
        SAME("%.0f|%.0f|%.0f|%.0f|%.0f|%.0f", 0.5, 1.5, 2.5, -0.4, -0.0, 72.5);
        SAME("%.0f t/yr, %.0f, %.0f", 123456.49999, -1e6, 4503599627370495.0);
        SAME("%.0f and %.0f", 4503599627370497.0, 1e300);                     /* handed over */
        SAME("%.0f %.0f %s", (double)NAN, -(double)INFINITY, "end");         /* handed over */
        SAME("%.1f%%", 12.25);                                                /* handed over */
        SAME("%-6s|%5d|", "ab", 42);                                      /* handed over */
#undef SAME
    }
}

int main(void)
{
    RUN(test_names_round_trip);
    RUN(test_dates);
    RUN(test_scenario_validation);
    RUN(test_history_and_scores);
    RUN(test_price_paid_outside_a_nation);
    RUN(test_tech_ban_slows_diffusion);
    RUN(test_text_format_is_snprintf);
    return DONE();
}
