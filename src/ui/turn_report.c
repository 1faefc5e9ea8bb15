/* turn_report.c -- the end-of-turn report for a human seat: when its next turn begins, a card
 * over the map says what each of its orders did (done, partly, refused and why; tonnes, prices,
 * money), what became of its deals (with the other side's reason), where the treasury's change
 * came from and which of its key figures moved, one line each. A line opens the nation it is
 * about. Every word and number is the core's (its turn report, cp_world_order_report and
 * friends); this file only lays them out. R shows it again. A report longer than the window
 * scrolls under the wheel and PgUp/PgDn, clipped to the card's body like the nation panel. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "figures.h"
#include "fmt.h"
#include "formw.h"
#include "play_internal.h"
#include "theme.h"

/* The report waits for this seat: the quarter it describes resolved and the seat has not closed it. */
int report_pending(const ui_app *a)
{
    const struct play_state *p = a->play;
    return p && p->phase == PH_GAME && p->seat >= 0 && p->dialog == DLG_NONE && p->report_for[p->seat] > 0 &&
           p->report_for[p->seat] == cp_world_report_turn(a->world);
}

void report_close(ui_app *a)
{
    struct play_state *p = a->play;
    if (p->seat >= 0) p->report_for[p->seat] = 0;
    play_sync_blocking(a);
}

/* After a quarter resolved: every human seat has a report to read. */
void report_after_advance(ui_app *a)
{
    struct play_state *p = a->play;
    int t = cp_world_report_turn(a->world);
    for (int n = 0; n < cp_world_nation_count(a->world); n++) p->report_for[n] = p->human[n] && t > 0 ? t : 0;
    p->report_scroll = 0;
}

/* R: the last report again (while the quarter it describes is the last one resolved). */
int report_reopen(ui_app *a)
{
    struct play_state *p = a->play;
    int t = cp_world_report_turn(a->world);
    if (p->seat < 0 || t <= 0) return 0;
    p->report_for[p->seat] = t;
    p->report_scroll = 0;
    play_sync_blocking(a);
    return 1;
}

/* PgUp/PgDn move the body by most of its height, Home/End to its ends (report_draw bounds it). */
int report_scroll_key(ui_app *a, SDL_Keycode key)
{
    struct play_state *p = a->play;
    int page = app_px(a, 240);
    if (key == SDLK_PAGEDOWN) p->report_scroll += page;
    else if (key == SDLK_PAGEUP) p->report_scroll -= page;
    else if (key == SDLK_HOME) p->report_scroll = 0;
    else if (key == SDLK_END) p->report_scroll = p->report_content_h;
    else return 0;
    if (p->report_scroll < 0) p->report_scroll = 0;
    a->dirty = 1;
    return 1;
}

/* The report's scrolled body this frame: a line outside it is neither traced, hovered nor clicked. */
static SDL_Rect body_clip;

/* One line: a mark in its colour, the text cut to the line (its tooltip has it whole), and a
 * click that opens nation 'open' (-1: none). Returns the height used. */
