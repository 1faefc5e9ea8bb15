/* deal_exec.c -- carrying out deals: the deal phase of each advance.
 *
 * Each advance, after the quarter's orders: deals in force are checked for
 * breaches (a party that re-imposed a control it suspended, raised a tariff
 * it capped or stopped deliveries breaks the deal, which ends, and its trust
 * falls for every nation to see); deals whose term is over expire and the
 * other side's concessions return to what they were; agreed deals start,
 * their clauses applied through the same order machinery as any decision;
 * allies cover each other's shortages from their stockpiles. Offtake
 * deliveries happen inside each market, after production and before trade.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "world_internal.h"

/* Trust lost by a party in breach, on a 0..1 scale; regained slowly. */
static const double BREACH_TRUST_COST = 0.25;
static const double TRUST_RECOVERY_PER_TURN = 0.01;
/* Proposals nobody answered lapse after this many turns. */
static const int PROPOSAL_LIFETIME = 4;

static const double TO_MUSD = 1000.0 / 1e6; /* t * USD/kg -> USD millions */

static double approval(const cp_world *w, int from, int to, int good)
{
    double share;
    control_now(&w->nations[from].policy.control[good][to], &share);
    return share;
}

static void apply(cp_world *w, cp_order o)
{
    cp_error e;
    if (order_check(w, &o, &e) == CP_OK)
        order_apply(w, &o);
    else
        news_add(w, CP_NEWS_POLICY, o.nation, -1, "a deal clause could not be carried out: %s",
                 e.message);
}

static cp_order order_of(cp_order_kind kind, int nation, int partner, int good)
{
    cp_order o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    o.nation = nation;
    o.partner = partner;
    o.good = good;
    return o;
}

static void start_clause(cp_world *w, cp_deal *d, cp_clause *c)
{
    cp_nation *from = &w->nations[c->from], *to = &w->nations[c->to];
    switch (c->kind) {
    case CP_CLAUSE_TARIFF: {
        c->before = from->policy.tariff[c->good][c->to];
        if (c->before > c->amount) {
            cp_order o = order_of(CP_ORDER_SET_TARIFF, c->from, c->to, c->good);
            o.amount = c->amount;
            apply(w, o);
        }
        break;
    }
    case CP_CLAUSE_LICENCE: {
        c->before = approval(w, c->from, c->to, c->good);
        if (c->before < c->amount) {
            cp_order o = order_of(CP_ORDER_SET_EXPORT_CONTROL, c->from, c->to, c->good);
            o.mode = c->amount >= 1.0 ? CP_CONTROL_OPEN : CP_CONTROL_LICENSED;
            o.amount = c->amount;
            apply(w, o);
        }
        break;
    }
    case CP_CLAUSE_SUSPEND: {
        cp_order o = order_of(CP_ORDER_SUSPEND_EXPORT_CONTROL, c->from, c->to, c->good);
        o.turns = d->term_turns;
        o.mode = CP_CONTROL_OPEN;
        cp_error e;
        if (order_check(w, &o, &e) == CP_OK)
            order_apply(w, &o); /* nothing to suspend is no failure */
        break;
    }
    case CP_CLAUSE_COINVEST: {
        cp_facility_spec spec;
        memset(&spec, 0, sizeof spec);
        spec.kind = (cp_facility_kind)c->facility_kind;
        spec.host = spec.funder = c->to;
        spec.capacity_t_per_yr = c->capacity_t_per_yr;
        spec.stage = CP_STAGE_ANNOUNCED;
        text_format(spec.name, sizeof spec.name, "%s %s (%s co-investment)", to->name,
                 cp_facility_kind_label(spec.kind), from->iso3);
        c->facility = fac_add(w, &spec);
        if (c->facility >= 0) {
            w->facilities[c->facility].cofunder = c->from;
            w->facilities[c->facility].cofunder_share = c->amount;
            news_add(w, CP_NEWS_FACILITY, c->to, -1, "%s announces %s: %.0f t/yr, %.0f%% paid by %s",
                     to->name, spec.name, spec.capacity_t_per_yr, c->amount * 100, from->name);
        }
        break;
    }
    case CP_CLAUSE_TECH_TRANSFER: {
        double gap = from->tech[c->facility_kind] - to->tech[c->facility_kind];
        if (gap > 0)
            to->tech[c->facility_kind] += c->amount * gap;
        break;
    }
    case CP_CLAUSE_STOCKPILE: {
        double t = fmin(c->amount, from->stockpile_t[c->good]);
        from->stockpile_t[c->good] -= t;
        to->stock_t[c->good] += t;
        c->delivered_t = t;
        break;
    }
    case CP_CLAUSE_OFFTAKE:
    case CP_CLAUSE_ALLIANCE:
    case CP_CLAUSE_KIND_COUNT:
        break;
    }
}

