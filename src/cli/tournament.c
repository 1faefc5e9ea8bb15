/* tournament.c -- `chokepoint tournament`: each agent plays one seat against
 * the scenario's agents over many seeds, on all cores, and the command
 * ranks them. This file reads the flags, refuses what cannot work before a
 * game is played (exit 2: a bad flag, scenario, seat or agent file), runs
 * the matches on the worker pool (pool.c) and hands the results to the
 * report (tournament_report.c). tournament.h says how matches are numbered
 * and seeded. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fileio.h"
#include "pool.h"
#include "script.h"
#include "tournament.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint tournament --agents A.lua,B.lua,... --seat ISO3 [--scenario S]\n"
          "                             [--seeds 1-100] [--turns N] [--seed MASTER] [--jobs N]\n"
          "                             [--csv FILE] [--replays DIR] [--agent ISO3=FILE]...\n"
          "                             [--agent-budget N] [--agent-mem MIB] [--agent-wall MS]\n"
          "                             [--quiet]\n"
          "  --agents    the agents to rank, comma-separated: names under scripts/agents/ or\n"
          "              paths (required); each plays the seat on every seed\n"
          "  --seat      the nation they play, by ISO3 (required)\n"
          "  --scenario  a scenario under scripts/scenarios/ or a .lua file (default baseline)\n"
          "  --seeds     A-B, a list A,B,C or one seed (default 1-100)\n"
          "  --turns     quarters per game (default: the scenario's length)\n"
          "  --seed      master seed: each seed's game seed is derived from it (default 1)\n"
          "  --jobs      worker threads (default: every core)\n"
          "  --csv       write one row per match to FILE (- for standard output)\n"
          "  --replays   record every match as DIR/AGENT-seedN.replay for `chokepoint replay`\n"
          "  --agent     put another agent in another seat for every match, ISO3=FILE or\n"
          "              ISO3=none (repeatable); other nations play their scenario default\n"
          "  --agent-budget  Lua instructions per agent per turn (default 2000000)\n"
          "  --agent-mem     memory cap per agent in MiB (default 32)\n"
          "  --agent-wall    wall-clock backstop per agent call in milliseconds (default 2000)\n"
          "  --quiet     no progress bar and no timing line (the table is still printed)\n",
          f);
}

/* The pool's task: one match, its result stays in t->match. */
static int run_task(void *ud, int m, void **result, char *err, size_t errlen)
{
    (void)result;
    return tour_play_match(ud, m, err, errlen);
}

/* Split --agents into t->agent; checks names, not files. Returns 0 or -1. */
static int parse_agents(tournament *t, char *list)
{
    for (char *p = list, *end; p; p = end ? end + 1 : NULL) {
        end = strchr(p, ',');
        if (end)
            *end = '\0';
        if (!*p) {
            fprintf(stderr, "chokepoint tournament: --agents: an empty name in the list\n");
            return -1;
        }
        if (t->agent_count == TOUR_MAX_AGENTS) {
            fprintf(stderr, "chokepoint tournament: --agents: more than %d agents\n",
                    TOUR_MAX_AGENTS);
            return -1;
        }
        for (int a = 0; a < t->agent_count; a++)
            if (strcmp(t->agent[a].file, p) == 0) {
                fprintf(stderr, "chokepoint tournament: --agents: %s is listed twice\n", p);
                return -1;
            }
        tour_agent *a = &t->agent[t->agent_count++];
        a->file = p;
    }
    return 0;
}

/* Each agent's file, its name in messages and its label in the table.
 * Returns 0, or -1 after saying why. */
