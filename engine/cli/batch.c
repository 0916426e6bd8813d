/*
 * batch.c -- many playthroughs of one scenario: `crisisroom batch`, and the
 * play-through half of `check --runs`.
 *
 * This is the hot path. Each worker loads the scenario once, makes one game
 * and resets it for every run, and feeds the policy's commands straight to
 * game_apply (no session: no journal, no command lines). Run r uses seed
 * S+r and, in variant mode, the variant that seed picks, so a run's outcome
 * does not depend on which worker plays it; --jobs forks workers that send
 * their figures back over a pipe (stats_write) for the parent to merge.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "outfile.h"
#include "report.h"
#include "util.h"

#define BATCH_MAX_COMMANDS 100000 /* in one run: past it the run is an error */
#define BATCH_MAX_JOBS     64

/* One run ---------------------------------------------------------------------- */

static int run_variant(const def_scenario *sc, const batch_cfg *cfg, uint64_t seed)
{
    return cfg->variant == BATCH_VARIANT_RANDOM ? game_pick_variant(sc, seed) : cfg->variant;
}

static void refused(stats *st, game *g, uint64_t seed, const cmd *c)
{
    strbuf b = {0};
    cmd_format(c, &b);
    strbuf m = {0};
    sb_printf(&m, "the %s policy's command `%s` was refused: %s", "automatic", b.s, g->err);
    stats_fail(st, seed, g->turn, m.s);
    sb_free(&b);
    sb_free(&m);
}

/* Play the game (already reset to seed) to its end; 0, or -1 after
   recording the error. */
static int play(game *g, const batch_cfg *cfg, uint64_t seed, stats *st)
{
    policy p;
    policy_init(&p, cfg->policy, seed);
    int turn = 0, role = -1;
    for (long n = 0; !g->ended; n++) {
        int start = g->turn != turn || g->role != role;
        turn = g->turn, role = g->role;
        if (cfg->check && stats_observe(st, g, start)) break;
        cmd c;
        if (n >= BATCH_MAX_COMMANDS) {
            char msg[96];
            str_fmt(msg, sizeof msg, "no ending after %d commands", BATCH_MAX_COMMANDS);
            stats_fail(st, seed, g->turn, msg);
            return -1;
        }
        if (policy_next(&p, g, &c)) break;
        game_rc rc = game_apply(g, &c);
        if (rc == GAME_REFUSED) {
            refused(st, g, seed, &c);
            return -1;
        }
        if (rc) break;
    }
    if (!g->failed) return 0;
    stats_fail(st, seed, g->turn, g->err);
    return -1;
}

/* Runs [from, to) of the batch into st, on one game made once. */
static void play_range(script *s, const batch_cfg *cfg, long from, long to, stats *st)
{
    const def_scenario *sc = script_scenario(s);
    game *g = NULL;
    char err[2048];
    for (long r = from; r < to; r++) {
        uint64_t seed = cfg->seed + (uint64_t)r;
        int variant = run_variant(sc, cfg, seed);
        stats_begin(st);
        if (!g)
            g = game_new(sc, script_host(s), seed, variant, err, sizeof err);
        else if (game_reset(g, seed, variant))
            str_fmt(err, sizeof err, "%s", g->err);
        if (!g || g->failed) {
            stats_fail(st, seed, 1, err);
            stats_end(st, NULL, seed);
            continue;
        }
        play(g, cfg, seed, st);
        stats_end(st, g, seed);
    }
    game_free(g);
}

/* Workers ---------------------------------------------------------------------- */

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w, n -= (size_t)w;
    }
    return 0;
}

static void read_all(int fd, strbuf *out)
{
    char buf[65536];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return;
        sb_add(out, buf, (size_t)r);
    }
}

/* The child: its share of the runs, written to the pipe. It plays on its
   own copy of the loaded scenario (a separate Lua state after fork). */
static void worker(script *s, const batch_cfg *cfg, long from, long to, int fd)
{
    stats st;
    stats_init(&st, script_scenario(s));
    play_range(s, cfg, from, to, &st);
    strbuf b = {0};
    stats_write(&st, &b);
    int rc = write_all(fd, b.s, b.len);
    _exit(rc ? 1 : 0);
}

