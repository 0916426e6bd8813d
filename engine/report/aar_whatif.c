/*
 * aar_whatif.c -- what-ifs in the report (report.h): one game's outcome
 * read off a session, the pair as JSON (`crisisroom whatif --json`, the
 * report's JSON), and the report's annex, where each what-if stands beside
 * the game as the room played it: the ending, the objectives' ratings and
 * every meter's curve.
 */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdlib.h>

#include "chart.h"
#include "html.h"
#include "report_int.h"

void report_outcome_of(const session *s, int by_policy, report_outcome *out)
{
    const game *g = s->g;
    int nm = g->sc->nmeters;
    out->ended = g->ended;
    out->ending = g->ended ? g->ending : -1;
    out->turns = g->turn;
    out->history = xcalloc((size_t)(g->turn + 1) * (size_t)nm + 1, sizeof *out->history);
    for (int t = 0; t <= g->turn; t++)
        for (int m = 0; m < nm; m++) out->history[(size_t)t * nm + m] = game_history(g, m, t);
    out->ratings = xcalloc((size_t)g->sc->nobjectives + 1, 1);
    for (int i = 0; g->ended && i < g->sc->nobjectives; i++) out->ratings[i] = g->ratings[i];
    out->hash = game_hash(g);
    out->commands = s->nlog;
    out->by_policy = by_policy;
}

static void outcome_free(report_outcome *o)
{
    free(o->history), free(o->ratings);
    o->history = NULL, o->ratings = NULL;
}

void report_whatif_free(report_whatif *w)
{
    outcome_free(&w->original), outcome_free(&w->whatif);
    free(w->replaced), free(w->line);
    w->replaced = w->line = NULL;
}

/* JSON -------------------------------------------------------------------------- */

static cJSON *outcome_json(const def_scenario *sc, const report_outcome *o)
{
    char hash[32];
    cJSON *j = cJSON_CreateObject();
    cJSON_AddBoolToObject(j, "ended", o->ended);
    if (o->ending >= 0)
        cJSON_AddStringToObject(j, "ending", sc->endings[o->ending].id);
    else
        cJSON_AddNullToObject(j, "ending");
    cJSON_AddNumberToObject(j, "turns", o->turns);
    cJSON *m = cJSON_AddObjectToObject(j, "meters");
    for (int i = 0; i < sc->nmeters; i++) {
        cJSON *a = cJSON_AddArrayToObject(m, sc->meters[i].id);
        for (int t = 0; t <= o->turns; t++)
            cJSON_AddItemToArray(a, cJSON_CreateNumber(o->history[(size_t)t * sc->nmeters + i]));
    }
    cJSON *ob = cJSON_AddObjectToObject(j, "objectives");
    for (int i = 0; i < sc->nobjectives; i++) {
        char r[2] = {o->ratings[i], 0};
        if (r[0])
            cJSON_AddStringToObject(ob, sc->objectives[i].id, r);
        else
            cJSON_AddNullToObject(ob, sc->objectives[i].id);
    }
    str_fmt(hash, sizeof hash, "%016" PRIx64, o->hash);
    cJSON_AddStringToObject(j, "state_hash", hash);
    cJSON_AddNumberToObject(j, "commands", o->commands);
    cJSON_AddNumberToObject(j, "by_policy", o->by_policy);
    return j;
}

static cJSON *whatif_json(const def_scenario *sc, const report_whatif *w)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "at", w->at);
    cJSON_AddStringToObject(j, "replaced", w->replaced);
    cJSON_AddStringToObject(j, "line", w->line);
    cJSON_AddStringToObject(j, "policy", policy_name(w->policy));
    cJSON_AddItemToObject(j, "original", outcome_json(sc, &w->original));
    cJSON_AddItemToObject(j, "whatif", outcome_json(sc, &w->whatif));
    return j;
}

void report_whatif_json(const def_scenario *sc, const report_whatif *w, strbuf *out)
{
    cJSON *j = whatif_json(sc, w);
    char *text = cJSON_PrintUnformatted(j);
    sb_puts(out, text);
    sb_puts(out, "\n");
    free(text);
    cJSON_Delete(j);
}

void aar_whatif_json(cJSON *root, const session *s, const report_opts *o)
{
    cJSON *a = cJSON_AddArrayToObject(root, "whatifs");
    for (int i = 0; o && i < o->nwhatifs; i++)
        cJSON_AddItemToArray(a, whatif_json(s->sc, &o->whatifs[i]));
}

/* The annex ------------------------------------------------------------------------ */

