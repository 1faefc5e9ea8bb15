/* srand.c -- xoshiro256** (Blackman and Vigna, public domain algorithm) for agents. */
#include "srand.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void cps_rand_seed(cps_rand *r, uint64_t game_seed, int nation, int turn)
{
    /* Mix the three parts through splitmix so nearby seeds give unrelated streams. */
    uint64_t x = game_seed;
    x = splitmix64(&x) ^ ((uint64_t)(uint32_t)nation << 32 | (uint32_t)turn);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

uint64_t cps_rand_next(cps_rand *r)
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

double cps_rand_unit(cps_rand *r) { return (double)(cps_rand_next(r) >> 11) * 0x1.0p-53; }

/* Rejection sampling on the smallest covering power of two: no modulo bias. */
int64_t cps_rand_range(cps_rand *r, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)hi - (uint64_t)lo; /* hi - lo, without overflow */
    if (span == UINT64_MAX)
        return (int64_t)cps_rand_next(r);
    uint64_t mask = span;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    uint64_t v;
    do
        v = cps_rand_next(r) & mask;
    while (v > span);
    return (int64_t)((uint64_t)lo + v);
}
