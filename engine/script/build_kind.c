/*
 * build_kind.c -- the constructors that are one table of fields each:
 * scenario (with its sources), role, meter, board, card, objective, ending,
 * variant and question. Events, options and actions are in build_move.c,
 * the clock in build_clock.c.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "hseep.h"

/* A source is a table of fields, or just its title. */
static void add_source(bld *b, api_fid f, char **id, void *ud)
{
    def_source *src = def_add_source(b->sc);
    (void)ud;
    src->id = xstrdup(*id);
    if (lua_istable(b->L, -1)) {
        int s = lua_gettop(b->L);
        bld_check_fields(b, s, K_source);
        src->title = bld_str(b, s, F_source_title);
        src->publisher = bld_str(b, s, F_source_publisher);
        src->date = bld_str(b, s, F_source_date);
        src->url = bld_str(b, s, F_source_url);
        def_where was = b->at;
        bld_point(b, s, api_fname(F_source_url), 0);
        src->at = b->at;
        b->at = was;
        src->file = bld_str(b, s, F_source_file);
    } else if (lua_isstring(b->L, -1)) {
        src->title = bld_copy(b, lua_tostring(b->L, -1));
    } else {
        bld_err(b, "%s.%s must be a table { %s = ..., %s = ... }", api_fname(f), *id,
                api_fname(F_source_title), api_fname(F_source_publisher));
    }
}

/* The core capabilities by their ids in hseep.h's fixed list. */
static void capabilities(bld *b, int t)
{
    def_scenario *sc = b->sc;
    bld_strs(b, t, F_scenario_capabilities, &sc->capabilities, &sc->ncapabilities);
    for (int k = 0; k < sc->ncapabilities; k++) {
        int c = hseep_capability_find(sc->capabilities[k]);
        if (c < 0 || strcmp(hseep_capabilities[c].id, sc->capabilities[k]) != 0)
            bld_err(b,
                    "%s: '%s' is not the id of a core capability (e.g. cybersecurity, "
                    "operational_coordination, public_information_and_warning; "
                    "docs/facilitator-guide.md lists the 32)",
                    api_fname(F_scenario_capabilities), sc->capabilities[k]);
    }
}

void bld_scenario(bld *b, int t, int i)
{
    def_scenario *sc = b->sc;
    (void)i;
    if (sc->at.file) { /* not sc->id: the first may have had none */
        bld_err(b, "%s {} is declared twice (first at %s:%d)", api_kinds[K_scenario].name,
                sc->at.file, sc->at.line);
        return;
    }
    sc->at = b->decl;
    bld_check_fields(b, t, K_scenario);
    sc->id = bld_str(b, t, F_scenario_id);
    if (sc->id && !str_is_id(sc->id)) bld_err(b, "id '%s' is not a valid id", sc->id);
    sc->title = bld_str(b, t, F_scenario_title);
    sc->summary = bld_str(b, t, F_scenario_summary);
    sc->version = bld_str(b, t, F_scenario_version);
    sc->situation = bld_str(b, t, F_scenario_situation);
    bld_strs(b, t, F_scenario_accept, &sc->accept, &sc->naccept);
    char **learning = NULL;
    int nlearning = 0;
    bld_strs(b, t, F_scenario_learning_objectives, &learning, &nlearning);
    for (int k = 0; k < nlearning; k++) def_add_learning(sc, learning[k]), free(learning[k]);
    free(learning);
    bld_each_key(b, t, F_scenario_sources, add_source, NULL);
    capabilities(b, t);
    sc->on_turn = bld_fn(b, t, F_scenario_on_turn);
    sc->history = bld_str(b, t, F_scenario_history);
    sc->skip_idle = bld_bool(b, t, F_scenario_skip_idle);
}

void bld_role(bld *b, int t, int i)
{
    def_role *r = &b->sc->roles[i];
    bld_check_fields(b, t, K_role);
    r->name = bld_str(b, t, F_role_name);
    r->shortname = bld_str(b, t, F_role_short);
    if (!r->shortname && r->name) r->shortname = bld_copy(b, r->name);
    r->brief = bld_str(b, t, F_role_brief);
    r->secret = bld_str(b, t, F_role_private);
    r->budget = bld_int(b, t, F_role_budget);
    bld_point_decl(b);
    if (i >= CR_MAX_ROLES) bld_err(b, "more than %d roles", CR_MAX_ROLES);
}

