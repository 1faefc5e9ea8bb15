/* mapview.c -- the world map: camera (pan, zoom), the globe's outline and graticule, coloured nations, labels, picking. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmap.h"
#include "draw.h"
#include "map_project.h"
#include "theme.h"
#include "views.h"

enum { MAX_ZOOM = 16, OUTLINE_STEPS = 36 };

/* Pixels per projected unit at zoom 1: the land (without Antarctica) fits
 * the map area with a small margin. */
static double base_scale(const ui_app *a)
{
    double bw = a->world_box.max_x - a->world_box.min_x;
    double bh = a->world_box.max_y - a->world_box.min_y;
    SDL_Rect m = a->map_fit.w > 0 ? a->map_fit : a->map_area;
    double s = fmin(m.w / bw, m.h / bh) * 0.96;
    return s > 1e-6 ? s : 1;
}

static map_view view_for(const ui_app *a, double cx, double cy, double zoom)
{
    map_view v;
    double s = base_scale(a) * zoom;
    v.scale_px_per_unit = (float)s;
    SDL_Rect m = a->map_fit.w > 0 ? a->map_fit : a->map_area;
    v.offset_x_px = (float)(m.x + m.w / 2.0 - cx * s);
    v.offset_y_px = (float)(m.y + m.h / 2.0 + cy * s);
    return v;
}

/* Keep the centre over the land so the world cannot be lost off-screen. */
static void clamp_target(ui_app *a)
{
    if (a->cam.to_zoom < 1) a->cam.to_zoom = 1;
    if (a->cam.to_zoom > MAX_ZOOM) a->cam.to_zoom = MAX_ZOOM;
    const map_box *b = &a->world_box;
    if (a->cam.to_cx < b->min_x) a->cam.to_cx = b->min_x;
    if (a->cam.to_cx > b->max_x) a->cam.to_cx = b->max_x;
    if (a->cam.to_cy < b->min_y) a->cam.to_cy = b->min_y;
    if (a->cam.to_cy > b->max_y) a->cam.to_cy = b->max_y;
}

/* Ease the camera towards its target (about 90% of the way in 0.13 s)
 * and compute this frame's transform. Only four numbers change: the mesh
 * is never re-projected. */
void mapview_update_camera(ui_app *a, double dt_s)
{
    app_camera *c = &a->cam;
    double k = dt_s > 0 ? 1.0 - exp(-dt_s * 18.0) : 1.0;
    c->cx += (c->to_cx - c->cx) * k;
    c->cy += (c->to_cy - c->cy) * k;
    c->zoom += (c->to_zoom - c->zoom) * k;
    double eps = 0.5 / (base_scale(a) * c->zoom);
    if (fabs(c->to_cx - c->cx) < eps && fabs(c->to_cy - c->cy) < eps &&
        fabs(c->to_zoom - c->zoom) < 1e-4 * c->zoom) {
        c->cx = c->to_cx;
        c->cy = c->to_cy;
        c->zoom = c->to_zoom;
    } else {
        a->dirty = 1;
    }
    a->mview = view_for(a, c->cx, c->cy, c->zoom);
}

void mapview_zoom_at(ui_app *a, double factor, int x_px, int y_px)
{
    map_view tv = view_for(a, a->cam.to_cx, a->cam.to_cy, a->cam.to_zoom);
    map_vec2 p = map_view_unproject(&tv, (float)x_px, (float)y_px);
    double z = a->cam.to_zoom * factor;
    if (z < 1) z = 1;
    if (z > MAX_ZOOM) z = MAX_ZOOM;
    double s = base_scale(a) * z;
    double mx = a->map_area.x + a->map_area.w / 2.0, my = a->map_area.y + a->map_area.h / 2.0;
    a->cam.to_zoom = z;
    a->cam.to_cx = p.x - (x_px - mx) / s;
    a->cam.to_cy = p.y + (y_px - my) / s;
    clamp_target(a);
    a->dirty = 1;
}

/* A drag moves the map with the mouse at once, without easing. */
void mapview_pan_px(ui_app *a, double dx_px, double dy_px)
{
    double s = base_scale(a) * a->cam.to_zoom;
    a->cam.to_cx -= dx_px / s;
    a->cam.to_cy += dy_px / s;
    clamp_target(a);
    a->cam.cx = a->cam.to_cx;
    a->cam.cy = a->cam.to_cy;
    a->dirty = 1;
}

