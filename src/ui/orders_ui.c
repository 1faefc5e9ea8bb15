/* orders_ui.c -- a player's intent as the core's orders and deals, in words, with what they cost. No SDL. */
#include "orders_ui.h"

#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "labels.h"

/* Every builder starts where the agent API starts (the core's cp_order_init)
 * and fills the fields order_spec.c names for the act.* function of the same
 * kind. */
static cp_order start(cp_order_kind kind, int nation)
{
    cp_order o;
    cp_order_init(&o, kind, nation);
    return o;
}

double oui_step_amount(cp_order_kind kind, int mode, double value, double delta)
{
    cp_range r;
    if (!cp_order_amount_range(kind, mode, &r))
        return value;
    double v = value + delta;
    return v < r.lo ? r.lo : v > r.hi ? r.hi : v;
}

cp_order oui_build(int nation, int host, cp_facility_kind kind, double capacity_t_per_yr)
{
    cp_order o = start(CP_ORDER_BUILD_FACILITY, nation);
    o.facility_kind = (int)kind;
    o.amount = capacity_t_per_yr;
    o.partner = host < 0 ? nation : host; /* act.build_facility's host defaults to the issuer */
    return o;
}

cp_order oui_fund(int nation, int facility_id, double amount_musd)
{
    cp_order o = start(CP_ORDER_FUND_FACILITY, nation);
    o.facility = facility_id;
    o.amount = amount_musd;
    return o;
}

cp_order oui_idle(int nation, int facility_id, int idle)
{
    cp_order o = start(CP_ORDER_IDLE_FACILITY, nation);
    o.facility = facility_id;
    o.flag = idle ? 1 : 0;
    return o;
}

cp_order oui_close(int nation, int facility_id)
{
    cp_order o = start(CP_ORDER_CLOSE_FACILITY, nation);
    o.facility = facility_id;
    return o;
}

cp_order oui_tariff(int nation, int good_or_all, int origin_or_all, double rate)
{
    cp_order o = start(CP_ORDER_SET_TARIFF, nation);
    o.good = good_or_all;
    o.partner = origin_or_all;
    o.amount = rate;
    return o;
}

cp_order oui_export_control(int nation, int good_or_all, int dest_or_all, cp_control_mode mode,
                            double share)
{
    cp_order o = start(CP_ORDER_SET_EXPORT_CONTROL, nation);
    o.good = good_or_all;
    o.partner = dest_or_all;
    o.mode = (int)mode;
    o.amount = mode == CP_CONTROL_LICENSED ? share : 1.0; /* the API's default share */
    return o;
}

cp_order oui_suspend(int nation, int good_or_all, int dest_or_all, int turns, cp_control_mode mode,
                     double share)
{
    cp_order o = start(CP_ORDER_SUSPEND_EXPORT_CONTROL, nation);
    o.good = good_or_all;
    o.partner = dest_or_all;
    o.turns = turns;
    o.mode = (int)mode;
    o.amount = mode == CP_CONTROL_LICENSED ? share : 1.0;
    return o;
}

cp_order oui_export_quota(int nation, int good, double t_per_quarter)
{
    cp_order o = start(CP_ORDER_SET_EXPORT_QUOTA, nation);
    o.good = good;
    o.amount = t_per_quarter;
    return o;
}

cp_order oui_export_tax(int nation, int good, double rate)
{
    cp_order o = start(CP_ORDER_SET_EXPORT_TAX, nation);
    o.good = good;
    o.amount = rate;
    return o;
}

cp_order oui_stockpile(int nation, int good, double tonnes, int release)
{
    cp_order o = start(release ? CP_ORDER_RELEASE_STOCKPILE : CP_ORDER_BUY_STOCKPILE, nation);
    o.good = good;
    o.amount = tonnes;
    return o;
}

cp_order oui_subsidy(int nation, cp_facility_kind kind, double share)
{
    cp_order o = start(CP_ORDER_SET_SUBSIDY, nation);
    o.facility_kind = (int)kind;
    o.amount = share;
    return o;
}

cp_order oui_price_floor(int nation, int good, double usd_per_kg)
{
    cp_order o = start(CP_ORDER_SET_PRICE_FLOOR, nation);
    o.good = good;
    o.amount = usd_per_kg;
    return o;
}

cp_order oui_tracking(int nation, int on)
{
    cp_order o = start(CP_ORDER_SET_TRACKING, nation);
    o.flag = on ? 1 : 0;
    return o;
}

cp_order oui_tech_ban(int nation, int on)
{
    cp_order o = start(CP_ORDER_SET_TECH_BAN, nation);
    o.flag = on ? 1 : 0;
    return o;
}

