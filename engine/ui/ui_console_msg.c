/*
 * ui_console_msg.c -- the console's message line and redraw, for both of
 * its tabs (ui_console_ctl.c, ui_console_aar.c), which otherwise never call
 * each other (tests/ui's call-cycle check).
 */
#include <stdarg.h>
#include <stdio.h>

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