static int name_agents(tournament *t)
{
    for (int k = 0; k < t->agent_count; k++) {
        tour_agent *ag = &t->agent[k];
        if (cps_resolve_script("scripts/agents", ag->file, ag->path, sizeof ag->path, ag->display,
                               sizeof ag->display) != 0) {
            fprintf(stderr, "chokepoint tournament: --agents %s: file name too long\n", ag->file);
            return -1;
        }
        snprintf(ag->given, sizeof ag->given, "%s=%.1000s", t->seat_iso3, ag->file);
        const char *slash = strrchr(ag->display, '/');
        const char *base = slash ? slash + 1 : ag->display;
        snprintf(ag->label, sizeof ag->label, "%.60s", base);
        for (int j = 0; j < k; j++)
            if (strcmp(t->agent[j].label, ag->label) == 0) /* same name, other folder */
                snprintf(ag->label, sizeof ag->label, "%.50s#%d", base, k + 1);
    }
    return 0;
}

/* Seat agent 'k' (its copy) in 'w' beside the other seats' agents, to
 * refuse a file that does not load before a game is played. Returns 0, or
 * -1 after saying why, naming the file the modder gave. */
static int check_agent(const tournament *t, int k, cp_world *w)
{
    const tour_agent *ag = &t->agent[k];
    const char *assign[TOUR_MAX_OTHERS + 1];
    for (int i = 0; i < t->other_count; i++)
        assign[i] = t->others_play[i];
    assign[t->other_count] = ag->assign;
    cps_seat_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.quiet = 1;
    opts.budget_instructions = t->budget;
    opts.mem_bytes = (size_t)t->mem_mib << 20;
    opts.wall_s = (double)t->wall_ms / 1000.0;
    char err[1400], shown[1400];
    cps_seats *st = cps_seats_create(w, &t->play_info, assign, t->other_count + 1, &opts, err,
                                     sizeof err);
    if (st) {
        cps_seats_destroy(st);
        return 0;
    }
    /* the seats name the assignment ("--agent USA=...: "); the modder typed --agents */
    size_t pl = strlen("--agent ") + strlen(ag->assign) + 2;
    const char *why = strncmp(err, "--agent ", 8) == 0 &&
                              strncmp(err + 8, ag->assign, strlen(ag->assign)) == 0 &&
                              strlen(err) > pl ? err + pl : err;
    tour_unsnap(t, why, shown, sizeof shown);
    fprintf(stderr, "chokepoint tournament: --agents %s: %s\n", ag->file, shown);
    return -1;
}

/* Everything after the flags: load the scenario, find the seat, check that
 * every agent loads in it, play, report. Returns the exit status. */
