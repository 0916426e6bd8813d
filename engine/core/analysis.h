/*
 * analysis.h -- attribution as the players' own analysis (issue 14): on a
 * board that declares `hypotheses` and `graded_by`, cards arrive with their
 * provenance and content only. The grading team grades each card (the
 * NATO/Admiralty code: source reliability A-F, information credibility 1-6)
 * and marks it against each competing hypothesis (consistent, inconsistent,
 * neutral: Heuer's analysis of competing hypotheses, ACH). The team's
 * assessment is computed from that work alone; the cards' true grades, the
 * author's key and the hidden truth are shown only at the debrief
 * (view_sees_key), where the grading is scored.
 *
 * The assessment (ACH): each graded card weighs w = r(reliability) x
 * c(credibility) (ANALYSIS_REL_W, ANALYSIS_CRED_W). For each hypothesis the
 * weight of the evidence against it is summed; the leading hypothesis is the
 * one with the least against it (ACH asks which hypothesis the evidence
 * fails to refute, not which it seems to confirm; ties go to the one with
 * more consistent evidence). Its margin over the runner-up picks the
 * likelihood, in the words of ODNI's Intelligence Community Directive 203
 * ("likely" 55-80%, "very likely" 80-95%, "almost certain" 95-99%); the
 * confidence (ICD 203's low / moderate / high, a separate judgement of the
 * evidence's quality) comes from the weight of the diagnostic cards, those
 * against the runner-up and not against the lead, and from how many levels
 * (the board's rows: Rid and Buchanan's tactical, operational, strategic)
 * they come from. The numbers are a game's calibration, stated here once.
 *
 * The same computation on the true grades and the key (truth = 1) says what
 * the evidence revealed so far really supports: a scenario's consequences
 * can follow it (g:assessment(board, "truth")).
 */
#ifndef CR_ANALYSIS_H
#define CR_ANALYSIS_H

#include "game.h"
#include "util.h"

typedef enum {
    LIKELY_NONE,
    LIKELY_LIKELY,
    LIKELY_VERY,
    LIKELY_ALMOST,
    LIKELY_COUNT
} analysis_likely;
typedef enum { CONF_LOW, CONF_MODERATE, CONF_HIGH, CONF_COUNT } analysis_conf;

typedef struct analysis {
    int board, nhyp;
    double against[CR_MAX_HYPOTHESES]; /* weight of the evidence inconsistent with each */
    double support[CR_MAX_HYPOTHESES]; /* and consistent with it */
    int lead, runner;                  /* hypothesis indexes; -1 none */
    double margin;                     /* against[runner] - against[lead] */
    double diagnostic;                 /* weight against the runner-up and not the lead */
    int levels;                        /* rows the diagnostic cards come from */
    analysis_likely likely;
    analysis_conf conf;
    int cards, graded, marked; /* revealed cards of the board; graded; with a mark */
} analysis;

/* 1 when the board is an analysis board (it has hypotheses). */
int analysis_is_board(const def_scenario *sc, int board);
/* The analysis board a card is on, or -1. */
int analysis_board_of(const def_scenario *sc, int card);
/* The weight of a grade (0 for none). */
double analysis_weight(char reliability, int credibility);
/* The assessment of the revealed cards: the team's (truth 0), or the one
   the true grades and the key give (truth 1). */
void analysis_assess(const game *g, int board, int truth, analysis *out);
/* ICD 203's words: "likely" ...; the band ("55-80%"); "low" ... */
const char *analysis_likely_word(analysis_likely l);
const char *analysis_likely_band(analysis_likely l);
const char *analysis_conf_word(analysis_conf c);
/* The assessment in a sentence: "The Iranian state: very likely (80-95%),
   moderate confidence (ICD 203)", or why there is none yet. */
void analysis_words(const game *g, const analysis *a, char *buf, size_t size);

/* The team's grade of a card: 1 and its parts, 0 when not graded. */
int analysis_grade_of(const game *g, int card, char *reliability, int *credibility);
/* The team's mark of a card against hypothesis h (FIT_NONE: none). */
int analysis_mark_of(const game *g, int card, int h);
/* The author's key of a card against h, neutral when not keyed. */
int analysis_key_of(const def_scenario *sc, int card, int h);
/* Steps between two grades: letters and digits each count one a step. */
int analysis_distance(char r1, int c1, char r2, int c2);

/* How the team's analysis compares with the truth, for the debrief. */
typedef struct analysis_score {
    int cards;        /* revealed cards of the board */
    int graded;       /* of them graded by the team */
    int keyed;        /* of the graded, those with true grades to compare with */
    int exact, near;  /* graded exactly, one step off */
    double distance;  /* mean steps off, over the keyed */
    int cells, agree; /* marks given; equal to the key */
    int truth_hyp;    /* the variant's true hypothesis, -1 unknown */
    analysis team, real;
} analysis_score;
void analysis_score_of(const game *g, int board, analysis_score *out);
/* The score in sentences, for every debrief. */
void analysis_score_words(const game *g, const analysis_score *s, strbuf *out);

/* The commands grade and mark (cmd.h), from game_apply. */
game_rc analysis_grade(game *g, const cmd *c);
game_rc analysis_mark(game *g, const cmd *c);
/* 1 when the role grades an analysis board that has revealed cards: it has
   something to do (skip_idle). */
int analysis_has_work(const game *g, int role);

#endif
