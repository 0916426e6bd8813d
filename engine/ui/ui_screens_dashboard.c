/*
 * ui_screens_dashboard.c -- the turn dashboard: meters with gauges, trend
 * arrows and sparklines; the roles with their points and whose move it is;
 * the moving role's inbox (channel icons, unread marks); the selected inject
 * in full with its numbered options; the role's standing actions; End move.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "logtext.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

static const char *const channel_label[CH_COUNT] = {
    N_("Phone"), N_("Email"), N_("News"), N_("Social media"), N_("Intelligence"), N_("Brief")};

static int item_channel(const ui_app *a, int item)
{
    const game_item *it = &a->ses->g->items[item];
    if (it->event >= 0) return (int)a->ses->sc->events[it->event].channel;
    return it->channel >= 0 ? it->channel : CH_BRIEF;
}

/* The role decides the item: a scenario inject's decision or an ad-hoc one. */
static int decides(const ui_app *a, const game_item *it, int role)
{
    if (it->event < 0) return it->nopts && it->decider == role;
    const def_event *e = &a->ses->sc->events[it->event];
    return e->noptions && e->decider == role;
}

/* The item shown in full: the first open decision, else the newest item
   (or the private brief, -1), of those the team may see. */
static void pick_item(ui_app *a)
{
    const game *g = a->ses->g;
    viewer v = ui_view(a);
    if (view_sees_item(&v, g, a->sel_item)) return;
    if (a->sel_item == -1 && view_sees_private(&v, g, g->role)) return;
    int open[64], n = game_open_decisions(g, g->role, open, 64);
    if (!n) n = game_open_adhoc(g, g->role, open, 64);
    a->sel_item = n ? open[0] : view_prev_item(&v, g, g->nitems);
    if (a->sel_item >= 0) ui_mark_read(a, a->sel_item, g->role);
}

/* Left: meters and roles ------------------------------------------------------- */

static void meters_panel(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(a, r, _("STATE OF PLAY"), &body);
    const game *g = a->ses->g;
    viewer v = ui_view(a);
    int rowh = ui_line_h(a, ST_BODY) + ui_px(a, 40), gap = ui_px(a, 14);
    int y0 = ui_scroll_begin(a, SREG_THIRD, body) + body.y, y = y0;
    for (int i = view_next_meter(&v, g, -1); i >= 0; i = view_next_meter(&v, g, i)) {
        SDL_Rect row = ui_rect(body.x, y, body.w - ui_px(a, 12), rowh);
        if (ui_visible(a, row)) ui_meter_row(a, row, i, 1);
        y += rowh + gap;
    }
    ui_scroll_end(a, SREG_THIRD, body, y - y0 - gap);
}

static void role_row(ui_app *a, SDL_Rect r, int i)
{
    const game *g = a->ses->g;
    SDL_Color c = ui_role_color(a, i);
    const char *state = g->ended       ? ""
                        : i == g->role ? _("moving")
                        : i < g->role  ? _("done")
                                       : _("waiting");
    if (i == g->role && !g->ended) ui_round(a, r, ui_px(a, 6), a->th->raised);
    ui_fill(a, ui_rect(r.x, r.y + ui_px(a, 6), ui_px(a, 5), r.h - ui_px(a, 12)), c);
    SDL_Rect in = ui_inset(r, ui_px(a, 8));
    in.x += ui_px(a, 8), in.w -= ui_px(a, 8);
    int per_turn = g->allowance[i]; /* the definition's, or as g:add_budget left it */
    int dots = per_turn > 8 ? 8 : per_turn, d = ui_px(a, 14), dg = ui_px(a, 6);
    SDL_Rect st =
        ui_cut_right(&in, ui_text_width(a, ST_SMALL_B, _("waiting")) + ui_px(a, 4), ui_px(a, 10));
    SDL_Rect pips = ui_cut_right(&in, dots * (d + dg), ui_px(a, 10));
    ui_text(a, ST_BODY_B, a->th->text, in, game_role_short(g, i), TX_VCENTER | TX_ELLIPSIS);
    for (int k = 0; k < dots; k++) {
        float cx = pips.x + k * (d + dg) + d / 2.0f, cy = pips.y + pips.h / 2.0f;
        if (k < g->budget[i])
            ui_disc(a, cx, cy, d / 2.0f, c);
        else
            ui_ring(a, cx, cy, d / 2.0f - 1, ui_px(a, 2) > 1 ? ui_px(a, 2) : 1, a->th->dim);
    }
    ui_text(a, ST_SMALL_B, i == g->role ? a->th->text : a->th->dim, st, state,
            TX_RIGHT | TX_VCENTER | TX_ELLIPSIS);
}

