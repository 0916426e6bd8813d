/*
 * aar_eval.c -- the report's sections that come of the evaluation
 * (hseep.h) and of the journal's provenance: the exercise's particulars on
 * the cover and in the overview, strengths and areas for improvement, the
 * time each team took, and the improvement plan. Kept apart from
 * aar_html.c's other sections so that either can change alone.
 *
 * Strengths and areas come from the evaluators' observations and from the
 * ratings: an objective performed without challenges (P) is a strength;
 * one performed with some challenges (S) is an area for improvement, never
 * a strength alone (HSEEP: opportunities to improve were identified); M
 * and U are areas.
 */
#include <stdlib.h>

#include "html.h"
#include "report_int.h"

/* The improvement plan fits a portrait A4 or Letter page (182 mm wide
   inside the margins): fixed columns that add up to the page, text that
   wraps anywhere, dates that never do. */
const char aar_eval_css[] =
    ".handling{color:var(--muted);font-size:13px;margin:8px 0 0}\n"
    ".obs-no{display:inline-block;min-width:1.6em;padding:0 4px;border-radius:3px;"
    "background:var(--soft);border:1px solid var(--line);text-align:center;font-size:12px;"
    "font-weight:600}\n"
    "ul.sa li p{margin:2px 0 4px}ul.sa p.note{margin-bottom:10px}\n"
    ".cause{border-left:3px solid var(--m);padding-left:8px}\n"
    "td.made{color:var(--muted);font-style:italic}\n"
    "ul.plain{margin:0;padding-left:18px}\n"
    "table.grid td,table.grid th{padding:3px 8px;font-size:13px}\n"
    "table.whatif th:first-child{width:34%}\n"
    "table.decisions{table-layout:fixed}\n"
    "table.decisions th:nth-child(1){width:6%}table.decisions th:nth-child(2){width:15%}\n"
    "table.decisions th:nth-child(3){width:14%}table.decisions th:nth-child(4){width:18%}\n"
    "table.decisions th:nth-child(5){width:17%}table.decisions th:nth-child(6){width:18%}\n"
    "table.decisions th:nth-child(7){width:12%}\n"
    "table.decisions td{overflow-wrap:break-word}\n"
    "table.plan{table-layout:fixed;font-size:12px}\n"
    "table.plan td,table.plan th{border:1px solid #9aa5b3;overflow-wrap:break-word;"
    "padding:5px 5px}\n"
    "table.plan tr.blank td{height:3.2em}\n"
    "table.plan col.c-cap{width:14%}table.plan col.c-area{width:18%}"
    "table.plan col.c-act{width:19%}table.plan col.c-el{width:12.5%}"
    "table.plan col.c-own{width:14.5%}table.plan col.c-date{width:11%}\n"
    "table.plan td.date{white-space:nowrap;overflow-wrap:normal}\n"
    "table.plan .r-M,table.plan .r-U{background:none}\n"
    "p.note{break-inside:avoid;page-break-inside:avoid}\n"
    ".keep{break-inside:avoid;page-break-inside:avoid}\n"
    "@media print{section.sec-plan{break-before:page;page-break-before:always}"
    "table.plan{font-size:8pt}table.plan th{font-size:7.5pt}"
    "table.plan td,table.plan th{padding:4px 4px}table.decisions{font-size:9pt}"
    "table.decisions td,table.decisions th{padding:5px 5px}}\n";

const char *aar_facilitator(const session *s, const report_opts *o)
{
    if (o && o->facilitator && *o->facilitator) return o->facilitator;
    return s->g->eval.field[HSEEP_F_facilitator];
}

static const char *or_not(const char *v)
{
    return v && *v ? v : "not recorded";
}

static void kv_line(strbuf *b, const char *key, const char *value, const char *cls)
{
    sb_puts(b, "<tr>");
    html_el(b, "th", NULL, key);
    html_el(b, "td", value && *value ? cls : "muted", or_not(value));
    sb_puts(b, "</tr>\n");
}

/* The cover ------------------------------------------------------------------- */

