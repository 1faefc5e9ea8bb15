/* sim.c -- `chokepoint sim`: play a scenario headless, one line a quarter,
 * and end with the state hash that replays and tests compare. It can also
 * continue a saved game (--load), save at the end (--save) or every turn
 * (--autosave), and record a replay (--record). Every nation is played by
 * its scenario's default agent unless --agent seats another (or none), and
 * --no-agents plays the scenario's own schedule alone. */
#define _POSIX_C_SOURCE 200809L /* nanosleep, for --pace */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "script.h"
#include "session.h"

enum { SIM_MAX_ASSIGN = CP_MAX_NATIONS };

static void usage(FILE *f)
{
    fputs("usage: chokepoint sim [--scenario NAME|FILE] [--turns N] [--seed K] [--csv DIR]\n"
          "                      [--save FILE] [--load FILE] [--autosave DIR] [--record FILE]\n"
          "                      [--agent ISO3=FILE]... [--no-agents] [--agent-budget N]\n"
          "                      [--agent-mem MIB] [--agent-wall MS] [--watch] [--quiet]\n"
          "                      [--difficulty easy|normal|hard]\n"
          "  --scenario  a scenario under scripts/scenarios/ or a .lua file (default baseline)\n"
          "  --turns     quarters to play (default: what is left of the game: the scenario's\n"
          "              length, or the length a loaded game was saved with)\n"
          "  --seed      seed of every random draw (default 1)\n"
          "  --csv       write nations.csv, markets.csv, facilities.csv, news.csv, deals.csv into DIR\n"
          "  --debrief   write the debrief pack into DIR at the end: charts (PNG), the CSV files\n"
          "              and summary.html (see docs/classroom.md)\n"
          "  --save      save the game at the end (a bare file name goes into saves/)\n"
          "  --load      continue a saved game; its scenario and seed come from the save\n"
          "              (--scenario, if given, must name the same scenario)\n"
          "  --autosave  save after every turn into DIR, keeping the newest 5 autosaves\n"
          "  --record    record a replay for `chokepoint replay`\n"
          "  --agent     seat an agent: ISO3=FILE (a name under scripts/agents/ or a path)\n"
          "              or ISO3=none; repeatable; other nations play their scenario default\n"
          "  --no-agents no nation plays an agent (the scenario's schedule only)\n"
          "  --difficulty  how well the agents play: easy, normal or hard (default normal;\n"
          "              a loaded game keeps the level it was saved with unless given); agents\n"
          "              read it as view.difficulty, the rules stay the same\n"
          "  --agent-budget  Lua instructions per agent per turn (default 2000000)\n"
          "  --agent-mem     memory cap per agent in MiB (default 32)\n"
          "  --agent-wall    wall-clock backstop per agent call in milliseconds (default 2000):\n"
          "                  the budget stops agents first; this stops what it cannot meter\n"
          "  --watch     reload an agent file that changes on disk at the start of the next\n"
          "              turn, keeping its memory; a file that no longer loads is refused\n"
          "              and the previous version plays on\n"
          "  --pace MS   wait MS milliseconds after each turn (0 to 600000): with --watch,\n"
          "              time to edit an agent between turns; the game is the same\n"
          "  --quiet     print only the final hash line (and agents' failures)\n"
          "A flag may be shortened to any prefix that names no other (--scen for --scenario),\n"
          "and flags and arguments may come in any order.\n",
          f);
}

/* One line for the history row the world has just taken: the figures of
 * the quarter played in the turn before, so dated with that quarter and
 * turn ("2025Q1 t0" after the first turn); the opening position, before
 * any quarter is played, is the "start" line. */
void sim_print_turn(FILE *out, const cp_world *w)
{
    char date[8], label[24];
    int t = cp_world_turn(w);
    if (t > 0)
        snprintf(label, sizeof label, "%s t%-3d", cp_world_date_text(w, t - 1, date, sizeof date), t - 1);
    else
        snprintf(label, sizeof label, "%-11s", "start");
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
            "%s ore $%6.2f  NdPr $%7.2f  Dy/Tb $%8.2f  magnet $%7.2f /kg  "
            "magnet shortage %7.0f t (%4.1f%%)\n",
            label, m[CP_ORE]->world_price_usd_per_kg,
            m[CP_LIGHT_OXIDE]->world_price_usd_per_kg, m[CP_HEAVY_OXIDE]->world_price_usd_per_kg,
            m[CP_MAGNET]->world_price_usd_per_kg, shortage,
            demand > 0 ? 100.0 * shortage / demand : 0.0);
}

