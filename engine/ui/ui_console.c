/*
 * ui_console.c -- the facilitator's console as drawn: the clock, the timer
 * and pause; every meter, hidden ones too, with bounds and a sparkline; the
 * scenario's free state and the hidden truth; the injects still to come and
 * what triggers them; the journal; and the controls (ad-hoc inject, meter
 * override, note, fire or suppress, undo, finish), each one a journaled
 * command (ui_console_ctl.c).
 *
 * The players never see it: it is a second window, or on one display it
 * replaces their screen until F9 hides it again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "policy.h"
#include "record.h"
#include "ui_app.h"
#include "util.h"

static const char *short_name(const ui_app *a, int role)
{
    return game_role_short(a->ses->g, role); /* as it is now */
}

static int small_button(ui_app *v, SDL_Rect r, const char *label, int action, int arg, int on)
{
    SDL_Color bg = on ? v->th->accent : ui_is_hover(v, r) ? v->th->hover : v->th->raised;
    ui_round(v, r, ui_px(v, 6), bg);
    ui_text(v, ST_SMALL_B, on ? v->th->on_accent : v->th->text, r, label,
            TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    ui_focus_ring(v, r, action, arg);
    ui_hit_add(v, r, action, arg, 1);
    return r.w;
}

static int section(ui_app *v, SDL_Rect r, int y, const char *title)
{
    y += ui_px(v, 6);
    ui_text(v, ST_SMALL_B, v->th->dim, ui_rect(r.x, y, r.w, ui_line_h(v, ST_SMALL_B)), title,
            TX_ELLIPSIS);
    return y + ui_line_h(v, ST_SMALL_B) + ui_px(v, 6);
}

/* The header: what this is, where the game is, the timer and pause --------- */

static void timer_block(ui_app *v, ui_app *m, SDL_Rect r)
{
    char t[64];
    int amber;
    const game *g = m->ses->g;
    ui_timer_text(&m->timer, g, t, sizeof t, &amber);
    SDL_Color c = g->paused || amber ? v->th->warn : v->th->text;
    if (ui_timer_left(&m->timer) == 0 && !g->paused) c = v->th->bad;
    int bh = ui_line_h(v, ST_SMALL_B) + ui_px(v, 10), gap = ui_px(v, 6);
    SDL_Rect row = ui_cut_bottom(&r, bh, ui_px(v, 4));
    SDL_Rect lab = ui_cut_left(&r, ui_text_width(v, ST_SMALL_B, _("TIMER")) + ui_px(v, 4), gap);
    ui_text(v, ST_SMALL_B, v->th->dim, lab, _("TIMER"), TX_VCENTER | TX_ELLIPSIS);
    ui_text(v, ST_H1, c, r, t, TX_VCENTER | TX_ELLIPSIS);
    v->timer_at = r;
    static const int mins[] = {0, 5, 10, 15};
    int w = (row.w - 3 * gap) / 4;
    for (int i = 0; i < 4; i++) {
        char label[32];
        if (mins[i])
            str_fmt(label, sizeof label, _("%d min"), mins[i]);
        else
            str_fmt(label, sizeof label, _("Off"));
        int on = m->timer.len_ms == mins[i] * 60000;
        small_button(v, ui_rect(row.x + i * (w + gap), row.y, w, bh), label, ACT_CON_TIMER, mins[i],
                     on);
    }
}

static void header(ui_app *v, ui_app *m, SDL_Rect r)
{
    const session *s = m->ses;
    const game *g = s->g;
    int gap = ui_px(v, 20);
    SDL_Rect pause = ui_cut_right(&r, ui_px(v, 210), gap);
    SDL_Rect hold = ui_cut_bottom(&pause, (pause.h - ui_px(v, 6)) / 2, ui_px(v, 6));
    ui_button(v, pause, g->paused ? _("Resume") : _("Pause"), ACT_CON_PAUSE, 0, !g->paused);
    ui_button_key(v, hold, m->hold ? _("Show the game") : _("Hold screen"), "F8", ACT_HOLD, 0,
                  m->hold);
    timer_block(v, m, ui_cut_right(&r, ui_px(v, 360), gap));
    SDL_Rect who = ui_cut_left(&r, r.w * 45 / 100, gap);
    ui_text(v, ST_H3, v->th->warn, ui_cut_top(&who, ui_line_h(v, ST_H3), 0),
            _("FACILITATOR CONSOLE"), TX_ELLIPSIS);
    char sub[UI_PATH_MAX + 200];
    str_fmt(sub, sizeof sub, _("%s · not for the players · F9 hides · F5 reloads the scenario"),
            s->sc->title);
    ui_text(v, ST_SMALL, v->th->dim, ui_cut_top(&who, ui_line_h(v, ST_SMALL), 0), sub, TX_ELLIPSIS);
    if (s->j && !s->j->failed)
        str_fmt(sub, sizeof sub, _("Journal: %s"), s->j->path);
    else if (!s->j)
        str_fmt(sub, sizeof sub,
                _("Journal: in memory only (Esc, then Save, on the players' screen)"));
    else
        sub[0] = '\0';
    ui_text(v, ST_SMALL, v->th->dim, ui_cut_top(&who, ui_line_h(v, ST_SMALL), 0), sub, TX_ELLIPSIS);
    char turn[300], move[300];
    if (g->ended)
        str_fmt(turn, sizeof turn, _("Exercise over · %s"), game_turn_label(g, g->turn));
    else
        str_fmt(turn, sizeof turn, _("Turn %d of %d · %s"), g->turn, s->sc->nturns,
                game_turn_label(g, g->turn));
    str_fmt(move, sizeof move, _("%s%s moving · %d pt%s left · %d commands"),
            g->paused ? _("PAUSED · ") : "", ui_role_name(m, g->role), g->budget[g->role],
            g->budget[g->role] == 1 ? "" : "s", s->nlive);
    ui_text(v, ST_H3, v->th->text, ui_cut_top(&r, ui_line_h(v, ST_H3), 0), turn, TX_ELLIPSIS);
    ui_text(v, ST_BODY, g->paused ? v->th->warn : v->th->dim, r, move, TX_ELLIPSIS);
}

static void not_saving(ui_app *v, ui_app *m, SDL_Rect *r)
{
    char msg[800];
    str_fmt(msg, sizeof msg, _("NOT SAVING: %s — the game goes on in memory"), m->ses->j->err);
    int pad = ui_px(v, 10);
    int h = ui_text_h(v, ST_BODY_B, msg, r->w - 2 * pad) + 2 * pad;
    SDL_Rect b = ui_cut_top(r, h, ui_px(v, 10));
    ui_round(v, b, ui_px(v, 8), v->th->bad);
    ui_text(v, ST_BODY_B, v->th->on_accent, ui_inset(b, pad), msg, 0);
}

/* Left: meters, state, the hidden truth ----------------------------------------- */

static void meter_row(ui_app *v, ui_app *m, SDL_Rect r, int i)
{
    const def_meter *me = &m->ses->sc->meters[i];
    char shown[64], range[160];
    str_fmt(shown, sizeof shown, "%g%s%s", m->ses->g->meter[i], me->unit ? " " : "",
            me->unit ? me->unit : "");
    str_fmt(range, sizeof range, _("%g to %g · start %g%s"), me->min, me->max, me->start,
            me->hidden ? _(" · HIDDEN") : "");
    int sel = m->con.meter == i;
    ui_round(v, r, ui_px(v, 6),
             sel                 ? v->th->raised
             : ui_is_hover(v, r) ? v->th->hover
                                 : v->th->panel);
    SDL_Rect in = ui_inset(r, ui_px(v, 6));
    SDL_Rect sp = ui_cut_right(&in, in.w * 30 / 100, ui_px(v, 10));
    SDL_Rect top = ui_cut_top(&in, ui_line_h(v, ST_BODY), 0);
    SDL_Rect vr = ui_cut_right(&top, ui_text_width(v, ST_BODY_B, shown) + ui_px(v, 4), ui_px(v, 8));
    ui_text(v, ST_BODY, v->th->text, top, me->name, TX_ELLIPSIS);
    ui_text(v, ST_BODY_B, v->th->text, vr, shown, TX_RIGHT | TX_ELLIPSIS);
    ui_text(v, ST_SMALL, me->hidden ? v->th->warn : v->th->dim, in, range, TX_ELLIPSIS);
    ui_sparkline(v, ui_inset(sp, ui_px(v, 4)), i, me->hidden ? v->th->warn : v->th->accent, 0);
    ui_focus_ring(v, r, ACT_CON_METER, i);
    ui_hit_add(v, r, ACT_CON_METER, i, 1);
}

static void meters(ui_app *v, ui_app *m, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(v, r, _("EVERY METER · click one to override it"), &body);
    int rowh = ui_line_h(v, ST_BODY) + ui_line_h(v, ST_SMALL) + ui_px(v, 12), gap = ui_px(v, 6);
    int y0 = ui_scroll_begin(v, SREG_THIRD, body) + body.y, y = y0;
    for (int i = 0; i < m->ses->sc->nmeters; i++, y += rowh + gap) {
        SDL_Rect row = ui_rect(body.x, y, body.w - ui_px(v, 14), rowh);
        if (ui_visible(v, row))
            meter_row(v, m, row, i);
        else
            ui_hit_hidden(v, row, ACT_CON_METER, i);
    }
    ui_scroll_end(v, SREG_THIRD, body, y - y0 - gap);
}

static void kv_text(const kv_entry *e, char *buf, size_t size)
{
    if (e->v.type == VAL_NUM)
        str_fmt(buf, size, "%s = %g", e->key, e->v.num);
    else if (e->v.type == VAL_STR)
        str_fmt(buf, size, "%s = \"%s\"", e->key, e->v.str ? e->v.str : "");
    else if (e->v.type == VAL_BOOL)
        str_fmt(buf, size, "%s = %s", e->key, e->v.num != 0 ? "true" : "false");
    else
        str_fmt(buf, size, "%s = nil", e->key);
}

static void state(ui_app *v, ui_app *m, SDL_Rect r)
{
    const def_scenario *sc = m->ses->sc;
    const game *g = m->ses->g;
    SDL_Rect body, view;
    int y0 = ui_scroll_panel(v, r, NULL, SREG_SIDE, &body, &view),
        y = section(v, body, y0, _("THE HIDDEN TRUTH"));
    if (g->variant >= 0 && g->variant < sc->nvariants) {
        const def_variant *va = &sc->variants[g->variant];
        y += ui_text(v, ST_BODY_B, v->th->warn, ui_rect(body.x, y, body.w, 0), va->title, TX_FLOW);
        if (va->truth)
            y += ui_text(v, ST_SMALL, v->th->text, ui_rect(body.x, y, body.w, 0), va->truth,
                         TX_FLOW);
    } else
        y += ui_text(v, ST_SMALL, v->th->dim, ui_rect(body.x, y, body.w, 0),
                     _("This scenario has one truth (no variants)."), TX_FLOW);
    y = section(v, body, y + ui_px(v, 6), _("SCENARIO STATE"));
    for (int i = 0; i < g->state.n; i++) {
        char line[600];
        kv_text(&g->state.e[i], line, sizeof line);
        y += ui_text(v, ST_SMALL, v->th->text, ui_rect(body.x, y, body.w, 0), line, TX_FLOW);
    }
    if (!g->state.n)
        y += ui_text(v, ST_SMALL, v->th->dim, ui_rect(body.x, y, body.w, 0), _("(empty)"), TX_FLOW);
    ui_scroll_end(v, SREG_SIDE, view, y - y0);
}

/* Middle: the schedule and the journal ------------------------------------------ */

static int sched_row(ui_app *v, ui_app *m, SDL_Rect r, int ev, const char *when)
{
    const def_event *e = &m->ses->sc->events[ev];
    int pad = ui_px(v, 8), w = r.w - 2 * pad;
    char to[300] = "";
    for (int i = 0; i < m->ses->sc->nroles; i++)
        if ((e->to >> i) & 1u) str_cat(to, sizeof to, "%s%s", to[0] ? ", " : "", short_name(m, i));
    str_cat(to, sizeof to, " · %s · %s", _(def_channel_names[e->channel]), e->id);
    int h1 = ui_text_h(v, ST_BODY_B, e->title, w), h2 = ui_text_h(v, ST_SMALL, to, w);
    int h3 = ui_text_h(v, ST_SMALL_B, when, w);
    r.h = h1 + h2 + h3 + 2 * pad;
    if (!ui_visible(v, r)) {
        ui_hit_hidden(v, r, ACT_CON_SCHED, ev);
        return r.h;
    }
    int sel = m->con.sched == ev,
        sup = m->ses->g->ev[ev] == EV_SUPPRESSED || m->ses->g->ev[ev] == EV_CANCELLED;
    ui_round(v, r, ui_px(v, 6),
             sel                 ? v->th->raised
             : ui_is_hover(v, r) ? v->th->hover
                                 : v->th->panel);
    if (sel) ui_frame(v, r, ui_px(v, 6), ui_px(v, 2), v->th->accent);
    int x = r.x + pad, y = r.y + pad;
    ui_text(v, ST_BODY_B, sup ? v->th->dim : v->th->text, ui_rect(x, y, w, h1), e->title, 0);
    ui_text(v, ST_SMALL, v->th->dim, ui_rect(x, y + h1, w, h2), to, 0);
    ui_text(v, ST_SMALL_B, sup ? v->th->bad : v->th->accent, ui_rect(x, y + h1 + h2, w, h3), when,
            0);
    ui_focus_ring(v, r, ACT_CON_SCHED, ev);
    ui_hit_add(v, r, ACT_CON_SCHED, ev, 1);
    return r.h;
}

static int delayed_effects(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const game *g = m->ses->g;
    for (int i = 0; i < g->npend; i++) {
        const game_pending *p = &g->pend[i];
        if (p->kind != PEND_EFFECT) continue;
        const def_effect *e = &m->ses->sc->effects[p->index];
        char line[700];
        str_fmt(line, sizeof line, _("Delayed effect due at turn %d: %s (%s:%d)"), p->due,
                e->text ? e->text : _("no text"), e->at.file ? e->at.file : "?", e->at.line);
        y +=
            ui_text(v, ST_SMALL, v->th->text, ui_rect(r.x, y, r.w, 0), line, TX_FLOW) + ui_px(v, 4);
    }
    return y;
}

static void schedule(ui_app *v, ui_app *m, SDL_Rect r)
{
    SDL_Rect body, view;
    int y0 = ui_scroll_panel(v, r, _("INJECTS TO COME · click one to fire or suppress it"),
                             SREG_MAIN, &body, &view),
        y = y0, gap = ui_px(v, 6);
    char when[600];
    for (int ev = 0; ev < m->ses->sc->nevents; ev++)
        if (ui_schedule_line(m, ev, when, sizeof when))
            y += sched_row(v, m, ui_rect(body.x, y, body.w, 0), ev, when) + gap;
    if (y == y0)
        y += ui_text(v, ST_BODY, v->th->dim, ui_rect(body.x, y, body.w, 0),
                     _("Every inject has been delivered."), TX_FLOW);
    y = delayed_effects(v, m, body, y);
    ui_scroll_end(v, SREG_MAIN, view, y - y0);
}

/* Who sent a journal line: the team whose move it was only when it was a
   team's move (record.h), else the facilitator, the policy, the timer. */
static void sent_by(const journal_entry *e, char *buf, size_t size)
{
    switch (record_maker_of_line(e)) {
    case RECORD_FACILITATOR:
        str_fmt(buf, size, _("facilitator"));
        break;
    case RECORD_POLICY:
        str_fmt(buf, size, _("policy %s"), e->by.name);
        break;
    case RECORD_DEFAULT:
        str_fmt(buf, size, "%s", e->by.name[0] ? e->by.name : _("default"));
        break;
    default:
        str_fmt(buf, size, "%s", e->by.team[0] ? e->by.team : e->role);
    }
}

static void journal_panel(ui_app *v, ui_app *m, SDL_Rect r)
{
    const session *s = m->ses;
    char title[120];
    str_fmt(title, sizeof title, _("JOURNAL · %d lines, newest first"), s->nlog);
    SDL_Rect body, view;
    int y0 = ui_scroll_panel(v, r, title, SREG_FOURTH, &body, &view), y = y0;
    uint8_t *live = calloc((size_t)s->nlog + 1, 1);
    for (int i = 0; i < s->nlive; i++) live[s->live[i]] = 1;
    for (int i = s->nlog - 1; i >= 0; i--) {
        const journal_entry *e = &s->log[i];
        int undone = !live[i] && strcmp(e->cmd, cmd_names[CMD_UNDO]) != 0;
        char line[CMD_TEXT_MAX + 300], who[120];
        sent_by(e, who, sizeof who);
        str_fmt(line, sizeof line, "%d · T%d · %s · %s%s", i + 1, e->turn, who, e->cmd,
                undone ? _("  (undone)") : "");
        y += ui_text(v, ST_SMALL, undone ? v->th->dim : v->th->text, ui_rect(body.x, y, body.w, 0),
                     line, TX_FLOW) +
             ui_px(v, 3);
    }
    free(live);
    if (!s->nlog)
        y += ui_text(v, ST_SMALL, v->th->dim, ui_rect(body.x, y, body.w, 0), _("No commands yet."),
                     TX_FLOW);
    ui_scroll_end(v, SREG_FOURTH, view, y - y0);
}

/* Right: the controls ------------------------------------------------------------ */

/* Shows the end of what is typed when it is longer than the box. */
static const char *tail(ui_app *v, const char *s, int w)
{
    while (*s && ui_text_width(v, ST_BODY, s) > w) {
        s++;
        while ((*s & 0xC0) == 0x80) s++;
    }
    return s;
}

static int field(ui_app *v, ui_app *m, SDL_Rect r, int f, const char *hint, int multi)
{
    int pad = ui_px(v, 8), on = m->con.field == f;
    char shown[sizeof m->con.buf[0] + 8];
    str_fmt(shown, sizeof shown, "%s%s", m->con.buf[f], on ? "|" : "");
    const char *text = m->con.buf[f][0] || on ? shown : hint;
    int w = r.w - 2 * pad, lh = ui_line_h(v, ST_BODY);
    int th = multi ? ui_text_h(v, ST_BODY, text, w) : lh;
    r.h = (th > lh * multi ? th : lh * (multi ? multi : 1)) + 2 * pad;
    ui_round(v, r, ui_px(v, 6), v->th->bg);
    ui_frame(v, r, ui_px(v, 6), on ? ui_px(v, 3) : 1, on ? v->th->accent : v->th->border);
    SDL_Color c = m->con.buf[f][0] || on ? v->th->text : v->th->dim;
    SDL_Rect in = ui_inset(r, pad);
    if (multi)
        ui_text(v, ST_BODY, c, in, text, TX_FLOW);
    else
        ui_text(v, ST_BODY, c, in, on ? tail(v, text, w) : text, TX_ELLIPSIS);
    ui_hit_add(v, r, ACT_CON_FIELD, f, 1);
    return r.h;
}

static int recipients(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    int h = ui_line_h(v, ST_SMALL_B) + ui_px(v, 12), gap = ui_px(v, 6), x = r.x;
    for (int i = -1; i < m->ses->sc->nroles; i++) {
        const char *label = i < 0 ? _("Everyone") : short_name(m, i);
        int w = ui_chip_w(v, label) + ui_px(v, 10);
        if (x > r.x && x + w > r.x + r.w) x = r.x, y += h + gap;
        if (w > r.w) w = r.w;
        small_button(v, ui_rect(x, y, w, h), label, ACT_CON_TO, i, m->con.to == i);
        x += w + gap;
    }
    return y + h + gap;
}

static int buttons2(ui_app *v, SDL_Rect r, int y, const char *l1, int a1, const char *l2, int a2)
{
    int bh = ui_line_h(v, ST_BODY_B) + ui_px(v, 18), gap = ui_px(v, 10);
    int w = l2 ? (r.w - gap) / 2 : r.w;
    ui_button(v, ui_rect(r.x, y, w, bh), l1, a1, 0, 0);
    if (l2) ui_button(v, ui_rect(r.x + w + gap, y, w, bh), l2, a2, 0, 0);
    return y + bh + gap;
}

/* A row of small buttons that wraps: label i of n, each its action's arg. */
static int chips(ui_app *v, SDL_Rect r, int y, const char *const *labels, const int *args, int n,
                 int action, int on)
{
    int h = ui_line_h(v, ST_SMALL_B) + ui_px(v, 12), gap = ui_px(v, 6), x = r.x;
    for (int i = 0; i < n; i++) {
        int w = ui_chip_w(v, labels[i]) + ui_px(v, 10);
        if (x > r.x && x + w > r.x + r.w) x = r.x, y += h + gap;
        if (w > r.w) w = r.w;
        small_button(v, ui_rect(x, y, w, h), labels[i], action, args[i], args[i] == on);
        x += w + gap;
    }
    return y + h + gap;
}

static int channels(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const char *labels[CH_COUNT + 1] = {_("none")};
    int args[CH_COUNT + 1] = {-1};
    for (int i = 0; i < CH_COUNT; i++) labels[i + 1] = _(def_channel_names[i]), args[i + 1] = i;
    return chips(v, r, y, labels, args, CH_COUNT + 1, ACT_CON_VIA, m->con.via);
}

/* Who answers the options: shown only when there are options. */
static int deciders(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const char *labels[CR_MAX_ROLES];
    int args[CR_MAX_ROLES], n = m->ses->sc->nroles;
    for (int i = 0; i < n; i++) labels[i] = short_name(m, i), args[i] = i;
    y = section(v, r, y, _("ANSWERED BY · a decision for one team"));
    return chips(v, r, y, labels, args, n, ACT_CON_DECIDES, ui_inject_decider(m));
}

static int held_list(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const game *g = m->ses->g;
    char line[800];
    str_fmt(line, sizeof line, _("Held for the resume (%d):"), g->nheld);
    for (int i = 0; i < g->nheld; i++)
        str_cat(line, sizeof line, "%s %s", i ? ";" : "", g->held[i].title);
    return y + ui_text(v, ST_SMALL, v->th->warn, ui_rect(r.x, y, r.w, 0), line, TX_FLOW) +
           ui_px(v, 6);
}

static int inject_form(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    int gap = ui_px(v, 6);
    y = section(v, r, y, _("AD-HOC INJECT · to"));
    y = recipients(v, m, r, y);
    y = section(v, r, y, _("THROUGH"));
    y = channels(v, m, r, y);
    y += field(v, m, ui_rect(r.x, y, r.w, 0), CF_TITLE, _("Title (click to type)"), 0) + gap;
    y += field(v, m, ui_rect(r.x, y, r.w, 0), CF_TEXT, _("Text of the inject"), 2) + gap;
    y += field(v, m, ui_rect(r.x, y, r.w, 0), CF_OPTIONS,
               _("Options of a decision, if any: Speak now | Wait"), 0) +
         gap;
    if (m->con.buf[CF_OPTIONS][strspn(m->con.buf[CF_OPTIONS], " ")]) y = deciders(v, m, r, y);
    if (m->ses->g->nheld) y = held_list(v, m, r, y);
    if (m->ses->g->paused)
        return buttons2(v, r, y, _("Send it now"), ACT_CON_INJECT, _("Send it at the resume"),
                        ACT_CON_HELD);
    return buttons2(v, r, y, _("Send the inject"), ACT_CON_INJECT, NULL, 0);
}

/* Jump ahead: a policy plays every move up to a turn (asks first). */
static int jump_form(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    static const char *const labels[] = {"historical", "first", "random"};
    static const int args[] = {POLICY_HISTORICAL, POLICY_FIRST, POLICY_RANDOM};
    y = section(v, r, y, _("JUMP AHEAD · a policy plays the moves (journaled as its own)"));
    y = chips(v, r, y, labels, args, 3, ACT_CON_POLICY, m->con.policy);
    int gap = ui_px(v, 6), fw = r.w * 40 / 100;
    int h = field(v, m, ui_rect(r.x, y, fw, 0), CF_TURN, _("to turn"), 0);
    int bh = ui_line_h(v, ST_BODY_B) + ui_px(v, 18);
    ui_button(v, ui_rect(r.x + fw + gap, y, r.w - fw - gap, h > bh ? h : bh), _("Jump…"),
              ACT_CON_JUMP, 0, 0);
    return y + (h > bh ? h : bh) + ui_px(v, 10);
}

static int override_form(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    const def_meter *me = &m->ses->sc->meters[m->con.meter];
    char title[300];
    str_fmt(title, sizeof title, _("OVERRIDE · %s (%g to %g, now %g)"), me->name, me->min, me->max,
            m->ses->g->meter[m->con.meter]);
    y = section(v, r, y, title);
    int gap = ui_px(v, 6), vw = r.w * 30 / 100;
    int h = field(v, m, ui_rect(r.x, y, vw, 0), CF_VALUE, _("Value"), 0);
    field(v, m, ui_rect(r.x + vw + gap, y, r.w - vw - gap, 0), CF_REASON,
          _("Reason (for the report)"), 0);
    return buttons2(v, r, y + h + gap, _("Apply the override"), ACT_CON_SET, NULL, 0);
}

static int note_form(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    char title[80];
    str_fmt(title, sizeof title, _("NOTE PINNED TO TURN %d"), m->ses->g->turn);
    y = section(v, r, y, title);
    y +=
        field(v, m, ui_rect(r.x, y, r.w, 0), CF_NOTE, _("What you saw (goes into the report)"), 0) +
        ui_px(v, 6);
    return buttons2(v, r, y, _("Pin the note"), ACT_CON_NOTE, NULL, 0);
}

static int event_controls(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    char title[300];
    int ev = m->con.sched;
    if (ev >= 0 && ev < m->ses->sc->nevents)
        str_fmt(title, sizeof title, _("SCHEDULED INJECT · %s"), m->ses->sc->events[ev].title);
    else
        str_fmt(title, sizeof title, _("SCHEDULED INJECT · pick one in the schedule"));
    y = section(v, r, y, title);
    return buttons2(v, r, y, _("Fire it now"), ACT_CON_FIRE, _("Suppress it"), ACT_CON_SUPPRESS);
}

/* Hosting: close the turn, and a new join code for a slot (a lost phone). */
static int room_controls(ui_app *v, ui_app *m, SDL_Rect r, int y)
{
    y = section(v, r, y, _("THE ROOM · teams on their devices"));
    y = buttons2(v, r, y, _("Close the turn"), ACT_CON_CLOSE, NULL, 0) + ui_px(v, 6);
    y = section(v, r, y, _("NEW JOIN CODE FOR · the old one stops working"));
    int n = m->host->slots(m->host->ud), gap = ui_px(v, 6), per = 3;
    int bh = ui_line_h(v, ST_SMALL_B) + ui_px(v, 10), w = (r.w - (per - 1) * gap) / per;
    for (int i = 0; i < n; i++) {
        ui_join j;
        if (m->host->join(m->host->ud, i, &j)) break;
        const char *label = i < m->ses->sc->nroles ? short_name(m, i) : j.name;
        small_button(v, ui_rect(r.x + (i % per) * (w + gap), y + (i / per) * (bh + gap), w, bh),
                     label, ACT_CON_REVOKE, i, 0);
    }
    return y + (n + per - 1) / per * (bh + gap);
}

static void controls(ui_app *v, ui_app *m, SDL_Rect r)
{
    SDL_Rect body, view;
    int y0 = ui_scroll_panel(v, r, _("CONTROLS · each one is journaled"), SREG_FIFTH, &body, &view),
        y = y0, gap = ui_px(v, 8);
    y = inject_form(v, m, body, y) + gap;
    y = override_form(v, m, body, y) + gap;
    y = note_form(v, m, body, y) + gap;
    y = event_controls(v, m, body, y) + gap;
    y = jump_form(v, m, body, y) + gap;
    y = section(v, body, y, _("THE EXERCISE"));
    y = buttons2(v, body, y, _("Undo last…"), ACT_CON_UNDO, _("End exercise…"), ACT_CON_FINISH);
    if (m->host) y = room_controls(v, m, body, y + gap);
    ui_scroll_end(v, SREG_FIFTH, view, y - y0);
}

/* Undo and finish ask first. */
static void ask(ui_app *v, ui_app *m)
{
    const session *s = m->ses;
    char q[CMD_TEXT_MAX + 300];
    if (m->con.ask == CON_ASK_UNDO)
        str_fmt(q, sizeof q,
                _("Undo the last command?\n%s\nThe game is rebuilt without it; the journal keeps "
                  "a record of both."),
                s->nlive ? s->log[s->live[s->nlive - 1]].cmd : "");
    else if (m->con.ask == CON_ASK_REVOKE)
        str_fmt(q, sizeof q,
                _("Give this join code a new one? Every device that joined with the old code is "
                  "disconnected and must join again with the new one."));
    else if (m->con.ask == CON_ASK_JUMP)
        str_fmt(
            q, sizeof q,
            _("Let the policy '%s' play every move until turn %d begins?\nEach of its moves "
              "is journaled as the policy's, never as a team's; undo takes them back one by one."),
            policy_name((policy_kind)m->con.policy), atoi(m->con.buf[CF_TURN]));
    else
        str_fmt(q, sizeof q, _("End the exercise now? The players' screen goes to the debrief."));
    ui_fill(v, ui_rect(0, 0, v->pw, v->ph), v->th->shadow);
    int w = v->pw * 50 / 100, pad = ui_px(v, 28), bh = ui_line_h(v, ST_BODY_B) + ui_px(v, 22);
    int th = ui_text_h(v, ST_BODY, q, w - 2 * pad);
    int h = th + bh + 3 * pad;
    if (h > v->ph - ui_px(v, 40)) h = v->ph - ui_px(v, 40), th = h - bh - 3 * pad;
    SDL_Rect r = ui_rect((v->pw - w) / 2, (v->ph - h) / 2, w, h);
    ui_round(v, r, ui_px(v, 12), v->th->panel);
    ui_frame(v, r, ui_px(v, 12), ui_px(v, 2), v->th->warn);
    SDL_Rect in = ui_inset(r, pad);
    ui_text(v, ST_BODY, v->th->text, ui_cut_top(&in, th, pad), q, 0);
    SDL_Rect row = ui_cut_top(&in, bh, 0);
    SDL_Rect no = ui_cut_left(&row, (row.w - pad) / 2, pad);
    ui_button_key(v, no, _("No, keep it"), "Esc", ACT_CON_NO, 0, 0);
    ui_button_key(v, row, _("Yes"), "Enter", ACT_CON_YES, 0, 1);
}

static void message(ui_app *v, ui_app *m, SDL_Rect r)
{
    ui_text(v, ST_SMALL_B, m->con.msg_bad ? v->th->bad : v->th->good, r, m->con.msg,
            TX_VCENTER | TX_ELLIPSIS);
}

static void console(ui_app *v, ui_app *m)
{
    int mg = ui_px(v, 24), gap = ui_px(v, 14);
    SDL_Rect r = ui_rect(mg, ui_px(v, 14), v->pw - 2 * mg, v->ph - ui_px(v, 14) - mg);
    int hh = ui_line_h(v, ST_H1) + ui_line_h(v, ST_SMALL_B) + ui_px(v, 16);
    v->block_hits = m->con.ask != CON_ASK_NONE;
    SDL_Rect head = ui_cut_top(&r, hh, gap);
    ui_console_aar_tabs(v, m, ui_cut_right(&head, ui_px(v, 190), ui_px(v, 16)));
    header(v, m, head);
    if (session_not_saving(m->ses) && m->ses->j && m->ses->j->failed) not_saving(v, m, &r);
    if (m->con.msg[0]) message(v, m, ui_cut_bottom(&r, ui_line_h(v, ST_SMALL_B), ui_px(v, 8)));
    SDL_Rect left = ui_cut_left(&r, r.w * 30 / 100, gap);
    SDL_Rect mid = ui_cut_left(&r, r.w * 52 / 100, gap);
    meters(v, m, ui_cut_top(&left, left.h * 58 / 100, gap));
    state(v, m, left);
    schedule(v, m, ui_cut_top(&mid, mid.h * 56 / 100, gap));
    journal_panel(v, m, mid);
    if (m->aar.on) /* the after-action tab: ui_console_aar.c */
        ui_console_aar_draw(v, m, r);
    else
        controls(v, m, r);
    v->block_hits = 0;
    if (m->con.ask) ask(v, m);
}

void ui_console_draw(ui_app *v)
{
    ui_app *m = ui_players(v);
    int view = v != m;
    if (view) v->ses = m->ses, v->scr = m->scr, v->th = m->th, v->high_contrast = m->high_contrast;
    if (!v->ses) {
        ui_text(v, ST_H3, v->th->dim, ui_rect(0, 0, v->pw, v->ph),
                _("Facilitator console: no game in play yet. Start or load one on the players' "
                  "screen."),
                TX_CENTER | TX_VCENTER);
    } else {
        if (m->con.meter < 0 || m->con.meter >= m->ses->sc->nmeters) m->con.meter = 0;
        if (m->ses->sc->nmeters) console(v, m);
    }
    if (view) v->ses = NULL, v->scr = NULL; /* borrowed: the players' app owns them */
}
