/* rng.c -- the world's stream: base's xoshiro256** (xoshiro.h), seeded
 * through splitmix64 in the core's own way, which fixes every game's numbers. */
#include "rng.h"

uint64_t rng_mix(uint64_t x) { return xo_mix(x + XO_GOLDEN); }

void rng_seed(cp_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++) {
        x = rng_mix(x + (uint64_t)i);
        r->s[i] = x;
    }
    if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
        r->s[0] = 1; /* the all-zero state is a fixed point */
}

int rng_below(cp_rng *r, int n)
{
    /* n is small (nations, facilities): the modulo bias is below 2^-50; kept
     * (rather than xo_range) because it fixes the games' numbers */
    return (int)(xo_next(r) % (uint64_t)n);
}
