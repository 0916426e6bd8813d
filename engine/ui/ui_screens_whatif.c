/*
 * ui_screens_whatif.c -- the debrief's what-if: pick a decision the room
 * made, take another of its options, and see the game replayed from there
 * to the end by a chosen policy (engine/front/rewind.h), beside what the
 * room did: the ending, the objectives' ratings and each meter's curve.
 * The game in play is never touched: the replay runs in sessions of its
 * own. It opens at the end only, and shows what the debrief sees (view.h).
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "record.h"
#include "rewind.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

#define WI_MAX_CHOICES 256 /* past decisions listed; a long game has a few dozen */

/* The decision a journal line made: its event and option, or -1. */
static int entry_move(const session *s, int entry, int *event)
{
    cmd c;
    char err[128];
    *event = -1;
    if (cmd_parse(s->log[entry].cmd, &c, err, sizeof err) || c.kind != CMD_CHOOSE) return -1;
    *event = def_event_find(s->sc, c.a);
    return *event >= 0 ? def_option_find(s->sc, *event, c.b) : -1;
}

/* The decisions still in effect, in the order they were made. */
static int past_choices(const session *s, int *out, int max)
{
    int n = 0, ev;
    for (int i = 0; i < s->nlive && n < max; i++)
        if (entry_move(s, s->live[i], &ev) >= 0) out[n++] = s->live[i];
    return n;
}

void ui_whatif_reset(ui_app *a)
{
    if (a->wi.have) report_whatif_free(&a->wi.w);
    memset(&a->wi, 0, sizeof a->wi);
    a->wi.entry = a->wi.option = -1;
    a->wi.policy = POLICY_HISTORICAL;
}

/* A replay is of the game as it stood: a command since makes it stale. */
static void forget_stale(ui_app *a)
{
    if (a->wi.ses == a->ses && a->wi.nlog == (a->ses ? a->ses->nlog : 0)) return;
    int kind = a->wi.ses ? a->wi.policy : POLICY_HISTORICAL;
    ui_whatif_reset(a);
    a->wi.policy = kind, a->wi.ses = a->ses, a->wi.nlog = a->ses ? a->ses->nlog : 0;
}

static void run(ui_app *a)
{
    ui_whatif *w = &a->wi;
    const session *s = a->ses;
    int ev;
    if (w->entry < 0 || w->option < 0 || entry_move(s, w->entry, &ev) < 0) {
        str_fmt(w->msg, sizeof w->msg, _("Pick a decision, then the option to take instead."));
        w->bad = 1;
        return;
    }
    char line[300], err[2048];
    str_fmt(line, sizeof line, "%s %s %s", cmd_names[CMD_CHOOSE], s->sc->events[ev].id,
            s->sc->moves[w->option].id);
    if (w->have) report_whatif_free(&w->w), w->have = 0;
    if (rewind_run(s, w->entry + 1, line, (policy_kind)w->policy, &w->w, err, sizeof err)) {
        str_fmt(w->msg, sizeof w->msg, _("Could not replay: %s"), err);
        w->bad = 1;
        return;
    }
    w->have = 1, w->bad = 0;
    str_fmt(w->msg, sizeof w->msg, _("Replayed: the %s policy made the %d moves after it."),
            policy_name((policy_kind)w->policy), w->w.whatif.by_policy);
}

void ui_whatif_do(ui_app *a, int action, int arg)
{
    if (!a->ses || !a->ses->g->ended) return;
    forget_stale(a);
    ui_whatif *w = &a->wi;
    int ev;
    switch (action) {
    case ACT_WI_PICK:
        if (arg < 0 || arg >= a->ses->nlog || entry_move(a->ses, arg, &ev) < 0) return;
        w->entry = arg, w->option = -1, w->msg[0] = '\0';
        break;
    case ACT_WI_OPTION:
        w->option = arg, w->msg[0] = '\0';
        break;
    case ACT_WI_POLICY:
        if (arg >= POLICY_RANDOM && arg <= POLICY_HISTORICAL) w->policy = arg;
        break;
    case ACT_WI_RUN:
        run(a);
        break;
    }
    a->dirty = 1;
}

