/*
 * batch_html.c -- a batch's figures as one self-contained HTML page
 * (report.h): inline CSS and inline SVG bar charts (chart.h), no script and
 * no external resource, so it can be mailed or opened offline.
 */
#include <stdlib.h>

#include "chart.h"
#include "html.h"
#include "report.h"

static const char *const css =
    "body{font:15px/1.4 system-ui,sans-serif;margin:2em auto;max-width:860px;padding:0 1em;"
    "color:#222}"
    "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}"
    "h3{font-size:1em;margin:1.2em 0 0}"
    ".wide{overflow-x:auto}table.meters{border-collapse:collapse}"
    "table.meters td,table.meters th{padding:2px 10px;text-align:right;vertical-align:top}"
    "table.meters th{vertical-align:bottom}"
    "table.meters td:first-child,table.meters th:first-child{text-align:left}"
    "table.meters th{font-weight:600}table.meters .sub th{font-weight:normal;font-size:.9em}"
    "table.meters td:first-child{min-width:8em}"
    "@media (max-width:600px){table.meters td,table.meters th{padding:2px 4px;font-size:.9em}}"
    ".note{color:#555;font-size:.9em}"
    ".err{white-space:pre-wrap;background:#fee;padding:.5em;font:12px monospace}";

static void section_endings(strbuf *b, const stats *st)
{
    const def_scenario *sc = st->sc;
    const char **labels = xcalloc((size_t)sc->nendings + 1, sizeof *labels);
    for (int i = 0; i < sc->nendings; i++) labels[i] = sc->endings[i].title;
    sb_puts(b, "<h2>Endings</h2>\n");
    chart_bars(b, labels, st->endings, sc->nendings, st->runs);
    free(labels);
}

static void section_objectives(strbuf *b, const stats *st)
{
    const def_scenario *sc = st->sc;
    sb_puts(b, "<h2>Objectives</h2>\n<p>HSEEP ratings: P performed without challenges, S with "
               "some, M with major challenges, U unable.</p>\n");
    static const char *const rl[] = {"P", "S", "M", "U"};
    for (int i = 0; i < sc->nobjectives; i++) {
        html_el(b, "h3", NULL, sc->objectives[i].title);
        sb_puts(b, "\n");
        chart_bars(b, rl, &st->ratings[i * 4], 4, st->finished);
    }
}

/* One meter's row: the final values the finished runs reached (none: a
   dash each), then the meter's own bounds. */
static void meter_row(strbuf *b, const stats *st, int i)
{
    const def_meter *m = &st->sc->meters[i];
    static const double qs[] = {0, 0.05, 0.5, 0.95, 1};
    sb_puts(b, "<tr><td>");
    html_text(b, m->name);
    if (m->unit) sb_puts(b, " ("), html_text(b, m->unit), sb_puts(b, ")");
    sb_puts(b, "</td>");
    for (size_t k = 0; k < sizeof qs / sizeof *qs; k++)
        if (st->finished)
            sb_printf(b, "<td>%g</td>", stats_percentile(st, i, qs[k]));
        else
            sb_puts(b, "<td>–</td>");
    sb_printf(b, "<td>%g – %g</td></tr>\n", m->min, m->max);
}

static void section_meters(strbuf *b, const stats *st)
{
    const def_scenario *sc = st->sc;
    sb_printf(b,
              "<h2>Meters at the end</h2>\n<p class=\"note\">Each meter's value at the end of "
              "the %ld runs that finished: the lowest and the highest any run reached, and the "
              "percentiles between (5%% of the runs ended at or below the 5th). The last column "
              "is not a result: it is the range the scenario allows the meter.</p>\n"
              "<div class=\"wide\"><table class=\"meters\">\n"
              "<tr><th rowspan=\"2\">meter</th><th colspan=\"5\">reached at the end of the "
              "runs</th><th rowspan=\"2\">the meter's bounds</th></tr>\n"
              "<tr class=\"sub\"><th>lowest</th><th>5th pct.</th><th>median</th>"
              "<th>95th pct.</th><th>highest</th></tr>\n",
              st->finished);
    for (int i = 0; i < sc->nmeters; i++) meter_row(b, st, i);
    sb_puts(b, "</table></div>\n");
}

static void section_events(strbuf *b, const stats *st)
{
    const def_scenario *sc = st->sc;
    const char **labels = xcalloc((size_t)sc->nevents + 1, sizeof *labels);
    for (int i = 0; i < sc->nevents; i++) labels[i] = sc->events[i].id;
    sb_puts(b, "<h2>Events delivered (runs)</h2>\n");
    chart_bars(b, labels, st->events, sc->nevents, st->runs);
    free(labels);
}

static void section_options(strbuf *b, const stats *st)
{
    const def_scenario *sc = st->sc;
    sb_puts(b, "<h2>Options chosen (share of the runs that delivered the event)</h2>\n");
    for (int e = 0; e < sc->nevents; e++) {
        const def_event *ev = &sc->events[e];
        if (!ev->noptions) continue;
        const char **labels = xcalloc((size_t)ev->noptions, sizeof *labels);
        long *v = xcalloc((size_t)ev->noptions, sizeof *v);
        for (int k = 0; k < ev->noptions; k++) {
            labels[k] = sc->moves[ev->options[k]].label;
            v[k] = st->moves[ev->options[k]];
        }
        html_el(b, "h3", NULL, ev->title);
        sb_puts(b, "\n");
        chart_bars(b, labels, v, ev->noptions, st->events[e]);
        free(labels);
        free(v);
    }
}

static void section_errors(strbuf *b, const stats *st)
{
    if (!st->errors) return;
    sb_printf(b, "<h2>Errors: %ld runs</h2>\n", st->errors);
    for (int i = 0; i < st->nerr; i++) {
        sb_printf(b, "<p>Seed %llu, turn %d:</p>", (unsigned long long)st->err[i].seed,
                  st->err[i].turn);
        html_el(b, "div", "err", st->err[i].msg);
        sb_puts(b, "\n");
    }
}

void report_batch_html(const stats *st, const report_batch *how, strbuf *b)
{
    static const char *const policies[] = {"random", "first", "historical"};
    sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
    html_text(b, st->sc->title);
    sb_printf(b, ": batch</title>\n<style>%s\n%s</style></head><body>\n", css, chart_bars_css);
    html_el(b, "h1", NULL, st->sc->title);
    sb_printf(b,
              "\n<p>%ld runs by the %s policy, seeds %llu to %llu; %ld finished, %ld "
              "errors; %.2f s.</p>\n",
              st->runs, policies[how->policy], (unsigned long long)how->seed,
              (unsigned long long)(how->seed + (uint64_t)(how->runs ? how->runs - 1 : 0)),
              st->finished, st->errors, how->secs);
    section_endings(b, st);
    section_objectives(b, st);
    section_meters(b, st);
    section_events(b, st);
    section_options(b, st);
    section_errors(b, st);
    sb_puts(b, "</body></html>\n");
}
