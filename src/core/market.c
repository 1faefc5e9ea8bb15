/* market.c -- one good's spatial price equilibrium for one quarter, settled.
 *
 * Sellers are the nations with something to offer: stock made earlier and
 * the output of their plants, which answers this quarter's price (the offer
 * curve, mkt_supply in world_internal.h, set up by production.c). Buyers
 * are the nations whose plants or industries need the good. Each buyer j
 * sees, from each seller i, a landed price
 *
 *     L_ij = ((p_i q_i (1 + x_i) + k_ij) (1 + t_ij)) m_ij / v_ij
 *
 * (producer price, export-quota rent q >= 1, export tax, transport by
 * great-circle distance, tariff, licence premium m >= 1, and for ore the
 * value v of a tonne of i's ore to j over a tonne of standard light ore),
 * spreads its orders over origins as near-perfect substitutes (CES with
 * elasticity s, origins weighted by what they can supply: stock and full
 * output; home preferred by a weight of 1.5, about 7% of the price at
 * s = 6 [E]), and buys
 *
 *     D_j = max(0, (1 + b h) N_j (P_j / P_ref)^-e - b H_j) + stockpile order
 *
 * with P_j its CES price index, N_j its need at reference prices, H_j the
 * stock it holds, h the stock it aims to hold (half a quarter's use) and
 * b = 1/2 the share of the gap it closes in a quarter.
 *
 * The solve: producer prices move by Newton steps on each seller's excess
 * demand Z_i = sales_i - offer_i(p_i), with the slope of its sales (worked
 * out from the CES shares) and of its offer curve, warm-started from last
 * quarter's prices. It stops when the excess demand left, summed over
 * sellers, rationed routes and export quotas, is under 0.1% of the volume
 * sold (SETTLE_TOLERANCE), or at MAX_ITERATIONS, which cp_market records
 * (solve_capped). A calm quarter settles in one to three passes. Prices are
 * never clamped; a price floor of 5% of the reference stands for sellers
 * who keep their stock rather than give it away, and the choke price (20
 * times it) for a seller asked for more than it can offer at any price.
 *
 * Export controls act on routes: a licensed route passes the approved share
 * of what its buyer asks for, plus what leaks through third countries from
 * the rest (15%, 3% when the exporter tracks its goods); a ban passes only
 * the leakage. The buyer bids a premium on a rationed route until what it
 * takes fits; a route nothing passes keeps its place in the buyer's price
 * index at an infinite price (the limit of a vanishing approval share), so a
 * lower approval share never makes a buyer's material cheaper. Licensed
 * material may not serve defense use, except what slips past end-use checks
 * (half of it, a twentieth under the exporter's tracking). A nation with the
 * extraterritorial rule extends its magnet controls to magnets made abroad
 * from its oxides, in the share of the maker's oxides that came from it. An
 * export quota rations all of a seller's exports at once; a quota of zero
 * passes nothing, like a route nothing passes.
 *
 * Goods and money are conserved exactly: what sellers ship leaves their
 * stock and arrives in the buyers' stocks (or strategic stockpiles), and
 * what buyers pay splits into producer revenue and rents, export taxes,
 * transport and tariffs.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fastmath.h"
#include "world_internal.h"

enum { MAX_ITERATIONS = 60 };

/* Excess demand left when a market counts as settled, as a share of the
 * volume sold: 0.1%. */
static const double SETTLE_TOLERANCE = 1e-3;
/* A licence premium counts as solved when what the route carries is
 * within this share of its cap (log terms): a fifth of the market's. */
static const double PREMIUM_TOLERANCE = 2e-4;
static const double HOME_BIAS = 1.5;
/* Share of the gap between held and desired stock a buyer closes in a
 * quarter [E]: inventories are rebuilt over two quarters, not one, which
 * keeps a shock from being doubled by restocking. */
static const double STOCK_ADJUST = 0.5;
/* How far the stock buyers aim for answers the price [E] (buyer_demand
 * squares the price ratio for it: keep the two together): at twice the
 * reference they aim for a quarter of their usual stock, at two thirds of
 * it for twice their usual stock (at most, STOCK_AIM_MAX): stocks are
 * drawn in a squeeze and built in a glut. */
static const double STOCK_PRICE_ELASTICITY = 2.0, STOCK_AIM_MAX = 2.0;
/* Licensed material that ends up in defense use anyway, without and with
 * the exporter's tracking system [E]: end-use conditions are checked on
 * paper unless the exporter traces each consignment (China's Order 785
 * traceability, Oct 2024). */
static const double DIVERSION_UNTRACKED = 0.5, DIVERSION_TRACKED = 0.05;
/* The price reported for a buyer that can reach no seller at all: the
 * choke price below, where users have switched entirely to substitutes. */
static const double NO_SUPPLY_PRICE_RATIO = 20.0;
/* Above five times the reference price users start to give a material up
 * for its substitutes (ferrite magnets, induction motors, designs without
 * Dy/Tb), and all of it by twenty times, linearly in the log of the price
 * [E]: the choke of every buyer's demand, final users' and plants' alike,
 * which keeps a market with nothing to sell from having no price.
 * Dysprosium's 2011 peak was about eight times its price of mid-2010
 * (questmetals), with users already engineering it out (demand ~13% under
 * forecast within two years, IMCOA via mining.com). */
static const double CHOKE_LOG_START = 1.6094379124341003; /* ln 5 */
static const double CHOKE_LOG_WIDTH = 1.3862943611198906; /* ln 4: gone at 20x */
/* Dy/Tb is held in larger stocks than the other goods [E]: a small, dear,
 * strategic metal that traders and the state keep. When Myanmar's clays
 * stopped (China's imports from it -89% year on year by Feb 2025, Reuters)
 * China's Dy oxide price did not spike (~$300/kg in May 2024; 2025's
 * average ~$224, Adamas): stocks carried the gap. Twice the usual stock
 * target. */
static const double HEAVY_STOCK_FACTOR = 2.0;

double mkt_stock_quarters(const cp_world *w, cp_good g)
{
    double h = w->sc->stock_target_quarters;
    return g == CP_HEAVY_OXIDE ? h * HEAVY_STOCK_FACTOR : h;
}

/* The share of demand the choke leaves at log price ratio 'lr'. */
double mkt_choke_keep(double lr)
{
    if (lr <= CHOKE_LOG_START)
        return 1.0;
    double keep = 1.0 - (lr - CHOKE_LOG_START) / CHOKE_LOG_WIDTH;
    return keep > 0 ? keep : 0;
}

/* The lowest price a seller takes, as a share of the reference. The
 * highest it asks is the choke price, NO_SUPPLY_PRICE_RATIO times the
 * reference (for ore, times the most its ore is worth to a buyer over
 * standard ore): there no buyer that had only it to buy from would take
 * any. A seller still asked for more than it can offer there (its offtakes
 * owe more than it holds and makes, say) is settled at the choke, and what
 * it cannot ship is rationed (settle). */
static const double PRICE_FLOOR_RATIO = 0.05;

typedef struct {
    double k;       /* transport, USD/kg */
    double t;       /* tariff */
    double r;       /* share of requests that may pass (1 = open) */
    double approved; /* the licensed part of r (the rest leaks) */
    int licensed;
} route;

/* The share of requests route from -> to passes: 1 when open; the
 * approved share plus leakage from the rest when licensed; leakage alone
 * when banned. 'approved' (may be NULL) gets the licensed part. */
static inline double route_share(const cp_world *w, cp_good g, int from, int to, int *licensed,
                                 double *approved)
{
    *licensed = 0;
    if (approved)
        *approved = 0;
    if (from == to)
        return 1.0;
    const cp_nation *f = &w->nations[from];
    const cp_export_control *c = &f->policy.control[g][to];
    double share;
    cp_control_mode mode = control_now(c, &share);
    if (mode == CP_CONTROL_OPEN)
        return 1.0;
    double leak = f->policy.tracking ? w->sc->leakage_share_tracked : w->sc->leakage_share;
    if (mode == CP_CONTROL_LICENSED) {
        double r = share * (1.0 - w->approvals_cut[from]);
        *licensed = 1;
        if (approved)
            *approved = r;
        return r + (1.0 - r) * leak;
    }
    return leak;
}

