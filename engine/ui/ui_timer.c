/*
 * ui_timer.c -- the move timer (engine/core/movetimer.h) as the window
 * runs it: the facilitator sets its length on the console (the journaled
 * `timer` command, so a reload or a resume keeps it), and the players see
 * it large in their top bar and on the hand-over screen.
 *
 * It counts down once per role's move, and runs only while the team at
 * the screen can act: not on the briefing before the exercise began, not
 * on the hand-over screen, not with the menu open, not while the projector
 * is held, never while the game is paused. A loaded save's move goes on
 * from the time it had used (record.h). Hosting, the server runs it for
 * every device and the window mirrors it (ui_loop.c). Time comes from
 * ui_clock (milliseconds), which tests replace so that they need not sleep.
 */
#include <stdio.h>

#include "i18n.h"
#include "record.h"
#include "ui_app.h"
#include "util.h"

static uint32_t sdl_clock(void)
{
    return SDL_GetTicks();
}

ui_clock_fn ui_clock = sdl_clock;

static long long now(void)
{
    return (long long)ui_clock();
}

int ui_can_act(const ui_app *a)
{
    if (!a->ses || a->hold || a->modal == MODAL_MENU) return 0;
    ui_screen s = a->con.on ? (ui_screen)a->con.back : a->screen;
    return s == SCR_DASHBOARD || s == SCR_EVIDENCE || s == SCR_DIPLOMACY || s == SCR_TIMELINE ||
           (s == SCR_BRIEFING && a->began);
}

void ui_timer_sync(ui_app *a)
{
    if (a->ses && !a->host) movetimer_sync(&a->timer, a->ses->g, ui_can_act(a), now());
}

void ui_timer_restore(ui_app *a)
{
    if (!a->ses || a->host) return;
    record_times t;
    record_times_of(a->ses, &t);
    movetimer_sync(&a->timer, a->ses->g, 0, now());
    if (a->ses->nlog) movetimer_spent(&a->timer, t.current_ms, now());
    record_times_free(&t);
}

long long ui_timer_left(const movetimer *t)
{
    return movetimer_left(t, now());
}

void ui_timer_text(const movetimer *t, const game *g, char *buf, size_t size, int *amber)
{
    long long left = ui_timer_left(t);
    *amber = left >= 0 && left <= 60000;
    if (left < 0)
        str_fmt(buf, size, _("no timer"));
    else if (g->paused)
        str_fmt(buf, size, _("PAUSED"));
    else if (left == 0)
        str_fmt(buf, size, _("TIME"));
    else {
        int s = (int)((left + 999) / 1000); /* 0:01 until the very end */
        str_fmt(buf, size, "%d:%02d", s / 60, s % 60);
    }
}

/* The display changes when the shown second does. */
uint32_t ui_timer_wait(const movetimer *t)
{
    long long left = ui_timer_left(t);
    if (left <= 0 || !t->running) return 0;
    int ms = (int)(left % 1000);
    return (uint32_t)(ms ? ms : 1000) + 5;
}
