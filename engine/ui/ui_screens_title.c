/*
 * ui_screens_title.c -- the title screen: the scenarios found in scenarios/
 * (title, summary, length, roles), a new game with its seed and, where the
 * scenario has variants, the variant-mode toggle; and recent saves to resume.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_app.h"
#include "util.h"

static int scen_card(ui_app *a, SDL_Rect r, int i, int measure)
{
    const ui_scen_entry *e = &a->scens[i];
    int pad = ui_px(a, 18), gap = ui_px(a, 6);
    SDL_Rect in = ui_inset(r, pad);
    char meta[512];
    if (e->error)
        str_fmt(meta, sizeof meta, _("Cannot be loaded: %s"), e->error);
    else
        str_fmt(meta, sizeof meta, _("%d turns · %d roles: %s%s"), e->nturns, e->nroles, e->roles,
                e->nvariants ? _(" · has variants") : "");
    int h1 = ui_text_h(a, ST_H3, e->title, in.w);
    int h2 = e->summary ? ui_text_h(a, ST_BODY, e->summary, in.w) : 0;
    int h3 = ui_text_h(a, ST_SMALL_B, meta, in.w);
    int h = pad + h1 + gap + (h2 ? h2 + gap : 0) + h3 + pad;
    if (measure) return h;
    r.h = h;
    int sel = i == a->scen_sel;
    ui_round(a, r, ui_px(a, 10),
             sel                 ? a->th->raised
             : ui_is_hover(a, r) ? a->th->hover
                                 : a->th->panel);
    if (sel)
        ui_fill(a, ui_rect(r.x, r.y + ui_px(a, 8), ui_px(a, 5), r.h - ui_px(a, 16)), a->th->accent);
    in = ui_inset(r, pad);
    ui_text(a, ST_H3, a->th->text, ui_cut_top(&in, h1, gap), e->title, TX_FLOW);
    if (h2) ui_text(a, ST_BODY, a->th->dim, ui_cut_top(&in, h2, gap), e->summary, TX_FLOW);
    ui_text(a, ST_SMALL_B, e->error ? a->th->bad : a->th->accent, ui_cut_top(&in, h3, 0), meta,
            TX_FLOW);
    ui_focus_ring(a, r, ACT_PICK_SCEN, i);
    ui_hit_add(a, r, ACT_PICK_SCEN, i, 1);
    return h;
}

static void scenario_list(ui_app *a, SDL_Rect r)
{
    int y0 = ui_scroll_begin(a, SREG_MAIN, r) + r.y, y = y0, gap = ui_px(a, 14);
    for (int i = 0; i < a->nscens; i++) {
        SDL_Rect c = ui_rect(r.x, y, r.w - ui_px(a, 14), 0);
        c.h = scen_card(a, c, i, 1);
        if (ui_visible(a, c))
            scen_card(a, c, i, 0);
        else
            ui_hit_hidden(a, c, ACT_PICK_SCEN, i);
        y += c.h + gap;
    }
    if (!a->nscens) {
        char msg[UI_PATH_MAX + 100];
        str_fmt(msg, sizeof msg, _("No scenarios found in %s."), a->scen_root);
        y += ui_text(a, ST_BODY, a->th->warn, ui_rect(r.x, y, r.w, r.h), msg, 0);
    }
    ui_scroll_end(a, SREG_MAIN, r, y - y0);
}

static void new_game_panel(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(a, r, _("NEW GAME"), &body);
    if (!a->nscens) return;
    const ui_scen_entry *e = &a->scens[a->scen_sel];
    int gap = ui_px(a, 12), bh = ui_px(a, 56);
    ui_text(a, ST_H2, a->th->text, ui_cut_top(&body, ui_line_h(a, ST_H2), gap), e->title,
            TX_ELLIPSIS);
    char seed[64];
    str_fmt(seed, sizeof seed, _("Seed %llu"), (unsigned long long)a->seed);
    SDL_Rect row = ui_cut_top(&body, bh, gap);
    SDL_Rect sb =
        ui_cut_right(&row, ui_text_width(a, ST_BODY_B, _("New seed")) + ui_px(a, 48), gap);
    ui_text(a, ST_BODY_B, a->th->text, row, seed, TX_VCENTER | TX_ELLIPSIS);
    ui_button(a, sb, _("New seed"), ACT_NEW_SEED, 0, 0);
    if (e->nvariants) {
        row = ui_cut_top(&body, bh, gap);
        const char *v = a->variant_mode ? _("Variant: drawn by the seed (hidden truth may differ)")
                                        : _("Variant: the one written first (as it happened)");
        ui_button(a, row, v, ACT_VARIANT, 0, 0);
    }
    SDL_Rect go = ui_cut_top(&body, bh, gap);
    ui_button_key(a, go, _("Start new game"), "Enter", ACT_NEW_GAME, a->scen_sel, 1);
}

static void saves_panel(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(a, r, _("RECENT SAVES"), &body);
    int gap = ui_px(a, 10), rh = ui_line_h(a, ST_BODY_B) + ui_line_h(a, ST_SMALL) + ui_px(a, 20);
    if (!a->nsaves)
        ui_text(a, ST_BODY, a->th->dim, body,
                _("No saves yet. Every game is saved as it is played."), 0);
    for (int i = 0; i < a->nsaves && body.h >= rh; i++) {
        SDL_Rect row = ui_cut_top(&body, rh, gap);
        ui_round(a, row, ui_px(a, 8), ui_is_hover(a, row) ? a->th->hover : a->th->raised);
        SDL_Rect in = ui_inset(row, ui_px(a, 10));
        char meta[128];
        const char *base = strrchr(a->saves[i].path, '/');
        str_fmt(meta, sizeof meta, _("%s · %d moves · %s"), a->saves[i].started,
                a->saves[i].commands, base ? base + 1 : a->saves[i].path);
        ui_text(a, ST_BODY_B, a->th->text, ui_cut_top(&in, ui_line_h(a, ST_BODY_B), 0),
                a->saves[i].scenario, TX_ELLIPSIS);
        ui_text(a, ST_SMALL, a->th->dim, in, meta, TX_ELLIPSIS);
        ui_focus_ring(a, row, ACT_RESUME, i);
        ui_hit_add(a, row, ACT_RESUME, i, 1);
    }
}

static SDL_Rect error_box(ui_app *a, SDL_Rect *r)
{
    int pad = ui_px(a, 14);
    int h = ui_text_h(a, ST_BODY, a->error, r->w - 2 * pad) + 2 * pad;
    int max = r->h / 3;
    SDL_Rect b = ui_cut_top(r, h < max ? h : max, ui_px(a, 14));
    ui_round(a, b, ui_px(a, 8), ui_mix(a->th->panel, a->th->bad, 0.2f));
    ui_frame(a, b, ui_px(a, 8), ui_px(a, 2), a->th->bad);
    ui_text(a, ST_BODY, a->th->text, ui_inset(b, pad), a->error, h < max ? 0 : TX_FLOW);
    return b;
}

void ui_title_draw(ui_app *a)
{
    int m = ui_px(a, 48);
    SDL_Rect r = ui_rect(m, ui_px(a, 36), a->pw - 2 * m, a->ph - ui_px(a, 36) - m);
    SDL_Rect head = ui_cut_top(&r, ui_line_h(a, ST_DISPLAY), 0);
    int w = ui_text_width(a, ST_DISPLAY, "Crisis Room");
    ui_text(a, ST_DISPLAY, a->th->text, head, "Crisis Room", TX_ELLIPSIS);
    SDL_Rect tag = ui_rect(head.x + w + ui_px(a, 24), head.y, head.w - w - ui_px(a, 24), head.h);
    ui_text(a, ST_H3, a->th->dim, tag, _("a tabletop cyber-crisis exercise"),
            TX_VCENTER | TX_ELLIPSIS);
    ui_cut_top(&r, 0, ui_px(a, 20));
    if (a->error[0]) error_box(a, &r);
    SDL_Rect right = ui_cut_right(&r, r.w * 38 / 100, ui_px(a, 32));
    ui_text(a, ST_H3, a->th->dim, ui_cut_top(&r, ui_line_h(a, ST_H3), ui_px(a, 12)), _("SCENARIOS"),
            TX_ELLIPSIS);
    scenario_list(a, r);
    int ng = ui_px(a, 18) * 2 + ui_line_h(a, ST_H3) + ui_line_h(a, ST_H2) + ui_px(a, 56) * 3 +
             ui_px(a, 12) * 4 + ui_px(a, 10);
    new_game_panel(a, ui_cut_top(&right, ng, ui_px(a, 20)));
    saves_panel(a, right);
}
