/*
 * stats_json.c -- the JSON form of stats.h's results: what `batch --json`
 * prints and what `batch --merge` reads back (every count checked against
 * the scenario, so a shard of another scenario or a hand-edited file is
 * refused with what and where).
 */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats_int.h"
#include "util.h"

typedef enum { ID_ENDING, ID_EVENT, ID_MOVE, ID_METER, ID_OBJECTIVE } id_kind;

static int id_count(const def_scenario *sc, id_kind k)
{
    const int n[] = {sc->nendings, sc->nevents, sc->nmoves, sc->nmeters, sc->nobjectives};
    return n[k];
}

static const char *id_of(const def_scenario *sc, id_kind k, int i, char *buf, int size)
{
    switch (k) {
    case ID_ENDING:
        return sc->endings[i].id;
    case ID_EVENT:
        return sc->events[i].id;
    case ID_MOVE:
        def_move_path(sc, i, buf, size);
        return buf;
    case ID_METER:
        return sc->meters[i].id;
    default:
        return sc->objectives[i].id;
    }
}

/* {id: count} of every entry (all: zeros too). */
static void add_counts(cJSON *o, const char *name, const stats *st, id_kind k, const long *v,
                       int all)
{
    char buf[160];
    cJSON *m = cJSON_AddObjectToObject(o, name);
    for (int i = 0; i < id_count(st->sc, k); i++)
        if (all || v[i])
            cJSON_AddNumberToObject(m, id_of(st->sc, k, i, buf, sizeof buf), (double)v[i]);
}

static cJSON *dist_json(const stats_dist *d)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *a = cJSON_AddArrayToObject(o, d->bin ? "bins" : "values");
    for (int i = 0; !d->bin && i < d->nvalues; i++) {
        double row[2] = {d->value[i], (double)d->count[i]};
        cJSON_AddItemToArray(a, cJSON_CreateDoubleArray(row, 2));
    }
    for (int k = 0; d->bin && k < STATS_BINS; k++)
        if (d->bin[k]) {
            double row[4] = {k, (double)d->bin[k], d->bin_lo[k], d->bin_hi[k]};
            cJSON_AddItemToArray(a, cJSON_CreateDoubleArray(row, 4));
        }
    return o;
}

static void add_check_json(cJSON *o, const stats *st)
{
    const def_scenario *sc = st->sc;
    cJSON *c = cJSON_AddObjectToObject(o, "check");
    add_counts(c, "avail", st, ID_MOVE, st->avail, 0);
    add_counts(c, "pin_lo", st, ID_METER, st->pin_lo, 0);
    add_counts(c, "pin_hi", st, ID_METER, st->pin_hi, 0);
    cJSON *dead = cJSON_AddObjectToObject(c, "dead");
    for (int i = 0; i < sc->nevents; i++) {
        if (!st->dead[i]) continue;
        char seed[24];
        str_fmt(seed, sizeof seed, "%" PRIu64, st->dead_seed[i]);
        cJSON *e = cJSON_AddArrayToObject(dead, sc->events[i].id);
        cJSON_AddItemToArray(e, cJSON_CreateNumber((double)st->dead[i]));
        cJSON_AddItemToArray(e, cJSON_CreateString(seed));
        cJSON_AddItemToArray(e, cJSON_CreateNumber(st->dead_turn[i]));
    }
}

cJSON *stats_to_json(const stats *st)
{
    const def_scenario *sc = st->sc;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "runs", (double)st->runs);
    cJSON_AddNumberToObject(o, "finished", (double)st->finished);
    cJSON_AddNumberToObject(o, "errors", (double)st->errors);
    add_counts(o, "endings", st, ID_ENDING, st->endings, 1);
    add_counts(o, "events", st, ID_EVENT, st->events, 1);
    add_counts(o, "moves", st, ID_MOVE, st->moves, 1);
    cJSON *r = cJSON_AddObjectToObject(o, "ratings");
    for (int i = 0; i < sc->nobjectives; i++) {
        double row[4];
        for (int k = 0; k < 4; k++) row[k] = (double)st->ratings[i * 4 + k];
        cJSON_AddItemToObject(r, sc->objectives[i].id, cJSON_CreateDoubleArray(row, 4));
    }
    cJSON *f = cJSON_AddObjectToObject(o, "finals");
    for (int i = 0; i < sc->nmeters; i++)
        cJSON_AddItemToObject(f, sc->meters[i].id, dist_json(&st->finals[i]));
    cJSON *e = cJSON_AddArrayToObject(o, "errors_kept");
    for (int i = 0; i < st->nerr; i++) {
        char seed[24];
        str_fmt(seed, sizeof seed, "%" PRIu64, st->err[i].seed);
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "seed", seed);
        cJSON_AddNumberToObject(x, "turn", st->err[i].turn);
        cJSON_AddStringToObject(x, "message", st->err[i].msg);
        cJSON_AddItemToArray(e, x);
    }
    add_check_json(o, st);
    return o;
}

