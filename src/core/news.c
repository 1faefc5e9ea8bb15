/* news.c -- the news feed: what happened this turn, in words. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

/* Append n bytes to out (size bytes, 'used' so far), as snprintf would:
 * what does not fit is counted, not written. */
static void put(char *out, size_t size, size_t *used, const char *from, size_t n)
{
    if (*used + 1 < size) {
        size_t room = size - 1 - *used;
        memcpy(out + *used, from, n < room ? n : room);
    }
    *used += n;
}

/* vsnprintf, same bytes. Nearly every line of news is names, counts and
 * whole tonnes or percentages (a plant's name, kind and host; the quarters
 * of a delay; "%.0f t/yr"): %s, %d, %.0f and %% are written here directly,
 * at a fraction of the C library's cost; a format with any other conversion
 * (or a number too large to write this way) goes to vsnprintf. */
static void text_vformat(char *out, size_t size, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    size_t used = 0;
    for (const char *p = fmt; *p;) {
        if (*p != '%') { /* a run of plain text */
            const char *next = strchr(p, '%');
            size_t n = next ? (size_t)(next - p) : strlen(p);
            put(out, size, &used, p, n);
            p += n;
            continue;
        }
        p++;
        if (*p == 's') {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)"; /* as glibc prints it */
            put(out, size, &used, str, strlen(str));
            p++;
            continue;
        }
        if (*p == '%') {
            put(out, size, &used, "%", 1);
            p++;
            continue;
        }
        uint64_t u;
        int minus;
        if (*p == 'd') {
            int v = va_arg(ap, int);
            minus = v < 0;
            u = v < 0 ? 0u - (uint64_t)(int64_t)v : (uint64_t)v;
            p++;
        } else if (p[0] == '.' && p[1] == '0' && p[2] == 'f') {
            double x = va_arg(ap, double), a = fabs(x);
            if (!(a < 4503599627370496.0))
                goto library; /* 2^52 or more, infinite, not a number */
            /* to the nearest whole number, halves to even, as printf
             * rounds: below 2^52, adding 2^52 leaves no fraction */
            u = (uint64_t)((a + 4503599627370496.0) - 4503599627370496.0);
            minus = signbit(x) != 0; /* printf writes -0.4 as "-0" */
            p += 3;
        } else {
            goto library;
        }
        char digits[21];
        int k = (int)sizeof digits;
        do {
            digits[--k] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (minus)
            digits[--k] = '-';
        put(out, size, &used, digits + k, sizeof digits - (size_t)k);
    }
    if (size > 0)
        out[used < size - 1 ? used : size - 1] = '\0';
    va_end(again);
    return;
library:
    vsnprintf(out, size, fmt, again);
    va_end(again);
}

void text_format(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    text_vformat(out, size, fmt, ap);
    va_end(ap);
}

void news_add(cp_world *w, cp_news_kind kind, int nation, int good, const char *fmt, ...)
{
    if (w->news_count == w->news_cap) {
        int cap = w->news_cap ? w->news_cap * 2 : 64;
        cp_news *grown = realloc(w->news, sizeof(cp_news) * (size_t)cap);
        if (!grown)
            return; /* news is commentary: losing a line never changes the game */
        w->news = grown;
        w->news_cap = cap;
    }
    cp_news *item = &w->news[w->news_count++];
    item->turn = w->turn + w->resolving;
    item->kind = kind;
    item->nation = nation;
    item->good = good;
    va_list ap;
    va_start(ap, fmt);
    text_vformat(item->text, sizeof item->text, fmt, ap);
    va_end(ap);
    w->news_hash = save_hash_news(w->news_hash, item);
}
