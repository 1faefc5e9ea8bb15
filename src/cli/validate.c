/* validate.c -- `chokepoint validate`: the model answers to the record.
 *
 * Plays the reference runs (the shipped scenarios, fixed seeds, headless)
 * and holds each stylized fact of shared/data/rare-earths.md to the game's
 * own figure: fact | source | the game's figure | target range | pass or
 * fail. Exit 0 when every fact passes, 1 on any miss, 2 when a scenario
 * does not load. `--markdown FILE` writes the table with its sources
 * (docs/validation.md is made that way). A test runs it (tests/cli).
 *
 * The runs are those a teacher would make: the scenario's schedule with no
 * agents where a fact is about history (2025, the 2010 embargo, the April
 * 2025 licences), the scenario's own agents where it is about what nations
 * would do (the 2030 outlook, Central Asia's deals). Every run is
 * deterministic, so the table is the same on every machine.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "script.h"
#include "session.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint validate [--markdown FILE] [--quiet]\n"
          "  plays the reference runs and checks the game against the record: each fact\n"
          "  with its source, the game's figure, the target range and pass or fail\n"
          "  --markdown  also write the table as Markdown (docs/validation.md)\n"
          "  --quiet     print only the misses and the summary line\n"
          "  exit status: 0 every fact passes, 1 a fact misses, 2 a scenario does not load\n",
          f);
}

/* ---- reference runs --------------------------------------------------- */

typedef struct {
    cpg_game *g;
    cp_world *w; /* the game's world */
    cps_scenario_info info;
} run;

static void run_free(run *r)
{
    cpg_close(r->g);
    cps_scenario_info_free(&r->info);
    memset(r, 0, sizeof *r);
}

static void log_quiet(void *ud, const char *line)
{
    (void)ud;
    (void)line;
}

/* A fresh world of 'scenario' with 'overrides' ("NAME=V,..." or NULL),
 * played 'turns' quarters with the scenario's agents seated or none.
 * 'before' (may be NULL) submits orders before the first advance. Returns 0,
 * or -1 after printing why. */
