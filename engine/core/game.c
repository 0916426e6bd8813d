/*
 * game.c -- the life of a game: start, the turn state machine, the one
 * command entry point and endings (the state hash is game_hash.c).
 */
#include "game.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "game_int.h"
#include "lint.h"
#include "i18n.h"
#include "util.h"

/* Life cycle ----------------------------------------------------------------- */

static void alloc_arrays(game *g)
{
    const def_scenario *sc = g->sc;
    g->meter = xcalloc((size_t)sc->nmeters + 1, sizeof(double));
    g->history = xcalloc((size_t)(sc->nturns + 1) * (size_t)(sc->nmeters + 1), sizeof(double));
    g->budget = xcalloc((size_t)sc->nroles + 1, sizeof(int));
    g->ev = xcalloc((size_t)sc->nevents + 1, 1);
    g->ev_item = xcalloc((size_t)sc->nevents + 1, sizeof(int));
    g->uses = xcalloc((size_t)sc->nmoves + 1, sizeof(int));
    g->used_turn = xcalloc((size_t)sc->nmoves + 1, sizeof(int));
    g->card_turn = xcalloc((size_t)sc->ncards + 1, sizeof(int));
    g->ratings = xcalloc((size_t)sc->nobjectives + 1, 1);
    g->role_name = xcalloc((size_t)sc->nroles + 1, sizeof(char *));
    g->role_short = xcalloc((size_t)sc->nroles + 1, sizeof(char *));
    g->role_brief = xcalloc((size_t)sc->nroles + 1, sizeof(char *));
    g->allowance = xcalloc((size_t)sc->nroles + 1, sizeof(int));
    g->objective_text = xcalloc((size_t)sc->nobjectives + 1, sizeof(char *));
    g->target_uses = xcalloc((size_t)sc->ntarget_slots + 1, sizeof(int));
    g->grade_rel = xcalloc((size_t)sc->ncards + 1, 1);
    g->grade_cred = xcalloc((size_t)sc->ncards + 1, 1);
    g->marks = xcalloc(((size_t)sc->ncards + 1) * CR_MAX_HYPOTHESES, 1);
    g->played = xcalloc((size_t)sc->nturns + 2, 1);
}

/* What callbacks changed of the definitions (issue 17), back to them. */
static void clear_changed(game *g)
{
    const def_scenario *sc = g->sc;
    for (int i = 0; i < sc->nroles; i++) {
        free(g->role_name[i]), free(g->role_short[i]), free(g->role_brief[i]);
        g->role_name[i] = g->role_short[i] = g->role_brief[i] = NULL;
        g->allowance[i] = sc->roles[i].budget;
    }
    for (int i = 0; i < sc->nobjectives; i++)
        free(g->objective_text[i]), g->objective_text[i] = NULL;
    free(g->ending_text);
    g->ending_text = NULL;
    memset(g->target_uses, 0, sizeof(int) * (size_t)sc->ntarget_slots);
}

static void clear_dynamic(game *g)
{
    /* Most of these are NULL or point into the definitions: only what a
       game made itself (ad-hoc injects, rationales, notes) is freed. */
    for (int i = 0; i < g->nitems; i++) {
        game_item *it = &g->items[i];
        if (it->title) free(it->title);
        if (it->text) free(it->text);
        if (it->rationale) free(it->rationale);
        free(it->id);
        for (int k = 0; k < it->nopts; k++) free(it->opts[k]);
        free(it->opts);
    }
    for (int i = 0; i < g->nlog; i++) {
        if (g->log[i].text_owned && g->log[i].text) free(g->log[i].text);
        free(g->log[i].who);
    }
    g->nitems = g->npend = g->nlog = g->open_from = 0;
    g->nheld = g->nadhoc_dec = 0;
    memset(&g->hashed, 0, sizeof g->hashed);
    kv_clear(&g->state);
    hseep_clear(&g->eval);
}

static int start_turn(game *g);
static int pass_over(game *g);

static void init_state(game *g, uint64_t seed, int variant)
{
    static uint64_t serials; /* a reset game or a new one at the same address is another game */
    const def_scenario *sc = g->sc;
    clear_dynamic(g);
    g->serial = ++serials;
    g->seed = seed;
    g->variant = variant;
    rng_seed(&g->rng, seed, RNG_STREAM_GAME);
    g->turn = 1;
    g->role = 0;
    g->ended = g->paused = g->commands = g->failed = g->stop_told = g->fatal = 0;
    g->notice[0] = '\0';
    g->done = 0;
    g->timer_ms = g->timer_closes = 0;
    g->ending = g->finish_at = -1;
    g->in_cb = g->readonly = 0;
    g->target = NULL;
    g->err[0] = '\0';
    for (int i = 0; i < sc->nmeters; i++) g->meter[i] = g->history[i] = sc->meters[i].start;
    memset(g->ev, EV_NONE, (size_t)sc->nevents);
    for (int i = 0; i < sc->nevents; i++) g->ev_item[i] = -1;
    memset(g->uses, 0, sizeof(int) * (size_t)sc->nmoves);
    memset(g->used_turn, 0, sizeof(int) * (size_t)sc->nmoves);
    memset(g->card_turn, 0, sizeof(int) * (size_t)sc->ncards);
    memset(g->ratings, 0, (size_t)sc->nobjectives);
    memset(g->grade_rel, 0, (size_t)sc->ncards);
    memset(g->grade_cred, 0, (size_t)sc->ncards);
    memset(g->marks, 0, (size_t)sc->ncards * CR_MAX_HYPOTHESES);
    clear_changed(g);
}

void game_set_simultaneous(game *g, int on)
{
    g->simultaneous = on ? 1 : 0;
}

/* Which turns stop for the teams: every one, or the session's. */
static void set_played(game *g)
{
    const def_scenario *sc = g->sc;
    int all = g->session < 0 || g->session >= sc->nsessions;
    for (int t = 0; t <= sc->nturns + 1; t++) g->played[t] = (uint8_t)all;
    if (all) return;
    const def_session *s = &sc->sessions[g->session];
    for (int k = 0; k < s->nturns; k++)
        if (s->turns[k] >= 1 && s->turns[k] <= sc->nturns) g->played[s->turns[k]] = 1;
}

int game_set_session(game *g, int session)
{
    g->session = session;
    set_played(g);
    return game_reset(g, g->seed, g->variant);
}

