/*
 * text.h -- what the text mode's files share (text.c, text_board.c): text
 * wrapped for a terminal, and the boards drawn for one.
 */
#ifndef CR_TEXT_H
#define CR_TEXT_H

#include "game.h"
#include "session.h"
#include "view.h"

/* Print text wrapped at width columns (UTF-8 sequences counted once), each
   line after the first indented like the first; words are never cut. */
void text_wrap(int width, int indent, const char *text);

/* The boards v sees, each as the grid of its columns and rows within width
   columns (or a list by row and column when the cells would be too narrow),
   then every card of it in full. */
void text_board(const game *g, const viewer *v, int width);

/* An analysis board (analysis.h, text_analysis.c): the matrix of its cards
   by hypotheses with the team's grades and marks (and, where v sees the
   key, the true grades and the key), the team's assessment; its cards in
   full; and at the debrief how the grading scored. */
void text_analysis_board(const game *g, int board, const viewer *v, int width);
void text_analysis_cards(const game *g, int board, const viewer *v, int width);
void text_analysis_score(const game *g, int board, int width);

/* The debrief's parts that tell history apart from this game's truth
   (text_debrief.c), and the pause points: the questions put to the room
   as this turn starts (the count printed). */
void text_debrief_truth(const game *g, const viewer *v, int width);
void text_debrief_analysis(const game *g, const viewer *v, int width);
void text_debrief_history(const session *s, const viewer *v, int width);
void text_debrief_questions(const game *g, int width);
int text_pause_points(const game *g, int width);

/* The text mode's `whatif N [POLICY] LINE` (whatif.c): at the debrief, the
   game played again with its command N replaced by LINE, beside the game
   as played. Before the end it is refused: a policy playing the rest of
   the game would show the players what is to come. */
struct session;
void text_whatif(const struct session *s, const char *arg);

#endif
