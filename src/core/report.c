/* report.c -- what the last quarter did with each seat's orders, deals and
 * money: the turn report a player reads at the end of a turn and an agent
 * reads in its view.
 *
 * The advance calls report_begin before anything moves (the treasuries as
 * they stood), report_order for each queued or scheduled order as it is
 * applied or refused, and report_end after the markets (what strategic
 * purchases got, every deal step of the turn, the treasury after). Money
 * moves are counted where they happen (turn.c, order.c, facility.c,
 * production.c, market.c add to money_q), so the parts add up to the
 * treasury's change. Nothing here is state: it is not saved or hashed, and a
 * loaded world has an empty report until it advances.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

/* A nation as a person reads it: the report is read in the window and by agents. */
static const char *named(const cp_world *w, int n)
{
    return (n >= 0 && n < w->nation_count) ? w->nations[n].name : "?";
}

void report_begin(cp_world *w)
{
    w->rep_order_count = 0;
    w->rep_deal_count = 0;
    w->rep_turn = w->turn + 1;
    memset(w->money_q, 0, sizeof w->money_q);
    memset(w->pile_got_t, 0, sizeof w->pile_got_t);
    memset(w->pile_paid_musd, 0, sizeof w->pile_paid_musd);
    for (int n = 0; n < w->nation_count; n++)
        w->rep_before_musd[n] = w->nations[n].treasury_musd;
}

/* Grow a report array by one; NULL when memory runs out (the report is
 * commentary: losing a line never changes the game). */
static void *grow(void **items, int *count, int *cap, size_t size)
{
    if (*count == *cap) {
        int next = *cap ? *cap * 2 : 32;
        void *bigger = realloc(*items, size * (size_t)next);
        if (!bigger)
            return NULL;
        *items = bigger;
        *cap = next;
    }
    return (char *)*items + size * (size_t)(*count)++;
}

/* Record an order applied (st == CP_OK) or refused with 'refusal'. Its text
 * is the news line it made (from item 'news_before' on), or the refusal. */
void report_order(cp_world *w, const cp_order *o, int scheduled, cp_status st,
                  const char *refusal, double spent_musd, int news_before)
{
    cp_order_report *r = grow((void **)&w->rep_orders, &w->rep_order_count, &w->rep_order_cap,
                              sizeof *r);
    if (!r)
        return;
    memset(r, 0, sizeof *r);
    r->order = *o;
    r->scheduled = scheduled;
    r->asked = o->amount;
    r->facility = -1;
    if (st != CP_OK) {
        r->outcome = CP_OUTCOME_REFUSED;
        text_format(r->text, sizeof r->text, "refused: %s", refusal ? refusal : "");
        return;
    }
    r->outcome = CP_OUTCOME_DONE;
    r->done = o->amount;
    r->spent_musd = spent_musd;
    if (o->kind == CP_ORDER_BUILD_FACILITY)
        r->facility = w->facility_count - 1;
    else if (o->kind == CP_ORDER_FUND_FACILITY || o->kind == CP_ORDER_IDLE_FACILITY ||
             o->kind == CP_ORDER_CLOSE_FACILITY)
        r->facility = o->facility;
    if (w->news_count > news_before)
        text_format(r->text, sizeof r->text, "%s", w->news[news_before].text);
    else
        text_format(r->text, sizeof r->text, "%s carried out", cp_order_kind_label(o->kind));
}

void report_why(cp_world *w, int entry, const char *text)
{
    struct rep_why *y = grow((void **)&w->why, &w->why_count, &w->why_cap, sizeof *y);
    if (!y)
        return;
    y->entry = entry;
    text_format(y->text, sizeof y->text, "%s", text);
}

/* Strategic purchases: each order of a nation for a good gets its share of
 * what the market filled, by tonnes asked. */
static void fill_purchases(cp_world *w)
{
    double asked[CP_GOOD_COUNT][CP_MAX_NATIONS];
    memset(asked, 0, sizeof asked);
    for (int k = 0; k < w->rep_order_count; k++) {
        const cp_order_report *r = &w->rep_orders[k];
        if (r->order.kind == CP_ORDER_BUY_STOCKPILE && r->outcome != CP_OUTCOME_REFUSED)
            asked[r->order.good][r->order.nation] += r->asked;
    }
    for (int k = 0; k < w->rep_order_count; k++) {
        cp_order_report *r = &w->rep_orders[k];
        if (r->order.kind != CP_ORDER_BUY_STOCKPILE || r->outcome == CP_OUTCOME_REFUSED)
            continue;
        int g = r->order.good, n = r->order.nation;
        double share = asked[g][n] > 0 ? r->asked / asked[g][n] : 0;
        double got = w->pile_got_t[g][n] * share;
        r->done = got;
        r->spent_musd = w->pile_paid_musd[g][n] * share;
        r->price_usd_per_kg = got > 0 ? r->spent_musd * 1000.0 / got : 0; /* $M/t -> $/kg */
        r->outcome = got >= r->asked * (1 - 1e-9) ? CP_OUTCOME_DONE : CP_OUTCOME_PARTIAL;
        text_format(r->text, sizeof r->text,
                 "bought %.0f t of the %.0f t of %s asked for the stockpile, at $%.2f/kg: $%.1fM",
                 got, r->asked, cp_good_label((cp_good)g), r->price_usd_per_kg, r->spent_musd);
    }
}

