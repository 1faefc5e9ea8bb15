/* history.c -- every turn's figures, kept in the world so that charts, CSV
 * files and the debrief all read one source. */
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

static int grow(cp_world *w, int need)
{
    if (need <= w->hist_cap)
        return 1;
    int cap = w->hist_cap ? w->hist_cap : w->sc->default_turns + 1;
    if (cap < 8)
        cap = 8;
    while (cap < need)
        cap *= 2;
    cp_nation_history *hn = realloc(w->hist_nation, sizeof *hn * (size_t)cap * (size_t)w->nation_count);
    if (!hn)
        return 0;
    w->hist_nation = hn;
    cp_market_history *hm = realloc(w->hist_market, sizeof *hm * (size_t)cap * CP_GOOD_COUNT);
    if (!hm)
        return 0;
    w->hist_market = hm;
    double *ps = realloc(w->part_sum, sizeof *ps * (size_t)cap * (size_t)w->nation_count * CP_PART_COUNT);
    if (!ps)
        return 0;
    w->part_sum = ps;
    w->hist_cap = cap;
    return 1;
}

/* A loaded world's score parts, from its history (score.c): what each
 * hist_record call would have left. 0, or -1 out of memory. */
int hist_rebuild_parts(cp_world *w)
{
    free(w->part_sum);
    w->part_sum = malloc(sizeof(double) * (size_t)(w->hist_cap > 0 ? w->hist_cap : 1) *
                         (size_t)w->nation_count * CP_PART_COUNT);
    if (!w->part_sum)
        return -1;
    for (int t = 0; t <= w->turn && t < w->hist_cap; t++)
        score_parts_record(w, t);
    return 0;
}

void hist_record(cp_world *w)
{
    if (!grow(w, w->turn + 1))
        return;
    for (int i = 0; i < w->nation_count; i++) {
        const cp_nation *n = &w->nations[i];
        cp_nation_history *h = &w->hist_nation[(size_t)w->turn * (size_t)w->nation_count + (size_t)i];
        memset(h, 0, sizeof *h);
        h->turn = w->turn;
        h->mined_t = n->mined_t;
        h->separated_t = n->separated_t;
        h->magnets_t = n->magnets_t;
        h->heavy_separated_t = n->heavy_separated_t;
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            h->demand_t += n->demand_t[g];
            h->shortage_t += n->shortage_t[g];
            h->demand_good_t[g] = n->demand_t[g];
            h->shortage_good_t[g] = n->shortage_t[g];
            h->stockpile_t += n->stockpile_t[g];
            h->price_paid_usd_per_kg[g] = n->price_paid_usd_per_kg[g];
            h->imports_t[g] = n->imports_t[g];
            h->exports_t[g] = n->exports_t[g];
        }
        memcpy(h->sector_shortage_t, n->sector_shortage_t, sizeof h->sector_shortage_t);
        h->treasury_musd = n->treasury_musd;
        h->gdp_busd_per_yr = n->gdp_busd_per_yr;
        h->gdp_loss_busd = n->gdp_loss_busd;
        h->score = n->score;
        h->pressure = n->pressure;
        h->tariff_revenue_musd = n->tariff_revenue_musd;
    }
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        const cp_market *m = &w->market[g];
        cp_market_history *h = &w->hist_market[(size_t)w->turn * CP_GOOD_COUNT + (size_t)g];
        h->turn = w->turn;
        h->world_price_usd_per_kg = m->world_price_usd_per_kg;
        h->production_t = m->production_t;
        h->traded_t = m->traded_t;
        h->shortage_t = m->shortage_t;
    }
    w->hist_hash = save_hash_history_turn(w, w->turn, w->hist_hash); /* the state hash's */
    score_parts_record(w, w->turn);
}
