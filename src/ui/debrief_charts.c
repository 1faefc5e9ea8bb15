/* debrief_charts.c -- the debrief pack's pictures of a finished game: prices with the policy
 * moves marked, supply shares by stage, shortages by sector, and who paid each tariff.
 *
 * Each function draws one whole picture into a windowless renderer (debrief.c saves it as
 * PNG), with the window's chart blocks (chart.c) and palette, so that what students saw
 * in the game and what they take home look alike. Every picture says what it shows, in
 * which unit and where the figures come from, because it will be read away from the game.
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

enum { MAX_TURNS = 512, TOP_SUPPLIERS = 6 };

#define COL_CHINA RGBA(213, 94, 0, 255) /* Okabe-Ito vermillion */

int dbc_axis_turns(const ui_app *a)
{
    int t = cp_world_turn(a->world) + 1;
    return t > 8 ? t : 8; /* the quarters played, at least two years */
}

int dbc_header(ui_app *a, const char *title, const char *subtitle)
{
    draw_fill(a->renderer, (SDL_Rect){0, 0, a->out_w, a->out_h}, app_ink(a)->page);
    int pad = app_px(a, 18), y = app_px(a, 12);
    text_draw(a->text, FONT_TITLE, app_ink(a)->text, title, pad, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_TITLE);
    const cp_world *w = a->world;
    const cp_scenario *sc = cp_world_scenario(w);
    char line[400], d0[8], d1[8];
    snprintf(line, sizeof line, "%s%sScenario %s, seed %llu, %s to %s (turn %d)", subtitle ? subtitle : "",
             subtitle && subtitle[0] ? "  \xC2\xB7  " : "", sc->name, (unsigned long long)cp_world_seed(w),
             cp_world_date_text(w, 0, d0, sizeof d0), cp_world_date_text(w, cp_world_turn(w), d1, sizeof d1),
             cp_world_turn(w));
    text_draw(a->text, FONT_BODY, app_ink(a)->text_dim, line, pad, y + app_px(a, 2), ALIGN_LEFT);
    return y + text_line_h(a->text, FONT_BODY) + app_px(a, 10);
}

void dbc_footer(ui_app *a, const char *note)
{
    int lh = text_line_h(a->text, FONT_SMALL);
    text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, note, app_px(a, 18), a->out_h - lh - app_px(a, 8), ALIGN_LEFT);
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

static char *fmt_musd_axis(char *buf, size_t len, double v)
{
    char n[32];
    snprintf(buf, len, "$%s M", fmt_compact(n, sizeof n, v));
    return buf;
}

static char *fmt_tonnes_axis(char *buf, size_t len, double v)
{
    char n[32];
    snprintf(buf, len, "%s t", fmt_compact(n, sizeof n, v));
    return buf;
}

/* ---- prices ------------------------------------------------------------ */

/* 'text' in small type at ('x', 'y'), on one line or (when 'two' and it
 * needs them) two, broken at a space and cut with an ellipsis after that;
 * returns the lines used. */
static int two_lines(ui_app *a, const char *text, int x, int y, int w, int two)
{
    char buf[600], fit[600];
    if (!two || text_width(a->text, FONT_SMALL, text) <= w) {
        text_fit(a->text, FONT_SMALL, text, w, fit, sizeof fit);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text, fit, x, y, ALIGN_LEFT);
        return 1;
    }
    /* the longest first line that fits, ending at a space */
    snprintf(buf, sizeof buf, "%s", text);
    size_t cut = 0;
    for (size_t i = 1; buf[i]; i++) {
        if (buf[i] != ' ') continue;
        buf[i] = '\0';
        int fits = text_width(a->text, FONT_SMALL, buf) <= w;
        buf[i] = ' ';
        if (!fits) break;
        cut = i;
    }
    if (cut == 0) {
        text_fit(a->text, FONT_SMALL, text, w, fit, sizeof fit);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text, fit, x, y, ALIGN_LEFT);
        return 1;
    }
    buf[cut] = '\0';
    text_draw(a->text, FONT_SMALL, app_ink(a)->text, buf, x, y, ALIGN_LEFT);
    text_fit(a->text, FONT_SMALL, buf + cut + 1, w, fit, sizeof fit);
    text_draw(a->text, FONT_SMALL, app_ink(a)->text, fit, x, y + text_line_h(a->text, FONT_SMALL) + app_px(a, 2), ALIGN_LEFT);
    return 2;
}

