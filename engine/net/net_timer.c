/*
 * net_timer.c -- the turn's timer on every device: the countdown on the
 * monotonic clock following the game (movetimer.h), the facilitator's
 * length as a journaled command, and at zero the defaults and the close.
 */
#include <stdio.h>

#include "net_int.h"
#include "record.h"

/* The timer as the journaled command that sets it. */
void net_timer_line(int ms, int closes, char *line, size_t size)
{
    str_fmt(line, size, "%s %.17g%s%s", cmd_names[CMD_TIMER], ms / 60000.0, closes && ms ? " " : "",
            closes && ms ? cmd_names[CMD_CLOSE] : "");
}

/* The timer --------------------------------------------------------------------------- */

/* The countdown follows the game (movetimer.h); the hold stops it. */
static void timer_sync(net *n, const game *g)
{
    if (movetimer_sync(&n->timer.mt, g, !n->hold, (long long)net_now_ms())) n->changed = 1;
}

/* A session first seen (the host's start, a restart on a save): its move
   goes on from the time it had used, not from full. */
static void timer_restore(net *n, const session *s)
{
    record_times t;
    n->timer.restored = s;
    timer_sync(n, s->g);
    record_times_of(s, &t);
    if (s->nlog) movetimer_spent(&n->timer.mt, t.current_ms, (long long)net_now_ms());
    record_times_free(&t);
}

/* net_set_timer's request, as the facilitator's journaled command. */
static void timer_wanted(net *n, session *s)
{
    net_timer *t = &n->timer;
    if (!t->wanted) return;
    t->wanted = 0;
    int closes = t->want_closes < 0 ? s->g->timer_closes : t->want_closes;
    if (t->want_ms == s->g->timer_ms && (!t->want_ms || closes == s->g->timer_closes)) return;
    char line[96];
    journal_by by = {.kind = "facilitator", .name = "host"};
    net_timer_line(t->want_ms, closes, line, sizeof line);
    if (session_apply_as(s, line, &by)) fprintf(stderr, "crisisroom host: %s\n", s->err);
    n->changed = 1;
}

/* Time is up: open decisions of the teams still moving take their
   defaults, then the turn closes; each a journaled command "by" the timer. */
static void timer_close(session *s)
{
    game *g = s->g;
    journal_by by = {.kind = "default", .name = "timer"};
    int items[256], k = game_open_decisions(g, -1, items, 256);
    const char *ids[256];
    int nd = 0;
    for (int i = 0; i < k; i++) {
        const def_event *e = &g->sc->events[g->items[items[i]].event];
        if (e->default_option >= 0 && !game_role_done(g, e->decider)) ids[nd++] = e->id;
    }
    for (int i = 0; i < nd; i++) {
        char line[128];
        str_fmt(line, sizeof line, "%s %s", cmd_names[CMD_DEFAULT], ids[i]);
        by.at[0] = '\0';
        if (session_apply_as(s, line, &by) == GAME_SCRIPT_ERROR) break;
    }
    by.at[0] = '\0';
    if (s->g->simultaneous && !s->g->ended) session_apply_as(s, cmd_names[CMD_CLOSE], &by);
}

/* At zero the countdown stops (movetimer.h); once in a turn it then
   closes it, when the facilitator asked for that. */
static void timer_run(net *n, session *s)
{
    const movetimer *t = &n->timer.mt;
    const game *g = s->g;
    timer_sync(n, g);
    if (!t->len_ms || t->running || movetimer_left(t, (long long)net_now_ms()) > 0) return;
    if (!g->timer_closes || n->timer.fired_turn == g->turn || g->paused || g->ended) return;
    n->timer.fired_turn = g->turn;
    timer_close(s);
    timer_sync(n, s->g);
    n->changed = 1;
}

/* The owner's every poll: a session first seen, the facilitator's request,
   the countdown run. */
void net_timer_poll(net *n, session *s)
{
    if (s != n->timer.restored) timer_restore(n, s);
    timer_wanted(n, s);
    timer_run(n, s);
}

void net_set_timer(net *n, int ms, int closes)
{
    net_timer *t = &n->timer;
    t->wanted = 1;
    t->want_ms = ms > 0 ? ms : 0;
    t->want_closes = closes;
    net_wake(n);
}

void net_timer_get(net *n, int *length_ms, int *left_ms, int *running)
{
    const movetimer *t = &n->timer.mt;
    long long left = movetimer_left(t, (long long)net_now_ms());
    *length_ms = t->len_ms;
    *left_ms = left > 0 ? (int)left : 0;
    *running = t->running;
}

int net_wait_ms(net *n)
{
    const movetimer *t = &n->timer.mt;
    return t->running ? (int)movetimer_left(t, (long long)net_now_ms()) : -1;
}

void net_set_hold(net *n, int on)
{
    n->hold = on ? 1 : 0;
    n->changed = 1;
}