void aar_eval_cover(strbuf *b, const session *s)
{
    const def_scenario *sc = s->sc;
    const hseep_eval *e = &s->g->eval;
    const char *name = e->field[HSEEP_F_name];
    sb_puts(b, "<header class=\"cover\">\n"
               "<p class=\"kicker\">After-action report / improvement plan</p>\n");
    html_el(b, "h1", NULL, name ? name : sc->title);
    sb_puts(b, "<p class=\"sub\">");
    if (name) html_text(b, sc->title), sb_puts(b, " · ");
    html_text(b, sc->id);
    if (sc->version) sb_puts(b, " v"), html_text(b, sc->version);
    record_times t;
    record_times_of(s, &t);
    sb_puts(b, " · exercise of ");
    html_text(b, t.known ? t.date : s->h.started[0] ? s->h.started : "an unknown date");
    record_times_free(&t);
    sb_puts(b, "</p>\n");
    if (e->field[HSEEP_F_sponsor] || e->field[HSEEP_F_location]) {
        sb_puts(b, "<p class=\"sub\">");
        if (e->field[HSEEP_F_sponsor])
            sb_puts(b, "Sponsor: "), html_text(b, e->field[HSEEP_F_sponsor]);
        if (e->field[HSEEP_F_sponsor] && e->field[HSEEP_F_location]) sb_puts(b, " · ");
        if (e->field[HSEEP_F_location])
            sb_puts(b, "Location: "), html_text(b, e->field[HSEEP_F_location]);
        sb_puts(b, "</p>\n");
    }
    sb_puts(b, "<p class=\"handling\">For the sponsor and the exercise's planners: it names "
               "the hidden truth, every team's reasoning and the facilitator's notes.</p>\n");
}

/* The overview's rows ---------------------------------------------------------- */

static void teams(strbuf *b, const session *s)
{
    const def_scenario *sc = s->sc;
    sb_puts(b, "<tr><th>Teams and participants</th><td><ul class=\"plain\">\n");
    for (int r = 0; r < sc->nroles; r++) {
        const char *who = s->g->eval.participants[r];
        sb_puts(b, "<li><strong>");
        html_text(b, sc->roles[r].name);
        sb_puts(b, "</strong>: ");
        html_el(b, "span", who ? NULL : "muted", who ? who : "participants not recorded");
        sb_puts(b, "</li>\n");
    }
    sb_puts(b, "</ul></td></tr>\n");
}

static void capabilities(strbuf *b, const def_scenario *sc)
{
    strbuf v = {0};
    for (int i = 0; i < sc->ncapabilities; i++) {
        int k = hseep_capability_find(sc->capabilities[i]);
        sb_printf(&v, "%s%s", i ? "; " : "", k >= 0 ? hseep_capabilities[k].name : "?");
    }
    kv_line(b, "Core capabilities examined", v.len ? v.s : "not named by the scenario", NULL);
    sb_free(&v);
}

void aar_eval_particulars(strbuf *b, const session *s, const report_opts *o, const record_times *t)
{
    const hseep_eval *e = &s->g->eval;
    char when[160], len[64], paused[64], closed[64];
    if (e->field[HSEEP_F_name]) kv_line(b, "Exercise", e->field[HSEEP_F_name], NULL);
    kv_line(b, "Sponsor", e->field[HSEEP_F_sponsor], NULL);
    kv_line(b, "Location", e->field[HSEEP_F_location], NULL);
    kv_line(b, "Exercise date (UTC)", t->known ? t->date : s->h.started, NULL);
    if (t->known) {
        record_duration_words(t->duration_ms, len, sizeof len);
        record_duration_words(t->paused_ms, paused, sizeof paused);
        record_duration_words(t->closed_ms, closed, sizeof closed);
        str_fmt(when, sizeof when, "%s of play (%s paused%s%s, not counted)", len, paused,
                t->closed_ms ? "; the program closed for " : "", t->closed_ms ? closed : "");
    }
    kv_line(b, "Duration", t->known ? when : NULL, NULL);
    kv_line(b, "Facilitator", aar_facilitator(s, o), NULL);
    kv_line(b, "Evaluators", e->field[HSEEP_F_evaluators], NULL);
    teams(b, s);
    capabilities(b, s->sc);
}

