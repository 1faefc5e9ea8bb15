/* deal.c -- diplomacy: proposing, answering and countering deals.
 *
 * A deal is negotiated within a turn: a nation proposes, every other party
 * accepts, rejects or counters (a counter replaces the clauses and resets
 * everyone else's acceptance). A deal every party has accepted is "agreed"
 * and takes effect in the next advance's deal phase (deal_exec.c), where its
 * clauses are carried out through the same machinery as orders. Every step
 * goes into the deal log, which the history, the news and deals.csv read.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

static const char *iso(const cp_world *w, int n)
{
    return (n >= 0 && n < w->nation_count) ? w->nations[n].iso3 : "?";
}

/* A nation as a person reads it, for the news. */
static const char *name_of(const cp_world *w, int n)
{
    return (n >= 0 && n < w->nation_count) ? w->nations[n].name : "?";
}

static const char *plain_nation(const cp_world *w, int n)
{
    return (n >= 0 && n < w->nation_count) ? w->nations[n].name : "?";
}

void deal_log(cp_world *w, const cp_deal *d, int nation, const char *what)
{
    if (w->deal_event_count == w->deal_event_cap) {
        int cap = w->deal_event_cap ? w->deal_event_cap * 2 : 64;
        cp_deal_event *grown = realloc(w->deal_events, sizeof *grown * (size_t)cap);
        if (!grown)
            return;
        w->deal_events = grown;
        w->deal_event_cap = cap;
    }
    cp_deal_event *e = &w->deal_events[w->deal_event_count++];
    e->turn = w->turn + w->resolving;
    e->deal_id = d->id;
    e->nation = nation;
    e->status = d->status;
    snprintf(e->what, sizeof e->what, "%s", what);
    w->deal_log_hash = save_hash_deal_event(w->deal_log_hash, e);
    /* a decision of the turn in progress: keep the deal as it is now */
    if (w->resolving)
        return;
    if (w->deal_turn_count == w->deal_turn_cap) {
        int cap = w->deal_turn_cap ? w->deal_turn_cap * 2 : 16;
        cp_deal *grown = realloc(w->deal_turn, sizeof *grown * (size_t)cap);
        if (!grown)
            return; /* a recorder then falls back to the deal's present terms */
        w->deal_turn = grown;
        w->deal_turn_cap = cap;
    }
    if (w->deal_turn_count == 0)
        w->deal_turn_from = w->deal_event_count - 1;
    if (w->deal_turn_from + w->deal_turn_count == w->deal_event_count - 1)
        w->deal_turn[w->deal_turn_count++] = *d;
}

const cp_deal *cp_world_deal_as_logged(const cp_world *w, int index)
{
    int k = index - w->deal_turn_from;
    return (w->deal_turn_count > 0 && k >= 0 && k < w->deal_turn_count) ? &w->deal_turn[k] : NULL;
}

/* The first party of 'd' other than 'nation' (the other side of a deal
 * between two), or -1. */
int deal_other(const cp_deal *d, int nation)
{
    for (int k = 0; k < d->party_count; k++)
        if (d->parties[k] != nation)
            return d->parties[k];
    return -1;
}

static int party_index(const cp_deal *d, int nation)
{
    for (int k = 0; k < d->party_count; k++)
        if (d->parties[k] == nation)
            return k;
    return -1;
}

static int is_ore_or_oxide(int g)
{
    return g >= 0 && g < CP_GOOD_COUNT;
}

