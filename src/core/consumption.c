/* consumption.c -- final demand, shortages and what they cost; and demand's
 * long run: thrifting, substitution and recycling.
 *
 * Each sector of each nation needs magnets and oxides (its scenario demand,
 * grown each quarter, at reference prices). Demand answers the price in two
 * steps, as commodity demand does:
 *
 *  - at once, with the short-run elasticity of the good (0.2 by default:
 *    a motor line cannot change its design within a quarter);
 *  - over the years, as users redesign: each nation's demand per unit of
 *    activity (demand_adjust) moves a sixteenth of the way a quarter
 *    toward (P / P_ref)^-(e_long - e_short), so that the full long-run
 *    elasticity e_long applies after three to five years. Magnet makers
 *    thrift Dy/Tb the same way (heavy_intensity, down to half the recipe).
 *    Redesigns stick: when the price falls back they are undone three
 *    times more slowly than they were made.
 *
 * Recycled scrap is a source of its own: a nation recovers a share of the
 * NdPr and Dy/Tb in the magnets it uses, and that share grows toward what
 * the price pays for, over the years it takes to build collection and
 * plants. Recovered oxide goes back to the nation's own magnet makers and
 * users, so it cuts what the nation has to buy.
 *
 * A shortage is need at reference prices that was not met, whether for
 * lack of material or because the price priced it out: either way that
 * output is lost. Defense is served first, and never from material that
 * came in under a licence (licences exclude defense end use). A sector's
 * lost share of need costs that share of its quarterly output (half of it:
 * firms find some substitutes), and shortages raise political pressure,
 * defense ones most.
 */
#include <math.h>

#include "fastmath.h"
#include "world_internal.h"

/* Long-run price elasticities of final demand, per good [E]. After the
 * 2011 spike users "engineered out" rare earths: Toyota, Nissan and Tesla
 * drives without permanent magnets, hybrid loaders without them (IHS via
 * ENR, 2011), substitution cutting forecast demand by about 13% within
 * two years (IMCOA, Kingsnorth, 170 kt against 195 kt; mining.com) while
 * prices stayed several times higher: an elasticity of about 0.3 then,
 * more over five years. Ferrite magnets and induction motors are the
 * substitutes for NdFeB; grain-boundary diffusion halves the Dy a magnet
 * needs (Trout, Magnetics Business & Technology, 2018). */
static const double LONG_RUN_ELASTICITY[CP_GOOD_COUNT] = {0.3, 0.6, 0.8, 0.6};
double cp_long_run_elasticity(cp_good g)
{
    return g >= 0 && g < CP_GOOD_COUNT ? LONG_RUN_ELASTICITY[g] : 0;
}

/* Quarters over which redesigns are made (16: four years, the middle of
 * "three to five"), and three times that to undo them. */
static const double ADJUST_QUARTERS = 16.0, UNDO_QUARTERS = 48.0;
/* Demand per unit of activity falls at most to this share of 2025's. */
static const double ADJUST_FLOOR = 0.4;
/* Dy/Tb per magnet: thrifted at most to half the recipe (grain-boundary
 * diffusion: "roughly 50% less Dy", Trout 2018), with elasticity 0.5 [E]. */
static const double HEAVY_THRIFT_FLOOR = 0.5, HEAVY_THRIFT_ELASTICITY = 0.5;
/* Recycling: the EU recycles less than 1% of the rare earths it uses, and
 * recyclers could cover up to 20% of magnet demand (RESourceEU, Dec 2025
 * [S]): 1% at reference prices, at most 20%, with elasticity 2 [E] (a
 * price three times the reference pays for about 9%). */
static const double RECYCLE_SHARE_2025 = 0.01, RECYCLE_SHARE_MAX = 0.20, RECYCLE_ELASTICITY = 2.0;

/* Final need of good 'g' by nation 'n' this quarter at reference prices. */
static double sector_need_t(const cp_world *w, int n, cp_good g, int sector)
{
    return w->nations[n].demand_t_per_yr[sector][g] / 4.0 * w->demand_scale[g][n] *
           w->nations[n].demand_adjust[g];
}

double cons_final_need_t(const cp_world *w, int n, cp_good g)
{
    double need = 0;
    for (int s = 0; s < CP_SECTOR_COUNT; s++)
        need += sector_need_t(w, n, g, s);
    return need;
}

/* What the world will need of each good a quarter, 'ahead' quarters from
 * now, at reference prices in the long run: every sector's trend demand
 * grown at its rate, before any redesign (what firms that build plants
 * plan for: at the price they build for, redesigns made at dearer prices
 * unwind). */
void cons_trend_need_t(const cp_world *w, int ahead, double out[CP_GOOD_COUNT])
{
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        double grow[CP_SECTOR_COUNT];
        for (int s = 0; s < CP_SECTOR_COUNT; s++) {
            grow[s] = 1.0;
            for (int q = 0; q < ahead; q++)
                grow[s] *= w->growth_q[g][s];
        }
        double need = 0;
        for (int n = 0; n < w->nation_count; n++) {
            double d = 0;
            for (int s = 0; s < CP_SECTOR_COUNT; s++)
                d += w->nations[n].demand_t_per_yr[s][g] * grow[s];
            need += d / 4.0 * w->demand_scale[g][n];
        }
        out[g] = need;
    }
}

