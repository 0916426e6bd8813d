/*
 * ui_screens_analysis.c -- the evidence screen of an analysis board
 * (analysis.h): the team's assessment at the top, then the matrix of the
 * revealed cards (rows, grouped by level) by the competing hypotheses
 * (columns), each card with the team's grade and its marks; in the card
 * panel, the grading controls. What a click or a key does is
 * ui_analysis_ctl.c's; here only what is drawn and where it can be hit.
 * At the debrief every cell shows the key beside the team's mark, every
 * grade the true grade, and the assessment box how the grading scored.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "analysis.h"
#include "logtext.h"
#include "ui_app.h"
#include "util.h"

/* Cells per row at most (the grade and CR_MAX_HYPOTHESES). */
#define MX_COLS (CR_MAX_HYPOTHESES + 1)

static const char *fit_letter(int fit)
{
    static const char *const l[FIT_COUNT] = {"·", "C", "I", "N"};
    return l[fit >= 0 && fit < FIT_COUNT ? fit : 0];
}

static SDL_Color fit_color(ui_app *a, int fit)
{
    return fit == FIT_CONSISTENT     ? a->th->good
           : fit == FIT_INCONSISTENT ? a->th->bad
           : fit == FIT_NEUTRAL      ? a->th->accent
                                     : a->th->border;
}

int ui_analysis_editable(const ui_app *a, int board)
{
    const game *g = a->ses->g;
    viewer v = ui_view(a);
    return !g->ended && v.kind == VIEW_TEAM && v.role == a->ses->sc->boards[board].graded_by;
}

/* The assessment box: the team's judgement and the weight against each
   hypothesis; at the debrief, the score. Returns its height. */
static int assessment(ui_app *a, int board, SDL_Rect r, int measure)
{
    const game *g = a->ses->g;
    const def_board *b = &a->ses->sc->boards[board];
    analysis an;
    char words[600], against[600];
    str_fmt(against, sizeof against, "%s", _("Evidence against each (lower is likelier): "));
    analysis_assess(g, board, 0, &an);
    analysis_words(g, &an, words, sizeof words);
    for (int h = 0; h < b->nhyps; h++)
        str_cat(against, sizeof against, "%s%s %.1f", h ? " · " : "", b->hyps[h].val,
                an.against[h]);
    viewer v = ui_view(a);
    strbuf score = {0};
    if (view_sees_truth(&v, g)) {
        analysis_score s;
        analysis_score_of(g, board, &s);
        analysis_score_words(g, &s, &score);
    }
    int pad = ui_px(a, 12), w = r.w - 2 * pad, gap = ui_px(a, 4);
    int h = pad + ui_text_h(a, ST_SMALL_B, _("THE TEAM'S ASSESSMENT"), w) + gap +
            ui_text_h(a, ST_H3, words, w) + gap + ui_text_h(a, ST_SMALL, against, w) + pad;
    if (score.len) h += gap + ui_text_h(a, ST_SMALL, score.s, w);
    if (!measure) {
        ui_round(a, ui_rect(r.x, r.y, r.w, h), ui_px(a, 8), a->th->raised);
        int y = r.y + pad;
        y += ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x + pad, y, w, 0),
                     _("THE TEAM'S ASSESSMENT"), TX_FLOW) +
             gap;
        y += ui_text(a, ST_H3, an.lead >= 0 ? a->th->text : a->th->dim, ui_rect(r.x + pad, y, w, 0),
                     words, TX_FLOW) +
             gap;
        y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x + pad, y, w, 0), against, TX_FLOW) + gap;
        if (score.len)
            ui_text(a, ST_SMALL, a->th->warn, ui_rect(r.x + pad, y, w, 0), score.s, TX_FLOW);
    }
    sb_free(&score);
    return h;
}

typedef struct mx_geom {
    int titlew, gradew, hypw, rowh, gap;
} mx_geom;

static mx_geom geom(ui_app *a, const def_board *b, int w)
{
    mx_geom m;
    m.gap = ui_px(a, 6);
    m.gradew = ui_text_width(a, ST_BODY_B, "B2 / B2") + ui_px(a, 16);
    m.hypw = (w * 56 / 100 - m.gradew) / (b->nhyps ? b->nhyps : 1) - m.gap;
    if (m.hypw > ui_px(a, 170)) m.hypw = ui_px(a, 170);
    m.titlew = w - m.gradew - (m.hypw + m.gap) * b->nhyps - m.gap;
    m.rowh = ui_line_h(a, ST_BODY_B) + ui_px(a, 12);
    return m;
}

