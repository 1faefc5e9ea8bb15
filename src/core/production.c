/* production.c -- what mines, separation plants, heavy lines and magnet
 * plants make each quarter, how their output answers prices, and the
 * material balance of each step.
 *
 * Each kind of plant sells into one market and makes its output in that
 * market's quarter, so its output answers the price being settled there:
 * mines in the ore market, separation plants in the NdPr market (drawing on
 * the ore they hold), heavy lines in the Dy/Tb market (drawing on the heavy
 * concentrate separation left them), magnet plants in the magnet market
 * (drawing on the oxides they hold). What they buy as inputs, earlier in the
 * quarter, follows the plan they made from last quarter's prices.
 *
 * A plant's use of capacity u answers its margin m, the margin at the price
 * over the margin at reference prices:
 *
 *     u = sm(u0 m^eps),  sm(a) = a / (1 + a^8)^(1/8)
 *
 * a smooth minimum of u0 m^eps and full use. u0 is the normal use of
 * capacity at reference margins, worked out when the world is created so
 * that the opening world is in balance (prod_calibrate, then world.c's
 * warm-up); eps is the good's supply elasticity (0.5 for mines, 1 for
 * plants: scenario.c). Margins: a mine's is its ore price over the
 * reference price of ore like its own; a separation plant's, the value of
 * the NdPr and Dy/Tb in a tonne of its ore (the Dy/Tb at the price of about
 * the last year: contract_heavy_price) less what the ore cost; a heavy
 * line's, the Dy/Tb price; a magnet plant's, the magnet price less the
 * oxides it takes. A subsidy lowers the margin a plant needs (half the
 * subsidised share of operating cost), a technology ban raises it
 * (BAN_RUNNING_COST); a price floor is the price it plans on. Below half
 * the reference price sellers store rather than sell (STORE_SHARE).
 *
 * Separation turns ore into NdPr oxide and a heavy concentrate holding the
 * ore's Dy/Tb, at a yield of 80-95% set by technology; the rest of the REO
 * (La, Ce, Y...) leaves the model as a by-product. Heavy lines turn the
 * concentrate into Dy/Tb oxide (yield 85-95%). A magnet needs 0.22 t of new
 * NdPr oxide and 0.011 t of Dy/Tb oxide (baseline recipe), less Dy/Tb where
 * makers have thrifted it (replaced by NdPr in the alloy).
 */
#include <math.h>
#include <string.h>

#include "fastmath.h"
#include "world_internal.h"

/* Operating cost per kg of output, USD [E]: ore concentrate ~$4 (below the
 * $5.8 it sells for), separation ~$8 per kg of ore REO, magnets ~$20, heavy
 * lines ~$100 per kg of Dy/Tb oxide (a quarter of its price). */
static const double opex_usd_per_kg[CP_FAC_KIND_COUNT] = {4.0, 8.0, 20.0, 100.0};

/* The share of the way plants move within a quarter to the use of
 * capacity their margin asks for: all of it. A quarter is long enough to
 * add or cut shifts, and since output answers the price being settled in
 * the same market, there is no lag for a cobweb to feed on. */
static const double PACE = 1.0;

/* Competitive storage: when the price falls below this share of the
 * reference (of the seller's own ore, for mines), sellers keep more and
 * more of their output and stock in store, sure of a better price later
 * (the storage models of Williams and Wright, Deaton and Laroque). Half the
 * reference: NdPr's lows since 2012, ~$35/kg in 2015-16, stood at about
 * 0.6 of 2025's ~$55 (shared/data/rare-earths.md, prices) [E]. A joint
 * product's glut (NdPr separated for the Dy/Tb in its ore) goes into stock
 * instead of to nothing. */
static const double STORE_SHARE = 0.5;

/* A tonne of standard light ore (bastnaesite, monazite): 21% NdPr, 0.4%
 * Dy/Tb of its REO [E], as the scenarios' LIGHT_ORE. */
static const double STD_LIGHT = 0.21, STD_HEAVY = 0.004;

/* m^eps, multiplied out for the usual whole-number elasticities. */
static inline double power(double m, double eps)
{
    if (eps == 1.0)
        return m;
    if (eps == 2.0)
        return m * m;
    if (eps == 3.0)
        return m * m * m;
    return fm_pow(m, eps);
}

/* The smooth minimum of a and 1, a / (1 + a^8)^(1/8), and its elasticity
 * d log f / d log a = 1 / (1 + a^8): how plants approach full use of their
 * capacity (and their inputs' limit). A hard corner at full use would
 * leave the market's Newton steps jumping across it; real plants find the
 * last few percent of output dearer and dearer to get. The eighth root is
 * three square roots, exact in IEEE arithmetic on every machine. */