void mapview_reset(ui_app *a)
{
    a->cam.to_cx = (a->world_box.min_x + a->world_box.max_x) / 2;
    a->cam.to_cy = (a->world_box.min_y + a->world_box.max_y) / 2;
    a->cam.to_zoom = 1;
    a->dirty = 1;
}

SDL_FPoint mapview_nation_px(const ui_app *a, int n)
{
    SDL_FPoint p;
    p.x = a->mview.offset_x_px + a->nation_at[n].x * a->mview.scale_px_per_unit;
    p.y = a->mview.offset_y_px - a->nation_at[n].y * a->mview.scale_px_per_unit;
    return p;
}

static SDL_FPoint to_px(const map_view *v, double x, double y)
{
    SDL_FPoint p = {(float)(v->offset_x_px + x * v->scale_px_per_unit),
                    (float)(v->offset_y_px - y * v->scale_px_per_unit)};
    return p;
}

static SDL_Color lighten(SDL_Color c, float k)
{
    SDL_Color o = c;
    o.r = (Uint8)(c.r + (255 - c.r) * k);
    o.g = (Uint8)(c.g + (255 - c.g) * k);
    o.b = (Uint8)(c.b + (255 - c.b) * k);
    return o;
}

/* The fill of each map country: the metric's colour for scenario nations,
 * neutral grey for the others, nothing for Antarctica. */
static SDL_Color country_colour(size_t country, void *user)
{
    ui_app *a = user;
    if (a->asset.countries[country].flags & MAP_FLAG_ANTARCTIC) return RGBA(0, 0, 0, 0);
    int n = a->country_nation[country];
    SDL_Color c;
    if (n < 0) {
        c = COL_LAND_NEUTRAL;
    } else {
        double v = a->metric_vals[n];
        if (isnan(v)) {
            c = COL_LAND_NODATA;
        } else {
            cmap_rgb k = cmap_viridis(scale_pos(&a->metric_scale, v));
            c = RGBA(k.r, k.g, k.b, 255);
        }
    }
    if ((int)country == a->hovered_country) c = lighten(c, 0.18f);
    return c;
}

/* The sea inside the projection's outline (the ±180° meridians, which are
 * convex curves) and a 30° graticule, projected once and kept. */