/* Check one clause of 'd' against the world as it is. */
static cp_status check_clause(const cp_world *w, const cp_deal *d, int k, cp_error *err)
{
    const cp_clause *c = &d->clauses[k];
    const char *kind = (c->kind >= 0 && c->kind < CP_CLAUSE_KIND_COUNT)
                           ? cp_clause_kind_name(c->kind) : "?";
    if (c->kind < 0 || c->kind >= CP_CLAUSE_KIND_COUNT)
        return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d: unknown kind", k + 1);
    if (c->from < 0 || c->from >= w->nation_count || c->to < 0 || c->to >= w->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "clause %d (%s): unknown nation", k + 1, kind);
    if (c->from == c->to)
        return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (%s): %s cannot deal with itself", k + 1,
                       kind, iso(w, c->from));
    if (party_index(d, c->from) < 0 || party_index(d, c->to) < 0)
        return cp_fail(err, CP_ERR_UNKNOWN_PARTNER,
                       "clause %d (%s): names %s, who is not party to the deal", k + 1, kind,
                       party_index(d, c->from) < 0 ? iso(w, c->from) : iso(w, c->to));
    int needs_good = c->kind == CP_CLAUSE_TARIFF || c->kind == CP_CLAUSE_LICENCE ||
                     c->kind == CP_CLAUSE_SUSPEND || c->kind == CP_CLAUSE_OFFTAKE ||
                     c->kind == CP_CLAUSE_STOCKPILE;
    if (needs_good && !is_ore_or_oxide(c->good) && !(c->kind == CP_CLAUSE_SUSPEND && c->good == CP_ALL))
        return cp_fail(err, CP_ERR_UNKNOWN_GOOD, "clause %d (%s): unknown good", k + 1, kind);
    if (!isfinite(c->amount) || c->amount < 0 || !isfinite(c->price_usd_per_kg) ||
        c->price_usd_per_kg < 0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (%s): amounts and prices must not be "
                       "negative", k + 1, kind);
    const cp_nation *from = &w->nations[c->from];
    switch (c->kind) {
    case CP_CLAUSE_TARIFF:
        if (c->amount > 10)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (tariff): rate above 1000%%", k + 1);
        return CP_OK;
    case CP_CLAUSE_LICENCE:
        if (c->amount > 1)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (licence): approval share above 1",
                           k + 1);
        return CP_OK;
    case CP_CLAUSE_SUSPEND:
        return CP_OK;
    case CP_CLAUSE_OFFTAKE: {
        if (!(c->amount > 0) || c->amount > 1e6)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (offtake): tonnes a quarter must be "
                           "positive", k + 1);
        int lic = 0;
        if (mkt_route_share(w, (cp_good)c->good, c->from, c->to, &lic) < 0.5 && !lic)
            return cp_fail(err, CP_ERR_FORBIDDEN, "clause %d (offtake): %s bans exports of %s to "
                           "%s; a delivery would break its own ban", k + 1, from->iso3,
                           cp_good_name((cp_good)c->good), iso(w, c->to));
        return CP_OK;
    }
    case CP_CLAUSE_COINVEST:
        if (c->facility_kind < 0 || c->facility_kind >= CP_FAC_KIND_COUNT)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (coinvest): unknown facility kind",
                           k + 1);
        if (c->amount <= 0 || c->amount > 1)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (coinvest): the payer's share must be "
                           "in (0, 1]", k + 1);
        if (!(c->capacity_t_per_yr >= 100) || c->capacity_t_per_yr > 500000)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (coinvest): capacity must be 100 to "
                           "500,000 t/yr", k + 1);
        if (c->facility_kind != CP_FAC_MINE && from->policy.tech_ban)
            return cp_fail(err, CP_ERR_FORBIDDEN, "clause %d (coinvest): %s's processing-technology "
                           "export ban forbids a %s abroad", k + 1, from->iso3,
                           cp_facility_kind_name((cp_facility_kind)c->facility_kind));
        return CP_OK;
    case CP_CLAUSE_TECH_TRANSFER:
        if (c->facility_kind < 0 || c->facility_kind >= CP_FAC_KIND_COUNT || c->amount > 1)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (tech_transfer): needs a stage and a "
                           "share of the gap 0..1", k + 1);
        if (from->policy.tech_ban)
            return cp_fail(err, CP_ERR_FORBIDDEN, "clause %d (tech_transfer): refused while %s's "
                           "technology export ban stands", k + 1, from->iso3);
        return CP_OK;
    case CP_CLAUSE_STOCKPILE:
        if (!(c->amount > 0) || c->amount > from->stockpile_t[c->good] + 1e-9)
            return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d (stockpile): %s holds %.0f t of %s, "
                           "cannot hand over %.0f t", k + 1, from->iso3,
                           from->stockpile_t[c->good], cp_good_name((cp_good)c->good), c->amount);
        return CP_OK;
    case CP_CLAUSE_ALLIANCE:
        return CP_OK;
    case CP_CLAUSE_KIND_COUNT:
        break;
    }
    return cp_fail(err, CP_ERR_BAD_VALUE, "clause %d: unknown kind", k + 1);
}

