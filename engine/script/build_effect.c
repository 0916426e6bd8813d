/*
 * build_effect.c -- effects (what an option, action or delivery does) and
 * requirements (when an option or action is available). An effects value is
 * one bundle or a list of bundles; a bundle's `otherwise` is a bundle too,
 * so bundles are built recursively into the scenario's effect array.
 */
#include <stdlib.h>

#include "build.h"

static int parse_bundle(bld *b, int t);

static void fill_bundle(bld *b, int t, int idx)
{
    def_scenario *sc = b->sc;
    def_effect e = sc->effects[idx];
    bld_check_fields(b, t, K_effects);
    bld_deltas(b, t, F_effects_meters, &e.add, &e.nadd);
    bld_deltas(b, t, F_effects_set, &e.set, &e.nset);
    bld_ids(b, t, F_effects_cards, &e.cards, &e.ncards);
    bld_ids(b, t, F_effects_deliver, &e.deliver, &e.ndeliver);
    bld_states(b, t, F_effects_state, &e.state, &e.nstate);
    e.text = bld_str(b, t, F_effects_text);
    char *fin = bld_str(b, t, F_effects_finish);
    if (fin) e.finish = bld_resolve(b, K_ending, fin);
    free(fin);
    e.run = bld_fn(b, t, F_effects_run);
    e.after = bld_int(b, t, F_effects_after);
    e.chance = bld_num(b, t, F_effects_chance);
    if (bld_push(b, t, F_effects_otherwise) > 0) {
        if (e.chance >= 1.0)
            bld_err(b, "'%s' only makes sense with a '%s' below 1", api_fname(F_effects_otherwise),
                    api_fname(F_effects_chance));
        e.otherwise = parse_bundle(b, lua_gettop(b->L));
        lua_pop(b->L, 1);
    }
    sc->effects[idx] = e; /* parse_bundle may have moved the array */
}

static int parse_bundle(bld *b, int t)
{
    int idx;
    def_effect *e = def_add_effect(b->sc, &idx);
    bld_point(b, t, NULL, 0); /* the bundle's own line */
    e->at = b->at;
    fill_bundle(b, t, idx);
    return idx;
}

void bld_effects(bld *b, int t, api_fid f, int **out, int *n)
{
    if (bld_push(b, t, f) <= 0) return;
    int et = lua_gettop(b->L), cap = 0;
    lua_Integer len = (lua_Integer)lua_rawlen(b->L, et);
    if (len == 0) {
        *VEC_PUSH(*out, *n, cap) = parse_bundle(b, et);
    } else {
        for (lua_Integer i = 1; i <= len; i++) {
            bld_point(b, et, NULL, i);
            if (lua_rawgeti(b->L, et, i) == LUA_TTABLE)
                *VEC_PUSH(*out, *n, cap) = parse_bundle(b, lua_gettop(b->L));
            else
                bld_err(b, "%s[%lld] must be a table of effects", api_fname(f), (long long)i);
            lua_pop(b->L, 1);
        }
    }
    lua_pop(b->L, 1);
}

static void fill_requires(bld *b, int rt, def_req *r)
{
    bld_check_fields(b, rt, K_requires);
    bld_ids(b, rt, F_requires_chosen, &r->chosen, &r->nchosen);
    bld_ids(b, rt, F_requires_not_chosen, &r->not_chosen, &r->nnot_chosen);
    bld_ids(b, rt, F_requires_delivered, &r->delivered, &r->ndelivered);
    bld_ids(b, rt, F_requires_cards, &r->cards, &r->ncards);
    bld_deltas(b, rt, F_requires_min, &r->min, &r->nmin);
    bld_deltas(b, rt, F_requires_max, &r->max, &r->nmax);
    bld_states(b, rt, F_requires_state, &r->state, &r->nstate);
    r->turn = bld_int(b, rt, F_requires_turn);
    r->why = bld_str(b, rt, F_requires_why);
    r->fn = bld_fn(b, rt, F_requires_check);
}

/* Requirements are a table of them or a function(g) -> ok, reason. */
void bld_requires(bld *b, int t, api_fid f, def_move *m)
{
    lua_State *L = b->L;
    int got = bld_raw_field(b, t, f);
    if (got == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    m->has_req = 1;
    if (got == LUA_TFUNCTION) {
        m->req.fn = luaL_ref(L, LUA_REGISTRYINDEX);
        bld_describe_ref(b, m->req.fn, api_fname(f));
        return;
    }
    if (got != LUA_TTABLE)
        bld_err(b, "field '%s' must be a table or a function (got %s)", api_fname(f),
                bld_type_name(got));
    else
        fill_requires(b, lua_gettop(L), &m->req);
    lua_pop(L, 1);
}
