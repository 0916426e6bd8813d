/*
 * stats.h -- what many playthroughs of a scenario add up to: endings,
 * objective ratings, final meter values, events delivered, options chosen,
 * errors; and for `check --runs`, what was ever available, dead ends and
 * meters stuck at a bound. Used by `batch` and `check --runs`, and by any
 * front end that wants the same figures.
 *
 * Every figure depends only on the set of seeds played, never on the order
 * runs were added or merged in (examples kept are those of the smallest
 * seeds), so that a batch split over processes merges to the same result.
 */
#ifndef CR_STATS_H
#define CR_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "game.h"
#include "lint.h"

#define STATS_KEEP_ERRORS 5 /* error messages kept (smallest seeds) */

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
    long *endings;  /* [nendings] */
    long *events;   /* [nevents] runs that delivered it */
    long *moves;    /* [nmoves] times chosen (options, by default too) or taken */
    long *ratings;  /* [nobjectives * 4]: P, S, M, U */
    double *finals; /* [finished * nmeters]: final values, a row per run */
    long cfinals;   /* rows allocated */
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

/* Percentile q (0..1, nearest rank) of a meter's final values; 0 when no
   run finished. */
double stats_percentile(const stats *st, int meter, double q);

/* The warnings of check --runs (never delivered, never available, never
   reached, dead ends, pinned meters) and one error per kept error. */
void stats_findings(const stats *st, lint_list *out);

#endif
