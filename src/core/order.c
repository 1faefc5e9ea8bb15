/* order.c -- the one door into the core: checking and applying orders.
 *
 * Humans (through the window) and agents (through Lua) build the same
 * cp_order and submit it here. cp_world_check says at once whether the order
 * could be carried out and, if not, why, naming the thing that is wrong;
 * cp_world_submit queues it; the policy phase of the next advance applies
 * the queue in a fixed order (by nation, then by submission), so the result
 * never depends on who clicked first.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "world_internal.h"

/* Share of a facility's capital cost paid when it is announced. */
static const double DOWN_PAYMENT = 0.05;

cp_control_mode cp_export_control_now(const cp_export_control *c, double *share)
{
    return control_now(c, share);
}

void cp_order_init(cp_order *o, cp_order_kind kind, int nation)
{
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->nation = nation;
    o->partner = CP_ALL;
    o->good = -1;
    o->facility = -1;
    o->facility_kind = -1;
}

static const char *iso(const cp_world *w, int n)
{
    return (n >= 0 && n < w->nation_count) ? w->nations[n].iso3 : "?";
}

static const char *partner_text(const cp_world *w, int p)
{
    return p == CP_ALL ? "all" : (p >= 0 && p < w->nation_count) ? w->nations[p].name : "?";
}

static double stockpile_cost_musd(const cp_world *w, int n, int g, double t)
{
    double p = w->nations[n].price_paid_usd_per_kg[g];
    if (!(p > 0))
        p = w->sc->goods[g].reference_price_usd_per_kg;
    return t * p * 1000.0 / 1e6;
}

void cp_order_cost_musd(const cp_world *w, const cp_order *o, double *now, double *total)
{
    double pay_now = 0, pay_total = 0;
    int nation_ok = o->nation >= 0 && o->nation < w->nation_count;
    int good_ok = o->good >= 0 && o->good < CP_GOOD_COUNT;
    if (o->kind == CP_ORDER_BUILD_FACILITY && o->facility_kind >= 0 &&
        o->facility_kind < CP_FAC_KIND_COUNT && o->amount > 0) {
        int host = o->partner >= 0 && o->partner < w->nation_count ? o->partner : -1;
        pay_total = host >= 0 ? fac_capex_in_musd(w, (cp_facility_kind)o->facility_kind, host, o->amount)
                              : fac_capex_musd((cp_facility_kind)o->facility_kind, o->amount);
        pay_now = DOWN_PAYMENT * pay_total;
    } else if (o->kind == CP_ORDER_FUND_FACILITY && o->amount > 0) {
        pay_now = pay_total = o->amount;
    } else if (o->kind == CP_ORDER_BUY_STOCKPILE && nation_ok && good_ok && o->amount > 0) {
        pay_now = pay_total = stockpile_cost_musd(w, o->nation, o->good, o->amount);
    }
    if (now)
        *now = pay_now;
    if (total)
        *total = pay_total;
}

/* Money the orders already queued by 'nation' will take this turn. */
double order_committed_musd(const cp_world *w, int nation)
{
    double sum = 0;
    for (int k = 0; k < w->pending_count; k++) {
        double now;
        if (w->pending[k].nation != nation)
            continue;
        cp_order_cost_musd(w, &w->pending[k], &now, NULL);
        sum += now;
    }
    return sum;
}

static double released_pending_t(const cp_world *w, int nation, int good)
{
    double sum = 0;
    for (int k = 0; k < w->pending_count; k++) {
        const cp_order *o = &w->pending[k];
        if (o->nation == nation && o->kind == CP_ORDER_RELEASE_STOCKPILE && o->good == good)
            sum += o->amount;
    }
    return sum;
}

static cp_status check_good(const cp_world *w, const cp_order *o, int allow_all, cp_error *err)
{
    (void)w;
    if (allow_all && o->good == CP_ALL)
        return CP_OK;
    if (o->good < 0 || o->good >= CP_GOOD_COUNT)
        return cp_fail(err, CP_ERR_UNKNOWN_GOOD, "%s: unknown good %d (ore, light_oxide, "
                       "heavy_oxide or magnet)", cp_order_kind_name(o->kind), o->good);
    return CP_OK;
}

