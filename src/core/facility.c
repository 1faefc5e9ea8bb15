/* facility.c -- industrial-capacity timelines: how a mine, a separation plant,
 * a heavy separation line or a magnet plant goes from an announcement to
 * output, what it costs, and when firms decide to build one.
 *
 * This file holds the lesson players forget: capacity arrives years after the
 * decision. Default stage lengths, in quarters, for a typical OECD permitting
 * regime (permitting_factor 1):
 *
 *   stage         mine  separation  heavy line  magnet plant
 *   announced       2       1           1            1
 *   permitting     16       6           4            1
 *   construction   14      10           8            6
 *   ramp-up         8       4           4            2
 *
 * so a mine gives its first ore after about 32 quarters as planned, a
 * separation plant after about 4-5 years, a heavy line after about 3, a
 * magnet plant after about 2. Sources: discovery to production averages
 * 15.7 years (S&P Global, 127 mines, 2023) and "about 10 years" in Canada
 * (Mills testimony); refineries take 3-5 years (Kalgoorlie ~3-4, Eneabba
 * ~5); magnet plants ~2 years (eVAC ~21 months, Narva ~26 months); Lynas's
 * Malaysian heavy circuit was announced in October 2025 with its first
 * heavy oxide due within about two years.
 *
 * Announced dates slip: every project draws a slippage when it is announced
 * (SLIP_*), which lengthens its construction when construction starts. The
 * distribution is calibrated on projects outside China: some open on time
 * (eVAC shipped in December 2025 as planned), most slip a year or more
 * (Serra Verde about one, Ngualla's 2025 target unbuilt, Lynas Texas's
 * FY2026 target in doubt, Nolans still before its investment decision three
 * years after its 2022 target; shared/data/rare-earths.md, lead_times.csv):
 * one in five on time, the rest slipping 30% of the project's timeline on
 * average: a mine's ten years slip three, so 2.4 years on average over
 * all mines, 1.2 for a separation plant, half a year for a magnet plant
 * (eVAC was on time, Narva about two months late); all scaled by the
 * host's permitting regime (China's 0.25: a mine's slip about 7 months).
 *
 * Permitting scales with the host's regime (China's is fast), construction
 * with its technology; construction stalls when the funder cannot pay, and
 * speeds up a little when it prepays. A processing-technology ban by the
 * nation that leads a stage makes that stage slower and dearer everywhere
 * else (fac_tech_banned).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fastmath.h"
#include "world_internal.h"

/* A plant as the news names it: its own name when that already says its kind
 * and nation (the names the rules make: "Australia separation plant 3"), else
 * the name with both ("Mountain Pass (mine, United States)"). */
static const char *plant_title(const cp_world *w, const cp_facility *f, char *buf, size_t len)
{
    const char *nation = w->nations[f->host].name, *kind = cp_facility_kind_label(f->kind);
    size_t nl = strlen(nation);
    if (strncmp(f->name, nation, nl) == 0 && strstr(f->name + nl, kind))
        return f->name;
    text_format(buf, len, "%s (%s, %s)", f->name, kind, nation);
    return buf;
}

static const int base_turns[CP_FAC_KIND_COUNT][CP_STAGE_COUNT] = {
    [CP_FAC_MINE] = {2, 16, 14, 8, 0, 0, 0},
    [CP_FAC_SEPARATION] = {1, 6, 10, 4, 0, 0, 0},
    [CP_FAC_MAGNET] = {1, 1, 6, 2, 0, 0, 0},
    [CP_FAC_HEAVY_SEPARATION] = {1, 4, 8, 4, 0, 0, 0},
};

/* Capital cost per tonne a year of capacity, USD [E]:
 * mine ~$25k (Ngualla ~$320M; Nolans A$1.39bn for mine + separation of
 * ~17 kt REO); separation ~$60k (Eneabba A$1.7-1.8bn for 12-23 kt REO);
 * magnet plant ~$150k (eVAC >$500M for 2,000 t; Narva ~EUR100M for 2,000 t);
 * heavy line ~$600k per t of Dy/Tb oxide (Lynas's A$180M circuit for 5,000 t
 * of heavy feedstock, a few hundred t of Dy/Tb; MP's ~$185M of DoD money for
 * ~200 t/yr). */
