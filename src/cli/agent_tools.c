/* agent_tools.c -- the modder's commands: `chokepoint check-agent FILE`
 * (load an agent, play it in every seat for a few turns, report what is
 * wrong) and `chokepoint gen-api-docs [DIR]` (regenerate the editor stubs
 * and the API reference from the table that registers the API). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "file_io.h"
#include "script.h"

static void check_usage(FILE *f)
{
    fputs("usage: chokepoint check-agent FILE [--scenario S] [--turns N] [--agent-budget N]\n"
          "                              [--agent-mem MIB] [--difficulty easy|normal|hard]\n"
          "  FILE            an agent: a name under scripts/agents/ or a path to a .lua file\n"
          "  --scenario      the scenario whose seats it plays (default baseline)\n"
          "  --turns         turns to play in each seat (default 4)\n"
          "  --agent-budget  Lua instructions per turn (default 2000000)\n"
          "  --agent-mem     memory cap in MiB (default 32)\n"
          "  --difficulty    the level it reads as view.difficulty: easy, normal or hard\n"
          "                  (default normal)\n"
          "exit status: 0 the agent is sound, 1 it is not, 2 a bad flag or unreadable file\n"
          "A flag may be shortened to any prefix that names no other (--scen for --scenario),\n"
          "and flags and arguments may come in any order.\n",
          f);
}

enum { CA_SCENARIO = 256, CA_TURNS, CA_BUDGET, CA_MEM, CA_DIFFICULTY, CA_HELP };

static const struct option check_flags[] = {
    {"scenario", required_argument, NULL, CA_SCENARIO},
    {"turns", required_argument, NULL, CA_TURNS},
    {"agent-budget", required_argument, NULL, CA_BUDGET},
    {"agent-mem", required_argument, NULL, CA_MEM},
    {"difficulty", required_argument, NULL, CA_DIFFICULTY},
    {"help", no_argument, NULL, CA_HELP},
    {NULL, 0, NULL, 0}};

int cmd_check_agent(int argc, char **argv)
{
    cli_args a = {0};
    const char *file = NULL, *scenario = NULL, *v;
    long turns = 0, budget = 0, mem_mib = 0;
    cps_difficulty level = CPS_DIFFICULTY_NORMAL;
    int r;
    if (cli_begin(&a, "check-agent", argc, argv) != 0)
        return 2;
    while ((r = cli_next(&a, check_flags, &v)) != 0) {
        switch (r) {
        case CA_SCENARIO:
            scenario = v;
            break;
        case CA_TURNS:
            if (cli_int("check-agent", "--turns", v, 1, 400, &turns))
                goto bad;
            break;
        case CA_BUDGET:
            if (cli_int("check-agent", "--agent-budget", v, 1000, 2000000000L, &budget))
                goto bad;
            break;
        case CA_MEM:
            if (cli_int("check-agent", "--agent-mem", v, 1, 4096, &mem_mib))
                goto bad;
            break;
        case CA_DIFFICULTY:
            if (cli_difficulty("check-agent", "--difficulty", v, &level))
                goto bad;
            break;
        case CA_HELP:
        case 'h':
            cli_end(&a);
            check_usage(stdout);
            return 0;
        default: /* -1: cli_next said why */
            goto bad;
        }
    }
    /* the file, wherever it stood among the flags */
    for (int i = a.index; i < a.argc; i++) {
        if (file) {
            fprintf(stderr, "chokepoint check-agent: one agent at a time ('%s' and '%s')\n", file,
                    a.argv[i]);
            goto bad;
        }
        file = a.argv[i];
    }
    cli_end(&a);
    if (!file) {
        fprintf(stderr, "chokepoint check-agent: which agent? Give a file.\n");
        goto bad;
    }
    cps_seat_opts limits;
    memset(&limits, 0, sizeof limits);
    limits.budget_instructions = budget;
    limits.mem_bytes = (size_t)mem_mib << 20;
    limits.difficulty = level;
    return cps_check_agent_with(file, scenario, (int)turns, &limits, stdout);
bad:
    cli_end(&a);
    check_usage(stderr);
    return 2;
}

int cmd_gen_api_docs(int argc, char **argv)
{
    if (argc > 1 || (argc == 1 && argv[0][0] == '-')) {
        if (argc == 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
            puts("usage: chokepoint gen-api-docs [DIR]\n"
                 "  writes DIR/api/chokepoint.lua and the API reference in DIR/agents.md "
                 "(default DIR: docs)");
            return 0;
        }
        fprintf(stderr, "usage: chokepoint gen-api-docs [DIR]\n");
        return 2;
    }
    const char *dir = argc == 1 ? argv[0] : "docs";
    char api[1100], err[1200];
    snprintf(api, sizeof api, "%s/api", dir);
    if (file_mkdirs(api, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint gen-api-docs: %s\n", err);
        return 2;
    }
    return cps_api_write_docs(dir) == 0 ? 0 : 2;
}
