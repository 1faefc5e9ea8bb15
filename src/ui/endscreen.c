/* endscreen.c -- the end of a game: once the last quarter is played, a screen over the whole
 * window with the ranking, the key charts, and the same seed played under free trade beside
 * them (freetrade.h, worked out a few quarters a frame while the screen shows), and the ways
 * on: write the debrief pack, start a new game, or look around the finished world. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "cmap.h"
#include "draw.h"
#include "fmt.h"
#include "formw.h"
#include "labels.h"
#include "made_text.h"
#include "play_internal.h"
#include "teacher.h"
#include "theme.h"

/* Quarters of the free-trade twin played per frame: a 40-quarter game's twin is done in well
 * under a second at 60 frames a second, and no frame waits for more than two quarters. */
enum { FT_QUARTERS_PER_FRAME = 2 };

int end_game_over(const ui_app *a)
{
    const struct play_state *p = a->play;
    return p && a->world && !a->replay && p->phase != PH_START && p->length > 0 && cp_world_turn(a->world) >= p->length;
}

void end_open(ui_app *a)
{
    struct play_state *p = a->play;
    p->phase = PH_END;
    p->dialog = DLG_NONE;
    app_select(a, -1);
    play_sync_blocking(a);
}

void end_reset(ui_app *a)
{
    ft_free(&a->play->end.ft);
    a->play->end.ft_started = 0;
}

/* Look around the finished world: the map, charts and panels, with End turn bringing the
 * end screen back (play_before_advance). */
static void look_around(ui_app *a)
{
    a->play->phase = PH_GAME;
    play_sync_blocking(a);
}

/* A new game: the start screen, with the seed and scenario of this one chosen. */
static void new_game(ui_app *a, int x, int y)
{
    (void)x;
    (void)y;
    struct play_state *p = a->play;
    end_reset(a);
    p->phase = PH_START;
    p->seat = -1;
    start_init(a);
    play_sync_blocking(a);
}

static void debrief(ui_app *a)
{
    if (teacher_debrief(a) == 0) a->play->end.debrief_written = 1;
}

int end_key(ui_app *a, SDL_Keycode key)
{
    if (key == SDLK_ESCAPE || key == SDLK_l) look_around(a);
    else if (key == SDLK_n) app_defer(a, new_game, 0, 0);
    else if (key == SDLK_d) debrief(a);
    return 1;
}

/* The twin is started on the first frame of the end screen and stepped on every frame after;
 * without a window (--screenshot, tests) it is played to the end at once. */
static void step_twin(ui_app *a)
{
    end_state *e = &a->play->end;
    int target = cp_world_turn(a->world);
    if (!e->ft_started) {
        e->ft_started = 1;
        ft_start(&e->ft, a->world, target);
    }
    if (e->ft.failed) return;
    int done = ft_step(&e->ft, a->window ? FT_QUARTERS_PER_FRAME : target);
    if (!done) a->dirty = 1; /* draw again: the window draws only when something changes */
}

static char *fmt_price_axis(char *buf, size_t len, double v)
{
    snprintf(buf, len, v >= 1000 ? "$%.0fk" : v >= 10 || v == 0 ? "$%.0f" : "$%.1f", v >= 1000 ? v / 1000 : v);
    return buf;
}

static char *fmt_tonnes_axis(char *buf, size_t len, double v)
{
    return fmt_compact(buf, len, v);
}

/* A figure of the game and of its twin, turn by turn. */
typedef double (*series_fn)(const cp_world *w, int turn, int nation, int good);

static double world_price(const cp_world *w, int turn, int nation, int good)
{
    (void)nation;
    const cp_market_history *m = cp_world_market_history(w, turn, (cp_good)good);
    return m ? m->world_price_usd_per_kg : NAN;
}

static double shortage(const cp_world *w, int turn, int nation, int good)
{
    if (nation >= 0) {
        const cp_nation_history *h = cp_world_nation_history(w, turn, nation);
        return h ? h->shortage_good_t[good] : NAN;
    }
    const cp_market_history *m = cp_world_market_history(w, turn, (cp_good)good);
    return m ? m->shortage_t : NAN;
}

