/* overlay.c -- what floats above the views: tooltips, the toast, the keyboard help and the briefing. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "play.h"
#include "theme.h"
#include "trace.h"
#include "views.h"
#include "widgets.h"

enum { TIP_W = 360 };

/* The tooltip goes below and to the right of the mouse, flipped to stay
 * inside the window. */
void overlay_tooltip(ui_app *a)
{
    if (!a->tip.active) return;
    int pad = app_px(a, 10), wrap = app_px(a, TIP_W) - 2 * pad;
    int tw = 0, th = 0, bw = 0, bh = 0;
    if (a->tip.title[0]) text_get(a->text, FONT_BODY_BOLD, COL_TEXT, a->tip.title, wrap, &tw, &th);
    if (a->tip.body[0]) text_get(a->text, FONT_SMALL, COL_TEXT_DIM, a->tip.body, wrap, &bw, &bh);
    int w = (tw > bw ? tw : bw) + 2 * pad;
    int h = th + bh + 2 * pad + (th && bh ? app_px(a, 4) : 0);
    int x = a->in.x + app_px(a, 16), y = a->in.y + app_px(a, 20);
    if (x + w > a->out_w - app_px(a, 4)) x = a->in.x - w - app_px(a, 8);
    if (x < app_px(a, 4)) x = app_px(a, 4);
    if (y + h > a->out_h - app_px(a, 4)) y = a->in.y - h - app_px(a, 8);
    if (y < app_px(a, 4)) y = app_px(a, 4);
    SDL_Rect rc = {x, y, w, h};
    draw_panel(a->renderer, rc, app_px(a, 6), RGBA(12, 19, 28, 250), COL_BORDER);
    int ty = y + pad;
    if (th) ty += text_draw_wrapped(a->text, FONT_BODY_BOLD, COL_TEXT, a->tip.title, x + pad, ty, wrap) + app_px(a, 4);
    if (bh) text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_DIM, a->tip.body, x + pad, ty, wrap);
}

void overlay_toast(ui_app *a)
{
    if (!a->toast[0] || SDL_TICKS_PASSED(a->now_ms, a->toast_until_ms)) {
        a->toast[0] = '\0';
        return;
    }
    int w = text_width(a->text, FONT_BODY_BOLD, a->toast) + app_px(a, 32);
    int h = text_line_h(a->text, FONT_BODY_BOLD) + app_px(a, 16);
    SDL_Rect rc = {a->lay.main.x + (a->lay.main.w - w) / 2, a->out_h - h - app_px(a, 24), w, h};
    draw_panel(a->renderer, rc, h / 2, RGBA(30, 42, 58, 245), COL_ACCENT);
    text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, a->toast, rc.x + w / 2, rc.y + app_px(a, 8), ALIGN_CENTER);
    a->dirty = 1; /* keep drawing until it expires */
}

static SDL_Rect modal_card(ui_app *a, int w_1x, int h_px)
{
    draw_fill(a->renderer, a->lay.win, RGBA(0, 0, 0, 150));
    int w = app_px(a, w_1x);
    if (w > a->out_w - app_px(a, 40)) w = a->out_w - app_px(a, 40);
    if (h_px > a->out_h - app_px(a, 40)) h_px = a->out_h - app_px(a, 40);
    SDL_Rect rc = {(a->out_w - w) / 2, (a->out_h - h_px) / 2, w, h_px};
    draw_panel(a->renderer, rc, app_px(a, 12), COL_PANEL_SOLID, COL_BORDER);
    return rc;
}

