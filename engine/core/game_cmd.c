/*
 * game_cmd.c -- the one command entry point (game_apply) and a handler per
 * command: each checks the command against the game, refuses with what is
 * valid, or changes the game and logs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "game_int.h"
#include "util.h"

/* Commands ------------------------------------------------------------------- */

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
    game_refuse(g, "unknown %s '%s'; %s", what, name, b.s);
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

game_rc game_refuse_done(game *g, int role)
{
    return game_refuse(g, "%s has ended its move this turn", g->sc->roles[role].id);
}

static game_rc check_playing(game *g)
{
    if (g->ended) return game_refuse(g, "the game has ended");
    if (g->paused) return game_refuse(g, "the game is paused; '%s' first", cmd_names[CMD_RESUME]);
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
        game_refuse(g, "%s '%s'; open decisions for %s: %s",
                    ev < 0 ? "unknown event" : "no open decision on", c->a, sc->roles[g->role].id,
                    b.s);
        sb_free(&b);
        return GAME_REFUSED;
    }
    const def_event *e = &sc->events[ev];
    /* Teams that move at once each decide their own injects. */
    int role = g->simultaneous ? e->decider : g->role;
    if (e->decider != role)
        return game_refuse(g, "'%s' is decided by %s, and it is %s's move", c->a,
                           sc->roles[e->decider].id, sc->roles[g->role].id);
    if (game_role_done(g, role)) return game_refuse_done(g, role);
    int mv = c->resolved ? c->move : def_option_find(sc, ev, c->b);
    if (mv < 0) {
        for (int i = 0; i < e->noptions && i < 64; i++) ids[i] = sc->moves[e->options[i]].id;
        return refuse_unknown(g, "option", c->b, ids, e->noptions);
    }
    char why[256];
    int ok = game_move_available(g, mv, role, why, sizeof why);
    if (ok < 0) return GAME_SCRIPT_ERROR;
    if (!ok) return game_refuse(g, "option '%s' is not available: %s", c->b, why);
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
        return c->c[0] ? game_refuse(g, "action '%s' takes no target", m->id) : GAME_OK;
    if (find_target(m, c->c) >= 0) return GAME_OK;
    for (int i = 0; i < m->ntargets && i < 64; i++) ids[i] = m->targets[i].key;
    if (!c->c[0]) {
        strbuf b = {0};
        list_ids(&b, ids, m->ntargets);
        game_refuse(g, "action '%s' needs a target: %s", m->id, b.s);
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
        return game_refuse(g, "it is %s's move, not %s's", sc->roles[g->role].id, c->a);
    if (game_role_done(g, role)) return game_refuse_done(g, role);
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
        return game_refuse(g, "action '%s' is not available on '%s': %s", c->b, c->c, why);
    int ok = game_move_available(g, mv, role, why, sizeof why);
    if (ok < 0) return GAME_SCRIPT_ERROR;
    if (!ok) return game_refuse(g, "action '%s' is not available: %s", c->b, why);
    g->budget[role] -= m->cost;
    g->uses[mv]++;
    g->used_turn[mv] = g->turn;
    if (ti >= 0) g->target_uses[m->target_base + ti]++;
    /* The target as the definitions spell it: it outlives the command. */
    const char *target = m->ntargets ? m->targets[find_target(m, c->c)].key : NULL;
    game_add_log(g, LOG_ACT, role, mv, 0, c->text, target);
    return effect_apply_list(g, m->effects, m->neffects, target) ? GAME_SCRIPT_ERROR : GAME_OK;
}

/* Simultaneous play: the turn ends for every team at once. */
static game_rc close_turn(game *g)
{
    g->role = 0;
    g->done = 0;
    return game_end_turn(g) || game_pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
}

/* `end ROLE` in simultaneous play: that team is done; the last one closes
   the turn. The first team still moving is the one front ends show. */