double mkt_route_share(const cp_world *w, cp_good g, int from, int to, int *licensed)
{
    int lic;
    double r = route_share(w, g, from, to, &lic, NULL);
    if (licensed)
        *licensed = lic;
    return r;
}

double mkt_defense_diversion(const cp_world *w, int exporter)
{
    return w->nations[exporter].policy.tracking ? DIVERSION_TRACKED : DIVERSION_UNTRACKED;
}

/* L^-s, with a fast path for the usual whole-number elasticities. */
static inline double pow_neg(double L, double s, int s_int)
{
    double b = 1.0 / L, b2 = b * b;
    switch (s_int) { /* the usual elasticities, spelled out for speed */
    case 4:
        return b2 * b2;
    case 5:
        return b2 * b2 * b;
    case 6:
        return b2 * b2 * b2;
    case 7:
        return b2 * b2 * b2 * b;
    case 8:
        return (b2 * b2) * (b2 * b2);
    default:
        break;
    }
    if (s_int > 0) {
        double acc = 1.0;
        for (int e = s_int; e > 0; e >>= 1) {
            if (e & 1)
                acc *= b;
            b *= b;
        }
        return acc;
    }
    return fm_pow(L, -s);
}

/* A buyer's routes, as its pass reads them (by buyer, then leg: the routes
 * from sellers that pass something, in seller order). Everything that does
 * not move within the quarter is set once; a leg's landed price is then
 *
 *     L = (src + k) * opt * prem
 *
 * with src its seller's export price (or, at home, the producer price, with
 * k = 0 and opt = prem = 1), opt = (1 + tariff) / value, and prem the
 * licence premium (1 on an open route). One formula, no branch. */
typedef struct {
    int n;
    int src[CP_MAX_NATIONS];    /* index into the pass's price table */
    int i[CP_MAX_NATIONS];      /* seller nation */
    int rationed[CP_MAX_NATIONS];
    double k[CP_MAX_NATIONS];   /* transport, USD/kg */
    double opt[CP_MAX_NATIONS]; /* (1 + tariff) / value of a tonne */
    double prem[CP_MAX_NATIONS];
    double a[CP_MAX_NATIONS];   /* weight on this origin: its offer, home preferred */
    double r[CP_MAX_NATIONS];   /* share of requests the route's controls pass */
    double reff[CP_MAX_NATIONS]; /* that times the seller's quota share, this pass */
    double wt[CP_MAX_NATIONS];  /* a L^-s at the pass's prices */
    double L[CP_MAX_NATIONS];   /* the landed price at the pass's prices */
    double on[CP_MAX_NATIONS];  /* 1, or 0 for a route nothing passes */
    double x[CP_MAX_NATIONS];   /* tonnes bought this pass */
    double cap[CP_MAX_NATIONS]; /* rationed: what passes of the request */
    double w0[CP_MAX_NATIONS];  /* rationed: its weight at no premium */
    int n_rationed;
    /* the buyer at no premium anywhere (rationed_caps): demand, minus its
     * slope in log P, and the sums of its index */
    double D0, slope0, W0, B0;
} legs;

