/*
 * report.c -- the after-action report (see report.h). The log of the game
 * is turned into words by logtext.h (as in the terminal and the window);
 * the HTML and the JSON writers both use those words, so they never disagree.
 */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

#include "logtext.h"

typedef logtext rp_line;

const char *report_rating_text(char rating)
{
    switch (rating) {
    case 'P':
        return "Performed without challenges";
    case 'S':
        return "Performed with some challenges";
    case 'M':
        return "Performed with major challenges";
    case 'U':
        return "Unable to be performed";
    default:
        return "Not rated";
    }
}

/* Shared helpers ------------------------------------------------------------ */

static int historical_option(const def_scenario *sc, const def_event *ev)
{
    for (int k = 0; k < ev->noptions; k++)
        if (sc->moves[ev->options[k]].historical) return ev->options[k];
    return -1;
}

/* For every journal entry that is an `undo`, the entry it took back (else
   -1): replaying the journal's stack of live commands tells. */
static int *undo_targets(const session *s)
{
    int *undone = xcalloc((size_t)s->nlog + 1, sizeof *undone);
    int *stack = xcalloc((size_t)s->nlog + 1, sizeof *stack), n = 0;
    for (int i = 0; i < s->nlog; i++) {
        undone[i] = -1;
        if (strcmp(s->log[i].cmd, "undo") != 0)
            stack[n++] = i;
        else if (n > 0)
            undone[i] = stack[--n];
    }
    free(stack);
    return undone;
}

/* The timeline: injects, decisions and what came of them (the
   facilitator's ad-hoc injects too: players received them). */
static int rp_timeline(const game *g, const game_log *l, rp_line *o)
{
    return logtext_of(g, l, o) && (!o->facilitator || o->kind == LT_ADHOC);
}

/* The facilitator's interventions. */
static int rp_intervention(const game *g, const game_log *l, rp_line *o)
{
    return logtext_of(g, l, o) && o->facilitator;
}

/* An `undo` of the journal in words. */
static void rp_undo(const session *s, int entry, int undone, rp_line *o)
{
    o->who.len = o->what.len = 0;
    sb_add(&o->who, "", 0);
    sb_add(&o->what, "", 0);
    o->why = NULL;
    int r = def_role_find(s->sc, s->log[entry].role);
    sb_printf(&o->who, "%s's move", r >= 0 ? logtext_role(s->sc, r) : s->log[entry].role);
    sb_printf(&o->what, "Undo: took back `%s`", undone >= 0 ? s->log[undone].cmd : "nothing");
    o->kind = LT_UNDO;
}

#define line_free logtext_free

/* Calls fn for every intervention in order of turns: the game's log first,
   then the journal's undos of that turn (they left no trace in the log). */
typedef void (*rp_each_fn)(void *ud, int turn, const rp_line *l);

static void each_intervention(const session *s, rp_each_fn fn, void *ud)
{
    const game *g = s->g;
    int *undone = undo_targets(s);
    rp_line l = {0};
    for (int t = 1; t <= g->turn; t++) {
        for (int i = 0; i < g->nlog; i++)
            if (g->log[i].turn == t && rp_intervention(g, &g->log[i], &l)) fn(ud, t, &l);
        for (int i = 0; i < s->nlog; i++)
            if (s->log[i].turn == t && strcmp(s->log[i].cmd, "undo") == 0) {
                rp_undo(s, i, undone[i], &l);
                fn(ud, t, &l);
            }
    }
    line_free(&l);
    free(undone);
}

static int decided_items(const game *g, int i)
{
    const game_item *it = &g->items[i];
    return it->event >= 0 && g->sc->events[it->event].noptions > 0;
}

/* HTML ---------------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s, 0 when it is not one. */
static int utf8_len(const unsigned char *s)
{
    int n = s[0] < 0x80             ? 1
            : (s[0] & 0xe0) == 0xc0 ? 2
            : (s[0] & 0xf0) == 0xe0 ? 3
            : (s[0] & 0xf8) == 0xf0 ? 4
                                    : 0;
    if (n == 2 && s[0] < 0xc2) return 0; /* overlong */
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80) return 0;
    return n;
}

/* Text as HTML (and XML): the five specials escaped, control characters
   dropped and broken UTF-8 replaced, since any of them would make the page
   fail to parse as XML. */
static void esc(strbuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        int n = utf8_len(p);
        if (n == 0) {
            sb_puts(b, "\xef\xbf\xbd");
            p++;
            continue;
        }
        switch (*p) {
        case '&':
            sb_puts(b, "&amp;");
            break;
        case '<':
            sb_puts(b, "&lt;");
            break;
        case '>':
            sb_puts(b, "&gt;");
            break;
        case '"':
            sb_puts(b, "&quot;");
            break;
        case '\'':
            sb_puts(b, "&#39;");
            break;
        default:
            if (*p >= 0x20 || *p == '\n' || *p == '\t') sb_add(b, (const char *)p, (size_t)n);
        }
        p += n;
    }
}

