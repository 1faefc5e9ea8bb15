/* world.c -- creating, copying and reading a world: the core's handle. */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

/* The haversine distance, with the core's own sine, cosine and arctangent
 * (detmath.c): the C library's differ in their last bits from machine to
 * machine, and so would every game's transport costs. */
static double great_circle_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, d2r = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * d2r, dlon = (lon2 - lon1) * d2r;
    double a = cp_sin(dlat / 2) * cp_sin(dlat / 2) +
               cp_cos(lat1 * d2r) * cp_cos(lat2 * d2r) * cp_sin(dlon / 2) * cp_sin(dlon / 2);
    return 2 * r * cp_atan2(sqrt(a), sqrt(1 - a));
}

/* What a warm-up quarter may change but the game must start from: the
 * scenario's reserves, money, strategic stockpiles and pressures. Working
 * inventories (users' stocks, producers' unsold output) keep the levels the
 * warm-up reached, on top of what the scenario states: a running industry
 * holds stock in its pipes. */
static void restore_starting_state(cp_world *w, const cp_nation *start)
{
    for (int i = 0; i < w->nation_count; i++) {
        cp_nation *n = &w->nations[i];
        const cp_nation *s = &start[i];
        n->reserves_t = s->reserves_t;
        n->treasury_musd = s->treasury_musd;
        n->gdp_busd_per_yr = s->gdp_busd_per_yr;
        memcpy(n->stockpile_t, s->stockpile_t, sizeof n->stockpile_t);
        n->pressure = s->pressure;
        n->score = s->score;
        memcpy(n->tech, s->tech, sizeof n->tech);
        memcpy(n->demand_adjust, s->demand_adjust, sizeof n->demand_adjust);
        n->heavy_intensity = s->heavy_intensity;
        memcpy(n->recycled_share, s->recycled_share, sizeof n->recycled_share);
    }
}

/* The long-run state every nation starts from (consumption.c): 2025's
 * demand per unit of activity and recipe, 1% of oxide recycled. */
static void start_long_run(cp_nation *n)
{
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        n->demand_adjust[g] = 1.0;
    n->heavy_intensity = 1.0;
    n->recycled_share[CP_LIGHT_OXIDE] = n->recycled_share[CP_HEAVY_OXIDE] = 0.01;
}

/* The opening world at rest. Normal use of capacity is first worked out
 * from the balance of needs and capacities (prod_calibrate); the world then
 * warms up for twelve quarters from pipelines filled to their targets, and
 * the prices it settles at show how far that balance is off (the spatial
 * pattern of trade, yields and ore blends it cannot see). Each kind's
 * normal use is corrected by the ratio of its product's settled price to
 * the reference and the warm-up is played again from the same start, until
 * every price lies within half a percent of its reference or after
 * SETTLE_ROUNDS rounds (a world short of capacity even at full use settles
 * above the reference). Then the slow variables (demand's long run,
 * recycling, investment signals), anchored on the reference prices, start
 * at rest. Returns 0 when out of memory. */
enum { SETTLE_ROUNDS = 6, WARM_QUARTERS = 12 };
/* bounds on the raw normal use u0 (production.c smooths it: 0.3 and 1.5
 * give normal use of 0.3 and 0.99) */
static const double U0_MIN = 0.3, U0_MAX = 1.5;

static void fill_pipelines(cp_world *w);