/* Give back what the other side conceded when a deal ends. */
static void end_deal(cp_world *w, cp_deal *d, cp_deal_status status, int breacher)
{
    d->status = status;
    d->breacher = breacher;
    for (int k = 0; k < d->clause_count; k++) {
        cp_clause *c = &d->clauses[k];
        if (c->from == breacher)
            continue;
        if (c->kind == CP_CLAUSE_TARIFF &&
            w->nations[c->from].policy.tariff[c->good][c->to] <= c->amount + 1e-12 &&
            c->before > c->amount) {
            cp_order o = order_of(CP_ORDER_SET_TARIFF, c->from, c->to, c->good);
            o.amount = c->before;
            apply(w, o);
        } else if (c->kind == CP_CLAUSE_LICENCE && c->before < c->amount) {
            cp_order o = order_of(CP_ORDER_SET_EXPORT_CONTROL, c->from, c->to, c->good);
            o.mode = c->before <= 0 ? CP_CONTROL_BANNED : CP_CONTROL_LICENSED;
            o.amount = c->before;
            apply(w, o);
        }
    }
}

/* Which party, if any, has broken a clause of an active deal. */
static int find_breach(const cp_world *w, const cp_deal *d, char *why, size_t len)
{
    for (int k = 0; k < d->clause_count; k++) {
        const cp_clause *c = &d->clauses[k];
        const char *f = w->nations[c->from].name;
        switch (c->kind) {
        case CP_CLAUSE_TARIFF:
            if (w->nations[c->from].policy.tariff[c->good][c->to] > c->amount + 1e-9) {
                snprintf(why, len, "%s raised its tariff on %s above the agreed %.0f%%", f,
                         cp_good_label((cp_good)c->good), c->amount * 100);
                return c->from;
            }
            break;
        case CP_CLAUSE_LICENCE:
            if (approval(w, c->from, c->to, c->good) < c->amount - 1e-9) {
                snprintf(why, len, "%s cut licences for %s below the agreed %.0f%%", f,
                         cp_good_label((cp_good)c->good), c->amount * 100);
                return c->from;
            }
            break;
        case CP_CLAUSE_SUSPEND:
            for (int g = 0; g < CP_GOOD_COUNT; g++) {
                if (c->good != CP_ALL && c->good != g)
                    continue;
                if (approval(w, c->from, c->to, g) < 1.0 - 1e-9) {
                    snprintf(why, len, "%s re-imposed the controls on %s it had suspended", f,
                             cp_good_label((cp_good)g));
                    return c->from;
                }
            }
            break;
        case CP_CLAUSE_OFFTAKE:
            if (d->start_turn <= w->turn && c->delivered_t < 0.5 * c->amount) {
                snprintf(why, len, "%s stopped deliveries of %s (%.0f of %.0f t)", f,
                         cp_good_label((cp_good)c->good), c->delivered_t, c->amount);
                return c->from;
            }
            break;
        default:
            break;
        }
    }
    return -1;
}

/* Allies cover each other's last-quarter shortages from their stockpiles,
 * up to a quarter of each ally's pile a turn. */
static void share_stockpiles(cp_world *w, const cp_clause *c)
{
    int pair[2][2] = {{c->from, c->to}, {c->to, c->from}};
    for (int s = 0; s < 2; s++) {
        cp_nation *giver = &w->nations[pair[s][0]], *short_of = &w->nations[pair[s][1]];
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            double t = fmin(short_of->shortage_t[g], 0.25 * giver->stockpile_t[g]);
            if (t <= 0)
                continue;
            giver->stockpile_t[g] -= t;
            short_of->stock_t[g] += t;
            news_add(w, CP_NEWS_POLICY, pair[s][0], g, "%s releases %.0f t of %s from its stockpile to its ally %s",
                     giver->name, t, cp_good_label((cp_good)g), short_of->name);
        }
    }
}

