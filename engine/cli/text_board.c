/*
 * text_board.c -- the text mode's `board` (text.h): each board a viewer
 * sees, as the grid of its columns and rows that the window's evidence
 * screen draws, in characters; a list by row and column when the grid does
 * not fit; then every card in full.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "analysis.h"
#include "text.h"
#include "util.h"

/* The board as a grid of its columns and rows, as the window's evidence
   screen draws it. A cell is narrower than this, and the grid gives way to
   a list by row and column: a title of two or three words a line. */
#define BOARD_MIN_CELL 12
/* Row names wider than this wrap in their column. */
#define BOARD_MAX_HEAD 16

/* Columns of s[0..n), counting UTF-8 sequences once. */
static int text_cols(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Bytes of s that fill at most w columns (never half a UTF-8 sequence). */
static size_t text_fit(const char *s, int w)
{
    size_t i = 0;
    for (int c = 0; s[i]; c++) {
        if (c == w) break;
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* text wrapped at w columns into out, each line ended by '\n'; a word
   longer than w is cut. */
static void wrap_cell(const char *text, int w, strbuf *out)
{
    int col = 0;
    for (const char *p = text + strspn(text, " "); *p;) {
        size_t n = strcspn(p, " ");
        int len = text_cols(p, n);
        if (col && col + 1 + len > w) sb_puts(out, "\n"), col = 0;
        if (len > w && !col) n = text_fit(p, w), len = w;
        if (col) sb_puts(out, " "), col++;
        sb_add(out, p, n);
        col += len;
        p += n;
        p += strspn(p, " ");
    }
    if (col || !out->len) sb_puts(out, "\n");
}

/* Line k of a wrapped cell, padded to w columns, onto out. */
static void cell_line(const strbuf *cell, int k, int w, strbuf *out)
{
    const char *p = cell->len ? cell->s : "", *end = p + cell->len;
    for (; k > 0 && p < end; k--) p = strchr(p, '\n') + 1;
    size_t n = p < end ? strcspn(p, "\n") : 0;
    sb_add(out, p, n);
    sb_printf(out, "%*s", w - text_cols(p, n), "");
}

static const char *card_attr(const def_card *c, const char *key)
{
    for (int i = 0; i < c->nattrs; i++)
        if (!strcmp(c->attrs[i].key, key)) return c->attrs[i].val;
    return NULL;
}

static int place_of(char **names, int n, const char *v)
{
    for (int i = 0; v && i < n; i++)
        if (!strcmp(names[i], v)) return i;
    return n; /* "other" */
}

typedef struct bgrid {
    const def_board *b;
    int ncol, nrow; /* with an "other" column or row when a card needs one */
    int headw, cellw;
    int *cards, ncards; /* the visible cards of the board, numbered from 1 */
    int *col, *row;     /* each card's cell */
} bgrid;

static void bgrid_place(bgrid *gr, const def_scenario *sc)
{
    const def_board *b = gr->b;
    gr->ncol = b->ncolumns ? b->ncolumns : 1, gr->nrow = b->nrows ? b->nrows : 1;
    for (int i = 0; i < gr->ncards; i++) {
        const def_card *c = &sc->cards[gr->cards[i]];
        const char *ca = card_attr(c, b->column_attr ? b->column_attr : "supports");
        const char *ra = card_attr(c, b->row_attr ? b->row_attr : "level");
        gr->col[i] = b->ncolumns ? place_of(b->columns, b->ncolumns, ca) : 0;
        gr->row[i] = b->nrows ? place_of(b->rows, b->nrows, ra) : 0;
        if (gr->col[i] == gr->ncol) gr->ncol++;
        if (gr->row[i] == gr->nrow) gr->nrow++;
    }
}

static const char *col_name(const bgrid *gr, int k)
{
    return k < gr->b->ncolumns ? gr->b->columns[k] : _("other");
}

static const char *row_name(const bgrid *gr, int r)
{
    return r < gr->b->nrows ? gr->b->rows[r] : _("other");
}

/* Widths for a line of width columns; 0 when the cells would be too narrow. */
static int bgrid_fit(bgrid *gr, int width)
{
    gr->headw = 0;
    for (int r = 0; gr->b->nrows && r < gr->nrow; r++) {
        const char *n = row_name(gr, r);
        int w = text_cols(n, strlen(n));
        if (w > gr->headw) gr->headw = w > BOARD_MAX_HEAD ? BOARD_MAX_HEAD : w;
    }
    /* "HEAD | cell | cell": 3 columns of " | " before each cell */
    int lead = gr->headw ? gr->headw : -3;
    gr->cellw = (width - lead - 3 * gr->ncol) / gr->ncol;
    return gr->cellw >= BOARD_MIN_CELL;
}

static void dashes(int n)
{
    while (n-- > 0) putchar('-');
}

static void bgrid_rule(const bgrid *gr)
{
    dashes(gr->headw);
    for (int k = 0; k < gr->ncol; k++) {
        if (k || gr->headw) printf("-+-");
        dashes(gr->cellw);
    }
    printf("\n");
}

/* One line of cells, lines tall: the head (when the rows have names) and
   ncol cells. */
static void bgrid_line(const bgrid *gr, const strbuf *head, const strbuf *cells, int lines)
{
    strbuf b = {0};
    for (int k = 0; k < lines; k++) {
        b.len = 0;
        if (gr->headw) cell_line(head, k, gr->headw, &b);
        for (int c = 0; c < gr->ncol; c++) {
            sb_puts(&b, c || gr->headw ? " | " : "");
            cell_line(&cells[c], k, gr->cellw, &b);
        }
        while (b.len && b.s[b.len - 1] == ' ') b.len--;
        printf("%.*s\n", (int)b.len, b.s);
    }
    sb_free(&b);
}

static int lines_of(const strbuf *b)
{
    int n = 0;
    for (size_t i = 0; i < b->len; i++) n += b->s[i] == '\n';
    return n;
}

/* Row r's cells: each of its cards as "[n] title". Returns the row's height. */
static int bgrid_cells(const bgrid *gr, const def_scenario *sc, int r, strbuf *head, strbuf *cells)
{
    int tall = 1;
    wrap_cell(gr->b->nrows ? row_name(gr, r) : "", gr->headw ? gr->headw : 1, head);
    for (int i = 0; i < gr->ncards; i++) {
        if (gr->row[i] != r) continue;
        char item[600];
        str_fmt(item, sizeof item, "[%d] %s", i + 1, sc->cards[gr->cards[i]].title);
        wrap_cell(item, gr->cellw, &cells[gr->col[i]]);
    }
    for (int c = 0; c < gr->ncol; c++)
        if (lines_of(&cells[c]) > tall) tall = lines_of(&cells[c]);
    return lines_of(head) > tall ? lines_of(head) : tall;
}

static void bgrid_print(const bgrid *gr, const def_scenario *sc)
{
    strbuf head = {0}, *cells = xcalloc((size_t)gr->ncol, sizeof *cells);
    for (int c = 0; c < gr->ncol; c++) wrap_cell(col_name(gr, c), gr->cellw, &cells[c]);
    if (gr->b->ncolumns) {
        int tall = 1;
        for (int c = 0; c < gr->ncol; c++)
            if (lines_of(&cells[c]) > tall) tall = lines_of(&cells[c]);
        bgrid_line(gr, &head, cells, tall);
    }
    for (int r = 0; r < gr->nrow; r++) {
        if (r || gr->b->ncolumns) bgrid_rule(gr);
        head.len = 0;
        for (int c = 0; c < gr->ncol; c++) cells[c].len = 0;
        int tall = bgrid_cells(gr, sc, r, &head, cells);
        bgrid_line(gr, &head, cells, tall);
    }
    for (int c = 0; c < gr->ncol; c++) sb_free(&cells[c]);
    free(cells);
    sb_free(&head);
}

/* The fallback: the cards by row and column, a line each cell. */
static void bgrid_list(int width, const bgrid *gr, const def_scenario *sc)
{
    for (int r = 0; r < gr->nrow; r++)
        for (int c = 0; c < gr->ncol; c++) {
            strbuf b = {0};
            for (int i = 0; i < gr->ncards; i++)
                if (gr->row[i] == r && gr->col[i] == c)
                    sb_printf(&b, "%s[%d] %s", b.len ? "; " : "", i + 1,
                              sc->cards[gr->cards[i]].title);
            if (!b.len) continue;
            char line[4096];
            str_fmt(line, sizeof line, "%s%s%s: %s", gr->b->nrows ? row_name(gr, r) : "",
                    gr->b->nrows && gr->b->ncolumns ? " / " : "",
                    gr->b->ncolumns ? col_name(gr, c) : "", b.s);
            text_wrap(width, 2, line);
            sb_free(&b);
        }
}

/* Each card in full, by its number on the grid. */
static void print_cards(const game *g, const bgrid *gr, int width)
{
    for (int i = 0; i < gr->ncards; i++) {
        const def_card *c = &g->sc->cards[gr->cards[i]];
        char line[1024];
        str_fmt(line, sizeof line, _("[%d] %s (turn %d)"), i + 1, c->title,
                g->card_turn[gr->cards[i]]);
        text_wrap(width, 2, line);
        if (c->text) text_wrap(width, 6, c->text);
        strbuf b = {0};
        for (int a = 0; a < c->nattrs; a++)
            sb_printf(&b, "%s%s: %s", a ? "; " : "", c->attrs[a].key, c->attrs[a].val);
        if (b.len) text_wrap(width, 6, b.s);
        sb_free(&b);
    }
}

static void print_one_board(const game *g, int board, const viewer *v, int width)
{
    const def_scenario *sc = g->sc;
    if (analysis_is_board(sc, board)) { /* the team's matrix of hypotheses */
        text_analysis_board(g, board, v, width);
        text_analysis_cards(g, board, v, width);
        return;
    }
    bgrid gr = {.b = &sc->boards[board]};
    size_t n = (size_t)sc->ncards + 1;
    gr.cards = xcalloc(n, sizeof(int)), gr.col = xcalloc(n, sizeof(int));
    gr.row = xcalloc(n, sizeof(int));
    for (int c = view_next_card(v, g, -1); c >= 0; c = view_next_card(v, g, c))
        if (sc->cards[c].board == board) gr.cards[gr.ncards++] = c;
    printf("%s\n", gr.b->title);
    if (gr.b->text) text_wrap(width, 2, gr.b->text);
    bgrid_place(&gr, sc);
    if (!gr.ncards)
        printf(_("  (no cards yet)\n"));
    else if (!gr.b->ncolumns && !gr.b->nrows)
        ;
    else if (bgrid_fit(&gr, width))
        bgrid_print(&gr, sc), printf("\n");
    else
        printf(_("  (%d columns are too narrow for the grid: by row and column)\n"), width),
            bgrid_list(width, &gr, sc), printf("\n");
    print_cards(g, &gr, width);
    free(gr.cards), free(gr.col), free(gr.row);
}

void text_board(const game *g, const viewer *v, int width)
{
    for (int b = 0, n = 0; b < g->sc->nboards; b++)
        if (view_sees_board(v, g, b))
            printf("%s", n++ ? "\n" : ""), print_one_board(g, b, v, width);
    if (!g->sc->nboards) printf(_("This scenario has no boards.\n"));
}
