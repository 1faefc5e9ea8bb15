/* cli.h -- the command line's shared pieces: flag parsing, CSV export and
 * each subcommand's entry point. Exit statuses: 0 done, 1 a check failed,
 * 2 a bad command line, file or scenario. */
#ifndef CP_CLI_H
#define CP_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "chokepoint.h"
#include "script.h"

/* A command's flags, read by getopt_long: "--flag VALUE", "--flag=VALUE", an unambiguous
 * prefix of a flag ("--scen"), and the arguments that are not flags in any order among them
 * (GNU permutation). */
typedef struct {
    const char *command;    /* "sim", ... for messages */
    int unexpected;         /* set before cli_begin: 1 names an unknown flag "unexpected
                               argument '--x'" (replay), 0 "unknown flag '--x'" */
    int argc;               /* of argv: "chokepoint COMMAND", then the command's arguments */
    char **argv;            /* a copy that getopt_long may reorder */
    int index;              /* after the flags: argv[index..argc) are the other arguments */
} cli_args;

/* Start reading 'argv' (the arguments after the command's name). 0, or -1 (out of memory,
 * said) */
int cli_begin(cli_args *a, const char *command, int argc, char **argv);
/* The next flag: its option's 'val' with its value in *value (NULL for a flag without one),
 * 'h' for -h, 0 when no flag is left (a->index then points at the other arguments), or -1
 * after printing why: an unknown or ambiguous flag, a value given to a flag that takes none,
 * a missing value ("chokepoint sim: --turns needs a value"). */
int cli_next(cli_args *a, const struct option *opts, const char **value);
void cli_end(cli_args *a);
int cli_int(const char *command, const char *flag, const char *text, long lo, long hi, long *out);
int cli_u64(const char *command, const char *flag, const char *text, unsigned long long *out);
/* --difficulty LEVEL: "easy", "normal" or "hard" into *out, or -1 after printing why, naming
 * the flag and the three levels. */
int cli_difficulty(const char *command, const char *flag, const char *text, cps_difficulty *out);
/* A list of seeds, "A-B", "A,B,C" or "A" (at most 'max'), into a new array
 * (seed_list.c). Returns the count, or -1 after printing why. */
int cli_seed_list(const char *command, const char *flag, const char *text, int max,
                  unsigned long long **out);

/* One line of the key figures of the world's current turn. */
void sim_print_turn(FILE *out, const cp_world *w);
/* cpg_write_csv as the debrief pack's CSV writer wants it (ui_debrief_set_csv_writer). */
int sim_csv_writer(const cp_world *w, const char *dir, char *err, size_t errlen);
/* play.c: `sim --debrief DIR`, the pack the window's code draws (0, or -1 with a message). */
int cli_write_debrief(const cp_world *w, const cps_scenario_info *info, const char *dir, int quiet);
/* sim_results.c: the end-of-game table (ranking, score parts, goals met) */
void sim_print_results(FILE *out, const cp_world *w);
/* The end-of-game summary: world prices and prices paid in and outside China. */
void sim_print_summary(FILE *out, const cp_world *w);

int cmd_sim(int argc, char **argv);
int cmd_play(int argc, char **argv);
int cmd_check_agent(int argc, char **argv);
int cmd_gen_api_docs(int argc, char **argv);
/* new_agent.c: `chokepoint new-agent NAME`, a starting folder for an agent */
int cmd_new_agent(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_tournament(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