/* The quarter's final needs, summed once: needs do not move within the
 * quarter's pipeline (demand grows, shocks and the long run act between
 * quarters). */
void cons_cache_needs(cp_world *w)
{
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int n = 0; n < w->nation_count; n++)
            w->final_need_t[g][n] = cons_final_need_t(w, n, (cp_good)g);
}

/* What nation 'n' needs of 'g' this quarter at reference prices: its
 * plants' planned inputs (production.c) plus its industries' final
 * demand. */
double cons_need_t(const cp_world *w, int n, cp_good g)
{
    double need = cons_final_need_t(w, n, g);
    if (g == CP_ORE) {
        need += w->plan_t[n][CP_FAC_SEPARATION];
    } else if (g == CP_LIGHT_OXIDE || g == CP_HEAVY_OXIDE) {
        double heavy = prod_heavy_per_magnet_t(w, n);
        double per_t = g == CP_HEAVY_OXIDE ? heavy
                                           : w->sc->magnet_light_t_per_t + w->sc->magnet_heavy_t_per_t - heavy;
        need += w->plan_t[n][CP_FAC_MAGNET] * per_t / prod_magnet_yield(w, n);
    }
    return need;
}

/* Recovered scrap comes back at the start of the quarter, into the
 * nation's own stock: the recycled share of the NdPr and Dy/Tb in the
 * magnets it uses. */
void cons_recycle(cp_world *w)
{
    static const cp_good oxides[2] = {CP_LIGHT_OXIDE, CP_HEAVY_OXIDE};
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        double magnets = w->final_need_t[CP_MAGNET][n];
        if (magnets <= 0)
            continue;
        for (int k = 0; k < 2; k++) {
            cp_good g = oxides[k];
            double content = g == CP_LIGHT_OXIDE ? w->sc->magnet_light_t_per_t : w->sc->magnet_heavy_t_per_t;
            double t = nat->recycled_share[g] * magnets * content;
            if (t <= 0)
                continue;
            nat->stock_t[g] += t;
            nat->recycled_t[g] = t;
            w->ledger.recycled_t += t;
            w->market[g].production_t += t;
        }
    }
}

/* Move 'x' toward 'target': a sixteenth of the way a quarter going down,
 * a forty-eighth going back up ('up_fast' swaps them, for recycling, whose
 * plants are built as prices rise and kept when they fall). */
static double toward(double x, double target, int up_fast)
{
    double fast = 1.0 / ADJUST_QUARTERS, slow = 1.0 / UNDO_QUARTERS;
    double rate = (target < x) != (up_fast != 0) ? fast : slow;
    return x + (target - x) * rate;
}

/* The long run, once a quarter after consumption: demand per unit of
 * activity, Dy/Tb per magnet and the recycled share move toward what this
 * quarter's prices ask. */
void cons_long_run(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        for (int g = CP_LIGHT_OXIDE; g < CP_GOOD_COUNT; g++) {
            double P = nat->price_paid_usd_per_kg[g];
            double ratio = P > 0 ? P / w->sc->goods[g].reference_price_usd_per_kg : 1.0;
            if (w->final_need_t[g][n] > 0) {
                double extra = LONG_RUN_ELASTICITY[g] - w->sc->goods[g].demand_elasticity;
                double target = extra > 0 ? fm_pow(ratio, -extra) : 1.0;
                if (target < ADJUST_FLOOR)
                    target = ADJUST_FLOOR;
                if (target > 1.0 / ADJUST_FLOOR)
                    target = 1.0 / ADJUST_FLOOR;
                nat->demand_adjust[g] = toward(nat->demand_adjust[g], target, 0);
            }
            if (g == CP_HEAVY_OXIDE && w->cap_t[n][CP_FAC_MAGNET] > 0) {
                double target = ratio > 1.0 ? fm_pow(ratio, -HEAVY_THRIFT_ELASTICITY) : 1.0;
                if (target < HEAVY_THRIFT_FLOOR)
                    target = HEAVY_THRIFT_FLOOR;
                nat->heavy_intensity = toward(nat->heavy_intensity, target, 0);
            }
            if (g != CP_MAGNET) {
                double target = RECYCLE_SHARE_2025 * fm_pow(ratio, RECYCLE_ELASTICITY);
                if (target > RECYCLE_SHARE_MAX)
                    target = RECYCLE_SHARE_MAX;
                nat->recycled_share[g] = toward(nat->recycled_share[g], target, 1);
            }
        }
    }
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
            double need = w->final_need_t[g][n];
            double f = 1.0;
            if (P > 0 && need > 0) {
                double ratio = P / gp->reference_price_usd_per_kg;
                f = fm_pow(ratio, -gp->demand_elasticity);
                f *= mkt_choke_keep(fm_log(ratio)); /* substitutes take over */
            }
            pf[n][g] = f;
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
                need_ref[s] = sector_need_t(w, n, (cp_good)g, s);
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
