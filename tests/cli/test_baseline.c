/* test_baseline.c -- the shipped baseline scenario: calibration against
 * USGS/IEA shares, capacity timelines of new projects, determinism. */
#include <string.h>

#include "check.h"
#include "chokepoint.h"
#include "script.h"

static cp_scenario sc;

static cp_world *baseline(uint64_t seed)
{
    char err[512];
    if (cps_scenario_load("baseline", &sc, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return NULL;
    }
    cp_error e;
    cp_world *w = cp_world_create(&sc, seed, &e);
    if (!w)
        fprintf(stderr, "%s\n", e.message);
    return w;
}

/* China's shares of the world's mining, separation and magnet output in
 * a turn's history. */
static void shares(const cp_world *w, int turn, double out[3], double *world_mine_t)
{
    double world[3] = {0, 0, 0}, chn[3] = {0, 0, 0};
    int c = cp_world_find_nation(w, "CHN");
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        const cp_nation_history *h = cp_world_nation_history(w, turn, n);
        double v[3] = {h->mined_t, h->separated_t, h->magnets_t};
        for (int k = 0; k < 3; k++) {
            world[k] += v[k];
            if (n == c)
                chn[k] += v[k];
        }
    }
    for (int k = 0; k < 3; k++)
        out[k] = chn[k] / world[k];
    *world_mine_t = world[0];
}

static void test_calibration(void)
{
    cp_world *w = baseline(1);
    CHECK(w != NULL, "baseline loads");
    if (!w)
        return;
    CHECK(cp_world_nation_count(w) >= 22, "about 24 nations (%d)", cp_world_nation_count(w));
    cp_world_advance(w);
    for (int t = 0; t <= 1; t++) {
        double s[3], mine;
        shares(w, t, s, &mine);
        printf("    turn %d: China %.1f%% of mining, %.1f%% of separation, %.1f%% of magnets; "
               "world mining %.0f t/yr\n", t, 100 * s[0], 100 * s[1], 100 * s[2], mine * 4);
        CHECK(s[0] >= 0.65 && s[0] <= 0.72, "China mines 65-72%% (USGS MCS 2025: 69%%), got %.1f%%", 100 * s[0]);
        CHECK(s[1] >= 0.85, "China separates >= 85%% (IEA: 91%%), got %.1f%%", 100 * s[1]);
        CHECK(s[2] >= 0.88, "China makes >= 88%% of magnets (IEA: 94%%), got %.1f%%", 100 * s[2]);
        CHECK(mine * 4 >= 390000 * 0.9 && mine * 4 <= 390000 * 1.1,
              "world mining within 10%% of 390 kt/yr (USGS MCS 2025), got %.0f", mine * 4);
    }
    /* the April 2025 licensing is in force from the start */
    const cp_nation *chn = cp_world_nation(w, cp_world_find_nation(w, "CHN"));
    int usa = cp_world_find_nation(w, "USA");
    CHECK(chn->policy.control[CP_HEAVY_OXIDE][usa].mode == CP_CONTROL_LICENSED, "heavy oxide licensed");
    CHECK(chn->policy.control[CP_MAGNET][usa].mode == CP_CONTROL_LICENSED, "magnets licensed");
    cp_world_destroy(w);
}

/* Turns until facility 'id' first produces, playing on. */
static int turns_to_output(cp_world *w, int id, int limit)
{
    for (int t = 1; t <= limit; t++) {
        cp_world_advance(w);
        if (cp_world_facility(w, id)->output_t > 0)
            return t;
    }
    return -1;
}

static void test_timelines(void)
{
    cp_world *w = baseline(1);
    if (!w)
        return;
    int usa = cp_world_find_nation(w, "USA");
    cp_order o;
    memset(&o, 0, sizeof o);
    o.kind = CP_ORDER_BUILD_FACILITY;
    o.nation = o.partner = usa;
    o.facility_kind = CP_FAC_MINE;
    o.amount = 10000;
    cp_error e;
    CHECK(cp_world_submit(w, &o, &e) == CP_OK, "%s", e.message);
    int mine = cp_world_facility_count(w);
    o.facility_kind = CP_FAC_MAGNET;
    o.amount = 2000;
    CHECK(cp_world_submit(w, &o, &e) == CP_OK, "%s", e.message);
    int plant = mine + 1;
    cp_world *w2 = cp_world_clone(w);
    int t_plant = turns_to_output(w2, plant, 40);
    int t_mine = turns_to_output(w, mine, 80);
    printf("    a US mine ordered at turn 0 first yields ore after %d quarters; a magnet plant "
           "after %d\n", t_mine, t_plant);
    CHECK(t_mine >= 28, "no ore for at least 7 years (%d quarters)", t_mine);
    CHECK(t_plant >= 6 && t_plant <= 11, "a magnet plant takes about 2 years (%d quarters)", t_plant);
    cp_world_destroy(w);
    cp_world_destroy(w2);
}

static void test_determinism(void)
{
    uint64_t h[6];
    for (int k = 0; k < 6; k++) {
        cp_world *w = baseline(k < 2 ? 5 : (uint64_t)k + 10);
        if (!w)
            return;
        for (int t = 0; t < 40; t++)
            cp_world_advance(w);
        h[k] = cp_world_hash(w);
        cp_world_destroy(w);
    }
    CHECK(h[0] == h[1], "the same seed gives the same hash");
    int distinct = 0;
    for (int k = 2; k < 6; k++)
        distinct += h[k] != h[0];
    CHECK(distinct == 4, "other seeds (other events) give other hashes");
}

int main(void)
{
    RUN(test_calibration);
    RUN(test_timelines);
    RUN(test_determinism);
    return DONE();
}
