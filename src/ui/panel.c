/* panel.c -- the side panel of the selected nation: figures with their changes, policies, facilities, deals. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "explain.h"
#include "figures.h"
#include "fmt.h"
#include "formw.h"
#include "labels.h"
#include "made_text.h"
#include "session.h"
#include "palette.h"
#include "policies.h"
#include "sbuf.h"
#include "theme.h"
#include "tl_model.h"
#include "views.h"
#include "widgets.h"

enum { HEADER_H = 78, ROW_H = 24, PAD = 16 };

typedef struct {
    ui_app *a;
    SDL_Rect body; /* the scrolled area */
    int x, w;      /* content column */
    int y;         /* next line, in screen pixels */
} cursor;

static int visible(const cursor *c, int h)
{
    return c->y + h >= c->body.y && c->y <= c->body.y + c->body.h;
}

static void section(cursor *c, const char *title)
{
    ui_app *a = c->a;
    c->y += app_px(a, 10);
    if (visible(c, app_px(a, 24))) {
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, title, c->x, c->y, ALIGN_LEFT);
        int tw = text_width(a->text, FONT_SMALL, title);
        int ly = c->y + text_line_h(a->text, FONT_SMALL) / 2;
        draw_hline(a->renderer, c->x + tw + app_px(a, 8), c->x + c->w, ly, COL_BORDER);
    }
    c->y += app_px(a, 22);
}

static void subhead(cursor *c, const char *title)
{
    ui_app *a = c->a;
    c->y += app_px(a, 4);
    if (visible(c, app_px(a, 20)))
        text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, title, c->x, c->y, ALIGN_LEFT);
    c->y += app_px(a, 22);
}

/* The short label of a figure inside its group (the group names the good). */
static const char *short_label(fig_id f)
{
    static const char *names[FIG_COUNT] = {
        "Ore mined", "Ore separated", "Magnets made", "Demand", "Shortage", "Magnet demand met",
        "Price paid", "Producer price", "Imports", "Exports", "Inventory", "Strategic stockpile",
        "Reserves in the ground", "Treasury", "GDP (a year)", "Output lost to shortages", "Score",
        "Political pressure", "Trust"};
    return (unsigned)f < FIG_COUNT ? names[f] : "?";
}

/* One figure: label, value, change since last quarter (an arrow coloured
 * by whether the move is good news for this nation), and a tooltip. */
static void figure_row(cursor *c, fig_id f)
{
    ui_app *a = c->a;
    int h = app_px(a, ROW_H);
    if (!visible(c, h)) {
        c->y += h;
        return;
    }
    int n = a->selected;
    double v = fig_value(a->world, n, f, a->good);
    double p = fig_prev(a->world, a->prev, n, f, a->good);
    char val[64], ch[32] = "";
    fig_format(f, a->good, v, val, sizeof val);
    SDL_Color chc = COL_TEXT_MUTED;
    if (!isnan(p) && !isnan(v) && cp_world_turn(a->world) > 0) {
        double d = v - p;
        double rel = fabs(p) > 1e-9 ? d / fabs(p) : (fabs(d) > 1e-9 ? 1 : 0);
        if (fabs(rel) < 0.0005 || fabs(d) < 1e-9) {
            snprintf(ch, sizeof ch, "\xE2\x80\x93");
        } else {
            char pct[24];
            if (fabs(p) < 1e-9) snprintf(pct, sizeof pct, "new");
            else if (fabs(rel) >= 0.095) snprintf(pct, sizeof pct, "%.0f%%", fabs(rel) * 100);
            else snprintf(pct, sizeof pct, "%.1f%%", fabs(rel) * 100);
            snprintf(ch, sizeof ch, "%s %s", d > 0 ? "\xE2\x96\xB2" : "\xE2\x96\xBC", pct);
            int pol = fig_polarity(f) * (d > 0 ? 1 : -1);
            chc = pol > 0 ? COL_GOOD : pol < 0 ? COL_BAD : COL_TEXT_DIM;
        }
    }
    SDL_Rect row = {c->x - app_px(a, 6), c->y, c->w + app_px(a, 12), h};
    int hover = app_hover(a, row) && rect_has(c->body, a->in.x, a->in.y);
    if (hover) draw_round(a->renderer, row, app_px(a, 4), COL_PANEL_RAISED);
    int ty = c->y + (h - text_line_h(a->text, FONT_BODY)) / 2;
    int chw = app_px(a, 64);
    int right = c->x + c->w;
    /* the label gives way to the value in a narrow panel: cut with an ellipsis (the tooltip
     * names the figure in full) */
    int vw = text_width(a->text, FONT_BODY_BOLD, val);
    char label[96];
    text_fit(a->text, FONT_BODY, short_label(f), right - chw - app_px(a, 8) - vw - app_px(a, 8) - c->x, label, sizeof label);
    text_draw(a->text, FONT_BODY, COL_TEXT_DIM, label, c->x, ty, ALIGN_LEFT);
    text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, val, right - chw - app_px(a, 8), ty, ALIGN_RIGHT);
    int sy = c->y + (h - text_line_h(a->text, FONT_SMALL)) / 2;
    text_draw(a->text, FONT_SMALL, chc, ch, right, sy, ALIGN_RIGHT);
    if (hover) {
        char title[160], body[2048];
        explain_figure(a->world, a->prev, n, f, a->good, title, sizeof title, body, sizeof body);
        app_tip_set(a, row, title, body);
    }
    c->y += h;
}

