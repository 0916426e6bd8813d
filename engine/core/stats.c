/*
 * stats.c -- see stats.h.
 */
#include "stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats_int.h"
#include "util.h"

#define STATS_MAGIC 0x43525354u /* "CRST": a guard against a torn pipe */

static long *longs(int n)
{
    return xcalloc((size_t)n + 1, sizeof(long));
}

/* Final values ------------------------------------------------------------------- */

/* The bin of x, by its place between the bounds (halved, so that no
   difference of two finite numbers overflows). */
int stats_bin_of(const stats_dist *d, double x)
{
    double span = d->max / 2 - d->min / 2;
    double t = span > 0 ? (x / 2 - d->min / 2) / span : 0;
    if (!(t > 0)) return 0;
    return t >= 1 ? STATS_BINS - 1 : (int)(t * STATS_BINS);
}

void stats_bin_add(stats_dist *d, int b, long count, double lo, double hi)
{
    if (!d->bin[b] || lo < d->bin_lo[b]) d->bin_lo[b] = lo;
    if (!d->bin[b] || hi > d->bin_hi[b]) d->bin_hi[b] = hi;
    d->bin[b] += count;
}

void stats_to_bins(stats_dist *d)
{
    d->bin = xcalloc(STATS_BINS, sizeof(long));
    d->bin_lo = xcalloc(STATS_BINS, sizeof(double));
    d->bin_hi = xcalloc(STATS_BINS, sizeof(double));
    for (int i = 0; i < d->nvalues; i++)
        stats_bin_add(d, stats_bin_of(d, d->value[i]), d->count[i], d->value[i], d->value[i]);
    free(d->value), free(d->count);
    d->value = NULL, d->count = NULL;
    d->nvalues = d->cvalues = 0;
}

