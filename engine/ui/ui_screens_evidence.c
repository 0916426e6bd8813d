/*
 * ui_screens_evidence.c -- the evidence board: revealed cards grouped by
 * rows (e.g. level) and columns (e.g. the hypothesis they support), each with
 * its source grades (reliability, credibility); the selected card in full;
 * and the attribution decisions open to the moving role.
 */
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "i18n.h"
#include "ui_app.h"
#include "util.h"

static const char *attr(const def_card *c, const char *key)
{
    for (int i = 0; key && i < c->nattrs; i++)
        if (!strcmp(c->attrs[i].key, key)) return c->attrs[i].val;
    return NULL;
}

static int index_of(char **list, int n, const char *v)
{
    for (int i = 0; v && i < n; i++)
        if (!strcmp(list[i], v)) return i;
    return n; /* "other" */
}

/* A column's or row's value as people read it: "iran" -> "Iran",
   "state_actor" -> "State actor" (the board's values are ids). */
static void heading(const char *id, char *buf, size_t size)
{
    str_fmt(buf, size, "%s", id);
    for (char *p = buf; *p; p++)
        if (*p == '_') *p = ' ';
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 32);
}

static void grade(const def_card *c, char *buf, size_t size)
{
    const char *r = attr(c, "reliability"), *k = attr(c, "credibility");
    str_fmt(buf, size, "%s%s", r ? r : "", k ? k : "");
}

static int tile(ui_app *a, SDL_Rect r, int card, int measure)
{
    const def_card *c = &a->ses->sc->cards[card];
    char g[32], meta[64];
    grade(c, g, sizeof g);
    str_fmt(meta, sizeof meta, _("turn %d"), a->ses->g->card_turn[card]);
    int pad = ui_px(a, 8), gw = g[0] ? ui_chip_w(a, g) : 0;
    int th = ui_text_h(a, ST_SMALL_B, c->title, r.w - 2 * pad);
    int h = pad + th + ui_px(a, 4) + ui_line_h(a, ST_SMALL_B) + pad;
    if (measure) return h;
    r.h = h;
    int sel = a->sel_card == card;
    ui_round(a, r, ui_px(a, 6),
             sel                 ? ui_mix(a->th->raised, a->th->accent, 0.25f)
             : ui_is_hover(a, r) ? a->th->hover
                                 : a->th->raised);
    SDL_Rect in = ui_inset(r, pad);
    ui_text(a, ST_SMALL_B, a->th->text, ui_cut_top(&in, th, ui_px(a, 4)), c->title, TX_FLOW);
    if (gw) ui_chip(a, ui_rect(in.x, in.y, gw, in.h), g, a->th->panel, a->th->accent);
    ui_text(a, ST_SMALL, a->th->dim,
            ui_rect(in.x + gw + ui_px(a, 8), in.y, in.w - gw - ui_px(a, 8), in.h), meta,
            TX_ELLIPSIS);
    ui_focus_ring(a, r, ACT_CARD, card);
    ui_hit_add(a, r, ACT_CARD, card, 1);
    return h;
}

typedef struct grid {
    const def_board *b;
    int board, ncol, nrow, has_other_col, has_other_row;
} grid;

static void grid_shape(ui_app *a, grid *gr)
{
    const def_board *b = gr->b;
    gr->ncol = b->ncolumns ? b->ncolumns : 1;
    gr->nrow = b->nrows ? b->nrows : 1;
    gr->has_other_col = gr->has_other_row = 0;
    viewer v = ui_view(a);
    for (int i = view_next_card(&v, a->ses->g, -1); i >= 0; i = view_next_card(&v, a->ses->g, i)) {
        const def_card *c = &a->ses->sc->cards[i];
        if (c->board != gr->board) continue;
        if (b->ncolumns &&
            index_of(b->columns, b->ncolumns,
                     attr(c, b->column_attr ? b->column_attr : "supports")) == b->ncolumns)
            gr->has_other_col = 1;
        if (b->nrows &&
            index_of(b->rows, b->nrows, attr(c, b->row_attr ? b->row_attr : "level")) == b->nrows)
            gr->has_other_row = 1;
    }
}

static int cell_of(const grid *gr, const def_card *c, int *col, int *row)
{
    const def_board *b = gr->b;
    *col = b->ncolumns ? index_of(b->columns, b->ncolumns,
                                  attr(c, b->column_attr ? b->column_attr : "supports"))
                       : 0;
    *row = b->nrows ? index_of(b->rows, b->nrows, attr(c, b->row_attr ? b->row_attr : "level")) : 0;
    return 1;
}

