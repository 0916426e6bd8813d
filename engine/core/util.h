/*
 * util.h -- small helpers every module uses: checked allocation, strings,
 * growable arrays and the FNV-1a hash behind state and scenario hashes.
 * Allocation failure is fatal (the model cannot go on without memory).
 */
#ifndef CR_UTIL_H
#define CR_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow *arr (of element size esz) so that it holds at least need elements. */
void vec_reserve(void **arr, int *cap, int need, size_t esz);
#define VEC_PUSH(arr, n, cap)                                                                      \
    (vec_reserve((void **)&(arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

/* printf into a fixed buffer, always terminated, never overflowing. */
void str_fmt(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Append to a terminated buffer of total size `size`. */
void str_cat(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A growable string. */
typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;
void sb_add(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *b, const char *fmt, va_list ap);
void sb_free(strbuf *b);

/* FNV-1a, 64 bits: fast, stable across machines, good enough to detect change. */
#define HASH_INIT UINT64_C(0xcbf29ce484222325)
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
uint64_t hash_str(uint64_t h, const char *s); /* includes the terminator */
uint64_t hash_i64(uint64_t h, int64_t v);
uint64_t hash_f64(uint64_t h, double v);

/* True when s is a valid identifier: [a-z][a-z0-9_]*, at most 40 chars. */
int str_is_id(const char *s);

#endif
