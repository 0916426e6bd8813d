/*
 * batch_merge.c -- `crisisroom batch --merge FILE...`: the results of a
 * batch's shards (`batch --shard K/M --json`: one JSON object a line, made
 * on any machines, given in any order, several to a file or on stdin)
 * combined into the figures of the whole batch, printed as batch prints
 * them: the same bytes as the batch played at once, timing aside.
 *
 * Every shard must come from the same batch (the engine's version, the
 * scenario and its files' hash, the seed, the number of runs, the policy,
 * the variant and M), each K once and none missing. The scenario is loaded here, by its id (else
 * from where the first shard found it), to read the figures by name.
 */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "datadir.h"
#include "infile.h"
#include "util.h"

#define MERGE_LINE_MAX (64L << 20) /* bytes of one shard's result (its figures: far less) */

typedef struct merge {
    const char *path; /* where the line being read comes from */
    long line;
    cJSON *first;    /* the first shard's "shard" object, which the others must match */
    char where[600]; /* and where it was: "FILE:LINE" */
    script *s;
    stats st;
    batch_cfg cfg;
    long m;     /* shards in all */
    char *seen; /* [m] */
    long nseen;
    double secs; /* the shards' own times, added */
} merge;

static int refuse(const merge *mg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(const merge *mg, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "crisisroom: %s:%ld: %s\n", mg->path, mg->line, msg);
    return -1;
}

/* One line into b (without its newline): 1, 0 at the end, -1 too long. */
static int read_line(FILE *f, strbuf *b)
{
    int c;
    b->len = 0;
    while ((c = getc(f)) != EOF && c != '\n')
        if (b->len < (size_t)MERGE_LINE_MAX)
            sb_add(b, &(char){(char)c}, 1);
        else
            return -1;
    if (c == EOF && b->len == 0) return 0;
    sb_add(b, "", 0);
    return 1;
}

static const char *field_str(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static long field_long(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble <= 9e15 ? (long)v->valuedouble
                                                                              : -1;
}

/* What makes shards parts of one batch. */
static const char *const same[] = {"engine", "scenario", "scenario_hash", "seed",
                                   "runs",   "of",       "policy",        "variant"};

/* The scenario by its id in the data folders, else where the shard ran. */
static script *load_scenario(const cJSON *sh)
{
    const char *id = field_str(sh, "scenario"), *dir = field_str(sh, "dir");
    char found[PATH_MAX], err[4096];
    if (!id) return NULL;
    int by_id = datadir_scenario(id, found, sizeof found, err, sizeof err) == 0;
    return cli_load(by_id || !dir || !dir[0] ? id : dir);
}

/* The batch the first shard belongs to: its scenario, how its runs were
   made. */
static int begin(merge *mg, const cJSON *sh)
{
    const char *hash = field_str(sh, "scenario_hash"), *seed = field_str(sh, "seed");
    policy_kind how;
    mg->m = field_long(sh, "of");
    mg->cfg = (batch_cfg){POLICY_RANDOM, 0, field_long(sh, "runs"), -1, 1, 0, 0};
    if (!hash || !seed || mg->m < 1 || mg->m > BATCH_MAX_SHARDS || mg->cfg.runs < 0 ||
        !field_str(sh, "policy") || policy_parse(field_str(sh, "policy"), &how))
        return refuse(mg, "the shard's \"scenario_hash\", \"seed\", \"of\", \"runs\" or "
                          "\"policy\" is missing or wrong");
    mg->cfg.policy = how;
    mg->cfg.seed = strtoull(seed, NULL, 10);
    if (!(mg->s = load_scenario(sh))) return -1;
    const def_scenario *sc = script_scenario(mg->s);
    char now[32];
    str_fmt(now, sizeof now, "%016" PRIx64, sc->files_hash);
    if (strcmp(now, hash) != 0)
        return refuse(mg, "the shard ran scenario '%s' with files hash %s; here it has %s", sc->id,
                      hash, now);
    if (batch_variant(sc, field_str(sh, "variant"), &mg->cfg.variant)) return -1;
    stats_init(&mg->st, sc);
    mg->seen = xcalloc((size_t)mg->m, 1);
    mg->first = cJSON_CreateObject();
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(sh, same[i]);
        if (v) cJSON_AddItemToObject(mg->first, same[i], cJSON_Duplicate(v, 1));
    }
    str_fmt(mg->where, sizeof mg->where, "%s:%ld", mg->path, mg->line);
    return 0;
}

