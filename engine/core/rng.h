/*
 * rng.h -- the one seeded generator (xoshiro256**). A game seed yields
 * independent streams (game chance, auto-play policy, variant choice) so that
 * a policy's own draws never shift the game's draws.
 */
#ifndef CR_RNG_H
#define CR_RNG_H

#include <stdint.h>

typedef struct rng {
    uint64_t s[4];
} rng;

enum { RNG_STREAM_GAME = 1, RNG_STREAM_POLICY = 2, RNG_STREAM_VARIANT = 3 };

void rng_seed(rng *r, uint64_t seed, uint64_t stream);
uint64_t rng_next(rng *r);
double rng_unit(rng *r);                           /* uniform in [0, 1) */
int64_t rng_range(rng *r, int64_t lo, int64_t hi); /* uniform in [lo, hi], lo <= hi */

#endif