static cp_status check_partner(const cp_world *w, const cp_order *o, cp_error *err)
{
    if (o->partner == CP_ALL)
        return CP_OK;
    if (o->partner < 0 || o->partner >= w->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_PARTNER, "%s: unknown partner nation %d",
                       cp_order_kind_name(o->kind), o->partner);
    if (o->partner == o->nation)
        return cp_fail(err, CP_ERR_UNKNOWN_PARTNER, "%s: %s cannot name itself as the partner",
                       cp_order_kind_name(o->kind), iso(w, o->nation));
    return CP_OK;
}

static cp_status check_money(const cp_world *w, const cp_order *o, double cost, cp_error *err)
{
    const cp_nation *n = &w->nations[o->nation];
    double free_musd = n->treasury_musd - order_committed_musd(w, o->nation);
    if (cost > free_musd + 1e-9)
        return cp_fail(err, CP_ERR_NO_MONEY, "%s: costs $%.0fM but %s has $%.0fM left this turn",
                       cp_order_kind_name(o->kind), cost, n->iso3, free_musd > 0 ? free_musd : 0);
    return CP_OK;
}

/* Whether 'host' lets 'investor' build or fund a plant on its soil: its
 * own soil always; abroad when the host is open to foreign investment, or
 * a deal agreed or in force between them covers investment (a coinvest
 * clause from the investor to the host, or both in an alliance). A
 * consented plant is not undone when the host closes later: its funding
 * orders are refused from then on, the plant stands. */
int cp_world_host_consents(const cp_world *w, int investor, int host, char *why, size_t len)
{
    if (investor < 0 || investor >= w->nation_count || host < 0 || host >= w->nation_count) {
        if (why && len)
            snprintf(why, len, "unknown nation %d", investor < 0 || investor >= w->nation_count
                                                         ? investor : host);
        return 0;
    }
    if (investor == host || !w->nations[host].policy.investment_closed)
        return 1;
    for (int k = 0; k < w->deal_count; k++) {
        const cp_deal *d = &w->deals[k];
        if (d->status != CP_DEAL_AGREED && d->status != CP_DEAL_ACTIVE)
            continue;
        int in_alliance[2] = {0, 0};
        for (int c = 0; c < d->clause_count; c++) {
            const cp_clause *cl = &d->clauses[c];
            if (cl->kind == CP_CLAUSE_COINVEST && cl->from == investor && cl->to == host)
                return 1;
            if (cl->kind == CP_CLAUSE_ALLIANCE) {
                in_alliance[0] |= cl->from == investor || cl->to == investor;
                in_alliance[1] |= cl->from == host || cl->to == host;
            }
        }
        if (in_alliance[0] && in_alliance[1])
            return 1;
    }
    if (why && len)
        snprintf(why, len, "%s does not consent: it is closed to foreign investment and has no "
                 "deal with %s that covers investment (a co-investment or an alliance)",
                 w->nations[host].name, w->nations[investor].name);
    return 0;
}

static cp_status check_consent(const cp_world *w, const cp_order *o, int host, cp_error *err)
{
    char why[CP_TEXT_LEN];
    if (cp_world_host_consents(w, o->nation, host, why, sizeof why))
        return CP_OK;
    return cp_fail(err, CP_ERR_NO_CONSENT, "%s: %s", cp_order_kind_name(o->kind), why);
}

static cp_status check_facility(const cp_world *w, const cp_order *o, cp_error *err)
{
    if (o->facility < 0 || o->facility >= w->facility_count)
        return cp_fail(err, CP_ERR_UNKNOWN_FACILITY, "%s: unknown facility %d",
                       cp_order_kind_name(o->kind), o->facility);
    const cp_facility *f = &w->facilities[o->facility];
    if (f->host != o->nation && f->funder != o->nation)
        return cp_fail(err, CP_ERR_NOT_YOURS, "%s: %s belongs to %s, not %s",
                       cp_order_kind_name(o->kind), f->name, iso(w, f->funder),
                       iso(w, o->nation));
    if (f->stage == CP_STAGE_CLOSED)
        return cp_fail(err, CP_ERR_BAD_STATE, "%s: %s is closed", cp_order_kind_name(o->kind),
                       f->name);
    return CP_OK;
}

