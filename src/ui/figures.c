/* figures.c -- the nation panel's figures read from the world, its history or last turn's snapshot. */
#include "figures.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "labels.h"

void fig_snapshot_take(fig_snapshot *s, const cp_world *w)
{
    int n = cp_world_nation_count(w);
    for (int i = 0; i < n; i++) s->nations[i] = *cp_world_nation(w, i);
    s->turn = cp_world_turn(w);
    s->valid = 1;
}

char *fig_label(fig_id f, cp_good good, char *buf, size_t len)
{
    const char *g = label_good(good);
    switch (f) {
    case FIG_MINED: snprintf(buf, len, "Ore mined"); break;
    case FIG_SEPARATED: snprintf(buf, len, "Ore separated"); break;
    case FIG_MAGNETS_MADE: snprintf(buf, len, "Magnets made"); break;
    case FIG_DEMAND: snprintf(buf, len, "Demand \xC2\xB7 %s", g); break;
    case FIG_SHORTAGE: snprintf(buf, len, "Shortage \xC2\xB7 %s", g); break;
    case FIG_DEMAND_MET: snprintf(buf, len, "Magnet demand met"); break;
    case FIG_PRICE_PAID: snprintf(buf, len, "Price paid \xC2\xB7 %s", g); break;
    case FIG_PRODUCER_PRICE: snprintf(buf, len, "Producer price \xC2\xB7 %s", g); break;
    case FIG_IMPORTS: snprintf(buf, len, "Imports \xC2\xB7 %s", g); break;
    case FIG_EXPORTS: snprintf(buf, len, "Exports \xC2\xB7 %s", g); break;
    case FIG_STOCK: snprintf(buf, len, "Inventory \xC2\xB7 %s", g); break;
    case FIG_STOCKPILE: snprintf(buf, len, "Strategic stockpile \xC2\xB7 %s", g); break;
    case FIG_RESERVES: snprintf(buf, len, "Reserves in the ground"); break;
    case FIG_TREASURY: snprintf(buf, len, "Treasury"); break;
    case FIG_GDP: snprintf(buf, len, "GDP"); break;
    case FIG_GDP_LOSS: snprintf(buf, len, "Output lost to shortages"); break;
    case FIG_SCORE: snprintf(buf, len, "Score"); break;
    case FIG_PRESSURE: snprintf(buf, len, "Political pressure"); break;
    case FIG_TRUST: snprintf(buf, len, "Trust"); break;
    default: snprintf(buf, len, "?");
    }
    return buf;
}

static double nation_fig(const cp_nation *n, fig_id f, cp_good g)
{
    switch (f) {
    case FIG_MINED: return n->mined_t;
    case FIG_SEPARATED: return n->separated_t;
    case FIG_MAGNETS_MADE: return n->magnets_t;
    case FIG_DEMAND: return n->demand_t[g];
    case FIG_SHORTAGE: return n->shortage_t[g];
    case FIG_DEMAND_MET:
        return n->demand_t[CP_MAGNET] > 0 ? 1.0 - n->shortage_t[CP_MAGNET] / n->demand_t[CP_MAGNET] : NAN;
    case FIG_PRICE_PAID: return n->price_paid_usd_per_kg[g];
    case FIG_PRODUCER_PRICE: return n->producer_price_usd_per_kg[g];
    case FIG_IMPORTS: return n->imports_t[g];
    case FIG_EXPORTS: return n->exports_t[g];
    case FIG_STOCK: return n->stock_t[g];
    case FIG_STOCKPILE: return n->stockpile_t[g];
    case FIG_RESERVES: return n->reserves_t;
    case FIG_TREASURY: return n->treasury_musd;
    case FIG_GDP: return n->gdp_busd_per_yr;
    case FIG_GDP_LOSS: return n->gdp_loss_busd;
    case FIG_SCORE: return n->score;
    case FIG_PRESSURE: return n->pressure;
    case FIG_TRUST: return n->trust;
    default: return NAN;
    }
}