static void count_capped(const cp_world *w);
static int play(run *r, const char *scenario, const char *overrides, unsigned long long seed,
                int turns, int agents, void (*before)(cp_world *w))
{
    static cp_scenario sc;
    char err[1024];
    memset(r, 0, sizeof *r);
    if (cps_scenario_load_with(scenario, overrides, &sc, &r->info, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint validate: %s\n", err);
        return -1;
    }
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.no_agents = !agents;
    o.seats.quiet = 1;
    o.seats.log = log_quiet;
    o.made = CPG_MADE_NONE; /* no without-worlds: nothing here reads made */
    cpg_error e;
    r->g = cpg_new_from(&sc, &r->info, seed, NULL, 0, &o, &e);
    if (!r->g) {
        fprintf(stderr, "chokepoint validate: %s: %s\n", scenario, e.message);
        run_free(r);
        return -1;
    }
    r->w = cpg_world(r->g);
    if (before)
        before(r->w);
    for (int t = 0; t < turns; t++) {
        cpg_play_turn(r->g, NULL); /* no recording, no autosave: nothing to fail */
        count_capped(r->w);
    }
    return 0;
}

static int solver_capped; /* market solves that stopped at the iteration cap, all runs */

static void count_capped(const cp_world *w)
{
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        solver_capped += cp_world_market(w, (cp_good)g)->solve_capped;
}

static int nation(const cp_world *w, const char *iso3)
{
    return cp_world_find_nation(w, iso3);
}

/* Sums of a nation's (or the world's, n = -1) history over turns a..b. */
typedef enum { F_MINED, F_SEPARATED, F_HEAVY, F_MAGNETS, F_MAGNET_EXPORTS } figure;

static double sum_turns(const cp_world *w, int n, figure f, int a, int b)
{
    double s = 0;
    for (int t = a; t <= b; t++)
        for (int k = 0; k < cp_world_nation_count(w); k++) {
            if (n >= 0 && k != n)
                continue;
            const cp_nation_history *h = cp_world_nation_history(w, t, k);
            if (!h)
                continue;
            switch (f) {
            case F_MINED: s += h->mined_t; break;
            case F_SEPARATED: s += h->separated_t; break;
            case F_HEAVY: s += h->heavy_separated_t; break;
            case F_MAGNETS: s += h->magnets_t; break;
            case F_MAGNET_EXPORTS: s += h->exports_t[CP_MAGNET]; break;
            }
        }
    return s;
}

static double share(const cp_world *w, const char *iso3, figure f, int a, int b)
{
    double all = sum_turns(w, -1, f, a, b);
    return all > 0 ? sum_turns(w, nation(w, iso3), f, a, b) / all : 0;
}

static double paid(const cp_world *w, const char *iso3, cp_good g, int turn)
{
    const cp_nation_history *h = cp_world_nation_history(w, turn, nation(w, iso3));
    return h ? h->price_paid_usd_per_kg[g] : 0;
}

/* The turn of a date in the world's calendar ("2030Q1" -> turn). */
static int turn_of(const cp_world *w, int year, int quarter)
{
    int y0, q0;
    cp_world_date(w, 0, &y0, &q0);
    return (year * 4 + quarter - 1) - (y0 * 4 + q0 - 1);
}

/* ---- the table -------------------------------------------------------- */

typedef struct {
    const char *fact;
    const char *source;
    const char *run;     /* how the game's figure was made */
    char figure[96];
    char target[96];
    int pass;
} row;

enum { MAX_ROWS = 64 };
static row rows[MAX_ROWS];
static int row_count;

/* Add a fact whose figure 'x' must lie in lo..hi (either may be NAN: open). */
static void fact(const char *what, const char *source, const char *how, double x, double lo,
                 double hi, const char *fmt, double scale, const char *unit)
{
    if (row_count >= MAX_ROWS)
        return;
    row *r = &rows[row_count++];
    r->fact = what;
    r->source = source;
    r->run = how;
    char num[32];
    snprintf(num, sizeof num, fmt, x * scale);
    snprintf(r->figure, sizeof r->figure, "%s%s", num, unit);
    char a[32] = "", b[32] = "";
    if (!isnan(lo))
        snprintf(a, sizeof a, fmt, lo * scale);
    if (!isnan(hi))
        snprintf(b, sizeof b, fmt, hi * scale);
    if (!isnan(lo) && !isnan(hi))
        snprintf(r->target, sizeof r->target, "%s to %s%s", a, b, unit);
    else if (!isnan(lo))
        snprintf(r->target, sizeof r->target, "at least %s%s", a, unit);
    else
        snprintf(r->target, sizeof r->target, "at most %s%s", b, unit);
    r->pass = isfinite(x) && (isnan(lo) || x >= lo - 1e-12) && (isnan(hi) || x <= hi + 1e-12);
}

static void pct(const char *what, const char *source, const char *how, double x, double lo, double hi)
{
    fact(what, source, how, x, lo, hi, "%.1f", 100.0, "%");
}

static void times(const char *what, const char *source, const char *how, double x, double lo,
                  double hi)
{
    fact(what, source, how, x, lo, hi, "%.2f", 1.0, "x");
}

/* ---- the facts -------------------------------------------------------- */

/* A US mine ordered at once by the United States. */
static void order_us_mine(cp_world *w)
{
    cp_order o;
    memset(&o, 0, sizeof o);
    o.kind = CP_ORDER_BUILD_FACILITY;
    o.nation = o.partner = nation(w, "USA");
    o.facility_kind = CP_FAC_MINE;
    o.amount = 10000;
    cp_error e;
    if (cp_world_submit(w, &o, &e) != CP_OK)
        fprintf(stderr, "chokepoint validate: the US mine order was refused: %s\n", e.message);
}

static int facts_2025(void)
{
    run r;
    if (play(&r, "baseline", NULL, 1, 40, 0, NULL) != 0)
        return -1;
    const cp_world *w = r.w;
    const char *how = "baseline, seed 1, no agents, 2025Q1-Q4";
    pct("China's share of world mine output, 2025", "USGS MCS 2025: 270 of 390 kt in 2024 (69%)", how,
        share(w, "CHN", F_MINED, 0, 3), 0.62, 0.75);
    fact("World mine output, 2025", "USGS MCS 2025: 390 kt REO in 2024 (MCS 2026: 390 kt in 2025)",
         how, sum_turns(w, -1, F_MINED, 0, 3), 360000, 420000, "%.0f", 0.001, " kt");
    pct("China's share of separation, 2025", "IEA, 23 Oct 2025: 91%", how,
        share(w, "CHN", F_SEPARATED, 0, 3), 0.85, 0.95);
    pct("China's share of magnet making, 2025", "IEA, 23 Oct 2025: 94%", how,
        share(w, "CHN", F_MAGNETS, 0, 3), 0.88, 0.97);
    pct("China's share of heavy rare-earth separation, 2025", "CSIS, Apr 2025: about 99%", how,
        share(w, "CHN", F_HEAVY, 0, 3), 0.95, NAN);
    fact("NdPr oxide price in China, 2025Q1", "Lynas, Benchmark: $49-56/kg end-2024, ~$55 rising to ~$88 in 2025",
         "baseline, turn 0", paid(w, "CHN", CP_LIGHT_OXIDE, 0), 55, 80, "%.0f", 1.0, " $/kg");
    fact("Dy/Tb oxide price in China, 2025Q1 (4:1 Dy:Tb)",
         "USGS MCS 2025 (2024 averages): Dy $260, Tb $810; China domestic Dy ~$300 (May 2024)",
         "baseline, turn 0", paid(w, "CHN", CP_HEAVY_OXIDE, 0), 300, 450, "%.0f", 1.0, " $/kg");
    run_free(&r);
    return 0;
}

static int facts_rest(void)
{
    run r;
    if (play(&r, "free-trade", "growth_scale=0,random_events=0,projects=0", 1, 40, 0, NULL) != 0)
        return -1;
    double worst = 0;
    for (int t = 1; t <= 40; t++)
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            double p0 = cp_world_market_history(r.w, 0, (cp_good)g)->world_price_usd_per_kg;
            double p = cp_world_market_history(r.w, t, (cp_good)g)->world_price_usd_per_kg;
            if (p0 > 0 && fabs(p / p0 - 1) > worst)
                worst = fabs(p / p0 - 1);
        }
    pct("Opening world at rest: largest price move over 40 quarters",
        "a property of the model: no policy, no demand growth, no events",
        "free-trade, growth_scale=0, random_events=0, projects=0", worst, NAN, 0.05);
    run_free(&r);

    if (play(&r, "free-trade", NULL, 1, 40, 0, NULL) != 0)
        return -1;
    double p0 = cp_world_market_history(r.w, 0, CP_LIGHT_OXIDE)->world_price_usd_per_kg, peak = 0,
           low = 1e30, step = 0;
    for (int t = 1; t <= 40; t++) {
        double p = cp_world_market_history(r.w, t, CP_LIGHT_OXIDE)->world_price_usd_per_kg;
        double prev = cp_world_market_history(r.w, t - 1, CP_LIGHT_OXIDE)->world_price_usd_per_kg;
        if (p > peak)
            peak = p;
        if (p < low)
            low = p;
        if (prev > 0 && fabs(p / prev - 1) > step)
            step = fabs(p / prev - 1);
    }
    const char *ft = "free-trade, seed 1, no agents, 40 quarters";
    times("Free trade: highest NdPr price over the start",
          "NdPr rose ~2.7x from 2020 to 2022 in a demand surge, then fell back (USGS: Nd $49, $134, $56)",
          ft, peak / p0, NAN, 2.5);
    times("Free trade: lowest NdPr price over the start", "prices wander, they do not collapse either",
          ft, low / p0, 0.6, NAN);
    pct("Free trade: largest quarter-on-quarter NdPr move", "no boom: moves of a quarter, not a doubling",
        ft, step, NAN, 0.35);
    run_free(&r);

    /* the April 2025 licences */
    if (play(&r, "licensing-2025", NULL, 1, 8, 0, NULL) != 0)
        return -1;
    const cp_world *w = r.w;
    double chn0 = paid(w, "CHN", CP_HEAVY_OXIDE, 0), gap = 0, drift = 0;
    static const char *const importers[] = {"JPN", "DEU", "KOR", "USA"};
    for (int t = 1; t <= 2; t++) {
        double abroad = 0;
        for (int k = 0; k < 4; k++)
            abroad += paid(w, importers[k], CP_HEAVY_OXIDE, t) / 4.0;
        double chn = paid(w, "CHN", CP_HEAVY_OXIDE, t);
        if (t == 1 && chn > 0) /* 2025Q2: Argus's May assessment */
            gap = abroad / chn;
        if (fabs(chn / chn0 - 1) > drift)
            drift = fabs(chn / chn0 - 1);
    }
    const char *lh = "licensing-2025, seed 1, no agents, 2025Q2-Q3";
    const char *lh2 = "licensing-2025, seed 1, no agents, 2025Q2";
    /* in the quarter of Argus's May assessment: at least 2.5x (Dy ~3x and
     * Tb ~3x in Europe); at most 10x, a ceiling the marginal tonne should
     * not pass: magnets in Europe went to ~6x China's, and Adamas reads the
     * European quotes as thin intermediary trade */
    times("Licensing 2025: Dy/Tb paid in Japan, Germany, Korea, the US over China's, 2025Q2",
          "Argus, May 2025: Dy in Europe $250-310 -> $700-1,000/kg, Tb ~$1,000 -> $2,000-4,000; "
          "IEA: European magnets ~6x China's",
          lh2, gap, 2.5, 10.0);
    pct("Licensing 2025: China's own Dy/Tb price, largest move", "SMM: Chinese domestic prices held",
        lh, drift, NAN, 0.25);
    double x1 = sum_turns(w, nation(w, "CHN"), F_MAGNET_EXPORTS, 0, 0);
    double x2 = sum_turns(w, nation(w, "CHN"), F_MAGNET_EXPORTS, 1, 1);
    double x3 = sum_turns(w, nation(w, "CHN"), F_MAGNET_EXPORTS, 2, 2);
    times("Licensing 2025: China's magnet exports, 2025Q2 over 2025Q1",
          "China customs: May 2025 1,238 t, -74% y/y", "licensing-2025, seed 1, no agents",
          x1 > 0 ? x2 / x1 : 0, NAN, 0.55);
    times("Licensing 2025: China's magnet exports, 2025Q3 over 2025Q1",
          "China customs: July 2025 5,577 t, +5.7% y/y", "licensing-2025, seed 1, no agents",
          x1 > 0 ? x3 / x1 : 0, 0.8, 1.3);
    run_free(&r);

    /* the 2010 embargo and quota cuts */
    if (play(&r, "embargo-2010", NULL, 1, 24, 0, NULL) != 0)
        return -1;
    w = r.w;
    double d0 = paid(w, "JPN", CP_HEAVY_OXIDE, 0), dpeak = 0;
    int t2015 = turn_of(w, 2015, 4);
    for (int t = 1; t <= t2015 && t <= cp_world_turn(w); t++)
        if (paid(w, "JPN", CP_HEAVY_OXIDE, t) > dpeak)
            dpeak = paid(w, "JPN", CP_HEAVY_OXIDE, t);
    const char *eh = "embargo-2010, seed 1, no agents, Japan's price";
    times("Embargo 2010: the Dy/Tb boom (peak over 2010Q3)",
          "Dy oxide $91/kg (Jan 2009) -> $2,377/kg (Aug 2011) (questmetals)", eh, d0 > 0 ? dpeak / d0 : 0,
          5.0, NAN);
    times("Embargo 2010: the bust (2015Q4 over 2010Q3)",
          "USGS: Dy $1,400-1,420/kg end-2011, $215-240/kg end-2015", eh,
          d0 > 0 && t2015 <= cp_world_turn(w) ? paid(w, "JPN", CP_HEAVY_OXIDE, t2015) / d0 : 0, NAN, 2.0);
    run_free(&r);

    /* a US mine's lead time: the mean over ten seeds */
    double years = 0;
    for (unsigned long long seed = 1; seed <= 10; seed++) {
        if (play(&r, "baseline", NULL, seed, 0, 0, order_us_mine) != 0)
            return -1;
        int first = -1, known = cp_world_facility_count(r.w); /* the scenario's plants */
        for (int t = 1; t <= 80 && first < 0; t++) {
            cpg_play_turn(r.g, NULL);
            count_capped(r.w);
            for (int k = 0; k < cp_world_facility_count(r.w); k++) {
                const cp_facility *f = cp_world_facility(r.w, k);
                if (f->kind == CP_FAC_MINE && f->start_turn == 0 && f->funder == nation(r.w, "USA") &&
                    f->stage >= CP_STAGE_RAMP_UP && f->stage <= CP_STAGE_OPERATING &&
                    k >= known && f->host == nation(r.w, "USA") && !f->private_capital) /* the order's */
                    first = t;
            }
        }
        years += (first > 0 ? first - 1 : 80) / 4.0 / 10.0;
        run_free(&r);
    }
    fact("A new US mine: decision to first ore (mean of 10 seeds)",
         "about 10 years in Canada (Mills testimony); 15.7 years from discovery (S&P Global, 127 mines)",
         "baseline, seeds 1-10: the US orders a 10 kt mine in 2025Q2", years, 8, 13, "%.1f", 1.0,
         " years");

    /* the technology ban, over four seeds (one seed's slippage and events
     * move ten years of ex-China output by more than the ban does) */
    double ex[2] = {0, 0};
    for (int ban = 0; ban < 2; ban++)
        for (unsigned long long seed = 1; seed <= 4; seed++) {
            if (play(&r, "tech-ban-2023", ban ? "tech_ban=1" : "tech_ban=0", seed, 40, 0, NULL) != 0)
                return -1;
            int chn = nation(r.w, "CHN");
            ex[ban] += sum_turns(r.w, -1, F_SEPARATED, 37, 40) - sum_turns(r.w, chn, F_SEPARATED, 37, 40);
            run_free(&r);
        }
    times("Technology ban: ex-China separation after ten years, with over without",
          "Benchmark via Reuters (Dec 2023): \"greater difficulty getting heavy rare earth separation online outside China\"; Mountain Pass ~6 years to separated NdPr",
          "tech-ban-2023, tech_ban=1 over 0, seeds 1-4, 2033Q4-2034Q3", ex[0] > 0 ? ex[1] / ex[0] : 0, NAN, 0.9);

    /* 2030, with the nations' own agents */
    if (play(&r, "baseline", NULL, 1, 24, 1, NULL) != 0)
        return -1;
    w = r.w;
    int a = turn_of(w, 2030, 1), b = turn_of(w, 2030, 4);
    const char *oh = "baseline, seed 1, the scenario's agents, 2030";
    pct("IEA 2030 outlook: China's share of separation", "IEA GCMO 2024 base case: 77% in 2030", oh,
        share(w, "CHN", F_SEPARATED, a, b), 0.70, 0.85);
    pct("IEA 2030 outlook: Malaysia's share of separation", "IEA GCMO 2024: Malaysia 5% -> 12%", oh,
        share(w, "MYS", F_SEPARATED, a, b), 0.06, NAN);
    int deals = 0; /* signed: agreed, in force, run out or broken */
    for (int d = 0; d < cp_world_deal_count(w); d++) {
        const cp_deal *x = cp_world_deal(w, d);
        if (x->status == CP_DEAL_PROPOSED || x->status == CP_DEAL_REJECTED ||
            x->status == CP_DEAL_WITHDRAWN)
            continue;
        for (int p = 0; p < x->party_count; p++) {
            const char *iso = cp_world_nation(w, x->parties[p])->iso3;
            if (strcmp(iso, "KAZ") == 0 || strcmp(iso, "UZB") == 0) {
                deals++;
                break;
            }
        }
    }
    fact("Central Asia in play: deals with Kazakhstan or Uzbekistan by 2031",
         "US-Kazakhstan tungsten JV and C5+1 MoUs (Nov 2025); US-Uzbekistan MoU (Feb 2026)", oh, deals, 1,
         NAN, "%.0f", 1.0, "");
    run_free(&r);

    /* five years of an alliance */
    if (play(&r, "alliance", NULL, 1, 24, 0, NULL) != 0)
        return -1;
    w = r.w;
    static const char *const members[] = {"USA", "JPN", "KOR", "DEU", "FRA", "EST", "AUS", "CAN", "IND"};
    double sep = 0, all = sum_turns(w, -1, F_SEPARATED, 20, 23);
    for (int k = 0; k < 9; k++)
        sep += sum_turns(w, nation(w, members[k]), F_SEPARATED, 20, 23);
    pct("Allies' share of separation after five years",
        "Adamas: 10-15 years for a full chain outside China; Japan took 15 years to go from ~90% to 60-70% Chinese",
        "alliance, seed 1, no agents, 2030Q3-2031Q2", all > 0 ? sep / all : 0, 0.05, 0.30);
    run_free(&r);
    return 0;
}