/* Strengths and areas for improvement ------------------------------------------- */

static const char *objective_title(const def_scenario *sc, int objective)
{
    return objective >= 0 ? sc->objectives[objective].title : "Across objectives";
}

static void rating_chip(strbuf *b, char r)
{
    sb_printf(b, "<span class=\"rating r-%c\"><b>%c</b> ", r, r);
    html_text(b, report_rating_text(r));
    sb_puts(b, "</span>");
}

static void observation(strbuf *b, const session *s, int i)
{
    const hseep_obs *o = &s->g->eval.obs[i];
    sb_printf(b, "<li><span class=\"obs-no\">%d</span> <strong>", i + 1);
    html_text(b, hseep_capabilities[o->capability].name);
    sb_puts(b, "</strong> · ");
    html_text(b, objective_title(s->sc, o->objective));
    html_el(b, "p", "pre", o->text);
    if (o->kind == HSEEP_AREA) {
        sb_puts(b, "<p class=\"cause\"><em>Root cause:</em> ");
        html_el(b, "span", o->cause ? NULL : "muted", o->cause ? o->cause : "not yet analysed");
        sb_puts(b, "</p>");
    }
    sb_printf(b, "<p class=\"note\">Observed in turn %d (%s)", o->turn,
              game_turn_label(s->g, o->turn));
    const char *by = record_obs_author(s, i);
    if (by) sb_puts(b, " by "), html_text(b, by);
    sb_puts(b, ".</p></li>\n");
}

/* Objectives whose rating puts them on this list. */
static int rated_on(char r, int strengths)
{
    return strengths ? r == 'P' : r == 'S' || r == 'M' || r == 'U';
}

static void rated(strbuf *b, const game *g, int i)
{
    const def_objective *o = &g->sc->objectives[i];
    sb_puts(b, "<li>");
    rating_chip(b, g->ratings[i]);
    sb_puts(b, " <strong>");
    html_text(b, o->title);
    sb_puts(b, "</strong>");
    if (g->ratings[i] == 'S')
        sb_puts(b, ": achieved, but the rating found ways to do it better; see the "
                   "observations on it, if any, among the strengths too");
    else if (*game_objective_text(g, i)) /* computed at the end, maybe */
        sb_puts(b, ": "), html_text(b, game_objective_text(g, i));
    sb_puts(b, "</li>\n");
}

static void sa_list(strbuf *b, const session *s, int strengths)
{
    const game *g = s->g;
    const hseep_eval *e = &g->eval;
    int n = 0;
    hseep_kind want = strengths ? HSEEP_STRENGTH : HSEEP_AREA;
    sb_puts(b, "<ul class=\"sa\">\n");
    for (int i = 0; i < e->nobs; i++)
        if (e->obs[i].kind == want) observation(b, s, i), n++;
    for (int i = 0; g->ended && i < g->sc->nobjectives; i++)
        if (rated_on(g->ratings[i], strengths)) rated(b, g, i), n++;
    if (!n) sb_puts(b, "<li class=\"muted\">None recorded.</li>\n");
    sb_puts(b, "</ul>\n");
}

void aar_eval_analysis(strbuf *b, const session *s, int section)
{
    aar_section(b, section);
    sb_printf(b,
              "<p class=\"note\">From the %d observation%s the facilitator and evaluators "
              "recorded (each tied to an objective and a core capability) and from the "
              "objectives' ratings. An objective performed with some challenges (S) is an "
              "area for improvement, never a strength alone.</p>\n",
              s->g->eval.nobs, s->g->eval.nobs == 1 ? "" : "s");
    sb_puts(b, "<h3>Strengths</h3>\n");
    sa_list(b, s, 1);
    sb_puts(b, "<h3>Areas for improvement</h3>\n");
    sa_list(b, s, 0);
    sb_puts(b, "</section>\n");
}

/* The time each team took ---------------------------------------------------------- */

typedef struct team_time {
    long long total, longest;
    int moves, by_policy;
} team_time;

