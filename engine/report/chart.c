/*
 * chart.c -- see chart.h.
 */
#include "chart.h"

#include "html.h"

const char chart_meter_css[] =
    "svg.meter-chart{display:block;width:100%;height:auto}\n"
    "svg text{font:14px sans-serif;fill:#5a6675}\n"
    "svg .axis{stroke:#8a96a5;stroke-width:1}svg .grid{stroke:#e3e7ee;stroke-width:1}\n"
    "svg .line{fill:none;stroke:var(--accent);stroke-width:2.5}\n"
    "svg .line.hidden{stroke:#6b4fa0;stroke-dasharray:7 4}\n"
    "svg .dot{fill:#fff;stroke:var(--accent);stroke-width:2}\n"
    "svg .line.alt{stroke:#a8430a;stroke-dasharray:6 3}svg .dot.alt{stroke:#a8430a}\n";

/* The meter chart's frame in viewBox units: width and height, and the
   plot's left, right, top and bottom edges (room for the labels). */
enum { CH_W = 480, CH_H = 224, CH_L = 46, CH_R = 466, CH_T = 14, CH_B = 176 };

static double chart_x(int t, int turns)
{
    return CH_L + (double)(CH_R - CH_L) * t / (turns > 0 ? turns : 1);
}

static double chart_y(const def_meter *m, double v)
{
    if (v < m->min) v = m->min;
    if (v > m->max) v = m->max;
    return CH_B - (CH_B - CH_T) * (v - m->min) / (m->max - m->min);
}

static void chart_axes(strbuf *b, const def_meter *m, int turns)
{
    double mid = (m->min + m->max) / 2;
    sb_printf(b, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", CH_L, CH_T,
              CH_R, CH_T);
    sb_printf(b, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", CH_L,
              chart_y(m, mid), CH_R, chart_y(m, mid));
    sb_printf(b, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", CH_L, CH_B,
              CH_R, CH_B);
    sb_printf(b, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", CH_L, CH_T,
              CH_L, CH_B);
    sb_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text>\n", CH_L - 6, CH_T + 4,
              m->max);
    sb_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", CH_L - 6,
              chart_y(m, mid) + 4, mid);
    sb_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text>\n", CH_L - 6, CH_B + 4,
              m->min);
    int step = turns > 8 ? (turns + 7) / 8 : 1; /* at most about 8 turn labels */
    for (int t = 0; t <= turns; t++) {
        double x = chart_x(t, turns);
        sb_printf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", x,
                  CH_B, x, CH_B + 4);
        if (t % step == 0 || t == turns)
            sb_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x,
                      CH_B + 19, t);
    }
    sb_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">turn (0 = start)</text>\n",
              (CH_L + CH_R) / 2, CH_H - 6);
}

/* v[0..n] on an x axis of `turns`; cls "" or " alt" (the second series). */
static void chart_series(strbuf *b, const def_meter *m, const double *v, int n, int turns,
                         const char *cls)
{
    sb_printf(b, "<polyline class=\"line%s%s\" points=\"", m->hidden && !*cls ? " hidden" : "",
              cls);
    for (int t = 0; t <= n; t++)
        sb_printf(b, "%s%.1f,%.1f", t ? " " : "", chart_x(t, turns), chart_y(m, v[t]));
    sb_puts(b, "\"/>\n");
    for (int t = 0; t <= n; t++)
        sb_printf(b,
                  "<circle class=\"dot%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>turn %d: "
                  "%g</title></circle>\n",
                  cls, chart_x(t, turns), chart_y(m, v[t]), t, v[t]);
}

static void chart_line(strbuf *b, const def_meter *m, const double *v, int turns)
{
    chart_series(b, m, v, turns, turns, "");
}

void chart_meter(strbuf *b, const def_meter *m, const double *v, int turns)
{
    sb_puts(b, "<svg class=\"meter-chart\" data-meter=\"");
    html_attr(b, m->id);
    sb_printf(b,
              "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
              "aria-label=\"",
              CH_W, CH_H);
    html_attr(b, m->name);
    sb_puts(b, " by turn\">\n");
    chart_axes(b, m, turns);
    chart_line(b, m, v, turns);
    sb_puts(b, "</svg>\n");
}

void chart_meter_pair(strbuf *b, const def_meter *m, const double *v, int turns, const double *w,
                      int wturns)
{
    int n = turns > wturns ? turns : wturns;
    sb_puts(b, "<svg class=\"meter-chart\" data-meter=\"");
    html_attr(b, m->id);
    sb_printf(b,
              "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
              "aria-label=\"",
              CH_W, CH_H);
    html_attr(b, m->name);
    sb_puts(b, " by turn, as played and in the what-if\">\n");
    chart_axes(b, m, n);
    chart_series(b, m, v, turns, n, "");
    chart_series(b, m, w, wturns, n, " alt");
    sb_puts(b, "</svg>\n");
}

const char chart_bars_css[] =
    "table.bars{width:100%;border-collapse:collapse;margin:.4em 0 1.2em;table-layout:fixed}\n"
    "table.bars th{width:42%;font-weight:normal;text-align:left;vertical-align:top;"
    "padding:3px 10px 3px 0;overflow-wrap:anywhere}\n"
    "table.bars td{vertical-align:top;padding:3px 0}\n"
    "table.bars td.n{width:7.5em;text-align:right;white-space:nowrap;padding-left:8px;"
    "font-variant-numeric:tabular-nums}\n"
    "table.bars svg{display:block;width:100%;height:1.1em;margin-top:.15em}\n"
    "table.bars .track{fill:#e8edf3}table.bars .bar{fill:#3a6ea5}\n";

/* A bar's viewBox: its width is the share in percent, so the bar scales to
   whatever width its cell gets. */
enum { BAR_W = 100, BAR_H = 10 };

void chart_bars(strbuf *b, const char *const *labels, const long *v, int n, long total)
{
    sb_puts(b, "<table class=\"bars\">\n");
    for (int i = 0; i < n; i++) {
        double share = total ? (double)v[i] / (double)total : 0;
        sb_puts(b, "<tr><th scope=\"row\">");
        html_text(b, labels[i]);
        sb_printf(b,
                  "</th><td><svg viewBox=\"0 0 %d %d\" preserveAspectRatio=\"none\" "
                  "aria-hidden=\"true\"><rect class=\"track\" width=\"%d\" height=\"%d\"/>"
                  "<rect class=\"bar\" width=\"%.1f\" height=\"%d\"/></svg></td>"
                  "<td class=\"n\">%ld (%.1f%%)</td></tr>\n",
                  BAR_W, BAR_H, BAR_W, BAR_H, share * BAR_W, BAR_H, v[i], 100 * share);
    }
    sb_puts(b, "</table>\n");
}
