/*
 * hseep.c -- observations, the improvement plan and the exercise's
 * particulars (see hseep.h).
 */
#include "hseep.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define HSEEP_ROW_(id, name, missions) {#id, name, missions, 0},
const hseep_name hseep_capabilities[HSEEP_NCAPABILITIES] = {HSEEP_CAPABILITIES(HSEEP_ROW_)};
#undef HSEEP_ROW_
#define HSEEP_ROW_(id, name) {#id, name, NULL, 0},
const hseep_name hseep_elements[HSEEP_NELEMENTS] = {HSEEP_ELEMENTS(HSEEP_ROW_)};
#undef HSEEP_ROW_
#define HSEEP_ROW_(id, name, team) {#id, name, NULL, team},
const hseep_name hseep_fields[HSEEP_NFIELDS] = {HSEEP_FIELDS(HSEEP_ROW_)};
#undef HSEEP_ROW_

const char *const hseep_kind_names[2] = {"strength", "area"};

/* Names ----------------------------------------------------------------------- */

int hseep_capability_find(const char *word)
{
    size_t n = strlen(word);
    int found = -1;
    for (int i = 0; i < HSEEP_NCAPABILITIES; i++) {
        if (strcmp(word, hseep_capabilities[i].id) == 0) return i;
        if (n && strncmp(word, hseep_capabilities[i].id, n) == 0) found = found == -1 ? i : -2;
    }
    return found < 0 ? -1 : found;
}

static int find_in(const hseep_name *t, int count, const char *word)
{
    for (int i = 0; i < count; i++)
        if (strcmp(word, t[i].id) == 0) return i;
    return -1;
}

int hseep_element_find(const char *word)
{
    return find_in(hseep_elements, HSEEP_NELEMENTS, word);
}

int hseep_date_ok(const char *s)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9') return 0;
    if (s[10]) return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
    return m != 2 || d <= 28 + leap;
}

/* "a, b, c" of a table's ids, for a refusal. */
static void list_ids(const hseep_name *t, int count, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0; i < count; i++) str_cat(out, size, "%s%s", i ? ", " : "", t[i].id);
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* Commands -------------------------------------------------------------------- */

int hseep_is_command(cmd_kind k)
{
    return k == CMD_OBSERVE || k == CMD_CAUSE || k == CMD_PLAN || k == CMD_OWNER ||
           k == CMD_EXERCISE;
}

static int objective_arg(const def_scenario *sc, const char *word, int *out, char *err,
                         size_t errlen)
{
    *out = -1;
    if (strcmp(word, "-") == 0) return 0;
    for (int i = 0; i < sc->nobjectives; i++)
        if (strcmp(word, sc->objectives[i].id) == 0) return *out = i, 0;
    char ids[1024] = "";
    for (int i = 0; i < sc->nobjectives; i++)
        str_cat(ids, sizeof ids, "%s%s", i ? ", " : "", sc->objectives[i].id);
    return fail(err, errlen, "unknown objective '%s'; objectives: %s%s- (none in particular)", word,
                ids, sc->nobjectives ? ", " : "");
}

/* The capabilities whose ids start with word, for a refusal. */
static void starting(const char *word, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0; i < HSEEP_NCAPABILITIES; i++)
        if (strncmp(word, hseep_capabilities[i].id, strlen(word)) == 0)
            str_cat(out, size, "%s%s", out[0] ? ", " : "", hseep_capabilities[i].id);
}

static int capability_arg(const char *word, char *err, size_t errlen)
{
    int k = hseep_capability_find(word);
    if (k >= 0) return k;
    char ids[1024];
    starting(word, ids, sizeof ids);
    if (ids[0])
        return fail(err, errlen, "'%s' starts several core capabilities: %s; give more of it", word,
                    ids);
    return fail(err, errlen,
                "unknown core capability '%s'; give one of the 32 of the National Preparedness "
                "Goal by its id or its start, e.g. cybersecurity, operational_coordination, "
                "public_information_and_warning, intelligence_and_information_sharing, "
                "planning, forensics_and_attribution, infrastructure_systems (the "
                "facilitator's guide lists them all)",
                word);
}

static int do_observe(hseep_eval *e, const def_scenario *sc, int turn, const cmd *c, char *err,
                      size_t errlen)
{
    int objective, kind = strcmp(c->c, "strength") == 0 ? HSEEP_STRENGTH
                          : strcmp(c->c, "area") == 0   ? HSEEP_AREA
                                                        : -1;
    if (objective_arg(sc, c->a, &objective, err, errlen)) return -1;
    int cap = capability_arg(c->b, err, errlen);
    if (cap < 0) return -1;
    if (kind < 0)
        return fail(err, errlen, "'%s' is neither 'strength' nor 'area' (area for improvement)",
                    c->c);
    if (e->nobs >= HSEEP_MAX_OBSERVATIONS)
        return fail(err, errlen, "already %d observations, the most one exercise keeps",
                    HSEEP_MAX_OBSERVATIONS);
    hseep_obs *o = VEC_PUSH(e->obs, e->nobs, e->cobs);
    *o = (hseep_obs){turn, objective, cap, (hseep_kind)kind, xstrdup(c->text), NULL};
    return 0;
}

/* N of `cause N`, `plan N`, `owner N`: a record's number, from 1. */
static int number_arg(double v, int count, const char *what, char *err, size_t errlen)
{
    if (v >= 1 && v <= count && v == floor(v)) return (int)v - 1;
    if (!count) return fail(err, errlen, "there is no %s yet", what);
    return fail(err, errlen, "no %s %g; they are numbered 1 to %d", what, v, count);
}