void bld_meter(bld *b, int t, int i)
{
    def_meter *m = &b->sc->meters[i];
    bld_check_fields(b, t, K_meter);
    m->name = bld_str(b, t, F_meter_name);
    m->unit = bld_str(b, t, F_meter_unit);
    m->text = bld_str(b, t, F_meter_text);
    m->min = bld_num(b, t, F_meter_min);
    m->max = bld_num(b, t, F_meter_max);
    m->start = bld_num(b, t, F_meter_start);
    m->hidden = bld_bool(b, t, F_meter_hidden);
    char *good;
    int g = bld_choice(b, t, F_meter_good, &good);
    m->good = g < 0 ? GOOD_HIGH : (def_good)g; /* api_good_names follows def_good */
    if (g < 0 && good) {
        strbuf list = {0};
        bld_choices(F_meter_good, "\"", &list);
        bld_err(b, "%s must be %s (got \"%s\")", api_fname(F_meter_good), list.s, good);
        sb_free(&list);
    }
    free(good);
    if (m->min >= m->max) {
        bld_point(b, t, api_fname(F_meter_min), 0);
        bld_err(b, "%s (%g) must be below %s (%g)", api_fname(F_meter_min), m->min,
                api_fname(F_meter_max), m->max);
    } else if (m->start < m->min || m->start > m->max) {
        bld_point(b, t, api_fname(F_meter_start), 0);
        bld_err(b,
                "%s %g lies outside the bounds [%g, %g] (give a %s between them, or change %s "
                "or %s)",
                api_fname(F_meter_start), m->start, m->min, m->max, api_fname(F_meter_start),
                api_fname(F_meter_min), api_fname(F_meter_max));
    }
}

/* One hypothesis: an id, or { id = ..., label = ... }. */
static def_kv read_hypothesis(bld *b, int ty)
{
    def_kv h = {NULL, NULL};
    if (ty == LUA_TSTRING) {
        h.key = bld_copy(b, lua_tostring(b->L, -1));
        h.val = bld_copy(b, h.key);
    } else if (ty == LUA_TTABLE) {
        h.key = bld_str(b, lua_gettop(b->L), F_hypothesis_id);
        h.val = bld_str(b, lua_gettop(b->L), F_hypothesis_label);
        if (!h.val && h.key) h.val = bld_copy(b, h.key);
    }
    return h;
}

static void get_hypotheses(bld *b, int t, def_board *bd)
{
    if (bld_push(b, t, F_board_hypotheses) <= 0) return;
    int tt = lua_gettop(b->L), cap = 0;
    lua_Integer n = (lua_Integer)lua_rawlen(b->L, tt);
    for (lua_Integer i = 1; i <= n; i++) {
        bld_point(b, tt, NULL, i);
        def_kv h = read_hypothesis(b, lua_rawgeti(b->L, tt, i));
        bld_point(b, tt, NULL, i);
        if (!h.key || !str_is_id(h.key))
            bld_err(b, "%s[%lld] must be an id or { %s = ..., %s = ... }",
                    api_fname(F_board_hypotheses), (long long)i, api_fname(F_hypothesis_id),
                    api_fname(F_hypothesis_label));
        else if (def_hyp_find(bd, h.key) >= 0)
            bld_err(b, "hypothesis '%s' is listed twice", h.key);
        else if (bd->nhyps == CR_MAX_HYPOTHESES)
            bld_err(b, "more than %d hypotheses on one board", CR_MAX_HYPOTHESES);
        else {
            *VEC_PUSH(bd->hyps, bd->nhyps, cap) = h;
            h.key = h.val = NULL;
        }
        free(h.key), free(h.val);
        lua_pop(b->L, 1);
    }
    lua_pop(b->L, 1);
}

void bld_board(bld *b, int t, int i)
{
    def_board *bd = &b->sc->boards[i];
    bld_check_fields(b, t, K_board);
    bd->title = bld_str(b, t, F_board_title);
    bd->text = bld_str(b, t, F_board_text);
    bld_strs(b, t, F_board_columns, &bd->columns, &bd->ncolumns);
    bld_strs(b, t, F_board_rows, &bd->rows, &bd->nrows);
    bd->column_attr = bld_str(b, t, F_board_column_attr);
    bd->row_attr = bld_str(b, t, F_board_row_attr);
    if (!bd->column_attr) bd->column_attr = xstrdup(api_fields[F_board_column_attr].str);
    if (!bd->row_attr) bd->row_attr = xstrdup(api_fields[F_board_row_attr].str);
    get_hypotheses(b, t, bd);
    char *by = bld_str(b, t, F_board_graded_by);
    bd->graded_by = by ? bld_resolve(b, K_role, by) : -1;
    free(by);
    bld_point_decl(b);
    if (bd->graded_by >= 0 && !bd->nhyps)
        bld_err(b, "'%s' needs '%s' (the hypotheses the cards are weighed against)",
                api_fname(F_board_graded_by), api_fname(F_board_hypotheses));
}

