/* debrief_pipeline.c -- the debrief's capacity pipeline: how much capacity outside China
 * stood at each stage of its timeline (announced, permitting, construction, ramp-up) in
 * each quarter, against the capacity producing, from the start of the game to the end of
 * the scenario, so that the years between a decision and its output show.
 *
 * Stages come from the capacity timeline's model (tl_model.c): recorded turn by turn when
 * the window kept a log, otherwise reconstructed from each facility's planned stage
 * lengths; quarters after the current one are projected and drawn lighter.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "cmap.h"
#include "debrief_internal.h"
#include "draw.h"
#include "fmt.h"
#include "labels.h"
#include "palette.h"
#include "theme.h"

enum { MAX_TURNS = 512, BUILD_STAGES = CP_STAGE_RAMP_UP + 1 };

static char *fmt_tpy_axis(char *buf, size_t len, double v)
{
    char n[32];
    snprintf(buf, len, "%s", fmt_compact(n, sizeof n, v));
    return buf;
}

/* A plant already operating when the log first saw it: tl_spans cannot tell
 * since when (the core stops counting turns in the operating stage), but the
 * core's operating_turn can; the build stages before it get their planned
 * lengths. Returns the new number of spans in 'sp'. */
static int operating_since(const cp_facility *f, tl_span *sp, int n)
{
    if (n == 0 || f->stage != CP_STAGE_OPERATING || sp[0].stage != CP_STAGE_OPERATING ||
        sp[0].t0 != TL_UNKNOWN_START)
        return n;
    tl_span out[TL_MAX_SPANS];
    int m = 0, t = f->operating_turn;
    for (int s = CP_STAGE_ANNOUNCED; s <= CP_STAGE_RAMP_UP; s++) {
        int before = 0; /* turns from the start of stage s to operation */
        for (int k = s; k <= CP_STAGE_RAMP_UP; k++) before += f->stage_turns[k] > 0 ? f->stage_turns[k] : 1;
        int len = f->stage_turns[s] > 0 ? f->stage_turns[s] : 1;
        out[m++] = (tl_span){(cp_stage)s, t - before, t - before + len, 0, 1};
    }
    sp[0].t0 = t;
    for (int k = 0; k < n && m < TL_MAX_SPANS; k++) out[m++] = sp[k];
    memcpy(sp, out, sizeof(tl_span) * (size_t)m);
    return m;
}

/* Capacity (t/yr) by build stage [t][stage] and producing [t] for facilities
 * of 'kind' outside 'china', for turns 0..X-1. */
static void tally(const ui_app *a, const tl_log *log, cp_facility_kind kind, int china, int X,
                  double (*stage)[BUILD_STAGES], double *producing)
{
    const cp_world *w = a->world;
    int listed = cp_world_scenario(w)->facility_count;
    for (int t = 0; t < X; t++) {
        memset(stage[t], 0, sizeof stage[t]);
        producing[t] = 0;
    }
    for (int id = 0; id < cp_world_facility_count(w); id++) {
        const cp_facility *f = cp_world_facility(w, id);
        if (f->kind != kind || f->host == china) continue;
        tl_span sp[TL_MAX_SPANS];
        int n = operating_since(f, sp, tl_spans(log, w, id, sp));
        /* a plant decided in the game did not exist before its decision */
        int born = id >= listed ? f->start_turn : -(1 << 20);
        for (int k = 0; k < n; k++) {
            int t0 = sp[k].t0 < born ? born : sp[k].t0, t1 = sp[k].t1;
            if (t0 < 0) t0 = 0;
            if (t1 > X) t1 = X;
            for (int t = t0; t < t1; t++) {
                if (sp[k].stage <= CP_STAGE_RAMP_UP) stage[t][sp[k].stage] += f->capacity_t_per_yr;
                if (sp[k].stage == CP_STAGE_RAMP_UP || sp[k].stage == CP_STAGE_OPERATING)
                    producing[t] += f->capacity_t_per_yr;
            }
        }
    }
}

