/* goals.c -- what each seat aims for, and whether it gets there.
 *
 * A goal is a kind (shortage, treasury, output, share, pressure), a target,
 * a way of measuring (at the deadline, on average, every quarter) and a
 * deadline. The scenario may state a nation's goals; a nation it gives none
 * gets two to four derived from its opening position (history row 0, which
 * every world keeps and saves): a buyer of magnets aims to keep its shortage
 * down, a treasury aims to stay solvent, a processing power to keep its
 * hold, a newcomer to build its own supply, a fragile government to stay
 * calm. Goals are judged from the history rows, so they hold no state of
 * their own and a loaded world judges them exactly as the saved one did.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "world_internal.h"

/* The shares below which a nation's hold on a processing stage does not
 * count as leverage worth a goal, and the part of it a goal asks it to keep. */
static const double HOLD_SHARE = 0.15, HOLD_KEEP = 0.8;

static const cp_nation_history *row(const cp_world *w, int turn, int n)
{
    return &w->hist_nation[(size_t)turn * (size_t)w->nation_count + (size_t)n];
}

static double kind_output_t(const cp_nation_history *h, int kind)
{
    switch (kind) {
    case CP_FAC_MINE: return h->mined_t;
    case CP_FAC_SEPARATION: return h->separated_t;
    case CP_FAC_MAGNET: return h->magnets_t;
    case CP_FAC_HEAVY_SEPARATION: return h->heavy_separated_t;
    default: return 0;
    }
}

/* The goal's measured quantity in turn 'turn', in the target's unit. */
static double value_at(const cp_world *w, const cp_goal *g, int turn)
{
    const cp_nation_history *h = row(w, turn, g->nation);
    switch (g->kind) {
    case CP_GOAL_SHORTAGE_MAX: {
        if (g->good >= 0 && g->good < CP_GOOD_COUNT)
            return h->demand_good_t[g->good] > 0
                       ? h->shortage_good_t[g->good] / h->demand_good_t[g->good] : 0;
        double need = 0, short_v = 0;
        for (int k = CP_LIGHT_OXIDE; k < CP_GOOD_COUNT; k++) {
            double ref = w->sc->goods[k].reference_price_usd_per_kg;
            need += h->demand_good_t[k] * ref;
            short_v += h->shortage_good_t[k] * ref;
        }
        return need > 0 ? short_v / need : 0;
    }
    case CP_GOAL_TREASURY_MIN:
        return h->treasury_musd;
    case CP_GOAL_OUTPUT_MIN:
        return 4.0 * kind_output_t(h, g->facility_kind);
    case CP_GOAL_SHARE_MIN: {
        double all = 0;
        for (int n = 0; n < w->nation_count; n++)
            all += kind_output_t(row(w, turn, n), g->facility_kind);
        return all > 0 ? kind_output_t(h, g->facility_kind) / all : 0;
    }
    case CP_GOAL_PRESSURE_MAX:
        return h->pressure;
    default:
        return 0;
    }
}

static int is_max_goal(cp_goal_kind k)
{
    return k == CP_GOAL_SHORTAGE_MAX || k == CP_GOAL_PRESSURE_MAX;
}

static int holds(const cp_goal *g, double v)
{
    return is_max_goal(g->kind) ? v <= g->target + 1e-12 : v >= g->target - 1e-12;
}

/* ---- derived goals ---- */

static double round_to(double x, double step) { return floor(x / step + 0.5) * step; }

/* Up to CP_MAX_NATION_GOALS goals for a nation the scenario gave none,
 * from its opening row; returns how many (2 to 4). */