static int tour_run(tournament *t, const char *scenario, const char *seat, long turns, int jobs,
                    const char *csv_path, int quiet, int argc, char **argv)
{
    static cp_scenario sc;
    static cps_scenario_info info;
    char err[1400] = "";
    int status = 2;
    FILE *csv = NULL;
    memset(&info, 0, sizeof info);
    if (cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint tournament: --scenario: %s\n", err);
        goto done;
    }
    t->scenario_arg = scenario;
    t->scen = &sc;
    t->info = &info;
    t->turns = turns < 0 ? sc.default_turns : (int)turns;
    t->total = t->agent_count * t->seed_count;

    /* the seat, and every agent loading in it (a world of the first seed) */
    {
        cp_error e;
        cp_world *w = cp_world_create(&sc, tour_game_seed(t->master, t->seeds[0]), &e);
        if (!w) {
            fprintf(stderr, "chokepoint tournament: %s\n", e.message);
            goto done;
        }
        t->seat = strlen(seat) == 3 ? cp_world_find_nation(w, seat) : -1;
        if (t->seat < 0) {
            fprintf(stderr, "chokepoint tournament: --seat %s: no nation %s in %s\n", seat, seat,
                    sc.name);
            cp_world_destroy(w);
            goto done;
        }
        snprintf(t->seat_iso3, sizeof t->seat_iso3, "%s", cp_world_nation(w, t->seat)->iso3);
        for (int i = 0; i < t->other_count; i++)
            if (strncmp(t->others[i], t->seat_iso3, 3) == 0 && t->others[i][3] == '=') {
                fprintf(stderr, "chokepoint tournament: --agent %s: %s is the seat the agents "
                                "play\n", t->others[i], t->seat_iso3);
                cp_world_destroy(w);
                goto done;
            }
        int bad = name_agents(t) != 0 ||
                  tour_snapshot_take(t, cp_world_nation_count(w), err, sizeof err) != 0;
        if (bad && err[0])
            fprintf(stderr, "chokepoint tournament: %s\n", err);
        for (int k = 0; k < t->agent_count && !bad; k++)
            bad = check_agent(t, k, w) != 0;
        if (bad) {
            cp_world_destroy(w);
            goto done;
        }
        cp_world_destroy(w);
    }
    if (t->replays && file_mkdirs(t->replays, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint tournament: --replays %s: %s\n", t->replays, err);
        goto done;
    }
    if (csv_path) {
        csv = strcmp(csv_path, "-") == 0 ? stdout : fopen(csv_path, "w");
        if (!csv) {
            fprintf(stderr, "chokepoint tournament: --csv %s: cannot write: %s\n", csv_path,
                    strerror(errno));
            goto done;
        }
    }
    t->match = calloc((size_t)t->total, sizeof *t->match);
    if (!t->match) {
        fprintf(stderr, "chokepoint tournament: out of memory\n");
        goto done;
    }

    /* play */
    pool_job job = {"tournament", "games", t->total, jobs, !quiet && isatty(STDERR_FILENO),
                    run_task, NULL, t};
    pool_result res;
    if (pool_run(&job, &res) != 0) {
        fprintf(stderr, "chokepoint tournament: %s\n", res.message);
        status = 1;
        goto done;
    }
    tour_snapshot_note_changes(t, stderr);

    /* report: the table on stdout (after the CSV when that goes there too) */
    status = 0;
    if (csv) {
        char cmd[4096] = "chokepoint tournament";
        for (int i = 0; i < argc; i++)
            cli_append_arg(cmd, sizeof cmd, argv[i]);
        int bad = tour_write_csv(t, csv, cmd) != 0;
        if (csv != stdout)
            bad |= fclose(csv) != 0;
        else
            bad |= fflush(stdout) != 0;
        csv = NULL;
        if (bad) {
            fprintf(stderr, "chokepoint tournament: --csv %s: error writing\n", csv_path);
            status = 2;
        }
    }
    tour_print_table(t, csv_path && strcmp(csv_path, "-") == 0 ? stderr : stdout);
    if (!quiet)
        fprintf(stderr, "tournament: %d games x %d turns in %.2f s on %d thread%s%s%s\n",
                t->total, t->turns, res.elapsed_s, res.threads, res.threads == 1 ? "" : "s",
                csv_path ? " -> " : "", csv_path ? csv_path : "");

done:
    tour_snapshot_drop(t);
    if (csv && csv != stdout)
        fclose(csv);
    free(t->match);
    free(t->seeds);
    cps_scenario_info_free(&info);
    return status;
}

int cmd_tournament(int argc, char **argv)
{
    cli_args a = {argc, 0, argv, "tournament"};
    static tournament t;
    memset(&t, 0, sizeof t);
    const char *scenario = "baseline", *agents_text = NULL, *seat = NULL, *csv_path = NULL, *v;
    int quiet = 0, r;
    long turns = -1, jobs = pool_default_jobs();
    t.seeds_text = "1-100";
    t.master = 1;
    static char agents_buf[8192];
    while (a.index < argc) {
        const char *arg = argv[a.index];
        if ((r = cli_flag(&a, "--agents", &v)) != 0) {
            if (r < 0)
                goto bad;
            agents_text = v;
        } else if ((r = cli_flag(&a, "--seat", &v)) != 0) {
            if (r < 0)
                goto bad;
            seat = v;
        } else if ((r = cli_flag(&a, "--scenario", &v)) != 0) {
            if (r < 0)
                goto bad;
            scenario = v;
        } else if ((r = cli_flag(&a, "--seeds", &v)) != 0) {
            if (r < 0)
                goto bad;
            t.seeds_text = v;
        } else if ((r = cli_flag(&a, "--turns", &v)) != 0) {
            if (r < 0 || cli_int("tournament", "--turns", v, 1, 4000, &turns))
                goto bad;
        } else if ((r = cli_flag(&a, "--seed", &v)) != 0) {
            if (r < 0 || cli_u64("tournament", "--seed", v, &t.master))
                goto bad;
        } else if ((r = cli_flag(&a, "--jobs", &v)) != 0) {
            if (r < 0 || cli_int("tournament", "--jobs", v, 1, POOL_MAX_JOBS, &jobs))
                goto bad;
        } else if ((r = cli_flag(&a, "--csv", &v)) != 0) {
            if (r < 0)
                goto bad;
            csv_path = v;
        } else if ((r = cli_flag(&a, "--replays", &v)) != 0) {
            if (r < 0)
                goto bad;
            t.replays = v;
        } else if ((r = cli_flag(&a, "--agent", &v)) != 0) {
            if (r < 0)
                goto bad;
            if (t.other_count == TOUR_MAX_OTHERS) {
                fprintf(stderr, "chokepoint tournament: --agent: more than %d seats\n",
                        TOUR_MAX_OTHERS);
                goto bad;
            }
            t.others[t.other_count++] = v;
        } else if ((r = cli_flag(&a, "--agent-budget", &v)) != 0) {
            if (r < 0 || cli_int("tournament", "--agent-budget", v, 1000, 2000000000L, &t.budget))
                goto bad;
        } else if ((r = cli_flag(&a, "--agent-wall", &v)) != 0) {
            if (r < 0 || cli_int("tournament", "--agent-wall", v, 10, 600000, &t.wall_ms))
                goto bad;
        } else if ((r = cli_flag(&a, "--agent-mem", &v)) != 0) {
            if (r < 0 || cli_int("tournament", "--agent-mem", v, 1, 4096, &t.mem_mib))
                goto bad;
        } else if (strcmp(arg, "--quiet") == 0) {
            quiet = 1;
            a.index++;
        } else if (strcmp(arg, "--watch") == 0) {
            fprintf(stderr, "chokepoint tournament: --watch: a tournament plays the agents as "
                            "they were when it started; watch one game with `chokepoint sim "
                            "--watch`\n");
            goto bad;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "chokepoint tournament: unknown flag '%s'\n", arg);
            goto bad;
        }
    }
    if (!agents_text) {
        fprintf(stderr, "chokepoint tournament: --agents is required\n");
        goto bad;
    }
    if (!seat) {
        fprintf(stderr, "chokepoint tournament: --seat is required\n");
        goto bad;
    }
    if (strlen(agents_text) >= sizeof agents_buf) {
        fprintf(stderr, "chokepoint tournament: --agents: the list is too long\n");
        goto bad;
    }
    snprintf(agents_buf, sizeof agents_buf, "%s", agents_text);
    if (parse_agents(&t, agents_buf) != 0)
        goto bad;
    t.seed_count = cli_seed_list("tournament", "--seeds", t.seeds_text, TOUR_MAX_SEEDS, &t.seeds);
    if (t.seed_count < 0)
        goto bad;
    if ((long)t.seed_count * t.agent_count > TOUR_MAX_MATCHES) {
        fprintf(stderr, "chokepoint tournament: %ld matches is more than %d\n",
                (long)t.seed_count * t.agent_count, TOUR_MAX_MATCHES);
        free(t.seeds);
        return 2;
    }
    return tour_run(&t, scenario, seat, turns, (int)jobs, csv_path, quiet, argc, argv);

bad:
    usage(stderr);
    return 2;
}