static void ending_cell(strbuf *b, const def_scenario *sc, const report_outcome *o)
{
    if (o->ending < 0) {
        sb_printf(b, "<td class=\"muted\">no ending after %d turns</td>", o->turns);
        return;
    }
    sb_puts(b, "<td><strong>");
    html_text(b, sc->endings[o->ending].title);
    sb_printf(b, "</strong> <span class=\"muted\">(turn %d)</span></td>", o->turns);
}

static void rating_cell(strbuf *b, char r)
{
    if (!r) {
        sb_puts(b, "<td class=\"muted\">not rated</td>");
        return;
    }
    sb_printf(b, "<td><span class=\"rating r-%c\"><b>%c</b> ", r, r);
    html_text(b, report_rating_text(r));
    sb_puts(b, "</span></td>");
}

static void compare_table(strbuf *b, const def_scenario *sc, const report_whatif *w)
{
    sb_puts(b, "<table class=\"whatif\">\n<thead><tr><th></th><th>As the room played it</th>"
               "<th>What if</th></tr></thead>\n<tbody>\n<tr><th>Ending</th>");
    ending_cell(b, sc, &w->original);
    ending_cell(b, sc, &w->whatif);
    sb_puts(b, "</tr>\n");
    for (int i = 0; i < sc->nobjectives; i++) {
        sb_puts(b, "<tr>");
        html_el(b, "th", NULL, sc->objectives[i].title);
        rating_cell(b, w->original.ratings[i]);
        rating_cell(b, w->whatif.ratings[i]);
        sb_puts(b, "</tr>\n");
    }
    sb_puts(b, "</tbody>\n</table>\n");
}

static void meter_pair(strbuf *b, const def_scenario *sc, const report_whatif *w, int m)
{
    int nm = sc->nmeters;
    const report_outcome *a = &w->original, *c = &w->whatif;
    double *va = xcalloc((size_t)a->turns + 1, sizeof *va),
           *vc = xcalloc((size_t)c->turns + 1, sizeof *vc);
    for (int t = 0; t <= a->turns; t++) va[t] = a->history[(size_t)t * nm + m];
    for (int t = 0; t <= c->turns; t++) vc[t] = c->history[(size_t)t * nm + m];
    sb_puts(b, "<figure>\n<h3>");
    html_text(b, sc->meters[m].name);
    sb_puts(b, "</h3>\n");
    chart_meter_pair(b, &sc->meters[m], va, a->turns, vc, c->turns);
    sb_printf(b, "<figcaption>As played: %g at the end; what if: %g.</figcaption>\n</figure>\n",
              va[a->turns], vc[c->turns]);
    free(va), free(vc);
}

static void one_whatif(strbuf *b, const session *s, const report_whatif *w, int n)
{
    const def_scenario *sc = s->sc;
    sb_printf(b,
              "<div class=\"keep\">\n<h3>What if %d: command %d</h3>\n<p>The room's command <code>",
              n, w->at);
    html_text(b, w->replaced);
    sb_puts(b, "</code> replaced by <code>");
    html_text(b, w->line);
    sb_printf(b, "</code>, and every move after it played by the %s policy (%d commands). ",
              policy_name(w->policy), w->whatif.by_policy);
    sb_puts(b, "The game as played is on the left");
    if (w->original.by_policy)
        sb_printf(b, ", finished by the same policy (%d commands) as it had not ended",
                  w->original.by_policy);
    sb_puts(b, ".</p>\n");
    compare_table(b, sc, w);
    sb_puts(b, "</div>\n<p class=\"note\">Solid line: as played; dashed: what if.</p>\n"
               "<div class=\"charts\">\n");
    for (int m = 0; m < sc->nmeters; m++) meter_pair(b, sc, w, m);
    sb_puts(b, "</div>\n");
}

void aar_whatif_annex(strbuf *b, const session *s, const report_opts *o, int section)
{
    (void)section; /* an annex: after the numbered sections */
    if (!o || !o->nwhatifs) return;
    sb_puts(b, "<section id=\"whatif\" class=\"sec-whatif\">\n<h2>Annex: what if</h2>\n"
               "<p class=\"note\">Each what-if replays the save up to one command, takes "
               "another in its place, and lets an automatic player make every move after it. "
               "It shows where a different call could have led; the automatic player is no "
               "substitute for the room.</p>\n");
    for (int i = 0; i < o->nwhatifs; i++) one_whatif(b, s, &o->whatifs[i], i + 1);
    sb_puts(b, "</section>\n");
}
