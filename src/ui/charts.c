/* charts.c -- the charts view: price history with policy events, supply shares, shortages by sector, markets. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "cmap.h"
#include "draw.h"
#include "fmt.h"
#include "labels.h"
#include "palette.h"
#include "sbuf.h"
#include "theme.h"
#include "views.h"

enum { MAX_TURNS = 512, TOP_NATIONS = 6 };

/* The price chart's geometry of the last frame, for the render tests. */
static chart_axes last_price;

void charts_price_plot(const ui_app *a, SDL_Rect *plot, double *x0, double *x1, double *y0, double *y1)
{
    (void)a;
    *plot = last_price.plot;
    *x0 = last_price.x0;
    *x1 = last_price.x1;
    *y0 = last_price.y0;
    *y1 = last_price.y1;
}

/* The x axis runs from the start to two years past now (at least three
 * years in all), so that early quarters are wide enough to read and the
 * near future stays part of the picture; it stops growing at the end of the
 * scenario unless play continues past it. The capacity timeline is where
 * the whole decade shows. */
static int axis_turns(const ui_app *a)
{
    int t = cp_world_turn(a->world) + 1, n = a->scenario->default_turns;
    int want = t + 8 > 12 ? t + 8 : 12;
    if (want > n) want = n;
    return t > want ? t : want;
}

static double stage_output(const cp_nation_history *h, cp_facility_kind k)
{
    return k == CP_FAC_MINE ? h->mined_t : k == CP_FAC_SEPARATION ? h->separated_t
         : k == CP_FAC_HEAVY_SEPARATION ? h->heavy_separated_t : h->magnets_t;
}

/* The nation with the largest output of stage 'k' at the start: the
 * supplier whose prices the chart sets against the rest of the world. */
static int dominant_supplier(const cp_world *w, cp_facility_kind k)
{
    int best = 0;
    double top = -1;
    for (int i = 0; i < cp_world_nation_count(w); i++) {
        double v = stage_output(cp_world_nation_history(w, 0, i), k);
        if (v > top) top = v, best = i;
    }
    return best;
}

static char *fmt_price_axis(char *buf, size_t len, double v)
{
    snprintf(buf, len, v >= 1000 ? "$%.0fk" : v >= 10 || v == 0 ? "$%.0f" : "$%.1f", v >= 1000 ? v / 1000 : v);
    return buf;
}

static char *fmt_share_axis(char *buf, size_t len, double v)
{
    snprintf(buf, len, "%.0f%%", v * 100);
    return buf;
}

static char *fmt_tonnes_axis(char *buf, size_t len, double v)
{
    return fmt_compact(buf, len, v);
}

/* Every policy move and event on the time axis, under the plot's
 * baseline: a diamond for a quarter with policy moves on this good (or on
 * every good), a small grey diamond where the moves were on other goods
 * only, a dot for events. Hovering one lists that quarter's news, this
 * good's moves first. */