/* A wrapped line of text with a coloured bar at its left (the tone). */
static void tone_line(cursor *c, const policy_line *l)
{
    ui_app *a = c->a;
    int wrap = c->w - app_px(a, 14);
    int th = text_wrapped_height(a->text, FONT_SMALL, l->text, wrap);
    int h = th + app_px(a, 8);
    if (visible(c, h)) {
        SDL_Color bar = l->tone == TONE_BAD ? COL_BAD : l->tone == TONE_WARN ? COL_WARN
                      : l->tone == TONE_GOOD ? COL_GOOD : COL_TEXT_MUTED;
        SDL_Rect row = {c->x - app_px(a, 6), c->y, c->w + app_px(a, 12), h};
        int hover = app_hover(a, row) && rect_has(c->body, a->in.x, a->in.y);
        if (hover) draw_round(a->renderer, row, app_px(a, 4), COL_PANEL_RAISED);
        SDL_Rect b = {c->x, c->y + app_px(a, 4), app_px(a, 3), th};
        draw_fill(a->renderer, b, bar);
        text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT, l->text, c->x + app_px(a, 12), c->y + app_px(a, 4), wrap);
        if (hover && l->tip[0]) app_tip_set(a, row, NULL, l->tip);
    }
    c->y += h + app_px(a, 2);
}

static void plain_note(cursor *c, const char *s)
{
    ui_app *a = c->a;
    int h = text_wrapped_height(a->text, FONT_SMALL, s, c->w);
    if (visible(c, h)) text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_MUTED, s, c->x, c->y, c->w);
    c->y += h + app_px(a, 4);
}

/* A facility: name and stage pill on one line, kind, capacity and the
 * operating date under it; the tooltip tells its whole story. */
