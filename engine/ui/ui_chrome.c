/*
 * ui_chrome.c -- what every in-game screen shares: the top bar (scenario,
 * clock, turn n of N, the facilitator's discussion timer, whose move it is
 * and their points), the tabs between screens with their keys, the
 * warning banner (e.g. a save made with another version of the scenario),
 * and on the dashboard the pause point: the questions put to the room as
 * this turn starts (question { turn }).
 */
#include <stdio.h>

#include "i18n.h"
#include "ui_app.h"
#include "util.h"

static const struct {
    ui_screen s;
    const char *label, *key;
} tabs[] = {{SCR_DASHBOARD, N_("Dashboard"), "F2"},
            {SCR_EVIDENCE, N_("Evidence"), "F3"},
            {SCR_DIPLOMACY, N_("Diplomacy"), "F4"},
            {SCR_TIMELINE, N_("Timeline"), "F6"},
            {SCR_BRIEFING, N_("Briefing"), "F7"}};

static void clock_block(ui_app *a, SDL_Rect r)
{
    const game *g = a->ses->g;
    char turn[96];
    if (g->ended)
        str_fmt(turn, sizeof turn, _("Exercise over · %d turns"), a->ses->sc->nturns);
    else
        str_fmt(turn, sizeof turn, _("Turn %d of %d"), g->turn, a->ses->sc->nturns);
    int ic = ui_line_h(a, ST_H2);
    ui_icon_clock(a, ui_rect(r.x, r.y + (r.h - ic) / 2, ic, ic), a->th->accent);
    SDL_Rect t = ui_rect(r.x + ic + ui_px(a, 14), r.y, r.w - ic - ui_px(a, 14), r.h);
    SDL_Rect top = ui_cut_top(&t, ui_line_h(a, ST_H2), 0);
    ui_text(a, ST_H2, a->th->text, top, game_turn_label(g, g->turn), TX_ELLIPSIS);
    ui_text(a, ST_BODY, a->th->dim, t, turn, TX_ELLIPSIS);
}

/* The discussion timer, large enough to read from the back of the room:
   amber in its last minute, PAUSED while the facilitator holds the game. */
static void timer_block(ui_app *a, SDL_Rect r)
{
    char t[64];
    int amber;
    const game *g = a->ses->g;
    ui_timer_text(&a->timer, g, t, sizeof t, &amber);
    SDL_Color c = g->paused || amber ? a->th->warn : a->th->text;
    if (ui_timer_left(&a->timer) == 0 && !g->paused) c = a->th->bad;
    int st = ui_line_h(a, ST_DISPLAY) <= r.h ? ST_DISPLAY : ST_H1;
    a->timer_at = r;
    ui_text(a, st, c, r, t, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
}

static int timer_shown(const ui_app *a)
{
    return !a->ses->g->ended && (a->timer.len_ms > 0 || a->ses->g->paused);
}

/* The players only learn that the save is failing; the console says why. */
static void saving_marker(ui_app *a, SDL_Rect r)
{
    const session *s = a->ses;
    if (!(session_not_saving(s) && s->j && s->j->failed)) return;
    int d = ui_line_h(a, ST_SMALL) / 2;
    ui_disc(a, r.x + d / 2 + 1, r.y + r.h / 2, d / 2, a->th->bad);
    ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x + d + ui_px(a, 6), r.y, r.w - d, r.h),
            _("not saving"), TX_VCENTER | TX_ELLIPSIS);
}

static void role_block(ui_app *a, SDL_Rect r)
{
    const game *g = a->ses->g;
    if (g->ended) return;
    char pts[64];
    str_fmt(pts, sizeof pts, _("%d action point%s left"), g->budget[g->role],
            g->budget[g->role] == 1 ? "" : "s");
    SDL_Rect top = ui_cut_top(&r, ui_line_h(a, ST_SMALL), 0);
    ui_text(a, ST_SMALL, a->th->dim, top, _("NOW MOVING"), TX_RIGHT | TX_ELLIPSIS);
    SDL_Rect name = ui_cut_top(&r, ui_line_h(a, ST_H3), 0);
    /* The whole name, smaller if need be, else the short one: never cut. */
    const def_role *ro = &a->ses->sc->roles[g->role];
    const char *shown = ro->name;
    int style = ST_H3;
    if (ui_text_width(a, ST_H3, shown) > name.w) style = ST_BODY_B;
    if (ui_text_width(a, style, shown) > name.w && ro->shortname)
        shown = ro->shortname, style = ST_H3;
    ui_text(a, style, ui_role_color(a, g->role), name, shown, TX_RIGHT | TX_VCENTER | TX_ELLIPSIS);
    ui_text(a, ST_SMALL, a->th->dim, r, pts, TX_RIGHT | TX_ELLIPSIS);
}

