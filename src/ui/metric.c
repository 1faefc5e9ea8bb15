/* metric.c -- map metrics: what each one measures, read from the world or its history. */
#include "metric.h"

#include <math.h>
#include <stdio.h>

#include "fmt.h"
#include "labels.h"

static const metric_info infos[METRIC_COUNT] = {
    [METRIC_MINE_OUTPUT] = {"Mine output", 0, SCALE_LOG, 0,
                            "Ore mined this quarter by the nation's mines, in tonnes of "
                            "rare-earth oxide (REO)."},
    [METRIC_SEPARATION_SHARE] = {"Separation share", 0, SCALE_SQRT, 1,
                                 "The nation's share of all ore separated into oxides in the "
                                 "world this quarter."},
    [METRIC_DEMAND_MET] = {"Magnet demand met", 0, SCALE_LINEAR, 1,
                           "Share of the nation's demand for NdFeB magnets that its users "
                           "could meet this quarter."},
    [METRIC_STOCKS] = {"Stockpile", 1, SCALE_LOG, 0,
                       "Tonnes of the selected good held in the nation: users' inventory "
                       "plus the state's strategic stockpile."},
    [METRIC_SHORTAGE] = {"Shortage", 1, SCALE_LINEAR, 1,
                         "Share of the nation's final demand for the selected good that went "
                         "unmet this quarter."},
    [METRIC_PRICE_PAID] = {"Price paid", 1, SCALE_LINEAR, 0,
                           "Composite price the nation's buyers paid for the selected good "
                           "this quarter: origins' prices with export taxes, transport and "
                           "tariffs, weighted by what they bought."},
};

const metric_info *metric_get(metric_id m)
{
    return &infos[(unsigned)m < METRIC_COUNT ? m : 0];
}

static double share(double part, double whole)
{
    return whole > 1e-9 ? part / whole : NAN;
}

double metric_value(const cp_world *w, metric_id m, int nation, cp_good good)
{
    const cp_nation *n = cp_world_nation(w, nation);
    switch (m) {
    case METRIC_MINE_OUTPUT:
        return n->mined_t;
    case METRIC_SEPARATION_SHARE: {
        double all = 0;
        for (int i = 0; i < cp_world_nation_count(w); i++)
            all += cp_world_nation(w, i)->separated_t;
        double s = share(n->separated_t, all);
        return isnan(s) ? 0 : s;
    }
    case METRIC_DEMAND_MET: {
        double s = share(n->shortage_t[CP_MAGNET], n->demand_t[CP_MAGNET]);
        return isnan(s) ? NAN : 1.0 - s;
    }
    case METRIC_STOCKS:
        return n->stock_t[good] + n->stockpile_t[good];
    case METRIC_SHORTAGE:
        return share(n->shortage_t[good], n->demand_t[good]);
    case METRIC_PRICE_PAID:
        return n->price_paid_usd_per_kg[good];
    default:
        return NAN;
    }
}

double metric_value_at(const cp_world *w, metric_id m, int nation, cp_good good, int turn)
{
    const cp_nation_history *h = cp_world_nation_history(w, turn, nation);
    if (!h) return NAN;
    switch (m) {
    case METRIC_MINE_OUTPUT:
        return h->mined_t;
    case METRIC_SEPARATION_SHARE: {
        double all = 0;
        for (int i = 0; i < cp_world_nation_count(w); i++)
            all += cp_world_nation_history(w, turn, i)->separated_t;
        double s = share(h->separated_t, all);
        return isnan(s) ? 0 : s;
    }
    case METRIC_DEMAND_MET: {
        double s = share(h->shortage_good_t[CP_MAGNET], h->demand_good_t[CP_MAGNET]);
        return isnan(s) ? NAN : 1.0 - s;
    }
    case METRIC_STOCKS:
        return NAN; /* the history keeps only the stockpile of all goods */
    case METRIC_SHORTAGE:
        return share(h->shortage_good_t[good], h->demand_good_t[good]);
    case METRIC_PRICE_PAID:
        return h->price_paid_usd_per_kg[good];
    default:
        return NAN;
    }
}

char *metric_title(metric_id m, cp_good good, char *buf, size_t len)
{
    switch (m) {
    case METRIC_MINE_OUTPUT:
        snprintf(buf, len, "Mine output (t REO per quarter)");
        break;
    case METRIC_SEPARATION_SHARE:
        snprintf(buf, len, "Share of world separation (%%)");
        break;
    case METRIC_DEMAND_MET:
        snprintf(buf, len, "Magnet demand met (%%)");
        break;
    case METRIC_STOCKS:
        snprintf(buf, len, "Stocks of %s (%s)", label_good(good), label_good_unit(good));
        break;
    case METRIC_SHORTAGE:
        snprintf(buf, len, "%s demand unmet (%%)", label_good(good));
        break;
    case METRIC_PRICE_PAID:
        snprintf(buf, len, "Price paid for %s (USD/kg)", label_good(good));
        break;
    default:
        snprintf(buf, len, "?");
    }
    return buf;
}

char *metric_format(metric_id m, cp_good good, double v, char *buf, size_t len)
{
    if (isnan(v)) {
        snprintf(buf, len, "no demand");
        return buf;
    }
    switch (m) {
    case METRIC_MINE_OUTPUT:
        return fmt_tonnes(buf, len, v, "t REO");
    case METRIC_STOCKS:
        return fmt_tonnes(buf, len, v, label_good_unit(good));
    case METRIC_PRICE_PAID:
        return fmt_usd_per_kg(buf, len, v);
    default:
        return fmt_share(buf, len, v);
    }
}

void metric_all(const cp_world *w, metric_id m, cp_good good, double *out, scale *s)
{
    int n = cp_world_nation_count(w);
    for (int i = 0; i < n; i++)
        out[i] = metric_value(w, m, i, good);
    s->kind = metric_get(m)->scale;
    scale_fit(s, out, n);
    /* a shortage of 0% is the bottom of the scale, whatever the data */
    if (m == METRIC_SHORTAGE) s->lo = 0;
    /* shares never go past 100% */
    if (metric_get(m)->is_share && s->hi > 1) s->hi = 1;
}