static int derive(const cp_world *w, int n, cp_goal out[CP_MAX_NATION_GOALS])
{
    const cp_nation *nat = &w->nations[n];
    const cp_nation_history *h0 = row(w, 0, n);
    int c = 0;
    memset(out, 0, sizeof(cp_goal) * CP_MAX_NATION_GOALS);
    for (int k = 0; k < CP_MAX_NATION_GOALS; k++) {
        out[k].nation = n;
        out[k].good = -1;
    }
    /* a user of magnets: keep the shortage down, on average */
    if (h0->demand_good_t[CP_MAGNET] > 0) {
        cp_goal g = out[c];
        g.kind = CP_GOAL_SHORTAGE_MAX;
        g.measure = CP_MEASURE_AVERAGE;
        g.good = -1;
        double opening = value_at(w, &g, 0);
        g.target = fmin(0.5, fmax(0.05, round_to(opening + 0.05, 0.05)));
        out[c++] = g;
    }
    /* a treasury: stay solvent, every quarter */
    {
        cp_goal g = out[c];
        g.kind = CP_GOAL_TREASURY_MIN;
        g.measure = CP_MEASURE_ALWAYS;
        double t0 = h0->treasury_musd;
        g.target = t0 > 0 ? round_to(0.5 * t0, 10) : round_to(t0 - nat->budget_musd_per_yr, 10);
        out[c++] = g;
    }
    /* a processing power keeps most of its hold; a user without one builds
     * its own supply (separation, doubled or at least 1,000 t/yr) */
    double best_share = 0;
    int best_kind = CP_FAC_SEPARATION;
    const int stages[2] = {CP_FAC_SEPARATION, CP_FAC_MAGNET};
    for (int s = 0; s < 2; s++) {
        cp_goal g = out[c];
        g.kind = CP_GOAL_SHARE_MIN;
        g.facility_kind = stages[s];
        double share = value_at(w, &g, 0);
        if (share > best_share) {
            best_share = share;
            best_kind = stages[s];
        }
    }
    if (best_share >= HOLD_SHARE) {
        cp_goal g = out[c];
        g.kind = CP_GOAL_SHARE_MIN;
        g.measure = CP_MEASURE_END;
        g.facility_kind = best_kind;
        g.target = fmax(0.05, floor(HOLD_KEEP * best_share / 0.05) * 0.05);
        out[c++] = g;
    } else if (h0->demand_good_t[CP_MAGNET] > 0) {
        cp_goal g = out[c];
        g.kind = CP_GOAL_OUTPUT_MIN;
        g.measure = CP_MEASURE_END;
        g.facility_kind = CP_FAC_SEPARATION;
        g.target = fmax(1000.0, round_to(2.0 * 4.0 * h0->separated_t, 100));
        out[c++] = g;
    } else if (h0->mined_t > 0) {
        cp_goal g = out[c];
        g.kind = CP_GOAL_OUTPUT_MIN;
        g.measure = CP_MEASURE_END;
        g.facility_kind = CP_FAC_MINE;
        g.target = round_to(1.25 * 4.0 * h0->mined_t, 100);
        out[c++] = g;
    }
    /* calm at home, for a government that weighs it, or to make two */
    if (c < 2 || nat->weights.stability >= 0.25) {
        cp_goal g = out[c];
        g.kind = CP_GOAL_PRESSURE_MAX;
        g.measure = CP_MEASURE_ALWAYS;
        g.target = fmin(0.9, fmax(0.5, round_to(h0->pressure + 0.25, 0.05)));
        out[c++] = g;
    }
    return c;
}

/* The scenario's goals of nation 'n': how many, and the i-th (NULL past). */
static const cp_goal *stated(const cp_world *w, int n, int i, int *count)
{
    const cp_goal *found = NULL;
    int c = 0;
    for (int k = 0; k < w->sc->goal_count; k++)
        if (w->sc->goals[k].nation == n) {
            if (c == i)
                found = &w->sc->goals[k];
            c++;
        }
    *count = c;
    return found;
}

int cp_world_goal_count(const cp_world *w, int nation)
{
    if (nation < 0 || nation >= w->nation_count)
        return 0;
    int c;
    stated(w, nation, -1, &c);
    if (c > 0)
        return c;
    cp_goal d[CP_MAX_NATION_GOALS];
    return derive(w, nation, d);
}

/* ---- words ---- */

