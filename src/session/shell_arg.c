/* shell_arg.c -- writing a command line back out (CSV headers, the command
 * that re-runs one match), quoting each argument for a POSIX shell (batch.h). */
#include <stdio.h>
#include <string.h>

#include "batch.h"

void cpg_shell_append(char *cmd, size_t cap, const char *arg)
{
    size_t n = strlen(cmd);
    int plain = *arg != '\0';
    for (const char *p = arg; *p; p++)
        if (!(('a' <= *p && *p <= 'z') || ('A' <= *p && *p <= 'Z') || ('0' <= *p && *p <= '9') ||
              strchr("-_=.,/:+@%", *p)))
            plain = 0;
    if (plain) {
        snprintf(cmd + n, cap - n, " %s", arg);
        return;
    }
    if (n + 2 < cap)
        cmd[n++] = ' ';
    if (n + 1 < cap)
        cmd[n++] = '\'';
    for (const char *p = arg; *p && n + 5 < cap; p++) {
        if (*p == '\'') {
            memcpy(cmd + n, "'\\''", 4);
            n += 4;
        } else {
            cmd[n++] = *p;
        }
    }
    if (n + 1 < cap)
        cmd[n++] = '\'';
    cmd[n] = '\0';
}
