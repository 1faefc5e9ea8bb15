/* chart.c -- axes, lines and columns for the charts view, all in turns of one quarter. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cmap.h"
#include "draw.h"
#include "theme.h"

float chart_x(const chart_axes *ax, double turn)
{
    double span = ax->x1 - ax->x0;
    return (float)(ax->plot.x + (turn - ax->x0) / (span > 0 ? span : 1) * ax->plot.w);
}

float chart_y(const chart_axes *ax, double v)
{
    double span = ax->y1 - ax->y0;
    return (float)(ax->plot.y + ax->plot.h - (v - ax->y0) / (span > 0 ? span : 1) * ax->plot.h);
}

int chart_turn_at(const chart_axes *ax, int x_px)
{
    if (x_px < ax->plot.x || x_px >= ax->plot.x + ax->plot.w) return -1;
    double t = ax->x0 + (double)(x_px - ax->plot.x) / ax->plot.w * (ax->x1 - ax->x0);
    return (int)floor(t);
}

SDL_Rect chart_card(ui_app *a, SDL_Rect rc, const char *title, const char *subtitle)
{
    draw_panel(a->renderer, rc, app_px(a, 10), app_ink(a)->card, app_ink(a)->border);
    int pad = app_px(a, 14);
    /* a narrow card (a small window with the nation panel open) shortens
     * its title and subtitle with an ellipsis rather than running over */
    /* its title in a smaller bold face first, then cut; the whole title and subtitle are the
     * tooltip of a shortened heading */
    char fitted[256];
    font_id tf = text_width(a->text, FONT_HEAD, title) <= rc.w - 2 * pad ? FONT_HEAD : FONT_BODY_BOLD;
    text_fit(a->text, tf, title, rc.w - 2 * pad, fitted, sizeof fitted);
    int cut = strcmp(fitted, title) != 0;
    text_draw(a->text, tf, app_ink(a)->text, fitted, rc.x + pad, rc.y + app_px(a, 10), ALIGN_LEFT);
    int y = rc.y + app_px(a, 10) + text_line_h(a->text, FONT_HEAD);
    if (subtitle && subtitle[0]) {
        text_fit(a->text, FONT_SMALL, subtitle, rc.w - 2 * pad, fitted, sizeof fitted);
        cut |= strcmp(fitted, subtitle) != 0;
        text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, fitted, rc.x + pad, y, ALIGN_LEFT);
        y += text_line_h(a->text, FONT_SMALL);
    }
    SDL_Rect head = {rc.x, rc.y, rc.w, y - rc.y};
    if (cut && app_hover(a, head)) app_tip_set(a, head, title, subtitle && subtitle[0] ? subtitle : NULL);
    SDL_Rect area = {rc.x + pad, y + app_px(a, 8), rc.w - 2 * pad, rc.y + rc.h - y - app_px(a, 8) - app_px(a, 10)};
    return area;
}

SDL_Rect chart_plot_rect(ui_app *a, SDL_Rect area)
{
    int left = app_px(a, 52), bottom = text_line_h(a->text, FONT_SMALL) + app_px(a, 8);
    SDL_Rect p = {area.x + left, area.y + app_px(a, 4), area.w - left - app_px(a, 4), area.h - bottom - app_px(a, 4)};
    return p;
}

void chart_axes_draw(ui_app *a, const chart_axes *ax, chart_fmt yfmt, int now)
{
    SDL_Renderer *r = a->renderer;
    const SDL_Rect *p = &ax->plot;
    /* a window too small for the chart leaves no plot to label (the year labels' thinning
     * below would step on for ever against a width of 0 or less) */
    if (p->w <= 0 || p->h <= 0) return;
    double ticks[8];
    int max_ticks = p->h / app_px(a, 34) + 1;
    if (max_ticks > 6) max_ticks = 6;
    if (max_ticks < 2) max_ticks = 2;
    int nt = scale_axis_ticks(ax->y0, ax->y1, max_ticks, ticks, NULL);
    int lh = text_line_h(a->text, FONT_SMALL);
    for (int i = 0; i < nt; i++) {
        int y = (int)lroundf(chart_y(ax, ticks[i]));
        draw_hline(r, p->x, p->x + p->w, y, i == 0 && ticks[i] == 0 ? app_ink(a)->border : app_ink(a)->grid);
        char buf[32];
        yfmt(buf, sizeof buf, ticks[i]);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, buf, p->x - app_px(a, 6), y - lh / 2, ALIGN_RIGHT);
    }
    /* year labels where a year starts, thinned to fit */
    int year0, q0;
    cp_world_date(a->world, 0, &year0, &q0);
    int years = (int)((ax->x1 - ax->x0) / 4) + 1;
    int step = 1;
    int label_w = text_width(a->text, FONT_SMALL, "2030") + app_px(a, 10);
    while (step < years && years / step * label_w > p->w) step++;
    for (int t = (int)ceil(ax->x0); t <= (int)ax->x1; t++) {
        int y, q;
        cp_world_date(a->world, t, &y, &q);
        if (q != 1) continue;
        int x = (int)lroundf(chart_x(ax, t));
        draw_vline(r, x, p->y + p->h, p->y + p->h + app_px(a, 4), app_ink(a)->border);
        if ((y - year0) % step) continue;
        char buf[16];
        snprintf(buf, sizeof buf, "%d", y);
        if (x + app_px(a, 3) + text_width(a->text, FONT_SMALL, buf) > p->x + p->w) continue;
        text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, buf, x + app_px(a, 3), p->y + p->h + app_px(a, 4), ALIGN_LEFT);
    }
    if (now >= ax->x0 && now <= ax->x1) {
        int x = (int)lroundf(chart_x(ax, now + 1));
        SDL_Color c = app_ink(a)->text_muted;
        c.a = 160;
        for (int y = p->y; y < p->y + p->h; y += app_px(a, 6))
            draw_vline(r, x, y, y + app_px(a, 3), c);
    }
}

