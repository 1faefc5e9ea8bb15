/* bytes.c -- appending to and reading from byte buffers, little-endian,
 * for the program's file formats (see bytes.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bytes.h"

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

int bytes_printf(bytes_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return -1;
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