static inline double smooth_full(double a, double *elasticity)
{
    if (!(a > 0)) {
        *elasticity = 1.0;
        return 0;
    }
    double a2 = a * a, a4 = a2 * a2, a8 = a4 * a4;
    double root = sqrt(sqrt(sqrt(1.0 + a8)));
    *elasticity = 1.0 / (1.0 + a8);
    return a / root;
}

double prod_normal_use(const cp_world *w, cp_facility_kind k)
{
    double el;
    return smooth_full(w->u0[k], &el);
}

static double ref_price(const cp_world *w, cp_good g)
{
    return w->sc->goods[g].reference_price_usd_per_kg;
}

double prod_magnet_yield(const cp_world *w, int n)
{
    return 0.90 + 0.08 * w->nations[n].tech[CP_FAC_MAGNET];
}

static double sep_yield(const cp_world *w, int n)
{
    return 0.80 + 0.15 * w->nations[n].tech[CP_FAC_SEPARATION];
}

static double heavy_yield(const cp_world *w, int n)
{
    return 0.85 + 0.10 * w->nations[n].tech[CP_FAC_HEAVY_SEPARATION];
}

/* Dy/Tb per tonne of magnet for nation 'n': the recipe, times what its
 * makers have thrifted (consumption.c moves heavy_intensity). */
double prod_heavy_per_magnet_t(const cp_world *w, int n)
{
    return w->sc->magnet_heavy_t_per_t * w->nations[n].heavy_intensity;
}

/* NdPr per tonne of magnet: the recipe plus the Dy/Tb thrifted away. */
static double light_per_magnet_t(const cp_world *w, int n)
{
    return w->sc->magnet_light_t_per_t + w->sc->magnet_heavy_t_per_t - prod_heavy_per_magnet_t(w, n);
}

static void ore_blend(const cp_nation *nat, double *ls, double *hs);

/* How much of the Dy/Tb in the ore nation 'n''s separators take its heavy
 * lines can separate (0..1): the heavy lines' capacity over the
 * concentrate its separation would make from the ore it holds (its own
 * blend when it holds none). The Dy/Tb in ore is worth its price to a
 * separator only as far as its heavy lines can take it: Lynas's 60 t
 * heavy circuit does not make Kachin clays worth their Dy/Tb in Malaysia. */
static double heavy_capable(const cp_world *w, int n)
{
    double heavy = w->cap_t[n][CP_FAC_HEAVY_SEPARATION];
    if (!(heavy > 0))
        return 0;
    double ls, hs;
    ore_blend(&w->nations[n], &ls, &hs);
    double conc = w->cap_t[n][CP_FAC_SEPARATION] * hs * sep_yield(w, n);
    return heavy >= conc ? 1.0 : heavy / conc;
}

/* The values of seller 'seller''s ore to every nation, at once: one pass
 * over the buyers instead of one call each (the ore market's setup asks
 * for all of them). */
void prod_ore_values(const cp_world *w, int seller, double out[])
{
    const cp_nation *s = &w->nations[seller];
    double pl = w->market[CP_LIGHT_OXIDE].world_price_usd_per_kg;
    double ph = w->market[CP_HEAVY_OXIDE].world_price_usd_per_kg;
    double num_l = s->ore_light_share * pl, num_h = s->ore_heavy_share * ph;
    double std_l = STD_LIGHT * pl, std_h = STD_HEAVY * ph;
    for (int j = 0; j < w->nation_count; j++) {
        double h = w->heavy_capable_now[j];
        double std = std_l + std_h * h;
        out[j] = std > 0 ? (num_l + num_h * h) / std : 1.0;
    }
}

/* Work out each nation's heavy capability for the quarter's ore market. */
void prod_heavy_capabilities(cp_world *w)
{
    for (int j = 0; j < w->nation_count; j++)
        w->heavy_capable_now[j] = heavy_capable(w, j);
}

double prod_ore_quality(const cp_world *w, int seller, int buyer)
{
    const cp_nation *s = &w->nations[seller];
    double pl = w->market[CP_LIGHT_OXIDE].world_price_usd_per_kg;
    double ph = w->market[CP_HEAVY_OXIDE].world_price_usd_per_kg * (buyer < 0 ? 1.0 : heavy_capable(w, buyer));
    double std = STD_LIGHT * pl + STD_HEAVY * ph;
    return std > 0 ? (s->ore_light_share * pl + s->ore_heavy_share * ph) / std : 1.0;
}

/* The reference price of a nation's own ore: the reference price of
 * standard ore times what its NdPr and Dy/Tb are worth against it, at
 * reference oxide prices (Kachin clays hold fifteen times the Dy/Tb of
 * Mountain Pass concentrate and fetch about 2.5 times its price). */
