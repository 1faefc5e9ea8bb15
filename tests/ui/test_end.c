/* test_end.c -- the end of a game: the free-trade twin (freetrade.h) is every shipped scenario
 * without a trade barrier, baseline's twin is the shipped free-trade scenario, stepping it a few
 * quarters at a time gives the game a straight run gives; the end screen opens after the last
 * quarter and End turn plays no further; a save keeps the game's length. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "check.h"
#include "freetrade.h"
#include "made_text.h"
#include "session.h"
#include "play.h"
#include "saveload.h"
#include "savefile.h"
#include "script.h"
#include "views.h"

static cp_scenario *load(const char *name)
{
    cp_scenario *sc = malloc(sizeof *sc);
    cps_scenario_info info;
    char err[1024];
    if (!sc || cps_scenario_load(name, sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", name, err);
        free(sc);
        return NULL;
    }
    cps_scenario_info_free(&info);
    return sc;
}

/* No nation raises a barrier in the twin, at the start or by a scheduled order. */
static void check_free(const char *name, const cp_scenario *sc)
{
    int barriers = 0;
    for (int n = 0; n < sc->nation_count; n++) {
        const cp_policy *p = &sc->nations[n].policy;
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            for (int j = 0; j < CP_MAX_NATIONS; j++)
                barriers += p->tariff[g][j] != 0 || p->control[g][j].mode != CP_CONTROL_OPEN;
            barriers += p->export_quota_t[g] >= 0 || p->export_tax[g] != 0;
        }
        barriers += p->tech_ban != 0 || p->extraterritorial != 0;
    }
    for (int i = 0; i < sc->scheduled_count; i++) {
        const cp_scheduled *s = &sc->scheduled[i];
        if (s->is_event) continue;
        cp_order_kind k = s->order.kind;
        barriers += k == CP_ORDER_SET_TARIFF || k == CP_ORDER_SET_EXPORT_CONTROL || k == CP_ORDER_SET_EXPORT_QUOTA ||
                    k == CP_ORDER_SET_EXPORT_TAX || k == CP_ORDER_SET_TECH_BAN || k == CP_ORDER_SET_EXTRATERRITORIAL ||
                    k == CP_ORDER_SUSPEND_EXPORT_CONTROL;
    }
    CHECK(barriers == 0, "%s's twin keeps %d barriers", name, barriers);
}

static void test_every_scenario_twin_is_free(void)
{
    DIR *d = opendir(CP_DATA_DIR "/scripts/scenarios");
    CHECK(d != NULL, "no scenarios");
    if (!d) return;
    struct dirent *e;
    int seen = 0, had = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0) continue;
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(len - 4), e->d_name);
        cp_scenario *sc = load(name);
        CHECK(sc != NULL, "%s does not load", name);
        if (!sc) continue;
        /* some shipped scenario has a barrier to take away, or this test proves nothing */
        for (int n = 0; n < sc->nation_count; n++) had += sc->nations[n].policy.tech_ban;
        for (int i = 0; i < sc->scheduled_count; i++) had += !sc->scheduled[i].is_event;
        ft_scenario(sc, sc);
        check_free(name, sc);
        seen++;
        free(sc);
    }
    closedir(d);
    CHECK(seen >= 5 && had > 0, "%d scenarios, %d barriers among them", seen, had);
}

/* The twin of baseline plays as the shipped free-trade scenario does: every nation's policy
 * the same, byte for byte, and with the same scheduled moves (free-trade.lua also leaves out
 * baseline's two domestic moves of 2025, the Pentagon's NdPr floor and its magnet plant, which
 * the twin keeps), 8 quarters of each give the same state hash. */
