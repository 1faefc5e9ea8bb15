/* forecast.c -- "what if": play a copy of the world forward under a seat's orders.
 *
 * An agent weighing a tariff, a window's "What if?" button and a hard AI
 * looking ahead all ask the same question: how would this seat stand in a
 * few quarters if it gave these orders and nobody else changed anything?
 * The core answers it the only way it can answer anything, by playing the
 * rules: it clones the world, keeps the seat's own queued orders (what it
 * decided this turn belongs in the picture), drops every other seat's (they
 * hold their policies: a forecast must not depend on which seat happened to
 * decide first), adds the orders asked about, advances, reads the figures
 * and throws the copy away. The world asked about is const and never
 * touched, so no number of forecasts can change a game.
 *
 * Chance. The clone carries the world's random stream, which already holds
 * next quarter's mine floods and conflicts; a forecast that used it would
 * tell a seat the future. So by default it draws from a stream of its own,
 * seeded by the world's seed and turn (the same forecast twice gives the
 * same figures, in every process), and leaves out the events a teacher
 * injected for the next quarter. CP_FORECAST_EXACT keeps both, for the
 * tests that hold a forecast to the world it copies.
 *
 * Cost: a clone (the history is copied, a few hundred KiB at turn 40) and
 * one cp_world_advance per quarter; docs/benchmarks.md has the figures.
 */
#include <assert.h>
#include <string.h>

#include "world_internal.h"

/* "forecast" in ASCII: what sets the forecast's stream apart from the
 * world's own, which rng_seed derives from the bare seed. */
#define FORECAST_STREAM_TAG 0x666f726563617374ULL

/* Keep only 'nation''s pending orders in 'c', in the order queued. */
static int keep_own_pending(cp_world *c, int nation)
{
    int kept = 0;
    for (int k = 0; k < c->pending_count; k++)
        if (c->pending[k].nation == nation)
            c->pending[kept++] = c->pending[k];
    c->pending_count = kept;
    return kept;
}

/* After the first forecast quarter: the orders of the caller's list that
 * were accepted when submitted but refused when the quarter resolved. The
 * turn report lists a nation's queued orders first, in the order queued
 * (order_apply_pending runs before anything else reports an order), so
 * report own + k is accepted order k. */
static void refusals_at_turn_end(const cp_world *c, int nation, int own, const int *accepted,
                                 int accepted_count, cp_forecast *out)
{
    for (int k = 0; k < accepted_count && out->refused_count < CP_FORECAST_MAX_ORDERS; k++) {
        const cp_order_report *r = cp_world_order_report(c, nation, own + k);
        if (!r || r->outcome != CP_OUTCOME_REFUSED)
            continue;
        cp_forecast_refusal *f = &out->refused[out->refused_count++];
        f->index = accepted[k];
        f->at_turn_end = 1;
        f->error.code = CP_ERR_BAD_STATE;
        text_format(f->error.message, sizeof f->error.message, "%s", r->text);
    }
}

/* The figures of 'nation' over the forecast quarters, from the copy's
 * history rows from_turn + 1 .. to_turn (row t holds the quarter that led
 * to turn t). */
