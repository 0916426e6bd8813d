/*
 * net_view_analysis.c -- what issue 14 adds to a viewer's state (net_view.c),
 * asked of view.h like the rest: an analysis board's hypotheses, who grades
 * it and the team's assessment; each card's grade and marks by the team
 * (and, where the viewer sees the key, its true grade and the key, its
 * citation); each meter's trend in the words every front end uses
 * (trend.h); the session played and this turn's pause point.
 */
#include <cjson/cJSON.h>

#include "analysis.h"
#include "net_int.h"
#include "trend.h"

void net_view_board_analysis(cJSON *j, const game *g, int b)
{
    const def_board *d = &g->sc->boards[b];
    if (!analysis_is_board(g->sc, b)) return;
    cJSON *hy = cJSON_AddArrayToObject(j, "hypotheses");
    for (int h = 0; h < d->nhyps; h++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", d->hyps[h].key);
        cJSON_AddStringToObject(o, "label", d->hyps[h].val);
        cJSON_AddItemToArray(hy, o);
    }
    if (d->graded_by >= 0) cJSON_AddStringToObject(j, "graded_by", g->sc->roles[d->graded_by].id);
    analysis a;
    char words[600];
    analysis_assess(g, b, 0, &a);
    analysis_words(g, &a, words, sizeof words);
    cJSON *as = cJSON_AddObjectToObject(j, "assessment");
    if (a.lead >= 0)
        cJSON_AddStringToObject(as, "lead", d->hyps[a.lead].key);
    else
        cJSON_AddNullToObject(as, "lead");
    cJSON_AddStringToObject(as, "likelihood", analysis_likely_word(a.likely));
    cJSON_AddStringToObject(as, "confidence", analysis_conf_word(a.conf));
    cJSON_AddStringToObject(as, "words", words);
    cJSON *ag = cJSON_AddObjectToObject(as, "against");
    for (int h = 0; h < d->nhyps; h++) cJSON_AddNumberToObject(ag, d->hyps[h].key, a.against[h]);
}

/* true: the card is on an analysis board (its citation then goes with the key). */
int net_view_card_analysis(cJSON *j, const viewer *v, const game *g, int c)
{
    int b = analysis_board_of(g->sc, c);
    if (b < 0) return 0;
    const def_card *d = &g->sc->cards[c];
    const def_board *bd = &g->sc->boards[b];
    char r, grade[4];
    int k;
    if (analysis_grade_of(g, c, &r, &k)) {
        grade[0] = r, grade[1] = (char)('0' + k), grade[2] = '\0';
        cJSON_AddStringToObject(j, "grade", grade);
    } else {
        cJSON_AddNullToObject(j, "grade");
    }
    cJSON *m = cJSON_AddObjectToObject(j, "marks");
    for (int h = 0; h < bd->nhyps; h++) {
        int f = analysis_mark_of(g, c, h);
        if (f != FIT_NONE) cJSON_AddStringToObject(m, bd->hyps[h].key, def_fit_names[f]);
    }
    if (!view_sees_key(v, g, c)) return 1;
    if (d->reliability) {
        grade[0] = d->reliability, grade[1] = (char)('0' + d->credibility), grade[2] = '\0';
        cJSON_AddStringToObject(j, "true_grade", grade);
    }
    cJSON *key = cJSON_AddObjectToObject(j, "key");
    for (int h = 0; h < bd->nhyps; h++)
        cJSON_AddStringToObject(key, bd->hyps[h].key, def_fit_names[analysis_key_of(g->sc, c, h)]);
    if (d->source) cJSON_AddStringToObject(j, "source", d->source);
    return 1;
}

void net_view_trend(cJSON *j, const game *g, int m)
{
    trend t = trend_of(g, m);
    char words[80];
    trend_words(&t, words, sizeof words);
    cJSON *o = cJSON_AddObjectToObject(j, "trend");
    cJSON_AddStringToObject(o, "dir", trend_word(t.dir));
    cJSON_AddNumberToObject(o, "delta", t.delta);
    cJSON_AddNumberToObject(o, "since_turn", t.since);
    cJSON_AddStringToObject(o, "words", words);
}

void net_view_pause(cJSON *o, const game *g)
{
    const def_scenario *sc = g->sc;
    if (g->session >= 0 && g->session < sc->nsessions)
        cJSON_AddStringToObject(o, "session", sc->sessions[g->session].id);
    cJSON *p = cJSON_AddArrayToObject(o, "pause");
    for (int i = 0; i < sc->nquestions; i++)
        if (!g->ended && game_question_turn(g, i) == g->turn)
            cJSON_AddItemToArray(p, cJSON_CreateString(sc->questions[i]));
}