static void replace(char **dst, const char *text)
{
    free(*dst);
    *dst = text[0] ? xstrdup(text) : NULL;
}

static int do_cause(hseep_eval *e, const cmd *c, char *err, size_t errlen)
{
    int i = number_arg(c->value, e->nobs, "observation", err, errlen);
    if (i < 0) return -1;
    replace(&e->obs[i].cause, c->text);
    return 0;
}

static int date_arg(const char *word, const char *what, char *out, char *err, size_t errlen)
{
    out[0] = '\0';
    if (strcmp(word, "-") == 0) return 0;
    if (!hseep_date_ok(word))
        return fail(err, errlen,
                    "the %s date '%s' is not a date written YYYY-MM-DD (or '-': not "
                    "set yet)",
                    what, word);
    str_fmt(out, HSEEP_DATE_MAX, "%s", word);
    return 0;
}

static int do_plan(hseep_eval *e, const cmd *c, char *err, size_t errlen)
{
    hseep_plan p = {0};
    char ids[256];
    if ((p.obs = number_arg(c->value, e->nobs, "observation", err, errlen)) < 0) return -1;
    if (e->obs[p.obs].kind != HSEEP_AREA)
        return fail(err, errlen,
                    "observation %d is a strength; a corrective action answers an area for "
                    "improvement",
                    p.obs + 1);
    if ((p.element = hseep_element_find(c->a)) < 0) {
        list_ids(hseep_elements, HSEEP_NELEMENTS, ids, sizeof ids);
        return fail(err, errlen, "unknown capability element '%s'; elements: %s", c->a, ids);
    }
    if (date_arg(c->b, "start", p.start, err, errlen) ||
        date_arg(c->c, "completion", p.done, err, errlen))
        return -1;
    /* ISO dates compare as strings. */
    if (p.start[0] && p.done[0] && strcmp(p.done, p.start) < 0)
        return fail(err, errlen, "the completion date %s is before the start date %s", p.done,
                    p.start);
    if (e->nplan >= HSEEP_MAX_PLAN)
        return fail(err, errlen, "already %d corrective actions, the most one plan keeps",
                    HSEEP_MAX_PLAN);
    p.action = xstrdup(c->text);
    *VEC_PUSH(e->plan, e->nplan, e->cplan) = p;
    return 0;
}

static int do_owner(hseep_eval *e, const cmd *c, char *err, size_t errlen)
{
    int i = number_arg(c->value, e->nplan, "corrective action", err, errlen);
    if (i < 0) return -1;
    replace(&e->plan[i].owner, c->text);
    return 0;
}

static int do_exercise(hseep_eval *e, const def_scenario *sc, const cmd *c, char *err,
                       size_t errlen)
{
    char ids[512];
    int f = find_in(hseep_fields, HSEEP_NFIELDS, c->a);
    if (f < 0) {
        list_ids(hseep_fields, HSEEP_NFIELDS, ids, sizeof ids);
        return fail(err, errlen, "unknown field '%s'; fields: %s", c->a, ids);
    }
    if (!hseep_fields[f].per_team) {
        if (c->b[0]) return fail(err, errlen, "'%s' is the whole exercise's: name no team", c->a);
        replace(&e->field[f], c->text);
        return 0;
    }
    int r = def_role_find(sc, c->b);
    if (r < 0) {
        ids[0] = '\0';
        for (int i = 0; i < sc->nroles; i++)
            str_cat(ids, sizeof ids, "%s%s", i ? ", " : "", sc->roles[i].id);
        return fail(err, errlen, "'%s' needs a team: %s %s ROLE -- names; roles: %s", c->a,
                    cmd_names[CMD_EXERCISE], c->a, ids);
    }
    replace(&e->participants[r], c->text);
    return 0;
}

int hseep_apply(hseep_eval *e, const def_scenario *sc, int turn, const cmd *c, char *err,
                size_t errlen)
{
    switch (c->kind) {
    case CMD_OBSERVE:
        return do_observe(e, sc, turn, c, err, errlen);
    case CMD_CAUSE:
        return do_cause(e, c, err, errlen);
    case CMD_PLAN:
        return do_plan(e, c, err, errlen);
    case CMD_OWNER:
        return do_owner(e, c, err, errlen);
    case CMD_EXERCISE:
        return do_exercise(e, sc, c, err, errlen);
    default:
        return fail(err, errlen, "'%s' is not an evaluation command", cmd_names[c->kind]);
    }
}

/* Life cycle ------------------------------------------------------------------ */

void hseep_clear(hseep_eval *e)
{
    for (int i = 0; i < e->nobs; i++) free(e->obs[i].text), free(e->obs[i].cause);
    for (int i = 0; i < e->nplan; i++) free(e->plan[i].action), free(e->plan[i].owner);
    for (int i = 0; i < HSEEP_NFIELDS; i++) free(e->field[i]), e->field[i] = NULL;
    for (int i = 0; i < CR_MAX_ROLES; i++) free(e->participants[i]), e->participants[i] = NULL;
    e->nobs = e->nplan = 0;
}

void hseep_free(hseep_eval *e)
{
    hseep_clear(e);
    free(e->obs), free(e->plan);
    e->obs = NULL, e->plan = NULL, e->cobs = e->cplan = 0;
}
