/*
 * report.c -- `crisisroom report SAVE`: replay a save without touching it
 * and write its after-action report (engine/core/report.h) to a file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"
#include "util.h"

static const char *const report_formats[] = {"html", "json", NULL};
enum { R_OUT, R_FORMAT, R_FACILITATOR, R_NOPTS };
static const opt_spec report_options[R_NOPTS] = {
    [R_OUT] = OPTION_FILE("out", "FILE", "write it to FILE ('-' or none: standard output)"),
    [R_FORMAT] =
        OPTION_ENUM("format", report_formats, "a web page (the default) or the same data as JSON"),
    [R_FACILITATOR] = OPTION_STRING("facilitator", "NAME", "who ran the exercise, for the cover"),
};
static const opt_cmd report_cmd = {
    "report",
    "SAVE",
    1,
    1,
    "Replay SAVE (read-only) and write its after-action report / improvement plan:\n"
    "one self-contained HTML page (the default), or the same data as one JSON object.\n",
    report_options,
    R_NOPTS};

/* Write through a temporary file and rename, so a failed write never
   leaves half a report where the last good one was. */
static int report_write(const char *path, const strbuf *b)
{
    if (!path || strcmp(path, "-") == 0) return fwrite(b->s, 1, b->len, stdout) == b->len ? 0 : -1;
    char tmp[4096];
    str_fmt(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(b->s, 1, b->len, f) == b->len;
    if (f && fclose(f)) ok = 0;
    if (ok && rename(tmp, path) == 0) return 0;
    fprintf(stderr, "crisisroom: cannot write '%s': %s\n", path, strerror(errno));
    remove(tmp);
    return -1;
}

int cli_report(int argc, char **argv)
{
    opt_val v[R_NOPTS];
    opt_args a;
    int status = cli_options(&report_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    script *sc;
    session *s = cli_load_save(a.v[0], &sc);
    if (!s) return 1;
    report_opts o = {v[R_FACILITATOR].str};
    strbuf b = {0};
    int json = v[R_FORMAT].given && v[R_FORMAT].e == 1;
    int rc = json ? report_json(s, &o, &b) : report_html(s, &o, &b);
    if (rc == 0) rc = report_write(v[R_OUT].str, &b);
    sb_free(&b);
    session_free(s);
    script_free(sc);
    return rc ? 1 : 0;
}
