/* test_made.c -- "made", the difference a seat's decisions made (src/session/made.c,
 * docs/score.md), held to its promises: a seat that decides nothing made exactly 0; made agrees
 * with a second game rebuilt from the recording without the seat's decisions (another code
 * path than the without-world); a saved and loaded game gives the unbroken game's figures, and
 * a save from before made starts it at the load; hostile decisions (answers to the seat's deals,
 * orders and events about plants only one world has) never crash it; the same game twice gives
 * the same CSV.
 *
 * test_session_made [TEST] runs every test, or the one named. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "log_capture.h"
#include "replay_file.h"
#include "session.h"

static char tmp[256];

static const char *in_tmp(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s", tmp, name);
    return buf;
}

static cpg_opts quiet_opts(void)
{
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.seats.log = log_capture;
    o.seats.quiet = 1;
    return o;
}

static int finite_made(const cpg_made *m)
{
    int ok = isfinite(m->total) && isfinite(m->without.total);
    for (int k = 0; k < CP_PART_COUNT; k++)
        ok = ok && isfinite(m->part[k]);
    return ok;
}

/* A seat that decides nothing made exactly 0 in every part at every turn, on every scenario and
 * two seeds, with the scenario's agents playing every other seat; the seats that play made
 * something somewhere (else the measure would be blind). */
static void test_do_nothing_is_zero(void)
{
    static char names[64][64];
    int count = cps_list_scripts("scripts/scenarios", names, 64);
    CHECK(count >= 5, "the shipped scenarios: %d", count);
    int moved = 0;
    for (int i = 0; i < count; i++)
        for (uint64_t seed = 1; seed <= 7; seed += 6) {
            /* every other nation sits empty, the rest play their default agents */
            static cp_scenario sc;
            cps_scenario_info info;
            char msg[1400];
            if (cps_scenario_load(names[i], &sc, &info, msg, sizeof msg) != 0) {
                CHECK(0, "%s: %s", names[i], msg);
                continue;
            }
            char text[CP_MAX_NATIONS][64];
            const char *assign[CP_MAX_NATIONS];
            int empty[CP_MAX_NATIONS] = {0}, n_assign = 0;
            for (int n = 0; n < sc.nation_count; n += 2) {
                snprintf(text[n_assign], sizeof text[n_assign], "%s=%s", sc.nations[n].iso3,
                         n % 4 == 0 ? "none" : "do_nothing");
                assign[n_assign] = text[n_assign];
                n_assign++;
                empty[n] = 1;
            }
            cpg_opts o = quiet_opts();
            cpg_error err;
            cpg_game *g = cpg_new_from(&sc, &info, seed, assign, n_assign, &o, &err);
            CHECK(g != NULL, "%s: %s", names[i], err.message);
            if (!g) {
                cps_scenario_info_free(&info);
                continue;
            }
            for (int t = 0; t < 10; t++)
                CHECK(cpg_play_turn(g, &err) == 0, "%s: %s", names[i], err.message);
            const cp_world *w = cpg_world(g);
            for (int n = 0; n < cp_world_nation_count(w); n++)
                for (int t = 0; t <= cp_world_turn(w); t++) {
                    cpg_made m;
                    int got = cpg_made_at(g, n, t, &m);
                    CHECK(got == 0, "%s seed %llu: %s has no made at turn %d", names[i],
                          (unsigned long long)seed, cp_world_nation(w, n)->iso3, t);
                    if (got != 0)
                        break;
                    CHECK(finite_made(&m), "%s: made not finite", names[i]);
                    if (!empty[n]) {
                        moved += m.total != 0.0;
                        continue;
                    }
                    int zero = m.total == 0.0;
                    for (int k = 0; k < CP_PART_COUNT; k++)
                        zero = zero && m.part[k] == 0.0;
                    CHECK(zero, "%s seed %llu: %s decided nothing yet made %g at turn %d",
                          names[i], (unsigned long long)seed, cp_world_nation(w, n)->iso3,
                          m.total, t);
                }
            cpg_close(g);
            cps_scenario_info_free(&info);
        }
    CHECK(moved > 0, "no playing seat made anything: the measure sees nothing");
}

