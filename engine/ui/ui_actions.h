/*
 * ui_actions.h -- what a screen, a key or a click may ask for: an action
 * (ui_do, ui_actions.c), another screen or a command line (ui_go,
 * ui_apply, ui_nav.c). Screens include this to request things; they never
 * call the loop, and nothing here calls a screen. Internal to engine/ui/.
 */
#ifndef CR_UI_ACTIONS_H
#define CR_UI_ACTIONS_H

#include "ui_app.h"

/* ui_nav.c: which screen shows. */
void ui_go(ui_app *a, ui_screen s);
/* After a command: the debrief at the end, a hand-over when the role or
   the turn changed. */
void ui_after_command(ui_app *a);
/* Send one command line; 0 applied, else the reason is in a->status. */
int ui_apply(ui_app *a, const char *line);

/* ui_actions.c: what a hit area does when activated (ui_action, arg). */
void ui_do(ui_app *a, int action, int arg);
void ui_close_modal(ui_app *a);
void ui_set_scale(ui_app *a, int dir); /* +1 larger, -1 smaller, 0 back to 100% */
void ui_toggle_fullscreen(ui_app *a);
/* F9: show or hide the facilitator's console (its window, or in place). */
void ui_console_toggle(ui_app *a);
/* The console in place of the players' screen (on 1), or not (0). */
void ui_console_in_place(ui_app *a, int on);
/* F5: the scenario again from disk; the outcome on the console. */
void ui_reload(ui_app *a);
/* F8: the projector's hold, on or off: the players' window shows a neutral
   card (and hosting, every device's state says so); the timer waits. */
void ui_hold_toggle(ui_app *a);

#endif
