/*
 * val.h -- a value of the scenario's free state, of an effect that sets it,
 * or of a requirement on it: nil, a number, a string or a boolean.
 */
#ifndef CR_VAL_H
#define CR_VAL_H

typedef enum { VAL_NIL, VAL_NUM, VAL_STR, VAL_BOOL } val_type;
typedef struct val {
    val_type type;
    double num; /* VAL_NUM; VAL_BOOL: 0 or 1 */
    char *str;  /* VAL_STR: owned by whoever holds the val */
} val;

/* Same type and same value (nil equals nil). */
int val_equal(const val *a, const val *b);
/* dst becomes a copy of src with a string of its own. */
void val_copy(val *dst, const val *src);

#endif