static int settle_opening_world(cp_world *w)
{
    prod_capacities(w);
    prod_calibrate(w);
    cp_world *before = malloc(sizeof *before);
    if (!before)
        return 0;
    memcpy(before, w, sizeof *w);
    double u0[CP_FAC_KIND_COUNT];
    memcpy(u0, w->u0, sizeof u0);
    for (int round = 0; round < SETTLE_ROUNDS; round++) {
        if (round > 0) {
            /* the same start again (the heap parts are still w's own, and
             * the news list keeps its running hash: hash.c) */
            cp_news *news = w->news;
            int news_count = w->news_count, news_cap = w->news_cap;
            uint64_t news_hash = w->news_hash;
            memcpy(w, before, sizeof *w);
            w->news = news;
            w->news_count = news_count;
            w->news_cap = news_cap;
            w->news_hash = news_hash;
        }
        memcpy(w->u0, u0, sizeof u0);
        for (int n = 0; n < w->nation_count; n++)
            for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
                w->util[n][k] = prod_normal_use(w, (cp_facility_kind)k);
        prod_capacities(w);
        fill_pipelines(w);
        for (int q = 0; q < WARM_QUARTERS; q++)
            world_run_quarter(w);
        double gap[CP_FAC_KIND_COUNT];
        prod_price_gaps(w, gap);
        int done = 1;
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            if (fabs(gap[k] - 1.0) > 0.005 && !(gap[k] > 1.0 && u0[k] >= U0_MAX) &&
                !(gap[k] < 1.0 && u0[k] <= U0_MIN))
                done = 0;
            double next = u0[k] * gap[k];
            u0[k] = next < U0_MIN ? U0_MIN : (next > U0_MAX ? U0_MAX : next);
        }
        if (done)
            break;
    }
    free(before);
    return 1;
}

/* A running industry holds stock in its pipes: before the warm-up, every
 * buyer gets the stock it aims to hold at reference prices (market.c,
 * mkt_stock_quarters), on top of what the scenario states, and heavy
 * lines half a quarter of concentrate, so that the warm-up starts near
 * the balance it settles. */
static void fill_pipelines(cp_world *w)
{
    double h = w->sc->stock_target_quarters;
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            double add = mkt_stock_quarters(w, (cp_good)g) * cons_need_t(w, n, (cp_good)g);
            nat->stock_t[g] += add;
            if (g == CP_ORE) {
                nat->ore_stock_light_t += add * nat->ore_light_share;
                nat->ore_stock_heavy_t += add * nat->ore_heavy_share;
            }
        }
        nat->heavy_conc_t += h * w->cap_t[n][CP_FAC_HEAVY_SEPARATION] * w->u0[CP_FAC_HEAVY_SEPARATION];
    }
}

/* A scenario written before heavy separation lines were a kind of their
 * own (model version 1) has none, and would make no Dy/Tb oxide at all:
 * give each of its separation plants a heavy line, at the same stage, sized
 * to the Dy/Tb its capacity would separate from the host's ore (at least a
 * tenth of a percent of it). Scenarios that name any heavy line get none. */
static void add_missing_heavy_lines(cp_world *w)
{
    for (int k = 0; k < w->facility_count; k++)
        if (w->facilities[k].kind == CP_FAC_HEAVY_SEPARATION)
            return;
    int count = w->facility_count;
    for (int k = 0; k < count; k++) {
        const cp_facility *f = &w->facilities[k];
        if (f->kind != CP_FAC_SEPARATION)
            continue;
        const cp_nation *host = &w->nations[f->host];
        double share = host->ore_heavy_share > 0.001 ? host->ore_heavy_share : 0.001;
        cp_facility_spec spec;
        memset(&spec, 0, sizeof spec);
        text_format(spec.name, sizeof spec.name, "%s heavy line", f->name);
        spec.kind = CP_FAC_HEAVY_SEPARATION;
        spec.host = f->host;
        spec.funder = f->funder;
        spec.capacity_t_per_yr = f->capacity_t_per_yr * share * 1.25;
        spec.stage = f->stage;
        spec.turns_in_stage = f->turns_in_stage;
        memcpy(spec.stage_turns, f->stage_turns, sizeof spec.stage_turns);
        if (fac_add(w, &spec) < 0)
            return;
    }
}

/* A new world at turn 0 of 'sc' with 'seed' (cp_world_create): every field
 * the scenario and the seed set, the opening warm-up included unless
 * 'warm' is 0, when the world is returned just before it (for
 * cp_world_create_like). */
