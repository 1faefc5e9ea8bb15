/* bytes.h -- little-endian numbers, FNV-1a checksums and byte buffers: the
 * one copy every file format of the program uses (the core's world saves,
 * save files, replays, the map asset) and every layer may include. Pure:
 * no IO, and no state but the caller's buffers. */
#ifndef CP_BASE_BYTES_H
#define CP_BASE_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint16_t bytes_get_u16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t bytes_get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t bytes_get_u64(const unsigned char *p)
{
    return (uint64_t)bytes_get_u32(p) | (uint64_t)bytes_get_u32(p + 4) << 32;
}

static inline void bytes_put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static inline void bytes_put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* 64-bit FNV-1a (Fowler, Noll and Vo) over 'n' bytes, continued from 'h'
 * (start with BYTES_FNV_BASIS, the offset basis). */
#define BYTES_FNV_BASIS 0xcbf29ce484222325ULL
static inline uint64_t bytes_fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* 32-bit FNV-1a, the same way (start with BYTES_FNV32_BASIS). */
#define BYTES_FNV32_BASIS 2166136261u
static inline uint32_t bytes_fnv1a32(uint32_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

/* A growing byte buffer for writers: every append checks its allocation
 * once, in 'failed', so callers test it at the end. */
typedef struct {
    unsigned char *data;
    size_t len, cap;
    int failed;
} bytes_buf;

int bytes_reserve(bytes_buf *b, size_t n);
void bytes_append(bytes_buf *b, const void *p, size_t n);
void bytes_u32(bytes_buf *b, uint32_t v);
void bytes_u64(bytes_buf *b, uint64_t v);
void bytes_i32(bytes_buf *b, int v);
void bytes_f64(bytes_buf *b, double v);
/* a string: its length (u32) and its bytes */
void bytes_str(bytes_buf *b, const char *s);
/* Text formatted as by printf (no NUL byte appended to the content; one
 * may follow it in the spare capacity). Returns the bytes appended, or -1
 * (and 'failed' set) when the text cannot be formatted or stored. */
int bytes_printf(bytes_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A reader over a byte range: every read checks the bounds and, past the
 * end, sets 'failed' and returns zeros, so a parser checks once per record. */
typedef struct {
    const unsigned char *p;
    size_t pos, len;
    int failed;
} bytes_reader;

uint32_t bytes_read_u32(bytes_reader *r);
uint64_t bytes_read_u64(bytes_reader *r);
int bytes_read_i32(bytes_reader *r);
double bytes_read_f64(bytes_reader *r);
/* A string into char[size]: refused (failed) when it does not fit or
 * holds a NUL byte. */
void bytes_read_str(bytes_reader *r, char *s, size_t size);
/* 'n' raw bytes, pointing into the input (NULL after a failure). */
const unsigned char *bytes_read_raw(bytes_reader *r, size_t n);

#endif