/* A teacher's policy lock is nobody's decision: with China locked from the start of
 * licensing-2025, its scheduled licences are refused in the game and in every without-world, so
 * an empty seat still made exactly 0. */
static void test_lock(void)
{
    cpg_opts o = quiet_opts();
    cpg_error err;
    const char *assign[] = {"JPN=none"};
    cpg_game *g = cpg_new("licensing-2025", 5, assign, 1, &o, &err);
    CHECK(g != NULL, "%s", err.message);
    if (!g)
        return;
    cp_world *w = cpg_world(g);
    cp_error e;
    int chn = cp_world_find_nation(w, "CHN"), jpn = cp_world_find_nation(w, "JPN");
    CHECK(cp_world_lock_policy(w, chn, 1, &e) == CP_OK, "%s", e.message);
    for (int t = 0; t < 6; t++) {
        if (t == 4)
            CHECK(cp_world_lock_policy(w, chn, 0, &e) == CP_OK, "%s", e.message);
        CHECK(cpg_play_turn(g, &err) == 0, "%s", err.message);
        cpg_made m;
        CHECK(cpg_made_at(g, jpn, cp_world_turn(w), &m) == 0 && m.total == 0.0,
              "an empty seat made %g at turn %d under a lock", m.total, cp_world_turn(w));
    }
    cpg_close(g);
}

/* ---- the independent check ---------------------------------------------------------------- */

/* The recording at 'path' played again on its start world with every decision of 'skip' left
 * out: orders by it, deal actions by it; deal ids mapped as proposals come out, plant ids by the
 * order the plants appear in each world. Written apart from made.c on purpose. Returns the
 * world (the caller destroys it) and the decisions left out in '*skipped'. */
