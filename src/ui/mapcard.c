/* mapcard.c -- the card over the map: what colours the nations, the legend with units, and the flow key. */
#include <math.h>
#include <stdio.h>

#include "cmap.h"
#include "draw.h"
#include "flows.h"
#include "formw.h"
#include "fmt.h"
#include "labels.h"
#include "theme.h"
#include "views.h"
#include "widgets.h"

enum { RAMP_H = 12 };

/* The ramp as eight quads whose corners carry the viridis stops: SDL
 * interpolates colours linearly between them, exactly as cmap_viridis does. */
static void draw_ramp(ui_app *a, SDL_Rect rc)
{
    SDL_Vertex v[18];
    int idx[48];
    for (int i = 0; i <= 8; i++) {
        cmap_rgb c = cmap_viridis(i / 8.0);
        SDL_Color col = RGBA(c.r, c.g, c.b, 255);
        float x = rc.x + rc.w * i / 8.0f;
        v[i * 2] = (SDL_Vertex){{x, (float)rc.y}, col, {0, 0}};
        v[i * 2 + 1] = (SDL_Vertex){{x, (float)(rc.y + rc.h)}, col, {0, 0}};
    }
    for (int i = 0; i < 8; i++) {
        int *k = idx + i * 6;
        k[0] = i * 2;
        k[1] = i * 2 + 2;
        k[2] = i * 2 + 1;
        k[3] = i * 2 + 1;
        k[4] = i * 2 + 2;
        k[5] = i * 2 + 3;
    }
    draw_geometry(a->renderer, v, 18, idx, 48);
}

SDL_Rect mapcard_ramp_rect(const ui_app *a)
{
    SDL_Rect c = a->lay.card;
    int pad = app_px(a, 12);
    SDL_Rect r = {c.x + pad, c.y + app_px(a, 88), c.w - 2 * pad, app_px(a, RAMP_H)};
    return r;
}

/* Tick labels under the ramp, skipping any that would touch the one before. */
static void draw_ticks(ui_app *a, SDL_Rect ramp)
{
    double ticks[8];
    int nt = scale_ticks(&a->metric_scale, ticks, 6);
    int last_right = -100000;
    const metric_info *mi = metric_get(a->metric);
    for (int i = 0; i < nt; i++) {
        char buf[32];
        if (mi->is_share) snprintf(buf, sizeof buf, "%.0f%%", ticks[i] * 100);
        else fmt_compact(buf, sizeof buf, ticks[i]);
        int x = ramp.x + (int)lround(scale_pos(&a->metric_scale, ticks[i]) * (ramp.w - 1));
        int w = text_width(a->text, FONT_SMALL, buf);
        int left = x - w / 2;
        if (left < ramp.x - app_px(a, 4)) left = ramp.x - app_px(a, 4);
        if (left + w > ramp.x + ramp.w + app_px(a, 4)) left = ramp.x + ramp.w + app_px(a, 4) - w;
        if (left < last_right + app_px(a, 6)) continue;
        draw_vline(a->renderer, x, ramp.y + ramp.h, ramp.y + ramp.h + app_px(a, 3), COL_TEXT_MUTED);
        text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, buf, left, ramp.y + ramp.h + app_px(a, 4), ALIGN_LEFT);
        last_right = left + w;
    }
}

static int swatch(ui_app *a, int x, int y, SDL_Color c, const char *label)
{
    int s = app_px(a, 12);
    SDL_Rect sw = {x, y + app_px(a, 2), s, s};
    draw_round(a->renderer, sw, app_px(a, 2), c);
    return s + app_px(a, 6) + text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, label, x + s + app_px(a, 6), y, ALIGN_LEFT);
}

static int flow_key(ui_app *a, int x, int y, SDL_Color c, float dash, float gap, const char *label)
{
    int lw = app_px(a, 22);
    SDL_FPoint pts[2] = {{(float)x, (float)y + app_px(a, 8)}, {(float)(x + lw), (float)y + app_px(a, 8)}};
    draw_polyline(a->renderer, pts, 2, 3 * a->scale, c, dash * a->scale, gap * a->scale);
    return lw + app_px(a, 5) + text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, label, x + lw + app_px(a, 5), y, ALIGN_LEFT);
}

static void metric_label(const ui_app *a, metric_id m, char *buf, size_t len)
{
    const metric_info *mi = metric_get(m);
    if (mi->uses_good) snprintf(buf, len, "%s \xC2\xB7 %s", mi->name, label_good_short(a->good));
    else snprintf(buf, len, "%s", mi->name);
}

/* The list of metrics, opened from the card's button: above it when
 * there is room, below otherwise. A click anywhere else closes it. */
