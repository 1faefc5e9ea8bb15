/* test_determinism.c -- one seed, one game: same seed, same hash; seeds
 * whose events differ, different hashes; a copy continues identically. */
#include <string.h>

#include "check.h"
#include "fixture.h"

static cp_scenario sc;

static cp_world *play(uint64_t seed, int turns)
{
    cp_world *w = fixture_world(&sc, seed);
    for (int t = 0; t < turns; t++)
        cp_world_advance(w);
    return w;
}

/* The list of random events a game saw, as one string. */
static void events_of(const cp_world *w, char *buf, size_t len)
{
    buf[0] = '\0';
    for (int k = 0; k < cp_world_news_count(w); k++) {
        const cp_news *n = cp_world_news(w, k);
        if (n->kind == CP_NEWS_EVENT || strstr(n->text, "lawsuit")) {
            strncat(buf, n->text, len - strlen(buf) - 1);
            strncat(buf, "|", len - strlen(buf) - 1);
        }
    }
}

static void test_same_seed_same_hash(void)
{
    fixture_three(&sc, 1);
    cp_world *a = play(42, 40), *b = play(42, 40);
    CHECK(cp_world_hash(a) == cp_world_hash(b), "same seed, same hash");
    for (int t = 0; t <= 40; t++) {
        const cp_nation_history *ha = cp_world_nation_history(a, t, 2);
        const cp_nation_history *hb = cp_world_nation_history(b, t, 2);
        CHECK(ha && hb && memcmp(ha, hb, sizeof *ha) == 0, "history row %d equal", t);
    }
    cp_world_destroy(a);
    cp_world_destroy(b);
}

static void test_different_events_different_hash(void)
{
    fixture_three(&sc, 1);
    static char ev[40][4096];
    uint64_t hash[40];
    int compared = 0;
    for (int s = 0; s < 40; s++) {
        cp_world *w = play((uint64_t)s + 1, 40);
        hash[s] = cp_world_hash(w);
        events_of(w, ev[s], sizeof ev[s]);
        cp_world_destroy(w);
    }
    for (int i = 0; i < 40; i++)
        for (int j = i + 1; j < 40; j++)
            if (strcmp(ev[i], ev[j]) != 0) {
                compared++;
                CHECK(hash[i] != hash[j], "seeds %d and %d saw different events", i + 1, j + 1);
            }
    CHECK(compared > 100, "enough seed pairs with different events (%d)", compared);
}

static void test_clone_continues_identically(void)
{
    fixture_three(&sc, 1);
    cp_world *a = play(9, 10);
    cp_world *b = cp_world_clone(a);
    for (int t = 0; t < 20; t++) {
        cp_world_advance(a);
        cp_world_advance(b);
    }
    CHECK(cp_world_hash(a) == cp_world_hash(b), "clone continues identically");
    cp_world_advance(a);
    CHECK(cp_world_hash(a) != cp_world_hash(b), "the hash moves with the turn");
    cp_world_destroy(a);
    cp_world_destroy(b);
}

int main(void)
{
    RUN(test_same_seed_same_hash);
    RUN(test_different_events_different_hash);
    RUN(test_clone_continues_identically);
    return DONE();
}