/* One row of the board: tiles stacked in each column cell. Returns height. */
static int board_row(ui_app *a, const grid *gr, int row, SDL_Rect r, int colw, int headw,
                     int measure)
{
    int gap = ui_px(a, 8), tallest = ui_line_h(a, ST_BODY_B), ncols = gr->ncol + gr->has_other_col;
    int y[16] = {0};
    viewer v = ui_view(a);
    for (int i = view_next_card(&v, a->ses->g, -1); i >= 0; i = view_next_card(&v, a->ses->g, i)) {
        const def_card *c = &a->ses->sc->cards[i];
        int col, rw;
        if (c->board != gr->board) continue;
        cell_of(gr, c, &col, &rw);
        if (rw != row || col >= 16) continue;
        SDL_Rect t = ui_rect(r.x + headw + col * (colw + gap), r.y + y[col], colw, 0);
        t.h = tile(a, t, i, 1);
        if (!measure && ui_visible(a, t))
            tile(a, t, i, 0);
        else if (!measure)
            ui_hit_hidden(a, t, ACT_CARD, i);
        y[col] += t.h + gap;
    }
    for (int k = 0; k < ncols && k < 16; k++)
        if (y[k] > tallest) tallest = y[k];
    if (!measure) {
        const char *name = row < gr->b->nrows ? gr->b->rows[row] : _("other");
        char up[64];
        heading(name, up, sizeof up);
        ui_text(a, ST_BODY_B, a->th->dim, ui_rect(r.x, r.y, headw - gap, tallest), up, TX_FLOW);
        ui_fill(a, ui_rect(r.x, r.y + tallest + gap / 2, r.w, 1 > ui_px(a, 1) ? 1 : ui_px(a, 1)),
                a->th->border);
    }
    return tallest + gap;
}

static int board_content(ui_app *a, int board, SDL_Rect r, int y)
{
    grid gr = {&a->ses->sc->boards[board], board, 0, 0, 0, 0};
    grid_shape(a, &gr);
    int gap = ui_px(a, 8), ncols = gr.ncol + gr.has_other_col, nrows = gr.nrow + gr.has_other_row;
    int headw = 0; /* as wide as the longest row name */
    for (int i = 0; i < gr.b->nrows; i++) {
        int w = ui_text_width(a, ST_BODY_B, gr.b->rows[i]) + ui_px(a, 24);
        if (w > headw) headw = w;
    }
    if (headw > r.w / 4) headw = r.w / 4;
    int colw = (r.w - headw - ui_px(a, 14) - gap * (ncols - 1)) / (ncols ? ncols : 1);
    if (gr.b->ncolumns) {
        for (int k = 0; k < ncols; k++) {
            char name[64];
            heading(k < gr.b->ncolumns ? gr.b->columns[k] : _("other"), name, sizeof name);
            SDL_Rect h = ui_rect(r.x + headw + k * (colw + gap), y, colw,
                                 ui_line_h(a, ST_BODY_B) + ui_px(a, 12));
            ui_round(a, h, ui_px(a, 6), a->th->raised);
            ui_text(a, ST_BODY_B, a->th->text, h, name, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
        }
        y += ui_line_h(a, ST_BODY_B) + ui_px(a, 12) + gap * 2;
    }
    for (int row = 0; row < nrows; row++)
        y += board_row(a, &gr, row, ui_rect(r.x, y, r.w - ui_px(a, 14), 0), colw, headw, 0) + gap;
    return y;
}

static void boards_panel(ui_app *a, SDL_Rect r)
{
    const def_scenario *sc = a->ses->sc;
    SDL_Rect body;
    int shown = 0;
    viewer v = ui_view(a);
    for (int i = view_next_card(&v, a->ses->g, -1); i >= 0; i = view_next_card(&v, a->ses->g, i))
        shown++;
    char title[160];
    str_fmt(title, sizeof title, _("%s · %d of %d cards revealed"),
            sc->nboards ? sc->boards[0].title : _("EVIDENCE"), shown, sc->ncards);
    ui_panel(a, r, title, &body);
    int y0 = ui_scroll_begin(a, SREG_MAIN, body) + body.y, y = y0;
    for (int b = 0; b < sc->nboards; b++) {
        if (!view_sees_board(&v, a->ses->g, b)) continue;
        if (b) {
            y += ui_px(a, 20);
            y += ui_text(a, ST_H3, a->th->dim, ui_rect(body.x, y, body.w, 0), sc->boards[b].title,
                         TX_FLOW);
        }
        if (sc->boards[b].text && b == 0)
            y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(body.x, y, body.w - ui_px(a, 14), 0),
                         sc->boards[b].text, TX_FLOW) +
                 ui_px(a, 8);
        if (analysis_is_board(sc, b)) /* the team's matrix of hypotheses */
            y = ui_analysis_board(a, b, ui_rect(body.x, body.y, body.w - ui_px(a, 14), body.h), y);
        else
            y = board_content(a, b, body, y);
    }
    if (!sc->nboards)
        y += ui_text(a, ST_BODY, a->th->dim, body, _("This scenario has no evidence board."), 0);
    ui_scroll_end(a, SREG_MAIN, body, y - y0);
}

