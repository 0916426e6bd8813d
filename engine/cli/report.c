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
#include "rewind.h"
#include "util.h"

static const char *const report_formats[] = {"html", "json", "ip-csv", "decisions-csv", NULL};
enum { F_HTML, F_JSON, F_IP_CSV, F_DECISIONS_CSV };

/* --whatif is given once for each what-if: its check sees every value in
   order (opt.h parses each occurrence), and keeps them here. */
#define REPORT_MAX_WHATIFS 16 /* an annex of more would not be read */
static const char *whatif_specs[REPORT_MAX_WHATIFS];
static int nwhatif_specs;

static int whatif_check(const char *v)
{
    int at;
    const char *line;
    if (rewind_parse_spec(v, &at, &line) || nwhatif_specs >= REPORT_MAX_WHATIFS) return -1;
    whatif_specs[nwhatif_specs++] = v;
    return 0;
}

enum { R_OUT, R_FORMAT, R_FACILITATOR, R_WHATIF, R_AUTO, R_LANG, R_NOPTS };
static const opt_spec report_options[R_NOPTS] = {
    [R_OUT] = OPTION_FILE("out", "FILE", "write it to FILE ('-' or none: standard output)"),
    [R_FORMAT] = OPTION_ENUM("format", report_formats,
                             "the page (default), JSON, the improvement plan or decisions as CSV"),
    [R_FACILITATOR] = OPTION_STRING("facilitator", "NAME", "who ran the exercise, for the cover"),
    [R_WHATIF] = OPTION_CUSTOM("whatif", "N:LINE",
                               "an annex: command N replaced by LINE (repeatable, at most 16)",
                               whatif_check, "N:LINE, a command's number, a colon, a command"),
    [R_AUTO] = OPTION_ENUM("auto", cli_policy_words,
                           "the policy that plays the what-ifs on (default: historical)"),
    [R_LANG] = OPTION_LANG,
};
static const opt_cmd report_cmd = {
    "report",
    "SAVE",
    1,
    1,
    "Replay SAVE (read-only) and write its after-action report / improvement plan:\n"
    "one self-contained HTML page (the default), the same data as one JSON object,\n"
    "the improvement plan (ip-csv) or the decision log (decisions-csv) as CSV.\n"
    "Each --whatif adds an annex: the save's command N replaced by LINE and the\n"
    "game played on to its end by --auto's policy, beside the game as it was.\n",
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

/* The what-ifs asked for, played (rewind.h); -1 when one cannot be. */
static int play_whatifs(const session *s, policy_kind k, report_whatif *w)
{
    for (int i = 0; i < nwhatif_specs; i++) {
        int at;
        const char *line;
        char err[4096];
        rewind_parse_spec(whatif_specs[i], &at, &line);
        if (rewind_run(s, at, line, k, &w[i], err, sizeof err)) {
            fprintf(stderr, "crisisroom: --whatif %s: %s\n", whatif_specs[i], err);
            while (i--) report_whatif_free(&w[i]);
            return -1;
        }
    }
    return 0;
}

static int generate(const session *s, int format, const report_opts *o, strbuf *b)
{
    switch (format) {
    case F_JSON:
        return report_json(s, o, b);
    case F_IP_CSV:
        return report_plan_csv(s, b);
    case F_DECISIONS_CSV:
        return report_decisions_csv(s, b);
    default:
        return report_html(s, o, b);
    }
}

int cli_report(int argc, char **argv)
{
    opt_val v[R_NOPTS];
    opt_args a;
    nwhatif_specs = 0;
    int status = cli_options(&report_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    script *sc;
    session *s = cli_load_save(a.v[0], &sc);
    if (!s) return 1;
    policy_kind k = v[R_AUTO].given ? (policy_kind)v[R_AUTO].e : POLICY_HISTORICAL;
    report_whatif w[REPORT_MAX_WHATIFS];
    int rc = play_whatifs(s, k, w), n = rc ? 0 : nwhatif_specs;
    report_opts o = {v[R_FACILITATOR].str, w, n};
    strbuf b = {0};
    if (rc == 0) rc = generate(s, v[R_FORMAT].given ? v[R_FORMAT].e : F_HTML, &o, &b);
    if (rc == 0) rc = report_write(v[R_OUT].str, &b);
    for (int i = 0; i < n; i++) report_whatif_free(&w[i]);
    sb_free(&b);
    session_free(s);
    script_free(sc);
    return rc ? 1 : 0;
}
