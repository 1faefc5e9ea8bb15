/* sim.c -- `chokepoint sim`: play a scenario headless, one line a quarter,
 * and end with the state hash that replays and tests compare. It can also
 * continue a saved game (--load), save at the end (--save) or every turn
 * (--autosave), and record a replay (--record). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "replay_file.h"
#include "savefile.h"
#include "scenario_load.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint sim [--scenario NAME|FILE] [--turns N] [--seed K] [--csv DIR]\n"
          "                      [--save FILE] [--load FILE] [--autosave DIR] [--record FILE]\n"
          "                      [--quiet]\n"
          "  --scenario  a scenario under scripts/scenarios/ or a .lua file (default baseline)\n"
          "  --turns     quarters to play (default: the scenario's length, or what is left of it)\n"
          "  --seed      seed of every random draw (default 1)\n"
          "  --csv       write nations.csv, markets.csv, facilities.csv, news.csv, deals.csv into DIR\n"
          "  --save      save the game at the end (a bare file name goes into saves/)\n"
          "  --load      continue a saved game; its scenario and seed come from the save\n"
          "              (--scenario, if given, must name the same scenario)\n"
          "  --autosave  save after every turn into DIR, keeping the newest 5 autosaves\n"
          "  --record    record a replay for `chokepoint replay`\n"
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
    const char *save = NULL, *load = NULL, *autosave = NULL, *record = NULL;
    long turns = -1;
    unsigned long long seed = 1;
    int quiet = 0, r, scenario_given = 0, seed_given = 0;
    while (a.index < argc) {
        const char *arg = argv[a.index];
        if ((r = cli_flag(&a, "--scenario", &v)) != 0) {
            if (r < 0)
                goto bad;
            scenario = v;
            scenario_given = 1;
        } else if ((r = cli_flag(&a, "--turns", &v)) != 0) {
            if (r < 0 || cli_int("sim", "--turns", v, 0, 100000, &turns))
                goto bad;
        } else if ((r = cli_flag(&a, "--seed", &v)) != 0) {
            if (r < 0 || cli_u64("sim", "--seed", v, &seed))
                goto bad;
            seed_given = 1;
        } else if ((r = cli_flag(&a, "--csv", &v)) != 0) {
            if (r < 0)
                goto bad;
            csv = v;
        } else if ((r = cli_flag(&a, "--save", &v)) != 0) {
            if (r < 0)
                goto bad;
            save = v;
        } else if ((r = cli_flag(&a, "--load", &v)) != 0) {
            if (r < 0)
                goto bad;
            load = v;
        } else if ((r = cli_flag(&a, "--autosave", &v)) != 0) {
            if (r < 0)
                goto bad;
            autosave = v;
        } else if ((r = cli_flag(&a, "--record", &v)) != 0) {
            if (r < 0)
                goto bad;
            record = v;
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
    memset(&info, 0, sizeof info);
    char err[1400], path[1024];
    cp_world *w = NULL;
    replay_rec *rec = NULL;
    int status = 2;
    if ((!load || scenario_given) &&
        cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: %s\n", err);
        return 2;
    }
    if (load) {
        /* the game goes on in the scenario and with the seed it was saved with */
        savefile sf;
        savefile_resolve(load, path, sizeof path);
        if (savefile_read(path, scenario_given ? sc.name : NULL, &sf, err, sizeof err) != 0) {
            fprintf(stderr, "chokepoint sim: --load %s\n", err);
            goto done;
        }
        w = sf.world;
        sf.world = NULL;
        savefile_free(&sf);
        if (seed_given && seed != cp_world_seed(w)) {
            fprintf(stderr, "chokepoint sim: --seed %llu: the save %s was played with seed %llu\n",
                    seed, path, (unsigned long long)cp_world_seed(w));
            goto done;
        }
        seed = cp_world_seed(w);
    } else {
        cp_error e;
        w = cp_world_create(&sc, seed, &e);
        if (!w) {
            fprintf(stderr, "chokepoint sim: %s\n", e.message);
            goto done;
        }
    }
    const cp_scenario *s = cp_world_scenario(w);
    if (turns < 0)
        turns = s->default_turns > cp_world_turn(w) ? s->default_turns - cp_world_turn(w) : 0;
    if (record && !(rec = replay_rec_open(record, load ? s->name : scenario, w, load != NULL,
                                          NULL, 0, err, sizeof err))) {
        fprintf(stderr, "chokepoint sim: --record %s\n", err);
        goto done;
    }
    if (!quiet) {
        if (load)
            printf("%s: %s, seed %llu, from %s at turn %d, %ld more turns\n", s->name, s->title,
                   seed, path, cp_world_turn(w), turns);
        else
            printf("%s: %s, seed %llu, %ld turns\n", s->name, s->title, seed, turns);
        sim_print_turn(stdout, w);
    }
    for (long t = 0; t < turns; t++) {
        if (rec && replay_rec_before(rec, w, err, sizeof err) != 0)
            goto failed;
        cp_world_advance(w);
        if (rec && replay_rec_after(rec, w, err, sizeof err) != 0)
            goto failed;
        if (autosave && savefile_autosave(autosave, w, NULL, 0, SAVEFILE_KEEP_AUTOSAVES, NULL, 0,
                                          err, sizeof err) != 0)
            goto failed;
        if (!quiet)
            sim_print_turn(stdout, w);
    }
    if (rec) {
        int rc = replay_rec_close(rec, err, sizeof err);
        rec = NULL;
        if (rc != 0)
            goto failed;
    }
    if (save) {
        if (savefile_path(save, path, sizeof path, err, sizeof err) != 0 ||
            savefile_write(path, w, NULL, 0, err, sizeof err) != 0)
            goto failed;
        if (!quiet)
            printf("saved: %s\n", path);
    }
    status = 0;
    if (csv && csv_export(w, csv, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: --csv %s: %s\n", csv, err);
        status = 2;
    }
    printf("hash: %016llx\n", (unsigned long long)cp_world_hash(w));
    goto done;

failed:
    fprintf(stderr, "chokepoint sim: %s\n", err);
    status = 2;
done:
    replay_rec_abandon(rec); /* a failed run leaves its recording marked incomplete */
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
    return status;

bad:
    usage(stderr);
    return 2;
}
