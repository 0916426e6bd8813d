/*
 * str.c -- see str.h.
 */
#include "str.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void str_fmt(char *dst, size_t size, const char *fmt, ...)
{
    if (!dst || !size) return; /* the caller does not want the words: skip the work */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, size, fmt, ap);
    va_end(ap);
}

void str_cat(char *dst, size_t size, const char *fmt, ...)
{
    size_t len = strlen(dst);
    if (len + 1 >= size) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst + len, size - len, fmt, ap);
    va_end(ap);
}

int str_is_id(const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z')) return 0;
    size_t n = 0;
    for (; *s; s++, n++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return 0;
    }
    return n <= 40;
}