/* Every amount limit of every order kind, read by check_amount and, for
 * forms, by cp_order_amount_range. */
int cp_order_amount_range(cp_order_kind kind, int mode, cp_range *out)
{
    cp_range r;
    switch (kind) {
    case CP_ORDER_BUILD_FACILITY: r = (cp_range){100, 500000, "capacity (t/yr)"}; break;
    case CP_ORDER_FUND_FACILITY: r = (cp_range){0.01, 1e6, "funding (USD millions)"}; break;
    case CP_ORDER_SET_TARIFF: r = (cp_range){0, 10, "tariff rate"}; break;
    case CP_ORDER_SET_EXPORT_CONTROL:
        if (mode != CP_CONTROL_LICENSED)
            return 0;
        r = (cp_range){0, 1, "approval share"};
        break;
    case CP_ORDER_SUSPEND_EXPORT_CONTROL:
        if (mode != CP_CONTROL_LICENSED)
            return 0;
        r = (cp_range){0, 1, "approval share while suspended"};
        break;
    case CP_ORDER_SET_EXPORT_QUOTA: r = (cp_range){-HUGE_VAL, 1e7, "quota (t per quarter)"}; break;
    case CP_ORDER_SET_EXPORT_TAX: r = (cp_range){0, 5, "export tax rate"}; break;
    case CP_ORDER_BUY_STOCKPILE: r = (cp_range){0.001, 1e6, "tonnes"}; break;
    case CP_ORDER_RELEASE_STOCKPILE: r = (cp_range){0.001, 1e7, "tonnes"}; break;
    case CP_ORDER_SET_SUBSIDY: r = (cp_range){0, 1, "subsidy share"}; break;
    case CP_ORDER_SET_PRICE_FLOOR: r = (cp_range){0, 100000, "price floor (USD/kg)"}; break;
    default: return 0;
    }
    if (out)
        *out = r;
    return 1;
}

/* The order's amount against its kind's range (cp_order_amount_range). */
static cp_status check_amount(const cp_order *o, cp_error *err)
{
    cp_range r = {0, 0, NULL};
    int reads = cp_order_amount_range(o->kind, o->mode, &r);
    assert(reads);
    (void)reads; /* read by the assert only */
    if (!isfinite(o->amount) || o->amount < r.lo || o->amount > r.hi)
        return cp_fail(err, CP_ERR_BAD_VALUE, "%s: %s must be between %g and %g, got %g",
                       cp_order_kind_name(o->kind), r.what, r.lo, r.hi, o->amount);
    return CP_OK;
}

#define TRY(x)                                                                                 \
    do {                                                                                       \
        cp_status st_ = (x);                                                                   \
        if (st_ != CP_OK)                                                                      \
            return st_;                                                                        \
    } while (0)

