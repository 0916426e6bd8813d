/*
 * check.c -- `crisisroom check`: load errors, then lint warnings (lint.h),
 * then the findings of automatic playthroughs (stats.h): a short sweep of
 * every variant by each policy, so that a script error at run time is
 * found without asking, or with --runs that many random games. Every
 * finding is printed as "FOLDER/file:line: severity: message" so that an
 * editor can jump to it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "datadir.h"
#include "lang.h"
#include "lint.h"
#include "stats.h"
#include "strid.h"
#include "util.h"

/* The sweep of a plain check: per variant, the historical and first
   policies and this many seeded random games; enough that every callback
   reachable in ordinary play runs, and bounded in time. */
#define CHECK_SWEEP_RANDOM 8
#define CHECK_SWEEP_MS     3000 /* past it, no more games are started */

/* A load error is "file:line: message": print it with its severity. */
static void print_load_error(const char *dir, const char *line)
{
    const char *colon = strchr(line, ':');
    const char *p = colon ? colon + 1 : NULL;
    while (p && isdigit((unsigned char)*p)) p++;
    if (p && p > colon + 1 && p[0] == ':' && p[1] == ' ')
        printf("%s/%.*s: error: %s\n", dir, (int)(p - line), line, p + 2);
    else if (*line == ' ' || *line == '\t') /* a traceback line */
        printf("%s\n", line);
    else
        printf("%s: error: %s\n", dir, line);
}

/* Each problem on its own line; a Lua error's traceback follows its line,
   indented, and is not a finding of its own. */
static void print_load_errors(const char *dir, char *err)
{
    int in_trace = 0;
    for (char *line = strtok(err, "\n"); line; line = strtok(NULL, "\n")) {
        if (strcmp(line, "stack traceback:") == 0) in_trace = 1;
        if (in_trace && *line != '\t' && strcmp(line, "stack traceback:") != 0 &&
            strchr(line, ':') && isdigit((unsigned char)*(strchr(line, ':') + 1)))
            in_trace = 0; /* the next problem */
        if (in_trace)
            printf("    %s\n", line + (*line == '\t'));
        else
            print_load_error(dir, line);
    }
}

static void print_findings(const char *dir, const lint_list *l)
{
    for (int i = 0; i < l->n; i++) {
        const lint_item *it = &l->v[i];
        printf("%s/%s:%d: %s: %s\n", dir, it->at.file ? it->at.file : "scenario.lua", it->at.line,
               lint_severity_name(it->sev), it->msg);
    }
}

/* When the analysis already said why something never happens, the runs
   confirming it add nothing: drop their finding. */
static void settle(lint_list *l, int static_end, lint_rule why, lint_rule confirms)
{
    for (int i = 0; i < static_end; i++)
        if (l->v[i].rule == why) lint_drop(l, confirms, l->v[i].ref);
}

/* A script error stops or changes the runs, so what the runs did not do
   (deliver, offer, reach) may only follow from it: those warnings are left
   out, in one line, until it is fixed. */
static void drop_knock_ons(lint_list *l, int from, const def_scenario *sc)
{
    int k = from, dropped = 0;
    for (int i = from; i < l->n; i++) {
        lint_item *it = &l->v[i];
        if (it->sev == LINT_WARNING && it->rule != LINT_R_OTHER) {
            l->warnings--, dropped++;
            free(it->msg);
        } else {
            l->v[k++] = *it;
        }
    }
    l->n = k;
    if (dropped)
        lint_add(l, LINT_NOTE, sc->at,
                 "%d warning%s of the runs (never delivered, never available, never reached...) "
                 "left out: a script error changes the runs they come from; fix it and check "
                 "again",
                 dropped, dropped == 1 ? "" : "s");
}

/* The play-throughs' findings into out: what the runs delivered, a
   function delivered (the static guess was wrong), and a finding of the
   analysis is not repeated by the runs confirming it. */
static void add_run_findings(stats *st, lint_list *out, int sweep)
{
    const def_scenario *sc = st->sc;
    for (int i = 0; i < sc->nevents; i++)
        if (st->events[i]) lint_drop(out, LINT_R_UNDELIVERED, i);
    int before = out->n;
    stats_findings(st, out);
    settle(out, before, LINT_R_UNDELIVERED, LINT_R_RUN_UNDELIVERED);
    settle(out, before, LINT_R_SHADOWED, LINT_R_RUN_UNREACHED);
    if (sweep) /* a few games prove what happened, not what never does: errors and dead ends */
        for (int i = out->n - 1; i >= before; i--) {
            lint_rule r = out->v[i].rule;
            if (out->v[i].sev == LINT_WARNING && r != LINT_R_RUN_DEAD_END)
                lint_drop(out, r, out->v[i].ref);
        }
    if (st->errors) drop_knock_ons(out, before, sc);
}