/* A numbered badge centred at ('x', 'y'). */
static void badge(ui_app *a, float x, int y, int number, SDL_Color c)
{
    char s[8];
    snprintf(s, sizeof s, "%d", number);
    int tw = text_width(a->text, FONT_SMALL, s), lh = text_line_h(a->text, FONT_SMALL);
    int w = tw + app_px(a, 8);
    if (w < lh) w = lh;
    SDL_Rect rc = {(int)lroundf(x) - w / 2, y, w, lh};
    draw_round(a->renderer, rc, lh / 2, c);
    text_draw(a->text, FONT_SMALL, COL_TEXT_ON_ACCENT, s, rc.x + w / 2, y, ALIGN_CENTER);
}

/* A marker of 'shape' (0 a ring, 1 a square) centred at ('x', 'y'): what
 * tells the price lines apart on a black-and-white print. */
static void marker(ui_app *a, float x, float y, int shape, SDL_Color c)
{
    float r = 4.5f * a->scale;
    if (shape == 1) {
        draw_fill(a->renderer, (SDL_Rect){(int)lroundf(x - r), (int)lroundf(y - r), (int)lroundf(2 * r), (int)lroundf(2 * r)}, c);
    } else {
        draw_disc(a->renderer, x, y, r, c);
        draw_disc(a->renderer, x, y, r * 0.45f, app_ink(a)->card);
    }
}

/* Markers along a price line, one a quarter (fewer on a long game). */
static void line_markers(ui_app *a, const chart_axes *ax, const double *v, int n, int shape, SDL_Color c)
{
    int step = n > 40 ? (n + 39) / 40 : 1;
    for (int t = 0; t < n; t += step)
        if (!isnan(v[t])) marker(a, chart_x(ax, t + 0.5), chart_y(ax, v[t]), shape, c);
}

static void price_panel(ui_app *a, SDL_Rect rc, cp_good g, int china, const dbf_marks *m)
{
    const cp_world *w = a->world;
    int T = cp_world_turn(w);
    static double s[3][MAX_TURNS];
    double top = 0;
    int n = T + 1 < MAX_TURNS ? T + 1 : MAX_TURNS;
    for (int t = 0; t < n; t++) {
        s[0][t] = cp_world_market_history(w, t, g)->world_price_usd_per_kg;
        s[1][t] = china >= 0 ? cp_world_nation_history(w, t, china)->price_paid_usd_per_kg[g] : NAN;
        double paid = cp_world_price_paid_usd_per_kg(w, t, g, china);
        s[2][t] = paid > 0 ? paid : NAN;
        for (int k = 0; k < 3; k++)
            if (!isnan(s[k][t]) && s[k][t] > top) top = s[k][t];
    }
    char title[96];
    snprintf(title, sizeof title, "%s", label_good(g));
    SDL_Rect area = chart_card(a, rc, title, "USD per kg, each quarter");
    int badge_h = text_line_h(a->text, FONT_SMALL);
    area.y += 2 * badge_h + app_px(a, 4); /* room for two rows of badges above the plot */
    area.h -= 2 * badge_h + app_px(a, 4);
    chart_axes ax = {chart_plot_rect(a, area), 0, dbc_axis_turns(a), 0, scale_nice_ceil(top > 0 ? top * 1.08 : 1)};
    /* policy moves: a line through the plot and a numbered badge above it */
    for (int k = 0; k < m->n; k++) {
        if (!dbf_marks_good(w, m->turn[k], g)) continue;
        float x = chart_x(&ax, m->turn[k] + 0.5);
        SDL_Color c = COL_WARN;
        c.a = 90;
        draw_vline(a->renderer, (int)lroundf(x), ax.plot.y, ax.plot.y + ax.plot.h, c);
    }
    chart_axes_draw(a, &ax, fmt_price_axis, T);
    chart_line(a, &ax, s[2], n, COL_ACCENT, 3.0f * a->scale);
    line_markers(a, &ax, s[2], n, 0, COL_ACCENT);
    if (china >= 0) {
        chart_line(a, &ax, s[1], n, COL_CHINA, 3.0f * a->scale);
        line_markers(a, &ax, s[1], n, 1, COL_CHINA);
    }
    chart_line(a, &ax, s[0], n, app_ink(a)->text, 1.5f * a->scale);
    /* badges alternate between two rows so that neighbours do not collide */
    float last_x[2] = {-1e9f, -1e9f};
    for (int k = 0; k < m->n; k++) {
        if (!dbf_marks_good(w, m->turn[k], g)) continue;
        float x = chart_x(&ax, m->turn[k] + 0.5);
        int row = (x - last_x[0] < app_px(a, 22)) ? 1 : 0;
        if (row == 1 && x - last_x[1] < app_px(a, 22)) continue; /* no room: the list still has it */
        last_x[row] = x;
        badge(a, x, ax.plot.y - (2 - row) * badge_h - app_px(a, 2), k + 1, COL_WARN);
    }
    /* random and injected events: red dots on the baseline */
    for (int i = 0; i < cp_world_news_count(w); i++) {
        const cp_news *x = cp_world_news(w, i);
        if (x->kind != CP_NEWS_EVENT || x->turn < 1) continue;
        draw_disc(a->renderer, chart_x(&ax, x->turn + 0.5), (float)(ax.plot.y + ax.plot.h - app_px(a, 6)),
                  4.0f * a->scale, COL_BAD);
    }
}

