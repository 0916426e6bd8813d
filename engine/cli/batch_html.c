/*
 * batch_html.c -- a batch's figures as one self-contained HTML page: inline
 * CSS and inline SVG bar charts, no script and no external resource, so it
 * can be mailed or opened offline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

#define BAR_W   420 /* width of a full bar, px */
#define BAR_H   18
#define LABEL_W 260

static const char *const css =
    "body{font:15px/1.4 system-ui,sans-serif;margin:2em auto;max-width:860px;color:#222}"
    "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse}td,th{padding:2px 10px;text-align:right}"
    "td:first-child,th:first-child{text-align:left}svg text{font:12px sans-serif}"
    ".err{white-space:pre-wrap;background:#fee;padding:.5em;font:12px monospace}";

static void esc(FILE *f, const char *s)
{
    for (; s && *s; s++) switch (*s) {
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        default:
            fputc(*s, f);
        }
}

/* Horizontal bars of counts out of total. */
static void bars(FILE *f, const char *const *labels, const long *v, int n, long total)
{
    fprintf(f, "<svg width=\"%d\" height=\"%d\" role=\"img\">\n", LABEL_W + BAR_W + 90,
            n * (BAR_H + 4) + 4);
    for (int i = 0; i < n; i++) {
        int y = 2 + i * (BAR_H + 4);
        double share = total ? (double)v[i] / (double)total : 0;
        fprintf(f, "<text x=\"0\" y=\"%d\">", y + 13);
        esc(f, labels[i]);
        fprintf(f,
                "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#3a6ea5\"/>"
                "<text x=\"%.1f\" y=\"%d\">%ld (%.1f%%)</text>\n",
                LABEL_W, y, share * BAR_W, BAR_H, LABEL_W + share * BAR_W + 4, y + 13, v[i],
                100 * share);
    }
    fputs("</svg>\n", f);
}

static void section_endings(FILE *f, const stats *st)
{
    const def_scenario *sc = st->sc;
    const char **labels = xcalloc((size_t)sc->nendings + 1, sizeof *labels);
    for (int i = 0; i < sc->nendings; i++) labels[i] = sc->endings[i].title;
    fputs("<h2>Endings</h2>\n", f);
    bars(f, labels, st->endings, sc->nendings, st->runs);
    free(labels);
}

static void section_objectives(FILE *f, const stats *st)
{
    const def_scenario *sc = st->sc;
    fputs("<h2>Objectives</h2>\n<p>HSEEP ratings: P performed without challenges, S with "
          "some, M with major challenges, U unable.</p>\n",
          f);
    static const char *const rl[] = {"P", "S", "M", "U"};
    for (int i = 0; i < sc->nobjectives; i++) {
        fputs("<h3>", f);
        esc(f, sc->objectives[i].title);
        fputs("</h3>\n", f);
        bars(f, rl, &st->ratings[i * 4], 4, st->finished);
    }
}

static void section_meters(FILE *f, const stats *st)
{
    const def_scenario *sc = st->sc;
    fputs("<h2>Meters at the end</h2>\n<table><tr><th>meter</th><th>min</th><th>p5</th>"
          "<th>p50</th><th>p95</th><th>max</th></tr>\n",
          f);
    for (int i = 0; i < sc->nmeters; i++) {
        fputs("<tr><td>", f);
        esc(f, sc->meters[i].name);
        fprintf(f, "</td><td>%g</td><td>%g</td><td>%g</td><td>%g</td><td>%g</td></tr>\n",
                sc->meters[i].min, stats_percentile(st, i, 0.05), stats_percentile(st, i, 0.5),
                stats_percentile(st, i, 0.95), sc->meters[i].max);
    }
    fputs("</table>\n", f);
}

static void section_events(FILE *f, const stats *st)
{
    const def_scenario *sc = st->sc;
    const char **labels = xcalloc((size_t)sc->nevents + 1, sizeof *labels);
    for (int i = 0; i < sc->nevents; i++) labels[i] = sc->events[i].id;
    fputs("<h2>Events delivered (runs)</h2>\n", f);
    bars(f, labels, st->events, sc->nevents, st->runs);
    free(labels);
}

static void section_options(FILE *f, const stats *st)
{
    const def_scenario *sc = st->sc;
    fputs("<h2>Options chosen (share of the runs that delivered the event)</h2>\n", f);
    for (int e = 0; e < sc->nevents; e++) {
        const def_event *ev = &sc->events[e];
        if (!ev->noptions) continue;
        const char **labels = xcalloc((size_t)ev->noptions, sizeof *labels);
        long *v = xcalloc((size_t)ev->noptions, sizeof *v);
        for (int k = 0; k < ev->noptions; k++) {
            labels[k] = sc->moves[ev->options[k]].label;
            v[k] = st->moves[ev->options[k]];
        }
        fputs("<h3>", f);
        esc(f, ev->title);
        fputs("</h3>\n", f);
        bars(f, labels, v, ev->noptions, st->events[e]);
        free(labels);
        free(v);
    }
}

static void section_errors(FILE *f, const stats *st)
{
    if (!st->errors) return;
    fprintf(f, "<h2>Errors: %ld runs</h2>\n", st->errors);
    for (int i = 0; i < st->nerr; i++) {
        fprintf(f, "<p>Seed %llu, turn %d:</p><div class=\"err\">",
                (unsigned long long)st->err[i].seed, st->err[i].turn);
        esc(f, st->err[i].msg);
        fputs("</div>\n", f);
    }
}

int batch_html(const char *path, const stats *st, const batch_cfg *cfg, double secs)
{
    static const char *const policies[] = {"random", "first", "historical"};
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return -1;
    }
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
    esc(f, st->sc->title);
    fprintf(f, ": batch</title>\n<style>%s</style></head><body>\n<h1>", css);
    esc(f, st->sc->title);
    fprintf(f,
            "</h1>\n<p>%ld runs by the %s policy, seeds %llu to %llu; %ld finished, %ld "
            "errors; %.2f s.</p>\n",
            st->runs, policies[cfg->policy], (unsigned long long)cfg->seed,
            (unsigned long long)(cfg->seed + (uint64_t)(cfg->runs ? cfg->runs - 1 : 0)),
            st->finished, st->errors, secs);
    section_endings(f, st);
    section_objectives(f, st);
    section_meters(f, st);
    section_events(f, st);
    section_options(f, st);
    section_errors(f, st);
    fputs("</body></html>\n", f);
    if (fclose(f)) {
        perror(path);
        return -1;
    }
    return 0;
}
