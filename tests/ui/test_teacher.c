/* test_teacher.c -- the teacher's controls in a real window state, drawn offscreen: pause
 * blocks End turn, an injected event happens at the turn's end, a locked nation's agent
 * cannot move its policy, seats change hands, the debrief pack is written from the window,
 * and the panel draws. Usage: test_teacher [DIR] (DIR: where the panel's picture and the
 * pack go; default a fresh temporary folder). */
#define _POSIX_C_SOURCE 200809L /* setenv, mkdtemp */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "check.h"
#include "debrief.h"
#include "script.h"
#include "shot.h"
#include "teacher.h"
#include "views.h"

static ui_app app;

static int news_has(const char *fragment, int turn)
{
    for (int k = 0; k < cp_world_news_count(app.world); k++) {
        const cp_news *n = cp_world_news(app.world, k);
        if (n->turn == turn && strstr(n->text, fragment)) return 1;
    }
    return 0;
}

static void test_pause_blocks_end_turn(void)
{
    int t0 = cp_world_turn(app.world);
    CHECK(teacher_set_paused(&app, 1) == 0, "pause");
    ui_end_turn(&app);
    CHECK(cp_world_turn(app.world) == t0, "no quarter passes while paused");
    CHECK(strstr(app.toast, "Paused by the teacher") != NULL, "the toast says why: %s", app.toast);
    /* the key toggles it too */
    CHECK(teacher_key(&app, SDLK_p, 0, 0) == 1 && !app.teacher->paused, "P resumes");
    ui_end_turn(&app);
    CHECK(cp_world_turn(app.world) == t0 + 1, "the quarter passes once resumed");
}

static void test_inject(void)
{
    int chn = cp_world_find_nation(app.world, "CHN");
    CHECK(teacher_inject(&app, TE_MINE_FLOOD, chn, -1, -1) == 0, "%s", app.teacher->msg);
    CHECK(strstr(app.teacher->msg, "happens when this turn ends") != NULL, "%s", app.teacher->msg);
    double before = cp_world_nation(app.world, chn)->mined_t;
    ui_end_turn(&app);
    int t = cp_world_turn(app.world);
    CHECK(news_has("mine flood cuts China's mining by 50%", t), "the flood is in the news of turn %d", t);
    CHECK(cp_world_nation(app.world, chn)->mined_t < 0.7 * before, "China mines less: %.0f vs %.0f",
          cp_world_nation(app.world, chn)->mined_t, before);
    int usa = cp_world_find_nation(app.world, "USA");
    CHECK(teacher_inject(&app, TE_PRICE_FLOOR, usa, -1, CP_LIGHT_OXIDE) == 0, "%s", app.teacher->msg);
    CHECK(teacher_inject(&app, TE_SUMMIT, chn, usa, -1) == 0, "%s", app.teacher->msg);
    ui_end_turn(&app);
    t = cp_world_turn(app.world);
    CHECK(news_has("United States announces a price floor", t), "the price floor is news");
    CHECK(news_has("Summit: China suspends its export controls on United States", t), "the summit is news");
    CHECK(cp_world_nation(app.world, usa)->policy.price_floor_usd_per_kg[CP_LIGHT_OXIDE] > 0, "the floor holds");
    /* a lawsuit needs a project to delay; a summit needs a partner other than itself */
    /* (Madagascar: its seller's treasury builds nothing; Myanmar's now builds a magnet plant) */
    int mdg = cp_world_find_nation(app.world, "MDG");
    CHECK(teacher_inject(&app, TE_LAWSUIT, mdg, -1, -1) == -1 && app.teacher->msg_bad &&
              strstr(app.teacher->msg, "no mine or plant in development"),
          "a lawsuit with nothing to delay is refused: %s", app.teacher->msg);
    CHECK(teacher_inject(&app, TE_SUMMIT, chn, chn, -1) == -1 && strstr(app.teacher->msg, "Refused: summit"),
          "the core's refusal is shown: %s", app.teacher->msg);
}

/* China's agent reviews its licences every half year; locked, it cannot. */
static void test_lock_holds_an_agent(void)
{
    int chn = cp_world_find_nation(app.world, "CHN");
    CHECK(teacher_lock(&app, chn, 1) == 0, "%s", app.teacher->msg);
    cp_policy before = cp_world_nation(app.world, chn)->policy;
    cp_order o = {CP_ORDER_SET_TARIFF, chn, CP_ALL, CP_MAGNET, 0, 0, 0, 0, 0, 0.5};
    cp_error err;
    CHECK(cp_world_check(app.world, &o, &err) == CP_ERR_LOCKED && strstr(err.message, "locked by the teacher"),
          "a locked nation's order is refused: %s", err.message);
    for (int k = 0; k < 4; k++) ui_end_turn(&app);
    const cp_policy *after = &cp_world_nation(app.world, chn)->policy;
    int same = 1;
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int d = 0; d < cp_world_nation_count(app.world); d++) {
            same &= after->tariff[g][d] == before.tariff[g][d];
            same &= after->control[g][d].mode == before.control[g][d].mode;
            same &= after->control[g][d].approval_share == before.control[g][d].approval_share;
        }
    CHECK(same, "China's tariffs and export controls did not move in a year of play");
    CHECK(teacher_lock(&app, chn, 0) == 0 && !cp_world_policy_locked(app.world, chn), "unlocked");
    CHECK(cp_world_check(app.world, &o, &err) == CP_OK, "accepted again: %s", err.message);
}