static void panel(ui_app *a, SDL_Rect rc, const tl_log *log, cp_facility_kind kind, int china, const dbf_figures *fig)
{
    static const char *titles[CP_FAC_KIND_COUNT] = {"Mines (t REO a year)", "Separation plants (t REO a year)",
                                                    "Magnet plants (t NdFeB a year)",
                                                    "Heavy lines (t Dy/Tb a year)"};
    /* the whole scenario, and at least five years past now: the projection is the point */
    int T = cp_world_turn(a->world), X = cp_world_scenario(a->world)->default_turns;
    if (X < T + 21) X = T + 21;
    if (X > MAX_TURNS) X = MAX_TURNS;
    static double stage[MAX_TURNS][BUILD_STAGES], producing[MAX_TURNS];
    tally(a, log, kind, china, X, stage, producing);
    double top = 0;
    for (int t = 0; t < X; t++) {
        double s = 0;
        for (int k = 0; k < BUILD_STAGES; k++) s += stage[t][k];
        top = fmax(top, fmax(s, producing[t]));
    }
    char sub[200], fit[200], c1[32], c2[32];
    snprintf(sub, sizeof sub, "New: %d decided (%s t/yr), %d producing (%s t/yr)",
             fig->decided_count[kind], fmt_compact(c1, sizeof c1, fig->decided_t_per_yr[kind]), fig->online_count[kind],
             fmt_compact(c2, sizeof c2, fig->online_t_per_yr[kind]));
    text_fit(a->text, FONT_SMALL, sub, rc.w - app_px(a, 28), fit, sizeof fit);
    SDL_Rect area = chart_card(a, rc, titles[kind], fit);
    chart_axes ax = {chart_plot_rect(a, area), 0, X, 0, scale_nice_ceil(top > 0 ? top * 1.08 : 1)};
    chart_axes_draw(a, &ax, fmt_tpy_axis, T);
    SDL_Color colours[BUILD_STAGES];
    for (int k = 0; k < BUILD_STAGES; k++) colours[k] = palette_stage((cp_stage)k);
    for (int t = 0; t < X; t++) chart_column(a, &ax, t, stage[t], colours, BUILD_STAGES);
    /* the projection: hatched over */
    if (T + 1 < X) {
        int x0 = (int)lroundf(chart_x(&ax, T + 1));
        SDL_Rect proj = {x0, ax.plot.y, ax.plot.x + ax.plot.w - x0, ax.plot.h};
        draw_hatch(a->renderer, proj, app_px(a, 7), RGBA(20, 29, 41, 150));
    }
    /* producing: solid up to now, dashed after */
    static double line[MAX_TURNS];
    for (int t = 0; t < X; t++) line[t] = t <= T ? producing[t] : NAN;
    SDL_Color op = palette_stage(CP_STAGE_OPERATING);
    chart_line(a, &ax, line, X, op, 3.0f * a->scale);
    SDL_FPoint pts[MAX_TURNS];
    int np = 0;
    for (int t = T; t < X; t++) pts[np++] = (SDL_FPoint){chart_x(&ax, t + 0.5), chart_y(&ax, producing[t])};
    if (np > 1) draw_polyline(a->renderer, pts, np, 2.0f * a->scale, op, 6.0f * a->scale, 4.0f * a->scale);
    if (T + 1 < X) {
        int x = (int)lroundf(chart_x(&ax, T + 1)) + app_px(a, 4);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, "projected \xE2\x86\x92", x, ax.plot.y + app_px(a, 2), ALIGN_LEFT);
    }
    if (top <= 0)
        text_draw(a->text, FONT_BODY, app_ink(a)->text_muted, "None outside China", ax.plot.x + ax.plot.w / 2,
                  ax.plot.y + ax.plot.h / 2, ALIGN_CENTER);
}

void dbc_pipeline(ui_app *a, const tl_log *log)
{
    const cp_world *w = a->world;
    int china = cp_world_find_nation(w, "CHN");
    dbf_figures fig;
    dbf_compute(w, &fig);
    int y = dbc_header(a, china >= 0 ? "The capacity pipeline outside China" : "The capacity pipeline",
                       "Capacity in each stage of its timeline, each quarter");
    int pad = app_px(a, 18), gap = app_px(a, 12);
    const char *labels[BUILD_STAGES + 1];
    SDL_Color colours[BUILD_STAGES + 1];
    for (int k = 0; k < BUILD_STAGES; k++) {
        labels[k] = label_stage((cp_stage)k);
        colours[k] = palette_stage((cp_stage)k);
    }
    /* the keys: stages as swatches, then the producing line */
    SDL_Rect keys = {pad, y, a->out_w - 2 * pad, 0};
    int kh = chart_keys(a, keys, labels, colours, BUILD_STAGES, 0);
    int kx = pad;
    for (int k = 0; k < BUILD_STAGES; k++)
        kx += text_width(a->text, FONT_SMALL, labels[k]) + app_px(a, 17) + app_px(a, 14);
    chart_key(a, kx, y, palette_stage(CP_STAGE_OPERATING), "Producing (ramp-up and operating; dashed: projected)", 1);
    y += kh + app_px(a, 10);
    int pw = (a->out_w - 2 * pad - (CP_FAC_KIND_COUNT - 1) * gap) / CP_FAC_KIND_COUNT,
        ph = a->out_h - y - app_px(a, 52);
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        panel(a, (SDL_Rect){pad + k * (pw + gap), y, pw, ph}, log, (cp_facility_kind)k, china, &fig);
    int sl = text_line_h(a->text, FONT_SMALL);
    text_draw(a->text, FONT_SMALL, app_ink(a)->text_dim,
              "A mine outside China takes about ten years from decision to ore, a separation plant about five, a "
              "magnet plant about two: a policy shock bites long before new capacity arrives.",
              pad, a->out_h - 2 * sl - app_px(a, 14), ALIGN_LEFT);
    dbc_footer(a, "Source: every facility's timeline (facilities.csv). Stages before the first recorded quarter are "
                  "reconstructed from planned lengths; hatched quarters are projected.");
}
