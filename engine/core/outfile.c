/*
 * outfile.c -- see outfile.h. Plain POSIX calls: lstat/stat decide the
 * kind, write(2) keeps the first errno exactly (stdio would lose it), and
 * rename(2) is the atomic step.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "infile.h"
#include "util.h"

#define OUTFILE_TRIES 100 /* temporary names tried before giving up (EEXIST) */

struct outfile {
    char *path;   /* as given: named in every error */
    char *target; /* the file replaced: path, or what its links point at */
    char *tmp;    /* the temporary beside target; NULL when in place */
    int fd;
    int existed; /* target was there: a failure leaves it unchanged */
    int err;     /* the first errno of a put, 0 while all went well */
};

/* "cannot write 'PATH': reason", naming the link's target when it differs. */
static void failure(const outfile *o, const char *reason, char *err, size_t errlen)
{
    if (o->target && strcmp(o->target, o->path) != 0)
        str_fmt(err, errlen, "cannot write '%s' (a link to '%s'): %s", o->path, o->target, reason);
    else
        str_fmt(err, errlen, "cannot write '%s': %s", o->path, reason);
    if (o->tmp && o->existed) str_cat(err, errlen, " (the file there is unchanged)");
}

static void release(outfile *o)
{
    if (o->fd >= 0) close(o->fd);
    if (o->tmp) unlink(o->tmp);
    free(o->path);
    free(o->target);
    free(o->tmp);
    free(o);
}

/* A link that points at nothing: say where it points. */
static int dangling(outfile *o, char *err, size_t errlen)
{
    char to[PATH_MAX], why[PATH_MAX + 80];
    ssize_t n = readlink(o->path, to, sizeof to - 1);
    to[n > 0 ? n : 0] = '\0';
    str_fmt(why, sizeof why,
            "it is a symbolic link to '%s', which does not exist (a link is written "
            "through only when its target is there)",
            to);
    failure(o, why, err, errlen);
    return -1;
}

/* Fill st with what o->path names (through links) and o->target with the
   file to replace; *exists 0 when nothing is there yet. */
static int resolve(outfile *o, struct stat *st, int *exists, char *err, size_t errlen)
{
    *exists = 1;
    if (lstat(o->path, st) != 0) {
        if (errno != ENOENT) return failure(o, strerror(errno), err, errlen), -1;
        *exists = 0;
    } else if (S_ISLNK(st->st_mode)) {
        if (stat(o->path, st) != 0)
            return errno == ENOENT ? dangling(o, err, errlen)
                                   : (failure(o, strerror(errno), err, errlen), -1);
        /* A regular file is replaced beside itself (the link stays); any
           other kind is opened through the link, its target only named. */
        o->target = realpath(o->path, NULL);
        if (!o->target && S_ISREG(st->st_mode)) return failure(o, strerror(errno), err, errlen), -1;
    }
    if (!o->target) o->target = xstrdup(o->path);
    return 0;
}

/* An existing file's permission bits (and owner where we may) on its
   replacement. Best effort: a file system without them keeps its own. */
static void keep_mode(int fd, const struct stat *old)
{
    if (fchown(fd, old->st_uid, old->st_gid) != 0) {
        /* not ours to give away: the replacement is owned by us */
    }
    if (fchmod(fd, old->st_mode & 0777) != 0) {
        /* e.g. a FAT file system: its default stays */
    }
}

/* The temporary beside the target, created exclusively (never someone
   else's file, never through a link planted under its name). */
