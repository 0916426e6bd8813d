/*
 * stats_int.h -- what stats.c (runs, merging, the pipe form, findings) and
 * stats_json.c (the JSON form) share: the final values' distribution and
 * the error list, which both the pipe and the JSON readers fill.
 */
#ifndef CR_STATS_INT_H
#define CR_STATS_INT_H

#include <stdint.h>

#include "stats.h"

int stats_bin_of(const stats_dist *d, double x);
void stats_bin_add(stats_dist *d, int b, long count, double lo, double hi);
void stats_to_bins(stats_dist *d);
void stats_dist_add(stats_dist *d, double x, long count);
int stats_value_ok(const stats_dist *d, double x); /* a value a reader may accept */
void stats_keep_error(stats *st, uint64_t seed, int turn, const char *msg);

#endif