typedef struct {
    int n, ns, nb;
    int s_int; /* the substitution elasticity when whole, else 0 */
    double s, e;
    int seller[CP_MAX_NATIONS]; /* nations with something to offer, ascending */
    int buyer[CP_MAX_NATIONS];  /* nations that buy it, ascending */
    mkt_supply curve[CP_MAX_NATIONS]; /* by nation */
    mkt_input input[CP_MAX_NATIONS];  /* by nation: its plants' demand */
    int has_input[CP_MAX_NATIONS];
    double weight[CP_MAX_NATIONS];    /* a seller's weight in buyers' choices */
    double base[CP_MAX_NATIONS], held[CP_MAX_NATIONS], extra[CP_MAX_NATIONS];
    double P[CP_MAX_NATIONS], D[CP_MAX_NATIONS];
    double T[CP_MAX_NATIONS], E[CP_MAX_NATIONS]; /* a seller's sales, and its exports */
    double log_ref, ref;
    double bh;   /* the stock a buyer aims for at reference prices (quarters of
                  * use) times the share of the gap it closes in a quarter */
    double tax[CP_MAX_NATIONS], fob[CP_MAX_NATIONS];
    /* a buyer's pass, kept between its steps (by nation) */
    double A[CP_MAX_NATIONS], B[CP_MAX_NATIONS], W[CP_MAX_NATIONS], log_P[CP_MAX_NATIONS];
    double slope[CP_MAX_NATIONS]; /* - d D / d log P */
    int open_trade[CP_MAX_NATIONS]; /* the buyer can buy at a price this pass */
    double price_table[2 * CP_MAX_NATIONS]; /* export prices, then home prices */
    legs lg[CP_MAX_NATIONS];                /* by buyer */
    route rt[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* [seller][buyer] */
    double route_gap;                       /* rationed routes' excess, this pass */
    int want_jacobian;                      /* build J this pass (else flows only) */
    int any_ruler;                          /* some nation applies an extraterritorial rule */
    double value[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* ore: seller i's ore to j over standard ore */
    double ceiling[CP_MAX_NATIONS];         /* a seller's choke price, by nation */
    int pos[CP_MAX_NATIONS];                /* a seller's place in 'seller', by nation */
    /* export quotas: the share of what buyers would ask of a seller's
     * exports (with no rent) that its quota lets pass, this pass, by
     * nation (1 without a quota); and the requests summed */
    double quota_share[CP_MAX_NATIONS], quota_asked[CP_MAX_NATIONS];
    double committed[CP_MAX_NATIONS];       /* offtake tonnes each seller owes this quarter */
    int any_quota;
    /* d sales_i / d log p_k, by seller place: built from the buyers' shares */
    double J[CP_MAX_NATIONS][CP_MAX_NATIONS];
} solve;

/* A world's working arrays for its solves (world_internal.h: struct cp_world), kept off the
 * stack for their size. */
struct mkt_scratch {
    solve sv;
    double acc_J[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* the last accepted point's Jacobian */
    double a[CP_MAX_NATIONS][CP_MAX_NATIONS];     /* sellers_step's damped system */
    double tariff[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* add_routes: buyers' tariffs by origin */
    double X[CP_MAX_NATIONS][CP_MAX_NATIONS];     /* settle: flows [seller][buyer] */
};

int mkt_scratch_alloc(cp_world *w)
{
    w->mkt_scratch = calloc(1, sizeof *w->mkt_scratch);
    return w->mkt_scratch ? 0 : -1;
}

void mkt_scratch_free(cp_world *w)
{
    free(w->mkt_scratch);
    w->mkt_scratch = NULL;
}

/* Sellers' export prices at the current producer prices and quota rents,
 * and the table the legs read them from. */
static void update_fob(const cp_market_state *ms, solve *sv)
{
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        sv->fob[i] = ms->price[i] * ms->quota_premium[i] * (1.0 + sv->tax[i]);
        sv->price_table[i] = sv->fob[i];
        sv->price_table[CP_MAX_NATIONS + i] = ms->price[i];
    }
}

/* A buyer's origins at current prices: the sums behind its CES price index
 * (W: weighted landed prices^-s, B: the same times the price; A, the sum of
 * the weights, does not move within the quarter). */
static inline void weigh_legs(solve *sv, int j, int s_int)
{
    double B = 0, W = 0;
    legs *lg = &sv->lg[j];
    const double *tab = sv->price_table;
    double s = sv->s;
    for (int l = 0; l < lg->n; l++) {
        double L = (tab[lg->src[l]] + lg->k[l]) * lg->opt[l] * lg->prem[l];
        double wt = lg->on[l] * lg->a[l] * pow_neg(L, s, s_int);
        lg->wt[l] = wt;
        lg->L[l] = L;
        B += wt * L;
        W += wt;
    }
    sv->B[j] = B;
    sv->W[j] = W;
}

static void buyer_weigh(solve *sv, int j)
{
    /* one loop per usual elasticity, so that its power is plain multiplying */
    switch (sv->s_int) {
    case 4:
        weigh_legs(sv, j, 4);
        break;
    case 5:
        weigh_legs(sv, j, 5);
        break;
    case 6:
        weigh_legs(sv, j, 6);
        break;
    case 7:
        weigh_legs(sv, j, 7);
        break;
    case 8:
        weigh_legs(sv, j, 8);
        break;
    default:
        weigh_legs(sv, j, sv->s_int);
        break;
    }
}

/* A stockpile order buys its tonnes at reference prices, fewer as the
 * price rises (with the good's demand elasticity), none past the choke: a
 * treasury does not buy at any price. The share of the order bought at
 * log price ratio 'lr', and minus its slope in log P. */
static double stockpile_factor(const solve *sv, double lr, double *slope)
{
    double x = fm_exp(-sv->e * lr), dx = sv->e * x;
    if (lr > CHOKE_LOG_START) {
        double keep = 1.0 - (lr - CHOKE_LOG_START) / CHOKE_LOG_WIDTH;
        if (keep < 0)
            keep = 0;
        dx = keep > 0 ? dx * keep + x / CHOKE_LOG_WIDTH : 0;
        x *= keep;
    }
    *slope = dx;
    return x;
}

/* What buyer 'j' uses at price index exp(log_P), and minus the slope of
 * that in log P: its final users' need with the short-run elasticity and
 * its plants' input curve, both under the choke. '*ratio_out' gets P over
 * the reference. */
static double buyer_use(const solve *sv, int j, double log_P, double *slope_out, double *ratio_out)
{
    double e = sv->e;
    double lr = log_P - sv->log_ref;
    double want = sv->base[j] > 0 ? sv->base[j] * fm_exp(-e * lr) : 0;
    double slope = e * want;
    double ratio = fm_exp(lr); /* P / P_ref */
    if (sv->has_input[j]) { /* its plants: what their margin asks */
        double dI;
        double I = prod_input_need(&sv->input[j], sv->ref * ratio, &dI);
        want += I;
        slope += dI;
    }
    if (lr > CHOKE_LOG_START) { /* the choke: substitutes take over, for
                                 * final users and plants alike */
        double keep = 1.0 - (lr - CHOKE_LOG_START) / CHOKE_LOG_WIDTH;
        if (keep < 0)
            keep = 0;
        slope = keep > 0 ? slope * keep + want / CHOKE_LOG_WIDTH : 0;
        want *= keep;
    }
    *slope_out = slope;
    *ratio_out = ratio;
    return want;
}

/* What buyer 'j' buys at price index exp(log_P), and minus the slope of
 * that in log P: what it uses (buyer_use), plus the stock it aims to hold
 * less the stock it holds (half the gap a quarter), plus a stockpile
 * order. The stock it aims for answers the price
 * (STOCK_PRICE_ELASTICITY): buyers hold more when the price stands below
 * the reference and less above, as storers do (the competitive storage
 * model of Williams and Wright). */
static double buyer_demand(const solve *sv, int j, double log_P, double *slope_out)
{
    double lr = log_P - sv->log_ref, slope, ratio;
    double want = buyer_use(sv, j, log_P, &slope, &ratio);
    /* the stock it aims for, at this price: (P / P_ref)^-2 */
    double xs = 1.0 / (ratio * ratio), dxs = STOCK_PRICE_ELASTICITY * xs;
    if (xs > STOCK_AIM_MAX) {
        xs = STOCK_AIM_MAX;
        dxs = 0;
    }
    double aim = 1.0 + sv->bh * xs;
    slope = slope * aim + want * sv->bh * dxs;
    want *= aim;
    double D = want - STOCK_ADJUST * sv->held[j];
    if (D > 0) {
        *slope_out = slope;
    } else {
        D = 0;
        *slope_out = 0;
    }
    if (sv->extra[j] > 0) {
        double dx;
        double x = stockpile_factor(sv, lr, &dx);
        D += sv->extra[j] * x;
        *slope_out += sv->extra[j] * dx;
    }
    return D;
}

/* Buyers' price indices and demands from their sums. Each log and each
 * exponential is a long chain of dependent arithmetic; run in loops of
 * their own, one buyer's beside the next, the chains overlap in the CPU. */
static void buyers_demand(solve *sv, const int *who, int count, int final)
{
    int priced[CP_MAX_NATIONS], np = 0;  /* buyers with an origin to buy from */
    int buying[CP_MAX_NATIONS], nbuy = 0; /* those of them that buy the good */
    for (int b = 0; b < count; b++) {
        int j = who[b];
        sv->slope[j] = 0;
        if (sv->A[j] <= 0) { /* no seller anywhere: nothing to price */
            sv->open_trade[j] = 0;
            sv->P[j] = sv->ref;
            sv->D[j] = 0;
            continue;
        }
        if (sv->W[j] <= 0) { /* sellers exist, but none may sell to j */
            sv->open_trade[j] = 0;
            sv->P[j] = sv->ref * NO_SUPPLY_PRICE_RATIO;
            sv->D[j] = 0;
            continue;
        }
        priced[np++] = j;
        /* a nation that does not buy this good needs only its price index */
        sv->open_trade[j] = sv->base[j] > 0 || sv->extra[j] > 0 || sv->has_input[j];
        if (sv->open_trade[j])
            buying[nbuy++] = j;
        else
            sv->D[j] = 0;
    }
    /* one log serves both the price index and the demand */
    for (int b = 0; b < np; b++) {
        int j = priced[b];
        sv->log_P[j] = fm_log(sv->B[j] / sv->A[j]) / (1.0 - sv->s);
    }
    if (final)
        for (int b = 0; b < np; b++)
            sv->P[priced[b]] = fm_exp(sv->log_P[priced[b]]);
    for (int b = 0; b < nbuy; b++) {
        int j = buying[b];
        double slope;
        double D = buyer_demand(sv, j, sv->log_P[j], &slope);
        sv->slope[j] = slope;
        sv->D[j] = D;
    }
}

/* Buyer j with no premium anywhere: the price index it would pay, its
 * demand there, and each rationed route's weight then. */
static void unrestricted(solve *sv, int j)
{
    legs *lg = &sv->lg[j];
    double s = sv->s;
    double W0 = sv->W[j], B0 = sv->B[j];
    for (int l = 0; l < lg->n; l++) {
        if (!lg->rationed[l])
            continue;
        /* the route at no premium (and open, for one nothing passes) */
        double L0 = lg->L[l] / lg->prem[l];
        lg->w0[l] = lg->a[l] * pow_neg(L0, s, sv->s_int);
        W0 += lg->w0[l] - lg->wt[l];
        B0 += lg->w0[l] * L0 - lg->wt[l] * lg->L[l];
    }
    double slope, ratio;
    /* what it would use: a licence is granted for a declared end use, not
     * for rebuilding stock */
    lg->D0 = buyer_use(sv, j, fm_log(B0 / sv->A[j]) / (1.0 - s), &slope, &ratio);
    lg->slope0 = slope;
    lg->W0 = W0;
    lg->B0 = B0;
}

/* The caps on buyer j's rationed routes: the passing share of what it would
 * ask of each with no premium anywhere, at the price index it would then
 * pay (so the cap does not shrink as the premium raises the price: a lower
 * approval share means less material and a higher price, never the
 * reverse). They depend on the pass's producer prices only. */
static void rationed_caps(solve *sv, int j)
{
    legs *lg = &sv->lg[j];
    for (int l = 0; l < lg->n; l++) {
        if (!lg->rationed[l])
            continue;
        lg->reff[l] = lg->r[l] * sv->quota_share[lg->i[l]];
        lg->cap[l] = lg->reff[l] * lg->D0 * lg->w0[l] / lg->W0;
    }
}

/* An export quota rations all of a seller's exports: each of its export
 * routes passes the share quota / (what buyers would ask of its exports
 * with no rent, after their licences) of its request. */
static void quota_shares(const cp_world *w, solve *sv, cp_good g, const int *who, int count)
{
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        sv->quota_share[i] = 1.0;
        sv->quota_asked[i] = 0;
    }
    if (!sv->any_quota)
        return;
    for (int b = 0; b < count; b++) {
        int j = who[b];
        const legs *lg = &sv->lg[j];
        if (!sv->open_trade[j] || lg->n_rationed == 0)
            continue;
        for (int l = 0; l < lg->n; l++)
            if (lg->rationed[l] && lg->i[l] != j)
                sv->quota_asked[lg->i[l]] += lg->r[l] * lg->D0 * lg->w0[l] / lg->W0;
    }
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double quota = w->nations[i].policy.export_quota_t[g];
        if (quota < 0)
            continue;
        double asked = sv->quota_asked[i];
        sv->quota_share[i] = asked > quota ? (asked > 0 ? quota / asked : 0) : 1.0;
    }
}

/* Move route l of buyer j to premium 'next': its weight and landed price,
 * the buyer's sums and price index follow, and its demand, along its slope
 * from the point (log_P0, D0) while the premiums are being searched (the
 * exact demand is worked out once they are found: buyer_settle_demand). */
static void set_premium(cp_market_state *ms, solve *sv, int j, int l, double next, double log_P0,
                        double D0)
{
    legs *lg = &sv->lg[j];
    double m = lg->prem[l], wt = lg->wt[l];
    double L = lg->L[l] * next / m;
    double nwt = wt * pow_neg(next / m, sv->s, sv->s_int);
    double W = sv->W[j] + (nwt - wt), B = sv->B[j] + (nwt * L - wt * lg->L[l]);
    lg->wt[l] = nwt;
    lg->L[l] = L;
    if (!(W > 1e-6 * sv->W[j] && B > 1e-6 * sv->B[j])) {
        /* the route was most of the index and has all but left it: what
         * is left of the sums is rounding, so add them up afresh */
        W = B = 0;
        for (int k = 0; k < lg->n; k++) {
            W += lg->wt[k];
            B += lg->wt[k] * lg->L[k];
        }
    }
    sv->W[j] = W;
    sv->B[j] = B;
    lg->prem[l] = ms->premium[lg->i[l]][j] = next;
    sv->log_P[j] = fm_log(sv->B[j] / sv->A[j]) / (1.0 - sv->s);
    double D = D0 - sv->slope[j] * (sv->log_P[j] - log_P0);
    sv->D[j] = D > 0 ? D : 0;
}

/* Buyer j's exact demand and slope at its price index. */
static void buyer_settle_demand(solve *sv, int j)
{
    double slope;
    sv->D[j] = buyer_demand(sv, j, sv->log_P[j], &slope);
    sv->slope[j] = slope;
}

/* log(what buyer j takes of route l / its cap): the function whose root
 * the premium is. */
static double route_excess(const solve *sv, int j, int l)
{
    const legs *lg = &sv->lg[j];
    double W = sv->W[j], cap = lg->cap[l];
    double x = W > 0 ? lg->wt[l] / W * sv->D[j] : 0;
    if (cap <= 1e-300)
        return x > 0 ? 50.0 : 0.0;
    if (x <= 1e-300)
        return -50.0;
    return fm_log(x / cap);
}

/* Buyer j's premiums on its rationed routes, solved at the pass's prices:
 * on each, the premium at which what j takes fits the cap (or none, if it
 * fits without). The caps do not move with the premiums, and what j takes
 * of a route falls as its premium rises (its share falls, and so does j's
 * demand as its price index rises, down to nothing at the choke), so each
 * route has one answer: found by Newton steps on log m from the last pass's
 * and quarter's premium, with the exact slope of log(take) in log m along
 * the demand's line,
 *
 *     d log x / d log m = -(s (1 - sigma) + (D' / D) omega)
 *
 * (sigma, omega: the route's quantity and value shares), kept inside a
 * bracket that shrinks around the root and bisected when a step would leave
 * it. A step to a premium below 1 tries 1 instead: if the route fits there
 * it is not binding. Warm-started, it usually takes one step. Routes are
 * taken in turn, twice when a buyer has several. */
static void solve_premiums(cp_market_state *ms, solve *sv, int j)
{
    legs *lg = &sv->lg[j];
    double s = sv->s;
    for (int sweep = 0; sweep < 2; sweep++) {
        int moved = 0;
        for (int l = 0; l < lg->n; l++) {
            if (!lg->rationed[l] || lg->on[l] == 0)
                continue;
            double mu = fm_log(lg->prem[l]);
            double f = route_excess(sv, j, l);
            double log_P0 = sv->log_P[j], D0 = sv->D[j];
            if (f <= PREMIUM_TOLERANCE && (mu <= 0 || f >= -PREMIUM_TOLERANCE))
                continue;
            double lo = 0, hi = 60; /* the root in log m lies in [lo, hi] */
            if (f > 0)
                lo = mu;
            else
                hi = mu;
            /* unsolved while it takes too much, or too little at a premium */
            for (int it = 0; it < 40 && (f > PREMIUM_TOLERANCE || (f < -PREMIUM_TOLERANCE && mu > 0));
                 it++) {
                double W = sv->W[j], D = sv->D[j], B = sv->B[j];
                double sigma = W > 0 ? lg->wt[l] / W : 0;
                double omega = B > 0 ? lg->wt[l] * lg->L[l] / B : 0;
                double el = s * (1.0 - sigma) + (D > 0 ? sv->slope[j] / D : 0) * omega;
                double next = el > 1e-9 ? mu + f / el : 0.5 * (lo + hi);
                moved = 1;
                if (next <= 0 && lo <= 0 && mu > 0) {
                    /* below no premium at all: does it fit at none? */
                    set_premium(ms, sv, j, l, 1.0, log_P0, D0);
                    mu = 0;
                    f = route_excess(sv, j, l);
                    lo = 0;
                    if (f <= PREMIUM_TOLERANCE)
                        break;
                    continue;
                }
                if (!(next > lo && next < hi))
                    next = 0.5 * (lo + (hi < 59 ? hi : lo + 4.0));
                if (next > 60)
                    next = 60; /* e^60: a route this dear passes nothing */
                if (next == mu)
                    break; /* and one still asked for more there gets nothing */
                set_premium(ms, sv, j, l, fm_exp(next), log_P0, D0);
                mu = next;
                f = route_excess(sv, j, l);
                if (f > 0)
                    lo = mu;
                else
                    hi = mu;
            }
        }
        if (moved) /* the exact demand at the premiums found */
            buyer_settle_demand(sv, j);
        if (!moved || lg->n_rationed < 2)
            break;
    }
}

/* The premiums' answer to prices, for buyer j's free routes. A binding
 * route carries its cap whatever the prices, because its premium moves to
 * keep it there; so a price change reaches the buyer's other routes twice:
 * directly, and through the premiums' moves. With
 *
 *   d x_i / d log L_k = sigma_i c_k - [i = k] s x_i,   c_k = s D sigma_k - D' omega_k
 *
 * (L the landed prices, D' = -d D / d log P), the binding routes' landed
 * prices y move so that d x_a = d cap_a on each binding route a: a system
 * (sigma c^T - diag(s x)) y = d cap - (direct change), solved in closed form
 * (Sherman-Morrison: diag(s x)^-1 sigma = 1 / (s D) for every route). The
 * free routes' rows then gain sigma_i c^T y: this adds c^T y to the column
 * 'col' that every free row takes its share of. 'col' holds the direct
 * derivatives (phi c_k at each free seller's place, 0 at binding ones),
 * 'col0' the unrestricted flows' (the caps are r sigma0 of them). Without
 * it, the Jacobian of a market where most buyers hold a binding licence
 * misses half of the cross slopes, and Newton's steps fall short. */
static void premium_response(const solve *sv, int j, double *col, const double *col0,
                             const int *binding, int nbind, const int *at)
{
    const legs *lg = &sv->lg[j];
    int ns = sv->ns;
    double D = sv->D[j], s = sv->s, slope = sv->slope[j];
    if (!(D > 0))
        return;
    double inv_W = 1.0 / sv->W[j], inv_B = 1.0 / sv->B[j];
    double D0 = lg->D0, inv_W0 = 1.0 / lg->W0;
    double num[CP_MAX_NATIONS], den = 1.0;
    memset(num, 0, sizeof(double) * (size_t)ns);
    int any = 0;
    for (int b = 0; b < nbind; b++) {
        int l = binding[b];
        double sigma = lg->wt[l] * inv_W;
        if (!(sigma > 1e-12))
            continue;
        double omega = lg->wt[l] * lg->L[l] * inv_B;
        double rho = 1.0 - slope * omega / (s * D * sigma); /* c_a / (s x_a) */
        den -= sigma - slope * omega / (s * D);            /* c_a / (s D) */
        double sigma0 = lg->w0[l] * inv_W0, r = lg->reff[l];
        double src = sv->price_table[lg->src[l]];
        double phi = src / (src + lg->k[l]);
        /* d cap_a - the direct change of x_a, by seller */
        for (int q = 0; q < ns; q++)
            num[q] += rho * (r * sigma0 * col0[q] - sigma * col[q]);
        num[at[l]] -= rho * r * phi * s * D0 * sigma0;
        any = 1;
    }
    if (!any || !(fabs(den) > 1e-12))
        return;
    for (int q = 0; q < ns; q++)
        col[q] -= num[q] / den;
}

/* A buyer's purchases split between its origins, with what each seller
 * sells and the buyer's part of the Jacobian of sales in log prices:
 *
 *   d x_ij / d log p_k = phi_kj (s x_ij (sigma_kj - [i = k]) - sigma_ij omega_kj D'_j)
 *
 * (sigma: quantity shares, omega: value shares, phi: the producer's share
 * of the landed price, D'_j = -d D_j / d log P_j); rationed routes note
 * what the cap allows. */
static inline void buyer_flows(solve *sv, int j)
{
    legs *lg = &sv->lg[j];
    if (!sv->open_trade[j]) {
        for (int l = 0; l < lg->n; l++)
            lg->x[l] = 0;
        return;
    }
    double W = sv->W[j], D = sv->D[j], s = sv->s, slope = sv->slope[j];
    double inv_W = 1.0 / W, inv_B = 1.0 / sv->B[j];
    int ns = sv->ns;
    /* The buyer's part of the Jacobian is diagonal terms plus rank-one
     * terms sigma_ij col_kj, over all sellers (zeros where it has no
     * route), so that the update below runs over contiguous rows. A route
     * whose cap binds takes what the cap allows: the approved share r of
     * what the buyer would take with no premium, so its row is r times the
     * derivatives of that unrestricted flow, and the premium, not the
     * route's price, moves the buyer's other routes (premium_response
     * adds that move to the column they share). */
    double col[CP_MAX_NATIONS], col0[CP_MAX_NATIONS];
    double sig[CP_MAX_NATIONS];
    int at[CP_MAX_NATIONS], binding[CP_MAX_NATIONS], nbind = 0;
    memset(col, 0, sizeof(double) * (size_t)ns);
    for (int l = 0; l < lg->n; l++) {
        int i = lg->i[l];
        double sigma = lg->wt[l] * inv_W;
        double x = sigma * D;
        lg->x[l] = x;
        sv->T[i] += x;
        if (i != j)
            sv->E[i] += x;
        if (!sv->want_jacobian)
            continue;
        int q = sv->pos[i];
        at[l] = q;
        if (lg->rationed[l] && lg->prem[l] > 1.0 + 1e-12) {
            binding[nbind++] = l;
            sig[l] = 0;
            continue;
        }
        /* d log L / d log p_i: the producer's share of the landed price */
        double src = sv->price_table[lg->src[l]];
        double phi = src / (src + lg->k[l]);
        double omega = lg->wt[l] * lg->L[l] * inv_B;
        sig[l] = sigma;
        col[q] = phi * (s * D * sigma - slope * omega);
        sv->J[q][q] -= phi * s * x;
    }
    if (lg->n_rationed > 0) /* the caps the premiums were solved for */
        for (int l = 0; l < lg->n; l++) {
            if (!lg->rationed[l])
                continue;
            double x = lg->x[l], cap = lg->cap[l];
            if (lg->prem[l] > 1.0 + 1e-12)
                sv->route_gap += fabs(x - cap);
            else if (x > cap)
                sv->route_gap += x - cap;
        }
    if (!sv->want_jacobian)
        return;
    double D0 = lg->D0, inv_W0 = nbind > 0 ? 1.0 / lg->W0 : 0, inv_B0 = nbind > 0 ? 1.0 / lg->B0 : 0;
    if (nbind > 0) {
        /* the unrestricted flows' derivatives (the caps move with them) */
        memset(col0, 0, sizeof(double) * (size_t)ns);
        for (int l = 0; l < lg->n; l++) {
            double w0 = lg->rationed[l] ? lg->w0[l] : lg->wt[l];
            double L0 = lg->L[l] / lg->prem[l];
            double src = sv->price_table[lg->src[l]];
            double phi = src / (src + lg->k[l]);
            col0[at[l]] += phi * (s * D0 * w0 * inv_W0 - lg->slope0 * w0 * L0 * inv_B0);
        }
        premium_response(sv, j, col, col0, binding, nbind, at);
    }
    for (int l = 0; l < lg->n; l++) {
        double si = sig[l];
        if (si < 1e-9)
            continue; /* a share this small moves no row */
        double *row = sv->J[at[l]];
        for (int q = 0; q < ns; q++)
            row[q] += si * col[q];
    }
    /* a binding route carries its cap: r times the unrestricted flow */
    for (int b = 0; b < nbind; b++) {
        int l = binding[b];
        double sigma0 = lg->w0[l] * inv_W0, r = lg->reff[l];
        double src = sv->price_table[lg->src[l]];
        double phi = src / (src + lg->k[l]);
        double *row = sv->J[at[l]];
        row[at[l]] -= r * phi * s * D0 * sigma0;
        for (int q = 0; q < ns; q++)
            row[q] += r * sigma0 * col0[q];
    }
}

/* Every listed buyer's choice at current prices. */
static void buyers_pass(const cp_world *w, cp_market_state *ms, solve *sv, cp_good g, const int *who,
                        int count, int final)
{
    for (int b = 0; b < count; b++)
        buyer_weigh(sv, who[b]);
    buyers_demand(sv, who, count, final);
    if (final)
        return;
    for (int b = 0; b < count; b++) {
        int j = who[b];
        if (sv->lg[j].n_rationed > 0 && sv->open_trade[j] && sv->W[j] > 0)
            unrestricted(sv, j);
    }
    quota_shares(w, sv, g, who, count);
    for (int b = 0; b < count; b++) {
        int j = who[b];
        if (sv->lg[j].n_rationed > 0 && sv->open_trade[j] && sv->W[j] > 0) {
            rationed_caps(sv, j);
            solve_premiums(ms, sv, j);
        }
    }
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        sv->T[i] = sv->E[i] = 0;
        if (sv->want_jacobian)
            memset(sv->J[q], 0, sizeof(double) * (size_t)sv->ns);
    }
    sv->route_gap = 0;
    for (int b = 0; b < count; b++)
        buyer_flows(sv, who[b]);
}