static const double capex_usd_per_t_yr[CP_FAC_KIND_COUNT] = {25000.0, 60000.0, 150000.0, 600000.0};

/* Slippage: share of projects on time, and the mean slip of the others
 * (and the longest), as a share of the kind's timeline from announcement
 * to full output at permitting_factor 1 (see the comment at the top): a
 * mine's 40 quarters slip 12 on average, a magnet plant's 10 three. */
static const double SLIP_ON_TIME = 0.2, SLIP_MEAN_SHARE = 0.3, SLIP_MAX_SHARE = 1.0;

/* What a technology ban does to the stages it covers, outside the nation
 * that imposes it [E]: ramp-ups take half as long again (Mountain Pass took
 * about six years from its restart to separated NdPr, Lynas's Kalgoorlie
 * three to four), twice as long for heavy lines ("greater difficulty in
 * getting heavy rare earth separation capacity online outside of China",
 * Benchmark via Reuters, Dec 2023), and plants cost 45% more (Eneabba's
 * capital cost rose from A$1.2bn to A$1.7-1.8bn). */
static const double BAN_RAMP_UP = 1.5, BAN_RAMP_UP_HEAVY = 2.0, BAN_CAPEX = 1.45;

/* Greenfield plant sizes firms build, t a year [E]: mines like Ngualla
 * (16 kt) or Phalaborwa (~8 kt), separation like Silmet or La Rochelle
 * (3-4.5 kt), a heavy line like MP's (~200 t Dy/Tb), a magnet plant like
 * Narva, eVAC or Noveon (2 kt). */
static const double GREENFIELD_T[CP_FAC_KIND_COUNT] = {10000.0, 4000.0, 2000.0, 200.0};

/* Ore this rich in Dy/Tb (share of its weight) is mined for them: ionic
 * clays hold 5-6% (world-2025.lua), light ores 0.4-0.8% [E]. */
static const double HEAVY_RICH_SHARE = 0.02;

/* Plants running this far below their kind's normal use are idle: their
 * owners use them before they build more [E]. */
static const double IDLE_MARGIN = 0.15;

double fac_capex_musd(cp_facility_kind k, double capacity_t_per_yr)
{
    return capacity_t_per_yr * capex_usd_per_t_yr[k] / 1e6;
}

/* Does a processing-technology ban reach nation 'n''s plants of kind 'k'?
 * It does when another nation whose technology in that stage is ahead of
 * n's bans the export of it. Mines are not covered. */
int fac_tech_banned(const cp_world *w, int n, cp_facility_kind k)
{
    if (k == CP_FAC_MINE)
        return 0;
    for (int m = 0; m < w->nation_count; m++)
        if (m != n && w->nations[m].policy.tech_ban && w->nations[m].tech[k] > w->nations[n].tech[k])
            return 1;
    return 0;
}