cp_status cp_world_check_deal(const cp_world *w, const cp_deal *d, cp_error *err)
{
    if (!d)
        return cp_fail(err, CP_ERR_BAD_VALUE, "no deal");
    if (d->proposer < 0 || d->proposer >= w->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "deal: unknown proposer %d", d->proposer);
    if (d->party_count < 2 || d->party_count > CP_MAX_PARTIES)
        return cp_fail(err, CP_ERR_BAD_VALUE, "deal: needs 2 to %d parties, has %d",
                       CP_MAX_PARTIES, d->party_count);
    for (int k = 0; k < d->party_count; k++) {
        if (d->parties[k] < 0 || d->parties[k] >= w->nation_count)
            return cp_fail(err, CP_ERR_UNKNOWN_NATION, "deal: unknown party %d", d->parties[k]);
        for (int j = 0; j < k; j++)
            if (d->parties[j] == d->parties[k])
                return cp_fail(err, CP_ERR_BAD_VALUE, "deal: %s is listed twice",
                               iso(w, d->parties[k]));
    }
    if (party_index(d, d->proposer) < 0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "deal: the proposer %s must be a party",
                       iso(w, d->proposer));
    if (d->clause_count < 1 || d->clause_count > CP_MAX_CLAUSES)
        return cp_fail(err, CP_ERR_BAD_VALUE, "deal: needs 1 to %d clauses, has %d",
                       CP_MAX_CLAUSES, d->clause_count);
    if (d->term_turns < 1 || d->term_turns > 80)
        return cp_fail(err, CP_ERR_BAD_VALUE, "deal: term must be 1 to 80 quarters, got %d",
                       d->term_turns);
    for (int k = 0; k < d->clause_count; k++) {
        cp_status st = check_clause(w, d, k, err);
        if (st != CP_OK)
            return st;
    }
    /* every party gives or gets something */
    for (int p = 0; p < d->party_count; p++) {
        int named = 0;
        for (int k = 0; k < d->clause_count; k++)
            named |= d->clauses[k].from == d->parties[p] || d->clauses[k].to == d->parties[p];
        if (!named)
            return cp_fail(err, CP_ERR_BAD_VALUE, "deal: %s is a party but no clause names it",
                           iso(w, d->parties[p]));
    }
    return CP_OK;
}

/* Copy the negotiable part of 'src' into 'dst' and clear what the core keeps.
 * 'src' comes from outside (an agent's counter): its count is copied as it
 * is, for cp_world_check_deal to refuse, but never more clauses than a deal
 * holds. */
static void copy_terms(cp_deal *dst, const cp_deal *src)
{
    dst->clause_count = src->clause_count;
    int n = src->clause_count < CP_MAX_CLAUSES ? src->clause_count : CP_MAX_CLAUSES;
    for (int k = 0; k < n; k++) {
        dst->clauses[k] = src->clauses[k];
        dst->clauses[k].before = 0;
        dst->clauses[k].delivered_t = 0;
        dst->clauses[k].facility = -1;
    }
    dst->term_turns = src->term_turns;
}

