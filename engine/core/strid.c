/*
 * strid.c -- the walk over a scenario's player-visible strings (strid.h)
 * and a translation applied through it.
 */
#include "strid.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct walk {
    def_scenario *sc;
    strid_fn fn;
    void *ud;
    char *seen; /* effects already walked (an effect has one owner; a guard all the same) */
} walk;

/* One string under the id PREFIX.FIELD, when it is there. */
static void visit(walk *w, const char *prefix, const char *field, char **slot, def_where at)
{
    if (!*slot || !**slot) return;
    char id[STRID_MAX_ID];
    str_fmt(id, sizeof id, "%s.%s", prefix, field);
    w->fn(w->ud, id, slot, at);
}

/* An effect bundle and the ones it falls back on (otherwise). */
static void visit_effect(walk *w, const char *prefix, int e)
{
    char id[STRID_MAX_ID];
    str_fmt(id, sizeof id, "%s", prefix);
    for (; e >= 0 && !w->seen[e]; e = w->sc->effects[e].otherwise) {
        w->seen[e] = 1;
        visit(w, id, "text", &w->sc->effects[e].text, w->sc->effects[e].at);
        str_cat(id, sizeof id, ".otherwise");
    }
}

static void visit_effects(walk *w, const char *prefix, const char *field, const int *fx, int n)
{
    char id[STRID_MAX_ID];
    for (int i = 0; i < n; i++) {
        str_fmt(id, sizeof id, "%s.%s.%d", prefix, field, i + 1);
        visit_effect(w, id, fx[i]);
    }
}

static void visit_move(walk *w, const char *prefix, def_move *m)
{
    visit(w, prefix, "label", &m->label, m->at);
    visit(w, prefix, "text", &m->text, m->at);
    visit(w, prefix, "risk", &m->risk, m->at);
    visit(w, prefix, "requires.why", &m->req.why, m->at);
    char id[STRID_MAX_ID];
    for (int i = 0; i < m->ntargets; i++) {
        str_fmt(id, sizeof id, "target.%s", m->targets[i].key);
        visit(w, prefix, id, &m->targets[i].val, m->at);
    }
    visit_effects(w, prefix, "effects", m->effects, m->neffects);
}

static void visit_event(walk *w, def_event *e)
{
    char id[STRID_MAX_ID], opt[STRID_MAX_ID];
    str_fmt(id, sizeof id, "event.%s", e->id);
    visit(w, id, "title", &e->title, e->at);
    visit(w, id, "text", &e->text, e->at);
    visit(w, id, "note", &e->note, e->at);
    visit_effects(w, id, "on_deliver", e->on_deliver, e->non_deliver);
    for (int i = 0; i < e->noptions; i++) {
        def_move *m = &w->sc->moves[e->options[i]];
        str_fmt(opt, sizeof opt, "%s.option.%s", id, m->id);
        visit_move(w, opt, m);
    }
}

static void visit_list(walk *w, const char *kind, char **v, int n)
{
    char field[32];
    for (int i = 0; i < n; i++) {
        str_fmt(field, sizeof field, "%d", i + 1);
        visit(w, kind, field, &v[i], w->sc->at);
    }
}

static void visit_head(walk *w)
{
    def_scenario *sc = w->sc;
    visit(w, "scenario", "title", &sc->title, sc->at);
    visit(w, "scenario", "summary", &sc->summary, sc->at);
    visit(w, "scenario", "situation", &sc->situation, sc->at);
    visit(w, "scenario", "history", &sc->history, sc->at);
    visit_list(w, "scenario.learning_objectives", sc->learning, sc->nlearning);
    visit_list(w, "turn", sc->turn_labels, sc->nturns);
    char id[STRID_MAX_ID];
    for (int i = 0; i < sc->nroles; i++) {
        def_role *r = &sc->roles[i];
        str_fmt(id, sizeof id, "role.%s", r->id);
        visit(w, id, "name", &r->name, r->at);
        visit(w, id, "short", &r->shortname, r->at);
        visit(w, id, "brief", &r->brief, r->at);
        visit(w, id, "private", &r->secret, r->at);
    }
    for (int i = 0; i < sc->nmeters; i++) {
        def_meter *m = &sc->meters[i];
        str_fmt(id, sizeof id, "meter.%s", m->id);
        visit(w, id, "name", &m->name, m->at);
        visit(w, id, "unit", &m->unit, m->at);
        visit(w, id, "text", &m->text, m->at);
    }
}

