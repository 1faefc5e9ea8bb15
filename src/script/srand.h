/* srand.h -- the random stream math.random draws from inside a sandbox.
 *
 * Lua seeds its own math.random from the clock. Agents instead draw from a
 * stream derived from (game seed, nation, turn), so a run replays exactly and
 * one agent's draws never shift another's. xoshiro256** seeded by splitmix64.
 */
#ifndef CPS_SRAND_H
#define CPS_SRAND_H

#include <stdint.h>

typedef struct {
    uint64_t s[4];
} cps_rand;

/* Seed from the three numbers that name a turn of a seat. */
void cps_rand_seed(cps_rand *r, uint64_t game_seed, int nation, int turn);
uint64_t cps_rand_next(cps_rand *r);
/* Uniform in [0, 1). */
double cps_rand_unit(cps_rand *r);
/* Uniform in [lo, hi]; requires lo <= hi. */
int64_t cps_rand_range(cps_rand *r, int64_t lo, int64_t hi);

#endif
