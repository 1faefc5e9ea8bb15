/* production.c -- what mines, separation plants and magnet plants make this
 * quarter, and the material balance of each step.
 *
 * Output follows capacity (see facility.c), inputs and price: a plant runs
 * harder when its product sells above the reference price, slower below it
 * (supply elasticity), a subsidy lowers the price it needs, and a price floor
 * is the price it plans on. Mines draw down the host's reserves. Separation
 * turns ore REO into NdPr (light) and Dy/Tb (heavy) oxide in the proportions
 * of the ore it holds; the rest of the REO (La, Ce, Y...) and process losses
 * leave the model as by-product. Magnet plants need both oxides.
 */
#include <math.h>

#include "fastmath.h"
#include "world_internal.h"

/* Operating cost per kg of output, USD [E]: ore concentrate ~$4 (below the
 * $5.8 it sells for), separation ~$8 per kg of ore REO, magnets ~$20. */
static const double opex_usd_per_kg[CP_FAC_KIND_COUNT] = {4.0, 8.0, 20.0};

/* The good whose price drives each kind of plant. */
static const cp_good product_of[CP_FAC_KIND_COUNT] = {CP_ORE, CP_LIGHT_OXIDE, CP_MAGNET};

/* A producer's price: what its goods fetch at home, or the floor its
 * government guarantees if that is higher. */
static double producer_price(const cp_world *w, int n, cp_good g)
{
    double p = w->mstate[g].price[n];
    double floor = w->nations[n].policy.price_floor_usd_per_kg[g];
    return floor > p ? floor : p;
}

/* How well a nation's plants of 'kind' are paid now, relative to the
 * reference: for mines the ore price; for separation and magnet plants the
 * margin, the value of what they make less the inputs it takes, so dear
 * ore slows separators and dear oxides slow magnet makers. */
static double price_ratio(const cp_world *w, int n, cp_facility_kind kind)
{
    const cp_nation *nat = &w->nations[n];
    const cp_good_params *gp = w->sc->goods;
    if (kind == CP_FAC_MINE)
        return producer_price(w, n, CP_ORE) / gp[CP_ORE].reference_price_usd_per_kg;
    double now, ref;
    if (kind == CP_FAC_SEPARATION) {
        double ls = nat->ore_light_share, hs = nat->ore_heavy_share;
        if (nat->stock_t[CP_ORE] > 1e-9) {
            ls = nat->ore_stock_light_t / nat->stock_t[CP_ORE];
            hs = nat->ore_stock_heavy_t / nat->stock_t[CP_ORE];
        }
        now = ls * producer_price(w, n, CP_LIGHT_OXIDE) + hs * producer_price(w, n, CP_HEAVY_OXIDE) -
              nat->price_paid_usd_per_kg[CP_ORE];
        ref = ls * gp[CP_LIGHT_OXIDE].reference_price_usd_per_kg +
              hs * gp[CP_HEAVY_OXIDE].reference_price_usd_per_kg -
              gp[CP_ORE].reference_price_usd_per_kg;
    } else {
        double ml = w->sc->magnet_light_t_per_t, mh = w->sc->magnet_heavy_t_per_t;
        now = producer_price(w, n, CP_MAGNET) - ml * nat->price_paid_usd_per_kg[CP_LIGHT_OXIDE] -
              mh * nat->price_paid_usd_per_kg[CP_HEAVY_OXIDE];
        ref = gp[CP_MAGNET].reference_price_usd_per_kg -
              ml * gp[CP_LIGHT_OXIDE].reference_price_usd_per_kg -
              mh * gp[CP_HEAVY_OXIDE].reference_price_usd_per_kg;
    }
    if (ref <= 0)
        return 1.0;
    return now > 0 ? now / ref : 0.0;
}

/* Share of capacity a nation's plants of 'kind' would like to run at. Capacity
 * is what a plant makes at reference prices (the scenarios state recent
 * output); below that price output falls with the supply elasticity, above
 * it capacity binds. A subsidy lowers the price they need. */