/* Every step of the turn's deal log, once for each party of its deal. */
static void fill_deals(cp_world *w)
{
    for (int e = w->rep_deal_from; e < w->deal_event_count; e++) {
        const cp_deal_event *ev = &w->deal_events[e];
        if (ev->deal_id < 0 || ev->deal_id >= w->deal_count)
            continue;
        const cp_deal *d = &w->deals[ev->deal_id];
        char terms[CP_TEXT_LEN], line[CP_TEXT_LEN];
        cp_deal_terms(w, d, terms, sizeof terms); /* its terms as they stand now, plainly */
        const char *why = NULL;
        for (int k = 0; k < w->why_count; k++)
            if (w->why[k].entry == e)
                why = w->why[k].text;
        if (ev->nation < 0) /* the rules' own step: started, expired, lapsed... */
            text_format(line, sizeof line, "a deal %s (%s)", ev->what, terms);
        else if (why)
            text_format(line, sizeof line, "%s %s a deal (%s): %s", named(w, ev->nation), ev->what,
                        terms, why);
        else
            text_format(line, sizeof line, "%s %s a deal (%s)", named(w, ev->nation), ev->what, terms);
        for (int p = 0; p < d->party_count; p++) {
            cp_deal_report *r = grow((void **)&w->rep_deals, &w->rep_deal_count,
                                     &w->rep_deal_cap, sizeof *r);
            if (!r)
                return;
            memset(r, 0, sizeof *r);
            r->deal_id = ev->deal_id;
            r->nation = ev->nation;
            r->status = ev->status;
            text_format(r->what, sizeof r->what, "%s", ev->what);
            text_format(r->text, sizeof r->text, "%s", line);
            r->for_nation = d->parties[p];
        }
    }
}

void report_end(cp_world *w)
{
    fill_purchases(w);
    fill_deals(w);
    w->rep_deal_from = w->deal_event_count;
    w->why_count = 0;
    for (int n = 0; n < w->nation_count; n++)
        w->rep_after_musd[n] = w->nations[n].treasury_musd;
}

void report_free(cp_world *w)
{
    free(w->rep_orders);
    free(w->rep_deals);
    free(w->why);
    w->rep_orders = NULL;
    w->rep_deals = NULL;
    w->why = NULL;
    w->rep_order_cap = w->rep_deal_cap = w->why_cap = 0;
    w->rep_order_count = w->rep_deal_count = w->why_count = 0;
}

/* Duplicate one report array of 'count' items into a fresh block. */
static int dup(void **to, int *cap, const void *from, int count, size_t size)
{
    *to = NULL;
    *cap = 0;
    if (count == 0)
        return 0;
    *to = malloc(size * (size_t)count);
    if (!*to)
        return -1;
    memcpy(*to, from, size * (size_t)count);
    *cap = count;
    return 0;
}

int report_copy(cp_world *dst, const cp_world *src)
{
    int a = dup((void **)&dst->rep_orders, &dst->rep_order_cap, src->rep_orders,
                src->rep_order_count, sizeof *src->rep_orders);
    int b = dup((void **)&dst->rep_deals, &dst->rep_deal_cap, src->rep_deals,
                src->rep_deal_count, sizeof *src->rep_deals);
    int c = dup((void **)&dst->why, &dst->why_cap, src->why, src->why_count, sizeof *src->why);
    return (a || b || c) ? -1 : 0;
}

/* ---- reading ---- */

int cp_world_report_turn(const cp_world *w) { return w->rep_turn; }

static int valid_nation(const cp_world *w, int n) { return n >= 0 && n < w->nation_count; }

int cp_world_order_report_count(const cp_world *w, int nation)
{
    int c = 0;
    if (valid_nation(w, nation))
        for (int k = 0; k < w->rep_order_count; k++)
            c += w->rep_orders[k].order.nation == nation;
    return c;
}

const cp_order_report *cp_world_order_report(const cp_world *w, int nation, int index)
{
    if (!valid_nation(w, nation) || index < 0)
        return NULL;
    for (int k = 0; k < w->rep_order_count; k++)
        if (w->rep_orders[k].order.nation == nation && index-- == 0)
            return &w->rep_orders[k];
    return NULL;
}

int cp_world_deal_report_count(const cp_world *w, int nation)
{
    int c = 0;
    if (valid_nation(w, nation))
        for (int k = 0; k < w->rep_deal_count; k++)
            c += w->rep_deals[k].for_nation == nation;
    return c;
}

const cp_deal_report *cp_world_deal_report(const cp_world *w, int nation, int index)
{
    if (!valid_nation(w, nation) || index < 0)
        return NULL;
    for (int k = 0; k < w->rep_deal_count; k++)
        if (w->rep_deals[k].for_nation == nation && index-- == 0)
            return &w->rep_deals[k];
    return NULL;
}

void cp_world_money_report(const cp_world *w, int nation, cp_money_report *out)
{
    memset(out, 0, sizeof *out);
    if (!valid_nation(w, nation) || w->rep_turn == 0)
        return;
    out->turn = w->rep_turn;
    out->before_musd = w->rep_before_musd[nation];
    out->after_musd = w->rep_after_musd[nation];
    memcpy(out->part_musd, w->money_q[nation], sizeof out->part_musd);
}
