/*
 * ui_widgets.c -- hit areas, keyboard focus and the few widgets every screen
 * uses (panels, buttons, chips, scrolled regions).
 *
 * Focus is remembered by what a widget does (action and argument), not by
 * its position in the list, so it survives a relayout after a resize.
 */
#include <string.h>

#include "i18n.h"
#include "ui_app.h"

void ui_hit_add(ui_app *a, SDL_Rect r, int action, int arg, int focusable)
{
    if (a->block_hits || a->nhits >= (int)(sizeof a->hits / sizeof a->hits[0])) return;
    SDL_Rect full = r;
    if (a->clipping) {
        SDL_Rect vis;
        if (!SDL_IntersectRect(&r, &a->clip, &vis)) {
            if (!focusable) return;
            vis = ui_rect(0, 0, 0, 0); /* out of sight: for Tab, not for the mouse */
        }
        r = vis;
    }
    ui_hit *h = &a->hits[a->nhits++];
    h->r = r, h->action = action, h->arg = arg, h->focusable = focusable;
    h->full = full, h->sreg = a->clipping ? a->cur_sreg : -1;
}

void ui_hit_hidden(ui_app *a, SDL_Rect r, int action, int arg)
{
    ui_hit_add(a, r, action, arg, 1);
}

/* The last-registered hit wins: it was drawn on top. */
int ui_hit_at(const ui_app *a, int x, int y)
{
    SDL_Point p = {x, y};
    for (int i = a->nhits - 1; i >= 0; i--)
        if (SDL_PointInRect(&p, &a->hits[i].r)) return i;
    return -1;
}

int ui_is_focus(const ui_app *a, int action, int arg)
{
    return a->focus_act != ACT_NONE && a->focus_act == action && a->focus_arg == arg;
}

int ui_is_hover(const ui_app *a, SDL_Rect r)
{
    SDL_Point p = {a->mx, a->my};
    if (a->block_hits || !SDL_PointInRect(&p, &r)) return 0;
    return !a->clipping || SDL_PointInRect(&p, &a->clip);
}

void ui_focus_ring(ui_app *a, SDL_Rect r, int action, int arg)
{
    if (!ui_is_focus(a, action, arg) || a->block_hits) return;
    int t = ui_px(a, 3) > 2 ? ui_px(a, 3) : 2;
    ui_frame(a, ui_inset(r, -t - 1), ui_px(a, 10), t, a->th->focus);
}

void ui_panel(ui_app *a, SDL_Rect r, const char *title, SDL_Rect *body)
{
    int pad = ui_px(a, 18);
    ui_round(a, r, ui_px(a, 10), a->th->panel);
    a->under = a->th->panel;
    if (a->high_contrast) ui_frame(a, r, ui_px(a, 10), ui_px(a, 2), a->th->border);
    SDL_Rect in = ui_inset(r, pad);
    if (title) {
        SDL_Rect t = ui_cut_top(&in, ui_line_h(a, ST_H3), ui_px(a, 10));
        ui_text(a, ST_H3, a->th->dim, t, title, TX_ELLIPSIS);
    }
    if (body) *body = in;
}

int ui_scroll_panel(ui_app *a, SDL_Rect r, const char *title, int id, SDL_Rect *body,
                    SDL_Rect *view)
{
    int bar = ui_px(a, 14);
    ui_panel(a, r, title, body);
    *view = *body;
    body->w -= bar;
    return ui_scroll_begin(a, id, *view) + body->y;
}

/* A button's face: its background and frame; returns whether it is hovered. */
static int button_face(ui_app *a, SDL_Rect r, int primary)
{
    const ui_theme *th = a->th;
    int hover = ui_is_hover(a, r);
    SDL_Color bg = primary ? th->accent : hover ? th->hover : th->raised;
    if (primary && hover) bg = ui_mix(th->accent, th->text, 0.25f);
    ui_round(a, r, ui_px(a, 8), bg);
    if (!primary) ui_frame(a, r, ui_px(a, 8), ui_px(a, 2) > 1 ? ui_px(a, 2) : 1, th->border);
    return hover;
}