/* <tag class="cls">text</tag>, escaped. */
static void el(strbuf *b, const char *tag, const char *cls, const char *text)
{
    sb_printf(b, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    esc(b, text);
    sb_printf(b, "</%s>", tag);
}

static void kv_row(strbuf *b, const char *key, const char *value)
{
    sb_puts(b, "<tr>");
    el(b, "th", NULL, key);
    el(b, "td", NULL, value);
    sb_puts(b, "</tr>\n");
}

static const char *const html_css =
    ":root{--ink:#1d2733;--muted:#5a6675;--line:#d5dbe3;--soft:#f4f6f9;--accent:#24507a;"
    "--p:#1e6b34;--s:#7a5c00;--m:#a8430a;--u:#a3161a}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#eef1f5;color:var(--ink);font:15px/1.5 'Segoe UI',Roboto,"
    "'Noto Sans','DejaVu Sans',Helvetica,Arial,sans-serif}\n"
    "main{max-width:980px;margin:24px auto;background:#fff;padding:40px 56px;"
    "border:1px solid var(--line);border-radius:6px}\n"
    "header.cover{border-bottom:3px solid var(--accent);padding-bottom:16px;margin-bottom:24px}\n"
    ".kicker{margin:0;color:var(--accent);font-weight:600;letter-spacing:.08em;"
    "text-transform:uppercase;font-size:12px}\n"
    "h1{margin:6px 0 4px;font-size:28px;line-height:1.25}\n"
    "h2{margin:36px 0 12px;font-size:20px;color:var(--accent);border-bottom:1px solid var(--line);"
    "padding-bottom:4px;break-after:avoid;page-break-after:avoid}\n"
    "h3{margin:20px 0 8px;font-size:16px;break-after:avoid;page-break-after:avoid}\n"
    ".sub,.note,figcaption,.muted{color:var(--muted)}\n"
    "h2+p.note{break-after:avoid;page-break-after:avoid}\n"
    ".sub{margin:0}.note{font-size:13px}\n"
    "nav.toc ol{columns:2;margin:0;padding-left:20px;font-size:14px}\n"
    "a{color:var(--accent)}\n"
    "table{width:100%;border-collapse:collapse;margin:8px 0 16px;font-size:14px}\n"
    "th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid "
    "var(--line)}\n"
    "thead th{background:var(--soft);border-bottom:2px solid var(--line);font-size:13px}\n"
    "table.kv th{width:28%;color:var(--muted);font-weight:600}\n"
    "tr.turn th{background:var(--soft);color:var(--accent);font-size:13px}\n"
    "td.why{font-style:italic;color:#34404e}\n"
    ".pre{white-space:pre-line}\n"
    ".rating{display:inline-block;padding:1px 8px;border:1.5px solid "
    "currentColor;border-radius:4px;"
    "font-weight:600;font-size:13px;white-space:nowrap}\n"
    ".rating b{display:inline-block;min-width:1.2em}\n"
    ".r-P{color:var(--p);background:#e8f4ec}.r-S{color:var(--s);background:#fbf3dc}\n"
    ".r-M{color:var(--m);background:#fcebe0}.r-U{color:var(--u);background:#fae6e6}\n"
    ".r-none{color:var(--muted)}\n"
    ".same{color:var(--p);font-weight:600}.diff{color:var(--m);font-weight:600}\n"
    ".charts{display:grid;grid-template-columns:1fr 1fr;gap:16px}\n"
    "figure{margin:0;border:1px solid var(--line);border-radius:4px;padding:10px 12px}\n"
    "figure h3{margin:0 0 4px;font-size:15px}\n"
    "figcaption{font-size:13px}\n"
    "svg.meter-chart{display:block;width:100%;height:auto}\n"
    "svg text{font:14px sans-serif;fill:#5a6675}\n"
    "svg .axis{stroke:#8a96a5;stroke-width:1}svg .grid{stroke:#e3e7ee;stroke-width:1}\n"
    "svg .line{fill:none;stroke:var(--accent);stroke-width:2.5}\n"
    "svg .line.hidden{stroke:#6b4fa0;stroke-dasharray:7 4}\n"
    "svg .dot{fill:#fff;stroke:var(--accent);stroke-width:2}\n"
    "tr.k-outcome td,tr.k-evidence td,tr.k-expired td{color:var(--muted);font-size:13px}\n"
    "tr.k-outcome td.pre,tr.k-evidence td.pre{padding-left:22px}\n"
    "tr.k-decision td,tr.k-action td{font-weight:500}\n"
    "tr.k-end td{font-weight:600;color:var(--accent)}\n"
    "ul.sa li{margin:4px 0}\n"
    "table.plan{font-size:12px;table-layout:fixed}\n"
    "table.plan td,table.plan th{border:1px solid #9aa5b3}\n"
    "table.plan td{height:3.2em}\n"
    "table.plan th:nth-child(1){width:15%}table.plan th:nth-child(2){width:21%}\n"
    "table.plan th:nth-child(3){width:18%}\ntable.plan .r-M,table.plan .r-U{background:none}\n"
    ".truth{border-left:4px solid var(--accent);background:var(--soft);padding:10px 14px}\n"
    "footer{margin-top:40px;font-size:12px;color:var(--muted);border-top:1px solid var(--line);"
    "padding-top:8px}\n"
    "table,figure,.truth,tr{break-inside:avoid;page-break-inside:avoid}\n"
    "table.flow{break-inside:auto;page-break-inside:auto}\n"
    "@media (max-width:760px){main{padding:20px}.charts{grid-template-columns:1fr}}\n"
    "@page{margin:16mm 14mm}\n"
    "@page plan{size:landscape}\n"
    "@media print{body{background:none;font-size:10.5pt}\n"
    "main{max-width:none;margin:0;padding:0;border:0}\n"
    "nav.toc{display:none}\n"
    "thead th,tr.turn th,.truth,.rating{background:none}\n"
    "thead{display:table-header-group}\n"
    "a{color:inherit;text-decoration:none}\n"
    ".charts{grid-template-columns:1fr 1fr;gap:8px}\n"
    "h2{break-before:auto}section.sec-plan{page:plan;break-before:page;page-break-before:always}}"
    "\n";

static void html_head(strbuf *b, const def_scenario *sc)
{
    sb_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
               "<head>\n<meta charset=\"utf-8\"/>\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
               "<meta name=\"generator\" content=\"crisisroom " CR_ENGINE_VERSION "\"/>\n");
    sb_puts(b, "<title>After-action report: ");
    esc(b, sc->title);
    sb_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", html_css);
}