static int header(ui_app *a, const def_board *b, const mx_geom *m, SDL_Rect r)
{
    int h = ui_line_h(a, ST_SMALL_B) * 2 + ui_px(a, 10), x = r.x + m->titlew + m->gap;
    ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x, r.y, m->titlew, h), _("CARD (click to read)"),
            TX_VCENTER | TX_ELLIPSIS);
    ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(x, r.y, m->gradew, h), _("GRADE"),
            TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    x += m->gradew + m->gap;
    for (int k = 0; k < b->nhyps; k++, x += m->hypw + m->gap) {
        SDL_Rect c = ui_rect(x, r.y, m->hypw, h);
        ui_round(a, c, ui_px(a, 6), a->th->raised);
        ui_text(a, ST_SMALL_B, a->th->text, ui_inset(c, ui_px(a, 4)), b->hyps[k].val,
                TX_CENTER | TX_VCENTER);
    }
    return h + m->gap;
}

/* A cell: the mark or the grade, with the key or the truth after a slash. */
static void cell(ui_app *a, SDL_Rect c, const char *mine, const char *truth, SDL_Color fg,
                 int action, int arg, int live)
{
    int focus = ui_is_focus(a, action, arg);
    ui_round(a, c, ui_px(a, 6),
             focus                       ? ui_mix(a->th->raised, a->th->accent, 0.35f)
             : live && ui_is_hover(a, c) ? a->th->hover
                                         : a->th->panel);
    char s[32];
    str_fmt(s, sizeof s, "%s%s%s", mine, truth ? " / " : "", truth ? truth : "");
    ui_text(a, ST_BODY_B, fg, c, s, TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    ui_focus_ring(a, c, action, arg);
    ui_hit_add(a, c, action, arg, 1);
}

static void row(ui_app *a, int card, const mx_geom *m, SDL_Rect r, int live)
{
    const game *g = a->ses->g;
    const def_card *d = &a->ses->sc->cards[card];
    const def_board *b = &a->ses->sc->boards[d->board];
    viewer v = ui_view(a);
    int key = view_sees_key(&v, g, card);
    SDL_Rect t = ui_rect(r.x, r.y, m->titlew, m->rowh);
    int sel = a->sel_card == card;
    ui_round(a, t, ui_px(a, 6), sel ? ui_mix(a->th->raised, a->th->accent, 0.25f) : a->th->raised);
    int in = ui_px(a, 8); /* a side margin only: the row is one line high */
    ui_text(a, ST_BODY, a->th->text, ui_rect(t.x + in, t.y, t.w - 2 * in, t.h), d->title,
            TX_VCENTER | TX_ELLIPSIS);
    ui_hit_add(a, t, ACT_CARD, card, 0);
    char mine[8] = "—", truth[8] = "", rel;
    int cred;
    if (analysis_grade_of(g, card, &rel, &cred)) str_fmt(mine, sizeof mine, "%c%d", rel, cred);
    if (key && d->reliability) str_fmt(truth, sizeof truth, "%c%d", d->reliability, d->credibility);
    int x = r.x + m->titlew + m->gap;
    cell(a, ui_rect(x, r.y, m->gradew, m->rowh), mine, truth[0] ? truth : NULL, a->th->text,
         ACT_MX_CELL, card * 16, live);
    x += m->gradew + m->gap;
    for (int h = 0; h < b->nhyps; h++, x += m->hypw + m->gap) {
        int fit = analysis_mark_of(g, card, h);
        cell(a, ui_rect(x, r.y, m->hypw, m->rowh), fit_letter(fit),
             key ? fit_letter(analysis_key_of(a->ses->sc, card, h)) : NULL, fit_color(a, fit),
             ACT_MX_CELL, card * 16 + h + 1, live);
    }
}

static int level_index(const def_board *b, const def_card *c)
{
    const char *attr = b->row_attr ? b->row_attr : "level";
    for (int i = 0; i < c->nattrs; i++)
        if (!strcmp(c->attrs[i].key, attr))
            for (int k = 0; k < b->nrows; k++)
                if (!strcmp(b->rows[k], c->attrs[i].val)) return k;
    return b->nrows;
}

/* The rows of one level, under its name; returns the new y. */
static int level(ui_app *a, int board, int lv, const mx_geom *m, SDL_Rect r, int y)
{
    const game *g = a->ses->g;
    const def_board *b = &a->ses->sc->boards[board];
    viewer v = ui_view(a);
    int any = 0, live = ui_analysis_editable(a, board);
    for (int c = view_next_card(&v, g, -1); c >= 0; c = view_next_card(&v, g, c)) {
        if (a->ses->sc->cards[c].board != board || level_index(b, &a->ses->sc->cards[c]) != lv)
            continue;
        if (!any++) {
            char name[64];
            str_fmt(name, sizeof name, "%s", lv < b->nrows ? b->rows[lv] : _("other"));
            if (name[0] >= 'a' && name[0] <= 'z') name[0] = (char)(name[0] - 32);
            y += ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x, y, r.w, 0), name, TX_FLOW) +
                 ui_px(a, 2);
        }
        SDL_Rect rr = ui_rect(r.x, y, r.w, m->rowh);
        if (ui_visible(a, rr)) row(a, c, m, rr, live);
        y += m->rowh + m->gap;
    }
    return y + (any ? ui_px(a, 6) : 0);
}

