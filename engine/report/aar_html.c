/*
 * aar_html.c -- the after-action report as one self-contained XHTML page
 * (report.h): sections in the order of the HSEEP AAR/IP, an inline
 * stylesheet, an SVG chart per meter (chart.h), text escaped by html.h.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "chart.h"
#include "html.h"
#include "report_int.h"

static void kv_row(strbuf *b, const char *key, const char *value)
{
    sb_puts(b, "<tr>");
    html_el(b, "th", NULL, key);
    html_el(b, "td", NULL, value);
    sb_puts(b, "</tr>\n");
}

/* The page's stylesheet, before the charts' rules. */
static const char aar_css[] =
    ":root{--ink:#1d2733;--muted:#5a6675;--line:#d5dbe3;--soft:#f4f6f9;--accent:#24507a;--p:#"
    "1e6b34;--s:#7a5c00;--m:#a8430a;--u:#a3161a}\n" REPORT_PAGE_CSS
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
    "currentColor;border-radius:4px;font-weight:600;font-size:13px;white-space:nowrap}\n"
    ".rating b{display:inline-block;min-width:1.2em}\n"
    ".r-P{color:var(--p);background:#e8f4ec}.r-S{color:var(--s);background:#fbf3dc}\n"
    ".r-M{color:var(--m);background:#fcebe0}.r-U{color:var(--u);background:#fae6e6}\n"
    ".r-none{color:var(--muted)}\n"
    ".same{color:var(--p);font-weight:600}.diff{color:var(--m);font-weight:600}\n"
    ".charts{display:grid;grid-template-columns:1fr 1fr;gap:16px}\n"
    "figure{margin:0;border:1px solid var(--line);border-radius:4px;padding:10px 12px}\n"
    "figure h3{margin:0 0 4px;font-size:15px}\n"
    "figcaption{font-size:13px}\n";

/* After the charts' own rules (chart_meter_css). */
static const char aar_css_end[] =
    "tr.k-outcome td,tr.k-evidence td,tr.k-expired td{color:var(--muted);font-size:13px}\n"
    "tr.k-outcome td.pre,tr.k-evidence td.pre{padding-left:22px}\n"
    "tr.k-decision td,tr.k-action td{font-weight:500}\n"
    "tr.k-end td{font-weight:600;color:var(--accent)}\n"
    "ul.sa li{margin:4px 0}\n"

    ".truth{border-left:4px solid var(--accent);background:var(--soft);padding:10px 14px}\n"
    "footer{margin-top:40px;font-size:12px;color:var(--muted);border-top:1px solid var(--line);"
    "padding-top:8px}\n"
    "table,figure,.truth,tr{break-inside:avoid;page-break-inside:avoid}\n"
    "table.flow{break-inside:auto;page-break-inside:auto}\n"
    "@media (max-width:760px){main{padding:20px}.charts{grid-template-columns:1fr}}\n"
    "@page{margin:16mm 14mm}\n"

    "@media print{body{background:none;font-size:10.5pt}\n"
    "main{max-width:none;margin:0;padding:0;border:0}\n"
    "nav.toc{display:none}\n"
    "thead th,tr.turn th,.truth,.rating{background:none}\n"
    "thead{display:table-header-group}\n"
    "a{color:inherit;text-decoration:none}\n"
    ".charts{grid-template-columns:1fr 1fr;gap:8px}\n"
    "h2{break-before:auto}}\n";

static void aar_head(strbuf *b, const def_scenario *sc)
{
    sb_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
               "<head>\n<meta charset=\"utf-8\"/>\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
               "<meta name=\"generator\" content=\"crisisroom " CR_ENGINE_VERSION "\"/>\n");
    sb_puts(b, "<title>After-action report: ");
    html_text(b, sc->title);
    sb_printf(b, "</title>\n<style>\n%s%s%s%s</style>\n</head>\n<body>\n<main>\n", aar_css,
              chart_meter_css, aar_css_end, aar_eval_css);
}

