/* sim.c -- `chokepoint sim`: play a scenario headless, one line a quarter,
 * and end with the state hash that replays and tests compare. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scenario_load.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint sim [--scenario NAME|FILE] [--turns N] [--seed K] [--csv DIR]\n"
          "                      [--quiet]\n"
          "  --scenario  a scenario under scripts/scenarios/ or a .lua file (default baseline)\n"
          "  --turns     quarters to play (default: the scenario's length)\n"
          "  --seed      seed of every random draw (default 1)\n"
          "  --csv       write nations.csv, markets.csv, facilities.csv, news.csv, deals.csv into DIR\n"
          "  --quiet     print only the final hash line\n",
          f);
}

void sim_print_turn(FILE *out, const cp_world *w)
{
    char date[8];
    int t = cp_world_turn(w);
    double demand = 0, shortage = 0;
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        const cp_nation_history *h = cp_world_nation_history(w, t, n);
        demand += h->demand_good_t[CP_MAGNET];
        shortage += h->shortage_good_t[CP_MAGNET];
    }
    const cp_market_history *m[CP_GOOD_COUNT];
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        m[g] = cp_world_market_history(w, t, (cp_good)g);
    fprintf(out,
            "%s t%-3d ore $%6.2f  NdPr $%7.2f  Dy/Tb $%8.2f  magnet $%7.2f /kg  "
            "magnet shortage %7.0f t (%4.1f%%)\n",
            cp_world_date_text(w, t, date, sizeof date), t, m[CP_ORE]->world_price_usd_per_kg,
            m[CP_LIGHT_OXIDE]->world_price_usd_per_kg, m[CP_HEAVY_OXIDE]->world_price_usd_per_kg,
            m[CP_MAGNET]->world_price_usd_per_kg, shortage,
            demand > 0 ? 100.0 * shortage / demand : 0.0);
}

int cmd_sim(int argc, char **argv)
{
    cli_args a = {argc, 0, argv, "sim"};
    const char *scenario = "baseline", *csv = NULL, *v;
    long turns = -1;
    unsigned long long seed = 1;
    int quiet = 0, r;
    while (a.index < argc) {
        const char *arg = argv[a.index];
        if ((r = cli_flag(&a, "--scenario", &v)) != 0) {
            if (r < 0)
                goto bad;
            scenario = v;
        } else if ((r = cli_flag(&a, "--turns", &v)) != 0) {
            if (r < 0 || cli_int("sim", "--turns", v, 0, 100000, &turns))
                goto bad;
        } else if ((r = cli_flag(&a, "--seed", &v)) != 0) {
            if (r < 0 || cli_u64("sim", "--seed", v, &seed))
                goto bad;
        } else if ((r = cli_flag(&a, "--csv", &v)) != 0) {
            if (r < 0)
                goto bad;
            csv = v;
        } else if (strcmp(arg, "--quiet") == 0) {
            quiet = 1;
            a.index++;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "chokepoint sim: unknown flag '%s'\n", arg);
            goto bad;
        }
    }

    static cp_scenario sc;
    cps_scenario_info info;
    char err[1024];
    if (cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: %s\n", err);
        return 2;
    }
    cp_error e;
    cp_world *w = cp_world_create(&sc, seed, &e);
    if (!w) {
        fprintf(stderr, "chokepoint sim: %s\n", e.message);
        cps_scenario_info_free(&info);
        return 2;
    }
    if (turns < 0)
        turns = sc.default_turns;
    if (!quiet) {
        printf("%s: %s, seed %llu, %ld turns\n", sc.name, sc.title, seed, turns);
        sim_print_turn(stdout, w);
    }
    for (long t = 0; t < turns; t++) {
        cp_world_advance(w);
        if (!quiet)
            sim_print_turn(stdout, w);
    }
    int status = 0;
    if (csv && csv_export(w, csv, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: --csv %s: %s\n", csv, err);
        status = 2;
    }
    printf("hash: %016llx\n", (unsigned long long)cp_world_hash(w));
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
    return status;

bad:
    usage(stderr);
    return 2;
}
