/*
 * analysis.c -- see analysis.h.
 */
#include "analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_int.h"
#include "i18n.h"

/* What a grade weighs (analysis.h). Reliability A (completely reliable) ..
   E (unreliable); F (cannot be judged) counts little, as a new source
   does. Credibility 1 (confirmed) .. 5 (improbable); 6 (cannot be judged)
   as little. */
static const double ANALYSIS_REL_W[6] = {1.0, 0.8, 0.6, 0.4, 0.2, 0.3};
static const double ANALYSIS_CRED_W[6] = {1.0, 0.8, 0.6, 0.3, 0.1, 0.3};
/* Margins of the lead over the runner-up for each likelihood: below the
   first the evidence favours no hypothesis yet. About one card graded B2
   (0.64) against the runner-up is "likely"; two, "very likely"; three or
   more, "almost certain". */
static const double ANALYSIS_MARGIN[LIKELY_COUNT] = {0, 0.5, 1.2, 2.0};
/* Evidence against the lead itself from which its likelihood drops a step. */
#define ANALYSIS_LEAD_DOUBT 0.5
/* Diagnostic weight for moderate and for high confidence; high also needs
   diagnostic cards from two levels and next to nothing against the lead. */
#define ANALYSIS_CONF_MODERATE 1.0
#define ANALYSIS_CONF_HIGH     2.0
#define ANALYSIS_CONF_DOUBT    0.3

int analysis_is_board(const def_scenario *sc, int board)
{
    return board >= 0 && board < sc->nboards && sc->boards[board].nhyps > 0;
}

int analysis_board_of(const def_scenario *sc, int card)
{
    if (card < 0 || card >= sc->ncards) return -1;
    return analysis_is_board(sc, sc->cards[card].board) ? sc->cards[card].board : -1;
}

double analysis_weight(char reliability, int credibility)
{
    if (reliability < 'A' || reliability > 'F' || credibility < 1 || credibility > 6) return 0;
    return ANALYSIS_REL_W[reliability - 'A'] * ANALYSIS_CRED_W[credibility - 1];
}

int analysis_grade_of(const game *g, int card, char *reliability, int *credibility)
{
    if (card < 0 || card >= g->sc->ncards || !g->grade_rel[card]) return 0;
    if (reliability) *reliability = g->grade_rel[card];
    if (credibility) *credibility = g->grade_cred[card];
    return 1;
}

int analysis_mark_of(const game *g, int card, int h)
{
    if (card < 0 || card >= g->sc->ncards || h < 0 || h >= CR_MAX_HYPOTHESES) return FIT_NONE;
    return g->marks[card * CR_MAX_HYPOTHESES + h];
}

int analysis_key_of(const def_scenario *sc, int card, int h)
{
    int f = sc->cards[card].fits[h];
    return f == FIT_NONE ? FIT_NEUTRAL : f;
}

int analysis_distance(char r1, int c1, char r2, int c2)
{
    return abs(r1 - r2) + abs(c1 - c2);
}

/* The row (level) a card sits in, for counting levels. */
static int level_of(const def_board *b, const def_card *c)
{
    const char *attr = b->row_attr ? b->row_attr : "level";
    for (int i = 0; i < c->nattrs; i++)
        if (!strcmp(c->attrs[i].key, attr))
            for (int r = 0; r < b->nrows; r++)
                if (!strcmp(b->rows[r], c->attrs[i].val)) return r;
    return b->nrows; /* "other" */
}

/* One card's weight and fits as the assessment reads them: the team's, or
   the truth's. 0 when it does not count. */
static double card_reading(const game *g, int card, int truth, int *fit)
{
    const def_card *c = &g->sc->cards[card];
    const def_board *b = &g->sc->boards[c->board];
    for (int h = 0; h < b->nhyps; h++)
        fit[h] = truth ? analysis_key_of(g->sc, card, h) : analysis_mark_of(g, card, h);
    if (truth) return analysis_weight(c->reliability, c->credibility);
    return analysis_weight(g->grade_rel[card], g->grade_cred[card]);
}