/* Each seller's excess demand at its price, summed into the gap the
 * settling test reads; then, unless settled, a Newton step on each price. */
static double sellers_gap(cp_market_state *ms, solve *sv, double *volume, double Z[], double dS[])
{
    double gap = 0, vol = 0;
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double S = prod_offer(&sv->curve[i], ms->price[i], &dS[q]);
        if (S >= sv->committed[i]) {
            Z[q] = sv->T[i] + sv->committed[i] - S;
        } else {
            /* its offtakes take all it offers (they fall short, deal.c):
             * the market gets none of it, so only what the market asks of
             * it is excess; a dearer price would make more only for the
             * offtakes, never clearing what they are owed */
            Z[q] = sv->T[i];
            dS[q] = 0;
        }
        vol += sv->T[i] + sv->committed[i];
        /* a seller at its price floor with stock left over is settled: it
         * keeps the stock */
        if (Z[q] < 0 && ms->price[i] <= sv->ref * PRICE_FLOOR_RATIO * (1 + 1e-9))
            continue;
        /* and one at its choke price still short is rationed */
        if (Z[q] > 0 && ms->price[i] >= sv->ceiling[i] * (1 - 1e-9))
            continue;
        gap += fabs(Z[q]);
    }
    *volume = vol;
    return gap;
}

