/*
 * strings.c -- `crisisroom strings`: a scenario's player-visible texts as a
 * PO file (lang.h, strid.h), a template or one language merged with the
 * translation the scenario already has.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "datadir.h"
#include "lang.h"
#include "strid.h"
#include "util.h"

enum { S_OUT, S_LANG, S_NOPTS };
static const opt_spec strings_opts[S_NOPTS] = {
    [S_OUT] = OPTION_FILE("out", "FILE.po", "write the PO file to FILE.po"),
    [S_LANG] =
        OPTION_STRING("lang", "LL", "for language LL, keeping SCENARIO/lang/LL.po's translations"),
};
static const opt_cmd strings_cmd = {
    "strings",
    "SCENARIO",
    1,
    1,
    "Write every player-visible text of a scenario to a PO file for the gettext\n"
    "tools: msgctxt is the string's stable id (event.ID.title, role.ID.brief...),\n"
    "msgid the text as written, #: the file and line it was declared at. Without\n"
    "--lang, a template (every msgstr empty); with --lang LL, merged with the\n"
    "scenario's lang/LL.po as msgmerge does (a changed source kept fuzzy with its\n"
    "previous text, a string no longer declared kept obsolete). Translate it and\n"
    "save it as SCENARIO/lang/LL.po; `check --lang LL` says what is left to do.\n"
    "Texts computed while a game runs (g:say, g:rename, g:set_brief, a text that\n"
    "is a function) cannot be extracted: they are listed, and stay as written.\n"
    "Exit 0 written, 1 failed, 2 on usage errors.\n",
    strings_opts,
    S_NOPTS};

typedef struct tally {
    int strings, translated;
    FILE *computed;
} tally;

static void count(void *ud, const char *id, char **slot, def_where at)
{
    tally *t = ud;
    if (!slot) {
        fprintf(t->computed, "  %s (%s:%d): computed by a function, not extractable\n", id,
                at.file ? at.file : "?", at.line);
        return;
    }
    t->strings++;
}

/* The old translation for --lang, when there is one. */
static int read_old(const char *dir, const char *ll, lang_po *po, int *have)
{
    char path[4096], err[1024];
    lang_po_path(dir, ll, path, sizeof path);
    *have = 0;
    memset(po, 0, sizeof *po);
    FILE *f = fopen(path, "r");
    if (!f) return 0; /* a first translation */
    fclose(f);
    if (lang_po_read(path, po, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        return -1;
    }
    *have = 1;
    return 0;
}

int cli_strings(int argc, char **argv)
{
    opt_val v[S_NOPTS];
    opt_args a;
    int status = cli_options(&strings_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    if (!v[S_OUT].given) {
        fprintf(stderr, "crisisroom strings: --out FILE.po is needed\n");
        return 2;
    }
    char dir[4096], err[16384];
    if (datadir_scenario(a.v[0], dir, sizeof dir, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        return 2;
    }
    /* script_load, not cli_load: the source texts, whatever --lang says */
    script *s = script_load(dir, NULL, err, sizeof err);
    if (!s) {
        fprintf(stderr, "%s", err);
        return 1;
    }
    const char *ll = v[S_LANG].str;
    lang_po old;
    int have = 0, rc = ll ? read_old(dir, ll, &old, &have) : 0;
    def_scenario *sc = script_scenario_mut(s);
    if (rc == 0 && lang_po_write(sc, ll, have ? &old : NULL, v[S_OUT].str, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        rc = -1;
    }
    if (rc == 0) {
        tally t = {0, 0, stdout};
        printf("%s: ", v[S_OUT].str);
        strid_walk(sc, count, &t);
        printf("%d strings of '%s'%s%s\n", t.strings, sc->id, ll ? " for " : " (a template)",
               ll ? ll : "");
        strid_walk_computed(sc, count, &t);
        printf("Texts computed while a game runs (g:say, g:rename, g:set_brief) are not "
               "extractable either.\n");
    }
    if (have) lang_po_free(&old);
    script_free(s);
    return rc ? 1 : 0;
}