void overlay_help(ui_app *a)
{
    if (!a->show_help) return;
    static const char *keys[][2] = {
        {"Enter, Space", "End the turn (Space asks first)"},
        {"M  C  T", "Map, charts, capacity timeline"},
        {"Tab", "Next view"},
        {"1  2  3  4", "Ore, NdPr oxide, Dy/Tb oxide, magnets"},
        {"[  ]", "Previous / next map colouring"},
        {"F", "Show or hide trade flows"},
        {"N", "Show or hide the news feed"},
        {"Drag, Arrows", "Pan the map"},
        {"Wheel, +  -", "Zoom the map"},
        {"0, Home", "Whole world"},
        {"Click a nation", "Open its panel"},
        {"Esc", "Close panel or overlay"},
        {"B", "Scenario briefing"},
        {"F12", "Screenshot to saves/"},
        {"F2, Ctrl+T", "Teacher controls"},          /* teacher.c */
        {"P", "Pause or resume (teacher)"},        /* teacher.c */
        {"H, F1", "This help"},
        {"Ctrl+Q", "Quit (asks if not saved)"},
        /* playing a nation (play.c) */
        {"O", "Your orders: show or hide the dock"},
        {"W", "What if? Forecast the order in the dock"},
        {"D", "Propose a deal (letters pick the nation)"},
        {"Ctrl+Z", "Undo your last order this turn"},
        {"Ctrl+S", "Save the game into saves/"},
        {"Ctrl+L", "Load a saved game"},
        {"F10", "Menu: save, load, help, quit"},
        /* watching a replay (replay_view.c) */
        {"\xE2\x86\x90, \xE2\x86\x92", "Replay: quarter before / next"},
        {"Home, End", "Replay: its start / its last quarter"},
    };
    int n = (int)(sizeof keys / sizeof keys[0]);
    int rows = (n + 1) / 2;
    int rh = app_px(a, 30);
    int h = app_px(a, 70) + rows * rh + app_px(a, 70);
    a->modal = 1;
    SDL_Rect rc = modal_card(a, 900, h);
    int pad = app_px(a, 24);
    text_draw(a->text, FONT_TITLE, COL_TEXT, "Keyboard and mouse", rc.x + pad, rc.y + app_px(a, 20), ALIGN_LEFT);
    int colw = (rc.w - 2 * pad) / 2;
    for (int i = 0; i < n; i++) {
        int col = i / rows, row = i % rows;
        int x = rc.x + pad + col * colw, y = rc.y + app_px(a, 66) + row * rh;
        /* each key of a combination gets its own cap */
        const char *k = keys[i][0];
        int kx = x;
        while (*k) {
            while (*k == ' ' || *k == ',') k++;
            size_t len = strcspn(k, ",");
            char cap[32];
            snprintf(cap, sizeof cap, "%.*s", (int)len, k);
            if (cap[0]) kx += wdg_keycap(a, kx, y, cap) + app_px(a, 6);
            k += len;
        }
        text_draw(a->text, FONT_BODY, COL_TEXT_DIM, keys[i][1], x + app_px(a, 138), y + app_px(a, 1), ALIGN_LEFT);
    }
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED,
              "Hover any number for what it is, its unit, its source and why it changed this quarter.",
              rc.x + pad, rc.y + rc.h - app_px(a, 52), ALIGN_LEFT);
    SDL_Rect ok = {rc.x + rc.w - pad - app_px(a, 100), rc.y + rc.h - app_px(a, 56), app_px(a, 100), app_px(a, 34)};
    int close = wdg_button(a, ok, "Close", BTN_PRIMARY, NULL);
    if (close || (a->in.clicked && !a->in.click_used && !rect_has(rc, a->in.x, a->in.y))) {
        a->show_help = 0;
        a->in.click_used = 1;
    }
    a->modal = 0;
}

/* Scenario files wrap their briefing at 80 columns: join those lines so
 * the text fills the card, keeping blank lines (paragraphs) and lines that
 * start a list item ("- ", "* "). */
static const char *reflow(const char *src, char *buf, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; src[i] && o + 1 < len; i++) {
        char ch = src[i];
        if (ch == '\n' && i > 0 && src[i - 1] != '\n' && src[i + 1] && src[i + 1] != '\n' &&
            !((src[i + 1] == '-' || src[i + 1] == '*') && src[i + 2] == ' '))
            ch = ' ';
        buf[o++] = ch;
    }
    buf[o] = '\0';
    return buf;
}

/* The goals of the nations people play, one line each ("\xE2\x80\xA2 text", the nation's name first
 * when several share the table), as the core words them (cp_world_goal, judged against the
 * scenario's length as the nation panel does). Measures the lines when 'x' is negative, else draws
 * them from 'y', each traced as "Briefing/Goal/k". Returns the height; 0 when nobody plays. */
static int briefing_goals(ui_app *a, int x, int y, int wrap)
{
    const int *human = play_humans(a);
    if (!human) return 0;
    int nn = cp_world_nation_count(a->world), humans = 0;
    for (int n = 0; n < nn; n++) humans += human[n] != 0;
    int y0 = y, k = 0;
    for (int n = 0; n < nn; n++) {
        if (!human[n]) continue;
        for (int i = 0; i < cp_world_goal_count(a->world, n); i++) {
            cp_goal_progress g;
            if (cp_world_goal(a->world, n, i, a->scenario->default_turns, &g) != CP_OK) continue;
            char text[CP_TEXT_LEN + 160];
            snprintf(text, sizeof text, "\xE2\x80\xA2 %s%s%s", humans > 1 ? cp_world_nation(a->world, n)->name : "",
                     humans > 1 ? ": " : "", g.text);
            int h = text_wrapped_height(a->text, FONT_BODY, text, wrap);
            if (x >= 0) {
                text_draw_wrapped(a->text, FONT_BODY, COL_TEXT, text, x, y, wrap);
                char id[40];
                snprintf(id, sizeof id, "Briefing/Goal/%d", k);
                trace_add(id, text, (SDL_Rect){x, y, wrap, h});
            }
            y += h + app_px(a, 2);
            k++;
        }
    }
    return y - y0;
}

/* The scenario's briefing and objectives, shown at the start of a game, under the goals of the
 * nations people play ("Your goals"). */