static const char *const aar_sections[][2] = {
    {"overview", "Exercise overview"},
    {"objectives", "Objectives and ratings"},
    {"analysis", "Strengths and areas for improvement"},
    {"decisions", "Decisions beside history"},
    {"timeline", "Timeline of injects and decisions"},
    {"interventions", "Facilitator interventions and notes"},
    {"time", "Time taken by each team"},
    {"meters", "Meters over the exercise"},
    {"discussion", "Discussion questions and learning objectives"},
    {"truth", LOGTEXT_TRUTH_LABEL},
    {"plan", "Improvement plan"},
    {"sources", "Sources cited"},
    {"hotwash", "Participants' feedback (hotwash)"}, /* only with answers */
};
#define AAR_NSECTIONS (int)(sizeof aar_sections / sizeof aar_sections[0])
#define AAR_HOTWASH   (AAR_NSECTIONS - 1)

void aar_section(strbuf *b, int i)
{
    sb_printf(b, "<section id=\"%s\" class=\"sec-%s\">\n<h2>%d. %s</h2>\n", aar_sections[i][0],
              aar_sections[i][0], i + 1, aar_sections[i][1]);
}

static void aar_cover(strbuf *b, const session *s, const report_opts *o, const aar_hotwash *hw)
{
    aar_eval_cover(b, s);
    sb_puts(b, "</header>\n<nav class=\"toc\" aria-label=\"Contents\">\n<ol>\n");
    for (int i = 0; i < AAR_NSECTIONS - !hw->n; i++)
        sb_printf(b, "<li><a href=\"#%s\">%s</a></li>\n", aar_sections[i][0], aar_sections[i][1]);
    if (o && o->nwhatifs) sb_puts(b, "<li><a href=\"#whatif\">Annex: what if</a></li>\n");
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
        sb_printf(v, "%s: %s", g->sc->endings[g->ending].title, game_ending_text(g));
    else
        sb_printf(v, "not reached: the exercise stopped during turn %d", g->turn);
}