static double own_ore_anchor(const cp_world *w, int n)
{
    const cp_nation *s = &w->nations[n];
    double pl = ref_price(w, CP_LIGHT_OXIDE), ph = ref_price(w, CP_HEAVY_OXIDE);
    double q = (s->ore_light_share * pl + s->ore_heavy_share * ph) / (STD_LIGHT * pl + STD_HEAVY * ph);
    return ref_price(w, CP_ORE) * (q > 0.05 ? q : 0.05);
}

/* Plants a processing-technology ban reaches (facility.c,
 * fac_tech_banned) run dearer [E]: without the leader's equipment,
 * reagent recipes and engineers, a margin needs to be this much higher to
 * run them as hard (Mountain Pass took about six years from its restart to
 * separated NdPr; Benchmark: "greater difficulty getting heavy rare earth
 * separation online outside China", Dec 2023). */
static const double BAN_RUNNING_COST = 1.25;

/* A subsidy lowers the margin a plant needs by half the share of its
 * operating cost the state pays; a technology ban raises it. */
static double relief(const cp_world *w, int n, cp_facility_kind k)
{
    double r = 1.0 - 0.5 * w->nations[n].policy.subsidy[k];
    return w->tech_banned_now[n][k] ? r * BAN_RUNNING_COST : r;
}

/* The NdPr and Dy/Tb shares of the ore a nation's separators hold (its
 * own ore's when it holds none). */
static void ore_blend(const cp_nation *nat, double *ls, double *hs)
{
    *ls = nat->ore_light_share;
    *hs = nat->ore_heavy_share;
    if (nat->stock_t[CP_ORE] > 1e-9) {
        *ls = nat->ore_stock_light_t / nat->stock_t[CP_ORE];
        *hs = nat->ore_stock_heavy_t / nat->stock_t[CP_ORE];
    }
}

/* The Dy/Tb price separators run their plants on: the average of about the
 * last year (the signal firms invest on, facility.c), not the spot price.
 * Concentrate and oxide are sold on yearly contracts, and a separator does
 * not run its whole ore stream harder for a Dy/Tb spike of a quarter or
 * two: most of what it makes is NdPr, which a spike would only flood. */
static double contract_heavy_price(const cp_world *w, int n)
{
    return w->invest_signal[n][CP_FAC_HEAVY_SEPARATION] * ref_price(w, CP_HEAVY_OXIDE);
}

/* A separation plant's margin per tonne of ore at NdPr price 'pl', Dy/Tb
 * price 'ph' and ore price 'pore' (standard-ore terms), as the linear
 * m = a pl - b over the margin at reference prices. */
static void sep_margin(const cp_world *w, int n, double ph, double pore, double *a, double *b)
{
    const cp_nation *nat = &w->nations[n];
    double ls, hs;
    ore_blend(nat, &ls, &hs);
    double h = heavy_capable(w, n), y = sep_yield(w, n);
    double pl0 = ref_price(w, CP_LIGHT_OXIDE), ph0 = ref_price(w, CP_HEAVY_OXIDE);
    /* the blend's ore costs its value over standard ore's, at last
     * quarter's prices (at reference prices for the reference margin) */
    double plw = w->market[CP_LIGHT_OXIDE].world_price_usd_per_kg;
    double phw = w->market[CP_HEAVY_OXIDE].world_price_usd_per_kg;
    double q_now = (ls * plw + hs * h * phw) / (STD_LIGHT * plw + STD_HEAVY * h * phw);
    double q_ref = (ls * pl0 + hs * h * ph0) / (STD_LIGHT * pl0 + STD_HEAVY * h * ph0);
    double ref = y * (ls * pl0 + hs * h * ph0) - ref_price(w, CP_ORE) * q_ref;
    if (!(ref > 1e-9)) { /* an ore worth nothing at reference: price alone */
        *a = 1.0 / pl0;
        *b = 0;
        return;
    }
    *a = y * ls / ref;
    *b = (pore * q_now - y * hs * h * ph) / ref;
}

/* A magnet plant's margin at magnet price p, as m = a p - b. */
static void magnet_margin(const cp_world *w, int n, double pl, double ph, double *a, double *b)
{
    double y = prod_magnet_yield(w, n);
    double ml = light_per_magnet_t(w, n) / y, mh = prod_heavy_per_magnet_t(w, n) / y;
    double ml0 = w->sc->magnet_light_t_per_t / y, mh0 = w->sc->magnet_heavy_t_per_t / y;
    double ref = ref_price(w, CP_MAGNET) - ml0 * ref_price(w, CP_LIGHT_OXIDE) -
                 mh0 * ref_price(w, CP_HEAVY_OXIDE);
    if (!(ref > 1e-9))
        ref = ref_price(w, CP_MAGNET);
    *a = 1.0 / ref;
    *b = (ml * pl + mh * ph) / ref;
}