typedef struct attrs_ud {
    def_card *c;
    int cap;
} attrs_ud;

/* attrs: free attributes, strings or numbers (kept as text). */
static void add_attr(bld *b, api_fid f, char **key, void *ud)
{
    attrs_ud *a = ud;
    if (lua_type(b->L, -1) == LUA_TSTRING || lua_type(b->L, -1) == LUA_TNUMBER)
        *VEC_PUSH(a->c->attrs, a->c->nattrs, a->cap) =
            (def_kv){bld_copy(b, *key), bld_copy(b, lua_tostring(b->L, -1))};
    else
        bld_err(b, "%s.%s must be a string or a number", api_fname(f), *key);
}

/* fits: hypothesis id -> word, resolved once every board is built. */
static void add_fit_key(bld *b, api_fid f, char **key, void *ud)
{
    attrs_ud *a = ud;
    const char *w = lua_type(b->L, -1) == LUA_TSTRING ? lua_tostring(b->L, -1) : NULL;
    if (!w || def_fit_parse(w) < 0) {
        bld_err(b, "%s.%s must be \"%s\", \"%s\" or \"%s\"", api_fname(f), *key,
                def_fit_names[FIT_CONSISTENT], def_fit_names[FIT_INCONSISTENT],
                def_fit_names[FIT_NEUTRAL]);
        return;
    }
    *VEC_PUSH(a->c->fit_keys, a->c->nfit_keys, a->cap) =
        (def_kv){bld_copy(b, *key), bld_copy(b, w)};
}

static void card_grades(bld *b, int t, def_card *c)
{
    char *got;
    int r = bld_choice(b, t, F_card_reliability, &got);
    if (r < 0 && got) {
        strbuf list = {0};
        bld_choices(F_card_reliability, "\"", &list);
        bld_err(b, "%s must be %s (got \"%s\")", api_fname(F_card_reliability), list.s, got);
        sb_free(&list);
    }
    free(got);
    c->reliability = r >= 0 ? (char)('A' + r) : 0;
    c->credibility = bld_int(b, t, F_card_credibility);
}

void bld_card(bld *b, int t, int i)
{
    bld_check_fields(b, t, K_card);
    def_card c = b->sc->cards[i];
    c.title = bld_str(b, t, F_card_title);
    c.text = bld_str(b, t, F_card_text);
    bld_sources(b, t, F_card_source, &c.sources, &c.nsources);
    c.source = c.nsources ? bld_copy(b, c.sources[0]) : NULL;
    char *board = bld_str(b, t, F_card_board);
    c.board = board ? bld_resolve(b, K_board, board) : -1;
    free(board);
    attrs_ud a = {&c, 0};
    bld_each_key(b, t, F_card_attrs, add_attr, &a);
    card_grades(b, t, &c);
    a.cap = 0;
    bld_each_key(b, t, F_card_fits, add_fit_key, &a);
    b->sc->cards[i] = c;
}

void bld_objective(bld *b, int t, int i)
{
    def_objective *o = &b->sc->objectives[i];
    bld_check_fields(b, t, K_objective);
    o->title = bld_str(b, t, F_objective_title);
    o->text = bld_text_or_fn(b, t, F_objective_text, &o->text_fn);
    o->score = bld_fn(b, t, F_objective_score);
}

void bld_ending(bld *b, int t, int i)
{
    def_ending *e = &b->sc->endings[i];
    bld_check_fields(b, t, K_ending);
    e->title = bld_str(b, t, F_ending_title);
    e->text = bld_text_or_fn(b, t, F_ending_text, &e->text_fn);
    e->when = bld_fn(b, t, F_ending_when);
    e->early = bld_bool(b, t, F_ending_early);
    bld_point(b, t, api_fname(F_ending_early), 0);
    if (e->early && !e->when)
        bld_err(b, "an %s ending needs a '%s'", api_fname(F_ending_early),
                api_fname(F_ending_when));
}

void bld_variant(bld *b, int t, int i)
{
    def_variant *v = &b->sc->variants[i];
    bld_check_fields(b, t, K_variant);
    v->title = bld_str(b, t, F_variant_title);
    v->truth = bld_str(b, t, F_variant_truth);
    v->weight = bld_num(b, t, F_variant_weight);
    v->hypothesis = bld_str(b, t, F_variant_hypothesis);
}

