/*
 * ui_timer.c -- the discussion timer the facilitator sets on the console and
 * the players see large in their top bar.
 *
 * It counts down once per role's move: a new move (another role, or a new
 * turn) starts it again from its full length, because each team discusses
 * its own move. A pause of the game stops it and a resume lets it go on:
 * the wall clock while paused does not count. The timer is a facilitation
 * aid, not part of the game: it is not journaled and never ends a move.
 */
#include <stdio.h>

#include "ui_app.h"
#include "util.h"

static uint32_t sdl_clock(void)
{
    return SDL_GetTicks();
}

ui_clock_fn ui_clock = sdl_clock;

static uint32_t used_now(const ui_timer *t)
{
    return t->used + (t->running ? ui_clock() - t->since : 0);
}

/* A new length applies to the move in progress, from its start. */
void ui_timer_set(ui_timer *t, int minutes, const game *g)
{
    t->len_ms = minutes > 0 ? minutes * 60000 : 0;
    t->turn = -1;
    if (g) ui_timer_sync(t, g);
}

void ui_timer_sync(ui_timer *t, const game *g)
{
    uint32_t now = ui_clock();
    if (g->turn != t->turn || g->role != t->role) {
        t->turn = g->turn, t->role = g->role;
        t->used = 0, t->since = now, t->running = 0;
    }
    int go = t->len_ms > 0 && !g->paused && !g->ended;
    if (go && !t->running)
        t->since = now, t->running = 1;
    else if (!go && t->running)
        t->used += now - t->since, t->running = 0;
}

int ui_timer_left(const ui_timer *t)
{
    if (t->len_ms <= 0) return -1;
    uint32_t used = used_now(t);
    return used >= (uint32_t)t->len_ms ? 0 : t->len_ms - (int)used;
}

void ui_timer_text(const ui_timer *t, const game *g, char *buf, size_t size, int *amber)
{
    int left = ui_timer_left(t);
    *amber = left >= 0 && left <= 60000;
    if (left < 0)
        str_fmt(buf, size, "no timer");
    else if (g->paused)
        str_fmt(buf, size, "PAUSED");
    else if (left == 0)
        str_fmt(buf, size, "TIME");
    else {
        int s = (left + 999) / 1000; /* 0:01 until the very end */
        str_fmt(buf, size, "%d:%02d", s / 60, s % 60);
    }
}

/* The display changes when the shown second does. */
uint32_t ui_timer_wait(const ui_timer *t)
{
    int left = ui_timer_left(t);
    if (left <= 0 || !t->running) return 0;
    int ms = left % 1000;
    return (uint32_t)(ms ? ms : 1000) + 5;
}
