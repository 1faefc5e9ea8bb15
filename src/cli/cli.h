/* cli.h -- the command line's shared pieces: flag parsing, CSV export and
 * each subcommand's entry point. Exit statuses: 0 done, 1 a check failed,
 * 2 a bad command line, file or scenario. */
#ifndef CP_CLI_H
#define CP_CLI_H

#include <stdio.h>

#include "chokepoint.h"

/* Parsing "--flag VALUE" and "--flag=VALUE". */
typedef struct {
    int argc, index;
    char **argv;
    const char *command; /* "sim", ... for messages */
} cli_args;

/* If argv[index] is 'flag', set *value to its value and advance; returns 1
 * when it matched, 0 when not, -1 (after printing why) when the value is
 * missing. */
int cli_flag(cli_args *a, const char *flag, const char **value);
int cli_int(const char *command, const char *flag, const char *text, long lo, long hi, long *out);
int cli_u64(const char *command, const char *flag, const char *text, unsigned long long *out);
/* A list of seeds, "A-B", "A,B,C" or "A" (at most 'max'), into a new array
 * (seed_list.c). Returns the count, or -1 after printing why. */
int cli_seed_list(const char *command, const char *flag, const char *text, int max,
                  unsigned long long **out);
/* Append 'arg' to the command line 'cmd', quoted for a shell if it needs it
 * (shell_arg.c). */
void cli_append_arg(char *cmd, size_t cap, const char *arg);

/* Write nations.csv, markets.csv, facilities.csv and news.csv into 'dir'
 * (created if missing). Returns 0, or -1 with a message in 'err'. */
int csv_export(const cp_world *w, const char *dir, char *err, size_t errlen);

/* One line of the key figures of the world's current turn. */
void sim_print_turn(FILE *out, const cp_world *w);
/* The end-of-game summary: world prices and prices paid in and outside China. */
void sim_print_summary(FILE *out, const cp_world *w);

int cmd_sim(int argc, char **argv);
int cmd_play(int argc, char **argv);
int cmd_check_agent(int argc, char **argv);
int cmd_gen_api_docs(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_tournament(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