/* Solve the n x n system a x = b in place (Gaussian elimination with
 * partial pivoting, in a fixed order); a pivot too small to trust leaves
 * that unknown 0. */
static void solve_linear(double a[][CP_MAX_NATIONS], double *b, int n, double *x)
{
    int perm[CP_MAX_NATIONS];
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (int c = 0; c < n; c++) {
        int best = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[perm[r]][c]) > fabs(a[perm[best]][c]))
                best = r;
        int t = perm[c];
        perm[c] = perm[best];
        perm[best] = t;
        double piv = a[perm[c]][c];
        if (fabs(piv) < 1e-300)
            continue;
        for (int r = c + 1; r < n; r++) {
            double f = a[perm[r]][c] / piv;
            if (f == 0)
                continue;
            double *ar = a[perm[r]], *ac = a[perm[c]];
            for (int k = c; k < n; k++)
                ar[k] -= f * ac[k];
            b[perm[r]] -= f * b[perm[c]];
        }
    }
    for (int c = n - 1; c >= 0; c--) {
        double v = b[perm[c]];
        for (int k = c + 1; k < n; k++)
            v -= a[perm[c]][k] * x[k];
        double piv = a[perm[c]][c];
        x[c] = fabs(piv) > 1e-300 ? v / piv : 0;
    }
}