/* ---- output ------------------------------------------------------------ */

static void print_table(FILE *f, int misses_only)
{
    for (int k = 0; k < row_count; k++) {
        const row *r = &rows[k];
        if (misses_only && r->pass)
            continue;
        fprintf(f, "%-4s %s\n     source: %s\n     game:   %s (%s)\n     target: %s\n",
                r->pass ? "pass" : "FAIL", r->fact, r->source, r->figure, r->run, r->target);
    }
}

static int write_markdown(const char *path, int passed)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "chokepoint validate: --markdown %s: cannot write the file\n", path);
        return -1;
    }
    fprintf(f, "# Validation\n\n"
               "What `chokepoint validate` prints: each stylized fact of\n"
               "[shared/data/rare-earths.md](../../shared/data/rare-earths.md) (section 8 and the\n"
               "sources it cites), the game's own figure for it from a reference run, the range the\n"
               "figure must fall in, and whether it does. The runs are deterministic, so the table\n"
               "is the same on every machine; `tests/cli/test_validate.sh` runs the command and\n"
               "fails on any miss. Generated by `chokepoint validate --markdown docs/validation.md`\n"
               "(model version %d); do not edit by hand.\n\n"
               "| fact | source | the game | target | |\n|---|---|---|---|---|\n",
            CP_MODEL_VERSION);
    for (int k = 0; k < row_count; k++) {
        const row *r = &rows[k];
        fprintf(f, "| %s | %s | %s<br>*%s* | %s | %s |\n", r->fact, r->source, r->figure, r->run,
                r->target, r->pass ? "pass" : "**fail**");
    }
    fprintf(f, "\n%d of %d facts pass. Market solves that stopped at their iteration cap in these "
               "runs: %d.\n",
            passed, row_count, solver_capped);
    fclose(f);
    return 0;
}

