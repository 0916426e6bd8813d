/*
 * game_cb.c -- what the host calls while one of the scenario's callbacks
 * runs (game.h): each change is refused outside a callback and inside a
 * read-only one (a condition, a score), with the reason in game_fail().
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "game_int.h"
#include "util.h"

static int may_change(game *g, const char *what)
{
    if (!g->in_cb) {
        game_fail(g, "%s: the game can only be changed from inside a scenario callback", what);
        return 0;
    }
    if (g->readonly) {
        game_fail(g, "%s: cannot change the game while checking a condition", what);
        return 0;
    }
    return 1;
}

static int finite_value(game *g, int meter, double v)
{
    if (isfinite(v)) return 1;
    game_fail(g, "meter '%s': %g is not a finite number", g->sc->meters[meter].id, v);
    return 0;
}

int game_cb_add(game *g, int meter, double delta)
{
    if (!may_change(g, "add") || !finite_value(g, meter, delta)) return -1;
    g->meter[meter] = def_meter_clamp(&g->sc->meters[meter], g->meter[meter] + delta);
    return 0;
}

int game_cb_set(game *g, int meter, double value)
{
    if (!may_change(g, "set") || !finite_value(g, meter, value)) return -1;
    g->meter[meter] = def_meter_clamp(&g->sc->meters[meter], value);
    return 0;
}

int game_cb_reveal(game *g, int card)
{
    if (!may_change(g, "reveal")) return -1;
    effect_reveal(g, card);
    return 0;
}

int game_cb_deliver(game *g, int event)
{
    if (!may_change(g, "deliver")) return -1;
    return game_deliver(g, event);
}

int game_cb_after(game *g, int turns, int event)
{
    if (!may_change(g, "after")) return -1;
    if (turns < 0) {
        game_fail(g, "after: %d turns is negative", turns);
        return -1;
    }
    return game_schedule(g, event, turns);
}

int game_cb_state(game *g, const char *key, const val *v)
{
    if (!may_change(g, "state")) return -1;
    kv_set(&g->state, key, v);
    return 0;
}

int game_cb_say(game *g, const char *text)
{
    if (!may_change(g, "say")) return -1;
    game_add_log(g, LOG_OUTCOME, -1, -1, 0, text, NULL);
    return 0;
}

int game_cb_finish(game *g, int ending)
{
    if (!may_change(g, "finish")) return -1;
    g->finish_at = ending;
    return 0;
}

int game_cb_random(game *g, uint64_t *out)
{
    /* A condition may run any number of times (a front end asks whether an
       option is available on every redraw): drawing there would make the
       game depend on the display. */
    if (g->readonly) {
        game_fail(g, "random numbers cannot be drawn while checking a condition");
        return -1;
    }
    *out = rng_next(&g->rng);
    return 0;
}

/* Issue 17: what the definitions said, changed during a game ----------------- */

static int set_text(game *g, char **slot, const char *text, const char *what)
{
    if (!text) return 0;
    if (strlen(text) >= GAME_TEXT_MAX) {
        game_fail(g, "%s: the text is longer than %d bytes", what, GAME_TEXT_MAX - 1);
        return -1;
    }
    free(*slot);
    *slot = xstrdup(text);
    return 0;
}

int game_cb_rename(game *g, int role, const char *name, const char *shortname)
{
    if (!may_change(g, "rename")) return -1;
    if (set_text(g, &g->role_name[role], name, "rename")) return -1;
    /* A new name without a short one: the old short one would name the old holder. */
    if (!shortname) free(g->role_short[role]), g->role_short[role] = NULL;
    return set_text(g, &g->role_short[role], shortname, "rename");
}

int game_cb_brief(game *g, int role, const char *text)
{
    if (!may_change(g, "set_brief")) return -1;
    return set_text(g, &g->role_brief[role], text, "set_brief");
}

/* Points stay within [0, GAME_MAX_POINTS]: a script that adds for ever
   must not overflow them. */
static int clamp_points(long v)
{
    return v < 0 ? 0 : v > GAME_MAX_POINTS ? GAME_MAX_POINTS : (int)v;
}

int game_cb_budget(game *g, int role, int delta, int every_turn)
{
    if (!may_change(g, every_turn ? "add_budget" : "add_points")) return -1;
    if (every_turn) g->allowance[role] = clamp_points((long)g->allowance[role] + delta);
    g->budget[role] = clamp_points((long)g->budget[role] + delta);
    return 0;
}

int game_cb_cancel(game *g, int event)
{
    if (!may_change(g, "cancel")) return -1;
    int k = 0;
    for (int i = 0; i < g->npend; i++)
        if (g->pend[i].kind != PEND_DELIVER || g->pend[i].index != event) g->pend[k++] = g->pend[i];
    g->npend = k;
    int to_come = g->ev[event] == EV_NONE || g->ev[event] == EV_SCHEDULED;
    if (to_come) g->ev[event] = EV_CANCELLED;
    return to_come;
}