int game_turn_played(const game *g, int t)
{
    return t >= 1 && t <= g->sc->nturns && g->played[t];
}

int game_item_deadline(const game *g, int item)
{
    const game_item *it = &g->items[item];
    if (it->event < 0 || !g->sc->events[it->event].expires) return 0;
    int left = g->sc->events[it->event].expires, t = it->turn;
    for (; t <= g->sc->nturns; t++)
        if (game_turn_played(g, t) && --left == 0) return t;
    return g->sc->nturns;
}

/* 1 when the session played keeps question q as a pause point. */
static int session_pauses_for(const game *g, int q)
{
    if (g->session < 0 || g->session >= g->sc->nsessions) return 1;
    const def_session *s = &g->sc->sessions[g->session];
    if (!s->has_pauses) return 1;
    for (int k = 0; k < s->npauses; k++)
        if (s->pauses[k] == q) return 1;
    return 0;
}

int game_question_turn(const game *g, int q)
{
    int t = g->sc->question_turn[q];
    if (t <= 0 || !session_pauses_for(g, q)) return 0;
    for (; t <= g->sc->nturns; t++)
        if (game_turn_played(g, t)) return t;
    return -1;
}

int game_reset(game *g, uint64_t seed, int variant)
{
    init_state(g, seed, variant);
    /* A callback's error may be swallowed on its way back (a condition that
       tried to change the game reads as false): the failed flag is what counts. */
    g->applying = 1;
    int rc = start_turn(g) || pass_over(g) || g->failed ? -1 : 0;
    g->applying = 0;
    return rc;
}

game *game_new(const def_scenario *sc, const game_host *host, uint64_t seed, int variant, char *err,
               size_t errlen)
{
    game *g = xcalloc(1, sizeof *g);
    g->sc = sc;
    if (host) g->host = *host;
    alloc_arrays(g);
    g->session = -1;
    set_played(g);
    if (game_reset(g, seed, variant)) {
        str_fmt(err, errlen, "%s", g->err);
        game_free(g);
        return NULL;
    }
    return g;
}

void game_free(game *g)
{
    if (!g) return;
    clear_dynamic(g);
    clear_changed(g);
    free(g->role_name), free(g->role_short), free(g->role_brief), free(g->allowance);
    free(g->objective_text), free(g->target_uses);
    free(g->grade_rel), free(g->grade_cred), free(g->marks), free(g->played);
    kv_free(&g->state);
    hseep_free(&g->eval);
    free(g->items), free(g->pend), free(g->log), free(g->held), free(g->adhoc_dec);
    free(g->meter), free(g->history), free(g->budget), free(g->ev), free(g->ev_item);
    free(g->uses), free(g->used_turn), free(g->card_turn), free(g->ratings);
    free(g);
}

int game_pick_variant(const def_scenario *sc, uint64_t seed)
{
    double total = 0;
    for (int i = 0; i < sc->nvariants; i++) total += sc->variants[i].weight;
    if (sc->nvariants == 0 || total <= 0) return sc->nvariants ? 0 : -1;
    rng r;
    rng_seed(&r, seed, RNG_STREAM_VARIANT);
    double x = rng_unit(&r) * total;
    for (int i = 0; i < sc->nvariants; i++) {
        x -= sc->variants[i].weight;
        if (x < 0) return i;
    }
    return sc->nvariants - 1;
}

const char *game_error(const game *g)
{
    return g->err;
}

void game_fail(game *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->err, sizeof g->err, fmt, ap);
    va_end(ap);
    g->failed = 1;
    g->stop_told = 0; /* a new message: game_apply says again that the game stopped */
}

void game_fail_fatal(game *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->err, sizeof g->err, fmt, ap);
    va_end(ap);
    g->failed = g->fatal = 1;
    g->stop_told = 0;
}

/* The log -------------------------------------------------------------------- */

void game_add_log(game *g, game_log_kind kind, int role, int ref, double value, const char *text,
                  const char *aux)
{
    game_log *l = VEC_PUSH(g->log, g->nlog, g->clog);
    l->kind = kind;
    l->turn = g->turn;
    l->role = role;
    l->ref = ref;
    l->value = value;
    l->text = text && *text ? xstrdup(text) : NULL;
    l->text_owned = 1;
    l->aux = aux && *aux ? aux : NULL; /* always a definition's string */
    l->who = NULL;
}

void game_add_outcome(game *g, const char *def_text)
{
    game_add_log(g, LOG_OUTCOME, -1, -1, 0, NULL, NULL);
    game_log *l = &g->log[g->nlog - 1];
    l->text = (char *)def_text; /* the definitions outlive every game */
    l->text_owned = 0;
}

/* Deliveries ----------------------------------------------------------------- */

game_item *game_new_item(game *g, int event, uint32_t to)
{
    game_item *it = VEC_PUSH(g->items, g->nitems, g->citems);
    memset(it, 0, sizeof *it);
    it->event = event;
    it->to = to;
    it->turn = g->turn;
    it->option = it->by = -1;
    it->channel = it->decider = -1;
    return it;
}

static int follow_event(game *g, int event)
{
    const def_scenario *sc = g->sc;
    for (int i = 0; i < sc->nevents; i++)
        if (sc->events[i].after_event == event && sc->events[i].after_option < 0 &&
            g->ev[i] != EV_CANCELLED) /* g:cancel: not by its own `after` */
            if (game_schedule(g, i, sc->events[i].delay)) return -1;
    return 0;
}

int game_deliver(game *g, int event)
{
    if (g->ev[event] == EV_DELIVERED || g->ev[event] == EV_SUPPRESSED) return 0;
    const def_event *e = &g->sc->events[event];
    game_new_item(g, event, e->to);
    g->ev[event] = EV_DELIVERED;
    g->ev_item[event] = g->nitems - 1;
    game_add_log(g, LOG_DELIVER, -1, g->nitems - 1, 0, NULL, NULL);
    if (effect_apply_list(g, e->on_deliver, e->non_deliver, NULL)) return -1;
    return follow_event(g, event);
}

int game_schedule(game *g, int event, int delay)
{
    if (g->ev[event] == EV_DELIVERED || g->ev[event] == EV_SUPPRESSED) return 0;
    if (delay <= 0) return game_deliver(g, event);
    g->ev[event] = EV_SCHEDULED;
    game_pending *p = VEC_PUSH(g->pend, g->npend, g->cpend);
    p->kind = PEND_DELIVER;
    p->due = g->turn + delay;
    p->index = event;
    p->target = NULL;
    return 0;
}