static int collect(script *s, pid_t pid, int fd, stats *out)
{
    strbuf b = {0};
    read_all(fd, &b);
    close(fd);
    int status = 0;
    waitpid(pid, &status, 0);
    stats part;
    stats_init(&part, script_scenario(s));
    int rc =
        WIFEXITED(status) && WEXITSTATUS(status) == 0 && b.s ? stats_read(&part, b.s, b.len) : -1;
    if (rc == 0) stats_merge(out, &part);
    stats_free(&part);
    sb_free(&b);
    return rc;
}

static int fork_jobs(script *s, const batch_cfg *cfg, int jobs, stats *out)
{
    pid_t pid[BATCH_MAX_JOBS];
    int fd[BATCH_MAX_JOBS], rc = 0;
    fflush(stdout), fflush(stderr);
    for (int j = 0; j < jobs; j++) {
        int p[2];
        if (pipe(p)) return -1;
        long from = cfg->runs * j / jobs, to = cfg->runs * (j + 1) / jobs;
        pid[j] = fork();
        if (pid[j] == 0) {
            for (int k = 0; k < j; k++) close(fd[k]); /* the siblings' pipes */
            close(p[0]);
            worker(s, cfg, from, to, p[1]);
        }
        close(p[1]);
        if (pid[j] < 0) return -1;
        fd[j] = p[0];
    }
    for (int j = 0; j < jobs; j++)
        if (collect(s, pid[j], fd[j], out)) rc = -1;
    return rc;
}

int batch_collect(script *s, const batch_cfg *cfg, stats *out)
{
    int jobs = cfg->jobs < 1 ? 1 : cfg->jobs > BATCH_MAX_JOBS ? BATCH_MAX_JOBS : cfg->jobs;
    if (jobs > cfg->runs) jobs = cfg->runs > 0 ? (int)cfg->runs : 1;
    if (jobs == 1) {
        play_range(s, cfg, 0, cfg->runs, out);
        return 0;
    }
    return fork_jobs(s, cfg, jobs, out);
}

/* Arguments -------------------------------------------------------------------- */

static int parse_count(const char *flag, const char *v, long max, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*end || !*v || errno || n < 1 || n > max) {
        fprintf(stderr, "crisisroom: %s takes a whole number from 1 to %ld, not '%s'\n", flag, max,
                v);
        return -1;
    }
    *out = n;
    return 0;
}

static int parse_seed(const char *v, uint64_t *out)
{
    char *end;
    errno = 0;
    *out = strtoull(v, &end, 10);
    if (*v == '-' || !*v || *end || errno) {
        fprintf(stderr, "crisisroom: --seed takes a whole number from 0 to 2^64-1, not '%s'\n", v);
        return -1;
    }
    return 0;
}

/* One flag of batch or check; returns the arguments used, or -1. */
static int batch_flag(batch_args *a, int argc, char **argv, int i)
{
    const char *f = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    long n;
    if (strcmp(f, "--json") == 0) return a->json = 1;
    if (strcmp(f, "--strict") == 0) return a->strict = 1;
    if (!v) {
        fprintf(stderr, "crisisroom: %s needs a value\n", f);
        return -1;
    }
    if (strcmp(f, "--runs") == 0) {
        if (parse_count(f, v, 100000000L, &a->cfg.runs)) return -1;
    } else if (strcmp(f, "--jobs") == 0) {
        if (parse_count(f, v, BATCH_MAX_JOBS, &n)) return -1;
        a->cfg.jobs = (int)n;
    } else if (strcmp(f, "--seed") == 0) {
        if (parse_seed(v, &a->cfg.seed)) return -1;
    } else if (strcmp(f, "--policy") == 0) {
        if (policy_parse(v, &a->cfg.policy)) {
            fprintf(stderr, "crisisroom: unknown policy '%s' (random, first, historical)\n", v);
            return -1;
        }
    } else if (strcmp(f, "--html") == 0)
        a->html = v;
    else if (strcmp(f, "--variant") == 0)
        a->variant = v;
    else
        return -1;
    return 2;
}

int batch_parse(int argc, char **argv, const char *allowed, batch_args *a)
{
    memset(a, 0, sizeof *a);
    a->cfg.runs = 100;
    a->cfg.seed = 1;
    a->cfg.jobs = 1;
    for (int i = 0; i < argc;) {
        const char *f = argv[i];
        const char *hit = f[0] == '-' ? strstr(allowed, f) : NULL;
        size_t n = strlen(f);
        if (f[0] != '-' && !a->scenario) {
            a->scenario = f, i++;
            continue;
        }
        if (!hit || (hit[n] != ' ' && hit[n] != '\0')) {
            fprintf(stderr, "crisisroom: unexpected argument '%s' (options here: %s)\n", f,
                    allowed);
            return -1;
        }
        int used = batch_flag(a, argc, argv, i);
        if (used < 0) return -1;
        i += used;
    }
    return 0;
}

