/* main.c -- the chokepoint command line: picks the subcommand and hands it
 * the rest of the arguments. With no subcommand, the game. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "batch.h"

/* `chokepoint serve` (src/server/serve_main.c): declared here, since the command line does not
 * include the server's headers (the two are layers side by side). */
int cmd_serve(int argc, char **argv);
/* `chokepoint bot` (src/server/bot_main.c, bot.h): a seat of a class game played by an agent. */
int cmd_bot(int argc, char **argv);

#ifndef CP_VERSION
#define CP_VERSION "dev"
#endif

static void usage(FILE *f)
{
    fputs("Chokepoint " CP_VERSION " -- a geopolitical trade game about rare earths\n"
          "usage: chokepoint [play] [--scenario NAME|FILE] [--screenshot FILE]   the game\n"
          "       chokepoint sim --scenario S --turns N --seed K [--csv DIR]   headless run\n"
          "                      [--save FILE] [--load FILE] [--record FILE] [--autosave DIR]\n"
          "                      [--agent ISO3=FILE]... [--no-agents] [--watch]\n"
          "       chokepoint sweep --scenario S --vary NAME=V1,V2 --seeds 1-20 --csv FILE\n"
          "                                                           batch experiments\n"
          "       chokepoint tournament --agents A.lua,B.lua --seat ISO3 --seeds 1-100\n"
          "                                                           rank agents in one seat\n"
          "       chokepoint serve --scenario S [--seats USA,JPN] [--port N]   a class game over the network\n"
          "       chokepoint bot --join URL --code CODE --agent FILE           play a class seat with an agent\n"
          "       chokepoint replay FILE                                       replay a game, check its hashes\n"
          "       chokepoint check-agent FILE                                  test a Lua agent\n"
          "       chokepoint new-agent NAME [--seat ISO3] [--dir DIR]          start an agent: folder, editor, test\n"
          "       chokepoint gen-api-docs [DIR]                                agent API stubs and reference\n"
          "       chokepoint validate [--markdown FILE]                        check the model against the record\n"
          "       chokepoint help COMMAND                                      a command's flags\n",
          f);
}

/* The subcommands, in the order `help` lists them. */
static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"play", cmd_play},
    {"sim", cmd_sim},
    {"sweep", cmd_sweep},
    {"tournament", cmd_tournament},
    {"serve", cmd_serve},
    {"bot", cmd_bot},
    {"replay", cmd_replay},
    {"check-agent", cmd_check_agent},
    {"new-agent", cmd_new_agent},
    {"gen-api-docs", cmd_gen_api_docs},
    {"validate", cmd_validate},
};

static int find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return (int)i;
    return -1;
}

int main(int argc, char **argv)
{
    cpg_set_command_line(argc, argv); /* for the provenance written beside CSV files */
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            usage(stdout);
            return 0;
        }
        if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
            printf("chokepoint %s\n", CP_VERSION);
            return 0;
        }
        return cmd_play(argc - 1, argv + 1);
    }
    const char *cmd = argv[1];
    int c = find_command(cmd);
    if (c >= 0)
        return commands[c].run(argc - 2, argv + 2);
    if (strcmp(cmd, "help") == 0) {
        char h[] = "--help";
        char *args[] = {h, NULL};
        if (argc > 2 && (c = find_command(argv[2])) >= 0)
            return commands[c].run(1, args);
        if (argc > 2) {
            fprintf(stderr, "chokepoint help: no command '%s'\n", argv[2]);
            usage(stderr);
            return 2;
        }
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "chokepoint: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
