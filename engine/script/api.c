/*
 * api.c -- the descriptions api.h's lists expand to, and the lookups on
 * them (a kind's fields, a field by name, the nearest name to a typo).
 */
#include <math.h>
#include <string.h>

#include "api.h"
#include "def.h"

/* The column helpers of API_FIELDS, as designated initializers. */
#define NOREF          .ref = K_none
#define T_STR          .type = API_STR, NOREF
#define T_ID           .type = API_ID, NOREF
#define T_NUM          .type = API_NUM, NOREF
#define T_INT          .type = API_INT, NOREF
#define T_BOOL         .type = API_BOOL, NOREF
#define T_FN(s)        .type = API_FN, .shape = (s), NOREF
#define T_NAME(k)      .type = API_NAME, .ref = K_##k
#define T_NAMES(k)     .type = API_NAMES, .ref = K_##k
#define T_STRS         .type = API_STRS, NOREF
#define T_DELTAS       .type = API_DELTAS, NOREF
#define T_STATES       .type = API_STATES, NOREF
#define T_EFFECTS      .type = API_EFFECTS, NOREF
#define T_REQUIRES     .type = API_REQUIRES, NOREF
#define T_CHOICE(a, n) .type = API_CHOICE, .choices = (a), .nchoices = (n), NOREF
#define T_STR_AS(s)    .type = API_STR, .shape = (s), NOREF
#define T_TABLE(s)     .type = API_TABLE, .shape = (s), NOREF
#define T_ANY(s)       .type = API_ANY, .shape = (s), NOREF
#define REQ            .required = 1
#define OPT            .required = 0
#define DEF(v)         .has_def = 1, .num = (v)
#define DEFS(v)        .has_def = 1, .str = (v)
#define R(l, h)        .has_range = 1, .lo = (l), .hi = (h)
#define ANY            .has_range = 0

const char *const api_good_names[] = {"high", "low", "none"};
const char *const api_reliability_names[] = {"A", "B", "C", "D", "E", "F"};

const api_kind_def api_kinds[K_COUNT] = {
#define X(name, cls, doc) {#name, API_##cls, doc},
    API_KINDS(X)
#undef X
};

#define X(k, n, type, need, range, d) {.kind = K_##k, .name = #n, type, need, range, .doc = d},
const api_field api_fields[F_COUNT] = {API_FIELDS(X)};
#undef X

const api_field *api_fields_of(api_kind k, int *n)
{
    int first = -1;
    *n = 0;
    for (int i = 0; i < F_COUNT; i++) /* a kind's fields are together */
        if (api_fields[i].kind == k) {
            if (first < 0) first = i;
            (*n)++;
        }
    return first < 0 ? NULL : &api_fields[first];
}

int api_field_find(api_kind k, const char *name)
{
    int n;
    const api_field *f = api_fields_of(k, &n);
    for (int i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0) return (int)(f + i - api_fields);
    return -1;
}

int api_id_field(api_kind k)
{
    int n;
    const api_field *f = api_fields_of(k, &n);
    for (int i = 0; i < n; i++)
        if (f[i].type == API_ID) return (int)(f + i - api_fields);
    return -1;
}

/* For names of a few dozen bytes; longer ones are far from everything. */
int api_edits(const char *a, const char *b)
{
    enum { MAXLEN = 40 };
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > MAXLEN || lb > MAXLEN) return MAXLEN;
    int d[MAXLEN + 1][MAXLEN + 1];
    for (int i = 0; i <= la; i++) d[i][0] = i;
    for (int j = 0; j <= lb; j++) d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

int api_is_typo(const char *a, const char *b)
{
    int e = api_edits(a, b);
    return e <= 2 && e < (int)strlen(b) / 2 + 1;
}

const char *api_field_near(api_kind k, const char *name)
{
    int n, best = 3;
    const api_field *f = api_fields_of(k, &n);
    const char *near = NULL;
    for (int i = 0; i < n; i++) {
        int e = api_edits(name, f[i].name);
        if (e < best && api_is_typo(name, f[i].name)) best = e, near = f[i].name;
    }
    return near;
}

int api_choice(api_fid f, const char *s)
{
    for (int i = 0; s && i < api_fields[f].nchoices; i++)
        if (strcmp(api_fields[f].choices[i], s) == 0) return i;
    return -1;
}

int api_count(const def_scenario *sc, api_kind k)
{
    switch (k) {
    case K_role:
        return sc->nroles;
    case K_meter:
        return sc->nmeters;
    case K_event:
        return sc->nevents;
    case K_card:
        return sc->ncards;
    case K_board:
        return sc->nboards;
    case K_ending:
        return sc->nendings;
    case K_variant:
        return sc->nvariants;
    case K_objective:
        return sc->nobjectives;
    case K_action:
        return sc->nactions;
    case K_session:
        return sc->nsessions;
    default:
        return 0;
    }
}

const char *api_id(const def_scenario *sc, api_kind k, int i)
{
    switch (k) {
    case K_role:
        return sc->roles[i].id;
    case K_meter:
        return sc->meters[i].id;
    case K_event:
        return sc->events[i].id;
    case K_card:
        return sc->cards[i].id;
    case K_board:
        return sc->boards[i].id;
    case K_ending:
        return sc->endings[i].id;
    case K_variant:
        return sc->variants[i].id;
    case K_objective:
        return sc->objectives[i].id;
    case K_action:
        return sc->moves[sc->actions[i]].id;
    case K_session:
        return sc->sessions[i].id;
    default:
        return NULL;
    }
}

int api_find(const def_scenario *sc, api_kind k, const char *id)
{
    switch (k) {
    case K_role:
        return def_role_find(sc, id);
    case K_meter:
        return def_meter_find(sc, id);
    case K_event:
        return def_event_find(sc, id);
    case K_card:
        return def_card_find(sc, id);
    case K_board:
        return def_board_find(sc, id);
    case K_ending:
        return def_ending_find(sc, id);
    case K_variant:
        return def_variant_find(sc, id);
    case K_action:
        return def_action_find(sc, id);
    default:
        for (int i = 0; i < api_count(sc, k); i++)
            if (strcmp(api_id(sc, k, i), id) == 0) return i;
        return -1;
    }
}