static void event_markers(ui_app *a, const chart_axes *ax, cp_good g)
{
    const cp_world *w = a->world;
    int T = cp_world_turn(w);
    unsigned char policy_this[MAX_TURNS] = {0}, policy_other[MAX_TURNS] = {0}, has_event[MAX_TURNS] = {0};
    for (int i = 0; i < cp_world_news_count(w); i++) {
        const cp_news *n = cp_world_news(w, i);
        if (n->turn < 0 || n->turn >= MAX_TURNS) continue;
        if (n->kind == CP_NEWS_POLICY) {
            if (n->good == (int)g || n->good < 0) policy_this[n->turn] = 1;
            else policy_other[n->turn] = 1;
        }
        if (n->kind == CP_NEWS_EVENT) has_event[n->turn] = 1;
    }
    float base = (float)(ax->plot.y + ax->plot.h);
    float r = 5.0f * a->scale;
    int hover_turn = -1;
    SDL_Color tick = COL_WARN;
    tick.a = 40;
    for (int t = 0; t <= T && t < MAX_TURNS; t++) {
        float x = chart_x(ax, t + 0.5);
        if (policy_this[t]) {
            draw_vline(a->renderer, (int)x, ax->plot.y, (int)base, tick);
            draw_diamond(a->renderer, x, base - r - 2, r + 1, RGBA(8, 14, 22, 255));
            draw_diamond(a->renderer, x, base - r - 2, r, COL_WARN);
        } else if (policy_other[t]) {
            draw_diamond(a->renderer, x, base - r - 2, r * 0.6f, COL_TEXT_MUTED);
        }
        if (has_event[t]) draw_disc(a->renderer, x, base - 3 * r - 4, r * 0.75f, COL_BAD);
        if ((policy_this[t] || policy_other[t] || has_event[t]) && fabsf(a->in.x - x) <= r + 2 &&
            a->in.y >= base - 4 * r - 8 && a->in.y <= base + 2)
            hover_turn = t;
    }
    if (hover_turn < 0 || !app_hover(a, ax->plot)) return;
    char title[64], date[8], body[2048];
    snprintf(title, sizeof title, "News of %s", cp_world_date_text(w, hover_turn, date, sizeof date));
    sbuf b;
    sb_init(&b, body, sizeof body);
    int shown = 0, more = 0;
    /* this good's policy moves, then events, then other goods' moves */
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < cp_world_news_count(w); i++) {
            const cp_news *n = cp_world_news(w, i);
            if (n->turn != hover_turn) continue;
            int this_good = n->kind == CP_NEWS_POLICY && (n->good == (int)g || n->good < 0);
            int other = n->kind == CP_NEWS_POLICY && !this_good;
            if ((pass == 0 && !this_good) || (pass == 1 && n->kind != CP_NEWS_EVENT) || (pass == 2 && !other))
                continue;
            if (shown >= 12) {
                more++;
                continue;
            }
            sb_printf(&b, "%s%s %s", shown ? "\n" : "", n->kind == CP_NEWS_EVENT ? "\xE2\x97\x8F" : "\xE2\x97\x86",
                      n->text);
            shown++;
        }
    if (more) sb_printf(&b, "\n... and %d more in the news feed.", more);
    SDL_Rect at = {a->in.x, a->in.y, 1, 1};
    app_tip_set(a, at, title, body);
}

typedef struct {
    const char *name;
    SDL_Color colour;
    double v[MAX_TURNS];
} series;

/* World price, the dominant supplier's price, the rest of the world's
 * (weighted by demand) and the selected nation's, quarter by quarter. */
