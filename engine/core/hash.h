/*
 * hash.h -- FNV-1a, 64 bits, behind the state and scenario hashes: fast,
 * stable across machines, good enough to detect change (not an adversary).
 */
#ifndef CR_HASH_H
#define CR_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT UINT64_C(0xcbf29ce484222325)
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
uint64_t hash_str(uint64_t h, const char *s); /* includes the terminator; NULL as "" */
uint64_t hash_i64(uint64_t h, int64_t v);
/* Through a fixed-point image: -0.0 and 0.0 agree, NaN is one value. */
uint64_t hash_f64(uint64_t h, double v);

#endif