static void facility_row(cursor *c, int id)
{
    ui_app *a = c->a;
    int h = app_px(a, 42);
    if (!visible(c, h)) {
        c->y += h;
        return;
    }
    const cp_facility *f = cp_world_facility(a->world, id);
    tl_span spans[TL_MAX_SPANS];
    int ns = tl_spans(&a->stages, a->world, id, spans);
    int op = tl_operating_turn(spans, ns);
    SDL_Rect row = {c->x - app_px(a, 6), c->y, c->w + app_px(a, 12), h - app_px(a, 2)};
    int hover = app_hover(a, row) && rect_has(c->body, a->in.x, a->in.y);
    if (hover) draw_round(a->renderer, row, app_px(a, 4), COL_PANEL_RAISED);
    /* stage pill at the right */
    const char *stage = label_stage(f->stage);
    int pw = text_width(a->text, FONT_SMALL, stage) + app_px(a, 14);
    SDL_Rect pill = {c->x + c->w - pw, c->y + app_px(a, 3), pw, text_line_h(a->text, FONT_SMALL) + app_px(a, 4)};
    SDL_Color sc = palette_stage(f->stage);
    draw_round(a->renderer, pill, pill.h / 2, sc);
    text_draw(a->text, FONT_SMALL, COL_TEXT_ON_ACCENT, stage, pill.x + pw / 2, pill.y + app_px(a, 2), ALIGN_CENTER);
    char name[96];
    text_fit(a->text, FONT_BODY, f->name, c->w - pw - app_px(a, 10), name, sizeof name);
    text_draw(a->text, FONT_BODY, COL_TEXT, name, c->x, c->y + app_px(a, 2), ALIGN_LEFT);
    char cap[48], line[200], date[8];
    fmt_tonnes(cap, sizeof cap, f->capacity_t_per_yr, f->kind == CP_FAC_MAGNET ? "t" : label_kind_unit(f->kind));
    int T = cp_world_turn(a->world);
    const char *where = f->host != a->selected ? cp_world_nation(a->world, f->host)->name : NULL;
    if (f->stage == CP_STAGE_OPERATING)
        snprintf(line, sizeof line, "%s \xC2\xB7 %s/yr%s%s", label_kind_short(f->kind), cap, where ? " \xC2\xB7 in " : "",
                 where ? where : "");
    else if (op != TL_OPEN_END && op > T)
        snprintf(line, sizeof line, "%s \xC2\xB7 %s/yr \xC2\xB7 full output %s%s%s", label_kind_short(f->kind), cap,
                 cp_world_date_text(a->world, op, date, sizeof date), where ? " \xC2\xB7 in " : "", where ? where : "");
    else
        snprintf(line, sizeof line, "%s \xC2\xB7 %s/yr", label_kind_short(f->kind), cap);
    char fitted[200];
    text_fit(a->text, FONT_SMALL, line, c->w, fitted, sizeof fitted);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, fitted, c->x, c->y + app_px(a, 22), ALIGN_LEFT);
    if (hover) {
        char title[96], body[1200];
        explain_facility(a->world, id, op, title, sizeof title, body, sizeof body);
        app_tip_set(a, row, title, body);
    }
    c->y += h;
}

static void header(ui_app *a, SDL_Rect p)
{
    const cp_nation *n = cp_world_nation(a->world, a->selected);
    int pad = app_px(a, PAD);
    char name[96];
    SDL_Rect close = {p.x + p.w - pad - app_px(a, 28), p.y + app_px(a, 12), app_px(a, 28), app_px(a, 28)};
    text_fit(a->text, FONT_TITLE, n->name, close.x - p.x - pad - app_px(a, 8), name, sizeof name);
    text_draw(a->text, FONT_TITLE, COL_TEXT, name, p.x + pad, p.y + app_px(a, 12), ALIGN_LEFT);
    /* the selection changes once this frame is drawn (app_select): the figures below still
     * read the nation the frame began with */
    if (fw_button(a, close, "\xC3\x97", BTN_GHOST, "Close the panel (Esc)", "Panel/Close")) app_select(a, -1);
    char sub[160];
    snprintf(sub, sizeof sub, "Score %.0f \xC2\xB7 %s", n->score,
             n->weights.security >= 0.4 ? "buyer: security first"
             : n->weights.leverage >= 0.2 ? "supplier: leverage and revenue"
                                          : "balanced objectives");
    int sw = text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, sub, p.x + pad, p.y + app_px(a, 40), ALIGN_LEFT);
    SDL_Rect sub_rc = {p.x + pad, p.y + app_px(a, 40), sw, text_line_h(a->text, FONT_SMALL)};
    if (app_hover(a, sub_rc)) {
        char tip[400];
        snprintf(tip, sizeof tip,
                 "Score: the running mean of each quarter's score, 0 to 100 (core score phase).\n"
                 "Its objectives weigh supply security %.0f%%, prosperity %.0f%%, leverage %.0f%% and "
                 "stability %.0f%% (the scenario's weights).",
                 n->weights.security * 100, n->weights.prosperity * 100, n->weights.leverage * 100,
                 n->weights.stability * 100);
        app_tip_set(a, sub_rc, n->name, tip);
    }
    draw_hline(a->renderer, p.x, p.x + p.w, p.y + app_px(a, HEADER_H) - 1, COL_BORDER);
}

/* The score in its four parts and the nation's goals, each a line with its tooltip: the
 * core's figures (cp_world_score_parts, cp_world_goal), judged against the game's length. */
