/* seed_list.c -- reading a list of seeds ("1-100", "3,7,9" or "5") for the
 * batch commands (sweep, tournament), with messages that name the flag. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_seed_list(const char *command, const char *flag, const char *text, int max,
                  unsigned long long **out)
{
    unsigned long long a, b;
    char tail;
    const char *dash = strchr(text, '-');
    if (dash && dash != text && !strchr(text, ',')) {
        if (sscanf(text, "%llu-%llu%c", &a, &b, &tail) != 2 || text[0] == '-' ||
            dash[1] == '-' || dash[1] == '\0' || b < a || b - a >= (unsigned long long)max) {
            fprintf(stderr, "chokepoint %s: %s: '%s' is not a range A-B of at most %d "
                            "seeds with A <= B\n", command, flag, text, max);
            return -1;
        }
        int n = (int)(b - a + 1);
        *out = malloc(sizeof **out * (size_t)n);
        if (!*out)
            return -1;
        for (int i = 0; i < n; i++)
            (*out)[i] = a + (unsigned long long)i;
        return n;
    }
    int n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ',';
    if (n > max) {
        fprintf(stderr, "chokepoint %s: %s: more than %d seeds\n", command, flag, max);
        return -1;
    }
    *out = malloc(sizeof **out * (size_t)n);
    if (!*out)
        return -1;
    const char *p = text;
    for (int i = 0; i < n; i++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char buf[32];
        if (len == 0 || len >= sizeof buf) {
            fprintf(stderr, "chokepoint %s: %s: '%s' is not A-B, A,B,C or one seed\n", command,
                    flag, text);
            free(*out);
            return -1;
        }
        memcpy(buf, p, len);
        buf[len] = '\0';
        if (cli_u64(command, flag, buf, &(*out)[i])) {
            free(*out);
            return -1;
        }
        p = end ? end + 1 : p + len;
    }
    return n;
}
