/*
 * cmdfile.c -- commands from a file, line by line (see cmdfile.h).
 */
#include <stdio.h>
#include <string.h>

#include "cmdfile.h"
#include "infile.h"
#include "util.h"

/* The rest of a line that was too long, so that the next read starts at
   the next line. */
static void skip_line(FILE *f)
{
    int c;
    while ((c = getc(f)) != EOF && c != '\n') {
    }
}

int cmdfile_read_line(FILE *f, char *buf)
{
    if (!fgets(buf, CMDFILE_MAX_LINE + 2, f)) return 0;
    size_t n = strlen(buf);
    int whole = (n && buf[n - 1] == '\n') || (feof(f) && n <= CMDFILE_MAX_LINE);
    if (!whole) {
        skip_line(f);
        return -1;
    }
    buf[strcspn(buf, "\r\n")] = '\0'; /* a carriage return ends the line too */
    return 1;
}

static int apply_lines(session *s, FILE *f, const char *path, cmdfile_warn_fn warn, void *ud,
                       char *err, size_t errlen)
{
    char line[CMDFILE_MAX_LINE + 2];
    int rc;
    for (long lineno = 1; (rc = cmdfile_read_line(f, line)) != 0; lineno++) {
        if (rc < 0) {
            str_fmt(err, errlen, "%s:%ld: line longer than %d bytes, the limit of a command line",
                    path, lineno, CMDFILE_MAX_LINE);
            return -1;
        }
        if (cmd_is_blank(line)) continue;
        if (session_apply(s, line)) {
            str_fmt(err, errlen, "%s:%ld: %s", path, lineno, s->err);
            return -1;
        }
        if (s->err[0] && warn) warn(ud, s->err);
    }
    return 0;
}

int cmdfile_apply(session *s, const char *path, cmdfile_warn_fn warn, void *ud, char *err,
                  size_t errlen)
{
    char why[256];
    FILE *f = strcmp(path, "-") == 0 ? stdin : infile_fopen(path, "r", why, sizeof why);
    if (!f) {
        str_fmt(err, errlen, "cannot open '%s': %s", path, why);
        return -1;
    }
    /* Nobody sees a command of the file acknowledged before its end: one
       disk sync for all of them, at the end (see journal_hold). */
    journal_hold(s->j);
    int rc = apply_lines(s, f, path, warn, ud, err, errlen);
    if (journal_release(s->j) && warn) warn(ud, s->j->err);
    if (f != stdin) fclose(f);
    return rc;
}