static void test_baseline_twin_is_free_trade(void)
{
    cp_scenario *base = load("baseline"), *free_trade = load("free-trade");
    CHECK(base && free_trade, "scenarios");
    if (!base || !free_trade) return;
    ft_scenario(base, base);
    /* names, titles and lengths are not the rules */
    memcpy(base->name, free_trade->name, sizeof base->name);
    memcpy(base->title, free_trade->title, sizeof base->title);
    base->default_turns = free_trade->default_turns;
    for (int n = 0; n < base->nation_count && n < free_trade->nation_count; n++)
        CHECK(memcmp(&base->nations[n].policy, &free_trade->nations[n].policy, sizeof base->nations[n].policy) == 0,
              "%s's policy differs from free-trade's", base->nations[n].iso3);
    CHECK(base->scheduled_count == 3 && free_trade->scheduled_count == 1, "scheduled: %d and %d", base->scheduled_count,
          free_trade->scheduled_count);
    /* nor are the goals the scenarios state for their seats (baseline states some) */
    base->goal_count = free_trade->goal_count;
    memcpy(base->goals, free_trade->goals, sizeof base->goals[0] * (size_t)free_trade->goal_count);
    base->scheduled_count = free_trade->scheduled_count;
    memcpy(base->scheduled, free_trade->scheduled, sizeof base->scheduled[0] * (size_t)free_trade->scheduled_count);
    cp_error e;
    cp_world *a = cp_world_create(base, 5, &e), *b = cp_world_create(free_trade, 5, &e);
    CHECK(a && b, "%s", e.message);
    if (a && b) {
        for (int t = 0; t < 8; t++) {
            cp_world_advance(a);
            cp_world_advance(b);
        }
        CHECK(cp_world_hash(a) == cp_world_hash(b), "baseline's twin %016llx, free-trade %016llx",
              (unsigned long long)cp_world_hash(a), (unsigned long long)cp_world_hash(b));
    }
    if (a) cp_world_destroy(a);
    if (b) cp_world_destroy(b);
    free(base);
    free(free_trade);
}

/* Stepped two quarters a frame or all at once: the same twin. */
static void test_twin_stepped_is_twin_straight(void)
{
    cp_scenario *sc = load("licensing-2025");
    if (!sc) return;
    cp_error e;
    cp_world *game = cp_world_create(sc, 7, &e);
    CHECK(game != NULL, "%s", e.message);
    if (!game) return;
    for (int t = 0; t < 3; t++) cp_world_advance(game); /* the game is played on; the twin starts at 0 */
    ft_run x, y;
    CHECK(ft_start(&x, game, 9) == 0 && ft_start(&y, game, 9) == 0, "%s", x.err);
    int frames = 0;
    while (!ft_step(&x, 2)) frames++;
    CHECK(frames == 4, "9 quarters two a frame: %d frames before the last", frames);
    CHECK(ft_step(&y, 1000) == 1 && ft_turn(&y) == 9, "to its target, not past it: %d", ft_turn(&y));
    CHECK(cp_world_hash(x.world) == cp_world_hash(y.world), "stepped and straight differ");
    CHECK(cp_world_seed(x.world) == 7, "the game's seed");
    ft_free(&x);
    ft_free(&y);
    cp_world_destroy(game);
    free(sc);
}

/* A 12-quarter game saved and read back is a 12-quarter game; a save without the length
 * (an older window's) reads as 0, the scenario's. */
static void test_save_keeps_length(void)
{
    cp_scenario *sc = load("baseline");
    if (!sc) return;
    cp_error e;
    cp_world *w = cp_world_create(sc, 1, &e);
    CHECK(w != NULL, "%s", e.message);
    if (!w) return;
    mkdir(CP_TEST_DIR, 0755);
    const char *path = CP_TEST_DIR "/length.cpsave";
    int human[CP_MAX_NATIONS] = {0}, back[CP_MAX_NATIONS], length = -1;
    human[cp_world_find_nation(w, "USA")] = 1;
    char err[1400];
    CHECK(saveload_write(path, w, NULL, NULL, human, 12, CPS_DIFFICULTY_HARD, err, sizeof err) == 0,
          "%s", err);
    cp_world *r = NULL;
    cps_seats *seats = NULL;
    cps_seat_opts o;
    memset(&o, 0, sizeof o);
    cps_difficulty level = CPS_DIFFICULTY_EASY;
    CHECK(saveload_read(path, &o, &r, &seats, back, &length, &level, err, sizeof err) == 0, "%s", err);
    CHECK(length == 12, "the game's length read back as %d", length);
    CHECK(level == CPS_DIFFICULTY_HARD, "the game's difficulty read back");
    CHECK(back[cp_world_find_nation(w, "USA")] == 1, "the human seat");
    if (r) cp_world_destroy(r);
    r = NULL;
    /* the command line's save (no window sections): the scenario's length */
    const char *plain = CP_TEST_DIR "/plain.cpsave";
    CHECK(savefile_write(plain, w, NULL, 0, err, sizeof err) == 0, "%s", err);
    length = -1;
    CHECK(saveload_read(plain, &o, &r, &seats, back, &length, &level, err, sizeof err) == 0, "%s", err);
    CHECK(length == 0, "a save without a game section read as %d", length);
    CHECK(level == CPS_DIFFICULTY_NORMAL, "a save without a game section plays normal");
    if (r) cp_world_destroy(r);
    r = NULL;
    /* a long game's section is longer than the 32 bytes the window's reader once took
     * ("length 100000\ndifficulty normal\n") and still reads */
    CHECK(saveload_write(path, w, NULL, NULL, human, 100000, CPS_DIFFICULTY_NORMAL, err,
                         sizeof err) == 0, "%s", err);
    CHECK(saveload_read(path, &o, &r, &seats, back, &length, &level, err, sizeof err) == 0 &&
              length == 100000 && level == CPS_DIFFICULTY_NORMAL,
          "a long game's length read back as %d", length);
    if (r) cp_world_destroy(r);
    cp_world_destroy(w);
    free(sc);
}

