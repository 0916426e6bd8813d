/*
 * batch.c -- many playthroughs of one scenario: `crisisroom batch`, and the
 * play-through half of `check --runs`.
 *
 * This is the hot path. Each worker loads the scenario once, makes one game
 * and resets it for every run, and plays it by autoplay_run straight on
 * game_apply (no session: no journal, no command lines). Run r uses seed
 * S+r and, in variant mode, the variant that seed picks, so a run's outcome
 * does not depend on which worker plays it; --jobs forks workers that send
 * their figures back over a pipe (stats_write) for the parent to merge.
 *
 * --shard K/M plays only the K-th of M slices of the runs, on any machine,
 * and with --json adds what batch_merge.c needs to combine the slices into
 * exactly the unsharded figures (stats_to_json and how the runs were made).
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "autoplay.h"
#include "cli.h"
#include "outfile.h"
#include "report.h"
#include "util.h"

/* One run ---------------------------------------------------------------------- */

static int run_variant(const def_scenario *sc, const batch_cfg *cfg, uint64_t seed)
{
    return cfg->variant == BATCH_VARIANT_RANDOM ? game_pick_variant(sc, seed) : cfg->variant;
}

/* check --runs: what is available at each step (stats_observe). */
static int observe(void *ud, game *g, int move_start)
{
    return stats_observe(ud, g, move_start);
}

/* Play the game (already reset to seed) to its end; 0, or -1 after
   recording the error. */
static int play(game *g, const batch_cfg *cfg, uint64_t seed, stats *st)
{
    autoplay a = {cfg->policy, seed, NULL, cfg->check ? observe : NULL, st};
    char err[2048];
    if (autoplay_run(&a, &g, err, sizeof err) == 0) return 0;
    stats_fail(st, seed, g->turn, err);
    return -1;
}

/* Runs [from, to) of the batch (absolute indexes) into st, on one game
   made once. */
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
        long from = cfg->first + cfg->runs * j / jobs;
        long to = cfg->first + cfg->runs * (j + 1) / jobs;
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
        play_range(s, cfg, cfg->first, cfg->first + cfg->runs, out);
        return 0;
    }
    return fork_jobs(s, cfg, jobs, out);
}

/* Arguments -------------------------------------------------------------------- */

