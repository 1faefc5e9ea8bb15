/* timeline.c -- the capacity timeline: a Gantt chart of every facility's stages, past and projected. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "explain.h"
#include "fmt.h"
#include "labels.h"
#include "palette.h"
#include "sbuf.h"
#include "theme.h"
#include "tl_model.h"
#include "views.h"
#include "widgets.h"

enum { ROW_H = 36, GROUP_H = 28, LABEL_W = 250 };

typedef struct {
    int x0, x1; /* turns on the axis */
    SDL_Rect bars;
} axis;

static float ax_x(const axis *ax, double t)
{
    return (float)(ax->bars.x + (t - ax->x0) / (double)(ax->x1 - ax->x0) * ax->bars.w);
}

static int wanted(const ui_app *a, const cp_facility *f)
{
    if (a->timeline_kind >= 0 && (int)f->kind != a->timeline_kind) return 0;
    if (!a->timeline_world && a->selected >= 0)
        return f->host == a->selected || f->funder == a->selected || f->cofunder == a->selected;
    return 1;
}

/* The axis runs from the earliest stage anyone knows of (at most twelve
 * years back) to past the last projected start of full output (at most
 * ten years past the scenario's end). */
static void axis_range(ui_app *a, int *x0, int *x1)
{
    int lo = -4, hi = a->scenario->default_turns;
    int T = cp_world_turn(a->world);
    if (T + 4 > hi) hi = T + 4;
    for (int i = 0; i < cp_world_facility_count(a->world); i++) {
        tl_span s[TL_MAX_SPANS];
        int n = tl_spans(&a->stages, a->world, i, s);
        for (int k = 0; k < n; k++) {
            if (s[k].t0 != TL_UNKNOWN_START && s[k].t0 < lo) lo = s[k].t0;
            if (s[k].stage == CP_STAGE_OPERATING && s[k].t0 + 4 > hi) hi = s[k].t0 + 4;
        }
    }
    if (lo < -48) lo = -48;
    if (hi > a->scenario->default_turns + 40 && hi > T + 8) hi = a->scenario->default_turns + 40 > T + 8 ? a->scenario->default_turns + 40 : T + 8;
    /* whole years */
    int y, q;
    cp_world_date(a->world, lo, &y, &q);
    lo -= q - 1;
    *x0 = lo;
    *x1 = hi;
}

/* Year labels along the top, thinned to fit, leaving room for the "now"
 * tag between 'skip_x0' and 'skip_x1'. */
static void year_axis(ui_app *a, const axis *ax, int top, int bottom, int skip_x0, int skip_x1)
{
    int y0, q0;
    cp_world_date(a->world, ax->x0, &y0, &q0);
    int label_w = text_width(a->text, FONT_SMALL, "2030") + app_px(a, 8);
    int years = (ax->x1 - ax->x0) / 4 + 1, step = 1;
    /* at most one label when even that does not fit (a tiny window leaves no width at all) */
    while (step < years && years / step * label_w > ax->bars.w) step++;
    for (int t = ax->x0; t <= ax->x1; t++) {
        int y, q;
        cp_world_date(a->world, t, &y, &q);
        if (q != 1) continue;
        int x = (int)ax_x(ax, t);
        draw_vline(a->renderer, x, top + text_line_h(a->text, FONT_SMALL), bottom, (y - y0) % (step * 5) == 0 ? COL_BORDER : COL_OCEAN_GRID);
        if ((y - y0) % step) continue;
        char buf[16];
        snprintf(buf, sizeof buf, "%d", y);
        int w = text_width(a->text, FONT_SMALL, buf);
        int lx = x + app_px(a, 3);
        if (lx + w > ax->bars.x + ax->bars.w + app_px(a, 8)) continue;
        if (lx + w > skip_x0 && lx < skip_x1) continue;
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, buf, lx, top, ALIGN_LEFT);
    }
}