/* Drawing: the picker ------------------------------------------------------------ */

static int chip(ui_app *a, SDL_Rect r, const char *label, int action, int arg, int on)
{
    SDL_Color bg = on ? a->th->accent : ui_is_hover(a, r) ? a->th->hover : a->th->raised;
    ui_round(a, r, ui_px(a, 6), bg);
    ui_text(a, ST_SMALL_B, on ? a->th->on_accent : a->th->text, ui_inset(r, ui_px(a, 4)), label,
            TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    ui_focus_ring(a, r, action, arg);
    ui_hit_add(a, r, action, arg, 1);
    return r.w;
}

static int heading(ui_app *a, SDL_Rect r, int y, const char *text)
{
    ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x, y, r.w, ui_line_h(a, ST_SMALL_B)), text,
            TX_ELLIPSIS);
    return y + ui_line_h(a, ST_SMALL_B) + ui_px(a, 6);
}

/* The options of the decision picked, but the room's own. */
static int options(ui_app *a, SDL_Rect r, int y)
{
    const session *s = a->ses;
    int ev, chosen = a->wi.entry >= 0 ? entry_move(s, a->wi.entry, &ev) : -1;
    y = heading(a, r, y, _("TAKE INSTEAD"));
    if (chosen < 0)
        return y +
               ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x, y, r.w, 0),
                       _("Pick one of the room's decisions below."), TX_FLOW) +
               ui_px(a, 10);
    const def_event *e = &s->sc->events[ev];
    int bh = ui_line_h(a, ST_SMALL_B) + ui_px(a, 14), gap = ui_px(a, 6);
    for (int i = 0; i < e->noptions; i++) {
        int mv = e->options[i];
        if (mv == chosen) continue;
        chip(a, ui_rect(r.x, y, r.w, bh), s->sc->moves[mv].label, ACT_WI_OPTION, mv,
             a->wi.option == mv);
        y += bh + gap;
    }
    return y + ui_px(a, 4);
}

static int policies(ui_app *a, SDL_Rect r, int y)
{
    static const char *const label[] = {N_("Random"), N_("First option"), N_("As history went")};
    static const int order[] = {POLICY_HISTORICAL, POLICY_FIRST, POLICY_RANDOM};
    y = heading(a, r, y, _("THEN EVERY MOVE PLAYED BY"));
    int bh = ui_line_h(a, ST_SMALL_B) + ui_px(a, 14), gap = ui_px(a, 6), w = (r.w - 2 * gap) / 3;
    for (int i = 0; i < 3; i++)
        chip(a, ui_rect(r.x + i * (w + gap), y, w, bh), _(label[order[i]]), ACT_WI_POLICY, order[i],
             a->wi.policy == order[i]);
    return y + bh + ui_px(a, 12);
}

static int run_button(ui_app *a, SDL_Rect r, int y)
{
    int bh = ui_line_h(a, ST_BODY_B) + ui_px(a, 20);
    ui_button(a, ui_rect(r.x, y, r.w, bh), _("Replay from there"), ACT_WI_RUN, 0, 1);
    y += bh + ui_px(a, 8);
    if (a->wi.msg[0])
        y += ui_text(a, ST_SMALL, a->wi.bad ? a->th->bad : a->th->good, ui_rect(r.x, y, r.w, 0),
                     a->wi.msg, TX_FLOW) +
             ui_px(a, 6);
    return y;
}