int sim_csv_writer(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    cpg_error e;
    if (cpg_write_csv(w, dir, &e) != 0) {
        snprintf(err, errlen, "%s", e.message);
        return -1;
    }
    return 0;
}

/* The end of a game in three lines: the world (producer) price of NdPr
 * oxide, Dy/Tb oxide and magnets at the start and the end, then what buyers
 * in China and outside it paid (the core's weighted prices paid), so
 * that a licence that lowers the world price while importers pay more reads
 * as what it is. Without a China in the scenario: what all buyers paid. */
void sim_print_summary(FILE *out, const cp_world *w)
{
    static const cp_good goods[] = {CP_LIGHT_OXIDE, CP_HEAVY_OXIDE, CP_MAGNET};
    int t = cp_world_turn(w), china = cp_world_find_nation(w, "CHN");
    char d0[8], d1[8];
    fprintf(out, "summary %s -> %s, USD/kg:      NdPr oxide           Dy/Tb oxide          magnets\n",
            cp_world_date_text(w, 0, d0, sizeof d0), cp_world_date_text(w, t, d1, sizeof d1));
    for (int row = 0; row < (china >= 0 ? 3 : 2); row++) {
        static const char *const what[] = {"world price (producers)", "paid in China", "paid outside China"};
        const char *label = row == 0 ? what[0] : china >= 0 ? what[row] : "paid by all buyers";
        fprintf(out, "  %-28s", label);
        for (size_t k = 0; k < sizeof goods / sizeof goods[0]; k++) {
            double p[2];
            for (int e = 0; e < 2; e++) {
                int turn = e ? t : 0;
                p[e] = row == 0   ? cp_world_market_history(w, turn, goods[k])->world_price_usd_per_kg
                       : row == 1 && china >= 0
                           ? cp_world_nation_history(w, turn, china)->price_paid_usd_per_kg[goods[k]]
                           : cp_world_price_paid_usd_per_kg(w, turn, goods[k], china);
            }
            char cell[48];
            snprintf(cell, sizeof cell, "$%.2f -> $%.2f", p[0], p[1]);
            fprintf(out, k + 1 < sizeof goods / sizeof goods[0] ? " %-20s" : " %s", cell);
        }
        fputc('\n', out);
    }
}

enum {
    SIM_SCENARIO = 256, SIM_TURNS, SIM_SEED, SIM_CSV, SIM_DEBRIEF, SIM_SAVE, SIM_LOAD,
    SIM_AUTOSAVE, SIM_RECORD, SIM_AGENT, SIM_BUDGET, SIM_MEM, SIM_WALL, SIM_NO_AGENTS,
    SIM_QUIET, SIM_WATCH, SIM_PACE, SIM_DIFFICULTY, SIM_HELP
};

static const struct option sim_flags[] = {
    {"scenario", required_argument, NULL, SIM_SCENARIO},
    {"turns", required_argument, NULL, SIM_TURNS},
    {"seed", required_argument, NULL, SIM_SEED},
    {"csv", required_argument, NULL, SIM_CSV},
    {"debrief", required_argument, NULL, SIM_DEBRIEF},
    {"save", required_argument, NULL, SIM_SAVE},
    {"load", required_argument, NULL, SIM_LOAD},
    {"autosave", required_argument, NULL, SIM_AUTOSAVE},
    {"record", required_argument, NULL, SIM_RECORD},
    {"agent", required_argument, NULL, SIM_AGENT},
    {"agent-budget", required_argument, NULL, SIM_BUDGET},
    {"agent-mem", required_argument, NULL, SIM_MEM},
    {"agent-wall", required_argument, NULL, SIM_WALL},
    {"no-agents", no_argument, NULL, SIM_NO_AGENTS},
    {"quiet", no_argument, NULL, SIM_QUIET},
    {"watch", no_argument, NULL, SIM_WATCH},
    {"pace", required_argument, NULL, SIM_PACE},
    {"difficulty", required_argument, NULL, SIM_DIFFICULTY},
    {"help", no_argument, NULL, SIM_HELP},
    {NULL, 0, NULL, 0}};