static cp_world *world_build(const cp_scenario *sc, uint64_t seed, int warm, cp_error *err)
{
    cp_status st = cp_scenario_validate(sc, err);
    if (st != CP_OK)
        return NULL;
    cp_world *w = calloc(1, sizeof *w);
    if (!w) {
        cp_fail(err, CP_ERR_FULL, "out of memory creating the world");
        return NULL;
    }
    w->shared = malloc(sizeof *w->shared);
    if (!w->shared) {
        free(w);
        cp_fail(err, CP_ERR_FULL, "out of memory creating the world");
        return NULL;
    }
    if (mkt_scratch_alloc(w) != 0) {
        free(w->shared);
        free(w);
        cp_fail(err, CP_ERR_FULL, "out of memory creating the world");
        return NULL;
    }
    atomic_init(&w->shared->refs, 1);
    w->shared->sc = *sc;
    w->shared->hash = save_scenario_hash(&w->shared->sc);
    w->sc = &w->shared->sc;
    w->seed = seed;
    rng_seed(&w->rng, seed);
    w->nation_count = sc->nation_count;
    for (int i = 0; i < w->nation_count; i++) {
        w->nations[i] = sc->nations[i];
        if (w->nations[i].ore_stock_light_t == 0 && w->nations[i].ore_stock_heavy_t == 0) {
            w->nations[i].ore_stock_light_t = w->nations[i].stock_t[CP_ORE] * w->nations[i].ore_light_share;
            w->nations[i].ore_stock_heavy_t = w->nations[i].stock_t[CP_ORE] * w->nations[i].ore_heavy_share;
        }
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            w->demand_scale[g][i] = 1.0;
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            w->util[i][k] = 1.0;
            w->invest_signal[i][k] = 1.0;
        }
        start_long_run(&w->nations[i]);
    }
    for (int i = 0; i < w->nation_count; i++)
        for (int j = 0; j < w->nation_count; j++)
            w->transport_km[i][j] =
                great_circle_km(w->nations[i].lat_deg, w->nations[i].lon_deg,
                                w->nations[j].lat_deg, w->nations[j].lon_deg);
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            /* the fourth root by two square roots, which IEEE 754 rounds
             * exactly alike everywhere (pow does not) */
            w->growth_q[g][s] = sqrt(sqrt(1.0 + sc->goods[g].growth_per_yr[s]));
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        double p0 = sc->goods[g].reference_price_usd_per_kg;
        w->market[g].reference_price_usd_per_kg = p0;
        w->market[g].world_price_usd_per_kg = p0;
        for (int i = 0; i < CP_MAX_NATIONS; i++) {
            w->mstate[g].price[i] = p0;
            w->mstate[g].quota_premium[i] = 1.0;
            for (int j = 0; j < CP_MAX_NATIONS; j++)
                w->mstate[g].premium[i][j] = 1.0;
        }
    }
    for (int k = 0; k < sc->facility_count; k++) {
        if (fac_add(w, &sc->facilities[k]) < 0) {
            cp_fail(err, CP_ERR_FULL, "facility %s: could not be placed", sc->facilities[k].name);
            cp_world_destroy(w);
            return NULL;
        }
    }
    add_missing_heavy_lines(w);
    /* Policies in force at the start are the scenario's turn-0 orders. */
    for (int k = 0; k < sc->scheduled_count; k++) {
        const cp_scheduled *s = &sc->scheduled[k];
        if (s->turn != 0 || s->is_event)
            continue;
        cp_error e;
        if (order_check(w, &s->order, &e) != CP_OK) {
            cp_fail(err, e.code, "scenario %s: policy %d (%s by %s): %s", sc->name, k + 1,
                    cp_order_kind_name(s->order.kind), w->nations[s->order.nation].iso3,
                    e.message);
            cp_world_destroy(w);
            return NULL;
        }
        order_apply(w, &s->order);
    }
    w->news_count = 0; /* starting policies are the scenario, not news */
    w->news_hash = 0;
    if (!warm)
        return w;

    /* Warm up: let prices settle over a few quarters at the starting
     * capacities, then put stocks and money back where the scenario says. */
    cp_nation start[CP_MAX_NATIONS];
    memcpy(start, w->nations, sizeof(cp_nation) * (size_t)w->nation_count);
    if (!settle_opening_world(w)) {
        cp_fail(err, CP_ERR_FULL, "out of memory creating the world");
        cp_world_destroy(w);
        return NULL;
    }
    restore_starting_state(w, start);
    for (int i = 0; i < w->nation_count; i++)
        w->nations[i].score = 0;
    score_update(w);
    memset(&w->ledger, 0, sizeof w->ledger);
    memset(w->tariff_paid_musd, 0, sizeof w->tariff_paid_musd); /* tariffs.c: counted from turn 0 */
    for (int i = 0; i < w->nation_count; i++) {
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            w->ledger.initial_stock_t += (w->nations[i].stock_t[g] + w->nations[i].stockpile_t[g] +
                                          w->nations[i].unsold_t[g]) *
                                         world_reo_content(w, (cp_good)g);
        w->ledger.initial_stock_t += w->nations[i].heavy_conc_t;
    }
    w->ledger.in_stock_t = w->ledger.initial_stock_t;
    hist_record(w);
    return w;
}

