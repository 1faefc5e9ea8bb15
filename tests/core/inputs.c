/* inputs.c -- reproducible random decisions for test games (see inputs.h). */
#include <string.h>

#include "inputs.h"

static unsigned long long next(inputs *in)
{
    in->s ^= in->s << 13;
    in->s ^= in->s >> 7;
    in->s ^= in->s << 17;
    return in->s;
}

int inputs_pick(inputs *in, int n) { return (int)(next(in) % (unsigned long long)n); }
static double unit(inputs *in) { return (double)(next(in) >> 11) / 9007199254740992.0; }

void inputs_seed(inputs *in, int game, int turn)
{
    in->s = 0x9e3779b97f4a7c15ULL * (unsigned long long)(game * 1000 + turn + 1) | 1;
}

static void random_deal(inputs *in, cp_world *w)
{
    int n = cp_world_nation_count(w);
    cp_error err;
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = inputs_pick(in, n);
    d.party_count = 2;
    d.parties[0] = d.proposer;
    d.parties[1] = (d.proposer + 1 + inputs_pick(in, n - 1)) % n;
    d.term_turns = 1 + inputs_pick(in, 6);
    d.clause_count = 1 + inputs_pick(in, 3);
    for (int k = 0; k < d.clause_count; k++) {
        cp_clause *c = &d.clauses[k];
        c->kind = (cp_clause_kind)inputs_pick(in, CP_CLAUSE_KIND_COUNT);
        c->from = d.parties[k % 2];
        c->to = d.parties[1 - k % 2];
        c->good = inputs_pick(in, CP_GOOD_COUNT);
        c->facility_kind = inputs_pick(in, CP_FAC_KIND_COUNT);
        c->amount = unit(in) * (c->kind == CP_CLAUSE_OFFTAKE ? 3000 : 1.0);
        c->price_usd_per_kg = inputs_pick(in, 2) ? 0 : unit(in) * 100;
        c->capacity_t_per_yr = 100 + unit(in) * 5000;
    }
    int id = cp_world_propose(w, &d, &err);
    if (id < 0)
        return;
    in->deals++;
    switch (inputs_pick(in, 6)) {
    case 0:
    case 1:
        cp_world_answer(w, id, d.parties[1], CP_ANSWER_ACCEPT, &err);
        break;
    case 2:
        d.term_turns = 1 + inputs_pick(in, 8);
        if (cp_world_counter(w, id, d.parties[1], &d, &err) == CP_OK && inputs_pick(in, 2))
            cp_world_answer(w, id, d.parties[0], CP_ANSWER_ACCEPT, &err);
        break;
    case 3:
        cp_world_answer(w, id, d.parties[1], CP_ANSWER_REJECT, &err);
        break;
    case 4:
        cp_world_withdraw_deal(w, id, d.proposer, &err);
        break;
    default:
        break; /* left open: answered in a later turn, or it lapses */
    }
}

void inputs_turn(inputs *in, cp_world *w)
{
    int n = cp_world_nation_count(w);
    cp_error err;
    for (int k = inputs_pick(in, 7); k > 0; k--) {
        cp_order o;
        memset(&o, 0, sizeof o);
        o.kind = (cp_order_kind)inputs_pick(in, CP_ORDER_KIND_COUNT);
        o.nation = inputs_pick(in, n);
        o.partner = inputs_pick(in, n + 1) - 1;
        o.good = inputs_pick(in, CP_GOOD_COUNT + 1) - 1;
        o.facility = inputs_pick(in, cp_world_facility_count(w) + 1);
        o.facility_kind = inputs_pick(in, CP_FAC_KIND_COUNT);
        o.mode = inputs_pick(in, 3);
        o.flag = inputs_pick(in, 2);
        o.turns = 1 + inputs_pick(in, 6);
        double scale[] = {1, 100, 5000, 1e5};
        o.amount = unit(in) * scale[inputs_pick(in, 4)];
        if (o.kind == CP_ORDER_SET_EXPORT_CONTROL || o.kind == CP_ORDER_SET_TARIFF ||
            o.kind == CP_ORDER_SET_SUBSIDY)
            o.amount = unit(in);
        in->orders += cp_world_submit(w, &o, &err) == CP_OK;
    }
    /* answer an open proposal from an earlier turn now and then */
    for (int id = 0; id < cp_world_deal_count(w); id++) {
        const cp_deal *d = cp_world_deal(w, id);
        if (d->status == CP_DEAL_PROPOSED && d->proposed_turn < cp_world_turn(w) &&
            inputs_pick(in, 3) == 0)
            for (int p = 0; p < d->party_count; p++)
                if (!d->accepted[p])
                    cp_world_answer(w, id, d->parties[p], CP_ANSWER_ACCEPT, &err);
    }
    if (inputs_pick(in, 3) == 0)
        random_deal(in, w);
    if (inputs_pick(in, 5) == 0) {
        cp_event e = {(cp_event_kind)inputs_pick(in, CP_EVENT_KIND_COUNT), inputs_pick(in, n), -1,
                      -1, -1, 0.2 + 0.5 * unit(in), 1 + inputs_pick(in, 4)};
        if (e.kind == CP_EVENT_SUMMIT)
            e.partner = (e.nation + 1) % n;
        if (e.kind == CP_EVENT_DEMAND_SHOCK)
            e.good = inputs_pick(in, CP_GOOD_COUNT);
        if (cp_world_inject_event(w, &e, &err) == CP_OK) {
            in->events++;
            if (in->on_event)
                in->on_event(in->ud, &e);
        }
    }
    if (cp_world_pending_count(w) > 0 && inputs_pick(in, 6) == 0)
        cp_world_withdraw(w, inputs_pick(in, cp_world_pending_count(w)), &err);
}