/* One damped Newton step on every seller's log price at once:
 *
 *     (J - diag(dS) - mu diag(|J_ii - dS_i|)) d = -Z
 *
 * J the slope of sales in log prices built by the buyers' pass, dS the
 * slope of each seller's offer, mu the damping (Levenberg-Marquardt): 0 is
 * Newton's step, a large mu a small step for each seller alone against its
 * own slope, which is what clears a market whose prices all rising
 * together would change nothing (demand and supply both at their limits).
 * A seller held at the price floor or at its choke price keeps its price.
 * No price moves by more than a factor e in a step. */
static void sellers_step(cp_market_state *ms, solve *sv, double J[][CP_MAX_NATIONS],
                         double a_scratch[][CP_MAX_NATIONS],
                         const double Z[], const double dS[], const double T[], double volume,
                         double mu)
{
    int ns = sv->ns;
    double rhs[CP_MAX_NATIONS], d[CP_MAX_NATIONS];
    double(*a)[CP_MAX_NATIONS] = a_scratch;
    double floor = sv->ref * PRICE_FLOOR_RATIO;
    double tiny = 1e-9 * (volume > 0 ? volume : 1.0);
    for (int q = 0; q < ns; q++) {
        int i = sv->seller[q];
        memcpy(a[q], J[q], sizeof(double) * (size_t)ns);
        double diag = a[q][q] - dS[q];
        a[q][q] = diag - mu * fabs(diag) - tiny;
        rhs[q] = -Z[q];
        if ((Z[q] < 0 && ms->price[i] <= floor * (1 + 1e-9)) ||
            (Z[q] > 0 && ms->price[i] >= sv->ceiling[i] * (1 - 1e-9))) {
            for (int k = 0; k < ns; k++)
                a[q][k] = 0;
            a[q][q] = 1;
            rhs[q] = 0;
        }
    }
    solve_linear(a, rhs, ns, d);
    double biggest = 0;
    for (int q = 0; q < ns; q++)
        if (fabs(d[q]) > biggest)
            biggest = fabs(d[q]);
    double scale = biggest > 1.0 ? 1.0 / biggest : 1.0;
    for (int q = 0; q < ns; q++)
        d[q] *= scale;
    (void)T;
    for (int q = 0; q < ns; q++) /* independent exponentials, side by side */
        d[q] = fm_exp(d[q]);
    for (int q = 0; q < ns; q++) {
        int i = sv->seller[q];
        double p = ms->price[i] * d[q];
        p = p > sv->ceiling[i] ? sv->ceiling[i] : p;
        ms->price[i] = p < floor ? floor : p;
    }
}

/* Transport costs depend only on distances, which never change: work them
 * out once per world (a clone copies them). */
static void fill_route_k(cp_world *w)
{
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        double per = w->sc->goods[g].transport_usd_per_kg_per_10000km;
        for (int i = 0; i < w->nation_count; i++)
            for (int j = 0; j < w->nation_count; j++)
                w->route_k[g][i][j] = per * w->transport_km[i][j] / 10000.0;
    }
    w->route_k_ready = 1;
}

/* The share of nation 'n''s oxide supply this quarter (bought and made,
 * by value at world prices) that came from nation 'origin': how much of
 * its magnets an extraterritorial rule of 'origin' reaches. */
static double oxide_content_from(const cp_world *w, int n, int origin)
{
    double from = 0, all = 0;
    for (int g = CP_LIGHT_OXIDE; g <= CP_HEAVY_OXIDE; g++) {
        double p = w->market[g].world_price_usd_per_kg;
        for (int i = 0; i < w->nation_count; i++) {
            double v = w->market[g].flow_t[i][n] * p;
            all += v;
            if (i == origin)
                from += v;
        }
    }
    return all > 0 ? from / all : 0.0;
}

/* Magnets: a ruler's extraterritorial rule scales a third country's magnet
 * route by the share of the maker's oxides the ruler did not supply, plus
 * the ruler's own passing share on the rest. */
static double extraterritorial_share(const cp_world *w, int from, int to)
{
    double r = 1.0;
    for (int R = 0; R < w->nation_count; R++) {
        if (!w->nations[R].policy.extraterritorial || R == from || R == to)
            continue;
        double c = oxide_content_from(w, from, R);
        if (c <= 0)
            continue;
        int lic;
        double rR = route_share(w, CP_MAGNET, R, to, &lic, NULL);
        r *= (1.0 - c) + c * rR;
    }
    return r;
}

static void add_routes(cp_world *w, solve *sv, cp_good g, const int *who, int count);

static void setup(cp_world *w, solve *sv, cp_good g)
{
    if (!w->route_k_ready)
        fill_route_k(w);
    const cp_good_params *gp = &w->sc->goods[g];
    cp_market_state *ms = &w->mstate[g];
    int n = w->nation_count;
    sv->n = n;
    sv->ns = sv->nb = 0;
    sv->s = gp->substitution;
    sv->e = gp->demand_elasticity;
    sv->s_int = (sv->s == floor(sv->s) && sv->s <= 16) ? (int)sv->s : 0;
    sv->ref = gp->reference_price_usd_per_kg;
    sv->log_ref = fm_log(sv->ref);
    int any_ruler = 0;
    sv->any_quota = 0;
    for (int i = 0; i < n; i++) {
        any_ruler |= w->nations[i].policy.extraterritorial;
        sv->any_quota |= w->nations[i].policy.export_quota_t[g] >= 0;
        ms->quota_premium[i] = 1.0; /* quota rents ride on the routes' premiums */
    }
    /* buyers aim to hold stock_target_quarters of use, closing half the
     * gap a quarter */
    sv->bh = STOCK_ADJUST * mkt_stock_quarters(w, g);
    /* offtakes ship this quarter, outside the market: their sellers owe
     * them on top of their sales, their buyers count them as held */
    double incoming[CP_MAX_NATIONS];
    deal_committed(w, g, sv->committed, incoming);
    for (int i = 0; i < n; i++) {
        const cp_nation *nat = &w->nations[i];
        mkt_supply *c = &sv->curve[i];
        if (prod_supply(w, g, i, c)) {
            /* buyers spread their orders by what each origin can supply:
             * its stock and its plants' full output, as the inputs allow
             * (so at equal prices every origin runs at the same use of
             * capacity) */
            sv->weight[i] = c->carry_t + c->k * fmin(c->cap, c->qmax);
            if (sv->weight[i] > 1e-9) {
                sv->pos[i] = sv->ns;
                sv->seller[sv->ns++] = i;
            }
        }
        sv->base[i] = w->final_need_t[g][i];
        sv->has_input[i] = prod_input(w, g, i, &sv->input[i]);
        sv->held[i] = nat->stock_t[g] + incoming[i];
        sv->extra[i] = w->stockpile_buy_t[g][i];
        if (sv->base[i] > 0 || sv->extra[i] > 0 || sv->has_input[i])
            sv->buyer[sv->nb++] = i;
        sv->lg[i].n = 0;
        sv->lg[i].n_rationed = 0;
        sv->A[i] = 0;
    }
    sv->any_ruler = any_ruler;
    if (g == CP_ORE)
        prod_heavy_capabilities(w);
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        sv->tax[i] = w->nations[i].policy.export_tax[g];
        sv->ceiling[i] = sv->ref * NO_SUPPLY_PRICE_RATIO;
        if (g == CP_ORE) {
            prod_ore_values(w, i, sv->value[i]);
            double most = 1.0;
            for (int j = 0; j < n; j++)
                most = sv->value[i][j] > most ? sv->value[i][j] : most;
            sv->ceiling[i] *= most;
        }
    }
    /* the buyers' routes now; the other nations' (what they would pay)
     * after the solve (add_routes) */
    add_routes(w, sv, g, sv->buyer, sv->nb);
}