/* The playthroughs of --runs: random policy, variant per seed. */
static int check_runs(script *s, batch_cfg *cfg, const char *variant, lint_list *out)
{
    const def_scenario *sc = script_scenario(s);
    if (batch_variant(sc, variant, &cfg->variant)) return -1;
    cfg->check = 1;
    stats st;
    stats_init(&st, sc);
    int rc = batch_collect(s, cfg, &st);
    add_run_findings(&st, out, 0);
    stats_free(&st);
    return rc;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One game of the sweep into st; 0, or -1 when it could not be played. */
static int sweep_one(script *s, policy_kind p, uint64_t seed, int variant, stats *st)
{
    batch_cfg cfg = {p, seed, 1, variant, 1, 1, 0};
    stats one;
    stats_init(&one, script_scenario(s));
    int rc = batch_collect(s, &cfg, &one);
    stats_merge(st, &one);
    stats_free(&one);
    return rc;
}

/* The sweep of a plain check; returns the games played. */
static int check_sweep(script *s, lint_list *out)
{
    const def_scenario *sc = script_scenario(s);
    stats st;
    stats_init(&st, sc);
    long start = now_ms();
    int games = 0, nv = sc->nvariants ? sc->nvariants : 1;
    for (int v = 0; v < nv; v++) {
        int variant = sc->nvariants ? v : -1;
        for (int k = 0; k < CHECK_SWEEP_RANDOM + 2; k++) {
            if (now_ms() - start > CHECK_SWEEP_MS) break;
            policy_kind p = k == 0 ? POLICY_HISTORICAL : k == 1 ? POLICY_FIRST : POLICY_RANDOM;
            if (sweep_one(s, p, k < 2 ? 1 : (uint64_t)(k - 1), variant, &st) == 0) games++;
        }
    }
    add_run_findings(&st, out, 1);
    stats_free(&st);
    return games;
}

static void print_summary(const char *dir, const def_scenario *sc, const lint_list *l, long runs,
                          int swept)
{
    if (l->errors)
        printf("%s: %d error%s, %d warning%s\n", dir, l->errors, l->errors == 1 ? "" : "s",
               l->warnings, l->warnings == 1 ? "" : "s");
    else
        printf("%s: ok: '%s', %d roles, %d turns, %d events, %d actions, %d cards, %d endings; "
               "%d warning%s",
               dir, sc->id, sc->nroles, sc->nturns, sc->nevents, sc->nactions, sc->ncards,
               sc->nendings, l->warnings, l->warnings == 1 ? "" : "s");
    if (!l->errors && runs) printf(" (with the runs)");
    if (!l->errors && swept) printf(" (swept %d games: every variant by each policy)", swept);
    if (!l->errors) printf("\n");
}

/* check --lang LL: each declared string against SCENARIO/lang/LL.po. */
typedef struct lang_check {
    const lang_po *po;
    const char *po_name; /* "lang/fr.po" */
    lint_list *out;
    char *seen; /* entries that name a declared string */
} lang_check;

static void check_string(void *ud, const char *id, char **slot, def_where at)
{
    lang_check *c = ud;
    const lang_entry *e = lang_po_find(c->po, id);
    if (e) c->seen[e - c->po->e] = 1;
    if (!e || !*e->str)
        lint_add(c->out, LINT_WARNING, at, "'%s' is not translated in %s", id, c->po_name);
    else if (strcmp(e->id, *slot) != 0)
        lint_add(c->out, LINT_WARNING, at,
                 "'%s' is stale in %s: its source text changed since it was translated "
                 "(crisisroom strings --lang merges it; review and clear the fuzzy flag)",
                 id, c->po_name);
    else if (e->fuzzy)
        lint_add(c->out, LINT_WARNING, at, "'%s' is marked fuzzy in %s: not used until reviewed",
                 id, c->po_name);
}

static void check_lang(script *s, const char *ll, lint_list *out)
{
    static char name[64], path[4096]; /* the findings point at them until printed */
    char err[1024];
    str_fmt(name, sizeof name, "lang/%s.po", ll);
    lang_po_path(script_dir(s), ll, path, sizeof path);
    lang_po po;
    def_where at = {name, 1};
    if (lang_po_read(path, &po, err, sizeof err)) {
        lint_add(out, LINT_WARNING, at, "no translation for '%s': %s", ll, err);
        lang_po_free(&po);
        return;
    }
    lang_check c = {&po, name, out, xcalloc((size_t)po.n + 1, 1)};
    strid_walk(script_scenario_mut(s), check_string, &c);
    for (int i = 0; i < po.n; i++)
        if (!c.seen[i] && *po.e[i].str)
            lint_add(out, LINT_WARNING, at,
                     "'%s' is translated but the scenario declares no such string", po.e[i].ctx);
    free(c.seen);
    lang_po_free(&po);
}

enum { C_STRICT, C_RUNS, C_SEED, C_JOBS, C_VARIANT, C_LANG, C_NOPTS };
static const opt_spec check_opts[C_NOPTS] = {
    [C_STRICT] = OPTION_FLAG("strict", "fail on warnings too"),
    [C_RUNS] = OPTION_INT("runs", "N", "also play N random games", 1, BATCH_MAX_RUNS),
    [C_SEED] = OPTION_SEED("seed", "S", "with --runs: seeds S..S+N-1 (default 1)"),
    [C_JOBS] = OPTION_INT("jobs", "J", "processes for the runs, default 1", 1, BATCH_MAX_JOBS),
    [C_VARIANT] =
        OPTION_STRING("variant", "ID|random", "for the runs: one hidden truth, or each seed's own"),
    [C_LANG] = OPTION_CHECK_LANG,
};
static const opt_cmd check_cmd = {
    "check",
    "SCENARIO",
    1,
    1,
    "Load and validate a scenario, then look for likely mistakes (events nothing\n"
    "delivers, options without effect, text too long for the window...), and play\n"
    "a short sweep of games (every variant, by the historical, first and random\n"
    "policies) to find script errors and dead ends at run time. With --runs, play\n"
    "N random games instead and also report events never delivered, options never\n"
    "available, endings never reached and meters stuck at a bound. Each finding is\n"
    "printed as\n"
    "FOLDER/file:line: error|warning: message.\n"
    "With --lang LL, also warn of every string that SCENARIO/lang/LL.po leaves\n"
    "untranslated or whose translation is stale (its source changed since).\n"
    "Exit 0 when there is no error (warnings allowed; --strict fails on them too),\n"
    "1 otherwise, 2 on usage errors.\n",
    check_opts,
    C_NOPTS};

int cli_check(int argc, char **argv)
{
    opt_val v[C_NOPTS];
    opt_args a;
    int status = cli_options(&check_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    batch_cfg cfg = {POLICY_RANDOM, 1, 100, -1, 1, 0, 0};
    if (v[C_RUNS].given) cfg.runs = v[C_RUNS].i;
    if (v[C_SEED].given) cfg.seed = v[C_SEED].u;
    if (v[C_JOBS].given) cfg.jobs = (int)v[C_JOBS].i;
    char dir[4096], err[65536];
    if (datadir_scenario(a.v[0], dir, sizeof dir, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        return 2;
    }
    for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/';) dir[--n] = '\0';
    script *s = script_load(dir, NULL, err, sizeof err);
    if (!s) {
        print_load_errors(dir, err);
        return 1;
    }
    int runs = v[C_RUNS].given, swept = 0;
    lint_list l = {0};
    lint_scenario(script_scenario(s), &l);
    script_source_warnings(s, &l);
    if (runs && check_runs(s, &cfg, v[C_VARIANT].str, &l) < 0)
        lint_add(&l, LINT_ERROR, script_scenario(s)->at, "the play-throughs could not all run");
    if (!runs) swept = check_sweep(s, &l);
    if (v[C_LANG].given) check_lang(s, v[C_LANG].str, &l);
    lint_sort(&l);
    lint_accept(&l, script_scenario(s));
    print_findings(dir, &l);
    print_summary(dir, script_scenario(s), &l, runs ? cfg.runs : 0, swept);
    int rc = l.errors || (v[C_STRICT].given && l.warnings) ? 1 : 0;
    lint_free(&l);
    script_free(s);
    return rc;
}