static void roles_panel(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(a, r, _("ROLES · POINTS LEFT"), &body);
    int n = a->ses->sc->nroles, rh = ui_line_h(a, ST_BODY_B) + ui_px(a, 16);
    for (int i = 0; i < n; i++) {
        if (body.h < rh) { /* a role must never silently go missing */
            ui_layout_note(a->ses->sc->roles[i].name, &body, rh);
            break;
        }
        role_row(a, ui_cut_top(&body, rh, ui_px(a, 4)), i);
    }
}

/* Middle: inbox and actions ---------------------------------------------------- */

static void inbox_row(ui_app *a, SDL_Rect r, int item)
{
    const game *g = a->ses->g;
    int sel = a->sel_item == item, ch = item >= 0 ? item_channel(a, item) : CH_BRIEF;
    ui_round(a, r, ui_px(a, 8),
             sel                 ? a->th->raised
             : ui_is_hover(a, r) ? a->th->hover
                                 : a->th->panel);
    if (sel)
        ui_fill(a, ui_rect(r.x, r.y + ui_px(a, 6), ui_px(a, 4), r.h - ui_px(a, 12)), a->th->accent);
    SDL_Rect in = ui_inset(r, ui_px(a, 10));
    int ic = ui_line_h(a, ST_BODY_B);
    SDL_Rect icr = ui_cut_left(&in, ic, ui_px(a, 12));
    ui_icon_channel(a, ch, ui_rect(icr.x, icr.y, ic, ic), sel ? a->th->accent : a->th->dim);
    int unread = item >= 0 && !ui_is_read(a, item, g->role);
    SDL_Rect dot = ui_cut_right(&in, ui_px(a, 16), ui_px(a, 6));
    if (unread) ui_disc(a, dot.x + dot.w / 2.0f, in.y + ic / 2.0f, ui_px(a, 7), a->th->unread);
    char meta[160];
    const char *title = item >= 0 ? ui_item_title(a, item) : _("Your private brief");
    if (item < 0)
        str_fmt(meta, sizeof meta, _("Only your team sees this"));
    else {
        const game_item *it = &g->items[item];
        int decide = decides(a, it, g->role);
        str_fmt(meta, sizeof meta, _("Turn %d · %s%s%s"), it->turn, _(channel_label[ch]),
                decide && it->option < 0 ? _(" · YOU DECIDE")
                : decide                 ? _(" · decided")
                                         : "",
                unread ? _(" · new") : "");
    }
    ui_text(a, unread ? ST_BODY_B : ST_BODY, a->th->text, ui_cut_top(&in, ic, 0), title,
            TX_ELLIPSIS);
    ui_text(a, ST_SMALL, strstr(meta, _(" · YOU DECIDE")) ? a->th->warn : a->th->dim, in, meta,
            TX_ELLIPSIS);
    ui_focus_ring(a, r, ACT_ITEM, item);
    ui_hit_add(a, r, ACT_ITEM, item, 1);
}

static int inbox_gap(ui_app *a)
{
    return ui_px(a, 6);
}

/* One row of the inbox at y; returns the y of the next. */
static int inbox_slot(ui_app *a, SDL_Rect body, int y, int item)
{
    int rh = ui_line_h(a, ST_BODY_B) + ui_line_h(a, ST_SMALL) + ui_px(a, 22);
    SDL_Rect row = ui_rect(body.x, y, body.w - ui_px(a, 12), rh);
    if (ui_visible(a, row))
        inbox_row(a, row, item);
    else
        ui_hit_hidden(a, row, ACT_ITEM, item);
    return y + rh + inbox_gap(a);
}

