/* actions.c -- the orders dock of a human seat: one tab per family of orders, each form showing
 * what the order costs and whether the core accepts it, and this turn's queued orders with undo.
 * Every form ends in an orders_ui.h builder and cp_world_submit: no rule is checked here. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "fmt.h"
#include "formw.h"
#include "labels.h"
#include "play_internal.h"
#include "theme.h"

enum { DOCK_W = 340, ROW = 30, GAP = 8 };

static const char *tab_names[TAB_COUNT] = {"Build", "Plants", "Tariffs", "Exports",
                                           "Stockpile", "Support", "Security", "Deals"};
static const char *tab_tips[TAB_COUNT] = {
    "Announce a mine, separation plant or magnet plant, at home or abroad",
    "Fund, idle, resume or close the plants you host or fund",
    "Import tariffs by good and origin",
    "Export controls (open, licensed, banned), suspensions, quotas and export taxes",
    "Buy into or release from the strategic stockpile",
    "Subsidies for home plants and price floors for home producers",
    "The tracking system, the processing-technology export ban and the extraterritorial rule",
    "Deals with other nations: propose, answer, counter"};

int dock_width(const ui_app *a)
{
    return app_px(a, DOCK_W);
}

/* The folded dock: a strip with one button, which unfolds the dock by closing the nation's
 * panel that took its room (frame.c decides when the window is too narrow for both). */
void dock_strip(ui_app *a, SDL_Rect rc)
{
    draw_fill(a->renderer, rc, COL_PANEL_SOLID);
    draw_vline(a->renderer, rc.x + rc.w - 1, rc.y, rc.y + rc.h, COL_BORDER);
    SDL_Rect b = {rc.x + app_px(a, 3), rc.y + app_px(a, 8), rc.w - app_px(a, 6), app_px(a, 96)};
    if (fw_button(a, b, "\xC2\xBB", BTN_SECONDARY,
                  "Your orders (O). The window has no room for them beside the nation's panel: this "
                  "closes the panel and shows them.",
                  "Dock/Unfold"))
        app_select(a, -1);
}

typedef struct {
    ui_app *a;
    int x, y, w;
} cur;

static SDL_Rect next_row(cur *c)
{
    SDL_Rect rc = {c->x, c->y, c->w, app_px(c->a, ROW)};
    c->y += rc.h + app_px(c->a, 6);
    return rc;
}

static void line(cur *c, font_id f, SDL_Color col, const char *s)
{
    c->y += text_draw_wrapped(c->a->text, f, col, s, c->x, c->y, c->w) + app_px(c->a, 4);
}

/* Step 'v' to the neighbour in 'steps' (sorted) in direction 'dir'. */
static double step_in(const double *steps, int n, double v, int dir)
{
    int best = 0;
    for (int i = 0; i < n; i++)
        if (fabs(steps[i] - v) < fabs(steps[best] - v)) best = i;
    best += dir;
    if (best < 0) best = 0;
    if (best >= n) best = n - 1;
    return steps[best];
}

/* The next nation after 'n' in direction 'dir', skipping the seat; with 'all' CP_ALL is a stop. */
static int cycle_nation(const ui_app *a, int n, int dir, int all)
{
    int count = cp_world_nation_count(a->world), seat = play_current_seat(a);
    int total = count + (all ? 1 : 0);
    int i = n == CP_ALL ? count : n;
    for (int k = 0; k < total; k++) {
        i = (i + dir + total) % total;
        if (i == count) return CP_ALL;
        if (i != seat) return i;
    }
    return n;
}

static int cycle(int v, int dir, int lo, int hi)
{
    v += dir;
    if (v < lo) v = hi;
    if (v > hi) v = lo;
    return v;
}

static const char *good_label(int g)
{
    return g == CP_ALL ? "Every good" : label_good((cp_good)g);
}

/* The nation that exports most of 'good' (the usual target of a tariff), other than 'seat'. */
static int main_supplier(const cp_world *w, int good, int seat)
{
    const cp_market *m = cp_world_market(w, (cp_good)good);
    int best = -1;
    double most = -1;
    for (int i = 0; i < cp_world_nation_count(w); i++) {
        if (i == seat) continue;
        double s = 0;
        for (int j = 0; j < cp_world_nation_count(w); j++)
            if (j != i) s += m->flow_t[i][j];
        if (s > most) {
            most = s;
            best = i;
        }
    }
    return best;
}