static cp_world *replay_without(const char *path, int skip, int *skipped)
{
    replay r;
    char msg[1400];
    if (replay_read(path, &r, msg, sizeof msg) != 0) {
        CHECK(0, "%s", msg);
        return NULL;
    }
    static cp_scenario sc;
    cp_error e;
    if (cps_scenario_load(r.scenario, &sc, NULL, msg, sizeof msg) != 0) {
        CHECK(0, "%s", msg);
        replay_free(&r);
        return NULL;
    }
    cp_world *w = cp_world_create(&sc, r.seed, &e);
    static int deal_id[CP_MAX_DEALS], plant_id[CP_MAX_FACILITIES];
    for (int k = 0; k < CP_MAX_DEALS; k++)
        deal_id[k] = k < cp_world_deal_count(w) ? k : -1;
    for (int k = 0; k < CP_MAX_FACILITIES; k++)
        plant_id[k] = k < cp_world_facility_count(w) ? k : -2; /* -2: none here */
    /* the real game's plants, rebuilt turn by turn alongside to pair the new ones */
    cp_world *real = cp_world_create(&sc, r.seed, &e);
    *skipped = 0;
    for (int t = 0; t < r.turn_count; t++) {
        const replay_turn *rt = &r.turns[t];
        for (int k = 0; k < rt->order_count; k++) {
            cp_world_submit(real, &rt->orders[k], &e);
            cp_order o = rt->orders[k];
            if (o.nation == skip) {
                (*skipped)++;
                continue;
            }
            if (o.facility >= 0)
                o.facility = plant_id[o.facility];
            if (o.facility >= -1)
                cp_world_submit(w, &o, &e);
        }
        for (int k = 0; k < rt->event_count; k++) {
            cp_world_inject_event(real, &rt->events[k], &e);
            cp_event x = rt->events[k];
            if (x.facility >= 0)
                x.facility = plant_id[x.facility];
            if (x.facility >= -1)
                cp_world_inject_event(w, &x, &e);
        }
        for (int k = 0; k < rt->action_count; k++) {
            const replay_action *a = &rt->actions[k];
            int mine = a->nation == skip;
            *skipped += mine;
            switch (a->kind) {
            case REPLAY_PROPOSE:
                cp_world_propose(real, &a->deal, &e);
                if (!mine)
                    deal_id[a->deal_id] = cp_world_propose(w, &a->deal, &e);
                break;
            case REPLAY_ACCEPT:
            case REPLAY_REJECT: {
                cp_answer ans = a->kind == REPLAY_ACCEPT ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT;
                cp_world_answer(real, a->deal_id, a->nation, ans, &e);
                if (!mine && deal_id[a->deal_id] >= 0)
                    cp_world_answer(w, deal_id[a->deal_id], a->nation, ans, &e);
                break;
            }
            case REPLAY_COUNTER:
                cp_world_counter(real, a->deal_id, a->nation, &a->deal, &e);
                if (!mine && deal_id[a->deal_id] >= 0)
                    cp_world_counter(w, deal_id[a->deal_id], a->nation, &a->deal, &e);
                break;
            case REPLAY_WITHDRAW:
                cp_world_withdraw_deal(real, a->deal_id, a->nation, &e);
                if (!mine && deal_id[a->deal_id] >= 0)
                    cp_world_withdraw_deal(w, deal_id[a->deal_id], a->nation, &e);
                break;
            default:
                break;
            }
        }
        int real_first = cp_world_facility_count(real), first = cp_world_facility_count(w);
        cp_world_advance(real);
        cp_world_advance(w);
        CHECK(cp_world_hash(real) == rt->hash, "the recording replays (turn %d)", rt->turn);
        /* pair each new real plant with the first new plant here of the same kind, host and
         * funder not yet paired */
        int used[CP_MAX_FACILITIES] = {0};
        for (int p = real_first; p < cp_world_facility_count(real); p++) {
            const cp_facility *a = cp_world_facility(real, p);
            for (int q = first; q < cp_world_facility_count(w); q++) {
                const cp_facility *b = cp_world_facility(w, q);
                if (!used[q] && a->kind == b->kind && a->host == b->host &&
                    a->funder == b->funder) {
                    used[q] = 1;
                    plant_id[p] = q;
                    break;
                }
            }
        }
    }
    cp_world_destroy(real);
    replay_free(&r);
    return w;
}

/* made of each agent seat = the game's score - the score of the game rebuilt without it. */
static void test_matches_replay_without(void)
{
    const char *scenarios[] = {"baseline", "licensing-2025"};
    int decided = 0;
    for (int i = 0; i < 2; i++) {
        cpg_opts o = quiet_opts();
        cpg_error err;
        cpg_game *g = cpg_new(scenarios[i], 3, NULL, 0, &o, &err);
        CHECK(g != NULL, "%s: %s", scenarios[i], err.message);
        if (!g)
            continue;
        char path[512];
        in_tmp("made.cprep", path, sizeof path);
        CHECK(cpg_record_start(g, path, scenarios[i], NULL, 0, &err) == 0, "%s", err.message);
        for (int t = 0; t < 12; t++)
            CHECK(cpg_play_turn(g, &err) == 0, "%s", err.message);
        CHECK(cpg_record_finish(g, &err) == 0, "%s", err.message);
        const cp_world *w = cpg_world(g);
        int turn = cp_world_turn(w);
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            int skipped = 0;
            cp_world *without = replay_without(path, n, &skipped);
            if (!without)
                continue;
            cpg_made m;
            cp_score_parts real, other;
            CHECK(cpg_made_at(g, n, turn, &m) == 0, "made of %d", n);
            CHECK(cp_world_score_parts(w, n, turn, &real) == CP_OK, "parts");
            CHECK(cp_world_score_parts(without, n, turn, &other) == CP_OK, "parts without");
            CHECK(m.without.total == other.total,
                  "%s %s: the without-world scores %.9f, the game rebuilt without it %.9f",
                  scenarios[i], cp_world_nation(w, n)->iso3, m.without.total, other.total);
            CHECK(m.total == real.total - other.total, "%s %s: made %.9f, rebuilt %.9f",
                  scenarios[i], cp_world_nation(w, n)->iso3, m.total, real.total - other.total);
            for (int k = 0; k < CP_PART_COUNT; k++)
                CHECK(m.part[k] == real.weight[k] * (real.part[k] - other.part[k]),
                      "%s %s: part %d", scenarios[i], cp_world_nation(w, n)->iso3, k);
            decided += skipped > 0 && m.total != 0.0;
            cp_world_destroy(without);
        }
        cpg_close(g);
    }
    CHECK(decided >= 3, "seats that decided something and made a difference: %d", decided);
}