/* Boards, cards, objectives, endings and variants: a title and a text. */
#define VISIT_TITLED(w, kind, arr, n, textf)                                                       \
    for (int i_ = 0; i_ < (n); i_++) {                                                             \
        char id_[STRID_MAX_ID];                                                                    \
        str_fmt(id_, sizeof id_, "%s.%s", kind, (arr)[i_].id);                                     \
        visit(w, id_, "title", &(arr)[i_].title, (arr)[i_].at);                                    \
        visit(w, id_, #textf, &(arr)[i_].textf, (arr)[i_].at);                                     \
    }

/* A board's hypotheses' labels, under their ids. */
static void visit_hyps(walk *w, def_board *b)
{
    char id[STRID_MAX_ID];
    str_fmt(id, sizeof id, "board.%s.hypothesis", b->id);
    for (int i = 0; i < b->nhyps; i++) visit(w, id, b->hyps[i].key, &b->hyps[i].val, b->at);
}

/* An attribute the engine matches (a board's column or row, the grade:
   ui_screens_evidence.c's defaults) is a value, not prose. */
static int attr_matched(const def_scenario *sc, const def_card *c, const char *key)
{
    const def_board *b = c->board >= 0 && c->board < sc->nboards ? &sc->boards[c->board] : NULL;
    const char *col = b && b->column_attr ? b->column_attr : "supports";
    const char *row = b && b->row_attr ? b->row_attr : "level";
    return !strcmp(key, col) || !strcmp(key, row) || !strcmp(key, "reliability") ||
           !strcmp(key, "credibility");
}

/* A card's prose attributes (its provenance...), under their keys. */
static void visit_attrs(walk *w, def_card *c)
{
    char id[STRID_MAX_ID];
    str_fmt(id, sizeof id, "card.%s.attr", c->id);
    for (int i = 0; i < c->nattrs; i++)
        if (!attr_matched(w->sc, c, c->attrs[i].key))
            visit(w, id, c->attrs[i].key, &c->attrs[i].val, c->at);
}

static void visit_tail(walk *w)
{
    def_scenario *sc = w->sc;
    char id[STRID_MAX_ID];
    for (int i = 0; i < sc->nactions; i++) {
        def_move *m = &sc->moves[sc->actions[i]];
        str_fmt(id, sizeof id, "action.%s", m->id);
        visit_move(w, id, m);
    }
    VISIT_TITLED(w, "board", sc->boards, sc->nboards, text);
    for (int i = 0; i < sc->nboards; i++) visit_hyps(w, &sc->boards[i]);
    VISIT_TITLED(w, "card", sc->cards, sc->ncards, text);
    for (int i = 0; i < sc->ncards; i++) visit_attrs(w, &sc->cards[i]);
    VISIT_TITLED(w, "objective", sc->objectives, sc->nobjectives, text);
    VISIT_TITLED(w, "ending", sc->endings, sc->nendings, text);
    VISIT_TITLED(w, "variant", sc->variants, sc->nvariants, truth);
    visit_list(w, "question", sc->questions, sc->nquestions);
    VISIT_TITLED(w, "session", sc->sessions, sc->nsessions, text);
    for (int e = 0; e < sc->neffects; e++) /* none today: every bundle has an owner */
        if (!w->seen[e]) {
            str_fmt(id, sizeof id, "effect.%d", e + 1);
            visit_effect(w, id, e);
        }
}

void strid_walk(def_scenario *sc, strid_fn fn, void *ud)
{
    walk w = {sc, fn, ud, xcalloc((size_t)sc->neffects + 1, 1)};
    visit_head(&w);
    for (int i = 0; i < sc->nevents; i++) visit_event(&w, &sc->events[i]);
    visit_tail(&w);
    free(w.seen);
}

void strid_walk_computed(const def_scenario *sc, strid_fn fn, void *ud)
{
    char id[STRID_MAX_ID];
    for (int i = 0; i < sc->nobjectives; i++)
        if (sc->objectives[i].text_fn) {
            str_fmt(id, sizeof id, "objective.%s.text", sc->objectives[i].id);
            fn(ud, id, NULL, sc->objectives[i].at);
        }
    for (int i = 0; i < sc->nendings; i++)
        if (sc->endings[i].text_fn) {
            str_fmt(id, sizeof id, "ending.%s.text", sc->endings[i].id);
            fn(ud, id, NULL, sc->endings[i].at);
        }
}

/* Applying a translation ------------------------------------------------- */

typedef struct apply {
    def_scenario *sc;
    strid_tr tr;
    void *ud;
    int n;
} apply;

static void apply_one(void *ud, const char *id, char **slot, def_where at)
{
    (void)at;
    apply *a = ud;
    const char *t = a->tr(a->ud, id, *slot);
    if (!t || !*t) return;
    def_tr *p = VEC_PUSH(a->sc->tr, a->sc->ntr, a->sc->ctr);
    p->source = *slot;
    *slot = xstrdup(t);
    p->shown = *slot;
    a->n++;
}

static int by_shown(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const def_tr *)a)->shown, y = (uintptr_t)((const def_tr *)b)->shown;
    return x < y ? -1 : x > y;
}

int strid_apply(def_scenario *sc, strid_tr tr, void *ud)
{
    apply a = {sc, tr, ud, 0};
    strid_walk(sc, apply_one, &a);
    qsort(sc->tr, (size_t)sc->ntr, sizeof *sc->tr, by_shown);
    return a.n;
}
