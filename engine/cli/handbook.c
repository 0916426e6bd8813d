/*
 * handbook.c -- `crisisroom handbook SCENARIO --out FILE.html [--msel FILE.csv]`:
 * the facilitator's handbook of a scenario (engine/report/report.h: the
 * situation manual and facilitator guide) and its master scenario events
 * list as CSV. Both hold the schedule and the hidden truth: facilitators
 * only.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "outfile.h"
#include "report.h"
#include "util.h"

enum { H_OUT, H_MSEL, H_TEAM, H_NOPTS };
static const opt_spec handbook_options[H_NOPTS] = {
    [H_OUT] =
        OPTION_FILE("out", "FILE", "write the handbook (HTML) to FILE ('-': standard output)"),
    [H_MSEL] = OPTION_FILE("msel", "FILE", "write the master scenario events list to FILE (CSV)"),
    [H_TEAM] = OPTION_STRING("team", "ROLE|all",
                             "--out writes the players' edition: that team's page (or every "
                             "team's), nothing else"),
};
static const opt_cmd handbook_cmd = {
    "handbook",
    "SCENARIO",
    1,
    1,
    "Write the scenario's facilitator handbook, in the shape of a CISA situation\n"
    "manual and facilitator guide: scope, objectives and core capabilities, one page\n"
    "per team to hand out, the modules with their timing and questions, the master\n"
    "scenario events list (MSEL), the hidden truth. One self-contained HTML page that\n"
    "prints on A4 or Letter. For the facilitator only: it holds every inject to come.\n"
    "With --team, --out writes the players' edition instead: the team pages alone,\n"
    "to hand out.\n",
    handbook_options,
    H_NOPTS};

static int write_to(const char *path, const strbuf *b)
{
    if (strcmp(path, "-") == 0) return fwrite(b->s, 1, b->len, stdout) == b->len ? 0 : -1;
    char err[OUTFILE_ERR_MAX];
    if (outfile_write(path, b->s, b->len, err, sizeof err) == 0) return 0;
    fprintf(stderr, "crisisroom: %s\n", err);
    return -1;
}

/* The role index --team names, -1 for "all"; -2 (said) when none. */
static int team_of(const def_scenario *sc, const char *word)
{
    if (strcmp(word, "all") == 0) return -1;
    int r = def_role_find(sc, word);
    if (r >= 0) return r;
    fprintf(stderr, "crisisroom handbook: --team %s: no such team; the teams are", word);
    for (int i = 0; i < sc->nroles; i++) fprintf(stderr, " %s", sc->roles[i].id);
    fprintf(stderr, " (or all)\n");
    return -2;
}

int cli_handbook(int argc, char **argv)
{
    opt_val v[H_NOPTS];
    opt_args a;
    int status = cli_options(&handbook_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    if (v[H_TEAM].given && !v[H_OUT].given) {
        fprintf(stderr, "crisisroom handbook: --team needs --out FILE (the team pages)\n");
        return 2;
    }
    if (!v[H_OUT].given && !v[H_MSEL].given) {
        fprintf(stderr, "crisisroom handbook: --out FILE (the handbook) or --msel FILE (the "
                        "MSEL) is needed\n");
        cli_print_help(&handbook_cmd, stderr);
        return 2;
    }
    script *s = cli_load(a.v[0]);
    if (!s) return 1;
    const def_scenario *sc = script_scenario(s);
    int team = v[H_TEAM].given ? team_of(sc, v[H_TEAM].str) : -1;
    strbuf page = {0}, csv = {0};
    int rc = team < -1;
    if (!rc && v[H_OUT].given) {
        if (v[H_TEAM].given)
            report_handouts_html(sc, team, &page);
        else
            report_handbook_html(sc, &page);
        rc = write_to(v[H_OUT].str, &page);
    }
    if (!rc && v[H_MSEL].given) report_msel_csv(sc, &csv), rc = write_to(v[H_MSEL].str, &csv);
    sb_free(&page), sb_free(&csv);
    script_free(s);
    return rc ? 1 : 0;
}