/* ---- saves ---------------------------------------------------------------------------------- */

/* Every nation's made at every turn of 'g' into 'out' [turn][nation] (totals and parts). */
static void made_table(const cpg_game *g, int turns, double out[][CP_MAX_NATIONS][5])
{
    const cp_world *w = cpg_world(g);
    for (int t = 0; t <= turns; t++)
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            cpg_made m;
            memset(&m, 0, sizeof m);
            if (cpg_made_at(g, n, t, &m) != 0)
                m.total = NAN;
            out[t][n][0] = m.total;
            for (int k = 0; k < CP_PART_COUNT; k++)
                out[t][n][k + 1] = m.part[k];
        }
}

/* Saved at quarter 8, loaded and played on, a game gives the unbroken game's made figures at
 * every turn; a save that keeps no without-worlds (from before made) loads with made beginning
 * at the load, exactly 0 there. */
static void test_save_load(void)
{
    enum { TURNS = 20, AT = 8 };
    static double a[TURNS + 1][CP_MAX_NATIONS][5], b[TURNS + 1][CP_MAX_NATIONS][5];
    cpg_opts o = quiet_opts();
    cpg_error err;
    cpg_game *g = cpg_new("baseline", 11, NULL, 0, &o, &err);
    CHECK(g != NULL, "%s", err.message);
    if (!g)
        return;
    for (int t = 0; t < TURNS; t++)
        cpg_play_turn(g, &err);
    made_table(g, TURNS, a);
    uint64_t hash = cp_world_hash(cpg_world(g));
    int nations = cp_world_nation_count(cpg_world(g));
    cpg_close(g);

    char path[512], old[512];
    in_tmp("made.cpsave", path, sizeof path);
    in_tmp("old.cpsave", old, sizeof old);
    g = cpg_new("baseline", 11, NULL, 0, &o, &err);
    for (int t = 0; t < AT; t++)
        cpg_play_turn(g, &err);
    CHECK(cpg_save(g, path, &err) == 0, "%s", err.message);
    cpg_close(g);
    cpg_game *h = cpg_load(path, NULL, &o, &err);
    CHECK(h != NULL, "%s", err.message);
    if (!h)
        return;
    for (int t = AT; t < TURNS; t++)
        cpg_play_turn(h, &err);
    CHECK(cp_world_hash(cpg_world(h)) == hash, "the loaded game plays as the unbroken one");
    made_table(h, TURNS, b);
    int same = 1, nonzero = 0;
    for (int t = 0; t <= TURNS; t++)
        for (int n = 0; n < nations; n++)
            for (int k = 0; k < 5; k++) {
                same = same && memcmp(&a[t][n][k], &b[t][n][k], sizeof(double)) == 0;
                nonzero += a[t][n][k] != 0.0 && !isnan(a[t][n][k]);
            }
    CHECK(same, "made after a save and a load differs from the unbroken game's");
    CHECK(nonzero > 0, "the game made no difference anywhere: the test would see nothing");
    cpg_close(h);

    /* a save without the without-worlds */
    cpg_opts none = quiet_opts();
    none.made = CPG_MADE_NONE;
    g = cpg_new("baseline", 11, NULL, 0, &none, &err);
    for (int t = 0; t < AT; t++)
        cpg_play_turn(g, &err);
    cpg_made m;
    CHECK(cpg_made_at(g, 0, AT, &m) == -1, "a game that keeps none has no made");
    CHECK(cpg_save(g, old, &err) == 0, "%s", err.message);
    cpg_close(g);
    h = cpg_load(old, NULL, &o, &err);
    CHECK(h != NULL, "%s", err.message);
    if (!h)
        return;
    CHECK(cpg_made_since(h, 0) == AT, "made begins at the load: %d", cpg_made_since(h, 0));
    CHECK(cpg_made_at(h, 0, AT - 1, &m) == -1, "no made before the load");
    CHECK(cpg_made_at(h, 0, AT, &m) == 0 && m.total == 0.0, "made is 0 at the load");
    for (int t = 0; t < 4; t++)
        cpg_play_turn(h, &err);
    CHECK(cpg_made_at(h, 0, AT + 4, &m) == 0 && finite_made(&m), "made after the load");
    cpg_close(h);
}