static void inbox_panel(ui_app *a, SDL_Rect r)
{
    const game *g = a->ses->g;
    char title[128];
    int unread = 0;
    viewer v = ui_view(a);
    for (int i = view_next_item(&v, g, -1); i >= 0; i = view_next_item(&v, g, i))
        unread += !ui_is_read(a, i, g->role);
    str_fmt(title, sizeof title, _("INBOX · %d unread"), unread);
    SDL_Rect body;
    ui_panel(a, r, title, &body);
    int y0 = ui_scroll_begin(a, SREG_SIDE, body) + body.y, y = y0;
    for (int i = view_prev_item(&v, g, g->nitems); i >= 0; i = view_prev_item(&v, g, i))
        y = inbox_slot(a, body, y, i);
    if (a->ses->sc->roles[g->role].secret && view_sees_private(&v, g, g->role))
        y = inbox_slot(a, body, y, -1); /* the private brief, last */
    ui_scroll_end(a, SREG_SIDE, body, y - y0 - inbox_gap(a));
}

/* Right: the selected inject with its options, then actions --------------------- */

static int source_line(ui_app *a, const def_event *e, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int i = 0; i < e->nsources; i++) {
        const char *t = e->sources[i];
        for (int k = 0; k < a->ses->sc->nsources; k++)
            if (!strcmp(a->ses->sc->sources[k].id, t) && a->ses->sc->sources[k].publisher)
                t = a->ses->sc->sources[k].publisher;
        str_cat(buf, size, "%s%s", i ? "; " : _("Source: "),
                !strcmp(t, "fiction") ? _("invented for the exercise") : t);
    }
    return buf[0] != 0;
}

static int event_meta(ui_app *a, int item, char *buf, size_t size)
{
    const game_item *it = &a->ses->g->items[item];
    str_fmt(buf, size, _("Turn %d · %s"), it->turn, _(channel_label[item_channel(a, item)]));
    if (it->event < 0 && it->nopts)
        str_cat(buf, size, _(" · from the facilitator · %s decides"),
                logtext_role(a->ses->sc, it->decider));
    else if (it->event < 0)
        str_cat(buf, size, _(" · from the facilitator"));
    if (it->event < 0) return 1;
    const def_event *e = &a->ses->sc->events[it->event];
    if (e->noptions) str_cat(buf, size, _(" · %s decides"), game_role_short(a->ses->g, e->decider));
    if (e->noptions && e->expires && it->option < 0) {
        int last = game_item_deadline(a->ses->g, item); /* counted in turns played */
        str_cat(buf, size, _(" · open until the end of turn %d"), last);
        if (e->default_option >= 0)
            str_cat(buf, size, _(" (then: %s)"), a->ses->sc->moves[e->default_option].label);
    }
    return 1;
}

/* One option of an ad-hoc decision: its number, its label, who chose it. */
static int adhoc_card(ui_app *a, SDL_Rect r, int item, int k)
{
    const game *g = a->ses->g;
    const game_item *it = &g->items[item];
    int pad = ui_px(a, 14), lh = ui_line_h(a, ST_BODY_B), kw = lh + ui_px(a, 10);
    int open = it->option < 0 && it->decider == g->role && !g->paused;
    char status[300] = "";
    if (it->option == k)
        str_fmt(status, sizeof status, _("Chosen by %s"), ui_role_name(a, it->by));
    else if (it->option < 0 && it->decider != g->role)
        str_fmt(status, sizeof status, _("%s decides this one"),
                logtext_role(a->ses->sc, it->decider));
    int th = ui_text_h(a, ST_BODY_B, it->opts[k], r.w - 2 * pad - kw);
    int sh = status[0] ? ui_text_h(a, ST_SMALL_B, status, r.w - 2 * pad - kw) : 0;
    r.h = pad + th + (sh ? ui_px(a, 6) + sh : 0) + pad;
    int arg = item * ADHOC_OPT_BASE + k;
    if (!ui_visible(a, r)) {
        if (open) ui_hit_hidden(a, r, ACT_ADHOC_OPT, arg);
        return r.h;
    }
    SDL_Color bg = it->option == k             ? ui_mix(a->th->raised, a->th->good, 0.12f)
                   : open && ui_is_hover(a, r) ? a->th->hover
                                               : a->th->raised;
    ui_round(a, r, ui_px(a, 8), bg);
    SDL_Rect in = ui_inset(r, pad);
    char key[8];
    str_fmt(key, sizeof key, "%d", k + 1);
    if (open) ui_key_hint(a, in.x, in.y + (lh - ui_line_h(a, ST_SMALL_B)) / 2, key);
    if (it->option == k) ui_icon_check(a, ui_rect(in.x, in.y, lh, lh), a->th->good);
    SDL_Rect t = ui_rect(in.x + kw, in.y, in.w - kw, th);
    ui_text(a, ST_BODY_B, open || it->option == k ? a->th->text : a->th->dim, t, it->opts[k],
            TX_FLOW);
    if (sh)
        ui_text(a, ST_SMALL_B, it->option == k ? a->th->good : a->th->dim,
                ui_rect(t.x, t.y + th + ui_px(a, 6), t.w, sh), status, TX_FLOW);
    if (open) ui_focus_ring(a, r, ACT_ADHOC_OPT, arg), ui_hit_add(a, r, ACT_ADHOC_OPT, arg, 1);
    return r.h;
}

