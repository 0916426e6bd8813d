/*
 * ui_screens_menu.c -- the dialogs drawn over a screen: the menu (Esc:
 * save, load, settings, quit), the confirmation of a move, where the
 * players may type the rationale that goes into the journal, and the
 * question F9 asks before the console takes the players' screen.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_app.h"
#include "util.h"

static SDL_Rect dialog(ui_app *a, int w, int h, const char *title)
{
    ui_fill(a, ui_rect(0, 0, a->pw, a->ph), a->th->shadow);
    if (w > a->pw - ui_px(a, 40)) w = a->pw - ui_px(a, 40);
    if (h > a->ph - ui_px(a, 40)) h = a->ph - ui_px(a, 40);
    SDL_Rect r = ui_rect((a->pw - w) / 2, (a->ph - h) / 2, w, h);
    ui_round(a, r, ui_px(a, 12), a->th->panel);
    ui_frame(a, r, ui_px(a, 12), ui_px(a, 2), a->th->border);
    SDL_Rect in = ui_inset(r, ui_px(a, 28));
    ui_text(a, ST_H2, a->th->text, ui_cut_top(&in, ui_line_h(a, ST_H2), ui_px(a, 16)), title,
            TX_ELLIPSIS);
    return in;
}

static void menu_main(ui_app *a, SDL_Rect in, int bh, int gap)
{
    if (a->ses) ui_button(a, ui_cut_top(&in, bh, gap), _("Resume the game"), ACT_MENU, 0, 1);
    if (a->ses) ui_button(a, ui_cut_top(&in, bh, gap), _("Save"), ACT_SAVE, 0, 0);
    ui_button(a, ui_cut_top(&in, bh, gap), _("Load a saved game"), ACT_MENU_PAGE, MENU_LOAD, 0);
    ui_button(a, ui_cut_top(&in, bh, gap), _("Settings"), ACT_MENU_PAGE, MENU_SETTINGS, 0);
    if (a->ses)
        ui_button(a, ui_cut_top(&in, bh, gap), _("Quit to the title screen"), ACT_TO_TITLE, 0, 0);
    ui_button(a, ui_cut_top(&in, bh, gap), _("Quit Crisis Room"), ACT_QUIT, 0, 0);
    if (a->ses && a->save_path[0])
        ui_text(a, ST_SMALL, a->th->dim, in, _("Every move is saved as it is made."), TX_ELLIPSIS);
}

static void menu_load(ui_app *a, SDL_Rect in, int bh, int gap)
{
    SDL_Rect back = ui_cut_bottom(&in, bh, gap);
    for (int i = 0; i < a->nsaves && in.h >= bh; i++) {
        char label[600];
        const char *base = strrchr(a->saves[i].path, '/');
        str_fmt(label, sizeof label, _("%s · %d moves"), base ? base + 1 : a->saves[i].path,
                a->saves[i].commands);
        ui_button(a, ui_cut_top(&in, bh, gap), label, ACT_LOAD, i, 0);
    }
    if (!a->nsaves) ui_text(a, ST_BODY, a->th->dim, in, _("No saved games yet."), 0);
    ui_button(a, back, _("Back"), ACT_MENU_PAGE, MENU_MAIN, 0);
}

static void menu_settings(ui_app *a, SDL_Rect in, int bh, int gap)
{
    char scale[64];
    str_fmt(scale, sizeof scale, _("Text size %d%% (Ctrl + / Ctrl -)"),
            (int)(a->user_scale * 100 + 0.5f));
    ui_text(a, ST_BODY_B, a->th->text, ui_cut_top(&in, bh, gap), scale, TX_VCENTER | TX_ELLIPSIS);
    SDL_Rect row = ui_cut_top(&in, bh, gap);
    SDL_Rect half = ui_cut_left(&row, (row.w - gap) / 2, gap);
    ui_button(a, half, _("Smaller"), ACT_SCALE, -1, 0);
    ui_button(a, row, _("Larger"), ACT_SCALE, 1, 0);
    ui_button(a, ui_cut_top(&in, bh, gap),
              a->fullscreen ? _("Leave full screen (F11)") : _("Full screen (F11)"), ACT_FULLSCREEN,
              0, 0);
    ui_button(a, ui_cut_top(&in, bh, gap),
              a->high_contrast ? _("Theme: high contrast — switch to calm dark")
                               : _("Theme: calm dark — switch to high contrast"),
              ACT_CONTRAST, 0, 0);
    ui_button(a, ui_cut_bottom(&in, bh, gap), _("Back"), ACT_MENU_PAGE, MENU_MAIN, 0);
}

void ui_menu_draw(ui_app *a)
{
    int bh = ui_px(a, 58), gap = ui_px(a, 12);
    static const char *titles[] = {N_("Menu"), N_("Load a saved game"), N_("Settings")};
    SDL_Rect in = dialog(a, ui_px(a, 720), ui_px(a, 660), _(titles[a->menu_page]));
    if (a->menu_page == MENU_LOAD)
        menu_load(a, in, bh, gap);
    else if (a->menu_page == MENU_SETTINGS)
        menu_settings(a, in, bh, gap);
    else
        menu_main(a, in, bh, gap);
}

/* The confirmation of a move ------------------------------------------------------ */

