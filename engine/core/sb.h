/*
 * sb.h -- a growable string: `strbuf b = {0};`, append, read b.s (always
 * terminated once anything was added), sb_free.
 */
#ifndef CR_SB_H
#define CR_SB_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;
void sb_add(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *b, const char *fmt, va_list ap);
void sb_free(strbuf *b);

#endif
