/* args.c -- reading flags and numbers from the command line, with messages
 * that name the flag and what was wrong with it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_flag(cli_args *a, const char *flag, const char **value)
{
    const char *arg = a->argv[a->index];
    size_t n = strlen(flag);
    if (strncmp(arg, flag, n) != 0)
        return 0;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        a->index++;
        return 1;
    }
    if (arg[n] != '\0')
        return 0;
    if (a->index + 1 >= a->argc) {
        fprintf(stderr, "chokepoint %s: %s needs a value\n", a->command, flag);
        return -1;
    }
    *value = a->argv[a->index + 1];
    a->index += 2;
    return 1;
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
