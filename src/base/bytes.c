/* bytes.c -- appending to and reading from byte buffers, little-endian,
 * for the program's file formats (see bytes.h). */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bytes.h"
#include "numtext.h"

int bytes_reserve(bytes_buf *b, size_t n)
{
    if (b->failed)
        return 0;
    if (n <= b->cap - b->len)
        return 1;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < n) {
        if (cap > SIZE_MAX / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    unsigned char *grown = realloc(b->data, cap);
    if (!grown) {
        b->failed = 1;
        return 0;
    }
    b->data = grown;
    b->cap = cap;
    return 1;
}

void bytes_append(bytes_buf *b, const void *p, size_t n)
{
    if (n == 0 || !bytes_reserve(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

void bytes_u32(bytes_buf *b, uint32_t v)
{
    unsigned char x[4];
    bytes_put_u32(x, v);
    bytes_append(b, x, 4);
}

void bytes_u64(bytes_buf *b, uint64_t v)
{
    unsigned char x[8];
    bytes_put_u64(x, v);
    bytes_append(b, x, 8);
}

void bytes_i32(bytes_buf *b, int v) { bytes_u32(b, (uint32_t)v); }

void bytes_f64(bytes_buf *b, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    bytes_u64(b, bits);
}

void bytes_str(bytes_buf *b, const char *s)
{
    size_t n = strlen(s);
    bytes_u32(b, (uint32_t)n);
    bytes_append(b, s, n);
}

/* Whether 'fmt' uses only what fast_printf writes: plain text, %%, %d, %u,
 * %lld, %llu, %s and %.Nf with one digit N. */
static int fast_format(const char *fmt)
{
    for (const char *f = fmt; *f; f++) {
        if (*f != '%')
            continue;
        f++;
        if (*f == '%' || *f == 'd' || *f == 'u' || *f == 's')
            continue;
        if (f[0] == 'l' && f[1] == 'l' && (f[2] == 'd' || f[2] == 'u')) {
            f += 2;
            continue;
        }
        if (f[0] == '.' && f[1] >= '0' && f[1] <= '9' && f[2] == 'f') {
            f += 2;
            continue;
        }
        return 0;
    }
    return 1;
}

/* bytes_printf for the formats fast_format accepts, with numtext's numbers
 * (byte for byte printf's, tests/base) instead of vsnprintf: the CSV
 * writers' rows. */
static int fast_printf(bytes_buf *b, const char *fmt, va_list ap)
{
    size_t start = b->len;
    const char *f = fmt;
    while (*f) {
        const char *run = f;
        while (*f && *f != '%')
            f++;
        bytes_append(b, run, (size_t)(f - run));
        if (!*f)
            break;
        f++;
        if (!bytes_reserve(b, NUMTEXT_MAX))
            return -1;
        char *out = (char *)b->data + b->len;
        if (*f == '%') {
            *out = '%';
            b->len++;
        } else if (*f == 'd') {
            b->len += numtext_int(out, va_arg(ap, int));
        } else if (*f == 'u') {
            b->len += numtext_uint(out, va_arg(ap, unsigned));
        } else if (*f == 's') {
            const char *text = va_arg(ap, const char *);
            if (!text)
                text = "(null)"; /* glibc's text for a null string */
            bytes_append(b, text, strlen(text));
        } else if (*f == 'l') {
            f += 2;
            if (*f == 'd')
                b->len += numtext_int(out, va_arg(ap, long long));
            else
                b->len += numtext_uint(out, va_arg(ap, unsigned long long));
        } else { /* ".Nf" */
            b->len += numtext_fixed(out, va_arg(ap, double), f[1] - '0');
            f += 2;
        }
        f++;
    }
    /* the NUL vsnprintf would leave in the spare capacity */
    if (!bytes_reserve(b, 1))
        return -1;
    b->data[b->len] = '\0';
    if (b->len - start > INT_MAX) {
        b->len = start;
        b->failed = 1;
        return -1;
    }
    return (int)(b->len - start);
}

int bytes_printf(bytes_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return -1;
    if (fast_format(fmt)) {
        va_list ap;
        va_start(ap, fmt);
        int n = fast_printf(b, fmt, ap);
        va_end(ap);
        return n;
    }
    /* formatted once into the spare capacity; when it does not fit, again
     * after growing the buffer to the size the first pass measured */
    size_t room = b->cap - b->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(room ? (char *)b->data + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return -1;
    }
    if ((size_t)n >= room) {
        if (!bytes_reserve(b, (size_t)n + 1))
            return -1;
        va_start(ap, fmt);
        vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
    return n;
}

const unsigned char *bytes_read_raw(bytes_reader *r, size_t n)
{
    if (r->failed || n > r->len - r->pos) {
        r->failed = 1;
        return NULL;
    }
    const unsigned char *p = r->p + r->pos;
    r->pos += n;
    return p;
}

uint32_t bytes_read_u32(bytes_reader *r)
{
    const unsigned char *p = bytes_read_raw(r, 4);
    return p ? bytes_get_u32(p) : 0;
}

uint64_t bytes_read_u64(bytes_reader *r)
{
    const unsigned char *p = bytes_read_raw(r, 8);
    return p ? bytes_get_u64(p) : 0;
}

int bytes_read_i32(bytes_reader *r)
{
    uint32_t v = bytes_read_u32(r);
    return v <= INT32_MAX ? (int)v : -(int)(~v) - 1;
}

double bytes_read_f64(bytes_reader *r)
{
    uint64_t bits = bytes_read_u64(r);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

void bytes_read_str(bytes_reader *r, char *s, size_t size)
{
    s[0] = '\0';
    uint32_t n = bytes_read_u32(r);
    if (r->failed || n >= size) {
        r->failed = 1;
        return;
    }
    const unsigned char *p = bytes_read_raw(r, n);
    if (!p)
        return;
    memcpy(s, p, n);
    s[n] = '\0';
    if (strlen(s) != n)
        r->failed = 1;
}