/* Right column: the card in full, then the attribution decision. */
static int card_detail(ui_app *a, SDL_Rect r, int y)
{
    viewer v = ui_view(a);
    if (!view_sees_card(&v, a->ses->g, a->sel_card)) { /* none, or taken back by an undo */
        return y +
               ui_text(a, ST_BODY, a->th->dim, ui_rect(r.x, y, r.w, 0),
                       _("Select a card to read it in full (click, or Tab and Enter)."), TX_FLOW) +
               ui_px(a, 16);
    }
    const def_card *c = &a->ses->sc->cards[a->sel_card];
    int w = r.w, gap = ui_px(a, 8);
    char line[600] = "";
    y += ui_text(a, ST_H3, a->th->text, ui_rect(r.x, y, w, 0), c->title, TX_FLOW) + gap;
    for (int i = 0; i < c->nattrs; i++)
        str_cat(line, sizeof line, "%s%s: %s", i ? " · " : "", c->attrs[i].key, c->attrs[i].val);
    y += ui_text(a, ST_SMALL_B, a->th->accent, ui_rect(r.x, y, w, 0), line, TX_FLOW) + gap;
    if (c->text)
        y += ui_text(a, ST_BODY, a->th->text, ui_rect(r.x, y, w, 0), c->text, TX_FLOW) + gap;
    /* An analysis board's card: its provenance is in its attributes; the
       citation, the true grade and the key come at the debrief. */
    if (analysis_board_of(a->ses->sc, a->sel_card) >= 0)
        return ui_analysis_card(a, a->sel_card, r, y) + ui_px(a, 12);
    if (c->source) {
        str_fmt(line, sizeof line, _("Source: %s"), c->source);
        for (int k = 0; k < a->ses->sc->nsources; k++)
            if (!strcmp(a->ses->sc->sources[k].id, c->source) && a->ses->sc->sources[k].title)
                str_fmt(line, sizeof line, _("Source: %s"), a->ses->sc->sources[k].title);
        y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x, y, w, 0), line, TX_FLOW) + gap;
    }
    return y + ui_px(a, 12);
}

/* An attribution decision: its options depend on evidence, or it says so. */
static int relevant(const def_scenario *sc, const def_event *e)
{
    if (strstr(e->id, "attrib") || strstr(e->title, "ttribut")) return 1;
    for (int k = 0; k < e->noptions; k++)
        if (sc->moves[e->options[k]].req.ncards) return 1;
    return 0;
}

static int decisions(ui_app *a, SDL_Rect r, int y)
{
    const game *g = a->ses->g;
    const def_scenario *sc = a->ses->sc;
    int n = 0;
    y +=
        ui_text(a, ST_H3, a->th->dim, ui_rect(r.x, y, r.w, 0), _("ATTRIBUTION DECISION"), TX_FLOW) +
        ui_px(a, 10);
    viewer v = ui_view(a);
    for (int i = view_next_item(&v, g, -1); i >= 0; i = view_next_item(&v, g, i)) {
        const game_item *it = &g->items[i];
        if (it->event < 0 || !relevant(sc, &sc->events[it->event])) continue;
        const def_event *e = &sc->events[it->event];
        y += ui_text(a, ST_BODY_B, a->th->text, ui_rect(r.x, y, r.w, 0), e->title, TX_FLOW) +
             ui_px(a, 6);
        for (int k = 0; k < e->noptions; k++) {
            int h;
            SDL_Rect c = ui_rect(r.x, y, r.w, 0);
            ui_move_card(a, c, e->options[k], 0, &h, 1);
            c.h = h;
            if (ui_visible(a, c))
                ui_move_card(a, c, e->options[k], 0, &h, 0);
            else
                ui_move_hit(a, c, e->options[k]);
            y += h + ui_px(a, 8);
        }
        n++;
    }
    if (!n)
        y += ui_text(a, ST_BODY, a->th->dim, ui_rect(r.x, y, r.w, 0),
                     _("No attribution decision has reached this role yet. Cards keep arriving as "
                       "the investigation goes on."),
                     TX_FLOW);
    return y;
}

void ui_evidence_draw(ui_app *a)
{
    SDL_Rect r = ui_chrome(a, _("Evidence board"));
    SDL_Rect right = ui_cut_right(&r, r.w * 32 / 100, ui_px(a, 16));
    boards_panel(a, r);
    SDL_Rect body;
    ui_panel(a, right, _("CARD"), &body);
    int y0 = ui_scroll_begin(a, SREG_SIDE, body) + body.y;
    SDL_Rect inner = ui_rect(body.x, body.y, body.w - ui_px(a, 14), body.h);
    int y = card_detail(a, inner, y0);
    y = decisions(a, inner, y);
    ui_scroll_end(a, SREG_SIDE, body, y - y0);
}
