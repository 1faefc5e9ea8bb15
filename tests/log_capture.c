/* log_capture.c -- the tests' sink for the agent host's log lines (see log_capture.h). */
#include "log_capture.h"

#include <string.h>

char log_text[1 << 16];
static size_t log_len;

void log_capture(void *ud, const char *line)
{
    (void)ud;
    size_t n = strlen(line);
    if (log_len + n + 2 < sizeof log_text) {
        memcpy(log_text + log_len, line, n);
        log_len += n;
        log_text[log_len++] = '\n';
        log_text[log_len] = '\0';
    }
}

void log_clear(void)
{
    log_len = 0;
    log_text[0] = '\0';
}
