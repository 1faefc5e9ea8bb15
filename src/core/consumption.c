/* consumption.c -- final demand, shortages and what they cost.
 *
 * Each sector of each nation needs magnets and oxides (its scenario demand,
 * grown each quarter, at reference prices). Demand answers to price with the
 * short-run elasticity, and what users hold in stock is used first. A
 * shortage is need at reference prices that was not met, whether for lack of
 * material or because the price priced it out: either way that output is
 * lost. Defense is served first, and never from material that came in under
 * a licence (licences exclude defense end use). A sector's lost share of
 * need costs that share of its quarterly output (half of it: firms find some
 * substitutes), and shortages raise political pressure, defense ones most.
 */
#include <math.h>

#include "fastmath.h"
#include "world_internal.h"

/* Final need of good 'g' by nation 'n' this quarter at reference prices. */
static double final_need_t(const cp_world *w, int n, cp_good g, int sector)
{
    return w->nations[n].demand_t_per_yr[sector][g] / 4.0 * w->demand_scale[g][n];
}

/* What nation 'n' needs of 'g' this quarter at reference prices: its
 * plants' inputs at the pace their own output prices set (so scarce magnets
 * make magnet makers bid up oxides) plus its industries' final demand. */
double cons_need_t(const cp_world *w, int n, cp_good g)
{
    const cp_nation *nat = &w->nations[n];
    double need = 0;
    for (int s = 0; s < CP_SECTOR_COUNT; s++)
        need += final_need_t(w, n, g, s);
    if (g == CP_ORE) {
        need += w->cap_t[n][CP_FAC_SEPARATION] * prod_utilisation(w, n, CP_FAC_SEPARATION);
    } else if (g == CP_LIGHT_OXIDE || g == CP_HEAVY_OXIDE) {
        double per_t = g == CP_LIGHT_OXIDE ? w->sc->magnet_light_t_per_t : prod_heavy_per_magnet_t(w, n);
        double yield = 0.90 + 0.08 * nat->tech[CP_FAC_MAGNET];
        need += w->cap_t[n][CP_FAC_MAGNET] * prod_utilisation(w, n, CP_FAC_MAGNET) * per_t / yield;
    }
    return need;
}

/* How each nation's final demand answers to the price it paid, for every
 * good it has need of: the powers in one loop of their own, where the CPU
 * can work on several at once. */
static void price_factors(const cp_world *w, double pf[][CP_GOOD_COUNT])
{
    for (int n = 0; n < w->nation_count; n++)
        for (int g = CP_LIGHT_OXIDE; g < CP_GOOD_COUNT; g++) {
            const cp_good_params *gp = &w->sc->goods[g];
            double P = w->nations[n].price_paid_usd_per_kg[g];
            double need = 0;
            for (int s = 0; s < CP_SECTOR_COUNT; s++)
                need += final_need_t(w, n, (cp_good)g, s);
            pf[n][g] = P > 0 && need > 0 ? fm_pow(P / gp->reference_price_usd_per_kg,
                                                  -gp->demand_elasticity)
                                         : 1.0;
        }
}

void cons_final(cp_world *w)
{
    double pf[CP_MAX_NATIONS][CP_GOOD_COUNT];
    price_factors(w, pf);
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        double lost_busd = 0, short_value = 0, need_value = 0, defense_short = 0,
               defense_need = 0;
        for (int g = CP_LIGHT_OXIDE; g < CP_GOOD_COUNT; g++) {
            const cp_good_params *gp = &w->sc->goods[g];
            double need_ref[CP_SECTOR_COUNT], total_ref = 0;
            for (int s = 0; s < CP_SECTOR_COUNT; s++) {
                need_ref[s] = final_need_t(w, n, (cp_good)g, s);
                total_ref += need_ref[s];
            }
            nat->demand_t[g] = total_ref;
            if (total_ref <= 0) {
                nat->consumed_t[g] = nat->shortage_t[g] = 0;
                continue;
            }
            double price_factor = pf[n][g];
            double stock = nat->stock_t[g];
            double restricted = w->licensed_in_t[g][n] < stock ? w->licensed_in_t[g][n] : stock;
            double free_stock = stock - restricted;
            /* defense first, from material free of licence conditions */
            double want_def = need_ref[CP_SECTOR_DEFENSE] * price_factor;
            double def = want_def < free_stock ? want_def : free_stock;
            double left = stock - def;
            double want_civil = (total_ref - need_ref[CP_SECTOR_DEFENSE]) * price_factor;
            double civil = want_civil < left ? want_civil : left;
            double civil_share = want_civil > 0 ? civil / want_civil : 1.0;
            double used = def + civil;
            nat->stock_t[g] -= used;
            if (nat->stock_t[g] < 0)
                nat->stock_t[g] = 0;
            nat->consumed_t[g] = used;
            w->ledger.consumed_t += used * world_reo_content(w, (cp_good)g);
            double shortage = total_ref - used; /* cheap material can be used beyond need */
            nat->shortage_t[g] = shortage > 1e-9 ? shortage : 0;
            w->market[g].shortage_t += nat->shortage_t[g];
            for (int s = 0; s < CP_SECTOR_COUNT; s++) {
                double got = s == CP_SECTOR_DEFENSE ? def : need_ref[s] * price_factor * civil_share;
                double miss = need_ref[s] - got; /* negative when cheap: no shortage */
                if (miss < 1e-12)
                    miss = 0;
                nat->sector_shortage_t[s] += miss;
                if (need_ref[s] > 0)
                    lost_busd += 0.5 * nat->sector_gdp_busd[s] / 4.0 * (miss / need_ref[s]) *
                                 (g == CP_MAGNET ? 1.0 : 0.3);
            }
            double ref = gp->reference_price_usd_per_kg;
            short_value += nat->shortage_t[g] * ref;
            need_value += total_ref * ref;
            defense_short += need_ref[CP_SECTOR_DEFENSE] - def;
            defense_need += need_ref[CP_SECTOR_DEFENSE];
        }
        nat->gdp_loss_busd = lost_busd;
        double frac = need_value > 0 ? short_value / need_value : 0;
        double dfrac = defense_need > 0 ? defense_short / defense_need : 0;
        double p = nat->pressure * 0.8 + 0.5 * frac + 0.5 * dfrac;
        nat->pressure = p > 1 ? 1 : (p < 0 ? 0 : p);
    }
}
