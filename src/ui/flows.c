/* flows.c -- draw the selected good's trade flows as curved lines whose width shows tonnes. */
#include "flows.h"

#include <math.h>
#include <stdio.h>

#include "draw.h"
#include "fmt.h"
#include "labels.h"
#include "theme.h"
#include "views.h"

enum { CURVE_POINTS = 24 };

/* The colour and dash of each kind of route: open routes light and solid,
 * licensed ones orange with long dashes, banned ones red with short dashes
 * (dash patterns tell them apart without colour vision). */
static void route_style(route_kind k, SDL_Color *c, float *dash, float *gap, float px_scale)
{
    *dash = *gap = 0;
    switch (k) {
    case ROUTE_LICENSED:
        *c = RGBA(230, 159, 0, 225);
        *dash = 10 * px_scale;
        *gap = 5 * px_scale;
        break;
    case ROUTE_BANNED:
        *c = RGBA(235, 80, 70, 235);
        *dash = 4 * px_scale;
        *gap = 4 * px_scale;
        break;
    default:
        *c = COL_FLOW_OPEN;
        break;
    }
}

static float seg_dist2(SDL_FPoint p, SDL_FPoint a, SDL_FPoint b)
{
    float dx = b.x - a.x, dy = b.y - a.y;
    float l2 = dx * dx + dy * dy;
    float t = l2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2 : 0;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    float x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
    return x * x + y * y;
}

const flows_set *flows_shown(ui_app *a)
{
    static flows_set set;
    static const cp_world *for_world;
    static int for_turn = -1, for_good = -1, for_focus = -2, for_news = -1;
    int t = cp_world_turn(a->world), news = cp_world_news_count(a->world);
    /* the news count catches what changes rules between turns (a
     * teacher's injected event, a deal answered) */
    if (for_world != a->world || for_turn != t || for_good != (int)a->good || for_focus != a->selected ||
        for_news != news) {
        flows_collect(a->world, a->good, a->selected, &set);
        for_world = a->world;
        for_news = news;
        for_turn = t;
        for_good = (int)a->good;
        for_focus = a->selected;
    }
    return &set;
}

/* Each route bends to the left of its direction of travel, so that A->B
 * and B->A never lie on top of each other. Width grows linearly with
 * tonnes (the largest route shown is the widest), so two routes compare at
 * a glance; banned routes keep a thin line whatever leaks through. Routes
 * are drawn largest first so thin ones stay visible on top; with a nation
 * selected, routes that do not touch it fade. An arrowhead near the buyer
 * shows the direction. The route nearest the mouse gets a tooltip. */