cp_world *cp_world_create(const cp_scenario *sc, uint64_t seed, cp_error *err)
{
    return world_build(sc, seed, 1, err);
}

/* The warm-up (settle_opening_world and what follows it) draws nothing from
 * the random stream and reads nothing the seed sets: the seed reaches a new
 * world only through the stream's state and the delays drawn for the
 * scenario's projects as they are placed (fac_add), both before the
 * warm-up. So a world for another seed is 'start' with those two taken from
 * a world built up to the warm-up with the new seed; tests/session's
 * test_world_like compares the saved bytes of both ways for every scenario. */
cp_world *cp_world_create_like(const cp_world *start, const cp_scenario *sc, uint64_t seed,
                               cp_error *err)
{
    if (start->turn != 0 || start->sc->nation_count != sc->nation_count ||
        start->shared->hash != save_scenario_hash(sc)) {
        cp_fail(err, CP_ERR_BAD_STATE, "scenario %s: the starting world is not this scenario's "
                "at turn 0", sc->name);
        return NULL;
    }
    cp_world *bare = world_build(sc, seed, 0, err);
    if (!bare)
        return NULL;
    cp_world *w = cp_world_clone(start);
    if (!w) {
        cp_world_destroy(bare);
        cp_fail(err, CP_ERR_FULL, "out of memory creating the world");
        return NULL;
    }
    assert(bare->facility_count == w->facility_count);
    w->seed = bare->seed;
    w->rng = bare->rng;
    for (int i = 0; i < w->facility_count; i++)
        w->facilities[i].slip_turns = bare->facilities[i].slip_turns;
    cp_world_destroy(bare);
    return w;
}

cp_world *cp_world_clone(const cp_world *src)
{
    cp_world *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    *w = *src;
    w->mkt_scratch = NULL; /* its own, made below */
    atomic_fetch_add(&w->shared->refs, 1);
    w->part_sum = NULL;
    w->rep_orders = NULL;
    w->rep_deals = NULL;
    w->why = NULL;
    size_t parts = (size_t)src->hist_cap * (size_t)src->nation_count * CP_PART_COUNT;
    w->part_sum = src->part_sum ? malloc(sizeof(double) * parts) : NULL;
    if (w->part_sum)
        memcpy(w->part_sum, src->part_sum, sizeof(double) * parts);
    if (report_copy(w, src) != 0 || (src->part_sum && !w->part_sum)) {
        w->hist_nation = NULL;
        w->hist_market = NULL;
        w->news = NULL;
        w->deals = NULL;
        w->deal_events = NULL;
        w->deal_turn = NULL;
        cp_world_destroy(w);
        return NULL;
    }
    w->hist_nation = malloc(sizeof(cp_nation_history) * (size_t)src->hist_cap * (size_t)src->nation_count);
    w->hist_market = malloc(sizeof(cp_market_history) * (size_t)src->hist_cap * CP_GOOD_COUNT);
    w->news = src->news_cap ? malloc(sizeof(cp_news) * (size_t)src->news_cap) : NULL;
    w->deals = src->deal_cap ? malloc(sizeof(cp_deal) * (size_t)src->deal_cap) : NULL;
    w->deal_events = src->deal_event_cap
                         ? malloc(sizeof(cp_deal_event) * (size_t)src->deal_event_cap) : NULL;
    w->deal_turn = src->deal_turn_count
                       ? malloc(sizeof(cp_deal) * (size_t)src->deal_turn_count) : NULL;
    w->deal_turn_cap = w->deal_turn ? src->deal_turn_count : 0;
    w->deal_turn_count = w->deal_turn_cap;
    if (w->deal_turn)
        memcpy(w->deal_turn, src->deal_turn, sizeof(cp_deal) * (size_t)src->deal_turn_count);
    if (!w->hist_nation || !w->hist_market || (src->news_cap && !w->news) ||
        (src->deal_cap && !w->deals) || (src->deal_event_cap && !w->deal_events)) {
        cp_world_destroy(w);
        return NULL;
    }
    if (src->deal_count)
        memcpy(w->deals, src->deals, sizeof(cp_deal) * (size_t)src->deal_count);
    if (src->deal_event_count)
        memcpy(w->deal_events, src->deal_events,
               sizeof(cp_deal_event) * (size_t)src->deal_event_count);
    memcpy(w->hist_nation, src->hist_nation,
           sizeof(cp_nation_history) * (size_t)(src->turn + 1) * (size_t)src->nation_count);
    memcpy(w->hist_market, src->hist_market,
           sizeof(cp_market_history) * (size_t)(src->turn + 1) * CP_GOOD_COUNT);
    if (src->news_count)
        memcpy(w->news, src->news, sizeof(cp_news) * (size_t)src->news_count);
    if (mkt_scratch_alloc(w) != 0) {
        cp_world_destroy(w);
        return NULL;
    }
    return w;
}

