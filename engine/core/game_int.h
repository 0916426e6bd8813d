/*
 * game_int.h -- what the game_*.c files, effect.c and analysis.c share;
 * not for front ends.
 */
#ifndef CR_GAME_INT_H
#define CR_GAME_INT_H

#include "game.h"

/* Apply an effect bundle; delayed bundles are queued unless `due` says the
   delay has already run. 0 or -1 (script error). */
int effect_apply(game *g, int effect, const char *target, int due);
int effect_apply_list(game *g, const int *effects, int n, const char *target);
/* Run a callback that may change the game (an effect's run, on_turn). */
int effect_run(game *g, int ref, const char *target);
/* The longest text a callback computes (a name, a brief, an ending's). */
#define GAME_TEXT_MAX 4096
/* Action points a role may hold (g:add_budget and g:add_points stop there). */
#define GAME_MAX_POINTS 1000
/* Requirements of a move: 1 hold, 0 not (reason in why), -1 script error. */
int effect_requirements(game *g, const def_move *m, char *why, size_t whylen);
/* Reveal an evidence card (once: it keeps the turn it first showed). */
void effect_reveal(game *g, int card);
/* Deliver an event now (if not yet delivered or suppressed). */
int game_deliver(game *g, int event);
/* Deliver now or queue it `delay` turns on. */
int game_schedule(game *g, int event, int delay);
/* Events that follow an option chosen. */
int game_after_option(game *g, int move);
void game_add_log(game *g, game_log_kind kind, int role, int ref, double value, const char *text,
                  const char *aux);
/* An outcome whose text belongs to the definitions: no copy. */
void game_add_outcome(game *g, const char *def_text);
/* A new inbox item, open, delivered this turn. */
game_item *game_new_item(game *g, int event, uint32_t to);

/* game.c: the command is refused; err says why (what is valid).
   GAME_REFUSED, so that a handler returns it. */
game_rc game_refuse(game *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* game_cmd.c: refused because the role (simultaneous play) has ended its
   move this turn. */
game_rc game_refuse_done(game *g, int role);

/* game_turn.c: the turn machine. Each is 0, or -1 on a script error. */
int game_start_turn(game *g);
/* Pass over what does not stop for the teams where a move would start. */
int game_pass_over(game *g);
int game_end_turn(game *g);
/* End the game with an ending (-1: the first whose condition holds). */
int game_finish(game *g, int ending);
/* An open decision takes its default option. */
int game_apply_default(game *g, int item);
/* The bit of every role (what g->done holds when every team is done). */
uint32_t game_every_role(const game *g);

/* game_adhoc.c: `inject` (now, or held for the resume while paused), the
   answer to an ad-hoc decision (`choose ID N`), and the held injects
   delivered at the resume. */
game_rc game_adhoc_inject(game *g, const cmd *c);
game_rc game_adhoc_answer(game *g, int item, const cmd *c);
void game_adhoc_release(game *g);

#endif