int ui_button(ui_app *a, SDL_Rect r, const char *label, int action, int arg, int primary)
{
    const ui_theme *th = a->th;
    int hover = button_face(a, r, primary);
    ui_text(a, ST_BODY_B, primary ? th->on_accent : th->text, ui_inset(r, ui_px(a, 6)), label,
            TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    ui_focus_ring(a, r, action, arg);
    ui_hit_add(a, r, action, arg, 1);
    return hover;
}

/* A button whose key is shown at its right end, the label centred in the rest. */
int ui_button_key(ui_app *a, SDL_Rect r, const char *label, const char *key, int action, int arg,
                  int primary)
{
    const ui_theme *th = a->th;
    int hover = button_face(a, r, primary);
    SDL_Color fg = primary ? th->on_accent : th->text;
    int kw = ui_text_width(a, ST_SMALL_B, key) + ui_px(a, 14), kh = ui_line_h(a, ST_SMALL_B);
    SDL_Rect kr = ui_rect(r.x + r.w - kw - ui_px(a, 14), r.y + (r.h - kh) / 2, kw, kh);
    ui_frame(a, kr, ui_px(a, 5), ui_px(a, 2) > 1 ? ui_px(a, 2) : 1, fg);
    ui_text(a, ST_SMALL_B, fg, kr, key, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    SDL_Rect lr = ui_rect(r.x + ui_px(a, 10), r.y, kr.x - r.x - ui_px(a, 16), r.h);
    ui_text(a, ST_BODY_B, fg, lr, label, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    ui_focus_ring(a, r, action, arg);
    ui_hit_add(a, r, action, arg, 1);
    return hover;
}

int ui_chip_w(ui_app *a, const char *label)
{
    return ui_text_width(a, ST_SMALL_B, label) + ui_px(a, 20);
}

void ui_chip(ui_app *a, SDL_Rect r, const char *label, SDL_Color bg, SDL_Color fg)
{
    ui_round(a, r, r.h / 2, bg);
    ui_text(a, ST_SMALL_B, fg, r, label, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
}

void ui_key_hint(ui_app *a, int x, int y, const char *key)
{
    int w = ui_text_width(a, ST_SMALL_B, key) + ui_px(a, 14);
    int h = ui_line_h(a, ST_SMALL_B);
    if (w < h) w = h;
    SDL_Rect r = ui_rect(x, y, w, h);
    ui_frame(a, r, ui_px(a, 5), ui_px(a, 2) > 1 ? ui_px(a, 2) : 1, a->th->dim);
    ui_text(a, ST_SMALL_B, a->th->dim, r, key, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
}

/* Scrolled regions ------------------------------------------------------------ */

/* Clipping always stays inside the frame's limit. An empty intersection
   clips to a rectangle off the target: SDL takes an empty one for none. */
void ui_clip(ui_app *a, const SDL_Rect *r)
{
    SDL_Rect in, off = {-2, -2, 1, 1};
    if (a->limit.w <= 0)
        SDL_RenderSetClipRect(a->ren, r);
    else if (!r)
        SDL_RenderSetClipRect(a->ren, &a->limit);
    else
        SDL_RenderSetClipRect(a->ren, SDL_IntersectRect(r, &a->limit, &in) ? &in : &off);
}

int ui_scroll_begin(ui_app *a, int id, SDL_Rect r)
{
    a->cur_sreg = -1;
    if (a->nsregs < (int)(sizeof a->sregs / sizeof a->sregs[0]) && !a->block_hits)
        a->cur_sreg = a->nsregs, a->sregs[a->nsregs].r = r, a->sregs[a->nsregs++].id = id;
    a->clip = r;
    a->clipping = 1;
    ui_clip(a, &r);
    return -a->scroll[a->screen][id];
}

/* The label sits on a strip of the background with a fade above it, so that
   it never lies over a line of text that can still be read. */
static void more_below(ui_app *a, SDL_Rect r, int bw)
{
    const char *more = _("more below — scroll or PgDn");
    int lh = ui_line_h(a, ST_SMALL), fade = ui_px(a, 24) > 4 ? ui_px(a, 24) : 4;
    int strip = lh + 6, x = r.x, w = r.w - bw * 2;
    SDL_Color c = a->under;
    for (int i = 0; i < fade; i++) {
        c.a = (Uint8)(255 * (i + 1) / (fade + 1));
        ui_fill(a, ui_rect(x, r.y + r.h - strip - fade + i, w, 1), c);
    }
    c.a = 255;
    ui_fill(a, ui_rect(x, r.y + r.h - strip, w, strip), c);
    int cw = ui_text_width(a, ST_SMALL, more) + ui_px(a, 20);
    SDL_Rect m = ui_rect(r.x + r.w - cw - bw * 3, r.y + r.h - lh - 3, cw, lh);
    ui_chip(a, m, more, a->th->raised, a->th->dim);
}

void ui_scroll_end(ui_app *a, int id, SDL_Rect r, int content_h)
{
    ui_clip(a, NULL);
    a->clipping = 0, a->cur_sreg = -1;
    int max = content_h > r.h ? content_h - r.h : 0;
    a->scroll_max[a->screen][id] = max;
    int *sc = &a->scroll[a->screen][id];
    if (*sc > max) *sc = max;
    if (*sc < 0) *sc = 0;
    if (!max) return;
    /* A scroll bar, and a word, so that hidden content is never a surprise. */
    int bw = ui_px(a, 6) > 3 ? ui_px(a, 6) : 3;
    SDL_Rect track = ui_rect(r.x + r.w - bw, r.y, bw, r.h);
    ui_round(a, track, bw / 2, a->th->raised);
    int th = r.h * r.h / content_h, ty = r.y + (r.h - th) * *sc / max;
    ui_round(a, ui_rect(track.x, ty, bw, th), bw / 2, a->th->dim);
    if (*sc < max) more_below(a, r, bw);
}

int ui_visible(const ui_app *a, SDL_Rect r)
{
    if (!a->clipping) return 1;
    return SDL_HasIntersection(&r, &a->clip);
}

void ui_scroll_by(ui_app *a, int x, int y, int dy)
{
    SDL_Point p = {x, y};
    for (int i = 0; i < a->nsregs; i++) {
        if (x >= 0 && !SDL_PointInRect(&p, &a->sregs[i].r)) continue;
        int *sc = &a->scroll[a->screen][a->sregs[i].id];
        *sc += dy;
        int max = a->scroll_max[a->screen][a->sregs[i].id];
        if (*sc > max) *sc = max;
        if (*sc < 0) *sc = 0;
        a->dirty = 1;
        return;
    }
}