/* Build the routes from every seller to each listed nation: what passes
 * (controls, licences, the extraterritorial rule), the tariff, transport,
 * the ore's value, and the licence premium carried from last quarter. */
static void add_routes(cp_world *w, solve *sv, cp_good g, const int *who, int count)
{
    cp_market_state *ms = &w->mstate[g];
    /* each nation's tariffs on this good, by origin: one row per nation
     * (nations lie far apart in memory; reading them across, seller by
     * seller, would touch a new cache line for every route) */
    double(*tariff)[CP_MAX_NATIONS] = w->mkt_scratch->tariff;
    for (int b = 0; b < count; b++)
        memcpy(tariff[who[b]], w->nations[who[b]].policy.tariff[g], sizeof(double) * (size_t)sv->n);
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        for (int b = 0; b < count; b++) {
            int j = who[b];
            route *r = &sv->rt[i][j];
            double value = 1.0;
            if (i == j) {
                *r = (route){0, 0, 1.0, 0, 0};
            } else {
                r->k = w->route_k[g][i][j];
                r->t = tariff[j][i];
                r->r = route_share(w, g, i, j, &r->licensed, &r->approved);
                if (g == CP_MAGNET && sv->any_ruler)
                    r->r *= extraterritorial_share(w, i, j);
                if (r->r >= 1.0 && w->nations[i].policy.export_quota_t[g] < 0)
                    ms->premium[i][j] = 1.0; /* an open route carries no rent */
            }
            if (g == CP_ORE)
                value = sv->value[i][j];
            legs *lg = &sv->lg[j];
            double a = sv->weight[i] * (i == j ? HOME_BIAS : 1.0);
            sv->A[j] += a;
            int l = lg->n++;
            /* a route nothing passes stays in the buyer's index at an
             * infinite price: its weight in A, nothing in W or B. An
             * export quota of zero passes nothing either: its rent is
             * infinite, not a premium to be searched for. */
            int quota = w->nations[i].policy.export_quota_t[g] >= 0;
            int shut = i != j && quota && !(w->nations[i].policy.export_quota_t[g] > 0);
            lg->on[l] = r->r > 0 && !shut ? 1.0 : 0.0;
            int rationed = i != j && (r->r < 1.0 || quota);
            lg->n_rationed += rationed;
            lg->src[l] = i == j ? CP_MAX_NATIONS + i : i;
            lg->i[l] = i;
            lg->rationed[l] = rationed;
            lg->k[l] = r->k;
            lg->opt[l] = (1.0 + r->t) / value;
            lg->prem[l] = rationed ? ms->premium[i][j] : 1.0;
            lg->a[l] = a;
            lg->r[l] = r->r;
            lg->reff[l] = r->r;
            lg->x[l] = 0;
            lg->cap[l] = 0;
        }
    }
}

/* What nation 'j', which does not buy the good, would pay for it at the
 * settled prices: its CES index over every seller, straight from the
 * routes (no legs: it buys nothing). */
static double others_price(cp_world *w, const solve *sv, cp_good g, int j)
{
    cp_market_state *ms = &w->mstate[g];
    double A = 0, B = 0, s = sv->s;
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double a = sv->weight[i] * (i == j ? HOME_BIAS : 1.0);
        A += a;
        double L;
        if (i == j) {
            L = ms->price[i];
        } else {
            int lic;
            double r = route_share(w, g, i, j, &lic, NULL);
            if (g == CP_MAGNET && sv->any_ruler)
                r *= extraterritorial_share(w, i, j);
            double quota_t = w->nations[i].policy.export_quota_t[g];
            int quota = quota_t >= 0;
            if (r >= 1.0 && !quota)
                ms->premium[i][j] = 1.0; /* an open route carries no rent */
            if (!(r > 0) || (quota && !(quota_t > 0)))
                continue; /* nothing passes: an infinite price */
            double prem = r < 1.0 || quota ? ms->premium[i][j] : 1.0;
            L = (sv->fob[i] + w->route_k[g][i][j]) * (1.0 + w->nations[j].policy.tariff[g][i]) * prem;
        }
        if (g == CP_ORE)
            L /= sv->value[i][j];
        B += a * L * pow_neg(L, s, sv->s_int);
    }
    if (A <= 0)
        return sv->ref;
    if (B <= 0)
        return sv->ref * NO_SUPPLY_PRICE_RATIO;
    return fm_exp(fm_log(B / A) / (1.0 - s));
}