static int choice_row(ui_app *a, SDL_Rect r, int y, int entry)
{
    const session *s = a->ses;
    int ev, mv = entry_move(s, entry, &ev), pad = ui_px(a, 8);
    char top[200], body[700];
    const journal_entry *e = &s->log[entry];
    char who[160];
    record_made m; /* who made it (record.h): never the team's name alone on a policy's move */
    record_made_of_line(s, e, s->sc->events[ev].decider, &m);
    record_made_words(s, &m, who, sizeof who);
    str_fmt(top, sizeof top, _("Turn %d · %s · command %d"), e->turn, who, entry + 1);
    /* "What do we tell people? A synchronized...": no colon after a question. */
    const char *title = s->sc->events[ev].title;
    size_t n = strlen(title);
    int stop = n && strchr("?!.:", title[n - 1]);
    str_fmt(body, sizeof body, "%s%s %s", title, stop ? "" : _(":"), s->sc->moves[mv].label);
    int w = r.w - 2 * pad;
    int top_h = ui_text_h(a, ST_SMALL, top, w); /* wrapped: who made it is never cut */
    int h = top_h + ui_text_h(a, ST_BODY, body, w) + 2 * pad;
    SDL_Rect row = ui_rect(r.x, y, r.w, h);
    if (ui_visible(a, row)) {
        int on = a->wi.entry == entry;
        ui_round(a, row, ui_px(a, 6),
                 on                    ? a->th->raised
                 : ui_is_hover(a, row) ? a->th->hover
                                       : a->th->panel);
        if (on) ui_frame(a, row, ui_px(a, 6), ui_px(a, 2), a->th->accent);
        ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x + pad, y + pad, w, top_h), top, 0);
        ui_text(a, ST_BODY, a->th->text,
                ui_rect(r.x + pad, y + pad + top_h, w, h - 2 * pad - top_h), body, 0);
        ui_focus_ring(a, row, ACT_WI_PICK, entry);
        ui_hit_add(a, row, ACT_WI_PICK, entry, 1);
    }
    return y + h + ui_px(a, 6);
}

static void picker(ui_app *a, SDL_Rect r)
{
    SDL_Rect body, view;
    int y0 = ui_scroll_panel(a, r, _("TAKE A DECISION OTHERWISE"), SREG_SIDE, &body, &view), y = y0;
    y = options(a, body, y);
    y = policies(a, body, y);
    y = run_button(a, body, y);
    y = heading(a, body, y + ui_px(a, 6), _("THE ROOM'S DECISIONS"));
    int list[WI_MAX_CHOICES], n = past_choices(a->ses, list, WI_MAX_CHOICES);
    for (int i = 0; i < n; i++) y = choice_row(a, body, y, list[i]);
    if (!n)
        y += ui_text(a, ST_BODY, a->th->dim, ui_rect(body.x, y, body.w, 0),
                     _("The room made no decision to take otherwise."), TX_FLOW);
    ui_scroll_end(a, SREG_SIDE, view, y - y0);
}

/* Drawing: the two games ----------------------------------------------------------- */

static SDL_Color rating_color(ui_app *a, char r)
{
    return r == 'P' ? a->th->good : r == 'S' ? a->th->accent : r == 'M' ? a->th->warn : a->th->bad;
}

static void ending_box(ui_app *a, SDL_Rect r, const char *title, const report_outcome *o)
{
    const def_scenario *sc = a->ses->sc;
    ui_round(a, r, ui_px(a, 8), a->th->raised);
    SDL_Rect in = ui_inset(r, ui_px(a, 12));
    SDL_Rect t = ui_cut_top(&in, ui_line_h(a, ST_SMALL_B), ui_px(a, 4));
    ui_text(a, ST_SMALL_B, a->th->dim, t, title, TX_ELLIPSIS);
    ui_text(a, ST_H3, a->th->text, in,
            o->ending >= 0 ? sc->endings[o->ending].title : _("No ending"), TX_ELLIPSIS);
}

