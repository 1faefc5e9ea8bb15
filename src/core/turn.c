/* turn.c -- resolving one quarter: the order of the phases, and why.
 *
 * cp_world_advance turns quarter T into quarter T+1 in fixed phases:
 *
 *  1. Policies. The budget for the quarter arrives; queued orders apply, by
 *     nation then by submission, then what the scenario schedules for T+1
 *     and what a teacher injected. Policies come first so that everything
 *     after sees the rules of the quarter it resolves.
 *  2. Deals (deal_exec.c): breaches are judged against the policies just
 *     set, finished deals expire, agreed ones start through the same order
 *     machinery, allies share stockpiles. Offtake deliveries happen in each
 *     market, after production and before trade.
 *  3. Construction. Every project moves along its timeline and pays its
 *     instalment; a plant that enters ramp-up produces this very quarter.
 *     Firms that have sold above their hurdle price for a year announce
 *     new capacity of their own.
 *  4. Effects. Lasting events (floods, conflict, slow approvals, demand
 *     shocks) set this quarter's cuts.
 *  5. Production and markets, in the order material flows: the ore market
 *     (where mines produce), the NdPr market (where separation plants
 *     split the ore they bought), the Dy/Tb market (where heavy lines work
 *     the concentrate), the magnet market (where magnet plants use the
 *     oxides they bought). Each plant makes its output in the market it
 *     sells into, so output answers that quarter's price; its inputs were
 *     bought earlier in the quarter on last quarter's prices. Recycled
 *     scrap comes in first. Each market settles (market.c), so a shock
 *     travels down the chain within a quarter, while capacity answers only
 *     over years (phase 3).
 *  6. Consumption and shortages: final users draw on their stocks; unmet
 *     need costs output and raises pressure. Then the long run: demand per
 *     unit of activity, Dy/Tb per magnet and recycling move toward what
 *     the quarter's prices ask.
 *  7. Events for the next quarter are drawn from the seeded stream, after
 *     everything they could depend on, so that the draws happen in the same
 *     order whatever the players did.
 *  8. Suspended controls count down and return on their own; technology
 *     diffuses; scores update; the turn counter moves; the history row and
 *     the state hash are taken last, so they describe the finished quarter.
 *
 * Nothing here reads a clock or iterates in an order that could vary between
 * runs, so one seed and one list of orders give one game.
 */
#include <assert.h>
#include <string.h>

#include "world_internal.h"

static void reset_quarter_figures(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        nat->mined_t = nat->separated_t = nat->magnets_t = nat->byproduct_t = 0;
        nat->heavy_separated_t = 0;
        memset(nat->recycled_t, 0, sizeof nat->recycled_t);
        memset(nat->demand_t, 0, sizeof nat->demand_t);
        memset(nat->consumed_t, 0, sizeof nat->consumed_t);
        memset(nat->shortage_t, 0, sizeof nat->shortage_t);
        memset(nat->sector_shortage_t, 0, sizeof nat->sector_shortage_t);
        memset(nat->imports_t, 0, sizeof nat->imports_t);
        memset(nat->exports_t, 0, sizeof nat->exports_t);
        nat->export_revenue_musd = nat->import_bill_musd = 0;
        nat->tariff_revenue_musd = nat->export_tax_revenue_musd = 0;
        nat->subsidy_paid_musd = nat->floor_paid_musd = 0;
        nat->gdp_loss_busd = 0;
    }
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        w->market[g].production_t = 0;
        w->market[g].traded_t = 0;
        w->market[g].shortage_t = 0;
        for (int n = 0; n < w->nation_count; n++)
            w->licensed_in_t[g][n] = 0;
    }
}

/* The quarter's material pipeline, shared with the warm-up at creation. */
void world_run_quarter(cp_world *w)
{
    /* capex paid before this point (construction, down payments) belongs to
     * the quarter being resolved: keep it while the other figures reset */
    double capex[CP_MAX_NATIONS];
    for (int n = 0; n < w->nation_count; n++)
        capex[n] = w->nations[n].capex_paid_musd;
    reset_quarter_figures(w);
    for (int n = 0; n < w->nation_count; n++)
        w->nations[n].capex_paid_musd = capex[n];
    prod_capacities(w);
    cons_cache_needs(w);
    cons_recycle(w);
    mkt_clear(w, CP_ORE);
    mkt_clear(w, CP_LIGHT_OXIDE);
    mkt_clear(w, CP_HEAVY_OXIDE);
    mkt_clear(w, CP_MAGNET);
    cons_final(w);
    prod_facility_output(w);
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int n = 0; n < w->nation_count; n++)
            w->stockpile_buy_t[g][n] = 0;
}

