/*
 * chart.h -- the inline SVG charts of the reports: no script, no external
 * resource, text escaped by html.h. A chart is a fragment to place in an
 * XHTML page.
 */
#ifndef CR_CHART_H
#define CR_CHART_H

#include "def.h"
#include "util.h"

/* The stylesheet rules of chart_meter's classes (axis, grid, line, dot),
   for the page's <style>; they use the page's --accent colour. */
extern const char chart_meter_css[];

/* One meter by turn: v[0..turns] (0 = the start) along x, the meter's
   bounds along y (values outside are drawn at the bound); a dashed line
   when the meter is hidden. <svg class="meter-chart" data-meter="ID">. */
void chart_meter(strbuf *b, const def_meter *m, const double *v, int turns);

/* Horizontal bars: n labels with their counts v out of total, each bar
   labelled "count (share%)"; a total of 0 draws empty bars. */
void chart_bars(strbuf *b, const char *const *labels, const long *v, int n, long total);

#endif
