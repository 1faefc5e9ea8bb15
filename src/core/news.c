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

void news_add_x(cp_world *w, cp_news_kind kind, int nation, int good, int partner, int facility,
                int routine, const char *fmt, ...)
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
    item->partner = partner;
    item->facility = facility;
    item->routine = routine;
    va_list ap;
    va_start(ap, fmt);
    text_vformat(item->text, sizeof item->text, fmt, ap);
    va_end(ap);
    w->news_hash = save_hash_news(w->news_hash, item);
}

/* Does item 'x' pass the reader's filter? */
static int news_wanted(const cp_news *x, int from_turn, int to_turn, unsigned kind_mask, int nation)
{
    if (x->turn < from_turn || x->turn > to_turn)
        return 0;
    if ((unsigned)x->kind >= CP_NEWS_KIND_COUNT || !(kind_mask & (1u << x->kind)))
        return 0;
    return nation < 0 || x->nation == nation || x->partner == nation;
}

/* Group the feed for a reader. Routine items (plants moving on schedule)
 * of one nation, kind and quarter fold into the group their first one
 * opened; the others stand alone. A group's text is the first item's when
 * it folds nothing, else a count and that first item ("USA: 3 plants moved
 * on, e.g. ..."). Quadratic in the groups of one quarter at worst, which is
 * a few dozen. */
int cp_world_news_groups(const cp_world *w, int from_turn, int to_turn, unsigned kind_mask,
                         int nation, cp_news_group *out, int max)
{
    int groups = 0;
    int quarter_start = 0; /* first group of the current item's quarter */
    int quarter = -1;
    /* where each written group came from, to fold into it: the groups of
     * one quarter are at most the items of that quarter */
    for (int k = 0; k < w->news_count; k++) {
        const cp_news *x = &w->news[k];
        if (!news_wanted(x, from_turn, to_turn, kind_mask, nation))
            continue;
        if (x->turn != quarter) {
            quarter = x->turn;
            quarter_start = groups;
        }
        int into = -1;
        if (x->routine)
            for (int g = quarter_start; g < groups && g < max; g++) {
                const cp_news *first = &w->news[out[g].first];
                if (first->routine && first->kind == x->kind && first->nation == x->nation) {
                    into = g;
                    break;
                }
            }
        if (into >= 0) {
            cp_news_group *g = &out[into];
            g->count++;
            const cp_nation *who = g->nation >= 0 ? &w->nations[g->nation] : NULL;
            text_format(g->text, sizeof g->text, "%s: %d plants moved on, e.g. ",
                        who ? who->name : "World", g->count);
            size_t used = strlen(g->text);
            snprintf(g->text + used, sizeof g->text - used, "%s", w->news[g->first].text);
            continue;
        }
        if (groups < max) {
            cp_news_group *g = &out[groups];
            g->turn = x->turn;
            g->kind = x->kind;
            g->nation = x->nation;
            g->partner = x->partner;
            g->first = k;
            g->count = 1;
            snprintf(g->text, sizeof g->text, "%s", x->text);
        } else if (x->routine) {
            /* counting only, past 'max': fold by looking back at the items */
            int seen = 0;
            for (int j = k - 1; j >= 0 && w->news[j].turn == x->turn; j--) {
                const cp_news *y = &w->news[j];
                if (y->routine && y->kind == x->kind && y->nation == x->nation &&
                    news_wanted(y, from_turn, to_turn, kind_mask, nation)) {
                    seen = 1;
                    break;
                }
            }
            if (seen)
                continue;
        }
        groups++;
    }
    return groups;
}