static void span_tip(ui_app *a, int id, const tl_span *s, int op)
{
    char title[96], body[1600], d0[8], d1[8];
    explain_facility(a->world, id, op, title, sizeof title, body, sizeof body);
    char extra[400];
    sbuf b;
    sb_init(&b, extra, sizeof extra);
    sb_printf(&b, "%s", label_stage(s->stage));
    if (s->t0 == TL_UNKNOWN_START) sb_printf(&b, " since before the game");
    else sb_printf(&b, " from %s", cp_world_date_text(a->world, s->t0, d0, sizeof d0));
    if (s->t1 != TL_OPEN_END) {
        sb_printf(&b, " to %s", cp_world_date_text(a->world, s->t1, d1, sizeof d1));
        if (s->t0 != TL_UNKNOWN_START) sb_printf(&b, " (%d quarters)", s->t1 - s->t0);
    }
    sb_printf(&b, s->projected ? ": projected." : s->before_game ? ": before the game, from planned lengths." : ".");
    char all[2100];
    snprintf(all, sizeof all, "%s\n\n%s", extra, body);
    SDL_Rect at = {a->in.x, a->in.y, 1, 1};
    app_tip_set(a, at, title, all);
}

/* One facility's row: its label on the left, its spans as bars. Past
 * spans are solid, projected ones lighter and striped. */
static void facility_row(ui_app *a, const axis *ax, int id, int y, SDL_Rect clip)
{
    const cp_facility *f = cp_world_facility(a->world, id);
    int h = app_px(a, ROW_H);
    SDL_Rect row = {clip.x, y, clip.w, h};
    int hover = app_hover(a, row) && rect_has(clip, a->in.x, a->in.y);
    if (hover) draw_fill(a->renderer, row, RGBA(30, 42, 58, 160));
    char name[96], sub[128], cap[48];
    int lx = clip.x + app_px(a, 16);
    int lw = ax->bars.x - lx - app_px(a, 12);
    fmt_tonnes(cap, sizeof cap, f->capacity_t_per_yr, f->kind == CP_FAC_MAGNET ? "t" : label_kind_unit(f->kind));
    if (f->funder >= 0 && f->funder != f->host)
        snprintf(sub, sizeof sub, "%s \xC2\xB7 %s/yr \xC2\xB7 %s-funded", label_kind_short(f->kind), cap,
                 cp_world_nation(a->world, f->funder)->name);
    else
        snprintf(sub, sizeof sub, "%s \xC2\xB7 %s/yr", label_kind_short(f->kind), cap);
    text_fit(a->text, FONT_BODY, f->name, lw, name, sizeof name);
    int lh = text_line_h(a->text, FONT_BODY), sh = text_line_h(a->text, FONT_SMALL);
    int ty = y + (h - lh - sh) / 2;
    text_draw(a->text, FONT_BODY, COL_TEXT, name, lx, ty, ALIGN_LEFT);
    char subfit[128];
    text_fit(a->text, FONT_SMALL, sub, lw, subfit, sizeof subfit);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, subfit, lx, ty + lh, ALIGN_LEFT);

    tl_span s[TL_MAX_SPANS];
    int n = tl_spans(&a->stages, a->world, id, s);
    int op = tl_operating_turn(s, n);
    int by = y + app_px(a, 8), bh = h - app_px(a, 16);
    int hovered_span = -1;
    for (int k = 0; k < n; k++) {
        double t0 = s[k].t0 == TL_UNKNOWN_START ? ax->x0 : s[k].t0;
        double t1 = s[k].t1 == TL_OPEN_END ? ax->x1 : s[k].t1;
        if (t1 <= ax->x0 || t0 >= ax->x1) continue;
        if (t0 < ax->x0) t0 = ax->x0;
        if (t1 > ax->x1) t1 = ax->x1;
        int x0 = (int)lroundf(ax_x(ax, t0)), x1 = (int)lroundf(ax_x(ax, t1));
        if (x1 - x0 < 2) x1 = x0 + 2;
        SDL_Rect bar = {x0, by, x1 - x0, bh};
        SDL_Color c = palette_stage(s[k].stage);
        if (s[k].projected) {
            SDL_Color dim = c;
            dim.a = 90;
            draw_fill(a->renderer, bar, dim);
            SDL_Color st = c;
            st.a = 150;
            draw_hatch(a->renderer, bar, app_px(a, 6), st);
        } else {
            if (s[k].before_game) c.a = 200;
            draw_fill(a->renderer, bar, c);
        }
        if (hover && a->in.x >= x0 && a->in.x < x1) hovered_span = k;
    }
    /* a tick where full output starts */
    if (op != TL_OPEN_END && op != TL_UNKNOWN_START && op > ax->x0 && op < ax->x1) {
        int x = (int)lroundf(ax_x(ax, op));
        draw_fill(a->renderer, (SDL_Rect){x - 1, y + app_px(a, 2), 2, h - app_px(a, 4)}, COL_TEXT);
    }
    if (hovered_span >= 0) span_tip(a, id, &s[hovered_span], op);
    else if (hover) {
        char title[96], body[1600];
        explain_facility(a->world, id, op, title, sizeof title, body, sizeof body);
        app_tip_set(a, row, title, body);
    }
}

