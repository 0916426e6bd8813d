/*
 * fs.c -- folders (see fs.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fs.h"
#include "util.h"

int fs_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* One level: created, or there already as a folder. */
static int make_one(const char *path)
{
    if (mkdir(path, 0755) == 0) return 0;
    if (errno != EEXIST) return -1;
    if (fs_is_dir(path)) return 0;
    errno = ENOTDIR;
    return -1;
}

int fs_mkdirs(const char *path)
{
    char *p = xstrdup(path);
    int rc = 0;
    /* Each '/' after the first character ends a parent ("a//b" makes "a" twice, harmlessly). */
    for (char *s = p + 1; rc == 0 && *s; s++)
        if (*s == '/' && s[-1] != '/') {
            *s = '\0';
            rc = make_one(p);
            *s = '/';
        }
    if (rc == 0) rc = make_one(p);
    int saved = errno;
    free(p);
    errno = saved;
    return rc;
}
