/*
 * util.c -- what the subcommands share (see cli.h).
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

int cli_wants_help(int argc, char **argv, const char *help)
{
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 1;
        }
    return 0;
}

static int takes_value(const char *flag)
{
    return strcmp(flag, "--json") != 0 && strcmp(flag, "--no-save") != 0;
}

static int set_opt(cli_opts *o, const char *flag, const char *v)
{
    if (strcmp(flag, "--seed") == 0) {
        char *end;
        errno = 0;
        o->seed = strtoull(v, &end, 10);
        if (*v == '-' || *end || errno || !*v) {
            fprintf(stderr, "crisisroom: --seed takes a whole number from 0 to 2^64-1, not '%s'\n",
                    v);
            return -1;
        }
        o->have_seed = 1;
    } else if (strcmp(flag, "--save") == 0)
        o->save = v;
    else if (strcmp(flag, "--commands") == 0)
        o->commands = v;
    else if (strcmp(flag, "--variant") == 0)
        o->variant = v;
    else if (strcmp(flag, "--auto") == 0)
        o->policy = v;
    return 0;
}

int cli_parse(int argc, char **argv, const char *allowed, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] != '-') {
            if (o->scenario) {
                fprintf(stderr, "crisisroom: unexpected argument '%s'\n", a);
                return -1;
            }
            o->scenario = a;
            continue;
        }
        const char *hit = strstr(allowed, a);
        size_t n = strlen(a);
        if (!hit || (hit[n] != ' ' && hit[n] != '\0')) {
            fprintf(stderr, "crisisroom: unknown option '%s' (options here: %s)\n", a, allowed);
            return -1;
        }
        if (strcmp(a, "--json") == 0) o->json = 1;
        if (strcmp(a, "--no-save") == 0) o->nosave = 1;
        if (!takes_value(a)) continue;
        if (i + 1 >= argc) {
            fprintf(stderr, "crisisroom: %s needs a value\n", a);
            return -1;
        }
        if (set_opt(o, a, argv[++i])) return -1;
    }
    if (o->policy) {
        policy_kind k;
        if (policy_parse(o->policy, &k)) {
            fprintf(stderr, "crisisroom: unknown policy '%s' (random, first, historical)\n",
                    o->policy);
            return -1;
        }
    }
    return 0;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_find_scenario(const char *arg, char *out, size_t size)
{
    if (is_dir(arg)) {
        str_fmt(out, size, "%s", arg);
        return 0;
    }
    if (strchr(arg, '/')) return -1;
    const char *roots[] = {"scenarios", CR_SOURCE_DIR "/scenarios"};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        str_fmt(out, size, "%s/%s", roots[i], arg);
        if (is_dir(out)) return 0;
    }
    return -1;
}

script *cli_load(const char *arg)
{
    char dir[PATH_MAX], err[16384];
    if (cli_find_scenario(arg, dir, sizeof dir)) {
        fprintf(stderr,
                "crisisroom: no scenario '%s' (give a folder, or a name under scenarios/)\n", arg);
        return NULL;
    }
    script *s = script_load(dir, NULL, err, sizeof err);
    if (!s) fprintf(stderr, "%s", err);
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
        fprintf(stderr, "crisisroom: unknown variant '%s'; variants:", o->variant);
        for (int i = 0; i < sc->nvariants; i++) fprintf(stderr, " %s", sc->variants[i].id);
        fprintf(stderr, "%s random\n", sc->nvariants ? "," : " none;");
        return -2;
    }
    return v;
}

int cli_saves_dir(char *out, size_t size)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    char base[PATH_MAX];
    if (xdg && *xdg)
        str_fmt(base, sizeof base, "%s", xdg);
    else if (home && *home)
        str_fmt(base, sizeof base, "%s/.local/share", home);
    else
        return -1;
    /* mkdir -p, one level at a time */
    str_fmt(out, size, "%s/crisisroom/saves", base);
    for (char *p = out + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(out, 0755);
            *p = '/';
        }
    return mkdir(out, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

static void default_save_path(const def_scenario *sc, char *out, size_t size)
{
    char dir[PATH_MAX], stamp[32];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    if (cli_saves_dir(dir, sizeof dir)) {
        out[0] = '\0';
        return;
    }
    str_fmt(out, size, "%s/%s-%s.jsonl", dir, sc->id, stamp);
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
    if (o->save)
        str_fmt(path, sizeof path, "%s", o->save);
    else if (journal_default && !o->nosave)
        default_save_path(sc, path, sizeof path);
    if (!realpath(script_dir(s), ss->h.dir))
        str_fmt(ss->h.dir, sizeof ss->h.dir, "%s", script_dir(s));
    if (path[0] && session_save_to(ss, path))
        fprintf(stderr, "crisisroom: %s\ncrisisroom: NOT SAVING: the game goes on in memory only\n",
                ss->err);
    return ss;
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
    const char *where = cli_find_scenario(jf.h.scenario, dir, sizeof dir) == 0 || !jf.h.dir[0]
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
    cJSON *st = cJSON_AddObjectToObject(o, "state");
    for (int i = 0; i < g->state.n; i++) {
        const val *v = &g->state.e[i].v;
        if (v->type == VAL_STR)
            cJSON_AddStringToObject(st, g->state.e[i].key, v->str);
        else if (v->type == VAL_BOOL)
            cJSON_AddBoolToObject(st, g->state.e[i].key, v->num != 0);
        else
            cJSON_AddNumberToObject(st, g->state.e[i].key, v->num);
    }
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

int cli_apply_file(session *s, const char *path, int echo)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f) {
        fprintf(stderr, "crisisroom: cannot open '%s': %s\n", path, strerror(errno));
        return -1;
    }
    char line[CMD_TEXT_MAX + 1024];
    int lineno = 0, rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (cmd_is_blank(line)) continue;
        if (echo) printf("> %s\n", line);
        if (session_apply(s, line)) {
            fprintf(stderr, "%s:%d: %s\n", path, lineno, s->err);
            rc = -1;
        } else if (s->err[0]) {
            fprintf(stderr, "crisisroom: %s\n", s->err); /* e.g. the save failed */
        }
    }
    if (f != stdin) fclose(f);
    return rc;
}

int cli_auto(session *s, const char *policy_name)
{
    policy_kind k;
    policy_parse(policy_name, &k);
    policy p;
    policy_init(&p, k, s->h.seed);
    strbuf line = {0};
    int rc = 0;
    for (int n = 0; !s->g->ended && rc == 0; n++) {
        cmd c;
        if (n > 1000000 || policy_next(&p, s->g, &c)) {
            fprintf(stderr, "crisisroom: automatic play stopped: %s\n",
                    s->g->err[0] ? s->g->err : "no end in sight");
            rc = -1;
            break;
        }
        line.len = 0;
        cmd_format(&c, &line);
        if (session_apply(s, line.s)) {
            fprintf(stderr, "crisisroom: automatic play: `%s`: %s\n", line.s, s->err);
            rc = -1;
        }
    }
    sb_free(&line);
    return rc;
}