cp_status order_check(const cp_world *w, const cp_order *o, cp_error *err)
{
    if (!o || o->kind < 0 || o->kind >= CP_ORDER_KIND_COUNT)
        return cp_fail(err, CP_ERR_UNKNOWN_ORDER, "unknown order kind");
    if (o->nation < 0 || o->nation >= w->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "%s: unknown nation %d",
                       cp_order_kind_name(o->kind), o->nation);
    const cp_nation *n = &w->nations[o->nation];
    const char *name = cp_order_kind_name(o->kind);
    switch (o->kind) {
    case CP_ORDER_BUILD_FACILITY: {
        if (o->partner < 0 || o->partner >= w->nation_count)
            return cp_fail(err, CP_ERR_UNKNOWN_PARTNER, "%s: unknown host nation %d", name,
                           o->partner);
        if (o->facility_kind < 0 || o->facility_kind >= CP_FAC_KIND_COUNT)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: unknown facility kind %d (mine, "
                           "separation, heavy_separation or magnet_plant)", name, o->facility_kind);
        TRY(check_amount(o, err));
        if (o->partner != o->nation && o->facility_kind != CP_FAC_MINE && n->policy.tech_ban)
            return cp_fail(err, CP_ERR_FORBIDDEN, "%s: %s's processing-technology export ban "
                           "forbids building a %s abroad", name, n->iso3,
                           cp_facility_kind_name((cp_facility_kind)o->facility_kind));
        if (w->facility_count + 1 > CP_MAX_FACILITIES)
            return cp_fail(err, CP_ERR_FULL, "%s: the world has no room for more facilities",
                           name);
        TRY(check_consent(w, o, o->partner, err));
        double down = DOWN_PAYMENT *
                      fac_capex_in_musd(w, (cp_facility_kind)o->facility_kind, o->partner, o->amount);
        return check_money(w, o, down, err);
    }
    case CP_ORDER_FUND_FACILITY:
        TRY(check_facility(w, o, err));
        TRY(check_amount(o, err));
        TRY(check_consent(w, o, w->facilities[o->facility].host, err));
        if (w->facilities[o->facility].stage >= CP_STAGE_RAMP_UP)
            return cp_fail(err, CP_ERR_BAD_STATE, "%s: %s is built already (%s)", name,
                           w->facilities[o->facility].name,
                           cp_stage_name(w->facilities[o->facility].stage));
        return check_money(w, o, o->amount, err);
    case CP_ORDER_IDLE_FACILITY: {
        TRY(check_facility(w, o, err));
        cp_stage st = w->facilities[o->facility].stage;
        if (o->flag && st != CP_STAGE_OPERATING && st != CP_STAGE_RAMP_UP)
            return cp_fail(err, CP_ERR_BAD_STATE, "%s: %s is not producing (%s)", name,
                           w->facilities[o->facility].name, cp_stage_name(st));
        if (!o->flag && st != CP_STAGE_IDLED)
            return cp_fail(err, CP_ERR_BAD_STATE, "%s: %s is not idled (%s)", name,
                           w->facilities[o->facility].name, cp_stage_name(st));
        return CP_OK;
    }
    case CP_ORDER_CLOSE_FACILITY:
        return check_facility(w, o, err);
    case CP_ORDER_SET_TARIFF:
        TRY(check_good(w, o, 1, err));
        TRY(check_partner(w, o, err));
        return check_amount(o, err);
    case CP_ORDER_SET_EXPORT_CONTROL:
        TRY(check_good(w, o, 1, err));
        TRY(check_partner(w, o, err));
        if (o->mode < CP_CONTROL_OPEN || o->mode > CP_CONTROL_BANNED)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: unknown mode %d (open, licensed or "
                           "banned)", name, o->mode);
        if (o->mode == CP_CONTROL_LICENSED)
            return check_amount(o, err);
        return CP_OK;
    case CP_ORDER_SUSPEND_EXPORT_CONTROL: {
        TRY(check_good(w, o, 1, err));
        TRY(check_partner(w, o, err));
        if (o->turns < 1 || o->turns > CP_SUSPEND_MAX_TURNS)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: turns must be 1 to %d, got %d", name,
                           CP_SUSPEND_MAX_TURNS, o->turns);
        if (o->mode == CP_CONTROL_BANNED)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: while suspended a route can be open or "
                           "licensed, not banned", name);
        if (o->mode == CP_CONTROL_LICENSED)
            TRY(check_amount(o, err));
        else if (o->mode != CP_CONTROL_OPEN)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: unknown mode %d", name, o->mode);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            if (o->good != CP_ALL && o->good != g)
                continue;
            for (int d = 0; d < w->nation_count; d++)
                if (d != o->nation && (o->partner == CP_ALL || o->partner == d) &&
                    n->policy.control[g][d].mode != CP_CONTROL_OPEN)
                    return CP_OK;
        }
        return cp_fail(err, CP_ERR_BAD_STATE, "%s: %s has no export control on %s to %s to "
                       "suspend", name, n->iso3,
                       o->good == CP_ALL ? "any good" : cp_good_name((cp_good)o->good),
                       partner_text(w, o->partner));
    }
    case CP_ORDER_SET_EXPORT_QUOTA:
        TRY(check_good(w, o, 0, err));
        cp_range q = {0, 0, NULL}; /* filled: a quota reads an amount */
        cp_order_amount_range(o->kind, o->mode, &q);
        if (!isfinite(o->amount) || o->amount > q.hi)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: quota must be a tonnage (or negative to "
                           "remove it)", name);
        return CP_OK;
    case CP_ORDER_SET_EXPORT_TAX:
        TRY(check_good(w, o, 0, err));
        return check_amount(o, err);
    case CP_ORDER_BUY_STOCKPILE:
        TRY(check_good(w, o, 0, err));
        TRY(check_amount(o, err));
        return check_money(w, o, stockpile_cost_musd(w, o->nation, o->good, o->amount), err);
    case CP_ORDER_RELEASE_STOCKPILE: {
        TRY(check_good(w, o, 0, err));
        TRY(check_amount(o, err));
        double have = n->stockpile_t[o->good] - released_pending_t(w, o->nation, o->good);
        if (o->amount > have + 1e-9)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: %s holds %.0f t of %s in its stockpile, "
                           "cannot release %.0f t", name, n->iso3, have > 0 ? have : 0,
                           cp_good_name((cp_good)o->good), o->amount);
        return CP_OK;
    }
    case CP_ORDER_SET_SUBSIDY:
        if (o->facility_kind < 0 || o->facility_kind >= CP_FAC_KIND_COUNT)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: unknown facility kind %d", name,
                           o->facility_kind);
        return check_amount(o, err);
    case CP_ORDER_SET_PRICE_FLOOR:
        TRY(check_good(w, o, 0, err));
        return check_amount(o, err);
    case CP_ORDER_SET_TRACKING:
    case CP_ORDER_SET_TECH_BAN:
    case CP_ORDER_SET_EXTRATERRITORIAL:
    case CP_ORDER_SET_FOREIGN_INVESTMENT:
        if (o->flag != 0 && o->flag != 1)
            return cp_fail(err, CP_ERR_BAD_VALUE, "%s: flag must be 0 or 1", name);
        return CP_OK;
    case CP_ORDER_KIND_COUNT:
        break;
    }
    return cp_fail(err, CP_ERR_UNKNOWN_ORDER, "unknown order kind");
}