cp_order oui_extraterritorial(int nation, int on)
{
    cp_order o = start(CP_ORDER_SET_EXTRATERRITORIAL, nation);
    o.flag = on ? 1 : 0;
    return o;
}

cp_order oui_foreign_investment(int nation, int open)
{
    cp_order o = start(CP_ORDER_SET_FOREIGN_INVESTMENT, nation);
    o.flag = open ? 1 : 0;
    return o;
}

/* ---- words ------------------------------------------------------------- */

static const char *nation_name(const cp_world *w, int n, const char *all)
{
    if (n == CP_ALL) return all;
    const cp_nation *x = n >= 0 && n < cp_world_nation_count(w) ? cp_world_nation(w, n) : NULL;
    return x ? x->name : "?";
}

static const char *good_name(int g)
{
    if (g == CP_ALL) return "every good";
    return g >= 0 && g < CP_GOOD_COUNT ? label_good((cp_good)g) : "?";
}

static const char *facility_name(const cp_world *w, int id)
{
    for (int i = 0; i < cp_world_facility_count(w); i++)
        if (cp_world_facility(w, i)->id == id) return cp_world_facility(w, i)->name;
    return "a facility";
}

const char *oui_describe(const cp_world *w, const cp_order *o, char *buf, size_t len)
{
    char a[48], b[48];
    switch (o->kind) {
    case CP_ORDER_BUILD_FACILITY:
        snprintf(buf, len, "Build a %s of %s/yr in %s",
                 o->facility_kind == CP_FAC_MINE ? "mine" : o->facility_kind == CP_FAC_SEPARATION ? "separation plant"
                 : o->facility_kind == CP_FAC_MAGNET ? "magnet plant"
                 : o->facility_kind == CP_FAC_HEAVY_SEPARATION ? "heavy separation line" : "facility",
                 fmt_tonnes(a, sizeof a, o->amount, NULL), nation_name(w, o->partner, "?"));
        break;
    case CP_ORDER_FUND_FACILITY:
        snprintf(buf, len, "Put %s into %s", fmt_musd(a, sizeof a, o->amount), facility_name(w, o->facility));
        break;
    case CP_ORDER_IDLE_FACILITY:
        snprintf(buf, len, "%s %s", o->flag ? "Idle" : "Resume", facility_name(w, o->facility));
        break;
    case CP_ORDER_CLOSE_FACILITY:
        snprintf(buf, len, "Close %s for good", facility_name(w, o->facility));
        break;
    case CP_ORDER_SET_TARIFF:
        snprintf(buf, len, "Tariff of %s on %s from %s", fmt_share(a, sizeof a, o->amount), good_name(o->good),
                 nation_name(w, o->partner, "everyone"));
        break;
    case CP_ORDER_SET_EXPORT_CONTROL:
        if (o->mode == CP_CONTROL_LICENSED)
            snprintf(buf, len, "License %s exports to %s, %s approved", good_name(o->good),
                     nation_name(w, o->partner, "everyone"), fmt_share(a, sizeof a, o->amount));
        else
            snprintf(buf, len, "%s %s exports to %s", o->mode == CP_CONTROL_BANNED ? "Ban" : "Open",
                     good_name(o->good), nation_name(w, o->partner, "everyone"));
        break;
    case CP_ORDER_SUSPEND_EXPORT_CONTROL:
        snprintf(buf, len, "Suspend controls on %s to %s for %d quarter%s", good_name(o->good),
                 nation_name(w, o->partner, "everyone"), o->turns, o->turns == 1 ? "" : "s");
        break;
    case CP_ORDER_SET_EXPORT_QUOTA:
        if (o->amount < 0) snprintf(buf, len, "Lift the export quota on %s", good_name(o->good));
        else snprintf(buf, len, "Export quota on %s: %s a quarter", good_name(o->good), fmt_tonnes(a, sizeof a, o->amount, NULL));
        break;
    case CP_ORDER_SET_EXPORT_TAX:
        snprintf(buf, len, "Export tax of %s on %s", fmt_share(a, sizeof a, o->amount), good_name(o->good));
        break;
    case CP_ORDER_BUY_STOCKPILE:
    case CP_ORDER_RELEASE_STOCKPILE:
        snprintf(buf, len, "%s %s of %s %s the stockpile", o->kind == CP_ORDER_BUY_STOCKPILE ? "Buy" : "Release",
                 fmt_tonnes(a, sizeof a, o->amount, NULL), good_name(o->good),
                 o->kind == CP_ORDER_BUY_STOCKPILE ? "into" : "from");
        break;
    case CP_ORDER_SET_SUBSIDY:
        snprintf(buf, len, "Pay %s of the operating costs of your %s", fmt_share(a, sizeof a, o->amount),
                 o->facility_kind == CP_FAC_MINE ? "mines" : o->facility_kind == CP_FAC_SEPARATION ? "separation plants"
                 : o->facility_kind == CP_FAC_MAGNET ? "magnet plants"
                 : o->facility_kind == CP_FAC_HEAVY_SEPARATION ? "heavy separation lines" : "plants");
        break;
    case CP_ORDER_SET_PRICE_FLOOR:
        if (o->amount <= 0) snprintf(buf, len, "Remove the price floor on %s", good_name(o->good));
        else snprintf(buf, len, "Price floor of %s for %s", fmt_usd_per_kg(b, sizeof b, o->amount), good_name(o->good));
        break;
    case CP_ORDER_SET_TRACKING:
        snprintf(buf, len, "%s the tracking system", o->flag ? "Run" : "Stop");
        break;
    case CP_ORDER_SET_TECH_BAN:
        snprintf(buf, len, "%s processing-technology exports", o->flag ? "Ban" : "Allow");
        break;
    case CP_ORDER_SET_EXTRATERRITORIAL:
        snprintf(buf, len, "%s magnets made abroad with our rare earths", o->flag ? "Control" : "Stop controlling");
        break;
    default:
        snprintf(buf, len, "%s", cp_order_kind_name(o->kind));
        break;
    }
    return buf;
}