static game_rc end_simultaneous(game *g, int role)
{
    if (game_role_done(g, role))
        return game_refuse(g, "%s has already ended its move this turn", g->sc->roles[role].id);
    g->done |= 1u << role;
    if (g->done == game_every_role(g)) return close_turn(g);
    while ((g->done >> g->role) & 1u) g->role = (g->role + 1) % g->sc->nroles;
    return game_pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
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
    if (role != g->role)
        return game_refuse(g, "it is %s's move, not %s's", sc->roles[g->role].id, c->a);
    if (g->role + 1 < sc->nroles) {
        g->role++;
        return game_pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
    }
    g->role = 0; /* the next turn starts with the first role */
    return game_end_turn(g) || game_pass_over(g) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static game_rc do_close(game *g)
{
    if (!g->simultaneous)
        return game_refuse(
            g,
            "'%s' is for teams moving at once (crisisroom host); here each role ends "
            "its move with '%s'",
            cmd_names[CMD_CLOSE], cmd_names[CMD_END]);
    return close_turn(g);
}

static game_rc do_default(game *g, const cmd *c)
{
    int ev = def_event_find(g->sc, c->a);
    if (ev < 0) return game_refuse(g, "unknown event '%s'", c->a);
    int item = game_open_item(g, ev);
    if (item < 0) return game_refuse(g, "no open decision on '%s'", c->a);
    if (g->sc->events[ev].default_option < 0)
        return game_refuse(g, "'%s' has no default option", c->a);
    return game_apply_default(g, item) ? GAME_SCRIPT_ERROR : GAME_OK;
}

/* Votes ------------------------------------------------------------------------ */

/* The open item and the option a proposal or a vote is about, and the
   team that decides it; -1 when refused. */
static int vote_target(game *g, const cmd *c, int *item, int *mv)
{
    const def_scenario *sc = g->sc;
    if (!c->by[0]) {
        game_refuse(g,
                    "%s needs a participant: the team's members vote on their devices (crisisroom "
                    "host)",
                    cmd_names[c->kind]);
        return -1;
    }
    int ev = def_event_find(sc, c->a);
    *item = ev >= 0 ? game_open_item(g, ev) : -1;
    if (*item < 0) {
        game_refuse(g, "%s '%s'", ev < 0 ? "unknown event" : "no open decision on", c->a);
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
        return game_refuse(g, "'%s' is already proposed; vote for it with '%s'", c->b,
                           cmd_names[CMD_VOTE]);
    if (!propose && !proposed(g, mv))
        return game_refuse(g, "nobody has proposed '%s' yet; '%s' it first", c->b,
                           cmd_names[CMD_PROPOSE]);
    if (!propose && game_vote_of(g, item, c->by) == mv)
        return game_refuse(g, "%s already votes for '%s'", c->by, c->b);
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
        return game_refuse(g, "%g is outside %s's bounds [%g, %g]", c->value, d->id, d->min,
                           d->max);
    g->meter[m] = c->value;
    game_add_log(g, LOG_SET, -1, m, c->value, c->text, NULL);
    return GAME_OK;
}

static int event_arg(game *g, const cmd *c)
{
    int ev = def_event_find(g->sc, c->a);
    if (ev < 0)
        game_refuse(g, "unknown event '%s'", c->a);
    else if (g->ev[ev] == EV_DELIVERED) {
        game_refuse(g, "event '%s' was already delivered", c->a);
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
    if (g->ev[ev] == EV_SUPPRESSED) return game_refuse(g, "event '%s' is already suppressed", c->a);
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
    return game_finish(g, ending) ? GAME_SCRIPT_ERROR : GAME_OK;
}

static game_rc do_pause(game *g, int pause)
{
    if (g->ended) return game_refuse(g, "the game has ended");
    if (g->paused == pause)
        return game_refuse(g, pause ? "already paused" : "the game is not paused");
    g->paused = pause;
    game_add_log(g, pause ? LOG_PAUSE : LOG_RESUME, -1, -1, 0, NULL, NULL);
    if (!pause) game_adhoc_release(g); /* the injects held for the resume */
    return GAME_OK;
}

/* Longest move timer: four hours, a long exercise's whole session. */
#define TIMER_MAX_MINUTES 240

static game_rc do_timer(game *g, const cmd *c)
{
    if (g->ended) return game_refuse(g, "the game has ended");
    if (c->value < 0 || c->value > TIMER_MAX_MINUTES)
        return game_refuse(g, "%g minutes: the timer is from 0 (off) to %d minutes", c->value,
                           TIMER_MAX_MINUTES);
    /* `timer N close`: at zero the turn closes, as `close` would. */
    const char *closes = cmd_names[CMD_CLOSE];
    if (c->a[0] && strcmp(c->a, closes))
        return game_refuse(g, "'%s': after the minutes, only '%s' (the turn closes at zero)", c->a,
                           closes);
    g->timer_ms = (int)(c->value * 60000 + 0.5);
    g->timer_closes = g->timer_ms && c->a[0];
    return GAME_OK;
}

/* A participant's hotwash answers (docs/protocol.md, "survey"): kept in the
   journal for the report, they change nothing in the game. */
static game_rc do_survey(game *g, const cmd *c)
{
    if (!g->ended) return game_refuse(g, "the survey is for after the end of the exercise");
    if (strcmp(c->a, "observer") != 0 && def_role_find(g->sc, c->a) < 0) {
        const char *ids[CR_MAX_ROLES + 1];
        for (int i = 0; i < g->sc->nroles; i++) ids[i] = g->sc->roles[i].id;
        ids[g->sc->nroles] = "observer";
        return refuse_unknown(g, "role", c->a, ids, g->sc->nroles + 1);
    }
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
        return game_refuse(g, "%s is handled by the session, not the game", cmd_names[CMD_UNDO]);
    default:
        break;
    }
    if (c->kind == CMD_SET) return g->ended ? game_refuse(g, "the game has ended") : do_set(g, c);
    if (c->kind == CMD_SURVEY) return do_survey(g, c);
    /* Evaluation goes on while paused and after the end (the hotwash). */
    if (hseep_is_command(c->kind))
        return hseep_apply(&g->eval, g->sc, g->turn, c, g->err, sizeof g->err) ? GAME_REFUSED
                                                                               : GAME_OK;
    if (c->kind == CMD_TIMER) return do_timer(g, c);
    /* Pausing to prepare an inject is when one is needed: it goes now or
       is held for the resume (game_adhoc.c). */
    if (c->kind == CMD_INJECT)
        return g->ended ? game_refuse(g, "the game has ended") : game_adhoc_inject(g, c);
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
        return game_refuse(g, "unknown command");
    }
}

game_rc game_apply(game *g, const cmd *c)
{
    if (g->failed) {
        if (!g->stop_told) {
            char first[sizeof g->err];
            memcpy(first, g->err, sizeof first);
            game_refuse(g, "the game stopped after a script error: %s", first);
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
