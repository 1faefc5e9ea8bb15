/* frame.c -- lay out the window for its current size and draw one frame, back to front. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "metric.h"
#include "play.h"
#include "replay_view.h"
#include "teacher.h"
#include "theme.h"
#include "trace.h"
#include "views.h"

enum { TOP_H = 54, TABS_H = 40, PANEL_W = 392, PANEL_MIN_W = 300, CARD_W = 264, NEWS_H = 112, STRIP_W = 34,
       PILL_H = 34 };

/* Height of the map card: the metric choice, the legend, the flow key; folded, a pill. */
static int card_height(const ui_app *a, int folded)
{
    return app_px(a, folded ? PILL_H : a->show_flows ? 226 : 206);
}

/* The side panels (the orders dock at the left, the nation's panel at the right) share at most
 * half the window, so the map keeps the other half at every size and UI scale. The panel gives
 * up width first, down to PANEL_MIN_W; below that the dock folds into a strip (its button
 * unfolds it and closes the panel). Returns the dock's width and sets '*pw' and the fold. */
static int side_panels(ui_app *a, int *pw)
{
    int W = a->out_w, half = W / 2;
    int dock = play_dock_natural_px(a);
    float t = a->panel_open;
    float ease = t * t * (3 - 2 * t);
    int want = app_px(a, PANEL_W);
    a->lay.dock_folded = 0;
    if (dock > 0 && a->selected >= 0 && dock + want > half) {
        int room = half - dock;
        if (room >= app_px(a, PANEL_MIN_W)) want = room;
        else {
            dock = app_px(a, STRIP_W);
            a->lay.dock_folded = 1;
        }
    }
    if (dock > half) dock = half;
    if (want > half - dock) want = half - dock;
    *pw = (int)lroundf(want * ease);
    return dock;
}

void frame_layout(ui_app *a)
{
    app_layout *l = &a->lay;
    int W = a->out_w, H = a->out_h;
    l->win = (SDL_Rect){0, 0, W, H};
    l->top = (SDL_Rect){0, 0, W, app_px(a, TOP_H)};
    l->tabs = (SDL_Rect){0, l->top.h, W, app_px(a, TABS_H)};
    int cy = l->top.h + l->tabs.h;
    l->content = (SDL_Rect){0, cy, W, H - cy};
    /* the panel slides in with a smoothstep ease; the dock takes the left edge */
    int pw, dock = side_panels(a, &pw);
    l->panel = (SDL_Rect){W - pw, cy, pw, H - cy};
    l->dock = (SDL_Rect){0, cy, dock, H - cy};
    l->main = (SDL_Rect){dock, cy, W - pw - dock, H - cy};
    a->map_area = l->main;
    a->map_fit = (SDL_Rect){0, 0, 0, 0}; /* = map_area */
    l->card = l->news = (SDL_Rect){0, 0, 0, 0};
    if (a->view != VIEW_MAP) {
        replay_view_layout(a); /* the replay viewer's panel, at the left */
        return;
    }
    /* the news feed docks under the map: the map's spare height goes to it, at most a quarter
     * of the window's content */
    if (a->show_news) {
        int nh = app_px(a, NEWS_H);
        if (nh > l->content.h / 4) nh = l->content.h / 4;
        l->news = (SDL_Rect){l->main.x, l->main.y + l->main.h - nh, l->main.w, nh};
        a->map_area.h -= nh;
    }
    /* the card folds into a pill by the player's choice, or by itself where it would cover
     * more than half the map's height or width */
    int m = app_px(a, 12);
    int cw = app_px(a, CARD_W), ch = card_height(a, 0);
    int folded = a->card_folded || ch + 2 * m > a->map_area.h / 2 || cw + 2 * m > a->map_area.w / 2;
    if (folded) {
        ch = card_height(a, 1);
        cw = app_px(a, 200);
        if (cw > a->map_area.w - 2 * m) cw = a->map_area.w - 2 * m;
    }
    l->card_pill = folded;
    l->card = (SDL_Rect){a->map_area.x + m, a->map_area.y + a->map_area.h - m - ch, cw, ch};
    if (l->card.y < a->map_area.y + m) l->card.y = a->map_area.y + m;
    replay_view_layout(a); /* the replay viewer's panel, at the left */
    /* A narrow map (the orders dock and a nation's panel both open) leaves
     * room above and below the world: fit the world above the card, so that
     * the card covers no land, if that costs it at most a tenth of its size. */
    double bw = a->world_box.max_x - a->world_box.min_x, bh = a->world_box.max_y - a->world_box.min_y;
    SDL_Rect above = a->map_area;
    above.h = l->card.y - m - above.y;
    if (bw > 0 && bh > 0 && above.h > 0) {
        double full = fmin(a->map_area.w / bw, a->map_area.h / bh);
        double fit = fmin(above.w / bw, above.h / bh);
        if (fit >= 0.9 * full) a->map_fit = above;
    }
}