/* A save's size and the time to write it, with and without the without-worlds (printed for
 * the record; no timing is asserted here, bench/ has those). */
static void test_save_size(void)
{
    cpg_opts o = quiet_opts();
    cpg_error err;
    long sizes[2];
    for (int with = 0; with < 2; with++) {
        o.made = with ? CPG_MADE_ALL : CPG_MADE_NONE;
        cpg_game *g = cpg_new("baseline", 5, NULL, 0, &o, &err);
        for (int t = 0; t < 40; t++)
            cpg_play_turn(g, &err);
        char path[512];
        in_tmp(with ? "with.cpsave" : "without.cpsave", path, sizeof path);
        CHECK(cpg_save(g, path, &err) == 0, "%s", err.message);
        struct stat st;
        sizes[with] = stat(path, &st) == 0 ? (long)st.st_size : -1;
        cpg_close(g);
    }
    printf("  a 40-quarter baseline save: %ld bytes without made, %ld with\n", sizes[0], sizes[1]);
    CHECK(sizes[1] > sizes[0], "the without-worlds are in the save");
}

/* ---- hostile decisions ---------------------------------------------------------------------- */

/* Seat B's deals answered and countered by A, B's plants and A's built the same quarter (ids
 * differ between the worlds), A's orders and a teacher's events about both: B's without-world
 * drops what it cannot take, counts it, and made stays finite. */