int cmd_validate(int argc, char **argv)
{
    const char *markdown = NULL;
    int quiet = 0;
    static const struct option flags[] = {{"quiet", no_argument, NULL, 'q'},
                                           {"markdown", required_argument, NULL, 'm'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
    cli_args a = {0};
    const char *v;
    int r;
    if (cli_begin(&a, "validate", argc, argv) != 0)
        return 2;
    while ((r = cli_next(&a, flags, &v)) != 0) {
        if (r == 'h') {
            cli_end(&a);
            usage(stdout);
            return 0;
        } else if (r == 'q') {
            quiet = 1;
        } else if (r == 'm') {
            markdown = v;
        } else { /* -1: cli_next said why */
            cli_end(&a);
            usage(stderr);
            return 2;
        }
    }
    if (a.index < a.argc) { /* validate takes no argument but its flags */
        fprintf(stderr, "chokepoint validate: unknown flag '%s'\n", a.argv[a.index]);
        cli_end(&a);
        usage(stderr);
        return 2;
    }
    cli_end(&a);
    row_count = 0;
    solver_capped = 0;
    if (facts_2025() != 0 || facts_rest() != 0)
        return 2;
    int passed = 0;
    for (int k = 0; k < row_count; k++)
        passed += rows[k].pass;
    print_table(stdout, quiet);
    printf("validate: %d of %d facts pass; %d market solves stopped at the iteration cap\n", passed,
           row_count, solver_capped);
    if (markdown && write_markdown(markdown, passed) != 0)
        return 2;
    return passed == row_count ? 0 : 1;
}