double fac_capex_in_musd(const cp_world *w, cp_facility_kind k, int host, double capacity_t_per_yr)
{
    double c = fac_capex_musd(k, capacity_t_per_yr);
    return fac_tech_banned(w, host, k) ? c * BAN_CAPEX : c;
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

/* A project's slippage, drawn from the world's stream when it is
 * announced: 0 with probability SLIP_ON_TIME, else exponential with mean
 * SLIP_MEAN_SHARE of its kind's timeline, scaled by the host's permitting
 * regime. */
static double slip_mean_quarters(cp_facility_kind k)
{
    int total = 0;
    for (int s = CP_STAGE_ANNOUNCED; s <= CP_STAGE_RAMP_UP; s++)
        total += base_turns[k][s];
    return SLIP_MEAN_SHARE * total;
}

static int draw_slip(cp_world *w, int host, cp_facility_kind k)
{
    double u = rng_unit(&w->rng);
    if (u < SLIP_ON_TIME)
        return 0;
    double tail = (1.0 - u) / (1.0 - SLIP_ON_TIME); /* (0, 1] */
    double mean = slip_mean_quarters(k);
    double q = -mean * fm_log(tail);
    if (q > mean / SLIP_MEAN_SHARE * SLIP_MAX_SHARE)
        q = mean / SLIP_MEAN_SHARE * SLIP_MAX_SHARE;
    return (int)lround(q * w->nations[host].permitting_factor);
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
    f->private_capital = spec->private_capital != 0;
    f->capacity_t_per_yr = spec->capacity_t_per_yr;
    f->stage = spec->stage;
    f->turns_in_stage = spec->turns_in_stage;
    fac_stage_turns_default(w, spec->kind, spec->host, f->stage_turns);
    int stated = 0;
    for (int s = 0; s < CP_STAGE_COUNT; s++)
        if (spec->stage_turns[s] > 0) {
            f->stage_turns[s] = spec->stage_turns[s];
            stated = 1;
        }
    /* a project not yet building slips, unless the scenario states its
     * timeline (history that already happened) */
    if (!stated && f->stage <= CP_STAGE_PERMITTING)
        f->slip_turns = draw_slip(w, f->host, f->kind);
    if (f->stage <= CP_STAGE_RAMP_UP) {
        double len = f->stage_turns[f->stage];
        f->progress = len > 0 ? fmin(0.99, f->turns_in_stage / len) : 0.0;
    }
    /* a project the scenario starts part-way along its timeline was
     * announced before the game: as many turns ago as the stages it has
     * passed were planned to last, plus its time in the current one */
    int elapsed = f->turns_in_stage;
    for (int s = CP_STAGE_ANNOUNCED; s < (int)f->stage && s <= CP_STAGE_RAMP_UP; s++)
        elapsed += f->stage_turns[s];
    f->start_turn = w->turn - elapsed;
    f->capex_musd = fac_capex_in_musd(w, f->kind, f->host, f->capacity_t_per_yr);
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

/* The other nation a plant's news involves: its funder, when abroad. */
static int partner_of(const cp_facility *f)
{
    return f->funder != f->host ? f->funder : -1;
}

/* Delay project 'id' by 'turns' quarters (a lawsuit, a scenario's event),
 * keeping the work already done. */
void fac_delay(cp_world *w, int id, int turns, const char *why)
{
    char title[160]; /* plant_title */
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
    news_add_x(w, CP_NEWS_FACILITY, f->host, -1, partner_of(f), f->id, 0, "%s delayed %d quarters: %s", plant_title(w, f, title, sizeof title), turns, why);
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
        w->money_q[payers[k]][CP_MONEY_CONSTRUCTION] -= part;
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
    char title[160]; /* plant_title */
    f->stage = s;
    f->progress = 0;
    f->turns_in_stage = 0;
    if (s == CP_STAGE_CONSTRUCTION && f->slip_turns > 0) {
        /* the slippage drawn at announcement shows now */
        int slip = f->slip_turns;
        f->slip_turns = 0;
        f->stage_turns[CP_STAGE_CONSTRUCTION] += slip;
        f->delay_turns += slip;
        news_add_x(w, CP_NEWS_FACILITY, f->host, -1, partner_of(f), f->id, 0,
                 "%s starts construction %d quarters behind its announced schedule", plant_title(w, f, title, sizeof title), slip);
    }
    if (s == CP_STAGE_RAMP_UP && fac_tech_banned(w, f->host, f->kind)) {
        double slower = f->kind == CP_FAC_HEAVY_SEPARATION ? BAN_RAMP_UP_HEAVY : BAN_RAMP_UP;
        f->stage_turns[CP_STAGE_RAMP_UP] = (int)ceil(f->stage_turns[CP_STAGE_RAMP_UP] * slower);
    }
    if (s == CP_STAGE_RAMP_UP || s == CP_STAGE_OPERATING) {
        if (s == CP_STAGE_RAMP_UP)
            f->operating_turn = w->turn + f->stage_turns[CP_STAGE_RAMP_UP];
        news_add_x(w, CP_NEWS_FACILITY, f->host, -1, partner_of(f), f->id, 1, "%s %s", plant_title(w, f, title, sizeof title),
                 s == CP_STAGE_RAMP_UP ? "starts producing and ramps up" : "reaches full output");
    } else {
        news_add_x(w, CP_NEWS_FACILITY, f->host, -1, partner_of(f), f->id, 1, "%s enters %s", plant_title(w, f, title, sizeof title), cp_stage_name(s));
    }
}

/* The hurdle a nation's firms need to invest in 'k': its hurdle price
 * ratio, higher by BAN_CAPEX where a technology ban makes plants dearer. */
static double hurdle(const cp_world *w, int n, cp_facility_kind k)
{
    double h = w->nations[n].hurdle_price_ratio;
    return fac_tech_banned(w, n, k) ? h * BAN_CAPEX : h;
}

/* Move every project one quarter along its timeline. A project built by
 * firms waits at the end of its permits until prices justify building it
 * (its final investment decision); state projects go ahead. */
void fac_advance(cp_world *w)
{
    char title[160]; /* plant_title */
    for (int k = 0; k < w->facility_count; k++) {
        cp_facility *f = &w->facilities[k];
        if (f->stage >= CP_STAGE_OPERATING)
            continue;
        int len = f->stage_turns[f->stage];
        double step = len > 0 ? 1.0 / len : 1.0;
        if (f->stage == CP_STAGE_CONSTRUCTION)
            step *= pay_instalment(w, f);
        if (f->stage == CP_STAGE_PERMITTING && f->private_capital &&
            f->progress + step >= 1.0 - 1e-9 &&
            w->invest_signal[f->host][f->kind] < hurdle(w, f->host, f->kind)) {
            if (f->progress < 1.0 - 1e-9)
                news_add_x(w, CP_NEWS_FACILITY, f->host, -1, partner_of(f), f->id, 0,
                         "%s has its permits but waits: prices do not yet pay for building it", plant_title(w, f, title, sizeof title));
            f->progress = 1.0 - 1e-9;
            f->turns_in_stage++;
            f->operating_turn = projected_operating_turn(w, f) + 1;
            continue;
        }
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

/* What a nation's producers of 'k' are paid now over the reference: the
 * producer price of what they make where the nation makes it, else the
 * price it pays (where it would sell a new plant's output). Separation
 * counts the NdPr and, where the nation can separate heavies, the Dy/Tb in
 * standard ore. */
static double price_now(const cp_world *w, int n, cp_good g, cp_facility_kind k)
{
    const cp_nation *nat = &w->nations[n];
    double p = w->cap_t[n][k] > 0 ? w->mstate[g].price[n] : nat->price_paid_usd_per_kg[g];
    double floor = nat->policy.price_floor_usd_per_kg[g];
    return p > floor ? p : floor;
}

static double signal_now(const cp_world *w, int n, cp_facility_kind k)
{
    const cp_scenario *sc = w->sc;
    const cp_nation *nat = &w->nations[n];
    switch (k) {
    case CP_FAC_MINE: {
        if (w->cap_t[n][k] > 0) {
            double q = prod_ore_quality(w, n, n);
            double anchor = sc->goods[CP_ORE].reference_price_usd_per_kg;
            /* the ore's own reference: standard ore's, times its content's worth */
            double pl = sc->goods[CP_LIGHT_OXIDE].reference_price_usd_per_kg;
            double ph = sc->goods[CP_HEAVY_OXIDE].reference_price_usd_per_kg;
            double qref = (nat->ore_light_share * pl + nat->ore_heavy_share * ph) / (0.21 * pl + 0.004 * ph);
            (void)q;
            return w->mstate[CP_ORE].price[n] / (anchor * (qref > 0.05 ? qref : 0.05));
        }
        return nat->price_paid_usd_per_kg[CP_ORE] / sc->goods[CP_ORE].reference_price_usd_per_kg;
    }
    case CP_FAC_SEPARATION: {
        double h = w->cap_t[n][CP_FAC_HEAVY_SEPARATION] > 0 ? 1.0 : 0.0;
        double pl0 = sc->goods[CP_LIGHT_OXIDE].reference_price_usd_per_kg;
        double ph0 = sc->goods[CP_HEAVY_OXIDE].reference_price_usd_per_kg;
        double pl = price_now(w, n, CP_LIGHT_OXIDE, k), ph = price_now(w, n, CP_HEAVY_OXIDE, k);
        return (0.21 * pl + 0.004 * h * ph) / (0.21 * pl0 + 0.004 * h * ph0);
    }
    case CP_FAC_HEAVY_SEPARATION:
        return price_now(w, n, CP_HEAVY_OXIDE, k) / sc->goods[CP_HEAVY_OXIDE].reference_price_usd_per_kg;
    case CP_FAC_MAGNET:
        return price_now(w, n, CP_MAGNET, k) / sc->goods[CP_MAGNET].reference_price_usd_per_kg;
    default:
        return 1.0;
    }
}

/* Once a quarter, after the markets: the signal each nation's firms invest
 * on, an average of the last quarters (a quarter of the way each time). */
void fac_update_signals(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++)
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            double s = signal_now(w, n, (cp_facility_kind)k);
            w->invest_signal[n][k] += 0.25 * (s - w->invest_signal[n][k]);
        }
}

/* Could firms build a plant of kind 'k' in nation 'n'? A mine where there
 * are reserves for twenty years of a greenfield mine; separation where ore
 * is mined or separated already, or the know-how exists; a heavy line
 * beside separation, or with the know-how; a magnet plant where magnets
 * are made, or the know-how exists, or industry uses 2,000 t a year. */
static int plausible_site(const cp_world *w, int n, cp_facility_kind k, double built)
{
    const cp_nation *nat = &w->nations[n];
    if (k == CP_FAC_MINE)
        return nat->reserves_t >= 20.0 * GREENFIELD_T[k];
    if (built > 0)
        return 1;
    switch (k) {
    case CP_FAC_SEPARATION:
        return w->cap_t[n][CP_FAC_MINE] > 0 || nat->tech[k] >= 0.5;
    case CP_FAC_HEAVY_SEPARATION:
        return w->cap_t[n][CP_FAC_SEPARATION] > 0 || nat->tech[k] >= 0.4;
    case CP_FAC_MAGNET: {
        double need = 0;
        for (int s = 0; s < CP_SECTOR_COUNT; s++)
            need += nat->demand_t_per_yr[s][CP_MAGNET];
        return nat->tech[k] >= 0.4 || need >= 2000.0;
    }
    default:
        return 0;
    }
}

/* An expansion beside running plants (a new pit, a second circuit,
 * debottlenecking) skips most of a greenfield plant's timeline [E]: it is
 * announced within a quarter, takes a quarter of the permitting, a third
 * of the construction and a quarter of the ramp-up (Mt Weld's expansion
 * took about three years; China raises its mining quotas within a year,
 * 21% in 2023 and 5.9% in 2024, MIIT via Reuters). */
static void brownfield_stage_turns(const cp_world *w, cp_facility_kind k, int host,
                                   int st[CP_STAGE_COUNT])
{
    fac_stage_turns_default(w, k, host, st);
    st[CP_STAGE_ANNOUNCED] = 1;
    st[CP_STAGE_PERMITTING] = (st[CP_STAGE_PERMITTING] + 3) / 4;
    st[CP_STAGE_CONSTRUCTION] = (st[CP_STAGE_CONSTRUCTION] + 2) / 3;
    st[CP_STAGE_RAMP_UP] = (st[CP_STAGE_RAMP_UP] + 3) / 4;
}

/* Quarters from an expansion's announcement to its full output, with the
 * mean slippage. */
static int brownfield_lead_turns(const cp_world *w, cp_facility_kind k, int host)
{
    int st[CP_STAGE_COUNT];
    brownfield_stage_turns(w, k, host, st);
    double slip = (1.0 - SLIP_ON_TIME) * slip_mean_quarters(k) * w->nations[host].permitting_factor;
    return st[CP_STAGE_ANNOUNCED] + st[CP_STAGE_PERMITTING] + st[CP_STAGE_CONSTRUCTION] +
           st[CP_STAGE_RAMP_UP] + (int)lround(slip);
}

/* Firms invest on their own when prices pay for it. Once a year, for every
 * kind of plant:
 *
 *  - the world's gap: the capacity that would run at normal use when new
 *    plants open, meeting the trend of final needs at reference prices
 *    (production.c, prod_world_need) an expansion's lead time from now;
 *    less what is built and what is on its way, anywhere. Firms see each
 *    other's projects: when the pipeline already covers the gap, nobody
 *    adds more. They build for the trend, not for today's demand: at the
 *    price they build for, the redesigns made at dearer prices unwind.
 *  - the candidates: nations with a plausible site whose signal (what
 *    producers there have been paid over the reference, averaged over about
 *    a year) clears their hurdle: most projects outside China need
 *    $75-85/kg NdPr against ~$54 (Benchmark 2024 via Reuters), about 1.5
 *    times the reference; Chinese producers expand at lower prices.
 *    Where plants of that kind already run, they must not be idle (run
 *    more than IDLE_MARGIN below their normal use): idle capacity is used
 *    before new capacity is built (China's expansions look at its idle
 *    plants).
 *  - the gap is shared among them in proportion to what they have built
 *    (a greenfield site counts as one plant of a usual size, GREENFIELD_T)
 *    times the square of their signal over their hurdle (fatter margins
 *    draw more) times the fourth power of their plants' use over normal
 *    (busy plants draw more than slack ones).
 *
 * Mines have a second gap: the Dy/Tb the world's ore must hold for the
 * heavy lines' need. Most ore is light (0.4-0.8% Dy/Tb); what the light
 * gap's mines do not bring is shared among the candidates whose ore is rich
 * in them (HEAVY_RICH_SHARE: ionic clays, 5-6%, in Myanmar, Laos, Brazil),
 * by the square of their ore's heavy share, each building the ore that
 * holds its share. Light ore dug for its Dy/Tb would flood the NdPr market
 * with 25 t of NdPr for every kg of Dy/Tb's worth: nobody builds a mine for
 * that.
 *
 * Where plants exist the expansion is brownfield, at most the nation's
 * expansion_cap_per_yr of what is built (35% by default; China's quotas
 * grew 4-6% in 2024), on the short timeline of brownfield_stage_turns.
 * Elsewhere it is a greenfield plant (half a usual plant at least, two at
 * most) on the full timeline, one at a time. Either way firms pay, and the
 * project slips like any other. */
typedef struct {
    double built_t[CP_MAX_NATIONS];    /* operating or ramping up */
    double pipeline_t[CP_MAX_NATIONS]; /* announced to construction */
    double weight[CP_MAX_NATIONS];     /* the candidates' shares */
} invest_kind;

static const cp_good kind_product[CP_FAC_KIND_COUNT] = {CP_ORE, CP_LIGHT_OXIDE, CP_MAGNET,
                                                        CP_HEAVY_OXIDE};

/* The weight of nation 'n' among the firms that would build kind 'k', 0
 * when it is not a candidate (see fac_private_investment). */
static double candidate_weight(const cp_world *w, const invest_kind *ik, int n,
                               cp_facility_kind k, double normal)
{
    const cp_nation *nat = &w->nations[n];
    double b = ik->built_t[n];
    if (!(nat->hurdle_price_ratio > 0) || !plausible_site(w, n, k, b))
        return 0;
    double h = hurdle(w, n, k), signal = w->invest_signal[n][k];
    if (signal < h)
        return 0;
    if (b > 0 && w->util[n][k] < normal - IDLE_MARGIN)
        return 0;
    if (b <= 0 && ik->pipeline_t[n] > 0)
        return 0;
    double busy = b > 0 ? w->util[n][k] / normal : 1.0;
    busy *= busy;
    return (b > 0 ? b : GREENFIELD_T[k]) * (signal / h) * (signal / h) * busy * busy;
}

/* Firms in 'n' announce 'size' t a year of kind 'k': an expansion where
 * they have plants, a greenfield project elsewhere. Returns 0 when the
 * world holds no more facilities. */
static int announce(cp_world *w, int n, cp_facility_kind k, double size, int brownfield)
{
    const cp_nation *nat = &w->nations[n];
    cp_facility_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.kind = k;
    spec.host = spec.funder = n;
    spec.capacity_t_per_yr = size;
    spec.stage = CP_STAGE_ANNOUNCED;
    spec.private_capital = 1;
    if (brownfield)
        brownfield_stage_turns(w, k, n, spec.stage_turns);
    text_format(spec.name, sizeof spec.name, "%s %s %s (private)", nat->name,
                cp_facility_kind_label(k), brownfield ? "expansion" : "project");
    int id = fac_add(w, &spec);
    if (id < 0)
        return 0;
    if (brownfield) /* its timeline is stated, but it slips too */
        w->facilities[id].slip_turns = draw_slip(w, n, k);
    news_add(w, CP_NEWS_FACILITY, n, (int)kind_product[k],
             "Firms in %s announce %.0f t/yr of new %s capacity: prices have paid for it",
             nat->name, size, cp_facility_kind_label(k));
    return 1;
}

/* Share 'gap' (capacity of kind 'k', t a year) among the candidates by
 * their weights; 'per_t[n]' converts a nation's share into the capacity it
 * builds (1, or for the heavy gap of mines the ore per t of Dy/Tb). A
 * greenfield site whose plant would be under half a usual one drops out
 * and the others share the gap. Returns 0 when the world is full. */
static int share_gap(cp_world *w, invest_kind *ik, cp_facility_kind k, double gap,
                     const double per_t[CP_MAX_NATIONS])
{
    double total = 0;
    for (int n = 0; n < w->nation_count; n++)
        total += ik->weight[n];
    for (int dropped = 1; dropped && total > 0;) {
        dropped = 0;
        for (int n = 0; n < w->nation_count; n++)
            if (ik->weight[n] > 0 && ik->built_t[n] <= 0 &&
                gap * ik->weight[n] / total * per_t[n] < 0.5 * GREENFIELD_T[k]) {
                total -= ik->weight[n];
                ik->weight[n] = 0;
                dropped = 1;
            }
    }
    for (int n = 0; n < w->nation_count && total > 0; n++) {
        if (ik->weight[n] <= 0)
            continue;
        double b = ik->built_t[n];
        double size = gap * ik->weight[n] / total * per_t[n];
        if (b > 0) {
            double cap = w->nations[n].expansion_cap_per_yr * b;
            if (size > cap)
                size = cap;
            if (size < 0.01 * b)
                continue;
        } else if (size > 2.0 * GREENFIELD_T[k]) {
            size = 2.0 * GREENFIELD_T[k];
        }
        if (k == CP_FAC_MINE && w->nations[n].reserves_t < 20 * (b + ik->pipeline_t[n] + size))
            continue;
        if (size < 100)
            size = 100;
        if (!announce(w, n, k, size, b > 0))
            return 0;
        ik->pipeline_t[n] += size;
    }
    return 1;
}

void fac_private_investment(cp_world *w)
{
    if (w->turn % 4 != 0)
        return;
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
        invest_kind ik;
        memset(&ik, 0, sizeof ik);
        int biggest = 0;
        double built = 0;
        for (int f = 0; f < w->facility_count; f++) {
            const cp_facility *x = &w->facilities[f];
            if ((int)x->kind != k)
                continue;
            if (x->stage == CP_STAGE_OPERATING || x->stage == CP_STAGE_RAMP_UP)
                ik.built_t[x->host] += x->capacity_t_per_yr;
            else if (x->stage < CP_STAGE_RAMP_UP)
                ik.pipeline_t[x->host] += x->capacity_t_per_yr;
        }
        for (int n = 0; n < w->nation_count; n++)
            if (ik.built_t[n] > ik.built_t[biggest])
                biggest = n;
        cp_facility_kind kind = (cp_facility_kind)k;
        double normal = prod_normal_use(w, kind);
        int lead = brownfield_lead_turns(w, kind, biggest);
        /* mines whose reserves would not last twice that long count for
         * the share they can feed: firms see a mine running out */
        double lasting[CP_MAX_NATIONS];
        for (int n = 0; n < w->nation_count; n++) {
            double dig = ik.built_t[n] * normal * (2 * lead) / 4.0;
            lasting[n] = k == CP_FAC_MINE && dig > w->nations[n].reserves_t
                             ? w->nations[n].reserves_t / dig
                             : 1.0;
            built += ik.built_t[n] * lasting[n];
        }
        /* what is on its way and will run by then, or soon after (a
         * project that slipped still comes; a mine a decade away does not
         * count), and the Dy/Tb in the ore of all that */
        double pipeline = 0, heavy_ore = 0;
        for (int f = 0; f < w->facility_count; f++) {
            const cp_facility *x = &w->facilities[f];
            if ((int)x->kind != k || x->stage > CP_STAGE_RAMP_UP)
                continue;
            int soon = x->operating_turn <= w->turn + 2 * lead;
            if (x->stage < CP_STAGE_RAMP_UP && soon)
                pipeline += x->capacity_t_per_yr;
            if (x->stage == CP_STAGE_RAMP_UP || soon)
                heavy_ore += x->capacity_t_per_yr * w->nations[x->host].ore_heavy_share;
        }
        for (int f = 0; f < w->facility_count; f++) {
            const cp_facility *x = &w->facilities[f];
            if ((int)x->kind == k && x->stage == CP_STAGE_OPERATING)
                heavy_ore += x->capacity_t_per_yr * lasting[x->host] * w->nations[x->host].ore_heavy_share;
        }
        double need[CP_FAC_KIND_COUNT], heavy_need = 0;
        prod_world_need(w, lead, need, &heavy_need);
        double gap = need[k] / normal - built - pipeline;
        double one[CP_MAX_NATIONS];
        for (int n = 0; n < w->nation_count; n++) {
            one[n] = 1.0;
            ik.weight[n] = candidate_weight(w, &ik, n, kind, normal);
        }
        if (gap >= 0.01 * built) {
            if (!share_gap(w, &ik, kind, gap, one))
                return;
            heavy_ore += gap * (k == CP_FAC_MINE ? 0.004 : 0); /* at least light ore's share */
        }
        if (k != CP_FAC_MINE)
            continue;
        /* the Dy/Tb the ore still lacks */
        double heavy_gap = heavy_need / normal - heavy_ore;
        if (heavy_gap < 0.02 * heavy_ore)
            continue;
        double per_t[CP_MAX_NATIONS];
        for (int n = 0; n < w->nation_count; n++) {
            double hs = w->nations[n].ore_heavy_share;
            int rich = hs >= HEAVY_RICH_SHARE;
            per_t[n] = rich ? 1.0 / hs : 0;
            ik.weight[n] = rich ? candidate_weight(w, &ik, n, kind, normal) * hs * hs : 0;
        }
        if (!share_gap(w, &ik, kind, heavy_gap, per_t))
            return;
    }
}
