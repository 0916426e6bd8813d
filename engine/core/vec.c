/*
 * vec.c -- see vec.h.
 */
#include "vec.h"

#include "xalloc.h"

void vec_reserve(void **arr, int *cap, int need, size_t esz)
{
    if (need <= *cap) return;
    int nc = *cap ? *cap * 2 : 8;
    while (nc < need) nc *= 2;
    *arr = xrealloc(*arr, (size_t)nc * esz);
    *cap = nc;
}
