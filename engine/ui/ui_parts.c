/*
 * ui_parts.c -- pieces several screens share: a meter with its gauge, trend
 * arrow and sparkline; the chart line of a meter; and the card of a move
 * (an option of an inject or a standing action) with its cost, risk and
 * why it is unavailable.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "trend.h"
#include "ui_app.h"
#include "util.h"

static void fmt_value(char *buf, size_t size, const def_meter *m, double v)
{
    if (m->unit && m->unit[0])
        str_fmt(buf, size, "%.0f%s%s", v, strcmp(m->unit, "%") ? " " : "", m->unit);
    else
        str_fmt(buf, size, "%.0f / %.0f", v, m->max);
}

/* How good a value is, 0 (worst) to 1 (best), by the meter's good direction. */
static float goodness(const def_meter *m, double v)
{
    double span = m->max - m->min;
    float t = span > 0 ? (float)((v - m->min) / span) : 0.5f;
    return m->good == GOOD_LOW ? 1 - t : t;
}

static SDL_Color good_color(ui_app *a, const def_meter *m, double v)
{
    if (m->good == GOOD_NONE) return a->th->accent;
    float q = goodness(m, v);
    return q >= 0.6f ? a->th->good : q >= 0.35f ? a->th->warn : a->th->bad;
}

/* Turns with a value so far: 0 (the start) .. the current turn. */
static int last_turn(const game *g)
{
    return g->ended ? g->turn : g->turn;
}

static double value_at(const game *g, int meter, int t)
{
    if (!g->ended && t >= g->turn) return g->meter[meter];
    return game_history(g, meter, t);
}

void ui_sparkline(ui_app *a, SDL_Rect r, int meter, SDL_Color c, int axes)
{
    const game *g = a->ses->g;
    const def_meter *m = &a->ses->sc->meters[meter];
    int n = last_turn(g), span = axes ? a->ses->sc->nturns : (n < 4 ? 4 : n);
    double lo = m->min, hi = m->max > m->min ? m->max : m->min + 1;
    float th = a->s * 3 > 1.5f ? a->s * 3 : 1.5f;
    ui_fill(a, ui_rect(r.x, r.y + r.h - 1, r.w, 1 > ui_px(a, 1) ? 1 : ui_px(a, 1)), a->th->border);
    if (axes) ui_fill(a, ui_rect(r.x, r.y, 1 > ui_px(a, 1) ? 1 : ui_px(a, 1), r.h), a->th->border);
    float px = 0, py = 0;
    for (int t = 0; t <= n; t++) {
        double v = value_at(g, meter, t);
        float x = r.x + (float)r.w * (float)t / (float)(span ? span : 1);
        float y = r.y + r.h - (float)((v - lo) / (hi - lo)) * (float)r.h;
        if (t) ui_line(a, px, py, x, y, th, c);
        px = x, py = y;
    }
    ui_disc(a, px, py, th * 1.6f, c);
}

