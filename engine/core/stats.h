/*
 * stats.h -- what many playthroughs of a scenario add up to: endings,
 * objective ratings, final meter values, events delivered, options chosen,
 * errors; and for `check --runs`, what was ever available, dead ends and
 * meters stuck at a bound. Used by `batch` and `check --runs`, and by any
 * front end that wants the same figures.
 *
 * Every figure depends only on the set of seeds played, never on the order
 * runs were added or merged in (examples kept are those of the smallest
 * seeds), so that a batch split over processes, or over machines (shards,
 * through the JSON form), merges to the same result.
 *
 * The memory does not grow with the runs: final meter values are kept as a
 * distribution (stats_dist), not a row per run.
 */
#ifndef CR_STATS_H
#define CR_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "game.h"
#include "lint.h"

#define STATS_KEEP_ERRORS 5 /* error messages kept (smallest seeds) */
/* Distinct final values of one meter counted exactly: every meter whose
   values are whole numbers within a range of 4,096 (0..100, say) stays
   exact, whatever the number of runs. */
#define STATS_EXACT_VALUES 4096
/* Past them, bins of equal width over the meter's bounds, each with the
   smallest and largest value it received: a percentile is then within one
   bin's width, (max - min) / STATS_BINS, of the exact one, and exact when
   its bin holds one value. */
#define STATS_BINS 4096

/* The final values of one meter. The form (exact or binned) depends only on
   the set of values added: binned once more than STATS_EXACT_VALUES
   distinct values were seen, so merging gives what adding would. */
typedef struct stats_dist {
    double min, max; /* the meter's bounds (the bins' range) */
    long n;          /* values added */
    int nvalues, cvalues;
    double *value; /* [nvalues] distinct values, ascending (exact form) */
    long *count;   /* [nvalues] */
    long *bin;     /* [STATS_BINS] counts, NULL in the exact form */
    double *bin_lo, *bin_hi;
} stats_dist;

typedef struct stats_error {
    uint64_t seed;
    int turn;
    char *msg;
} stats_error;

typedef struct stats {
    const def_scenario *sc;
    long runs;     /* runs played (ended or not) */
    long finished; /* runs that reached an ending */
    long errors;
    long *endings;      /* [nendings] */
    long *events;       /* [nevents] runs that delivered it */
    long *moves;        /* [nmoves] times chosen (options, by default too) or taken */
    long *ratings;      /* [nobjectives * 4]: P, S, M, U */
    stats_dist *finals; /* [nmeters]: final values of runs that finished */
    stats_error err[STATS_KEEP_ERRORS];
    int nerr;
    /* check --runs */
    long *avail;           /* [nmoves] runs where it was ever available */
    long *pin_lo, *pin_hi; /* [nmeters] runs where it sat at min / max most turns */
    long *dead;            /* [nevents] runs with a dead end there */
    uint64_t *dead_seed;   /* [nevents] the smallest such seed */
    int *dead_turn;        /* [nevents] and its turn */
    /* the run in progress */
    char *run_avail, *run_dead; /* [nmoves], [nevents] */
    int *run_dead_turn;         /* [nevents] */
} stats;

void stats_init(stats *st, const def_scenario *sc);
void stats_free(stats *st);

/* Before each run. */
void stats_begin(stats *st);
/* check mode, before each command: note which options and actions of the
   moving role are available; at the first command of a move (move_start),
   note open decisions with no available option and no deadline. -1 on a
   script error (g->err). */
int stats_observe(stats *st, game *g, int move_start);
/* After each run: the outcome when it ended, what was observed always. */
void stats_end(stats *st, const game *g, uint64_t seed);
/* A run that failed (call stats_end too). */
void stats_fail(stats *st, uint64_t seed, int turn, const char *msg);

/* Add another worker's figures (same scenario). */
void stats_merge(stats *into, const stats *from);
/* A compact binary form for a pipe between processes, and back. */
void stats_write(const stats *st, strbuf *out);
int stats_read(stats *st, const char *buf, size_t len);
/* Every figure as a JSON object (names by id, seeds as strings), for
   results made on other machines; and back into st (freshly initialised
   for the same scenario): 0, or -1 with what is wrong in err. */
struct cJSON *stats_to_json(const stats *st);
int stats_from_json(stats *st, const struct cJSON *o, char *err, size_t errlen);

/* Percentile q (0..1, nearest rank) of a meter's final values; 0 when no
   run finished. Exact in the exact form; else within a bin (above). */
double stats_percentile(const stats *st, int meter, double q);

/* The warnings of check --runs (never delivered, never available, never
   reached, dead ends, pinned meters) and one error per kept error. */
void stats_findings(const stats *st, lint_list *out);

#endif