static void tab_bar(ui_app *a, SDL_Rect r)
{
    int x = r.x, gap = ui_px(a, 8);
    for (size_t i = 0; i < sizeof tabs / sizeof *tabs; i++) {
        int on = a->screen == tabs[i].s || (tabs[i].s == SCR_DASHBOARD && a->screen == SCR_DEBRIEF);
        const char *label =
            tabs[i].s == SCR_DASHBOARD && a->ses->g->ended ? _("Debrief") : _(tabs[i].label);
        int w = ui_text_width(a, ST_BODY_B, label) + ui_text_width(a, ST_SMALL_B, tabs[i].key) +
                ui_px(a, 56);
        SDL_Rect t = ui_rect(x, r.y, w, r.h);
        SDL_Color bg = on ? a->th->raised : ui_is_hover(a, t) ? a->th->hover : a->th->bg;
        ui_round(a, t, ui_px(a, 8), bg);
        if (on) ui_fill(a, ui_rect(t.x, t.y + t.h - ui_px(a, 4), t.w, ui_px(a, 4)), a->th->accent);
        SDL_Rect lab = ui_rect(t.x + ui_px(a, 14), t.y, t.w - ui_px(a, 28), t.h);
        ui_text(a, ST_BODY_B, on ? a->th->text : a->th->dim, lab, label, TX_VCENTER | TX_ELLIPSIS);
        int kw = ui_text_width(a, ST_SMALL_B, tabs[i].key) + ui_px(a, 14);
        ui_key_hint(a, t.x + t.w - kw - ui_px(a, 10), t.y + (t.h - ui_line_h(a, ST_SMALL_B)) / 2,
                    tabs[i].key);
        int target = tabs[i].s == SCR_DASHBOARD && a->ses->g->ended ? SCR_DEBRIEF : tabs[i].s;
        ui_focus_ring(a, t, ACT_SCREEN, target);
        ui_hit_add(a, t, ACT_SCREEN, target, 1);
        x += w + gap;
    }
    int mw = ui_text_width(a, ST_BODY_B, _("Menu")) + ui_px(a, 110);
    ui_button_key(a, ui_rect(r.x + r.w - mw, r.y, mw, r.h), _("Menu"), "Esc", ACT_MENU, 0, 0);
}

static SDL_Rect banner(ui_app *a, SDL_Rect *content)
{
    int pad = ui_px(a, 12);
    int h = ui_text_h(a, ST_BODY, a->warning, content->w - 2 * pad - ui_px(a, 40)) + 2 * pad;
    SDL_Rect b = ui_cut_top(content, h, ui_px(a, 12));
    ui_round(a, b, ui_px(a, 8), ui_mix(a->th->panel, a->th->warn, 0.25f));
    ui_frame(a, b, ui_px(a, 8), ui_px(a, 2), a->th->warn);
    SDL_Rect in = ui_inset(b, pad);
    SDL_Rect ic = ui_cut_left(&in, ui_px(a, 28), ui_px(a, 12));
    ui_icon_flag(a, ui_rect(ic.x, ic.y, ic.w, ic.w), a->th->warn);
    ui_text(a, ST_BODY, a->th->text, in, a->warning, 0);
    return b;
}

/* The pause point of this turn, for the room to discuss before it moves. */
static void pause_banner(ui_app *a, SDL_Rect *content)
{
    const game *g = a->ses->g;
    strbuf q = {0};
    for (int i = 0; i < a->ses->sc->nquestions; i++)
        if (!g->ended && game_question_turn(g, i) == g->turn)
            sb_printf(&q, "%sQ%d. %s", q.len ? "\n" : "", i + 1, a->ses->sc->questions[i]);
    if (!q.len) return;
    int pad = ui_px(a, 12), w = content->w - 2 * pad;
    const char *head = _("PAUSE FOR DISCUSSION, before the teams move");
    int h = ui_line_h(a, ST_SMALL_B) + ui_px(a, 4) + ui_text_h(a, ST_BODY_B, q.s, w) + 2 * pad;
    SDL_Rect b = ui_cut_top(content, h, ui_px(a, 12));
    ui_round(a, b, ui_px(a, 8), ui_mix(a->th->panel, a->th->accent, 0.22f));
    SDL_Rect in = ui_inset(b, pad);
    SDL_Rect top = ui_cut_top(&in, ui_line_h(a, ST_SMALL_B), ui_px(a, 4));
    ui_text(a, ST_SMALL_B, a->th->accent, top, head, TX_ELLIPSIS);
    ui_text(a, ST_BODY_B, a->th->text, in, q.s, 0);
    sb_free(&q);
}

viewer ui_view(const ui_app *a)
{
    if (a->peer || a->screen == SCR_CONSOLE) return view_facilitator();
    /* Hosting, the window is the projector's: what every team may see. */
    if (a->host && !a->ses->g->ended) return view_observer();
    return view_room(a->ses->g);
}

/* Draws the chrome and returns the rectangle left for the screen. */
SDL_Rect ui_chrome(ui_app *a, const char *heading)
{
    int m = ui_px(a, 24);
    SDL_Rect r = ui_rect(m, ui_px(a, 14), a->pw - 2 * m, a->ph - ui_px(a, 14) - m);
    SDL_Rect top = ui_cut_top(&r, ui_line_h(a, ST_H3) + 2 * ui_line_h(a, ST_SMALL), ui_px(a, 10));
    SDL_Rect title = ui_cut_left(&top, top.w * 32 / 100, ui_px(a, 24));
    SDL_Rect role = ui_cut_right(&top, top.w * 40 / 100, ui_px(a, 24));
    SDL_Rect tt = ui_cut_top(&title, ui_line_h(a, ST_H3), 0);
    ui_text(a, ST_H3, a->th->text, tt, a->ses->sc->title, TX_ELLIPSIS);
    if (session_not_saving(a->ses) && a->ses->j && a->ses->j->failed)
        saving_marker(
            a, ui_cut_right(&title,
                            ui_text_width(a, ST_SMALL, _("not saving")) + ui_line_h(a, ST_SMALL),
                            ui_px(a, 8)));
    ui_text(a, ST_BODY, a->th->dim, title, heading, TX_ELLIPSIS);
    if (timer_shown(a))
        timer_block(a, ui_cut_right(&top, ui_text_width(a, ST_DISPLAY, _("PAUSED")) + ui_px(a, 20),
                                    ui_px(a, 16)));
    clock_block(a, top);
    role_block(a, role);
    tab_bar(a, ui_cut_top(&r, ui_line_h(a, ST_BODY_B) + ui_px(a, 20), ui_px(a, 16)));
    if (a->warning[0]) banner(a, &r);
    if (a->screen == SCR_DASHBOARD) pause_banner(a, &r);
    return r;
}
