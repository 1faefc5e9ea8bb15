/* topbar.c -- the bar across the top (scenario, date, turn, seed, end turn) and the view tabs under it. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "formw.h"
#include "labels.h"
#include "play.h"
#include "theme.h"
#include "views.h"
#include "widgets.h"

/* Left: the game's name and the scenario title. Centre: the date, large,
 * with the turn and seed beside it and a thin bar of the scenario's length.
 * Right: briefing, help and the end-turn button with its key. */
void topbar_draw(ui_app *a)
{
    SDL_Rect top = a->lay.top;
    SDL_Renderer *r = a->renderer;
    draw_fill(r, top, COL_BAR);
    draw_hline(r, top.x, top.x + top.w, top.y + top.h - 1, COL_BORDER);
    int pad = app_px(a, 16);

    /* right side first: its width bounds the title */
    int bh = app_px(a, 34), by = top.y + (top.h - bh) / 2;
    SDL_Rect end = {top.x + top.w - pad - app_px(a, 132), by, app_px(a, 132), bh};
    if (a->replay) {
        /* a replay plays itself: its panel steps through it (replay_view.h) */
        wdg_button(a, end, "Replay", BTN_GHOST,
                   "This is a recorded game: nothing can be played. Step with Left and Right (or the "
                   "buttons in the replay panel), Home and End jump to its start and end.");
    } else if (play_game_over(a)) {
        /* the last quarter is played: no more turns, the button shows the results again */
        if (fw_button(a, end, "Results", BTN_PRIMARY, "The game is over: the ranking, and the same seed under free trade (Enter)",
                      "EndTurn"))
            ui_end_turn(a);
    } else if (fw_button(a, end, "End turn", BTN_PRIMARY,
                          "Resolve this quarter: orders take effect, plants build and produce, the four "
                          "markets clear, shortages and scores are counted.\nKeys: Enter, or Space (which asks first).",
                         "EndTurn")) {
        if (!play_ask_end_turn(a, 0)) ui_end_turn(a); /* play layer: an order composed and not queued asks first */
    }
    SDL_Rect help = {end.x - app_px(a, 8) - bh, by, bh, bh};
    if (fw_button(a, help, "?", BTN_SECONDARY, "Keyboard and mouse help (H or F1)", "Help"))
        a->show_help = 1;
    SDL_Rect brief = {help.x - app_px(a, 8) - app_px(a, 92), by, app_px(a, 92), bh};
    if (fw_button(a, brief, "Briefing", BTN_SECONDARY, "The scenario's briefing and objectives (B)", "Briefing"))
        a->show_briefing = 1;

    /* centre block */
    const cp_world *w = a->world;
    int t = cp_world_turn(w), year, quarter;
    cp_world_date(w, t, &year, &quarter);
    char date[32], turn[64], seed[64];
    snprintf(date, sizeof date, "%d Q%d", year, quarter);
    snprintf(turn, sizeof turn, "Turn %d of %d", t, a->scenario->default_turns);
    snprintf(seed, sizeof seed, "Seed %llu", (unsigned long long)cp_world_seed(w));
    int dw = text_width(a->text, FONT_TITLE, date);
    int sw = text_width(a->text, FONT_SMALL, turn);
    int sw2 = text_width(a->text, FONT_SMALL, seed);
    if (sw2 > sw) sw = sw2;
    int gap = app_px(a, 12);
    int block = dw + gap + sw;
    /* The buttons at the right never give way (the Teacher button is the leftmost of them,
     * teacher_panel.c): the date block sits at the centre if it clears them, else just left of
     * them, without the turn and seed if even that is too wide; the title takes what is left. */
    int buttons_x = brief.x - (a->replay ? 0 : app_px(a, 8) + app_px(a, 88));
    int cx = top.x + top.w / 2 - block / 2;
    if (cx + block > buttons_x - app_px(a, 16)) cx = buttons_x - app_px(a, 16) - block;
    int details = 1;
    if (cx < top.x + pad) {
        details = 0;
        block = dw;
        cx = buttons_x - app_px(a, 16) - block;
    }
    int show_block = cx >= top.x + pad;
    int th = text_line_h(a->text, FONT_TITLE);
    if (show_block) text_draw(a->text, FONT_TITLE, COL_TEXT, date, cx, top.y + (top.h - th) / 2 - app_px(a, 2), ALIGN_LEFT);
    int sh = text_line_h(a->text, FONT_SMALL);
    int sy = top.y + top.h / 2 - sh - app_px(a, 1);
    if (show_block && details) {
        text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, turn, cx + dw + gap, sy, ALIGN_LEFT);
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, seed, cx + dw + gap, sy + sh, ALIGN_LEFT);
    }
    if (!show_block) {
        cx = buttons_x - app_px(a, 16);
        block = 0;
    }
    /* progress through the scenario */
    int len = a->scenario->default_turns > 0 ? a->scenario->default_turns : 1;
    SDL_Rect track = {cx, top.y + top.h - app_px(a, 7), block, app_px(a, 3)};
    if (show_block) draw_round(r, track, app_px(a, 1), COL_PANEL_RAISED);
    SDL_Rect done = track;
    done.w = (int)((long)track.w * (t < len ? t : len) / len);
    if (show_block && done.w > 0) draw_round(r, done, app_px(a, 1), COL_ACCENT);
    SDL_Rect centre = {cx, top.y, block, top.h};
    if (show_block && app_hover(a, centre)) {
        char body[400], start[8];
        snprintf(body, sizeof body,
                 "%s, %s. One turn is one quarter: this game runs %d turns from %s, then ends with the "
                 "results.\nThe seed fixes every random draw: the same seed and the same orders replay the "
                 "same game.",
                 turn, seed, a->scenario->default_turns, cp_world_date_text(w, 0, start, sizeof start));
        app_tip_set(a, centre, "Date, turn and seed", body);
    }

    /* left: name and scenario, where they fit (the window's title says both too) */
    int left_w = cx - pad - top.x - app_px(a, 24);
    if (left_w >= text_width(a->text, FONT_HEAD, "CHOKEPOINT"))
        text_draw(a->text, FONT_HEAD, COL_ACCENT, "CHOKEPOINT", top.x + pad, top.y + app_px(a, 7), ALIGN_LEFT);
    char title[200];
    if (left_w > app_px(a, 60)) {
        text_fit(a->text, FONT_SMALL, a->scenario->title, left_w, title, sizeof title);
        text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, title, top.x + pad, top.y + app_px(a, 29), ALIGN_LEFT);
        SDL_Rect trc = {top.x + pad, top.y, left_w, top.h};
        if (strcmp(title, a->scenario->title) != 0 && app_hover(a, trc)) app_tip_set(a, trc, NULL, a->scenario->title);
    }
}

