/*
 * effect.c -- applying effect bundles and checking a move's requirements
 * (the host's own calls during a callback are in game_cb.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_int.h"
#include "i18n.h"
#include "util.h"
#include "view.h"

int effect_run(game *g, int ref, const char *target)
{
    const char *saved = g->target;
    int in = g->in_cb, ro = g->readonly;
    g->in_cb = 1, g->readonly = 0, g->target = target;
    int rc = g->host.run ? g->host.run(g->host.ud, g, ref) : 0;
    g->in_cb = in, g->readonly = ro, g->target = saved;
    return rc;
}

static void push_pending(game *g, game_pend_kind kind, int due, int index, const char *target)
{
    game_pending *p = VEC_PUSH(g->pend, g->npend, g->cpend);
    p->kind = kind;
    p->due = due;
    p->index = index;
    p->target = target; /* a definition's string (see do_act) */
}

static void apply_meters(game *g, const def_effect *e)
{
    for (int i = 0; i < e->nadd; i++) {
        int m = e->add[i].meter;
        g->meter[m] = def_meter_clamp(&g->sc->meters[m], g->meter[m] + e->add[i].value);
    }
    for (int i = 0; i < e->nset; i++) {
        int m = e->set[i].meter;
        g->meter[m] = def_meter_clamp(&g->sc->meters[m], e->set[i].value);
    }
}

void effect_reveal(game *g, int card)
{
    if (g->card_turn[card]) return;
    g->card_turn[card] = g->turn;
    game_add_log(g, LOG_CARD, -1, card, 0, NULL, NULL);
}

static int apply_content(game *g, const def_effect *e, const char *target)
{
    apply_meters(g, e);
    for (int i = 0; i < e->ncards; i++) effect_reveal(g, e->cards[i]);
    for (int i = 0; i < e->nstate; i++)
        kv_set_static(&g->state, e->state[i].key, &e->state[i].value);
    if (e->text) game_add_outcome(g, e->text);
    if (e->finish >= 0) g->finish_at = e->finish;
    for (int i = 0; i < e->ndeliver; i++)
        if (game_deliver(g, e->deliver[i])) return -1;
    return e->run ? effect_run(g, e->run, target) : 0;
}

int effect_apply(game *g, int effect, const char *target, int due)
{
    const def_effect *e = &g->sc->effects[effect];
    if (e->after > 0 && !due) {
        push_pending(g, PEND_EFFECT, g->turn + e->after, effect, target);
        return 0;
    }
    if (e->chance < 1.0 && rng_unit(&g->rng) >= e->chance)
        return e->otherwise >= 0 ? effect_apply(g, e->otherwise, target, 1) : 0;
    return apply_content(g, e, target);
}

int effect_apply_list(game *g, const int *effects, int n, const char *target)
{
    for (int i = 0; i < n; i++)
        if (effect_apply(g, effects[i], target, 0)) return -1;
    return 0;
}

/* Requirements ------------------------------------------------------------ */

static int chosen(const game *g, int move)
{
    int ev = g->sc->moves[move].event;
    int item = g->ev_item[ev];
    return item >= 0 && g->items[item].option == move;
}

static int fail_why(const def_req *r, char *why, size_t whylen, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail_why(const def_req *r, char *why, size_t whylen, const char *fmt, ...)
{
    va_list ap;
    if (r->why) {
        str_fmt(why, whylen, "%s", r->why);
        return 0;
    }
    va_start(ap, fmt);
    vsnprintf(why, whylen, fmt, ap);
    va_end(ap);
    return 0;
}

/* A reason is read by the team that cannot take the move: it names nothing
   that team may not see (view.h). An option is named when its inject
   reached every role; an inject still to come, evidence not yet revealed
   and the free state are never named. */
static int public_option(const game *g, int move)
{
    viewer pub = view_observer();
    return view_sees_move(&pub, g, move);
}

static int check_moves(game *g, const def_req *r, char *why, size_t whylen)
{
    char path[160];
    for (int i = 0; i < r->nchosen; i++)
        if (!chosen(g, r->chosen[i])) {
            if (!public_option(g, r->chosen[i]))
                return fail_why(r, why, whylen, _("needs an earlier decision first"));
            def_move_path(g->sc, r->chosen[i], path, sizeof path);
            return fail_why(r, why, whylen, _("needs '%s' chosen first"), path);
        }
    for (int i = 0; i < r->nnot_chosen; i++)
        if (chosen(g, r->not_chosen[i])) {
            if (!public_option(g, r->not_chosen[i]))
                return fail_why(r, why, whylen, _("ruled out by an earlier decision"));
            def_move_path(g->sc, r->not_chosen[i], path, sizeof path);
            return fail_why(r, why, whylen, _("ruled out by the choice '%s'"), path);
        }
    for (int i = 0; i < r->ndelivered; i++)
        if (g->ev[r->delivered[i]] != EV_DELIVERED)
            return fail_why(r, why, whylen, _("waits for news that has not arrived"));
    for (int i = 0; i < r->ncards; i++)
        if (!g->card_turn[r->cards[i]])
            return fail_why(r, why, whylen, _("needs evidence not yet on the board"));
    return 1;
}

static int public_meter(const game *g, int meter)
{
    viewer pub = view_observer();
    return view_sees_meter(&pub, g, meter);
}

static int check_values(game *g, const def_req *r, char *why, size_t whylen)
{
    for (int i = 0; i < r->nmin; i++) {
        const def_meter *m = &g->sc->meters[r->min[i].meter];
        if (g->meter[r->min[i].meter] >= r->min[i].value) continue;
        if (!public_meter(g, r->min[i].meter))
            return fail_why(r, why, whylen, _("the situation does not allow it yet"));
        return fail_why(r, why, whylen, _("needs %s at least %g"), m->name, r->min[i].value);
    }
    for (int i = 0; i < r->nmax; i++) {
        const def_meter *m = &g->sc->meters[r->max[i].meter];
        if (g->meter[r->max[i].meter] <= r->max[i].value) continue;
        if (!public_meter(g, r->max[i].meter))
            return fail_why(r, why, whylen, _("the situation does not allow it yet"));
        return fail_why(r, why, whylen, _("needs %s at most %g"), m->name, r->max[i].value);
    }
    for (int i = 0; i < r->nstate; i++) {
        const val *v = kv_get(&g->state, r->state[i].key);
        val nil = {VAL_NIL, 0, NULL};
        if (!val_equal(v ? v : &nil, &r->state[i].value))
            return fail_why(r, why, whylen, _("the situation does not allow it yet"));
    }
    if (r->turn && g->turn < r->turn)
        return fail_why(r, why, whylen, _("not before turn %d"), r->turn);
    return 1;
}

int effect_requirements(game *g, const def_move *m, char *why, size_t whylen)
{
    if (!m->has_req) return 1;
    const def_req *r = &m->req;
    if (!check_moves(g, r, why, whylen) || !check_values(g, r, why, whylen)) return 0;
    if (!r->fn || !g->host.test) return 1;
    int in = g->in_cb, ro = g->readonly;
    g->in_cb = 1, g->readonly = 1;
    int rc = g->host.test(g->host.ud, g, r->fn, why, whylen);
    g->in_cb = in, g->readonly = ro;
    if (rc == 0 && r->why) str_fmt(why, whylen, "%s", r->why);
    return rc;
}
