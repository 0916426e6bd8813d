/*
 * test_stats.c -- what many runs add up to (stats.h): final meter values as
 * a distribution of bounded size, exact while there are few distinct values
 * and within one bin past them; merging in any order and through the pipe
 * and JSON forms gives what adding the runs would.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "rng.h"
#include "stats.h"
#include "util.h"

static def_scenario *make_scenario(void)
{
    def_scenario *sc = def_new();
    sc->id = xstrdup("unit");
    def_role *r = def_add_role(sc);
    r->id = xstrdup("a"), r->name = xstrdup("A");
    def_meter *m = def_add_meter(sc);
    m->id = xstrdup("m"), m->name = xstrdup("M");
    m->min = 0, m->max = 100, m->start = 50;
    def_add_turn(sc, "T1");
    def_event *e = def_add_event(sc);
    e->id = xstrdup("e1"), e->title = xstrdup("E1"), e->text = xstrdup("t"), e->turn = 1;
    def_ending *end = def_add_ending(sc);
    end->id = xstrdup("end"), end->title = xstrdup("End"), end->text = xstrdup("t");
    def_objective *o = def_add_objective(sc);
    o->id = xstrdup("o"), o->title = xstrdup("O");
    def_finish(sc);
    return sc;
}

/* One finished run whose meter ended at x (a game as stats_end reads it). */
static void add_run(stats *st, double x, uint64_t seed)
{
    double meter[2] = {x}, history[4] = {0};
    uint8_t ev[2] = {0};
    int uses[2] = {0};
    char ratings[2] = "P";
    game g = {.sc = st->sc,
              .turn = 1,
              .ended = 1,
              .ending = 0,
              .meter = meter,
              .history = history,
              .ev = ev,
              .uses = uses,
              .ratings = ratings};
    stats_begin(st);
    stats_end(st, &g, seed);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest rank of n sorted values. */
static double exact_percentile(const double *sorted, long n, double q)
{
    long k = (long)ceil(q * (double)n) - 1;
    return sorted[k < 0 ? 0 : k >= n ? n - 1 : k];
}

static char *json_of(const stats *st)
{
    cJSON *o = stats_to_json(st);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

static const double qs[] = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};

/* Whole values in 0..100: exact, and the memory is that of 101 values. */
static void test_exact(const def_scenario *sc)
{
    enum { N = 20000 };
    static double v[N];
    rng r;
    rng_seed(&r, 1, RNG_STREAM_GAME);
    stats st;
    stats_init(&st, sc);
    for (long i = 0; i < N; i++) {
        v[i] = (double)rng_range(&r, 0, 100);
        add_run(&st, v[i], (uint64_t)i);
    }
    qsort(v, N, sizeof *v, cmp_double);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
        CHECK_MSG(stats_percentile(&st, 0, qs[i]) == exact_percentile(v, N, qs[i]), "q %g", qs[i]);
    CHECK(st.finals[0].bin == NULL && st.finals[0].nvalues == 101 && st.finals[0].n == N);
    stats_free(&st);
}

/* Fractional values, far more distinct ones than are kept: each percentile
   within one bin's width of the exact one, in bounded memory. */
static void test_binned(const def_scenario *sc)
{
    enum { N = 50000 };
    static double v[N];
    rng r;
    rng_seed(&r, 2, RNG_STREAM_GAME);
    stats st;
    stats_init(&st, sc);
    for (long i = 0; i < N; i++) {
        v[i] = 100 * rng_unit(&r) * rng_unit(&r); /* not uniform: bins fill unevenly */
        add_run(&st, v[i], (uint64_t)i);
    }
    qsort(v, N, sizeof *v, cmp_double);
    double width = 100.0 / STATS_BINS;
    CHECK(st.finals[0].bin != NULL && st.finals[0].value == NULL);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        double got = stats_percentile(&st, 0, qs[i]), want = exact_percentile(v, N, qs[i]);
        CHECK_MSG(fabs(got - want) <= width, "q %g: %.17g, exact %.17g", qs[i], got, want);
    }
    CHECK(stats_percentile(&st, 0, 0) == v[0] && stats_percentile(&st, 0, 1) == v[N - 1]);
    stats_free(&st);
}

