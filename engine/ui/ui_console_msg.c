/*
 * ui_console_msg.c -- what both tabs of the console (ui_console_ctl.c,
 * ui_console_aar.c) share: a command sent through the session as the
 * facilitator's, its message line, a redraw of both windows, a field made
 * fit for one command line. Here so that neither tab calls the other
 * (tests/ui's call-cycle check).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_actions.h"
#include "ui_app.h"

void ui_console_say(ui_app *m, int bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->con.msg, sizeof m->con.msg, fmt, ap);
    va_end(ap);
    m->con.msg_bad = bad;
}

void ui_console_redraw(ui_app *m)
{
    m->dirty = 1;
    if (m->cwin) m->cwin->dirty = 1;
}

/* One command through the session; the players' view follows (hand-over,
   debrief) as it does for their own moves. */
int ui_console_apply(ui_app *m, const char *line)
{
    if (!m->ses) return -1;
    journal_by by = {.kind = "facilitator"}; /* the journal says who sent it */
    int rc = session_apply_as(m->ses, line, &by);
    if (rc && m->ses->g->paused && strstr(m->ses->err, "is paused")) {
        ui_console_say(m, 1, _("Refused: the game is paused; press Resume (top right) first."));
    } else if (rc) {
        char why[sizeof m->ses->err + 200];
        ui_role_words(m, m->ses->err, why, sizeof why);
        ui_console_say(m, 1, _("Refused: %s"), why);
    } else {
        ui_console_say(m, 0, _("Done (journaled): %s"), line);
        ui_after_command(m);
    }
    ui_console_redraw(m);
    return rc;
}

/* A field's text made fit for one command line. */
const char *ui_console_clean(char *s)
{
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    while (*s == ' ') s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ') s[--n] = '\0';
    return s;
}