/* ---- cost -------------------------------------------------------------- */

/* The capital cost per t/yr of a kind, read from the plants already in the
 * world (the core prices capacity linearly), or -1 when none exists. */
const char *oui_cost_when(const cp_order *o)
{
    switch (o->kind) {
    case CP_ORDER_BUILD_FACILITY: return "the rest during construction";
    case CP_ORDER_FUND_FACILITY: return "paid now, drawn during construction";
    case CP_ORDER_BUY_STOCKPILE: return "at this quarter's price, paid this turn";
    case CP_ORDER_SET_SUBSIDY: return "paid each quarter: that share of your plants' operating cost";
    case CP_ORDER_SET_PRICE_FLOOR: return "paid each quarter the market pays producers less than the floor";
    case CP_ORDER_SET_TARIFF: return "none; tariffs bring revenue but raise what your industry pays";
    case CP_ORDER_SET_EXPORT_TAX: return "none; the tax brings revenue but costs sales";
    default: return "none";
    }
}

/* ---- deals ------------------------------------------------------------- */

void oui_deal_init(cp_deal *d, int proposer, int partner, int term_turns)
{
    memset(d, 0, sizeof *d);
    d->proposer = proposer;
    d->party_count = 2;
    d->parties[0] = proposer;
    d->parties[1] = partner;
    d->term_turns = term_turns;
    d->breacher = -1;
}

int oui_deal_add(cp_deal *d, cp_clause_kind kind, int from, int to, int good, int facility_kind,
                 double amount, double price_usd_per_kg, double capacity_t_per_yr)
{
    if (d->clause_count >= CP_MAX_CLAUSES) return -1;
    cp_clause *c = &d->clauses[d->clause_count];
    memset(c, 0, sizeof *c);
    /* the fields a kind does not read stay where the agent API leaves them
     * (src/script/deal_lua.c), so the same deal is the same bytes */
    int has_good = kind == CP_CLAUSE_TARIFF || kind == CP_CLAUSE_LICENCE || kind == CP_CLAUSE_SUSPEND ||
                   kind == CP_CLAUSE_OFFTAKE || kind == CP_CLAUSE_STOCKPILE;
    int has_stage = kind == CP_CLAUSE_COINVEST || kind == CP_CLAUSE_TECH_TRANSFER;
    c->kind = kind;
    c->from = from;
    c->to = to;
    c->good = has_good ? good : -1;
    c->facility_kind = has_stage ? facility_kind : -1;
    c->amount = kind == CP_CLAUSE_SUSPEND || kind == CP_CLAUSE_ALLIANCE ? 0 : amount;
    c->price_usd_per_kg = kind == CP_CLAUSE_OFFTAKE ? price_usd_per_kg : 0;
    c->capacity_t_per_yr = kind == CP_CLAUSE_COINVEST ? capacity_t_per_yr : 0;
    c->facility = -1;
    return d->clause_count++;
}

void oui_deal_remove(cp_deal *d, int index)
{
    if (index < 0 || index >= d->clause_count) return;
    memmove(&d->clauses[index], &d->clauses[index + 1], sizeof d->clauses[0] * (size_t)(d->clause_count - index - 1));
    d->clause_count--;
}