/* The use of capacity a margin ratio asks for. */
static double wanted_use(const cp_world *w, cp_facility_kind k, double m)
{
    static const cp_good product_of[CP_FAC_KIND_COUNT] = {CP_ORE, CP_LIGHT_OXIDE, CP_MAGNET,
                                                          CP_HEAVY_OXIDE};
    if (!(m > 0))
        return 0;
    double eps = w->sc->goods[product_of[k]].supply_elasticity, el;
    return smooth_full(w->u0[k] * power(m, eps), &el);
}

static double planned_use(const cp_world *w, int n, cp_facility_kind k, double m)
{
    double prev = w->util[n][k];
    double u = prev + PACE * (wanted_use(w, k, m) - prev);
    return u < 0 ? 0 : (u > 1 ? 1 : u);
}

/* Sum every nation's available capacity of each kind once a quarter, and
 * plan the quarter's throughput from last quarter's prices: what
 * separators buy ore for, and magnet makers oxides for. */
void prod_capacities(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++)
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            w->cap_t[n][k] = w->used_t[n][k] = w->plan_t[n][k] = 0;
            w->tech_banned_now[n][k] = (unsigned char)fac_tech_banned(w, n, (cp_facility_kind)k);
        }
    for (int k = 0; k < w->facility_count; k++) {
        const cp_facility *f = &w->facilities[k];
        w->cap_t[f->host][f->kind] += fac_available_t_per_qtr(f);
    }
    for (int n = 0; n < w->nation_count; n++) {
        const cp_nation *nat = &w->nations[n];
        if (w->cap_t[n][CP_FAC_SEPARATION] > 0) {
            double a, b;
            sep_margin(w, n, contract_heavy_price(w, n), nat->price_paid_usd_per_kg[CP_ORE],
                       &a, &b);
            double p = fmax(w->mstate[CP_LIGHT_OXIDE].price[n],
                            nat->policy.price_floor_usd_per_kg[CP_LIGHT_OXIDE]);
            double m = (a * p - b) / relief(w, n, CP_FAC_SEPARATION);
            w->plan_t[n][CP_FAC_SEPARATION] =
                w->cap_t[n][CP_FAC_SEPARATION] * planned_use(w, n, CP_FAC_SEPARATION, m);
        }
        if (w->cap_t[n][CP_FAC_MAGNET] > 0) {
            double a, b;
            magnet_margin(w, n, nat->price_paid_usd_per_kg[CP_LIGHT_OXIDE],
                          nat->price_paid_usd_per_kg[CP_HEAVY_OXIDE], &a, &b);
            double p = fmax(w->mstate[CP_MAGNET].price[n],
                            nat->policy.price_floor_usd_per_kg[CP_MAGNET]);
            double m = (a * p - b) / relief(w, n, CP_FAC_MAGNET);
            w->plan_t[n][CP_FAC_MAGNET] =
                w->cap_t[n][CP_FAC_MAGNET] * planned_use(w, n, CP_FAC_MAGNET, m);
        }
    }
}

double prod_utilisation(const cp_world *w, int n, cp_facility_kind kind)
{
    return w->util[n][kind];
}