/* One heap block of a world being copied into: keep it when it holds
 * 'need' items of 'size' bytes ('*cap' it holds now), else replace it by
 * one of 'want' items (at least 'need'). 0, or -1 out of memory (the block
 * is then NULL and its capacity 0, which cp_world_destroy takes). */
static int reuse_block(void **block, int *cap, int need, int want, size_t size)
{
    if (*block && *cap >= need)
        return 0;
    free(*block);
    *cap = 0;
    *block = want > 0 ? malloc(size * (size_t)want) : NULL;
    if (want > 0 && !*block)
        return -1;
    *cap = want;
    return 0;
}

int world_copy_into(cp_world *dst, const cp_world *src)
{
    /* dst's blocks and what they hold, before the copy overwrites them */
    cp_shared_scenario *old_shared = dst->shared;
    struct mkt_scratch *scratch = dst->mkt_scratch;
    int rows_cap = dst->nation_count == src->nation_count ? dst->hist_cap : 0;
    void *hn = dst->hist_nation, *hm = dst->hist_market, *ps = dst->part_sum;
    void *news = dst->news, *deals = dst->deals, *events = dst->deal_events;
    void *turn_deals = dst->deal_turn, *rep_orders = dst->rep_orders;
    void *rep_deals = dst->rep_deals, *why = dst->why;
    int news_cap = dst->news_cap, deal_cap = dst->deal_cap, event_cap = dst->deal_event_cap;
    int turn_deal_cap = dst->deal_turn_cap, rep_order_cap = dst->rep_order_cap;
    int rep_deal_cap = dst->rep_deal_cap, why_cap = dst->why_cap;

    *dst = *src;
    dst->mkt_scratch = scratch;
    if (old_shared != src->shared) {
        atomic_fetch_add(&src->shared->refs, 1);
        if (atomic_fetch_sub(&old_shared->refs, 1) == 1)
            free(old_shared);
    }
    /* the history, its score sums: all three blocks have rows_cap rows */
    int rows = src->turn + 1, nations = src->nation_count;
    if (!hn || !hm || !ps)
        rows_cap = 0;
    if (rows_cap < src->hist_cap) {
        free(hn);
        free(hm);
        free(ps);
        rows_cap = src->hist_cap;
        hn = malloc(sizeof(cp_nation_history) * (size_t)rows_cap * (size_t)nations);
        hm = malloc(sizeof(cp_market_history) * (size_t)rows_cap * CP_GOOD_COUNT);
        ps = malloc(sizeof(double) * (size_t)rows_cap * (size_t)nations * CP_PART_COUNT);
    }
    dst->hist_nation = hn;
    dst->hist_market = hm;
    dst->part_sum = ps;
    dst->hist_cap = rows_cap;
    int failed = !hn || !hm || !ps;
    failed |= reuse_block(&news, &news_cap, src->news_count, src->news_cap, sizeof(cp_news));
    failed |= reuse_block(&deals, &deal_cap, src->deal_count, src->deal_cap, sizeof(cp_deal));
    failed |= reuse_block(&events, &event_cap, src->deal_event_count, src->deal_event_cap,
                          sizeof(cp_deal_event));
    failed |= reuse_block(&turn_deals, &turn_deal_cap, src->deal_turn_count, src->deal_turn_count,
                          sizeof(cp_deal));
    failed |= reuse_block(&rep_orders, &rep_order_cap, src->rep_order_count, src->rep_order_count,
                          sizeof(cp_order_report));
    failed |= reuse_block(&rep_deals, &rep_deal_cap, src->rep_deal_count, src->rep_deal_count,
                          sizeof(cp_deal_report));
    failed |= reuse_block(&why, &why_cap, src->why_count, src->why_count, sizeof(struct rep_why));
    dst->news = news;
    dst->news_cap = news_cap;
    dst->deals = deals;
    dst->deal_cap = deal_cap;
    dst->deal_events = events;
    dst->deal_event_cap = event_cap;
    dst->deal_turn = turn_deals;
    dst->deal_turn_cap = turn_deal_cap;
    dst->rep_orders = rep_orders;
    dst->rep_order_cap = rep_order_cap;
    dst->rep_deals = rep_deals;
    dst->rep_deal_cap = rep_deal_cap;
    dst->why = why;
    dst->why_cap = why_cap;
    if (failed || !scratch) {
        /* counts that no block backs would mislead cp_world_destroy's callers */
        return -1;
    }
    memcpy(dst->hist_nation, src->hist_nation, sizeof(cp_nation_history) * (size_t)rows * (size_t)nations);
    memcpy(dst->hist_market, src->hist_market, sizeof(cp_market_history) * (size_t)rows * CP_GOOD_COUNT);
    if (src->part_sum)
        memcpy(dst->part_sum, src->part_sum, sizeof(double) * (size_t)rows * (size_t)nations * CP_PART_COUNT);
    else {
        free(dst->part_sum);
        dst->part_sum = NULL;
    }
    if (src->news_count)
        memcpy(dst->news, src->news, sizeof(cp_news) * (size_t)src->news_count);
    if (src->deal_count)
        memcpy(dst->deals, src->deals, sizeof(cp_deal) * (size_t)src->deal_count);
    if (src->deal_event_count)
        memcpy(dst->deal_events, src->deal_events, sizeof(cp_deal_event) * (size_t)src->deal_event_count);
    if (src->deal_turn_count)
        memcpy(dst->deal_turn, src->deal_turn, sizeof(cp_deal) * (size_t)src->deal_turn_count);
    if (src->rep_order_count)
        memcpy(dst->rep_orders, src->rep_orders, sizeof(cp_order_report) * (size_t)src->rep_order_count);
    if (src->rep_deal_count)
        memcpy(dst->rep_deals, src->rep_deals, sizeof(cp_deal_report) * (size_t)src->rep_deal_count);
    if (src->why_count)
        memcpy(dst->why, src->why, sizeof(struct rep_why) * (size_t)src->why_count);
    return 0;
}

