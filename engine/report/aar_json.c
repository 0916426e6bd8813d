/*
 * aar_json.c -- the after-action report as one JSON object (report.h): the
 * same data as the page, for comparing teams. Absent values are null.
 */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdlib.h>

#include "report_int.h"

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
    js_str(ov, "facilitator", aar_facilitator(s, o));
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
        js_str(o, "text", *game_objective_text(g, i) ? game_objective_text(g, i) : NULL);
        js_str(o, "rating", r[0] ? r : NULL);
        js_str(o, "rating_text", report_rating_text(r[0]));
        cJSON_AddItemToArray(a, o);
    }
}

static cJSON *js_line(const game *g, int turn, const logtext *l)
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
    logtext l = {0};
    for (int i = 0; i < g->nlog; i++)
        if (aar_on_timeline(g, i, &l)) cJSON_AddItemToArray(a, js_line(g, g->log[i].turn, &l));
    logtext_free(&l);
}

typedef struct js_iv {
    cJSON *a;
    const game *g;
} js_iv;

static void js_iv_add(void *ud, int turn, const logtext *l)
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
    int hist = aar_historical(sc, ev);
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

static cJSON *js_hw_objective(const game *g, const aar_hotwash *hw, int i)
{
    int n;
    double mean = aar_hotwash_mean(hw, i, &n);
    char r[2] = {g->ended ? g->ratings[i] : 0, 0};
    cJSON *o = cJSON_CreateObject();
    js_str(o, "id", g->sc->objectives[i].id);
    js_str(o, "facilitator", r[0] ? r : NULL);
    if (n)
        cJSON_AddNumberToObject(o, "mean", mean);
    else
        cJSON_AddNullToObject(o, "mean");
    cJSON_AddNumberToObject(o, "answers", n);
    cJSON *c = cJSON_AddArrayToObject(o, "counts"); /* of 1, 2, 3, 4, 5 */
    for (int v = 1; v <= 5; v++) cJSON_AddItemToArray(c, cJSON_CreateNumber(hw->tally[i][v]));
    return o;
}

/* The participants' hotwash (report_int.h): present only when they answered,
   so that a report without it is what it was. */
static void js_hotwash(cJSON *root, const session *s, const aar_hotwash *hw)
{
    if (!hw->n) return;
    cJSON *h = cJSON_AddObjectToObject(root, "hotwash");
    cJSON_AddNumberToObject(h, "answers", hw->n);
    cJSON *a = cJSON_AddArrayToObject(h, "objectives");
    for (int i = 0; i < hw->nobj; i++) cJSON_AddItemToArray(a, js_hw_objective(s->g, hw, i));
    strbuf who = {0};
    for (int k = 0; k < AAR_NTEXTS; k++) {
        cJSON *t = cJSON_AddArrayToObject(h, aar_hotwash_keys[k]);
        for (int i = 0; i < hw->n; i++) {
            if (!hw->a[i].text[k][0]) continue;
            cJSON *o = cJSON_CreateObject();
            js_str(o, "text", hw->a[i].text[k]);
            who.len = 0;
            aar_hotwash_author(s, &hw->a[i], &who);
            js_str(o, "by", who.len ? who.s : NULL);
            cJSON_AddItemToArray(t, o);
        }
    }
    cJSON *teams = cJSON_AddObjectToObject(h, "by_team");
    for (int i = 0; i < hw->n; i++) {
        cJSON *c = cJSON_GetObjectItemCaseSensitive(teams, hw->a[i].who);
        if (c)
            cJSON_SetNumberValue(c, c->valuedouble + 1);
        else
            cJSON_AddNumberToObject(teams, hw->a[i].who, 1);
    }
    sb_free(&who);
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
    aar_each_intervention(s, js_iv_add, &iv);
    js_meters(root, g);
    cJSON *d = cJSON_AddArrayToObject(root, "decisions");
    for (int i = 0; i < g->nitems; i++)
        if (aar_decided(g, i)) cJSON_AddItemToArray(d, js_decision(g, &g->items[i]));
    js_scenario_text(root, g);
    aar_history_json(root, g);
    aar_hotwash hw;
    aar_hotwash_read(s, &hw);
    js_hotwash(root, s, &hw);
    aar_hotwash_free(&hw);
    record_times t;
    record_times_of(s, &t);
    aar_eval_json(root, s, &t);
    record_times_free(&t);
    aar_whatif_json(root, s, o);
    char *text = cJSON_PrintUnformatted(root);
    sb_puts(out, text);
    sb_puts(out, "\n");
    free(text);
    cJSON_Delete(root);
    return 0;
}