int prod_supply(const cp_world *w, cp_good g, int n, mkt_supply *c)
{
    const cp_nation *nat = &w->nations[n];
    memset(c, 0, sizeof *c);
    c->carry_t = nat->unsold_t[g];
    c->carry_price = w->mstate[g].price[n];
    c->floor = nat->policy.price_floor_usd_per_kg[g];
    c->store_price = STORE_SHARE * (g == CP_ORE ? own_ore_anchor(w, n) : ref_price(w, g));
    if (c->carry_price < c->store_price)
        c->carry_price = c->store_price;
    cp_facility_kind k;
    switch (g) {
    case CP_ORE:
        k = CP_FAC_MINE;
        c->cap = w->cap_t[n][k] * (1.0 - w->mine_cut[n]);
        c->qmax = nat->reserves_t;
        c->k = 1.0;
        c->a = 1.0 / own_ore_anchor(w, n);
        c->b = 0;
        break;
    case CP_LIGHT_OXIDE: {
        k = CP_FAC_SEPARATION;
        double ls, hs;
        ore_blend(nat, &ls, &hs);
        c->cap = w->cap_t[n][k];
        c->qmax = nat->stock_t[CP_ORE];
        c->k = sep_yield(w, n) * ls;
        sep_margin(w, n, contract_heavy_price(w, n), nat->price_paid_usd_per_kg[CP_ORE], &c->a,
                   &c->b);
        break;
    }
    case CP_HEAVY_OXIDE:
        k = CP_FAC_HEAVY_SEPARATION;
        c->cap = w->cap_t[n][k];
        c->qmax = nat->heavy_conc_t * heavy_yield(w, n);
        c->k = 1.0;
        c->a = 1.0 / ref_price(w, CP_HEAVY_OXIDE);
        c->b = 0;
        break;
    case CP_MAGNET: {
        k = CP_FAC_MAGNET;
        double y = prod_magnet_yield(w, n);
        double ml = light_per_magnet_t(w, n), mh = prod_heavy_per_magnet_t(w, n);
        c->cap = w->cap_t[n][k];
        c->qmax = ml > 0 ? nat->stock_t[CP_LIGHT_OXIDE] * y / ml : 1e12;
        if (mh > 0 && nat->stock_t[CP_HEAVY_OXIDE] * y / mh < c->qmax)
            c->qmax = nat->stock_t[CP_HEAVY_OXIDE] * y / mh;
        c->k = 1.0;
        magnet_margin(w, n, nat->price_paid_usd_per_kg[CP_LIGHT_OXIDE],
                      nat->price_paid_usd_per_kg[CP_HEAVY_OXIDE], &c->a, &c->b);
        break;
    }
    default:
        return 0;
    }
    double r = relief(w, n, k);
    c->a /= r;
    c->b /= r;
    c->u_prev = w->util[n][k];
    c->u0 = w->u0[k];
    static const cp_good product_of[CP_FAC_KIND_COUNT] = {CP_ORE, CP_LIGHT_OXIDE, CP_MAGNET,
                                                          CP_HEAVY_OXIDE};
    c->eps = w->sc->goods[product_of[k]].supply_elasticity;
    if (c->qmax < 0)
        c->qmax = 0;
    return c->carry_t > 1e-9 || (c->cap > 1e-9 && c->qmax > 1e-9);
}

/* The input curves (see mkt_input): a separation plant's ore, valued per
 * tonne of standard ore (the buyer's price index is in standard-ore terms:
 * market.c divides each origin's price by what its ore is worth), and a
 * magnet plant's oxides. Output is valued at last quarter's prices. */
int prod_input(const cp_world *w, cp_good g, int n, mkt_input *c)
{
    const cp_nation *nat = &w->nations[n];
    memset(c, 0, sizeof *c);
    cp_facility_kind k;
    double ref;
    if (g == CP_ORE) {
        k = CP_FAC_SEPARATION;
        if (!(w->cap_t[n][k] > 0))
            return 0;
        double h = heavy_capable(w, n), y = sep_yield(w, n);
        double pl = fmax(w->mstate[CP_LIGHT_OXIDE].price[n], nat->policy.price_floor_usd_per_kg[CP_LIGHT_OXIDE]);
        double ph = contract_heavy_price(w, n);
        double pl0 = ref_price(w, CP_LIGHT_OXIDE), ph0 = ref_price(w, CP_HEAVY_OXIDE);
        ref = y * (STD_LIGHT * pl0 + STD_HEAVY * h * ph0) - ref_price(w, CP_ORE);
        if (!(ref > 1e-9))
            return 0;
        c->k = 1.0;
        c->c1 = y * (STD_LIGHT * pl + STD_HEAVY * h * ph) / ref;
        c->c2 = 1.0 / ref;
    } else if (g == CP_LIGHT_OXIDE || g == CP_HEAVY_OXIDE) {
        k = CP_FAC_MAGNET;
        if (!(w->cap_t[n][k] > 0))
            return 0;
        double y = prod_magnet_yield(w, n);
        double ml = light_per_magnet_t(w, n) / y, mh = prod_heavy_per_magnet_t(w, n) / y;
        double ml0 = w->sc->magnet_light_t_per_t / y, mh0 = w->sc->magnet_heavy_t_per_t / y;
        ref = ref_price(w, CP_MAGNET) - ml0 * ref_price(w, CP_LIGHT_OXIDE) -
              mh0 * ref_price(w, CP_HEAVY_OXIDE);
        if (!(ref > 1e-9))
            ref = ref_price(w, CP_MAGNET);
        double pm = fmax(w->mstate[CP_MAGNET].price[n], nat->policy.price_floor_usd_per_kg[CP_MAGNET]);
        /* the other oxide at the price the nation pays for it: this
         * quarter's for NdPr (settled before Dy/Tb), last quarter's for
         * Dy/Tb */
        double other = g == CP_LIGHT_OXIDE ? mh * nat->price_paid_usd_per_kg[CP_HEAVY_OXIDE]
                                           : ml * nat->price_paid_usd_per_kg[CP_LIGHT_OXIDE];
        double mine = g == CP_LIGHT_OXIDE ? ml : mh;
        if (!(mine > 0))
            return 0;
        c->k = mine;
        c->c1 = (pm - other) / ref;
        c->c2 = mine / ref;
    } else {
        return 0;
    }
    double r = relief(w, n, k);
    c->c1 /= r;
    c->c2 /= r;
    c->cap = w->cap_t[n][k];
    c->u_prev = w->util[n][k];
    c->u0 = w->u0[k];
    static const cp_good product_of[CP_FAC_KIND_COUNT] = {CP_ORE, CP_LIGHT_OXIDE, CP_MAGNET,
                                                          CP_HEAVY_OXIDE};
    c->eps = w->sc->goods[product_of[k]].supply_elasticity;
    return 1;
}