static const char *good_words(int g)
{
    static const char *const words[CP_GOOD_COUNT] = {"ore", "NdPr oxide", "Dy/Tb oxide",
                                                     "magnet"};
    return (g >= 0 && g < CP_GOOD_COUNT) ? words[g] : "rare-earth";
}

static const char *kind_words(int k)
{
    static const char *const words[CP_FAC_KIND_COUNT] = {"mining", "separation", "magnet making",
                                                         "Dy/Tb separation"};
    return (k >= 0 && k < CP_FAC_KIND_COUNT) ? words[k] : "?";
}

static void describe(const cp_world *w, const cp_goal_progress *p, char *buf, size_t len)
{
    const cp_goal *g = &p->goal;
    char date[16];
    cp_world_date_text(w, g->by_turn, date, sizeof date);
    const char *how = g->measure == CP_MEASURE_AVERAGE ? " on average"
                      : g->measure == CP_MEASURE_ALWAYS ? " every quarter" : "";
    const char *when = g->measure == CP_MEASURE_END ? "by" : "until";
    const char *now = p->status == CP_GOAL_MET || p->status == CP_GOAL_MISSED ? "was" : "now";
    switch (g->kind) {
    case CP_GOAL_SHORTAGE_MAX:
        text_format(buf, len, "Keep the %s shortage under %.0f%%%s %s %s (%s %.1f%%)",
                 good_words(g->good), 100 * g->target, how, when, date, now, 100 * p->value);
        break;
    case CP_GOAL_TREASURY_MIN:
        text_format(buf, len, "Keep the treasury above $%.0fM%s %s %s (%s $%.0fM)", g->target, how,
                 when, date, g->measure == CP_MEASURE_ALWAYS ? "lowest" : now, p->value);
        break;
    case CP_GOAL_OUTPUT_MIN:
        text_format(buf, len, "Reach %.0f t/yr of %s at home%s %s %s (%s %.0f t/yr)", g->target,
                 kind_words(g->facility_kind), how, when, date, now, p->value);
        break;
    case CP_GOAL_SHARE_MIN:
        text_format(buf, len, "Hold %.0f%% of the world's %s%s %s %s (%s %.0f%%)", 100 * g->target,
                 kind_words(g->facility_kind), how, when, date, now, 100 * p->value);
        break;
    case CP_GOAL_PRESSURE_MAX:
        text_format(buf, len, "Keep political pressure under %.0f%%%s %s %s (%s %.0f%%)",
                 100 * g->target, how, when, date,
                 g->measure == CP_MEASURE_ALWAYS ? "highest" : now, 100 * p->value);
        break;
    default:
        text_format(buf, len, "?");
    }
}

/* ---- judging ---- */