static const char *const html_sections[][2] = {
    {"overview", "Exercise overview"},
    {"objectives", "Objectives and ratings"},
    {"analysis", "Strengths and areas for improvement"},
    {"decisions", "Decisions beside history"},
    {"timeline", "Timeline of injects and decisions"},
    {"interventions", "Facilitator interventions and notes"},
    {"meters", "Meters over the exercise"},
    {"discussion", "Discussion questions and learning objectives"},
    {"truth", "What really happened"},
    {"plan", "Improvement plan"},
    {"sources", "Sources cited"},
};

static void html_section(strbuf *b, int i)
{
    sb_printf(b, "<section id=\"%s\" class=\"sec-%s\">\n<h2>%d. %s</h2>\n", html_sections[i][0],
              html_sections[i][0], i + 1, html_sections[i][1]);
}

static void html_cover(strbuf *b, const session *s)
{
    const def_scenario *sc = s->sc;
    sb_puts(b, "<header class=\"cover\">\n"
               "<p class=\"kicker\">After-action report / improvement plan</p>\n");
    el(b, "h1", NULL, sc->title);
    sb_puts(b, "<p class=\"sub\">");
    esc(b, sc->id);
    if (sc->version) sb_puts(b, " v"), esc(b, sc->version);
    sb_puts(b, " · exercise of "), esc(b, s->h.started[0] ? s->h.started : "an unknown date");
    sb_puts(b, "</p>\n</header>\n<nav class=\"toc\" aria-label=\"Contents\">\n<ol>\n");
    for (size_t i = 0; i < sizeof html_sections / sizeof html_sections[0]; i++)
        sb_printf(b, "<li><a href=\"#%s\">%s</a></li>\n", html_sections[i][0], html_sections[i][1]);
    sb_puts(b, "</ol>\n</nav>\n");
}

static void overview_variant(const session *s, strbuf *v)
{
    const game *g = s->g;
    if (g->variant < 0) {
        sb_puts(v, "none (the scenario has no variants)");
        return;
    }
    sb_printf(v, "%s (%s): %s", g->sc->variants[g->variant].title, g->sc->variants[g->variant].id,
              s->h.variant_mode ? "drawn by the seed and hidden from the players"
                                : "chosen openly, not hidden by variant mode");
}

