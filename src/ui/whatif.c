/* whatif.c -- the dock's "What if?": the order in the form, forecast a year ahead with and without it.
 *
 * A player weighing a tariff wants to see what it would do before queueing it. The core answers
 * (cp_world_forecast: a copy of the world played forward, the seat's queued orders in it, every
 * other nation holding its policies); this file asks twice, with the order and without, and
 * shows the differences in the dock: the score and its parts over the four quarters, the price of
 * the order's good and the seat's shortage of it. The game itself never changes. The answer is
 * kept until the order, the seat's queue or the quarter changes, when it no longer describes
 * what the form shows and is dropped.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "fmt.h"
#include "formw.h"
#include "labels.h"
#include "play_internal.h"
#include "theme.h"

enum { WHATIF_QUARTERS = 4 };

/* The good an order is about: its own, the one its plant makes, or magnets (the good every
 * seat's score leans on most) for orders about none or all goods. */
static int good_of(const cp_order *o)
{
    if (o->good >= 0 && o->good < CP_GOOD_COUNT) return o->good;
    if (o->kind == CP_ORDER_BUILD_FACILITY || o->kind == CP_ORDER_SET_SUBSIDY) {
        switch (o->facility_kind) {
        case CP_FAC_MINE: return CP_ORE;
        case CP_FAC_SEPARATION: return CP_LIGHT_OXIDE;
        case CP_FAC_HEAVY_SEPARATION: return CP_HEAVY_OXIDE;
        default: return CP_MAGNET;
        }
    }
    return CP_MAGNET;
}

void whatif_run(ui_app *a, const cp_order *o)
{
    struct play_state *p = a->play;
    whatif_state *wi = &p->whatif;
    cp_error e;
    memset(wi, 0, sizeof *wi);
    wi->order = *o;
    wi->turn = cp_world_turn(a->world);
    wi->pending = cp_world_pending_count(a->world);
    wi->good = good_of(o);
    if (cp_world_forecast(a->world, p->seat, NULL, 0, WHATIF_QUARTERS, 0, &wi->without, &e) != CP_OK ||
        cp_world_forecast(a->world, p->seat, o, 1, WHATIF_QUARTERS, 0, &wi->with, &e) != CP_OK) {
        play_set_msg(p, 1, "What if? %s", e.message);
        return;
    }
    wi->shown = 1;
}

/* Does the kept answer still describe the form's order 'o' in this quarter? */
static int still_valid(const ui_app *a, const cp_order *o)
{
    const whatif_state *wi = &a->play->whatif;
    return wi->shown && memcmp(&wi->order, o, sizeof *o) == 0 && wi->turn == cp_world_turn(a->world) &&
           wi->pending == cp_world_pending_count(a->world);
}

/* One row: a label, the figure without the order, with it, and the change, coloured by whether
 * it is good for the seat ('up_good': a rise is good). */
static void row(ui_app *a, int x, int *y, int w, const char *label, const char *without,
                const char *with, double change, const char *change_text, int up_good, const char *id)
{
    int lh = text_line_h(a->text, FONT_SMALL) + app_px(a, 3);
    SDL_Color col = change == 0 ? COL_TEXT_DIM : ((change > 0) == up_good ? COL_GOOD : COL_BAD);
    text_draw(a->text, FONT_SMALL, COL_TEXT, label, x, *y, ALIGN_LEFT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, without, x + w * 56 / 100, *y, ALIGN_RIGHT);
    text_draw(a->text, FONT_SMALL, COL_TEXT, with, x + w * 78 / 100, *y, ALIGN_RIGHT);
    text_draw(a->text, FONT_SMALL, col, change_text, x + w, *y, ALIGN_RIGHT);
    char v[96];
    snprintf(v, sizeof v, "%s -> %s (%s)", without, with, change_text);
    fw_trace(a, id, v, (SDL_Rect){x, *y, w, lh});
    *y += lh;
}

/* A score figure (0..100) and its change, two decimals: a decision moves a year's score by
 * points and tenths. */
static void score_row(ui_app *a, int x, int *y, int w, const char *label, double without, double with,
                      const char *id)
{
    char a1[24], a2[24], d[24];
    snprintf(a1, sizeof a1, "%.2f", without);
    snprintf(a2, sizeof a2, "%.2f", with);
    snprintf(d, sizeof d, "%+.2f", with - without);
    row(a, x, y, w, label, a1, a2, with - without, d, 1, id);
}

static const char NOTE[] = "Your score over the next four quarters without the order and with "
                          "it, every other nation holding its policies. A forecast: the game does "
                          "not change, and others may answer you.";