static void score_and_goals(cursor *c)
{
    ui_app *a = c->a;
    int n = a->selected, T = cp_world_turn(a->world);
    static const char *const names[CP_PART_COUNT] = {"Security", "Prosperity", "Leverage", "Stability"};
    static const char *const what[CP_PART_COUNT] = {
        "the share of its need for NdPr oxide, Dy/Tb oxide and magnets met, by value",
        "100 less 20 times the share of its GDP lost to shortages",
        "half its share of the world's separation, half its share of the world's magnets",
        "100 less its political pressure"};
    cp_score_parts sp;
    policy_line l;
    if (cp_world_score_parts(a->world, n, T, &sp) == CP_OK) {
        for (int k = 0; k < CP_PART_COUNT; k++) {
            snprintf(l.text, sizeof l.text, "%s %.0f of 100 \xC2\xB7 weighs %.0f%%", names[k], sp.part[k], sp.weight[k] * 100);
            snprintf(l.tip, sizeof l.tip,
                     "%s: %s, averaged over the quarters played (this quarter %.0f).\nThe score (%.0f) is the sum of "
                     "the four parts, each times its weight: the nation's own objectives.",
                     names[k], what[k], sp.quarter[k], sp.total);
            l.tone = sp.part[k] >= 66 ? TONE_GOOD : sp.part[k] >= 33 ? TONE_PLAIN : TONE_WARN;
            tone_line(c, &l);
        }
    }
    /* made: what the nation's own decisions changed, against the game without them */
    char parts[200];
    int sign = made_text(a, n, l.text, sizeof l.text, parts, sizeof parts);
    cpg_made m;
    if (sign != 2 && cpg_made_track_at(a->made, a->world, n, T, &m) == 0) {
        snprintf(l.tip, sizeof l.tip,
                 "The score (%.1f) less the score it would have had without its own decisions "
                 "(%.1f): the same game, every other nation's decisions and events as they "
                 "happened, none of its own.\nBy part, in points: %s.", sp.total, m.without.total,
                 parts);
        l.tone = sign > 0 ? TONE_GOOD : sign < 0 ? TONE_WARN : TONE_PLAIN;
        tone_line(c, &l);
    }
    int ng = cp_world_goal_count(a->world, n);
    for (int i = 0; i < ng; i++) {
        cp_goal_progress g;
        if (cp_world_goal(a->world, n, i, a->scenario->default_turns, &g) != CP_OK) continue;
        static const char *const status[CP_GOAL_STATUS_COUNT] = {"On track", "Behind", "Met", "Missed"};
        snprintf(l.text, sizeof l.text, "%s: %s", status[g.status % CP_GOAL_STATUS_COUNT], g.text);
        snprintf(l.tip, sizeof l.tip, "A goal of %s%s, judged every quarter against the game's end. %s",
                 cp_world_nation(a->world, n)->name, g.derived ? " (the core's, from its opening position)" : " (the scenario's)",
                 g.status == CP_GOAL_ON_TRACK ? "It would be met if the game ended now."
                 : g.status == CP_GOAL_BEHIND ? "It would be missed if the game ended now."
                 : g.status == CP_GOAL_MET    ? "It is met for good."
                                              : "It can no longer be met.");
        l.tone = g.status == CP_GOAL_MET || g.status == CP_GOAL_ON_TRACK ? TONE_GOOD : TONE_BAD;
        tone_line(c, &l);
    }
}

