/*
 * movetimer.c -- see movetimer.h.
 */
#include "movetimer.h"

#include <string.h>

void movetimer_init(movetimer *t)
{
    memset(t, 0, sizeof *t);
    t->turn = -1;
}

static long long used(const movetimer *t, long long now)
{
    return t->used_ms + (t->running ? now - t->since_ms : 0);
}

int movetimer_sync(movetimer *t, const game *g, int can_act, long long now)
{
    int role = g->simultaneous ? -1 : g->role, changed = 0;
    if (g->turn != t->turn || role != t->role || g->timer_ms != t->len_ms) {
        t->turn = g->turn, t->role = role, t->len_ms = g->timer_ms;
        t->used_ms = 0, t->running = 0;
        changed = 1;
    }
    int go = t->len_ms > 0 && can_act && !g->paused && !g->ended && used(t, now) < t->len_ms;
    if (go && !t->running) {
        t->since_ms = now, t->running = 1;
        changed = 1;
    } else if (!go && t->running) {
        t->used_ms = used(t, now), t->running = 0;
        if (t->used_ms > t->len_ms) t->used_ms = t->len_ms;
        changed = 1;
    }
    return changed;
}

long long movetimer_left(const movetimer *t, long long now)
{
    if (t->len_ms <= 0) return -1;
    long long u = used(t, now);
    return u >= t->len_ms ? 0 : t->len_ms - u;
}

void movetimer_spent(movetimer *t, long long ms, long long now)
{
    if (ms < 0) ms = 0;
    t->used_ms = ms > t->len_ms ? t->len_ms : ms;
    if (t->running) t->since_ms = now;
}
