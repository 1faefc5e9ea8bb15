/* args.c -- reading flags and numbers from the command line, with messages
 * that name the flag and what was wrong with it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_begin(cli_args *a, const char *command, int argc, char **argv)
{
    a->command = command;
    a->argc = argc + 1;
    a->index = a->argc;
    a->argv = calloc((size_t)argc + 2, sizeof *a->argv);
    if (!a->argv) {
        fprintf(stderr, "chokepoint %s: out of memory\n", command);
        return -1;
    }
    a->argv[0] = (char *)"chokepoint";
    for (int i = 0; i < argc; i++)
        a->argv[i + 1] = argv[i];
    optind = 0; /* glibc: start afresh (a process may parse more than one command line) */
    opterr = 0; /* the messages are ours */
    return 0;
}

int cli_next(cli_args *a, const struct option *opts, const char **value)
{
    int c = getopt_long(a->argc, a->argv, ":h", opts, NULL);
    *value = optarg;
    if (c == -1) {
        a->index = optind;
        return 0;
    }
    if (c == ':') {
        fprintf(stderr, "chokepoint %s: %s needs a value\n", a->command, a->argv[optind - 1]);
        return -1;
    }
    if (c == '?') {
        /* the element getopt stopped at: an unknown or ambiguous flag, or one given a value
         * it does not take ("--quiet=1") */
        const char *arg = a->argv[optind - 1];
        char shown[3] = {'-', (char)optopt, '\0'};
        if (arg[0] == '-' && arg[1] != '-' && optopt > 0 && optopt < 128)
            arg = shown; /* a short flag, perhaps one of several ("-hx") */
        fprintf(stderr, "chokepoint %s: %s '%s'\n", a->command,
                a->unexpected ? "unexpected argument" : "unknown flag", arg);
        return -1;
    }
    return c;
}

void cli_end(cli_args *a)
{
    free(a->argv);
    a->argv = NULL;
}

int cli_int(const char *command, const char *flag, const char *text, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end != '\0' || v < lo || v > hi) {
        fprintf(stderr, "chokepoint %s: %s: '%s' is not a whole number from %ld to %ld\n", command,
                flag, text, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_u64(const char *command, const char *flag, const char *text, unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || *end != '\0' || text[0] == '-') {
        fprintf(stderr, "chokepoint %s: %s: '%s' is not a non-negative whole number\n", command,
                flag, text);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_difficulty(const char *command, const char *flag, const char *text, cps_difficulty *out)
{
    if (cps_difficulty_parse(text, out) != 0) {
        fprintf(stderr, "chokepoint %s: %s: '%s' is not a difficulty: %s\n", command, flag, text,
                CPS_DIFFICULTY_CHOICES);
        return -1;
    }
    return 0;
}