double prod_input_need(const mkt_input *c, double P, double *slope)
{
    double m = c->c1 - c->c2 * P;
    if (!(m > 0)) {
        *slope = 0;
        return 0;
    }
    double raw = c->u0 * power(m, c->eps), el;
    double u = smooth_full(raw, &el);
    /* d u / d log P = u el eps (d log m / d log P), and m falls with P */
    *slope = c->k * c->cap * u * el * c->eps * c->c2 * P / m;
    return c->k * c->cap * u;
}

/* The use of capacity the curve gives at price p, and its slope in log p. */
static double curve_use(const mkt_supply *c, double p, double *du)
{
    double pp = p > c->floor ? p : c->floor;
    double m = c->a * pp - c->b;
    if (!(m > 0)) {
        *du = 0;
        return 0;
    }
    double raw = c->u0 * power(m, c->eps), el;
    double u = smooth_full(raw, &el);
    *du = p > c->floor ? u * el * c->eps * c->a * pp / m : 0;
    return u;
}

/* The throughput the curve gives at price p (its use of capacity, short
 * of what the inputs allow, smoothly), and its slope in log p. */
static double curve_throughput(const mkt_supply *c, double p, double *slope)
{
    double du;
    double u = curve_use(c, p, &du);
    double want = c->cap * u, el;
    double thru = c->qmax * smooth_full(want / c->qmax, &el);
    *slope = thru * el * (u > 0 ? du / u : 0);
    return thru;
}

double prod_offer(const mkt_supply *c, double p, double *slope)
{
    double S = 0, d = 0;
    if (c->carry_t > 0) {
        double x = c->carry_price > 0 ? p / c->carry_price : 1.0;
        if (x < 1.0) {
            double rel = x * x * x;
            S = c->carry_t * rel;
            d = 3.0 * S;
        } else {
            S = c->carry_t;
        }
    }
    if (c->cap > 0 && c->qmax > 0) {
        double dt;
        double thru = c->k * curve_throughput(c, p, &dt);
        dt *= c->k;
        if (p < c->store_price) {
            double x = p / c->store_price, sold = x * x * x;
            dt = dt * sold + 3.0 * thru * sold;
            thru *= sold;
        }
        S += thru;
        d += dt;
    }
    *slope = d;
    return S;
}

static void pay_subsidy(cp_world *w, int n, cp_facility_kind kind, double out_t)
{
    cp_nation *nat = &w->nations[n];
    double rate = nat->policy.subsidy[kind];
    if (rate <= 0 || out_t <= 0)
        return;
    double musd = rate * opex_usd_per_kg[kind] * out_t * 1000.0 / 1e6;
    nat->treasury_musd -= musd;
    w->money_q[n][CP_MONEY_SUBSIDY] -= musd;
    nat->subsidy_paid_musd += musd;
}