/* In the window (offscreen): a 3-quarter game opens the end screen after its third quarter,
 * End turn plays no fourth, and the end screen's twin reaches turn 3. The person's tariff
 * shows as what their decisions made ("Your decisions: ..."), the session's figure. */
static void test_end_screen(void)
{
    static ui_app app;
    char err[1024];
    app_options opt = {"baseline", 1, NULL, 640, 360};
    CHECK(app_create(&app, &opt, err, sizeof err) == 0, "%s", err);
    CHECK(app_open_surface(&app, 1280, 720, err, sizeof err) == 0, "%s", err);
    play_options po;
    memset(&po, 0, sizeof po);
    po.humans[0] = "USA";
    po.human_count = 1;
    po.turns = 3;
    CHECK(play_init(&app, &po, err, sizeof err) == 0, "%s", err);
    int usa = cp_world_find_nation(app.world, "USA"), chn = cp_world_find_nation(app.world, "CHN");
    cp_order tariff;
    cp_order_init(&tariff, CP_ORDER_SET_TARIFF, usa);
    tariff.good = CP_MAGNET;
    tariff.partner = chn;
    tariff.amount = 0.6;
    cp_error e;
    CHECK(cp_world_submit(app.world, &tariff, &e) == CP_OK, "%s", e.message);
    for (int k = 0; k < 3; k++) {
        CHECK(!play_game_over(&app), "over before quarter %d", k + 1);
        ui_end_turn(&app);
    }
    CHECK(cp_world_turn(app.world) == 3 && play_game_over(&app), "turn %d", cp_world_turn(app.world));
    frame_render(&app, 0);
    const char *screen = play_screen(&app);
    CHECK(screen && strcmp(screen, "end") == 0, "screen after the last quarter: %s", screen ? screen : "(game)");
    ui_end_turn(&app);
    ui_end_turn(&app);
    CHECK(cp_world_turn(app.world) == 3, "End turn played on to turn %d", cp_world_turn(app.world));
    screen = play_screen(&app);
    CHECK(screen && strcmp(screen, "end") == 0, "End turn shows the end screen: %s", screen ? screen : "(game)");
    cpg_made m;
    CHECK(cpg_made_track_at(app.made, app.world, usa, 3, &m) == 0 && m.total != 0.0,
          "the tariff made a difference: %g", m.total);
    char line[120], parts[200], want[120];
    int sign = made_text(&app, usa, line, sizeof line, parts, sizeof parts);
    snprintf(want, sizeof want, "Your decisions: %+.1f points", m.total);
    CHECK(sign != 2 && (strcmp(line, want) == 0 || (sign == 0 && strcmp(line, "Your decisions: 0.0 points") == 0)),
          "the end screen says '%s', the session %g", line, m.total);
    CHECK(strstr(parts, "security ") == parts && strstr(parts, " \xC2\xB7 stability "), "parts: %s", parts);
    play_free(&app);
    app_destroy(&app);
}

int main(void)
{
    RUN(test_every_scenario_twin_is_free);
    RUN(test_baseline_twin_is_free_trade);
    RUN(test_twin_stepped_is_twin_straight);
    RUN(test_save_keeps_length);
    RUN(test_end_screen);
    return DONE();
}
