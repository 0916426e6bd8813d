/*
 * val.c -- see val.h.
 */
#include "val.h"

#include <string.h>

#include "util.h"

int val_equal(const val *a, const val *b)
{
    if (a->type != b->type) return 0;
    if (a->type == VAL_STR) return strcmp(a->str, b->str) == 0;
    return a->type == VAL_NIL || a->num == b->num;
}

void val_copy(val *dst, const val *src)
{
    *dst = *src;
    dst->str = src->type == VAL_STR ? xstrdup(src->str) : NULL;
}