/* The same runs split into parts, merged in another order, through the pipe
   and the JSON forms: the same figures, to the byte. Split so that no part
   alone has more distinct values than are kept exactly, but all do. */
static void test_merge(const def_scenario *sc)
{
    enum { N = 9000, PARTS = 3 };
    stats whole, part[PARTS], merged, piped, back;
    stats_init(&whole, sc), stats_init(&merged, sc), stats_init(&piped, sc);
    for (int p = 0; p < PARTS; p++) stats_init(&part[p], sc);
    for (long i = 0; i < N; i++) {
        double x = (double)(i % 6000) / 60.0;
        add_run(&whole, x, (uint64_t)i);
        add_run(&part[(i * 7) % PARTS], x, (uint64_t)i);
    }
    for (int p = PARTS - 1; p >= 0; p--) stats_merge(&merged, &part[p]);
    for (int p = 0; p < PARTS; p++) {
        strbuf b = {0};
        stats tmp;
        stats_init(&tmp, sc);
        stats_write(&part[p], &b);
        CHECK(stats_read(&tmp, b.s, b.len) == 0);
        stats_merge(&piped, &tmp);
        stats_free(&tmp), sb_free(&b);
        CHECK(part[p].finals[0].bin == NULL);
    }
    char *w = json_of(&whole), *m = json_of(&merged), *pj = json_of(&piped);
    CHECK(whole.finals[0].bin != NULL);
    CHECK_MSG(strcmp(m, w) == 0, "merged in another order: other figures");
    CHECK_MSG(strcmp(pj, w) == 0, "through the pipe form: other figures");
    stats_init(&back, sc);
    cJSON *o = cJSON_Parse(w);
    char err[256] = "";
    CHECK_MSG(stats_from_json(&back, o, err, sizeof err) == 0, "%s", err);
    char *bj = json_of(&back);
    CHECK_MSG(strcmp(bj, w) == 0, "through the JSON form: other figures");
    CHECK(stats_percentile(&back, 0, 0.5) == stats_percentile(&whole, 0, 0.5));
    cJSON_Delete(o);
    free(w), free(m), free(pj), free(bj);
    stats_free(&whole), stats_free(&merged), stats_free(&piped), stats_free(&back);
    for (int p = 0; p < PARTS; p++) stats_free(&part[p]);
}

/* The JSON form is untrusted (it comes from other machines): refused with
   the field when it does not fit the scenario. */
static void test_json_refusals(const def_scenario *sc)
{
    const char *bad[][2] = {
        {"{\"runs\":1,\"finished\":0,\"errors\":0,\"endings\":{\"nope\":1},\"finals\":{}}",
         "unknown name 'nope'"},
        {"{\"runs\":1,\"finished\":1,\"errors\":0,\"finals\":{\"m\":{\"values\":[[500,1]]}}}",
         "finals of 'm': a wrong value"},
        {"{\"runs\":1,\"finished\":2,\"errors\":0,\"finals\":{\"m\":{\"values\":[[5,1]]}}}",
         "not one value per finished run"},
        {"{\"runs\":1,\"finished\":1,\"errors\":0,\"finals\":{\"m\":{\"bins\":[[0,1,50,50]]}}}",
         "a wrong bin"},
        {"{\"runs\":-1,\"finished\":0,\"errors\":0,\"finals\":{}}", "runs: not a count"},
        {"{\"runs\":1,\"finished\":0,\"errors\":1,\"finals\":{},"
         "\"errors_kept\":[{\"seed\":\"-1\",\"turn\":1,\"message\":\"x\"}]}",
         "a seed is a string of digits"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        stats st;
        stats_init(&st, sc);
        cJSON *o = cJSON_Parse(bad[i][0]);
        char err[256] = "";
        CHECK_MSG(stats_from_json(&st, o, err, sizeof err) == -1, "accepted %s", bad[i][0]);
        CHECK_STR_HAS(err, bad[i][1]);
        cJSON_Delete(o);
        stats_free(&st);
    }
}

int main(void)
{
    def_scenario *sc = make_scenario();
    test_exact(sc);
    test_binned(sc);
    test_merge(sc);
    test_json_refusals(sc);
    def_free(sc);
    return check_report("stats");
}
