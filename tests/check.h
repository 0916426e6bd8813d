/*
 * check.h -- the one test harness of the C tests. Each CHECK counts, and a
 * failure says where, what was expected and what was found; a test program
 * ends with `return check_report("name");`, non-zero when any check failed.
 *
 *   CHECK(cond)                      the condition holds
 *   CHECK_MSG(cond, fmt, ...)        the same, with a printf message on failure
 *   CHECK_EQ_INT(got, want)          two integers (both printed on failure)
 *   CHECK_EQ_STR(got, want)          two strings (NULL is printed as (null))
 *   CHECK_STR_HAS(hay, needle)       needle occurs in hay
 */
#ifndef CR_CHECK_H
#define CR_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

static inline int check_fail(const char *file, int line)
{
    check_failures++;
    fprintf(stderr, "%s:%d: check failed: ", file, line);
    return 0;
}

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        check_count++;                                                                             \
        if (!(cond)) check_fail(__FILE__, __LINE__), fprintf(stderr, "%s\n", #cond);               \
    } while (0)

#define CHECK_MSG(cond, ...)                                                                       \
    do {                                                                                           \
        check_count++;                                                                             \
        if (!(cond)) {                                                                             \
            check_fail(__FILE__, __LINE__);                                                        \
            fprintf(stderr, "%s: ", #cond);                                                        \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_INT(got, want)                                                                    \
    do {                                                                                           \
        long long check_g_ = (long long)(got), check_w_ = (long long)(want);                       \
        check_count++;                                                                             \
        if (check_g_ != check_w_)                                                                  \
            check_fail(__FILE__, __LINE__), fprintf(stderr, "%s is %lld, expected %s = %lld\n",    \
                                                    #got, check_g_, #want, check_w_);              \
    } while (0)

#define CHECK_EQ_STR(got, want)                                                                    \
    do {                                                                                           \
        const char *check_g_ = (got), *check_w_ = (want);                                          \
        check_count++;                                                                             \
        if (!check_g_ || !check_w_ ? check_g_ != check_w_ : strcmp(check_g_, check_w_) != 0)       \
            check_fail(__FILE__, __LINE__),                                                        \
                fprintf(stderr, "%s is \"%s\", expected \"%s\"\n", #got,                           \
                        check_g_ ? check_g_ : "(null)", check_w_ ? check_w_ : "(null)");           \
    } while (0)

#define CHECK_STR_HAS(hay, needle)                                                                 \
    do {                                                                                           \
        const char *check_h_ = (hay), *check_n_ = (needle);                                        \
        check_count++;                                                                             \
        if (!check_h_ || !strstr(check_h_, check_n_))                                              \
            check_fail(__FILE__, __LINE__), fprintf(stderr, "expected \"%s\" in:\n%s\n", check_n_, \
                                                    check_h_ ? check_h_ : "(null)");               \
    } while (0)

static inline int check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures != 0;
}

#endif
