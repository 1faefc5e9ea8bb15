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

/* Each route bends to the left of its direction of travel, so that A->B
 * and B->A never lie on top of each other. Routes are drawn largest first
 * so thin ones stay visible on top; an arrowhead near the buyer shows the
 * direction. The route nearest the mouse gets a tooltip. */
void flows_draw(ui_app *a)
{
    static route routes[FLOWS_MAX];
    double max_t;
    int n = flows_collect(a->world, a->good, routes, &max_t);
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
        float width = (float)((1.2 + 8.0 * (max_t > 0 ? sqrt(r->tonnes / max_t) : 0)) * a->scale);
        SDL_Color c;
        float dash, gap;
        route_style(r->kind, &c, &dash, &gap, a->scale);
        /* a dark casing under the line keeps it readable on bright fills */
        draw_polyline(a->renderer, pts, CURVE_POINTS - 2, width + 2 * a->scale, RGBA(8, 14, 22, 110), dash, gap);
        draw_polyline(a->renderer, pts, CURVE_POINTS - 2, width, c, dash, gap);
        /* arrowhead along the tangent near the buyer */
        SDL_FPoint tip = pts[CURVE_POINTS - 2], back = pts[CURVE_POINTS - 4];
        float tx = tip.x - back.x, ty = tip.y - back.y, tl = sqrtf(tx * tx + ty * ty);
        if (tl > 0.01f) {
            tx /= tl;
            ty /= tl;
            float h = width * 1.2f + 5 * a->scale, hw = width * 0.9f + 3.5f * a->scale;
            SDL_FPoint head = {tip.x + tx * h * 0.5f, tip.y + ty * h * 0.5f};
            SDL_FPoint l = {tip.x - tx * h * 0.5f - ty * hw, tip.y - ty * h * 0.5f + tx * hw};
            SDL_FPoint rr = {tip.x - tx * h * 0.5f + ty * hw, tip.y - ty * h * 0.5f - tx * hw};
            SDL_Color hc = c;
            hc.a = 255;
            draw_triangle(a->renderer, head, l, rr, hc);
        }
        if (mouse_on_map) {
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
        snprintf(body, sizeof body, "%s shipped this quarter (market flow, core).\n%s%s", tonnes, rule, susp);
        SDL_Rect at = {a->in.x, a->in.y, 1, 1};
        app_tip_set(a, at, title, body);
    }
}