static void price_chart(ui_app *a, SDL_Rect rc)
{
    const cp_world *w = a->world;
    cp_good g = a->good;
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    int dom = dominant_supplier(w, label_stage_of_good(g));
    static series s[4];
    int ns = 0;
    char names[4][96];
    s[0].name = "World price";
    s[0].colour = COL_TEXT;
    snprintf(names[1], sizeof names[1], "Paid in %s", cp_world_nation(w, dom)->name);
    s[1].name = names[1];
    s[1].colour = RGBA(213, 94, 0, 255);
    s[2].name = "Paid elsewhere (average)";
    s[2].colour = COL_ACCENT;
    ns = 3;
    if (a->selected >= 0 && a->selected != dom) {
        snprintf(names[3], sizeof names[3], "Paid in %s", cp_world_nation(w, a->selected)->name);
        s[3].name = names[3];
        s[3].colour = RGBA(240, 228, 66, 255);
        ns = 4;
    }
    double top = 0;
    for (int t = 0; t <= T && t < MAX_TURNS; t++) {
        s[0].v[t] = cp_world_market_history(w, t, g)->world_price_usd_per_kg;
        s[1].v[t] = cp_world_nation_history(w, t, dom)->price_paid_usd_per_kg[g];
        double num = 0, den = 0;
        for (int i = 0; i < nn; i++) {
            if (i == dom) continue;
            const cp_nation_history *h = cp_world_nation_history(w, t, i);
            double wt = h->demand_good_t[g] + h->imports_t[g];
            num += wt * h->price_paid_usd_per_kg[g];
            den += wt;
        }
        s[2].v[t] = den > 0 ? num / den : NAN;
        if (ns == 4) s[3].v[t] = cp_world_nation_history(w, t, a->selected)->price_paid_usd_per_kg[g];
        for (int k = 0; k < ns; k++)
            if (!isnan(s[k].v[t]) && s[k].v[t] > top) top = s[k].v[t];
    }
    char title[96];
    snprintf(title, sizeof title, "Price of %s", label_good(g));
    SDL_Rect area = chart_card(a, rc, title, "USD per kg, each quarter \xC2\xB7 \xE2\x97\x86 policy moves \xC2\xB7 \xE2\x97\x8F events");
    const char *labels[4];
    SDL_Color colours[4];
    for (int k = 0; k < ns; k++) {
        labels[k] = s[k].name;
        colours[k] = s[k].colour;
    }
    int kh = chart_keys(a, area, labels, colours, ns, 1) + app_px(a, 6);
    area.y += kh;
    area.h -= kh;
    chart_axes ax = {chart_plot_rect(a, area), 0, axis_turns(a), 0, scale_nice_ceil(top * 1.08)};
    chart_axes_draw(a, &ax, fmt_price_axis, T);
    int n = T + 1 < MAX_TURNS ? T + 1 : MAX_TURNS;
    /* nations first, the world price last and thinner, so a nation whose
     * price is the world's (the dominant supplier's) still shows under it */
    for (int k = ns - 1; k >= 1; k--) chart_line(a, &ax, s[k].v, n, s[k].colour, 3.0f * a->scale);
    chart_line(a, &ax, s[0].v, n, s[0].colour, 1.5f * a->scale);
    last_price = ax;
    event_markers(a, &ax, g);
    /* crosshair with the quarter's values */
    int ht = chart_turn_at(&ax, a->in.x);
    if (!a->tip.active && ht >= 0 && ht <= T && app_hover(a, ax.plot)) {
        int xl = (int)chart_x(&ax, ht + 0.5);
        draw_vline(a->renderer, xl, ax.plot.y, ax.plot.y + ax.plot.h, COL_TEXT_MUTED);
        char date[8], body[600], v[32];
        sbuf b;
        sb_init(&b, body, sizeof body);
        for (int k = 0; k < ns; k++)
            sb_printf(&b, "%s%s: %s", k ? "\n" : "", s[k].name, fmt_usd_per_kg(v, sizeof v, s[k].v[ht]));
        sb_printf(&b, "\nWorld price: producers' prices weighted by output (core market history).");
        SDL_Rect at = {a->in.x, a->in.y, 1, 1};
        char t2[64];
        snprintf(t2, sizeof t2, "%s, %s", label_good(g), cp_world_date_text(a->world, ht, date, sizeof date));
        app_tip_set(a, at, t2, body);
    }
}

/* Shares of world output of the good's stage, stacked by nation (the top
 * six now, then the rest). */
