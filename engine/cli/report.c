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

static const char *const report_help =
    "usage: crisisroom report SAVE [--out FILE] [--format html|json] [--facilitator NAME]\n"
    "Replay SAVE (read-only) and write its after-action report / improvement plan:\n"
    "one self-contained HTML page (the default), or the same data as one JSON object.\n"
    "Without --out (or with --out -) the report goes to standard output.\n";

typedef struct report_args {
    const char *save, *out, *format, *facilitator;
} report_args;

static int report_parse(int argc, char **argv, report_args *a)
{
    memset(a, 0, sizeof *a);
    a->format = "html";
    for (int i = 0; i < argc; i++) {
        const char **dst = strcmp(argv[i], "--out") == 0           ? &a->out
                           : strcmp(argv[i], "--format") == 0      ? &a->format
                           : strcmp(argv[i], "--facilitator") == 0 ? &a->facilitator
                                                                   : NULL;
        if (dst && i + 1 < argc) {
            *dst = argv[++i];
        } else if (!dst && argv[i][0] != '-' && !a->save) {
            a->save = argv[i];
        } else {
            fprintf(stderr, "crisisroom: report: %s '%s'\n", dst ? "no value for" : "unexpected",
                    argv[i]);
            return -1;
        }
    }
    if (strcmp(a->format, "html") != 0 && strcmp(a->format, "json") != 0) {
        fprintf(stderr, "crisisroom: report: --format is html or json, not '%s'\n", a->format);
        return -1;
    }
    return a->save ? 0 : -1;
}

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
    if (cli_wants_help(argc, argv, report_help)) return 0;
    report_args a;
    if (report_parse(argc, argv, &a)) {
        fputs(report_help, stderr);
        return 2;
    }
    script *sc;
    session *s = cli_load_save(a.save, &sc);
    if (!s) return 1;
    report_opts o = {a.facilitator};
    strbuf b = {0};
    int rc = strcmp(a.format, "json") == 0 ? report_json(s, &o, &b) : report_html(s, &o, &b);
    if (rc == 0) rc = report_write(a.out, &b);
    sb_free(&b);
    session_free(s);
    script_free(sc);
    return rc ? 1 : 0;
}