static void sum_teams(const record_times *t, team_time *tt, int nroles)
{
    for (int i = 0; i < t->nmoves; i++) {
        const record_move *m = &t->moves[i];
        if (!m->ended || m->role < 0 || m->role >= nroles) continue;
        if (m->by == RECORD_POLICY) {
            tt[m->role].by_policy++;
            continue;
        }
        tt[m->role].total += m->ms, tt[m->role].moves++;
        if (m->ms > tt[m->role].longest) tt[m->role].longest = m->ms;
    }
}

static void time_summary(strbuf *b, const session *s, const record_times *t)
{
    const def_scenario *sc = s->sc;
    team_time tt[CR_MAX_ROLES] = {{0}};
    sum_teams(t, tt, sc->nroles);
    sb_puts(b, "<table>\n<thead><tr><th>Team</th><th>Moves timed</th><th>Average a move</th>"
               "<th>Longest</th><th>In all</th><th>Moves played automatically</th></tr>"
               "</thead>\n<tbody>\n");
    for (int r = 0; r < sc->nroles; r++) {
        char avg[32] = "–", lng[32] = "–", all[32] = "–";
        if (tt[r].moves) {
            record_duration_words(tt[r].total / tt[r].moves, avg, sizeof avg);
            record_duration_words(tt[r].longest, lng, sizeof lng);
            record_duration_words(tt[r].total, all, sizeof all);
        }
        sb_puts(b, "<tr>");
        html_el(b, "td", NULL, sc->roles[r].name);
        sb_printf(b, "<td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td></tr>\n", tt[r].moves,
                  avg, lng, all, tt[r].by_policy);
    }
    sb_puts(b, "</tbody>\n</table>\n");
}

/* Turn by team: each move's time, "auto" for the automatic player's. */
static void time_grid(strbuf *b, const session *s, const record_times *t)
{
    const def_scenario *sc = s->sc;
    sb_puts(b, "<table class=\"flow grid\">\n<thead><tr><th>Turn</th>");
    for (int r = 0; r < sc->nroles; r++) html_el(b, "th", NULL, logtext_role(sc, r));
    sb_puts(b, "</tr></thead>\n<tbody>\n");
    for (int turn = 1; turn <= s->g->turn; turn++) {
        sb_printf(b, "<tr><td>%d</td>", turn);
        for (int r = 0; r < sc->nroles; r++) {
            char cell[48] = "";
            for (int i = 0; i < t->nmoves; i++)
                if (t->moves[i].ended && t->moves[i].turn == turn && t->moves[i].role == r) {
                    if (t->moves[i].by == RECORD_POLICY)
                        str_fmt(cell, sizeof cell, "auto");
                    else
                        record_duration_words(t->moves[i].ms, cell, sizeof cell);
                }
            html_el(b, "td", cell[0] && cell[0] != 'a' ? NULL : "muted", cell[0] ? cell : "–");
        }
        sb_puts(b, "</tr>\n");
    }
    sb_puts(b, "</tbody>\n</table>\n");
}

/* The moves ended with `end` (the only ones the report times), or only those
   a team ended. */
static int ended_moves(const record_times *t, int teams_only)
{
    int n = 0;
    for (int i = 0; i < t->nmoves; i++)
        n += t->moves[i].ended && (!teams_only || t->moves[i].by != RECORD_POLICY);
    return n;
}

void aar_eval_time(strbuf *b, const session *s, const record_times *t, int section)
{
    aar_section(b, section);
    if (!t->known || !ended_moves(t, 0) || !ended_moves(t, 1)) {
        html_el(b, "p", "muted",
                !t->known || !ended_moves(t, 0)
                    ? "The save records no times of its commands."
                    : "An automatic player made every move: no team's time "
                      "to show.");
        sb_puts(b, "</section>\n");
        return;
    }
    sb_puts(b, "<p class=\"note\">Wall-clock time from the start of each team's move to its "
               "end, from the journal; pauses are not counted. Moves an automatic player made "
               "are no team's, and are left out of the figures.</p>\n");
    time_summary(b, s, t);
    sb_puts(b, "<h3>Each move</h3>\n");
    time_grid(b, s, t);
    sb_puts(b, "</section>\n");
}

