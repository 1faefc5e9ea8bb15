/* errors.c -- filling a cp_error: the one way the core explains a refusal. */
#include <stdarg.h>
#include <stdio.h>

#include "world_internal.h"

cp_status cp_fail(cp_error *err, cp_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}
