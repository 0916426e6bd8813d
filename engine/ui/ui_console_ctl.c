/*
 * ui_console_ctl.c -- what the facilitator's console does: each control ends
 * as one command line through session_apply(), so it is journaled, replayed
 * and reported like any move of the players. The text fields, the two
 * confirmations (undo, finish) and the wording of the schedule live here;
 * ui_console.c draws.
 *
 * The console is either its own window (a view whose peer is the players'
 * app) or, on one display, the players' window itself; ui_players() gives
 * the app holding the game and the console's state in both cases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "autoplay.h"
#include "i18n.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

ui_app *ui_players(ui_app *v)
{
    return v->peer ? v->peer : v;
}

int ui_is_console(const ui_app *a)
{
    return a->peer || a->screen == SCR_CONSOLE;
}

/* The role that answers the inject's options: the one chosen, else its
   recipient, else (to everyone) the team whose move it is. */
int ui_inject_decider(const ui_app *m)
{
    const ui_console *c = &m->con;
    int n = m->ses->sc->nroles;
    if (c->decides >= 0 && c->decides < n) return c->decides;
    return c->to >= 0 && c->to < n ? c->to : m->ses->g->role;
}

/* "Speak now | Wait" as the options of the line ("" none). */
static void options_part(const ui_app *m, char *out, size_t size)
{
    char opts[600];
    str_fmt(opts, sizeof opts, "%s", m->con.buf[CF_OPTIONS]);
    const char *o = ui_console_clean(opts);
    out[0] = '\0';
    if (*o) str_fmt(out, size, " || %s", o);
}

static void send_inject(ui_app *m, int held)
{
    ui_console *c = &m->con;
    const def_scenario *sc = m->ses->sc;
    char title[600], text[600], opts[700], flags[200] = "", line[2200];
    str_fmt(title, sizeof title, "%s", c->buf[CF_TITLE]);
    str_fmt(text, sizeof text, "%s", c->buf[CF_TEXT]);
    const char *t = ui_console_clean(title), *x = ui_console_clean(text);
    if (!*t || !*x) {
        ui_console_say(m, 1, _("An inject needs a title and a text."));
        c->field = !*t ? CF_TITLE : CF_TEXT;
        return;
    }
    if (strstr(t, "--")) {
        ui_console_say(
            m, 1, _("The title may not contain \"--\" (it separates the title from the text)."));
        return;
    }
    options_part(m, opts, sizeof opts);
    const char *to = c->to >= 0 && c->to < sc->nroles ? sc->roles[c->to].id : "all";
    if (c->via >= 0 && c->via < CH_COUNT)
        str_cat(flags, sizeof flags, " via=%s", def_channel_names[c->via]);
    if (opts[0]) str_cat(flags, sizeof flags, " decides=%s", sc->roles[ui_inject_decider(m)].id);
    if (held) str_cat(flags, sizeof flags, " at=resume");
    str_fmt(line, sizeof line, "%s %s%s %s -- %s%s", cmd_names[CMD_INJECT], to, flags, t, x, opts);
    if (ui_console_apply(m, line)) return;
    c->buf[CF_TITLE][0] = c->buf[CF_TEXT][0] = c->buf[CF_OPTIONS][0] = '\0', c->field = CF_NONE;
    if (held) ui_console_say(m, 0, _("Held: it reaches the inbox when you resume. (%s)"), line);
}

/* Jump to a turn: the policy plays every move up to it (asked first). */
static void ask_jump(ui_app *m)
{
    int turn = atoi(m->con.buf[CF_TURN]);
    const game *g = m->ses->g;
    if (turn <= g->turn || turn > m->ses->sc->nturns) {
        ui_console_say(m, 1, _("Jump to a turn after this one: %d to %d."), g->turn + 1,
                       m->ses->sc->nturns);
        m->con.field = CF_TURN;
        return;
    }
    m->con.ask = CON_ASK_JUMP;
}