static void read_figures(const cp_world *c, int nation, int from_turn, cp_forecast *out)
{
    int to = c->turn;
    double demand[CP_GOOD_COUNT] = {0}, shortage[CP_GOOD_COUNT] = {0};
    memset(out->window, 0, sizeof out->window);
    out->gdp_loss_busd = 0;
    for (int t = from_turn + 1; t <= to; t++) {
        cp_score_parts q;
        cp_status st = cp_world_score_parts(c, nation, t, &q);
        assert(st == CP_OK);
        (void)st;
        for (int p = 0; p < CP_PART_COUNT; p++)
            out->window[p] += q.quarter[p];
        const cp_nation_history *h = cp_world_nation_history(c, t, nation);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            demand[g] += h->demand_good_t[g];
            shortage[g] += h->shortage_good_t[g];
        }
        out->gdp_loss_busd += h->gdp_loss_busd;
    }
    int n = to - from_turn;
    cp_status st = cp_world_score_parts(c, nation, to, &out->score);
    assert(st == CP_OK);
    (void)st;
    out->window_total = 0;
    for (int p = 0; p < CP_PART_COUNT; p++) {
        out->window[p] /= n;
        out->window_total += out->score.weight[p] * out->window[p];
    }
    const cp_nation *nat = &c->nations[nation];
    const cp_nation_history *last = cp_world_nation_history(c, to, nation);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        out->price_usd_per_kg[g] = c->market[g].world_price_usd_per_kg;
        out->paid_usd_per_kg[g] = last->price_paid_usd_per_kg[g];
        out->shortage_share[g] = demand[g] > 0 ? shortage[g] / demand[g] : 0;
        out->stockpile_t[g] = nat->stockpile_t[g];
    }
    out->treasury_musd = nat->treasury_musd;
    out->gdp_busd_per_yr = nat->gdp_busd_per_yr;
}

cp_status cp_world_forecast(const cp_world *w, int nation, const cp_order *orders, int count,
                            int quarters, unsigned flags, cp_forecast *out, cp_error *err)
{
    if (nation < 0 || nation >= w->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "forecast: unknown nation %d", nation);
    if (quarters < 1 || quarters > CP_FORECAST_MAX_QUARTERS)
        return cp_fail(err, CP_ERR_BAD_VALUE, "forecast: quarters must be 1 to %d, got %d",
                       CP_FORECAST_MAX_QUARTERS, quarters);
    if (count < 0 || count > CP_FORECAST_MAX_ORDERS || (count > 0 && !orders))
        return cp_fail(err, CP_ERR_FULL, "forecast: at most %d orders, got %d",
                       CP_FORECAST_MAX_ORDERS, count);
    if (w->resolving)
        return cp_fail(err, CP_ERR_BAD_STATE, "forecast: the world is resolving a quarter");
    cp_world *c = cp_world_clone(w);
    if (!c)
        return cp_fail(err, CP_ERR_FULL, "forecast: out of memory copying the world");
    if (!(flags & CP_FORECAST_EXACT)) {
        rng_seed(&c->rng, rng_mix(w->seed ^ FORECAST_STREAM_TAG) + (uint64_t)w->turn);
        c->injected_count = 0;
    }
    int own = keep_own_pending(c, nation);

    cp_forecast f;
    memset(&f, 0, sizeof f);
    f.nation = nation;
    f.from_turn = w->turn;
    int accepted[CP_FORECAST_MAX_ORDERS], accepted_count = 0;
    for (int i = 0; i < count; i++) {
        cp_error e = {CP_OK, ""};
        cp_status st = CP_OK;
        if (orders[i].nation != nation)
            st = cp_fail(&e, CP_ERR_NOT_YOURS, "order %d is %s's, not %s's: a forecast adds "
                         "orders of its own seat only", i + 1,
                         (orders[i].nation >= 0 && orders[i].nation < w->nation_count)
                             ? w->nations[orders[i].nation].iso3 : "no nation",
                         w->nations[nation].iso3);
        else
            st = cp_world_submit(c, &orders[i], &e);
        if (st == CP_OK) {
            accepted[accepted_count++] = i;
            continue;
        }
        cp_forecast_refusal *r = &f.refused[f.refused_count++];
        r->index = i;
        r->at_turn_end = 0;
        r->error = e;
    }
    for (int q = 0; q < quarters; q++) {
        cp_world_advance(c);
        if (q == 0)
            refusals_at_turn_end(c, nation, own, accepted, accepted_count, &f);
    }
    f.quarters = quarters;
    f.to_turn = c->turn;
    read_figures(c, nation, w->turn, &f);
    cp_world_destroy(c);
    *out = f;
    return CP_OK;
}
