/*
 * guard.c -- standard output and standard error through termsafe.h: the
 * program's streams become glibc cookie streams on the same descriptors,
 * so that every byte any printer writes (the text mode, check, resume, the
 * scenario's print, an error that quotes a save) is escaped on its way out,
 * with no printer able to forget it. Bytes of a UTF-8 sequence that a
 * stream's buffer cut in two wait for the rest.
 */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "termsafe.h"

typedef struct guard {
    int fd;
    char held[4]; /* the start of a UTF-8 sequence the last write cut off */
    size_t nheld;
} guard;

static guard guards[2] = {{STDOUT_FILENO, {0}, 0}, {STDERR_FILENO, {0}, 0}};

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return -1;
        p += w, n -= (size_t)w;
    }
    return 0;
}

/* Escape what the held bytes and buf hold; partial: more may follow. */
static int pass(guard *g, const char *buf, size_t n, int partial)
{
    strbuf in = {0}, out = {0};
    sb_add(&in, g->held, g->nheld);
    sb_add(&in, buf, n);
    size_t used = termsafe_add(&out, in.s, in.len, partial);
    g->nheld = in.len - used;
    memcpy(g->held, in.s + used, g->nheld);
    int rc = out.len ? write_all(g->fd, out.s, out.len) : 0;
    sb_free(&in);
    sb_free(&out);
    return rc;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t n)
{
    return pass(cookie, buf, n, 1) ? -1 : (ssize_t)n;
}

/* At exit: what is still held was a sequence cut off for good. */
static void flush_held(void)
{
    fflush(stdout);
    fflush(stderr);
    for (int i = 0; i < 2; i++)
        if (guards[i].nheld) pass(&guards[i], "", 0, 0);
}

static FILE *guarded(guard *g, int mode)
{
    cookie_io_functions_t io = {.write = guard_write};
    FILE *f = fopencookie(g, "w", io);
    if (f) setvbuf(f, NULL, mode, BUFSIZ);
    return f;
}

void cli_guard_streams(void)
{
    FILE *out = guarded(&guards[0], isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
    FILE *err = guarded(&guards[1], _IONBF);
    if (!out || !err) return; /* out of memory at start: the streams stay raw */
    stdout = out;
    stderr = err;
    atexit(flush_held);
}

void cli_raw_out(const char *bytes)
{
    fflush(stdout);
    if (write_all(STDOUT_FILENO, bytes, strlen(bytes))) {
        /* a terminal control the program means: nothing to report if it fails */
    }
}