static void test_hostile(void)
{
    cpg_opts o = quiet_opts();
    o.no_agents = 1;
    cpg_error err;
    cpg_game *g = cpg_new("baseline", 2, NULL, 0, &o, &err);
    CHECK(g != NULL, "%s", err.message);
    if (!g)
        return;
    cp_world *w = cpg_world(g);
    int usa = cp_world_find_nation(w, "USA"), aus = cp_world_find_nation(w, "AUS");
    int jpn = cp_world_find_nation(w, "JPN");
    CHECK(usa >= 0 && aus >= 0 && jpn >= 0, "nations");
    cp_error e;
    /* quarter 1: USA and JPN each build a magnet plant at home; USA first in the queue, so
     * JPN's plant is numbered after USA's in the real world only */
    cp_order build;
    cp_order_init(&build, CP_ORDER_BUILD_FACILITY, usa);
    build.partner = usa;
    build.facility_kind = CP_FAC_MAGNET;
    build.amount = 2345;
    CHECK(cp_world_submit(w, &build, &e) == CP_OK, "%s", e.message);
    build.nation = build.partner = jpn;
    CHECK(cp_world_submit(w, &build, &e) == CP_OK, "%s", e.message);
    /* USA proposes an offtake to AUS; AUS accepts it (an answer to a deal the world without
     * USA never saw) */
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = usa;
    d.party_count = 2;
    d.parties[0] = usa;
    d.parties[1] = aus;
    d.clause_count = 1;
    d.clauses[0] = (cp_clause){.kind = CP_CLAUSE_OFFTAKE, .from = aus, .to = usa,
                               .good = CP_LIGHT_OXIDE, .amount = 50, .facility = -1};
    d.term_turns = 8;
    int usa_deal = cp_world_propose(w, &d, &e);
    CHECK(usa_deal >= 0, "%s", e.message);
    CHECK(cp_world_answer(w, usa_deal, aus, CP_ANSWER_ACCEPT, &e) == CP_OK, "%s", e.message);
    /* JPN proposes to AUS, USA... not a party; AUS counters JPN's deal, JPN accepts */
    cp_deal j = d;
    j.proposer = jpn;
    j.parties[0] = jpn;
    j.clauses[0].to = jpn;
    int jpn_deal = cp_world_propose(w, &j, &e);
    CHECK(jpn_deal >= 0, "%s", e.message);
    j.clauses[0].amount = 40;
    CHECK(cp_world_counter(w, jpn_deal, aus, &j, &e) == CP_OK, "%s", e.message);
    CHECK(cp_world_answer(w, jpn_deal, jpn, CP_ANSWER_ACCEPT, &e) == CP_OK, "%s", e.message);
    CHECK(cpg_play_turn(g, &err) == 0, "%s", err.message);
    int n_fac = cp_world_facility_count(w);
    int usa_plant = -1, jpn_plant = -1;
    for (int k = 0; k < n_fac; k++) {
        const cp_facility *f = cp_world_facility(w, k);
        if (f->start_turn == 0 && f->kind == CP_FAC_MAGNET && f->funder == usa)
            usa_plant = k;
        if (f->start_turn == 0 && f->kind == CP_FAC_MAGNET && f->funder == jpn)
            jpn_plant = k;
    }
    CHECK(usa_plant >= 0 && jpn_plant >= 0, "the plants: %d %d", usa_plant, jpn_plant);
    int before = cpg_made_dropped(g, usa);
    CHECK(before >= 1, "AUS's answer to USA's deal is dropped without USA: %d", before);
    /* quarter 2: JPN funds its plant (numbered differently without USA), a teacher's lawsuit
     * on USA's plant and one on JPN's */
    if (jpn_plant >= 0) {
        cp_order fund;
        cp_order_init(&fund, CP_ORDER_FUND_FACILITY, jpn);
        fund.facility = jpn_plant;
        fund.amount = 50;
        CHECK(cp_world_submit(w, &fund, &e) == CP_OK, "%s", e.message);
        cp_event law = {CP_EVENT_LAWSUIT, jpn, -1, -1, jpn_plant, 0, 2};
        CHECK(cpg_inject(g, &law, &e) == CP_OK, "%s", e.message);
    }
    if (usa_plant >= 0) {
        cp_event law = {CP_EVENT_LAWSUIT, usa, -1, -1, usa_plant, 0, 2};
        CHECK(cpg_inject(g, &law, &e) == CP_OK, "%s", e.message);
    }
    int dropped_usa = cpg_made_dropped(g, usa);
    CHECK(dropped_usa == before + 1, "the lawsuit on USA's plant is dropped without USA: %d",
          dropped_usa - before);
    CHECK(cpg_play_turn(g, &err) == 0, "%s", err.message);
    CHECK(cpg_made_dropped(g, usa) == dropped_usa,
          "JPN's order about its own plant is taken without USA (its id mapped)");
    const cp_world *without_usa = cpg_made_world(g, usa);
    CHECK(without_usa != NULL, "a world without USA");
    if (without_usa && jpn_plant >= 0) {
        /* JPN's plant there (the only 2345 t one JPN funds): its money went in, its lawsuit
         * delayed it as in the game; USA's is not there */
        int found = 0;
        for (int k = 0; k < cp_world_facility_count(without_usa); k++) {
            const cp_facility *f = cp_world_facility(without_usa, k);
            if (f->capacity_t_per_yr != 2345 || f->kind != CP_FAC_MAGNET)
                continue;
            CHECK(f->funder != usa, "USA's plant is not in the world without USA");
            if (f->funder != jpn)
                continue;
            found++;
            CHECK(k != jpn_plant, "JPN's plant has another id without USA");
            CHECK(f->delay_turns == cp_world_facility(w, jpn_plant)->delay_turns &&
                      f->funds_musd == cp_world_facility(w, jpn_plant)->funds_musd &&
                      f->capex_paid_musd == cp_world_facility(w, jpn_plant)->capex_paid_musd,
                  "JPN's plant without USA went as in the game (delay %d vs %d)",
                  f->delay_turns, cp_world_facility(w, jpn_plant)->delay_turns);
        }
        CHECK(found == 1, "JPN's plant is in the world without USA: %d", found);
    }
    /* without AUS, its counter to JPN's deal never came: the deal keeps JPN's terms */
    const cp_world *without_aus = cpg_made_world(g, aus);
    CHECK(without_aus && cp_world_deal(without_aus, jpn_deal) &&
              cp_world_deal(without_aus, jpn_deal)->clauses[0].amount == 50 &&
              cp_world_deal(w, jpn_deal)->clauses[0].amount == 40,
          "AUS's counter is not in the world without AUS");
    for (int t = 0; t < 6; t++)
        CHECK(cpg_play_turn(g, &err) == 0, "%s", err.message);
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        cpg_made m;
        CHECK(cpg_made_at(g, n, cp_world_turn(w), &m) == 0 && finite_made(&m),
              "made of %s finite", cp_world_nation(w, n)->iso3);
    }
    cpg_close(g);
}

