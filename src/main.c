/* main.c -- the chokepoint command line: picks the subcommand and hands it
 * the rest of the arguments. With no subcommand, the game. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#ifndef CP_VERSION
#define CP_VERSION "dev"
#endif

static void usage(FILE *f)
{
    fputs("Chokepoint " CP_VERSION " -- a geopolitical trade game about rare earths\n"
          "usage: chokepoint [play] [--scenario NAME|FILE] [--screenshot FILE]   the game\n"
          "       chokepoint sim --scenario S --turns N --seed K [--csv DIR]   headless run\n"
          "                      [--save FILE] [--load FILE] [--record FILE] [--autosave DIR]\n"
          "       chokepoint sweep --scenario S --vary NAME=V1,V2 --seeds 1-20 --csv FILE\n"
          "                                                           batch experiments\n"
          "       chokepoint replay FILE                                       replay a game, check its hashes\n"
          "       chokepoint help COMMAND                                      a command's flags\n",
          f);
}

int main(int argc, char **argv)
{
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
    if (strcmp(cmd, "play") == 0)
        return cmd_play(argc - 2, argv + 2);
    if (strcmp(cmd, "sim") == 0)
        return cmd_sim(argc - 2, argv + 2);
    if (strcmp(cmd, "sweep") == 0)
        return cmd_sweep(argc - 2, argv + 2);
    if (strcmp(cmd, "replay") == 0)
        return cmd_replay(argc - 2, argv + 2);
    if (strcmp(cmd, "help") == 0) {
        char h[] = "--help";
        char *args[] = {h, NULL};
        if (argc > 2 && strcmp(argv[2], "sim") == 0)
            return cmd_sim(1, args);
        if (argc > 2 && strcmp(argv[2], "sweep") == 0)
            return cmd_sweep(1, args);
        if (argc > 2 && strcmp(argv[2], "replay") == 0)
            return cmd_replay(1, args);
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "chokepoint: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