/* A later shard: of the same batch, and not given before. */
static int same_batch(merge *mg, const cJSON *sh, long k)
{
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(mg->first, same[i]);
        const cJSON *b = cJSON_GetObjectItemCaseSensitive(sh, same[i]);
        if (!(a == NULL && b == NULL) && !(a && b && cJSON_Compare(a, b, 1)))
            return refuse(mg, "not a shard of the same batch as %s: its \"%s\" differs", mg->where,
                          same[i]);
    }
    if (k < 1 || k > mg->m) return refuse(mg, "shard %ld of %ld: no such shard", k, mg->m);
    if (mg->seen[k - 1]) return refuse(mg, "shard %ld/%ld is given twice", k, mg->m);
    return 0;
}

/* One shard's figures into the whole. */
static int add_shard(merge *mg, const cJSON *sh, long k)
{
    long n = mg->cfg.runs, want = n * k / mg->m - n * (k - 1) / mg->m;
    char err[512];
    stats part;
    stats_init(&part, mg->st.sc);
    int rc =
        stats_from_json(&part, cJSON_GetObjectItemCaseSensitive(sh, "figures"), err, sizeof err);
    if (rc)
        refuse(mg, "shard %ld/%ld: figures: %s", k, mg->m, err);
    else if (part.runs != want)
        rc = refuse(mg, "shard %ld/%ld holds %ld runs, not its %ld", k, mg->m, part.runs, want);
    if (rc == 0) stats_merge(&mg->st, &part), mg->seen[k - 1] = 1, mg->nseen++;
    stats_free(&part);
    return rc;
}

static int take_line(merge *mg, const char *text)
{
    cJSON *o = cJSON_Parse(text);
    const cJSON *sh = cJSON_GetObjectItemCaseSensitive(o, "shard");
    int rc = cJSON_IsObject(sh) ? 0 : refuse(mg, "not the result of `batch --shard K/M --json`");
    long k = rc ? 0 : field_long(sh, "index");
    if (rc == 0 && !mg->first) rc = begin(mg, sh);
    if (rc == 0) rc = same_batch(mg, sh, k);
    if (rc == 0) rc = add_shard(mg, sh, k);
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "elapsed_s");
    if (rc == 0 && cJSON_IsNumber(t)) mg->secs += t->valuedouble;
    cJSON_Delete(o);
    return rc;
}

static int take_file(merge *mg, const char *path)
{
    char why[256];
    FILE *f = strcmp(path, "-") == 0 ? stdin : infile_fopen(path, "r", why, sizeof why);
    if (!f) {
        fprintf(stderr, "crisisroom: cannot open '%s': %s\n", path, why);
        return -1;
    }
    strbuf b = {0};
    int rc = 0, got;
    mg->path = path;
    for (mg->line = 1; rc == 0 && (got = read_line(f, &b)) != 0; mg->line++)
        if (got < 0)
            rc = refuse(mg, "a line longer than %ld bytes", MERGE_LINE_MAX);
        else if (b.s[strspn(b.s, " \t\r")])
            rc = take_line(mg, b.s);
    sb_free(&b);
    if (f != stdin) fclose(f);
    return rc;
}

/* Every shard there: 0, or -1 naming the first missing ones. */
static int complete(const merge *mg)
{
    if (mg->nseen == mg->m) return 0;
    strbuf b = {0};
    int listed = 0;
    for (long k = 1; k <= mg->m && listed < 10; k++)
        if (!mg->seen[k - 1]) sb_printf(&b, "%s%ld/%ld", listed++ ? ", " : "", k, mg->m);
    fprintf(stderr, "crisisroom: %ld of %ld shards are missing: %s%s\n", mg->m - mg->nseen, mg->m,
            b.s, mg->m - mg->nseen > listed ? ", ..." : "");
    sb_free(&b);
    return -1;
}

int batch_merge(const char *const *files, int nfiles, int json, const char *html)
{
    merge mg = {0};
    int rc = 0;
    for (int i = 0; i < nfiles && rc == 0; i++) rc = take_file(&mg, files[i]);
    if (rc == 0 && !mg.first) {
        fprintf(stderr, "crisisroom: no shard results in the files given\n");
        rc = -1;
    }
    if (rc == 0) rc = complete(&mg);
    if (rc == 0 && batch_print(&mg.st, &mg.cfg, mg.secs, json, NULL, html)) rc = -1;
    if (rc == 0 && mg.st.errors) rc = -1;
    if (mg.first) stats_free(&mg.st);
    cJSON_Delete(mg.first);
    free(mg.seen);
    script_free(mg.s);
    return rc ? 1 : 0;
}
