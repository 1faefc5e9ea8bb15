/* market.c -- one good's spatial price equilibrium for one quarter.
 *
 * Sellers are the nations holding unsold output of the good; buyers are the
 * nations whose plants or industries need it. Each buyer j sees, from each
 * seller i, a landed price
 *
 *     L_ij = ((p_i q_i (1 + x_i) + k_ij) (1 + t_ij)) m_ij
 *
 * (producer price p, export-quota rent q >= 1, export tax x, transport k,
 * tariff t, licence premium m >= 1), splits its purchases between origins
 * as near-perfect substitutes (CES with elasticity s, origins weighted by
 * what they offer, home origin preferred), and buys
 *
 *     D_j = max(0, B_j (1 + stock target) (P_j / P_ref)^-e - held_j)
 *
 * where P_j is its CES price index. Producer prices move by the excess
 * demand each seller faces, p_i <- p_i (demand_i / offer_i)^w_i, with a step
 * w_i sized to how elastic that seller's demand is (a dominant seller faces
 * the world's small demand elasticity, a small one the large substitution
 * elasticity). A fixed number of iterations per quarter, warm-started from
 * last quarter's prices, makes the solve deterministic and cheap; across
 * quarters it converges to the equilibrium, and prices are never clamped.
 *
 * Export controls act on routes: a licensed route passes only the approved
 * share of what its buyer asks for, a banned one only the transshipment
 * leakage (smaller when the exporter tracks its goods). The buyer bids a
 * premium m_ij on a rationed route until its demand fits, so a control
 * raises prices abroad while the unsold goods push the exporter's own
 * price down. An export quota works the same way on all of a seller's
 * exports at once.
 *
 * Goods and money are conserved exactly: what sellers ship leaves their
 * unsold stock and arrives in the buyers' stocks (or strategic stockpiles),
 * and what buyers pay splits into producer revenue and rents, export taxes,
 * transport and tariffs.
 */
#include <math.h>
#include <string.h>

#include "fastmath.h"
#include "world_internal.h"

enum { ITERATIONS = 4 };

static const double HOME_BIAS = 4.0;

typedef struct {
    double k;       /* transport, USD/kg */
    double t;       /* tariff */
    double r;       /* share of requests that may pass (1 = open) */
    int licensed;
} route;

static inline double route_share(const cp_world *w, cp_good g, int from, int to, int *licensed)
{
    *licensed = 0;
    if (from == to)
        return 1.0;
    const cp_nation *f = &w->nations[from];
    const cp_export_control *c = &f->policy.control[g][to];
    cp_control_mode mode = c->suspended_turns > 0 ? c->fallback_mode : c->mode;
    double share = c->suspended_turns > 0 ? c->fallback_share : c->approval_share;
    if (mode == CP_CONTROL_OPEN)
        return 1.0;
    if (mode == CP_CONTROL_LICENSED) {
        *licensed = 1;
        return share * (1.0 - w->approvals_cut[from]);
    }
    return f->policy.tracking ? w->sc->leakage_share_tracked : w->sc->leakage_share;
}

double mkt_route_share(const cp_world *w, cp_good g, int from, int to, int *licensed)
{
    int lic;
    double r = route_share(w, g, from, to, &lic);
    if (licensed)
        *licensed = lic;
    return r;
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
 * from sellers whose share r > 0, in seller order). Everything that does not
 * move within the quarter is set once; a leg's landed price is then
 *
 *     L = (src + k) * opt * prem
 *
 * with src its seller's export price (or, at home, the producer price, with
 * k = 0 and opt = prem = 1, which leaves it exact), opt = 1 + tariff, and
 * prem the licence premium (1 on an open route). One formula, no branch. */
typedef struct {
    int n;
    int src[CP_MAX_NATIONS];    /* index into the pass's price table */
    int i[CP_MAX_NATIONS];      /* seller nation */
    int rationed[CP_MAX_NATIONS];
    double k[CP_MAX_NATIONS];   /* transport, USD/kg */
    double opt[CP_MAX_NATIONS]; /* 1 + tariff */
    double prem[CP_MAX_NATIONS];
    double a[CP_MAX_NATIONS];   /* weight on this origin: its offer, home preferred */
    double wt[CP_MAX_NATIONS];  /* a L^-s at the pass's prices */
} legs;

