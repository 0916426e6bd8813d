/*
 * movetimer.h -- the move timer: a countdown of the move in progress that
 * the window shows large and the host runs for every device. One concept
 * for both: its length is the game's (`timer MINUTES [close]`, journaled,
 * so that a replay, a reload and a resume restore it: game.h's timer_ms),
 * and this is its running state, which front ends keep on their own clock
 * (milliseconds, any origin).
 *
 * It counts one move: each role's move in hot-seat play, the turn when
 * teams move at once. A new move or a new length starts it again from
 * full. It runs only while a team can act: the front end says when it
 * cannot (the window: the briefing, the hand-over, the menu, the projector
 * held), and never while the game is paused or over. Once at zero it stays
 * there until the next move. A resumed game goes on from the time its
 * move had used (record.h's current_ms), not from full.
 */
#ifndef CR_MOVETIMER_H
#define CR_MOVETIMER_H

#include "game.h"

typedef struct movetimer {
    int len_ms;         /* the length it counts (the game's when last synced); 0 none */
    int turn, role;     /* the move it counts (role -1 when teams move at once) */
    long long used_ms;  /* spent before since_ms */
    long long since_ms; /* when it last started running */
    int running;
} movetimer;

/* No timer, no move yet: the first sync takes the game's. */
void movetimer_init(movetimer *t);
/* Follow the game at time now; can_act 0 holds it. 1 when what it shows
   may have changed (it started, stopped or began a move again). */
int movetimer_sync(movetimer *t, const game *g, int can_act, long long now);
/* Milliseconds left at now (0 once over), -1 when there is no timer. */
long long movetimer_left(const movetimer *t, long long now);
/* The move in progress had already used ms (a save resumed): it goes on
   from there. */
void movetimer_spent(movetimer *t, long long ms, long long now);

#endif