/* One chart card: the game's line and, as far as it is worked out, the twin's. */
static void twin_chart(ui_app *a, SDL_Rect rc, const char *title, const char *sub, series_fn fn, int nation, int good,
                       chart_fmt yfmt, const char *id)
{
    const end_state *e = &a->play->end;
    int T = cp_world_turn(a->world);
    int tt = e->ft.world ? cp_world_turn(e->ft.world) : -1;
    double *game = calloc((size_t)T + 1, sizeof *game), *twin = calloc((size_t)T + 1, sizeof *twin);
    if (!game || !twin) {
        free(game);
        free(twin);
        return;
    }
    double top = 0;
    for (int t = 0; t <= T; t++) {
        game[t] = fn(a->world, t, nation, good);
        twin[t] = t <= tt ? fn(e->ft.world, t, nation, good) : NAN;
        if (isfinite(game[t]) && game[t] > top) top = game[t];
        if (isfinite(twin[t]) && twin[t] > top) top = twin[t];
    }
    SDL_Rect area = chart_card(a, rc, title, sub);
    const char *labels[2] = {"This game", tt >= T ? "Free trade, same seed" : "Free trade (working it out)"};
    SDL_Color colours[2] = {COL_ACCENT, COL_WARN};
    int kh = chart_keys(a, area, labels, colours, 2, 1) + app_px(a, 4);
    area.y += kh;
    area.h -= kh;
    chart_axes ax = {chart_plot_rect(a, area), 0, T + 1, 0, scale_nice_ceil(top > 0 ? top * 1.08 : 1)};
    if (ax.plot.w > 0 && ax.plot.h > 0) {
        chart_axes_draw(a, &ax, yfmt, T);
        chart_line(a, &ax, twin, T + 1, COL_WARN, 2.0f * a->scale);
        chart_line(a, &ax, game, T + 1, COL_ACCENT, 2.5f * a->scale);
    }
    fw_trace(a, id, "", rc);
    free(game);
    free(twin);
}

/* How many of 'nation''s goals are met at the end of the game, and of how many. */
static int goals_met(const ui_app *a, int nation, int *of)
{
    int n = cp_world_goal_count(a->world, nation), met = 0;
    for (int i = 0; i < n; i++) {
        cp_goal_progress g;
        if (cp_world_goal(a->world, nation, i, a->play->length, &g) == CP_OK) met += g.status == CP_GOAL_MET;
    }
    *of = n;
    return met;
}

static const char *const part_names[CP_PART_COUNT] = {"Security", "Prosperity", "Leverage", "Stability"};
static const char *const part_tips[CP_PART_COUNT] = {
    "The share of its need for NdPr oxide, Dy/Tb oxide and magnets met, by value",
    "100 less 20 times the share of its GDP lost to shortages",
    "Half its share of the world's separation, half its share of the world's magnets",
    "100 less its political pressure"};