static void targets(ui_app *a, SDL_Rect *in, const def_move *m, int gap)
{
    int bh = ui_px(a, 52), cols = m->ntargets > 4 ? 2 : 1;
    ui_text(a, ST_BODY_B, a->th->text, ui_cut_top(in, ui_line_h(a, ST_BODY_B), gap),
            _("Target (keys 1–9):"), TX_ELLIPSIS);
    for (int t = 0; t < m->ntargets; t += cols) {
        SDL_Rect row = ui_cut_top(in, bh, gap / 2);
        for (int c = 0; c < cols && t + c < m->ntargets; c++) {
            SDL_Rect b = c + 1 < cols ? ui_cut_left(&row, (row.w - gap) / 2, gap) : row;
            char label[200];
            str_fmt(label, sizeof label, "%d  %s%s", t + c + 1,
                    m->targets[t + c].val ? m->targets[t + c].val : m->targets[t + c].key,
                    a->pend_target == t + c ? _("  (chosen)") : "");
            ui_button(a, b, label, ACT_TARGET, t + c, a->pend_target == t + c);
        }
    }
    ui_cut_top(in, 0, gap);
}

static void rationale_field(ui_app *a, SDL_Rect r)
{
    ui_round(a, r, ui_px(a, 8), a->th->bg);
    ui_frame(a, r, ui_px(a, 8), ui_px(a, 2), a->typing ? a->th->accent : a->th->border);
    SDL_Rect in = ui_inset(r, ui_px(a, 12));
    char shown[460];
    str_fmt(shown, sizeof shown, "%s%s", a->rationale, a->typing ? "|" : "");
    if (a->rationale[0] || a->typing)
        ui_text(a, ST_BODY, a->th->text, in, a->rationale[0] ? shown : "|", TX_FLOW);
    if (!a->rationale[0])
        ui_text(a, ST_BODY_I, a->th->dim,
                ui_rect(in.x + ui_px(a, 14), in.y, in.w - ui_px(a, 14), in.h),
                _("Why? Type a short rationale for the record (optional)."), TX_ELLIPSIS);
    ui_hit_add(a, r, ACT_RATIONALE, 0, 0);
}

/* What the dialog confirms: a move, or an ad-hoc decision's option. */
typedef struct confirmed {
    const def_move *m; /* NULL: an ad-hoc option */
    const char *label, *text, *risk;
    int cost, decision;
} confirmed;

static confirmed what_is_confirmed(const ui_app *a)
{
    confirmed c = {0};
    if (a->pend_move >= 0) {
        c.m = &a->ses->sc->moves[a->pend_move];
        c.label = c.m->label, c.text = c.m->text, c.risk = c.m->risk, c.cost = c.m->cost;
        c.decision = c.m->event >= 0;
        return c;
    }
    const game_item *it = &a->ses->g->items[a->pend_item];
    c.label = it->opts[a->pend_opt], c.text = it->title, c.decision = 1;
    return c;
}