void cp_world_destroy(cp_world *w)
{
    if (!w)
        return;
    free(w->hist_nation);
    free(w->hist_market);
    free(w->news);
    free(w->deals);
    free(w->deal_events);
    free(w->deal_turn);
    free(w->part_sum);
    mkt_scratch_free(w);
    report_free(w);
    if (w->shared && atomic_fetch_sub(&w->shared->refs, 1) == 1)
        free(w->shared);
    free(w);
}

double cp_world_normal_utilisation(const cp_world *w, cp_facility_kind k)
{
    return (k >= 0 && k < CP_FAC_KIND_COUNT) ? prod_normal_use(w, k) : 0.0;
}

double world_reo_content(const cp_world *w, cp_good g)
{
    if (g == CP_MAGNET)
        return w->sc->magnet_light_t_per_t + w->sc->magnet_heavy_t_per_t;
    return 1.0;
}

int cp_world_turn(const cp_world *w) { return w->turn; }
uint64_t cp_world_seed(const cp_world *w) { return w->seed; }
const cp_scenario *cp_world_scenario(const cp_world *w) { return w->sc; }

void cp_world_date(const cp_world *w, int turn, int *year, int *quarter)
{
    int q0 = (w->sc->start_year * 4 + (w->sc->start_quarter - 1)) + turn;
    /* floor division keeps negative turns (history before the start) right */
    int y = q0 >= 0 ? q0 / 4 : -((-q0 + 3) / 4);
    if (year)
        *year = y;
    if (quarter)
        *quarter = q0 - y * 4 + 1;
}