static void draw_globe(ui_app *a)
{
    static int ready;
    static SDL_FPoint outline[2 * OUTLINE_STEPS + 2];
    static double mer[11][OUTLINE_STEPS + 1][2];
    static double par[5], par_x[5];
    if (!ready) {
        int k = 0;
        for (int i = 0; i <= OUTLINE_STEPS; i++) {
            double x, y;
            map_project_forward(180, -90 + 180.0 * i / OUTLINE_STEPS, &x, &y);
            outline[k++] = (SDL_FPoint){(float)x, (float)y};
        }
        for (int i = OUTLINE_STEPS; i >= 0; i--) {
            double x, y;
            map_project_forward(-180, -90 + 180.0 * i / OUTLINE_STEPS, &x, &y);
            outline[k++] = (SDL_FPoint){(float)x, (float)y};
        }
        for (int m = 0; m < 11; m++)
            for (int i = 0; i <= OUTLINE_STEPS; i++)
                map_project_forward(-150 + 30 * m, -90 + 180.0 * i / OUTLINE_STEPS, &mer[m][i][0],
                                    &mer[m][i][1]);
        for (int p = 0; p < 5; p++) {
            double x, y;
            map_project_forward(0, -60 + 30 * p, &x, &par[p]);
            map_project_forward(180, -60 + 30 * p, &par_x[p], &y); /* the right edge's x */
        }
        ready = 1;
    }
    const map_view *v = &a->mview;
    enum { N = 2 * OUTLINE_STEPS + 2 };
    /* The sea inside the outline, one pixel row at a time: the outline is
     * symmetric about x = 0, so each row is one span whose half-width comes
     * from the right edge (outline[0..OUTLINE_STEPS], south to north).
     * Rows, not a triangle fan: SDL's software renderer tests every pixel
     * of a triangle's bounding box, and a fan's long thin triangles have
     * large ones. */
    static SDL_Rect rows[4096];
    int nrows = 0;
    int y0 = a->map_area.y, y1 = a->map_area.y + a->map_area.h;
    int seg = 0;
    for (int y = y1 - 1; y >= y0 && nrows < 4096; y--) { /* south to north, as the edge runs */
        float py = (v->offset_y_px - (y + 0.5f)) / v->scale_px_per_unit;
        if (py < outline[0].y || py > outline[OUTLINE_STEPS].y) continue;
        while (seg < OUTLINE_STEPS - 1 && py > outline[seg + 1].y) seg++;
        const SDL_FPoint *p = &outline[seg], *q = &outline[seg + 1];
        float t = q->y != p->y ? (py - p->y) / (q->y - p->y) : 0;
        float hw = (p->x + (q->x - p->x) * t) * v->scale_px_per_unit;
        int xl = (int)lroundf(v->offset_x_px - hw), xr = (int)lroundf(v->offset_x_px + hw);
        if (xl < a->map_area.x) xl = a->map_area.x;
        if (xr > a->map_area.x + a->map_area.w) xr = a->map_area.x + a->map_area.w;
        if (xr > xl) rows[nrows++] = (SDL_Rect){xl, y, xr - xl, 1};
    }
    SDL_Color sea = RGBA(18, 31, 46, 255);
    SDL_SetRenderDrawColor(a->renderer, sea.r, sea.g, sea.b, 255);
    SDL_BlendMode old;
    SDL_GetRenderDrawBlendMode(a->renderer, &old);
    SDL_SetRenderDrawBlendMode(a->renderer, SDL_BLENDMODE_NONE);
    SDL_RenderFillRects(a->renderer, rows, nrows);
    /* graticule and rim as one-pixel lines (SDL's own line drawing, the
     * cheapest there is), still without blending */
    SDL_Color grid = COL_OCEAN_GRID;
    SDL_SetRenderDrawColor(a->renderer, grid.r, grid.g, grid.b, 255);
    SDL_FPoint pts[OUTLINE_STEPS + 1];
    for (int m = 0; m < 11; m++) {
        for (int i = 0; i <= OUTLINE_STEPS; i++) pts[i] = to_px(v, mer[m][i][0], mer[m][i][1]);
        SDL_RenderDrawLinesF(a->renderer, pts, OUTLINE_STEPS + 1);
    }
    for (int p = 0; p < 5; p++) {
        /* a parallel is a straight line between the two edge meridians */
        SDL_FPoint l = to_px(v, -par_x[p], par[p]), r = to_px(v, par_x[p], par[p]);
        SDL_RenderDrawLineF(a->renderer, l.x, l.y, r.x, r.y);
        if (p == 2) SDL_RenderDrawLineF(a->renderer, l.x, l.y + 1, r.x, r.y + 1); /* the equator */
    }
    SDL_FPoint edge[N + 1];
    for (int i = 0; i < N; i++) edge[i] = to_px(v, outline[i].x, outline[i].y);
    edge[N] = edge[0];
    SDL_SetRenderDrawColor(a->renderer, 40, 58, 80, 255);
    SDL_RenderDrawLinesF(a->renderer, edge, N + 1);
    SDL_SetRenderDrawBlendMode(a->renderer, old);
}

/* A country's outline in a given colour and width (the selection). */
static void outline_country(ui_app *a, int country, float width, SDL_Color c)
{
    const map_mesh_country *k = &a->mesh.countries[country];
    for (size_t o = k->first_outline; o < k->first_outline + k->outline_count; o++) {
        const map_outline *ol = &a->mesh.outlines[o];
        const SDL_FPoint *pts = a->drawer.lines + ol->first_vertex;
        draw_polyline(a->renderer, pts, (int)ol->vertex_count, width, c, 0, 0);
    }
}

static int overlaps(const SDL_Rect *placed, int n, SDL_Rect r)
{
    for (int i = 0; i < n; i++)
        if (SDL_HasIntersection(&placed[i], &r)) return 1;
    return 0;
}

/* Names of the scenario's nations, biggest on screen first, each placed
 * only where it overlaps no earlier label and the country is wide enough
 * to carry it (the selected and hovered nations always get theirs). Never
 * an ISO code: a country too small for its name shows it when hovered. */