int ui_analysis_board(ui_app *a, int board, SDL_Rect r, int y)
{
    const def_board *b = &a->ses->sc->boards[board];
    const def_scenario *sc = a->ses->sc;
    char how[400];
    int live = ui_analysis_editable(a, board);
    if (live)
        str_fmt(how, sizeof how,
                _("Grade each card: a letter for the source (A completely reliable .. F cannot be "
                  "judged), a digit for the information (1 confirmed .. 6 cannot be judged). Mark "
                  "it against each hypothesis: C consistent, I inconsistent, N neutral (Delete "
                  "clears). Arrows move, Enter on a cell cycles its mark."));
    else
        str_fmt(how, sizeof how,
                _("%s grades and marks the cards, on its move. Everyone reads the "
                  "matrix and the assessment that follows from it."),
                b->graded_by >= 0 ? ui_role_name(a, b->graded_by) : _("The team"));
    y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x, y, r.w, 0), how, TX_FLOW) + ui_px(a, 8);
    SDL_Rect box = ui_rect(r.x, y, r.w, 0);
    y += assessment(a, board, box, 0) + ui_px(a, 12);
    mx_geom m = geom(a, b, r.w);
    y += header(a, b, &m, ui_rect(r.x, y, r.w, 0));
    for (int lv = 0; lv <= b->nrows; lv++) y = level(a, board, lv, &m, r, y);
    (void)sc;
    return y;
}

/* The card panel's grading part: the team's grade and marks as buttons
   (the grader, on its move), and at the debrief the answer and the source. */
static int buttons(ui_app *a, SDL_Rect r, int y, const char *label, const char *const *names, int n,
                   int action, int base, int on)
{
    int gap = ui_px(a, 6), bw = (r.w - gap * (n - 1)) / n,
        bh = ui_line_h(a, ST_BODY_B) + ui_px(a, 10);
    y += ui_text(a, ST_SMALL_B, a->th->dim, ui_rect(r.x, y, r.w, 0), label, TX_FLOW) + ui_px(a, 2);
    for (int i = 0; i < n; i++)
        ui_button(a, ui_rect(r.x + i * (bw + gap), y, bw, bh), names[i], action, base + i, i == on);
    return y + bh + ui_px(a, 8);
}

static int answer(ui_app *a, int card, SDL_Rect r, int y)
{
    const def_scenario *sc = a->ses->sc;
    const def_card *d = &sc->cards[card];
    const def_board *b = &sc->boards[d->board];
    char line[600] = "";
    if (d->reliability)
        str_fmt(line, sizeof line, _("True grade %c%d."), d->reliability, d->credibility);
    str_cat(line, sizeof line, _(" Key:"));
    for (int h = 0; h < b->nhyps; h++) {
        const char *fit = def_fit_names[analysis_key_of(sc, card, h)]; /* _("") is the header */
        str_cat(line, sizeof line, "%s %s %s", h ? "," : "", b->hyps[h].key, *fit ? _(fit) : "");
    }
    y += ui_text(a, ST_SMALL_B, a->th->warn, ui_rect(r.x, y, r.w, 0), line, TX_FLOW) + ui_px(a, 6);
    strbuf s = {0};
    sb_puts(&s, _("Source: "));
    for (int i = 0; i < d->nsources; i++) {
        if (i) sb_puts(&s, "; ");
        logtext_citation(sc, d->sources[i], &s);
    }
    if (d->nsources)
        y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x, y, r.w, 0), s.s, TX_FLOW) + ui_px(a, 6);
    sb_free(&s);
    return y;
}

int ui_analysis_card(ui_app *a, int card, SDL_Rect r, int y)
{
    static const char *const rel[6] = {"A", "B", "C", "D", "E", "F"};
    static const char *const cred[6] = {"1", "2", "3", "4", "5", "6"};
    static const char *const fits[3] = {"C", "I", "N"};
    const game *g = a->ses->g;
    const def_card *d = &a->ses->sc->cards[card];
    const def_board *b = &a->ses->sc->boards[d->board];
    viewer v = ui_view(a);
    if (view_sees_key(&v, g, card)) y = answer(a, card, r, y);
    if (!ui_analysis_editable(a, d->board)) return y;
    char gr = 0;
    int gc = 0;
    analysis_grade_of(g, card, &gr, &gc);
    char pend = a->mx_card == card && a->mx_rel ? a->mx_rel : gr;
    y = buttons(a, r, y, _("SOURCE RELIABILITY"), rel, 6, ACT_MX_REL, card * 8,
                pend ? pend - 'A' : -1);
    y = buttons(a, r, y, _("INFORMATION CREDIBILITY"), cred, 6, ACT_MX_CRED, card * 8,
                gc ? gc - 1 : -1);
    for (int h = 0; h < b->nhyps; h++) {
        int fit = analysis_mark_of(g, card, h);
        y = buttons(a, r, y, b->hyps[h].val, fits, 3, ACT_MX_FIT, (card * 16 + h) * 4 + 1,
                    fit ? fit - 1 : -1);
    }
    return y;
}