int game_after_option(game *g, int move)
{
    const def_scenario *sc = g->sc;
    for (int i = 0; i < sc->nevents; i++)
        if (sc->events[i].after_option == move && g->ev[i] != EV_CANCELLED)
            if (game_schedule(g, i, sc->events[i].delay)) return -1;
    return 0;
}

/* Turns ---------------------------------------------------------------------- */

/* Apply what fell due, in the order it was queued. Items queued while doing
   so for this same turn are handled in the same pass. */
static int apply_due(game *g)
{
    for (int i = 0; i < g->npend;) {
        game_pending p = g->pend[i];
        if (p.due > g->turn) {
            i++;
            continue;
        }
        memmove(&g->pend[i], &g->pend[i + 1], sizeof *g->pend * (size_t)(g->npend - i - 1));
        g->npend--;
        int rc = p.kind == PEND_EFFECT ? effect_apply(g, p.index, p.target, 1)
                                       : game_deliver(g, p.index);
        if (rc) return -1;
        i = 0; /* g:cancel may have taken out an earlier entry: look again from the first */
    }
    return 0;
}

static int test_ref(game *g, int ref)
{
    char why[8];
    int in = g->in_cb, ro = g->readonly;
    g->in_cb = 1, g->readonly = 1;
    int rc = g->host.test ? g->host.test(g->host.ud, g, ref, why, sizeof why) : 0;
    g->in_cb = in, g->readonly = ro;
    return rc;
}

/* Suspended by a script error (issue 17): an event whose `when` failed is
   suppressed, as `suppress EVENT` would, so that every later turn does not
   fail on it again; the log keeps why (hashed and replayed like the rest)
   and the facilitator is told once. A condition changed nothing, so the
   game can go on. */
static int suspend_broken(game *g, int event)
{
    if (g->fatal) return -1;
    char first[sizeof g->err];
    str_fmt(first, sizeof first, "%.*s", (int)strcspn(g->err, "\n"), g->err);
    g->failed = g->stop_told = 0;
    g->err[0] = '\0';
    g->ev[event] = EV_SUPPRESSED;
    game_add_log(g, LOG_SUPPRESS, -1, event, 0, first, NULL);
    game_broken_words(g, g->nlog - 1, g->notice, sizeof g->notice);
    return 0;
}

int game_next_broken(const game *g, int from)
{
    for (int i = from < 0 ? 0 : from + 1; i < g->nlog; i++)
        if (g->log[i].kind == LOG_SUPPRESS && g->log[i].text) return i;
    return -1;
}

int game_suspended_by_error(const game *g, int event)
{
    if (g->ev[event] != EV_SUPPRESSED) return 0;
    for (int b = game_next_broken(g, -1); b >= 0; b = game_next_broken(g, b))
        if (g->log[b].ref == event) return 1;
    return 0;
}

void game_broken_words(const game *g, int entry, char *buf, size_t size)
{
    const game_log *l = &g->log[entry];
    const char *id = g->sc->events[l->ref].id;
    def_where at;
    char why[sizeof g->err];
    lint_script_error(g->sc, l->text, &at, why, sizeof why);
    str_fmt(buf, size,
            "%s:%d: error: event '%s' is suspended at turn %d: its `when` failed: %s. The game "
            "goes on without it: fix the function and `reload` (the game is replayed on the "
            "fixed files), or type `fire %s` to deliver it now.",
            at.file ? at.file : "scenario.lua", at.line, id, l->turn, why, id);
}

static int deliver_scheduled(game *g)
{
    const def_scenario *sc = g->sc;
    int t = g->turn <= CR_MAX_TURNS ? g->turn : CR_MAX_TURNS;
    for (int k = sc->turn_first[t]; k < sc->turn_first[t + 1]; k++)
        if (g->ev[sc->at_turn[k]] == EV_NONE && game_deliver(g, sc->at_turn[k])) return -1;
    for (int k = 0; k < sc->nwith_when; k++) {
        int i = sc->with_when[k];
        const def_event *e = &sc->events[i];
        if (g->ev[i] != EV_NONE || g->turn < e->from_turn) continue;
        int rc = test_ref(g, e->when);
        if (rc < 0 || g->failed) { /* failed, or failed and swallowed by a pcall */
            if (suspend_broken(g, i)) return -1;
            continue;
        }
        if (rc && game_deliver(g, i)) return -1;
    }
    return 0;
}

static int start_turn(game *g)
{
    g->done = 0;
    game_add_log(g, LOG_TURN, -1, -1, 0, NULL, NULL);
    for (int i = 0; i < g->sc->nroles; i++) g->budget[i] = g->allowance[i]; /* g:add_budget */
    if (apply_due(g)) return -1;
    /* The scenario's on_turn hook, before the turn's events (issue 17). */
    if (g->sc->on_turn && effect_run(g, g->sc->on_turn, NULL)) return -1;
    return deliver_scheduled(g);
}

static int choose_ending(game *g)
{
    const def_scenario *sc = g->sc;
    for (int i = 0; i < sc->nendings; i++) {
        if (!sc->endings[i].when) return i;
        int rc = test_ref(g, sc->endings[i].when);
        if (rc < 0) return -2;
        if (rc) return i;
    }
    return sc->nendings - 1;
}

static int score_objectives(game *g)
{
    for (int i = 0; i < g->sc->nobjectives; i++) {
        char r = 'U';
        int ref = g->sc->objectives[i].score;
        int in = g->in_cb, ro = g->readonly;
        g->in_cb = 1, g->readonly = 1;
        int rc = ref && g->host.score ? g->host.score(g->host.ud, g, ref, &r) : 0;
        g->in_cb = in, g->readonly = ro;
        if (rc) return -1;
        g->ratings[i] = r;
    }
    return 0;
}

/* A text the scenario computes at the end (issue 17): a condition's rules,
   read-only. NULL when it has none (or no host to compute it). */
