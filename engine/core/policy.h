/*
 * policy.h -- automatic players: pick the next command for whoever's move it
 * is, for --auto, batch runs, checks and scenario tests. When teams move at
 * once (game.h, simultaneous), it plays the first team still moving and
 * ends its move with `end ROLE`.
 *   random:     a random available option for each open decision, random
 *               actions while points last (seeded: its own generator stream)
 *   first:      the first available option of each decision, no actions
 *   historical: the options and actions flagged as what really happened,
 *               and on an analysis board (analysis.h) each card graded as
 *               its source deserves and marked by the author's key
 * Random play grades and marks the cards of its analysis boards at random.
 */
#ifndef CR_POLICY_H
#define CR_POLICY_H

#include "game.h"

typedef enum { POLICY_RANDOM, POLICY_FIRST, POLICY_HISTORICAL } policy_kind;

typedef struct policy {
    policy_kind kind;
    rng r;
    int turn, role, steps; /* the move being played, and commands in it */
    int done[32], ndone;   /* historical entries taken in this move */
} policy;

/* -1 for an unknown name. */
int policy_parse(const char *name, policy_kind *out);
const char *policy_name(policy_kind k); /* "random" ... (the journal's provenance) */
void policy_init(policy *p, policy_kind kind, uint64_t seed);
/* The next command. Returns -1 when the game has ended or on a script
   error (g->failed). */
int policy_next(policy *p, game *g, cmd *out);

#endif