void ui_meter_row(ui_app *a, SDL_Rect r, int meter, int show_spark)
{
    const game *g = a->ses->g;
    const def_meter *m = &a->ses->sc->meters[meter];
    /* One function decides the trend for every front end (trend.h). */
    trend tr = trend_of(g, meter);
    double v = g->meter[meter], d = tr.delta;
    char shown[64], delta[64];
    fmt_value(shown, sizeof shown, m, v);
    int dir = tr.dir == TREND_UP ? 1 : tr.dir == TREND_DOWN ? -1 : 0;
    str_fmt(delta, sizeof delta, "%s%.0f",
            dir > 0   ? "+"
            : dir < 0 ? "-"
                      : "±",
            dir ? fabs(d) : 0.0);
    SDL_Color c = good_color(a, m, v);
    SDL_Rect top = ui_cut_top(&r, ui_line_h(a, ST_BODY), ui_px(a, 2));
    ui_text(a, ST_BODY, a->th->text, top, m->name, TX_ELLIPSIS);
    int aw = ui_line_h(a, ST_SMALL);
    SDL_Rect vr =
        ui_cut_left(&r, ui_text_width(a, ST_BODY_B, "100 / 100") + ui_px(a, 4), ui_px(a, 8));
    SDL_Rect ar = ui_cut_left(&r, aw, ui_px(a, 4));
    SDL_Rect dr = ui_cut_left(&r, ui_text_width(a, ST_SMALL_B, "-000") + ui_px(a, 4), ui_px(a, 12));
    ui_text(a, ST_BODY_B, a->th->text, vr, shown, TX_VCENTER | TX_ELLIPSIS);
    SDL_Color tc = dir == 0 || m->good == GOOD_NONE      ? a->th->dim
                   : (dir > 0) == (m->good == GOOD_HIGH) ? a->th->good
                                                         : a->th->bad;
    ui_icon_arrow(a, ui_rect(ar.x, ar.y + (ar.h - aw) / 2, aw, aw), dir, tc);
    ui_text(a, ST_SMALL_B, tc, dr, delta, TX_VCENTER | TX_ELLIPSIS);
    SDL_Rect bar = r;
    SDL_Rect sp = show_spark ? ui_cut_right(&bar, bar.w * 45 / 100, ui_px(a, 12)) : bar;
    int bh = ui_px(a, 12) > 4 ? ui_px(a, 12) : 4;
    SDL_Rect track = ui_rect(bar.x, bar.y + (bar.h - bh) / 2, bar.w, bh);
    ui_round(a, track, bh / 2, a->th->raised);
    float q = m->max > m->min ? (float)((v - m->min) / (m->max - m->min)) : 0;
    ui_round(a, ui_rect(track.x, track.y, (int)(track.w * q), bh), bh / 2, c);
    if (show_spark) ui_sparkline(a, ui_inset(sp, ui_px(a, 2)), meter, a->th->accent, 0);
}

/* Moves ----------------------------------------------------------------------- */

enum { MS_OPEN, MS_LOCKED, MS_CHOSEN, MS_OTHER, MS_NOT_YET, MS_DEFAULTED };

int ui_move_state(ui_app *a, int move, char *why, size_t len)
{
    game *g = a->ses->g;
    const def_move *m = &a->ses->sc->moves[move];
    why[0] = '\0';
    if (m->event >= 0) {
        int item = g->ev_item[m->event];
        if (item < 0) return MS_NOT_YET;
        const game_item *it = &g->items[item];
        if (it->option == move) return it->by < 0 ? MS_DEFAULTED : MS_CHOSEN;
        if (it->option >= 0) return MS_OTHER;
    }
    if (game_move_available(g, move, g->role, why, len)) return MS_OPEN;
    char ids[512];
    str_fmt(ids, sizeof ids, "%s", why);
    ui_role_words(a, ids, why, len);
    return MS_LOCKED;
}

static void status_line(ui_app *a, int move, int st, const char *why, char *out, size_t size,
                        SDL_Color *c)
{
    const game *g = a->ses->g;
    const def_move *m = &a->ses->sc->moves[move];
    int item = m->event >= 0 ? g->ev_item[m->event] : -1;
    const game_item *it = item >= 0 ? &g->items[item] : NULL;
    viewer v = ui_view(a);
    /* The chooser's reason, for those who may read it (view.h). */
    const char *why_chosen =
        it && it->rationale && it->rationale[0] && view_sees_rationale(&v, g, item) ? it->rationale
                                                                                    : NULL;
    *c = a->th->dim;
    out[0] = '\0';
    if (st == MS_LOCKED && m->event >= 0 && a->ses->sc->events[m->event].decider != g->role) {
        str_fmt(out, size, _("%s decides this one"),
                game_role_short(g, a->ses->sc->events[m->event].decider));
    } else if (st == MS_LOCKED)
        str_fmt(out, size, _("Not available: %s"), why), *c = a->th->warn;
    else if (st == MS_CHOSEN && it)
        str_fmt(out, size, _("Chosen by %s%s%s%s"), ui_role_name(a, it->by),
                why_chosen ? " — “" : "", why_chosen ? why_chosen : "", why_chosen ? "”" : ""),
            *c = a->th->good;
    else if (st == MS_DEFAULTED)
        str_fmt(out, size, _("Applied by default when the decision expired")), *c = a->th->warn;
    else if (st == MS_OTHER)
        str_fmt(out, size, _("Not chosen"));
    else if (st == MS_NOT_YET)
        str_fmt(out, size, _("Not yet on the table"));
}