void dbc_prices(ui_app *a)
{
    const cp_world *w = a->world;
    int china = cp_world_find_nation(w, "CHN");
    int y = dbc_header(a, "Prices, with the policy moves marked", NULL);
    int pad = app_px(a, 18), gap = app_px(a, 12);
    /* the legend */
    const char *labels[5] = {"World price (producers' prices, weighted by output)", "Paid in China (squares)",
                             "Paid elsewhere (rings; weighted by what each nation bought)", "Policy move (numbered below)",
                             "Event (flood, conflict, lawsuit...)"};
    SDL_Color colours[5] = {app_ink(a)->text, COL_CHINA, COL_ACCENT, COL_WARN, COL_BAD};
    SDL_Rect keys = {pad, y, a->out_w - 2 * pad, app_px(a, 40)};
    int kh = 0;
    int x = keys.x;
    for (int i = 0; i < 5; i++) {
        if (i == 1 && china < 0) continue;
        int kw = text_width(a->text, FONT_SMALL, labels[i]) + app_px(a, 21);
        if (x > keys.x && x + kw > keys.x + keys.w) {
            x = keys.x;
            kh += text_line_h(a->text, FONT_SMALL) + app_px(a, 3);
        }
        int kx = x;
        x += chart_key(a, x, y + kh, colours[i], labels[i], i < 3) + app_px(a, 16);
        if (i == 1 || i == 2) /* the key's line sample carries the series' marker */
            marker(a, (float)(kx + app_px(a, 8)), (float)(y + kh + text_line_h(a->text, FONT_SMALL) / 2), i == 1, colours[i]);
    }
    y += kh + text_line_h(a->text, FONT_SMALL) + app_px(a, 8);
    dbf_marks m;
    dbf_find_marks(w, &m);
    int lh = text_line_h(a->text, FONT_SMALL);
    int list_h = a->out_h * 27 / 100; /* the list below the panels */
    int ph = (a->out_h - y - list_h - gap - app_px(a, 8)) / 2;
    int pw = (a->out_w - 2 * pad - gap) / 2;
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        SDL_Rect rc = {pad + (g % 2) * (pw + gap), y + (g / 2) * (ph + gap), pw, ph};
        price_panel(a, rc, (cp_good)g, china, &m);
    }
    /* the numbered list of policy moves */
    int ly = y + 2 * ph + gap + app_px(a, 12);
    text_draw(a->text, FONT_BODY_BOLD, app_ink(a)->text, m.n ? "Policy moves during the game" : "No policy moves during the game",
              pad, ly, ALIGN_LEFT);
    ly += text_line_h(a->text, FONT_BODY_BOLD) + app_px(a, 2);
    int text_w = a->out_w - 2 * pad - app_px(a, 90);
    int row = lh + app_px(a, 2), last = a->out_h - app_px(a, 10) - lh - 2 * row; /* room for "... more" */
    int listed = 0;
    for (int k = 0; k < m.n && ly + row <= last; k++) {
        char date[8], line[600];
        dbf_quarter_line(w, m.turn[k], line, sizeof line);
        badge(a, (float)(pad + app_px(a, 12)), ly, k + 1, COL_WARN);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text_dim, cp_world_date_text(w, m.turn[k], date, sizeof date),
                  pad + app_px(a, 30), ly, ALIGN_LEFT);
        ly += two_lines(a, line, pad + app_px(a, 90), ly, text_w, ly + 2 * row <= last) * row;
        listed++;
    }
    if (m.n > listed || m.more) {
        char more[160];
        snprintf(more, sizeof more, "... and %d more quarters with policy moves: summary.html lists every one, "
                 "numbered as here", m.n - listed + m.more);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, more, pad + app_px(a, 30), ly, ALIGN_LEFT);
    }
    dbc_footer(a, "Source: the core's market and nation history (markets.csv, nations.csv) and news feed (news.csv).");
}

