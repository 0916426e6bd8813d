/*
 * ui_screens_briefing.c -- the briefing (situation, learning objectives, the
 * roles and their public briefs), the hand-over screen shown between two
 * roles' moves, so that one team does not see another's inbox (with the
 * move timer the team will have), and the projector's hold.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_app.h"
#include "util.h"

static int bullets(ui_app *a, SDL_Rect r, char **items, int n, int measure)
{
    int y = r.y, gap = ui_px(a, 10), ind = ui_px(a, 26);
    for (int i = 0; i < n; i++) {
        int h = ui_text_h(a, ST_BODY, items[i], r.w - ind);
        if (!measure) {
            float d = ui_px(a, 5);
            ui_disc(a, r.x + d + 2, y + ui_line_h(a, ST_BODY) / 2.0f, d, a->th->accent);
            ui_text(a, ST_BODY, a->th->text, ui_rect(r.x + ind, y, r.w - ind, h), items[i],
                    TX_FLOW);
        }
        y += h + gap;
    }
    return y - r.y;
}

static void situation(ui_app *a, SDL_Rect r)
{
    const def_scenario *sc = a->ses->sc;
    SDL_Rect body;
    ui_panel(a, r, _("SITUATION"), &body);
    int y0 = ui_scroll_begin(a, SREG_SIDE, body) + body.y, y = y0;
    const char *text = sc->situation ? sc->situation : sc->summary;
    y += ui_text(a, ST_BODY, a->th->text, ui_rect(body.x, y, body.w - ui_px(a, 16), 0), text,
                 TX_FLOW);
    if (sc->nlearning) {
        y += ui_px(a, 24);
        ui_text(a, ST_H3, a->th->dim, ui_rect(body.x, y, body.w, ui_line_h(a, ST_H3)),
                _("LEARNING OBJECTIVES"), TX_ELLIPSIS);
        y += ui_line_h(a, ST_H3) + ui_px(a, 10);
        y += bullets(a, ui_rect(body.x, y, body.w - ui_px(a, 16), 0), sc->learning, sc->nlearning,
                     0);
    }
    ui_scroll_end(a, SREG_SIDE, body, y - y0);
}

static int role_block(ui_app *a, SDL_Rect r, int i, int measure)
{
    viewer v = ui_view(a);
    const game *g = a->ses->g; /* names, briefs and points as they are now */
    const char *brief = view_sees_brief(&v, g, i) ? game_role_brief(g, i) : "";
    const char *name = game_role_name(g, i);
    char pts[64];
    str_fmt(pts, sizeof pts, _("%d action point%s per turn"), g->allowance[i],
            g->allowance[i] == 1 ? "" : "s");
    int gap = ui_px(a, 6), pad = ui_px(a, 16);
    SDL_Rect in = ui_inset(r, pad);
    int h1 = ui_text_h(a, ST_H3, name, in.w), h2 = ui_line_h(a, ST_SMALL_B);
    int h3 = ui_text_h(a, ST_BODY, brief, in.w);
    int h = pad + h1 + gap + h2 + gap + h3 + pad;
    if (measure) return h;
    r.h = h;
    ui_round(a, r, ui_px(a, 8), a->th->raised);
    ui_fill(a, ui_rect(r.x, r.y + ui_px(a, 8), ui_px(a, 5), r.h - ui_px(a, 16)),
            ui_role_color(a, i));
    in = ui_inset(r, pad);
    ui_text(a, ST_H3, ui_role_color(a, i), ui_cut_top(&in, h1, gap), name, TX_FLOW);
    ui_text(a, ST_SMALL_B, a->th->dim, ui_cut_top(&in, h2, gap), pts, TX_ELLIPSIS);
    ui_text(a, ST_BODY, a->th->text, ui_cut_top(&in, h3, 0), brief, TX_FLOW);
    return h;
}

