/* deal_dialog.c -- composing a deal with another nation: clauses, term, what each side gains by
 * the core's estimate (cp_world_deal_value_musd), the core's check, then propose or counter. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "formw.h"
#include "labels.h"
#include "play_internal.h"
#include "theme.h"

static const char *clause_labels[CP_CLAUSE_KIND_COUNT] = {
    "Tariff cap", "Licence grant", "Suspend controls", "Offtake contract",
    "Co-investment", "Technology transfer", "Stockpile transfer", "Alliance (buyers' club)"};
static const char *clause_tips[CP_CLAUSE_KIND_COUNT] = {
    "The giver caps its tariff on a good from the receiver at a rate",
    "The giver approves at least a share of licence requests for a good to the receiver",
    "The giver suspends its export controls on a good to the receiver for the term",
    "The giver delivers tonnes a quarter of a good at a price (0: the market price)",
    "The giver pays a share of a new plant in the receiver's country (the host pays the rest)",
    "The giver closes a share of the receiver's technology gap in one stage",
    "The giver hands tonnes of a good from its stockpile",
    "Members cover each other's shortages from their stockpiles for the term"};

static int uses_good(int k)
{
    return k == CP_CLAUSE_TARIFF || k == CP_CLAUSE_LICENCE || k == CP_CLAUSE_SUSPEND || k == CP_CLAUSE_OFFTAKE ||
           k == CP_CLAUSE_STOCKPILE;
}

/* Sensible amounts when the clause kind changes. */
static void clause_defaults(struct play_state *p)
{
    static const double amount[CP_CLAUSE_KIND_COUNT] = {0, 1, 0, 250, 0.5, 0.5, 100, 0};
    p->ck_amount = amount[p->ck_kind];
    p->ck_price = 0;
    p->ck_cap = 5000;
}

void deal_open(ui_app *a, int partner, int counter_of)
{
    struct play_state *p = a->play;
    int seat = p->seat;
    if (seat < 0) return;
    if (partner < 0 || partner == seat) partner = seat == 0 ? 1 : 0;
    p->deal_partner = partner;
    p->counter_of = counter_of;
    p->deal_msg[0] = '\0';
    if (counter_of >= 0) {
        p->draft = *cp_world_deal(a->world, counter_of);
    } else {
        oui_deal_init(&p->draft, seat, partner, 8);
        p->ck_kind = CP_CLAUSE_OFFTAKE;
        p->ck_give = 0; /* they give */
        p->ck_good = CP_LIGHT_OXIDE;
        p->ck_fkind = CP_FAC_SEPARATION;
        clause_defaults(p);
    }
    play_open_dialog(a, DLG_DEAL);
}

static void set_partner(struct play_state *p, int n)
{
    p->deal_partner = n;
    if (p->counter_of >= 0) return;
    p->draft.parties[1] = n;
    for (int k = 0; k < p->draft.clause_count; k++) {
        cp_clause *c = &p->draft.clauses[k];
        if (c->from != p->seat) c->from = n;
        if (c->to != p->seat) c->to = n;
    }
}