static void letter(ui_app *a, SDL_Rect r, char rt)
{
    char s[2] = {rt ? rt : '-', 0};
    ui_round(a, r, ui_px(a, 5), rt ? rating_color(a, rt) : a->th->border);
    ui_text(a, ST_BODY_B, a->th->on_accent, r, s, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
}

static int objectives(ui_app *a, SDL_Rect r)
{
    const def_scenario *sc = a->ses->sc;
    int lh = ui_line_h(a, ST_BODY) + ui_px(a, 8), b = ui_line_h(a, ST_BODY), y = r.y;
    int col = ui_text_width(a, ST_SMALL_B, _("WHAT IF")) + ui_px(a, 16);
    SDL_Rect hd = ui_rect(r.x, y, r.w, ui_line_h(a, ST_SMALL_B));
    ui_text(a, ST_SMALL_B, a->th->dim, hd, _("OBJECTIVES (HSEEP)"), TX_ELLIPSIS);
    ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x + r.w - 2 * col, y, col, hd.h), _("ROOM"),
            TX_CENTER | TX_ELLIPSIS);
    ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x + r.w - col, y, col, hd.h), _("WHAT IF"),
            TX_CENTER | TX_ELLIPSIS);
    y += hd.h + ui_px(a, 6);
    for (int i = 0; i < sc->nobjectives; i++, y += lh) {
        ui_text(a, ST_BODY, a->th->text, ui_rect(r.x, y, r.w - 2 * col - ui_px(a, 8), b),
                sc->objectives[i].title, TX_ELLIPSIS);
        letter(a, ui_rect(r.x + r.w - 2 * col + (col - b) / 2, y, b, b),
               a->wi.w.original.ratings[i]);
        letter(a, ui_rect(r.x + r.w - col + (col - b) / 2, y, b, b), a->wi.w.whatif.ratings[i]);
    }
    return y - r.y;
}

static void curve(ui_app *a, SDL_Rect r, int m, const report_outcome *o, int span, SDL_Color c)
{
    const def_meter *me = &a->ses->sc->meters[m];
    int nm = a->ses->sc->nmeters;
    double lo = me->min, hi = me->max > me->min ? me->max : me->min + 1;
    float th = a->s * 3 > 1.5f ? a->s * 3 : 1.5f, px = 0, py = 0;
    for (int t = 0; t <= o->turns; t++) {
        double v = o->history[(size_t)t * nm + m];
        v = v < lo ? lo : v > hi ? hi : v;
        float x = r.x + (float)r.w * (float)t / (float)(span ? span : 1);
        float y = r.y + r.h - (float)((v - lo) / (hi - lo)) * (float)r.h;
        if (t) ui_line(a, px, py, x, y, th, c);
        px = x, py = y;
    }
    ui_disc(a, px, py, th * 1.6f, c);
}

static void meter_pair(ui_app *a, SDL_Rect r, int m)
{
    const def_meter *me = &a->ses->sc->meters[m];
    const report_outcome *o = &a->wi.w.original, *w = &a->wi.w.whatif;
    int nm = a->ses->sc->nmeters;
    char title[200], ends[96];
    str_fmt(title, sizeof title, "%s%s", me->name, me->hidden ? _(" (hidden)") : "");
    str_fmt(ends, sizeof ends, "%g · %g", o->history[(size_t)o->turns * nm + m],
            w->history[(size_t)w->turns * nm + m]);
    ui_round(a, r, ui_px(a, 8), a->th->raised);
    SDL_Rect in = ui_inset(r, ui_px(a, 10));
    SDL_Rect top = ui_cut_top(&in, ui_line_h(a, ST_SMALL_B), ui_px(a, 6));
    SDL_Rect er = ui_cut_right(&top, ui_text_width(a, ST_SMALL_B, ends) + ui_px(a, 4), ui_px(a, 8));
    ui_text(a, ST_SMALL_B, a->th->text, top, title, TX_ELLIPSIS);
    ui_text(a, ST_SMALL_B, a->th->dim, er, ends, TX_RIGHT | TX_ELLIPSIS);
    if (in.h < 8) return;
    int span = o->turns > w->turns ? o->turns : w->turns;
    ui_fill(a, ui_rect(in.x, in.y + in.h - 1, in.w, 1 > ui_px(a, 1) ? 1 : ui_px(a, 1)),
            a->th->border);
    curve(a, in, m, o, span, a->th->accent);
    curve(a, in, m, w, span, a->th->warn);
}