/* ---- supply shares ------------------------------------------------------- */

void dbc_supply(ui_app *a)
{
    const cp_world *w = a->world;
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    int y = dbc_header(a, "Who supplies the chain", "Share of world output, each quarter, by nation");
    /* the same nations and colours in every panel: China first, then the
     * largest other producers at any stage at the start or the end */
    int pick[TOP_SUPPLIERS], np = 0, used[CP_MAX_NATIONS] = {0};
    int china = cp_world_find_nation(w, "CHN");
    if (china >= 0) {
        pick[np++] = china;
        used[china] = 1;
    }
    while (np < TOP_SUPPLIERS) {
        int best = -1;
        double bv = 0.005;
        for (int i = 0; i < nn; i++) {
            if (used[i]) continue;
            double v = 0;
            for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
                v = fmax(v, dbf_share(w, 0, i, (cp_facility_kind)k));
                v = fmax(v, dbf_share(w, T, i, (cp_facility_kind)k));
            }
            if (v > bv) bv = v, best = i;
        }
        if (best < 0) break;
        used[best] = 1;
        pick[np++] = best;
    }
    SDL_Color colours[TOP_SUPPLIERS + 1];
    const char *labels[TOP_SUPPLIERS + 1];
    for (int i = 0; i < np; i++) {
        colours[i] = pick[i] == china ? COL_CHINA : palette_series(i == 0 ? 1 : i == 5 ? 6 : i);
        labels[i] = cp_world_nation(w, pick[i])->name;
    }
    colours[np] = palette_other();
    labels[np] = "All others";
    int pad = app_px(a, 18), gap = app_px(a, 12);
    SDL_Rect keys = {pad, y, a->out_w - 2 * pad, 0};
    y += chart_keys(a, keys, labels, colours, np + 1, 0) + app_px(a, 10);
    static const char *stage[CP_FAC_KIND_COUNT] = {"Mining (ore, t REO)", "Separation (oxides, t REO)",
                                                   "Magnet making (t NdFeB)", "Heavy lines (Dy/Tb, t)"};
    int pw = (a->out_w - 2 * pad - (CP_FAC_KIND_COUNT - 1) * gap) / CP_FAC_KIND_COUNT;
    int ph = a->out_h - y - app_px(a, 34);
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
        SDL_Rect rc = {pad + k * (pw + gap), y, pw, ph};
        char sub[128], s0[16], s1[16];
        if (china >= 0)
            snprintf(sub, sizeof sub, "China: %s at the start, %s now",
                     fmt_share(s0, sizeof s0, dbf_share(w, 0, china, (cp_facility_kind)k)),
                     fmt_share(s1, sizeof s1, dbf_share(w, T, china, (cp_facility_kind)k)));
        else
            snprintf(sub, sizeof sub, "Share of world output");
        SDL_Rect area = chart_card(a, rc, stage[k], sub);
        chart_axes ax = {chart_plot_rect(a, area), 0, dbc_axis_turns(a), 0, 1};
        chart_axes_draw(a, &ax, fmt_share_axis, T);
        for (int t = 0; t <= T && t < MAX_TURNS; t++) {
            double parts[TOP_SUPPLIERS + 1], shown = 0, all = 0;
            for (int i = 0; i < nn; i++) all += dbf_stage_output(cp_world_nation_history(w, t, i), (cp_facility_kind)k);
            if (all <= 0) continue;
            for (int i = 0; i < np; i++) {
                parts[i] = dbf_stage_output(cp_world_nation_history(w, t, pick[i]), (cp_facility_kind)k) / all;
                shown += parts[i];
            }
            parts[np] = shown < 1 ? 1 - shown : 0;
            chart_column(a, &ax, t, parts, colours, np + 1);
        }
    }
    dbc_footer(a, "Source: nations' history rows: ore mined, ore separated, magnets made (nations.csv).");
}