/* Reading it back: every refusal says which field. */
typedef struct jread {
    char *err;
    size_t errlen;
    int bad;
} jread;

static void jfail(jread *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void jfail(jread *j, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!j->bad) vsnprintf(j->err, j->errlen, fmt, ap);
    va_end(ap);
    j->bad = 1;
}

/* A count: a whole number from 0 to 2^53. */
static long jcount(jread *j, const cJSON *v, const char *what)
{
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 9007199254740992.0 ||
        v->valuedouble != floor(v->valuedouble)) {
        jfail(j, "%s: not a count", what);
        return 0;
    }
    return (long)v->valuedouble;
}

static int jindex(const def_scenario *sc, id_kind k, const char *id)
{
    char buf[160];
    for (int i = 0; i < id_count(sc, k); i++)
        if (strcmp(id_of(sc, k, i, buf, sizeof buf), id) == 0) return i;
    return -1;
}

static const cJSON *jfield(jread *j, const cJSON *o, const char *name, int need)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v && need) jfail(j, "no \"%s\"", name);
    return v;
}

static void read_counts(jread *j, const cJSON *o, const char *name, const stats *st, id_kind k,
                        long *dst)
{
    const cJSON *m = jfield(j, o, name, 0), *e;
    if (m && !cJSON_IsObject(m)) jfail(j, "\"%s\" is not an object", name);
    cJSON_ArrayForEach(e, m)
    {
        int i = jindex(st->sc, k, e->string);
        if (i < 0) jfail(j, "unknown name '%s' (another scenario?)", e->string);
        if (j->bad) return;
        dst[i] = jcount(j, e, e->string);
    }
}

