/* tournament.c -- `chokepoint tournament`: each agent plays one seat against
 * the scenario's agents over many seeds, on all cores, and the command
 * ranks them. This file reads the flags and refuses what is wrong with them
 * (exit 2); the session's tournament engine (batch.h: src/session/
 * tournament.c and its match, snapshot and report) checks the scenario, the
 * seat and the agents, plays the matches and reports. batch.h says how
 * matches are numbered and seeded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"

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