void dock_reset_forms(ui_app *a)
{
    struct play_state *p = a->play;
    int seat = p->seat;
    memset(p->form, 0, sizeof p->form);
    memset(p->touched, 0, sizeof p->touched);
    int good = (int)a->good;
    int supplier = seat >= 0 ? main_supplier(a->world, good, seat) : 0;
    for (int t = 0; t < TAB_COUNT; t++) {
        dock_form *f = &p->form[t];
        f->good = good;
        f->partner = CP_ALL;
        f->mode = CP_CONTROL_LICENSED;
        f->share = 0.5;
        f->turns = 4;
    }
    p->form[TAB_BUILD].partner = seat;
    p->form[TAB_BUILD].amount = 5000;
    p->form[TAB_PLANTS].amount = 100;
    p->form[TAB_TARIFFS].partner = supplier;
    p->form[TAB_TARIFFS].amount = 0.25;
    p->form[TAB_STOCKPILE].amount = 500;
    p->form[TAB_SUPPORT].share = 0.2;
}

/* The plants the seat hosts or funds, for the Plants tab. */
static int seat_plants(const ui_app *a, int seat, int *out, int max)
{
    int n = 0;
    for (int i = 0; i < cp_world_facility_count(a->world) && n < max; i++) {
        const cp_facility *f = cp_world_facility(a->world, i);
        if ((f->host == seat || f->funder == seat) && f->stage != CP_STAGE_CLOSED) out[n++] = i;
    }
    return n;
}

/* The form of the current tab: draws its controls and builds the order they describe.
 * Returns 1 when 'o' is an order to show and queue. */
