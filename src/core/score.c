/* score.c -- how well each nation meets its objectives, and how technology
 * spreads.
 *
 * A turn's score (0..100) weighs four aims by the nation's scenario weights:
 * security (share of need met, by value at reference prices), prosperity
 * (GDP kept from shortage losses), leverage (share of the world's separation
 * and magnet output) and stability (low political pressure). A nation's
 * score is the mean over the turns played. The same four parts, each
 * worked out again from a turn's history row (which holds every figure
 * they need), are what cp_world_score_parts reports (docs/score.md).
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

/* The four parts of 'n''s score for the quarter of history row 'turn',
 * 0..1 each: the formulas of score_update, on the row's figures. */
static void quarter_parts(const cp_world *w, int turn, int n, double out[CP_PART_COUNT])
{
    const cp_nation_history *rows = &w->hist_nation[(size_t)turn * (size_t)w->nation_count];
    const cp_nation_history *h = &rows[n];
    double sep_world = 0, mag_world = 0;
    for (int k = 0; k < w->nation_count; k++) {
        sep_world += rows[k].separated_t;
        mag_world += rows[k].magnets_t;
    }
    double need = 0, got = 0;
    for (int g = CP_LIGHT_OXIDE; g < CP_GOOD_COUNT; g++) {
        double ref = w->sc->goods[g].reference_price_usd_per_kg;
        need += h->demand_good_t[g] * ref;
        got += (h->demand_good_t[g] - h->shortage_good_t[g]) * ref;
    }
    out[CP_PART_SECURITY] = need > 0 ? got / need : 1.0;
    double q_gdp = h->gdp_busd_per_yr / 4.0;
    double prosperity = q_gdp > 0 ? 1.0 - 20.0 * h->gdp_loss_busd / q_gdp : 1.0;
    out[CP_PART_PROSPERITY] = prosperity < 0 ? 0 : prosperity;
    out[CP_PART_LEVERAGE] = 0.5 * (sep_world > 0 ? h->separated_t / sep_world : 0) +
                            0.5 * (mag_world > 0 ? h->magnets_t / mag_world : 0);
    out[CP_PART_STABILITY] = 1.0 - h->pressure;
}

void score_parts_record(cp_world *w, int turn)
{
    for (int n = 0; n < w->nation_count; n++) {
        double q[CP_PART_COUNT];
        quarter_parts(w, turn, n, q);
        double *sum = &w->part_sum[((size_t)turn * (size_t)w->nation_count + (size_t)n) * CP_PART_COUNT];
        /* as score_update averages: turn 0's own at turn 0, then the mean
         * of turns 1..t (the opening quarter drops out once play starts) */
        const double *prev = turn > 1 ? sum - (size_t)w->nation_count * CP_PART_COUNT : NULL;
        for (int p = 0; p < CP_PART_COUNT; p++)
            sum[p] = (prev ? prev[p] : 0) + 100.0 * q[p];
    }
}

cp_status cp_world_score_parts(const cp_world *w, int nation, int turn, cp_score_parts *out)
{
    cp_error err;
    if (nation < 0 || nation >= w->nation_count)
        return cp_fail(&err, CP_ERR_UNKNOWN_NATION, "score parts: unknown nation %d", nation);
    if (turn < 0 || turn > w->turn || !w->part_sum)
        return cp_fail(&err, CP_ERR_BAD_VALUE, "score parts: no turn %d (0 to %d)", turn, w->turn);
    const double *sum = &w->part_sum[((size_t)turn * (size_t)w->nation_count + (size_t)nation) * CP_PART_COUNT];
    double q[CP_PART_COUNT];
    quarter_parts(w, turn, nation, q);
    const cp_weights *wt = &w->nations[nation].weights;
    const double weight[CP_PART_COUNT] = {wt->security, wt->prosperity, wt->leverage, wt->stability};
    for (int p = 0; p < CP_PART_COUNT; p++) {
        out->part[p] = turn > 0 ? sum[p] / turn : sum[p];
        out->quarter[p] = 100.0 * q[p];
        out->weight[p] = weight[p];
    }
    out->total = w->hist_nation[(size_t)turn * (size_t)w->nation_count + (size_t)nation].score;
    return CP_OK;
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