static int line(ui_app *a, SDL_Rect rc, const char *mark, SDL_Color mc, const char *text, const char *tip, int open,
                const char *id)
{
    int lh = text_line_h(a->text, FONT_SMALL) + app_px(a, 6);
    SDL_Rect row = {rc.x - app_px(a, 4), rc.y, rc.w + app_px(a, 8), lh};
    /* wholly inside the body: shown, traced and live; partly: drawn under the clip only */
    if (row.y < body_clip.y || row.y + row.h > body_clip.y + body_clip.h) {
        if (row.y < body_clip.y + body_clip.h && row.y + row.h > body_clip.y) {
            char part[CP_TEXT_LEN + 64];
            text_draw(a->text, FONT_SMALL, mc, mark, rc.x, rc.y + app_px(a, 3), ALIGN_LEFT);
            text_fit(a->text, FONT_SMALL, text, rc.w - app_px(a, 22), part, sizeof part);
            text_draw(a->text, FONT_SMALL, COL_TEXT, part, rc.x + app_px(a, 22), rc.y + app_px(a, 3), ALIGN_LEFT);
        }
        return lh;
    }
    int hover = app_hover(a, row);
    if (hover) draw_round(a->renderer, row, app_px(a, 4), COL_PANEL_HOVER);
    int mw = app_px(a, 22);
    text_draw(a->text, FONT_SMALL, mc, mark, rc.x, rc.y + app_px(a, 3), ALIGN_LEFT);
    char fit[CP_TEXT_LEN + 64];
    text_fit(a->text, FONT_SMALL, text, rc.w - mw, fit, sizeof fit);
    text_draw(a->text, FONT_SMALL, COL_TEXT, fit, rc.x + mw, rc.y + app_px(a, 3), ALIGN_LEFT);
    fw_trace(a, id, text, row);
    if (hover) {
        char body[900];
        snprintf(body, sizeof body, "%s%s%s", tip ? tip : text,
                 open >= 0 ? "\n\nClick to open " : "", open >= 0 ? cp_world_nation(a->world, open)->name : "");
        if (open >= 0) snprintf(body + strlen(body), sizeof body - strlen(body), "'s panel.");
        app_tip_set(a, row, NULL, body);
    }
    if (open >= 0 && app_click(a, row)) {
        report_close(a);
        app_select(a, open);
    }
    return lh;
}

static int section(ui_app *a, int x, int y, int w, const char *title)
{
    return y + fw_section(a, x, y, w, title);
}