static void overview_ending(const game *g, strbuf *v)
{
    if (g->ended)
        sb_printf(v, "%s: %s", g->sc->endings[g->ending].title, g->sc->endings[g->ending].text);
    else
        sb_printf(v, "not reached: the exercise stopped during turn %d", g->turn);
}

static void html_overview(strbuf *b, const session *s, const report_opts *o)
{
    const game *g = s->g;
    const def_scenario *sc = s->sc;
    strbuf v = {0};
    html_section(b, 0);
    if (sc->summary) el(b, "p", NULL, sc->summary);
    sb_puts(b, "<table class=\"kv\">\n");
    kv_row(b, "Scenario", sc->title);
    sb_printf(&v, "%s, version %s", sc->id, sc->version ? sc->version : "not given");
    kv_row(b, "Scenario id and version", v.s);
    kv_row(b, "Exercise date (UTC)", s->h.started[0] ? s->h.started : "not recorded");
    kv_row(b, "Facilitator",
           o && o->facilitator && *o->facilitator ? o->facilitator : "not recorded");
    v.len = 0;
    for (int r = 0; r < sc->nroles; r++)
        sb_printf(&v, "%s%s (%s)", r ? "; " : "", sc->roles[r].name, sc->roles[r].id);
    kv_row(b, "Roles", v.s ? v.s : "");
    v.len = 0;
    sb_printf(&v, "%" PRIu64, s->h.seed);
    kv_row(b, "Seed", v.s);
    v.len = 0;
    overview_variant(s, &v);
    kv_row(b, "Variant", v.s);
    v.len = 0;
    sb_printf(&v, "%d of %d (last: %s)", g->turn, sc->nturns, game_turn_label(g, g->turn));
    kv_row(b, "Turns played", v.s);
    v.len = 0;
    overview_ending(g, &v);
    kv_row(b, "Ending", v.s);
    sb_puts(b, "</table>\n</section>\n");
    sb_free(&v);
}

static void html_rating(strbuf *b, char r)
{
    if (r == 'P' || r == 'S' || r == 'M' || r == 'U')
        sb_printf(b, "<span class=\"rating r-%c\"><b>%c</b> ", r, r);
    else
        sb_puts(b, "<span class=\"rating r-none\"><b>-</b> ");
    esc(b, report_rating_text(r));
    sb_puts(b, "</span>");
}

static void html_objectives(strbuf *b, const game *g)
{
    const def_scenario *sc = g->sc;
    html_section(b, 1);
    sb_puts(b, "<p class=\"note\">Ratings follow HSEEP: P performed without challenges, S with "
               "some challenges, M with major challenges, U unable to be performed.");
    if (!g->ended) sb_puts(b, " The exercise did not reach an ending, so nothing was rated.");
    sb_puts(b, "</p>\n<table class=\"flow\">\n<thead><tr><th>Objective</th><th>What it asks</th>"
               "<th>Rating</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < sc->nobjectives; i++) {
        sb_puts(b, "<tr>");
        el(b, "td", NULL, sc->objectives[i].title);
        el(b, "td", "pre", sc->objectives[i].text ? sc->objectives[i].text : "");
        sb_puts(b, "<td>");
        html_rating(b, g->ended ? g->ratings[i] : 0);
        sb_puts(b, "</td></tr>\n");
    }
    if (!sc->nobjectives)
        sb_puts(b, "<tr><td colspan=\"3\">The scenario has no objectives.</td></tr>\n");
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}

static int is_strength(char r)
{
    return r == 'P' || r == 'S';
}

static void html_sa_list(strbuf *b, const game *g, int strengths)
{
    const def_scenario *sc = g->sc;
    int n = 0;
    sb_puts(b, "<ul class=\"sa\">\n");
    for (int i = 0; g->ended && i < sc->nobjectives; i++) {
        char r = g->ratings[i];
        if (r == 0 || is_strength(r) != strengths) continue;
        sb_puts(b, "<li>");
        html_rating(b, r);
        sb_puts(b, " <strong>");
        esc(b, sc->objectives[i].title);
        sb_puts(b, "</strong>");
        if (sc->objectives[i].text) sb_puts(b, ": "), esc(b, sc->objectives[i].text);
        sb_puts(b, "</li>\n");
        n++;
    }
    if (!n) sb_puts(b, "<li class=\"muted\">None recorded.</li>\n");
    sb_puts(b, "</ul>\n");
}

static void html_analysis(strbuf *b, const game *g)
{
    html_section(b, 2);
    sb_puts(b, "<h3>Strengths</h3>\n");
    html_sa_list(b, g, 1);
    sb_puts(b, "<h3>Areas for improvement</h3>\n");
    html_sa_list(b, g, 0);
    sb_puts(b, "</section>\n");
}

