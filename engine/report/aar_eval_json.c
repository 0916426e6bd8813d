/*
 * aar_eval_json.c -- the evaluation and the provenance in the JSON report
 * (report.h): the exercise's particulars, the observations, the
 * improvement plan, who made each decision and the time each move took.
 * Apart from aar_json.c, as aar_eval.c is from aar_html.c.
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "report_int.h"

static void str_or_null(cJSON *o, const char *key, const char *v)
{
    if (v && *v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static void exercise(cJSON *root, const session *s, const record_times *t)
{
    const hseep_eval *e = &s->g->eval;
    cJSON *x = cJSON_AddObjectToObject(root, "exercise");
    for (int f = 0; f < HSEEP_NFIELDS; f++)
        if (!hseep_fields[f].per_team) str_or_null(x, hseep_fields[f].id, e->field[f]);
    cJSON *p = cJSON_AddObjectToObject(x, "participants");
    for (int r = 0; r < s->sc->nroles; r++) str_or_null(p, s->sc->roles[r].id, e->participants[r]);
    str_or_null(x, "date", t->known ? t->date : NULL);
    if (t->known) {
        cJSON_AddNumberToObject(x, "duration_ms", (double)t->duration_ms);
        cJSON_AddNumberToObject(x, "paused_ms", (double)t->paused_ms);
        cJSON_AddNumberToObject(x, "closed_ms", (double)t->closed_ms);
    } else {
        cJSON_AddNullToObject(x, "duration_ms");
        cJSON_AddNullToObject(x, "paused_ms");
        cJSON_AddNullToObject(x, "closed_ms");
    }
    cJSON *c = cJSON_AddArrayToObject(x, "capabilities");
    for (int i = 0; i < s->sc->ncapabilities; i++)
        cJSON_AddItemToArray(c, cJSON_CreateString(s->sc->capabilities[i]));
}

static void observations(cJSON *root, const session *s)
{
    const hseep_eval *e = &s->g->eval;
    cJSON *a = cJSON_AddArrayToObject(root, "observations");
    for (int i = 0; i < e->nobs; i++) {
        const hseep_obs *o = &e->obs[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "n", i + 1);
        cJSON_AddNumberToObject(j, "turn", o->turn);
        str_or_null(j, "objective", o->objective >= 0 ? s->sc->objectives[o->objective].id : NULL);
        cJSON_AddStringToObject(j, "capability", hseep_capabilities[o->capability].id);
        cJSON_AddStringToObject(j, "kind", hseep_kind_names[o->kind]);
        cJSON_AddStringToObject(j, "text", o->text);
        str_or_null(j, "cause", o->cause);
        str_or_null(j, "by", record_obs_author(s, i));
        cJSON_AddItemToArray(a, j);
    }
}

static void plan(cJSON *root, const session *s)
{
    const hseep_eval *e = &s->g->eval;
    cJSON *a = cJSON_AddArrayToObject(root, "plan");
    for (int i = 0; i < e->nplan; i++) {
        const hseep_plan *p = &e->plan[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "n", i + 1);
        cJSON_AddNumberToObject(j, "observation", p->obs + 1);
        cJSON_AddStringToObject(j, "action", p->action);
        cJSON_AddStringToObject(j, "element", hseep_elements[p->element].id);
        str_or_null(j, "owner", p->owner);
        str_or_null(j, "start", p->start);
        str_or_null(j, "completion", p->done);
        cJSON_AddItemToArray(a, j);
    }
}

static void made(cJSON *root, const session *s)
{
    cJSON *a = cJSON_AddArrayToObject(root, "made_by");
    for (int i = 0; i < s->g->nitems; i++) {
        if (!aar_decided(s->g, i)) continue;
        record_made m;
        char w[AAR_WHO_MAX];
        const char *kind = aar_item_made(s, i, &m, w, sizeof w);
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "event", s->sc->events[s->g->items[i].event].id);
        cJSON_AddStringToObject(j, "kind", kind);
        str_or_null(j, "team", m.role >= 0 ? s->sc->roles[m.role].id : NULL);
        str_or_null(j, "name", m.name);
        cJSON_AddStringToObject(j, "words", w);
        cJSON_AddItemToArray(a, j);
    }
}

static void moves(cJSON *root, const session *s, const record_times *t)
{
    cJSON *a = cJSON_AddArrayToObject(root, "move_times");
    for (int i = 0; i < t->nmoves; i++) {
        if (!t->moves[i].ended) continue;
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "turn", t->moves[i].turn);
        cJSON_AddStringToObject(j, "team", s->sc->roles[t->moves[i].role].id);
        cJSON_AddNumberToObject(j, "ms", (double)t->moves[i].ms);
        cJSON_AddBoolToObject(j, "by_policy", t->moves[i].by == RECORD_POLICY);
        cJSON_AddItemToArray(a, j);
    }
}

void aar_eval_json(cJSON *root, const session *s, const record_times *t)
{
    exercise(root, s, t);
    observations(root, s);
    plan(root, s);
    made(root, s);
    moves(root, s, t);
}

static int named(const def_scenario *sc, int c)
{
    for (int k = 0; k < sc->ncapabilities; k++)
        if (strcmp(sc->capabilities[k], hseep_capabilities[c].id) == 0) return 1;
    return 0;
}

static void capability(cJSON *a, int c, int own)
{
    if (c < 0) return;
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "id", hseep_capabilities[c].id);
    cJSON_AddStringToObject(j, "name", hseep_capabilities[c].name);
    cJSON_AddBoolToObject(j, "own", own);
    cJSON_AddItemToArray(a, j);
}

/* The facilitator's state on the room's devices (engine/net): what the
   evaluators recorded, and the capabilities a form offers (the scenario's
   own first). Never built for a team or an observer (view.h). */
cJSON *report_evaluation_json(const session *s)
{
    const hseep_eval *e = &s->g->eval;
    cJSON *root = cJSON_CreateObject();
    observations(root, s);
    plan(root, s);
    cJSON *x = cJSON_AddObjectToObject(root, "exercise");
    for (int f = 0; f < HSEEP_NFIELDS; f++)
        if (!hseep_fields[f].per_team) str_or_null(x, hseep_fields[f].id, e->field[f]);
    cJSON *caps = cJSON_AddArrayToObject(root, "capabilities");
    for (int k = 0; k < s->sc->ncapabilities; k++) /* the scenario's, in its order */
        capability(caps, hseep_capability_find(s->sc->capabilities[k]), 1);
    for (int c = 0; c < HSEEP_NCAPABILITIES; c++)
        if (!named(s->sc, c)) capability(caps, c, 0);
    cJSON *el = cJSON_AddArrayToObject(root, "elements");
    for (int k = 0; k < HSEEP_NELEMENTS; k++)
        cJSON_AddItemToArray(el, cJSON_CreateString(hseep_elements[k].id));
    return root;
}
