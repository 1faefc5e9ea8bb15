/* facility.c -- industrial-capacity timelines: how a mine, a separation plant
 * or a magnet plant goes from an announcement to output, and what it costs.
 *
 * This file holds the lesson players forget: capacity arrives years after the
 * decision. Default stage lengths, in quarters, for a typical OECD permitting
 * regime (permitting_factor 1):
 *
 *   stage         mine  separation  magnet plant
 *   announced       2       1            1
 *   permitting     20       6            1
 *   construction   14      10            6
 *   ramp-up         8       4            2
 *
 * so a mine gives its first ore after 36 quarters (9 years) and full output
 * after 11; a separation plant after about 4-5 years; a magnet plant after
 * about 2. Sources: discovery to production averages 15.7 years (S&P Global,
 * 127 mines, 2023) and "about 10 years" in Canada (Mills testimony); refineries
 * take 3-5 years (Kalgoorlie ~3-4, Eneabba ~5); magnet plants ~2 years (eVAC
 * ~21 months, Narva ~26 months). Permitting scales with the host's regime
 * (China's is fast), construction with its technology; construction stalls
 * when the funder cannot pay, and speeds up a little when it prepays.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "world_internal.h"

static const int base_turns[CP_FAC_KIND_COUNT][CP_STAGE_COUNT] = {
    [CP_FAC_MINE] = {2, 20, 14, 8, 0, 0, 0},
    [CP_FAC_SEPARATION] = {1, 6, 10, 4, 0, 0, 0},
    [CP_FAC_MAGNET] = {1, 1, 6, 2, 0, 0, 0},
};

/* Capital cost per tonne a year of capacity, USD [E]:
 * mine ~$25k (Ngualla ~$320M; Nolans A$1.39bn for mine + separation of
 * ~17 kt REO); separation ~$60k (Eneabba A$1.7-1.8bn for 12-23 kt REO);
 * magnet plant ~$150k (eVAC >$500M for 2,000 t; Narva ~EUR100M for 2,000 t). */
static const double capex_usd_per_t_yr[CP_FAC_KIND_COUNT] = {25000.0, 60000.0, 150000.0};

double fac_capex_musd(cp_facility_kind k, double capacity_t_per_yr)
{
    return capacity_t_per_yr * capex_usd_per_t_yr[k] / 1e6;
}

void fac_stage_turns_default(const cp_world *w, cp_facility_kind k, int host,
                             int out[CP_STAGE_COUNT])
{
    const cp_nation *n = &w->nations[host];
    for (int s = 0; s < CP_STAGE_COUNT; s++)
        out[s] = base_turns[k][s];
    out[CP_STAGE_PERMITTING] = (int)lround(base_turns[k][CP_STAGE_PERMITTING] * n->permitting_factor);
    if (out[CP_STAGE_PERMITTING] < 1)
        out[CP_STAGE_PERMITTING] = 1;
    /* technology 0.5 builds at the base pace; 1.0 about 15% faster */
    double pace = 1.15 - 0.3 * n->tech[k];
    out[CP_STAGE_CONSTRUCTION] = (int)lround(base_turns[k][CP_STAGE_CONSTRUCTION] * pace);
    if (out[CP_STAGE_CONSTRUCTION] < 1)
        out[CP_STAGE_CONSTRUCTION] = 1;
}

/* Turn at which 'f' operates (or did): for a project, now plus what is left
 * of each build stage. */
static int projected_operating_turn(const cp_world *w, const cp_facility *f)
{
    if (f->stage >= CP_STAGE_RAMP_UP)
        return f->operating_turn;
    double left = (1.0 - f->progress) * f->stage_turns[f->stage];
    for (int s = f->stage + 1; s <= CP_STAGE_RAMP_UP; s++)
        left += f->stage_turns[s];
    return w->turn + (int)ceil(left - 1e-9);
}

int fac_add(cp_world *w, const cp_facility_spec *spec)
{
    if (w->facility_count >= CP_MAX_FACILITIES)
        return -1;
    cp_facility *f = &w->facilities[w->facility_count];
    memset(f, 0, sizeof *f);
    f->id = w->facility_count;
    text_format(f->name, sizeof f->name, "%s", spec->name);
    f->kind = spec->kind;
    f->host = spec->host;
    f->funder = spec->funder;
    f->cofunder = -1;
    f->capacity_t_per_yr = spec->capacity_t_per_yr;
    f->stage = spec->stage;
    f->turns_in_stage = spec->turns_in_stage;
    fac_stage_turns_default(w, spec->kind, spec->host, f->stage_turns);
    for (int s = 0; s < CP_STAGE_COUNT; s++)
        if (spec->stage_turns[s] > 0)
            f->stage_turns[s] = spec->stage_turns[s];
    if (f->stage <= CP_STAGE_RAMP_UP) {
        double len = f->stage_turns[f->stage];
        f->progress = len > 0 ? fmin(0.99, f->turns_in_stage / len) : 0.0;
    }
    f->start_turn = w->turn;
    f->capex_musd = fac_capex_musd(f->kind, f->capacity_t_per_yr);
    if (f->stage > CP_STAGE_CONSTRUCTION)
        f->capex_paid_musd = f->capex_musd;
    else if (f->stage == CP_STAGE_CONSTRUCTION)
        f->capex_paid_musd = f->capex_musd * f->progress;
    /* a plant already past ramp-up started before the game */
    if (f->stage >= CP_STAGE_OPERATING)
        f->operating_turn = w->turn - f->turns_in_stage;
    else if (f->stage == CP_STAGE_RAMP_UP)
        f->operating_turn = w->turn + (int)ceil((1.0 - f->progress) * f->stage_turns[CP_STAGE_RAMP_UP]);
    else
        f->operating_turn = projected_operating_turn(w, f);
    f->utilisation = 0;
    w->facility_count++;
    return f->id;
}

