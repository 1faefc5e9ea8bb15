/* xoshiro.c -- xoshiro256** and splitmix64, the program's one generator
 * (see xoshiro.h). */
#include <assert.h>

#include "xoshiro.h"

uint64_t xo_mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t xo_splitmix(uint64_t *x)
{
    *x += XO_GOLDEN;
    return xo_mix(*x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t xo_next(xo_state *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double xo_unit(xo_state *r) { return (double)(xo_next(r) >> 11) * 0x1.0p-53; }

int64_t xo_range(xo_state *r, int64_t lo, int64_t hi)
{
    assert(lo <= hi);
    uint64_t span = (uint64_t)hi - (uint64_t)lo; /* hi - lo, without overflow */
    if (span == UINT64_MAX)
        return (int64_t)xo_next(r);
    uint64_t mask = span;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    uint64_t v;
    do
        v = xo_next(r) & mask;
    while (v > span);
    return (int64_t)((uint64_t)lo + v);
}