static uint64_t fold(uint64_t h, uint64_t v)
{
    return rng_mix(h ^ v) + 0x9e3779b97f4a7c15ULL;
}

static uint64_t order_bits(const cp_order *o)
{
    uint64_t a;
    memcpy(&a, &o->amount, sizeof a);
    uint64_t h = fold(0, (uint64_t)o->kind);
    h = fold(h, (uint64_t)(uint32_t)o->nation);
    h = fold(h, (uint64_t)(uint32_t)o->partner);
    h = fold(h, (uint64_t)(uint32_t)o->good);
    h = fold(h, (uint64_t)(uint32_t)o->facility);
    h = fold(h, (uint64_t)(uint32_t)o->facility_kind);
    h = fold(h, (uint64_t)(uint32_t)o->mode);
    h = fold(h, (uint64_t)(uint32_t)o->flag);
    h = fold(h, (uint64_t)(uint32_t)o->turns);
    return fold(h, a);
}

/* Call 'fn' for every (good, destination) an export order names. */
static void each_route(cp_world *w, const cp_order *o,
                       void (*fn)(cp_export_control *, const cp_order *))
{
    cp_nation *n = &w->nations[o->nation];
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        if (o->good != CP_ALL && o->good != g)
            continue;
        for (int d = 0; d < w->nation_count; d++)
            if (d != o->nation && (o->partner == CP_ALL || o->partner == d))
                fn(&n->policy.control[g][d], o);
    }
}

static void set_control(cp_export_control *c, const cp_order *o)
{
    c->mode = (cp_control_mode)o->mode;
    c->approval_share = o->mode == CP_CONTROL_LICENSED ? o->amount : 1.0;
    c->suspended_turns = 0;
}

static void suspend_control(cp_export_control *c, const cp_order *o)
{
    if (c->mode == CP_CONTROL_OPEN)
        return;
    c->suspended_turns = o->turns;
    c->fallback_mode = (cp_control_mode)o->mode;
    c->fallback_share = o->mode == CP_CONTROL_LICENSED ? o->amount : 1.0;
}

static const char *good_text(int g)
{
    return g == CP_ALL ? "all goods" : cp_good_label((cp_good)g);
}

