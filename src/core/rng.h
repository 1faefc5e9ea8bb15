/* rng.h -- the world's seeded random stream (base's xoshiro256**, seeded by splitmix64).
 *
 * Every chance in the rules comes from the one cp_rng held by the world, drawn
 * in a fixed order, so a seed reproduces a game exactly. Nothing visual may
 * draw from it (the UI keeps its own stream).
 */
#ifndef CP_RNG_H
#define CP_RNG_H

#include <stdint.h>

#include "xoshiro.h"

typedef xo_state cp_rng; /* saved as its four words (save.c) */

void rng_seed(cp_rng *r, uint64_t seed);
/* uniform in [0, 1) with 53 bits */
static inline double rng_unit(cp_rng *r) { return xo_unit(r); }
/* uniform integer in [0, n), n > 0 */
int rng_below(cp_rng *r, int n);
/* splitmix64 step: also a good 64-bit mixer for deriving sub-seeds */
uint64_t rng_mix(uint64_t x);

#endif
