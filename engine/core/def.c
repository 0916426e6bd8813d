/*
 * def.c -- building, finding and freeing scenario definitions.
 */
#include "def.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h> /* strncasecmp */

#include "i18n.h"
#include "util.h"

/* The words scenarios write; marked for the interface, which shows them translated. */
const char *const def_channel_names[CH_COUNT] = {N_("phone"),  N_("email"), N_("news"),
                                                 N_("social"), N_("intel"), N_("brief")};
const char *const def_fit_names[FIT_COUNT] = {"", N_("consistent"), N_("inconsistent"),
                                              N_("neutral")};

def_scenario *def_new(void)
{
    return xcalloc(1, sizeof(def_scenario));
}

static void free_strs(char **v, int n)
{
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
}

static void free_kvs(def_kv *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].key);
        free(v[i].val);
    }
    free(v);
}

static void free_states(def_state_set *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].key);
        free(v[i].value.str);
    }
    free(v);
}

static void free_req(def_req *r)
{
    free(r->chosen);
    free(r->not_chosen);
    free(r->delivered);
    free(r->cards);
    free(r->min);
    free(r->max);
    free_states(r->state, r->nstate);
    free(r->why);
}

static void free_move(def_move *m)
{
    free(m->id);
    free(m->label);
    free(m->text);
    free(m->risk);
    free_req(&m->req);
    free(m->effects);
    for (int i = 0; m->hist_targets && i < m->nhist_turns; i++) free(m->hist_targets[i]);
    free(m->hist_targets);
    free(m->hist_turns);
    free_kvs(m->targets, m->ntargets);
}

static void free_effect(def_effect *e)
{
    free(e->add);
    free(e->set);
    free(e->cards);
    free(e->deliver);
    free_states(e->state, e->nstate);
    free(e->text);
}

static void free_event(def_event *e)
{
    free(e->id);
    free(e->title);
    free(e->text);
    free(e->note);
    free_strs(e->sources, e->nsources);
    free(e->options);
    free(e->on_deliver);
}

static void free_tables(def_scenario *sc)
{
    for (int i = 0; i < sc->nsources; i++) {
        def_source *s = &sc->sources[i];
        free(s->id), free(s->title), free(s->publisher), free(s->date), free(s->url), free(s->file);
    }
    for (int i = 0; i < sc->nroles; i++) {
        def_role *r = &sc->roles[i];
        free(r->id), free(r->name), free(r->shortname), free(r->brief), free(r->secret);
    }
    for (int i = 0; i < sc->nmeters; i++) {
        def_meter *m = &sc->meters[i];
        free(m->id), free(m->name), free(m->unit), free(m->text);
    }
    for (int i = 0; i < sc->nboards; i++) {
        def_board *b = &sc->boards[i];
        free(b->id), free(b->title), free(b->text), free(b->column_attr), free(b->row_attr);
        free_strs(b->columns, b->ncolumns);
        free_strs(b->rows, b->nrows);
        free_kvs(b->hyps, b->nhyps);
    }
    for (int i = 0; i < sc->ncards; i++) {
        def_card *c = &sc->cards[i];
        free(c->id), free(c->title), free(c->text), free(c->source);
        free_strs(c->sources, c->nsources);
        free_kvs(c->attrs, c->nattrs);
        free_kvs(c->fit_keys, c->nfit_keys);
    }
    for (int i = 0; i < sc->nobjectives; i++) {
        def_objective *o = &sc->objectives[i];
        free(o->id), free(o->title), free(o->text);
    }
    for (int i = 0; i < sc->nendings; i++) {
        def_ending *e = &sc->endings[i];
        free(e->id), free(e->title), free(e->text);
    }
    for (int i = 0; i < sc->nvariants; i++) {
        def_variant *v = &sc->variants[i];
        free(v->id), free(v->title), free(v->truth), free(v->hypothesis);
    }
    for (int i = 0; i < sc->nsessions; i++) {
        def_session *s = &sc->sessions[i];
        free(s->id), free(s->title), free(s->text), free(s->turns), free(s->pauses);
    }
}