static int compute_text(game *g, int ref, char **out)
{
    char buf[GAME_TEXT_MAX];
    if (!ref || !g->host.text) return 0;
    int in = g->in_cb, ro = g->readonly;
    g->in_cb = 1, g->readonly = 1;
    int rc = g->host.text(g->host.ud, g, ref, buf, sizeof buf);
    g->in_cb = in, g->readonly = ro;
    if (rc) return -1;
    free(*out);
    *out = xstrdup(buf);
    return 0;
}

static int finish(game *g, int ending)
{
    if (ending < 0) ending = choose_ending(g);
    if (ending == -2) return -1;
    g->ended = 1;
    g->ending = ending;
    game_add_log(g, LOG_FINISH, -1, ending, 0, NULL, NULL);
    if (score_objectives(g)) return -1;
    if (compute_text(g, g->sc->endings[ending].text_fn, &g->ending_text)) return -1;
    for (int i = 0; i < g->sc->nobjectives; i++)
        if (compute_text(g, g->sc->objectives[i].text_fn, &g->objective_text[i])) return -1;
    return 0;
}

/* An open decision takes its default option: at its deadline, or when the
   facilitator's timer runs out (`default`). */
static int apply_default(game *g, int item)
{
    game_item *it = &g->items[item];
    const def_event *e = &g->sc->events[it->event];
    it->expired = 1;
    it->option = e->default_option;
    game_add_log(g, LOG_EXPIRE, -1, item, 0, NULL, NULL);
    const def_move *m = &g->sc->moves[e->default_option];
    if (effect_apply_list(g, m->effects, m->neffects, NULL)) return -1;
    return game_after_option(g, e->default_option);
}

/* Turns from `from` to the current one that stopped for the teams: a
   decision's deadline counts those (a session's skipped turns leave it
   open; with every turn played it is the turns since its delivery). */
static int played_since(const game *g, int from)
{
    int n = 0;
    for (int t = from; t <= g->turn; t++) n += game_turn_played(g, t);
    return n;
}

static int expire_decisions(game *g)
{
    for (int i = 0; i < g->nitems; i++) {
        game_item *it = &g->items[i];
        if (it->event < 0 || it->option >= 0 || it->expired) continue;
        const def_event *e = &g->sc->events[it->event];
        if (!e->expires || played_since(g, it->turn) < e->expires || e->default_option < 0)
            continue;
        if (apply_default(g, i)) return -1;
    }
    return 0;
}

static int early_ending(game *g)
{
    if (g->finish_at >= 0) return g->finish_at;
    for (int i = 0; i < g->sc->nendings; i++) {
        const def_ending *e = &g->sc->endings[i];
        if (!e->early || !e->when) continue;
        int rc = test_ref(g, e->when);
        if (rc) return rc < 0 ? -2 : i;
    }
    return -1;
}

static int end_turn(game *g)
{
    const def_scenario *sc = g->sc;
    if (expire_decisions(g)) return -1;
    memcpy(&g->history[(size_t)g->turn * (size_t)sc->nmeters], g->meter,
           sizeof(double) * (size_t)sc->nmeters);
    int early = early_ending(g);
    if (early == -2) return -1;
    if (early >= 0 || g->turn >= sc->nturns) return finish(g, early);
    g->turn++;
    return start_turn(g);
}

/* A role with nothing it can do (skip_idle): no open decision it makes, no
   card to grade, no action it can take now. 1, 0, or -1 on a script error. */
static int role_idle(game *g, int role)
{
    const def_scenario *sc = g->sc;
    int items[1];
    if (game_open_decisions(g, role, items, 1) > 0 || analysis_has_work(g, role)) return 0;
    for (int i = sc->role_first[role]; i < sc->role_first[role + 1]; i++) {
        int rc = game_move_available(g, sc->by_role[i], role, NULL, 0);
        if (rc) return rc < 0 ? -1 : 0;
    }
    return 1;
}

static uint32_t every_role(const game *g);

/* Simultaneous play: the idle teams are done at once; 1 when every team is. */
static int pass_idle_teams(game *g)
{
    for (int r = 0; r < g->sc->nroles; r++) {
        if (game_role_done(g, r)) continue;
        int idle = role_idle(g, r);
        if (idle < 0) return -1;
        if (idle) g->done |= 1u << r;
    }
    if (g->done == every_role(g)) return 1;
    while ((g->done >> g->role) & 1u) g->role = (g->role + 1) % g->sc->nroles;
    return 0;
}

/* Where a move would start, pass over what does not stop for the teams: a
   turn the session does not play closes at once (its injects arrive, its
   decisions stay open); with skip_idle a role with nothing to do is passed
   over (hot seat) or done (simultaneous). Each step ends a move or a turn,
   so it stops. */
static int pass_over(game *g)
{
    while (!g->ended && !g->failed) {
        int all = !game_turn_played(g, g->turn), idle = 0;
        if (!all && !g->sc->skip_idle) return 0;
        if (!all && g->simultaneous) {
            if ((all = pass_idle_teams(g)) < 0) return -1;
            if (!all) return 0;
        }
        if (!all && (idle = role_idle(g, g->role)) <= 0) return idle;
        if (!all && g->role + 1 < g->sc->nroles) {
            g->role++;
            continue;
        }
        g->role = 0;
        g->done = 0;
        if (end_turn(g)) return -1;
    }
    return 0;
}

/* Commands ------------------------------------------------------------------- */

static game_rc refuse(game *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static game_rc refuse(game *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->err, sizeof g->err, fmt, ap);
    va_end(ap);
    return GAME_REFUSED;
}

static void list_ids(strbuf *b, const char *const *ids, int n)
{
    for (int i = 0; i < n && i < 12; i++) sb_printf(b, "%s%s", i ? ", " : "", ids[i]);
    if (n > 12) sb_printf(b, ", ... (%d in all)", n);
    if (n == 0) sb_puts(b, "none");
}

/* "unknown X 'y'; valid: a, b, c" built from an array of structs' ids. */
static game_rc refuse_unknown(game *g, const char *what, const char *name, const char **ids, int n)
{
    strbuf b = {0};
    list_ids(&b, ids, n);
    refuse(g, "unknown %s '%s'; %s", what, name, b.s);
    sb_free(&b);
    return GAME_REFUSED;
}

static int open_ids(game *g, int role, const char **ids, int max)
{
    int items[64], n = game_open_decisions(g, role, items, 64), k = 0;
    for (int i = 0; i < n && k < max; i++) ids[k++] = g->sc->events[g->items[items[i]].event].id;
    n = game_open_adhoc(g, role, items, 64);
    for (int i = 0; i < n && k < max; i++) ids[k++] = g->items[items[i]].id;
    return k;
}