static int form_draw(ui_app *a, cur *c, cp_order *o)
{
    struct play_state *p = a->play;
    int seat = p->seat;
    dock_form *f = &p->form[p->tab];
    const cp_nation *me = cp_world_nation(a->world, seat);
    char v[160], id[64];
    int d;
#define ID(s) (snprintf(id, sizeof id, "%s/%s", tab_names[p->tab], (s)), id)
    switch (p->tab) {
    case TAB_BUILD: {
        static const double caps[] = {500, 1000, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 40000};
        if ((d = fw_choice(a, next_row(c), "What", label_kind((cp_facility_kind)f->kind),
                           "Mine: about 10 years to ore outside China. Separation: about 5. Magnet plant: about 2.", ID("What"))))
            f->kind = cycle(f->kind, d, 0, CP_FAC_KIND_COUNT - 1);
        if ((d = fw_choice(a, next_row(c), "Where", play_nation_name(a, f->partner), "At home or abroad (you fund it)", ID("Where")))) {
            int n = f->partner == seat ? (d > 0 ? -1 : cp_world_nation_count(a->world)) : f->partner;
            n += d;
            if (n < 0 || n >= cp_world_nation_count(a->world)) n = seat;
            f->partner = n;
        }
        fmt_tonnes(v, sizeof v, f->amount, f->kind == CP_FAC_MAGNET ? "t NdFeB/yr"
                                           : f->kind == CP_FAC_HEAVY_SEPARATION ? "t Dy/Tb/yr" : "t REO/yr");
        if ((d = fw_choice(a, next_row(c), "Capacity", v, "Nameplate capacity", ID("Capacity"))))
            f->amount = step_in(caps, (int)(sizeof caps / sizeof caps[0]), f->amount, d);
        *o = oui_build(seat, f->partner, (cp_facility_kind)f->kind, f->amount);
        return 1;
    }
    case TAB_PLANTS: {
        int list[CP_MAX_FACILITIES];
        int n = seat_plants(a, seat, list, CP_MAX_FACILITIES);
        if (n == 0) {
            line(c, FONT_BODY, COL_TEXT_DIM, "You host or fund no plant yet: announce one under Build.");
            return 0;
        }
        if (f->facility >= n) f->facility = 0;
        const cp_facility *fac = cp_world_facility(a->world, list[f->facility]);
        if ((d = fw_choice(a, next_row(c), "Plant", fac->name, NULL, ID("Plant")))) {
            f->facility = cycle(f->facility, d, 0, n - 1);
            fac = cp_world_facility(a->world, list[f->facility]);
        }
        if (f->shown != fac->id + 1) { /* the likely action for the plant's stage */
            f->shown = fac->id + 1;
            f->action = fac->stage == CP_STAGE_OPERATING ? 1 : fac->stage == CP_STAGE_IDLED ? 2 : 0;
        }
        char cap[48];
        snprintf(v, sizeof v, "%s in %s, %s, %s", label_kind(fac->kind), play_nation_name(a, fac->host),
                 fmt_tonnes(cap, sizeof cap, fac->capacity_t_per_yr, "t/yr"), label_stage(fac->stage));
        line(c, FONT_SMALL, COL_TEXT_DIM, v);
        static const char *acts[] = {"Put in money", "Idle", "Resume", "Close for good"};
        if ((d = fw_choice(a, next_row(c), "Action", acts[f->action], NULL, ID("Action")))) f->action = cycle(f->action, d, 0, 3);
        if (f->action == 0) {
            static const double musd[] = {10, 25, 50, 100, 250, 500, 1000, 2500};
            if ((d = fw_choice(a, next_row(c), "Amount", fmt_musd(v, sizeof v, f->amount), "Speeds construction", ID("Amount"))))
                f->amount = step_in(musd, 8, f->amount, d);
            *o = oui_fund(seat, fac->id, f->amount);
        } else if (f->action == 3) {
            *o = oui_close(seat, fac->id);
        } else {
            *o = oui_idle(seat, fac->id, f->action == 1);
        }
        return 1;
    }
    case TAB_TARIFFS: {
        if ((d = fw_choice(a, next_row(c), "Good", good_label(f->good), NULL, ID("Good"))))
            f->good = f->good == CP_ALL ? (d > 0 ? 0 : CP_GOOD_COUNT - 1) : (f->good + d < 0 || f->good + d >= CP_GOOD_COUNT ? CP_ALL : f->good + d);
        if ((d = fw_choice(a, next_row(c), "From", play_nation_name(a, f->partner), "The exporting nation, or everyone", ID("From"))))
            f->partner = cycle_nation(a, f->partner, d, 1);
        if ((d = fw_choice(a, next_row(c), "Rate", fmt_share(v, sizeof v, f->amount), NULL, ID("Rate")))) {
            f->amount = oui_step_amount(CP_ORDER_SET_TARIFF, 0, f->amount, d * 0.05);
        }
        if (f->good != CP_ALL && f->partner != CP_ALL) {
            snprintf(v, sizeof v, "Now: %s", fmt_share(id, sizeof id, me->policy.tariff[f->good][f->partner]));
            fw_trace(a, "Tariffs/Now", v, (SDL_Rect){c->x, c->y, c->w, 0});
            line(c, FONT_SMALL, COL_TEXT_MUTED, v);
        }
        *o = oui_tariff(seat, f->good, f->partner, f->amount);
        return 1;
    }
    case TAB_EXPORTS: {
        static const char *acts[] = {"Set a control", "Suspend controls", "Lift (open)", "Export quota", "Export tax"};
        if ((d = fw_choice(a, next_row(c), "Action", acts[f->action], NULL, ID("Action")))) f->action = cycle(f->action, d, 0, 4);
        int all_goods = f->action <= 2;
        if (!all_goods && f->good == CP_ALL) f->good = CP_MAGNET;
        if ((d = fw_choice(a, next_row(c), "Good", good_label(f->good), NULL, ID("Good")))) {
            if (all_goods) f->good = f->good == CP_ALL ? (d > 0 ? 0 : CP_GOOD_COUNT - 1) : (f->good + d < 0 || f->good + d >= CP_GOOD_COUNT ? CP_ALL : f->good + d);
            else f->good = cycle(f->good, d, 0, CP_GOOD_COUNT - 1);
        }
        if (f->action <= 2 && (d = fw_choice(a, next_row(c), "To", play_nation_name(a, f->partner), "The importing nation, or everyone", ID("To"))))
            f->partner = cycle_nation(a, f->partner, d, 1);
        if (f->action == 0) {
            if ((d = fw_choice(a, next_row(c), "Mode", label_control((cp_control_mode)f->mode),
                               "Open: trade flows. Licensed: a share of requests is approved, never for defence use. Banned: only leakage through third countries.", ID("Mode"))))
                f->mode = cycle(f->mode, d, 0, 2);
        }
        if ((f->action == 0 && f->mode == CP_CONTROL_LICENSED)) {
            if ((d = fw_choice(a, next_row(c), "Approved", fmt_share(v, sizeof v, f->share), "Share of licence requests approved", ID("Approved")))) {
                f->share = oui_step_amount(CP_ORDER_SET_EXPORT_CONTROL, CP_CONTROL_LICENSED, f->share, d * 0.05);
            }
        }
        if (f->action == 1) {
            snprintf(v, sizeof v, "%d quarter%s", f->turns, f->turns == 1 ? "" : "s");
            if ((d = fw_choice(a, next_row(c), "For", v, "The controls return by themselves afterwards", ID("For")))) f->turns = cycle(f->turns, d, 1, 40);
        }
        if (f->action == 3) {
            if (f->amount <= 0) f->amount = 1000;
            if ((d = fw_choice(a, next_row(c), "Quota", f->amount < 0 ? "none" : fmt_tonnes(v, sizeof v, f->amount, "t/quarter"), NULL, ID("Quota"))))
                f->amount = f->amount * (d > 0 ? 1.25 : 0.8);
        }
        if (f->action == 4) {
            if (f->share > 1) f->share = 0.1;
            if ((d = fw_choice(a, next_row(c), "Rate", fmt_share(v, sizeof v, f->share), NULL, ID("Rate")))) {
                f->share = oui_step_amount(CP_ORDER_SET_EXPORT_TAX, 0, f->share, d * 0.05);
            }
        }
        if (f->good != CP_ALL && f->partner != CP_ALL && f->action <= 2) {
            const cp_export_control *ec = &me->policy.control[f->good][f->partner];
            snprintf(v, sizeof v, "Now: %s%s", label_control(ec->mode), ec->suspended_turns > 0 ? ", suspended" : "");
            line(c, FONT_SMALL, COL_TEXT_MUTED, v);
        }
        switch (f->action) {
        case 0: *o = oui_export_control(seat, f->good, f->partner, (cp_control_mode)f->mode, f->share); break;
        case 1: *o = oui_suspend(seat, f->good, f->partner, f->turns, CP_CONTROL_OPEN, 1); break;
        case 2: *o = oui_export_control(seat, f->good, f->partner, CP_CONTROL_OPEN, 1); break;
        case 3: *o = oui_export_quota(seat, f->good, f->amount); break;
        default: *o = oui_export_tax(seat, f->good, f->share); break;
        }
        return 1;
    }
    case TAB_STOCKPILE: {
        static const double t[] = {10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
        static const char *acts[] = {"Buy", "Release"};
        if ((d = fw_choice(a, next_row(c), "Action", acts[f->action & 1], NULL, ID("Action")))) f->action = !f->action;
        if ((d = fw_choice(a, next_row(c), "Good", label_good((cp_good)f->good), NULL, ID("Good")))) f->good = cycle(f->good, d, 0, CP_GOOD_COUNT - 1);
        if ((d = fw_choice(a, next_row(c), "Tonnes", fmt_tonnes(v, sizeof v, f->amount, NULL), NULL, ID("Tonnes"))))
            f->amount = step_in(t, 10, f->amount, d);
        snprintf(v, sizeof v, "In your stockpile: %s", fmt_tonnes(id, sizeof id, me->stockpile_t[f->good], label_good_unit((cp_good)f->good)));
        line(c, FONT_SMALL, COL_TEXT_MUTED, v);
        *o = oui_stockpile(seat, f->good, f->amount, f->action & 1);
        return 1;
    }
    case TAB_SUPPORT: {
        static const char *acts[] = {"Subsidy", "Price floor"};
        if ((d = fw_choice(a, next_row(c), "Action", acts[f->action & 1], NULL, ID("Action")))) f->action = !f->action;
        if (!(f->action & 1)) {
            if ((d = fw_choice(a, next_row(c), "Plants", label_kind((cp_facility_kind)f->kind), NULL, ID("Plants"))))
                f->kind = cycle(f->kind, d, 0, CP_FAC_KIND_COUNT - 1);
            if ((d = fw_choice(a, next_row(c), "Share", fmt_share(v, sizeof v, f->share), "Share of operating cost paid by the state", ID("Share")))) {
                f->share = oui_step_amount(CP_ORDER_SET_EXPORT_CONTROL, CP_CONTROL_LICENSED, f->share, d * 0.05);
            }
            *o = oui_subsidy(seat, (cp_facility_kind)f->kind, f->share);
        } else {
            if ((d = fw_choice(a, next_row(c), "Good", label_good((cp_good)f->good), NULL, ID("Good")))) f->good = cycle(f->good, d, 0, CP_GOOD_COUNT - 1);
            double ref = cp_world_scenario(a->world)->goods[f->good].reference_price_usd_per_kg;
            if (f->amount <= 0 || f->amount > 1e5) f->amount = ref;
            if ((d = fw_choice(a, next_row(c), "Floor", fmt_usd_per_kg(v, sizeof v, f->amount), "0 removes the floor", ID("Floor"))))
                f->amount = f->amount * (d > 0 ? 1.1 : 1 / 1.1);
            snprintf(v, sizeof v, "Reference price %s, world price now %s", fmt_usd_per_kg(id, sizeof id, ref),
                     fmt_usd_per_kg((char[48]){0}, 48, cp_world_market(a->world, (cp_good)f->good)->world_price_usd_per_kg));
            line(c, FONT_SMALL, COL_TEXT_MUTED, v);
            *o = oui_price_floor(seat, f->good, f->amount);
        }
        return 1;
    }
    case TAB_SECURITY: {
        static const char *acts[] = {"Tracking system", "Technology ban", "Extraterritorial rule"};
        static const char *what[] = {
            "Cuts transshipment leakage round your bans, and diversion of licensed material to "
            "defense use; shows you who buys.",
            "Bans the export of processing technology: plants elsewhere ramp up slower, cost more "
            "and run dearer, and their technology catches up more slowly.",
            "Your export controls reach magnets made abroad with your rare earths (China's 0.1% "
            "rule, Oct 2025), in proportion to the oxide they took from you."};
        int act = f->action % 3;
        if ((d = fw_choice(a, next_row(c), "Policy", acts[act], NULL, ID("Policy")))) {
            act = (act + (d > 0 ? 1 : 2)) % 3;
            f->action = act;
        }
        int now = act == 0 ? me->policy.tracking : act == 1 ? me->policy.tech_ban : me->policy.extraterritorial;
        snprintf(v, sizeof v, "Now: %s", now ? "on" : "off");
        line(c, FONT_SMALL, COL_TEXT_MUTED, v);
        line(c, FONT_SMALL, COL_TEXT_DIM, what[act]);
        *o = act == 0 ? oui_tracking(seat, !now) : act == 1 ? oui_tech_ban(seat, !now)
                                                            : oui_extraterritorial(seat, !now);
        return 1;
    }
    default:
        return 0;
    }
#undef ID
}

/* Incoming proposals, the seat's own, and deals in force. */
static void deals_draw(ui_app *a, cur *c)
{
    struct play_state *p = a->play;
    int seat = p->seat;
    if (fw_button(a, next_row(c), "Propose a deal\xE2\x80\xA6", BTN_PRIMARY, "Compose clauses with another nation (D)", "Deals/New"))
        deal_open(a, a->selected >= 0 && a->selected != seat ? a->selected : -1, -1);
    int shown = 0;
    char text[400], v[160], id[48];
    for (int i = cp_world_deal_count(a->world) - 1; i >= 0 && c->y < a->out_h - app_px(a, 120); i--) {
        const cp_deal *d = cp_world_deal(a->world, i);
        int party = -1;
        for (int k = 0; k < d->party_count; k++)
            if (d->parties[k] == seat) party = k;
        if (party < 0) continue;
        if (d->status != CP_DEAL_PROPOSED && d->status != CP_DEAL_AGREED && d->status != CP_DEAL_ACTIVE &&
            cp_world_turn(a->world) - d->proposed_turn > 4)
            continue;
        shown++;
        int other = d->parties[party == 0 ? 1 : 0];
        label_deal_terms(a->world, d, text, sizeof text); /* ends with the term */
        snprintf(v, sizeof v, "With %s: %s", play_nation_name(a, other), label_deal_status(d->status));
        text_draw(a->text, FONT_BODY_BOLD, d->status == CP_DEAL_REJECTED ? COL_BAD : d->status == CP_DEAL_ACTIVE ? COL_GOOD : COL_TEXT,
                  v, c->x, c->y, ALIGN_LEFT);
        snprintf(id, sizeof id, "Deal/%d", d->id);
        fw_trace(a, id, cp_deal_status_name(d->status), (SDL_Rect){c->x, c->y, c->w, app_px(a, 18)});
        c->y += app_px(a, 20);
        snprintf(id, sizeof id, "Deal/%d/Text", d->id);
        fw_trace(a, id, text, (SDL_Rect){c->x, c->y, c->w, app_px(a, 16)});
        line(c, FONT_SMALL, COL_TEXT_DIM, text);
        char when[48] = "";
        if (d->status == CP_DEAL_ACTIVE || d->status == CP_DEAL_AGREED) {
            char date[16];
            if (d->status == CP_DEAL_ACTIVE)
                snprintf(when, sizeof when, ", in force to %s", cp_world_date_text(a->world, d->end_turn, date, sizeof date));
            else
                snprintf(when, sizeof when, ", starts next quarter");
        }
        snprintf(v, sizeof v, "Worth to you about %s a year%s", fmt_musd(text, 64, cp_world_deal_value_musd(a->world, d, seat)),
                 when);
        snprintf(id, sizeof id, "Deal/%d/Terms", d->id);
        fw_trace(a, id, v, (SDL_Rect){c->x, c->y, c->w, app_px(a, 16)});
        line(c, FONT_SMALL, COL_TEXT_MUTED, v);
        if (d->status == CP_DEAL_PROPOSED && !d->accepted[party]) {
            int bw = (c->w - 2 * app_px(a, 6)) / 3;
            SDL_Rect b = {c->x, c->y, bw, app_px(a, 28)};
            cp_error e;
            snprintf(id, sizeof id, "Deal/%d/Accept", d->id);
            if (fw_button(a, b, "Accept", BTN_PRIMARY, NULL, id)) {
                if (cp_world_answer(a->world, d->id, seat, CP_ANSWER_ACCEPT, &e) == CP_OK) play_set_msg(p, 0, "You accepted the deal with %s", play_nation_name(a, other));
                else play_set_msg(p, 1, "%s", e.message);
            }
            b.x += bw + app_px(a, 6);
            snprintf(id, sizeof id, "Deal/%d/Reject", d->id);
            if (fw_button(a, b, "Reject", BTN_SECONDARY, NULL, id)) {
                if (cp_world_answer(a->world, d->id, seat, CP_ANSWER_REJECT, &e) == CP_OK) play_set_msg(p, 0, "You rejected the deal with %s", play_nation_name(a, other));
                else play_set_msg(p, 1, "%s", e.message);
            }
            b.x += bw + app_px(a, 6);
            snprintf(id, sizeof id, "Deal/%d/Counter", d->id);
            if (fw_button(a, b, "Counter\xE2\x80\xA6", BTN_SECONDARY, "Change the clauses and send them back", id))
                deal_open(a, other, d->id);
            c->y += app_px(a, 34);
        } else if (d->status == CP_DEAL_PROPOSED && d->proposer == seat) {
            line(c, FONT_SMALL, COL_TEXT_MUTED, "Waiting for their answer: it comes when the turn ends.");
        }
        c->y += app_px(a, 6);
    }
    if (!shown) line(c, FONT_SMALL, COL_TEXT_DIM, "No deals yet. Offers from other nations appear here.");
}

/* This turn's orders of the seat, newest last, each with an undo button. */
static void queue_draw(ui_app *a, cur *c, SDL_Rect dock)
{
    struct play_state *p = a->play;
    c->y += fw_section(a, c->x, c->y, c->w, "THIS TURN'S ORDERS");
    int any = 0;
    char what[200], id[32];
    for (int i = 0; i < cp_world_pending_count(a->world); i++) {
        const cp_order *o = cp_world_pending(a->world, i);
        if (o->nation != p->seat) continue;
        any = 1;
        if (c->y > dock.y + dock.h - app_px(a, 30)) break;
        int bw = app_px(a, 56);
        char fit[200];
        oui_describe(a->world, o, what, sizeof what);
        text_fit(a->text, FONT_SMALL, what, c->w - bw - app_px(a, 6), fit, sizeof fit);
        text_draw(a->text, FONT_SMALL, COL_TEXT, fit, c->x, c->y + app_px(a, 4), ALIGN_LEFT);
        snprintf(id, sizeof id, "Order/%d", i);
        fw_trace(a, id, what, (SDL_Rect){c->x, c->y, c->w - bw, app_px(a, 22)});
        snprintf(id, sizeof id, "Undo/%d", i);
        if (fw_button(a, (SDL_Rect){c->x + c->w - bw, c->y, bw, app_px(a, 22)}, "Undo", BTN_GHOST, "Withdraw this order (Ctrl+Z: the last one)", id)) {
            cp_error e;
            if (cp_world_withdraw(a->world, i, &e) == CP_OK) play_set_msg(p, 0, "Undone: %s", what);
            else play_set_msg(p, 1, "%s", e.message);
            break;
        }
        c->y += app_px(a, 26);
    }
    if (!any) line(c, FONT_SMALL, COL_TEXT_MUTED, "None yet. Queued orders can be undone until you end the turn.");
}

void dock_draw(ui_app *a, SDL_Rect rc)
{
    struct play_state *p = a->play;
    int seat = p->seat;
    draw_fill(a->renderer, rc, COL_PANEL_SOLID);
    draw_vline(a->renderer, rc.x + rc.w - 1, rc.y, rc.y + rc.h, COL_BORDER);
    int pad = app_px(a, 14);
    cur c = {a, rc.x + pad, rc.y + app_px(a, 12), rc.w - 2 * pad};
    const cp_nation *me = cp_world_nation(a->world, seat);
    char v[160], m[48];
    text_draw(a->text, FONT_HEAD, COL_TEXT, me->name, c.x, c.y, ALIGN_LEFT);
    snprintf(v, sizeof v, "Treasury %s", fmt_musd(m, sizeof m, me->treasury_musd));
    text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, v, c.x + c.w, c.y + app_px(a, 3), ALIGN_RIGHT);
    c.y += app_px(a, 26);
    /* tabs in two rows of four */
    int tw = (c.w - 3 * app_px(a, 4)) / 4, th = app_px(a, 26);
    int waiting = 0; /* proposals waiting for this seat's answer */
    for (int i = 0; i < cp_world_deal_count(a->world); i++) {
        const cp_deal *d = cp_world_deal(a->world, i);
        for (int k = 0; d->status == CP_DEAL_PROPOSED && k < d->party_count; k++)
            waiting += d->parties[k] == seat && !d->accepted[k];
    }
    for (int t = 0; t < TAB_COUNT; t++) {
        SDL_Rect b = {c.x + (t % 4) * (tw + app_px(a, 4)), c.y + (t / 4) * (th + app_px(a, 4)), tw, th};
        char id[32], label[32];
        snprintf(id, sizeof id, "Tab/%s", tab_names[t]);
        if (t == TAB_DEALS && waiting) snprintf(label, sizeof label, "Deals %d", waiting);
        else snprintf(label, sizeof label, "%s", tab_names[t]);
        int hit;
        if (p->tab == (dock_tab)t) { /* the open tab: accent, in the body face so "Stockpile" fits */
            fw_trace(a, id, label, b);
            draw_round(a->renderer, b, app_px(a, 6), COL_ACCENT);
            text_draw(a->text, FONT_BODY_BOLD, COL_TEXT_ON_ACCENT, label, b.x + b.w / 2,
                      b.y + (b.h - text_line_h(a->text, FONT_BODY_BOLD)) / 2, ALIGN_CENTER);
            hit = app_click(a, b);
        } else {
            hit = fw_button(a, b, label, BTN_SECONDARY, t == TAB_DEALS && waiting ? "Offers wait for your answer" : tab_tips[t], id);
        }
        if (hit) {
            p->tab = (dock_tab)t;
            p->msg[0] = '\0';
        }
    }
    c.y += 2 * th + app_px(a, 14);
    c.y += fw_section(a, c.x, c.y, c.w, p->tab == TAB_DEALS ? "DEALS" : "ORDER");
    if (p->tab == TAB_DEALS) {
        deals_draw(a, &c);
    } else {
        cp_order o;
        /* a click used by the form changed one of its values: a draft, until it is queued
         * (ending the turn with it asks first, confirm.c) */
        int used = a->in.click_used;
        int shown = form_draw(a, &c, &o);
        if (!used && a->in.click_used) p->touched[p->tab] = 1;
        if (shown && p->touched[p->tab]) p->form_draft[p->tab] = o;
        if (!shown) p->touched[p->tab] = 0; /* a form with nothing to order holds no draft */
        if (shown) {
            char what[200];
            oui_describe(a->world, &o, what, sizeof what);
            line(&c, FONT_BODY_BOLD, COL_TEXT, what);
            double now, total;
            cp_order_cost_musd(a->world, &o, &now, &total);
            if (total > now) {
                char m2[32];
                snprintf(v, sizeof v, "Cost: %s, %s of it this turn, %s", fmt_musd(m, sizeof m, total),
                         fmt_musd(m2, sizeof m2, now), oui_cost_when(&o));
            } else if (total > 0) {
                snprintf(v, sizeof v, "Cost: %s (%s)", fmt_musd(m, sizeof m, total), oui_cost_when(&o));
            } else {
                snprintf(v, sizeof v, "Cost: %s", oui_cost_when(&o));
            }
            line(&c, FONT_SMALL, COL_WARN, v);
            cp_error e;
            int ok = cp_world_check(a->world, &o, &e) == CP_OK;
            fw_trace(a, "Check", ok ? "ok" : e.message, (SDL_Rect){c.x, c.y, c.w, 0});
            if (!ok) line(&c, FONT_SMALL, COL_BAD, e.message);
            SDL_Rect q = next_row(&c);
            SDL_Rect wb = q;
            q.w = q.w * 3 / 5;
            wb.x = q.x + q.w + app_px(a, 6);
            wb.w -= q.w + app_px(a, 6);
            if (fw_button(a, q, "Queue order", ok ? BTN_PRIMARY : BTN_SECONDARY,
                          "Add it to this turn's orders; it takes effect when the turn ends", "Queue"))
                play_submit(a, &o);
            else if (fw_button(a, wb, "What if?", BTN_SECONDARY,
                               "Forecast the next four quarters with and without this order, every "
                               "other nation holding its policies; the game does not change (W)",
                               "WhatIf") ||
                     p->whatif.request)
                whatif_run(a, &o);
            p->whatif.request = 0;
            whatif_draw(a, &o, rc, wb.y - app_px(a, 120));
        }
    }
    if (p->msg[0]) line(&c, FONT_SMALL, p->msg_bad ? COL_BAD : COL_GOOD, p->msg);
    fw_trace(a, "Message", p->msg, (SDL_Rect){c.x, c.y, c.w, 0});
    if (p->last_proposed >= 0) { /* for tests: the message names a deal by its partner, not its id */
        char id[16];
        snprintf(id, sizeof id, "%d", p->last_proposed);
        fw_trace(a, "Proposed", id, (SDL_Rect){c.x, c.y, 0, 0});
    }
    p->whatif.request = 0; /* W with no order in the form asks nothing later */
    c.y += app_px(a, 6);
    queue_draw(a, &c, rc);
}
