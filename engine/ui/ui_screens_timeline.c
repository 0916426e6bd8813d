/*
 * ui_screens_timeline.c -- what has happened, newest turn first: injects
 * that reached the moving role, every decision with who made it and why,
 * actions, outcomes, revealed evidence and facilitator notes. Injects meant
 * for other roles stay out, as in the inbox.
 */
#include <stdio.h>
#include <string.h>

#include "ui_app.h"
#include "util.h"

enum { K_INJECT, K_DECIDE, K_ACT, K_OUTCOME, K_CARD, K_NOTE, K_END };

static int entry_text(ui_app *a, const game_log *l, char *buf, size_t size, char *sub,
                      size_t subsize, int *kind)
{
    const def_scenario *sc = a->ses->sc;
    const game *g = a->ses->g;
    sub[0] = '\0';
    switch (l->kind) {
    case LOG_DELIVER:
    case LOG_INJECT:
        if (!game_item_for_role(g, l->ref, g->role) && !g->ended) return 0;
        *kind = K_INJECT;
        str_fmt(buf, size, "Inject: %s", ui_item_title(a, l->ref));
        return 1;
    case LOG_CHOOSE:
    case LOG_ACT: {
        const def_move *m = &sc->moves[l->ref];
        *kind = l->kind == LOG_CHOOSE ? K_DECIDE : K_ACT;
        if (l->kind == LOG_CHOOSE)
            str_fmt(buf, size, "%s chose “%s” on %s", ui_role_name(a, l->role), m->label,
                    sc->events[m->event].title);
        else
            str_fmt(buf, size, "%s: %s%s%s", ui_role_name(a, l->role), m->label,
                    l->aux ? ", target " : "", l->aux ? l->aux : "");
        if (l->text && l->text[0]) str_fmt(sub, subsize, "Why: “%s”", l->text);
        return 1;
    }
    case LOG_EXPIRE: {
        const game_item *it = &g->items[l->ref];
        *kind = K_DECIDE;
        str_fmt(buf, size, "No decision on %s: “%s” applied by default", ui_item_title(a, l->ref),
                it->option >= 0 ? sc->moves[it->option].label : "?");
        return 1;
    }
    case LOG_OUTCOME:
        *kind = K_OUTCOME, str_fmt(buf, size, "%s", l->text ? l->text : "");
        return 1;
    case LOG_CARD:
        *kind = K_CARD, str_fmt(buf, size, "Evidence: %s", sc->cards[l->ref].title);
        return 1;
    case LOG_NOTE:
        *kind = K_NOTE, str_fmt(buf, size, "Facilitator: %s", l->text ? l->text : "");
        return 1;
    case LOG_SET:
        if (sc->meters[l->ref].hidden && !g->ended) return 0;
        *kind = K_NOTE;
        str_fmt(buf, size, "Facilitator set %s to %.0f%s%s", sc->meters[l->ref].name, l->value,
                l->text ? ": " : "", l->text ? l->text : "");
        return 1;
    case LOG_PAUSE:
        *kind = K_NOTE, str_fmt(buf, size, "Deliveries paused by the facilitator");
        return 1;
    case LOG_RESUME:
        *kind = K_NOTE, str_fmt(buf, size, "Deliveries resumed");
        return 1;
    case LOG_FINISH:
        *kind = K_END, str_fmt(buf, size, "Exercise over: %s", sc->endings[l->ref].title);
        return 1;
    default:
        return 0;
    }
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

static int entry(ui_app *a, SDL_Rect r, int y, const game_log *l)
{
    char text[2400], sub[2100];
    int kind = K_OUTCOME;
    if (!entry_text(a, l, text, sizeof text, sub, sizeof sub, &kind)) return y;
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
    SDL_Rect r = ui_chrome(a, "Timeline");
    SDL_Rect body;
    ui_panel(a, r, "WHAT HAS HAPPENED · newest turn first", &body);
    int y0 = ui_scroll_begin(a, SREG_MAIN, body) + body.y, y = y0;
    int start[CR_MAX_TURNS + 2], n = turn_starts(g, start, CR_MAX_TURNS + 1);
    int gutter = body.w * 22 / 100;
    SDL_Rect col = ui_rect(body.x + gutter, 0, body.w - gutter - ui_px(a, 16), 0);
    for (int t = n - 1; t >= 0; t--) {
        int end = t + 1 < n ? start[t + 1] : g->nlog, turn = g->log[start[t]].turn;
        char label[200];
        str_fmt(label, sizeof label, "Turn %d", turn);
        int top = y;
        ui_text(a, ST_H3, a->th->text,
                ui_rect(body.x, y, gutter - ui_px(a, 16), ui_line_h(a, ST_H3)), label, TX_ELLIPSIS);
        ui_text(a, ST_SMALL, a->th->dim,
                ui_rect(body.x, y + ui_line_h(a, ST_H3), gutter - ui_px(a, 16), 0),
                game_turn_label(g, turn), TX_FLOW);
        for (int i = start[t]; i < end; i++) y = entry(a, col, y, &g->log[i]);
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
