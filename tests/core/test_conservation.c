/* test_conservation.c -- property test: over a thousand random games with
 * random (often invalid) orders and deals, material and money are conserved and no
 * stock, price or capacity goes negative or stops being a number. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

/* a small deterministic generator for the test itself */
static unsigned long long state = 88172645463325252ULL;
static unsigned long long next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}
static int pick(int n) { return (int)(next() % (unsigned long long)n); }
static double unit(void) { return (double)(next() >> 11) / 9007199254740992.0; }

static cp_order random_order(const cp_world *w)
{
    cp_order o;
    memset(&o, 0, sizeof o);
    o.kind = (cp_order_kind)pick(CP_ORDER_KIND_COUNT);
    o.nation = pick(cp_world_nation_count(w) + 1) - (pick(20) == 0); /* sometimes invalid */
    o.partner = pick(cp_world_nation_count(w) + 1) - 1;              /* -1 = all */
    o.good = pick(CP_GOOD_COUNT + 1) - (pick(10) == 0);
    o.facility = pick(cp_world_facility_count(w) + 2);
    o.facility_kind = pick(CP_FAC_KIND_COUNT);
    o.mode = pick(3);
    o.flag = pick(2);
    o.turns = pick(8);
    double scale[] = {1, 100, 5000, 1e5};
    o.amount = (unit() * 1.2 - 0.1) * scale[pick(4)];
    if (o.kind == CP_ORDER_SET_EXPORT_CONTROL || o.kind == CP_ORDER_SET_TARIFF ||
        o.kind == CP_ORDER_SET_SUBSIDY)
        o.amount = unit() * 1.1;
    return o;
}

/* A random two-party deal, often invalid; accepted half the time. */
static void random_deal(cp_world *w, int *proposed)
{
    cp_deal d;
    memset(&d, 0, sizeof d);
    int n = cp_world_nation_count(w);
    d.proposer = pick(n);
    d.party_count = 2;
    d.parties[0] = d.proposer;
    d.parties[1] = pick(n);
    d.term_turns = pick(6);
    d.clause_count = 1 + pick(3);
    for (int k = 0; k < d.clause_count; k++) {
        cp_clause *c = &d.clauses[k];
        c->kind = (cp_clause_kind)pick(CP_CLAUSE_KIND_COUNT);
        c->from = d.parties[pick(2)];
        c->to = d.parties[pick(2)];
        c->good = pick(CP_GOOD_COUNT);
        c->facility_kind = pick(CP_FAC_KIND_COUNT);
        c->amount = unit() * (c->kind == CP_CLAUSE_OFFTAKE ? 3000 : 1.0);
        c->price_usd_per_kg = pick(2) ? 0 : unit() * 100;
        c->capacity_t_per_yr = 100 + unit() * 5000;
    }
    cp_error err;
    int id = cp_world_propose(w, &d, &err);
    if (id >= 0) {
        (*proposed)++;
        if (pick(2))
            cp_world_answer(w, id, d.parties[1], CP_ANSWER_ACCEPT, &err);
    }
}

static int finite_nonneg(double x) { return isfinite(x) && x >= -1e-9; }

static void check_world(const cp_world *w, int game)
{
    cp_ledger l;
    cp_world_ledger(w, &l);
    double in = l.mined_t + l.recycled_t + l.initial_stock_t, out = l.consumed_t + l.lost_t + l.in_stock_t;
    CHECK(fabs(in - out) <= 1e-7 * fmax(1.0, in), "game %d turn %d: material %.6f in vs %.6f out",
          game, cp_world_turn(w), in, out);
    double paid = l.buyers_paid_musd,
           got = l.sellers_got_musd + l.export_taxes_musd + l.tariffs_musd + l.transport_musd;
    CHECK(fabs(paid - got) <= 1e-7 * fmax(1.0, paid), "game %d: money %.6f paid vs %.6f received",
          game, paid, got);
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        const cp_nation *x = cp_world_nation(w, n);
        int ok = finite_nonneg(x->reserves_t) && finite_nonneg(x->ore_stock_light_t) &&
                 finite_nonneg(x->ore_stock_heavy_t) && isfinite(x->treasury_musd) &&
                 isfinite(x->score) && x->pressure >= 0 && x->pressure <= 1;
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            ok = ok && finite_nonneg(x->stock_t[g]) && finite_nonneg(x->unsold_t[g]) &&
                 finite_nonneg(x->stockpile_t[g]) && finite_nonneg(x->shortage_t[g]) &&
                 isfinite(x->price_paid_usd_per_kg[g]) && x->price_paid_usd_per_kg[g] > 0;
        CHECK(ok, "game %d turn %d: nation %s has a negative or non-finite figure", game,
              cp_world_turn(w), x->iso3);
    }
    for (int k = 0; k < cp_world_facility_count(w); k++) {
        const cp_facility *f = cp_world_facility(w, k);
        CHECK(finite_nonneg(f->capacity_t_per_yr) && finite_nonneg(f->output_t) &&
                  f->progress >= 0 && f->progress <= 1.0 + 1e-9 && f->capex_paid_musd <= f->capex_musd + 1e-6,
              "game %d: facility %s out of range", game, f->name);
    }
}

static void test_random_games(void)
{
    static cp_scenario sc;
    fixture_three(&sc, 1);
    cp_world *template = fixture_world(&sc, 3);
    int games = 1000, accepted = 0, refused = 0, deals = 0;
    for (int game = 0; game < games; game++) {
        cp_world *w = cp_world_clone(template);
        for (int turn = 0; turn < 8; turn++) {
            int orders = pick(6);
            for (int k = 0; k < orders; k++) {
                cp_order o = random_order(w);
                cp_error err;
                if (cp_world_submit(w, &o, &err) == CP_OK)
                    accepted++;
                else
                    refused++;
            }
            if (pick(3) == 0)
                random_deal(w, &deals);
            cp_world_advance(w);
            check_world(w, game);
        }
        cp_world_destroy(w);
    }
    printf("    %d games, %d orders accepted, %d refused, %d deals proposed\n", games, accepted,
           refused, deals);
    CHECK(accepted > 1000 && refused > 1000, "both kinds exercised");
    CHECK(deals > 100, "deals exercised");
    cp_world_destroy(template);
}

int main(void)
{
    RUN(test_random_games);
    return DONE();
}