static void html_decision(strbuf *b, const game *g, const game_item *it)
{
    const def_scenario *sc = g->sc;
    const def_event *ev = &sc->events[it->event];
    int hist = historical_option(sc, ev);
    sb_printf(b, "<tr><td>%d</td>", it->turn);
    el(b, "td", NULL, ev->title);
    el(b, "td", NULL,
       it->option < 0 ? "(still open)"
       : it->by >= 0  ? logtext_role(sc, it->by)
                      : "nobody: the default applied at the deadline");
    el(b, "td", NULL, it->option >= 0 ? sc->moves[it->option].label : "");
    if (it->rationale)
        el(b, "td", "why pre", it->rationale);
    else
        el(b, "td", "muted", "none given");
    el(b, "td", NULL, hist >= 0 ? sc->moves[hist].label : "no historical record");
    if (hist < 0 || it->option < 0)
        sb_puts(b, "<td class=\"muted\">– n/a</td></tr>\n");
    else if (hist == it->option)
        sb_puts(b, "<td class=\"same\">= same</td></tr>\n");
    else
        sb_puts(b, "<td class=\"diff\">≠ different</td></tr>\n");
}

static void html_decisions(strbuf *b, const game *g)
{
    int n = 0;
    html_section(b, 3);
    sb_puts(b, "<table class=\"flow\">\n<thead><tr><th>Turn</th><th>Inject</th><th>Decided by</th>"
               "<th>Choice</th><th>Rationale</th><th>What really happened</th>"
               "<th>Match</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < g->nitems; i++)
        if (decided_items(g, i)) html_decision(b, g, &g->items[i]), n++;
    if (!n) sb_puts(b, "<tr><td colspan=\"7\">No decisions were asked for.</td></tr>\n");
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void html_turn_row(strbuf *b, const game *g, int turn, int cols)
{
    sb_printf(b, "<tr class=\"turn\"><th colspan=\"%d\">Turn %d · ", cols, turn);
    esc(b, game_turn_label(g, turn));
    sb_puts(b, "</th></tr>\n");
}

static void html_line(strbuf *b, const rp_line *l)
{
    sb_printf(b, "<tr class=\"k-%s\">", logtext_names[l->kind]);
    el(b, "td", NULL, l->who.s);
    el(b, "td", "pre", l->what.s);
    el(b, "td", "why pre", l->why ? l->why : "");
    sb_puts(b, "</tr>\n");
}

static void html_timeline(strbuf *b, const game *g)
{
    rp_line l = {0};
    int turn = 0;
    html_section(b, 4);
    sb_puts(b, "<table class=\"flow\">\n<thead><tr><th style=\"width:20%\">Who</th><th>What</th>"
               "<th style=\"width:30%\">Rationale</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < g->nlog; i++) {
        if (!rp_timeline(g, &g->log[i], &l)) continue;
        if (g->log[i].turn != turn) html_turn_row(b, g, turn = g->log[i].turn, 3);
        html_line(b, &l);
    }
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
    line_free(&l);
}

typedef struct html_iv {
    strbuf *b;
    const game *g;
    int turn, n;
} html_iv;

static void html_iv_row(void *ud, int turn, const rp_line *l)
{
    html_iv *h = ud;
    if (turn != h->turn) html_turn_row(h->b, h->g, h->turn = turn, 3);
    html_line(h->b, l);
    h->n++;
}

static void html_interventions(strbuf *b, const session *s)
{
    html_iv h = {b, s->g, 0, 0};
    html_section(b, 5);
    sb_puts(b, "<table class=\"flow\">\n<thead><tr><th style=\"width:20%\">To / whose "
               "move</th><th>What</th>"
               "<th style=\"width:30%\">Reason or text</th></tr></thead>\n<tbody>\n");
    each_intervention(s, html_iv_row, &h);
    if (!h.n) sb_puts(b, "<tr><td colspan=\"3\">The facilitator did not intervene.</td></tr>\n");
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* Charts: one SVG per meter, turns along x (0 = the start), the meter's
   bounds along y. */
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
    int step = turns > 8 ? (turns + 7) / 8 : 1;
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

static void chart_line(strbuf *b, const game *g, int mi)
{
    const def_meter *m = &g->sc->meters[mi];
    sb_printf(b, "<polyline class=\"line%s\" points=\"", m->hidden ? " hidden" : "");
    for (int t = 0; t <= g->turn; t++)
        sb_printf(b, "%s%.1f,%.1f", t ? " " : "", chart_x(t, g->turn),
                  chart_y(m, game_history(g, mi, t)));
    sb_puts(b, "\"/>\n");
    for (int t = 0; t <= g->turn; t++)
        sb_printf(b,
                  "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>turn %d: "
                  "%g</title></circle>\n",
                  chart_x(t, g->turn), chart_y(m, game_history(g, mi, t)), t,
                  game_history(g, mi, t));
}

static void chart_caption(strbuf *b, const game *g, int mi)
{
    const def_meter *m = &g->sc->meters[mi];
    sb_printf(b, "<figcaption>Start %g, end %g%s", game_history(g, mi, 0),
              game_history(g, mi, g->turn), m->unit ? " " : "");
    esc(b, m->unit);
    sb_printf(b, " (bounds %g to %g). %s%s", m->min, m->max,
              m->good == GOOD_HIGH  ? "Higher is better."
              : m->good == GOOD_LOW ? "Lower is better."
                                    : "Neither direction is better.",
              m->hidden ? " Hidden from the players during the exercise." : "");
    if (m->text) sb_puts(b, " "), esc(b, m->text);
    sb_puts(b, "</figcaption>\n");
}

static void html_chart(strbuf *b, const game *g, int mi)
{
    const def_meter *m = &g->sc->meters[mi];
    sb_puts(b, "<figure>\n<h3>");
    esc(b, m->name);
    if (m->hidden) sb_puts(b, " <span class=\"muted\">(hidden)</span>");
    sb_puts(b, "</h3>\n<svg class=\"meter-chart\" data-meter=\"");
    esc(b, m->id);
    sb_printf(b,
              "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
              "aria-label=\"",
              CH_W, CH_H);
    esc(b, m->name);
    sb_puts(b, " by turn\">\n");
    chart_axes(b, m, g->turn);
    chart_line(b, g, mi);
    sb_puts(b, "</svg>\n");
    chart_caption(b, g, mi);
    sb_puts(b, "</figure>\n");
}

static void html_meters(strbuf *b, const game *g)
{
    html_section(b, 6);
    sb_puts(b, "<p class=\"note\">Every meter, hidden ones included, at the start and at the "
               "end of each turn played.</p>\n<div class=\"charts\">\n");
    for (int i = 0; i < g->sc->nmeters; i++) html_chart(b, g, i);
    sb_puts(b, "</div>\n</section>\n");
}

static void html_list(strbuf *b, const char *tag, char **items, int n, const char *none)
{
    sb_printf(b, "<%s>\n", tag);
    for (int i = 0; i < n; i++) el(b, "li", NULL, items[i]), sb_puts(b, "\n");
    if (!n) el(b, "li", "muted", none);
    sb_printf(b, "</%s>\n", tag);
}

static void html_discussion(strbuf *b, const def_scenario *sc)
{
    html_section(b, 7);
    sb_puts(b, "<h3>Discussion questions</h3>\n");
    html_list(b, "ol", sc->questions, sc->nquestions, "The scenario asks none.");
    sb_puts(b, "<h3>Learning objectives</h3>\n");
    html_list(b, "ul", sc->learning, sc->nlearning, "The scenario states none.");
    sb_puts(b, "</section>\n");
}

static void html_truth(strbuf *b, const game *g)
{
    html_section(b, 8);
    if (g->variant < 0) {
        sb_puts(b, "<p class=\"muted\">The scenario has no hidden variants.</p>\n</section>\n");
        return;
    }
    const def_variant *v = &g->sc->variants[g->variant];
    sb_puts(b, "<div class=\"truth\"><strong>");
    esc(b, v->title);
    sb_puts(b, "</strong>");
    el(b, "p", "pre", v->truth ? v->truth : "");
    sb_puts(b, "</div>\n</section>\n");
}

static void plan_row(strbuf *b, const def_objective *o, char r)
{
    sb_puts(b, "<tr>");
    if (o) {
        el(b, "td", NULL, o->title);
        sb_printf(b, "<td><strong class=\"r-%c\">%c</strong> ", r, r);
        esc(b, report_rating_text(r));
        if (o->text) sb_puts(b, ". "), esc(b, o->text);
        sb_puts(b, "</td>");
    } else
        sb_puts(b, "<td></td><td></td>");
    for (int i = 0; i < 6; i++) sb_puts(b, "<td></td>");
    sb_puts(b, "</tr>\n");
}

static void html_plan(strbuf *b, const game *g)
{
    const def_scenario *sc = g->sc;
    html_section(b, 9);
    sb_puts(b, "<p class=\"note\">To fill in after the debrief. Objectives performed with major "
               "challenges or unable to be performed are listed first.</p>\n<table "
               "class=\"plan\">\n<thead><tr><th>Capability / objective</th><th>Issue / area for "
               "improvement</th><th>Corrective action</th><th>Capability element</th><th>Primary "
               "responsible organisation</th><th>Point of contact</th><th>Start date</th>"
               "<th>Completion date</th></tr></thead>\n<tbody>\n");
    for (int i = 0; g->ended && i < sc->nobjectives; i++)
        if (g->ratings[i] == 'M' || g->ratings[i] == 'U')
            plan_row(b, &sc->objectives[i], g->ratings[i]);
    for (int i = 0; i < 4; i++) plan_row(b, NULL, 0);
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void html_source(strbuf *b, const def_source *src)
{
    sb_puts(b, "<li>");
    el(b, "strong", NULL, src->title ? src->title : src->id);
    if (src->publisher) sb_puts(b, ". "), esc(b, src->publisher);
    if (src->date) sb_puts(b, ", "), esc(b, src->date);
    sb_puts(b, ".");
    if (src->url) {
        sb_puts(b, " <a href=\"");
        esc(b, src->url);
        sb_puts(b, "\">");
        esc(b, src->url);
        sb_puts(b, "</a>");
    }
    sb_puts(b, " <span class=\"muted\">[");
    esc(b, src->id);
    sb_puts(b, "]</span></li>\n");
}

static void html_sources(strbuf *b, const def_scenario *sc)
{
    html_section(b, 10);
    sb_puts(b, "<ol>\n");
    for (int i = 0; i < sc->nsources; i++) html_source(b, &sc->sources[i]);
    if (!sc->nsources) sb_puts(b, "<li class=\"muted\">The scenario cites none.</li>\n");
    sb_puts(b, "</ol>\n</section>\n");
}

static void html_foot(strbuf *b, const session *s)
{
    sb_puts(b, "<footer>Generated by crisisroom " CR_ENGINE_VERSION " from a save made with "
               "engine ");
    esc(b, s->h.engine[0] ? s->h.engine : "?");
    sb_printf(b,
              " (scenario hash %016" PRIx64 "); %d journaled commands.</footer>\n</main>\n"
              "</body>\n</html>\n",
              s->h.scenario_hash, s->nlog);
}

int report_html(const session *s, const report_opts *o, strbuf *out)
{
    if (!s || !s->g) return -1;
    const game *g = s->g;
    html_head(out, s->sc);
    html_cover(out, s);
    html_overview(out, s, o);
    html_objectives(out, g);
    html_analysis(out, g);
    html_decisions(out, g);
    html_timeline(out, g);
    html_interventions(out, s);
    html_meters(out, g);
    html_discussion(out, s->sc);
    html_truth(out, g);
    html_plan(out, g);
    html_sources(out, s->sc);
    html_foot(out, s);
    return 0;
}

/* JSON ---------------------------------------------------------------------- */

static void js_str(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *js_strings(char **v, int n)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
    return a;
}

static void js_overview(cJSON *root, const session *s, const report_opts *o)
{
    const game *g = s->g;
    const def_scenario *sc = s->sc;
    char num[32];
    cJSON *ov = cJSON_AddObjectToObject(root, "overview");
    js_str(ov, "scenario", sc->id);
    js_str(ov, "title", sc->title);
    js_str(ov, "version", sc->version);
    js_str(ov, "started", s->h.started[0] ? s->h.started : NULL);
    js_str(ov, "facilitator", o && o->facilitator && *o->facilitator ? o->facilitator : NULL);
    cJSON *roles = cJSON_AddArrayToObject(ov, "roles");
    for (int r = 0; r < sc->nroles; r++) {
        cJSON *ro = cJSON_CreateObject();
        js_str(ro, "id", sc->roles[r].id);
        js_str(ro, "name", sc->roles[r].name);
        cJSON_AddItemToArray(roles, ro);
    }
    str_fmt(num, sizeof num, "%" PRIu64, s->h.seed);
    cJSON_AddRawToObject(ov, "seed", num);
    js_str(ov, "variant", g->variant >= 0 ? sc->variants[g->variant].id : NULL);
    cJSON_AddBoolToObject(ov, "variant_hidden", s->h.variant_mode);
    cJSON_AddNumberToObject(ov, "turns_played", g->turn);
    cJSON_AddNumberToObject(ov, "turns", sc->nturns);
    cJSON_AddBoolToObject(ov, "ended", g->ended);
    js_str(ov, "ending", g->ended ? sc->endings[g->ending].id : NULL);
    js_str(ov, "ending_title", g->ended ? sc->endings[g->ending].title : NULL);
}

static void js_objectives(cJSON *root, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON *a = cJSON_AddArrayToObject(root, "objectives");
    for (int i = 0; i < sc->nobjectives; i++) {
        char r[2] = {g->ended ? g->ratings[i] : 0, 0};
        cJSON *o = cJSON_CreateObject();
        js_str(o, "id", sc->objectives[i].id);
        js_str(o, "title", sc->objectives[i].title);
        js_str(o, "text", sc->objectives[i].text);
        js_str(o, "rating", r[0] ? r : NULL);
        js_str(o, "rating_text", report_rating_text(r[0]));
        cJSON_AddItemToArray(a, o);
    }
}

static cJSON *js_line(const game *g, int turn, const rp_line *l)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "turn", turn);
    js_str(o, "when", game_turn_label(g, turn));
    js_str(o, "kind", logtext_names[l->kind]);
    js_str(o, "who", l->who.len ? l->who.s : NULL);
    js_str(o, "what", l->what.s);
    js_str(o, "why", l->why);
    return o;
}

static void js_timeline(cJSON *root, const game *g)
{
    cJSON *a = cJSON_AddArrayToObject(root, "timeline");
    rp_line l = {0};
    for (int i = 0; i < g->nlog; i++)
        if (rp_timeline(g, &g->log[i], &l)) cJSON_AddItemToArray(a, js_line(g, g->log[i].turn, &l));
    line_free(&l);
}

typedef struct js_iv {
    cJSON *a;
    const game *g;
} js_iv;

static void js_iv_add(void *ud, int turn, const rp_line *l)
{
    js_iv *j = ud;
    cJSON_AddItemToArray(j->a, js_line(j->g, turn, l));
}

static void js_meters(cJSON *root, const game *g)
{
    cJSON *m = cJSON_AddObjectToObject(root, "meters");
    for (int i = 0; i < g->sc->nmeters; i++) {
        cJSON *a = cJSON_AddArrayToObject(m, g->sc->meters[i].id);
        for (int t = 0; t <= g->turn; t++)
            cJSON_AddItemToArray(a, cJSON_CreateNumber(game_history(g, i, t)));
    }
}

static cJSON *js_decision(const game *g, const game_item *it)
{
    const def_scenario *sc = g->sc;
    const def_event *ev = &sc->events[it->event];
    int hist = historical_option(sc, ev);
    cJSON *o = cJSON_CreateObject();
    js_str(o, "event", ev->id);
    js_str(o, "title", ev->title);
    cJSON_AddNumberToObject(o, "turn", it->turn);
    js_str(o, "option", it->option >= 0 ? sc->moves[it->option].id : NULL);
    js_str(o, "label", it->option >= 0 ? sc->moves[it->option].label : NULL);
    js_str(o, "by", it->by >= 0 ? sc->roles[it->by].id : NULL);
    cJSON_AddBoolToObject(o, "expired", it->expired);
    js_str(o, "rationale", it->rationale);
    js_str(o, "historical", hist >= 0 ? sc->moves[hist].id : NULL);
    if (hist < 0 || it->option < 0)
        cJSON_AddNullToObject(o, "same");
    else
        cJSON_AddBoolToObject(o, "same", hist == it->option);
    return o;
}

static void js_scenario_text(cJSON *root, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON_AddItemToObject(root, "questions", js_strings(sc->questions, sc->nquestions));
    cJSON_AddItemToObject(root, "learning_objectives", js_strings(sc->learning, sc->nlearning));
    cJSON *a = cJSON_AddArrayToObject(root, "sources");
    for (int i = 0; i < sc->nsources; i++) {
        const def_source *src = &sc->sources[i];
        cJSON *o = cJSON_CreateObject();
        js_str(o, "id", src->id);
        js_str(o, "title", src->title);
        js_str(o, "publisher", src->publisher);
        js_str(o, "date", src->date);
        js_str(o, "url", src->url);
        cJSON_AddItemToArray(a, o);
    }
    js_str(root, "truth", g->variant >= 0 ? sc->variants[g->variant].truth : NULL);
}

int report_json(const session *s, const report_opts *o, strbuf *out)
{
    if (!s || !s->g) return -1;
    const game *g = s->g;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", "crisisroom-aar");
    cJSON_AddNumberToObject(root, "format", 1);
    js_overview(root, s, o);
    js_objectives(root, g);
    js_timeline(root, g);
    js_iv iv = {cJSON_AddArrayToObject(root, "interventions"), g};
    each_intervention(s, js_iv_add, &iv);
    js_meters(root, g);
    cJSON *d = cJSON_AddArrayToObject(root, "decisions");
    for (int i = 0; i < g->nitems; i++)
        if (decided_items(g, i)) cJSON_AddItemToArray(d, js_decision(g, &g->items[i]));
    js_scenario_text(root, g);
    char *text = cJSON_PrintUnformatted(root);
    sb_puts(out, text);
    sb_puts(out, "\n");
    free(text);
    cJSON_Delete(root);
    return 0;
}
