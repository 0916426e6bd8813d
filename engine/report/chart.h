/*
 * chart.h -- the inline SVG charts of the reports: no script, no external
 * resource, text escaped by html.h. A chart is a fragment to place in an
 * XHTML page, with the stylesheet rules of its classes beside it.
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

/* Two games of one meter on the same axes: v[0..turns] as chart_meter
   draws it, and w[0..wturns] dashed in a second colour (class "alt"). */
void chart_meter_pair(strbuf *b, const def_meter *m, const double *v, int turns, const double *w,
                      int wturns);

/* Horizontal bars as a table (class "bars"), a row for each of the n
   labels: the label as text that wraps (never clipped, whatever its
   length), a bar whose length is its count v out of total (an inline SVG
   that scales with its cell), and "count (share%)". A total of 0 draws
   empty bars. The rules of its classes are chart_bars_css, for the page's
   <style>. */
void chart_bars(strbuf *b, const char *const *labels, const long *v, int n, long total);
extern const char chart_bars_css[];

#endif