void prod_commit(cp_world *w, cp_good g, int n, const mkt_supply *c, double p)
{
    static const cp_facility_kind kind_of[CP_GOOD_COUNT] = {CP_FAC_MINE, CP_FAC_SEPARATION,
                                                            CP_FAC_HEAVY_SEPARATION, CP_FAC_MAGNET};
    cp_facility_kind k = kind_of[g];
    cp_nation *nat = &w->nations[n];
    if (!(c->cap > 0)) {
        w->used_t[n][k] = 0;
        return;
    }
    double du, dt;
    w->util[n][k] = curve_use(c, p, &du);
    double thru = c->qmax > 0 ? curve_throughput(c, p, &dt) : 0;
    w->used_t[n][k] = thru;
    switch (g) {
    case CP_ORE: {
        double out = thru < nat->reserves_t ? thru : nat->reserves_t;
        nat->reserves_t -= out;
        nat->unsold_t[CP_ORE] += out;
        nat->mined_t = out;
        w->market[CP_ORE].production_t += out;
        w->ledger.mined_t += out;
        pay_subsidy(w, n, k, out);
        break;
    }
    case CP_LIGHT_OXIDE: {
        double have = nat->stock_t[CP_ORE];
        if (thru <= 0 || have <= 0)
            break;
        double frac = thru / have;
        if (frac > 1)
            frac = 1;
        double in = have * frac;
        double light_in = nat->ore_stock_light_t * frac, heavy_in = nat->ore_stock_heavy_t * frac;
        double y = sep_yield(w, n);
        double light = light_in * y, conc = heavy_in * y;
        nat->stock_t[CP_ORE] -= in;
        nat->ore_stock_light_t -= light_in;
        nat->ore_stock_heavy_t -= heavy_in;
        if (nat->stock_t[CP_ORE] < 1e-9)
            nat->stock_t[CP_ORE] = nat->ore_stock_light_t = nat->ore_stock_heavy_t = 0;
        nat->unsold_t[CP_LIGHT_OXIDE] += light;
        nat->heavy_conc_t += conc;
        nat->separated_t = in;
        nat->byproduct_t = in - light - conc;
        w->ledger.lost_t += in - light - conc;
        w->market[CP_LIGHT_OXIDE].production_t += light;
        pay_subsidy(w, n, k, in);
        break;
    }
    case CP_HEAVY_OXIDE: {
        double y = heavy_yield(w, n);
        double out = thru;
        if (out > nat->heavy_conc_t * y)
            out = nat->heavy_conc_t * y;
        if (out <= 0)
            break;
        double in = out / y;
        nat->heavy_conc_t -= in;
        if (nat->heavy_conc_t < 1e-12)
            nat->heavy_conc_t = 0;
        nat->unsold_t[CP_HEAVY_OXIDE] += out;
        nat->heavy_separated_t = out;
        w->ledger.lost_t += in - out;
        w->market[CP_HEAVY_OXIDE].production_t += out;
        pay_subsidy(w, n, k, out);
        break;
    }
    case CP_MAGNET: {
        double y = prod_magnet_yield(w, n);
        double ml = light_per_magnet_t(w, n), mh = prod_heavy_per_magnet_t(w, n);
        double out = thru;
        if (ml > 0 && out > nat->stock_t[CP_LIGHT_OXIDE] * y / ml)
            out = nat->stock_t[CP_LIGHT_OXIDE] * y / ml;
        if (mh > 0 && out > nat->stock_t[CP_HEAVY_OXIDE] * y / mh)
            out = nat->stock_t[CP_HEAVY_OXIDE] * y / mh;
        if (out <= 0)
            break;
        double light_in = out * ml / y, heavy_in = out * mh / y;
        nat->stock_t[CP_LIGHT_OXIDE] -= light_in;
        nat->stock_t[CP_HEAVY_OXIDE] -= heavy_in;
        if (nat->stock_t[CP_LIGHT_OXIDE] < 0)
            nat->stock_t[CP_LIGHT_OXIDE] = 0;
        if (nat->stock_t[CP_HEAVY_OXIDE] < 0)
            nat->stock_t[CP_HEAVY_OXIDE] = 0;
        nat->unsold_t[CP_MAGNET] += out;
        nat->magnets_t = out;
        w->ledger.lost_t += light_in + heavy_in - out * world_reo_content(w, CP_MAGNET);
        w->market[CP_MAGNET].production_t += out;
        pay_subsidy(w, n, k, out);
        break;
    }
    default:
        break;
    }
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

/* How far this quarter's prices stand from the reference, per kind of
 * plant (1 = at it): for mines the output-weighted ratio of each miner's
 * ore price to the reference price of ore like its own, for the others the
 * world price of their product over its reference. */
void prod_price_gaps(const cp_world *w, double out[CP_FAC_KIND_COUNT])
{
    double sum = 0, weight = 0;
    for (int n = 0; n < w->nation_count; n++) {
        double q = w->nations[n].mined_t;
        if (q <= 0)
            continue;
        sum += q * w->mstate[CP_ORE].price[n] / own_ore_anchor(w, n);
        weight += q;
    }
    out[CP_FAC_MINE] = weight > 0 ? sum / weight : 1.0;
    static const cp_good product_of[CP_FAC_KIND_COUNT] = {CP_ORE, CP_LIGHT_OXIDE, CP_MAGNET,
                                                          CP_HEAVY_OXIDE};
    for (int k = CP_FAC_SEPARATION; k < CP_FAC_KIND_COUNT; k++) {
        cp_good g = product_of[k];
        double p = w->market[g].world_price_usd_per_kg;
        out[k] = p > 0 ? p / ref_price(w, g) : 1.0;
    }
}

/* The throughput the world's plants of each kind would need, a year, to
 * meet final needs at reference prices: magnets for final users, the NdPr
 * and Dy/Tb in them and for other uses, the ore that NdPr is separated
 * from, at the world's average yields and ore blend; and in
 * 'ore_heavy_t' (when not NULL) the Dy/Tb that ore must hold for the heavy
 * lines' need. With 'ahead' < 0,
 * today's needs as they are (what prod_calibrate balances the opening
 * world on); otherwise the trend need 'ahead' quarters on (consumption.c,
 * cons_trend_need_t: what firms size the world's new capacity to,
 * facility.c). */
void prod_world_need(const cp_world *w, int ahead, double out[CP_FAC_KIND_COUNT],
                     double *ore_heavy_t)
{
    double final[CP_GOOD_COUNT] = {0}, cap[CP_FAC_KIND_COUNT] = {0};
    double mag_y = 0, sep_y = 0, ore_l = 0, heavy_y = 0;
    if (ahead >= 0)
        cons_trend_need_t(w, ahead, final);
    for (int n = 0; n < w->nation_count; n++) {
        for (int g = 0; g < CP_GOOD_COUNT && ahead < 0; g++)
            final[g] += cons_final_need_t(w, n, (cp_good)g);
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            cap[k] += w->cap_t[n][k];
        mag_y += prod_magnet_yield(w, n) * w->cap_t[n][CP_FAC_MAGNET];
        sep_y += sep_yield(w, n) * w->cap_t[n][CP_FAC_SEPARATION];
        ore_l += w->cap_t[n][CP_FAC_MINE] * w->nations[n].ore_light_share;
        heavy_y += heavy_yield(w, n) * w->cap_t[n][CP_FAC_HEAVY_SEPARATION];
    }
    double ym = cap[CP_FAC_MAGNET] > 0 ? mag_y / cap[CP_FAC_MAGNET] : 0.95;
    double ys = cap[CP_FAC_SEPARATION] > 0 ? sep_y / cap[CP_FAC_SEPARATION] : 0.9;
    double ls = cap[CP_FAC_MINE] > 0 ? ore_l / cap[CP_FAC_MINE] : STD_LIGHT;
    double magnets = final[CP_MAGNET];
    double light = final[CP_LIGHT_OXIDE] + magnets * w->sc->magnet_light_t_per_t / ym;
    double ore = ls > 0 && ys > 0 ? light / (ys * ls) : 0;
    out[CP_FAC_MAGNET] = 4.0 * magnets;
    out[CP_FAC_SEPARATION] = 4.0 * ore;
    out[CP_FAC_MINE] = 4.0 * ore;
    out[CP_FAC_HEAVY_SEPARATION] =
        4.0 * (final[CP_HEAVY_OXIDE] + magnets * w->sc->magnet_heavy_t_per_t / ym);
    if (ore_heavy_t) {
        double yh = cap[CP_FAC_HEAVY_SEPARATION] > 0 ? heavy_y / cap[CP_FAC_HEAVY_SEPARATION] : 0.9;
        *ore_heavy_t = ys > 0 ? out[CP_FAC_HEAVY_SEPARATION] / (ys * yh) : 0;
    }
}

/* The opening world in balance. At reference prices every plant runs at
 * its kind's normal use of capacity u0; this works u0 out, kind by kind
 * down the chain from what final users need, so that at reference prices
 * magnets made meet magnets used, NdPr and Dy/Tb made meet what magnet
 * plants and other users take, and ore mined meets what separation takes.
 * It is the calibration a computable equilibrium model makes of its base
 * year: the scenario's figures (USGS output, IEA shares, plant capacities)
 * do not balance exactly, and the gap goes into how hard plants run, not
 * into prices. Each normal use is bounded to 0.3..0.99; a world short of capacity
 * even at full use starts above reference prices. The warm-up at creation
 * (world.c, settle_opening_world) then corrects it against the prices the
 * world actually settles at. */
void prod_calibrate(cp_world *w)
{
    double need[CP_FAC_KIND_COUNT], cap[CP_FAC_KIND_COUNT] = {0};
    prod_world_need(w, -1, need, NULL);
    for (int n = 0; n < w->nation_count; n++)
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            cap[k] += 4.0 * w->cap_t[n][k];
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
        /* the raw u0 whose smooth use is x: a^8 = x^8 / (1 - x^8) */
        double x = cap[k] > 0 ? need[k] / cap[k] : 0.9;
        x = x < 0.3 ? 0.3 : (x > 0.99 ? 0.99 : x);
        double x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
        w->u0[k] = x / sqrt(sqrt(sqrt(1.0 - x8)));
        for (int n = 0; n < w->nation_count; n++)
            w->util[n][k] = x;
    }
}