/* count more values x. */
void stats_dist_add(stats_dist *d, double x, long count)
{
    if (x == 0) x = 0; /* -0.0 and 0.0 are one value, printed one way */
    d->n += count;
    if (d->bin) {
        stats_bin_add(d, stats_bin_of(d, x), count, x, x);
        return;
    }
    int lo = 0, hi = d->nvalues;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (d->value[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->nvalues && d->value[lo] == x) {
        d->count[lo] += count;
        return;
    }
    if (d->nvalues == STATS_EXACT_VALUES) {
        stats_to_bins(d);
        stats_bin_add(d, stats_bin_of(d, x), count, x, x);
        return;
    }
    if (d->nvalues == d->cvalues) {
        d->cvalues = d->cvalues ? d->cvalues * 2 : 16;
        d->value = xrealloc(d->value, sizeof(double) * (size_t)d->cvalues);
        d->count = xrealloc(d->count, sizeof(long) * (size_t)d->cvalues);
    }
    memmove(&d->value[lo + 1], &d->value[lo], sizeof(double) * (size_t)(d->nvalues - lo));
    memmove(&d->count[lo + 1], &d->count[lo], sizeof(long) * (size_t)(d->nvalues - lo));
    d->value[lo] = x, d->count[lo] = count;
    d->nvalues++;
}

static void dist_merge(stats_dist *into, const stats_dist *from)
{
    if (!from->bin) {
        for (int i = 0; i < from->nvalues; i++)
            stats_dist_add(into, from->value[i], from->count[i]);
        return;
    }
    if (!into->bin) stats_to_bins(into);
    for (int b = 0; b < STATS_BINS; b++)
        if (from->bin[b]) stats_bin_add(into, b, from->bin[b], from->bin_lo[b], from->bin_hi[b]);
    into->n += from->n;
}

static void dist_free(stats_dist *d)
{
    free(d->value), free(d->count), free(d->bin), free(d->bin_lo), free(d->bin_hi);
}

/* The k-th smallest value (0-based). In a bin of several values: its
   smallest for the bin's first rank, its largest for the last, and the
   middle of the two between. */
static double dist_rank(const stats_dist *d, long k)
{
    long seen = 0;
    for (int i = 0; !d->bin && i < d->nvalues; i++)
        if (k < (seen += d->count[i])) return d->value[i];
    for (int b = 0; d->bin && b < STATS_BINS; b++) {
        if (!d->bin[b] || k >= seen + d->bin[b]) {
            seen += d->bin[b];
            continue;
        }
        long r = k - seen;
        return r == 0               ? d->bin_lo[b]
               : r == d->bin[b] - 1 ? d->bin_hi[b]
                                    : d->bin_lo[b] / 2 + d->bin_hi[b] / 2;
    }
    return d->max;
}

void stats_init(stats *st, const def_scenario *sc)
{
    memset(st, 0, sizeof *st);
    st->sc = sc;
    st->endings = longs(sc->nendings);
    st->events = longs(sc->nevents);
    st->moves = longs(sc->nmoves);
    st->ratings = longs(sc->nobjectives * 4);
    st->finals = xcalloc((size_t)sc->nmeters + 1, sizeof *st->finals);
    for (int i = 0; i < sc->nmeters; i++)
        st->finals[i].min = sc->meters[i].min, st->finals[i].max = sc->meters[i].max;
    st->avail = longs(sc->nmoves);
    st->pin_lo = longs(sc->nmeters);
    st->pin_hi = longs(sc->nmeters);
    st->dead = longs(sc->nevents);
    st->dead_seed = xcalloc((size_t)sc->nevents + 1, sizeof(uint64_t));
    st->dead_turn = xcalloc((size_t)sc->nevents + 1, sizeof(int));
    st->run_avail = xcalloc((size_t)sc->nmoves + 1, 1);
    st->run_dead = xcalloc((size_t)sc->nevents + 1, 1);
    st->run_dead_turn = xcalloc((size_t)sc->nevents + 1, sizeof(int));
}

void stats_free(stats *st)
{
    for (int i = 0; st->finals && i < st->sc->nmeters; i++) dist_free(&st->finals[i]);
    free(st->endings), free(st->events), free(st->moves), free(st->ratings);
    free(st->finals), free(st->avail), free(st->pin_lo), free(st->pin_hi);
    free(st->dead), free(st->dead_seed), free(st->dead_turn);
    free(st->run_avail), free(st->run_dead), free(st->run_dead_turn);
    for (int i = 0; i < st->nerr; i++) free(st->err[i].msg);
    memset(st, 0, sizeof *st);
}

/* One run ---------------------------------------------------------------------- */

void stats_begin(stats *st)
{
    memset(st->run_avail, 0, (size_t)st->sc->nmoves);
    memset(st->run_dead, 0, (size_t)st->sc->nevents);
}

/* Options of the role's open decisions; a dead end when none is available
   and the decision has no deadline to close it. */
static int observe_decisions(stats *st, game *g, int move_start)
{
    int items[64], n = game_open_decisions(g, g->role, items, 64);
    for (int i = 0; i < n; i++) {
        int event = g->items[items[i]].event, any = 0;
        const def_event *e = &st->sc->events[event];
        for (int k = 0; k < e->noptions; k++) {
            int rc = game_move_available(g, e->options[k], g->role, NULL, 0);
            if (rc < 0 || g->failed) return -1;
            if (rc) st->run_avail[e->options[k]] = any = 1;
        }
        int closes = e->expires && e->default_option >= 0;
        if (move_start && !any && !closes && !st->run_dead[event]) {
            st->run_dead[event] = 1;
            st->run_dead_turn[event] = g->turn;
        }
    }
    return 0;
}

int stats_observe(stats *st, game *g, int move_start)
{
    if (g->ended) return 0;
    if (observe_decisions(st, g, move_start)) return -1;
    for (int i = 0; i < st->sc->nactions; i++) {
        int mv = st->sc->actions[i];
        if (st->sc->moves[mv].role != g->role || st->run_avail[mv]) continue;
        int rc = game_move_available(g, mv, g->role, NULL, 0);
        if (rc < 0 || g->failed) return -1;
        if (rc) st->run_avail[mv] = 1;
    }
    return 0;
}

/* Whether a meter sat at a bound for more than half the turns played. */
static void count_pinned(stats *st, const game *g)
{
    const def_scenario *sc = st->sc;
    int turns = g->turn;
    for (int m = 0; m < sc->nmeters; m++) {
        int lo = 0, hi = 0;
        for (int t = 1; t <= turns; t++) {
            double v = g->history[(size_t)t * (size_t)sc->nmeters + (size_t)m];
            lo += v <= sc->meters[m].min;
            hi += v >= sc->meters[m].max;
        }
        st->pin_lo[m] += 2 * lo > turns;
        st->pin_hi[m] += 2 * hi > turns;
    }
}

static void count_outcome(stats *st, const game *g)
{
    const def_scenario *sc = st->sc;
    static const char rated[] = "PSMU";
    st->finished++;
    st->endings[g->ending]++;
    for (int i = 0; i < sc->nobjectives; i++) {
        const char *at = strchr(rated, g->ratings[i]);
        st->ratings[i * 4 + (at && *at ? at - rated : 3)]++;
    }
    for (int i = 0; i < sc->nmeters; i++) stats_dist_add(&st->finals[i], g->meter[i], 1);
    count_pinned(st, g);
}

/* An event the run suspended after its `when` failed (game.h): an error of
   the run, though the run went on. */
static void note_broken(stats *st, const game *g, uint64_t seed)
{
    for (int b = game_next_broken(g, -1), first = 1; b >= 0; b = game_next_broken(g, b)) {
        strbuf msg = {0};
        sb_printf(&msg, "%s%s", GAME_SUSPENDED, g->log[b].text);
        if (first) /* one run, one error, however many events it suspended */
            stats_fail(st, seed, g->log[b].turn, msg.s);
        else
            stats_keep_error(st, seed, g->log[b].turn, msg.s);
        first = 0;
        sb_free(&msg);
    }
}

void stats_end(stats *st, const game *g, uint64_t seed)
{
    const def_scenario *sc = st->sc;
    if (g) note_broken(st, g, seed);
    st->runs++;
    if (g && g->ended && !g->failed) count_outcome(st, g);
    if (g)
        for (int i = 0; i < sc->nevents; i++) st->events[i] += g->ev[i] == EV_DELIVERED;
    for (int i = 0; g && i < g->nitems; i++)
        if (g->items[i].option >= 0) st->moves[g->items[i].option]++;
    for (int i = 0; g && i < sc->nactions; i++)
        st->moves[sc->actions[i]] += g->uses[sc->actions[i]];
    for (int i = 0; i < sc->nmoves; i++) st->avail[i] += st->run_avail[i];
    for (int i = 0; i < sc->nevents; i++) {
        if (!st->run_dead[i]) continue;
        if (!st->dead[i]++ || seed < st->dead_seed[i]) {
            st->dead_seed[i] = seed;
            st->dead_turn[i] = st->run_dead_turn[i];
        }
    }
}

/* Keep the errors of the smallest seeds, sorted by seed. */
void stats_keep_error(stats *st, uint64_t seed, int turn, const char *msg)
{
    int at = st->nerr;
    while (at > 0 && st->err[at - 1].seed > seed) at--;
    if (at >= STATS_KEEP_ERRORS) return;
    if (st->nerr == STATS_KEEP_ERRORS) free(st->err[--st->nerr].msg);
    memmove(&st->err[at + 1], &st->err[at], sizeof st->err[0] * (size_t)(st->nerr - at));
    st->err[at] = (stats_error){seed, turn, xstrdup(msg)};
    st->nerr++;
}

void stats_fail(stats *st, uint64_t seed, int turn, const char *msg)
{
    st->errors++;
    stats_keep_error(st, seed, turn, msg);
}

/* Merging and the pipe form ----------------------------------------------------- */

static void add_longs(long *a, const long *b, int n)
{
    for (int i = 0; i < n; i++) a[i] += b[i];
}

void stats_merge(stats *into, const stats *from)
{
    const def_scenario *sc = into->sc;
    into->runs += from->runs;
    into->errors += from->errors;
    add_longs(into->endings, from->endings, sc->nendings);
    add_longs(into->events, from->events, sc->nevents);
    add_longs(into->moves, from->moves, sc->nmoves);
    add_longs(into->ratings, from->ratings, sc->nobjectives * 4);
    add_longs(into->avail, from->avail, sc->nmoves);
    add_longs(into->pin_lo, from->pin_lo, sc->nmeters);
    add_longs(into->pin_hi, from->pin_hi, sc->nmeters);
    for (int i = 0; i < sc->nevents; i++) {
        if (!from->dead[i]) continue;
        if (!into->dead[i] || from->dead_seed[i] < into->dead_seed[i]) {
            into->dead_seed[i] = from->dead_seed[i];
            into->dead_turn[i] = from->dead_turn[i];
        }
        into->dead[i] += from->dead[i];
    }
    for (int i = 0; i < from->nerr; i++)
        stats_keep_error(into, from->err[i].seed, from->err[i].turn, from->err[i].msg);
    for (int i = 0; i < sc->nmeters; i++) dist_merge(&into->finals[i], &from->finals[i]);
    into->finished += from->finished;
}

static void put(strbuf *b, const void *p, size_t n)
{
    sb_add(b, p, n);
}

static void put_long(strbuf *b, long v)
{
    int64_t x = v;
    put(b, &x, sizeof x);
}

static void put_longs(strbuf *b, const long *v, int n)
{
    for (int i = 0; i < n; i++) put_long(b, v[i]);
}

static void put_dist(strbuf *b, const stats_dist *d)
{
    put_long(b, d->bin ? -1 : d->nvalues);
    for (int i = 0; !d->bin && i < d->nvalues; i++) {
        put(b, &d->value[i], sizeof(double));
        put_long(b, d->count[i]);
    }
    for (int k = 0; d->bin && k < STATS_BINS; k++)
        if (d->bin[k]) {
            put_long(b, k), put_long(b, d->bin[k]);
            put(b, &d->bin_lo[k], sizeof(double)), put(b, &d->bin_hi[k], sizeof(double));
        }
    if (d->bin) put_long(b, -1); /* the end of the bins */
}

void stats_write(const stats *st, strbuf *out)
{
    const def_scenario *sc = st->sc;
    uint32_t magic = STATS_MAGIC;
    put(out, &magic, sizeof magic);
    put_long(out, st->runs), put_long(out, st->finished), put_long(out, st->errors);
    put_longs(out, st->endings, sc->nendings);
    put_longs(out, st->events, sc->nevents);
    put_longs(out, st->moves, sc->nmoves);
    put_longs(out, st->ratings, sc->nobjectives * 4);
    put_longs(out, st->avail, sc->nmoves);
    put_longs(out, st->pin_lo, sc->nmeters);
    put_longs(out, st->pin_hi, sc->nmeters);
    put_longs(out, st->dead, sc->nevents);
    put(out, st->dead_seed, sizeof(uint64_t) * (size_t)sc->nevents);
    put(out, st->dead_turn, sizeof(int) * (size_t)sc->nevents);
    for (int i = 0; i < sc->nmeters; i++) put_dist(out, &st->finals[i]);
    put_long(out, st->nerr);
    for (int i = 0; i < st->nerr; i++) {
        put(out, &st->err[i].seed, sizeof(uint64_t));
        put_long(out, st->err[i].turn);
        put_long(out, (long)strlen(st->err[i].msg));
        put(out, st->err[i].msg, strlen(st->err[i].msg));
    }
    put(out, &magic, sizeof magic);
}

typedef struct reader {
    const char *p, *end;
    int bad;
} reader;

static void get(reader *r, void *dst, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        memset(dst, 0, n);
        return;
    }
    memcpy(dst, r->p, n);
    r->p += n;
}

