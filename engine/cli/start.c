/*
 * start.c -- what the subcommands share (see cli.h): their options, and
 * starting, resuming and showing a session.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "autoplay.h"
#include "cli.h"
#include "cmdfile.h"
#include "datadir.h"
#include "lang.h"
#include "util.h"

const char *const cli_policy_words[] = {"random", "first", "historical", NULL};
const reload_words cli_reload_words = {"type 'reload'", "the next command", "a command",
                                       "crisisroom resume "};

void cli_print_help(const opt_cmd *c, FILE *f)
{
    strbuf b = {0};
    opt_help(c, &b);
    fputs(b.s, f);
    sb_free(&b);
}

/* --lang LL, in the tables that have it: the interface and the scenarios. */
static int select_lang(const opt_cmd *c, const opt_val *v)
{
    char err[256];
    for (int i = 0; i < c->nopts; i++)
        if (strcmp(c->opts[i].name, "lang") == 0 && v[i].given &&
            lang_select(v[i].str, err, sizeof err)) {
            fprintf(stderr, "crisisroom %s: %s\n", c->name, err);
            return 2;
        }
    return -1;
}

int cli_options(const opt_cmd *c, int argc, char **argv, opt_val *v, opt_args *a)
{
    char err[4096];
    int rc = opt_parse(c, argc, argv, v, a, err, sizeof err);
    if (rc == OPT_OK) return select_lang(c, v);
    if (rc == OPT_HELP) {
        cli_print_help(c, stdout);
        return 0;
    }
    strbuf b = {0};
    opt_usage(c, &b);
    fprintf(stderr, "%s\n%s", err, b.s);
    sb_free(&b);
    return 2;
}