void deal_phase(cp_world *w)
{
    int now = w->turn + 1; /* the quarter being resolved */
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        nat->trust = fmin(1.0, nat->trust + TRUST_RECOVERY_PER_TURN);
    }
    for (int id = 0; id < w->deal_count; id++) {
        cp_deal *d = &w->deals[id];
        if (d->status == CP_DEAL_PROPOSED && now - d->proposed_turn > PROPOSAL_LIFETIME) {
            d->status = CP_DEAL_WITHDRAWN;
            deal_log(w, d, -1, "lapsed");
            continue;
        }
        if (d->status == CP_DEAL_ACTIVE && now > d->end_turn) {
            end_deal(w, d, CP_DEAL_EXPIRED, -1);
            deal_log(w, d, -1, "expired");
            news_add_x(w, CP_NEWS_DEAL, d->proposer, -1, deal_other(d, d->proposer), -1, 0,
                       "Deal %d has run its term", d->id);
            continue;
        }
        if (d->status == CP_DEAL_ACTIVE) {
            char why[CP_TEXT_LEN];
            int breacher = find_breach(w, d, why, sizeof why);
            if (breacher >= 0) {
                cp_nation *b = &w->nations[breacher];
                b->trust = fmax(0.0, b->trust - BREACH_TRUST_COST);
                end_deal(w, d, CP_DEAL_BREACHED, breacher);
                deal_log(w, d, breacher, "breached");
                news_add_x(w, CP_NEWS_DEAL, breacher, -1, deal_other(d, breacher), -1, 0,
                           "Deal %d broken: %s; %s's trust falls to %.0f%%",
                         d->id, why, b->name, b->trust * 100);
                continue;
            }
        }
        if (d->status == CP_DEAL_AGREED) {
            d->status = CP_DEAL_ACTIVE;
            d->start_turn = now;
            d->end_turn = now + d->term_turns - 1;
            for (int k = 0; k < d->clause_count; k++)
                start_clause(w, d, &d->clauses[k]);
            deal_log(w, d, -1, "started");
        }
        if (d->status == CP_DEAL_ACTIVE)
            for (int k = 0; k < d->clause_count; k++)
                if (d->clauses[k].kind == CP_CLAUSE_ALLIANCE)
                    share_stockpiles(w, &d->clauses[k]);
    }
}

/* Offtakes of good 'g' in force: delivered from the seller's unsold output
 * (then its users' stock) before the market opens, at the contract price or
 * the seller's price. */
/* The tonnes of 'g' active offtakes will ship this quarter, by seller and
 * by buyer: the market settles around them (market.c). */
void deal_committed(const cp_world *w, cp_good g, double from[], double to[])
{
    for (int n = 0; n < w->nation_count; n++)
        from[n] = to[n] = 0;
    for (int id = 0; id < w->deal_count; id++) {
        const cp_deal *d = &w->deals[id];
        if (d->status != CP_DEAL_ACTIVE)
            continue;
        for (int k = 0; k < d->clause_count; k++) {
            const cp_clause *c = &d->clauses[k];
            if (c->kind != CP_CLAUSE_OFFTAKE || c->good != (int)g || !(c->amount > 0))
                continue;
            from[c->from] += c->amount;
            to[c->to] += c->amount;
        }
    }
}

void deal_deliver(cp_world *w, cp_good g)
{
    for (int id = 0; id < w->deal_count; id++) {
        cp_deal *d = &w->deals[id];
        if (d->status != CP_DEAL_ACTIVE)
            continue;
        for (int k = 0; k < d->clause_count; k++) {
            cp_clause *c = &d->clauses[k];
            if (c->kind != CP_CLAUSE_OFFTAKE || c->good != (int)g)
                continue;
            cp_nation *seller = &w->nations[c->from], *buyer = &w->nations[c->to];
            double from_unsold = fmin(c->amount, seller->unsold_t[g]);
            double from_stock = fmin(c->amount - from_unsold, seller->stock_t[g]);
            if (g == CP_ORE && from_stock > 0 && seller->stock_t[g] > 0) {
                double f = from_stock / seller->stock_t[g];
                double light = seller->ore_stock_light_t * f, heavy = seller->ore_stock_heavy_t * f;
                seller->ore_stock_light_t -= light;
                seller->ore_stock_heavy_t -= heavy;
                buyer->ore_stock_light_t += light;
                buyer->ore_stock_heavy_t += heavy;
            }
            if (g == CP_ORE) {
                buyer->ore_stock_light_t += from_unsold * seller->ore_light_share;
                buyer->ore_stock_heavy_t += from_unsold * seller->ore_heavy_share;
            }
            seller->unsold_t[g] -= from_unsold;
            seller->stock_t[g] -= from_stock;
            double t = from_unsold + from_stock;
            buyer->stock_t[g] += t;
            c->delivered_t = t;
            double price = c->price_usd_per_kg > 0 ? c->price_usd_per_kg : w->mstate[g].price[c->from];
            double musd = t * price * TO_MUSD;
            buyer->import_bill_musd += musd;
            buyer->imports_t[g] += t;
            seller->export_revenue_musd += musd;
            seller->exports_t[g] += t;
            w->ledger.buyers_paid_musd += musd;
            w->ledger.sellers_got_musd += musd;
            w->market[g].traded_t += t;
        }
    }
}

