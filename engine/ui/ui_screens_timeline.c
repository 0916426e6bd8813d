/*
 * ui_screens_timeline.c -- what has happened, newest turn first, as the
 * moving team may see it (view.h): the injects that reached it, decisions
 * on them and who made them, actions, outcomes, revealed evidence, pauses;
 * its own reasons, never another team's, nor the facilitator's notes and
 * overrides. At the debrief, every team's side.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "logtext.h"
#include "ui_app.h"
#include "util.h"

enum { K_INJECT, K_DECIDE, K_ACT, K_OUTCOME, K_CARD, K_NOTE, K_END };

/* The icon of each kind of entry. */
static int kind_of(logtext_kind k)
{
    switch (k) {
    case LT_INJECT:
    case LT_ADHOC:
        return K_INJECT;
    case LT_DECISION:
    case LT_EXPIRED:
        return K_DECIDE;
    case LT_ACTION:
        return K_ACT;
    case LT_OUTCOME:
        return K_OUTCOME;
    case LT_EVIDENCE:
        return K_CARD;
    case LT_END:
        return K_END;
    default:
        return K_NOTE;
    }
}

/* Log entry i in words (logtext.h, as in the terminal and the report), or 0
   when the window's viewer may not see it. */
static int entry_text(ui_app *a, int i, char *buf, size_t size, char *sub, size_t subsize,
                      int *kind)
{
    const game *g = a->ses->g;
    const game_log *l = &g->log[i];
    viewer v = ui_view(a);
    int delivery = l->kind == LOG_DELIVER || l->kind == LOG_INJECT;
    if (!view_sees_log(&v, g, i)) return 0;
    logtext t = {0};
    int shown = logtext_of(g, l, &t);
    if (shown) {
        *kind = kind_of(t.kind);
        if (t.facilitator)
            str_fmt(buf, size, _("Facilitator · %s"), t.what.s);
        else if (t.who.len && !delivery)
            str_fmt(buf, size, "%s · %s", t.who.s, t.what.s);
        else
            str_fmt(buf, size, "%s", t.what.s);
        sub[0] = '\0';
        if (t.why && *t.why && view_sees_why(&v, g, i))
            str_fmt(sub, subsize, _("Why: “%s”"), t.why);
    }
    logtext_free(&t);
    return shown;
}

static void kind_icon(ui_app *a, int kind, SDL_Rect r)
{
    switch (kind) {
    case K_INJECT:
        ui_icon_channel(a, CH_EMAIL, r, a->th->accent);
        break;
    case K_DECIDE:
        ui_icon_check(a, r, a->th->good);
        break;
    case K_ACT:
        ui_icon_bolt(a, r, a->th->warn);
        break;
    case K_CARD:
        ui_icon_card(a, r, a->th->accent);
        break;
    case K_END:
        ui_icon_flag(a, r, a->th->bad);
        break;
    case K_NOTE:
        ui_icon_channel(a, CH_BRIEF, r, a->th->dim);
        break;
    default:
        ui_icon_arrow(a, r, 0, a->th->text);
        break;
    }
}

static int entry(ui_app *a, SDL_Rect r, int y, int i)
{
    char text[2400], sub[2100];
    int kind = K_OUTCOME;
    if (!entry_text(a, i, text, sizeof text, sub, sizeof sub, &kind)) return y;
    int ic = ui_line_h(a, ST_BODY), x = r.x + ic + ui_px(a, 14), w = r.w - (x - r.x);
    SDL_Rect probe = ui_rect(
        x, y, w, ui_text_h(a, ST_BODY, text, w) + (sub[0] ? ui_text_h(a, ST_BODY_I, sub, w) : 0));
    if (ui_visible(a, probe))
        kind_icon(a, kind, ui_rect(r.x, y + ui_px(a, 2), ic - ui_px(a, 4), ic - ui_px(a, 4)));
    int st = kind == K_DECIDE || kind == K_END ? ST_BODY_B : ST_BODY;
    y += ui_text(a, st, a->th->text, ui_rect(x, y, w, 0), text, TX_FLOW);
    if (sub[0]) y += ui_text(a, ST_BODY_I, a->th->dim, ui_rect(x, y, w, 0), sub, TX_FLOW);
    return y + ui_px(a, 10);
}

/* Log indexes where each turn starts, so turns can be shown newest first. */
static int turn_starts(const game *g, int *start, int max)
{
    int n = 0;
    for (int i = 0; i < g->nlog && n < max; i++)
        if (g->log[i].kind == LOG_TURN || i == 0) {
            if (i && g->log[i].kind != LOG_TURN) continue;
            start[n++] = i;
        }
    return n;
}

void ui_timeline_draw(ui_app *a)
{
    const game *g = a->ses->g;
    SDL_Rect r = ui_chrome(a, _("Timeline"));
    SDL_Rect body;
    ui_panel(a, r, _("WHAT HAS HAPPENED · newest turn first"), &body);
    int y0 = ui_scroll_begin(a, SREG_MAIN, body) + body.y, y = y0;
    int start[CR_MAX_TURNS + 2], n = turn_starts(g, start, CR_MAX_TURNS + 1);
    int gutter = body.w * 22 / 100;
    SDL_Rect col = ui_rect(body.x + gutter, 0, body.w - gutter - ui_px(a, 16), 0);
    for (int t = n - 1; t >= 0; t--) {
        int end = t + 1 < n ? start[t + 1] : g->nlog, turn = g->log[start[t]].turn;
        char label[200];
        str_fmt(label, sizeof label, _("Turn %d"), turn);
        int top = y;
        ui_text(a, ST_H3, a->th->text,
                ui_rect(body.x, y, gutter - ui_px(a, 16), ui_line_h(a, ST_H3)), label, TX_ELLIPSIS);
        ui_text(a, ST_SMALL, a->th->dim,
                ui_rect(body.x, y + ui_line_h(a, ST_H3), gutter - ui_px(a, 16), 0),
                game_turn_label(g, turn), TX_FLOW);
        for (int i = start[t]; i < end; i++) y = entry(a, col, y, i);
        int min = top + ui_line_h(a, ST_H3) +
                  ui_text_h(a, ST_SMALL, game_turn_label(g, turn), gutter - ui_px(a, 16));
        if (y < min) y = min;
        y += ui_px(a, 10);
        ui_fill(a, ui_rect(body.x, y, body.w - ui_px(a, 16), 1 > ui_px(a, 1) ? 1 : ui_px(a, 1)),
                a->th->border);
        y += ui_px(a, 16);
    }
    ui_scroll_end(a, SREG_MAIN, body, y - y0);
}
