/*
 * report.c -- `crisisroom report SAVE`: replay a save without touching it
 * and write its after-action report (engine/report/report.h) to a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "outfile.h"
#include "report.h"
#include "util.h"

static const char *const report_formats[] = {"html", "json", NULL};
enum { R_OUT, R_FORMAT, R_FACILITATOR, R_LANG, R_NOPTS };
static const opt_spec report_options[R_NOPTS] = {
    [R_OUT] = OPTION_FILE("out", "FILE", "write it to FILE ('-' or none: standard output)"),
    [R_FORMAT] =
        OPTION_ENUM("format", report_formats, "a web page (the default) or the same data as JSON"),
    [R_FACILITATOR] = OPTION_STRING("facilitator", "NAME", "who ran the exercise, for the cover"),
    [R_LANG] = OPTION_LANG,
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

/* Standard output as it is; a file through the one writer (outfile.h:
   atomic for a file, in place for a device, never replacing a link). */
static int report_write(const char *path, const strbuf *b)
{
    if (!path || strcmp(path, "-") == 0) return fwrite(b->s, 1, b->len, stdout) == b->len ? 0 : -1;
    char err[OUTFILE_ERR_MAX];
    if (outfile_write(path, b->s, b->len, err, sizeof err) == 0) return 0;
    fprintf(stderr, "crisisroom: %s\n", err);
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