static void metric_menu(ui_app *a, SDL_Rect button)
{
    int rh = app_px(a, 30), pad = app_px(a, 4);
    int h = METRIC_COUNT * rh + 2 * pad;
    SDL_Rect menu = {button.x, button.y - h - app_px(a, 4), button.w + app_px(a, 40), h};
    if (menu.y < a->map_area.y) menu.y = button.y + button.h + app_px(a, 4);
    draw_panel(a->renderer, menu, app_px(a, 8), COL_PANEL_SOLID, COL_BORDER);
    for (int m = 0; m < METRIC_COUNT; m++) {
        char label[96], tip[400];
        metric_label(a, (metric_id)m, label, sizeof label);
        snprintf(tip, sizeof tip, "%s\nKeys [ and ] step through the figures.", metric_get((metric_id)m)->what);
        SDL_Rect row = {menu.x + pad, menu.y + pad + m * rh, menu.w - 2 * pad, rh};
        if (wdg_row(a, row, label, a->metric == (metric_id)m, tip)) {
            a->metric = (metric_id)m;
            a->metric_menu = 0;
        }
    }
    if (a->in.clicked && !a->in.click_used && !rect_has(menu, a->in.x, a->in.y)) {
        a->metric_menu = 0;
        a->in.click_used = 1;
    }
}

/* The card folded into a pill (frame.c): the colouring's name, which opens the list of
 * figures, and, when the player folded it, a button that unfolds it. */
static void pill_draw(ui_app *a, SDL_Rect c)
{
    draw_panel(a->renderer, c, app_px(a, 10), COL_PANEL_SOLID, COL_BORDER);
    int ub = a->card_folded ? c.h : 0;
    SDL_Rect btn = {c.x + app_px(a, 3), c.y + app_px(a, 3), c.w - ub - app_px(a, 6), c.h - app_px(a, 6)};
    int hover = app_hover(a, btn);
    draw_round(a->renderer, btn, app_px(a, 6), hover || a->metric_menu ? COL_PANEL_HOVER : COL_PANEL_RAISED);
    char label[96], fit[96];
    metric_label(a, a->metric, label, sizeof label);
    text_fit(a->text, FONT_SMALL, label, btn.w - app_px(a, 28), fit, sizeof fit);
    int ly = btn.y + (btn.h - text_line_h(a->text, FONT_SMALL)) / 2;
    text_draw(a->text, FONT_SMALL, COL_TEXT, fit, btn.x + app_px(a, 8), ly, ALIGN_LEFT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, a->metric_menu ? "\xE2\x96\xB4" : "\xE2\x96\xBE", btn.x + btn.w - app_px(a, 8), ly,
              ALIGN_RIGHT);
    fw_trace(a, "Card/Metric", label, btn);
    if (hover && !a->metric_menu) {
        char tip[300];
        snprintf(tip, sizeof tip, "%s colours the nations. Click to choose another figure ([ and ] step through them).%s",
                 label, a->card_folded ? "" : "\nThe legend is folded: the map is too small for it here.");
        app_tip_set(a, btn, NULL, tip);
    }
    if (app_click(a, btn)) a->metric_menu = !a->metric_menu;
    if (ub) {
        SDL_Rect un = {c.x + c.w - ub, c.y + app_px(a, 3), ub - app_px(a, 3), c.h - app_px(a, 6)};
        if (fw_button(a, un, "+", BTN_GHOST, "Show the legend and the flow key", "Card/Unfold")) a->card_folded = 0;
    }
    if (a->metric_menu) metric_menu(a, btn);
}