/* Type-ahead: a letter picks the next nation whose name starts with it. */
int deal_key(ui_app *a, SDL_Keycode key)
{
    struct play_state *p = a->play;
    if (key == SDLK_ESCAPE) {
        play_open_dialog(a, DLG_NONE);
        return 1;
    }
    if (key >= SDLK_a && key <= SDLK_z && p->counter_of < 0) {
        int count = cp_world_nation_count(a->world);
        for (int k = 1; k <= count; k++) {
            int n = (p->deal_partner + k) % count;
            if (n != p->seat && tolower((unsigned char)cp_world_nation(a->world, n)->name[0]) == (int)key) {
                set_partner(p, n);
                break;
            }
        }
    }
    return 1;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void deal_draw(ui_app *a)
{
    struct play_state *p = a->play;
    int seat = p->seat;
    a->modal = 1;
    SDL_Rect card = fw_modal_card(a, 820, 600);
    int pad = app_px(a, 22), row = app_px(a, 30), gap = app_px(a, 6);
    int x = card.x + pad, y = card.y + app_px(a, 18), w = card.w - 2 * pad;
    int colw = (w - app_px(a, 20)) / 2;
    char v[400], t[64];
    int d;
    if (p->counter_of >= 0)
        snprintf(v, sizeof v, "Counter the offer from %s", play_nation_name(a, p->deal_partner));
    else
        snprintf(v, sizeof v, "A deal with %s", play_nation_name(a, p->deal_partner));
    text_draw(a->text, FONT_TITLE, COL_TEXT, v, x, y, ALIGN_LEFT);
    fw_trace(a, "Deal/Title", v, (SDL_Rect){x, y, w, app_px(a, 30)});
    y += app_px(a, 36);

    /* left column: partner, term and the clause being composed */
    int lx = x, ly = y;
    if (p->counter_of < 0 && (d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "With", play_nation_name(a, p->deal_partner),
                                            "Type a letter to jump to a nation", "Deal/With"))) {
        int n = p->deal_partner, count = cp_world_nation_count(a->world);
        do n = (n + d + count) % count; while (n == seat);
        set_partner(p, n);
    }
    if (p->counter_of < 0) ly += row + gap;
    snprintf(t, sizeof t, "%d quarters", p->draft.term_turns);
    if ((d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "Term", t, "How long the deal binds", "Deal/Term")))
        p->draft.term_turns = (int)clamp(p->draft.term_turns + 4 * d, 4, 80);
    ly += row + gap + app_px(a, 8);
    ly += fw_section(a, lx, ly, colw, "NEW CLAUSE");
    if ((d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "Clause", clause_labels[p->ck_kind], clause_tips[p->ck_kind], "Deal/Clause"))) {
        p->ck_kind = (p->ck_kind + d + CP_CLAUSE_KIND_COUNT) % CP_CLAUSE_KIND_COUNT;
        clause_defaults(p);
    }
    ly += row + gap;
    if (p->ck_kind != CP_CLAUSE_ALLIANCE) {
        if (fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "Who gives", p->ck_give ? "You" : play_nation_name(a, p->deal_partner),
                      NULL, "Deal/Gives"))
            p->ck_give = !p->ck_give;
        ly += row + gap;
    }
    if (uses_good(p->ck_kind)) {
        if ((d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "Good", label_good((cp_good)p->ck_good), NULL, "Deal/Good")))
            p->ck_good = (p->ck_good + d + CP_GOOD_COUNT) % CP_GOOD_COUNT;
        ly += row + gap;
    }
    if (p->ck_kind == CP_CLAUSE_COINVEST || p->ck_kind == CP_CLAUSE_TECH_TRANSFER) {
        if ((d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "Stage", label_kind((cp_facility_kind)p->ck_fkind), NULL, "Deal/Stage")))
            p->ck_fkind = (p->ck_fkind + d + CP_FAC_KIND_COUNT) % CP_FAC_KIND_COUNT;
        ly += row + gap;
    }
    const char *alabel = NULL;
    switch (p->ck_kind) {
    case CP_CLAUSE_TARIFF: alabel = "Cap at"; fmt_share(t, sizeof t, p->ck_amount); break;
    case CP_CLAUSE_LICENCE: alabel = "Approve"; fmt_share(t, sizeof t, p->ck_amount); break;
    case CP_CLAUSE_OFFTAKE: alabel = "Tonnes"; fmt_tonnes(t, sizeof t, p->ck_amount, "t/quarter"); break;
    case CP_CLAUSE_COINVEST: alabel = "Pays"; fmt_share(t, sizeof t, p->ck_amount); break;
    case CP_CLAUSE_TECH_TRANSFER: alabel = "Closes"; fmt_share(t, sizeof t, p->ck_amount); break;
    case CP_CLAUSE_STOCKPILE: alabel = "Tonnes"; fmt_tonnes(t, sizeof t, p->ck_amount, NULL); break;
    default: break;
    }
    if (alabel) {
        if ((d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, alabel, t, NULL, "Deal/Amount"))) {
            int tonnes = p->ck_kind == CP_CLAUSE_OFFTAKE || p->ck_kind == CP_CLAUSE_STOCKPILE;
            p->ck_amount = tonnes ? clamp(p->ck_amount * (d > 0 ? 1.5 : 1 / 1.5), 10, 1e5)
                                  : clamp(p->ck_amount + 0.05 * d, 0, p->ck_kind == CP_CLAUSE_TARIFF ? 3 : 1);
        }
        ly += row + gap;
    }
    if (p->ck_kind == CP_CLAUSE_OFFTAKE) {
        if (p->ck_price > 0) fmt_usd_per_kg(t, sizeof t, p->ck_price);
        else snprintf(t, sizeof t, "market price");
        if ((d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "Price", t, NULL, "Deal/Price"))) {
            double ref = cp_world_scenario(a->world)->goods[p->ck_good].reference_price_usd_per_kg;
            p->ck_price = p->ck_price <= 0 ? (d > 0 ? ref : 0) : p->ck_price * (d > 0 ? 1.1 : 1 / 1.1);
            if (p->ck_price < ref * 0.2) p->ck_price = 0;
        }
        ly += row + gap;
    }
    if (p->ck_kind == CP_CLAUSE_COINVEST) {
        if ((d = fw_choice(a, (SDL_Rect){lx, ly, colw, row}, "Capacity", fmt_tonnes(t, sizeof t, p->ck_cap, "t/yr"), NULL, "Deal/Capacity")))
            p->ck_cap = clamp(p->ck_cap * (d > 0 ? 1.5 : 1 / 1.5), 100, 500000);
        ly += row + gap;
    }
    if (fw_button(a, (SDL_Rect){lx, ly, colw, row}, "Add clause", BTN_SECONDARY, NULL, "Deal/Add")) {
        int from = p->ck_give ? seat : p->deal_partner, to = p->ck_give ? p->deal_partner : seat;
        if (oui_deal_add(&p->draft, (cp_clause_kind)p->ck_kind, from, to, uses_good(p->ck_kind) ? p->ck_good : -1,
                         p->ck_fkind, p->ck_amount, p->ck_price, p->ck_cap) < 0) {
            snprintf(p->deal_msg, sizeof p->deal_msg, "A deal holds at most %d clauses", CP_MAX_CLAUSES);
            p->deal_bad = 1;
        } else {
            p->deal_msg[0] = '\0';
        }
    }

    /* right column: the clauses, their worth, the core's check */
    int rx = x + colw + app_px(a, 20), ry = y;
    ry += fw_section(a, rx, ry, colw, "CLAUSES");
    cp_deal *dr = &p->draft;
    for (int k = 0; k < dr->clause_count; k++) {
        cp_deal one = *dr;
        one.clause_count = 1;
        one.clauses[0] = dr->clauses[k];
        label_deal_terms(a->world, &one, v, sizeof v);
        int bw = app_px(a, 64);
        int h = text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT, v, rx, ry + app_px(a, 3), colw - bw - app_px(a, 6));
        char id[32];
        snprintf(id, sizeof id, "Deal/Remove/%d", k);
        fw_trace(a, "Deal/ClauseText", v, (SDL_Rect){rx, ry, colw - bw, h});
        if (fw_button(a, (SDL_Rect){rx + colw - bw, ry, bw, app_px(a, 24)}, "Remove", BTN_GHOST, NULL, id)) {
            oui_deal_remove(dr, k);
            break;
        }
        ry += (h > app_px(a, 24) ? h : app_px(a, 24)) + app_px(a, 8);
    }
    if (!dr->clause_count) {
        ry += text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_MUTED,
                                "No clause yet: compose one on the left and press Add clause.", rx, ry, colw);
        ry += app_px(a, 8);
    }
    ry += app_px(a, 6);
    ry += fw_section(a, rx, ry, colw, "WHAT IT IS WORTH (A YEAR, ROUGHLY)");
    char m1[48], m2[48];
    double mine = cp_world_deal_value_musd(a->world, dr, seat);
    double theirs = cp_world_deal_value_musd(a->world, dr, p->deal_partner);
    snprintf(v, sizeof v, "To you: %s", fmt_musd(m1, sizeof m1, mine));
    text_draw(a->text, FONT_BODY_BOLD, mine >= 0 ? COL_GOOD : COL_BAD, v, rx, ry, ALIGN_LEFT);
    ry += app_px(a, 22);
    snprintf(v, sizeof v, "To %s: %s", play_nation_name(a, p->deal_partner), fmt_musd(m2, sizeof m2, theirs));
    text_draw(a->text, FONT_BODY_BOLD, theirs >= 0 ? COL_GOOD : COL_BAD, v, rx, ry, ALIGN_LEFT);
    fw_trace(a, "Deal/Value", m2, (SDL_Rect){rx, ry, colw, 0});
    ry += app_px(a, 22);
    ry += text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_MUTED,
                            "The core's estimate at today's prices. An agent seat answers at the end of the turn; "
                            "a deal worth little to it is likely to be turned down.", rx, ry, colw) + app_px(a, 8);
    cp_error e;
    int ok = dr->clause_count > 0 && cp_world_check_deal(a->world, dr, &e) == CP_OK;
    if (dr->clause_count > 0 && !ok)
        ry += text_draw_wrapped(a->text, FONT_SMALL, COL_BAD, e.message, rx, ry, colw) + app_px(a, 6);
    if (p->deal_msg[0])
        text_draw_wrapped(a->text, FONT_SMALL, p->deal_bad ? COL_BAD : COL_GOOD, p->deal_msg, rx, ry, colw);
    fw_trace(a, "Deal/Message", p->deal_msg, (SDL_Rect){rx, ry, colw, 0});

    /* the buttons */
    int bw = app_px(a, 140), bh = app_px(a, 36);
    SDL_Rect go = {card.x + card.w - pad - bw, card.y + card.h - pad - bh, bw, bh};
    SDL_Rect cancel = {go.x - app_px(a, 10) - app_px(a, 100), go.y, app_px(a, 100), bh};
    if (fw_button(a, go, p->counter_of >= 0 ? "Send counter" : "Propose", ok ? BTN_PRIMARY : BTN_SECONDARY,
                  "Send it; the other side answers when the turn ends", "Deal/Propose")) {
        if (p->counter_of >= 0) {
            if (cp_world_counter(a->world, p->counter_of, seat, dr, &e) == CP_OK) {
                play_set_msg(p, 0, "Counter sent to %s", play_nation_name(a, p->deal_partner));
                play_open_dialog(a, DLG_NONE);
            } else {
                snprintf(p->deal_msg, sizeof p->deal_msg, "%s", e.message);
                p->deal_bad = 1;
            }
        } else {
            int id = cp_world_propose(a->world, dr, &e);
            if (id >= 0) {
                play_set_msg(p, 0, "Deal proposed to %s: the answer comes when the turn ends",
                             play_nation_name(a, p->deal_partner));
                p->last_proposed = id;
                p->tab = TAB_DEALS;
                play_open_dialog(a, DLG_NONE);
            } else {
                snprintf(p->deal_msg, sizeof p->deal_msg, "%s", dr->clause_count ? e.message : "Add a clause first");
                p->deal_bad = 1;
            }
        }
    }
    if (fw_button(a, cancel, "Cancel", BTN_SECONDARY, "Close without sending (Esc)", "Deal/Cancel")) play_open_dialog(a, DLG_NONE);
    a->modal = 0;
}
