/*
 * hash.c -- see hash.h.
 */
#include "hash.h"

#include <string.h>

uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        h ^= c[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

uint64_t hash_str(uint64_t h, const char *s)
{
    return s ? hash_bytes(h, s, strlen(s) + 1) : hash_bytes(h, "", 1);
}

uint64_t hash_i64(uint64_t h, int64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++) b[i] = (unsigned char)((uint64_t)v >> (8 * i));
    return hash_bytes(h, b, 8);
}

uint64_t hash_f64(uint64_t h, double v)
{
    /* Values are hashed through a fixed-point image so that -0.0 and 0.0 agree
       and the hash does not depend on the machine's float layout. */
    if (v != v) return hash_i64(h, INT64_MIN);
    double scaled = v * 1000000.0;
    if (scaled > -9.2e18 && scaled < 9.2e18) return hash_i64(h, (int64_t)scaled);
    /* Too large for the fixed-point image (a converted value would be
       undefined): the double's bits, as an IEEE 754 number. */
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return hash_i64(hash_i64(h, INT64_MAX), (int64_t)bits);
}