int cmd_sim(int argc, char **argv)
{
    cli_args a = {0};
    const char *scenario = "baseline", *csv = NULL, *debrief = NULL, *v;
    const char *save = NULL, *load = NULL, *autosave = NULL, *record = NULL;
    long turns = -1;
    unsigned long long seed = 1;
    int quiet = 0, r, scenario_given = 0, seed_given = 0, no_agents = 0, watch = 0;
    const char *assign[SIM_MAX_ASSIGN];
    int assign_count = 0;
    long budget = 0, mem_mib = 0, wall_ms = 0, pace_ms = 0;
    cps_difficulty level = CPS_DIFFICULTY_NORMAL;
    int level_given = 0;
    if (cli_begin(&a, "sim", argc, argv) != 0)
        return 2;
    while ((r = cli_next(&a, sim_flags, &v)) != 0) {
        switch (r) {
        case SIM_SCENARIO:
            scenario = v;
            scenario_given = 1;
            break;
        case SIM_TURNS:
            if (cli_int("sim", "--turns", v, 0, 100000, &turns))
                goto bad;
            break;
        case SIM_SEED:
            if (cli_u64("sim", "--seed", v, &seed))
                goto bad;
            seed_given = 1;
            break;
        case SIM_CSV:
            csv = v;
            break;
        case SIM_DEBRIEF:
            debrief = v;
            break;
        case SIM_SAVE:
            save = v;
            break;
        case SIM_LOAD:
            load = v;
            break;
        case SIM_AUTOSAVE:
            autosave = v;
            break;
        case SIM_RECORD:
            record = v;
            break;
        case SIM_AGENT:
            if (assign_count == SIM_MAX_ASSIGN) {
                fprintf(stderr, "chokepoint sim: --agent: more than %d seats\n", SIM_MAX_ASSIGN);
                goto bad;
            }
            assign[assign_count++] = v;
            break;
        case SIM_BUDGET:
            if (cli_int("sim", "--agent-budget", v, 1000, 2000000000L, &budget))
                goto bad;
            break;
        case SIM_MEM:
            if (cli_int("sim", "--agent-mem", v, 1, 4096, &mem_mib))
                goto bad;
            break;
        case SIM_WALL:
            if (cli_int("sim", "--agent-wall", v, 10, 600000, &wall_ms))
                goto bad;
            break;
        case SIM_NO_AGENTS:
            no_agents = 1;
            break;
        case SIM_QUIET:
            quiet = 1;
            break;
        case SIM_WATCH:
            watch = 1;
            break;
        case SIM_PACE:
            if (cli_int("sim", "--pace", v, 0, 600000, &pace_ms))
                goto bad;
            break;
        case SIM_DIFFICULTY:
            if (cli_difficulty("sim", "--difficulty", v, &level))
                goto bad;
            level_given = 1;
            break;
        case SIM_HELP:
        case 'h':
            cli_end(&a);
            usage(stdout);
            return 0;
        default: /* -1: cli_next said why */
            goto bad;
        }
    }
    if (a.index < a.argc) { /* sim takes no argument but its flags */
        fprintf(stderr, "chokepoint sim: unknown flag '%s'\n", a.argv[a.index]);
        goto bad;
    }
    cli_end(&a);

    if (no_agents && assign_count > 0) {
        fprintf(stderr, "chokepoint sim: --no-agents and --agent contradict each other\n");
        return 2;
    }
    if (load && assign_count > 0) {
        fprintf(stderr, "chokepoint sim: --agent: a loaded game keeps the seats it was saved "
                        "with\n");
        return 2;
    }
    cpg_error e;
    char path[1024];
    /* a save that could never be written is refused now, not after the game */
    if (save && cpg_save_check(save, &e) != 0) {
        fprintf(stderr, "chokepoint sim: --save %s: %s\n", save, e.message);
        return 2;
    }
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.seats.budget_instructions = budget;
    o.seats.mem_bytes = (size_t)mem_mib << 20;
    o.seats.wall_s = (double)wall_ms / 1000.0;
    o.seats.quiet = quiet;
    o.seats.difficulty = level;
    /* the agents' lines go to stderr as before, and into the recording; under --quiet their
     * print() lines go into the recording only */
    o.prints_to_record = quiet && record;
    o.no_agents = no_agents;
    o.watch = watch;
    o.autosave_dir = autosave;
    /* agents read the turn this run ends at as view.turns (a new game starts at turn 0) */
    if (turns >= 0 && !load)
        o.seats.last_turn = turns > 0 ? (int)turns : 0;

    int status = 2;
    cpg_game *g;
    if (load) {
        /* the game goes on in the scenario and with the seed it was saved with */
        cpg_save_resolve(load, path, sizeof path);
        g = cpg_load(path, scenario_given ? scenario : NULL, &o, &e);
        if (!g) {
            if (e.code == CPG_ERR_SAVE)
                fprintf(stderr, "chokepoint sim: --load %s\n", e.message);
            else if (e.code == CPG_ERR_RESTORE)
                fprintf(stderr, "chokepoint sim: --load %s: %s\n", path, e.message);
            else
                fprintf(stderr, "chokepoint sim: %s\n", e.message);
            return 2;
        }
        cp_world *w = cpg_world(g);
        if (seed_given && seed != cp_world_seed(w)) {
            fprintf(stderr, "chokepoint sim: --seed %llu: the save %s was played with seed %llu\n",
                    seed, path, (unsigned long long)cp_world_seed(w));
            cpg_close(g);
            return 2;
        }
        seed = cp_world_seed(w);
        /* the save's level plays on unless --difficulty changes it from now */
        if (level_given)
            cpg_set_difficulty(g, level);
    } else {
        g = cpg_new(scenario, seed, assign, assign_count, &o, &e);
        if (!g) {
            fprintf(stderr, "chokepoint sim: %s%s\n", e.code == CPG_ERR_SEATS ? "--agent: " : "",
                    e.message);
            return 2;
        }
    }
    cp_world *w = cpg_world(g);
    const cp_scenario *s = cp_world_scenario(w);
    /* --turns N: N quarters in this run (the game's length stays as it is, and is saved);
     * without it, what is left of the game */
    if (turns < 0)
        turns = cpg_length(g) > cp_world_turn(w) ? cpg_length(g) - cp_world_turn(w) : 0;
    else if (load && cpg_seats(g))
        cps_seats_set_last_turn(cpg_seats(g), cp_world_turn(w) + (int)turns);
    /* the recording names who sat where, for the reader; it replays the orders */
    if (record && cpg_record_start(g, record, load ? s->name : scenario, NULL, 0, &e) != 0) {
        fprintf(stderr, "chokepoint sim: --record %s\n", e.message);
        goto done;
    }
    if (!quiet) {
        /* the level is named when it is not the default (normal games print as before) */
        char level_text[32] = "";
        if (cpg_difficulty(g) != CPS_DIFFICULTY_NORMAL)
            snprintf(level_text, sizeof level_text, ", difficulty %s",
                     cps_difficulty_name(cpg_difficulty(g)));
        if (load)
            printf("%s: %s, seed %llu, from %s at turn %d, %ld more turns%s\n", s->name,
                   s->title, seed, path, cp_world_turn(w), turns, level_text);
        else
            printf("%s: %s, seed %llu, %ld turns%s\n", s->name, s->title, seed, turns,
                   level_text);
        sim_print_turn(stdout, w);
    }
    for (long t = 0; t < turns; t++) {
        if (cpg_play_turn(g, &e) != 0)
            goto failed; /* the recording or the autosave: the run stops */
        if (!quiet)
            sim_print_turn(stdout, w);
        if (pace_ms > 0 && t + 1 < turns) {
            /* --pace: time to read the turn and edit an agent (--watch) before the next;
             * the game is the same, only slower */
            fflush(stdout);
            struct timespec ts = {pace_ms / 1000, (pace_ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    if (cpg_record_finish(g, &e) != 0)
        goto failed;
    if (save) {
        if (cpg_save_path(save, path, sizeof path, &e) != 0 || cpg_save(g, path, &e) != 0)
            goto failed;
        if (!quiet)
            printf("saved: %s\n", path);
    }
    if (!quiet)
        sim_print_summary(stdout, w);
    status = 0;
    int wall = 0;
    for (int n = 0; cpg_seats(g) && n < cp_world_nation_count(w); n++)
        wall += cps_seats_stats(cpg_seats(g), n)->wall_total;
    if (wall) /* such a call ended at a moment of this run's own (docs/agents.md) */
        fprintf(stderr, "chokepoint sim: note: the wall clock stopped %d agent call%s: playing "
                        "this game again from its seed may not give the same hash%s\n",
                wall, wall == 1 ? "" : "s", record ? "" : " (--record keeps a replay that does)");
    if (csv && cpg_write_csv(w, csv, &e) != 0) {
        fprintf(stderr, "chokepoint sim: --csv %s: %s\n", csv, e.message);
        status = 2;
    }
    static const cps_scenario_info none; /* a save whose scenario file is gone */
    if (debrief && cli_write_debrief(w, cpg_info(g) ? cpg_info(g) : &none, debrief, quiet) != 0)
        status = 2;
    if (!quiet && turns > 0)
        sim_print_results(stdout, w);
    printf("hash: %016llx\n", (unsigned long long)cp_world_hash(w));
    goto done;

failed:
    fprintf(stderr, "chokepoint sim: %s\n", e.message);
    status = 2;
done:
    cpg_close(g); /* a failed run leaves its recording marked incomplete */
    return status;

bad:
    cli_end(&a);
    usage(stderr);
    return 2;
}
