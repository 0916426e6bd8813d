/*
 * stats.c -- see stats.h.
 */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define STATS_MAGIC 0x43525354u /* "CRST": a guard against a torn pipe */

static long *longs(int n)
{
    return xcalloc((size_t)n + 1, sizeof(long));
}

void stats_init(stats *st, const def_scenario *sc)
{
    memset(st, 0, sizeof *st);
    st->sc = sc;
    st->endings = longs(sc->nendings);
    st->events = longs(sc->nevents);
    st->moves = longs(sc->nmoves);
    st->ratings = longs(sc->nobjectives * 4);
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
    if (st->finished > st->cfinals) {
        st->cfinals = st->cfinals ? st->cfinals * 2 : 64;
        st->finals =
            xrealloc(st->finals, sizeof(double) * (size_t)st->cfinals * (size_t)(sc->nmeters + 1));
    }
    memcpy(&st->finals[(st->finished - 1) * sc->nmeters], g->meter,
           sizeof(double) * (size_t)sc->nmeters);
    count_pinned(st, g);
}

void stats_end(stats *st, const game *g, uint64_t seed)
{
    const def_scenario *sc = st->sc;
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
static void keep_error(stats *st, uint64_t seed, int turn, const char *msg)
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
    keep_error(st, seed, turn, msg);
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
        keep_error(into, from->err[i].seed, from->err[i].turn, from->err[i].msg);
    size_t row = (size_t)sc->nmeters;
    into->finals = xrealloc(into->finals, sizeof(double) * (row + 1) *
                                              (size_t)(into->finished + from->finished + 1));
    memcpy(&into->finals[(size_t)into->finished * row], from->finals,
           sizeof(double) * row * (size_t)from->finished);
    into->finished += from->finished;
    into->cfinals = into->finished + 1;
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
    put(out, st->finals, sizeof(double) * (size_t)sc->nmeters * (size_t)st->finished);
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
    if (r.bad || st->finished < 0 || st->finished > (long)(len / sizeof(double))) return -1;
    st->cfinals = st->finished + 1;
    st->finals =
        xrealloc(st->finals, sizeof(double) * (size_t)(sc->nmeters + 1) * (size_t)st->cfinals);
    get(&r, st->finals, sizeof(double) * (size_t)sc->nmeters * (size_t)st->finished);
    long nerr = get_long(&r);
    for (long i = 0; i < nerr && i < STATS_KEEP_ERRORS && !r.bad; i++) {
        uint64_t seed;
        get(&r, &seed, sizeof seed);
        int turn = (int)get_long(&r);
        long n = get_long(&r);
        if (n < 0 || n > r.end - r.p) return -1;
        char *msg = xstrndup(r.p, (size_t)n);
        r.p += n;
        keep_error(st, seed, turn, msg);
        free(msg);
    }
    get(&r, &magic, sizeof magic);
    return r.bad || magic != STATS_MAGIC ? -1 : 0;
}

/* Figures ----------------------------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double stats_percentile(const stats *st, int meter, double q)
{
    long n = st->finished;
    if (n == 0) return 0;
    double *v = xmalloc(sizeof(double) * (size_t)n);
    for (long i = 0; i < n; i++) v[i] = st->finals[i * st->sc->nmeters + meter];
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    long k = (long)ceil(q * (double)n) - 1;
    double x = v[k < 0 ? 0 : k >= n ? n - 1 : k];
    free(v);
    return x;
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
                     sc->moves[i].event >= 0 ? "option" : "action", path, st->runs);
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
                     "no deadline in %ld of %ld runs (first: seed %llu, turn %d)",
                     sc->events[i].id, sc->roles[sc->events[i].decider].id, st->dead[i], st->runs,
                     (unsigned long long)st->dead_seed[i], st->dead_turn[i]);
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
    }
}

/* Where a script error points: the first "file:line: " of one of the
   scenario's files on its first line (after the callback's name, which the
   host puts first), else the scenario{} call. The message goes to buf with
   the callback's name moved to the end. */
static void error_where(const def_scenario *sc, const char *msg, def_where *at, char *buf,
                        size_t size)
{
    *at = sc->at;
    str_fmt(buf, size, "%s", msg);
    for (const char *p = msg; *p && *p != '\n'; p++)
        for (int i = 0; i < sc->nfiles; i++) {
            size_t n = strlen(sc->files[i]);
            if (strncmp(p, sc->files[i], n) != 0 || p[n] != ':') continue;
            char *end;
            long line = strtol(p + n + 1, &end, 10);
            if (end == p + n + 1 || end[0] != ':' || end[1] != ' ') continue;
            at->file = sc->files[i];
            at->line = (int)line;
            int pre = (int)(p - msg);
            while (pre > 0 && (msg[pre - 1] == ' ' || msg[pre - 1] == ':')) pre--;
            const char *rest = end + 2, *nl = strchr(rest, '\n');
            int first = nl ? (int)(nl - rest) : (int)strlen(rest);
            if (pre > 0)
                str_fmt(buf, size, "%.*s (in %.*s)%s", first, rest, pre, msg, rest + first);
            else
                str_fmt(buf, size, "%s", rest);
            return;
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
        error_where(st->sc, st->err[i].msg, &at, rest, sizeof rest);
        lint_add(out, LINT_ERROR, at, "run with seed %llu failed at turn %d: %s",
                 (unsigned long long)st->err[i].seed, st->err[i].turn, rest);
    }
    if (st->errors > 1)
        lint_add(out, LINT_ERROR, st->sc->at, "%ld of %ld runs failed", st->errors, st->runs);
}

void stats_findings(const stats *st, lint_list *out)
{
    error_findings(st, out);
    never_findings(st, out);
    dead_findings(st, out);
    pinned_findings(st, out);
}
