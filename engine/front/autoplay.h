/*
 * autoplay.h -- a game finished by an automatic player (policy.h): `run
 * --auto`, `resume --auto`, batch runs and `check --runs` all go through
 * this one loop, under one cap.
 *
 * Each step asks the policy for the next command of whoever's move it is
 * and applies it: straight to game_apply (the batch's hot path: no journal,
 * no command lines), or through a caller's apply function (a session, which
 * journals it). The loop ends when the game ends (success), and fails with
 * a message when the policy's command is refused, a script error stops the
 * game, or the cap is reached.
 */
#ifndef CR_AUTOPLAY_H
#define CR_AUTOPLAY_H

#include <stddef.h>

#include "journal.h"
#include "policy.h"
#include "session.h"

/* Commands in one game. A save holds at most JOURNAL_MAX_LINES commands,
   so a game that needs more could not be resumed by any front end: past it
   the game is taken to be going nowhere. (The policy ends a move after a
   few dozen commands and a scenario has at most CR_MAX_TURNS turns, so a
   sound scenario stays far below.) */
#define AUTOPLAY_MAX_COMMANDS JOURNAL_MAX_LINES

/* Apply one command: 0 taken; -1 refused; another value, a script error
   (as game_apply and session_apply return). Either way the reason goes to
   why. */
typedef int (*autoplay_apply_fn)(void *ud, const cmd *c, char *why, size_t whylen);
/* Called before each command, with move_start 1 when a new role's move or
   turn has begun; nonzero stops the game (an observer's script error). */
typedef int (*autoplay_watch_fn)(void *ud, game *g, int move_start);

typedef struct autoplay {
    policy_kind policy;
    uint64_t seed;           /* the policy's own stream */
    autoplay_apply_fn apply; /* NULL: game_apply on *gp */
    autoplay_watch_fn watch; /* NULL: none */
    void *ud;
} autoplay;

/* Play *gp to its end. *gp is read again after every command, since an
   apply function may replace the game (a session rebuilds it after a
   script error). 0 when the game ended, or when watch stopped it without a
   script error; -1 with err otherwise. */
int autoplay_run(const autoplay *a, game **gp, char *err, size_t errlen);

/* Finish a session's game by policy k, each command through
   session_apply (journaled with the provenance {"by": "policy", "name":
   the policy's name}, never as the team's). The policy's stream is seeded
   with the session's seed. 0 or -1 with err, as autoplay_run. */
int autoplay_session(session *s, policy_kind k, char *err, size_t errlen);

/* The facilitator's jump to a turn: policy k plays every move, as
   autoplay_session does, until turn `turn` begins (its first move is left
   to the team) or the game ends. 0 then (nothing to do when the game is
   there already); -1 with err when the game is paused or over, the turn
   is not one of the scenario's, or the policy's command is refused. */
int autoplay_session_to(session *s, policy_kind k, int turn, char *err, size_t errlen);

#endif
