/*
 * aar_history.c -- the parts of the after-action report that tell history
 * (issue 14), for the HTML page and the JSON: every delivered inject's
 * historical note with its sources in full (publisher, title, date, URL),
 * the intelligence assessment scored (analysis.h), and the discussion
 * questions with the turn each was put to the room. The record of what
 * really happened and this game's hidden truth are labelled apart
 * (logtext_history_label, LOGTEXT_TRUTH_LABEL).
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "analysis.h"
#include "html.h"
#include "report_int.h"

/* The items whose note the report's reader (the debrief) sees. */
static int noted(const game *g, int i)
{
    viewer v = view_debrief();
    int ev = g->items[i].event;
    return ev >= 0 && g->sc->events[ev].note && view_sees_note(&v, g, ev) &&
           view_sees_item(&v, g, i);
}

static void citations(strbuf *b, const def_scenario *sc, char **ids, int n)
{
    strbuf c = {0};
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(&c, "; ");
        logtext_citation(sc, ids[i], &c);
    }
    html_text(b, c.len ? c.s : "");
    sb_free(&c);
}

void aar_history_notes(strbuf *b, const game *g)
{
    const def_scenario *sc = g->sc;
    int n = 0;
    sb_puts(b, "<h3>Notes from history, inject by inject</h3>\n<dl class=\"notes\">\n");
    for (int i = 0; i < g->nitems; i++) {
        if (!noted(g, i)) continue;
        const def_event *ev = &sc->events[g->items[i].event];
        sb_printf(b, "<dt>Turn %d · ", g->items[i].turn);
        html_text(b, ev->title);
        sb_puts(b, "</dt>\n<dd>");
        html_text(b, ev->note);
        if (ev->nsources) {
            sb_puts(b, "<br/><span class=\"muted\">");
            sb_puts(b, ev->nsources > 1 ? "Sources: " : "Source: ");
            citations(b, sc, ev->sources, ev->nsources);
            sb_puts(b, "</span>");
        }
        sb_puts(b, "</dd>\n");
        n++;
    }
    if (!n) sb_puts(b, "<dd class=\"muted\">No inject of this game carries a note.</dd>\n");
    sb_puts(b, "</dl>\n");
}

void aar_assessment(strbuf *b, const game *g)
{
    for (int k = 0; k < g->sc->nboards; k++) {
        if (!analysis_is_board(g->sc, k) || !g->ended) continue;
        analysis_score s;
        analysis_score_of(g, k, &s);
        strbuf w = {0};
        analysis_score_words(g, &s, &w);
        sb_puts(b, "<h3>The intelligence assessment, scored: ");
        html_text(b, g->sc->boards[k].title);
        sb_puts(b, "</h3>\n");
        html_el(b, "p", "pre", w.s);
        sb_free(&w);
    }
}

void aar_questions(strbuf *b, const game *g)
{
    const def_scenario *sc = g->sc;
    sb_puts(b, "<ol>\n");
    for (int i = 0; i < sc->nquestions; i++) {
        int t = game_question_turn(g, i);
        sb_puts(b, "<li>");
        if (t > 0) {
            sb_printf(b, "<span class=\"muted\">Put at turn %d, ", t);
            html_text(b, game_turn_label(g, t));
            sb_puts(b, ":</span> ");
        }
        html_text(b, sc->questions[i]);
        sb_puts(b, "</li>\n");
    }
    if (!sc->nquestions) html_el(b, "li", "muted", "The scenario asks none.");
    sb_puts(b, "</ol>\n");
}

void aar_history_json(cJSON *root, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON_AddStringToObject(root, "history_label", logtext_history_label(sc));
    cJSON *a = cJSON_AddArrayToObject(root, "notes");
    for (int i = 0; i < g->nitems; i++) {
        if (!noted(g, i)) continue;
        const def_event *ev = &sc->events[g->items[i].event];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "event", ev->id);
        cJSON_AddNumberToObject(o, "turn", g->items[i].turn);
        cJSON_AddStringToObject(o, "note", ev->note);
        cJSON *src = cJSON_AddArrayToObject(o, "sources");
        for (int k = 0; k < ev->nsources; k++)
            cJSON_AddItemToArray(src, cJSON_CreateString(ev->sources[k]));
        cJSON_AddItemToArray(a, o);
    }
    cJSON *q = cJSON_AddArrayToObject(root, "question_turns");
    for (int i = 0; i < sc->nquestions; i++)
        cJSON_AddItemToArray(q, cJSON_CreateNumber(game_question_turn(g, i)));
    for (int k = 0; k < sc->nboards; k++) {
        if (!analysis_is_board(sc, k) || !g->ended) continue;
        analysis_score s;
        analysis_score_of(g, k, &s);
        strbuf w = {0};
        analysis_score_words(g, &s, &w);
        cJSON *o = cJSON_AddObjectToObject(root, "assessment");
        cJSON_AddStringToObject(o, "board", sc->boards[k].id);
        cJSON_AddNumberToObject(o, "cards", s.cards);
        cJSON_AddNumberToObject(o, "graded", s.graded);
        cJSON_AddNumberToObject(o, "exact", s.exact);
        cJSON_AddNumberToObject(o, "mean_steps_off", s.distance);
        cJSON_AddNumberToObject(o, "marks", s.cells);
        cJSON_AddNumberToObject(o, "marks_agreeing", s.agree);
        cJSON_AddStringToObject(o, "words", w.s);
        sb_free(&w);
        break; /* the report names one analysis board: the first */
    }
}