static void jump(ui_app *m)
{
    char err[1024];
    int turn = atoi(m->con.buf[CF_TURN]), from = m->ses->g->turn, nlog = m->ses->nlog;
    policy_kind k = (policy_kind)m->con.policy;
    if (autoplay_session_to(m->ses, k, turn, err, sizeof err))
        ui_console_say(m, 1, _("The jump stopped: %s"), err);
    else
        ui_console_say(
            m, 0, _("The policy '%s' played %d moves: turn %d to turn %d (journaled as its own)."),
            policy_name(k), m->ses->nlog - nlog, from, m->ses->g->turn);
    m->con.buf[CF_TURN][0] = '\0';
    ui_after_command(m);
}

static void send_set(ui_app *m)
{
    ui_console *c = &m->con;
    char value[600], reason[600], line[1400];
    str_fmt(value, sizeof value, "%s", c->buf[CF_VALUE]);
    str_fmt(reason, sizeof reason, "%s", c->buf[CF_REASON]);
    const char *v = ui_console_clean(value), *r = ui_console_clean(reason);
    if (!*v || !*r) {
        ui_console_say(
            m, 1, _("An override needs a value and a reason (the reason goes into the report)."));
        c->field = !*v ? CF_VALUE : CF_REASON;
        return;
    }
    str_fmt(line, sizeof line, "%s %s %s -- %s", cmd_names[CMD_SET],
            m->ses->sc->meters[c->meter].id, v, r);
    if (!ui_console_apply(m, line)) c->buf[CF_REASON][0] = '\0', c->field = CF_NONE;
}

static void send_note(ui_app *m)
{
    char note[600], line[700];
    str_fmt(note, sizeof note, "%s", m->con.buf[CF_NOTE]);
    const char *n = ui_console_clean(note);
    if (!*n) {
        ui_console_say(m, 1, _("Type the note first."));
        m->con.field = CF_NOTE;
        return;
    }
    str_fmt(line, sizeof line, "%s %s", cmd_names[CMD_NOTE], n);
    if (!ui_console_apply(m, line)) m->con.buf[CF_NOTE][0] = '\0', m->con.field = CF_NONE;
}

static void send_event(ui_app *m, cmd_kind verb)
{
    char line[200];
    if (m->con.sched < 0 || m->con.sched >= m->ses->sc->nevents) {
        ui_console_say(m, 1, _("Pick an inject in the schedule first."));
        return;
    }
    str_fmt(line, sizeof line, "%s %s", cmd_names[verb], m->ses->sc->events[m->con.sched].id);
    if (!ui_console_apply(m, line)) m->con.sched = -1;
}

static void pick_meter(ui_app *m, int meter)
{
    if (meter < 0 || meter >= m->ses->sc->nmeters) return;
    m->con.meter = meter;
    str_fmt(m->con.buf[CF_VALUE], sizeof m->con.buf[CF_VALUE], "%g", m->ses->g->meter[meter]);
    m->con.field = CF_VALUE;
}

/* Hosting: a slot's new code; every device that used the old one is shut
   out and joins again with the new one (the join screen shows it). */
static void revoke(ui_app *m, int slot)
{
    const ui_host *h = m->host;
    char err[600];
    ui_join j;
    if (!h || h->join(h->ud, slot, &j)) return;
    if (h->revoke(h->ud, slot, err, sizeof err)) {
        ui_console_say(m, 1, _("The code for %s was not changed: %s"), j.name, err);
        return;
    }
    h->join(h->ud, slot, &j);
    ui_console_say(m, 0, _("New code for %s: %s (the old one no longer works)."), j.name, j.code);
}

static void answer(ui_app *m, int yes)
{
    int ask = m->con.ask;
    m->con.ask = CON_ASK_NONE;
    if (!yes)
        ui_console_say(m, 0, _("Nothing changed."));
    else if (ask == CON_ASK_UNDO)
        ui_console_apply(m, cmd_names[CMD_UNDO]);
    else if (ask == CON_ASK_FINISH)
        ui_console_apply(m, cmd_names[CMD_FINISH]);
    else if (ask == CON_ASK_REVOKE)
        revoke(m, m->con.revoke);
    else if (ask == CON_ASK_JUMP)
        jump(m);
}

/* The move timer: the journaled `timer` command, the window's and,
   hosting, every device's (the server journals it). */