void whatif_draw(ui_app *a, const cp_order *o, SDL_Rect dock, int anchor_y)
{
    struct play_state *p = a->play;
    whatif_state *wi = &p->whatif;
    if (!wi->shown) return;
    if (!still_valid(a, o)) {
        wi->shown = 0;
        return;
    }
    /* a card beside the dock, over the map, at the button's height as far as the window allows */
    const cp_forecast *f0 = &wi->without, *f1 = &wi->with;
    int pad = app_px(a, 12), w = app_px(a, 340), iw = w - 2 * pad;
    int lh = text_line_h(a->text, FONT_SMALL) + app_px(a, 3);
    char refused[CP_TEXT_LEN + 40] = "";
    if (f1->refused_count)
        snprintf(refused, sizeof refused, "The order would be refused: %s", f1->refused[0].error.message);
    int h = pad + text_line_h(a->text, FONT_BODY_BOLD) + app_px(a, 6) +
            (refused[0] ? text_wrapped_height(a->text, FONT_SMALL, refused, iw) + app_px(a, 4) : 0) +
            text_wrapped_height(a->text, FONT_SMALL, NOTE, iw) + app_px(a, 6) + 8 * lh + pad;
    SDL_Rect card = {dock.x + dock.w + app_px(a, 8), anchor_y, w, h};
    if (card.x + card.w > a->out_w) card.x = a->out_w - card.w - app_px(a, 8);
    if (card.y + card.h > a->out_h - app_px(a, 8)) card.y = a->out_h - app_px(a, 8) - card.h;
    if (card.y < dock.y) card.y = dock.y;
    a->card_over_next = card; /* the views under it leave the mouse to it next frame */
    a->on_card = 1;
    draw_round(a->renderer, (SDL_Rect){card.x - 1, card.y - 1, card.w + 2, card.h + 2}, app_px(a, 8),
               COL_BORDER);
    draw_round(a->renderer, card, app_px(a, 8), COL_PANEL_SOLID);
    fw_trace(a, "WhatIf/Card", "", card);
    int x = card.x + pad, y = card.y + pad;
    text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, "What if? The next year", x, y, ALIGN_LEFT);
    SDL_Rect close = {card.x + card.w - pad - app_px(a, 26), y - app_px(a, 4), app_px(a, 26), app_px(a, 24)};
    int closed = fw_button(a, close, "\xC3\x97", BTN_SECONDARY, "Close the forecast", "WhatIf/Close");
    a->on_card = 0;
    if (closed) {
        wi->shown = 0;
        return;
    }
    y += text_line_h(a->text, FONT_BODY_BOLD) + app_px(a, 6);
    if (refused[0]) {
        y += text_draw_wrapped(a->text, FONT_SMALL, COL_BAD, refused, x, y, iw) + app_px(a, 4);
        fw_trace(a, "WhatIf/Refused", f1->refused[0].error.message, (SDL_Rect){x, y, iw, 0});
    }
    y += text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_MUTED, NOTE, x, y, iw) + app_px(a, 6);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "without", x + iw * 56 / 100, y, ALIGN_RIGHT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "with", x + iw * 78 / 100, y, ALIGN_RIGHT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "change", x + iw, y, ALIGN_RIGHT);
    y += lh;
    score_row(a, x, &y, iw, "Score", f0->window_total, f1->window_total, "WhatIf/Score");
    static const char *const parts[CP_PART_COUNT] = {"  Security", "  Prosperity", "  Leverage",
                                                     "  Stability"};
    for (int k = 0; k < CP_PART_COUNT; k++) {
        char id[40];
        snprintf(id, sizeof id, "WhatIf/%s", cp_score_part_name((cp_score_part)k));
        score_row(a, x, &y, iw, parts[k], f0->window[k], f1->window[k], id);
    }
    int g = wi->good;
    char label[64], s0[32], s1[32], d[32];
    snprintf(label, sizeof label, "%s price", label_good_short((cp_good)g));
    fmt_usd_per_kg(s0, sizeof s0, f0->price_usd_per_kg[g]);
    fmt_usd_per_kg(s1, sizeof s1, f1->price_usd_per_kg[g]);
    double dp = f1->price_usd_per_kg[g] - f0->price_usd_per_kg[g];
    snprintf(d, sizeof d, "%+.2f", dp);
    /* whether a dearer good is good for the seat depends on which side of its market it is:
     * the colour follows its net exports of it now */
    const cp_nation *me = cp_world_nation(a->world, p->seat);
    row(a, x, &y, iw, label, s0, s1, dp, d, me->exports_t[g] > me->imports_t[g], "WhatIf/Price");
    snprintf(label, sizeof label, "%s shortage", label_good_short((cp_good)g));
    fmt_share(s0, sizeof s0, f0->shortage_share[g]);
    fmt_share(s1, sizeof s1, f1->shortage_share[g]);
    double ds = f1->shortage_share[g] - f0->shortage_share[g];
    snprintf(d, sizeof d, "%+.1f pts", 100.0 * ds);
    row(a, x, &y, iw, label, s0, s1, ds, d, 0, "WhatIf/Shortage");
}