const char *cp_world_date_text(const cp_world *w, int turn, char *buf, size_t len)
{
    int y, q;
    cp_world_date(w, turn, &y, &q);
    if (len >= 8 && y >= 0 && y <= 9999) {
        buf[0] = (char)('0' + y / 1000);
        buf[1] = (char)('0' + y / 100 % 10);
        buf[2] = (char)('0' + y / 10 % 10);
        buf[3] = (char)('0' + y % 10);
        buf[4] = 'Q';
        buf[5] = (char)('0' + q);
        buf[6] = '\0';
    } else if (len) {
        buf[0] = '\0';
    }
    return buf;
}

int cp_world_nation_count(const cp_world *w) { return w->nation_count; }

const cp_nation *cp_world_nation(const cp_world *w, int i)
{
    return (i >= 0 && i < w->nation_count) ? &w->nations[i] : NULL;
}

int cp_world_find_nation(const cp_world *w, const char *iso3)
{
    if (!iso3)
        return -1;
    for (int i = 0; i < w->nation_count; i++)
        if (strcmp(w->nations[i].iso3, iso3) == 0)
            return i;
    return -1;
}

int cp_world_facility_count(const cp_world *w) { return w->facility_count; }

const cp_facility *cp_world_facility(const cp_world *w, int i)
{
    return (i >= 0 && i < w->facility_count) ? &w->facilities[i] : NULL;
}

const cp_market *cp_world_market(const cp_world *w, cp_good g)
{
    return (g >= 0 && g < CP_GOOD_COUNT) ? &w->market[g] : NULL;
}

const cp_nation_history *cp_world_nation_history(const cp_world *w, int turn, int nation)
{
    if (turn < 0 || turn > w->turn || nation < 0 || nation >= w->nation_count)
        return NULL;
    return &w->hist_nation[(size_t)turn * (size_t)w->nation_count + (size_t)nation];
}

const cp_market_history *cp_world_market_history(const cp_world *w, int turn, cp_good g)
{
    if (turn < 0 || turn > w->turn || g < 0 || g >= CP_GOOD_COUNT)
        return NULL;
    return &w->hist_market[(size_t)turn * CP_GOOD_COUNT + (size_t)g];
}

/* The weighted mean of the prices paid (see chokepoint.h): read from
 * the history rows, so it is the same figure the nations' CSV columns hold. */
double cp_world_price_paid_usd_per_kg(const cp_world *w, int turn, cp_good g, int except)
{
    if (turn < 0 || turn > w->turn || g < 0 || g >= CP_GOOD_COUNT)
        return 0;
    double paid = 0, demand_t = 0;
    for (int n = 0; n < w->nation_count; n++) {
        if (n == except)
            continue;
        const cp_nation_history *h = cp_world_nation_history(w, turn, n);
        double bought_t = h->demand_good_t[g] + h->imports_t[g];
        paid += h->price_paid_usd_per_kg[g] * bought_t;
        demand_t += bought_t;
    }
    return demand_t > 0 ? paid / demand_t : 0;
}

int cp_world_news_count(const cp_world *w) { return w->news_count; }

const cp_news *cp_world_news(const cp_world *w, int i)
{
    return (i >= 0 && i < w->news_count) ? &w->news[i] : NULL;
}

void cp_world_ledger(const cp_world *w, cp_ledger *out)
{
    *out = w->ledger;
}