script *cli_load(const char *arg)
{
    char dir[PATH_MAX], err[16384];
    if (datadir_scenario(arg, dir, sizeof dir, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        return NULL;
    }
    script *s = script_load(dir, NULL, err, sizeof err);
    if (!s)
        fprintf(stderr, "%s", err);
    else if (lang_script(s, err, sizeof err)) /* a display preference: play on as written */
        fprintf(stderr, "crisisroom: %s\n", err);
    return s;
}

int cli_variant(const def_scenario *sc, const cli_opts *o, uint64_t seed, int *mode)
{
    *mode = 0;
    if (!o->variant) return sc->nvariants ? 0 : -1;
    if (strcmp(o->variant, "random") == 0) {
        *mode = 1;
        return game_pick_variant(sc, seed);
    }
    int v = def_variant_find(sc, o->variant);
    if (v < 0) {
        cli_no_variant(sc, o->variant);
        return -2;
    }
    return v;
}

void cli_no_variant(const def_scenario *sc, const char *name)
{
    fprintf(stderr, "crisisroom: unknown variant '%s'; variants:", name);
    for (int i = 0; i < sc->nvariants; i++) fprintf(stderr, " %s", sc->variants[i].id);
    fprintf(stderr, "%s random\n", sc->nvariants ? "," : " none;");
}

session *cli_new_session(script *s, const cli_opts *o, int journal_default)
{
    const def_scenario *sc = script_scenario(s);
    uint64_t seed = o->have_seed ? o->seed : (journal_default ? (uint64_t)time(NULL) % 1000000 : 1);
    int mode, variant = cli_variant(sc, o, seed, &mode);
    if (variant == -2) return NULL;
    char err[4096], path[PATH_MAX] = "";
    session *ss = session_new(sc, script_host(s), seed, variant, mode, err, sizeof err);
    if (!ss) {
        fprintf(stderr, "crisisroom: the game failed to start:\n%s\n", err);
        return NULL;
    }
    if (o->session && session_set_session(ss, o->session, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        session_free(ss);
        return NULL;
    }
    if (o->save)
        str_fmt(path, sizeof path, "%s", o->save);
    else if (journal_default && !o->nosave &&
             datadir_save_path(sc->id, path, sizeof path, err, sizeof err))
        fprintf(stderr, "crisisroom: %s\ncrisisroom: NOT SAVING: the game goes on in memory only\n",
                err);
    if (!realpath(script_dir(s), ss->h.dir))
        str_fmt(ss->h.dir, sizeof ss->h.dir, "%s", script_dir(s));
    if (path[0] && session_save_to(ss, path))
        fprintf(stderr, "crisisroom: %s\ncrisisroom: NOT SAVING: the game goes on in memory only\n",
                ss->err);
    return ss;
}

/* The backups a reload left beside the save at path (reload.h). */
static void tell_backups(session *s, const char *path)
{
    strbuf b = {0};
    reload_resume(s, path, &cli_reload_words, &b);
    if (b.len) fprintf(stderr, "crisisroom: %s\n", b.s);
    sb_free(&b);
}

/* Replay a save; with append, the session journals to it again. */
static session *load_save(const char *path, script **out_script, int append)
{
    journal_file jf;
    char err[4096];
    *out_script = NULL;
    if (journal_read(path, &jf, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        return NULL;
    }
    if (jf.warning[0]) fprintf(stderr, "crisisroom: warning: %s\n", jf.warning);
    /* The scenario by its id under scenarios/, else where it was loaded from. */
    char dir[PATH_MAX];
    const char *where =
        datadir_scenario(jf.h.scenario, dir, sizeof dir, err, sizeof err) == 0 || !jf.h.dir[0]
            ? jf.h.scenario
            : jf.h.dir;
    script *s = cli_load(where);
    if (!s) {
        journal_file_free(&jf);
        return NULL;
    }
    const def_scenario *sc = script_scenario(s);
    if (sc->files_hash != jf.h.scenario_hash)
        fprintf(stderr,
                "crisisroom: warning: scenario '%s' has changed since this save was made "
                "(hash %016" PRIx64 ", now %016" PRIx64 "); replaying it anyway\n",
                jf.h.scenario, jf.h.scenario_hash, sc->files_hash);
    int variant = jf.h.variant[0] ? def_variant_find(sc, jf.h.variant) : (sc->nvariants ? 0 : -1);
    session *ss = NULL;
    if (jf.h.variant[0] && variant < 0)
        fprintf(stderr, "crisisroom: %s: variant '%s' no longer exists in the scenario\n", path,
                jf.h.variant);
    else
        ss =
            session_new(sc, script_host(s), jf.h.seed, variant, jf.h.variant_mode, err, sizeof err);
    if (ss) {
        ss->h = jf.h;
        int n = session_replay(ss, &jf, err, sizeof err);
        int at = journal_diverges(&jf, ss->log, n);
        if (at >= 0)
            fprintf(stderr,
                    "crisisroom: warning: %s:%d: the game replays differently from when it was "
                    "saved (state hash %016" PRIx64 ", now %016" PRIx64 ")\n",
                    path, at + 2, jf.e[at].hash, ss->log[at].hash);
        if (n < jf.n) {
            fprintf(stderr, "crisisroom: %s: replay stopped at %s\n", path, err);
            session_free(ss);
            ss = NULL;
        }
    }
    journal_file_free(&jf);
    if (ss && append) {
        ss->j = journal_append_to(path, err, sizeof err);
        if (!ss->j)
            fprintf(stderr,
                    "crisisroom: %s\ncrisisroom: NOT SAVING: the game goes on in memory only\n",
                    err);
        tell_backups(ss, path);
    }
    if (!ss)
        script_free(s);
    else
        *out_script = s;
    return ss;
}

session *cli_resume(const char *path, script **out_script)
{
    return load_save(path, out_script, 1);
}

session *cli_load_save(const char *path, script **out_script)
{
    return load_save(path, out_script, 0);
}

void cli_print_json(FILE *out, const session *s)
{
    const game *g = s->g;
    const def_scenario *sc = g->sc;
    char num[32];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "scenario", sc->id);
    str_fmt(num, sizeof num, "%" PRIu64, s->h.seed);
    cJSON_AddRawToObject(o, "seed", num);
    if (g->variant >= 0) cJSON_AddStringToObject(o, "variant", sc->variants[g->variant].id);
    cJSON_AddNumberToObject(o, "turn", g->turn);
    cJSON_AddNumberToObject(o, "turns", sc->nturns);
    cJSON_AddStringToObject(o, "role", sc->roles[g->role].id);
    cJSON_AddBoolToObject(o, "ended", g->ended);
    if (g->ended)
        cJSON_AddStringToObject(o, "ending", sc->endings[g->ending].id);
    else
        cJSON_AddNullToObject(o, "ending");
    cJSON *m = cJSON_AddObjectToObject(o, "meters");
    for (int i = 0; i < sc->nmeters; i++) cJSON_AddNumberToObject(m, sc->meters[i].id, g->meter[i]);
    cJSON_AddItemToObject(o, "state", kv_to_json(&g->state));
    if (g->ended) {
        cJSON *ob = cJSON_AddObjectToObject(o, "objectives");
        for (int i = 0; i < sc->nobjectives; i++) {
            char r[2] = {g->ratings[i], 0};
            cJSON_AddStringToObject(ob, sc->objectives[i].id, r);
        }
    }
    cJSON_AddNumberToObject(o, "commands", s->nlive);
    str_fmt(num, sizeof num, "%016" PRIx64, game_hash(g));
    cJSON_AddStringToObject(o, "state_hash", num);
    char *text = cJSON_PrintUnformatted(o);
    fprintf(out, "%s\n", text);
    free(text);
    cJSON_Delete(o);
}

static void warn(void *ud, const char *msg)
{
    (void)ud;
    fprintf(stderr, "crisisroom: %s\n", msg); /* e.g. the save failed */
}

int cli_apply_file(session *s, const char *path)
{
    char err[8192];
    if (cmdfile_apply(s, path, warn, NULL, err, sizeof err) == 0) return 0;
    fprintf(stderr, "%s\n", err);
    return -1;
}

int cli_auto(session *s, const char *policy_name)
{
    policy_kind k;
    char err[4096];
    if (policy_parse(policy_name, &k)) {
        fprintf(stderr, "crisisroom: unknown policy '%s'\n", policy_name);
        return -1;
    }
    if (autoplay_session(s, k, err, sizeof err) == 0) return 0;
    fprintf(stderr, "crisisroom: automatic play stopped: %s\n", err);
    return -1;
}
