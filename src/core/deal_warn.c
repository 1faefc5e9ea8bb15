/* deal_warn.c -- would an order break a deal its nation has agreed? The warning behind the agents' can_* twins.
 *
 * A party that raises a tariff it capped, cuts licences below a share it
 * granted or re-imposes a control it suspended breaks the deal when the
 * quarter is resolved (deal_exec.c: find_breach) and loses trust. An order
 * that would do it is still a legal order -- breaking a deal is a choice --
 * so the core does not refuse it; it answers the question here, with the
 * same tests find_breach makes, applied to the policy the order would set.
 */
#include <stdio.h>

#include "world_internal.h"

/* Does the order touch the route (good g, towards or from nation 'to')? */
static int covers(const cp_order *o, int g, int to)
{
    return (o->good == CP_ALL || o->good == g) && (o->partner == CP_ALL || o->partner == to);
}

/* The share of licence requests the route passes once a control order has set it. */
static double share_after(const cp_order *o)
{
    if (o->mode == CP_CONTROL_OPEN)
        return 1.0;
    return o->mode == CP_CONTROL_LICENSED ? o->amount : 0.0;
}

/* Is the clause 'c' (given by the order's nation) broken by 'o'? */
static int breaks(const cp_world *w, const cp_order *o, const cp_clause *c, char *why, size_t len)
{
    const char *to = w->nations[c->to].name;
    if (c->kind == CP_CLAUSE_TARIFF && o->kind == CP_ORDER_SET_TARIFF && covers(o, c->good, c->to) &&
        o->amount > c->amount + 1e-9) {
        snprintf(why, len, "a tariff of %.0f%% on %s from %s is above the %.0f%% agreed",
                 o->amount * 100, cp_good_label((cp_good)c->good), to, c->amount * 100);
        return 1;
    }
    if (o->kind != CP_ORDER_SET_EXPORT_CONTROL)
        return 0;
    if (c->kind == CP_CLAUSE_LICENCE && covers(o, c->good, c->to) &&
        share_after(o) < c->amount - 1e-9) {
        snprintf(why, len, "licences for %s to %s would pass %.0f%% of requests, below the %.0f%% "
                 "agreed", cp_good_label((cp_good)c->good), to, share_after(o) * 100, c->amount * 100);
        return 1;
    }
    if (c->kind == CP_CLAUSE_SUSPEND && o->mode != CP_CONTROL_OPEN) {
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            if ((c->good == CP_ALL || c->good == g) && covers(o, g, c->to)) {
                snprintf(why, len, "it re-imposes a control on %s to %s that the deal suspends",
                         cp_good_label((cp_good)g), to);
                return 1;
            }
    }
    return 0;
}

int cp_world_order_breaks_deal(const cp_world *w, const cp_order *o, char *why, size_t len)
{
    if (o->kind != CP_ORDER_SET_TARIFF && o->kind != CP_ORDER_SET_EXPORT_CONTROL)
        return -1;
    for (int id = 0; id < w->deal_count; id++) {
        const cp_deal *d = &w->deals[id];
        if (d->status != CP_DEAL_ACTIVE && d->status != CP_DEAL_AGREED)
            continue;
        for (int k = 0; k < d->clause_count; k++) {
            const cp_clause *c = &d->clauses[k];
            char reason[CP_TEXT_LEN];
            if (c->from != o->nation || c->to < 0 || c->to >= w->nation_count)
                continue;
            if (breaks(w, o, c, reason, sizeof reason)) {
                if (why && len)
                    snprintf(why, len, "breaks deal %d: %s", id, reason);
                return id;
            }
        }
    }
    return -1;
}