/* ---- shortages ------------------------------------------------------------ */

void dbc_shortages(ui_app *a)
{
    const cp_world *w = a->world;
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    int y = dbc_header(a, "Shortages by sector", "What users needed and did not get, each quarter");
    int pad = app_px(a, 18), gap = app_px(a, 12);
    SDL_Color colours[CP_SECTOR_COUNT];
    const char *labels[CP_SECTOR_COUNT];
    for (int s = 0; s < CP_SECTOR_COUNT; s++) {
        colours[s] = palette_sector((cp_sector)s);
        labels[s] = label_sector((cp_sector)s);
    }
    SDL_Rect keys = {pad, y, a->out_w - 2 * pad, 0};
    y += chart_keys(a, keys, labels, colours, CP_SECTOR_COUNT, 0) + app_px(a, 10);
    int h = a->out_h - y - app_px(a, 34);
    int w1 = (a->out_w - 2 * pad - gap) * 64 / 100, w2 = a->out_w - 2 * pad - gap - w1;
    SDL_Rect left = {pad, y, w1, h}, right = {pad + w1 + gap, y, w2, h};
    static double parts[MAX_TURNS][CP_SECTOR_COUNT];
    double top = 0, nation_total[CP_MAX_NATIONS] = {0}, nation_peak[CP_MAX_NATIONS] = {0};
    int nation_peak_turn[CP_MAX_NATIONS] = {0};
    for (int t = 0; t <= T && t < MAX_TURNS; t++) {
        double sum = 0;
        memset(parts[t], 0, sizeof parts[t]);
        for (int i = 0; i < nn; i++) {
            const cp_nation_history *hh = cp_world_nation_history(w, t, i);
            double ns = 0;
            for (int s = 0; s < CP_SECTOR_COUNT; s++) {
                parts[t][s] += hh->sector_shortage_t[s];
                ns += hh->sector_shortage_t[s];
            }
            nation_total[i] += ns;
            if (ns > nation_peak[i]) nation_peak[i] = ns, nation_peak_turn[i] = t;
        }
        for (int s = 0; s < CP_SECTOR_COUNT; s++) sum += parts[t][s];
        if (sum > top) top = sum;
    }
    SDL_Rect area = chart_card(a, left, "The world",
                               "Tonnes a quarter: oxides (t REO) and magnets (t NdFeB) that final users lacked");
    chart_axes ax = {chart_plot_rect(a, area), 0, dbc_axis_turns(a), 0, scale_nice_ceil(top > 0 ? top * 1.05 : 1)};
    chart_axes_draw(a, &ax, fmt_tonnes_axis, T);
    for (int t = 0; t <= T && t < MAX_TURNS; t++) chart_column(a, &ax, t, parts[t], colours, CP_SECTOR_COUNT);
    if (top <= 0)
        text_draw(a->text, FONT_BODY, app_ink(a)->text_muted, "No shortages in this game", ax.plot.x + ax.plot.w / 2,
                  ax.plot.y + ax.plot.h / 2, ALIGN_CENTER);
    /* who ran short, most first */
    area = chart_card(a, right, "Who ran short", "All quarters of the game, all goods");
    int lh = text_line_h(a->text, FONT_SMALL), rowh = lh + app_px(a, 8);
    int cx1 = area.x + area.w * 46 / 100, cx2 = area.x + area.w;
    text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, "Nation", area.x, area.y, ALIGN_LEFT);
    text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, "Total short", cx1 + app_px(a, 40), area.y, ALIGN_RIGHT);
    text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, "Worst quarter", cx2, area.y, ALIGN_RIGHT);
    int ry = area.y + rowh;
    draw_hline(a->renderer, area.x, area.x + area.w, ry - app_px(a, 4), app_ink(a)->border);
    int done[CP_MAX_NATIONS] = {0}, rows = 0;
    while (ry + rowh < area.y + area.h) {
        int best = -1;
        for (int i = 0; i < nn; i++)
            if (!done[i] && nation_total[i] > 0.5 && (best < 0 || nation_total[i] > nation_total[best])) best = i;
        if (best < 0) break;
        done[best] = 1;
        char v[48], n[48], d[8], line[96];
        text_fit(a->text, FONT_SMALL, cp_world_nation(w, best)->name, cx1 - area.x - app_px(a, 30), n, sizeof n);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text, n, area.x, ry, ALIGN_LEFT);
        text_draw(a->text, FONT_SMALL, app_ink(a)->text, fmt_tonnes(v, sizeof v, nation_total[best], "t"), cx1 + app_px(a, 40), ry,
                  ALIGN_RIGHT);
        snprintf(line, sizeof line, "%s (%s)", cp_world_date_text(w, nation_peak_turn[best], d, sizeof d),
                 fmt_compact(v, sizeof v, nation_peak[best]));
        text_draw(a->text, FONT_SMALL, app_ink(a)->text_dim, line, cx2, ry, ALIGN_RIGHT);
        ry += rowh;
        rows++;
    }
    if (!rows) text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, "Nobody ran short.", area.x, ry, ALIGN_LEFT);
    dbc_footer(a, "Source: nations' history rows, sector shortages (nations.csv). Defense is served first, "
                  "and never from licensed imports.");
}