static int adhoc_options(ui_app *a, SDL_Rect r, int item)
{
    const game_item *it = &a->ses->g->items[item];
    int y = r.y;
    for (int k = 0; k < it->nopts; k++)
        y += adhoc_card(a, ui_rect(r.x, y, r.w, 0), item, k) + ui_px(a, 8);
    return y;
}

static int detail_content(ui_app *a, SDL_Rect r, int y)
{
    const game *g = a->ses->g;
    const def_scenario *sc = a->ses->sc;
    int item = a->sel_item, w = r.w - ui_px(a, 16), gap = ui_px(a, 12);
    char meta[600];
    int ic = ui_line_h(a, ST_H2);
    const char *title = item >= 0 ? ui_item_title(a, item) : _("Your private brief");
    ui_icon_channel(a, item >= 0 ? item_channel(a, item) : CH_BRIEF, ui_rect(r.x, y, ic, ic),
                    a->th->accent);
    y +=
        ui_text(a, ST_H2, a->th->text, ui_rect(r.x + ic + gap, y, w - ic - gap, 0), title, TX_FLOW);
    if (item < 0) {
        const def_role *ro = &sc->roles[g->role];
        y += gap;
        y += ui_text(a, ST_BODY, a->th->text, ui_rect(r.x, y, w, 0), game_role_brief(g, g->role),
                     TX_FLOW) +
             gap;
        y += ui_text(a, ST_BODY_I, a->th->warn, ui_rect(r.x, y, w, 0), ro->secret, TX_FLOW);
        return y;
    }
    const game_item *it = &g->items[item];
    event_meta(a, item, meta, sizeof meta);
    y += ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x, y + ui_px(a, 4), w, 0), meta, TX_FLOW) +
         gap;
    const char *text = it->event >= 0 ? sc->events[it->event].text : it->text;
    y += ui_text(a, ST_BODY, a->th->text, ui_rect(r.x, y, w, 0), text, TX_FLOW) + gap;
    if (it->event >= 0 && source_line(a, &sc->events[it->event], meta, sizeof meta))
        y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x, y, w, 0), meta, TX_FLOW) + gap;
    if (it->event < 0) return adhoc_options(a, ui_rect(r.x, y, w, 0), item);
    const def_event *e = &sc->events[it->event];
    for (int k = 0; k < e->noptions; k++) {
        int h;
        SDL_Rect c = ui_rect(r.x, y, w, 0);
        ui_move_card(a, c, e->options[k], k + 1, &h, 1);
        c.h = h;
        if (ui_visible(a, c))
            ui_move_card(a, c, e->options[k], k + 1, &h, 0);
        else
            ui_move_hit(a, c, e->options[k]);
        y += h + ui_px(a, 8);
    }
    return y;
}

static void detail_panel(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(a, r, NULL, &body);
    int y0 = ui_scroll_begin(a, SREG_MAIN, body) + body.y;
    int y = detail_content(a, body, y0);
    ui_scroll_end(a, SREG_MAIN, body, y - y0);
}

/* Compact cards, so that several show at once (issue 13): the risk and
   the whole text are in the confirm dialog. */
