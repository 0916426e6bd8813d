/*
 * build_kind.c -- the constructors that are one table of fields each:
 * scenario (with its sources), role, meter, board, card, objective, ending,
 * variant and question. Events, options and actions are in build_move.c,
 * the clock in build_clock.c.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"

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
    sc->on_turn = bld_fn(b, t, F_scenario_on_turn);
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
    if (q) def_add_question(b->sc, q);
    free(q);
}