/* Output a facility can give this quarter before inputs and prices decide
 * how much of it is used. */
double fac_available_t_per_qtr(const cp_facility *f)
{
    if (f->stage == CP_STAGE_OPERATING)
        return f->capacity_t_per_yr / 4.0;
    if (f->stage == CP_STAGE_RAMP_UP)
        return f->capacity_t_per_yr / 4.0 * (0.2 + 0.8 * f->progress);
    return 0.0;
}

void fac_delay(cp_world *w, int id, int turns, const char *why)
{
    cp_facility *f = &w->facilities[id];
    if (f->stage > CP_STAGE_CONSTRUCTION || turns <= 0)
        return;
    /* lengthen the current stage, keeping the work already done */
    int len = f->stage_turns[f->stage];
    double done = f->progress * len;
    f->stage_turns[f->stage] = len + turns;
    f->progress = done / (len + turns);
    f->delay_turns += turns;
    f->operating_turn = projected_operating_turn(w, f);
    news_add(w, CP_NEWS_FACILITY, f->host, -1, "%s (%s, %s) delayed %d quarters: %s", f->name,
             cp_facility_kind_name(f->kind), w->nations[f->host].iso3, turns, why);
}

/* Pay this quarter's construction instalment: prepaid funds first, then the
 * funder's treasury. Returns the share of the instalment paid (0..1), or a
 * little more than 1 when prepaid funds allow a faster pace. */
static double pay_instalment(cp_world *w, cp_facility *f)
{
    int len = f->stage_turns[CP_STAGE_CONSTRUCTION];
    double due = f->capex_musd / (len > 0 ? len : 1);
    double left = f->capex_musd - f->capex_paid_musd;
    if (left <= 1e-9)
        return 1.25;
    double want = fmin(due * (f->funds_musd >= 2 * due ? 1.25 : 1.0), left);
    if (f->private_capital) {
        f->capex_paid_musd += want;
        return want / due;
    }
    double from_funds = fmin(f->funds_musd, want);
    f->funds_musd -= from_funds;
    double rest = want - from_funds;
    double from_treasury = 0;
    /* a co-investor pays its share of what prepaid funds do not cover */
    int payers[2] = {f->funder, f->cofunder};
    double shares[2] = {f->cofunder >= 0 ? 1.0 - f->cofunder_share : 1.0, f->cofunder_share};
    for (int k = 0; k < 2; k++) {
        if (payers[k] < 0)
            continue;
        cp_nation *payer = &w->nations[payers[k]];
        double part = fmin(rest * shares[k], fmax(0.0, payer->treasury_musd));
        payer->treasury_musd -= part;
        payer->capex_paid_musd += part;
        from_treasury += part;
    }
    w->nations[f->funder].capex_paid_musd += from_funds;
    double paid = from_funds + from_treasury;
    f->capex_paid_musd += paid;
    return paid / due;
}

static void enter_stage(cp_world *w, cp_facility *f, cp_stage s)
{
    f->stage = s;
    f->progress = 0;
    f->turns_in_stage = 0;
    if (s == CP_STAGE_RAMP_UP || s == CP_STAGE_OPERATING) {
        if (s == CP_STAGE_RAMP_UP)
            f->operating_turn = w->turn + f->stage_turns[CP_STAGE_RAMP_UP];
        news_add(w, CP_NEWS_FACILITY, f->host, -1, "%s (%s, %s) %s", f->name,
                 cp_facility_kind_name(f->kind), w->nations[f->host].iso3,
                 s == CP_STAGE_RAMP_UP ? "starts producing and ramps up" : "reaches full output");
    } else {
        news_add(w, CP_NEWS_FACILITY, f->host, -1, "%s (%s, %s) enters %s", f->name,
                 cp_facility_kind_name(f->kind), w->nations[f->host].iso3, cp_stage_name(s));
    }
}