/* Carry out an order already checked. */
void order_apply(cp_world *w, const cp_order *o)
{
    cp_nation *n = &w->nations[o->nation];
    w->policy_hash = fold(w->policy_hash, order_bits(o));
    switch (o->kind) {
    case CP_ORDER_BUILD_FACILITY: {
        cp_facility_spec spec;
        memset(&spec, 0, sizeof spec);
        spec.kind = (cp_facility_kind)o->facility_kind;
        spec.host = o->partner;
        spec.funder = o->nation;
        spec.capacity_t_per_yr = o->amount;
        spec.stage = CP_STAGE_ANNOUNCED;
        int count = 1;
        for (int k = 0; k < w->facility_count; k++)
            if (w->facilities[k].host == o->partner && w->facilities[k].kind == spec.kind)
                count++;
        if (o->partner == o->nation)
            text_format(spec.name, sizeof spec.name, "%s %s %d", w->nations[o->partner].name,
                     cp_facility_kind_label(spec.kind), count);
        else
            text_format(spec.name, sizeof spec.name, "%s %s %d (%s-funded)", w->nations[o->partner].name,
                     cp_facility_kind_label(spec.kind), count, n->iso3);
        int id = fac_add(w, &spec);
        if (id < 0)
            return;
        cp_facility *f = &w->facilities[id];
        double down = DOWN_PAYMENT * f->capex_musd;
        n->treasury_musd -= down;
        w->money_q[o->nation][CP_MONEY_CONSTRUCTION] -= down;
        n->capex_paid_musd += down;
        f->capex_paid_musd += down;
        news_add_x(w, CP_NEWS_FACILITY, o->nation, -1, o->partner != o->nation ? o->partner : -1,
                   id, 0, "%s announces %s: %.0f t/yr, $%.0fM, first output expected %d quarters from now",
                 n->name, f->name, f->capacity_t_per_yr, f->capex_musd,
                 f->operating_turn - f->stage_turns[CP_STAGE_RAMP_UP] - w->turn);
        break;
    }
    case CP_ORDER_FUND_FACILITY: {
        cp_facility *f = &w->facilities[o->facility];
        n->treasury_musd -= o->amount;
        w->money_q[o->nation][CP_MONEY_CONSTRUCTION] -= o->amount;
        f->funds_musd += o->amount;
        news_add_x(w, CP_NEWS_FACILITY, o->nation, -1, f->host != o->nation ? f->host : -1,
                   o->facility, 0, "%s puts $%.0fM into %s", n->name,
                 o->amount, f->name);
        break;
    }
    case CP_ORDER_IDLE_FACILITY: {
        cp_facility *f = &w->facilities[o->facility];
        f->stage = o->flag ? CP_STAGE_IDLED : CP_STAGE_OPERATING;
        news_add_x(w, CP_NEWS_FACILITY, o->nation, -1, -1, o->facility, 0, "%s %s %s", n->name,
                 o->flag ? "idles" : "restarts", f->name);
        break;
    }
    case CP_ORDER_CLOSE_FACILITY: {
        cp_facility *f = &w->facilities[o->facility];
        f->stage = CP_STAGE_CLOSED;
        news_add_x(w, CP_NEWS_FACILITY, o->nation, -1, -1, o->facility, 0, "%s closes %s",
                   n->name, f->name);
        break;
    }
    case CP_ORDER_SET_TARIFF:
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            if (o->good == CP_ALL || o->good == g)
                for (int p = 0; p < w->nation_count; p++)
                    if (p != o->nation && (o->partner == CP_ALL || o->partner == p))
                        n->policy.tariff[g][p] = o->amount;
        news_add_x(w, CP_NEWS_POLICY, o->nation, o->good, o->partner, -1, 0,
                   "%s sets a %.0f%% tariff on %s from %s",
                 n->name, o->amount * 100, good_text(o->good), partner_text(w, o->partner));
        break;
    case CP_ORDER_SET_EXPORT_CONTROL:
        each_route(w, o, set_control);
        if (o->mode == CP_CONTROL_LICENSED)
            news_add_x(w, CP_NEWS_POLICY, o->nation, o->good, o->partner, -1, 0,
                     "%s requires export licences for %s to %s (%.0f%% approved, no defense use)",
                     n->name, good_text(o->good), partner_text(w, o->partner), o->amount * 100);
        else
            news_add_x(w, CP_NEWS_POLICY, o->nation, o->good, o->partner, -1, 0,
                       "%s %s exports of %s to %s", n->name,
                     o->mode == CP_CONTROL_BANNED ? "bans" : "opens", good_text(o->good),
                     partner_text(w, o->partner));
        break;
    case CP_ORDER_SUSPEND_EXPORT_CONTROL:
        each_route(w, o, suspend_control);
        w->no_suspensions = 0;
        if (o->mode == CP_CONTROL_LICENSED)
            news_add(w, CP_NEWS_POLICY, o->nation, o->good,
                     "%s suspends its export controls on %s to %s for %d quarters; licences "
                     "(%.0f%% approved) still apply", n->name, good_text(o->good),
                     partner_text(w, o->partner), o->turns, o->amount * 100);
        else
            news_add(w, CP_NEWS_POLICY, o->nation, o->good,
                     "%s suspends its export controls on %s to %s for %d quarters", n->name,
                     good_text(o->good), partner_text(w, o->partner), o->turns);
        break;
    case CP_ORDER_SET_EXPORT_QUOTA:
        n->policy.export_quota_t[o->good] = o->amount < 0 ? -1.0 : o->amount;
        if (o->amount < 0)
            news_add(w, CP_NEWS_POLICY, o->nation, o->good, "%s lifts its export quota on %s",
                     n->name, good_text(o->good));
        else
            news_add(w, CP_NEWS_POLICY, o->nation, o->good,
                     "%s caps exports of %s at %.0f t a quarter", n->name, good_text(o->good),
                     o->amount);
        break;
    case CP_ORDER_SET_EXPORT_TAX:
        n->policy.export_tax[o->good] = o->amount;
        news_add(w, CP_NEWS_POLICY, o->nation, o->good, "%s sets a %.0f%% export tax on %s",
                 n->name, o->amount * 100, good_text(o->good));
        break;
    case CP_ORDER_BUY_STOCKPILE:
        w->stockpile_buy_t[o->good][o->nation] += o->amount;
        news_add(w, CP_NEWS_POLICY, o->nation, o->good, "%s buys %.0f t of %s for its stockpile",
                 n->name, o->amount, good_text(o->good));
        break;
    case CP_ORDER_RELEASE_STOCKPILE:
        n->stockpile_t[o->good] -= o->amount;
        if (n->stockpile_t[o->good] < 0)
            n->stockpile_t[o->good] = 0;
        n->stock_t[o->good] += o->amount;
        news_add(w, CP_NEWS_POLICY, o->nation, o->good,
                 "%s releases %.0f t of %s from its stockpile", n->name, o->amount,
                 good_text(o->good));
        break;
    case CP_ORDER_SET_SUBSIDY:
        n->policy.subsidy[o->facility_kind] = o->amount;
        news_add(w, CP_NEWS_POLICY, o->nation, -1, "%s subsidises %.0f%% of %s operating costs",
                 n->name, o->amount * 100,
                 cp_facility_kind_label((cp_facility_kind)o->facility_kind));
        break;
    case CP_ORDER_SET_PRICE_FLOOR:
        n->policy.price_floor_usd_per_kg[o->good] = o->amount;
        news_add(w, CP_NEWS_POLICY, o->nation, o->good,
                 "%s guarantees its %s producers $%.0f/kg", n->name, good_text(o->good),
                 o->amount);
        break;
    case CP_ORDER_SET_TRACKING:
        n->policy.tracking = o->flag;
        news_add(w, CP_NEWS_POLICY, o->nation, -1, "%s %s its export tracking system", n->name,
                 o->flag ? "switches on" : "switches off");
        break;
    case CP_ORDER_SET_TECH_BAN:
        n->policy.tech_ban = o->flag;
        news_add(w, CP_NEWS_POLICY, o->nation, -1, "%s %s exports of processing technology",
                 n->name, o->flag ? "bans" : "allows");
        break;
    case CP_ORDER_SET_EXTRATERRITORIAL:
        n->policy.extraterritorial = o->flag;
        if (o->flag)
            news_add(w, CP_NEWS_POLICY, o->nation, CP_MAGNET,
                     "%s's export controls now reach magnets made abroad with its rare earths "
                     "(the 0.1%% rule)", n->name);
        else
            news_add(w, CP_NEWS_POLICY, o->nation, CP_MAGNET,
                     "%s's export controls no longer reach magnets made abroad", n->name);
        break;
    case CP_ORDER_SET_FOREIGN_INVESTMENT:
        n->policy.investment_closed = !o->flag;
        news_add(w, CP_NEWS_POLICY, o->nation, -1, "%s %s", n->name,
                 o->flag ? "opens itself to foreign investment in rare-earth plants"
                         : "closes itself to foreign investment in rare-earth plants, "
                           "except under a deal");
        break;
    case CP_ORDER_KIND_COUNT:
        break;
    }
}

