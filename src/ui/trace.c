/* trace.c -- the widget trace for tests (trace.h): a frame's controls, written to
 * $CHOKEPOINT_UI_TRACE when they change. */
#include "trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TRACE_CAP = 128 * 1024 };

static char trace_now[TRACE_CAP], trace_last[TRACE_CAP];
static size_t trace_len;
static int trace_state = -1; /* -1: not looked up yet */

static const char *trace_path(void)
{
    const char *p = getenv("CHOKEPOINT_UI_TRACE");
    return p && p[0] ? p : NULL;
}

int trace_on(void)
{
    if (trace_state < 0) trace_state = trace_path() != NULL;
    return trace_state;
}

void trace_begin(void)
{
    trace_on();
    trace_len = 0;
    trace_now[0] = '\0';
}

void trace_add(const char *id, const char *value, SDL_Rect rc)
{
    if (trace_state <= 0 || !id) return;
    size_t at = trace_len;
    int k = snprintf(trace_now + trace_len, TRACE_CAP - trace_len, "%s\t%s\t%d %d %d %d\n", id,
                     value ? value : "", rc.x, rc.y, rc.w, rc.h);
    if (k <= 0 || trace_len + (size_t)k >= TRACE_CAP) {
        trace_now[trace_len] = '\0';
        return;
    }
    trace_len += (size_t)k;
    /* one line each: a value's own line breaks and tabs become spaces */
    size_t value_from = at + strlen(id) + 1, value_to = value_from + (value ? strlen(value) : 0);
    for (size_t i = value_from; i < value_to; i++)
        if (trace_now[i] == '\n' || trace_now[i] == '\t') trace_now[i] = ' ';
}

/* Written whole to a temporary file and renamed, so a test never reads half a frame. */
void trace_end(void)
{
    if (trace_state <= 0 || strcmp(trace_now, trace_last) == 0) return;
    const char *path = trace_path();
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    fputs(trace_now, f);
    if (fclose(f) == 0 && rename(tmp, path) == 0) memcpy(trace_last, trace_now, trace_len + 1);
}