int cp_world_propose(cp_world *w, const cp_deal *d, cp_error *err)
{
    if (cp_world_check_deal(w, d, err) != CP_OK)
        return -1;
    if (w->deal_count == w->deal_cap) {
        if (w->deal_cap >= CP_MAX_DEALS) {
            cp_fail(err, CP_ERR_FULL, "deal: too many deals (%d)", CP_MAX_DEALS);
            return -1;
        }
        int cap = w->deal_cap ? w->deal_cap * 2 : 16;
        cp_deal *grown = realloc(w->deals, sizeof *grown * (size_t)cap);
        if (!grown) {
            cp_fail(err, CP_ERR_FULL, "deal: out of memory");
            return -1;
        }
        w->deals = grown;
        w->deal_cap = cap;
    }
    cp_deal *x = &w->deals[w->deal_count];
    memset(x, 0, sizeof *x);
    x->id = w->deal_count++;
    x->proposer = d->proposer;
    x->party_count = d->party_count;
    memcpy(x->parties, d->parties, sizeof x->parties);
    copy_terms(x, d);
    x->proposed_turn = w->turn;
    x->start_turn = x->end_turn = -1;
    x->status = CP_DEAL_PROPOSED;
    x->breacher = -1;
    x->accepted[party_index(x, d->proposer)] = 1;
    deal_log(w, x, d->proposer, "proposed");
    char text[CP_TEXT_LEN];
    news_add_x(w, CP_NEWS_DEAL, d->proposer, -1, deal_other(x, d->proposer), -1, 0, "%s proposes: %s", name_of(w, d->proposer),
             cp_deal_terms(w, x, text, sizeof text));
    return x->id;
}

static cp_deal *open_deal(cp_world *w, int id, int nation, cp_error *err, int *party)
{
    if (id < 0 || id >= w->deal_count) {
        cp_fail(err, CP_ERR_BAD_VALUE, "no deal %d", id);
        return NULL;
    }
    cp_deal *d = &w->deals[id];
    *party = party_index(d, nation);
    if (*party < 0) {
        cp_fail(err, CP_ERR_NOT_YOURS, "deal %d: %s is not a party", id, iso(w, nation));
        return NULL;
    }
    if (d->status != CP_DEAL_PROPOSED) {
        cp_fail(err, CP_ERR_BAD_STATE, "deal %d is %s, no longer open", id,
                cp_deal_status_name(d->status));
        return NULL;
    }
    return d;
}

static cp_status answer(cp_world *w, int id, int nation, cp_answer a, cp_error *err)
{
    int p;
    cp_deal *d = open_deal(w, id, nation, err, &p);
    if (!d)
        return err ? err->code : CP_ERR_BAD_STATE;
    if (a == CP_ANSWER_REJECT) {
        d->status = CP_DEAL_REJECTED;
        deal_log(w, d, nation, "rejected");
        news_add_x(w, CP_NEWS_DEAL, nation, -1, deal_other(d, nation), -1, 0, "%s rejects deal %d",
                   name_of(w, nation), id);
        return CP_OK;
    }
    if (a != CP_ANSWER_ACCEPT)
        return cp_fail(err, CP_ERR_BAD_VALUE, "deal %d: unknown answer", id);
    d->accepted[p] = 1;
    deal_log(w, d, nation, "accepted");
    int all = 1;
    for (int k = 0; k < d->party_count; k++)
        all &= d->accepted[k];
    if (all) {
        d->status = CP_DEAL_AGREED;
        deal_log(w, d, -1, "agreed");
        char text[CP_TEXT_LEN];
        news_add_x(w, CP_NEWS_DEAL, d->proposer, -1, deal_other(d, d->proposer), -1, 0,
                   "Deal %d agreed: %s", id,
                 cp_deal_terms(w, d, text, sizeof text));
    }
    return CP_OK;
}

/* An answer and its reason, kept for the turn report (report.c). A
 * rejection without a reason gets the core's: what the deal is worth to
 * the nation that rejects it, a year at current prices. */