static void stage_legend(ui_app *a, int x, int y)
{
    static const cp_stage st[] = {CP_STAGE_ANNOUNCED, CP_STAGE_PERMITTING, CP_STAGE_CONSTRUCTION, CP_STAGE_RAMP_UP,
                                  CP_STAGE_OPERATING, CP_STAGE_IDLED};
    int s = app_px(a, 12), lh = text_line_h(a->text, FONT_SMALL);
    for (size_t i = 0; i < sizeof st / sizeof st[0]; i++) {
        SDL_Rect sw = {x, y + (lh - s) / 2, s, s};
        draw_fill(a->renderer, sw, palette_stage(st[i]));
        x += s + app_px(a, 5);
        x += text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, label_stage(st[i]), x, y, ALIGN_LEFT) + app_px(a, 14);
    }
    SDL_Rect proj = {x, y + (lh - s) / 2, app_px(a, 24), s};
    SDL_Color c = palette_stage(CP_STAGE_CONSTRUCTION);
    c.a = 90;
    draw_fill(a->renderer, proj, c);
    c.a = 150;
    draw_hatch(a->renderer, proj, app_px(a, 6), c);
    x += proj.w + app_px(a, 5);
    x += text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, "Projected", x, y, ALIGN_LEFT) + app_px(a, 14);
    draw_fill(a->renderer, (SDL_Rect){x, y + app_px(a, 1), 2, lh - app_px(a, 2)}, COL_TEXT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, "Full output", x + app_px(a, 7), y, ALIGN_LEFT);
}