static void cost_text(const def_move *m, const game *g, char *buf, size_t size)
{
    if (m->cost)
        str_fmt(buf, size, _("%d pt%s"), m->cost, m->cost == 1 ? "" : "s");
    else
        str_fmt(buf, size, _("free"));
    if (m->max_uses) str_cat(buf, size, _(" · used %d/%d"), g->uses[m - g->sc->moves], m->max_uses);
}

/* A card's background and its key, check or lock; the colour of its text. */
static SDL_Color card_face(ui_app *a, SDL_Rect r, SDL_Rect in, int kw, int st, int number)
{
    char key[8];
    int open = st == MS_OPEN, hover = open && ui_is_hover(a, r);
    SDL_Color bg = st == MS_CHOSEN ? ui_mix(a->th->raised, a->th->good, 0.12f)
                   : hover         ? a->th->hover
                                   : a->th->raised;
    ui_round(a, r, ui_px(a, 8), bg);
    if (st == MS_CHOSEN) ui_frame(a, r, ui_px(a, 8), ui_px(a, 2), a->th->good);
    if (number > 0 && open) {
        str_fmt(key, sizeof key, "%d", number);
        ui_key_hint(a, in.x, in.y + (ui_line_h(a, ST_BODY_B) - ui_line_h(a, ST_SMALL_B)) / 2, key);
    } else if (st == MS_CHOSEN) {
        ui_icon_check(a, ui_rect(in.x, in.y, kw - ui_px(a, 10), kw - ui_px(a, 10)), a->th->good);
    } else if (st == MS_LOCKED) {
        ui_icon_lock(a, ui_rect(in.x, in.y, kw - ui_px(a, 10), kw - ui_px(a, 10)), a->th->dim);
    }
    return open || st == MS_CHOSEN ? a->th->text : a->th->dim;
}

/* The risk line's label column: wide enough for the word in any language. */
static int risk_w(ui_app *a)
{
    int w = ui_text_width(a, ST_SMALL_B, _("RISK")) + ui_px(a, 10);
    return w > ui_px(a, 60) ? w : ui_px(a, 60);
}

static void card_hit(ui_app *a, SDL_Rect r, int move, int st);

/* Lays out (and unless measure, draws) a move card; *height receives its
   height. number > 0 shows the key that chooses it. */
void ui_move_card(ui_app *a, SDL_Rect r, int move, int number, int *height, int measure)
{
    const def_move *m = &a->ses->sc->moves[move];
    char why[512], status[900], cost[64];
    SDL_Color sc;
    int st = ui_move_state(a, move, why, sizeof why);
    status_line(a, move, st, why, status, sizeof status, &sc);
    cost_text(m, a->ses->g, cost, sizeof cost);
    int pad = ui_px(a, 14), gap = ui_px(a, 6);
    int fl = measure ? TX_MEASURE | TX_FLOW : TX_FLOW;
    SDL_Rect in = ui_inset(r, pad);
    int kw = ui_line_h(a, ST_BODY_B) + ui_px(a, 10); /* the key or state icon */
    int cw = ui_chip_w(a, cost);
    int narrow = in.w - kw - cw < in.w * 7 / 10; /* then the cost goes under the label */
    SDL_Rect head = ui_rect(in.x + kw, in.y, in.w - kw - (narrow ? 0 : cw + ui_px(a, 12)), 0);
    int chiph = ui_line_h(a, ST_SMALL_B) + ui_px(a, 4);
    int hh = ui_text_h(a, ST_BODY_B, m->label, head.w) + (narrow ? chiph + gap : 0);
    int y = in.y + hh + gap;
    int th = m->text ? ui_text_h(a, ST_BODY, m->text, in.w - kw) : 0;
    int rw = risk_w(a), rh = m->risk ? ui_text_h(a, ST_BODY_I, m->risk, in.w - kw - rw) : 0;
    int sh = status[0] ? ui_text_h(a, ST_SMALL_B, status, in.w - kw - ui_px(a, 30)) : 0;
    y += (th ? th + gap : 0) + (rh ? rh + gap : 0) + (sh ? sh + gap : 0);
    *height = y - r.y - gap + pad;
    if (measure) return;
    r.h = *height;
    SDL_Color tc = card_face(a, r, in, kw, st, number);
    head.h = hh - (narrow ? chiph + gap : 0);
    ui_text(a, ST_BODY_B, tc, head, m->label, fl);
    int cx = narrow ? in.x + kw : in.x + in.w - cw, cy = narrow ? in.y + head.h + gap : in.y;
    ui_chip(a, ui_rect(cx, cy, cw, chiph), cost,
            m->cost ? ui_mix(a->th->panel, a->th->accent, 0.3f) : a->th->panel, a->th->text);
    y = in.y + hh + gap;
    SDL_Rect body = ui_rect(in.x + kw, y, in.w - kw, 0);
    if (th) body.h = th, ui_text(a, ST_BODY, a->th->dim, body, m->text, fl), body.y += th + gap;
    if (rh) {
        SDL_Rect lab = ui_rect(body.x, body.y, rw, rh);
        ui_text(a, ST_SMALL_B, a->th->warn, lab, _("RISK"), TX_ELLIPSIS);
        SDL_Rect rt = ui_rect(body.x + rw, body.y, body.w - rw, rh);
        ui_text(a, ST_BODY_I, a->th->text, rt, m->risk, fl);
        body.y += rh + gap;
    }
    if (sh)
        ui_text(a, ST_SMALL_B, sc, ui_rect(body.x, body.y, body.w - ui_px(a, 30), sh), status, fl);
    card_hit(a, r, move, st);
}