/* ---- the view ------------------------------------------------------------------------------- */

static char printed[64][256];
static int printed_count;

static void keep_print(void *ud, const char *line)
{
    (void)ud;
    if (printed_count < 64)
        snprintf(printed[printed_count++], sizeof printed[0], "%s", line);
}

/* An agent reads view.me.made and view.made(iso3): the game's own figures, to the digit; nil
 * for a seat the host does not measure. */
static void test_view(void)
{
    char path[512];
    in_tmp("made_reader.lua", path, sizeof path);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "write %s", path);
    if (!f)
        return;
    fputs("return { api_version = 1, name = \"made reader\",\n"
          "  turn = function(view, act, memory)\n"
          "    local me, usa = view.me.made, view.made(\"USA\")\n"
          "    act.set_tariff(\"magnet\", \"CHN\", 0.01 * view.turn)\n"
          "    print(string.format(\"%d %s %s %s\", view.turn,\n"
          "      me and string.format(\"%.17g %.17g\", me.total, me.security) or \"nil\",\n"
          "      usa and string.format(\"%.17g\", usa.total) or \"nil\",\n"
          "      tostring(view.nations.CHN.made ~= nil)))\n"
          "  end }\n", f);
    fclose(f);
    char assign[600];
    snprintf(assign, sizeof assign, "JPN=%s", path);
    const char *list[] = {assign};
    for (int masked = 0; masked < 2; masked++) {
        cpg_opts o = quiet_opts();
        o.seats.print = keep_print;
        if (masked) {
            o.made = CPG_MADE_MASK;
            o.made_mask = 0;
        }
        cpg_error err;
        printed_count = 0;
        cpg_game *g = cpg_new("baseline", 4, list, 1, &o, &err);
        CHECK(g != NULL, "%s", err.message);
        if (!g)
            return;
        const cp_world *w = cpg_world(g);
        int jpn = cp_world_find_nation(w, "JPN"), usa = cp_world_find_nation(w, "USA");
        if (masked) {
            o.made_mask = 1u << jpn;
            cpg_close(g);
            printed_count = 0;
            g = cpg_new("baseline", 4, list, 1, &o, &err);
            w = cpg_world(g);
        }
        int seen = 0;
        for (int t = 0; t < 6; t++) {
            int before = printed_count;
            cpg_play_turn(g, &err);
            /* the line printed this quarter reads the figures of the quarter before it */
            for (int k = before; k < printed_count; k++) {
                const char *body = strstr(printed[k], ".lua: ");
                if (!body)
                    continue;
                body += 6;
                int turn = atoi(body);
                char want[256];
                cpg_made mj, mu;
                CHECK(cpg_made_at(g, jpn, turn, &mj) == 0, "JPN's made at %d", turn);
                int has_usa = cpg_made_at(g, usa, turn, &mu) == 0;
                char usa_text[64] = "nil";
                if (has_usa)
                    snprintf(usa_text, sizeof usa_text, "%.17g", mu.total);
                snprintf(want, sizeof want, "%d %.17g %.17g %s %s", turn, mj.total,
                         mj.part[CP_PART_SECURITY], usa_text, masked ? "false" : "true");
                CHECK(strcmp(body, want) == 0, "the agent printed '%s', the game has '%s'", body,
                      want);
                seen++;
            }
        }
        CHECK(seen >= 5, "the agent's lines: %d", seen);
        cpg_close(g);
    }
}

