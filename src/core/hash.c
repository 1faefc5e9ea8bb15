/* hash.c -- a 64-bit fingerprint of the world's state after a turn.
 *
 * Equal hashes mean equal games: the replay checker, the save round-trip
 * tests and the determinism tests all compare it. It folds in the turn, the
 * random stream, every nation's stocks, money and technology, every
 * facility's place on its timeline, the market prices, and a running hash of
 * every order ever applied (order.c), which stands for the policy tables
 * without walking them each turn.
 */
#include <string.h>

#include "world_internal.h"

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

static uint64_t mixd(uint64_t h, double d)
{
    uint64_t v;
    if (d == 0)
        d = 0; /* -0.0 and 0.0 are the same state */
    memcpy(&v, &d, sizeof v);
    return mix(h, v);
}

uint64_t cp_world_hash(const cp_world *w)
{
    uint64_t h = 0x43484f4b45504f49ULL; /* "CHOKEPOI" */
    h = mix(h, (uint64_t)w->turn);
    for (int k = 0; k < 4; k++)
        h = mix(h, w->rng.s[k]);
    h = mix(h, w->policy_hash);
    for (int n = 0; n < w->nation_count; n++) {
        const cp_nation *nat = &w->nations[n];
        h = mixd(h, nat->reserves_t);
        h = mixd(h, nat->treasury_musd);
        h = mixd(h, nat->gdp_loss_busd);
        h = mixd(h, nat->pressure);
        h = mixd(h, nat->score);
        h = mixd(h, nat->ore_stock_light_t);
        h = mixd(h, nat->ore_stock_heavy_t);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            h = mixd(h, nat->stock_t[g]);
            h = mixd(h, nat->unsold_t[g]);
            h = mixd(h, nat->stockpile_t[g]);
            h = mixd(h, w->mstate[g].price[n]);
        }
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            h = mixd(h, nat->tech[k]);
            h = mixd(h, w->util[n][k]);
        }
    }
    for (int k = 0; k < w->facility_count; k++) {
        const cp_facility *f = &w->facilities[k];
        h = mix(h, (uint64_t)f->stage | (uint64_t)(uint32_t)f->turns_in_stage << 8);
        h = mixd(h, f->progress);
        h = mixd(h, f->capex_paid_musd);
        h = mixd(h, f->funds_musd);
    }
    for (int k = 0; k < w->deal_count; k++) {
        const cp_deal *d = &w->deals[k];
        h = mix(h, (uint64_t)d->status | (uint64_t)(uint32_t)d->revision << 8);
        for (int p = 0; p < d->party_count; p++)
            h = mix(h, (uint64_t)d->accepted[p]);
        for (int c = 0; c < d->clause_count; c++)
            h = mixd(h, d->clauses[c].delivered_t);
    }
    for (int n = 0; n < w->nation_count; n++)
        h = mixd(h, w->nations[n].trust);
    for (int k = 0; k < w->effect_count; k++)
        h = mix(h, (uint64_t)w->effects[k].event.kind << 32 | (uint64_t)w->effects[k].turns_left);
    /* the teacher's policy locks (lock.c), folded in only when there are
     * any, so that games without locks keep the hashes they always had */
    uint64_t locks = 0;
    for (int n = 0; n < w->nation_count; n++)
        locks |= (uint64_t)(w->policy_locked[n] != 0) << n;
    if (locks)
        h = mix(h, locks);
    /* the model's carried state (model version 2): heavy concentrate, the
     * long run, investment signals, normal use, slippage still to come */
    for (int n = 0; n < w->nation_count; n++) {
        const cp_nation *nat = &w->nations[n];
        h = mixd(h, nat->heavy_conc_t);
        h = mixd(h, nat->heavy_intensity);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            h = mixd(h, nat->demand_adjust[g]);
            h = mixd(h, nat->recycled_share[g]);
        }
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            h = mixd(h, w->invest_signal[n][k]);
    }
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        h = mixd(h, w->u0[k]);
    for (int k = 0; k < w->facility_count; k++)
        h = mix(h, (uint64_t)(uint32_t)w->facilities[k].slip_turns);
    return h;
}
