/* sim.c -- `chokepoint sim`: play a scenario headless, one line a quarter,
 * and end with the state hash that replays and tests compare. It can also
 * continue a saved game (--load), save at the end (--save) or every turn
 * (--autosave), and record a replay (--record). Every nation is played by
 * its scenario's default agent unless --agent seats another (or none), and
 * --no-agents plays the scenario's own schedule alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "replay_agents.h"
#include "replay_file.h"
#include "save_seats.h"
#include "savefile.h"
#include "scenario_load.h"
#include "seats.h"
#ifdef CP_HAVE_UI
#include "debrief.h" /* --debrief: the charts need the window's drawing code */
#endif

enum { SIM_MAX_ASSIGN = CP_MAX_NATIONS };

static void usage(FILE *f)
{
    fputs("usage: chokepoint sim [--scenario NAME|FILE] [--turns N] [--seed K] [--csv DIR]\n"
          "                      [--save FILE] [--load FILE] [--autosave DIR] [--record FILE]\n"
          "                      [--agent ISO3=FILE]... [--no-agents] [--agent-budget N]\n"
          "                      [--agent-mem MIB] [--agent-wall MS] [--watch] [--quiet]\n"
          "  --scenario  a scenario under scripts/scenarios/ or a .lua file (default baseline)\n"
          "  --turns     quarters to play (default: the scenario's length, or what is left of it)\n"
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
          "  --agent-budget  Lua instructions per agent per turn (default 2000000)\n"
          "  --agent-mem     memory cap per agent in MiB (default 32)\n"
          "  --agent-wall    wall-clock backstop per agent call in milliseconds (default 2000):\n"
          "                  the budget stops agents first; this stops what it cannot meter\n"
          "  --watch     reload an agent file that changes on disk at the start of the next\n"
          "              turn, keeping its memory; a file that no longer loads is refused\n"
          "              and the previous version plays on\n"
          "  --quiet     print only the final hash line (and agents' failures)\n",
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

/* --debrief DIR: the pack (debrief.h), or a clear refusal in a build
 * without the game window, whose code draws the charts. */
static int sim_debrief(const cp_world *w, const cps_scenario_info *info, const char *dir, int quiet)
{
#ifdef CP_HAVE_UI
    char err[1400];
    ui_debrief_set_csv_writer(csv_export);
    if (ui_debrief_write(w, info, NULL, NULL, dir, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: --debrief %s: %s\n", dir, err);
        return -1;
    }
    if (!quiet)
        printf("debrief: %s/summary.html\n", dir);
    return 0;
#else
    (void)w, (void)info, (void)quiet;
    fprintf(stderr, "chokepoint sim: --debrief %s: this build has no game window (SDL2, "
                    "SDL2_ttf), which draws the charts; rebuild with them, or use --csv\n", dir);
    return -1;
#endif
}

int cmd_sim(int argc, char **argv)
{
    cli_args a = {argc, 0, argv, "sim"};
    const char *scenario = "baseline", *csv = NULL, *debrief = NULL, *v;
    const char *save = NULL, *load = NULL, *autosave = NULL, *record = NULL;
    long turns = -1;
    unsigned long long seed = 1;
    int quiet = 0, r, scenario_given = 0, seed_given = 0, no_agents = 0, watch = 0;
    const char *assign[SIM_MAX_ASSIGN];
    int assign_count = 0;
    long budget = 0, mem_mib = 0, wall_ms = 0;
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
        } else if ((r = cli_flag(&a, "--debrief", &v)) != 0) {
            if (r < 0)
                goto bad;
            debrief = v;
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
        } else if ((r = cli_flag(&a, "--agent", &v)) != 0) {
            if (r < 0)
                goto bad;
            if (assign_count == SIM_MAX_ASSIGN) {
                fprintf(stderr, "chokepoint sim: --agent: more than %d seats\n", SIM_MAX_ASSIGN);
                goto bad;
            }
            assign[assign_count++] = v;
        } else if ((r = cli_flag(&a, "--agent-budget", &v)) != 0) {
            if (r < 0 || cli_int("sim", "--agent-budget", v, 1000, 2000000000L, &budget))
                goto bad;
        } else if ((r = cli_flag(&a, "--agent-mem", &v)) != 0) {
            if (r < 0 || cli_int("sim", "--agent-mem", v, 1, 4096, &mem_mib))
                goto bad;
        } else if ((r = cli_flag(&a, "--agent-wall", &v)) != 0) {
            if (r < 0 || cli_int("sim", "--agent-wall", v, 10, 600000, &wall_ms))
                goto bad;
        } else if (strcmp(arg, "--no-agents") == 0) {
            no_agents = 1;
            a.index++;
        } else if (strcmp(arg, "--quiet") == 0) {
            quiet = 1;
            a.index++;
        } else if (strcmp(arg, "--watch") == 0) {
            watch = 1;
            a.index++;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "chokepoint sim: unknown flag '%s'\n", arg);
            goto bad;
        }
    }

    if (no_agents && assign_count > 0) {
        fprintf(stderr, "chokepoint sim: --no-agents and --agent contradict each other\n");
        return 2;
    }
    if (load && assign_count > 0) {
        fprintf(stderr, "chokepoint sim: --agent: a loaded game keeps the seats it was saved "
                        "with\n");
        return 2;
    }
    char err[1400], path[1024];
    /* a save that could never be written is refused now, not after the game */
    if (save && savefile_check_target(save, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: --save %s: %s\n", save, err);
        return 2;
    }
    cps_seat_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.budget_instructions = budget;
    opts.mem_bytes = (size_t)mem_mib << 20;
    opts.wall_s = (double)wall_ms / 1000.0;
    opts.quiet = quiet;
    /* the agents' log goes to stderr as before, and into the replay's AGNT
     * records; under --quiet their print() lines go into the replay only */
    replay_tap tap = {NULL, NULL, NULL, budget, 0, NULL, NULL};
    opts.log = replay_tap_log;
    opts.log_ud = &tap;
    if (quiet && record)
        opts.print = replay_tap_record;

    static cp_scenario sc;
    cps_scenario_info info;
    memset(&info, 0, sizeof info);
    cp_world *w = NULL;
    replay_rec *rec = NULL;
    cps_seats *seats = NULL;
    savefile_section *sections = NULL;
    int section_count = 0, status = 2;
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
        /* a save made without agents has no seats section and plays on without them */
        if (savefile_find(&sf, "seats") &&
            !(seats = save_seats_restore(&sf, w, &opts, err, sizeof err))) {
            fprintf(stderr, "chokepoint sim: --load %s: %s\n", path, err);
            savefile_free(&sf);
            goto done;
        }
        savefile_free(&sf);
        if (seed_given && seed != cp_world_seed(w)) {
            fprintf(stderr, "chokepoint sim: --seed %llu: the save %s was played with seed %llu\n",
                    seed, path, (unsigned long long)cp_world_seed(w));
            goto done;
        }
        seed = cp_world_seed(w);
        /* the scenario's default agents, for seats that fall back and for the next save */
        if (!scenario_given &&
            cps_scenario_load(cp_world_scenario(w)->name, &sc, &info, err, sizeof err) != 0)
            memset(&info, 0, sizeof info);
    } else {
        cp_error e;
        w = cp_world_create(&sc, seed, &e);
        if (!w) {
            fprintf(stderr, "chokepoint sim: %s\n", e.message);
            goto done;
        }
    }
    if (!load && !no_agents &&
        !(seats = cps_seats_create(w, &info, assign, assign_count, &opts, err, sizeof err))) {
        fprintf(stderr, "chokepoint sim: --agent: %s\n", err);
        goto done;
    }
    const cp_scenario *s = cp_world_scenario(w);
    /* the replay names who sat where, for the reader; it replays the orders */
    const char *seat_names[CP_MAX_NATIONS];
    char seat_text[CP_MAX_NATIONS][300];
    int seat_count = 0;
    for (int n = 0; seats && n < cp_world_nation_count(w); n++) {
        const char *agent = cps_seats_agent_path(seats, n);
        if (!agent[0])
            continue;
        snprintf(seat_text[seat_count], sizeof seat_text[seat_count], "%s=%s",
                 cp_world_nation(w, n)->iso3, agent);
        seat_names[seat_count] = seat_text[seat_count];
        seat_count++;
    }
    if (turns < 0)
        turns = s->default_turns > cp_world_turn(w) ? s->default_turns - cp_world_turn(w) : 0;
    if (record && !(rec = replay_rec_open(record, load ? s->name : scenario, w, load != NULL,
                                          seat_names, seat_count, err, sizeof err))) {
        fprintf(stderr, "chokepoint sim: --record %s\n", err);
        goto done;
    }
    tap = (replay_tap){rec, w, seats, budget, 0, NULL, NULL};
    if (!quiet) {
        if (load)
            printf("%s: %s, seed %llu, from %s at turn %d, %ld more turns\n", s->name, s->title,
                   seed, path, cp_world_turn(w), turns);
        else
            printf("%s: %s, seed %llu, %ld turns\n", s->name, s->title, seed, turns);
        sim_print_turn(stdout, w);
    }
    if (watch && seats)
        cps_seats_reload_changed(seats, NULL); /* note how the agent files look now */
    for (long t = 0; t < turns; t++) {
        if (watch && seats)
            cps_seats_reload_changed(seats, NULL); /* edits since: logged, kept or refused */
        if (seats)
            cps_seats_run_turn(seats); /* failures are logged; the game goes on */
        replay_tap_turn(&tap);
        if (rec && replay_rec_before(rec, w, err, sizeof err) != 0)
            goto failed;
        cp_world_advance(w);
        if (rec && replay_rec_after(rec, w, err, sizeof err) != 0)
            goto failed;
        if (autosave) {
            save_seats_free(sections, section_count);
            sections = NULL;
            section_count = 0;
            if ((seats && save_seats_sections(seats, w, &info, &sections, &section_count, err,
                                              sizeof err) != 0) ||
                savefile_autosave(autosave, w, sections, section_count, SAVEFILE_KEEP_AUTOSAVES,
                                  NULL, 0, err, sizeof err) != 0)
                goto failed;
        }
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
        save_seats_free(sections, section_count);
        sections = NULL;
        section_count = 0;
        if ((seats && save_seats_sections(seats, w, &info, &sections, &section_count, err,
                                          sizeof err) != 0) ||
            savefile_path(save, path, sizeof path, err, sizeof err) != 0 ||
            savefile_write(path, w, sections, section_count, err, sizeof err) != 0)
            goto failed;
        if (!quiet)
            printf("saved: %s\n", path);
    }
    if (!quiet)
        sim_print_summary(stdout, w);
    status = 0;
    int wall = 0;
    for (int n = 0; seats && n < cp_world_nation_count(w); n++)
        wall += cps_seats_stats(seats, n)->wall_total;
    if (wall) /* such a call ended at a moment of this run's own (docs/agents.md) */
        fprintf(stderr, "chokepoint sim: note: the wall clock stopped %d agent call%s: playing "
                        "this game again from its seed may not give the same hash%s\n",
                wall, wall == 1 ? "" : "s", record ? "" : " (--record keeps a replay that does)");
    if (csv && csv_export(w, csv, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: --csv %s: %s\n", csv, err);
        status = 2;
    }
    if (debrief && sim_debrief(w, &info, debrief, quiet) != 0)
        status = 2;
    printf("hash: %016llx\n", (unsigned long long)cp_world_hash(w));
    goto done;

failed:
    fprintf(stderr, "chokepoint sim: %s\n", err);
    status = 2;
done:
    replay_rec_abandon(rec); /* a failed run leaves its recording marked incomplete */
    save_seats_free(sections, section_count);
    cps_seats_destroy(seats);
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
    return status;

bad:
    usage(stderr);
    return 2;
}
