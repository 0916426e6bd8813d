/*
 * text_debrief.c -- the parts of the text mode's debrief that tell history
 * (text.h, issue 14): the hidden truth of this game and the record of what
 * really happened, labelled apart; each inject with the players' choice,
 * what really happened, its historical note and its sources in full; the
 * analysis scored; the discussion questions by the turn they were put.
 * Also the pause points: the questions put to the room as a turn starts.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "analysis.h"
#include "logtext.h"
#include "record.h"
#include "session.h"
#include "text.h"
#include "util.h"

void text_debrief_truth(const game *g, const viewer *v, int width)
{
    const def_scenario *sc = g->sc;
    if (g->variant < 0 || !view_sees_truth(v, g)) return;
    const def_variant *va = &sc->variants[g->variant];
    printf(_("\n%s (the variant '%s'):\n"), _(LOGTEXT_TRUTH_LABEL), va->title);
    text_wrap(width, 2, va->truth);
}

void text_debrief_analysis(const game *g, const viewer *v, int width)
{
    for (int b = 0; b < g->sc->nboards; b++) {
        if (!analysis_is_board(g->sc, b) || !view_sees_board(v, g, b)) continue;
        printf(_("\nThe intelligence assessment (%s):\n"), g->sc->boards[b].title);
        text_analysis_score(g, b, width);
    }
}

static void sources_line(const def_scenario *sc, char **ids, int n, int width)
{
    strbuf b = {0};
    sb_puts(&b, n > 1 ? _("Sources: ") : _("Source: "));
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(&b, "; ");
        logtext_citation(sc, ids[i], &b);
    }
    text_wrap(width, 6, b.s);
    sb_free(&b);
}

/* One inject: the choice beside history, then the note and the sources. */
static void item_history(const session *s, const viewer *v, int i, int width)
{
    const game *g = s->g;
    const def_scenario *sc = g->sc;
    const game_item *it = &g->items[i];
    const def_event *ev = &sc->events[it->event];
    if (!ev->noptions && !(ev->note && view_sees_note(v, g, it->event))) return;
    char line[2048];
    str_fmt(line, sizeof line, _("%s (turn %d)"), ev->title, it->turn);
    text_wrap(width, 2, line);
    if (ev->noptions) {
        int h = def_historical_option(sc, it->event); /* none: it never happened */
        int same = h >= 0 && it->option >= 0 && sc->moves[it->option].historical;
        char who[160];
        str_fmt(who, sizeof who, "%s", _("no one"));
        record_maker_words(s, record_decision_entry(s, i), who, sizeof who);
        if (it->option < 0)
            str_fmt(line, sizeof line, _("(no decision)"));
        else
            str_fmt(line, sizeof line, _("%s: %s%s"), who, sc->moves[it->option].label,
                    same ? _("  (as it happened)") : "");
        text_wrap(width, 4, line);
        if (h >= 0 && !same) {
            str_fmt(line, sizeof line, _("%s: %s"), logtext_history_label(sc), sc->moves[h].label);
            text_wrap(width, 4, line);
        }
        if (ev->invented)
            text_wrap(width, 4,
                      _("(this inject never really happened: a branch of "
                        "the exercise)"));
    }
    if (ev->note && view_sees_note(v, g, it->event)) {
        str_fmt(line, sizeof line, _("Note: %s"), ev->note);
        text_wrap(width, 4, line);
    }
    if (ev->nsources) sources_line(sc, ev->sources, ev->nsources, width);
}

/* A decision the facilitator added during the game: who made it, and what. */
static void adhoc_history(const session *s, int i, int width)
{
    const game_item *it = &s->g->items[i];
    char line[2048], who[160];
    str_fmt(line, sizeof line, _("%s (turn %d, an ad-hoc decision)"), it->title, it->turn);
    text_wrap(width, 2, line);
    if (it->option < 0) {
        text_wrap(width, 4, _("(no decision)"));
        return;
    }
    record_maker_words(s, record_decision_entry(s, i), who, sizeof who);
    str_fmt(line, sizeof line, _("%s: %s"), who, it->opts[it->option]);
    text_wrap(width, 4, line);
}

void text_debrief_history(const session *s, const viewer *v, int width)
{
    const game *g = s->g;
    char head[256];
    str_fmt(head, sizeof head,
            _("Your decisions, who made each, beside '%s' (said where you chose otherwise), "
              "with the notes of each inject:"),
            logtext_history_label(g->sc));
    printf("\n");
    text_wrap(width, 0, head);
    for (int i = view_next_item(v, g, -1); i >= 0; i = view_next_item(v, g, i))
        if (g->items[i].event >= 0)
            item_history(s, v, i, width);
        else if (g->items[i].nopts)
            adhoc_history(s, i, width);
}

void text_debrief_questions(const game *g, int width)
{
    const def_scenario *sc = g->sc;
    if (sc->nquestions) printf(_("\nFor discussion:\n"));
    for (int i = 0; i < sc->nquestions; i++) {
        char q[4096];
        int t = game_question_turn(g, i);
        if (t > 0)
            str_fmt(q, sizeof q, _("%d. (put at turn %d, %s) %s"), i + 1, t, game_turn_label(g, t),
                    sc->questions[i]);
        else
            str_fmt(q, sizeof q, "%d. %s", i + 1, sc->questions[i]);
        text_wrap(width, 2, q);
    }
}

int text_pause_points(const game *g, int width)
{
    const def_scenario *sc = g->sc;
    int n = 0;
    for (int i = 0; i < sc->nquestions; i++) {
        if (game_question_turn(g, i) != g->turn) continue;
        if (!n++) printf(_("\n*** PAUSE FOR DISCUSSION, before the teams move ***\n"));
        char q[4096];
        str_fmt(q, sizeof q, "Q%d. %s", i + 1, sc->questions[i]);
        text_wrap(width, 2, q);
    }
    return n;
}