static long get_long(reader *r)
{
    int64_t x;
    get(r, &x, sizeof x);
    return (long)x;
}

static void get_longs(reader *r, long *v, int n)
{
    for (int i = 0; i < n; i++) v[i] = get_long(r);
}

static double get_double(reader *r)
{
    double x;
    get(r, &x, sizeof x);
    return x;
}

/* A value that could be a meter's: finite, inside its bounds. */
int stats_value_ok(const stats_dist *d, double x)
{
    return isfinite(x) && x >= d->min && x <= d->max;
}

static void get_dist(reader *r, stats_dist *d)
{
    long n = get_long(r);
    for (long i = 0; i < n && !r->bad; i++) {
        double x = get_double(r);
        long c = get_long(r);
        if (!stats_value_ok(d, x) || c <= 0) r->bad = 1;
        if (!r->bad) stats_dist_add(d, x, c);
    }
    if (n >= 0 || r->bad) return;
    stats_to_bins(d);
    for (long k; (k = get_long(r)) >= 0 && !r->bad;) {
        long c = get_long(r);
        double lo = get_double(r), hi = get_double(r);
        if (k >= STATS_BINS || c <= 0 || !stats_value_ok(d, lo) || !stats_value_ok(d, hi) ||
            lo > hi)
            r->bad = 1;
        else
            stats_bin_add(d, (int)k, c, lo, hi), d->n += c;
    }
}

