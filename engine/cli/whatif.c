/*
 * whatif.c -- `crisisroom whatif SAVE --at N --command LINE`: the save's
 * N-th journaled command replaced by LINE, the game played on to its end
 * by a policy, beside the game as it was played (engine/front/rewind.h).
 * The save is only read.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "cli.h"
#include "rewind.h"
#include "text.h"
#include "util.h"

enum { W_AT, W_COMMAND, W_AUTO, W_JSON, W_NOPTS };
static const opt_spec whatif_options[W_NOPTS] = {
    [W_AT] = OPTION_INT("at", "N", "the journaled command to replace, counted from 1", 1,
                        JOURNAL_MAX_LINES),
    [W_COMMAND] = OPTION_STRING("command", "LINE", "the command to take in its place"),
    [W_AUTO] = OPTION_ENUM("auto", cli_policy_words,
                           "who plays every move after it (default: historical)"),
    [W_JSON] = OPTION_FLAG("json", "print {\"original\": {...}, \"whatif\": {...}}"),
};
static const opt_cmd whatif_cmd = {
    "whatif",
    "SAVE",
    1,
    1,
    "Replay SAVE up to its command N, take LINE in its place, and let a policy play\n"
    "on to the end; beside it, the game as the room played it (finished by the same\n"
    "policy when it had not ended). Compares the endings, the objectives' ratings\n"
    "and the meters. SAVE is never changed. `report --whatif N:LINE` puts the same\n"
    "in the after-action report.\n",
    whatif_options,
    W_NOPTS};

static const char *ending_id(const def_scenario *sc, const report_outcome *o)
{
    return o->ending >= 0 ? sc->endings[o->ending].title : "(no ending)";
}

/* The widest the first column grows for long objective or meter names;
   a longer name ends in "..." (a terminal of 100 columns holds the rest). */
#define WHATIF_LABEL_MAX 48
/* The widths of the columns of values, as played and what if. */
#define WHATIF_VALUE_COLS 28

/* Columns of s, counting a UTF-8 sequence once. */
static int cols(const char *s)
{
    int c = 0;
    for (; *s; s++) c += ((unsigned char)*s & 0xC0) != 0x80;
    return c;
}

/* s in a column of w: padded, or cut at a character's start with "...". */
static void label(const char *s, int w)
{
    int c = cols(s);
    if (c <= w) {
        printf("%s%*s ", s, w - c, "");
        return;
    }
    int n = 0;
    for (c = 0; s[n] && c < w - 3; c++) {
        n++;
        while (((unsigned char)s[n] & 0xC0) == 0x80) n++;
    }
    printf("%.*s... ", n, s);
}

static int widest(int w, const char *s)
{
    int c = cols(s);
    return c > w ? c : w;
}

static int label_width(const def_scenario *sc)
{
    int w = cols(_("turns played"));
    for (int i = 0; i < sc->nobjectives; i++) w = widest(w, sc->objectives[i].title);
    for (int m = 0; m < sc->nmeters; m++) w = widest(w, sc->meters[m].name);
    return w < WHATIF_LABEL_MAX ? w : WHATIF_LABEL_MAX;
}

/* The two games in words, for a terminal. */
static void print_pair(const def_scenario *sc, const report_whatif *w)
{
    const report_outcome *a = &w->original, *b = &w->whatif;
    int lw = label_width(sc), vw = WHATIF_VALUE_COLS;
    printf(_("What if command %d, `%s`, had been `%s` (then the %s policy)?\n"), w->at, w->replaced,
           w->line, policy_name(w->policy));
    label("", lw), printf("%-*s %s\n", vw, _("as played"), _("what if"));
    label(_("ending"), lw);
    const char *ea = ending_id(sc, a);
    printf("%s%*s %s\n", ea, cols(ea) < vw ? vw - cols(ea) : 0, "", ending_id(sc, b));
    for (int i = 0; i < sc->nobjectives; i++) {
        label(sc->objectives[i].title, lw);
        printf("%-*c %c\n", vw, a->ratings[i] ? a->ratings[i] : '-',
               b->ratings[i] ? b->ratings[i] : '-');
    }
    int nm = sc->nmeters;
    for (int m = 0; m < nm; m++) {
        label(sc->meters[m].name, lw);
        printf("%-*g %g\n", vw, a->history[(size_t)a->turns * nm + m],
               b->history[(size_t)b->turns * nm + m]);
    }
    label(_("turns played"), lw), printf("%-*d %d\n", vw, a->turns, b->turns);
}

int cli_whatif(int argc, char **argv)
{
    opt_val v[W_NOPTS];
    opt_args a;
    int status = cli_options(&whatif_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    if (!v[W_AT].given || !v[W_COMMAND].given) {
        fprintf(stderr, "crisisroom whatif: --at N and --command LINE are both needed\n");
        cli_print_help(&whatif_cmd, stderr);
        return 2;
    }
    script *sc;
    session *s = cli_load_save(a.v[0], &sc);
    if (!s) return 1;
    policy_kind k = v[W_AUTO].given ? (policy_kind)v[W_AUTO].e : POLICY_HISTORICAL;
    report_whatif w;
    char err[4096];
    int rc = rewind_run(s, (int)v[W_AT].i, v[W_COMMAND].str, k, &w, err, sizeof err);
    if (rc)
        fprintf(stderr, "crisisroom whatif: %s\n", err);
    else if (v[W_JSON].given) {
        strbuf b = {0};
        report_whatif_json(s->sc, &w, &b);
        fputs(b.s, stdout);
        sb_free(&b);
    } else
        print_pair(s->sc, &w);
    if (!rc) report_whatif_free(&w);
    session_free(s);
    script_free(sc);
    return rc ? 1 : 0;
}

/* The text mode's `whatif` ---------------------------------------------------------- */

void text_whatif(const session *s, const char *arg)
{
    char *end;
    const char *line;
    long at = strtol(arg, &end, 10);
    policy_kind k = POLICY_HISTORICAL;
    if (!s->g->ended) {
        printf(_("'whatif' is for the debrief, once the game has ended: it plays the rest of the "
                 "game, which would show what is still to come.\n"));
        return;
    }
    if (end == arg || at < 1 || at > s->nlog || !isspace((unsigned char)*end)) {
        printf(_("usage: whatif N [POLICY] LINE (N from 1 to %d, the journal's numbering; POLICY "
                 "random, first or historical, the default)\n"),
               s->nlog);
        return;
    }
    line = end + strspn(end, " \t");
    size_t n = strcspn(line, " \t");
    for (int i = 0; cli_policy_words[i]; i++)
        if (strlen(cli_policy_words[i]) == n && strncmp(line, cli_policy_words[i], n) == 0)
            k = (policy_kind)i, line += n + strspn(line + n, " \t");
    report_whatif w;
    char err[4096];
    if (rewind_run(s, (int)at, line, k, &w, err, sizeof err)) {
        printf(_("Error: %s\n"), err);
        return;
    }
    print_pair(s->sc, &w);
    report_whatif_free(&w);
}
