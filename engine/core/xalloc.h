/*
 * xalloc.h -- allocation that cannot fail: running out of memory ends the
 * program with a message (the model cannot go on without memory).
 */
#ifndef CR_XALLOC_H
#define CR_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* NULL stays NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