static void add_card(const game *g, int card, int truth, analysis *a)
{
    int fit[CR_MAX_HYPOTHESES], marked = 0;
    double w = card_reading(g, card, truth, fit);
    a->cards++;
    a->graded += truth ? w > 0 : g->grade_rel[card] != 0;
    for (int h = 0; h < a->nhyp; h++) {
        marked |= fit[h] != FIT_NONE;
        if (fit[h] == FIT_INCONSISTENT) a->against[h] += w;
        if (fit[h] == FIT_CONSISTENT) a->support[h] += w;
    }
    a->marked += marked;
}

/* The lead: least against it, then most for it; -1 when nothing tells the
   hypotheses apart. */
static void rank(analysis *a)
{
    a->lead = a->runner = -1;
    for (int h = 0; h < a->nhyp; h++)
        if (a->lead < 0 || a->against[h] < a->against[a->lead] - 1e-9 ||
            (fabs(a->against[h] - a->against[a->lead]) < 1e-9 &&
             a->support[h] > a->support[a->lead] + 1e-9))
            a->lead = h;
    for (int h = 0; h < a->nhyp; h++)
        if (h != a->lead && (a->runner < 0 || a->against[h] < a->against[a->runner])) a->runner = h;
    if (a->lead < 0 || a->runner < 0) return;
    if (fabs(a->against[a->lead] - a->against[a->runner]) < 1e-9 &&
        fabs(a->support[a->lead] - a->support[a->runner]) < 1e-9)
        a->lead = -1; /* a tie on both counts */
}

/* Diagnostic weight and its levels: cards against the runner-up, not the lead. */
static void diagnose(const game *g, int truth, analysis *a)
{
    const def_scenario *sc = g->sc;
    const def_board *b = &sc->boards[a->board];
    uint32_t rows = 0;
    for (int c = 0; c < sc->ncards; c++) {
        if (sc->cards[c].board != a->board || !g->card_turn[c]) continue;
        int fit[CR_MAX_HYPOTHESES];
        double w = card_reading(g, c, truth, fit);
        if (w <= 0 || fit[a->runner] != FIT_INCONSISTENT || fit[a->lead] == FIT_INCONSISTENT)
            continue;
        a->diagnostic += w;
        int lv = level_of(b, &sc->cards[c]);
        rows |= 1u << (lv < 31 ? lv : 31);
    }
    for (; rows; rows &= rows - 1) a->levels++;
}

static void judge(analysis *a)
{
    a->likely = LIKELY_NONE;
    a->conf = CONF_LOW;
    if (a->lead < 0) return;
    a->margin = a->against[a->runner] - a->against[a->lead];
    for (int l = LIKELY_ALMOST; l > LIKELY_NONE; l--)
        if (a->margin >= ANALYSIS_MARGIN[l]) {
            a->likely = (analysis_likely)l;
            break;
        }
    if (a->likely > LIKELY_NONE && a->against[a->lead] >= ANALYSIS_LEAD_DOUBT) a->likely--;
    if (a->diagnostic >= ANALYSIS_CONF_HIGH && a->levels >= 2 &&
        a->against[a->lead] < ANALYSIS_CONF_DOUBT)
        a->conf = CONF_HIGH;
    else if (a->diagnostic >= ANALYSIS_CONF_MODERATE)
        a->conf = CONF_MODERATE;
}

void analysis_assess(const game *g, int board, int truth, analysis *out)
{
    const def_scenario *sc = g->sc;
    memset(out, 0, sizeof *out);
    out->board = board;
    out->lead = out->runner = -1;
    if (!analysis_is_board(sc, board)) return;
    out->nhyp = sc->boards[board].nhyps;
    for (int c = 0; c < sc->ncards; c++)
        if (sc->cards[c].board == board && g->card_turn[c]) add_card(g, c, truth, out);
    rank(out);
    if (out->lead >= 0 && out->runner >= 0) diagnose(g, truth, out);
    judge(out);
}

const char *analysis_likely_word(analysis_likely l)
{
    static const char *const w[LIKELY_COUNT] = {N_("no judgement yet"), N_("likely"),
                                                N_("very likely"), N_("almost certain")};
    return w[l < LIKELY_COUNT ? l : 0];
}

const char *analysis_likely_band(analysis_likely l)
{
    static const char *const w[LIKELY_COUNT] = {"", "55-80%", "80-95%", "95-99%"};
    return w[l < LIKELY_COUNT ? l : 0];
}

