/*
 * ui_nav.c -- which screen shows: ui_go, and after a command the screen that
 * follows it (the hand-over between roles, the debrief at the end).
 */
#include <string.h>

#include "i18n.h"
#include "ui_actions.h"
#include "ui_app.h"

void ui_go(ui_app *a, ui_screen s)
{
    if (s != SCR_TITLE && s != SCR_BRIEFING && !a->ses) s = SCR_TITLE;
    if (s == SCR_BRIEFING && !a->ses) s = SCR_TITLE;
    if (a->con.on && s != SCR_CONSOLE) { /* the console covers the players' screens */
        a->con.back = s;
        a->dirty = 1;
        return;
    }
    if (s == SCR_DASHBOARD && a->ses)
        a->seen_role = a->ses->g->role, a->seen_turn = a->ses->g->turn;
    /* Scenarios are read when the title is first shown, not at start-up:
       a game started from the command line should not wait for them. */
    if (s == SCR_TITLE && !a->nscens) ui_scan_scenarios(a);
    a->screen = s;
    a->focus_act = ACT_NONE;
    a->dirty = 1;
}

/* After a command: the end of the game shows the debrief; a new role or turn
   shows the hand-over screen first, so one role never sees another's inbox. */
void ui_after_command(ui_app *a)
{
    game *g = a->ses->g;
    if (g->ended) {
        ui_go(a, SCR_DEBRIEF);
    } else if (a->host) {
        /* Hosting: the teams play on their devices; no screen to hand over. */
    } else if (g->role != a->seen_role || g->turn != a->seen_turn) {
        /* Another team's move: its panels from the top, its own first
           decision shown, nothing of the last team's scrolling. */
        static const ui_screen players[] = {SCR_DASHBOARD, SCR_EVIDENCE, SCR_DIPLOMACY,
                                            SCR_TIMELINE, SCR_BRIEFING};
        for (size_t i = 0; i < sizeof players / sizeof *players; i++)
            memset(a->scroll[players[i]], 0, sizeof a->scroll[players[i]]);
        a->sel_item = -2, a->sel_card = -1;
        a->after_handover = SCR_DASHBOARD;
        ui_go(a, SCR_HANDOVER);
    }
    ui_timer_sync(a); /* on the screen that follows: a hand-over holds the new move's timer */
    a->dirty = 1;
}

int ui_apply(ui_app *a, const char *line)
{
    if (!a->ses) return -1;
    if (a->host) {
        ui_set_status(a, _("The teams play on their own devices; the facilitator's console acts "
                           "for the room."));
        return -1;
    }
    int rc = session_apply(a->ses, line);
    if (rc && a->ses->g->paused) {
        /* Core's words are the terminal's ("'resume' first"): the players
           here cannot resume, the facilitator can. */
        ui_set_status(a,
                      _("The exercise is paused: play goes on when the facilitator resumes it."));
    } else if (rc) {
        char why[sizeof a->ses->err + 200];
        ui_role_words(a, a->ses->err, why, sizeof why);
        ui_set_status(a, "%s", why);
    } else {
        ui_after_command(a);
        if (a->ses->err[0]) ui_set_status(a, "%s", a->ses->err); /* taken, with a warning */
    }
    return rc;
}