static double target_price_ratio(const cp_world *w, int n, cp_facility_kind kind)
{
    double relief = 1.0 - 0.5 * w->nations[n].policy.subsidy[kind];
    return price_ratio(w, n, kind) / relief;
}

static double target_utilisation(const cp_world *w, cp_facility_kind kind, double ratio)
{
    const cp_good_params *gp = &w->sc->goods[product_of[kind]];
    double u = ratio > 0 ? fm_pow(ratio, gp->supply_elasticity) : 0.0;
    return u < 0.1 ? 0.1 : (u > 1.0 ? 1.0 : u);
}

static void pay_subsidy(cp_world *w, int n, cp_facility_kind kind, double out_t)
{
    cp_nation *nat = &w->nations[n];
    double rate = nat->policy.subsidy[kind];
    if (rate <= 0 || out_t <= 0)
        return;
    double musd = rate * opex_usd_per_kg[kind] * out_t * 1000.0 / 1e6;
    nat->treasury_musd -= musd;
    nat->subsidy_paid_musd += musd;
}

/* Share of capacity a nation's plants of 'kind' run at this quarter: plants
 * move a third of the way toward what prices ask each quarter (crews,
 * contracts and feed take time), which also keeps supply from swinging
 * with every price tick. */
double prod_utilisation(const cp_world *w, int n, cp_facility_kind kind)
{
    return w->util[n][kind];
}

/* Sum every nation's available capacity of each kind once a quarter, and
 * move its plants' pace toward what prices ask. */
void prod_capacities(cp_world *w)
{
    /* the ratios first, then the powers in a loop of their own, where the
     * CPU can work on several at once */
    double ratio[CP_MAX_NATIONS][CP_FAC_KIND_COUNT];
    for (int n = 0; n < w->nation_count; n++)
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            ratio[n][k] = target_price_ratio(w, n, (cp_facility_kind)k);
    for (int n = 0; n < w->nation_count; n++)
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            double target = target_utilisation(w, (cp_facility_kind)k, ratio[n][k]);
            w->util[n][k] += (target - w->util[n][k]) / 3.0;
        }
    for (int n = 0; n < w->nation_count; n++)
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            w->cap_t[n][k] = w->used_t[n][k] = 0;
    for (int k = 0; k < w->facility_count; k++) {
        const cp_facility *f = &w->facilities[k];
        w->cap_t[f->host][f->kind] += fac_available_t_per_qtr(f);
    }
}

static double capacity_t(const cp_world *w, int n, cp_facility_kind kind)
{
    return w->cap_t[n][kind];
}

static void record_output(cp_world *w, int n, cp_facility_kind kind, double cap, double out)
{
    (void)cap;
    w->used_t[n][kind] = out;
}

/* Share out each nation's output among its plants, by available capacity. */
void prod_facility_output(cp_world *w)
{
    for (int k = 0; k < w->facility_count; k++) {
        cp_facility *f = &w->facilities[k];
        double cap = w->cap_t[f->host][f->kind];
        double a = fac_available_t_per_qtr(f);
        f->output_t = cap > 0 ? w->used_t[f->host][f->kind] * a / cap : 0;
        f->utilisation = f->capacity_t_per_yr > 0 ? f->output_t / (f->capacity_t_per_yr / 4.0) : 0;
    }
}

void prod_mines(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        double cap = capacity_t(w, n, CP_FAC_MINE) * (1.0 - w->mine_cut[n]);
        double out = cap * prod_utilisation(w, n, CP_FAC_MINE);
        if (out > nat->reserves_t)
            out = nat->reserves_t;
        nat->reserves_t -= out;
        nat->unsold_t[CP_ORE] += out;
        nat->mined_t = out;
        w->market[CP_ORE].production_t += out;
        w->ledger.mined_t += out;
        record_output(w, n, CP_FAC_MINE, cap, out);
        pay_subsidy(w, n, CP_FAC_MINE, out);
    }
}