static void test_seats(void)
{
    int jpn = cp_world_find_nation(app.world, "JPN");
    char who[300];
    CHECK(teacher_seat(&app, jpn, "do_nothing") == 0, "%s", app.teacher->msg);
    CHECK(strstr(teacher_seat_text(&app, jpn, who, sizeof who), "Do nothing") != NULL, "seated: %s", who);
    CHECK(teacher_seat(&app, jpn, "no_such_agent") == -1 && app.teacher->msg_bad, "a missing agent is refused: %s",
          app.teacher->msg);
    CHECK(strstr(teacher_seat_text(&app, jpn, who, sizeof who), "Do nothing") != NULL,
          "and the seat stays as it was: %s", who);
    CHECK(teacher_seat(&app, jpn, "") == 0 && strstr(teacher_seat_text(&app, jpn, who, sizeof who), "nobody"),
          "emptied: %s", who);
    CHECK(teacher_seat(&app, jpn, "rhythm_card") == 0, "%s", app.teacher->msg);
    ui_end_turn(&app); /* the new agent plays */
    CHECK(cps_seats_stats(app.seats, jpn)->failures_total == 0, "and plays without failing");
}

static int csv_calls;
static int fake_csv(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    (void)w, (void)err, (void)errlen;
    char path[1200];
    snprintf(path, sizeof path, "%s/nations.csv", dir);
    FILE *f = fopen(path, "w");
    if (f) fclose(f);
    csv_calls++;
    return 0;
}

static void test_debrief_from_the_window(void)
{
    ui_debrief_set_csv_writer(fake_csv);
    CHECK(teacher_key(&app, SDLK_d, KMOD_LCTRL, 0) == 1, "Ctrl+D");
    char dir[600], path[700];
    ui_debrief_default_dir(app.world, dir, sizeof dir);
    CHECK(strncmp(dir, "saves/debrief-licensing-2025-seed3-t", 36) == 0, "the folder is named: %s", dir);
    snprintf(path, sizeof path, "%s/summary.html", dir);
    struct stat st;
    CHECK(stat(path, &st) == 0 && st.st_size > 1000, "%s written", path);
    snprintf(path, sizeof path, "%s/pipeline.png", dir);
    CHECK(stat(path, &st) == 0 && st.st_size > 1000, "%s written", path);
    CHECK(csv_calls == 1, "with the CSV files");
    CHECK(strstr(app.toast, "Debrief pack: saves/debrief-") != NULL, "and the toast says where: %s", app.toast);
    CHECK(!app.teacher->msg_bad && strstr(app.teacher->msg, dir), "the panel too: %s", app.teacher->msg);
}

/* The pack logs the decisions of each human seat, quarter by quarter, from
 * the news the game recorded, with where the nation stood after. */
static void test_debrief_logs_human_seats(void)
{
    int jpn = cp_world_find_nation(app.world, "JPN"), usa = cp_world_find_nation(app.world, "USA");
    int human[CP_MAX_NATIONS] = {0};
    human[jpn] = 1;
    /* Japan decides: a tariff on magnets from China, in this quarter */
    cp_error err;
    cp_order o = {CP_ORDER_SET_TARIFF, jpn, cp_world_find_nation(app.world, "CHN"), CP_MAGNET, 0, 0, 0, 0, 0, 0.15};
    CHECK(cp_world_submit(app.world, &o, &err) == CP_OK, "%s", err.message);
    ui_end_turn(&app);
    int t = cp_world_turn(app.world);
    const char *decided = NULL;
    for (int k = 0; k < cp_world_news_count(app.world); k++) {
        const cp_news *n = cp_world_news(app.world, k);
        if (n->turn == t && n->nation == jpn && strstr(n->text, "tariff")) decided = n->text;
    }
    CHECK(decided != NULL, "Japan's tariff is in the news of turn %d", t);
    char err2[600];
    CHECK(ui_debrief_write(app.world, NULL, NULL, human, "seatpack", err2, sizeof err2) == 0, "%s", err2);
    FILE *f = fopen("seatpack/summary.html", "r");
    static char html[1 << 21];
    size_t len = f ? fread(html, 1, sizeof html - 1, f) : 0;
    html[len] = '\0';
    if (f) fclose(f);
    CHECK(strstr(html, "<h2 class=\"newpage\">What the human players decided</h2>") != NULL, "a section for them");
    CHECK(strstr(html, "<h3>Japan</h3>") != NULL, "Japan's log");
    char h3[200];
    snprintf(h3, sizeof h3, "<h3>%s</h3>", cp_world_nation(app.world, usa)->name);
    CHECK(strstr(html, h3) == NULL, "and no log for a nation no human played: %s", h3);
    char date[8], row[200];
    snprintf(row, sizeof row, "<tr><td>%s</td><td>", cp_world_date_text(app.world, t, date, sizeof date));
    const char *r = strstr(strstr(html, "<h3>Japan</h3>"), row);
    CHECK(r != NULL, "the quarter %s has a row", date);
    CHECK(r && decided && strstr(r, decided) && strstr(r, decided) < strstr(r, "</tr>"),
          "with what Japan decided: %s", decided ? decided : "?");
    char score[32];
    snprintf(score, sizeof score, "score %.0f</td></tr>", cp_world_nation_history(app.world, t, jpn)->score);
    CHECK(r && strstr(r, score) && strstr(r, score) < strstr(r, "</tr>") + 5, "and what followed: %s", score);
    int rows = 0;
    for (const char *p = strstr(html, "<h3>Japan</h3>"); p && (p = strstr(p, "<tr><td>20")) != NULL; p++) rows++;
    CHECK(rows == t, "a row for every quarter played: %d of %d", rows, t);
    CHECK(ui_debrief_write(app.world, NULL, NULL, NULL, "seatpack2", err2, sizeof err2) == 0, "%s", err2);
    f = fopen("seatpack2/summary.html", "r");
    len = f ? fread(html, 1, sizeof html - 1, f) : 0;
    html[len] = '\0';
    if (f) fclose(f);
    CHECK(len > 1000 && !strstr(html, "What the human players decided"), "without human seats, no such section");
}

