/*
 * ui_screens_diplomacy.c -- the diplomatic options: every option and action
 * that carries a `risk` line, grouped by inject (options) and by role
 * (standing actions), with cost, requirements and why it is unavailable.
 * Options only of injects that reached the team looking (view.h): the
 * schedule is the facilitator's. The standing actions are the ladder's
 * rungs, the kinds of response every team may know of.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_app.h"
#include "util.h"

static int event_has_risk(const def_scenario *sc, int ev)
{
    for (int k = 0; k < sc->events[ev].noptions; k++)
        if (sc->moves[sc->events[ev].options[k]].risk) return 1;
    return 0;
}

static int group_header(ui_app *a, SDL_Rect r, int y, const char *title, const char *meta)
{
    y += ui_text(a, ST_BODY_B, a->th->text, ui_rect(r.x, y, r.w, 0), title, TX_FLOW);
    if (meta) y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x, y, r.w, 0), meta, TX_FLOW);
    return y + ui_px(a, 8);
}

static int moves(ui_app *a, SDL_Rect r, int y, const int *mv, int n)
{
    viewer v = ui_view(a);
    for (int k = 0; k < n; k++) {
        if (!a->ses->sc->moves[mv[k]].risk || !view_sees_move(&v, a->ses->g, mv[k])) continue;
        int h;
        SDL_Rect c = ui_rect(r.x, y, r.w, 0);
        ui_move_card(a, c, mv[k], 0, &h, 1);
        c.h = h;
        if (ui_visible(a, c))
            ui_move_card(a, c, mv[k], 0, &h, 0);
        else
            ui_move_hit(a, c, mv[k]); /* Tab reaches it, and scrolls it into view */
        y += h + ui_px(a, 8);
    }
    return y + ui_px(a, 14);
}

static void options_column(ui_app *a, SDL_Rect r)
{
    const def_scenario *sc = a->ses->sc;
    const game *g = a->ses->g;
    SDL_Rect body, shown;
    int y0 =
        ui_scroll_panel(a, r, _("ON THE TABLE: DECISIONS WITH A RISK"), SREG_MAIN, &body, &shown);
    int y = y0, n = 0, any = 0;
    viewer v = ui_view(a);
    /* Open decisions first, then what is settled. */
    for (int pass = 0; pass < 2; pass++)
        for (int ev = 0; ev < sc->nevents; ev++) {
            any |= event_has_risk(sc, ev);
            if (!event_has_risk(sc, ev) || !view_sees_event(&v, g, ev)) continue;
            int item = g->ev_item[ev];
            if ((g->items[item].option >= 0) != pass) continue;
            char meta[200];
            str_fmt(meta, sizeof meta, _("Arrived turn %d · decided by %s"), g->items[item].turn,
                    game_role_short(g, sc->events[ev].decider));
            y = group_header(a, body, y, sc->events[ev].title, meta);
            y = moves(a, body, y, sc->events[ev].options, sc->events[ev].noptions);
            n++;
        }
    if (!n)
        y += ui_text(a, ST_BODY, a->th->dim, ui_rect(body.x, y, body.w, 0),
                     any ? _("No decision with a risk has reached your team yet. The standing "
                             "actions beside are the rungs of the ladder open to the teams.")
                         : _("No option in this scenario carries a risk line."),
                     TX_FLOW);
    ui_scroll_end(a, SREG_MAIN, shown, y - y0);
}

static void actions_column(ui_app *a, SDL_Rect r)
{
    const def_scenario *sc = a->ses->sc;
    SDL_Rect body, shown;
    int y0 = ui_scroll_panel(a, r, _("STANDING ACTIONS WITH A RISK"), SREG_SIDE, &body, &shown),
        y = y0, n = 0;
    for (int role = 0; role < sc->nroles; role++) {
        int mv[256], k = 0;
        for (int i = 0; i < sc->nactions && k < 256; i++) {
            const def_move *m = &sc->moves[sc->actions[i]];
            if (m->role == role && m->risk) mv[k++] = sc->actions[i];
        }
        if (!k) continue;
        y = group_header(a, body, y, game_role_name(a->ses->g, role), NULL);
        y = moves(a, body, y, mv, k);
        n++;
    }
    if (!n)
        y += ui_text(a, ST_BODY, a->th->dim, ui_rect(body.x, y, body.w, 0),
                     _("No standing action carries a risk line."), TX_FLOW);
    ui_scroll_end(a, SREG_SIDE, shown, y - y0);
}

void ui_diplomacy_draw(ui_app *a)
{
    SDL_Rect r = ui_chrome(a, _("Diplomatic options"));
    SDL_Rect note = ui_cut_top(&r, ui_line_h(a, ST_BODY) * 1, ui_px(a, 12));
    ui_text(
        a, ST_BODY, a->th->dim, note,
        _("The ladder: what each rung risks and what it needs first. Choose on the dashboard, or "
          "click an option open to you here."),
        TX_ELLIPSIS);
    SDL_Rect left = ui_cut_left(&r, r.w * 55 / 100, ui_px(a, 16));
    options_column(a, left);
    actions_column(a, r);
}
