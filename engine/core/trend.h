/*
 * trend.h -- which way a meter went, in one place for every front end (the
 * text mode's status, the window's meters, the team pages' state).
 *
 * During the game a trend compares the value now with the value at the
 * start of the previous turn that stopped for the teams: what changed while
 * the room last moved and since (a player looks once a turn, and compared
 * with the end of the last turn a change made during its moves read as
 * "steady"). In the first turn that stopped, and once the game has ended, it
 * compares with the start of the game. A change that rounds to nothing as
 * shown (under half a unit) is steady.
 */
#ifndef CR_TREND_H
#define CR_TREND_H

#include <stddef.h>

#include "game.h"

typedef enum { TREND_STEADY, TREND_UP, TREND_DOWN } trend_dir;

typedef struct trend {
    double before, now, delta;
    trend_dir dir;
    int since; /* the turn whose start it compares with; 0: the start of the game */
} trend;

/* The trend of meter m now. */
trend trend_of(const game *g, int m);
/* "up", "down", "steady". */
const char *trend_word(trend_dir d);
/* "up 15 since the start of turn 3", "steady since the start". */
void trend_words(const trend *t, char *buf, size_t size);

#endif