static void supply_chart(ui_app *a, SDL_Rect rc)
{
    const cp_world *w = a->world;
    cp_facility_kind k = label_stage_of_good(a->good);
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    int top[TOP_NATIONS], ntop = 0;
    int used[CP_MAX_NATIONS] = {0};
    for (int r = 0; r < TOP_NATIONS; r++) {
        int best = -1;
        double bv = 0;
        for (int i = 0; i < nn; i++) {
            double v = stage_output(cp_world_nation_history(w, T, i), k);
            if (!used[i] && v > bv) bv = v, best = i;
        }
        if (best < 0) break;
        used[best] = 1;
        top[ntop++] = best;
    }
    static const char *stage_names[CP_FAC_KIND_COUNT] = {"mining", "separation", "magnet making",
                                                         "heavy separation (Dy/Tb)"};
    char title[96];
    snprintf(title, sizeof title, "Who supplies %s", stage_names[k]);
    SDL_Rect area = chart_card(a, rc, title, "Share of world output, each quarter, by nation");
    SDL_Color colours[TOP_NATIONS + 1];
    for (int i = 0; i < ntop; i++) colours[i] = palette_series(i);
    colours[ntop] = palette_other();
    const char *labels[TOP_NATIONS + 1];
    for (int i = 0; i < ntop; i++) labels[i] = cp_world_nation(w, top[i])->name;
    labels[ntop] = "Others";
    int used_h = chart_keys(a, area, labels, colours, ntop + 1, 0) + app_px(a, 6);
    area.y += used_h;
    area.h -= used_h;
    chart_axes ax = {chart_plot_rect(a, area), 0, axis_turns(a), 0, 1};
    chart_axes_draw(a, &ax, fmt_share_axis, T);
    for (int t = 0; t <= T && t < MAX_TURNS; t++) {
        double parts[TOP_NATIONS + 1], all = 0, shown = 0;
        for (int i = 0; i < nn; i++) all += stage_output(cp_world_nation_history(w, t, i), k);
        if (all <= 0) continue;
        for (int i = 0; i < ntop; i++) {
            parts[i] = stage_output(cp_world_nation_history(w, t, top[i]), k) / all;
            shown += parts[i];
        }
        parts[ntop] = 1 - shown;
        chart_column(a, &ax, t, parts, colours, ntop + 1);
    }
    int ht = chart_turn_at(&ax, a->in.x);
    if (ht >= 0 && ht <= T && app_hover(a, ax.plot)) {
        double all = 0;
        for (int i = 0; i < nn; i++) all += stage_output(cp_world_nation_history(w, ht, i), k);
        char body[800], date[8], v[32], t2[96];
        sbuf b;
        sb_init(&b, body, sizeof body);
        double shown = 0;
        for (int i = 0; i < ntop; i++) {
            double o = stage_output(cp_world_nation_history(w, ht, top[i]), k);
            shown += o;
            sb_printf(&b, "%s: %s (%s)\n", cp_world_nation(w, top[i])->name, fmt_share(v, sizeof v, all > 0 ? o / all : 0),
                      fmt_tonnes(t2, sizeof t2, o, k == CP_FAC_MAGNET ? "t" : label_kind_unit(k)));
        }
        sb_printf(&b, "Others: %s\nSource: nations' history rows (%s).", fmt_share(v, sizeof v, all > 0 ? 1 - shown / all : 0),
                  k == CP_FAC_MINE ? "ore mined" : k == CP_FAC_SEPARATION ? "ore separated" : "magnets made");
        snprintf(t2, sizeof t2, "Shares of %s, %s", stage_names[k], cp_world_date_text(w, ht, date, sizeof date));
        SDL_Rect at = {a->in.x, a->in.y, 1, 1};
        app_tip_set(a, at, t2, body);
    }
}

/* Unmet demand by sector, stacked, for the world or the selected nation. */
static void shortage_chart(ui_app *a, SDL_Rect rc)
{
    const cp_world *w = a->world;
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    char title[128];
    if (a->selected >= 0) snprintf(title, sizeof title, "Shortages by sector \xC2\xB7 %s", cp_world_nation(w, a->selected)->name);
    else snprintf(title, sizeof title, "Shortages by sector \xC2\xB7 world");
    SDL_Rect area = chart_card(a, rc, title, "Tonnes of oxides and magnets a sector needed and did not get, each quarter");
    SDL_Color colours[CP_SECTOR_COUNT];
    const char *labels[CP_SECTOR_COUNT];
    int lh = text_line_h(a->text, FONT_SMALL);
    for (int s = 0; s < CP_SECTOR_COUNT; s++) {
        colours[s] = palette_sector((cp_sector)s);
        labels[s] = label_sector((cp_sector)s);
    }
    int kh = chart_keys(a, area, labels, colours, CP_SECTOR_COUNT, 0) + app_px(a, 6);
    area.y += kh;
    area.h -= kh;
    static double parts[MAX_TURNS][CP_SECTOR_COUNT];
    double top = 0;
    for (int t = 0; t <= T && t < MAX_TURNS; t++) {
        double sum = 0;
        for (int s = 0; s < CP_SECTOR_COUNT; s++) {
            parts[t][s] = 0;
            for (int i = 0; i < nn; i++) {
                if (a->selected >= 0 && i != a->selected) continue;
                parts[t][s] += cp_world_nation_history(w, t, i)->sector_shortage_t[s];
            }
            sum += parts[t][s];
        }
        if (sum > top) top = sum;
    }
    chart_axes ax = {chart_plot_rect(a, area), 0, axis_turns(a), 0, scale_nice_ceil(top > 0 ? top * 1.05 : 1)};
    chart_axes_draw(a, &ax, fmt_tonnes_axis, T);
    for (int t = 0; t <= T && t < MAX_TURNS; t++) chart_column(a, &ax, t, parts[t], colours, CP_SECTOR_COUNT);
    if (top <= 0)
        text_draw(a->text, FONT_BODY, COL_TEXT_MUTED, "No shortages so far", ax.plot.x + ax.plot.w / 2,
                  ax.plot.y + ax.plot.h / 2 - lh, ALIGN_CENTER);
    int ht = chart_turn_at(&ax, a->in.x);
    if (ht >= 0 && ht <= T && app_hover(a, ax.plot)) {
        char body[600], date[8], v[48], t2[96];
        sbuf b;
        sb_init(&b, body, sizeof body);
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            sb_printf(&b, "%s: %s\n", label_sector((cp_sector)s), fmt_tonnes(v, sizeof v, parts[ht][s], "t"));
        sb_printf(&b, "Source: nations' history rows (sector shortages). Defense is served first, and "
                      "never from licensed imports.");
        snprintf(t2, sizeof t2, "Shortages, %s", cp_world_date_text(w, ht, date, sizeof date));
        SDL_Rect at = {a->in.x, a->in.y, 1, 1};
        app_tip_set(a, at, t2, body);
    }
}