static game_rc refuse_done(game *g, int role)
{
    return refuse(g, "%s has ended its move this turn", g->sc->roles[role].id);
}

static game_rc check_playing(game *g)
{
    if (g->ended) return refuse(g, "the game has ended");
    if (g->paused) return refuse(g, "the game is paused; '%s' first", cmd_names[CMD_RESUME]);
    return GAME_OK;
}

static game_rc do_choose(game *g, const cmd *c)
{
    const def_scenario *sc = g->sc;
    const char *ids[64];
    int ev = c->resolved ? sc->moves[c->move].event : def_event_find(sc, c->a);
    int adhoc = ev < 0 && !c->resolved ? game_adhoc_find(g, c->a) : -1;
    if (adhoc >= 0) return game_adhoc_answer(g, adhoc, c);
    int item = ev >= 0 ? game_open_item(g, ev) : -1;
    if (item < 0) {
        int n = open_ids(g, g->role, ids, 64);
        strbuf b = {0};
        list_ids(&b, ids, n);
        refuse(g, "%s '%s'; open decisions for %s: %s",
               ev < 0 ? "unknown event" : "no open decision on", c->a, sc->roles[g->role].id, b.s);
        sb_free(&b);
        return GAME_REFUSED;
    }
    const def_event *e = &sc->events[ev];
    /* Teams that move at once each decide their own injects. */
    int role = g->simultaneous ? e->decider : g->role;
    if (e->decider != role)
        return refuse(g, "'%s' is decided by %s, and it is %s's move", c->a,
                      sc->roles[e->decider].id, sc->roles[g->role].id);
    if (game_role_done(g, role)) return refuse_done(g, role);
    int mv = c->resolved ? c->move : def_option_find(sc, ev, c->b);
    if (mv < 0) {
        for (int i = 0; i < e->noptions && i < 64; i++) ids[i] = sc->moves[e->options[i]].id;
        return refuse_unknown(g, "option", c->b, ids, e->noptions);
    }
    char why[256];
    int ok = game_move_available(g, mv, role, why, sizeof why);
    if (ok < 0) return GAME_SCRIPT_ERROR;
    if (!ok) return refuse(g, "option '%s' is not available: %s", c->b, why);
    game_item *it = &g->items[item];
    it->option = mv;
    it->by = role;
    it->rationale = c->text[0] ? xstrdup(c->text) : NULL;
    g->budget[role] -= sc->moves[mv].cost;
    game_add_log(g, LOG_CHOOSE, role, mv, 0, c->text, NULL);
    const def_move *m = &sc->moves[mv];
    if (effect_apply_list(g, m->effects, m->neffects, NULL)) return GAME_SCRIPT_ERROR;
    return game_after_option(g, mv) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static int find_target(const def_move *m, const char *t)
{
    for (int i = 0; i < m->ntargets; i++)
        if (strcmp(m->targets[i].key, t) == 0) return i;
    return -1;
}

static game_rc check_target(game *g, const def_move *m, const cmd *c)
{
    const char *ids[64];
    if (m->ntargets == 0)
        return c->c[0] ? refuse(g, "action '%s' takes no target", m->id) : GAME_OK;
    if (find_target(m, c->c) >= 0) return GAME_OK;
    for (int i = 0; i < m->ntargets && i < 64; i++) ids[i] = m->targets[i].key;
    if (!c->c[0]) {
        strbuf b = {0};
        list_ids(&b, ids, m->ntargets);
        refuse(g, "action '%s' needs a target: %s", m->id, b.s);
        sb_free(&b);
        return GAME_REFUSED;
    }
    return refuse_unknown(g, "target", c->c, ids, m->ntargets);
}

static game_rc do_act(game *g, const cmd *c)
{
    const def_scenario *sc = g->sc;
    const char *ids[64];
    int role = c->resolved ? sc->moves[c->move].role : def_role_find(sc, c->a);
    if (role < 0) {
        for (int i = 0; i < sc->nroles; i++) ids[i] = sc->roles[i].id;
        return refuse_unknown(g, "role", c->a, ids, sc->nroles);
    }
    if (!g->simultaneous && role != g->role)
        return refuse(g, "it is %s's move, not %s's", sc->roles[g->role].id, c->a);
    if (game_role_done(g, role)) return refuse_done(g, role);
    int mv = c->resolved ? c->move : def_action_find(sc, c->b);
    if (mv < 0 || sc->moves[mv].role != role) {
        int n = 0;
        for (int i = 0; i < sc->nactions && n < 64; i++)
            if (sc->moves[sc->actions[i]].role == role) ids[n++] = sc->moves[sc->actions[i]].id;
        char what[80];
        str_fmt(what, sizeof what, "action for %s", c->a);
        return refuse_unknown(g, what, c->b, ids, n);
    }
    const def_move *m = &sc->moves[mv];
    if (check_target(g, m, c)) return GAME_REFUSED;
    char why[256];
    int ti = m->ntargets ? find_target(m, c->c) : -1;
    if (ti >= 0 && !game_target_available(g, mv, ti, why, sizeof why))
        return refuse(g, "action '%s' is not available on '%s': %s", c->b, c->c, why);
    int ok = game_move_available(g, mv, role, why, sizeof why);
    if (ok < 0) return GAME_SCRIPT_ERROR;
    if (!ok) return refuse(g, "action '%s' is not available: %s", c->b, why);
    g->budget[role] -= m->cost;
    g->uses[mv]++;
    g->used_turn[mv] = g->turn;
    if (ti >= 0) g->target_uses[m->target_base + ti]++;
    /* The target as the definitions spell it: it outlives the command. */
    const char *target = m->ntargets ? m->targets[find_target(m, c->c)].key : NULL;
    game_add_log(g, LOG_ACT, role, mv, 0, c->text, target);
    return effect_apply_list(g, m->effects, m->neffects, target) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static uint32_t every_role(const game *g)
{
    return g->sc->nroles >= 32 ? 0xffffffffu : (1u << g->sc->nroles) - 1;
}

/* Simultaneous play: the turn ends for every team at once. */
static game_rc close_turn(game *g)
{
    g->role = 0;
    g->done = 0;
    return end_turn(g) || pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
}

/* `end ROLE` in simultaneous play: that team is done; the last one closes
   the turn. The first team still moving is the one front ends show. */
static game_rc end_simultaneous(game *g, int role)
{
    if (game_role_done(g, role))
        return refuse(g, "%s has already ended its move this turn", g->sc->roles[role].id);
    g->done |= 1u << role;
    if (g->done == every_role(g)) return close_turn(g);
    while ((g->done >> g->role) & 1u) g->role = (g->role + 1) % g->sc->nroles;
    return pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static game_rc do_end(game *g, const cmd *c)
{
    const def_scenario *sc = g->sc;
    int role = c->a[0] ? def_role_find(sc, c->a) : g->role;
    if (role < 0) {
        const char *ids[CR_MAX_ROLES];
        for (int i = 0; i < sc->nroles; i++) ids[i] = sc->roles[i].id;
        return refuse_unknown(g, "role", c->a, ids, sc->nroles);
    }
    if (g->simultaneous) return end_simultaneous(g, role);
    if (role != g->role) return refuse(g, "it is %s's move, not %s's", sc->roles[g->role].id, c->a);
    if (g->role + 1 < sc->nroles) {
        g->role++;
        return pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
    }
    g->role = 0; /* the next turn starts with the first role */
    return end_turn(g) || pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static game_rc do_close(game *g)
{
    if (!g->simultaneous)
        return refuse(g,
                      "'%s' is for teams moving at once (crisisroom host); here each role ends "
                      "its move with '%s'",
                      cmd_names[CMD_CLOSE], cmd_names[CMD_END]);
    return close_turn(g);
}

static game_rc do_default(game *g, const cmd *c)
{
    int ev = def_event_find(g->sc, c->a);
    if (ev < 0) return refuse(g, "unknown event '%s'", c->a);
    int item = game_open_item(g, ev);
    if (item < 0) return refuse(g, "no open decision on '%s'", c->a);
    if (g->sc->events[ev].default_option < 0) return refuse(g, "'%s' has no default option", c->a);
    return apply_default(g, item) ? GAME_SCRIPT_ERROR : GAME_OK;
}

/* Votes ------------------------------------------------------------------------ */

/* The open item and the option a proposal or a vote is about, and the
   team that decides it; -1 when refused. */
static int vote_target(game *g, const cmd *c, int *item, int *mv)
{
    const def_scenario *sc = g->sc;
    if (!c->by[0]) {
        refuse(g,
               "%s needs a participant: the team's members vote on their devices (crisisroom "
               "host)",
               cmd_names[c->kind]);
        return -1;
    }
    int ev = def_event_find(sc, c->a);
    *item = ev >= 0 ? game_open_item(g, ev) : -1;
    if (*item < 0) {
        refuse(g, "%s '%s'", ev < 0 ? "unknown event" : "no open decision on", c->a);
        return -1;
    }
    const def_event *e = &sc->events[ev];
    if ((*mv = def_option_find(sc, ev, c->b)) < 0) {
        const char *ids[64];
        for (int i = 0; i < e->noptions && i < 64; i++) ids[i] = sc->moves[e->options[i]].id;
        refuse_unknown(g, "option", c->b, ids, e->noptions);
        return -1;
    }
    return e->decider;
}

static int proposed(const game *g, int mv)
{
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].kind == LOG_PROPOSE && g->log[i].ref == mv) return 1;
    return 0;
}

/* propose and vote: a record of the team's deliberation; no meter moves. */
static game_rc do_vote(game *g, const cmd *c)
{
    int item, mv, role = vote_target(g, c, &item, &mv);
    if (role < 0) return GAME_REFUSED;
    int propose = c->kind == CMD_PROPOSE;
    if (propose && proposed(g, mv))
        return refuse(g, "'%s' is already proposed; vote for it with '%s'", c->b,
                      cmd_names[CMD_VOTE]);
    if (!propose && !proposed(g, mv))
        return refuse(g, "nobody has proposed '%s' yet; '%s' it first", c->b,
                      cmd_names[CMD_PROPOSE]);
    if (!propose && game_vote_of(g, item, c->by) == mv)
        return refuse(g, "%s already votes for '%s'", c->by, c->b);
    game_add_log(g, propose ? LOG_PROPOSE : LOG_VOTE, role, mv, 0, propose ? c->text : NULL, NULL);
    g->log[g->nlog - 1].who = xstrdup(c->by);
    return GAME_OK;
}

static game_rc do_set(game *g, const cmd *c)
{
    const def_scenario *sc = g->sc;
    int m = def_meter_find(sc, c->a);
    if (m < 0) {
        const char *ids[64];
        for (int i = 0; i < sc->nmeters && i < 64; i++) ids[i] = sc->meters[i].id;
        return refuse_unknown(g, "meter", c->a, ids, sc->nmeters);
    }
    const def_meter *d = &sc->meters[m];
    if (c->value < d->min || c->value > d->max)
        return refuse(g, "%g is outside %s's bounds [%g, %g]", c->value, d->id, d->min, d->max);
    g->meter[m] = c->value;
    game_add_log(g, LOG_SET, -1, m, c->value, c->text, NULL);
    return GAME_OK;
}

static int event_arg(game *g, const cmd *c)
{
    int ev = def_event_find(g->sc, c->a);
    if (ev < 0)
        refuse(g, "unknown event '%s'", c->a);
    else if (g->ev[ev] == EV_DELIVERED) {
        refuse(g, "event '%s' was already delivered", c->a);
        return -1;
    }
    return ev;
}

static game_rc do_fire(game *g, const cmd *c)
{
    int ev = event_arg(g, c);
    if (ev < 0) return GAME_REFUSED;
    g->ev[ev] = EV_NONE; /* firing overrides an earlier suppress */
    game_add_log(g, LOG_FIRE, -1, ev, 0, NULL, NULL);
    return game_deliver(g, ev) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static game_rc do_suppress(game *g, const cmd *c)
{
    int ev = event_arg(g, c);
    if (ev < 0) return GAME_REFUSED;
    if (g->ev[ev] == EV_SUPPRESSED) return refuse(g, "event '%s' is already suppressed", c->a);
    g->ev[ev] = EV_SUPPRESSED;
    game_add_log(g, LOG_SUPPRESS, -1, ev, 0, NULL, NULL);
    return GAME_OK;
}

static game_rc do_finish(game *g, const cmd *c)
{
    int ending = -1;
    if (c->a[0] && (ending = def_ending_find(g->sc, c->a)) < 0) {
        const char *ids[64];
        for (int i = 0; i < g->sc->nendings && i < 64; i++) ids[i] = g->sc->endings[i].id;
        return refuse_unknown(g, "ending", c->a, ids, g->sc->nendings);
    }
    memcpy(&g->history[(size_t)g->turn * (size_t)g->sc->nmeters], g->meter,
           sizeof(double) * (size_t)g->sc->nmeters);
    return finish(g, ending) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static game_rc do_pause(game *g, int pause)
{
    if (g->ended) return refuse(g, "the game has ended");
    if (g->paused == pause) return refuse(g, pause ? "already paused" : "the game is not paused");
    g->paused = pause;
    game_add_log(g, pause ? LOG_PAUSE : LOG_RESUME, -1, -1, 0, NULL, NULL);
    if (!pause) game_adhoc_release(g); /* the injects held for the resume */
    return GAME_OK;
}

/* Longest move timer: four hours, a long exercise's whole session. */
#define TIMER_MAX_MINUTES 240

static game_rc do_timer(game *g, const cmd *c)
{
    if (g->ended) return refuse(g, "the game has ended");
    if (c->value < 0 || c->value > TIMER_MAX_MINUTES)
        return refuse(g, "%g minutes: the timer is from 0 (off) to %d minutes", c->value,
                      TIMER_MAX_MINUTES);
    if (c->a[0] && strcmp(c->a, "close"))
        return refuse(g, "'%s': after the minutes, only 'close' (the turn closes at zero)", c->a);
    g->timer_ms = (int)(c->value * 60000 + 0.5);
    g->timer_closes = g->timer_ms && c->a[0];
    return GAME_OK;
}

static game_rc dispatch(game *g, const cmd *c)
{
    switch (c->kind) {
    case CMD_NOTE:
        game_add_log(g, LOG_NOTE, -1, -1, 0, c->text, NULL);
        return GAME_OK;
    case CMD_PAUSE:
        return do_pause(g, 1);
    case CMD_RESUME:
        return do_pause(g, 0);
    case CMD_UNDO:
        return refuse(g, "%s is handled by the session, not the game", cmd_names[CMD_UNDO]);
    default:
        break;
    }
    if (c->kind == CMD_SET) return g->ended ? refuse(g, "the game has ended") : do_set(g, c);
    /* Evaluation goes on while paused and after the end (the hotwash). */
    if (hseep_is_command(c->kind))
        return hseep_apply(&g->eval, g->sc, g->turn, c, g->err, sizeof g->err) ? GAME_REFUSED
                                                                               : GAME_OK;
    if (c->kind == CMD_TIMER) return do_timer(g, c);
    /* Pausing to prepare an inject is when one is needed: it goes now or
       is held for the resume (game_adhoc.c). */
    if (c->kind == CMD_INJECT)
        return g->ended ? refuse(g, "the game has ended") : game_adhoc_inject(g, c);
    if (check_playing(g)) return GAME_REFUSED;
    switch (c->kind) {
    case CMD_CHOOSE:
        return do_choose(g, c);
    case CMD_ACT:
        return do_act(g, c);
    case CMD_END:
        return do_end(g, c);
    case CMD_CLOSE:
        return do_close(g);
    case CMD_DEFAULT:
        return do_default(g, c);
    case CMD_PROPOSE:
    case CMD_VOTE:
        return do_vote(g, c);
    case CMD_GRADE:
        return analysis_grade(g, c);
    case CMD_MARK:
        return analysis_mark(g, c);
    case CMD_FIRE:
        return do_fire(g, c);
    case CMD_SUPPRESS:
        return do_suppress(g, c);
    case CMD_FINISH:
        return do_finish(g, c);
    default:
        return refuse(g, "unknown command");
    }
}

game_rc game_apply(game *g, const cmd *c)
{
    if (g->failed) {
        if (!g->stop_told) {
            char first[sizeof g->err];
            memcpy(first, g->err, sizeof first);
            refuse(g, "the game stopped after a script error: %s", first);
            g->stop_told = 1;
        }
        return GAME_SCRIPT_ERROR;
    }
    g->err[0] = '\0';
    g->applying = 1;
    game_rc rc = dispatch(g, c);
    g->applying = 0;
    if (rc == GAME_OK) g->commands++;
    if (g->failed) rc = GAME_SCRIPT_ERROR;
    if (rc == GAME_OK && g->notice[0]) { /* an event suspended (suspend_broken): say it once */
        str_fmt(g->err, sizeof g->err, "%s", g->notice);
        g->notice[0] = '\0';
    }
    return rc;
}

/* Queries -------------------------------------------------------------------- */

const char *game_turn_label(const game *g, int turn)
{
    if (turn < 1) turn = 1;
    if (turn > g->sc->nturns) turn = g->sc->nturns;
    return g->sc->turn_labels[turn - 1];
}

int game_open_item(const game *g, int event)
{
    int item = g->ev_item[event];
    if (item < 0 || g->items[item].option >= 0 || g->sc->events[event].noptions == 0) return -1;
    return item;
}

int game_open_decisions(const game *g, int role, int *out, int max)
{
    int n = 0;
    /* Most of the inbox is settled: skip the settled head (a cache only,
       so it may move forward in a const query). */
    game *gm = (game *)g;
    while (gm->open_from < g->nitems) {
        const game_item *it = &g->items[gm->open_from];
        if (it->event >= 0 && it->option < 0 && g->sc->events[it->event].noptions) break;
        gm->open_from++;
    }
    for (int i = g->open_from; i < g->nitems && n < max; i++) {
        const game_item *it = &g->items[i];
        if (it->event < 0 || it->option >= 0) continue;
        const def_event *e = &g->sc->events[it->event];
        if (e->noptions && (role < 0 || e->decider == role)) out[n++] = i;
    }
    return n;
}

/* One open decision in the end warning, with what its deadline will do. */
static void warn_decision(const game *g, int item, strbuf *out)
{
    const game_item *it = &g->items[item];
    const def_event *e = it->event >= 0 ? &g->sc->events[it->event] : NULL;
    sb_printf(out, "“%s”", e ? e->title : it->title);
    int last = e && e->expires ? it->turn + e->expires - 1 : 0;
    if (last && last <= g->turn && e->default_option >= 0)
        sb_printf(out, _(" (at the end of this turn it takes its default: %s)"),
                  g->sc->moves[e->default_option].label);
    else if (last)
        sb_printf(out, _(" (open until the end of turn %d)"), last);
    else
        sb_puts(out, _(" (it stays open)"));
}

static int action_available(game *g, int role)
{
    char why[8];
    for (int i = 0; i < g->sc->nactions; i++) {
        int mv = g->sc->actions[i];
        if (g->sc->moves[mv].role == role && game_move_available(g, mv, role, why, sizeof why) == 1)
            return 1;
    }
    return 0;
}

int game_end_warning(game *g, int role, strbuf *out)
{
    const def_role *r = &g->sc->roles[role];
    int items[64], n = game_open_decisions(g, role, items, 64);
    n += game_open_adhoc(g, role, items + n, 64 - n);
    int points = g->budget[role] > 0 && action_available(g, role) ? g->budget[role] : 0;
    if (!n && !points) return 0;
    sb_printf(out, _("%s has "), r->shortname ? r->shortname : r->name);
    if (n) sb_printf(out, _("%d open decision%s: "), n, n == 1 ? "" : "s");
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(out, i + 1 == n ? _(" and ") : _(", "));
        warn_decision(g, items[i], out);
    }
    if (points)
        sb_printf(out,
                  _("%s%d action point%s unspent while a standing action is available (points do "
                    "not carry over)"),
                  n ? _("; and ") : "", points, points == 1 ? "" : "s");
    sb_puts(out, ".");
    return 1;
}

int game_item_for_role(const game *g, int item, int role)
{
    return (g->items[item].to >> role) & 1u;
}

int game_role_done(const game *g, int role)
{
    return g->simultaneous && role >= 0 && role < g->sc->nroles && ((g->done >> role) & 1u);
}

int game_vote_of(const game *g, int item, const char *who)
{
    int ev = item >= 0 && item < g->nitems ? g->items[item].event : -1, vote = -1;
    if (ev < 0 || !who) return -1;
    for (int i = 0; i < g->nlog; i++) {
        const game_log *l = &g->log[i];
        if ((l->kind == LOG_PROPOSE || l->kind == LOG_VOTE) && l->who &&
            g->sc->moves[l->ref].event == ev && strcmp(l->who, who) == 0)
            vote = l->ref;
    }
    return vote;
}

double game_history(const game *g, int meter, int turn)
{
    if (turn >= g->turn && !g->ended) return g->meter[meter];
    if (turn < 0) turn = 0;
    return g->history[(size_t)turn * (size_t)g->sc->nmeters + (size_t)meter];
}

const char *game_role_name(const game *g, int role)
{
    return g->role_name[role] ? g->role_name[role] : g->sc->roles[role].name;
}

const char *game_role_short(const game *g, int role)
{
    if (g->role_short[role]) return g->role_short[role];
    const def_role *r = &g->sc->roles[role];
    /* renamed without a short name: the new name, not the old short one */
    return g->role_name[role] ? g->role_name[role] : r->shortname ? r->shortname : r->name;
}

const char *game_role_brief(const game *g, int role)
{
    return g->role_brief[role] ? g->role_brief[role] : g->sc->roles[role].brief;
}

const char *game_ending_text(const game *g)
{
    if (g->ending < 0) return "";
    const char *t = g->ending_text ? g->ending_text : g->sc->endings[g->ending].text;
    return t ? t : "";
}

const char *game_objective_text(const game *g, int objective)
{
    const char *t = g->objective_text[objective] ? g->objective_text[objective]
                                                 : g->sc->objectives[objective].text;
    return t ? t : "";
}

int game_target_uses(const game *g, int move, int t)
{
    return g->target_uses[g->sc->moves[move].target_base + t];
}

int game_target_available(const game *g, int move, int t, char *why, size_t whylen)
{
    const def_move *m = &g->sc->moves[move];
    int n = game_target_uses(g, move, t);
    if (!m->max_per_target || n < m->max_per_target) return 1;
    str_fmt(why, whylen, _("already taken on it %d time%s (the most allowed on one target)"), n,
            n == 1 ? "" : "s");
    return 0;
}

static int budget_ok(game *g, const def_move *m, int role, char *why, size_t whylen)
{
    if (m->cost <= g->budget[role]) return 1;
    str_fmt(why, whylen, _("costs %d action point%s; %s has %d left"), m->cost,
            m->cost == 1 ? "" : "s", g->sc->roles[role].id, g->budget[role]);
    return 0;
}

static int action_ok(game *g, int move, const def_move *m, int role, char *why, size_t whylen)
{
    if (m->role != role) {
        str_fmt(why, whylen, _("belongs to %s"), g->sc->roles[m->role].id);
        return 0;
    }
    if (m->max_uses && g->uses[move] >= m->max_uses) {
        str_fmt(why, whylen, _("already used %d time%s (the most allowed)"), m->max_uses,
                m->max_uses == 1 ? "" : "s");
        return 0;
    }
    if (m->once_per_turn && g->used_turn[move] == g->turn && g->uses[move]) {
        str_fmt(why, whylen, _("already taken this turn"));
        return 0;
    }
    return 1;
}

int game_move_available(game *g, int move, int role, char *why, size_t whylen)
{
    const def_move *m = &g->sc->moves[move];
    if (why && whylen) why[0] = '\0';
    if (g->ended) {
        str_fmt(why, whylen, _("the game has ended"));
        return 0;
    }
    if (game_role_done(g, role)) {
        str_fmt(why, whylen, _("%s has ended its move this turn"), g->sc->roles[role].id);
        return 0;
    }
    if (m->event >= 0) {
        if (game_open_item(g, m->event) < 0) {
            str_fmt(why, whylen, _("no open decision on '%s'"), g->sc->events[m->event].id);
            return 0;
        }
        if (g->sc->events[m->event].decider != role) {
            str_fmt(why, whylen, _("decided by %s"),
                    g->sc->roles[g->sc->events[m->event].decider].id);
            return 0;
        }
    } else if (!action_ok(g, move, m, role, why, whylen)) {
        return 0;
    }
    if (!budget_ok(g, m, role, why, whylen)) return 0;
    return effect_requirements(g, m, why, whylen);
}