/* Apply the queue by nation, then by submission. An order that no longer
 * holds (another order of the same nation spent the money first) is
 * dropped with a news line rather than half applied. */
int cp_world_pending_facility_id(const cp_world *w, int index)
{
    if (index < 0 || index >= w->pending_count || w->pending[index].kind != CP_ORDER_BUILD_FACILITY)
        return -1;
    int nation = w->pending[index].nation, id = w->facility_count;
    for (int k = 0; k < w->pending_count; k++) {
        const cp_order *o = &w->pending[k];
        if (o->kind == CP_ORDER_BUILD_FACILITY && (o->nation < nation || (o->nation == nation && k < index)))
            id++;
    }
    return id;
}

void order_apply_pending(cp_world *w)
{
    int count = w->pending_count;
    w->pending_count = 0; /* checks below see no commitments but their own */
    for (int nation = 0; nation < w->nation_count; nation++) {
        for (int k = 0; k < count; k++) {
            const cp_order *o = &w->pending[k];
            if (o->nation != nation)
                continue;
            cp_error e;
            cp_status st = lock_refuses(w, o, &e);
            if (st == CP_OK)
                st = order_check(w, o, &e);
            if (st != CP_OK) {
                news_add(w, CP_NEWS_POLICY, nation, -1, "order refused at turn end: %s",
                         e.message);
                report_order(w, o, 0, st, e.message, 0, w->news_count);
                continue;
            }
            double before = w->nations[nation].treasury_musd;
            int news_before = w->news_count;
            order_apply(w, o);
            report_order(w, o, 0, CP_OK, NULL, before - w->nations[nation].treasury_musd,
                         news_before);
        }
    }
}