typedef struct {
    int n, ns, nb;
    int s_int; /* the substitution elasticity when whole, else 0 */
    double s;
    int seller[CP_MAX_NATIONS]; /* nations holding the good, ascending */
    int buyer[CP_MAX_NATIONS];  /* nations that buy it, ascending */
    double offer[CP_MAX_NATIONS]; /* by nation */
    double share[CP_MAX_NATIONS], step[CP_MAX_NATIONS];
    double base[CP_MAX_NATIONS], held[CP_MAX_NATIONS], extra[CP_MAX_NATIONS];
    double P[CP_MAX_NATIONS], D[CP_MAX_NATIONS];
    double T[CP_MAX_NATIONS], E[CP_MAX_NATIONS]; /* a seller's sales, and its exports */
    double log_ref; /* log of the reference price */
    double tax[CP_MAX_NATIONS], fob[CP_MAX_NATIONS];
    /* a buyer's pass, kept between its steps (by nation) */
    double A[CP_MAX_NATIONS], B[CP_MAX_NATIONS], W[CP_MAX_NATIONS], log_P[CP_MAX_NATIONS];
    int open_trade[CP_MAX_NATIONS]; /* the buyer can buy at a price this pass */
    double price_table[2 * CP_MAX_NATIONS]; /* export prices, then home prices */
    legs lg[CP_MAX_NATIONS];                /* by buyer */
    route rt[CP_MAX_NATIONS][CP_MAX_NATIONS];   /* [seller][buyer] */
    double X[CP_MAX_NATIONS][CP_MAX_NATIONS];   /* [seller][buyer] */
    double cap[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* for rationed routes */
} solve;

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
        double wt = lg->a[l] * pow_neg(L, s, s_int);
        lg->wt[l] = wt;
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

/* Buyers' price indices and demands from their sums. Each log and each
 * exponential is a long chain of dependent arithmetic; run in loops of
 * their own, one buyer's beside the next, the chains overlap in the CPU. */
static void buyers_demand(const cp_world *w, cp_market_state *ms, solve *sv, cp_good g,
                          const int *who, int count, int final)
{
    double e = w->sc->goods[g].demand_elasticity;
    int priced[CP_MAX_NATIONS], np = 0;  /* buyers with an origin to buy from */
    int buying[CP_MAX_NATIONS], nbuy = 0; /* those of them that buy the good */
    for (int b = 0; b < count; b++) {
        int j = who[b];
        if (sv->A[j] <= 0 || sv->W[j] <= 0) {
            sv->open_trade[j] = 0;
            sv->P[j] = ms->price[j];
            sv->D[j] = 0;
            continue;
        }
        priced[np++] = j;
        /* a nation that does not buy this good needs only its price index,
         * and the iterations never gave it flows to clear */
        sv->open_trade[j] = sv->base[j] > 0 || sv->extra[j] > 0;
        if (sv->open_trade[j])
            buying[nbuy++] = j;
        else
            sv->D[j] = 0;
    }
    /* one log serves both the price index and the demand; the index itself
     * is only needed once prices have settled */
    for (int b = 0; b < np; b++) {
        int j = priced[b];
        sv->log_P[j] = fm_log(sv->B[j] / sv->A[j]) / (1.0 - sv->s);
    }
    if (final)
        for (int b = 0; b < np; b++)
            sv->P[priced[b]] = fm_exp(sv->log_P[priced[b]]);
    for (int b = 0; b < nbuy; b++) {
        int j = buying[b];
        double want = sv->base[j] > 0 ? sv->base[j] * fm_exp(-e * (sv->log_P[j] - sv->log_ref)) : 0;
        double D = want - sv->held[j];
        if (D < 0)
            D = 0;
        D += sv->extra[j];
        sv->D[j] = D;
    }
}

/* A buyer's purchases split between its origins; the premiums on its
 * rationed routes move toward what the caps allow. */
static inline void buyer_flows(cp_market_state *ms, solve *sv, int j, int iterating)
{
    legs *lg = &sv->lg[j];
    if (!sv->open_trade[j]) {
        if (!iterating)
            for (int l = 0; l < lg->n; l++)
                sv->X[lg->i[l]][j] = 0;
        return;
    }
    double W = sv->W[j], D = sv->D[j], s = sv->s;
    for (int l = 0; l < lg->n; l++) {
        int i = lg->i[l];
        double wt = lg->wt[l];
        double x = wt / W * D;
        if (iterating) {
            /* what each seller sells, summed buyer by buyer in the order
             * the buyers come (ascending), for the seller pass */
            sv->T[i] += x;
            if (i != j)
                sv->E[i] += x;
        } else {
            sv->X[i][j] = x; /* what the market settles */
        }
        if (!lg->rationed[l] || wt <= 0)
            continue;
        /* what the buyer would ask of this route with no premium: the cap
         * is the passing share of that request */
        double m = lg->prem[l];
        double w0 = wt * pow_neg(1.0 / m, s, sv->s_int);
        double request = w0 / (W - wt + w0) * D;
        double cap = sv->rt[i][j].r * request;
        sv->cap[i][j] = cap;
        if (iterating && D > 0) {
            /* a damped step toward the premium at which the request fits:
             * m <- m (x / cap)^(0.6 / s), linearised (a numerical device, not
             * a price, so the exact power buys nothing) */
            double ratio = cap > 1e-12 ? x / cap : 4.0;
            if (ratio > 4.0)
                ratio = 4.0;
            double next = m * (1.0 + 0.6 / s * (ratio - 1.0));
            lg->prem[l] = ms->premium[i][j] = next < 1.0 ? 1.0 : next;
        }
    }
}

/* Every listed buyer's choice at current prices, in three sweeps. */
static void buyers_pass(const cp_world *w, cp_market_state *ms, solve *sv, cp_good g,
                        const int *who, int count, int final)
{
    for (int b = 0; b < count; b++)
        buyer_weigh(sv, who[b]);
    buyers_demand(w, ms, sv, g, who, count, final);
    if (final) {
        for (int b = 0; b < count; b++)
            if (sv->base[who[b]] > 0 || sv->extra[who[b]] > 0)
                buyer_flows(ms, sv, who[b], 0);
        return;
    }
    for (int q = 0; q < sv->ns; q++)
        sv->T[sv->seller[q]] = sv->E[sv->seller[q]] = 0;
    for (int b = 0; b < count; b++)
        buyer_flows(ms, sv, who[b], 1);
}

/* Move each seller's price by the excess demand it faces. */
static void seller_pass(const cp_world *w, cp_market_state *ms, solve *sv, cp_good g)
{
    const cp_good_params *gp = &w->sc->goods[g];
    double s = gp->substitution;
    double f[CP_MAX_NATIONS];
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double ratio = sv->T[i] / sv->offer[i];
        f[q] = ratio < 1e-3 ? 1e-3 : ratio;
    }
    for (int q = 0; q < sv->ns; q++) /* independent powers, side by side */
        f[q] = fm_pow(f[q], sv->step[sv->seller[q]]);
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        if (f[q] > 1.6)
            f[q] = 1.6;
        if (f[q] < 0.6)
            f[q] = 0.6;
        ms->price[i] *= f[q];
        /* numerical guards only, a million times either way of the reference */
        double ref = gp->reference_price_usd_per_kg;
        if (ms->price[i] < ref * 1e-6)
            ms->price[i] = ref * 1e-6;
        if (ms->price[i] > ref * 1e6)
            ms->price[i] = ref * 1e6;
        double quota = w->nations[i].policy.export_quota_t[g];
        if (quota >= 0) {
            double qr = quota > 1e-9 ? sv->E[i] / quota : (sv->E[i] > 1e-9 ? 4.0 : 1.0);
            double next = ms->quota_premium[i] * fm_pow(qr, 0.6 / s);
            ms->quota_premium[i] = next < 1.0 ? 1.0 : next;
        } else {
            ms->quota_premium[i] = 1.0;
        }
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

static void setup(cp_world *w, solve *sv, cp_good g)
{
    if (!w->route_k_ready)
        fill_route_k(w);
    const cp_good_params *gp = &w->sc->goods[g];
    int n = w->nation_count;
    sv->n = n;
    sv->ns = sv->nb = 0;
    sv->s = gp->substitution;
    sv->s_int = (sv->s == floor(sv->s) && sv->s <= 16) ? (int)sv->s : 0;
    sv->log_ref = fm_log(gp->reference_price_usd_per_kg);
    double e = gp->demand_elasticity, s = gp->substitution;
    double total = 0;
    for (int i = 0; i < n; i++) {
        const cp_nation *nat = &w->nations[i];
        sv->offer[i] = nat->unsold_t[g];
        if (sv->offer[i] > 1e-9) {
            sv->seller[sv->ns++] = i;
            total += sv->offer[i];
        }
        sv->base[i] = cons_need_t(w, i, g) * (1.0 + w->sc->stock_target_quarters);
        sv->held[i] = nat->stock_t[g];
        sv->extra[i] = w->stockpile_buy_t[g][i];
        if (sv->base[i] > 0 || sv->extra[i] > 0)
            sv->buyer[sv->nb++] = i;
        sv->lg[i].n = 0;
        sv->A[i] = 0;
    }
    /* each buyer's tariffs on this good, by origin: one row per nation
     * (nations lie far apart in memory; reading them across, seller by
     * seller, would touch a new cache line for every route) */
    static _Thread_local double tariff[CP_MAX_NATIONS][CP_MAX_NATIONS];
    for (int j = 0; j < n; j++)
        memcpy(tariff[j], w->nations[j].policy.tariff[g], sizeof(double) * (size_t)n);
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        memset(sv->X[i], 0, sizeof(double) * (size_t)n);
        memset(sv->cap[i], 0, sizeof(double) * (size_t)n);
        sv->share[i] = sv->offer[i] / total;
        /* the price step is sized to how elastic this seller's demand is */
        sv->step[i] = 0.8 / (e + (s - e) * (1.0 - sv->share[i]) + 0.05);
        sv->tax[i] = w->nations[i].policy.export_tax[g];
        for (int j = 0; j < n; j++) {
            route *r = &sv->rt[i][j];
            if (i == j) {
                *r = (route){0, 0, 1.0, 0};
            } else {
                r->k = w->route_k[g][i][j];
                r->t = tariff[j][i];
                r->r = route_share(w, g, i, j, &r->licensed);
                if (r->r >= 1.0) /* an open route carries no licence rent */
                    w->mstate[g].premium[i][j] = 1.0;
            }
            if (r->r <= 0)
                continue; /* nothing passes: the buyer does not weigh it */
            legs *lg = &sv->lg[j];
            int l = lg->n++;
            int rationed = i != j && r->r < 1.0;
            lg->src[l] = i == j ? CP_MAX_NATIONS + i : i;
            lg->i[l] = i;
            lg->rationed[l] = rationed;
            lg->k[l] = r->k;
            lg->opt[l] = 1.0 + r->t;
            lg->prem[l] = rationed ? w->mstate[g].premium[i][j] : 1.0;
            lg->a[l] = sv->offer[i] * (i == j ? HOME_BIAS : 1.0);
            sv->A[j] += lg->a[l];
        }
    }
}