static void aar_overview(strbuf *b, const session *s, const report_opts *o, const record_times *t)
{
    const game *g = s->g;
    const def_scenario *sc = s->sc;
    strbuf v = {0};
    aar_section(b, 0);
    if (sc->summary) html_el(b, "p", NULL, sc->summary);
    sb_puts(b, "<table class=\"kv flow\">\n");
    kv_row(b, "Scenario", sc->title);
    sb_printf(&v, "%s, version %s", sc->id, sc->version ? sc->version : "not given");
    kv_row(b, "Scenario id and version", v.s);
    aar_eval_particulars(b, s, o, t);
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

static void aar_rating(strbuf *b, char r)
{
    if (r == 'P' || r == 'S' || r == 'M' || r == 'U')
        sb_printf(b, "<span class=\"rating r-%c\"><b>%c</b> ", r, r);
    else
        sb_puts(b, "<span class=\"rating r-none\"><b>-</b> ");
    html_text(b, report_rating_text(r));
    sb_puts(b, "</span>");
}

/* The participants' mean beside the facilitator's rating, when they answered. */
static void aar_hw_cell(strbuf *b, const aar_hotwash *hw, int i)
{
    int n;
    double mean = aar_hotwash_mean(hw, i, &n);
    if (n)
        sb_printf(b, "<td><b>%.1f</b> of 5 <span class=\"muted\">(%d answer%s)</span></td>", mean,
                  n, n == 1 ? "" : "s");
    else
        sb_puts(b, "<td class=\"muted\">not rated</td>");
}

static void aar_objectives(strbuf *b, const game *g, const aar_hotwash *hw)
{
    const def_scenario *sc = g->sc;
    aar_section(b, 1);
    sb_puts(b, "<p class=\"note\">Ratings follow HSEEP: P performed without challenges, S with "
               "some challenges, M with major challenges, U unable to be performed.");
    if (!g->ended) sb_puts(b, " The exercise did not reach an ending, so nothing was rated.");
    sb_puts(b, "</p>\n<table class=\"flow\">\n<thead><tr><th>Objective</th><th>What it asks</th>"
               "<th>Rating</th>");
    if (hw->n) sb_puts(b, "<th>Participants (1-5, <a href=\"#hotwash\">hotwash</a>)</th>");
    sb_puts(b, "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < sc->nobjectives; i++) {
        sb_puts(b, "<tr>");
        html_el(b, "td", NULL, sc->objectives[i].title);
        html_el(b, "td", "pre", game_objective_text(g, i)); /* computed at the end, maybe */
        sb_puts(b, "<td>");
        aar_rating(b, g->ended ? g->ratings[i] : 0);
        sb_puts(b, "</td>");
        if (hw->n) aar_hw_cell(b, hw, i);
        sb_puts(b, "</tr>\n");
    }
    if (!sc->nobjectives)
        sb_printf(b, "<tr><td colspan=\"%d\">The scenario has no objectives.</td></tr>\n",
                  hw->n ? 4 : 3);
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* Who decided: a team only when it did (record.h); a move it did not make
   has no rationale of its own. */
static void aar_decided_by(strbuf *b, const session *s, int item)
{
    const game_item *it = &s->g->items[item];
    record_made m;
    char who[AAR_WHO_MAX];
    aar_item_made(s, item, &m, who, sizeof who);
    int open = it->option < 0;
    int team = !open && m.maker == RECORD_TEAM;
    html_el(b, "td", team ? NULL : "made", who);
    html_el(b, "td", NULL, it->option >= 0 ? s->sc->moves[it->option].label : "");
    if (it->rationale)
        html_el(b, "td", "why pre", it->rationale);
    else if (team || open)
        html_el(b, "td", "muted", open ? "" : "none given");
    else
        html_el(b, "td", "muted", "– (not a team's move)");
}

static void aar_decision(strbuf *b, const session *s, int item)
{
    const game_item *it = &s->g->items[item];
    const def_scenario *sc = s->sc;
    const def_event *ev = &sc->events[it->event];
    int hist = aar_historical(sc, ev);
    sb_printf(b, "<tr><td>%d</td>", it->turn);
    html_el(b, "td", NULL, ev->title);
    aar_decided_by(b, s, item);
    html_el(b, "td", NULL,
            hist >= 0      ? sc->moves[hist].label
            : ev->invented ? "never really happened: a branch of the exercise"
                           : "no historical record");
    if (hist < 0 || it->option < 0)
        sb_puts(b, "<td class=\"muted\">– n/a</td></tr>\n");
    else if (hist == it->option)
        sb_puts(b, "<td class=\"same\">= same</td></tr>\n");
    else
        sb_puts(b, "<td class=\"diff\">≠ different</td></tr>\n");
}

static void aar_decisions(strbuf *b, const session *s)
{
    const game *g = s->g;
    int n = 0;
    aar_section(b, 3);
    sb_puts(b, "<table class=\"flow decisions\">\n<thead><tr><th>Turn</th><th>Inject</th>"
               "<th>Decided by</th><th>Choice</th><th>Rationale</th><th>");
    html_text(b, logtext_history_label(g->sc)); /* the record, never this game's truth */
    sb_puts(b, "</th><th>Match</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < g->nitems; i++)
        if (aar_decided(g, i)) aar_decision(b, s, i), n++;
    if (!n) sb_puts(b, "<tr><td colspan=\"7\">No decisions were asked for.</td></tr>\n");
    sb_puts(b, "</tbody>\n</table>\n");
    aar_history_notes(b, g);
    sb_puts(b, "</section>\n");
}

static void aar_turn_row(strbuf *b, const game *g, int turn, int cols)
{
    sb_printf(b, "<tr class=\"turn\"><th colspan=\"%d\">Turn %d · ", cols, turn);
    html_text(b, game_turn_label(g, turn));
    sb_puts(b, "</th></tr>\n");
}

static void aar_line_rest(strbuf *b, const logtext *l)
{
    html_el(b, "td", "pre", l->what.s);
    html_el(b, "td", "why pre", l->why ? l->why : "");
    sb_puts(b, "</tr>\n");
}

static void aar_line(strbuf *b, const logtext *l)
{
    sb_printf(b, "<tr class=\"k-%s\">", logtext_names[l->kind]);
    html_el(b, "td", NULL, l->who.s);
    aar_line_rest(b, l);
}

/* A team's move on the timeline (a choice, an action) that no team made
   says who did. */
static void aar_move_line(strbuf *b, const session *s, int i, const logtext *l)
{
    int kind = s->g->log[i].kind;
    record_made m;
    record_made_of(s, i, &m);
    if ((kind != LOG_CHOOSE && kind != LOG_ACT) || m.maker == RECORD_TEAM ||
        m.maker == RECORD_GAME) {
        aar_line(b, l);
        return;
    }
    char who[AAR_WHO_MAX];
    record_made_words(s, &m, who, sizeof who);
    sb_printf(b, "<tr class=\"k-%s\">", logtext_names[l->kind]);
    html_el(b, "td", "made", who);
    aar_line_rest(b, l);
}

static void aar_timeline(strbuf *b, const session *s)
{
    const game *g = s->g;
    logtext l = {0};
    int turn = 0;
    aar_section(b, 4);
    sb_puts(b, "<table class=\"flow\">\n<thead><tr><th style=\"width:20%\">Who</th><th>What</th>"
               "<th style=\"width:30%\">Rationale</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < g->nlog; i++) {
        if (!aar_on_timeline(g, i, &l)) continue;
        if (g->log[i].turn != turn) aar_turn_row(b, g, turn = g->log[i].turn, 3);
        aar_move_line(b, s, i, &l);
    }
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
    logtext_free(&l);
}

typedef struct aar_iv {
    strbuf *b;
    const game *g;
    int turn, n;
} aar_iv;

static void aar_iv_row(void *ud, int turn, const logtext *l)
{
    aar_iv *h = ud;
    if (turn != h->turn) aar_turn_row(h->b, h->g, h->turn = turn, 3);
    aar_line(h->b, l);
    h->n++;
}

static void aar_interventions(strbuf *b, const session *s)
{
    aar_iv h = {b, s->g, 0, 0};
    aar_section(b, 5);
    sb_puts(b, "<table class=\"flow\">\n<thead><tr><th style=\"width:20%\">To / whose "
               "move</th><th>What</th>"
               "<th style=\"width:30%\">Reason or text</th></tr></thead>\n<tbody>\n");
    aar_each_intervention(s, aar_iv_row, &h);
    if (!h.n) sb_puts(b, "<tr><td colspan=\"3\">The facilitator did not intervene.</td></tr>\n");
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void aar_caption(strbuf *b, const game *g, int mi)
{
    const def_meter *m = &g->sc->meters[mi];
    sb_printf(b, "<figcaption>Start %g, end %g%s", game_history(g, mi, 0),
              game_history(g, mi, g->turn), m->unit ? " " : "");
    html_text(b, m->unit);
    sb_printf(b, " (bounds %g to %g). %s%s", m->min, m->max,
              m->good == GOOD_HIGH  ? "Higher is better."
              : m->good == GOOD_LOW ? "Lower is better."
                                    : "Neither direction is better.",
              m->hidden ? " Hidden from the players during the exercise." : "");
    if (m->text) sb_puts(b, " "), html_text(b, m->text);
    sb_puts(b, "</figcaption>\n");
}

static void aar_chart(strbuf *b, const game *g, int mi)
{
    const def_meter *m = &g->sc->meters[mi];
    double *v = xcalloc((size_t)g->turn + 1, sizeof *v);
    for (int t = 0; t <= g->turn; t++) v[t] = game_history(g, mi, t);
    sb_puts(b, "<figure>\n<h3>");
    html_text(b, m->name);
    if (m->hidden) sb_puts(b, " <span class=\"muted\">(hidden)</span>");
    sb_puts(b, "</h3>\n");
    chart_meter(b, m, v, g->turn);
    aar_caption(b, g, mi);
    sb_puts(b, "</figure>\n");
    free(v);
}

static void aar_meters(strbuf *b, const game *g)
{
    aar_section(b, 7);
    sb_puts(b, "<p class=\"note\">Every meter, hidden ones included, at the start and at the "
               "end of each turn played.</p>\n<div class=\"charts\">\n");
    for (int i = 0; i < g->sc->nmeters; i++) aar_chart(b, g, i);
    sb_puts(b, "</div>\n</section>\n");
}

static void aar_list(strbuf *b, const char *tag, char **items, int n, const char *none)
{
    sb_printf(b, "<%s>\n", tag);
    for (int i = 0; i < n; i++) html_el(b, "li", NULL, items[i]), sb_puts(b, "\n");
    if (!n) html_el(b, "li", "muted", none);
    sb_printf(b, "</%s>\n", tag);
}

static void aar_discussion(strbuf *b, const game *g)
{
    const def_scenario *sc = g->sc;
    aar_section(b, 8);
    sb_puts(b, "<h3>Discussion questions</h3>\n");
    aar_questions(b, g);
    sb_puts(b, "<h3>Learning objectives</h3>\n");
    aar_list(b, "ul", sc->learning, sc->nlearning, "The scenario states none.");
    sb_puts(b, "</section>\n");
}

static void aar_truth(strbuf *b, const game *g)
{
    aar_section(b, 9);
    if (g->variant < 0) {
        sb_puts(b, "<p class=\"muted\">The scenario has no hidden variants.</p>\n</section>\n");
        return;
    }
    const def_variant *v = &g->sc->variants[g->variant];
    sb_puts(b, "<div class=\"truth\"><strong>");
    html_text(b, v->title);
    sb_puts(b, "</strong>");
    html_el(b, "p", "pre", v->truth ? v->truth : "");
    sb_puts(b, "</div>\n");
    sb_puts(b, "<p class=\"note\">The variant played: not the historical record, which the "
               "decisions above set beside the players' choices under its own name.</p>\n");
    aar_assessment(b, g);
    sb_puts(b, "</section>\n");
}

static void aar_source(strbuf *b, const def_source *src)
{
    sb_puts(b, "<li>");
    html_el(b, "strong", NULL, src->title ? src->title : src->id);
    if (src->publisher) sb_puts(b, ". "), html_text(b, src->publisher);
    if (src->date) sb_puts(b, ", "), html_text(b, src->date);
    sb_puts(b, ".");
    if (src->url && !def_url_linkable(src->url)) {
        sb_puts(b, " "); /* javascript:, data: ...: never a link */
        html_text(b, src->url);
    } else if (src->url) {
        sb_puts(b, " <a href=\"");
        html_attr(b, src->url);
        sb_puts(b, "\">");
        html_text(b, src->url);
        sb_puts(b, "</a>");
    }
    sb_puts(b, " <span class=\"muted\">[");
    html_text(b, src->id);
    sb_puts(b, "]</span></li>\n");
}

static void aar_sources(strbuf *b, const def_scenario *sc)
{
    aar_section(b, 11);
    sb_puts(b, "<ol>\n");
    for (int i = 0; i < sc->nsources; i++) aar_source(b, &sc->sources[i]);
    if (!sc->nsources) sb_puts(b, "<li class=\"muted\">The scenario cites none.</li>\n");
    sb_puts(b, "</ol>\n</section>\n");
}

static void aar_hw_ratings(strbuf *b, const game *g, const aar_hotwash *hw)
{
    const def_scenario *sc = g->sc;
    sb_puts(b, "<h3>The objectives, as the participants rated them</h3>\n<table class=\"flow\">\n"
               "<thead><tr><th>Objective</th><th>Facilitator</th><th>Participants</th>"
               "<th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < sc->nobjectives; i++) {
        sb_puts(b, "<tr>");
        html_el(b, "td", NULL, sc->objectives[i].title);
        sb_puts(b, "<td>");
        aar_rating(b, g->ended ? g->ratings[i] : 0);
        sb_puts(b, "</td>");
        aar_hw_cell(b, hw, i);
        for (int v = 1; v <= 5; v++) sb_printf(b, "<td>%d</td>", hw->tally[i][v]);
        sb_puts(b, "</tr>\n");
    }
    if (!sc->nobjectives)
        sb_puts(b, "<tr><td colspan=\"8\">The scenario has no objectives.</td></tr>\n");
    sb_puts(b, "</tbody>\n</table>\n");
}

/* One of the free-text questions: every answer that has something. */
static void aar_hw_texts(strbuf *b, const session *s, const aar_hotwash *hw, int k)
{
    static const char *const titles[AAR_NTEXTS] = {"What went well", "What to improve",
                                                   "Anything else"};
    strbuf who = {0};
    int n = 0;
    sb_printf(b, "<h3>%s</h3>\n<ul class=\"sa\">\n", titles[k]);
    for (int i = 0; i < hw->n; i++) {
        if (!hw->a[i].text[k][0]) continue;
        sb_puts(b, "<li>");
        html_el(b, "span", "pre", hw->a[i].text[k]);
        who.len = 0;
        aar_hotwash_author(s, &hw->a[i], &who);
        if (who.len)
            sb_puts(b, " <span class=\"muted\">— "), html_text(b, who.s), sb_puts(b, "</span>");
        sb_puts(b, "</li>\n");
        n++;
    }
    if (!n) sb_puts(b, "<li class=\"muted\">No answer.</li>\n");
    sb_puts(b, "</ul>\n");
    sb_free(&who);
}

static void aar_feedback(strbuf *b, const session *s, const aar_hotwash *hw)
{
    if (!hw->n) return;
    strbuf who = {0};
    aar_hotwash_who(s, hw, &who);
    aar_section(b, AAR_HOTWASH);
    sb_printf(b, "<p class=\"note\">%d answer%s from the participants' devices after the end (",
              hw->n, hw->n == 1 ? "" : "s");
    html_text(b, who.s ? who.s : "");
    sb_puts(b, "). An answer is anonymous unless its author added a name.</p>\n");
    aar_hw_ratings(b, s->g, hw);
    for (int k = 0; k < AAR_NTEXTS; k++) aar_hw_texts(b, s, hw, k);
    sb_puts(b, "</section>\n");
    sb_free(&who);
}

static void aar_foot(strbuf *b, const session *s)
{
    sb_puts(b, "<footer>Generated by crisisroom " CR_ENGINE_VERSION " from a save made with "
               "engine ");
    html_text(b, s->h.engine[0] ? s->h.engine : "?");
    sb_printf(b,
              " (scenario hash %016" PRIx64 "); %d journaled commands.</footer>\n</main>\n"
              "</body>\n</html>\n",
              s->h.scenario_hash, s->nlog);
}

int report_html(const session *s, const report_opts *o, strbuf *out)
{
    if (!s || !s->g) return -1;
    const game *g = s->g;
    record_times t;
    aar_hotwash hw;
    record_times_of(s, &t);
    aar_hotwash_read(s, &hw);
    aar_head(out, s->sc);
    aar_cover(out, s, o, &hw);
    aar_overview(out, s, o, &t);
    aar_objectives(out, g, &hw);
    aar_eval_analysis(out, s, 2);
    aar_decisions(out, s);
    aar_timeline(out, s);
    aar_interventions(out, s);
    aar_eval_time(out, s, &t, 6);
    aar_meters(out, g);
    aar_discussion(out, g);
    aar_truth(out, g);
    aar_eval_plan(out, s, 10);
    aar_sources(out, s->sc);
    aar_feedback(out, s, &hw);
    aar_whatif_annex(out, s, o, -1);
    aar_foot(out, s);
    aar_hotwash_free(&hw);
    record_times_free(&t);
    return 0;
}