/* question "text", or question { text = "..." } */
void bld_question(bld *b, int t, int i)
{
    (void)i;
    if (lua_type(b->L, t) == LUA_TSTRING) {
        def_add_question(b->sc, lua_tostring(b->L, t));
        return;
    }
    bld_check_fields(b, t, K_question);
    char *q = bld_str(b, t, F_question_text);
    if (q) def_add_question_at(b->sc, q, bld_int(b, t, F_question_turn));
    free(q);
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* The highest question number a session's pauses may name before def_validate
   checks it against the questions declared. */
#define PAUSES_MAX 999

/* A list of whole numbers lo..hi (field f), appended to *v; 0 when absent. */
static int int_list(bld *b, int t, api_fid f, int lo, int hi, const char *what, int **v, int *n)
{
    if (bld_push(b, t, f) <= 0) return 0;
    int tt = lua_gettop(b->L), cap = 0;
    lua_Integer len = (lua_Integer)lua_rawlen(b->L, tt);
    for (lua_Integer k = 1; k <= len; k++) {
        bld_point(b, tt, NULL, k);
        int isint;
        lua_rawgeti(b->L, tt, k);
        lua_Integer x = lua_tointegerx(b->L, -1, &isint);
        lua_pop(b->L, 1);
        if (!isint || x < lo || x > hi)
            bld_err(b, "%s[%lld] must be %s, a whole number from %d to %d", api_fname(f),
                    (long long)k, what, lo, hi);
        else
            *VEC_PUSH(*v, *n, cap) = (int)x;
    }
    lua_pop(b->L, 1);
    return 1;
}

/* Sorts a list and drops its repeats. */
static void sort_unique(int *v, int *n)
{
    qsort(v, (size_t)*n, sizeof(int), cmp_int);
    int u = 0;
    for (int k = 0; k < *n; k++)
        if (!u || v[u - 1] != v[k]) v[u++] = v[k];
    *n = u;
}

void bld_session(bld *b, int t, int i)
{
    def_session *s = &b->sc->sessions[i];
    bld_check_fields(b, t, K_session);
    s->title = bld_str(b, t, F_session_title);
    s->text = bld_str(b, t, F_session_text);
    if (!int_list(b, t, F_session_turns, 1, CR_MAX_TURNS, "a turn", &s->turns, &s->nturns)) return;
    sort_unique(s->turns, &s->nturns); /* a turn listed twice is played once */
    s->has_pauses = int_list(b, t, F_session_pauses, 1, PAUSES_MAX, "a question's number",
                             &s->pauses, &s->npauses);
    for (int k = 0; k < s->npauses; k++) s->pauses[k]--; /* the author counts from 1 */
    sort_unique(s->pauses, &s->npauses);
}

/* Late names -------------------------------------------------------------- */

static void resolve_card_fits(bld *b, def_card *c)
{
    const def_board *bd = c->board >= 0 ? &b->sc->boards[c->board] : NULL;
    for (int k = 0; k < c->nfit_keys; k++) {
        int h = bd ? def_hyp_find(bd, c->fit_keys[k].key) : -1;
        if (h >= 0) {
            c->fits[h] = (uint8_t)def_fit_parse(c->fit_keys[k].val);
            continue;
        }
        strbuf list = {0};
        for (int j = 0; bd && j < bd->nhyps; j++)
            sb_printf(&list, "%s%s", j ? ", " : "", bd->hyps[j].key);
        bld_err(b, "%s names hypothesis '%s', but board '%s' has %s%s", api_fname(F_card_fits),
                c->fit_keys[k].key, bd ? bd->id : "?", list.len ? "only " : "no hypotheses",
                list.len ? list.s : "");
        sb_free(&list);
    }
}

static int some_board_has(const def_scenario *sc, const char *hyp)
{
    for (int i = 0; i < sc->nboards; i++)
        if (def_hyp_find(&sc->boards[i], hyp) >= 0) return 1;
    return 0;
}

void bld_resolve_analysis(bld *b)
{
    def_scenario *sc = b->sc;
    for (int i = 0; i < sc->ncards; i++) {
        b->at = sc->cards[i].at;
        str_fmt(b->what, sizeof b->what, "%s '%s'", api_kinds[K_card].name, sc->cards[i].id);
        resolve_card_fits(b, &sc->cards[i]);
    }
    for (int i = 0; i < sc->nvariants; i++) {
        const def_variant *v = &sc->variants[i];
        if (!v->hypothesis || some_board_has(sc, v->hypothesis)) continue;
        b->at = v->at;
        str_fmt(b->what, sizeof b->what, "%s '%s'", api_kinds[K_variant].name, v->id);
        bld_err(b, "%s '%s' is no board's hypothesis (give a board `%s`)",
                api_fname(F_variant_hypothesis), v->hypothesis, api_fname(F_board_hypotheses));
    }
}
