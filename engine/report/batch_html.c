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
    "body{font:15px/1.4 system-ui,sans-serif;margin:2em auto;max-width:860px;color:#222}"
    "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse}td,th{padding:2px 10px;text-align:right}"
    "td:first-child,th:first-child{text-align:left}svg text{font:12px sans-serif}"
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

static void section_meters(strbuf *b, const stats *st)
{
    const def_scenario *sc = st->sc;
    sb_puts(b, "<h2>Meters at the end</h2>\n<table><tr><th>meter</th><th>min</th><th>p5</th>"
               "<th>p50</th><th>p95</th><th>max</th></tr>\n");
    for (int i = 0; i < sc->nmeters; i++) {
        sb_puts(b, "<tr>");
        html_el(b, "td", NULL, sc->meters[i].name);
        sb_printf(b, "<td>%g</td><td>%g</td><td>%g</td><td>%g</td><td>%g</td></tr>\n",
                  sc->meters[i].min, stats_percentile(st, i, 0.05), stats_percentile(st, i, 0.5),
                  stats_percentile(st, i, 0.95), sc->meters[i].max);
    }
    sb_puts(b, "</table>\n");
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
    sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
    html_text(b, st->sc->title);
    sb_printf(b, ": batch</title>\n<style>%s</style></head><body>\n", css);
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
