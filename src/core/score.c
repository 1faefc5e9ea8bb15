/* score.c -- how well each nation meets its objectives, and how technology
 * spreads.
 *
 * A turn's score (0..100) weighs four aims by the nation's scenario weights:
 * security (share of need met, by value at reference prices), prosperity
 * (GDP kept from shortage losses), leverage (share of the world's separation
 * and magnet output) and stability (low political pressure). A nation's
 * score is the mean over the turns played.
 */
#include "world_internal.h"

void score_update(cp_world *w)
{
    double sep_world = 0, mag_world = 0;
    for (int n = 0; n < w->nation_count; n++) {
        sep_world += w->nations[n].separated_t;
        mag_world += w->nations[n].magnets_t;
    }
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        double need = 0, got = 0;
        for (int g = CP_LIGHT_OXIDE; g < CP_GOOD_COUNT; g++) {
            double ref = w->sc->goods[g].reference_price_usd_per_kg;
            need += nat->demand_t[g] * ref;
            got += (nat->demand_t[g] - nat->shortage_t[g]) * ref;
        }
        double security = need > 0 ? got / need : 1.0;
        double q_gdp = nat->gdp_busd_per_yr / 4.0;
        double prosperity = q_gdp > 0 ? 1.0 - 20.0 * nat->gdp_loss_busd / q_gdp : 1.0;
        if (prosperity < 0)
            prosperity = 0;
        double leverage = 0.5 * (sep_world > 0 ? nat->separated_t / sep_world : 0) +
                          0.5 * (mag_world > 0 ? nat->magnets_t / mag_world : 0);
        double stability = 1.0 - nat->pressure;
        const cp_weights *wt = &nat->weights;
        double s = 100.0 * (wt->security * security + wt->prosperity * prosperity +
                            wt->leverage * leverage + wt->stability * stability);
        int played = w->turn; /* turns already averaged into nat->score */
        nat->score = (nat->score * played + s) / (played + 1);
    }
}

/* Technology creeps toward the leader's level each quarter (learning from
 * equipment, hires and licences); a leader's processing-technology export
 * ban cuts that diffusion to a fifth. Running plants also learn by doing. */
void tech_update(cp_world *w)
{
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
        int leader = 0;
        for (int n = 1; n < w->nation_count; n++)
            if (w->nations[n].tech[k] > w->nations[leader].tech[k])
                leader = n;
        double top = w->nations[leader].tech[k];
        int banned = w->nations[leader].policy.tech_ban;
        for (int n = 0; n < w->nation_count; n++) {
            cp_nation *nat = &w->nations[n];
            double gap = top - nat->tech[k];
            double rate = (n != leader && banned) ? 0.002 : 0.01;
            nat->tech[k] += rate * gap;
            if (w->cap_t[n][k] > 0)
                nat->tech[k] += 0.001 * (1.0 - nat->tech[k]);
            if (nat->tech[k] > 1.0)
                nat->tech[k] = 1.0;
        }
    }
}