void tabs_draw(ui_app *a)
{
    SDL_Rect bar = a->lay.tabs;
    SDL_Renderer *r = a->renderer;
    draw_fill(r, bar, COL_PANEL_SOLID);
    draw_hline(r, bar.x, bar.x + bar.w, bar.y + bar.h - 1, COL_BORDER);
    static const char *full[VIEW_COUNT] = {"World map", "Charts", "Capacity timeline"};
    static const char *brief[VIEW_COUNT] = {"Map", "Charts", "Timeline"};
    static const char *tips[VIEW_COUNT] = {"The map: nations coloured by a figure, trade flows (M)",
                                           "Prices, supply shares and shortages over time (C)",
                                           "Every facility's stages, past and projected (T)"};
    /* Every control keeps its place: when the bar is too narrow for the views' full names, the
     * play layer's buttons (play_tabs_px) and the goods, the views take short names, then the
     * goods lose their "Good" label. */
    const char *goods_short[CP_GOOD_COUNT];
    for (int g = 0; g < CP_GOOD_COUNT; g++) goods_short[g] = label_good_short((cp_good)g);
    int need_right = wdg_segments_width(a, goods_short, CP_GOOD_COUNT) + app_px(a, 12);
    int need_good = text_width(a->text, FONT_SMALL, "Good") + app_px(a, 22);
    int need_mid = play_tabs_px(a) + app_px(a, 16);
    int views_full = 0, views_brief = 0;
    for (int v = 0; v < VIEW_COUNT; v++) {
        views_full += text_width(a->text, FONT_BODY_BOLD, full[v]) + app_px(a, 32);
        views_brief += text_width(a->text, FONT_BODY_BOLD, brief[v]) + app_px(a, 24);
    }
    int compact = app_px(a, 8) + views_full + need_mid + need_good + need_right > bar.w;
    int show_good = app_px(a, 8) + (compact ? views_brief : views_full) + need_mid + need_good + need_right <= bar.w;
    /* last resort: the four goods become one button that steps through them */
    int good_w = 0;
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        int gw = text_width(a->text, FONT_BODY, goods_short[g]) + app_px(a, 36);
        if (gw > good_w) good_w = gw;
    }
    int one_good = app_px(a, 8) + views_brief + need_mid + need_right > bar.w;
    a->lay.compact_tabs = compact;
    const char *const *names = compact ? brief : full;
    int x = bar.x + app_px(a, 8);
    for (int v = 0; v < VIEW_COUNT; v++) {
        int w = text_width(a->text, FONT_BODY_BOLD, names[v]) + app_px(a, compact ? 24 : 32);
        SDL_Rect tab = {x, bar.y, w, bar.h};
        static const char *const ids[VIEW_COUNT] = {"View/map", "View/charts", "View/timeline"};
        fw_trace(a, ids[v], names[v], tab);
        if (wdg_tab(a, tab, names[v], a->view == (app_view)v, tips[v])) a->view = (app_view)v;
        x += w;
    }
    /* the good every view follows */
    const char *goods[CP_GOOD_COUNT], *gtips[CP_GOOD_COUNT];
    static const char *good_tips[CP_GOOD_COUNT] = {
        "Ore concentrate, tonnes of rare-earth oxide (REO) (key 1)",
        "NdPr oxide: the light rare earths of magnets, t REO (key 2)",
        "Dy/Tb oxide: the heavy rare earths that keep magnets strong when hot, t REO (key 3)",
        "NdFeB permanent magnets, tonnes (key 4)"};
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        goods[g] = label_good_short((cp_good)g);
        gtips[g] = good_tips[g];
    }
    int sw = one_good ? good_w : wdg_segments_width(a, goods, CP_GOOD_COUNT);
    int sh = bar.h - app_px(a, 10);
    SDL_Rect seg = {bar.x + bar.w - app_px(a, 12) - sw, bar.y + app_px(a, 5), sw, sh};
    const char *lbl = "Good";
    int lw = show_good ? text_width(a->text, FONT_SMALL, lbl) : 0;
    if (show_good)
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, lbl, seg.x - app_px(a, 10) - lw,
                  bar.y + (bar.h - text_line_h(a->text, FONT_SMALL)) / 2, ALIGN_LEFT);
    int free_x1 = seg.x - (show_good ? app_px(a, 22) + lw : app_px(a, 8));
    a->lay.tabs_free = (SDL_Rect){x + app_px(a, 8), bar.y, free_x1 > x + app_px(a, 8) ? free_x1 - x - app_px(a, 8) : 0, bar.h};
    fw_trace(a, "Goods", goods[a->good], seg);
    if (one_good) {
        char lab[48], tip[300];
        snprintf(lab, sizeof lab, "%s \xE2\x96\xB8", goods[a->good]);
        snprintf(tip, sizeof tip, "%s.\nClick for the next good (or keys 1 to 4).", gtips[a->good]);
        if (fw_button(a, seg, lab, BTN_PRIMARY, tip, "Goods/Next")) a->good = (cp_good)((a->good + 1) % CP_GOOD_COUNT);
        return;
    }
    int hit = wdg_segments(a, seg, goods, CP_GOOD_COUNT, (int)a->good, gtips);
    if (hit >= 0) a->good = (cp_good)hit;
}
