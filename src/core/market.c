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

double mkt_route_share(const cp_world *w, cp_good g, int from, int to, int *licensed)
{
    if (licensed)
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
        if (licensed)
            *licensed = 1;
        return share * (1.0 - w->approvals_cut[from]);
    }
    return f->policy.tracking ? w->sc->leakage_share_tracked : w->sc->leakage_share;
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

typedef struct {
    int n, ns;
    int seller[CP_MAX_NATIONS];
    double offer[CP_MAX_NATIONS]; /* by nation */
    double share[CP_MAX_NATIONS];
    double base[CP_MAX_NATIONS], held[CP_MAX_NATIONS], extra[CP_MAX_NATIONS];
    double P[CP_MAX_NATIONS], D[CP_MAX_NATIONS];
    double log_ref; /* log of the reference price */
    double tax[CP_MAX_NATIONS], fob[CP_MAX_NATIONS];
    route rt[CP_MAX_NATIONS][CP_MAX_NATIONS];
    double X[CP_MAX_NATIONS][CP_MAX_NATIONS];   /* [seller][buyer] */
    double L[CP_MAX_NATIONS][CP_MAX_NATIONS];
    double cap[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* for rationed routes */
} solve;

/* Landed price from seller i to buyer j, without the licence premium. */
static double landed_base(const cp_market_state *ms, const solve *sv, int i, int j)
{
    if (i == j)
        return ms->price[i];
    const route *r = &sv->rt[i][j];
    return (sv->fob[i] + r->k) * (1.0 + r->t);
}

/* Sellers' export prices at the current producer prices and quota rents. */
static void update_fob(const cp_market_state *ms, solve *sv)
{
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        sv->fob[i] = ms->price[i] * ms->quota_premium[i] * (1.0 + sv->tax[i]);
    }
}

/* One buyer's choice at current prices: price index, demand, flows; and
 * the premiums on its rationed routes move toward what the caps allow. */
static void buyer_pass(const cp_world *w, cp_market_state *ms, solve *sv, cp_good g, int j,
                       int update_premiums)
{
    const cp_good_params *gp = &w->sc->goods[g];
    double s = gp->substitution;
    int s_int = (s == floor(s) && s <= 16) ? (int)s : 0;
    double A = 0, B = 0, W = 0;
    double wt[CP_MAX_NATIONS];
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double r = sv->rt[i][j].r;
        if (r <= 0) {
            wt[q] = 0;
            continue;
        }
        double L = landed_base(ms, sv, i, j) * (i == j || r >= 1.0 ? 1.0 : ms->premium[i][j]);
        sv->L[i][j] = L;
        double a = sv->offer[i] * (i == j ? HOME_BIAS : 1.0);
        double lw = pow_neg(L, s, s_int);
        wt[q] = a * lw;
        A += a;
        B += a * lw * L;
        W += wt[q];
    }
    if (A <= 0 || W <= 0) {
        sv->P[j] = ms->price[j];
        sv->D[j] = 0;
        for (int q = 0; q < sv->ns; q++)
            sv->X[sv->seller[q]][j] = 0;
        return;
    }
    /* one log serves both the price index and the demand; the index itself
     * is only needed once prices have settled */
    double log_P = fm_log(B / A) / (1.0 - s);
    if (!update_premiums)
        sv->P[j] = fm_exp(log_P);
    if (sv->base[j] <= 0 && sv->extra[j] <= 0) {
        /* a nation that does not buy this good: its price index is all it
         * needs, and the iterations never gave it flows to clear */
        sv->D[j] = 0;
        return;
    }
    double want = sv->base[j] > 0
                      ? sv->base[j] * fm_exp(-gp->demand_elasticity * (log_P - sv->log_ref))
                      : 0;
    double D = want - sv->held[j];
    if (D < 0)
        D = 0;
    D += sv->extra[j];
    sv->D[j] = D;
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double x = wt[q] / W * D;
        sv->X[i][j] = x;
        const route *rt = &sv->rt[i][j];
        if (i == j || rt->r >= 1.0 || wt[q] <= 0)
            continue;
        /* what the buyer would ask of this route with no premium: the cap
         * is the passing share of that request */
        double m = ms->premium[i][j];
        double w0 = wt[q] * pow_neg(1.0 / m, s, s_int);
        double request = w0 / (W - wt[q] + w0) * D;
        double cap = rt->r * request;
        sv->cap[i][j] = cap;
        if (update_premiums && D > 0) {
            /* a damped step toward the premium at which the request fits:
             * m <- m (x / cap)^(0.6 / s), linearised (a numerical device, not
             * a price, so the exact power buys nothing) */
            double ratio = cap > 1e-12 ? x / cap : 4.0;
            if (ratio > 4.0)
                ratio = 4.0;
            double next = m * (1.0 + 0.6 / s * (ratio - 1.0));
            ms->premium[i][j] = next < 1.0 ? 1.0 : next;
        }
    }
}