void def_free(def_scenario *sc)
{
    if (!sc) return;
    free_tables(sc);
    for (int i = 0; i < sc->nevents; i++) free_event(&sc->events[i]);
    for (int i = 0; i < sc->nmoves; i++) free_move(&sc->moves[i]);
    for (int i = 0; i < sc->neffects; i++) free_effect(&sc->effects[i]);
    free(sc->id), free(sc->title), free(sc->summary), free(sc->version), free(sc->situation);
    free_strs(sc->learning, sc->nlearning);
    free_strs(sc->questions, sc->nquestions);
    free(sc->question_turn), free(sc->history), free(sc->sessions);
    free_strs(sc->accept, sc->naccept);
    free_strs(sc->capabilities, sc->ncapabilities);
    free_strs(sc->turn_labels, sc->nturns);
    free_strs(sc->files, sc->nfiles);
    free(sc->sources), free(sc->roles), free(sc->meters), free(sc->events), free(sc->moves);
    free(sc->effects), free(sc->boards), free(sc->cards), free(sc->objectives);
    free(sc->endings), free(sc->variants), free(sc->actions), free(sc->by_role);
    free(sc->at_turn), free(sc->with_when);
    for (int i = 0; i < sc->ntr; i++) free(sc->tr[i].source);
    free(sc->tr);
    free(sc);
}