/* A year's worth of a deal to 'nation' at current prices (see chokepoint.h). */
double cp_world_deal_value_musd(const cp_world *w, const cp_deal *d, int nation)
{
    double v = 0;
    for (int k = 0; k < d->clause_count; k++) {
        const cp_clause *c = &d->clauses[k];
        if (c->from < 0 || c->from >= w->nation_count || c->to < 0 || c->to >= w->nation_count)
            continue;
        const cp_nation *from = &w->nations[c->from], *to = &w->nations[c->to];
        int g = c->good >= 0 && c->good < CP_GOOD_COUNT ? c->good : CP_MAGNET;
        double p_from = w->mstate[g].price[c->from];
        double p_to = to->price_paid_usd_per_kg[g];
        double need_yr = cons_need_t(w, c->to, (cp_good)g) * 4.0;
        switch (c->kind) {
        case CP_CLAUSE_TARIFF: {
            double cut = from->policy.tariff[g][c->to] - c->amount;
            if (cut <= 0)
                break;
            double trade = w->market[g].flow_t[c->to][c->from] * 4.0 * p_from * TO_MUSD;
            if (nation == c->to)
                v += 0.5 * cut * trade;  /* exporters keep about half a tariff cut */
            if (nation == c->from)
                v -= 0.5 * cut * trade;
            break;
        }
        case CP_CLAUSE_LICENCE:
        case CP_CLAUSE_SUSPEND: {
            double now = approval(w, c->from, c->to, g);
            double more = (c->kind == CP_CLAUSE_SUSPEND ? 1.0 : c->amount) - now;
            if (more <= 0)
                break;
            double gain = more * need_yr * fmax(0.0, p_to - p_from) * TO_MUSD;
            if (nation == c->to)
                v += gain;
            if (nation == c->from)
                v += 0.2 * more * need_yr * p_from * TO_MUSD - 0.3 * gain; /* sales, less leverage */
            break;
        }
        case CP_CLAUSE_OFFTAKE: {
            double price = c->price_usd_per_kg > 0 ? c->price_usd_per_kg : p_from;
            double t_yr = c->amount * 4.0;
            if (nation == c->to)
                v += t_yr * (p_to - price) * TO_MUSD + 0.1 * t_yr * p_to * TO_MUSD; /* + security */
            if (nation == c->from)
                v += t_yr * (price - p_from) * TO_MUSD;
            break;
        }
        case CP_CLAUSE_COINVEST: {
            double capex = fac_capex_musd((cp_facility_kind)c->facility_kind, c->capacity_t_per_yr);
            if (nation == c->from)
                v -= c->amount * capex / 4.0; /* spread over the build, a year's share */
            if (nation == c->to)
                v += c->amount * capex / 4.0;
            break;
        }
        case CP_CLAUSE_TECH_TRANSFER: {
            double gap = fmax(0.0, from->tech[c->facility_kind] - to->tech[c->facility_kind]);
            if (nation == c->to)
                v += 200.0 * c->amount * gap;
            if (nation == c->from)
                v -= 100.0 * c->amount * gap;
            break;
        }
        case CP_CLAUSE_STOCKPILE:
            if (nation == c->to)
                v += c->amount * p_to * TO_MUSD;
            if (nation == c->from)
                v -= c->amount * p_from * TO_MUSD;
            break;
        default:
            break;
        }
    }
    return v;
}