/* One seat's score in parts (bars, each with its weight) and its goals, met or missed. */
static void seat_box(ui_app *a, SDL_Rect rc, int nation)
{
    const end_state *e = &a->play->end;
    char head[160];
    const cp_nation *nat = cp_world_nation(a->world, nation);
    cp_score_parts sp;
    int T = cp_world_turn(a->world);
    if (cp_world_score_parts(a->world, nation, T, &sp) != CP_OK) return;
    int twin_done = e->ft.world && cp_world_turn(e->ft.world) >= T;
    if (twin_done) snprintf(head, sizeof head, "%s: SCORE %.0f (%.0f UNDER FREE TRADE)", nat->name, sp.total,
                            cp_world_nation(e->ft.world, nation)->score);
    else snprintf(head, sizeof head, "%s: SCORE %.0f", nat->name, sp.total);
    for (char *c = head; *c && c < head + strlen(nat->name); c++)
        if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
    int y = rc.y + fw_section(a, rc.x, rc.y, rc.w, head);
    int rh = app_px(a, 20);
    /* made, first: "Your decisions: +1.2 points", its parts beneath when the four bars fit too */
    char line[120], parts[200];
    int sign = made_text(a, nation, line, sizeof line, parts, sizeof parts);
    if (sign != 2 && y + rh <= rc.y + rc.h) {
        int with_parts = y + (2 + CP_PART_COUNT) * rh + app_px(a, 4) <= rc.y + rc.h;
        SDL_Rect row = {rc.x, y, rc.w, (with_parts ? 2 : 1) * rh};
        text_draw(a->text, FONT_BODY_BOLD, sign > 0 ? COL_GOOD : sign < 0 ? COL_BAD : COL_TEXT, line, rc.x, y,
                  ALIGN_LEFT);
        if (with_parts) text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, parts, rc.x, y + rh, ALIGN_LEFT);
        fw_trace(a, "End/Made", line, row);
        if (app_hover(a, row)) {
            char tip[600];
            snprintf(tip, sizeof tip,
                     "The score less the score this nation would have had without its own decisions: the "
                     "same game, every other nation's decisions and the teacher's events as they happened, "
                     "none of its own. By part, in score points that add up to the total: %s.", parts);
            app_tip_set(a, row, "The difference the decisions made", tip);
        }
        y += row.h + app_px(a, 4);
    }
    /* the parts: a bar each, the weight beside it */
    int lw = app_px(a, 90), vw = app_px(a, 90);
    for (int k = 0; k < CP_PART_COUNT && y + rh <= rc.y + rc.h; k++) {
        SDL_Rect row = {rc.x, y, rc.w, rh};
        text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, part_names[k], rc.x, y + app_px(a, 2), ALIGN_LEFT);
        SDL_Rect track = {rc.x + lw, y + app_px(a, 5), rc.w - lw - vw, app_px(a, 10)};
        if (track.w > 0) {
            draw_round(a->renderer, track, app_px(a, 3), COL_PANEL_RAISED);
            SDL_Rect fill = track;
            double v = sp.part[k] < 0 ? 0 : sp.part[k] > 100 ? 100 : sp.part[k];
            fill.w = (int)(track.w * v / 100);
            if (fill.w > 0) draw_round(a->renderer, fill, app_px(a, 3), COL_ACCENT);
        }
        char v[48];
        snprintf(v, sizeof v, "%.0f \xC2\xB7 \xC3\x97%.2f", sp.part[k], sp.weight[k]);
        text_draw(a->text, FONT_SMALL, COL_TEXT, v, rc.x + rc.w, y + app_px(a, 2), ALIGN_RIGHT);
        char id[48];
        snprintf(id, sizeof id, "End/Part/%s", cp_score_part_name((cp_score_part)k));
        fw_trace(a, id, v, row);
        if (app_hover(a, row)) {
            char tip[400];
            snprintf(tip, sizeof tip, "%s, averaged over the quarters played: %.1f of 100 (last quarter %.1f).\n"
                     "It weighs %.0f%% in %s's score, by its own objectives.", part_tips[k], sp.part[k], sp.quarter[k],
                     sp.weight[k] * 100, nat->name);
            app_tip_set(a, row, part_names[k], tip);
        }
        y += rh;
    }
    y += app_px(a, 6);
    /* the goals */
    int n = cp_world_goal_count(a->world, nation);
    for (int i = 0; i < n; i++) {
        cp_goal_progress g;
        if (cp_world_goal(a->world, nation, i, a->play->length, &g) != CP_OK) continue;
        int met = g.status == CP_GOAL_MET || g.status == CP_GOAL_ON_TRACK;
        const char *mark = met ? "\xE2\x9C\x93 Met" : "\xE2\x9C\x97 Missed";
        int mw = text_width(a->text, FONT_SMALL, "\xE2\x9C\x97 Missed") + app_px(a, 8);
        int h = text_wrapped_height(a->text, FONT_SMALL, g.text, rc.w - mw);
        if (y + h > rc.y + rc.h) break;
        text_draw(a->text, FONT_SMALL, met ? COL_GOOD : COL_BAD, mark, rc.x, y, ALIGN_LEFT);
        text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT, g.text, rc.x + mw, y, rc.w - mw);
        char id[48];
        snprintf(id, sizeof id, "End/Goal/%d", i);
        fw_trace(a, id, cp_goal_status_name(g.status), (SDL_Rect){rc.x, y, rc.w, h});
        y += h + app_px(a, 4);
    }
}

/* Nations by their final score, best first. */
static int rank_of(const ui_app *a, int *order)
{
    int n = cp_world_nation_count(a->world);
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && cp_world_nation(a->world, order[j])->score > cp_world_nation(a->world, order[j - 1])->score;
             j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    return n;
}