cp_status cp_world_answer_why(cp_world *w, int id, int nation, cp_answer a, const char *reason,
                              cp_error *err)
{
    int entry = w->deal_event_count;
    cp_status st = answer(w, id, nation, a, err);
    if (st != CP_OK)
        return st;
    char text[CP_TEXT_LEN];
    if (reason && reason[0]) {
        snprintf(text, sizeof text, "%s", reason);
    } else if (a == CP_ANSWER_REJECT) {
        double v = cp_world_deal_value_musd(w, &w->deals[id], nation);
        if (v < 0)
            snprintf(text, sizeof text, "it would cost %s about $%.0fM a year at current prices",
                     w->nations[nation].name, -v);
        else
            snprintf(text, sizeof text, "no reason given (it is worth about $%.0fM a year to %s "
                     "at current prices)", v, w->nations[nation].name);
    } else {
        return CP_OK;
    }
    report_why(w, entry, text);
    return CP_OK;
}

cp_status cp_world_answer(cp_world *w, int id, int nation, cp_answer a, cp_error *err)
{
    return cp_world_answer_why(w, id, nation, a, NULL, err);
}

cp_status cp_world_counter(cp_world *w, int id, int nation, const cp_deal *terms, cp_error *err)
{
    int p;
    cp_deal *d = open_deal(w, id, nation, err, &p);
    if (!d)
        return err ? err->code : CP_ERR_BAD_STATE;
    cp_deal trial = *d;
    copy_terms(&trial, terms);
    cp_status st = cp_world_check_deal(w, &trial, err);
    if (st != CP_OK)
        return st;
    copy_terms(d, terms);
    d->revision++;
    for (int k = 0; k < d->party_count; k++)
        d->accepted[k] = k == p;
    deal_log(w, d, nation, "countered");
    char text[CP_TEXT_LEN];
    news_add_x(w, CP_NEWS_DEAL, nation, -1, deal_other(d, nation), -1, 0, "%s counters deal %d: %s",
               name_of(w, nation), id,
             cp_deal_terms(w, d, text, sizeof text));
    return CP_OK;
}

/* open_deal and check_deal only read the world: the casts below are safe. */
cp_status cp_world_check_answer(const cp_world *w, int id, int nation, cp_error *err)
{
    int p;
    if (!open_deal((cp_world *)w, id, nation, err, &p))
        return err ? err->code : CP_ERR_BAD_STATE;
    return CP_OK;
}

cp_status cp_world_check_counter(const cp_world *w, int id, int nation, const cp_deal *terms,
                                 cp_error *err)
{
    int p;
    const cp_deal *d = open_deal((cp_world *)w, id, nation, err, &p);
    if (!d)
        return err ? err->code : CP_ERR_BAD_STATE;
    cp_deal trial = *d;
    copy_terms(&trial, terms);
    return cp_world_check_deal(w, &trial, err);
}

cp_status cp_world_check_withdraw_deal(const cp_world *w, int id, int nation, cp_error *err)
{
    if (id < 0 || id >= w->deal_count)
        return cp_fail(err, CP_ERR_BAD_VALUE, "no deal %d", id);
    const cp_deal *d = &w->deals[id];
    if (d->proposer != nation)
        return cp_fail(err, CP_ERR_NOT_YOURS, "deal %d was proposed by %s, not %s", id,
                       iso(w, d->proposer), iso(w, nation));
    if (d->status != CP_DEAL_PROPOSED && d->status != CP_DEAL_AGREED)
        return cp_fail(err, CP_ERR_BAD_STATE, "deal %d is %s", id, cp_deal_status_name(d->status));
    return CP_OK;
}

cp_status cp_world_withdraw_deal(cp_world *w, int id, int nation, cp_error *err)
{
    cp_status st = cp_world_check_withdraw_deal(w, id, nation, err);
    if (st != CP_OK)
        return st;
    cp_deal *d = &w->deals[id];
    d->status = CP_DEAL_WITHDRAWN;
    deal_log(w, d, nation, "withdrawn");
    return CP_OK;
}

int cp_world_deal_count(const cp_world *w) { return w->deal_count; }

const cp_deal *cp_world_deal(const cp_world *w, int id)
{
    return (id >= 0 && id < w->deal_count) ? &w->deals[id] : NULL;
}