void report_draw(ui_app *a)
{
    struct play_state *p = a->play;
    int seat = p->seat;
    const cp_world *w = a->world;
    int no = cp_world_order_report_count(w, seat), nd = cp_world_deal_report_count(w, seat);
    a->modal = 1;
    /* dim what is under it */
    SDL_SetRenderDrawBlendMode(a->renderer, SDL_BLENDMODE_BLEND);
    draw_fill(a->renderer, (SDL_Rect){0, 0, a->out_w, a->out_h}, RGBA(0, 0, 0, 120));
    int cw = app_px(a, 760);
    if (cw > a->out_w - app_px(a, 32)) cw = a->out_w - app_px(a, 32);
    /* as tall as its lines need (a line each: orders, deals, the treasury, six figures at
     * most, and four headings), within the window */
    int lines = 1 + nd + 1 + 6;
    for (int i = 0; i < no; i++) {
        const cp_order_report *o = cp_world_order_report(w, seat, i);
        lines += o && !o->scheduled;
    }
    int ch = app_px(a, 150) + lines * (text_line_h(a->text, FONT_SMALL) + app_px(a, 6)) + 4 * app_px(a, 30);
    if (ch > a->out_h - app_px(a, 40)) ch = a->out_h - app_px(a, 40);
    SDL_Rect card = {(a->out_w - cw) / 2, (a->out_h - ch) / 2, cw, ch};
    draw_panel(a->renderer, card, app_px(a, 12), COL_PANEL_SOLID, COL_BORDER);
    int pad = app_px(a, 22), x = card.x + pad, tw = card.w - 2 * pad;
    int y = card.y + app_px(a, 16);
    char date[8], title[200];
    int t = cp_world_report_turn(w);
    /* the report describes the quarter that just resolved: it began at turn t - 1 */
    snprintf(title, sizeof title, "%s: your quarter %s", play_nation_name(a, seat), cp_world_date_text(w, t - 1, date, sizeof date));
    text_draw(a->text, FONT_SMALL, COL_ACCENT, "END-OF-TURN REPORT", x, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 2);
    char tfit[200];
    text_fit(a->text, FONT_TITLE, title, tw - app_px(a, 40), tfit, sizeof tfit);
    text_draw(a->text, FONT_TITLE, COL_TEXT, tfit, x, y, ALIGN_LEFT);
    SDL_Rect close = {card.x + card.w - app_px(a, 44), card.y + app_px(a, 12), app_px(a, 30), app_px(a, 30)};
    if (fw_button(a, close, "\xC3\x97", BTN_GHOST, "Close the report (Esc or Enter; R shows it again)", "Report/Close"))
        report_close(a);
    y += text_line_h(a->text, FONT_TITLE) + app_px(a, 12);
    int bottom = card.y + card.h - app_px(a, 58);
    SDL_Rect clip = {card.x, y, card.w, bottom - y};
    body_clip = clip;
    /* the wheel over the card scrolls its body, bounded by last frame's height */
    if (a->in.wheel != 0 && !a->in.wheel_used && app_hover(a, card)) {
        p->report_scroll -= (int)(a->in.wheel * app_px(a, 48));
        a->in.wheel_used = 1;
    }
    if (p->report_scroll > p->report_content_h - clip.h) p->report_scroll = p->report_content_h - clip.h;
    if (p->report_scroll < 0) p->report_scroll = 0;
    SDL_RenderSetClipRect(a->renderer, &clip);
    y -= p->report_scroll;
    char id[48];

    /* the orders */
    y = section(a, x, y, tw, "YOUR ORDERS");
    int shown = 0;
    for (int i = 0; i < no; i++) {
        const cp_order_report *o = cp_world_order_report(w, seat, i);
        if (!o || o->scheduled) continue;
        static const char *const marks[CP_OUTCOME_COUNT] = {"\xE2\x9C\x93", "\xE2\x97\x90", "\xE2\x9C\x97"};
        SDL_Color mc = o->outcome == CP_OUTCOME_DONE ? COL_GOOD : o->outcome == CP_OUTCOME_PARTIAL ? COL_WARN : COL_BAD;
        int partner = o->order.partner;
        int open = partner >= 0 && partner < cp_world_nation_count(w) ? partner : seat;
        snprintf(id, sizeof id, "Report/Order/%d", i);
        y += line(a, (SDL_Rect){x, y, tw, 0}, marks[o->outcome % CP_OUTCOME_COUNT], mc, o->text, NULL, open, id);
        shown++;
    }
    if (!shown) y += line(a, (SDL_Rect){x, y, tw, 0}, "\xE2\x80\x93", COL_TEXT_MUTED, "You gave no orders this quarter.", NULL, -1, "Report/NoOrders");
    y += app_px(a, 6);

    /* the deals */
    if (nd > 0) {
        y = section(a, x, y, tw, "YOUR DEALS");
        for (int i = 0; i < nd; i++) {
            const cp_deal_report *d = cp_world_deal_report(w, seat, i);
            if (!d) continue;
            int other = d->nation >= 0 && d->nation != seat ? d->nation : -1;
            const cp_deal *deal = NULL;
            for (int k = 0; k < cp_world_deal_count(w) && !deal; k++)
                if (cp_world_deal(w, k)->id == d->deal_id) deal = cp_world_deal(w, k);
            for (int k = 0; deal && other < 0 && k < deal->party_count; k++)
                if (deal->parties[k] != seat) other = deal->parties[k];
            SDL_Color mc = d->status == CP_DEAL_REJECTED || d->status == CP_DEAL_BREACHED ? COL_BAD
                           : d->status == CP_DEAL_ACTIVE || d->status == CP_DEAL_AGREED ? COL_GOOD
                                                                                         : COL_TEXT_DIM;
            snprintf(id, sizeof id, "Report/Deal/%d", i);
            y += line(a, (SDL_Rect){x, y, tw, 0}, "\xE2\x97\x86", mc, d->text, NULL, other, id);
        }
        y += app_px(a, 6);
    }

    /* the treasury, in parts that add up */
    cp_money_report m;
    cp_world_money_report(w, seat, &m);
    if (m.turn > 0) {
        y = section(a, x, y, tw, "YOUR TREASURY");
        static const char *const parts[CP_MONEY_COUNT] = {"budget", "construction", "stockpile", "subsidies",
                                                          "price floors", "tariffs", "export taxes"};
        char text[600], tip[900], b0[32], b1[32];
        fmt_musd(b0, sizeof b0, m.before_musd);
        fmt_musd(b1, sizeof b1, m.after_musd);
        size_t n = (size_t)snprintf(text, sizeof text, "%s to %s:", b0, b1);
        size_t k = (size_t)snprintf(tip, sizeof tip, "Treasury %s at the start of the quarter", b0);
        for (int i = 0; i < CP_MONEY_COUNT; i++) {
            if (fabs(m.part_musd[i]) < 0.05) continue;
            char v[32];
            fmt_musd(v, sizeof v, fabs(m.part_musd[i]));
            if (n < sizeof text) n += (size_t)snprintf(text + n, sizeof text - n, " %s%s %s", m.part_musd[i] < 0 ? "\xE2\x88\x92" : "+", v, parts[i]);
            if (k < sizeof tip) k += (size_t)snprintf(tip + k, sizeof tip - k, "\n%s %s: %s", m.part_musd[i] < 0 ? "\xE2\x88\x92" : "+", parts[i], v);
        }
        if (k < sizeof tip) snprintf(tip + k, sizeof tip - k, "\n= %s at its end. The parts add up (the core's turn report).", b1);
        y += line(a, (SDL_Rect){x, y, tw, 0}, "$", COL_TEXT_DIM, text, tip, seat, "Report/Money");
        y += app_px(a, 6);
    }

    /* key figures that moved */
    {
        y = section(a, x, y, tw, "WHAT MOVED");
        static const fig_id figs[] = {FIG_DEMAND_MET, FIG_SHORTAGE, FIG_PRICE_PAID, FIG_STOCKPILE, FIG_SCORE, FIG_PRESSURE};
        int moved = 0;
        for (size_t i = 0; i < sizeof figs / sizeof figs[0]; i++) {
            cp_good g = figs[i] == FIG_DEMAND_MET ? CP_MAGNET : a->good;
            double v = fig_value(w, seat, figs[i], g), pv = fig_prev(w, a->prev, seat, figs[i], g);
            if (isnan(v) || isnan(pv) || fabs(v - pv) <= 1e-6 * fmax(1, fabs(pv))) continue;
            char label[96], a0[48], a1[48], text[300];
            fig_label(figs[i], g, label, sizeof label);
            fig_format(figs[i], g, pv, a0, sizeof a0);
            fig_format(figs[i], g, v, a1, sizeof a1);
            snprintf(text, sizeof text, "%s: %s \xE2\x86\x92 %s", label, a0, a1);
            int pol = fig_polarity(figs[i]) * (v > pv ? 1 : -1);
            snprintf(id, sizeof id, "Report/Figure/%d", (int)i);
            y += line(a, (SDL_Rect){x, y, tw, 0}, v > pv ? "\xE2\x96\xB2" : "\xE2\x96\xBC",
                      pol > 0 ? COL_GOOD : pol < 0 ? COL_BAD : COL_TEXT_DIM, text,
                      NULL, seat, id);
            moved++;
        }
        if (!moved) y += line(a, (SDL_Rect){x, y, tw, 0}, "\xE2\x80\x93", COL_TEXT_MUTED, "None of your key figures moved.", NULL, -1, "Report/NoMoves");
    }
    p->report_content_h = y + app_px(a, 8) + p->report_scroll - clip.y;
    SDL_RenderSetClipRect(a->renderer, NULL);
    /* scroll bar, when the body is longer than the card */
    if (p->report_content_h > clip.h) {
        int track = clip.h - app_px(a, 8);
        int th = track * clip.h / p->report_content_h;
        int ty = clip.y + app_px(a, 4) + (track - th) * p->report_scroll / (p->report_content_h - clip.h);
        draw_round(a->renderer, (SDL_Rect){card.x + card.w - app_px(a, 10), ty, app_px(a, 4), th}, app_px(a, 2), COL_BORDER);
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Scroll or PgUp/PgDn for more", x, card.y + card.h - app_px(a, 40),
                  ALIGN_LEFT);
    }
    SDL_Rect ok = {card.x + card.w - pad - app_px(a, 140), card.y + card.h - app_px(a, 48), app_px(a, 140), app_px(a, 34)};
    if (fw_button(a, ok, "To the map", BTN_PRIMARY, "Close the report (Enter); R shows it again", "Report/Ok")) report_close(a);
    a->modal = 0;
}