const char *analysis_conf_word(analysis_conf c)
{
    static const char *const w[CONF_COUNT] = {N_("low"), N_("moderate"), N_("high")};
    return w[c < CONF_COUNT ? c : 0];
}

void analysis_words(const game *g, const analysis *a, char *buf, size_t size)
{
    const def_board *b = &g->sc->boards[a->board];
    if (!a->graded)
        str_fmt(buf, size,
                _("No assessment yet: grade the cards and mark them against each "
                  "hypothesis."));
    else if (a->lead < 0)
        str_fmt(buf, size, _("The graded evidence favours no hypothesis yet."));
    else if (a->margin <= 0) /* a tie: naming one first would read as a lead */
        str_fmt(buf, size,
                _("No hypothesis leads yet: the graded evidence does not tell %s from %s."),
                b->hyps[a->lead].val, b->hyps[a->runner].val);
    else if (a->likely == LIKELY_NONE)
        str_fmt(buf, size, _("%s leads, but the graded evidence does not yet favour it over %s."),
                b->hyps[a->lead].val, b->hyps[a->runner].val);
    else
        str_fmt(buf, size, _("%s: %s (%s), %s confidence (ICD 203)."), b->hyps[a->lead].val,
                _(analysis_likely_word(a->likely)), analysis_likely_band(a->likely),
                _(analysis_conf_word(a->conf)));
}

/* Scoring ---------------------------------------------------------------- */

static int true_hypothesis(const game *g, int board)
{
    if (g->variant < 0 || g->variant >= g->sc->nvariants) return -1;
    const char *h = g->sc->variants[g->variant].hypothesis;
    return h ? def_hyp_find(&g->sc->boards[board], h) : -1;
}

static void score_card(const game *g, int c, int nhyp, analysis_score *s)
{
    const def_card *d = &g->sc->cards[c];
    s->cards++;
    for (int h = 0; h < nhyp; h++) {
        int m = analysis_mark_of(g, c, h);
        if (m == FIT_NONE) continue;
        s->cells++;
        s->agree += m == analysis_key_of(g->sc, c, h);
    }
    if (!g->grade_rel[c]) return;
    s->graded++;
    if (!d->reliability || !d->credibility) return;
    int k = analysis_distance(g->grade_rel[c], g->grade_cred[c], d->reliability, d->credibility);
    s->keyed++;
    s->exact += k == 0;
    s->near += k == 1;
    s->distance += k;
}

void analysis_score_of(const game *g, int board, analysis_score *out)
{
    memset(out, 0, sizeof *out);
    out->truth_hyp = -1;
    if (!analysis_is_board(g->sc, board)) return;
    for (int c = 0; c < g->sc->ncards; c++)
        if (g->sc->cards[c].board == board && g->card_turn[c])
            score_card(g, c, g->sc->boards[board].nhyps, out);
    if (out->keyed) out->distance /= out->keyed;
    out->truth_hyp = true_hypothesis(g, board);
    analysis_assess(g, board, 0, &out->team);
    analysis_assess(g, board, 1, &out->real);
}

static void pointed(const game *g, const analysis *a, int truth_hyp, strbuf *out)
{
    char w[600];
    analysis_words(g, a, w, sizeof w);
    sb_puts(out, w);
    if (truth_hyp < 0 || a->lead < 0) return;
    sb_puts(out, a->lead == truth_hyp ? _(" That is the hidden truth of this game.")
                                      : _(" That is not the hidden truth of this game."));
}

void analysis_score_words(const game *g, const analysis_score *s, strbuf *out)
{
    const def_board *b = &g->sc->boards[s->team.board];
    sb_printf(out, _("Grades: %d of the %d cards revealed were graded"), s->graded, s->cards);
    if (s->keyed)
        sb_printf(out,
                  _("; %d exactly as the sources deserved, %d one step off, %.1f steps off on "
                    "average (a step is one letter or one digit)."),
                  s->exact, s->near, s->distance);
    else
        sb_puts(out, ".");
    sb_printf(out, _("\nMarks: %d of the %d cells marked agree with the key.\n"), s->agree,
              s->cells);
    sb_puts(out, _("The team's matrix: "));
    pointed(g, &s->team, s->truth_hyp, out);
    sb_puts(out, _("\nWith the true grades and the key, the evidence revealed: "));
    pointed(g, &s->real, s->truth_hyp, out);
    if (s->truth_hyp >= 0)
        sb_printf(out, _("\nIn this game's hidden truth: %s."), b->hyps[s->truth_hyp].val);
    sb_puts(out, "\n");
}