/* The variant setting for the scenario: random when it has variants. */
int batch_variant(const def_scenario *sc, const char *name, int *out)
{
    if (!name || strcmp(name, "random") == 0) {
        *out = sc->nvariants ? BATCH_VARIANT_RANDOM : -1;
        return 0;
    }
    *out = def_variant_find(sc, name);
    if (*out >= 0) return 0;
    fprintf(stderr, "crisisroom: unknown variant '%s'; variants:", name);
    for (int i = 0; i < sc->nvariants; i++) fprintf(stderr, " %s", sc->variants[i].id);
    fprintf(stderr, "%s random\n", sc->nvariants ? "," : " none;");
    return -1;
}

/* Output ----------------------------------------------------------------------- */

static const char *variant_name(const def_scenario *sc, const batch_cfg *cfg)
{
    if (cfg->variant == BATCH_VARIANT_RANDOM) return "random";
    return cfg->variant >= 0 ? sc->variants[cfg->variant].id : NULL;
}

static void json_counts(cJSON *o, const stats *st)
{
    const def_scenario *sc = st->sc;
    cJSON *e = cJSON_AddObjectToObject(o, "endings");
    for (int i = 0; i < sc->nendings; i++)
        cJSON_AddNumberToObject(e, sc->endings[i].id, (double)st->endings[i]);
    e = cJSON_AddObjectToObject(o, "events");
    for (int i = 0; i < sc->nevents; i++)
        cJSON_AddNumberToObject(e, sc->events[i].id, (double)st->events[i]);
    cJSON *opt = cJSON_AddObjectToObject(o, "options");
    cJSON *act = cJSON_AddObjectToObject(o, "actions");
    for (int i = 0; i < sc->nmoves; i++) {
        char path[160];
        def_move_path(sc, i, path, sizeof path);
        cJSON_AddNumberToObject(sc->moves[i].event >= 0 ? opt : act, path, (double)st->moves[i]);
    }
}

static void json_figures(cJSON *o, const stats *st)
{
    const def_scenario *sc = st->sc;
    cJSON *m = cJSON_AddObjectToObject(o, "meters");
    for (int i = 0; i < sc->nmeters; i++) {
        cJSON *p = cJSON_AddObjectToObject(m, sc->meters[i].id);
        cJSON_AddNumberToObject(p, "p5", stats_percentile(st, i, 0.05));
        cJSON_AddNumberToObject(p, "p50", stats_percentile(st, i, 0.50));
        cJSON_AddNumberToObject(p, "p95", stats_percentile(st, i, 0.95));
    }
    cJSON *ob = cJSON_AddObjectToObject(o, "objectives");
    for (int i = 0; i < sc->nobjectives; i++) {
        cJSON *r = cJSON_AddObjectToObject(ob, sc->objectives[i].id);
        for (int k = 0; k < 4; k++) {
            char key[2] = {"PSMU"[k], 0};
            cJSON_AddNumberToObject(r, key, (double)st->ratings[i * 4 + k]);
        }
    }
    cJSON *errs = cJSON_AddArrayToObject(o, "error_samples");
    for (int i = 0; i < st->nerr; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "seed", (double)st->err[i].seed);
        cJSON_AddNumberToObject(e, "turn", st->err[i].turn);
        cJSON_AddStringToObject(e, "message", st->err[i].msg);
        cJSON_AddItemToArray(errs, e);
    }
}

/* One line; elapsed_s and runs_per_s come last, the only figures that
   vary between identical batches. */
static void print_json(const stats *st, const batch_cfg *cfg, double secs)
{
    const def_scenario *sc = st->sc;
    static const char *const policies[] = {"random", "first", "historical"};
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "scenario", sc->id);
    cJSON_AddStringToObject(o, "policy", policies[cfg->policy]);
    cJSON_AddNumberToObject(o, "seed", (double)cfg->seed);
    const char *v = variant_name(sc, cfg);
    if (v) cJSON_AddStringToObject(o, "variant", v);
    cJSON_AddNumberToObject(o, "runs", (double)st->runs);
    cJSON_AddNumberToObject(o, "finished", (double)st->finished);
    cJSON_AddNumberToObject(o, "errors", (double)st->errors);
    json_counts(o, st);
    json_figures(o, st);
    cJSON_AddNumberToObject(o, "elapsed_s", secs);
    cJSON_AddNumberToObject(o, "runs_per_s", secs > 0 ? (double)st->runs / secs : 0);
    char *text = cJSON_PrintUnformatted(o);
    printf("%s\n", text);
    free(text);
    cJSON_Delete(o);
}

