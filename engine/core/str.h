/*
 * str.h -- strings in fixed buffers, always terminated, never overflowing,
 * and the one rule for identifiers.
 */
#ifndef CR_STR_H
#define CR_STR_H

#include <stddef.h>

/* printf into a fixed buffer (nothing when dst is NULL or size 0). */
void str_fmt(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Append to a terminated buffer of total size `size`. */
void str_cat(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* True when s is a valid identifier: [a-z][a-z0-9_]*, at most 40 chars. */
int str_is_id(const char *s);

#endif
