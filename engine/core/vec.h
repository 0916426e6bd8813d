/*
 * vec.h -- growable arrays: a pointer, a count and a capacity the caller
 * keeps side by side (`item *v; int n, cap;`).
 */
#ifndef CR_VEC_H
#define CR_VEC_H

#include <stddef.h>

/* Grow *arr (of element size esz) so that it holds at least need elements. */
void vec_reserve(void **arr, int *cap, int need, size_t esz);
/* Append one element and give its address (not cleared). */
#define VEC_PUSH(arr, n, cap)                                                                      \
    (vec_reserve((void **)&(arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

#endif