void flows_draw(ui_app *a)
{
    const flows_set *set = flows_shown(a);
    const route *routes = set->r;
    int n = set->count;
    double max_t = set->max_t;
    SDL_FPoint mouse = {(float)a->in.x, (float)a->in.y};
    int near = -1;
    float near_d2 = (float)(app_px(a, 6) * app_px(a, 6));
    int mouse_on_map = app_hover(a, a->map_area) && !rect_has(a->lay.card, a->in.x, a->in.y) &&
                       !(a->show_news && rect_has(a->lay.news, a->in.x, a->in.y));
    for (int k = 0; k < n; k++) {
        const route *r = &routes[k];
        SDL_FPoint p0 = mapview_nation_px(a, r->from), p2 = mapview_nation_px(a, r->to);
        float dx = p2.x - p0.x, dy = p2.y - p0.y;
        float len = sqrtf(dx * dx + dy * dy);
        if (len < 2) continue;
        SDL_FPoint ctl = {(p0.x + p2.x) / 2 + dy / len * len * 0.2f, (p0.y + p2.y) / 2 - dx / len * len * 0.2f};
        SDL_FPoint pts[CURVE_POINTS];
        draw_bezier_points(p0, ctl, p2, pts, CURVE_POINTS);
        double share = max_t > 0 ? r->tonnes / max_t : 0;
        if (r->kind == ROUTE_BANNED) share = 0;
        float width = (float)((1.5 + 10.5 * share) * a->scale);
        SDL_Color c;
        float dash, gap;
        route_style(r->kind, &c, &dash, &gap, a->scale);
        /* Opaque colours: translucent triangles cost many times more in
         * the software renderer. A route that does not touch the selected
         * nation is mixed towards the sea's colour instead of faded. */
        int faded = a->selected >= 0 && r->from != a->selected && r->to != a->selected;
        c.a = 255;
        if (faded) {
            c.r = (Uint8)(c.r * 0.35f + 18 * 0.65f);
            c.g = (Uint8)(c.g * 0.35f + 31 * 0.65f);
            c.b = (Uint8)(c.b * 0.35f + 46 * 0.65f);
        }
        /* a dark casing under the line keeps it readable on bright fills */
        if (!faded && width >= 2.5f * a->scale)
            draw_polyline(a->renderer, pts, CURVE_POINTS - 2, width + 2 * a->scale, RGBA(8, 14, 22, 255), dash, gap);
        draw_polyline(a->renderer, pts, CURVE_POINTS - 2, width, c, dash, gap);
        /* arrowhead along the tangent near the buyer */
        SDL_FPoint tip = pts[CURVE_POINTS - 2], back = pts[CURVE_POINTS - 4];
        float tx = tip.x - back.x, ty = tip.y - back.y, tl = sqrtf(tx * tx + ty * ty);
        if (tl > 0.01f) {
            tx /= tl;
            ty /= tl;
            float h = width * 0.9f + 6 * a->scale, hw = width * 0.7f + 3.5f * a->scale;
            SDL_FPoint head = {tip.x + tx * h * 0.5f, tip.y + ty * h * 0.5f};
            SDL_FPoint l = {tip.x - tx * h * 0.5f - ty * hw, tip.y - ty * h * 0.5f + tx * hw};
            SDL_FPoint rr = {tip.x - tx * h * 0.5f + ty * hw, tip.y - ty * h * 0.5f - tx * hw};
            SDL_Color hc = c;
            hc.a = 255;
            draw_triangle(a->renderer, head, l, rr, hc);
        }
        /* a banned route carries almost nothing, so its line is thin: a
         * "no entry" sign at its middle makes the ban itself visible */
        if (r->kind == ROUTE_BANNED) {
            SDL_FPoint m = pts[CURVE_POINTS / 2];
            float rad = 6.0f * a->scale;
            draw_disc(a->renderer, m.x, m.y, rad + a->scale, RGBA(8, 14, 22, 255));
            draw_disc(a->renderer, m.x, m.y, rad, faded ? c : RGBA(235, 80, 70, 255));
            draw_line(a->renderer, m.x - rad * 0.6f, m.y, m.x + rad * 0.6f, m.y, 2.0f * a->scale, RGBA(255, 255, 255, 255));
        }
        if (mouse_on_map && !faded) {
            for (int i = 0; i + 1 < CURVE_POINTS; i++) {
                float d2 = seg_dist2(mouse, pts[i], pts[i + 1]) - width * width / 4;
                if (d2 < near_d2) {
                    near_d2 = d2;
                    near = k;
                }
            }
        }
    }
    if (near >= 0) {
        const route *r = &routes[near];
        const cp_nation *f = cp_world_nation(a->world, r->from), *t = cp_world_nation(a->world, r->to);
        char title[160], tonnes[64], body[600], rule[200];
        snprintf(title, sizeof title, "%s \xE2\x86\x92 %s: %s", f->name, t->name, label_good(a->good));
        fmt_tonnes(tonnes, sizeof tonnes, r->tonnes, label_good_unit(a->good));
        if (r->kind == ROUTE_BANNED)
            snprintf(rule, sizeof rule, "%s bans these exports: only leakage through third countries "
                     "gets through.", f->name);
        else if (r->kind == ROUTE_LICENSED)
            snprintf(rule, sizeof rule, "%s licenses these exports: %.0f%% of requests approved, "
                     "never for defense use.", f->name, r->approval_share * 100);
        else
            snprintf(rule, sizeof rule, "No export control on this route.");
        char susp[96] = "";
        if (r->suspended_turns > 0)
            snprintf(susp, sizeof susp, "\nA stricter control is suspended for %d more quarter%s.",
                     r->suspended_turns, r->suspended_turns == 1 ? "" : "s");
        char share[32] = "";
        if (set->total_t > 0) snprintf(share, sizeof share, ", %.1f%% of the world's trade", 100 * r->tonnes / set->total_t);
        snprintf(body, sizeof body, "%s shipped this quarter%s (market flow, core).\n%s%s", tonnes, share, rule, susp);
        SDL_Rect at = {a->in.x, a->in.y, 1, 1};
        app_tip_set(a, at, title, body);
    }
}