static double jnum(jread *j, const cJSON *a, int i, const char *what)
{
    const cJSON *v = cJSON_GetArrayItem(a, i);
    if (!cJSON_IsNumber(v)) jfail(j, "%s: not a number", what);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static void read_dist(jread *j, const cJSON *o, stats_dist *d, const char *meter)
{
    const cJSON *vals = cJSON_GetObjectItemCaseSensitive(o, "values");
    const cJSON *bins = cJSON_GetObjectItemCaseSensitive(o, "bins"), *row;
    if (!cJSON_IsArray(vals) && !cJSON_IsArray(bins)) jfail(j, "finals of '%s': no values", meter);
    cJSON_ArrayForEach(row, vals)
    {
        double x = jnum(j, row, 0, meter);
        long c = jcount(j, cJSON_GetArrayItem(row, 1), meter);
        if (!j->bad && (!stats_value_ok(d, x) || c == 0))
            jfail(j, "finals of '%s': a wrong value", meter);
        if (j->bad) return;
        stats_dist_add(d, x, c);
    }
    if (!cJSON_IsArray(bins)) return;
    if (!d->bin) stats_to_bins(d);
    cJSON_ArrayForEach(row, bins)
    {
        double k = jnum(j, row, 0, meter), lo = jnum(j, row, 2, meter), hi = jnum(j, row, 3, meter);
        long c = jcount(j, cJSON_GetArrayItem(row, 1), meter);
        if (!j->bad && (!(k >= 0 && k < STATS_BINS) || k != floor(k) || c == 0 ||
                        !stats_value_ok(d, lo) || !stats_value_ok(d, hi) || lo > hi ||
                        stats_bin_of(d, lo) != (int)k || stats_bin_of(d, hi) != (int)k))
            jfail(j, "finals of '%s': a wrong bin", meter);
        if (j->bad) return;
        stats_bin_add(d, (int)k, c, lo, hi);
        d->n += c;
    }
}

static void read_finals(jread *j, const cJSON *o, stats *st)
{
    const cJSON *f = jfield(j, o, "finals", 1), *e;
    cJSON_ArrayForEach(e, f)
    {
        int i = jindex(st->sc, ID_METER, e->string);
        if (i < 0) jfail(j, "unknown meter '%s' (another scenario?)", e->string);
        if (j->bad) return;
        read_dist(j, e, &st->finals[i], e->string);
    }
    for (int i = 0; i < st->sc->nmeters && !j->bad; i++)
        if (st->finals[i].n != st->finished)
            jfail(j, "finals of '%s': not one value per finished run", st->sc->meters[i].id);
}

static int jseed(jread *j, const cJSON *v, uint64_t *out)
{
    char *end;
    if (!cJSON_IsString(v) || !v->valuestring[0] || v->valuestring[0] == '-') {
        jfail(j, "%s: a seed is a string of digits", "seed");
        return -1;
    }
    *out = strtoull(v->valuestring, &end, 10);
    if (*end) jfail(j, "%s: a seed is a string of digits", "seed");
    return *end ? -1 : 0;
}

static void read_errors(jread *j, const cJSON *o, stats *st)
{
    const cJSON *e, *a = jfield(j, o, "errors_kept", 0);
    cJSON_ArrayForEach(e, a)
    {
        uint64_t seed;
        const cJSON *msg = cJSON_GetObjectItemCaseSensitive(e, "message");
        long turn = jcount(j, cJSON_GetObjectItemCaseSensitive(e, "turn"), "turn");
        if (jseed(j, cJSON_GetObjectItemCaseSensitive(e, "seed"), &seed) == 0 &&
            !cJSON_IsString(msg))
            jfail(j, "%s: no message", "errors_kept");
        if (j->bad) return;
        stats_keep_error(st, seed, (int)turn, msg->valuestring);
    }
}

static void read_check(jread *j, const cJSON *o, stats *st)
{
    const cJSON *c = jfield(j, o, "check", 0), *e;
    if (!c) return;
    read_counts(j, c, "avail", st, ID_MOVE, st->avail);
    read_counts(j, c, "pin_lo", st, ID_METER, st->pin_lo);
    read_counts(j, c, "pin_hi", st, ID_METER, st->pin_hi);
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(c, "dead"))
    {
        int i = jindex(st->sc, ID_EVENT, e->string);
        if (i < 0) jfail(j, "unknown event '%s' (another scenario?)", e->string);
        if (j->bad) return;
        st->dead[i] = jcount(j, cJSON_GetArrayItem(e, 0), e->string);
        jseed(j, cJSON_GetArrayItem(e, 1), &st->dead_seed[i]);
        st->dead_turn[i] = (int)jcount(j, cJSON_GetArrayItem(e, 2), e->string);
    }
}

int stats_from_json(stats *st, const cJSON *o, char *err, size_t errlen)
{
    jread j = {err, errlen, 0};
    if (!cJSON_IsObject(o)) jfail(&j, "%s", "the figures are not a JSON object");
    st->runs = jcount(&j, jfield(&j, o, "runs", 1), "runs");
    st->finished = jcount(&j, jfield(&j, o, "finished", 1), "finished");
    st->errors = jcount(&j, jfield(&j, o, "errors", 1), "errors");
    read_counts(&j, o, "endings", st, ID_ENDING, st->endings);
    read_counts(&j, o, "events", st, ID_EVENT, st->events);
    read_counts(&j, o, "moves", st, ID_MOVE, st->moves);
    const cJSON *r = jfield(&j, o, "ratings", 0), *e;
    cJSON_ArrayForEach(e, r)
    {
        int i = jindex(st->sc, ID_OBJECTIVE, e->string);
        if (i < 0) jfail(&j, "unknown objective '%s' (another scenario?)", e->string);
        for (int k = 0; k < 4 && !j.bad; k++)
            st->ratings[i * 4 + k] = jcount(&j, cJSON_GetArrayItem(e, k), e->string);
    }
    if (!j.bad) read_finals(&j, o, st);
    if (!j.bad) read_errors(&j, o, st);
    if (!j.bad) read_check(&j, o, st);
    return j.bad ? -1 : 0;
}