void ui_confirm_draw(ui_app *a)
{
    confirmed c = what_is_confirmed(a);
    const def_move *m = c.m;
    char risk[600] = "";
    if (c.risk) str_fmt(risk, sizeof risk, _("Risk: %s"), c.risk);
    int gap = ui_px(a, 14), bh = ui_px(a, 58), w = ui_px(a, 980);
    int tw = w - ui_px(a, 56);
    int th = c.text ? ui_text_h(a, ST_BODY, c.text, tw) + gap : 0;
    int rh = risk[0] ? ui_text_h(a, ST_BODY_I, risk, tw) + gap : 0;
    int nt = m ? m->ntargets : 0;
    int rows = nt ? (nt + (nt > 4 ? 1 : 0)) / (nt > 4 ? 2 : 1) : 0;
    int targ = nt ? ui_line_h(a, ST_BODY_B) + gap + rows * (ui_px(a, 52) + gap / 2) + gap : 0;
    int fh = ui_px(a, 24) + 3 * ui_line_h(a, ST_BODY);
    int h = ui_px(a, 56) + ui_line_h(a, ST_H2) + ui_px(a, 16) + ui_text_h(a, ST_H3, c.label, tw) +
            gap + th + rh + targ + fh + gap + bh + ui_px(a, 8);
    SDL_Rect in =
        dialog(a, w, h, c.decision ? _("Confirm your decision") : _("Confirm the action"));
    int lh = ui_text_h(a, ST_H3, c.label, in.w);
    ui_text(a, ST_H3, a->th->accent, ui_cut_top(&in, lh, gap), c.label, 0);
    if (c.text) ui_text(a, ST_BODY, a->th->dim, ui_cut_top(&in, th - gap, gap), c.text, 0);
    if (rh) ui_text(a, ST_BODY_I, a->th->warn, ui_cut_top(&in, rh - gap, gap), risk, 0);
    if (nt) targets(a, &in, m, gap);
    rationale_field(a, ui_cut_top(&in, fh, gap));
    SDL_Rect row = ui_cut_top(&in, bh, 0);
    SDL_Rect cancel = ui_cut_right(&row, ui_px(a, 220), gap);
    char ok[160];
    str_fmt(ok, sizeof ok, _("Confirm (Enter) · costs %d point%s"), c.cost, c.cost == 1 ? "" : "s");
    ui_button(a, row, c.cost ? ok : _("Confirm (Enter)"), ACT_CONFIRM, 0, 1);
    ui_button(a, cancel, _("Cancel (Esc)"), ACT_CANCEL, 0, 0);
}

/* End move with something left undone ---------------------------------------------- */

void ui_end_warning_draw(ui_app *a)
{
    const char *const q = _("End the move anyway? Nothing more is asked this move.");
    int gap = ui_px(a, 16), bh = ui_px(a, 58), w = ui_px(a, 1040), tw = w - ui_px(a, 56);
    int h1 = ui_text_h(a, ST_BODY, a->end_warning, tw), h2 = ui_text_h(a, ST_BODY_B, q, tw);
    int h =
        ui_px(a, 56) + ui_line_h(a, ST_H2) + ui_px(a, 16) + h1 + gap + h2 + gap + bh + ui_px(a, 8);
    SDL_Rect in = dialog(a, w, h, _("Before the move ends"));
    ui_text(a, ST_BODY, a->th->text,
            ui_cut_top(&in, ui_text_h(a, ST_BODY, a->end_warning, in.w), gap), a->end_warning, 0);
    ui_text(a, ST_BODY_B, a->th->warn, ui_cut_top(&in, ui_text_h(a, ST_BODY_B, q, in.w), gap), q,
            0);
    SDL_Rect row = ui_cut_top(&in, bh, 0);
    SDL_Rect back = ui_cut_right(&row, (row.w - gap) / 2, gap);
    ui_button_key(a, row, _("End the move anyway"), "End", ACT_END_ANYWAY, 0, 0);
    ui_button_key(a, back, _("Go back"), "Esc", ACT_CANCEL, 0, 1);
}

/* F9 without a console window --------------------------------------------------- */

void ui_console_ask_draw(ui_app *a)
{
    const char *const why =
        _("The console shows the hidden truth, hidden meters and every inject still to come. "
          "Everyone who can see this screen will see them. Start with --console to give the "
          "console a window of its own, or with --presenter to keep it off a projected one.");
    int gap = ui_px(a, 16), bh = ui_px(a, 58), w = ui_px(a, 1040), tw = w - ui_px(a, 56);
    int h = ui_px(a, 56) + ui_line_h(a, ST_H2) + ui_px(a, 16) + ui_text_h(a, ST_BODY, why, tw) +
            gap + bh + ui_px(a, 8);
    SDL_Rect in = dialog(a, w, h, _("Show the facilitator's console on this screen?"));
    ui_text(a, ST_BODY, a->th->text, ui_cut_top(&in, ui_text_h(a, ST_BODY, why, in.w), gap), why,
            0);
    SDL_Rect row = ui_cut_top(&in, bh, 0);
    SDL_Rect no = ui_cut_right(&row, (row.w - gap) / 2, gap);
    ui_button(a, row, _("Yes, show it here (Y)"), ACT_CON_SHOW, 0, 0);
    ui_button(a, no, _("No (N, Esc)"), ACT_CANCEL, 0, 1);
}
