/*
 * infile.c -- see infile.h. open(2) with O_NONBLOCK and fstat(2) on the
 * descriptor: what is refused is what was opened, not what a stat saw a
 * moment before.
 */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define INFILE_CHUNK 65536 /* bytes read at a time by infile_read */

const char *infile_kind(unsigned mode)
{
    mode_t m = (mode_t)mode;
    return S_ISREG(m)    ? "a regular file"
           : S_ISDIR(m)  ? "a directory"
           : S_ISFIFO(m) ? "a FIFO"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISSOCK(m) ? "a socket"
           : S_ISLNK(m)  ? "a symbolic link"
                         : "a special file";
}

/* Why open(2) failed: the kind of file when it is not a regular one (a
   socket says ENXIO, a directory opened to write EISDIR), else strerror's. */
static void open_failed(const char *path, char *why, size_t whylen)
{
    int e = errno;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        str_fmt(why, whylen, "not a regular file (%s)", infile_kind(st.st_mode));
    else
        str_fmt(why, whylen, "%s", strerror(e));
    errno = e;
}

int infile_open(const char *path, int flags, char *why, size_t whylen)
{
    int fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
    if (fd < 0) {
        open_failed(path, why, whylen);
        return -1;
    }
    struct stat st;
    int bad = fstat(fd, &st) != 0;
    if (bad || !S_ISREG(st.st_mode)) {
        if (bad)
            str_fmt(why, whylen, "%s", strerror(errno));
        else
            str_fmt(why, whylen, "not a regular file (%s)", infile_kind(st.st_mode));
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
        str_fmt(why, whylen, "%s", strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* fopen's modes as open(2)'s flags. */
static int flags_of(const char *mode)
{
    int plus = strchr(mode, '+') != NULL;
    if (mode[0] == 'w') return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    return plus ? O_RDWR : O_RDONLY;
}

FILE *infile_fopen(const char *path, const char *mode, char *why, size_t whylen)
{
    int fd = infile_open(path, flags_of(mode), why, whylen);
    FILE *f = fd < 0 ? NULL : fdopen(fd, mode);
    if (fd >= 0 && !f) {
        str_fmt(why, whylen, "%s", strerror(errno));
        close(fd);
    }
    return f;
}

/* read(2) again after a signal; -1 only for a real error. */
static ssize_t read_some(int fd, char *buf, size_t n)
{
    ssize_t got;
    do got = read(fd, buf, n);
    while (got < 0 && errno == EINTR);
    return got;
}

static void too_large(const char *path, size_t limit, char *err, size_t errlen)
{
    if (limit >= (1u << 20) && limit % (1u << 20) == 0)
        str_fmt(err, errlen, "'%s' is larger than %zu MiB", path, limit >> 20);
    else
        str_fmt(err, errlen, "'%s' is larger than %zu bytes", path, limit);
}

char *infile_read(const char *path, size_t limit, size_t *len, char *err, size_t errlen)
{
    char why[256];
    int fd = infile_open(path, 0, why, sizeof why);
    if (fd < 0) {
        str_fmt(err, errlen, "cannot read '%s': %s", path, why);
        return NULL;
    }
    strbuf b = {0};
    char chunk[INFILE_CHUNK];
    ssize_t n = 0;
    /* One byte past the limit is enough to know the file is too large. */
    while (b.len <= limit && (n = read_some(fd, chunk, sizeof chunk)) > 0)
        sb_add(&b, chunk, (size_t)n);
    int e = errno;
    close(fd);
    if (n < 0 || b.len > limit) {
        if (n < 0)
            str_fmt(err, errlen, "cannot read '%s': %s", path, strerror(e));
        else
            too_large(path, limit, err, errlen);
        sb_free(&b);
        return NULL;
    }
    if (!b.s) sb_add(&b, "", 0);
    *len = b.len;
    return b.s;
}