static void roles(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(a, r, _("ROLES — played in turn on this screen"), &body);
    int y0 = ui_scroll_begin(a, SREG_MAIN, body) + body.y, y = y0;
    for (int i = 0; i < a->ses->sc->nroles; i++) {
        SDL_Rect c = ui_rect(body.x, y, body.w - ui_px(a, 16), 0);
        c.h = role_block(a, c, i, 1);
        if (ui_visible(a, c)) role_block(a, c, i, 0);
        y += c.h + ui_px(a, 12);
    }
    ui_scroll_end(a, SREG_MAIN, body, y - y0);
}

void ui_briefing_draw(ui_app *a)
{
    SDL_Rect r = ui_chrome(a, _("Briefing"));
    int started = a->ses->nlive > 0 || a->ses->g->ended;
    SDL_Rect foot = ui_cut_bottom(&r, ui_px(a, 60), ui_px(a, 16));
    SDL_Rect left = ui_cut_left(&r, r.w * 48 / 100, ui_px(a, 20));
    situation(a, left);
    roles(a, r);
    const char *label = started ? _("Back to the dashboard") : _("Begin the exercise");
    int bw = ui_text_width(a, ST_BODY_B, label) + ui_px(a, 170);
    SDL_Rect b = ui_rect(foot.x + foot.w - bw, foot.y, bw, foot.h);
    ui_button_key(a, b, label, started ? "F2" : "Enter", started ? ACT_SCREEN : ACT_START,
                  started ? SCR_DASHBOARD : 0, 1);
}

/* The hand-over ----------------------------------------------------------------- */

static int new_items(ui_app *a, int role)
{
    const game *g = a->ses->g;
    viewer v = view_team(role);
    int n = 0;
    for (int i = view_next_item(&v, g, -1); i >= 0; i = view_next_item(&v, g, i))
        n += !ui_is_read(a, i, role);
    return n;
}

/* "Move timer 10:00 · it starts when you press Ready". */
static void handover_timer(ui_app *a, char *buf, size_t size)
{
    char t[64];
    int amber;
    if (a->timer.len_ms <= 0 || a->ses->g->ended) return;
    ui_timer_text(&a->timer, a->ses->g, t, sizeof t, &amber);
    long long left = ui_timer_left(&a->timer);
    if (a->ses->g->paused)
        str_fmt(buf, size, _("Move timer: the game is paused"));
    else if (left == a->timer.len_ms)
        str_fmt(buf, size, _("Move timer %s · it starts when you press Ready"), t);
    else
        str_fmt(buf, size, _("Move timer %s left · it goes on when you press Ready"), t);
}

