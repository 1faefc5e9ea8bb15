/* test_events.c -- injected, scheduled and random events do what they say. */
#include <string.h>

#include "check.h"
#include "fixture.h"

static cp_scenario sc;

static int news_has(const cp_world *w, const char *fragment)
{
    for (int k = 0; k < cp_world_news_count(w); k++)
        if (strstr(cp_world_news(w, k)->text, fragment))
            return 1;
    return 0;
}

static void test_injected_flood_cuts_mining(void)
{
    fixture_three(&sc, 0);
    cp_world *a = fixture_world(&sc, 1), *b = cp_world_clone(a);
    cp_event e = {CP_EVENT_MINE_FLOOD, 1, -1, -1, -1, 0.5, 2};
    cp_error err;
    CHECK(cp_world_inject_event(b, &e, &err) == CP_OK, "%s", err.message);
    cp_world_advance(a);
    cp_world_advance(b);
    double ma = cp_world_nation(a, 1)->mined_t, mb = cp_world_nation(b, 1)->mined_t;
    CHECK(mb < ma * 0.6, "flooded mining %.0f vs %.0f", mb, ma);
    CHECK(news_has(b, "mine flood"), "the flood is news");
    cp_world_advance(a);
    cp_world_advance(b);
    cp_world_advance(a);
    cp_world_advance(b);
    CHECK(cp_world_nation(b, 1)->mined_t > cp_world_nation(a, 1)->mined_t * 0.9,
          "the flood ends after its turns");
    cp_event bad = {CP_EVENT_SUMMIT, 0, 0, -1, -1, 0, 4};
    CHECK(cp_world_inject_event(b, &bad, &err) == CP_ERR_UNKNOWN_PARTNER, "summit needs a partner");
    cp_world_destroy(a);
    cp_world_destroy(b);
}

static void test_scheduled_items(void)
{
    fixture_three(&sc, 0);
    cp_scheduled *s = &sc.scheduled[sc.scheduled_count++];
    memset(s, 0, sizeof *s);
    s->turn = 3;
    s->order = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    s->order.good = CP_MAGNET;
    s->order.mode = CP_CONTROL_BANNED;
    snprintf(s->note, sizeof s->note, "BIG bans magnets");
    s = &sc.scheduled[sc.scheduled_count++];
    memset(s, 0, sizeof *s);
    s->turn = 0;
    s->order = fixture_order(CP_ORDER_SET_TARIFF, 2);
    s->order.good = CP_MAGNET;
    s->order.amount = 0.1;
    cp_world *w = fixture_world(&sc, 1);
    CHECK(cp_world_nation(w, 2)->policy.tariff[CP_MAGNET][0] == 0.1, "turn-0 policy in force at start");
    cp_world_advance(w);
    cp_world_advance(w);
    CHECK(cp_world_nation(w, 0)->policy.control[CP_MAGNET][2].mode == CP_CONTROL_OPEN, "not yet");
    cp_world_advance(w);
    CHECK(cp_world_nation(w, 0)->policy.control[CP_MAGNET][2].mode == CP_CONTROL_BANNED,
          "in force at turn 3");
    CHECK(news_has(w, "BIG bans magnets"), "the note is news");
    cp_world_destroy(w);
}

static void test_random_events_happen(void)
{
    fixture_three(&sc, 1);
    sc.random_events = 5; /* frequent, to see them in a short game */
    cp_world *w = fixture_world(&sc, 11);
    for (int t = 0; t < 40; t++)
        cp_world_advance(w);
    int events = 0;
    for (int k = 0; k < cp_world_news_count(w); k++)
        events += cp_world_news(w, k)->kind == CP_NEWS_EVENT;
    CHECK(events > 3, "random events happen (%d)", events);
    cp_world_destroy(w);
    fixture_three(&sc, 0);
    w = fixture_world(&sc, 11);
    for (int t = 0; t < 40; t++)
        cp_world_advance(w);
    events = 0;
    for (int k = 0; k < cp_world_news_count(w); k++)
        events += cp_world_news(w, k)->kind == CP_NEWS_EVENT;
    CHECK(events == 0, "none when switched off (%d)", events);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_injected_flood_cuts_mining);
    RUN(test_scheduled_items);
    RUN(test_random_events_happen);
    return DONE();
}