/* The ranking: every nation that fits, the human seats always. */
static void ranking(ui_app *a, SDL_Rect rc)
{
    struct play_state *p = a->play;
    const end_state *e = &p->end;
    int order[CP_MAX_NATIONS], n = rank_of(a, order);
    int y = rc.y + fw_section(a, rc.x, rc.y, rc.w, "RANKING BY SCORE");
    int rh = app_px(a, 22);
    int rows = (rc.y + rc.h - y) / rh - 1;
    if (rows < 1) rows = 1;
    int cx_score = rc.x + rc.w - app_px(a, 190), cx_goals = rc.x + rc.w - app_px(a, 110),
        cx_twin = rc.x + rc.w - app_px(a, 4);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Score", cx_score, y, ALIGN_RIGHT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Goals met", cx_goals, y, ALIGN_RIGHT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Free trade", cx_twin, y, ALIGN_RIGHT);
    y += rh;
    int twin_done = e->ft.world && cp_world_turn(e->ft.world) >= cp_world_turn(a->world);
    int shown = 0;
    for (int k = 0; k < n; k++) {
        int i = order[k];
        int must = p->human[i] != 0;
        /* keep room for the human seats still to come below */
        int humans_left = 0;
        for (int m = k; m < n; m++) humans_left += p->human[order[m]] != 0;
        if (!must && shown + humans_left >= rows) continue;
        if (shown >= rows) break;
        const cp_nation *nat = cp_world_nation(a->world, i);
        SDL_Color c = must ? COL_ACCENT : COL_TEXT;
        char rank[16], score[32], twin[32], name[96];
        snprintf(rank, sizeof rank, "%d", k + 1);
        snprintf(score, sizeof score, "%.0f", nat->score);
        if (twin_done) snprintf(twin, sizeof twin, "%.0f", cp_world_nation(e->ft.world, i)->score);
        else snprintf(twin, sizeof twin, "\xE2\x80\xA6");
        text_draw(a->text, FONT_BODY, COL_TEXT_MUTED, rank, rc.x + app_px(a, 22), y, ALIGN_RIGHT);
        int nw = cx_score - app_px(a, 60) - (rc.x + app_px(a, 32));
        text_fit(a->text, FONT_BODY, nat->name, nw, name, sizeof name);
        text_draw(a->text, must ? FONT_BODY_BOLD : FONT_BODY, c, name, rc.x + app_px(a, 32), y, ALIGN_LEFT);
        if (must) text_draw(a->text, FONT_SMALL, COL_ACCENT, "you", cx_score - app_px(a, 56), y + app_px(a, 2), ALIGN_RIGHT);
        text_draw(a->text, FONT_BODY_BOLD, c, score, cx_score, y, ALIGN_RIGHT);
        int of, met = goals_met(a, i, &of);
        char goals[32];
        snprintf(goals, sizeof goals, "%d of %d", met, of);
        text_draw(a->text, FONT_BODY, met == of && of > 0 ? COL_GOOD : COL_TEXT_DIM, goals, cx_goals, y, ALIGN_RIGHT);
        text_draw(a->text, FONT_BODY, COL_TEXT_DIM, twin, cx_twin, y, ALIGN_RIGHT);
        SDL_Rect row = {rc.x, y, rc.w, rh};
        char id[32], val[96];
        snprintf(id, sizeof id, "End/Rank/%d", k + 1);
        snprintf(val, sizeof val, "%s %s goals %d/%d", nat->iso3, score, met, of);
        fw_trace(a, id, val, row);
        if (app_hover(a, row)) {
            char tip[400];
            snprintf(tip, sizeof tip,
                     "Score %s at the end of the game (%s under free trade, with the same seed and no trade "
                     "barriers).\nThe score weighs security of supply, prosperity and leverage by the "
                     "nation's own objectives.",
                     score, twin);
            app_tip_set(a, row, nat->name, tip);
        }
        y += rh;
        shown++;
    }
}