cp_status cp_world_goal(const cp_world *w, int nation, int index, int last_turn,
                        cp_goal_progress *out)
{
    cp_error err;
    if (nation < 0 || nation >= w->nation_count)
        return cp_fail(&err, CP_ERR_UNKNOWN_NATION, "goal: unknown nation %d", nation);
    int c;
    cp_goal derived[CP_MAX_NATION_GOALS];
    const cp_goal *g = stated(w, nation, index, &c);
    int is_derived = 0;
    if (c == 0) {
        c = derive(w, nation, derived);
        g = (index >= 0 && index < c) ? &derived[index] : NULL;
        is_derived = 1;
    }
    if (!g)
        return cp_fail(&err, CP_ERR_BAD_VALUE, "goal: %s has no goal %d (it has %d)",
                       w->nations[nation].iso3, index, c);
    cp_goal_progress p;
    memset(&p, 0, sizeof p);
    p.goal = *g;
    p.derived = is_derived;
    p.target = g->target;
    int deadline = g->by_turn > 0 ? g->by_turn
                   : last_turn > 0 ? last_turn : w->sc->default_turns;
    p.goal.by_turn = deadline;
    int now = w->turn < deadline ? w->turn : deadline;
    int judged = w->turn >= deadline;
    if (now == 0) { /* nothing played: the opening figures say where it starts */
        p.value = value_at(w, g, 0);
        p.status = holds(g, p.value) ? CP_GOAL_ON_TRACK : CP_GOAL_BEHIND;
    } else if (g->measure == CP_MEASURE_END) {
        p.value = value_at(w, g, now);
        int ok = holds(g, p.value);
        p.status = judged ? (ok ? CP_GOAL_MET : CP_GOAL_MISSED)
                          : (ok ? CP_GOAL_ON_TRACK : CP_GOAL_BEHIND);
    } else if (g->measure == CP_MEASURE_AVERAGE) {
        double sum = 0;
        for (int t = 1; t <= now; t++)
            sum += value_at(w, g, t);
        p.value = sum / now;
        int ok = holds(g, p.value);
        p.status = judged ? (ok ? CP_GOAL_MET : CP_GOAL_MISSED)
                          : (ok ? CP_GOAL_ON_TRACK : CP_GOAL_BEHIND);
    } else { /* every quarter: the worst so far, missed at the first failure */
        int failed = 0;
        double worst = value_at(w, g, 1);
        for (int t = 1; t <= now; t++) {
            double v = value_at(w, g, t);
            if (is_max_goal(g->kind) ? v > worst : v < worst)
                worst = v;
            failed |= !holds(g, v);
        }
        p.value = worst;
        p.status = failed ? CP_GOAL_MISSED : judged ? CP_GOAL_MET : CP_GOAL_ON_TRACK;
    }
    describe(w, &p, p.text, sizeof p.text);
    *out = p;
    return CP_OK;
}

/* The range of a goal's target by kind: shares 0..1, money and tonnes
 * within the scenario ranges of treasuries and capacities. */
cp_status cp_goal_check(const cp_goal *g, int nation_count, cp_error *err)
{
    if (g->nation < 0 || g->nation >= nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "goal: unknown nation %d", g->nation);
    if ((int)g->kind < 0 || g->kind >= CP_GOAL_KIND_COUNT)
        return cp_fail(err, CP_ERR_BAD_VALUE, "goal: kind %d is not one of shortage_max, "
                       "treasury_min, output_min, share_min, pressure_max", (int)g->kind);
    if ((int)g->measure < 0 || g->measure >= CP_MEASURE_COUNT)
        return cp_fail(err, CP_ERR_BAD_VALUE, "goal %s: measure %d is not end, average or always",
                       cp_goal_kind_name(g->kind), (int)g->measure);
    if (g->kind == CP_GOAL_SHORTAGE_MAX && (g->good < -1 || g->good >= CP_GOOD_COUNT))
        return cp_fail(err, CP_ERR_UNKNOWN_GOOD, "goal %s: good %d is not a good (or -1: all)",
                       cp_goal_kind_name(g->kind), g->good);
    if ((g->kind == CP_GOAL_OUTPUT_MIN || g->kind == CP_GOAL_SHARE_MIN) &&
        (g->facility_kind < 0 || g->facility_kind >= CP_FAC_KIND_COUNT))
        return cp_fail(err, CP_ERR_BAD_VALUE, "goal %s: facility_kind %d is not a kind of plant",
                       cp_goal_kind_name(g->kind), g->facility_kind);
    double lo = 0, hi = 1;
    if (g->kind == CP_GOAL_TREASURY_MIN)
        lo = -1e9, hi = 1e9;
    else if (g->kind == CP_GOAL_OUTPUT_MIN)
        hi = 1e8;
    if (!isfinite(g->target) || g->target < lo || g->target > hi)
        return cp_fail(err, CP_ERR_BAD_VALUE, "goal %s: target must be between %g and %g, got %g",
                       cp_goal_kind_name(g->kind), lo, hi, g->target);
    if (g->by_turn < 0 || g->by_turn > 100000)
        return cp_fail(err, CP_ERR_BAD_VALUE, "goal %s: by_turn must be 0 (the game's end) to "
                       "100000, got %d", cp_goal_kind_name(g->kind), g->by_turn);
    return CP_OK;
}