int cp_world_deal_event_count(const cp_world *w) { return w->deal_event_count; }

const cp_deal_event *cp_world_deal_event(const cp_world *w, int i)
{
    return (i >= 0 && i < w->deal_event_count) ? &w->deal_events[i] : NULL;
}

/* A deal's clauses in words, then its term. Two voices of one text: 'plain'
 * names nations, goods and plants as a person reads them (the window, the turn
 * report), otherwise by their codes (deals.csv, logs and agents' deal views,
 * whose bytes stay as they were). */
static const char *describe(const cp_world *w, const cp_deal *d, int plain, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < d->clause_count && used + 1 < len; k++) {
        const cp_clause *c = &d->clauses[k];
        const char *g = c->good == CP_ALL ? "all goods"
                        : plain           ? cp_good_label((cp_good)c->good)
                                          : cp_good_name((cp_good)c->good);
        const char *f = plain ? plain_nation(w, c->from) : iso(w, c->from);
        const char *t = plain ? plain_nation(w, c->to) : iso(w, c->to);
        const char *kind = plain ? cp_facility_kind_label((cp_facility_kind)c->facility_kind)
                                 : cp_facility_kind_name((cp_facility_kind)c->facility_kind);
        char one[240];
        switch (c->kind) {
        case CP_CLAUSE_TARIFF:
            snprintf(one, sizeof one, "%s caps its tariff on %s from %s at %.0f%%", f, g, t, c->amount * 100);
            break;
        case CP_CLAUSE_LICENCE:
            snprintf(one, sizeof one, "%s licenses %.0f%% of %s requests from %s", f, c->amount * 100, g, t);
            break;
        case CP_CLAUSE_SUSPEND:
            snprintf(one, sizeof one, "%s suspends its controls on %s to %s", f, g, t);
            break;
        case CP_CLAUSE_OFFTAKE:
            snprintf(one, sizeof one, plain ? "%s delivers %.0f t of %s a quarter to %s" : "%s delivers %.0f t/qtr of %s to %s",
                     f, c->amount, g, t);
            if (c->price_usd_per_kg > 0)
                snprintf(one + strlen(one), sizeof one - strlen(one), " at $%.0f/kg", c->price_usd_per_kg);
            else
                snprintf(one + strlen(one), sizeof one - strlen(one), plain ? " at the market price" : " at market price");
            break;
        case CP_CLAUSE_COINVEST:
            snprintf(one, sizeof one, "%s pays %.0f%% of a %.0f t/yr %s in %s", f, c->amount * 100,
                     c->capacity_t_per_yr, kind, t);
            break;
        case CP_CLAUSE_TECH_TRANSFER:
            snprintf(one, sizeof one, plain ? "%s shares its %s technology with %s" : "%s transfers %s technology to %s",
                     f, kind, t);
            break;
        case CP_CLAUSE_STOCKPILE:
            snprintf(one, sizeof one, "%s hands %.0f t of %s from its stockpile to %s", f, c->amount, g, t);
            break;
        case CP_CLAUSE_ALLIANCE:
            snprintf(one, sizeof one, "%s and %s share stockpiles in a shortage", f, t);
            break;
        default:
            snprintf(one, sizeof one, "?");
        }
        int n = snprintf(buf + used, len - used, "%s%s", k ? "; " : "", one);
        if (n < 0)
            break;
        used += (size_t)n < len - used ? (size_t)n : len - used - 1;
    }
    if (used + 1 < len)
        snprintf(buf + used, len - used, plain ? ", for %d quarters" : " (%d quarters)", d->term_turns);
    return buf;
}

const char *cp_deal_describe(const cp_world *w, const cp_deal *d, char *buf, size_t len)
{
    return describe(w, d, 0, buf, len);
}

const char *cp_deal_terms(const cp_world *w, const cp_deal *d, char *buf, size_t len)
{
    return describe(w, d, 1, buf, len);
}