void overlay_briefing(ui_app *a)
{
    if (!a->show_briefing) return;
    int pad = app_px(a, 28);
    int w = app_px(a, 720);
    if (w > a->out_w - app_px(a, 40)) w = a->out_w - app_px(a, 40);
    int wrap = w - 2 * pad;
    static char flowed[8192];
    const char *brief = a->info.briefing ? reflow(a->info.briefing, flowed, sizeof flowed) : "This scenario has no briefing.";
    int bh = text_wrapped_height(a->text, FONT_BODY, brief, wrap);
    int oh = 0;
    char obj[2048] = "";
    size_t used = 0;
    for (int i = 0; i < a->info.objective_count && used + 8 < sizeof obj; i++) {
        int k = snprintf(obj + used, sizeof obj - used, "%s\xE2\x80\xA2 %s", i ? "\n" : "", a->info.objectives[i]);
        if (k > 0) used += (size_t)k;
        if (used >= sizeof obj) used = sizeof obj - 1;
    }
    if (obj[0]) oh = text_wrapped_height(a->text, FONT_BODY, obj, wrap) + app_px(a, 34);
    int gh = briefing_goals(a, -1, 0, wrap);
    if (gh) gh += text_line_h(a->text, FONT_SMALL) + app_px(a, 6 + 16);
    int h = app_px(a, 96) + gh + bh + oh + app_px(a, 84);
    a->modal = 1;
    SDL_Rect rc = modal_card(a, 720, h);
    int y = rc.y + app_px(a, 22);
    text_draw(a->text, FONT_SMALL, COL_ACCENT, "BRIEFING", rc.x + pad, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 4);
    char title[200];
    text_fit(a->text, FONT_TITLE, a->scenario->title, wrap, title, sizeof title);
    text_draw(a->text, FONT_TITLE, COL_TEXT, title, rc.x + pad, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_TITLE) + app_px(a, 14);
    SDL_Rect body = {rc.x, y, rc.w, rc.y + rc.h - app_px(a, 70) - y};
    /* a briefing longer than the window scrolls (wheel, PgUp/PgDn), bounded by last frame's height */
    if (a->in.wheel != 0 && !a->in.wheel_used && rect_has(rc, a->in.x, a->in.y)) {
        a->briefing_scroll -= (int)(a->in.wheel * app_px(a, 48));
        a->in.wheel_used = 1;
    }
    if (a->briefing_scroll > a->briefing_content_h - body.h) a->briefing_scroll = a->briefing_content_h - body.h;
    if (a->briefing_scroll < 0) a->briefing_scroll = 0;
    y -= a->briefing_scroll;
    SDL_RenderSetClipRect(a->renderer, &body);
    trace_add("Briefing/Body", NULL, body);
    if (gh) {
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "YOUR GOALS", rc.x + pad, y, ALIGN_LEFT);
        y += text_line_h(a->text, FONT_SMALL) + app_px(a, 6);
        y += briefing_goals(a, rc.x + pad, y, wrap) + app_px(a, 16);
    }
    y += text_draw_wrapped(a->text, FONT_BODY, COL_TEXT_DIM, brief, rc.x + pad, y, wrap) + app_px(a, 16);
    if (obj[0]) {
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "OBJECTIVES", rc.x + pad, y, ALIGN_LEFT);
        trace_add("Briefing/Objectives", NULL, (SDL_Rect){rc.x + pad, y, wrap, text_line_h(a->text, FONT_SMALL)});
        y += text_line_h(a->text, FONT_SMALL) + app_px(a, 6);
        y += text_draw_wrapped(a->text, FONT_BODY, COL_TEXT, obj, rc.x + pad, y, wrap);
    }
    a->briefing_content_h = y + app_px(a, 8) + a->briefing_scroll - body.y;
    SDL_RenderSetClipRect(a->renderer, NULL);
    if (a->briefing_content_h > body.h) { /* scroll bar */
        int track = body.h - app_px(a, 8);
        int th = track * body.h / a->briefing_content_h;
        int ty = body.y + app_px(a, 4) + (track - th) * a->briefing_scroll / (a->briefing_content_h - body.h);
        draw_round(a->renderer, (SDL_Rect){rc.x + rc.w - app_px(a, 10), ty, app_px(a, 4), th}, app_px(a, 2), COL_BORDER);
    }
    SDL_Rect go = {rc.x + rc.w - pad - app_px(a, 120), rc.y + rc.h - app_px(a, 56), app_px(a, 120), app_px(a, 36)};
    int close = wdg_button(a, go, "Begin", BTN_PRIMARY, NULL);
    char hint[128], date[8];
    snprintf(hint, sizeof hint, "%d quarters from %s \xC2\xB7 press B to read this again", a->scenario->default_turns,
             cp_world_date_text(a->world, 0, date, sizeof date));
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, hint, rc.x + pad, go.y + app_px(a, 10), ALIGN_LEFT);
    if (close || (a->in.clicked && !a->in.click_used && !rect_has(rc, a->in.x, a->in.y))) {
        a->show_briefing = 0;
        a->in.click_used = 1;
    }
    a->modal = 0;
}