/* The commands ------------------------------------------------------------- */

/* The card named, on an analysis board, revealed; its grader moving. */
static int card_arg(game *g, const cmd *c, int *board)
{
    const def_scenario *sc = g->sc;
    int card = def_card_find(sc, c->a);
    if (card < 0 || !g->card_turn[card]) {
        game_refuse(g, "no card '%s' on the board (the revealed cards are listed by 'board')",
                    c->a);
        return -1;
    }
    *board = analysis_board_of(sc, card);
    const def_board *b = *board >= 0 ? &sc->boards[*board] : NULL;
    if (!b || b->graded_by < 0) {
        game_refuse(g,
                    "card '%s' is on a board nobody grades (its board has no hypotheses and "
                    "graded_by)",
                    c->a);
        return -1;
    }
    int role = b->graded_by;
    if (!g->simultaneous && g->role != role) {
        game_refuse(g, "the cards of '%s' are graded by %s, and it is %s's move", b->id,
                    sc->roles[role].id, sc->roles[g->role].id);
        return -1;
    }
    if (game_role_done(g, role)) {
        game_refuse_done(g, role);
        return -1;
    }
    return card;
}

game_rc analysis_grade(game *g, const cmd *c)
{
    int board, card = card_arg(g, c, &board);
    if (card < 0) return GAME_REFUSED;
    /* "B2": the source's reliability, then the information's credibility */
    char r = c->b[0] >= 'a' && c->b[0] <= 'f' ? (char)(c->b[0] - 'a' + 'A') : c->b[0];
    int k = c->b[0] ? c->b[1] - '0' : 0;
    if (r < 'A' || r > 'F' || k < 1 || k > 6 || c->b[2])
        return game_refuse(g,
                           "grade '%s': a letter and a digit, e.g. B2: the source's reliability "
                           "A (completely reliable) to F (cannot be judged), then the "
                           "information's credibility 1 (confirmed) to 6 (cannot be judged)",
                           c->b);
    g->grade_rel[card] = r;
    g->grade_cred[card] = (uint8_t)k;
    game_add_log(g, LOG_GRADE, g->sc->boards[board].graded_by, card, (r - 'A') * 10 + k, c->text,
                 NULL);
    return GAME_OK;
}

game_rc analysis_mark(game *g, const cmd *c)
{
    int board, card = card_arg(g, c, &board);
    if (card < 0) return GAME_REFUSED;
    const def_board *b = &g->sc->boards[board];
    int h = def_hyp_find(b, c->b);
    if (h < 0) {
        strbuf ids = {0};
        for (int i = 0; i < b->nhyps; i++) sb_printf(&ids, "%s%s", i ? ", " : "", b->hyps[i].key);
        game_refuse(g, "unknown hypothesis '%s'; hypotheses of '%s': %s", c->b, b->id, ids.s);
        sb_free(&ids);
        return GAME_REFUSED;
    }
    int fit = !strcmp(c->c, "clear") || !strcmp(c->c, "-") ? FIT_NONE : def_fit_parse(c->c);
    if (fit < 0)
        return game_refuse(g, "fit '%s': consistent, inconsistent or neutral (c, i, n), or clear",
                           c->c);
    g->marks[card * CR_MAX_HYPOTHESES + h] = (uint8_t)fit;
    game_add_log(g, LOG_MARK, b->graded_by, card, h * 10 + fit, c->text, NULL);
    return GAME_OK;
}

int analysis_has_work(const game *g, int role)
{
    const def_scenario *sc = g->sc;
    int grades = 0; /* most roles grade no board: the automatic players ask for each */
    for (int b = 0; b < sc->nboards && !grades; b++)
        grades = analysis_is_board(sc, b) && sc->boards[b].graded_by == role;
    if (!grades) return 0;
    for (int c = 0; c < sc->ncards; c++) {
        int b = analysis_board_of(sc, c);
        if (b >= 0 && sc->boards[b].graded_by == role && g->card_turn[c]) return 1;
    }
    return 0;
}