/* Move every project one quarter along its timeline. */
void fac_advance(cp_world *w)
{
    for (int k = 0; k < w->facility_count; k++) {
        cp_facility *f = &w->facilities[k];
        if (f->stage >= CP_STAGE_OPERATING)
            continue;
        int len = f->stage_turns[f->stage];
        double step = len > 0 ? 1.0 / len : 1.0;
        if (f->stage == CP_STAGE_CONSTRUCTION)
            step *= pay_instalment(w, f);
        f->progress += step;
        f->turns_in_stage++;
        if (f->progress >= 1.0 - 1e-9) {
            cp_stage next = (cp_stage)(f->stage + 1);
            enter_stage(w, f, next);
        }
        if (f->stage < CP_STAGE_RAMP_UP)
            f->operating_turn = projected_operating_turn(w, f);
    }
}

/* Firms invest on their own when prices pay for it: each year, a nation
 * whose producers of a stage have sold above their hurdle price (its
 * 'hurdle_price_ratio' times the reference) for the last four quarters
 * announces more of that capacity: 10% when prices just clear the hurdle,
 * more the further above it they stand (up to 30% at three times the
 * hurdle, as the 2010-11 spike brought a rush of projects), unless half as
 * much again is already in the pipeline. Hurdles differ: most ex-China projects need $75-85/kg NdPr
 * against ~$54 (Benchmark 2024 via Reuters), about 1.5 times the reference;
 * Chinese producers expand near the reference. These are brownfield
 * expansions of working sites: a quarter of the greenfield permitting, half
 * the construction and ramp-up (Mt Weld's expansion took about three years,
 * China raises its quotas within one or two), so the answer to high prices
 * arrives years later, but sooner than a new mine. */
void fac_private_investment(cp_world *w)
{
    if (w->turn % 4 != 0 || w->turn < 4)
        return;
    static const cp_good product[CP_FAC_KIND_COUNT] = {CP_ORE, CP_LIGHT_OXIDE, CP_MAGNET};
    double built_t[CP_MAX_NATIONS][CP_FAC_KIND_COUNT] = {{0}};
    double pipeline_t[CP_MAX_NATIONS][CP_FAC_KIND_COUNT] = {{0}};
    for (int f = 0; f < w->facility_count; f++) {
        const cp_facility *x = &w->facilities[f];
        if (x->stage == CP_STAGE_OPERATING || x->stage == CP_STAGE_RAMP_UP)
            built_t[x->host][x->kind] += x->capacity_t_per_yr;
        else if (x->stage < CP_STAGE_RAMP_UP)
            pipeline_t[x->host][x->kind] += x->capacity_t_per_yr;
    }
    for (int n = 0; n < w->nation_count; n++) {
        const cp_nation *nat = &w->nations[n];
        if (!(nat->hurdle_price_ratio > 0))
            continue;
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            double built = built_t[n][k], pipeline = pipeline_t[n][k];
            if (built <= 0 || pipeline > 0.5 * built)
                continue;
            if (k == CP_FAC_MINE && nat->reserves_t < 20 * built)
                continue;
            cp_good g = product[k];
            double ref = w->sc->goods[g].reference_price_usd_per_kg;
            int good_years = 1;
            double above = 0; /* mean price over the hurdle, the quarters it held */
            for (int t = w->turn - 3; t <= w->turn; t++) {
                const cp_nation_history *h = cp_world_nation_history(w, t, n);
                if (!h || h->price_paid_usd_per_kg[g] < nat->hurdle_price_ratio * ref)
                    good_years = 0;
                else
                    above += h->price_paid_usd_per_kg[g] / (nat->hurdle_price_ratio * ref) / 4.0;
            }
            if (!good_years)
                continue;
            cp_facility_spec spec;
            memset(&spec, 0, sizeof spec);
            spec.kind = (cp_facility_kind)k;
            spec.host = spec.funder = n;
            spec.capacity_t_per_yr = fmax(500.0, fmin(0.3, 0.1 * above) * built);
            spec.stage = CP_STAGE_ANNOUNCED;
            text_format(spec.name, sizeof spec.name, "%s %s expansion (private)", nat->iso3,
                     cp_facility_kind_name(spec.kind));
            int id = fac_add(w, &spec);
            if (id < 0)
                return;
            cp_facility *fx = &w->facilities[id];
            fx->private_capital = 1;
            static const int cut[] = {CP_STAGE_PERMITTING, CP_STAGE_CONSTRUCTION, CP_STAGE_RAMP_UP};
            for (int c = 0; c < 3; c++) {
                int *st = &fx->stage_turns[cut[c]];
                int shorter = (int)lround(*st / (cut[c] == CP_STAGE_PERMITTING ? 4.0 : 2.0));
                *st = shorter < 1 ? 1 : shorter;
            }
            news_add(w, CP_NEWS_FACILITY, n, (int)g,
                     "Firms in %s announce %.0f t/yr of new %s capacity: prices have paid for it",
                     nat->iso3, spec.capacity_t_per_yr, cp_facility_kind_name(spec.kind));
        }
    }
}