/* What the window shows, for the trace's "Screen" line: the view and what
 * covers it, in words ("map panel dock", "charts menu", "start load"). */
static void trace_screen(const ui_app *a)
{
    if (!trace_on()) return;
    static const char *views[VIEW_COUNT] = {"map", "charts", "timeline"};
    char s[160];
    const char *play = play_screen(a); /* start, handover, or a dialog of the play layer */
    int start = play && strncmp(play, "start", 5) == 0;
    snprintf(s, sizeof s, "%s%s%s%s%s%s%s%s%s%s", start ? "" : views[a->view], !start && a->replay ? " replay" : "",
             !start && a->selected >= 0 ? " panel" : "", !start && a->metric_menu && a->view == VIEW_MAP ? " metrics" : "",
             !start && play_current_seat(a) >= 0 && play_dock_open(a) ? " dock" : "", play ? " " : "", play ? play : "",
             a->show_help ? " help" : "", a->show_briefing ? " briefing" : "", a->teacher_open ? " teacher" : "");
    trace_add("Screen", s[0] == ' ' ? s + 1 : s, a->lay.win);
}

/* One frame, back to front. While it draws, what the views read stays as it
 * was when it began: widgets that change the world, the selection or the
 * turn are deferred (app_defer) and run here once everything is drawn. */
void frame_draw(ui_app *a)
{
    a->drawing = 1;
    a->tip.active = 0;
    a->card_over = a->card_over_next; /* where the play layer's card was last frame */
    a->card_over_next = (SDL_Rect){0, 0, 0, 0};
    trace_begin();
    frame_layout(a);
    SDL_Renderer *r = a->renderer;
    SDL_SetRenderDrawColor(r, COL_OCEAN.r, COL_OCEAN.g, COL_OCEAN.b, 255);
    SDL_RenderClear(r);
    switch (a->view) {
    case VIEW_MAP:
        mapview_draw(a);
        mapcard_draw(a);
        if (a->show_news) news_draw(a, a->lay.news);
        break;
    case VIEW_CHARTS:
        charts_draw(a);
        break;
    default:
        timeline_draw(a);
        break;
    }
    panel_draw(a);
    topbar_draw(a);
    teacher_draw_bar(a); /* teacher controls: their button, "Paused" */
    tabs_draw(a);
    play_draw(a); /* play layer: orders dock, dialogs, hand-over, start screen (under help and briefing) */
    overlay_toast(a);
    overlay_help(a);
    overlay_briefing(a);
    teacher_draw_panel(a); /* teacher controls, when open */
    overlay_tooltip(a);
    trace_screen(a);
    trace_end();
    text_frame_end(a->text);
    a->frames++;
    a->drawing = 0;
    app_run_deferred(a);
}

void frame_render(ui_app *a, double dt_s)
{
    frame_layout(a);
    mapview_update_camera(a, dt_s);
    frame_draw(a);
}