/* A table of the four markets this quarter; a row click picks the good. */
static void market_table(ui_app *a, SDL_Rect rc)
{
    const cp_world *w = a->world;
    int T = cp_world_turn(w);
    SDL_Rect area = chart_card(a, rc, "Markets this quarter", "World figures; tonnes of REO (magnets: t NdFeB)");
    static const char *cols[] = {"Good", "$/kg", "Change", "Output", "Traded", "Unmet"};
    /* Each column as wide as its header or its widest value, with a gap; right-aligned from
     * the card's right edge. Where six do not fit (a small window, the panel open), the change
     * and the trade go, then the output: what is left out is in each row's tooltip. Headers
     * never run together. */
    static const char *const samples[] = {"Magnets", "$1,234", "+12.3%", "999.9k", "999.9k", "999.9k"};
    int colw[6], gap = app_px(a, 14);
    for (int c = 0; c < 6; c++) {
        int hw = text_width(a->text, FONT_SMALL, cols[c]), vw = text_width(a->text, FONT_BODY_BOLD, samples[c]);
        colw[c] = (hw > vw ? hw : vw) + (c ? gap : 0);
    }
    int show[6] = {1, 1, 1, 1, 1, 1};
    int total = colw[0] + colw[1] + colw[2] + colw[3] + colw[4] + colw[5];
    if (total > area.w) show[2] = show[4] = 0, total -= colw[2] + colw[4];
    if (total > area.w) show[3] = 0, total -= colw[3];
    int narrow = !show[2];
    int cx[6];
    cx[0] = area.x;
    int right = area.x + area.w;
    for (int c = 5; c >= 1; c--) {
        cx[c] = right;
        if (show[c]) right -= colw[c];
    }
    int lh = text_line_h(a->text, FONT_SMALL);
    for (int c = 0; c < 6; c++)
        if (show[c])
            text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, cols[c], c == 0 ? cx[0] : cx[c], area.y, c == 0 ? ALIGN_LEFT : ALIGN_RIGHT);
    int y = area.y + lh + app_px(a, 6);
    draw_hline(a->renderer, area.x, area.x + area.w, y - app_px(a, 3), COL_BORDER);
    int rh = (area.y + area.h - lh - app_px(a, 4) - y) / CP_GOOD_COUNT; /* the note keeps its line */
    if (rh > app_px(a, 34)) rh = app_px(a, 34);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        const cp_market_history *m = cp_world_market_history(w, T, (cp_good)g);
        const cp_market_history *p = T > 0 ? cp_world_market_history(w, T - 1, (cp_good)g) : NULL;
        SDL_Rect row = {area.x - app_px(a, 6), y, area.w + app_px(a, 12), rh};
        int hover = app_hover(a, row);
        if ((int)a->good == g) draw_round(a->renderer, row, app_px(a, 4), COL_PANEL_HOVER);
        else if (hover) draw_round(a->renderer, row, app_px(a, 4), COL_PANEL_RAISED);
        int ty = y + (rh - text_line_h(a->text, FONT_BODY)) / 2;
        char v[48];
        const char *unit = g == CP_MAGNET ? "t" : "t REO";
        snprintf(v, sizeof v, m->world_price_usd_per_kg >= 1000 || narrow ? "$%.0f" : "$%.2f", m->world_price_usd_per_kg);
        /* the good's name up to its price, cut where they would touch */
        char gname[32];
        font_id gf = (int)a->good == g ? FONT_BODY_BOLD : FONT_BODY;
        text_fit(a->text, gf, label_good_short((cp_good)g), cx[1] - text_width(a->text, FONT_BODY, v) - app_px(a, 6) - cx[0],
                 gname, sizeof gname);
        text_draw(a->text, gf, COL_TEXT, gname, cx[0], ty, ALIGN_LEFT);
        text_draw(a->text, FONT_BODY, COL_TEXT, v, cx[1], ty, ALIGN_RIGHT);
        SDL_Color chc = COL_TEXT_MUTED;
        if (p) {
            fmt_change(v, sizeof v, p->world_price_usd_per_kg, m->world_price_usd_per_kg);
            if (m->world_price_usd_per_kg > p->world_price_usd_per_kg * 1.0005) chc = COL_BAD;
            else if (m->world_price_usd_per_kg < p->world_price_usd_per_kg * 0.9995) chc = COL_GOOD;
        } else {
            snprintf(v, sizeof v, "\xE2\x80\x93");
        }
        if (!narrow) text_draw(a->text, FONT_BODY, chc, v, cx[2], ty, ALIGN_RIGHT);
        if (show[3]) text_draw(a->text, FONT_BODY, COL_TEXT, fmt_compact(v, sizeof v, m->production_t), cx[3], ty, ALIGN_RIGHT);
        if (!narrow) text_draw(a->text, FONT_BODY, COL_TEXT, fmt_compact(v, sizeof v, m->traded_t), cx[4], ty, ALIGN_RIGHT);
        text_draw(a->text, FONT_BODY, m->shortage_t > 0.5 ? COL_BAD : COL_TEXT, fmt_compact(v, sizeof v, m->shortage_t), cx[5], ty, ALIGN_RIGHT);
        if (hover) {
            char body[700], a1[48], a2[48], a3[48], a4[48];
            snprintf(body, sizeof body,
                     "World price: %s (producers' prices weighted by output).\nProduced: %s this quarter.\n"
                     "Traded across borders: %s.\nFinal demand unmet: %s.\nClick to follow this good in every view.",
                     fmt_usd_per_kg(a1, sizeof a1, m->world_price_usd_per_kg), fmt_tonnes(a2, sizeof a2, m->production_t, unit),
                     fmt_tonnes(a3, sizeof a3, m->traded_t, unit), fmt_tonnes(a4, sizeof a4, m->shortage_t, unit));
            app_tip_set(a, row, label_good((cp_good)g), body);
        }
        if (app_click(a, row)) a->good = (cp_good)g;
        y += rh;
    }
    char note[160];
    text_fit(a->text, FONT_SMALL, "Per quarter. Click a row to follow that good.", area.w, note,
             sizeof note);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, note, area.x, area.y + area.h - lh, ALIGN_LEFT);
}

void charts_draw(ui_app *a)
{
    SDL_Rect m = a->lay.main;
    draw_fill(a->renderer, m, COL_OCEAN);
    int pad = app_px(a, 14), gap = app_px(a, 12);
    int w1 = (m.w - 2 * pad - gap) * 58 / 100, w2 = m.w - 2 * pad - gap - w1;
    int h1 = (m.h - 2 * pad - gap) * 56 / 100, h2 = m.h - 2 * pad - gap - h1;
    SDL_Rect price = {m.x + pad, m.y + pad, w1, h1};
    SDL_Rect supply = {price.x + w1 + gap, price.y, w2, h1};
    SDL_Rect shortage = {price.x, price.y + h1 + gap, w1, h2};
    SDL_Rect markets = {supply.x, shortage.y, w2, h2};
    price_chart(a, price);
    supply_chart(a, supply);
    shortage_chart(a, shortage);
    market_table(a, markets);
}