const char *def_source_text(const def_scenario *sc, const char *s)
{
    int lo = 0, hi = sc->ntr - 1;
    while (s && lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        uintptr_t at = (uintptr_t)sc->tr[mid].shown;
        if (at == (uintptr_t)s) return sc->tr[mid].source;
        if (at < (uintptr_t)s)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return s;
}

/* Lookups ---------------------------------------------------------------- */

#define FIND(arr, n, id)                                                                           \
    do {                                                                                           \
        for (int i_ = 0; i_ < (n); i_++)                                                           \
            if ((arr)[i_].id && strcmp((arr)[i_].id, (id)) == 0) return i_;                        \
        return -1;                                                                                 \
    } while (0)

int def_role_find(const def_scenario *sc, const char *id)
{
    FIND(sc->roles, sc->nroles, id);
}
int def_meter_find(const def_scenario *sc, const char *id)
{
    FIND(sc->meters, sc->nmeters, id);
}
int def_event_find(const def_scenario *sc, const char *id)
{
    FIND(sc->events, sc->nevents, id);
}
int def_card_find(const def_scenario *sc, const char *id)
{
    FIND(sc->cards, sc->ncards, id);
}
int def_board_find(const def_scenario *sc, const char *id)
{
    FIND(sc->boards, sc->nboards, id);
}
int def_ending_find(const def_scenario *sc, const char *id)
{
    FIND(sc->endings, sc->nendings, id);
}
int def_variant_find(const def_scenario *sc, const char *id)
{
    FIND(sc->variants, sc->nvariants, id);
}

int def_session_find(const def_scenario *sc, const char *id)
{
    FIND(sc->sessions, sc->nsessions, id);
}

int def_hyp_find(const def_board *b, const char *id)
{
    for (int i = 0; i < b->nhyps; i++)
        if (strcmp(b->hyps[i].key, id) == 0) return i;
    return -1;
}

int def_fit_parse(const char *word)
{
    for (int f = FIT_CONSISTENT; f < FIT_COUNT; f++)
        if (strcmp(word, def_fit_names[f]) == 0 || (word[0] == def_fit_names[f][0] && !word[1]))
            return f;
    return -1;
}

double def_meter_clamp(const def_meter *m, double v)
{
    return v < m->min ? m->min : v > m->max ? m->max : v;
}

int def_action_find(const def_scenario *sc, const char *id)
{
    for (int i = 0; i < sc->nactions; i++)
        if (strcmp(sc->moves[sc->actions[i]].id, id) == 0) return sc->actions[i];
    return -1;
}

int def_option_find(const def_scenario *sc, int event, const char *id)
{
    const def_event *e = &sc->events[event];
    for (int i = 0; i < e->noptions; i++)
        if (strcmp(sc->moves[e->options[i]].id, id) == 0) return e->options[i];
    return -1;
}

int def_option_path(const def_scenario *sc, const char *path)
{
    const char *dot = strchr(path, '.');
    if (!dot || dot - path >= 64) return -1;
    char ev[64];
    memcpy(ev, path, (size_t)(dot - path));
    ev[dot - path] = '\0';
    int e = def_event_find(sc, ev);
    return e < 0 ? -1 : def_option_find(sc, e, dot + 1);
}

void def_move_path(const def_scenario *sc, int move, char *buf, int size)
{
    const def_move *m = &sc->moves[move];
    if (m->event >= 0)
        str_fmt(buf, (size_t)size, "%s.%s", sc->events[m->event].id, m->id);
    else
        str_fmt(buf, (size_t)size, "%s", m->id);
}

/* Builders --------------------------------------------------------------- */

#define ADD(arr, n, cap)                                                                           \
    do {                                                                                           \
        void *p_ = VEC_PUSH(arr, n, cap);                                                          \
        memset(p_, 0, sizeof *(arr));                                                              \
        return p_;                                                                                 \
    } while (0)

def_role *def_add_role(def_scenario *sc)
{
    ADD(sc->roles, sc->nroles, sc->croles);
}
def_meter *def_add_meter(def_scenario *sc)
{
    ADD(sc->meters, sc->nmeters, sc->cmeters);
}
def_board *def_add_board(def_scenario *sc)
{
    def_board *b = VEC_PUSH(sc->boards, sc->nboards, sc->cboards);
    memset(b, 0, sizeof *b);
    b->graded_by = -1;
    return b;
}
def_card *def_add_card(def_scenario *sc)
{
    ADD(sc->cards, sc->ncards, sc->ccards);
}
def_source *def_add_source(def_scenario *sc)
{
    ADD(sc->sources, sc->nsources, sc->csources);
}
def_session *def_add_session(def_scenario *sc)
{
    ADD(sc->sessions, sc->nsessions, sc->csessions);
}
def_ending *def_add_ending(def_scenario *sc)
{
    ADD(sc->endings, sc->nendings, sc->cendings);
}
def_variant *def_add_variant(def_scenario *sc)
{
    ADD(sc->variants, sc->nvariants, sc->cvariants);
}
def_objective *def_add_objective(def_scenario *sc)
{
    ADD(sc->objectives, sc->nobjectives, sc->cobjectives);
}

def_event *def_add_event(def_scenario *sc)
{
    def_event *e = VEC_PUSH(sc->events, sc->nevents, sc->cevents);
    memset(e, 0, sizeof *e);
    e->after_event = e->after_option = e->default_option = -1;
    return e;
}

def_move *def_add_move(def_scenario *sc, int *index)
{
    *index = sc->nmoves;
    def_move *m = VEC_PUSH(sc->moves, sc->nmoves, sc->cmoves);
    memset(m, 0, sizeof *m);
    m->event = m->role = -1;
    m->once_per_turn = 1;
    return m;
}

def_effect *def_add_effect(def_scenario *sc, int *index)
{
    *index = sc->neffects;
    def_effect *e = VEC_PUSH(sc->effects, sc->neffects, sc->ceffects);
    memset(e, 0, sizeof *e);
    e->finish = e->otherwise = -1;
    e->chance = 1.0;
    return e;
}

void def_add_turn(def_scenario *sc, const char *label)
{
    *VEC_PUSH(sc->turn_labels, sc->nturns, sc->cturns) = xstrdup(label);
}

void def_add_learning(def_scenario *sc, const char *text)
{
    *VEC_PUSH(sc->learning, sc->nlearning, sc->clearning) = xstrdup(text);
}

void def_add_question(def_scenario *sc, const char *text)
{
    def_add_question_at(sc, text, 0);
}

void def_add_question_at(def_scenario *sc, const char *text, int turn)
{
    int n = sc->nquestions;
    *VEC_PUSH(sc->question_turn, n, sc->cquestion_turn) = turn;
    *VEC_PUSH(sc->questions, sc->nquestions, sc->cquestions) = xstrdup(text);
}

const char *def_intern_file(def_scenario *sc, const char *file)
{
    for (int i = 0; i < sc->nfiles; i++)
        if (strcmp(sc->files[i], file) == 0) return sc->files[i];
    char *f = xstrdup(file);
    *VEC_PUSH(sc->files, sc->nfiles, sc->cfiles) = f;
    return f;
}

int def_historical_option(const def_scenario *sc, int event)
{
    const def_event *e = &sc->events[event];
    if (e->invented) return -1;
    for (int k = 0; k < e->noptions; k++)
        if (sc->moves[e->options[k]].historical) return e->options[k];
    return -1;
}

void def_finish(def_scenario *sc)
{
    free(sc->by_role);
    sc->by_role = xcalloc((size_t)sc->nactions + 1, sizeof(int));
    int n = 0;
    for (int r = 0; r < sc->nroles && r < CR_MAX_ROLES; r++) {
        sc->role_first[r] = n;
        for (int i = 0; i < sc->nactions; i++)
            if (sc->moves[sc->actions[i]].role == r) sc->by_role[n++] = sc->actions[i];
    }
    for (int r = sc->nroles; r <= CR_MAX_ROLES; r++) sc->role_first[r] = n;
    /* The start of a turn looks only at the events that can start then. */
    free(sc->at_turn), free(sc->with_when);
    sc->at_turn = xcalloc((size_t)sc->nevents + 1, sizeof(int));
    sc->with_when = xcalloc((size_t)sc->nevents + 1, sizeof(int));
    n = sc->nwith_when = 0;
    for (int t = 0; t <= CR_MAX_TURNS; t++) {
        sc->turn_first[t] = n;
        for (int i = 0; i < sc->nevents; i++)
            if (sc->events[i].turn == t && t > 0) sc->at_turn[n++] = i;
    }
    sc->turn_first[CR_MAX_TURNS + 1] = n;
    for (int i = 0; i < sc->nevents; i++)
        if (sc->events[i].when) sc->with_when[sc->nwith_when++] = i;
    sc->ntarget_slots = 0; /* each action's use counts per target, side by side */
    for (int i = 0; i < sc->nactions; i++) {
        def_move *m = &sc->moves[sc->actions[i]];
        m->target_base = sc->ntarget_slots;
        sc->ntarget_slots += m->ntargets;
    }
}

/* Validation ------------------------------------------------------------- */

static int problem(strbuf *errors, def_where at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int problem(strbuf *errors, def_where at, const char *fmt, ...)
{
    va_list ap;
    sb_printf(errors, "%s:%d: ", at.file ? at.file : "scenario.lua", at.line);
    va_start(ap, fmt);
    sb_vprintf(errors, fmt, ap);
    va_end(ap);
    sb_puts(errors, "\n");
    return 1;
}

static int validate_endings(const def_scenario *sc, strbuf *errors)
{
    if (sc->nendings == 0)
        return problem(errors, sc->at, "no ending declared; declare at least one %s",
                       "ending { id = ..., title = ..., text = ... }");
    const def_ending *last = &sc->endings[sc->nendings - 1];
    if (last->when)
        return problem(errors, last->at,
                       "ending '%s' is the last one but has a 'when': the last ending is the "
                       "fallback and must have none",
                       last->id);
    return 0;
}

static int validate_events(const def_scenario *sc, strbuf *errors)
{
    int n = 0;
    for (int i = 0; i < sc->nevents; i++) {
        const def_event *e = &sc->events[i];
        if (e->expires && e->default_option < 0 && e->noptions > 0)
            n += problem(errors, e->at, "event '%s' expires but has no 'default' option", e->id);
        if (e->turn > sc->nturns)
            n += problem(errors, e->at, "event '%s' is set for a turn after the last one (%s)",
                         e->id, "see clock");
    }
    return n;
}

static int validate_sessions(const def_scenario *sc, strbuf *errors)
{
    int n = 0;
    for (int i = 0; i < sc->nsessions; i++) {
        const def_session *s = &sc->sessions[i];
        for (int k = 0; k < s->nturns; k++)
            if (s->turns[k] < 1 || s->turns[k] > sc->nturns)
                n += problem(errors, s->at,
                             "session '%s' plays turn %d, but the turns are 1 to %d (see clock)",
                             s->id, s->turns[k], sc->nturns);
        if (!s->nturns) n += problem(errors, s->at, "session '%s' plays no turn", s->id);
        for (int k = 0; k < s->npauses; k++)
            if (s->pauses[k] >= sc->nquestions || !sc->question_turn[s->pauses[k]])
                n += problem(errors, s->at,
                             "session '%s' pauses for question %d, but it is not a pause point "
                             "(the questions with a turn are the pause points)",
                             s->id, s->pauses[k] + 1);
    }
    for (int i = 0; i < sc->nquestions; i++)
        if (sc->question_turn[i] > sc->nturns)
            n += problem(errors, sc->at, "question %d is put at turn %d, after the last (%d)",
                         i + 1, sc->question_turn[i], sc->nturns);
    return n;
}

int def_validate(const def_scenario *sc, strbuf *errors)
{
    int n = 0;
    if (!sc->id) n += problem(errors, sc->at, "no scenario { id = ... } declared");
    if (sc->nroles == 0)
        n += problem(errors, sc->at, "no role declared; declare at least one %s",
                     "role { id = ..., name = ..., brief = ... }");
    if (sc->nturns == 0)
        n += problem(errors, sc->at, "no clock declared; declare one with %s",
                     "clock { \"turn 1\", \"turn 2\", ... }");
    n += validate_endings(sc, errors);
    n += validate_events(sc, errors);
    n += validate_sessions(sc, errors);
    return n;
}

int def_url_linkable(const char *url)
{
    return url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0);
}