static int open_temp(outfile *o, const struct stat *old, char *err, size_t errlen)
{
    static unsigned serial; /* distinct names within one process */
    strbuf b = {0};
    for (int i = 0; o->fd < 0 && i < OUTFILE_TRIES; i++) {
        b.len = 0;
        sb_printf(&b, "%s.tmp-%ld-%u", o->target, (long)getpid(), serial++);
        o->fd = open(b.s, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (o->fd < 0 && errno != EEXIST) break;
    }
    if (o->fd < 0) {
        failure(o, strerror(errno), err, errlen);
        sb_free(&b);
        return -1;
    }
    o->tmp = b.s;
    if (old) keep_mode(o->fd, old);
    return 0;
}

/* A device, FIFO or socket: opened as it is, without waiting for a reader. */
static int open_in_place(outfile *o, mode_t kind, char *err, size_t errlen)
{
    o->fd = open(o->path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (o->fd < 0) {
        int e = errno;
        failure(o,
                e == ENXIO && S_ISFIFO(kind)   ? "it is a FIFO and no process is reading it"
                : e == ENXIO && S_ISSOCK(kind) ? "it is a socket, which cannot be opened as a file"
                                               : strerror(e),
                err, errlen);
        return -1;
    }
    struct stat now;
    if (fstat(o->fd, &now) != 0 || S_ISREG(now.st_mode) || S_ISDIR(now.st_mode)) {
        failure(o, "it changed into a file or folder while being opened", err, errlen);
        return -1;
    }
    /* Only the open must not wait; writes block as on any pipe. */
    int fl = fcntl(o->fd, F_GETFL);
    if (fl != -1) fcntl(o->fd, F_SETFL, fl & ~O_NONBLOCK);
    return 0;
}

outfile *outfile_open(const char *path, char *err, size_t errlen)
{
    outfile *o = xcalloc(1, sizeof *o);
    o->path = xstrdup(path);
    o->fd = -1;
    struct stat st;
    int exists, rc = resolve(o, &st, &exists, err, errlen);
    if (rc == 0) {
        o->existed = exists;
        mode_t m = st.st_mode;
        if (!exists || S_ISREG(m))
            rc = open_temp(o, exists ? &st : NULL, err, errlen);
        else if (S_ISCHR(m) || S_ISFIFO(m) || S_ISSOCK(m))
            rc = open_in_place(o, m, err, errlen);
        else {
            char why[160];
            str_fmt(why, sizeof why,
                    "it is %s; only a regular file (replaced whole), a character device, a FIFO "
                    "or a socket (written in place) can take the output",
                    infile_kind(m));
            failure(o, why, err, errlen);
            rc = -1;
        }
    }
    if (rc == 0) return o;
    release(o);
    return NULL;
}

int outfile_put(outfile *o, const void *data, size_t n)
{
    const char *p = data;
    while (o->err == 0 && n > 0) {
        ssize_t k = write(o->fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) {
            o->err = k < 0 ? errno : EIO;
            break;
        }
        p += k, n -= (size_t)k;
    }
    return o->err ? -1 : 0;
}

/* After the rename, the folder's entry is made durable too (best effort:
   the new file is complete either way). */
static void sync_folder(const char *target)
{
    const char *slash = strrchr(target, '/');
    char *dir =
        slash ? xstrndup(target, slash == target ? 1 : (size_t)(slash - target)) : xstrdup(".");
    int fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (fsync(fd) != 0) {
            /* some file systems cannot sync a folder */
        }
        close(fd);
    }
    free(dir);
}

int outfile_close(outfile *o, char *err, size_t errlen)
{
    int e = o->err;
    if (e == 0 && o->tmp && fsync(o->fd) != 0) e = errno;
    if (close(o->fd) != 0 && e == 0) e = errno;
    o->fd = -1;
    if (e == 0 && o->tmp) {
        if (rename(o->tmp, o->target) != 0)
            e = errno;
        else {
            free(o->tmp);
            o->tmp = NULL;
            sync_folder(o->target);
        }
    }
    if (e) failure(o, strerror(e), err, errlen);
    release(o);
    return e ? -1 : 0;
}

void outfile_abort(outfile *o)
{
    if (o) release(o);
}

int outfile_write(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    outfile *o = outfile_open(path, err, errlen);
    if (!o) return -1;
    outfile_put(o, data, len);
    return outfile_close(o, err, errlen);
}