static void set_timer(ui_app *m, int minutes)
{
    if (m->host) {
        m->host->timer(m->host->ud, minutes, -1);
        ui_console_say(m, 0,
                       minutes ? _("Timer: %d minutes for each move, on every device.")
                               : _("Timer off."),
                       minutes);
        return;
    }
    char line[64];
    str_fmt(line, sizeof line, "%s %d", cmd_names[CMD_TIMER], minutes);
    if (ui_console_apply(m, line) == 0)
        ui_console_say(
            m, 0, minutes ? _("Timer: %d minutes for each move (journaled).") : _("Timer off."),
            minutes);
}

static void start_typing(ui_app *v, int field)
{
    ui_players(v)->con.field = field;
    if (v->win) SDL_StartTextInput();
}

void ui_console_do(ui_app *v, int action, int arg)
{
    ui_app *m = ui_players(v);
    ui_console_redraw(m);
    if (!m->ses) return;
    game *g = m->ses->g;
    switch (action) {
    case ACT_CON_PAUSE:
        ui_console_apply(m, cmd_names[g->paused ? CMD_RESUME : CMD_PAUSE]);
        break;
    case ACT_CON_TIMER:
        set_timer(m, arg);
        break;
    case ACT_CON_FIELD:
        start_typing(v, arg);
        break;
    case ACT_CON_TO:
        m->con.to = arg;
        break;
    case ACT_CON_INJECT:
    case ACT_CON_HELD:
        send_inject(m, action == ACT_CON_HELD);
        break;
    case ACT_CON_VIA:
        m->con.via = m->con.via == arg ? -1 : arg;
        break;
    case ACT_CON_DECIDES:
        m->con.decides = arg;
        break;
    case ACT_CON_POLICY:
        m->con.policy = arg;
        break;
    case ACT_CON_JUMP:
        ask_jump(m);
        break;
    case ACT_CON_METER:
        pick_meter(m, arg), start_typing(v, CF_VALUE);
        break;
    case ACT_CON_SET:
        send_set(m);
        break;
    case ACT_CON_NOTE:
        send_note(m);
        break;
    case ACT_CON_SCHED:
        m->con.sched = m->con.sched == arg ? -1 : arg;
        break;
    case ACT_CON_FIRE:
        send_event(m, CMD_FIRE);
        break;
    case ACT_CON_SUPPRESS:
        send_event(m, CMD_SUPPRESS);
        break;
    case ACT_CON_UNDO:
        m->con.ask = m->ses->nlive ? CON_ASK_UNDO : CON_ASK_NONE;
        if (!m->ses->nlive) ui_console_say(m, 1, _("There is nothing to undo."));
        break;
    case ACT_CON_FINISH:
        m->con.ask = CON_ASK_FINISH;
        break;
    case ACT_CON_CLOSE:
        ui_console_apply(m, cmd_names[CMD_CLOSE]);
        break;
    case ACT_CON_REVOKE:
        m->con.ask = m->host ? CON_ASK_REVOKE : CON_ASK_NONE;
        m->con.revoke = arg;
        break;
    case ACT_CON_YES:
    case ACT_CON_NO:
        answer(m, action == ACT_CON_YES);
        break;
    }
}

/* Typing ---------------------------------------------------------------------- */

void ui_console_text(ui_app *v, const char *text)
{
    if (ui_console_aar_text(v, text)) return; /* a field of the after-action tab */
    ui_console *c = &ui_players(v)->con;
    if (c->field <= CF_NONE || c->field >= CF_COUNT) return;
    str_cat(c->buf[c->field], sizeof c->buf[0], "%s", text);
    ui_console_redraw(ui_players(v));
}

static void submit(ui_app *v, int field)
{
    if (field == CF_TITLE)
        start_typing(v, CF_TEXT);
    else if (field == CF_TEXT || field == CF_OPTIONS)
        ui_console_do(v, ACT_CON_INJECT, 0);
    else if (field == CF_TURN)
        ui_console_do(v, ACT_CON_JUMP, 0);
    else if (field == CF_VALUE)
        start_typing(v, CF_REASON);
    else if (field == CF_REASON)
        ui_console_do(v, ACT_CON_SET, 0);
    else if (field == CF_NOTE)
        ui_console_do(v, ACT_CON_NOTE, 0);
}

