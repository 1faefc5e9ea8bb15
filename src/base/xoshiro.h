/* xoshiro.h -- the program's one pseudo-random generator: xoshiro256**
 * (Blackman and Vigna, "Scrambled linear pseudorandom number generators",
 * 2018), with splitmix64 (Steele, Lea and Flood, 2014) to seed it and to mix
 * numbers into unrelated ones.
 *
 * The rules' stream (src/core/rng.c), the agents' math.random (src/script)
 * and the tournament's game seeds all draw from here; each keeps its own
 * seeding, which fixes its numbers, so every game plays as it did when each
 * had a copy of the generator. Pure: no state outside the caller's struct. */
#ifndef CP_BASE_XOSHIRO_H
#define CP_BASE_XOSHIRO_H

#include <stdint.h>

/* splitmix64's increment: 2^64 divided by the golden ratio, odd */
#define XO_GOLDEN 0x9E3779B97F4A7C15ull

/* A generator's state. All zero is a fixed point (it only ever gives 0):
 * seeding must avoid it. */
typedef struct {
    uint64_t s[4];
} xo_state;

/* splitmix64's finaliser: a bijection of 64-bit numbers in which every
 * input bit changes about half the output bits. */
uint64_t xo_mix(uint64_t z);
/* One splitmix64 step: '*x' advances by XO_GOLDEN and its new value is
 * mixed (xo_mix). */
uint64_t xo_splitmix(uint64_t *x);
/* The next 64 bits of xoshiro256**. */
uint64_t xo_next(xo_state *r);
/* Uniform in [0, 1): the top 53 bits of xo_next, so every value is a
 * multiple of 2^-53. */
double xo_unit(xo_state *r);
/* Uniform in [lo, hi] (lo <= hi, any span up to the whole int64 range),
 * without the bias a modulo has: draws on the smallest power of two that
 * covers the span, until one lands inside it. */
int64_t xo_range(xo_state *r, int64_t lo, int64_t hi);

#endif
