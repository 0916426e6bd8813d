/*
 * ui_analysis_ctl.c -- what a click or a key does on an analysis board's
 * matrix (ui_screens_analysis.c draws it): every change is a command line,
 * `grade CARD B2` or `mark CARD HYPOTHESIS FIT`, sent through ui_apply as
 * every front end sends it. The keyboard: the arrows move a cursor over the
 * cells (Tab moves between them too); a letter A-F then a digit 1-6 grade
 * the card of the cursor's row; C, I and N mark its hypothesis (Delete or
 * Backspace clears it); Enter on a mark cycles it.
 */
#include <string.h>

#include "i18n.h"
#include "analysis.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

/* Rows of the matrix the arrows walk at most: as many cards as a scenario holds. */
#define MX_MAX_ROWS 2000

/* The analysis board of the screen, or -1. */
static int first_board(const ui_app *a)
{
    for (int b = 0; b < a->ses->sc->nboards; b++)
        if (analysis_is_board(a->ses->sc, b)) return b;
    return -1;
}

static int editable(ui_app *a, int card)
{
    int b = analysis_board_of(a->ses->sc, card);
    if (b >= 0 && ui_analysis_editable(a, b)) return 1;
    if (b >= 0)
        ui_set_status(a, _("Only %s grades and marks these cards, on its move."),
                      ui_role_name(a, a->ses->sc->boards[b].graded_by));
    return 0;
}

static void send_grade(ui_app *a, int card, char rel, int cred)
{
    char line[128];
    str_fmt(line, sizeof line, "%s %s %c%d", cmd_names[CMD_GRADE], a->ses->sc->cards[card].id, rel,
            cred);
    a->mx_rel = 0;
    if (!ui_apply(a, line))
        ui_set_status(a, _("Graded %c%d: %s"), rel, cred, a->ses->sc->cards[card].title);
}

static void send_mark(ui_app *a, int card, int h, int fit)
{
    const def_board *b = &a->ses->sc->boards[a->ses->sc->cards[card].board];
    char line[160];
    str_fmt(line, sizeof line, "%s %s %s %s", cmd_names[CMD_MARK], a->ses->sc->cards[card].id,
            b->hyps[h].key, fit == FIT_NONE ? "clear" : def_fit_names[fit]);
    ui_apply(a, line);
}

/* A letter for the source or a digit for the information: sent once both
   are known (the other from the card's grade, when it has one). */
static void grade_part(ui_app *a, int card, char rel, int cred)
{
    char r0 = 0;
    int c0 = 0;
    analysis_grade_of(a->ses->g, card, &r0, &c0);
    if (a->mx_card != card) a->mx_rel = 0;
    a->mx_card = card;
    a->sel_card = card;
    if (rel) {
        a->mx_rel = rel;
        if (c0)
            send_grade(a, card, rel, c0);
        else
            ui_set_status(a, _("Source %c: now the information's credibility, 1 to 6."), rel);
        return;
    }
    char r = a->mx_rel ? a->mx_rel : r0;
    if (!r) {
        ui_set_status(a, _("First the source's reliability, a letter from A to F."));
        return;
    }
    send_grade(a, card, r, cred);
}

static void cycle(ui_app *a, int card, int h)
{
    static const int next[FIT_COUNT] = {FIT_CONSISTENT, FIT_INCONSISTENT, FIT_NEUTRAL,
                                        FIT_CONSISTENT};
    send_mark(a, card, h, next[analysis_mark_of(a->ses->g, card, h)]);
}

void ui_analysis_do(ui_app *a, int action, int arg)
{
    int card = action == ACT_MX_FIT ? arg / 64 : action == ACT_MX_CELL ? arg / 16 : arg / 8;
    if (card < 0 || card >= a->ses->sc->ncards) return;
    a->sel_card = card;
    if (action == ACT_MX_CELL) {
        a->mx_card = card, a->mx_col = arg % 16;
        a->focus_act = ACT_MX_CELL, a->focus_arg = arg;
        if (a->mx_col > 0 && editable(a, card)) cycle(a, card, a->mx_col - 1);
        return;
    }
    if (!editable(a, card)) return;
    if (action == ACT_MX_REL) grade_part(a, card, (char)('A' + arg % 8), 0);
    if (action == ACT_MX_CRED) grade_part(a, card, 0, arg % 8 + 1);
    if (action == ACT_MX_FIT) send_mark(a, card, (arg / 4) % 16, arg % 4);
}