void mapcard_draw(ui_app *a)
{
    SDL_Rect c = a->lay.card;
    if (c.w <= 0) return;
    if (a->lay.card_pill) {
        app_refresh_metric(a);
        pill_draw(a, c);
        return;
    }
    draw_panel(a->renderer, c, app_px(a, 10), COL_PANEL_SOLID, COL_BORDER);
    int pad = app_px(a, 12);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "COLOUR NATIONS BY", c.x + pad, c.y + app_px(a, 10), ALIGN_LEFT);
    SDL_Rect fold = {c.x + c.w - app_px(a, 30), c.y + app_px(a, 4), app_px(a, 24), app_px(a, 22)};
    if (fw_button(a, fold, "\xE2\x88\x92", BTN_GHOST, "Fold the legend away: the map shows more", "Card/Fold")) a->card_folded = 1;

    /* the choice of metric: a button that opens the list */
    SDL_Rect btn = {c.x + app_px(a, 8), c.y + app_px(a, 28), c.w - app_px(a, 16), app_px(a, 30)};
    int hover = app_hover(a, btn);
    draw_round(a->renderer, btn, app_px(a, 6), hover || a->metric_menu ? COL_PANEL_HOVER : COL_PANEL_RAISED);
    char label[96];
    metric_label(a, a->metric, label, sizeof label);
    int ly = btn.y + (btn.h - text_line_h(a->text, FONT_BODY_BOLD)) / 2;
    text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, label, btn.x + app_px(a, 10), ly, ALIGN_LEFT);
    text_draw(a->text, FONT_BODY, COL_TEXT_DIM, a->metric_menu ? "\xE2\x96\xB4" : "\xE2\x96\xBE", btn.x + btn.w - app_px(a, 10), ly, ALIGN_RIGHT);
    if (hover && !a->metric_menu)
        app_tip_set(a, btn, NULL, "Choose the figure that colours the nations. Keys [ and ] step through them.");
    if (app_click(a, btn)) a->metric_menu = !a->metric_menu;

    app_refresh_metric(a);
    char title[128], fitted[128];
    metric_title(a->metric, a->good, title, sizeof title);
    text_fit(a->text, FONT_SMALL, title, c.w - 2 * pad, fitted, sizeof fitted);
    text_draw(a->text, FONT_SMALL, COL_TEXT, fitted, c.x + pad, c.y + app_px(a, 68), ALIGN_LEFT);
    SDL_Rect ramp = mapcard_ramp_rect(a);
    draw_ramp(a, ramp);
    draw_ticks(a, ramp);
    SDL_Rect legend = {c.x, c.y + app_px(a, 64), c.w, ramp.y + ramp.h + app_px(a, 20) - (c.y + app_px(a, 64))};
    if (app_hover(a, legend) && !a->metric_menu) {
        char body[700];
        const char *scale_note = a->metric_scale.kind == SCALE_LOG
                                     ? "Logarithmic scale: each step is ten times the one before."
                                 : a->metric_scale.kind == SCALE_SQRT
                                     ? "Square-root scale, so that small shares stay visible."
                                     : "Linear scale from the lowest to the highest value.";
        snprintf(body, sizeof body, "%s\n%s\nColours: viridis, readable with colour-blindness and in grey.\n"
                 "Source: the core's figures for the current quarter.",
                 metric_get(a->metric)->what, scale_note);
        app_tip_set(a, legend, title, body);
    }
    int y = ramp.y + ramp.h + app_px(a, 22);
    int x = c.x + pad;
    x += swatch(a, x, y, COL_LAND_NEUTRAL, "Not in scenario") + app_px(a, 14);
    int any_nan = 0;
    for (int i = 0; i < cp_world_nation_count(a->world); i++) any_nan |= isnan(a->metric_vals[i]);
    if (any_nan) swatch(a, x, y, COL_LAND_NODATA, "No demand");
    y = c.y + app_px(a, 144);
    draw_hline(a->renderer, c.x + pad, c.x + c.w - pad, y, COL_BORDER);

    /* the flow key, with a switch */
    y += app_px(a, 8);
    char ft[96];
    snprintf(ft, sizeof ft, "Trade flows \xC2\xB7 %s", label_good_short(a->good));
    text_draw(a->text, FONT_SMALL, COL_TEXT, ft, c.x + pad, y + app_px(a, 3), ALIGN_LEFT);
    SDL_Rect sw = {c.x + c.w - pad - app_px(a, 48), y, app_px(a, 48), app_px(a, 22)};
    if (wdg_button(a, sw, a->show_flows ? "On" : "Off", a->show_flows ? BTN_PRIMARY : BTN_SECONDARY,
                   "Show or hide trade flows (F). Width grows with tonnes shipped this quarter; "
                   "hover a line for its tonnes and the rule on that route."))
        a->show_flows = !a->show_flows;
    y += app_px(a, 28);
    x = c.x + pad;
    x += flow_key(a, x, y, COL_FLOW_OPEN, 0, 0, "Open") + app_px(a, 10);
    x += flow_key(a, x, y, RGBA(230, 159, 0, 255), 10, 5, "Licensed") + app_px(a, 10);
    flow_key(a, x, y, RGBA(235, 80, 70, 255), 4, 4, "Banned");

    /* how much of the trade the lines show: the rest is summed, not drawn */
    if (a->show_flows) {
        const flows_set *fs = flows_shown(a);
        char note[160], nfit[160];
        int drawn = fs->routes - fs->hidden;
        if (fs->routes == 0)
            snprintf(note, sizeof note, "No cross-border trade this quarter");
        else if (fs->hidden > 0)
            snprintf(note, sizeof note, "%d of %d routes \xC2\xB7 %.0f%% of trade", drawn, fs->routes,
                     fs->total_t > 0 ? 100 * fs->shown_t / fs->total_t : 0);
        else
            snprintf(note, sizeof note, "All %d routes shown", fs->routes);
        y += app_px(a, 22);
        text_fit(a->text, FONT_SMALL, note, c.w - 2 * pad, nfit, sizeof nfit);
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, nfit, c.x + pad, y, ALIGN_LEFT);
        SDL_Rect row = {c.x, y, c.w, text_line_h(a->text, FONT_SMALL)};
        if (app_hover(a, row) && !a->metric_menu) {
            char body[600], t1[48], t2[48];
            snprintf(body, sizeof body,
                     "The map draws the %d largest routes of %s (those above 1%% of its trade), the selected "
                     "nation's own routes and the banned routes with the most at stake.\n"
                     "Shown: %s of %s crossing borders this quarter. Width grows with tonnes.\n"
                     "Select a nation to see all of its trade.",
                     FLOWS_TOP, label_good(a->good), fmt_tonnes(t1, sizeof t1, fs->shown_t, label_good_unit(a->good)),
                     fmt_tonnes(t2, sizeof t2, fs->total_t, label_good_unit(a->good)));
            app_tip_set(a, row, "Trade flows shown", body);
        }
    }

    /* the click that opened the list is used already, so it does not close it */
    if (a->metric_menu) metric_menu(a, btn);
}
