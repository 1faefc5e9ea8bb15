/* test_world_like.c -- cp_world_create_like (src/core/world.c), which a
 * sweep uses to skip each run's opening warm-up, makes the very world
 * cp_world_create makes: for every shipped scenario and seeds whose projects'
 * delays and events differ, the two worlds' saved bytes (scenario, state,
 * history, random stream, every project's delay) are equal at turn 0 and
 * again after twelve quarters played, and so are their hashes. A world of
 * another scenario or past turn 0 is refused as a start. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "script.h"

/* Whether two worlds save to the same bytes. */
static int same_save(const cp_world *a, const cp_world *b)
{
    unsigned char *ba = NULL, *bb = NULL;
    size_t la = 0, lb = 0;
    cp_error e;
    int same = cp_world_save(a, &ba, &la, &e) == CP_OK && cp_world_save(b, &bb, &lb, &e) == CP_OK &&
               la == lb && memcmp(ba, bb, la) == 0;
    free(ba);
    free(bb);
    return same;
}

static void test_every_scenario(void)
{
    static char names[64][64];
    static const uint64_t seeds[] = {1, 7, 20, 0x8000000000000005ull};
    int n = cps_list_scripts("scripts/scenarios", names, 64);
    CHECK(n >= 5, "the shipped scenarios: %d", n);
    cp_scenario *sc = malloc(sizeof *sc);
    for (int i = 0; i < n && sc; i++) {
        char msg[1400];
        if (cps_scenario_load(names[i], sc, NULL, msg, sizeof msg) != 0) {
            CHECK(0, "%s: %s", names[i], msg);
            continue;
        }
        cp_error e;
        cp_world *start = cp_world_create(sc, 3, &e);
        CHECK(start != NULL, "%s: %s", names[i], e.message);
        for (size_t k = 0; start && k < sizeof seeds / sizeof seeds[0]; k++) {
            cp_world *a = cp_world_create(sc, seeds[k], &e);
            cp_world *b = cp_world_create_like(start, sc, seeds[k], &e);
            CHECK(a && b, "%s seed %llu: %s", names[i], (unsigned long long)seeds[k], e.message);
            if (!a || !b) {
                cp_world_destroy(a);
                cp_world_destroy(b);
                continue;
            }
            CHECK(same_save(a, b), "%s seed %llu: turn 0 saves differ", names[i],
                  (unsigned long long)seeds[k]);
            for (int t = 0; t < 12; t++) {
                cp_world_advance(a);
                cp_world_advance(b);
            }
            CHECK(cp_world_hash(a) == cp_world_hash(b) && same_save(a, b),
                  "%s seed %llu: after 12 quarters the worlds differ", names[i],
                  (unsigned long long)seeds[k]);
            cp_world_destroy(a);
            cp_world_destroy(b);
        }
        cp_world_destroy(start);
    }
    free(sc);
}

/* A played world, and another scenario's, are refused as a start. */
static void test_refusals(void)
{
    cp_scenario *sc = malloc(sizeof *sc), *other = malloc(sizeof *other);
    char msg[1400];
    CHECK(sc && other && cps_scenario_load("baseline", sc, NULL, msg, sizeof msg) == 0 &&
              cps_scenario_load("free-trade", other, NULL, msg, sizeof msg) == 0,
          "loading: %s", msg);
    cp_error e;
    cp_world *start = cp_world_create(sc, 1, &e);
    cp_world *w = start ? cp_world_create_like(start, other, 2, &e) : NULL;
    CHECK(start && !w && strstr(e.message, "free-trade"), "another scenario: %s", e.message);
    cp_world_destroy(w);
    if (start)
        cp_world_advance(start);
    w = start ? cp_world_create_like(start, sc, 2, &e) : NULL;
    CHECK(start && !w && strstr(e.message, "turn 0"), "a played world: %s", e.message);
    cp_world_destroy(w);
    cp_world_destroy(start);
    free(sc);
    free(other);
}

int main(void)
{
    RUN(test_every_scenario);
    RUN(test_refusals);
    return DONE();
}