/* The variant setting for the scenario: random when it has variants. */
int batch_variant(const def_scenario *sc, const char *name, int *out)
{
    if (!name || strcmp(name, "random") == 0) {
        *out = sc->nvariants ? BATCH_VARIANT_RANDOM : -1;
        return 0;
    }
    *out = def_variant_find(sc, name);
    if (*out >= 0) return 0;
    cli_no_variant(sc, name);
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
   vary between identical batches (a shard's own object just before). */
static void print_json(const stats *st, const batch_cfg *cfg, double secs, cJSON *shard)
{
    const def_scenario *sc = st->sc;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "scenario", sc->id);
    cJSON_AddStringToObject(o, "policy", cli_policy_words[cfg->policy]);
    cJSON_AddNumberToObject(o, "seed", (double)cfg->seed);
    const char *v = variant_name(sc, cfg);
    if (v) cJSON_AddStringToObject(o, "variant", v);
    cJSON_AddNumberToObject(o, "runs", (double)st->runs);
    cJSON_AddNumberToObject(o, "finished", (double)st->finished);
    cJSON_AddNumberToObject(o, "errors", (double)st->errors);
    json_counts(o, st);
    json_figures(o, st);
    if (shard) cJSON_AddItemToObject(o, "shard", shard);
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

int batch_print(const stats *st, const batch_cfg *cfg, double secs, int json, cJSON *shard,
                const char *html)
{
    if (json)
        print_json(st, cfg, secs, shard);
    else
        print_text(st, secs), cJSON_Delete(shard);
    return html ? write_html(html, st, cfg, secs) : 0;
}

/* Shards --------------------------------------------------------------------------- */

typedef struct shard_id {
    long k, m; /* the K-th of M; 0/0: the whole batch */
} shard_id;

/* "K/M" into sh; -1 when it is not 1 <= K <= M <= BATCH_MAX_SHARDS. */
static int shard_parse(const char *v, shard_id *sh)
{
    char *end, *mid;
    errno = 0;
    sh->k = strtol(v, &mid, 10);
    if (mid == v || *mid != '/' || !(mid[1] >= '0' && mid[1] <= '9')) return -1;
    sh->m = strtol(mid + 1, &end, 10);
    return *end || errno || sh->k < 1 || sh->k > sh->m || sh->m > BATCH_MAX_SHARDS ? -1 : 0;
}

static int shard_check(const char *v)
{
    shard_id sh;
    return shard_parse(v, &sh);
}

/* The K-th slice of runs: [N(K-1)/M, NK/M), so the M slices cover every
   run once. */
static void shard_slice(const shard_id *sh, long total, batch_cfg *cfg)
{
    cfg->first = total * (sh->k - 1) / sh->m; /* at most 10^8 * 10^5: no overflow */
    cfg->runs = total * sh->k / sh->m - cfg->first;
}

/* What batch_merge.c needs besides the figures: how the runs were made,
   and on which version of which scenario. */
static cJSON *shard_json(script *s, const stats *st, const batch_cfg *cfg, const shard_id *sh,
                         long total)
{
    const def_scenario *sc = st->sc;
    char num[32], dir[PATH_MAX];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "index", (double)sh->k);
    cJSON_AddNumberToObject(o, "of", (double)sh->m);
    cJSON_AddNumberToObject(o, "runs", (double)total);
    cJSON_AddNumberToObject(o, "first", (double)cfg->first);
    str_fmt(num, sizeof num, "%" PRIu64, cfg->seed);
    cJSON_AddStringToObject(o, "seed", num); /* 64 bits: a JSON number would round it */
    cJSON_AddStringToObject(o, "policy", cli_policy_words[cfg->policy]);
    const char *v = variant_name(sc, cfg);
    if (v) cJSON_AddStringToObject(o, "variant", v);
    cJSON_AddStringToObject(o, "engine", CR_ENGINE_VERSION); /* another may play otherwise */
    cJSON_AddStringToObject(o, "scenario", sc->id);
    str_fmt(num, sizeof num, "%016" PRIx64, sc->files_hash);
    cJSON_AddStringToObject(o, "scenario_hash", num);
    cJSON_AddStringToObject(o, "dir", realpath(script_dir(s), dir) ? dir : script_dir(s));
    cJSON_AddItemToObject(o, "figures", stats_to_json(st));
    return o;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { B_RUNS, B_POLICY, B_SEED, B_VARIANT, B_JOBS, B_SHARD, B_MERGE, B_JSON, B_HTML, B_NOPTS };
static const opt_spec batch_opts[B_NOPTS] = {
    [B_RUNS] = OPTION_INT("runs", "N", "how many games, default 100", 1, BATCH_MAX_RUNS),
    [B_POLICY] = OPTION_ENUM("policy", cli_policy_words, "how to play them (default random)"),
    [B_SEED] = OPTION_SEED("seed", "S", "run r plays seed S+r (default 1)"),
    [B_VARIANT] = OPTION_STRING("variant", "ID|random",
                                "one hidden truth, or each run the one its seed picks"),
    [B_JOBS] = OPTION_INT("jobs", "J", "play in J processes, default 1", 1, BATCH_MAX_JOBS),
    [B_SHARD] = OPTION_CUSTOM("shard", "K/M", "play only the K-th of M slices of the N runs",
                              shard_check, "K/M with 1 <= K <= M <= 100000, e.g. 2/8"),
    [B_MERGE] =
        OPTION_FLAG("merge", "combine shards' --json results (the arguments: files of them)"),
    [B_JSON] = OPTION_FLAG("json", "print one JSON object"),
    [B_HTML] = OPTION_FILE("html", "FILE", "also write a self-contained HTML report"),
};
static const opt_cmd batch_cmd = {
    "batch",
    "SCENARIO | --merge FILE...",
    1,
    OPT_MAX_ARGS,
    "Play N complete games by a policy; run r uses seed S+r and, unless --variant\n"
    "names one, the variant that seed picks. Prints the endings, objective\n"
    "ratings, final meter percentiles and errors. The figures do not depend on J.\n"
    "--shard K/M plays runs [N(K-1)/M, NK/M) only, on any machine; --merge then\n"
    "combines the shards' --json results (one a line, in any order, in FILEs or\n"
    "'-' for stdin) into the figures of the whole batch, as if played at once.\n"
    "Exit 0 when every run ended without a script error, 1 otherwise, 2 on usage.\n",
    batch_opts,
    B_NOPTS};

/* The configuration of the options given (defaults for the others). */
static batch_cfg batch_config(const opt_val *v)
{
    batch_cfg cfg = {POLICY_RANDOM, 1, 100, -1, 1, 0, 0};
    if (v[B_RUNS].given) cfg.runs = v[B_RUNS].i;
    if (v[B_POLICY].given) policy_parse(cli_policy_words[v[B_POLICY].e], &cfg.policy);
    if (v[B_SEED].given) cfg.seed = v[B_SEED].u;
    if (v[B_JOBS].given) cfg.jobs = (int)v[B_JOBS].i;
    return cfg;
}

/* Usage errors the table cannot express: 2 after saying so, else 0. */
static int usage_conflicts(const opt_val *v, const opt_args *a)
{
    const char *msg = NULL;
    if (v[B_MERGE].given) {
        for (int i = 0; i < B_NOPTS && !msg; i++)
            if (v[i].given && i != B_MERGE && i != B_JSON && i != B_HTML)
                msg = "--merge takes only FILEs, --json and --html (the shards say how they ran)";
    } else if (a->n > 1) {
        msg = "batch plays one SCENARIO (several FILEs only with --merge)";
    }
    if (!msg) return 0;
    strbuf b = {0};
    opt_usage(&batch_cmd, &b);
    fprintf(stderr, "crisisroom batch: %s\n%s", msg, b.s);
    sb_free(&b);
    return 2;
}

int cli_batch(int argc, char **argv)
{
    opt_val v[B_NOPTS];
    opt_args a;
    int status = cli_options(&batch_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    if ((status = usage_conflicts(v, &a)) != 0) return status;
    if (v[B_MERGE].given) return batch_merge(a.v, a.n, v[B_JSON].given, v[B_HTML].str);
    batch_cfg cfg = batch_config(v);
    shard_id sh = {0, 0};
    long total = cfg.runs;
    if (v[B_SHARD].given) shard_parse(v[B_SHARD].str, &sh), shard_slice(&sh, total, &cfg);
    script *s = cli_load(a.v[0]);
    if (!s) return 1;
    const def_scenario *sc = script_scenario(s);
    if (batch_variant(sc, v[B_VARIANT].str, &cfg.variant)) {
        script_free(s);
        return 2;
    }
    stats st;
    stats_init(&st, sc);
    double t0 = now_s();
    int rc = batch_collect(s, &cfg, &st);
    double secs = now_s() - t0;
    if (rc) fprintf(stderr, "crisisroom: a batch worker failed; the figures are incomplete\n");
    cJSON *shard = sh.m ? shard_json(s, &st, &cfg, &sh, total) : NULL;
    if (batch_print(&st, &cfg, secs, v[B_JSON].given, shard, v[B_HTML].str)) rc = -1;
    if (st.errors) rc = -1;
    stats_free(&st);
    script_free(s);
    return rc ? 1 : 0;
}