/* Ship, pay and record the quarter's flows at the settled prices. */
static void settle(cp_world *w, solve *sv, cp_good g)
{
    cp_market *mk = &w->market[g];
    cp_market_state *ms = &w->mstate[g];
    int n = sv->n;
    for (int i = 0; i < n; i++)
        memset(mk->flow_t[i], 0, sizeof(double) * (size_t)n);
    double(*X)[CP_MAX_NATIONS] = w->mkt_scratch->X; /* [seller][buyer] */
    for (int q = 0; q < sv->ns; q++)
        memset(X[sv->seller[q]], 0, sizeof(double) * (size_t)n);
    /* hard limits: rationed routes */
    for (int b = 0; b < sv->nb; b++) {
        int j = sv->buyer[b];
        const legs *lg = &sv->lg[j];
        if (!sv->open_trade[j])
            continue;
        for (int l = 0; l < lg->n; l++) {
            double x = lg->x[l];
            if (lg->rationed[l] && x > lg->cap[l])
                x = lg->cap[l] > 0 ? lg->cap[l] : 0;
            X[lg->i[l]][j] = x;
        }
    }
    /* export quotas and what sellers hold */
    const int *who = sv->buyer;
    int nb = sv->nb;
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double E = 0, T = 0;
        for (int b = 0; b < nb; b++)
            if (who[b] != i)
                E += X[i][who[b]];
        double quota = w->nations[i].policy.export_quota_t[g];
        if (quota >= 0 && E > quota) {
            double f = E > 0 ? quota / E : 0;
            for (int b = 0; b < nb; b++)
                if (who[b] != i)
                    X[i][who[b]] *= f;
        }
        for (int b = 0; b < nb; b++)
            T += X[i][who[b]];
        double have = w->nations[i].unsold_t[g];
        if (T > have) {
            double f = have > 0 ? have / T : 0;
            for (int b = 0; b < nb; b++)
                X[i][who[b]] *= f;
        }
    }

    /* the world price of ore is that of standard ore: each seller's tonnes
     * count for the standard ore their NdPr and Dy/Tb are worth */
    double grade[CP_MAX_NATIONS];
    for (int i = 0; i < n; i++)
        grade[i] = g == CP_ORE ? prod_ore_quality(w, i, -1) : 1.0;
    double sold_value = 0, sold_t = 0, traded = 0;
    const double to_musd = 1000.0 / 1e6; /* t * USD/kg -> USD millions */
    for (int b = 0; b < nb; b++) {
        int j = who[b];
        cp_nation *buyer = &w->nations[j];
        double got = 0, bill = 0;
        const legs *lg = &sv->lg[j];
        for (int l = 0; l < lg->n; l++) {
            int i = lg->i[l];
            double x = X[i][j];
            if (x <= 0)
                continue;
            cp_nation *seller = &w->nations[i];
            got += x;
            mk->flow_t[i][j] = x;
            seller->unsold_t[g] -= x;
            if (seller->unsold_t[g] < 0)
                seller->unsold_t[g] = 0;
            sold_value += x * ms->price[i];
            sold_t += x * grade[i];
            if (g == CP_ORE) {
                buyer->ore_stock_light_t += x * seller->ore_light_share;
                buyer->ore_stock_heavy_t += x * seller->ore_heavy_share;
            }
            const route *rt = &sv->rt[i][j];
            if (rt->licensed && rt->r > 0)
                w->licensed_in_t[g][j] +=
                    x * (rt->approved / rt->r) * (1.0 - mkt_defense_diversion(w, i));
            double floor = seller->policy.price_floor_usd_per_kg[g];
            if (floor > ms->price[i]) {
                double musd = (floor - ms->price[i]) * x * to_musd;
                seller->treasury_musd -= musd;
                w->money_q[i][CP_MONEY_PRICE_FLOOR] -= musd;
                seller->floor_paid_musd += musd;
            }
            if (i == j) {
                bill += x * ms->price[i] * to_musd;
                continue;
            }
            double fob = ms->price[i] * ms->quota_premium[i];
            double tax = fob * seller->policy.export_tax[g];
            double cif = fob + tax + rt->k;
            double tariff = cif * rt->t;
            double pre = cif + tariff;
            double rent = pre * (ms->premium[i][j] - 1.0); /* licence or quota rent */
            double landed = pre + rent;
            double paid = x * landed * to_musd;
            bill += paid;
            buyer->import_bill_musd += paid;
            buyer->imports_t[g] += x;
            seller->exports_t[g] += x;
            seller->export_revenue_musd += x * (fob + rent) * to_musd;
            seller->treasury_musd += x * tax * to_musd;
            w->money_q[i][CP_MONEY_EXPORT_TAX] += x * tax * to_musd;
            seller->export_tax_revenue_musd += x * tax * to_musd;
            buyer->treasury_musd += x * tariff * to_musd;
            w->money_q[j][CP_MONEY_TARIFFS] += x * tariff * to_musd;
            buyer->tariff_revenue_musd += x * tariff * to_musd;
            w->ledger.buyers_paid_musd += paid;
            w->ledger.sellers_got_musd += x * (fob + rent) * to_musd;
            w->ledger.export_taxes_musd += x * tax * to_musd;
            w->ledger.tariffs_musd += x * tariff * to_musd;
            w->tariff_paid_musd[g][j][i] += x * tariff * to_musd; /* route by route */
            w->ledger.transport_musd += x * rt->k * to_musd;
            traded += x;
        }
        /* the strategic purchase ordered this turn goes to the stockpile,
         * paid by the treasury at the average price of what arrived */
        double to_pile = 0;
        if (sv->extra[j] > 0 && got > 0) {
            double dx;
            double pile = sv->extra[j] * stockpile_factor(sv, sv->log_P[j] - sv->log_ref, &dx);
            to_pile = sv->D[j] > 0 ? got * (pile / sv->D[j]) : 0;
            if (to_pile > got)
                to_pile = got;
            buyer->stockpile_t[g] += to_pile;
            buyer->treasury_musd -= bill * (to_pile / got);
            w->money_q[j][CP_MONEY_STOCKPILE] -= bill * (to_pile / got);
            w->pile_got_t[g][j] += to_pile;
            w->pile_paid_musd[g][j] += bill * (to_pile / got);
        }
        buyer->stock_t[g] += got - to_pile;
    }
    for (int i = 0; i < n; i++) {
        w->nations[i].price_paid_usd_per_kg[g] = sv->P[i];
        w->nations[i].producer_price_usd_per_kg[g] = ms->price[i];
    }
    mk->traded_t += traded;
    if (sold_t > 0)
        mk->world_price_usd_per_kg = sold_value / sold_t;
}

void mkt_clear(cp_world *w, cp_good g)
{
    assert(w->mkt_scratch); /* made with the world (mkt_scratch_alloc) */
    solve *sv = &w->mkt_scratch->sv;
    cp_market_state *ms = &w->mstate[g];
    cp_market *mk = &w->market[g];
    setup(w, sv, g);
    double Z[CP_MAX_NATIONS], dS[CP_MAX_NATIONS];
    /* The last accepted point: its prices, excess demands, slopes and
     * Jacobian. A step that leaves more excess demand than it started
     * from is taken again from there with four times the damping; a step
     * that helps lets the damping fall fourfold. */
    double(*acc_J)[CP_MAX_NATIONS] = w->mkt_scratch->acc_J;
    double acc_price[CP_MAX_NATIONS], acc_Z[CP_MAX_NATIONS], acc_dS[CP_MAX_NATIONS],
        acc_T[CP_MAX_NATIONS];
    double acc_gap = -1, acc_volume = 0, mu = 0;
    int rejected = 0; /* steps rejected in a row */
    int it = 0, settled = 0;
    double residual = 0;
    /* The Jacobian is built on the first pass and again only where the
     * last step did not at least halve the excess demand: while Newton
     * converges, the Jacobian of the accepted point steers the next steps
     * too (a chord method), and a pass costs the flows alone. */
    sv->want_jacobian = 1;
    for (;;) {
        update_fob(ms, sv);
        buyers_pass(w, ms, sv, g, sv->buyer, sv->nb, 0);
        double volume = 0;
        double gap = sellers_gap(ms, sv, &volume, Z, dS) + sv->route_gap;
        residual = volume > 1e-9 ? gap / volume : (gap > 1e-9 ? 1.0 : 0.0);
        it++;
        if (gap <= SETTLE_TOLERANCE * volume + 1e-9) {
            settled = 1;
            break;
        }
        if (it >= MAX_ITERATIONS)
            break;
        if (acc_gap >= 0 && gap > acc_gap * (1.0 + 1e-9)) {
            /* worse: back to the accepted point, damped harder */
            rejected++;
            mu = mu > 0 ? mu * 4.0 : 0.25;
            for (int q = 0; q < sv->ns; q++)
                ms->price[sv->seller[q]] = acc_price[q];
            sellers_step(ms, sv, acc_J, w->mkt_scratch->a, acc_Z, acc_dS, acc_T, acc_volume, mu);
            continue;
        }
        if (acc_gap >= 0)
            mu = rejected ? 0.25 : (mu > 1e-3 ? mu / 4.0 : 0);
        rejected = 0;
        int fresh = sv->want_jacobian;
        /* the next pass builds a Jacobian unless this step halved the gap */
        sv->want_jacobian = acc_gap >= 0 && gap > 0.5 * acc_gap;
        acc_gap = gap;
        acc_volume = volume;
        for (int q = 0; q < sv->ns; q++) {
            int i = sv->seller[q];
            acc_price[q] = ms->price[i];
            acc_Z[q] = Z[q];
            acc_dS[q] = dS[q];
            acc_T[q] = sv->T[i];
            if (fresh)
                memcpy(acc_J[q], sv->J[q], sizeof(double) * (size_t)sv->ns);
        }
        sellers_step(ms, sv, acc_J, w->mkt_scratch->a, acc_Z, acc_dS, acc_T, acc_volume, mu);
    }
    mk->solve_iterations = it;
    mk->solve_residual = residual;
    mk->solve_capped = !settled;
    /* every buyer's index at the settled prices, and every other nation's
     * (what it would pay) from its legs */
    int others[CP_MAX_NATIONS], no = 0;
    for (int j = 0, b = 0; j < sv->n; j++) {
        if (b < sv->nb && sv->buyer[b] == j) {
            b++;
            continue;
        }
        others[no++] = j;
    }
    for (int b = 0; b < sv->nb; b++) {
        int j = sv->buyer[b];
        if (sv->open_trade[j])
            sv->P[j] = fm_exp(sv->log_P[j]);
    }
    for (int b = 0; b < no; b++)
        sv->P[others[b]] = others_price(w, sv, g, others[b]);
    /* the sellers make what they offered at the settled price, ship what
     * offtakes owe, then what the market bought */
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        prod_commit(w, g, i, &sv->curve[i], ms->price[i]);
    }
    deal_deliver(w, g);
    settle(w, sv, g);
}
