/* memory_text.c -- an agent's saved memory shown as a Lua table constructor, for people and tests.
 *
 * Saves keep memory in a compact binary form (memory_codec.h); this renders
 * those bytes as the text earlier saves held ({["n"]=6,["plan"]={...},}),
 * keys in the order they were written, strings escaped so that the text is
 * printable. Pure C: it reads bytes, never Lua.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

typedef struct {
    const unsigned char *p;
    size_t len, pos;
    char *out;
    size_t olen, ocap;
    int failed;
} render;

static void emit(render *r, const char *s, size_t n)
{
    if (r->failed)
        return;
    if (r->olen + n + 1 > r->ocap) {
        size_t cap = r->ocap ? r->ocap : 256;
        while (cap < r->olen + n + 1)
            cap *= 2;
        char *b = realloc(r->out, cap);
        if (!b) {
            r->failed = 1;
            return;
        }
        r->out = b;
        r->ocap = cap;
    }
    memcpy(r->out + r->olen, s, n);
    r->olen += n;
    r->out[r->olen] = '\0';
}

static void emits(render *r, const char *s) { emit(r, s, strlen(s)); }

static uint64_t take(render *r, int n)
{
    if (r->failed || (size_t)n > r->len - r->pos) {
        r->failed = 1;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint64_t)r->p[r->pos + (size_t)i] << (8 * i);
    r->pos += (size_t)n;
    return v;
}

static void value(render *r, int depth)
{
    char buf[64];
    if (r->failed || r->pos >= r->len || depth > 200) {
        r->failed = 1;
        return;
    }
    unsigned char tag = r->p[r->pos++];
    switch (tag) {
    case 'S': {
        uint64_t n = take(r, 4);
        if (r->failed || n > r->len - r->pos) {
            r->failed = 1;
            return;
        }
        emit(r, "\"", 1);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = r->p[r->pos + i];
            if (c == '"' || c == '\\') {
                buf[0] = '\\';
                buf[1] = (char)c;
                emit(r, buf, 2);
            } else if (c == '\n') {
                emits(r, "\\n");
            } else if (c < 32 || c == 127) {
                snprintf(buf, sizeof buf, "\\%03d", c);
                emits(r, buf);
            } else {
                emit(r, (const char *)&c, 1);
            }
        }
        emit(r, "\"", 1);
        r->pos += (size_t)n;
        return;
    }
    case 'I': {
        int64_t v = (int64_t)take(r, 8);
        if (v == INT64_MIN)
            emits(r, "math.mininteger");
        else {
            snprintf(buf, sizeof buf, "%lld", (long long)v);
            emits(r, buf);
        }
        return;
    }
    case 'F': {
        uint64_t bits = take(r, 8);
        double d;
        memcpy(&d, &bits, sizeof d);
        if (d != d)
            snprintf(buf, sizeof buf, "0/0");
        else if (d > 1.7976931348623157e308)
            snprintf(buf, sizeof buf, "1/0");
        else if (d < -1.7976931348623157e308)
            snprintf(buf, sizeof buf, "-1/0");
        else {
            snprintf(buf, sizeof buf, "%.17g", d);
            if (!strpbrk(buf, ".eEn"))
                strcat(buf, ".0");
        }
        emits(r, buf);
        return;
    }
    case 'B': emits(r, take(r, 1) ? "true" : "false"); return;
    case 'T': {
        uint64_t n = take(r, 4);
        emit(r, "{", 1);
        for (uint64_t i = 0; i < n && !r->failed; i++) {
            emit(r, "[", 1);
            value(r, depth + 1);
            emits(r, "]=");
            value(r, depth + 1);
            emit(r, ",", 1);
        }
        emit(r, "}", 1);
        return;
    }
    default: r->failed = 1;
    }
}

int cps_memory_text(const char *bytes, size_t len, char **text, size_t *tlen)
{
    static const char magic[] = "CPMEM1\x1a\n";
    render r = {0};
    r.p = (const unsigned char *)bytes;
    r.len = len;
    *text = NULL;
    *tlen = 0;
    if (len < 8 || memcmp(bytes, magic, 8) != 0)
        return -1;
    r.pos = 8;
    value(&r, 0);
    if (r.failed || r.pos != r.len) {
        free(r.out);
        return -1;
    }
    *text = r.out;
    *tlen = r.olen;
    return 0;
}