static void actions_panel(ui_app *a, SDL_Rect r)
{
    const game *g = a->ses->g;
    const def_scenario *sc = a->ses->sc;
    SDL_Rect body;
    ui_panel(a, r, _("STANDING ACTIONS"), &body);
    int y0 = ui_scroll_begin(a, SREG_FOURTH, body) + body.y, y = y0, n = 0;
    for (int k = 0; k < sc->nactions; k++) {
        int mv = sc->actions[k], h;
        if (sc->moves[mv].role != g->role) continue;
        SDL_Rect c = ui_rect(body.x, y, body.w - ui_px(a, 12), 0);
        ui_action_card(a, c, mv, &h, 1);
        c.h = h;
        if (ui_visible(a, c))
            ui_action_card(a, c, mv, &h, 0);
        else
            ui_move_hit(a, c, mv);
        y += h + ui_px(a, 6), n++;
    }
    if (!n) y += ui_text(a, ST_BODY, a->th->dim, body, _("This role has no standing actions."), 0);
    ui_scroll_end(a, SREG_FOURTH, body, y - y0);
}

static void footer(ui_app *a, SDL_Rect r)
{
    const game *g = a->ses->g;
    int open[64], n = game_open_decisions(g, g->role, open, 64);
    n += game_open_adhoc(g, g->role, open + n, 64 - n);
    char info[200];
    if (n)
        str_fmt(info, sizeof info, _("%d decision%s open for you (keys 1–9 choose)."), n,
                n == 1 ? "" : "s");
    else
        str_fmt(info, sizeof info, _("Nothing waits for your decision. End the move when done."));
    const char *label = _("End move");
    int bw = ui_text_width(a, ST_BODY_B, label) + ui_px(a, 130);
    SDL_Rect b = ui_cut_right(&r, bw, ui_px(a, 16));
    b.h = ui_px(a, 64), b.y = r.y + (r.h - b.h) / 2;
    ui_button_key(a, b, label, "End", ACT_END_MOVE, 0, 1);
    ui_text(a, ST_BODY, n ? a->th->warn : a->th->dim, r, info, TX_VCENTER);
}

void ui_dashboard_draw(ui_app *a)
{
    if (a->ses->g->ended) {
        ui_go(a, SCR_DEBRIEF);
        ui_debrief_draw(a);
        return;
    }
    pick_item(a);
    SDL_Rect r = ui_chrome(a, _("Turn dashboard"));
    int gap = ui_px(a, 16);
    /* The middle column is wide enough for an action's label and cost on
       one line, and at 1080p for three actions one above the other. */
    SDL_Rect left = ui_cut_left(&r, r.w * 25 / 100, gap);
    SDL_Rect mid = ui_cut_left(&r, r.w * 42 / 100, gap);
    int nroles = a->ses->sc->nroles;
    /* The same pieces roles_panel and ui_panel cut, each rounded as they
       round it: a sum of rounded parts, not the rounded sum (at 720p the
       difference lost the last role). */
    int rolesh = 2 * ui_px(a, 18) + ui_line_h(a, ST_H3) + ui_px(a, 10) +
                 nroles * (ui_line_h(a, ST_BODY_B) + ui_px(a, 16) + ui_px(a, 4));
    roles_panel(a, ui_cut_bottom(&left, rolesh, gap));
    meters_panel(a, left);
    SDL_Rect inbox = ui_cut_top(&mid, mid.h * 38 / 100, gap);
    inbox_panel(a, inbox);
    actions_panel(a, mid);
    int fh = 2 * ui_line_h(a, ST_BODY) + ui_px(a, 4);
    SDL_Rect foot = ui_cut_bottom(&r, fh > ui_px(a, 64) ? fh : ui_px(a, 64), gap);
    detail_panel(a, r);
    footer(a, foot);
}

/* 1-9 choose the options of the inject shown; End ends the move. */
int ui_dashboard_key(ui_app *a, SDL_Keycode k)
{
    const game *g = a->ses->g;
    if (k == SDLK_END) {
        ui_do(a, ACT_END_MOVE, 0);
        return 1;
    }
    if (k < SDLK_1 || k > SDLK_9 || a->sel_item < 0) return 0;
    const game_item *it = &g->items[a->sel_item];
    if (it->event < 0 && k - SDLK_1 < it->nopts) {
        ui_do(a, ACT_ADHOC_OPT, a->sel_item * ADHOC_OPT_BASE + (k - SDLK_1));
        return 1;
    }
    if (it->event < 0) return 0;
    const def_event *e = &a->ses->sc->events[it->event];
    int n = k - SDLK_1;
    if (n >= e->noptions) return 0;
    ui_do(a, ACT_OPTION, e->options[n]);
    return 1;
}
