/*
 * game_turn.c -- the turn state machine: deliveries (now, queued, after an
 * event or an option), the start and the end of a turn, deadlines and their
 * defaults, endings, and passing over what does not stop for the teams.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "game_int.h"
#include "lint.h"
#include "util.h"

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

int game_start_turn(game *g)
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

int game_finish(game *g, int ending)
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
int game_apply_default(game *g, int item)
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
        if (game_apply_default(g, i)) return -1;
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

int game_end_turn(game *g)
{
    const def_scenario *sc = g->sc;
    if (expire_decisions(g)) return -1;
    memcpy(&g->history[(size_t)g->turn * (size_t)sc->nmeters], g->meter,
           sizeof(double) * (size_t)sc->nmeters);
    int early = early_ending(g);
    if (early == -2) return -1;
    if (early >= 0 || g->turn >= sc->nturns) return game_finish(g, early);
    g->turn++;
    return game_start_turn(g);
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

/* Simultaneous play: the idle teams are done at once; 1 when every team is. */
static int pass_idle_teams(game *g)
{
    for (int r = 0; r < g->sc->nroles; r++) {
        if (game_role_done(g, r)) continue;
        int idle = role_idle(g, r);
        if (idle < 0) return -1;
        if (idle) g->done |= 1u << r;
    }
    if (g->done == game_every_role(g)) return 1;
    while ((g->done >> g->role) & 1u) g->role = (g->role + 1) % g->sc->nroles;
    return 0;
}

/* Where a move would start, pass over what does not stop for the teams: a
   turn the session does not play closes at once (its injects arrive, its
   decisions stay open); with skip_idle a role with nothing to do is passed
   over (hot seat) or done (simultaneous). Each step ends a move or a turn,
   so it stops. */
int game_pass_over(game *g)
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
        if (game_end_turn(g)) return -1;
    }
    return 0;
}

uint32_t game_every_role(const game *g)
{
    return g->sc->nroles >= 32 ? 0xffffffffu : (1u << g->sc->nroles) - 1;
}