/* Demand grows by its sector's rate, compounding; a numerical guard stops
 * it at DEMAND_CEILING_T_PER_YR, five million times today's world demand
 * and a hundred times the most a scenario may state, so that growth
 * compounded over the longest game (100,000 turns) stays finite. No game
 * of this century comes near it. */
static const double DEMAND_CEILING_T_PER_YR = 1e12;

static void grow_demand(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++)
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            for (int g = 0; g < CP_GOOD_COUNT; g++) {
                double yearly = w->sc->goods[g].growth_per_yr[s];
                double *d = &w->nations[n].demand_t_per_yr[s][g];
                if (*d > 0 && yearly != 0) {
                    *d *= w->growth_q[g][s];
                    if (*d > DEMAND_CEILING_T_PER_YR)
                        *d = DEMAND_CEILING_T_PER_YR;
                }
            }
}

static void count_down_suspensions(cp_world *w)
{
    if (w->no_suspensions)
        return; /* the usual case: nothing to count, skip 2,000-odd routes */
    int still = 0;
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        int returned = 0;
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            for (int d = 0; d < w->nation_count; d++) {
                cp_export_control *c = &nat->policy.control[g][d];
                if (c->suspended_turns > 0 && --c->suspended_turns == 0)
                    returned = 1;
                still |= c->suspended_turns > 0;
            }
        if (returned) {
            /* the last suspended market was this quarter's; the controls
             * govern from the next one, which the news names */
            char from[16];
            cp_world_date_text(w, w->turn + w->resolving + 1, from, sizeof from);
            news_add(w, CP_NEWS_POLICY, n, -1,
                     "%s's suspended export controls are back in force from %s", nat->name, from);
        }
    }
    w->no_suspensions = !still;
}

static void update_ledger_stock(cp_world *w)
{
    double s = 0;
    for (int n = 0; n < w->nation_count; n++)
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            const cp_nation *nat = &w->nations[n];
            s += (nat->stock_t[g] + nat->stockpile_t[g] + nat->unsold_t[g]) *
                 world_reo_content(w, (cp_good)g);
        }
    for (int n = 0; n < w->nation_count; n++)
        s += w->nations[n].heavy_conc_t;
    w->ledger.in_stock_t = s;
}

void cp_world_advance(cp_world *w)
{
    /* 1. policies (news is dated to the quarter being resolved) */
    w->resolving = 1;
    w->deal_turn_count = 0; /* the decisions of the turn are made */
    report_begin(w);
    for (int n = 0; n < w->nation_count; n++) {
        w->nations[n].capex_paid_musd = 0;
        w->nations[n].treasury_musd += w->nations[n].budget_musd_per_yr / 4.0;
        w->money_q[n][CP_MONEY_BUDGET] += w->nations[n].budget_musd_per_yr / 4.0;
    }
    order_apply_pending(w);
    evt_scheduled(w);
    /* 2. deals */
    deal_phase(w);
    /* 3. construction, and firms' own investment decisions */
    fac_advance(w);
    fac_private_investment(w);
    /* 4. effects, demand growth */
    evt_apply_effects(w);
    grow_demand(w);
    /* 5-6. production, markets, consumption; then the long run and the
     * signals firms invest on (not in the warm-up at creation, which
     * settles the opening world without moving them) */
    world_run_quarter(w);
    cons_long_run(w);
    fac_update_signals(w);
    /* 7. events for the next quarter */
    evt_draw(w);
    /* 8. the end of the quarter */
    count_down_suspensions(w);
    tech_update(w);
    score_update(w);
    w->turn++;
    w->resolving = 0;
    update_ledger_stock(w);
    hist_record(w);
    report_end(w);
#ifndef NDEBUG
    /* Debug builds (the tests, the fuzzers): the world is still one its
     * save format accepts, every number finite and every index and share
     * in range, so that every game stays saveable. A failure is a bug in
     * the rules, caught at the turn that made it (save.c, save_check). */
    char broken[CP_TEXT_LEN];
    assert(save_check(w, broken, sizeof broken) == 0);
#endif
}