/* ---- tariffs ---------------------------------------------------------------- */

typedef struct {
    int importer, origin;
    cp_good good;
    double musd;
} tariff_route;

/* Tariff collected each quarter, stacked by the importers that collected
 * most over the game (the core's history rows). */
static void tariff_quarters(ui_app *a, SDL_Rect card)
{
    const cp_world *w = a->world;
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    enum { TOP = 5 };
    double total[CP_MAX_NATIONS] = {0};
    for (int t = 1; t <= T; t++)
        for (int i = 0; i < nn; i++) total[i] += cp_world_nation_history(w, t, i)->tariff_revenue_musd;
    int pick[TOP], np = 0, used[CP_MAX_NATIONS] = {0};
    while (np < TOP) {
        int best = -1;
        for (int i = 0; i < nn; i++)
            if (!used[i] && total[i] > 0.01 && (best < 0 || total[i] > total[best])) best = i;
        if (best < 0) break;
        used[best] = 1;
        pick[np++] = best;
    }
    SDL_Color colours[TOP + 1];
    const char *labels[TOP + 1];
    for (int k = 0; k < np; k++) {
        static const int hue[TOP] = {4, 2, 3, 6, 0}; /* not the two colours of the bars above */
        colours[k] = palette_series(hue[k]);
        labels[k] = cp_world_nation(w, pick[k])->name;
    }
    colours[np] = palette_other();
    labels[np] = "Others";
    SDL_Rect area = chart_card(a, card, "Tariff collected each quarter, by importer", "USD millions a quarter");
    if (np == 0) {
        text_draw(a->text, FONT_BODY, app_ink(a)->text_muted, "No tariff was collected in this game.", area.x + area.w / 2,
                  area.y + area.h / 2 - text_line_h(a->text, FONT_BODY), ALIGN_CENTER);
        return;
    }
    int kh = chart_keys(a, area, labels, colours, np + 1, 0) + app_px(a, 6);
    area.y += kh;
    area.h -= kh;
    static double parts[MAX_TURNS][TOP + 1];
    double top = 0;
    for (int t = 0; t <= T && t < MAX_TURNS; t++) {
        double sum = 0, shown = 0;
        for (int i = 0; i < nn; i++) sum += cp_world_nation_history(w, t, i)->tariff_revenue_musd;
        for (int k = 0; k < np; k++) {
            parts[t][k] = cp_world_nation_history(w, t, pick[k])->tariff_revenue_musd;
            shown += parts[t][k];
        }
        parts[t][np] = sum - shown > 0 ? sum - shown : 0;
        if (sum > top) top = sum;
    }
    chart_axes ax = {chart_plot_rect(a, area), 0, dbc_axis_turns(a), 0, scale_nice_ceil(top > 0 ? top * 1.08 : 1)};
    chart_axes_draw(a, &ax, fmt_musd_axis, T);
    for (int t = 0; t <= T && t < MAX_TURNS; t++) chart_column(a, &ax, t, parts[t], colours, np + 1);
}