/* Move each seller's price by the excess demand it faces. */
static void seller_pass(const cp_world *w, cp_market_state *ms, solve *sv, cp_good g)
{
    const cp_good_params *gp = &w->sc->goods[g];
    double e = gp->demand_elasticity, s = gp->substitution;
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double T = 0, E = 0;
        for (int j = 0; j < sv->n; j++) {
            T += sv->X[i][j];
            if (j != i)
                E += sv->X[i][j];
        }
        double ratio = T / sv->offer[i];
        if (ratio < 1e-3)
            ratio = 1e-3;
        double step = 0.8 / (e + (s - e) * (1.0 - sv->share[i]) + 0.05);
        double f = fm_pow(ratio, step);
        if (f > 1.6)
            f = 1.6;
        if (f < 0.6)
            f = 0.6;
        ms->price[i] *= f;
        /* numerical guards only, a million times either way of the reference */
        double ref = gp->reference_price_usd_per_kg;
        if (ms->price[i] < ref * 1e-6)
            ms->price[i] = ref * 1e-6;
        if (ms->price[i] > ref * 1e6)
            ms->price[i] = ref * 1e6;
        double quota = w->nations[i].policy.export_quota_t[g];
        if (quota >= 0) {
            double qr = quota > 1e-9 ? E / quota : (E > 1e-9 ? 4.0 : 1.0);
            double next = ms->quota_premium[i] * fm_pow(qr, 0.6 / s);
            ms->quota_premium[i] = next < 1.0 ? 1.0 : next;
        } else {
            ms->quota_premium[i] = 1.0;
        }
    }
}

static void setup(cp_world *w, solve *sv, cp_good g)
{
    const cp_good_params *gp = &w->sc->goods[g];
    int n = w->nation_count;
    sv->n = n;
    sv->ns = 0;
    sv->log_ref = fm_log(gp->reference_price_usd_per_kg);
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
    }
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        memset(sv->X[i], 0, sizeof sv->X[i]);
        sv->share[i] = sv->offer[i] / total;
        sv->tax[i] = w->nations[i].policy.export_tax[g];
        for (int j = 0; j < n; j++) {
            route *r = &sv->rt[i][j];
            if (i == j) {
                *r = (route){0, 0, 1.0, 0};
                continue;
            }
            r->k = gp->transport_usd_per_kg_per_10000km * w->transport_km[i][j] / 10000.0;
            r->t = w->nations[j].policy.tariff[g][i];
            r->r = mkt_route_share(w, g, i, j, &r->licensed);
            if (r->r >= 1.0) /* an open route carries no licence rent */
                w->mstate[g].premium[i][j] = 1.0;
        }
    }
}

/* Ship, pay and record the quarter's flows. */
static void settle(cp_world *w, const solve *sv, cp_good g)
{
    cp_market *mk = &w->market[g];
    cp_market_state *ms = &w->mstate[g];
    int n = sv->n;
    for (int i = 0; i < n; i++)
        memset(mk->flow_t[i], 0, sizeof(double) * (size_t)n);
    double X[CP_MAX_NATIONS][CP_MAX_NATIONS];
    for (int q = 0; q < sv->ns; q++)
        memcpy(X[sv->seller[q]], sv->X[sv->seller[q]], sizeof(double) * (size_t)n);

    /* hard limits: rationed routes, export quotas, what sellers hold */
    for (int q = 0; q < sv->ns; q++) {
        int i = sv->seller[q];
        double E = 0, T = 0;
        for (int j = 0; j < n; j++) {
            if (j != i && sv->rt[i][j].r < 1.0 && X[i][j] > sv->cap[i][j])
                X[i][j] = sv->cap[i][j] > 0 ? sv->cap[i][j] : 0;
            if (j != i)
                E += X[i][j];
        }
        double quota = w->nations[i].policy.export_quota_t[g];
        if (quota >= 0 && E > quota) {
            double f = E > 0 ? quota / E : 0;
            for (int j = 0; j < n; j++)
                if (j != i)
                    X[i][j] *= f;
        }
        for (int j = 0; j < n; j++)
            T += X[i][j];
        if (T > sv->offer[i]) {
            double f = sv->offer[i] / T;
            for (int j = 0; j < n; j++)
                X[i][j] *= f;
        }
    }

    double sold_value = 0, sold_t = 0, traded = 0;
    for (int j = 0; j < n; j++) {
        cp_nation *buyer = &w->nations[j];
        double got = 0, bill = 0;
        for (int q = 0; q < sv->ns; q++) {
            int i = sv->seller[q];
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
    for (int q = 0; q < sv.ns; q++)
        memset(sv.cap[sv.seller[q]], 0, sizeof(double) * (size_t)sv.n);
    for (int it = 0; it < ITERATIONS; it++) {
        update_fob(ms, &sv);
        for (int j = 0; j < sv.n; j++)
            if (sv.base[j] > 0 || sv.extra[j] > 0)
                buyer_pass(w, ms, &sv, g, j, 1);
        if (sv.ns > 0)
            seller_pass(w, ms, &sv, g);
    }
    /* final pass at the settled prices: every nation gets a price index */
    update_fob(ms, &sv);
    for (int j = 0; j < sv.n; j++)
        buyer_pass(w, ms, &sv, g, j, 0);
    settle(w, &sv, g);
}