/* The figures a worker wrote with stats_write (st freshly initialised). */
int stats_read(stats *st, const char *buf, size_t len)
{
    const def_scenario *sc = st->sc;
    reader r = {buf, buf + len, 0};
    uint32_t magic;
    get(&r, &magic, sizeof magic);
    if (magic != STATS_MAGIC) return -1;
    st->runs = get_long(&r), st->finished = get_long(&r), st->errors = get_long(&r);
    get_longs(&r, st->endings, sc->nendings);
    get_longs(&r, st->events, sc->nevents);
    get_longs(&r, st->moves, sc->nmoves);
    get_longs(&r, st->ratings, sc->nobjectives * 4);
    get_longs(&r, st->avail, sc->nmoves);
    get_longs(&r, st->pin_lo, sc->nmeters);
    get_longs(&r, st->pin_hi, sc->nmeters);
    get_longs(&r, st->dead, sc->nevents);
    get(&r, st->dead_seed, sizeof(uint64_t) * (size_t)sc->nevents);
    get(&r, st->dead_turn, sizeof(int) * (size_t)sc->nevents);
    for (int i = 0; i < sc->nmeters && !r.bad; i++) {
        get_dist(&r, &st->finals[i]);
        if (st->finals[i].n != st->finished) r.bad = 1;
    }
    if (r.bad) return -1;
    long nerr = get_long(&r);
    for (long i = 0; i < nerr && i < STATS_KEEP_ERRORS && !r.bad; i++) {
        uint64_t seed;
        get(&r, &seed, sizeof seed);
        int turn = (int)get_long(&r);
        long n = get_long(&r);
        if (n < 0 || n > r.end - r.p) return -1;
        char *msg = xstrndup(r.p, (size_t)n);
        r.p += n;
        stats_keep_error(st, seed, turn, msg);
        free(msg);
    }
    get(&r, &magic, sizeof magic);
    return r.bad || magic != STATS_MAGIC ? -1 : 0;
}

