/*
 * game.c -- the life of a game: start, reset and free, the session played
 * (which turns stop for the teams), errors and the log. The turn machine is
 * game_turn.c, the commands game_cmd.c, the queries game_query.c, the state
 * hash game_hash.c.
 */
#include "game.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_int.h"
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
    int rc = game_start_turn(g) || game_pass_over(g) || g->failed ? -1 : 0;
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

game_rc game_refuse(game *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->err, sizeof g->err, fmt, ap);
    va_end(ap);
    return GAME_REFUSED;
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
