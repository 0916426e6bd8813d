/*
 * text_analysis.c -- the text mode's analysis board (text.h, analysis.h):
 * the matrix of the revealed cards by the competing hypotheses, with the
 * team's grade of each and its mark against each hypothesis, the
 * assessment that follows, and at the debrief the true grades, the key and
 * how the grading scored.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "analysis.h"
#include "text.h"
#include "util.h"

/* Widest a card's id is shown in the matrix (ids are at most 40). */
#define MATRIX_ID_W 18

static const char *fit_cell(int fit)
{
    static const char *const cell[FIT_COUNT] = {".", "C", "I", "N"};
    return cell[fit < FIT_COUNT ? fit : 0];
}

static int col_width(const def_board *b, int h)
{
    int w = (int)strlen(b->hyps[h].key);
    return w < 3 ? 3 : w;
}

/* A line of the matrix, without the blanks its last cell was padded with. */
static void put_line(strbuf *l)
{
    while (l->len && l->s[l->len - 1] == ' ') l->len--;
    printf("%.*s\n", (int)l->len, l->s ? l->s : "");
    l->len = 0;
}

static void matrix_head(const def_board *b)
{
    strbuf l = {0};
    sb_printf(&l, "  %-*s  %-5s", MATRIX_ID_W + 5, _("card"), _("grade"));
    for (int h = 0; h < b->nhyps; h++) sb_printf(&l, " | %-*s", col_width(b, h), b->hyps[h].key);
    put_line(&l);
    sb_free(&l);
}

/* One card's row: its number and id, the team's grade, its marks; at the
   debrief (key) the true grade and the key after a slash. */
static void matrix_row(const game *g, int n, int c, int key)
{
    const def_card *d = &g->sc->cards[c];
    const def_board *b = &g->sc->boards[d->board];
    char grade[16] = "--", id[64], r;
    int k;
    if (analysis_grade_of(g, c, &r, &k)) str_fmt(grade, sizeof grade, "%c%d", r, k);
    if (key && d->reliability)
        str_cat(grade, sizeof grade, "/%c%d", d->reliability, d->credibility);
    str_fmt(id, sizeof id, "[%d] %.*s", n, MATRIX_ID_W, d->id);
    strbuf l = {0};
    sb_printf(&l, "  %-*s  %-5s", MATRIX_ID_W + 5, id, grade);
    for (int h = 0; h < b->nhyps; h++) {
        char cell[8];
        str_fmt(cell, sizeof cell, "%s%s%s", fit_cell(analysis_mark_of(g, c, h)), key ? "/" : "",
                key ? fit_cell(analysis_key_of(g->sc, c, h)) : "");
        sb_printf(&l, " | %-*s", col_width(b, h), cell);
    }
    put_line(&l);
    sb_free(&l);
}

static void legend(const def_board *b, const def_scenario *sc, int width, int key)
{
    strbuf l = {0};
    sb_printf(&l, _("Hypotheses: "));
    for (int h = 0; h < b->nhyps; h++)
        sb_printf(&l, "%s%s = %s", h ? "; " : "", b->hyps[h].key, b->hyps[h].val);
    text_wrap(width, 2, l.s);
    l.len = 0;
    sb_printf(&l,
              _("%s grades each card (`grade CARD B2`: the source's reliability, A completely "
                "reliable .. F cannot be judged, then the information's credibility, 1 confirmed "
                ".. 6 cannot be judged) and "
                "marks it against each hypothesis (`mark CARD HYPOTHESIS c|i|n`: consistent, "
                "inconsistent, neutral; '.' not yet marked)."),
              b->graded_by >= 0 ? sc->roles[b->graded_by].shortname : _("The team"));
    if (key) sb_puts(&l, _(" After each slash: the true grade, and the author's key."));
    text_wrap(width, 2, l.s);
    sb_free(&l);
}

void text_analysis_board(const game *g, int board, const viewer *v, int width)
{
    const def_board *b = &g->sc->boards[board];
    int n = 0, key = 0;
    printf("%s\n", b->title);
    if (b->text) text_wrap(width, 2, b->text);
    for (int c = view_next_card(v, g, -1); c >= 0; c = view_next_card(v, g, c))
        if (g->sc->cards[c].board == board) key |= view_sees_key(v, g, c), n++;
    legend(b, g->sc, width, key);
    if (!n) {
        printf(_("  (no cards yet)\n"));
        return;
    }
    matrix_head(b);
    n = 0;
    for (int c = view_next_card(v, g, -1); c >= 0; c = view_next_card(v, g, c))
        if (g->sc->cards[c].board == board) matrix_row(g, ++n, c, view_sees_key(v, g, c));
    analysis a;
    char words[600];
    analysis_assess(g, board, 0, &a);
    analysis_words(g, &a, words, sizeof words);
    printf("\n");
    char line[700];
    str_fmt(line, sizeof line, _("The team's assessment: %s"), words);
    text_wrap(width, 2, line);
    printf("\n");
}

/* Each card in full, by its number in the matrix. */
void text_analysis_cards(const game *g, int board, const viewer *v, int width)
{
    int n = 0;
    for (int c = view_next_card(v, g, -1); c >= 0; c = view_next_card(v, g, c)) {
        const def_card *d = &g->sc->cards[c];
        if (d->board != board) continue;
        char line[1024];
        str_fmt(line, sizeof line, _("[%d] %s (%s, turn %d)"), ++n, d->title, d->id,
                g->card_turn[c]);
        text_wrap(width, 2, line);
        if (d->text) text_wrap(width, 6, d->text);
        strbuf b = {0};
        for (int a = 0; a < d->nattrs; a++)
            sb_printf(&b, "%s%s: %s", a ? "; " : "", d->attrs[a].key, d->attrs[a].val);
        if (b.len) text_wrap(width, 6, b.s);
        sb_free(&b);
    }
}

void text_analysis_score(const game *g, int board, int width)
{
    analysis_score s;
    analysis_score_of(g, board, &s);
    strbuf b = {0};
    analysis_score_words(g, &s, &b);
    for (char *p = b.s, *nl; p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl) *nl = '\0';
        text_wrap(width, 2, p);
    }
    sb_free(&b);
}