static void meters(ui_app *a, SDL_Rect r)
{
    const game *g = a->ses->g;
    viewer v = ui_view(a);
    int n = 0, gap = ui_px(a, 10);
    for (int i = view_next_meter(&v, g, -1); i >= 0; i = view_next_meter(&v, g, i)) n++;
    int cols = n > 4 ? 3 : n > 1 ? 2 : 1, rows = (n + cols - 1) / cols;
    if (!rows) return;
    int cw = (r.w - gap * (cols - 1)) / cols, ch = (r.h - gap * (rows - 1)) / rows, k = 0;
    for (int i = view_next_meter(&v, g, -1); i >= 0; i = view_next_meter(&v, g, i), k++)
        meter_pair(a, ui_rect(r.x + (k % cols) * (cw + gap), r.y + (k / cols) * (ch + gap), cw, ch),
                   i);
}

static void legend(ui_app *a, SDL_Rect r)
{
    int d = ui_line_h(a, ST_SMALL) / 2, x = r.x;
    ui_disc(a, x + d, r.y + r.h / 2, d * 0.7f, a->th->accent);
    x += 2 * d + ui_px(a, 6);
    x += ui_draw_line(a, ST_SMALL, a->th->dim, x, r.y, _("as the room played it")) + ui_px(a, 24);
    ui_disc(a, x + d, r.y + r.h / 2, d * 0.7f, a->th->warn);
    ui_draw_line(a, ST_SMALL, a->th->dim, x + 2 * d + ui_px(a, 6), r.y, _("what if"));
}

static void results(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    char title[400];
    if (!a->wi.have) {
        ui_panel(a, r, _("WHAT IF"), &body);
        ui_text(a, ST_BODY, a->th->dim, body,
                _("Pick a decision the room made, take another of its options and replay: the "
                  "rest of the game is played by the policy you choose, and shows here beside what "
                  "the room did. The game itself is not changed."),
                TX_CENTER | TX_VCENTER);
        return;
    }
    str_fmt(title, sizeof title, _("WHAT IF · command %d, `%s`, had been `%s`"), a->wi.w.at,
            a->wi.w.replaced, a->wi.w.line);
    ui_panel(a, r, title, &body);
    int gap = ui_px(a, 12), eh = ui_line_h(a, ST_SMALL_B) + ui_line_h(a, ST_H3) + ui_px(a, 28);
    SDL_Rect ends = ui_cut_top(&body, eh, gap);
    SDL_Rect left = ui_cut_left(&ends, (ends.w - gap) / 2, gap);
    ending_box(a, left, _("AS THE ROOM PLAYED IT"), &a->wi.w.original);
    ending_box(a, ends, _("WHAT IF"), &a->wi.w.whatif);
    viewer v = ui_view(a);
    if (view_sees_ratings(&v, a->ses->g)) {
        int oh = ui_line_h(a, ST_SMALL_B) + ui_px(a, 6) +
                 a->ses->sc->nobjectives * (ui_line_h(a, ST_BODY) + ui_px(a, 8));
        objectives(a, ui_cut_top(&body, oh, gap));
    }
    legend(a, ui_cut_top(&body, ui_line_h(a, ST_SMALL), ui_px(a, 6)));
    meters(a, body);
}

void ui_whatif_draw(ui_app *a)
{
    SDL_Rect r = ui_chrome(a, _("Debrief · what if"));
    if (!a->ses->g->ended) {
        ui_text(a, ST_H3, a->th->dim, r, _("The what-if opens when the exercise ends."),
                TX_CENTER | TX_VCENTER);
        return;
    }
    forget_stale(a);
    SDL_Rect left = ui_cut_left(&r, r.w * 32 / 100, ui_px(a, 16));
    int bh = ui_line_h(a, ST_BODY_B) + ui_px(a, 22);
    SDL_Rect back = ui_cut_bottom(&left, bh, ui_px(a, 12));
    ui_button(a, back, _("Back to the debrief"), ACT_SCREEN, SCR_DEBRIEF, 0);
    picker(a, left);
    results(a, r);
}