static int field_key(ui_app *v, SDL_Keycode k)
{
    ui_console *c = &ui_players(v)->con;
    char *b = c->buf[c->field];
    size_t n = strlen(b);
    if (k == SDLK_BACKSPACE) {
        while (n > 0 && (b[n - 1] & 0xC0) == 0x80) n--; /* a whole UTF-8 character */
        if (n > 0) n--;
        b[n] = '\0';
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        submit(v, c->field);
    else if (k == SDLK_TAB)
        start_typing(v, c->field % (CF_COUNT - 1) + 1);
    else if (k == SDLK_ESCAPE) {
        c->field = CF_NONE;
        if (v->win) SDL_StopTextInput();
    } else if (k >= SDLK_F1 && k <= SDLK_F12)
        return 0; /* F9 and F5 still work while typing */
    return 1;
}

/* Keys the console takes before the common ones; 1 when handled. */
int ui_console_key(ui_app *v, SDL_Keycode k)
{
    ui_app *m = ui_players(v);
    if (!m->ses) return 0;
    ui_console_redraw(m);
    if (m->con.ask) {
        if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_y) answer(m, 1);
        if (k == SDLK_ESCAPE || k == SDLK_n) answer(m, 0);
        return 1;
    }
    if (ui_console_aar_key(v, k)) return 1;
    if (m->con.field != CF_NONE) return field_key(v, k);
    return 0;
}

/* The schedule ---------------------------------------------------------------- */

static int pending_due(const game *g, int ev)
{
    for (int i = 0; i < g->npend; i++)
        if (g->pend[i].kind == PEND_DELIVER && g->pend[i].index == ev) return g->pend[i].due;
    return 0;
}

static void trigger(const ui_app *a, const def_event *e, char *buf, size_t size)
{
    const def_scenario *sc = a->ses->sc;
    char opt[200] = "";
    if (e->turn)
        str_fmt(buf, size, _("turn %d"), e->turn);
    else if (e->after_event >= 0) {
        if (e->after_option >= 0) def_move_path(sc, e->after_option, opt, sizeof opt);
        str_fmt(buf, size, _("after %s + %d turn%s"), opt[0] ? opt : sc->events[e->after_event].id,
                e->delay, e->delay == 1 ? "" : "s");
    } else if (e->when && e->from_turn)
        str_fmt(buf, size, _("when its condition holds (from turn %d)"), e->from_turn);
    else if (e->when)
        str_fmt(buf, size, _("when its condition holds"));
    else
        str_fmt(buf, size, _("only when fired or sent by an effect"));
    if (e->when && (e->turn || e->after_event >= 0))
        str_cat(buf, size, _(", if its condition holds"));
}

/* An upcoming inject's trigger as one line; 0 when it was delivered. */
int ui_schedule_line(const ui_app *a, int ev, char *buf, size_t size)
{
    const game *g = a->ses->g;
    const def_event *e = &a->ses->sc->events[ev];
    if (g->ev[ev] == EV_DELIVERED) return 0;
    char why[400];
    trigger(a, e, why, sizeof why);
    int due = pending_due(g, ev);
    if (g->ev[ev] == EV_SUPPRESSED && game_suspended_by_error(g, ev))
        str_fmt(buf, size, _("SUSPENDED by a script error in its when · was: %s"), why);
    else if (g->ev[ev] == EV_SUPPRESSED)
        str_fmt(buf, size, _("SUPPRESSED · was: %s"), why);
    else if (g->ev[ev] == EV_CANCELLED) /* g:cancel */
        str_fmt(buf, size, _("CANCELLED by the scenario · was: %s"), why);
    else if (due)
        str_fmt(buf, size, _("queued for turn %d (%s)"), due, why);
    else if (e->turn && e->turn < g->turn && !e->when)
        str_fmt(buf, size, _("%s (passed, not delivered)"), why);
    else
        str_fmt(buf, size, "%s", why);
    return 1;
}