static void print_text(const stats *st, double secs)
{
    const def_scenario *sc = st->sc;
    double runs = st->runs ? (double)st->runs : 1;
    printf("%s: %ld runs, %ld errors, %.2f s (%.0f runs/s)\nEndings:\n", sc->id, st->runs,
           st->errors, secs, secs > 0 ? (double)st->runs / secs : 0);
    for (int i = 0; i < sc->nendings; i++)
        printf("  %-24s %6ld  %5.1f%%\n", sc->endings[i].id, st->endings[i],
               100.0 * (double)st->endings[i] / runs);
    printf("Objectives (P/S/M/U):\n");
    for (int i = 0; i < sc->nobjectives; i++)
        printf("  %-24s %ld/%ld/%ld/%ld\n", sc->objectives[i].id, st->ratings[i * 4],
               st->ratings[i * 4 + 1], st->ratings[i * 4 + 2], st->ratings[i * 4 + 3]);
    printf("Meters at the end (p5 / p50 / p95):\n");
    for (int i = 0; i < sc->nmeters; i++)
        printf("  %-24s %g / %g / %g\n", sc->meters[i].id, stats_percentile(st, i, 0.05),
               stats_percentile(st, i, 0.5), stats_percentile(st, i, 0.95));
    for (int i = 0; i < st->nerr; i++)
        printf("Error (seed %llu, turn %d): %s\n", (unsigned long long)st->err[i].seed,
               st->err[i].turn, st->err[i].msg);
}

/* --html FILE: the batch's page (report.h) through the one file writer. */
static int write_html(const char *path, const stats *st, const batch_cfg *cfg, double secs)
{
    report_batch how = {cfg->policy, cfg->seed, cfg->runs, secs};
    strbuf b = {0};
    char err[OUTFILE_ERR_MAX];
    report_batch_html(st, &how, &b);
    int rc = outfile_write(path, b.s, b.len, err, sizeof err);
    if (rc) fprintf(stderr, "crisisroom: %s\n", err);
    sb_free(&b);
    return rc;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cli_batch(int argc, char **argv)
{
    static const char *help =
        "usage: crisisroom batch SCENARIO [--runs N] [--policy random|first|historical]\n"
        "                        [--seed S] [--variant ID|random] [--jobs J] [--json]\n"
        "                        [--html FILE]\n"
        "Play N complete games (default 100) by a policy (default random); run r uses\n"
        "seed S+r (S defaults to 1) and, unless --variant names one, the variant that\n"
        "seed picks. Prints the endings, objective ratings, final meter percentiles and\n"
        "errors; --json prints one JSON object, --html writes a self-contained report.\n"
        "--jobs J plays in J processes; the figures do not depend on J.\n"
        "Exit 0 when every run ended without a script error, 1 otherwise, 2 on usage.\n";
    if (cli_wants_help(argc, argv, help)) return 0;
    batch_args a;
    if (batch_parse(argc, argv, "--runs --policy --seed --variant --jobs --json --html", &a))
        return 2;
    if (!a.scenario) {
        fputs(help, stderr);
        return 2;
    }
    script *s = cli_load(a.scenario);
    if (!s) return 1;
    const def_scenario *sc = script_scenario(s);
    if (batch_variant(sc, a.variant, &a.cfg.variant)) {
        script_free(s);
        return 2;
    }
    stats st;
    stats_init(&st, sc);
    double t0 = now_s();
    int rc = batch_collect(s, &a.cfg, &st);
    double secs = now_s() - t0;
    if (rc) fprintf(stderr, "crisisroom: a batch worker failed; the figures are incomplete\n");
    if (a.json)
        print_json(&st, &a.cfg, secs);
    else
        print_text(&st, secs);
    if (a.html && write_html(a.html, &st, &a.cfg, secs)) rc = -1;
    if (st.errors) rc = -1;
    stats_free(&st);
    script_free(s);
    return rc ? 1 : 0;
}