void ui_handover_draw(ui_app *a)
{
    const game *g = a->ses->g;
    int role = g->role, w = a->pw * 70 / 100, gap = ui_px(a, 20);
    SDL_Color rc = ui_role_color(a, role);
    char turn[300], sub[300], n[96];
    str_fmt(turn, sizeof turn, _("Turn %d of %d · %s"), g->turn, a->ses->sc->nturns,
            game_turn_label(g, g->turn));
    str_fmt(n, sizeof n, _("%d unread item%s waiting in the inbox."), new_items(a, role),
            new_items(a, role) == 1 ? "" : "s");
    const char *shortname = game_role_short(g, role);
    str_fmt(sub, sizeof sub, _("Only the %s team should look at the screen now. %s"), shortname, n);
    char pass[300];
    str_fmt(pass, sizeof pass, _("Pass to the %s"), ui_role_name(a, role));
    int hp = ui_text_h(a, ST_DISPLAY, pass, w), hs = ui_text_h(a, ST_H3, sub, w);
    int bh = ui_px(a, 64), ring = ui_px(a, 120);
    char timer[200] = "";
    handover_timer(a, timer, sizeof timer);
    int ht = timer[0] ? ui_text_h(a, ST_H2, timer, w) + gap : 0;
    int total = ring + gap + ui_line_h(a, ST_H2) + gap + hp + gap + hs + gap + ht + gap + bh;
    int x = (a->pw - w) / 2, y = (a->ph - total) / 2;
    ui_ring(a, a->pw / 2.0f, y + ring / 2.0f, ring / 2.0f - ui_px(a, 4), ui_px(a, 8), rc);
    ui_icon_channel(a, CH_BRIEF, ui_rect(a->pw / 2 - ring / 4, y + ring / 4, ring / 2, ring / 2),
                    rc);
    y += ring + gap;
    ui_text(a, ST_H2, a->th->dim, ui_rect(x, y, w, ui_line_h(a, ST_H2)), turn,
            TX_CENTER | TX_ELLIPSIS);
    y += ui_line_h(a, ST_H2) + gap;
    ui_text(a, ST_DISPLAY, rc, ui_rect(x, y, w, hp), pass, TX_CENTER);
    y += hp + gap;
    ui_text(a, ST_H3, a->th->text, ui_rect(x, y, w, hs), sub, TX_CENTER);
    y += hs + gap;
    if (ht) { /* the move timer, still: it starts when the team is ready */
        ui_text(a, ST_H2, a->th->accent, ui_rect(x, y, w, ht - gap), timer, TX_CENTER);
        y += ht;
    }
    y += gap;
    int bw = ui_text_width(a, ST_BODY_B, _("Ready — press Enter")) + ui_px(a, 80);
    ui_button(a, ui_rect((a->pw - bw) / 2, y, bw, bh), _("Ready — press Enter"), ACT_HANDOVER_OK, 0,
              1);
    if (a->warning[0]) {
        SDL_Rect wb = ui_rect(ui_px(a, 24), ui_px(a, 24), a->pw - ui_px(a, 48), 0);
        wb.h = ui_text_h(a, ST_BODY, a->warning, wb.w - ui_px(a, 24)) + ui_px(a, 24);
        ui_round(a, wb, ui_px(a, 8), ui_mix(a->th->panel, a->th->warn, 0.25f));
        ui_text(a, ST_BODY, a->th->text, ui_inset(wb, ui_px(a, 12)), a->warning, 0);
    }
}

/* The projector's hold --------------------------------------------------------- */

/* A neutral card for a break or a side discussion: the exercise's name and
   nothing of its state, so that the room may look at the screen. */
void ui_hold_draw(ui_app *a)
{
    const char *title = _("Exercise paused");
    const char *sub = _("The facilitator will bring the exercise back to this screen.");
    int w = a->pw * 70 / 100, gap = ui_px(a, 24), x = (a->pw - w) / 2;
    int h1 = ui_text_h(a, ST_DISPLAY, title, w), h2 = ui_text_h(a, ST_H3, a->ses->sc->title, w);
    int h3 = ui_text_h(a, ST_BODY, sub, w), ring = ui_px(a, 96);
    int y = (a->ph - (ring + gap + h1 + gap + h2 + gap + h3)) / 2;
    ui_ring(a, a->pw / 2.0f, y + ring / 2.0f, ring / 2.0f - ui_px(a, 4), ui_px(a, 6), a->th->dim);
    int bar = ring / 6, bh = ring * 2 / 5; /* the pause sign */
    ui_fill(a, ui_rect(a->pw / 2 - bar * 3 / 2, y + (ring - bh) / 2, bar, bh), a->th->dim);
    ui_fill(a, ui_rect(a->pw / 2 + bar / 2, y + (ring - bh) / 2, bar, bh), a->th->dim);
    y += ring + gap;
    ui_text(a, ST_DISPLAY, a->th->text, ui_rect(x, y, w, h1), title, TX_CENTER);
    y += h1 + gap;
    ui_text(a, ST_H3, a->th->dim, ui_rect(x, y, w, h2), a->ses->sc->title, TX_CENTER);
    y += h2 + gap;
    ui_text(a, ST_BODY, a->th->dim, ui_rect(x, y, w, h3), sub, TX_CENTER);
}