void end_draw(ui_app *a)
{
    struct play_state *p = a->play;
    end_state *e = &p->end;
    step_twin(a);
    SDL_Renderer *r = a->renderer;
    draw_fill(r, (SDL_Rect){0, 0, a->out_w, a->out_h}, COL_OCEAN);
    a->modal = p->dialog == DLG_NONE;
    int pad = app_px(a, 28), W = a->out_w, H = a->out_h;
    int y = app_px(a, 18);
    text_draw(a->text, FONT_SMALL, COL_ACCENT, "THE GAME IS OVER", pad, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 2);
    char title[200], sub[200], d0[8], d1[8];
    text_fit(a->text, FONT_TITLE, a->scenario->title, W - 2 * pad, title, sizeof title);
    text_draw(a->text, FONT_TITLE, COL_TEXT, title, pad, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_TITLE) + app_px(a, 2);
    int T = cp_world_turn(a->world);
    snprintf(sub, sizeof sub, "%s to %s \xC2\xB7 %d quarters \xC2\xB7 seed %llu", cp_world_date_text(a->world, 0, d0, sizeof d0),
             cp_world_date_text(a->world, T, d1, sizeof d1), T, (unsigned long long)cp_world_seed(a->world));
    text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, sub, pad, y, ALIGN_LEFT);
    fw_trace(a, "End", sub, (SDL_Rect){0, 0, W, H});
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 14);

    int bh = app_px(a, 36), by = H - pad - bh;
    int body_h = by - app_px(a, 14) - y;
    /* left: the ranking; right: the charts, game and twin */
    int lw = (W - 2 * pad) * 9 / 20;
    if (lw < app_px(a, 300)) lw = W - 2 * pad > app_px(a, 300) ? app_px(a, 300) : W - 2 * pad;
    /* the ranking above, the first human seat's parts and goals below (else the winner's) */
    int focus = -1;
    for (int i = 0; i < cp_world_nation_count(a->world) && focus < 0; i++)
        if (p->human[i]) focus = i;
    if (focus < 0) {
        int order[CP_MAX_NATIONS];
        rank_of(a, order);
        focus = order[0];
    }
    int rank_h = body_h * 11 / 20;
    ranking(a, (SDL_Rect){pad, y, lw, rank_h});
    seat_box(a, (SDL_Rect){pad, y + rank_h + app_px(a, 8), lw, body_h - rank_h - app_px(a, 8)}, focus);
    int rx = pad + lw + app_px(a, 24), rw = W - pad - rx;
    if (rw > app_px(a, 200)) {
        int you = -1;
        for (int i = 0; i < cp_world_nation_count(a->world) && you < 0; i++)
            if (p->human[i]) you = i;
        int gap = app_px(a, 10), ch = (body_h - 2 * gap) / 3;
        twin_chart(a, (SDL_Rect){rx, y, rw, ch}, "NdPr oxide: world price", "USD per kg, each quarter", world_price, -1,
                   CP_LIGHT_OXIDE, fmt_price_axis, "End/Chart/NdPr");
        twin_chart(a, (SDL_Rect){rx, y + ch + gap, rw, ch}, "Dy/Tb oxide: world price", "USD per kg, each quarter",
                   world_price, -1, CP_HEAVY_OXIDE, fmt_price_axis, "End/Chart/DyTb");
        char st[160];
        if (you >= 0) snprintf(st, sizeof st, "Magnets %s needed and did not get", play_nation_name(a, you));
        else snprintf(st, sizeof st, "Magnets the world needed and did not get");
        twin_chart(a, (SDL_Rect){rx, y + 2 * (ch + gap), rw, ch}, st, "Tonnes of NdFeB, each quarter", shortage, you,
                   CP_MAGNET, fmt_tonnes_axis, "End/Chart/Shortage");
    }
    if (e->ft.failed) {
        char msg[300];
        snprintf(msg, sizeof msg, "The free-trade game could not be played: %s", e->ft.err);
        text_draw(a->text, FONT_SMALL, COL_BAD, msg, rx, y - app_px(a, 16), ALIGN_LEFT);
    } else {
        char st[16];
        snprintf(st, sizeof st, "%d", ft_turn(&e->ft));
        fw_trace(a, "End/FreeTrade", st, (SDL_Rect){0, 0, 0, 0});
    }

    /* the ways on */
    int bw = app_px(a, 170);
    SDL_Rect look = {W - pad - bw, by, bw, bh};
    if (fw_button(a, look, "Look around", BTN_PRIMARY, "The map, charts and panels of the finished game (Esc)", "End/Look"))
        look_around(a);
    SDL_Rect fresh = {look.x - app_px(a, 10) - bw, by, bw, bh};
    if (fw_button(a, fresh, "New game", BTN_SECONDARY, "Back to the start screen (N)", "End/New")) app_defer(a, new_game, 0, 0);
    SDL_Rect pack = {fresh.x - app_px(a, 10) - bw, by, bw, bh};
    if (fw_button(a, pack, e->debrief_written ? "Debrief written" : "Debrief pack", BTN_SECONDARY,
                  "Write the debrief pack (charts, timeline, news, one HTML page) under saves/ (D)", "End/Debrief"))
        debrief(a);
    a->modal = 0;
}