/* ---- determinism ---------------------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(*len + 1);
    if (buf && fread(buf, 1, *len, f) != *len) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* The same game twice gives the same nations.csv, made columns filled. */
static void test_deterministic(void)
{
    char dir[2][512], file[2][600];
    for (int i = 0; i < 2; i++) {
        cpg_opts o = quiet_opts();
        cpg_error err;
        cpg_game *g = cpg_new("licensing-2025", 9, NULL, 0, &o, &err);
        CHECK(g != NULL, "%s", err.message);
        if (!g)
            return;
        for (int t = 0; t < 12; t++)
            cpg_play_turn(g, &err);
        in_tmp(i ? "csv2" : "csv1", dir[i], sizeof dir[i]);
        CHECK(cpg_write_game_csv(g, dir[i], &err) == 0, "%s", err.message);
        snprintf(file[i], sizeof file[i], "%s/nations.csv", dir[i]);
        cpg_close(g);
    }
    size_t la = 0, lb = 0;
    char *a = slurp(file[0], &la), *b = slurp(file[1], &lb);
    CHECK(a && b && la == lb && memcmp(a, b, la) == 0, "nations.csv differs between two runs");
    CHECK(a && strstr(a, ",score_without,made,made_security,made_prosperity,made_leverage,"
                         "made_stability\n"),
          "nations.csv's made columns");
    CHECK(a && !strstr(a, ",,,,,,\n"), "every row's made cells are filled");
    free(a);
    free(b);
}

int main(int argc, char **argv)
{
    snprintf(tmp, sizeof tmp, "/tmp/cp_made_XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    struct {
        const char *name;
        void (*fn)(void);
    } tests[] = {
        {"do_nothing", test_do_nothing_is_zero},   {"replay_without", test_matches_replay_without},
        {"save_load", test_save_load},             {"save_size", test_save_size},
        {"hostile", test_hostile},                 {"deterministic", test_deterministic},
        {"view", test_view},                       {"lock", test_lock},
    };
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (argc > 1 && strcmp(argv[1], tests[i].name) != 0)
            continue;
        check_test_failed = 0;
        tests[i].fn();
        printf("%s %s\n", check_test_failed ? "FAIL" : "ok  ", tests[i].name);
    }
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    return DONE();
}