/* Figures ----------------------------------------------------------------------- */

double stats_percentile(const stats *st, int meter, double q)
{
    long n = st->finals[meter].n;
    if (n == 0) return 0;
    long k = (long)ceil(q * (double)n) - 1;
    return dist_rank(&st->finals[meter], k < 0 ? 0 : k >= n ? n - 1 : k);
}

static void never_findings(const stats *st, lint_list *out)
{
    const def_scenario *sc = st->sc;
    for (int i = 0; i < sc->nevents; i++)
        if (!st->events[i])
            lint_add(out, LINT_WARNING, sc->events[i].at,
                     "event '%s' was never delivered in %ld runs", sc->events[i].id, st->runs),
                lint_tag(out, LINT_R_RUN_UNDELIVERED, i);
    for (int i = 0; i < sc->nmoves; i++) {
        char path[160];
        def_move_path(sc, i, path, sizeof path);
        if (!st->avail[i])
            lint_add(out, LINT_WARNING, sc->moves[i].at, "%s '%s' was never available in %ld runs",
                     sc->moves[i].event >= 0 ? "option" : "action", path, st->runs),
                lint_tag(out, LINT_R_RUN_UNAVAILABLE, i);
    }
    for (int i = 0; i < sc->nendings; i++)
        if (!st->endings[i])
            lint_add(out, LINT_WARNING, sc->endings[i].at,
                     "ending '%s' was never reached in %ld runs", sc->endings[i].id, st->runs),
                lint_tag(out, LINT_R_RUN_UNREACHED, i);
}