/* Ship, pay and record the quarter's flows. */
static void settle(cp_world *w, solve *sv, cp_good g)
{
    cp_market *mk = &w->market[g];
    cp_market_state *ms = &w->mstate[g];
    int n = sv->n;
    for (int i = 0; i < n; i++)
        memset(mk->flow_t[i], 0, sizeof(double) * (size_t)n);
    double (*X)[CP_MAX_NATIONS] = sv->X; /* the solve is done with its flows: cut them in place */

    /* hard limits: rationed routes, export quotas, what sellers hold (only
     * buyers have flows: the others' are zero and stay so) */
    const int *who = sv->buyer;
    int nb = sv->nb;
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double E = 0, T = 0;
        for (int b = 0; b < nb; b++) {
            int j = who[b];
            if (j != i && sv->rt[i][j].r < 1.0 && X[i][j] > sv->cap[i][j])
                X[i][j] = sv->cap[i][j] > 0 ? sv->cap[i][j] : 0;
            if (j != i)
                E += X[i][j];
        }
        double quota = w->nations[i].policy.export_quota_t[g];
        if (quota >= 0 && E > quota) {
            double f = E > 0 ? quota / E : 0;
            for (int b = 0; b < nb; b++)
                if (who[b] != i)
                    X[i][who[b]] *= f;
        }
        for (int b = 0; b < nb; b++)
            T += X[i][who[b]];
        if (T > sv->offer[i]) {
            double f = sv->offer[i] / T;
            for (int b = 0; b < nb; b++)
                X[i][who[b]] *= f;
        }
    }

    double sold_value = 0, sold_t = 0, traded = 0;
    for (int j = 0; j < n; j++) {
        cp_nation *buyer = &w->nations[j];
        double got = 0, bill = 0;
        /* a buyer's flows come over its legs, in seller order; a nation
         * that does not buy has none */
        const legs *lg = &sv->lg[j];
        int nlegs = sv->base[j] > 0 || sv->extra[j] > 0 ? lg->n : 0;
        for (int l = 0; l < nlegs; l++) {
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
            sold_t += x;
            if (g == CP_ORE) {
                buyer->ore_stock_light_t += x * seller->ore_light_share;
                buyer->ore_stock_heavy_t += x * seller->ore_heavy_share;
            }
            if (sv->rt[i][j].licensed)
                w->licensed_in_t[g][j] += x;
            double floor = seller->policy.price_floor_usd_per_kg[g];
            if (floor > ms->price[i]) {
                double musd = (floor - ms->price[i]) * x * 1000.0 / 1e6;
                seller->treasury_musd -= musd;
                seller->floor_paid_musd += musd;
            }
            if (i == j) {
                bill += x * ms->price[i] * 1000.0 / 1e6;
                continue;
            }
            /* USD millions: t * USD/kg * 1000 kg/t / 1e6 */
            const double to_musd = 1000.0 / 1e6;
            double fob = ms->price[i] * ms->quota_premium[i];
            double tax = fob * seller->policy.export_tax[g];
            double cif = fob + tax + sv->rt[i][j].k;
            double tariff = cif * sv->rt[i][j].t;
            double pre = cif + tariff;
            double rent = sv->rt[i][j].r < 1.0 ? pre * (ms->premium[i][j] - 1.0) : 0.0;
            double landed = pre + rent;
            double paid = x * landed * to_musd;
            bill += paid;
            buyer->import_bill_musd += paid;
            buyer->imports_t[g] += x;
            seller->exports_t[g] += x;
            seller->export_revenue_musd += x * (fob + rent) * to_musd;
            seller->treasury_musd += x * tax * to_musd;
            seller->export_tax_revenue_musd += x * tax * to_musd;
            buyer->treasury_musd += x * tariff * to_musd;
            buyer->tariff_revenue_musd += x * tariff * to_musd;
            w->ledger.buyers_paid_musd += paid;
            w->ledger.sellers_got_musd += x * (fob + rent) * to_musd;
            w->ledger.export_taxes_musd += x * tax * to_musd;
            w->ledger.tariffs_musd += x * tariff * to_musd;
            w->tariff_paid_musd[g][j][i] += x * tariff * to_musd; /* route by route */
            w->ledger.transport_musd += x * sv->rt[i][j].k * to_musd;
            traded += x;
        }
        /* the strategic purchase ordered this turn goes to the stockpile,
         * paid by the treasury at the average price of what arrived */
        double to_pile = 0;
        if (sv->extra[j] > 0 && got > 0) {
            to_pile = got * (sv->extra[j] / sv->D[j]);
            if (to_pile > got)
                to_pile = got;
            buyer->stockpile_t[g] += to_pile;
            buyer->treasury_musd -= bill * (to_pile / got);
        }
        buyer->stock_t[g] += got - to_pile;
        buyer->price_paid_usd_per_kg[g] = sv->P[j];
    }
    for (int i = 0; i < n; i++)
        w->nations[i].producer_price_usd_per_kg[g] = ms->price[i];
    mk->traded_t = traded;
    if (sold_t > 0)
        mk->world_price_usd_per_kg = sold_value / sold_t;
}

void mkt_clear(cp_world *w, cp_good g)
{
    static _Thread_local solve sv; /* large: kept off the stack */
    cp_market_state *ms = &w->mstate[g];
    deal_deliver(w, g);
    setup(w, &sv, g);
    for (int it = 0; it < ITERATIONS; it++) {
        update_fob(ms, &sv);
        buyers_pass(w, ms, &sv, g, sv.buyer, sv.nb, 0);
        if (sv.ns > 0)
            seller_pass(w, ms, &sv, g);
    }
    /* final pass at the settled prices: every nation gets a price index */
    int everyone[CP_MAX_NATIONS];
    for (int j = 0; j < sv.n; j++)
        everyone[j] = j;
    update_fob(ms, &sv);
    buyers_pass(w, ms, &sv, g, everyone, sv.n, 1);
    settle(w, &sv, g);
}