void chart_line(ui_app *a, const chart_axes *ax, const double *values, int n, SDL_Color c, float width_px)
{
    SDL_FPoint pts[512];
    int k = 0;
    for (int i = 0; i <= n; i++) {
        int ok = i < n && !isnan(values[i]) && k < 512;
        if (ok) {
            pts[k].x = chart_x(ax, i + 0.5);
            pts[k].y = chart_y(ax, values[i]);
            k++;
        }
        if (!ok || i == n) {
            if (k == 1) draw_disc(a->renderer, pts[0].x, pts[0].y, width_px * 1.4f, c);
            else if (k > 1) draw_polyline(a->renderer, pts, k, width_px, c, 0, 0);
            k = 0;
        }
    }
}

void chart_column(ui_app *a, const chart_axes *ax, int turn, const double *parts, const SDL_Color *colours, int k)
{
    float x0 = chart_x(ax, turn), x1 = chart_x(ax, turn + 1);
    float gap = (x1 - x0) > 6 ? 1.0f : 0.0f;
    double base = 0;
    for (int i = 0; i < k; i++) {
        if (!(parts[i] > 0)) continue;
        float ya = chart_y(ax, base), yb = chart_y(ax, base + parts[i]);
        SDL_FRect fr = {x0 + gap, yb, x1 - x0 - 2 * gap, ya - yb};
        SDL_SetRenderDrawColor(a->renderer, colours[i].r, colours[i].g, colours[i].b, colours[i].a);
        SDL_RenderFillRectF(a->renderer, &fr);
        if (a->ink && base > 0) { /* on paper, a hairline of the page between segments: greys of
                                   * neighbouring colours can match on a black-and-white print */
            SDL_Color p = a->ink->page;
            SDL_SetRenderDrawColor(a->renderer, p.r, p.g, p.b, 255);
            SDL_RenderDrawLineF(a->renderer, fr.x, ya - 0.5f, fr.x + fr.w - 1, ya - 0.5f);
        }
        base += parts[i];
    }
}

int chart_keys(ui_app *a, SDL_Rect area, const char *const *labels, const SDL_Color *colours, int n, int as_line)
{
    int x = area.x, y = area.y, lh = text_line_h(a->text, FONT_SMALL);
    for (int i = 0; i < n; i++) {
        int kw = text_width(a->text, FONT_SMALL, labels[i]) + app_px(a, as_line ? 21 : 17);
        if (x > area.x && x + kw > area.x + area.w) {
            x = area.x;
            y += lh + app_px(a, 3);
        }
        x += chart_key(a, x, y, colours[i], labels[i], as_line) + app_px(a, 14);
    }
    return y + lh - area.y;
}

int chart_key(ui_app *a, int x, int y, SDL_Color c, const char *label, int as_line)
{
    int s = app_px(a, 12);
    int lh = text_line_h(a->text, FONT_SMALL);
    if (as_line) {
        draw_line(a->renderer, (float)x, (float)(y + lh / 2), (float)(x + s + app_px(a, 4)), (float)(y + lh / 2),
                  2.5f * a->scale, c);
        s += app_px(a, 4);
    } else {
        SDL_Rect sw = {x, y + (lh - s) / 2, s, s};
        draw_round(a->renderer, sw, app_px(a, 2), c);
    }
    return s + app_px(a, 5) + text_draw(a->text, FONT_SMALL, app_ink(a)->text_dim, label, x + s + app_px(a, 5), y, ALIGN_LEFT);
}
