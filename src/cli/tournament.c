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
          "                             [--difficulty easy|normal|hard] [--quiet]\n"
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
          "  --difficulty    how well the agents play, those ranked and every other seat's:\n"
          "                  easy, normal or hard (default normal; view.difficulty)\n"
          "  --quiet     no progress bar and no timing line (the table is still printed)\n"
          "A flag may be shortened to any prefix that names no other (--scen for --scenario),\n"
          "and flags and arguments may come in any order.\n",
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

enum {
    TF_AGENTS = 256, TF_SEAT, TF_SCENARIO, TF_SEEDS, TF_TURNS, TF_SEED, TF_JOBS, TF_CSV,
    TF_REPLAYS, TF_AGENT, TF_BUDGET, TF_WALL, TF_MEM, TF_QUIET, TF_WATCH, TF_DIFFICULTY, TF_HELP
};

static const struct option tournament_flags[] = {
    {"agents", required_argument, NULL, TF_AGENTS},
    {"seat", required_argument, NULL, TF_SEAT},
    {"scenario", required_argument, NULL, TF_SCENARIO},
    {"seeds", required_argument, NULL, TF_SEEDS},
    {"turns", required_argument, NULL, TF_TURNS},
    {"seed", required_argument, NULL, TF_SEED},
    {"jobs", required_argument, NULL, TF_JOBS},
    {"csv", required_argument, NULL, TF_CSV},
    {"replays", required_argument, NULL, TF_REPLAYS},
    {"agent", required_argument, NULL, TF_AGENT},
    {"agent-budget", required_argument, NULL, TF_BUDGET},
    {"agent-wall", required_argument, NULL, TF_WALL},
    {"agent-mem", required_argument, NULL, TF_MEM},
    {"quiet", no_argument, NULL, TF_QUIET},
    {"watch", no_argument, NULL, TF_WATCH},
    {"difficulty", required_argument, NULL, TF_DIFFICULTY},
    {"help", no_argument, NULL, TF_HELP},
    {NULL, 0, NULL, 0}};

int cmd_tournament(int argc, char **argv)
{
    cli_args a = {0};
    static tournament t;
    memset(&t, 0, sizeof t);
    const char *scenario = "baseline", *agents_text = NULL, *seat = NULL, *csv_path = NULL, *v;
    int quiet = 0, r;
    long turns = -1, jobs = pool_default_jobs();
    t.seeds_text = "1-100";
    t.master = 1;
    static char agents_buf[8192];
    if (cli_begin(&a, "tournament", argc, argv) != 0)
        return 2;
    while ((r = cli_next(&a, tournament_flags, &v)) != 0) {
        switch (r) {
        case TF_AGENTS:
            agents_text = v;
            break;
        case TF_SEAT:
            seat = v;
            break;
        case TF_SCENARIO:
            scenario = v;
            break;
        case TF_SEEDS:
            t.seeds_text = v;
            break;
        case TF_TURNS:
            if (cli_int("tournament", "--turns", v, 1, 4000, &turns))
                goto bad;
            break;
        case TF_SEED:
            if (cli_u64("tournament", "--seed", v, &t.master))
                goto bad;
            break;
        case TF_JOBS:
            if (cli_int("tournament", "--jobs", v, 1, POOL_MAX_JOBS, &jobs))
                goto bad;
            break;
        case TF_CSV:
            csv_path = v;
            break;
        case TF_REPLAYS:
            t.replays = v;
            break;
        case TF_AGENT:
            if (t.other_count == TOUR_MAX_OTHERS) {
                fprintf(stderr, "chokepoint tournament: --agent: more than %d seats\n",
                        TOUR_MAX_OTHERS);
                goto bad;
            }
            t.others[t.other_count++] = v;
            break;
        case TF_BUDGET:
            if (cli_int("tournament", "--agent-budget", v, 1000, 2000000000L, &t.budget))
                goto bad;
            break;
        case TF_WALL:
            if (cli_int("tournament", "--agent-wall", v, 10, 600000, &t.wall_ms))
                goto bad;
            break;
        case TF_MEM:
            if (cli_int("tournament", "--agent-mem", v, 1, 4096, &t.mem_mib))
                goto bad;
            break;
        case TF_QUIET:
            quiet = 1;
            break;
        case TF_WATCH:
            fprintf(stderr, "chokepoint tournament: --watch: a tournament plays the agents as "
                            "they were when it started; watch one game with `chokepoint sim "
                            "--watch`\n");
            goto bad;
        case TF_DIFFICULTY:
            if (cli_difficulty("tournament", "--difficulty", v, &t.difficulty))
                goto bad;
            break;
        case TF_HELP:
        case 'h':
            cli_end(&a);
            usage(stdout);
            return 0;
        default: /* -1: cli_next said why */
            goto bad;
        }
    }
    if (a.index < a.argc) { /* a tournament takes no argument but its flags */
        fprintf(stderr, "chokepoint tournament: unknown flag '%s'\n", a.argv[a.index]);
        goto bad;
    }
    cli_end(&a);
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
    cli_end(&a);
    usage(stderr);
    return 2;
}
