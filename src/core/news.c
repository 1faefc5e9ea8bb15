/* news.c -- the news feed: what happened this turn, in words. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "world_internal.h"

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
    vsnprintf(item->text, sizeof item->text, fmt, ap);
    va_end(ap);
}