/* Open moves are focused and chosen; a locked one, clicked, says why. */
static void card_hit(ui_app *a, SDL_Rect r, int move, int st)
{
    int act = a->ses->sc->moves[move].event >= 0 ? ACT_OPTION : ACT_ACTION;
    if (st == MS_OPEN) ui_focus_ring(a, r, act, move);
    if (st == MS_OPEN || st == MS_LOCKED) ui_hit_add(a, r, act, move, st == MS_OPEN);
}

void ui_move_hit(ui_app *a, SDL_Rect r, int move)
{
    char why[8];
    if (ui_move_state(a, move, why, sizeof why) == MS_OPEN)
        ui_hit_hidden(a, r, a->ses->sc->moves[move].event >= 0 ? ACT_OPTION : ACT_ACTION, move);
}

void ui_action_card(ui_app *a, SDL_Rect r, int move, int *height, int measure)
{
    const def_move *m = &a->ses->sc->moves[move];
    char why[512], status[900], cost[64];
    SDL_Color sc;
    int st = ui_move_state(a, move, why, sizeof why);
    status_line(a, move, st, why, status, sizeof status, &sc);
    cost_text(m, a->ses->g, cost, sizeof cost);
    int pad = ui_px(a, 8), gap = ui_px(a, 4), sl = ui_line_h(a, ST_SMALL);
    SDL_Rect in = ui_inset(r, pad);
    in.x += ui_px(a, 4), in.w -= ui_px(a, 8); /* a little more room beside than above */
    int kw = ui_line_h(a, ST_BODY_B) + ui_px(a, 10), lh = ui_line_h(a, ST_BODY_B);
    int th = m->text ? sl : 0; /* a one-line summary: the whole is in the confirm dialog */
    int chiph = ui_line_h(a, ST_SMALL_B) + ui_px(a, 4);
    *height = pad + lh + (th ? gap + th : 0) + gap + chiph + pad;
    if (measure) return;
    r.h = *height;
    SDL_Color tc = card_face(a, r, in, kw, st, 0);
    ui_text(a, ST_BODY_B, tc, ui_rect(in.x + kw, in.y, in.w - kw, lh), m->label, TX_ELLIPSIS);
    int y = in.y + lh + gap;
    if (th)
        ui_text(a, ST_SMALL, a->th->dim, ui_rect(in.x + kw, y, in.w - kw, th), m->text, TX_CLAMP);
    if (th) y += th + gap;
    /* The cost, and beside it why it is locked (a click says it whole). */
    int cw = ui_chip_w(a, cost);
    if (cw > in.w - kw) cw = in.w - kw;
    ui_chip(a, ui_rect(in.x + kw, y, cw, chiph), cost,
            m->cost ? ui_mix(a->th->panel, a->th->accent, 0.3f) : a->th->panel, a->th->text);
    SDL_Rect sr = ui_rect(in.x + kw + cw + ui_px(a, 10), y, in.w - kw - cw - ui_px(a, 10), chiph);
    if (status[0] && sr.w > 0) ui_text(a, ST_SMALL_B, sc, sr, status, TX_VCENTER | TX_ELLIPSIS);
    card_hit(a, r, move, st);
}