/* The revealed cards of the board in the matrix's order (by level, then
   declaration), into out; their count. */
static int rows_of(const ui_app *a, int board, int *out, int max)
{
    const def_scenario *sc = a->ses->sc;
    const def_board *b = &sc->boards[board];
    viewer v = ui_view(a);
    int n = 0;
    for (int lv = 0; lv <= b->nrows; lv++)
        for (int c = view_next_card(&v, a->ses->g, -1); c >= 0 && n < max;
             c = view_next_card(&v, a->ses->g, c)) {
            if (sc->cards[c].board != board) continue;
            int at = b->nrows;
            for (int i = 0; i < sc->cards[c].nattrs; i++)
                if (!strcmp(sc->cards[c].attrs[i].key, b->row_attr ? b->row_attr : "level"))
                    for (int k = 0; k < b->nrows; k++)
                        if (!strcmp(b->rows[k], sc->cards[c].attrs[i].val)) at = k;
            if (at == lv) out[n++] = c;
        }
    return n;
}

static int arrow(ui_app *a, int board, SDL_Keycode k)
{
    static int cards[MX_MAX_ROWS];
    int n = rows_of(a, board, cards, MX_MAX_ROWS), at = 0;
    if (!n) return 0;
    for (int i = 0; i < n; i++)
        if (cards[i] == a->mx_card) at = i;
    int cols = a->ses->sc->boards[board].nhyps + 1, col = a->mx_col;
    if (k == SDLK_UP) at = at > 0 ? at - 1 : 0;
    if (k == SDLK_DOWN) at = at + 1 < n ? at + 1 : n - 1;
    if (k == SDLK_LEFT) col = col > 0 ? col - 1 : 0;
    if (k == SDLK_RIGHT) col = col + 1 < cols ? col + 1 : cols - 1;
    a->mx_card = a->sel_card = cards[at], a->mx_col = col;
    a->focus_act = ACT_MX_CELL, a->focus_arg = cards[at] * 16 + col;
    return 1;
}

int ui_evidence_key(ui_app *a, SDL_Keycode k)
{
    int board = first_board(a);
    if (board < 0) return 0;
    if (k == SDLK_UP || k == SDLK_DOWN || k == SDLK_LEFT || k == SDLK_RIGHT) {
        if (a->focus_act != ACT_MX_CELL && a->focus_act != ACT_NONE) return 0;
        return arrow(a, board, k);
    }
    if (a->focus_act != ACT_MX_CELL) return 0;
    int card = a->focus_arg / 16, col = a->focus_arg % 16;
    if (card < 0 || card >= a->ses->sc->ncards) return 0;
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) return 0; /* the cell's own */
    int fit = k == SDLK_c                               ? FIT_CONSISTENT
              : k == SDLK_i                             ? FIT_INCONSISTENT
              : k == SDLK_n                             ? FIT_NEUTRAL
              : k == SDLK_DELETE || k == SDLK_BACKSPACE ? FIT_NONE
                                                        : -1;
    if (col > 0 && fit >= 0) {
        if (editable(a, card)) send_mark(a, card, col - 1, fit);
        return 1;
    }
    if (k >= SDLK_a && k <= SDLK_f) {
        if (editable(a, card)) grade_part(a, card, (char)('A' + (k - SDLK_a)), 0);
        return 1;
    }
    if (k >= SDLK_1 && k <= SDLK_6) {
        if (editable(a, card)) grade_part(a, card, 0, (int)(k - SDLK_1) + 1);
        return 1;
    }
    return 0;
}
