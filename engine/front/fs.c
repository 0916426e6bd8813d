/*
 * fs.c -- folders and whole files (see fs.h).
 */
#include <errno.h>
#include <stdio.h>
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

char *fs_read(const char *path, size_t limit, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        str_fmt(err, errlen, "cannot read '%s': %s", path, strerror(errno));
        return NULL;
    }
    strbuf b = {0};
    char chunk[65536];
    size_t n;
    /* One byte past the limit is enough to know the file is too large. */
    while (b.len <= limit && (n = fread(chunk, 1, sizeof chunk, f)) > 0) sb_add(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad || b.len > limit) {
        if (bad)
            str_fmt(err, errlen, "cannot read '%s': %s", path, strerror(errno));
        else
            str_fmt(err, errlen, "'%s' is larger than %zu bytes", path, limit);
        sb_free(&b);
        return NULL;
    }
    if (!b.s) sb_add(&b, "", 0);
    *len = b.len;
    return b.s;
}