double fig_value(const cp_world *w, int nation, fig_id f, cp_good good)
{
    return nation_fig(cp_world_nation(w, nation), f, good);
}

double fig_prev(const cp_world *w, const fig_snapshot *s, int nation, fig_id f, cp_good good)
{
    int t = cp_world_turn(w) - 1;
    const cp_nation_history *h = t >= 0 ? cp_world_nation_history(w, t, nation) : NULL;
    if (h) {
        switch (f) {
        case FIG_MINED: return h->mined_t;
        case FIG_SEPARATED: return h->separated_t;
        case FIG_MAGNETS_MADE: return h->magnets_t;
        case FIG_DEMAND: return h->demand_good_t[good];
        case FIG_SHORTAGE: return h->shortage_good_t[good];
        case FIG_DEMAND_MET:
            return h->demand_good_t[CP_MAGNET] > 0
                       ? 1.0 - h->shortage_good_t[CP_MAGNET] / h->demand_good_t[CP_MAGNET]
                       : NAN;
        case FIG_PRICE_PAID: return h->price_paid_usd_per_kg[good];
        case FIG_IMPORTS: return h->imports_t[good];
        case FIG_EXPORTS: return h->exports_t[good];
        case FIG_TREASURY: return h->treasury_musd;
        case FIG_GDP: return h->gdp_busd_per_yr;
        case FIG_GDP_LOSS: return h->gdp_loss_busd;
        case FIG_SCORE: return h->score;
        case FIG_PRESSURE: return h->pressure;
        default: break;
        }
    }
    if (s && s->valid && s->turn == t && t >= 0) return nation_fig(&s->nations[nation], f, good);
    return NAN;
}

char *fig_format(fig_id f, cp_good good, double v, char *buf, size_t len)
{
    if (isnan(v)) {
        snprintf(buf, len, "\xE2\x80\x94");
        return buf;
    }
    switch (f) {
    case FIG_MINED: case FIG_SEPARATED: case FIG_RESERVES:
        return fmt_tonnes(buf, len, v, "t REO");
    case FIG_MAGNETS_MADE:
        return fmt_tonnes(buf, len, v, "t");
    case FIG_DEMAND: case FIG_SHORTAGE: case FIG_IMPORTS: case FIG_EXPORTS: case FIG_STOCK:
    case FIG_STOCKPILE:
        return fmt_tonnes(buf, len, v, good == CP_MAGNET ? "t" : "t REO");
    case FIG_DEMAND_MET:
        return fmt_share(buf, len, v);
    case FIG_PRICE_PAID: case FIG_PRODUCER_PRICE:
        return fmt_usd_per_kg(buf, len, v);
    case FIG_TREASURY:
        return fmt_musd(buf, len, v);
    case FIG_GDP:
        return fmt_busd(buf, len, v);
    case FIG_GDP_LOSS:
        return fmt_busd(buf, len, v);
    case FIG_SCORE:
        snprintf(buf, len, "%.1f / 100", v);
        return buf;
    case FIG_PRESSURE: case FIG_TRUST:
        return fmt_share(buf, len, v);
    default:
        snprintf(buf, len, "?");
        return buf;
    }
}

int fig_polarity(fig_id f)
{
    switch (f) {
    case FIG_SHORTAGE: case FIG_PRICE_PAID: case FIG_GDP_LOSS: case FIG_PRESSURE:
        return -1;
    case FIG_MINED: case FIG_SEPARATED: case FIG_MAGNETS_MADE: case FIG_DEMAND_MET:
    case FIG_TREASURY: case FIG_GDP: case FIG_SCORE: case FIG_TRUST: case FIG_STOCKPILE:
    case FIG_STOCK: case FIG_EXPORTS: case FIG_PRODUCER_PRICE:
        return 1;
    default:
        return 0;
    }
}