/* The panel opens with F2, draws over the game, and closes with Esc. */
static void test_panel(const char *out_dir)
{
    CHECK(teacher_key(&app, SDLK_F2, 0, 0) == 1 && app.teacher_open, "F2 opens the panel");
    teacher_set_paused(&app, 1);
    app.in.x = app.in.y = -10000;
    app.toast[0] = '\0';
    frame_render(&app, 0);
    char path[700], err[256];
    snprintf(path, sizeof path, "%s/teacher-panel.png", out_dir);
    CHECK(shot_save(app.renderer, path, err, sizeof err) == 0, "%s", err);
    int w, h;
    unsigned char *px = shot_read_rgba(app.renderer, &w, &h, err, sizeof err);
    CHECK(px != NULL, "%s", err);
    if (px) {
        /* the card is the panel colour where it has no text: its left margin */
        const unsigned char *p = px + ((size_t)(h / 2) * w + (w - 900) / 2 + 8) * 4;
        CHECK(p[0] == 20 && p[1] == 29 && p[2] == 41, "the card is drawn: %d,%d,%d", p[0], p[1], p[2]);
        free(px);
    }
    CHECK(app_click(&app, (SDL_Rect){0, 0, w, h}) == 0, "the game under the panel takes no clicks");
    CHECK(teacher_key(&app, SDLK_ESCAPE, 0, 0) == 1 && !app.teacher_open, "Esc closes it");
    /* closed and paused: the badge over End turn */
    frame_render(&app, 0);
    snprintf(path, sizeof path, "%s/teacher-paused.png", out_dir);
    CHECK(shot_save(app.renderer, path, err, sizeof err) == 0, "%s", err);
    teacher_set_paused(&app, 0);
}

int main(int argc, char **argv)
{
    char tmpl[] = "/tmp/chokepoint-teacher-XXXXXX";
    const char *dir = argc > 1 ? argv[1] : mkdtemp(tmpl);
    if (!dir || (mkdir(dir, 0755) != 0 && access(dir, W_OK) != 0) || chdir(dir) != 0) {
        fprintf(stderr, "test_teacher: cannot use %s\n", dir ? dir : "a temporary folder");
        return 1;
    }
    char here[600];
    if (!getcwd(here, sizeof here)) return 1;
    char err[1024];
    app_options opt = {"licensing-2025", 3, NULL, 1280, 720};
    if (app_create(&app, &opt, err, sizeof err) != 0 || app_open_surface(&app, 1280, 720, err, sizeof err) != 0) {
        fprintf(stderr, "test_teacher: %s\n", err);
        return 1;
    }
    app.seats = app_seats_create(&app, NULL, 0, err, sizeof err);
    if (!app.seats) {
        fprintf(stderr, "test_teacher: %s\n", err);
        return 1;
    }
    RUN(test_pause_blocks_end_turn);
    RUN(test_inject);
    RUN(test_lock_holds_an_agent);
    RUN(test_seats);
    RUN(test_debrief_from_the_window);
    RUN(test_debrief_logs_human_seats);
    test_panel(here);
    printf("%s test_panel (picture: %s/teacher-panel.png)\n", check_failed ? "----" : "ok  ", here);
    cps_seats_destroy(app.seats);
    app.seats = NULL;
    app_destroy(&app);
    SDL_Quit();
    return DONE();
}
