/* views.h -- the parts of the window, each drawn (and hit-tested) by its own file each frame. */
#ifndef UI_VIEWS_H
#define UI_VIEWS_H

#include "app.h"

/* frame.c: lay the window out and draw one frame of everything. */
void frame_layout(ui_app *a);
void frame_draw(ui_app *a);
/* One whole frame without a window's event loop: layout, the camera eased
 * by 'dt_s' (0: snap to its target), draw. For --screenshot, the render
 * tests and the benchmark. */
void frame_render(ui_app *a, double dt_s);

/* topbar.c: date, turn, seed, scenario title, end-turn button; the view tabs and good choice. */
void topbar_draw(ui_app *a);
void tabs_draw(ui_app *a);

/* mapview.c: the world map, its camera, labels, hover and selection. */
void mapview_update_camera(ui_app *a, double dt_s);
void mapview_draw(ui_app *a);
void mapview_zoom_at(ui_app *a, double factor, int x_px, int y_px);
void mapview_pan_px(ui_app *a, double dx_px, double dy_px);
void mapview_reset(ui_app *a);
/* Forget the map's cached still layer (the renderer lost its textures). */
void mapview_invalidate(void);
/* Free that layer before 'r' is destroyed (app_destroy). */
void mapview_release(SDL_Renderer *r);
/* Screen position of nation 'n''s anchor under this frame's transform. */
SDL_FPoint mapview_nation_px(const ui_app *a, int n);

/* flows.c: trade flows of the selected good as curves. */
void flows_draw(ui_app *a);
/* The routes drawn for the selected good and nation (flows.h), chosen
 * again only when the turn, the good or the selection changes. */
const struct flows_set *flows_shown(ui_app *a);

/* mapcard.c: the metric chooser and the legend over the map. */
void mapcard_draw(ui_app *a);
/* Where the legend's colour ramp is drawn this frame (for tests). */
SDL_Rect mapcard_ramp_rect(const ui_app *a);

/* panel.c: the selected nation's figures, policies, facilities and deals. */
void panel_draw(ui_app *a);

/* news.c: the news feed. */
void news_draw(ui_app *a, SDL_Rect rc);
/* The feed's filters (a->news_filter) and its cards: a feed item (a news index, or -1 - k for
 * the k-th newest AI seat line), or 'count' > 1 plant stage changes of one nation in one
 * quarter folded into one card (the core's routine items: plants moving on schedule). news_cards returns the cards the filter shows, newest first,
 * and this quarter's count of each filter (for tests too). */
enum { NF_ALL = 0, NF_POLICY, NF_DEALS, NF_PLANTS, NF_EVENTS, NF_MARKET, NF_MINE, NF_COUNT };
typedef struct {
    int item;
    int count;
} news_card;
const news_card *news_cards(const ui_app *a, int *count, int quarter_counts[NF_COUNT]);

/* charts.c: price history, supply shares, shortages by sector, markets. */
void charts_draw(ui_app *a);
/* The plot area of the price chart and its value range this frame (for tests). */
void charts_price_plot(const ui_app *a, SDL_Rect *plot, double *x0, double *x1, double *y0,
                       double *y1);

/* timeline.c: the capacity timeline (Gantt). */
void timeline_draw(ui_app *a);

/* overlay.c: tooltip, toast, keyboard help and the scenario briefing. */
void overlay_tooltip(ui_app *a);
void overlay_toast(ui_app *a);
void overlay_help(ui_app *a);
void overlay_briefing(ui_app *a);

#endif
