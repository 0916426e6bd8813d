/*
 * check.h -- the smallest test harness: CHECK counts failures and says
 * where; a test program returns non-zero when any check failed.
 */
#ifndef CR_CHECK_H
#define CR_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        check_count++;                                                                             \
        if (!(cond)) {                                                                             \
            check_failures++;                                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_STR_HAS(hay, needle)                                                                 \
    do {                                                                                           \
        check_count++;                                                                             \
        if (!strstr((hay), (needle))) {                                                            \
            check_failures++;                                                                      \
            fprintf(stderr, "%s:%d: expected \"%s\" in:\n%s\n", __FILE__, __LINE__, (needle),      \
                    (hay));                                                                        \
        }                                                                                          \
    } while (0)

static inline int check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures != 0;
}

#endif