void dbc_tariffs(ui_app *a)
{
    const cp_world *w = a->world;
    int nn = cp_world_nation_count(w);
    int y = dbc_header(a, "Who paid each tariff", "Tariffs collected over the game, route by route, and who bore them");
    int pad = app_px(a, 18), gap = app_px(a, 12);
    enum { MAX_ROUTES = 8 };
    tariff_route r[MAX_ROUTES];
    int nr = 0, more = 0;
    double total = 0;
    /* the largest routes, by insertion */
    for (int j = 0; j < nn; j++)
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            for (int i = 0; i < nn; i++) {
                double v = cp_world_tariff_paid_musd(w, j, (cp_good)g, i);
                if (v < 0.05) continue;
                total += v;
                tariff_route x = {j, i, (cp_good)g, v};
                int at = nr < MAX_ROUTES ? nr : MAX_ROUTES - 1;
                if (nr == MAX_ROUTES) {
                    more++;
                    if (v <= r[MAX_ROUTES - 1].musd) continue;
                } else {
                    nr++;
                }
                while (at > 0 && r[at - 1].musd < v) {
                    r[at] = r[at - 1];
                    at--;
                }
                r[at] = x;
            }
    SDL_Color buyer = COL_ACCENT, seller = COL_CHINA;
    const char *labels[2] = {"Borne by the importer's buyers (higher prices at home)",
                             "Borne by the exporters' producers (lower prices they get)"};
    SDL_Color colours[2] = {buyer, seller};
    SDL_Rect keys = {pad, y, a->out_w - 2 * pad, 0};
    y += chart_keys(a, keys, labels, colours, 2, 0) + app_px(a, 10);
    /* the note under both cards, wrapped */
    char note[600];
    double share = cp_world_tariff_importer_share(w, CP_MAGNET);
    snprintf(note, sizeof note,
             "An importer's treasury collects its tariff, but the cost is shared. In the model's market the importer's "
             "price rises by about eX/(eX+eM) = %.0f%% of the tariff and the exporter's price falls by the other %.0f%% "
             "(eX: supply elasticity, eM: demand elasticity, from the scenario; the core's market test holds it to "
             "that). The split above is that estimate; the amounts are the core's tariff ledger, route by route.",
             100 * share, 100 * (1 - share));
    int wrap = a->out_w - 2 * pad;
    int note_h = text_wrapped_height(a->text, FONT_SMALL, note, wrap);
    int bottom = a->out_h - note_h - app_px(a, 14);
    int avail = bottom - y - gap;
    int lh = text_line_h(a->text, FONT_BODY);
    int rowh = app_px(a, 40);
    int bars_h = (nr > 0 ? nr : 1) * rowh + app_px(a, 84);
    if (bars_h > avail * 58 / 100) {
        bars_h = avail * 58 / 100;
        rowh = (bars_h - app_px(a, 84)) / (nr > 0 ? nr : 1);
    }
    SDL_Rect card = {pad, y, a->out_w - 2 * pad, bars_h};
    char sub[200], m1[32];
    snprintf(sub, sizeof sub, "USD millions over the game; %s collected in all, by the importers' treasuries",
             fmt_musd(m1, sizeof m1, total));
    SDL_Rect area = chart_card(a, card, "Tariff collected, by importer, good and origin", sub);
    if (nr == 0) {
        text_draw(a->text, FONT_BODY, app_ink(a)->text_muted, "No tariff was collected in this game.", area.x + area.w / 2,
                  area.y + area.h / 2 - lh / 2, ALIGN_CENTER);
    } else {
        int label_w = area.w * 38 / 100, value_w = app_px(a, 120);
        int bar_x = area.x + label_w, bar_w = area.w - label_w - value_w;
        double top = r[0].musd;
        for (int k = 0; k < nr; k++) {
            int ry = area.y + k * rowh;
            const cp_nation *imp = cp_world_nation(w, r[k].importer), *org = cp_world_nation(w, r[k].origin);
            char line[200], fit[200];
            double rate = imp->policy.tariff[r[k].good][r[k].origin];
            snprintf(line, sizeof line, "%s on %s from %s (now %.0f%%)", imp->name, label_good_short(r[k].good), org->name,
                     rate * 100);
            text_fit(a->text, FONT_BODY, line, label_w - app_px(a, 12), fit, sizeof fit);
            text_draw(a->text, FONT_BODY, app_ink(a)->text, fit, area.x, ry + (rowh - lh) / 2, ALIGN_LEFT);
            double s_imp = cp_world_tariff_importer_share(w, r[k].good);
            int bw = (int)lround(bar_w * r[k].musd / top);
            int bh = rowh * 62 / 100;
            SDL_Rect b1 = {bar_x, ry + (rowh - bh) / 2, (int)lround(bw * s_imp), bh};
            SDL_Rect b2 = {b1.x + b1.w, b1.y, bw - b1.w, bh};
            draw_fill(a->renderer, b1, buyer);
            draw_fill(a->renderer, b2, seller);
            char v[32], v1[32], v2[32];
            int sh = text_line_h(a->text, FONT_SMALL);
            fmt_musd(v1, sizeof v1, r[k].musd * s_imp);
            fmt_musd(v2, sizeof v2, r[k].musd * (1 - s_imp));
            if (b1.w > text_width(a->text, FONT_SMALL, v1) + app_px(a, 8))
                text_draw(a->text, FONT_SMALL, COL_TEXT_ON_ACCENT, v1, b1.x + app_px(a, 4), b1.y + (bh - sh) / 2, ALIGN_LEFT);
            if (b2.w > text_width(a->text, FONT_SMALL, v2) + app_px(a, 8))
                text_draw(a->text, FONT_SMALL, COL_TEXT_ON_ACCENT, v2, b2.x + app_px(a, 4), b2.y + (bh - sh) / 2, ALIGN_LEFT);
            text_draw(a->text, FONT_BODY_BOLD, app_ink(a)->text, fmt_musd(v, sizeof v, r[k].musd), bar_x + bw + app_px(a, 8),
                      ry + (rowh - lh) / 2, ALIGN_LEFT);
        }
        if (more) {
            char m[96];
            snprintf(m, sizeof m, "... and %d smaller routes", more);
            text_draw(a->text, FONT_SMALL, app_ink(a)->text_muted, m, area.x, area.y + nr * rowh, ALIGN_LEFT);
        }
    }
    SDL_Rect lower = {pad, y + bars_h + gap, a->out_w - 2 * pad, bottom - (y + bars_h + gap)};
    tariff_quarters(a, lower);
    text_draw_wrapped(a->text, FONT_SMALL, app_ink(a)->text_dim, note, pad, bottom + app_px(a, 4), wrap);
}