void prod_separation(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        double cap = capacity_t(w, n, CP_FAC_SEPARATION);
        double want = cap * prod_utilisation(w, n, CP_FAC_SEPARATION);
        double have = nat->stock_t[CP_ORE];
        double in = want < have ? want : have;
        if (in <= 0) {
            record_output(w, n, CP_FAC_SEPARATION, cap, 0);
            continue;
        }
        double frac = in / have;
        double light_in = nat->ore_stock_light_t * frac;
        double heavy_in = nat->ore_stock_heavy_t * frac;
        double yield = 0.80 + 0.15 * nat->tech[CP_FAC_SEPARATION];
        double light = light_in * yield, heavy = heavy_in * yield;
        nat->stock_t[CP_ORE] -= in;
        nat->ore_stock_light_t -= light_in;
        nat->ore_stock_heavy_t -= heavy_in;
        if (nat->stock_t[CP_ORE] < 1e-9) {
            nat->stock_t[CP_ORE] = nat->ore_stock_light_t = nat->ore_stock_heavy_t = 0;
        }
        nat->unsold_t[CP_LIGHT_OXIDE] += light;
        nat->unsold_t[CP_HEAVY_OXIDE] += heavy;
        nat->separated_t = in;
        nat->byproduct_t = in - light - heavy;
        w->ledger.lost_t += in - light - heavy;
        w->market[CP_LIGHT_OXIDE].production_t += light;
        w->market[CP_HEAVY_OXIDE].production_t += heavy;
        record_output(w, n, CP_FAC_SEPARATION, cap, in);
        pay_subsidy(w, n, CP_FAC_SEPARATION, in);
    }
}

/* Dy/Tb per tonne of magnet for nation 'n': magnet makers thrift heavy rare
 * earths when they are dear (grain-boundary diffusion, redesigned motors),
 * down to 40% of the standard recipe; Japan's makers roughly halved their Dy
 * use after the 2011 price spike [E]. */
double prod_heavy_per_magnet_t(const cp_world *w, int n)
{
    double ratio = w->nations[n].price_paid_usd_per_kg[CP_HEAVY_OXIDE] /
                   w->sc->goods[CP_HEAVY_OXIDE].reference_price_usd_per_kg;
    double f = ratio > 1.0 ? fm_pow(ratio, -0.4) : 1.0;
    return w->sc->magnet_heavy_t_per_t * (f < 0.4 ? 0.4 : f);
}

void prod_magnets(cp_world *w)
{
    double ml = w->sc->magnet_light_t_per_t;
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        double mh = prod_heavy_per_magnet_t(w, n);
        double cap = capacity_t(w, n, CP_FAC_MAGNET);
        double out = cap * prod_utilisation(w, n, CP_FAC_MAGNET);
        double yield = 0.90 + 0.08 * nat->tech[CP_FAC_MAGNET];
        double light_free = nat->stock_t[CP_LIGHT_OXIDE];
        double heavy_free = nat->stock_t[CP_HEAVY_OXIDE];
        if (ml > 0 && out > light_free * yield / ml)
            out = light_free * yield / ml;
        if (mh > 0 && out > heavy_free * yield / mh)
            out = heavy_free * yield / mh;
        if (out < 0)
            out = 0;
        double light_in = out * ml / yield, heavy_in = out * mh / yield;
        nat->stock_t[CP_LIGHT_OXIDE] -= light_in;
        nat->stock_t[CP_HEAVY_OXIDE] -= heavy_in;
        if (nat->stock_t[CP_LIGHT_OXIDE] < 0)
            nat->stock_t[CP_LIGHT_OXIDE] = 0;
        if (nat->stock_t[CP_HEAVY_OXIDE] < 0)
            nat->stock_t[CP_HEAVY_OXIDE] = 0;
        nat->unsold_t[CP_MAGNET] += out;
        nat->magnets_t = out;
        w->ledger.lost_t += light_in + heavy_in - out * (ml + w->sc->magnet_heavy_t_per_t);
        w->market[CP_MAGNET].production_t += out;
        record_output(w, n, CP_FAC_MAGNET, cap, out);
        pay_subsidy(w, n, CP_FAC_MAGNET, out);
    }
}