void panel_draw(ui_app *a)
{
    SDL_Rect p = a->lay.panel;
    if (a->selected < 0 || p.w <= 0) return;
    SDL_Renderer *r = a->renderer;
    draw_fill(r, p, COL_PANEL_SOLID);
    draw_vline(r, p.x, p.y, p.y + p.h, COL_BORDER);
    header(a, p);

    SDL_Rect body = {p.x + 1, p.y + app_px(a, HEADER_H), p.w - 1, p.h - app_px(a, HEADER_H)};
    if (a->in.wheel != 0 && !a->in.wheel_used && app_hover(a, body)) {
        a->panel_scroll -= (int)(a->in.wheel * app_px(a, 48));
        a->in.wheel_used = 1;
    }
    int max_scroll = a->panel_content_h - body.h;
    if (a->panel_scroll > max_scroll) a->panel_scroll = max_scroll;
    if (a->panel_scroll < 0) a->panel_scroll = 0;

    SDL_RenderSetClipRect(r, &body);
    cursor c = {a, body, p.x + app_px(a, PAD), p.w - 2 * app_px(a, PAD) - app_px(a, 6), body.y - a->panel_scroll};
    char date[8], head[96];
    section(&c, "SCORE AND GOALS");
    score_and_goals(&c);
    snprintf(head, sizeof head, "THIS QUARTER \xC2\xB7 %s", cp_world_date_text(a->world, cp_world_turn(a->world), date, sizeof date));
    section(&c, head);
    subhead(&c, "Production");
    figure_row(&c, FIG_MINED);
    figure_row(&c, FIG_SEPARATED);
    figure_row(&c, FIG_MAGNETS_MADE);
    figure_row(&c, FIG_DEMAND_MET);
    char mk[96];
    snprintf(mk, sizeof mk, "Market \xC2\xB7 %s", label_good(a->good));
    subhead(&c, mk);
    figure_row(&c, FIG_DEMAND);
    figure_row(&c, FIG_SHORTAGE);
    figure_row(&c, FIG_PRICE_PAID);
    figure_row(&c, FIG_PRODUCER_PRICE);
    figure_row(&c, FIG_IMPORTS);
    figure_row(&c, FIG_EXPORTS);
    figure_row(&c, FIG_STOCK);
    figure_row(&c, FIG_STOCKPILE);
    subhead(&c, "Economy and standing");
    figure_row(&c, FIG_RESERVES);
    figure_row(&c, FIG_TREASURY);
    figure_row(&c, FIG_GDP);
    figure_row(&c, FIG_GDP_LOSS);
    figure_row(&c, FIG_SCORE);
    figure_row(&c, FIG_PRESSURE);
    figure_row(&c, FIG_TRUST);

    static policy_line lines[POLICY_MAX_LINES];
    section(&c, "POLICIES IN FORCE");
    int nl = policy_lines(a->world, a->selected, lines, POLICY_MAX_LINES);
    if (nl == 0) plain_note(&c, "No export controls, tariffs, quotas, taxes, subsidies or floors.");
    for (int i = 0; i < nl; i++) tone_line(&c, &lines[i]);

    section(&c, "OTHERS' CONTROLS ON ITS IMPORTS");
    nl = policy_controls_on(a->world, a->selected, lines, POLICY_MAX_LINES);
    if (nl == 0) plain_note(&c, "No nation restricts its exports to this one.");
    for (int i = 0; i < nl; i++) tone_line(&c, &lines[i]);

    section(&c, "FACILITIES");
    int any = 0;
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        for (int i = 0; i < cp_world_facility_count(a->world); i++) {
            const cp_facility *f = cp_world_facility(a->world, i);
            if ((int)f->kind != k || (f->host != a->selected && f->funder != a->selected && f->cofunder != a->selected))
                continue;
            facility_row(&c, i);
            any = 1;
        }
    if (!any) plain_note(&c, "No mines, separation plants or magnet plants, at home or funded abroad.");

    section(&c, "DEALS");
    any = 0;
    for (int d = 0; d < cp_world_deal_count(a->world); d++) {
        const cp_deal *deal = cp_world_deal(a->world, d);
        if (!deal || deal->status > CP_DEAL_ACTIVE) continue;
        int party = 0;
        for (int k = 0; k < deal->party_count; k++) party |= deal->parties[k] == a->selected;
        if (!party) continue;
        policy_line l;
        char desc[600];
        label_deal_terms(a->world, deal, desc, sizeof desc);
        sbuf tb;
        sb_init(&tb, l.text, sizeof l.text);
        sb_printf(&tb, "%s: %s", label_deal_status(deal->status), desc);
        snprintf(l.tip, sizeof l.tip, "%s\n\nProposed %s, term %d quarters.%s", desc,
                 cp_world_date_text(a->world, deal->proposed_turn, date, sizeof date), deal->term_turns,
                 deal->status == CP_DEAL_ACTIVE ? " In force: breaking it costs trust." : "");
        l.tone = deal->status == CP_DEAL_ACTIVE ? TONE_GOOD : TONE_PLAIN;
        tone_line(&c, &l);
        any = 1;
    }
    if (!any) plain_note(&c, "No deals proposed or in force.");
    c.y += app_px(a, 16);
    a->panel_content_h = c.y + a->panel_scroll - body.y;
    SDL_RenderSetClipRect(r, NULL);

    /* scroll bar */
    if (a->panel_content_h > body.h) {
        int track = body.h - app_px(a, 8);
        int th = track * body.h / a->panel_content_h;
        int ty = body.y + app_px(a, 4) + (track - th) * a->panel_scroll / (a->panel_content_h - body.h);
        SDL_Rect bar = {p.x + p.w - app_px(a, 6), ty, app_px(a, 4), th};
        draw_round(r, bar, app_px(a, 2), COL_BORDER);
    }
}