void timeline_draw(ui_app *a)
{
    SDL_Rect m = a->lay.main;
    SDL_Renderer *r = a->renderer;
    draw_fill(r, m, COL_OCEAN);
    int pad = app_px(a, 16);
    const cp_world *w = a->world;
    int T = cp_world_turn(w);

    /* header: title, scope and kind filters, stage key */
    int y = m.y + app_px(a, 12);
    text_draw(a->text, FONT_HEAD, COL_TEXT, "Capacity timeline", m.x + pad, y, ALIGN_LEFT);
    char scope_name[96];
    snprintf(scope_name, sizeof scope_name, "%s", a->selected >= 0 ? cp_world_nation(w, a->selected)->name : "Selected nation");
    const char *scopes[2] = {"World", scope_name};
    const char *scope_tips[2] = {"Every facility in the scenario", "Facilities the selected nation hosts or funds (click a nation on the map)"};
    int sh = app_px(a, 28);
    int sw = wdg_segments_width(a, scopes, 2);
    const char *kinds[4] = {"All", "Mines", "Separation", "Magnets"};
    int kw = wdg_segments_width(a, kinds, 4);
    /* the filters sit beside the title where they fit, else on rows of their own under it */
    int title_w = text_width(a->text, FONT_HEAD, "Capacity timeline") + app_px(a, 16);
    int avail = m.w - 2 * pad;
    SDL_Rect seg, kseg;
    if (title_w + kw + app_px(a, 12) + sw <= avail) {
        seg = (SDL_Rect){m.x + m.w - pad - sw, y - app_px(a, 2), sw, sh};
        kseg = (SDL_Rect){seg.x - app_px(a, 12) - kw, seg.y, kw, sh};
        y += text_line_h(a->text, FONT_HEAD) + app_px(a, 4);
    } else {
        y += text_line_h(a->text, FONT_HEAD) + app_px(a, 6);
        kseg = (SDL_Rect){m.x + pad, y, kw < avail ? kw : avail, sh};
        if (kw + app_px(a, 12) + sw <= avail) seg = (SDL_Rect){kseg.x + kw + app_px(a, 12), y, sw, sh};
        else {
            y += sh + app_px(a, 6);
            seg = (SDL_Rect){m.x + pad, y, sw < avail ? sw : avail, sh};
        }
        y += sh + app_px(a, 8);
    }
    int hit = wdg_segments(a, seg, scopes, 2, a->timeline_world || a->selected < 0 ? 0 : 1, scope_tips);
    if (hit == 0) a->timeline_world = 1;
    if (hit == 1 && a->selected >= 0) a->timeline_world = 0;
    hit = wdg_segments(a, kseg, kinds, 4, a->timeline_kind + 1, NULL);
    if (hit >= 0) a->timeline_kind = hit - 1;
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED,
              "Past stages solid, projected stages striped. A new mine outside China takes about ten years from announcement to full output.",
              m.x + pad, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 8);
    stage_legend(a, m.x + pad, y);
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 12);

    axis ax;
    axis_range(a, &ax.x0, &ax.x1);
    int label_w = app_px(a, LABEL_W);
    SDL_Rect list = {m.x, y + text_line_h(a->text, FONT_SMALL) + app_px(a, 6), m.w, m.y + m.h - y - text_line_h(a->text, FONT_SMALL) - app_px(a, 6)};
    ax.bars = (SDL_Rect){m.x + label_w, list.y, m.w - label_w - pad, list.h};
    int nx = (int)lroundf(ax_x(&ax, T));
    char now[48], date[8];
    snprintf(now, sizeof now, "Now \xC2\xB7 %s", cp_world_date_text(w, T, date, sizeof date));
    int tw = text_width(a->text, FONT_SMALL, now) + app_px(a, 10);
    year_axis(a, &ax, y, list.y + list.h, nx - tw / 2 - app_px(a, 4), nx + tw / 2 + app_px(a, 4));
    draw_hline(r, m.x, m.x + m.w, list.y - 1, COL_BORDER);

    if (a->in.wheel != 0 && !a->in.wheel_used && app_hover(a, list)) {
        a->timeline_scroll -= (int)(a->in.wheel * app_px(a, 52));
        a->in.wheel_used = 1;
    }
    if (a->timeline_scroll > a->timeline_content_h - list.h) a->timeline_scroll = a->timeline_content_h - list.h;
    if (a->timeline_scroll < 0) a->timeline_scroll = 0;

    SDL_RenderSetClipRect(r, &list);
    int ry = list.y - a->timeline_scroll;
    int any = 0;
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        int header_done = 0;
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            for (int i = 0; i < cp_world_facility_count(w); i++) {
                const cp_facility *f = cp_world_facility(w, i);
                if (f->host != n || (int)f->kind != k || !wanted(a, f)) continue;
                if (!header_done) {
                    int gh = app_px(a, GROUP_H);
                    if (ry + gh >= list.y && ry < list.y + list.h) {
                        draw_fill(r, (SDL_Rect){m.x, ry, m.w, gh}, COL_PANEL_SOLID);
                        text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, cp_world_nation(w, n)->name, m.x + pad,
                                  ry + (gh - text_line_h(a->text, FONT_BODY_BOLD)) / 2, ALIGN_LEFT);
                    }
                    ry += gh;
                    header_done = 1;
                }
                if (ry + app_px(a, ROW_H) >= list.y && ry < list.y + list.h) facility_row(a, &ax, i, ry, list);
                ry += app_px(a, ROW_H);
                any = 1;
            }
    }
    if (!any)
        text_draw(a->text, FONT_BODY, COL_TEXT_MUTED, "No facilities match this view.", m.x + m.w / 2, list.y + app_px(a, 40), ALIGN_CENTER);
    a->timeline_content_h = ry + a->timeline_scroll - list.y + app_px(a, 12);
    /* now */
    draw_fill(r, (SDL_Rect){nx - 1, list.y, 2, list.h}, COL_ACCENT);
    SDL_RenderSetClipRect(r, NULL);
    SDL_Rect tag = {nx - tw / 2, list.y - text_line_h(a->text, FONT_SMALL) - app_px(a, 6), tw, text_line_h(a->text, FONT_SMALL) + app_px(a, 2)};
    draw_round(r, tag, app_px(a, 4), COL_ACCENT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_ON_ACCENT, now, nx, tag.y + app_px(a, 1), ALIGN_CENTER);
    /* scroll bar */
    if (a->timeline_content_h > list.h) {
        int track = list.h - app_px(a, 8);
        int th = track * list.h / a->timeline_content_h;
        int ty = list.y + app_px(a, 4) + (track - th) * a->timeline_scroll / (a->timeline_content_h - list.h);
        draw_round(r, (SDL_Rect){m.x + m.w - app_px(a, 7), ty, app_px(a, 4), th}, app_px(a, 2), COL_BORDER);
    }
}