/* The teacher's policy lock (lock.c) binds the orders of players, agents
 * and the scenario's schedule, not the clauses of deals (deal_exec.c), which
 * are the core's own doing once every party has agreed. */
cp_status cp_world_check(const cp_world *w, const cp_order *o, cp_error *err)
{
    cp_status st = order_check(w, o, err);
    return st != CP_OK ? st : lock_refuses(w, o, err);
}

cp_status cp_world_submit(cp_world *w, const cp_order *o, cp_error *err)
{
    cp_status st = cp_world_check(w, o, err);
    if (st != CP_OK)
        return st;
    if (w->pending_count >= CP_MAX_PENDING_ORDERS)
        return cp_fail(err, CP_ERR_FULL, "too many orders this turn (%d)", CP_MAX_PENDING_ORDERS);
    w->pending[w->pending_count++] = *o;
    if (err) {
        err->code = CP_OK;
        err->message[0] = '\0';
    }
    return CP_OK;
}

int cp_world_pending_count(const cp_world *w) { return w->pending_count; }

const cp_order *cp_world_pending(const cp_world *w, int i)
{
    return (i >= 0 && i < w->pending_count) ? &w->pending[i] : NULL;
}

cp_status cp_world_withdraw(cp_world *w, int i, cp_error *err)
{
    if (i < 0 || i >= w->pending_count)
        return cp_fail(err, CP_ERR_BAD_VALUE, "no pending order %d (there are %d)", i,
                       w->pending_count);
    memmove(&w->pending[i], &w->pending[i + 1], sizeof(cp_order) * (size_t)(w->pending_count - i - 1));
    w->pending_count--;
    return CP_OK;
}