/* The improvement plan ---------------------------------------------------------------- */

static void td(strbuf *b, const char *text, const char *cls)
{
    html_el(b, "td", text && *text ? cls : "muted", text && *text ? text : "");
}

/* An area for improvement's first two cells: its capability and itself. */
static void area_cells(strbuf *b, const session *s, int obs)
{
    const hseep_obs *o = &s->g->eval.obs[obs];
    td(b, hseep_capabilities[o->capability].name, NULL);
    sb_printf(b, "<td><span class=\"obs-no\">%d</span> ", obs + 1);
    html_text(b, o->text);
    sb_puts(b, "</td>");
}

static void plan_row(strbuf *b, const session *s, const hseep_plan *p)
{
    sb_puts(b, "<tr>");
    area_cells(b, s, p->obs);
    td(b, p->action, NULL);
    td(b, hseep_elements[p->element].name, NULL);
    td(b, p->owner, NULL);
    td(b, p->start, "date");
    td(b, p->done, "date");
    sb_puts(b, "</tr>\n");
}

static int has_action(const hseep_eval *e, int obs)
{
    for (int i = 0; i < e->nplan; i++)
        if (e->plan[i].obs == obs) return 1;
    return 0;
}

/* An objective rated M or U that no area for improvement names. */
static int unanswered(const session *s, int objective)
{
    const hseep_eval *e = &s->g->eval;
    char r = s->g->ratings[objective];
    if (!s->g->ended || (r != 'M' && r != 'U')) return 0;
    for (int i = 0; i < e->nobs; i++)
        if (e->obs[i].kind == HSEEP_AREA && e->obs[i].objective == objective) return 0;
    return 1;
}

static void objective_row(strbuf *b, const session *s, int i)
{
    const def_objective *o = &s->sc->objectives[i];
    char r = s->g->ratings[i];
    sb_puts(b, "<tr><td class=\"muted\">(to name)</td><td>");
    html_text(b, o->title);
    sb_printf(b, ": <strong class=\"r-%c\">%c</strong> ", r, r);
    html_text(b, report_rating_text(r));
    sb_puts(b, "</td><td></td><td></td><td></td><td></td><td></td></tr>\n");
}

void aar_eval_plan(strbuf *b, const session *s, int section)
{
    const hseep_eval *e = &s->g->eval;
    aar_section(b, section);
    sb_puts(b, "<p class=\"note\">Each corrective action answers an area for improvement "
               "(numbered as in section 3). Areas without one yet, and objectives performed "
               "with major challenges or unable to be performed that no observation names, "
               "follow with their cells to fill in.</p>\n<table class=\"plan flow\">\n"
               "<colgroup><col class=\"c-cap\"/><col class=\"c-area\"/><col class=\"c-act\"/>"
               "<col class=\"c-el\"/><col class=\"c-own\"/><col class=\"c-date\"/>"
               "<col class=\"c-date\"/></colgroup>\n<thead><tr><th>Core capability</th>"
               "<th>Area for improvement</th><th>Corrective action</th><th>Capability "
               "element</th><th>Responsible organisation, point of contact</th><th>Start"
               "</th><th>Completion</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < e->nplan; i++) plan_row(b, s, &e->plan[i]);
    for (int i = 0; i < e->nobs; i++)
        if (e->obs[i].kind == HSEEP_AREA && !has_action(e, i)) {
            sb_puts(b, "<tr class=\"blank\">");
            area_cells(b, s, i);
            sb_puts(b, "<td></td><td></td><td></td><td></td><td></td></tr>\n");
        }
    for (int i = 0; i < s->sc->nobjectives; i++)
        if (unanswered(s, i)) objective_row(b, s, i);
    for (int i = 0; i < 2; i++)
        sb_puts(b, "<tr class=\"blank\"><td></td><td></td><td></td><td></td><td></td><td></td>"
                   "<td></td></tr>\n");
    sb_puts(b, "</tbody>\n</table>\n</section>\n");
}