static void draw_labels(ui_app *a)
{
    int n = cp_world_nation_count(a->world);
    int order[CP_MAX_NATIONS];
    float size[CP_MAX_NATIONS];
    for (int i = 0; i < n; i++) {
        order[i] = i;
        int c = a->nation_country[i];
        size[i] = c >= 0 ? (a->mesh.countries[c].box.max_x - a->mesh.countries[c].box.min_x) *
                               a->mview.scale_px_per_unit
                         : 0;
        if (i == a->selected) size[i] = 1e9f;
        else if (i == a->hovered) size[i] = 1e8f;
    }
    for (int i = 1; i < n; i++) /* insertion sort, largest first */
        for (int j = i; j > 0 && size[order[j]] > size[order[j - 1]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    SDL_Rect placed[CP_MAX_NATIONS + 2];
    int np = 0;
    placed[np++] = a->lay.card;
    placed[np++] = a->lay.news;
    int lh = text_line_h(a->text, FONT_SMALL);
    for (int k = 0; k < n; k++) {
        int i = order[k];
        const cp_nation *nat = cp_world_nation(a->world, i);
        const char *name = nat->name;
        int w = text_width(a->text, FONT_SMALL, name);
        int must = i == a->selected || i == a->hovered;
        if (!must && size[i] < w * 0.6f) continue; /* too small for its name: hover it for the name */
        SDL_FPoint p = mapview_nation_px(a, i);
        SDL_Rect r = {(int)p.x - w / 2 - app_px(a, 4), (int)p.y - lh / 2 - app_px(a, 1),
                      w + app_px(a, 8), lh + app_px(a, 2)};
        if (!rect_has(a->map_area, (int)p.x, (int)p.y)) continue;
        if (!must && overlaps(placed, np, r)) continue;
        placed[np++] = r;
        /* opaque pills: translucent ones cost several times more to draw
         * in the software renderer, and read no better */
        draw_round(a->renderer, r, app_px(a, 4), i == a->selected ? RGBA(255, 255, 255, 255) : RGBA(16, 24, 34, 255));
        text_draw(a->text, FONT_SMALL, i == a->selected ? COL_TEXT_ON_ACCENT : COL_TEXT, name,
                  (int)p.x, r.y + app_px(a, 1), ALIGN_CENTER);
    }
}

/* Which country is under the mouse, unless a floating card covers it. */
static void pick(ui_app *a)
{
    a->hovered_country = -1;
    a->hovered = -1;
    if (!app_hover(a, a->map_area) || a->metric_menu || rect_has(a->lay.card, a->in.x, a->in.y) ||
        (a->show_news && rect_has(a->lay.news, a->in.x, a->in.y)))
        return;
    map_vec2 p = map_view_unproject(&a->mview, (float)a->in.x, (float)a->in.y);
    int c = map_mesh_country_at(&a->mesh, p.x, p.y);
    if (c >= 0 && (a->asset.countries[c].flags & MAP_FLAG_ANTARCTIC)) c = -1;
    a->hovered_country = c;
    a->hovered = c >= 0 ? a->country_nation[c] : -1;
}

static void hover_tip(ui_app *a)
{
    if (a->hovered_country < 0 || a->tip.active) return;
    SDL_Rect at = {a->in.x, a->in.y, 1, 1};
    if (a->hovered < 0) {
        app_tip_set(a, at, a->asset.countries[a->hovered_country].name,
                    "Not a player in this scenario: its trade is not modelled.");
        return;
    }
    char title[96], val[64], body[400];
    metric_title(a->metric, a->good, title, sizeof title);
    metric_format(a->metric, a->good, a->metric_vals[a->hovered], val, sizeof val);
    /* rank among the nations the metric applies to */
    int rank = 1, of = 0;
    for (int i = 0; i < cp_world_nation_count(a->world); i++) {
        if (isnan(a->metric_vals[i])) continue;
        of++;
        if (a->metric_vals[i] > a->metric_vals[a->hovered]) rank++;
    }
    const cp_nation *n = cp_world_nation(a->world, a->hovered);
    if (isnan(a->metric_vals[a->hovered]))
        snprintf(body, sizeof body, "%s: %s\nClick for the nation's figures.", title, val);
    else
        snprintf(body, sizeof body, "%s: %s (rank %d of %d)\nClick for the nation's figures.", title,
                 val, rank, of);
    app_tip_set(a, at, n->name, body);
}

/* The map's still layer: sea, graticule, countries, borders and the
 * selection's outline, clipped to the map area. */
static void draw_still(ui_app *a)
{
    SDL_Renderer *r = a->renderer;
    SDL_RenderSetClipRect(r, &a->map_area);
    draw_fill(r, a->map_area, COL_OCEAN);
    draw_globe(a);
    map_draw(&a->drawer, r, &a->mesh, &a->mview, country_colour, a, COL_BORDER_LINE);
    if (a->selected >= 0 && a->nation_country[a->selected] >= 0) {
        outline_country(a, a->nation_country[a->selected], (float)app_px(a, 3), RGBA(8, 14, 22, 255));
        outline_country(a, a->nation_country[a->selected], 1.6f * a->scale, COL_SELECT);
    }
}

/* The still layer is kept in a texture and drawn again only when
 * something it shows changes: the camera, the map area, the colours (turn,
 * metric, good), the country under the mouse, the selection. A frame that
 * only moves the mouse over one country, shows a tooltip or animates a
 * panel copies it. Without render targets it is drawn every frame. */
static struct {
    SDL_Renderer *renderer;
    SDL_Texture *tex;
    int w, h, valid;
    map_view view;
    SDL_Rect area;
    const cp_world *world;
    int turn, metric, good, hovered, selected;
    float scale;
} layer;

void mapview_invalidate(void)
{
    layer.valid = 0;
}

void mapview_release(SDL_Renderer *r)
{
    if (layer.renderer != r) return;
    if (layer.tex) SDL_DestroyTexture(layer.tex);
    memset(&layer, 0, sizeof layer);
}

static void draw_still_cached(ui_app *a)
{
    SDL_Renderer *r = a->renderer;
    if (layer.renderer != r || layer.w != a->out_w || layer.h != a->out_h) {
        if (layer.tex && layer.renderer == r) SDL_DestroyTexture(layer.tex);
        layer.tex = NULL;
        layer.renderer = r;
        layer.w = a->out_w;
        layer.h = a->out_h;
        layer.valid = 0;
        if (SDL_RenderTargetSupported(r))
            layer.tex = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, a->out_w, a->out_h);
        if (layer.tex) SDL_SetTextureBlendMode(layer.tex, SDL_BLENDMODE_NONE);
    }
    if (!layer.tex) {
        draw_still(a);
        return;
    }
    const map_view *v = &a->mview;
    /* while the camera moves the layer changes every frame: drawing it
     * straight to the screen saves the texture's extra copy; it is kept
     * again once the camera rests for a frame */
    static map_view last;
    int moving = last.scale_px_per_unit != v->scale_px_per_unit || last.offset_x_px != v->offset_x_px ||
                 last.offset_y_px != v->offset_y_px;
    last = *v;
    if (moving) {
        layer.valid = 0;
        draw_still(a);
        return;
    }
    int same = layer.valid && layer.view.scale_px_per_unit == v->scale_px_per_unit &&
               layer.view.offset_x_px == v->offset_x_px && layer.view.offset_y_px == v->offset_y_px &&
               SDL_RectEquals(&layer.area, &a->map_area) && layer.world == a->world &&
               layer.turn == a->metric_turn && layer.metric == a->metric_cached && layer.good == a->metric_good &&
               layer.hovered == a->hovered_country && layer.selected == a->selected && layer.scale == a->scale;
    if (!same) {
        if (SDL_SetRenderTarget(r, layer.tex) != 0) {
            draw_still(a);
            return;
        }
        draw_still(a);
        SDL_SetRenderTarget(r, NULL);
        layer.valid = 1;
        layer.view = *v;
        layer.area = a->map_area;
        layer.world = a->world;
        layer.turn = a->metric_turn;
        layer.metric = a->metric_cached;
        layer.good = a->metric_good;
        layer.hovered = a->hovered_country;
        layer.selected = a->selected;
        layer.scale = a->scale;
    }
    SDL_RenderCopy(r, layer.tex, &a->map_area, &a->map_area);
}

void mapview_draw(ui_app *a)
{
    SDL_Renderer *r = a->renderer;
    app_refresh_metric(a);
    pick(a);
    draw_still_cached(a);
    SDL_RenderSetClipRect(r, &a->map_area);
    if (a->show_flows) flows_draw(a);
    draw_labels(a);
    SDL_RenderSetClipRect(r, NULL);
    hover_tip(a);
    if (!a->metric_menu && !rect_has(a->lay.card, a->in.x, a->in.y) &&
        !(a->show_news && rect_has(a->lay.news, a->in.x, a->in.y)) && app_click(a, a->map_area))
        app_select(a, a->hovered);
}