static void dead_findings(const stats *st, lint_list *out)
{
    const def_scenario *sc = st->sc;
    for (int i = 0; i < sc->nevents; i++)
        if (st->dead[i])
            lint_add(out, LINT_WARNING, sc->events[i].at,
                     "dead end: event '%s' left %s with an open decision, no option available and "
                     "no deadline in %ld of %ld runs (first: seed %llu, turn %d); give it "
                     "`expires` and a `default`, or an option that is always available",
                     sc->events[i].id, sc->roles[sc->events[i].decider].id, st->dead[i], st->runs,
                     (unsigned long long)st->dead_seed[i], st->dead_turn[i]),
                lint_tag(out, LINT_R_RUN_DEAD_END, i);
}

static void pinned_findings(const stats *st, lint_list *out)
{
    const def_scenario *sc = st->sc;
    for (int m = 0; m < sc->nmeters; m++) {
        const def_meter *mt = &sc->meters[m];
        long lo = st->pin_lo[m], hi = st->pin_hi[m];
        if (2 * lo <= st->finished && 2 * hi <= st->finished) continue;
        lint_add(out, LINT_WARNING, mt->at,
                 "meter '%s' sat at its %s (%g) for most turns in %ld of %ld runs", mt->id,
                 hi > lo ? "max" : "min", hi > lo ? mt->max : mt->min, hi > lo ? hi : lo,
                 st->finished);
        lint_tag(out, LINT_R_RUN_PINNED, m);
    }
}

/* One error per distinct message among those kept. */
static void error_findings(const stats *st, lint_list *out)
{
    for (int i = 0; i < st->nerr; i++) {
        int seen = 0;
        for (int k = 0; k < i && !seen; k++) seen = strcmp(st->err[k].msg, st->err[i].msg) == 0;
        if (seen) continue;
        def_where at;
        char rest[2048];
        const char *msg = st->err[i].msg;
        int went_on = strncmp(msg, GAME_SUSPENDED, strlen(GAME_SUSPENDED)) == 0;
        lint_script_error(st->sc, msg + (went_on ? strlen(GAME_SUSPENDED) : 0), &at, rest,
                          sizeof rest);
        if (went_on) /* its first line only: the words can follow */
            lint_add(out, LINT_ERROR, at,
                     "run with seed %llu, turn %d: %s; in play the event is suspended and the game "
                     "goes on without it",
                     (unsigned long long)st->err[i].seed, st->err[i].turn, rest);
        else
            lint_add(out, LINT_ERROR, at, "run with seed %llu failed at turn %d: %s",
                     (unsigned long long)st->err[i].seed, st->err[i].turn, rest);
        lint_tag(out, LINT_R_RUN_ERROR, -1);
    }
    if (st->errors > 1)
        lint_add(out, LINT_NOTE, st->sc->at, "%ld of %ld runs met a script error", st->errors,
                 st->runs);
}

void stats_findings(const stats *st, lint_list *out)
{
    error_findings(st, out);
    never_findings(st, out);
    dead_findings(st, out);
    pinned_findings(st, out);
}
